"""pickle: the bytes of dumps(x, proto) for protocols 0-5 (compared with CPython's) and the round trip."""
import pickle, collections, datetime, fractions, enum, copyreg
class E(enum.Enum):
    A = 1
    B = 'x'
class IE(enum.IntEnum):
    X = 3
class Plain:
    def __init__(self, a): self.a = a; self.b = [a]
class WithState:
    def __init__(self): self.x = 1
    def __getstate__(self): return {'y': self.x * 2}
    def __setstate__(self, st): self.x = st['y']
class Slots:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1; self.b = 2
class NA(int):
    def __new__(cls, v, extra): o = super().__new__(cls, v); o.extra = extra; return o
    def __getnewargs__(self): return (int(self), self.extra)
class NAX:
    def __new__(cls, *, k): o = super().__new__(cls); o.k = k; return o
    def __getnewargs_ex__(self): return ((), {'k': self.k})
def gl(): pass

P = collections.namedtuple('P', 'x y')
shared = [1, 2]
rec = []; rec.append(rec)
rd = {}; rd['self'] = rd
class Node: pass
n = Node(); n.me = n; Node.__repr__ = lambda self: "<Node>"
objs = [None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31 - 1, 2**31, -2**31 - 1,
        2**64, -2**64, 2**100, -(2**2040), 2**2050, 127, 128, -128, -129, 0.0, -0.0, 1.5, 1e100, float('inf'), 1/3,
        '', 'abc', 'a\\b\nc\r\x00\x1a', 'é€😀', 'x' * 300, b'', b'abc', b'\x00\xff' * 200,
        bytearray(), bytearray(b'ab'), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2], {}, {1: 2},
        {1: 2, 'a': [3]}, set(), {1, 2, 3}, frozenset(), frozenset({4, 5}), [shared, shared, (shared,)],
        rec, rd, n,
        P(1, 2), collections.OrderedDict([(1, 2)]), collections.OrderedDict([(1, 2), (3, 4)]),
        collections.deque([1, 2, 3]), collections.deque([1], maxlen=5), collections.Counter([1, 1, 2]),
        collections.defaultdict(list, {1: [2]}), datetime.date(2020, 1, 2), datetime.datetime(2021, 3, 4, 5, 6, 7, 8),
        datetime.timedelta(1, 2, 3), datetime.time(1, 2, 3), fractions.Fraction(1, 3), E.A, E.B, IE.X, Plain(5),
        WithState(), Slots(), datetime.datetime(2021, 1, 1, 1, 1, fold=1), datetime.time(1, 2, tzinfo=datetime.timezone.utc), datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=2), "X")), NA(5, 'e'), NAX(k=3), gl, Plain, len, E, int, type(None), ...,
        NotImplemented, ValueError, ValueError('bad', 1), KeyError(3), range(5), slice(1, 2, 3),
        [1, (2, [3, {4: (5,)}])], (rec,), ((),)]
for i, o in enumerate(objs):
    for proto in range(6):
        try:
            d = pickle.dumps(o, proto)
        except Exception as e:
            print(i, proto, 'ERR', type(e).__name__, e)
            continue
        if len(d) > 400:
            # long pickles: their size, a position-weighted checksum of every byte, and the tail
            # (where the 1000-item batches end)
            print(i, proto, len(d), sum((k + 1) * b for k, b in enumerate(d)) % 1000000007, d[-40:])
        else:
            print(i, proto, d)
        try:
            back = pickle.loads(d)
            if callable(back) and not isinstance(back, type):
                print('   callable', back.__name__, back is o)
                continue
            print('  ', repr(back)[:120] if not isinstance(back, (Plain, WithState, Slots, Node, NAX)) else vars(back) if hasattr(back, '__dict__') else (back.a, back.b))
        except Exception as e:
            print('  load ERR', type(e).__name__, e)
