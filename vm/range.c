/* range.c: range, range_iterator and slice.
 *
 * range keeps int64 start/stop/step and a uint64 length (see range.h); item i is start + i*step computed
 * in uint64 arithmetic, which is exact because every item lies between start and stop. */
#include "range.h"

#include <string.h>

#include "init.h"
#include "list.h"
#include "tuple.h"

static uint64_t range_length(int64_t start, int64_t stop, int64_t step)
{
    if (step > 0 && start < stop)
        return ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1;
    if (step < 0 && start > stop)
        return ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1;
    return 0;
}

static inline int64_t range_item(kr_range *r, uint64_t i)
{
    return (int64_t)((uint64_t)r->start + i * (uint64_t)r->step);
}

static inline kr_value int_value(kr_vm *vm, int64_t v)
{
    return kr_fits_small(v) ? kr_small(v) : kr_int_from_i64(vm, v);
}

kr_value kr_range_from_i64(kr_vm *vm, int64_t start, int64_t stop, int64_t step)
{
    kr_range *r = kr_gc_alloc(vm, vm->t.range, sizeof *r);
    if (!r)
        return KR_NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = range_length(start, stop, step);
    return KR_VAL(r);
}

/* An argument of range(): int or __index__, as int64. */
static int range_arg(kr_vm *vm, kr_value v, int64_t *out)
{
    if (kr_is_small(v)) {
        *out = kr_small_val(v);
        return 0;
    }
    if (!kr_type_of(vm, v)->index)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer",
                          kr_typename(vm, v));
    kr_value iv = kr_index(vm, v);
    if (!iv)
        return -1;
    if (kr_is_small(iv)) {
        *out = kr_small_val(iv);
        return 0;
    }
    return kr_int_to_i64(vm, iv, out);
}

