# struct: every error (type and message) CPython 3.13 gives, for formats, values, buffers, arguments
import struct


def t(label, f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(label, '->', type(e).__module__, type(e).__name__, e)
    else:
        print(label, '=', repr(r))


P = struct.pack
# range checks, every integer format, native and standard
for fmt, v in [('b', 128), ('b', -129), ('B', 256), ('B', -1), ('h', 40000), ('H', -1), ('H', 70000),
               ('<h', -40000), ('<H', -1), ('>H', 70000), ('i', 2 ** 31), ('i', -2 ** 31 - 1), ('I', -1),
               ('I', 2 ** 32), ('<i', 2 ** 31), ('<I', -1), ('!I', 2 ** 32), ('l', 2 ** 63), ('L', -1),
               ('<l', 2 ** 31), ('<L', 2 ** 32), ('>L', -1), ('q', 2 ** 63), ('q', -2 ** 63 - 1), ('Q', -1),
               ('Q', 2 ** 64), ('<q', 2 ** 63), ('<Q', -1), ('<Q', 2 ** 64), ('n', 2 ** 63), ('N', -1),
               ('N', 2 ** 64), ('P', 2 ** 64), ('P', -2 ** 63 - 1), ('<i', 2 ** 100), ('<Q', -2 ** 100),
               ('=b', -2 ** 70), ('@B', 2 ** 70)]:
    t('pack %s %s' % (fmt, v), P, fmt, v)
# wrong types
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 7
class BadIndex:
    def __index__(self):
        return 'x'
class BadFloat:
    def __float__(self):
        return 'x'
for fmt, v in [('b', 'x'), ('<h', 1.5), ('i', None), ('Q', 2.0), ('P', 'p'), ('i', BadIndex()), ('<q', F()),
               ('f', 'x'), ('<f', 'x'), ('d', 'x'), ('<d', [1]), ('e', 'x'), ('>e', None), ('d', BadFloat()),
               ('e', 2 ** 1100), ('<f', 2 ** 1100), ('<d', 2 ** 1100), ('d', I()), ('<e', F()), ('f', F()),
               ('c', b'ab'), ('c', bytearray(b'a')), ('c', 'a'), ('c', b''), ('s', 1), ('3s', 'abc'), ('p', 'x'),
               ('?', []), ('?', 'x'), ('i', True), ('<d', 3), ('i', I())]:
    t('pack %s %s' % (fmt, type(v).__name__), P, fmt, v)
# float overflow: OverflowError for 'e' and standard 'f'; native 'f' is C's cast
for fmt, v in [('f', 1e300), ('<f', 1e300), ('>f', -1e39), ('<f', 3.4028235677973366e+38), ('e', 1e6),
               ('<e', 65520.0), ('>e', -65520.0), ('<e', 65519.99), ('<d', 1e308),
               ('<e', 100000), ('e', -10 ** 6), ('<f', 10 ** 39), ('f', 10 ** 39), ('<d', 10 ** 309)]:
    t('pack %s %r' % (fmt, v), P, fmt, v)
# counts
t('count1', P, 'ii', 1)
t('count2', P, 'i')
t('count3', P, 'i', 1, 2)
t('count4', P, '3s2p', b'', b'', b'')
t('noargs', P)
t('kw', P, 'i', x=1)
# bad formats
for fmt in ['2', 'i2', '2 h', 'z', '<n', '>N', '!P', 'i\0', '<>', 'ii%', '99999999999999999999q',
            '9223372036854775807x', '9223372036854775807h', '4611686018427387904h', 'é', 'iù', b'\xff', b'i\x00']:
    t('calcsize %r' % (fmt,), struct.calcsize, fmt)
t('calcsize int', struct.calcsize, 1)
t('calcsize bytearray', struct.calcsize, bytearray(b'i'))
t('calcsize none', struct.calcsize)
t('calcsize two', struct.calcsize, 'i', 'j')
t('calcsize kw', struct.calcsize, format='i')
t('Struct int', struct.Struct, 1)
t('Struct bytearray', struct.Struct, bytearray(b'i'))
t('Struct none', struct.Struct)
t('Struct two', struct.Struct, 'i', 'j')
t('Struct kw', struct.Struct, 'i', x=1)
t('Struct bad', struct.Struct, 'q!')
# unpack
t('unpack short', struct.unpack, 'i', b'123')
t('unpack long', struct.unpack, '<h', b'123')
t('unpack str', struct.unpack, 'i', 'abcd')
t('unpack int', struct.unpack, 'i', 5)
t('unpack none', struct.unpack)
t('unpack one', struct.unpack, 'i')
t('unpack kw', struct.unpack, 'i', b'1234', x=1)
t('Struct.unpack', struct.Struct('i').unpack, b'12345')
t('Struct.unpack none', struct.Struct('i').unpack)
t('Struct.unpack two', struct.Struct('i').unpack, b'1', b'2')
# unpack_from offsets
buf = b'12345'
for off in [0, 1, 2, 5, 9, -1, -4, -5, -6, 2 ** 70, -2 ** 70, 1.5, 'x', I()]:
    t('unpack_from %s' % (off if not isinstance(off, I) else 'I()',), struct.unpack_from, 'i', buf, off)
t('unpack_from kw', struct.unpack_from, 'i', buffer=b'1234', offset=0)
t('unpack_from kw2', struct.unpack_from, '<h', b'1234', offset=2)
t('unpack_from none', struct.unpack_from)
t('unpack_from fmt', struct.unpack_from, 'i')
t('unpack_from four', struct.unpack_from, 'i', b'1234', 0, 1)
t('unpack_from bad kw', struct.unpack_from, 'i', b'1234', bad=1)
t('unpack_from format kw', struct.unpack_from, format='i', buffer=b'1234')
t('Struct.unpack_from none', struct.Struct('i').unpack_from)
t('Struct.unpack_from', struct.Struct('<h').unpack_from, b'1234', offset=-2)
# pack_into
for off in [0, 2, 3, 6, 7, -1, -2, -4, -6, -9, 2 ** 70, 1.5, 'x', I()]:
    ba = bytearray(b'abcdef')
    t('pack_into %s' % (off if not isinstance(off, I) else 'I()',), struct.pack_into, '<i', ba, off, 0x01020304)
    print('  ', ba)
t('pack_into bytes', struct.pack_into, 'i', b'1234', 0, 1)
t('pack_into str', struct.pack_into, 'i', 'abcd', 0, 1)
t('pack_into nothing', struct.pack_into)
t('pack_into fmt', struct.pack_into, 'i')
t('pack_into buf', struct.pack_into, 'i', bytearray(4))
t('pack_into noval', struct.pack_into, 'i', bytearray(4), 0)
t('pack_into 2vals', struct.pack_into, 'i', bytearray(4), 0, 1, 2)
t('pack_into badval', struct.pack_into, 'h', bytearray(4), 0, 1 << 20)
s = struct.Struct('hh')
t('Struct.pack_into', s.pack_into, bytearray(4))
t('Struct.pack kw', s.pack, x=1)
t('Struct.pack count', s.pack, 1)
# iter_unpack
t('iter_unpack empty fmt', struct.iter_unpack, '', b'')
t('iter_unpack zero', struct.iter_unpack, '0i', b'')
t('iter_unpack partial', struct.iter_unpack, 'i', b'12345')
t('iter_unpack str', struct.iter_unpack, 'h', 'ab')
t('iter_unpack one', struct.iter_unpack, 'i')
t('Struct.iter_unpack none', s.iter_unpack)
it = struct.iter_unpack('h', b'1234')
next(it)
next(it)
t('iter exhausted', next, it)
t('iter hint', it.__length_hint__)
print('iterator type', type(it))
# struct.error is catchable as Exception and as itself; messages are its args
try:
    struct.pack('B', 300)
except struct.error as e:
    print('caught', type(e) is struct.error, e.args)
# attributes are read-only, Struct has no __dict__
for name in ['format', 'size']:
    try:
        setattr(s, name, 1)
    except AttributeError:
        print('cannot set', name)
try:
    s.x = 1
except AttributeError:
    print('no attribute dict')
# cache keys: bytearray is unhashable, str and bytes formats are different entries
t('pack bytearray fmt', struct.pack, bytearray(b'i'), 1)
print(struct.pack('<h', 1), struct.pack(b'<h', 1))
