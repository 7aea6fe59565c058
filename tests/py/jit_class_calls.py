# Classes instantiated directly by compiled code (compiler/hir.h, KR_HIR_STEP_CLASS): object.__new__
# then the Python __init__ called with the new instance; __init__ with defaults, raising (traceback),
# returning something else than None, deoptimising halfway (a type change mid-loop), replaced or
# deleted after the call site was compiled, a subclass at the same site, a class with its own
# __new__, __slots__, deep recursion through __init__, and many instances under the collector.
import sys
import traceback


class Vec:
    def __init__(self, x, y=0, z=0):
        self.x = x
        self.y = y
        self.z = z

    def total(self):
        return self.x + self.y + self.z


def build(n):
    out = 0
    for i in range(n):
        out += Vec(i).total() + Vec(i, 2).total() + Vec(i, 1, 1).total()
    return out


print(build(3000), build(1))


class Pair:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


def pairs(n):
    last = None
    for i in range(n):
        last = Pair(last, i)
    t = 0
    while last is not None:
        t += last.b
        last = last.a
    return t


print(pairs(20000))


class Checked:
    def __init__(self, v):
        if v < 0:
            raise ValueError("negative: %d" % v)
        self.v = v * 2 ** 40  # big ints once v grows


def checked(values):
    return sum(Checked(v).v for v in values)


print(checked(range(2000)))
try:
    checked(list(range(1500)) + [-5])
except ValueError as e:
    print("ValueError", e, [(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])


class Mixed:
    def __init__(self, v):
        self.v = v + 1  # int, then float, then str: deopts inside __init__


def mixed(values):
    return [Mixed(v).v for v in values]


print(mixed([1] * 2000 + [1.5, 2 ** 62, -3])[-4:])
try:
    mixed([1] * 100 + ["s"])
except TypeError as e:
    print("TypeError", e, [f.name for f in traceback.extract_tb(e.__traceback__)])


class Odd:
    def __init__(self, v):
        self.v = v
        if v == 1999:
            return v  # not None


def odd(n):
    return [Odd(i).v for i in range(n)]


print(len(odd(1000)))
try:
    odd(2500)
except TypeError as e:
    print("TypeError", e)


class Slow:
    def __init__(self, v):
        self.v = v
        if v == 2999:
            # deopts after its first runs (a call site never seen): __init__ finishes interpreted
            self.v = [k for k in range(3)]
            if isinstance(v, int):
                return "not none"


def slow(n):
    return [Slow(i).v for i in range(n)]


print(len(slow(2000)))
try:
    slow(3000)
except TypeError as e:
    print("TypeError", e)


def patched(n):
    return [Vec(i).total() for i in range(n)]


print(sum(patched(2000)))
old_init = Vec.__init__
Vec.__init__ = lambda self, x: setattr(self, "x", -x) or setattr(self, "y", 0) or setattr(self, "z", 0)
print(sum(patched(2000)))
Vec.__init__ = old_init
print(sum(patched(2000)))
old_init.__defaults__ = (10, 10)
print(sum(patched(2000)))
old_init.__defaults__ = (0, 0)


class Sub(Vec):
    pass


class SubInit(Vec):
    def __init__(self, x):
        super().__init__(x, 100)


def any_class(classes, n):
    return sum(classes[i % len(classes)](i).total() for i in range(n))


print(any_class([Vec], 2000), any_class([Vec, Sub, SubInit], 3000))


class WithNew:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.created = True
        return o

    def __init__(self, v):
        self.v = v


def with_new(n):
    return sum(WithNew(i).v for i in range(n) if WithNew(i).created)


print(with_new(2000))


def wrong_args(n):
    out = []
    for i in range(n):
        try:
            out.append(Pair(i).a if i % 2 else Pair(i, i, i).a)
        except TypeError as e:
            out.append(str(e))
    return sorted(set(out))


print(wrong_args(1000))


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


def depth(k):
    d = Deep(k)
    n = 0
    while d.child is not None:
        d = d.child
        n += 1
    return n


print([depth(k) for k in range(200)][-1])
try:
    depth(sys.getrecursionlimit() + 100)
except RecursionError as e:
    print("RecursionError", type(e).__name__)
print(depth(50))


class Node:
    def __init__(self, l, r):
        self.l = l
        self.r = r


def tree(d):
    return Node(tree(d - 1), tree(d - 1)) if d else Node(None, None)


def count(t):
    return 1 + (count(t.l) + count(t.r) if t.l else 0)


print(sum(count(tree(12)) for _ in range(4)))


class AppError(Exception):
    def __init__(self, code, *rest):
        Exception.__init__(self, code, *rest)
        self.code = code


class Minor(AppError):
    pass


class Plain(AppError):
    def __init__(self, code):  # not calling the base __init__: args stay those of __new__
        self.code = -code


def raise_many(n):
    out = [0, 0, 0]
    for i in range(n):
        try:
            if i % 3 == 0:
                raise Minor(i)
            elif i % 3 == 1:
                raise AppError(i)
            raise Plain(i)
        except Minor as e:
            out[0] += e.code + len(e.args)
        except Plain as e:
            out[2] += e.code + e.args[0]
        except AppError as e:
            out[1] += e.code
    return out


print(raise_many(3000))
e = AppError(7)
print(e.args, str(e), repr(Plain(3)), Plain(3).args, Minor(1).code)
try:
    raise Minor(42)
except AppError as e:
    print(type(e).__name__, e.args, [(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])
