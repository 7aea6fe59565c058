"""String methods: building, slicing, find/replace, split/join, formatting, encode/decode."""
import sys


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(1000, int(600_000 * scale))
    parts = []
    for i in range(n):
        parts.append("item%05d:%s" % (i, "abcdefghij"[i % 10] * (i % 4 + 1)))
    text = ";".join(parts)
    fields = text.split(";")
    total = 0
    for f in fields:
        name, _, val = f.partition(":")
        total += len(val) + int(name[4:]) % 13
        if val.startswith("cc") or val.endswith("j"):
            total += 1
    up = text.upper()
    replaced = text.replace("item", "it").replace(":", "=")
    found = 0
    pos = 0
    while True:
        pos = text.find("ddd", pos)
        if pos < 0:
            break
        found += 1
        pos += 3
    fmt = "".join("{:>6}|{:<4}".format(i, i % 97) for i in range(n // 10))
    enc = text[: n].encode("utf-8")
    dec = enc.decode("utf-8")
    rev = "".join(reversed(fields[: n // 10]))
    words = " ".join(f.strip("item0123456789:") for f in fields[: n // 5]).split()
    print("checksum: %d %d %d %d %d %d %d %d %d" % (len(text), total, len(up), len(replaced), found, len(fmt), len(dec),
                                                   len(rev), len(words)))


main()
