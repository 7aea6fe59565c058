# The object model under the pure-Python stdlib: namedtuple, functools, collections, copy, typing.
import functools, collections, typing, operator, copy
from collections import namedtuple, OrderedDict, defaultdict, deque, Counter
P = namedtuple("P", "x y")
p = P(1, 2)
print(p, p.x, p._replace(x=5), P._fields, isinstance(p, tuple))
class C:
    @functools.cached_property
    def v(self):
        print("computing")
        return 42
    @functools.lru_cache(maxsize=None)
    def f(self, n): return n * 2
c = C()
print(c.v, c.v, c.f(3))
@functools.total_ordering
class V:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
print(V(1) <= V(2), V(3) >= V(2), sorted([V(3), V(1)], key=operator.attrgetter("n"))[0].n)
d = defaultdict(list); d["a"].append(1); print(d, dict(d))
od = OrderedDict(a=1); od["b"] = 2; print(od)
print(Counter("hello").most_common(1), deque([1, 2, 3], maxlen=2))
def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k): return fn(*a, **k)
    return w
@deco
def hello():
    "doc"
    return 1
print(hello.__name__, hello.__doc__, hello())
print(copy.deepcopy([c.v, {"a": [1]}]))
class Pt:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"Pt({self.x})"
print(copy.deepcopy([Pt(1), Pt(2)]), copy.copy(Pt(3)))
T = typing.TypeVar("T")
def ident(x: "T") -> "T": return x
def g(x: int | None = None) -> list[int]: return [x]
print(ident(3), g(1), typing.Optional[int] if hasattr(typing, "Optional") else "")
