# Encoding and decoding between str and bytes.
s = "Grüße, 世界! 😀"
for enc in ["utf-8", "utf8", "UTF-8", "latin-1", "ascii"]:
    try:
        e = s.encode(enc)
        print(enc, e, len(e), e.decode(enc) == s)
    except UnicodeEncodeError as ex:
        print(enc, type(ex).__name__, ex)
print(s.encode("ascii", "replace"), s.encode("ascii", "ignore"), s.encode("ascii", "xmlcharrefreplace"))
print(s.encode("latin-1", "backslashreplace"))
raw = s.encode()
print(raw.decode("utf-8"), raw[:3].decode("utf-8", "ignore"), raw[3:5].decode("utf-8", "replace"))
print(raw.decode("latin-1")[:8], len(raw.decode("latin-1")))
for bad in [b"\x80", b"\xc3", b"\xed\xa0\x80", b"ok\xe4\xb8"]:
    try:
        bad.decode("utf-8")
    except UnicodeDecodeError as ex:
        print(type(ex).__name__, ex)
print(str(b"abc"), repr(bytes("é", "utf-8")), "é".encode("utf-16-le") if False else "skip")
print(bytes([0xF0, 0x9F, 0x98, 0x80]).decode(), "€".encode(), "\u0000".encode())
