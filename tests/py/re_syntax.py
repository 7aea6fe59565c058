# re: pattern syntax against CPython 3.13 (literals, escapes, classes, anchors, groups, quantifiers,
# lookaround, inline flags, verbose mode).
import re


def show(pat, s, flags=0, fn="search"):
    try:
        m = getattr(re, fn)(pat, s, flags)
    except re.error as e:
        print("error", repr(pat), e)
        return
    if m is None:
        print(fn, repr(pat), repr(s), None)
    else:
        print(fn, repr(pat), repr(s), m.span(), m.groups())


# literals and escapes
show(r"a\.b", "a.b axb")
show(r"a\.b", "axb")
show(r"\t\n\\", "x\t\n\\y")
show(r"\x41\u00e9\U0001F600", "zAé😀z")
show(r"\0", "a\0b")
show(r"\101\60", "xA0")
show(r"\x7e+", "~~~!")
show(r"[\x30-\x39]+", "ab1234cd")
show(r"a\-b\#c", "a-b#c")

# dot, dotall
show(r"a.c", "a\nc")
show(r"a.c", "a\nc", re.S)
show(r"(?s)a.c", "a\nc")
show(r".+", "héllo\nworld")

# classes
show(r"[abc]+", "xxbcaby")
show(r"[^abc]+", "abcxyzabc")
show(r"[a-f0-9]+", "zz09afgz")
show(r"[]a]+", "x]a]y")
show(r"[^]a]+", "]]bc]")
show(r"[a-]+", "x-a-y")
show(r"[\d.]+", "v3.14.15x")
show(r"[\w\s]+", "héllo wörld!")
show(r"[\W]+", "abc!@#def")
show(r"[.*+?]+", "a.*+?b")
show(r"[\]\\]+", "a]\\]b")
show(r"\d+", "abc٣٤٥x")
show(r"\d+", "abc٣٤٥x", re.A)
show(r"\w+", "—héllo—")
show(r"\w+", "—héllo—", re.ASCII)
show(r"\s+", "a\u2003\u00a0b")
show(r"\s+", "a\u2003\u00a0 b", re.A)
show(r"\D+\S+\W", "12ab cd!")
show(r"[α-ω]+", "abγδεz")

# anchors
show(r"^abc$", "abc")
show(r"^abc$", "abc\n")
show(r"^abc\Z", "abc\n")
show(r"\Aabc", "xabc")
show(r"^b", "a\nb")
show(r"^b", "a\nb", re.M)
show(r"a$", "a\nb", re.M)
show(r"a$", "a\nb")
show(r"\bfoo\b", "a foo b")
show(r"\bfoo\b", "afoob")
show(r"\Boo\B", "afoob")
show(r"\b", "")
show(r"\B", "")
show(r"\bé", "xé é")
show(r"\bé", "xé é", re.A)

# groups
show(r"(a)(b)(c)", "abc")
show(r"(?:ab)+", "ababx")
show(r"(?P<x>a)(?P=x)", "aa")
show(r"(a)|b", "b")
show(r"(a)?b", "b")
show(r"((a)|(b))+", "ab")
show(r"(a*)*", "aaa")
show(r"(a*)+", "b")
show(r"(a|)*b", "aab")
show(r"(\w+)\s+\1", "hello hello world")
show(r"(?i)(ab)\1", "abAB")
show(r"(a)(?(1)b|c)", "ab")
show(r"(a)?(?(1)b|c)", "c")
show(r"(?P<q>')?\w+(?(q)')", "'abc'")

# quantifiers
show(r"a{3}", "aaaa")
show(r"a{2,}", "aaaaa")
show(r"a{,2}", "aaaaa")
show(r"a{2,3}", "aaaaa")
show(r"a{2,3}?", "aaaaa")
show(r"a{3}b", "aab")
show(r"x{1,2}y{0}", "xxy")
show(r"a{", "a{")
show(r"a{1", "a{1")
show(r"a{,}", "a{,}")
show(r"a{x}", "a{x}")
show(r"<.*>", "<a><b>")
show(r"<.*?>", "<a><b>")
show(r"a+?b", "aaab")
show(r"a??b", "ab")
show(r"(ab){2}", "abababab")
show(r"(ab){2,3}?c", "abababc")
show(r"(?:a|bc){2,}", "abcbcax")
show(r"a*+a", "aaa")
show(r"a++b", "aaab")
show(r"(?>a+)b", "aaab")
show(r"(?>a+)a", "aaa")
show(r"(?:ab)*+c", "ababc")
show(r"\d?+\d", "12")
show(r".{2,}?x", "abxx")

# lookaround
show(r"foo(?=bar)", "foobaz foobar")
show(r"foo(?!bar)", "foobar foobaz")
show(r"(?<=\$)\d+", "cost $42")
show(r"(?<!\$)\b\d+", "$42 17")
show(r"(?<=ab|cd)x", "cdx")
show(r"(?<=(a))b", "ab")
show(r"(?=(\w+))\w", "hello")
show(r"(?!a)\w+", "abc bcd")
show(r"(?<=é)x", "éx")

# flags
show(r"ABC", "xabcx", re.I)
show(r"(?i)[a-c]+", "xABCx")
show(r"(?i)[^a]", "A")
show(r"(?i:a)b", "Ab")
show(r"(?i:a)b", "AB")
show(r"a(?-i:b)c", "AbC", re.I)
show(r"(?i)ΣΑΣ", "σας")
show(r"(?i)é", "É")
show(r"(?i)é", "É", re.A)
show(r"(?i)\u212a", "k")
show(r"(?i)k", "\u212a")
show(r"(?i)[k]", "\u212a")
show(r"(?ix) a b # comment", "AB")
show(r"""(?x)
    (\d+)   # number
    \s* [a-z]+  # word
    \ x     # escaped space
""", "12 abc x")
show(r"(?x)[ ]a", " a")
show(r"(?x)a\#b", "a#b")
show(r"(?#a comment)abc", "abc")
show(r"(?m)^\w+$", "one\ntwo")
show(r"(?ms)^a.b$", "x\na\nb")
show(r"(?a)\w+", "héllo")
