/* excgroup.c: BaseExceptionGroup / ExceptionGroup (PEP 654) and the except* runtime (see excgroup.h).
 *
 * Splitting walks the tree of a group: a node the condition matches is taken whole; a leaf that does
 * not match goes to the rest; a group that does not match is split child by child, and each non-empty
 * side becomes a new group made by the original's derive() that carries the original's traceback,
 * cause, context and a copy of its notes. Code here may call Python (derive, predicates, constructors
 * of subclasses), so every value held across a call is rooted.
 */
#include "excgroup.h"

#include <string.h>

#include "exc.h"
#include "interp_ops.h"
#include "tuple.h"

#define EG(v) KR_AS(kr_excgroup, v)

extern const kr_method_def kr_class_getitem_def; /* vm/descr.c */

bool kr_excgroup_check(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && kr_type_is_subtype(KR_OBJ(v)->type, KR_EXC(vm, BaseExceptionGroup));
}

static bool is_exc_class(kr_value v)
{
    return kr_is_ptr(v) && (KR_OBJ(v)->type->flags & KR_TF_TYPE_SUBCLASS) &&
           (((kr_type *)KR_OBJ(v))->flags & KR_TF_EXCEPTION);
}

/* ---- construction --------------------------------------------------------------------------------- */

static void eg_trace(kr_vm *vm, kr_object *o)
{
    KR_EXC(vm, BaseException)->trace(vm, o);
    kr_excgroup *g = (kr_excgroup *)o;
    kr_gc_mark(vm, g->message);
    kr_gc_mark(vm, g->excs);
}

/* CPython's PySequence_Check: a list, a tuple, or an object whose type has __getitem__ and is not a
 * dict. */
static bool is_sequence(kr_vm *vm, kr_value v)
{
    kr_type *t = kr_type_of(vm, v);
    if (kr_type_is_subtype(t, vm->t.list) || kr_type_is_subtype(t, vm->t.tuple))
        return true;
    if (kr_type_is_subtype(t, vm->t.dict))
        return false;
    return kr_type_lookup(vm, t, KR_NAME(vm, __getitem__)) != KR_NULL;
}

static kr_value eg_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    if (kwnames && kr_tuple_size(kwnames))
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s() takes no keyword arguments", cls->name_c);
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)",
                        nargs);
    if (!kr_is_str(vm, args[0]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                        kr_typename(vm, args[0]));
    if (!is_sequence(vm, args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "second argument (exceptions) must be a sequence");
    size_t m = kr_root_mark(vm);
    kr_value excs = kr_sequence_tuple(vm, args[1]), self = KR_NULL;
    kr_root_push(vm, &excs);
    kr_root_push(vm, &self);
    if (!excs)
        goto fail;
    int64_t n = kr_tuple_size(excs);
    if (n == 0) {
        kr_raise(vm, KR_EXC(vm, ValueError), "second argument (exceptions) must be a non-empty sequence");
        goto fail;
    }
    bool nests_base = false;
    for (int64_t i = 0; i < n; i++) {
        kr_value e = kr_tuple_items(excs)[i];
        if (!kr_exc_is_instance(vm, e)) {
            kr_raise(vm, KR_EXC(vm, ValueError), "Item %lld of second argument (exceptions) is not an exception",
                     (long long)i);
            goto fail;
        }
        if (!kr_type_is_subtype(KR_OBJ(e)->type, KR_EXC(vm, Exception)))
            nests_base = true;
    }
    /* BaseExceptionGroup(...) of Exceptions only is an ExceptionGroup; a group class that is an
     * Exception cannot hold BaseExceptions */
    if (cls == KR_EXC(vm, BaseExceptionGroup)) {
        if (!nests_base)
            cls = KR_EXC(vm, ExceptionGroup);
    } else if (nests_base && kr_type_is_subtype(cls, KR_EXC(vm, Exception))) {
        if (cls == KR_EXC(vm, ExceptionGroup))
            kr_raise(vm, KR_EXC(vm, TypeError), "Cannot nest BaseExceptions in an ExceptionGroup");
        else
            kr_raise(vm, KR_EXC(vm, TypeError), "Cannot nest BaseExceptions in '%s'", cls->name_c);
        goto fail;
    }
    self = KR_EXC(vm, BaseException)->new_(vm, cls, args, nargs, KR_NULL);
    if (!self)
        goto fail;
    kr_excgroup *g = EG(self);
    g->message = args[0];
    g->excs = excs;
    kr_gc_barrier(vm, KR_OBJ(self), args[0]);
    kr_gc_barrier(vm, KR_OBJ(self), excs);
    kr_root_reset(vm, m);
    return self;
fail:
    kr_root_reset(vm, m);
    return KR_NULL;
}

static int eg_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    if (kwnames && kr_tuple_size(kwnames))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() takes no keyword arguments", kr_typename(vm, self));
    return KR_EXC(vm, BaseException)->init(vm, self, args, nargs, KR_NULL);
}

