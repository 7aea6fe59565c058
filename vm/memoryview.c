/* memoryview.c: the memoryview type (CPython's Objects/memoryobject.c semantics and messages) and the
 * buffer protocol's helpers; see memoryview.h for why a view keeps an offset rather than a pointer.
 *
 * Invariants of a kr_memoryview: `obj` is never a memoryview; `format` is one of the native
 * single-character formats below (optionally '@'-prefixed) and itemsize is its size; item
 * (i0, ..., in-1) lives at byte offset + sum(ik * strides[k]) of the exporter's buffer; a view with
 * follows set is 1-D with stride itemsize and offset 0 and its shape[0] is refreshed from the
 * exporter's size by mv_sync before every use. */
#include "memoryview.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "floatobj.h"
#include "init.h"
#include "int.h"
#include "iterobj.h"
#include "str.h"

#define SHAPE(m) ((m)->dims)
#define STRIDES(m) ((m)->dims + (m)->ndim)

static kr_memoryview *MV(kr_value v) { return KR_AS(kr_memoryview, v); }

bool kr_is_memoryview(kr_vm *vm, kr_value v) { return kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.memoryview; }

/* ================================================================ formats */

/* The item size of a native single-character format (with an optional '@'), or 0 if unsupported. */
static int64_t native_itemsize(const char *fmt)
{
    if (fmt[0] == '@')
        fmt++;
    if (!fmt[0] || fmt[1])
        return 0;
    switch (fmt[0]) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    default: return 0;
    }
}

static char fmt_char(const char *fmt) { return fmt[0] == '@' ? fmt[1] : fmt[0]; }
static bool is_byte_format(const char *fmt)
{
    char c = fmt_char(fmt);
    return (c == 'B' || c == 'b' || c == 'c') && (fmt[0] == '@' ? !fmt[2] : !fmt[1]);
}

/* The value of the item at p. */
static kr_value unpack_item(kr_vm *vm, char c, const uint8_t *p)
{
    switch (c) {
    case 'B': return kr_small(*p);
    case 'b': return kr_small((int8_t)*p);
    case 'c': return kr_bytes_new(vm, p, 1);
    case '?': return kr_bool(*p != 0);
    case 'h': { int16_t x; memcpy(&x, p, 2); return kr_small(x); }
    case 'H': { uint16_t x; memcpy(&x, p, 2); return kr_small(x); }
    case 'i': { int32_t x; memcpy(&x, p, 4); return kr_small(x); }
    case 'I': { uint32_t x; memcpy(&x, p, 4); return kr_small(x); }
    case 'l': case 'q': case 'n': { int64_t x; memcpy(&x, p, 8); return kr_int_from_i64(vm, x); }
    case 'L': case 'Q': case 'N': case 'P': { uint64_t x; memcpy(&x, p, 8); return kr_int_from_u64(vm, x); }
    case 'e': { uint16_t x; memcpy(&x, p, 2); return kr_float_new(vm, kr_float_unpack2(x)); }
    case 'f': { float x; memcpy(&x, p, 4); return kr_float_new(vm, x); }
    case 'd': { double x; memcpy(&x, p, 8); return kr_float_new(vm, x); }
    default:
        return kr_raise(vm, KR_EXC(vm, NotImplementedError), "memoryview: format %c not supported", c);
    }
}

static int invalid_type(kr_vm *vm, const char *fmt)
{
    return kr_raise_i(vm, KR_EXC(vm, TypeError), "memoryview: invalid type for format '%s'", fmt);
}
static int invalid_value(kr_vm *vm, const char *fmt)
{
    return kr_raise_i(vm, KR_EXC(vm, ValueError), "memoryview: invalid value for format '%s'", fmt);
}

/* An integer item's value as a 128-bit-wide pair: *neg and the magnitude bits when it fits 64 bits
 * unsigned or signed; 1 when it fits neither (out of every format's range). */
static int int_item(kr_vm *vm, kr_value v, const char *fmt, bool *neg, uint64_t *mag)
{
    kr_value core;
    if (kr_is_small(v) || kr_is_bool(v))
        core = kr_int_value(vm, v);
    else {
        kr_type *t = kr_type_of(vm, v);
        if (!t->index)
            return invalid_type(vm, fmt);
        kr_value i = kr_index(vm, v);
        if (!i)
            return -1;
        core = kr_int_value(vm, i);
    }
    if (kr_is_small(core)) {
        int64_t x = kr_small_val(core);
        *neg = x < 0;
        *mag = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        return 0;
    }
    mpz_t storage;
    mp_limb_t limb;
    mpz_srcptr z = kr_int_view(core, storage, &limb);
    if (mpz_sizeinbase(z, 2) > 64)
        return 1;
    *neg = mpz_sgn(z) < 0;
    *mag = mpz_getlimbn(z, 0);
    return 0;
}

