# os.path beyond the core set: split, normpath, isabs, getsize, commonprefix, expanduser, relpath.
import os
P = os.path
print(P.split("/usr/lib/x.so"), P.split("file"), P.split("/"), P.split("a/b/"))
print(P.normpath("a//b/./c/../d"), P.normpath("/../x"), P.normpath(""), P.normpath("a/b/.."))
print(P.isabs("/x"), P.isabs("x"), P.getsize(P.abspath(__file__)) > 100)
print(P.commonprefix(["/usr/lib", "/usr/local"]), P.expanduser("noexpand"), P.relpath("/a/b/c", "/a"))
