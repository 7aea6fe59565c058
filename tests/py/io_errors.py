# File errors: missing file, directory, closed file, wrong mode, bad mode string.
import os
try:
    open("/nonexistent_krait_dir/file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
try:
    open("/tmp", "w")
except IsADirectoryError as e:
    print(type(e).__name__, e)
path = "/tmp/krait_io_err_%d.txt" % os.getpid()
try:
    f = open(path, "w")
    f.write("x")
    f.close()
    try:
        f.write("more")
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        f.read()
    except ValueError as e:
        print(type(e).__name__, e)
    with open(path, "w") as f:
        try:
            f.read()
        except OSError as e:
            print(type(e).__name__, e)
    with open(path) as f:
        try:
            f.write("x")
        except OSError as e:
            print(type(e).__name__, e)
    try:
        open(path, "rw")
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        open(path, "z")
    except ValueError as e:
        print(type(e).__name__, e)
    with open(path, "w") as f:
        try:
            f.write(b"bytes")
        except TypeError as e:
            print(type(e).__name__, e)
    with open(path, "wb") as f:
        try:
            f.write("text")
        except TypeError as e:
            print(type(e).__name__, e)
    try:
        with open(path, "x") as f:
            pass
    except FileExistsError as e:
        print(type(e).__name__, e.errno)
finally:
    os.remove(path)
print(os.path.exists(path))
