# copy.copy / copy.deepcopy through __reduce_ex__, __getstate__/__setstate__, __slots__, copyreg
import copy
import copyreg
from collections import namedtuple, defaultdict, OrderedDict, Counter, deque


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


P = namedtuple('P', 'x y')
p = P(1, [2])
pc, pd = copy.copy(p), copy.deepcopy(p)
print(pc, pd, pc.y is p.y, pd.y is p.y, type(pd).__name__)

dd = defaultdict(list, a=[1])
ddc = copy.deepcopy(dd)
ddc['a'].append(2)
ddc['new']
print(dd, ddc, ddc.default_factory)
print(copy.copy(Counter('aab')), copy.deepcopy(OrderedDict(a=[1], b=2)), copy.deepcopy(deque([[1]], 3)))


class L(list):
    pass


lst = L([1, [2]])
lst.attr = 5
lc = copy.deepcopy(lst)
print(lc, type(lc).__name__, lc.attr, lc[1] is lst[1], copy.copy(lst)[1] is lst[1])


class D(dict):
    pass


dsub = D(k=[1])
dsub.note = 'n'
dcp = copy.deepcopy(dsub)
print(dcp, type(dcp).__name__, dcp.note, dcp['k'] is dsub['k'])


class SetSub(set):
    pass


ss = SetSub([1, 2])
ss.tag = 't'
sc = copy.copy(ss)
print(sorted(sc), type(sc).__name__, sc.tag, copy.deepcopy(frozenset([1, (2, 3)])) == frozenset([1, (2, 3)]))


class State:
    def __init__(self):
        self.a = 1
        self.cache = 'big'

    def __getstate__(self):
        st = self.__dict__.copy()
        del st['cache']
        return st

    def __setstate__(self, st):
        self.__dict__.update(st)
        self.cache = 'rebuilt'


s2 = copy.deepcopy(State())
print(s2.a, s2.cache)


class Slots:
    __slots__ = ('a', 'b', '_Slots__private')

    def __init__(self):
        self.a = [1]
        self._Slots__private = 'p'


sl = Slots()
sl2 = copy.deepcopy(sl)
print(sl2.a, sl2.a is sl.a, hasattr(sl2, 'b'), sl2._Slots__private, copyreg._slotnames(Slots))
print(sl.__getstate__(), object().__reduce_ex__(2)[1:], object().__getstate__())


class WithDict:
    pass


w = WithDict()
print(w.__getstate__(), end=' ')
w.x = 1
print(w.__getstate__(), w.__reduce_ex__(4)[1:])


class Reduce:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Reduce, (self.v + 100,))


print(copy.copy(Reduce(1)).v, copy.deepcopy(Reduce(2)).v)


class NewArgs(int):
    def __new__(cls, v, extra):
        o = int.__new__(cls, v)
        o.extra = extra
        return o

    def __getnewargs__(self):
        return (int(self), self.extra)


na = copy.copy(NewArgs(5, 'e'))
print(na, na.extra, type(na).__name__)


class KwNew:
    def __new__(cls, *, key):
        o = object.__new__(cls)
        o.key = key
        return o

    def __getnewargs_ex__(self):
        return (), {'key': self.key}


print(copy.deepcopy(KwNew(key='k')).key)


class Custom:
    def __init__(self, v):
        self.v = v


copyreg.pickle(Custom, lambda c: (Custom, (c.v * 2,)))
print(copy.copy(Custom(4)).v)
del copyreg.dispatch_table[Custom]


class DeepHook:
    def __deepcopy__(self, memo):
        return 'hooked'


print(copy.deepcopy([DeepHook()]))

# shared references and cycles stay shared / cyclic in deep copies
shared = [1]
pair = [shared, shared]
pc2 = copy.deepcopy(pair)
print(pc2[0] is pc2[1], pc2[0] is shared)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc is not cyc)
tcyc = ([],)
tcyc[0].append(tcyc)
tc = copy.deepcopy(tcyc)
print(tc[0][0] is tc, tc is not tcyc)
immutable_t = (1, 'a', None)
print(copy.deepcopy(immutable_t) is immutable_t, copy.copy(immutable_t) is immutable_t)


class M:
    def meth(self):
        return self


mobj = M()
bm = copy.deepcopy(mobj.meth)
print(bm() is not mobj, type(bm()).__name__)

# copy.replace (3.13)
print(copy.replace(P(1, 2), y=5))
t(lambda: copy.replace(1, x=2))
t(lambda: copy.replace(P(1, 2), z=5))
t(lambda: copy.copy(open(__file__)))
t(lambda: object().__reduce_ex__())


class BadNewArgs:
    def __getnewargs__(self):
        return [1]


t(lambda: copy.copy(BadNewArgs()))
print(copy.copy(len) is len, copy.deepcopy(int) is int, copy.copy(range(3)), copy.deepcopy({'a': (1, [2])}))
from dataclasses import dataclass


@dataclass
class DC:
    a: int
    b: list


dc = DC(1, [2])
print(copy.replace(dc, a=9), copy.deepcopy(dc), copy.deepcopy(dc).b is dc.b)
