# weakref.ref: creation, calling, sharing, callbacks, hash, equality, repr, errors, which objects
# are weakly referenceable, __weakref__, subclasses with extra attributes.
#
# Objects meant to die are made inside helper functions that return only weak references: the frame
# that calls gc.collect() never holds them in a temporary (compiled code's frames are scanned whole),
# so they die at the same point of the program as under CPython's reference counting.
import gc
import re
import weakref


def addr(s):
    return re.sub(r"0x[0-9a-f]+", "0x?", s)


class C:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "C(%d)" % self.n


log = []


def cb(tag):
    def f(w):
        log.append((tag, w() is None))
    return f


def flush():
    gc.collect()
    out = list(log)
    log.clear()
    return out


# ---- basics
def basics():
    c = C(1)
    r = weakref.ref(c)
    print(r() is c, r().n, weakref.ref(c) is r, weakref.getweakrefcount(c))
    r2 = weakref.ref(c, cb("r2"))
    r3 = weakref.ref(c, cb("r3"))
    print(r2 is r, r2 is r3, r2() is c, weakref.getweakrefcount(c))
    refs = weakref.getweakrefs(c)
    print(refs[0] is r, refs[1] is r3, refs[2] is r2)
    print(c.__weakref__ is r)
    print(r == r2, r != r2, r == r3, hash(r) == hash(c), hash(r2) == hash(r3))
    print(r.__callback__, r2.__callback__ is not None)
    return r, r2, r3


r, r2, r3 = basics()
print(flush())
print(r(), r2(), r3(), r == r2, r != r2, r == r, r2 == r2)
print(r.__callback__, r2.__callback__)


# ---- hash: cached while alive, TypeError once dead if never taken
def hashes():
    a, b = C(2), C(3)
    ra, rb = weakref.ref(a), weakref.ref(b)
    h = hash(ra)
    return ra, rb, h, hash(a)


ra, rb, h, ha = hashes()
gc.collect()
print(ra() is None, rb() is None, hash(ra) == h == ha)
try:
    hash(rb)
except TypeError as e:
    print("TypeError:", e)


# ---- equality compares referents while both live (their __eq__), identity once dead
class Eq:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Eq) and self.k == other.k

    def __hash__(self):
        return hash(self.k)


x1, x2, x3 = Eq(1), Eq(1), Eq(2)
w1, w2, w3 = weakref.ref(x1), weakref.ref(x2), weakref.ref(x3)
print(w1 == w2, w1 != w2, w1 == w3, w1 == x1, w1 != 5)
print(len({w1, w2, w3}))
d = {w1: "one"}
print(d[w2])
del x1, x3
gc.collect()
print(w1 == w2, w1 == w1, w1 == w3, w3 != w3)
try:
    w1 < w2
except TypeError as e:
    print("TypeError:", e)


# ---- repr
def f():
    pass


class K:
    pass


k = K()
print(addr(repr(weakref.ref(k))))
print(addr(repr(weakref.ref(f))))
print(addr(repr(weakref.ref(K))))
kept_set = {1, 2}
print(addr(repr(weakref.ref(kept_set))))


def dead_ref():
    return weakref.ref(K())


dr = dead_ref()
gc.collect()
print(addr(repr(dr)))

