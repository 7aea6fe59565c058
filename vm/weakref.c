/* weakref.c: weak references, as CPython 3.13's Objects/weakrefobject.c and Modules/_weakref.c (the
 * `_weakref` module under stdlib/lib/weakref.py), over Krait's tracing collector. See weakref.h for
 * the collector's invariant.
 *
 * Bookkeeping (kr_weak_registry, one per VM):
 *  - `table`: referent address -> the head of its list of weak references. Open addressing with linear
 *    probing and backward-shift deletion (no tombstones: entries come and go with every collection
 *    that frees a referent). A referent's entry exists exactly while its list is non-empty, and is
 *    removed before the sweep that frees it, so a new object at the same address never finds it.
 *  - `refs`: every weak reference whose referent is alive (cleared ones leave it at the next
 *    collection), in creation order; refs[0, nold) survived a collection, so a minor collection reads
 *    only refs[nold, n) (weakref.h: an old reference's referent is old).
 *  - `pending`: the queue of cleared references whose callbacks have yet to run (a root).
 * The registry's arrays are VM heap buffers (kr_mem_*: accounted, a MemoryError when creating a
 * reference fails cleanly) and are only grown when a reference is made: a collection never allocates
 * here. The registry struct itself is calloc'd at start-up and freed by kr_vm_free. */
#include "weakref.h"

#include <stdlib.h>

#include "init.h"
#include "traceback.h"
#include "type.h"

typedef struct weak_slot {
    kr_object *key; /* NULL: empty */
    kr_weakref *head;
} weak_slot;

struct kr_weak_registry {
    weak_slot *table;
    size_t tcap, tcount; /* tcap: 0 or a power of two, kept at least twice tcount */
    kr_weakref **refs;
    size_t n, nold, cap;
    kr_weakref *pending, *pending_tail;
    kr_type *ref_type, *proxy_type, *callable_proxy_type;
};

#define REG(vm) ((vm)->weak)
#define WR(v) KR_AS(kr_weakref, v)

/* ---- the referent table ---- */

static size_t weak_hash(const kr_object *o)
{
    uint64_t h = (uint64_t)(uintptr_t)o;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return (size_t)h;
}

static weak_slot *table_find(kr_weak_registry *r, const kr_object *key)
{
    if (!r->tcap)
        return NULL;
    size_t mask = r->tcap - 1;
    for (size_t i = weak_hash(key) & mask;; i = (i + 1) & mask) {
        if (r->table[i].key == key)
            return &r->table[i];
        if (!r->table[i].key)
            return NULL;
    }
}

/* key must be absent and there must be room (table_reserve). */
static void table_insert(kr_weak_registry *r, kr_object *key, kr_weakref *head)
{
    size_t mask = r->tcap - 1, i = weak_hash(key) & mask;
    while (r->table[i].key)
        i = (i + 1) & mask;
    r->table[i].key = key;
    r->table[i].head = head;
    r->tcount++;
}

/* Room for one more key (load at most 1/2). -1 + MemoryError. */
static int table_reserve(kr_vm *vm, kr_weak_registry *r)
{
    if ((r->tcount + 1) * 2 <= r->tcap)
        return 0;
    size_t ncap = r->tcap ? r->tcap * 2 : 64;
    weak_slot *nt = kr_mem_zalloc(vm, ncap * sizeof *nt);
    if (!nt)
        return -1;
    weak_slot *old = r->table;
    size_t ocap = r->tcap;
    r->table = nt;
    r->tcap = ncap;
    r->tcount = 0;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].key)
            table_insert(r, old[i].key, old[i].head);
    kr_mem_free(vm, old);
    return 0;
}

/* Removes the entry at `slot`, shifting back the entries of its probe run that it displaced. */
static void table_remove(kr_weak_registry *r, weak_slot *slot)
{
    size_t mask = r->tcap - 1, i = (size_t)(slot - r->table), j = i;
    for (;;) {
        j = (j + 1) & mask;
        if (!r->table[j].key)
            break;
        size_t home = weak_hash(r->table[j].key) & mask;
        /* the entry at j may move to the hole at i unless its home lies cyclically in (i, j] */
        bool stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
        if (!stays) {
            r->table[i] = r->table[j];
            i = j;
        }
    }
    r->table[i].key = NULL;
    r->table[i].head = NULL;
    r->tcount--;
}

