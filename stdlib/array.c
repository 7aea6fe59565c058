/* array.c: the `array` module (CPython's Modules/arraymodule.c semantics and messages): typed arrays
 * of machine numbers or code points, stored as one packed buffer that memoryview, bytes() and the
 * other bytes-like consumers read through the buffer protocol (vm/memoryview.h: exporting does not
 * lock an array's size in Krait).
 *
 * The array type is created per VM on the first import (its module state keeps it). An object is an
 * array when its type's getbuffer slot is array_getbuffer (subclasses inherit the slot). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../vm/bytes.h"
#include "../vm/floatobj.h"
#include "../vm/init.h"
#include "../vm/int.h"
#include "../vm/iterobj.h"
#include "../vm/kr.h"
#include "../vm/list.h"
#include "../vm/str.h"
#include "../vm/type.h"

enum kind { K_SIGNED, K_UNSIGNED, K_FLOAT, K_UNICODE };

/* One type code. For the integer codes narrower than a C long, CPython converts to a long first and
 * then checks the range with the messages below; the wider ones have their own conversions. */
typedef struct typecode {
    char code;
    int8_t itemsize;
    int8_t kind;
    const char *format;   /* the buffer format memoryview shows */
    int64_t min, max;     /* the range of the narrow integer codes */
    const char *low, *high; /* their OverflowError messages */
} typecode;

static const typecode TYPECODES[] = {
    {'b', 1, K_SIGNED, "b", INT8_MIN, INT8_MAX, "signed char is less than minimum", "signed char is greater than maximum"},
    {'B', 1, K_UNSIGNED, "B", 0, UINT8_MAX, "unsigned byte integer is less than minimum",
     "unsigned byte integer is greater than maximum"},
    {'u', 4, K_UNICODE, "w", 0, 0, NULL, NULL},
    {'w', 4, K_UNICODE, "w", 0, 0, NULL, NULL},
    {'h', 2, K_SIGNED, "h", INT16_MIN, INT16_MAX, "signed short integer is less than minimum",
     "signed short integer is greater than maximum"},
    {'H', 2, K_UNSIGNED, "H", 0, UINT16_MAX, "unsigned short is less than minimum", "unsigned short is greater than maximum"},
    {'i', 4, K_SIGNED, "i", INT32_MIN, INT32_MAX, "signed integer is less than minimum", "signed integer is greater than maximum"},
    {'I', 4, K_UNSIGNED, "I", 0, UINT32_MAX, NULL, "unsigned int is greater than maximum"},
    {'l', 8, K_SIGNED, "l", 0, 0, NULL, NULL},
    {'L', 8, K_UNSIGNED, "L", 0, 0, NULL, NULL},
    {'q', 8, K_SIGNED, "q", 0, 0, NULL, NULL},
    {'Q', 8, K_UNSIGNED, "Q", 0, 0, NULL, NULL},
    {'f', 4, K_FLOAT, "f", 0, 0, NULL, NULL},
    {'d', 8, K_FLOAT, "d", 0, 0, NULL, NULL},
};
#define NTYPECODES (sizeof TYPECODES / sizeof TYPECODES[0])

static const typecode *find_typecode(uint32_t c)
{
    for (size_t i = 0; i < NTYPECODES; i++)
        if ((uint32_t)(unsigned char)TYPECODES[i].code == c)
            return &TYPECODES[i];
    return NULL;
}

typedef struct kr_array {
    kr_object ob;
    int64_t size, cap;   /* items */
    uint8_t *data;       /* kr_mem_alloc'd, cap * itemsize bytes (NULL while cap is 0) */
    const typecode *tc;
    kr_value attrs;      /* instance attributes of subclasses */
} kr_array;

#define ARR(v) KR_AS(kr_array, v)

/* indices into the module state tuple */
enum { ST_ARRAY, ST_COUNT };

static int array_getbuffer(kr_vm *vm, kr_value self, kr_buffer *view);

static bool is_array(kr_vm *vm, kr_value v) { return kr_is_ptr(v) && kr_type_of(vm, v)->getbuffer == array_getbuffer; }

/* array.array itself, from any array (the results of slicing, + and * are never of a subclass). */
static kr_type *base_type(kr_vm *vm, kr_value v)
{
    kr_type *t = kr_type_of(vm, v);
    while (t->flags & KR_TF_HEAPTYPE)
        t = t->base;
    return t;
}

/* ================================================================ storage */

static int reserve(kr_vm *vm, kr_array *a, int64_t n)
{
    if (n <= a->cap)
        return 0;
    int64_t isz = a->tc->itemsize;
    if (n > INT64_MAX / 2 / isz) {
        kr_raise_nomemory(vm);
        return -1;
    }
    int64_t cap = a->cap < 4 ? 4 : a->cap;
    while (cap < n)
        cap += cap / 2 + 4;
    uint8_t *p = a->data ? kr_mem_realloc(vm, a->data, (size_t)(cap * isz)) : kr_mem_alloc(vm, (size_t)(cap * isz));
    if (!p)
        return -1;
    a->data = p;
    a->cap = cap;
    return 0;
}

static kr_value array_alloc(kr_vm *vm, kr_type *t, const typecode *tc, int64_t n)
{
    kr_array *a = t->flags & KR_TF_HEAPTYPE ? (kr_array *)KR_OBJ(kr_instance_new(vm, t)) : kr_gc_alloc(vm, t, sizeof(kr_array));
    if (!a)
        return KR_NULL;
    a->tc = tc;
    if (n && reserve(vm, a, n) < 0)
        return KR_NULL;
    a->size = n;
    return KR_VAL(a);
}

static uint8_t *item_ptr(kr_array *a, int64_t i) { return a->data + i * a->tc->itemsize; }

