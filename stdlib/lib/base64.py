"""Base16, Base32, Base64, Ascii85, Base85 and Z85 data encodings (CPython 3.13's base64).

Base64 and hex go through the C module binascii; Base32 and the 85 encodings are here, working a
5-byte (Base32) or 4-byte (85s) group at a time through int.from_bytes / struct. Decoders accept
bytes, bytearray or an ASCII str; encoders bytes-like objects. Errors are CPython's: binascii.Error
(a ValueError) for bad Base16/32/64 data, ValueError for the 85 encodings.
"""

import binascii
import struct

__all__ = [
    'encode', 'decode', 'encodebytes', 'decodebytes',
    'b64encode', 'b64decode', 'b32encode', 'b32decode',
    'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
    'b85encode', 'b85decode', 'a85encode', 'a85decode', 'z85encode', 'z85decode',
    'standard_b64encode', 'standard_b64decode',
    'urlsafe_b64encode', 'urlsafe_b64decode',
]

bytes_types = (bytes, bytearray)

MAXLINESIZE = 76  # excluding the newline
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        if not s.isascii():
            raise ValueError('string argument should contain only ASCII characters')
        return s.encode('ascii')
    if isinstance(s, bytes_types):
        return s
    raise TypeError("argument should be a bytes-like object or ASCII string, not %r" % s.__class__.__name__)


def _to_bytes(s):
    # CPython takes any buffer through memoryview; Krait's buffers are bytes and bytearray
    if isinstance(s, bytes_types):
        return s
    raise TypeError("memoryview: a bytes-like object is required, not '%s'" % type(s).__name__)


def _input_type_check(s):
    if not isinstance(s, bytes_types):
        raise TypeError("expected bytes-like object, not %s" % s.__class__.__name__)


# ---- Base64 ----

_std_to_url = bytes.maketrans(b'+/', b'-_')
_url_to_std = bytes.maketrans(b'-_', b'+/')


