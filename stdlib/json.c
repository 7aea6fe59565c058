/* json.c: the _json accelerator module (CPython's Modules/_json.c counterpart).
 *
 * encode_basestring_ascii(s), encode_basestring(s): CPython's exact output.
 * scanstring(s, end, strict=True): the C scanner; on any error (or a lone surrogate escape) it calls
 *   json.decoder.py_scanstring, which raises JSONDecodeError with CPython's message and position.
 * encode(obj, ensure_ascii, sort_keys, indent, item_sep, key_sep, allow_nan, skipkeys, default,
 *   check_circular): the whole JSON text of obj, as json.encoder's _make_iterencode produces it.
 * loads(s): the default decoder (no hooks, strict); returns NotImplemented (no exception) when the
 *   text is not valid JSON (or needs something unusual), and json.decoder then runs the Python decoder,
 *   which raises the exact error.
 *
 * GC: the decoder runs no Python code (dict keys are exact str), so it roots nothing. The encoder calls
 * default() and dict.items()/sort: it roots every object it creates and still needs (default results,
 * item lists); everything else is reachable from its (rooted) argument. So it may also collect: it
 * takes a safepoint after each dict it encoded through an items list (enc_dict).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../vm/floatobj.h"
#include "../vm/init.h"
#include "../vm/int.h"
#include "../vm/kr.h"
#include "../vm/str.h"

/* ---------------- string escaping ---------------- */

static const char HEX[] = "0123456789abcdef";

static void put_u4(kr_sb *sb, uint32_t c)
{
    char b[6] = {'\\', 'u', HEX[(c >> 12) & 15], HEX[(c >> 8) & 15], HEX[(c >> 4) & 15], HEX[c & 15]};
    kr_sb_append(sb, b, 6);
}

static void escape_str(kr_sb *sb, const char *data, size_t n, bool ascii)
{
    kr_sb_append_char(sb, '"');
    size_t i = 0, run = 0;
    while (i < n) {
        unsigned char c = (unsigned char)data[i];
        if (c >= 0x20 && c != '"' && c != '\\' && (c < 0x7f || (!ascii && c >= 0x7f))) {
            i++;
            continue;
        }
        if (i > run)
            kr_sb_append(sb, data + run, i - run);
        if (c < 0x80) {
            switch (c) {
            case '"': kr_sb_append(sb, "\\\"", 2); break;
            case '\\': kr_sb_append(sb, "\\\\", 2); break;
            case '\b': kr_sb_append(sb, "\\b", 2); break;
            case '\f': kr_sb_append(sb, "\\f", 2); break;
            case '\n': kr_sb_append(sb, "\\n", 2); break;
            case '\r': kr_sb_append(sb, "\\r", 2); break;
            case '\t': kr_sb_append(sb, "\\t", 2); break;
            default: put_u4(sb, c); break;
            }
            i++;
        } else {
            int len;
            uint32_t cp = kr_utf8_decode(data + i, &len);
            if (cp < 0x10000) {
                put_u4(sb, cp);
            } else {
                uint32_t v = cp - 0x10000;
                put_u4(sb, 0xd800 | ((v >> 10) & 0x3ff));
                put_u4(sb, 0xdc00 | (v & 0x3ff));
            }
            i += (size_t)len;
        }
        run = i;
    }
    if (n > run)
        kr_sb_append(sb, data + run, n - run);
    kr_sb_append_char(sb, '"');
}

static kr_value basestring_common(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, bool ascii)
{
    if (kr_args_no_kw(vm, name, kwnames) < 0 || kr_args_count(vm, name, nargs, 1, 1) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, args[0]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "first argument must be a string, not %s", kr_typename(vm, args[0]));
    kr_sb sb;
    kr_sb_init(&sb);
    escape_str(&sb, kr_str_data(args[0]), (size_t)kr_str_nbytes(args[0]), ascii);
    return kr_sb_finish(vm, &sb);
}

static kr_value json_encode_basestring_ascii(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return basestring_common(vm, args, nargs, kwnames, "encode_basestring_ascii", true);
}

static kr_value json_encode_basestring(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return basestring_common(vm, args, nargs, kwnames, "encode_basestring", false);
}

/* ---------------- string scanning ---------------- */

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int read_u4(const char *p, const char *end, uint32_t *out)
{
    if (end - p < 4)
        return -1;
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval((unsigned char)p[i]);
        if (h < 0)
            return -1;
        v = (v << 4) | (uint32_t)h;
    }
    *out = v;
    return 0;
}

static void put_utf8(kr_sb *sb, uint32_t cp)
{
    char b[4];
    if (cp < 0x80) {
        kr_sb_append_char(sb, (char)cp);
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6)); b[1] = (char)(0x80 | (cp & 0x3F));
        kr_sb_append(sb, b, 2);
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12)); b[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[2] = (char)(0x80 | (cp & 0x3F));
        kr_sb_append(sb, b, 3);
    } else {
        b[0] = (char)(0xF0 | (cp >> 18)); b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[3] = (char)(0x80 | (cp & 0x3F));
        kr_sb_append(sb, b, 4);
    }
}

