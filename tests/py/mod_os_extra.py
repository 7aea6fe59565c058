# os beyond the core set: mkdir, makedirs, rename, rmdir, path.getsize, errors with errno.
import os
base = "/tmp/krait_mod_os_%d" % os.getpid()
os.mkdir(base)
print(os.path.isdir(base), os.listdir(base))
fn = os.path.join(base, "f.txt")
with open(fn, "w") as f:
    f.write("data")
print(os.listdir(base), os.path.getsize(fn), os.path.exists(fn))
os.rename(fn, fn + ".bak")
print(os.listdir(base))
os.remove(fn + ".bak")
print(os.listdir(base))
os.makedirs(os.path.join(base, "a", "b"))
print(sorted(os.listdir(base)), os.listdir(os.path.join(base, "a")))
os.rmdir(os.path.join(base, "a", "b"))
os.rmdir(os.path.join(base, "a"))
os.rmdir(base)
print(os.path.exists(base))
for bad in [lambda: os.remove(base + "/missing"), lambda: os.listdir(base + "/missing"), lambda: os.rmdir("/tmp/krait_no_such_dir_x")]:
    try:
        bad()
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror)
try:
    os.mkdir("/tmp")
except FileExistsError as e:
    print(type(e).__name__, e)
