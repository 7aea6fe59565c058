# Exponentiation and three-argument pow.
print(pow(2, 10), pow(2, 100), pow(-3, 5), pow(3, -1), pow(2, 0.5))
print(pow(2, 10, 1000), pow(3, 200, 10 ** 9 + 7), pow(-2, 3, 5), pow(2, 3, -5))
print(pow(3, -1, 7), pow(5, -2, 13), pow(38, -1, 97))
print(pow(10 ** 20, 10 ** 3, 97), pow(123456789, 987654321, 1000000007))
print(0 ** 0, 0 ** 5, 1 ** 10 ** 6, (-1) ** 10 ** 6, (-1) ** (10 ** 6 + 1))
print(2 ** 3 ** 2, (2 ** 3) ** 2, 2 ** -1, (-8) ** (1 / 3) if False else "skip")
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
