/* marshal.c: serialising code objects to bytes and back (format and contract: vm/marshal.h).
 *
 * Encoding. Unsigned integers are LEB128 varints, signed ones zigzag varints. A value is a tag byte
 * and its payload:
 *     'N' 'T' 'F' 'E'       None, True, False, Ellipsis
 *     'i' svarint           small int
 *     'I' varint n, n bytes big int: its hex digits (with '-'), as kr_int_from_str reads them (base 16:
 *                           linear time, and free of sys.set_int_max_str_digits' limit)
 *     'f' 8 bytes           float, the IEEE bits little-endian (so -0.0 and NaN payloads survive)
 *     'x' 16 bytes          complex: the real part's bits, then the imaginary part's, as 'f'
 *     's' varint n, n bytes str, not interned
 *     'S' varint n, n bytes, NUL   str, interned on load (the NUL lets kr_intern read it in place)
 *     'b' varint n, n bytes bytes
 *     '(' varint n, n values tuple
 *     '{' varints size, n; n times varint slot, value
 *                           frozenset (a constant set display's), its exact table layout: the set
 *                           built from it iterates in the same order as the compiled one
 *     'r' varint k          the k-th heap object (str, bytes, big int, float, complex, tuple) read so far in
 *                           this blob, counted in the order their tags appear: the same object again
 *     'c' ...               code object (never referenced twice):
 *         varints flags, argcount, posonlyargcount, kwonlyargcount, nslots; svarint firstlineno;
 *         varint ninsns and the instruction words (8 bytes little-endian each; a cache word's
 *         feedback index is renumbered by kr_code_new anyway); the locations (write_locs); varint
 *         nexctab and 4 varints per entry; a byte 1 when co_filename equals the enclosing code
 *         object's (shared, not stored) else 0 and the str; the name; a byte 1 when qualname is the
 *         name object else 0 and the str; then the values consts, names, varnames, cellvars,
 *         freevars (tuples) and doc (None or str)
 * Every object is numbered when its tag is read, before a tuple's items, so the writer and the reader
 * number alike.
 */
#include "marshal.h"

#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "code.h"
#include "complexobj.h"
#include "floatobj.h"
#include "int.h"
#include "set.h"
#include "str.h"
#include "tuple.h"

uint32_t kr_marshal_magic(void)
{
    /* FNV-1a over everything that decides what a word of bytecode means. */
    uint32_t h = 2166136261u;
#define MIX_BYTE(b) (h = (h ^ (uint8_t)(b)) * 16777619u)
    uint32_t fixed[] = {KR_MARSHAL_VERSION, KR_OP_COUNT, (uint32_t)sizeof(kr_insn), (uint32_t)sizeof(kr_code_loc),
                        (uint32_t)sizeof(kr_exc_entry)};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        for (int k = 0; k < 4; k++)
            MIX_BYTE(fixed[i] >> (8 * k));
    for (unsigned op = 0; op < KR_OP_COUNT; op++) {
        for (const char *p = kr_opcode_names[op]; *p; p++)
            MIX_BYTE(*p);
        MIX_BYTE(0);
        MIX_BYTE(kr_opcode_format[op]);
        MIX_BYTE(kr_opcode_words[op]);
    }
#undef MIX_BYTE
    return h;
}

/* ------------------------------------------------------------------------------------------------
 * Writer
 */
typedef struct mw {
    kr_vm *vm;
    uint8_t *buf;
    size_t len, cap;
    bool failed;            /* an exception is pending */
    /* object identity -> ref number: open addressing over `refcap` (a power of two) slots; key 0 is
     * empty (KR_NULL is no heap object) */
    kr_value *refkeys;
    uint32_t *refvals;
    size_t nrefs, refcap;
    kr_value filename;      /* co_filename of the code object being written (KR_NULL at the top) */
} mw;

static void mw_oom(mw *w)
{
    if (!w->failed)
        kr_raise_nomemory(w->vm);
    w->failed = true;
}

