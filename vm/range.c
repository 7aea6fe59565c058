/* range.c: range, range_iterator and slice.
 *
 * A range whose start, stop and step all fit int64 is "small": it keeps them inline with a uint64 length
 * (range.h) and item i is start + i*step computed in uint64 arithmetic, which is exact because every
 * item lies between start and stop. Any other range is "big" (KR_RANGE_BIG in ob.flags): its bounds and
 * length are int values (bstart, bstop, bstep, blen) and every operation on it goes through the generic
 * int path below, as CPython's PyLong-based range does. Operations on small ranges whose results leave
 * int64 (slices, lengths beyond INT64_MAX) use the same generic path. Iterators follow the same split:
 * an iterator is small whenever all of its items fit int64, even for a big range. */
#include "range.h"

#include <string.h>

#include "init.h"
#include "int.h"
#include "list.h"
#include "tuple.h"

/* ---- generic int arithmetic on core ints (small or exact-int bigint). Every helper propagates
 * KR_NULL (an exception is then pending), so a chain of them needs one check at its end. None of them
 * runs Python code: values held in C locals stay valid. ---- */
static kr_value iop(kr_vm *vm, int op, kr_value a, kr_value b)
{
    if (!a || !b)
        return KR_NULL;
    return kr_int_binop(vm, op, a, b);
}
#define I_ADD(a, b) iop(vm, KR_OP_ADD, (a), (b))
#define I_SUB(a, b) iop(vm, KR_OP_SUB, (a), (b))
#define I_MUL(a, b) iop(vm, KR_OP_MUL, (a), (b))
#define I_FDIV(a, b) iop(vm, KR_OP_FLOORDIV, (a), (b))
#define I_MOD(a, b) iop(vm, KR_OP_MOD, (a), (b))

/* Does a core int fit int64? (No exception either way.) */
static bool fits_i64(kr_value core, int64_t *out)
{
    if (kr_is_small(core)) {
        *out = kr_small_val(core);
        return true;
    }
    const kr_bigint *b = KR_AS(kr_bigint, core);
    if (b->size == 1 && b->limbs[0] <= (uint64_t)INT64_MAX) {
        *out = (int64_t)b->limbs[0];
        return true;
    }
    if (b->size == -1 && b->limbs[0] <= (uint64_t)1 << 63) {
        *out = (int64_t)(0 - b->limbs[0]);
        return true;
    }
    return false;
}

/* A core int in (-2**64, 2**64): its value modulo 2**64. */
static bool low64(kr_value core, uint64_t *out)
{
    if (kr_is_small(core)) {
        *out = (uint64_t)kr_small_val(core);
        return true;
    }
    const kr_bigint *b = KR_AS(kr_bigint, core);
    if (b->size != 1 && b->size != -1)
        return false;
    *out = b->size < 0 ? 0 - b->limbs[0] : b->limbs[0];
    return true;
}

static uint64_t range_length(int64_t start, int64_t stop, int64_t step)
{
    if (step > 0 && start < stop)
        return ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1;
    if (step < 0 && start > stop)
        return ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1;
    return 0;
}

/* CPython's compute_range_length on core ints (step != 0). */
static kr_value length_of(kr_vm *vm, kr_value start, kr_value stop, kr_value step)
{
    kr_value lo = start, hi = stop;
    if (kr_int_sign(step) < 0) {
        lo = stop;
        hi = start;
        step = kr_int_neg(vm, step);
        if (!step)
            return KR_NULL;
    }
    if (kr_int_cmp(lo, hi) >= 0)
        return kr_small(0);
    return I_ADD(I_FDIV(I_SUB(I_SUB(hi, lo), kr_small(1)), step), kr_small(1));
}

static inline bool range_is_big(const kr_range *r) { return (r->ob.flags & KR_RANGE_BIG) != 0; }

static inline int64_t range_item(kr_range *r, uint64_t i)
{
    return (int64_t)((uint64_t)r->start + i * (uint64_t)r->step);
}

static inline kr_value int_value(kr_vm *vm, int64_t v)
{
    return kr_fits_small(v) ? kr_small(v) : kr_int_from_i64(vm, v);
}

/* The bounds and length of any range as core ints (allocating for small ranges beyond small ints). */
static kr_value r_start(kr_vm *vm, kr_range *r) { return range_is_big(r) ? r->bstart : int_value(vm, r->start); }
static kr_value r_stop(kr_vm *vm, kr_range *r) { return range_is_big(r) ? r->bstop : int_value(vm, r->stop); }
static kr_value r_step(kr_vm *vm, kr_range *r) { return range_is_big(r) ? r->bstep : int_value(vm, r->step); }
static kr_value r_len(kr_vm *vm, kr_range *r) { return range_is_big(r) ? r->blen : kr_int_from_u64(vm, r->len); }