/* Store v as an item of format fmt at p, with CPython's memoryview errors. */
static int pack_item(kr_vm *vm, const char *fmt, uint8_t *p, kr_value v)
{
    char c = fmt_char(fmt);
    switch (c) {
    case 'c': {
        if (!kr_is_bytes(vm, v))
            return invalid_type(vm, fmt);
        if (kr_bytes_size(v) != 1)
            return invalid_value(vm, fmt);
        *p = kr_bytes_data(v)[0];
        return 0;
    }
    case '?': {
        int t = kr_truthy(vm, v);
        if (t < 0)
            return -1;
        *p = (uint8_t)t;
        return 0;
    }
    case 'e': case 'f': case 'd': {
        double x;
        if (kr_number_to_double(vm, v, &x) < 0) {
            if (!kr_err_matches(vm, KR_EXC(vm, TypeError)))
                return -1;
            kr_err_clear(vm);
            return invalid_type(vm, fmt);
        }
        if (c == 'd') {
            memcpy(p, &x, 8);
        } else if (c == 'f') {
            float y = (float)x; /* CPython's memoryview casts: a finite double too large becomes inf */
            memcpy(p, &y, 4);
        } else {
            uint16_t h;
            if (kr_float_pack2(x, &h) < 0)
                return invalid_value(vm, fmt);
            memcpy(p, &h, 2);
        }
        return 0;
    }
    default:
        break;
    }
    bool neg = false;
    uint64_t mag = 0;
    int r = int_item(vm, v, fmt, &neg, &mag);
    if (r < 0)
        return -1;
    if (r > 0)
        return invalid_value(vm, fmt);
    bool is_signed = c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
    int64_t size = native_itemsize(fmt);
    if (is_signed) {
        /* the range of a size-byte two's complement integer */
        uint64_t lim = (uint64_t)1 << (size * 8 - 1);
        if (neg ? mag > lim : mag >= lim)
            return invalid_value(vm, fmt);
    } else if (neg && mag != 0) {
        return invalid_value(vm, fmt);
    } else if (size < 8 && mag >> (size * 8)) {
        return invalid_value(vm, fmt);
    }
    uint64_t bits = neg ? (uint64_t)0 - mag : mag;
    switch (size) {
    case 1: *p = (uint8_t)bits; break;
    case 2: { uint16_t x = (uint16_t)bits; memcpy(p, &x, 2); break; }
    case 4: { uint32_t x = (uint32_t)bits; memcpy(p, &x, 4); break; }
    default: memcpy(p, &bits, 8); break;
    }
    return 0;
}

/* ================================================================ layout */

static kr_memoryview *mv_alloc(kr_vm *vm, int32_t ndim)
{
    kr_memoryview *m = kr_gc_alloc(vm, vm->t.memoryview, sizeof(kr_memoryview) + 2 * (size_t)ndim * sizeof(int64_t));
    if (!m)
        return NULL;
    m->ndim = ndim;
    m->hash = -1;
    return m;
}

static int released_error(kr_vm *vm)
{
    return kr_raise_i(vm, KR_EXC(vm, ValueError), "operation forbidden on released memoryview object");
}

static int64_t item_count(const kr_memoryview *m)
{
    int64_t n = 1;
    for (int32_t k = 0; k < m->ndim; k++)
        n *= SHAPE(m)[k];
    return n;
}

/* Check that m may be used and point *base at its first item: refreshes a following view's length,
 * and refuses a view whose bytes the exporter no longer has (it shrank since the view was made). */
static int mv_sync(kr_vm *vm, kr_memoryview *m, uint8_t **base)
{
    if (m->released)
        return released_error(vm);
    kr_buffer b;
    if (kr_type_of(vm, m->obj)->getbuffer(vm, m->obj, &b) < 0)
        return -1;
    if (m->follows) {
        SHAPE(m)[0] = b.len / m->itemsize;
    } else if (item_count(m) > 0) {
        int64_t lo = m->offset, hi = m->offset + m->itemsize;
        for (int32_t k = 0; k < m->ndim; k++) {
            int64_t span = (SHAPE(m)[k] - 1) * STRIDES(m)[k];
            if (span < 0)
                lo += span;
            else
                hi += span;
        }
        if (lo < 0 || hi > b.len)
            return kr_raise_i(vm, KR_EXC(vm, BufferError),
                              "memoryview: the underlying object was resized below the view's extent");
    }
    *base = b.buf + m->offset;
    return 0;
}

static bool c_contiguous(const kr_memoryview *m)
{
    int64_t expect = m->itemsize;
    for (int32_t k = m->ndim - 1; k >= 0; k--) {
        if (SHAPE(m)[k] == 0)
            return true;
        if (SHAPE(m)[k] != 1 && STRIDES(m)[k] != expect)
            return false;
        expect *= SHAPE(m)[k];
    }
    return true;
}

static bool f_contiguous(const kr_memoryview *m)
{
    int64_t expect = m->itemsize;
    for (int32_t k = 0; k < m->ndim; k++) {
        if (SHAPE(m)[k] == 0)
            return true;
        if (SHAPE(m)[k] != 1 && STRIDES(m)[k] != expect)
            return false;
        expect *= SHAPE(m)[k];
    }
    return true;
}

/* A new view on the same exporter with m's format and the given dimensions (filled by the caller). */
static kr_memoryview *mv_derive(kr_vm *vm, kr_value src, int32_t ndim)
{
    kr_memoryview *m = mv_alloc(vm, ndim);
    if (!m)
        return NULL;
    kr_memoryview *s = MV(src); /* reread: the allocation may have collected (nothing moves) */
    m->obj = s->obj;
    kr_gc_barrier(vm, &m->ob, m->obj);
    m->offset = s->offset;
    m->itemsize = s->itemsize;
    m->readonly = s->readonly;
    memcpy(m->format, s->format, sizeof m->format);
    return m;
}

