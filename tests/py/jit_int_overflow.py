# Small-int arithmetic in compiled loops overflows into big ints with the right values.
def grow(n):
    x = 1
    for i in range(n):
        x = x * 3 + i
    return x


def sums(n, start):
    s = start
    for i in range(n):
        s += 2**61
    return s


def negs(n):
    x = -(2**62) + 5
    for i in range(n):
        x -= 1
    return x


def shifts(n):
    out = []
    for i in range(n):
        out.append((1 << i) >> (i // 2))
    return out[-3:]


def divs(n):
    acc = 0
    for i in range(-n, n):
        if i != 0:
            acc += (7 * i) // i + (i % 7) - (-i // 3) + (i % -4)
    return acc


for _ in range(4):
    print(grow(10), grow(60))
    print(sums(5, 0), sums(5, -2**62))
    print(negs(10))
    print(shifts(70))
    print(divs(50))


def mod_div_errors(xs):
    out = []
    for x in xs:
        try:
            out.append(100 // x)
        except ZeroDivisionError as e:
            out.append(str(e))
        try:
            out.append(100 % x)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out


print(mod_div_errors([3, -3, 0, 7]))
print(mod_div_errors([0]))


def count_to(n):
    i = 0
    total = 0
    while i < n:
        total += i * i
        i += 1
    return total


print(count_to(100000))
print(sum(range(2**62 - 5, 2**62 + 5)))


def big_range(a, b):
    s = 0
    for i in range(a, b):
        s += i
    return s


print(big_range(2**62 - 3, 2**62 + 3))
print(big_range(-2**62 - 3, -2**62 + 3))
print(big_range(2**63 - 2, 2**63 + 2))
