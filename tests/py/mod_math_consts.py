# math module: constants, integer-valued results, special values, errors on bad arguments.
import math
print(math.pi, math.e, math.tau, math.inf, math.nan != math.nan, math.isnan(math.nan))
print(math.floor(-0.5), math.ceil(-0.5), math.floor(3), math.ceil(3), math.trunc(3.9), math.floor(2 ** 70), math.ceil(1e16 + 0.5))
print(math.sqrt(0), math.sqrt(1e100), math.sqrt(2.25), math.isqrt(2 ** 100), math.exp(0), math.log(1), math.log(math.e))
print(math.log(2 ** 1000, 2), math.log10(10 ** 100), math.log2(2 ** 50), math.log(1024, 2), math.log(100, 10))
print(math.fabs(-0.0), math.copysign(5, -1), math.fmod(10, 3), math.fmod(-10, 3), math.fmod(10, -3))
print(math.gcd(2 ** 64, 2 ** 40 * 3), math.lcm(12, 18, 30), math.comb(30, 15), math.perm(20, 5))
print(math.factorial(30), math.prod(range(1, 11)), math.fsum([0.1] * 100), math.fsum([1e16, 1.0, 1e16, -1e16, -1e16]))
print(math.isfinite(1e308), math.isinf(-math.inf), math.isclose(0.1 + 0.2, 0.3), math.isclose(1e10, 1e10 + 1, rel_tol=1e-12))
print(math.degrees(math.pi / 2), math.radians(90) == math.pi / 2, math.hypot(), math.hypot(-3), math.hypot(1, 1, 1, 1))
print(math.sin(math.pi) < 1e-15, math.cos(math.pi), math.tan(0), math.atan(math.inf) == math.pi / 2, math.asin(1) * 2 == math.pi)
print(math.frexp(0.0), math.frexp(-3.0), math.ldexp(1, 1024 - 1), math.modf(2.0), math.trunc(-0.0))
print(math.remainder(10, 4), math.remainder(11, 4), math.remainder(-10, 4), math.copysign(0.0, -2))
print(math.floor(-7 / 2), -7 // 2, math.ceil(7 / 2), int(-3.5), round(-3.5))
for f, args in [("sqrt", (-1,)), ("log", (0,)), ("log", (-1,)), ("log", (10, 1)), ("asin", (2,)), ("factorial", (-5,)), ("isqrt", (-4,)),
                ("comb", (5, -1)), ("pow", (0.0, -1)), ("fmod", (1, 0)), ("ldexp", (1.0, 10000)), ("exp", (1000,)), ("cosh", (1000,)), ("gamma", (0,))]:
    try:
        print(f, getattr(math, f)(*args))
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        print(f, type(e).__name__, e)
for f in ["floor", "ceil", "trunc"]:
    for v in [math.inf, math.nan]:
        try:
            getattr(math, f)(v)
        except (ValueError, OverflowError) as e:
            print(f, v, type(e).__name__, e)
print(sorted(n for n in ["sqrt", "isqrt", "gcd", "lcm", "factorial", "comb", "perm", "prod", "fsum", "floor", "ceil", "trunc", "log", "exp", "pow", "hypot", "dist", "isclose", "copysign", "atan2"] if hasattr(math, n)) == sorted(["sqrt", "isqrt", "gcd", "lcm", "factorial", "comb", "perm", "prod", "fsum", "floor", "ceil", "trunc", "log", "exp", "pow", "hypot", "dist", "isclose", "copysign", "atan2"]))