kr_value kr_range_from_i64(kr_vm *vm, int64_t start, int64_t stop, int64_t step)
{
    kr_range *r = kr_gc_alloc(vm, vm->t.range, sizeof *r);
    if (!r)
        return KR_NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = range_length(start, stop, step);
    r->bstart = r->bstop = r->bstep = r->blen = KR_NULL;
    return KR_VAL(r);
}

/* range(start, stop, step) from core ints (step != 0): small when the three fit int64. */
static kr_value range_from_values(kr_vm *vm, kr_value start, kr_value stop, kr_value step)
{
    int64_t a, b, c;
    if (fits_i64(start, &a) && fits_i64(stop, &b) && fits_i64(step, &c))
        return kr_range_from_i64(vm, a, b, c);
    kr_value len = length_of(vm, start, stop, step);
    if (!len)
        return KR_NULL;
    kr_range *r = kr_gc_alloc(vm, vm->t.range, sizeof *r);
    if (!r)
        return KR_NULL;
    r->ob.flags |= KR_RANGE_BIG;
    /* Sentinels that fail every kr_fits_small fast-path test (see range.h). */
    r->start = r->stop = r->step = INT64_MIN;
    r->len = 0;
    r->bstart = start;
    r->bstop = stop;
    r->bstep = step;
    r->blen = len;
    kr_gc_barrier(vm, &r->ob, start);
    kr_gc_barrier(vm, &r->ob, stop);
    kr_gc_barrier(vm, &r->ob, step);
    kr_gc_barrier(vm, &r->ob, len);
    return KR_VAL(r);
}

static void range_trace(kr_vm *vm, kr_object *o)
{
    kr_range *r = (kr_range *)o;
    kr_gc_mark(vm, r->bstart);
    kr_gc_mark(vm, r->bstop);
    kr_gc_mark(vm, r->bstep);
    kr_gc_mark(vm, r->blen);
}

/* An argument of range(): int or __index__, as a core int. */
static kr_value range_arg(kr_vm *vm, kr_value v)
{
    if (kr_is_small(v))
        return v;
    if (!kr_type_of(vm, v)->index)
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer",
                        kr_typename(vm, v));
    kr_value iv = kr_index(vm, v);
    return iv ? kr_int_value(vm, iv) : KR_NULL;
}

kr_value kr_range_new(kr_vm *vm, kr_value start, kr_value stop, kr_value step)
{
    /* __index__ may run Python code: the converted bounds are rooted until the range holds them. */
    kr_value a = kr_small(0), b = KR_NULL, c = kr_small(1), r = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &a);
    kr_root_push(vm, &b);
    kr_root_push(vm, &c);
    if ((start && !(a = range_arg(vm, start))) || !(b = range_arg(vm, stop)) || (step && !(c = range_arg(vm, step))))
        goto done;
    if (kr_int_sign(c) == 0) {
        kr_raise(vm, KR_EXC(vm, ValueError), "range() arg 3 must not be zero");
        goto done;
    }
    r = range_from_values(vm, a, b, c);
done:
    kr_root_reset(vm, m);
    return r;
}

static kr_value range_new_(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)cls;
    if (kwnames && kr_tuple_size(kwnames) > 0)
        return kr_raise(vm, KR_EXC(vm, TypeError), "range() takes no keyword arguments");
    if (nargs == 0)
        return kr_raise(vm, KR_EXC(vm, TypeError), "range expected at least 1 argument, got 0");
    if (nargs > 3)
        return kr_raise(vm, KR_EXC(vm, TypeError), "range expected at most 3 arguments, got %d", nargs);
    if (nargs == 1)
        return kr_range_new(vm, KR_NULL, args[0], KR_NULL);
    return kr_range_new(vm, args[0], args[1], nargs == 3 ? args[2] : KR_NULL);
}

