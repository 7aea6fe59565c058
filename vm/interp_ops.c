/* interp_ops.c: the slow paths of bytecode instructions shared by the interpreter (vm/interp.c) and
 * compiled code's runtime functions (compiler/jit_rt.c); vm/interp_ops.h describes the split between
 * these and the inline fast paths. */
#include "interp_ops.h"

#include <string.h>

#include "frame.h"
#include "dict.h"
#include "function.h"
#include "interp.h"
#include "iterobj.h"
#include "str.h"
#include "range.h"
#include "type.h"

/* ---- attribute inline caches ----------------------------------------------------------------------- */

/* Instances of user classes whose attribute access is the generic one: only those are cached by
 * shape, because only for them does the shape say where an attribute lives. */
static bool plain_instance_type(const kr_type *t)
{
    return (t->flags & KR_TF_HEAPTYPE) && !(t->flags & KR_TF_CUSTOM_GETATTR) &&
           KR_TX(t)->layout == KR_LAYOUT_INSTANCE && t->getattr == kr_generic_getattr;
}

static bool is_data_descr(kr_vm *vm, kr_value d)
{
    kr_type *dt = kr_type_of(vm, d);
    return dt->descr_get && dt->descr_set;
}

/* The byte offset of the __slots__ member that name resolves to on instances of t, or -1. Only classes
 * with members (nfixed) look, so other stores that miss pay no type lookup. A member descriptor copied
 * onto a class it does not belong to (`C.x = D.y`) raises TypeError when used: not cached. Member
 * descriptors are data descriptors, so they take precedence over the instance's own attributes, and
 * their offset is fixed at creation: the type version alone guards the answer. */
static int64_t member_offset(kr_vm *vm, kr_type *t, kr_value name)
{
    if (!KR_TX(t)->nfixed)
        return -1;
    kr_value d = kr_type_lookup(vm, t, name);
    if (!d || !kr_is_ptr(d) || KR_OBJ(d)->type != vm->member_descr_type)
        return -1;
    kr_member_descr *m = KR_AS(kr_member_descr, d);
    return kr_type_is_subtype(t, m->owner) ? (int64_t)m->offset : -1;
}

bool kr_interp_op_poly_hit(const kr_fb *e, kr_value obj, const kr_type *t, kr_value *out, bool method)
{
    const kr_fb_poly *p = e->attr.shape;
    for (uint32_t i = 0; i < p->n; i++) {
        const kr_fb_attr_entry *x = &p->e[i];
        if (x->type != t)
            continue;
        if (!method)
            return kr_interp_op_load_entry_hit(x, obj, t, out);
        if (x->kind == KR_FB_ATTR_CLASS_VALUE) {
            if (!kr_interp_op_class_value_hit(x->shape, x->version, x->value, obj, out))
                return false;
            out[1] = KR_NULL;
            return true;
        }
        if (x->version == t->version && x->kind == KR_FB_ATTR_METHOD &&
            (!x->shape || (void *)kr_instance_shape(obj) == x->shape)) {
            out[0] = x->value;
            out[1] = obj;
            return true;
        }
        return false;
    }
    return false;
}

/* Records entry n at a LOAD_ATTR / LOAD_METHOD site: the single entry while the site sees one receiver
 * type (a newer answer for that type replaces it); a second type makes the site polymorphic, and a
 * polymorphic site keeps one entry per type, up to KR_FB_POLY_WAYS (then round-robin). */
static void attr_cache_record(kr_vm *vm, kr_fb *e, const kr_fb_attr_entry *n)
{
    kr_interp_fb_barrier(vm, e); /* the code object (old) now references what n holds */
    if (e->attr.kind == KR_FB_ATTR_POLY) {
        kr_fb_poly *p = e->attr.shape;
        for (uint32_t i = 0; i < p->n; i++)
            if (p->e[i].type == n->type) {
                p->e[i] = *n;
                return;
            }
        if (p->n < KR_FB_POLY_WAYS)
            p->e[p->n++] = *n;
        else
            p->e[p->next++ % KR_FB_POLY_WAYS] = *n;
        return;
    }
    if (e->attr.type && e->attr.type != n->type && e->attr.kind != KR_FB_ATTR_NONE) {
        /* kr_mem_alloc never collects; out of memory, the site just keeps a single entry */
        kr_fb_poly *p = kr_mem_alloc(vm, sizeof *p);
        if (p) {
            memset(p, 0, sizeof *p);
            p->e[0] = (kr_fb_attr_entry){e->attr.type, e->attr.shape, e->attr.value, e->attr.index,
                                         e->attr.version, e->attr.kind};
            p->e[1] = *n;
            p->n = 2;
            e->attr.kind = KR_FB_ATTR_POLY;
            e->attr.type = NULL;
            e->attr.shape = p;
            e->attr.value = KR_NULL;
            return;
        }
        kr_err_clear(vm);
    }
    e->attr.type = n->type;
    e->attr.version = n->version;
    e->attr.kind = n->kind;
    e->attr.shape = n->shape;
    e->attr.index = n->index;
    e->attr.value = n->value;
}