/* A group made by BaseException.__new__ of a subclass that skipped ours has no fields yet. */
static bool eg_ready(kr_vm *vm, kr_value self)
{
    if (EG(self)->excs)
        return true;
    kr_raise(vm, KR_EXC(vm, TypeError), "exception group is not initialised");
    return false;
}

static kr_value eg_str(kr_vm *vm, kr_value self)
{
    if (!eg_ready(vm, self))
        return KR_NULL;
    int64_t n = kr_tuple_size(EG(self)->excs);
    return kr_str_fmt(vm, "%s (%lld sub-exception%s)", kr_str_data(EG(self)->message), (long long)n,
                      n == 1 ? "" : "s");
}

static kr_value eg_get_message(kr_vm *vm, kr_value self)
{
    return eg_ready(vm, self) ? EG(self)->message : KR_NULL;
}
static kr_value eg_get_exceptions(kr_vm *vm, kr_value self)
{
    return eg_ready(vm, self) ? EG(self)->excs : KR_NULL;
}
static int eg_set_readonly(kr_vm *vm, kr_value self, kr_value v)
{
    (void)self;
    (void)v;
    return kr_raise_i(vm, KR_EXC(vm, AttributeError), "readonly attribute");
}

static kr_value eg_derive(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if ((kwnames && kr_tuple_size(kwnames)) || nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "derive() takes exactly one argument (%d given)", nargs - 1);
    if (!eg_ready(vm, args[0]))
        return KR_NULL;
    kr_value a[2] = {EG(args[0])->message, args[1]};
    return kr_call(vm, KR_VAL(KR_EXC(vm, BaseExceptionGroup)), a, 2, KR_NULL);
}

/* ---- splitting ------------------------------------------------------------------------------------ */

typedef enum { BY_TYPE, BY_PREDICATE, BY_LEAVES } match_kind;

typedef struct matcher {
    match_kind kind;
    kr_value value;   /* BY_TYPE: class or tuple of classes; BY_PREDICATE: the callable */
    kr_value *leaves; /* BY_LEAVES: the leaf exceptions to keep (rooted by their owner list) */
    int64_t nleaves;
} matcher;

static int matcher_from(kr_vm *vm, kr_value cond, matcher *out)
{
    out->value = cond;
    if (is_exc_class(cond)) {
        out->kind = BY_TYPE;
        return 0;
    }
    if (kr_tuple_check_exact(vm, cond)) {
        int64_t n = kr_tuple_size(cond);
        int64_t i = 0;
        while (i < n && is_exc_class(kr_tuple_items(cond)[i]))
            i++;
        if (i == n) {
            out->kind = BY_TYPE;
            return 0;
        }
    } else if (kr_type_of(vm, cond)->call && !(kr_is_ptr(cond) && (KR_OBJ(cond)->type->flags & KR_TF_TYPE_SUBCLASS))) {
        out->kind = BY_PREDICATE;
        return 0;
    }
    return kr_raise_i(vm, KR_EXC(vm, TypeError),
                      "expected an exception type, a tuple of exception types, or a callable (other than a class)");
}

static int matches(kr_vm *vm, const matcher *mt, kr_value exc)
{
    switch (mt->kind) {
    case BY_TYPE:
        return kr_interp_op_check_exc_match(vm, exc, mt->value);
    case BY_PREDICATE: {
        kr_value r = kr_call1(vm, mt->value, exc);
        return r ? kr_truthy(vm, r) : -1;
    }
    case BY_LEAVES:
        for (int64_t i = 0; i < mt->nleaves; i++)
            if (mt->leaves[i] == exc)
                return 1;
        return 0;
    }
    return 0;
}

