# Dict views: dynamic, set operations, iteration, len, membership.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
d["d"] = 4
print(list(k), list(v), list(it), len(k), len(v), len(it))
print("a" in k, 4 in v, ("b", 2) in it, ("b", 3) in it, "z" in k)
print(sorted(k & {"a", "z", "d"}), sorted(k | {"q"}), sorted(k - {"a"}), sorted(k ^ {"a", "y"}))
print(sorted(it & {("a", 1), ("b", 9)}), k == {"a", "b", "c", "d"}, k <= {"a", "b", "c", "d", "e"}, k.isdisjoint({"x"}))
del d["a"]
print(list(k), list(reversed(k)), list(reversed(v)), list(reversed(it)))
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(k.mapping == d if hasattr(k, "mapping") else "no mapping")
try:
    d.keys()[0]
except TypeError as e:
    print(type(e).__name__, e)
dd = {}
for i in range(20):
    dd[i] = i * i
for i in range(0, 20, 2):
    del dd[i]
print(dd, list(dd.keys())[:3], sum(dd.values()))
dd[0] = "back"
print(list(dd)[-1], len(dd))
e = dict.fromkeys(range(5), 0)
for key, val in e.items():
    e[key] = key * 10
print(e)
print({x: x % 3 for x in range(6)}.values() == {x: x % 3 for x in range(6)}.values())
