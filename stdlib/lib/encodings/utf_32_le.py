"""encodings.utf_32_le: UTF-32 in le byte order, without a BOM."""
import codecs
from encodings import _text_codec

encode = codecs.utf_32_le_encode


def decode(input, errors='strict'):
    return codecs.utf_32_le_decode(input, errors, True)


_info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _text_codec(
    'utf-32-le', encode, decode, codecs.utf_32_le_decode)


def getregentry():
    return _info