static void put_bytes(mw *w, const void *p, size_t n)
{
    if (w->failed)
        return;
    if (w->len + n > w->cap) {
        size_t ncap = w->cap ? w->cap : 4096;
        while (ncap < w->len + n)
            ncap *= 2;
        uint8_t *nb = realloc(w->buf, ncap);
        if (!nb) {
            mw_oom(w);
            return;
        }
        w->buf = nb;
        w->cap = ncap;
    }
    memcpy(w->buf + w->len, p, n);
    w->len += n;
}

static void put_byte(mw *w, uint8_t b) { put_bytes(w, &b, 1); }

static void put_varint(mw *w, uint64_t v)
{
    uint8_t tmp[10];
    size_t n = 0;
    do {
        uint8_t b = v & 0x7f;
        v >>= 7;
        tmp[n++] = b | (v ? 0x80 : 0);
    } while (v);
    put_bytes(w, tmp, n);
}

static void put_svarint(mw *w, int64_t v) { put_varint(w, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63)); }

static void put_u64(mw *w, uint64_t v)
{
    uint8_t b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    put_bytes(w, b, 8);
}

static size_t ref_hash(kr_value v, size_t cap) { return (size_t)((v >> 4) * 0x9E3779B97F4A7C15ull) & (cap - 1); }

/* The ref number of `v` if it was written before (returns true); otherwise numbers it (false). */
static bool ref_lookup_or_add(mw *w, kr_value v, uint32_t *num)
{
    if ((w->nrefs + 1) * 2 > w->refcap) {
        size_t ncap = w->refcap ? w->refcap * 2 : 256;
        kr_value *nk = calloc(ncap, sizeof *nk);
        uint32_t *nv = calloc(ncap, sizeof *nv);
        if (!nk || !nv) {
            free(nk);
            free(nv);
            mw_oom(w);
            return false;
        }
        for (size_t i = 0; i < w->refcap; i++) {
            if (!w->refkeys[i])
                continue;
            size_t j = ref_hash(w->refkeys[i], ncap);
            while (nk[j])
                j = (j + 1) & (ncap - 1);
            nk[j] = w->refkeys[i];
            nv[j] = w->refvals[i];
        }
        free(w->refkeys);
        free(w->refvals);
        w->refkeys = nk;
        w->refvals = nv;
        w->refcap = ncap;
    }
    size_t j = ref_hash(v, w->refcap);
    while (w->refkeys[j]) {
        if (w->refkeys[j] == v) {
            *num = w->refvals[j];
            return true;
        }
        j = (j + 1) & (w->refcap - 1);
    }
    w->refkeys[j] = v;
    w->refvals[j] = (uint32_t)w->nrefs++;
    return false;
}

static void write_code(mw *w, kr_value code);

