# iter() and next() on every builtin iterable, with defaults and exhaustion.
for obj in ["ab", [1, 2], (3, 4), {5: 0, 6: 0}, range(2), b"xy", bytearray(b"z"), {"k": 1}.values(), {"k": 1}.items(), frozenset([7])]:
    it = iter(obj)
    print(type(obj).__name__, next(it), list(it), next(it, "done"))
it = iter([])
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
s = iter({8, 9})
print(sorted([next(s), next(s)]))
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), next(di), next(di, None))
