#!/usr/bin/env python3
"""Generate vm/unicode_names.c: Krait's Unicode character name database.

Run with CPython 3.13 (its unicodedata is the source of truth, Unicode 15.1):

    /root/.pyenv/versions/3.13.0/bin/python3 tools/gen_unicode_names.py > vm/unicode_names.c

The output is self-contained C11 (tables plus the lookup code below, in C_CODE) implementing
vm/unicode_names.h. Compression:

  * Algorithmic names are not stored. HANGUL SYLLABLE names are built from the jamo short names, and
    every "PREFIX-XXXX" family whose hex suffix is the code point itself (CJK UNIFIED IDEOGRAPH,
    CJK COMPATIBILITY IDEOGRAPH, KHITAN SMALL SCRIPT CHARACTER, NUSHU CHARACTER) is a list of code
    point ranges per prefix.
  * Every other name is a sequence of space-separated words. The word list is sorted by frequency;
    a name is stored as its word numbers, one byte for the UN_ONE_BYTE most frequent words and two
    for the others, ended by a 0 byte.
  * Names are stored in code point order; un_runs maps runs of consecutive named code points to entry
    numbers, un_block_off gives the byte offset of every UN_BLOCK-th entry, and un_sorted lists the
    entries in name order for a binary search by name.
  * Name aliases (NameAliases.txt) come from the unicodedata module's C API capsule, the only place
    CPython exposes them; each is checked with unicodedata.lookup. Named sequences are left out, as
    \\N{...} does not accept them.

The generator checks its own encoding by decoding every entry back before writing anything.
"""

import ctypes
import re
import sys
import unicodedata
from collections import Counter

NAME_MAX = 128  # KR_UNICODE_NAME_MAX in vm/unicode_names.h: longest name + NUL must fit
BLOCK = 32      # entries between two stored offsets
HANGUL_BASE, HANGUL_COUNT = 0xAC00, 11172
L_COUNT, V_COUNT, T_COUNT = 19, 21, 28
STRICT_PREFIX = "CJK UNIFIED IDEOGRAPH-"  # algorithmic in CPython too, with case-sensitive lookup


def collect():
    """Table names by code point, and the code points of each PREFIX-XXXX family."""
    names = {}
    families = {}
    for cp in range(0x110000):
        name = unicodedata.name(chr(cp), None)
        if name is None:
            continue
        if HANGUL_BASE <= cp < HANGUL_BASE + HANGUL_COUNT:
            assert name.startswith("HANGUL SYLLABLE "), name
            continue
        m = re.fullmatch(r"(.*-)([0-9A-F]{4,6})", name)
        if m and m.group(2) == "%04X" % cp:
            families.setdefault(m.group(1), []).append(cp)
            continue
        assert re.fullmatch(r"[A-Z0-9 -]+", name), name
        names[cp] = name
    assert STRICT_PREFIX in families
    return names, families


def jamo():
    """The short names of the leading consonants, vowels and trailing consonants, read back from the
    syllable names (L index 11 is the silent IEUNG, V index 0 is A, T index 0 is empty)."""
    def syl(l, v, t):
        name = unicodedata.name(chr(HANGUL_BASE + (l * V_COUNT + v) * T_COUNT + t))
        return name[len("HANGUL SYLLABLE "):]
    lead = [syl(l, 0, 0)[:-1] for l in range(L_COUNT)]
    assert lead[11] == ""
    vowel = [syl(11, v, 0) for v in range(V_COUNT)]
    assert vowel[0] == "A"
    trail = [syl(11, 0, t)[1:] for t in range(T_COUNT)]
    assert trail[0] == ""
    for l in range(L_COUNT):
        for v in range(V_COUNT):
            for t in range(T_COUNT):
                assert syl(l, v, t) == lead[l] + vowel[v] + trail[t]
    return lead, vowel, trail


