# hash(): numeric equality rules and container hashability (no raw hash values are printed).
print(hash(0) == hash(0.0) == hash(False), hash(1) == hash(1.0), hash(-1) == hash(-1.0), hash(2 ** 64) == hash(float(2 ** 64)))
print(hash(1.5) == hash(1.5), hash(()) == hash(()), hash((1, "a")) == hash((1, "a")), hash(None) == hash(None))
print(type(hash("x")).__name__, type(hash(3.7)).__name__, hash(42) == 42, hash(-42) == -42)
for obj in [[], {}, set(), bytearray()]:
    try:
        hash(obj)
    except TypeError as e:
        print(type(e).__name__, e)
print(len({1, 1.0, True}), len({0, 0.0, False, -0.0}), len({"a", "a"}), len({(1, 2), (1, 2)}), len({frozenset([1]), frozenset([1])}))
d = {1: "one"}
print(d[1.0], d[True], {0.5: "half"}[1 / 2])
a = object()
print(hash(a) == hash(a), a == a, id(a) == id(a))
