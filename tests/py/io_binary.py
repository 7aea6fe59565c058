# Binary files: bytes round trip, seek, tell, partial reads, bytearray writes.
import os
path = "/tmp/krait_io_bin_%d.bin" % os.getpid()
try:
    data = bytes(range(256)) * 4
    with open(path, "wb") as f:
        print(f.write(data), f.write(bytearray(b"\x00\xff")), f.tell())
    with open(path, "rb") as f:
        head = f.read(10)
        print(head, f.tell())
        f.seek(250)
        print(f.read(10), f.tell())
        f.seek(0)
        everything = f.read()
        print(len(everything), everything[:4], everything[-4:], everything == data + b"\x00\xff", f.read(), f.read(5))
        f.seek(-2, 2)
        print(f.read())
        f.seek(5)
        f.seek(3, 1)
        print(f.tell(), f.read(1))
    with open(path, "rb") as f:
        chunks = []
        while True:
            c = f.read(300)
            if not c:
                break
            chunks.append(len(c))
        print(chunks)
    with open(path, "ab") as f:
        f.write(b"tail")
    print(os.path.getsize(path))
    with open(path, "rb") as f:
        lines = f.readlines()
        print(len(lines), lines[0][-3:], type(lines[0]).__name__)
    text = "héllo wörld ✓\n"
    with open(path, "wb") as f:
        f.write(text.encode("utf-8"))
    with open(path, "rb") as f:
        raw = f.read()
    print(raw, raw.decode("utf-8") == text, len(raw), len(text))
finally:
    if os.path.exists(path):
        os.remove(path)
