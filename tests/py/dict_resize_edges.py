# Dict table sizes across the index widths (1, 2, 4-byte slots), deletion and reinsertion order,
# clear and reuse, copies of tables of every size, subclasses with attributes, mutation during iteration.

def check_growth(n):
    d = {}
    for i in range(n):
        d["k%d" % i] = i
    assert len(d) == n
    assert all(d["k%d" % i] == i for i in range(0, n, max(1, n // 97)))
    # delete every other key, then reinsert some: order is insertion order of the survivors, then new
    for i in range(0, n, 2):
        del d["k%d" % i]
    for i in range(0, min(n, 10), 2):
        d["k%d" % i] = -i
    keys = list(d)
    print(n, len(d), keys[:3], keys[-3:])
    c = d.copy()
    assert c == d and list(c) == keys
    c.clear()
    print(len(c), c, c.get("k1"), "k1" in c)
    c["again"] = 1
    c.update(d)
    print(len(c), list(c)[:3])
    return d


for n in (0, 1, 5, 6, 11, 127, 128, 200, 40000):
    check_growth(n)

# int keys and mixed keys through the same sizes
d = {i: i * i for i in range(300)}
for i in range(0, 300, 3):
    d.pop(i)
d[0] = "zero"
print(len(d), list(d)[:4], list(d)[-2:])
m = {1: "a", "1": "b", 1.5: "c", (1, 2): "d", None: "e"}
del m["1"]
m["1"] = "again"
print(m)

# popitem / setdefault through resizes
p = {}
for i in range(50):
    p.setdefault(str(i), []).append(i)
while len(p) > 45:
    print(p.popitem())
print(len(p))

# a subclass with instance attributes keeps both across resizes
class D(dict):
    pass

s = D()
s.tag = "t"
for i in range(1000):
    s[i] = i
s.other = [1]
print(type(s).__name__, len(s), s.tag, s.other, s[999])

# mutation while iterating is an error, for every view
for view in ("keys", "values", "items"):
    q = {i: i for i in range(10)}
    try:
        for x in getattr(q, view)():
            q[100] = 0
    except RuntimeError as e:
        print(view, "RuntimeError:", e)
q = {i: i for i in range(10)}
try:
    for k in q:
        del q[k]
except RuntimeError as e:
    print("del RuntimeError:", e)
# replacing values while iterating is allowed
q = {i: i for i in range(10)}
for k in q:
    q[k] = k * 2
print(q)
# a deleted key reinserted goes to the end
q = dict.fromkeys("abcdef")
del q["b"]
q["b"] = 1
print(list(q))
