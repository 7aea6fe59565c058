# __slots__: restricted attributes, no __dict__, inheritance with slots.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), P.__slots__)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
del p.y
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
class Q(P):
    __slots__ = ("z",)
q = Q(1, 2)
q.z = 3
print(q.x, q.y, q.z, hasattr(q, "__dict__"))
class R(P):
    pass
r = R(1, 2)
r.anything = "ok"
print(r.anything, hasattr(r, "__dict__"), sorted(r.__dict__))
class S:
    __slots__ = "single"
s = S()
s.single = "one"
print(s.single)
try:
    s.other = 1
except AttributeError as e:
    print(type(e).__name__, e)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)