/* memoryview(obj): a 1-D view of a whole exporter, or a copy of a view. */
static kr_value mv_from_object(kr_vm *vm, kr_value obj)
{
    if (kr_is_memoryview(vm, obj)) {
        kr_memoryview *s = MV(obj);
        if (s->released)
            return released_error(vm), KR_NULL;
        kr_memoryview *m = mv_derive(vm, obj, s->ndim);
        if (!m)
            return KR_NULL;
        s = MV(obj);
        memcpy(m->dims, s->dims, 2 * (size_t)s->ndim * sizeof(int64_t));
        m->follows = s->follows;
        return KR_VAL(m);
    }
    kr_type *t = kr_type_of(vm, obj);
    kr_buffer b;
    if (!t->getbuffer)
        return kr_raise(vm, KR_EXC(vm, TypeError), "memoryview: a bytes-like object is required, not '%s'",
                        kr_typename(vm, obj));
    if (t->getbuffer(vm, obj, &b) < 0)
        return KR_NULL;
    /* an exporter's format may also be 'w' (array.array('u'/'w')): viewable, its items not readable */
    int64_t itemsize = strcmp(b.format, "w") == 0 ? 4 : native_itemsize(b.format);
    if (itemsize != b.itemsize || strlen(b.format) >= sizeof ((kr_memoryview *)0)->format)
        return kr_raise(vm, KR_EXC(vm, NotImplementedError), "memoryview: unsupported format %s", b.format);
    kr_memoryview *m = mv_alloc(vm, 1);
    if (!m)
        return KR_NULL;
    m->obj = obj;
    kr_gc_barrier(vm, &m->ob, obj);
    m->itemsize = itemsize;
    m->readonly = b.readonly;
    m->follows = 1;
    strcpy(m->format, b.format);
    SHAPE(m)[0] = b.len / itemsize;
    STRIDES(m)[0] = itemsize;
    return KR_VAL(m);
}

kr_value kr_memoryview_new(kr_vm *vm, kr_value obj) { return mv_from_object(vm, obj); }

/* ================================================================ reading the items */

/* Walk every item of m in C order (or Fortran order when fortran is set), calling fn on each. */
typedef int (*item_fn)(kr_vm *vm, void *ctx, uint8_t *item);
static int walk_items(kr_vm *vm, kr_memoryview *m, uint8_t *base, bool fortran, item_fn fn, void *ctx)
{
    int64_t n = item_count(m);
    if (n == 0)
        return 0;
    int64_t idx[KR_MV_MAX_NDIM] = {0};
    int32_t nd = m->ndim;
    for (int64_t done = 0; done < n; done++) {
        uint8_t *p = base;
        for (int32_t k = 0; k < nd; k++)
            p += idx[k] * STRIDES(m)[k];
        if (fn(vm, ctx, p) < 0)
            return -1;
        /* advance the multi-index: last dimension fastest (C) or first fastest (Fortran) */
        for (int32_t j = 0; j < nd; j++) {
            int32_t k = fortran ? j : nd - 1 - j;
            if (++idx[k] < SHAPE(m)[k])
                break;
            idx[k] = 0;
        }
    }
    return 0;
}

typedef struct gather_ctx {
    kr_sb *sb;
    int64_t itemsize;
} gather_ctx;

static int gather_one(kr_vm *vm, void *ctx, uint8_t *item)
{
    (void)vm;
    gather_ctx *g = ctx;
    kr_sb_append(g->sb, (const char *)item, (size_t)g->itemsize);
    return 0;
}

/* Append m's bytes in the given order to sb. */
static int mv_gather(kr_vm *vm, kr_memoryview *m, bool fortran, kr_sb *sb)
{
    uint8_t *base;
    if (mv_sync(vm, m, &base) < 0)
        return -1;
    if (m->ndim == 0 || (c_contiguous(m) && (!fortran || m->ndim <= 1))) {
        kr_sb_append(sb, (const char *)base, (size_t)(item_count(m) * m->itemsize));
        return 0;
    }
    gather_ctx g = {sb, m->itemsize};
    return walk_items(vm, m, base, fortran, gather_one, &g);
}

int kr_buffer_append_to(kr_vm *vm, kr_value x, kr_sb *sb)
{
    if (kr_is_memoryview(vm, x))
        return mv_gather(vm, MV(x), false, sb) < 0 ? -1 : 1;
    kr_type *t = kr_type_of(vm, x);
    if (!t->getbuffer)
        return 0;
    kr_buffer b;
    if (t->getbuffer(vm, x, &b) < 0)
        return -1;
    kr_sb_append(sb, (const char *)b.buf, (size_t)b.len);
    return 1;
}

static kr_value mv_tobytes_value(kr_vm *vm, kr_value self, bool fortran)
{
    kr_sb sb;
    kr_sb_init(&sb);
    if (mv_gather(vm, MV(self), fortran, &sb) < 0) {
        kr_sb_free(&sb);
        return KR_NULL;
    }
    kr_value r = kr_bytes_new(vm, sb.buf ? sb.buf : "", sb.len);
    kr_sb_free(&sb);
    return r;
}