/* Scan a JSON string body starting at *pp (just after the opening quote). On success returns the str
 * and sets *pp just after the closing quote. Returns KR_NULL with no exception on a syntax error or
 * anything the fast path leaves to Python (lone surrogates); KR_NULL with an exception on MemoryError. */
static kr_value scan_str(kr_vm *vm, const char **pp, const char *end, bool strict)
{
    const char *p = *pp, *start = p;
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c == '"' || c == '\\' || (c < 0x20 && strict))
            break;
        p++;
    }
    if (p >= end)
        return KR_NULL;
    if (*p == '"') {
        *pp = p + 1;
        return kr_str_new(vm, start, (size_t)(p - start));
    }
    if (*p != '\\')
        return KR_NULL;
    kr_sb sb;
    kr_sb_init(&sb);
    kr_sb_append(&sb, start, (size_t)(p - start));
    for (;;) {
        /* at a backslash or quote or control char */
        if (p >= end)
            goto fail;
        unsigned char c = (unsigned char)*p;
        if (c == '"')
            break;
        if (c != '\\')
            goto fail;
        p++;
        if (p >= end)
            goto fail;
        char e = *p++;
        switch (e) {
        case '"': kr_sb_append_char(&sb, '"'); break;
        case '\\': kr_sb_append_char(&sb, '\\'); break;
        case '/': kr_sb_append_char(&sb, '/'); break;
        case 'b': kr_sb_append_char(&sb, '\b'); break;
        case 'f': kr_sb_append_char(&sb, '\f'); break;
        case 'n': kr_sb_append_char(&sb, '\n'); break;
        case 'r': kr_sb_append_char(&sb, '\r'); break;
        case 't': kr_sb_append_char(&sb, '\t'); break;
        case 'u': {
            uint32_t u;
            if (read_u4(p, end, &u) < 0)
                goto fail;
            p += 4;
            if (u >= 0xd800 && u <= 0xdbff) {
                uint32_t u2;
                if (end - p >= 6 && p[0] == '\\' && p[1] == 'u' && read_u4(p + 2, end, &u2) == 0 &&
                    u2 >= 0xdc00 && u2 <= 0xdfff) {
                    u = 0x10000 + (((u - 0xd800) << 10) | (u2 - 0xdc00));
                    p += 6;
                } else {
                    goto fail; /* lone surrogate: leave it to Python */
                }
            } else if (u >= 0xdc00 && u <= 0xdfff) {
                goto fail;
            }
            put_utf8(&sb, u);
            break;
        }
        default:
            goto fail;
        }
        const char *r = p;
        while (p < end) {
            unsigned char d = (unsigned char)*p;
            if (d == '"' || d == '\\' || (d < 0x20 && strict))
                break;
            p++;
        }
        if (p > r)
            kr_sb_append(&sb, r, (size_t)(p - r));
    }
    *pp = p + 1;
    return kr_sb_finish(vm, &sb);
fail:
    kr_sb_free(&sb);
    return KR_NULL;
}

static kr_value py_scanstring_call(kr_vm *vm, kr_value *args, int nargs)
{
    kr_value mod = kr_dict_get_cstr(vm, vm->modules, "json.decoder");
    if (mod == KR_NULL) {
        if (kr_err_occurred(vm))
            return KR_NULL;
        return kr_raise(vm, KR_EXC(vm, ValueError), "json.decoder is not loaded");
    }
    kr_value f = kr_getattr_cstr(vm, mod, "py_scanstring");
    if (f == KR_NULL)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &f);
    kr_value r = kr_call(vm, f, args, nargs, KR_NULL);
    kr_root_reset(vm, m);
    return r;
}

static kr_value json_scanstring(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"s", "end", "strict"};
    kr_value a[3];
    if (kr_args_parse(vm, "scanstring", args, nargs, kwnames, names, 3, 2, 0, a) < 0)
        return KR_NULL;
    kr_value pass[3] = {a[0], a[1], a[2] == KR_NULL ? KR_TRUE : a[2]};
    if (!kr_is_str(vm, a[0]) || !kr_is_small(a[1]))
        return py_scanstring_call(vm, pass, 3);
    int strict = kr_truthy(vm, pass[2]);
    if (strict < 0)
        return KR_NULL;
    int64_t idx = kr_small_val(a[1]);
    kr_value s = a[0];
    if (idx < 1 || idx > kr_str_len(s))
        return py_scanstring_call(vm, pass, 3);
    int64_t boff = kr_str_byte_offset(vm, s, idx);
    const char *data = kr_str_data(s), *p = data + boff, *end = data + kr_str_nbytes(s);
    kr_value str = scan_str(vm, &p, end, strict != 0);
    if (str == KR_NULL) {
        if (kr_err_occurred(vm))
            return KR_NULL;
        return py_scanstring_call(vm, pass, 3);
    }
    int64_t cps = 0;
    if (KR_OBJ(s)->flags & KR_STR_ASCII) {
        cps = p - (data + boff);
    } else {
        for (const char *q = data + boff; q < p; q++)
            cps += ((unsigned char)*q & 0xC0) != 0x80;
    }
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &str);
    kr_value pos = kr_int_from_i64(vm, idx + cps);
    kr_value r = pos == KR_NULL ? KR_NULL : kr_tuple_pack(vm, 2, str, pos);
    kr_root_reset(vm, m);
    return r;
}

