/* collections.c: collections.deque in C (the `_collections` module), with CPython 3.13's API and messages.
 *
 * A deque is a ring buffer. Invariants: `cap` is 0 (buf NULL) or a power of two >= DEQUE_MIN_CAP; the
 * items are buf[(head + i) & (cap - 1)] for 0 <= i < size; the other slots may hold stale values and are
 * neither traced nor read. maxlen < 0 means unbounded, else size <= maxlen. `state` changes with every
 * mutation that moves items (append, pop, rotate, insert, del, clear...), as CPython's deque->state:
 * iterators and the comparison loops, which may run Python code between two items, check it.
 *
 * The types are created at VM start (phase 1, kr_collections_init) so that the iterators can be made
 * from the VM's type table; stdlib/lib/collections/__init__.py re-exports deque from `_collections`. */
#include "../vm/abstract.h"
#include "../vm/init.h"
#include "../vm/list.h"
#include "../vm/type.h"

enum { DEQUE_MIN_CAP = 8 };

typedef struct kr_deque {
    kr_object ob;
    kr_value *buf;
    int64_t cap, head, size;
    int64_t maxlen;
    uint64_t state;
} kr_deque;

typedef struct kr_deque_iter {
    kr_object ob;
    kr_value deque;   /* KR_NULL once exhausted */
    int64_t index;    /* position of the next item from the left (reverse iterators: from the right) */
    int64_t left;     /* items still to produce */
    uint64_t state;   /* the deque's state when the iterator was made */
} kr_deque_iter;

#define DQ(v) KR_AS(kr_deque, v)

static void deque_trace(kr_vm *vm, kr_object *o);
static void deque_finalize(kr_vm *vm, kr_object *o);

/* deque or a subclass: the first builtin type on the __base__ chain is deque */
static bool deque_check(kr_vm *vm, kr_value v)
{
    if (!kr_is_ptr(v))
        return false;
    for (kr_type *t = KR_OBJ(v)->type; t; t = t->base)
        if (!(t->flags & KR_TF_HEAPTYPE))
            return t == vm->t.deque;
    return false;
}

static inline kr_value *deque_slot(kr_deque *d, int64_t i) { return &d->buf[(d->head + i) & (d->cap - 1)]; }

static int deque_grow(kr_vm *vm, kr_deque *d)
{
    int64_t ncap = d->cap ? d->cap * 2 : DEQUE_MIN_CAP;
    kr_value *nbuf = kr_mem_alloc(vm, (size_t)ncap * sizeof(kr_value));
    if (!nbuf)
        return -1;
    for (int64_t i = 0; i < d->size; i++)
        nbuf[i] = *deque_slot(d, i);
    kr_mem_free(vm, d->buf);
    d->buf = nbuf;
    d->cap = ncap;
    d->head = 0;
    return 0;
}

/* After pops: give back a buffer four times larger than needed (a queue that drained keeps no
 * high-water-mark memory). Failure to allocate the smaller buffer just keeps the larger one. */
static void deque_maybe_shrink(kr_vm *vm, kr_deque *d)
{
    if (d->cap <= 4 * DEQUE_MIN_CAP || d->size * 4 > d->cap)
        return;
    int64_t ncap = d->cap / 2;
    kr_value *nbuf = kr_mem_alloc(vm, (size_t)ncap * sizeof(kr_value));
    if (!nbuf) {
        kr_err_clear(vm);
        return;
    }
    for (int64_t i = 0; i < d->size; i++)
        nbuf[i] = *deque_slot(d, i);
    kr_mem_free(vm, d->buf);
    d->buf = nbuf;
    d->cap = ncap;
    d->head = 0;
}

static kr_value deque_pop_back(kr_vm *vm, kr_deque *d)
{
    kr_value v = *deque_slot(d, d->size - 1);
    d->size--;
    d->state++;
    deque_maybe_shrink(vm, d);
    return v;
}

static kr_value deque_pop_front(kr_vm *vm, kr_deque *d)
{
    kr_value v = d->buf[d->head];
    d->head = (d->head + 1) & (d->cap - 1);
    d->size--;
    d->state++;
    deque_maybe_shrink(vm, d);
    return v;
}

