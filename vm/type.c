/* type.c: type objects. Bootstrap of object and type, builtin type registration and readying (C3 MRO,
 * namespace from static tables, slot inheritance, slot wrappers), MRO lookup with a per-VM cache keyed
 * by (type, type version, name), class creation (type(name, bases, ns) semantics), dunder-dispatching slots for
 * heap types, the generic attribute protocol and type attribute access.
 *
 * Invariants:
 *  - every type is a kr_typex (type.h) allocated here; t->version != 0 and unique in the VM;
 *  - a type cache entry (type, version, name, epoch) -> value is valid iff type == t, version ==
 *    t->version and epoch is the current GC epoch; any change of a namespace on t's MRO gives t a new
 *    version (kr_type_modified walks subclasses);
 *  - a heap type's slot is either inherited from its builtin base or a generic slot (slot_*) that looks
 *    the dunder up on the instance's type at call time; kr_type_update_slot keeps this true when a
 *    class's dunders are assigned or deleted after creation.
 */
#include "type.h"

#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "exc.h"
#include "function.h"
#include "instance.h"
#include "int.h"
#include "interp.h"
#include "traceback.h"
#include "tuple.h"
#include "import.h"
#include "weakref.h"
#include "list.h"

typedef void (*kr_anyfn)(void);

/* ------------------------------------------------------------------------------------------------ */
/* versions, registration                                                                           */

static void type_cache_clear(kr_vm *vm);

static uint32_t next_version(kr_vm *vm)
{
    if (++vm->type_version_next == 0) {
        ++vm->type_version_next;
        /* Versions are reused from here on: drop every cached lookup (see the type cache below). */
        if (vm->type_cache && vm->attr_cache)
            type_cache_clear(vm);
    }
    return vm->type_version_next;
}

static void register_builtin(kr_vm *vm, kr_type *t)
{
    if (vm->n_builtin_types == vm->builtin_types_cap) {
        size_t cap = vm->builtin_types_cap ? vm->builtin_types_cap * 2 : 128;
        /* plain realloc: vm.c frees this array with free() */
        kr_type **n = realloc(vm->builtin_types, cap * sizeof *n);
        if (!n) {
            fputs("krait: fatal: out of memory registering builtin types\n", stderr);
            abort();
        }
        vm->builtin_types = n;
        vm->builtin_types_cap = cap;
    }
    vm->builtin_types[vm->n_builtin_types++] = t;
}

static void type_trace(kr_vm *vm, kr_object *o);

static kr_typex *alloc_type(kr_vm *vm, kr_type *meta, size_t size)
{
    kr_typex *x = kr_gc_alloc(vm, meta, size < sizeof(kr_typex) ? sizeof(kr_typex) : size);
    if (!x)
        return NULL;
    x->t.version = next_version(vm);
    return x;
}

kr_type *kr_type_new_builtin(kr_vm *vm, const char *name, kr_type *base, size_t instance_size, uint32_t flags)
{
    kr_typex *x = alloc_type(vm, vm->t.type, sizeof(kr_typex));
    if (!x) {
        fputs("krait: fatal: out of memory creating builtin types\n", stderr);
        abort();
    }
    x->t.name_c = name;
    x->t.base = base ? base : vm->t.object;
    x->t.instance_size = instance_size;
    x->t.flags = flags;
    register_builtin(vm, &x->t);
    return &x->t;
}

/* ------------------------------------------------------------------------------------------------ */
/* subtype tests, lookup                                                                            */

bool kr_type_is_subtype(kr_type *t, kr_type *base)
{
    if (t == base)
        return true;
    kr_value mro = t->mro;
    if (mro) {
        int64_t n = kr_tuple_size(mro);
        kr_value *items = kr_tuple_items(mro);
        for (int64_t i = 0; i < n; i++)
            if (KR_OBJ(items[i]) == &base->ob)
                return true;
        return false;
    }
    for (kr_type *b = t->base; b; b = b->base)
        if (b == base)
            return true;
    return false;
}

const char *kr_typename(kr_vm *vm, kr_value v) { return kr_type_of(vm, v)->name_c; }

/* Walk the MRO (or the base chain while the MRO is not built yet). *where gets the defining type. */
static kr_value lookup_where(kr_vm *vm, kr_type *t, kr_value name, kr_type **where)
{
    kr_value mro = t->mro;
    if (mro) {
        int64_t n = kr_tuple_size(mro);
        kr_value *items = kr_tuple_items(mro);
        for (int64_t i = 0; i < n; i++) {
            kr_type *b = KR_AS(kr_type, items[i]);
            if (!b->dict)
                continue;
            kr_value v = kr_dict_get_str(vm, b->dict, name);
            if (v) {
                if (where)
                    *where = b;
                return v;
            }
        }
        return KR_NULL;
    }
    for (kr_type *b = t; b; b = b->base) {
        if (!b->dict)
            continue;
        kr_value v = kr_dict_get_str(vm, b->dict, name);
        if (v) {
            if (where)
                *where = b;
            return v;
        }
    }
    return KR_NULL;
}

/* The per-VM type attribute cache (CPython's type attribute cache): a direct-mapped table of
 * KR_TYPE_CACHE_SIZE entries, each the result of lookup_where(type, name) -- including "not found"
 * (value KR_NULL) -- for an interned name.
 *
 * An entry answers for t iff type == t, version == t->version, name == the looked-up pointer and epoch ==
 * the low word of vm->gc.collections. Why each part of the key makes a hit exact:
 *  - version: any change to a namespace on t's MRO (or to the MRO itself) gives t a new version
 *    (kr_type_modified walks subclasses, so a base's change reaches its subclasses' tags too);
 *  - type pointer: versions come from a 32-bit counter; after it wraps two live types may share one,
 *    so the version alone would not name a type. The table is also cleared on wrap (next_version), so
 *    a type cannot meet an entry of its own from before the wrap that happens to match its new version;
 *  - epoch: the collector is non-moving and frees only while collecting, so between two collections
 *    no type, name or value in an entry can be freed and its address reused. A name that died (a
 *    negative entry keeps nothing alive) may come back at the same address as another string after a
 *    collection; the epoch makes every entry of an earlier collection a miss, without a GC hook or
 *    tracing the table. The epoch stored is 32 bits: the table is cleared when the high word of
 *    gc.collections changes (type_cache_epoch), so a stale low word can never match again.
 * Entries therefore hold no references and the table is never traced. Non-interned names (rare: str
 * subclasses, computed names) are looked up uncached, as their pointer is not their identity. */
typedef struct kr_type_cache_entry {
    kr_type *type;
    kr_value name;  /* interned str */
    kr_value value; /* KR_NULL: cached absence */
    uint32_t version;
    uint32_t epoch;
} kr_type_cache_entry;
#define KR_TYPE_CACHE_BITS 12
#define KR_TYPE_CACHE_SIZE (1u << KR_TYPE_CACHE_BITS)

/* The instance attribute cache, in front of both caches for generic_getattr on kr_instance objects:
 * (type, version, shape, interned name, epoch) -> (kr_type_lookup(type, name), kr_shape_lookup(shape,
 * name)), so that a load on a polymorphic site costs one probe instead of two. Valid under the same
 * conditions as the type cache (the shape part needs nothing more: shapes are immutable, and the epoch
 * keeps a freed shape's address from matching). The type pointer is part of the key because an
 * instance's class can be reassigned (__class__) without its shape changing. */
typedef struct kr_attr_cache_entry {
    kr_type *type;
    kr_shape *shape;
    kr_value name;
    kr_value descr; /* the type lookup result, KR_NULL if none */
    uint32_t version;
    uint32_t epoch;
    int32_t index;  /* slot index of name in shape, -1 if absent */
} kr_attr_cache_entry;
#define KR_ATTR_CACHE_BITS 11
#define KR_ATTR_CACHE_SIZE (1u << KR_ATTR_CACHE_BITS)

#if defined(__GNUC__)
#define TYPE_NOINLINE __attribute__((noinline))
#else
#define TYPE_NOINLINE
#endif

static void type_cache_clear(kr_vm *vm)
{
    memset(vm->type_cache, 0, KR_TYPE_CACHE_SIZE * sizeof(kr_type_cache_entry));
    memset(vm->attr_cache, 0, KR_ATTR_CACHE_SIZE * sizeof(kr_attr_cache_entry));
}

TYPE_NOINLINE static void type_cache_new_era(kr_vm *vm)
{
    type_cache_clear(vm);
    vm->type_cache_epoch_hi = (uint32_t)(vm->gc.collections >> 32);
}

/* The epoch tag of entries filled now (see above); clears both tables when the high word moves. */
static inline uint32_t type_cache_epoch(kr_vm *vm)
{
    uint64_t c = vm->gc.collections;
    if ((uint32_t)(c >> 32) != vm->type_cache_epoch_hi)
        type_cache_new_era(vm);
    return (uint32_t)c;
}

/* Fibonacci hashing of two heap addresses (types, shapes, 16-byte aligned names). The slot depends on
 * the type pointer rather than its version (which is compared, not hashed): the probe does not wait
 * for t->version, and a modified type's new entries overwrite its stale ones. */
static inline size_t cache_index(const void *a, kr_value name, unsigned bits)
{
    uint64_t k = (((uint64_t)name >> 4) * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)(uintptr_t)a >> 3);
    return (size_t)((k * 0x9E3779B97F4A7C15ull) >> (64 - bits));
}

/* The miss path, out of line so that the probe stays a small leaf. lookup_where neither allocates nor
 * runs Python code (class dicts are searched by str content), so nothing can collect or modify t
 * between the lookup and the fill. */
TYPE_NOINLINE static kr_value type_cache_fill(kr_vm *vm, kr_type_cache_entry *e, kr_type *t, kr_value name,
                                              uint32_t epoch)
{
    kr_value v = lookup_where(vm, t, name, NULL);
    e->type = t;
    e->name = name;
    e->value = v;
    e->version = t->version;
    e->epoch = epoch;
    return v;
}

/* kr_type_lookup for an interned name. */
static inline kr_value type_lookup_interned(kr_vm *vm, kr_type *t, kr_value name, uint32_t epoch)
{
    kr_type_cache_entry *e = &vm->type_cache[cache_index(t, name, KR_TYPE_CACHE_BITS)];
    if (e->type == t && e->name == name && e->version == t->version && e->epoch == epoch)
        return e->value;
    return type_cache_fill(vm, e, t, name, epoch);
}

static inline kr_value type_lookup(kr_vm *vm, kr_type *t, kr_value name)
{
    if (!(KR_OBJ(name)->flags & KR_STR_INTERNED))
        return lookup_where(vm, t, name, NULL);
    return type_lookup_interned(vm, t, name, type_cache_epoch(vm));
}

kr_value kr_type_lookup(kr_vm *vm, kr_type *t, kr_value name) { return type_lookup(vm, t, name); }

kr_value kr_type_lookup_cstr(kr_vm *vm, kr_type *t, const char *name)
{
    kr_value n = kr_intern(vm, name);
    if (!n) {
        kr_err_clear(vm);
        return KR_NULL;
    }
    return kr_type_lookup(vm, t, n);
}

void kr_type_modified(kr_vm *vm, kr_type *t)
{
    t->version = next_version(vm);
    kr_value subs = KR_TX(t)->subclasses;
    if (!subs)
        return;
    int64_t n = kr_list_size(subs);
    for (int64_t i = 0; i < n; i++)
        kr_type_modified(vm, KR_AS(kr_type, kr_list_items(subs)[i]));
}

/* ------------------------------------------------------------------------------------------------ */
/* GC hooks of type objects                                                                         */

static void type_trace(kr_vm *vm, kr_object *o)
{
    kr_typex *x = (kr_typex *)o;
    kr_gc_mark_obj(vm, &o->type->ob);
    kr_gc_mark(vm, x->t.name);
    kr_gc_mark(vm, x->t.qualname);
    kr_gc_mark(vm, x->t.module);
    kr_gc_mark(vm, x->module_state);
    kr_gc_mark(vm, x->t.bases);
    kr_gc_mark(vm, x->t.mro);
    kr_gc_mark(vm, x->t.dict);
    if (x->t.base)
        kr_gc_mark_obj(vm, &x->t.base->ob);
    kr_gc_mark(vm, x->subclasses);
    kr_gc_mark(vm, x->root_shape);
    kr_gc_mark(vm, x->slot_names);
    if (x->builtin_base)
        kr_gc_mark_obj(vm, &x->builtin_base->ob);
}

/* ------------------------------------------------------------------------------------------------ */
/* the side table: attribute dicts of variable-size builtin subclasses (tuple, str, bytes)            */

typedef struct kr_side_entry {
    kr_object *key; /* NULL: empty; (kr_object *)1: deleted */
    kr_value dict;
} kr_side_entry;
struct kr_side_attrs {
    kr_side_entry *e;
    size_t cap, used; /* used counts live and deleted entries */
};
#define SIDE_DELETED ((kr_object *)(uintptr_t)8)

static size_t side_hash(kr_object *o) { return (size_t)(((uintptr_t)o >> 4) * 0x9E3779B97F4A7C15ull); }

static kr_side_entry *side_find(kr_vm *vm, kr_object *o)
{
    struct kr_side_attrs *s = vm->side_attrs;
    if (!s || !s->cap)
        return NULL;
    size_t mask = s->cap - 1;
    for (size_t i = side_hash(o) & mask;; i = (i + 1) & mask) {
        if (s->e[i].key == o)
            return &s->e[i];
        if (!s->e[i].key)
            return NULL;
    }
}

static int side_insert(kr_vm *vm, kr_object *o, kr_value dict)
{
    struct kr_side_attrs *s = vm->side_attrs;
    if (!s) {
        s = kr_mem_zalloc(vm, sizeof *s);
        if (!s)
            return -1;
        vm->side_attrs = s;
    }
    if ((s->used + 1) * 2 > s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 16;
        kr_side_entry *ne = kr_mem_zalloc(vm, ncap * sizeof *ne);
        if (!ne)
            return -1;
        size_t used = 0;
        for (size_t i = 0; i < s->cap; i++) {
            kr_object *k = s->e[i].key;
            if (!k || k == SIDE_DELETED)
                continue;
            size_t j = side_hash(k) & (ncap - 1);
            while (ne[j].key)
                j = (j + 1) & (ncap - 1);
            ne[j] = s->e[i];
            used++;
        }
        if (s->e)
            kr_mem_free(vm, s->e);
        s->e = ne;
        s->cap = ncap;
        s->used = used;
    }
    size_t mask = s->cap - 1;
    size_t i = side_hash(o) & mask;
    while (s->e[i].key && s->e[i].key != SIDE_DELETED)
        i = (i + 1) & mask;
    if (!s->e[i].key)
        s->used++;
    s->e[i].key = o;
    s->e[i].dict = dict;
    kr_gc_barrier(vm, o, dict); /* o's trace hook (heap_trace) marks its side entry */
    return 0;
}

/* ------------------------------------------------------------------------------------------------ */
/* instance storage helpers                                                                         */

kr_value kr_type_attrs_dict(kr_vm *vm, kr_value obj, bool create)
{
    if (!kr_is_ptr(obj))
        return KR_NULL;
    kr_type *t = KR_OBJ(obj)->type;
    kr_typex *x = KR_TX(t);
    if (x->layout == KR_LAYOUT_SIDE) {
        kr_side_entry *e = side_find(vm, KR_OBJ(obj));
        if (e)
            return e->dict;
        if (!create)
            return KR_NULL;
        kr_value d = kr_dict_new(vm);
        if (!d || side_insert(vm, KR_OBJ(obj), d) < 0)
            return KR_NULL;
        return d;
    }
    if (!t->attrs_offset || x->layout == KR_LAYOUT_INSTANCE || !x->has_dict)
        return KR_NULL;
    kr_value *slot = (kr_value *)((char *)KR_OBJ(obj) + t->attrs_offset);
    if (*slot || !create)
        return *slot;
    kr_value d = kr_dict_new(vm);
    if (!d)
        return KR_NULL;
    *slot = d;
    kr_gc_barrier(vm, KR_OBJ(obj), d);
    return d;
}

kr_value kr_object_dict(kr_vm *vm, kr_value obj)
{
    kr_type *t = kr_type_of(vm, obj);
    if (kr_is_ptr(obj)) {
        if (KR_TX(t)->layout == KR_LAYOUT_INSTANCE && KR_TX(t)->has_dict)
            return kr_instance_dict(vm, obj);
        if (KR_TX(t)->has_dict && (KR_TX(t)->layout == KR_LAYOUT_SIDE || t->attrs_offset)) {
            kr_value d = kr_type_attrs_dict(vm, obj, true);
            if (d || kr_err_occurred(vm))
                return d;
        }
    }
    return kr_raise(vm, KR_EXC(vm, AttributeError), "'%s' object has no attribute '__dict__'", t->name_c);
}

/* Heap types' GC hooks: chain to the builtin base's hook, then mark what the class layout added. */
static void heap_trace(kr_vm *vm, kr_object *o)
{
    kr_type *t = o->type;
    kr_typex *x = KR_TX(t);
    kr_gc_mark_obj(vm, &t->ob);
    if (x->base_trace)
        x->base_trace(vm, o);
    if (x->layout == KR_LAYOUT_INSTANCE && x->builtin_base == vm->t.object) {
        kr_instance_trace(vm, o);
        return;
    }
    if (x->layout == KR_LAYOUT_SIDE) {
        kr_side_entry *e = side_find(vm, o);
        if (e)
            kr_gc_mark(vm, e->dict);
        return;
    }
    /* (an exception's base_trace marked its attribute storage: what remains are __slots__ words) */
    /* every word a heap class appended after the builtin layout is a kr_value (attrs dict, slots) */
    size_t from = x->builtin_base->instance_size, to = t->instance_size;
    for (size_t off = from; off + sizeof(kr_value) <= to; off += sizeof(kr_value))
        kr_gc_mark(vm, *(kr_value *)((char *)o + off));
}