/* Nested lists of m's items from dimension k down, the items of that sub-array starting at p. */
static kr_value tolist_rec(kr_vm *vm, kr_value self, uint8_t *p, int32_t k)
{
    kr_memoryview *m = MV(self);
    char c = fmt_char(m->format);
    int64_t n = SHAPE(m)[k], stride = STRIDES(m)[k];
    kr_value list = kr_list_new(vm, n);
    if (!list)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &list);
    for (int64_t i = 0; i < n; i++) {
        kr_value item = k == m->ndim - 1 ? unpack_item(vm, c, p + i * stride) : tolist_rec(vm, self, p + i * stride, k + 1);
        if (!item || kr_list_append(vm, list, item) < 0) {
            kr_root_reset(vm, mark);
            return KR_NULL;
        }
    }
    kr_root_reset(vm, mark);
    return list;
}

/* ================================================================ slots */

static void mv_trace(kr_vm *vm, kr_object *o)
{
    kr_gc_mark(vm, ((kr_memoryview *)o)->obj);
}

static kr_value mv_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)cls;
    static const char *const names[] = {"object"};
    kr_value a[1];
    if (nargs > 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "memoryview() takes at most 1 argument (%d given)", nargs);
    if (kr_args_parse(vm, "memoryview", args, nargs, kwnames, names, 1, 1, 0, a) < 0)
        return KR_NULL;
    return mv_from_object(vm, a[0]);
}

static kr_value mv_repr(kr_vm *vm, kr_value self)
{
    char buf[64];
    snprintf(buf, sizeof buf, "<%smemory at %p>", MV(self)->released ? "released " : "", (void *)KR_OBJ(self));
    return kr_str_from_cstr(vm, buf);
}

static int64_t mv_len(kr_vm *vm, kr_value self)
{
    kr_memoryview *m = MV(self);
    uint8_t *base;
    if (mv_sync(vm, m, &base) < 0)
        return -1;
    if (m->ndim == 0)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "0-dim memory has no length");
    return SHAPE(m)[0];
}

/* The byte address of item `index` along dimension k (negative indexes count from the end). */
static int index_along(kr_vm *vm, kr_memoryview *m, int32_t k, kr_value key, int64_t *offset)
{
    int64_t i;
    if (kr_index_ssize(vm, key, &i) < 0)
        return -1;
    int64_t n = SHAPE(m)[k];
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return kr_raise_i(vm, KR_EXC(vm, IndexError), "index out of bounds on dimension %d", (int)k + 1);
    *offset += i * STRIDES(m)[k];
    return 0;
}

static bool is_index_key(kr_vm *vm, kr_value key)
{
    return kr_is_small(key) || kr_is_bool(key) || (kr_type_of(vm, key)->index != NULL);
}

/* What a key names: *kind is 0 for one item (an int on a 1-D view, a tuple of ints on any) at *item,
 * 1 for a slice of the first dimension, 2 for Ellipsis and 3 for `()` on a 0-d view (*item: its item). */
static int resolve_key(kr_vm *vm, kr_memoryview *m, uint8_t *base, kr_value key, uint8_t **item, int *kind)
{
    if (m->ndim == 0) {
        if (key == KR_ELLIPSIS) {
            *kind = 2;
            *item = base;
            return 0;
        }
        if (kr_is_ptr(key) && KR_OBJ(key)->type == vm->t.tuple && kr_tuple_size(key) == 0) {
            *kind = 3;
            *item = base;
            return 0;
        }
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "invalid indexing of 0-dim memory");
    }
    if (is_index_key(vm, key)) {
        if (m->ndim > 1)
            return kr_raise_i(vm, KR_EXC(vm, NotImplementedError), "multi-dimensional sub-views are not implemented");
        int64_t off = 0;
        if (index_along(vm, m, 0, key, &off) < 0)
            return -1;
        *kind = 0;
        *item = base + off;
        return 0;
    }
    if (kr_is_ptr(key) && KR_OBJ(key)->type == vm->t.slice) {
        *kind = 1;
        return 0;
    }
    if (kr_is_ptr(key) && KR_OBJ(key)->type == vm->t.tuple) {
        int64_t n = kr_tuple_size(key);
        kr_value *ks = kr_tuple_items(key);
        bool all_index = true, all_slices = true;
        for (int64_t i = 0; i < n; i++) {
            bool is_slice = kr_is_ptr(ks[i]) && KR_OBJ(ks[i])->type == vm->t.slice;
            all_slices = all_slices && is_slice;
            all_index = all_index && !is_slice && is_index_key(vm, ks[i]);
        }
        if (all_index) {
            if (n < m->ndim)
                return kr_raise_i(vm, KR_EXC(vm, NotImplementedError), "sub-views are not implemented");
            if (n > m->ndim)
                return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot index %d-dimension view with %lld-element tuple",
                                  (int)m->ndim, (long long)n);
            int64_t off = 0;
            for (int32_t k = 0; k < m->ndim; k++)
                if (index_along(vm, m, k, ks[k], &off) < 0)
                    return -1;
            *kind = 0;
            *item = base + off;
            return 0;
        }
        if (all_slices && n > 0)
            return kr_raise_i(vm, KR_EXC(vm, NotImplementedError), "multi-dimensional slicing is not implemented");
    }
    return kr_raise_i(vm, KR_EXC(vm, TypeError), "memoryview: invalid slice key");
}

