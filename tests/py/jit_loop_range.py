# Counter arithmetic without overflow checks (compiler/hir_opt.c's loop range analysis): `i * k`,
# `i + k`, `i - k` of a counted loop's counter are unchecked when the loop's bounds keep them small
# ints, behind guards at the loop's entries. Bounds beyond (results that are big ints) must fail the
# guard, leave compiled code and recompile with the checks: same results as CPython, whatever the
# order of small and huge ranges, the sign of the step, entry by call or by OSR.
def mul2(lo, hi):
    t = 0
    for i in range(lo, hi):
        t += i * 2
        if i % 1000 == 0:
            t = t % 1_000_000
    return t


def mixed(lo, hi):
    t = 0
    for i in range(lo, hi, 3):
        t ^= i * 1000003 + (i + 12345) - (i - 7) * 3
    return t


def down(lo, hi):
    t = 0
    for i in range(hi, lo, -5):
        t += i * -4 + (i - 99)
    return t


def const_stop(lo):
    t = 0
    for i in range(lo, 4000):
        t += i * 8
        if t > 10 ** 17 or t < -10 ** 17:
            break                 # a huge negative start: leave after a few iterations
    return t


def const_start(hi):
    out = []
    for i in range(-3000, hi, 7):
        out.append(i * 3 + 1)
        if len(out) > 2500:
            break                 # a huge stop: leave early
    return len(out), sum(out), out[-3:]


top = 2 ** 62
for lo, hi in [(0, 5000), (-5000, 5000), (top // 2 - 3000, top // 2 + 3000), (0, 3000), (top - 3000, top - 1),
               (-top, -top + 4000), (-3000, 3000)]:
    print(lo, hi, mul2(lo, hi), mixed(lo, hi), down(lo, hi))
print(const_stop(0), const_stop(-3000), const_stop(-top // 4), const_stop(-top // 8 - 10), const_stop(-top // 8 + 10), const_stop(100))
print(const_start(3000), const_start(top // 3 + 1000), const_start(top - 1), const_start(-2990))


def once(lo, hi):
    # one call with a long loop: compiled by OSR; the OSR entry's counter is past the bound
    t = 0
    for i in range(lo, hi):
        t = (t + i * 2 + (i + 1)) % 1000000007
    return t


print(once(0, 40000), once(top // 2 - 20000, top // 2 + 20000), once(-top // 2 - 20000, -top // 2 + 20000))


def nested(n, m):
    t = 0
    for j in range(n):
        for i in range(m):
            t += i * 5 + j * 7
    return t


print(nested(100, 100), nested(3, 2), nested(0, 5))