static kr_value get_item(kr_vm *vm, kr_array *a, int64_t i)
{
    const uint8_t *p = item_ptr(a, i);
    switch (a->tc->code) {
    case 'b': return kr_small((int8_t)*p);
    case 'B': return kr_small(*p);
    case 'h': { int16_t x; memcpy(&x, p, 2); return kr_small(x); }
    case 'H': { uint16_t x; memcpy(&x, p, 2); return kr_small(x); }
    case 'i': { int32_t x; memcpy(&x, p, 4); return kr_small(x); }
    case 'I': { uint32_t x; memcpy(&x, p, 4); return kr_small(x); }
    case 'l': case 'q': { int64_t x; memcpy(&x, p, 8); return kr_int_from_i64(vm, x); }
    case 'L': case 'Q': { uint64_t x; memcpy(&x, p, 8); return kr_int_from_u64(vm, x); }
    case 'f': { float x; memcpy(&x, p, 4); return kr_float_new(vm, x); }
    case 'd': { double x; memcpy(&x, p, 8); return kr_float_new(vm, x); }
    default: {
        uint32_t cp;
        memcpy(&cp, p, 4);
        if (cp > 0x10FFFF)
            return kr_raise(vm, KR_EXC(vm, ValueError), "character U+%x is not in range [U+0000; U+10ffff]", cp);
        return kr_str_from_codepoint(vm, cp);
    }
    }
}

/* An int item: __index__, then the conversions and range checks of the type code. */
static int int_value(kr_vm *vm, const typecode *tc, kr_value v, uint64_t *bits)
{
    kr_value i = kr_is_small(v) ? v : kr_index(vm, v);
    if (!i)
        return -1;
    kr_value core = kr_int_value(vm, i);
    mpz_t storage;
    mp_limb_t limb;
    mpz_srcptr z = kr_int_view(core, storage, &limb);
    int sign = mpz_sgn(z);
    size_t bitlen = mpz_sizeinbase(z, 2);
    bool fits_long = sign >= 0 ? bitlen <= 63 : (bitlen <= 63 || (bitlen == 64 && mpz_scan1(z, 0) == 63));
    switch (tc->code) {
    case 'q': case 'Q':
        if (tc->code == 'Q' && sign < 0)
            return kr_raise_i(vm, KR_EXC(vm, OverflowError), "can't convert negative int to unsigned");
        if (tc->code == 'q' ? !fits_long : bitlen > 64)
            return kr_raise_i(vm, KR_EXC(vm, OverflowError), "int too big to convert");
        break;
    case 'L': case 'I':
        if (sign < 0)
            return kr_raise_i(vm, KR_EXC(vm, OverflowError), "can't convert negative value to unsigned int");
        if (bitlen > 64)
            return kr_raise_i(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C unsigned long");
        break;
    default:
        if (!fits_long)
            return kr_raise_i(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C long");
        break;
    }
    uint64_t mag = bitlen ? mpz_getlimbn(z, 0) : 0;
    uint64_t u = sign < 0 ? (uint64_t)0 - mag : mag;
    if (tc->itemsize < 8) {
        if (tc->code == 'I') {
            if (u > UINT32_MAX)
                return kr_raise_i(vm, KR_EXC(vm, OverflowError), "%s", tc->high);
        } else {
            int64_t x = (int64_t)u;
            if (x < tc->min)
                return kr_raise_i(vm, KR_EXC(vm, OverflowError), "%s", tc->low);
            if (x > tc->max)
                return kr_raise_i(vm, KR_EXC(vm, OverflowError), "%s", tc->high);
        }
    }
    *bits = u;
    return 0;
}

/* Convert v to the packed form of tc into out (itemsize bytes). */
static int pack_value(kr_vm *vm, const typecode *tc, kr_value v, uint8_t *out)
{
    switch (tc->kind) {
    case K_FLOAT: {
        double d;
        if (kr_number_to_double(vm, v, &d) < 0)
            return -1;
        if (tc->itemsize == 4) {
            float f = (float)d;
            memcpy(out, &f, 4);
        } else {
            memcpy(out, &d, 8);
        }
        return 0;
    }
    case K_UNICODE: {
        if (!kr_is_str(vm, v) || kr_str_len(v) != 1)
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "array item must be unicode character");
        int len;
        uint32_t cp = kr_utf8_decode(kr_str_data(v), &len);
        memcpy(out, &cp, 4);
        return 0;
    }
    default: {
        uint64_t bits = 0;
        if (int_value(vm, tc, v, &bits) < 0)
            return -1;
        switch (tc->itemsize) {
        case 1: *out = (uint8_t)bits; break;
        case 2: { uint16_t x = (uint16_t)bits; memcpy(out, &x, 2); break; }
        case 4: { uint32_t x = (uint32_t)bits; memcpy(out, &x, 4); break; }
        default: memcpy(out, &bits, 8); break;
        }
        return 0;
    }
    }
}

static int append_value(kr_vm *vm, kr_value self, kr_value v)
{
    uint8_t tmp[8];
    if (pack_value(vm, ARR(self)->tc, v, tmp) < 0)
        return -1;
    kr_array *a = ARR(self);
    if (reserve(vm, a, a->size + 1) < 0)
        return -1;
    memcpy(item_ptr(a, a->size), tmp, (size_t)a->tc->itemsize);
    a->size++;
    return 0;
}

static int append_bytes(kr_vm *vm, kr_array *a, const uint8_t *data, int64_t nbytes)
{
    int64_t isz = a->tc->itemsize;
    if (nbytes % isz != 0)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "bytes length not a multiple of item size");
    int64_t n = nbytes / isz;
    if (reserve(vm, a, a->size + n) < 0)
        return -1;
    memmove(item_ptr(a, a->size), data, (size_t)nbytes);
    a->size += n;
    return 0;
}

