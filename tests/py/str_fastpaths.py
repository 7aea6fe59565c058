# Fast paths of the str methods (ASCII vs non-ASCII inputs, flags and lengths of the results, the
# shared empty/one-char strings) must give exactly CPython's results.

def show(label, s):
    print(label, repr(s), len(s), s.isascii(), [s[i] for i in range(len(s))][-3:], repr(s[::-1][:4]), hash(s) == hash(s[:] + ""))

# replace: every combination of ASCII / non-ASCII self, old and new; counts; growth and shrinking
cases = [
    ("abcabcabc", "b", "XY"), ("abcabcabc", "bc", ""), ("abcabcabc", "abc", "é"),
    ("aéaéa", "é", "e"), ("aéaéa", "é", ""), ("aéaéa", "a", "ü"), ("aéaéa", "é", "€𝄞"),
    ("ééé", "é", "e"), ("éaé", "é", "b"), ("éaé", "a", "b"), ("x", "x", ""), ("x", "x", "y"),
    ("xx", "x", ""), ("ab", "ab", "c"), ("a\udc80b", "\udc80", "?"), ("€", "€", "ab"),
    ("aaaa", "aa", "a"), ("aaaa", "a", "aa"), ("", "a", "b"), ("abc", "", "-"), ("éb", "", "-"),
]
for s, old, new in cases:
    for count in (-1, 0, 1, 2):
        show("replace %r %r %r %d" % (s, old, new, count), s.replace(old, new, count))
big = "item:" * 1000 + "é"
show("replace big", big.replace("item", "it").replace(":", "=")[-10:])
print(big.replace("item", "it").count("it"), len(big.replace("é", "e")), big.replace("é", "e").isascii())

# case mapping: ASCII fast loop vs the general one
for s in ["", "a", "Z", "Hello World 123 [\\]^_`{|}~@", "straße", "ǅungla", "ΣΑΣ ΑΣ", "İi", "abc\x7f\x00"]:
    for m in ("lower", "upper", "casefold", "swapcase", "title", "capitalize"):
        show("%s %r" % (m, s), getattr(s, m)())
print("a".upper() == "A".lower().upper(), "".upper() == "")

# substrings of ASCII and non-ASCII strings: split, rsplit, splitlines, partition, strip, removeprefix
for s in ["a,b,,c", "é,b,,ç", "  a  b\tc\n", "\u2003a\u2003b ", "x;é;y", "line1\nline2\r\nlé\x1c", "a"]:
    print(repr(s), s.split(","), s.split(), s.rsplit(None, 1), s.split(";", 1), s.splitlines(True))
    for part in s.partition(",") + s.rpartition(",") + s.partition("é"):
        show("part", part)
    for part in (s.strip(), s.strip(" a"), s.lstrip("é"), s.rstrip("\n"), s.removeprefix("x;"), s.removesuffix("é,b")):
        show("strip", part)
    for w in s.split():
        show("word", w)

# %-formatting and format() of ints: small, negative, huge, bool, bases, widths, __index__
class Idx:
    def __index__(self):
        return 42
nums = [0, 7, -7, 12345, -2**63, 2**63 - 1, 2**64, -2**100, True, False]
for v in nums:
    print("%d|%5d|%-5d|%05d|%+d|% d|%.3d|%x|%#X|%o|%#o" % (v, v, v, v, v, v, v, v, v, v, v))
    print("{:d}|{:>8}|{:<4}|{:^7}|{:+}|{:,}|{:_x}|{:#b}|{:08d}|{:X}".format(v, v, v, v, v, v, v, v, v, v))
print("%x %d" % (Idx(), 3.9), "%c%c" % (65, "é"), "%s=%r" % ("é", "é"), "%5.2s|" % "éèê", "%-4s|" % "é")
print("%(a)s %(b)05d" % {"a": "x", "b": -3}, "%%d %s" % ((1, 2),), "%s" % [1])
for f, a in [("%d", ("x",)), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", (1,)), ("%c", (0x110000,))]:
    try:
        print(f % a)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
s = "item%05d:%s" % (3, "ab")
show("pct", s)
show("pct-u", "é%05d:%s" % (3, "ü"))
print("x" * 0, "ab".replace("ab", "é" * 3) * 2, ("a" * 100).replace("a", "bc", 50).count("bc"))
