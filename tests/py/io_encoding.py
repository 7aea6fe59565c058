# Text files with UTF-8 content; explicit encodings; character vs byte counts.
import os
path = "/tmp/krait_io_enc_%d.txt" % os.getpid()
try:
    text = "ascii, é, 日本語, 😀\n"
    with open(path, "w", encoding="utf-8") as f:
        print(f.write(text))
    print(os.path.getsize(path))
    with open(path, encoding="utf-8") as f:
        got = f.read()
    print(got == text, len(got), repr(got))
    with open(path, "rb") as f:
        print(f.read()[:12])
    with open(path, "w", encoding="latin-1") as f:
        f.write("café")
    with open(path, "rb") as f:
        print(f.read())
    with open(path, encoding="latin-1") as f:
        print(f.read())
    with open(path, "wb") as f:
        f.write(b"\xff\xfe bad")
    try:
        with open(path, encoding="utf-8") as f:
            f.read()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
    with open(path, encoding="utf-8", errors="replace") as f:
        print(repr(f.read()))
finally:
    os.remove(path)
