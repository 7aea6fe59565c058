/* unicode.c: character classes and case mapping for str methods (and re, repr, int(), tracebacks), read
 * from Krait's generated Unicode 15.1 database (vm/unicode_db.h), so they agree with CPython 3.13 on
 * every code point; the C library's towupper & co. depend on the global locale, which a VM must not
 * touch. ASCII answers inline here (and str.c handles ASCII strings before calling in at all). */
#include "str.h"
#include "unicode_db.h"

static inline unsigned flags_of(uint32_t c) { return kr_ucd_record_of(c)->flags; }

bool kr_unicode_istitle(uint32_t c) { return c >= 0x80 && (flags_of(c) & KR_UCD_TITLE); }

bool kr_unicode_isupper(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    return flags_of(c) & KR_UCD_UPPER;
}

bool kr_unicode_islower(uint32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    return flags_of(c) & KR_UCD_LOWER;
}

bool kr_unicode_iscased(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return flags_of(c) & KR_UCD_CASED;
}

bool kr_unicode_iscaseignorable(uint32_t c) { return flags_of(c) & KR_UCD_CASE_IGNORABLE; }

bool kr_unicode_isspace(uint32_t c)
{
    if (c < 0x80)
        return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
    return flags_of(c) & KR_UCD_SPACE;
}

bool kr_unicode_isalpha(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return flags_of(c) & KR_UCD_ALPHA;
}

int kr_unicode_decimal_value(uint32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') ? (int)(c - '0') : -1;
    return kr_ucd_record_of(c)->decimal;
}

bool kr_unicode_isdecimal(uint32_t c) { return kr_unicode_decimal_value(c) >= 0; }

bool kr_unicode_isdigit(uint32_t c)
{
    if (c < 0x80)
        return c >= '0' && c <= '9';
    return kr_ucd_record_of(c)->digit >= 0;
}

bool kr_unicode_isnumeric(uint32_t c)
{
    if (c < 0x80)
        return c >= '0' && c <= '9';
    return kr_ucd_record_of(c)->numeric != 0;
}

bool kr_unicode_isprintable(uint32_t c)
{
    if (c < 0x80)
        return c >= 0x20 && c < 0x7F;
    return flags_of(c) & KR_UCD_PRINTABLE;
}

bool kr_unicode_isxidstart(uint32_t c)
{
    if (c < 0x80)
        return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return flags_of(c) & KR_UCD_XID_START;
}

bool kr_unicode_isxidcontinue(uint32_t c)
{
    if (c < 0x80)
        return c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return flags_of(c) & KR_UCD_XID_CONTINUE;
}

uint32_t kr_unicode_simple_lower(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return kr_ucd_simple_lower(c);
}

uint32_t kr_unicode_simple_upper(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') ? c - 32 : c;
    return kr_ucd_simple_upper(c);
}

int kr_unicode_lower_full(uint32_t c, uint32_t out[3]) { return kr_ucd_case_map(c, KR_UCD_LOWER_MAP, out); }
int kr_unicode_upper_full(uint32_t c, uint32_t out[3]) { return kr_ucd_case_map(c, KR_UCD_UPPER_MAP, out); }
int kr_unicode_title_full(uint32_t c, uint32_t out[3]) { return kr_ucd_case_map(c, KR_UCD_TITLE_MAP, out); }
int kr_unicode_fold_full(uint32_t c, uint32_t out[3]) { return kr_ucd_case_map(c, KR_UCD_FOLD_MAP, out); }
