"""encodings.utf_8: UTF-8 (the C codec of str.encode / bytes.decode); incremental decoding keeps a
multi-byte sequence split between two pieces until the rest arrives."""
import codecs
from encodings import _text_codec

encode = codecs.utf_8_encode


def decode(input, errors='strict'):
    return codecs.utf_8_decode(input, errors, True)


_info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _text_codec(
    'utf-8', encode, decode, codecs.utf_8_decode)


def getregentry():
    return _info