/* ---- lists of references ---- */

static bool is_proxy_type(kr_vm *vm, const kr_type *t)
{
    return t == REG(vm)->proxy_type || t == REG(vm)->callable_proxy_type;
}

static bool is_weakref(kr_vm *vm, kr_value v)
{
    if (!kr_is_ptr(v))
        return false;
    kr_type *t = KR_OBJ(v)->type;
    return t == REG(vm)->ref_type || is_proxy_type(vm, t) || kr_type_is_subtype(t, REG(vm)->ref_type);
}

kr_value kr_weakref_get(kr_value ref)
{
    kr_object *o = WR(ref)->referent;
    return o ? KR_VAL(o) : KR_NULL;
}

static kr_weakref *list_head(kr_vm *vm, kr_value obj)
{
    if (!kr_is_ptr(obj))
        return NULL;
    weak_slot *s = table_find(REG(vm), KR_OBJ(obj));
    return s ? s->head : NULL;
}

kr_value kr_weakref_first(kr_vm *vm, kr_value obj)
{
    kr_weakref *h = list_head(vm, obj);
    return h ? KR_VAL(h) : KR_NULL;
}

/* CPython's get_basic_refs: the reference without callback of exactly ReferenceType, and the proxy
 * without callback, that the list keeps first (to be shared by every ref(obj) / proxy(obj)). */
static void basic_refs(kr_vm *vm, kr_weakref *head, kr_weakref **ref, kr_weakref **proxy)
{
    *ref = *proxy = NULL;
    if (head && !head->callback) {
        if (head->ob.type == REG(vm)->ref_type) {
            *ref = head;
            head = head->next;
        }
        if (head && !head->callback && is_proxy_type(vm, head->ob.type))
            *proxy = head;
    }
}

/* Links w into its referent's list where CPython's insert_weakref would: a basic ref first, a basic
 * proxy after the basic ref, anything else after both (so newest first among the rest). The table
 * has room for the referent (table_reserve). */
static void list_insert(kr_vm *vm, kr_weakref *w)
{
    kr_weak_registry *r = REG(vm);
    weak_slot *s = table_find(r, w->referent);
    kr_weakref *head = s ? s->head : NULL, *ref, *proxy, *prev;
    basic_refs(vm, head, &ref, &proxy);
    bool basic = !w->callback && (w->ob.type == r->ref_type || is_proxy_type(vm, w->ob.type));
    if (basic && w->ob.type == r->ref_type)
        prev = NULL;
    else if (basic)
        prev = ref;
    else
        prev = proxy ? proxy : ref;
    if (prev) {
        w->prev = prev;
        w->next = prev->next;
        if (prev->next)
            prev->next->prev = w;
        prev->next = w;
        return;
    }
    w->prev = NULL;
    w->next = head;
    if (head)
        head->prev = w;
    if (s)
        s->head = w;
    else
        table_insert(r, w->referent, w);
}

/* Unlinks a reference whose referent is alive (the reference itself dies). */
static void list_unlink(kr_vm *vm, kr_weakref *w)
{
    kr_weak_registry *r = REG(vm);
    if (w->next)
        w->next->prev = w->prev;
    if (w->prev) {
        w->prev->next = w->next;
    } else {
        weak_slot *s = table_find(r, w->referent);
        if (s && w->next)
            s->head = w->next;
        else if (s)
            table_remove(r, s);
    }
    w->prev = w->next = NULL;
}

/* A new weak reference of type cls (ReferenceType or a subclass, or a proxy type) to obj, or the
 * basic one the list already has. callback: KR_NULL or None for none. */