void kr_interp_fb_barrier(kr_vm *vm, const kr_fb *e)
{
    for (kr_frame *f = vm->frame; f; f = f->prev) {
        kr_code *co = f->code;
        if (e >= co->fb && e < co->fb + co->nfb) {
            kr_gc_barrier_all(vm, &co->ob);
            return;
        }
    }
    /* Not a running code's entry: none is filled elsewhere; remember nothing rather than guess. */
}

/* Caches the slot, __slots__ member or plain class attribute v that kr_getattr found for obj.name,
 * unless the site has missed too often (megamorphic: stop refilling) or a data descriptor on the class
 * other than a member takes precedence. */
static void attr_cache_fill_load(kr_vm *vm, kr_fb *e, kr_value obj, kr_type *t, kr_value name, kr_value v)
{
    if (!kr_is_ptr(obj) || !plain_instance_type(t) || e->attr.misses >= 64)
        return;
    int64_t off = member_offset(vm, t, name);
    if (off >= 0) {
        /* kr_getattr ran no Python code for a member (the version still holds), but check that it read
         * this word rather than trusting the lookup alone */
        if (*(kr_value *)((char *)KR_OBJ(obj) + off) != v)
            return;
        if (e->attr.kind != KR_FB_ATTR_NONE)
            e->attr.misses++;
        attr_cache_record(vm, e, &(kr_fb_attr_entry){t, NULL, KR_NULL, off, t->version, KR_FB_ATTR_MEMBER_SLOT});
        return;
    }
    kr_shape *shape = kr_instance_shape(obj);
    if (!shape) {
        /* __slots__ without __dict__: instances hold nothing but members, so a plain class attribute
         * cannot be shadowed (an entry without a shape, which the hit compares with the instance's
         * NULL shape) */
        if (KR_TX(t)->has_dict)
            return;
        kr_value d = kr_type_lookup(vm, t, name);
        if (d && d == v && !kr_type_of(vm, d)->descr_get) {
            if (e->attr.kind != KR_FB_ATTR_NONE)
                e->attr.misses++;
            attr_cache_record(vm, e, &(kr_fb_attr_entry){t, NULL, d, 0, t->version, KR_FB_ATTR_TYPE_VALUE});
        }
        return;
    }
    kr_value d;
    int idx = kr_type_instance_lookup(vm, t, shape, name, &d);
    if (d && is_data_descr(vm, d))
        return;
    if (e->attr.kind != KR_FB_ATTR_NONE)
        e->attr.misses++;
    if (idx >= 0) {
        if (kr_instance_slots(obj)[idx] != v)
            return;
        attr_cache_record(vm, e, &(kr_fb_attr_entry){t, shape, KR_NULL, idx, t->version, KR_FB_ATTR_SHAPE_SLOT});
    } else if (d && !kr_type_of(vm, d)->descr_get && d == v) {
        /* a plain class attribute */
        attr_cache_record(vm, e, &(kr_fb_attr_entry){t, shape, d, 0, t->version, KR_FB_ATTR_TYPE_VALUE});
    }
}

/* obj.name = v where obj is a class whose metatype is exactly type: cached (KR_FB_ATTR_CLASS_VALUE)
 * when v is the attribute found on obj's MRO itself, of a kind whose access on the class returns it
 * as is and runs no code (so a hit, which skips the access, is the same), and no data descriptor of
 * type (__name__, __dict__, __doc__...) takes precedence. The class's version covers every namespace
 * on its MRO; type's own never changes. */
static void attr_cache_fill_class(kr_vm *vm, kr_fb *e, kr_value obj, kr_value name, kr_value v)
{
    if (e->attr.misses >= 64)
        return;
    kr_type *cls = (kr_type *)KR_OBJ(obj);
    kr_value d = kr_type_lookup(vm, cls, name);
    if (!d || d != v)
        return;
    kr_type *dt = kr_type_of(vm, d);
    if (dt->descr_get && dt != vm->t.function && dt != vm->method_descr_type && dt != vm->t.slot_wrapper)
        return;
    kr_value m = kr_type_lookup(vm, vm->t.type, name);
    if (m && is_data_descr(vm, m))
        return;
    if (e->attr.kind != KR_FB_ATTR_NONE)
        e->attr.misses++;
    attr_cache_record(vm, e, &(kr_fb_attr_entry){vm->t.type, cls, d, 0, cls->version, KR_FB_ATTR_CLASS_VALUE});
}