static void heap_finalize(kr_vm *vm, kr_object *o)
{
    kr_typex *x = KR_TX(o->type);
    if (x->base_finalize)
        x->base_finalize(vm, o);
    if (x->layout == KR_LAYOUT_INSTANCE)
        kr_instance_finalize(vm, o); /* (idempotent: an exception's base_finalize did it already) */
    else if (x->layout == KR_LAYOUT_SIDE) {
        kr_side_entry *e = side_find(vm, o);
        if (e) {
            e->key = SIDE_DELETED;
            e->dict = KR_NULL;
        }
    }
}

/* ------------------------------------------------------------------------------------------------ */
/* the slot table: which dunder names map to which kr_type slot                                     */

enum slot_kind {
    SK_REPR, SK_STR, SK_HASH, SK_RICHCMP, SK_GETATTRIBUTE, SK_GETATTR, SK_SETATTR, SK_DELATTR, SK_GET,
    SK_SET, SK_DELETE, SK_CALL, SK_ITER, SK_NEXT, SK_LEN, SK_GETITEM, SK_SETITEM, SK_DELITEM, SK_CONTAINS,
    SK_BOOL, SK_BINOP, SK_RBINOP, SK_INPLACE, SK_UNOP, SK_INDEX, SK_INIT, SK_NEW, SK_DEL
};
_Static_assert(SK_NEW == 26, "descr.c's SK_NEW_KIND must match");
_Static_assert(SK_INIT == 25, "descr.c's SK_INIT_KIND must match");

typedef struct slotdef {
    int name;      /* enum kr_name_id */
    int kind;      /* enum slot_kind */
    int op;
    size_t offset; /* of the function pointer in kr_type */
    kr_anyfn generic;
} slotdef;

/* ---- generic slots (heap types): look the dunder up on type(self) and call it ---- */

/* Look up special method `name` on type(self). Returns KR_NULL (no exception) when absent. When the
 * result is a plain function or method descriptor, *unbound = true and the caller passes self. */
static kr_value lookup_special(kr_vm *vm, kr_value self, kr_value name, bool *unbound)
{
    kr_type *tp = kr_type_of(vm, self);
    kr_value f = kr_type_lookup(vm, tp, name);
    *unbound = false;
    if (!f)
        return KR_NULL;
    kr_type *ft = kr_type_of(vm, f);
    if (ft == vm->t.function || ft == vm->method_descr_type || ft == vm->t.slot_wrapper) {
        *unbound = true;
        return f;
    }
    if (ft->descr_get)
        return ft->descr_get(vm, f, self, KR_VAL(tp));
    return f;
}

/* Call f (from lookup_special) with self prepended when unbound. args: nargs positional + keywords. */
static kr_value call_special(kr_vm *vm, kr_value f, bool unbound, kr_value self, kr_value *args, int nargs,
                             kr_value kwnames)
{
    /* a Python function (the usual dunder): its frame takes self and the arguments directly, and holds
     * the function once linked (nothing collects before) */
    if (unbound && kr_is_ptr(f) && KR_OBJ(f)->type == vm->t.function)
        return kr_interp_call_self(vm, f, self, args, nargs, kwnames);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &f);
    kr_value r;
    if (!unbound) {
        r = kr_call(vm, f, args, nargs, kwnames);
    } else {
        int nkw = kwnames ? (int)kr_tuple_size(kwnames) : 0;
        int total = nargs + nkw + 1;
        kr_value small[8];
        kr_value *buf = total <= 8 ? small : kr_mem_alloc(vm, (size_t)total * sizeof(kr_value));
        if (!buf) {
            kr_root_reset(vm, m);
            return KR_NULL;
        }
        buf[0] = self;
        if (nargs + nkw)
            memcpy(buf + 1, args, (size_t)(nargs + nkw) * sizeof(kr_value));
        r = kr_call(vm, f, buf, nargs + 1, kwnames);
        if (buf != small)
            kr_mem_free(vm, buf);
    }
    kr_root_reset(vm, m);
    return r;
}

/* self.name(*args); KR_NULL + AttributeError(name) when absent (CPython's lookup_method). */
static kr_value call_method_id(kr_vm *vm, kr_value self, int name_id, kr_value *args, int nargs)
{
    bool unbound;
    kr_value name = vm->names[name_id];
    kr_value f = lookup_special(vm, self, name, &unbound);
    if (!f) {
        if (!kr_err_occurred(vm))
            kr_raise(vm, KR_EXC(vm, AttributeError), "%s", kr_str_data(name));
        return KR_NULL;
    }
    return call_special(vm, f, unbound, self, args, nargs, KR_NULL);
}

static kr_value slot_repr(kr_vm *vm, kr_value self) { return call_method_id(vm, self, KR_NAME___repr__, NULL, 0); }

/* py_finalize of a class with __del__: the collector found an instance unreachable (gc/gc.h; each
 * instance once, kr_instance_new registered it). As CPython, an exception it raises is reported
 * ("Exception ignored in: <the __del__ function's repr>" and the traceback on stderr) and dropped. */
static void slot_del(kr_vm *vm, kr_value self)
{
    bool unbound;
    size_t m = kr_root_mark(vm);
    kr_value f = lookup_special(vm, self, KR_NAME(vm, __del__), &unbound), exc = KR_NULL;
    kr_root_push(vm, &f);
    kr_root_push(vm, &exc);
    if (f && call_special(vm, f, unbound, self, NULL, 0, KR_NULL)) {
        kr_root_reset(vm, m);
        return;
    }
    if (!kr_err_occurred(vm)) {
        kr_root_reset(vm, m);
        return; /* __del__ gone from the class since */
    }
    exc = kr_err_fetch(vm);
    kr_value r = f ? kr_repr(vm, f) : KR_NULL;
    fflush(stdout);
    fprintf(stderr, "Exception ignored in: %s\n", r ? kr_str_data(r) : "<__del__>");
    if (!r)
        kr_err_clear(vm);
    kr_traceback_print(vm, exc, stderr);
    kr_root_reset(vm, m);
}
static kr_value slot_str(kr_vm *vm, kr_value self) { return call_method_id(vm, self, KR_NAME___str__, NULL, 0); }

static int64_t slot_hash(kr_vm *vm, kr_value self)
{
    bool unbound;
    kr_value f = lookup_special(vm, self, KR_NAME(vm, __hash__), &unbound);
    if (!f || f == KR_NONE) {
        if (!kr_err_occurred(vm))
            kr_raise(vm, KR_EXC(vm, TypeError), "unhashable type: '%s'", kr_typename(vm, self));
        return -1;
    }
    kr_value r = call_special(vm, f, unbound, self, NULL, 0, KR_NULL);
    if (!r)
        return -1;
    if (!kr_is_int(vm, r)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "__hash__ method should return an integer");
        return -1;
    }
    /* As CPython: a result that fits in a machine word is the hash itself (-1 reserved for errors),
     * a larger one is reduced with int's own hash. Tagged small ints hold only 62 bits, so a word-sized
     * result such as hash(some_str) returned by a user __hash__ may arrive as a big int. */
    kr_value core = kr_int_value(vm, r);
    int64_t h;
    if (kr_is_small(core)) {
        h = kr_small_val(core);
    } else {
        mpz_t storage;
        mp_limb_t limb;
        mpz_srcptr z = kr_int_view(core, storage, &limb);
        if (!mpz_fits_slong_p(z))
            return kr_hash(vm, core);
        h = mpz_get_si(z);
    }
    return h == -1 ? -2 : h;
}

static const int cmp_names[KR_CMP_COUNT] = {KR_NAME___lt__, KR_NAME___le__, KR_NAME___eq__,
                                            KR_NAME___ne__, KR_NAME___gt__, KR_NAME___ge__};

static kr_value slot_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    bool unbound;
    kr_value f = lookup_special(vm, a, vm->names[cmp_names[op]], &unbound);
    if (!f)
        return kr_err_occurred(vm) ? KR_NULL : KR_NOTIMPL;
    if (f == KR_NONE)
        return KR_NOTIMPL;
    return call_special(vm, f, unbound, a, &b, 1, KR_NULL);
}

/* __getattribute__ / __getattr__ hook (CPython's slot_tp_getattr_hook). */
static kr_value slot_getattr(kr_vm *vm, kr_value self, kr_value name)
{
    kr_type *tp = kr_type_of(vm, self);
    kr_value ga = kr_type_lookup(vm, tp, KR_NAME(vm, __getattribute__));
    kr_value r;
    if (ga && kr_type_of(vm, ga) == vm->t.slot_wrapper) {
        kr_value (*fn)(kr_vm *, kr_value, kr_value) =
            (kr_value(*)(kr_vm *, kr_value, kr_value))KR_AS(kr_slot_wrapper, ga)->fn;
        r = fn(vm, self, name);
    } else if (ga) {
        bool unbound;
        kr_value f = lookup_special(vm, self, KR_NAME(vm, __getattribute__), &unbound);
        r = f ? call_special(vm, f, unbound, self, &name, 1, KR_NULL) : KR_NULL;
    } else {
        r = kr_generic_getattr(vm, self, name);
    }
    if (r || !kr_err_matches(vm, KR_EXC(vm, AttributeError)))
        return r;
    bool unbound;
    kr_value f = lookup_special(vm, self, KR_NAME(vm, __getattr__), &unbound);
    if (!f)
        return KR_NULL; /* keep the AttributeError */
    kr_err_clear(vm);
    return call_special(vm, f, unbound, self, &name, 1, KR_NULL);
}

static int slot_setattr(kr_vm *vm, kr_value self, kr_value name, kr_value value)
{
    kr_value dname = value ? KR_NAME(vm, __setattr__) : KR_NAME(vm, __delattr__);
    kr_value f = kr_type_lookup(vm, kr_type_of(vm, self), dname);
    if (f && kr_type_of(vm, f) == vm->t.slot_wrapper) {
        /* object.__setattr__ (or a builtin base's): call the C slot directly */
        int (*fn)(kr_vm *, kr_value, kr_value, kr_value) =
            (int (*)(kr_vm *, kr_value, kr_value, kr_value))KR_AS(kr_slot_wrapper, f)->fn;
        return fn(vm, self, name, value);
    }
    bool unbound;
    f = lookup_special(vm, self, dname, &unbound);
    if (!f) {
        if (!kr_err_occurred(vm))
            return kr_generic_setattr(vm, self, name, value);
        return -1;
    }
    kr_value args[2] = {name, value};
    kr_value r = call_special(vm, f, unbound, self, args, value ? 2 : 1, KR_NULL);
    return r ? 0 : -1;
}

static kr_value slot_descr_get(kr_vm *vm, kr_value descr, kr_value obj, kr_value owner)
{
    bool unbound;
    kr_value f = lookup_special(vm, descr, KR_NAME(vm, __get__), &unbound);
    if (!f)
        return kr_err_occurred(vm) ? KR_NULL : descr;
    kr_value args[2] = {obj ? obj : KR_NONE, owner ? owner : KR_NONE};
    return call_special(vm, f, unbound, descr, args, 2, KR_NULL);
}

static int slot_descr_set(kr_vm *vm, kr_value descr, kr_value obj, kr_value value)
{
    kr_value r = value ? call_method_id(vm, descr, KR_NAME___set__, (kr_value[]){obj, value}, 2)
                       : call_method_id(vm, descr, KR_NAME___delete__, &obj, 1);
    return r ? 0 : -1;
}

static kr_value slot_call(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    bool unbound;
    kr_value f = lookup_special(vm, self, KR_NAME(vm, __call__), &unbound);
    if (!f) {
        if (!kr_err_occurred(vm))
            kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object is not callable", kr_typename(vm, self));
        return KR_NULL;
    }
    return call_special(vm, f, unbound, self, args, nargs, kwnames);
}

static kr_value slot_iter(kr_vm *vm, kr_value self)
{
    bool unbound;
    kr_value f = lookup_special(vm, self, KR_NAME(vm, __iter__), &unbound);
    if (!f || f == KR_NONE) {
        if (!kr_err_occurred(vm))
            kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object is not iterable", kr_typename(vm, self));
        return KR_NULL;
    }
    return call_special(vm, f, unbound, self, NULL, 0, KR_NULL);
}

static kr_value slot_next(kr_vm *vm, kr_value self)
{
    kr_value r = call_method_id(vm, self, KR_NAME___next__, NULL, 0);
    if (!r && kr_err_matches(vm, KR_EXC(vm, StopIteration)))
        kr_err_clear(vm); /* exhausted: KR_NULL without exception */
    return r;
}

kr_value kr_type_next_keep_stop(kr_vm *vm, kr_value it)
{
    kr_type *t = kr_type_of(vm, it);
    if (t->next == slot_next) /* the class's __next__, its StopIteration left pending */
        return call_method_id(vm, it, KR_NAME___next__, NULL, 0);
    if (!t->next)
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object is not an iterator", t->name_c);
    return t->next(vm, it);
}

/* The value of __len__/__index__-like results as int64 with CPython's checks. */
static int64_t slot_len(kr_vm *vm, kr_value self)
{
    kr_value r = call_method_id(vm, self, KR_NAME___len__, NULL, 0);
    if (!r)
        return -1;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &r);
    kr_value i = kr_index(vm, r);
    kr_root_reset(vm, m);
    if (!i)
        return -1;
    if (kr_int_sign(i) < 0) {
        kr_raise(vm, KR_EXC(vm, ValueError), "__len__() should return >= 0");
        return -1;
    }
    int64_t n;
    if (kr_int_to_i64(vm, i, &n) < 0) {
        kr_err_clear(vm);
        kr_raise(vm, KR_EXC(vm, OverflowError), "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    return n;
}

static kr_value slot_getitem(kr_vm *vm, kr_value self, kr_value key)
{
    return call_method_id(vm, self, KR_NAME___getitem__, &key, 1);
}

static int slot_setitem(kr_vm *vm, kr_value self, kr_value key, kr_value value)
{
    kr_value r = value ? call_method_id(vm, self, KR_NAME___setitem__, (kr_value[]){key, value}, 2)
                       : call_method_id(vm, self, KR_NAME___delitem__, &key, 1);
    return r ? 0 : -1;
}

static int slot_contains(kr_vm *vm, kr_value self, kr_value item)
{
    bool unbound;
    kr_value f = lookup_special(vm, self, KR_NAME(vm, __contains__), &unbound);
    if (f == KR_NONE) {
        kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object is not a container", kr_typename(vm, self));
        return -1;
    }
    if (!f) {
        if (kr_err_occurred(vm))
            return -1;
        /* fall back to iteration, as CPython's _PySequence_IterSearch */
        kr_value it = kr_iter(vm, self);
        if (!it)
            return -1;
        size_t m = kr_root_mark(vm);
        kr_root_push(vm, &it);
        int res = 0;
        for (;;) {
            kr_value v = kr_next(vm, it);
            if (!v) {
                res = kr_err_occurred(vm) ? -1 : 0;
                break;
            }
            int eq = kr_eq(vm, v, item);
            if (eq != 0) {
                res = eq;
                break;
            }
        }
        kr_root_reset(vm, m);
        return res;
    }
    kr_value r = call_special(vm, f, unbound, self, &item, 1, KR_NULL);
    if (!r)
        return -1;
    return kr_truthy(vm, r);
}

static int slot_bool(kr_vm *vm, kr_value self)
{
    bool unbound;
    kr_value f = lookup_special(vm, self, KR_NAME(vm, __bool__), &unbound);
    if (!f) {
        if (kr_err_occurred(vm))
            return -1;
        kr_type *tp = kr_type_of(vm, self);
        if (tp->len) {
            int64_t n = tp->len(vm, self);
            return n < 0 ? -1 : n > 0;
        }
        return 1;
    }
    kr_value r = call_special(vm, f, unbound, self, NULL, 0, KR_NULL);
    if (!r)
        return -1;
    if (!kr_is_bool(r)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "__bool__ should return bool, returned %s", kr_typename(vm, r));
        return -1;
    }
    return r == KR_TRUE;
}

static const int binop_names[KR_BINOP_COUNT] = {
    KR_NAME___add__, KR_NAME___sub__, KR_NAME___mul__, KR_NAME___matmul__, KR_NAME___truediv__,
    KR_NAME___floordiv__, KR_NAME___mod__, KR_NAME___pow__, KR_NAME___lshift__, KR_NAME___rshift__,
    KR_NAME___and__, KR_NAME___xor__, KR_NAME___or__};
static const int rbinop_names[KR_BINOP_COUNT] = {
    KR_NAME___radd__, KR_NAME___rsub__, KR_NAME___rmul__, KR_NAME___rmatmul__, KR_NAME___rtruediv__,
    KR_NAME___rfloordiv__, KR_NAME___rmod__, KR_NAME___rpow__, KR_NAME___rlshift__, KR_NAME___rrshift__,
    KR_NAME___rand__, KR_NAME___rxor__, KR_NAME___ror__};
static const int ibinop_names[KR_BINOP_COUNT] = {
    KR_NAME___iadd__, KR_NAME___isub__, KR_NAME___imul__, KR_NAME___imatmul__, KR_NAME___itruediv__,
    KR_NAME___ifloordiv__, KR_NAME___imod__, KR_NAME___ipow__, KR_NAME___ilshift__, KR_NAME___irshift__,
    KR_NAME___iand__, KR_NAME___ixor__, KR_NAME___ior__};
static const int unop_names[KR_UNOP_COUNT] = {KR_NAME___neg__, KR_NAME___pos__, KR_NAME___invert__,
                                              KR_NAME___abs__};

/* Call self.<name>(other) if type(self) has it (None counts as absent); KR_NOTIMPL when it has not. */
static kr_value maybe_call_binary(kr_vm *vm, kr_value self, int name_id, kr_value other)
{
    bool unbound;
    kr_value f = lookup_special(vm, self, vm->names[name_id], &unbound);
    if (!f)
        return kr_err_occurred(vm) ? KR_NULL : KR_NOTIMPL;
    if (f == KR_NONE)
        return KR_NOTIMPL;
    return call_special(vm, f, unbound, self, &other, 1, KR_NULL);
}

static kr_value (*const *binop_generic_table(void))(kr_vm *, kr_value, kr_value);