static kr_value range_repr(kr_vm *vm, kr_value self)
{
    kr_range *r = KR_AS(kr_range, self);
    if (!range_is_big(r)) {
        if (r->step == 1)
            return kr_str_fmt(vm, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
        return kr_str_fmt(vm, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                          (long long)r->step);
    }
    kr_value a = kr_int_to_str(vm, r->bstart, 10), b = kr_int_to_str(vm, r->bstop, 10);
    if (!a || !b)
        return KR_NULL;
    if (kr_int_cmp(r->bstep, kr_small(1)) == 0)
        return kr_str_fmt(vm, "range(%s, %s)", kr_str_data(a), kr_str_data(b));
    kr_value c = kr_int_to_str(vm, r->bstep, 10);
    if (!c)
        return KR_NULL;
    return kr_str_fmt(vm, "range(%s, %s, %s)", kr_str_data(a), kr_str_data(b), kr_str_data(c));
}

static int64_t range_len(kr_vm *vm, kr_value self)
{
    kr_range *r = KR_AS(kr_range, self);
    int64_t n = (int64_t)r->len;
    if (range_is_big(r) ? !fits_i64(r->blen, &n) : r->len > (uint64_t)INT64_MAX) {
        kr_raise(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C ssize_t");
        return -1;
    }
    return n;
}

static int range_bool(kr_vm *vm, kr_value self)
{
    (void)vm;
    kr_range *r = KR_AS(kr_range, self);
    return range_is_big(r) ? kr_int_sign(r->blen) != 0 : r->len != 0;
}

/* Is x (a core int) an item of the small range r? Sets *index. */
static bool range_find_small(kr_range *r, kr_value x_core, uint64_t *index)
{
    int64_t x;
    if (!fits_i64(x_core, &x) || r->len == 0) /* beyond int64: never an item of a small range */
        return false;
    uint64_t d;
    if (r->step > 0) {
        if (x < r->start || x >= r->stop)
            return false;
        d = ((uint64_t)x - (uint64_t)r->start);
        if (d % (uint64_t)r->step)
            return false;
        *index = d / (uint64_t)r->step;
    } else {
        if (x > r->start || x <= r->stop)
            return false;
        d = ((uint64_t)r->start - (uint64_t)x);
        if (d % (0 - (uint64_t)r->step))
            return false;
        *index = d / (0 - (uint64_t)r->step);
    }
    return true;
}

/* Is x (a core int) an item of r? 1 and *index (an int) set, 0 no, -1 error. Any range. */
static int range_find_int(kr_vm *vm, kr_range *r, kr_value x, kr_value *index)
{
    if (!range_is_big(r)) {
        uint64_t i;
        if (!range_find_small(r, x, &i))
            return 0;
        *index = kr_int_from_u64(vm, i);
        return *index ? 1 : -1;
    }
    if (kr_int_sign(r->bstep) > 0 ? (kr_int_cmp(x, r->bstart) < 0 || kr_int_cmp(x, r->bstop) >= 0)
                                  : (kr_int_cmp(x, r->bstart) > 0 || kr_int_cmp(x, r->bstop) <= 0))
        return 0;
    kr_value d = I_SUB(x, r->bstart);
    kr_value rem = I_MOD(d, r->bstep);
    if (!rem)
        return -1;
    if (kr_int_sign(rem) != 0)
        return 0;
    *index = I_FDIV(d, r->bstep);
    return *index ? 1 : -1;
}

static bool is_exact_int(kr_vm *vm, kr_value v)
{
    kr_type *t = kr_type_of(vm, v);
    return t == vm->t.int_ || t == vm->t.bool_;
}

/* Linear search for non-int values (CPython's _PySequence_IterSearch). Returns index, -1 absent, -2 error.
 * kr_eq may run Python code: the current item, the step and the length are rooted. */
static int64_t range_search(kr_vm *vm, kr_range *r, kr_value v, int64_t *count)
{
    kr_value item = KR_NULL, step = KR_NULL, len = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &item);
    kr_root_push(vm, &step);
    kr_root_push(vm, &len);
    int64_t found = -1;
    item = r_start(vm, r);
    step = r_step(vm, r);
    len = r_len(vm, r);
    if (!item || !step || !len) {
        found = -2;
        goto done;
    }
    for (int64_t i = 0; kr_int_cmp(kr_small(i), len) < 0; i++) {
        if (i > 0 && !(item = I_ADD(item, step))) {
            found = -2;
            goto done;
        }
        int k = kr_eq(vm, item, v);
        if (k < 0) {
            found = -2;
            goto done;
        }
        if (k) {
            if (found < 0)
                found = i;
            if (!count)
                goto done;
            (*count)++;
        }
    }
done:
    kr_root_reset(vm, m);
    return found;
}

static int range_contains(kr_vm *vm, kr_value self, kr_value v)
{
    kr_range *r = KR_AS(kr_range, self);
    if (is_exact_int(vm, v)) {
        if (!range_is_big(r)) {
            uint64_t i;
            return range_find_small(r, kr_int_value(vm, v), &i);
        }
        kr_value i;
        return range_find_int(vm, r, kr_int_value(vm, v), &i);
    }
    int64_t k = range_search(vm, r, v, NULL);
    return k == -2 ? -1 : k >= 0;
}

/* An index or bound of a slice for the generic path: int or __index__ as a core int. */
static kr_value slice_long_index(kr_vm *vm, kr_value v)
{
    if (kr_is_small(v))
        return v;
    if (!kr_type_of(vm, v)->index)
        return kr_raise(vm, KR_EXC(vm, TypeError), "slice indices must be integers or None or have an __index__ method");
    kr_value iv = kr_index(vm, v);
    return iv ? kr_int_value(vm, iv) : KR_NULL;
}

/* Clamp a slice bound as _PySlice_GetLongIndices does. */
static kr_value slice_adjust(kr_vm *vm, kr_value x, kr_value len, kr_value lower, kr_value upper)
{
    if (kr_int_sign(x) < 0) {
        x = I_ADD(x, len);
        if (x && kr_int_cmp(x, lower) < 0)
            x = lower;
    } else if (kr_int_cmp(x, upper) > 0) {
        x = upper;
    }
    return x;
}

/* r[slice] with int values throughout (CPython's compute_slice). */
static kr_value range_slice_generic(kr_vm *vm, kr_range *r, kr_value key)
{
    kr_slice *s = KR_AS(kr_slice, key);
    kr_value start = KR_NULL, stop = KR_NULL, step = kr_small(1), result = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &start);
    kr_root_push(vm, &stop);
    kr_root_push(vm, &step);
    /* Evaluation order as CPython: step, start, stop (each may run __index__). */
    if (s->step != KR_NONE) {
        if (!(step = slice_long_index(vm, s->step)))
            goto done;
        if (kr_int_sign(step) == 0) {
            kr_raise(vm, KR_EXC(vm, ValueError), "slice step cannot be zero");
            goto done;
        }
    }
    if ((s->start != KR_NONE && !(start = slice_long_index(vm, s->start))) ||
        (s->stop != KR_NONE && !(stop = slice_long_index(vm, s->stop))))
        goto done;
    /* No Python code runs from here on. */
    kr_value len = r_len(vm, r);
    if (!len)
        goto done;
    bool neg = kr_int_sign(step) < 0;
    kr_value lower = kr_small(neg ? -1 : 0);
    kr_value upper = neg ? I_SUB(len, kr_small(1)) : len;
    if (!upper)
        goto done;
    start = start ? slice_adjust(vm, start, len, lower, upper) : (neg ? upper : lower);
    stop = stop ? slice_adjust(vm, stop, len, lower, upper) : (neg ? lower : upper);
    kr_value rs = r_start(vm, r), rst = r_step(vm, r);
    kr_value nstart = I_ADD(rs, I_MUL(start, rst));
    kr_value nstop = I_ADD(rs, I_MUL(stop, rst));
    kr_value nstep = I_MUL(step, rst);
    if (nstart && nstop && nstep)
        result = range_from_values(vm, nstart, nstop, nstep);
done:
    kr_root_reset(vm, m);
    return result;
}

