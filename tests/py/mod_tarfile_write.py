# tarfile writing and extracting: add() of a tree (recursive, arcname, filter), addfile, gettarinfo, the
# three formats with long names and big numbers, modes w, w:gz, x, a and the stream modes w| and w|gz,
# then extractall/extract through the 'data', 'tar' and 'fully_trusted' filters, including archives
# built to escape the destination (absolute paths, '..', links out, special files, setuid bits).
import io
import os
import stat
import tarfile
import tempfile

MTIME = 1700000000
os.umask(0o022)         # the mode of directories made on the way


def show_error(what, fn):
    try:
        result = fn()
    except Exception as e:
        print(what, "->", type(e).__name__ + ":", str(e).split("\n")[0])
    else:
        print(what, "->", repr(result))


def walk(top, strip):
    for root, dirs, files in sorted(os.walk(top)):
        for n in sorted(dirs + files):
            p = os.path.join(root, n)
            st = os.lstat(p)
            if stat.S_ISLNK(st.st_mode):
                print("   ", p[strip:], "-> link to", os.readlink(p))
            else:
                size = st.st_size if stat.S_ISREG(st.st_mode) else "-"
                # directories made on the way have the current time
                mtime = int(st.st_mtime) if int(st.st_mtime) == MTIME else "now"
                print("   ", p[strip:], oct(stat.S_IMODE(st.st_mode)), size, mtime)


def _sized():
    ti = tarfile.TarInfo("needs_data.txt")
    ti.size = 10
    return ti


def normalise(ti):
    # the owner of the files depends on who runs the test
    ti.uid = ti.gid = 0
    ti.uname = ti.gname = "root"
    if ti.name.endswith(".skip"):
        return None
    return ti


