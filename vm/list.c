/* list.c: the list type, its iterators, and helpers shared by the sequence/container modules.
 *
 * Invariants (see list.h): 0 <= size <= cap, items[0..size) valid, buffer kr_mem_alloc'd. Growth follows
 * CPython's over-allocation (newsize + newsize/8 + 6), so append is amortised O(1). Any call that may run
 * Python code (kr_eq, kr_richcompare, kr_next, kr_repr...) may mutate the list, so loops re-read size and
 * items after every such call instead of caching them. */
#include "list.h"

#include <string.h>

#include "init.h"
#include "range.h"
#include "tuple.h"

/* ================= shared helpers ================= */

bool kr_seq_is_slice(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.slice;
}

int kr_seq_index_key(kr_vm *vm, kr_value key, int64_t *out, const char *tname)
{
    if (kr_is_small(key)) {
        *out = kr_small_val(key);
        return 0;
    }
    kr_type *kt = kr_type_of(vm, key);
    if (!kt->index) {
        kr_raise(vm, KR_EXC(vm, TypeError), "%s indices must be integers or slices, not %s", tname, kt->name_c);
        return -1;
    }
    if (kr_index_i64(vm, key, out) < 0) {
        if (kr_err_matches(vm, KR_EXC(vm, OverflowError))) {
            kr_err_clear(vm);
            kr_raise(vm, KR_EXC(vm, IndexError), "cannot fit '%s' into an index-sized integer", kt->name_c);
        }
        return -1;
    }
    return 0;
}

int kr_seq_slice_arg(kr_vm *vm, kr_value v, int64_t *out)
{
    if (!v || v == KR_NONE)
        return 0;
    if (kr_is_small(v)) {
        *out = kr_small_val(v);
        return 0;
    }
    if (!kr_type_of(vm, v)->index) {
        kr_raise(vm, KR_EXC(vm, TypeError), "slice indices must be integers or have an __index__ method");
        return -1;
    }
    kr_value iv = kr_index(vm, v);
    if (!iv)
        return -1;
    if (kr_is_small(iv)) {
        *out = kr_small_val(iv);
        return 0;
    }
    if (kr_int_to_i64(vm, iv, out) < 0) {
        if (!kr_err_matches(vm, KR_EXC(vm, OverflowError)))
            return -1;
        kr_err_clear(vm);
        *out = kr_int_sign(iv) < 0 ? INT64_MIN + 1 : INT64_MAX;
    }
    return 0;
}

void kr_seq_adjust_range(int64_t len, int64_t *start, int64_t *stop)
{
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0)
            *stop = 0;
    }
}