/* CPython's SLOT1BINFULL: a's __op__, b's __rop__, with the subclass-first rule. */
static kr_value slot_binop_impl(kr_vm *vm, int op, kr_value a, kr_value b)
{
    kr_value (*self_slot)(kr_vm *, kr_value, kr_value) = binop_generic_table()[op];
    kr_type *ta = kr_type_of(vm, a), *tb = kr_type_of(vm, b);
    bool do_other = ta != tb && tb->binop[op] == self_slot;
    if (do_other && !kr_type_lookup(vm, tb, vm->names[rbinop_names[op]]))
        do_other = false;
    if (ta->binop[op] == self_slot) {
        if (do_other && kr_type_is_subtype(tb, ta)) {
            kr_value r = maybe_call_binary(vm, b, rbinop_names[op], a);
            if (r != KR_NOTIMPL)
                return r;
            do_other = false;
        }
        kr_value r = maybe_call_binary(vm, a, binop_names[op], b);
        if (r != KR_NOTIMPL || ta == tb)
            return r;
    }
    if (do_other)
        return maybe_call_binary(vm, b, rbinop_names[op], a);
    return KR_NOTIMPL;
}

static kr_value slot_inplace_impl(kr_vm *vm, int op, kr_value a, kr_value b)
{
    return maybe_call_binary(vm, a, ibinop_names[op], b);
}

static kr_value slot_unop_impl(kr_vm *vm, int op, kr_value a)
{
    return call_method_id(vm, a, unop_names[op], NULL, 0);
}

#define KR_BINOP_GENERIC(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12)
#define DEF_BIN(i) \
    static kr_value slot_binop_##i(kr_vm *vm, kr_value a, kr_value b) { return slot_binop_impl(vm, i, a, b); } \
    static kr_value slot_inplace_##i(kr_vm *vm, kr_value a, kr_value b) { return slot_inplace_impl(vm, i, a, b); }
KR_BINOP_GENERIC(DEF_BIN)
#undef DEF_BIN
static kr_value slot_unop_0(kr_vm *vm, kr_value a) { return slot_unop_impl(vm, 0, a); }
static kr_value slot_unop_1(kr_vm *vm, kr_value a) { return slot_unop_impl(vm, 1, a); }
static kr_value slot_unop_2(kr_vm *vm, kr_value a) { return slot_unop_impl(vm, 2, a); }
static kr_value slot_unop_3(kr_vm *vm, kr_value a) { return slot_unop_impl(vm, 3, a); }

static kr_value (*const slot_binops[KR_BINOP_COUNT])(kr_vm *, kr_value, kr_value) = {
#define REF_BIN(i) slot_binop_##i,
    KR_BINOP_GENERIC(REF_BIN)
#undef REF_BIN
};
static kr_value (*const *binop_generic_table(void))(kr_vm *, kr_value, kr_value) { return slot_binops; }
static kr_value (*const slot_inplaces[KR_BINOP_COUNT])(kr_vm *, kr_value, kr_value) = {
#define REF_INPLACE(i) slot_inplace_##i,
    KR_BINOP_GENERIC(REF_INPLACE)
#undef REF_INPLACE
};

bool kr_type_binop_same_class(kr_vm *vm, int op, bool inplace, kr_value a, kr_value b, kr_value *out)
{
    /* (an in-place ** is left out: its message says "**=", not the binary "** or pow()" + "=") */
    if (!kr_is_ptr(a) || !kr_is_ptr(b) || op < 0 || op >= KR_BINOP_COUNT || (inplace && op == KR_OP_POW))
        return false;
    kr_type *t = KR_OBJ(a)->type;
    if (KR_OBJ(b)->type != t || t->binop[op] != slot_binops[op])
        return false;
    /* in place: kr_inplace_op's slot finds no __iop__ (NotImplemented, nothing run), then binary_op1 */
    if (inplace && t->inplace[op] &&
        (t->inplace[op] != slot_inplaces[op] || kr_type_lookup(vm, t, vm->names[ibinop_names[op]])))
        return false;
    /* maybe_call_binary's lookup_special: a plain function is called unbound with self */
    kr_value f = kr_type_lookup(vm, t, vm->names[binop_names[op]]);
    if (!f || !kr_is_ptr(f) || KR_OBJ(f)->type != vm->t.function)
        return false;
    kr_value r = kr_interp_call_self(vm, f, a, &b, 1, KR_NULL);
    if (r == KR_NOTIMPL) /* same class: no reflected operand to try */
        r = kr_raise(vm, KR_EXC(vm, TypeError), "unsupported operand type(s) for %s%s: '%s' and '%s'",
                     kr_binop_symbol(op), inplace ? "=" : "", kr_typename(vm, a), kr_typename(vm, b));
    *out = r;
    return true;
}

static kr_value slot_pow3(kr_vm *vm, kr_value a, kr_value b, kr_value mod)
{
    kr_type *ta = kr_type_of(vm, a);
    if (ta->pow3 != slot_pow3)
        return KR_NOTIMPL; /* three-argument pow never tries __rpow__ with the modulus */
    bool unbound;
    kr_value f = lookup_special(vm, a, KR_NAME(vm, __pow__), &unbound);
    if (!f || f == KR_NONE)
        return kr_err_occurred(vm) ? KR_NULL : KR_NOTIMPL;
    kr_value args[2] = {b, mod};
    return call_special(vm, f, unbound, a, args, 2, KR_NULL);
}

static kr_value slot_index(kr_vm *vm, kr_value self) { return call_method_id(vm, self, KR_NAME___index__, NULL, 0); }

static int slot_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    bool unbound;
    kr_value f = lookup_special(vm, self, KR_NAME(vm, __init__), &unbound);
    if (!f) {
        if (!kr_err_occurred(vm))
            kr_raise(vm, KR_EXC(vm, AttributeError), "__init__");
        return -1;
    }
    kr_value r = call_special(vm, f, unbound, self, args, nargs, kwnames);
    if (!r)
        return -1;
    if (r != KR_NONE) {
        kr_raise(vm, KR_EXC(vm, TypeError), "__init__() should return None, not '%s'", kr_typename(vm, r));
        return -1;
    }
    return 0;
}

static kr_value slot_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    kr_value f = kr_type_lookup(vm, cls, KR_NAME(vm, __new__));
    if (!f)
        return kr_raise(vm, KR_EXC(vm, TypeError), "cannot create '%s' instances", cls->name_c);
    kr_type *ft = kr_type_of(vm, f);
    if (ft->descr_get && ft != vm->t.function) {
        f = ft->descr_get(vm, f, KR_NULL, KR_VAL(cls)); /* staticmethod → the function */
        if (!f)
            return KR_NULL;
    }
    return call_special(vm, f, true, KR_VAL(cls), args, nargs, kwnames);
}

kr_value kr_type_python_init(kr_vm *vm, kr_type *cls)
{
    if (KR_OBJ(cls)->type != vm->t.type || cls->init != slot_init || !cls->new_ || cls->new_ == slot_new ||
        (cls->flags & KR_TF_ABSTRACT))
        return KR_NULL;
    kr_value f = kr_type_lookup(vm, cls, KR_NAME(vm, __init__));
    if (!f || !kr_is_ptr(f) || KR_OBJ(f)->type != vm->t.function ||
        (kr_code_of(KR_AS(kr_function, f)->code)->flags & KR_CODE_GENERATOR))
        return KR_NULL;
    return f;
}

#define SLOT(n, kind, op, field, gen) {KR_NAME_##n, kind, op, offsetof(kr_type, field), (kr_anyfn)(gen)}
#define BSLOT(i, n, rn, in)                                                                            \
    SLOT(n, SK_BINOP, i, binop[i], slot_binop_##i), SLOT(rn, SK_RBINOP, i, binop[i], slot_binop_##i), \
        SLOT(in, SK_INPLACE, i, inplace[i], slot_inplace_##i)

static const slotdef slotdefs[] = {
    SLOT(__repr__, SK_REPR, 0, repr, slot_repr),
    SLOT(__str__, SK_STR, 0, str, slot_str),
    SLOT(__hash__, SK_HASH, 0, hash, slot_hash),
    SLOT(__lt__, SK_RICHCMP, KR_CMP_LT, richcompare, slot_richcompare),
    SLOT(__le__, SK_RICHCMP, KR_CMP_LE, richcompare, slot_richcompare),
    SLOT(__eq__, SK_RICHCMP, KR_CMP_EQ, richcompare, slot_richcompare),
    SLOT(__ne__, SK_RICHCMP, KR_CMP_NE, richcompare, slot_richcompare),
    SLOT(__gt__, SK_RICHCMP, KR_CMP_GT, richcompare, slot_richcompare),
    SLOT(__ge__, SK_RICHCMP, KR_CMP_GE, richcompare, slot_richcompare),
    SLOT(__getattribute__, SK_GETATTRIBUTE, 0, getattr, slot_getattr),
    SLOT(__getattr__, SK_GETATTR, 0, getattr, slot_getattr),
    SLOT(__setattr__, SK_SETATTR, 0, setattr, slot_setattr),
    SLOT(__delattr__, SK_DELATTR, 0, setattr, slot_setattr),
    SLOT(__get__, SK_GET, 0, descr_get, slot_descr_get),
    SLOT(__set__, SK_SET, 0, descr_set, slot_descr_set),
    SLOT(__delete__, SK_DELETE, 0, descr_set, slot_descr_set),
    SLOT(__call__, SK_CALL, 0, call, slot_call),
    SLOT(__iter__, SK_ITER, 0, iter, slot_iter),
    SLOT(__next__, SK_NEXT, 0, next, slot_next),
    SLOT(__len__, SK_LEN, 0, len, slot_len),
    SLOT(__getitem__, SK_GETITEM, 0, getitem, slot_getitem),
    SLOT(__setitem__, SK_SETITEM, 0, setitem, slot_setitem),
    SLOT(__delitem__, SK_DELITEM, 0, setitem, slot_setitem),
    SLOT(__contains__, SK_CONTAINS, 0, contains, slot_contains),
    SLOT(__bool__, SK_BOOL, 0, bool_, slot_bool),
    BSLOT(0, __add__, __radd__, __iadd__),
    BSLOT(1, __sub__, __rsub__, __isub__),
    BSLOT(2, __mul__, __rmul__, __imul__),
    BSLOT(3, __matmul__, __rmatmul__, __imatmul__),
    BSLOT(4, __truediv__, __rtruediv__, __itruediv__),
    BSLOT(5, __floordiv__, __rfloordiv__, __ifloordiv__),
    BSLOT(6, __mod__, __rmod__, __imod__),
    BSLOT(7, __pow__, __rpow__, __ipow__),
    BSLOT(8, __lshift__, __rlshift__, __ilshift__),
    BSLOT(9, __rshift__, __rrshift__, __irshift__),
    BSLOT(10, __and__, __rand__, __iand__),
    BSLOT(11, __xor__, __rxor__, __ixor__),
    BSLOT(12, __or__, __ror__, __ior__),
    SLOT(__neg__, SK_UNOP, KR_UNARY_NEG, unop[KR_UNARY_NEG], slot_unop_0),
    SLOT(__pos__, SK_UNOP, KR_UNARY_POS, unop[KR_UNARY_POS], slot_unop_1),
    SLOT(__invert__, SK_UNOP, KR_UNARY_INVERT, unop[KR_UNARY_INVERT], slot_unop_2),
    SLOT(__abs__, SK_UNOP, KR_UNARY_ABS, unop[KR_UNARY_ABS], slot_unop_3),
    SLOT(__index__, SK_INDEX, 0, index, slot_index),
    SLOT(__init__, SK_INIT, 0, init, slot_init),
    SLOT(__new__, SK_NEW, 0, new_, slot_new),
    SLOT(__del__, SK_DEL, 0, py_finalize, slot_del),
};
#define NSLOTDEFS ((int)(sizeof slotdefs / sizeof slotdefs[0]))

static kr_anyfn slot_get(const kr_type *t, size_t offset)
{
    kr_anyfn f;
    memcpy(&f, (const char *)t + offset, sizeof f);
    return f;
}
static void slot_put(kr_type *t, size_t offset, kr_anyfn f) { memcpy((char *)t + offset, &f, sizeof f); }

/* ------------------------------------------------------------------------------------------------ */
/* slot wrappers for builtin types (e.g. int.__add__)                                               */

kr_value kr_slot_wrapper_call(kr_vm *vm, kr_value descr, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    kr_slot_wrapper *w = KR_AS(kr_slot_wrapper, descr);
    const char *name = kr_str_data(w->name);
    if (w->kind != SK_INIT && w->kind != SK_CALL && w->kind != SK_NEW && kwnames && kr_tuple_size(kwnames))
        return kr_raise(vm, KR_EXC(vm, TypeError), "wrapper %s() takes no keyword arguments", name);
    int want;
    switch (w->kind) {
    case SK_REPR: case SK_STR: case SK_HASH: case SK_ITER: case SK_NEXT: case SK_LEN: case SK_BOOL:
    case SK_UNOP: case SK_INDEX: case SK_DEL:
        want = 0; break;
    case SK_SETATTR: case SK_SET: case SK_SETITEM:
        want = 2; break;
    case SK_GET:
        if (nargs < 1 || nargs > 2)
            return kr_raise(vm, KR_EXC(vm, TypeError), "expected 1 or 2 arguments, got %d", nargs);
        want = nargs; break;
    case SK_BINOP: case SK_RBINOP:
        if (w->op == KR_OP_POW && nargs == 2 && w->kind == SK_BINOP) {
            want = 2;
            break;
        }
        want = 1; break;
    case SK_INIT: case SK_CALL:
        want = -1; break;
    default:
        want = 1; break;
    }
    if (want >= 0 && nargs != want) {
        if (want == 0)
            return kr_raise(vm, KR_EXC(vm, TypeError), "expected 0 arguments, got %d", nargs);
        return kr_raise(vm, KR_EXC(vm, TypeError), "expected %d argument%s, got %d", want, want == 1 ? "" : "s", nargs);
    }
    kr_anyfn fn = w->fn;
    switch (w->kind) {
    case SK_REPR: case SK_STR: case SK_ITER: case SK_INDEX:
        return ((kr_value(*)(kr_vm *, kr_value))fn)(vm, self);
    case SK_UNOP:
        return ((kr_value(*)(kr_vm *, kr_value))fn)(vm, self);
    case SK_DEL: /* a builtin's finalizer (generator.__del__): reports its own errors */
        ((void (*)(kr_vm *, kr_value))fn)(vm, self);
        return KR_NONE;
    case SK_NEXT: {
        kr_value r = ((kr_value(*)(kr_vm *, kr_value))fn)(vm, self);
        if (!r && !kr_err_occurred(vm))
            return kr_raise_value(vm, KR_VAL(KR_EXC(vm, StopIteration)));
        return r;
    }
    case SK_HASH: {
        int64_t h = ((int64_t(*)(kr_vm *, kr_value))fn)(vm, self);
        if (h == -1 && kr_err_occurred(vm))
            return KR_NULL;
        return kr_int_from_i64(vm, h);
    }
    case SK_LEN: {
        int64_t n = ((int64_t(*)(kr_vm *, kr_value))fn)(vm, self);
        return n < 0 ? KR_NULL : kr_int_from_i64(vm, n);
    }
    case SK_BOOL: {
        int r = ((int (*)(kr_vm *, kr_value))fn)(vm, self);
        return r < 0 ? KR_NULL : kr_bool(r);
    }
    case SK_RICHCMP:
        return ((kr_value(*)(kr_vm *, kr_value, kr_value, int))fn)(vm, self, args[0], w->op);
    case SK_GETATTRIBUTE: case SK_GETATTR:
        if (!kr_is_str(vm, args[0]))
            return kr_raise(vm, KR_EXC(vm, TypeError), "attribute name must be string, not '%s'", kr_typename(vm, args[0]));
        return ((kr_value(*)(kr_vm *, kr_value, kr_value))fn)(vm, self, kr_intern_value(vm, args[0]));
    case SK_SETATTR: case SK_DELATTR: {
        if (!kr_is_str(vm, args[0]))
            return kr_raise(vm, KR_EXC(vm, TypeError), "attribute name must be string, not '%s'", kr_typename(vm, args[0]));
        kr_value n = kr_intern_value(vm, args[0]);
        if (!n)
            return KR_NULL;
        int r = ((int (*)(kr_vm *, kr_value, kr_value, kr_value))fn)(vm, self, n, w->kind == SK_SETATTR ? args[1] : KR_NULL);
        return r < 0 ? KR_NULL : KR_NONE;
    }
    case SK_GET: {
        kr_value obj = args[0] == KR_NONE ? KR_NULL : args[0];
        kr_value owner = nargs > 1 && args[1] != KR_NONE ? args[1] : KR_NULL;
        if (!obj && !owner)
            return kr_raise(vm, KR_EXC(vm, TypeError), "__get__(None, None) is invalid");
        return ((kr_value(*)(kr_vm *, kr_value, kr_value, kr_value))fn)(vm, self, obj, owner);
    }
    case SK_SET: case SK_DELETE: {
        int r = ((int (*)(kr_vm *, kr_value, kr_value, kr_value))fn)(vm, self, args[0], w->kind == SK_SET ? args[1] : KR_NULL);
        return r < 0 ? KR_NULL : KR_NONE;
    }
    case SK_CALL:
        return ((kr_value(*)(kr_vm *, kr_value, kr_value *, int, kr_value))fn)(vm, self, args, nargs, kwnames);
    case SK_GETITEM:
        return ((kr_value(*)(kr_vm *, kr_value, kr_value))fn)(vm, self, args[0]);
    case SK_SETITEM: case SK_DELITEM: {
        int r = ((int (*)(kr_vm *, kr_value, kr_value, kr_value))fn)(vm, self, args[0], w->kind == SK_SETITEM ? args[1] : KR_NULL);
        return r < 0 ? KR_NULL : KR_NONE;
    }
    case SK_CONTAINS: {
        int r = ((int (*)(kr_vm *, kr_value, kr_value))fn)(vm, self, args[0]);
        return r < 0 ? KR_NULL : kr_bool(r);
    }
    case SK_BINOP:
        if (nargs == 2) { /* __pow__(b, mod) */
            kr_type *t = kr_type_of(vm, self);
            if (!t->pow3)
                return KR_NOTIMPL;
            return t->pow3(vm, self, args[0], args[1]);
        }
        return ((kr_value(*)(kr_vm *, kr_value, kr_value))fn)(vm, self, args[0]);
    case SK_RBINOP:
        return ((kr_value(*)(kr_vm *, kr_value, kr_value))fn)(vm, args[0], self);
    case SK_INPLACE:
        return ((kr_value(*)(kr_vm *, kr_value, kr_value))fn)(vm, self, args[0]);
    case SK_INIT: {
        int r = ((int (*)(kr_vm *, kr_value, kr_value *, int, kr_value))fn)(vm, self, args, nargs, kwnames);
        return r < 0 ? KR_NULL : KR_NONE;
    }
    case SK_NEW:
        break;
    }
    return kr_raise(vm, KR_EXC(vm, SystemError), "bad slot wrapper");
}

/* __new__ of a builtin type: a static method taking the class first (CPython's tp_new_wrapper). */
kr_value kr_new_wrapper_call(kr_vm *vm, kr_value descr, kr_value *args, int nargs, kr_value kwnames)
{
    kr_slot_wrapper *w = KR_AS(kr_slot_wrapper, descr);
    kr_type *owner = w->owner;
    if (nargs < 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s.__new__(): not enough arguments", owner->name_c);
    kr_value c = args[0];
    if (!kr_is_ptr(c) || !kr_type_is_subtype(KR_OBJ(c)->type, vm->t.type))
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s.__new__(X): X is not a type object (%s)", owner->name_c,
                        kr_typename(vm, c));
    kr_type *cls = KR_AS(kr_type, c);
    if (!kr_type_is_subtype(cls, owner))
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s.__new__(%s): %s is not a subtype of %s", owner->name_c,
                        cls->name_c, cls->name_c, owner->name_c);
    /* the most derived builtin base must use this very __new__ ("is not safe") */
    kr_type *sb = KR_TX(cls)->builtin_base ? KR_TX(cls)->builtin_base : cls;
    if (sb->new_ != (kr_value(*)(kr_vm *, kr_type *, kr_value *, int, kr_value))w->fn)
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s.__new__(%s) is not safe, use %s.__new__()", owner->name_c,
                        cls->name_c, sb->name_c);
    kr_value (*fn)(kr_vm *, kr_type *, kr_value *, int, kr_value) =
        (kr_value(*)(kr_vm *, kr_type *, kr_value *, int, kr_value))w->fn;
    return fn(vm, cls, args + 1, nargs - 1, kwnames);
}

