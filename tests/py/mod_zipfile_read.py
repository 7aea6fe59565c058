# zipfile reading archives whose bytes CPython 3.13 wrote (deflate and stored members, a directory, a
# UTF-8 name, a member forced to ZIP64, member and archive comments), then damaged copies of them:
# bad CRC, bad magic numbers, truncation, prefixed data, and a PKWARE-encrypted archive (made by
# Info-ZIP's zip -P).
import base64
import io
import zipfile

ZIP_B64 = """UEsDBBQAAAAIAL1tXVjFDdBWNwAAAIQDAAAKAAAAcmVhZG1lLnR4dAvJSFUoLM1MzlZIKsovz1NIy69QyCrNLShWyC9LLVIoAUrn
JFZVKqTkp+txhYwqHlU8qpjaigFQSwMEFAAAAAAAfb+fVwAAAAAAAAAAAAAAAAUAAABkYXRhL1BLAwQUAAAAAAAAACFWc4wFKQAB
AAAAAQAADgAAAGRhdGEvYnl0ZXMuYmluAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEy
MzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9
fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfI
ycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/1BLAwQUAAAICADAQ89U5BB/gBAA
AAAOAAAAEAAAAGRhdGEvZ3LDvMOfZS50eHTLOLwyJydfofzwtqKcFC4AUEsDBC0AAAAIAMQoZFJuQuu8//////////8JABQAYmln
NjQudHh0AQAQALAEAAAAAAAAAgIAAAAAAAAdk8sNBDEIQ+9bzfBN0n9j6+c5RAgZsA3zffp+POG3/T7eWN4c3nLczq8xF3y4NtJx
k48FEw98ujbH8SVfCaYWfLu22/ElPwlmDvh17To+zh9jrvHPtY8+8dEzPvpHMCs8NxIOUfARNTADz1hqY+EfBy1x0RUPjWm9GWjP
xIcsPMnGnxxqcx0f568xD3y5toI+Eqp8Ff2rmVWeWwcOdeFTD279wbPNuQv+3WjpRVcfNLb1zof2CXyYwpNp/Bl7NcfxI78fGDUQ
fu3zDn320HMv/c/HrOO5p+BwBj7nwO08eF7v9yb8b6PlLrruReOzXgGJGx/e4sm78id8V1qO41Y+ROvpvcJHUBuRRdzqKcfVP+Jq
lu6J2qwkHvGJPOKmlYpnFJyjeohXWqKedEWHNKoZtSJLfOVDjOr0lvwJexVzidf5LTBr/OJzHPc5Tc/j/ucx63qujoXYfN4Ht2ee
j/3Gg780S0t+6EqZu7+03owKYnxIin+Z+JO+q0x8ywryhZ9ZB3y7tos+jf+6LfoPe9HfRe2wr9TGlV/2mCIuvPebZ4aYvadUCHO5
B/2T1D7uJN/IBxksT3TI8qf8D9b3iIN7E3thKrlDHbhqK7nPqlDPKu62Sq1/5XvWih4xd15T4lbD/ev/p3b5L7RAadFvIV3akDTW
Ra+2EsT8X1qvPNGNyp8/UEsBAhQDFAAAAAgAvW1dWMUN0FY3AAAAhAMAAAoAAAAOAAAAAAAAAKQBAAAAAHJlYWRtZS50eHRtZW1i
ZXIgY29tbWVudFBLAQIUAxQAAAAAAH2/n1cAAAAAAAAAAAAAAAAFAAAAAAAAAAAAEADtQV8AAABkYXRhL1BLAQIUAxQAAAAAAAAA
IVZzjAUpAAEAAAABAAAOAAAAAAAAAAAAAACAAYIAAABkYXRhL2J5dGVzLmJpblBLAQIUAxQAAAgIAMBDz1TkEH+AEAAAAA4AAAAQ
AAAAAAAAAAAAAACAAa4BAABkYXRhL2dyw7zDn2UudHh0UEsBAi0DLQAAAAgAxChkUm5C67wCAgAAsAQAAAkAAAAAAAAAAAAAAIAB
7AEAAGJpZzY0LnR4dFBLBQYAAAAABQAFACoBAAApBAAAHABhcmNoaXZlIG1hZGUgYnkgQ1B5dGhvbiAzLjEz"""
ENC_B64 = "UEsDBAoACQAAAIMYIlARA8JzFwAAAAsAAAAKAAAAc2VjcmV0LnR4dGzlrOxTw1jDUVJ/qcw7WZiLaA496ObaUEsHCBEDwnMXAAAACwAAAFBLAQIeAwoACQAAAIMYIlARA8JzFwAAAAsAAAAKAAAAAAAAAAEAAACkgQAAAABzZWNyZXQudHh0UEsFBgAAAAABAAEAOAAAAE8AAAAAAA=="

ZIP = base64.b64decode(ZIP_B64)
ENC = base64.b64decode(ENC_B64)


