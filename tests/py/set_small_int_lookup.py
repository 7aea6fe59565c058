# Small-int keys in sets are probed by word comparison (vm/set.c set_lookup) unless an entry of the
# same hash is another kind of object: equal floats, bools, big ints and __eq__ objects still match.


class Eq:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return other == self.v


s = {3.0, True, 2 ** 61 + 5, Eq(7), -1, -2, 10}
for k in (3, 1, True, 2 ** 61 + 5, 4, 7, -1, -2, 10, 0, 2 ** 61 - 1):
    print(k, k in s)
t = set(range(-50, 50))
for k in range(-60, 60, 7):
    t.discard(k)
print(sorted(t)[:10], len(t), -1 in t, -2 in t, 49 in t, 50 in t)
u = set()
for rnd in range(200):
    u.add(rnd % 17)
    u.discard((rnd * 7) % 17)
print(sorted(u), 3 in u, 3.0 in u, 16 in u)
print({1, 1.0, True}, {0, False, 0.0}, 2 ** 61 - 1 in {2 ** 61 - 1}, hash(-1), hash(2 ** 61 - 1), hash(2 ** 61))
