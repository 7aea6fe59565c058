# bytearray: mutation, slicing, methods.
ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" ok")
print(ba, len(ba), ba[1], ba[1:3], bytes(ba))
ba[1:3] = b"EE"
print(ba)
ba[0:1] = b"JJJ"
print(ba)
del ba[0:2]
print(ba)
ba.insert(0, 62)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("E"))
print(ba, ba.find(b"l"), ba.count(b"l"), ba.index(b"o"))
ba.reverse()
print(ba)
ba += b"xyz"
print(ba, ba * 2, ba.upper(), ba.decode())
ba2 = bytearray(3)
print(ba2, bytearray(b"abc") == b"abc", bytearray([1, 2, 3]), bytearray("é", "utf-8"), bytearray(range(65, 70)))
ba3 = bytearray(b"a,b,c")
print(ba3.split(b","), ba3.replace(b",", b";"), ba3.hex(), bytearray.fromhex("4142"))
ba3.clear()
print(ba3, len(ba3))
c = bytearray(b"abc")
d = c.copy()
d[0] = 122
print(c, d, c is d)
try:
    c[0] = 300
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytearray(b"").pop()
except IndexError as e:
    print(type(e).__name__, e)
print(type(c + b"x").__name__, type(b"x" + c).__name__, list(c), c[-1])
m = bytearray(b"0123456789")
m[::2] = b"abcde"
print(m)
del m[::3]
print(m)