static kr_value weak_create(kr_vm *vm, kr_type *cls, kr_value obj, kr_value callback)
{
    kr_weak_registry *r = REG(vm);
    kr_type *t = kr_type_of(vm, obj);
    if (!kr_is_ptr(obj) || !(t->flags & KR_TF_WEAKREFABLE))
        return kr_raise(vm, KR_EXC(vm, TypeError), "cannot create weak reference to '%s' object", t->name_c);
    if (callback == KR_NONE)
        callback = KR_NULL;
    if (!callback && (cls == r->ref_type || is_proxy_type(vm, cls))) {
        kr_weakref *ref, *proxy;
        basic_refs(vm, list_head(vm, obj), &ref, &proxy);
        kr_weakref *reuse = cls == r->ref_type ? ref : proxy;
        if (reuse)
            return KR_VAL(reuse);
    }
    /* all the room first: nothing below fails once the reference exists */
    if (r->n == r->cap) {
        size_t ncap = r->cap ? r->cap * 2 : 64;
        kr_weakref **nr = kr_mem_realloc(vm, r->refs, ncap * sizeof *nr);
        if (!nr)
            return KR_NULL;
        r->refs = nr;
        r->cap = ncap;
    }
    if (!list_head(vm, obj) && table_reserve(vm, r) < 0)
        return KR_NULL;
    kr_weakref *w = kr_gc_alloc(vm, cls, cls->instance_size);
    if (!w)
        return KR_NULL;
    w->referent = KR_OBJ(obj);
    w->callback = callback;
    w->hash = -1;
    list_insert(vm, w);
    r->refs[r->n++] = w;
    return KR_VAL(w);
}

static int weak_types_ready(kr_vm *vm);

kr_value kr_weakref_new(kr_vm *vm, kr_value obj, kr_value callback)
{
    if (weak_types_ready(vm) < 0)
        return KR_NULL;
    return weak_create(vm, REG(vm)->ref_type, obj, callback);
}

/* ---- the collector's part (weakref.h) ---- */

static bool gc_marked(kr_vm *vm, const kr_object *o) { return o->gc_mark == vm->gc.mark_epoch; }

void kr_weakref_gc_clear(kr_vm *vm, bool major)
{
    kr_weak_registry *r = REG(vm);
    if (!r)
        return; /* a collection before start-up made the registry */
    for (size_t i = major ? 0 : r->nold; i < r->n; i++) {
        kr_object *o = r->refs[i]->referent;
        if (!o || gc_marked(vm, o))
            continue;
        /* o is unreachable: clear its whole list now, queueing the callbacks of the references that
         * are themselves reachable (an unreachable one is garbage with its referent: CPython never
         * calls its callback either). */
        weak_slot *s = table_find(r, o);
        kr_weakref *w = s ? s->head : r->refs[i];
        if (s)
            table_remove(r, s);
        while (w) {
            kr_weakref *next = w->next;
            w->referent = NULL;
            w->prev = w->next = NULL;
            if (w->callback && gc_marked(vm, &w->ob)) {
                w->pending = NULL;
                if (r->pending_tail)
                    r->pending_tail->pending = w;
                else
                    r->pending = w;
                r->pending_tail = w;
            }
            w = next;
        }
    }
}

void kr_weakref_gc_prune(kr_vm *vm, bool major)
{
    kr_weak_registry *r = REG(vm);
    if (!r)
        return;
    size_t k = major ? 0 : r->nold;
    for (size_t i = k; i < r->n; i++) {
        kr_weakref *w = r->refs[i];
        if (!w->referent)
            continue; /* cleared: an ordinary object from now on */
        if (!gc_marked(vm, &w->ob)) {
            list_unlink(vm, w); /* dies before its referent: no callback */
            continue;
        }
        r->refs[k++] = w;
    }
    r->n = r->nold = k; /* every survivor is old after this collection */
}

void kr_weakref_trace_roots(kr_vm *vm)
{
    for (kr_weakref *w = REG(vm) ? REG(vm)->pending : NULL; w; w = w->pending)
        kr_gc_mark_obj(vm, &w->ob);
}

bool kr_weakref_callbacks_pending(kr_vm *vm) { return REG(vm) && REG(vm)->pending; }

