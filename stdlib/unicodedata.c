/* unicodedata.c: the unicodedata module over Krait's own Unicode 15.1 tables (vm/unicode_db.h for the
 * properties and decompositions, vm/unicode_names.h for names), with CPython 3.13's arguments, results
 * and messages.
 *
 * Normalization (normalize / is_normalized, forms NFC NFD NFKC NFKD) follows UAX #15: full canonical
 * (or compatibility) decomposition, canonical ordering of each run of non-starters by combining class
 * (a stable sort), then for the C forms canonical composition, where a character combines with the last
 * starter unless a character between them is a starter or has a combining class >= its own. Hangul
 * syllables are decomposed and composed algorithmically (vm/unicode_db.c).
 *
 * Left out: ucd_3_2_0 / the UCD class (the Unicode 3.2 view IDNA uses) and named sequences in lookup().
 * Nothing here runs Python code, so nothing needs rooting beyond the caller's arguments.
 */
#include <stdlib.h>
#include <string.h>

#include "../vm/bytes.h"
#include "../vm/init.h"
#include "../vm/kr.h"
#include "../vm/str.h"
#include "../vm/unicode_db.h"
#include "../vm/unicode_names.h"

/* The single character of a one-character str argument, or -1 with TypeError. what is the argument's
 * spelling in the message: "category() argument" or "name() argument 1". */
static int64_t one_char(kr_vm *vm, kr_value v, const char *what)
{
    if (!kr_is_str(vm, v) || kr_str_len(v) != 1) {
        kr_raise(vm, KR_EXC(vm, TypeError), "%s must be a unicode character, not %s", what, kr_typename(vm, v));
        return -1;
    }
    int len;
    return kr_utf8_decode(kr_str_data(v), &len);
}

/* The common head of the one-argument property functions: "unicodedata.F() takes exactly one argument". */
static const kr_ucd_record *prop_arg(kr_vm *vm, const char *fname, kr_value *args, int nargs, kr_value kwnames)
{
    char full[48], what[48];
    snprintf(full, sizeof full, "unicodedata.%s", fname);
    if (kr_args_no_kw(vm, full, kwnames) < 0 || kr_args_count(vm, full, nargs - 1, 1, 1) < 0)
        return NULL;
    snprintf(what, sizeof what, "%s() argument", fname);
    int64_t c = one_char(vm, args[1], what);
    return c < 0 ? NULL : kr_ucd_record_of((uint32_t)c);
}

static kr_value ud_category(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const kr_ucd_record *r = prop_arg(vm, "category", args, nargs, kwnames);
    return r ? kr_str_from_cstr(vm, kr_ucd_category_name(r)) : KR_NULL;
}

static kr_value ud_bidirectional(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const kr_ucd_record *r = prop_arg(vm, "bidirectional", args, nargs, kwnames);
    return r ? kr_str_from_cstr(vm, kr_ucd_bidi_name(r)) : KR_NULL;
}

static kr_value ud_combining(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const kr_ucd_record *r = prop_arg(vm, "combining", args, nargs, kwnames);
    return r ? kr_small(r->combining) : KR_NULL;
}

static kr_value ud_east_asian_width(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const kr_ucd_record *r = prop_arg(vm, "east_asian_width", args, nargs, kwnames);
    return r ? kr_str_from_cstr(vm, kr_ucd_eaw_name(r)) : KR_NULL;
}

static kr_value ud_mirrored(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const kr_ucd_record *r = prop_arg(vm, "mirrored", args, nargs, kwnames);
    return r ? kr_small(r->mirrored) : KR_NULL;
}

static kr_value ud_decomposition(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (!prop_arg(vm, "decomposition", args, nargs, kwnames))
        return KR_NULL;
    int len;
    uint32_t c = kr_utf8_decode(kr_str_data(args[1]), &len);
    const char *tag;
    const uint32_t *cps;
    int n = kr_ucd_decomposition(c, &tag, &cps);
    char buf[160]; /* a tag (< 16) and at most 18 code points of at most 6 hex digits + space */
    size_t o = 0;
    if (n > 0 && tag[0])
        o += (size_t)snprintf(buf, sizeof buf, "%s", tag);
    for (int i = 0; i < n && o < sizeof buf; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%04X", o ? " " : "", cps[i]);
    return kr_str_new(vm, buf, o < sizeof buf ? o : sizeof buf - 1);
}

/* decimal/digit/numeric(chr[, default]): the value, else default, else ValueError(msg). */
static kr_value number_common(kr_vm *vm, const char *fname, kr_value *args, int nargs, kr_value kwnames, int which)
{
    static const char *const msgs[] = {"not a decimal", "not a digit", "not a numeric character"};
    char what[48];
    if (kr_args_no_kw(vm, fname, kwnames) < 0 || kr_args_count(vm, fname, nargs - 1, 1, 2) < 0)
        return KR_NULL;
    snprintf(what, sizeof what, "%s() argument 1", fname);
    int64_t c = one_char(vm, args[1], what);
    if (c < 0)
        return KR_NULL;
    const kr_ucd_record *r = kr_ucd_record_of((uint32_t)c);
    double d;
    if (which == 0 && r->decimal >= 0)
        return kr_small(r->decimal);
    if (which == 1 && r->digit >= 0)
        return kr_small(r->digit);
    if (which == 2 && kr_ucd_numeric(r, &d))
        return kr_float_new(vm, d);
    if (nargs > 2)
        return args[2];
    return kr_raise(vm, KR_EXC(vm, ValueError), "%s", msgs[which]);
}

static kr_value ud_decimal(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return number_common(vm, "decimal", args, nargs, kwnames, 0);
}

static kr_value ud_digit(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return number_common(vm, "digit", args, nargs, kwnames, 1);
}

static kr_value ud_numeric(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return number_common(vm, "numeric", args, nargs, kwnames, 2);
}

static kr_value ud_name(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "name", kwnames) < 0 || kr_args_count(vm, "name", nargs - 1, 1, 2) < 0)
        return KR_NULL;
    int64_t c = one_char(vm, args[1], "name() argument 1");
    if (c < 0)
        return KR_NULL;
    char buf[KR_UNICODE_NAME_MAX];
    int n = kr_unicode_name_of((uint32_t)c, buf, sizeof buf);
    if (n > 0)
        return kr_str_new(vm, buf, (size_t)n);
    if (nargs > 2)
        return args[2];
    return kr_raise(vm, KR_EXC(vm, ValueError), "no such name");
}