kr_value kr_range_new(kr_vm *vm, kr_value start, kr_value stop, kr_value step)
{
    int64_t a = 0, b, c = 1;
    if (start && range_arg(vm, start, &a) < 0)
        return KR_NULL;
    if (range_arg(vm, stop, &b) < 0)
        return KR_NULL;
    if (step && range_arg(vm, step, &c) < 0)
        return KR_NULL;
    if (c == 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "range() arg 3 must not be zero");
    return kr_range_from_i64(vm, a, b, c);
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
    if (r->step == 1)
        return kr_str_fmt(vm, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    return kr_str_fmt(vm, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop, (long long)r->step);
}

static int64_t range_len(kr_vm *vm, kr_value self)
{
    uint64_t n = KR_AS(kr_range, self)->len;
    if (n > (uint64_t)INT64_MAX) {
        kr_raise(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (int64_t)n;
}

static int range_bool(kr_vm *vm, kr_value self)
{
    (void)vm;
    return KR_AS(kr_range, self)->len != 0;
}

/* Is v (an exact int or bool) an item? Sets *index. */
static bool range_find_int(kr_vm *vm, kr_range *r, kr_value v, uint64_t *index)
{
    int64_t x;
    if (kr_is_small(v))
        x = kr_small_val(v);
    else if (v == KR_TRUE || v == KR_FALSE)
        x = v == KR_TRUE;
    else {
        if (kr_int_to_i64(vm, v, &x) < 0) { /* beyond int64: never an item */
            kr_err_clear(vm);
            return false;
        }
    }
    if (r->len == 0)
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

static bool is_exact_int(kr_vm *vm, kr_value v)
{
    kr_type *t = kr_type_of(vm, v);
    return t == vm->t.int_ || t == vm->t.bool_;
}

/* Linear search for non-int values (CPython's _PySequence_IterSearch). Returns index, -1 absent, -2 error. */
static int64_t range_search(kr_vm *vm, kr_range *r, kr_value v, int64_t *count)
{
    int64_t found = -1;
    for (uint64_t i = 0; i < r->len; i++) {
        kr_value item = int_value(vm, range_item(r, i));
        if (!item)
            return -2;
        int k = kr_eq(vm, item, v);
        if (k < 0)
            return -2;
        if (k) {
            if (!count)
                return (int64_t)i;
            if (found < 0)
                found = (int64_t)i;
            (*count)++;
        }
    }
    return found;
}

static int range_contains(kr_vm *vm, kr_value self, kr_value v)
{
    kr_range *r = KR_AS(kr_range, self);
    if (is_exact_int(vm, v)) {
        uint64_t i;
        return range_find_int(vm, r, v, &i);
    }
    int64_t k = range_search(vm, r, v, NULL);
    return k == -2 ? -1 : k >= 0;
}

static kr_value range_getitem(kr_vm *vm, kr_value self, kr_value key)
{
    kr_range *r = KR_AS(kr_range, self);
    if (kr_seq_is_slice(vm, key)) {
        if (r->len > (uint64_t)INT64_MAX)
            return kr_raise(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C ssize_t");
        int64_t start, stop, step;
        if (kr_slice_indices(vm, key, (int64_t)r->len, &start, &stop, &step) < 0)
            return KR_NULL;
        int64_t nstart, nstop, nstep;
        if (__builtin_mul_overflow(r->step, step, &nstep) ||
            __builtin_mul_overflow(start, r->step, &nstart) || __builtin_add_overflow(nstart, r->start, &nstart) ||
            __builtin_mul_overflow(stop, r->step, &nstop) || __builtin_add_overflow(nstop, r->start, &nstop))
            return kr_raise(vm, KR_EXC(vm, OverflowError), "range slice out of the supported int64 range");
        return kr_range_from_i64(vm, nstart, nstop, nstep);
    }
    int64_t i;
    if (kr_seq_index_key(vm, key, &i, "range") < 0)
        return KR_NULL;
    if (i < 0) {
        if ((uint64_t)0 - (uint64_t)i > r->len)
            return kr_raise(vm, KR_EXC(vm, IndexError), "range object index out of range");
        return int_value(vm, range_item(r, r->len - ((uint64_t)0 - (uint64_t)i)));
    }
    if ((uint64_t)i >= r->len)
        return kr_raise(vm, KR_EXC(vm, IndexError), "range object index out of range");
    return int_value(vm, range_item(r, (uint64_t)i));
}

static kr_value range_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!kr_range_check(vm, a) || !kr_range_check(vm, b) || (op != KR_CMP_EQ && op != KR_CMP_NE))
        return KR_NOTIMPL;
    kr_range *x = KR_AS(kr_range, a), *y = KR_AS(kr_range, b);
    bool eq = x->len == y->len && (x->len == 0 || (x->start == y->start && (x->len == 1 || x->step == y->step)));
    return kr_bool(eq == (op == KR_CMP_EQ));
}

static int64_t range_hash(kr_vm *vm, kr_value self)
{
    kr_range *r = KR_AS(kr_range, self);
    int64_t lanes[3];
    kr_value lenv = kr_int_from_u64(vm, r->len);
    if (!lenv)
        return -1;
    lanes[0] = kr_hash(vm, lenv);
    if (r->len == 0) {
        lanes[1] = lanes[2] = kr_hash(vm, KR_NONE);
    } else {
        kr_value s = int_value(vm, r->start);
        if (!s)
            return -1;
        lanes[1] = kr_hash(vm, s);
        if (r->len == 1) {
            lanes[2] = kr_hash(vm, KR_NONE);
        } else {
            kr_value st = int_value(vm, r->step);
            if (!st)
                return -1;
            lanes[2] = kr_hash(vm, st);
        }
    }
    if (lanes[0] == -1 || lanes[1] == -1 || lanes[2] == -1)
        return -1;
    return kr_tuple_hash_lanes(lanes, 3);
}

kr_value kr_range_iter_new(kr_vm *vm, int64_t start, int64_t step, uint64_t n)
{
    kr_range_iter *it = kr_gc_alloc(vm, vm->t.range_iter, sizeof *it);
    if (!it)
        return KR_NULL;
    it->next = start;
    it->step = step;
    it->remaining = n;
    return KR_VAL(it);
}

static kr_value range_iter(kr_vm *vm, kr_value self)
{
    kr_range *r = KR_AS(kr_range, self);
    return kr_range_iter_new(vm, r->start, r->step, r->len);
}

static kr_value range_iter_next(kr_vm *vm, kr_value self)
{
    kr_range_iter *it = KR_AS(kr_range_iter, self);
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
    return kr_int_from_u64(vm, KR_AS(kr_range_iter, args[0])->remaining);
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
    if (r->len == 0)
        return kr_range_iter_new(vm, r->start, r->step, 0);
    int64_t last = range_item(r, r->len - 1);
    return kr_range_iter_new(vm, last, (int64_t)(0 - (uint64_t)r->step), r->len);
}

static kr_value range_m_count(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "count", kwnames) < 0)
        return KR_NULL;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "range.count() takes exactly one argument (%d given)", nargs - 1);
    kr_range *r = KR_AS(kr_range, args[0]);
    if (is_exact_int(vm, args[1])) {
        uint64_t i;
        return kr_small(range_find_int(vm, r, args[1], &i));
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
        uint64_t i;
        if (range_find_int(vm, r, args[1], &i))
            return kr_int_from_u64(vm, i);
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

static kr_value range_get_start(kr_vm *vm, kr_value self) { return int_value(vm, KR_AS(kr_range, self)->start); }
static kr_value range_get_stop(kr_vm *vm, kr_value self) { return int_value(vm, KR_AS(kr_range, self)->stop); }
static kr_value range_get_step(kr_vm *vm, kr_value self) { return int_value(vm, KR_AS(kr_range, self)->step); }

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
    kr_slice *s = kr_gc_alloc(vm, vm->t.slice, sizeof *s);
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

/* CPython's _PyEval_SliceIndex: int or __index__, clamped to the int64 range. */
static int slice_index(kr_vm *vm, kr_value v, int64_t *out)
{
    if (kr_is_small(v)) {
        *out = kr_small_val(v);
        return 0;
    }
    if (!kr_type_of(vm, v)->index)
        return kr_raise_i(vm, KR_EXC(vm, TypeError),
                          "slice indices must be integers or None or have an __index__ method");
    return kr_seq_slice_arg(vm, v, out);
}

int64_t kr_slice_indices(kr_vm *vm, kr_value slice, int64_t length, int64_t *startp, int64_t *stopp, int64_t *stepp)
{
    kr_slice *s = KR_AS(kr_slice, slice);
    int64_t start, stop, step;
    /* Fast path: small ints / None (the common a[i:j]). */
    if (s->step == KR_NONE) {
        step = 1;
    } else {
        if (slice_index(vm, s->step, &step) < 0)
            return -1;
        if (step == 0)
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "slice step cannot be zero");
        if (step < -INT64_MAX)
            step = -INT64_MAX;
    }
    if (s->start == KR_NONE)
        start = step < 0 ? INT64_MAX : 0;
    else if (slice_index(vm, s->start, &start) < 0)
        return -1;
    if (s->stop == KR_NONE)
        stop = step < 0 ? INT64_MIN : INT64_MAX;
    else if (slice_index(vm, s->stop, &stop) < 0)
        return -1;

    /* PySlice_AdjustIndices */
    if (start < 0) {
        start += length;
        if (start < 0)
            start = step < 0 ? -1 : 0;
    } else if (start >= length) {
        start = step < 0 ? length - 1 : length;
    }
    if (stop < 0) {
        stop += length;
        if (stop < 0)
            stop = step < 0 ? -1 : 0;
    } else if (stop >= length) {
        stop = step < 0 ? length - 1 : length;
    }
    int64_t n = 0;
    if (step < 0) {
        if (stop < start)
            n = (start - stop - 1) / (-step) + 1;
    } else if (start < stop) {
        n = (stop - start - 1) / step + 1;
    }
    *startp = start;
    *stopp = stop;
    *stepp = step;
    return n;
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

    kr_type *it = kr_type_new_builtin(vm, "range_iterator", vm->t.object, sizeof(kr_range_iter), 0);
    vm->t.range_iter = it;
    it->methods = range_iter_methods;
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
