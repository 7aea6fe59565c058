# zipfile writing: round trips through files and BytesIO in modes w, x and a, stored and deflated
# members, streaming writes, write() of files and directories with arcnames, extraction (member names
# cannot escape the target directory), ZipInfo.from_file, mkdir, ZIP64 on request, the errors of the
# writing API, and archives written to a stream that cannot seek (data descriptors).
import io
import os
import tempfile
import time
import warnings
import zipfile

DT = (2024, 5, 17, 10, 20, 30)


def show_error(what, fn):
    try:
        result = fn()
    except Exception as e:
        print(what, "->", type(e).__name__ + ":", e)
    else:
        print(what, "->", repr(result))


def info(name, method=zipfile.ZIP_STORED, dt=DT):
    zi = zipfile.ZipInfo(name, dt)
    zi.compress_type = method
    return zi


def dump(z):
    for zi in z.infolist():
        data = z.read(zi)
        print("  %-22s %d %5d %08x %s %s" % (zi.filename, zi.compress_type, zi.file_size, zi.CRC, zi.date_time, data[:16]))


with tempfile.TemporaryDirectory() as tmp:
    def rel(p):
        return p.replace(tmp, "TMP")

    path = os.path.join(tmp, "a.zip")
    text = "".join("line %d: %s\n" % (i, "xyz" * (i % 7)) for i in range(400))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(info("text.txt", zipfile.ZIP_DEFLATED), text)
        z.writestr(info("stored.bin"), bytes(range(200)) * 3)
        z.writestr(info("empty.txt"), b"")
        z.writestr(info("ünïcode/ñame.txt", zipfile.ZIP_DEFLATED), "ok")
        with z.open(info("streamed.txt", zipfile.ZIP_DEFLATED), "w") as w:
            for i in range(300):
                w.write(b"%d\n" % (i ** 5))
        with z.open("auto_name.txt", "w") as w:         # the archive's default method (deflate)
            w.write(memoryview(b"memoryview data"))
        z.mkdir("made_dir", 0o750)
        z.writestr(info("level1.txt", zipfile.ZIP_DEFLATED), "a" * 1000, compresslevel=1)
        z.comment = b"written by zipfile"
    print("size ok:", os.path.getsize(path) > 0, zipfile.is_zipfile(path))
    with zipfile.ZipFile(path) as z:
        print(z.comment, z.testzip())
        dump(z)
        print(z.read("text.txt").decode() == text)
        zi = z.getinfo("ünïcode/ñame.txt")
        print(zi.flag_bits & 0x800, z.getinfo("text.txt").flag_bits & 0x800)
        print(z.getinfo("made_dir/").is_dir(), oct(z.getinfo("made_dir/").external_attr >> 16))
        print(z.getinfo("auto_name.txt").compress_type, z.read("auto_name.txt"))
        print(z.getinfo("level1.txt").compress_size < 100)

    # 'a' adds members and keeps the others; the comment survives
    with zipfile.ZipFile(path, "a") as z:
        z.writestr(info("appended.txt"), "appended")
        print(len(z.namelist()), z.comment)
    with zipfile.ZipFile(path) as z:
        print(z.namelist()[-2:], z.read("appended.txt"), z.read("stored.bin")[:3], z.testzip())

    # 'x' refuses an existing file; 'a' on a missing one creates it
    try:
        zipfile.ZipFile(path, "x")
    except FileExistsError as e:
        print("mode x on existing -> FileExistsError", e.errno, rel(e.filename))
    newpath = os.path.join(tmp, "new.zip")
    with zipfile.ZipFile(newpath, "a") as z:
        z.writestr(info("one"), "1")
    with zipfile.ZipFile(newpath, "r") as z:
        print(z.namelist(), z.read("one"))
    with zipfile.ZipFile(os.path.join(tmp, "x.zip"), "x") as z:
        z.writestr(info("x"), "x")
    print(zipfile.ZipFile(os.path.join(tmp, "x.zip")).namelist())

    # write(): files and directories from disk, arcnames, from_file
    src = os.path.join(tmp, "src")
    os.makedirs(os.path.join(src, "sub"))
    with open(os.path.join(src, "sub", "f.txt"), "w") as f:
        f.write("file on disk\n" * 10)
    when = time.mktime((2019, 8, 7, 6, 5, 4, 0, 0, -1))
    os.utime(os.path.join(src, "sub", "f.txt"), (when, when))
    os.chmod(os.path.join(src, "sub", "f.txt"), 0o640)
    os.utime(os.path.join(src, "sub"), (when, when))
    os.chmod(os.path.join(src, "sub"), 0o755)
    zi = zipfile.ZipInfo.from_file(os.path.join(src, "sub", "f.txt"), "renamed/f.txt")
    print(zi.filename, zi.date_time, zi.file_size, oct(zi.external_attr >> 16), zi.is_dir())
    zi = zipfile.ZipInfo.from_file(os.path.join(src, "sub"), "/abs/dir")
    print(zi.filename, zi.is_dir(), zi.file_size, hex(zi.external_attr & 0xFFFF))
    dpath = os.path.join(tmp, "disk.zip")
    with zipfile.ZipFile(dpath, "w") as z:
        z.write(os.path.join(src, "sub", "f.txt"), "one/f.txt")
        z.write(os.path.join(src, "sub", "f.txt"), "two/f.txt", compress_type=zipfile.ZIP_DEFLATED)
        z.write(os.path.join(src, "sub"), "subdir")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            z.writestr(info("one/f.txt"), "duplicate")
            print([str(w.message) for w in caught])
    with zipfile.ZipFile(dpath) as z:
        for zi in z.infolist():
            print(" ", zi.filename, zi.compress_type, zi.file_size, zi.date_time, oct(zi.external_attr >> 16))
        print(z.read("two/f.txt")[:13], z.read("one/f.txt"))

    # extraction: '..', absolute paths and empty components are dropped from member names
    epath = os.path.join(tmp, "evil.zip")
    with zipfile.ZipFile(epath, "w") as z:
        for name in ("../../escape.txt", "/etc/abs.txt", "a/./b/../c.txt", "ok/dir/", "ok//double.txt",
                     "..", "./dot.txt"):
            z.writestr(info(name), "content of " + name)
    out = os.path.join(tmp, "out")
    with zipfile.ZipFile(epath) as z:
        for name in z.namelist():
            try:
                print("extract", repr(name), "->", rel(z.extract(name, out)))
            except ValueError as e:
                print("extract", repr(name), "->", e)
        show_error("extractall with '..'", lambda: z.extractall(os.path.join(tmp, "out2")))
        z.extractall(os.path.join(tmp, "out3"), members=["ok/dir/", "./dot.txt"])
    for top in ("out", "out2", "out3"):
        for root, dirs, files in sorted(os.walk(os.path.join(tmp, top))):
            print(rel(root), sorted(dirs), sorted(files))
    print(open(os.path.join(out, "escape.txt")).read(), open(os.path.join(out, "a", "b", "c.txt")).read())
    print(os.path.exists(os.path.join(tmp, "escape.txt")))

