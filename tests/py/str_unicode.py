# str is a sequence of code points: indexing, slicing, find, len and iteration over multi-byte UTF-8 text.
s = "aé日😀b"
print(len(s), [s[i] for i in range(len(s))], s[-2], s[1:4], s[::-1], s[::2], s.find("😀"), s.index("b"), "日" in s)
print([hex(ord(c)) for c in s], len(s.encode("utf-8")), len(s.encode("utf-8")) - len(s))
t = "Ünïcödé ÀÉÎÕÜ straße"
print(t.upper(), t.lower(), t.swapcase(), t.title(), t.capitalize(), t.casefold())
print(t.isalpha(), "ÀÉÎ".isupper(), "àéî".islower(), "日本".isalpha(), "日本".isupper(), "٣".isdigit(), "x²".isalnum())
words = "naïve café résumé coöperate 日本語 emoji😀here".split()
print(sorted(words), [len(w) for w in words], max(words, key=len))
print("é" < "f", "é" > "e", "日" > "z", sorted("zéaÉ日A"), "ÉCOLE".lower() == "école")
print("日本語".center(9, "*"), "日本語".rjust(5, "-"), "%-5s|" % "日本", "{:^7}|".format("😀"))
print("a😀b😀c".split("😀"), "😀".join(["x", "y"]), "x😀y".replace("😀", "-"), "😀😀😀".count("😀"))
print(repr("\u00e9"), "\u00e9" == "é", "e\u0301" == "é", len("e\u0301"), "\N{SNOWMAN}", ascii("\N{SNOWMAN}"))
big = "é" * 1000 + "x" + "日" * 1000
print(len(big), big[1000], big.index("x"), big[999:1002], big.rfind("é"), big.count("日"))
print([c for c in "Grüße" if c.isupper()], "".join(reversed("añb")), "ab日".encode("utf-8").decode("utf-8") == "ab日")
