"""encodings.rot_13: str -> str, every ASCII letter moved 13 places (codecs.encode(s, 'rot13'))."""
from encodings import _bytes_codec

_MAP = {}
for _base in (ord('a'), ord('A')):
    for _i in range(26):
        _MAP[_base + _i] = _base + (_i + 13) % 26
del _base, _i


def encode(input, errors='strict'):
    return (str.translate(input, _MAP), len(input))


decode = encode

_info, Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _bytes_codec('rot-13', encode, decode)


def rot13(infile, outfile):
    outfile.write(encode(infile.read())[0])


def getregentry():
    return _info
