# codecs: lookup and names, text vs bytes codecs, UTF-16/32 with and without BOM, incremental pieces,
# the built-in error handlers on every C and Python codec, custom handlers (str.encode / bytes.decode
# call them too) and their errors.
import codecs
for n in ['UTF-8','utf 8','Utf_8','utf--8','latin-1','L1','ISO8859-1','utf16','UTF-16LE','u16','hex','base64','rot13','utf_8_sig','U8','cp65001','ascii','646','unicode-escape','mbcs','x-y', 'utf-32-be', 'zlib']:
  try: i=codecs.lookup(n); print(n, i.name, i._is_text_encoding)
  except LookupError as e: print(n,'LookupError',e)
print(repr(codecs.lookup('utf-8'))[:42], type(codecs.lookup('utf-8')).__mro__[1].__name__, len(codecs.lookup('utf-8')))
try: 'a'.encode('hex')
except Exception as e: print(type(e).__name__, e)
try: b'a'.decode('rot13')
except Exception as e: print(type(e).__name__, e)
try: codecs.register(1)
except Exception as e: print(type(e).__name__, e)
try: codecs.lookup_error('nope')
except Exception as e: print(type(e).__name__, e)
try: codecs.lookup(1)
except Exception as e: print(type(e).__name__, e)
print(codecs.encode(b'ab','hex'), codecs.decode('6162','hex'), codecs.encode('abc','rot13'))
import encodings; print(encodings.normalize_encoding('  UTF--8 x.y'), encodings.search_function('utf8').name)
d = codecs.getincrementaldecoder('utf-16')()
print(repr(d.decode(b'\xff')), repr(d.decode(b'\xfea')), repr(d.decode(b'\x00\x3d')), repr(d.decode(b'\xd8', final=False)), repr(d.decode(b'\x00\xdc')))
e = codecs.getincrementalencoder('utf-16')()
print(e.getstate(), e.encode('a'), e.encode('b'), e.getstate())
print(repr(b'a\x00'.decode('utf-16')))
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'\xe2\x82')), d.getstate(), repr(d.decode(b'\xac')))
d = codecs.getincrementaldecoder('utf-8-sig')()
print(repr(d.decode(b'\xef\xbb')), repr(d.decode(b'\xbfx')))
e = codecs.getincrementalencoder('utf-8-sig')()
print(e.encode('a'), e.encode('b'))
print('x'.encode('utf-8-sig'), b'\xef\xbb\xbfx'.decode('utf-8-sig'), b'x'.decode('utf-8-sig'))
print(codecs.decode(b'eJzLSM3JyQcABiwCFQ==\n', 'base64'), codecs.encode(b'hello', 'zlib'), codecs.encode(b'hi','base64'))
print(codecs.lookup('utf-8').incrementaldecoder.__name__, codecs.lookup('utf-8').streamreader.__name__)
print(codecs.getencoder('utf-16-le')('ab'), codecs.getdecoder('ascii')(b'ab'))
for data, enc in [(b'\xff', 'utf-16'), (b'\x00\xd8\x41\x00', 'utf-16-le'), (b'\x00\xdc\x41\x00', 'utf-16-le'), (b'\x00\x00\x11\x00', 'utf-32-le'), (b'\x00\xd8', 'utf-16-be')]:
    try: print(repr(data.decode(enc)))
    except Exception as e: print(type(e).__name__, e, e.start, e.end)
try: '\ud800'.encode('utf-16')
except Exception as e: print(type(e).__name__, e)
print('\ud800'.encode('utf-16-le','surrogatepass'), b'\x00\xd8'.decode('utf-16-le','surrogatepass') == '\ud800')
print('h\xe9\U0001F600'.encode('utf-16'), 'h\xe9\U0001F600'.encode('utf-32-be'), 'h\xe9\U0001F600'.encode('utf-16').decode('utf-16'))
print(list(codecs.iterencode(['a', 'é', '€'], 'utf-16')), ''.join(codecs.iterdecode([b'\xe2', b'\x82', b'\xac', b'x'], 'utf-8')))
def h(exc):
    return ('[%s]' % ascii(exc.object[exc.start:exc.end]), exc.end)
codecs.register_error('brackets', h)
print('aé€b'.encode('ascii', 'brackets'), b'a\xff\xfeb'.decode('utf-8', 'brackets') if False else '')
def hb(exc):
    if isinstance(exc, UnicodeDecodeError):
        return ('<%d-%d>' % (exc.start, exc.end), exc.end)
    return (b'??', exc.end)
