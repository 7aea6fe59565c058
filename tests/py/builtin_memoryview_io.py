"""memoryview where bytes-like objects go: struct, int.from_bytes, BytesIO, bytearray methods, files
(write and readinto), and views whose bytearray changed under them (released before resizing)."""
import struct, io, os
PATH = os.path.join(os.environ.get('TMPDIR', '/tmp'), 'krait_mv_%d.bin' % os.getpid())
mv = memoryview(b'\x01\x02\x03\x04abcd')
print(struct.unpack('<I', mv[:4]))
print(struct.unpack_from('<H', mv, 2))
print(int.from_bytes(mv[:2], 'big'))
b = io.BytesIO(); b.write(mv[4:]); print(b.getvalue())
ba = bytearray(b'xy'); ba.extend(mv[4:6]); print(ba)
ba[0:1] = mv[:2]; print(ba)
print(b'bc' in b'abcd', mv[4:].tobytes().find(b'c'))
print(b'abcd'.find(mv[5:7]), b'a-b'.split(memoryview(b'-')))
print(bytes(mv[::-1]), bytearray(mv[::3]))
ba2 = bytearray(b'0123456789')
v = memoryview(ba2)[2:8:2]
ba2[2:3] = b'X'
print(v.tolist(), ba2)
s = memoryview(ba2)
s.release(); s = memoryview(ba2); ba3 = ba2
print(len(s), s.tobytes())
try:
    v.tolist()
except BufferError as e:
    print("BufferError", e)
import weakref
r = weakref.ref(mv); print(r() is mv)
print(isinstance(mv, memoryview), type(mv).__name__)
with open(PATH, 'wb') as f:
    print(f.write(memoryview(b'abcdef')[1:4]))
    print(f.write(memoryview(b'\x00\x01\x00\x02').cast('H')))
with open(PATH, 'rb') as f:
    buf = bytearray(10)
    print(f.readinto(memoryview(buf)[2:]), buf)
bio = io.BytesIO(b'abc'); gb = bio.getbuffer(); gb[0] = 65; print(bio.getvalue(), len(gb))
os.remove(PATH)
