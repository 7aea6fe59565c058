"""Buffer exporters (memoryview, array) where C modules take bytes-like objects: hashlib, hmac,
zlib, binascii, struct.pack_into into writable buffers, and the errors for read-only/non-contiguous ones."""
import hmac, hashlib, zlib, array, struct, binascii
print(hashlib.sha256(memoryview(b'abc')).hexdigest()[:16], hashlib.md5(array.array('B', b'abc')).hexdigest()[:8])
print(zlib.crc32(memoryview(b'abc')), zlib.decompress(memoryview(zlib.compress(b'hi'))))
try: hashlib.sha1(memoryview(b'abcdef')[::2])
except BufferError as e: print('BufferError', e)
print(hashlib.sha1(array.array('i', [1, 2])).hexdigest()[:8])
buf = bytearray(8); mv = memoryview(buf)
struct.pack_into('<HH', mv, 2, 1, 2); print(buf)
struct.pack_into('<H', mv[4:], 2, 0xffff); print(buf)
a = array.array('b', [0] * 4); struct.pack_into('<h', a, 0, -2); print(a)
for bad in (b'xx', memoryview(b'xxxx'), 'str'):
    try: struct.pack_into('<h', bad, 0, 1)
    except TypeError as e: print('TypeError', e)
print(binascii.hexlify(memoryview(b'ab')), binascii.hexlify(b'abc', b'-'))
print(hmac.compare_digest(memoryview(b'ab'), b'ab'), hmac.compare_digest(array.array('B', b'ab'), b'ac'))
print(struct.unpack('<i', array.array('i', [7])))