static int add_wrapper(kr_vm *vm, kr_type *t, const slotdef *sd, kr_anyfn fn)
{
    kr_value name = vm->names[sd->name];
    if (kr_dict_get_str(vm, t->dict, name))
        return 0;
    kr_slot_wrapper *w = kr_gc_alloc(vm, vm->t.slot_wrapper, sizeof *w);
    if (!w)
        return -1;
    w->name = name;
    w->owner = t;
    w->kind = sd->kind;
    w->op = sd->op;
    w->fn = fn;
    return kr_dict_set(vm, t->dict, name, KR_VAL(w));
}

/* ------------------------------------------------------------------------------------------------ */
/* readying builtin types                                                                           */

kr_value kr_descr_new_method(kr_vm *vm, const kr_method_def *def, kr_type *owner);
extern const kr_method_def kr_class_getitem_def;
kr_value kr_descr_new_getset(kr_vm *vm, const kr_getset_def *def, kr_type *owner);

static void inherit_flags(kr_vm *vm, kr_type *t)
{
    const uint32_t inh = KR_TF_EXCEPTION | KR_TF_EXC_FIELDS | KR_TF_INT_SUBCLASS | KR_TF_STR_SUBCLASS | KR_TF_TUPLE_SUBCLASS |
                         KR_TF_LIST_SUBCLASS | KR_TF_DICT_SUBCLASS | KR_TF_TYPE_SUBCLASS;
    if (t->base)
        t->flags |= t->base->flags & inh;
    if (t == vm->t.int_) t->flags |= KR_TF_INT_SUBCLASS;
    if (t == vm->t.str) t->flags |= KR_TF_STR_SUBCLASS;
    if (t == vm->t.tuple) t->flags |= KR_TF_TUPLE_SUBCLASS;
    if (t == vm->t.list) t->flags |= KR_TF_LIST_SUBCLASS;
    if (t == vm->t.dict) t->flags |= KR_TF_DICT_SUBCLASS;
    if (t == vm->t.type) t->flags |= KR_TF_TYPE_SUBCLASS;
}

/* Copy every NULL slot from base. hash and richcompare are inherited together (a type that defines
 * equality without a hash is unhashable, as in CPython). */
static void inherit_slots(kr_type *t, kr_type *b)
{
#define INH(f) if (!t->f) t->f = b->f
    INH(trace); INH(finalize); INH(new_); INH(init); INH(repr); INH(str); INH(getattr); INH(setattr);
    INH(descr_get); INH(descr_set); INH(call); INH(iter); INH(next); INH(len); INH(getitem); INH(setitem);
    INH(contains); INH(bool_); INH(index); INH(pow3); INH(getbuffer);
    for (int i = 0; i < KR_BINOP_COUNT; i++) {
        INH(binop[i]);
        INH(inplace[i]);
    }
    for (int i = 0; i < KR_UNOP_COUNT; i++)
        INH(unop[i]);
#undef INH
    if (!t->richcompare && !t->hash) {
        t->richcompare = b->richcompare;
        t->hash = b->hash;
    }
    if (!t->attrs_offset)
        t->attrs_offset = b->attrs_offset;
}

static kr_value split_name(kr_vm *vm, const char *full, kr_value *module)
{
    const char *dot = strrchr(full, '.');
    if (!dot) {
        *module = kr_intern(vm, "builtins");
        return kr_intern(vm, full);
    }
    *module = kr_str_new(vm, full, (size_t)(dot - full));
    return kr_intern(vm, dot + 1);
}

int kr_type_ready(kr_vm *vm, kr_type *t)
{
    if (t->flags & KR_TF_READY)
        return 0;
    kr_typex *x = KR_TX(t);
    if (t != vm->t.object && !t->base)
        t->base = vm->t.object;
    kr_type *b = t->base;
    if (b && kr_type_ready(vm, b) < 0)
        return -1;
    if (t == vm->t.bool_) {
        vm->imm_types[KR_IMM_TRUE] = t;
        vm->imm_types[KR_IMM_FALSE] = t;
    }
    if (!t->name) {
        kr_value mod;
        t->name = split_name(vm, t->name_c, &mod);
        if (!t->name || !mod)
            return -1;
        /* a builtin type keeps its full static name ("collections.deque"), which messages show as
         * CPython shows tp_name; __name__ is the part after the dot */
        if (t->flags & KR_TF_HEAPTYPE)
            t->name_c = kr_str_data(t->name);
        if (!t->module)
            t->module = mod;
    }
    if (!t->qualname)
        t->qualname = t->name;
    if (!t->bases) {
        t->bases = b ? kr_tuple_pack(vm, 1, KR_VAL(b)) : vm->empty_tuple;
        if (!t->bases)
            return -1;
    }
    if (!t->mro) {
        int64_t nb = b ? kr_tuple_size(b->mro) : 0;
        kr_value mro = kr_tuple_new(vm, nb + 1);
        if (!mro)
            return -1;
        kr_tuple_items(mro)[0] = KR_VAL(t);
        for (int64_t i = 0; i < nb; i++)
            kr_tuple_items(mro)[i + 1] = kr_tuple_items(b->mro)[i];
        t->mro = mro;
    }
    if (!t->dict && !(t->dict = kr_dict_new(vm)))
        return -1;
    inherit_flags(vm, t);
    if (t->methods)
        for (const kr_method_def *m = t->methods; m->name; m++) {
            kr_value d = kr_descr_new_method(vm, m, t);
            if (!d || kr_dict_set_cstr(vm, t->dict, m->name, d) < 0)
                return -1;
        }
    if (t->getsets)
        for (const kr_getset_def *g = t->getsets; g->name; g++) {
            kr_value d = kr_descr_new_getset(vm, g, t);
            if (!d || kr_dict_set_cstr(vm, t->dict, g->name, d) < 0)
                return -1;
        }
    /* slot wrappers for the slots this type defines itself (not inherited) */
    bool own_hash_missing = b && t->richcompare && !t->hash && t->richcompare != b->richcompare;
    for (int i = 0; i < NSLOTDEFS; i++) {
        const slotdef *sd = &slotdefs[i];
        kr_anyfn f = slot_get(t, sd->offset);
        if (!f || (b && f == slot_get(b, sd->offset)))
            continue;
        if (sd->kind == SK_GETATTR)
            continue; /* builtin getattr slots are __getattribute__ */
        if (f == (kr_anyfn)kr_hash_unhashable) {
            if (kr_dict_set(vm, t->dict, KR_NAME(vm, __hash__), KR_NONE) < 0)
                return -1;
            continue;
        }
        if (add_wrapper(vm, t, sd, f) < 0)
            return -1;
    }
    if (b)
        inherit_slots(t, b);
    if (own_hash_missing && !kr_dict_get_str(vm, t->dict, KR_NAME(vm, __hash__)))
        if (kr_dict_set(vm, t->dict, KR_NAME(vm, __hash__), KR_NONE) < 0)
            return -1;
    if (!kr_dict_get_str(vm, t->dict, KR_NAME(vm, __doc__)))
        if (kr_dict_set(vm, t->dict, KR_NAME(vm, __doc__), KR_NONE) < 0)
            return -1;
    /* list[int] etc. make a types.GenericAlias (this replaces a placeholder method table entry) */
    if (t == vm->t.list || t == vm->t.dict || t == vm->t.tuple || t == vm->t.set || t == vm->t.frozenset) {
        kr_value d = kr_cfunction_new(vm, &kr_class_getitem_def, t, KR_NULL);
        if (!d || kr_dict_set(vm, t->dict, KR_NAME(vm, __class_getitem__), d) < 0)
            return -1;
    }
    x->builtin_base = t;
    x->layout = KR_LAYOUT_PLAIN;
    /* A builtin's attrs_offset is where its heap subclasses keep their attribute dict; only some builtin
     * types' own instances have a __dict__ (functions, exceptions, modules, classmethod...), never the
     * containers and numbers ([].x = 1 is an AttributeError). */
    x->has_dict = t->attrs_offset != 0 && t != vm->t.list && t != vm->t.dict && t != vm->t.set &&
                  t != vm->t.frozenset && t != vm->t.bytearray && t != vm->t.tuple && t != vm->t.str &&
                  t != vm->t.bytes && t != vm->t.int_ && t != vm->t.float_ && !(b && !KR_TX(b)->has_dict && b->attrs_offset == t->attrs_offset && b != vm->t.object);
    /* variable-size instances (and bytearray, which allocates a fixed sizeof for every subclass): heap
     * subclasses keep their attribute dict in the side table */
    /* Exceptions keep their attributes in kr_instance's storage at the start of kr_exception (object.h) */
    if (t->flags & KR_TF_EXCEPTION) {
        x->layout = KR_LAYOUT_INSTANCE;
        x->has_dict = true;
    }
    x->varsize = t == vm->t.tuple || t == vm->t.str || t == vm->t.bytes || t == vm->t.bytearray ||
                 (b && KR_TX(b)->varsize);
    t->flags |= KR_TF_READY;
    /* A type made at start-up and readied later (a module's types at import) may be old: its name,
     * bases, mro and dict were stored above without barriers. */
    kr_gc_barrier_all(vm, &t->ob);
    return 0;
}

int kr_type_setup(kr_vm *vm)
{
    (void)vm;
    return 0;
}

/* ------------------------------------------------------------------------------------------------ */
/* heap type slots: install generic slots for the dunders a heap class (or a heap base) defines     */

static kr_value object_str(kr_vm *vm, kr_value self);

/* Is `name` defined by a heap type on t's MRO before any builtin type defines it? *val gets it. */
static bool heap_defines(kr_vm *vm, kr_type *t, kr_value name, kr_value *val)
{
    kr_type *where = NULL;
    kr_value v = lookup_where(vm, t, name, &where);
    if (val)
        *val = v;
    return v && where && (where->flags & KR_TF_HEAPTYPE);
}

/* Recompute one kr_type slot (identified by the offset) of heap type t. */
static void fix_slot(kr_vm *vm, kr_type *t, size_t offset)
{
    kr_type *bb = KR_TX(t)->builtin_base;
    kr_anyfn inherited = slot_get(bb, offset);
    kr_anyfn generic = NULL;
    bool any = false;
    for (int i = 0; i < NSLOTDEFS; i++) {
        const slotdef *sd = &slotdefs[i];
        if (sd->offset != offset)
            continue;
        generic = sd->generic;
        kr_value v;
        if (heap_defines(vm, t, vm->names[sd->name], &v)) {
            if (sd->kind == SK_HASH && v == KR_NONE) {
                slot_put(t, offset, NULL); /* __hash__ = None: unhashable */
                return;
            }
            any = true;
        }
    }
    if (offset == offsetof(kr_type, hash) && !any) {
        /* a class that defines __eq__ (and so has __hash__ = None in its dict) was handled above; a
         * class inheriting richcompare generically keeps the builtin hash */
        slot_put(t, offset, inherited);
        return;
    }
    /* a builtin whose str is just its repr (int, float): str() must follow an overridden __repr__ */
    if (!any && offset == offsetof(kr_type, str) && inherited && inherited == (kr_anyfn)bb->repr)
        inherited = (kr_anyfn)object_str;
    slot_put(t, offset, any ? generic : inherited);
}

static void fix_all_slots(kr_vm *vm, kr_type *t)
{
    size_t last = (size_t)-1;
    for (int i = 0; i < NSLOTDEFS; i++) {
        if (slotdefs[i].offset == last)
            continue;
        last = slotdefs[i].offset;
        fix_slot(vm, t, last);
    }
    /* three-argument pow follows __pow__ */
    t->pow3 = heap_defines(vm, t, KR_NAME(vm, __pow__), NULL) ? slot_pow3 : KR_TX(t)->builtin_base->pow3;
    if (heap_defines(vm, t, KR_NAME(vm, __getattr__), NULL) || heap_defines(vm, t, KR_NAME(vm, __getattribute__), NULL) ||
        heap_defines(vm, t, KR_NAME(vm, __setattr__), NULL) || heap_defines(vm, t, KR_NAME(vm, __delattr__), NULL))
        t->flags |= KR_TF_CUSTOM_GETATTR;
    else
        t->flags &= ~(uint32_t)KR_TF_CUSTOM_GETATTR;
}

void kr_type_update_slot(kr_vm *vm, kr_type *t, kr_value name)
{
    if (!(t->flags & KR_TF_HEAPTYPE))
        return;
    for (int i = 0; i < NSLOTDEFS; i++)
        if (kr_str_equal(vm->names[slotdefs[i].name], name)) {
            fix_slot(vm, t, slotdefs[i].offset);
            if (slotdefs[i].name == KR_NAME___pow__)
                t->pow3 = heap_defines(vm, t, name, NULL) ? slot_pow3 : KR_TX(t)->builtin_base->pow3;
        }
    if (kr_str_equal(name, KR_NAME(vm, __getattr__)) || kr_str_equal(name, KR_NAME(vm, __getattribute__)) ||
        kr_str_equal(name, KR_NAME(vm, __setattr__)) || kr_str_equal(name, KR_NAME(vm, __delattr__)))
        fix_all_slots(vm, t);
    kr_value subs = KR_TX(t)->subclasses;
    if (subs)
        for (int64_t i = 0; i < kr_list_size(subs); i++)
            kr_type_update_slot(vm, KR_AS(kr_type, kr_list_items(subs)[i]), name);
}

/* ------------------------------------------------------------------------------------------------ */
/* object and type slots                                                                            */

static kr_value object_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames);
static int object_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames);

/* CPython 3.12+'s message: "Can't instantiate abstract class C without an implementation for abstract
 * method 'f'" (or "methods 'f', 'g'", sorted as the set's names are). */
static kr_value raise_abstract_instantiation(kr_vm *vm, kr_type *cls)
{
    kr_value am = kr_dict_get_str(vm, cls->dict, kr_intern(vm, "__abstractmethods__"));
    kr_value names = am ? kr_sequence_list(vm, am) : KR_NULL;
    if (!names)
        return am ? KR_NULL : kr_raise(vm, KR_EXC(vm, TypeError), "cannot create '%s' instances", cls->name_c);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &names);
    if (kr_list_sort(vm, names, KR_NULL, false) < 0) {
        kr_root_reset(vm, m);
        return KR_NULL;
    }
    kr_sb sb;
    kr_sb_init(&sb);
    int64_t n = kr_list_size(names);
    for (int64_t i = 0; i < n; i++) {
        if (i)
            kr_sb_append_cstr(&sb, ", ");
        if (kr_sb_append_value(vm, &sb, kr_list_items(names)[i], true) < 0) {
            kr_sb_free(&sb);
            kr_root_reset(vm, m);
            return KR_NULL;
        }
    }
    kr_value joined = kr_sb_finish(vm, &sb);
    kr_root_reset(vm, m);
    if (!joined)
        return KR_NULL;
    return kr_raise(vm, KR_EXC(vm, TypeError),
                    "Can't instantiate abstract class %s without an implementation for abstract method%s %s",
                    cls->name_c, n == 1 ? "" : "s", kr_str_data(joined));
}

static bool excess_args(int nargs, kr_value kwnames) { return nargs > 0 || (kwnames && kr_tuple_size(kwnames) > 0); }