/* extend by the items of an iterable (one at a time, as CPython: items before an error stay) */
static int extend_iterable(kr_vm *vm, kr_value self, kr_value iterable)
{
    kr_value it = kr_iter(vm, iterable);
    if (!it)
        return -1;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &it);
    int rc = 0;
    for (;;) {
        kr_value v = kr_next(vm, it);
        if (!v) {
            rc = kr_err_occurred(vm) ? -1 : 0;
            break;
        }
        if (append_value(vm, self, v) < 0) {
            rc = -1;
            break;
        }
    }
    kr_root_reset(vm, mark);
    return rc;
}

static int append_unicode(kr_vm *vm, kr_array *a, kr_value s)
{
    int64_t n = kr_str_len(s);
    if (reserve(vm, a, a->size + n) < 0)
        return -1;
    const char *p = kr_str_data(s);
    for (int64_t i = 0; i < n; i++) {
        int len;
        uint32_t cp = kr_utf8_decode(p, &len);
        p += len;
        memcpy(item_ptr(a, a->size + i), &cp, 4);
    }
    a->size += n;
    return 0;
}

/* ================================================================ construction */

static kr_value array_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    if (kwnames && (cls->flags & KR_TF_HEAPTYPE) == 0 && kr_args_no_kw(vm, "array.array", kwnames) < 0)
        return KR_NULL;
    if (nargs < 1 || nargs > 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "array() takes at %s 1 argument (%d given)",
                        nargs < 1 ? "least" : "most", nargs), KR_NULL;
    kr_value code = args[0];
    if (!kr_is_str(vm, code) || kr_str_len(code) != 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "array() argument 1 must be a unicode character, not %s",
                        kr_is_str(vm, code) ? "str" : kr_typename(vm, code));
    int len;
    const typecode *tc = find_typecode(kr_utf8_decode(kr_str_data(code), &len));
    if (!tc)
        return kr_raise(vm, KR_EXC(vm, ValueError), "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    kr_value init = nargs > 1 ? args[1] : KR_NULL;
    if (init && kr_is_str(vm, init) && tc->kind != K_UNICODE)
        return kr_raise(vm, KR_EXC(vm, TypeError), "cannot use a str to initialize an array with typecode '%c'", tc->code);
    if (init && is_array(vm, init) && ARR(init)->tc->kind == K_UNICODE && tc->kind != K_UNICODE)
        return kr_raise(vm, KR_EXC(vm, TypeError), "cannot use a unicode array to initialize an array with typecode '%c'",
                        tc->code);
    kr_value self = array_alloc(vm, cls, tc, 0);
    if (!self || !init)
        return self;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &self);
    int rc;
    if (kr_is_str(vm, init))
        rc = append_unicode(vm, ARR(self), init);
    else if (kr_is_bytes(vm, init) || kr_is_bytearray(vm, init)) {
        const uint8_t *d;
        int64_t n;
        kr_bytes_buffer(vm, init, &d, &n);
        rc = append_bytes(vm, ARR(self), d, n);
    } else if (is_array(vm, init) && ARR(init)->tc == tc) {
        rc = append_bytes(vm, ARR(self), ARR(init)->data, ARR(init)->size * tc->itemsize);
    } else
        rc = extend_iterable(vm, self, init);
    kr_root_reset(vm, mark);
    return rc < 0 ? KR_NULL : self;
}

/* ================================================================ slots */

static void array_trace(kr_vm *vm, kr_object *o) { kr_gc_mark(vm, ((kr_array *)o)->attrs); }

static void array_finalize(kr_vm *vm, kr_object *o)
{
    kr_array *a = (kr_array *)o;
    if (a->data)
        kr_mem_free(vm, a->data);
    a->data = NULL;
}

static int array_getbuffer(kr_vm *vm, kr_value self, kr_buffer *view)
{
    (void)vm;
    kr_array *a = ARR(self);
    *view = (kr_buffer){.buf = a->data ? a->data : (uint8_t *)"", .len = a->size * a->tc->itemsize,
                        .itemsize = a->tc->itemsize, .format = a->tc->format, .ndim = 1, .readonly = false};
    return 0;
}

static int64_t array_len(kr_vm *vm, kr_value self) { (void)vm; return ARR(self)->size; }

static kr_value array_repr(kr_vm *vm, kr_value self)
{
    kr_array *a = ARR(self);
    kr_sb sb;
    kr_sb_init(&sb);
    const char *name = kr_type_of(vm, self)->name_c, *dot = strrchr(name, '.');
    kr_sb_appendf(&sb, "%s('%c'", dot ? dot + 1 : name, a->tc->code); /* array.array -> array */
    if (a->size) {
        kr_value rest;
        if (a->tc->kind == K_UNICODE) {
            kr_sb text;
            kr_sb_init(&text);
            for (int64_t i = 0; i < ARR(self)->size; i++) {
                uint32_t cp;
                memcpy(&cp, item_ptr(ARR(self), i), 4);
                char buf[4];
                if (cp > 0x10FFFF)
                    cp = 0xFFFD;
                kr_sb_append(&text, buf, (size_t)kr_utf8_encode(cp, buf));
            }
            kr_value s = kr_sb_finish(vm, &text);
            rest = s ? kr_str_repr(vm, s) : KR_NULL;
        } else {
            kr_value list = kr_list_new(vm, a->size);
            size_t mark = kr_root_mark(vm);
            kr_root_push(vm, &list);
            for (int64_t i = 0; list && i < ARR(self)->size; i++) {
                kr_value v = get_item(vm, ARR(self), i);
                if (!v || kr_list_append(vm, list, v) < 0)
                    list = KR_NULL;
            }
            rest = list ? kr_repr(vm, list) : KR_NULL;
            kr_root_reset(vm, mark);
        }
        if (!rest) {
            kr_sb_free(&sb);
            return KR_NULL;
        }
        kr_sb_append(&sb, ", ", 2);
        kr_sb_append(&sb, kr_str_data(rest), (size_t)kr_str_nbytes(rest));
    }
    kr_sb_append_char(&sb, ')');
    return kr_sb_finish(vm, &sb);
}

