# Mixed int/float comparisons and conversions with huge ints and exact semantics.
big = 2 ** 53 + 1
print(big == 2.0 ** 53 + 1, big > 2.0 ** 53, float(big), int(float(big)))
print(10 ** 16 + 1 > 1e16, 10 ** 16 + 1 == 1e16, 1e16 < 10 ** 16 + 1)
print(2 ** 1024 > float("inf") - 1, 2 ** 1024 < float("inf"), -(2 ** 1024) > float("-inf"))
print(0.5 == 1 / 2, 3 * 0.1 == 0.3, 7 // 2.0, 7 % 2.5, -7 // 2.0, divmod(-7, 2.0))
print(sum([1, 2.5, 3]), max(1, 1.0), min(1.0, 1), max(2, 2.5), abs(-2.5))
print(1 + True, 1.5 + True, True + True, True * 2.5, -True, ~True)
print(int(2.9999999999999996), int(-0.9), round(0.5 + 1e-16), 3 / 2 == 1.5)
print([x / 4 for x in range(-4, 5)])
print([x // 4 for x in range(-4, 5)], [x % 4 for x in range(-4, 5)])
print(float(1 << 63) == 2 ** 63, 2 ** 63 == 9.223372036854776e18, (2 ** 63 - 1) < 9.223372036854776e18)