codecs.register_error('hb', hb)
print('aé€b'.encode('latin-1', 'hb'), b'a\xff\xfeb\xe2\x82'.decode('utf-8', 'hb'), b'a\x80'.decode('ascii', 'hb'))
for errs in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace', 'surrogateescape', 'surrogatepass']:
    for enc in ['ascii', 'latin-1', 'utf-8', 'utf-16-le']:
        for s in ['aé\u20ac\U0001F600b', 'x\udcff\udc80y', 'x\ud800y']:
            try: r = s.encode(enc, errs)
            except Exception as e: r = '%s: %s' % (type(e).__name__, e)
            print(errs, enc, ascii(s), r)
        for b in [b'a\xff\xe9b', b'\xed\xa0\x80x', b'\xe2\x82', b'a\x00\xd8b']:
            try: r = ascii(b.decode(enc, errs))
            except Exception as e: r = '%s: %s' % (type(e).__name__, e)
            print(errs, enc, b, r)

# Handler results that are wrong, and positions out of range.
codecs.register_error('badtype', lambda exc: 42)
codecs.register_error('farpos', lambda exc: ('', 100))
codecs.register_error('negpos', lambda exc: ('<%d>' % exc.start, exc.end - len(exc.object)))
codecs.register_error('restart', lambda exc: ('!', exc.end))
for errs in ['badtype', 'farpos', 'negpos', 'restart', 'nosuch']:
    for f in (lambda: 'ab\xe9cd'.encode('ascii', errs), lambda: b'ab\xffcd'.decode('utf-8', errs),
              lambda: 'a\ud800b'.encode('utf-16-le', errs), lambda: b'a\x00\x00\xdcb\x00'.decode('utf-16-le', errs)):
        try:
            print(errs, ascii(f()))
        except Exception as e:
            print(errs, type(e).__name__, e)
# The exception objects the handlers see.
seen = []
def spy(exc):
    seen.append((type(exc).__name__, exc.encoding, ascii(exc.object), exc.start, exc.end, exc.reason))
    return ('?', exc.end)
codecs.register_error('spy', spy)
'x\u20ac\u20acy\U0001f600'.encode('latin-1', 'spy')
b'\xc3(\xe2\x82z\xf0\x9f'.decode('utf-8', 'spy')
'\ud800'.encode('utf-8', 'spy')
for s in seen:
    print(s)
# The built-in handlers called directly.
e = UnicodeEncodeError('ascii', 'a\xe9\u20ac\U0001f600b', 1, 4, 'ordinal not in range(128)')
for name in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
    print(name, codecs.lookup_error(name)(e))
d = UnicodeDecodeError('utf-8', b'a\xff\xfeb', 1, 3, 'invalid start byte')
for name in ['ignore', 'replace', 'backslashreplace', 'surrogateescape']:
    print(name, ascii(codecs.lookup_error(name)(d)))
for name in ['xmlcharrefreplace', 'namereplace']:
    try:
        codecs.lookup_error(name)(d)
    except TypeError as exc:
        print(name, 'TypeError', exc)
try:
    codecs.strict_errors(e)
except UnicodeEncodeError as exc:
    print('strict raised', exc)
print(codecs.strict_errors is codecs.lookup_error('strict'), codecs.ignore_errors is codecs.lookup_error('ignore'))
# encode/decode functions, and their argument errors.
print(codecs.encode('abc'), codecs.decode(b'abc'), codecs.encode('\xe9', 'latin-1'), codecs.decode(b'\xe9', 'latin-1'))
print(codecs.utf_8_encode('h\xe9'), codecs.utf_8_decode(b'h\xc3'), codecs.utf_8_decode(b'h\xc3', 'replace', True))
print(codecs.utf_16_ex_decode(b'\xfe\xff\x00a', 'strict', 0, True), codecs.utf_32_encode('a'))
for bad in [lambda: codecs.encode(b'x', 'utf-8'), lambda: codecs.decode('x', 'utf-8'),
            lambda: codecs.encode('x', 1), lambda: codecs.lookup('nonexistent-codec'),
            lambda: codecs.encode('x', 'hex'), lambda: codecs.getincrementalencoder('nope'),
            lambda: codecs.register_error('x', 1), lambda: 'x'.encode('utf-8', 'nope'), lambda: 'x\xe9'.encode('ascii', 'nope'),
            lambda: b'\xff'.decode('utf-8', 'xmlcharrefreplace'), lambda: b'abc'.decode('hex')]:
    try:
        print(ascii(bad()))
    except Exception as exc:
        print(type(exc).__name__, exc)
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE,
      codecs.BOM == codecs.BOM_UTF16, codecs.BOM_LE, codecs.BOM_BE, codecs.BOM64_LE, codecs.BOM32_BE)
print(str(b'\xff\xfeh\x00i\x00', 'utf-16'), str(b'h\xe9', 'latin-1'), bytes('h\xe9', 'utf-16-be'), bytearray('h', 'utf-32-le'))