/* append / appendleft: a bounded deque drops an item from the other end (maxlen 0 keeps nothing). */
static int deque_push_back(kr_vm *vm, kr_deque *d, kr_value v)
{
    if (d->maxlen == 0)
        return 0;
    if (d->size == d->cap && deque_grow(vm, d) < 0)
        return -1;
    *deque_slot(d, d->size) = v;
    d->size++;
    d->state++;
    kr_gc_barrier(vm, &d->ob, v);
    if (d->maxlen > 0 && d->size > d->maxlen)
        (void)deque_pop_front(vm, d);
    return 0;
}

static int deque_push_front(kr_vm *vm, kr_deque *d, kr_value v)
{
    if (d->maxlen == 0)
        return 0;
    if (d->size == d->cap && deque_grow(vm, d) < 0)
        return -1;
    d->head = (d->head - 1) & (d->cap - 1);
    d->buf[d->head] = v;
    d->size++;
    d->state++;
    kr_gc_barrier(vm, &d->ob, v);
    if (d->maxlen > 0 && d->size > d->maxlen)
        (void)deque_pop_back(vm, d);
    return 0;
}

static void deque_clear_items(kr_vm *vm, kr_deque *d)
{
    kr_mem_free(vm, d->buf);
    d->buf = NULL;
    d->cap = d->head = d->size = 0;
    d->state++;
}

/* Removes the item at index i (0 <= i < size), moving the shorter side. */
static void deque_del_at(kr_deque *d, int64_t i)
{
    if (i < d->size / 2) {
        for (int64_t j = i; j > 0; j--)
            *deque_slot(d, j) = *deque_slot(d, j - 1);
        d->head = (d->head + 1) & (d->cap - 1);
    } else {
        for (int64_t j = i; j < d->size - 1; j++)
            *deque_slot(d, j) = *deque_slot(d, j + 1);
    }
    d->size--;
    d->state++;
}

/* Rotate right by n (0 < n < size): the last n items move to the front. Values move inside the one
 * buffer, so no barrier is needed. */
static void deque_rotate_right(kr_deque *d, int64_t n)
{
    int64_t mask = d->cap - 1;
    if (d->size == d->cap) {
        d->head = (d->head - n) & mask;
    } else if (n <= d->size / 2) {
        for (int64_t k = 0; k < n; k++) {
            kr_value v = d->buf[(d->head + d->size - 1) & mask];
            d->head = (d->head - 1) & mask;
            d->buf[d->head] = v;
        }
    } else {
        for (int64_t k = 0; k < d->size - n; k++) {
            kr_value v = d->buf[d->head];
            d->buf[(d->head + d->size) & mask] = v;
            d->head = (d->head + 1) & mask;
        }
    }
    d->state++;
}

/* Extend from any iterable, at the back or the front. `it` is self-safe: extending a deque by itself
 * first copies it (as CPython does). */
static int deque_extend_impl(kr_vm *vm, kr_value self, kr_value iterable, bool front)
{
    kr_deque *d = DQ(self);
    int (*push)(kr_vm *, kr_deque *, kr_value) = front ? deque_push_front : deque_push_back;
    size_t mark = kr_root_mark(vm);
    if (iterable == self) {
        iterable = kr_sequence_list(vm, self);
        if (!iterable)
            return -1;
        kr_root_push(vm, &iterable);
    }
    kr_type *t = kr_type_of(vm, iterable);
    if (t == vm->t.list || t == vm->t.tuple) {
        /* no Python code runs while pushing: the source cannot change under us */
        int64_t n = t == vm->t.list ? kr_list_size(iterable) : kr_tuple_size(iterable);
        kr_value *items = t == vm->t.list ? kr_list_items(iterable) : kr_tuple_items(iterable);
        for (int64_t i = 0; i < n; i++)
            if (push(vm, d, items[i]) < 0) {
                kr_root_reset(vm, mark);
                return -1;
            }
        kr_root_reset(vm, mark);
        return 0;
    }
    kr_value it = kr_iter(vm, iterable);
    if (!it) {
        kr_root_reset(vm, mark);
        return -1;
    }
    kr_root_push(vm, &it);
    kr_value v;
    while ((v = kr_next(vm, it)) != KR_NULL)
        if (push(vm, d, v) < 0)
            break;
    kr_root_reset(vm, mark);
    return kr_err_occurred(vm) ? -1 : 0;
}

/* ================= construction ================= */

static kr_value deque_new_(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    kr_deque *d = kr_gc_alloc(vm, cls, cls->instance_size);
    if (!d)
        return KR_NULL;
    d->maxlen = -1;
    return KR_VAL(d);
}

