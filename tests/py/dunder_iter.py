# Iterator protocol: __iter__/__next__, StopIteration, iter() with sentinel, next() default.
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(3)), sorted(Countdown(3)))
c = Countdown(2)
print(next(c), next(c), next(c, "exhausted"), list(c))
try:
    next(c)
except StopIteration as e:
    print(type(e).__name__, repr(e))
class Range2:
    def __init__(self, n): self.n = n
    def __iter__(self):
        return iter(range(self.n))
r = Range2(3)
print(list(r), list(r), [x * y for x in r for y in r])
it = iter([1, 2, 3])
print(iter(it) is it, next(it), list(it), list(it))
vals = [5, 4, 3, 0, 9]
pos = iter(vals)
print(list(iter(lambda: next(pos), 0)))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
a, b, *rest = Countdown(6)
print(a, b, rest)
print(dict(zip(Countdown(3), "abc")), list(enumerate(Countdown(2))), "-".join(map(str, Countdown(4))))
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
