# PEP 695 type parameters and type aliases (and PEP 696 defaults): scopes, laziness, class namespaces
import typing
def f[T](x: T) -> T:
    return x
print(f(1), f.__type_params__, f.__annotations__, f.__qualname__, f.__name__)
T0, = f.__type_params__
print(type(T0).__name__, T0.__name__, T0.__bound__, T0.__constraints__, T0.__module__, T0.__infer_variance__)
def g[T: int, *Ts, **P](a, b=5, *, c=7) -> list[T]:
    return (a, b, c)
print(g(1), g.__defaults__, g.__kwdefaults__, g.__type_params__)
print([type(p).__name__ for p in g.__type_params__], g.__type_params__[0].__bound__)
def h[T: (int, str) = int](): pass
T = h.__type_params__[0]
print(T.__constraints__, T.__default__, T.has_default())
def lazy[T: Later](): pass
class Later: pass
print(lazy.__type_params__[0].__bound__)
class Box[T]:
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item
    def map[S](self, fn: "typing.Callable[[T], S]") -> "Box[S]":
        return Box(fn(self.item))
b = Box(3)
print(Box.__type_params__, Box.__parameters__, Box.__orig_bases__, Box.__mro__)
print(b.get(), b.map(str).get(), Box[int], Box.map.__type_params__, Box.map.__qualname__)
class Sub[T, U](Box[T]):
    pass
print(Sub.__type_params__, Sub.__orig_bases__, Sub[int, str])
type Alias = list[int]
print(Alias, type(Alias).__name__, Alias.__value__, Alias.__name__, Alias.__type_params__, Alias.__module__)
type Pair[A, B] = tuple[A, B]
print(Pair, Pair.__type_params__, Pair.__value__, Pair[int, str])
type Rec = list[Rec] | int
print(Rec.__value__)
def rec[T](n: T) -> T:
    return n if n <= 0 else rec(n - 1)
print(rec(5))
class K:
    def m[T](self, x: T) -> T:
        return super().__repr__()[:3] + str(x)
    @staticmethod
    def s[T](x: T) -> T: return x
print(K().m(5), K.s(4), K.m.__qualname__)
def outer():
    y = 10
    def inner[T](x: T) -> T:
        return x + y
    return inner
print(outer()(5), outer().__qualname__)
class C[*Ts]: pass
print(C.__type_params__, C.__parameters__)
class A:
    X = int
    def f[T](self, x: X, y: T = None) -> T: pass
    type Alias = list[X]
    type G[T: X] = dict[X, T]
    class Inner[T](dict): pass
    def g[T: X](self): pass
print(A.f.__annotations__, A.Alias.__value__, A.G.__value__, A.G.__type_params__[0].__bound__)
print(A.Inner.__mro__, A.Inner.__qualname__, A.g.__type_params__[0].__bound__)
print(A.__dict__.keys())
X = "global X"
class B:
    def f[T](self) -> X: pass
    X = 5
print(B.f.__annotations__)
def deco(fn):
    fn.decorated = True
    return fn
class C:
    @deco
    def m[T](self, a=1, *, k=2) -> T:
        return a, k
print(C().m(), C.m.decorated, C.m.__defaults__, C.m.__kwdefaults__)
# laziness: a bound that fails is only evaluated when asked for
def bad[T: undefined_name](): pass
try:
    bad.__type_params__[0].__bound__
except NameError as e:
    print("NameError", e)
type Broken = 1 / 0
try:
    Broken.__value__
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    Broken.__value__ = 3
except AttributeError as e:
    print("AttributeError", e)
# type is still an ordinary name
type = "shadowed"
print(type)
del type
print(type(3).__name__)
# a type parameter is local to its scope
def scoped[T]():
    return T
print(scoped(), "T" in globals())
def gen[T](n: T):
    for i in range(n):
        yield i
print(list(gen(3)))
async def coro[T](x: T) -> T:
    return x
c = coro(5)
try:
    c.send(None)
except StopIteration as e:
    print("coroutine returned", e.value)
# __type_params__ of plain functions and classes
def f(): pass
print(f.__type_params__)
class A: pass
print(A.__type_params__)
print(int.__type_params__)
f.__type_params__ = (1,)
print(f.__type_params__)
try:
    f.__type_params__ = [1]
except TypeError as e:
    print("TypeError", e)
class G[T]: pass
print(G.__type_params__, G.__dict__["__type_params__"], "__type_params__" in A.__dict__)
class H(G[int]): pass
print(H.__type_params__)
def gen2[T](): pass
print(gen2.__type_params__)
