#!/usr/bin/env python3
"""Generate vm/unicode_db_tables.h: the character property tables of Krait's unicodedata module.

Run with CPython 3.13 (its unicodedata is the source of truth, Unicode 15.1):

    /root/.pyenv/versions/3.13.0/bin/python3 tools/gen_unicodedata.py > vm/unicode_db_tables.h

Layout (all tables static const, read by vm/unicode_db.c only):

  * Every code point maps to a property record (category, bidirectional class, canonical combining
    class, East Asian width, mirrored, decimal/digit value, numeric value, str-method flags). Equal
    records are stored once. The map is a two-level table: ud_prop_index1[cp >> SHIFT] selects a block
    of 1 << SHIFT record numbers in ud_prop_index2; equal blocks are stored once. SHIFT is chosen by
    trying every value and keeping the smallest total size.
  * The decomposition mapping (UnicodeData field 5, one level, as unicodedata.decomposition shows it)
    is a second two-level table of offsets into ud_decomp: a header word (tag number << 8 | length)
    followed by the code points. Offset 0 means "none". Hangul syllables are left out: they are
    decomposed algorithmically and unicodedata.decomposition() returns '' for them, as in CPython.
  * ud_comp lists the canonical compositions (first, second, composite), sorted: every canonical
    two-character decomposition whose composite is not a composition exclusion (CompositionExclusions,
    singletons and non-starter decompositions are all recognised by NFC not reproducing the
    composite, or by the first character not being a starter).

The generator checks the two-level tables by reading every code point back before printing.
"""

import sys
import unicodedata as U

SHIFT_RANGE = range(2, 12)
NCP = 0x110000

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc", "Cf",
              "Cs", "Co", "Cn", "Lm", "Lo", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"]
CATEGORIES = list(dict.fromkeys(CATEGORIES))  # Cn first (the default), no duplicates
BIDI = ["", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN", "CS", "NSM", "BN",
        "B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"]
EAW = ["F", "H", "W", "Na", "A", "N"]

# str-method flags (bit numbers match KR_UCD_* in vm/unicode_db.h)
F_ALPHA, F_UPPER, F_LOWER, F_TITLE, F_CASED, F_CASEIGN, F_XIDS, F_XIDC, F_SPACE, F_PRINT = (1 << i for i in range(10))


def is_cased(c):
    return c.isupper() or c.islower() or U.category(c) == "Lt"


def is_case_ignorable(c):
    # Final-sigma context (Unicode 3.13 Final_Sigma): a case-ignorable character between a cased letter
    # and SIGMA, or after SIGMA, does not change the choice. For a cased c only the second test tells.
    if is_cased(c):
        return ("A\u03a3" + c).lower()[1] == "\u03c2"
    return ("A" + c + "\u03a3").lower()[-1] == "\u03c2"


def flags_of(cp):
    c = chr(cp)
    f = 0
    if c.isalpha():
        f |= F_ALPHA
    if c.isupper():
        f |= F_UPPER
    if c.islower():
        f |= F_LOWER
    if U.category(c) == "Lt":
        f |= F_TITLE
    if is_cased(c):
        f |= F_CASED
    if 0xD800 <= cp <= 0xDFFF:
        pass  # lone surrogates cannot go through str.lower in a meaningful way: not ignorable
    elif is_case_ignorable(c):
        f |= F_CASEIGN
    if c.isidentifier():
        f |= F_XIDS
    if ("a" + c).isidentifier():
        f |= F_XIDC
    if c.isspace():
        f |= F_SPACE
    if c.isprintable():
        f |= F_PRINT
    return f


def numeric_key(c):
    v = U.numeric(c, None)
    return v


def splitbins(values, name):
    """Best two-level split of values: (shift, index1, blocks-concatenated)."""
    best = None
    for shift in SHIFT_RANGE:
        size = 1 << shift
        blocks = {}
        index1 = []
        index2 = []
        for i in range(0, len(values), size):
            blk = tuple(values[i:i + size])
            n = blocks.get(blk)
            if n is None:
                n = blocks[blk] = len(blocks)
                index2.extend(blk)
            index1.append(n)
        cost = len(index1) * itemsize(max(index1)) + len(index2) * itemsize(max(index2))
        if best is None or cost < best[0]:
            best = (cost, shift, index1, index2)
    cost, shift, index1, index2 = best
    mask = (1 << shift) - 1
    for cp in range(len(values)):  # read every value back
        assert index2[(index1[cp >> shift] << shift) + (cp & mask)] == values[cp], (name, cp)
    return shift, index1, index2, cost


