# Dunder methods and __init__ called from C with self in front of the arguments (vm/interp.c's
# frame_bind_self): positional, defaults, *args, **kwargs, keyword-only, self captured by a closure,
# super() through the __class__ cell, generators, errors with CPython's messages.


class V:
    def __init__(self, x, y=0, *rest, scale=1, **kw):
        self.x = x * scale
        self.y = y
        self.rest = rest
        self.kw = kw
        self.get_x = lambda: self.x  # self in a cell (cell2arg)

    def __add__(self, o, bonus=0):
        return V(self.x + o.x + bonus, self.y + o.y)

    def __mul__(self, *args):
        return V(self.x * args[0], self.y * args[0])

    def __rmul__(self, k):
        return V(self.x * k + 1, self.y * k + 1)

    def __eq__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __getitem__(self, i, *, default=None):
        return (self.x, self.y)[i] if i < 2 else default

    def __call__(self, *a, **kw):
        return (a, sorted(kw.items()))

    def __len__(self):
        return 2

    def __iter__(self):
        yield self.x
        yield self.y

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)


class W(V):
    def __init__(self, x):
        super().__init__(x, x + 1, 7, scale=3, tag="w")

    def __add__(self, o):
        r = super().__add__(o, 100)
        return W(r.x)


class Cnt:
    n = 0

    def __init__(self):
        Cnt.n += 1

    def __del__(self):
        pass


class Few:
    def __init__(self, a):
        self.a = a


class Many:
    def __init__(self, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r):
        self.s = a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q + r


def attempt(f, *a, **kw):
    try:
        return f(*a, **kw)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


acc = 0
for i in range(60):
    a = V(i, 2)
    b = V(1, i, 3, 4, scale=2, z=5)
    c = a + b
    d = a * 3
    e = 2 * a
    w = W(i) + W(1)
    acc += c.x + c.y + d.x + e.y + w.x + len(a) + sum(iter(b)) + a[0] + (a[5, ] if False else 0)
    acc += a.get_x() + b.get_x() + (a == V(i, 2)) + (a != b) + (hash(a) == hash(V(i, 2)))
    acc += Many(*range(i, i + 18)).s + Few(a=i).a
    if i in (0, 1, 59):
        print(a, b, b.rest, b.kw, c, d, e, w, w.rest, w.kw, a[3], a[1], a(1, 2, k=3))
        print(attempt(V), attempt(V, 1, scale=2, **{"x": 3}), attempt(Few), attempt(Few, 1, 2))
        print(attempt(Many, *range(17)), attempt(lambda: a.__add__()), attempt(lambda: a + 1))
        print(a == 1, [1, 2] == a, attempt(lambda: V.__add__(1, a)))
    Cnt()
print(acc, Cnt.n)


# special methods that are not functions: called (and failing) as CPython calls them
class NewInt:
    __new__ = 5


class InitInt:
    __init__ = 7


class InitStatic:
    @staticmethod
    def __init__(*args):
        print("static init", len(args))


for cls in (NewInt, InitInt, InitStatic):
    r = attempt(cls)
    print(cls.__name__, r if isinstance(r, str) else type(r).__name__)