static bool none_or_small(kr_value v) { return v == KR_NONE || kr_is_small(v); }

static kr_value range_getitem(kr_vm *vm, kr_value self, kr_value key)
{
    kr_range *r = KR_AS(kr_range, self);
    if (kr_seq_is_slice(vm, key)) {
        kr_slice *s = KR_AS(kr_slice, key);
        /* int64 fast path: no __index__ to call and no clamping that could change the result (a huge
         * step would be clamped by kr_slice_indices); on overflow, the generic path recomputes. */
        if (!range_is_big(r) && r->len <= (uint64_t)INT64_MAX && none_or_small(s->start) &&
            none_or_small(s->stop) && none_or_small(s->step)) {
            int64_t start, stop, step;
            if (kr_slice_indices(vm, key, (int64_t)r->len, &start, &stop, &step) < 0)
                return KR_NULL;
            int64_t nstart, nstop, nstep;
            if (!__builtin_mul_overflow(r->step, step, &nstep) && !__builtin_mul_overflow(start, r->step, &nstart) &&
                !__builtin_add_overflow(nstart, r->start, &nstart) && !__builtin_mul_overflow(stop, r->step, &nstop) &&
                !__builtin_add_overflow(nstop, r->start, &nstop))
                return kr_range_from_i64(vm, nstart, nstop, nstep);
        }
        return range_slice_generic(vm, r, key);
    }
    kr_value iv = key;
    if (!kr_is_small(key)) {
        kr_type *kt = kr_type_of(vm, key);
        if (!kt->index)
            return kr_raise(vm, KR_EXC(vm, TypeError), "range indices must be integers or slices, not %s",
                            kt->name_c);
        iv = kr_index(vm, key);
        if (!iv)
            return KR_NULL;
        iv = kr_int_value(vm, iv);
    }
    int64_t i;
    if (!range_is_big(r) && fits_i64(iv, &i)) {
        if (i < 0) {
            if ((uint64_t)0 - (uint64_t)i > r->len)
                return kr_raise(vm, KR_EXC(vm, IndexError), "range object index out of range");
            return int_value(vm, range_item(r, r->len - ((uint64_t)0 - (uint64_t)i)));
        }
        if ((uint64_t)i >= r->len)
            return kr_raise(vm, KR_EXC(vm, IndexError), "range object index out of range");
        return int_value(vm, range_item(r, (uint64_t)i));
    }
    /* Generic (CPython's compute_range_item); no Python code runs from here on. */
    kr_value len = r_len(vm, r);
    if (!len)
        return KR_NULL;
    if (kr_int_sign(iv) < 0 && !(iv = I_ADD(iv, len)))
        return KR_NULL;
    if (kr_int_sign(iv) < 0 || kr_int_cmp(iv, len) >= 0)
        return kr_raise(vm, KR_EXC(vm, IndexError), "range object index out of range");
    return I_ADD(r_start(vm, r), I_MUL(iv, r_step(vm, r)));
}