def itemsize(maxval):
    return 1 if maxval < 256 else 2 if maxval < 65536 else 4


def ctype(maxval):
    return {1: "uint8_t", 2: "uint16_t", 4: "uint32_t"}[itemsize(maxval)]


def emit_array(out, name, typ, values, per_line=16):
    out.append("static const %s %s[%d] = {" % (typ, name, len(values)))
    for i in range(0, len(values), per_line):
        out.append("    " + ", ".join(str(v) for v in values[i:i + per_line]) + ",")
    out.append("};")


def main():
    records = {}
    rec_list = []
    prop = []
    numerics = [None]  # index 0: no numeric value
    num_index = {}
    for cp in range(NCP):
        c = chr(cp)
        num = U.numeric(c, None)
        if num is None:
            ni = 0
        else:
            ni = num_index.get(num)
            if ni is None:
                ni = num_index[num] = len(numerics)
                numerics.append(num)
        rec = (CATEGORIES.index(U.category(c)), BIDI.index(U.bidirectional(c)), U.combining(c),
               EAW.index(U.east_asian_width(c)), U.mirrored(c), U.decimal(c, -1), U.digit(c, -1), ni,
               flags_of(cp))
        r = records.get(rec)
        if r is None:
            r = records[rec] = len(rec_list)
            rec_list.append(rec)
        prop.append(r)
    assert len(numerics) < 256

    # Decompositions.
    tags = []
    decomp = [0]
    decomp_off = []
    comp = []
    for cp in range(NCP):
        d = U.decomposition(chr(cp))
        if not d:
            decomp_off.append(0)
            continue
        parts = d.split()
        tag = 0
        if parts[0].startswith("<"):
            if parts[0] not in tags:
                tags.append(parts[0])
            tag = tags.index(parts[0]) + 1
            parts = parts[1:]
        cps = [int(p, 16) for p in parts]
        decomp_off.append(len(decomp))
        decomp.append(tag << 8 | len(cps))
        decomp.extend(cps)
        if tag == 0 and len(cps) == 2 and U.combining(chr(cps[0])) == 0 and U.normalize("NFC", chr(cp)) == chr(cp):
            comp.append((cps[0], cps[1], cp))
    comp.sort()
    assert len(decomp) < 65536

    # Case mappings (str.lower/upper/title/casefold of the single character, and the simple one-to-one
    # mappings re uses): a record of deltas per code point, multi-character results in ud_case_ext.
    import _sre
    case_records = {}
    case_list = []
    case_map = []
    case_ext = [0]
    ext_index = {}

    def field(res, cp):
        if len(res) == 1:
            return ord(res) - cp, 0
        key = tuple(ord(x) for x in res)
        i = ext_index.get(key)
        if i is None:
            i = ext_index[key] = len(case_ext)
            case_ext.append(len(key))
            case_ext.extend(key)
        return i, 1

    for cp in range(NCP):
        c = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            maps = (c, c, c, c)
        else:
            maps = (c.lower(), c.upper(), c.title(), c.casefold())
        fields = []
        multi = 0
        for k, res in enumerate(maps):
            v, m = field(res, cp)
            fields.append(v)
            multi |= m << k
        slower = _sre.unicode_tolower(cp)
        up, ti = maps[1], maps[2]
        supper = ord(up) if len(up) == 1 else ord(ti) if len(ti) == 1 else cp
        rec = tuple(fields) + (slower - cp, supper - cp, multi)
        r = case_records.get(rec)
        if r is None:
            r = case_records[rec] = len(case_list)
            case_list.append(rec)
        case_map.append(r)
    cshift, c1, c2, ccost = splitbins(case_map, "case")

    pshift, p1, p2, pcost = splitbins(prop, "prop")
    dshift, d1, d2, dcost = splitbins(decomp_off, "decomp")

    out = []
    out.append("/* unicode_db_tables.h: generated by tools/gen_unicodedata.py from Unicode %s; do not edit." % U.unidata_version)
    out.append(" * Included by vm/unicode_db.c only. See the generator for the layout. */")
    out.append("#ifndef KRAIT_UNICODE_DB_TABLES_H")
    out.append("#define KRAIT_UNICODE_DB_TABLES_H")
    out.append("")
    out.append('#include "unicode_db.h"')
    out.append("")
    out.append('#define UD_VERSION "%s"' % U.unidata_version)
    out.append("#define UD_PROP_SHIFT %d" % pshift)
    out.append("#define UD_DECOMP_SHIFT %d" % dshift)
    out.append("#define UD_CASE_SHIFT %d" % cshift)
    out.append("")
    out.append("static const char *const ud_category_names[] = {%s};" % ", ".join('"%s"' % c for c in CATEGORIES))
    out.append("static const char *const ud_bidi_names[] = {%s};" % ", ".join('"%s"' % c for c in BIDI))
    out.append("static const char *const ud_eaw_names[] = {%s};" % ", ".join('"%s"' % c for c in EAW))
    out.append("static const char *const ud_decomp_tags[] = {\"\", %s};" % ", ".join('"%s"' % t for t in tags))
    out.append("")
    out.append("static const kr_ucd_record ud_records[%d] = {" % len(rec_list))
    for r in rec_list:
        out.append("    {%d, %d, %d, %d, %d, %d, %d, %d, 0x%x}," % r)
    out.append("};")
    out.append("")
    out.append("static const double ud_numeric[%d] = {" % len(numerics))
    out.append("    0.0, " + ", ".join(repr(v) for v in numerics[1:]))
    out.append("};")
    out.append("")
    emit_array(out, "ud_prop_index1", ctype(max(p1)), p1)
    emit_array(out, "ud_prop_index2", ctype(max(p2)), p2)
    emit_array(out, "ud_decomp_index1", ctype(max(d1)), d1)
    emit_array(out, "ud_decomp_index2", ctype(max(d2)), d2)
    emit_array(out, "ud_decomp", "uint32_t", decomp, 12)
    out.append("")
    out.append("/* Case records: lower, upper, title, fold (deltas, or ud_case_ext offsets where the multi bit")
    out.append(" * 1 << field is set), simple lower and upper deltas, multi. */")
    out.append("static const struct { int32_t map[4], simple_lower, simple_upper; uint8_t multi; } ud_case_records[%d] = {" % len(case_list))
    for r in case_list:
        out.append("    {{%d, %d, %d, %d}, %d, %d, %d}," % r)
    out.append("};")
    emit_array(out, "ud_case_index1", ctype(max(c1)), c1)
    emit_array(out, "ud_case_index2", ctype(max(c2)), c2)
    out.append("/* Multi-character case mappings: length, then the code points. */")
    emit_array(out, "ud_case_ext", "uint32_t", case_ext, 12)
    out.append("")
    out.append("/* Canonical compositions, sorted by (first, second). */")
    out.append("static const uint32_t ud_comp[%d][3] = {" % len(comp))
    for i in range(0, len(comp), 4):
        out.append("    " + " ".join("{0x%X, 0x%X, 0x%X}," % t for t in comp[i:i + 4]))
    out.append("};")
    out.append("")
    out.append("#endif")
    total = ccost + len(case_list) * 28 + len(case_ext) * 4 + pcost + dcost + len(rec_list) * 10 + len(numerics) * 8 + len(decomp) * 4 + len(comp) * 12
    sys.stderr.write("records %d, numerics %d, prop shift %d (%d bytes), decomp shift %d (%d bytes), "
                     "decomp data %d words, compositions %d, case records %d (%d bytes index), case ext %d, total ~%d bytes\n"
                     % (len(rec_list), len(numerics), pshift, pcost, dshift, dcost, len(decomp), len(comp), len(case_list), ccost, len(case_ext), total))
    print("\n".join(out))


main()