static int deque_maxlen_arg(kr_vm *vm, kr_value v, int64_t *out)
{
    *out = -1;
    if (!v || v == KR_NONE)
        return 0;
    if (!kr_is_int(vm, v))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "an integer is required");
    if (kr_int_to_i64(vm, v, out) < 0) {
        kr_err_clear(vm);
        return kr_raise_i(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C ssize_t");
    }
    if (*out < 0)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "maxlen must be non-negative");
    return 0;
}

static int deque_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"iterable", "maxlen"};
    kr_value a[2];
    if (kr_args_parse(vm, "deque", args, nargs, kwnames, names, 2, 0, 0, a) < 0)
        return -1;
    int64_t maxlen;
    if (deque_maxlen_arg(vm, a[1], &maxlen) < 0)
        return -1;
    kr_deque *d = DQ(self);
    d->maxlen = maxlen;
    if (d->size)
        deque_clear_items(vm, d);
    return a[0] ? deque_extend_impl(vm, self, a[0], false) : 0;
}

/* A new deque of self's type with self's items and maxlen: direct for deque itself, through the
 * constructor (type(self)(self[, maxlen])) for subclasses, as CPython's deque_copy. */
static kr_value deque_copy_of(kr_vm *vm, kr_value self)
{
    kr_deque *d = DQ(self);
    if (kr_type_of(vm, self) == vm->t.deque) {
        kr_deque *c = kr_gc_alloc(vm, vm->t.deque, sizeof(kr_deque));
        if (!c)
            return KR_NULL;
        c->maxlen = d->maxlen;
        if (d->size) {
            int64_t cap = DEQUE_MIN_CAP;
            while (cap < d->size)
                cap *= 2;
            c->buf = kr_mem_alloc(vm, (size_t)cap * sizeof(kr_value));
            if (!c->buf)
                return KR_NULL;
            c->cap = cap;
            for (int64_t i = 0; i < d->size; i++)
                c->buf[i] = *deque_slot(d, i);
            c->size = d->size;
        }
        return KR_VAL(c);
    }
    kr_value cls = KR_VAL(kr_type_of(vm, self));
    if (d->maxlen < 0)
        return kr_call1(vm, cls, self);
    kr_value maxlen = kr_int_from_i64(vm, d->maxlen);
    return maxlen ? kr_call2(vm, cls, self, maxlen) : KR_NULL;
}

/* ================= slots ================= */

static void deque_trace(kr_vm *vm, kr_object *o)
{
    kr_deque *d = (kr_deque *)o;
    for (int64_t i = 0; i < d->size; i++)
        kr_gc_mark(vm, *deque_slot(d, i));
}

static void deque_finalize(kr_vm *vm, kr_object *o)
{
    kr_deque *d = (kr_deque *)o;
    kr_mem_free(vm, d->buf);
    d->buf = NULL;
    d->cap = d->size = d->head = 0;
}

static int64_t deque_len(kr_vm *vm, kr_value self)
{
    (void)vm;
    return DQ(self)->size;
}

static int deque_bool(kr_vm *vm, kr_value self)
{
    (void)vm;
    return DQ(self)->size != 0;
}

static kr_value deque_repr(kr_vm *vm, kr_value self)
{
    int busy = kr_repr_enter(vm, self);
    if (busy < 0)
        return KR_NULL;
    if (busy)
        return kr_str_from_cstr(vm, "[...]");
    kr_value items = kr_sequence_list(vm, self);
    kr_value r = KR_NULL;
    if (items) {
        size_t mark = kr_root_mark(vm);
        kr_root_push(vm, &items);
        kr_value lr = kr_repr(vm, items);
        kr_root_reset(vm, mark);
        if (lr) {
            /* the type's __name__, as CPython's _PyType_Name: "deque" or a subclass's */
            const char *name = kr_str_data(kr_type_of(vm, self)->name);
            r = DQ(self)->maxlen < 0
                    ? kr_str_fmt(vm, "%s(%s)", name, kr_str_data(lr))
                    : kr_str_fmt(vm, "%s(%s, maxlen=%lld)", name, kr_str_data(lr), (long long)DQ(self)->maxlen);
        }
    }
    kr_repr_leave(vm, self);
    return r;
}

/* A subscript: an int or __index__ (huge values: IndexError as CPython's sq_item path), negative from
 * the right; IndexError "deque index out of range" outside. */