static int index_arg(kr_vm *vm, kr_array *a, kr_value key, int64_t *out)
{
    int64_t i;
    if (!kr_is_small(key) && !kr_type_of(vm, key)->index)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "array indices must be integers");
    if (kr_seq_index_key(vm, key, &i, "array") < 0)
        return -1;
    if (i < 0)
        i += a->size;
    if (i < 0 || i >= a->size)
        return kr_raise_i(vm, KR_EXC(vm, IndexError), "array index out of range");
    *out = i;
    return 0;
}

static bool is_slice(kr_vm *vm, kr_value v) { return kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.slice; }

static kr_value array_getitem(kr_vm *vm, kr_value self, kr_value key)
{
    if (is_slice(vm, key)) {
        int64_t start, stop, step;
        int64_t n = kr_slice_indices(vm, key, ARR(self)->size, &start, &stop, &step);
        if (n < 0)
            return KR_NULL;
        kr_value r = array_alloc(vm, base_type(vm, self), ARR(self)->tc, n);
        if (!r)
            return KR_NULL;
        kr_array *a = ARR(self), *b = ARR(r);
        int64_t isz = a->tc->itemsize;
        if (step == 1 && n)
            memcpy(b->data, item_ptr(a, start), (size_t)(n * isz));
        else
            for (int64_t i = 0; i < n; i++)
                memcpy(item_ptr(b, i), item_ptr(a, start + i * step), (size_t)isz);
        return r;
    }
    int64_t i;
    if (index_arg(vm, ARR(self), key, &i) < 0)
        return KR_NULL;
    return get_item(vm, ARR(self), i);
}

/* Remove the items start, start+step, ... (n of them; step > 0). */
static void delete_slice(kr_array *a, int64_t start, int64_t step, int64_t n)
{
    int64_t isz = a->tc->itemsize;
    if (n == 0)
        return;
    if (step == 1) {
        memmove(item_ptr(a, start), item_ptr(a, start + n), (size_t)((a->size - start - n) * isz));
    } else {
        int64_t w = start;
        for (int64_t r = start; r < a->size; r++) {
            if (r >= start && (r - start) % step == 0 && (r - start) / step < n)
                continue;
            memmove(item_ptr(a, w), item_ptr(a, r), (size_t)isz);
            w++;
        }
    }
    a->size -= n;
}

static int array_setitem(kr_vm *vm, kr_value self, kr_value key, kr_value value)
{
    kr_array *a = ARR(self);
    if (!is_slice(vm, key)) {
        int64_t i;
        if (index_arg(vm, a, key, &i) < 0)
            return -1;
        if (!value) {
            delete_slice(a, i, 1, 1);
            return 0;
        }
        uint8_t tmp[8];
        if (pack_value(vm, a->tc, value, tmp) < 0)
            return -1;
        a = ARR(self);
        if (i >= a->size) /* __index__ ran Python code that shrank the array */
            return kr_raise_i(vm, KR_EXC(vm, IndexError), "array assignment index out of range");
        memcpy(item_ptr(a, i), tmp, (size_t)a->tc->itemsize);
        return 0;
    }
    int64_t start, stop, step;
    int64_t n = kr_slice_indices(vm, key, a->size, &start, &stop, &step);
    if (n < 0)
        return -1;
    a = ARR(self);
    if (step < 0) { /* the same items, walked forwards */
        start = start + (n - 1) * step;
        step = -step;
    }
    if (!value) {
        delete_slice(a, start, step, n);
        return 0;
    }
    if (!is_array(vm, value))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "can only assign array (not \"%s\") to array slice",
                          kr_typename(vm, value));
    kr_array *src = ARR(value);
    if (src->tc != a->tc)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "bad argument type for built-in operation");
    int64_t isz = a->tc->itemsize, m = src->size;
    if (step == 1) {
        /* copy the source first: it may be this array */
        uint8_t *tmp = m ? kr_mem_alloc(vm, (size_t)(m * isz)) : NULL;
        if (m && !tmp)
            return -1;
        if (m)
            memcpy(tmp, src->data, (size_t)(m * isz));
        int64_t old = a->size, delta = m - n;
        if (delta > 0 && reserve(vm, a, old + delta) < 0) {
            kr_mem_free(vm, tmp);
            return -1;
        }
        if (old - start - n > 0)
            memmove(item_ptr(a, start + m), item_ptr(a, start + n), (size_t)((old - start - n) * isz));
        if (m)
            memcpy(item_ptr(a, start), tmp, (size_t)(m * isz));
        a->size = old + delta;
        if (tmp)
            kr_mem_free(vm, tmp);
        return 0;
    }
    if (m != n)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "attempt to assign array of size %lld to extended slice of size %lld",
                          (long long)m, (long long)n);
    uint8_t *tmp = n ? kr_mem_alloc(vm, (size_t)(n * isz)) : NULL;
    if (n && !tmp)
        return -1;
    if (n)
        memcpy(tmp, src->data, (size_t)(n * isz));
    for (int64_t i = 0; i < n; i++)
        memcpy(item_ptr(a, start + i * step), tmp + i * isz, (size_t)isz);
    if (tmp)
        kr_mem_free(vm, tmp);
    return 0;
}

