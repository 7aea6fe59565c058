# math module float functions; transcendental results printed rounded to 12 digits.
import math
def r(x):
    return round(x, 12)
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.25))
print(r(math.sin(1)), r(math.cos(1)), r(math.tan(1)), math.sin(0), math.cos(0))
print(r(math.asin(0.5)), r(math.acos(0.5)), r(math.atan(1)), r(math.atan2(1, -1)), math.atan2(0, -1) == math.pi)
print(r(math.sinh(1)), r(math.cosh(1)), r(math.tanh(1)), r(math.asinh(1)), r(math.acosh(2)), r(math.atanh(0.5)))
print(math.exp(0), r(math.exp(1)), r(math.expm1(1e-10) * 1e10), r(math.log(100)), math.log(8, 2), math.log10(1000), math.log2(1024), r(math.log1p(1e-10) * 1e10))
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), type(math.floor(2.5)).__name__)
print(math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3), math.copysign(3, -0.0))
print(math.hypot(3, 4), math.hypot(5, 12), math.dist((0, 0), (3, 4)), r(math.degrees(math.pi)), r(math.radians(180)))
print(math.modf(3.75), math.modf(-3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0, 1e-12, abs_tol=1e-9))
print(math.gamma(5), math.gamma(0.5) ** 2 - math.pi < 1e-12, r(math.lgamma(10)), r(math.erf(1)), r(math.erfc(1)))
print(math.pow(2, 10), math.pow(2, 0.5), math.floor(1e20), math.ceil(-1e20), math.trunc(1e30))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.cbrt(27) if hasattr(math, "cbrt") else 3.0, math.exp2(10))
print(math.isqrt(99), math.sumprod([1, 2, 3], [4, 5, 6]), math.dist([1, 2, 3], [1, 2, 3]))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.acos(2)]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    math.exp(1000)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    math.floor(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    math.sqrt("x")
except TypeError as e:
    print(type(e).__name__, e)
