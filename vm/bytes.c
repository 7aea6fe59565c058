/* bytes.c: bytes (immutable, data inline, data[size] == 0) and bytearray (mutable, kr_mem_alloc'd buffer
 * with cap >= size + 1 and data[size] == 0 kept for C callers), their shared methods and iterator.
 * Methods are written once over (data, size) and produce a result of the receiver's kind: bytes methods
 * on a bytearray return bytearrays, as in CPython. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem, memrchr */
#endif
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "format.h"
#include "list.h"
#include "memoryview.h"
#include "str.h"

#define SELF args[0]

/* ================================================================ basics */

bool kr_is_bytes(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && (KR_OBJ(v)->type == vm->t.bytes || kr_type_is_subtype(KR_OBJ(v)->type, vm->t.bytes));
}

bool kr_is_bytearray(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) &&
           (KR_OBJ(v)->type == vm->t.bytearray || kr_type_is_subtype(KR_OBJ(v)->type, vm->t.bytearray));
}

int kr_bytes_buffer(kr_vm *vm, kr_value v, const uint8_t **data, int64_t *n)
{
    if (kr_is_bytes(vm, v)) {
        *data = KR_AS(kr_bytes, v)->data;
        *n = KR_AS(kr_bytes, v)->size;
        return 0;
    }
    if (kr_is_bytearray(vm, v)) {
        kr_bytearray *b = KR_AS(kr_bytearray, v);
        *data = b->data ? b->data : (const uint8_t *)"";
        *n = b->size;
        return 0;
    }
    kr_type *t = kr_type_of(vm, v);
    if (t->getbuffer) {
        kr_buffer view;
        if (t->getbuffer(vm, v, &view) < 0)
            return -1;
        *data = view.buf;
        *n = view.len;
        return 0;
    }
    return kr_raise_i(vm, KR_EXC(vm, TypeError), "a bytes-like object is required, not '%s'", kr_typename(vm, v));
}

static int bytes_getbuffer(kr_vm *vm, kr_value self, kr_buffer *view)
{
    (void)vm;
    *view = (kr_buffer){.buf = KR_AS(kr_bytes, self)->data, .len = KR_AS(kr_bytes, self)->size, .itemsize = 1,
                        .format = "B", .ndim = 1, .readonly = true};
    return 0;
}

static int bytearray_getbuffer(kr_vm *vm, kr_value self, kr_buffer *view)
{
    (void)vm;
    kr_bytearray *b = KR_AS(kr_bytearray, self);
    /* an empty bytearray may have no storage yet: a valid pointer to no bytes (never written) */
    *view = (kr_buffer){.buf = b->data ? b->data : (uint8_t *)"", .len = b->size, .itemsize = 1, .format = "B",
                        .ndim = 1, .readonly = false};
    return 0;
}

static kr_bytes *bytes_alloc_type(kr_vm *vm, kr_type *t, int64_t n)
{
    if (n < 0 || (uint64_t)n > (uint64_t)INT64_MAX / 2) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    kr_bytes *b = kr_gc_alloc(vm, t, sizeof(kr_bytes) + (size_t)n + 1);
    if (!b)
        return NULL;
    b->hash = -1;
    b->size = n;
    b->data[n] = 0;
    return b;
}

kr_bytes *kr_bytes_alloc(kr_vm *vm, int64_t n) { return bytes_alloc_type(vm, vm->t.bytes, n); }

kr_value kr_bytes_new(kr_vm *vm, const void *data, size_t n)
{
    if (n == 0 && vm->empty_bytes)
        return vm->empty_bytes;
    kr_bytes *b = bytes_alloc_type(vm, vm->t.bytes, (int64_t)n);
    if (!b)
        return KR_NULL;
    if (n)
        memcpy(b->data, data, n);
    else
        vm->empty_bytes = KR_VAL(b); /* traced by kr_str_trace_roots */
    return KR_VAL(b);
}

#define BA(v) KR_AS(kr_bytearray, v)

static int ba_reserve(kr_vm *vm, kr_bytearray *b, int64_t need)
{
    if (need < 0 || need > INT64_MAX / 4) { /* also keeps the growth below from overflowing */
        kr_raise_nomemory(vm);
        return -1;
    }
    if (need + 1 <= b->cap)
        return 0;
    int64_t cap = b->cap < 16 ? 16 : b->cap;
    while (cap < need + 1)
        cap = cap + cap / 2 + 8;
    uint8_t *p = b->data ? kr_mem_realloc(vm, b->data, (size_t)cap) : kr_mem_alloc(vm, (size_t)cap);
    if (!p)
        return -1;
    b->data = p;
    b->cap = cap;
    return 0;
}

static kr_value bytearray_new_type(kr_vm *vm, kr_type *t, const void *data, size_t n)
{
    kr_bytearray *b = kr_gc_alloc(vm, t, sizeof(kr_bytearray));
    if (!b)
        return KR_NULL;
    if (ba_reserve(vm, b, (int64_t)n) < 0)
        return KR_NULL;
    if (n)
        memcpy(b->data, data, n);
    b->size = (int64_t)n;
    b->data[n] = 0;
    return KR_VAL(b);
}

kr_value kr_bytearray_new(kr_vm *vm, const void *data, size_t n)
{
    return bytearray_new_type(vm, vm->t.bytearray, data, n);
}

/* A new object of the receiver's kind (bytes or bytearray) with the given content. */
static kr_value make_like(kr_vm *vm, kr_value self, const void *data, size_t n)
{
    if (kr_is_bytearray(vm, self))
        return kr_bytearray_new(vm, data, n);
    if (KR_OBJ(self)->type == vm->t.bytes && (size_t)kr_bytes_size(self) == n && data == kr_bytes_data(self))
        return self;
    return kr_bytes_new(vm, data, n);
}

static kr_value sb_to_like(kr_vm *vm, kr_value self, kr_sb *sb)
{
    if (sb->failed) {
        kr_sb_free(sb);
        return kr_raise_nomemory(vm);
    }
    kr_value r = make_like(vm, self, sb->buf ? sb->buf : "", sb->len);
    kr_sb_free(sb);
    return r;
}

#define BDATA(v, d, n) \
    const uint8_t *d; \
    int64_t n; \
    kr_bytes_buffer(vm, v, &d, &n)

/* ================================================================ repr */

kr_value kr_bytes_repr(kr_vm *vm, kr_value v)
{
    BDATA(v, d, n);
    kr_sb sb;
    kr_sb_init(&sb);
    bool ba = kr_is_bytearray(vm, v);
    if (ba) {
        kr_sb_append_cstr(&sb, KR_OBJ(v)->type->name_c);
        kr_sb_append_char(&sb, '(');
    }
    bool sq = memchr(d, '\'', (size_t)n) != NULL, dq = memchr(d, '"', (size_t)n) != NULL;
    char q = (sq && !dq) ? '"' : '\'';
    /* bytearray's repr escapes a single quote even inside double quotes (CPython's bytearray_repr). */
    char q2 = ba ? '\'' : q;
    kr_sb_append_char(&sb, 'b');
    kr_sb_append_char(&sb, q);
    static const char hex[] = "0123456789abcdef";
    for (int64_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        if (c == q || c == q2 || c == '\\') {
            kr_sb_append_char(&sb, '\\');
            kr_sb_append_char(&sb, (char)c);
        } else if (c == '\t') {
            kr_sb_append(&sb, "\\t", 2);
        } else if (c == '\n') {
            kr_sb_append(&sb, "\\n", 2);
        } else if (c == '\r') {
            kr_sb_append(&sb, "\\r", 2);
        } else if (c < 0x20 || c >= 0x7f) {
            char e[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
            kr_sb_append(&sb, e, 4);
        } else {
            kr_sb_append_char(&sb, (char)c);
        }
    }
    kr_sb_append_char(&sb, q);
    if (ba)
        kr_sb_append_char(&sb, ')');
    return kr_sb_finish(vm, &sb);
}

static kr_value bytes_repr_slot(kr_vm *vm, kr_value self) { return kr_bytes_repr(vm, self); }

/* ================================================================ construction */

static int byte_value(kr_vm *vm, kr_value v, uint8_t *out, const char *range_msg)
{
    int64_t x;
    if (kr_is_small(v)) {
        x = kr_small_val(v);
    } else if (kr_is_bool(v)) {
        x = v == KR_TRUE;
    } else {
        if (!kr_type_of(vm, v)->index)
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer",
                              kr_typename(vm, v));
        if (kr_index_i64(vm, v, &x) < 0) {
            if (!kr_err_matches(vm, KR_EXC(vm, OverflowError)))
                return -1;
            kr_err_clear(vm);
            x = -1;
        }
    }
    if (x < 0 || x > 255)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "%s", range_msg);
    *out = (uint8_t)x;
    return 0;
}

