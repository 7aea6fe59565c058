/* tuple.c: the tuple type and its iterator.
 *
 * A tuple's items live inline after the header (kr_tuple in object.h). The empty tuple is a singleton
 * (vm->empty_tuple); every other tuple is created by kr_tuple_new / kr_tuple_alloc_type and filled by its
 * creator before it escapes. hash caches CPython 3.13's xxHash-based value (-1: not computed yet). */
#include "tuple.h"

#include <string.h>

#include "init.h"
#include "list.h"
#include "range.h"

kr_value kr_tuple_alloc_type(kr_vm *vm, kr_type *cls, int64_t n)
{
    if (n < 0 || (uint64_t)n > (SIZE_MAX - sizeof(kr_tuple) - 64) / sizeof(kr_value))
        return kr_raise_nomemory(vm);
    size_t base = cls->instance_size >= sizeof(kr_tuple) ? cls->instance_size : sizeof(kr_tuple);
    size_t size = base + (size_t)n * sizeof(kr_value);
    kr_tuple *t = cls == vm->t.tuple && size <= 16 * KR_GC_POOL_CLASSES ? kr_gc_alloc_small(vm, cls, size)
                                                                        : kr_gc_alloc(vm, cls, size);
    if (!t)
        return KR_NULL;
    t->size = n;
    t->hash = -1;
    for (int64_t i = 0; i < n; i++)
        t->items[i] = KR_NONE;
    return KR_VAL(t);
}

kr_value kr_tuple_new(kr_vm *vm, int64_t n)
{
    if (n == 0 && vm->empty_tuple)
        return vm->empty_tuple;
    return kr_tuple_alloc_type(vm, vm->t.tuple, n);
}

kr_value kr_tuple_from_array(kr_vm *vm, const kr_value *items, int64_t n)
{
    kr_value t = kr_tuple_new(vm, n);
    if (!t)
        return KR_NULL;
    if (n)
        memcpy(KR_AS(kr_tuple, t)->items, items, (size_t)n * sizeof(kr_value));
    return t;
}

kr_value kr_tuple_pack(kr_vm *vm, int n, ...)
{
    kr_value t = kr_tuple_new(vm, n);
    if (!t)
        return KR_NULL;
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        KR_AS(kr_tuple, t)->items[i] = va_arg(ap, kr_value);
    va_end(ap);
    return t;
}

kr_value kr_tuple_slice(kr_vm *vm, kr_value t, int64_t lo, int64_t hi)
{
    int64_t n = kr_tuple_size(t);
    if (lo < 0)
        lo = 0;
    if (hi > n)
        hi = n;
    if (hi < lo)
        hi = lo;
    if (lo == 0 && hi == n && kr_tuple_check_exact(vm, t))
        return t;
    return kr_tuple_from_array(vm, kr_tuple_items(t) + lo, hi - lo);
}

int kr_tuple_setup(kr_vm *vm)
{
    if (vm->empty_tuple)
        return 0;
    kr_value t = kr_tuple_alloc_type(vm, vm->t.tuple, 0);
    if (!t)
        return -1;
    vm->empty_tuple = t;
    return 0;
}

/* ---- slots ---- */

static void tuple_trace(kr_vm *vm, kr_object *o)
{
    kr_tuple *t = (kr_tuple *)o;
    for (int64_t i = 0; i < t->size; i++)
        kr_gc_mark(vm, t->items[i]);
}

static kr_value tuple_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    if (kwnames && kr_tuple_size(kwnames) > 0 && cls == vm->t.tuple)
        return kr_raise(vm, KR_EXC(vm, TypeError), "tuple() takes no keyword arguments");
    if (nargs > 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "tuple expected at most 1 argument, got %d", nargs);
    if (cls == vm->t.tuple) {
        if (nargs == 0)
            return vm->empty_tuple;
        if (kr_tuple_check_exact(vm, args[0]))
            return args[0];
        kr_value l = kr_list_from_iterable(vm, args[0]);
        if (!l)
            return KR_NULL;
        return kr_list_as_tuple(vm, l);
    }
    kr_value l = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &l);
    l = nargs ? kr_list_from_iterable(vm, args[0]) : kr_list_new(vm, 0);
    kr_value t = KR_NULL;
    if (l) {
        int64_t n = kr_list_size(l);
        t = kr_tuple_alloc_type(vm, cls, n);
        if (t && n)
            memcpy(KR_AS(kr_tuple, t)->items, kr_list_items(l), (size_t)n * sizeof(kr_value));
    }
    kr_root_reset(vm, m);
    return t;
}

