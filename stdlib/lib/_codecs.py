"""_codecs: the codec registry, the error handler registry and the codec functions the encodings
package builds on (CPython's _codecs C module, written for Krait in Python).

utf-8, ascii, latin-1 and the escape codecs run in C (str.encode / bytes.decode, vm/str.c); UTF-16 and
UTF-32 are here. vm/codec_err.c calls lookup_error() for a handler name the C codecs do not know and
_encode_text() / _decode_text() for an encoding they do not know.
"""

_search_functions = []
_cache = {}
_encodings_loaded = False


# ---------------------------------------------------------------- the codec registry

def register(search_function):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    if search_function in _search_functions:
        _search_functions.remove(search_function)
    _cache.clear()


def _normalize(encoding):
    # As CPython 3.13's codec lookup: lower case, spaces become underscores.
    return encoding.lower().replace(" ", "_")


def lookup(encoding):
    global _encodings_loaded
    if not isinstance(encoding, str):
        raise TypeError(f"lookup() argument must be str, not {type(encoding).__name__}")
    key = _normalize(encoding)
    info = _cache.get(key)
    if info is not None:
        return info
    if not _encodings_loaded:
        _encodings_loaded = True
        import encodings  # registers its search function
    for search in _search_functions:
        info = search(key)
        if info is None:
            continue
        if not isinstance(info, tuple) or len(info) != 4:
            raise TypeError("codec search functions must return 4-tuples")
        _cache[key] = info
        return info
    raise LookupError(f"unknown encoding: {encoding}")


def _forget_codec(encoding):
    _cache.pop(_normalize(encoding), None)


def _check_args(fname, obj, encoding, errors):
    if not isinstance(encoding, str):
        raise TypeError(f"{fname}() argument 'encoding' must be str, not {type(encoding).__name__}")
    if not isinstance(errors, str):
        raise TypeError(f"{fname}() argument 'errors' must be str, not {type(errors).__name__}")


def encode(obj, encoding='utf-8', errors='strict'):
    _check_args("encode", obj, encoding, errors)
    r = lookup(encoding).encode(obj, errors)
    if not isinstance(r, tuple) or len(r) != 2:
        raise TypeError("encoder must return a tuple (object, integer)")
    return r[0]


def decode(obj, encoding='utf-8', errors='strict'):
    _check_args("decode", obj, encoding, errors)
    r = lookup(encoding).decode(obj, errors)
    if not isinstance(r, tuple) or len(r) != 2:
        raise TypeError("decoder must return a tuple (object,integer)")
    return r[0]


def _encode_text(s, encoding, errors):
    """str.encode for an encoding the C codecs do not know."""
    info = lookup(encoding)
    if not getattr(info, "_is_text_encoding", True):
        raise LookupError(f"'{encoding}' is not a text encoding; use codecs.encode() to handle arbitrary codecs")
    r = info.encode(s, 'strict' if errors is None else errors)[0]
    if not isinstance(r, bytes):
        if isinstance(r, bytearray):
            return bytes(r)
        raise TypeError(f"'{encoding}' encoder returned '{type(r).__name__}' instead of 'bytes'; "
                        "use codecs.encode() to encode to arbitrary types")
    return r


def _decode_text(b, encoding, errors):
    """bytes.decode for an encoding the C codecs do not know."""
    info = lookup(encoding)
    if not getattr(info, "_is_text_encoding", True):
        raise LookupError(f"'{encoding}' is not a text encoding; use codecs.decode() to handle arbitrary codecs")
    r = info.decode(b, 'strict' if errors is None else errors)[0]
    if not isinstance(r, str):
        raise TypeError(f"'{encoding}' decoder returned '{type(r).__name__}' instead of 'str'; "
                        "use codecs.decode() to decode to arbitrary types")
    return r


# ---------------------------------------------------------------- error handlers

def _unhandled(exc):
    if isinstance(exc, BaseException):
        return TypeError(f"don't know how to handle {type(exc).__name__} in error callback")
    return TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def ignore_errors(exc):
    if isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        return ('', exc.end)
    raise _unhandled(exc)


def replace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    if isinstance(exc, UnicodeTranslateError):
        return ('\ufffd' * (exc.end - exc.start), exc.end)
    raise _unhandled(exc)


def _escape(cp):
    if cp < 0x100:
        return '\\x%02x' % cp
    if cp < 0x10000:
        return '\\u%04x' % cp
    return '\\U%08x' % cp


