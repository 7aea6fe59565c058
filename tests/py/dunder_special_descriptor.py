# Special methods that are descriptors but not functions (an object with __get__ set on the class):
# every implicit use binds them through __get__ as CPython's slot lookup does (int() and float() did
# not: they called the descriptor object itself).
class D:
    def __init__(self, r): self.r = r
    def __get__(self, obj, owner=None):
        return lambda *a: self.r
class C: pass
C.__bool__ = D(False)
C.__len__ = D(7)
C.__int__ = D(3)
C.__float__ = D(2.5)
C.__getitem__ = D('g')
C.__contains__ = D(True)
C.__str__ = D('S')
C.__hash__ = D(11)
C.__eq__ = D('eq')
C.__lt__ = D('lt')
C.__enter__ = D('ent')
C.__exit__ = D(False)
C.__neg__ = D('neg')
C.__add__ = D('add')
C.__index__ = D(4)
C.__iter__ = D(iter([1]))
c = C()
for name, f in [('bool', lambda: bool(c)), ('not', lambda: not c), ('if', lambda: 1 if c else 0), ('len', lambda: len(c)), ('int', lambda: int(c)), ('float', lambda: float(c)), ('getitem', lambda: c[0]), ('in', lambda: 1 in c), ('str', lambda: str(c)), ('hash', lambda: hash(c)), ('eq', lambda: c == 1), ('lt', lambda: c < 1), ('neg', lambda: -c), ('add', lambda: c + 1), ('index', lambda: [0,1,2,3,4,5][c]), ('iter', lambda: list(c))]:
    try: print(name, f())
    except Exception as e: print(name, type(e).__name__, e)
with c as x: print('with', x)
