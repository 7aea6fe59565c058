# Generators: laziness, state between yields, return value, exhaustion.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        print("yielding", i)
        yield i
        i += 1
    print("done")
    return "result"
g = count_up(3)
print("created", type(g).__name__)
print(next(g))
print(list(g))
print(next(g, "exhausted"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
print(take(5, fib()), take(3, "abcdef"))
def with_return():
    yield 1
    return 99
gen = with_return()
next(gen)
try:
    next(gen)
except StopIteration as e:
    print("StopIteration value", e.value, e.args)
def empty():
    return
    yield
print(list(empty()), list(x for x in []))
def gen_in_gen():
    for i in range(3):
        yield (j for j in range(i))
print([list(x) for x in gen_in_gen()])
g2 = (x * x for x in range(5))
print(sum(g2), sum(g2))
print(iter(g2) is g2, hasattr(g2, "__next__"), hasattr(g2, "send"))
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
p = primes()
print([next(p) for _ in range(20)])