static kr_value object_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (excess_args(nargs, kwnames)) {
        if (cls->new_ != object_new)
            return kr_raise(vm, KR_EXC(vm, TypeError), "object.__new__() takes exactly one argument (the type to instantiate)");
        if (cls->init == object_init)
            return kr_raise(vm, KR_EXC(vm, TypeError), "%s() takes no arguments", cls->name_c);
    }
    if (cls->flags & KR_TF_ABSTRACT)
        return kr_raise(vm, KR_EXC(vm, TypeError), "cannot create '%s' instances", cls->name_c);
    if (cls->flags & KR_TF_HAS_ABSTRACT_METHODS)
        return raise_abstract_instantiation(vm, cls);
    return kr_instance_new(vm, cls);
}

static int object_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (excess_args(nargs, kwnames)) {
        kr_type *tp = kr_type_of(vm, self);
        if (tp->init != object_init)
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "object.__init__() takes exactly one argument (the instance to initialize)");
        if (tp->new_ == object_new)
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s.__init__() takes exactly one argument (the instance to initialize)", tp->name_c);
    }
    return 0;
}

kr_value kr_type_fullname(kr_vm *vm, kr_type *t)
{
    kr_value mod = t->module;
    if (t->flags & KR_TF_HEAPTYPE) {
        kr_value m = kr_dict_get_str(vm, t->dict, KR_NAME(vm, __module__));
        mod = m && kr_is_str(vm, m) ? m : KR_NULL;
    }
    kr_value qn = t->qualname ? t->qualname : t->name;
    if (!mod || kr_str_equal(mod, kr_intern(vm, "builtins")))
        return qn;
    return kr_str_fmt(vm, "%s.%s", kr_str_data(mod), kr_str_data(qn));
}

kr_value kr_object_default_repr(kr_vm *vm, kr_value self)
{
    kr_type *t = kr_type_of(vm, self);
    kr_value fn = kr_type_fullname(vm, t);
    if (!fn)
        return KR_NULL;
    return kr_str_fmt(vm, "<%s object at %p>", kr_str_data(fn), (void *)KR_OBJ(self));
}

static kr_value object_repr(kr_vm *vm, kr_value self) { return kr_object_default_repr(vm, self); }
static kr_value object_str(kr_vm *vm, kr_value self) { return kr_repr(vm, self); }

static int64_t object_hash(kr_vm *vm, kr_value self)
{
    (void)vm;
    /* CPython's _Py_HashPointer: rotate by 4 so that the alignment zeros do not collide */
    uint64_t p = (uint64_t)self;
    int64_t h = (int64_t)((p >> 4) | (p << 60));
    return h == -1 ? -2 : h;
}

static kr_value object_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    switch (op) {
    case KR_CMP_EQ:
        return a == b ? KR_TRUE : KR_NOTIMPL;
    case KR_CMP_NE: {
        /* by default, != inverts == unless == is NotImplemented */
        kr_type *t = kr_type_of(vm, a);
        if (!t->richcompare)
            return KR_NOTIMPL;
        kr_value r = t->richcompare(vm, a, b, KR_CMP_EQ);
        if (!r || r == KR_NOTIMPL)
            return r;
        int tr = kr_truthy(vm, r);
        if (tr < 0)
            return KR_NULL;
        return kr_bool(!tr);
    }
    default:
        return KR_NOTIMPL;
    }
}

static kr_value object_format(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__format__", kwnames) < 0 || kr_args_count(vm, "object.__format__", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    kr_value spec = args[1];
    if (!kr_is_str(vm, spec))
        return kr_raise(vm, KR_EXC(vm, TypeError), "__format__() argument must be str, not %s", kr_typename(vm, spec));
    if (kr_str_nbytes(spec) > 0)
        return kr_raise(vm, KR_EXC(vm, TypeError), "unsupported format string passed to %s.__format__",
                        kr_typename(vm, args[0]));
    return kr_tostr(vm, args[0]);
}

static kr_value object_init_subclass(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    if (kwnames && kr_tuple_size(kwnames))
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s.__init_subclass__() takes no keyword arguments",
                        KR_AS(kr_type, args[0])->name_c);
    if (nargs > 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s.__init_subclass__() takes no arguments (%d given)",
                        KR_AS(kr_type, args[0])->name_c, nargs - 1);
    return KR_NONE;
}

/* object.__subclasshook__: NotImplemented, i.e. "use the normal mechanism" (abc.ABCMeta's protocol). */
static kr_value object_subclasshook(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    (void)kwnames;
    if (nargs != 2) /* args[0] is the class */
        return kr_raise(vm, KR_EXC(vm, TypeError), "object.__subclasshook__() takes exactly one argument (%d given)",
                        nargs - 1);
    return KR_NOTIMPL;
}

/* dir() support: merge the keys of a type's MRO dicts into `into` (a dict used as a set). */
static int merge_class_dict(kr_vm *vm, kr_type *t, kr_value into)
{
    kr_value mro = t->mro;
    for (int64_t i = 0; mro && i < kr_tuple_size(mro); i++) {
        kr_type *b = KR_AS(kr_type, kr_tuple_items(mro)[i]);
        int64_t pos = 0;
        kr_value k, v;
        while (kr_dict_next(b->dict, &pos, &k, &v))
            if (kr_dict_set(vm, into, k, KR_NONE) < 0)
                return -1;
    }
    return 0;
}

static kr_value keys_list(kr_vm *vm, kr_value d)
{
    kr_value l = kr_list_new(vm, kr_dict_size(d));
    if (!l)
        return KR_NULL;
    int64_t pos = 0;
    kr_value k, v;
    while (kr_dict_next(d, &pos, &k, &v))
        if (kr_list_append(vm, l, k) < 0)
            return KR_NULL;
    return l;
}

static kr_value object_dir(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__dir__", kwnames) < 0 || kr_args_count(vm, "object.__dir__", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    kr_value self = args[0];
    kr_value d = kr_dict_new(vm);
    if (!d)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &d);
    kr_value inst = KR_NULL;
    if (kr_is_ptr(self)) {
        kr_type *t = KR_OBJ(self)->type;
        if (KR_TX(t)->layout == KR_LAYOUT_INSTANCE && KR_TX(t)->has_dict) {
            kr_shape *shape = kr_instance_shape(self);
            if (shape) {
                /* the names from the shape chain: kr_instance_dict would move the object to dict mode
                 * for good, and its attribute accesses off the shape caches */
                for (; shape->parent; shape = shape->parent)
                    if (kr_dict_set(vm, d, shape->name, KR_NONE) < 0)
                        goto fail;
            } else {
                inst = kr_instance_dict(vm, self);
            }
        } else {
            inst = kr_type_attrs_dict(vm, self, false);
        }
    }
    if (inst) {
        int64_t pos = 0;
        kr_value k, v;
        while (kr_dict_next(inst, &pos, &k, &v))
            if (kr_dict_set(vm, d, k, KR_NONE) < 0)
                goto fail;
    }
    if (merge_class_dict(vm, kr_type_of(vm, self), d) < 0)
        goto fail;
    kr_value l = keys_list(vm, d);
    kr_root_reset(vm, m);
    return l;
fail:
    kr_root_reset(vm, m);
    return KR_NULL;
}

static kr_value object_sizeof(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_type *t = kr_type_of(vm, args[0]);
    return kr_int_from_i64(vm, (int64_t)t->instance_size);
}

/* ---- the reduce protocol (object.__reduce_ex__, __reduce__, __getstate__), as CPython's typeobject.c:
 * copy.copy/deepcopy and serialisers rebuild an object from
 * (copyreg.__newobj__, (cls, *newargs), state, listitems, dictitems). ---- */

static kr_value copyreg_attr(kr_vm *vm, const char *name)
{
    kr_value m = kr_import_cstr(vm, "copyreg");
    return m ? kr_getattr_cstr(vm, m, name) : KR_NULL;
}

static kr_value cannot_pickle(kr_vm *vm, kr_value self)
{
    return kr_raise(vm, KR_EXC(vm, TypeError), "cannot pickle '%s' object", kr_typename(vm, self));
}

/* The default state: None, a copy of a non-empty __dict__, and the set __slots__ values as
 * (dict-or-None, {name: value}). `required`: the state alone must rebuild the object (no constructor
 * arguments), impossible when a builtin base keeps C fields of its own. */
static kr_value object_getstate_default(kr_vm *vm, kr_value self, bool required)
{
    kr_type *t = kr_type_of(vm, self);
    kr_type *b = t;
    while (b->flags & KR_TF_HEAPTYPE)
        b = b->base;
    if (required && b != vm->t.object)
        return cannot_pickle(vm, self);
    kr_value state = KR_NONE, slotnames = KR_NULL, slots = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &state);
    kr_root_push(vm, &slotnames);
    kr_root_push(vm, &slots);
    kr_value d = kr_getattr_opt(vm, self, KR_NAME(vm, __dict__));
    if (!d && kr_err_occurred(vm))
        goto fail;
    if (d && kr_dict_check(vm, d) && kr_dict_size(d) > 0 && !(state = kr_dict_copy(vm, d)))
        goto fail;
    kr_value fn = copyreg_attr(vm, "_slotnames");
    slotnames = fn ? kr_call1(vm, fn, KR_VAL(t)) : KR_NULL;
    if (!slotnames)
        goto fail;
    if (!kr_list_check(vm, slotnames)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "copyreg._slotnames didn't return a list or None");
        goto fail;
    }
    for (int64_t i = 0; i < kr_list_size(slotnames); i++) {
        kr_value name = kr_list_items(slotnames)[i];
        kr_value v = kr_getattr(vm, self, name);
        if (!v) { /* an unset slot */
            if (!kr_err_matches(vm, KR_EXC(vm, AttributeError)))
                goto fail;
            kr_err_clear(vm);
            continue;
        }
        if ((!slots && !(slots = kr_dict_new(vm))) || kr_dict_set(vm, slots, name, v) < 0)
            goto fail;
    }
    if (slots && !(state = kr_tuple_pack(vm, 2, state, slots)))
        goto fail;
    kr_root_reset(vm, m);
    return state;
fail:
    kr_root_reset(vm, m);
    return KR_NULL;
}

/* obj.__getstate__(), through the default when the type does not override it */
static kr_value object_getstate(kr_vm *vm, kr_value self, bool required)
{
    kr_value own = kr_type_lookup_cstr(vm, kr_type_of(vm, self), "__getstate__");
    if (!own || own == kr_type_lookup_cstr(vm, vm->t.object, "__getstate__"))
        return object_getstate_default(vm, self, required);
    return kr_call_method(vm, self, "__getstate__", NULL, 0);
}

/* (args, kwargs) from __getnewargs_ex__ or (args, NULL) from __getnewargs__; both NULL if neither. */
static int object_getnewargs(kr_vm *vm, kr_value self, kr_value *args, kr_value *kwargs)
{
    *args = *kwargs = KR_NULL;
    kr_type *t = kr_type_of(vm, self);
    if (kr_type_lookup_cstr(vm, t, "__getnewargs_ex__")) {
        kr_value r = kr_call_method(vm, self, "__getnewargs_ex__", NULL, 0);
        if (!r)
            return -1;
        if (!kr_tuple_check(vm, r))
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "__getnewargs_ex__ should return a tuple, not '%s'",
                              kr_typename(vm, r));
        if (kr_tuple_size(r) != 2)
            return kr_raise_i(vm, KR_EXC(vm, ValueError),
                              "__getnewargs_ex__ should return a tuple of length 2, not %lld",
                              (long long)kr_tuple_size(r));
        kr_value a = kr_tuple_items(r)[0], k = kr_tuple_items(r)[1];
        if (!kr_tuple_check(vm, a))
            return kr_raise_i(vm, KR_EXC(vm, TypeError),
                              "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                              kr_typename(vm, a));
        if (!kr_dict_check(vm, k))
            return kr_raise_i(vm, KR_EXC(vm, TypeError),
                              "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                              kr_typename(vm, k));
        *args = a;
        *kwargs = k;
        return 0;
    }
    if (kr_type_lookup_cstr(vm, t, "__getnewargs__")) {
        kr_value r = kr_call_method(vm, self, "__getnewargs__", NULL, 0);
        if (!r)
            return -1;
        if (!kr_tuple_check(vm, r))
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "__getnewargs__ should return a tuple, not '%s'",
                              kr_typename(vm, r));
        *args = r;
    }
    return 0;
}

static kr_value object_reduce_newobj(kr_vm *vm, kr_value self)
{
    kr_type *t = kr_type_of(vm, self);
    if (!t->new_)
        return cannot_pickle(vm, self);
    kr_value args = KR_NULL, kwargs = KR_NULL, newobj = KR_NULL, newargs = KR_NULL, state = KR_NULL;
    kr_value listitems = KR_NONE, dictitems = KR_NONE, r = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_value *rooted[] = {&args, &kwargs, &newobj, &newargs, &state, &listitems, &dictitems};
    for (size_t i = 0; i < sizeof rooted / sizeof rooted[0]; i++)
        kr_root_push(vm, rooted[i]);
    if (object_getnewargs(vm, self, &args, &kwargs) < 0)
        goto done;
    bool hasargs = args != KR_NULL;
    if (!kwargs || kr_dict_size(kwargs) == 0) {
        newobj = copyreg_attr(vm, "__newobj__");
        int64_t n = args ? kr_tuple_size(args) : 0;
        newargs = newobj ? kr_tuple_new(vm, n + 1) : KR_NULL;
        if (!newargs)
            goto done;
        kr_tuple_items(newargs)[0] = KR_VAL(t);
        for (int64_t i = 0; i < n; i++)
            kr_tuple_items(newargs)[i + 1] = kr_tuple_items(args)[i];
    } else {
        newobj = copyreg_attr(vm, "__newobj_ex__");
        if (!newobj || !(newargs = kr_tuple_pack(vm, 3, KR_VAL(t), args, kwargs)))
            goto done;
    }
    bool is_list = kr_list_check(vm, self), is_dict = kr_dict_check(vm, self);
    state = object_getstate(vm, self, !(hasargs || is_list || is_dict));
    if (!state)
        goto done;
    if (is_list && !(listitems = kr_iter(vm, self)))
        goto done;
    if (is_dict) {
        kr_value items = kr_call_method(vm, self, "items", NULL, 0);
        if (!items || !(dictitems = kr_iter(vm, items)))
            goto done;
    }
    r = kr_tuple_pack(vm, 5, newobj, newargs, state, listitems, dictitems);
done:
    kr_root_reset(vm, m);
    return r;
}

static kr_value object_common_reduce(kr_vm *vm, kr_value self, int64_t proto)
{
    if (proto >= 2)
        return object_reduce_newobj(vm, self);
    kr_value fn = copyreg_attr(vm, "_reduce_ex");
    if (!fn)
        return KR_NULL;
    kr_value p = kr_int_from_i64(vm, proto);
    return p ? kr_call2(vm, fn, self, p) : KR_NULL;
}

static kr_value object_reduce_ex(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "object.__reduce_ex__", kwnames) < 0)
        return KR_NULL;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "object.__reduce_ex__() takes exactly one argument (%d given)",
                        nargs - 1);
    int64_t proto;
    if (!kr_is_int(vm, args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer",
                        kr_typename(vm, args[1]));
    if (kr_index_i64(vm, args[1], &proto) < 0)
        return KR_NULL;
    /* a class's own __reduce__ wins over the default protocol */
    kr_value reduce = kr_type_lookup_cstr(vm, kr_type_of(vm, args[0]), "__reduce__");
    if (reduce && reduce != kr_type_lookup_cstr(vm, vm->t.object, "__reduce__"))
        return kr_call_method(vm, args[0], "__reduce__", NULL, 0);
    return object_common_reduce(vm, args[0], proto);
}

static kr_value object_reduce(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "object.__reduce__", kwnames) < 0 ||
        kr_args_count(vm, "object.__reduce__", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    return object_common_reduce(vm, args[0], 0);
}

static kr_value object_getstate_m(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "object.__getstate__", kwnames) < 0 ||
        kr_args_count(vm, "object.__getstate__", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    return object_getstate_default(vm, args[0], false);
}

static kr_value object_get_class(kr_vm *vm, kr_value self) { return KR_VAL(kr_type_of(vm, self)); }

/* __class__ assignment: only between heap types with the same instance layout. */
static int object_set_class(kr_vm *vm, kr_value self, kr_value value)
{
    if (!value)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "can't delete __class__ attribute");
    if (!kr_is_ptr(value) || !kr_type_is_subtype(KR_OBJ(value)->type, vm->t.type))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__class__ must be set to a class, not '%s' object",
                          kr_typename(vm, value));
    kr_type *nt = KR_AS(kr_type, value), *ot = kr_type_of(vm, self);
    if (!kr_is_ptr(self) || !(nt->flags & KR_TF_HEAPTYPE) || !(ot->flags & KR_TF_HEAPTYPE))
        return kr_raise_i(vm, KR_EXC(vm, TypeError),
                          "__class__ assignment only supported for mutable types or ModuleType subclasses");
    kr_typex *nx = KR_TX(nt), *ox = KR_TX(ot);
    if (nx->builtin_base != ox->builtin_base || nt->instance_size != ot->instance_size || nx->layout != ox->layout ||
        nt->attrs_offset != ot->attrs_offset || nx->has_dict != ox->has_dict)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__class__ assignment: '%s' object layout differs from '%s'",
                          nt->name_c, ot->name_c);
    KR_OBJ(self)->type = nt;
    kr_gc_barrier(vm, KR_OBJ(self), value);
    return 0;
}

