# Globals that change while compiled code reads them: module-level loops storing globals that hot
# functions read, new globals defined after a function got hot (each one fails the function's dict
# keys-version guards: its code is retired at once and compiled again, compiler/jit.c), rebinding a
# global to another type mid-loop, deleting a global, and `global` statements in functions.
total = 0
scale = 3


def weigh(x):
    return x * scale + (total & 1)


# a module-level loop (STORE_NAME) that stores globals a hot function reads: only values replaced
for i in range(3000):
    total += weigh(i) & 7
print("module loop", total)


# new globals defined while a hot function reads others: the keys change after it is compiled
def reader(x):
    return x + scale + total % 5


acc = 0
for i in range(4000):
    acc += reader(i)
    if i % 250 == 0:
        globals()["extra_%d" % i] = i
print("new keys", acc, sorted(k for k in globals() if k.startswith("extra_"))[:3])

# exec defines more globals between hot phases
for n in range(6):
    s = 0
    for i in range(1500):
        s += reader(i)
    exec("phase_%d = %d" % (n, n))
    print("phase", n, s, phase_0 if n else "-")


# rebinding a global to a new type mid-loop
def mixed(n):
    out = []
    for i in range(n):
        out.append(scale * 2)
    return out


for v in (4, 2.5, "ab", [1], 7):
    scale = v
    print("rebind", type(v).__name__, mixed(1200)[-1])
scale = 3


# deleting a global that a compiled function reads: NameError with CPython's message, then back
def read_gone(n):
    t = 0
    for i in range(n):
        t += gone
    return t


gone = 1
print("gone", read_gone(2000))
del gone
try:
    read_gone(5)
except NameError as e:
    print("NameError:", e)
gone = 2
print("gone again", read_gone(2000))


# a global deleted and added back while a loop in a compiled function runs
def drop_and_restore(n):
    global gone
    t = 0
    for i in range(n):
        t += gone
        if i == 700:
            del gone
            try:
                t += gone
            except NameError as e:
                print("in loop:", e)
            gone = 5
    return t


print("restore", drop_and_restore(1500))


# builtins shadowed by a global later, then unshadowed
def lengths(xs):
    n = 0
    for x in xs:
        n += len(x)
    return n


words = ["a", "bb", "ccc"] * 500
print("len builtin", lengths(words))
len = lambda x: 10  # noqa: E731
print("len shadowed", lengths(words))
del len
print("len again", lengths(words))
try:
    del len
except NameError as e:
    print("NameError:", e)


# `global` statements: functions storing globals that other compiled functions read
counter = 0


def bump(k):
    global counter
    counter += k


def peek():
    return counter


def run(n):
    s = 0
    for i in range(n):
        bump(i & 3)
        s += peek()
    return s


print("global stmt", run(3000), counter)


def make_global(i):
    global fresh
    fresh = i
    globals()["fresh_%d" % (i % 40)] = i


def churn(n):
    s = 0
    for i in range(n):
        make_global(i)   # a new key on most of the first 40 iterations, then values only
        s += fresh + scale
    return s


print("churn", churn(5000), fresh)