static kr_value mv_slice(kr_vm *vm, kr_value self, kr_value key)
{
    kr_memoryview *m = MV(self);
    int64_t start, stop, step;
    int64_t n = kr_slice_indices(vm, key, SHAPE(m)[0], &start, &stop, &step);
    if (n < 0)
        return KR_NULL;
    kr_memoryview *r = mv_derive(vm, self, m->ndim);
    if (!r)
        return KR_NULL;
    m = MV(self);
    memcpy(r->dims, m->dims, 2 * (size_t)m->ndim * sizeof(int64_t));
    r->offset = m->offset + start * STRIDES(m)[0];
    SHAPE(r)[0] = n;
    STRIDES(r)[0] = STRIDES(m)[0] * step;
    return KR_VAL(r);
}

static kr_value mv_getitem(kr_vm *vm, kr_value self, kr_value key)
{
    kr_memoryview *m = MV(self);
    uint8_t *base, *item = NULL;
    int kind;
    if (mv_sync(vm, m, &base) < 0 || resolve_key(vm, m, base, key, &item, &kind) < 0)
        return KR_NULL;
    switch (kind) {
    case 0:
    case 3:
        return unpack_item(vm, fmt_char(m->format), item);
    case 1:
        return mv_slice(vm, self, key);
    default: /* m[...] on a 0-d view: the view itself */
        return self;
    }
}

/* m[key] = value: an item, or a slice (or Ellipsis) receiving a buffer of the same structure. */
static int mv_setitem(kr_vm *vm, kr_value self, kr_value key, kr_value value)
{
    kr_memoryview *m = MV(self);
    uint8_t *base, *item = NULL;
    if (mv_sync(vm, m, &base) < 0)
        return -1;
    if (m->readonly)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot modify read-only memory");
    if (!value)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot delete memory");
    int kind;
    if (resolve_key(vm, m, base, key, &item, &kind) < 0)
        return -1;
    if (kind != 1)
        return pack_item(vm, m->format, item, value);
    if (m->ndim != 1)
        return kr_raise_i(vm, KR_EXC(vm, NotImplementedError),
                          "memoryview slice assignments are currently restricted to ndim = 1");
    /* a slice receives a buffer of the same structure */
    kr_type *vt = kr_type_of(vm, value);
    if (!vt->getbuffer)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "a bytes-like object is required, not '%s'",
                          kr_typename(vm, value));
    kr_value dst = mv_slice(vm, self, key);
    if (!dst)
        return -1;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &dst);
    kr_value src = mv_from_object(vm, value);
    kr_root_push(vm, &src);
    int rc = -1;
    if (src) {
        kr_memoryview *d = MV(dst), *s = MV(src);
        if (s->ndim != 1 || SHAPE(s)[0] != SHAPE(d)[0] || strcmp(s->format, d->format) != 0) {
            rc = kr_raise_i(vm, KR_EXC(vm, ValueError), "memoryview assignment: lvalue and rvalue have different structures");
        } else {
            /* copy through a temporary: source and destination may overlap */
            kr_sb sb;
            kr_sb_init(&sb);
            uint8_t *dbase;
            if (mv_gather(vm, s, false, &sb) == 0 && !sb.failed && mv_sync(vm, d, &dbase) == 0) {
                for (int64_t i = 0; i < SHAPE(d)[0]; i++)
                    memcpy(dbase + i * STRIDES(d)[0], sb.buf + i * d->itemsize, (size_t)d->itemsize);
                rc = 0;
            } else if (sb.failed) {
                kr_raise_nomemory(vm);
            }
            kr_sb_free(&sb);
        }
    }
    kr_root_reset(vm, mark);
    return rc;
}

static kr_value mv_iter(kr_vm *vm, kr_value self)
{
    kr_memoryview *m = MV(self);
    uint8_t *base;
    if (mv_sync(vm, m, &base) < 0)
        return KR_NULL;
    if (m->ndim == 0)
        return kr_raise(vm, KR_EXC(vm, TypeError), "invalid indexing of 0-dim memory");
    if (m->ndim > 1)
        return kr_raise(vm, KR_EXC(vm, NotImplementedError), "multi-dimensional sub-views are not implemented");
    return kr_seqiter_new(vm, self);
}

static int mv_getbuffer(kr_vm *vm, kr_value self, kr_buffer *view)
{
    kr_memoryview *m = MV(self);
    uint8_t *base;
    if (mv_sync(vm, m, &base) < 0)
        return -1;
    if (!c_contiguous(m))
        return kr_raise_i(vm, KR_EXC(vm, BufferError), "memoryview: underlying buffer is not C-contiguous");
    *view = (kr_buffer){.buf = base, .len = item_count(m) * m->itemsize, .itemsize = m->itemsize,
                        .format = m->format, .ndim = m->ndim, .readonly = m->readonly};
    return 0;
}

/* The address of the index-th item (C order) of m. */
static uint8_t *nth_item(kr_memoryview *m, uint8_t *base, int64_t index)
{
    uint8_t *p = base;
    for (int32_t k = m->ndim - 1; k >= 0; k--) {
        int64_t i = index % SHAPE(m)[k];
        index /= SHAPE(m)[k];
        p += i * STRIDES(m)[k];
    }
    return p;
}

