# zlib: one-shot and streaming round trips at every level/wbits, byte-exact output, checksums, stream
# objects (unused_data, unconsumed_tail, eof, max_length, flush modes, copy, zdict) and error messages.
import zlib
def e(f):
    try: r = f(); print('ok', r)
    except Exception as ex: print(type(ex).__name__, ex)
data = b''.join(b'line %d of some text, repeated repeated repeated\n' % i for i in range(3000))
c = zlib.compress(data); print(len(data), len(c), c[:10].hex(), zlib.decompress(c) == data)
for lvl in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, lvl); print(lvl, len(c), zlib.crc32(c), zlib.decompress(c) == data)
for wb in (9, 15, -15, -9, 31, 25):
    c = zlib.compress(data, wbits=wb); print(wb, len(c), c[:4].hex(), zlib.decompress(c, wb) == data, zlib.decompress(c, 47 if wb > 0 else wb) == data)
print(zlib.decompress(zlib.compress(b'')), zlib.compress(b'').hex())
print(zlib.decompress(zlib.compress(data), bufsize=1) == data, zlib.decompress(zlib.compress(data), bufsize=0) == data)
print(zlib.crc32(b'hello'), zlib.crc32(b'world', zlib.crc32(b'hello ')), zlib.crc32(b'hello world'), zlib.crc32(b'', -1), zlib.crc32(b'a', 2**40 + 5))
print(zlib.adler32(b'hello'), zlib.adler32(b'world', zlib.adler32(b'hello ')), zlib.adler32(b'hello world'), zlib.adler32(b''))
print(zlib.crc32(bytearray(b'abc')), zlib.adler32(data))
# streaming
co = zlib.compressobj(9, zlib.DEFLATED, -15)
parts = [co.compress(data[i:i+1000]) for i in range(0, len(data), 1000)]
parts.append(co.flush())
cs = b''.join(parts)
print(len(cs), cs == zlib.compress(data, 9, -15))
e(lambda: co.compress(b'x'))
e(lambda: co.flush())
e(lambda: co.copy())
do = zlib.decompressobj(-15)
out = b''
for i in range(0, len(cs), 777):
    out += do.decompress(cs[i:i+777])
out += do.flush()
print(out == data, do.eof, do.unused_data, do.unconsumed_tail)
# unused data
z = zlib.compress(b'hello world') + b'TRAILER'
do = zlib.decompressobj()
print(do.decompress(z), do.eof, do.unused_data, do.unconsumed_tail)
print(do.decompress(b'more'), do.unused_data)
# max_length
do = zlib.decompressobj()
c = zlib.compress(data)
chunks = []
x = do.decompress(c, 100); chunks.append(x); print(len(x), len(do.unconsumed_tail) > 0, do.eof)
while do.unconsumed_tail:
    x = do.decompress(do.unconsumed_tail, 5000); chunks.append(x)
