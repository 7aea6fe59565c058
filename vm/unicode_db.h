/* unicode_db.h: the Unicode character database (vm/unicode_db.c over vm/unicode_db_tables.h, generated
 * by tools/gen_unicodedata.py from CPython 3.13's unicodedata, Unicode 15.1): general category, bidi
 * class, combining class, East Asian width, mirrored, decimal/digit/numeric values, str-method flags,
 * decompositions and canonical compositions. stdlib/unicodedata.c is the Python face of it.
 *
 * Self-contained: no VM, no allocation, no mutable state. Every function accepts any uint32_t; code
 * points above 0x10FFFF read as unassigned (category Cn, everything else empty). */
#ifndef KRAIT_UNICODE_DB_H
#define KRAIT_UNICODE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* flags: what CPython 3.13's str methods report for the single character (derived properties
 * Alphabetic-by-category, Uppercase, Lowercase, Lt, Cased, Case_Ignorable, XID_Start, XID_Continue,
 * White_Space-by-bidi, printable). */
enum {
    KR_UCD_ALPHA = 1 << 0,
    KR_UCD_UPPER = 1 << 1,
    KR_UCD_LOWER = 1 << 2,
    KR_UCD_TITLE = 1 << 3,
    KR_UCD_CASED = 1 << 4,
    KR_UCD_CASE_IGNORABLE = 1 << 5,
    KR_UCD_XID_START = 1 << 6,
    KR_UCD_XID_CONTINUE = 1 << 7,
    KR_UCD_SPACE = 1 << 8,
    KR_UCD_PRINTABLE = 1 << 9,
};

typedef struct kr_ucd_record {
    uint8_t category;  /* index into kr_ucd_category_name */
    uint8_t bidi;      /* index into kr_ucd_bidi_name ("" for unassigned) */
    uint8_t combining; /* canonical combining class */
    uint8_t eaw;       /* index into kr_ucd_eaw_name */
    uint8_t mirrored;  /* 0 or 1 */
    int8_t decimal, digit; /* 0..9, -1: none */
    uint8_t numeric;   /* kr_ucd_numeric index, 0: none */
    uint16_t flags;    /* KR_UCD_* */
} kr_ucd_record;

const kr_ucd_record *kr_ucd_record_of(uint32_t cp);
const char *kr_ucd_category_name(const kr_ucd_record *r);
const char *kr_ucd_bidi_name(const kr_ucd_record *r);
const char *kr_ucd_eaw_name(const kr_ucd_record *r);
/* The numeric value; false when cp has none. */
bool kr_ucd_numeric(const kr_ucd_record *r, double *value);

/* The one-level decomposition mapping of cp (UnicodeData.txt field 5; none for Hangul syllables, whose
 * decomposition is algorithmic). Returns the number of code points (0: none), *tag the formatting tag
 * ("" for a canonical mapping, else e.g. "<compat>"), *cps the code points. */
int kr_ucd_decomposition(uint32_t cp, const char **tag, const uint32_t **cps);

/* The primary composite of (first, second) by canonical composition, Hangul included; 0 if none. */
uint32_t kr_ucd_compose(uint32_t first, uint32_t second);

/* Full decomposition of cp (recursive; compatibility mappings too when compat; Hangul syllables
 * algorithmically) into out[0..n). Returns the count written, or the count needed (> n) when out is
 * too small (nothing is then guaranteed about out). 18 is the longest full decomposition in 15.1. */
size_t kr_ucd_full_decompose(uint32_t cp, bool compat, uint32_t *out, size_t n);

/* Case mappings of cp as CPython 3.13's str methods apply them to a single character (SpecialCasing's
 * unconditional multi-character mappings included; context such as the final sigma is the caller's):
 * which is KR_UCD_LOWER_MAP, _UPPER_MAP, _TITLE_MAP or _FOLD_MAP. Writes up to 3 code points into out
 * and returns the count. */
enum { KR_UCD_LOWER_MAP, KR_UCD_UPPER_MAP, KR_UCD_TITLE_MAP, KR_UCD_FOLD_MAP };
int kr_ucd_case_map(uint32_t cp, int which, uint32_t out[3]);
/* The simple (one-to-one, UnicodeData.txt) lower and upper case mappings, as re's IGNORECASE uses. */
uint32_t kr_ucd_simple_lower(uint32_t cp);
uint32_t kr_ucd_simple_upper(uint32_t cp);

/* The Unicode version of the tables, "15.1.0". */
extern const char kr_ucd_version[];

#endif
