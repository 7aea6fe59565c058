"""Membership of small ints in sets (answered from a bitmap for sets of small ints): every operation
that adds or removes keys keeps `in`, add and remove exact, at the bitmap's range edges and beyond,
when floats/bools/big ints join the set, and through copies, set algebra and the in-place updates."""
import random

EDGES = [-200, -65, -64, -63, -1, 0, 1, 2, 63, 64, 127, 190, 191, 192, 193, 1000, 2**62, -2**62, 2**70]


def probe(s):
    return [x for x in EDGES if x in s] + [(x, x in s) for x in (1.0, 3.0, True, False, -64.0, 191.0)]


s = set()
for x in EDGES:
    s.add(x)
print(sorted(s) == sorted(EDGES), probe(s))
for x in EDGES[::2]:
    s.remove(x)
print(probe(s))
for x in EDGES[::2]:
    s.discard(x)
    s.discard(x)
print(probe(s), len(s))
try:
    s.remove(-64)
except KeyError as e:
    print("KeyError", e)
s.add(3.0)          # now mixed: 3.0 == 3
print(3 in s, 3.0 in s, 4 in s)
s.add(True)         # True == 1
print(1 in s, True in s, 1.0 in s)
s.clear()
print(probe(s), len(s))
s.update([5, 6, 7])
print(5 in s, 6 in s, 8 in s, s.pop() in (5, 6, 7), len(s))

# copies and the algebra
a = set(range(-70, 200, 3))
b = set(range(-70, 200, 5))
for name, r in [("copy", a.copy()), ("set()", set(a)), ("frozenset", frozenset(a)), ("|", a | b),
                ("&", a & b), ("-", a - b), ("^", a ^ b)]:
    print(name, len(r), [x for x in range(-70, 200) if x in r] == sorted(r))
c = set(a)
c &= b
print("&=", [x for x in range(-70, 200) if x in c] == sorted(c))
c = set(a)
c -= b
print("-=", [x for x in range(-70, 200) if x in c] == sorted(c))
c = set(a)
c ^= b
print("^=", [x for x in range(-70, 200) if x in c] == sorted(c))
c = set(a)
c |= b
print("|=", [x for x in range(-70, 200) if x in c] == sorted(c))
c = set(a)
c.intersection_update(b, range(0, 100))
print("intersection_update", [x for x in range(-70, 200) if x in c] == sorted(c))
c = set(a)
c.difference_update(range(0, 100))
print("difference_update", [x for x in range(-70, 200) if x in c] == sorted(c))
c = set(a)
c.symmetric_difference_update(range(0, 100))
print("symmetric_difference_update", [x for x in range(-70, 200) if x in c] == sorted(c))
print(list({1, 2, 3} & {2, 3, 4}), 2 in frozenset({1, 2}) & {2})

# a random walk of adds and removes against a list model; also the iteration order (CPython's)
rng = random.Random(7)
s = set()
model = []
for step in range(20000):
    x = rng.randrange(-80, 210)
    op = rng.random()
    if op < 0.45:
        s.add(x)
        if x not in model:
            model.append(x)
    elif op < 0.9:
        s.discard(x)
        if x in model:
            model.remove(x)
    else:
        assert (x in s) == (x in model), (step, x)
    if step % 4000 == 0:
        print(step, len(s), sorted(s) == sorted(model), list(s)[:12])
print(all((x in s) == (x in model) for x in range(-100, 250)))

# nqueens-style: add/remove around recursion
def queens(n):
    cols, d1, d2 = set(), set(), set()
    count = 0

    def place(row):
        nonlocal count
        if row == n:
            count += 1
            return
        for c in range(n):
            if c in cols or (row - c) in d1 or (row + c) in d2:
                continue
            cols.add(c)
            d1.add(row - c)
            d2.add(row + c)
            place(row + 1)
            cols.remove(c)
            d1.remove(row - c)
            d2.remove(row + c)
    place(0)
    return count, list(cols), list(d1), list(d2)


print([queens(n)[0] for n in range(1, 9)])
