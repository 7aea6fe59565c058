# A function whose globals keep changing keys (a new global per call, and deletions): after enough
# failing keys-version guards it is compiled without them (compiler/jit.h KR_JIT_GLOBAL_SPEC_LIMIT);
# the results, the builtins it reads and NameError stay exactly as in CPython.
base = 1


def f(x):
    return x + base + abs(-x) + len("ab")


s = 0
for i in range(30000):
    s += f(i)
    if i % 200 == 0:
        globals()["k%d" % i] = i
    if i % 600 == 0:
        del globals()["k%d" % i]
    if i == 15000:
        base = 2.5
print(s, len([k for k in globals() if k[0] == "k" and k[1:].isdigit()]))

abs = lambda v: 0  # noqa: E731
print(f(3))
del abs
print(f(3))
del base
try:
    f(1)
except NameError as e:
    print("NameError:", e)
base = "x"
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)


# the same code object run with two globals dicts
src = """
def g(n):
    t = 0
    for i in range(n):
        t += val
    return t
"""
d1 = {"val": 1}
d2 = {"val": 10}
exec(src, d1)
exec(src, d2)
for r in range(6):
    print("dicts", d1["g"](1500), d2["g"](1500))
    d1["new%d" % r] = r
    d2["val"] = r