static int deque_index_key(kr_vm *vm, kr_value self, kr_value key, int64_t *out)
{
    int64_t i;
    if (kr_is_small(key)) {
        i = kr_small_val(key);
    } else {
        if (!kr_type_of(vm, key)->index)
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "sequence index must be integer, not '%s'",
                              kr_typename(vm, key));
        if (kr_index_i64(vm, key, &i) < 0) {
            if (!kr_err_matches(vm, KR_EXC(vm, OverflowError)))
                return -1;
            kr_err_clear(vm);
            return kr_raise_i(vm, KR_EXC(vm, IndexError), "cannot fit '%s' into an index-sized integer",
                              kr_typename(vm, key));
        }
    }
    int64_t n = DQ(self)->size;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return kr_raise_i(vm, KR_EXC(vm, IndexError), "deque index out of range");
    *out = i;
    return 0;
}

static kr_value deque_getitem(kr_vm *vm, kr_value self, kr_value key)
{
    int64_t i;
    if (deque_index_key(vm, self, key, &i) < 0)
        return KR_NULL;
    return *deque_slot(DQ(self), i);
}

static int deque_setitem(kr_vm *vm, kr_value self, kr_value key, kr_value value)
{
    int64_t i;
    if (deque_index_key(vm, self, key, &i) < 0)
        return -1;
    kr_deque *d = DQ(self);
    if (!value) {
        deque_del_at(d, i);
        deque_maybe_shrink(vm, d);
        return 0;
    }
    *deque_slot(d, i) = value;
    kr_gc_barrier(vm, &d->ob, value);
    return 0;
}

/* The first index in [start, stop) whose item == x, -1 if none, -2 with an exception pending (the
 * comparison's own or `mutated` when the deque changed while Python code compared). */
static int64_t deque_find(kr_vm *vm, kr_value self, kr_value x, int64_t start, int64_t stop, kr_type *mutated)
{
    kr_deque *d = DQ(self);
    uint64_t state = d->state;
    kr_value item = KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &item); /* the comparison may remove it from the deque */
    for (int64_t i = start; i < stop && i < d->size; i++) {
        item = *deque_slot(d, i);
        int k = kr_eq(vm, item, x);
        if (k >= 0 && d->state != state) {
            kr_raise(vm, mutated, "deque mutated during iteration");
            k = -1;
        }
        if (k) {
            kr_root_reset(vm, mark);
            return k < 0 ? -2 : i;
        }
    }
    kr_root_reset(vm, mark);
    return -1;
}

static int deque_contains(kr_vm *vm, kr_value self, kr_value item)
{
    int64_t i = deque_find(vm, self, item, 0, INT64_MAX, KR_EXC(vm, RuntimeError));
    return i == -2 ? -1 : i >= 0;
}

static kr_value deque_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!deque_check(vm, a) || !deque_check(vm, b))
        return KR_NOTIMPL;
    kr_deque *v = DQ(a), *w = DQ(b);
    if ((op == KR_CMP_EQ || op == KR_CMP_NE) && v->size != w->size)
        return kr_bool(op == KR_CMP_NE);
    uint64_t vs = v->state, ws = w->state;
    kr_value x = KR_NULL, y = KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &x);
    kr_root_push(vm, &y);
    int64_t i;
    for (i = 0; i < v->size && i < w->size; i++) {
        x = *deque_slot(v, i);
        y = *deque_slot(w, i);
        int k = kr_eq(vm, x, y);
        if (k >= 0 && (v->state != vs || w->state != ws)) {
            kr_raise(vm, KR_EXC(vm, RuntimeError), "deque mutated during iteration");
            k = -1;
        }
        if (k < 0) {
            kr_root_reset(vm, mark);
            return KR_NULL;
        }
        if (!k)
            break;
    }
    kr_value r;
    if (i < v->size && i < w->size) {
        r = op == KR_CMP_EQ ? KR_FALSE : op == KR_CMP_NE ? KR_TRUE : kr_richcompare(vm, x, y, op);
    } else {
        int64_t m = v->size, n = w->size;
        bool res = op == KR_CMP_LT ? m < n : op == KR_CMP_LE ? m <= n : op == KR_CMP_EQ ? m == n
                 : op == KR_CMP_NE ? m != n : op == KR_CMP_GT ? m > n : m >= n;
        r = kr_bool(res);
    }
    kr_root_reset(vm, mark);
    return r;
}

