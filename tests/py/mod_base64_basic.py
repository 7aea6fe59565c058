# base64 and binascii: every encoding both ways, options, str inputs, and CPython 3.13's errors
import base64
import binascii


def t(label, f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(label, '->', type(e).__module__, type(e).__name__, e)
    else:
        print(label, '=', repr(r))


DATA = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xff\xfe\xfd' * 7, b'\x00' * 9,
        b'    ', b'hello world!']

# Base64 (RFC 4648 test vectors and more): all variants round-trip
for d in DATA:
    e = base64.b64encode(d)
    u = base64.urlsafe_b64encode(d)
    assert base64.b64decode(e) == d and base64.b64decode(e.decode()) == d and base64.b64decode(e, validate=True) == d
    assert base64.urlsafe_b64decode(u) == d and base64.standard_b64decode(base64.standard_b64encode(d)) == d
    assert base64.b64decode(base64.b64encode(d, b'*-'), b'*-') == d and base64.decodebytes(base64.encodebytes(d)) == d
    print(len(d), e[:40], u[-12:], base64.b64encode(d, altchars=b'.,')[-8:])
print(base64.encodebytes(bytes(range(100))))
print(base64.encodebytes(b''), base64.encodebytes(bytearray(b'xyz')))
t('b64decode junk', base64.b64decode, b'Zm9v!YmFy')
t('b64decode junk validate', base64.b64decode, b'Zm9v!YmFy', validate=True)
t('b64decode padding', base64.b64decode, b'Zm9vYg')
t('b64decode 1 char', base64.b64decode, b'Zm9vY')
t('b64decode excess', base64.b64decode, b'Zm8===')
t('b64decode str', base64.b64decode, 'Zm9vYmE=')
t('b64decode non-ascii', base64.b64decode, 'Zm9vYmE=é')
t('b64decode int', base64.b64decode, 42)
t('b64decode newline validate', base64.b64decode, b'Zm9v\nYmFy', validate=True)
t('b64decode altchars str', base64.b64decode, 'Zm-_', altchars='-_')
t('b64encode str', base64.b64encode, 'abc')
t('b64encode altchars', base64.b64encode, b'\xfb\xff', altchars=b'-')
t('urlsafe', base64.urlsafe_b64encode, b'\xfb\xff\xbf')
t('urlsafe decode', base64.urlsafe_b64decode, '-_-_')
t('encodebytes str', base64.encodebytes, 'abc')
t('decodebytes str', base64.decodebytes, 'YWJj')

# Base32 and base32hex
for d in DATA:
    e = base64.b32encode(d)
    h = base64.b32hexencode(d)
    assert base64.b32decode(e) == d and base64.b32decode(e.lower(), casefold=True) == d and base64.b32decode(e.decode()) == d
    assert base64.b32hexdecode(h) == d and base64.b32hexdecode(h.lower(), casefold=True) == d
    print(len(d), e[-16:], h[-16:])
t('b32 map01 L', base64.b32decode, b'MFRGGZDF', map01=b'L')
t('b32 map01', base64.b32decode, b'0FRGGZDF', map01=b'L')
t('b32 map01 I', base64.b32decode, b'M1RGGZDF', map01='I')
t('b32 lower', base64.b32decode, b'mfrggzdf')
t('b32 pad', base64.b32decode, b'MFRGGZD')
t('b32 bad pad', base64.b32decode, b'MFRGG===')
t('b32 bad pad2', base64.b32decode, b'MF======')
t('b32 bad digit', base64.b32decode, b'MFRGGZD1')
t('b32 only pad', base64.b32decode, b'========')
t('b32hex bad', base64.b32hexdecode, b'WXYZ====')
t('b32 str', base64.b32encode, 'x')
t('b85 str', base64.b85encode, 'x')
t('a85 int', base64.a85encode, 3)

# Base16
for d in DATA[:8]:
    e = base64.b16encode(d)
    assert base64.b16decode(e) == d and base64.b16decode(e.lower(), casefold=True) == d
print(base64.b16encode(b'\x01\xab\xff'), base64.b16decode('01ABFF'))
t('b16 lower', base64.b16decode, b'01abff')
t('b16 odd', base64.b16decode, b'01A')
t('b16 bad', base64.b16decode, b'0G')

# Ascii85, Base85, Z85
for d in DATA:
    a = base64.a85encode(d)
    b = base64.b85encode(d)
    assert base64.a85decode(a) == d and base64.b85decode(b) == d
    assert base64.a85decode(base64.a85encode(d, adobe=True, wrapcol=7), adobe=True) == d
    assert base64.a85decode(base64.a85encode(d, foldspaces=True), foldspaces=True) == d
    if len(d) % 4 == 0:
        assert base64.z85decode(base64.z85encode(d)) == d
    print(len(d), a[-12:], b[-12:], base64.b85encode(d, pad=True)[-6:])
