"""encodings.ascii: 7-bit ASCII (the C codec of str.encode / bytes.decode)."""
import codecs
from encodings import _text_codec

_info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _text_codec(
    'ascii', codecs.ascii_encode, codecs.ascii_decode)


def getregentry():
    return _info
