# Unpacking: tuples, lists, nested, starred targets, swaps, chained assignment, errors.
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = [1, 2, 3]
print(init, tail)
head, *rest = "hello"
print(head, rest)
x, *y = [1]
print(x, y)
p, (q, *r), s = 1, (2, 3, 4), 5
print(p, q, r, s)
i = j = k = []
i.append(1)
print(i, j, k, i is k)
m = n = 5
m += 1
print(m, n)
lst = [0, 0, 0]
lst[0], lst[2] = "a", "c"
print(lst)
dd = {}
dd["k"], dd["v"] = 1, 2
print(dd)
for bad in ["a, b = 1, 2, 3", "a, b = [1]", "a, *b, c = [1]", "a, b = 5", "(a, b), c = 1, 2"]:
    try:
        exec(bad)
    except (ValueError, TypeError) as ex:
        print(type(ex).__name__, ex)
t = 1, 2, 3
u, v, w = t
print(u + v + w, [*t, *t], (*t,), {*"ab"} == {"a", "b"}, [*range(2), *[9]])
print(*[1, 2, 3], sep="-")
def f3(a, b, c): return a * 100 + b * 10 + c
print(f3(*[1, 2], 3), f3(*"123" if False else (4, 5, 6)), f3(1, *(2,), *[3]))
x1, x2 = {"k1": 1, "k2": 2}
print(x1, x2)
(yy) = 7
print(yy)
aa, bb = bb, aa = 1, 2
print(aa, bb)
