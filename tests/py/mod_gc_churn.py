# Allocation churn with cycles, closures, generators and dicts, collected periodically; results must survive.
import gc
class Node:
    def __init__(self, val):
        self.val = val
        self.children = []
        self.parent = None
def build(depth, val):
    n = Node(val)
    if depth:
        for i in range(2):
            c = build(depth - 1, val * 2 + i)
            c.parent = n
            n.children.append(c)
    return n
def total(n):
    return n.val + sum(total(c) for c in n.children)
keep = []
for round_ in range(30):
    t = build(7, round_)
    if round_ % 10 == 0:
        keep.append(t)
    s = total(t)
    cyc = [[] for _ in range(100)]
    for i in range(100):
        cyc[i].append(cyc[(i + 1) % 100])
    closures = [(lambda k=k: k * round_) for k in range(50)]
    gen = (x * x for x in range(100))
    d = {i: [i] * 3 for i in range(200)}
    if round_ % 7 == 0:
        gc.collect()
print(len(keep), [total(k) for k in keep], keep[1].children[1].children[0].parent.val)
print(s, sum(f() for f in closures), next(gen), next(gen), len(d), d[199])
strings = []
for i in range(5000):
    strings.append(("x%d" % i) * (i % 5))
    if i % 1000 == 999:
        gc.collect()
print(len(strings), strings[4999][:10], sum(len(s) for s in strings))
