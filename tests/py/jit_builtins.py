# Known builtins (isinstance, abs, min, max), dict items and membership, method loads at polymorphic
# sites and functions made in loops, in hot loops the JIT compiles; the edge cases must give exactly
# CPython's results (and errors) whether a loop runs compiled or deopts back to the interpreter.
import math


class Base:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


class Sub(Base):
    def get(self):
        return self.v * 10


class Other:
    def get(self):
        return -1


class MyInt(int):
    pass


def isinst(n):
    vals = [1, True, 2.5, "s", [1], (1,), {1: 2}, None, Base(1), Sub(2), Other(), MyInt(3), 10**30]
    counts = [0] * 8
    for i in range(n):
        x = vals[i % len(vals)]
        if isinstance(x, int):
            counts[0] += 1
        if isinstance(x, bool):
            counts[1] += 1
        if isinstance(x, (int, float)):
            counts[2] += 1
        if isinstance(x, Base):
            counts[3] += 1
        if isinstance(x, Sub):
            counts[4] += 1
        if isinstance(x, (str, list, tuple)):
            counts[5] += 1
        if isinstance(x, MyInt):
            counts[6] += 1
        if isinstance(x, dict):
            counts[7] += 1
    return counts


def isinst_known(n):
    # the argument's type is known (an int loop variable, a float): the answer is a constant
    t = 0
    f = 0.5
    for i in range(n):
        if isinstance(i, int):
            t += 1
        if isinstance(i, float):
            t += 100
        if isinstance(f, float):
            t += 2
        if isinstance(i, bool):
            t += 1000
        f += 1.0
    return t


def abs_ints(n):
    t = 0
    for i in range(-n, n):
        t += abs(i) + abs(i * 3 - 7)
    return t


def abs_edge(xs):
    out = []
    for _ in range(300):
        out = []
        for x in xs:
            out.append(abs(x))
    return out


def abs_floats(n):
    t = 0.0
    x = -1.5
    for i in range(n):
        t += abs(x)
        x += 0.25
    return t


def minmax_ints(n):
    lo = 10**6
    hi = -(10**6)
    s = 0
    for i in range(n):
        v = (i * 7919) % 1000 - 500
        lo = min(lo, v)
        hi = max(hi, v)
        s += min(v, 3) + max(v, -3) + min(i, i) + max(v, v)
    return lo, hi, s


def minmax_floats(n):
    lo = 1e300
    hi = -1e300
    for i in range(n):
        v = math.sin(i) * 100.0
        lo = min(lo, v)
        hi = max(v, hi)
    return lo, hi


def minmax_edge(pairs):
    out = []
    for _ in range(200):
        out = []
        for a, b in pairs:
            out.append((min(a, b), max(a, b)))
    return out


def minmax_big(n):
    # differences beyond 62 bits: the branch-free int form deopts, the interpreter finishes
    big = 2**61
    t = 0
    for i in range(n):
        t += min(big, -big + i) + max(-big, big - i)
    return t


def dicts(n):
    d = {}
    for i in range(n):
        d[i % 50] = i
        d["k" + str(i % 7)] = d.get("k" + str(i % 7), 0) + 1
    t = 0
    for i in range(n):
        t += d[i % 50]
        if i % 50 in d:
            t += 1
        if (i + 1000) not in d:
            t += 2
    return t, len(d)


def dict_missing(d, keys):
    t = 0
    for k in keys:
        t += d[k]
    return t


def member_const(n):
    t = 0
    for i in range(n):
        if i % 10 in {1, 3, 5}:
            t += 1
        if i % 10 not in {2, 4}:
            t += 10
    return t


def methods(objs, n):
    out = []
    t = 0
    for i in range(n):
        o = objs[i % len(objs)]
        t += o.get()
    for i in range(n):
        s = ["ab", [1, 2, 3], "c"][i % 3]
        t += s.count("a") if isinstance(s, str) else s.count(2)
        out.append(s.__len__())
    return t, sum(out)


def closures(n):
    fs = []
    for i in range(n):
        fs.append(lambda x, i=i: x + i)

        def g(y, k=i):
            return y * k

        fs.append(g)
    acc = []
    for j in range(n):
        acc.append(lambda j=j: j * 2)
    cells = []
    for j in range(n):
        m = j

        def h():
            return m

        cells.append(h)
    return sum(f(1) for f in fs), sum(a() for a in acc), [c() for c in cells[:3]]


for _ in range(3):
    print(isinst(400))
    print(isinst_known(3000))
    print(abs_ints(300))
    print(abs_floats(500))
    print(minmax_ints(500))
    print(minmax_floats(500))
    print(minmax_big(3000))
    print(dicts(500))
    print(member_const(400))
    print(methods([Base(1), Sub(2), Other(), Base(3)], 3000))
    print(closures(2000))

small_min = -(2**62)
print(abs_edge([small_min, small_min + 1, 2**62 - 1, -0.0, 0.0, float("nan"), float("-inf"), float("inf"),
                -3, 3, True, False, -2.5, 10**20, -(10**20)]))
for x in abs_edge([-0.0, float("-nan"), -7.25]):
    print(math.copysign(1.0, x), x)

nan = float("nan")
pairs = [(1, 1), (2, 1), (1, 2), (-0.0, 0.0), (0.0, -0.0), (nan, 1.0), (1.0, nan), (nan, nan),
         (1, 1.0), (1.0, 1), (True, 1), (1, True), (2, 1.5), (1.5, 2), (10**20, 1), ("a", "b"),
         (float("inf"), float("-inf"))]
res = minmax_edge(pairs)
for (a, b), (lo, hi) in zip(pairs, res):
    print(repr(lo), type(lo).__name__, repr(hi), type(hi).__name__, math.copysign(1.0, lo) if isinstance(lo, float) else "")
print(minmax_edge([(1, 2), (3, 4)] * 3))

d = {i: i for i in range(40)}
print(dict_missing(d, list(range(40)) * 20))
for bad in ([1, 2, 99], [1, "x"], [1, 2.0], [1, [1]]):
    try:
        for _ in range(50):
            r = dict_missing(d, list(range(40)) * 5 + bad)
        print("no error", r)
    except KeyError as e:
        print("KeyError", repr(e))
    except TypeError as e:
        print("TypeError", e)

try:
    for _ in range(100):
        isinst_bad = [isinstance(1, 5) for _ in range(3)]
except TypeError as e:
    print("TypeError", e)
try:
    for i in range(100):
        min(i, "x")
except TypeError as e:
    print("TypeError", e)