int kr_seq_repeat_count(kr_vm *vm, kr_value other, int64_t *count)
{
    if (kr_is_small(other)) {
        int64_t n = kr_small_val(other);
        *count = n < 0 ? 0 : n;
        return 1;
    }
    kr_type *ot = kr_type_of(vm, other);
    if (!ot->index) {
        if ((ot->flags & KR_TF_HEAPTYPE) &&
            (kr_type_lookup(vm, ot, KR_NAME(vm, __rmul__)) || kr_type_lookup(vm, ot, KR_NAME(vm, __mul__))))
            return 0;
        kr_raise(vm, KR_EXC(vm, TypeError), "can't multiply sequence by non-int of type '%s'", ot->name_c);
        return -1;
    }
    kr_value iv = kr_index(vm, other);
    if (!iv)
        return -1;
    int64_t n;
    if (kr_is_small(iv)) {
        n = kr_small_val(iv);
    } else if (kr_int_sign(iv) < 0) {
        n = 0;
    } else if (kr_int_to_i64(vm, iv, &n) < 0) {
        /* Beyond int64 (CPython's Py_ssize_t): OverflowError; within it the caller's size check
         * turns an impossible repeat into MemoryError. */
        kr_err_clear(vm);
        kr_raise(vm, KR_EXC(vm, OverflowError), "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    *count = n < 0 ? 0 : n;
    return 1;
}

int kr_list_lt(kr_vm *vm, kr_value a, kr_value b)
{
    if (kr_is_small(a) && kr_is_small(b))
        return kr_small_val(a) < kr_small_val(b);
    if (kr_is_ptr(a) && kr_is_ptr(b)) {
        kr_type *ta = KR_OBJ(a)->type;
        if (ta == KR_OBJ(b)->type) {
            if (ta == vm->t.str) {
                /* UTF-8 byte order is code point order. */
                int64_t na = kr_str_nbytes(a), nb = kr_str_nbytes(b);
                int c = memcmp(kr_str_data(a), kr_str_data(b), (size_t)(na < nb ? na : nb));
                return c < 0 || (c == 0 && na < nb);
            }
            if (ta == vm->t.float_)
                return kr_float_value(a) < kr_float_value(b);
        }
    }
    return kr_richcompare_bool(vm, a, b, KR_CMP_LT);
}

void kr_list_reverse_items(kr_value *items, int64_t n)
{
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
        kr_value t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
}

/* ================= core ================= */

static kr_value list_alloc_type(kr_vm *vm, kr_type *cls, int64_t capacity)
{
    size_t size = cls->instance_size >= sizeof(kr_list) ? cls->instance_size : sizeof(kr_list);
    /* exact lists are small objects (their items live in a separate buffer): pooled */
    /* an exact list is a small object (its items are a separate buffer): pooled, as floats and tuples */
    kr_list *l = cls == vm->t.list ? kr_gc_alloc_small(vm, cls, size) : kr_gc_alloc(vm, cls, size);
    if (!l)
        return KR_NULL;
    if (capacity > 0) {
        if ((uint64_t)capacity > SIZE_MAX / 16 / sizeof(kr_value))
            return kr_raise_nomemory(vm);
        l->items = kr_mem_alloc(vm, (size_t)capacity * sizeof(kr_value));
        if (!l->items)
            return KR_NULL;
        l->cap = capacity;
    }
    return KR_VAL(l);
}

kr_value kr_list_new(kr_vm *vm, int64_t capacity)
{
    return list_alloc_type(vm, vm->t.list, capacity);
}

kr_value kr_list_from_array(kr_vm *vm, const kr_value *items, int64_t n)
{
    kr_value l = kr_list_new(vm, n);
    if (!l)
        return KR_NULL;
    if (n)
        memcpy(KR_AS(kr_list, l)->items, items, (size_t)n * sizeof(kr_value));
    KR_AS(kr_list, l)->size = n;
    return l;
}

/* Set the capacity to exactly newcap (>= size). */
static int list_set_cap(kr_vm *vm, kr_list *l, int64_t newcap)
{
    if ((uint64_t)newcap > SIZE_MAX / 16 / sizeof(kr_value)) {
        kr_raise_nomemory(vm);
        return -1;
    }
    if (newcap == 0) {
        kr_mem_free(vm, l->items);
        l->items = NULL;
        l->cap = 0;
        return 0;
    }
    kr_value *p = l->items ? kr_mem_realloc(vm, l->items, (size_t)newcap * sizeof(kr_value))
                           : kr_mem_alloc(vm, (size_t)newcap * sizeof(kr_value));
    if (!p)
        return -1;
    l->items = p;
    l->cap = newcap;
    return 0;
}

/* Make size == newsize possible (CPython's list_resize over-allocation); does not change size. */
static int list_grow_for(kr_vm *vm, kr_list *l, int64_t newsize)
{
    if (l->cap >= newsize && newsize >= (l->cap >> 1))
        return 0;
    int64_t newcap = (newsize + (newsize >> 3) + 6) & ~(int64_t)3;
    if (newsize - l->size > newcap - newsize)
        newcap = (newsize + 3) & ~(int64_t)3;
    if (newsize == 0)
        newcap = 0;
    return list_set_cap(vm, l, newcap);
}

int kr_list_reserve(kr_vm *vm, kr_value list, int64_t n)
{
    kr_list *l = KR_AS(kr_list, list);
    if (l->cap >= n)
        return 0;
    return list_set_cap(vm, l, n);
}

int kr_list_append(kr_vm *vm, kr_value list, kr_value v)
{
    kr_list *l = KR_AS(kr_list, list);
    if (l->size >= l->cap && list_grow_for(vm, l, l->size + 1) < 0)
        return -1;
    l->items[l->size++] = v;
    kr_gc_barrier(vm, &l->ob, v);
    return 0;
}

int kr_list_insert(kr_vm *vm, kr_value list, int64_t where, kr_value v)
{
    kr_list *l = KR_AS(kr_list, list);
    int64_t n = l->size;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    if (list_grow_for(vm, l, n + 1) < 0)
        return -1;
    memmove(l->items + where + 1, l->items + where, (size_t)(n - where) * sizeof(kr_value));
    l->items[where] = v;
    l->size = n + 1;
    kr_gc_barrier(vm, &l->ob, v);
    return 0;
}

/* Replace l[lo:hi] by v[0..n) (v must not point into l's buffer). */
static int list_replace_range(kr_vm *vm, kr_list *l, int64_t lo, int64_t hi, const kr_value *v, int64_t n)
{
    int64_t size = l->size;
    int64_t d = n - (hi - lo);
    int64_t newsize = size + d;
    if (d > 0) {
        if (list_grow_for(vm, l, newsize) < 0)
            return -1;
        memmove(l->items + hi + d, l->items + hi, (size_t)(size - hi) * sizeof(kr_value));
    } else if (d < 0) {
        memmove(l->items + hi + d, l->items + hi, (size_t)(size - hi) * sizeof(kr_value));
        l->size = newsize;
        if (list_grow_for(vm, l, newsize) < 0) /* shrinking: failure leaves a valid bigger buffer */
            kr_err_clear(vm);
    }
    if (n)
        memcpy(l->items + lo, v, (size_t)n * sizeof(kr_value));
    /* the barrier only matters for an old list (KR_GC_WATCH): a young one, the common case of a
     * slice assignment in a loop, skips the per-item test */
    if (l->ob.gc_flags & KR_GC_WATCH)
        for (int64_t i = 0; i < n; i++)
            kr_gc_barrier(vm, &l->ob, v[i]);
    l->size = newsize;
    return 0;
}

int kr_list_extend(kr_vm *vm, kr_value list, kr_value iterable)
{
    kr_list *l = KR_AS(kr_list, list);
    if (kr_list_check(vm, iterable) || kr_tuple_check(vm, iterable)) {
        bool is_list = kr_list_check(vm, iterable);
        int64_t n = is_list ? kr_list_size(iterable) : kr_tuple_size(iterable);
        if (n == 0)
            return 0;
        int64_t size = l->size;
        if (list_grow_for(vm, l, size + n) < 0)
            return -1;
        /* Read the source after growing: for l.extend(l) the buffer may have moved. */
        const kr_value *src = is_list ? kr_list_items(iterable) : kr_tuple_items(iterable);
        memcpy(l->items + size, src, (size_t)n * sizeof(kr_value));
        l->size = size + n;
        for (int64_t i = 0; i < n; i++)
            kr_gc_barrier(vm, &l->ob, src[i]);
        return 0;
    }
    kr_value it = kr_iter(vm, iterable);
    if (!it)
        return -1;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &it);
    int rc = 0;
    for (;;) {
        kr_value v = kr_next(vm, it);
        if (!v) {
            if (kr_err_occurred(vm))
                rc = -1;
            break;
        }
        if (kr_list_append(vm, list, v) < 0) {
            rc = -1;
            break;
        }
    }
    kr_root_reset(vm, m);
    return rc;
}

kr_value kr_list_from_iterable(kr_vm *vm, kr_value iterable)
{
    kr_value l = kr_list_new(vm, 0);
    if (!l)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &l);
    int rc = kr_list_extend(vm, l, iterable);
    kr_root_reset(vm, m);
    return rc < 0 ? KR_NULL : l;
}

