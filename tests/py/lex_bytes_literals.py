# bytes literals and escapes.
b = b"abc\x00\xff\n\t\\\'\""
print(b, len(b), list(b))
print(B'xyz', br'\n', rb"\t", b'')
print(b'\101\102', b"\x41\x42" == b"AB")
print(repr(b'\x80\x7f ~'), repr(b"it's"), repr(b'say "x"'), repr(b'both \' "'))
print(b'a' b'b' b"c")
print(bytes(range(0, 256, 17)))