print(base64.a85encode(b'    \x00\x00\x00\x00 ab', foldspaces=True), base64.a85encode(b'\x00\x00', pad=True))
print(base64.a85encode(b'hello world, hello', adobe=True, wrapcol=5))
print(base64.z85encode(b'\x86\x4f\xd2\x6f\xb5\x59\xf7\x5b'), base64.z85decode(b'HelloWorld'))
t('a85 z inside', base64.a85decode, b'ab z')
t('a85 bad', base64.a85decode, b'ab{cd')
t('a85 overflow', base64.a85decode, b'uuuuu')
t('a85 adobe end', base64.a85decode, b'<~abc', adobe=True)
t('a85 y', base64.a85decode, b'y', foldspaces=True)
t('a85 ignore', base64.a85decode, b'8\t7\n', ignorechars=b'\t\n')
t('b85 bad', base64.b85decode, b'abc"d')
t('b85 overflow', base64.b85decode, b'|NsC0~')
t('z85 bad', base64.z85decode, b'ab~cd')

# binascii directly
print(binascii.hexlify(b'\x01\xab\xff'), binascii.b2a_hex(b'xy'), binascii.hexlify(bytearray(b'\x00\x10')))
for sep, per in [('-', 1), (b':', 2), (':', -2), ('.', 3), (':', 0), (' ', 10), ('é', 1), (b'|', -1)]:
    print(repr(sep), per, binascii.hexlify(b'\x01\xab\xff\x00\x11', sep, per), binascii.hexlify(b'\x01', sep, per))
t('hexlify kw', binascii.hexlify, data=b'ab', sep='_', bytes_per_sep=1)
t('hexlify sep len', binascii.hexlify, b'abc', '--')
t('hexlify sep int', binascii.hexlify, b'abc', 1)
t('hexlify str', binascii.hexlify, 'abc')
t('unhexlify', binascii.unhexlify, b'0aFf')
t('unhexlify str', binascii.a2b_hex, '0aFf')
t('unhexlify bytearray', binascii.unhexlify, bytearray(b'00'))
t('unhexlify odd', binascii.unhexlify, 'abc')
t('unhexlify bad', binascii.unhexlify, 'zz')
t('unhexlify non-ascii', binascii.unhexlify, 'é0')
t('unhexlify int', binascii.unhexlify, 5)
t('b2a_base64', binascii.b2a_base64, b'hello')
t('b2a_base64 nonl', binascii.b2a_base64, b'hello', newline=False)
t('b2a_base64 2 pos', binascii.b2a_base64, b'ab', False)
t('b2a_base64 str', binascii.b2a_base64, 'x')
for s in [b'aGVsbG8=\n', b'aGVsbG8', b'aGVsbG', b'a', b'ab!!cd', b'=aGVs', b'aGVsbG8==', b'aG=VsbG8=',
          b'aGVsbG8=x', b'YQ==YQ==', b'YQ=', b'Y===', b'', 'aGk=', b'a\nb\nc\nd', b'abcde', b'YQ', b'YWI=\n\n',
          b'====', b'YQ=\n=']:
    t('a2b %r' % (s,), binascii.a2b_base64, s)
    t('a2b strict %r' % (s,), binascii.a2b_base64, s, strict_mode=True)
t('a2b none', binascii.a2b_base64, strict_mode=True)
print(binascii.crc32(b''), binascii.crc32(b'hello'), binascii.crc32(b'hello', 5), binascii.crc32(b'hello', -1),
      binascii.crc32(b'hello', 2 ** 40), binascii.crc32(b'world', binascii.crc32(b'hello ')),
      binascii.crc32(b'hello world'), binascii.crc32(bytes(range(256)) * 10))
print(binascii.crc_hqx(b'hello', 0), binascii.crc_hqx(b'hello', 0xffff), binascii.crc_hqx(b'hello', -1),
      binascii.crc_hqx(b'hello', 2 ** 40 + 7), binascii.crc_hqx(b'', 1234), binascii.crc_hqx(bytes(range(256)), 0))
t('crc32 str', binascii.crc32, 'x')
t('crc32 crc str', binascii.crc32, b'x', 'y')
t('crc_hqx one', binascii.crc_hqx, b'hello')
print(binascii.Error.__mro__[1].__name__, binascii.Incomplete.__mro__[1].__name__, binascii.Error.__module__)
try:
    base64.b64decode(b'a')
except ValueError as e:
    print('binascii.Error is a ValueError:', type(e).__name__)
