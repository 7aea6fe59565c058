# Caret columns after non-ASCII characters (the recorded columns are UTF-8 bytes), after wide
# East Asian characters and emoji (two columns each), and under tab-indented code.
import traceback

HERE = __file__


def show(label):
    print("--", label)
    print(traceback.format_exc().replace(HERE, "HERE"), end="")


données = {"clé": 1}
名前 = {"キー": 2}

try:
    x = "héllo wörld" + données["clé"]
except TypeError:
    show("accents before the operator")
try:
    x = données["clé"] + 名前["なし"]
except KeyError:
    show("wide characters in the subscript")
try:
    x = "日本語テキスト" + 1
except TypeError:
    show("wide string operand")
try:
    x = "🐍🐍" + "x" + 名前["キー"] + "y"
except TypeError:
    show("emoji before the error")
try:
    x = "ÿ" * "ÿ"
except TypeError:
    show("latin-1 operands")
if True:
	try:
		x = 名前["キー"] + None
	except TypeError:
		show("tab indentation")
	if True:
		try:
			x = (données["clé"] +
			     名前["ない"])
		except KeyError:
			show("tabs and a multi-line span")

print("uncaught:")
if True:
	値 = "値" + 名前["キー"]