/* Caches v = module.name (found by kr_getattr) as a KR_FB_ATTR_MODULE entry when it is the module's
 * own global (module_getattr looks there first, so the dict's word is the answer while the dict's keys
 * stay the same). Only sites that are empty or already saw modules alone: poly entries are for
 * instances (the back end probes them as such). */
static void attr_cache_fill_module(kr_vm *vm, kr_fb *e, kr_value obj, kr_type *t, kr_value name, kr_value v)
{
    if (t != vm->t.module || e->attr.misses >= 64 || e->attr.kind == KR_FB_ATTR_POLY ||
        (e->attr.type && e->attr.type != t))
        return;
    kr_value d = KR_AS(kr_module, obj)->dict;
    kr_value *slot = kr_is_ptr(d) && kr_is_str(vm, name) ? kr_dict_lookup_slot(vm, d, name) : NULL;
    uint64_t kv = slot ? kr_dict_keys_version(d) : 0;
    if (!slot || *slot != v || !kr_fits_small((int64_t)kv) || (int64_t)kv < 0)
        return;
    if (e->attr.kind != KR_FB_ATTR_NONE)
        e->attr.misses++;
    kr_interp_fb_barrier(vm, e); /* the code object (old) now references the dict */
    e->attr.type = t;
    e->attr.version = t->version;
    e->attr.kind = KR_FB_ATTR_MODULE;
    e->attr.shape = KR_OBJ(d);
    e->attr.value = kr_small((int64_t)kv);
    e->attr.index = (int64_t)(uintptr_t)slot;
}

kr_value kr_interp_op_load_attr_miss(kr_vm *vm, kr_fb *e, kr_value obj, kr_type *t, kr_value name)
{
    kr_value v = kr_getattr(vm, obj, name);
    if (v) {
        if (t == vm->t.type)
            attr_cache_fill_class(vm, e, obj, name, v);
        else if (t == vm->t.module)
            attr_cache_fill_module(vm, e, obj, t, name, v);
        else
            attr_cache_fill_load(vm, e, obj, t, name, v);
    }
    return v;
}

/* The store hits kr_interp_op_store_attr_hit leaves to the miss: an attribute added along a cached
 * transition to an instance whose buffer is full (a new one receiving its first attribute: the buffer
 * grows), and a polymorphic site's entries (KR_FB_ATTR_POLY: additions only, store_cache_record). */
static bool store_add(kr_vm *vm, kr_value obj, const void *shape, int64_t index, kr_value child, kr_value v)
{
    if ((void *)kr_instance_shape(obj) != shape ||
        (kr_instance_capacity(obj) <= (uint32_t)index && !kr_instance_reserve(vm, obj, (uint32_t)index + 1)))
        return false;
    kr_instance_slots(obj)[index] = v;
    KR_AS(kr_instance, obj)->shape = (kr_shape *)KR_OBJ(child);
    kr_gc_barrier(vm, KR_OBJ(obj), v);
    kr_gc_barrier(vm, KR_OBJ(obj), child);
    return true;
}

static bool store_add_hit(kr_vm *vm, const kr_fb *e, kr_value obj, const kr_type *t, kr_value v)
{
    if (e->attr.kind == KR_FB_ATTR_SHAPE_ADD)
        return e->attr.type == t && e->attr.version == t->version &&
               store_add(vm, obj, e->attr.shape, e->attr.index, e->attr.value, v);
    if (e->attr.kind != KR_FB_ATTR_POLY)
        return false;
    const kr_fb_poly *p = e->attr.shape;
    for (uint32_t i = 0; i < p->n; i++) {
        const kr_fb_attr_entry *x = &p->e[i];
        if (x->type == t) /* one entry per type (attr_cache_record) */
            return x->version == t->version && store_add(vm, obj, x->shape, x->index, x->value, v);
    }
    return false;
}

/* Records a STORE_ATTR entry. Only attribute additions (SHAPE_ADD) make a site polymorphic: the same
 * __init__ run for several classes (subclasses, each with its own shape tree) adds the same names to
 * instances of each. Those stores are runtime calls in compiled code anyway; a store into an existing
 * slot or member keeps a single entry, which the JIT compiles inline (hir_build.c's store_attr), so a
 * polymorphic site (which holds SHAPE_ADD entries only) gives way to it. */
