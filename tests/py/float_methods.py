# float methods: is_integer, as_integer_ratio, conversions, special values.
import math
for v in [1.0, 1.5, -2.0, 0.1, 1e20, -0.0, 0.75]:
    print(v, v.is_integer(), v.as_integer_ratio(), int(v), math.floor(v), math.ceil(v), math.trunc(v))
print((2.5).real, (2.5).imag, (2.5).conjugate())
inf, nan = float("inf"), float("nan")
print(inf == inf, nan == nan, nan != nan, inf > 1e308, -inf < -1e308, inf - inf, inf * 0)
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0), math.isfinite(inf), math.isnan(inf - inf))
print(inf + 1, -inf * 2, 1 / inf, -1 / inf, nan + 1)
print(max(1.0, nan), min(nan, 1.0), sorted([3.0, 1.0, 2.0]), [nan] == [nan], nan in [nan])
try:
    inf.as_integer_ratio()
except OverflowError as e:
    print(type(e).__name__, e)
try:
    nan.as_integer_ratio()
except ValueError as e:
    print(type(e).__name__, e)
print(-0.0 == 0.0, math.copysign(1, -0.0), math.copysign(1, 0.0), str(-0.0), abs(-0.0))
print(float.__name__, type(1.5) is float, isinstance(1.5, (int, float)))
print(hash(1.0) == hash(1), hash(0.0) == hash(-0.0) == hash(0), hash(2.5) == hash(2.5))