static kr_value mv_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (op != KR_CMP_EQ && op != KR_CMP_NE)
        return KR_NOTIMPL;
    if (!kr_is_memoryview(vm, a)) { /* the reflected call: b is the view */
        kr_value t = a;
        a = b;
        b = t;
    }
    bool eq;
    if (a == b) {
        eq = true;
    } else if (MV(a)->released || (kr_is_memoryview(vm, b) && MV(b)->released)) {
        eq = false;
    } else {
        if (!kr_type_of(vm, b)->getbuffer)
            return KR_NOTIMPL;
        kr_value other = mv_from_object(vm, b);
        if (!other)
            return KR_NULL;
        size_t mark = kr_root_mark(vm);
        kr_root_push(vm, &other);
        kr_memoryview *x = MV(a), *y = MV(other);
        uint8_t *xb, *yb;
        int rc = 0;
        if (mv_sync(vm, x, &xb) < 0 || mv_sync(vm, y, &yb) < 0)
            rc = -1;
        eq = rc == 0 && x->ndim == y->ndim;
        for (int32_t k = 0; eq && k < x->ndim; k++)
            eq = SHAPE(x)[k] == SHAPE(y)[k];
        char cx = fmt_char(x->format), cy = fmt_char(y->format);
        int64_t n = eq ? item_count(x) : 0;
        if (eq && cx == cy && cx != 'f' && cx != 'd' && cx != 'e' && cx != '?' && c_contiguous(x) && c_contiguous(y)) {
            eq = memcmp(xb, yb, (size_t)(n * x->itemsize)) == 0; /* same integer format: equal bytes, equal values */
        } else {
            /* compare the values item by item (different formats: 'B' 97 is not 'c' b'a') */
            for (int64_t i = 0; rc == 0 && eq && i < n; i++) {
                kr_value u = unpack_item(vm, cx, nth_item(x, xb, i));
                kr_root_push(vm, &u);
                kr_value v = u ? unpack_item(vm, cy, nth_item(y, yb, i)) : KR_NULL;
                kr_root_push(vm, &v);
                int r = v ? kr_richcompare_bool(vm, u, v, KR_CMP_EQ) : -1;
                if (r < 0)
                    rc = -1;
                else
                    eq = r == 1;
                /* the pointers into the exporters stay valid: comparing numbers and bytes runs no Python */
            }
        }
        kr_root_reset(vm, mark);
        if (rc < 0)
            return KR_NULL;
    }
    return kr_bool(op == KR_CMP_EQ ? eq : !eq);
}

static int64_t mv_hash(kr_vm *vm, kr_value self)
{
    kr_memoryview *m = MV(self);
    if (m->hash != -1)
        return m->hash;
    uint8_t *base;
    if (mv_sync(vm, m, &base) < 0)
        return -1;
    if (!m->readonly)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "cannot hash writable memoryview object");
    if (!is_byte_format(m->format))
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    /* a read-only view of a mutable object is unhashable as that object is (CPython hashes obj first) */
    if (kr_type_of(vm, m->obj)->hash == kr_hash_unhashable && kr_hash(vm, m->obj) == -1)
        return -1;
    kr_value bytes = mv_tobytes_value(vm, self, false);
    if (!bytes)
        return -1;
    int64_t h = kr_hash(vm, bytes); /* equal to the hash of the equal bytes object, as in CPython */
    if (h != -1)
        MV(self)->hash = h;
    return h;
}

/* ================================================================ methods */

#define SELF args[0]

static kr_value m_tobytes(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"order"};
    kr_value a[1];
    if (kr_args_parse(vm, "tobytes", args + 1, nargs - 1, kwnames, names, 1, 0, 0, a) < 0)
        return KR_NULL;
    bool fortran = false;
    if (a[0] && a[0] != KR_NONE) {
        const char *o = kr_is_str(vm, a[0]) ? kr_str_data(a[0]) : "";
        if (!kr_is_str(vm, a[0]) || kr_str_nbytes(a[0]) != 1 || (o[0] != 'C' && o[0] != 'F' && o[0] != 'A'))
            return kr_raise(vm, KR_EXC(vm, ValueError), "order must be 'C', 'F' or 'A'");
        /* 'A': Fortran order only for a view that is Fortran- but not C-contiguous */
        fortran = o[0] == 'F' || (o[0] == 'A' && !c_contiguous(MV(SELF)) && f_contiguous(MV(SELF)));
    }
    return mv_tobytes_value(vm, SELF, fortran);
}

static kr_value m_tolist(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "tolist", nargs, kwnames) < 0)
        return KR_NULL;
    kr_memoryview *m = MV(SELF);
    uint8_t *base;
    if (mv_sync(vm, m, &base) < 0)
        return KR_NULL;
    if (m->ndim == 0)
        return unpack_item(vm, fmt_char(m->format), base);
    return tolist_rec(vm, SELF, base, 0);
}

static kr_value m_hex(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_value bytes = mv_tobytes_value(vm, SELF, false);
    if (!bytes)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &bytes);
    /* bytes.hex(sep, bytes_per_sep) on the view's bytes: same arguments, same messages */
    kr_value hex = kr_type_lookup_cstr(vm, vm->t.bytes, "hex");
    kr_value r = KR_NULL;
    if (hex) {
        kr_value *call = kr_mem_alloc(vm, sizeof(kr_value) * (size_t)(nargs + (kwnames ? kr_tuple_size(kwnames) : 0)));
        if (call) {
            int total = nargs + (kwnames ? (int)kr_tuple_size(kwnames) : 0);
            call[0] = bytes;
            for (int i = 1; i < total; i++)
                call[i] = args[i];
            r = kr_call(vm, hex, call, nargs, kwnames);
            kr_mem_free(vm, call);
        }
    }
    kr_root_reset(vm, mark);
    return r;
}

