/* instance.c: instances of user classes and their shapes (hidden classes). See instance.h.
 *
 * Invariants:
 *  - a kr_instance with shape S holds exactly S->count valid values in slots[0..count) and
 *    ob.aux >= S->count;
 *  - a shape never changes after creation except for its lazily built caches (transitions, table);
 *  - dict mode is final: shape == NULL and dict != KR_NULL.
 */
#include "instance.h"

#include <string.h>

#include "type.h"

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
    bool interned = (KR_OBJ(name)->flags & KR_STR_INTERNED) != 0;
    for (kr_shape *s = shape; s && s->parent; s = s->parent)
        if (s->name == name || (!interned && kr_str_equal(s->name, name)))
            return (int)s->index;
    return -1;
}

static int shape_lookup_vm(kr_vm *vm, kr_shape *shape, kr_value name)
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
    return KR_VAL(in);
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
    if (in->slots)
        kr_mem_free(vm, in->slots);
    in->slots = NULL;
    in->ob.aux = 0;
    return d;
}

kr_value kr_instance_get(kr_vm *vm, kr_value self, kr_value name)
{
    kr_instance *in = KR_AS(kr_instance, self);
    if (in->shape) {
        int i = shape_lookup_vm(vm, in->shape, name);
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

int kr_instance_set(kr_vm *vm, kr_value self, kr_value name, kr_value value)
{
    kr_instance *in = KR_AS(kr_instance, self);
    if (in->shape) {
        int i = shape_lookup_vm(vm, in->shape, name);
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
                if (child->count > in->ob.aux) {
                    uint32_t cap = in->ob.aux ? in->ob.aux * 2 : 4;
                    while (cap < child->count)
                        cap *= 2;
                    kr_value *ns = kr_mem_realloc(vm, in->slots, cap * sizeof(kr_value));
                    if (!ns)
                        return -1;
                    in->slots = ns;
                    in->ob.aux = cap;
                }
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
    if (in->slots)
        kr_mem_free(vm, in->slots);
    in->slots = NULL;
    in->ob.aux = 0;
    in->dict = dict;
    kr_gc_barrier(vm, &in->ob, dict);
    return 0;
}

void kr_instance_trace(kr_vm *vm, kr_object *o)
{
    kr_instance *in = (kr_instance *)o;
    if (in->shape) {
        kr_gc_mark_obj(vm, &in->shape->ob);
        for (uint32_t i = 0; i < in->shape->count; i++)
            kr_gc_mark(vm, in->slots[i]);
    }
    kr_gc_mark(vm, in->dict);
    size_t end = o->type->instance_size;
    for (size_t off = offsetof(kr_instance, fixed); off + sizeof(kr_value) <= end; off += sizeof(kr_value))
        kr_gc_mark(vm, *(kr_value *)((char *)o + off));
}

void kr_instance_finalize(kr_vm *vm, kr_object *o)
{
    kr_instance *in = (kr_instance *)o;
    if (in->slots)
        kr_mem_free(vm, in->slots);
    in->slots = NULL;
}