static kr_value deque_concat(kr_vm *vm, kr_value a, kr_value b)
{
    if (!deque_check(vm, a))
        return KR_NOTIMPL;
    if (!deque_check(vm, b))
        return kr_raise(vm, KR_EXC(vm, TypeError), "can only concatenate deque (not \"%s\") to deque",
                        kr_typename(vm, b));
    kr_value r = deque_copy_of(vm, a);
    if (!r)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &r);
    int rc = deque_extend_impl(vm, r, b, false);
    kr_root_reset(vm, mark);
    return rc < 0 ? KR_NULL : r;
}

static kr_value deque_inplace_concat(kr_vm *vm, kr_value a, kr_value b)
{
    if (!deque_check(vm, a))
        return KR_NOTIMPL;
    return deque_extend_impl(vm, a, b, false) < 0 ? KR_NULL : a;
}

/* d *= n: the items repeated n times (n <= 0 empties it); a bounded deque keeps the last maxlen. */
static int deque_repeat_inplace(kr_vm *vm, kr_value self, int64_t n)
{
    kr_deque *d = DQ(self);
    int64_t size = d->size;
    if (n <= 0 || size == 0) {
        if (d->size)
            deque_clear_items(vm, d);
        return 0;
    }
    if (d->maxlen < 0 && size > INT64_MAX / 16 / n) {
        kr_raise_nomemory(vm);
        return -1;
    }
    /* a bounded deque needs only the repetitions that can survive */
    if (d->maxlen >= 0 && n > d->maxlen / size + 2)
        n = d->maxlen / size + 2;
    for (int64_t k = 1; k < n; k++)
        for (int64_t i = 0; i < size; i++)
            /* items [0, size) of the original run are still at the back (size <= the current size) */
            if (deque_push_back(vm, d, *deque_slot(d, d->size - size)) < 0)
                return -1;
    return 0;
}

static kr_value deque_mul(kr_vm *vm, kr_value a, kr_value b)
{
    kr_value self = deque_check(vm, a) ? a : b, other = self == a ? b : a;
    int64_t n;
    int k = kr_seq_repeat_count(vm, other, &n);
    if (k <= 0)
        return k < 0 ? KR_NULL : KR_NOTIMPL;
    kr_value r = deque_copy_of(vm, self);
    if (!r)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &r);
    int rc = deque_repeat_inplace(vm, r, n);
    kr_root_reset(vm, mark);
    return rc < 0 ? KR_NULL : r;
}

static kr_value deque_inplace_mul(kr_vm *vm, kr_value a, kr_value b)
{
    if (!deque_check(vm, a))
        return KR_NOTIMPL;
    int64_t n;
    int k = kr_seq_repeat_count(vm, b, &n);
    if (k <= 0)
        return k < 0 ? KR_NULL : KR_NOTIMPL;
    return deque_repeat_inplace(vm, a, n) < 0 ? KR_NULL : a;
}

/* ================= methods ================= */

#define SELF DQ(args[0])

static kr_value dq_append(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "deque.append", nargs, kwnames) < 0 || deque_push_back(vm, SELF, args[1]) < 0)
        return KR_NULL;
    return KR_NONE;
}

static kr_value dq_appendleft(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "deque.appendleft", nargs, kwnames) < 0 || deque_push_front(vm, SELF, args[1]) < 0)
        return KR_NULL;
    return KR_NONE;
}

static kr_value dq_pop(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "deque.pop", nargs, kwnames) < 0)
        return KR_NULL;
    if (!SELF->size)
        return kr_raise(vm, KR_EXC(vm, IndexError), "pop from an empty deque");
    return deque_pop_back(vm, SELF);
}

static kr_value dq_popleft(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "deque.popleft", nargs, kwnames) < 0)
        return KR_NULL;
    if (!SELF->size)
        return kr_raise(vm, KR_EXC(vm, IndexError), "pop from an empty deque");
    return deque_pop_front(vm, SELF);
}

static kr_value dq_extend(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "deque.extend", nargs, kwnames) < 0 || deque_extend_impl(vm, args[0], args[1], false) < 0)
        return KR_NULL;
    return KR_NONE;
}

static kr_value dq_extendleft(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "deque.extendleft", nargs, kwnames) < 0 || deque_extend_impl(vm, args[0], args[1], true) < 0)
        return KR_NULL;
    return KR_NONE;
}

static kr_value dq_clear(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "deque.clear", nargs, kwnames) < 0)
        return KR_NULL;
    deque_clear_items(vm, SELF);
    return KR_NONE;
}