static int array_contains(kr_vm *vm, kr_value self, kr_value v)
{
    for (int64_t i = 0; i < ARR(self)->size; i++) {
        kr_value x = get_item(vm, ARR(self), i);
        if (!x)
            return -1;
        int r = kr_eq(vm, x, v);
        if (r != 0)
            return r;
    }
    return 0;
}

static kr_value array_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!is_array(vm, a) || !is_array(vm, b))
        return KR_NOTIMPL;
    kr_array *x = ARR(a), *y = ARR(b);
    if ((op == KR_CMP_EQ || op == KR_CMP_NE) && x->size != y->size)
        return kr_bool(op == KR_CMP_NE);
    if (x->tc == y->tc && x->tc->kind != K_FLOAT && (op == KR_CMP_EQ || op == KR_CMP_NE)) {
        bool eq = x->size == 0 || memcmp(x->data, y->data, (size_t)(x->size * x->tc->itemsize)) == 0;
        return kr_bool(op == KR_CMP_EQ ? eq : !eq);
    }
    /* the first differing item decides; equal prefixes compare by length */
    int64_t i = 0;
    kr_value u = KR_NULL, v = KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &u);
    kr_root_push(vm, &v);
    for (; i < ARR(a)->size && i < ARR(b)->size; i++) {
        u = get_item(vm, ARR(a), i);
        v = u ? get_item(vm, ARR(b), i) : KR_NULL;
        int r = v ? kr_eq(vm, u, v) : -1;
        if (r < 0) {
            kr_root_reset(vm, mark);
            return KR_NULL;
        }
        if (!r)
            break;
    }
    kr_value res;
    if (i < ARR(a)->size && i < ARR(b)->size) {
        if (op == KR_CMP_EQ)
            res = KR_FALSE;
        else if (op == KR_CMP_NE)
            res = KR_TRUE;
        else
            res = kr_richcompare(vm, u, v, op);
    } else {
        int64_t na = ARR(a)->size, nb = ARR(b)->size;
        bool r;
        switch (op) {
        case KR_CMP_LT: r = na < nb; break;
        case KR_CMP_LE: r = na <= nb; break;
        case KR_CMP_EQ: r = na == nb; break;
        case KR_CMP_NE: r = na != nb; break;
        case KR_CMP_GT: r = na > nb; break;
        default: r = na >= nb; break;
        }
        res = kr_bool(r);
    }
    kr_root_reset(vm, mark);
    return res;
}

static kr_value array_concat(kr_vm *vm, kr_value a, kr_value b)
{
    if (!is_array(vm, a))
        return KR_NOTIMPL;
    if (!is_array(vm, b))
        return kr_raise(vm, KR_EXC(vm, TypeError), "can only append array (not \"%s\") to array", kr_typename(vm, b));
    if (ARR(a)->tc != ARR(b)->tc)
        return kr_raise(vm, KR_EXC(vm, TypeError), "bad argument type for built-in operation");
    int64_t na = ARR(a)->size, nb = ARR(b)->size, isz = ARR(a)->tc->itemsize;
    kr_value r = array_alloc(vm, base_type(vm, a), ARR(a)->tc, na + nb);
    if (!r)
        return KR_NULL;
    if (na)
        memcpy(ARR(r)->data, ARR(a)->data, (size_t)(na * isz));
    if (nb)
        memcpy(ARR(r)->data + na * isz, ARR(b)->data, (size_t)(nb * isz));
    return r;
}

static kr_value array_repeat(kr_vm *vm, kr_value a, kr_value b)
{
    kr_value arr = is_array(vm, a) ? a : b, count = arr == a ? b : a;
    if (!kr_type_of(vm, count)->index && !kr_is_small(count))
        return KR_NOTIMPL;
    int64_t n;
    if (kr_index_ssize(vm, count, &n) < 0)
        return KR_NULL;
    if (n < 0)
        n = 0;
    int64_t len = ARR(arr)->size, isz = ARR(arr)->tc->itemsize;
    if (len && n > INT64_MAX / 2 / isz / len)
        return kr_raise_nomemory(vm), KR_NULL;
    kr_value r = array_alloc(vm, base_type(vm, arr), ARR(arr)->tc, len * n);
    if (!r)
        return KR_NULL;
    for (int64_t k = 0; k < n && len; k++)
        memcpy(ARR(r)->data + k * len * isz, ARR(arr)->data, (size_t)(len * isz));
    return r;
}

static kr_value array_iconcat(kr_vm *vm, kr_value a, kr_value b)
{
    if (!is_array(vm, b))
        return kr_raise(vm, KR_EXC(vm, TypeError), "can only extend array with array (not \"%s\")", kr_typename(vm, b));
    if (ARR(a)->tc != ARR(b)->tc)
        return kr_raise(vm, KR_EXC(vm, TypeError), "can only extend with array of same kind");
    if (append_bytes(vm, ARR(a), ARR(b)->data ? ARR(b)->data : (uint8_t *)"", ARR(b)->size * ARR(b)->tc->itemsize) < 0)
        return KR_NULL;
    return a;
}

static kr_value array_irepeat(kr_vm *vm, kr_value a, kr_value b)
{
    int64_t n;
    if (!kr_type_of(vm, b)->index && !kr_is_small(b))
        return KR_NOTIMPL;
    if (kr_index_ssize(vm, b, &n) < 0)
        return KR_NULL;
    kr_array *x = ARR(a);
    int64_t len = x->size, isz = x->tc->itemsize;
    if (n <= 0) {
        x->size = 0;
        return a;
    }
    if (len && n > INT64_MAX / 2 / isz / len)
        return kr_raise_nomemory(vm), KR_NULL;
    if (reserve(vm, x, len * n) < 0)
        return KR_NULL;
    for (int64_t k = 1; k < n && len; k++)
        memcpy(x->data + k * len * isz, x->data, (size_t)(len * isz));
    x->size = len * n;
    return a;
}

