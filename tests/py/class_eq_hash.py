# __eq__/__hash__ rules: defining __eq__ removes __hash__, explicit __hash__, identity defaults.
class Default:
    pass
a, b = Default(), Default()
print(a == a, a == b, a != b, hash(a) == hash(a), len({a, b, a}))
class EqOnly:
    def __init__(self, v): self.v = v
    def __eq__(self, other): return isinstance(other, EqOnly) and self.v == other.v
print(EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(1), EqOnly(1) == 1, EqOnly.__hash__)
try:
    hash(EqOnly(1))
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly(1)}
except TypeError as e:
    print(type(e).__name__, e)
class Both:
    def __init__(self, v): self.v = v
    def __eq__(self, other): return isinstance(other, Both) and self.v == other.v
    def __hash__(self): return hash(self.v)
    def __repr__(self): return "Both(%r)" % self.v
s = {Both(1), Both(1), Both(2)}
print(len(s), sorted(x.v for x in s), {Both(3): "x"}[Both(3)], Both(1) in s)
class Unhashable:
    __hash__ = None
try:
    hash(Unhashable())
except TypeError as e:
    print(type(e).__name__, e)
class NeOnly:
    def __init__(self, v): self.v = v
    def __eq__(self, other): return self.v == other.v
print(NeOnly(1) != NeOnly(2), NeOnly(1) != NeOnly(1))
class Child(Both):
    def __eq__(self, other): return True
try:
    hash(Child(1))
except TypeError as e:
    print(type(e).__name__, e)
class NotImpl:
    def __eq__(self, other): return NotImplemented
x = NotImpl()
print(x == x, x == NotImpl(), x != x, x == 1)
class Rev:
    def __eq__(self, other):
        print("Rev.__eq__ called")
        return True
print(1 == Rev(), Rev() == 1, "s" != Rev())
print([1, Rev()] == [1, 2], (Rev(),) == (5,))
