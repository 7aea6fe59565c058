# __format__, __str__, __repr__ interaction with format(), str(), print and containers.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return str(self)
        if spec == "raw":
            return str(self.cents)
        return format(self.cents / 100, spec)
    def __str__(self):
        return "$%d.%02d" % divmod(self.cents, 100)
    def __repr__(self):
        return "Money(%d)" % self.cents
m = Money(12345)
print(m, str(m), repr(m), format(m), format(m, "raw"), format(m, ".1f"), f"{m:>10.2f}", [m], (m,), {"m": m})
print("{}".format(m), "{!r}".format(m), "%s %r" % (m, m))
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
o = OnlyRepr()
print(o, str(o), f"{o}", format(o, ""), [o])
try:
    format(o, "x")
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self):
        return 42
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class IntLike(int):
    def __format__(self, spec):
        return "IntLike:" + super().__format__(spec)
print(format(IntLike(5), "03d"), f"{IntLike(7):x}")
print(format(3, "") == str(3), object.__format__(m, "") == str(m))