static void write_value(mw *w, kr_value v)
{
    kr_vm *vm = w->vm;
    if (w->failed)
        return;
    if (v == KR_NONE) { put_byte(w, 'N'); return; }
    if (v == KR_TRUE) { put_byte(w, 'T'); return; }
    if (v == KR_FALSE) { put_byte(w, 'F'); return; }
    if (v == KR_ELLIPSIS) { put_byte(w, 'E'); return; }
    if (kr_is_small(v)) {
        put_byte(w, 'i');
        put_svarint(w, kr_small_val(v));
        return;
    }
    kr_type *t = kr_is_ptr(v) ? KR_OBJ(v)->type : NULL;
    if (t == vm->t.code) {
        write_code(w, v);
        return;
    }
    if (t != vm->t.str && t != vm->t.bytes && t != vm->t.int_ && t != vm->t.float_ && t != vm->t.tuple &&
        t != vm->t.frozenset && t != vm->t.complex_) {
        kr_raise(vm, KR_EXC(vm, ValueError), "unmarshallable object of type '%s'", kr_typename(vm, v));
        w->failed = true;
        return;
    }
    uint32_t num;
    if (ref_lookup_or_add(w, v, &num)) {
        put_byte(w, 'r');
        put_varint(w, num);
        return;
    }
    if (t == vm->t.str) {
        bool interned = (KR_OBJ(v)->flags & KR_STR_INTERNED) != 0;
        put_byte(w, interned ? 'S' : 's');
        put_varint(w, (uint64_t)kr_str_nbytes(v));
        put_bytes(w, kr_str_data(v), (size_t)kr_str_nbytes(v));
        if (interned)
            put_byte(w, 0);
    } else if (t == vm->t.bytes) {
        put_byte(w, 'b');
        put_varint(w, (uint64_t)kr_bytes_size(v));
        put_bytes(w, kr_bytes_data(v), (size_t)kr_bytes_size(v));
    } else if (t == vm->t.int_) {
        kr_value s = kr_int_to_str_ex(vm, v, 16, false);
        if (!s) {
            w->failed = true;
            return;
        }
        put_byte(w, 'I');
        put_varint(w, (uint64_t)kr_str_nbytes(s));
        put_bytes(w, kr_str_data(s), (size_t)kr_str_nbytes(s));
    } else if (t == vm->t.float_) {
        double d = kr_float_value(v);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        put_byte(w, 'f');
        put_u64(w, bits);
    } else if (t == vm->t.complex_) {
        kr_cdouble c = kr_complex_value(v);
        uint64_t bits;
        put_byte(w, 'x');
        memcpy(&bits, &c.real, sizeof bits);
        put_u64(w, bits);
        memcpy(&bits, &c.imag, sizeof bits);
        put_u64(w, bits);
    } else if (t == vm->t.frozenset) {
        put_byte(w, '{');
        put_varint(w, (uint64_t)kr_set_table_size(v));
        put_varint(w, (uint64_t)kr_set_size(v));
        int64_t pos = 0;
        kr_value item;
        while (!w->failed && kr_set_next(v, &pos, &item)) {
            put_varint(w, (uint64_t)(pos - 1));
            write_value(w, item);
        }
    } else {
        int64_t n = kr_tuple_size(v);
        put_byte(w, '(');
        put_varint(w, (uint64_t)n);
        for (int64_t i = 0; i < n && !w->failed; i++)
            write_value(w, kr_tuple_items(v)[i]);
    }
}

/* Locations: per word, 0 when equal to the previous word's (cache words, runs of one statement), else
 * 1 and the four fields as deltas from the previous word's (small numbers). */
static void write_locs(mw *w, const kr_code *co)
{
    kr_code_loc prev = {0, 0, 0, 0};
    for (uint32_t pc = 0; pc < co->ninsns && !w->failed; pc++) {
        kr_code_loc l = co->locs[pc];
        if (!memcmp(&l, &prev, sizeof l)) {
            put_byte(w, 0);
            continue;
        }
        put_byte(w, 1);
        put_svarint(w, (int64_t)l.lineno - prev.lineno);
        put_svarint(w, (int64_t)l.end_lineno - l.lineno);
        put_svarint(w, (int64_t)l.col - prev.col);
        put_svarint(w, (int64_t)l.end_col - l.col);
        prev = l;
    }
}

static void write_code(mw *w, kr_value code)
{
    const kr_code *co = kr_code_of(code);
    put_byte(w, 'c');
    put_varint(w, co->flags);
    put_varint(w, co->argcount);
    put_varint(w, co->posonlyargcount);
    put_varint(w, co->kwonlyargcount);
    put_varint(w, co->nslots);
    put_svarint(w, co->firstlineno);
    put_varint(w, co->ninsns);
    for (uint32_t pc = 0; pc < co->ninsns; pc++)
        put_u64(w, co->insns[pc]);
    write_locs(w, co);
    put_varint(w, co->nexctab);
    for (uint32_t i = 0; i < co->nexctab; i++) {
        put_varint(w, co->exctab[i].start);
        put_varint(w, co->exctab[i].end);
        put_varint(w, co->exctab[i].handler);
        put_varint(w, co->exctab[i].slot);
    }
    /* nested code objects share their module's file name (the compiler makes one equal str per code
     * object): stored once, at the outermost code object */
    bool same_file = w->filename && kr_str_equal(co->filename, w->filename);
    put_byte(w, same_file);
    if (!same_file)
        write_value(w, co->filename);
    kr_value outer_filename = w->filename;
    w->filename = co->filename;
    write_value(w, co->name);
    /* the compiler uses the name object itself when there is no separate qualname (module code) */
    put_byte(w, co->qualname == co->name);
    if (co->qualname != co->name)
        write_value(w, co->qualname);
    write_value(w, co->consts);
    write_value(w, co->names);
    write_value(w, co->varnames);
    write_value(w, co->cellvars);
    write_value(w, co->freevars);
    write_value(w, co->doc);
    w->filename = outer_filename;
}