static const kr_method_def object_methods[] = {
    {"__format__", object_format, KR_METH_DEFAULT, NULL},
    {"__init_subclass__", object_init_subclass, KR_METH_CLASS, NULL},
    {"__subclasshook__", object_subclasshook, KR_METH_CLASS, NULL},
    {"__dir__", object_dir, KR_METH_DEFAULT, NULL},
    {"__sizeof__", object_sizeof, KR_METH_DEFAULT, NULL},
    {"__reduce_ex__", object_reduce_ex, KR_METH_DEFAULT, "Helper for pickle."},
    {"__reduce__", object_reduce, KR_METH_DEFAULT, "Helper for pickle."},
    {"__getstate__", object_getstate_m, KR_METH_DEFAULT, "Helper for pickle."},
    {NULL, NULL, 0, NULL},
};
static const kr_getset_def object_getsets[] = {
    {"__class__", object_get_class, object_set_class, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ---- the instance __dict__ descriptor placed in heap classes that introduce a dict ---- */
static kr_value inst_dict_get(kr_vm *vm, kr_value self) { return kr_object_dict(vm, self); }
static int inst_dict_set(kr_vm *vm, kr_value self, kr_value value)
{
    if (!value)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot delete __dict__");
    if (!kr_is_ptr(value) || !(KR_OBJ(value)->type->flags & KR_TF_DICT_SUBCLASS))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__dict__ must be set to a dictionary, not a '%s'",
                          kr_typename(vm, value));
    kr_type *t = kr_type_of(vm, self);
    if (KR_TX(t)->layout == KR_LAYOUT_INSTANCE)
        return kr_instance_set_dict(vm, self, value);
    if (KR_TX(t)->layout == KR_LAYOUT_SIDE) {
        kr_side_entry *e = side_find(vm, KR_OBJ(self));
        if (e) {
            e->dict = value;
            return 0;
        }
        return side_insert(vm, KR_OBJ(self), value);
    }
    if (t->attrs_offset) {
        *(kr_value *)((char *)KR_OBJ(self) + t->attrs_offset) = value;
        kr_gc_barrier(vm, KR_OBJ(self), value);
        return 0;
    }
    return kr_raise_i(vm, KR_EXC(vm, AttributeError), "'%s' object has no attribute '__dict__'", t->name_c);
}
static const kr_getset_def inst_dict_getset = {"__dict__", inst_dict_get, inst_dict_set, NULL};
static kr_value inst_weakref_get(kr_vm *vm, kr_value self)
{
    kr_value head = kr_weakref_first(vm, self);
    return head ? head : KR_NONE;
}
static const kr_getset_def inst_weakref_getset = {"__weakref__", inst_weakref_get, NULL, NULL};

/* ---- type's own slots ---- */

static kr_value type_repr(kr_vm *vm, kr_value self)
{
    kr_value fn = kr_type_fullname(vm, KR_AS(kr_type, self));
    if (!fn)
        return KR_NULL;
    return kr_str_fmt(vm, "<class '%s'>", kr_str_data(fn));
}

static kr_value type_call(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    kr_type *cls = KR_AS(kr_type, self);
    if (cls == vm->t.type && nargs == 1 && (!kwnames || kr_tuple_size(kwnames) == 0))
        return KR_VAL(kr_type_of(vm, args[0]));
    if (!cls->new_ || (cls->flags & KR_TF_ABSTRACT))
        return kr_raise(vm, KR_EXC(vm, TypeError), "cannot create '%s' instances", cls->name_c);
    kr_value obj = cls->new_(vm, cls, args, nargs, kwnames);
    if (!obj)
        return KR_NULL;
    /* int(x), str(x), float(x): their __init__ is object's, which accepts anything once __new__ is
     * overridden (as CPython's object_init), so there is nothing to call */
    if (cls == vm->t.int_ || cls == vm->t.str || cls == vm->t.float_)
        return obj;
    kr_type *ot = kr_type_of(vm, obj);
    if (!kr_type_is_subtype(ot, cls))
        return obj;
    if (ot->init) {
        size_t m = kr_root_mark(vm);
        kr_root_push(vm, &obj);
        int r = ot->init(vm, obj, args, nargs, kwnames);
        kr_root_reset(vm, m);
        if (r < 0)
            return KR_NULL;
    }
    return obj;
}

static kr_value type_new_slot(kr_vm *vm, kr_type *meta, kr_value *args, int nargs, kr_value kwnames);

static int type_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    (void)self;
    (void)args;
    if (nargs == 1 && kwnames && kr_tuple_size(kwnames))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "type.__init__() takes no keyword arguments");
    if (nargs != 1 && nargs != 3)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "type.__init__() takes 1 or 3 arguments");
    return 0;
}

static int64_t type_hash(kr_vm *vm, kr_value self) { return object_hash(vm, self); }

kr_value kr_type_getattr(kr_vm *vm, kr_value cls, kr_value name)
{
    kr_type *t = KR_AS(kr_type, cls);
    kr_type *meta = KR_OBJ(cls)->type;
    kr_value meta_attr = kr_type_lookup(vm, meta, name);
    kr_value (*meta_get)(kr_vm *, kr_value, kr_value, kr_value) = NULL;
    if (meta_attr) {
        kr_type *mt = kr_type_of(vm, meta_attr);
        meta_get = mt->descr_get;
        if (meta_get && mt->descr_set)
            return meta_get(vm, meta_attr, cls, KR_VAL(meta));
    }
    kr_value attr = kr_type_lookup(vm, t, name);
    if (attr) {
        kr_type *at = kr_type_of(vm, attr);
        if (at == vm->t.function || !at->descr_get)
            return attr; /* functions accessed through the class are themselves */
        return at->descr_get(vm, attr, KR_NULL, cls);
    }
    if (meta_get)
        return meta_get(vm, meta_attr, cls, KR_VAL(meta));
    if (meta_attr)
        return meta_attr;
    kr_raise(vm, KR_EXC(vm, AttributeError), "type object '%s' has no attribute '%s'", t->name_c, kr_str_data(name));
    kr_exc_set_attribute_context(vm, cls, name);
    return KR_NULL;
}

static bool is_dunder(kr_value name)
{
    const char *s = kr_str_data(name);
    int64_t n = kr_str_nbytes(name);
    return n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_';
}

static int type_setattr(kr_vm *vm, kr_value cls, kr_value name, kr_value value)
{
    kr_type *t = KR_AS(kr_type, cls);
    if (!(t->flags & KR_TF_HEAPTYPE))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot set '%s' attribute of immutable type '%s'",
                          kr_str_data(name), t->name_c);
    kr_type *meta = KR_OBJ(cls)->type;
    kr_value meta_attr = kr_type_lookup(vm, meta, name);
    if (meta_attr) {
        kr_type *mt = kr_type_of(vm, meta_attr);
        if (mt->descr_set)
            return mt->descr_set(vm, meta_attr, cls, value);
    }
    kr_value iname = kr_intern_value(vm, name);
    if (!iname)
        return -1;
    if (value) {
        if (kr_dict_set(vm, t->dict, iname, value) < 0)
            return -1;
    } else {
        if (!kr_dict_get_str(vm, t->dict, iname))
            return kr_raise_i(vm, KR_EXC(vm, AttributeError), "type object '%s' has no attribute '%s'", t->name_c,
                              kr_str_data(name));
        if (kr_dict_del(vm, t->dict, iname) < 0)
            return -1;
    }
    kr_type_modified(vm, t);
    if (!is_dunder(iname))
        return 0;
    kr_type_update_slot(vm, t, iname);
    if (kr_str_equal(iname, kr_intern(vm, "__abstractmethods__"))) {
        int abstract = value ? kr_truthy(vm, value) : 0;
        if (abstract < 0)
            return -1;
        if (abstract)
            t->flags |= KR_TF_HAS_ABSTRACT_METHODS;
        else
            t->flags &= ~(uint32_t)KR_TF_HAS_ABSTRACT_METHODS;
    }
    return 0;
}

/* ---- type getsets ---- */
static kr_value type_get_name(kr_vm *vm, kr_value self) { (void)vm; return KR_AS(kr_type, self)->name; }
static int type_set_name(kr_vm *vm, kr_value self, kr_value v)
{
    kr_type *t = KR_AS(kr_type, self);
    if (!(t->flags & KR_TF_HEAPTYPE))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot set '__name__' attribute of immutable type '%s'", t->name_c);
    if (!v)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot delete '__name__' attribute of immutable type '%s'", t->name_c);
    if (!kr_is_str(vm, v))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "can only assign string to %s.__name__, not '%s'", t->name_c,
                          kr_typename(vm, v));
    t->name = v;
    t->name_c = kr_str_data(v);
    kr_gc_barrier(vm, KR_OBJ(self), v);
    return 0;
}
static kr_value type_get_qualname(kr_vm *vm, kr_value self) { (void)vm; return KR_AS(kr_type, self)->qualname; }
static int type_set_qualname(kr_vm *vm, kr_value self, kr_value v)
{
    kr_type *t = KR_AS(kr_type, self);
    if (!(t->flags & KR_TF_HEAPTYPE) || !v)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot set '__qualname__' attribute of immutable type '%s'", t->name_c);
    if (!kr_is_str(vm, v))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "can only assign string to %s.__qualname__, not '%s'", t->name_c,
                          kr_typename(vm, v));
    t->qualname = v;
    kr_gc_barrier(vm, KR_OBJ(self), v);
    return 0;
}
static kr_value type_get_module(kr_vm *vm, kr_value self)
{
    kr_type *t = KR_AS(kr_type, self);
    if (t->flags & KR_TF_HEAPTYPE) {
        kr_value m = kr_dict_get_str(vm, t->dict, KR_NAME(vm, __module__));
        if (m)
            return m;
        return kr_raise(vm, KR_EXC(vm, AttributeError), "__module__");
    }
    return t->module ? t->module : kr_intern(vm, "builtins");
}
static int type_set_module(kr_vm *vm, kr_value self, kr_value v)
{
    kr_type *t = KR_AS(kr_type, self);
    if (!(t->flags & KR_TF_HEAPTYPE) || !v)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot set '__module__' attribute of immutable type '%s'", t->name_c);
    if (kr_dict_set(vm, t->dict, KR_NAME(vm, __module__), v) < 0)
        return -1;
    kr_type_modified(vm, t);
    return 0;
}
static kr_value type_get_bases(kr_vm *vm, kr_value self) { (void)vm; return KR_AS(kr_type, self)->bases; }
static kr_value type_get_base(kr_vm *vm, kr_value self)
{
    (void)vm;
    kr_type *b = KR_AS(kr_type, self)->base;
    return b ? KR_VAL(b) : KR_NONE;
}
static kr_value type_get_mro(kr_vm *vm, kr_value self) { (void)vm; return KR_AS(kr_type, self)->mro; }
static kr_value type_get_dict(kr_vm *vm, kr_value self)
{
    kr_mappingproxy *p = kr_gc_alloc(vm, vm->mappingproxy_type, sizeof *p);
    if (!p)
        return KR_NULL;
    p->mapping = KR_AS(kr_type, self)->dict;
    return KR_VAL(p);
}
static kr_value type_get_doc(kr_vm *vm, kr_value self)
{
    kr_type *t = KR_AS(kr_type, self);
    kr_value d = kr_dict_get_str(vm, t->dict, KR_NAME(vm, __doc__));
    if (!d)
        return KR_NONE;
    kr_type *dt = kr_type_of(vm, d);
    if (dt->descr_get && (t->flags & KR_TF_HEAPTYPE))
        return dt->descr_get(vm, d, KR_NULL, self);
    return d;
}
static int type_set_doc(kr_vm *vm, kr_value self, kr_value v)
{
    kr_type *t = KR_AS(kr_type, self);
    if (!(t->flags & KR_TF_HEAPTYPE) || !v)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot set '__doc__' attribute of immutable type '%s'", t->name_c);
    if (kr_dict_set(vm, t->dict, KR_NAME(vm, __doc__), v) < 0)
        return -1;
    kr_type_modified(vm, t);
    return 0;
}

/* __type_params__ (PEP 695): the class's own entry, () without one */
static kr_value type_get_type_params(kr_vm *vm, kr_value self)
{
    kr_type *t = KR_AS(kr_type, self);
    kr_value v = t->dict ? kr_dict_get_str(vm, t->dict, kr_intern(vm, "__type_params__")) : KR_NULL;
    return v ? v : vm->empty_tuple;
}
static int type_set_type_params(kr_vm *vm, kr_value self, kr_value v)
{
    kr_type *t = KR_AS(kr_type, self);
    if (!(t->flags & KR_TF_HEAPTYPE) || !v)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot set '__type_params__' attribute of immutable type '%s'",
                          t->name_c);
    if (!kr_tuple_check(vm, v))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__type_params__ must be set to a tuple, not %s",
                          kr_typename(vm, v));
    if (kr_dict_set(vm, t->dict, kr_intern(vm, "__type_params__"), v) < 0)
        return -1;
    kr_type_modified(vm, t);
    return 0;
}

