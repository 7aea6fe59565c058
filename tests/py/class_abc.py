from abc import ABC, ABCMeta, abstractmethod, abstractclassmethod, get_cache_token
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def name(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
print(sorted(Shape.__abstractmethods__))
try: Shape()
except TypeError as e: print(e)
class Sq(Shape):
    def area(self): return 4
    @property
    def name(self): return "sq"
try: Sq()
except TypeError as e: print(e)
class Sq2(Sq):
    @classmethod
    def make(cls): return cls()
s = Sq2.make(); print(s.area(), s.name, isinstance(s, Shape), Sq2.__abstractmethods__)
class Sized(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented
print(isinstance([], Sized), isinstance(3, Sized), issubclass(dict, Sized))
class Reg(ABC): pass
t = get_cache_token()
Reg.register(int)
print(isinstance(3, Reg), issubclass(bool, Reg), issubclass(str, Reg), get_cache_token() - t)
@Reg.register
class X: pass
print(issubclass(X, Reg), X.__name__)
try: Reg.register(3)
except TypeError as e: print(e)
try: issubclass(3, Reg)
except TypeError as e: print(e)
class Y(Reg): pass
try: Y.register(Reg)
except RuntimeError as e: print(e)
print(type(ABC), ABC.__slots__)
# abstract properties / classmethods discovered through the MRO, update_abstractmethods
from abc import abstractproperty, abstractstaticmethod, update_abstractmethods
class Base(ABC):
    @abstractmethod
    def run(self): ...
class Mid(Base):
    pass
print(sorted(Mid.__abstractmethods__), Mid.run.__isabstractmethod__)
class Late:
    def run(self): return "late"
Late.__abstractmethods__ = frozenset({"run"})
try: Late()
except TypeError as e: print(e)
Late.__abstractmethods__ = frozenset()
print(Late().run())
class Fix(Base):
    pass
Fix.run = lambda self: "fixed"
update_abstractmethods(Fix)
print(Fix().run(), Fix.__abstractmethods__)
p = property(lambda self: 1)
print(p.__isabstractmethod__, abstractproperty.__isabstractmethod__ if hasattr(abstractproperty, "__isabstractmethod__") else "-")
print(object.__subclasshook__(int), ABCMeta.__name__, isinstance(Sq2, ABCMeta))
