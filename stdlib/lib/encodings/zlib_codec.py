"""encodings.zlib_codec: bytes <-> zlib-compressed bytes (codecs.encode(b, 'zlib'))."""
import codecs
import zlib
from encodings import _bytes_codec


def _strict(errors):
    if errors != 'strict':
        raise ValueError(f"Unsupported error handling mode: '{errors}' - must be 'strict'")


def encode(input, errors='strict'):
    _strict(errors)
    return (zlib.compress(input), len(input))


def decode(input, errors='strict'):
    _strict(errors)
    return (zlib.decompress(input), len(input))


_info, Codec, _, _, StreamWriter, StreamReader = _bytes_codec('zlib', encode, decode)


class IncrementalEncoder(codecs.IncrementalEncoder):
    """One zlib stream across the pieces: a compressor object, flushed by final."""

    def __init__(self, errors='strict'):
        _strict(errors)
        codecs.IncrementalEncoder.__init__(self, errors)
        self.compressobj = zlib.compressobj()

    def encode(self, input, final=False):
        out = self.compressobj.compress(input)
        if final:
            out += self.compressobj.flush()
        return out

    def reset(self):
        self.compressobj = zlib.compressobj()


class IncrementalDecoder(codecs.IncrementalDecoder):
    def __init__(self, errors='strict'):
        _strict(errors)
        codecs.IncrementalDecoder.__init__(self, errors)
        self.decompressobj = zlib.decompressobj()

    def decode(self, input, final=False):
        out = self.decompressobj.decompress(input)
        if final:
            out += self.decompressobj.flush()
        return out

    def reset(self):
        self.decompressobj = zlib.decompressobj()


def getregentry():
    return codecs.CodecInfo(name='zlib', encode=encode, decode=decode, incrementalencoder=IncrementalEncoder,
                            incrementaldecoder=IncrementalDecoder, streamreader=StreamReader,
                            streamwriter=StreamWriter, _is_text_encoding=False)
