# chr, ord, repr, ascii, str, format, bin/hex/oct round trips.
print(chr(97), chr(0x263A), ord("a"), ord("\u263a"), [ord(c) for c in "Az09"], "".join(chr(c) for c in range(65, 75)))
print(repr("a\nb"), repr("tab\t"), repr('"'), repr("'"), repr("\\"), repr("\x00"), repr("é"), repr("\u200b"), repr("日本"))
print(ascii("a\nb"), ascii("é"), ascii("日本"), ascii([1, "ü"]), ascii("\U0001F600"))
print(repr(1), repr(1.0), repr(None), repr(True), repr([1, "a", None]), repr((1,)), repr({"k": [1]}), repr(set()), repr(frozenset()), repr(b"b"))
print(str(1), str("s"), str([1, "a"]), str(b"x"), str(1.5), str(-0.0), str(10 ** 20), str(1e20))
print(format(1234.5, ",.1f"), format("x", "^5"), format(10, "b"), format(3.0), format(5), format("s"), format([1]))
for n in [0, 7, 255, -255, 2 ** 40]:
    print(n, int(bin(n), 2) == n, int(hex(n), 16) == n, int(oct(n), 8) == n, int(bin(n), 0) == n)