static void store_cache_record(kr_vm *vm, kr_fb *e, const kr_fb_attr_entry *n)
{
    bool join = n->kind == KR_FB_ATTR_SHAPE_ADD &&
                (e->attr.kind == KR_FB_ATTR_SHAPE_ADD || e->attr.kind == KR_FB_ATTR_POLY);
    if (!join) {
        if (e->attr.kind == KR_FB_ATTR_POLY) /* (compiled code never holds a store site's kr_fb_poly) */
            kr_mem_free(vm, e->attr.shape);
        e->attr.kind = KR_FB_ATTR_NONE; /* replaced, not joined, by attr_cache_record */
        e->attr.type = NULL;
        e->attr.shape = NULL;
    }
    attr_cache_record(vm, e, n);
}

/* A store to obj.name may be cached when it goes to the instance's shape: no data descriptor (a
 * property setter, a slot descriptor) on the class intercepts it. */
static bool attr_cacheable_store(kr_vm *vm, kr_value obj, kr_type *t, kr_value name)
{
    /* only stores into the instance's shape are cached here (members are cached before this is
     * asked): dict-mode instances have no shape, and their stores must not pay for a type lookup */
    if (!kr_is_ptr(obj) || !plain_instance_type(t) || t->setattr != kr_generic_setattr || !kr_instance_shape(obj))
        return false;
    kr_value d = kr_type_lookup(vm, t, name);
    return !(d && kr_type_of(vm, d)->descr_set);
}

int kr_interp_op_store_attr_miss(kr_vm *vm, kr_fb *e, kr_value obj, kr_type *t, kr_value name, kr_value v)
{
    if (store_add_hit(vm, e, obj, t, v))
        return 0;
    /* a __slots__ member (whether or not the instance also has a shape: the member wins) */
    if (e->attr.misses < 64 && kr_is_ptr(obj) && plain_instance_type(t) && t->setattr == kr_generic_setattr) {
        int64_t off = member_offset(vm, t, name);
        if (off >= 0) {
            if (e->attr.kind != KR_FB_ATTR_NONE)
                e->attr.misses++;
            uint32_t ver = t->version;
            if (kr_setattr(vm, obj, name, v) < 0)
                return -1;
            if (t->version == ver)
                store_cache_record(vm, e, &(kr_fb_attr_entry){t, NULL, KR_NULL, off, t->version, KR_FB_ATTR_MEMBER_SLOT});
            return 0;
        }
    }
    /* a site that keeps missing is megamorphic: stop re-filling it (as loads do) */
    if (e->attr.misses >= 64 || !attr_cacheable_store(vm, obj, t, name))
        return kr_setattr(vm, obj, name, v); /* nothing to cache: a tail call, no frame of our own */
    if (e->attr.kind != KR_FB_ATTR_NONE)
        e->attr.misses++;
    kr_shape *before = kr_instance_shape(obj);
    uint32_t ver = t->version;
    if (kr_setattr(vm, obj, name, v) < 0)
        return -1;
    /* cache what the store did, unless it changed the type (its version: the lookup above is stale) */
    if (before && t->version == ver) {
        kr_shape *after = kr_instance_shape(obj);
        if (after == before) {
            int idx = kr_shape_lookup(after, name);
            if (idx >= 0)
                store_cache_record(vm, e, &(kr_fb_attr_entry){t, after, KR_NULL, idx, t->version, KR_FB_ATTR_SHAPE_SLOT});
        } else if (after && after->parent == before && after->name == name) {
            store_cache_record(vm, e, &(kr_fb_attr_entry){t, before, KR_VAL(after), after->index, t->version,
                                                          KR_FB_ATTR_SHAPE_ADD});
        }
    }
    return 0;
}

/* Fills the LOAD_METHOD cache with method d of type t (shape: the instance shape it was checked
 * against, NULL when instances of t have no attributes of their own) and returns (d, obj). */
static int method_cache_fill(kr_vm *vm, kr_fb *e, kr_type *t, kr_shape *shape, kr_value d, kr_value obj,
                             kr_value *out)
{
    attr_cache_record(vm, e, &(kr_fb_attr_entry){t, shape, d, 0, t->version, KR_FB_ATTR_METHOD});
    out[0] = d;
    out[1] = obj;
    return 0;
}

