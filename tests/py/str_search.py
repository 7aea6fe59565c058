# find, rfind, index, rindex, count, startswith, endswith.
s = "abracadabra"
print(s.find("a"), s.find("bra"), s.find("z"), s.find("a", 1), s.find("a", 1, 3), s.find(""), s.find("", 20), s.find("a", -4))
print(s.rfind("a"), s.rfind("bra"), s.rfind("z"), s.rfind("a", 0, 5), s.rfind(""), s.rfind("abra", 1))
print(s.index("c"), s.rindex("b"), s.count("a"), s.count("bra"), s.count(""), s.count("a", 5), s.count("aa"), "aaaa".count("aa"))
try:
    s.index("z")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex("z")
except ValueError as e:
    print(type(e).__name__, e)
print(s.startswith("abra"), s.startswith("bra"), s.startswith("bra", 1), s.startswith(("x", "ab")), s.startswith(""), s.startswith("a", 20))
print(s.endswith("abra"), s.endswith(("cad", "bra")), s.endswith("cad", 0, 7), s.endswith(()), "".endswith(""))
try:
    s.startswith(["a"])
except TypeError as e:
    print(type(e).__name__, e)
print("日本語日本".find("本"), "日本語日本".rfind("本"), "日本語日本".count("日本"), "ü".find("u"))
print(s.replace("a", "A"), s.replace("a", "A", 2), s.replace("bra", ""), s.replace("", "-"), "aaa".replace("a", "bb"), s.replace("x", "y"))
print("abc".replace("", "|", 2), "abab".replace("ab", "ba", -1))
