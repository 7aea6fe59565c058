# Accumulators updated in place by compiled code (`acc += x`, `i += 1`, `n -= 7`) that overflow the
# small ints mid-loop: the exit undoes the wrapped add, so the interpreter resumes with exact values.
M = 2**62


def add_const(n):
    x = M - 50
    for k in range(n):
        x += 7
    return x - M, k


def sub_const(n):
    x = -M + 50
    k = 0
    while k < n:
        x -= 7
        k += 1
    return x + M, k


def add_var(n, d):
    acc = M - 1000
    for i in range(n):
        acc += d + i
    return acc - M, i


def add_var_left(n, d):
    acc = -M + 1000
    for i in range(n):
        acc = acc + (-d - i)
    return acc + M, i


def count_up(start, n):
    i = start
    steps = 0
    while steps < n:
        i += 1
        steps += 1
    return i - M, steps


def twice(n):
    a = M // 2 - 10
    b = 0
    for i in range(n):
        a += a
        b += 1
        if a > M:
            a = a - M
    return a, b


for _ in range(1100):
    r = (add_const(5), sub_const(5), add_var(5, 1), add_var_left(5, 1), count_up(M - 100, 10), twice(1))
print(r)
print(add_const(20), sub_const(20), add_var(100, 3), add_var_left(100, 3))
print(count_up(M - 5, 10), twice(3))
print(add_var(10, 0.5), add_var(10, 2**70))
