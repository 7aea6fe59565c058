/* iterobj.c: enumerate, zip, map, filter, reversed, seq_iter and callable_iter.
 *
 * Each iterator drops its references (sets fields to KR_NULL) once exhausted so that it keeps nothing
 * alive and stays exhausted. Values obtained from kr_next/kr_call are rooted while further Python code
 * runs (see INTERNALS.md, GC). */
#include "iterobj.h"

#include <string.h>

#include "init.h"
#include "list.h"
#include "tuple.h"

static kr_value iter_self(kr_vm *vm, kr_value self)
{
    (void)vm;
    return self;
}

static bool no_kwargs(kr_vm *vm, kr_type *cls, kr_type *base, kr_value kwnames, const char *name)
{
    if (kwnames && kr_tuple_size(kwnames) > 0 && cls == base) {
        kr_raise(vm, KR_EXC(vm, TypeError), "%s() takes no keyword arguments", name);
        return false;
    }
    return true;
}

static void *alloc_of(kr_vm *vm, kr_type *cls, size_t size)
{
    return kr_gc_alloc(vm, cls, cls->instance_size > size ? cls->instance_size : size);
}

/* ================= enumerate ================= */

typedef struct enum_obj {
    kr_object ob;
    kr_value it;    /* KR_NULL once exhausted */
    int64_t count;
} enum_obj;

static void enum_trace(kr_vm *vm, kr_object *o) { kr_gc_mark(vm, ((enum_obj *)o)->it); }

static kr_value enum_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"iterable", "start"};
    kr_value out[2];
    if (kr_args_parse(vm, "enumerate", args, nargs, kwnames, names, 2, 1, 0, out) < 0)
        return KR_NULL;
    int64_t start = 0;
    if (out[1]) {
        if (kr_is_small(out[1])) {
            start = kr_small_val(out[1]);
        } else {
            if (!kr_type_of(vm, out[1])->index)
                return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer",
                                kr_typename(vm, out[1]));
            kr_value iv = kr_index(vm, out[1]);
            if (!iv || kr_int_to_i64(vm, iv, &start) < 0)
                return KR_NULL; /* big start values are not supported (OverflowError) */
        }
    }
    kr_value it = kr_iter(vm, out[0]);
    if (!it)
        return KR_NULL;
    enum_obj *e = alloc_of(vm, cls, sizeof *e);
    if (!e)
        return KR_NULL;
    e->it = it;
    e->count = start;
    return KR_VAL(e);
}

/* next(it), with the list and tuple iterators (the common arguments of zip and enumerate) stepped
 * inline rather than through kr_next's dispatch. */
static inline kr_value iter_step(kr_vm *vm, kr_value it)
{
    kr_type *t = kr_type_of(vm, it);
    if (t == vm->t.list_iter) {
        kr_list_iter *li = KR_AS(kr_list_iter, it);
        if (li->seq && li->index < kr_list_size(li->seq))
            return kr_list_items(li->seq)[li->index++];
        li->seq = KR_NULL;
        return KR_NULL;
    }
    if (t == vm->t.tuple_iter) {
        kr_tuple_iter *ti = KR_AS(kr_tuple_iter, it);
        if (ti->seq && ti->index < kr_tuple_size(ti->seq))
            return kr_tuple_items(ti->seq)[ti->index++];
        ti->seq = KR_NULL;
        return KR_NULL;
    }
    return kr_next(vm, it);
}

int kr_enumerate_next_into(kr_vm *vm, kr_value self, kr_value *out)
{
    enum_obj *e = KR_AS(enum_obj, self);
    if (!e->it)
        return 0;
    kr_value item = iter_step(vm, e->it);
    if (!item) {
        if (kr_err_occurred(vm))
            return -1;
        e->it = KR_NULL;
        return 0;
    }
    if (e->count == INT64_MAX)
        return kr_raise_i(vm, KR_EXC(vm, OverflowError), "enumerate() count beyond int64 is not supported");
    out[1] = item; /* rooted there while a big index is allocated */
    kr_value idx = kr_fits_small(e->count) ? kr_small(e->count) : kr_int_from_i64(vm, e->count);
    if (!idx)
        return -1;
    out[0] = idx;
    e->count++;
    return 1;
}

