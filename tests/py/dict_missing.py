# dict subclasses with __missing__, counting and grouping idioms.
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "mississippi":
    c[ch] += 1
print(c, c["z"], "z" in c, sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
class AutoList(dict):
    def __missing__(self, key):
        self[key] = []
        return self[key]
groups = AutoList()
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[w[0]].append(w)
print(groups, dict(groups), type(groups).__name__, isinstance(groups, dict))
print(c.get("z", "get ignores missing"), c.get("s"))
class Loud(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print("get", k)
        return super().__getitem__(k)
l = Loud()
l["x"] = 1
print(l["x"], l)
l.update(y=2)
print(l, len(l))
inverted = {}
for k, v in {"a": 1, "b": 2, "c": 1}.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
