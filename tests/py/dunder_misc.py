# __bool__/__len__ priority, __index__, __int__/__float__, __hash__, __contains__ fallback, __class__ assignment.
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
lst = list(range(10))
print(lst[Idx(3)], lst[Idx(1):Idx(4)], hex(Idx(255)), bin(Idx(5)), "ab" * Idx(3), range(Idx(3)), operator_free := 1)
class Num:
    def __int__(self): return 42
    def __float__(self): return 2.5
print(int(Num()), float(Num()))
class BoolAndLen:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(BoolAndLen()), len(BoolAndLen()))
class Contains:
    def __contains__(self, x): return x == "magic"
print("magic" in Contains(), "other" in Contains(), "magic" not in Contains())
class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
obj = A()
obj.__class__ = B
print(obj.who(), type(obj).__name__, isinstance(obj, B))
class Ctx:
    def __enter__(self):
        return "entered"
    def __exit__(self, *a):
        return False
with Ctx() as v:
    print(v)
class Sized:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i < 3: return i
        raise IndexError
print(len(Sized()), list(Sized()), sorted(Sized(), reverse=True))
class Hashy:
    def __hash__(self): return 7
    def __eq__(self, o): return isinstance(o, Hashy)
print(len({Hashy(), Hashy()}), hash(Hashy()))
class LenBig:
    def __len__(self): return 2 ** 70
try:
    len(LenBig())
except OverflowError as e:
    print(type(e).__name__, e)
try:
    [1, 2][Num()]
except TypeError as e:
    print(type(e).__name__, e)
# operator.index: __index__ looked up on the type; no __index__ is a TypeError, a non-int result too.
import operator
class BadIdx:
    def __index__(self): return 1.5
print(operator.index(Idx(7)), operator.index(-3), operator.index(True) == 1)
for v in (2.0, "3", None, BadIdx()):
    try:
        operator.index(v)
    except TypeError as e:
        print("TypeError:", e)
