# bool is an int subclass; truthiness of every builtin type.
print(True, False, True + True, True * 10, False - 1, True / 2, True // 1, -True, True & False, True | False, True ^ True)
print(type(True).__name__, isinstance(False, int), bool.__mro__[1].__name__, int(True), str(False), repr(True))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(-0.0), bool(0.1), bool(""), bool(" "), bool([]), bool([0]))
print(bool(()), bool((0,)), bool({}), bool({0: 0}), bool(set()), bool({0}), bool(None), bool(range(0)), bool(range(1)))
print(bool(b""), bool(b"\x00"), bool(bytearray()), bool(float("nan")), bool(frozenset()), bool(2 ** 100), bool(...))
print(not None, not [], not [1], not not 5, True is True, (1 == 1) is True, bool("False"))
print(True == 1, hash(True) == hash(1), {True: "a", 1: "b"}, {1: "x", True: "y"})
print(sum([True, True, False, True]), max(True, 2), sorted([True, False, 0, 1, -1]))
print(True and 5, False and 5, 0 or "default", "" or [] or None, 3 and 4 and 5, 0 and 1 / 0)
print(1 or 1 / 0, None or 0, [] and [1], 5 if [] else 6)
print(bool.__name__, ~False, True << 3, divmod(True, True), abs(True), round(True))
class Thing:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v > 0
class Sized:
    def __len__(self): return 0
print(bool(Thing(1)), bool(Thing(-1)), bool(Sized()), not Sized(), "yes" if Thing(3) else "no", bool(Thing))
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
print(format(True, "d"), format(True, ""), f"{True}", f"{False!r}", "%d %s" % (True, True), True.__index__())
