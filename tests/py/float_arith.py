# Float arithmetic, floor division and modulo with negative operands, int/float mixing.
vals = [7.5, -7.5, 2.0, -2.0, 0.5, 3]
for a in vals:
    for b in [2.0, -2.0, 0.75, -3]:
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(1.0 % 0.1, -1.0 % 0.1, 5.5 % -2, -5.5 % 2)
print(1e308 * 10, -1e308 * 10, 1e308 * 10 - 1e308 * 10)
print(2.0 ** 10, 2.0 ** -1, 4 ** 0.5, (-8.0) ** 3, 2 ** 0.5, 10.0 ** -3)
print(0.1 * 3, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-15)
print(type(1 + 1.0).__name__, type(3 / 1).__name__, type(3 // 1.0).__name__, 7 / 2, 8 / 2, -7 / 2)
print(2 ** 1000 / 2 ** 999, 10 ** 30 / 10 ** 10, (2 ** 1000 + 1) / 2 ** 1000)
print(1 / 3 + 1 / 3 + 1 / 3, 0.1 + 0.7, 4.35 * 100, 1.15 * 100)
try:
    10.0 ** 400
except OverflowError as e:
    print(type(e).__name__, e)
try:
    2 ** 10000 * 1.0
except OverflowError as e:
    print(type(e).__name__, e)
try:
    2 ** 10000 / 3
except OverflowError as e:
    print(type(e).__name__, e)
x = 1.5
x += 1; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 0.5; print(x)
x **= 2; print(x)
x %= 7; print(x)
x -= 0.25; print(x)
