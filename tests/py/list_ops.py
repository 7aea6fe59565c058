# List as stack/queue, nested lists, aliasing, identity, in-place operations.
stack = []
for i in range(5):
    stack.append(i * i)
print(stack, stack.pop(), stack.pop(), stack)
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue.pop(0), queue)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
bad = [[0] * 3] * 3
bad[0][0] = 9
print(bad, bad[0] is bad[1])
a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b, a == b, a[:] is a, list(a) == a)
c = a
a += [5]
print(c, c is a)
a = a + [6]
print(c, a, c is a)
m = [[1, 2], [3, 4], [5, 6]]
print([row[1] for row in m], [x for row in m for x in row], list(zip(*m)), [list(r) for r in zip(*m)])
nested = [1, [2, [3, [4, [5]]]]]
def flatten(x):
    out = []
    for item in x:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out
print(flatten(nested), nested[1][1][1][0])
r = [1, 2]
r.append(r)
print(r, len(r), r[2] is r)
print(list(reversed([1, 2, 3])), [1, 2, 3][::-1], sum([[1], [2, 3]], []), max([[1, 2], [3]]), min([3, 1, 2]))
lst = list(range(10))
print([x for x in lst if x % 2], lst.__len__(), lst.__getitem__(3), lst.__contains__(4))
lst.__setitem__(0, "zero"); lst.__delitem__(1)
print(lst, [1, 2].__add__([3]), [1].__mul__(3), [1, 2].__eq__([1, 2]))
