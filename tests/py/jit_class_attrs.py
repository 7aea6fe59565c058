# Attributes loaded from a class object itself (`Base.__init__(self)`, `str.join`, `C.limit`): the
# load sites cache (class, version) -> value (vm/code.h, KR_FB_ATTR_CLASS_VALUE) when the access
# returns the class attribute as is. Changes to the class or a base, descriptors whose __get__ must
# run, metaclasses, type's own data descriptors and deleted attributes must all be seen.


class Grand:
    limit = 10

    def greet(self, x):
        return "grand %d" % x


class Base(Grand):
    def __init__(self, v):
        self.v = v

    def twice(self):
        return self.v * 2

    @classmethod
    def make(cls, v):
        return cls(v)

    @staticmethod
    def helper(x):
        return x + 1

    @property
    def prop(self):
        return self.v


class Child(Base):
    def __init__(self, v):
        Base.__init__(self, v)
        self.w = Grand.limit


def loop(n):
    t = 0
    for i in range(n):
        c = Child(i)
        t += Base.twice(c) + c.w + Base.helper(i) + Base.make(i).v
        t += len(Grand.greet(c, i)) + len(str.join(",", ["a", "b"]))
    return t


print(loop(3000))
Grand.limit = 20  # a base's namespace changes: the subclass versions change too
print(loop(3000))
Base.twice = lambda self: -1
print(loop(3000))
del Base.twice
try:
    loop(10)
except AttributeError as e:
    print("AttributeError:", e)
Base.twice = lambda self: 1
Grand.greet = lambda self, x: "g"
print(loop(3000))


class Counting:
    def __init__(self):
        self.gets = 0

    def __get__(self, obj, owner):
        self.gets += 1
        return self


class WithDescr:
    d = Counting()


def get_descr(n):
    for _ in range(n):
        x = WithDescr.d
    return x.gets


print("descr", get_descr(3000))


class Meta(type):
    @property
    def special(cls):
        return "meta " + cls.__name__

    def __getattr__(cls, name):
        return "missing " + name


class M(metaclass=Meta):
    special = "class value"
    plain = 5


def meta_loop(n):
    out = None
    for _ in range(n):
        out = (M.special, M.plain, M.other)
    return out


print("meta", meta_loop(3000))


class Named:
    __doc__ = "doc"


def names(n):
    out = []
    for i in range(n):
        out.append((Named.__name__, Named.__doc__, Named.__qualname__))
        if i == n // 2:
            Named.__name__ = "Renamed"
            Named.__doc__ = "new doc"
    return out[0], out[-1]


print("names", names(3000))


# a class attribute replaced at one of several classes seen by one site
class P:
    k = 1


class Q:
    k = 2


def poly(n):
    t = 0
    for i in range(n):
        t += (P if i % 2 else Q).k
        if i == n // 2:
            Q.k = 200
    return t


print("poly", poly(3000))
