# Mutating lists while iterating via index, enumerate/zip usage, list equality of nested.
a = list(range(10))
i = 0
while i < len(a):
    if a[i] % 3 == 0:
        del a[i]
    else:
        a[i] *= 10
        i += 1
print(a)
b = [5, 3, 8, 1]
for idx, val in enumerate(b):
    b[idx] = val * 2
print(b)
c = [1, 2, 3]
for x in c[:]:
    c.append(x + 10)
print(c)
names = ["a", "b", "c"]
vals = [1, 2, 3, 4]
print(list(zip(names, vals)), dict(zip(names, vals)), list(enumerate(names, start=1)))
pairs = [(n, v) for n, v in zip(names, vals) if v != 2]
print(pairs)
print([[1, [2]], 3] == [[1, [2]], 3], [[1, [2]], 3] == [[1, [3]], 3])
x = [0, 1, 2]
x[x[1]] = 7
print(x)
y = [1, 2, 3, 4, 5, 6]
y[1:5] = y[4:0:-1]
print(y)