def show_error(what, fn):
    try:
        result = fn()
    except Exception as e:
        print(what, "->", type(e).__name__ + ":", e)
    else:
        print(what, "->", repr(result))


with zipfile.ZipFile(io.BytesIO(ZIP)) as z:
    print(z.namelist())
    print(z.comment)
    for zi in z.infolist():
        print(repr(zi))
        print("  ", zi.date_time, zi.compress_type, zi.file_size, zi.compress_size, hex(zi.CRC),
              oct(zi.external_attr >> 16), hex(zi.external_attr & 0xFFFF), zi.is_dir(), zi.comment,
              zi.flag_bits, zi.extract_version, zi.create_system)
    print(z.read("readme.txt")[:44], len(z.read("readme.txt")))
    print(z.read("data/grüße.txt").decode())
    print(z.read("data/bytes.bin") == bytes(range(256)))
    big = z.read("big64.txt")
    print(len(big), big[:12], big[-7:])
    print(z.testzip())
    # streaming reads: lines, partial reads, seeking back and forth in a deflated member
    with z.open("big64.txt") as f:
        print(f.readline(), f.readline(3), f.read(4), f.tell())
        f.seek(600)
        print(f.read(6), f.tell())
        f.seek(-12, 2)
        print(f.read())
        f.seek(6)
        print(f.read(6), f.peek(1)[:1], f.readable(), f.seekable())
        print(sum(1 for _ in f))
    with z.open(z.getinfo("readme.txt")) as f:
        lines = f.readlines()
        print(len(lines), lines[-1])
    show_error("getinfo missing", lambda: z.getinfo("nope.txt"))
    show_error("open mode", lambda: z.open("readme.txt", "a"))
    show_error("writestr on reader", lambda: z.writestr("x", b"y"))
    out = io.StringIO()
    z.printdir(file=out)
    print(out.getvalue(), end="")
    zf = z
show_error("read after close", lambda: zf.read("readme.txt"))

print(zipfile.is_zipfile(io.BytesIO(ZIP)), zipfile.is_zipfile(io.BytesIO(b"PK\x03\x04 not really")))
show_error("not a zip", lambda: zipfile.ZipFile(io.BytesIO(b"hello, world" * 10)))
show_error("empty", lambda: zipfile.ZipFile(io.BytesIO(b"")))

# flip one byte of the stored member's data: its CRC no longer matches
bad = bytearray(ZIP)
pos = bad.find(bytes(range(256)))
bad[pos + 100] ^= 0xFF
with zipfile.ZipFile(io.BytesIO(bytes(bad))) as z:
    print("testzip:", z.testzip())
    show_error("bad crc", lambda: z.read("data/bytes.bin"))
    with z.open("data/bytes.bin") as f:
        # the whole (small) member is decoded at the first read: the check fires there
        show_error("bad crc, partial read", lambda: f.read(20))
    print(z.read("readme.txt")[:9])

# a damaged local header signature
bad = bytearray(ZIP)
bad[0] = ord("Q")
with zipfile.ZipFile(io.BytesIO(bytes(bad))) as z:
    show_error("bad local magic", lambda: z.read("readme.txt"))
    print(z.read("data/bytes.bin")[:4])

# a damaged central directory entry
bad = bytearray(ZIP)
pos = bad.find(b"PK\x01\x02")
bad[pos + 2] = 9
show_error("bad central magic", lambda: zipfile.ZipFile(io.BytesIO(bytes(bad))))

# the archive cut in the middle: no end record any more
show_error("truncated", lambda: zipfile.ZipFile(io.BytesIO(ZIP[:len(ZIP) // 2])))

# data before the archive (a self-extracting stub): offsets are found relative to it
with zipfile.ZipFile(io.BytesIO(b"#!/bin/sh\nexit 0\n" * 5 + ZIP)) as z:
    print(z.read("data/grüße.txt"), z.testzip())

# appending to the embedded archive keeps the old members
buf = io.BytesIO(ZIP)
with zipfile.ZipFile(buf, "a", compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("added.txt", (2025, 1, 1, 0, 0, 0)), "appended " * 10)
    print(z.comment)
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
    print(z.namelist(), z.read("added.txt")[:18], z.read("big64.txt")[:6], z.testzip(), z.comment)

# traditional PKWARE encryption
with zipfile.ZipFile(io.BytesIO(ENC)) as z:
    zi = z.getinfo("secret.txt")
    print(zi.flag_bits & 1, zi.file_size, zi.compress_size, zi.date_time)
    show_error("no password", lambda: z.read("secret.txt"))
    show_error("wrong password", lambda: z.read("secret.txt", pwd=b"sword"))
    show_error("password type", lambda: z.read("secret.txt", pwd="swordfish"))
    print(z.read("secret.txt", pwd=b"swordfish"))
    z.setpassword(b"swordfish")
    print(z.read("secret.txt"), z.testzip())
