# tuples: construction, packing, immutability, methods, comparison, hashing.
t = (1, "two", 3.0, None, (5, 6))
print(t, len(t), t[1], t[-1][0], t[1:3], t[::-1], (), (1,), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)))
u = 1, 2, 3
print(u, type(u).__name__, u.count(2), u.index(3), (1, 2, 1, 1).count(1), (1, 2) + (3,), (0,) * 3, 2 * (1, 2))
try:
    u[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    u.index(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    u[10]
except IndexError as e:
    print(type(e).__name__, e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 3), (2,) > (1, 100), (1, 2) == (1, 2), (1, 2) == [1, 2], () < (0,))
d = {(1, 2): "pair", (1,): "single"}
print(d[(1, 2)], d[1,], hash((1, 2)) == hash((1, 2)), (1, [2]) != (1, [3]))
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
m = ([1], [2])
m[0].append(9)
print(m, 2 in u, 9 not in u, max(u), sum(u), sorted((3, 1, 2)), tuple(reversed(u)))
a, b, c = u
print(a, b, c)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested), repr((1,)), repr(()), str((("a",),)))
print(tuple(x * 2 for x in u), (1, 2).__len__(), (1, 2).__getitem__(0), (1, 2).__contains__(2))
