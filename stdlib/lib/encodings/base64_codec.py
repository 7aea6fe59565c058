"""encodings.base64_codec: bytes <-> base64 bytes in lines of 76 characters (codecs.encode(b, 'base64'))."""
import base64
from encodings import _bytes_codec


def _strict(errors):
    if errors != 'strict':
        raise ValueError(f"Unsupported error handling mode: '{errors}' - must be 'strict'")


def encode(input, errors='strict'):
    _strict(errors)
    return (base64.encodebytes(input), len(input))


def decode(input, errors='strict'):
    _strict(errors)
    return (base64.decodebytes(input), len(input))


_info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _bytes_codec('base64', encode, decode)


def getregentry():
    return _info
