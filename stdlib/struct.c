/* struct.c: the _struct module (CPython's Modules/_struct.c counterpart; stdlib/lib/struct.py
 * re-exports it as `struct`).
 *
 * A format string is compiled once into a Struct: a byte order/size/alignment mode and an array of
 * codes, each (format char, offset, item size, repeat). Packing and unpacking walk that array; nothing
 * is parsed per call. The module-level functions (pack, unpack, ...) look the format up in a per-VM
 * cache (a dict format -> Struct, cleared when it reaches MAXCACHE entries, as CPython) kept in the
 * module's private state, which they reach through KR_METH_MODULE (so two VMs never share a cache).
 *
 * Modes: '@' (default) native sizes and alignment, host byte order; '=' standard sizes, host order, no
 * alignment; '<' little-endian, '>' and '!' big-endian, standard sizes. 'n', 'N' and 'P' exist only in
 * native mode. Errors are struct.error with CPython 3.13's messages, except where CPython lets the
 * builtin exception through (OverflowError for floats too large for 'e' and standard 'f', TypeError for
 * a non-buffer, IndexError/OverflowError for offsets).
 *
 * State (module->state): a tuple (cache dict, struct.error, Struct type, unpack_iterator type). Every
 * Struct object keeps the tuple too, so its methods raise the right struct.error without the module.
 *
 * GC: packing calls __index__, __float__ and __bool__ of the arguments, which may run Python code and
 * collect: the output is a C buffer until the end, and every object the code holds across such calls is
 * either an argument (rooted by the caller) or rooted here (a new Struct while it is cached).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../vm/bytes.h"
#include "../vm/dict.h"
#include "../vm/floatobj.h"
#include "../vm/init.h"
#include "../vm/int.h"
#include "../vm/kr.h"
#include "../vm/str.h"
#include "../vm/type.h"
#include "struct.h"

enum { MAXCACHE = 100 };

/* byte-order modes */
enum { MODE_NATIVE, MODE_LITTLE, MODE_BIG };

/* indices into the state tuple */
enum { ST_CACHE, ST_ERROR, ST_STRUCT, ST_ITER, ST_COUNT };

/* a compiled item (struct.h): fmt, offset of the first item, bytes of one item (for 's' and 'p' the
 * whole field), items (1 for 's' and 'p') */
typedef kr_struct_code st_code;

typedef struct kr_structobj {
    kr_object ob;
    kr_value format; /* str */
    kr_value state;  /* the module state tuple */
    int64_t size;    /* bytes packed */
    int64_t len;     /* values packed/unpacked */
    int64_t ncodes;
    int mode;
    st_code *codes;  /* kr_mem_alloc'd, ncodes entries */
} kr_structobj;

typedef struct unpack_iter {
    kr_object ob;
    kr_value s;      /* the Struct, KR_NULL once exhausted */
    kr_value buffer; /* bytes or bytearray */
    int64_t index;   /* byte offset of the next item */
} unpack_iter;

static inline bool host_little(void) { return __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__; }

static kr_type *state_type(kr_value state, int i) { return KR_AS(kr_type, kr_tuple_items(state)[i]); }

