"""encodings: the standard codecs, found by the search function this package registers with the codec
registry (codecs.lookup). A codec is the module encodings.NAME whose getregentry() returns its
codecs.CodecInfo; encodings.aliases maps other spellings to NAME.

Krait ships the Unicode codecs (utf-8, utf-8-sig, utf-16, utf-32 and their -le/-be forms), ascii,
latin-1, unicode_escape, raw_unicode_escape and the bytes-to-bytes / str-to-str codecs hex, base64,
zlib and rot13. Other encodings (the cp/iso8859-N/CJK charmaps, idna, punycode) raise LookupError.
"""

import codecs
import sys

from . import aliases

_cache = {}
_unknown = object()


class CodecRegistryError(LookupError, SystemError):
    pass


def normalize_encoding(encoding):
    """Runs of characters other than ASCII letters, digits and '.' become one '_'; leading and trailing
    ones are dropped ('  UTF--8 x.y' -> 'UTF_8_x.y')."""
    if isinstance(encoding, bytes):
        encoding = str(encoding, "ascii")
    parts = []
    word = []
    for c in encoding:
        if (c.isalnum() and c.isascii()) or c == '.':
            word.append(c)
        elif word:
            parts.append(''.join(word))
            word = []
    if word:
        parts.append(''.join(word))
    return '_'.join(parts)


def search_function(encoding):
    entry = _cache.get(encoding, _unknown)
    if entry is not _unknown:
        return entry
    norm = normalize_encoding(encoding)
    names = []
    alias = aliases.aliases.get(norm) or aliases.aliases.get(norm.replace('.', '_'))
    if alias is not None:
        names.append(alias)
    names.append(norm)
    mod = None
    for modname in names:
        if not modname or '.' in modname:
            continue
        try:
            mod = __import__('encodings.' + modname, fromlist=['_'], level=0)
        except ImportError:
            continue
        break
    getregentry = getattr(mod, 'getregentry', None) if mod is not None else None
    if getregentry is None:
        _cache[encoding] = None
        return None
    entry = getregentry()
    if not isinstance(entry, codecs.CodecInfo):
        if not 4 <= len(entry) <= 7:
            raise CodecRegistryError('module "%s" (%s) failed to register' % (mod.__name__, mod.__file__))
        entry = codecs.CodecInfo(*entry)
    _cache[encoding] = entry
    return entry


def _text_codec(name, encode, decode, decode_partial=None):
    """The CodecInfo and classes of a stateless str <-> bytes codec. decode_partial(data, errors, final)
    -> (text, consumed) lets the incremental decoder and the stream reader keep an incomplete sequence
    for the next call; without it they decode each piece on its own."""

    class Codec(codecs.Codec):
        def encode(self, input, errors='strict'):
            return encode(input, errors)

        def decode(self, input, errors='strict'):
            return decode(input, errors)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input, final=False):
            return encode(input, self.errors)[0]

    if decode_partial is None:
        class IncrementalDecoder(codecs.IncrementalDecoder):
            def decode(self, input, final=False):
                return decode(input, self.errors)[0]
    else:
        class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
            def _buffer_decode(self, input, errors, final):
                return decode_partial(input, errors, final)

    class StreamWriter(Codec, codecs.StreamWriter):
        pass

    class StreamReader(Codec, codecs.StreamReader):
        if decode_partial is not None:
            def decode(self, input, errors='strict'):
                return decode_partial(input, errors, False)

    info = codecs.CodecInfo(name=name, encode=encode, decode=decode,
                            incrementalencoder=IncrementalEncoder, incrementaldecoder=IncrementalDecoder,
                            streamwriter=StreamWriter, streamreader=StreamReader)
    return info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader


def _bytes_codec(name, encode, decode):
    """The CodecInfo and classes of a bytes-to-bytes (or str-to-str) codec: encode/decode take the
    whole input (input, errors='strict') and return (output, length)."""
    info, *classes = _text_codec(name, encode, decode)
    info = codecs.CodecInfo(name=name, encode=encode, decode=decode,
                            incrementalencoder=info.incrementalencoder,
                            incrementaldecoder=info.incrementaldecoder, streamwriter=info.streamwriter,
                            streamreader=info.streamreader, _is_text_encoding=False)
    return (info, *classes)