/* orig.derive(parts) with orig's traceback, cause, context and a copy of its notes; parts non-empty. */
static kr_value derive_part(kr_vm *vm, kr_value orig, kr_value parts)
{
    size_t m = kr_root_mark(vm);
    kr_value g = kr_call_method(vm, orig, "derive", &parts, 1), notes = KR_NULL;
    kr_root_push(vm, &g);
    kr_root_push(vm, &notes);
    if (!g)
        goto fail;
    if (!kr_excgroup_check(vm, g)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "derive must return an instance of BaseExceptionGroup");
        goto fail;
    }
    kr_exception *o = KR_AS(kr_exception, orig), *e = KR_AS(kr_exception, g);
    e->traceback = o->traceback;
    e->cause = o->cause;
    e->context = o->context;
    kr_gc_barrier(vm, KR_OBJ(g), o->traceback);
    kr_gc_barrier(vm, KR_OBJ(g), o->cause);
    kr_gc_barrier(vm, KR_OBJ(g), o->context);
    notes = kr_getattr_opt(vm, orig, kr_intern(vm, "__notes__"));
    if (!notes && kr_err_occurred(vm))
        goto fail;
    /* each part gets its own list; notes that are not a sequence are ignored here (split() is no
     * place to report them) */
    if (notes && is_sequence(vm, notes)) {
        notes = kr_sequence_list(vm, notes);
        if (!notes || kr_setattr(vm, g, kr_intern(vm, "__notes__"), notes) < 0)
            goto fail;
    }
    kr_root_reset(vm, m);
    return g;
fail:
    kr_root_reset(vm, m);
    return KR_NULL;
}

/* Split exc by mt: *match and (when want_rest) *rest get the parts or KR_NULL. -1 on error. */
static int split(kr_vm *vm, kr_value exc, const matcher *mt, bool want_rest, kr_value *match, kr_value *rest)
{
    *match = KR_NULL;
    if (rest)
        *rest = KR_NULL;
    int r = matches(vm, mt, exc);
    if (r < 0)
        return -1;
    if (r) {
        *match = exc;
        return 0;
    }
    if (!kr_excgroup_check(vm, exc)) {
        if (want_rest)
            *rest = exc;
        return 0;
    }
    if (!eg_ready(vm, exc))
        return -1;
    size_t m = kr_root_mark(vm);
    kr_value mlist = kr_list_new(vm, 0), rlist = KR_NULL, cm = KR_NULL, cr = KR_NULL;
    kr_root_push(vm, &exc);
    kr_root_push(vm, &mlist);
    kr_root_push(vm, &rlist);
    kr_root_push(vm, &cm);
    kr_root_push(vm, &cr);
    if (!mlist || (want_rest && !(rlist = kr_list_new(vm, 0))))
        goto fail;
    kr_value excs = EG(exc)->excs; /* a tuple: its items cannot change under us */
    for (int64_t i = 0; i < kr_tuple_size(excs); i++) {
        if (split(vm, kr_tuple_items(excs)[i], mt, want_rest, &cm, want_rest ? &cr : NULL) < 0)
            goto fail;
        if (cm && kr_list_append(vm, mlist, cm) < 0)
            goto fail;
        if (want_rest && cr && kr_list_append(vm, rlist, cr) < 0)
            goto fail;
    }
    kr_value mg = KR_NULL;
    if (KR_AS(kr_list, mlist)->size && !(mg = derive_part(vm, exc, mlist)))
        goto fail;
    cm = mg; /* rooted while the rest is derived */
    if (want_rest && KR_AS(kr_list, rlist)->size && !(cr = derive_part(vm, exc, rlist)))
        goto fail;
    *match = cm;
    if (want_rest)
        *rest = KR_AS(kr_list, rlist)->size ? cr : KR_NULL;
    kr_root_reset(vm, m);
    return 0;
fail:
    kr_root_reset(vm, m);
    return -1;
}

static kr_value or_none(kr_value v) { return v ? v : KR_NONE; }

static kr_value eg_split(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if ((kwnames && kr_tuple_size(kwnames)) || nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "split() takes exactly one argument (%d given)", nargs - 1);
    matcher mt;
    if (matcher_from(vm, args[1], &mt) < 0)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_value match = KR_NULL, rest = KR_NULL;
    kr_root_push(vm, &match);
    kr_root_push(vm, &rest);
    kr_value r = KR_NULL;
    if (split(vm, args[0], &mt, true, &match, &rest) == 0)
        r = kr_tuple_pack(vm, 2, or_none(match), or_none(rest));
    kr_root_reset(vm, m);
    return r;
}