static kr_value struct_error(kr_vm *vm, kr_value state, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static kr_value struct_error(kr_vm *vm, kr_value state, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return kr_raise(vm, state_type(state, ST_ERROR), "%s", buf);
}

/* ---------------- the format table ---------------- */

/* Size and alignment of a format char in a mode; 0 size for a char the mode lacks. */
static int char_size(char c, int mode, int *align)
{
    bool native = mode == MODE_NATIVE;
    int size;
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': size = 1; break;
    case 'h': case 'H': case 'e': size = 2; break;
    case 'i': case 'I': case 'f': size = 4; break;
    case 'l': case 'L': size = native ? (int)sizeof(long) : 4; break;
    case 'q': case 'Q': case 'd': size = 8; break;
    case 'n': case 'N': size = native ? (int)sizeof(size_t) : 0; break;
    case 'P': size = native ? (int)sizeof(void *) : 0; break;
    default: size = 0; break;
    }
    /* native alignment is the C type's: its size for every type here (x86-64 System V), 'e' a short */
    *align = native ? size : 1;
    return size;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* Compile fmt[0..n) into s (mode, size, len, codes). Invariants of the result: codes are in offset
 * order, never overlap, lie within [0, size), each native code's offset is a multiple of its alignment,
 * and len == sum of repeats. Returns -1 with struct.error on a bad format. */
static int compile_format(kr_vm *vm, kr_value state, const char *fmt, int64_t n, kr_structobj *s)
{
    if ((int64_t)strlen(fmt) != n) {
        struct_error(vm, state, "embedded null character");
        return -1;
    }
    int mode = MODE_NATIVE;
    const char *p = fmt;
    switch (*p) {
    case '<': mode = MODE_LITTLE; p++; break;
    case '>': case '!': mode = MODE_BIG; p++; break;
    case '=': mode = host_little() ? MODE_LITTLE : MODE_BIG; p++; break;
    case '@': p++; break;
    default: break;
    }
    const char *body = p;
    int64_t size = 0, len = 0, ncodes = 0;
    /* pass 1: validate, count codes, total size (with overflow checks) */
    for (;;) {
        char c = *p++;
        if (c == '\0')
            break;
        if (is_space(c))
            continue;
        int64_t num = 1;
        if (c >= '0' && c <= '9') {
            num = c - '0';
            while ((c = *p++) >= '0' && c <= '9') {
                if (num >= INT64_MAX / 10 && (num > INT64_MAX / 10 || (c - '0') > INT64_MAX % 10))
                    goto overflow;
                num = num * 10 + (c - '0');
            }
            if (c == '\0') {
                struct_error(vm, state, "repeat count given without format specifier");
                return -1;
            }
        }
        int align, isz = char_size(c, mode, &align);
        if (isz == 0) {
            struct_error(vm, state, "bad char in struct format");
            return -1;
        }
        if (c == 's' || c == 'p') {
            len++;
            ncodes++;
        } else if (c != 'x') {
            len += num;
            if (num)
                ncodes++;
        }
        if (align > 1 && size > 0) {
            int64_t extra = (align - 1) - (size - 1) % align;
            if (extra > INT64_MAX - size)
                goto overflow;
            size += extra;
        }
        if (num > (INT64_MAX - size) / isz)
            goto overflow;
        size += num * isz;
    }
    st_code *codes = kr_mem_alloc(vm, (size_t)(ncodes ? ncodes : 1) * sizeof(st_code));
    if (!codes)
        return -1;
    /* pass 2: the codes (the format is known good, so no checks) */
    int64_t k = 0;
    size = 0;
    for (p = body; *p;) {
        char c = *p++;
        if (is_space(c))
            continue;
        int64_t num = 1;
        if (c >= '0' && c <= '9') {
            num = c - '0';
            while ((c = *p++) >= '0' && c <= '9')
                num = num * 10 + (c - '0');
        }
        int align, isz = char_size(c, mode, &align);
        if (align > 1 && size > 0)
            size += (align - 1) - (size - 1) % align;
        if (c == 's' || c == 'p') {
            codes[k++] = (st_code){c, size, num, 1};
            size += num;
        } else if (c == 'x') {
            size += num;
        } else if (num) {
            codes[k++] = (st_code){c, size, isz, num};
            size += num * isz;
        }
    }
    s->mode = mode;
    s->size = size;
    s->len = len;
    s->ncodes = ncodes;
    s->codes = codes;
    return 0;
overflow:
    struct_error(vm, state, "total struct size too long");
    return -1;
}

/* ---------------- the Struct type ---------------- */

static void struct_trace(kr_vm *vm, kr_object *o)
{
    kr_structobj *s = (kr_structobj *)o;
    kr_gc_mark(vm, s->format);
    kr_gc_mark(vm, s->state);
}

static void struct_finalize(kr_vm *vm, kr_object *o)
{
    kr_structobj *s = (kr_structobj *)o;
    kr_mem_free(vm, s->codes);
    s->codes = NULL;
}

/* A new Struct for format (str or bytes); TypeError for anything else. */
static kr_value struct_make(kr_vm *vm, kr_value state, kr_value format)
{
    const char *fmt;
    int64_t n;
    kr_value fstr;
    if (kr_is_str(vm, format)) {
        fmt = kr_str_data(format);
        n = kr_str_nbytes(format);
        /* the format is ASCII (CPython encodes it): report the first other char as its encoder does */
        for (int64_t i = 0, cp = 0; i < n; cp++) {
            unsigned char b = (unsigned char)fmt[i];
            if (b < 0x80) {
                i++;
                continue;
            }
            int l;
            uint32_t c = kr_utf8_decode(fmt + i, &l);
            char cbuf[16];
            snprintf(cbuf, sizeof cbuf, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
            return kr_raise(vm, KR_EXC(vm, UnicodeEncodeError),
                            "'ascii' codec can't encode character '%s' in position %lld: ordinal not in range(128)",
                            cbuf, (long long)cp);
        }
        fstr = format;
    } else if (kr_is_bytes(vm, format)) {
        fmt = (const char *)kr_bytes_data(format);
        n = kr_bytes_size(format);
        fstr = KR_NULL;
    } else {
        return kr_raise(vm, KR_EXC(vm, TypeError), "Struct() argument 1 must be a str or bytes object, not %s",
                        kr_typename(vm, format));
    }
    kr_structobj *s = kr_gc_alloc(vm, state_type(state, ST_STRUCT), sizeof *s);
    if (!s)
        return KR_NULL;
    s->state = state;
    if (compile_format(vm, state, fmt, n, s) < 0)
        return KR_NULL;
    /* a compiled format is ASCII (every other byte is a bad char): bytes are their own str */
    if (!fstr && !(fstr = kr_str_new(vm, fmt, (size_t)n)))
        return KR_NULL;
    s->format = fstr;
    return KR_VAL(s);
}

/* ---------------- packing ---------------- */

/* Writes the low `size` bytes of bits in the mode's byte order. */
static void put_bits(uint8_t *p, uint64_t bits, int64_t size, int mode)
{
    bool little = mode == MODE_LITTLE || (mode == MODE_NATIVE && host_little());
    if (little && host_little()) {
        /* the low bytes come first in memory; fixed sizes make each copy one store */
        switch (size) {
        case 1: *p = (uint8_t)bits; return;
        case 2: { uint16_t v = (uint16_t)bits; memcpy(p, &v, 2); return; }
        case 4: { uint32_t v = (uint32_t)bits; memcpy(p, &v, 4); return; }
        case 8: memcpy(p, &bits, 8); return;
        default: break;
        }
    }
    for (int64_t k = 0; k < size; k++)
        p[little ? k : size - 1 - k] = (uint8_t)(bits >> (8 * k));
}

static uint64_t get_bits(const uint8_t *p, int64_t size, int mode)
{
    bool little = mode == MODE_LITTLE || (mode == MODE_NATIVE && host_little());
    uint64_t bits = 0;
    if (little && host_little()) {
        switch (size) {
        case 1: return *p;
        case 2: { uint16_t v; memcpy(&v, p, 2); return v; }
        case 4: { uint32_t v; memcpy(&v, p, 4); return v; }
        case 8: memcpy(&bits, p, 8); return bits;
        default: break;
        }
    }
    for (int64_t k = 0; k < size; k++)
        bits |= (uint64_t)p[little ? k : size - 1 - k] << (8 * k);
    return bits;
}

/* An int argument's value: fits int64 (kind INT_I), is in (INT64_MAX, UINT64_MAX] (INT_U) or neither. */
enum { INT_I, INT_U, INT_BIG };
typedef struct ival {
    int kind;
    int64_t i;
    uint64_t u;
} ival;

/* The value of v for an integer format: v itself, or its __index__ (CPython's get_pylong). */
static int get_int(kr_vm *vm, kr_value state, kr_value v, ival *out)
{
    if (kr_is_small(v)) {
        out->kind = INT_I;
        out->i = kr_small_val(v);
        return 0;
    }
    kr_value c = kr_int_value(vm, v);
    if (!c) {
        if (!kr_type_of(vm, v)->index) {
            struct_error(vm, state, "required argument is not an integer");
            return -1;
        }
        if (!(c = kr_index(vm, v)))
            return -1;
    }
    if (kr_is_small(c)) {
        out->kind = INT_I;
        out->i = kr_small_val(c);
        return 0;
    }
    __mpz_struct storage;
    mp_limb_t limb;
    mpz_srcptr z = kr_int_view(c, &storage, &limb);
    if (mpz_fits_slong_p(z)) {
        out->kind = INT_I;
        out->i = mpz_get_si(z);
    } else if (mpz_sgn(z) > 0 && mpz_sizeinbase(z, 2) <= 64) {
        out->kind = INT_U;
        out->u = mpz_getlimbn(z, 0);
    } else {
        out->kind = INT_BIG;
    }
    return 0;
}

static bool is_signed_char(char c) { return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n'; }

/* Packs integer v for format char c of `size` bytes. */
static int pack_int(kr_vm *vm, kr_value state, uint8_t *p, kr_value v, char c, int64_t size, int mode)
{
    ival x = {INT_BIG, 0, 0};
    if (get_int(vm, state, v, &x) < 0)
        return -1;
    uint64_t bits;
    if (c == 'P') {
        /* a pointer takes any value a C long or unsigned long holds (PyLong_AsVoidPtr) */
        if (x.kind == INT_BIG) {
            struct_error(vm, state, "int too large to convert");
            return -1;
        }
        bits = x.kind == INT_I ? (uint64_t)x.i : x.u;
    } else if (is_signed_char(c)) {
        int64_t hi = size == 8 ? INT64_MAX : (int64_t)(((uint64_t)1 << (8 * size - 1)) - 1);
        int64_t lo = -hi - 1;
        if (x.kind != INT_I || x.i < lo || x.i > hi) {
            struct_error(vm, state, "'%c' format requires %lld <= number <= %lld", c, (long long)lo, (long long)hi);
            return -1;
        }
        bits = (uint64_t)x.i;
    } else {
        uint64_t max = size == 8 ? UINT64_MAX : ((uint64_t)1 << (8 * size)) - 1;
        bool ok = (x.kind == INT_I && x.i >= 0 && (uint64_t)x.i <= max) || (x.kind == INT_U && x.u <= max);
        if (!ok) {
            struct_error(vm, state, "'%c' format requires 0 <= number <= %llu", c, (unsigned long long)max);
            return -1;
        }
        bits = x.kind == INT_I ? (uint64_t)x.i : x.u;
    }
    put_bits(p, bits, size, mode);
    return 0;
}

static int pack_float(kr_vm *vm, kr_value state, uint8_t *p, kr_value v, char c, int mode)
{
    double x;
    if (kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.float_) {
        x = kr_float_value(v);
    } else if (kr_number_to_double(vm, v, &x) < 0) {
        kr_err_clear(vm);
        struct_error(vm, state, "required argument is not a float");
        return -1;
    }
    uint64_t bits;
    int64_t size;
    if (c == 'e') {
        uint16_t h;
        if (kr_float_pack2(x, &h) < 0)
            return kr_raise_i(vm, KR_EXC(vm, OverflowError), "float too large to pack with e format");
        bits = h;
        size = 2;
    } else if (c == 'f') {
        float y = (float)x;
        /* standard sizes refuse a finite value that rounds to infinity; native mode is C's cast */
        if (mode != MODE_NATIVE && isinf(y) && !isinf(x)) {
            kr_raise(vm, KR_EXC(vm, OverflowError), "float too large to pack with f format");
            return -1;
        }
        uint32_t b32;
        memcpy(&b32, &y, 4);
        bits = b32;
        size = 4;
    } else {
        memcpy(&bits, &x, 8);
        size = 8;
    }
    /* float bits are in host order as an integer: write them as one in the mode's order */
    put_bits(p, bits, size, mode);
    return 0;
}

/* Packs args[0..s->len) into buf (s->size bytes, zeroed here). May run Python code (__index__,
 * __float__, __bool__): buf must not be a buffer that code could move. */
static int pack_values(kr_vm *vm, kr_structobj *s, const kr_value *args, uint8_t *buf)
{
    memset(buf, 0, (size_t)s->size);
    kr_value state = s->state;
    int64_t i = 0;
    for (int64_t k = 0; k < s->ncodes; k++) {
        const st_code *code = &s->codes[k];
        uint8_t *p = buf + code->offset;
        for (int64_t j = 0; j < code->repeat; j++, p += code->size) {
            kr_value v = args[i++];
            switch (code->fmt) {
            case 's':
            case 'p': {
                const uint8_t *d;
                int64_t n;
                if (!kr_is_bytes(vm, v) && !kr_is_bytearray(vm, v)) {
                    struct_error(vm, state, "argument for '%c' must be a bytes object", code->fmt);
                    return -1;
                }
                kr_bytes_buffer(vm, v, &d, &n);
                if (code->fmt == 's') {
                    memcpy(p, d, (size_t)(n < code->size ? n : code->size));
                } else {
                    /* a Pascal string: a length byte (at most 255), then at most size - 1 bytes */
                    if (n > code->size - 1)
                        n = code->size - 1;
                    if (n > 0)
                        memcpy(p + 1, d, (size_t)n);
                    if (code->size > 0)
                        *p = (uint8_t)(n > 255 ? 255 : n);
                }
                break;
            }
            case 'c':
                if (!kr_is_bytes(vm, v) || kr_bytes_size(v) != 1) {
                    struct_error(vm, state, "char format requires a bytes object of length 1");
                    return -1;
                }
                *p = kr_bytes_data(v)[0];
                break;
            case '?': {
                int t = kr_truthy(vm, v);
                if (t < 0)
                    return -1;
                *p = (uint8_t)t;
                break;
            }
            case 'e': case 'f': case 'd':
                if (pack_float(vm, state, p, v, code->fmt, s->mode) < 0) {
                    /* CPython turns any OverflowError packing an int into this (an int too large
                     * for 'e' or a standard 'f') */
                    if (kr_is_int(vm, v) && kr_err_matches(vm, KR_EXC(vm, OverflowError))) {
                        kr_err_clear(vm);
                        struct_error(vm, state, "int too large to convert");
                    }
                    return -1;
                }
                break;
            default:
                if (pack_int(vm, state, p, v, code->fmt, code->size, s->mode) < 0)
                    return -1;
                break;
            }
        }
    }
    return 0;
}

/* A scratch buffer for packing: on the stack when small. */
typedef struct scratch {
    uint8_t small[256];
    uint8_t *p;
} scratch;

static uint8_t *scratch_get(kr_vm *vm, scratch *sc, int64_t n)
{
    sc->p = n <= (int64_t)sizeof sc->small ? sc->small : kr_mem_alloc(vm, (size_t)n);
    return sc->p;
}

static void scratch_free(kr_vm *vm, scratch *sc)
{
    if (sc->p && sc->p != sc->small)
        kr_mem_free(vm, sc->p);
}

static kr_value do_pack(kr_vm *vm, kr_structobj *s, const kr_value *args, int nargs)
{
    if (nargs != s->len)
        return struct_error(vm, s->state, "pack expected %lld items for packing (got %d)", (long long)s->len, nargs);
    scratch sc;
    uint8_t *buf = scratch_get(vm, &sc, s->size);
    if (!buf)
        return KR_NULL;
    kr_value r = KR_NULL;
    if (pack_values(vm, s, args, buf) == 0)
        r = kr_bytes_new(vm, buf, (size_t)s->size);
    scratch_free(vm, &sc);
    return r;
}

/* args: buffer, offset, values... */
static kr_value do_pack_into(kr_vm *vm, kr_structobj *s, const kr_value *args, int nargs)
{
    if (nargs != s->len + 2) {
        if (nargs == 0)
            return struct_error(vm, s->state, "pack_into expected buffer argument");
        if (nargs == 1)
            return struct_error(vm, s->state, "pack_into expected offset argument");
        return struct_error(vm, s->state, "pack_into expected %lld items for packing (got %d)", (long long)s->len,
                            nargs - 2);
    }
    /* any writable buffer: bytearray, a writable C-contiguous memoryview, array.array */
    kr_value buffer = args[0];
    kr_type *bt = kr_type_of(vm, buffer);
    kr_buffer view;
    if (!bt->getbuffer || bt->getbuffer(vm, buffer, &view) < 0 || view.readonly) {
        if (kr_err_occurred(vm) && !kr_err_matches(vm, KR_EXC(vm, TypeError)))
            return KR_NULL;
        kr_err_clear(vm);
        return kr_raise(vm, KR_EXC(vm, TypeError), "argument must be read-write bytes-like object, not %s",
                        kr_typename(vm, buffer));
    }
    /* the offset as PyNumber_AsSsize_t(offset, IndexError) */
    kr_value ov = kr_index(vm, args[1]);
    if (!ov)
        return KR_NULL;
    int64_t offset;
    if (kr_is_small(ov))
        offset = kr_small_val(ov);
    else if (kr_int_to_i64(vm, ov, &offset) < 0) {
        kr_err_clear(vm);
        return kr_raise(vm, KR_EXC(vm, IndexError), "cannot fit '%s' into an index-sized integer",
                        kr_typename(vm, args[1]));
    }
    int64_t blen = view.len;
    if (offset < 0) {
        if (offset + s->size > 0)
            return struct_error(vm, s->state, "no space to pack %lld bytes at offset %lld", (long long)s->size,
                                (long long)offset);
        if (offset + blen < 0)
            return struct_error(vm, s->state, "offset %lld out of range for %lld-byte buffer", (long long)offset,
                                (long long)blen);
        offset += blen;
    }
    if (blen - offset < s->size)
        return struct_error(vm, s->state,
                            "pack_into requires a buffer of at least %llu bytes for packing %lld bytes at offset %lld "
                            "(actual buffer size is %lld)",
                            (unsigned long long)(s->size + offset), (long long)s->size, (long long)offset,
                            (long long)blen);
    /* pack aside: __index__ & co. may resize the exporter (CPython locks it: BufferError then) */
    scratch sc;
    uint8_t *buf = scratch_get(vm, &sc, s->size);
    if (!buf)
        return KR_NULL;
    int rc = pack_values(vm, s, args + 2, buf);
    if (rc == 0) {
        /* the buffer again: packing ran Python code (__index__, __float__) that may have resized it */
        if (bt->getbuffer(vm, buffer, &view) < 0) {
            rc = -1;
        } else if (view.len != blen) {
            kr_raise(vm, KR_EXC(vm, BufferError), "Existing exports of data: object cannot be re-sized");
            rc = -1;
        } else if (s->size) {
            memcpy(view.buf + offset, buf, (size_t)s->size);
        }
    }
    scratch_free(vm, &sc);
    return rc < 0 ? KR_NULL : KR_NONE;
}

/* ---------------- unpacking ---------------- */

/* The values of data[0..s->size): allocates only (runs no Python code), so data stays valid. */
static kr_value unpack_values(kr_vm *vm, kr_structobj *s, const uint8_t *data)
{
    kr_value t = kr_tuple_new(vm, s->len);
    if (!t)
        return KR_NULL;
    kr_value *items = kr_tuple_items(t);
    int64_t i = 0;
    for (int64_t k = 0; k < s->ncodes; k++) {
        const st_code *code = &s->codes[k];
        const uint8_t *p = data + code->offset;
        for (int64_t j = 0; j < code->repeat; j++, p += code->size) {
            kr_value v;
            char c = code->fmt;
            switch (c) {
            case 's':
                v = kr_bytes_new(vm, p, (size_t)code->size);
                break;
            case 'p': {
                int64_t n = code->size ? p[0] : 0;
                if (n >= code->size)
                    n = code->size - 1;
                v = kr_bytes_new(vm, p + 1, (size_t)(n > 0 ? n : 0));
                break;
            }
            case 'c':
                v = kr_bytes_new(vm, p, 1);
                break;
            case '?':
                v = kr_bool(*p != 0);
                break;
            case 'e':
                v = kr_float_new(vm, kr_float_unpack2((uint16_t)get_bits(p, 2, s->mode)));
                break;
            case 'f': {
                uint32_t b32 = (uint32_t)get_bits(p, 4, s->mode);
                float y;
                memcpy(&y, &b32, 4);
                v = kr_float_new(vm, (double)y);
                break;
            }
            case 'd': {
                uint64_t b64 = get_bits(p, 8, s->mode);
                double d;
                memcpy(&d, &b64, 8);
                v = kr_float_new(vm, d);
                break;
            }
            default: {
                uint64_t bits = get_bits(p, code->size, s->mode);
                if (is_signed_char(c)) {
                    int shift = (int)(64 - 8 * code->size);
                    int64_t sv = shift ? (int64_t)(bits << shift) >> shift : (int64_t)bits;
                    v = kr_int_from_i64(vm, sv);
                } else {
                    v = kr_int_from_u64(vm, bits);
                }
                break;
            }
            }
            if (!v)
                return KR_NULL;
            items[i++] = v;
        }
    }
    return t;
}

static kr_value do_unpack(kr_vm *vm, kr_structobj *s, kr_value buffer)
{
    const uint8_t *d;
    int64_t n;
    if (kr_bytes_buffer(vm, buffer, &d, &n) < 0)
        return KR_NULL;
    if (n != s->size)
        return struct_error(vm, s->state, "unpack requires a buffer of %lld bytes", (long long)s->size);
    return unpack_values(vm, s, d);
}

static kr_value do_unpack_from(kr_vm *vm, kr_structobj *s, kr_value buffer, kr_value offset_v)
{
    int64_t offset = 0;
    if (offset_v) {
        /* Py_ssize_t conversion of an argument (Argument Clinic): OverflowError when it does not fit */
        kr_value ov = kr_index(vm, offset_v);
        if (!ov)
            return KR_NULL;
        if (kr_is_small(ov))
            offset = kr_small_val(ov);
        else if (kr_int_to_i64(vm, ov, &offset) < 0) {
            kr_err_clear(vm);
            return kr_raise(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C ssize_t");
        }
    }
    const uint8_t *d;
    int64_t n;
    if (kr_bytes_buffer(vm, buffer, &d, &n) < 0)
        return KR_NULL;
    if (offset < 0) {
        if (offset + s->size > 0)
            return struct_error(vm, s->state, "not enough data to unpack %lld bytes at offset %lld",
                                (long long)s->size, (long long)offset);
        if (offset + n < 0)
            return struct_error(vm, s->state, "offset %lld out of range for %lld-byte buffer", (long long)offset,
                                (long long)n);
        offset += n;
    }
    if (n - offset < s->size)
        return struct_error(vm, s->state,
                            "unpack_from requires a buffer of at least %llu bytes for unpacking %lld bytes at offset "
                            "%lld (actual buffer size is %lld)",
                            (unsigned long long)(s->size + offset), (long long)s->size, (long long)offset,
                            (long long)n);
    return unpack_values(vm, s, d + offset);
}

static kr_value do_iter_unpack(kr_vm *vm, kr_structobj *s, kr_value buffer)
{
    if (s->size == 0)
        return struct_error(vm, s->state, "cannot iteratively unpack with a struct of length 0");
    const uint8_t *d;
    int64_t n;
    if (kr_bytes_buffer(vm, buffer, &d, &n) < 0)
        return KR_NULL;
    if (n % s->size != 0)
        return struct_error(vm, s->state, "iterative unpacking requires a buffer of a multiple of %lld bytes",
                            (long long)s->size);
    unpack_iter *it = kr_gc_alloc(vm, state_type(s->state, ST_ITER), sizeof *it);
    if (!it)
        return KR_NULL;
    it->s = KR_VAL(s);
    it->buffer = buffer;
    it->index = 0;
    return KR_VAL(it);
}

/* ---------------- the unpack iterator ---------------- */

static void iter_trace(kr_vm *vm, kr_object *o)
{
    unpack_iter *it = (unpack_iter *)o;
    kr_gc_mark(vm, it->s);
    kr_gc_mark(vm, it->buffer);
}

static kr_value iter_self(kr_vm *vm, kr_value self)
{
    (void)vm;
    return self;
}

static kr_value iter_next(kr_vm *vm, kr_value self)
{
    unpack_iter *it = KR_AS(unpack_iter, self);
    if (!it->s)
        return KR_NULL;
    kr_structobj *s = KR_AS(kr_structobj, it->s);
    const uint8_t *d;
    int64_t n;
    kr_bytes_buffer(vm, it->buffer, &d, &n);
    /* a bytearray may have shrunk since (CPython holds its buffer): stop at its end */
    if (it->index + s->size > n) {
        it->s = KR_NULL;
        it->buffer = KR_NULL;
        return KR_NULL;
    }
    kr_value r = unpack_values(vm, s, d + it->index);
    if (r)
        it->index += s->size;
    return r;
}

static kr_value iter_length_hint(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__length_hint__", kwnames) < 0 || kr_args_count(vm, "__length_hint__", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    unpack_iter *it = KR_AS(unpack_iter, args[0]);
    if (!it->s)
        return kr_small(0);
    const uint8_t *d;
    int64_t n;
    kr_bytes_buffer(vm, it->buffer, &d, &n);
    int64_t left = (n - it->index) / KR_AS(kr_structobj, it->s)->size;
    return kr_int_from_i64(vm, left < 0 ? 0 : left);
}

static const kr_method_def iter_methods[] = {
    {"__length_hint__", iter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---------------- Struct methods ---------------- */

static kr_value struct_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"format"};
    kr_value a[1];
    int total = nargs + (kwnames ? (int)kr_tuple_size(kwnames) : 0);
    if (total > 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "Struct() takes at most 1 argument (%d given)", total);
    if (kr_args_parse(vm, "Struct", args, nargs, kwnames, names, 1, 1, 0, a) < 0)
        return KR_NULL;
    kr_value state = KR_TX(cls)->module_state;
    if (!state)
        return kr_raise(vm, KR_EXC(vm, TypeError), "cannot create '%s' instances", cls->name_c);
    return struct_make(vm, state, a[0]);
}

static kr_value struct_repr(kr_vm *vm, kr_value self)
{
    kr_value r = kr_repr(vm, KR_AS(kr_structobj, self)->format);
    if (!r)
        return KR_NULL;
    return kr_str_fmt(vm, "Struct(%s)", kr_str_data(r));
}

static kr_value struct_get_format(kr_vm *vm, kr_value self)
{
    (void)vm;
    return KR_AS(kr_structobj, self)->format;
}

static kr_value struct_get_size(kr_vm *vm, kr_value self) { return kr_int_from_i64(vm, KR_AS(kr_structobj, self)->size); }

static kr_value s_pack(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "Struct.pack", kwnames) < 0)
        return KR_NULL;
    return do_pack(vm, KR_AS(kr_structobj, args[0]), args + 1, nargs - 1);
}

static kr_value s_pack_into(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "Struct.pack_into", kwnames) < 0)
        return KR_NULL;
    return do_pack_into(vm, KR_AS(kr_structobj, args[0]), args + 1, nargs - 1);
}

