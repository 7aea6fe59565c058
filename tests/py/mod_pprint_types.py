# pprint: collections types, dataclasses, SimpleNamespace, mappingproxy, recursion, depth, subclass
# reprs and PrettyPrinter options (output must match CPython 3.13).
import pprint, collections, dataclasses, types, re
od = collections.OrderedDict((str(i), i * i) for i in range(12))
pprint.pprint(od)
pprint.pprint(collections.OrderedDict())
dd = collections.defaultdict(list)
for i in range(10):
    dd['key%d' % i].append(i)
pprint.pprint(dd)
pprint.pprint(collections.defaultdict(int))
c = collections.Counter('abracadabra' * 3 + 'the quick brown fox jumps over the lazy dog')
pprint.pprint(c)
pprint.pprint(collections.Counter())
pprint.pprint(collections.deque(range(40)))
pprint.pprint(collections.deque(range(40), maxlen=50))
pprint.pprint(collections.deque())
pprint.pprint(collections.ChainMap({'a': 1, 'b': list(range(20))}, {'c': 'x' * 50}))
pprint.pprint(collections.ChainMap())
@dataclasses.dataclass
class Point:
    x: int
    y: int
    tags: list = dataclasses.field(default_factory=list)
    hidden: int = dataclasses.field(default=0, repr=False)
p = Point(1, 2, ['alpha' * 5, 'beta' * 5, 'gamma' * 5])
pprint.pprint(p)
pprint.pprint([p, Point(3, 4)], width=40)
@dataclasses.dataclass(repr=False)
class NoRepr:
    x: list
print(pprint.pformat(NoRepr(list(range(40)))).startswith("<__main__.NoRepr object at "))
ns = types.SimpleNamespace(alpha=list(range(20)), beta='text' * 20, gamma={'k': 'v'})
pprint.pprint(ns)
class NS(types.SimpleNamespace): pass
pprint.pprint(NS(a=list(range(30))))
pprint.pprint(types.MappingProxyType({'a': list(range(30)), 'b': 2}))
# recursion
l = [1, 2]
l.append(l)
r = pprint.pformat(l)
import re
print(re.sub(r'id=\d+', 'id=N', r))
print(re.sub(r'id=\d+', 'id=N', pprint.saferepr(l)))
d = {'self': None}
d['self'] = d
print(re.sub(r'id=\d+', 'id=N', pprint.pformat(d)))
print(pprint.isrecursive(l), pprint.isreadable(l), pprint.isrecursive([1, [2]]), pprint.isreadable([1, [2]]))
print(pprint.isreadable(object()), pprint.isreadable({'a': 1.5}), pprint.saferepr({'b': 1, 'a': [2, {3: 4}]}))
print(pprint.PrettyPrinter(depth=2).isreadable([[1]]), pprint.PrettyPrinter().isrecursive(l))
pp = pprint.PrettyPrinter(width=20, depth=3)
print(pp.pformat([[[[[1]]]], {'a': {'b': {'c': {'d': 1}}}}]))
print(pprint.pformat((1,)), pprint.pformat(((1, 2, 3, 4, 5, 6, 7, 8, 9, 10),), width=20))
print(pprint.pformat([(1,) * 1], width=3))
for bad in (dict(indent=-1), dict(depth=0), dict(width=0)):
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print('ValueError', e)
class MyList(list):
    def __repr__(self):
        return 'MyList!'
pprint.pprint([MyList(range(100))] * 3, width=10)
class Sub(list): pass
pprint.pprint(Sub(range(30)))
import io
sio = io.StringIO()
pprint.pprint({'x': list(range(25))}, stream=sio, width=30)
print(repr(sio.getvalue()))
print(pprint.pformat(10**20, underscore_numbers=True), pprint.pformat(True, underscore_numbers=True))
pprint.pprint([{'k%d' % i: 'v' * i for i in range(12)}])
pprint.pprint(list(range(10)), indent=4, width=10)
pprint.pprint({'a': [1] * 30}, indent=3, width=20)
pprint.pprint({(1, 2): 3, (1,): 4, 'mixed': [1, 'a', 2.0]}, width=15)
# recursion found while breaking lines (the _format path) and in namespaces/dataclasses
big = list(range(25))
big.append(big)
big.append({'again': big})
print(re.sub(r'id=\d+', 'id=N', pprint.pformat(big, width=30, compact=True)))
pr = pprint.PrettyPrinter(width=30)
print(re.sub(r'id=\d+', 'id=N', pr.pformat([big])), pr.isrecursive(big), pr.isreadable(big))
ns2 = types.SimpleNamespace(name='n' * 40, items=list(range(12)))
ns2.me = ns2
pprint.pprint(ns2, width=40)
@dataclasses.dataclass
class Node:
    value: int
    children: list
root = Node(1, [])
root.children.append(Node(2, [root]))
root.children.append(Node(3, list(range(20))))
print(re.sub(r'id=\d+', 'id=N', pprint.pformat(root, width=50)))
print(repr(ns2)[:60], types.SimpleNamespace(x=ns2).me if hasattr(types.SimpleNamespace(x=ns2), 'me') else '')
class SubNS(types.SimpleNamespace): pass
sn = SubNS(a=1)
sn.self = sn
print(repr(sn), repr(types.SimpleNamespace(inner=sn)))
print(re.sub(r'id=\d+', 'id=N', pprint.saferepr({'k': [big, (big,)]}))[:90])
class Custom(pprint.PrettyPrinter):
    def format(self, object, context, maxlevels, level):
        if isinstance(object, str):
            return object.upper(), True, False
        return super().format(object, context, maxlevels, level)
print(Custom(width=20).pformat(['alpha', 'beta', ['gamma', 'delta', 1], {'k': 'v'}]))
# a formatter registered in PrettyPrinter._dispatch for a type with its own __repr__
class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __repr__(self):
        return 'Pair(%r, %r)' % (self.a, self.b)
def _pprint_pair(printer, obj, stream, indent, allowance, context, level):
    stream.write('Pair(\n' + ' ' * (indent + 2))
    printer._format(obj.a, stream, indent + 2, 0, context, level)
    stream.write(',\n' + ' ' * (indent + 2))
    printer._format(obj.b, stream, indent + 2, allowance + 1, context, level)
    stream.write(')')
pprint.PrettyPrinter._dispatch[Pair.__repr__] = _pprint_pair
pprint.pprint([Pair(list(range(15)), 'x' * 30), Pair(1, 2)], width=40)
