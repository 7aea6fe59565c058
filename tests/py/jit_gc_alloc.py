# Allocation-heavy compiled loops: the collector runs from compiled back-edges and calls.
import gc


class Node:
    __slots__ = ("left", "right", "val")

    def __init__(self, left, right, val):
        self.left = left
        self.right = right
        self.val = val


def make(d):
    if d == 0:
        return Node(None, None, 1)
    return Node(make(d - 1), make(d - 1), d)


def check(n):
    if n.left is None:
        return n.val
    return n.val + check(n.left) + check(n.right)


total = 0
for i in range(30):
    total += check(make(8))
print(total)


def floats(n):
    xs = []
    acc = 0.0
    for i in range(n):
        acc = acc * 0.5 + i
        xs.append(acc)
        if len(xs) > 100:
            xs = xs[50:]
    return round(acc, 3), len(xs)


print(floats(100000))
gc.collect()


def strings(n):
    s = ""
    parts = []
    for i in range(n):
        parts.append(str(i) * 3)
        if len(parts) == 50:
            s = "".join(parts)[-20:]
            parts = []
    return s


print(strings(20000))