kr_value kr_list_as_tuple(kr_vm *vm, kr_value list)
{
    return kr_tuple_from_array(vm, kr_list_items(list), kr_list_size(list));
}

/* ================= slots ================= */

static void list_trace(kr_vm *vm, kr_object *o)
{
    kr_list *l = (kr_list *)o;
    for (int64_t i = 0; i < l->size; i++)
        kr_gc_mark(vm, l->items[i]);
    kr_gc_mark(vm, l->attrs);
}

static void list_finalize(kr_vm *vm, kr_object *o)
{
    kr_list *l = (kr_list *)o;
    kr_mem_free(vm, l->items);
    l->items = NULL;
    l->size = 0;
    l->cap = 0;
}

static kr_value list_new_(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    return list_alloc_type(vm, cls, 0);
}

static int list_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    if (kwnames && kr_tuple_size(kwnames) > 0 && KR_OBJ(self)->type == vm->t.list)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "list() takes no keyword arguments");
    if (nargs > 1)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "list expected at most 1 argument, got %d", nargs);
    kr_list *l = KR_AS(kr_list, self);
    if (l->size) {
        l->size = 0;
        list_set_cap(vm, l, 0);
    }
    if (nargs == 1)
        return kr_list_extend(vm, self, args[0]);
    return 0;
}

static kr_value list_repr(kr_vm *vm, kr_value self)
{
    kr_list *l = KR_AS(kr_list, self);
    if (l->size == 0)
        return kr_str_from_cstr(vm, "[]");
    if (l->ob.flags & KR_REPR_BUSY)
        return kr_str_from_cstr(vm, "[...]");
    l->ob.flags |= KR_REPR_BUSY;
    kr_sb sb;
    kr_sb_init(&sb);
    kr_sb_append_char(&sb, '[');
    for (int64_t i = 0; i < l->size; i++) {
        if (i)
            kr_sb_append(&sb, ", ", 2);
        if (kr_sb_append_value(vm, &sb, l->items[i], true) < 0) {
            l->ob.flags &= ~KR_REPR_BUSY;
            kr_sb_free(&sb);
            return KR_NULL;
        }
    }
    kr_sb_append_char(&sb, ']');
    l->ob.flags &= ~KR_REPR_BUSY;
    return kr_sb_finish(vm, &sb);
}

