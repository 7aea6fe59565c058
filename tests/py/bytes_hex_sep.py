# bytes.hex / bytearray.hex separators (NUL too, non-str/bytes sep) and bytes.fromhex
def t(label, f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '=', repr(r))
b = b'\x01\xab\xff\x00\x11'
for sep, per in [('-', 1), (b':', 2), (':', -2), ('.', 3), (':', 0), (' ', 10), (b'|', -1)]:
    print(b.hex(sep, per), bytearray(b).hex(sep, per), b.hex(sep=sep, bytes_per_sep=per))
print(b.hex(), b''.hex(), b''.hex(':'), bytearray().hex())
t('sep2', b.hex, '--'); t('sepint', b.hex, 1); t('sepé', b.hex, 'é'); t('sepnonascii', b.hex, '\u1234')
print(bytes.fromhex('01 ab FF'), bytearray.fromhex(' 0a\t0b\n'), bytes.fromhex(''))
t('odd', bytes.fromhex, 'abc'); t('bad', bytes.fromhex, '0g'); t('space in', bytes.fromhex, '0 1'); t('int', bytes.fromhex, 5); t('b', bytes.fromhex, b'01')
t('ws', bytes.fromhex, '01\x0b02\x0c03\r')
print(type(bytearray.fromhex('00')))
print(repr(b'ab'.hex('\0')), bytearray(b'abc').hex(b'\0', 2))
