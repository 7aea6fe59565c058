# unicodedata: readable samples across planes and categories, and the error cases.
import unicodedata as ud

print(ud.unidata_version)
samples = "A\u00e9\u00df\u01c5\u0301\u0345\u05d0\u0627\u0663\u06f4\u0966\u0e01\u1100\u1161\u11a8\u2028\u2029" \
          "\u2160\u2167\u216c\u2460\u00bd\u2153\u0f33\u3000\u3007\u4e00\u4e94\uac00\ud55c\ud7a3\ue000\uf900" \
          "\ufb01\ufe30\uff21\uff76\ufffd\U00010400\U0001d15e\U0001d7ce\U0001f600\U0001f1e6\U00020000" \
          "\U0002f800\U000e0001\U000f0000\U0010fffd\x00\x1f \t\n\u00a0\u00ad\u200b\u200d\u202e\ud800\udfff" \
          "([{}])\u00ab\u00bb\u2264\u221a\u0378\U000e01f0"
for c in samples:
    print("U+%04X" % ord(c), ud.category(c), repr(ud.bidirectional(c)), ud.combining(c), ud.east_asian_width(c),
          ud.mirrored(c), repr(ud.decomposition(c)), ud.decimal(c, None), ud.digit(c, None), ud.numeric(c, None),
          ud.name(c, "<no name>"))

# lookup: names, aliases, case-insensitive, algorithmic names, bytes
for n in ["LATIN SMALL LETTER SHARP S", "latin small letter sharp s", "BYTE ORDER MARK", "LINE FEED",
          "HANGUL SYLLABLE GAG", "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-2A700", "GRINNING FACE",
          "NULL", "ZERO WIDTH SPACE", b"EURO SIGN"]:
    r = ud.lookup(n)
    print(repr(n), ascii(r), ud.name(r, None))
for n in ["KEY KEY", "", "LATIN SMALL LETTER", "CJK UNIFIED IDEOGRAPH-110000", "hangul syllable gag", "X" * 300]:
    try:
        ud.lookup(n)
    except KeyError as e:
        print("KeyError", e)

# numeric values with defaults
for c in "7\u0663\u00b2\u2460\u00bd\u2155\u216b\u4e07\U0001ecb1a":
    print("U+%04X" % ord(c), ud.decimal(c, -1), ud.digit(c, -1), ud.numeric(c, -1.0))
for f, msg in [(ud.decimal, "decimal"), (ud.digit, "digit"), (ud.numeric, "numeric")]:
    try:
        f("a")
    except ValueError as e:
        print(msg, "ValueError", e)
    print(f("a", "dflt"), f("a", None))
try:
    ud.name("\x00")
except ValueError as e:
    print("ValueError", e)
print(ud.name("\x00", 42))

# argument errors
for f in (ud.category, ud.bidirectional, ud.combining, ud.east_asian_width, ud.mirrored, ud.decomposition,
          ud.name, ud.decimal, ud.digit, ud.numeric):
    for a in [(), (1,), ("ab",), ("",), (b"a",)]:
        try:
            f(*a)
            print(f.__name__, a, "no error")
        except TypeError as e:
            print(f.__name__, a, "TypeError", e)
for a in [(), ("NFC",), (1, "a"), ("NFC", b"a"), ("NFX", "a"), ("nfc", "a")]:
    for f in (ud.normalize, ud.is_normalized):
        try:
            f(*a)
        except (TypeError, ValueError) as e:
            print(f.__name__, a, type(e).__name__, e)
for a in (1, bytearray(b"SNOWMAN"), memoryview(b"SNOWMAN")):
    try:
        ud.lookup(a)
    except TypeError as e:
        print("lookup TypeError", e)
try:
    ud.category(chr=1)
except TypeError as e:
    print("kw TypeError", e)