static kr_value list_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!kr_list_check(vm, a) || !kr_list_check(vm, b))
        return KR_NOTIMPL;
    kr_list *v = KR_AS(kr_list, a), *w = KR_AS(kr_list, b);
    if ((op == KR_CMP_EQ || op == KR_CMP_NE) && v->size != w->size)
        return kr_bool(op == KR_CMP_NE);
    int64_t i;
    for (i = 0; i < v->size && i < w->size; i++) {
        kr_value x = v->items[i], y = w->items[i];
        if (x == y)
            continue;
        int k = kr_eq(vm, x, y);
        if (k < 0)
            return KR_NULL;
        if (!k)
            break;
    }
    if (i >= v->size || i >= w->size) {
        int64_t vl = v->size, wl = w->size;
        bool r;
        switch (op) {
        case KR_CMP_LT: r = vl < wl; break;
        case KR_CMP_LE: r = vl <= wl; break;
        case KR_CMP_EQ: r = vl == wl; break;
        case KR_CMP_NE: r = vl != wl; break;
        case KR_CMP_GT: r = vl > wl; break;
        default: r = vl >= wl; break;
        }
        return kr_bool(r);
    }
    if (op == KR_CMP_EQ)
        return KR_FALSE;
    if (op == KR_CMP_NE)
        return KR_TRUE;
    return kr_richcompare(vm, v->items[i], w->items[i], op);
}

static int64_t list_len(kr_vm *vm, kr_value self)
{
    (void)vm;
    return kr_list_size(self);
}

static int list_bool(kr_vm *vm, kr_value self)
{
    (void)vm;
    return kr_list_size(self) != 0;
}

static int list_contains(kr_vm *vm, kr_value self, kr_value item)
{
    kr_list *l = KR_AS(kr_list, self);
    for (int64_t i = 0; i < l->size; i++) {
        kr_value x = l->items[i];
        if (x == item)
            return 1;
        int k = kr_eq(vm, x, item);
        if (k)
            return k;
    }
    return 0;
}

kr_value kr_list_getslice(kr_vm *vm, kr_value self, kr_value startv, kr_value stopv, kr_value stepv)
{
    int64_t start, stop, step;
    if (kr_slice_unpack(vm, startv, stopv, stepv, &start, &stop, &step) < 0)
        return KR_NULL;
    /* the size after the bounds' __index__ ran (which may have changed the list) */
    kr_list *l = KR_AS(kr_list, self);
    int64_t n = kr_slice_adjust(l->size, &start, &stop, step);
    kr_value r = kr_list_new(vm, n);
    if (!r)
        return KR_NULL;
    kr_list *rl = KR_AS(kr_list, r);
    if (step == 1) {
        if (n)
            memcpy(rl->items, l->items + start, (size_t)n * sizeof(kr_value));
    } else {
        for (int64_t k = 0, j = start; k < n; k++, j += step)
            rl->items[k] = l->items[j];
    }
    rl->size = n;
    return r;
}

kr_value kr_list_getitem(kr_vm *vm, kr_value self, kr_value key)
{
    kr_list *l = KR_AS(kr_list, self);
    int64_t i;
    if (kr_is_small(key)) {
        i = kr_small_val(key);
    } else if (kr_seq_is_slice(vm, key)) {
        kr_slice *sl = KR_AS(kr_slice, key);
        return kr_list_getslice(vm, self, sl->start, sl->stop, sl->step);
    } else if (kr_seq_index_key(vm, key, &i, "list") < 0) {
        return KR_NULL;
    }
    if (i < 0)
        i += l->size;
    if ((uint64_t)i >= (uint64_t)l->size)
        return kr_raise(vm, KR_EXC(vm, IndexError), "list index out of range");
    return l->items[i];
}

