# bytes: construction, indexing, slicing, methods.
b = b"hello world"
print(b[0], b[-1], b[0:5], b[::-1], b[::2], len(b), b"wor" in b, 111 in b, b + b"!", b * 2)
print(bytes(5), bytes([65, 66, 67]), bytes("héllo", "utf-8"), bytes(range(5)), bytes(b"copy"), bytes())
print(b.upper(), b.title(), b.capitalize(), b.split(), b.split(b"o"), b.replace(b"l", b"L"), b.find(b"o"), b.rfind(b"o"))
print(b.count(b"l"), b.index(b"w"), b.startswith(b"he"), b.endswith((b"x", b"ld")), b.strip(b"hd"), b"  x ".strip())
print(b"-".join([b"a", b"b", b"c"]), b.partition(b" "), b.rpartition(b"o"), b.hex(), b.hex(":"), bytes.fromhex("de ad BE EF"))
print(b.decode(), b"caf\xc3\xa9".decode("utf-8"), b"\xe9".decode("latin-1"), b"\xff\xfe".decode("utf-8", "replace"), b"ab\xff".decode("ascii", "ignore"))
print(b.isalpha(), b"abc".isalpha(), b"123".isdigit(), b"  ".isspace(), b"ABC".isupper(), b"abc".islower(), b"a1".isalnum())
print(b.center(15, b"*"), b"7".zfill(3), b"ab".ljust(4, b"."), b"ab".rjust(4), b"a\tb".expandtabs(4), b"line1\nline2".splitlines())
print(list(b"abc"), [c for c in b"\x00\xff"], b"abc" == b"abc", b"abc" < b"abd", b"a" == "a", bytes([255]) == b"\xff")
print(repr(b"\n\r\t\\'\""), b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"%d-%s" % (1, b"x"))
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    bytes("x")
except TypeError as e:
    print(type(e).__name__, e)
print(b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"), b"a,b".split(b","), b"x".join([]), bytes.fromhex(""))
