# abs, divmod, pow, round, sum, min, max, hex, oct, bin, int, float, bool, complex-free numeric builtins.
print(abs(-3), abs(3.5), abs(-0.0), abs(-(2 ** 80)), abs(True))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-17, -5), divmod(2 ** 70, 3))
print(pow(2, 8), pow(2.0, 3), pow(2, -2), pow(5, 3, 7), pow(-5, 3, 7))
print(round(3.14159, 2), round(2.5), round(-2.5), round(1234, -2), round(0.5), round(1.5))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1, 0.2]), sum([]), sum(range(101)), sum([[1], [2]], []), sum((1.5, 2)), sum([True, True]))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("abc"), min([], default="empty"), max([1, 5, 3], key=lambda x: -x))
print(max([], default=None), min((2, "b"), (1, "c")), max([1, 2, 3], default=0), min("hello", key=ord), max(1, 2.0), min(-0.0, 0.0))
print(hex(0), hex(-1), oct(64), bin(10), bin(-10), hex(2 ** 64))
print(int("12"), int(12.9), float("1.5"), float(3), bool(2), int("  -5 "), float("  .5e1 "))
try:
    min()
except TypeError as e:
    print(type(e).__name__, e)
try:
    max(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum(["a"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    max([1, 2], [3], key=len, default=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    round("1.5")
except TypeError as e:
    print(type(e).__name__, e)
try:
    abs(None)
except TypeError as e:
    print(type(e).__name__, e)
