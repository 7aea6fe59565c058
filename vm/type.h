/* type.h: vm/type.c's own API beyond the type functions declared in vm/object.h: the extended type
 * record, descriptor objects (builtin methods, bound methods, property, classmethod, staticmethod,
 * getset and member descriptors, slot wrappers, super), and class-creation helpers.
 *
 * Every type (builtin or heap) is allocated by type.c as a kr_typex, whose first member is the kr_type
 * of object.h; KR_TX(t) gives the extension. Never allocate a kr_type anywhere else.
 *
 * Instance layouts of heap types (ext->layout):
 *   KR_LAYOUT_PLAIN     the base builtin's layout and nothing else (e.g. `object()`, or __slots__ = ())
 *   KR_LAYOUT_INSTANCE  kr_instance (vm/instance.h): shape + inline attribute slots, for classes whose
 *                       only builtin base is object; also every exception type, builtin or not
 *                       (kr_exception begins with the same attribute storage; builtin_base says which)
 *   KR_LAYOUT_ATTRS     a builtin base's layout plus a kr_value holding a dict at t->attrs_offset
 *                       (list/dict/float/int subclasses)
 *   KR_LAYOUT_SIDE      variable-size builtin bases (tuple, str, bytes): the attribute dict lives in a
 *                       per-VM side table keyed by the object, removed by the type's finalize hook
 * __slots__ members live in ext->nfixed kr_value words at ext->fixed_offset (member descriptors).
 *
 * Type versions: t->version is unique per VM (a VM-wide counter); kr_type_modified gives t and every
 * subclass a new version. A version of 0 never occurs. Inline caches guard on (type pointer, version).
 * kr_type_lookup answers from a per-VM cache (vm->type_cache, see type.c) keyed by (type, version,
 * interned name, GC epoch), so every change to a type's namespace or MRO must go through
 * kr_type_modified (type.__setattr__/__delattr__ and the __name__/__doc__/__module__ setters do).
 */
#ifndef KRAIT_TYPE_H
#define KRAIT_TYPE_H

#include "kr.h"

enum kr_layout { KR_LAYOUT_PLAIN, KR_LAYOUT_INSTANCE, KR_LAYOUT_ATTRS, KR_LAYOUT_SIDE };

typedef struct kr_typex {
    kr_type t;
    kr_value subclasses;        /* list of direct subclasses (heap types), or KR_NULL */
    kr_value root_shape;        /* instance.c: the empty shape of this class's instances, or KR_NULL */
    kr_value slot_names;        /* tuple of __slots__ names (mangled), or KR_NULL */
    kr_type *builtin_base;      /* the first non-heap type on the base chain (self for builtin types) */
    kr_trace_fn base_trace;     /* trace/finalize of builtin_base, chained by heap types' hooks */
    kr_finalize_fn base_finalize;
    uint32_t nfixed;            /* __slots__ words per instance (including bases') */
    uint32_t fixed_offset;      /* byte offset of the first __slots__ word */
    uint8_t layout;             /* enum kr_layout */
    bool has_dict;              /* instances have an attribute dict / shape */
    bool varsize;               /* instances have trailing variable-size data (tuple, str, bytes) */
    /* A type that a C module creates at import: that module's state (kr_module.state), so its slots
     * (new_, which get only the class) reach it, as CPython's PyType_GetModuleState; else KR_NULL */
    kr_value module_state;
} kr_typex;
#define KR_TX(t) ((kr_typex *)(t))

/* ---- descriptor and helper objects ---- */
typedef struct kr_method {            /* bound method: type vm->t.method */
    kr_object ob;
    kr_value func, self;
} kr_method;

typedef struct kr_property {          /* vm->t.property */
    kr_object ob;
    kr_value fget, fset, fdel, doc, name; /* KR_NONE when absent; name from __set_name__ or fget */
} kr_property;

typedef struct kr_funcwrap {          /* classmethod / staticmethod */
    kr_object ob;
    kr_value func;
    kr_value dict;                    /* __dict__ (KR_NULL until used); attrs_offset points here */
} kr_funcwrap;

typedef struct kr_getset_descr {      /* vm->t.getset: an entry of a builtin type's getsets table */
    kr_object ob;
    const kr_getset_def *def;
    kr_type *owner;
    kr_value name;
} kr_getset_descr;

typedef struct kr_member_descr {      /* a __slots__ member */
    kr_object ob;
    kr_value name;
    kr_type *owner;
    uint32_t offset;
} kr_member_descr;

typedef struct kr_slot_wrapper {      /* vm->t.slot_wrapper: e.g. int.__add__, object.__init__ */
    kr_object ob;
    kr_value name;
    kr_type *owner;
    int kind;                         /* type.c private: which slot and how to call it */
    int op;
    void (*fn)(void);                 /* the owner's slot function, cast back by kind */
} kr_slot_wrapper;

typedef struct kr_method_wrapper {    /* vm->t.method_wrapper: a slot wrapper bound to self */
    kr_object ob;
    kr_value descr, self;
} kr_method_wrapper;

typedef struct kr_super {             /* vm->t.super_ */
    kr_object ob;
    kr_type *type;                    /* super(type, obj): search after type in obj_type's MRO */
    kr_value obj;                     /* KR_NULL: unbound */
    kr_type *obj_type;
} kr_super;

typedef struct kr_mappingproxy {     /* vm->mappingproxy_type: read-only view of a class namespace */
    kr_object ob;
    kr_value mapping;
} kr_mappingproxy;

