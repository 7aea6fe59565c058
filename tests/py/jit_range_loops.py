# Counted loops over range() built without a range object (the CALL of the builtin range fused with
# its GET_ITER), with constant steps, and the deopt paths around them: arguments that are not small
# ints, a zero step, range rebound in globals and builtins, overflowing accumulators, a type change
# of the accumulator mid-loop, loops entered by OSR, and the loop variable after the loop.
import builtins


def one(n):
    t = 0
    for i in range(n):
        t += i
    return t


def two(a, b):
    t = 0
    for i in range(a, b):
        t += i * 3
    return t


def steps(a, b):
    out = []
    for i in range(a, b, 3):
        out.append(i)
    for i in range(b, a, -1):
        out.append(i)
    for i in range(b, a, -4):
        out.append(-i)
    return out


def last(n):
    for i in range(n):
        pass
    return i


def nested(n):
    t = 0
    for i in range(n):
        for j in range(i, n, 2):
            if (i + j) % 7 == 3:
                continue
            t += i * j
            if t > 10**6:
                break
    return t


def near_max():
    big = 2**62
    out = []
    for i in range(big - 4, big - 1):
        out.append(i - big)
    for i in range(big - 5, big - 1, 2):
        out.append(i - big)
    for i in range(-big + 3, -big - 1, -1):
        out.append(i + big)
    for i in range(-big + 4, -big, -3):
        out.append(i + big)
    return out


def accumulate(n, extra, at):
    acc = 0
    for i in range(1, n + 1):
        acc += i
        if i == at:
            acc += extra
    return acc, i


def overflow(n):
    acc = 2**61
    for i in range(n):
        acc += 2**60 + i
    return acc


def numeric(iterations):
    total = 0
    for i in range(iterations):
        total += i * 2
        if i % 1000 == 0:
            total = total % 1_000_000
    return total


def errors(x):
    try:
        for i in range(x):
            pass
        return "ok", i
    except Exception as e:
        return type(e).__name__, str(e)


def zero_step(n, s):
    try:
        return list(range(0, n, 0))
    except ValueError as e:
        r = str(e)
    try:
        return r, list(range(0, n, s))
    except ValueError as e:
        return r, str(e)


def keyword():
    try:
        for i in range(stop=3):
            pass
    except TypeError as e:
        return str(e)


def empty_then_read():
    for k in range(0):
        pass
    return k


def rebound_global(n):
    t = []
    for i in range(n):
        t.append(i)
    return t


def while_loop(n):
    i = 0
    s = 0
    while i < n:
        s += i
        i += 1
    return s, i


for _ in range(30):
    r = (one(100), two(5, 50), steps(-7, 20), last(9), nested(30), numeric(5000))
print(r)
print(one(0), one(1), one(-5), two(10, 3), last(1), steps(3, 3))
print(near_max())
print(accumulate(1000, 0, 10))
print(accumulate(1000, 0.5, 500))
print(accumulate(1000, 2**70, 999))
print(accumulate(1000, "x" == "y", 3))
for _ in range(20):
    overflow(30)
print(overflow(40))
print(one(2**62 - 2 - (2**62 - 10)))
print(two(2**62 - 3, 2**62 + 2))
print(two(2**70, 2**70 + 4))
print(two(-2**70 - 3, -2**70))
print(errors(3), errors(3.0), errors("3"), errors(True), errors(None))
print(zero_step(5, 1), zero_step(5, 0))
print(keyword())
try:
    print(empty_then_read())
except UnboundLocalError as e:
    print("UnboundLocalError", e)
try:
    print(last(0))
except UnboundLocalError as e:
    print("UnboundLocalError", e)
print(while_loop(100), while_loop(0))

# range rebound in the globals, then in the builtins, then restored
for _ in range(30):
    rebound_global(5)
range = lambda n: ["a", "b", n]
print(rebound_global(5))
del range
print(rebound_global(3))
saved = builtins.range
builtins.range = lambda n: saved(n, 0, -1)
print(rebound_global(4), one(4))
builtins.range = saved
print(rebound_global(4), one(4))


# OSR into a long loop of a function called once, with a step other than 1
def once(n):
    t = 0
    for i in range(3, n, 3):
        t += i
        if i == n // 2 * 0 + 30000:
            t += 0.25
    return t, i


print(once(60001))


# the compiled loop entered at its header with a state made by a different range(): the entry's
# guard on the constant step deopts and the interpreter finishes the loop
def stepped(n):
    t = 0
    for i in range(0, n, 2):
        t += i
    return t


for _ in range(30):
    stepped(10)
builtins.range = lambda a, b, c: saved(a, b, 5)
print(stepped(200000))
builtins.range = saved
print(stepped(200000))

# a module-level loop (OSR, range loaded by LOAD_NAME)
s = 0
for i in range(200000):
    s += i
    if i == 150000:
        s += 0.5
print(s, i)
for i in range(10, -200000, -7):
    s -= i
print(s, i)


# a generator's counted loop (resumed inside the body, so the header's step is also reloaded)
def gen(n):
    t = 0
    for i in range(0, n, 3):
        t += i
        yield t
    yield i


for _ in range(300):
    r = list(gen(30))
print(r, sum(gen(3000)))
it = gen(100)
print(next(it), next(it), it.send(None), list(it)[-3:])


# arguments that keep failing the small-int guards: the code is given up and rebuilt without them
def guarded(x):
    t = 0
    try:
        for i in range(x):
            t += i
    except TypeError as e:
        return str(e)
    return t


for _ in range(3000):
    guarded(10)
print(sorted(set(guarded(3.5) if k % 2 else guarded(5) for k in range(300)), key=str))


# constant stops with steps other than 1: the increment needs no overflow check; a deopt mid-loop
def const_stops(x):
    out = []
    for i in range(0, 100, 7):
        out.append(i)
    for i in range(100, -3, -9):
        if i == 19:
            out.append(x)
        out.append(i)
    for i in range(2**62 - 20, 2**62 - 2, 5):
        out.append(i - 2**62)
    return out, i


for _ in range(300):
    const_stops(1)
print(const_stops(2), const_stops(2.5))
