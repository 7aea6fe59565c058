"""encodings.hex_codec: bytes <-> hexadecimal bytes (codecs.encode(b, 'hex'))."""
import binascii
from encodings import _bytes_codec


def _strict(errors):
    if errors != 'strict':
        raise ValueError(f"Unsupported error handling mode: '{errors}' - must be 'strict'")


def encode(input, errors='strict'):
    _strict(errors)
    return (binascii.b2a_hex(input), len(input))


def decode(input, errors='strict'):
    _strict(errors)
    return (binascii.a2b_hex(input), len(input))


_info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _bytes_codec('hex', encode, decode)


def getregentry():
    return _info
