"""encodings.utf_32: UTF-32 with a byte order mark (see encodings._bom_codec)."""
from encodings import _bom_codec

_info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _bom_codec(32)
encode = _info.encode
decode = _info.decode


def getregentry():
    return _info
