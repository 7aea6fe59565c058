# Mutating containers during iteration; generator raising StopIteration (PEP 479).
d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
d2 = {"a": 1, "b": 2}
try:
    for k in d2:
        del d2[k]
except RuntimeError as e:
    print(type(e).__name__, e)
print(d2)
d3 = {"a": 1}
for k in d3:
    d3[k] = 2
print(d3)
def bad_gen():
    yield 1
    raise StopIteration("escaped")
try:
    list(bad_gen())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)
def inner_next():
    it = iter([])
    yield next(it)
try:
    print(list(inner_next()))
except RuntimeError as e:
    print(type(e).__name__, e)
lst = [1, 2, 3, 4]
for x in lst:
    lst.remove(x)
print(lst)