/* The bytes of x for bytes(x)/bytearray(x)/extend(x) into sb (no encoding). */
static int collect_bytes(kr_vm *vm, kr_value x, kr_sb *sb, const char *range_msg, bool allow_count,
                         const char *ctor)
{
    const uint8_t *d;
    int64_t n;
    if (kr_is_bytes(vm, x) || kr_is_bytearray(vm, x)) {
        kr_bytes_buffer(vm, x, &d, &n);
        kr_sb_append(sb, (const char *)d, (size_t)n);
        return 0;
    }
    int rc_buffer = kr_buffer_append_to(vm, x, sb);
    if (rc_buffer != 0)
        return rc_buffer < 0 ? -1 : 0;
    if (kr_is_str(vm, x))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), allow_count ? "string argument without an encoding"
                                                                 : "expected iterable of integers; got: 'str'");
    if (allow_count && kr_type_of(vm, x)->index) {
        int64_t count;
        if (kr_index_i64(vm, x, &count) < 0)
            return -1;
        if (count < 0)
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "negative count");
        if (count > ((int64_t)1 << 40)) {
            kr_raise_nomemory(vm);
            return -1;
        }
        for (int64_t i = 0; i < count; i++)
            kr_sb_append_char(sb, 0);
        return 0;
    }
    kr_value it = kr_iter(vm, x);
    if (!it) {
        if (kr_err_matches(vm, KR_EXC(vm, TypeError))) {
            kr_err_clear(vm);
            if (allow_count)
                return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot convert '%s' object to %s", kr_typename(vm, x),
                                  ctor);
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "can't extend bytearray with %s", kr_typename(vm, x));
        }
        return -1;
    }
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &it);
    int rc = 0;
    for (;;) {
        kr_value v = kr_next(vm, it);
        if (!v) {
            rc = kr_err_occurred(vm) ? -1 : 0;
            break;
        }
        uint8_t b;
        if (byte_value(vm, v, &b, range_msg) < 0) {
            rc = -1;
            break;
        }
        kr_sb_append_char(sb, (char)b);
    }
    kr_root_reset(vm, m);
    return rc;
}

kr_value kr_bytes_from_object(kr_vm *vm, kr_value x)
{
    if (kr_is_ptr(x) && KR_OBJ(x)->type == vm->t.bytes)
        return x;
    kr_sb sb;
    kr_sb_init(&sb);
    if (collect_bytes(vm, x, &sb, "bytes must be in range(0, 256)", true, "bytes") < 0) {
        kr_sb_free(&sb);
        return KR_NULL;
    }
    if (sb.failed) {
        kr_sb_free(&sb);
        return kr_raise_nomemory(vm);
    }
    kr_value r = kr_bytes_new(vm, sb.buf ? sb.buf : "", sb.len);
    kr_sb_free(&sb);
    return r;
}

/* The (source, encoding, errors) rules shared by bytes() and bytearray() (CPython's bytes_new_impl):
 * returns 1 with *out set to the encoded bytes when encoding was given, 0 when source must be converted
 * as an object (encoding and errors absent), -1 with TypeError otherwise. a[0] absent with no
 * encoding/errors also returns 1 with *out = KR_NULL (the empty result). */
static int source_encoding_args(kr_vm *vm, const char *fname, const kr_value a[3], kr_value *out)
{
    *out = KR_NULL;
    for (int i = 1; i < 3; i++)
        if (a[i] && !kr_is_str(vm, a[i]))
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() argument '%s' must be str, not %s", fname,
                              i == 1 ? "encoding" : "errors", kr_typename(vm, a[i]));
    if (!a[0]) {
        if (a[1] || a[2])
            return kr_raise_i(vm, KR_EXC(vm, TypeError), a[1] ? "encoding without a string argument"
                                                              : "errors without a string argument");
        return 1;
    }
    if (a[1]) {
        if (!kr_is_str(vm, a[0]))
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "encoding without a string argument");
        *out = kr_str_encode(vm, a[0], kr_str_data(a[1]), a[2] ? kr_str_data(a[2]) : NULL);
        return *out ? 1 : -1;
    }
    if (a[2])
        return kr_raise_i(vm, KR_EXC(vm, TypeError), kr_is_str(vm, a[0]) ? "string argument without an encoding"
                                                                        : "errors without a string argument");
    if (kr_is_str(vm, a[0]))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "string argument without an encoding");
    return 0;
}

static kr_value bytes_new_slot(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"source", "encoding", "errors"};
    kr_value a[3];
    if (kr_args_parse(vm, "bytes", args, nargs, kwnames, names, 3, 0, 0, a) < 0)
        return KR_NULL;
    kr_value r;
    int k = source_encoding_args(vm, "bytes", a, &r);
    if (k < 0)
        return KR_NULL;
    if (k == 1) {
        if (!r)
            r = kr_bytes_new(vm, "", 0);
    } else if (kr_is_str(vm, a[0])) {
        return kr_raise(vm, KR_EXC(vm, TypeError), "string argument without an encoding");
    } else {
        kr_value f = KR_NULL;
        kr_type *t = kr_type_of(vm, a[0]);
        if ((t->flags & KR_TF_HEAPTYPE) && (f = kr_type_lookup_cstr(vm, t, "__bytes__")) != KR_NULL) {
            r = kr_call_method(vm, a[0], "__bytes__", NULL, 0);
            if (r && !kr_is_bytes(vm, r))
                return kr_raise(vm, KR_EXC(vm, TypeError), "__bytes__ returned non-bytes (type %s)",
                                kr_typename(vm, r));
        } else {
            r = kr_bytes_from_object(vm, a[0]);
        }
    }
    if (!r || cls == vm->t.bytes)
        return r;
    kr_bytes *b = bytes_alloc_type(vm, cls, kr_bytes_size(r));
    if (!b)
        return KR_NULL;
    memcpy(b->data, kr_bytes_data(r), (size_t)kr_bytes_size(r));
    return KR_VAL(b);
}

static kr_value bytearray_new_slot(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    return bytearray_new_type(vm, cls, "", 0);
}

static int bytearray_init_slot(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"source", "encoding", "errors"};
    kr_value a[3];
    if (kr_args_parse(vm, "bytearray", args, nargs, kwnames, names, 3, 0, 0, a) < 0)
        return -1;
    kr_value e;
    int k = source_encoding_args(vm, "bytearray", a, &e);
    if (k < 0)
        return -1;
    kr_sb sb;
    kr_sb_init(&sb);
    if (k == 1) {
        if (e)
            kr_sb_append(&sb, (const char *)kr_bytes_data(e), (size_t)kr_bytes_size(e));
    } else if (collect_bytes(vm, a[0], &sb, "byte must be in range(0, 256)", true, "bytearray") < 0) {
        kr_sb_free(&sb);
        return -1;
    }
    kr_bytearray *b = KR_AS(kr_bytearray, self);
    if (sb.failed || ba_reserve(vm, b, (int64_t)sb.len) < 0) {
        kr_sb_free(&sb);
        if (!kr_err_occurred(vm))
            kr_raise_nomemory(vm);
        return -1;
    }
    if (sb.len)
        memcpy(b->data, sb.buf, sb.len);
    b->size = (int64_t)sb.len;
    b->data[b->size] = 0;
    kr_sb_free(&sb);
    return 0;
}

static void bytearray_trace(kr_vm *vm, kr_object *self) { kr_gc_mark(vm, ((kr_bytearray *)self)->attrs); }

static void bytearray_finalize(kr_vm *vm, kr_object *self)
{
    kr_bytearray *b = (kr_bytearray *)self;
    if (b->data)
        kr_mem_free(vm, b->data);
    b->data = NULL;
}

/* ================================================================ protocol slots */

static int64_t bytes_hash_slot(kr_vm *vm, kr_value self)
{
    kr_bytes *b = KR_AS(kr_bytes, self);
    if (b->hash == -1) {
        int64_t h = (int64_t)kr_hash_bytes(vm, b->data, (size_t)b->size);
        b->hash = h == -1 ? -2 : h;
    }
    return b->hash;
}

static bool is_bytes_or_bytearray(kr_vm *vm, kr_value v) { return kr_is_bytes(vm, v) || kr_is_bytearray(vm, v); }

/* An argument CPython accepts as a "bytes-like object": bytes, bytearray, or any C-contiguous buffer
 * (a memoryview); kr_bytes_buffer then reads it without failing. */
static bool bytes_like(kr_vm *vm, kr_value v)
{
    if (is_bytes_or_bytearray(vm, v))
        return true;
    kr_type *t = kr_type_of(vm, v);
    kr_buffer view;
    if (!t->getbuffer)
        return false;
    if (t->getbuffer(vm, v, &view) < 0) {
        kr_err_clear(vm);
        return false;
    }
    return true;
}

static kr_value bytes_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!is_bytes_or_bytearray(vm, a) || !is_bytes_or_bytearray(vm, b))
        return KR_NOTIMPL;
    BDATA(a, da, na);
    BDATA(b, db, nb);
    if ((op == KR_CMP_EQ || op == KR_CMP_NE) && na != nb)
        return kr_bool(op == KR_CMP_NE);
    int c = memcmp(da, db, (size_t)(na < nb ? na : nb));
    if (c == 0)
        c = na < nb ? -1 : na > nb;
    switch (op) {
    case KR_CMP_EQ: return kr_bool(c == 0);
    case KR_CMP_NE: return kr_bool(c != 0);
    case KR_CMP_LT: return kr_bool(c < 0);
    case KR_CMP_LE: return kr_bool(c <= 0);
    case KR_CMP_GT: return kr_bool(c > 0);
    default: return kr_bool(c >= 0);
    }
}

static int64_t bytes_len_slot(kr_vm *vm, kr_value self)
{
    if (kr_is_bytearray(vm, self))
        return KR_AS(kr_bytearray, self)->size;
    return kr_bytes_size(self);
}

static int bytes_bool_slot(kr_vm *vm, kr_value self) { return bytes_len_slot(vm, self) != 0; }

static bool other_has(kr_vm *vm, kr_value other, const char *name)
{
    kr_type *t = kr_type_of(vm, other);
    return (t->flags & KR_TF_HEAPTYPE) && kr_type_lookup_cstr(vm, t, name) != KR_NULL;
}

