/* instance.c: instances of user classes and their shapes (hidden classes). See instance.h.
 *
 * Invariants:
 *  - a kr_instance with shape S holds exactly S->count valid values in slots[0..count) and
 *    ob.aux >= S->count;
 *  - a shape never changes after creation except for its lazily built caches (transitions, table);
 *  - dict mode is final: shape == NULL and dict != KR_NULL;
 *  - every shape name is an interned str, so an interned name is in a shape iff it is pointer-equal to
 *    one of the chain's names, and name_mask == parent->name_mask | kr_shape_name_bit(name).
 */
#include "instance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "type.h"

/* The per-VM shape cache (PyPy's mapdict cache): a direct-mapped table of (shape, interned name) ->
 * slot index or -1, in front of the chain walk / name table of kr_shape_lookup (see kr_shape_lookup_vm).
 *
 * Shapes are immutable, so an entry can only go stale when its shape (or a name in a negative entry)
 * is freed and the address reused by another shape (or string). The collector is non-moving and frees
 * only while collecting, so entries are tagged with the GC epoch (the low word of gc.collections) and
 * an entry of an earlier collection is a miss: the cache is in effect cleared at each collection,
 * lazily, without a GC hook and without holding references. The table is cleared for real when the
 * high word of gc.collections changes, so a 32-bit epoch can never match again after wrapping. */
typedef struct kr_shape_cache_entry {
    kr_shape *shape;
    kr_value name;  /* interned str */
    uint32_t epoch;
    int32_t index;  /* -1: name is not in shape */
} kr_shape_cache_entry;
#define KR_SHAPE_CACHE_BITS 12
#define KR_SHAPE_CACHE_SIZE (1u << KR_SHAPE_CACHE_BITS)

static void shape_trace(kr_vm *vm, kr_object *o)
{
    kr_shape *s = (kr_shape *)o;
    if (s->parent)
        kr_gc_mark_obj(vm, &s->parent->ob);
    kr_gc_mark(vm, s->name);
    kr_gc_mark(vm, s->transitions);
    kr_gc_mark(vm, s->table);
    kr_gc_mark(vm, s->owner);
}

void kr_instance_init(kr_vm *vm)
{
    /* Not in the GC heap: the table holds no references and kr_vm_free frees it. */
    vm->shape_cache = kr_vm_table_new(KR_SHAPE_CACHE_SIZE * sizeof(kr_shape_cache_entry));
    if (!vm->shape_cache) {
        fputs("krait: fatal: out of memory creating the shape cache\n", stderr);
        abort();
    }
    kr_type *t = kr_type_new_builtin(vm, "shape", NULL, sizeof(kr_shape), 0);
    t->trace = shape_trace;
    t->flags |= KR_TF_ABSTRACT;
    vm->t.shape = t;
}

static kr_shape *shape_new(kr_vm *vm, kr_shape *parent, kr_value name, kr_value owner)
{
    kr_shape *s = kr_gc_alloc(vm, vm->t.shape, sizeof *s);
    if (!s)
        return NULL;
    s->parent = parent;
    s->name = name;
    s->owner = owner;
    s->index = parent ? parent->count : 0;
    s->count = parent ? parent->count + 1 : 0;
    s->name_mask = parent ? parent->name_mask | kr_shape_name_bit(name) : 0;
    return s;
}

kr_shape *kr_shape_root(kr_vm *vm, kr_type *cls)
{
    kr_typex *x = KR_TX(cls);
    if (!x->root_shape) {
        kr_shape *s = shape_new(vm, NULL, KR_NULL, KR_VAL(cls));
        if (!s)
            return NULL;
        x->root_shape = KR_VAL(s);
        kr_gc_barrier(vm, &cls->ob, x->root_shape);
    }
    return KR_AS(kr_shape, x->root_shape);
}