def aliases(names):
    """(alias, code point) pairs from the capsule unicodedata._ucnhash_CAPI: its getname(code, buf,
    buflen, with_alias_and_seq=1) names the private code points 0xF0000.. that CPython uses for
    aliases and named sequences. Only single-character results are aliases."""
    try:
        get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
        get_pointer.restype = ctypes.c_void_p
        get_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
        capi = get_pointer(unicodedata._ucnhash_CAPI, b"unicodedata._ucnhash_CAPI")
        proto = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int, ctypes.c_int)
        getname = proto(ctypes.cast(capi, ctypes.POINTER(ctypes.c_void_p))[0])
    except Exception as e:  # pragma: no cover - only on an unusual CPython build
        print("gen_unicode_names: no name aliases (%s)" % e, file=sys.stderr)
        return []
    table_names = set(names.values())
    out = []
    buf = ctypes.create_string_buffer(NAME_MAX * 2)
    for code in range(0xF0000, 0xF1000):
        if not getname(code, buf, len(buf), 1):
            continue
        alias = buf.value.decode("ascii")
        value = unicodedata.lookup(alias)
        if len(value) != 1:
            continue  # a named sequence
        assert re.fullmatch(r"[A-Z0-9 -]+", alias), alias
        assert alias not in table_names, alias
        out.append((alias, ord(value)))
    assert len(out) > 400, "suspiciously few aliases: %d" % len(out)
    return sorted(out)