static kr_value tuple_repr(kr_vm *vm, kr_value self)
{
    kr_tuple *t = KR_AS(kr_tuple, self);
    if (t->size == 0)
        return kr_str_from_cstr(vm, "()");
    if (t->ob.flags & KR_REPR_BUSY)
        return kr_str_from_cstr(vm, "(...)");
    t->ob.flags |= KR_REPR_BUSY;
    kr_sb sb;
    kr_sb_init(&sb);
    kr_sb_append_char(&sb, '(');
    for (int64_t i = 0; i < t->size; i++) {
        if (i)
            kr_sb_append(&sb, ", ", 2);
        if (kr_sb_append_value(vm, &sb, t->items[i], true) < 0) {
            t->ob.flags &= ~KR_REPR_BUSY;
            kr_sb_free(&sb);
            return KR_NULL;
        }
    }
    if (t->size == 1)
        kr_sb_append_char(&sb, ',');
    kr_sb_append_char(&sb, ')');
    t->ob.flags &= ~KR_REPR_BUSY;
    return kr_sb_finish(vm, &sb);
}

#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

int64_t kr_tuple_hash_lanes(const int64_t *lanes, int64_t n)
{
    uint64_t acc = XXPRIME_5;
    for (int64_t i = 0; i < n; i++) {
        acc += (uint64_t)lanes[i] * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (int64_t)acc;
}

static int64_t tuple_hash(kr_vm *vm, kr_value self)
{
    kr_tuple *t = KR_AS(kr_tuple, self);
    if (t->hash != -1)
        return t->hash;
    uint64_t acc = XXPRIME_5;
    for (int64_t i = 0; i < t->size; i++) {
        int64_t lane = kr_hash(vm, t->items[i]);
        if (lane == -1)
            return -1;
        acc += (uint64_t)lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->size ^ (XXPRIME_5 ^ 3527539UL);
    int64_t h = acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
    t->hash = h;
    return h;
}

static kr_value tuple_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!kr_tuple_check(vm, a) || !kr_tuple_check(vm, b))
        return KR_NOTIMPL;
    if (a == b && (op == KR_CMP_EQ || op == KR_CMP_NE)) {
        /* Identity implies item-wise identity, and kr_eq treats identical items as equal. */
        return kr_bool(op == KR_CMP_EQ);
    }
    kr_tuple *v = KR_AS(kr_tuple, a), *w = KR_AS(kr_tuple, b);
    int64_t vl = v->size, wl = w->size, i;
    if ((op == KR_CMP_EQ || op == KR_CMP_NE) && vl != wl)
        return kr_bool(op == KR_CMP_NE);
    for (i = 0; i < vl && i < wl; i++) {
        int k = kr_eq(vm, v->items[i], w->items[i]);
        if (k < 0)
            return KR_NULL;
        if (!k)
            break;
    }
    if (i >= vl || i >= wl) {
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

static int64_t tuple_len(kr_vm *vm, kr_value self)
{
    (void)vm;
    return kr_tuple_size(self);
}

static int tuple_contains(kr_vm *vm, kr_value self, kr_value item)
{
    kr_tuple *t = KR_AS(kr_tuple, self);
    for (int64_t i = 0; i < t->size; i++) {
        int k = kr_eq(vm, t->items[i], item);
        if (k)
            return k;
    }
    return 0;
}

static int tuple_bool(kr_vm *vm, kr_value self)
{
    (void)vm;
    return kr_tuple_size(self) != 0;
}

kr_value kr_tuple_getslice(kr_vm *vm, kr_value self, kr_value startv, kr_value stopv, kr_value stepv)
{
    int64_t start, stop, step;
    if (kr_slice_unpack(vm, startv, stopv, stepv, &start, &stop, &step) < 0)
        return KR_NULL;
    int64_t n = kr_slice_adjust(kr_tuple_size(self), &start, &stop, step);
    if (step == 1)
        return kr_tuple_slice(vm, self, start, start + n);
    kr_value r = kr_tuple_new(vm, n);
    if (!r)
        return KR_NULL;
    for (int64_t k = 0, j = start; k < n; k++, j += step)
        KR_AS(kr_tuple, r)->items[k] = kr_tuple_items(self)[j];
    return r;
}

static kr_value tuple_getitem(kr_vm *vm, kr_value self, kr_value key)
{
    kr_tuple *t = KR_AS(kr_tuple, self);
    int64_t i;
    if (kr_is_small(key)) {
        i = kr_small_val(key);
    } else if (kr_seq_is_slice(vm, key)) {
        kr_slice *sl = KR_AS(kr_slice, key);
        return kr_tuple_getslice(vm, self, sl->start, sl->stop, sl->step);
    } else if (kr_seq_index_key(vm, key, &i, "tuple") < 0) {
        return KR_NULL;
    }
    if (i < 0)
        i += t->size;
    if ((uint64_t)i >= (uint64_t)t->size)
        return kr_raise(vm, KR_EXC(vm, IndexError), "tuple index out of range");
    return t->items[i];
}

static kr_value tuple_add(kr_vm *vm, kr_value a, kr_value b)
{
    if (!kr_tuple_check(vm, a))
        return KR_NOTIMPL;
    if (!kr_tuple_check(vm, b)) {
        kr_type *bt = kr_type_of(vm, b);
        if ((bt->flags & KR_TF_HEAPTYPE) && kr_type_lookup(vm, bt, KR_NAME(vm, __radd__)))
            return KR_NOTIMPL;
        return kr_raise(vm, KR_EXC(vm, TypeError), "can only concatenate tuple (not \"%s\") to tuple",
                        bt->name_c);
    }
    int64_t na = kr_tuple_size(a), nb = kr_tuple_size(b);
    if (nb == 0 && kr_tuple_check_exact(vm, a))
        return a;
    if (na == 0 && kr_tuple_check_exact(vm, b))
        return b;
    if (na > INT64_MAX / 2 - nb)
        return kr_raise_nomemory(vm);
    kr_value r = kr_tuple_new(vm, na + nb);
    if (!r)
        return KR_NULL;
    memcpy(kr_tuple_items(r), kr_tuple_items(a), (size_t)na * sizeof(kr_value));
    memcpy(kr_tuple_items(r) + na, kr_tuple_items(b), (size_t)nb * sizeof(kr_value));
    return r;
}

static kr_value tuple_mul(kr_vm *vm, kr_value a, kr_value b)
{
    int64_t n;
    if (!kr_tuple_check(vm, a)) {
        kr_value tmp = a;
        a = b;
        b = tmp;
    }
    int r = kr_seq_repeat_count(vm, b, &n);
    if (r <= 0)
        return r < 0 ? KR_NULL : KR_NOTIMPL;
    int64_t size = kr_tuple_size(a);
    if (size == 0 || n == 1) {
        if (kr_tuple_check_exact(vm, a))
            return a;
    }
    if (size == 0 || n == 0)
        return vm->empty_tuple;
    if (n > INT64_MAX / 16 / size)
        return kr_raise_nomemory(vm);
    kr_value t = kr_tuple_new(vm, size * n);
    if (!t)
        return KR_NULL;
    kr_value *dst = kr_tuple_items(t);
    for (int64_t k = 0; k < n; k++)
        memcpy(dst + k * size, kr_tuple_items(a), (size_t)size * sizeof(kr_value));
    return t;
}

/* ---- methods ---- */

static kr_value tuple_m_count(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "count", kwnames) < 0)
        return KR_NULL;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "tuple.count() takes exactly one argument (%d given)", nargs - 1);
    kr_tuple *t = KR_AS(kr_tuple, args[0]);
    int64_t c = 0;
    for (int64_t i = 0; i < t->size; i++) {
        int k = kr_eq(vm, t->items[i], args[1]);
        if (k < 0)
            return KR_NULL;
        c += k;
    }
    return kr_int_from_i64(vm, c);
}

