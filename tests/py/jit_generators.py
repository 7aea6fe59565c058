# Compiled generators: resumption at every yield, send/throw/close, exceptions inside, try/finally,
# return values, generators abandoned midway, deopts inside a generator, and generator expressions.
import sys


def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done %d" % n


def squares(n):
    for i in range(n):
        yield i * i


def pairs(seq):
    prev = None
    for x in seq:
        if prev is not None:
            yield prev, x
        prev = x


for _ in range(3):
    print(sum(counter(2000)), sum(squares(2000)), list(pairs(range(5))))

g = counter(3)
print([next(g), next(g), next(g)])
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)


def echo():
    total = 0
    while True:
        try:
            x = yield total
        except ValueError as e:
            total = -1000
            print("caught", e)
            continue
        if x is None:
            break
        total += x
    return total


for _ in range(2):
    e = echo()
    next(e)
    for i in range(1500):
        e.send(i)
    print("sent", e.send(1))
    print("thrown", e.throw(ValueError("boom")))
    print("after throw", e.send(5))
    try:
        e.send(None)
    except StopIteration as s:
        print("returned", s.value)


def with_finally(log):
    try:
        for i in range(10):
            yield i
    finally:
        log.append("finally")


log = []
g = with_finally(log)
print(next(g), next(g))
g.close()
print(log)
for _ in range(2000):
    g = with_finally(log)
    for x in g:
        if x == 3:
            break
    g.close()
print(len(log))


def raiser(n):
    for i in range(n):
        if i == n - 1:
            raise KeyError(i)
        yield i


for n in (5, 3000):
    try:
        print(sum(raiser(n)))
    except KeyError as e:
        print("KeyError", e)


def typed(values):
    for v in values:
        yield v * 2


print(list(typed([1, 2, 3])), list(typed([1.5, 2])), list(typed(["a", [1]])), list(typed([10 ** 20])))
for _ in range(2000):
    list(typed([1, 2, 3]))
print(list(typed([1, 2.5, "x"])))


def gen_in_gen(n):
    for i in range(n):
        yield sum(j for j in range(i))


print(sum(gen_in_gen(300)))
k = 7
print(sum(x * k for x in range(5000)), max((x % 97, x) for x in range(3000)))
print(any(x > 2990 for x in range(3000)), all(x < 10 for x in range(3000)))


def deep(n):
    if n:
        yield from deep(n - 1)
    yield n


print(list(deep(5)))


def local_state():
    a, b = 0, 1
    for _ in range(50):
        yield a
        a, b = b, a + b
        s = str(a)
        yield len(s)


print(list(local_state())[-6:])
gens = [counter(3) for _ in range(4)]
print([list(gg) for gg in gens])
print(sys.getrecursionlimit() > 0)