static kr_value bytes_add(kr_vm *vm, kr_value a, kr_value b)
{
    if (!is_bytes_or_bytearray(vm, a))
        return KR_NOTIMPL;
    if (!bytes_like(vm, b)) {
        if (other_has(vm, b, "__radd__"))
            return KR_NOTIMPL;
        return kr_raise(vm, KR_EXC(vm, TypeError), "can't concat %s to %s", kr_typename(vm, b), kr_typename(vm, a));
    }
    BDATA(a, da, na);
    BDATA(b, db, nb);
    if (kr_is_bytearray(vm, a)) {
        kr_value r = kr_bytearray_new(vm, da, (size_t)na);
        if (!r)
            return KR_NULL;
        kr_bytearray *x = KR_AS(kr_bytearray, r);
        BDATA(b, db2, nb2); /* b may be a itself: reread after the allocation */
        if (ba_reserve(vm, x, na + nb2) < 0)
            return KR_NULL;
        memcpy(x->data + na, db2, (size_t)nb2);
        x->size = na + nb2;
        x->data[x->size] = 0;
        return r;
    }
    if (nb == 0 && KR_OBJ(a)->type == vm->t.bytes)
        return a;
    kr_bytes *r = kr_bytes_alloc(vm, na + nb);
    if (!r)
        return KR_NULL;
    memcpy(r->data, da, (size_t)na);
    memcpy(r->data + na, db, (size_t)nb);
    return KR_VAL(r);
}

/* The count of seq * n: __index__, OverflowError "cannot fit 'int' into an index-sized integer" beyond
 * int64 of either sign (CPython's PyNumber_AsSsize_t(n, OverflowError)). */
static int repeat_count(kr_vm *vm, kr_value n, int64_t *k)
{
    if (kr_is_small(n)) {
        *k = kr_small_val(n);
        return 0;
    }
    return kr_index_i64(vm, n, k);
}

/* out[0..total) = src[0..len) repeated (total is a multiple of len; src may be out itself), with
 * doubling copies: O(log(total/len)) memcpy calls. out[total] = 0. */
static void fill_repeated(uint8_t *out, const uint8_t *src, int64_t len, int64_t total)
{
    if (total > 0) {
        memmove(out, src, (size_t)len);
        for (int64_t done = len; done < total;) {
            int64_t chunk = done < total - done ? done : total - done;
            memcpy(out + done, out, (size_t)chunk);
            done += chunk;
        }
    }
    out[total] = 0;
}

static kr_value bytes_mul(kr_vm *vm, kr_value a, kr_value b)
{
    kr_value s = a, n = b;
    if (!is_bytes_or_bytearray(vm, a)) {
        s = b;
        n = a;
    }
    if (!kr_type_of(vm, n)->index) {
        if (other_has(vm, n, s == a ? "__rmul__" : "__mul__"))
            return KR_NOTIMPL;
        return kr_raise(vm, KR_EXC(vm, TypeError), "can't multiply sequence by non-int of type '%s'",
                        kr_typename(vm, n));
    }
    int64_t k;
    if (repeat_count(vm, n, &k) < 0) /* may run __index__: read s's buffer only afterwards */
        return KR_NULL;
    bool ba = kr_is_bytearray(vm, s);
    BDATA(s, d, len);
    if (k < 0)
        k = 0;
    if (len && k > INT64_MAX / len) /* CPython: bytes say OverflowError, bytearray MemoryError */
        return ba ? kr_raise_nomemory(vm) : kr_raise(vm, KR_EXC(vm, OverflowError), "repeated bytes are too long");
    if (k == 1 && KR_OBJ(s)->type == vm->t.bytes)
        return s;
    int64_t total = len * k;
    kr_value r;
    uint8_t *out;
    if (ba) {
        r = kr_bytearray_new(vm, "", 0);
        if (!r || ba_reserve(vm, BA(r), total) < 0)
            return KR_NULL;
        BA(r)->size = total;
        out = BA(r)->data;
    } else {
        if (total == 0)
            return kr_bytes_new(vm, "", 0);
        kr_bytes *o = kr_bytes_alloc(vm, total);
        if (!o)
            return KR_NULL;
        r = KR_VAL(o);
        out = o->data;
    }
    fill_repeated(out, d, len, total);
    return r;
}

static kr_value bytes_mod(kr_vm *vm, kr_value a, kr_value b)
{
    if (!is_bytes_or_bytearray(vm, a))
        return KR_NOTIMPL;
    return kr_str_mod_format(vm, a, b);
}

static kr_value bytes_getitem(kr_vm *vm, kr_value self, kr_value key)
{
    BDATA(self, d, n);
    bool ba = kr_is_bytearray(vm, self);
    if (kr_is_ptr(key) && KR_OBJ(key)->type == vm->t.slice) {
        int64_t start, stop, step;
        int64_t len = kr_slice_indices(vm, key, n, &start, &stop, &step);
        if (len < 0)
            return KR_NULL;
        if (step == 1)
            return ba ? kr_bytearray_new(vm, d + start, (size_t)len) : make_like(vm, self, d + start, (size_t)len);
        kr_sb sb;
        kr_sb_init(&sb);
        for (int64_t k = 0, j = start; k < len; k++, j += step)
            kr_sb_append_char(&sb, (char)d[j]);
        return sb_to_like(vm, self, &sb);
    }
    int64_t i;
    if (kr_is_small(key)) {
        i = kr_small_val(key);
    } else if (kr_type_of(vm, key)->index) {
        if (kr_seq_index_key(vm, key, &i, ba ? "bytearray" : "byte") < 0)
            return KR_NULL;
    } else {
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s indices must be integers or slices, not %s",
                        ba ? "bytearray" : "byte", kr_typename(vm, key));
    }
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return kr_raise(vm, KR_EXC(vm, IndexError), ba ? "bytearray index out of range" : "index out of range");
    return kr_small(d[i]);
}

static int64_t bfind(const uint8_t *h, int64_t hn, const uint8_t *s, int64_t sn)
{
    if (sn == 0)
        return 0;
    if (sn > hn)
        return -1;
    const uint8_t *p = sn == 1 ? memchr(h, s[0], (size_t)hn) : memmem(h, (size_t)hn, s, (size_t)sn);
    return p ? p - h : -1;
}

static int64_t brfind(const uint8_t *h, int64_t hn, const uint8_t *s, int64_t sn)
{
    if (sn > hn)
        return -1;
    if (sn == 0)
        return hn;
    for (int64_t i = hn - sn; i >= 0; i--)
        if (h[i] == s[0] && memcmp(h + i, s, (size_t)sn) == 0)
            return i;
    return -1;
}

static int bytes_contains(kr_vm *vm, kr_value self, kr_value item)
{
    BDATA(self, d, n);
    if (kr_is_small(item) || kr_is_bool(item) || (kr_type_of(vm, item)->index && !bytes_like(vm, item))) {
        uint8_t b;
        if (byte_value(vm, item, &b, "byte must be in range(0, 256)") < 0)
            return -1;
        return memchr(d, b, (size_t)n) != NULL;
    }
    const uint8_t *s;
    int64_t sn;
    if (kr_bytes_buffer(vm, item, &s, &sn) < 0)
        return -1;
    return bfind(d, n, s, sn) >= 0;
}

/* ---- iterator ---- */
typedef struct bytes_iter {
    kr_object ob;
    kr_value seq; /* KR_NULL once exhausted */
    int64_t index;
} bytes_iter;

static void bytes_iter_trace(kr_vm *vm, kr_object *self) { kr_gc_mark(vm, ((bytes_iter *)self)->seq); }

static kr_value bytes_iter_slot(kr_vm *vm, kr_value self)
{
    bytes_iter *it = kr_gc_alloc(vm, vm->t.bytes_iter, sizeof(bytes_iter));
    if (!it)
        return KR_NULL;
    it->seq = self;
    return KR_VAL(it);
}

static kr_value bytes_iter_next(kr_vm *vm, kr_value self)
{
    bytes_iter *it = KR_AS(bytes_iter, self);
    if (!it->seq)
        return KR_NULL;
    BDATA(it->seq, d, n);
    if (it->index >= n) {
        it->seq = KR_NULL;
        return KR_NULL;
    }
    return kr_small(d[it->index++]);
}

static kr_value bytes_iter_self(kr_vm *vm, kr_value self) { (void)vm; return self; }

/* ================================================================ methods (bytes and bytearray) */

/* Argument checks for a method without keyword parameters; nargs counts self (args[0]), which is the
 * receiver (or the class, for classmethods: `self` may be a type). CPython names the method with its
 * type ("bytearray.pop()") in the keyword, no-argument and one-argument messages, and bare in the
 * "expected at most N arguments" ones. */
static int margs_self(kr_vm *vm, kr_value self, const char *name, int nargs, kr_value kwnames, int min, int max)
{
    bool ba = kr_is_ptr(self) && (KR_OBJ(self)->type == vm->t.type ||
                                  kr_type_is_subtype(KR_OBJ(self)->type, vm->t.type))
                  ? kr_type_is_subtype((kr_type *)KR_OBJ(self), vm->t.bytearray)
                  : kr_is_bytearray(vm, self);
    const char *tn = ba ? "bytearray" : "bytes";
    if (kwnames && kr_tuple_size(kwnames) > 0)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s.%s() takes no keyword arguments", tn, name);
    int n = nargs - 1;
    if (n >= min && n <= max)
        return 0;
    if (max == 0)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s.%s() takes no arguments (%d given)", tn, name, n);
    if (min == 1 && max == 1)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s.%s() takes exactly one argument (%d given)", tn, name, n);
    return kr_args_count(vm, name, n, min, max);
}
#define margs(vm, name, nargs, kwnames, min, max) margs_self(vm, args[0], name, nargs, kwnames, min, max)