/* Build a name → index table for long chains so lookups stay O(1). Failure is harmless (walk instead). */
static void shape_build_table(kr_vm *vm, kr_shape *shape)
{
    kr_value t = kr_dict_new(vm);
    if (!t) {
        kr_err_clear(vm);
        return;
    }
    for (kr_shape *s = shape; s && s->parent; s = s->parent)
        if (kr_dict_set(vm, t, s->name, kr_small(s->index)) < 0) {
            kr_err_clear(vm);
            return;
        }
    shape->table = t;
    kr_gc_barrier(vm, &shape->ob, t);
}

int kr_shape_lookup(kr_shape *shape, kr_value name)
{
    if (!shape)
        return -1;
    if (KR_OBJ(name)->flags & KR_STR_INTERNED) {
        if (!(shape->name_mask & kr_shape_name_bit(name)))
            return -1;
        for (kr_shape *s = shape; s->parent; s = s->parent)
            if (s->name == name)
                return (int)s->index;
        return -1;
    }
    for (kr_shape *s = shape; s->parent; s = s->parent)
        if (s->name == name || kr_str_equal(s->name, name))
            return (int)s->index;
    return -1;
}

#if defined(__GNUC__)
#define SHAPE_NOINLINE __attribute__((noinline))
#else
#define SHAPE_NOINLINE
#endif

/* Out of line so that the cached path of kr_shape_lookup_vm stays a small leaf. */
SHAPE_NOINLINE static int shape_lookup_slow(kr_vm *vm, kr_shape *shape, kr_value name)
{
    if (shape->count > 8) {
        if (!shape->table)
            shape_build_table(vm, shape);
        if (shape->table) {
            kr_value v = kr_dict_get_str(vm, shape->table, name);
            return v ? (int)kr_small_val(v) : -1;
        }
    }
    return kr_shape_lookup(shape, name);
}

/* The high word of gc.collections moved: 32-bit epochs could repeat, so forget everything. */
SHAPE_NOINLINE static void shape_cache_new_era(kr_vm *vm)
{
    memset(vm->shape_cache, 0, KR_SHAPE_CACHE_SIZE * sizeof(kr_shape_cache_entry));
    vm->shape_cache_epoch_hi = (uint32_t)(vm->gc.collections >> 32);
}

int kr_shape_lookup_vm(kr_vm *vm, kr_shape *shape, kr_value name)
{
    if (!(KR_OBJ(name)->flags & KR_STR_INTERNED))
        return shape_lookup_slow(vm, shape, name);
    if (!(shape->name_mask & kr_shape_name_bit(name)))
        return -1; /* cheaper than the cache: the common miss of a method or class attribute */
    uint64_t c = vm->gc.collections;
    if ((uint32_t)(c >> 32) != vm->shape_cache_epoch_hi)
        shape_cache_new_era(vm);
    uint32_t epoch = (uint32_t)c;
    uint64_t k = (((uint64_t)name >> 4) * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)(uintptr_t)shape >> 3);
    kr_shape_cache_entry *e = &vm->shape_cache[(k * 0x9E3779B97F4A7C15ull) >> (64 - KR_SHAPE_CACHE_BITS)];
    if (e->shape == shape && e->name == name && e->epoch == epoch)
        return e->index;
    int i = shape_lookup_slow(vm, shape, name);
    e->shape = shape;
    e->name = name;
    e->epoch = epoch;
    e->index = i;
    return i;
}

kr_shape *kr_shape_add(kr_vm *vm, kr_shape *shape, kr_value name)
{
    if (shape->transitions) {
        kr_value c = kr_dict_get_str(vm, shape->transitions, name);
        if (c)
            return KR_AS(kr_shape, c);
    } else {
        shape->transitions = kr_dict_new(vm);
        if (!shape->transitions)
            return NULL;
        kr_gc_barrier(vm, &shape->ob, shape->transitions);
    }
    kr_shape *child = shape_new(vm, shape, name, shape->owner);
    if (!child || kr_dict_set(vm, shape->transitions, name, KR_VAL(child)) < 0)
        return NULL;
    return child;
}

