# tarfile reading archives whose bytes CPython 3.13 wrote (stored here gzip-compressed): ustar with a
# name split into prefix + name, GNU with long-name and long-link members, pax with long, non-ASCII
# names, a fractional mtime and a uid too large for octal; directories, symlinks and hard links. Then
# the same bytes through every read mode (r, r:, r:gz, r:*, r|, r|gz, r|*), damaged copies and the
# ReadError messages.
import base64
import gzip
import io
import tarfile

USTAR_GZ_B64 = """H4sIAAAAAAAC/+3WS26DMBgEYK9zClfdBz/xcRAtbrBCARmQcvwaJ1k0jdJWqolK5tvYSCyQh4G/3+8ykhgLjNbzyo1m8ZorFdcT
wpUWyhimwp5xpo0gVJMFTMNY+vAo02D9rft2vpt6sjp9yL+2TdNtx8OYMP/8mPf1/GV+kb9QUhPKkH9yMXsajmBzbUdg5eb++6nd
DvUdv/9CXPSfG2HQ/yU8P2Uvrs2GemNf647WDp1/uP43rt0nn/+M+cX8JyWXhIrUgwn6f5z/Sl+lzv/m/Pclf8VUmP/4EsPpg+df
OV+05bstsr/ZxeMsem/f3OGc2rf5c/45fyXyuf//+v8/v7s/PLS79j8mZSv89gEAAAAAAAAAAAAA1uMDbxd0CgAoAAA="""
GNU_GZ_B64 = """H4sIAAAAAAAC/+2YTW6DMBCFvc4pXHUPtrHxNvtyh4gGF1AoIANVevsO0C5I01RZ2InCfEjYCFZ+8/OG9pCHxDEM0EqNK9eKTc9c
ymn9hnCphNSaSdgzzlQkCFXEA0PXp5ZSWI299F1um6ElD0cL+hemqpqgP/YO9Y9nvc/rH8Un+otIK0IZ6u+cSXsKR7A5tyPIgzPm
vx3qoCtuWP+FOMl/Hsca898Hz0/ha1mHXbEx+6KhRYk5v7r8r8r64Nz/aX2F/4uEiggVro0J5v/s/1Kbudb/ov/7pT/cwf9xH+Z0
5foHYRBuk6bOE3dF4EfjP1YmuFjEwlgtIExo4rP/r7j+fxj7uasgBnZZac2+b+CxTt+NlxdvZWUcl3jktvr/X//Vsv5HEgwA+n8f
ZMa0aPnXyz30fz7PBov+H3NCX7D/O+cY3uaCQ88NNv37mP8h/V3+A7h6/ofuLzTM/z4CceX9H0EQBEEQBEGQ9fAFq6I30AAoAAA="""
PAX_GZ_B64 = """H4sIAAAAAAAC/+1ZvVKDQBikzlOcYw/3y2mRwdLSN8ggnIEJAYaAEx/Jys7KLi/mQfzLj3Eyzh0avqU4GCgYlt1vF8rZ1HMMA2tI
IdqVSIG7Y8J5t77BIVxQLiXmeh8TLCR1kHAsoFnUYaVvpVmo6tB106poSufkUGr+E5VlhVsva4P8+2u+9/PP/C3+KWfCQRj4N46O
e6QfwWjfngM4cbT6r5rcXSQ9+j+lW/onkkrQvw2cn3m3ae4tkpGKkgIlKWh+cPrP0nxmPP9JeUT+Y4wwB1HTwQT0v85/YRWb5v9g
/tvhn2Ou8x+xEU4Hzr/rud7VTbi8VmF8+AH8jv+W429WPf7Zxrug+x8luv8tbc7/gfo/4RKVYZ2MW63dq+phkhX5dBKnlYrqQh/m
4VxZOXGXZqrVOQQQ2/5vmt2f/V9s+j/jzIf+bwWxUiUobrj4E/OfcJj/vc1/jNr+12WApdfPphmYKhj8vfV/Pa9NfgM4uv8zKnyp
+7+Ndw/6X+/+r+1+x/+xD/5vA/Tis/6tXvLVU7R6jlePXREjAjVpPKb4UhLBRpSheZ3O1ZjId6pcKsC1/73/B3kQBXFg7CPbl/73
ofsN/yd45/8vh/5nBU2eRkWsQMUAAAAwMLwChn1+igAoAAA="""

ARCHIVES = {}
for name, b64 in (("ustar", USTAR_GZ_B64), ("gnu", GNU_GZ_B64), ("pax", PAX_GZ_B64)):
    ARCHIVES[name] = gzip.decompress(base64.b64decode(b64))


def show_error(what, fn):
    try:
        result = fn()
    except Exception as e:
        print(what, "->", type(e).__name__ + ":", str(e).split("\n")[0])
    else:
        print(what, "->", repr(result))


