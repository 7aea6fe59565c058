# Dict growth and shrinkage with many keys of several types; order is insertion order throughout.
d = {}
for i in range(20000):
    d[i * 7 % 20011] = i
print(len(d), list(d.items())[:3], list(d)[-3:])
for i in range(0, 20000, 2):
    del d[i * 7 % 20011]
print(len(d), list(d)[:5], sum(d.values()))
for i in range(5000):
    d["s%d" % i] = i
print(len(d), list(d)[9995:10005])
d2 = {}
for i in range(3000):
    d2[(i, str(i))] = i
    d2[float(i) + 0.5] = -i
print(len(d2), d2[(1234, "1234")], d2[99.5], list(d2)[:4])
keys = list(d2)
for k in keys[::3]:
    del d2[k]
print(len(d2), list(d2)[:4], list(d2)[-2:])
d3 = dict.fromkeys(range(100000), 0)
for k in range(0, 100000, 3):
    d3[k] += k
print(len(d3), sum(d3.values()), d3[99999], d3[99998])
d3.clear()
d3["only"] = 1
print(d3)
nested = {}
for i in range(200):
    nested.setdefault(i % 7, {}).setdefault(i % 5, []).append(i)
print({k: {k2: len(v2) for k2, v2 in sorted(v.items())} for k, v in sorted(nested.items())})