kr_value kr_instance_new(kr_vm *vm, kr_type *cls)
{
    kr_typex *x = KR_TX(cls);
    size_t size = cls->instance_size;
    if (x->layout != KR_LAYOUT_INSTANCE) {
        /* a builtin-based layout (e.g. int's kr_intsub or plain object): zeroed, filled by the caller */
        kr_object *o = kr_gc_alloc(vm, cls, size < sizeof(kr_object) ? sizeof(kr_object) : size);
        if (o && cls->py_finalize)
            kr_gc_want_finalizer(vm, o); /* __del__ (vm/type.c's slot_del) once it is unreachable */
        return o ? KR_VAL(o) : KR_NULL;
    }
    kr_shape *root = NULL;
    if (x->has_dict && !(root = kr_shape_root(vm, cls)))
        return KR_NULL;
    if (size < sizeof(kr_instance))
        size = sizeof(kr_instance);
    kr_instance *in = kr_gc_alloc(vm, cls, size);
    if (!in)
        return KR_NULL;
    in->shape = root;
    if (cls->py_finalize)
        kr_gc_want_finalizer(vm, &in->ob); /* __del__ (vm/type.c's slot_del) once it is unreachable */
    return KR_VAL(in);
}

/* Release the attribute values' buffer (unless it is the object's own inline room). */
static void drop_slots(kr_vm *vm, kr_instance *in)
{
    if (in->slots && !(in->ob.flags & KR_INSTANCE_INLINE_SLOTS))
        kr_mem_free(vm, in->slots);
    in->ob.flags &= (uint16_t)~KR_INSTANCE_INLINE_SLOTS;
    in->slots = NULL;
    in->ob.aux = 0;
}

static kr_value to_dict_mode(kr_vm *vm, kr_instance *in)
{
    if (in->dict)
        return in->dict;
    kr_value d = kr_dict_new(vm);
    if (!d)
        return KR_NULL;
    /* insert in definition order: walk the chain into a small array first */
    if (in->shape && in->shape->count) {
        uint32_t n = in->shape->count;
        kr_value names_small[16];
        kr_value *names = n <= 16 ? names_small : kr_mem_alloc(vm, n * sizeof(kr_value));
        if (!names)
            return KR_NULL;
        for (kr_shape *s = in->shape; s && s->parent; s = s->parent)
            names[s->index] = s->name;
        for (uint32_t i = 0; i < n; i++)
            if (kr_dict_set(vm, d, names[i], in->slots[i]) < 0) {
                if (names != names_small)
                    kr_mem_free(vm, names);
                return KR_NULL;
            }
        if (names != names_small)
            kr_mem_free(vm, names);
    }
    in->dict = d;
    kr_gc_barrier(vm, &in->ob, d);
    in->shape = NULL;
    drop_slots(vm, in);
    return d;
}

kr_value kr_instance_get(kr_vm *vm, kr_value self, kr_value name)
{
    kr_instance *in = KR_AS(kr_instance, self);
    if (in->shape) {
        int i = kr_shape_lookup_vm(vm, in->shape, name);
        return i >= 0 ? in->slots[i] : KR_NULL;
    }
    if (in->dict) {
        kr_value v = kr_dict_get(vm, in->dict, name);
        if (!v && kr_err_occurred(vm))
            kr_err_clear(vm); /* str keys: lookups cannot fail except on a broken __eq__ */
        return v;
    }
    return KR_NULL;
}

/* Grow in->slots to at least n values: doubling from 4, so n attributes added one by one cost
 * O(log n) reallocations. */
static bool slots_grow(kr_vm *vm, kr_instance *in, uint32_t n)
{
    uint32_t cap = in->ob.aux ? in->ob.aux * 2 : 4;
    while (cap < n)
        cap *= 2;
    kr_value *ns;
    if (in->ob.flags & KR_INSTANCE_INLINE_SLOTS) {
        /* out of the inline room: the values move to a buffer of their own */
        if (!(ns = kr_mem_alloc(vm, cap * sizeof(kr_value))))
            return false;
        memcpy(ns, in->slots, in->ob.aux * sizeof(kr_value));
        in->ob.flags &= (uint16_t)~KR_INSTANCE_INLINE_SLOTS;
    } else if (!(ns = kr_mem_realloc(vm, in->slots, cap * sizeof(kr_value)))) {
        return false;
    }
    in->slots = ns;
    in->ob.aux = cap;
    return true;
}

