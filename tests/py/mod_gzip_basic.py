# gzip: one-shot compress/decompress (byte-exact with mtime=0), GzipFile over BytesIO and files,
# multi-member streams, text modes, header fields, CRC/length checks and error messages.
import gzip, io, os, struct, zlib

def e(f):
    try:
        r = f()
        print("ok", repr(r)[:90])
    except Exception as ex:
        print(type(ex).__name__, ex)

data = b"".join(b"record %05d: %s\n" % (i, b"xyz" * (i % 7)) for i in range(2000))
for lvl in (0, 1, 6, 9):
    c = gzip.compress(data, lvl, mtime=0)
    print(lvl, len(c), c[:10].hex(), zlib.crc32(c), gzip.decompress(c) == data)
print(gzip.compress(b"", mtime=0).hex(), gzip.decompress(gzip.compress(b"")))
print(gzip.compress(b"abc", mtime=1234567890).hex())
print(gzip.decompress(bytearray(gzip.compress(b"from bytearray", mtime=0))))
# several members and zero padding between them
multi = gzip.compress(b"first ", mtime=0) + b"\0\0\0" + gzip.compress(b"second", mtime=0) + b"\0"
print(gzip.decompress(multi))
print(gzip.GzipFile(fileobj=io.BytesIO(multi)).read())
# the gzip command's wbits (31) reads the same data
print(zlib.decompress(gzip.compress(data, mtime=0), 31) == data, gzip.decompress(zlib.compress(b"zz", wbits=31)))

# writing through GzipFile: header with the file name, mtime and xfl
buf = io.BytesIO()
with gzip.GzipFile("notes.txt.gz", "wb", compresslevel=1, fileobj=buf, mtime=123456) as g:
    print(g.mode, g.name, g.write(b"hello\n"), g.write(bytearray(b"world\n")), g.tell(), g.writable(), g.readable())
    g.writelines([b"a\n", b"b\n"])
raw = buf.getvalue()
print(raw.hex())
magic, method, flags, mtime, xfl, osb = struct.unpack("<HBBIBB", raw[:10])
print(hex(magic), method, flags, mtime, xfl, osb, raw[10:raw.index(b"\0", 10)])
print(gzip.decompress(raw))

# reading: read(n), read1, peek, readline, iteration, seek/tell, mtime
g = gzip.GzipFile(fileobj=io.BytesIO(raw))
print(g.mode, g.mtime, g.read(3), g.mtime, g.tell(), g.peek(2)[:2], g.read1(4), g.readline(), g.tell())
print(list(g), g.read(), g.read(5))
g.seek(2)
print(g.tell(), g.read(4), g.seek(1, 1), g.read(2), g.seek(-3, 2), g.read())
g.rewind()
print(g.readlines(), g.seekable())
g.close()
print(g.closed)
e(lambda: g.read())
e(lambda: g.write(b"x"))

# big data through files, read back in small pieces
path = "/tmp/krait_gzip_%d.gz" % os.getpid()
try:
    with gzip.open(path, "wb") as f:
        for i in range(0, len(data), 4096):
            f.write(data[i:i + 4096])
    with open(path, "rb") as f:
        head = f.read(10)
    print(head[:4].hex(), head[9])
    with gzip.open(path) as f:
        pieces = []
        while True:
            p = f.read(1000)
            if not p:
                break
            pieces.append(p)
        print(len(pieces), b"".join(pieces) == data, f.name == path)
    with gzip.open(path, "rb") as f:
        n = sum(1 for _ in f)
        print(n)
    # append mode adds a member
    with gzip.open(path, "ab") as f:
        f.write(b"APPENDED\n")
    with gzip.open(path, "rb") as f:
        print(f.read()[-20:])
    # text modes
    with gzip.open(path, "wt", encoding="utf-8") as f:
        print(f.write("héllo\nwörld\r\nthird\rlast"))
    with gzip.open(path, "rt", encoding="utf-8") as f:
        print(f.readline(), f.read(3), f.readlines())
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        print(list(f))
    with gzip.open(path, "rb") as f:
        print(f.read())
    with gzip.open(path, "wt", encoding="latin-1", newline="\r\n") as f:
        f.write("a\nb\xe9\n")
    with gzip.open(path, "rb") as f:
        print(f.read())
    with gzip.open(path, "rt", encoding="latin-1") as f:
        print(f.read())
finally:
    if os.path.exists(path):
        os.remove(path)

# errors
good = gzip.compress(b"abc", mtime=0)
e(lambda: gzip.decompress(b"xx"))
e(lambda: gzip.decompress(good[:-2]))
e(lambda: gzip.decompress(good[:-8] + b"\1\2\3\4\3\0\0\0"))
e(lambda: gzip.decompress(good[:-4] + b"\4\0\0\0"))
e(lambda: gzip.decompress(b"\x1f\x8b\x07\0\0\0\0\0\0\0"))
e(lambda: gzip.decompress(b"\x1f\x8b\x08"))
e(lambda: gzip.GzipFile(fileobj=io.BytesIO(good[:-2])).read())
e(lambda: gzip.GzipFile(fileobj=io.BytesIO(good[:-8] + b"\1\2\3\4\3\0\0\0")).read())
e(lambda: gzip.GzipFile(fileobj=io.BytesIO(good[:-4] + b"\4\0\0\0")).read())
e(lambda: gzip.GzipFile(fileobj=io.BytesIO(b"xyzzy")).read())
e(lambda: gzip.GzipFile(fileobj=io.BytesIO(good[:15])).read())
e(lambda: gzip.GzipFile(fileobj=io.BytesIO(good)).write(b"x"))
wbuf = io.BytesIO()
wg = gzip.GzipFile(fileobj=wbuf, mode="wb", mtime=0)
e(lambda: wg.read())
e(lambda: gzip.GzipFile(fileobj=io.BytesIO(), mode="rt"))
e(lambda: gzip.GzipFile(fileobj=io.BytesIO(), mode="z"))
e(lambda: gzip.open(io.BytesIO(), "rbt"))
e(lambda: gzip.open(io.BytesIO(), "rb", encoding="utf-8"))
e(lambda: gzip.open(123))
e(lambda: gzip.compress("text"))
e(lambda: wg.write("text"))
wg.close()
# the failed writes left an empty, valid member
print(wg.closed, wbuf.getvalue().hex(), gzip.decompress(wbuf.getvalue()))
e(lambda: gzip.decompress(gzip.compress(b"")))
print(issubclass(gzip.BadGzipFile, OSError), gzip.READ, gzip.WRITE)
# header fields a reader must skip: FEXTRA, FNAME, FCOMMENT, FHCRC
body = zlib.compress(b"payload", 9, -15) + struct.pack("<II", zlib.crc32(b"payload"), 7)
hdr = b"\x1f\x8b\x08" + bytes([4 | 8 | 16 | 2]) + b"\0\0\0\0\0\xff" + struct.pack("<H", 3) + b"EXT" + b"name\0" + b"comment\0" + b"\0\0"
print(gzip.decompress(hdr + body), gzip.GzipFile(fileobj=io.BytesIO(hdr + body)).read())