static kr_value tuple_m_index(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "index", kwnames) < 0)
        return KR_NULL;
    if (nargs < 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "index expected at least 1 argument, got %d", nargs - 1);
    if (nargs > 4)
        return kr_raise(vm, KR_EXC(vm, TypeError), "index expected at most 3 arguments, got %d", nargs - 1);
    kr_tuple *t = KR_AS(kr_tuple, args[0]);
    int64_t start = 0, stop = INT64_MAX;
    if (nargs > 2 && kr_seq_slice_arg(vm, args[2], &start) < 0)
        return KR_NULL;
    if (nargs > 3 && kr_seq_slice_arg(vm, args[3], &stop) < 0)
        return KR_NULL;
    kr_seq_adjust_range(t->size, &start, &stop);
    for (int64_t i = start; i < stop && i < t->size; i++) {
        int k = kr_eq(vm, t->items[i], args[1]);
        if (k < 0)
            return KR_NULL;
        if (k)
            return kr_int_from_i64(vm, i);
    }
    return kr_raise(vm, KR_EXC(vm, ValueError), "tuple.index(x): x not in tuple");
}

static kr_value tuple_m_getnewargs(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_value t = kr_tuple_from_array(vm, kr_tuple_items(args[0]), kr_tuple_size(args[0]));
    if (!t)
        return KR_NULL;
    return kr_tuple_pack(vm, 1, t);
}