/* ---------------- the decoder fast path ---------------- */

typedef struct dec {
    kr_vm *vm;
    const char *start, *end;
    int depth, max_depth;
    /* Object keys seen so far (CPython's scanner memo): a document of many objects with the same keys
     * holds one str per distinct key instead of one per occurrence, as in CPython, where that is a
     * large share of a decoded list of records; a key seen before also costs no allocation and no
     * hashing for the dict (its str hash is cached). An open-addressed table of strs (KR_NULL: empty)
     * by an FNV-1a hash of their bytes, malloc'd at the first key, freed by json_loads. Not a root:
     * the decoder runs no Python code, so no collection happens while it lives. */
    kr_value *memo;
    size_t memo_mask, memo_used;
} dec;

static inline const char *skip_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

static inline bool isdig(char c) { return c >= '0' && c <= '9'; }

/* KR_NULL: failure (exception pending only for real errors such as MemoryError). */
static kr_value dec_value(dec *d, const char **pp);

static kr_value dec_number(dec *d, const char **pp)
{
    const char *p = *pp, *end = d->end, *s = p;
    if (p < end && *p == '-')
        p++;
    if (p < end && *p == '0') {
        p++;
    } else if (p < end && *p >= '1' && *p <= '9') {
        while (p < end && isdig(*p))
            p++;
    } else {
        return KR_NULL;
    }
    bool is_float = false;
    if (p + 1 < end && *p == '.' && isdig(p[1])) {
        p += 2;
        while (p < end && isdig(*p))
            p++;
        is_float = true;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *j = p + 1;
        if (j < end && (*j == '+' || *j == '-'))
            j++;
        if (j < end && isdig(*j)) {
            while (j < end && isdig(*j))
                j++;
            p = j;
            is_float = true;
        }
    }
    size_t n = (size_t)(p - s);
    *pp = p;
    if (!is_float) {
        if (n <= 18) {
            int64_t v = 0;
            const char *q = s;
            bool neg = *q == '-';
            if (neg)
                q++;
            for (; q < p; q++)
                v = v * 10 + (*q - '0');
            return kr_int_from_i64(d->vm, neg ? -v : v);
        }
        kr_value r = kr_int_from_str(d->vm, s, n, 10);
        if (r == KR_NULL)
            kr_err_clear(d->vm); /* e.g. the digit limit: the Python decoder raises it */
        return r;
    }
    char buf[64];
    char *tmp = n < sizeof buf ? buf : malloc(n + 1);
    if (!tmp)
        return kr_raise_nomemory(d->vm);
    memcpy(tmp, s, n);
    tmp[n] = 0;
    double v = strtod(tmp, NULL);
    if (tmp != buf)
        free(tmp);
    return kr_float_new(d->vm, v);
}

