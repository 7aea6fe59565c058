# Generator frame state: locals preserved, gi_running-free checks, generator used as iterator in zip/enumerate.
def letters():
    for c in "abc":
        yield c
def numbers():
    n = 0
    while True:
        n += 1
        yield n
print(list(zip(letters(), numbers())), list(enumerate(letters(), 10)))
g = numbers()
print([next(g) for _ in range(3)], next(g))
def stateful():
    seen = []
    while True:
        x = yield len(seen)
        seen.append(x)
        if len(seen) == 3:
            yield ("all", seen)
            return
s = stateful()
print(next(s), s.send("a"), s.send("b"), s.send("c"))
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
gens = [(i * j for j in range(3)) for i in range(3)]
print([list(g) for g in gens])
def count_calls():
    count_calls.n += 1
    yield count_calls.n
count_calls.n = 0
a, b = count_calls(), count_calls()
print(count_calls.n, next(b), next(a), count_calls.n)
def lazy_range(n):
    i = 0
    while i < n:
        yield i
        i += 1
total = 0
for v in lazy_range(100000):
    total += v
print(total)
