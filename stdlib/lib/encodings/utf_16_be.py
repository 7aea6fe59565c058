"""encodings.utf_16_be: UTF-16 in be byte order, without a BOM."""
import codecs
from encodings import _text_codec

encode = codecs.utf_16_be_encode


def decode(input, errors='strict'):
    return codecs.utf_16_be_decode(input, errors, True)


_info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _text_codec(
    'utf-16-be', encode, decode, codecs.utf_16_be_decode)


def getregentry():
    return _info