static uint64_t dec_memo_hash(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* Room for one more key (load at most one half); false when out of memory (then no memo). */
static bool dec_memo_reserve(dec *d)
{
    if (d->memo && (d->memo_used + 1) * 2 <= d->memo_mask + 1)
        return true;
    size_t cap = d->memo ? (d->memo_mask + 1) * 2 : 64;
    kr_value *t = calloc(cap, sizeof *t); /* KR_NULL is 0 */
    if (!t)
        return false;
    for (size_t i = 0; d->memo && i <= d->memo_mask; i++) {
        kr_value k = d->memo[i];
        if (k == KR_NULL)
            continue;
        size_t j = dec_memo_hash(kr_str_data(k), (size_t)kr_str_nbytes(k)) & (cap - 1);
        while (t[j] != KR_NULL)
            j = (j + 1) & (cap - 1);
        t[j] = k;
    }
    free(d->memo);
    d->memo = t;
    d->memo_mask = cap - 1;
    return true;
}

/* The memo's str equal to bytes[0..n) (inserting `made`, or a new str of them when `made` is KR_NULL,
 * if there is none). */
static kr_value dec_memo(dec *d, const char *bytes, size_t n, kr_value made)
{
    size_t i = dec_memo_hash(bytes, n) & d->memo_mask;
    for (kr_value k; (k = d->memo[i]) != KR_NULL; i = (i + 1) & d->memo_mask) {
        if ((size_t)kr_str_nbytes(k) == n && memcmp(kr_str_data(k), bytes, n) == 0)
            return k;
    }
    if (made == KR_NULL && (made = kr_str_new(d->vm, bytes, n)) == KR_NULL)
        return KR_NULL;
    d->memo[i] = made;
    d->memo_used++;
    return made;
}

/* An object key starting at *pp (just after its opening quote), as scan_str makes it, but the memo's
 * str when an equal key was seen before. A key without escapes is looked up by its bytes in the
 * document, before any str is made for it. */
static kr_value dec_key(dec *d, const char **pp)
{
    const char *start = *pp, *p = start, *end = d->end;
    while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20)
        p++;
    if (!dec_memo_reserve(d))
        return scan_str(d->vm, pp, end, true);
    if (p < end && *p == '"') {
        kr_value k = dec_memo(d, start, (size_t)(p - start), KR_NULL);
        if (k != KR_NULL)
            *pp = p + 1;
        return k;
    }
    kr_value k = scan_str(d->vm, pp, end, true);
    return k == KR_NULL ? KR_NULL : dec_memo(d, kr_str_data(k), (size_t)kr_str_nbytes(k), k);
}

static kr_value dec_value(dec *d, const char **pp)
{
    kr_vm *vm = d->vm;
    const char *p = *pp, *end = d->end;
    if (p >= end)
        return KR_NULL;
    switch (*p) {
    case '"': {
        p++;
        kr_value s = scan_str(vm, &p, end, true);
        if (s != KR_NULL)
            *pp = p;
        return s;
    }
    case '{': {
        if (++d->depth > d->max_depth)
            return KR_NULL;
        kr_value dict = kr_dict_new(vm);
        if (dict == KR_NULL)
            return KR_NULL;
        p = skip_ws(p + 1, end);
        if (p < end && *p == '}') {
            *pp = p + 1;
            d->depth--;
            return dict;
        }
        for (;;) {
            if (p >= end || *p != '"')
                return KR_NULL;
            p++;
            kr_value key = dec_key(d, &p);
            if (key == KR_NULL)
                return KR_NULL;
            p = skip_ws(p, end);
            if (p >= end || *p != ':')
                return KR_NULL;
            p = skip_ws(p + 1, end);
            kr_value v = dec_value(d, &p);
            if (v == KR_NULL || kr_dict_set(vm, dict, key, v) < 0)
                return KR_NULL;
            p = skip_ws(p, end);
            if (p >= end)
                return KR_NULL;
            if (*p == '}') {
                p++;
                break;
            }
            if (*p != ',')
                return KR_NULL;
            p = skip_ws(p + 1, end);
        }
        d->depth--;
        *pp = p;
        return dict;
    }
    case '[': {
        if (++d->depth > d->max_depth)
            return KR_NULL;
        kr_value list = kr_list_new(vm, 0);
        if (list == KR_NULL)
            return KR_NULL;
        p = skip_ws(p + 1, end);
        if (p < end && *p == ']') {
            *pp = p + 1;
            d->depth--;
            return list;
        }
        for (;;) {
            kr_value v = dec_value(d, &p);
            if (v == KR_NULL || kr_list_append(vm, list, v) < 0)
                return KR_NULL;
            p = skip_ws(p, end);
            if (p >= end)
                return KR_NULL;
            if (*p == ']') {
                p++;
                break;
            }
            if (*p != ',')
                return KR_NULL;
            p = skip_ws(p + 1, end);
        }
        d->depth--;
        *pp = p;
        return list;
    }
    case 'n':
        if (end - p >= 4 && memcmp(p, "null", 4) == 0) {
            *pp = p + 4;
            return KR_NONE;
        }
        return KR_NULL;
    case 't':
        if (end - p >= 4 && memcmp(p, "true", 4) == 0) {
            *pp = p + 4;
            return KR_TRUE;
        }
        return KR_NULL;
    case 'f':
        if (end - p >= 5 && memcmp(p, "false", 5) == 0) {
            *pp = p + 5;
            return KR_FALSE;
        }
        return KR_NULL;
    case 'N':
        if (end - p >= 3 && memcmp(p, "NaN", 3) == 0) {
            *pp = p + 3;
            return kr_float_new(vm, NAN);
        }
        return KR_NULL;
    case 'I':
        if (end - p >= 8 && memcmp(p, "Infinity", 8) == 0) {
            *pp = p + 8;
            return kr_float_new(vm, INFINITY);
        }
        return KR_NULL;
    case '-':
        if (end - p >= 9 && memcmp(p, "-Infinity", 9) == 0) {
            *pp = p + 9;
            return kr_float_new(vm, -INFINITY);
        }
        return dec_number(d, pp);
    default:
        if (isdig(*p))
            return dec_number(d, pp);
        return KR_NULL;
    }
}

