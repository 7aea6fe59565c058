# Object model: classes, properties, class/static methods, dunder dispatch, slots, metaclasses,
# __init_subclass__, __set_name__, builtin subclasses, exceptions, recursive reprs (type.c/abstract.c).
class A:
    """doc A"""
    x = 1
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def __repr__(self):
        return f"A({self.v!r})"
    def __eq__(self, o):
        return isinstance(o, A) and o.v == self.v
    @property
    def double(self):
        return self.v * 2
    @double.setter
    def double(self, val):
        self.v = val // 2
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def st(a, b):
        return a + b

class B(A):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def get(self):
        return super().get() + self.w
    def __lt__(self, o):
        return self.get() < o.get()

a = A(3)
b = B(1, 2)
print(a, b, a.get(), b.get(), a.double, A.make(5), B.make.__self__, A.st(1, 2), a.st(3, 4))
a.double = 10
print(a.v, a == A(5), a != A(5), a == 3, A.__doc__, B.__doc__, A.__name__, B.__qualname__, B.__mro__)
try:
    hash(a)
except TypeError as e:
    print(e)
print(b < B(2, 2), B(5, 5) > b, sorted([B(3, 0), B(1, 0), B(2, 0)], key=lambda o: o.v))
try:
    a < b
except TypeError as e:
    print(e)
print(type(a).__name__, a.__class__ is A, isinstance(b, A), issubclass(B, A), A.x, a.x, b.x)
a.x = 7
print(a.x, A.x, a.__dict__, vars(b))
del a.x
print(a.x)
try:
    del a.x
except AttributeError as e:
    print(e)
try:
    a.nope
except AttributeError as e:
    print(e)
try:
    A.nope
except AttributeError as e:
    print(e)
try:
    A()
except TypeError as e:
    print(e)
class C:
    pass
try:
    C(1)
except TypeError as e:
    print(e)
print(C.__init__, repr(C())[:20], C.__module__, C().__dict__)
class S:
    __slots__ = ("p", "q")
    def __init__(self):
        self.p = 1
s = S()
print(s.p)
try:
    s.q
except AttributeError as e:
    print(e)
try:
    s.r = 1
except AttributeError as e:
    print(e)
print(S.p, type(S.p).__name__)
class V:
    def __init__(self, *xs): self.xs = list(xs)
    def __len__(self): return len(self.xs)
    def __getitem__(self, i): return self.xs[i]
    def __iter__(self): return iter(self.xs)
    def __contains__(self, x): return x in self.xs
    def __add__(self, o): return V(*(self.xs + o.xs))
    def __radd__(self, o): return V(o, *self.xs)
    def __iadd__(self, o): self.xs.append(o); return self
    def __neg__(self): return V(*[-x for x in self.xs])
    def __bool__(self): return bool(self.xs)
    def __call__(self, k=0): return self.xs[k]
    def __hash__(self): return 42
    def __setitem__(self, k, v): self.xs[k] = v
    def __delitem__(self, k): del self.xs[k]
v = V(1, 2, 3)
print(len(v), v[1], list(v), 2 in v, 9 in v, (v + V(4)).xs, (0 + v).xs, (-v).xs, bool(V()), v(), v(k=2), hash(v))
v += 5
v[0] = 10
del v[1]
print(v.xs)
class W:
    def __getattr__(self, n):
        return n.upper()
w = W()
w.real = 1
print(w.foo, w.real)
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["added"] = kw.get("flag", 0)
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a):
        print("meta call", cls.__name__, a)
        return super().__call__(*a)
class M(metaclass=Meta, flag=9):
    def __init__(self, a): self.a = a
m = M(4)
print(type(M).__name__, M.added, m.a)
class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Der(Base, tag="t"):
    pass
print(Der.tag)
class D:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner=None):
        return self if obj is None else (self.name, obj.__class__.__name__)
class H:
    d = D()
print(H.d.name, H().d)
class Counter(dict):
    def __missing__(self, k): return 0
c = Counter()
c["a"] += 1
c.tag = 5
print(c, c.tag, isinstance(c, dict))
class MyList(list):
    def first(self): return self[0]
ml = MyList([3, 1, 2])
ml.sort()
print(ml, ml.first(), type(ml).__name__, len(ml))
class MyInt(int):
    def __repr__(self): return "MyInt(%d)" % int(self)
mi = MyInt(5)
print(mi, mi + 1, repr(mi), type(mi + 1).__name__)
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise E("bad", 3)
except E as e:
    print(e, repr(e), e.code, e.args)
print(A.__dict__["get"].__name__, type(A.__dict__).__name__, "get" in A.__dict__)
print(object.__new__(C).__class__, type("Z", (), {"q": 1}).q)
print(super(B, b).get())
l = [1]; l.append(l); print(l)
d = {}; d["d"] = d; print(d)
print(B.__bases__, B.__base__, A.__subclasses__())
