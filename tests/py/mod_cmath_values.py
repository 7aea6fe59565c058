# cmath: every function over a grid of real and imaginary parts (zeros of both signs, tiny, huge,
# near the branch points, infinities, NaN), printed with the signs of zero, plus the errors (math
# domain error, math range error), log with a base, polar/rect, isclose and the constants.
import cmath
import math

inf = float("inf")
nan = float("nan")
parts = [0.0, -0.0, 1.0, -1.0, 0.5, -2.0, 1e-300, -1e-310, 1e300, 710.0, -710.0, 0.99999999, 1.0000001,
         inf, -inf, nan]


def part(x, approx):
    # Krait's inverse functions (glibc's) may differ from CPython's in the last bit of a finite
    # non-zero part: those print to 12 digits; zeros (with their signs), infinities and NaNs exactly
    if approx and math.isfinite(x) and x != 0:
        return "%.12g" % x
    return repr(x)


approx = False


def show(v):
    if isinstance(v, complex):
        return "(%s, %s)" % (part(v.real, approx), part(v.imag, approx))
    if isinstance(v, tuple):
        return "(" + ", ".join(map(show, v)) + ")"
    return repr(v)


def call(f, *args):
    try:
        return show(f(*args))
    except (ValueError, OverflowError, TypeError) as e:
        return type(e).__name__ + ": " + str(e)


for name in ["exp", "log", "log10", "sqrt", "cos", "sin", "tan", "cosh", "sinh", "tanh", "acos", "asin",
             "atan", "acosh", "asinh", "atanh", "phase", "polar", "isfinite", "isinf", "isnan"]:
    f = getattr(cmath, name)
    approx = name in ("acos", "asin", "atan", "acosh", "asinh", "atanh")
    for x in parts:
        print(name, repr(x), " ".join(call(f, complex(x, y)) for y in parts))
approx = False
for r in parts:
    print("rect", repr(r), " ".join(call(cmath.rect, r, p) for p in parts + [math.pi / 2, -math.pi, 3.0]))

# real and int arguments, __complex__ and __float__ objects, wrong types
class C:
    def __complex__(self):
        return 2 + 1j


class F:
    def __float__(self):
        return -4.0


for arg in [4, -4, 2.25, -1.0, True, 10 ** 20, C(), F()]:
    print("arg", type(arg).__name__, call(cmath.sqrt, arg), call(cmath.log, arg), call(cmath.exp, arg))
for bad in ["1", None, [1j], 10 ** 400]:
    try:
        cmath.sqrt(bad)
    except Exception as e:
        print(type(e).__name__ + ":", e)

# log with a base
for x, b in [(8, 2), (100, 10), (1j, 1j), (-1, -1), (1, 1), (0, 2), (2, 0), (1e300j, 1e-300), (-8, -2 + 0j),
             (10, 0.5), (inf, 2), (nan, 2)]:
    print("log", repr(x), repr(b), call(cmath.log, x, b))
print(call(cmath.log, 1, 2, 3), call(cmath.log10, 1000), call(cmath.log10, 0), call(cmath.log10, -100))
for args in [(), (1, 2)]:
    try:
        cmath.sqrt(*args)
    except TypeError as e:
        print("TypeError:", e)

# polar and rect round trips
for z in [1 + 1j, -1 - 0j, -1 + 0j, 3 - 4j, 1e308 + 1e308j, complex(inf, nan), 1e300 + 1e-300j, 0j, -0j]:
    print("polar", show(z), call(cmath.polar, z))
print(call(cmath.rect, 2, math.pi / 3), call(cmath.rect, 1, 1e300), call(cmath.rect, 1e300, 1e300))

# isclose
pairs = [(1 + 1j, 1 + 1j), (1 + 1j, 1 + 1.0000000001j), (1 + 1j, 1 + 1.001j), (0j, 1e-10j), (inf, inf),
         (complex(inf, 1), complex(inf, 1)), (complex(inf, 1), complex(inf, 2)), (nan, nan), (1e308j, -1e308j)]
for a, b in pairs:
    print("isclose", show(a), show(b), cmath.isclose(a, b), cmath.isclose(a, b, abs_tol=1e-9),
          cmath.isclose(a, b, rel_tol=0.01))
for kw in [{"rel_tol": -1}, {"abs_tol": -1.0}, {"tol": 1}]:
    try:
        print(cmath.isclose(1, 1, **kw))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    cmath.isclose(1, 1, 1)
except TypeError as e:
    print("TypeError:", e)

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj, type(cmath.infj).__name__)
print(cmath.pi == math.pi, cmath.e == math.e, sorted(n for n in dir(cmath) if not n.startswith("_")))
