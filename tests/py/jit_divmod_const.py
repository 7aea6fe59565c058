# Floor division and modulo of small ints by constants in compiled loops (multiply-high sequences,
# mulx where the CPU has BMI2), over negative values, values near the small-int limits and divisors
# past 32 bits; and a loop-carried value that lives across a constant modulo.
M = 2**62


def vals():
    out = [0, 1, -1, 2, -2, 7, -7, 999, -999, 1000, -1000, 10**6, -10**6, 2**31, -2**31, 2**32 + 5]
    out += [M - 1, -M, M - 2, -M + 1, M // 3, -M // 3, 123456789012345, -123456789012345]
    return out


def divmods(xs):
    acc = []
    for x in xs:
        acc.append((x // 3, x % 3, x // 7, x % 7, x // 10, x % 10, x // 1000, x % 1000))
        acc.append((x // 1000003, x % 1000003, x // (2**31 - 1), x % (2**31 - 1), x // 2**31 + 0, x % 2**31))
        acc.append((x // (2**40 + 3), x % (2**40 + 3), x // 6, x % 6, x // 12, x % 12))
    return acc


def carried(n):
    total = 0
    k = 5
    for i in range(n):
        total += i * 2 + k
        k = (k * 7) % 1009
        if i % 100 == 0:
            total = total % 1_000_003
    return total, k


xs = vals()
for _ in range(40):
    r = divmods(xs)
    c = carried(3000)
for row in r:
    print(row)
print(c, carried(0), carried(1))
