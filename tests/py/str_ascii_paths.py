# ASCII fast paths: whitespace split by table, strip by a 128-bit byte set, lower/upper/casefold that
# return the str itself when nothing changes; compared with the general (non-ASCII) paths on the same
# shapes of input, str subclasses (whose results are exact strs) and every ASCII whitespace byte.
WS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "


def splits():
    samples = ["", " ", "a", " a ", "ka ri  to\tmo\nne\x1csu\x1fpa ", "  lead", "trail  ", "one",
               "a b c d e", "x\x0by\x0cz\rw", WS, "a" + WS + "b", "é ü", " é\tü ", "x\x85y", "x\u3000y z"]
    for s in samples:
        print(repr(s), s.split(), s.split(None, 0), s.split(None, 1), s.split(maxsplit=2), s.split(None, -1),
              s.rsplit(None, 1))
    text = " ".join("w%d" % i for i in range(500)) + "\n" * 3
    parts = text.split()
    print(len(parts), parts[:3], parts[-2:], text.split(maxsplit=3)[-1][:20])


def strips():
    samples = ["", " ", "  a  ", WS + "x" + WS, "ka,", ".ka.", "...", ",.;:", "item00012:ccc",
               "héllo", "éaé", " é ", "\x85x\x85", "abcba"]
    sets = [None, "", " ", ".,;:", "item0123456789:", "ab", "é", "aé", "\x85", "\x7f"]
    for s in samples:
        print(repr(s), [(s.strip(c), s.lstrip(c), s.rstrip(c)) for c in sets])


def cases():
    for s in ["", "a", "A", "Kamoto", "kamoto", "KAMOTO", "ka ri", "123 @[`{", "héllo", "ÀB", "ǅ",
              "straße", "ΣΑΣ", "x" * 100, "X" * 100 + "y"]:
        lo, up, cf = s.lower(), s.upper(), s.casefold()
        print(repr(s), lo, up, cf, lo == s, up == s, s.swapcase(), s.title(), s.capitalize())


class S(str):
    pass


def subclass():
    x = S("abc")
    y = S(" a b ")
    print(type(x.lower()).__name__, type(x.upper()).__name__, type(x.strip()).__name__,
          type(x.split()[0]).__name__, type(y.strip()).__name__, type(y.split()[0]).__name__,
          x.lower(), y.strip(), y.split())


def words():
    # word_freq's pipeline: split, strip punctuation, lower, count
    text = "Ka ri, to. ka KA ri! mo\nne su, Pa. pa ka" * 5
    counts = {}
    for line in text.splitlines():
        for raw in line.split():
            w = raw.strip(".,;:!").lower()
            if w:
                counts[w] = counts.get(w, 0) + 1
    print(sorted(counts.items()))


splits()
strips()
cases()
subclass()
words()