static kr_value enum_next(kr_vm *vm, kr_value self)
{
    enum_obj *e = KR_AS(enum_obj, self);
    if (!e->it)
        return KR_NULL;
    kr_value item = iter_step(vm, e->it);
    if (!item) {
        if (!kr_err_occurred(vm))
            e->it = KR_NULL;
        return KR_NULL;
    }
    if (e->count == INT64_MAX)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "enumerate() count beyond int64 is not supported");
    kr_value idx = kr_fits_small(e->count) ? kr_small(e->count) : kr_int_from_i64(vm, e->count);
    if (!idx)
        return KR_NULL;
    e->count++;
    return kr_tuple_pack(vm, 2, idx, item);
}

/* ================= zip ================= */

typedef struct zip_obj {
    kr_object ob;
    kr_value iters; /* tuple of iterators; KR_NULL once exhausted */
    bool strict;
} zip_obj;

static void zip_trace(kr_vm *vm, kr_object *o) { kr_gc_mark(vm, ((zip_obj *)o)->iters); }

static kr_value zip_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    bool strict = false;
    if (kwnames) {
        int64_t nk = kr_tuple_size(kwnames);
        for (int64_t i = 0; i < nk; i++) {
            kr_value name = kr_tuple_items(kwnames)[i];
            if (strcmp(kr_str_data(name), "strict") != 0)
                return kr_raise(vm, KR_EXC(vm, TypeError), "zip() got an unexpected keyword argument '%s'",
                                kr_str_data(name));
            int t = kr_truthy(vm, args[nargs + i]);
            if (t < 0)
                return KR_NULL;
            strict = t;
        }
    }
    kr_value iters = kr_tuple_new(vm, nargs);
    if (!iters)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &iters);
    for (int i = 0; i < nargs; i++) {
        kr_value it = kr_iter(vm, args[i]);
        if (!it) {
            kr_root_reset(vm, m);
            return KR_NULL;
        }
        kr_tuple_items(iters)[i] = it;
        kr_gc_barrier(vm, KR_OBJ(iters), it); /* __iter__ may have run Python code */
    }
    zip_obj *z = alloc_of(vm, cls, sizeof *z);
    kr_root_reset(vm, m);
    if (!z)
        return KR_NULL;
    z->iters = iters;
    z->strict = strict;
    return KR_VAL(z);
}

static kr_value zip_strict_error(kr_vm *vm, int64_t i, bool shorter)
{
    if (i == 1)
        return kr_raise(vm, KR_EXC(vm, ValueError), "zip() argument 2 is %s than argument 1",
                        shorter ? "shorter" : "longer");
    return kr_raise(vm, KR_EXC(vm, ValueError), "zip() argument %lld is %s than arguments 1-%lld",
                    (long long)(i + 1), shorter ? "shorter" : "longer", (long long)i);
}

/* Iterator i of z gave no item (ran out, or raised: pending): zip's end, with strict's check of
 * the others. Always KR_NULL, with an exception pending or not. */
static kr_value zip_end(kr_vm *vm, zip_obj *z, int64_t i)
{
    if (kr_err_occurred(vm))
        return KR_NULL;
    kr_value iters = z->iters;
    z->iters = KR_NULL;
    if (!z->strict || !iters)
        return KR_NULL;
    if (i > 0)
        return zip_strict_error(vm, i, true);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &iters);
    for (int64_t j = 1; j < kr_tuple_size(iters); j++) {
        kr_value x = kr_next(vm, kr_tuple_items(iters)[j]);
        if (x || kr_err_occurred(vm)) {
            kr_root_reset(vm, m);
            return x ? zip_strict_error(vm, j, false) : KR_NULL;
        }
    }
    kr_root_reset(vm, m);
    return KR_NULL;
}