static kr_value dq_copy(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "deque.copy", nargs, kwnames) < 0)
        return KR_NULL;
    return deque_copy_of(vm, args[0]);
}

static kr_value dq_count(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "deque.count", nargs, kwnames) < 0)
        return KR_NULL;
    int64_t count = 0;
    for (int64_t i = 0;; i++) {
        i = deque_find(vm, args[0], args[1], i, INT64_MAX, KR_EXC(vm, RuntimeError));
        if (i == -2)
            return KR_NULL;
        if (i < 0)
            break;
        count++;
    }
    return kr_int_from_i64(vm, count);
}

static kr_value dq_index(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "index", kwnames) < 0 || kr_args_count(vm, "index", nargs - 1, 1, 3) < 0)
        return KR_NULL;
    int64_t start = 0, stop = INT64_MAX;
    if (nargs > 2 && kr_seq_slice_arg(vm, args[2], &start) < 0)
        return KR_NULL;
    if (nargs > 3 && kr_seq_slice_arg(vm, args[3], &stop) < 0)
        return KR_NULL;
    kr_seq_adjust_range(SELF->size, &start, &stop);
    int64_t i = deque_find(vm, args[0], args[1], start, stop, KR_EXC(vm, RuntimeError));
    if (i >= 0)
        return kr_int_from_i64(vm, i);
    if (i == -2)
        return KR_NULL;
    kr_value r = kr_repr(vm, args[1]);
    return r ? kr_raise(vm, KR_EXC(vm, ValueError), "%s is not in deque", kr_str_data(r)) : KR_NULL;
}

static kr_value dq_insert(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "insert", kwnames) < 0 || kr_args_count(vm, "insert", nargs - 1, 2, 2) < 0)
        return KR_NULL;
    int64_t i;
    if (kr_index_ssize(vm, args[1], &i) < 0)
        return KR_NULL;
    kr_deque *d = SELF;
    if (d->maxlen == d->size)
        return kr_raise(vm, KR_EXC(vm, IndexError), "deque already at its maximum size");
    int64_t n = d->size;
    if (i < 0)
        i = i + n < 0 ? 0 : i + n;
    if (i > n)
        i = n;
    if (deque_push_back(vm, d, args[2]) < 0)
        return KR_NULL;
    for (int64_t j = n; j > i; j--)
        *deque_slot(d, j) = *deque_slot(d, j - 1);
    *deque_slot(d, i) = args[2];
    return KR_NONE;
}

static kr_value dq_remove(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method1(vm, "deque.remove", nargs, kwnames) < 0)
        return KR_NULL;
    int64_t i = deque_find(vm, args[0], args[1], 0, INT64_MAX, KR_EXC(vm, IndexError));
    if (i == -2)
        return KR_NULL;
    if (i < 0) {
        kr_value r = kr_repr(vm, args[1]);
        return r ? kr_raise(vm, KR_EXC(vm, ValueError), "%s is not in deque", kr_str_data(r)) : KR_NULL;
    }
    deque_del_at(SELF, i);
    deque_maybe_shrink(vm, SELF);
    return KR_NONE;
}

static kr_value dq_reverse(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "deque.reverse", nargs, kwnames) < 0)
        return KR_NULL;
    kr_deque *d = SELF;
    for (int64_t i = 0, j = d->size - 1; i < j; i++, j--) {
        kr_value t = *deque_slot(d, i);
        *deque_slot(d, i) = *deque_slot(d, j);
        *deque_slot(d, j) = t;
    }
    return KR_NONE;
}

static kr_value dq_rotate(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "rotate", kwnames) < 0 || kr_args_count(vm, "rotate", nargs - 1, 0, 1) < 0)
        return KR_NULL;
    int64_t n = 1;
    if (nargs > 1 && kr_index_ssize(vm, args[1], &n) < 0)
        return KR_NULL;
    kr_deque *d = SELF;
    if (d->size > 1) {
        n %= d->size;
        if (n < 0)
            n += d->size;
        if (n)
            deque_rotate_right(d, n);
    }
    return KR_NONE;
}

static kr_value dq_reversed(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames);

static kr_value dq_class_getitem(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)kwnames;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "__class_getitem__ expected 1 argument");
    return kr_generic_alias_new(vm, args[0], args[1]);
}