/* range == range: same length, and (if non-empty) same first item and (if longer than 1) same step. */
static int range_equal(kr_vm *vm, kr_range *x, kr_range *y)
{
    if (!range_is_big(x) && !range_is_big(y))
        return x->len == y->len && (x->len == 0 || (x->start == y->start && (x->len == 1 || x->step == y->step)));
    kr_value lx = r_len(vm, x), ly = r_len(vm, y);
    if (!lx || !ly)
        return -1;
    if (kr_int_cmp(lx, ly) != 0)
        return 0;
    if (kr_int_sign(lx) == 0)
        return 1;
    kr_value sx = r_start(vm, x), sy = r_start(vm, y);
    if (!sx || !sy)
        return -1;
    if (kr_int_cmp(sx, sy) != 0)
        return 0;
    if (kr_int_cmp(lx, kr_small(1)) == 0)
        return 1;
    kr_value tx = r_step(vm, x), ty = r_step(vm, y);
    if (!tx || !ty)
        return -1;
    return kr_int_cmp(tx, ty) == 0;
}

static kr_value range_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!kr_range_check(vm, a) || !kr_range_check(vm, b) || (op != KR_CMP_EQ && op != KR_CMP_NE))
        return KR_NOTIMPL;
    int eq = range_equal(vm, KR_AS(kr_range, a), KR_AS(kr_range, b));
    if (eq < 0)
        return KR_NULL;
    return kr_bool((eq != 0) == (op == KR_CMP_EQ));
}

/* hash((len, start, step)) with None for start when empty and for step when len <= 1 (CPython). */
static int64_t range_hash(kr_vm *vm, kr_value self)
{
    kr_range *r = KR_AS(kr_range, self);
    int64_t lanes[3];
    kr_value lenv = r_len(vm, r);
    if (!lenv)
        return -1;
    lanes[0] = kr_hash(vm, lenv);
    if (kr_int_sign(lenv) == 0) {
        lanes[1] = lanes[2] = kr_hash(vm, KR_NONE);
    } else {
        kr_value s = r_start(vm, r);
        if (!s)
            return -1;
        lanes[1] = kr_hash(vm, s);
        if (kr_int_cmp(lenv, kr_small(1)) == 0) {
            lanes[2] = kr_hash(vm, KR_NONE);
        } else {
            kr_value st = r_step(vm, r);
            if (!st)
                return -1;
            lanes[2] = kr_hash(vm, st);
        }
    }
    if (lanes[0] == -1 || lanes[1] == -1 || lanes[2] == -1)
        return -1;
    return kr_tuple_hash_lanes(lanes, 3);
}

/* ---- range_iterator ---- */

kr_value kr_range_iter_new(kr_vm *vm, int64_t start, int64_t step, uint64_t n)
{
    kr_range_iter *it = kr_gc_alloc(vm, vm->t.range_iter, sizeof *it);
    if (!it)
        return KR_NULL;
    it->next = start;
    it->step = step;
    it->remaining = n;
    it->bnext = it->bstep = it->bremaining = KR_NULL;
    return KR_VAL(it);
}

/* An iterator over start, start+step, ... (len items), all core ints. It is an int64 iterator when every
 * item fits int64: the first and the last do (items are monotonic); then with two items or more
 * |step| < 2**64 and step modulo 2**64 gives the exact items in uint64 arithmetic. */
static kr_value iter_from_values(kr_vm *vm, kr_value start, kr_value step, kr_value len)
{
    int64_t first, last;
    uint64_t n, ustep;
    if (kr_int_sign(len) >= 0 && low64(len, &n) && fits_i64(start, &first)) {
        if (n <= 1)
            return kr_range_iter_new(vm, first, 1, n);
        kr_value lastv = I_ADD(start, I_MUL(I_SUB(len, kr_small(1)), step));
        if (!lastv)
            return KR_NULL;
        if (fits_i64(lastv, &last) && low64(step, &ustep))
            return kr_range_iter_new(vm, first, (int64_t)ustep, n);
    }
    kr_range_iter *it = kr_gc_alloc(vm, vm->t.range_iter, sizeof *it);
    if (!it)
        return KR_NULL;
    it->ob.flags |= KR_RANGE_BIG;
    it->next = it->step = INT64_MIN;
    it->remaining = 0;
    it->bnext = start;
    it->bstep = step;
    it->bremaining = len;
    kr_gc_barrier(vm, &it->ob, start);
    kr_gc_barrier(vm, &it->ob, step);
    kr_gc_barrier(vm, &it->ob, len);
    return KR_VAL(it);
}