static kr_value m_toreadonly(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "toreadonly", nargs, kwnames) < 0)
        return KR_NULL;
    kr_value r = mv_from_object(vm, SELF);
    if (r)
        MV(r)->readonly = 1;
    return r;
}

static kr_value m_release(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "release", nargs, kwnames) < 0)
        return KR_NULL;
    MV(SELF)->released = 1;
    return KR_NONE;
}

static kr_value m_enter(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "__enter__", nargs, kwnames) < 0)
        return KR_NULL;
    if (MV(SELF)->released)
        return released_error(vm), KR_NULL;
    return SELF;
}

static kr_value m_exit(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__exit__", kwnames) < 0)
        return KR_NULL;
    (void)nargs;
    MV(SELF)->released = 1;
    return KR_NONE;
}

/* cast(format, shape=None): C-contiguous views only; byte format <-> any format, 1-D <-> N-D. */
static kr_value m_cast(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"format", "shape"};
    kr_value a[2];
    if (kr_args_parse(vm, "cast", args + 1, nargs - 1, kwnames, names, 2, 1, 0, a) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, a[0]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "cast() argument 'format' must be str, not %s",
                        kr_typename(vm, a[0]));
    kr_memoryview *m = MV(SELF);
    uint8_t *base;
    if (mv_sync(vm, m, &base) < 0)
        return KR_NULL;
    if (!c_contiguous(m))
        return kr_raise(vm, KR_EXC(vm, TypeError), "memoryview: casts are restricted to C-contiguous views");
    const char *fmt = kr_str_data(a[0]);
    int64_t itemsize = native_itemsize(fmt);
    if (itemsize == 0 || (size_t)kr_str_nbytes(a[0]) >= sizeof m->format)
        return kr_raise(vm, KR_EXC(vm, ValueError),
                        "memoryview: destination format must be a native single character format prefixed with an optional '@'");
    if (!is_byte_format(fmt) && !is_byte_format(m->format))
        return kr_raise(vm, KR_EXC(vm, TypeError), "memoryview: cannot cast between two non-byte formats");
    kr_value shape = a[1] && a[1] != KR_NONE ? a[1] : KR_NULL;
    int64_t nbytes = item_count(m) * m->itemsize;
    int64_t dims[KR_MV_MAX_NDIM];
    int32_t ndim = 1;
    if (!shape) {
        if (nbytes % itemsize != 0)
            return kr_raise(vm, KR_EXC(vm, TypeError), "memoryview: length is not a multiple of itemsize");
        dims[0] = nbytes / itemsize;
    } else {
        bool seq = kr_is_ptr(shape) && (KR_OBJ(shape)->type == vm->t.tuple || KR_OBJ(shape)->type == vm->t.list);
        if (!seq)
            return kr_raise(vm, KR_EXC(vm, TypeError), "shape must be a list or a tuple");
        int64_t n = KR_OBJ(shape)->type == vm->t.tuple ? kr_tuple_size(shape) : KR_AS(kr_list, shape)->size;
        kr_value *items = KR_OBJ(shape)->type == vm->t.tuple ? kr_tuple_items(shape) : KR_AS(kr_list, shape)->items;
        if (n > KR_MV_MAX_NDIM)
            return kr_raise(vm, KR_EXC(vm, ValueError), "memoryview: number of dimensions must not exceed %d",
                            KR_MV_MAX_NDIM);
        if (m->ndim != 1 && n != 1)
            return kr_raise(vm, KR_EXC(vm, TypeError), "memoryview: cast must be 1D -> ND or ND -> 1D");
        int64_t product = 1;
        for (int64_t i = 0; i < n; i++) {
            if (!kr_is_small(items[i]) || kr_is_bool(items[i]))
                return kr_raise(vm, KR_EXC(vm, TypeError), "memoryview.cast(): elements of shape must be integers");
            int64_t d = kr_small_val(items[i]);
            if (d <= 0)
                return kr_raise(vm, KR_EXC(vm, ValueError), "memoryview.cast(): elements of shape must be integers > 0");
            if (product > INT64_MAX / d)
                return kr_raise(vm, KR_EXC(vm, ValueError), "memoryview.cast(): product(shape) > SSIZE_MAX");
            product *= d;
            dims[i] = d;
        }
        if (product * itemsize != nbytes)
            return kr_raise(vm, KR_EXC(vm, TypeError), "memoryview: product(shape) * itemsize != buffer size");
        ndim = (int32_t)n;
    }
    kr_memoryview *r = mv_derive(vm, SELF, ndim);
    if (!r)
        return KR_NULL;
    r->itemsize = itemsize;
    memset(r->format, 0, sizeof r->format);
    memcpy(r->format, fmt, (size_t)kr_str_nbytes(a[0]));
    int64_t stride = itemsize;
    for (int32_t k = ndim - 1; k >= 0; k--) {
        SHAPE(r)[k] = dims[k];
        STRIDES(r)[k] = stride;
        stride *= dims[k];
    }
    return KR_VAL(r);
}

