# Comparisons among ints, floats, bools and big ints.
print(1 < 2, 2 < 1, 1 <= 1, 1 == 1.0, 1 != 1.0, True == 1, False == 0, 2 ** 100 > 2 ** 99)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == float(2 ** 53), 10 ** 400 > 1e308, -10 ** 400 < -1e308)
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1 == 1.0, 1 < 2 == 2 < 3)
print(max(3, 7, -1), min(3, 7, -1), max(2 ** 70, 1), min(-(2 ** 70), 1))
print(sorted([3, -1, 2 ** 65, 0, -(2 ** 65), 7, 2.5]))
print(0 == -0, 0 == 0.0 == -0.0, 10 ** 20 == 1e20, 10 ** 23 == 1e23, int(1e23))
print(float("inf") > 10 ** 1000, float("-inf") < -10 ** 1000, float("nan") == 0)
print((1).__eq__(1.0), (1).__lt__(2), (5).__eq__("5"))
try:
    1 < "2"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] > 3
except TypeError as e:
    print(type(e).__name__, e)
print(1 == "1", 1 != "1", None == 0, [] == [], [1] == [1.0])
