# list.sort / sorted compare keys of one kind (small ints, floats, strs, tuples headed by small ints)
# without calls (vm/listsort.c sort_kind): results, stability and errors must be those of the generic
# comparison.
import random

rng = random.Random(5)
ints = [rng.randrange(-1000, 1000) for _ in range(300)]
print(sorted(ints)[:10], sorted(ints, reverse=True)[:10])
print(sorted(ints + [2 ** 70, -(2 ** 70)])[:3], sorted([3, True, 0, False, 2, -1]))
big = [2 ** 62 - 1, -(2 ** 62), 0, 2 ** 61, -5]
print(sorted(big))
floats = [rng.uniform(-5, 5) for _ in range(200)] + [0.0, -0.0, float("inf"), float("-inf")]
fs = sorted(floats)
print(fs[:3], fs[-3:], [repr(x) for x in fs if x == 0])
nan = float("nan")
# (where a NaN ends up depends on which comparisons the algorithm makes: Krait's merge sort is not
# CPython's timsort, so only a NaN already in place is checked)
print(sorted([1.0, 2.0, nan]))
print(sorted([1.5, 1, 0.5, True]))
strs = ["b", "a", "é", "ab", "", "A", "€", "😀", "aa", "b" * 3, "ba"] * 3
print(sorted(strs))
print(sorted(strs, key=str.lower, reverse=True))
recs = [(rng.randrange(5), i, str(i)) for i in range(60)]
print(sorted(recs)[:8])
print(sorted(recs, key=lambda r: (r[0], -r[1]))[:8])
print(sorted([(1,), (0, 5), (1, 2), (0,)]))


class Weird:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if self.v == 13 or other.v == 13:
            raise ValueError("weird 13")
        return self.v < other.v

    def __repr__(self):
        return "W%d" % self.v


print(sorted([(2, Weird(1)), (1, Weird(5)), (2, Weird(0))]))
try:
    sorted([(1, Weird(13)), (1, Weird(2))] * 3)
except ValueError as e:
    print("ValueError", e)
for bad in ([1, "a"], [1.5, "x"], ["x", 1], [(1, 2), (1, "a")], [(1,), [1]]):
    try:
        print(sorted(bad))
    except TypeError as e:
        print("TypeError", e)
stable = sorted([(i % 3, "x%d" % i) for i in range(12)], key=lambda t: t[0])
print(stable)
lst = [5, 3, 1]


class Mut:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        lst.append(0)
        return self.v < other.v


items = [(1, Mut(2)), (1, Mut(1))]
try:
    items.sort()
    print("sorted", [t[1].v for t in items])
except ValueError as e:
    print("ValueError", e)
a = list(range(50, 0, -1))
a.sort()
print(a[:5], a == list(range(1, 51)))
