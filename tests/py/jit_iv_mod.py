# `iv % C` of a loop's induction variable (compiler/hir_opt.c's strength reduction: a remainder phi
# stepped with one add and a conditional correction): negative starts and steps, steps that do not
# divide C and steps >= C (not reduced), several divisors, the loop variable reassigned in the body,
# while loops with += and -=, a path that resets the variable, outer variables used in an inner loop,
# OSR entries in the middle of a long loop, and counters at the ends of the small-int range.
def run(f, lo, hi):
    return f(lo, hi)


# each loop's step and divisor are literals (constants in the compiled loop); the bounds vary
def up1_by1000(lo, hi):
    total = 0
    zeros = 0
    for i in range(lo, hi):
        total += (i % 1000) * 3 + i
        zeros += (i % 1000) == 0
    return total, zeros


def up1_by7(lo, hi):
    total = 0
    zeros = 0
    for i in range(lo, hi):
        if i % 7 == 0:
            total += (0) * 3 + i
            zeros += (0) == 0
        else:
            total += (i % 7) * 3 + i
            zeros += (i % 7) == 0
    return total, zeros


def up3_by7(lo, hi):
    total = 0
    zeros = 0
    for i in range(lo, hi, 3):
        total += (i % 7) * 3 + i
        zeros += (i % 7) == 0
    return total, zeros


def down1_by13(lo, hi):
    total = 0
    zeros = 0
    for i in range(hi, lo, -1):
        total += (i % 13) * 3 + i
        zeros += (i % 13) == 0
    return total, zeros


def down7_by10(lo, hi):
    total = 0
    zeros = 0
    for i in range(hi, lo, -7):
        total += (i % 10) * 3 + i
        zeros += (i % 10) == 0
    return total, zeros


def up2_by3(lo, hi):
    total = 0
    zeros = 0
    for i in range(lo, hi, 2):
        total += (i % 3) * 3 + i
        zeros += (i % 3) == 0
    return total, zeros


def up1_by2(lo, hi):
    total = 0
    zeros = 0
    for i in range(lo, hi):
        total += (i % 2) * 3 + i
        zeros += (i % 2) == 0
    return total, zeros


def up9_by9(lo, hi):         # step == C: not reduced
    total = 0
    zeros = 0
    for i in range(lo, hi, 9):
        total += (i % 9) * 3 + i
        zeros += (i % 9) == 0
    return total, zeros


def up10_by7(lo, hi):        # step > C: not reduced
    total = 0
    zeros = 0
    for i in range(lo, hi, 10):
        total += (i % 7) * 3 + i
        zeros += (i % 7) == 0
    return total, zeros


def down5_by6(lo, hi):
    total = 0
    zeros = 0
    for i in range(hi, lo, -5):
        total += (i % 6) * 3 + i
        zeros += (i % 6) == 0
    return total, zeros


def up1_bylarge(lo, hi):     # the largest reduced divisor, and the first one that is not
    total = 0
    zeros = 0
    for i in range(lo, hi):
        total += (i % 536870911 + i % 536870912) * 3 + i
        zeros += (i % 536870911 + i % 536870912) == 0
    return total, zeros


def up1_byneg(lo, hi):       # a negative divisor: not reduced
    total = 0
    zeros = 0
    for i in range(lo, hi):
        total += (i % -7) * 3 + i
        zeros += (i % -7) == 0
    return total, zeros


for f in [up1_by1000, up1_by7, up3_by7, down1_by13, down7_by10, up2_by3, up1_by2, up9_by9, up10_by7, down5_by6,
          up1_bylarge, up1_byneg]:
    print(f.__name__, run(f, 0, 5000), run(f, -4321, 4321), run(f, -6001, -17), run(f, 5, 5), run(f, 3, 4))


def multi(n):
    a = b = c = d = 0
    for i in range(-n, n):
        a += i % 10
        b += i % 10 == 0          # the same divisor twice
        c += i % 97
        d += (i % 4) * (i % 97)
    return a, b, c, d


print(multi(3000))


def reassigned(n):
    acc = []
    for i in range(n):
        i = i * 3 + 1             # the variable is no longer the counter
        if i % 7 == 0:
            acc.append(i)
    return len(acc), sum(acc)


print(reassigned(5000))


def while_up(lo, hi):
    i = lo
    out = 0
    while i < hi:
        out += i % 11
        if i % 11 == 1:
            out += 1000
        i += 3
    return out, i % 11


def while_up1(lo, hi):
    i = lo
    out = 0
    while i < hi:
        out += i % 2
        i = 1 + i
    return out


def while_down(lo, hi):
    i = hi
    out = 0
    while i > lo:
        out = out * 31 + i % 1000 & 0xFFFFFFFF
        i -= 2
    return out


print(while_up(-7000, 7000), while_up(0, 9000), while_up1(-2, 9001), while_down(-7000, 7000), while_down(-9000, 100))


def resets(n):
    i = 0
    seen = 0
    k = 0
    while k < n:
        k += 1
        seen += i % 17
        if i == 150:
            i = -23               # another input of the phi: its remainder is computed anew
        else:
            i += 2
    return seen, i


print(resets(8000))


def nested(n, m):
    out = 0
    for j in range(n):
        for i in range(m):
            out += (j % 3) * 10 + i % 4
    return out


print(nested(60, 70))


def long_loop(n):
    # called once: compiled by OSR in the middle of the loop (the entry computes i % C from i)
    total = 0
    for i in range(-n, n, 3):
        total += i * 2
        if i % 1000 == 0:
            total = total % 1_000_000
    return total


print(long_loop(300000))
top = 2 ** 62
print(run(up1_by1000, top - 3000, top - 1), run(down7_by10, top - 3000, top - 1))
print(run(up1_by1000, top - 3000, top + 3000))     # big ints past the end: the generic path
print(run(up3_by7, -top, -top + 3000), run(down1_by13, -top - 1, -top + 3000))
print(while_up(top - 3000, top + 40))              # i += 3 overflows the small ints mid-loop
print(while_down(-top - 40, -top + 3000))          # i -= 2 likewise


def two_steps(n):
    # two back-edges that advance i by different steps, and a continue
    i = -500
    t = 0
    while i < n:
        t += i % 9
        if i % 9 == 4:
            i += 5
            continue
        i += 2
        t += i % 9 * 10
    return t, i


def for_continue_break(n):
    t = 0
    for i in range(-n, n, 2):
        if i % 5 == 1:
            continue
        if i > n - 7:
            break
        t = t * 3 + i % 5 & 0xFFFFFF
    return t


print(two_steps(6000), two_steps(-400), for_continue_break(5000), for_continue_break(3))
