# os: environ, getcwd, listdir, remove, getpid type, path separators.
import os
print(isinstance(os.environ, object), "PATH" in os.environ, type(os.environ.get("PATH")).__name__)
os.environ["KRAIT_TEST_VAR"] = "value42"
print(os.environ["KRAIT_TEST_VAR"], os.environ.get("KRAIT_TEST_VAR"), os.getenv("KRAIT_TEST_VAR"), os.getenv("NOPE_NOT_SET_X", "dflt"))
del os.environ["KRAIT_TEST_VAR"]
print("KRAIT_TEST_VAR" in os.environ, os.environ.get("KRAIT_TEST_VAR"))
cwd = os.getcwd()
print(os.path.isabs(cwd), os.path.isdir(cwd), os.path.isdir(os.path.join(cwd, "tests", "py")))
print(sorted(os.listdir(os.path.join(os.path.dirname(__file__), "pkgs", "shapes", "poly"))))
print(os.sep, os.pathsep, os.linesep == "\n", os.name, os.curdir, os.pardir)
print(type(os.getpid()).__name__, os.getpid() > 0)
fn = "/tmp/krait_mod_os_%d.txt" % os.getpid()
with open(fn, "w") as f:
    f.write("data")
print(os.path.basename(fn) in os.listdir("/tmp"), os.path.exists(fn))
os.remove(fn)
print(os.path.exists(fn), os.path.basename(fn) in os.listdir("/tmp"))
try:
    os.remove(fn)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    os.listdir("/tmp/krait_no_such_dir_x")
except FileNotFoundError as e:
    print(type(e).__name__, e)