static const kr_getset_def type_getsets[] = {
    {"__name__", type_get_name, type_set_name, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL},
    {"__module__", type_get_module, type_set_module, NULL},
    {"__bases__", type_get_bases, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL},
    {"__type_params__", type_get_type_params, type_set_type_params, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ---- type methods ---- */
static kr_value type_mro_method(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "mro", kwnames) < 0 || kr_args_count(vm, "type.mro", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    kr_type *t = KR_AS(kr_type, args[0]);
    return kr_list_from_array(vm, kr_tuple_items(t->mro), kr_tuple_size(t->mro));
}

static kr_value type_subclasses(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__subclasses__", kwnames) < 0 || kr_args_count(vm, "type.__subclasses__", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    kr_value subs = KR_TX(KR_AS(kr_type, args[0]))->subclasses;
    if (!subs)
        return kr_list_new(vm, 0);
    return kr_list_from_array(vm, kr_list_items(subs), kr_list_size(subs));
}

static kr_value type_instancecheck(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__instancecheck__", kwnames) < 0 || kr_args_count(vm, "type.__instancecheck__", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    return kr_bool(kr_type_is_subtype(kr_type_of(vm, args[1]), KR_AS(kr_type, args[0])));
}

static kr_value type_subclasscheck(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__subclasscheck__", kwnames) < 0 || kr_args_count(vm, "type.__subclasscheck__", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    kr_value c = args[1];
    if (!kr_is_ptr(c) || !kr_type_is_subtype(KR_OBJ(c)->type, vm->t.type))
        return kr_raise(vm, KR_EXC(vm, TypeError), "issubclass() arg 1 must be a class");
    return kr_bool(kr_type_is_subtype(KR_AS(kr_type, c), KR_AS(kr_type, args[0])));
}

static kr_value type_prepare(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    return kr_dict_new(vm);
}

static kr_value type_dir(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__dir__", kwnames) < 0 || kr_args_count(vm, "type.__dir__", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    kr_value d = kr_dict_new(vm);
    if (!d || merge_class_dict(vm, KR_AS(kr_type, args[0]), d) < 0)
        return KR_NULL;
    return keys_list(vm, d);
}

static const kr_method_def type_methods[] = {
    {"mro", type_mro_method, KR_METH_DEFAULT, NULL},
    {"__subclasses__", type_subclasses, KR_METH_DEFAULT, NULL},
    {"__instancecheck__", type_instancecheck, KR_METH_DEFAULT, NULL},
    {"__subclasscheck__", type_subclasscheck, KR_METH_DEFAULT, NULL},
    {"__prepare__", type_prepare, KR_METH_CLASS, NULL},
    {"__dir__", type_dir, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------------------------------------------ */
/* class creation                                                                                   */

/* The base whose instance layout the others extend (CPython's solid_base). */
static kr_type *solid_base(kr_vm *vm, kr_type *t)
{
    if (t->flags & KR_TF_HEAPTYPE) {
        if (KR_TX(t)->slot_names && kr_tuple_size(KR_TX(t)->slot_names) > 0)
            return t;
        return solid_base(vm, t->base);
    }
    if (t->base && t->instance_size == t->base->instance_size)
        return solid_base(vm, t->base);
    return t;
}

static bool acceptable_base(kr_vm *vm, kr_type *b)
{
    if (b->flags & (KR_TF_BASETYPE | KR_TF_HEAPTYPE | KR_TF_EXCEPTION))
        return true;
    kr_type *ok[] = {vm->t.object, vm->t.type, vm->t.int_, vm->t.float_, vm->t.str, vm->t.bytes, vm->t.bytearray,
                     vm->t.tuple, vm->t.list, vm->t.dict, vm->t.set, vm->t.frozenset, vm->t.property,
                     vm->t.classmethod, vm->t.staticmethod, vm->t.super_};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (ok[i] == b)
            return true;
    return false;
}

kr_value kr_type_calculate_meta(kr_vm *vm, kr_value meta, kr_value bases)
{
    kr_type *winner = meta ? KR_AS(kr_type, meta) : vm->t.type;
    if (meta && (!kr_is_ptr(meta) || !kr_type_is_subtype(KR_OBJ(meta)->type, vm->t.type)))
        return meta; /* a non-class metaclass (a plain callable) is used as is */
    int64_t n = kr_tuple_size(bases);
    for (int64_t i = 0; i < n; i++) {
        kr_type *bt = kr_type_of(vm, kr_tuple_items(bases)[i]);
        if (kr_type_is_subtype(winner, bt))
            continue;
        if (kr_type_is_subtype(bt, winner)) {
            winner = bt;
            continue;
        }
        return kr_raise(vm, KR_EXC(vm, TypeError),
                        "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                        "metaclasses of all its bases");
    }
    return KR_VAL(winner);
}

/* CPython's C3 linearisation; error lists the remaining heads. */
static kr_value c3_mro(kr_vm *vm, kr_type *t, kr_value bases)
{
    int64_t nb = kr_tuple_size(bases);
    int64_t nseq = nb + 1;
    kr_value *seqs = kr_mem_alloc(vm, (size_t)nseq * sizeof(kr_value));
    int64_t *pos = kr_mem_zalloc(vm, (size_t)nseq * sizeof(int64_t));
    kr_value result = kr_list_new(vm, 8);
    if (!seqs || !pos || !result) {
        if (seqs) kr_mem_free(vm, seqs);
        if (pos) kr_mem_free(vm, pos);
        return KR_NULL;
    }
    for (int64_t i = 0; i < nb; i++)
        seqs[i] = KR_AS(kr_type, kr_tuple_items(bases)[i])->mro;
    seqs[nb] = bases;
    if (kr_list_append(vm, result, KR_VAL(t)) < 0)
        goto fail;
    for (;;) {
        kr_value found = KR_NULL;
        bool any_left = false;
        for (int64_t i = 0; i < nseq && !found; i++) {
            if (pos[i] >= kr_tuple_size(seqs[i]))
                continue;
            any_left = true;
            kr_value cand = kr_tuple_items(seqs[i])[pos[i]];
            bool in_tail = false;
            for (int64_t j = 0; j < nseq && !in_tail; j++)
                for (int64_t k = pos[j] + 1; k < kr_tuple_size(seqs[j]); k++)
                    if (kr_tuple_items(seqs[j])[k] == cand) {
                        in_tail = true;
                        break;
                    }
            if (!in_tail)
                found = cand;
        }
        if (!any_left)
            break;
        if (!found) {
            kr_sb sb;
            kr_sb_init(&sb);
            kr_sb_append_cstr(&sb, "Cannot create a consistent method resolution order (MRO) for bases ");
            int emitted = 0;
            for (int64_t i = 0; i < nseq; i++) {
                if (pos[i] >= kr_tuple_size(seqs[i]))
                    continue;
                kr_value h = kr_tuple_items(seqs[i])[pos[i]];
                bool dup = false;
                for (int64_t j = 0; j < i; j++)
                    if (pos[j] < kr_tuple_size(seqs[j]) && kr_tuple_items(seqs[j])[pos[j]] == h)
                        dup = true;
                if (dup)
                    continue;
                if (emitted++)
                    kr_sb_append_cstr(&sb, ", ");
                kr_sb_append_cstr(&sb, KR_AS(kr_type, h)->name_c);
            }
            kr_value msg = kr_sb_finish(vm, &sb);
            if (msg)
                kr_raise_obj(vm, KR_EXC(vm, TypeError), msg);
            goto fail;
        }
        if (kr_list_append(vm, result, found) < 0)
            goto fail;
        for (int64_t i = 0; i < nseq; i++)
            if (pos[i] < kr_tuple_size(seqs[i]) && kr_tuple_items(seqs[i])[pos[i]] == found)
                pos[i]++;
    }
    kr_mem_free(vm, seqs);
    kr_mem_free(vm, pos);
    return kr_tuple_from_array(vm, kr_list_items(result), kr_list_size(result));
fail:
    kr_mem_free(vm, seqs);
    kr_mem_free(vm, pos);
    return KR_NULL;
}

static bool is_identifier(kr_value s)
{
    const unsigned char *p = (const unsigned char *)kr_str_data(s);
    int64_t n = kr_str_nbytes(s);
    if (n == 0 || (p[0] >= '0' && p[0] <= '9'))
        return false;
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80))
            return false;
    }
    return true;
}

/* Private name mangling for __slots__: __x in class _Foo → _Foo__x. */
static kr_value mangle(kr_vm *vm, kr_value clsname, kr_value name)
{
    const char *s = kr_str_data(name);
    int64_t n = kr_str_nbytes(name);
    if (n < 3 || s[0] != '_' || s[1] != '_' || (s[n - 1] == '_' && s[n - 2] == '_'))
        return name;
    const char *c = kr_str_data(clsname);
    while (*c == '_')
        c++;
    if (!*c)
        return name;
    return kr_str_fmt(vm, "_%s%s", c, s);
}

kr_value kr_member_descr_new(kr_vm *vm, kr_value name, kr_type *owner, uint32_t offset);
kr_value kr_getset_descr_new_for(kr_vm *vm, const kr_getset_def *def, kr_type *owner);

/* Call __set_name__ on every namespace value that has it, then __init_subclass__ on the parent. */
static int class_post_init(kr_vm *vm, kr_type *t, kr_value kwargs)
{
    kr_value cls = KR_VAL(t);
    kr_value items = kr_list_new(vm, 0);
    if (!items)
        return -1;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &items);
    int64_t pos = 0;
    kr_value k, v;
    while (kr_dict_next(t->dict, &pos, &k, &v))
        if (kr_list_append(vm, items, k) < 0 || kr_list_append(vm, items, v) < 0)
            goto fail;
    for (int64_t i = 0; i + 1 < kr_list_size(items); i += 2) {
        kr_value val = kr_list_items(items)[i + 1];
        bool unbound;
        kr_value f = lookup_special(vm, val, KR_NAME(vm, __set_name__), &unbound);
        if (!f) {
            if (kr_err_occurred(vm))
                goto fail;
            continue;
        }
        kr_value a[2] = {cls, kr_list_items(items)[i]};
        if (!call_special(vm, f, unbound, val, a, 2, KR_NULL))
            goto fail;
    }
    /* super(t, t).__init_subclass__(**kwargs) */
    {
        kr_value mro = t->mro;
        kr_value f = KR_NULL;
        for (int64_t i = 1; i < kr_tuple_size(mro) && !f; i++)
            f = kr_dict_get_str(vm, KR_AS(kr_type, kr_tuple_items(mro)[i])->dict, KR_NAME(vm, __init_subclass__));
        if (f) {
            kr_type *ft = kr_type_of(vm, f);
            kr_value bound = f;
            if (ft == vm->t.function)
                bound = kr_method_new(vm, f, cls); /* implicit classmethod */
            else if (ft->descr_get)
                bound = ft->descr_get(vm, f, KR_NULL, cls);
            if (!bound)
                goto fail;
            kr_root_push(vm, &bound);
            int64_t nkw = kwargs ? kr_dict_size(kwargs) : 0;
            kr_value kwn = KR_NULL;
            kr_value small[8];
            kr_value *vals = nkw <= 8 ? small : kr_mem_alloc(vm, (size_t)nkw * sizeof(kr_value));
            if (!vals)
                goto fail;
            if (nkw) {
                kwn = kr_tuple_new(vm, nkw);
                if (!kwn)
                    goto fail;
                int64_t p = 0, j = 0;
                while (kr_dict_next(kwargs, &p, &k, &v)) {
                    kr_tuple_items(kwn)[j] = k;
                    vals[j++] = v;
                }
            }
            kr_root_push(vm, &kwn);
            kr_value r = kr_call(vm, bound, vals, 0, kwn);
            if (vals != small)
                kr_mem_free(vm, vals);
            if (!r)
                goto fail;
        }
    }
    kr_root_reset(vm, m);
    return 0;
fail:
    kr_root_reset(vm, m);
    return -1;
}

/* Subclass lists exist for version propagation (kr_type_modified) and __subclasses__(). Builtin types
 * never change, so they keep none: their list would hold every class ever made alive forever. */
static int add_subclass(kr_vm *vm, kr_type *base, kr_type *sub)
{
    kr_typex *bx = KR_TX(base);
    if (!(base->flags & KR_TF_HEAPTYPE))
        return 0;
    if (!bx->subclasses) {
        if (!(bx->subclasses = kr_list_new(vm, 4)))
            return -1;
        kr_gc_barrier(vm, &base->ob, bx->subclasses);
    }
    return kr_list_append(vm, bx->subclasses, KR_VAL(sub));
}

/* type.__new__(meta, name, bases, ns) with class keywords `kwargs` (dict or KR_NULL). */
static kr_value type_new_impl(kr_vm *vm, kr_type *meta, kr_value name, kr_value bases, kr_value ns, kr_value kwargs)
{
    if (!kr_is_str(vm, name))
        return kr_raise(vm, KR_EXC(vm, TypeError), "type.__new__() argument 1 must be str, not %s", kr_typename(vm, name));
    if (!kr_is_ptr(bases) || !(KR_OBJ(bases)->type->flags & KR_TF_TUPLE_SUBCLASS))
        return kr_raise(vm, KR_EXC(vm, TypeError), "type.__new__() argument 2 must be tuple, not %s", kr_typename(vm, bases));
    if (!kr_is_ptr(ns) || !(KR_OBJ(ns)->type->flags & KR_TF_DICT_SUBCLASS))
        return kr_raise(vm, KR_EXC(vm, TypeError), "type.__new__() argument 3 must be dict, not %s", kr_typename(vm, ns));

    /* the most derived metaclass; defer to it when it has its own __new__ */
    kr_value w = kr_type_calculate_meta(vm, KR_VAL(meta), bases);
    if (!w)
        return KR_NULL;
    kr_type *winner = KR_AS(kr_type, w);
    if (winner != meta && winner->new_ != type_new_slot) {
        kr_value a[3] = {name, bases, ns};
        return winner->new_(vm, winner, a, 3, KR_NULL);
    }
    meta = winner;

    int64_t nb = kr_tuple_size(bases);
    if (nb == 0) {
        bases = kr_tuple_pack(vm, 1, KR_VAL(vm->t.object));
        if (!bases)
            return KR_NULL;
        nb = 1;
    }
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &bases);
    kr_value dict = KR_NULL, slots = KR_NULL, cls = KR_NULL;
    kr_root_push(vm, &dict);
    kr_root_push(vm, &slots);
    kr_root_push(vm, &cls);

    kr_type *best = NULL, *winner_solid = NULL;
    bool base_has_dict = false;
    for (int64_t i = 0; i < nb; i++) {
        kr_value bv = kr_tuple_items(bases)[i];
        if (!kr_is_ptr(bv) || !kr_type_is_subtype(KR_OBJ(bv)->type, vm->t.type)) {
            kr_raise(vm, KR_EXC(vm, TypeError), "bases must be types");
            goto fail;
        }
        kr_type *b = KR_AS(kr_type, bv);
        for (int64_t j = 0; j < i; j++)
            if (kr_tuple_items(bases)[j] == bv) {
                kr_raise(vm, KR_EXC(vm, TypeError), "duplicate base class %s", b->name_c);
                goto fail;
            }
        if (!acceptable_base(vm, b)) {
            kr_raise(vm, KR_EXC(vm, TypeError), "type '%s' is not an acceptable base type", b->name_c);
            goto fail;
        }
        if (KR_TX(b)->has_dict)
            base_has_dict = true;
        kr_type *sb = solid_base(vm, b);
        if (!winner_solid) {
            winner_solid = sb;
            best = b;
        } else if (kr_type_is_subtype(winner_solid, sb)) {
            /* keep */
        } else if (kr_type_is_subtype(sb, winner_solid)) {
            winner_solid = sb;
            best = b;
        } else {
            kr_raise(vm, KR_EXC(vm, TypeError), "multiple bases have instance lay-out conflict");
            goto fail;
        }
    }

    dict = kr_dict_copy(vm, ns);
    if (!dict)
        goto fail;

    /* __slots__ */
    bool want_dict = true;
    /* Weak references (vm/weakref.c): instances of a class are weakly referenceable when its base's
     * are, or else, as CPython's may_add_weak, when the base's instances are of fixed size (not int,
     * tuple or bytes) and the class has no __slots__ or names '__weakref__' in them. */
    kr_type *wbb = KR_TX(best)->builtin_base;
    bool base_weak = (best->flags & KR_TF_WEAKREFABLE) != 0;
    bool may_add_weak = wbb != vm->t.int_ && wbb != vm->t.tuple && wbb != vm->t.bytes;
    bool add_weak = !base_weak && may_add_weak;
    bool weak_slot = false;
    kr_value sv = kr_dict_get_str(vm, dict, KR_NAME(vm, __slots__));
    int64_t nslots = 0;
    if (sv) {
        want_dict = false;
        if (kr_is_str(vm, sv))
            slots = kr_tuple_pack(vm, 1, sv);
        else
            slots = kr_sequence_tuple(vm, sv);
        if (!slots)
            goto fail;
        kr_value names = kr_tuple_new(vm, kr_tuple_size(slots));
        if (!names)
            goto fail;
        kr_value tmp = slots;
        slots = names;
        for (int64_t i = 0; i < kr_tuple_size(tmp); i++) {
            kr_value s = kr_tuple_items(tmp)[i];
            if (!kr_is_str(vm, s)) {
                kr_raise(vm, KR_EXC(vm, TypeError), "__slots__ items must be strings, not '%s'", kr_typename(vm, s));
                goto fail;
            }
            if (!is_identifier(s)) {
                kr_raise(vm, KR_EXC(vm, TypeError), "__slots__ must be identifiers");
                goto fail;
            }
            if (kr_str_equal(s, KR_NAME(vm, __dict__))) {
                if (want_dict || base_has_dict) {
                    kr_raise(vm, KR_EXC(vm, TypeError), "__dict__ slot disallowed: we already got one");
                    goto fail;
                }
                want_dict = true;
                continue;
            }
            if (kr_str_equal(s, KR_NAME(vm, __weakref__))) {
                if (base_weak || weak_slot) {
                    kr_raise(vm, KR_EXC(vm, TypeError), "__weakref__ slot disallowed: we already got one");
                    goto fail;
                }
                weak_slot = true;
                continue;
            }
            kr_value mn = mangle(vm, name, s);
            if (!mn || !(mn = kr_intern_value(vm, mn)))
                goto fail;
            if (kr_dict_get_str(vm, dict, mn)) {
                kr_raise(vm, KR_EXC(vm, ValueError), "'%s' in __slots__ conflicts with class variable", kr_str_data(s));
                goto fail;
            }
            kr_tuple_items(slots)[nslots++] = mn;
            kr_gc_barrier(vm, KR_OBJ(slots), mn); /* iterating __slots__ may have run Python code */
        }
        KR_AS(kr_tuple, slots)->size = nslots; /* fresh tuple, not yet shared: shrink in place */
        add_weak = add_weak && weak_slot;
        kr_type *bb = KR_TX(best)->builtin_base;
        if ((nslots || (weak_slot && !may_add_weak)) && (KR_TX(bb)->varsize || bb == vm->t.int_)) {
            kr_raise(vm, KR_EXC(vm, TypeError), "nonempty __slots__ not supported for subtype of '%s'", bb->name_c);
            goto fail;
        }
    }

    /* allocate the class object */
    kr_typex *x = alloc_type(vm, meta, meta->instance_size);
    if (!x)
        goto fail;
    cls = KR_VAL(x);
    kr_type *t = &x->t;
    t->name = kr_intern_value(vm, name);
    if (!t->name)
        goto fail;
    t->name_c = kr_str_data(t->name);
    t->base = best;
    t->bases = bases;
    t->dict = dict;
    t->flags = KR_TF_HEAPTYPE | KR_TF_BASETYPE | (best->flags & (KR_TF_EXCEPTION | KR_TF_INT_SUBCLASS |
               KR_TF_STR_SUBCLASS | KR_TF_TUPLE_SUBCLASS | KR_TF_LIST_SUBCLASS | KR_TF_DICT_SUBCLASS |
               KR_TF_TYPE_SUBCLASS | KR_TF_WEAKREFABLE));
    if (add_weak)
        t->flags |= KR_TF_WEAKREFABLE;
    for (int64_t i = 0; i < nb; i++)
        t->flags |= KR_AS(kr_type, kr_tuple_items(bases)[i])->flags & (KR_TF_EXCEPTION | KR_TF_EXC_FIELDS);
    x->slot_names = slots ? slots : KR_NULL;

    /* __qualname__, __module__, __doc__, __classcell__ */
    kr_value qn = kr_dict_get_str(vm, dict, KR_NAME(vm, __qualname__));
    if (qn) {
        if (!kr_is_str(vm, qn)) {
            kr_raise(vm, KR_EXC(vm, TypeError), "type __qualname__ must be a str, not %s", kr_typename(vm, qn));
            goto fail;
        }
        if (kr_dict_del(vm, dict, KR_NAME(vm, __qualname__)) < 0)
            goto fail;
    }
    t->qualname = qn ? qn : t->name;
    if (!kr_dict_get_str(vm, dict, KR_NAME(vm, __module__))) {
        kr_value g = kr_interp_globals(vm);
        kr_value mn = g ? kr_dict_get_str(vm, g, KR_NAME(vm, __name__)) : KR_NULL;
        if (kr_dict_set(vm, dict, KR_NAME(vm, __module__), mn ? mn : KR_NAME(vm, __main__)) < 0)
            goto fail;
    }
    t->module = kr_dict_get_str(vm, dict, KR_NAME(vm, __module__));
    kr_value cell = kr_dict_get_str(vm, dict, KR_NAME(vm, __classcell__));
    if (cell) {
        if (!kr_is_ptr(cell) || KR_OBJ(cell)->type != vm->t.cell) {
            kr_raise(vm, KR_EXC(vm, TypeError), "__classcell__ must be a nonlocal cell, not %s", kr_typename(vm, cell));
            goto fail;
        }
        kr_cell_set(vm, cell, cls);
        if (kr_dict_del(vm, dict, KR_NAME(vm, __classcell__)) < 0)
            goto fail;
    }
    /* implicit staticmethod / classmethods */
    {
        kr_value f = kr_dict_get_str(vm, dict, KR_NAME(vm, __new__));
        if (f && kr_type_of(vm, f) == vm->t.function) {
            kr_value sm = kr_call1(vm, KR_VAL(vm->t.staticmethod), f);
            if (!sm || kr_dict_set(vm, dict, KR_NAME(vm, __new__), sm) < 0)
                goto fail;
        }
        int cm_names[2] = {KR_NAME___init_subclass__, KR_NAME___class_getitem__};
        for (int i = 0; i < 2; i++) {
            f = kr_dict_get_str(vm, dict, vm->names[cm_names[i]]);
            if (f && kr_type_of(vm, f) == vm->t.function) {
                kr_value cm = kr_call1(vm, KR_VAL(vm->t.classmethod), f);
                if (!cm || kr_dict_set(vm, dict, vm->names[cm_names[i]], cm) < 0)
                    goto fail;
            }
        }
    }
    /* defining __eq__ without __hash__ makes instances unhashable */
    if (kr_dict_get_str(vm, dict, KR_NAME(vm, __eq__)) && !kr_dict_get_str(vm, dict, KR_NAME(vm, __hash__)))
        if (kr_dict_set(vm, dict, KR_NAME(vm, __hash__), KR_NONE) < 0)
            goto fail;

    /* instance layout */
    kr_typex *bx = KR_TX(best);
    kr_type *bb = bx->builtin_base;
    x->builtin_base = bb;
    x->base_trace = bb->trace;
    x->base_finalize = bb->finalize;
    x->varsize = bx->varsize;
    x->has_dict = want_dict || base_has_dict;
    size_t size = best->instance_size;
    if (bb == vm->t.object) {
        x->layout = KR_LAYOUT_INSTANCE;
        if (!(best->flags & KR_TF_HEAPTYPE))
            size = sizeof(kr_instance);
        x->nfixed = bx->nfixed;
    } else if (bb == vm->t.type || kr_type_is_subtype(bb, vm->t.type)) {
        x->layout = KR_LAYOUT_PLAIN; /* classes keep attributes in their own namespace */
        x->has_dict = false;
    } else if (best->flags & KR_TF_HEAPTYPE || bx->layout == KR_LAYOUT_INSTANCE) {
        /* a heap base, or a builtin one with instance storage (exceptions): the same layout, its
         * __slots__ words (if any) and ours after its size */
        x->layout = bx->layout;
        t->attrs_offset = best->attrs_offset;
        x->nfixed = bx->nfixed;
    } else {
        x->layout = bb->attrs_offset ? KR_LAYOUT_ATTRS : KR_LAYOUT_PLAIN;
        t->attrs_offset = bb->attrs_offset;
    }
    if (x->has_dict && x->layout == KR_LAYOUT_PLAIN && bb != vm->t.type && !kr_type_is_subtype(bb, vm->t.type)) {
        if (x->varsize) {
            x->layout = KR_LAYOUT_SIDE;
        } else {
            x->layout = KR_LAYOUT_ATTRS;
            size = (size + 7) & ~(size_t)7;
            t->attrs_offset = size;
            size += sizeof(kr_value);
        }
    }
    size = (size + 7) & ~(size_t)7;
    for (int64_t i = 0; i < nslots; i++) {
        kr_value md = kr_member_descr_new(vm, kr_tuple_items(slots)[i], t, (uint32_t)size);
        if (!md || kr_dict_set(vm, dict, kr_tuple_items(slots)[i], md) < 0)
            goto fail;
        size += sizeof(kr_value);
        x->nfixed++;
    }
    t->instance_size = size;
    t->trace = heap_trace;
    t->finalize = heap_finalize;
    if (x->has_dict && !base_has_dict && x->layout != KR_LAYOUT_PLAIN &&
        !kr_dict_get_str(vm, dict, KR_NAME(vm, __dict__))) {
        kr_value dd = kr_getset_descr_new_for(vm, &inst_dict_getset, t);
        if (!dd || kr_dict_set(vm, dict, KR_NAME(vm, __dict__), dd) < 0)
            goto fail;
    }
    /* as CPython, a class that makes its instances weakly referenceable gets the descriptor of their
     * first weak reference (after __dict__'s) */
    if (add_weak && !kr_dict_get_str(vm, dict, KR_NAME(vm, __weakref__))) {
        kr_value wd = kr_getset_descr_new_for(vm, &inst_weakref_getset, t);
        if (!wd || kr_dict_set(vm, dict, KR_NAME(vm, __weakref__), wd) < 0)
            goto fail;
    }

    /* CPython adds __doc__ last, after the __dict__/__weakref__ descriptors */
    if (!kr_dict_get_str(vm, dict, KR_NAME(vm, __doc__)) && kr_dict_set(vm, dict, KR_NAME(vm, __doc__), KR_NONE) < 0)
        goto fail;

    /* MRO, slots */
    t->mro = c3_mro(vm, t, bases);
    if (!t->mro)
        goto fail;
    /* Python code ran since t was allocated (metaclass hooks, __hash__/__eq__ of namespace keys), so t
     * may be old already: its fields stored above went without barriers. */
    kr_gc_barrier_all(vm, &t->ob);
    t->version = next_version(vm); /* drop any lookup cached before the MRO existed */
    {
        size_t attrs = x->layout == KR_LAYOUT_ATTRS ? t->attrs_offset : 0;
        inherit_slots(t, best);
        t->hash = best->hash;
        t->richcompare = best->richcompare;
        t->trace = heap_trace;
        t->finalize = heap_finalize;
        t->attrs_offset = attrs;
    }
    fix_all_slots(vm, t);
    t->flags |= KR_TF_READY;
    for (int64_t i = 0; i < nb; i++)
        if (add_subclass(vm, KR_AS(kr_type, kr_tuple_items(bases)[i]), t) < 0)
            goto fail;
    if (class_post_init(vm, t, kwargs) < 0)
        goto fail;
    kr_root_reset(vm, m);
    return cls;
fail:
    kr_root_reset(vm, m);
    return KR_NULL;
}

