# Counted loops with no call in their body poll once per strip of iterations (compiler/hir_lower.c's
# strip mining) instead of on every back-edge: the counter is tested against a strip limit, and at
# the end of each strip against the real stop. These loops cross strip boundaries (about 1000
# iterations) by one either way, go up and down with steps of every size (a step so large that every
# iteration ends a strip), stop near the ends of the small ints, break, deopt in the body (overflow
# into big ints, a type change), reassign the loop variable, run empty, nest, and are entered by OSR.


TEMPLATE = """
def xsum_{name}(a, b):
    t = 0
    n = 0
    for i in range(a, b, {s}):
        t ^= i
        n += 1
    return t, n


def last_{name}(a, b):
    i = "before"
    for i in range(a, b, {s}):
        pass
    return i
"""
STEPS = (1, 2, 3, 7, 999, 1000, 1001, 536870, 536871, 2**20, 10**12, 2**50, 10**15, 2**61)
XSUM = {}
LAST = {}
for s in STEPS:
    for sign in (1, -1):
        name = ("m" if sign < 0 else "p") + str(s)
        exec(TEMPLATE.format(name=name, s=sign * s))
        XSUM[sign * s] = globals()["xsum_" + name]
        LAST[sign * s] = globals()["last_" + name]


def xsum(a, b, s):
    return XSUM[s](a, b)


def last(a, b, s):
    return LAST[s](a, b)


def sum_up(n):
    t = 0
    for i in range(n):
        t += i * 2
        if i % 1000 == 0:
            t = t % 1_000_000
    return t, i


def until(n, at):
    t = 0
    for i in range(n):
        if i == at:
            break
        t += i
    return t, i


def overflow(n, k):
    # t leaves the small ints part way (an exit inside the body), then the loop ends in the interpreter
    t = 0
    for i in range(n):
        t += i * k
    return t, i


def type_change(xs, n):
    # an element that is not a small int fails the body's type guard: it leaves for the interpreter
    t = 0
    for i in range(n):
        t += xs[i]
    return t, i


def reassign(n):
    t = 0
    for i in range(n):
        t += i
        i = i * 3 + 1
    return t, i


def unbound(n):
    for i in range(n):
        pass
    try:
        return i
    except UnboundLocalError:
        return "unbound"


def nested(n, m):
    t = 0
    for i in range(n):
        for j in range(m):
            t += i ^ j
    return t, i, j


def var_step(a, b, s):
    # the step's sign known only at run time: not strip-mined, same answers
    t = 0
    for i in range(a, b, s):
        t += i
    return t


for n in (0, 1, 2, 999, 1000, 1001, 1999, 2000, 2001, 2999, 3001, 10007):
    print(n, xsum(0, n, 1), xsum(-n, n, 3), xsum(n, -n, -1), xsum(n, -n, -7), last(0, n, 1), last(n, 0, -2))

for s in (1, 2, 999, 1000, 1001, 536870, 536871, 2**20, 10**12, 2**50):
    for k in (0, 1, 999, 1000, 1001, 2500):
        print(s, k, xsum(-5, k * s + 3, s), xsum(k * s + 3, -5, -s), last(0, k * s, s), last(k * s, 0, -s))
for s in (2**50, 10**15, 2**61):
    print(s, xsum(0, 2**62 - 1, s)[1], xsum(2**62 - 1, -2**62, -s)[1], last(-2**62, 2**62 - 1, s))

# near the ends of the small ints (a tagged word's 63 bits) and past them
for a, b in ((2**62 - 3000, 2**62 - 1), (2**62 - 2500, 2**62), (2**62 - 10, 2**62 + 10), (-2**62, -2**62 + 2500),
             (-2**62 - 5, -2**62 + 5), (2**63 - 1200, 2**63 + 1200)):
    print(xsum(a, b, 1), xsum(b, a, -1), xsum(a, b, 7), last(a, b, 1), last(b, a, -3))

print(sum_up(10**6), sum_up(1), sum_up(1001), sum_up(2**16 + 3))
for at in (0, 1, 999, 1000, 1001, 2500, 10**5):
    print(at, until(5000, at))
for k in (1, 2**20, 2**40, -2**41, 3 * 2**50):
    print(k, overflow(5000, k))
for at, v in ((-1, 0), (0, 0.5), (999, 2**70), (1000, -0.25), (1001, "x"), (4321, 10**30)):
    xs = list(range(5000))
    if at >= 0:
        xs[at] = v
    try:
        print(at, type_change(xs, 5000))
    except TypeError:
        print(at, "TypeError")
print(reassign(0 + 2500), reassign(3))
print(unbound(0), unbound(1), unbound(1001))
print(nested(3, 2500), nested(1200, 3), nested(4, 1))
print(var_step(0, 10**4, 3), var_step(10**4, 0, -3), var_step(5, 5, 1))
for _ in range(3):
    print(xsum(0, 123456, 1), xsum(10**5, -10**5, -7), sum_up(54321))