static kr_value s_unpack(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "Struct.unpack", kwnames) < 0 || kr_args_count(vm, "Struct.unpack", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    return do_unpack(vm, KR_AS(kr_structobj, args[0]), args[1]);
}

static kr_value s_unpack_from(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"buffer", "offset"};
    kr_value a[2];
    if (kr_args_parse(vm, "unpack_from", args + 1, nargs - 1, kwnames, names, 2, 1, 0, a) < 0)
        return KR_NULL;
    return do_unpack_from(vm, KR_AS(kr_structobj, args[0]), a[0], a[1]);
}

static kr_value s_iter_unpack(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "Struct.iter_unpack", kwnames) < 0 ||
        kr_args_count(vm, "Struct.iter_unpack", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    return do_iter_unpack(vm, KR_AS(kr_structobj, args[0]), args[1]);
}

static kr_value s_sizeof(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_structobj *s = KR_AS(kr_structobj, args[0]);
    return kr_int_from_i64(vm, (int64_t)(sizeof *s + (size_t)(s->ncodes + 1) * sizeof(st_code)));
}

static const kr_method_def struct_methods[] = {
    {"pack", s_pack, 0, "S.pack(v1, v2, ...) -> bytes"},
    {"pack_into", s_pack_into, 0, "S.pack_into(buffer, offset, v1, v2, ...)"},
    {"unpack", s_unpack, 0, "Return a tuple containing unpacked values."},
    {"unpack_from", s_unpack_from, 0, "Return a tuple containing unpacked values."},
    {"iter_unpack", s_iter_unpack, 0, "Return an iterator yielding tuples."},
    {"__sizeof__", s_sizeof, 0, "S.__sizeof__() -> size of S in memory, in bytes"},
    {NULL, NULL, 0, NULL},
};

