"""pickle: errors, persistent ids, dispatch tables, reducer_override, memo, framing, files."""
import os
_tmpname = '_pk_test_%d.bin' % os.getpid()
import pickle, io, copyreg
def f():
    def g(): pass
    return g
for x in [f(), lambda: 1]:
    try: pickle.dumps(x)
    except Exception as e: print(type(e).__name__, str(e).split(' at 0x')[0])
class R:
    def __reduce__(self): return 5
class R2:
    def __reduce__(self): return (1,)
class R3:
    def __reduce__(self): return 'nope'
class R4:
    def __reduce__(self): return 'inst4'
inst4 = R4()
class R5:
    def __reduce__(self): return (R5, [1])
class R6:
    def __reduce__(self): return (5, ())
for x in [R(), R2(), R3(), R5(), R6()]:
    try: pickle.dumps(x)
    except Exception as e: print(type(e).__name__, str(e).split(' object at 0x')[0])
print(pickle.dumps(inst4, 0), pickle.loads(pickle.dumps(inst4)) is inst4)
for d in [b'', b'\x80\x05', b'\x80\x09.', b'K', b'(.', b'0.', b'N', b'\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00N.', b'h\x05.', b'\xff', b'Q.', 'abc']:
    try: print(pickle.loads(d))
    except Exception as e: print(type(e).__name__, e)
for p in (-1, 6, 99):
    try: print(len(pickle.dumps(1, p)))
    except Exception as e: print(type(e).__name__, e)
# persistent ids
class P(pickle.Pickler):
    def persistent_id(self, obj):
        return ('ext', obj[1:]) if isinstance(obj, str) and obj.startswith('@') else None
class U(pickle.Unpickler):
    def persistent_load(self, pid):
        return 'loaded:' + pid[1]
for proto in range(6):
    b = io.BytesIO(); P(b, proto).dump(['@x', 'y', '@x']); print(b.getvalue())
    b.seek(0); print(U(b).load())
class P0(pickle.Pickler):
    def persistent_id(self, obj):
        return 'pid' if obj == 7 else None
b = io.BytesIO(); P0(b, 0).dump([7, 8]); print(b.getvalue())
try: pickle.loads(b.getvalue())
except pickle.UnpicklingError as e: print('UnpicklingError', e)
# dispatch_table and reducer_override
class Pt:
    def __init__(self, x): self.x = x
def reduce_pt(p): return (Pt, (p.x * 10,))
b = io.BytesIO(); pk = pickle.Pickler(b, 2); pk.dispatch_table = {Pt: reduce_pt}; pk.dump(Pt(4)); print(b.getvalue(), pickle.loads(b.getvalue()).x)
copyreg.pickle(Pt, lambda p: (Pt, (p.x + 1,)))
print(pickle.loads(pickle.dumps(Pt(4))).x)
del copyreg.dispatch_table[Pt]
class RO(pickle.Pickler):
    def reducer_override(self, obj):
        if obj == 3: return (int, ('33',))
        return NotImplemented
b = io.BytesIO(); RO(b, 4).dump([1, 3]); print(b.getvalue(), pickle.loads(b.getvalue()))
# memo / clear_memo / multiple dumps in one stream
b = io.BytesIO(); pk = pickle.Pickler(b, 2); l = [1]; pk.dump(l); pk.dump(l); pk.clear_memo(); pk.dump(l)
print(b.getvalue()); b.seek(0); up = pickle.Unpickler(b); print(up.load(), up.load(), up.load())
# big data: framing
big = [b'x' * 70000, 'y' * 70000, list(range(20000))]
for proto in (4, 5):
    d = pickle.dumps(big, proto); print(proto, len(d), d[:40], d.count(b'\x95'), pickle.loads(d) == big)
with open(_tmpname, 'wb') as fh: pickle.dump({'a': 1}, fh)
with open(_tmpname, 'rb') as fh: print(pickle.load(fh))
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, issubclass(pickle.PicklingError, pickle.PickleError))
print(pickle.loads(b'\x80\x02c__builtin__\nlong\nK\x05\x85R.'), pickle.loads(b'cexceptions\nValueError\n(Vx\ntR.'))
print(pickle.loads(b"S'abc'\np0\n."), pickle.loads(b'U\x03abc.'), pickle.loads(b'U\x03abc.', encoding='bytes'))
print(pickle.loads(b'F1.25\n.'), pickle.loads(b'L123L\n.'), pickle.loads(b'(I1\nI2\nd.'))
os.remove(_tmpname)