/* An integer argument through __index__ with the messages of CPython's argument converters: "n"
 * (Py_ssize_t) or, when c_int, "i" (C int); OverflowError "Python int too large to convert to C ..."
 * when out of range. */
static int int_arg(kr_vm *vm, kr_value v, int64_t *out, bool c_int)
{
    if (kr_index_ssize(vm, v, out) < 0) {
        if (!c_int || !kr_err_matches(vm, KR_EXC(vm, OverflowError)))
            return -1;
        kr_err_clear(vm); /* beyond int64: the C int message below */
        *out = INT64_MAX;
    }
    if (c_int && (*out > INT32_MAX || *out < INT32_MIN))
        return kr_raise_i(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C int");
    return 0;
}

/* A "sub" argument: bytes-like, or an int 0..255 (a one-byte needle). */
static int sub_arg(kr_vm *vm, kr_value v, const uint8_t **d, int64_t *n, uint8_t *one)
{
    if (bytes_like(vm, v))
        return kr_bytes_buffer(vm, v, d, n);
    if (kr_is_small(v) || kr_is_bool(v) || kr_type_of(vm, v)->index) {
        if (byte_value(vm, v, one, "byte must be in range(0, 256)") < 0)
            return -1;
        *d = one;
        *n = 1;
        return 0;
    }
    return kr_raise_i(vm, KR_EXC(vm, TypeError), "argument should be integer or bytes-like object, not '%s'",
                      kr_typename(vm, v));
}

static int bound(kr_vm *vm, kr_value v, int64_t *out)
{
    if (!v || v == KR_NONE)
        return 0;
    if (kr_is_small(v)) {
        *out = kr_small_val(v);
        return 0;
    }
    if (!kr_type_of(vm, v)->index)
        return kr_raise_i(vm, KR_EXC(vm, TypeError),
                          "slice indices must be integers or None or have an __index__ method");
    if (kr_index_i64(vm, v, out) < 0) {
        if (!kr_err_matches(vm, KR_EXC(vm, OverflowError)))
            return -1;
        kr_err_clear(vm);
        kr_value iv = kr_index(vm, v); /* an int beyond int64: clamp by sign (_PyEval_SliceIndex) */
        if (!iv)
            return -1;
        *out = kr_int_sign(iv) < 0 ? -INT64_MAX / 2 : INT64_MAX / 2;
    }
    return 0;
}

static void adjust(int64_t *start, int64_t *end, int64_t len)
{
    if (*end > len) *end = len;
    else if (*end < 0) { *end += len; if (*end < 0) *end = 0; }
    if (*start < 0) { *start += len; if (*start < 0) *start = 0; }
}

static kr_value bfind_common(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, int mode)
{
    /* mode: 0 find, 1 rfind, 2 index, 3 rindex, 4 count */
    if (margs(vm, name, nargs, kwnames, 1, 3) < 0)
        return KR_NULL;
    const uint8_t *s;
    int64_t sn;
    uint8_t one;
    if (sub_arg(vm, args[1], &s, &sn, &one) < 0)
        return KR_NULL;
    int64_t start = 0, end = INT64_MAX;
    if ((nargs > 2 && bound(vm, args[2], &start) < 0) || (nargs > 3 && bound(vm, args[3], &end) < 0))
        return KR_NULL;
    BDATA(SELF, d, n);
    adjust(&start, &end, n);
    if (mode == 4) {
        if (end - start < sn)
            return kr_small(0);
        if (sn == 0)
            return kr_small(end - start + 1);
        int64_t c = 0, i = start;
        for (;;) {
            int64_t f = bfind(d + i, end - i, s, sn);
            if (f < 0)
                break;
            c++;
            i += f + sn;
        }
        return kr_small(c);
    }
    int64_t f = -1;
    if (end - start >= sn) {
        f = (mode & 1) ? brfind(d + start, end - start, s, sn) : bfind(d + start, end - start, s, sn);
        if (f >= 0)
            f += start;
    }
    if (f < 0 && mode >= 2)
        return kr_raise(vm, KR_EXC(vm, ValueError), "subsection not found");
    return kr_small(f);
}

static kr_value b_find(kr_vm *vm, kr_value *a, int n, kr_value k) { return bfind_common(vm, a, n, k, "find", 0); }
static kr_value b_rfind(kr_vm *vm, kr_value *a, int n, kr_value k) { return bfind_common(vm, a, n, k, "rfind", 1); }
static kr_value b_index(kr_vm *vm, kr_value *a, int n, kr_value k) { return bfind_common(vm, a, n, k, "index", 2); }
static kr_value b_rindex(kr_vm *vm, kr_value *a, int n, kr_value k) { return bfind_common(vm, a, n, k, "rindex", 3); }
static kr_value b_count(kr_vm *vm, kr_value *a, int n, kr_value k) { return bfind_common(vm, a, n, k, "count", 4); }

static kr_value b_starts_ends(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, bool ends)
{
    if (margs(vm, name, nargs, kwnames, 1, 3) < 0)
        return KR_NULL;
    int64_t start = 0, end = INT64_MAX;
    if ((nargs > 2 && bound(vm, args[2], &start) < 0) || (nargs > 3 && bound(vm, args[3], &end) < 0))
        return KR_NULL;
    kr_value p = args[1];
    const kr_value *c = &p;
    int64_t nc = 1;
    if (kr_is_ptr(p) && KR_OBJ(p)->type == vm->t.tuple) {
        c = kr_tuple_items(p);
        nc = kr_tuple_size(p);
    } else if (!bytes_like(vm, p)) {
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s first arg must be bytes or a tuple of bytes, not %s", name,
                        kr_typename(vm, p));
    }
    BDATA(SELF, d, n);
    adjust(&start, &end, n);
    for (int64_t i = 0; i < nc; i++) {
        const uint8_t *s;
        int64_t sn;
        if (!bytes_like(vm, c[i]))
            return kr_raise(vm, KR_EXC(vm, TypeError), "a bytes-like object is required, not '%s'",
                            kr_typename(vm, c[i]));
        kr_bytes_buffer(vm, c[i], &s, &sn);
        if (start > n || end - start < sn)
            continue;
        if (memcmp(d + (ends ? end - sn : start), s, (size_t)sn) == 0)
            return KR_TRUE;
    }
    return KR_FALSE;
}
static kr_value b_startswith(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_starts_ends(vm, a, n, k, "startswith", false); }
static kr_value b_endswith(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_starts_ends(vm, a, n, k, "endswith", true); }

static inline bool b_space(uint8_t c) { return c == ' ' || (c >= 9 && c <= 13); }

static kr_value b_split_common(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, bool rev)
{
    static const char *const names[] = {"sep", "maxsplit"};
    kr_value a[2];
    if (kr_args_parse(vm, rev ? "rsplit" : "split", args + 1, nargs - 1, kwnames, names, 2, 0, 0, a) < 0)
        return KR_NULL;
    int64_t maxsplit = -1;
    if (a[1] && int_arg(vm, a[1], &maxsplit, false) < 0)
        return KR_NULL;
    if (maxsplit < 0)
        maxsplit = INT64_MAX;
    const uint8_t *s = NULL;
    int64_t sn = 0;
    if (a[0] && a[0] != KR_NONE) {
        if (kr_bytes_buffer(vm, a[0], &s, &sn) < 0)
            return KR_NULL;
        if (sn == 0)
            return kr_raise(vm, KR_EXC(vm, ValueError), "empty separator");
    }
    kr_value list = kr_list_new(vm, 0);
    if (!list)
        return KR_NULL;
    BDATA(SELF, d, n);
    /* Collect [start, end) pairs first, then build parts (building allocates but runs no Python). */
    if (s) {
        if (!rev) {
            int64_t i = 0;
            while (maxsplit-- > 0) {
                int64_t f = bfind(d + i, n - i, s, sn);
                if (f < 0)
                    break;
                kr_value p = make_like(vm, SELF, d + i, (size_t)f);
                if (!p || kr_list_append(vm, list, p) < 0)
                    return KR_NULL;
                i += f + sn;
            }
            kr_value p = kr_is_bytearray(vm, SELF) ? kr_bytearray_new(vm, d + i, (size_t)(n - i))
                                                   : make_like(vm, SELF, d + i, (size_t)(n - i));
            if (!p || kr_list_append(vm, list, p) < 0)
                return KR_NULL;
            return list;
        }
        int64_t end = n;
        while (maxsplit-- > 0) {
            int64_t f = brfind(d, end, s, sn);
            if (f < 0)
                break;
            kr_value p = make_like(vm, SELF, d + f + sn, (size_t)(end - f - sn));
            if (!p || kr_list_append(vm, list, p) < 0)
                return KR_NULL;
            end = f;
        }
        kr_value p = kr_is_bytearray(vm, SELF) ? kr_bytearray_new(vm, d, (size_t)end) : make_like(vm, SELF, d, (size_t)end);
        if (!p || kr_list_append(vm, list, p) < 0)
            return KR_NULL;
    } else if (!rev) {
        int64_t i = 0;
        for (;;) {
            while (i < n && b_space(d[i]))
                i++;
            if (i >= n)
                break;
            int64_t j = i;
            if (maxsplit-- <= 0)
                j = n;
            else
                while (j < n && !b_space(d[j]))
                    j++;
            kr_value p = make_like(vm, SELF, d + i, (size_t)(j - i));
            if (!p || kr_list_append(vm, list, p) < 0)
                return KR_NULL;
            i = j;
        }
        return list;
    } else {
        int64_t j = n;
        for (;;) {
            while (j > 0 && b_space(d[j - 1]))
                j--;
            if (j <= 0)
                break;
            int64_t i = j;
            if (maxsplit-- <= 0)
                i = 0;
            else
                while (i > 0 && !b_space(d[i - 1]))
                    i--;
            kr_value p = make_like(vm, SELF, d + i, (size_t)(j - i));
            if (!p || kr_list_append(vm, list, p) < 0)
                return KR_NULL;
            j = i;
        }
    }
    kr_list *l = KR_AS(kr_list, list);
    for (int64_t x = 0, y = l->size - 1; x < y; x++, y--) {
        kr_value t = l->items[x];
        l->items[x] = l->items[y];
        l->items[y] = t;
    }
    return list;
}
static kr_value b_split(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_split_common(vm, a, n, k, false); }
static kr_value b_rsplit(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_split_common(vm, a, n, k, true); }