/* Cfunction calling convention (kr_cfunction in object.h):
 *   owner != NULL, flags KR_METH_DEFAULT: a method; in a type's dict (self == KR_NULL) it is a
 *     "method_descriptor" that binds on attribute access; bound (self set) it calls fn(self, args...).
 *   owner != NULL, flags KR_METH_CLASS: binds to the class; calls fn(cls, args...).
 *   flags KR_METH_STATIC, or owner == NULL (module functions, kr_cfunction_new(vm, def, NULL, module)):
 *     calls fn(args...) with no self, whatever `self` holds. */

/* ---- class creation helpers (for __build_class__ in stdlib/builtins) ---- */
/* The most derived metaclass of meta (KR_NULL: type) and the bases' metaclasses, or KR_NULL with
 * "metaclass conflict: ..." TypeError. */
kr_value kr_type_calculate_meta(kr_vm *vm, kr_value meta, kr_value bases);
/* meta.__prepare__(name, bases, **kwargs) if meta has one, else a new dict. kwargs: dict or KR_NULL. */
kr_value kr_type_prepare(kr_vm *vm, kr_value meta, kr_value name, kr_value bases, kr_value kwargs);
/* kr_type_create_class's last argument is a dict of class keyword arguments (for the metaclass call
 * and __init_subclass__) or KR_NULL. metatype KR_NULL means "calculate from the bases". */

/* ---- instance attribute storage (generic getattr, vars(), copy) ---- */
/* The attribute dict of obj for KR_LAYOUT_ATTRS/SIDE types, or KR_NULL if none yet (create=false) or
 * obj has none. create=true makes an empty dict (KR_NULL + MemoryError on failure, KR_NULL without an
 * exception if obj's type has no attribute dict). kr_instance objects: see kr_instance_dict. */
kr_value kr_type_attrs_dict(kr_vm *vm, kr_value obj, bool create);
/* obj.__dict__ for any object with per-instance attributes (materialises a shaped instance's dict).
 * KR_NULL + AttributeError when obj has no __dict__. */
kr_value kr_object_dict(kr_vm *vm, kr_value obj);

/* Recompute the dunder-dispatching slots of heap type t and its subclasses after `name` (a dunder) was
 * set or deleted in t's namespace. Called by type.__setattr__. */
void kr_type_update_slot(kr_vm *vm, kr_type *t, kr_value name);
/* The attribute lookup of type objects (type.__getattribute__). */
kr_value kr_type_getattr(kr_vm *vm, kr_value cls, kr_value name);
/* Like kr_generic_getattr but returns KR_NULL with no exception when the attribute is absent
 * (exceptions raised by descriptors stay pending: check kr_err_occurred). */
kr_value kr_generic_getattr_opt(kr_vm *vm, kr_value self, kr_value name);
/* For an instance of tp with shape `shape`: *descr = kr_type_lookup(tp, name), and the result is
 * kr_shape_lookup(shape, name), both from the per-VM attribute cache in one probe (interned names;
 * others are looked up). Runs no Python code. */
struct kr_shape;
int kr_type_instance_lookup(kr_vm *vm, kr_type *tp, struct kr_shape *shape, kr_value name, kr_value *descr);
/* Object repr "<__main__.Foo object at 0x...>" (object.__repr__). */
kr_value kr_object_default_repr(kr_vm *vm, kr_value self);
/* "module.qualname" or "qualname" for builtins, as CPython's type repr and messages use it. */
kr_value kr_type_fullname(kr_vm *vm, kr_type *t);
/* The Python __init__ that a call of class `cls` runs after cls->new_ (type_call's protocol), when the
 * call may skip the generic layers (vm/interp.c's call_class_init): type(cls) is exactly type (no
 * metaclass __call__), cls is not abstract, its __init__ slot is the generic one that calls a Python
 * __init__ and its __new__ slot is a builtin one (no Python __new__ runs first: new_ runs no Python
 * code), and that __init__ is a plain function, not a generator function. KR_NULL otherwise (no
 * exception). */
kr_value kr_type_python_init(kr_vm *vm, kr_type *cls);
/* `a op b` (in place when inplace) for a and b of one class whose op is a Python function __op__ (the
 * generic binop slot; in place: no __iop__ at all): binary_op1 and slot_binop_impl come down to
 * calling it, and its NotImplemented to kr_binary_op's TypeError (the other operand, of the same class,
 * is not asked). Compiled code's generic BINARY_OP (compiler/jit_rt.c) takes this without their
 * dispatch. false when the operands are not such (nothing done); else true with *out the result, or
 * KR_NULL with the exception pending. */
bool kr_type_binop_same_class(kr_vm *vm, int op, bool inplace, kr_value a, kr_value b, kr_value *out);
/* next(it) for `yield from` (vm/generator.c): as the type's next slot, but a StopIteration raised by a
 * class's __next__ stays pending (the slot clears it: exhaustion is KR_NULL without an exception),
 * since its value is the result of the yield from. KR_NULL without an exception: exhausted. */
kr_value kr_type_next_keep_stop(kr_vm *vm, kr_value it);
/* Unbound builtin-method check: args[0] must be an instance of owner; -1 + TypeError otherwise. */
int kr_descr_check_self(kr_vm *vm, const char *name, kr_type *owner, kr_value *args, int nargs);
/* The function wrapped by a bound method, classmethod or staticmethod (no new reference semantics). */
bool kr_is_method(kr_vm *vm, kr_value v);

/* types.GenericAlias(origin, args): what cls[args] returns for the builtin containers (repr "list[int]"). */
kr_value kr_generic_alias_new(kr_vm *vm, kr_value origin, kr_value args);

/* Phase 3 (optional): nothing allocated at phase 1 that needs it; kept for symmetry. */
int kr_type_setup(kr_vm *vm);

#endif