with tempfile.TemporaryDirectory() as tmp:
    strip = len(tmp) + 1
    src = os.path.join(tmp, "src")
    os.makedirs(os.path.join(src, "sub", "deep"))
    files = {"a.txt": b"alpha\n", "sub/b.txt": b"beta\n" * 300, "sub/deep/c.bin": bytes(range(256)) * 5,
             "sub/ignored.skip": b"not archived", "run.sh": b"#!/bin/sh\n"}
    for n, data in files.items():
        with open(os.path.join(src, n), "wb") as f:
            f.write(data)
    os.symlink("a.txt", os.path.join(src, "link"))
    os.link(os.path.join(src, "a.txt"), os.path.join(src, "hard.txt"))
    modes = {"a.txt": 0o4644, "run.sh": 0o755, "sub/b.txt": 0o640, "sub/deep/c.bin": 0o600, "sub": 0o750,
             "sub/deep": 0o755, "": 0o755}
    for n, m in modes.items():
        os.chmod(os.path.join(src, n), m)
    for root, dirs, fs in os.walk(src):
        for n in dirs + fs + [""]:
            p = os.path.join(root, n)
            if not os.path.islink(p):
                os.utime(p, (MTIME, MTIME))

    for mode in ("w", "w:gz", "x:", "w|", "w|gz"):
        path = os.path.join(tmp, "arch" + mode.replace(":", "_").replace("|", "_pipe_"))
        with tarfile.open(path, mode) as tf:
            tf.add(src, arcname="top", filter=normalise)
            tf.add(os.path.join(src, "a.txt"), arcname="again.txt", filter=normalise)
            tf.add(os.path.join(src, "sub"), arcname="flat", recursive=False, filter=normalise)
        print(mode, tarfile.is_tarfile(path), os.path.getsize(path) % tarfile.RECORDSIZE == 0 or "gz" in mode)
        with tarfile.open(path, "r|*" if "|" in mode else "r") as tf:
            for m in tf:
                mtime = "-" if m.issym() else m.mtime
                print("  %-20s %s %4d %s %r %r %s" % (m.name, m.type, m.size, oct(m.mode), mtime, m.linkname, m.uname))
                if m.isreg() and "|" in mode:
                    print("     data:", tf.extractfile(m).read()[:6])

    # gettarinfo and addfile by hand
    with tarfile.open(os.path.join(tmp, "manual.tar"), "w", format=tarfile.GNU_FORMAT) as tf:
        ti = tf.gettarinfo(os.path.join(src, "sub", "b.txt"), arcname="renamed/b.txt")
        print("gettarinfo:", ti.name, ti.size, oct(stat.S_IMODE(ti.mode)), ti.type, ti.mtime == MTIME)
        with open(os.path.join(src, "sub", "b.txt"), "rb") as f:
            tf.addfile(ti, f)
        with open(os.path.join(src, "run.sh"), "rb") as f:
            ti = tf.gettarinfo(arcname="from_fileobj.sh", fileobj=f)
            print("gettarinfo(fileobj):", ti.name, ti.size, oct(stat.S_IMODE(ti.mode)))
            tf.addfile(ti, f)
        ti = tarfile.TarInfo("generated/" + "n" * 120)
        ti.size = 11
        ti.mtime = MTIME
        ti.uid = 8 ** 8          # base-256 in GNU format
        tf.addfile(ti, io.BytesIO(b"hello world"))
        show_error("addfile without data", lambda: tf.addfile(_sized()))
    with tarfile.open(os.path.join(tmp, "manual.tar")) as tf:
        for m in tf:
            print("  ", m.name[-20:], m.size, m.uid, tf.extractfile(m).read()[:11])

    # append
    path = os.path.join(tmp, "archw")
    with tarfile.open(path, "a") as tf:
        ti = tarfile.TarInfo("appended.txt")
        ti.size = 3
        ti.mtime = MTIME
        tf.addfile(ti, io.BytesIO(b"app"))
    with tarfile.open(path) as tf:
        print("after append:", tf.getnames()[-3:], tf.extractfile("appended.txt").read())
    try:
        tarfile.open(path, "x")
    except FileExistsError as e:
        print("mode x on existing -> FileExistsError", e.errno)

    # extraction through each filter
    with tarfile.open(path) as tf:
        for flt in ("data", "tar", "fully_trusted"):
            out = os.path.join(tmp, "out_" + flt)
            tf.extractall(out, filter=flt)
            print("extracted with", flt)
            walk(out, strip)
        out = os.path.join(tmp, "single")
        tf.extract("top/sub/b.txt", out, filter="data")
        tf.extract(tf.getmember("top/link"), out, filter="data")
        tf.extract("top/hard.txt", out, filter="tar")
        tf.extractall(out, members=[m for m in tf if m.name.startswith("flat")], filter="data")
        walk(out, strip)
        show_error("unknown filter", lambda: tf.extractall(out, filter="bogus"))
        custom = []
        tf.extractall(os.path.join(tmp, "custom"), filter=lambda m, p: custom.append(m.name) or None)
        print("custom filter saw", len(custom), "members; extracted", os.path.exists(os.path.join(tmp, "custom")))
        tf.extractall(os.path.join(tmp, "renamed"), filter=lambda m, p: m.replace(name="R_" + m.name.replace("/", "_"), deep=False) if m.isreg() else None)
        print(sorted(os.listdir(os.path.join(tmp, "renamed")))[:4])

    # archives that try to escape the destination
    def archive(*infos):
        b = io.BytesIO()
        with tarfile.open(fileobj=b, mode="w") as tf:
            for ti in infos:
                tf.addfile(ti, io.BytesIO(b"x" * ti.size) if ti.size else None)
        b.seek(0)
        return b

    def member(name, type=tarfile.REGTYPE, size=1, linkname="", mode=0o644):
        ti = tarfile.TarInfo(name)
        ti.type = type
        ti.size = size if type == tarfile.REGTYPE else 0
        ti.linkname = linkname
        ti.mode = mode
        ti.mtime = MTIME
        return ti

    cases = [member("/etc/abs.txt"), member("../escape.txt"), member("a/../../escape2.txt"),
             member("abslink", tarfile.SYMTYPE, linkname="/etc/passwd"),
             member("outlink", tarfile.SYMTYPE, linkname="../../outside"),
             member("sub/inlink", tarfile.SYMTYPE, linkname="../inside.txt"),
             member("dev", tarfile.CHRTYPE), member("fifo", tarfile.FIFOTYPE),
             member("hardout", tarfile.LNKTYPE, linkname="../x"),
             member("setuid", mode=0o6777), member("noexec", mode=0o444), member("exec", mode=0o711)]
    for ti in cases:
        for flt in ("data", "tar", "fully_trusted"):
            if flt != "data" and ti.type in (tarfile.CHRTYPE, tarfile.FIFOTYPE, tarfile.LNKTYPE):
                continue        # would make a device or fifo, or look up a missing link target
            if flt == "fully_trusted" and (ti.name.startswith("/") or ".." in ti.name):
                continue        # would really write outside the temporary directory
            out = os.path.join(tmp, "mal_" + flt, ti.name.strip("/").replace("/", "_").replace(".", "_"))
            with tarfile.open(fileobj=archive(ti)) as tf:
                try:
                    tf.extractall(out, filter=flt)
                except tarfile.FilterError as e:
                    print(flt, repr(ti.name), type(e).__name__, str(e).replace(tmp, "TMP").replace("'/tmp/outside'", "'/outside'"),
                          e.tarinfo.name)
                else:
                    print(flt, repr(ti.name), "extracted:")
                    walk(out, strip)
    print(os.path.exists(os.path.join(tmp, "escape.txt")), os.path.exists(os.path.join(tmp, "mal_data", "escape2.txt")))

    t1 = member("/abs/name", mode=0o4777)
    print(tarfile.tar_filter(t1, tmp).name, oct(tarfile.tar_filter(t1, tmp).mode), t1.name, oct(t1.mode))
    d = tarfile.data_filter(t1, tmp)
    print(d.name, oct(d.mode), d.uid, d.gid, d.uname, d.gname)
    print(tarfile.fully_trusted_filter(t1, tmp) is t1)
    d = tarfile.data_filter(member("dir", tarfile.DIRTYPE, mode=0o777), tmp)
    print(d.mode, d.isdir())