chunks.append(do.flush())
print(b''.join(chunks) == data, do.eof, len(chunks))
# flush(Z_SYNC_FLUSH) then continue
co = zlib.compressobj()
a = co.compress(b'abc') + co.flush(zlib.Z_SYNC_FLUSH)
do = zlib.decompressobj()
print(do.decompress(a), do.eof)
b2 = co.compress(b'def') + co.flush()
print(do.decompress(b2), do.eof)
print(co.flush(zlib.Z_NO_FLUSH))
# copy independence
co = zlib.compressobj(); pre = co.compress(b"common prefix ")
c2 = co.copy()
r1 = pre + co.compress(b"one") + co.flush(); r2 = pre + c2.compress(b"two") + c2.flush()
print(zlib.decompress(r1), zlib.decompress(r2))
do = zlib.decompressobj(); full = zlib.compress(b'abcdefgh' * 100)
p1 = do.decompress(full[:20]); d2 = do.copy()
print(p1 + do.decompress(full[20:]) == b'abcdefgh'*100, p1 + d2.decompress(full[20:]) == b'abcdefgh'*100)
# zdict
zd = b'the quick brown fox'
co = zlib.compressobj(zdict=zd); c = co.compress(b'the quick brown fox jumps') + co.flush()
do = zlib.decompressobj(zdict=zd); print(do.decompress(c))
e(lambda: zlib.decompress(c))
e(lambda: zlib.decompressobj().decompress(c))
co = zlib.compressobj(wbits=-15, zdict=zd); c = co.compress(b'the quick brown fox jumps') + co.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(c))
e(lambda: zlib.compressobj(zdict='x'))
e(lambda: zlib.decompressobj(zdict=1))
# errors
e(lambda: zlib.decompress(b'abc'))
e(lambda: zlib.decompress(zlib.compress(b'hello')[:-3]))
e(lambda: zlib.decompress(b'x\x9c' + b'\xff' * 10))
e(lambda: zlib.compress(b'x', 10))
e(lambda: zlib.compress('x'))
e(lambda: zlib.decompress(b'x', wbits=99))
e(lambda: zlib.decompressobj().decompress(b'x', -1))
e(lambda: zlib.compressobj(wbits=3))
e(lambda: zlib.compressobj(method=3))
e(lambda: zlib.decompressobj().flush(0))
e(lambda: zlib.decompressobj(wbits=99))
e(lambda: zlib.decompress(b'x', bufsize=-1))
e(lambda: zlib.decompressobj().decompress(b'garbage!'))
e(lambda: zlib.crc32('x'))
e(lambda: zlib.crc32(b'x', 'y'))
e(lambda: zlib.Compress())
do = zlib.decompressobj(); do.decompress(zlib.compress(b'q')); print(do.flush(), do.eof)
e(lambda: do.copy())
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_BEST_COMPRESSION, zlib.Z_BEST_SPEED,
      zlib.Z_DEFAULT_COMPRESSION, zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED,
      zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_FINISH, zlib.Z_BLOCK, zlib.Z_TREES,
      zlib.Z_NO_COMPRESSION, zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION)
print(zlib.error.__module__, issubclass(zlib.error, Exception), type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)
for strat in (zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
    co = zlib.compressobj(6, zlib.DEFLATED, 15, 9, strat); c = co.compress(data) + co.flush(); print(strat, len(c), zlib.decompress(c) == data)
# compressed bytes are identical to CPython's (same zlib, same output window sizes)
print(zlib.compress(data, 0)[-40:].hex(), zlib.crc32(zlib.compress(data * 30, 0)), zlib.crc32(zlib.compress(data * 3, 9)))
co = zlib.compressobj(0)
print(zlib.crc32(co.compress(data * 30) + co.flush()))
# full and partial flushes keep the stream decodable
co = zlib.compressobj()
pieces = [co.compress(b"alpha "), co.flush(zlib.Z_FULL_FLUSH), co.compress(b"beta "), co.flush(zlib.Z_PARTIAL_FLUSH),
          co.compress(b"gamma"), co.flush()]
print([len(p) > 0 for p in pieces], zlib.decompress(b"".join(pieces)))
# decompressing byte by byte
do = zlib.decompressobj()
c = zlib.compress(b"byte by byte " * 20)
print(b"".join(do.decompress(c[i:i + 1]) for i in range(len(c))) == b"byte by byte " * 20, do.eof)
# max_length=1 steps through the output one byte at a time
do = zlib.decompressobj()
c = zlib.compress(b"abcdef")
out = do.decompress(c, 1)
steps = 1
while not do.eof:
    out += do.decompress(do.unconsumed_tail, 1)
    steps += 1
print(out, steps, do.unconsumed_tail)
# a truncated stream in a Decompress object is not an error until flush()
do = zlib.decompressobj()
print(do.decompress(zlib.compress(b"truncated data")[:-6]), do.eof, do.flush(), do.eof)
print(zlib.crc32(b"no memoryview"), zlib.adler32(b"a" * 10000, 0xffffffff), zlib.crc32(b"x", -(2**70) - 1))