for kind, data in ARCHIVES.items():
    print("==", kind, len(data), len(data) % tarfile.RECORDSIZE)
    with tarfile.open(fileobj=io.BytesIO(data)) as tf:
        for m in tf.getmembers():
            print("  %s %r size=%d mode=%s mtime=%r uid=%d gid=%d %s/%s link=%r" % (
                m.type, m.name, m.size, oct(m.mode), m.mtime, m.uid, m.gid, m.uname, m.gname, m.linkname))
            print("    ", m.isfile(), m.isreg(), m.isdir(), m.issym(), m.islnk(), m.isdev(), m.offset, m.offset_data,
                  sorted(m.pax_headers.items()))
        print("  names:", tf.getnames()[:3])
        print("  hello:", tf.extractfile("pkg/hello.txt").read())
        print("  via symlink:", tf.extractfile("pkg/link").read()[:9], "via hard link:", tf.extractfile("pkg/hard").read()[:9])
        print("  dir:", tf.extractfile("pkg"))
        f = tf.extractfile("pkg/run.sh")
        print("  ", f.readline(), f.tell(), f.read(4), f.seek(0), f.read(2), f.seek(-3, 2), f.read(), f.readable(), f.seekable())
        print("  ", list(tf.extractfile("pkg/hello.txt")))
        show_error("  getmember missing", lambda: tf.getmember("pkg/none"))
        show_error("  extractfile missing", lambda: tf.extractfile("nothing"))
        m = tf.getmember("pkg/")
        print("  getmember with slash:", m.name, m.isdir())

# every read mode gives the same names
data = ARCHIVES["pax"]
gz = gzip.compress(data, mtime=0)
for mode, payload in (("r", data), ("r:", data), ("r:*", data), ("r", gz), ("r:gz", gz), ("r:*", gz),
                      ("r|", data), ("r|*", data), ("r|gz", gz), ("r|*", gz)):
    with tarfile.open(fileobj=io.BytesIO(payload), mode=mode) as tf:
        names = []
        sizes = 0
        for m in tf:
            names.append(m.name[-10:])
            if m.isreg():
                sizes += len(tf.extractfile(m).read())
        print(mode, len(payload) == len(gz), names, sizes)

# in stream mode members are read in order: going back is an error
with tarfile.open(fileobj=io.BytesIO(data), mode="r|") as tf:
    first = tf.next()
    second = tf.next()
    print(first.name, second.name, tf.extractfile(second).read(5))
    third = tf.next()
    show_error("backwards in a stream", lambda: tf.extractfile(second).read())
    show_error("link in a stream", lambda: tf.extractfile(tf.getmember("pkg/link")))

print(tarfile.is_tarfile(io.BytesIO(data)), tarfile.is_tarfile(io.BytesIO(gz)), tarfile.is_tarfile(io.BytesIO(b"nope" * 200)))

show_error("empty file", lambda: tarfile.open(fileobj=io.BytesIO(b"")))
show_error("empty file r:", lambda: tarfile.open(fileobj=io.BytesIO(b""), mode="r:"))
show_error("short", lambda: tarfile.open(fileobj=io.BytesIO(b"abc" * 10), mode="r:"))
show_error("garbage", lambda: tarfile.open(fileobj=io.BytesIO(b"garbage!" * 64), mode="r:"))
show_error("garbage r:*", lambda: tarfile.open(fileobj=io.BytesIO(b"garbage!" * 64)))
show_error("not gzip", lambda: tarfile.open(fileobj=io.BytesIO(data), mode="r:gz"))
show_error("not gzip stream", lambda: tarfile.open(fileobj=io.BytesIO(data), mode="r|gz"))
show_error("gzip as tar", lambda: tarfile.open(fileobj=io.BytesIO(gz), mode="r:"))
show_error("unknown compression", lambda: tarfile.open(fileobj=io.BytesIO(data), mode="r:zip"))
show_error("unknown stream compression", lambda: tarfile.open(fileobj=io.BytesIO(data), mode="r|zip"))
show_error("bad mode", lambda: tarfile.open(fileobj=io.BytesIO(data), mode="rw"))
show_error("append gz", lambda: tarfile.open(fileobj=io.BytesIO(gz), mode="a:gz"))
show_error("nothing", lambda: tarfile.open())
print("zeros only:", tarfile.open(fileobj=io.BytesIO(b"\0" * 1024)).getnames())

# a damaged checksum in the first header, then in a later one
bad = bytearray(data)
bad[0] ^= 0x20
show_error("bad first checksum", lambda: tarfile.open(fileobj=io.BytesIO(bytes(bad))))
with tarfile.open(fileobj=io.BytesIO(data)) as tf:
    third_offset = tf.getmembers()[2].offset
bad = bytearray(data)
bad[third_offset + 1] ^= 0x20
with tarfile.open(fileobj=io.BytesIO(bytes(bad))) as tf:
    print("bad third header: stops after", tf.getnames())
with tarfile.open(fileobj=io.BytesIO(bytes(bad)), ignore_zeros=True) as tf:
    print("ignore_zeros skips it:", len(tf.getnames()))
# cut inside a member's data
show_error("truncated data", lambda: tarfile.open(fileobj=io.BytesIO(data[:third_offset - 100])).getnames())
with tarfile.open(fileobj=io.BytesIO(data[:third_offset - 100])) as tf:
    show_error("truncated extractfile", lambda: tf.extractfile(tf.getmember("pkg/hello.txt")).read())
# two archives back to back: the zero blocks between them are skipped with ignore_zeros
twice = ARCHIVES["ustar"] + ARCHIVES["gnu"]
print(len(tarfile.open(fileobj=io.BytesIO(twice)).getnames()),
      len(tarfile.open(fileobj=io.BytesIO(twice), ignore_zeros=True).getnames()))