def b64encode(s, altchars=None):
    """Encode the bytes-like object s with Base64; altchars (2 bytes) replaces '+' and '/'."""
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return encoded.translate(bytes.maketrans(b'+/', altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    """Decode Base64 data. Without validate, characters outside the alphabet are discarded;
    with it they raise binascii.Error (binascii.a2b_base64's strict mode)."""
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    """Base64 with the URL- and filename-safe alphabet: '-' for '+', '_' for '/'."""
    return b64encode(s).translate(_std_to_url)


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    return b64decode(s.translate(_url_to_std))


# ---- Base32 (RFC 4648; the "extended hex" alphabet too) ----

_b32alphabet = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_b32hexalphabet = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'
_b32pairs = {}  # alphabet -> the 1024 two-char codes of 10-bit values
_b32rev = {}    # alphabet -> {byte: value}
# trailing '=' count for the bytes left over in the last 5-byte group
_b32pads = {0: 0, 1: 6, 2: 4, 3: 3, 4: 1}


def _b32encode(alphabet, s):
    pairs = _b32pairs.get(alphabet)
    if pairs is None:
        chars = [bytes((c,)) for c in alphabet]
        pairs = _b32pairs[alphabet] = [a + b for a in chars for b in chars]
    s = _to_bytes(s)
    leftover = len(s) % 5
    if leftover:
        s = s + b'\0' * (5 - leftover)
    out = bytearray()
    for i in range(0, len(s), 5):
        c = int.from_bytes(s[i:i + 5])
        out += pairs[c >> 30] + pairs[(c >> 20) & 0x3ff] + pairs[(c >> 10) & 0x3ff] + pairs[c & 0x3ff]
    pads = _b32pads[leftover]
    if pads:
        out[-pads:] = b'=' * pads
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    rev = _b32rev.get(alphabet)
    if rev is None:
        rev = _b32rev[alphabet] = {c: i for i, c in enumerate(alphabet)}
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        s = s.upper()
    n = len(s)
    s = s.rstrip(b'=')
    padchars = n - len(s)
    out = bytearray()
    acc = 0
    for i in range(0, len(s), 8):
        acc = 0
        for c in s[i:i + 8]:
            v = rev.get(c)
            if v is None:
                raise binascii.Error('Non-base32 digit found')
            acc = (acc << 5) + v
        out += acc.to_bytes(5)
    # the last group: padchars says how many of its 5 bytes are real
    if padchars not in (0, 1, 3, 4, 6):
        raise binascii.Error('Incorrect padding')
    if padchars and out:
        acc <<= 5 * padchars
        keep = (43 - 5 * padchars) // 8  # 1 -> 4, 3 -> 3, 4 -> 2, 6 -> 1
        out[-5:] = acc.to_bytes(5)[:keep]
    return bytes(out)


def b32encode(s):
    return _b32encode(_b32alphabet, s)


def b32decode(s, casefold=False, map01=None):
    """Decode Base32. casefold accepts lowercase; map01 (b'I' or b'L') says what the digit 1 stands
    for (0 is always the letter O)."""
    return _b32decode(_b32alphabet, s, casefold, map01)


def b32hexencode(s):
    return _b32encode(_b32hexalphabet, s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_b32hexalphabet, s, casefold)


# ---- Base16 ----

def b16encode(s):
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if s.translate(None, b'0123456789ABCDEF'):
        raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


# ---- Ascii85, Base85, Z85: 4 bytes as 5 base-85 digits ----

_A85START = b'<~'
_A85END = b'~>'
_a85chars = None
_a85pairs = None
_b85alphabet = (b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                b'abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~')
_b85chars = None
_b85pairs = None
_b85dec = None


def _85encode(b, chars, pairs, pad=False, foldnuls=False, foldspaces=False):
    b = _to_bytes(b)
    padding = -len(b) % 4
    if padding:
        b = b + b'\0' * padding
    words = struct.Struct('!%dI' % (len(b) // 4)).unpack(b)
    chunks = []
    for w in words:
        if foldnuls and not w:
            chunks.append(b'z')
        elif foldspaces and w == 0x20202020:
            chunks.append(b'y')
        else:
            chunks.append(pairs[w // 614125] + pairs[w // 85 % 7225] + chars[w % 85])
    if padding and not pad:
        # a partial last group keeps only the digits its bytes need ('z' is 5 zero digits then)
        if chunks[-1] == b'z':
            chunks[-1] = chars[0] * 5
        chunks[-1] = chunks[-1][:-padding]
    return b''.join(chunks)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Ascii85: 'z' for four zero bytes, 'y' for four spaces with foldspaces; wrapcol wraps the
    lines; adobe adds the <~ ~> frame."""
    global _a85chars, _a85pairs
    if _a85pairs is None:
        _a85chars = [bytes((i,)) for i in range(33, 118)]
        _a85pairs = [a + c for a in _a85chars for c in _a85chars]
    result = _85encode(b, _a85chars, _a85pairs, pad, True, foldspaces)
    if adobe:
        result = _A85START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        lines = [result[i:i + wrapcol] for i in range(0, len(result), wrapcol)]
        if adobe and len(lines[-1]) + 2 > wrapcol:
            lines.append(b'')
        result = b'\n'.join(lines)
    if adobe:
        result += _A85END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85END):
            raise ValueError("Ascii85 encoded byte sequences must end with {!r}".format(_A85END))
        b = b[2:-2] if b.startswith(_A85START) else b[:-2]
    pack = struct.Struct('!I').pack
    out = []
    group = []
    # 'u' (84) pads the last group; its extra bytes are dropped below
    for x in b + b'uuuu':
        if 33 <= x <= 117:
            group.append(x)
            if len(group) == 5:
                acc = 0
                for d in group:
                    acc = 85 * acc + (d - 33)
                try:
                    out.append(pack(acc))
                except struct.error:
                    raise ValueError('Ascii85 overflow') from None
                group.clear()
        elif x == 122:  # z
            if group:
                raise ValueError('z inside Ascii85 5-tuple')
            out.append(b'\0\0\0\0')
        elif foldspaces and x == 121:  # y
            if group:
                raise ValueError('y inside Ascii85 5-tuple')
            out.append(b'    ')
        elif x in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % x)
    result = b''.join(out)
    padding = 4 - len(group)
    if padding:
        result = result[:-padding]
    return result


def b85encode(b, pad=False):
    """Base85 (as in git and Mercurial binary diffs)."""
    global _b85chars, _b85pairs
    if _b85pairs is None:
        _b85chars = [bytes((c,)) for c in _b85alphabet]
        _b85pairs = [a + c for a in _b85chars for c in _b85chars]
    return _85encode(b, _b85chars, _b85pairs, pad)


def b85decode(b):
    global _b85dec
    if _b85dec is None:
        _b85dec = [None] * 256
        for i, c in enumerate(_b85alphabet):
            _b85dec[c] = i
    b = _bytes_from_decode_data(b)
    padding = -len(b) % 5
    b = b + b'~' * padding
    pack = struct.Struct('!I').pack
    out = []
    for i in range(0, len(b), 5):
        acc = 0
        for j in range(i, i + 5):
            v = _b85dec[b[j]]
            if v is None:
                raise ValueError('bad base85 character at position %d' % j)
            acc = acc * 85 + v
        try:
            out.append(pack(acc))
        except struct.error:
            raise ValueError('base85 overflow in hunk starting at byte %d' % i) from None
    result = b''.join(out)
    if padding:
        result = result[:-padding]
    return result


_z85alphabet = (b'0123456789abcdefghijklmnopqrstuvwxyz'
                b'ABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#')
# Base85 chars that Z85 lacks decode to NUL, which b85decode reports as a bad character
_z85_b85_decode_diff = b';_`|~'
_z85_decode_translation = bytes.maketrans(_z85alphabet + _z85_b85_decode_diff,
                                          _b85alphabet + b'\x00' * len(_z85_b85_decode_diff))
_z85_encode_translation = bytes.maketrans(_b85alphabet, _z85alphabet)


def z85encode(s):
    """Encode bytes-like object b in z85 format and return a bytes object."""
    return b85encode(s).translate(_z85_encode_translation)


def z85decode(s):
    s = _bytes_from_decode_data(s).translate(_z85_decode_translation)
    try:
        return b85decode(s)
    except ValueError as e:
        raise ValueError(e.args[0].replace('base85', 'z85')) from None


# ---- the MIME (RFC 2045) interface: lines of at most 76 chars ----

def encode(input, output):
    """Encode a binary file into lines of Base64."""
    while s := input.read(MAXBINSIZE):
        while len(s) < MAXBINSIZE and (more := input.read(MAXBINSIZE - len(s))):
            s += more
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    """Decode a binary file of Base64 lines."""
    while line := input.readline():
        output.write(binascii.a2b_base64(line))


def encodebytes(s):
    """Base64 in lines of at most 76 chars, each ending with a newline."""
    _input_type_check(s)
    return b''.join(binascii.b2a_base64(s[i:i + MAXBINSIZE]) for i in range(0, len(s), MAXBINSIZE))


def decodebytes(s):
    _input_type_check(s)
    return binascii.a2b_base64(s)
