# Newline translation in text mode, readline with limits, lines without trailing newline.
import os
path = "/tmp/krait_io_nl_%d.txt" % os.getpid()
try:
    with open(path, "wb") as f:
        f.write(b"unix\nwindows\r\nold mac\rlast")
    with open(path) as f:
        print(f.readlines())
    with open(path, newline="") as f:
        print(f.readlines())
    with open(path, "rb") as f:
        print(f.read())
    with open(path, "w") as f:
        f.write("a\nb\n")
    with open(path, "rb") as f:
        print(f.read())
    with open(path, "w") as f:
        f.write("")
    with open(path) as f:
        print(repr(f.read()), f.readlines(), repr(f.readline()))
    with open(path, "w") as f:
        for i in range(1000):
            f.write("row %d\n" % i)
    with open(path) as f:
        total = 0
        count = 0
        for line in f:
            total += int(line.split()[1])
            count += 1
    print(count, total)
    with open(path) as f:
        print(repr(f.readline(2)), repr(f.readline()))
finally:
    os.remove(path)