void kr_weakref_run_callbacks(kr_vm *vm)
{
    kr_weak_registry *r = REG(vm);
    kr_value w = KR_NULL, cb = KR_NULL, exc = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &w);
    kr_root_push(vm, &cb);
    kr_root_push(vm, &exc);
    /* In queue order. A callback may make and drop references, and collect: what that queues is run
     * by this same loop. */
    while (r->pending) {
        kr_weakref *p = r->pending;
        r->pending = p->pending;
        if (!r->pending)
            r->pending_tail = NULL;
        p->pending = NULL;
        w = KR_VAL(p);
        cb = p->callback;
        p->callback = KR_NULL; /* called once; __callback__ is None from now on */
        if (!cb || kr_call1(vm, cb, w))
            continue;
        exc = kr_err_fetch(vm);
        kr_value rep = kr_repr(vm, cb);
        fflush(stdout);
        fprintf(stderr, "Exception ignored in: %s\n", rep ? kr_str_data(rep) : "<weakref callback>");
        if (!rep)
            kr_err_clear(vm);
        kr_traceback_print(vm, exc, stderr);
        exc = KR_NULL;
    }
    kr_root_reset(vm, m);
}

/* ---- weakref.ReferenceType ---- */

static void weakref_trace(kr_vm *vm, kr_object *o) { kr_gc_mark(vm, ((kr_weakref *)o)->callback); }

static kr_value ref_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    if (kwnames && kr_tuple_size(kwnames) > 0 && cls == REG(vm)->ref_type)
        return kr_raise(vm, KR_EXC(vm, TypeError), "ref() takes no keyword arguments");
    if (nargs < 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "__new__ expected at least 1 argument, got %d", nargs);
    if (nargs > 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "__new__ expected at most 2 arguments, got %d", nargs);
    return weak_create(vm, cls, args[0], nargs > 1 ? args[1] : KR_NULL);
}

/* As CPython: ref.__init__ checks the arguments' count only (subclasses take more through their own
 * __init__, and __new__ made the reference). */
static int ref_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    (void)self, (void)args, (void)kwnames;
    if (nargs < 1)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__init__ expected at least 1 argument, got %d", nargs);
    if (nargs > 2)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__init__ expected at most 2 arguments, got %d", nargs);
    return 0;
}

static kr_value ref_call(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kwnames && kr_tuple_size(kwnames) > 0)
        return kr_raise(vm, KR_EXC(vm, TypeError), "weakref() takes no keyword arguments");
    if (nargs)
        return kr_raise(vm, KR_EXC(vm, TypeError), "weakref expected 0 arguments, got %d", nargs);
    kr_value o = kr_weakref_get(self);
    return o ? o : KR_NONE;
}

static int64_t ref_hash(kr_vm *vm, kr_value self)
{
    kr_weakref *w = WR(self);
    if (w->hash != -1)
        return w->hash;
    kr_value o = kr_weakref_get(self);
    if (!o) {
        kr_raise(vm, KR_EXC(vm, TypeError), "weak object has gone away");
        return -1;
    }
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &o); /* only weakly held: its __hash__ may collect */
    int64_t h = kr_hash(vm, o);
    kr_root_reset(vm, m);
    if (h != -1)
        w->hash = h;
    return h;
}

/* == and != between weak references (proxies included, as CPython's PyWeakref_Check): the referents'
 * while both live, identity otherwise. */
static kr_value ref_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if ((op != KR_CMP_EQ && op != KR_CMP_NE) || !is_weakref(vm, a) || !is_weakref(vm, b))
        return KR_NOTIMPL;
    kr_value x = kr_weakref_get(a), y = kr_weakref_get(b);
    if (!x || !y) {
        bool same = a == b;
        return kr_bool(op == KR_CMP_EQ ? same : !same);
    }
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &x);
    kr_root_push(vm, &y);
    kr_value r = kr_richcompare(vm, x, y, op);
    kr_root_reset(vm, m);
    return r;
}

/* CPython's %T: the type's qualified name with its module, unless that is builtins or __main__. */
static kr_value type_display_name(kr_vm *vm, kr_type *t)
{
    kr_value fn = kr_type_fullname(vm, t);
    if (fn && kr_str_nbytes(fn) > 9 && memcmp(kr_str_data(fn), "__main__.", 9) == 0)
        return t->qualname ? t->qualname : t->name;
    return fn;
}