static kr_value eg_subgroup(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if ((kwnames && kr_tuple_size(kwnames)) || nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "subgroup() takes exactly one argument (%d given)", nargs - 1);
    matcher mt;
    if (matcher_from(vm, args[1], &mt) < 0)
        return KR_NULL;
    kr_value match;
    if (split(vm, args[0], &mt, false, &match, NULL) < 0)
        return KR_NULL;
    return or_none(match);
}

/* ---- except* ------------------------------------------------------------------------------------- */

int kr_excgroup_match(kr_vm *vm, kr_value exc, kr_value type, kr_value *match, kr_value *rest)
{
    /* the clause's type first, whether or not anything is left to match (as CPython) */
    int64_t n = kr_tuple_check_exact(vm, type) ? kr_tuple_size(type) : 1;
    for (int64_t i = 0; i < n; i++) {
        kr_value t = kr_tuple_check_exact(vm, type) ? kr_tuple_items(type)[i] : type;
        if (!is_exc_class(t))
            return kr_raise_i(vm, KR_EXC(vm, TypeError),
                              "catching classes that do not inherit from BaseException is not allowed");
        if (kr_type_is_subtype(KR_AS(kr_type, t), KR_EXC(vm, BaseExceptionGroup)))
            return kr_raise_i(vm, KR_EXC(vm, TypeError),
                              "catching ExceptionGroup with except* is not allowed. Use except instead.");
    }
    *match = *rest = KR_NONE;
    if (exc == KR_NONE)
        return 0;
    if (!kr_excgroup_check(vm, exc)) {
        int r = kr_interp_op_check_exc_match(vm, exc, type);
        if (r < 0)
            return -1;
        if (!r) {
            *rest = exc;
            return 0;
        }
        /* a naked exception is handled as a group of one (with no traceback of its own) */
        kr_value parts = kr_tuple_pack(vm, 1, exc);
        if (!parts)
            return -1;
        kr_value a[2] = {vm->empty_str, parts};
        kr_value g = kr_call(vm, KR_VAL(KR_EXC(vm, BaseExceptionGroup)), a, 2, KR_NULL);
        if (!g)
            return -1;
        *match = g;
        return 0;
    }
    /* a group: its split() method, which a subclass may override */
    kr_value pair = kr_call_method(vm, exc, "split", &type, 1);
    if (!pair)
        return -1;
    if (!kr_tuple_check(vm, pair) || kr_tuple_size(pair) != 2)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s.split must return a 2-tuple, got %s",
                          kr_typename(vm, exc), kr_typename(vm, pair));
    *match = kr_tuple_items(pair)[0];
    *rest = kr_tuple_items(pair)[1];
    return 0;
}

/* Was e made from orig by splitting (or is it orig re-raised by a bare raise)? Splitting copies the
 * traceback, cause and context; a `raise e` adds a traceback entry, so that counts as a new raise. */
static bool same_metadata(kr_value e, kr_value orig)
{
    kr_exception *a = KR_AS(kr_exception, e), *b = KR_AS(kr_exception, orig);
    return a->traceback == b->traceback && a->cause == b->cause && a->context == b->context;
}

static int collect_leaves(kr_vm *vm, kr_value exc, kr_value out)
{
    if (!kr_excgroup_check(vm, exc))
        return kr_list_append(vm, out, exc);
    if (!eg_ready(vm, exc))
        return -1;
    kr_value excs = EG(exc)->excs;
    for (int64_t i = 0; i < kr_tuple_size(excs); i++)
        if (collect_leaves(vm, kr_tuple_items(excs)[i], out) < 0)
            return -1;
    return 0;
}

