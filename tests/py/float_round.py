# round() with and without ndigits; banker's rounding.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 1e16 + 2, 2.675, 1.005, 0.125, 0.375, -0.0]:
    print(v, round(v), round(v, 2), round(v, 0), type(round(v)).__name__, type(round(v, 0)).__name__)
print(round(1234.5678, -2), round(1234.5678, 1), round(1234.5678, 3), round(-1234.5678, -1))
print(round(5e-324, 400), round(1e300, -300), round(123.456, -5))
print(round(2.5), round(3.5), round(4.5), round(5.5), round(-4.5))
print(round(7, -1), round(15, -1), round(25, -1), round(-35, -1), round(2 ** 70 + 5, -1))
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 2))
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3))