static kr_value ref_repr(kr_vm *vm, kr_value self)
{
    kr_value o = kr_weakref_get(self), name = KR_NULL, tn = KR_NULL;
    if (!o)
        return kr_str_fmt(vm, "<weakref at %p; dead>", (void *)KR_OBJ(self));
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &o);
    kr_root_push(vm, &name);
    name = kr_getattr_opt(vm, o, KR_NAME(vm, __name__));
    kr_value r = KR_NULL;
    if ((name || !kr_err_occurred(vm)) && (tn = type_display_name(vm, kr_type_of(vm, o)))) {
        if (name && kr_is_str(vm, name))
            r = kr_str_fmt(vm, "<weakref at %p; to '%s' at %p (%s)>", (void *)KR_OBJ(self), kr_str_data(tn),
                           (void *)KR_OBJ(o), kr_str_data(name));
        else
            r = kr_str_fmt(vm, "<weakref at %p; to '%s' at %p>", (void *)KR_OBJ(self), kr_str_data(tn),
                           (void *)KR_OBJ(o));
    }
    kr_root_reset(vm, m);
    return r;
}

static kr_value ref_get_callback(kr_vm *vm, kr_value self)
{
    (void)vm;
    kr_value cb = WR(self)->callback;
    return cb ? cb : KR_NONE;
}

/* __callback__ is a read-only member in CPython, with a member's message */
static int ref_set_callback(kr_vm *vm, kr_value self, kr_value value)
{
    (void)self, (void)value;
    return kr_raise_i(vm, KR_EXC(vm, AttributeError), "readonly attribute");
}

static kr_value ref_class_getitem(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "__class_getitem__", nargs - 1, 1, 1) < 0 ||
        kr_args_no_kw(vm, "__class_getitem__", kwnames) < 0)
        return KR_NULL;
    return kr_generic_alias_new(vm, args[0], args[1]);
}

static const kr_getset_def ref_getsets[] = {
    {"__callback__", ref_get_callback, ref_set_callback, NULL},
    {NULL, NULL, NULL, NULL},
};

