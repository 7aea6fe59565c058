from collections.abc import *
import collections.abc as cabc
for v in ([], (), "", {}, set(), frozenset(), range(3), b"", bytearray(), iter([]), (x for x in ()), len, 3, None, {}.keys(), {}.items(), {}.values()):
    print(type(v).__name__, [n for n in cabc.__all__ if n != "ByteString" and isinstance(v, getattr(cabc, n))])
class MyMap(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap({"a": 1, "b": 2})
print(m.get("a"), m.get("z", 0), "a" in m, list(m.keys()), list(m.items()), list(m.values()), m == {"a": 1, "b": 2})
print(m.keys() & {"a", "q"}, m.items() | {("c", 3)} == {("a", 1), ("b", 2), ("c", 3)}, repr(m.keys())[:8])
class MySeq(MutableSequence):
    def __init__(self): self.l = []
    def __getitem__(self, i): return self.l[i]
    def __setitem__(self, i, v): self.l[i] = v
    def __delitem__(self, i): del self.l[i]
    def __len__(self): return len(self.l)
    def insert(self, i, v): self.l.insert(i, v)
s = MySeq(); s.extend([3, 1, 2]); s.append(5); s.reverse(); print(s.l, s.index(1), s.count(3), 2 in s, list(reversed(s)), s.pop(), s.l)
s += [9]; s.remove(1); print(s.l)
try: s.index(42)
except ValueError: print("ValueError")
class MySet(MutableSet):
    def __init__(self, it=()): self.s = set(it)
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(self.s)
    def __len__(self): return len(self.s)
    def add(self, x): self.s.add(x)
    def discard(self, x): self.s.discard(x)
a = MySet([1, 2, 3]); b = MySet([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= MySet([1,2,3,4]), a == MySet([3,2,1]), a.isdisjoint([7]))
a |= [10]; a -= [1]; print(sorted(a.s), type(a & b).__name__)
print(Iterable[int], Callable[[int], str], Mapping[str, int].__args__)
try: Sequence()
except TypeError as e: print(e)
class NoHash:
    __hash__ = None
print(isinstance(NoHash(), Hashable), isinstance(1, Hashable), issubclass(list, Hashable))
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), Iterator), isinstance(It(), Iterable), isinstance(It(), Sized))
def f(x: Iterable[int]) -> Mapping[str, int]: return {}
print(f.__annotations__)
