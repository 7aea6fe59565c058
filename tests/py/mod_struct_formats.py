# struct: every format char in every byte order, sizes and native alignment, round trips, edge values
import struct

ORDERS = ['@', '=', '<', '>', '!']
INT_CHARS = 'bBhHiIlLqQ'

print(struct.calcsize(''), struct.pack(''), struct.unpack('', b''))
for o in ORDERS:
    print(o, [struct.calcsize(o + c) for c in 'xcbB?hHiIlLqQefd'])
print('native only', [struct.calcsize(c) for c in 'nNP'])

# native alignment: a field starts at a multiple of its size; no trailing padding
for fmt in ['ci', 'cq', 'ch', 'ce', 'cd', 'bhiq', 'qbhi', 'c0i', 'ci0q', 'cP', 'c3s i', 'cl', '?n', '=ci', '<cq', '>cd']:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack('ci0l', b'x', 5))
print(struct.pack('@bhb', 1, 2, 3), struct.pack('=bhb', 1, 2, 3))

# integer limits in every order
for o in ORDERS:
    for c in INT_CHARS:
        size = struct.calcsize(o + c)
        if c.islower():
            lo, hi = -(1 << (8 * size - 1)), (1 << (8 * size - 1)) - 1
        else:
            lo, hi = 0, (1 << (8 * size)) - 1
        for v in (lo, hi, 0, 1, lo // 3, hi // 7):
            b = struct.pack(o + c, v)
            back, = struct.unpack(o + c, b)
            assert back == v, (o, c, v, back)
        print(o + c, struct.pack(o + c, lo).hex(), struct.pack(o + c, hi).hex(), struct.pack(o + c, hi // 7).hex())
for c in 'nN':
    print(c, struct.pack(c, 5).hex(), struct.unpack(c, struct.pack(c, (1 << 63) - 1 if c == 'n' else (1 << 64) - 1)))
print('P', struct.pack('P', 0).hex(), struct.pack('P', -1).hex(), struct.unpack('P', struct.pack('P', (1 << 64) - 1)))

# big ints and bools as integers, __index__
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
print(struct.pack('<q', (1 << 62) + 5).hex(), struct.pack('<Q', (1 << 63) + 5).hex(), struct.pack('>i', True).hex())
print(struct.pack('<hIQ', Idx(-3), Idx(7), Idx(1 << 64 - 1)).hex())
print(struct.unpack('>Q', b'\xff' * 8), struct.unpack('<q', b'\x00' * 7 + b'\x80'))

# chars, strings, pascal strings, padding, bools
print(struct.pack('c3sx2x', b'a', b'xyzw'), struct.pack('5s', b'ab'), struct.pack('0s', b'abc'), struct.pack('3s', bytearray(b'q')))
print(struct.pack('5p', b'abcdefgh'), struct.pack('1p', b'abc'), struct.pack('0p', b'abc'), struct.pack('4p', b'a'))
print(struct.pack('300p', b'x' * 400)[:3], len(struct.pack('300p', b'x' * 400)))
print(struct.unpack('5p', b'\x09abcd'), struct.unpack('3p', b'\x01ab'), struct.unpack('0s0p', b''), struct.unpack('2c3s', b'abxyz'))
print(struct.pack('<5?', 0, 1, 2, [], [1]), struct.unpack('4?', b'\x00\x01\x02\xff'), struct.unpack('x3x', b'\x05\x06\x07\x08'))
print(struct.pack('3x'), struct.pack('2c', b'\x00', b'\xff'))

# floats: exact round trips for 'd', float rounding for 'f', half precision for 'e'
for o in ORDERS:
    for v in [0.0, -0.0, 1.5, -2.25, 1e300, 1 / 3, 5e-324, float('inf'), float('-inf')]:
        b = struct.pack(o + 'd', v)
        assert struct.unpack(o + 'd', b)[0] == v or v != v
    print(o + 'd', struct.pack(o + 'd', 1 / 3).hex(), struct.pack(o + 'f', 1 / 3).hex(), struct.pack(o + 'e', 1 / 3).hex())
    print(o, struct.unpack(o + 'f', struct.pack(o + 'f', 0.1)), struct.unpack(o + 'e', struct.pack(o + 'e', 0.1)))
print(struct.pack('f', 1e300).hex(), struct.pack('<f', 3.4028234663852886e+38).hex(), struct.pack('<d', 3).hex(), struct.pack('<e', 2).hex())
nan = float('nan')
print(struct.pack('<d', float('inf')).hex(), struct.pack('<f', float('-inf')).hex(), struct.pack('<e', float('inf')).hex())
print(struct.pack('<e', nan).hex(), struct.pack('<e', -nan).hex(), struct.pack('>f', nan).hex(), struct.pack('<d', nan).hex())
print(struct.unpack('<e', b'\x00\x7c'), struct.unpack('<e', b'\x00\xfc'), struct.unpack('<e', b'\x01\x7c'), struct.unpack('<f', b'\x00\x00\xc0\x7f'))
# half precision: round half to even, subnormals, the largest finite value, underflow to zero
for x in [1.0009765625, 1.00048828125, 1.00146484375, 65504.0, 65519.99, 5.960464477539063e-08,
          2.9802322387695312e-08, 2.98023223876953125e-08 * 1.0000001, 6.103515625e-05, 6.097555160522461e-05,
          -0.0, 1e-10, -1e-10, 0.333251953125, 2049.0, 2051.0, 4097.0, -65504.0, 1.0 - 2 ** -12]:
    b = struct.pack('<e', x)
    print(x, b.hex(), struct.unpack('<e', b)[0], struct.pack('>e', x).hex())
# half bit patterns (a stride over all of them, and every one near the subnormal and infinity
# boundaries) decode, and re-encode to themselves (NaNs excepted)
bad = 0
for h in sorted(set(range(0, 65536, 17)) | set(range(0x3f0, 0x410)) | set(range(0x7be0, 0x7c10)) | set(range(0x83f0, 0x8410))):
    v, = struct.unpack('<e', h.to_bytes(2, 'little'))
    if v == v and struct.pack('<e', v) != h.to_bytes(2, 'little'):
        bad += 1
print('half round trip mismatches:', bad)

# mixed formats, whitespace, repeat counts, bytes formats
fmt = '<3b 2H\ti\nq ?  e f d 4s 3p c'
vals = (-1, 2, -3, 65535, 1, -7, -(1 << 40), True, 0.5, -1.25, 2.5, b'abcd', b'xy', b'z')
b = struct.pack(fmt, *vals)
print(len(b), struct.calcsize(fmt), b.hex())
print(struct.unpack(fmt, b))
print(struct.pack(b'>2h', 1, -1), struct.unpack(b'>2h', b'\x00\x01\xff\xff'), struct.calcsize(b'@ci'))
print(struct.pack('10h', *range(10)).hex())
print(struct.unpack('0i5h', struct.pack('0i5h', 1, 2, 3, 4, 5)))

# Struct objects
s = struct.Struct('>hhl')
print(s, repr(s), s.format, s.size, type(s).__name__, type(s.format))
print(struct.Struct(b'<i').format, struct.Struct(format='!I').size)
print(s.pack(1, 2, 3), s.unpack(b'\x00\x01\x00\x02\x00\x00\x00\x03'))
print(s.unpack_from(b'\xff\xff' + s.pack(-1, -2, -3)[:8] + b'!!', 2), s.unpack_from(b'\x00' * 10, offset=1))
ba = bytearray(12)
print(s.pack_into(ba, 2, 7, 8, 9), ba)
s.pack_into(ba, -8, -1, -1, -1)
print(ba)
it = s.iter_unpack(bytes(range(16)))
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__(), list(it))
print(list(struct.iter_unpack('<H', b'\x01\x00\x02\x00\x03\x00')), list(struct.iter_unpack('b', b'')))
print(list(struct.iter_unpack('<2h', bytearray(b'\x01\x00\x02\x00\x03\x00\x04\x00'))))
print(struct.unpack('>I', bytearray(b'\x00\x00\x01\x00')), struct.unpack_from('>H', bytearray(b'\x00\x00\x01\x00'), -2))
print(struct.pack_into('<I', ba, 0, 0xdeadbeef), ba.hex())
print(isinstance(s, struct.Struct), s == struct.Struct('>hhl'), s == s, hash(s) == hash(s))
print(struct.Struct.__name__, struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception))
print(sorted(n for n in dir(struct) if not n.startswith('_')))
print(struct.pack('<I', 1) == struct.Struct('<I').pack(1), struct.calcsize('i') == struct.Struct('i').size)
# the cache: many formats, clearing, the same results after
for k in range(250):
    assert struct.calcsize('%dB' % k) == k
struct._clearcache()
print(struct.pack('<h', -2), struct.unpack('<h', b'\xfe\xff'))