static kr_value json_loads(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "loads", kwnames) < 0 || kr_args_count(vm, "loads", nargs, 1, 1) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, args[0]))
        return KR_NOTIMPL;
    /* The decoder has no safepoint (it roots nothing): a major collection that the document would
     * make due runs before it rather than after. A document of small values decodes to about 6 heap
     * bytes per text byte (perf/bench/json_roundtrip: 5.7); long strings to about 1. */
    kr_gc_safepoint_expect(vm, (size_t)kr_str_nbytes(args[0]) * 6);
    dec d = {vm, kr_str_data(args[0]), kr_str_data(args[0]) + kr_str_nbytes(args[0]), 0,
             vm->recursion_limit > 0 ? vm->recursion_limit : 1000, NULL, 0, 0};
    if (d.max_depth > 10000)
        d.max_depth = 10000;
    const char *p = skip_ws(d.start, d.end);
    kr_value v = dec_value(&d, &p);
    free(d.memo);
    if (v == KR_NULL) {
        if (kr_err_occurred(vm)) {
            if (!kr_err_matches(vm, KR_EXC(vm, MemoryError)))
                kr_err_clear(vm);
            else
                return KR_NULL;
        }
        return KR_NOTIMPL;
    }
    p = skip_ws(p, d.end);
    if (p != d.end)
        return KR_NOTIMPL;
    return v;
}

/* ---------------- the encoder ---------------- */

/* The encoder's output. Text goes into `sb`, and from there, once it holds ENC_FLUSH bytes, into a
 * list of chunks of exactly ENC_CHUNK bytes each (all full but the last). kr_sb alone grew one buffer
 * by doubling: encoding perf/bench/json_roundtrip's 2.7 MB indented text held a 2 MB buffer and its
 * 4 MB successor at once while growing, then the 4 MB buffer and the 2.7 MB str while copying out (up
 * to three times the text, at the moment the program's data was live too). The chunks never move and
 * waste nothing but the last one's tail, and the str they are copied into at the end frees them one
 * by one as it fills: the output costs about twice the text at the end, and the text while it grows.
 * ENC_CHUNK is a mimalloc size class that is a whole number of its 64 KB slices (its blocks above
 * 128 KB each take a run of them), so a chunk's block is exactly its size. */
enum { ENC_FLUSH = 64 << 10, ENC_CHUNK = 256 << 10 };

typedef struct enc {
    kr_vm *vm;
    kr_sb sb;
    char **chunks;       /* each ENC_CHUNK bytes (plain malloc, like sb's buffer), the last filled to tail */
    size_t nchunks, chunks_cap, tail;
    bool chunks_failed;  /* out of memory: the encoding raises MemoryError */
    bool ensure_ascii, sort_keys, allow_nan, skipkeys, check_circular;
    kr_value indent; /* str or KR_NULL */
    kr_value item_sep, key_sep, deflt;
    kr_value *markers;
    size_t nmarkers, capmarkers;
    int64_t level;
    int depth, max_depth;
} enc;

static void put_str_value(enc *e, kr_value s)
{
    kr_sb_append(&e->sb, kr_str_data(s), (size_t)kr_str_nbytes(s));
}

static void newline_indent(enc *e)
{
    kr_sb_append_char(&e->sb, '\n');
    for (int64_t i = 0; i < e->level; i++)
        put_str_value(e, e->indent);
}

static int marker_push(enc *e, kr_value v)
{
    if (!e->check_circular)
        return 0;
    for (size_t i = 0; i < e->nmarkers; i++)
        if (e->markers[i] == v)
            return kr_raise_i(e->vm, KR_EXC(e->vm, ValueError), "Circular reference detected");
    if (e->nmarkers == e->capmarkers) {
        size_t nc = e->capmarkers ? e->capmarkers * 2 : 32;
        kr_value *nm = realloc(e->markers, nc * sizeof *nm);
        if (!nm) {
            kr_raise_nomemory(e->vm);
            return -1;
        }
        e->markers = nm;
        e->capmarkers = nc;
    }
    e->markers[e->nmarkers++] = v;
    return 0;
}

static void marker_pop(enc *e)
{
    if (e->check_circular)
        e->nmarkers--;
}

