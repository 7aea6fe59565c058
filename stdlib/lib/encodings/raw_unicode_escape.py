"""encodings.raw_unicode_escape: \\uXXXX and \\UXXXXXXXX escapes only (the C codec of str.encode /
bytes.decode)."""
import codecs
from encodings import _text_codec

_info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _text_codec(
    'raw-unicode-escape', codecs.raw_unicode_escape_encode, codecs.raw_unicode_escape_decode)


def getregentry():
    return _info
