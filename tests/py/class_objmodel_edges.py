# Object model edge cases: __class__ assignment, slots inheritance, descriptor precedence, reflected
# operators, exception attributes and messages, unions, GenericAlias, super forms, __new__.
def t(f):
    try:
        print(f())
    except BaseException as e:
        print(type(e).__name__ + ":", e)
class A:
    def f(self): return "A.f"
class B:
    def f(self): return "B.f"
a = A()
a.__class__ = B
print(a.f(), type(a).__name__)
class P:
    __slots__ = ("x",)
class Q(P):
    __slots__ = ("y",)
q = Q(); q.x = 1; q.y = 2
print(q.x, q.y, Q.__slots__)
t(lambda: setattr(q, "z", 3))
class R(P): pass
r = R(); r.x = 5; r.z = 6
print(r.x, r.z, r.__dict__)
class G:
    def __getattribute__(self, n):
        if n == "magic": return 42
        return object.__getattribute__(self, n)
g = G(); g.v = 1
print(g.magic, g.v)
t(lambda: g.missing)
class DD:
    def __get__(self, o, t=None): return "data"
    def __set__(self, o, v): print("set", v)
class ND:
    def __get__(self, o, t=None): return "nondata"
class H:
    d = DD(); n = ND()
h = H()
h.__dict__["d"] = "inst"; h.__dict__["n"] = "inst"
print(h.d, h.n, H.d, H.n)
h.d = 5
class K:
    @classmethod
    def c(cls): return cls.__name__
    @staticmethod
    def s(): return "static"
    @property
    def p(self): return 1
    @p.deleter
    def p(self): print("deleted")
k = K()
print(k.c(), K.c(), k.s(), K.s(), type(K.__dict__["c"]).__name__, type(K.__dict__["s"]).__name__)
del k.p
t(lambda: setattr(k, "p", 2))
class Base:
    @classmethod
    def make(cls): return ("base", cls.__name__)
class Der(Base):
    @classmethod
    def make(cls): return ("der",) + super().make()
print(Der.make())
t(lambda: type("X", (), {}, foo=1))
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"pre": 1}
    def __instancecheck__(cls, obj): return obj == 7
class M(metaclass=Meta):
    def __init_subclass__(cls, **kw): pass
print(M.pre, isinstance(7, M), isinstance(8, M))
class E1:
    def __eq__(self, o): return True
class E2(E1):
    __hash__ = object.__hash__
print(E1() != E1(), E1() == 3, hash(E2()) != 0)
t(lambda: hash(E1()))
class BadBool:
    def __bool__(self): return 2
class BadLen:
    def __len__(self): return "x"
t(lambda: bool(BadBool()))
t(lambda: len(BadLen()))
class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return "N.add"
    def __radd__(self, o): return "N.radd"
class SubN(N):
    def __radd__(self, o): return "SubN.radd"
print(N(1) + N(2), 1 + N(1), N(1) + SubN(2), SubN(1) + N(1))
class I:
    def __add__(self, o): return "add"
i = I(); i += 1
print(i)
class Idx:
    def __index__(self): return 2
print([1,2,3][Idx()], bin(Idx()), range(10)[Idx()])
class F:
    def __format__(self, spec): return "F(" + spec + ")"
print(format(F(), "x>3"), f"{F():abc}")
t(lambda: format(object(), "x"))
class Call:
    def __call__(self, *a, **k): return (a, k)
print(Call()(1, b=2))
try:
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise KeyError("outer") from e
except KeyError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
e = ValueError("x")
e.add_note("note1")
print(e.__notes__, e.with_traceback(None) is e)
print(str(SyntaxError("bad", ("f.py", 3, 1, "x", 3, 2))), str(SyntaxError("bad")), repr(SyntaxError("bad")))
print(type(OSError(13, "Permission denied")).__name__, str(OSError(1, "x")), str(OSError("plain")), OSError(2, "a", "b").filename)
print(str(KeyError(1, 2)), str(KeyError()), repr(KeyError("k")))
print(StopIteration(5).value, StopIteration().value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
print(ImportError("m", name="n", path="p").path, str(ImportError("msg")), NameError("x", name="y").name)
t(lambda: ValueError(x=1))
t(lambda: ImportError(bad=1))
class MyE(Exception): pass
print(repr(MyE()), repr(MyE(1, 2)), str(MyE(1, 2)), MyE.__module__, issubclass(MyE, Exception))
x = [1]; d = {"x": x}; x.append(d)
print(x, d)
class Bm:
    def m(self): pass
b = Bm()
print(b.m == b.m, b.m is b.m, b.m.__self__ is b, b.m.__func__ is Bm.m, Bm.m.__name__, b.m.__name__)
print(int | None, isinstance(3, int | str), isinstance(None, int | None), (int | str).__args__)
print(type.__dict__["mro"], object.__dict__["__class__"], int.__dict__["__add__"])
t(lambda: int.__dict__.__setitem__)
print(type(None)(), type(NotImplemented).__name__, type(...).__name__, repr(...), repr(NotImplemented))
print(super(Der, Der()).make, super(Der, Der))
t(lambda: super(1))
t(lambda: object.__new__(int))
print(object.__new__(A).__class__.__name__, vars(A)["f"].__name__, A.__qualname__)
class Outer:
    class Inner: pass
print(Outer.Inner, Outer.Inner.__qualname__, repr(Outer.Inner())[:27])
def mk():
    class Local:
        def who(self): return __class__
    return Local
L = mk()
print(L().who() is L, L.__qualname__)
print(list[int], dict[str, list[int]], tuple[int, ...])
print(dir(A)[-2:], "f" in dir(A()), A.__dict__.keys() is not None)
class WithNew:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.v = v * 2
        return o
print(WithNew(4).v)
class Sing:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Sing() is Sing())
t(lambda: int.__add__("a", 1))
t(lambda: list.append())
t(lambda: object.__init__(A(), 1))
t(lambda: A(1))
