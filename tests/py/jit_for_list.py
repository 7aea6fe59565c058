# FOR_ITER over lists in compiled loops: the inline list-iterator step, lists growing and shrinking
# while iterated, nested loops, iterators of other kinds at the same site, and an exhausted iterator
# reused.
def total(seq):
    s = 0
    for x in seq:
        s += x
    return s


data = list(range(1000))
for _ in range(5):
    print(total(data), total((1, 2, 3)), total(range(10)), total({4: 0, 5: 0}), total(x for x in range(4)))


def grow(n):
    items = [1]
    seen = 0
    for x in items:
        seen += 1
        if len(items) < n:
            items.append(x + 1)
    return seen, items[-1]


def shrink(items):
    seen = []
    for x in items:
        seen.append(x)
        if items:
            items.pop()
    return seen


for _ in range(3):
    print(grow(3000), shrink(list(range(10))))


def nested(rows):
    out = 0
    for row in rows:
        for v in row:
            out = out * 31 + v & 0xFFFFFFFF
    return out


print(nested([[i * j for j in range(30)] for i in range(300)]))
it = iter([1, 2, 3])
print(total(it), total(it))


def break_out(seq):
    for i, x in enumerate(seq):
        if x > 500:
            return i
    return -1


print([break_out(list(range(k, 2000))) for k in range(0, 600, 100)])