uint8_t *kr_marshal_dump_code(kr_vm *vm, kr_value code, size_t *len)
{
    if (!kr_is_ptr(code) || KR_OBJ(code)->type != vm->t.code) {
        kr_raise(vm, KR_EXC(vm, TypeError), "kr_marshal_dump_code: not a code object");
        return NULL;
    }
    mw w = {.vm = vm};
    uint32_t magic = kr_marshal_magic();
    for (int k = 0; k < 4; k++)
        put_byte(&w, (uint8_t)(magic >> (8 * k)));
    write_code(&w, code);
    free(w.refkeys);
    free(w.refvals);
    if (w.failed) {
        free(w.buf);
        return NULL;
    }
    *len = w.len;
    return w.buf;
}

/* ------------------------------------------------------------------------------------------------
 * Reader
 */
typedef struct mr {
    kr_vm *vm;
    const uint8_t *p, *end;
    bool failed;        /* an exception is pending */
    kr_value *refs;     /* the heap objects read so far, by ref number (malloc'd; no collection can
                         * happen while reading, so they need no rooting) */
    size_t nrefs, refcap;
    kr_value filename;  /* co_filename of the code object being read (KR_NULL at the top) */
    int depth;          /* nesting of tuples and code objects (malformed data cannot recurse forever) */
} mr;

#define MR_MAX_DEPTH 200

static void mr_bad(mr *r, const char *what)
{
    if (!r->failed)
        kr_raise(r->vm, KR_EXC(r->vm, ValueError), "bad marshal data (%s)", what);
    r->failed = true;
}

static inline uint8_t get_byte(mr *r)
{
    if (__builtin_expect(r->p < r->end, 1))
        return *r->p++;
    mr_bad(r, "truncated");
    return 0;
}

static uint64_t get_varint_slow(mr *r)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        uint8_t b = get_byte(r);
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
    }
    mr_bad(r, "varint too long");
    return 0;
}

/* Inline: most varints (deltas, counts, indices) are one byte. */
static inline uint64_t get_varint(mr *r)
{
    if (__builtin_expect(r->p < r->end && *r->p < 0x80, 1))
        return *r->p++;
    return get_varint_slow(r);
}