static kr_value b_splitlines(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"keepends"};
    kr_value a[1];
    if (kr_args_parse(vm, "splitlines", args + 1, nargs - 1, kwnames, names, 1, 0, 0, a) < 0)
        return KR_NULL;
    int keep = a[0] ? kr_truthy(vm, a[0]) : 0;
    if (keep < 0)
        return KR_NULL;
    kr_value list = kr_list_new(vm, 0);
    if (!list)
        return KR_NULL;
    BDATA(SELF, d, n);
    int64_t i = 0, st = 0;
    while (i < n) {
        int b = d[i] == '\r' ? ((i + 1 < n && d[i + 1] == '\n') ? 2 : 1) : d[i] == '\n' ? 1 : 0;
        if (!b) {
            i++;
            continue;
        }
        kr_value p = make_like(vm, SELF, d + st, (size_t)((keep ? i + b : i) - st));
        if (!p || kr_list_append(vm, list, p) < 0)
            return KR_NULL;
        i += b;
        st = i;
    }
    if (st < n) {
        kr_value p = make_like(vm, SELF, d + st, (size_t)(n - st));
        if (!p || kr_list_append(vm, list, p) < 0)
            return KR_NULL;
    }
    return list;
}

static kr_value b_join(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (margs(vm, "join", nargs, kwnames, 1, 1) < 0)
        return KR_NULL;
    kr_value seq = kr_join_sequence(vm, args[1]);
    if (!seq)
        return KR_NULL;
    /* No Python code runs below: seq's items stay put. */
    bool tup = KR_OBJ(seq)->type == vm->t.tuple;
    const kr_value *items = tup ? kr_tuple_items(seq) : KR_AS(kr_list, seq)->items;
    int64_t count = tup ? kr_tuple_size(seq) : KR_AS(kr_list, seq)->size;
    kr_sb sb;
    kr_sb_init(&sb);
    for (int64_t i = 0; i < count; i++) {
        if (!bytes_like(vm, items[i])) {
            kr_sb_free(&sb);
            return kr_raise(vm, KR_EXC(vm, TypeError), "sequence item %lld: expected a bytes-like object, %s found",
                            (long long)i, kr_typename(vm, items[i]));
        }
        if (i) {
            BDATA(SELF, sd, sn);
            kr_sb_append(&sb, (const char *)sd, (size_t)sn);
        }
        BDATA(items[i], id, in);
        kr_sb_append(&sb, (const char *)id, (size_t)in);
    }
    return sb_to_like(vm, SELF, &sb);
}

static kr_value b_strip_common(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, int which)
{
    if (margs(vm, name, nargs, kwnames, 0, 1) < 0)
        return KR_NULL;
    const uint8_t *cs = NULL;
    int64_t cn = 0;
    if (nargs > 1 && args[1] != KR_NONE && kr_bytes_buffer(vm, args[1], &cs, &cn) < 0)
        return KR_NULL;
    BDATA(SELF, d, n);
    int64_t i = 0, j = n;
    if (which & 1)
        while (i < j && (cs ? memchr(cs, d[i], (size_t)cn) != NULL : b_space(d[i])))
            i++;
    if (which & 2)
        while (j > i && (cs ? memchr(cs, d[j - 1], (size_t)cn) != NULL : b_space(d[j - 1])))
            j--;
    return make_like(vm, SELF, d + i, (size_t)(j - i));
}
static kr_value b_strip(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_strip_common(vm, a, n, k, "strip", 3); }
static kr_value b_lstrip(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_strip_common(vm, a, n, k, "lstrip", 1); }
static kr_value b_rstrip(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_strip_common(vm, a, n, k, "rstrip", 2); }

static kr_value b_replace(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (margs(vm, "replace", nargs, kwnames, 2, 3) < 0)
        return KR_NULL;
    const uint8_t *od, *nd;
    int64_t on, nn, count = -1;
    if (kr_bytes_buffer(vm, args[1], &od, &on) < 0 || kr_bytes_buffer(vm, args[2], &nd, &nn) < 0)
        return KR_NULL;
    if (nargs > 3 && int_arg(vm, args[3], &count, false) < 0)
        return KR_NULL;
    if (count < 0)
        count = INT64_MAX;
    BDATA(SELF, d, n);
    kr_sb sb;
    kr_sb_init(&sb);
    int64_t i = 0;
    if (on == 0) {
        while (count > 0 && i <= n) {
            kr_sb_append(&sb, (const char *)nd, (size_t)nn);
            count--;
            if (i == n) {
                i++;
                break;
            }
            kr_sb_append_char(&sb, (char)d[i++]);
        }
        if (i < n)
            kr_sb_append(&sb, (const char *)d + i, (size_t)(n - i));
        return sb_to_like(vm, SELF, &sb);
    }
    while (count-- > 0) {
        int64_t f = bfind(d + i, n - i, od, on);
        if (f < 0)
            break;
        kr_sb_append(&sb, (const char *)d + i, (size_t)f);
        kr_sb_append(&sb, (const char *)nd, (size_t)nn);
        i += f + on;
    }
    kr_sb_append(&sb, (const char *)d + i, (size_t)(n - i));
    return sb_to_like(vm, SELF, &sb);
}

enum { BC_UPPER, BC_LOWER, BC_SWAP, BC_CAP, BC_TITLE };
static kr_value b_case(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, int mode)
{
    if (margs(vm, name, nargs, kwnames, 0, 0) < 0)
        return KR_NULL;
    BDATA(SELF, d, n);
    kr_sb sb;
    kr_sb_init(&sb);
    bool prev = false;
    for (int64_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        switch (mode) {
        case BC_UPPER: if (lo) c -= 32; break;
        case BC_LOWER: if (up) c += 32; break;
        case BC_SWAP: if (lo) c -= 32; else if (up) c += 32; break;
        case BC_CAP: if (i == 0) { if (lo) c -= 32; } else if (up) c += 32; break;
        default:
            if (prev) { if (up) c += 32; } else if (lo) c -= 32;
            prev = up || lo;
        }
        kr_sb_append_char(&sb, (char)c);
    }
    return sb_to_like(vm, SELF, &sb);
}
static kr_value b_upper(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_case(vm, a, n, k, "upper", BC_UPPER); }
static kr_value b_lower(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_case(vm, a, n, k, "lower", BC_LOWER); }
static kr_value b_swapcase(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_case(vm, a, n, k, "swapcase", BC_SWAP); }
static kr_value b_capitalize(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_case(vm, a, n, k, "capitalize", BC_CAP); }
static kr_value b_title(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_case(vm, a, n, k, "title", BC_TITLE); }

enum { BP_DIGIT, BP_ALPHA, BP_SPACE, BP_ALNUM, BP_UPPER, BP_LOWER, BP_ASCII };
static kr_value b_pred(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, int p)
{
    if (margs(vm, name, nargs, kwnames, 0, 0) < 0)
        return KR_NULL;
    BDATA(SELF, d, n);
    if (p == BP_ASCII) {
        for (int64_t i = 0; i < n; i++)
            if (d[i] >= 0x80)
                return KR_FALSE;
        return KR_TRUE;
    }
    if (n == 0)
        return KR_FALSE;
    bool cased = false;
    for (int64_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        bool dg = c >= '0' && c <= '9', up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        switch (p) {
        case BP_DIGIT: if (!dg) return KR_FALSE; break;
        case BP_ALPHA: if (!up && !lo) return KR_FALSE; break;
        case BP_SPACE: if (!b_space(c)) return KR_FALSE; break;
        case BP_ALNUM: if (!up && !lo && !dg) return KR_FALSE; break;
        case BP_UPPER: if (lo) return KR_FALSE; cased |= up; break;
        case BP_LOWER: if (up) return KR_FALSE; cased |= lo; break;
        }
    }
    return kr_bool(p == BP_UPPER || p == BP_LOWER ? cased : true);
}
static kr_value b_isdigit(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_pred(vm, a, n, k, "isdigit", BP_DIGIT); }
static kr_value b_isalpha(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_pred(vm, a, n, k, "isalpha", BP_ALPHA); }
static kr_value b_isspace(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_pred(vm, a, n, k, "isspace", BP_SPACE); }
static kr_value b_isalnum(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_pred(vm, a, n, k, "isalnum", BP_ALNUM); }
static kr_value b_isupper(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_pred(vm, a, n, k, "isupper", BP_UPPER); }
static kr_value b_islower(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_pred(vm, a, n, k, "islower", BP_LOWER); }
static kr_value b_isascii(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_pred(vm, a, n, k, "isascii", BP_ASCII); }

