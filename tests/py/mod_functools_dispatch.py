# functools: singledispatch/singledispatchmethod, partialmethod, lru_cache parameters, cached_property errors
import functools
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
@functools.singledispatch
def g(x): return "obj"
@g.register
def _(x: int): return "int"
@g.register(list)
def _(x): return "list"
@g.register
def _(x: str | bytes): return "strbytes"
class MyInt(int): pass
print(g(1), g("s"), g(b"b"), g([1]), g(MyInt(2)), g(2.5), g(True))
print(g.dispatch(bool).__name__, sorted(k.__name__ for k in g.registry), g.__name__)
from collections.abc import Sequence
@g.register(Sequence)
def _(x): return "seq"
print(g((1,)), g([1]), g(range(2)))
t(lambda: g())
t(lambda: g.register(1))
class C:
    @functools.singledispatchmethod
    def m(self, x): return "base"
    @m.register
    def _(self, x: int): return "int %d" % x
    @functools.partialmethod
    def pm(self, a, b): return a + b
    def add(self, a, b): return (a, b)
    add5 = functools.partialmethod(add, 5)
print(C().m(1), C().m("a"), C().add5(6))
p = functools.partial(pow, 2)
print(p(10), p.func, p.args, p.keywords, functools.partial(p, 3)(), repr(functools.partial(max, key=len)))
@functools.lru_cache(maxsize=2)
def sq(x): return x * x
for v in [1, 2, 1, 3, 1, 2]: sq(v)
print(sq.cache_info(), sq.cache_parameters(), sq.__wrapped__.__name__)
t(lambda: functools.lru_cache(maxsize='a'))
@functools.lru_cache(typed=True)
def ty(x): return type(x).__name__
print(ty(1), ty(1.0), ty.cache_info())
class CP:
    @functools.cached_property
    def v(self): return 5
print(CP().v, CP.v.attrname)
class Slotted:
    __slots__ = ()
    @functools.cached_property
    def v(self): return 1
t(lambda: Slotted().v)
t(lambda: functools.reduce(lambda a, b: a + b, []))
print(functools.reduce(lambda a, b: a * b, range(1, 6), 10))
@functools.total_ordering
class T:
    def __init__(s, v): s.v = v
    def __eq__(s, o): return s.v == o.v
    def __gt__(s, o): return s.v > o.v
print(T(1) < T(2), T(2) <= T(2), T(3) >= T(4))
t(lambda: functools.total_ordering(type('X', (), {})))
def deco(f):
    @functools.wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def documented(a):
    "doc here"
    return a
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented(3))
print(functools.WRAPPER_ASSIGNMENTS)
print(sorted(functools.cmp_to_key(lambda a, b: b - a)(x).obj for x in [1, 3, 2]))
from dataclasses import dataclass
@dataclass(frozen=True)
class Fz:
    a: int
    @functools.cached_property
    def dbl(self): print("computing"); return self.a * 2
f = Fz(4); print(f.dbl, f.dbl, vars(f))
def two():
    cp = functools.cached_property(lambda self: 1)
    class X:
        a = cp
        b = cp
t(two)
t(lambda: functools.cached_property(lambda s: 1).__get__(object()))
print(repr(C.add5)[:40], repr(functools.partialmethod(C.add, 1, k=2)).split(" at ")[0])
class Abc:
    @functools.singledispatchmethod
    @classmethod
    def cm(cls, x): return ("cls", cls.__name__)
    @cm.register
    @classmethod
    def _(cls, x: int): return ("int", cls.__name__)
print(Abc.cm("s"), Abc.cm(3))
@functools.singledispatch
def u(x): return 'base'
@u.register
def _(x: 'float'): return 'float'
print(u(1.5), u(1))
t(lambda: u.register(int | 'x'))
