# gc module: collect, enable/disable/isenabled, and objects surviving collections (cycles freed).
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(type(gc.collect()).__name__)
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
keep = []
for i in range(1000):
    a, b = Node("a%d" % i), Node("b%d" % i)
    a.other, b.other = b, a
    if i % 100 == 0:
        keep.append(a)
gc.collect()
print(len(keep), [n.name for n in keep[:3]], keep[5].other.name, keep[5].other.other is keep[5])
big = [[j for j in range(50)] for _ in range(2000)]
del big
gc.collect()
lst = []
for i in range(20000):
    lst.append({"i": i, "s": str(i), "t": (i, i * 2)})
    if i % 5000 == 0:
        gc.collect()
print(len(lst), lst[12345], sum(d["t"][1] for d in lst))
gc.disable()
junk = [[k] * 10 for k in range(5000)]
gc.enable()
print(len(junk), junk[4999][9])
