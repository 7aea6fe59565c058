# re: module functions, Pattern and Match objects, Unicode positions, 3.7+ empty-match rules.
import re

# Pattern attributes
p = re.compile(r"(?P<word>\w+)\s(?P<num>\d+)?(x)?", re.I | re.M)
print(p.pattern, p.flags, int(p.flags), p.groups, p.groupindex)
print(repr(p), p == re.compile(r"(?P<word>\w+)\s(?P<num>\d+)?(x)?", re.I | re.M))
print(re.compile("a").flags, re.compile("(?i)a").flags, re.compile("a", re.A).flags)
print(repr(re.I), repr(re.I | re.M), str(re.S), repr(re.NOFLAG), re.I | re.M | re.X, re.I & re.M)
print(re.IGNORECASE == 2, re.M == 8, re.S == 16, re.X == 64, re.A == 256, re.U == 32, re.NOFLAG == 0)
print(re.compile(r"a", re.X | re.S))

# Match objects
m = p.search("-- Hello 42x --")
print(m)
print(m.group(), m.group(0), m.group(1), m.group("num"), m.group(1, "num", 3), m[0], m["word"], m[2])
print(m.groups(), m.groupdict(), m.start(), m.end(), m.span(), m.start("num"), m.end(2), m.span(3))
print(m.lastindex, m.lastgroup, m.re is p, m.string, m.pos, m.endpos, bool(m), m.regs)
m = p.search("-- Hello ")
print(m.groups(), m.groups("?"), m.groupdict("-"), m.span(2), m.start(3), m.lastindex, m.lastgroup)
print(m.expand(r"<\1|\g<word>|\g<0>|\g<num>>"))
m = re.match(r"(a)(b)?", "a")
print(m.lastindex, m.group(2), m.groups(), m.span(2))
m = re.match(r"((a)b)", "ab")
print(m.lastindex, m.lastgroup)
print(re.match(r"(?P<n>a)|(?P<m>b)", "b").lastgroup)
print(re.match("x", "y"), re.fullmatch("a+", "aab"), re.fullmatch("a+", "aaa"))
print(re.fullmatch(r"a|ab", "ab"))

# pos and endpos
p = re.compile(r"\w+")
print(p.search("abc def", 2), p.search("abc def", 4, 6), p.match("abc def", 4), p.match("abc def", 3))
print(p.findall("abc def ghi", 1, 9), p.fullmatch("abc def", 4, 7), p.search("abc", 5), p.search("abc", -3))
print(re.compile("^a").search("ba", 1), re.compile("$").search("abc", 0, 2))
print(re.compile("").match("abc", 2, 1), re.compile("").search("abc", 3, 1))
print(list(re.compile(r"\d").finditer("1a2b3c", 1, 5)))

# findall
print(re.findall(r"\d+", "a1b22c333"))
print(re.findall(r"(\w)(\d)", "a1 b2 c"))
print(re.findall(r"(\w)\d?", "a1 b c3"))
print(re.findall(r"(a)|b", "ab"))
print(re.findall(r"", "abc"))
print(re.findall(r"x*", "abxd"))
print(re.findall(r"\b", "a bc"))
print(re.findall(r"(?=(\w\w))", "abcd"))

# finditer
for m in re.finditer(r"(\w)(\d)?", "a1 bc2"):
    print(m.span(), m.groups())
print([m.span() for m in re.finditer(r"x*", "axxb")])
it = re.finditer("a", "aaa")
print(next(it).span(), next(it).span())