def _bom_codec(bits):
    """The CodecInfo and classes of UTF-16 or UTF-32 with a byte order mark: encoding writes a BOM
    and then the native byte order; decoding takes the byte order from the BOM (the stateless decoder
    falls back to the native order without one, the incremental ones insist on it)."""
    name = 'utf-%d' % bits
    size = bits // 8
    enc_bom = getattr(codecs, 'utf_%d_encode' % bits)
    ex_decode = getattr(codecs, 'utf_%d_ex_decode' % bits)
    by_order = {-1: (getattr(codecs, 'utf_%d_le_encode' % bits), getattr(codecs, 'utf_%d_le_decode' % bits)),
                1: (getattr(codecs, 'utf_%d_be_encode' % bits), getattr(codecs, 'utf_%d_be_decode' % bits))}
    native = -1 if sys.byteorder == 'little' else 1

    def encode(input, errors='strict'):
        return enc_bom(input, errors)

    def decode(input, errors='strict'):
        return getattr(codecs, 'utf_%d_decode' % bits)(input, errors, True)

    def first_decode(input, errors, final):
        """(text, consumed, byte order) of the first piece of a stream; the order is 0 while undecided."""
        text, consumed, order = ex_decode(input, errors, 0, final)
        if order == 0 and consumed >= size:
            raise UnicodeDecodeError(name, input, 0, size, "Stream does not start with BOM")
        return text, consumed, order

    class Codec(codecs.Codec):
        def encode(self, input, errors='strict'):
            return encode(input, errors)

        def decode(self, input, errors='strict'):
            return decode(input, errors)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def __init__(self, errors='strict'):
            codecs.IncrementalEncoder.__init__(self, errors)
            self.started = False

        def encode(self, input, final=False):
            if not self.started:
                self.started = True
                return enc_bom(input, self.errors)[0]
            return by_order[native][0](input, self.errors)[0]

        def reset(self):
            self.started = False

        def getstate(self):
            return 0 if self.started else 2

        def setstate(self, state):
            self.started = not state

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            codecs.BufferedIncrementalDecoder.__init__(self, errors)
            self.order = 0

        def _buffer_decode(self, input, errors, final):
            if self.order:
                return by_order[self.order][1](input, errors, final)
            text, consumed, self.order = first_decode(input, errors, final)
            return text, consumed

        def reset(self):
            codecs.BufferedIncrementalDecoder.reset(self)
            self.order = 0

        def getstate(self):
            return (self.buffer, {0: 2, -1: 0, 1: 1}[self.order] if sys.byteorder == 'little'
                    else {0: 2, -1: 1, 1: 0}[self.order])

        def setstate(self, state):
            self.buffer = state[0]
            flag = state[1]
            self.order = 0 if flag == 2 else native if flag == 0 else -native

    class StreamWriter(Codec, codecs.StreamWriter):
        def __init__(self, stream, errors='strict'):
            codecs.StreamWriter.__init__(self, stream, errors)
            self.started = False

        def reset(self):
            self.started = False

        def encode(self, input, errors='strict'):
            if not self.started:
                self.started = True
                return enc_bom(input, errors)
            return by_order[native][0](input, errors)

    class StreamReader(Codec, codecs.StreamReader):
        order = 0

        def reset(self):
            codecs.StreamReader.reset(self)
            self.order = 0

        def decode(self, input, errors='strict'):
            if self.order:
                return by_order[self.order][1](input, errors, False)
            text, consumed, self.order = first_decode(input, errors, False)
            return text, consumed

    info = codecs.CodecInfo(name=name, encode=encode, decode=decode,
                            incrementalencoder=IncrementalEncoder, incrementaldecoder=IncrementalDecoder,
                            streamwriter=StreamWriter, streamreader=StreamReader)
    return info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader


codecs.register(search_function)
