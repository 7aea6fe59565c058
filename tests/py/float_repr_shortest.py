# repr/str of floats: the shortest string that reads back as the same double (vm/dtoa.c), laid out
# with CPython's rules (exponent form below 1e-4 and from 1e16 on, '.0' for integral values), through
# every way a float becomes text without an explicit precision: repr, str, format(x, ''), f-strings,
# %s / %r, containers and json.dumps.
import json
import math

INTERESTING = [
    0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 1 / 7, 0.1 * 3, 1.1 * 1.1, 100 / 3,
    1e23, 1e22, 1e21, 8.41e21, 5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
    1.7976931348623157e308, 4.9406564584124654e-324, 9007199254740993, 9007199254740992.0,
    9007199254740991.0, 9007199254740994.0, 2.0 ** 63, 2.0 ** 64, 123456789012345678.0,
    1e16, 1e15, 9999999999999998.0, 9999999999999999.0, 999999999999999.9, 1234567890123456.7,
    1e-4, 1e-5, 0.00012345, 0.000012345, 9.999999999999999e-05, 0.0001000000000000001,
    1.0, 2.0, 10.0, 100.0, 1e3, 123.456, 0.5, 0.25, 0.125, 1.5, 2.5, 3.5, 1e-7, 1e-10,
    3.141592653589793, 2.718281828459045, 1.4142135623730951, 6.02214076e23, 6.62607015e-34,
    1.602176634e-19, 299792458.0, 0.30000000000000004, 5.960464477539063e-08, 4.35, 0.07,
    1.2345678901234567, 12345678901234567890.0, 5.551115123125783e-17, 1e300 * 10, 1e308,
    2.0 ** -1022, 2.0 ** -1074, 2.0 ** 1023, 0.0, -0.0,
]


def nexts(x, k):
    """x and its k neighbours either way (math.nextafter), in order, finite only."""
    out = []
    lo = x
    for _ in range(k):
        lo = math.nextafter(lo, -math.inf)
    y = lo
    for _ in range(2 * k + 1):
        if math.isfinite(y):
            out.append(y)
        y = math.nextafter(y, math.inf)
    return out


def show(label, xs, per_line=4):
    print(label)
    for i in range(0, len(xs), per_line):
        print("  " + " ".join(repr(x) for x in xs[i:i + per_line]))


print("-- interesting values: repr, str, format, f-string, %s, %r")
for x in INTERESTING:
    for v in (x, -x):
        print(repr(v), str(v), format(v), format(v, ""), f"{v}", f"{v!r}", "%s" % v, "%r" % (v,))

print("-- specials")
for v in (math.inf, -math.inf, math.nan, -math.nan, 0.0, -0.0):
    print(repr(v), str(v), f"{v}", format(v, ">8"), "%r" % (v,))

show("-- around 1e16 (positional below, exponent from 1e16 on)", nexts(1e16, 6))
show("-- around 1e15", nexts(1e15, 4))
show("-- around 1e-4 (positional from 1e-4 on, exponent below)", nexts(1e-4, 6))
show("-- around 1e-5", nexts(1e-5, 4))
show("-- around 2**53", nexts(2.0 ** 53, 4))
show("-- smallest subnormals", nexts(5e-324, 4)[4:])
show("-- around the largest subnormal and the smallest normal", nexts(2.2250738585072014e-308, 4))
show("-- below DBL_MAX", nexts(1.7976931348623157e308, 4)[:5])
show("-- 0.1 neighbours", nexts(0.1, 4))

show("-- every power of 2", [2.0 ** e for e in range(-1074, 1024)])
show("-- every power of 10 a double can be near (float('1e<k>'))",
     [float("1e%d" % k) for k in range(-323, 309)])
show("-- their neighbours", [y for k in range(-323, 309, 7) for y in nexts(float("1e%d" % k), 1)])

# Pseudo-random doubles from a linear congruential generator (the same on every run): normal numbers
# across the whole exponent range, subnormals, and short decimals.
seed = 12345


def rand():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return seed >> 11


normals = [float.fromhex("0x1.%013xp%d" % (rand() & (2 ** 52 - 1), rand() % 2046 - 1022)) for _ in range(300)]
show("-- random normal doubles", normals, 3)
subnormals = [float.fromhex("0x0.%013xp-1022" % (rand() % 2 ** 52 or 1)) for _ in range(60)]
show("-- random subnormals", subnormals, 3)
decimals = [float("%de%d" % (rand() % 10 ** (1 + rand() % 17), rand() % 640 - 330)) for _ in range(200)]
show("-- random short decimals", decimals, 4)
show("-- random integers below 2**53", [float(rand() % 2 ** (1 + rand() % 53)) for _ in range(60)], 4)
show("-- money-like values", [(rand() % 10 ** 7) / 100 for _ in range(60)], 6)

print("-- containers")
print([0.1, -0.0, 1e16, 1e-5, math.inf, math.nan])
print((1e22, 2.5), {1.5: 0.1, -2.0: 1e100})
print(str([1 / 3]), repr({0.1}))

print("-- json")
print(json.dumps([0.1, 0.2, 0.30000000000000004, 1e16, 1e-5, 1e-4, -0.0, 5e-324, 1.7976931348623157e308]))
print(json.dumps(INTERESTING))
print(json.dumps({"a": 1 / 3, "b": [2.0 ** -24, 1e23], "c": {"d": 123.456}}, sort_keys=True))
print(json.dumps([1.5, -2.25e-10], indent=2))
print(json.dumps({1.5: "x", 1e16: "y", -0.0: "z"}))
print(json.dumps(normals[:20], separators=(",", ":")))
print(json.dumps([math.inf, -math.inf, math.nan]))
try:
    json.dumps([1.0, math.inf], allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
back = json.loads(json.dumps(normals + subnormals + decimals))
print("json round trip exact:", back == normals + subnormals + decimals)
print("repr round trip exact:", all(float(repr(x)) == x for x in normals + subnormals + decimals + INTERESTING))
