# re: long subjects (200k characters): linear patterns with a choice point per character, literal
# and class searches, many matches in findall/split/subn, non-ASCII positions far into the string.
import re

long = "ab" * 100000
print(re.match(r"(?:a|b)*", long).end(), re.match(r"(?:ab)*", long).end(), re.match(r"[ab]*c", long))
print(len(re.findall(r"ab", long)), len(re.split(r"b", long)), re.subn(r"a", "", long)[1])
print(re.search(r"b{2}", long), re.search(r"(?:ab)+$", long).span())
text = ("lorem ipsum dolor sit amet, " * 5000) + "END"
print(re.search(r"END$", text).span(), re.search(r"\bEND\b", text).start(), len(re.findall(r"\w+", text)))
print(re.search(r"(\w+), END", text).group(1), re.search(r".*END", text).end())
u = "ñandú😀 " * 20000 + "fin"
print(re.search(r"fin", u).span(), len(re.findall(r"\w+", u)), re.search(r"😀 fin$", u).span())
print(re.sub(r"ú", "u", u)[:20], re.split(r"😀 ", u)[-1])

