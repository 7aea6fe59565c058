"""encodings.latin_1: ISO 8859-1 (the C codec of str.encode / bytes.decode)."""
import codecs
from encodings import _text_codec

_info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _text_codec(
    'iso8859-1', codecs.latin_1_encode, codecs.latin_1_decode)


def getregentry():
    return _info