/* The float text (floatstr): NaN/Infinity/-Infinity or float.__repr__. */
static int put_float(enc *e, kr_value v)
{
    double d = kr_float_value(v);
    if (isnan(d) || isinf(d)) {
        if (!e->allow_nan) {
            kr_value r = kr_repr(e->vm, v);
            if (r == KR_NULL)
                return -1;
            kr_raise(e->vm, KR_EXC(e->vm, ValueError), "Out of range float values are not JSON compliant: %s",
                     kr_str_data(r));
            return -1;
        }
        kr_sb_append_cstr(&e->sb, isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        return 0;
    }
    char buf[64];
    int n = kr_float_repr_buf(d, buf, sizeof buf);
    kr_sb_append(&e->sb, buf, (size_t)n);
    return 0;
}

static int put_int(enc *e, kr_value v)
{
    kr_value core = kr_int_value(e->vm, v);
    if (kr_is_small(core)) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)kr_small_val(core));
        kr_sb_append(&e->sb, buf, (size_t)n);
        return 0;
    }
    kr_value s = kr_int_to_str(e->vm, core, 10);
    if (s == KR_NULL)
        return -1;
    put_str_value(e, s);
    return 0;
}

static int enc_value(enc *e, kr_value v);

static int enter(enc *e)
{
    if (++e->depth > e->max_depth) {
        e->depth--;
        return kr_raise_i(e->vm, KR_EXC(e->vm, RecursionError), "maximum recursion depth exceeded while encoding a JSON object");
    }
    return 0;
}

static int enc_list(enc *e, kr_value v, bool is_list)
{
    int64_t n = is_list ? KR_AS(kr_list, v)->size : kr_tuple_size(v);
    if (n == 0) {
        kr_sb_append(&e->sb, "[]", 2);
        return 0;
    }
    if (marker_push(e, v) < 0)
        return -1;
    if (enter(e) < 0)
        return -1;
    kr_sb_append_char(&e->sb, '[');
    if (e->indent) {
        e->level++;
        newline_indent(e);
    }
    for (int64_t i = 0;; i++) {
        int64_t size = is_list ? KR_AS(kr_list, v)->size : kr_tuple_size(v);
        if (i >= size)
            break;
        kr_value item = is_list ? KR_AS(kr_list, v)->items[i] : kr_tuple_items(v)[i];
        if (i > 0) {
            put_str_value(e, e->item_sep);
            if (e->indent)
                newline_indent(e);
        }
        if (enc_value(e, item) < 0)
            return -1;
    }
    if (e->indent) {
        e->level--;
        newline_indent(e);
    }
    kr_sb_append_char(&e->sb, ']');
    e->depth--;
    marker_pop(e);
    return 0;
}

/* Appends the quoted key text; 1: skipped, 0: written, -1: error. */
static int enc_key(enc *e, kr_value k)
{
    kr_vm *vm = e->vm;
    if (kr_is_str(vm, k)) {
        escape_str(&e->sb, kr_str_data(k), (size_t)kr_str_nbytes(k), e->ensure_ascii);
        return 0;
    }
    if (kr_is_ptr(k) && kr_is_float(vm, k)) {
        kr_sb_append_char(&e->sb, '"');
        if (put_float(e, k) < 0)
            return -1;
        kr_sb_append_char(&e->sb, '"');
        return 0;
    }
    if (k == KR_TRUE) { kr_sb_append(&e->sb, "\"true\"", 6); return 0; }
    if (k == KR_FALSE) { kr_sb_append(&e->sb, "\"false\"", 7); return 0; }
    if (k == KR_NONE) { kr_sb_append(&e->sb, "\"null\"", 6); return 0; }
    if (kr_is_int(vm, k)) {
        kr_sb_append_char(&e->sb, '"');
        if (put_int(e, k) < 0)
            return -1;
        kr_sb_append_char(&e->sb, '"');
        return 0;
    }
    if (e->skipkeys)
        return 1;
    return kr_raise_i(vm, KR_EXC(vm, TypeError), "keys must be str, int, float, bool or None, not %s", kr_typename(vm, k));
}

static int enc_pair(enc *e, kr_value k, kr_value val, bool *first)
{
    size_t save = e->sb.len;
    if (!*first) {
        put_str_value(e, e->item_sep);
        if (e->indent)
            newline_indent(e);
    }
    int r = enc_key(e, k);
    if (r < 0)
        return -1;
    if (r == 1) {
        e->sb.len = save;
        return 0;
    }
    *first = false;
    put_str_value(e, e->key_sep);
    return enc_value(e, val);
}