static const kr_method_def mv_methods[] = {
    {"tobytes", m_tobytes, 0, "Return the data in the buffer as a byte string."},
    {"tolist", m_tolist, 0, "Return the data in the buffer as a list of elements."},
    {"hex", m_hex, 0, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"toreadonly", m_toreadonly, 0, "Return a readonly version of the memoryview."},
    {"release", m_release, 0, "Release the underlying buffer exposed by the memoryview object."},
    {"cast", m_cast, 0, "Cast a memoryview to a new format or shape."},
    {"__enter__", m_enter, 0, NULL},
    {"__exit__", m_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ================================================================ attributes */

/* Attributes raise on a released view, as CPython's do. */
static kr_memoryview *live(kr_vm *vm, kr_value self)
{
    uint8_t *base;
    return mv_sync(vm, MV(self), &base) < 0 ? NULL : MV(self);
}

static kr_value dims_tuple(kr_vm *vm, kr_value self, bool strides)
{
    kr_memoryview *m = live(vm, self);
    if (!m)
        return KR_NULL;
    kr_value t = kr_tuple_new(vm, m->ndim);
    if (!t)
        return KR_NULL;
    m = MV(self);
    for (int32_t k = 0; k < m->ndim; k++)
        kr_tuple_items(t)[k] = kr_int_from_i64(vm, strides ? STRIDES(m)[k] : SHAPE(m)[k]); /* small */
    return t;
}

static kr_value g_obj(kr_vm *vm, kr_value self) { kr_memoryview *m = live(vm, self); return m ? m->obj : KR_NULL; }
static kr_value g_nbytes(kr_vm *vm, kr_value self)
{
    kr_memoryview *m = live(vm, self);
    return m ? kr_int_from_i64(vm, item_count(m) * m->itemsize) : KR_NULL;
}
static kr_value g_readonly(kr_vm *vm, kr_value self) { kr_memoryview *m = live(vm, self); return m ? kr_bool(m->readonly) : KR_NULL; }
static kr_value g_itemsize(kr_vm *vm, kr_value self) { kr_memoryview *m = live(vm, self); return m ? kr_small(m->itemsize) : KR_NULL; }
static kr_value g_format(kr_vm *vm, kr_value self) { kr_memoryview *m = live(vm, self); return m ? kr_str_from_cstr(vm, m->format) : KR_NULL; }
static kr_value g_ndim(kr_vm *vm, kr_value self) { kr_memoryview *m = live(vm, self); return m ? kr_small(m->ndim) : KR_NULL; }
static kr_value g_shape(kr_vm *vm, kr_value self) { return dims_tuple(vm, self, false); }
static kr_value g_strides(kr_vm *vm, kr_value self) { return dims_tuple(vm, self, true); }
static kr_value g_suboffsets(kr_vm *vm, kr_value self) { return live(vm, self) ? vm->empty_tuple : KR_NULL; }
static kr_value g_c_contiguous(kr_vm *vm, kr_value self) { kr_memoryview *m = live(vm, self); return m ? kr_bool(c_contiguous(m)) : KR_NULL; }
static kr_value g_f_contiguous(kr_vm *vm, kr_value self) { kr_memoryview *m = live(vm, self); return m ? kr_bool(f_contiguous(m)) : KR_NULL; }
static kr_value g_contiguous(kr_vm *vm, kr_value self)
{
    kr_memoryview *m = live(vm, self);
    return m ? kr_bool(c_contiguous(m) || f_contiguous(m)) : KR_NULL;
}

static const kr_getset_def mv_getsets[] = {
    {"obj", g_obj, NULL, "The underlying object of the memoryview."},
    {"nbytes", g_nbytes, NULL, "The amount of space in bytes that the array would use in a contiguous representation."},
    {"readonly", g_readonly, NULL, "A bool indicating whether the memory is read only."},
    {"itemsize", g_itemsize, NULL, "The size in bytes of each element of the memoryview."},
    {"format", g_format, NULL, "A string containing the format (in struct module style) for each element in the view."},
    {"ndim", g_ndim, NULL, "An integer indicating how many dimensions of a multi-dimensional array the memory represents."},
    {"shape", g_shape, NULL, "A tuple of ndim integers giving the shape of the memory as an N-dimensional array."},
    {"strides", g_strides, NULL, "A tuple of ndim integers giving the size in bytes to access each element for each dimension of the array."},
    {"suboffsets", g_suboffsets, NULL, "A tuple of integers used internally for PIL-style arrays."},
    {"c_contiguous", g_c_contiguous, NULL, "A bool indicating whether the memory is C contiguous."},
    {"f_contiguous", g_f_contiguous, NULL, "A bool indicating whether the memory is Fortran contiguous."},
    {"contiguous", g_contiguous, NULL, "A bool indicating whether the memory is contiguous."},
    {NULL, NULL, NULL, NULL},
};

void kr_memoryview_init(kr_vm *vm)
{
    kr_type *t = kr_type_new_builtin(vm, "memoryview", vm->t.object, sizeof(kr_memoryview), 0);
    t->trace = mv_trace;
    t->new_ = mv_new;
    t->repr = mv_repr;
    t->hash = mv_hash;
    t->richcompare = mv_richcompare;
    t->len = mv_len;
    t->getitem = mv_getitem;
    t->setitem = mv_setitem;
    t->iter = mv_iter;
    t->getbuffer = mv_getbuffer;
    t->methods = mv_methods;
    t->getsets = mv_getsets;
    vm->t.memoryview = t;
}
