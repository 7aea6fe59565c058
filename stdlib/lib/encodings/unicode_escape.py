"""encodings.unicode_escape: Python string-literal escapes (the C codec of str.encode / bytes.decode)."""
import codecs
from encodings import _text_codec

_info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _text_codec(
    'unicode-escape', codecs.unicode_escape_encode, codecs.unicode_escape_decode)


def getregentry():
    return _info
