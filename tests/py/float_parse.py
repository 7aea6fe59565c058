# float() from strings.
for s in ["1.5", "  -2.25  ", "1e10", "1E-3", ".5", "5.", "inf", "-inf", "+inf", "Infinity", "-INFINITY", "nan", "NaN", "-nan",
          "1_000.5", "0x1p3" if False else "3", "000123.4500", "1e500", "-1e500", "1e-500", "2.5e+3", "\t7\n"]:
    print(repr(s), float(s))
for s in ["abc", "", "1.2.3", "1e", "e5", "1_", "- 1", "0x10", "inf inity"]:
    try:
        float(s)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    float([])
except TypeError as e:
    print(type(e).__name__, e)
print(float(10 ** 308), float("1.7976931348623157e308"))
try:
    float(10 ** 309)
except OverflowError as e:
    print(type(e).__name__, e)
print(float.fromhex("0x1.8p1"), (3.0).hex(), (0.1).hex(), float.fromhex((0.1).hex()) == 0.1)