static kr_value zip_next(kr_vm *vm, kr_value self)
{
    zip_obj *z = KR_AS(zip_obj, self);
    if (!z->iters)
        return KR_NULL;
    int64_t n = kr_tuple_size(z->iters);
    if (n == 0)
        return KR_NULL;
    kr_value result = kr_tuple_new(vm, n);
    if (!result)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &result);
    for (int64_t i = 0; i < n; i++) {
        /* z->iters is re-read: a __next__ that calls next(z) may have ended z */
        kr_value item = z->iters ? iter_step(vm, kr_tuple_items(z->iters)[i]) : KR_NULL;
        if (item) {
            kr_tuple_items(result)[i] = item;
            kr_gc_barrier(vm, KR_OBJ(result), item); /* __next__ may have run Python code */
            continue;
        }
        kr_root_reset(vm, m);
        return zip_end(vm, z, i);
    }
    kr_root_reset(vm, m);
    return result;
}

size_t kr_zip_iters_offset(void) { return offsetof(zip_obj, iters); }

int64_t kr_zip_arity(kr_value self)
{
    kr_value iters = KR_AS(zip_obj, self)->iters;
    return iters ? kr_tuple_size(iters) : -1;
}

int kr_zip_next_into(kr_vm *vm, kr_value self, kr_value *out)
{
    zip_obj *z = KR_AS(zip_obj, self);
    int64_t n = z->iters ? kr_tuple_size(z->iters) : 0;
    if (n == 0)
        return 0;
    for (int64_t i = 0; i < n; i++) {
        kr_value item = z->iters ? iter_step(vm, kr_tuple_items(z->iters)[i]) : KR_NULL;
        if (!item) {
            zip_end(vm, z, i);
            return kr_err_occurred(vm) ? -1 : 0;
        }
        out[i] = item; /* rooted there while the next iterator runs */
    }
    return 1;
}

/* ================= map ================= */

typedef struct map_obj {
    kr_object ob;
    kr_value func;
    kr_value iters; /* tuple; KR_NULL once exhausted */
} map_obj;

static void map_trace(kr_vm *vm, kr_object *o)
{
    kr_gc_mark(vm, ((map_obj *)o)->func);
    kr_gc_mark(vm, ((map_obj *)o)->iters);
}

static kr_value map_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    if (!no_kwargs(vm, cls, vm->t.map, kwnames, "map"))
        return KR_NULL;
    if (nargs < 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "map() must have at least two arguments.");
    kr_value iters = kr_tuple_new(vm, nargs - 1);
    if (!iters)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &iters);
    for (int i = 1; i < nargs; i++) {
        kr_value it = kr_iter(vm, args[i]);
        if (!it) {
            kr_root_reset(vm, m);
            return KR_NULL;
        }
        kr_tuple_items(iters)[i - 1] = it;
        kr_gc_barrier(vm, KR_OBJ(iters), it); /* __iter__ may have run Python code */
    }
    map_obj *mo = alloc_of(vm, cls, sizeof *mo);
    kr_root_reset(vm, m);
    if (!mo)
        return KR_NULL;
    mo->func = args[0];
    mo->iters = iters;
    return KR_VAL(mo);
}

static kr_value map_next(kr_vm *vm, kr_value self)
{
    map_obj *mo = KR_AS(map_obj, self);
    if (!mo->iters)
        return KR_NULL;
    int64_t n = kr_tuple_size(mo->iters);
    if (n == 1) {
        kr_value item = kr_next(vm, kr_tuple_items(mo->iters)[0]);
        if (!item) {
            if (!kr_err_occurred(vm))
                mo->iters = KR_NULL;
            return KR_NULL;
        }
        return kr_call(vm, mo->func, &item, 1, KR_NULL);
    }
    /* The arguments live in a fresh tuple (rooted) while the other iterators run. */
    kr_value argv = kr_tuple_new(vm, n);
    if (!argv)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &argv);
    kr_value r = KR_NULL;
    for (int64_t i = 0; i < n; i++) {
        kr_value item = kr_next(vm, kr_tuple_items(mo->iters)[i]);
        if (!item) {
            if (!kr_err_occurred(vm))
                mo->iters = KR_NULL;
            kr_root_reset(vm, m);
            return KR_NULL;
        }
        kr_tuple_items(argv)[i] = item;
        kr_gc_barrier(vm, KR_OBJ(argv), item); /* __next__ may have run Python code */
    }
    r = kr_call(vm, mo->func, kr_tuple_items(argv), (int)n, KR_NULL);
    kr_root_reset(vm, m);
    return r;
}

/* ================= filter ================= */