static kr_value kwnames_to_dict(kr_vm *vm, kr_value *kwvals, kr_value kwnames)
{
    if (!kwnames || kr_tuple_size(kwnames) == 0)
        return KR_NULL;
    kr_value d = kr_dict_new(vm);
    if (!d)
        return KR_NULL;
    for (int64_t i = 0; i < kr_tuple_size(kwnames); i++)
        if (kr_dict_set(vm, d, kr_tuple_items(kwnames)[i], kwvals[i]) < 0)
            return KR_NULL;
    return d;
}

static kr_value type_new_slot(kr_vm *vm, kr_type *meta, kr_value *args, int nargs, kr_value kwnames)
{
    bool kw = kwnames && kr_tuple_size(kwnames) > 0;
    if (meta == vm->t.type && nargs == 1 && !kw)
        return KR_VAL(kr_type_of(vm, args[0]));
    if (nargs != 3) {
        if (meta == vm->t.type)
            return kr_raise(vm, KR_EXC(vm, TypeError), "type() takes 1 or 3 arguments");
        return kr_raise(vm, KR_EXC(vm, TypeError), "type.__new__() takes exactly 3 arguments (%d given)", nargs);
    }
    kr_value kwargs = kwnames_to_dict(vm, args + nargs, kwnames);
    if (kw && !kwargs)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &kwargs);
    kr_value r = type_new_impl(vm, meta, args[0], args[1], args[2], kwargs);
    kr_root_reset(vm, m);
    return r;
}

kr_value kr_type_create_class(kr_vm *vm, kr_value metatype, kr_value name, kr_value bases, kr_value ns, kr_value kwargs)
{
    kr_value meta = kr_type_calculate_meta(vm, metatype, bases);
    if (!meta)
        return KR_NULL;
    int64_t nkw = kwargs ? kr_dict_size(kwargs) : 0;
    kr_value small[11];
    kr_value *args = nkw <= 8 ? small : kr_mem_alloc(vm, (size_t)(3 + nkw) * sizeof(kr_value));
    if (!args)
        return KR_NULL;
    args[0] = name;
    args[1] = bases;
    args[2] = ns;
    kr_value kwn = KR_NULL;
    if (nkw) {
        kwn = kr_tuple_new(vm, nkw);
        if (!kwn)
            return KR_NULL;
        int64_t p = 0, j = 0;
        kr_value k, v;
        while (kr_dict_next(kwargs, &p, &k, &v)) {
            kr_tuple_items(kwn)[j] = k;
            args[3 + j++] = v;
        }
    }
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &kwn);
    kr_value r = kr_call(vm, meta, args, 3, kwn);
    kr_root_reset(vm, m);
    if (args != small)
        kr_mem_free(vm, args);
    return r;
}

kr_value kr_type_prepare(kr_vm *vm, kr_value meta, kr_value name, kr_value bases, kr_value kwargs)
{
    if (!meta || meta == KR_VAL(vm->t.type))
        return kr_dict_new(vm);
    kr_value prep = kr_getattr_opt(vm, meta, KR_NAME(vm, __prepare__));
    if (!prep)
        return kr_err_occurred(vm) ? KR_NULL : kr_dict_new(vm);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &prep);
    int64_t nkw = kwargs ? kr_dict_size(kwargs) : 0;
    kr_value small[10];
    kr_value *args = nkw <= 8 ? small : kr_mem_alloc(vm, (size_t)(2 + nkw) * sizeof(kr_value));
    kr_value kwn = KR_NULL;
    kr_value r = KR_NULL;
    if (!args)
        goto out;
    args[0] = name;
    args[1] = bases;
    if (nkw) {
        kwn = kr_tuple_new(vm, nkw);
        if (!kwn)
            goto out;
        int64_t p = 0, j = 0;
        kr_value k, v;
        while (kr_dict_next(kwargs, &p, &k, &v)) {
            kr_tuple_items(kwn)[j] = k;
            args[2 + j++] = v;
        }
    }
    kr_root_push(vm, &kwn);
    r = kr_call(vm, prep, args, 2, kwn);
out:
    if (args && args != small)
        kr_mem_free(vm, args);
    kr_root_reset(vm, m);
    return r;
}

/* ------------------------------------------------------------------------------------------------ */
/* the generic attribute protocol                                                                   */

/* Attribute load on a kr_instance with a shape and an interned name: the instance attribute cache.
 * Same semantics as the general path of generic_getattr (data descriptor, then the instance, then
 * a non-data descriptor or class attribute); *found is false when the attribute is absent. */
/* The attribute cache's entry for (tp, shape, interned name), filled if it was not. */
static inline const kr_attr_cache_entry *attr_cache_entry(kr_vm *vm, kr_type *tp, kr_shape *shape, kr_value name)
{
    uint32_t epoch = type_cache_epoch(vm);
    kr_attr_cache_entry *e = &vm->attr_cache[cache_index(shape, name, KR_ATTR_CACHE_BITS)];
    if (!(e->shape == shape && e->name == name && e->type == tp && e->version == tp->version && e->epoch == epoch)) {
        /* Neither lookup runs Python code or collects, so the entry describes tp and shape as they are. */
        e->descr = type_lookup_interned(vm, tp, name, epoch);
        e->index = kr_shape_lookup_vm(vm, shape, name);
        e->type = tp;
        e->shape = shape;
        e->name = name;
        e->version = tp->version;
        e->epoch = epoch;
    }
    return e;
}

int kr_type_instance_lookup(kr_vm *vm, kr_type *tp, kr_shape *shape, kr_value name, kr_value *descr)
{
    if (!(KR_OBJ(name)->flags & KR_STR_INTERNED)) {
        *descr = kr_type_lookup(vm, tp, name);
        return kr_shape_lookup(shape, name);
    }
    const kr_attr_cache_entry *e = attr_cache_entry(vm, tp, shape, name);
    *descr = e->descr;
    return e->index;
}

static inline kr_value instance_getattr(kr_vm *vm, kr_value self, kr_type *tp, kr_shape *shape, kr_value name,
                                        bool *found)
{
    const kr_attr_cache_entry *e = attr_cache_entry(vm, tp, shape, name);
    kr_value descr = e->descr;
    int index = e->index;
    *found = true;
    if (descr) {
        /* The descriptor's own type is read every time: __class__ assignment may change it. */
        kr_type *dt = kr_type_of(vm, descr);
        kr_value (*f)(kr_vm *, kr_value, kr_value, kr_value) = dt->descr_get;
        if (f && dt->descr_set)
            return f(vm, descr, self, KR_VAL(tp));
        if (index >= 0)
            return kr_instance_slots(self)[index];
        return f ? f(vm, descr, self, KR_VAL(tp)) : descr;
    }
    if (index >= 0)
        return kr_instance_slots(self)[index];
    *found = false;
    return KR_NULL;
}

static kr_value generic_getattr(kr_vm *vm, kr_value self, kr_value name, bool raise)
{
    kr_type *tp = kr_type_of(vm, self);
    kr_shape *shape;
    if (kr_is_ptr(self) && KR_TX(tp)->layout == KR_LAYOUT_INSTANCE && (shape = kr_instance_shape(self)) &&
        (KR_OBJ(name)->flags & KR_STR_INTERNED)) {
        bool found;
        kr_value v = instance_getattr(vm, self, tp, shape, name, &found);
        if (found || !raise)
            return v;
        kr_raise(vm, KR_EXC(vm, AttributeError), "'%s' object has no attribute '%s'", tp->name_c, kr_str_data(name));
        kr_exc_set_attribute_context(vm, self, name);
        return KR_NULL;
    }
    kr_value descr = type_lookup(vm, tp, name);
    kr_value (*f)(kr_vm *, kr_value, kr_value, kr_value) = NULL;
    if (descr) {
        kr_type *dt = kr_type_of(vm, descr);
        f = dt->descr_get;
        if (f && dt->descr_set)
            return f(vm, descr, self, KR_VAL(tp));
    }
    if (kr_is_ptr(self)) {
        kr_typex *x = KR_TX(tp);
        if (x->layout == KR_LAYOUT_INSTANCE) {
            kr_value v = kr_instance_get(vm, self, name);
            if (v)
                return v;
        } else if (x->has_dict && (tp->attrs_offset || x->layout == KR_LAYOUT_SIDE)) {
            kr_value d = kr_type_attrs_dict(vm, self, false);
            if (d) {
                kr_value v = kr_dict_get(vm, d, name);
                if (v)
                    return v;
                if (kr_err_occurred(vm))
                    return KR_NULL;
            }
        }
    }
    if (f)
        return f(vm, descr, self, KR_VAL(tp));
    if (descr)
        return descr;
    if (raise) {
        kr_raise(vm, KR_EXC(vm, AttributeError), "'%s' object has no attribute '%s'", tp->name_c, kr_str_data(name));
        kr_exc_set_attribute_context(vm, self, name);
    }
    return KR_NULL;
}

kr_value kr_generic_getattr(kr_vm *vm, kr_value self, kr_value name) { return generic_getattr(vm, self, name, true); }
kr_value kr_generic_getattr_opt(kr_vm *vm, kr_value self, kr_value name) { return generic_getattr(vm, self, name, false); }

int kr_generic_setattr(kr_vm *vm, kr_value self, kr_value name, kr_value value)
{
    kr_type *tp = kr_type_of(vm, self);
    kr_value descr = type_lookup(vm, tp, name);
    if (descr) {
        kr_type *dt = kr_type_of(vm, descr);
        if (dt->descr_set)
            return dt->descr_set(vm, descr, self, value);
    }
    if (kr_is_ptr(self)) {
        kr_typex *x = KR_TX(tp);
        if (x->layout == KR_LAYOUT_INSTANCE) {
            int r = kr_instance_set(vm, self, name, value);
            if (r <= 0)
                return r;
            if (r == 2)
                return kr_raise_i(vm, KR_EXC(vm, AttributeError), "'%s' object has no attribute '%s'", tp->name_c,
                                  kr_str_data(name));
        } else if (x->has_dict && (tp->attrs_offset || x->layout == KR_LAYOUT_SIDE)) {
            kr_value d = kr_type_attrs_dict(vm, self, value != KR_NULL);
            if (!d && kr_err_occurred(vm))
                return -1;
            if (value)
                return kr_dict_set(vm, d, name, value);
            if (d) {
                int has = kr_dict_contains(vm, d, name);
                if (has < 0)
                    return -1;
                if (has)
                    return kr_dict_del(vm, d, name);
            }
            return kr_raise_i(vm, KR_EXC(vm, AttributeError), "'%s' object has no attribute '%s'", tp->name_c,
                              kr_str_data(name));
        }
    }
    if (descr)
        return kr_raise_i(vm, KR_EXC(vm, AttributeError), "'%s' object attribute '%s' is read-only", tp->name_c,
                          kr_str_data(name));
    if (value)
        return kr_raise_i(vm, KR_EXC(vm, AttributeError),
                          "'%s' object has no attribute '%s' and no __dict__ for setting new attributes", tp->name_c,
                          kr_str_data(name));
    return kr_raise_i(vm, KR_EXC(vm, AttributeError), "'%s' object has no attribute '%s'", tp->name_c, kr_str_data(name));
}

/* ------------------------------------------------------------------------------------------------ */
/* bootstrap                                                                                        */

void kr_descr_init(kr_vm *vm);

void kr_typeobj_init(kr_vm *vm)
{
    /* Not in the GC heap: the tables hold no references (see kr_type_cache_entry) and kr_vm_free frees them. */
    vm->type_cache = kr_vm_table_new(KR_TYPE_CACHE_SIZE * sizeof(kr_type_cache_entry));
    vm->attr_cache = kr_vm_table_new(KR_ATTR_CACHE_SIZE * sizeof(kr_attr_cache_entry));
    if (!vm->type_cache || !vm->attr_cache) {
        fputs("krait: fatal: out of memory creating the type attribute cache\n", stderr);
        abort();
    }
    /* type's type is itself: allocate with a NULL type, then patch the header */
    kr_typex *tx = alloc_type(vm, NULL, sizeof(kr_typex));
    kr_typex *ox = alloc_type(vm, NULL, sizeof(kr_typex));
    if (!tx || !ox) {
        fputs("krait: fatal: out of memory creating 'type'\n", stderr);
        abort();
    }
    tx->t.ob.type = &tx->t;
    ox->t.ob.type = &tx->t;
    vm->t.type = &tx->t;
    vm->t.object = &ox->t;

    kr_type *o = &ox->t;
    o->name_c = "object";
    o->base = NULL;
    o->instance_size = sizeof(kr_object);
    o->flags = KR_TF_BASETYPE;
    o->methods = object_methods;
    o->getsets = object_getsets;
    o->new_ = object_new;
    o->init = object_init;
    o->repr = object_repr;
    o->str = object_str;
    o->hash = object_hash;
    o->richcompare = object_richcompare;
    o->getattr = kr_generic_getattr;
    o->setattr = kr_generic_setattr;
    register_builtin(vm, o);

    kr_type *t = &tx->t;
    t->name_c = "type";
    t->base = o;
    t->instance_size = sizeof(kr_typex);
    t->flags = KR_TF_BASETYPE | KR_TF_TYPE_SUBCLASS;
    t->methods = type_methods;
    t->getsets = type_getsets;
    t->trace = type_trace;
    t->new_ = type_new_slot;
    t->init = type_init;
    t->repr = type_repr;
    t->call = type_call;
    t->hash = type_hash;
    t->richcompare = object_richcompare;
    t->getattr = kr_type_getattr;
    t->setattr = type_setattr;
    register_builtin(vm, t);

    kr_descr_init(vm);
}
