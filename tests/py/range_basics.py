# range objects: iteration, indexing, slicing, membership, len, repr, errors.
r = range(10)
print(r, range(2, 8), range(0, 20, 3), range(5, 0, -1), list(range(0)), list(range(-3)), list(range(5, 0, -2)))
print(len(r), len(range(2, 8)), len(range(0, 20, 3)), len(range(10, 0)), len(range(0, -10, -3)), len(range(-5, 5, 2)))
print(r[0], r[-1], r[3], range(0, 20, 3)[2], range(0, 20, 3)[-1], range(10, 0, -3)[1])
print(r[2:5], r[::2], r[::-1], range(0, 20, 3)[1:3], list(r[::-3]), r[100:], list(range(1, 10)[-2:]))
print(5 in r, 10 in r, -1 in r, 3 in range(0, 10, 3), 4 in range(0, 10, 3), 2.0 in r, "a" in r)
print(r.index(4), range(0, 20, 3).index(9), range(0, 20, 3).count(9), r.count(11), r.start, r.stop, r.step)
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(1, 2) == range(1, 3, 5), list(reversed(range(4))))
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True), list(range(2 ** 64, 2 ** 64 + 3)))
big = range(0, 10 ** 18, 7)
print(len(big), big[10 ** 15], 10 ** 17 in big, 7 * 10 ** 16 in big, range(0, 10 ** 20, 7)[10 ** 18], 7 * 10 ** 18 in range(0, 10 ** 20, 7))
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    r[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    r.index(99)
except ValueError as e:
    print(type(e).__name__, e)
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "done"))
for i in range(3, -4, -3):
    print(i, end=" ")
print()
