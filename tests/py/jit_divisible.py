# `x % d == 0` / `!= 0` with a constant d in compiled loops (compiler/x86.cpp's divisibility test on
# tagged words): odd, even and power-of-two divisors, negative numbers, and the ends of the small-int
# range (beyond it values are big ints and take the generic path).
def count_multiples(lo, hi, step):
    c = [0] * 12
    for x in range(lo, hi, step):
        if x % 3 == 0:
            c[0] += 1
        if x % 7 == 0:
            c[1] += 1
        if x % 10 == 0:
            c[2] += 1
        if x % 12 != 0:
            c[3] += 1
        if x % 16 == 0:
            c[4] += 1
        if x % 1000 == 0:
            c[5] += 1
        if x % 999 == 0:
            c[6] += 1
        if x % 1000003 == 0:
            c[7] += 1
        if x % 2 == 0:
            c[8] += 1
        if x % 48 == 0:
            c[9] += 1
        if x % 4611686018427387903 == 0:
            c[10] += 1
        if x % 6 != 0:
            c[11] += 1
    return c


print(count_multiples(-50000, 50000, 1))
print(count_multiples(-10 ** 9, 10 ** 9, 9999991))
top = 2 ** 62
print(count_multiples(top - 5000, top + 5000, 1))
print(count_multiples(-top - 5000, -top + 5000, 1))
print(count_multiples(-(2 ** 63), 2 ** 63, 2 ** 57 + 12345))
