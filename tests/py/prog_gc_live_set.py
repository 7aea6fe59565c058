# A live set that grows, shrinks and grows again, with C loops (max, sorted, min, map) calling
# Python key functions that allocate: the collector's pacing (pool trimming, collections at the
# return of a Python function called from C) must keep every live value intact.
import gc


def build(n, tag):
    return [("%s%06d" % (tag, i), [i, -i], i * 0.5) for i in range(n)]


def check(rows, tag):
    total = 0
    for name, pair, half in rows:
        i = int(name[len(tag):])
        assert pair == [i, -i] and half == i * 0.5, (name, pair, half)
        total += pair[0]
    return total


big = build(3000, "a")
print("grown", len(big), check(big, "a"))
# a C loop calling a loop-free lambda that allocates at every call
best = max(big, key=lambda r: (r[1][0] % 997, r[0]))
print("max", best[0], best[1])
worst = min(big, key=lambda r: (-(r[1][0] % 991), [r[0]]))
print("min", worst[0])
order = sorted(big[:1000], key=lambda r: (str(r[1][1]), r[2]))
print("sorted", order[0][0], order[-1][0], len(order))
lengths = list(map(lambda r: len(r[0]) + len(r[1]), big))
print("map", sum(lengths), len(lengths))
# the live set shrinks to a small part of it
keep = big[::10]
big = None
order = None
lengths = None
gc.collect()
print("shrunk", len(keep), check(keep, "a"))
# a phase of big strings only (no small objects) then small ones again
blobs = ["x" * (10000 + i) for i in range(5)]
print("blobs", sum(len(b) for b in blobs))
blobs = None
floats = 0.0
for i in range(5000):
    floats += (i * 0.25) ** 0.5
print("floats", round(floats, 3))
# grows again, with values of changing types
again = build(2000, "b")
again[123] = ("b000123", [123, -123], 61.5)
mixed = [x if k % 3 else str(x) for k, x in enumerate(range(2 ** 62, 2 ** 62 + 2000))]
print("regrown", check(again, "b"), len(mixed), mixed[1] - 2 ** 62, mixed[3])
print("kept", check(keep, "a"), keep[-1][0])
