"""_codecs: encode/decode by codec name, for the str and bytes codecs Krait's str.encode and
bytes.decode know (pickle's protocols 0-2 rebuild bytes objects as _codecs.encode(text, 'latin1'))."""


def encode(obj, encoding='utf-8', errors='strict'):
    if not isinstance(obj, str):
        raise TypeError(f"utf_8_encode() argument 1 must be str, not {type(obj).__name__}")
    return obj.encode(encoding, errors)


def decode(obj, encoding='utf-8', errors='strict'):
    if isinstance(obj, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return bytes(obj).decode(encoding, errors)
