# set and frozenset: every method and operator (printed sorted).
a = {1, 2, 3, 4}
b = {3, 4, 5}
S = sorted
print(S(a | b), S(a & b), S(a - b), S(b - a), S(a ^ b))
print(S(a.union(b, [9])), S(a.intersection(b, {4})), S(a.difference(b, {1})), S(a.symmetric_difference([1, 10])))
print(a <= a, {1, 2} <= a, {1, 2} < a, a < a, a >= {1}, a > {1}, a == {4, 3, 2, 1}, a != b)
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7, 8}), a.isdisjoint(b))
c = set(a)
c.add(10); c.add(1); print(S(c), len(c))
c.remove(10); c.discard(99); c.discard(1); print(S(c))
try:
    c.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
p = {42}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print(type(e).__name__, e)
d = {1, 2, 3}
d |= {4}; d &= {2, 3, 4, 5}; d -= {3}; d ^= {2, 9}; print(S(d))
d.update([20, 21], (22,)); print(S(d))
d.intersection_update({20, 21, 22, 4}); print(S(d))
d.difference_update({20}); print(S(d))
d.symmetric_difference_update({21, 30}); print(S(d))
e = d.copy(); e.clear(); print(S(d), e, len(e))
f = frozenset([3, 1, 2])
print(S(f), S(f | {9}), type(f | {9}).__name__, type({9} | f).__name__, f == {1, 2, 3}, {f: "hashable"}[frozenset({1, 2, 3})])
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
print(set(), frozenset(), set("aab") == {"a", "b"}, S(set(range(5))), S({x % 3 for x in range(10)}), {5}, frozenset({7}))
print(len({1, 1.0, True}), {1, 2} == frozenset({1, 2}), 2 in frozenset([2]), S({-1, -5, 3, 0}))
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1} < [1]
except TypeError as e:
    print(type(e).__name__, e)
words = {"pear", "apple", "fig"}
print(S(words), S(w.upper() for w in words), "fig" in words, S(words - {"fig"}))
