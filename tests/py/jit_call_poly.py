# Polymorphic call sites (compiler/hir.h, KR_HIR_STEP_POLY): a site that saw functions of a few code
# objects calls each directly, guarded on its code; any other callee (a fifth code, a generator, star
# parameters, keywords, builtins, classes, bound methods) takes the generic path. Results, defaults
# read at run time, cells made by the callee, exceptions and tracebacks, deopts inside callees,
# recursion, __code__ / __defaults__ changes, and methods of several classes.


def tb_lines(tb):
    out = []
    while tb is not None:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out


def inc(x):
    return x + 1


def scale(x, k=3):
    return x * k


def boxed(x):
    def get():  # a cell in the callee's frame
        return x
    return get() - 2


def risky(x):
    if x % 97 == 0:
        raise ValueError("risky %d" % x)
    return x


def apply(f, x):
    return f(x)


def run(funcs, n):
    total = 0
    errors = 0
    for i in range(n):
        try:
            total += apply(funcs[i % len(funcs)], i)
        except ValueError as e:
            errors += 1
            last = (str(e), tb_lines(e.__traceback__))
    return total, errors, last if errors else None


four = [inc, scale, boxed, risky]
print("four", run(four, 4000))
print("two", run([inc, scale], 3000))


# a fifth code object at the compiled site: the site is left to the generic path
def fifth(x):
    return -x


print("five", run(four + [fifth], 3000))


# callees the direct calls cannot take, at a site compiled for a few codes
def gen(x):
    yield x


def star(*args):
    return len(args)


def kwonly(x, *, y=4):
    return x + y


class Box:
    def __init__(self, v):
        self.v = v


odd = [gen, star, kwonly, len, Box, str, Box(1).__init__]
for f in odd:
    try:
        r = apply(f, (7,) if f is len else 7)
        print("odd", f.__name__, type(r).__name__, r if isinstance(r, int) else "")
    except TypeError as e:
        print("odd", f.__name__, "TypeError:", e)
print("four again", run(four, 2000))


# deopts inside a directly called callee: floats and big ints through an int-specialised body
def twice(x):
    return x + x


def shift(x):
    return x << 3


def feed(funcs, values):
    out = []
    for j in range(len(values)):
        out.append(funcs[j % 2](values[j]))
    return out


ints = list(range(3000))
print("ints", sum(feed([twice, shift], ints)))
mixed = [1.5, 2 ** 70, 3, 2 ** 62, -4.25, 5] * 300
print("mixed", sum(feed([twice, shift], mixed)))


# the defaults of each function are read at every call; a function that lost them raises
def make(k):
    def f(x, y=k):
        return x + y
    return f


def other(x, y=100):
    return x - y


adders = [make(k) for k in range(3)] + [other]
print("defaults", run(adders, 3000)[:2])
adders[1].__defaults__ = (1000,)
other.__defaults__ = (7,)
print("changed", run(adders, 3000)[:2])
adders[2].__defaults__ = None
try:
    run(adders, 100)
except TypeError as e:
    print("TypeError:", e)


# __code__ replaced under a compiled site
def alpha(x):
    return x + 1000


def beta(x):
    return x + 2000


pair = [alpha, beta]
print("codes", run(pair, 3000)[:2])
alpha.__code__ = scale.__code__  # takes a second parameter that alpha has no default for
try:
    run(pair, 3000)
except TypeError as e:
    print("TypeError:", e)
alpha.__defaults__ = (5,)
print("swapped", run(pair, 3000)[:2])
beta.__code__ = fifth.__code__
print("swapped2", run(pair, 3000)[:2])


# recursion through a polymorphic site: the limit is the interpreter's
def down_a(n):
    return 0 if n == 0 else 1 + hop(down_b, n - 1)


def down_b(n):
    return 0 if n == 0 else 2 + hop(down_a, n - 1)


def hop(f, n):
    return f(n)


for _ in range(3):
    print("depth", hop(down_a, 300), hop(down_b, 301))
try:
    hop(down_a, 100000)
except RecursionError as e:
    print("RecursionError:", e)
print("after", hop(down_a, 50))


# methods of several classes at one CALL_METHOD site
class A:
    def m(self, x):
        return x + 1


class B:
    def m(self, x, extra=10):
        return x * extra


class C(A):
    def m(self, x):
        return super().m(x) * 2


class D:
    @staticmethod
    def m(x):
        return -x


class E:
    def __init__(self):
        self.m = lambda x: x * 100  # an instance attribute


def call_all(objs, n):
    t = 0
    for i in range(n):
        t += objs[i % len(objs)].m(i)
    return t


print("methods", call_all([A(), B(), C()], 3000))
print("methods+", call_all([A(), B(), C(), D(), E()], 3000))
print("methods", call_all([A(), B(), C()], 3000))


# an uncaught error in a callee reached through a polymorphic site
def last(x):
    return 10 // (x - 1501)


print(run([inc, last], 2001)[:2])