static const kr_getset_def struct_getsets[] = {
    {"format", struct_get_format, NULL, "struct format string"},
    {"size", struct_get_size, NULL, "struct size in bytes"},
    {NULL, NULL, NULL, NULL},
};

/* ---------------- module functions (KR_METH_MODULE: args[0] is the module) ---------------- */

/* The compiled Struct for format, from the module's cache. The cache may be cleared by Python code that
 * packing runs, so callers root the result while they use it. */
static kr_value cached_struct(kr_vm *vm, kr_value module, kr_value format)
{
    kr_value state = KR_AS(kr_module, module)->state;
    kr_value cache = kr_tuple_items(state)[ST_CACHE];
    kr_value s = kr_is_ptr(format) && KR_OBJ(format)->type == vm->t.str ? kr_dict_get_str(vm, cache, format)
                                                                        : kr_dict_get(vm, cache, format);
    if (s)
        return s;
    if (kr_err_occurred(vm))
        return KR_NULL;
    if (!(s = struct_make(vm, state, format)))
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &s);
    if (kr_dict_size(cache) >= MAXCACHE && kr_dict_clear(vm, cache) < 0)
        kr_err_clear(vm);
    if (kr_dict_set(vm, cache, format, s) < 0)
        kr_err_clear(vm); /* caching is best effort, as CPython */
    kr_root_reset(vm, m);
    return s;
}