def ranges(cps):
    out = []
    for cp in sorted(cps):
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def encode(names):
    cps = sorted(names)
    counts = Counter(w for cp in cps for w in names[cp].split(" "))
    words = sorted(counts, key=lambda w: (-counts[w], w))
    number = {w: i for i, w in enumerate(words)}
    two = 0  # lead bytes used by two-byte word numbers
    while (255 - two) + two * 256 < len(words):
        two += 1
    one = 255 - two  # bytes 1..one are the words 0..one-1

    stream = bytearray()
    block_off = []
    for e, cp in enumerate(cps):
        if e % BLOCK == 0:
            block_off.append(len(stream))
        for w in names[cp].split(" "):
            i = number[w]
            if i < one:
                stream.append(i + 1)
            else:
                i -= one
                stream.append(one + 1 + i // 256)
                stream.append(i % 256)
        stream.append(0)

    word_off = [0]
    for w in words:
        word_off.append(word_off[-1] + len(w))

    runs = []  # (first code point, first entry)
    for e, cp in enumerate(cps):
        if not runs or cps[e - 1] != cp - 1:
            runs.append((cp, e))
    runs.append((0x110000, len(cps)))

    order = sorted(range(len(cps)), key=lambda e: names[cps[e]])
    assert len(cps) < 65536

    # Self-check: decode every entry back the way the C code does.
    def decode(e):
        p = block_off[e // BLOCK]
        for _ in range(e % BLOCK):
            while stream[p]:
                p += 1 if stream[p] <= one else 2
            p += 1
        parts = []
        while stream[p]:
            b = stream[p]
            if b <= one:
                i, p = b - 1, p + 1
            else:
                i, p = one + (b - one - 1) * 256 + stream[p + 1], p + 2
            parts.append(words[i])
        return " ".join(parts)

    for e, cp in enumerate(cps):
        assert decode(e) == names[cp], (hex(cp), decode(e))
    return dict(cps=cps, words=words, word_off=word_off, one=one, stream=stream, block_off=block_off,
                runs=runs, order=order)


def c_array(ctype, name, values, per_line=None, width=112):
    lines = []
    line = "   "
    for v in values:
        item = " %d," % v
        if len(line) + len(item) > width:
            lines.append(line)
            line = "   "
        line += item
    if line.strip():
        lines.append(line)
    return "static const %s %s[%d] = {\n%s\n};\n" % (ctype, name, len(values), "\n".join(lines))


def c_string_lines(text, width=100):
    return "\n".join('    "%s"' % text[i:i + width] for i in range(0, len(text), width)) or '    ""'


def main():
    names, families = collect()
    lead, vowel, trail = jamo()
    alias_list = aliases(names)
    enc = encode(names)

    # Families: the strict one first (family 0), then the others by prefix.
    prefixes = [STRICT_PREFIX] + sorted(p for p in families if p != STRICT_PREFIX)
    fam_ranges = []
    for f, p in enumerate(prefixes):
        for lo, hi in ranges(families[p]):
            fam_ranges.append((lo, hi, f))
    fam_ranges.sort()

    longest = max([len(n) for n in names.values()] + [len(a) for a, _ in alias_list] +
                  [len(p) + 6 for p in prefixes] +
                  [len("HANGUL SYLLABLE ") + max(map(len, lead)) + max(map(len, vowel)) + max(map(len, trail))])
    assert longest < NAME_MAX, longest

    out = []
    w = out.append
    w("/* unicode_names.c: GENERATED by tools/gen_unicode_names.py from CPython %s's unicodedata (Unicode %s).\n"
      " * Do not edit: change the generator and run\n"
      " *     /root/.pyenv/versions/3.13.0/bin/python3 tools/gen_unicode_names.py > vm/unicode_names.c\n"
      " *\n"
      " * %d stored names in %d words (%d bytes of word text, %d bytes of word numbers), %d aliases,\n"
      " * %d algorithmic families and the %d Hangul syllables. See the generator for the encoding. */\n"
      % ("%d.%d" % sys.version_info[:2], unicodedata.unidata_version, len(enc["cps"]), len(enc["words"]),
         enc["word_off"][-1], len(enc["stream"]), len(alias_list), len(prefixes), HANGUL_COUNT))
    w('#include "unicode_names.h"\n\n#include <stdbool.h>\n#include <string.h>\n\n')
    w("#if KR_UNICODE_NAME_MAX < %d\n#error \"KR_UNICODE_NAME_MAX is too small for the generated names\"\n#endif\n\n"
      % (longest + 1))
    w("enum {\n    UN_WORDS = %d,     /* words in un_word_text */\n"
      "    UN_ONE_BYTE = %d,  /* token bytes 1..UN_ONE_BYTE are the words 0..UN_ONE_BYTE-1 */\n"
      "    UN_ENTRIES = %d,  /* stored names, in code point order */\n"
      "    UN_BLOCK = %d,\n};\n\n" % (len(enc["words"]), enc["one"], len(enc["cps"]), BLOCK))
    w("/* The words, most frequent first, concatenated; word i is un_word_text[un_word_off[i]..un_word_off[i+1]). */\n")
    w("static const char un_word_text[] =\n%s;\n" % c_string_lines("".join(enc["words"])))
    w(c_array("uint32_t", "un_word_off", enc["word_off"]))
    w("\n/* Entry e's words: a byte b in 1..UN_ONE_BYTE is word b-1, a byte b above UN_ONE_BYTE starts a two-byte\n"
      " * token for word UN_ONE_BYTE + (b - UN_ONE_BYTE - 1) * 256 + next byte; 0 ends the entry. */\n")
    w(c_array("uint8_t", "un_names", list(enc["stream"])))
    w("\n/* Byte offset in un_names of entry e for every e that is a multiple of UN_BLOCK. */\n")
    w(c_array("uint32_t", "un_block_off", enc["block_off"]))
    w("\n/* Runs of consecutive named code points: run i covers code points cp .. cp + (entry[i+1] - entry[i]) - 1,\n"
      " * which are the entries entry[i] ..; the last run is a sentinel. Sorted by cp. */\n")
    w("static const struct { uint32_t cp, entry; } un_runs[%d] = {\n" % len(enc["runs"]))
    w("\n".join("    {0x%04X, %d}," % r for r in enc["runs"]) + "\n};\n")
    w("\n/* The entries in name order (memcmp order). */\n")
    w(c_array("uint16_t", "un_sorted", enc["order"]))
    w("\n/* Name aliases, sorted by name. */\n")
    w("static const struct { const char *name; uint32_t cp; } un_aliases[%d] = {\n" % len(alias_list))
    w("\n".join('    {"%s", 0x%04X},' % a for a in alias_list) + "\n};\n")
    w("\n/* PREFIX-XXXX names: family f names every code point of its ranges prefix + %%04X. Family 0 is\n"
      " * looked up case-sensitively (CPython's CJK special case), the others like table names. */\n")
    w("static const char *const un_family_prefix[%d] = {\n%s\n};\n"
      % (len(prefixes), "\n".join('    "%s",' % p for p in prefixes)))
    w("static const struct { uint32_t lo, hi; uint8_t family; } un_family_ranges[%d] = {\n" % len(fam_ranges))
    w("\n".join("    {0x%04X, 0x%04X, %d}," % r for r in fam_ranges) + "\n};\n")
    w("\n/* Hangul syllable jamo short names (Unicode chapter 3.12). */\n")
    for cname, vals in (("un_jamo_l", lead), ("un_jamo_v", vowel), ("un_jamo_t", trail)):
        w("static const char *const %s[%d] = {%s};\n" % (cname, len(vals), ", ".join('"%s"' % v for v in vals)))
    w(C_CODE)
    sys.stdout.write("".join(out))


C_CODE = r"""
#define UN_COUNT(a) (sizeof(a) / sizeof((a)[0]))
enum { UN_HANGUL_BASE = 0xAC00, UN_HANGUL_COUNT = 11172, UN_V_COUNT = 21, UN_T_COUNT = 28 };

/* ---- decoding stored names ---- */

static const uint8_t *un_entry_start(uint32_t e)
{
    const uint8_t *p = un_names + un_block_off[e / UN_BLOCK];
    for (uint32_t i = e % UN_BLOCK; i > 0; i--) {
        while (*p)
            p += *p <= UN_ONE_BYTE ? 1 : 2;
        p++;
    }
    return p;
}

/* Writes entry e's name and its NUL into out (KR_UNICODE_NAME_MAX bytes); returns its length. */
static size_t un_decode(uint32_t e, char *out)
{
    const uint8_t *p = un_entry_start(e);
    size_t k = 0;
    while (*p) {
        uint32_t w;
        if (*p <= UN_ONE_BYTE) {
            w = (uint32_t)*p - 1;
            p++;
        } else {
            w = UN_ONE_BYTE + (uint32_t)(*p - UN_ONE_BYTE - 1) * 256 + p[1];
            p += 2;
        }
        if (k)
            out[k++] = ' ';
        size_t n = un_word_off[w + 1] - un_word_off[w];
        memcpy(out + k, un_word_text + un_word_off[w], n);
        k += n;
    }
    out[k] = '\0';
    return k;
}

static int un_compare(const char *a, size_t an, const char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    return c ? c : (an > bn) - (an < bn);
}

/* The entry of a code point with a stored name, or -1. */
static int32_t un_entry_of(uint32_t cp)
{
    size_t lo = 0, hi = UN_COUNT(un_runs) - 1; /* the run containing cp is in [lo, hi) */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (un_runs[mid].cp <= cp)
            lo = mid;
        else
            hi = mid;
    }
    if (cp < un_runs[lo].cp || cp - un_runs[lo].cp >= un_runs[lo + 1].entry - un_runs[lo].entry)
        return -1;
    return (int32_t)(un_runs[lo].entry + (cp - un_runs[lo].cp));
}

static uint32_t un_cp_of_entry(uint32_t e)
{
    size_t lo = 0, hi = UN_COUNT(un_runs) - 1; /* the run holding entry e is in [lo, hi) */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (un_runs[mid].entry <= e)
            lo = mid;
        else
            hi = mid;
    }
    return un_runs[lo].cp + (e - un_runs[lo].entry);
}

static int un_family_of(uint32_t cp)
{
    size_t lo = 0, hi = UN_COUNT(un_family_ranges);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < un_family_ranges[mid].lo)
            hi = mid;
        else if (cp > un_family_ranges[mid].hi)
            lo = mid + 1;
        else
            return un_family_ranges[mid].family;
    }
    return -1;
}

/* "%04X" */
static size_t un_hex(uint32_t v, char *out)
{
    static const char digits[] = "0123456789ABCDEF";
    int n = 4;
    while (n < 8 && (v >> (4 * n)) != 0)
        n++;
    for (int i = 0; i < n; i++)
        out[i] = digits[(v >> (4 * (n - 1 - i))) & 15];
    return (size_t)n;
}

/* ---- lookup by name ---- */

static int un_upper(int c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; }

/* The jamo of `column` that is the longest prefix of s[0..n) (CPython's find_syllable: case-sensitive,
 * the first of equally long matches, the empty name when nothing else matches). */
static size_t un_find_jamo(const char *s, size_t n, const char *const *tab, int count, int *index)
{
    size_t best = 0;
    bool found = false;
    *index = -1;
    for (int i = 0; i < count; i++) {
        size_t len = strlen(tab[i]);
        if ((found && len <= best) || len > n || memcmp(s, tab[i], len) != 0)
            continue;
        best = len;
        *index = i;
        found = true;
    }
    return best;
}

static int un_lookup_hangul(const char *s, size_t n, uint32_t *cp)
{
    int l = -1, v = -1, t = -1;
    size_t a = un_find_jamo(s, n, un_jamo_l, (int)UN_COUNT(un_jamo_l), &l);
    size_t b = un_find_jamo(s + a, n - a, un_jamo_v, (int)UN_COUNT(un_jamo_v), &v);
    size_t c = un_find_jamo(s + a + b, n - a - b, un_jamo_t, (int)UN_COUNT(un_jamo_t), &t);
    if (l < 0 || v < 0 || t < 0 || a + b + c != n)
        return 0;
    *cp = UN_HANGUL_BASE + ((uint32_t)l * UN_V_COUNT + (uint32_t)v) * UN_T_COUNT + (uint32_t)t;
    return 1;
}

/* PREFIX-XXXX where digits are upper-case hex: the code point when it is in family f, else -1. */
static int64_t un_family_code(const char *digits, size_t n, int f)
{
    uint32_t v = 0;
    if (n < 4 || n > 6)
        return -1;
    for (size_t i = 0; i < n; i++) {
        char c = digits[i];
        if (c >= '0' && c <= '9')
            v = v * 16 + (uint32_t)(c - '0');
        else if (c >= 'A' && c <= 'F')
            v = v * 16 + (uint32_t)(c - 'A' + 10);
        else
            return -1;
    }
    return un_family_of(v) == f ? (int64_t)v : -1;
}

int kr_unicode_lookup_name(const char *name, size_t len, uint32_t *cp)
{
    static const char hangul[] = "HANGUL SYLLABLE ";
    const size_t hn = sizeof hangul - 1;
    if (len == 0 || len >= KR_UNICODE_NAME_MAX)
        return 0;
    char up[KR_UNICODE_NAME_MAX];
    for (size_t i = 0; i < len; i++)
        up[i] = (char)un_upper((unsigned char)name[i]);
    /* CPython's order: Hangul syllables, CJK unified ideographs, then the table and its aliases. */
    if (len >= hn && memcmp(name, hangul, hn) == 0) /* case-sensitive, as CPython */
        return un_lookup_hangul(name + hn, len - hn, cp);
    size_t pn = strlen(un_family_prefix[0]);
    if (len >= pn && memcmp(name, un_family_prefix[0], pn) == 0) {
        int64_t v = len - pn == 4 || len - pn == 5 ? un_family_code(name + pn, len - pn, 0) : -1;
        if (v < 0)
            return 0;
        *cp = (uint32_t)v;
        return 1;
    }
    for (int f = 1; f < (int)UN_COUNT(un_family_prefix); f++) {
        pn = strlen(un_family_prefix[f]);
        if (len > pn && memcmp(up, un_family_prefix[f], pn) == 0) {
            int64_t v = un_family_code(up + pn, len - pn, f);
            char spelled[8];
            if (v >= 0 && un_hex((uint32_t)v, spelled) == len - pn) { /* exactly the %04X spelling */
                *cp = (uint32_t)v;
                return 1;
            }
        }
    }
    size_t lo = 0, hi = UN_ENTRIES;
    char buf[KR_UNICODE_NAME_MAX];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        size_t bn = un_decode(un_sorted[mid], buf);
        int c = un_compare(up, len, buf, bn);
        if (c == 0) {
            *cp = un_cp_of_entry(un_sorted[mid]);
            return 1;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    lo = 0;
    hi = UN_COUNT(un_aliases);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = un_compare(up, len, un_aliases[mid].name, strlen(un_aliases[mid].name));
        if (c == 0) {
            *cp = un_aliases[mid].cp;
            return 1;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/* ---- name of a code point ---- */

int kr_unicode_name_of(uint32_t cp, char *buf, size_t n)
{
    char tmp[KR_UNICODE_NAME_MAX];
    size_t k = 0;
    int f;
    int32_t e;
    if (cp >= UN_HANGUL_BASE && cp < UN_HANGUL_BASE + UN_HANGUL_COUNT) {
        uint32_t s = cp - UN_HANGUL_BASE;
        const char *parts[4] = {"HANGUL SYLLABLE ", un_jamo_l[s / (UN_V_COUNT * UN_T_COUNT)],
                                un_jamo_v[(s / UN_T_COUNT) % UN_V_COUNT], un_jamo_t[s % UN_T_COUNT]};
        for (int i = 0; i < 4; i++) {
            size_t m = strlen(parts[i]);
            memcpy(tmp + k, parts[i], m);
            k += m;
        }
    } else if ((f = un_family_of(cp)) >= 0) {
        k = strlen(un_family_prefix[f]);
        memcpy(tmp, un_family_prefix[f], k);
        k += un_hex(cp, tmp + k);
    } else if ((e = un_entry_of(cp)) >= 0) {
        k = un_decode((uint32_t)e, tmp);
    } else {
        return 0;
    }
    if (k + 1 > n)
        return -1;
    memcpy(buf, tmp, k);
    buf[k] = '\0';
    return (int)k;
}
"""

if __name__ == "__main__":
    main()
