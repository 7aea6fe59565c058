# isinstance, issubclass, type, id-free identity, hash equality, callable, getattr/setattr/hasattr/delattr, vars, dir.
class A:
    cls_attr = 1
    def __init__(self):
        self.inst = 2
    def method(self):
        pass
class B(A):
    pass
b = B()
print(isinstance(b, A), isinstance(b, (int, B)), isinstance(3, (str, (list, int))), issubclass(B, A), issubclass(B, (int, str)), issubclass(A, A))
print(type(b) is B, type(b) == B, type(3) is int, type(b).__name__, type(B).__name__)
print(callable(b.method), callable(A), callable(b), callable(print), callable("s".upper), callable(None))
print(getattr(b, "inst"), getattr(b, "cls_attr"), getattr(b, "nope", "default"), hasattr(b, "inst"), hasattr(b, "zzz"))
setattr(b, "new", 3)
print(b.new, vars(b), sorted(k for k in vars(A) if not k.startswith("__")), "__init__" in vars(A))
delattr(b, "new")
print(hasattr(b, "new"), "method" in dir(b), "inst" in dir(b), "cls_attr" in dir(B), dir(b) == sorted(dir(b)))
print(hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)), hash(frozenset([1])) == hash(frozenset([1])))
x = [1]
y = x
print(x is y, id(x) == id(y), id(x) != id([1]), x is not [1])
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    getattr(b, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    getattr(b, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
print(sorted(vars().keys() & {"A", "B", "b", "x", "y"}))
o = object()
print(type(o).__name__, hasattr(o, "__class__"), isinstance(o, object), isinstance(A, object), isinstance(type, object), isinstance(object, type))
