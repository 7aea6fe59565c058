# Imported modules' code is cached in __pycache__ (PEP 3147 names, sys.implementation.cache_tag);
# a changed or damaged cache is never used; sys.dont_write_bytecode stops the writing
import os
import sys
import tempfile
import traceback

sys.dont_write_bytecode = False
with tempfile.TemporaryDirectory() as d:
    sys.path.insert(0, d)
    src = os.path.join(d, "cached_mod.py")
    pyc = os.path.join(d, "__pycache__", "cached_mod." + sys.implementation.cache_tag + ".pyc")

    def write(text, mtime):
        with open(src, "w") as f:
            f.write(text)
        os.utime(src, (mtime, mtime))

    def reimport():
        sys.modules.pop("cached_mod", None)
        import cached_mod
        return cached_mod

    write("VALUE = 1\ndef f():\n    return VALUE * 2\ndef boom():\n    return 1 / 0\n", 1_000_000)
    m = reimport()
    print("first import:", m.f(), "cache written:", os.path.exists(pyc))
    m = reimport()
    print("from the cache:", m.f(), m.__name__, m.__file__ == src)
    try:
        m.boom()
    except ZeroDivisionError:
        tb = traceback.format_exc().replace(d, "DIR")
        print(tb.splitlines()[-4:])
    write("VALUE = 5\ndef f():\n    return VALUE * 2\ndef boom():\n    return 1 / 0\n", 2_000_000)
    print("changed source:", reimport().f())
    with open(pyc, "wb") as f:
        f.write(b"garbage" * 10)
    print("damaged cache:", reimport().f())
    with open(pyc, "wb") as f:
        f.write(b"")
    print("empty cache:", reimport().f())
    print("rewritten:", os.path.getsize(pyc) > 0)
    sys.dont_write_bytecode = True
    with open(os.path.join(d, "not_cached.py"), "w") as f:
        f.write("X = 3\n")
    import not_cached
    print("dont_write_bytecode:", not_cached.X,
          os.path.exists(os.path.join(d, "__pycache__", "not_cached." + sys.implementation.cache_tag + ".pyc")))
    sys.path.remove(d)
