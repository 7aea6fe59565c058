"""pickle: more library types (collections, dataclasses, enum flags, exceptions with their special fields, builtin types under fix_imports names), bytes compared with CPython."""
import pickle, collections, functools, types, enum, dataclasses, datetime, fractions
class F(enum.Flag):
    A = 1
    B = 2
class IF(enum.IntFlag):
    X = 1
    Y = 4
@dataclasses.dataclass
class DC:
    a: int
    b: list
@dataclasses.dataclass(frozen=True)
class FDC:
    a: int
class S(str): pass
class L(list):
    def __init__(self, *a): super().__init__(*a); self.tag = 't'
class D(dict): pass
objs = [collections.ChainMap({1: 2}, {3: 4}), collections.UserDict({1: 2}), collections.UserList([1]), types.SimpleNamespace(a=1, b=[2]),
        functools.partial(max, 1, key=abs), F.A | F.B, F.A, IF.X | IF.Y, DC(1, [2]), FDC(3), S('abc'), L([1, 2]), D(a=1),
        OSError(2, 'No such file'), StopIteration(5), KeyError('k'), datetime.timezone.utc, datetime.timezone(datetime.timedelta(hours=-3)),
        datetime.timedelta(days=-1, microseconds=5), datetime.date.max, datetime.datetime.min, fractions.Fraction(-7, 3), [fractions.Fraction(1, 2)] * 2,
        collections.Counter(), collections.deque(maxlen=0), collections.OrderedDict(), collections.defaultdict(None), True, [True, 1, 1.0]]
for o in objs:
    for p in (0, 2, 4, 5):
        try:
            d = pickle.dumps(o, p)
            b = pickle.loads(d)
            print(p, d, repr(b) == repr(o) or (type(b).__name__, vars(b) if hasattr(b, '__dict__') else b))
        except Exception as e:
            print(p, 'ERR', type(e).__name__, e)
es = [OSError(2,'x','f'), OSError(2,'x','f', None, 'g'), OSError(2,'x'), OSError('just'), ImportError('m', name='n', path='p'), ImportError('m'),
      AttributeError('m', name='n', obj=3), AttributeError('m'), NameError('m', name='n'), StopIteration(3), SystemExit(3), SyntaxError('m', ('f', 1, 2, 'txt', 1, 3)),
      UnicodeDecodeError('utf-8', b'x', 0, 1, 'bad'), KeyError(1), ValueError(), PermissionError(13, 'denied', '/x')]
e = OSError(2,'x'); e.extra = 1; es.append(e)
e = StopIteration(3); e.x = 1; es.append(e)
e = KeyError(1); e.__notes__ = ['n']; es.append(e)
class MyErr(Exception):
    def __init__(self, a, b=2): super().__init__(a); self.b = b
es.append(MyErr(1, 5))
for e in es:
    r = e.__reduce__()
    print(type(e).__name__, r[1:], end=' ')
    for p in (0, 2, 5):
        d = pickle.dumps(e, p); b = pickle.loads(d)
        print(len(d), type(b).__name__, b.args, str(b) == str(e), end=' ')
    print(getattr(b, 'filename', '-'), getattr(b, 'name', '-'), getattr(b, 'value', '-'), getattr(b, 'errno', '-'), getattr(b, 'extra', '-'), getattr(b, 'b', '-'))
for t in [int, str, bytes, bytearray, list, dict, set, frozenset, tuple, range, slice, object, type, bool, float, filter, map, zip, enumerate, reversed,
          property, staticmethod, classmethod, super, BaseException, Exception, ValueError, KeyError, OSError, FileNotFoundError, ConnectionError,
          BlockingIOError, ModuleNotFoundError, StopAsyncIteration, RecursionError, NotImplementedError, UnicodeDecodeError, Warning, DeprecationWarning]:
    print(t.__name__, pickle.dumps(t, 0), pickle.dumps(t, 2)[2:], pickle.dumps(t, 3)[2:], pickle.loads(pickle.dumps(t, 1)) is t)
import itertools, functools
for f in [itertools.filterfalse, itertools.zip_longest, itertools.chain]:
    print(pickle.dumps(f, 0), pickle.dumps(f, 4), pickle.loads(pickle.dumps(f, 2)) is f)