/* istitle: uppercase bytes only after uncased ones, lowercase only after cased ones, at least one cased. */
static kr_value b_istitle(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (margs(vm, "istitle", nargs, kwnames, 0, 0) < 0)
        return KR_NULL;
    BDATA(SELF, d, n);
    bool cased = false, prev = false;
    for (int64_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        if (c >= 'A' && c <= 'Z') {
            if (prev)
                return KR_FALSE;
            prev = cased = true;
        } else if (c >= 'a' && c <= 'z') {
            if (!prev)
                return KR_FALSE;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return kr_bool(cased);
}

/* expandtabs(tabsize=8): the column restarts after \n and \r; tabsize <= 0 drops tabs. */
static kr_value b_expandtabs(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"tabsize"};
    kr_value a[1];
    if (kr_args_parse(vm, "expandtabs", args + 1, nargs - 1, kwnames, names, 1, 0, 0, a) < 0)
        return KR_NULL;
    int64_t tabsize = 8;
    if (a[0] && int_arg(vm, a[0], &tabsize, true) < 0)
        return KR_NULL;
    BDATA(SELF, d, n);
    /* First pass: the result size (CPython: OverflowError "result too long" beyond ssize_t). */
    int64_t col = 0, total = 0;
    for (int64_t i = 0; i < n; i++) {
        int64_t add;
        if (d[i] == '\t') {
            add = tabsize > 0 ? tabsize - col % tabsize : 0;
            col += add;
        } else {
            add = 1;
            col = (d[i] == '\n' || d[i] == '\r') ? 0 : col + 1;
        }
        if (add > INT64_MAX - total)
            return kr_raise(vm, KR_EXC(vm, OverflowError), "result too long");
        total += add;
    }
    kr_sb sb;
    kr_sb_init(&sb);
    col = 0;
    for (int64_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        if (c == '\t') {
            if (tabsize > 0) {
                int64_t k = tabsize - col % tabsize;
                col += k;
                while (k-- > 0 && !sb.failed)
                    kr_sb_append_char(&sb, ' ');
            }
        } else {
            kr_sb_append_char(&sb, (char)c);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return sb_to_like(vm, SELF, &sb);
}

static kr_value b_partition_common(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, bool rev)
{
    if (margs(vm, rev ? "rpartition" : "partition", nargs, kwnames, 1, 1) < 0)
        return KR_NULL;
    const uint8_t *s;
    int64_t sn;
    if (kr_bytes_buffer(vm, args[1], &s, &sn) < 0)
        return KR_NULL;
    if (sn == 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "empty separator");
    BDATA(SELF, d, n);
    int64_t f = rev ? brfind(d, n, s, sn) : bfind(d, n, s, sn);
    kr_value t = kr_tuple_new(vm, 3);
    if (!t)
        return KR_NULL;
    kr_value *it = kr_tuple_items(t);
    kr_value x, y, z;
    if (f < 0) {
        kr_value whole = kr_is_bytearray(vm, SELF) ? kr_bytearray_new(vm, d, (size_t)n) : make_like(vm, SELF, d, (size_t)n);
        x = rev ? make_like(vm, SELF, "", 0) : whole;
        y = make_like(vm, SELF, "", 0);
        z = rev ? whole : make_like(vm, SELF, "", 0);
    } else {
        x = make_like(vm, SELF, d, (size_t)f);
        y = kr_is_bytearray(vm, SELF) ? kr_bytearray_new(vm, s, (size_t)sn) : make_like(vm, args[1], s, (size_t)sn);
        z = make_like(vm, SELF, d + f + sn, (size_t)(n - f - sn));
    }
    if (!x || !y || !z)
        return KR_NULL;
    it[0] = x, it[1] = y, it[2] = z;
    return t;
}
static kr_value b_partition(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_partition_common(vm, a, n, k, false); }
static kr_value b_rpartition(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_partition_common(vm, a, n, k, true); }

static kr_value b_just(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, int kind)
{
    if (margs(vm, name, nargs, kwnames, 1, 2) < 0)
        return KR_NULL;
    int64_t width;
    if (int_arg(vm, args[1], &width, false) < 0)
        return KR_NULL;
    uint8_t fill = ' ';
    if (nargs > 2) {
        const uint8_t *fd;
        int64_t fn;
        if (!bytes_like(vm, args[2]) || (kr_bytes_buffer(vm, args[2], &fd, &fn), fn != 1))
            return kr_raise(vm, KR_EXC(vm, TypeError),
                            "%s() argument 2 must be a byte string of length 1, not %s", name,
                            kr_typename(vm, args[2]));
        fill = fd[0];
    }
    BDATA(SELF, d, n);
    int64_t marg = width > n ? width - n : 0, left;
    if (kind == 0) left = 0;
    else if (kind == 1) left = marg;
    else left = marg / 2 + (marg & width & 1);
    kr_sb sb;
    kr_sb_init(&sb);
    if (kind == 3) { /* zfill */
        int64_t i = 0;
        if (n && (d[0] == '+' || d[0] == '-'))
            kr_sb_append_char(&sb, (char)d[i++]);
        for (int64_t k = 0; k < marg; k++)
            kr_sb_append_char(&sb, '0');
        kr_sb_append(&sb, (const char *)d + i, (size_t)(n - i));
        return sb_to_like(vm, SELF, &sb);
    }
    for (int64_t k = 0; k < left; k++)
        kr_sb_append_char(&sb, (char)fill);
    kr_sb_append(&sb, (const char *)d, (size_t)n);
    for (int64_t k = 0; k < marg - left; k++)
        kr_sb_append_char(&sb, (char)fill);
    return sb_to_like(vm, SELF, &sb);
}
static kr_value b_ljust(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_just(vm, a, n, k, "ljust", 0); }
static kr_value b_rjust(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_just(vm, a, n, k, "rjust", 1); }
static kr_value b_center(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_just(vm, a, n, k, "center", 2); }
static kr_value b_zfill(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_just(vm, a, n, k, "zfill", 3); }

static kr_value b_removefix(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, bool suffix)
{
    if (margs(vm, suffix ? "removesuffix" : "removeprefix", nargs, kwnames, 1, 1) < 0)
        return KR_NULL;
    const uint8_t *s;
    int64_t sn;
    if (kr_bytes_buffer(vm, args[1], &s, &sn) < 0)
        return KR_NULL;
    BDATA(SELF, d, n);
    if (sn && sn <= n && memcmp(suffix ? d + n - sn : d, s, (size_t)sn) == 0)
        return make_like(vm, SELF, suffix ? d : d + sn, (size_t)(n - sn));
    return kr_is_bytearray(vm, SELF) ? kr_bytearray_new(vm, d, (size_t)n) : make_like(vm, SELF, d, (size_t)n);
}
static kr_value b_removeprefix(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_removefix(vm, a, n, k, false); }
static kr_value b_removesuffix(kr_vm *vm, kr_value *a, int n, kr_value k) { return b_removefix(vm, a, n, k, true); }

static kr_value b_decode(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"encoding", "errors"};
    kr_value a[2];
    if (kr_args_parse(vm, "decode", args + 1, nargs - 1, kwnames, names, 2, 0, 0, a) < 0)
        return KR_NULL;
    if ((a[0] && !kr_is_str(vm, a[0])) || (a[1] && !kr_is_str(vm, a[1])))
        return kr_raise(vm, KR_EXC(vm, TypeError), "decode() argument '%s' must be str, not %s",
                        a[0] && !kr_is_str(vm, a[0]) ? "encoding" : "errors",
                        kr_typename(vm, a[0] && !kr_is_str(vm, a[0]) ? a[0] : a[1]));
    BDATA(SELF, d, n);
    return kr_str_decode(vm, d, (size_t)n, a[0] ? kr_str_data(a[0]) : NULL, a[1] ? kr_str_data(a[1]) : NULL);
}

static kr_value b_hex(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"sep", "bytes_per_sep"};
    kr_value a[2];
    if (kr_args_parse(vm, "hex", args + 1, nargs - 1, kwnames, names, 2, 0, 0, a) < 0)
        return KR_NULL;
    int sep = -1; /* the separator byte (NUL is a valid one), -1 for none */
    int64_t per = 1;
    const uint8_t *sep_data;
    int64_t sep_len;
    if (a[0]) {
        if (kr_is_str(vm, a[0]) && kr_str_len(a[0]) == 1 && kr_str_nbytes(a[0]) > 1)
            return kr_raise(vm, KR_EXC(vm, ValueError), "sep must be ASCII.");
        if (kr_is_str(vm, a[0]) && kr_str_len(a[0]) == 1)
            sep = (unsigned char)kr_str_data(a[0])[0];
        else if (bytes_like(vm, a[0]) && (kr_bytes_buffer(vm, a[0], &sep_data, &sep_len), sep_len == 1))
            sep = sep_data[0];
        else if (!kr_is_str(vm, a[0]) && !bytes_like(vm, a[0]) && kr_len(vm, a[0]) < 0)
            return KR_NULL; /* CPython takes len(sep) first: "object of type 'int' has no len()" */
        else
            return kr_raise(vm, KR_EXC(vm, ValueError), "sep must be length 1.");
        if (a[1] && int_arg(vm, a[1], &per, true) < 0)
            return KR_NULL;
    }
    BDATA(SELF, d, n);
    static const char hx[] = "0123456789abcdef";
    kr_sb sb;
    kr_sb_init(&sb);
    int64_t g = per < 0 ? -per : per;
    for (int64_t i = 0; i < n; i++) {
        if (sep >= 0 && i > 0 && g > 0) {
            /* per > 0 groups from the right, per < 0 from the left */
            bool boundary = per > 0 ? ((n - i) % g == 0) : (i % g == 0);
            if (boundary)
                kr_sb_append_char(&sb, (char)sep);
        }
        kr_sb_append_char(&sb, hx[d[i] >> 4]);
        kr_sb_append_char(&sb, hx[d[i] & 15]);
    }
    return kr_sb_finish(vm, &sb);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static kr_value b_fromhex(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    /* classmethod: args[0] is the class */
    if (margs(vm, "fromhex", nargs, kwnames, 1, 1) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "fromhex() argument must be str, not %s", kr_typename(vm, args[1]));
    const char *s = kr_str_data(args[1]);
    int64_t n = kr_str_nbytes(args[1]);
    kr_sb sb;
    kr_sb_init(&sb);
    for (int64_t i = 0; i < n;) {
        if (b_space((uint8_t)s[i])) {
            i++;
            continue;
        }
        int hi = hexval(s[i]), lo = i + 1 < n ? hexval(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            int64_t pos = hi < 0 ? i : i + 1;
            kr_sb_free(&sb);
            if (pos >= n || (hi >= 0 && b_space((uint8_t)s[pos])))
                return kr_raise(vm, KR_EXC(vm, ValueError),
                                "non-hexadecimal number found in fromhex() arg at position %lld", (long long)pos);
            return kr_raise(vm, KR_EXC(vm, ValueError),
                            "non-hexadecimal number found in fromhex() arg at position %lld", (long long)pos);
        }
        kr_sb_append_char(&sb, (char)(hi * 16 + lo));
        i += 2;
    }
    kr_type *cls = (kr_type *)KR_OBJ(args[0]);
    kr_value r = cls == vm->t.bytearray || kr_type_is_subtype(cls, vm->t.bytearray)
                     ? kr_bytearray_new(vm, sb.buf ? sb.buf : "", sb.len)
                     : kr_bytes_new(vm, sb.buf ? sb.buf : "", sb.len);
    kr_sb_free(&sb);
    if (!r || cls == vm->t.bytes || cls == vm->t.bytearray)
        return r;
    /* A subclass: cls(result), as CPython. */
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &r);
    kr_value sub = kr_call1(vm, args[0], r);
    kr_root_reset(vm, m);
    return sub;
}

static kr_value b_translate(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    /* translate(table, /, delete=b'') */
    if (nargs < 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "translate() takes at least 1 positional argument (%d given)",
                        nargs - 1);
    static const char *const names[] = {"table", "delete"};
    kr_value a[2];
    if (kr_args_parse(vm, "translate", args + 1, nargs - 1, kwnames, names, 2, 1, 1, a) < 0)
        return KR_NULL;
    const uint8_t *t = NULL, *del = NULL;
    int64_t tn = 0, dn = 0;
    if (a[0] != KR_NONE) {
        if (kr_bytes_buffer(vm, a[0], &t, &tn) < 0)
            return KR_NULL;
        if (tn != 256)
            return kr_raise(vm, KR_EXC(vm, ValueError), "translation table must be 256 characters long");
    }
    if (a[1] && kr_bytes_buffer(vm, a[1], &del, &dn) < 0)
        return KR_NULL;
    BDATA(SELF, d, n);
    kr_sb sb;
    kr_sb_init(&sb);
    for (int64_t i = 0; i < n; i++) {
        if (del && memchr(del, d[i], (size_t)dn))
            continue;
        kr_sb_append_char(&sb, (char)(t ? t[d[i]] : d[i]));
    }
    return sb_to_like(vm, SELF, &sb);
}

static kr_value b_maketrans(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    /* static method: args[0] is not a receiver */
    if (margs_self(vm, KR_NULL, "maketrans", nargs + 1, kwnames, 2, 2) < 0)
        return KR_NULL;
    const uint8_t *f, *t;
    int64_t fn, tn;
    if (kr_bytes_buffer(vm, args[0], &f, &fn) < 0 || kr_bytes_buffer(vm, args[1], &t, &tn) < 0)
        return KR_NULL;
    if (fn != tn)
        return kr_raise(vm, KR_EXC(vm, ValueError), "maketrans arguments must have same length");
    uint8_t table[256];
    for (int i = 0; i < 256; i++)
        table[i] = (uint8_t)i;
    for (int64_t i = 0; i < fn; i++)
        table[f[i]] = t[i];
    return kr_bytes_new(vm, table, 256);
}

static kr_value b_getnewargs(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (margs(vm, "__getnewargs__", nargs, kwnames, 0, 0) < 0)
        return KR_NULL;
    BDATA(SELF, d, n);
    kr_value b = kr_bytes_new(vm, d, (size_t)n);
    return b ? kr_tuple_pack(vm, 1, b) : KR_NULL;
}

static kr_value b_str_slot(kr_vm *vm, kr_value self) { return kr_bytes_repr(vm, self); }

/* ================================================================ bytearray mutation */


static int ba_resize(kr_vm *vm, kr_bytearray *b, int64_t n)
{
    if (ba_reserve(vm, b, n) < 0)
        return -1;
    b->size = n;
    b->data[n] = 0;
    return 0;
}

/* Replace b[lo:hi] with src (n bytes; src must not point into b's buffer). */
static int ba_splice(kr_vm *vm, kr_bytearray *b, int64_t lo, int64_t hi, const uint8_t *src, int64_t n)
{
    int64_t old = b->size, delta = n - (hi - lo);
    if (delta > 0 && ba_reserve(vm, b, old + delta) < 0)
        return -1;
    memmove(b->data + hi + delta, b->data + hi, (size_t)(old - hi));
    if (n)
        memcpy(b->data + lo, src, (size_t)n);
    b->size = old + delta;
    b->data[b->size] = 0;
    return 0;
}

static int ba_setitem(kr_vm *vm, kr_value self, kr_value key, kr_value value)
{
    kr_bytearray *b = BA(self);
    if (kr_is_ptr(key) && KR_OBJ(key)->type == vm->t.slice) {
        int64_t start, stop, step;
        int64_t len = kr_slice_indices(vm, key, b->size, &start, &stop, &step);
        if (len < 0)
            return -1;
        kr_sb sb;
        kr_sb_init(&sb);
        if (value) {
            int rc;
            if (kr_is_small(value) || (kr_type_of(vm, value)->index && !bytes_like(vm, value)))
                rc = kr_raise_i(vm, KR_EXC(vm, TypeError),
                                "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            else
                rc = collect_bytes(vm, value, &sb, "byte must be in range(0, 256)", false, "bytearray");
            if (rc < 0) {
                kr_sb_free(&sb);
                return -1;
            }
        }
        int64_t n = (int64_t)sb.len;
        int rc = 0;
        if (step == 1) {
            if (stop < start)
                stop = start;
            rc = ba_splice(vm, b, start, stop, (const uint8_t *)sb.buf, n);
        } else if (!value) {
            /* delete an extended slice: compact in place */
            if (step < 0) {
                start = start + step * (len - 1);
                step = -step;
            }
            int64_t w = start, r = start, k = 0;
            for (; r < b->size; r++) {
                if (k < len && r == start + k * step) {
                    k++;
                    continue;
                }
                b->data[w++] = b->data[r];
            }
            b->size = w;
            b->data[w] = 0;
        } else if (n != len) {
            rc = kr_raise_i(vm, KR_EXC(vm, ValueError), "attempt to assign bytes of size %lld to extended slice of size %lld",
                            (long long)n, (long long)len);
        } else {
            for (int64_t k = 0, j = start; k < len; k++, j += step)
                b->data[j] = (uint8_t)sb.buf[k];
        }
        kr_sb_free(&sb);
        return rc;
    }
    int64_t i;
    if (kr_is_small(key)) {
        i = kr_small_val(key);
    } else if (kr_type_of(vm, key)->index) {
        if (kr_seq_index_key(vm, key, &i, "bytearray") < 0)
            return -1;
    } else {
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "bytearray indices must be integers or slices, not %s",
                          kr_typename(vm, key));
    }
    if (i < 0)
        i += b->size;
    if (i < 0 || i >= b->size)
        return kr_raise_i(vm, KR_EXC(vm, IndexError), "bytearray index out of range");
    if (!value) {
        memmove(b->data + i, b->data + i + 1, (size_t)(b->size - i - 1));
        b->size--;
        b->data[b->size] = 0;
        return 0;
    }
    uint8_t v;
    if (byte_value(vm, value, &v, "byte must be in range(0, 256)") < 0)
        return -1;
    b->data[i] = v;
    return 0;
}

static kr_value ba_iadd(kr_vm *vm, kr_value a, kr_value b)
{
    if (!kr_is_bytearray(vm, a))
        return KR_NOTIMPL;
    if (!bytes_like(vm, b))
        return kr_raise(vm, KR_EXC(vm, TypeError), "can't concat %s to %s", kr_typename(vm, b), kr_typename(vm, a));
    BDATA(b, d, n);
    kr_bytearray *x = BA(a);
    int64_t old = x->size;
    if (ba_reserve(vm, x, old + n) < 0)
        return KR_NULL;
    BDATA(b, d2, n2); /* a += a: the buffer may have moved */
    (void)d;
    memmove(x->data + old, d2, (size_t)n2);
    x->size = old + n2;
    x->data[x->size] = 0;
    return a;
}

static kr_value ba_imul(kr_vm *vm, kr_value a, kr_value b)
{
    if (!kr_is_bytearray(vm, a) || !kr_type_of(vm, b)->index)
        return KR_NOTIMPL;
    int64_t k;
    if (repeat_count(vm, b, &k) < 0)
        return KR_NULL;
    kr_bytearray *x = BA(a);
    int64_t n = x->size;
    if (k <= 0) {
        x->size = 0;
        if (x->data)
            x->data[0] = 0;
        return a;
    }
    if (n && k > INT64_MAX / n)
        return kr_raise_nomemory(vm);
    if (ba_reserve(vm, x, n * k) < 0)
        return KR_NULL;
    fill_repeated(x->data, x->data, n, n * k);
    x->size = n * k;
    x->data[x->size] = 0;
    return a;
}

static kr_value ba_append(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (margs(vm, "append", nargs, kwnames, 1, 1) < 0)
        return KR_NULL;
    uint8_t v;
    if (byte_value(vm, args[1], &v, "byte must be in range(0, 256)") < 0)
        return KR_NULL;
    kr_bytearray *b = BA(SELF);
    if (ba_resize(vm, b, b->size + 1) < 0)
        return KR_NULL;
    b->data[b->size - 1] = v;
    return KR_NONE;
}

static kr_value ba_extend(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (margs(vm, "extend", nargs, kwnames, 1, 1) < 0)
        return KR_NULL;
    kr_sb sb;
    kr_sb_init(&sb);
    if (collect_bytes(vm, args[1], &sb, "byte must be in range(0, 256)", false, "bytearray") < 0) {
        kr_sb_free(&sb);
        return KR_NULL;
    }
    kr_bytearray *b = BA(SELF);
    int rc = ba_splice(vm, b, b->size, b->size, (const uint8_t *)sb.buf, (int64_t)sb.len);
    kr_sb_free(&sb);
    return rc < 0 ? KR_NULL : KR_NONE;
}

static kr_value ba_pop(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (margs(vm, "pop", nargs, kwnames, 0, 1) < 0)
        return KR_NULL;
    kr_bytearray *b = BA(SELF);
    int64_t i = -1;
    if (nargs > 1 && int_arg(vm, args[1], &i, false) < 0)
        return KR_NULL;
    if (b->size == 0)
        return kr_raise(vm, KR_EXC(vm, IndexError), "pop from empty bytearray");
    if (i < 0)
        i += b->size;
    if (i < 0 || i >= b->size)
        return kr_raise(vm, KR_EXC(vm, IndexError), "pop index out of range");
    uint8_t v = b->data[i];
    memmove(b->data + i, b->data + i + 1, (size_t)(b->size - i - 1));
    b->size--;
    b->data[b->size] = 0;
    return kr_small(v);
}

static kr_value ba_insert(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (margs(vm, "insert", nargs, kwnames, 2, 2) < 0)
        return KR_NULL;
    int64_t i;
    uint8_t v;
    if (int_arg(vm, args[1], &i, false) < 0 || byte_value(vm, args[2], &v, "byte must be in range(0, 256)") < 0)
        return KR_NULL;
    kr_bytearray *b = BA(SELF);
    if (i < 0) {
        i += b->size;
        if (i < 0)
            i = 0;
    }
    if (i > b->size)
        i = b->size;
    return ba_splice(vm, b, i, i, &v, 1) < 0 ? KR_NULL : KR_NONE;
}

static kr_value ba_remove(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (margs(vm, "remove", nargs, kwnames, 1, 1) < 0)
        return KR_NULL;
    uint8_t v;
    if (byte_value(vm, args[1], &v, "byte must be in range(0, 256)") < 0)
        return KR_NULL;
    kr_bytearray *b = BA(SELF);
    uint8_t *p = b->size ? memchr(b->data, v, (size_t)b->size) : NULL;
    if (!p)
        return kr_raise(vm, KR_EXC(vm, ValueError), "value not found in bytearray");
    int64_t i = p - b->data;
    memmove(b->data + i, b->data + i + 1, (size_t)(b->size - i - 1));
    b->size--;
    b->data[b->size] = 0;
    return KR_NONE;
}

static kr_value ba_clear(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (margs(vm, "clear", nargs, kwnames, 0, 0) < 0)
        return KR_NULL;
    kr_bytearray *b = BA(SELF);
    b->size = 0;
    if (b->data)
        b->data[0] = 0;
    return KR_NONE;
}

static kr_value ba_reverse(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (margs(vm, "reverse", nargs, kwnames, 0, 0) < 0)
        return KR_NULL;
    kr_bytearray *b = BA(SELF);
    for (int64_t i = 0, j = b->size - 1; i < j; i++, j--) {
        uint8_t t = b->data[i];
        b->data[i] = b->data[j];
        b->data[j] = t;
    }
    return KR_NONE;
}

static kr_value ba_copy(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (margs(vm, "copy", nargs, kwnames, 0, 0) < 0)
        return KR_NULL;
    return kr_bytearray_new(vm, BA(SELF)->data, (size_t)BA(SELF)->size);
}

/* ================================================================ tables and init */

#define COMMON_METHODS \
    {"decode", b_decode, 0, NULL}, {"hex", b_hex, 0, NULL}, {"split", b_split, 0, NULL}, \
    {"rsplit", b_rsplit, 0, NULL}, {"splitlines", b_splitlines, 0, NULL}, {"join", b_join, 0, NULL}, \
    {"strip", b_strip, 0, NULL}, {"lstrip", b_lstrip, 0, NULL}, {"rstrip", b_rstrip, 0, NULL}, \
    {"replace", b_replace, 0, NULL}, {"find", b_find, 0, NULL}, {"rfind", b_rfind, 0, NULL}, \
    {"index", b_index, 0, NULL}, {"rindex", b_rindex, 0, NULL}, {"count", b_count, 0, NULL}, \
    {"startswith", b_startswith, 0, NULL}, {"endswith", b_endswith, 0, NULL}, {"upper", b_upper, 0, NULL}, \
    {"lower", b_lower, 0, NULL}, {"swapcase", b_swapcase, 0, NULL}, {"capitalize", b_capitalize, 0, NULL}, \
    {"title", b_title, 0, NULL}, {"isdigit", b_isdigit, 0, NULL}, {"isalpha", b_isalpha, 0, NULL}, \
    {"isspace", b_isspace, 0, NULL}, {"isalnum", b_isalnum, 0, NULL}, {"isupper", b_isupper, 0, NULL}, \
    {"islower", b_islower, 0, NULL}, {"isascii", b_isascii, 0, NULL}, {"partition", b_partition, 0, NULL}, \
    {"rpartition", b_rpartition, 0, NULL}, {"zfill", b_zfill, 0, NULL}, {"center", b_center, 0, NULL}, \
    {"ljust", b_ljust, 0, NULL}, {"rjust", b_rjust, 0, NULL}, {"removeprefix", b_removeprefix, 0, NULL}, \
    {"removesuffix", b_removesuffix, 0, NULL}, {"fromhex", b_fromhex, KR_METH_CLASS, NULL}, \
    {"translate", b_translate, 0, NULL}, {"maketrans", b_maketrans, KR_METH_STATIC, NULL}, \
    {"istitle", b_istitle, 0, NULL}, {"expandtabs", b_expandtabs, 0, NULL}

static const kr_method_def bytes_methods[] = {
    COMMON_METHODS,
    {"__getnewargs__", b_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const kr_method_def bytearray_methods[] = {
    COMMON_METHODS,
    {"append", ba_append, 0, NULL}, {"extend", ba_extend, 0, NULL}, {"pop", ba_pop, 0, NULL},
    {"insert", ba_insert, 0, NULL}, {"remove", ba_remove, 0, NULL}, {"clear", ba_clear, 0, NULL},
    {"reverse", ba_reverse, 0, NULL}, {"copy", ba_copy, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static void set_common_slots(kr_type *t)
{
    t->repr = bytes_repr_slot;
    t->str = b_str_slot;
    t->richcompare = bytes_richcompare;
    t->iter = bytes_iter_slot;
    t->len = bytes_len_slot;
    t->getitem = bytes_getitem;
    t->contains = bytes_contains;
    t->bool_ = bytes_bool_slot;
    t->binop[KR_OP_ADD] = bytes_add;
    t->binop[KR_OP_MUL] = bytes_mul;
    t->binop[KR_OP_MOD] = bytes_mod;
}

void kr_bytes_init(kr_vm *vm)
{
    kr_type *b = kr_type_new_builtin(vm, "bytes", vm->t.object, sizeof(kr_bytes), KR_TF_BASETYPE);
    set_common_slots(b);
    b->methods = bytes_methods;
    b->new_ = bytes_new_slot;
    b->hash = bytes_hash_slot;
    b->getbuffer = bytes_getbuffer;
    vm->t.bytes = b;

    kr_type *ba = kr_type_new_builtin(vm, "bytearray", vm->t.object, sizeof(kr_bytearray), KR_TF_BASETYPE);
    set_common_slots(ba);
    ba->methods = bytearray_methods;
    ba->new_ = bytearray_new_slot;
    ba->init = bytearray_init_slot;
    ba->hash = kr_hash_unhashable;
    ba->setitem = ba_setitem;
    ba->trace = bytearray_trace;
    ba->finalize = bytearray_finalize;
    ba->inplace[KR_OP_ADD] = ba_iadd;
    ba->inplace[KR_OP_MUL] = ba_imul;
    ba->attrs_offset = offsetof(kr_bytearray, attrs);
    ba->getbuffer = bytearray_getbuffer;
    vm->t.bytearray = ba;

    kr_type *it = kr_type_new_builtin(vm, "bytes_iterator", vm->t.object, sizeof(bytes_iter), 0);
    it->trace = bytes_iter_trace;
    it->iter = bytes_iter_self;
    it->next = bytes_iter_next;
    vm->t.bytes_iter = it;
}
