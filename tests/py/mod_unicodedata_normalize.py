# Normalization: NormalizationTest.txt-style checks on composed/decomposed strings (Hangul, Greek with
# several accents, reordering of combining marks, composition exclusions, singletons, blocked
# compositions, compatibility forms), the UAX #15 invariants on pseudo-random strings, and
# is_normalized agreeing with normalize.
import unicodedata as ud

FORMS = ("NFC", "NFD", "NFKC", "NFKD")


def show(s):
    return " ".join("%04X" % ord(c) for c in s)


cases = [
    "\u1e0a", "\u1e0c", "\u1e0a\u0323", "\u1e0c\u0307", "D\u0307\u0323", "D\u0323\u0307",  # dot above/below
    "\u1e0a\u031b\u0323", "\u1e14", "\u0112\u0300", "\u00c5", "\u212b", "\u2126", "\u0344", "\u0958",
    "\u0f73", "\u1fb3", "\u1f80", "\u1ff6\u0345", "\u03d3", "\u03d2\u0301", "\ufb2c", "\ufb01", "\u2460",
    "\u3300", "\uff76\uff9e", "\u304b\u3099", "\u30ab\u309a", "\ud4db", "\u1111\u1171\u11b6", "\u1111\u1171",
    "\uac00\u11a8", "\uac01\u11a8", "\u1100\u1100\u1161", "\u1100\u0300\u1161", "a\u0301\u0301", "a\u0327\u0301",
    "a\u0301\u0327", "e\u0302\u0323", "e\u0323\u0302", "\u0041\u030a\u0327", "\u00e0\u05ae\u0300\u0315b",
    "a\u05ae\u0300\u0315b", "\u0061\u0315\u0300\u05ae\u0300\u0062", "\u0301a", "\u0300\u0301", "\u1e9b\u0323",
    "\u0b47\u0b3e", "\u0b47\u0b57", "\u0cc6\u0cc2\u0cd5", "\u0dd9\u0dcf\u0dca", "\u1025\u102e", "\u1b05\u1b35",
    "\U000110a5\U000110ba", "\U00011131\U00011127", "\U00011347\U0001133e", "\u09c7\u09be", "\u0627\u0653",
    "\U0001d15e", "\U0001d160", "\U0001d1bb\U0001d16e", "\u2adc", "\u2add\u0338", "\u226e", "<\u0338",
    "\u00a0", "\u00bd", "\u2075", "\u33a1", "\u01c4", "\u1e9e", "\u017f\u0307", "\ufdfa", "\uffe3",
    "\U0002f800", "\uf900", "\U0001f1e6", "", "plain ascii", "caf\u00e9 na\u00efve r\u00e9sum\u00e9",
]
for s in cases:
    out = [show(ud.normalize(f, s)) for f in FORMS]
    print(show(s) or "(empty)", "|", " | ".join(out), "|", "".join("1" if ud.is_normalized(f, s) else "0" for f in FORMS))

# The NormalizationTest invariants: with c2..c5 the NFC, NFD, NFKC, NFKD of c1:
#   c2 == NFC(c1) == NFC(c2) == NFC(c3);  c4 == NFC(c4) == NFC(c5)
#   c3 == NFD(c1) == NFD(c2) == NFD(c3);  c5 == NFD(c4) == NFD(c5)
#   c4 == NFKC(c1..c5);                   c5 == NFKD(c1..c5)
pool = [0x41, 0x61, 0x45, 0x65, 0x4F, 0x6F, 0x55, 0x3B1, 0x3C9, 0x397, 0x1100, 0x1161, 0x11A8, 0x11A7,
        0x11C2, 0x1175, 0x1112, 0xAC00, 0xAC01, 0xD7A3, 0x300, 0x301, 0x302, 0x303, 0x308, 0x323, 0x327,
        0x328, 0x331, 0x345, 0x5B0, 0x5BC, 0x93C, 0x94D, 0x1D15E, 0x1D165, 0x1D16E, 0xFB2C, 0x2126, 0x212B,
        0xC5, 0xE5, 0x1E0A, 0x1E0C, 0x1E9B, 0xFB01, 0x2460, 0x3300, 0xFF21, 0x0F73, 0x0F71, 0x0F72, 0x0F80,
        0x0344, 0x0340, 0x0958, 0x09CB, 0x09BE, 0x09C7, 0x0B4B, 0x0CCA, 0x1B3B, 0x1B35, 0x110AB, 0x110BA,
        0x0CC6, 0x0CC2, 0x0CD5, 0x11131, 0x11127, 0x0305, 0x0315, 0x035C, 0x1DCE, 0x0DDA, 0x0DCA, 0x3099,
        0x304B, 0x309A, 0x30AB, 0xFF76, 0xFF9E, 0x0338, 0x3C, 0x2260, 0x1F80, 0x1FBE, 0x0386, 0x0387]
seed = 2026
bad = 0
digest = 0
for i in range(1500):
    n = 1 + seed % 6
    s = ""
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        s += chr(pool[(seed >> 8) % len(pool)])
    c2, c3, c4, c5 = (ud.normalize(f, s) for f in FORMS)
    nfc = lambda x: ud.normalize("NFC", x)
    nfd = lambda x: ud.normalize("NFD", x)
    nfkc = lambda x: ud.normalize("NFKC", x)
    nfkd = lambda x: ud.normalize("NFKD", x)
    ok = (c2 == nfc(s) == nfc(c2) == nfc(c3) and c4 == nfc(c4) == nfc(c5) and
          c3 == nfd(s) == nfd(c2) == nfd(c3) and c5 == nfd(c4) == nfd(c5) and
          all(c4 == nfkc(x) for x in (s, c2, c3, c4, c5)) and all(c5 == nfkd(x) for x in (s, c2, c3, c4, c5)))
    for f, r in zip(FORMS, (c2, c3, c4, c5)):
        ok = ok and ud.is_normalized(f, s) == (r == s) and ud.is_normalized(f, r)
    if not ok:
        bad += 1
        if bad <= 5:
            print("invariant broken for", show(s))
    for r in (c2, c3, c4, c5):
        for ch in r:
            digest = (digest * 31 + ord(ch)) % 1000000007
        digest = (digest * 31 + 7) % 1000000007
print("random strings: broken", bad, "digest", digest)

# Long strings, and a str subclass.
long = "\u1e0a\u0323" * 500 + "\uac00" * 500
print(len(ud.normalize("NFD", long)), len(ud.normalize("NFC", ud.normalize("NFD", long))))
class S(str):
    pass
r = ud.normalize("NFC", S("abc"))
print(type(r).__name__, r, ud.normalize("NFD", S("\u00e9")) == "e\u0301")