/* ================================================================ methods */

#define SELF args[0]

static kr_value m_append(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "append", nargs, kwnames) < 0 || append_value(vm, SELF, args[1]) < 0)
        return KR_NULL;
    return KR_NONE;
}

static kr_value m_extend(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "extend", nargs, kwnames) < 0)
        return KR_NULL;
    if (is_array(vm, args[1]))
        return array_iconcat(vm, SELF, args[1]) ? KR_NONE : KR_NULL;
    return extend_iterable(vm, SELF, args[1]) < 0 ? KR_NULL : KR_NONE;
}

static kr_value m_insert(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t i;
    if (kr_args_no_kw(vm, "insert", kwnames) < 0 || kr_args_count(vm, "insert", nargs - 1, 2, 2) < 0 ||
        kr_index_ssize(vm, args[1], &i) < 0)
        return KR_NULL;
    uint8_t tmp[8];
    if (pack_value(vm, ARR(SELF)->tc, args[2], tmp) < 0)
        return KR_NULL;
    kr_array *a = ARR(SELF);
    if (i < 0) {
        i += a->size;
        if (i < 0)
            i = 0;
    }
    if (i > a->size)
        i = a->size;
    if (reserve(vm, a, a->size + 1) < 0)
        return KR_NULL;
    int64_t isz = a->tc->itemsize;
    memmove(item_ptr(a, i + 1), item_ptr(a, i), (size_t)((a->size - i) * isz));
    memcpy(item_ptr(a, i), tmp, (size_t)isz);
    a->size++;
    return KR_NONE;
}

static kr_value m_pop(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t i = -1;
    if (kr_args_no_kw(vm, "pop", kwnames) < 0 || kr_args_count(vm, "pop", nargs - 1, 0, 1) < 0 ||
        (nargs > 1 && kr_index_ssize(vm, args[1], &i) < 0))
        return KR_NULL;
    kr_array *a = ARR(SELF);
    if (a->size == 0)
        return kr_raise(vm, KR_EXC(vm, IndexError), "pop from empty array");
    if (i < 0)
        i += a->size;
    if (i < 0 || i >= a->size)
        return kr_raise(vm, KR_EXC(vm, IndexError), "pop index out of range");
    kr_value v = get_item(vm, a, i);
    if (!v)
        return KR_NULL;
    delete_slice(ARR(SELF), i, 1, 1);
    return v;
}

/* The index of the first item equal to v in [start, stop), -1 if none, -2 on error. */
static int64_t find_item(kr_vm *vm, kr_value self, kr_value v, int64_t start, int64_t stop)
{
    for (int64_t i = start; i < stop && i < ARR(self)->size; i++) {
        kr_value x = get_item(vm, ARR(self), i);
        if (!x)
            return -2;
        int r = kr_eq(vm, x, v);
        if (r < 0)
            return -2;
        if (r)
            return i;
    }
    return -1;
}

static kr_value m_index(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t start = 0, stop = INT64_MAX;
    if (kr_args_no_kw(vm, "index", kwnames) < 0 || kr_args_count(vm, "index", nargs - 1, 1, 3) < 0 ||
        (nargs > 2 && kr_seq_slice_arg(vm, args[2], &start) < 0) || (nargs > 3 && kr_seq_slice_arg(vm, args[3], &stop) < 0))
        return KR_NULL;
    int64_t n = ARR(SELF)->size;
    if (start < 0 && (start += n) < 0)
        start = 0;
    if (stop < 0 && (stop += n) < 0)
        stop = 0;
    int64_t i = find_item(vm, SELF, args[1], start, stop);
    if (i == -2)
        return KR_NULL;
    if (i < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "array.index(x): x not in array");
    return kr_small(i);
}

static kr_value m_count(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "count", nargs, kwnames) < 0)
        return KR_NULL;
    int64_t c = 0;
    for (int64_t i = 0; i < ARR(SELF)->size; i++) {
        kr_value x = get_item(vm, ARR(SELF), i);
        int r = x ? kr_eq(vm, x, args[1]) : -1;
        if (r < 0)
            return KR_NULL;
        c += r;
    }
    return kr_small(c);
}

static kr_value m_remove(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "remove", nargs, kwnames) < 0)
        return KR_NULL;
    int64_t i = find_item(vm, SELF, args[1], 0, INT64_MAX);
    if (i == -2)
        return KR_NULL;
    if (i < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "array.remove(x): x not in array");
    delete_slice(ARR(SELF), i, 1, 1);
    return KR_NONE;
}

static kr_value m_reverse(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "reverse", nargs, kwnames) < 0)
        return KR_NULL;
    kr_array *a = ARR(SELF);
    int64_t isz = a->tc->itemsize;
    uint8_t tmp[8];
    for (int64_t i = 0, j = a->size - 1; i < j; i++, j--) {
        memcpy(tmp, item_ptr(a, i), (size_t)isz);
        memcpy(item_ptr(a, i), item_ptr(a, j), (size_t)isz);
        memcpy(item_ptr(a, j), tmp, (size_t)isz);
    }
    return KR_NONE;
}

static kr_value m_byteswap(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "byteswap", nargs, kwnames) < 0)
        return KR_NULL;
    kr_array *a = ARR(SELF);
    int64_t isz = a->tc->itemsize;
    for (int64_t i = 0; i < a->size; i++) {
        uint8_t *p = item_ptr(a, i);
        for (int64_t k = 0; k < isz / 2; k++) {
            uint8_t t = p[k];
            p[k] = p[isz - 1 - k];
            p[isz - 1 - k] = t;
        }
    }
    return KR_NONE;
}