int kr_list_setslice(kr_vm *vm, kr_value self, kr_value startv, kr_value stopv, kr_value stepv, kr_value value)
{
    kr_list *l = KR_AS(kr_list, self);
    int64_t ustart, ustop, start, stop, step;
    if (kr_slice_unpack(vm, startv, stopv, stepv, &ustart, &ustop, &step) < 0)
        return -1;
    start = ustart;
    stop = ustop;
    int64_t n = kr_slice_adjust(l->size, &start, &stop, step);
    if (!value) {
        /* deletion */
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (n - 1) - 1;
            step = -step;
        }
        if (step == 1)
            return list_replace_range(vm, l, start, start + n, NULL, 0);
        if (n == 0)
            return 0;
        /* Compact: keep everything not at start + k*step. */
        int64_t w = start;
        for (int64_t r = start, k = 0; r < l->size; r++) {
            if (k < n && r == start + k * step) {
                k++;
                continue;
            }
            l->items[w++] = l->items[r];
        }
        l->size = w;
        if (list_grow_for(vm, l, w) < 0)
            kr_err_clear(vm);
        return 0;
    }
    /* assignment: take a snapshot of the values (value may be l itself, or any iterable). A list or
     * tuple other than l is used as it is: nothing below collects (kr_mem_* never does). */
    kr_value seq = value;
    size_t m = kr_root_mark(vm);
    if (seq == self || !(kr_list_check(vm, seq) || kr_tuple_check(vm, seq))) {
        if (!kr_list_check(vm, seq) && !kr_tuple_check(vm, seq) && !kr_type_of(vm, seq)->iter &&
            !kr_type_of(vm, seq)->getitem) {
            kr_root_reset(vm, m);
            /* CPython 3.13 says "extended" for every step (PySequence_Fast in list_ass_subscript) */
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "must assign iterable to extended slice");
        }
        seq = kr_list_from_iterable(vm, seq);
        if (!seq)
            return -1;
        kr_root_push(vm, &seq);
        /* The iteration may have run Python code that changed l: clamp the bounds again. */
        start = ustart;
        stop = ustop;
        n = kr_slice_adjust(l->size, &start, &stop, step);
    }
    bool is_list = kr_list_check(vm, seq);
    int64_t vn = is_list ? kr_list_size(seq) : kr_tuple_size(seq);
    const kr_value *vitems = is_list ? kr_list_items(seq) : kr_tuple_items(seq);
    int rc = 0;
    if (step == 1) {
        rc = list_replace_range(vm, l, start, start + n, vitems, vn);
    } else if (vn != n) {
        rc = kr_raise_i(vm, KR_EXC(vm, ValueError),
                        "attempt to assign sequence of size %lld to extended slice of size %lld",
                        (long long)vn, (long long)n);
    } else {
        for (int64_t k = 0, j = start; k < n; k++, j += step) {
            l->items[j] = vitems[k];
            kr_gc_barrier(vm, &l->ob, vitems[k]);
        }
    }
    kr_root_reset(vm, m);
    return rc;
}

int kr_list_setitem(kr_vm *vm, kr_value self, kr_value key, kr_value value)
{
    kr_list *l = KR_AS(kr_list, self);
    int64_t i;
    if (kr_is_small(key)) {
        i = kr_small_val(key);
    } else if (kr_seq_is_slice(vm, key)) {
        kr_slice *sl = KR_AS(kr_slice, key);
        return kr_list_setslice(vm, self, sl->start, sl->stop, sl->step, value);
    } else if (kr_seq_index_key(vm, key, &i, "list") < 0) {
        return -1;
    }
    if (i < 0)
        i += l->size;
    if ((uint64_t)i >= (uint64_t)l->size)
        return kr_raise_i(vm, KR_EXC(vm, IndexError), "list assignment index out of range");
    if (!value)
        return list_replace_range(vm, l, i, i + 1, NULL, 0);
    l->items[i] = value;
    kr_gc_barrier(vm, &l->ob, value);
    return 0;
}

static kr_value list_add(kr_vm *vm, kr_value a, kr_value b)
{
    if (!kr_list_check(vm, a))
        return KR_NOTIMPL;
    if (!kr_list_check(vm, b)) {
        kr_type *bt = kr_type_of(vm, b);
        if ((bt->flags & KR_TF_HEAPTYPE) && kr_type_lookup(vm, bt, KR_NAME(vm, __radd__)))
            return KR_NOTIMPL;
        return kr_raise(vm, KR_EXC(vm, TypeError), "can only concatenate list (not \"%s\") to list", bt->name_c);
    }
    int64_t na = kr_list_size(a), nb = kr_list_size(b);
    kr_value r = kr_list_new(vm, na + nb);
    if (!r)
        return KR_NULL;
    kr_list *rl = KR_AS(kr_list, r);
    if (na)
        memcpy(rl->items, kr_list_items(a), (size_t)na * sizeof(kr_value));
    if (nb)
        memcpy(rl->items + na, kr_list_items(b), (size_t)nb * sizeof(kr_value));
    rl->size = na + nb;
    return r;
}

static kr_value list_iadd(kr_vm *vm, kr_value a, kr_value b)
{
    if (!kr_list_check(vm, a))
        return KR_NOTIMPL;
    if (kr_list_extend(vm, a, b) < 0)
        return KR_NULL;
    return a;
}

