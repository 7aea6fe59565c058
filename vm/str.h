/* str.h: vm/str.c, vm/unicode.c and vm/siphash.c beyond what object.h declares.
 *
 * A kr_str holds valid UTF-8 (surrogate code points, which Python allows in str, are stored as their
 * 3-byte generalised UTF-8 form) with data[nbytes] == '\0', length in code points, a lazily computed
 * hash (-1 until computed; never -1 once computed) and KR_STR_ASCII when every byte is < 0x80, in which
 * case length == nbytes and indexing is O(1). Strings are immutable once published. */
#ifndef KRAIT_STR_H
#define KRAIT_STR_H

#include "kr.h"

/* ---- life cycle (called by vm.c) ---- */
void kr_str_init(kr_vm *vm);       /* phase 1: creates vm->t.str and vm->t.str_iter (see vm/init.h) */
int kr_str_setup(kr_vm *vm);       /* before the interned names: intern table, empty string, char cache */
/* Marks the interned strings, the empty string and the char cache; the lead calls it from
 * kr_vm_trace_roots. Also drops the index cache (a collection may free the string it points at). */
void kr_str_trace_roots(kr_vm *vm);
void kr_str_free_tables(kr_vm *vm); /* optional, in kr_vm_free before the heap goes */

/* ---- construction ---- */
/* A new exact str whose content the caller writes into data[0..nbytes) before publishing it (all of it:
 * a long str's data is not zeroed first, see kr_gc_alloc_body); then call kr_str_finish_raw to compute
 * length and the ASCII flag. */
kr_str *kr_str_alloc_raw(kr_vm *vm, int64_t nbytes);
kr_value kr_str_finish_raw(kr_vm *vm, kr_str *s);
/* parts[0] + ... + parts[n-1], all exact strs (f-strings' BUILD_STRING): one allocation, the length and
 * ASCII flag from the parts' (no scan); the one part itself when n is 1. */
kr_value kr_str_concat_array(kr_vm *vm, const kr_value *parts, size_t n);
/* Copies data whose code-point length is already known (length == nbytes means ASCII). */
kr_value kr_str_new_known(kr_vm *vm, const char *utf8, size_t nbytes, int64_t length);
/* s[start:stop:step] for the bounds of a slice (None, ints or __index__), as subscripting a str with
 * a slice, without one. */
kr_value kr_str_getslice(kr_vm *vm, kr_value s, kr_value start, kr_value stop, kr_value step);
kr_value kr_str_from_codepoint(kr_vm *vm, uint32_t cp); /* chr(); cp must be <= 0x10FFFF */
/* The code point at index (negative counts from the end); -1 with IndexError pending if out of range. */
int64_t kr_str_codepoint_at(kr_value s, int64_t index);
/* Same with the VM (uses the per-VM index cache for non-ASCII strings; raises properly). */
int64_t kr_str_codepoint_at_vm(kr_vm *vm, kr_value s, int64_t index);
kr_value kr_str_repr(kr_vm *vm, kr_value s);
/* int() and float() of a non-ASCII str read it as CPython's _PyUnicode_TransformDecimalAndSpaceToASCII
 * leaves it: each Unicode decimal digit (category Nd) becomes its ASCII digit, Unicode white space a
 * space, any other non-ASCII code point '?' (which no number syntax accepts). Returns a buffer of *n
 * bytes from kr_mem_alloc (free with kr_mem_free), NULL with MemoryError set. s must be a str. */
char *kr_str_number_ascii(kr_vm *vm, kr_value s, size_t *n);
/* ascii(): escapes every non-ASCII code point of a str (\xhh, \uhhhh, \Uhhhhhhhh). */
kr_value kr_str_ascii_escape(kr_vm *vm, kr_value s);
/* sep.join(iterable). */
kr_value kr_str_join(kr_vm *vm, kr_value sep, kr_value iterable);
/* The items for str.join / bytes.join: iterable itself when it is an exact list or tuple, else a new
 * list of its items; TypeError "can only join an iterable" when iter() fails with a TypeError. */
kr_value kr_join_sequence(kr_vm *vm, kr_value iterable);
/* Decode bytes / encode a str with a codec and an error handler; encoding/errors may be NULL for the
 * defaults (utf-8, strict). The C codecs are utf-8, ascii, latin-1, unicode_escape and
 * raw_unicode_escape with the handlers strict, ignore, replace, backslashreplace, xmlcharrefreplace,
 * namereplace (encoding), surrogateescape and surrogatepass; other handler names go to the handlers
 * registered with codecs.register_error, other encodings to the codecs registry (vm/codec_err.c). */
