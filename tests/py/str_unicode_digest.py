# str's character predicates and case mappings on every code point (one character at a time), read from
# the same Unicode 15.1 tables as unicodedata, reduced to one CRC per method.
import zlib


def crc_of(f, sep="\x00"):
    crc = 0
    chunk = []
    for cp in range(0x110000):
        chunk.append(f(chr(cp)))
        if len(chunk) == 4096:
            crc = zlib.crc32(sep.join(chunk).encode("utf-8", "surrogatepass"), crc)
            chunk = []
    return zlib.crc32(sep.join(chunk).encode("utf-8", "surrogatepass"), crc)


# str methods per code point (one char each), on the same tables.
for meth in ("isalpha", "isupper", "islower", "istitle", "isspace", "isprintable", "isdecimal",
             "isdigit", "isnumeric", "isidentifier", "isalnum"):
    f = getattr(str, meth)
    print(meth, crc_of(lambda c: "1" if f(c) else "0", ""))
for meth in ("lower", "upper", "title", "casefold", "swapcase"):
    f = getattr(str, meth)
    print(meth, crc_of(f))

# Counts per predicate, readable when a CRC differs.
for meth in ("isalpha", "isupper", "islower", "isdecimal", "isdigit", "isnumeric", "isprintable", "isspace"):
    f = getattr(str, meth)
    print(meth, sum(1 for cp in range(0x110000) if f(chr(cp))))
