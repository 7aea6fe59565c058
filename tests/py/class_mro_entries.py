class L(list[int]): pass
print(L.__bases__, L.__orig_bases__, L([1]))
class B:
    def __mro_entries__(self, bases):
        print("entries", len(bases), bases[1])
        return (dict,)
class D(B(), object): pass
print(D.__bases__, len(D.__orig_bases__), D.__mro__)
class Bad:
    def __mro_entries__(self, bases): return [int]
try:
    class X(Bad()): pass
except TypeError as e: print(e)
class P: pass
print("__orig_bases__" in P.__dict__)
class Gone:
    def __mro_entries__(self, bases): return ()
class Q(Gone(), int): pass
print(Q.__bases__, Q(7) + 1)
try:
    class R(3): pass
except TypeError as e: print(type(e).__name__)
from typing import Generic, TypeVar
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v): self.v = v
class IntBox(Box[int]): pass
print(IntBox.__bases__, IntBox(3).v)