kr_value kr_str_decode(kr_vm *vm, const uint8_t *data, size_t n, const char *encoding, const char *errors);
kr_value kr_str_encode(kr_vm *vm, kr_value s, const char *encoding, const char *errors);

/* ---- codec_err.c: the C codecs' link to Python's codec machinery ---- */
/* UnicodeDecodeError (decode) or UnicodeEncodeError(codec, obj, start, end, reason): new / raised. */
kr_value kr_codec_error_new(kr_vm *vm, bool decode, const char *codec, kr_value obj, int64_t start, int64_t end,
                            const char *reason);
kr_value kr_codec_raise(kr_vm *vm, bool decode, const char *codec, kr_value obj, int64_t start, int64_t end,
                        const char *reason);
/* Call the error handler registered under `errors` with that exception; returns the replacement (str, or
 * bytes when encoding) and sets *newpos (made non-negative, checked against objlen), or KR_NULL. */
kr_value kr_codec_call_handler(kr_vm *vm, const char *errors, bool decode, const char *codec, kr_value obj,
                               int64_t start, int64_t end, const char *reason, int64_t objlen, int64_t *newpos);
/* Encode (decode) obj through the codecs registry: for encodings the C codecs do not know. */
kr_value kr_codec_fallback(kr_vm *vm, bool decode, kr_value obj, const char *encoding, const char *errors);
/* str * n and the byte offset of code point `index` (0 <= index <= length). */
kr_value kr_str_repeat(kr_vm *vm, kr_value s, int64_t n);
int64_t kr_str_byte_offset(kr_vm *vm, kr_value s, int64_t index);
/* Append the repr of UTF-8 text (CPython's rules for quotes and escapes) to sb. */
void kr_str_repr_to_sb(kr_sb *sb, const char *data, size_t n, bool ascii_only);
/* Exact-type check (no subclasses). */
static inline bool kr_is_exact_str(kr_vm *vm, kr_value v) { return kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.str; }

/* ---- UTF-8 ---- */
/* Decodes the code point at p (which must be valid UTF-8 as stored in a kr_str); *len gets its size. */
static inline uint32_t kr_utf8_decode(const char *s, int *len)
{
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] < 0x80) { *len = 1; return p[0]; }
    if (p[0] < 0xE0) { *len = 2; return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F); }
    if (p[0] < 0xF0) {
        *len = 3;
        return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) |
           (p[3] & 0x3F);
}
static inline int kr_utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F)); return 4;
}
/* Number of code points in valid UTF-8 (counts non-continuation bytes). */
int64_t kr_utf8_count(const char *s, size_t n);
/* Strict validation (accepting surrogates when allow_surrogates); returns the code-point count or -1. */
int64_t kr_utf8_check(const char *s, size_t n, bool allow_surrogates);
void kr_sb_append_cp(kr_sb *sb, uint32_t cp);
/* Room for `extra` more bytes up front (one allocation for a builder whose size is roughly known);
 * false once the builder has failed. */
bool kr_sb_reserve(kr_sb *sb, size_t extra);

/* ---- siphash.c ---- */
uint64_t kr_siphash13(uint64_t k0, uint64_t k1, const void *data, size_t n);

/* ---- unicode.c: character classes and case mapping (own tables; no C locale) ----
 * Read from the generated Unicode 15.1 database (vm/unicode_db.h): every code point answers as in
 * CPython 3.13's str methods. */
bool kr_unicode_isspace(uint32_t c);
bool kr_unicode_isalpha(uint32_t c);
bool kr_unicode_isdecimal(uint32_t c);
bool kr_unicode_isdigit(uint32_t c);
bool kr_unicode_isnumeric(uint32_t c);
bool kr_unicode_isprintable(uint32_t c);
bool kr_unicode_isupper(uint32_t c);
bool kr_unicode_islower(uint32_t c);
bool kr_unicode_istitle(uint32_t c);
bool kr_unicode_iscased(uint32_t c);
bool kr_unicode_iscaseignorable(uint32_t c);
bool kr_unicode_isxidstart(uint32_t c);
bool kr_unicode_isxidcontinue(uint32_t c);
int kr_unicode_decimal_value(uint32_t c); /* 0..9 or -1 */
uint32_t kr_unicode_simple_lower(uint32_t c);
uint32_t kr_unicode_simple_upper(uint32_t c);
/* Full case mappings (SpecialCasing.txt): write up to 3 code points into out, return the count. */
int kr_unicode_lower_full(uint32_t c, uint32_t out[3]);
int kr_unicode_upper_full(uint32_t c, uint32_t out[3]);
int kr_unicode_title_full(uint32_t c, uint32_t out[3]);
int kr_unicode_fold_full(uint32_t c, uint32_t out[3]);

#endif