static kr_value list_mul(kr_vm *vm, kr_value a, kr_value b)
{
    if (!kr_list_check(vm, a)) {
        kr_value t = a;
        a = b;
        b = t;
    }
    int64_t n;
    int r = kr_seq_repeat_count(vm, b, &n);
    if (r <= 0)
        return r < 0 ? KR_NULL : KR_NOTIMPL;
    int64_t size = kr_list_size(a);
    if (size && n > INT64_MAX / 16 / size)
        return kr_raise_nomemory(vm);
    kr_value res = kr_list_new(vm, size * n);
    if (!res)
        return KR_NULL;
    kr_list *rl = KR_AS(kr_list, res);
    if (size == 0)
        return res; /* an empty list may have no item buffer at all */
    for (int64_t k = 0; k < n; k++)
        memcpy(rl->items + k * size, kr_list_items(a), (size_t)size * sizeof(kr_value));
    rl->size = size * n;
    return res;
}

static kr_value list_imul(kr_vm *vm, kr_value a, kr_value b)
{
    if (!kr_list_check(vm, a))
        return KR_NOTIMPL;
    int64_t n;
    int r = kr_seq_repeat_count(vm, b, &n);
    if (r <= 0)
        return r < 0 ? KR_NULL : KR_NOTIMPL;
    kr_list *l = KR_AS(kr_list, a);
    int64_t size = l->size;
    if (n == 0 || size == 0) {
        l->size = 0;
        list_set_cap(vm, l, 0);
        return a;
    }
    if (n > INT64_MAX / 16 / size)
        return kr_raise_nomemory(vm);
    if (list_grow_for(vm, l, size * n) < 0)
        return KR_NULL;
    for (int64_t k = 1; k < n; k++)
        memcpy(l->items + k * size, l->items, (size_t)size * sizeof(kr_value));
    l->size = size * n;
    return a;
}

/* ================= methods ================= */

#define SELF KR_AS(kr_list, args[0])

static kr_value list_m_append(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (nargs != 2 || kwnames)
        if (kr_args_method1(vm, "list.append", nargs, kwnames) < 0)
            return KR_NULL;
    if (kr_list_append(vm, args[0], args[1]) < 0)
        return KR_NULL;
    return KR_NONE;
}

static kr_value list_m_extend(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "list.extend", nargs, kwnames) < 0)
        return KR_NULL;
    if (kr_list_extend(vm, args[0], args[1]) < 0)
        return KR_NULL;
    return KR_NONE;
}

static kr_value list_m_insert(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "insert", kwnames) < 0)
        return KR_NULL;
    if (nargs != 3)
        return kr_raise(vm, KR_EXC(vm, TypeError), "insert expected 2 arguments, got %d", nargs - 1);
    int64_t where;
    if (kr_is_small(args[1])) {
        where = kr_small_val(args[1]);
    } else {
        if (!kr_type_of(vm, args[1])->index)
            return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer",
                            kr_typename(vm, args[1]));
        if (kr_seq_slice_arg(vm, args[1], &where) < 0)
            return KR_NULL;
    }
    if (kr_list_insert(vm, args[0], where, args[2]) < 0)
        return KR_NULL;
    return KR_NONE;
}

static kr_value list_m_pop(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "pop", kwnames) < 0)
        return KR_NULL;
    if (nargs > 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "pop expected at most 1 argument, got %d", nargs - 1);
    int64_t i = -1;
    if (nargs == 2) {
        if (kr_is_small(args[1])) {
            i = kr_small_val(args[1]);
        } else {
            if (!kr_type_of(vm, args[1])->index)
                return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer",
                                kr_typename(vm, args[1]));
            if (kr_index_i64(vm, args[1], &i) < 0)
                return KR_NULL;
        }
    }
    kr_list *l = SELF;
    if (l->size == 0)
        return kr_raise(vm, KR_EXC(vm, IndexError), "pop from empty list");
    if (i < 0)
        i += l->size;
    if ((uint64_t)i >= (uint64_t)l->size)
        return kr_raise(vm, KR_EXC(vm, IndexError), "pop index out of range");
    kr_value v = l->items[i];
    if (i == l->size - 1) {
        l->size--;
        if (l->size < (l->cap >> 2) && list_grow_for(vm, l, l->size) < 0)
            kr_err_clear(vm);
    } else if (list_replace_range(vm, l, i, i + 1, NULL, 0) < 0) {
        return KR_NULL;
    }
    return v;
}

