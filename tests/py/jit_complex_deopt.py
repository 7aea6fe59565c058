# Complex values reaching arithmetic sites that compiled code specialised for ints and floats: the
# guards fail and the interpreter finishes (or the generic path computes), with the same results as
# CPython. Every golden test also runs with KRAIT_JIT_THRESHOLD=0 (compiled at the first call).


def acc(xs):
    s = 0
    for x in xs:
        s = s + x * 2 - 1
        s += x / 2
    return s


def mul(a, b):
    return a * b + a - b


def powloop(n, base):
    r = 1
    for i in range(n):
        r = r * base
    return r


def switch(n):
    # a float loop whose value turns complex half way: x ** 0.5 of a negative float
    t = 0.0
    x = 4.0
    for i in range(n):
        t += x ** 0.5
        if i == n // 2:
            x = -x
    return t


def compare(a):
    return [a == 1, a != 1.0, abs(a), -a, a ** 2, bool(a), hash(a) == hash(complex(a)), a * 1j]


def floats(n, z):
    # unboxed float arithmetic, then a complex operand from the argument
    f = 0.5
    for i in range(n):
        f = f * 1.0001 + i
    return f + z, f * z, f - z, z / f


for _ in range(3):
    print(acc([1, 2, 3]), acc([1.5, 2.5]), acc([1, 2.5, 3j, 4]), acc([1j] * 5))
for i in range(3000):
    mul(i, 2)
    mul(1.5, i)
print(mul(3, 1j), mul(1j, 2.5), mul(1 + 1j, 1 - 1j), mul(2.0, 3), mul(2 ** 70, 1j))
print(powloop(10, 1 + 1j), powloop(10, 2), powloop(10, 0.5), powloop(3, -1j))
print(switch(1000), switch(10))
for v in (1, 1.0, 1 + 0j, 2j, -1.5, complex(0, -0.0), True):
    print(compare(v))
for _ in range(2):
    print(floats(2000, 0.5), floats(2000, 1j), floats(10, -2 + 3j))


def loop_sum(n):
    z = 0j
    for k in range(n):
        z += complex(k, -k) * 1j
        z -= k
    return z


print(loop_sum(1000), loop_sum(3))
