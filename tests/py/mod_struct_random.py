# struct: a seeded random differential test. Random formats (orders, repeat counts, every char) with
# random values in and just outside each format's range; prints a compact digest per case so any
# difference from CPython in sizes, bytes, values or error messages shows up.
import binascii
import random
import struct

rng = random.Random(20261207)
NATIVE = 'xcbB?hHiIlLqQnNPefdsp'
STANDARD = 'xcbB?hHiIlLqQefdsp'
SIZE = {'b': 1, 'h': 2, 'i': 4, 'l': 8, 'q': 8, 'n': 8}
SIZE_STD = {'b': 1, 'h': 2, 'i': 4, 'l': 4, 'q': 8}


def value(c, order, near_edge):
    sizes = SIZE if order in '@' else SIZE_STD
    if c == 'c':
        return bytes([rng.randrange(256)])
    if c in 'sp':
        return bytes(rng.randrange(256) for _ in range(rng.randrange(6)))
    if c == '?':
        return rng.choice([0, 1, 7, '', 'x', None, [], [0]])
    if c in 'efd':
        r = rng.random()
        if r < 0.1:
            return rng.choice([float('inf'), -float('inf'), 0.0, -0.0, 65504.0, 65520.0, 1e39, 5e-324])
        if r < 0.2:
            return rng.randrange(-100000, 100000)
        return rng.uniform(-1, 1) * 10 ** rng.randrange(-9, 9)
    if c == 'P':
        return rng.randrange(-2 ** 63 - 2, 2 ** 64 + 2) if near_edge else rng.randrange(2 ** 64)
    signed = c.lower() == c
    bits = 8 * (sizes.get(c.lower(), 8))
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    if near_edge:
        return rng.choice([lo - 1, hi + 1, lo, hi, lo - rng.randrange(1, 2 ** 70), hi + rng.randrange(1, 2 ** 70)])
    return rng.randrange(lo, hi + 1)


def case(n):
    order = rng.choice(['', '@', '=', '<', '>', '!'])
    chars = NATIVE if order in ('', '@') else STANDARD
    parts, vals = [], []
    for _ in range(rng.randrange(1, 6)):
        c = rng.choice(chars)
        count = rng.choice([None, None, 0, 1, 2, 3])
        parts.append((str(count) if count is not None else '') + c + rng.choice(['', '', ' ']))
        reps = 1 if c in 'sp' else (1 if count is None else count)
        if c != 'x':
            for _ in range(reps):
                vals.append(value(c, order or '@', rng.random() < 0.08))
    fmt = order + ''.join(parts)
    size = struct.calcsize(fmt)
    try:
        packed = struct.pack(fmt, *vals)
    except (struct.error, OverflowError) as e:
        print(n, repr(fmt), size, type(e).__name__, e)
        return
    out = struct.unpack(fmt, packed)
    # floats print through repr (nan-safe), everything else as is
    digest = binascii.crc32(repr(out).encode())
    again = struct.pack(fmt, *out) if all(v == v for v in out if isinstance(v, float)) else packed
    print(n, repr(fmt), size, packed.hex(), digest, again == packed)
    # unpack_from and pack_into at a random offset agree with pack/unpack
    off = rng.randrange(0, 4)
    buf = bytearray(rng.randrange(256) for _ in range(off)) + bytearray(packed) + bytearray(2)
    assert struct.unpack_from(fmt, buf, off) == out or any(isinstance(v, float) and v != v for v in out)
    target = bytearray(len(buf))
    struct.pack_into(fmt, target, off, *vals)
    assert target[off:off + size] == packed


for n in range(400):
    case(n)
