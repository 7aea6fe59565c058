from fractions import Fraction as F
import numbers, math
print(F(3, 4), repr(F(6, -8)), F(5), F("3/7"), F(" -1.25e2 "), F("1_000.5"), F(0.5), F(1.1), F(F(1, 3), F(2, 5)))
for bad in ("1/0", "abc", "1.2.3", "", "1__0", "/3"):
    try: print(F(bad))
    except (ValueError, ZeroDivisionError) as e: print(type(e).__name__, e)
try: F(1, 0)
except ZeroDivisionError as e: print(e)
try: F([1])
except TypeError as e: print(e)
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(F(7, 2), F(1, 3)), a ** 2, a ** -2, F(-2, 3) ** -3, F(4) ** F(1, 2), 2 ** F(3), 2 ** F(1, 2))
print(a + 1, 1 - a, a * 2.0, 3 / a, a + 0.5, a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5, F(1) == 1, a < b, a > 0.3, F(1, 2) <= 0.5, max(a, b, F(1, 4)))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(-1)), hash(F(1, 3)), hash(F(-7, 11)))
print(F(355, 113).limit_denominator(10), F(math.pi).limit_denominator(1000), F(3, 2).limit_denominator(1), F(1, 3).limit_denominator())
print(math.floor(F(-7, 2)), math.ceil(F(-7, 2)), math.trunc(F(-7, 2)), int(F(7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(1, 3), 2), round(F(1234, 1), -2), float(F(1, 3)))
print(F(1, 3).as_integer_ratio(), F(4, 2).is_integer(), F.from_float(0.1), F.from_decimal(3), bool(F(0)), abs(F(-3, 4)), -F(1, 2), +F(1, 2))
print(isinstance(F(1, 2), numbers.Rational), isinstance(3, numbers.Integral), isinstance(3.0, numbers.Real), isinstance(3.0, numbers.Rational), issubclass(bool, numbers.Number), isinstance("x", numbers.Number))
print(f"{F(1, 3):.5f}", f"{F(-2, 3):+.2f}", f"{F(1, 8):%}", f"{F(1234567, 3):,.2f}", f"{F(1, 3):>10}", f"{F(1, 3):10.3f}|", f"{F(5, 2):.0f}", f"{F(1, 3):e}", f"{F(-1, 3):08.3f}", f"{F(1, 2):^9.1f}|")
print(sorted([F(1, 2), F(1, 3), 0.4, 1]), sum([F(1, 3)] * 3), F(10 ** 30, 3) + 1)
try: F(1, 3) < "x"
except TypeError as e: print(e)
print(F(1, 2) == float("nan"), F(1, 2) < float("inf"))
for t in ("3 / 4", " -3/ 4 ", "+5", "1e3", ".5", "5.", "1_0/2_0", "- 1", "1/-2", "1.5/2", "0x10", "١/٢"):
    try: print(repr(t), F(t))
    except ValueError as e: print(e)
