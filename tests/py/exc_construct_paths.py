# Exception and class construction: the direct path for classes with a Python __init__ (no Python
# __new__) and the builtin exception constructor must behave as the generic type_call protocol.
import sys


class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


class Minor(AppError):
    pass


class NoSuper(Exception):
    def __init__(self, a, b=2):
        self.a = a
        self.b = b


class SuperDiff(ValueError):
    def __init__(self, x, *rest, tag="t", **kw):
        super().__init__("msg", x)
        self.rest = rest
        self.tag = tag
        self.kw = kw


class WithNew(Exception):
    def __new__(cls, *args):
        inst = super().__new__(cls, "from-new")
        inst.seen = args
        return inst


class NewAndInit(Exception):
    def __new__(cls, *args):
        return super().__new__(cls, *args)

    def __init__(self, *args):
        super().__init__(*[a * 2 for a in args])


class BadReturn(Exception):
    def __init__(self, x):
        return x


class DelSelf:
    def __init__(self, v):
        self.v = v
        del self
        self = 42


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class MyList(list):
    def __init__(self, n):
        super().__init__(range(n))
        self.n = n


class Meta(type):
    def __call__(cls, *args, **kw):
        return ("meta-call", cls.__name__, args)


class ViaMeta(metaclass=Meta):
    def __init__(self, x):
        self.x = x


class GenInit:
    def __init__(self):
        yield 1


class RaisingInit:
    def __init__(self, v):
        if v < 0:
            raise ValueError("negative: %d" % v)
        self.v = v


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return r


def show(e):
    return "%s args=%r str=%r repr=%r" % (type(e).__name__, e.args, str(e), repr(e))


def run(i):
    out = []
    e = Minor(i)
    out.append((show(e), e.code, isinstance(e, AppError), e.__dict__))
    out.append(show(AppError(-i)))
    n = NoSuper(i)
    out.append((show(n), n.a, n.b, n.__dict__))
    s = SuperDiff(i, 1, 2, tag="x", extra=i * 2)
    out.append((show(s), s.rest, s.tag, s.kw))
    w = WithNew(i, "y")
    out.append((show(w), w.seen))
    out.append(show(NewAndInit(i, 3)))
    out.append(attempt(BadReturn, i))
    out.append(attempt(BadReturn, None) is not None)
    out.append(DelSelf(i).v)
    out.append((Point(i), Point(i, y=-i), Point3(i, 2, 3).z))
    out.append(attempt(Point))
    out.append(attempt(Point, 1, 2, 3))
    out.append(attempt(Point, 1, z=3))
    out.append(attempt(Point3, 1, 2))
    m = MyList(i % 4)
    out.append((m, m.n, type(m).__name__))
    out.append(ViaMeta(i))
    out.append(attempt(GenInit))
    out.append(attempt(RaisingInit, -i))
    out.append(RaisingInit(i).v)
    sl = Slotted(i, -i)
    out.append((sl.a, sl.b))
    # builtin exceptions: 0, 1, 2 args, keywords
    out.append(show(KeyError()))
    out.append(show(KeyError(i)))
    out.append(show(ValueError(i, "two")))
    out.append(attempt(ValueError, i, bad=1))
    out.append(attempt(Exception, x=1))
    out.append(show(OSError(2, "No such file")))
    out.append(show(StopIteration(i)))
    out.append(StopIteration(i).value)
    out.append(AttributeError("a", name="n", obj=i).name)
    return out


for i in range(1, 40):
    res = run(i)
    if i in (1, 2, 39):
        for r in res:
            print(r)


# raise of a class (no call) and of an instance, raise from, and a traceback through __init__
def raise_class(k):
    if k == 0:
        raise KeyError
    if k == 1:
        raise Minor
    raise NoSuper


for k in range(3):
    for _ in range(30):
        r = attempt(raise_class, k)
    print(k, r)

total = 0
for i in range(200):
    try:
        try:
            raise Minor(i)
        except AppError as e:
            raise ValueError("wrapped %d" % e.code) from e
    except ValueError as v:
        total += v.__cause__.code + len(v.args[0])
        last = v
print(total, repr(last), repr(last.__cause__), last.__suppress_context__)


def depth(n):
    if n == 0:
        return RaisingInit(-7)
    return depth(n - 1)


import traceback
for _ in range(25):
    try:
        depth(3)
    except ValueError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name if hasattr(tb, "tb_frame") else "?")
            tb = tb.tb_next
        lines = traceback.format_exception(e)
print(names)
print("".join(lines).replace(__file__, "FILE"))
sys.stdout.flush()
depth(2)
