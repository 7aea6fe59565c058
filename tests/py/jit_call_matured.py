# A call compiled before it ever ran (an early OSR compile, or every function compiled at its first
# call) retires its code once it has run enough (compiler/jit.h, kr_jit_call_site_matured), and the
# running code leaves right after that call (vm->jit_leave): the call must have happened exactly once,
# its result stored, and the values compiled code held in registers (small ints, unboxed floats, the
# loop's counters) written back, so the interpreter continues the loop and re-enters new code by OSR.

calls = []


def record(x):
    calls.append(x)
    return x & 7


def make_adder(k):
    return lambda x: x + k


def phases(n):
    # the first loop gets hot and is compiled by OSR; the later loops' calls have not run yet then
    s = 0
    for i in range(n):
        s += i & 3
    acc = 0.5
    t = 0
    adders = [make_adder(k) for k in range(5)]
    for i in range(n):
        v = record(i)           # a call per iteration, exactly once each
        acc = acc * 0.5 + v     # an unboxed double live across the calls
        t += adders[i % 5](i) - v * 3
    u = 0
    for i in range(n):
        try:
            u += adders[i % 3](i) if i % 11 else record(-i)
        except ValueError:
            u = -1
    return s, acc, t, u


for n in (1500, 2500, 4000):
    del calls[:]
    r = phases(n)
    print(n, r, len(calls), sum(calls), calls[:3], calls[-3:])


# a generator whose loop's call matures while it is suspended and resumed
def gen(n):
    total = 0
    for i in range(n):
        total += record(i) * 2
        if i % 500 == 0:
            yield total


del calls[:]
print("gen", list(gen(3000)), len(calls))


# the call that matures raises on its last run: no leave, the exception propagates as usual
def boom(x):
    if x == 999:
        raise KeyError(x)
    return x


def raiser():
    out = 0
    for i in range(100):
        out += i
    for i in range(2000):
        out += boom(i)
    return out


try:
    raiser()
except KeyError as e:
    print("KeyError", e)
print("again", raiser.__name__)