static kr_value m_pack(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "_struct.pack", kwnames) < 0)
        return KR_NULL;
    if (nargs < 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "missing format argument");
    kr_value s = cached_struct(vm, args[0], args[1]);
    if (!s)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &s);
    kr_value r = do_pack(vm, KR_AS(kr_structobj, s), args + 2, nargs - 2);
    kr_root_reset(vm, m);
    return r;
}

static kr_value m_pack_into(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "_struct.pack_into", kwnames) < 0)
        return KR_NULL;
    if (nargs < 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "missing format argument");
    kr_value s = cached_struct(vm, args[0], args[1]);
    if (!s)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &s);
    kr_value r = do_pack_into(vm, KR_AS(kr_structobj, s), args + 2, nargs - 2);
    kr_root_reset(vm, m);
    return r;
}

static kr_value m_unpack(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "_struct.unpack", kwnames) < 0 || kr_args_count(vm, "unpack", nargs - 1, 2, 2) < 0)
        return KR_NULL;
    kr_value s = cached_struct(vm, args[0], args[1]);
    /* unpacking runs no Python code: s needs no root */
    return s ? do_unpack(vm, KR_AS(kr_structobj, s), args[2]) : KR_NULL;
}

static kr_value m_unpack_from(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"format", "buffer", "offset"};
    kr_value a[3];
    if (nargs < 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "unpack_from() takes at least 1 positional argument (0 given)");
    if (kr_args_parse(vm, "unpack_from", args + 1, nargs - 1, kwnames, names, 3, 2, 1, a) < 0)
        return KR_NULL;
    kr_value s = cached_struct(vm, args[0], a[0]);
    if (!s)
        return KR_NULL;
    /* the offset's __index__ may run Python code */
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &s);
    kr_value r = do_unpack_from(vm, KR_AS(kr_structobj, s), a[1], a[2]);
    kr_root_reset(vm, m);
    return r;
}