static kr_value list_m_remove(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "list.remove", nargs, kwnames) < 0)
        return KR_NULL;
    kr_list *l = SELF;
    for (int64_t i = 0; i < l->size; i++) {
        kr_value x = l->items[i];
        int k = x == args[1] ? 1 : kr_eq(vm, x, args[1]);
        if (k < 0)
            return KR_NULL;
        if (k) {
            if (i < l->size && list_replace_range(vm, l, i, i + 1, NULL, 0) < 0)
                return KR_NULL;
            return KR_NONE;
        }
    }
    return kr_raise(vm, KR_EXC(vm, ValueError), "list.remove(x): x not in list");
}

static kr_value list_m_clear(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "list.clear", nargs, kwnames) < 0)
        return KR_NULL;
    SELF->size = 0;
    list_set_cap(vm, SELF, 0);
    return KR_NONE;
}

static kr_value list_m_copy(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "list.copy", nargs, kwnames) < 0)
        return KR_NULL;
    return kr_list_from_array(vm, SELF->items, SELF->size);
}

static kr_value list_m_reverse(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "list.reverse", nargs, kwnames) < 0)
        return KR_NULL;
    kr_list_reverse_items(SELF->items, SELF->size);
    return KR_NONE;
}

static kr_value list_m_count(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "list.count", nargs, kwnames) < 0)
        return KR_NULL;
    kr_list *l = SELF;
    int64_t c = 0;
    for (int64_t i = 0; i < l->size; i++) {
        kr_value x = l->items[i];
        int k = x == args[1] ? 1 : kr_eq(vm, x, args[1]);
        if (k < 0)
            return KR_NULL;
        c += k;
    }
    return kr_int_from_i64(vm, c);
}

static kr_value list_m_index(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "index", kwnames) < 0)
        return KR_NULL;
    if (nargs < 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "index expected at least 1 argument, got %d", nargs - 1);
    if (nargs > 4)
        return kr_raise(vm, KR_EXC(vm, TypeError), "index expected at most 3 arguments, got %d", nargs - 1);
    kr_list *l = SELF;
    int64_t start = 0, stop = INT64_MAX;
    if (nargs > 2 && kr_seq_slice_arg(vm, args[2], &start) < 0)
        return KR_NULL;
    if (nargs > 3 && kr_seq_slice_arg(vm, args[3], &stop) < 0)
        return KR_NULL;
    kr_seq_adjust_range(l->size, &start, &stop);
    for (int64_t i = start; i < stop && i < l->size; i++) {
        kr_value x = l->items[i];
        int k = x == args[1] ? 1 : kr_eq(vm, x, args[1]);
        if (k < 0)
            return KR_NULL;
        if (k)
            return kr_int_from_i64(vm, i);
    }
    kr_value r = kr_repr(vm, args[1]);
    if (!r)
        return KR_NULL;
    return kr_raise(vm, KR_EXC(vm, ValueError), "%s is not in list", kr_str_data(r));
}

static kr_value list_m_sort(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (nargs > 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "sort() takes no positional arguments");
    static const char *const names[] = {"key", "reverse"};
    kr_value out[2];
    if (kr_args_parse(vm, "sort", args + 1, 0, kwnames, names, 2, 0, 0, out) < 0)
        return KR_NULL;
    int rev = 0;
    if (out[1]) {
        rev = kr_truthy(vm, out[1]);
        if (rev < 0)
            return KR_NULL;
    }
    kr_value key = out[0] && out[0] != KR_NONE ? out[0] : KR_NULL;
    if (kr_list_sort(vm, args[0], key, rev != 0) < 0)
        return KR_NULL;
    return KR_NONE;
}

static kr_value list_reviter_new(kr_vm *vm, kr_value list);

static kr_value list_m_reversed(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "__reversed__", nargs, kwnames) < 0)
        return KR_NULL;
    return list_reviter_new(vm, args[0]);
}

static kr_value list_m_class_getitem(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)kwnames;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "__class_getitem__ expected 1 argument");
    return args[0];
}

static kr_value list_m_sizeof(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return kr_int_from_i64(vm, 40 + 8 * SELF->cap);
}

#undef SELF

