# weakref.proxy: every operation forwarded to the live referent, ReferenceError once it is dead,
# callable proxies, sharing of the plain proxy, and the proxy's own type, repr and hash.
import gc
import re
import weakref


def addr(s):
    return re.sub(r"0x[0-9a-f]+", "0x?", s)


class Box:
    def __init__(self, items):
        self.items = list(items)
        self.tag = "box"

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, v):
        return v in self.items

    def __iter__(self):
        return iter(self.items)

    def __add__(self, other):
        return Box(self.items + list(other))

    def __radd__(self, other):
        return Box(list(other) + self.items)

    def __iadd__(self, other):
        self.items.extend(other)
        return self

    def __mul__(self, k):
        return Box(self.items * k)

    def __neg__(self):
        return Box([-x for x in self.items])

    def __abs__(self):
        return sum(abs(x) for x in self.items)

    def __index__(self):
        return len(self.items)

    def __bool__(self):
        return bool(self.items)

    def __eq__(self, other):
        return isinstance(other, Box) and self.items == other.items

    def __lt__(self, other):
        return self.items < other.items

    __hash__ = None

    def __str__(self):
        return "Box%s" % self.items

    def __repr__(self):
        return "Box(%r)" % self.items

    def total(self):
        return sum(self.items)


class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self, k=1):
        self.n += k
        return self.n

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


def ops(b, p):
    print(p.tag, p.total(), len(p), p[1], 2 in p, 9 in p, list(p), bool(p))
    p[0] = 10
    del p[2]
    p.extra = "x"
    print(b.items, b.extra, p.extra)
    del p.extra
    print(hasattr(b, "extra"), hasattr(p, "extra"))
    print(p + [5], Box([0]) + p, p * 2, -p, abs(p), [1, 2, 3, 4, 5][p])
    print(str(p), p == b, p == Box([10, 2]), p != b, p < Box([11]), b == p)
    q = p
    q += [7]
    print(q is p, type(q).__name__, b.items)
    print(p.__class__.__name__, isinstance(p, Box), type(p).__name__)
    try:
        hash(p)
    except TypeError as e:
        print("TypeError:", e)
    try:
        p.missing
    except AttributeError as e:
        print("AttributeError:", e)


def live():
    b = Box([1, 2, 3])
    p = weakref.proxy(b)
    print(weakref.proxy(b) is p, weakref.getweakrefcount(b), type(p) is weakref.ProxyType)
    p2 = weakref.proxy(b, lambda w: None)
    print(p2 is p, weakref.getweakrefcount(b), weakref.getweakrefs(b)[0] is p)
    r = weakref.ref(b)
    print(weakref.getweakrefs(b)[0] is r, weakref.getweakrefs(b)[1] is p, weakref.getweakrefs(b)[2] is p2)
    print(addr(repr(p)))
    ops(b, p)
    return p, p2


p, p2 = live()
gc.collect()
print(addr(repr(p)))
for name, op in [("attr", lambda: p.tag), ("len", lambda: len(p)), ("bool", lambda: bool(p)),
                 ("str", lambda: str(p)), ("eq", lambda: p == 1), ("add", lambda: p + [1]),
                 ("radd", lambda: Box([1]) + p), ("getitem", lambda: p[0]), ("contains", lambda: 1 in p),
                 ("iter", lambda: iter(p)), ("neg", lambda: -p), ("hash", lambda: hash(p)),
                 ("setattr", lambda: setattr(p, "a", 1)), ("call", lambda: p2())]:
    try:
        print(name, op())
    except Exception as e:
        print(name, type(e).__name__, e)


# callable proxies
def callables():
    c = Counter()
    cp = weakref.proxy(c)
    print(type(cp) is weakref.CallableProxyType, cp(), cp(5), cp(k=2), c.n)
    c.n = 0
    print(iter(cp) is c, next(cp), list(cp))

    def fn(a, b=2):
        return a * b

    fp = weakref.proxy(fn)
    print(type(fp).__name__, fp(3), fp(3, b=4), fp.__name__)
    kept = Box([1])
    bp = weakref.proxy(kept)
    try:
        next(bp)
    except Exception as e:
        print(type(e).__name__, e)
    return cp


cp = callables()
gc.collect()
try:
    cp()
except ReferenceError as e:
    print("ReferenceError:", e)

print(weakref.ProxyType.__name__, weakref.CallableProxyType.__name__, weakref.ProxyTypes)
try:
    weakref.proxy(1)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.proxy()
except TypeError as e:
    print("TypeError:", e)
try:
    class P(weakref.ProxyType):
        pass
except TypeError as e:
    print("TypeError:", e)
