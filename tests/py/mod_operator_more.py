# operator: in-place functions, call, length_hint, getter reprs, dunder aliases
import operator as op
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
x = [1]; print(op.iconcat(x, [2]), x, op.iand(6, 3), op.ior({1}, {2}), op.ixor(5, 1), op.ipow(2, 10), op.imod(7, 3),
      op.ifloordiv(7, 2), op.itruediv(7, 2), op.ilshift(1, 4), op.irshift(256, 4))
print(op.call(max, 1, 5, key=None), op.length_hint([1, 2]), op.length_hint(iter(range(5))), op.length_hint(object(), 7))
print(op.attrgetter('a', 'b.c'), op.itemgetter(1, 'k'), op.methodcaller('split', ',', maxsplit=1))
print(op.__add__(1, 2), op.__not__(0), op.__and__(3, 1), op.__inv__(0), op.__invert__(1), op.__lt__ is op.lt)
t(lambda: op.iconcat(1, 2)); t(lambda: op.attrgetter(1)); t(lambda: op.length_hint(1, 'a'))
print(op.methodcaller('upper')('abc'), sorted([(1, 'b'), (0, 'a')], key=op.itemgetter(1)), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'))