# ---- calling and constructing errors
for args in [(), (k, None, 1)]:
    try:
        weakref.ref(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    weakref.ref(k, callback=None)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(k)(1)
except TypeError as e:
    print("TypeError:", e)
rk = weakref.ref(k, None)
print(rk is weakref.ref(k), rk.__callback__)
try:
    rk.__callback__ = print
except AttributeError as e:
    print("AttributeError:", e)
try:
    rk.attr = 1
except AttributeError as e:
    print("AttributeError:", e)


# ---- which objects can be weakly referenced
def gen():
    yield 1


class Slots:
    __slots__ = ("a",)


class SlotsWeak:
    __slots__ = ("a", "__weakref__")


class SlotsSub(Slots):
    pass


class SlotsEmptySub(Slots):
    __slots__ = ()


class L(list):
    pass


class D(dict):
    pass


class I(int):
    pass


class T(tuple):
    pass


class S(str):
    pass


class F(float):
    pass


class E(Exception):
    pass


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


cands = [("int", 1), ("str", "s"), ("tuple", ()), ("list", []), ("dict", {}), ("None", None),
         ("float", 1.5), ("bytes", b""), ("bytearray", bytearray()), ("bool", True),
         ("set", set()), ("frozenset", frozenset()), ("class", C), ("instance", C(0)),
         ("Slots", Slots()), ("SlotsWeak", SlotsWeak()), ("SlotsSub", SlotsSub()),
         ("SlotsEmptySub", SlotsEmptySub()), ("L", L()), ("D", D()), ("I", I(1)), ("T", T()),
         ("S", S("x")), ("F", F(1.0)), ("E", E()), ("ValueError", ValueError()),
         ("generator", gen()), ("module", gc), ("function", f), ("lambda", lambda: 0),
         ("builtin", len), ("code", f.__code__), ("type", type), ("Meta", WithMeta),
         ("object", object()), ("range", range(3)), ("slice", slice(1)), ("ref", weakref.ref(k)),
         ("property", property()), ("Ellipsis", ...)]
for name, obj in cands:
    try:
        weakref.ref(obj)
        print(name, "ok")
    except TypeError as e:
        print(name, "TypeError:", e)

# __weakref__: the first reference or None, a descriptor where the class adds weak references
sw = SlotsWeak()
print(sw.__weakref__)
rsw = weakref.ref(sw)
print(sw.__weakref__ is rsw)
print([n for n in ("__weakref__", "__dict__") if n in SlotsWeak.__dict__])
print([n for n in ("__weakref__", "__dict__") if n in C.__dict__])
print("__weakref__" in SlotsSub.__dict__, "__weakref__" in SlotsEmptySub.__dict__, "__weakref__" in I.__dict__)
print("__weakref__" in E.__dict__, "__weakref__" in L.__dict__, "__weakref__" in S.__dict__)
print(type(C.__dict__["__weakref__"]).__name__, addr(repr(C.__dict__["__weakref__"])))
print(C(5).__weakref__)
for spec in [("__weakref__", "__weakref__"), ("a", "__weakref__")]:
    try:
        type("X", (C,), {"__slots__": spec})
    except TypeError as e:
        print("TypeError:", e)
try:
    type("Y", (SlotsWeak,), {"__slots__": ("__weakref__",)})
except TypeError as e:
    print("TypeError:", e)
try:
    type("Z", (int,), {"__slots__": ("__weakref__",)})
except TypeError as e:
    print("TypeError:", e)
print(weakref.getweakrefcount(1), weakref.getweakrefs([]), weakref.getweakrefcount(C(9)))


# ---- subclasses of ref with extra attributes (WeakValueDictionary's KeyedRef idiom)
class KeyedRef(weakref.ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = weakref.ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class Tagged(weakref.ref):
    def __call__(self):
        o = super().__call__()
        return ("tagged", o)


def subclasses():
    c = C(7)
    kr = KeyedRef(c, lambda w: log.append(("keyed", w.key, w() is None)), "k7")
    t = Tagged(c)
    t.note = "hello"
    plain = weakref.ref(c)
    print(kr.key, kr() is c, t()[0], t()[1] is c, t.note, t.__dict__)
    print(type(kr).__name__, isinstance(kr, weakref.ref), kr is plain, t is plain, kr == t, kr == plain)
    print(weakref.getweakrefs(c)[0] is plain, weakref.getweakrefcount(c))
    try:
        kr.other = 1
    except AttributeError as e:
        print("AttributeError:", e)
    return kr, t


kr, t = subclasses()
print(flush(), kr.key, kr(), t(), t.note)
print(weakref.ReferenceType is weakref.ref, weakref.ref.__name__, weakref.ref.__module__)
print(weakref.ref[int], weakref.ReferenceType.__qualname__)