static const kr_method_def ref_methods[] = {
    {"__class_getitem__", ref_class_getitem, KR_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- weakref.ProxyType and weakref.CallableProxyType ----
 * Every operation on a proxy is the operation on its referent (ReferenceError once that is dead),
 * which is held by a C root meanwhile: the proxy alone does not keep it alive, and the operation may
 * run Python code that collects. */

static kr_value proxy_referent(kr_vm *vm, kr_value p)
{
    kr_value o = kr_weakref_get(p);
    if (!o)
        return kr_raise(vm, KR_EXC(vm, ReferenceError), "weakly-referenced object no longer exists");
    return o;
}

/* *v, or its referent when it is a proxy; false + ReferenceError when that is dead. */
static bool proxy_unwrap(kr_vm *vm, kr_value *v)
{
    if (kr_is_ptr(*v) && is_proxy_type(vm, KR_OBJ(*v)->type)) {
        kr_value o = proxy_referent(vm, *v);
        if (!o)
            return false;
        *v = o;
    }
    return true;
}

/* The body of a one-operand proxy slot: `o` is the referent, rooted while EXPR runs. */
#define PROXY_ONE(vm, self, T, FAIL, EXPR)                                                                 \
    do {                                                                                                  \
        kr_value o = proxy_referent(vm, self);                                                            \
        if (!o)                                                                                           \
            return FAIL;                                                                                  \
        size_t m_ = kr_root_mark(vm);                                                                     \
        kr_root_push(vm, &o);                                                                             \
        T r_ = (EXPR);                                                                                    \
        kr_root_reset(vm, m_);                                                                            \
        return r_;                                                                                        \
    } while (0)

static kr_value proxy_repr(kr_vm *vm, kr_value self)
{
    kr_value o = kr_weakref_get(self);
    if (!o)
        return kr_str_fmt(vm, "<weakproxy at %p; dead>", (void *)KR_OBJ(self));
    kr_value tn = type_display_name(vm, kr_type_of(vm, o));
    if (!tn)
        return KR_NULL;
    return kr_str_fmt(vm, "<weakproxy at %p; to '%s' at %p>", (void *)KR_OBJ(self), kr_str_data(tn),
                      (void *)KR_OBJ(o));
}

static kr_value proxy_str(kr_vm *vm, kr_value self) { PROXY_ONE(vm, self, kr_value, KR_NULL, kr_tostr(vm, o)); }
static kr_value proxy_getattr(kr_vm *vm, kr_value self, kr_value name)
{
    PROXY_ONE(vm, self, kr_value, KR_NULL, kr_getattr(vm, o, name));
}
static int proxy_setattr(kr_vm *vm, kr_value self, kr_value name, kr_value value)
{
    PROXY_ONE(vm, self, int, -1, value ? kr_setattr(vm, o, name, value) : kr_delattr(vm, o, name));
}
static kr_value proxy_call(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    PROXY_ONE(vm, self, kr_value, KR_NULL, kr_call(vm, o, args, nargs, kwnames));
}
static kr_value proxy_iter(kr_vm *vm, kr_value self) { PROXY_ONE(vm, self, kr_value, KR_NULL, kr_iter(vm, o)); }
static kr_value proxy_next_of(kr_vm *vm, kr_value o)
{
    if (!kr_type_of(vm, o)->next)
        return kr_raise(vm, KR_EXC(vm, TypeError), "Weakref proxy referenced a non-iterator '%s' object",
                        kr_typename(vm, o));
    return kr_next(vm, o);
}
static kr_value proxy_next(kr_vm *vm, kr_value self) { PROXY_ONE(vm, self, kr_value, KR_NULL, proxy_next_of(vm, o)); }
static int64_t proxy_len(kr_vm *vm, kr_value self) { PROXY_ONE(vm, self, int64_t, -1, kr_len(vm, o)); }
static int proxy_bool(kr_vm *vm, kr_value self) { PROXY_ONE(vm, self, int, -1, kr_truthy(vm, o)); }
static kr_value proxy_getitem(kr_vm *vm, kr_value self, kr_value key)
{
    PROXY_ONE(vm, self, kr_value, KR_NULL, kr_getitem(vm, o, key));
}
static int proxy_setitem(kr_vm *vm, kr_value self, kr_value key, kr_value value)
{
    PROXY_ONE(vm, self, int, -1, value ? kr_setitem(vm, o, key, value) : kr_delitem(vm, o, key));
}
static int proxy_contains(kr_vm *vm, kr_value self, kr_value item)
{
    PROXY_ONE(vm, self, int, -1, kr_contains(vm, o, item));
}
static kr_value proxy_index(kr_vm *vm, kr_value self) { PROXY_ONE(vm, self, kr_value, KR_NULL, kr_index(vm, o)); }

static kr_value proxy_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &a);
    kr_root_push(vm, &b);
    kr_value r = KR_NULL;
    if (proxy_unwrap(vm, &a) && proxy_unwrap(vm, &b))
        r = kr_richcompare(vm, a, b, op);
    kr_root_reset(vm, m);
    return r;
}

/* A binary operator with a proxy on either side: the operator on the referents (the slot is called
 * for the left operand's type, then the right one's). */
static kr_value proxy_binary(kr_vm *vm, int op, kr_value a, kr_value b, bool inplace)
{
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &a);
    kr_root_push(vm, &b);
    kr_value r = KR_NULL;
    if (proxy_unwrap(vm, &a) && proxy_unwrap(vm, &b))
        r = inplace ? kr_inplace_op(vm, op, a, b) : kr_binary_op(vm, op, a, b);
    kr_root_reset(vm, m);
    return r;
}

#define PROXY_BINOPS(X)                                                                                    \
    X(ADD) X(SUB) X(MUL) X(MATMUL) X(TRUEDIV) X(FLOORDIV) X(MOD) X(POW) X(LSHIFT) X(RSHIFT) X(AND) X(XOR) X(OR)
