# The str fast paths of the str_ops / word_freq work: search (memchr + compare, memmem fallback),
# replace (same-size in place, offsets kept once), % and str.format / f-strings rendering builtin
# types straight into the builder (stack buffer, moved to the heap when outgrown), int() of plain
# decimal text, str + str and str % x without the generic dispatch, len() of a global.

def search():
    texts = ["", "a", "ab", "abc", "item00012:ccc;item00013:dddd", "héllo wörld ünïcode €uro 𝄞clef",
             "a" * 300 + "b", "ab" * 200 + "abc", "x" * 70 + "needle" + "y" * 70]
    needles = ["", "a", "ab", "abc", "aab", "item", ":", "ö", "wörld", "€u", "𝄞", "𝄞c", "needle",
               "needlx", "ccc;", "dddd", "b", "yy"]
    for t in texts:
        row = []
        for n in needles:
            row.append((t.find(n), t.rfind(n), t.count(n), n in t, t.find(n, 3), t.find(n, -5, -1)))
        print(len(t), row)
    # pathological first-byte repeats: the memmem fallback
    hay = "a" * 5000 + "aab" + "a" * 100
    print(hay.find("aab"), hay.find("aac"), hay.count("aa"), hay.replace("aab", "X").count("X"))
    hay2 = "ab" * 3000 + "abb"
    print(hay2.find("abb"), hay2.find("abba"), hay2.index("abb"), hay2.rindex("ab"))


def replace():
    s = "item00012:ccc;item00013:dddd;"
    for old, new in [("item", "it"), (":", "="), ("item", "ITEM"), ("c", ""), ("x", "y"), (";", ";;"),
                     ("dddd;", "e"), ("i", "é"), ("", "-"), ("item00012:ccc;item00013:dddd;", "")]:
        print(repr(s.replace(old, new)), repr(s.replace(old, new, 1)), repr(s.replace(old, new, 0)),
              repr(s.replace(old, new, -1)))
    print("aaaa".replace("aa", "b"), "aaaaa".replace("aa", "bbb", 2), "aaa".replace("a", "aa"))
    u = "héé wörld 𝄞𝄞 €"
    for old, new in [("é", "e"), ("é", "ab"), ("é", "€"), ("𝄞", "x"), ("ö", "oe"), (" ", ""), ("€", "EUR")]:
        r = u.replace(old, new)
        print(r, len(r), r.isascii(), r[-1], r[::-1])
    print("x".replace("x", ""), repr("ab".replace("ab", "c")), "abab".replace("ab", "é"))
    many = ";".join(str(i) for i in range(300))
    r = many.replace(";", ", ")
    print(len(r), r[:40], r[-20:], many.replace("1", "one").count("one"))


def percent():
    vals = [0, 7, -7, 12345, -99999, 2 ** 62, -(2 ** 64), True]
    for v in vals:
        print("%d|%5d|%-5d|%05d|%+d|% d|%x|%#X|%o|%3.2d" % (v, v, v, v, v, v, v, v, v, v))
    for v in [0.0, -0.0, 3.14159, -2.5e10, 1e-7, float("inf")]:
        print("%f|%.2f|%10.3e|%-8g|%G|%+.1f" % (v, v, v, v, v, v))
    print("%s|%5s|%-5s|%.2s|%r|%a|%c|%c|%%" % ("é𝄞", "ab", "ab", "héllo", "q'", "é", 0x1D11E, "x"))
    print("%(a)s-%(b)05d" % {"a": "A", "b": 42}, "%s" % "solo", "%s" % (("t", 1),), "%s %s" % ("a", "b"))
    print("item%05d:%s" % (12, "ccc"), "%s" % 5, "%s" % [1, "x"])
    long_fmt = "%s," * 100 % tuple(range(100))
    print(len(long_fmt), long_fmt[:30], long_fmt[-10:])
    print(len("%300s|" % "x"), ("%-300s|" % "é")[-3:], len("%0400d" % 5))
    for bad in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1), ("%c", "ab")]:
        try:
            print(bad[0] % bad[1])
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)


class Fmt:
    def __format__(self, spec):
        return "<Fmt %s>" % spec


class MyInt(int):
    def __format__(self, spec):
        return "myint" + spec


