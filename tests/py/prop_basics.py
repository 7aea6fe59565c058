# property: getter/setter/deleter, decorator and call forms, read-only, inheritance.
class Temp:
    def __init__(self):
        self._c = 0.0
    @property
    def celsius(self):
        "Temperature in C."
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__, type(Temp.celsius).__name__)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
print(t.celsius)
class Old:
    def get_x(self): return self._x
    def set_x(self, v): self._x = v * 2
    x = property(get_x, set_x, None, "x doc")
o = Old()
o.x = 4
print(o.x, Old.x.__doc__, Old.x.fget is Old.get_x, Old.x.fdel)
try:
    del o.x
except AttributeError as e:
    print(type(e).__name__, e)
class Base:
    @property
    def name(self): return "base"
class Child(Base):
    @Base.name.getter
    def name(self): return "child"
print(Base().name, Child().name)
class Computed:
    def __init__(self, items): self.items = items
    total = property(lambda self: sum(self.items))
print(Computed([1, 2, 3]).total)
class NoGetter:
    x = property(None, lambda self, v: None)
try:
    NoGetter().x
except AttributeError as e:
    print(type(e).__name__, e)