static inline int64_t get_svarint(mr *r)
{
    uint64_t u = get_varint(r);
    return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

/* A varint that must fit in 32 bits (counts, indices). */
static inline uint32_t get_u32(mr *r)
{
    uint64_t v = get_varint(r);
    if (v > UINT32_MAX)
        mr_bad(r, "count out of range");
    return (uint32_t)v;
}

static inline int32_t get_s32(mr *r)
{
    int64_t v = get_svarint(r);
    if (v < INT32_MIN || v > INT32_MAX)
        mr_bad(r, "number out of range");
    return (int32_t)v;
}

/* n bytes of payload, in place (NULL when the data is shorter). */
static const uint8_t *get_span(mr *r, uint64_t n)
{
    if (r->failed)
        return NULL;
    if (n > (uint64_t)(r->end - r->p)) {
        mr_bad(r, "truncated");
        return NULL;
    }
    const uint8_t *s = r->p;
    r->p += n;
    return s;
}

static uint64_t le64(const uint8_t *b)
{
    uint64_t v;
    memcpy(&v, b, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

static uint64_t get_u64(mr *r)
{
    const uint8_t *b = get_span(r, 8);
    return b ? le64(b) : 0;
}

static kr_value add_ref(mr *r, kr_value v)
{
    if (!v) {
        r->failed = true;
        return KR_NULL;
    }
    if (r->nrefs == r->refcap) {
        size_t ncap = r->refcap ? r->refcap * 2 : 256;
        kr_value *nr = realloc(r->refs, ncap * sizeof *nr);
        if (!nr) {
            kr_raise_nomemory(r->vm);
            r->failed = true;
            return KR_NULL;
        }
        r->refs = nr;
        r->refcap = ncap;
    }
    r->refs[r->nrefs++] = v;
    return v;
}

static kr_value read_code(mr *r);

static kr_value read_value(mr *r)
{
    kr_vm *vm = r->vm;
    uint8_t tag = get_byte(r);
    if (r->failed)
        return KR_NULL;
    switch (tag) {
    case 'N': return KR_NONE;
    case 'T': return KR_TRUE;
    case 'F': return KR_FALSE;
    case 'E': return KR_ELLIPSIS;
    case 'i': {
        int64_t n = get_svarint(r);
        if (!r->failed && !kr_fits_small(n))
            mr_bad(r, "small int out of range");
        return r->failed ? KR_NULL : kr_small(n);
    }
    case 'r': {
        uint64_t k = get_varint(r);
        if (!r->failed && k >= r->nrefs)
            mr_bad(r, "bad reference");
        return r->failed ? KR_NULL : r->refs[k];
    }
    case 's': case 'S': case 'b': case 'I': {
        uint64_t n = get_varint(r);
        const uint8_t *s = get_span(r, n);
        if (!s)
            return KR_NULL;
        if (tag == 's' || tag == 'S') {
            /* a str must hold valid UTF-8 (surrogates in their 3-byte form allowed, as in kr_str) */
            int64_t cps = kr_utf8_check((const char *)s, n, true);
            if (cps < 0) {
                mr_bad(r, "invalid UTF-8");
                return KR_NULL;
            }
            if (tag == 's')
                return add_ref(r, kr_str_new_known(vm, (const char *)s, n, cps));
            /* interned: the NUL after the bytes lets kr_intern read them in place */
            const uint8_t *nul = get_span(r, 1);
            if (!nul || *nul != 0 || memchr(s, 0, n))
                mr_bad(r, "interned string");
            return r->failed ? KR_NULL : add_ref(r, kr_intern(vm, (const char *)s));
        }
        if (tag == 'b')
            return add_ref(r, kr_bytes_new(vm, s, n));
        kr_value v = kr_int_from_str(vm, (const char *)s, n, 16);
        if (v && kr_is_small(v)) /* a big int constant is never small: the data is corrupt */
            mr_bad(r, "big int");
        return r->failed ? KR_NULL : add_ref(r, v);
    }
    case 'f': {
        uint64_t bits = get_u64(r);
        double d;
        memcpy(&d, &bits, sizeof d);
        return r->failed ? KR_NULL : add_ref(r, kr_float_new(vm, d));
    }
    case 'x': {
        uint64_t rb = get_u64(r), ib = get_u64(r);
        double re, im;
        memcpy(&re, &rb, sizeof re);
        memcpy(&im, &ib, sizeof im);
        return r->failed ? KR_NULL : add_ref(r, kr_complex_new(vm, re, im));
    }
    case '(': {
        uint64_t n = get_varint(r);
        /* every item takes at least one byte: a bound before allocating */
        if (!r->failed && n > (uint64_t)(r->end - r->p))
            mr_bad(r, "tuple size");
        if (r->failed)
            return KR_NULL;
        if (++r->depth > MR_MAX_DEPTH) {
            mr_bad(r, "nesting too deep");
            return KR_NULL;
        }
        /* numbered before its items, as the writer does; filled before anyone else sees it */
        kr_value t = add_ref(r, kr_tuple_new(vm, (int64_t)n));
        for (uint64_t i = 0; i < n && !r->failed; i++) {
            kr_value item = read_value(r);
            if (item)
                kr_tuple_items(t)[i] = item;
        }
        r->depth--;
        return r->failed ? KR_NULL : t;
    }
    case '{': {
        uint64_t size = get_varint(r), n = get_varint(r);
        /* every item takes at least two bytes: a bound before allocating */
        if (!r->failed && (n > (uint64_t)(r->end - r->p) / 2 || size > ((uint64_t)1 << 40)))
            mr_bad(r, "frozenset size");
        if (r->failed)
            return KR_NULL;
        if (++r->depth > MR_MAX_DEPTH) {
            mr_bad(r, "nesting too deep");
            return KR_NULL;
        }
        /* its slot number is taken before its items', as the writer numbers it; the items are kept
         * reachable in a tuple until the frozenset holds them */
        size_t slot = r->nrefs;
        if (!add_ref(r, KR_NONE))
            return KR_NULL;
        kr_value items = kr_tuple_new(vm, (int64_t)n);
        int64_t *slots = items ? malloc((n ? n : 1) * sizeof *slots) : NULL;
        if (!slots) {
            if (items)
                kr_raise_nomemory(vm);
            r->failed = true;
            return KR_NULL;
        }
        for (uint64_t i = 0; i < n && !r->failed; i++) {
            slots[i] = (int64_t)get_varint(r);
            kr_value item = r->failed ? KR_NULL : read_value(r);
            if (item)
                kr_tuple_items(items)[i] = item;
        }
        kr_value fs = r->failed ? KR_NULL
                                : kr_frozenset_from_layout(vm, (int64_t)size, (int64_t)n, slots, kr_tuple_items(items));
        free(slots);
        r->depth--;
        if (!fs) {
            r->failed = true;
            return KR_NULL;
        }
        r->refs[slot] = fs;
        return fs;
    }
    case 'c':
        return read_code(r);
    default:
        mr_bad(r, "unknown tag");
        return KR_NULL;
    }
}

static kr_value read_str(mr *r)
{
    kr_value v = read_value(r);
    if (v && !kr_is_str(r->vm, v))
        mr_bad(r, "str expected");
    return r->failed ? KR_NULL : v;
}

/* A tuple of interned str (names, varnames, cellvars, freevars: the interpreter compares them by
 * identity and reads them as str without checking). */
static kr_value read_names(mr *r)
{
    kr_value t = read_value(r);
    if (!t)
        return KR_NULL;
    if (!kr_is_ptr(t) || KR_OBJ(t)->type != r->vm->t.tuple) {
        mr_bad(r, "name tuple expected");
        return KR_NULL;
    }
    for (int64_t i = 0; i < kr_tuple_size(t); i++) {
        kr_value s = kr_tuple_items(t)[i];
        if (!kr_is_ptr(s) || KR_OBJ(s)->type != r->vm->t.str || !(KR_OBJ(s)->flags & KR_STR_INTERNED)) {
            mr_bad(r, "name tuple expected");
            return KR_NULL;
        }
    }
    return t;
}

static kr_value read_code(mr *r)
{
    kr_vm *vm = r->vm;
    if (++r->depth > MR_MAX_DEPTH) {
        mr_bad(r, "nesting too deep");
        return KR_NULL;
    }
    kr_code_desc d;
    memset(&d, 0, sizeof d);
    kr_insn *insns = NULL;
    kr_code_loc *locs = NULL;
    kr_exc_entry *exctab = NULL;
    kr_value code = KR_NULL, outer_filename = r->filename;
    d.flags = get_u32(r);
    d.argcount = get_u32(r);
    d.posonlyargcount = get_u32(r);
    d.kwonlyargcount = get_u32(r);
    d.nslots = get_u32(r);
    d.firstlineno = get_s32(r);
    d.ninsns = get_u32(r);
    if (r->failed || d.ninsns > (uint64_t)(r->end - r->p) / 8) {
        mr_bad(r, "instruction count");
        goto done;
    }
    insns = malloc((d.ninsns ? d.ninsns : 1) * sizeof *insns);
    locs = malloc((d.ninsns ? d.ninsns : 1) * sizeof *locs);
    if (!insns || !locs) {
        kr_raise_nomemory(vm);
        r->failed = true;
        goto done;
    }
    const uint8_t *words = get_span(r, (uint64_t)d.ninsns * 8); /* bounded above */
    for (uint32_t pc = 0; words && pc < d.ninsns; pc++)
        insns[pc] = le64(words + 8 * (size_t)pc);
    kr_code_loc prev = {0, 0, 0, 0};
    for (uint32_t pc = 0; pc < d.ninsns && !r->failed; pc++) {
        uint8_t same = get_byte(r);
        if (same == 1) {
            kr_code_loc l;
            l.lineno = (int32_t)(prev.lineno + get_s32(r));
            l.end_lineno = (int32_t)(l.lineno + get_s32(r));
            l.col = (int32_t)(prev.col + get_s32(r));
            l.end_col = (int32_t)(l.col + get_s32(r));
            prev = l;
        } else if (same != 0) {
            mr_bad(r, "location");
        }
        locs[pc] = prev;
    }
    d.nexctab = get_u32(r);
    if (!r->failed && d.nexctab > (uint64_t)(r->end - r->p) / 4)
        mr_bad(r, "exception table size");
    if (r->failed)
        goto done;
    if (d.nexctab) {
        exctab = malloc(d.nexctab * sizeof *exctab);
        if (!exctab) {
            kr_raise_nomemory(vm);
            r->failed = true;
            goto done;
        }
        for (uint32_t i = 0; i < d.nexctab; i++) {
            exctab[i].start = get_u32(r);
            exctab[i].end = get_u32(r);
            exctab[i].handler = get_u32(r);
            exctab[i].slot = get_u32(r);
        }
    }
    uint8_t same_file = get_byte(r);
    if (same_file && !r->filename)
        mr_bad(r, "no file name to share");
    d.filename = same_file ? r->filename : read_str(r);
    r->filename = d.filename;
    d.name = read_str(r);
    d.qualname = get_byte(r) ? d.name : read_str(r);
    d.consts = read_value(r);
    d.names = read_names(r);
    d.varnames = read_names(r);
    d.cellvars = read_names(r);
    d.freevars = read_names(r);
    kr_value doc = read_value(r);
    if (r->failed)
        goto done;
    if (doc != KR_NONE && !kr_is_str(vm, doc)) {
        mr_bad(r, "docstring");
        goto done;
    }
    d.doc = doc;
    d.insns = insns;
    d.locs = locs;
    d.exctab = exctab;
    /* kr_code_new checks the tuples' types, validates the bytecode as for the compiler's output and
     * numbers the feedback entries afresh */
    code = kr_code_new(vm, &d);
    if (!code)
        r->failed = true;
done:
    free(insns);
    free(locs);
    free(exctab);
    r->filename = outer_filename;
    r->depth--;
    return r->failed ? KR_NULL : code;
}

kr_value kr_marshal_load_code(kr_vm *vm, const uint8_t *data, size_t len, bool *stale)
{
    *stale = false;
    uint32_t magic = 0;
    if (len < 4 || ((magic = (uint32_t)data[0] | (uint32_t)data[1] << 8 | (uint32_t)data[2] << 16 |
                             (uint32_t)data[3] << 24) != kr_marshal_magic())) {
        *stale = true;
        return KR_NULL;
    }
    mr r = {.vm = vm, .p = data + 4, .end = data + len};
    uint8_t tag = get_byte(&r);
    kr_value code = KR_NULL;
    if (tag != 'c')
        mr_bad(&r, "not a code object");
    else
        code = read_code(&r);
    if (code && r.p != r.end) {
        mr_bad(&r, "trailing data");
        code = KR_NULL;
    }
    free(r.refs);
    return code;
}
