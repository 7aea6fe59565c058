# `acc += i * 2` with an unchecked i * 2 (a counted loop's bounded counter) folded into the add's lea
# (compiler/x86.cpp foldsIntoAdd): the product is never computed on the hot path, so an overflow of
# the add (into big ints) must rebuild it for the interpreter, which redoes the add from it. Going up
# and down, negative counters, the product read again (then not folded), and other multipliers.


def up(n, t0):
    t = t0
    for i in range(n):
        t += i * 2
    return t, i


def down(a, b, t0):
    t = t0
    for i in range(a, b, -1):
        t += i * 2
    return t, i


def twice(n, t0):
    t = t0
    u = 0
    for i in range(n):
        m = i * 2
        t += m
        u ^= m
    return t, u, i


def three(n, t0):
    t = t0
    for i in range(-n, n):
        t += i * 3
    return t, i


for t0 in (0, 2**62 - 10**6, 2**62 - 1, -2**62, 2**63, -(2**62) + 10**6):
    print(up(5000, t0), up(1, t0), down(2500, -2500, t0), down(0, -5000, t0), twice(3000, t0), three(3000, t0))
for n in (1, 2, 999, 1000, 1001, 3000):
    print(n, up(n, 7), down(n, -n, -7), three(n, 0))