# formats: what fits where
for fmt, label in ((tarfile.USTAR_FORMAT, "ustar"), (tarfile.GNU_FORMAT, "gnu"), (tarfile.PAX_FORMAT, "pax")):
    for name, uid, mtime in (("short", 0, MTIME), ("p/" * 60 + "split", 0, MTIME), ("n" * 120, 0, MTIME),
                             ("ünï", 0, MTIME), ("big_uid", 8 ** 7, MTIME), ("negative", 0, -5), ("float", 0, 12.5)):
        ti = tarfile.TarInfo(name)
        ti.uid = uid
        ti.mtime = mtime
        try:
            buf = ti.tobuf(fmt)
        except ValueError as e:
            print(label, name[:8], "ValueError:", e)
            continue
        b = io.BytesIO(buf + b"\0" * 1024)
        back = tarfile.open(fileobj=b).getmembers()[0]
        print(label, name[:8], len(buf), back.name == name, back.uid, back.mtime)

ti = tarfile.TarInfo("info")
print(sorted(ti.get_info().items()))
r = ti.replace(name="other", mode=0o600, uid=None)
print(r.name, oct(r.mode), r.uid, ti.name, oct(ti.mode), ti.uid)
show_error("tobuf with None", lambda: r.tobuf())
print(ti.path, ti.linkpath, ti.isreg(), ti.isfile())
ti.path = "changed"
print(ti.name)
show_error("TarFile mode", lambda: tarfile.TarFile(fileobj=io.BytesIO(), mode="q"))
tf = tarfile.open(fileobj=io.BytesIO(), mode="w")
tf.close()
show_error("add after close", lambda: tf.addfile(tarfile.TarInfo("late")))
print(tarfile.DEFAULT_FORMAT == tarfile.PAX_FORMAT, tarfile.BLOCKSIZE, tarfile.RECORDSIZE, tarfile.REGTYPE, tarfile.DIRTYPE)
print(issubclass(tarfile.ReadError, tarfile.TarError), issubclass(tarfile.AbsolutePathError, tarfile.FilterError),
      issubclass(tarfile.FilterError, tarfile.TarError), issubclass(tarfile.HeaderError, tarfile.TarError))