typedef struct filter_obj {
    kr_object ob;
    kr_value func; /* None: truthiness */
    kr_value it;   /* KR_NULL once exhausted */
} filter_obj;

static void filter_trace(kr_vm *vm, kr_object *o)
{
    kr_gc_mark(vm, ((filter_obj *)o)->func);
    kr_gc_mark(vm, ((filter_obj *)o)->it);
}

static kr_value filter_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    if (!no_kwargs(vm, cls, vm->t.filter, kwnames, "filter"))
        return KR_NULL;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "filter expected 2 arguments, got %d", nargs);
    kr_value it = kr_iter(vm, args[1]);
    if (!it)
        return KR_NULL;
    filter_obj *f = alloc_of(vm, cls, sizeof *f);
    if (!f)
        return KR_NULL;
    f->func = args[0];
    f->it = it;
    return KR_VAL(f);
}

static kr_value filter_next(kr_vm *vm, kr_value self)
{
    filter_obj *f = KR_AS(filter_obj, self);
    kr_value item = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &item);
    for (;;) {
        if (!f->it)
            break;
        item = kr_next(vm, f->it);
        if (!item) {
            if (!kr_err_occurred(vm))
                f->it = KR_NULL;
            break;
        }
        int ok;
        if (f->func == KR_NONE || f->func == KR_VAL(vm->t.bool_)) {
            ok = kr_truthy(vm, item);
        } else {
            kr_value r = kr_call1(vm, f->func, item);
            ok = r ? kr_truthy(vm, r) : -1;
        }
        if (ok < 0) {
            item = KR_NULL;
            break;
        }
        if (ok)
            break;
    }
    kr_root_reset(vm, m);
    return item;
}

/* ================= reversed, seq_iter ================= */

typedef struct seqiter_obj {
    kr_object ob;
    kr_value seq;  /* KR_NULL once exhausted */
    int64_t index; /* reversed: next index to produce (counts down); seq_iter: counts up */
} seqiter_obj;

static void seqiter_trace(kr_vm *vm, kr_object *o) { kr_gc_mark(vm, ((seqiter_obj *)o)->seq); }

static kr_value reversed_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    if (!no_kwargs(vm, cls, vm->t.reversed, kwnames, "reversed"))
        return KR_NULL;
    if (nargs != 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "reversed expected 1 argument, got %d", nargs);
    kr_value seq = args[0];
    kr_type *t = kr_type_of(vm, seq);
    kr_value meth = kr_type_lookup(vm, t, KR_NAME(vm, __reversed__));
    if (meth == KR_NONE)
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object is not reversible", t->name_c);
    if (meth)
        return kr_call_method(vm, seq, "__reversed__", NULL, 0);
    if (!t->getitem || !t->len || (t->flags & KR_TF_DICT_SUBCLASS))
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object is not reversible", t->name_c);
    int64_t n = kr_len(vm, seq);
    if (n < 0)
        return KR_NULL;
    seqiter_obj *r = alloc_of(vm, cls, sizeof *r);
    if (!r)
        return KR_NULL;
    r->seq = seq;
    r->index = n - 1;
    return KR_VAL(r);
}

/* seq[i]; KR_NULL without exception when IndexError/StopIteration says the sequence ended. */
static kr_value seq_item(kr_vm *vm, kr_value seq, int64_t i)
{
    kr_value iv = kr_fits_small(i) ? kr_small(i) : kr_int_from_i64(vm, i);
    if (!iv)
        return KR_NULL;
    kr_value v = kr_getitem(vm, seq, iv);
    if (!v && (kr_err_matches(vm, KR_EXC(vm, IndexError)) || kr_err_matches(vm, KR_EXC(vm, StopIteration))))
        kr_err_clear(vm);
    return v;
}

static kr_value reversed_next(kr_vm *vm, kr_value self)
{
    seqiter_obj *r = KR_AS(seqiter_obj, self);
    if (!r->seq)
        return KR_NULL;
    if (r->index >= 0) {
        kr_value v = seq_item(vm, r->seq, r->index);
        if (v) {
            r->index--;
            return v;
        }
        if (kr_err_occurred(vm))
            return KR_NULL;
    }
    r->index = -1;
    r->seq = KR_NULL;
    return KR_NULL;
}