static void range_iter_trace(kr_vm *vm, kr_object *o)
{
    kr_range_iter *it = (kr_range_iter *)o;
    kr_gc_mark(vm, it->bnext);
    kr_gc_mark(vm, it->bstep);
    kr_gc_mark(vm, it->bremaining);
}

static kr_value range_iter(kr_vm *vm, kr_value self)
{
    kr_range *r = KR_AS(kr_range, self);
    if (!range_is_big(r))
        return kr_range_iter_new(vm, r->start, r->step, r->len);
    return iter_from_values(vm, r->bstart, r->bstep, r->blen);
}

static kr_value range_iter_next(kr_vm *vm, kr_value self)
{
    kr_range_iter *it = KR_AS(kr_range_iter, self);
    if (it->ob.flags & KR_RANGE_BIG) {
        if (kr_int_sign(it->bremaining) == 0)
            return KR_NULL;
        kr_value v = it->bnext;
        kr_value nx = I_ADD(v, it->bstep), rem = I_SUB(it->bremaining, kr_small(1));
        if (!nx || !rem)
            return KR_NULL;
        it->bnext = nx;
        kr_gc_barrier(vm, KR_OBJ(self), nx);
        it->bremaining = rem;
        kr_gc_barrier(vm, KR_OBJ(self), rem);
        return v;
    }
    if (it->remaining == 0)
        return KR_NULL;
    int64_t v = it->next;
    it->next = (int64_t)((uint64_t)v + (uint64_t)it->step);
    it->remaining--;
    return int_value(vm, v);
}

static kr_value iter_self(kr_vm *vm, kr_value self)
{
    (void)vm;
    return self;
}

static kr_value range_iter_length_hint(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_range_iter *it = KR_AS(kr_range_iter, args[0]);
    if (it->ob.flags & KR_RANGE_BIG)
        return it->bremaining;
    return kr_int_from_u64(vm, it->remaining);
}

static const kr_method_def range_iter_methods[] = {
    {"__length_hint__", range_iter_length_hint, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- range methods and attributes ---- */

static kr_value range_m_reversed(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_range *r = KR_AS(kr_range, args[0]);
    if (!range_is_big(r)) {
        if (r->len == 0)
            return kr_range_iter_new(vm, r->start, r->step, 0);
        int64_t last = range_item(r, r->len - 1);
        return kr_range_iter_new(vm, last, (int64_t)(0 - (uint64_t)r->step), r->len);
    }
    if (kr_int_sign(r->blen) == 0)
        return kr_range_iter_new(vm, 0, 1, 0);
    kr_value last = I_ADD(r->bstart, I_MUL(I_SUB(r->blen, kr_small(1)), r->bstep));
    kr_value nstep = kr_int_neg(vm, r->bstep);
    if (!last || !nstep)
        return KR_NULL;
    return iter_from_values(vm, last, nstep, r->blen);
}

static kr_value range_m_count(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "count", kwnames) < 0)
        return KR_NULL;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "range.count() takes exactly one argument (%d given)", nargs - 1);
    kr_range *r = KR_AS(kr_range, args[0]);
    if (is_exact_int(vm, args[1])) {
        kr_value i;
        int k = range_find_int(vm, r, kr_int_value(vm, args[1]), &i);
        return k < 0 ? KR_NULL : kr_small(k);
    }
    int64_t c = 0;
    if (range_search(vm, r, args[1], &c) == -2)
        return KR_NULL;
    return kr_int_from_i64(vm, c);
}

static kr_value range_m_index(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "index", kwnames) < 0)
        return KR_NULL;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "range.index() takes exactly one argument (%d given)", nargs - 1);
    kr_range *r = KR_AS(kr_range, args[0]);
    if (is_exact_int(vm, args[1])) {
        kr_value i;
        int k = range_find_int(vm, r, kr_int_value(vm, args[1]), &i);
        if (k < 0)
            return KR_NULL;
        if (k)
            return i;
        kr_value rep = kr_repr(vm, args[1]);
        if (!rep)
            return KR_NULL;
        return kr_raise(vm, KR_EXC(vm, ValueError), "%s is not in range", kr_str_data(rep));
    }
    int64_t k = range_search(vm, r, args[1], NULL);
    if (k == -2)
        return KR_NULL;
    if (k < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "sequence.index(x): x not in sequence");
    return kr_int_from_i64(vm, k);
}

static kr_value range_get_start(kr_vm *vm, kr_value self) { return r_start(vm, KR_AS(kr_range, self)); }
static kr_value range_get_stop(kr_vm *vm, kr_value self) { return r_stop(vm, KR_AS(kr_range, self)); }
static kr_value range_get_step(kr_vm *vm, kr_value self) { return r_step(vm, KR_AS(kr_range, self)); }

