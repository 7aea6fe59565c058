# zfill, center, ljust, rjust, expandtabs, encode, maketrans/translate.
print(repr("42".zfill(5)), repr("-42".zfill(5)), repr("+42".zfill(6)), repr("abc".zfill(2)), repr("".zfill(3)))
print(repr("hi".center(7)), repr("hi".center(8, "*")), repr("hi".center(1)), repr("abc".center(6, "-")))
print(repr("hi".ljust(5)), repr("hi".ljust(5, ".")), repr("hi".rjust(5)), repr("hi".rjust(5, "0")), repr("long".rjust(2)))
print(repr("a\tb\tc".expandtabs()), repr("a\tb".expandtabs(4)), repr("abcde\tf".expandtabs(4)), repr("\t".expandtabs(0)), repr("x\n\ty".expandtabs(2)))
print("héllo".encode(), "héllo".encode("utf-8"), "abc".encode("ascii"), "héllo".encode("latin-1"), "€".encode("utf-8"))
print("héllo".encode("ascii", "replace"), "héllo".encode("ascii", "ignore"), "héllo".encode("ascii", "backslashreplace"))
try:
    "héllo".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc".translate(t), "abcd".translate({ord("a"): None, ord("b"): "BB"}))
t2 = str.maketrans({"a": "1", "b": None})
print(sorted(t2.items()), "abcab".translate(t2))
t3 = str.maketrans("ab", "cd", "xyz")
print("axbycz".translate(t3))
try:
    str.maketrans("abc", "xy")
except ValueError as e:
    print(type(e).__name__, e)
print("%s|%5s|%-5s|%.2s" % ("a", "b", "c", "defg"))