static kr_value ud_lookup(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "unicodedata.lookup", kwnames) < 0 ||
        kr_args_count(vm, "unicodedata.lookup", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    const char *name;
    int64_t n;
    kr_value v = args[1];
    if (kr_is_str(vm, v)) {
        name = kr_str_data(v);
        n = kr_str_nbytes(v);
    } else if (kr_is_bytes(vm, v)) {
        const uint8_t *d;
        if (kr_bytes_buffer(vm, v, &d, &n) < 0)
            return KR_NULL;
        name = (const char *)d;
    } else if (kr_has_buffer(vm, v)) { /* CPython's "s#" converter: no mutable buffers */
        return kr_raise(vm, KR_EXC(vm, TypeError), "lookup() argument must be read-only bytes-like object, not %s",
                        kr_typename(vm, v));
    } else {
        return kr_raise(vm, KR_EXC(vm, TypeError), "a bytes-like object is required, not '%s'", kr_typename(vm, v));
    }
    if (n >= KR_UNICODE_NAME_MAX * 2) /* CPython's limit is its longest name; any longer one is unknown */
        return kr_raise(vm, KR_EXC(vm, KeyError), "name too long");
    uint32_t cp;
    if (kr_unicode_lookup_name(name, (size_t)n, &cp)) {
        char buf[4];
        int len = kr_utf8_encode(cp, buf);
        return kr_str_new_known(vm, buf, (size_t)len, 1);
    }
    return kr_raise(vm, KR_EXC(vm, KeyError), "undefined character name '%.*s'", (int)n, name);
}

/* ---------------- normalization ---------------- */

enum { FORM_NFC, FORM_NFD, FORM_NFKC, FORM_NFKD };

static int form_of(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *fname)
{
    if (kr_args_no_kw(vm, fname, kwnames) < 0 || kr_args_count(vm, fname, nargs - 1, 2, 2) < 0)
        return -1;
    if (!kr_is_str(vm, args[1]))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() argument 1 must be str, not %s", fname,
                          kr_typename(vm, args[1]));
    if (!kr_is_str(vm, args[2]))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() argument 2 must be str, not %s", fname,
                          kr_typename(vm, args[2]));
    static const char *const forms[] = {"NFC", "NFD", "NFKC", "NFKD"};
    for (int i = 0; i < 4; i++)
        if (!strcmp(kr_str_data(args[1]), forms[i]))
            return i;
    return kr_raise_i(vm, KR_EXC(vm, ValueError), "invalid normalization form");
}

typedef struct cpbuf {
    uint32_t *p;
    size_t n, cap;
} cpbuf;

static bool cpbuf_room(cpbuf *b, size_t extra)
{
    if (b->n + extra <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->n + extra)
        cap *= 2;
    uint32_t *p = realloc(b->p, cap * sizeof *p);
    if (!p)
        return false;
    b->p = p;
    b->cap = cap;
    return true;
}

static uint8_t ccc(uint32_t c) { return kr_ucd_record_of(c)->combining; }

