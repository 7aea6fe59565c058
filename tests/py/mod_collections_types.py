# Counter, OrderedDict, defaultdict, ChainMap, UserDict/UserList/UserString, namedtuple
from collections import (Counter, OrderedDict, defaultdict, ChainMap, UserDict, UserList, UserString,
                         namedtuple, deque)
from collections.abc import MutableMapping, MutableSequence, Mapping


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# ---- Counter
c = Counter('abracadabra')
print(c, c.total(), c.most_common(2), c.most_common(0), c.most_common(-1), sorted(c.elements()))
print(c['z'], 'z' in c, len(c))
c.update({'a': 2, 'z': -1})
c.update('zz', q=3)
print(c)
c.subtract(a=10)
c.subtract(['b'])
print(c, +c, -c)
d = Counter(a=3, b=1)
e = Counter(a=1, b=2, c=-1)
print(d + e, d - e, d | e, d & e)
f = Counter(a=1)
f += Counter(a=-5, b=2)
print(f)
f -= Counter(b=1, c=4)
print(f)
f |= Counter(b=5, d=1)
print(f)
f &= Counter(b=2)
print(f)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), Counter(a=1) <= Counter(a=2),
      Counter(a=1) < Counter(a=1), Counter(a=3) >= Counter(a=1, b=0), Counter(a=2) > Counter(a=2))
print(Counter() == {}, repr(Counter()), Counter([1, 1, 2]))
del c['nothere']
del c['a']
print(c)
t(lambda: Counter.fromkeys('ab'))
t(lambda: Counter() + {})
t(lambda: Counter() < {})
t(lambda: hash(Counter()))
print(Counter({'x': 'a'}), type(Counter('a').copy()).__name__)


class MyCounter(Counter):
    pass


print(MyCounter('aab'), MyCounter('ab') + MyCounter('b'), type(MyCounter('a').copy()).__name__)

# ---- OrderedDict
od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
od.move_to_end('a')
print(od, list(od))
od.move_to_end('c', last=False)
print(od, od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict(b=2, c=3)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1),
      OrderedDict(a=1, b=2) != OrderedDict(b=2, a=1))
print(OrderedDict.fromkeys('xyz', 0), OrderedDict(), od2 | {'a': 1}, {'z': 0} | od2, type(od2 | {}).__name__)
od2 |= [('q', 9)]
print(od2, list(reversed(od2)), od2.copy(), type(od2.copy()).__name__)
t(lambda: OrderedDict().popitem())
t(lambda: OrderedDict().move_to_end('x'))

r = OrderedDict()
r['self'] = r
print(r)

# ---- defaultdict
dd = defaultdict(list)
dd['a'].append(1)
dd['b']
print(dd, dd.default_factory, dict(dd))
dn = defaultdict()
t(lambda: dn['missing'])
t(lambda: defaultdict(1))
print(defaultdict(int, {'x': 1}, y=2), dd | {'c': 3}, {'c': 3} | dd, type({'c': 3} | dd).__name__)
dc = dd.copy()
dc['a'].append(2)
print(dd, type(dc).__name__, dc.default_factory)
counts = defaultdict(int)
for w in 'the cat and the hat and the bat'.split():
    counts[w] += 1
print(sorted(counts.items()))
dd.default_factory = set
print(dd['new'], dd)


class MyDD(defaultdict):
    pass


print(MyDD(int, a=1))
rd = defaultdict(list)
rd.default_factory = rd.copy
print(repr(defaultdict(None, a=1)))

# ---- ChainMap
base = {'a': 1, 'b': 2}
over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm['a'], cm['b'], cm.get('zz', 'dflt'), len(cm), list(cm), sorted(cm.items()), 'c' in cm, bool(cm))
cm['d'] = 4
del cm['b']
print(cm, over, base)
t(lambda: cm.__delitem__('a'))
t(lambda: cm['nothere'])
child = cm.new_child({'x': 1})
print(child, child.parents, child.maps[0], cm.new_child(y=2).maps[0])
print(ChainMap(), bool(ChainMap({})), ChainMap.fromkeys('ab', 0), cm.copy(), cm | {'z': 26})
print(cm.pop('c'), cm.popitem())
t(lambda: ChainMap({}).popitem())
t(lambda: ChainMap({}).pop('k'))
print(isinstance(cm, MutableMapping), sorted(cm.keys()), sorted(cm.values()))

# ---- UserDict / UserList / UserString
ud = UserDict({'a': 1}, b=2)
ud['c'] = 3
print(ud, len(ud), ud.get('a'), ud.get('zz', 0), 'a' in ud, sorted(ud), ud.data, isinstance(ud, MutableMapping))


class DefaultUD(UserDict):
    def __missing__(self, key):
        return key * 2


print(DefaultUD()['ab'], ud | {'z': 1}, type(ud.copy()).__name__, UserDict.fromkeys('ab'))
t(lambda: UserDict()['no'])
ul = UserList([3, 1, 2])
ul.append(0)
ul.sort()
print(ul, ul[1:3], type(ul[1:3]).__name__, ul + [9], [8] + ul, ul * 2, len(ul), 2 in ul, ul.index(2),
      ul == [0, 1, 2, 3], ul < [5], isinstance(ul, MutableSequence))
ul.extend(UserList([7]))
ul.insert(0, -1)
print(ul.pop(), ul.pop(0), ul, ul.count(1), list(reversed(ul)))
us = UserString('Hello World')
print(us, repr(us), us.upper(), us.lower(), us.split(), us[0:5], len(us), 'World' in us, us + '!', us * 2,
      us.replace('l', 'L'), us.isalpha(), UserString('abc').isalpha(), us.find('o'), us.count('l'),
      us.startswith('He'), us.strip('Hd'), us.center(15, '*'), us == 'Hello World', us < 'Z', hash(us) == hash('Hello World'))
print(type(us.upper()).__name__, us.encode(), int(UserString('42')), float(UserString('2.5')),
      UserString('%s-%d') % ('a', 1))

# ---- namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._make([5, 6]), Point._fields, p == (1, 2))
print(Point.__doc__, Point.x.__doc__, Point.__name__, Point.__module__)
P3 = namedtuple('P3', 'a, b c', defaults=[0, 9])
print(P3(1), P3(1, 2, 3), P3._field_defaults)
R = namedtuple('R', ['def', 'ok', '_x', 'ok'], rename=True)
print(R._fields)


class Sub(namedtuple('Base', 'u v')):
    def total(self):
        return self.u + self.v


print(Sub(1, 2), Sub(1, 2).total())
a, b = Point(7, 8)
print(a, b, hash(Point(1, 2)) == hash((1, 2)), Point(1, 2)._fields)
t(lambda: Point(1))
t(lambda: Point(1, 2, 3))
t(lambda: Point(1, 2, z=3))
t(lambda: Point(1, x=2))
t(lambda: P3())
t(lambda: namedtuple('T', 'a a'))
t(lambda: namedtuple('T', 'a _b'))
t(lambda: namedtuple('T', 'a def'))
t(lambda: namedtuple('T', 'a 1b'))
t(lambda: namedtuple('T', 'a', defaults=[1, 2]))
t(lambda: Point._make([1]))
t(lambda: p._replace(z=1))
match p:
    case Point(x, y):
        print('matched', x, y)
print(isinstance(deque(), MutableSequence), issubclass(deque, MutableSequence), isinstance(OrderedDict(), Mapping))
