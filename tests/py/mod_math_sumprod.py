# math.sumprod (floats summed exactly, rounded once) and math.fsum
import math, random
from fractions import Fraction
print(math.sumprod([0.1]*10, [0.1]*10), math.sumprod([0.1, 0.2, 0.3], [0.3, 0.2, 0.1]), math.sumprod([1, 2], [3, 4]))
print(math.sumprod([1, 2.5], [3, 4]), math.sumprod([1e308, 1e308], [10.0, -10.0]), math.sumprod([True, 2], [1.5, 2]))
print(math.sumprod([Fraction(1, 3), 0.5], [3, 2]), math.sumprod([], []), math.sumprod([2**70, 1.5], [2**70, 2.0]))
print(math.sumprod([float('inf'), 1.0], [1.0, 2.0]), math.sumprod([1e200, 1e200], [1e200, -1e200]))
random.seed(5)
for _ in range(5):
    a = [random.uniform(-1e6, 1e6) for _ in range(50)]
    b = [random.uniform(-1e-3, 1e3) for _ in range(50)]
    print(math.sumprod(a, b), math.fsum([1e100, 1.0, -1e100, 1e-100, 3.0]))
try: math.sumprod([1], [1, 2])
except ValueError as e: print(e)
print(math.fsum([0.1]*10), math.fsum([]), math.fsum([1e308, 1e308, -1e308]) if False else 0)
try: math.fsum([1e308, 1e308])
except OverflowError as e: print(e)
try: math.fsum([float('inf'), float('-inf')])
except ValueError as e: print(e)
print(math.fsum([float('inf'), 1.0]), math.fsum([float('nan'), 1.0]))
