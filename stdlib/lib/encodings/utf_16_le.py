"""encodings.utf_16_le: UTF-16 in le byte order, without a BOM."""
import codecs
from encodings import _text_codec

encode = codecs.utf_16_le_encode


def decode(input, errors='strict'):
    return codecs.utf_16_le_decode(input, errors, True)


_info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _text_codec(
    'utf-16-le', encode, decode, codecs.utf_16_le_decode)


def getregentry():
    return _info
