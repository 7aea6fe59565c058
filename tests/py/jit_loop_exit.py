# The variable of a counted loop is rebuilt from the counter where the loop exits (hir_opt.c's loop
# exit values: RANGE_PREV picks the value from before the loop when no iteration ran, else the counter
# minus the step), and the counter's increment is made at the latch, the body's exits rebuilding the
# iterator's next value from the counter (hir_lower.c's sunk increments). These loops exit after no,
# one or many iterations (entered by a call or by OSR, even on their last back-edge), with steps of
# both signs and several sizes, near the ends of the small ints and beyond them, after break, with
# `i` read after the loop in arithmetic, and deopt in their bodies (an overflow into big ints, a type
# change, an exception), where the interpreter must go on with exactly the remaining iterations.


def last_unbound(a, b, s):
    for i in range(a, b, s):
        pass
    try:
        return i
    except UnboundLocalError:
        return "unbound"


def last_kept(a, b, s):
    i = -7
    t = 0
    for i in range(a, b, s):
        t += 1
    return i, t


TEMPLATE = """
def unbound_{name}(a, b):
    for i in range(a, b, {s}):
        pass
    try:
        return i
    except UnboundLocalError:
        return "unbound"


def kept_{name}(a, b):
    i = -7
    t = 0
    for i in range(a, b, {s}):
        t += 1
    return i, t, i * 2 - t
"""
UNBOUND = {}
KEPT = {}
for s in (1, -1, -2, 3, 2**20):
    name = ("m" if s < 0 else "p") + str(abs(s))
    exec(TEMPLATE.format(name=name, s=s))
    UNBOUND[s] = globals()["unbound_" + name]
    KEPT[s] = globals()["kept_" + name]


def last_const(a, b, s):
    """The loops above with the step a constant (a counted loop) when there is one for s."""
    if s in KEPT:
        return UNBOUND[s](a, b), KEPT[s](a, b)
    return last_unbound(a, b, s), last_kept(a, b, s)


def last_none(n):
    i = None
    for i in range(n):
        pass
    return i


def last_bool(n):
    i = True
    for i in range(3, n):
        pass
    return i


def last_arith(n, s):
    t = 0
    for i in range(0, n, s):
        t += i
    return i * 3 + t


def after_break(n, at):
    t = 0
    for i in range(n):
        if i == at:
            break
        t += i * 2
    return i, t


def for_else(n, at):
    for i in range(n):
        if i == at:
            break
    else:
        return "else", i
    return "break", i


def reassigned(n):
    t = 0
    for i in range(n):
        t += i
        i = i * 2
    return i, t


def seed_like(n):
    total = 0
    for i in range(n):
        total += i * 2
        if i % 1000 == 0:
            total = total % 1_000_000
    return total, i


def overflow_mid(n, big):
    total = 0
    count = 0
    for i in range(n):
        total += big
        count += 1
    return total, count, i


def type_change(n, at):
    total = 0
    count = 0
    for i in range(n):
        total += i
        if i == at:
            total = total + 0.5
        count += 1
    return total, count, i


def raises_at(n, at):
    count = 0
    try:
        for i in range(n):
            count += 100 // (i - at)
    except ZeroDivisionError:
        return "raised", i, count
    return "done", i, count


def nested(n, m, at):
    t = 0
    for i in range(n):
        for j in range(0, m, 3):
            t += i * j
            if i == at and j == 3:
                t = t + 0.25
    return t, i, j


def gen(n, s):
    for i in range(0, n, s):
        if i % 4 == 0:
            yield i
    yield ("last", i)


def osr_long(n):
    t = 0
    i = -1
    for i in range(n):
        t ^= i
    return t, i


def down(a, b):
    out = 0
    for i in range(a, b, -1):
        out = out * 3 + i
        out %= 1000003
    return out, i


# Remainders of a counter by a constant (stepped phis) with strips that end where they wrap.
def rem_up(a, b):
    hits = 0
    t = 0
    for i in range(a, b):
        if i % 100 == 0:
            hits += 1
        t += i % 64
    return hits, t, i


def rem_down(a, b):
    hits = 0
    for i in range(a, b, -1):
        if i % 128 == 7:
            hits += i
    return hits, i


def rem_other(n, stop):
    j = 5
    hits = 0
    for i in range(n, stop, -1):
        if j % 70 == 0:
            hits += 1
        j += 1
    return hits, j, i


def rem_small(n):
    h = 0
    for i in range(n):
        if i % 63 == 0:
            h += 1
    return h, i


def rem_deopt(n, at, big):
    t = 0
    d = 0
    for i in range(n):
        if i % 250 == 1:
            t += 1
        if i == at:
            d = big
        t += d  # into a big int from the iteration after `at`: the add's overflow exit
    return t, i


