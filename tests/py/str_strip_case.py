# strip family, case conversion and the is-predicates.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")), repr("abcHELLOcba".strip("abc")))
print(repr("www.example.com".lstrip("w.")), repr("mississippi".rstrip("ip")), repr("".strip()), repr("   ".strip()))
print("hello".removeprefix("he"), "hello".removesuffix("lo"), "hello".removeprefix("x"), "hello".removesuffix(""))
for w in ["hello world", "HELLO", "Hello World", "hELLO wORLD", "they're bill's friends", "ß straße", "123abc"]:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
tests = ["abc", "ABC", "Abc", "123", "12.3", "abc123", "", " ", "\t\n", "Hello World", "hello world", "½", "²", "٣", "éà", "_x", "x_1", "class", "a b", "\x00", "Ab Cd", "AB CD"]
for w in tests:
    print(repr(w), w.isalpha(), w.isdigit(), w.isdecimal(), w.isnumeric(), w.isalnum(), w.isspace(), w.isupper(), w.islower(), w.istitle(), w.isidentifier(), w.isprintable(), w.isascii())
