# Text files: write, read, read(n), readline, readlines, iteration, append, with-statement closing.
import os
path = "/tmp/krait_io_text_%d.txt" % os.getpid()
try:
    with open(path, "w") as f:
        print(type(f).__name__ in ("TextIOWrapper", "TextIOBase", "file"), f.closed)
        n = f.write("line one\n")
        f.write("line two\n")
        f.write("line three without newline")
        print("wrote", n)
    print(f.closed)
    with open(path) as f:
        content = f.read()
    print(repr(content), len(content))
    with open(path, "r") as f:
        print(repr(f.read(4)), repr(f.read(5)), repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.read()))
    with open(path) as f:
        print(f.readlines())
    with open(path) as f:
        for i, line in enumerate(f):
            print(i, repr(line))
    with open(path, "a") as f:
        f.write("\nappended")
    with open(path) as f:
        print(f.read().splitlines())
    f = open(path, "w")
    f.writelines(["a\n", "b\n", "c"])
    f.close()
    f = open(path)
    print([l.rstrip("\n") for l in f], f.closed)
    f.close()
    print(f.closed)
    with open(path, "w") as f:
        print("via print", 42, file=f)
        print("second", file=f, end="")
    with open(path) as f:
        print(repr(f.read()))
    with open(path, "r+") as f:
        f.write("VIA")
    with open(path) as f:
        print(repr(f.readline()))
finally:
    if os.path.exists(path):
        os.remove(path)
print(os.path.exists(path))