static const kr_method_def range_methods[] = {
    {"__reversed__", range_m_reversed, KR_METH_DEFAULT, NULL},
    {"count", range_m_count, KR_METH_DEFAULT, NULL},
    {"index", range_m_index, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const kr_getset_def range_getsets[] = {
    {"start", range_get_start, NULL, NULL},
    {"stop", range_get_stop, NULL, NULL},
    {"step", range_get_step, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ================= slice ================= */

kr_value kr_slice_new(kr_vm *vm, kr_value start, kr_value stop, kr_value step)
{
    kr_slice *s = kr_gc_alloc_small(vm, vm->t.slice, sizeof *s); /* pooled: slices die young */
    if (!s)
        return KR_NULL;
    s->start = start ? start : KR_NONE;
    s->stop = stop ? stop : KR_NONE;
    s->step = step ? step : KR_NONE;
    return KR_VAL(s);
}

static void slice_trace(kr_vm *vm, kr_object *o)
{
    kr_slice *s = (kr_slice *)o;
    kr_gc_mark(vm, s->start);
    kr_gc_mark(vm, s->stop);
    kr_gc_mark(vm, s->step);
}

static kr_value slice_new_(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)cls;
    if (kwnames && kr_tuple_size(kwnames) > 0)
        return kr_raise(vm, KR_EXC(vm, TypeError), "slice() takes no keyword arguments");
    if (nargs == 0)
        return kr_raise(vm, KR_EXC(vm, TypeError), "slice expected at least 1 argument, got 0");
    if (nargs > 3)
        return kr_raise(vm, KR_EXC(vm, TypeError), "slice expected at most 3 arguments, got %d", nargs);
    if (nargs == 1)
        return kr_slice_new(vm, KR_NONE, args[0], KR_NONE);
    return kr_slice_new(vm, args[0], args[1], nargs == 3 ? args[2] : KR_NONE);
}

static int slice_index_slow(kr_vm *vm, kr_value v, int64_t *out);

/* CPython's _PyEval_SliceIndex: int or __index__, clamped to the int64 range. The small int inline:
 * slicing runs it up to three times per slice. */
static inline int slice_index(kr_vm *vm, kr_value v, int64_t *out)
{
    if (kr_is_small(v)) {
        *out = kr_small_val(v);
        return 0;
    }
    return slice_index_slow(vm, v, out);
}

static int slice_index_slow(kr_vm *vm, kr_value v, int64_t *out)
{
    if (!kr_type_of(vm, v)->index)
        return kr_raise_i(vm, KR_EXC(vm, TypeError),
                          "slice indices must be integers or None or have an __index__ method");
    return kr_seq_slice_arg(vm, v, out);
}

int kr_slice_unpack_slow(kr_vm *vm, kr_value startv, kr_value stopv, kr_value stepv, int64_t *startp,
                         int64_t *stopp, int64_t *stepp)
{
    int64_t start, stop, step;
    /* CPython's order: step, start, stop (each __index__ may run Python code or raise) */
    if (stepv == KR_NONE) {
        step = 1;
    } else {
        if (slice_index(vm, stepv, &step) < 0)
            return -1;
        if (step == 0)
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "slice step cannot be zero");
        if (step < -INT64_MAX)
            step = -INT64_MAX;
    }
    if (startv == KR_NONE)
        start = step < 0 ? INT64_MAX : 0;
    else if (slice_index(vm, startv, &start) < 0)
        return -1;
    if (stopv == KR_NONE)
        stop = step < 0 ? INT64_MIN : INT64_MAX;
    else if (slice_index(vm, stopv, &stop) < 0)
        return -1;
    *startp = start;
    *stopp = stop;
    *stepp = step;
    return 0;
}

int64_t kr_slice_indices(kr_vm *vm, kr_value slice, int64_t length, int64_t *startp, int64_t *stopp, int64_t *stepp)
{
    kr_slice *s = KR_AS(kr_slice, slice);
    if (kr_slice_unpack(vm, s->start, s->stop, s->step, startp, stopp, stepp) < 0)
        return -1;
    return kr_slice_adjust(length, startp, stopp, *stepp);
}

static kr_value slice_repr(kr_vm *vm, kr_value self)
{
    kr_slice *s = KR_AS(kr_slice, self);
    kr_sb sb;
    kr_sb_init(&sb);
    kr_sb_append_cstr(&sb, "slice(");
    if (kr_sb_append_value(vm, &sb, s->start, true) < 0)
        goto fail;
    kr_sb_append(&sb, ", ", 2);
    if (kr_sb_append_value(vm, &sb, s->stop, true) < 0)
        goto fail;
    kr_sb_append(&sb, ", ", 2);
    if (kr_sb_append_value(vm, &sb, s->step, true) < 0)
        goto fail;
    kr_sb_append_char(&sb, ')');
    return kr_sb_finish(vm, &sb);
fail:
    kr_sb_free(&sb);
    return KR_NULL;
}

static kr_value slice_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!kr_is_ptr(a) || KR_OBJ(a)->type != vm->t.slice || !kr_is_ptr(b) || KR_OBJ(b)->type != vm->t.slice)
        return KR_NOTIMPL;
    kr_slice *x = KR_AS(kr_slice, a), *y = KR_AS(kr_slice, b);
    if (a == b && (op == KR_CMP_EQ || op == KR_CMP_NE))
        return kr_bool(op == KR_CMP_EQ);
    kr_value ta = kr_tuple_pack(vm, 3, x->start, x->stop, x->step);
    if (!ta)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &ta);
    kr_value tb = kr_tuple_pack(vm, 3, y->start, y->stop, y->step);
    kr_value r = tb ? kr_richcompare(vm, ta, tb, op) : KR_NULL;
    kr_root_reset(vm, m);
    return r;
}

