# io.StringIO / io.BytesIO / io module constants, compared with CPython 3.13.
import io
import sys

s = io.StringIO()
print(s.write("hello\n"), s.write("world"), s.tell())
print(repr(s.getvalue()))
print(s.seek(0), repr(s.read()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(2)
print(repr(s.read(3)), s.tell())
s.seek(0, io.SEEK_END)
print(s.tell(), io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)

# print(..., file=...) writes through .write
out = io.StringIO()
print("a", 1, 2.5, sep="-", end="!\n", file=out)
print("second line", file=out)
print(repr(out.getvalue()))

# iteration and readlines
s = io.StringIO("one\ntwo\nthree")
print(list(s))
s.seek(0)
print(s.readlines())
s.seek(0)
print(s.readlines(5))
for i, line in enumerate(io.StringIO("x\ny\n")):
    print(i, repr(line))

# initial value: position 0, overwrite in the middle, write past the end
s = io.StringIO("abcdef")
print(s.tell(), repr(s.read(2)))
s.write("XY")
print(repr(s.getvalue()), s.tell())
s.seek(10)
s.write("Z")
print(repr(s.getvalue()))

# truncate
s = io.StringIO("0123456789")
print(s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(2)
print(s.truncate(), repr(s.getvalue()))

# readline with a size
s = io.StringIO("abcdef\nxyz\n")
print(repr(s.readline(3)), repr(s.readline()), repr(s.readline(-1)), repr(s.readline()))

# newline handling
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO(newline=nl)
    s.write("a\nb\r\nc\rd")
    v = s.getvalue()
    s.seek(0)
    print(repr(nl), repr(v), s.readlines(), repr(s.newlines))
s = io.StringIO("x\r\ny", newline=None)
print(repr(s.getvalue()), repr(s.newlines))

# errors
s = io.StringIO()
for bad in [lambda: s.write(5), lambda: s.seek(-1), lambda: s.seek(1, 1), lambda: s.seek(1, 2),
            lambda: s.seek(0, 5), lambda: s.truncate(-1), lambda: io.StringIO(3),
            lambda: io.StringIO("", newline="x"), lambda: s.fileno()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(isinstance(io.UnsupportedOperation(), OSError), isinstance(io.UnsupportedOperation(), ValueError))

# closing and the context manager
with io.StringIO("data") as s:
    print(s.closed, s.read(), s.readable(), s.writable(), s.seekable())
print(s.closed)
for op in [s.getvalue, s.read, lambda: s.write("x"), s.tell]:
    try:
        op()
    except ValueError as e:
        print("ValueError", e)

# writelines and many writes
s = io.StringIO()
s.writelines(["a", "b", "c"])
for i in range(1000):
    s.write(str(i % 10))
print(len(s.getvalue()), s.getvalue()[:13])
print(type(s).__name__, isinstance(s, io.TextIOBase), isinstance(s, io.IOBase))

# subclassing
class Capture(io.StringIO):
    def write(self, text):
        return super().write(text.upper())

c = Capture()
print("shout", file=c)
print(repr(c.getvalue()))

# redirecting sys.stdout by hand
old = sys.stdout
sys.stdout = buf = io.StringIO()
print("captured")
sys.stdout = old
print(repr(buf.getvalue()))

# BytesIO
b = io.BytesIO()
print(b.write(b"abc\n"), b.write(bytearray(b"def")), b.tell())
print(b.getvalue())
b.seek(0)
print(b.read(2), b.readline(), b.read(), b.read())
b.seek(1)
b.write(b"ZZ")
print(b.getvalue())
b.seek(-2, 2)
print(b.tell(), b.read())
b.seek(8)
b.write(b"!")
print(b.getvalue())
print(b.truncate(3), b.getvalue())
b = io.BytesIO(b"l1\nl2\nl3")
print(list(b))
b.seek(0)
print(b.readlines())
buf = bytearray(4)
b.seek(0)
print(b.readinto(buf), buf)
try:
    b.write("str")
except TypeError as e:
    print("TypeError", e)
try:
    b.seek(-1)
except ValueError as e:
    print("ValueError", e)
with io.BytesIO(b"x") as b:
    pass
print(b.closed)
print(io.open is open, io.TextIOWrapper is type(sys.stdout), io.DEFAULT_BUFFER_SIZE)
