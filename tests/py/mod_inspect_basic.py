# inspect: signature() of functions, methods, classes, metaclass __call__, partials, wrapped functions
# (str/repr forms, kinds, annotations), bind/bind_partial and their TypeErrors, getfullargspec,
# getcallargs, the is* predicates, getmembers/getmro, getdoc/cleandoc, getsource, currentframe/stack.
import sys
import inspect, functools
def f(a, b=2, *args, c, d=4, **kw): "doc"
def g(x: int, /, y: 'str' = 'q', *, z: list[int] = None) -> bool: pass
def h(a, b, /): pass
def k(*, only): pass
def gen(): yield 1
lam = lambda p, q=1: p
class C:
    """Class doc."""
    def __init__(self, v, w=3): self.v = v
    def meth(self, n): """Meth doc.

        Indented more.
    """
    @classmethod
    def cm(cls, t): pass
    @staticmethod
    def sm(u, *vs): pass
    def __call__(self, z): pass
class D(C):
    def meth(self, n): pass
class M(type):
    def __call__(cls, *a, **k): pass
class E(metaclass=M): pass
class N:
    def __new__(cls, a, b): pass
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k): return fn(*a, **k)
    return wrapper
@deco
def wrapped(alpha, beta=5): pass
for obj in (f, g, h, k, gen, lam, C, C.meth, C(1).meth, C.cm, C.sm, C(1), E, N, wrapped, functools.partial(f, 1, c=3), functools.partial(g, 1), D):
    try:
        s = inspect.signature(obj)
        print(s, repr(s), [(p.name, str(p.kind), p.kind.description, repr(p)) for p in s.parameters.values()])
    except Exception as e:
        print(type(e).__name__, e)
# (builtins: Krait's carry no __text_signature__, so only those without one in CPython either)
for obj in (object, int):
    try: print(inspect.signature(obj))
    except ValueError as e: print('ValueError')
s = inspect.signature(f)
for args, kw in [((1,), {'c': 3}), ((1, 2, 3, 4), {'c': 5, 'e': 6}), ((), {}), ((1,), {}), ((1,), {'a': 2, 'c': 1}), ((1, 2), {'b': 3, 'c': 1})]:
    try:
        b = s.bind(*args, **kw); print(b, b.args, b.kwargs); b.apply_defaults(); print(b)
    except TypeError as e: print('TypeError', e)
    try:
        b = s.bind_partial(*args, **kw); print(b, b.args, b.kwargs)
    except TypeError as e: print('TypeError', e)
for sig, args, kw in [(h, (1,), {}), (h, (1, 2, 3), {}), (h, (1,), {'b': 2}), (k, (), {}), (k, (1,), {}), (k, (), {'only': 1, 'x': 2}), (g, (), {'x': 1}), (g, (1, 2), {'y': 3}), (lam, (1,), {'q': 2})]:
    try: b = inspect.signature(sig).bind(*args, **kw); print(b, b.args, b.kwargs)
    except TypeError as e: print('TypeError', e)
print(inspect.getfullargspec(f)); print(inspect.getfullargspec(g)); print(inspect.getfullargspec(C(1).meth))
print(inspect.getcallargs(f, 1, c=2))
print(inspect.isfunction(f), inspect.isfunction(len), inspect.ismethod(C(1).meth), inspect.ismethod(C.meth), inspect.isclass(C), inspect.isclass(C(2)))
print(inspect.ismodule(inspect), inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(f), inspect.isgenerator(gen()), inspect.isbuiltin(len), inspect.isbuiltin(f))
print(inspect.isroutine(len), inspect.isroutine(f), inspect.isroutine(C(1).meth), inspect.isroutine(str.join), inspect.isroutine(3), inspect.iscoroutinefunction(f), inspect.iscode(f.__code__))
print(inspect.getmro(D))
print([n for n, v in inspect.getmembers(D) if not n.startswith('__')])
print([n for n, v in inspect.getmembers(C(1), inspect.ismethod)])
print(inspect.getdoc(C), repr(inspect.getdoc(C.meth)), inspect.getdoc(D.meth), inspect.getdoc(D))
print(repr(inspect.cleandoc("""   First
      second
        third
    """)))
print(inspect.getsource(f), end='')
print(inspect.getsource(C.meth), end='')
print(inspect.getsource(lam), end='')
print(inspect.getsourcelines(deco)[1])
print(inspect.getsource(D), end='')
print(inspect.getsource(wrapped), end='')
print(inspect.getfile(f) == __file__, inspect.getmodule(f) is sys.modules['__main__'])
fr = inspect.currentframe(); print(fr.f_code.co_name, fr.f_lineno)
def inner(): return inspect.stack()
st = inner(); print([(x.function, x.lineno, x.code_context) for x in st])
print(inspect.Parameter('x', inspect.Parameter.KEYWORD_ONLY, default=3), inspect.Parameter.empty)
try: inspect.Parameter('1x', 1)
except ValueError as e: print(e)
try: inspect.Signature([inspect.Parameter('a', 1, default=1), inspect.Parameter('b', 1)])
except ValueError as e: print(e)
print(inspect.signature(f) == inspect.signature(f), inspect.signature(f) == inspect.signature(g))
print(inspect.unwrap(wrapped) is not wrapped, inspect.unwrap(wrapped).__name__)