static int enc_dict(enc *e, kr_value v)
{
    kr_vm *vm = e->vm;
    bool exact = KR_OBJ(v)->type == vm->t.dict;
    int64_t n = exact ? kr_dict_size(v) : kr_len(vm, v);
    if (n < 0)
        return -1;
    if (n == 0) {
        kr_sb_append(&e->sb, "{}", 2);
        return 0;
    }
    if (marker_push(e, v) < 0)
        return -1;
    if (enter(e) < 0)
        return -1;
    kr_sb_append_char(&e->sb, '{');
    if (e->indent) {
        e->level++;
        newline_indent(e);
    }
    bool first = true;
    if (exact && !e->sort_keys) {
        int64_t pos = 0;
        kr_value k, val;
        while (kr_dict_next(v, &pos, &k, &val))
            if (enc_pair(e, k, val, &first) < 0)
                return -1;
    } else {
        kr_value items = KR_NULL;
        size_t m = kr_root_mark(vm);
        kr_root_push(vm, &items);
        kr_value view = kr_call_method(vm, v, "items", NULL, 0);
        if (view == KR_NULL)
            goto fail;
        items = view;
        items = kr_sequence_list(vm, view);
        if (items == KR_NULL)
            goto fail;
        if (e->sort_keys && kr_list_sort(vm, items, KR_NULL, false) < 0)
            goto fail;
        for (int64_t i = 0; i < KR_AS(kr_list, items)->size; i++) {
            kr_value it = KR_AS(kr_list, items)->items[i];
            if (!kr_is_ptr(it) || KR_OBJ(it)->type != vm->t.tuple || kr_tuple_size(it) != 2) {
                kr_raise(vm, KR_EXC(vm, ValueError), "items must return tuples of 2 elements");
                goto fail;
            }
            if (enc_pair(e, kr_tuple_items(it)[0], kr_tuple_items(it)[1], &first) < 0)
                goto fail;
        }
        kr_root_reset(vm, m);
        /* The items list and its pair tuples are garbage now. json.dumps(..., sort_keys=True) makes
         * them for every dict, four times the output's size in all (perf/bench/json_roundtrip: 11 MB
         * for a 2.7 MB text) with no safepoint until encode returns, so without one here they all
         * sat in the heap at once. A collection here is safe as it is in default(): every object the
         * encoder still uses is reachable from its argument or rooted (enclosing items lists,
         * default() results), and enc_list/enc_dict re-read sizes and items after Python code. */
        kr_gc_safepoint(vm);
        goto done;
    fail:
        kr_root_reset(vm, m);
        return -1;
    }
done:
    if (e->indent) {
        e->level--;
        newline_indent(e);
    }
    kr_sb_append_char(&e->sb, '}');
    e->depth--;
    marker_pop(e);
    return 0;
}

/* Moves sb's text to the chunks. */
static void enc_flush(enc *e)
{
    const char *p = e->sb.buf;
    size_t n = e->sb.len;
    while (n && !e->chunks_failed) {
        if (!e->nchunks || e->tail == ENC_CHUNK) {
            if (e->nchunks == e->chunks_cap) {
                size_t cap = e->chunks_cap ? e->chunks_cap * 2 : 16;
                char **c = realloc(e->chunks, cap * sizeof *c);
                if (!c) {
                    e->chunks_failed = true;
                    break;
                }
                e->chunks = c;
                e->chunks_cap = cap;
            }
            char *chunk = malloc(ENC_CHUNK);
            if (!chunk) {
                e->chunks_failed = true;
                break;
            }
            e->chunks[e->nchunks++] = chunk;
            e->tail = 0;
        }
        size_t k = ENC_CHUNK - e->tail < n ? ENC_CHUNK - e->tail : n;
        memcpy(e->chunks[e->nchunks - 1] + e->tail, p, k);
        e->tail += k;
        p += k;
        n -= k;
    }
    e->sb.len = 0;
}

static void enc_free_chunks(enc *e)
{
    for (size_t i = 0; i < e->nchunks; i++)
        free(e->chunks[i]);
    free(e->chunks);
    e->chunks = NULL;
    e->nchunks = e->chunks_cap = 0;
}

/* The str of everything encoded: the chunks (each freed once copied) and then what sb holds. */
static kr_value enc_finish(enc *e)
{
    kr_vm *vm = e->vm;
    if (!e->nchunks || e->sb.failed || e->chunks_failed) {
        bool failed = e->chunks_failed;
        enc_free_chunks(e);
        if (failed) {
            kr_sb_free(&e->sb);
            return kr_raise_nomemory(vm);
        }
        return kr_sb_finish(vm, &e->sb);
    }
    size_t total = (e->nchunks - 1) * (size_t)ENC_CHUNK + e->tail + e->sb.len;
    kr_str *s = kr_str_alloc_raw(vm, (int64_t)total);
    if (!s) {
        enc_free_chunks(e);
        kr_sb_free(&e->sb);
        return KR_NULL;
    }
    char *out = s->data;
    for (size_t i = 0; i < e->nchunks; i++) {
        size_t k = i + 1 < e->nchunks ? (size_t)ENC_CHUNK : e->tail;
        memcpy(out, e->chunks[i], k);
        out += k;
        free(e->chunks[i]);
        e->chunks[i] = NULL;
    }
    if (e->sb.len)
        memcpy(out, e->sb.buf, e->sb.len);
    enc_free_chunks(e);
    kr_sb_free(&e->sb);
    return kr_str_finish_raw(vm, s);
}