static kr_value m_iter_unpack(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "_struct.iter_unpack", kwnames) < 0 ||
        kr_args_count(vm, "iter_unpack", nargs - 1, 2, 2) < 0)
        return KR_NULL;
    kr_value s = cached_struct(vm, args[0], args[1]);
    return s ? do_iter_unpack(vm, KR_AS(kr_structobj, s), args[2]) : KR_NULL;
}

static kr_value m_calcsize(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "_struct.calcsize", kwnames) < 0 ||
        kr_args_count(vm, "_struct.calcsize", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    kr_value s = cached_struct(vm, args[0], args[1]);
    return s ? kr_int_from_i64(vm, KR_AS(kr_structobj, s)->size) : KR_NULL;
}

static kr_value m_clearcache(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "_struct._clearcache", kwnames) < 0 ||
        kr_args_count(vm, "_struct._clearcache", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    kr_value state = KR_AS(kr_module, args[0])->state;
    if (kr_dict_clear(vm, kr_tuple_items(state)[ST_CACHE]) < 0)
        return KR_NULL;
    return KR_NONE;
}

static const kr_method_def struct_functions[] = {
    {"pack", m_pack, KR_METH_MODULE, "pack(format, v1, v2, ...) -> bytes"},
    {"pack_into", m_pack_into, KR_METH_MODULE, "pack_into(format, buffer, offset, v1, v2, ...)"},
    {"unpack", m_unpack, KR_METH_MODULE, "unpack(format, buffer) -> tuple"},
    {"unpack_from", m_unpack_from, KR_METH_MODULE, "unpack_from(format, buffer, offset=0) -> tuple"},
    {"iter_unpack", m_iter_unpack, KR_METH_MODULE, "iter_unpack(format, buffer) -> iterator"},
    {"calcsize", m_calcsize, KR_METH_MODULE, "calcsize(format) -> int"},
    {"_clearcache", m_clearcache, KR_METH_MODULE, "Clear the internal cache."},
    {NULL, NULL, 0, NULL},
};