#define PROXY_BINOP_FN(OP)                                                                                 \
    static kr_value proxy_binop_##OP(kr_vm *vm, kr_value a, kr_value b)                                   \
    {                                                                                                     \
        return proxy_binary(vm, KR_OP_##OP, a, b, false);                                                 \
    }                                                                                                     \
    static kr_value proxy_inplace_##OP(kr_vm *vm, kr_value a, kr_value b)                                 \
    {                                                                                                     \
        return proxy_binary(vm, KR_OP_##OP, a, b, true);                                                  \
    }
PROXY_BINOPS(PROXY_BINOP_FN)

#define PROXY_UNOPS(X) X(NEG) X(POS) X(INVERT) X(ABS)
#define PROXY_UNOP_FN(OP)                                                                                  \
    static kr_value proxy_unop_##OP(kr_vm *vm, kr_value self)                                             \
    {                                                                                                     \
        PROXY_ONE(vm, self, kr_value, KR_NULL, kr_unary_op(vm, KR_UNARY_##OP, o));                        \
    }
PROXY_UNOPS(PROXY_UNOP_FN)

static void proxy_slots(kr_type *t)
{
    t->trace = weakref_trace;
    t->repr = proxy_repr;
    t->str = proxy_str;
    t->hash = kr_hash_unhashable;
    t->richcompare = proxy_richcompare;
    t->getattr = proxy_getattr;
    t->setattr = proxy_setattr;
    t->iter = proxy_iter;
    t->next = proxy_next;
    t->len = proxy_len;
    t->bool_ = proxy_bool;
    t->getitem = proxy_getitem;
    t->setitem = proxy_setitem;
    t->contains = proxy_contains;
    t->index = proxy_index;
#define PROXY_SET_BINOP(OP)                                                                                \
    t->binop[KR_OP_##OP] = proxy_binop_##OP;                                                              \
    t->inplace[KR_OP_##OP] = proxy_inplace_##OP;
    PROXY_BINOPS(PROXY_SET_BINOP)
#undef PROXY_SET_BINOP
#define PROXY_SET_UNOP(OP) t->unop[KR_UNARY_##OP] = proxy_unop_##OP;
    PROXY_UNOPS(PROXY_SET_UNOP)
#undef PROXY_SET_UNOP
}

/* ---- the _weakref module ---- */

static kr_value wmod_getweakrefcount(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "getweakrefcount", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "getweakrefcount", kwnames) < 0)
        return KR_NULL;
    int64_t n = 0;
    for (kr_weakref *w = list_head(vm, args[0]); w; w = w->next)
        n++;
    return kr_small(n);
}

static kr_value wmod_getweakrefs(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "getweakrefs", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "getweakrefs", kwnames) < 0)
        return KR_NULL;
    kr_value l = kr_list_new(vm, 0);
    if (!l)
        return KR_NULL;
    /* kr_list_append allocates but runs no Python code: the list stays as it is */
    for (kr_weakref *w = list_head(vm, args[0]); w; w = w->next)
        if (kr_list_append(vm, l, KR_VAL(w)) < 0)
            return KR_NULL;
    return l;
}

static kr_value wmod_proxy(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "proxy", nargs, 1, 2) < 0 || kr_args_no_kw(vm, "proxy", kwnames) < 0)
        return KR_NULL;
    kr_weak_registry *r = REG(vm);
    kr_type *cls = kr_type_of(vm, args[0])->call ? r->callable_proxy_type : r->proxy_type;
    return weak_create(vm, cls, args[0], nargs > 1 ? args[1] : KR_NULL);
}

/* _remove_dead_weakref(dict, key): del dict[key] if it is a dead weak reference (WeakValueDictionary's
 * removal callback, which must not remove a live value stored under the same key since). */
static kr_value wmod_remove_dead_weakref(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "_remove_dead_weakref", nargs, 2, 2) < 0 ||
        kr_args_no_kw(vm, "_remove_dead_weakref", kwnames) < 0)
        return KR_NULL;
    if (!kr_is_ptr(args[0]) || !kr_type_is_subtype(KR_OBJ(args[0])->type, vm->t.dict))
        return kr_raise(vm, KR_EXC(vm, TypeError), "_remove_dead_weakref() argument 1 must be dict, not %s",
                        kr_typename(vm, args[0]));
    kr_value v = kr_dict_get(vm, args[0], args[1]);
    if (!v) {
        if (kr_err_occurred(vm))
            return KR_NULL;
        return KR_NONE;
    }
    if (is_weakref(vm, v) && !kr_weakref_get(v) && kr_dict_del(vm, args[0], args[1]) < 0) {
        if (!kr_err_matches(vm, KR_EXC(vm, KeyError)))
            return KR_NULL;
        kr_err_clear(vm); /* removed meanwhile by a key's __eq__ */
    }
    return KR_NONE;
}