static int enc_value(enc *e, kr_value v)
{
    kr_vm *vm = e->vm;
    /* Between values no caller holds a position in sb (enc_pair's rewind of a skipped key does not
     * span a value), so its text may move to the chunks here. */
    if (e->sb.len >= ENC_FLUSH)
        enc_flush(e);
    if (v == KR_NONE) { kr_sb_append(&e->sb, "null", 4); return 0; }
    if (v == KR_TRUE) { kr_sb_append(&e->sb, "true", 4); return 0; }
    if (v == KR_FALSE) { kr_sb_append(&e->sb, "false", 5); return 0; }
    if (kr_is_small(v)) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)kr_small_val(v));
        kr_sb_append(&e->sb, buf, (size_t)n);
        return 0;
    }
    if (kr_is_ptr(v)) {
        kr_type *t = KR_OBJ(v)->type;
        if (t == vm->t.str) {
            escape_str(&e->sb, kr_str_data(v), (size_t)kr_str_nbytes(v), e->ensure_ascii);
            return 0;
        }
        if (t == vm->t.float_)
            return put_float(e, v);
        if (t == vm->t.list)
            return enc_list(e, v, true);
        if (t == vm->t.dict)
            return enc_dict(e, v);
        if (t == vm->t.tuple)
            return enc_list(e, v, false);
        if (kr_is_str(vm, v)) {
            escape_str(&e->sb, kr_str_data(v), (size_t)kr_str_nbytes(v), e->ensure_ascii);
            return 0;
        }
        if (kr_is_int(vm, v))
            return put_int(e, v);
        if (kr_is_float(vm, v))
            return put_float(e, v);
        if ((t->flags & KR_TF_LIST_SUBCLASS) || kr_type_is_subtype(t, vm->t.list))
            return enc_list(e, v, true);
        if ((t->flags & KR_TF_TUPLE_SUBCLASS) || kr_type_is_subtype(t, vm->t.tuple))
            return enc_list(e, v, false);
        if ((t->flags & KR_TF_DICT_SUBCLASS) || kr_type_is_subtype(t, vm->t.dict))
            return enc_dict(e, v);
    }
    /* default(o) */
    if (marker_push(e, v) < 0)
        return -1;
    if (enter(e) < 0)
        return -1;
    kr_value r = kr_call1(vm, e->deflt, v);
    if (r == KR_NULL)
        return -1;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &r);
    int rc = enc_value(e, r);
    kr_root_reset(vm, m);
    if (rc < 0)
        return -1;
    e->depth--;
    marker_pop(e);
    return 0;
}

static kr_value json_encode(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "encode", kwnames) < 0 || kr_args_count(vm, "encode", nargs, 10, 10) < 0)
        return KR_NULL;
    enc e;
    memset(&e, 0, sizeof e);
    e.vm = vm;
    int b[5];
    const int bi[5] = {1, 2, 6, 7, 9};
    for (int i = 0; i < 5; i++)
        if ((b[i] = kr_truthy(vm, args[bi[i]])) < 0)
            return KR_NULL;
    e.ensure_ascii = b[0];
    e.sort_keys = b[1];
    e.allow_nan = b[2];
    e.skipkeys = b[3];
    e.check_circular = b[4];
    if (args[3] != KR_NONE && !kr_is_str(vm, args[3]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "indent must be a str or None");
    if (!kr_is_str(vm, args[4]) || !kr_is_str(vm, args[5]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "separators must be str");
    e.indent = args[3] == KR_NONE ? KR_NULL : args[3];
    e.item_sep = args[4];
    e.key_sep = args[5];
    e.deflt = args[8];
    e.max_depth = vm->recursion_limit > 0 ? vm->recursion_limit : 1000;
    kr_sb_init(&e.sb);
    int rc = enc_value(&e, args[0]);
    free(e.markers);
    if (rc < 0) {
        enc_free_chunks(&e);
        kr_sb_free(&e.sb);
        return KR_NULL;
    }
    return enc_finish(&e);
}

static const kr_method_def json_functions[] = {
    {"encode_basestring_ascii", json_encode_basestring_ascii, KR_METH_STATIC, "JSON string (ASCII only)"},
    {"encode_basestring", json_encode_basestring, KR_METH_STATIC, "JSON string"},
    {"scanstring", json_scanstring, KR_METH_STATIC, "scanstring(s, end, strict=True) -> (str, end)"},
    {"encode", json_encode, KR_METH_STATIC, "the whole JSON text of an object"},
    {"loads", json_loads, KR_METH_STATIC, "default decoder fast path; NotImplemented on error"},
    {NULL, NULL, 0, NULL},
};

kr_value kr_json_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_json");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    int rc = kr_module_add_functions(vm, m, json_functions);
    kr_root_reset(vm, mark);
    return rc < 0 ? KR_NULL : m;
}