kr_value kr_excgroup_prep_reraise(kr_vm *vm, kr_value orig, kr_value raised)
{
    int64_t n = KR_AS(kr_list, raised)->size;
    if (!kr_excgroup_check(vm, orig)) {
        /* a naked exception: at most one clause ran, so at most one exception is left */
        for (int64_t i = 0; i < n; i++)
            if (KR_AS(kr_list, raised)->items[i] != KR_NONE)
                return KR_AS(kr_list, raised)->items[i];
        return KR_NONE;
    }
    size_t m = kr_root_mark(vm);
    kr_value fresh = kr_list_new(vm, 0), leaves = kr_list_new(vm, 0), kept = KR_NULL, result = KR_NULL;
    kr_root_push(vm, &orig);
    kr_root_push(vm, &raised);
    kr_root_push(vm, &fresh);
    kr_root_push(vm, &leaves);
    kr_root_push(vm, &kept);
    kr_root_push(vm, &result);
    if (!fresh || !leaves)
        goto done;
    for (int64_t i = 0; i < KR_AS(kr_list, raised)->size; i++) {
        kr_value e = KR_AS(kr_list, raised)->items[i];
        if (e == KR_NONE)
            continue;
        if (!kr_exc_is_instance(vm, e)) {
            kr_raise(vm, KR_EXC(vm, TypeError), "exceptions must derive from BaseException");
            goto done;
        }
        if (same_metadata(e, orig) ? collect_leaves(vm, e, leaves) < 0 : kr_list_append(vm, fresh, e) < 0)
            goto done;
    }
    if (KR_AS(kr_list, leaves)->size) {
        /* the re-raised leaves, in orig's shape */
        matcher mt = {BY_LEAVES, KR_NULL, KR_AS(kr_list, leaves)->items, KR_AS(kr_list, leaves)->size};
        if (split(vm, orig, &mt, false, &kept, NULL) < 0)
            goto done;
        if (kept && kr_list_append(vm, fresh, kept) < 0)
            goto done;
    }
    int64_t nf = KR_AS(kr_list, fresh)->size;
    if (nf == 0) {
        result = KR_NONE;
    } else if (nf == 1) {
        result = KR_AS(kr_list, fresh)->items[0];
    } else {
        kr_value a[2] = {vm->empty_str, fresh};
        result = kr_call(vm, KR_VAL(KR_EXC(vm, BaseExceptionGroup)), a, 2, KR_NULL);
    }
done:
    kr_root_reset(vm, m);
    return result;
}

/* ---- types ---------------------------------------------------------------------------------------- */

static const kr_method_def eg_methods[] = {
    {"derive", eg_derive, KR_METH_DEFAULT, NULL},
    {"split", eg_split, KR_METH_DEFAULT, NULL},
    {"subgroup", eg_subgroup, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};
static const kr_getset_def eg_getsets[] = {
    {"message", eg_get_message, eg_set_readonly, NULL},
    {"exceptions", eg_get_exceptions, eg_set_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

void kr_excgroup_init(kr_vm *vm)
{
    kr_type *b = KR_EXC(vm, BaseExceptionGroup), *e = KR_EXC(vm, ExceptionGroup);
    b->instance_size = e->instance_size = sizeof(kr_excgroup);
    b->trace = eg_trace;
    b->new_ = eg_new;
    b->init = eg_init;
    b->str = eg_str;
    b->methods = eg_methods;
    b->getsets = eg_getsets;
}

int kr_excgroup_setup(kr_vm *vm)
{
    kr_type *b = KR_EXC(vm, BaseExceptionGroup), *e = KR_EXC(vm, ExceptionGroup);
    kr_type *exc = KR_EXC(vm, Exception), *base = KR_EXC(vm, BaseException);
    /* ExceptionGroup(BaseExceptionGroup, Exception): C3 gives EG, BEG, Exception, BaseException, object */
    kr_value bases = kr_tuple_pack(vm, 2, KR_VAL(b), KR_VAL(exc));
    if (!bases)
        return -1;
    e->bases = bases;
    kr_value mro = kr_tuple_pack(vm, 5, KR_VAL(e), KR_VAL(b), KR_VAL(exc), KR_VAL(base), KR_VAL(vm->t.object));
    if (!mro)
        return -1;
    e->mro = mro;
    kr_gc_barrier(vm, &e->ob, bases);
    kr_gc_barrier(vm, &e->ob, mro);
    kr_value cg = kr_cfunction_new(vm, &kr_class_getitem_def, b, KR_NULL);
    if (!cg || kr_dict_set(vm, b->dict, KR_NAME(vm, __class_getitem__), cg) < 0)
        return -1;
    return 0;
}
