# codecs: incremental decoders fed one split at every position (multi-byte UTF-8 sequences, UTF-16
# surrogate pairs and BOMs cut in two), incremental encoders, iterencode/iterdecode, StreamReader /
# StreamWriter over BytesIO, codecs.open on a temporary file, getstate/setstate.
import codecs
import io
import os
import tempfile

text = "h\u00e9llo \u20ac \U0001f600 \u4e2d\u6587\nline two\r\nthird \u00ff"
for enc in ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "latin-1",
            "ascii"]:
    src = text if enc not in ("latin-1", "ascii") else text.encode(enc, "replace").decode(enc)
    data = src.encode(enc)
    ok = True
    for cut in range(len(data) + 1):
        d = codecs.getincrementaldecoder(enc)()
        got = d.decode(data[:cut]) + d.decode(data[cut:], final=True)
        ok = ok and got == src
    bytewise = codecs.getincrementaldecoder(enc)()
    pieces = [bytewise.decode(data[i:i + 1]) for i in range(len(data))]
    pieces.append(bytewise.decode(b"", final=True))
    e = codecs.getincrementalencoder(enc)()
    enc_pieces = b"".join(e.encode(ch) for ch in src) + e.encode("", final=True)
    print(enc, len(data), "every split ok:", ok, "bytewise:", "".join(pieces) == src,
          "nonempty pieces:", sum(1 for p in pieces if p), "encoded by chars:", enc_pieces == data)

# An incomplete sequence at the end: kept while not final, an error at final.
d = codecs.getincrementaldecoder("utf-8")()
print(ascii(d.decode(b"ab\xe2\x82")), d.getstate())
try:
    d.decode(b"", final=True)
except UnicodeDecodeError as e:
    print("final:", e)
d = codecs.getincrementaldecoder("utf-8")(errors="replace")
print(ascii(d.decode(b"\xf0\x9f")), ascii(d.decode(b"x")), ascii(d.decode(b"\xe2", final=True)))
d.reset()
print(ascii(d.decode(b"\xc3")), d.getstate())
d.setstate((b"", 0))
print(ascii(d.decode(b"\xa9", final=True)))

# UTF-16 streams: BOM or not.
for data in [b"\xff\xfeh\x00i\x00", b"\xfe\xff\x00h\x00i", b"h\x00i\x00"]:
    d = codecs.getincrementaldecoder("utf-16")()
    try:
        print(ascii(d.decode(data, final=True)))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
    print(ascii(data.decode("utf-16")))
e = codecs.getincrementalencoder("utf-16")()
print(e.getstate(), e.encode("a"), e.getstate(), e.encode("b"))
e.reset()
print(e.encode("c"))

print(list(codecs.iterencode(["a", "\u00e9", "", "\u20ac"], "utf-8-sig")))
print(list(codecs.iterdecode([b"\xef", b"\xbb\xbf", b"\xc3", b"\xa9x"], "utf-8-sig")))
print(list(codecs.iterdecode([b"\xff", b"\xfe", b"a", b"\x00\x3d\xd8", b"\x00\xde"], "utf-16")))
print(list(codecs.iterdecode([b"61", b"62"], "hex")))

# Stream writers and readers.
buf = io.BytesIO()
w = codecs.getwriter("utf-16")(buf)
w.write("ab")
w.writelines(["\u00e9", "\U0001f600"])
print(buf.getvalue())
buf.seek(0)
r = codecs.getreader("utf-16")(buf)
print(ascii(r.read()))
raw = text.encode("utf-8")
r = codecs.getreader("utf-8")(io.BytesIO(raw))
print([ascii(line) for line in r])
r = codecs.getreader("utf-8")(io.BytesIO(raw))
print(ascii(r.readline()), ascii(r.readline(keepends=False)), ascii(r.read(3)), ascii(r.read()))
r = codecs.getreader("utf-8")(io.BytesIO(raw))
print([ascii(x) for x in r.readlines(keepends=False)])
r = codecs.getreader("latin-1")(io.BytesIO(b"a\xe9\nb"))
print(ascii(r.read(1)), ascii(r.readline()), ascii(r.readline()), ascii(r.readline()))
r = codecs.getreader("ascii")(io.BytesIO(b"ok\xff"), errors="backslashreplace")
print(ascii(r.read()))
try:
    codecs.getreader("ascii")(io.BytesIO(b"ok\xff")).read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)

# codecs.open: bytes on disk in the named encoding.
fd, path = tempfile.mkstemp()
os.close(fd)
try:
    with codecs.open(path, "w", encoding="utf-16-le") as f:
        print(f.encoding)
        f.write("h\u00e9\n")
        f.write("\u20ac")
    with open(path, "rb") as f:
        print(f.read())
    with codecs.open(path, "r", encoding="utf-16-le") as f:
        print(ascii(f.read()))
    with codecs.open(path, "rb") as f:  # no encoding: a plain binary file
        print(f.read(2))
    with codecs.open(path, "w", "utf-8-sig") as f:
        f.write("x\u00e9")
    with open(path, "rb") as f:
        print(f.read())
    with codecs.open(path, encoding="utf-8-sig") as f:
        print(ascii(f.readline()))
finally:
    os.remove(path)

# EncodedFile: latin-1 bytes in, UTF-8 bytes in the file.
buf = io.BytesIO()
ef = codecs.EncodedFile(buf, "latin-1", "utf-8")
ef.write(b"caf\xe9")
print(buf.getvalue())
