# A loop variable changes type while the function runs compiled: int -> float -> str, and back.
def accumulate(values):
    total = 0
    for v in values:
        total = total + v
    return total


def mixed(n):
    x = 0
    out = []
    for i in range(n):
        if i == n // 3:
            x = float(x)
        elif i == 2 * n // 3:
            x = str(x)
        if isinstance(x, str):
            x = x + "."
        else:
            x = x + i
        out.append(type(x).__name__)
    return x, out.count("int"), out.count("float"), out.count("str")


for _ in range(3):
    print(accumulate(list(range(100))))
    print(accumulate([0.5] * 10))
print(accumulate([1, 2.5, 3, 4.25]))
print(accumulate([[1], [2, 3]]) if False else accumulate([10, 20]))
try:
    accumulate([1, "a"])
except TypeError as e:
    print("TypeError:", e)
for n in (30, 300):
    r = mixed(n)
    print(len(r[0]), r[1:])


def floats(n):
    a = 1.0
    b = 0
    for i in range(n):
        a = a * 1.0001 + i
        b = b + a / (i + 1)
        if i % 50 == 0:
            b = b - 1
    return round(a, 6), round(b, 6)


for _ in range(5):
    print(floats(200))


def compare_mix(xs):
    c = 0
    for x in xs:
        if x < 10:
            c += 1
        if x == 3.0:
            c += 100
    return c


print(compare_mix([1, 2, 3, 20, 30]))
print(compare_mix([1.5, 3.0, 11.0]))
print(compare_mix([2**70, -2**70, 3]))
print(compare_mix([float("nan"), float("inf"), -float("inf")]))
