# Positions survive JIT compilation and deoptimisation: hot functions fail with a new type in the
# middle of a loop (binary op, subscript, attribute, call) and the carets point where CPython's do.
import traceback

HERE = __file__


def show(label):
    print("--", label)
    print(traceback.format_exc().replace(HERE, "HERE"), end="")


class P:
    def __init__(self, v):
        self.v = v


def arith(a, b):
    t = a * 3
    return t + b * 2 - a // b


def index(xs, i):
    return xs[i] + xs[i + 1]


def attr(p):
    return p.v + p.v


def call(f, x):
    y = f(x) + 1
    return y


def driver(vals):
    total = 0
    for v in vals:
        total += arith(v, 3)
    return total


values = list(range(1, 1500))
# past the default compile threshold (1000 calls), so the functions below run compiled
for i in range(1500):
    arith(i, 7)
    index([1, 2, 3, 4], i % 3)
    attr(P(i))
    call(abs, -i)
print(driver(values))

try:
    arith(5, 0)
except ZeroDivisionError:
    show("division by zero in a hot function")
try:
    arith(5, "x")
except TypeError:
    show("type change in a hot function")
try:
    arith(2 ** 70, [])
except TypeError:
    show("big int then a list")
try:
    index([1, 2, 3, 4], 3)
except IndexError:
    show("index past the end")
try:
    index({0: 1}, 0)
except KeyError:
    show("dict instead of a list")
try:
    attr(object())
except AttributeError:
    show("attribute missing")
try:
    call(None, 1)
except TypeError:
    show("not callable")
try:
    driver(values[:100] + ["s"] + values)
except TypeError:
    show("type change mid-loop")
try:
    driver(values[:100] + [-2 ** 64, 0])
except ZeroDivisionError:
    show("negative big int, then zero")

print("uncaught:")
driver(values + [None])