static const kr_method_def tuple_methods[] = {
    {"count", tuple_m_count, KR_METH_DEFAULT, "Return number of occurrences of value."},
    {"index", tuple_m_index, KR_METH_DEFAULT, "Return first index of value."},
    {"__getnewargs__", tuple_m_getnewargs, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- iterator ---- */

static void tuple_iter_trace(kr_vm *vm, kr_object *o)
{
    kr_gc_mark(vm, ((kr_tuple_iter *)o)->seq);
}

static kr_value tuple_iter(kr_vm *vm, kr_value self)
{
    kr_tuple_iter *it = kr_gc_alloc(vm, vm->t.tuple_iter, sizeof *it);
    if (!it)
        return KR_NULL;
    it->seq = self;
    it->index = 0;
    return KR_VAL(it);
}

static kr_value tuple_iter_next(kr_vm *vm, kr_value self)
{
    (void)vm;
    kr_tuple_iter *it = KR_AS(kr_tuple_iter, self);
    if (!it->seq)
        return KR_NULL;
    if (it->index < kr_tuple_size(it->seq))
        return kr_tuple_items(it->seq)[it->index++];
    it->seq = KR_NULL;
    return KR_NULL;
}

static kr_value iter_self(kr_vm *vm, kr_value self)
{
    (void)vm;
    return self;
}

static kr_value tuple_iter_length_hint(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_tuple_iter *it = KR_AS(kr_tuple_iter, args[0]);
    int64_t n = it->seq ? kr_tuple_size(it->seq) - it->index : 0;
    return kr_int_from_i64(vm, n < 0 ? 0 : n);
}

static const kr_method_def tuple_iter_methods[] = {
    {"__length_hint__", tuple_iter_length_hint, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

void kr_tuple_init(kr_vm *vm)
{
    kr_type *t = kr_type_new_builtin(vm, "tuple", vm->t.object, sizeof(kr_tuple),
                                     KR_TF_BASETYPE | KR_TF_TUPLE_SUBCLASS);
    vm->t.tuple = t;
    t->methods = tuple_methods;
    t->trace = tuple_trace;
    t->new_ = tuple_new;
    t->repr = tuple_repr;
    t->hash = tuple_hash;
    t->richcompare = tuple_richcompare;
    t->iter = tuple_iter;
    t->len = tuple_len;
    t->getitem = tuple_getitem;
    t->contains = tuple_contains;
    t->bool_ = tuple_bool;
    t->binop[KR_OP_ADD] = tuple_add;
    t->binop[KR_OP_MUL] = tuple_mul;

    kr_type *it = kr_type_new_builtin(vm, "tuple_iterator", vm->t.object, sizeof(kr_tuple_iter), 0);
    vm->t.tuple_iter = it;
    it->methods = tuple_iter_methods;
    it->trace = tuple_iter_trace;
    it->iter = iter_self;
    it->next = tuple_iter_next;
}