static kr_value dq_sizeof(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "__sizeof__", nargs, kwnames) < 0)
        return KR_NULL;
    return kr_int_from_i64(vm, (int64_t)sizeof(kr_deque) + SELF->cap * (int64_t)sizeof(kr_value));
}

/* (type(d), (iterable-free args), __dict__ or None, iter(d)) as CPython, for copy and pickling-style
 * reconstruction. */
static kr_value dq_reduce(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "__reduce__", nargs, kwnames) < 0)
        return KR_NULL;
    kr_value self = args[0], cargs = KR_NULL, state = KR_NULL, it = KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &cargs);
    kr_root_push(vm, &state);
    kr_root_push(vm, &it);
    kr_value r = KR_NULL;
    cargs = SELF->maxlen < 0 ? kr_tuple_pack(vm, 0) : KR_NULL;
    if (SELF->maxlen >= 0) {
        kr_value empty = kr_tuple_pack(vm, 0);
        kr_value m = empty ? kr_int_from_i64(vm, SELF->maxlen) : KR_NULL;
        cargs = m ? kr_tuple_pack(vm, 2, empty, m) : KR_NULL;
    }
    if (cargs) {
        state = kr_getattr_cstr(vm, self, "__dict__");
        if (!state && kr_err_matches(vm, KR_EXC(vm, AttributeError))) {
            kr_err_clear(vm);
            state = KR_NONE;
        }
    }
    if (state)
        it = kr_iter(vm, self);
    if (it)
        r = kr_tuple_pack(vm, 4, KR_VAL(kr_type_of(vm, self)), cargs, state, it);
    kr_root_reset(vm, mark);
    return r;
}

static kr_value dq_get_maxlen(kr_vm *vm, kr_value self)
{
    return DQ(self)->maxlen < 0 ? KR_NONE : kr_int_from_i64(vm, DQ(self)->maxlen);
}

#undef SELF

static const kr_method_def deque_methods[] = {
    {"append", dq_append, KR_METH_DEFAULT, "Add an element to the right side of the deque."},
    {"appendleft", dq_appendleft, KR_METH_DEFAULT, "Add an element to the left side of the deque."},
    {"pop", dq_pop, KR_METH_DEFAULT, "Remove and return the rightmost element."},
    {"popleft", dq_popleft, KR_METH_DEFAULT, "Remove and return the leftmost element."},
    {"extend", dq_extend, KR_METH_DEFAULT, "Extend the right side of the deque with elements from the iterable."},
    {"extendleft", dq_extendleft, KR_METH_DEFAULT, "Extend the left side of the deque with elements from the iterable."},
    {"clear", dq_clear, KR_METH_DEFAULT, "Remove all elements from the deque."},
    {"copy", dq_copy, KR_METH_DEFAULT, "Return a shallow copy of a deque."},
    {"__copy__", dq_copy, KR_METH_DEFAULT, "Return a shallow copy of a deque."},
    {"count", dq_count, KR_METH_DEFAULT, "Return number of occurrences of value."},
    {"index", dq_index, KR_METH_DEFAULT, "Return first index of value."},
    {"insert", dq_insert, KR_METH_DEFAULT, "Insert value before index."},
    {"remove", dq_remove, KR_METH_DEFAULT, "Remove first occurrence of value."},
    {"reverse", dq_reverse, KR_METH_DEFAULT, "Reverse *IN PLACE*."},
    {"rotate", dq_rotate, KR_METH_DEFAULT, "Rotate the deque n steps to the right.  If n is negative, rotates left."},
    {"__reversed__", dq_reversed, KR_METH_DEFAULT, "Return a reverse iterator over the deque."},
    {"__reduce__", dq_reduce, KR_METH_DEFAULT, "Return state information for pickling."},
    {"__sizeof__", dq_sizeof, KR_METH_DEFAULT, "Size of the deque in memory, in bytes."},
    {"__class_getitem__", dq_class_getitem, KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const kr_getset_def deque_getsets[] = {
    {"maxlen", dq_get_maxlen, NULL, "maximum size of a deque or None if unbounded"},
    {NULL, NULL, NULL, NULL},
};

/* ================= iterators ================= */

static void deque_iter_trace(kr_vm *vm, kr_object *o)
{
    kr_gc_mark(vm, ((kr_deque_iter *)o)->deque);
}

static kr_value deque_iter_make(kr_vm *vm, kr_type *type, kr_value self)
{
    kr_deque_iter *it = kr_gc_alloc(vm, type, sizeof *it);
    if (!it)
        return KR_NULL;
    it->deque = self;
    it->left = DQ(self)->size;
    it->state = DQ(self)->state;
    return KR_VAL(it);
}

static kr_value deque_iter(kr_vm *vm, kr_value self)
{
    return deque_iter_make(vm, vm->t.deque_iter, self);
}

static kr_value dq_reversed(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "__reversed__", nargs, kwnames) < 0)
        return KR_NULL;
    return deque_iter_make(vm, vm->t.deque_reviter, args[0]);
}