static const kr_method_def weakref_functions[] = {
    {"getweakrefcount", wmod_getweakrefcount, KR_METH_STATIC, NULL},
    {"getweakrefs", wmod_getweakrefs, KR_METH_STATIC, NULL},
    {"proxy", wmod_proxy, KR_METH_STATIC, NULL},
    {"_remove_dead_weakref", wmod_remove_dead_weakref, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

kr_value kr_weakref_module_create(kr_vm *vm)
{
    kr_weak_registry *r = REG(vm);
    if (weak_types_ready(vm) < 0)
        return KR_NULL;
    kr_value m = kr_module_new(vm, "_weakref");
    if (!m || kr_module_add_functions(vm, m, weakref_functions) < 0 ||
        kr_module_add(vm, m, "ref", KR_VAL(r->ref_type)) < 0 ||
        kr_module_add(vm, m, "ReferenceType", KR_VAL(r->ref_type)) < 0 ||
        kr_module_add(vm, m, "ProxyType", KR_VAL(r->proxy_type)) < 0 ||
        kr_module_add(vm, m, "CallableProxyType", KR_VAL(r->callable_proxy_type)) < 0)
        return KR_NULL;
    return m;
}

/* ---- start-up and teardown ---- */

/* The three types, made on first use (the first import of _weakref, or kr_weakref_new): readying
 * them at start-up, the proxies' forty slot wrappers each, cost every run 2% of `krait -c pass`. They
 * are builtin types from then on (registered, so rooted for good). */
static int weak_types_ready(kr_vm *vm)
{
    kr_weak_registry *r = REG(vm);
    if (r->ref_type)
        return 0;
    kr_type *t = kr_type_new_builtin(vm, "weakref.ReferenceType", vm->t.object, sizeof(kr_weakref), KR_TF_BASETYPE);
    t->trace = weakref_trace;
    t->new_ = ref_new;
    t->init = ref_init;
    t->call = ref_call;
    t->hash = ref_hash;
    t->richcompare = ref_richcompare;
    t->repr = ref_repr;
    t->getsets = ref_getsets;
    t->methods = ref_methods;
    kr_type *p = kr_type_new_builtin(vm, "weakref.ProxyType", vm->t.object, sizeof(kr_weakref), 0);
    proxy_slots(p);
    kr_type *cp = kr_type_new_builtin(vm, "weakref.CallableProxyType", vm->t.object, sizeof(kr_weakref), 0);
    proxy_slots(cp);
    cp->call = proxy_call;
    /* published only when all three are ready (a MemoryError leaves them to the next attempt) */
    if (kr_type_ready(vm, t) < 0 || kr_type_ready(vm, p) < 0 || kr_type_ready(vm, cp) < 0)
        return -1;
    r->ref_type = t;
    r->proxy_type = p;
    r->callable_proxy_type = cp;
    return 0;
}

void kr_weakref_init(kr_vm *vm)
{
    kr_weak_registry *r = calloc(1, sizeof *r);
    if (!r) {
        fputs("krait: fatal: out of memory creating the weak reference registry\n", stderr);
        abort();
    }
    vm->weak = r;
    /* The builtin types whose instances CPython lets be weakly referenced (tp_weaklistoffset). Types
     * of Python-level classes get the flag at class creation (vm/type.c). */
    kr_type *weakrefable[] = {vm->t.type, vm->t.set, vm->t.frozenset, vm->t.function, vm->t.cfunction,
                              vm->t.method, vm->t.generator, vm->t.code, vm->t.module, vm->t.file,
                              vm->t.memoryview};
    for (size_t i = 0; i < sizeof weakrefable / sizeof weakrefable[0]; i++)
        if (weakrefable[i])
            weakrefable[i]->flags |= KR_TF_WEAKREFABLE;
}

void kr_weakref_free(kr_vm *vm)
{
    /* the arrays are VM heap buffers, gone with the heap */
    free(vm->weak);
    vm->weak = NULL;
}