/* s normalized into b->p[0..b->n). false when out of memory. */
static bool normalize_cps(const char *d, size_t nbytes, int form, cpbuf *b)
{
    bool compat = form == FORM_NFKC || form == FORM_NFKD;
    for (size_t i = 0; i < nbytes;) {
        int len;
        uint32_t c = kr_utf8_decode(d + i, &len);
        i += (size_t)len;
        if (!cpbuf_room(b, 32))
            return false;
        size_t k = kr_ucd_full_decompose(c, compat, b->p + b->n, b->cap - b->n);
        if (k > b->cap - b->n) { /* longer than the room made: grow and redo */
            if (!cpbuf_room(b, k))
                return false;
            kr_ucd_full_decompose(c, compat, b->p + b->n, k);
        }
        b->n += k;
    }
    /* Canonical ordering: insertion sort of every run of non-starters by combining class (stable, and
     * runs are short). */
    uint32_t *p = b->p;
    for (size_t i = 1; i < b->n; i++) {
        uint8_t ci = ccc(p[i]);
        if (ci == 0)
            continue;
        size_t j = i;
        uint32_t c = p[i];
        while (j > 0) {
            uint8_t cj = ccc(p[j - 1]);
            if (cj == 0 || cj <= ci)
                break;
            p[j] = p[j - 1];
            j--;
        }
        p[j] = c;
    }
    if (form == FORM_NFD || form == FORM_NFKD || b->n == 0)
        return true;
    /* Canonical composition. last_class is the class of the last character kept after the starter
     * (0 while nothing is between them; 256 when the text starts with a non-starter, which blocks). */
    size_t starter = 0, out = 1;
    int last_class = ccc(p[0]) ? 256 : 0;
    for (size_t i = 1; i < b->n; i++) {
        uint32_t c = p[i];
        int cls = ccc(c);
        uint32_t comp = last_class < 256 ? kr_ucd_compose(p[starter], c) : 0;
        if (comp && (last_class == 0 || last_class < cls) && !(last_class != 0 && cls == 0)) {
            p[starter] = comp;
            continue;
        }
        if (cls == 0) {
            starter = out;
            last_class = 0;
        } else {
            last_class = cls;
        }
        p[out++] = c;
    }
    b->n = out;
    return true;
}

static kr_value normalize_common(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, bool check)
{
    const char *fname = check ? "is_normalized" : "normalize";
    int form = form_of(vm, args, nargs, kwnames, fname);
    if (form < 0)
        return KR_NULL;
    kr_value s = args[2];
    const char *d = kr_str_data(s);
    size_t nb = (size_t)kr_str_nbytes(s);
    if (KR_OBJ(s)->flags & KR_STR_ASCII) /* ASCII is invariant under every form */
        return check ? KR_TRUE : s;
    cpbuf b = {0};
    if (!normalize_cps(d, nb, form, &b)) {
        free(b.p);
        return kr_raise_nomemory(vm);
    }
    kr_sb sb;
    kr_sb_init(&sb);
    for (size_t i = 0; i < b.n; i++)
        kr_sb_append_cp(&sb, b.p[i]);
    free(b.p);
    if (sb.failed) {
        kr_sb_free(&sb);
        return kr_raise_nomemory(vm);
    }
    bool same = sb.len == nb && (nb == 0 || memcmp(sb.buf, d, nb) == 0);
    if (check) {
        kr_sb_free(&sb);
        return same ? KR_TRUE : KR_FALSE;
    }
    if (same && kr_is_exact_str(vm, s)) {
        kr_sb_free(&sb);
        return s;
    }
    return kr_sb_finish(vm, &sb);
}

static kr_value ud_normalize(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return normalize_common(vm, args, nargs, kwnames, false);
}

static kr_value ud_is_normalized(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return normalize_common(vm, args, nargs, kwnames, true);
}

static const kr_method_def unicodedata_functions[] = {
    {"category", ud_category, KR_METH_MODULE, "Returns the general category assigned to the character chr as string."},
    {"bidirectional", ud_bidirectional, KR_METH_MODULE, "Returns the bidirectional class assigned to the character chr as string."},
    {"combining", ud_combining, KR_METH_MODULE, "Returns the canonical combining class assigned to the character chr as integer."},
    {"east_asian_width", ud_east_asian_width, KR_METH_MODULE, "Returns the east asian width assigned to the character chr as string."},
    {"mirrored", ud_mirrored, KR_METH_MODULE, "Returns the mirrored property assigned to the character chr as integer."},
    {"decomposition", ud_decomposition, KR_METH_MODULE, "Returns the character decomposition mapping assigned to the character chr as string."},
    {"decimal", ud_decimal, KR_METH_MODULE, "Converts a Unicode character into its equivalent decimal value."},
    {"digit", ud_digit, KR_METH_MODULE, "Converts a Unicode character into its equivalent digit value."},
    {"numeric", ud_numeric, KR_METH_MODULE, "Converts a Unicode character into its equivalent numeric value."},
    {"name", ud_name, KR_METH_MODULE, "Returns the name assigned to the character chr as a string."},
    {"lookup", ud_lookup, KR_METH_MODULE, "Look up character by name."},
    {"normalize", ud_normalize, KR_METH_MODULE, "Return the normal form 'form' for the Unicode string unistr."},
    {"is_normalized", ud_is_normalized, KR_METH_MODULE, "Return whether the Unicode string unistr is in the normal form 'form'."},
    {NULL, NULL, 0, NULL},
};

kr_value kr_unicodedata_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "unicodedata");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value version = kr_str_from_cstr(vm, kr_ucd_version);
    if (!version || kr_module_add_functions(vm, m, unicodedata_functions) < 0 ||
        kr_module_add(vm, m, "unidata_version", version) < 0)
        m = KR_NULL;
    kr_root_reset(vm, mark);
    return m;
}