int kr_interp_op_load_method_miss(kr_vm *vm, kr_fb *e, kr_value obj, kr_type *t, kr_value name, kr_value *out)
{
    /* Instances of plain user classes: a function on the class, not shadowed by the instance's shape. */
    if (kr_is_ptr(obj) && plain_instance_type(t) && kr_instance_shape(obj)) {
        kr_shape *shape = kr_instance_shape(obj);
        kr_value d;
        int idx = kr_type_instance_lookup(vm, t, shape, name, &d);
        if (d && kr_func_check(vm, d) && idx < 0)
            return method_cache_fill(vm, e, t, shape, d, obj, out);
    }
    /* Instances of plain user classes with __slots__ and no __dict__ hold no attributes of their own
     * (members are data descriptors on the class, found by the lookup): a function on the class cannot
     * be shadowed, so the entry needs no shape (as for builtin types below). */
    if (kr_is_ptr(obj) && plain_instance_type(t) && !KR_TX(t)->has_dict && !kr_instance_shape(obj)) {
        kr_value d = kr_type_lookup(vm, t, name);
        if (d && kr_func_check(vm, d))
            return method_cache_fill(vm, e, t, NULL, d, obj, out);
    }
    /* Builtin types without per-instance attributes: a method found on the type cannot be shadowed,
     * so cache (type, version) -> method and call it with self, without a bound method. */
    /* (list, dict and set have an attrs_offset only for their heap subclasses: has_dict is what says
     * whether an instance itself may hold attributes.) */
    if (!(t->flags & (KR_TF_HEAPTYPE | KR_TF_TYPE_SUBCLASS)) && !KR_TX(t)->has_dict && t != vm->t.type &&
        t != vm->t.module && t->getattr == vm->t.object->getattr) {
        kr_value d = kr_type_lookup(vm, t, name);
        /* A method descriptor (str.find, list.append: how kr_type_ready stores C methods) applies to
         * obj because it was found on obj's own MRO; calling it with self spares a bound method. */
        if (d && kr_is_ptr(d) &&
            ((KR_OBJ(d)->type == vm->t.cfunction && KR_AS(kr_cfunction, d)->flags == KR_METH_DEFAULT &&
              !KR_AS(kr_cfunction, d)->self) ||
             KR_OBJ(d)->type == vm->method_descr_type || KR_OBJ(d)->type == vm->t.function))
            return method_cache_fill(vm, e, t, NULL, d, obj, out);
    }
    kr_value v = kr_getattr(vm, obj, name);
    if (!v)
        return -1;
    if (t == vm->t.module)
        attr_cache_fill_module(vm, e, obj, t, name, v);
    if (kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.method && KR_AS(kr_method, v)->self == obj) {
        out[0] = KR_AS(kr_method, v)->func;
        out[1] = obj;
    } else {
        if (t == vm->t.type)
            attr_cache_fill_class(vm, e, obj, name, v);
        out[0] = v;
        out[1] = KR_NULL;
    }
    return 0;
}

/* ---- exception handlers --------------------------------------------------------------------------- */

/* A class deriving from BaseException: a type object (its type is type or a subclass) whose flags say
 * so (KR_TF_EXCEPTION is inherited by every subclass of BaseException). */
static bool exc_class(kr_value v)
{
    return kr_is_ptr(v) && (KR_OBJ(v)->type->flags & KR_TF_TYPE_SUBCLASS) &&
           (((kr_type *)KR_OBJ(v))->flags & KR_TF_EXCEPTION);
}

int kr_interp_op_check_exc_match(kr_vm *vm, kr_value ev, kr_value cls)
{
    kr_type *t = kr_type_of(vm, ev);
    if (exc_class(cls))
        return kr_type_is_subtype(t, (kr_type *)KR_OBJ(cls));
    if (kr_tuple_check(vm, cls)) {
        int64_t n = kr_tuple_size(cls);
        kr_value *items = kr_tuple_items(cls);
        for (int64_t i = 0; i < n; i++)
            if (!exc_class(items[i]))
                goto bad;
        for (int64_t i = 0; i < n; i++)
            if (kr_type_is_subtype(t, (kr_type *)KR_OBJ(items[i])))
                return 1;
        return 0;
    }
bad:
    return kr_raise_i(vm, KR_EXC(vm, TypeError), "catching classes that do not inherit from BaseException is not allowed");
}

/* ---- BINARY_OP / COMPARE_OP / GET_ITEM / SET_ITEM ------------------------------------------------- */

