# Every code point's unicodedata properties and normal forms, reduced to one CRC per property so that any table error shows up as a changed line.
import unicodedata as ud
import zlib

ALL = range(0x110000)


def crc_of(f, sep="\x00"):
    crc = 0
    chunk = []
    for cp in ALL:
        chunk.append(f(chr(cp)))
        if len(chunk) == 4096:
            crc = zlib.crc32(sep.join(chunk).encode("utf-8", "surrogatepass"), crc)
            chunk = []
    return zlib.crc32(sep.join(chunk).encode("utf-8", "surrogatepass"), crc)


print("version", ud.unidata_version)
print("category", crc_of(ud.category))
print("bidirectional", crc_of(ud.bidirectional))
print("combining", crc_of(lambda c: str(ud.combining(c))))
print("east_asian_width", crc_of(ud.east_asian_width))
print("mirrored", crc_of(lambda c: str(ud.mirrored(c))))
print("decomposition", crc_of(ud.decomposition))
print("decimal", crc_of(lambda c: str(ud.decimal(c, ""))))
print("digit", crc_of(lambda c: str(ud.digit(c, ""))))
print("numeric", crc_of(lambda c: repr(ud.numeric(c, ""))))
print("name", crc_of(lambda c: ud.name(c, "")))

# Counts make a failure readable: which category is off, and by how many.
counts = {}
for cp in ALL:
    k = ud.category(chr(cp))
    counts[k] = counts.get(k, 0) + 1
print(sorted(counts.items()))
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    changed = 0

    def norm(c):
        global changed
        r = ud.normalize(form, c)
        if r != c:
            changed += 1
        return r
    print(form, "crc", crc_of(norm), "changes", changed, "chars")

