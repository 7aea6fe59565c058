# re: greedy vs lazy, backtracking-heavy patterns, long subjects, counted repeats and empty iterations.
import re

print(re.match(r"(x+x+)+y", "x" * 14 + "y").span())
print(re.match(r"(x+x+)+y", "x" * 14))
print(re.match(r"(a|aa)*b", "a" * 16 + "c"))
print(re.search(r"(\w+)\s+(\w+)$", "one two three").groups())
print(re.match(r"(.*)(\d+)", "abc12345").groups())
print(re.match(r"(.*?)(\d+)", "abc12345").groups())
print(re.match(r"(.*?)(\d+?)", "abc12345").groups())
print(re.match(r"(.+)\1", "abcabcx").groups(), re.match(r"(.+?)\1+$", "abababab").groups())
print(re.match(r"^(\w+?)(\w*?)(\d*)$", "abc123").groups())
print(re.findall(r"<(.+?)>", "<a><bb><ccc>"), re.findall(r"<(.+)>", "<a><bb><ccc>"))
print(re.match(r"(a+|b+)*c", "aabbaac").groups(), re.match(r"(a+|b+)*?c", "abc").groups())
print(re.match(r"(?:(a)|(b))*", "abab").groups(), re.match(r"(?:(a)|b)*", "ab").groups())
print(re.match(r"(a|b)*?c", "ababc").group(1), re.match(r"(a){0}b", "b").groups())
print(re.match(r"(?:a{2}){2,3}", "aaaaaaa").span(), re.match(r"(?:a{2}){2,3}?", "aaaaaaa").span())
print(re.match(r"(?:a?){5}b", "aab").span(), re.match(r"(?:a?)*?b", "aab").span())
print(re.match(r"(?:()|a)*b", "aab"), re.match(r"(?:a|())*b", "aab").groups())
print(re.match(r"(a*)*$", "aaa").groups(), re.match(r"(a*)+$", "aaa").groups(), re.match(r"(a*?)*$", "aa").groups())
print(re.match(r"((a)|b)+", "aab").groups(), re.match(r"(?:(\d)|x){3}", "1x2").groups())
print(re.fullmatch(r"(?:a+?)+", "aaaa").span(), re.fullmatch(r"(a|ab)(bc|c)", "abc").groups())
print(re.match(r"a{1000}", "a" * 1001).span(), re.match(r"(?:ab){500}", "ab" * 600).span())
print(re.match(r"(ab){2,}?c", "ababababc").span(1))
print(re.search(r"a[^x]{10,20}?b", "a" + "y" * 15 + "b" + "y" * 10 + "b").span())

# atomic and possessive cut the backtracking
print(re.match(r"(?>a+)+b", "a" * 30), re.match(r"a*+b", "a" * 30 + "b").span())
print(re.match(r"(?>(a+))\1", "aaaa"), re.match(r"(?>a|ab)c", "abc"), re.match(r"(?:a|ab)c", "abc").span())

# lookarounds with backtracking inside
print(re.findall(r"(?=(a+))", "aaa"), re.findall(r"(?<=(\w))\d", "a1b2"))
print(re.match(r"(?!.*x)\w+", "abc"), re.match(r"(?!.*x)\w+", "abx"))
print(re.sub(r"(?<=\d)(?=(\d{3})+\b)", ",", "1234567890 12 12345"))
print(re.search(r"(?<![a-z])\d+(?![a-z])", "a1 22 3b 44").group())
