# __new__ and __init__ interplay, singletons, immutable subclasses, __init_subclass__.
class Single:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v
a = Single(1)
b = Single(2)
print(a is b, a.v)
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
print(Upper("abc"), type(Upper("x")).__name__, Upper("q") + "r")
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(NotMine())
class Tracked:
    subclasses = []
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        Tracked.subclasses.append((cls.__name__, tag))
class A(Tracked): pass
class B(Tracked, tag="bee"): pass
print(Tracked.subclasses)
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__new__(5)
except TypeError as e:
    print(type(e).__name__, e)
class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
try:
    Point(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(type(e).__name__, e)
p = Point.__new__(Point)
print(hasattr(p, "x"), type(p).__name__)
Point.__init__(p, 5, 6)
print(p.x, p.y)