static kr_value m_buffer_info(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "buffer_info", nargs, kwnames) < 0)
        return KR_NULL;
    kr_value addr = kr_int_from_u64(vm, (uint64_t)(uintptr_t)ARR(SELF)->data);
    return addr ? kr_tuple_pack(vm, 2, addr, kr_small(ARR(SELF)->size)) : KR_NULL;
}

static kr_value m_tobytes(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "tobytes", nargs, kwnames) < 0)
        return KR_NULL;
    kr_array *a = ARR(SELF);
    return kr_bytes_new(vm, a->data ? a->data : (uint8_t *)"", (size_t)(a->size * a->tc->itemsize));
}

static kr_value m_frombytes(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const uint8_t *d;
    int64_t n;
    if (kr_args_method1(vm, "frombytes", nargs, kwnames) < 0 || kr_bytes_buffer(vm, args[1], &d, &n) < 0)
        return KR_NULL;
    return append_bytes(vm, ARR(SELF), d, n) < 0 ? KR_NULL : KR_NONE;
}

static kr_value m_tolist(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "tolist", nargs, kwnames) < 0)
        return KR_NULL;
    kr_value list = kr_list_new(vm, ARR(SELF)->size);
    if (!list)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &list);
    for (int64_t i = 0; i < ARR(SELF)->size; i++) {
        kr_value v = get_item(vm, ARR(SELF), i);
        if (!v || kr_list_append(vm, list, v) < 0) {
            list = KR_NULL;
            break;
        }
    }
    kr_root_reset(vm, mark);
    return list;
}

static kr_value m_fromlist(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "fromlist", nargs, kwnames) < 0)
        return KR_NULL;
    if (!kr_is_ptr(args[1]) || !kr_type_is_subtype(KR_OBJ(args[1])->type, vm->t.list))
        return kr_raise(vm, KR_EXC(vm, TypeError), "arg must be list");
    int64_t old = ARR(SELF)->size;
    for (int64_t i = 0; i < KR_AS(kr_list, args[1])->size; i++) {
        if (append_value(vm, SELF, KR_AS(kr_list, args[1])->items[i]) < 0) {
            ARR(SELF)->size = old; /* all or nothing */
            return KR_NULL;
        }
    }
    return KR_NONE;
}

static bool unicode_only(kr_vm *vm, kr_value self, const char *fname)
{
    if (ARR(self)->tc->kind == K_UNICODE)
        return true;
    kr_raise(vm, KR_EXC(vm, ValueError), "%s() may only be called on unicode type arrays ('u' or 'w')", fname);
    return false;
}

static kr_value m_fromunicode(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "fromunicode", nargs, kwnames) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "fromunicode() argument must be str, not %s", kr_typename(vm, args[1]));
    if (!unicode_only(vm, SELF, "fromunicode"))
        return KR_NULL;
    return append_unicode(vm, ARR(SELF), args[1]) < 0 ? KR_NULL : KR_NONE;
}

static kr_value m_tounicode(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "tounicode", nargs, kwnames) < 0 || !unicode_only(vm, SELF, "tounicode"))
        return KR_NULL;
    kr_sb sb;
    kr_sb_init(&sb);
    kr_array *a = ARR(SELF);
    for (int64_t i = 0; i < a->size; i++) {
        uint32_t cp;
        memcpy(&cp, item_ptr(a, i), 4);
        if (cp > 0x10FFFF) {
            kr_sb_free(&sb);
            return kr_raise(vm, KR_EXC(vm, ValueError), "character U+%x is not in range [U+0000; U+10ffff]", cp);
        }
        char buf[4];
        kr_sb_append(&sb, buf, (size_t)kr_utf8_encode(cp, buf));
    }
    return kr_sb_finish(vm, &sb);
}

static kr_value m_tofile(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "tofile", nargs, kwnames) < 0)
        return KR_NULL;
    kr_value data = m_tobytes(vm, args, 1, KR_NULL);
    if (!data)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &data);
    kr_value r = kr_call_method(vm, args[1], "write", &data, 1);
    kr_root_reset(vm, mark);
    return r ? KR_NONE : KR_NULL;
}

static kr_value m_fromfile(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t n;
    if (kr_args_no_kw(vm, "fromfile", kwnames) < 0 || kr_args_count(vm, "fromfile", nargs - 1, 2, 2) < 0 ||
        kr_index_ssize(vm, args[2], &n) < 0)
        return KR_NULL;
    if (n < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "negative count");
    int64_t isz = ARR(SELF)->tc->itemsize;
    if (n > INT64_MAX / isz)
        return kr_raise_nomemory(vm), KR_NULL;
    kr_value want = kr_int_from_i64(vm, n * isz);
    kr_value data = want ? kr_call_method(vm, args[1], "read", &want, 1) : KR_NULL;
    if (!data)
        return KR_NULL;
    if (!kr_is_bytes(vm, data))
        return kr_raise(vm, KR_EXC(vm, TypeError), "read() didn't return bytes");
    int64_t got = kr_bytes_size(data);
    if (append_bytes(vm, ARR(SELF), kr_bytes_data(data), got - got % isz) < 0)
        return KR_NULL;
    if (got != n * isz)
        return kr_raise(vm, KR_EXC(vm, EOFError), "read() didn't return enough bytes");
    return KR_NONE;
}

static kr_value m_copy(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_value r = array_alloc(vm, base_type(vm, SELF), ARR(SELF)->tc, ARR(SELF)->size);
    if (r && ARR(SELF)->size)
        memcpy(ARR(r)->data, ARR(SELF)->data, (size_t)(ARR(SELF)->size * ARR(SELF)->tc->itemsize));
    return r;
}

