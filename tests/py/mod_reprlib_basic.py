"""reprlib: Repr limits per type, fillvalue, indent, maxlevel, recursive_repr."""
import reprlib
r = reprlib.Repr()
print(reprlib.repr(list(range(100))), reprlib.repr('x'*100), reprlib.repr(tuple(range(10))), reprlib.repr(set(range(20))))
print(reprlib.repr(frozenset(range(20))), reprlib.repr({i: i for i in range(10)}), reprlib.repr(10**50), reprlib.repr([[[[[1]]]]]))
print(reprlib.repr(b'y'*100), reprlib.repr([]), reprlib.repr(()), reprlib.repr((1,)), reprlib.repr({}), reprlib.repr(set()), reprlib.repr(frozenset()))
import collections
print(reprlib.repr(collections.deque(range(10))))
r2 = reprlib.Repr(maxlist=3, maxstring=10, indent=2)
print(r2.repr([1, [2, 3], 'abcdefghijklmnop', 4, 5]))
print(r2.repr({'a': [1,2], 'b': 2}))
r3 = reprlib.Repr(indent='--'); print(r3.repr([1, (2, 3)]))
print(r3.repr([]))
class X:
    def __repr__(self): raise ValueError
print(reprlib.repr(X())[:15])
class L(list): pass
print(reprlib.repr(L([1,2])))
class Y:
    def __repr__(self): return 'Y' * 50
print(reprlib.repr(Y()))
class N:
    @reprlib.recursive_repr()
    def __repr__(self): return f'N({self.items})'
n = N(); n.items = [n, 1]
print(repr(n), N.__repr__.__name__, N.__repr__.__wrapped__ is not None)
class N2(list):
    @reprlib.recursive_repr('<<rec>>')
    def __repr__(self): return 'N2' + list.__repr__(self)
m = N2(); m.append(m); print(repr(m))
print(r.maxlevel, r.maxdict, r.maxlist, r.maxtuple, r.maxset, r.maxfrozenset, r.maxdeque, r.maxarray, r.maxlong, r.maxstring, r.maxother, r.fillvalue)
r.fillvalue = '+++'; print(r.repr(list(range(10))))
print(reprlib.repr(-10**50), reprlib.repr(1.5), reprlib.repr(None))
print(reprlib.Repr(maxlevel=1).repr([[1], {2: [3]}, (4,), {5}]))
print(reprlib.repr({1: {2: {3: {4: {}}}}}))
print(reprlib.repr(range(5)), reprlib.repr('a\'b"c'*10))
print(r2.repr_str('abcdefghijklmn', 1))
print(reprlib.Repr(maxlevel=2, indent=1).repr([[1, [2]], {}, [[]]]))
for ind in (-1, 1.5):
    try: reprlib.Repr(indent=ind).repr([1])
    except Exception as e: print(type(e).__name__, e)
print(reprlib.Repr(indent=2).repr((1,)), reprlib.Repr(indent=2).repr({1}))
