# Calls of closures whose body only reads free variables (`lambda x: x + k`) are inlined by the JIT
# (hir_build.c's inline_call): the cells come from the called function's closure at run time. Each
# case would print differently if the inlined body read a stale cell, the wrong closure or skipped a
# deopt.


def make_adder(k):
    return lambda x: x + k


def make_scaler(k, m):
    def f(x):
        return x * k - m
    return f


adders = [make_adder(k) for k in range(10)]
total = 0
for i in range(3000):
    total += adders[i % 10](i)           # one site, ten closures of one code
    total ^= make_scaler(3, i & 7)(i)    # a fresh closure per call
print("mixed", total)


# the cell changes after the closure was made (nonlocal), and its value changes type mid-loop
def counter_pair():
    n = 0

    def get(x):
        return x + n

    def bump(v):
        nonlocal n
        n = v
    return get, bump


get, bump = counter_pair()
out = []
for i in range(400):
    if i == 100:
        bump(2.5)           # float
    elif i == 200:
        bump(2 ** 70)       # big int
    elif i == 300:
        bump(-(2 ** 62))    # overflow of small-int arithmetic
    out.append(get(i))
print("types", out[99], out[100], out[199], out[200], out[299], out[300], out[399], type(out[399]).__name__)
sget, sbump = counter_pair()
sbump("s")
print("str", attempt := None, end=" ")
try:
    for i in range(50):
        sget(i)
except TypeError as e:
    print("TypeError", e)


# a free variable not yet bound when the closure runs, bound later
def late():
    def f(x):
        return x + later
    res = []
    for i in range(60):
        try:
            res.append(f(i))
        except NameError as e:
            res.append(str(e))
        if i == 30:
            later = 1000
    return res


r = late()
print("late", r[0], r[30], r[31], r[59])


# closures over a loop variable see its last value (late binding); defaults capture each one
fs = [lambda x: x + i for i in range(5)]
gs = [lambda x, i=i: x + i for i in range(5)]
acc = []
for rep in range(200):
    acc.append(sum(f(rep) for f in fs) - sum(g(rep) for g in gs))
print("loopvar", acc[0], acc[-1], len(set(acc)))


# recursion through closures (not inlinable: calls), mixed with an inlinable one
def make_fib():
    one = 1

    def small(n):
        return n <= one

    def fib(n):
        if small(n):
            return n
        return fib(n - 1) + fib(n - 2)
    return fib


fib = make_fib()
print("fib", [fib(n) for n in range(15)])


# nested closures: inner reads two levels of free variables
def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z
        return inner
    return middle


t = 0
for i in range(2000):
    t += outer(i)(1)(2)
print("nested", t)


# __code__ replaced by another code with the same free variables: the code guard sees it
def make_pair(k):
    def plus(x):
        return x + k

    def minus(x):
        return x - k
    return plus, minus


p, m = make_pair(10)
vals = []
for i in range(300):
    if i == 150:
        p.__code__ = m.__code__
    vals.append(p(i))
print("code", vals[149], vals[150], vals[299])


# many free variables (beyond what the inliner takes) and a float accumulation
def many(a, b, c, d, e, f, g, h, i2, j):
    return lambda x: x + a + b + c + d + e + f + g + h + i2 + j


mf = many(*range(10))
fl = make_adder(0.5)
s = 0
fsum = 0.0
for i in range(1000):
    s += mf(i)
    fsum += fl(i * 0.25)
print("many", s, fsum)
