# Every dict method.
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), d.get("a", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d.pop("zz", "dflt"), d)
print(d.setdefault("a", 100), d.setdefault("n", []), d)
d["n"].append(1)
print(d.popitem(), d)
d.update({"x": 10}, y=20)
d.update([("z", 30)])
d.update(w=40)
print(d)
e = d.copy()
e["a"] = "changed"
print(d["a"], e["a"], e is d)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
d.clear(); print(d, len(d))
for bad in [lambda: {}["missing"], lambda: {}.pop("p"), lambda: {}.popitem(), lambda: {"k": 1}[("t", 1)], lambda: {1: 2}[2]]:
    try:
        bad()
    except KeyError as e:
        print(type(e).__name__, e, repr(e), e.args)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
print(dict(), dict(a=1, b=2), dict([(1, "x"), (2, "y")]), dict({"k": "v"}, k2="v2"), dict(zip("ab", [1, 2])))
print({**{"a": 1}, "b": 2, **{"a": 3}}, {"a": 1} | {"b": 2}, {"a": 1, "b": 2} | {"a": 9})
f = {"a": 1}
f |= {"c": 3}
f |= [("d", 4)]
print(f, {"a": 1} == {"a": 1.0}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {1: 1} != {1: 2})
print(list(reversed({"x": 1, "y": 2, "z": 3})), list(reversed({"x": 1}.items())), list(reversed({"p": 7}.values())))
g = {1: "int", 1.0: "float", True: "bool"}
print(g, {0: "a", False: "b", 0.0: "c"})
print(sorted({"b": 1, "a": 2}), min({"b": 1, "a": 2}), max({3: "x", 7: "y"}.values()))
