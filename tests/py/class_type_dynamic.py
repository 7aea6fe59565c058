# type() with three arguments, type of types, class attributes introspection.
def hello(self):
    return "hello from " + type(self).__name__
Dyn = type("Dyn", (object,), {"greet": hello, "x": 5})
d = Dyn()
print(d.greet(), Dyn.x, Dyn.__name__, type(Dyn).__name__, type(type).__name__, isinstance(Dyn, type))
Sub = type("Sub", (Dyn,), {"x": 6})
print(Sub().greet(), Sub.x, Sub.__bases__[0].__name__, [c.__name__ for c in Sub.__mro__])
print(type(1), type("s"), type([]), type(None), type(type), type(len).__name__, type(Dyn.greet).__name__)
print(int.__name__, str.__mro__, bool.__bases__, object.__bases__)
class Meta:
    pass
print(sorted(k for k in Dyn.__dict__ if not k.startswith("__")), "greet" in dir(d), "x" in dir(Dyn))
print(issubclass(Sub, Dyn), issubclass(Dyn, Sub), issubclass(bool, (str, int)), issubclass(int, object))
print(isinstance(3, (str, int)), isinstance("a", (list, tuple)), isinstance(None, type(None)))
try:
    isinstance(3, 4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(3, int)
except TypeError as e:
    print(type(e).__name__, e)