static int64_t slice_hash(kr_vm *vm, kr_value self)
{
    kr_slice *s = KR_AS(kr_slice, self);
    int64_t lanes[3];
    kr_value parts[3] = {s->start, s->stop, s->step};
    for (int i = 0; i < 3; i++) {
        lanes[i] = kr_hash(vm, parts[i]);
        if (lanes[i] == -1)
            return -1;
    }
    /* CPython 3.12+'s slice_hash: the tuple hash's xxHash rounds without the final length mix. */
    const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P5 = 2870177450012600261ULL;
    uint64_t acc = P5;
    for (int i = 0; i < 3; i++) {
        acc += (uint64_t)lanes[i] * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    return acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
}

static kr_value slice_m_indices(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "indices", kwnames) < 0)
        return KR_NULL;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "slice.indices() takes exactly one argument (%d given)", nargs - 1);
    int64_t len;
    if (kr_is_small(args[1])) {
        len = kr_small_val(args[1]);
    } else {
        if (!kr_type_of(vm, args[1])->index)
            return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer",
                            kr_typename(vm, args[1]));
        if (kr_index_i64(vm, args[1], &len) < 0)
            return KR_NULL;
    }
    if (len < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "length should not be negative");
    int64_t start, stop, step;
    if (kr_slice_indices(vm, args[0], len, &start, &stop, &step) < 0)
        return KR_NULL;
    /* PySlice_Unpack + AdjustIndices give CPython's indices() results except that indices() clamps a
     * negative-step stop to -1 exactly as we do. */
    kr_value a = int_value(vm, start), b = int_value(vm, stop), c = int_value(vm, step);
    if (!a || !b || !c)
        return KR_NULL;
    return kr_tuple_pack(vm, 3, a, b, c);
}

static kr_value slice_get_start(kr_vm *vm, kr_value self) { (void)vm; return KR_AS(kr_slice, self)->start; }
static kr_value slice_get_stop(kr_vm *vm, kr_value self) { (void)vm; return KR_AS(kr_slice, self)->stop; }
static kr_value slice_get_step(kr_vm *vm, kr_value self) { (void)vm; return KR_AS(kr_slice, self)->step; }

static const kr_method_def slice_methods[] = {
    {"indices", slice_m_indices, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const kr_getset_def slice_getsets[] = {
    {"start", slice_get_start, NULL, NULL},
    {"stop", slice_get_stop, NULL, NULL},
    {"step", slice_get_step, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

void kr_range_init(kr_vm *vm)
{
    kr_type *t = kr_type_new_builtin(vm, "range", vm->t.object, sizeof(kr_range), 0);
    vm->t.range = t;
    t->methods = range_methods;
    t->getsets = range_getsets;
    t->new_ = range_new_;
    t->repr = range_repr;
    t->hash = range_hash;
    t->richcompare = range_richcompare;
    t->iter = range_iter;
    t->len = range_len;
    t->bool_ = range_bool;
    t->getitem = range_getitem;
    t->contains = range_contains;
    t->trace = range_trace;

    kr_type *it = kr_type_new_builtin(vm, "range_iterator", vm->t.object, sizeof(kr_range_iter), 0);
    vm->t.range_iter = it;
    it->methods = range_iter_methods;
    it->trace = range_iter_trace;
    it->iter = iter_self;
    it->next = range_iter_next;

    kr_type *s = kr_type_new_builtin(vm, "slice", vm->t.object, sizeof(kr_slice), 0);
    vm->t.slice = s;
    s->methods = slice_methods;
    s->getsets = slice_getsets;
    s->trace = slice_trace;
    s->new_ = slice_new_;
    s->repr = slice_repr;
    s->hash = slice_hash;
    s->richcompare = slice_richcompare;
}