kr_value kr_interp_op_binary_slow(kr_vm *vm, kr_fb *e, unsigned x, kr_value a, kr_value b)
{
    unsigned op = x & 0x7f;
    if (kr_is_small(a) && kr_is_small(b)) {
        kr_value r;
        if (kr_interp_op_binary_small(e, op, a, b, &r))
            return r;
        e->types.extra |= KR_FB_OVERFLOWED; /* hir_build.c then compiles the site generically, not as small-int arithmetic */
    } else if (kr_interp_op_both_floats(vm, a, b)) {
        double r;
        if (kr_interp_op_binary_float(e, op, kr_float_value(a), kr_float_value(b), &r))
            return kr_float_new(vm, r);
    } else if (kr_is_ptr(a) && KR_OBJ(a)->type == vm->t.str && (op == KR_OP_ADD || op == KR_OP_MOD) &&
               kr_is_ptr(b) && (KR_OBJ(b)->type == vm->t.str || (op == KR_OP_MOD && !kr_is_str(vm, b)))) {
        /* exact str + exact str, and exact str % anything that is not a str subclass (which could
         * define __rmod__ and go first): what binary_op1 would end in, without its dispatch. str has
         * no in-place operators, so X's in-place flag changes nothing. */
        e->types.lhs |= KR_FB_STR;
        e->types.rhs |= (uint8_t)kr_code_type_bits(vm, b);
        kr_value v = op == KR_OP_ADD ? kr_str_concat(vm, a, b) : kr_str_mod_format(vm, a, b);
        if (v)
            e->types.result |= (uint8_t)kr_code_type_bits(vm, v);
        return v;
    } else {
        e->types.lhs |= (uint8_t)kr_code_type_bits(vm, a);
        e->types.rhs |= (uint8_t)kr_code_type_bits(vm, b);
        /* a small int with an exact float (0 + x, 2 * x, n / x): float's own arithmetic on the int
         * converted to double, rounded to nearest as CPython's int-to-float conversion; floats have
         * no in-place operators, so X's in-place flag changes nothing */
        double fa, fb, r;
        bool mixed = false;
        if (kr_is_small(a) && kr_is_ptr(b) && KR_OBJ(b)->type == vm->t.float_) {
            fa = (double)kr_small_val(a);
            fb = kr_float_value(b);
            mixed = true;
        } else if (kr_is_small(b) && kr_is_ptr(a) && KR_OBJ(a)->type == vm->t.float_) {
            fa = kr_float_value(a);
            fb = (double)kr_small_val(b);
            mixed = true;
        }
        if (mixed && kr_interp_op_float_arith(op, fa, fb, &r)) {
            e->types.result |= KR_FB_FLOAT;
            return kr_float_new(vm, r);
        }
    }
    kr_value v = (x & KR_BINOP_INPLACE) ? kr_inplace_op(vm, (int)op, a, b) : kr_binary_op(vm, (int)op, a, b);
    if (v)
        e->types.result |= (uint8_t)kr_code_type_bits(vm, v);
    return v;
}

kr_value kr_interp_op_compare_slow(kr_vm *vm, kr_fb *e, unsigned op, kr_value a, kr_value b)
{
    kr_value r;
    if (kr_interp_op_compare_fast(vm, e, op, a, b, &r))
        return r;
    e->types.lhs |= (uint8_t)kr_code_type_bits(vm, a);
    e->types.rhs |= (uint8_t)kr_code_type_bits(vm, b);
    /* a small int with an exact float: compared as doubles when the int converts exactly (|i| <= 2**53),
     * which is then CPython's exact comparison, NaN included */
    double fa, fb;
    bool mixed = false;
    if (kr_is_small(a) && kr_is_ptr(b) && KR_OBJ(b)->type == vm->t.float_) {
        fa = (double)kr_small_val(a);
        fb = kr_float_value(b);
        mixed = kr_small_val(a) >= -(INT64_C(1) << 53) && kr_small_val(a) <= (INT64_C(1) << 53);
    } else if (kr_is_small(b) && kr_is_ptr(a) && KR_OBJ(a)->type == vm->t.float_) {
        fa = kr_float_value(a);
        fb = (double)kr_small_val(b);
        mixed = kr_small_val(b) >= -(INT64_C(1) << 53) && kr_small_val(b) <= (INT64_C(1) << 53);
    }
    if (mixed) {
        bool r;
        switch (op) {
        case KR_CMP_LT: r = fa < fb; break;
        case KR_CMP_LE: r = fa <= fb; break;
        case KR_CMP_EQ: r = fa == fb; break;
        case KR_CMP_NE: r = fa != fb; break;
        case KR_CMP_GT: r = fa > fb; break;
        default: r = fa >= fb; break;
        }
        return kr_bool(r);
    }
    return kr_richcompare(vm, a, b, (int)op);
}