def nest2(n, m):
    t = 0
    for i in range(n):
        for j in range(m, 0, -1):
            t += j % 100
    return t, i, j


REM = [(0, 1), (0, 100), (1, 101), (-1234, 1234), (37, 2999), (-5000, -4000), (99, 2100), (0, 64),
       (2**62 - 5000, 2**62 - 1), (-2**62, -2**62 + 3001)]


def rem_all(rnd):
    out = []
    for a, b in REM:
        at = b - a - 20 if rnd >= 2 else -1  # the overflow only once compiled (no big int feedback)
        out.append((rem_up(a, b), rem_down(b, a), rem_other(b - a, 0), rem_small(b - a), rem_deopt(b - a, at, 2**62 - 3),
                    nest2(3, b - a)))
    return out


CASES = [
    (0, 0, 1), (0, 1, 1), (0, 2, 1), (0, 3, 1), (5, 5, 1), (5, 4, 1), (3, 0, -1), (3, 3, -1),
    (0, 10, 3), (0, 9, 3), (10, 0, -3), (-5, 5, 2), (5, -5, -2), (0, 10**6, 2**20),
    (2**31 - 3, 2**31 + 3, 1), (2**31 + 3, 2**31 - 3, -1), (2**62 - 4, 2**62 - 1, 1),
    (2**62 - 4, 2**62 + 2, 1), (2**62 - 4, 2**62 + 2, 2), (-2**62 + 3, -2**62 - 3, -1),
    (-2**62 + 3, -2**62 - 3, -2), (2**64, 2**64 + 3, 1), (2**63 - 2, 2**63 + 1, 1),
]


SMALL = [c for c in CASES if all(-2**40 < x < 2**40 for x in c) and abs(c[1] - c[0]) < 100]


def run(rnd):
    out = []
    for a, b, s in CASES:
        out.append((last_unbound(a, b, s), last_kept(a, b, s), last_const(a, b, s)))
    print(rnd, out)
    print(rnd, [last_none(n) for n in (0, 1, 5)], [last_bool(n) for n in (0, 3, 4, 9)])
    print(rnd, [last_arith(n, s) for n, s in ((1, 1), (10, 1), (10, 3), (2**40, 2**38))])
    print(rnd, [after_break(10, at) for at in (0, 3, 9, 20)], [for_else(5, at) for at in (2, 7)])
    print(rnd, [reassigned(n) for n in (1, 5)], seed_like(10**5), seed_like(1))
    print(rnd, overflow_mid(1100, 2**52), overflow_mid(3, 2**62 - 1))
    print(rnd, type_change(1200, 1150), type_change(10, 0), type_change(10, 9))
    print(rnd, raises_at(3000, 2500), raises_at(10, 0), raises_at(5, 9))
    print(rnd, nested(30, 10, 17), nested(4, 1, 2))
    print(rnd, list(gen(20, 1))[-3:], list(gen(30, 7)))
    print(rnd, down(2000, -5), down(1, 0))
    print(rnd, rem_all(rnd))


def warm():
    """Past the JIT's call threshold with small ints (then compiled with their feedback; the other
    functions' loops are long enough to be compiled by OSR); the results tallied (a dict keeps them in first-seen order), printed as a count and a checksum of their reprs."""
    tally = {}
    for k in range(1010):
        a, b, s = SMALL[k % len(SMALL)]
        n = k % 7
        m = n + 1  # at least one iteration where `i` is read after the loop with nothing before it
        lo, hi = min(a, b), max(a, b) + 3
        rs = (last_none(n), last_bool(n), after_break(n + 2, k % 5), for_else(m, 3), overflow_mid(m, k),
              type_change(m, 4), raises_at(m, 2), seed_like(m), down(n, n - 3), rem_up(lo, hi), rem_down(hi, lo),
              rem_other(m, 0), rem_small(m), rem_deopt(m, -1, 2**62 - 3), nest2(2, m))
        rs += tuple((UNBOUND[st](b, a), KEPT[st](a, b)) for st in KEPT)
        if k % 8 and k < 1000:
            continue  # a sample, and every call once compiled (fewer allocations under GC stress)
        for r in rs:
            key = repr(r)
            tally[key] = tally.get(key, 0) + 1
    check = 0
    for key, count in tally.items():
        for ch in key:
            check = (check * 131 + ord(ch)) % 1000000007
        check = (check * 7 + count) % 1000000007
    print(len(tally), sum(tally.values()), check)


def main():
    for rnd in range(2):
        run(rnd)
    warm()
    for rnd in range(2, 4):
        run(rnd)
    print(osr_long(10**5), osr_long(3 * 10**5 + 7))


main()