def fmt():
    for v in [0, 12, -12, 255, 2 ** 70, -(2 ** 70), 1234567, True, False]:
        print("{}|{:>6}|{:<6}|{:^7}|{:06}|{:+}|{:x}|{:#b}|{:,}|{:_}|{:e}|{:%}".format(*([v] * 12)))
    for v in [0.0, -0.0, 2.5, -1234.5678, 1e300, float("nan")]:
        print("{}|{:>10}|{:.3f}|{:08.2f}|{:,.1f}|{:g}|{:e}|{:z.1f}|{:%}".format(*([v] * 9)))
    for v in ["", "ab", "héllo", "𝄞", "x" * 300]:
        print("{}|{:>6}|{:<6}|{:*^7}|{:.2}|{!r}|{!a:>9}".format(*([v] * 7))[:80])
    print("{:>6}|{:<4}".format(1234, 1234 % 97), "{0}{1}{0}".format("a", "b"), "{x}-{y:>3}".format(x=1, y=2))
    print("{:{w}}|{:>{w}.{p}f}".format(5, 3.14159, w=8, p=2), "{0[1]}{1.real}".format([7, 8], 3))
    print("{}|{:>10}|{:x<12}".format(Fmt(), Fmt(), MyInt(5)), format(MyInt(3), "d"), f"{MyInt(4):>3}")
    big = "".join("{:>6}|{:<4}".format(i, i % 97) for i in range(50))
    print(len(big), big[:33], big[-22:])
    i, x, s = 42, 2.5, "é"
    print(f"{i}|{i:>5}|{i:05}|{x}|{x:.3f}|{s}|{s:>3}|{s!r}|{i!r:>4}|{-i:+}|{2**65:,}|{True}|{True:>5}")
    print(format(7, "03"), format(2 ** 70, "x"), format(1.5, ""), format("ab", ""), format(3, ""), format(True, ""))
    for bad in [("{:d}", "s"), ("{:s}", 5), ("{:=}", "s"), ("{:.2d}", 5), ("{:,x}", 5), ("{:c}", -1)]:
        try:
            print(bad[0].format(bad[1]))
        except (TypeError, ValueError, OverflowError) as e:
            print(type(e).__name__, e)


def ints():
    for t in ["0", "7", "-7", "+12", " 42 ", "00012", "123456789012345678", "1234567890123456789",
              "99999999999999999999", "1_000", "-0", "\t5\n", "12a", "", " ", "1__0", "_1", "0x10"]:
        try:
            print(repr(t), int(t), int(t, 0) if t.strip() not in ("00012",) else "-")
        except ValueError as e:
            print(repr(t), "ValueError", e)


TABLE = ["ka", "ri", "to"]


def concat_and_len():
    w = ""
    for k in range(40):
        w += TABLE[k % len(TABLE)]
        if k % 7 == 0:
            w = w + "é"
    print(w, len(w), len(TABLE))
    acc = []
    for k in range(30):
        acc.append("%s-%d" % (TABLE[k % 3], k) + "|" + str(k))
    print(acc[:3], acc[-1])


search()
replace()
percent()
fmt()
ints()
concat_and_len()
TABLE = ("a", "b", "c", "d")  # len() of the global changes type: the guard deopts
concat_and_len()
TABLE = "xyz"
concat_and_len()


# int(x), str(x), float(x) skip object.__init__ (type_call); subclasses still run their own __init__
class I(int):
    def __init__(self, *a):
        print("I.__init__", a)


class F(float):
    def __init__(self, *a):
        print("F.__init__", a)


class St(str):
    def __init__(self, *a):
        print("St.__init__", a)


class HasInt:
    def __int__(self):
        return 7

    def __index__(self):
        return 8


print(int("12"), int(" -3 "), int(3.9), int(True), int(HasInt()), int("ff", 16), int("0x10", 0))
print(I("12"), I(5), F("1.5"), St("q"), St(), str(5), str(b"ab", "ascii"), float("2.5"), float(3), str(), int(),
      float(), type(I(3)).__name__, type(int(I(3))).__name__)
for bad in [lambda: int("1.5"), lambda: int(None), lambda: int("12", base=1), lambda: float("x")]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


# startswith / endswith of one exact str over the whole string: a byte compare
for s in ["", "a", "cc", "ccc", "abj", "héllo", "ollé", "𝄞x", "x𝄞", "é"]:
    row = []
    for p in ["", "c", "cc", "j", "h", "hé", "é", "llé", "𝄞", "x", "\x81", "abj", "abjk"]:
        row.append((s.startswith(p), s.endswith(p), s.startswith(p, 1), s.endswith(p, 0, -1),
                    s.startswith((p, "zz"))))
    print(s, row)
print(St("abc").startswith(St("ab")), "abc".endswith(St("bc")), St("abc").endswith("bc"))
for bad in [lambda: "a".startswith(1), lambda: "a".endswith(["a"]), lambda: "a".startswith()]:
    try:
        bad()
    except TypeError as e:
        print(e)
