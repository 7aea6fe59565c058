/* unicode_db.c: lookups in the generated Unicode tables (see vm/unicode_db.h; the table layout is
 * described in tools/gen_unicodedata.py). */
#include "unicode_db.h"

#include "unicode_db_tables.h"

const char kr_ucd_version[] = UD_VERSION;

/* Hangul syllable algorithm constants (Unicode 15.1 section 3.12). */
enum {
    HG_SBASE = 0xAC00, HG_LBASE = 0x1100, HG_VBASE = 0x1161, HG_TBASE = 0x11A7,
    HG_LCOUNT = 19, HG_VCOUNT = 21, HG_TCOUNT = 28, HG_NCOUNT = HG_VCOUNT * HG_TCOUNT,
    HG_SCOUNT = HG_LCOUNT * HG_NCOUNT,
};

const kr_ucd_record *kr_ucd_record_of(uint32_t cp)
{
    if (cp > 0x10FFFF)
        cp = 0x10FFFF; /* a noncharacter: Cn, no properties, as unassigned code points read */
    uint32_t blk = ud_prop_index1[cp >> UD_PROP_SHIFT];
    return &ud_records[ud_prop_index2[(blk << UD_PROP_SHIFT) + (cp & ((1u << UD_PROP_SHIFT) - 1))]];
}

const char *kr_ucd_category_name(const kr_ucd_record *r) { return ud_category_names[r->category]; }
const char *kr_ucd_bidi_name(const kr_ucd_record *r) { return ud_bidi_names[r->bidi]; }
const char *kr_ucd_eaw_name(const kr_ucd_record *r) { return ud_eaw_names[r->eaw]; }

bool kr_ucd_numeric(const kr_ucd_record *r, double *value)
{
    if (!r->numeric)
        return false;
    *value = ud_numeric[r->numeric];
    return true;
}

int kr_ucd_decomposition(uint32_t cp, const char **tag, const uint32_t **cps)
{
    if (cp > 0x10FFFF)
        return 0;
    uint32_t blk = ud_decomp_index1[cp >> UD_DECOMP_SHIFT];
    uint32_t off = ud_decomp_index2[(blk << UD_DECOMP_SHIFT) + (cp & ((1u << UD_DECOMP_SHIFT) - 1))];
    if (!off)
        return 0;
    uint32_t head = ud_decomp[off];
    *tag = ud_decomp_tags[head >> 8];
    *cps = &ud_decomp[off + 1];
    return (int)(head & 0xFF);
}

uint32_t kr_ucd_compose(uint32_t first, uint32_t second)
{
    if (first >= HG_LBASE && first < HG_LBASE + HG_LCOUNT && second >= HG_VBASE && second < HG_VBASE + HG_VCOUNT)
        return HG_SBASE + ((first - HG_LBASE) * HG_VCOUNT + (second - HG_VBASE)) * HG_TCOUNT;
    if (first >= HG_SBASE && first < HG_SBASE + HG_SCOUNT && (first - HG_SBASE) % HG_TCOUNT == 0 &&
        second > HG_TBASE && second < HG_TBASE + HG_TCOUNT)
        return first + (second - HG_TBASE);
    size_t lo = 0, hi = sizeof ud_comp / sizeof ud_comp[0];
    while (lo < hi) { /* ud_comp is sorted by (first, second) */
        size_t m = (lo + hi) / 2;
        if (ud_comp[m][0] < first || (ud_comp[m][0] == first && ud_comp[m][1] < second))
            lo = m + 1;
        else
            hi = m;
    }
    if (lo < sizeof ud_comp / sizeof ud_comp[0] && ud_comp[lo][0] == first && ud_comp[lo][1] == second)
        return ud_comp[lo][2];
    return 0;
}

size_t kr_ucd_full_decompose(uint32_t cp, bool compat, uint32_t *out, size_t n)
{
    if (cp >= HG_SBASE && cp < HG_SBASE + HG_SCOUNT) {
        uint32_t s = cp - HG_SBASE, t = s % HG_TCOUNT;
        uint32_t parts[3] = {HG_LBASE + s / HG_NCOUNT, HG_VBASE + (s % HG_NCOUNT) / HG_TCOUNT, HG_TBASE + t};
        size_t k = t ? 3 : 2;
        for (size_t i = 0; i < k && i < n; i++)
            out[i] = parts[i];
        return k;
    }
    const char *tag;
    const uint32_t *cps;
    int m = kr_ucd_decomposition(cp, &tag, &cps);
    if (m == 0 || (tag[0] && !compat)) {
        if (n > 0)
            out[0] = cp;
        return 1;
    }
    /* Decompositions never cycle (Unicode's stability policy), so the recursion ends. */
    size_t total = 0;
    for (int i = 0; i < m; i++)
        total += kr_ucd_full_decompose(cps[i], compat, total < n ? out + total : NULL, total < n ? n - total : 0);
    return total;
}

static unsigned case_record(uint32_t cp)
{
    if (cp > 0x10FFFF)
        return 0; /* record 0 is U+0000's: every mapping is the identity */
    uint32_t blk = ud_case_index1[cp >> UD_CASE_SHIFT];
    return ud_case_index2[(blk << UD_CASE_SHIFT) + (cp & ((1u << UD_CASE_SHIFT) - 1))];
}

int kr_ucd_case_map(uint32_t cp, int which, uint32_t out[3])
{
    unsigned r = case_record(cp);
    int32_t v = ud_case_records[r].map[which];
    if (!(ud_case_records[r].multi & (1u << which))) {
        out[0] = (uint32_t)((int32_t)cp + v);
        return 1;
    }
    const uint32_t *e = &ud_case_ext[v];
    int n = (int)e[0]; /* the generator only stores mappings of 2 or 3 code points here */
    for (int i = 0; i < n && i < 3; i++)
        out[i] = e[1 + i];
    return n < 3 ? n : 3;
}

uint32_t kr_ucd_simple_lower(uint32_t cp)
{
    return (uint32_t)((int32_t)cp + ud_case_records[case_record(cp)].simple_lower);
}

uint32_t kr_ucd_simple_upper(uint32_t cp)
{
    return (uint32_t)((int32_t)cp + ud_case_records[case_record(cp)].simple_upper);
}