kr_value kr_struct_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_struct");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value state = kr_tuple_new(vm, ST_COUNT);
    kr_value cache = state ? kr_dict_new(vm) : KR_NULL;
    if (!cache)
        goto fail;
    kr_tuple_items(state)[ST_CACHE] = cache;
    KR_AS(kr_module, m)->state = state;
    kr_gc_barrier(vm, KR_OBJ(m), state);

    /* struct.error: a plain Exception subclass that says it lives in `struct` (as CPython's) */
    kr_value name = kr_str_from_cstr(vm, "error");
    kr_value bases = name ? kr_tuple_pack(vm, 1, KR_VAL(KR_EXC(vm, Exception))) : KR_NULL;
    kr_value ns = bases ? kr_dict_new(vm) : KR_NULL;
    kr_value modname = ns ? kr_str_from_cstr(vm, "struct") : KR_NULL;
    if (!modname || kr_dict_set_cstr(vm, ns, "__module__", modname) < 0)
        goto fail;
    kr_value err = kr_type_create_class(vm, KR_VAL(vm->t.type), name, bases, ns, KR_NULL);
    if (!err)
        goto fail;
    kr_tuple_items(state)[ST_ERROR] = err;
    kr_gc_barrier(vm, KR_OBJ(state), err);

    /* the types, one pair per VM (created on the first import of _struct) */
    kr_type *st = kr_type_new_builtin(vm, "_struct.Struct", vm->t.object, sizeof(kr_structobj), 0);
    st->trace = struct_trace;
    st->finalize = struct_finalize;
    st->new_ = struct_new;
    st->repr = struct_repr;
    st->methods = struct_methods;
    st->getsets = struct_getsets;
    KR_TX(st)->module_state = state;
    kr_tuple_items(state)[ST_STRUCT] = KR_VAL(st);
    kr_type *it = kr_type_new_builtin(vm, "_struct.unpack_iterator", vm->t.object, sizeof(unpack_iter), 0);
    it->trace = iter_trace;
    it->iter = iter_self;
    it->next = iter_next;
    it->methods = iter_methods;
    it->flags |= KR_TF_ABSTRACT;
    kr_tuple_items(state)[ST_ITER] = KR_VAL(it);
    kr_gc_barrier_all(vm, KR_OBJ(state));
    if (kr_type_ready(vm, st) < 0 || kr_type_ready(vm, it) < 0)
        goto fail;
    if (kr_module_add_functions(vm, m, struct_functions) < 0 || kr_module_add(vm, m, "Struct", KR_VAL(st)) < 0 ||
        kr_module_add(vm, m, "error", err) < 0 ||
        kr_module_add(vm, m, "__doc__", kr_str_from_cstr(vm, "Functions to convert between Python values and C structs.")) < 0)
        goto fail;
    kr_root_reset(vm, mark);
    return m;
fail:
    kr_root_reset(vm, mark);
    return KR_NULL;
}

const kr_struct_code *kr_struct_layout(kr_vm *vm, kr_value s, int64_t *ncodes, int64_t *size, int64_t *len)
{
    if (!kr_is_ptr(s) || !KR_TX(kr_type_of(vm, s))->module_state || KR_OBJ(s)->type->new_ != struct_new)
        return NULL;
    kr_structobj *so = KR_AS(kr_structobj, s);
    *ncodes = so->ncodes;
    *size = so->size;
    *len = so->len;
    return so->codes;
}
