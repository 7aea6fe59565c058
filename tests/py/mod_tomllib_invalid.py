# tomllib: invalid TOML documents; each must raise TOMLDecodeError with CPython's message and position.
import tomllib

CASES = [
    # statements and keys
    "= 1", "a", "a =", "a = ", "a = 1 b = 2", "a = 1\nb", "a.  = 1", "a..b = 1", "[a]x=1",
    "a = 1\na = 2", "a = 1\na.b = 2", "a.b = 1\na = 2", "\"\"\"key\"\"\" = 1", "a = 1 # ok\n!",
    "key = # nothing", "a = 1\n\n\n  c = d", "k\n= 1", "%",
    # tables
    "[a]\n[a]", "[a]\nb = 1\n[a.b]", "[a.b]\n[a]\n[a.b]", "a = 1\n[a]", "[a", "[a.]", "[]",
    "[a]]\n", "[[a]\n", "[[a]]\n[a]", "[a]\n[[a]]", "a = [1]\n[[a]]", "a = {}\n[a]",
    "a = {b = 1}\n[a.c]", "[x]\na.b = 1\n[x.a]", "[x]\na.b = 1\n[x]\na.c = 1",
    "[x.a]\n[x]\na.b = 1", "a = {b = 1}\na.c = 2", "a = [{b = 1}]\n[[a]]",
    "[[t]]\nx = 1\n[[t]]\nx = 1\nx = 2",
    # strings
    '"unterminated', 'a = "unterminated', 'a = "line\nbreak"', 'a = "bad \\q escape"',
    'a = "\\u12"', 'a = "\\uD800"', 'a = "\\U00110000"', "a = 'unterminated", "a = '''open",
    'a = """open', 'a = "tab\tok ctrl \x01"', "a = 'ctrl \x7f'", 'a = """\\  x\n"""',
    "a = 1 # comment \x00 with nul", 'a = """\x0b"""', "a = '''\x0c'''", 'a = "a\\',
    # numbers
    "a = 01", "a = 1__0", "a = _1", "a = 1_", "a = 0x", "a = 0X10", "a = 1.", "a = .5",
    "a = 1e", "a = +0x10", "a = 1.e2", "a = infinity", "a = --1", "a = 0b2", "a = 0o8",
    "a = nan1", "a = 1__000.0", "a = 3.14.15",
    # booleans and others
    "a = True", "a = tru", "a = falsey", "a = null",
    # dates
    "a = 2021-02-30", "a = 2021-13-01", "a = 2021-02-29", "a = 1979-05-27T25:00:00",
    "a = 1979-05-27T07:60:00", "a = 07:32", "a = 1979-05-27T07:32:00+24:00", "a = 1979-5-27",
    # arrays and inline tables
    "a = [1 2]", "a = [1,,2]", "a = [", "a = [1,", "a = [,]", "a = {", "a = {a = 1",
    "a = {a = 1,}", "a = {a = 1\n}", "a = {a = 1, a = 2}", "a = {a.b = 1, a.b = 2}",
    "a = {a = 1, a.b = 2}", "a = {a = [1], a.b = 2}", "a = {a = {b = 1}, a.c = 2}", "a = {,}",
    "a = {a = 1 b = 2}",
]

for text in CASES:
    try:
        res = tomllib.loads(text)
        print('parsed', repr(text), res)
    except tomllib.TOMLDecodeError as e:
        print(repr(text), '->', e)
    except Exception as e:
        print(repr(text), 'OTHER', type(e).__name__, e)

# the exception is catchable as ValueError and its args hold the message
try:
    tomllib.loads("a = 1\nb = [1,\n2")
except ValueError as e:
    print(type(e).__name__, e.args)