# BytesIO, ZIP64 on request, a stream that cannot seek
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    with z.open(info("forced.txt", zipfile.ZIP_DEFLATED), "w", force_zip64=True) as w:
        w.write(b"zip64 " * 100)
    z.writestr(info("plain.txt"), "plain")
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
    for zi in z.infolist():
        print(zi.filename, zi.extract_version, zi.file_size, z.read(zi)[:12])


class Unseekable:
    def __init__(self):
        self.parts = []

    def write(self, b):
        self.parts.append(bytes(b))
        return len(b)

    def flush(self):
        pass


sink = Unseekable()
with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(info("piped1.txt", zipfile.ZIP_DEFLATED), "through a pipe " * 20)
    z.writestr(info("piped2.txt"), "second")
data = b"".join(sink.parts)
with zipfile.ZipFile(io.BytesIO(data)) as z:
    for zi in z.infolist():
        print(zi.filename, zi.flag_bits & 8, zi.file_size, z.read(zi)[:15])
    print(z.testzip())

# errors of the writing API
b2 = io.BytesIO()
z = zipfile.ZipFile(b2, "w")
w = z.open(info("open.txt"), "w")
show_error("writestr while writing", lambda: z.writestr("x", "y"))
show_error("second writer", lambda: z.open("other", "w"))
show_error("read while writing", lambda: z.read("open.txt"))
show_error("close while writing", lambda: z.close())
w.write(b"abc")
w.close()
show_error("write closed handle", lambda: w.write(b"more"))
show_error("comment type", lambda: setattr(z, "comment", "text"))
w = z.open(info("s"), "w")
show_error("write str data", lambda: w.write("str"))
w.close()
z.close()
show_error("writestr after close", lambda: z.writestr("late", "x"))
show_error("bad mode", lambda: zipfile.ZipFile(io.BytesIO(), "rw"))
show_error("bad method", lambda: zipfile.ZipFile(io.BytesIO(), "w", compression=5))
show_error("pre-1980", lambda: zipfile.ZipInfo("old", (1979, 12, 31, 0, 0, 0)))
show_error("mkdir of file info", lambda: zipfile.ZipFile(io.BytesIO(), "w").mkdir(info("notdir")))
show_error("open pwd for writing", lambda: zipfile.ZipFile(io.BytesIO(), "w").open("x", "w", pwd=b"p"))
show_error("metadata_encoding on write", lambda: zipfile.ZipFile(io.BytesIO(), "w", metadata_encoding="cp437"))
show_error("zip64 disallowed", lambda: zipfile.ZipFile(io.BytesIO(), "w", allowZip64=False).open("x", "w", force_zip64=True))
zi = zipfile.ZipInfo("dir\0garbage", DT)
print(repr(zi.filename), repr(zi.orig_filename), zi.is_dir(), repr(zipfile.ZipInfo("d/")))
print(repr(zipfile.ZipInfo()), zipfile.ZipInfo().date_time)
print(zipfile.BadZipfile is zipfile.BadZipFile, zipfile.error is zipfile.BadZipFile, issubclass(zipfile.LargeZipFile, Exception))
