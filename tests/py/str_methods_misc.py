# Method lookups on str and misc behaviours: in with unicode, str of str subclass, isinstance.
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n, n.shout(), len(n), n + "by", type(n + "x").__name__, isinstance(n, str), n == "bob", n.title())
print("x".join(Name("abc")), Name("a b").split(), repr(Name("q")))
print(str("abc") is not None, str(b"abc", "ascii"), str(b"\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"))
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print("abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(1), "ab".__add__("c"), "ab".__mul__(2))
print("a\u0301".__len__(), "\u00e9" == "e\u0301", "Straße".upper())
print(" ".join(["%s=%r" % kv for kv in [("a", 1), ("b", "x")]]))
print("{:s}".format(n), f"{n!r}")
