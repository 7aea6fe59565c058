"""encodings.utf_32_be: UTF-32 in be byte order, without a BOM."""
import codecs
from encodings import _text_codec

encode = codecs.utf_32_be_encode


def decode(input, errors='strict'):
    return codecs.utf_32_be_decode(input, errors, True)


_info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _text_codec(
    'utf-32-be', encode, decode, codecs.utf_32_be_decode)


def getregentry():
    return _info