kr_value kr_interp_op_getitem_slow(kr_vm *vm, kr_fb *e, kr_value o, kr_value k)
{
    kr_value r;
    if (kr_interp_op_getitem_fast(vm, e, o, k, &r))
        return r;
    e->types.lhs |= (uint8_t)kr_code_type_bits(vm, o);
    e->types.rhs |= (uint8_t)kr_code_type_bits(vm, k);
    return kr_getitem(vm, o, k);
}

int kr_interp_op_setitem_slow(kr_vm *vm, kr_fb *e, kr_value o, kr_value k, kr_value v)
{
    if (kr_interp_op_setitem_fast(vm, e, o, k, v))
        return 0;
    e->types.lhs |= (uint8_t)kr_code_type_bits(vm, o);
    e->types.rhs |= (uint8_t)kr_code_type_bits(vm, k);
    return kr_setitem(vm, o, k, v);
}

kr_value kr_interp_op_getitem_slice(kr_vm *vm, kr_fb *e, kr_value o, const kr_value *bounds)
{
    e->types.lhs |= (uint8_t)kr_code_type_bits(vm, o);
    e->types.rhs |= KR_FB_OTHER;
    if (kr_is_ptr(o)) {
        kr_type *t = KR_OBJ(o)->type;
        if (t == vm->t.list)
            return kr_list_getslice(vm, o, bounds[0], bounds[1], bounds[2]);
        if (t == vm->t.tuple)
            return kr_tuple_getslice(vm, o, bounds[0], bounds[1], bounds[2]);
        if (t == vm->t.str)
            return kr_str_getslice(vm, o, bounds[0], bounds[1], bounds[2]);
    }
    kr_value key = kr_slice_new(vm, bounds[0], bounds[1], bounds[2]);
    if (!key)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &key);
    kr_value r = kr_getitem(vm, o, key);
    kr_root_reset(vm, m);
    return r;
}

int kr_interp_op_setitem_slice(kr_vm *vm, kr_fb *e, kr_value o, const kr_value *bounds, kr_value v)
{
    e->types.lhs |= (uint8_t)kr_code_type_bits(vm, o);
    e->types.rhs |= KR_FB_OTHER;
    if (kr_is_ptr(o) && KR_OBJ(o)->type == vm->t.list)
        return kr_list_setslice(vm, o, bounds[0], bounds[1], bounds[2], v);
    kr_value key = kr_slice_new(vm, bounds[0], bounds[1], bounds[2]);
    if (!key)
        return -1;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &key);
    int r = kr_setitem(vm, o, key, v);
    kr_root_reset(vm, m);
    return r;
}

/* ---- iteration ------------------------------------------------------------------------------------- */

int kr_interp_op_get_iter(kr_vm *vm, kr_fb *e, unsigned x, kr_value o, kr_value *state)
{
    if (!(x & KR_ITER_PLAIN) && kr_range_check(vm, o)) {
        kr_range *r = KR_AS(kr_range, o);
        if (kr_fits_small(r->start) && kr_fits_small(r->stop) && kr_fits_small(r->step)) {
            e->types.lhs |= KR_FB_OTHER;
            e->types.extra |= KR_FB_ITER_RANGE;
            state[0] = kr_small(r->start);
            state[1] = kr_small(r->stop);
            state[2] = kr_small(r->step);
            return 0;
        }
    }
    e->types.lhs |= (uint8_t)kr_code_type_bits(vm, o);
    e->types.extra |= KR_FB_ITER_OTHER;
    kr_value it = kr_iter(vm, o);
    if (!it)
        return -1;
    state[0] = it;
    state[1] = KR_NONE;
    state[2] = KR_NONE;
    return 0;
}

int kr_interp_op_for_iter_next(kr_vm *vm, kr_value it, kr_value *item)
{
    kr_value v = kr_next(vm, it);
    if (!v) {
        if (kr_err_occurred(vm)) {
            if (!kr_err_matches(vm, KR_EXC(vm, StopIteration)))
                return -1;
            kr_err_clear(vm);
        }
        return 0;
    }
    *item = v;
    return 1;
}

int kr_interp_op_for_iter_unpack(kr_vm *vm, kr_value *state, kr_value *item, kr_value *out, int n)
{
    kr_value it = state[0];
    if (kr_is_ptr(it)) {
        kr_type *t = KR_OBJ(it)->type;
        int r = KR_INTERP_OP_ITER_GENERIC;
        if (t == vm->t.zip && kr_zip_arity(it) == n)
            r = kr_zip_next_into(vm, it, out);
        else if (t == vm->t.enumerate && n == 2)
            r = kr_enumerate_next_into(vm, it, out);
        else if (t == vm->t.dict_itemiter && n == 2)
            r = kr_dict_itemiter_next_into(vm, it, out);
        if (r != KR_INTERP_OP_ITER_GENERIC) {
            if (r == 1)
                *item = KR_NULL;
            return r;
        }
    }
    int r = kr_interp_op_for_iter_fast(vm, state, item);
    return r == KR_INTERP_OP_ITER_GENERIC ? kr_interp_op_for_iter_next(vm, it, item) : r;
}