# split
print(re.split(r"\W+", "Words, words, words."))
print(re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", maxsplit=1))
print(re.split(r"\W+", "Words, words, words.", maxsplit=2))
print(re.split(r"[a-f]+", "0a3B9", flags=re.I))
print(re.split(r"(\W+)?", "...words, words..."))
print(re.split(r"x*", "axbc"))
print(re.split(r"", "abc"))
print(re.split(r"\b", "a bc"))
print(re.split(r"(a)|(b)", "xaybz"))
print(re.split(",", "a,b,c", maxsplit=-1))
print(re.split(r"^$", "", flags=re.M), re.split(r"x", ""))

# sub / subn
print(re.sub(r"\d", "#", "a1b22c"))
print(re.sub(r"\d", "#", "a1b22c", count=2), re.sub(r"\d", "#", "a1b22c", count=1))
print(re.subn(r"\d", "#", "a1b22c"), re.subn("z", "#", "abc"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@host ann@box"))
print(re.sub(r"(?P<a>\w)(?P<b>\w)", r"\g<b>\g<a>\g<0>", "abcd"))
print(re.sub(r"(a)", r"[\1\n\t\\x\101\0]", "a"))
print(re.sub(r"(a)|b", r"<\1>", "ab"))
print(re.sub(r"x*", "-", "abxd"))
print(re.sub(r"", "-", "abc"))
print(re.sub(r"\w+", lambda m: m.group().upper(), "hello big world"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1 b20 c300"))
print(re.sub(r"a", lambda m: None, "banana"))
print(re.sub("a", r"\\", "a"), re.sub("a", "\\\\n", "a"))
print(re.sub(r"(?i)B", "x", "abcB"), re.sub("b", "x", "abcb", flags=re.I))
print(re.compile(r"o").sub("0", "foo boo", 3), re.compile(r"o").subn("0", "foo"))
print(re.sub(r"(\d)(?=(\d{3})+$)", r"\1,", "1234567"))

# escape, purge, cache
print(re.escape("a.b*c?d[e]f (g) h+i|j^k$l\\m{n} -#&~\t\n"), re.escape("héllo_wörld 1"))
print(re.match(re.escape("1+1=2?"), "1+1=2?"))
re.purge()
print(re.compile("abc") is re.compile("abc"), re.search("abc", "xabcx").span())
print(re.compile(re.compile("ab")).pattern)

# Unicode strings: positions are code points
s = "ça coûte 12€ — señor Müller 3½ 😀x"
print(re.search(r"\d+", s).span(), re.search("€", s).span(), re.search("😀", s).span())
print([m.span() for m in re.finditer(r"\w+", s)])
print(re.findall(r"\w+", s))
print(re.sub(r"[éèêëûü]", "_", "été coûte Müller"))
print(re.split(r"\s+", s))
m = re.search(r"(?P<name>[A-Z]\w+)", s)
print(m, m.start(), m.end(), m.group("name"))
print(re.compile(r"\w+").search(s, 10), re.compile(r"x").search(s, 20).span())
print(re.match(r".{3}", "😀😀😀😀").span(), re.fullmatch(r"\W+", "—…"))
print(re.sub("(?i)MÜLLER", "X", s))
print(re.findall(r"(?i)straße", "STRASSE Straße STRAẞE"))
print(re.findall(r"(?i)[Α-Ω]+", "αβγ ΔΕΖ"))
print(re.search(r"(?<=€ — )\w+", s))
print(repr(re.match(".", "\U0001F600")), re.match(r"\S+", "日本語 テキスト").group())

# Match.pos/endpos are the arguments (clamped), the same for every match of finditer
print([(m.pos, m.endpos, m.span()) for m in re.finditer("a", "aaa")])
print([(m.pos, m.endpos) for m in re.compile("a").finditer("aaaa", 1, 3)])
m = re.compile("(a)").search("xa", -5, 99)
print(m.pos, m.endpos, m.group(), m.group(True), m[False], m.start(True), m.span(False))
for g in (1.0, -1, 2, "x", None):
    try:
        print(m.group(g))
    except IndexError as e:
        print("IndexError", g, e)

# finditer over many matches (the engine hands them out in batches), empty matches at batch edges,
# and a loop that stops early
s = "ab cd xx ef " * 30
spans = [m.span() for m in re.finditer(r"\b|x*", s)]
print(len(spans), spans[:9], spans[-5:], len(re.findall(r"\b|x*", s)))
print([m.span() for m in re.finditer(r"", "abcdefghij")])
print([m.group() for m in re.finditer(r"x*|c", "xxcxcc" * 3)])
it = re.finditer(r"\w+", s)
print(next(it).span(), next(it).group(), [m.span() for m, _ in zip(it, range(3))])
print([m.start() for m in re.finditer("é", "é😀é" * 40)][-3:])
