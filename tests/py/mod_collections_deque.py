# collections.deque: the C ring buffer against CPython's behaviour and messages
from collections import deque
import copy


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


d = deque()
for i in range(20):
    d.append(i)
    if i % 3 == 0:
        d.appendleft(-i)
print(d, len(d), bool(d), bool(deque()))
print(d.pop(), d.popleft(), d[0], d[-1], d[5], d[-5])
d[3] = 'x'
del d[4]
del d[-1]
print(d)
d.rotate(3)
print(d)
d.rotate(-5)
print(d)
d.rotate(len(d) * 7 + 2)
print(d)
d.rotate(0)
d.reverse()
print(d, d.count(0), d.index(-12), d.index(5, 2), d.index(5, -100, 100))
d.insert(2, 'ins')
d.insert(-1, 'neg')
d.insert(100, 'end')
d.insert(-100, 'start')
print(d)
d.remove('ins')
print(d, 'x' in d, 'zz' in d)
d.extend(range(3))
d.extendleft('abc')
print(d)
d.extend(d)
print(len(d), d.copy() == d, d.copy() is d)
d.clear()
print(d, len(d))

# maxlen
b = deque(range(10), maxlen=4)
print(b, b.maxlen)
b.append(10)
b.appendleft(-1)
print(b)
b.extend(range(100, 110))
print(b)
b.extendleft('xy')
print(b)
t(lambda: b.insert(0, 1))
z = deque('abc', maxlen=0)
z.append(1)
z.extend(range(5))
print(z, z.maxlen)
print(deque(maxlen=None).maxlen, deque([], 3).maxlen)

# growth and shrink through many operations keep order
q = deque()
ref = []
for i in range(5000):
    q.append(i)
    ref.append(i)
    if i % 3 == 0:
        q.popleft()
        ref.pop(0)
    if i % 7 == 0:
        q.appendleft(-i)
        ref.insert(0, -i)
print(list(q) == ref, len(q))
while len(q) > 5:
    q.pop()
    ref.pop()
print(list(q) == ref, q)

# operators
a = deque([1, 2, 3])
print(a + deque([4]), a * 2, 2 * a, a * 0, a * -1)
a += [9]
print(a)
a *= 2
print(a)
bm = deque([1, 2, 3], maxlen=5)
print(bm * 3, bm + deque([7, 8, 9]))
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1, 3]), deque([1, 2]) < deque([1, 3]),
      deque([1, 2]) <= deque([1, 2, 0]), deque([2]) > deque([1, 9]), deque([1]) >= deque([1]))
print(deque([1]) == [1], deque() == deque([], maxlen=3))

# iteration
it = iter(deque([1, 2, 3]))
print(next(it), it.__length_hint__(), list(it), list(reversed(deque('abc'))))
print(type(iter(a)).__name__, type(reversed(a)).__name__)

# subclasses
class D(deque):
    def __init__(self, *args, tag='t', **kw):
        super().__init__(*args, **kw)
        self.tag = tag

    def append(self, x):
        super().append(x * 10)


s = D([1, 2], maxlen=3)
s.append(5)
print(s, s.tag, isinstance(s, deque), type(s.copy()).__name__, s.copy())
print(D('ab') + D('c'), type(D('ab') + D('c')).__name__)
print(copy.copy(deque([1, [2]])), copy.copy(deque([1, [2]], 4)))

# recursion in repr
r = deque()
r.append(r)
r.append(1)
print(r)

# errors
t(lambda: deque().pop())
t(lambda: deque().popleft())
t(lambda: deque([1]).remove(2))
t(lambda: deque([1]).index(2))
t(lambda: deque([1])[1])
t(lambda: deque([1])[-2])
t(lambda: deque([1])['a'])
t(lambda: deque([1])[0:1])
t(lambda: deque([1])[2 ** 70])
t(lambda: deque() + [1])
t(lambda: deque(maxlen=-1))
t(lambda: deque(maxlen=1.5))
t(lambda: deque(maxlen=2 ** 70))
t(lambda: deque(1))
t(lambda: deque([1], 2, 3))
t(lambda: deque(foo=1))
t(lambda: deque().rotate(1.5))
t(lambda: deque().rotate(2 ** 70))
t(lambda: deque().append())
t(lambda: deque().pop(1))
t(lambda: deque() < [1])
t(lambda: hash(deque()))
t(lambda: deque() * 'a')
t(lambda: deque([1]).index(1, 'a'))


def set_maxlen():
    deque().maxlen = 3


t(set_maxlen)


def mutate_while_iterating():
    e = deque([1, 2, 3])
    for x in e:
        e.append(x)


t(mutate_while_iterating)


class Evil:
    def __eq__(self, other):
        victim.clear()
        return False


victim = deque([Evil(), 3])
t(lambda: victim.remove(3))
victim = deque([Evil(), 3])
t(lambda: victim.count(3))
victim = deque([Evil(), 3])
t(lambda: 3 in victim)
print(deque[int], deque.__name__, deque.__module__, deque.__qualname__)
