"""encodings.utf_8_sig: UTF-8 with a leading BOM: encoding writes one, decoding skips one if present."""
import codecs

_BOM = codecs.BOM_UTF8


def encode(input, errors='strict'):
    return (_BOM + codecs.utf_8_encode(input, errors)[0], len(input))


def _decode(input, errors, final, first):
    """(text, consumed); with first, a BOM at the start is skipped (and a prefix of one waits)."""
    skip = 0
    if first:
        if not final and len(input) < 3 and _BOM.startswith(input):
            return ('', 0)
        if input[:3] == _BOM:
            skip = 3
    text, consumed = codecs.utf_8_decode(input[skip:], errors, final)
    return (text, consumed + skip)


def decode(input, errors='strict'):
    return _decode(bytes(input), errors, True, True)


class Codec(codecs.Codec):
    def encode(self, input, errors='strict'):
        return encode(input, errors)

    def decode(self, input, errors='strict'):
        return decode(input, errors)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def __init__(self, errors='strict'):
        codecs.IncrementalEncoder.__init__(self, errors)
        self.first = 1

    def encode(self, input, final=False):
        if self.first:
            self.first = 0
            return encode(input, self.errors)[0]
        return codecs.utf_8_encode(input, self.errors)[0]

    def reset(self):
        self.first = 1

    def getstate(self):
        return self.first

    def setstate(self, state):
        self.first = state


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    def __init__(self, errors='strict'):
        codecs.BufferedIncrementalDecoder.__init__(self, errors)
        self.first = True

    def _buffer_decode(self, input, errors, final):
        text, consumed = _decode(input, errors, final, self.first)
        if self.first and (consumed or final):
            self.first = False
        return text, consumed

    def reset(self):
        codecs.BufferedIncrementalDecoder.reset(self)
        self.first = True


class StreamWriter(Codec, codecs.StreamWriter):
    def __init__(self, stream, errors='strict'):
        codecs.StreamWriter.__init__(self, stream, errors)
        self.first = True

    def reset(self):
        self.first = True

    def encode(self, input, errors='strict'):
        if self.first:
            self.first = False
            return encode(input, errors)
        return codecs.utf_8_encode(input, errors)


class StreamReader(Codec, codecs.StreamReader):
    first = True

    def reset(self):
        codecs.StreamReader.reset(self)
        self.first = True

    def decode(self, input, errors='strict'):
        text, consumed = _decode(input, errors, False, self.first)
        if self.first and consumed:
            self.first = False
        return text, consumed


def getregentry():
    return codecs.CodecInfo(name='utf-8-sig', encode=encode, decode=decode,
                            incrementalencoder=IncrementalEncoder, incrementaldecoder=IncrementalDecoder,
                            streamreader=StreamReader, streamwriter=StreamWriter)
