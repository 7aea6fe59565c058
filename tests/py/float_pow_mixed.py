# ** with a float on one side and an int (small, big, bool) on the other, in hot loops whose operand
# types change mid-loop, and the exact results CPython gives (x ** 2 is not computed as x * x unless
# that is the same number).
import math


def pw(x, y):
    return x ** y


def show(x, y):
    """repr(x ** y), or the exception; a negative base to a fractional power is a complex number,
    shown as "complex" (its value is checked by float_complex_arith)."""
    try:
        r = pw(x, y)
    except ZeroDivisionError as ex:
        return "ZeroDivisionError: %s" % ex
    except OverflowError as ex:
        return "OverflowError: %s" % ex
    except ValueError:
        return "complex"
    return "complex" if type(r).__name__ == "complex" else repr(r)


def total(xs, e):
    t = 0.0
    for x in xs:
        t += x ** e
    return t


def total_int_exp(xs):
    t = 0.0
    for x in xs:
        t += x ** 3 + x ** -2 + 2 ** x
    return t


xs = [0.5 + i * 0.37 for i in range(1, 200)]
for _ in range(30):
    a = total(xs, -1.5)
    b = total(xs, 0.5)
    c = total(xs, 2)
    d = total_int_exp(xs)
print(repr(a), repr(b), repr(c), repr(d))

# x ** 2.0 and x ** 0.5 against the libm's pow, as CPython computes them
vals = [1.1, 3.3, 1e-160, 1e154, 1.0000000000000002, 0.7071067811865476, 123456.789, -0.0, 0.0, -2.5]
print([repr(pw(v, 2.0)) for v in vals])
print([repr(pw(v, 2)) for v in vals])
print([repr(pw(abs(v), 0.5)) for v in vals])
print(repr(pw(-0.0, 0.5)), repr(pw(float("-inf"), 0.5)), repr(pw(float("-inf"), 2)), repr(pw(-0.0, 3)))

# int base, float exponent and the reverse, small ints on both sides of 2**53
for base in [0, 1, -1, 2, -2, 7, -7, 2 ** 53 + 1, -(2 ** 60), True, False]:
    print(base, [show(base, e) for e in [0.0, 1.0, -1.0, 0.5, 2.0, -2.0, 3.0]])
for e in [0, 1, -1, 2, -2, 3, 63, -1074, 2 ** 62, -(2 ** 62), True]:
    print(e, [show(base, e) for base in [0.0, -0.0, 1.5, -1.5, 2.0, -2.0, 0.5]])

# big ints: converted to float (OverflowError when too large), never computed as small ints
for big in [10 ** 20, -(10 ** 20), 10 ** 400]:
    for f in [0.5, 2.0, -1.0]:
        print(big > 0, f, show(big, f), show(f, big))

# operand types change in the middle of a compiled loop: float, int, big int, bool, then a str
seq = [1.5, 2.5, 3, 4.0, 2 ** 70, True, 0.25, "x"]
t = 0.0
for v in seq:
    try:
        t += v ** -0.5 if not isinstance(v, str) else v ** 2.0
    except TypeError as ex:
        print("TypeError:", ex)
print(repr(t))
t = 0.0
for v in seq:
    try:
        t += 2.0 ** (v if not isinstance(v, int) or v < 100 else 3)
    except TypeError as ex:
        print("TypeError:", ex)
print(repr(t))

# the augmented form and pow() with two and three arguments
y = 1.0001
for _ in range(1000):
    y **= 1.0001
print(repr(y))
print(repr(pow(2.0, 0.5)), repr(pow(2, -1.0)), repr(pow(-8.0, 3.0)), show(-8.0, 1.0 / 3.0))
try:
    pow(2.0, 3.0, 5)
except TypeError as ex:
    print("TypeError:", ex)
print(repr(math.pow(2.0, 0.5)), repr(2.0 ** 0.5))

# CPython's x ** 2.0 and x ** 0.5 are the platform pow's (glibc: within about half an ulp), which for
# these operands is not x * x / math.sqrt(x): compiled code must call pow, not rewrite the power
sq = [1.036839162737562, 1.0189935864470727, 1.720218375241622]
rt = [1.0241708002312664, 1.4642274699018683, 1.420590630550043]
for _ in range(3):
    print([(pw(x, 2.0).hex(), (x * x).hex(), pw(x, 2.0) == x * x) for x in sq])
    print([(pw(x, 2).hex(), pw(x, 0.5).hex(), math.sqrt(x).hex()) for x in rt])
    print(total(sq, 2.0).hex(), total(rt, 0.5).hex())