/* The next item from the left (forward) or the right (reverse); RuntimeError once the deque changed. */
static kr_value deque_iter_step(kr_vm *vm, kr_value self, bool reverse)
{
    kr_deque_iter *it = KR_AS(kr_deque_iter, self);
    if (!it->deque)
        return KR_NULL;
    kr_deque *d = DQ(it->deque);
    if (d->state != it->state) {
        it->deque = KR_NULL;
        it->left = 0;
        return kr_raise(vm, KR_EXC(vm, RuntimeError), "deque mutated during iteration");
    }
    if (it->left == 0) {
        it->deque = KR_NULL;
        return KR_NULL;
    }
    it->left--;
    int64_t i = it->index++;
    return *deque_slot(d, reverse ? d->size - 1 - i : i);
}

static kr_value deque_iter_next(kr_vm *vm, kr_value self) { return deque_iter_step(vm, self, false); }
static kr_value deque_reviter_next(kr_vm *vm, kr_value self) { return deque_iter_step(vm, self, true); }

static kr_value iter_self(kr_vm *vm, kr_value self)
{
    (void)vm;
    return self;
}

static kr_value dqi_length_hint(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "__length_hint__", nargs, kwnames) < 0)
        return KR_NULL;
    return kr_int_from_i64(vm, KR_AS(kr_deque_iter, args[0])->left);
}

static const kr_method_def deque_iter_methods[] = {
    {"__length_hint__", dqi_length_hint, KR_METH_DEFAULT, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

/* ================= module ================= */

void kr_collections_init(kr_vm *vm)
{
    /* weakly referenceable as CPython's deque (vm/weakref.c) */
    kr_type *t = kr_type_new_builtin(vm, "collections.deque", vm->t.object, sizeof(kr_deque),
                                     KR_TF_BASETYPE | KR_TF_WEAKREFABLE);
    t->trace = deque_trace;
    t->finalize = deque_finalize;
    t->new_ = deque_new_;
    t->init = deque_init;
    t->repr = deque_repr;
    t->hash = kr_hash_unhashable;
    t->richcompare = deque_richcompare;
    t->iter = deque_iter;
    t->len = deque_len;
    t->bool_ = deque_bool;
    t->getitem = deque_getitem;
    t->setitem = deque_setitem;
    t->contains = deque_contains;
    t->binop[KR_OP_ADD] = deque_concat;
    t->inplace[KR_OP_ADD] = deque_inplace_concat;
    t->binop[KR_OP_MUL] = deque_mul;
    t->inplace[KR_OP_MUL] = deque_inplace_mul;
    t->methods = deque_methods;
    t->getsets = deque_getsets;
    vm->t.deque = t;

    const char *names[2] = {"collections._deque_iterator", "collections._deque_reverse_iterator"};
    kr_value (*nexts[2])(kr_vm *, kr_value) = {deque_iter_next, deque_reviter_next};
    for (int k = 0; k < 2; k++) {
        kr_type *it = kr_type_new_builtin(vm, names[k], vm->t.object, sizeof(kr_deque_iter), 0);
        it->trace = deque_iter_trace;
        it->iter = iter_self;
        it->next = nexts[k];
        it->methods = deque_iter_methods;
        it->flags |= KR_TF_ABSTRACT;
        if (k == 0)
            vm->t.deque_iter = it;
        else
            vm->t.deque_reviter = it;
    }
}

kr_value kr_collections_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_collections");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    int rc = kr_module_add(vm, m, "deque", KR_VAL(vm->t.deque));
    if (rc == 0)
        rc = kr_module_add(vm, m, "_deque_iterator", KR_VAL(vm->t.deque_iter));
    if (rc == 0)
        rc = kr_module_add(vm, m, "_deque_reverse_iterator", KR_VAL(vm->t.deque_reviter));
    kr_root_reset(vm, mark);
    return rc < 0 ? KR_NULL : m;
}