static kr_value reversed_length_hint(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    seqiter_obj *r = KR_AS(seqiter_obj, args[0]);
    return kr_int_from_i64(vm, r->seq ? r->index + 1 : 0);
}

static const kr_method_def reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

kr_value kr_seqiter_new(kr_vm *vm, kr_value seq)
{
    seqiter_obj *s = kr_gc_alloc(vm, vm->t.seq_iter, sizeof *s);
    if (!s)
        return KR_NULL;
    s->seq = seq;
    s->index = 0;
    return KR_VAL(s);
}

static kr_value seqiter_next(kr_vm *vm, kr_value self)
{
    seqiter_obj *s = KR_AS(seqiter_obj, self);
    if (!s->seq)
        return KR_NULL;
    kr_value v = seq_item(vm, s->seq, s->index);
    if (v) {
        s->index++;
        return v;
    }
    if (!kr_err_occurred(vm))
        s->seq = KR_NULL;
    return KR_NULL;
}

/* ================= callable_iter ================= */

typedef struct calliter_obj {
    kr_object ob;
    kr_value callable; /* KR_NULL once exhausted */
    kr_value sentinel;
} calliter_obj;

static void calliter_trace(kr_vm *vm, kr_object *o)
{
    kr_gc_mark(vm, ((calliter_obj *)o)->callable);
    kr_gc_mark(vm, ((calliter_obj *)o)->sentinel);
}

kr_value kr_callable_iter_new(kr_vm *vm, kr_value callable, kr_value sentinel)
{
    calliter_obj *c = kr_gc_alloc(vm, vm->t.callable_iter, sizeof *c);
    if (!c)
        return KR_NULL;
    c->callable = callable;
    c->sentinel = sentinel;
    return KR_VAL(c);
}

static kr_value calliter_next(kr_vm *vm, kr_value self)
{
    calliter_obj *c = KR_AS(calliter_obj, self);
    if (!c->callable)
        return KR_NULL;
    kr_value v = kr_call0(vm, c->callable);
    if (!v) {
        if (kr_err_matches(vm, KR_EXC(vm, StopIteration))) {
            kr_err_clear(vm);
            c->callable = KR_NULL;
        }
        return KR_NULL;
    }
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &v);
    int eq = kr_eq(vm, v, c->sentinel);
    kr_root_reset(vm, m);
    if (eq < 0)
        return KR_NULL;
    if (eq) {
        c->callable = KR_NULL;
        return KR_NULL;
    }
    return v;
}

static kr_type *iter_type(kr_vm *vm, const char *name, size_t size, uint32_t flags, kr_trace_fn trace,
                          kr_value (*next)(kr_vm *, kr_value))
{
    kr_type *t = kr_type_new_builtin(vm, name, vm->t.object, size, flags);
    t->trace = trace;
    t->iter = iter_self;
    t->next = next;
    return t;
}

void kr_iterobj_init(kr_vm *vm)
{
    vm->t.enumerate = iter_type(vm, "enumerate", sizeof(enum_obj), KR_TF_BASETYPE, enum_trace, enum_next);
    vm->t.enumerate->new_ = enum_new;
    vm->t.zip = iter_type(vm, "zip", sizeof(zip_obj), KR_TF_BASETYPE, zip_trace, zip_next);
    vm->t.zip->new_ = zip_new;
    vm->t.map = iter_type(vm, "map", sizeof(map_obj), KR_TF_BASETYPE, map_trace, map_next);
    vm->t.map->new_ = map_new;
    vm->t.filter = iter_type(vm, "filter", sizeof(filter_obj), KR_TF_BASETYPE, filter_trace, filter_next);
    vm->t.filter->new_ = filter_new;
    vm->t.reversed = iter_type(vm, "reversed", sizeof(seqiter_obj), KR_TF_BASETYPE, seqiter_trace, reversed_next);
    vm->t.reversed->new_ = reversed_new;
    vm->t.reversed->methods = reversed_methods;
    vm->t.seq_iter = iter_type(vm, "iterator", sizeof(seqiter_obj), 0, seqiter_trace, seqiter_next);
    vm->t.callable_iter = iter_type(vm, "callable_iterator", sizeof(calliter_obj), 0, calliter_trace, calliter_next);
}
