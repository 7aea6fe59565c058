# Direct calls between compiled functions (compiler/hir.h, DIRECT CALLS): results, exceptions and
# tracebacks across them, recursion limits, callees that change, deopts inside callees, the handled
# exception, and collections while callee frames are live.
import sys
import gc


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print("fib", [fib(i) for i in range(20)], fib(22))
print("mutual", is_even(100), is_odd(77), is_even(33))


# a callee that raises, caught by a compiled caller
def check(x):
    if x % 7 == 0:
        raise ValueError("bad %d" % x)
    return x * 2


def caller(n):
    total = 0
    errors = 0
    for i in range(n):
        try:
            total += check(i)
        except ValueError:
            errors += 1
    return total, errors


for _ in range(3):
    print("caught", caller(2000))


# an uncaught exception's traceback through several direct calls
def level3(x):
    return 10 // x


def level2(x):
    return level3(x) + 1


def level1(x):
    return level2(x) + 1


for i in range(1500):
    level1(i + 1)
try:
    level1(0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("traceback", names, e)


# the recursion limit in compiled recursion
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)


for _ in range(1200):
    down(5)
try:
    down(100000)
except RecursionError as e:
    print("RecursionError", e)
print("after recursion error", down(50))
old = sys.getrecursionlimit()
sys.setrecursionlimit(20000)
print("deep", down(15000))
sys.setrecursionlimit(old)


# the callee changes: a global rebound, and __code__ replaced
def helper(x):
    return x + 1


def use_helper(n):
    s = 0
    for i in range(n):
        s += helper(i)
    return s


print("helper", use_helper(3000))


def helper(x):  # noqa: F811 (rebinding on purpose)
    return x + 100


print("rebound", use_helper(3000))


def other(x):
    return x * 3


helper.__code__ = other.__code__
print("new code", use_helper(3000))


# methods (CALL_METHOD with self) and a module function reached through LOAD_METHOD (no self)
class Counter:
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n += k
        return self.n


def count(n):
    c = Counter()
    for i in range(n):
        c.add(i)
    return c.n


print("method", count(5000))
this = sys.modules[__name__]


def via_module(n):
    s = 0
    for i in range(n):
        s += this.helper(i)
    return s


print("module attr", via_module(3000))


# a callee whose argument changes type: it deopts in the middle of a direct call
def scale(x):
    return x * 2 + x


def scale_all(values):
    return [scale(v) for v in values]


def run_scale(values):
    out = []
    for v in values:
        out.append(scale(v))
    return out


print("ints", sum(run_scale(list(range(3000)))))
print("mixed", run_scale([1, 2.5, 3, 4.25]), run_scale(["a", "bc"]), run_scale([10 ** 20, 7]))


# the handled exception is restored around a callee
def show_exc():
    return repr(sys.exc_info()[1])


def handler(n):
    out = []
    for i in range(n):
        try:
            raise KeyError(i)
        except KeyError:
            out.append(show_exc())
        out.append(show_exc())
    return out[-4:]


print("handled", handler(1500))


# collections while callee frames are live
def build(n):
    return [str(i) * 3 for i in range(n)]


def churn(n):
    total = 0
    for i in range(n):
        total += len(build(i % 20))
        if i % 500 == 0:
            gc.collect()
    return total


print("churn", churn(3000))


# functions the direct path leaves to the generic call: defaults, keywords, star args, closures
def with_default(a, b=5):
    return a + b


def with_star(*args):
    return len(args)


def make_adder(k):
    def add(x):
        return x + k
    return add


add3 = make_adder(3)


def generic(n):
    s = 0
    for i in range(n):
        s += with_default(i) + with_default(i, b=1) + with_star(i, i) + add3(i)
    return s


print("generic", generic(3000))


# closures of one def called from one site (guarded on the code), free variables and defaults
def make_mul(k):
    return lambda x: x * k


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


def closures(n):
    muls = [make_mul(k) for k in range(7)]
    counter = make_counter()
    total = 0
    for i in range(n):
        total += muls[i % 7](i)
        counter()
        counter(2)
    return total, counter(0)


print("closures", closures(4000))
muls = [make_mul(k) for k in range(3)] + [lambda x: -x]


def mixed_site(n):
    total = 0
    for i in range(n):
        total += muls[i % 4](i)
    return total


print("mixed site", mixed_site(4000))


def defaults_user(n):
    s = 0
    for i in range(n):
        s += with_default(i)
    return s


print("defaults", defaults_user(3000))
with_default.__defaults__ = (1000,)
print("new defaults", defaults_user(3000))
with_default.__defaults__ = None
try:
    defaults_user(10)
except TypeError as e:
    print("TypeError", e)


# a function compiled (by OSR in its first loop) before its later calls ever ran: they run as generic
# calls until they have been made often enough, then the function is compiled again with their
# feedback; the running activation finishes in its old code
def phases(n):
    total = 0
    for i in range(n):
        total += i & 7
    for i in range(n):
        total += scale(i)
    for i in range(n):
        total += make_mul(3)(i)
    return total


print("phases", phases(3000), phases(3000))


# callees that create cells: a parameter captured by an inner function, a local captured and
# rebound through nonlocal, and a cell captured by a closure that outlives the call
def adder_of(x):
    def add(y):
        return x + y
    return add


def counter_from(start):
    count = start

    def bump():
        nonlocal count
        count += 1
        return count
    bump()
    return bump


def captured_later(k, scale=2):
    acc = []

    def push(v):
        acc.append(v * scale)
    for j in range(k):
        push(j)
    return acc


def cells(n):
    total = 0
    keep = []
    for i in range(n):
        total += adder_of(i)(1)
        c = counter_from(i)
        total += c() + c()
        total += sum(captured_later(i % 4))
        if i % 1000 == 0:
            keep.append(adder_of(i))
    return total, [f(0) for f in keep]


print("cells", cells(3000), cells(3000)[0])