def backslashreplace_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in exc.object[exc.start:exc.end]), exc.end)
    if isinstance(exc, (UnicodeEncodeError, UnicodeTranslateError)):
        return (''.join(_escape(ord(c)) for c in exc.object[exc.start:exc.end]), exc.end)
    raise _unhandled(exc)


def xmlcharrefreplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return (''.join('&#%d;' % ord(c) for c in exc.object[exc.start:exc.end]), exc.end)
    raise _unhandled(exc)


def namereplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        import unicodedata
        out = []
        for c in exc.object[exc.start:exc.end]:
            name = unicodedata.name(c, None)
            out.append('\\N{%s}' % name if name is not None else _escape(ord(c)))
        return (''.join(out), exc.end)
    raise _unhandled(exc)


def _utf_kind(encoding):
    """(unit size, byte order) of a UTF codec name as errors report it; (1, None) for utf-8."""
    e = encoding.lower().replace('_', '-')
    if e.startswith('utf-16'):
        return 2, 'big' if e.endswith('be') else 'little'
    if e.startswith('utf-32'):
        return 4, 'big' if e.endswith('be') else 'little'
    if e in ('utf-8', 'utf8'):
        return 1, None
    return 0, None


def surrogateescape_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            cp = ord(c)
            if not 0xDC80 <= cp <= 0xDCFF:
                raise exc
            out.append(cp - 0xDC00)
        return (bytes(out), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        out = []
        end = exc.start
        for b in exc.object[exc.start:exc.end][:4]:
            if b < 128:
                break
            out.append(chr(0xDC00 + b))
            end += 1
        if not out:
            raise exc
        return (''.join(out), end)
    raise _unhandled(exc)


def surrogatepass_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        size, order = _utf_kind(exc.encoding)
        if not size:
            raise exc
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            cp = ord(c)
            if not 0xD800 <= cp <= 0xDFFF:
                raise exc
            if size == 1:
                out += bytes((0xE0 | cp >> 12, 0x80 | (cp >> 6) & 0x3F, 0x80 | cp & 0x3F))
            else:
                out += cp.to_bytes(size, order)
        return (bytes(out), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        size, order = _utf_kind(exc.encoding)
        data = exc.object
        s = exc.start
        if size == 1:
            if len(data) >= s + 3 and data[s] == 0xED and 0xA0 <= data[s + 1] <= 0xBF and 0x80 <= data[s + 2] <= 0xBF:
                cp = (data[s] & 0x0F) << 12 | (data[s + 1] & 0x3F) << 6 | data[s + 2] & 0x3F
                return (chr(cp), s + 3)
        elif size and len(data) >= s + size:
            cp = int.from_bytes(data[s:s + size], order)
            if 0xD800 <= cp <= 0xDFFF:
                return (chr(cp), s + size)
        raise exc
    raise _unhandled(exc)


_error_handlers = {
    'strict': strict_errors,
    'ignore': ignore_errors,
    'replace': replace_errors,
    'backslashreplace': backslashreplace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors,
    'namereplace': namereplace_errors,
    'surrogateescape': surrogateescape_errors,
    'surrogatepass': surrogatepass_errors,
}


def register_error(errors, handler):
    if not isinstance(errors, str):
        raise TypeError(f"register_error() argument 1 must be str, not {type(errors).__name__}")
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_handlers[errors] = handler


def lookup_error(name):
    if not isinstance(name, str):
        raise TypeError(f"lookup_error() argument must be str, not {type(name).__name__}")
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError(f"unknown error handler name '{name}'") from None


def _call_handler(errors, exc):
    """Run handler `errors` on exc: (replacement, new position), the position made non-negative."""
    r = lookup_error(errors)(exc)
    if not isinstance(r, tuple) or len(r) != 2 or not isinstance(r[1], int) or \
            not isinstance(r[0], (str, bytes) if isinstance(exc, UnicodeEncodeError) else str):
        if isinstance(exc, UnicodeEncodeError):
            raise TypeError("encoding error handler must return (str/bytes, int) tuple")
        raise TypeError("decoding error handler must return (str, int) tuple")
    rep, pos = r
    n = len(exc.object)
    if pos < 0:
        pos += n
    if not 0 <= pos <= n:
        raise IndexError(f"position {pos} from error handler out of bounds")
    return rep, pos


# ---------------------------------------------------------------- the C codecs, as codec functions

def _str_arg(fname, s):
    if not isinstance(s, str):
        raise TypeError(f"{fname}() argument 1 must be str, not {type(s).__name__}")


def _bytes_arg(data):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return bytes(data)


def _errors_arg(errors):
    return 'strict' if errors is None else errors


def utf_8_encode(s, errors=None):
    _str_arg("utf_8_encode", s)
    return (s.encode('utf-8', _errors_arg(errors)), len(s))


def _utf8_incomplete_tail(data):
    """Number of bytes at the end of data that begin a UTF-8 sequence still waiting for bytes."""
    n = len(data)
    for back in range(1, min(3, n) + 1):
        b = data[n - back]
        if b < 0x80:
            return 0
        if b >= 0xC0:
            need = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
            if b < 0xC2 or b > 0xF4 or need <= back:
                return 0
            if back >= 2:  # the second byte's range depends on the first
                lo, hi = 0x80, 0xBF
                if b == 0xE0:
                    lo = 0xA0
                elif b == 0xED:
                    hi = 0x9F
                elif b == 0xF0:
                    lo = 0x90
                elif b == 0xF4:
                    hi = 0x8F
                if not lo <= data[n - back + 1] <= hi:
                    return 0
            return back
    return 0


def utf_8_decode(data, errors=None, final=False):
    data = _bytes_arg(data)
    cut = len(data) if final else len(data) - _utf8_incomplete_tail(data)
    return (data[:cut].decode('utf-8', _errors_arg(errors)), cut)


def ascii_encode(s, errors=None):
    _str_arg("ascii_encode", s)
    return (s.encode('ascii', _errors_arg(errors)), len(s))


def ascii_decode(data, errors=None):
    data = _bytes_arg(data)
    return (data.decode('ascii', _errors_arg(errors)), len(data))


def latin_1_encode(s, errors=None):
    _str_arg("latin_1_encode", s)
    return (s.encode('latin-1', _errors_arg(errors)), len(s))


def latin_1_decode(data, errors=None):
    data = _bytes_arg(data)
    return (data.decode('latin-1', _errors_arg(errors)), len(data))


def unicode_escape_encode(s, errors=None):
    _str_arg("unicode_escape_encode", s)
    return (s.encode('unicode_escape'), len(s))


def unicode_escape_decode(data, errors=None, final=True):
    if isinstance(data, str):
        data = data.encode('latin-1')
    data = bytes(data)
    return (data.decode('unicode_escape', _errors_arg(errors)), len(data))


def raw_unicode_escape_encode(s, errors=None):
    _str_arg("raw_unicode_escape_encode", s)
    return (s.encode('raw_unicode_escape'), len(s))


def raw_unicode_escape_decode(data, errors=None, final=True):
    if isinstance(data, str):
        data = data.encode('latin-1')
    data = bytes(data)
    return (data.decode('raw_unicode_escape', _errors_arg(errors)), len(data))


# ---------------------------------------------------------------- UTF-16 and UTF-32

def _utf_encode(s, errors, size, order, name):
    """s in UTF-16 (size 2) or UTF-32 (size 4) with byte order `order`; errors for lone surrogates."""
    out = bytearray()
    i = 0
    n = len(s)
    while i < n:
        cp = ord(s[i])
        if 0xD800 <= cp <= 0xDFFF:
            exc = UnicodeEncodeError(name, s, i, i + 1, "surrogates not allowed")  # one at a time, as CPython
            if errors == 'strict':
                raise exc
            rep, pos = _call_handler(errors, exc)
            if isinstance(rep, bytes):
                if len(rep) % size:
                    raise exc
                out += rep
            else:
                for c in rep:
                    if ord(c) > 0x7F:  # CPython accepts only ASCII replacement text here
                        raise exc
                    out += ord(c).to_bytes(size, order)
            i = pos
            continue
        if size == 2 and cp > 0xFFFF:
            cp -= 0x10000
            out += (0xD800 | cp >> 10).to_bytes(2, order) + (0xDC00 | cp & 0x3FF).to_bytes(2, order)
        else:
            out += cp.to_bytes(size, order)
        i += 1
    return bytes(out)


def _utf_decode(data, errors, size, order, name, final):
    """(str, consumed) of UTF-16/32 data in byte order `order`."""
    out = []
    i = 0
    n = len(data)
    while i < n:
        if n - i < size:
            if not final:
                break
            exc = UnicodeDecodeError(name, data, i, n, "truncated data")
            if errors == 'strict':
                raise exc
            rep, i = _call_handler(errors, exc)
            out.append(rep)
            continue
        cp = int.from_bytes(data[i:i + size], order)
        if size == 4:
            if cp > 0x10FFFF or 0xD800 <= cp <= 0xDFFF:
                reason = "code point not in range(0x110000)" if cp > 0x10FFFF else "code point in surrogate code point range(0xd800, 0xe000)"
                exc = UnicodeDecodeError(name, data, i, i + 4, reason)
                if errors == 'strict':
                    raise exc
                rep, i = _call_handler(errors, exc)
                out.append(rep)
                continue
            out.append(chr(cp))
            i += 4
            continue
        if not 0xD800 <= cp <= 0xDFFF:
            out.append(chr(cp))
            i += 2
            continue
        if cp <= 0xDBFF:
            if n - i < 4:
                if not final:
                    break
                exc = UnicodeDecodeError(name, data, i, n, "unexpected end of data")
            else:
                lo = int.from_bytes(data[i + 2:i + 4], order)
                if 0xDC00 <= lo <= 0xDFFF:
                    out.append(chr(0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)))
                    i += 4
                    continue
                exc = UnicodeDecodeError(name, data, i, i + 2, "illegal UTF-16 surrogate")
        else:
            exc = UnicodeDecodeError(name, data, i, i + 2, "illegal encoding")
        if errors == 'strict':
            raise exc
        rep, i = _call_handler(errors, exc)
        out.append(rep)
    return (''.join(out), i)


def _bom_order(data, size):
    """('little'|'big', BOM length) from a BOM at the start of data, or (None, 0)."""
    if size == 2:
        if data[:2] == b'\xff\xfe':
            return 'little', 2
        if data[:2] == b'\xfe\xff':
            return 'big', 2
    else:
        if data[:4] == b'\xff\xfe\x00\x00':
            return 'little', 4
        if data[:4] == b'\x00\x00\xfe\xff':
            return 'big', 4
    return None, 0


def _make_utf(size, bits):
    name = 'utf-%d' % bits

    def enc(s, errors=None, byteorder=0):
        _str_arg("utf_%d_encode" % bits, s)
        errors = _errors_arg(errors)
        if byteorder == 0:
            bom = (0xFEFF).to_bytes(size, 'little')
            return (bom + _utf_encode(s, errors, size, 'little', name), len(s))
        order = 'little' if byteorder < 0 else 'big'
        return (_utf_encode(s, errors, size, order, name + ('-le' if byteorder < 0 else '-be')), len(s))

    def ex_decode(data, errors=None, byteorder=0, final=False):
        data = _bytes_arg(data)
        errors = _errors_arg(errors)
        skip = 0
        if byteorder == 0:
            if len(data) < size and not final:
                return ('', 0, 0)  # too short to tell whether a BOM starts here
            order, skip = _bom_order(data, size)
            if order is not None:
                byteorder = -1 if order == 'little' else 1
        order = 'big' if byteorder > 0 else 'little'
        text, used = _utf_decode(data[skip:], errors, size, order, name + ('-be' if byteorder > 0 else '-le'), final)
        return (text, used + skip, byteorder)

    def dec(data, errors=None, final=False):
        text, used, _ = ex_decode(data, errors, 0, final)
        return (text, used)

    def enc_le(s, errors=None):
        return enc(s, errors, -1)

    def enc_be(s, errors=None):
        return enc(s, errors, 1)

    def dec_le(data, errors=None, final=False):
        data = _bytes_arg(data)
        return _utf_decode(data, _errors_arg(errors), size, 'little', name + '-le', final)

    def dec_be(data, errors=None, final=False):
        data = _bytes_arg(data)
        return _utf_decode(data, _errors_arg(errors), size, 'big', name + '-be', final)

    return enc, dec, ex_decode, enc_le, dec_le, enc_be, dec_be


(utf_16_encode, utf_16_decode, utf_16_ex_decode, utf_16_le_encode, utf_16_le_decode,
 utf_16_be_encode, utf_16_be_decode) = _make_utf(2, 16)
(utf_32_encode, utf_32_decode, utf_32_ex_decode, utf_32_le_encode, utf_32_le_decode,
 utf_32_be_encode, utf_32_be_decode) = _make_utf(4, 32)