/* ---- unpacking, building, formatting, functions ---------------------------------------------------- */

int kr_interp_op_unpack(kr_vm *vm, kr_value seq, kr_value *out, int before, int after, bool star)
{
    int n = before + after;
    if (kr_tuple_check_exact(vm, seq) || kr_list_check_exact(vm, seq)) {
        kr_value *items = kr_tuple_check_exact(vm, seq) ? kr_tuple_items(seq) : kr_list_items(seq);
        int64_t size = kr_tuple_check_exact(vm, seq) ? kr_tuple_size(seq) : kr_list_size(seq);
        if (!star) {
            if (size != n) {
                if (size < n)
                    return kr_raise_i(vm, KR_EXC(vm, ValueError), "not enough values to unpack (expected %d, got %lld)", n, (long long)size);
                return kr_raise_i(vm, KR_EXC(vm, ValueError), "too many values to unpack (expected %d)", n);
            }
            for (int i = 0; i < n; i++)
                out[i] = items[i];
            return 0;
        }
        if (size < n)
            return kr_raise_i(vm, KR_EXC(vm, ValueError), "not enough values to unpack (expected at least %d, got %lld)", n, (long long)size);
        kr_value mid = kr_list_from_array(vm, items + before, size - n);
        if (!mid)
            return -1;
        for (int i = 0; i < before; i++)
            out[i] = items[i];
        out[before] = mid;
        for (int i = 0; i < after; i++)
            out[before + 1 + i] = items[size - after + i];
        return 0;
    }
    kr_type *t = kr_type_of(vm, seq);
    if (!t->iter && !kr_type_lookup(vm, t, KR_NAME(vm, __getitem__)))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot unpack non-iterable %s object", t->name_c);
    /* Collect into a list (rooted: the items' only owner while they are distributed) then distribute:
     * simple and GC-safe. */
    kr_value l = kr_sequence_list(vm, seq);
    if (!l)
        return -1;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &l);
    int r = kr_interp_op_unpack(vm, l, out, before, after, star);
    kr_root_reset(vm, m);
    return r;
}

int kr_interp_op_unpack_iterated(kr_vm *vm, kr_value seq, kr_value *out, int n)
{
    return seq ? kr_interp_op_unpack(vm, seq, out, n, 0, false) : 0;
}

kr_value kr_interp_op_build_tuple(kr_vm *vm, const kr_value *items, uint32_t n)
{
    return n ? kr_tuple_from_array(vm, items, n) : vm->empty_tuple;
}

kr_value kr_interp_op_build_string(kr_vm *vm, const kr_value *parts, uint32_t n)
{
    return kr_str_concat_array(vm, parts, n);
}

kr_value kr_interp_op_format_value(kr_vm *vm, kr_value v, unsigned x, kr_value spec)
{
    switch (x & 3) {
    case 1: v = kr_tostr(vm, v); break;
    case 2: v = kr_repr(vm, v); break;
    case 3: v = kr_ascii(vm, v); break;
    default: break;
    }
    if (!v || (!spec && kr_is_exact_str(vm, v)))
        return v;
    /* the converted value is new and only here while kr_format runs (which may run __format__) */
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &v);
    kr_value r = kr_format(vm, v, spec);
    kr_root_reset(vm, m);
    return r;
}

kr_value kr_interp_op_make_function(kr_vm *vm, kr_value code, kr_value globals, unsigned x, const kr_value *extras)
{
    kr_value fnv = kr_func_new(vm, code, globals, KR_NULL);
    if (!fnv)
        return KR_NULL;
    kr_function *fn = KR_AS(kr_function, fnv);
    unsigned k = 0;
    if (x & KR_MKFN_DEFAULTS) {
        kr_value d = extras[k++];
        fn->defaults = (kr_tuple_check_exact(vm, d) && kr_tuple_size(d)) ? d : KR_NULL;
    }
    if (x & KR_MKFN_KWDEFAULTS)
        fn->kwdefaults = extras[k++];
    if (x & KR_MKFN_ANNOTATIONS)
        fn->annotations = extras[k++];
    if (x & KR_MKFN_CLOSURE)
        fn->closure = extras[k++];
    return fnv;
}
