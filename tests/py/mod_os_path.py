# os.path core: join, dirname, basename, splitext, abspath, exists/isfile/isdir.
import os
import os.path
P = os.path
print(P.join("a", "b", "c.txt"), P.join("/abs", "x"), P.join("a", "/root", "b"), P.join("a/", "b"), P.join("", "x"), P.join("a", ""))
print(P.dirname("/usr/lib/x.so"), repr(P.dirname("x.so")), P.basename("/usr/lib/x.so"), repr(P.basename("/usr/lib/")), repr(P.basename("")), P.dirname("/"))
print(P.splitext("archive.tar.gz"), P.splitext(".bashrc"), P.splitext("noext"), P.splitext("a.b/c"), P.splitext("/x/y.py"), P.splitext("a."))
print(P.abspath("/a/b/../c"), P.abspath("rel") == P.join(os.getcwd(), "rel"), P.abspath("/x//y/./z"), P.abspath(".") == os.getcwd())
here = P.dirname(P.abspath(__file__))
print(P.basename(here), P.exists(here), P.isdir(here), P.isfile(here))
me = P.join(here, "mod_os_path.py")
print(P.exists(me), P.isfile(me), P.isdir(me), P.exists(me + ".nope"), P.isfile("/nonexistent/x"), P.isdir("/nonexistent"))
print(P.join("/", "a", "b/"), P.sep, P.exists("/"), P.isdir("/tmp"))
