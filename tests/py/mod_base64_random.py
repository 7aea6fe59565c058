# base64/binascii: a seeded random differential test of the decoders. Valid encodings with junk,
# newlines and '=' inserted at random places, decoded leniently and strictly; hex with random
# separators. Prints one digest line per case (result CRC or the error) so any difference shows.
import base64
import binascii
import random

rng = random.Random(7)
JUNK = b'\n\r !*-_.=~\x00\xff'


def outcome(f, *a, **k):
    try:
        r = f(*a, **k)
    except (binascii.Error, ValueError, TypeError) as e:
        return '%s(%s)' % (type(e).__name__, e)
    return '%d:%d' % (len(r), binascii.crc32(r))


for n in range(300):
    data = bytes(rng.randrange(256) for _ in range(rng.randrange(40)))
    enc = bytearray(base64.b64encode(data))
    kind = rng.randrange(4)
    if kind == 1:  # junk anywhere
        for _ in range(rng.randrange(1, 4)):
            enc.insert(rng.randrange(len(enc) + 1), rng.choice(JUNK))
    elif kind == 2:  # drop or add padding, truncate
        if enc and rng.random() < 0.5:
            del enc[rng.randrange(len(enc)):]
        enc += b'=' * rng.randrange(3)
    elif kind == 3:  # lines of random width
        w = rng.randrange(1, 9)
        enc = bytearray(b'\n'.join(enc[i:i + w] for i in range(0, len(enc), w)) + b'\n')
    enc = bytes(enc)
    lenient = outcome(binascii.a2b_base64, enc)
    strict = outcome(binascii.a2b_base64, enc, strict_mode=True)
    ok = lenient == outcome(lambda x: data, None) if kind == 0 else ''
    print(n, kind, len(enc), lenient, strict, ok)

for n in range(60):
    data = bytes(rng.randrange(256) for _ in range(rng.randrange(12)))
    sep = rng.choice([None, '-', b':', ' '])
    per = rng.choice([1, 2, 3, -1, -2, -5, 7])
    h = binascii.hexlify(data) if sep is None else binascii.hexlify(data, sep, per)
    assert h.decode() == (data.hex() if sep is None else data.hex(sep if isinstance(sep, str) else sep.decode(), per))
    assert binascii.unhexlify(binascii.hexlify(data)) == data
    b32 = base64.b32encode(data)
    a85 = base64.a85encode(data, foldspaces=True)
    assert base64.b32decode(b32) == data and base64.a85decode(a85, foldspaces=True) == data
    print(n, h, b32, a85, base64.b85encode(data))
