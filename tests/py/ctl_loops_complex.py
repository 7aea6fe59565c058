# Loop variable behaviour, modifying loop targets, nested break flags, loops over various iterables.
for i in range(3):
    i = i * 10
    print(i, end=" ")
print()
print("after loop i =", i)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c, end=" ")
print()
for key, val in sorted({"z": 1, "a": 2}.items()):
    print(key, val, end="; ")
print()
for idx, ch in enumerate("hey", start=1):
    print(idx, ch, end=" | ")
print()
found = None
for row in range(5):
    for col in range(5):
        if row * col == 6:
            found = (row, col)
            break
    if found:
        break
print(found)
lst = [1, 2, 3]
for x in lst:
    if x == 2:
        lst.append(99)
    if len(lst) > 6:
        break
print(lst)
s = 0
for x in range(1000):
    if x % 2:
        continue
    if x > 500:
        break
    s += x
print(s)
items = []
for items[len(items):] in [[1], [2], [3]]:
    pass
print(items)
class Obj: pass
o = Obj()
for o.attr in range(3):
    pass
print(o.attr)
d = {}
for d["k"] in "xy":
    pass
print(d)
for _ in range(2):
    for _ in range(2):
        pass
print(_)