/* (type(self), (typecode, items), __dict__ or None): copy and pickle rebuild it by calling the type */
static kr_value m_reduce_ex(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "__reduce_ex__", nargs, kwnames) < 0)
        return KR_NULL;
    kr_value items = ARR(SELF)->tc->kind == K_UNICODE ? m_tounicode(vm, args, 1, KR_NULL) : m_tolist(vm, args, 1, KR_NULL);
    if (!items)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &items);
    char code = ARR(SELF)->tc->code;
    kr_value tc = kr_str_new(vm, &code, 1);
    kr_value ctor_args = tc ? kr_tuple_pack(vm, 2, tc, items) : KR_NULL;
    kr_root_push(vm, &ctor_args);
    kr_value attrs = ARR(SELF)->attrs;
    kr_value r = ctor_args ? kr_tuple_pack(vm, 3, KR_VAL(kr_type_of(vm, SELF)), ctor_args, attrs ? attrs : KR_NONE)
                           : KR_NULL;
    kr_root_reset(vm, mark);
    return r;
}

static kr_value m_sizeof(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "__sizeof__", nargs, kwnames) < 0)
        return KR_NULL;
    return kr_small((int64_t)sizeof(kr_array) + ARR(SELF)->cap * ARR(SELF)->tc->itemsize);
}

static const kr_method_def array_methods[] = {
    {"append", m_append, 0, "Append new value v to the end of the array."},
    {"extend", m_extend, 0, "Append items to the end of the array."},
    {"insert", m_insert, 0, "Insert a new item v into the array before position i."},
    {"pop", m_pop, 0, "Return the i-th element and delete it from the array."},
    {"index", m_index, 0, "Return index of first occurrence of v in the array."},
    {"count", m_count, 0, "Return number of occurrences of v in the array."},
    {"remove", m_remove, 0, "Remove the first occurrence of v in the array."},
    {"reverse", m_reverse, 0, "Reverse the order of the items in the array."},
    {"byteswap", m_byteswap, 0, "Byteswap all items of the array."},
    {"buffer_info", m_buffer_info, 0, "Return a tuple (address, length) giving the current memory address and the length in items."},
    {"tobytes", m_tobytes, 0, "Convert the array to an array of machine values and return the bytes representation."},
    {"frombytes", m_frombytes, 0, "Appends items from the string, interpreting it as an array of machine values."},
    {"tolist", m_tolist, 0, "Convert array to an ordinary list with the same items."},
    {"fromlist", m_fromlist, 0, "Append items to array from list."},
    {"tounicode", m_tounicode, 0, "Extends this array with data from the unicode string ustr."},
    {"fromunicode", m_fromunicode, 0, "Convert the array to a unicode string."},
    {"tofile", m_tofile, 0, "Write all items (as machine values) to the file object f."},
    {"fromfile", m_fromfile, 0, "Read n objects from the file object f and append them to the end of the array."},
    {"__copy__", m_copy, 0, "Return a copy of the array."},
    {"__deepcopy__", m_copy, 0, "Return a copy of the array."},
    {"__reduce_ex__", m_reduce_ex, 0, "Return state information for pickling."},
    {"__sizeof__", m_sizeof, 0, "Size of the array in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static kr_value g_typecode(kr_vm *vm, kr_value self)
{
    char c = ARR(self)->tc->code;
    return kr_str_new(vm, &c, 1);
}
static kr_value g_itemsize(kr_vm *vm, kr_value self) { (void)vm; return kr_small(ARR(self)->tc->itemsize); }

static const kr_getset_def array_getsets[] = {
    {"typecode", g_typecode, NULL, "the typecode character used to create the array"},
    {"itemsize", g_itemsize, NULL, "the size, in bytes, of one array item"},
    {NULL, NULL, NULL, NULL},
};

kr_value kr_array_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "array");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value state = kr_tuple_new(vm, ST_COUNT);
    if (!state)
        goto fail;
    KR_AS(kr_module, m)->state = state;
    kr_gc_barrier(vm, KR_OBJ(m), state);
    kr_type *t = kr_type_new_builtin(vm, "array.array", vm->t.object, sizeof(kr_array), KR_TF_BASETYPE | KR_TF_WEAKREFABLE);
    t->trace = array_trace;
    t->finalize = array_finalize;
    t->new_ = array_new;
    t->repr = array_repr;
    t->hash = kr_hash_unhashable;
    t->richcompare = array_richcompare;
    t->len = array_len;
    t->getitem = array_getitem;
    t->setitem = array_setitem;
    t->contains = array_contains;
    t->binop[KR_OP_ADD] = array_concat;
    t->binop[KR_OP_MUL] = array_repeat;
    t->inplace[KR_OP_ADD] = array_iconcat;
    t->inplace[KR_OP_MUL] = array_irepeat;
    t->getbuffer = array_getbuffer;
    t->methods = array_methods;
    t->getsets = array_getsets;
    t->attrs_offset = offsetof(kr_array, attrs);
    KR_TX(t)->module_state = state;
    kr_tuple_items(state)[ST_ARRAY] = KR_VAL(t);
    kr_gc_barrier_all(vm, KR_OBJ(state));
    if (kr_type_ready(vm, t) < 0)
        goto fail;
    kr_value codes = kr_str_from_cstr(vm, "bBuwhHiIlLqQfd");
    if (!codes || kr_module_add(vm, m, "typecodes", codes) < 0 || kr_module_add(vm, m, "array", KR_VAL(t)) < 0 ||
        kr_module_add(vm, m, "ArrayType", KR_VAL(t)) < 0)
        goto fail;
    kr_root_reset(vm, mark);
    return m;
fail:
    kr_root_reset(vm, mark);
    return KR_NULL;
}
