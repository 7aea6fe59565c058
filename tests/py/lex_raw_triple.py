# Raw strings, triple-quoted strings, implicit concatenation.
print(r"a\nb", len(r"a\nb"), R'\x41', r'\'')
print(repr(r"\d+\s*"), rb"\x00" == b"\\x00")
t = """first
  second 'quoted' "dq"
third\tend"""
print(t)
print(repr(t))
u = '''single ''' 'triple'
print(u)
v = ("implicit " 'concat'
     " across lines" """ and triple""")
print(v)
w = """\
no leading newline"""
print(repr(w))
print(repr(""""""), repr(''''''), len("""a""b"""))
print(r"""raw \n triple""", Rb'x\y')
print("a" "b" "c" == "abc")
print(repr(f"x" "y" rf"{1}\n"))
