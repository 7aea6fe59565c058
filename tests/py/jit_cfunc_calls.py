# Builtin functions and int / str / float called directly by compiled code (compiler/hir.h,
# KR_HIR_STEP_CFUNC / KR_HIR_STEP_CTYPE): results, exceptions with their tracebacks, wrong argument
# counts, keyword arguments, a builtin rebound in the builtins module or shadowed by a global, a module
# function replaced, a site that sees another callee later, and big ints.
import builtins
import math
import sys
import traceback


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        if self.n < 0:
            raise ValueError("negative size %d" % self.n)
        return self.n


def lens(items):
    t = 0
    for x in items:
        t += len(x)  # x of any type: the builtin len called directly
    return t


items = [[1, 2], "abc", Sized(4), (1,), {1: 2}, b"xy"] * 400
print(lens(items))
for bad in ([Sized(1), Sized(-3)], [[1], 5], [Sized(2 ** 70)]):
    try:
        lens(bad)
    except (ValueError, TypeError, OverflowError) as e:
        tb = traceback.extract_tb(e.__traceback__)
        print(type(e).__name__, e, [(f.name, f.lineno) for f in tb])


def conversions(n):
    out = 0
    for i in range(n):
        out += int(str(i)) + int(float(i) * 1.5) + int("1" * (i % 25 + 1)) % 1000
    return out


print(conversions(3000), conversions(1))
big = 0
for i in range(2000):
    big = int(str(2 ** (i % 90))) + big  # big ints through str() and int()
print(big % 1000003)


def parse_all(texts):
    out = []
    for t in texts:
        try:
            out.append(int(t))
        except ValueError as e:
            out.append(str(e))
    return out


print(parse_all(["1", "x", " 7 ", "0x1", "-3"] * 300)[:5])


def floats(texts):
    return [float(t) for t in texts]


print(floats(["1.5", "inf", "-0.0", "1e300"] * 300)[:4])
try:
    floats(["2.5"] * 500 + ["nope"])
except ValueError as e:
    print("ValueError", e, traceback.extract_tb(e.__traceback__)[-1].lineno)


def roots(values):
    return [math.sqrt(v) + math.floor(v / 3) for v in values]


print(sum(roots(range(3000))))
try:
    roots([4.0] * 100 + [-1.0])
except ValueError as e:
    print("ValueError", e, [f.name for f in traceback.extract_tb(e.__traceback__)])


def wrong_counts(k):
    out = []
    for i in range(k):
        try:
            if i % 3 == 0:
                out.append(abs(i, i))
            elif i % 3 == 1:
                out.append(len())
            else:
                out.append(int("5", 10, 3))
        except TypeError as e:
            out.append(str(e))
    return out


print(sorted(set(wrong_counts(300))))


def keywords(n):
    t = 0
    for i in range(n):
        t += int("ff", base=16) + round(i / 7, ndigits=0) + int(str(i))
    return t


print(keywords(2000))


def chooser(n):
    t = 0
    for i in range(n):
        t += len("abcd") + ord("a") + max(i, 3) + min(i, 5)
    return t


print(chooser(2000))
real_len = builtins.len
builtins.len = lambda x: 100  # rebinding the builtin: the same site now calls the lambda
print(chooser(10), lens(["ab"] * 3))
builtins.len = real_len
print(chooser(10), lens(["ab"] * 3))


def len(x):  # a global shadowing the builtin
    return -1


print(chooser(10), lens(["ab"] * 3))
del len
print(chooser(10), lens(["ab"] * 3))

real_sqrt = math.sqrt
math.sqrt = lambda v: "patched"
try:
    roots([1.0])
except TypeError as e:
    print("TypeError", e)
math.sqrt = real_sqrt
print(roots([9.0, 16.0]))


def call_each(fs, n):
    out = []
    for i in range(n):
        out.append(fs[i % len(fs)](i))
    return out


print(call_each([abs], 2000)[-3:])
print(call_each([abs, str, float, hex, int, lambda v: -v], 2000)[-6:])


def make_strings(n):
    return [str(i) + str(i * 1.5) + str(None) + str() for i in range(n)]


print(make_strings(1500)[-1], make_strings(1))


class MyInt(int):
    pass


def types_at_site(vals):
    return [int(v) for v in vals]


print(types_at_site([MyInt(5), True, 3.9, "12", -7] * 300)[:5])
sys.setrecursionlimit(1000)


def nested(k):
    # a builtin calling back into Python (max with a key, sorted) at a directly called site
    return max(range(k), key=lambda v: (v * 7) % 11) + sum(sorted([k, 1, 2]))


print([nested(k) for k in range(1, 2000)][-3:])