bool kr_instance_reserve(kr_vm *vm, kr_value self, uint32_t n)
{
    kr_instance *in = KR_AS(kr_instance, self);
    if (n <= in->ob.aux)
        return true;
    if (slots_grow(vm, in, n))
        return true;
    kr_err_clear(vm);
    return false;
}

int kr_instance_set(kr_vm *vm, kr_value self, kr_value name, kr_value value)
{
    kr_instance *in = KR_AS(kr_instance, self);
    if (in->shape) {
        int i = kr_shape_lookup_vm(vm, in->shape, name);
        if (value) {
            if (i >= 0) {
                in->slots[i] = value;
                kr_gc_barrier(vm, &in->ob, value);
                return 0;
            }
            if (in->shape->count < KR_SHAPE_MAX_ATTRS) {
                kr_value iname = kr_intern_value(vm, name);
                if (!iname)
                    return -1;
                kr_shape *child = kr_shape_add(vm, in->shape, iname);
                if (!child)
                    return -1;
                if (child->count > in->ob.aux && !slots_grow(vm, in, child->count))
                    return -1;
                in->slots[child->index] = value;
                in->shape = child;
                kr_gc_barrier(vm, &in->ob, value);
                return 0;
            }
        } else if (i < 0) {
            return 2;
        }
        /* deletion, or too many attributes: leave the shape tree for a dict */
        if (!to_dict_mode(vm, in))
            return -1;
    }
    if (!in->dict)
        return 1;
    if (value) {
        if (kr_dict_set(vm, in->dict, name, value) < 0)
            return -1;
        kr_gc_barrier(vm, &in->ob, value);
        return 0;
    }
    int has = kr_dict_contains(vm, in->dict, name);
    if (has < 0)
        return -1;
    if (!has)
        return 2;
    return kr_dict_del(vm, in->dict, name);
}

kr_value kr_instance_dict(kr_vm *vm, kr_value self)
{
    kr_instance *in = KR_AS(kr_instance, self);
    if (!in->shape && !in->dict) {
        if (!KR_TX(in->ob.type)->has_dict)
            return kr_raise(vm, KR_EXC(vm, AttributeError), "'%s' object has no attribute '__dict__'",
                            in->ob.type->name_c);
    }
    return to_dict_mode(vm, in);
}

int kr_instance_set_dict(kr_vm *vm, kr_value self, kr_value dict)
{
    kr_instance *in = KR_AS(kr_instance, self);
    if (!KR_TX(in->ob.type)->has_dict)
        return kr_raise_i(vm, KR_EXC(vm, AttributeError), "'%s' object has no attribute '__dict__'", in->ob.type->name_c);
    in->shape = NULL;
    drop_slots(vm, in);
    in->dict = dict;
    kr_gc_barrier(vm, &in->ob, dict);
    return 0;
}

void kr_instance_trace_attrs(kr_vm *vm, kr_object *o)
{
    kr_instance *in = (kr_instance *)o;
    if (in->shape) {
        kr_gc_mark_obj(vm, &in->shape->ob);
        for (uint32_t i = 0; i < in->shape->count; i++)
            kr_gc_mark(vm, in->slots[i]);
    }
    kr_gc_mark(vm, in->dict);
}

void kr_instance_trace(kr_vm *vm, kr_object *o)
{
    kr_instance_trace_attrs(vm, o);
    size_t end = o->type->instance_size;
    for (size_t off = offsetof(kr_instance, fixed); off + sizeof(kr_value) <= end; off += sizeof(kr_value))
        kr_gc_mark(vm, *(kr_value *)((char *)o + off));
}

void kr_instance_finalize(kr_vm *vm, kr_object *o) { drop_slots(vm, (kr_instance *)o); }
