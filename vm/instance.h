/* instance.h: instances of user classes with hidden classes (shapes, PyPy's "mapdict").
 *
 * A class whose only builtin base is object (KR_LAYOUT_INSTANCE, see type.h) has instances laid out as
 * kr_instance: a shape pointer, a buffer of attribute values indexed by the shape, an optional dict (dict
 * mode), then the class's __slots__ words. Exceptions (kr_exception, object.h) begin with the same three
 * fields and also have KR_LAYOUT_INSTANCE; their own fields follow, then their classes' __slots__ words
 * (member descriptors address them by byte offset, whatever the base layout). A shape is an immutable node in a per-class tree rooted at the
 * class's empty shape (KR_TX(cls)->root_shape): each child adds one attribute name (an interned str) at
 * slot index parent->count. Two instances that received the same attributes in the same order share a
 * shape, so `shape + slot index` identifies where an attribute lives.
 *
 * Dict mode: deleting an attribute, having more than KR_SHAPE_MAX_ATTRS attributes, or asking for
 * obj.__dict__ moves the instance to a real dict (shape == NULL, dict != KR_NULL) for good.
 * Instances of classes without a __dict__ (__slots__ only) have shape == NULL and dict == KR_NULL.
 *
 * For the interpreter's inline caches (and the JIT): a load of attribute `name` on obj may be cached as
 *     (type pointer, type version, shape, slot index)
 * provided kr_type_lookup(type, name) found no data descriptor when the cache was filled (the type version
 * guards that). Hit test: kr_type_of(obj) == type && type->version == version &&
 * kr_instance_shape(obj) == shape; then the value is kr_instance_slots(obj)[index]. A store to an existing
 * attribute hits the same way and writes the slot (plus kr_gc_barrier); a store that adds an attribute
 * goes through kr_generic_setattr (or may cache the transition: shape → child, growing the buffer with
 * kr_instance_reserve when kr_instance_capacity(obj) <= index).
 */
#ifndef KRAIT_INSTANCE_H
#define KRAIT_INSTANCE_H

#include "kr.h"

#define KR_SHAPE_MAX_ATTRS 64

typedef struct kr_shape {
    kr_object ob;
    struct kr_shape *parent; /* NULL for a root shape */
    kr_value name;           /* interned str added by this node; KR_NULL for a root */
    uint32_t index;          /* slot index of `name` (== parent->count) */
    uint32_t count;          /* number of attributes in this shape */
    kr_value transitions;    /* dict: name → child shape, or KR_NULL */
    kr_value table;          /* dict: name → small int index, built lazily for long chains, or KR_NULL */
    kr_value owner;          /* the class whose tree this is */
    uint64_t name_mask;      /* OR of kr_shape_name_bit(n) over this shape's names: a clear bit proves
                              * that a name is absent (a Bloom filter, fixed at creation like the rest) */
} kr_shape;

typedef struct kr_instance {
    kr_object ob;            /* ob.aux: capacity of `slots` */
    kr_shape *shape;         /* NULL: dict mode or no attribute storage */
    kr_value *slots;         /* shape->count values, kr_mem_alloc'd */
    kr_value dict;           /* dict mode: the attribute dict; else KR_NULL */
    kr_value fixed[];        /* __slots__ members (member descriptors index them by byte offset) */
} kr_instance;

/* ob.flags bit of a shaped object whose `slots` point into the object itself (room it was allocated
 * with: kr_exception.inline_slots), so they are neither freed nor reallocated; growing past them moves
 * the values to a kr_mem_alloc'd buffer and clears the bit. */
enum { KR_INSTANCE_INLINE_SLOTS = 1u << 15 };

void kr_instance_init(kr_vm *vm); /* phase 1: the shape type */

static inline kr_shape *kr_instance_shape(kr_value v) { return KR_AS(kr_instance, v)->shape; } /* v: a kr_instance */
static inline kr_value *kr_instance_slots(kr_value v) { return KR_AS(kr_instance, v)->slots; }
static inline uint32_t kr_instance_capacity(kr_value v) { return KR_OBJ(v)->aux; }
/* The name_mask bit of an interned name: one of 64 chosen by its address. */
static inline uint64_t kr_shape_name_bit(kr_value name)
{
    return (uint64_t)1 << ((((uint64_t)name >> 4) * 0x9E3779B97F4A7C15ull) >> 58);
}
/* Slot index of name in shape (NULL: -1), or -1. name: a str; interned names (all shape names are)
 * compare by identity and are first tested against shape->name_mask, so most absent names cost no
 * walk; other strs are compared by value along the chain. Needs no VM: kr_instance_get/set add a
 * per-VM (shape, name) cache in front of it. */
int kr_shape_lookup(kr_shape *shape, kr_value name);
/* The same answer through the VM's (shape, name) cache, and a name table for long chains. shape must
 * not be NULL. May allocate the table (failure is ignored: it walks instead); never collects, never
 * raises. */
int kr_shape_lookup_vm(kr_vm *vm, kr_shape *shape, kr_value name);
/* The child of shape adding name (created on first use); NULL + MemoryError. */
kr_shape *kr_shape_add(kr_vm *vm, kr_shape *shape, kr_value name);
/* The root shape of cls (created on first use). */
kr_shape *kr_shape_root(kr_vm *vm, kr_type *cls);

/* Attribute storage of a kr_instance (used by kr_generic_getattr/setattr):
 * get: the value or KR_NULL (absent; no exception).
 * set: value KR_NULL deletes. 0 ok, -1 error, 1 the instance has no attribute storage, 2 delete of a
 * missing attribute (the caller raises AttributeError). */
kr_value kr_instance_get(kr_vm *vm, kr_value self, kr_value name);
int kr_instance_set(kr_vm *vm, kr_value self, kr_value name, kr_value value);
/* Make room for n attribute values in a shaped instance (the growth kr_instance_set uses), so that a
 * cached shape transition (KR_FB_ATTR_SHAPE_ADD) also applies to an instance whose buffer is full, e.g.
 * a new one receiving its first attribute. false when the buffer cannot grow (no exception left
 * pending: the caller's slow path retries and raises). Never collects. */
bool kr_instance_reserve(kr_vm *vm, kr_value self, uint32_t n);
/* obj.__dict__: switches the instance to dict mode and returns the (live) dict. */
kr_value kr_instance_dict(kr_vm *vm, kr_value self);
int kr_instance_set_dict(kr_vm *vm, kr_value self, kr_value dict);

/* GC hooks for kr_instance objects (chained from type.c's heap type hooks). kr_instance_trace marks
 * the attribute storage (kr_instance_trace_attrs: shape, slots, dict) and the __slots__ words after it;
 * exceptions, which share the storage but not the rest of the layout, mark only the storage. */
void kr_instance_trace(kr_vm *vm, kr_object *o);
void kr_instance_trace_attrs(kr_vm *vm, kr_object *o);
void kr_instance_finalize(kr_vm *vm, kr_object *o);

#endif
