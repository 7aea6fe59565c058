# yield from: delegation, return values, send/throw forwarding, iterables.
def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "outer-after"
    return "outer-result"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("done", e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * 10 for x in range(2)))))
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))
def sub():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield "sub caught " + str(e)
def delegator():
    yield from sub()
    yield "delegator continues"
d = delegator()
print(next(d), d.throw(ValueError("boom")), next(d))
def tree(n):
    if n == 0:
        return 1
    left = yield from tree(n - 1)
    yield n
    right = yield from tree(n - 1)
    return left + right
t = tree(3)
vals = []
while True:
    try:
        vals.append(next(t))
    except StopIteration as e:
        print(vals, "leaves:", e.value)
        break
def closer():
    try:
        yield from sub()
    finally:
        print("closer finally")
c = closer()
next(c)
c.close()
