# Integer functions from math: factorial, gcd, lcm, isqrt, comb, perm, prod.
import math
print(math.factorial(0), math.factorial(20), math.factorial(25))
f1000 = math.factorial(1000)
print(len(str(f1000)), str(f1000)[:50], f1000 % (10 ** 9 + 7))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(12, 18, 27), math.gcd())
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(0, 5), math.lcm())
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 40), math.isqrt(2 ** 201))
print(math.comb(10, 3), math.comb(52, 5), math.comb(5, 7), math.comb(100, 50))
print(math.perm(5), math.perm(10, 3), math.perm(3, 5))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 30)), math.prod([2, 0.5]), math.prod([1, 2], start=10))
for bad in [lambda: math.factorial(-1), lambda: math.isqrt(-1), lambda: math.comb(-1, 2)]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    math.factorial(2.5)
except TypeError as e:
    print(type(e).__name__, e)