static const kr_method_def list_methods[] = {
    {"append", list_m_append, KR_METH_DEFAULT, "Append object to the end of the list."},
    {"extend", list_m_extend, KR_METH_DEFAULT, "Extend list by appending elements from the iterable."},
    {"insert", list_m_insert, KR_METH_DEFAULT, "Insert object before index."},
    {"pop", list_m_pop, KR_METH_DEFAULT, "Remove and return item at index (default last)."},
    {"remove", list_m_remove, KR_METH_DEFAULT, "Remove first occurrence of value."},
    {"clear", list_m_clear, KR_METH_DEFAULT, "Remove all items from list."},
    {"copy", list_m_copy, KR_METH_DEFAULT, "Return a shallow copy of the list."},
    {"reverse", list_m_reverse, KR_METH_DEFAULT, "Reverse *IN PLACE*."},
    {"count", list_m_count, KR_METH_DEFAULT, "Return number of occurrences of value."},
    {"index", list_m_index, KR_METH_DEFAULT, "Return first index of value."},
    {"sort", list_m_sort, KR_METH_DEFAULT, "Sort the list in ascending order and return None."},
    {"__reversed__", list_m_reversed, KR_METH_DEFAULT, "Return a reverse iterator over the list."},
    {"__class_getitem__", list_m_class_getitem, KR_METH_CLASS, NULL},
    {"__sizeof__", list_m_sizeof, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

/* ================= iterators ================= */

static void list_iter_trace(kr_vm *vm, kr_object *o)
{
    kr_gc_mark(vm, ((kr_list_iter *)o)->seq);
}

static kr_value list_iter(kr_vm *vm, kr_value self)
{
    kr_list_iter *it = kr_gc_alloc(vm, vm->t.list_iter, sizeof *it);
    if (!it)
        return KR_NULL;
    it->seq = self;
    return KR_VAL(it);
}

static kr_value list_iter_next(kr_vm *vm, kr_value self)
{
    (void)vm;
    kr_list_iter *it = KR_AS(kr_list_iter, self);
    if (!it->seq)
        return KR_NULL;
    kr_list *l = KR_AS(kr_list, it->seq);
    if (it->index < l->size)
        return l->items[it->index++];
    it->seq = KR_NULL;
    return KR_NULL;
}

static kr_value list_reviter_new(kr_vm *vm, kr_value list)
{
    kr_list_iter *it = kr_gc_alloc(vm, vm->t.list_reviter, sizeof *it);
    if (!it)
        return KR_NULL;
    it->seq = list;
    it->index = kr_list_size(list) - 1;
    return KR_VAL(it);
}

static kr_value list_reviter_next(kr_vm *vm, kr_value self)
{
    (void)vm;
    kr_list_iter *it = KR_AS(kr_list_iter, self);
    if (!it->seq)
        return KR_NULL;
    kr_list *l = KR_AS(kr_list, it->seq);
    if (it->index >= 0 && it->index < l->size)
        return l->items[it->index--];
    it->index = -1;
    it->seq = KR_NULL;
    return KR_NULL;
}

static kr_value iter_self(kr_vm *vm, kr_value self)
{
    (void)vm;
    return self;
}

static kr_value list_iter_length_hint(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_list_iter *it = KR_AS(kr_list_iter, args[0]);
    int64_t n = 0;
    if (it->seq) {
        if (KR_OBJ(args[0])->type == vm->t.list_reviter)
            n = it->index + 1 <= kr_list_size(it->seq) ? it->index + 1 : 0;
        else
            n = kr_list_size(it->seq) - it->index;
    }
    return kr_int_from_i64(vm, n < 0 ? 0 : n);
}

static const kr_method_def list_iter_methods[] = {
    {"__length_hint__", list_iter_length_hint, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

void kr_list_init(kr_vm *vm)
{
    kr_type *t = kr_type_new_builtin(vm, "list", vm->t.object, sizeof(kr_list), KR_TF_BASETYPE | KR_TF_LIST_SUBCLASS);
    vm->t.list = t;
    t->attrs_offset = offsetof(kr_list, attrs);
    t->methods = list_methods;
    t->trace = list_trace;
    t->finalize = list_finalize;
    t->new_ = list_new_;
    t->init = list_init;
    t->repr = list_repr;
    t->hash = kr_hash_unhashable;
    t->richcompare = list_richcompare;
    t->iter = list_iter;
    t->len = list_len;
    t->getitem = kr_list_getitem;
    t->setitem = kr_list_setitem;
    t->contains = list_contains;
    t->bool_ = list_bool;
    t->binop[KR_OP_ADD] = list_add;
    t->binop[KR_OP_MUL] = list_mul;
    t->inplace[KR_OP_ADD] = list_iadd;
    t->inplace[KR_OP_MUL] = list_imul;

    kr_type *it = kr_type_new_builtin(vm, "list_iterator", vm->t.object, sizeof(kr_list_iter), 0);
    vm->t.list_iter = it;
    it->methods = list_iter_methods;
    it->trace = list_iter_trace;
    it->iter = iter_self;
    it->next = list_iter_next;

    kr_type *rit = kr_type_new_builtin(vm, "list_reverseiterator", vm->t.object, sizeof(kr_list_iter), 0);
    vm->t.list_reviter = rit;
    rit->methods = list_iter_methods;
    rit->trace = list_iter_trace;
    rit->iter = iter_self;
    rit->next = list_reviter_next;
}
