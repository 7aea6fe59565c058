/* descr.c: descriptor and helper objects of the object model (part of the type.c module): builtin
 * functions and method descriptors, bound methods, property, classmethod, staticmethod, getset and
 * member descriptors, slot wrappers and method-wrappers, super, mappingproxy, GenericAlias, and the
 * types of the immediates (NoneType, NotImplementedType, ellipsis). Types are created in kr_descr_init
 * (phase 1, called from kr_typeobj_init).
 */
#include <string.h>

#include "abstract.h"
#include "list.h"
#include "exc.h"
#include "function.h"
#include "interp.h"
#include "type.h"

kr_value kr_slot_wrapper_call(kr_vm *vm, kr_value descr, kr_value self, kr_value *args, int nargs, kr_value kwnames);
kr_value kr_new_wrapper_call(kr_vm *vm, kr_value descr, kr_value *args, int nargs, kr_value kwnames);

/* Call fn with `self` prepended to args (positional + keyword values). */
static kr_value call_with_self(kr_vm *vm, kr_value callable, kr_cfunc cfn, kr_value self, kr_value *args, int nargs,
                               kr_value kwnames)
{
    int nkw = kwnames ? (int)kr_tuple_size(kwnames) : 0;
    int total = nargs + nkw + 1;
    kr_value small[8];
    kr_value *buf = total <= 8 ? small : kr_mem_alloc(vm, (size_t)total * sizeof(kr_value));
    if (!buf)
        return KR_NULL;
    buf[0] = self;
    if (nargs + nkw)
        memcpy(buf + 1, args, (size_t)(nargs + nkw) * sizeof(kr_value));
    kr_value r = cfn ? cfn(vm, buf, nargs + 1, kwnames) : kr_call(vm, callable, buf, nargs + 1, kwnames);
    if (buf != small)
        kr_mem_free(vm, buf);
    return r;
}

static kr_value str_or_qual(kr_vm *vm, kr_value v)
{
    kr_value q = kr_getattr_opt(vm, v, KR_NAME(vm, __qualname__));
    if (q && kr_is_str(vm, q))
        return q;
    if (kr_err_occurred(vm))
        kr_err_clear(vm);
    q = kr_getattr_opt(vm, v, KR_NAME(vm, __name__));
    if (q && kr_is_str(vm, q))
        return q;
    if (kr_err_occurred(vm))
        kr_err_clear(vm);
    return kr_intern(vm, "?");
}

/* ================================================================================================ */
/* builtin functions and method descriptors                                                         */

static void cfunction_trace(kr_vm *vm, kr_object *o)
{
    kr_cfunction *f = (kr_cfunction *)o;
    kr_gc_mark(vm, f->self);
    if (f->owner)
        kr_gc_mark_obj(vm, &f->owner->ob);
}

kr_value kr_cfunction_new(kr_vm *vm, const kr_method_def *def, kr_type *owner, kr_value self)
{
    kr_type *t = vm->t.cfunction;
    if (owner && !self && !(def->flags & KR_METH_STATIC))
        t = (def->flags & KR_METH_CLASS) ? vm->classmethod_descr_type : vm->method_descr_type;
    kr_cfunction *f = kr_gc_alloc(vm, t, sizeof *f);
    if (!f)
        return KR_NULL;
    f->name = def->name;
    f->fn = def->fn;
    f->flags = def->flags;
    f->owner = owner;
    f->self = self;
    f->doc = def->doc;
    return KR_VAL(f);
}

kr_value kr_descr_new_method(kr_vm *vm, const kr_method_def *def, kr_type *owner)
{
    return kr_cfunction_new(vm, def, owner, KR_NULL);
}

/* A bound copy of method descriptor d. Built field by field so the GC header stays the allocator's. */
static kr_value bind_cfunction(kr_vm *vm, kr_cfunction *d, kr_value self)
{
    kr_cfunction *f = kr_gc_alloc(vm, vm->t.cfunction, sizeof *f);
    if (!f)
        return KR_NULL;
    f->name = d->name;
    f->fn = d->fn;
    f->flags = d->flags;
    f->owner = d->owner;
    f->self = self;
    f->doc = d->doc;
    return KR_VAL(f);
}

static kr_value cfunction_call(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    kr_cfunction *f = KR_AS(kr_cfunction, self);
    if (f->flags & KR_METH_MODULE)
        return call_with_self(vm, KR_NULL, f->fn, f->self, args, nargs, kwnames);
    if ((f->flags & KR_METH_STATIC) || !f->owner)
        return f->fn(vm, args, nargs, kwnames);
    return call_with_self(vm, KR_NULL, f->fn, f->self, args, nargs, kwnames);
}

int kr_descr_check_self(kr_vm *vm, const char *name, kr_type *owner, kr_value *args, int nargs)
{
    if (nargs < 1)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "unbound method %s.%s() needs an argument", owner->name_c, name);
    if (!kr_type_is_subtype(kr_type_of(vm, args[0]), owner))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                          name, owner->name_c, kr_typename(vm, args[0]));
    return 0;
}

static kr_value method_descr_call(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    kr_cfunction *f = KR_AS(kr_cfunction, self);
    if (kr_descr_check_self(vm, f->name, f->owner, args, nargs) < 0)
        return KR_NULL;
    return f->fn(vm, args, nargs, kwnames);
}

static kr_value method_descr_get(kr_vm *vm, kr_value descr, kr_value obj, kr_value owner)
{
    (void)owner;
    kr_cfunction *f = KR_AS(kr_cfunction, descr);
    if (!obj)
        return descr;
    if (!kr_type_is_subtype(kr_type_of(vm, obj), f->owner))
        return kr_raise(vm, KR_EXC(vm, TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        f->name, f->owner->name_c, kr_typename(vm, obj));
    return bind_cfunction(vm, f, obj);
}

static kr_value classmethod_descr_get(kr_vm *vm, kr_value descr, kr_value obj, kr_value owner)
{
    kr_cfunction *f = KR_AS(kr_cfunction, descr);
    kr_value cls = owner ? owner : KR_VAL(kr_type_of(vm, obj));
    if (!kr_is_ptr(cls) || !kr_type_is_subtype(KR_OBJ(cls)->type, vm->t.type) ||
        !kr_type_is_subtype(KR_AS(kr_type, cls), f->owner))
        return kr_raise(vm, KR_EXC(vm, TypeError), "descriptor '%s' for type '%s' doesn't apply to type '%s'", f->name,
                        f->owner->name_c, kr_is_ptr(cls) ? KR_OBJ(cls)->type->name_c : kr_typename(vm, cls));
    return bind_cfunction(vm, f, cls);
}

static kr_value classmethod_descr_call(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    kr_cfunction *f = KR_AS(kr_cfunction, self);
    if (nargs < 1 || !kr_is_ptr(args[0]) || !kr_type_is_subtype(KR_OBJ(args[0])->type, vm->t.type))
        return kr_raise(vm, KR_EXC(vm, TypeError), "descriptor '%s' of '%s' object needs a type", f->name, f->owner->name_c);
    return f->fn(vm, args, nargs, kwnames);
}

static kr_value cfunction_repr(kr_vm *vm, kr_value self)
{
    kr_cfunction *f = KR_AS(kr_cfunction, self);
    kr_type *t = KR_OBJ(self)->type;
    if (t == vm->method_descr_type || t == vm->classmethod_descr_type)
        return kr_str_fmt(vm, "<method '%s' of '%s' objects>", f->name, f->owner->name_c);
    if ((f->flags & KR_METH_STATIC) && f->owner)
        return kr_str_fmt(vm, "<built-in method %s of type object at %p>", f->name, (void *)f->owner);
    if (!f->owner || !f->self || kr_type_of(vm, f->self) == vm->t.module)
        return kr_str_fmt(vm, "<built-in function %s>", f->name);
    return kr_str_fmt(vm, "<built-in method %s of %s object at %p>", f->name, kr_typename(vm, f->self),
                      (void *)KR_OBJ(f->self));
}

static kr_value cfunction_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if ((op != KR_CMP_EQ && op != KR_CMP_NE) || kr_type_of(vm, b) != kr_type_of(vm, a))
        return KR_NOTIMPL;
    kr_cfunction *x = KR_AS(kr_cfunction, a), *y = KR_AS(kr_cfunction, b);
    bool eq = x->fn == y->fn && x->self == y->self && x->owner == y->owner;
    return kr_bool(op == KR_CMP_EQ ? eq : !eq);
}

static int64_t cfunction_hash(kr_vm *vm, kr_value self)
{
    (void)vm;
    kr_cfunction *f = KR_AS(kr_cfunction, self);
    int64_t h = (int64_t)(((uintptr_t)f->fn >> 4) ^ ((uint64_t)f->self * 31));
    return h == -1 ? -2 : h;
}

static kr_value cf_get_name(kr_vm *vm, kr_value self) { return kr_str_from_cstr(vm, KR_AS(kr_cfunction, self)->name); }
static kr_value cf_get_qualname(kr_vm *vm, kr_value self)
{
    kr_cfunction *f = KR_AS(kr_cfunction, self);
    if (!f->owner)
        return kr_str_from_cstr(vm, f->name);
    return kr_str_fmt(vm, "%s.%s", f->owner->name_c, f->name);
}
static kr_value cf_get_doc(kr_vm *vm, kr_value self)
{
    kr_cfunction *f = KR_AS(kr_cfunction, self);
    return f->doc ? kr_str_from_cstr(vm, f->doc) : KR_NONE;
}
static kr_value cf_get_self(kr_vm *vm, kr_value self)
{
    (void)vm;
    kr_cfunction *f = KR_AS(kr_cfunction, self);
    return f->self ? f->self : KR_NONE;
}
static kr_value cf_get_objclass(kr_vm *vm, kr_value self)
{
    (void)vm;
    kr_cfunction *f = KR_AS(kr_cfunction, self);
    return f->owner ? KR_VAL(f->owner) : KR_NONE;
}
static kr_value cf_get_module(kr_vm *vm, kr_value self)
{
    kr_cfunction *f = KR_AS(kr_cfunction, self);
    if (f->self && kr_type_of(vm, f->self) == vm->t.module)
        return KR_AS(kr_module, f->self)->name;
    return KR_NONE;
}
static const kr_getset_def cfunction_getsets[] = {
    {"__name__", cf_get_name, NULL, NULL},
    {"__qualname__", cf_get_qualname, NULL, NULL},
    {"__doc__", cf_get_doc, NULL, NULL},
    {"__self__", cf_get_self, NULL, NULL},
    {"__module__", cf_get_module, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};
static const kr_getset_def method_descr_getsets[] = {
    {"__name__", cf_get_name, NULL, NULL},
    {"__qualname__", cf_get_qualname, NULL, NULL},
    {"__doc__", cf_get_doc, NULL, NULL},
    {"__objclass__", cf_get_objclass, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ================================================================================================ */
/* bound methods                                                                                    */

static void method_trace(kr_vm *vm, kr_object *o)
{
    kr_method *m = (kr_method *)o;
    kr_gc_mark(vm, m->func);
    kr_gc_mark(vm, m->self);
}

kr_value kr_method_new(kr_vm *vm, kr_value func, kr_value self)
{
    kr_method *m = kr_gc_alloc(vm, vm->t.method, sizeof *m);
    if (!m)
        return KR_NULL;
    m->func = func;
    m->self = self;
    return KR_VAL(m);
}

bool kr_is_method(kr_vm *vm, kr_value v) { return kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.method; }

static kr_value method_call(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    kr_method *m = KR_AS(kr_method, self);
    return call_with_self(vm, m->func, NULL, m->self, args, nargs, kwnames);
}

static kr_value method_repr(kr_vm *vm, kr_value self)
{
    kr_method *m = KR_AS(kr_method, self);
    size_t mark = kr_root_mark(vm);
    kr_value name = str_or_qual(vm, m->func);
    kr_root_push(vm, &name);
    kr_value r = name ? kr_repr(vm, m->self) : KR_NULL;
    kr_root_reset(vm, mark);
    if (!r)
        return KR_NULL;
    return kr_str_fmt(vm, "<bound method %s of %s>", kr_str_data(name), kr_str_data(r));
}

static kr_value method_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if ((op != KR_CMP_EQ && op != KR_CMP_NE) || kr_type_of(vm, b) != vm->t.method)
        return KR_NOTIMPL;
    kr_method *x = KR_AS(kr_method, a), *y = KR_AS(kr_method, b);
    int eq = x->self == y->self ? kr_eq(vm, x->func, y->func) : 0;
    if (eq < 0)
        return KR_NULL;
    return kr_bool(op == KR_CMP_EQ ? eq : !eq);
}

static int64_t method_hash(kr_vm *vm, kr_value self)
{
    kr_method *m = KR_AS(kr_method, self);
    int64_t h = kr_hash(vm, m->func);
    if (h == -1)
        return -1;
    h ^= (int64_t)((uint64_t)m->self >> 4);
    return h == -1 ? -2 : h;
}

static kr_value method_getattr(kr_vm *vm, kr_value self, kr_value name)
{
    kr_value v = kr_generic_getattr_opt(vm, self, name);
    if (v || kr_err_occurred(vm))
        return v;
    return kr_getattr(vm, KR_AS(kr_method, self)->func, name);
}

static kr_value method_get_func(kr_vm *vm, kr_value self) { (void)vm; return KR_AS(kr_method, self)->func; }
static kr_value method_get_self(kr_vm *vm, kr_value self) { (void)vm; return KR_AS(kr_method, self)->self; }
static kr_value method_get_doc(kr_vm *vm, kr_value self)
{
    return kr_getattr(vm, KR_AS(kr_method, self)->func, KR_NAME(vm, __doc__));
}
static const kr_getset_def method_getsets[] = {
    {"__doc__", method_get_doc, NULL, NULL},
    {"__func__", method_get_func, NULL, NULL},
    {"__self__", method_get_self, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ================================================================================================ */
/* property                                                                                         */

static void property_trace(kr_vm *vm, kr_object *o)
{
    kr_property *p = (kr_property *)o;
    kr_gc_mark(vm, p->fget);
    kr_gc_mark(vm, p->fset);
    kr_gc_mark(vm, p->fdel);
    kr_gc_mark(vm, p->doc);
    kr_gc_mark(vm, p->name);
}

static kr_value property_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    kr_property *p = kr_gc_alloc(vm, cls, cls->instance_size);
    if (!p)
        return KR_NULL;
    p->fget = p->fset = p->fdel = p->doc = p->name = KR_NONE;
    return KR_VAL(p);
}

static int property_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    kr_value out[4];
    if (kr_args_parse(vm, "property", args, nargs, kwnames, names, 4, 0, 0, out) < 0)
        return -1;
    kr_property *p = KR_AS(kr_property, self);
    p->fget = out[0] ? out[0] : KR_NONE;
    p->fset = out[1] ? out[1] : KR_NONE;
    p->fdel = out[2] ? out[2] : KR_NONE;
    p->doc = out[3] ? out[3] : KR_NONE;
    if (p->doc == KR_NONE && p->fget != KR_NONE) {
        kr_value d = kr_getattr_opt(vm, p->fget, KR_NAME(vm, __doc__));
        if (!d && kr_err_occurred(vm))
            kr_err_clear(vm);
        if (d)
            p->doc = d;
    }
    kr_gc_barrier(vm, KR_OBJ(self), p->doc);
    return 0;
}

/* "property 'x' of 'Foo' object" */
static int property_error(kr_vm *vm, kr_property *p, kr_value obj, const char *what)
{
    kr_value name = p->name;
    if (name == KR_NONE && p->fget != KR_NONE) {
        name = kr_getattr_opt(vm, p->fget, KR_NAME(vm, __name__));
        if (!name) {
            kr_err_clear(vm);
            name = KR_NONE;
        }
    }
    if (name != KR_NONE && kr_is_str(vm, name))
        return kr_raise_i(vm, KR_EXC(vm, AttributeError), "property '%s' of '%s' object has no %s", kr_str_data(name),
                          kr_typename(vm, obj), what);
    return kr_raise_i(vm, KR_EXC(vm, AttributeError), "property of '%s' object has no %s", kr_typename(vm, obj), what);
}

static kr_value property_get(kr_vm *vm, kr_value self, kr_value obj, kr_value owner)
{
    (void)owner;
    if (!obj)
        return self;
    kr_property *p = KR_AS(kr_property, self);
    if (p->fget == KR_NONE) {
        property_error(vm, p, obj, "getter");
        return KR_NULL;
    }
    return kr_call1(vm, p->fget, obj);
}

static int property_set(kr_vm *vm, kr_value self, kr_value obj, kr_value value)
{
    kr_property *p = KR_AS(kr_property, self);
    kr_value f = value ? p->fset : p->fdel;
    if (f == KR_NONE)
        return property_error(vm, p, obj, value ? "setter" : "deleter");
    kr_value r = value ? kr_call2(vm, f, obj, value) : kr_call1(vm, f, obj);
    return r ? 0 : -1;
}

static kr_value property_copy(kr_vm *vm, kr_value self, int which, kr_value f)
{
    kr_property *p = KR_AS(kr_property, self);
    kr_value a[4] = {p->fget, p->fset, p->fdel, p->doc};
    a[which] = f;
    /* a doc taken from the old getter is re-derived from the new one */
    if (which == 0 && p->fget != KR_NONE) {
        kr_value od = kr_getattr_opt(vm, p->fget, KR_NAME(vm, __doc__));
        if (!od)
            kr_err_clear(vm);
        if (od == p->doc)
            a[3] = KR_NONE;
    }
    kr_value r = kr_call(vm, KR_VAL(kr_type_of(vm, self)), a, 4, KR_NULL);
    if (r && kr_type_of(vm, r) == vm->t.property) {
        KR_AS(kr_property, r)->name = p->name;
        kr_gc_barrier(vm, KR_OBJ(r), p->name);
    }
    return r;
}

static kr_value property_getter(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "getter", kwnames) < 0 || kr_args_count(vm, "getter", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    return property_copy(vm, args[0], 0, args[1]);
}
static kr_value property_setter(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "setter", kwnames) < 0 || kr_args_count(vm, "setter", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    return property_copy(vm, args[0], 1, args[1]);
}
static kr_value property_deleter(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "deleter", kwnames) < 0 || kr_args_count(vm, "deleter", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    return property_copy(vm, args[0], 2, args[1]);
}
static kr_value property_set_name(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__set_name__", kwnames) < 0 || kr_args_count(vm, "__set_name__", nargs - 1, 2, 2) < 0)
        return KR_NULL;
    KR_AS(kr_property, args[0])->name = args[2];
    kr_gc_barrier(vm, KR_OBJ(args[0]), args[2]);
    return KR_NONE;
}

static kr_value prop_fget(kr_vm *vm, kr_value s) { (void)vm; return KR_AS(kr_property, s)->fget; }
static kr_value prop_fset(kr_vm *vm, kr_value s) { (void)vm; return KR_AS(kr_property, s)->fset; }
static kr_value prop_fdel(kr_vm *vm, kr_value s) { (void)vm; return KR_AS(kr_property, s)->fdel; }
static kr_value prop_doc(kr_vm *vm, kr_value s) { (void)vm; return KR_AS(kr_property, s)->doc; }
static int prop_set_doc(kr_vm *vm, kr_value s, kr_value v)
{
    KR_AS(kr_property, s)->doc = v ? v : KR_NONE;
    kr_gc_barrier(vm, KR_OBJ(s), v);
    return 0;
}
/* True when any of fget/fset/fdel is abstract (CPython's property___isabstractmethod__). */
static kr_value prop_isabstract(kr_vm *vm, kr_value s)
{
    kr_property *p = KR_AS(kr_property, s);
    kr_value fns[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        if (!fns[i] || fns[i] == KR_NONE)
            continue;
        kr_value v = kr_getattr_opt(vm, fns[i], kr_intern(vm, "__isabstractmethod__"));
        if (!v) {
            if (kr_err_occurred(vm))
                return KR_NULL;
            continue;
        }
        int t = kr_truthy(vm, v);
        if (t < 0)
            return KR_NULL;
        if (t)
            return KR_TRUE;
    }
    return KR_FALSE;
}
static const kr_method_def property_methods[] = {
    {"getter", property_getter, KR_METH_DEFAULT, NULL},
    {"setter", property_setter, KR_METH_DEFAULT, NULL},
    {"deleter", property_deleter, KR_METH_DEFAULT, NULL},
    {"__set_name__", property_set_name, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};
static const kr_getset_def property_getsets[] = {
    {"fget", prop_fget, NULL, NULL},
    {"fset", prop_fset, NULL, NULL},
    {"fdel", prop_fdel, NULL, NULL},
    {"__doc__", prop_doc, prop_set_doc, NULL},
    {"__isabstractmethod__", prop_isabstract, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ================================================================================================ */
/* classmethod, staticmethod                                                                        */

static void funcwrap_trace(kr_vm *vm, kr_object *o)
{
    kr_funcwrap *w = (kr_funcwrap *)o;
    kr_gc_mark(vm, w->func);
    kr_gc_mark(vm, w->dict);
}

static kr_value funcwrap_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kwnames && kr_tuple_size(kwnames))
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s() takes no keyword arguments", cls->name_c);
    if (nargs != 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s expected 1 argument, got %d", cls->name_c, nargs);
    kr_funcwrap *w = kr_gc_alloc(vm, cls, cls->instance_size);
    if (!w)
        return KR_NULL;
    w->func = KR_NONE;
    return KR_VAL(w);
}

static int funcwrap_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    (void)kwnames;
    if (nargs != 1)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s expected 1 argument, got %d", kr_typename(vm, self), nargs);
    kr_funcwrap *w = KR_AS(kr_funcwrap, self);
    w->func = args[0];
    kr_gc_barrier(vm, KR_OBJ(self), args[0]);
    /* functools.wraps-like copying of the wrapped function's metadata (CPython 3.10+) */
    static const char *const copy[] = {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"};
    for (int i = 0; i < (int)(sizeof copy / sizeof copy[0]); i++) {
        kr_value v = kr_getattr_opt(vm, args[0], kr_intern(vm, copy[i]));
        if (!v) {
            if (kr_err_occurred(vm))
                kr_err_clear(vm);
            continue;
        }
        kr_value d = kr_type_attrs_dict(vm, self, true);
        if (!d || kr_dict_set_cstr(vm, d, copy[i], v) < 0)
            return -1;
    }
    return 0;
}

static kr_value classmethod_get(kr_vm *vm, kr_value self, kr_value obj, kr_value owner)
{
    kr_value cls = owner ? owner : KR_VAL(kr_type_of(vm, obj));
    return kr_method_new(vm, KR_AS(kr_funcwrap, self)->func, cls);
}

static kr_value staticmethod_get(kr_vm *vm, kr_value self, kr_value obj, kr_value owner)
{
    (void)vm;
    (void)obj;
    (void)owner;
    return KR_AS(kr_funcwrap, self)->func;
}

static kr_value staticmethod_call(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    return kr_call(vm, KR_AS(kr_funcwrap, self)->func, args, nargs, kwnames);
}

static kr_value funcwrap_repr(kr_vm *vm, kr_value self)
{
    kr_value r = kr_repr(vm, KR_AS(kr_funcwrap, self)->func);
    if (!r)
        return KR_NULL;
    return kr_str_fmt(vm, "<%s(%s)>", kr_typename(vm, self), kr_str_data(r));
}

static kr_value fw_func(kr_vm *vm, kr_value s) { (void)vm; return KR_AS(kr_funcwrap, s)->func; }
static kr_value fw_isabstract(kr_vm *vm, kr_value s)
{
    kr_value v = kr_getattr_opt(vm, KR_AS(kr_funcwrap, s)->func, kr_intern(vm, "__isabstractmethod__"));
    if (!v) {
        if (kr_err_occurred(vm))
            return KR_NULL;
        return KR_FALSE;
    }
    return v;
}
static const kr_getset_def funcwrap_getsets[] = {
    {"__func__", fw_func, NULL, NULL},
    {"__wrapped__", fw_func, NULL, NULL},
    {"__isabstractmethod__", fw_isabstract, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ================================================================================================ */
/* getset and member descriptors                                                                    */

static void getset_trace(kr_vm *vm, kr_object *o)
{
    kr_getset_descr *g = (kr_getset_descr *)o;
    kr_gc_mark(vm, g->name);
    if (g->owner)
        kr_gc_mark_obj(vm, &g->owner->ob);
}

kr_value kr_getset_descr_new_for(kr_vm *vm, const kr_getset_def *def, kr_type *owner)
{
    kr_getset_descr *g = kr_gc_alloc(vm, vm->t.getset, sizeof *g);
    if (!g)
        return KR_NULL;
    g->def = def;
    g->owner = owner;
    g->name = kr_intern(vm, def->name);
    if (!g->name)
        return KR_NULL;
    return KR_VAL(g);
}

kr_value kr_descr_new_getset(kr_vm *vm, const kr_getset_def *def, kr_type *owner)
{
    return kr_getset_descr_new_for(vm, def, owner);
}

static kr_value getset_get(kr_vm *vm, kr_value self, kr_value obj, kr_value owner)
{
    (void)owner;
    kr_getset_descr *g = KR_AS(kr_getset_descr, self);
    if (!obj)
        return self;
    if (!kr_type_is_subtype(kr_type_of(vm, obj), g->owner))
        return kr_raise(vm, KR_EXC(vm, TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        g->def->name, g->owner->name_c, kr_typename(vm, obj));
    if (!g->def->get)
        return kr_raise(vm, KR_EXC(vm, AttributeError), "attribute '%s' of '%s' objects is not readable", g->def->name,
                        g->owner->name_c);
    return g->def->get(vm, obj);
}

static int getset_set(kr_vm *vm, kr_value self, kr_value obj, kr_value value)
{
    kr_getset_descr *g = KR_AS(kr_getset_descr, self);
    if (!kr_type_is_subtype(kr_type_of(vm, obj), g->owner))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                          g->def->name, g->owner->name_c, kr_typename(vm, obj));
    if (!g->def->set)
        return kr_raise_i(vm, KR_EXC(vm, AttributeError), "attribute '%s' of '%s' objects is not writable", g->def->name,
                          g->owner->name_c);
    return g->def->set(vm, obj, value);
}

static kr_value getset_repr(kr_vm *vm, kr_value self)
{
    kr_getset_descr *g = KR_AS(kr_getset_descr, self);
    return kr_str_fmt(vm, "<attribute '%s' of '%s' objects>", g->def->name, g->owner->name_c);
}

static kr_value descr_get_name(kr_vm *vm, kr_value self) { (void)vm; return KR_AS(kr_getset_descr, self)->name; }
static kr_value descr_get_objclass(kr_vm *vm, kr_value self) { (void)vm; return KR_VAL(KR_AS(kr_getset_descr, self)->owner); }
static const kr_getset_def getset_getsets[] = {
    {"__name__", descr_get_name, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static void member_trace(kr_vm *vm, kr_object *o)
{
    kr_member_descr *m = (kr_member_descr *)o;
    kr_gc_mark(vm, m->name);
    if (m->owner)
        kr_gc_mark_obj(vm, &m->owner->ob);
}

kr_value kr_member_descr_new(kr_vm *vm, kr_value name, kr_type *owner, uint32_t offset)
{
    kr_member_descr *m = kr_gc_alloc(vm, vm->member_descr_type, sizeof *m);
    if (!m)
        return KR_NULL;
    m->name = name;
    m->owner = owner;
    m->offset = offset;
    return KR_VAL(m);
}

static kr_value member_get(kr_vm *vm, kr_value self, kr_value obj, kr_value owner)
{
    (void)owner;
    kr_member_descr *m = KR_AS(kr_member_descr, self);
    if (!obj)
        return self;
    if (!kr_type_is_subtype(kr_type_of(vm, obj), m->owner))
        return kr_raise(vm, KR_EXC(vm, TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        kr_str_data(m->name), m->owner->name_c, kr_typename(vm, obj));
    kr_value v = *(kr_value *)((char *)KR_OBJ(obj) + m->offset);
    if (!v)
        return kr_raise(vm, KR_EXC(vm, AttributeError), "'%s' object has no attribute '%s'", kr_typename(vm, obj),
                        kr_str_data(m->name));
    return v;
}

static int member_set(kr_vm *vm, kr_value self, kr_value obj, kr_value value)
{
    kr_member_descr *m = KR_AS(kr_member_descr, self);
    if (!kr_type_is_subtype(kr_type_of(vm, obj), m->owner))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                          kr_str_data(m->name), m->owner->name_c, kr_typename(vm, obj));
    kr_value *slot = (kr_value *)((char *)KR_OBJ(obj) + m->offset);
    if (!value && !*slot) /* CPython's PyMember_SetOne names only the member here */
        return kr_raise_i(vm, KR_EXC(vm, AttributeError), "%s", kr_str_data(m->name));
    *slot = value;
    kr_gc_barrier(vm, KR_OBJ(obj), value);
    return 0;
}

static kr_value member_repr(kr_vm *vm, kr_value self)
{
    kr_member_descr *m = KR_AS(kr_member_descr, self);
    return kr_str_fmt(vm, "<member '%s' of '%s' objects>", kr_str_data(m->name), m->owner->name_c);
}

static kr_value member_get_name(kr_vm *vm, kr_value self) { (void)vm; return KR_AS(kr_member_descr, self)->name; }
static const kr_getset_def member_getsets[] = {
    {"__name__", member_get_name, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ================================================================================================ */
/* slot wrappers and method-wrappers                                                                */

#define SK_NEW_KIND 26 /* must match enum slot_kind's SK_NEW in type.c */
#define SK_INIT_KIND 25 /* SK_INIT there */

static void slot_wrapper_trace(kr_vm *vm, kr_object *o)
{
    kr_slot_wrapper *w = (kr_slot_wrapper *)o;
    kr_gc_mark(vm, w->name);
    if (w->owner)
        kr_gc_mark_obj(vm, &w->owner->ob);
}

static kr_value slot_wrapper_call(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    kr_slot_wrapper *w = KR_AS(kr_slot_wrapper, self);
    if (w->kind == SK_NEW_KIND)
        return kr_new_wrapper_call(vm, self, args, nargs, kwnames);
    const char *name = kr_str_data(w->name);
    if (nargs < 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "descriptor '%s' of '%s' object needs an argument", name, w->owner->name_c);
    if (!kr_type_is_subtype(kr_type_of(vm, args[0]), w->owner))
        return kr_raise(vm, KR_EXC(vm, TypeError), "descriptor '%s' requires a '%s' object but received a '%s'", name,
                        w->owner->name_c, kr_typename(vm, args[0]));
    if (w->kind == SK_INIT_KIND) {
        /* `Base.__init__(self, ...)` in a subclass's __init__ (every user exception's): kr_slot_wrapper_call's
         * SK_INIT case, without its dispatch */
        int r = ((int (*)(kr_vm *, kr_value, kr_value *, int, kr_value))w->fn)(vm, args[0], args + 1, nargs - 1, kwnames);
        return r < 0 ? KR_NULL : KR_NONE;
    }
    return kr_slot_wrapper_call(vm, self, args[0], args + 1, nargs - 1, kwnames);
}

static kr_value slot_wrapper_get(kr_vm *vm, kr_value self, kr_value obj, kr_value owner)
{
    (void)owner;
    kr_slot_wrapper *w = KR_AS(kr_slot_wrapper, self);
    if (!obj || w->kind == SK_NEW_KIND)
        return self;
    if (!kr_type_is_subtype(kr_type_of(vm, obj), w->owner))
        return kr_raise(vm, KR_EXC(vm, TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        kr_str_data(w->name), w->owner->name_c, kr_typename(vm, obj));
    kr_method_wrapper *m = kr_gc_alloc(vm, vm->t.method_wrapper, sizeof *m);
    if (!m)
        return KR_NULL;
    m->descr = self;
    m->self = obj;
    return KR_VAL(m);
}

static kr_value slot_wrapper_repr(kr_vm *vm, kr_value self)
{
    kr_slot_wrapper *w = KR_AS(kr_slot_wrapper, self);
    if (w->kind == SK_NEW_KIND)
        return kr_str_fmt(vm, "<built-in method __new__ of type object at %p>", (void *)w->owner);
    return kr_str_fmt(vm, "<slot wrapper '%s' of '%s' objects>", kr_str_data(w->name), w->owner->name_c);
}

static void method_wrapper_trace(kr_vm *vm, kr_object *o)
{
    kr_method_wrapper *m = (kr_method_wrapper *)o;
    kr_gc_mark(vm, m->descr);
    kr_gc_mark(vm, m->self);
}

static kr_value method_wrapper_call(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    kr_method_wrapper *m = KR_AS(kr_method_wrapper, self);
    return kr_slot_wrapper_call(vm, m->descr, m->self, args, nargs, kwnames);
}

static kr_value method_wrapper_repr(kr_vm *vm, kr_value self)
{
    kr_method_wrapper *m = KR_AS(kr_method_wrapper, self);
    kr_slot_wrapper *w = KR_AS(kr_slot_wrapper, m->descr);
    const char *tn = kr_typename(vm, m->self);
    if (kr_is_ptr(m->self))
        return kr_str_fmt(vm, "<method-wrapper '%s' of %s object at %p>", kr_str_data(w->name), tn, (void *)KR_OBJ(m->self));
    return kr_str_fmt(vm, "<method-wrapper '%s' of %s object at %p>", kr_str_data(w->name), tn, (void *)(uintptr_t)m->self);
}

static kr_value method_wrapper_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if ((op != KR_CMP_EQ && op != KR_CMP_NE) || kr_type_of(vm, b) != vm->t.method_wrapper)
        return KR_NOTIMPL;
    kr_method_wrapper *x = KR_AS(kr_method_wrapper, a), *y = KR_AS(kr_method_wrapper, b);
    bool eq = x->descr == y->descr && x->self == y->self;
    return kr_bool(op == KR_CMP_EQ ? eq : !eq);
}

static kr_value mw_self(kr_vm *vm, kr_value s) { (void)vm; return KR_AS(kr_method_wrapper, s)->self; }
static kr_value mw_name(kr_vm *vm, kr_value s) { (void)vm; return KR_AS(kr_slot_wrapper, KR_AS(kr_method_wrapper, s)->descr)->name; }
static const kr_getset_def method_wrapper_getsets[] = {
    {"__self__", mw_self, NULL, NULL},
    {"__name__", mw_name, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};
static kr_value sw_name(kr_vm *vm, kr_value s) { (void)vm; return KR_AS(kr_slot_wrapper, s)->name; }
static kr_value sw_objclass(kr_vm *vm, kr_value s) { (void)vm; return KR_VAL(KR_AS(kr_slot_wrapper, s)->owner); }
static const kr_getset_def slot_wrapper_getsets[] = {
    {"__name__", sw_name, NULL, NULL},
    {"__objclass__", sw_objclass, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ================================================================================================ */
/* super                                                                                            */

static void super_trace(kr_vm *vm, kr_object *o)
{
    kr_super *s = (kr_super *)o;
    if (s->type)
        kr_gc_mark_obj(vm, &s->type->ob);
    kr_gc_mark(vm, s->obj);
    if (s->obj_type)
        kr_gc_mark_obj(vm, &s->obj_type->ob);
}

static kr_value super_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    kr_super *s = kr_gc_alloc(vm, cls, cls->instance_size);
    return s ? KR_VAL(s) : KR_NULL;
}

static bool is_type(kr_vm *vm, kr_value v) { return kr_is_ptr(v) && kr_type_is_subtype(KR_OBJ(v)->type, vm->t.type); }

static int super_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    if (kwnames && kr_tuple_size(kwnames))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "super() takes no keyword arguments");
    if (nargs > 2)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "super() expected at most 2 arguments, got %d", nargs);
    kr_value type, obj = KR_NULL;
    if (nargs == 0) {
        if (kr_interp_super_args(vm, &type, &obj) < 0)
            return -1;
    } else {
        type = args[0];
        if (nargs == 2)
            obj = args[1];
    }
    if (!is_type(vm, type))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "super() argument 1 must be a type, not %s", kr_typename(vm, type));
    if (obj == KR_NONE && nargs < 2)
        obj = KR_NULL;
    kr_type *t = KR_AS(kr_type, type), *ot = NULL;
    if (obj) {
        kr_type *objt = kr_type_of(vm, obj);
        if (kr_type_is_subtype(objt, t))
            ot = objt;
        else if (is_type(vm, obj) && kr_type_is_subtype(KR_AS(kr_type, obj), t))
            ot = KR_AS(kr_type, obj);
        else
            return kr_raise_i(vm, KR_EXC(vm, TypeError),
                              "super(type, obj): obj (%s %s) is not an instance or subtype of type (%s).",
                              is_type(vm, obj) ? "type" : "instance of", is_type(vm, obj) ? KR_AS(kr_type, obj)->name_c : objt->name_c,
                              t->name_c);
    }
    kr_super *s = KR_AS(kr_super, self);
    s->type = t;
    s->obj = obj;
    s->obj_type = ot;
    kr_gc_barrier(vm, KR_OBJ(self), type);
    kr_gc_barrier(vm, KR_OBJ(self), obj);
    return 0;
}

static kr_value super_getattr(kr_vm *vm, kr_value self, kr_value name)
{
    kr_super *s = KR_AS(kr_super, self);
    if (s->obj_type && !kr_str_equal(name, KR_NAME(vm, __class__))) {
        kr_value mro = s->obj_type->mro;
        int64_t n = kr_tuple_size(mro), i = 0;
        while (i < n && KR_AS(kr_type, kr_tuple_items(mro)[i]) != s->type)
            i++;
        for (i++; i < n; i++) {
            kr_type *b = KR_AS(kr_type, kr_tuple_items(mro)[i]);
            kr_value res = kr_dict_get_str(vm, b->dict, name);
            if (!res)
                continue;
            kr_type *rt = kr_type_of(vm, res);
            if (!rt->descr_get)
                return res;
            kr_value obj = s->obj == KR_VAL(s->obj_type) ? KR_NULL : s->obj;
            if (rt == vm->t.function && !obj)
                return res;
            return rt->descr_get(vm, res, obj, KR_VAL(s->obj_type));
        }
    }
    return kr_generic_getattr(vm, self, name);
}

static kr_value super_get(kr_vm *vm, kr_value self, kr_value obj, kr_value owner)
{
    (void)owner;
    kr_super *s = KR_AS(kr_super, self);
    if (!obj || s->obj)
        return self;
    kr_value a[2] = {KR_VAL(s->type), obj};
    return kr_call(vm, KR_VAL(kr_type_of(vm, self)), a, 2, KR_NULL);
}

static kr_value super_repr(kr_vm *vm, kr_value self)
{
    kr_super *s = KR_AS(kr_super, self);
    const char *tn = s->type ? s->type->name_c : "NULL";
    if (s->obj_type)
        return kr_str_fmt(vm, "<super: <class '%s'>, <%s object>>", tn, s->obj_type->name_c);
    return kr_str_fmt(vm, "<super: <class '%s'>, NULL>", tn);
}

static kr_value super_thisclass(kr_vm *vm, kr_value s) { (void)vm; kr_type *t = KR_AS(kr_super, s)->type; return t ? KR_VAL(t) : KR_NONE; }
static kr_value super_self(kr_vm *vm, kr_value s) { (void)vm; kr_value o = KR_AS(kr_super, s)->obj; return o ? o : KR_NONE; }
static kr_value super_selfclass(kr_vm *vm, kr_value s) { (void)vm; kr_type *t = KR_AS(kr_super, s)->obj_type; return t ? KR_VAL(t) : KR_NONE; }
static const kr_getset_def super_getsets[] = {
    {"__thisclass__", super_thisclass, NULL, NULL},
    {"__self__", super_self, NULL, NULL},
    {"__self_class__", super_selfclass, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ================================================================================================ */
/* mappingproxy (type.__dict__)                                                                     */

static void mappingproxy_trace(kr_vm *vm, kr_object *o) { kr_gc_mark(vm, ((kr_mappingproxy *)o)->mapping); }
#define MP(v) (KR_AS(kr_mappingproxy, v)->mapping)
static kr_value mp_getitem(kr_vm *vm, kr_value self, kr_value key) { return kr_getitem(vm, MP(self), key); }
static int64_t mp_len(kr_vm *vm, kr_value self) { return kr_len(vm, MP(self)); }
static kr_value mp_iter(kr_vm *vm, kr_value self) { return kr_iter(vm, MP(self)); }
static int mp_contains(kr_vm *vm, kr_value self, kr_value k) { return kr_contains(vm, MP(self), k); }
static kr_value mp_repr(kr_vm *vm, kr_value self)
{
    kr_value r = kr_repr(vm, MP(self));
    return r ? kr_str_fmt(vm, "mappingproxy(%s)", kr_str_data(r)) : KR_NULL;
}
static kr_value mp_str(kr_vm *vm, kr_value self) { return kr_tostr(vm, MP(self)); }
static kr_value mp_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    return kr_richcompare(vm, MP(a), b, op);
}
static kr_value mp_forward(kr_vm *vm, kr_value *args, int nargs, const char *name)
{
    return kr_call_method(vm, MP(args[0]), name, args + 1, nargs - 1);
}
static kr_value mp_keys(kr_vm *vm, kr_value *a, int n, kr_value kw) { (void)kw; return mp_forward(vm, a, n, "keys"); }
static kr_value mp_values(kr_vm *vm, kr_value *a, int n, kr_value kw) { (void)kw; return mp_forward(vm, a, n, "values"); }
static kr_value mp_items(kr_vm *vm, kr_value *a, int n, kr_value kw) { (void)kw; return mp_forward(vm, a, n, "items"); }
static kr_value mp_get(kr_vm *vm, kr_value *a, int n, kr_value kw) { (void)kw; return mp_forward(vm, a, n, "get"); }
static kr_value mp_copy(kr_vm *vm, kr_value *a, int n, kr_value kw) { (void)kw; return mp_forward(vm, a, n, "copy"); }
/* mappingproxy(mapping): a read-only view of any mapping (types.MappingProxyType). As CPython, sequences
 * are refused even though they have __getitem__, and the view is not a subclassable type. */
static kr_value mp_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"mapping"};
    kr_value out[1];
    if (kr_args_parse(vm, "mappingproxy", args, nargs, kwnames, names, 1, 1, 0, out) < 0)
        return KR_NULL;
    kr_type *t = kr_type_of(vm, out[0]);
    bool sequence = kr_type_is_subtype(t, vm->t.list) || kr_type_is_subtype(t, vm->t.tuple);
    if (sequence || !t->getitem) {
        return kr_raise(vm, KR_EXC(vm, TypeError), "mappingproxy() argument must be a mapping, not %s",
                        kr_typename(vm, out[0]));
    }
    kr_mappingproxy *p = kr_gc_alloc(vm, cls, sizeof *p);
    if (!p)
        return KR_NULL;
    p->mapping = out[0];
    return KR_VAL(p);
}

static const kr_method_def mappingproxy_methods[] = {
    {"keys", mp_keys, KR_METH_DEFAULT, NULL},
    {"values", mp_values, KR_METH_DEFAULT, NULL},
    {"items", mp_items, KR_METH_DEFAULT, NULL},
    {"get", mp_get, KR_METH_DEFAULT, NULL},
    {"copy", mp_copy, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

/* ================================================================================================ */
/* GenericAlias (list[int])                                                                         */

typedef struct kr_generic_alias {
    kr_object ob;
    kr_value origin, args; /* args: tuple */
} kr_generic_alias;

static void ga_trace(kr_vm *vm, kr_object *o)
{
    kr_generic_alias *g = (kr_generic_alias *)o;
    kr_gc_mark(vm, g->origin);
    kr_gc_mark(vm, g->args);
}

kr_value kr_generic_alias_new(kr_vm *vm, kr_value origin, kr_value args)
{
    if (!kr_is_ptr(args) || !(KR_OBJ(args)->type->flags & KR_TF_TUPLE_SUBCLASS)) {
        args = kr_tuple_pack(vm, 1, args);
        if (!args)
            return KR_NULL;
    }
    kr_generic_alias *g = kr_gc_alloc(vm, vm->generic_alias_type, sizeof *g);
    if (!g)
        return KR_NULL;
    g->origin = origin;
    g->args = args;
    return KR_VAL(g);
}

static int ga_repr_item(kr_vm *vm, kr_sb *sb, kr_value v)
{
    if (v == KR_ELLIPSIS) {
        kr_sb_append_cstr(sb, "...");
        return 0;
    }
    if (kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.list) {
        /* Callable[[int, str], bool]: the parameter list shown as a list of type names */
        kr_sb_append_char(sb, '[');
        for (int64_t i = 0; i < kr_list_size(v); i++) {
            if (i)
                kr_sb_append_cstr(sb, ", ");
            if (ga_repr_item(vm, sb, kr_list_items(v)[i]) < 0)
                return -1;
        }
        kr_sb_append_char(sb, ']');
        return 0;
    }
    if (is_type(vm, v)) {
        kr_value fn = kr_type_fullname(vm, KR_AS(kr_type, v));
        if (!fn)
            return -1;
        kr_sb_append(sb, kr_str_data(fn), (size_t)kr_str_nbytes(fn));
        return 0;
    }
    return kr_sb_append_value(vm, sb, v, true);
}

static kr_value ga_repr(kr_vm *vm, kr_value self)
{
    kr_generic_alias *g = KR_AS(kr_generic_alias, self);
    kr_sb sb;
    kr_sb_init(&sb);
    if (ga_repr_item(vm, &sb, g->origin) < 0)
        goto fail;
    kr_sb_append_char(&sb, '[');
    int64_t n = kr_tuple_size(g->args);
    if (n == 0)
        kr_sb_append_cstr(&sb, "()");
    for (int64_t i = 0; i < n; i++) {
        if (i)
            kr_sb_append_cstr(&sb, ", ");
        if (ga_repr_item(vm, &sb, kr_tuple_items(g->args)[i]) < 0)
            goto fail;
    }
    kr_sb_append_char(&sb, ']');
    return kr_sb_finish(vm, &sb);
fail:
    kr_sb_free(&sb);
    return KR_NULL;
}

static kr_value ga_call(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    return kr_call(vm, KR_AS(kr_generic_alias, self)->origin, args, nargs, kwnames);
}

static kr_value ga_getattr(kr_vm *vm, kr_value self, kr_value name)
{
    kr_value v = kr_generic_getattr_opt(vm, self, name);
    if (v || kr_err_occurred(vm))
        return v;
    return kr_getattr(vm, KR_AS(kr_generic_alias, self)->origin, name);
}

static kr_value ga_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if ((op != KR_CMP_EQ && op != KR_CMP_NE) || kr_type_of(vm, b) != vm->generic_alias_type)
        return KR_NOTIMPL;
    kr_generic_alias *x = KR_AS(kr_generic_alias, a), *y = KR_AS(kr_generic_alias, b);
    int eq = x->origin == y->origin ? kr_eq(vm, x->args, y->args) : 0;
    if (eq < 0)
        return KR_NULL;
    return kr_bool(op == KR_CMP_EQ ? eq : !eq);
}

static int64_t ga_hash(kr_vm *vm, kr_value self)
{
    kr_generic_alias *g = KR_AS(kr_generic_alias, self);
    int64_t h = kr_hash(vm, g->args);
    if (h == -1)
        return -1;
    h ^= (int64_t)((uint64_t)g->origin >> 4);
    return h == -1 ? -2 : h;
}

/* types.GenericAlias(origin, args): what cls[args] makes (e.g. collections.abc's __class_getitem__). */
static kr_value ga_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)cls;
    if (kr_args_no_kw(vm, "GenericAlias", kwnames) < 0 || kr_args_count(vm, "GenericAlias", nargs, 2, 2) < 0)
        return KR_NULL;
    return kr_generic_alias_new(vm, args[0], args[1]);
}

/* class C(list[int]): the alias stands for its origin among the bases (PEP 560). */
static kr_value ga_mro_entries(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return kr_tuple_pack(vm, 1, KR_AS(kr_generic_alias, args[0])->origin);
}
static const kr_method_def ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static kr_value ga_origin(kr_vm *vm, kr_value s) { (void)vm; return KR_AS(kr_generic_alias, s)->origin; }
static kr_value ga_args(kr_vm *vm, kr_value s) { (void)vm; return KR_AS(kr_generic_alias, s)->args; }
static const kr_getset_def ga_getsets[] = {
    {"__origin__", ga_origin, NULL, NULL},
    {"__args__", ga_args, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* __class_getitem__ for the builtin containers: cls[args] → GenericAlias */
static kr_value class_getitem(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)kwnames;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "__class_getitem__ expected 1 argument, got %d", nargs - 1);
    return kr_generic_alias_new(vm, args[0], args[1]);
}
const kr_method_def kr_class_getitem_def = {"__class_getitem__", class_getitem, KR_METH_CLASS, NULL};


/* ================================================================================================ */
/* types.UnionType (int | None)                                                                     */

typedef struct kr_union {
    kr_object ob;
    kr_value args; /* tuple of types (None stands for NoneType), flattened, without duplicates */
} kr_union;

static void union_trace(kr_vm *vm, kr_object *o) { kr_gc_mark(vm, ((kr_union *)o)->args); }

static bool unionable(kr_vm *vm, kr_value v)
{
    return v == KR_NONE || is_type(vm, v) || kr_type_of(vm, v) == vm->union_type ||
           kr_type_of(vm, v) == vm->generic_alias_type;
}

static int union_add(kr_vm *vm, kr_value list, kr_value v)
{
    if (kr_type_of(vm, v) == vm->union_type) {
        kr_value a = KR_AS(kr_union, v)->args;
        for (int64_t i = 0; i < kr_tuple_size(a); i++)
            if (union_add(vm, list, kr_tuple_items(a)[i]) < 0)
                return -1;
        return 0;
    }
    if (v == KR_NONE)
        v = KR_VAL(vm->t.none);
    for (int64_t i = 0; i < KR_AS(kr_list, list)->size; i++)
        if (KR_AS(kr_list, list)->items[i] == v)
            return 0;
    return kr_list_append(vm, list, v);
}

static kr_value union_or(kr_vm *vm, kr_value a, kr_value b)
{
    if (!unionable(vm, a) || !unionable(vm, b))
        return KR_NOTIMPL;
    kr_value l = kr_list_new(vm, 4);
    if (!l || union_add(vm, l, a) < 0 || union_add(vm, l, b) < 0)
        return KR_NULL;
    if (KR_AS(kr_list, l)->size == 1)
        return KR_AS(kr_list, l)->items[0];
    kr_value t = kr_tuple_from_array(vm, KR_AS(kr_list, l)->items, KR_AS(kr_list, l)->size);
    if (!t)
        return KR_NULL;
    kr_union *u = kr_gc_alloc(vm, vm->union_type, sizeof *u);
    if (!u)
        return KR_NULL;
    u->args = t;
    return KR_VAL(u);
}

/* type.__or__ / __ror__ (installed on `type` and on the union type itself) */
kr_value kr_type_or(kr_vm *vm, kr_value a, kr_value b) { return union_or(vm, a, b); }

static kr_value union_repr(kr_vm *vm, kr_value self)
{
    kr_value a = KR_AS(kr_union, self)->args;
    kr_sb sb;
    kr_sb_init(&sb);
    for (int64_t i = 0; i < kr_tuple_size(a); i++) {
        if (i)
            kr_sb_append_cstr(&sb, " | ");
        kr_value v = kr_tuple_items(a)[i];
        if (v == KR_VAL(vm->t.none)) {
            kr_sb_append_cstr(&sb, "None");
            continue;
        }
        if (ga_repr_item(vm, &sb, v) < 0) {
            kr_sb_free(&sb);
            return KR_NULL;
        }
    }
    return kr_sb_finish(vm, &sb);
}

static kr_value union_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if ((op != KR_CMP_EQ && op != KR_CMP_NE) || kr_type_of(vm, b) != vm->union_type)
        return KR_NOTIMPL;
    kr_value x = KR_AS(kr_union, a)->args, y = KR_AS(kr_union, b)->args;
    bool eq = kr_tuple_size(x) == kr_tuple_size(y);
    for (int64_t i = 0; eq && i < kr_tuple_size(x); i++) {
        bool found = false;
        for (int64_t j = 0; j < kr_tuple_size(y) && !found; j++)
            found = kr_tuple_items(x)[i] == kr_tuple_items(y)[j];
        eq = found;
    }
    return kr_bool(op == KR_CMP_EQ ? eq : !eq);
}

static int64_t union_hash(kr_vm *vm, kr_value self)
{
    (void)vm;
    kr_value a = KR_AS(kr_union, self)->args;
    uint64_t h = 0x9E3779B97F4A7C15ull;
    for (int64_t i = 0; i < kr_tuple_size(a); i++)
        h ^= (uint64_t)kr_tuple_items(a)[i] >> 4; /* order-independent */
    int64_t r = (int64_t)(h >> 1);
    return r == -1 ? -2 : r;
}

static kr_value union_args(kr_vm *vm, kr_value s) { (void)vm; return KR_AS(kr_union, s)->args; }
static kr_value union_instancecheck(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)kwnames;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "__instancecheck__ expected 1 argument, got %d", nargs - 1);
    int r = kr_isinstance(vm, args[1], KR_AS(kr_union, args[0])->args);
    return r < 0 ? KR_NULL : kr_bool(r);
}
static kr_value union_subclasscheck(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)kwnames;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "__subclasscheck__ expected 1 argument, got %d", nargs - 1);
    int r = kr_issubclass(vm, args[1], KR_AS(kr_union, args[0])->args);
    return r < 0 ? KR_NULL : kr_bool(r);
}
static const kr_getset_def union_getsets[] = {
    {"__args__", union_args, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};
static const kr_method_def union_methods[] = {
    {"__instancecheck__", union_instancecheck, KR_METH_DEFAULT, NULL},
    {"__subclasscheck__", union_subclasscheck, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

/* ================================================================================================ */
/* NoneType, NotImplementedType, ellipsis                                                           */

static kr_value none_repr(kr_vm *vm, kr_value self)
{
    (void)self;
    return kr_intern(vm, "None");
}
static kr_value notimpl_repr(kr_vm *vm, kr_value self)
{
    (void)self;
    return kr_intern(vm, "NotImplemented");
}
static kr_value ellipsis_repr(kr_vm *vm, kr_value self)
{
    (void)self;
    return kr_intern(vm, "Ellipsis");
}
static int none_bool(kr_vm *vm, kr_value self)
{
    (void)vm;
    (void)self;
    return 0;
}
static int true_bool(kr_vm *vm, kr_value self)
{
    (void)vm;
    (void)self;
    return 1;
}
static int64_t imm_hash(kr_vm *vm, kr_value self)
{
    (void)vm;
    if (self == KR_NONE)
        return 0xFCA86420; /* CPython 3.12+: a constant */
    return (int64_t)(0x5A17E00ull + kr_imm_index(self) * 0x10001ull);
}
static kr_value singleton_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (nargs || (kwnames && kr_tuple_size(kwnames)))
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s takes no arguments", cls->name_c);
    if (cls == vm->t.none)
        return KR_NONE;
    if (cls == vm->t.notimpl)
        return KR_NOTIMPL;
    return KR_ELLIPSIS;
}

/* ================================================================================================ */

/* types.MethodType(function, instance): a bound method, as CPython's method_new (the function must be
 * callable, the instance not None). */
static kr_value method_new_slot(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)cls;
    if (kr_args_no_kw(vm, "method", kwnames) < 0 || kr_args_count(vm, "method", nargs, 2, 2) < 0)
        return KR_NULL;
    if (!kr_type_of(vm, args[0])->call)
        return kr_raise(vm, KR_EXC(vm, TypeError), "first argument must be callable");
    if (args[1] == KR_NONE)
        return kr_raise(vm, KR_EXC(vm, TypeError), "instance must not be None");
    return kr_method_new(vm, args[0], args[1]);
}

void kr_descr_init(kr_vm *vm)
{
    kr_type *t;

    t = vm->t.cfunction = kr_type_new_builtin(vm, "builtin_function_or_method", NULL, sizeof(kr_cfunction), 0);
    t->trace = cfunction_trace;
    t->call = cfunction_call;
    t->repr = cfunction_repr;
    t->richcompare = cfunction_richcompare;
    t->hash = cfunction_hash;
    t->getsets = cfunction_getsets;

    t = vm->method_descr_type = kr_type_new_builtin(vm, "method_descriptor", NULL, sizeof(kr_cfunction), 0);
    t->trace = cfunction_trace;
    t->call = method_descr_call;
    t->descr_get = method_descr_get;
    t->repr = cfunction_repr;
    t->getsets = method_descr_getsets;

    t = vm->classmethod_descr_type = kr_type_new_builtin(vm, "classmethod_descriptor", NULL, sizeof(kr_cfunction), 0);
    t->trace = cfunction_trace;
    t->call = classmethod_descr_call;
    t->descr_get = classmethod_descr_get;
    t->repr = cfunction_repr;
    t->getsets = method_descr_getsets;

    t = vm->t.method = kr_type_new_builtin(vm, "method", NULL, sizeof(kr_method), 0);
    t->trace = method_trace;
    t->call = method_call;
    t->repr = method_repr;
    t->richcompare = method_richcompare;
    t->hash = method_hash;
    t->getattr = method_getattr;
    t->getsets = method_getsets;
    t->new_ = method_new_slot;

    t = vm->t.property = kr_type_new_builtin(vm, "property", NULL, sizeof(kr_property), KR_TF_BASETYPE);
    t->trace = property_trace;
    t->new_ = property_new;
    t->init = property_init;
    t->descr_get = property_get;
    t->descr_set = property_set;
    t->methods = property_methods;
    t->getsets = property_getsets;

    t = vm->t.classmethod = kr_type_new_builtin(vm, "classmethod", NULL, sizeof(kr_funcwrap), KR_TF_BASETYPE);
    t->trace = funcwrap_trace;
    t->new_ = funcwrap_new;
    t->init = funcwrap_init;
    t->descr_get = classmethod_get;
    t->repr = funcwrap_repr;
    t->getsets = funcwrap_getsets;
    t->attrs_offset = offsetof(kr_funcwrap, dict);

    t = vm->t.staticmethod = kr_type_new_builtin(vm, "staticmethod", NULL, sizeof(kr_funcwrap), KR_TF_BASETYPE);
    t->trace = funcwrap_trace;
    t->new_ = funcwrap_new;
    t->init = funcwrap_init;
    t->descr_get = staticmethod_get;
    t->call = staticmethod_call;
    t->repr = funcwrap_repr;
    t->getsets = funcwrap_getsets;
    t->attrs_offset = offsetof(kr_funcwrap, dict);

    t = vm->t.getset = kr_type_new_builtin(vm, "getset_descriptor", NULL, sizeof(kr_getset_descr), 0);
    t->trace = getset_trace;
    t->descr_get = getset_get;
    t->descr_set = getset_set;
    t->repr = getset_repr;
    t->getsets = getset_getsets;

    t = vm->member_descr_type = kr_type_new_builtin(vm, "member_descriptor", NULL, sizeof(kr_member_descr), 0);
    t->trace = member_trace;
    t->descr_get = member_get;
    t->descr_set = member_set;
    t->repr = member_repr;
    t->getsets = member_getsets;

    t = vm->t.slot_wrapper = kr_type_new_builtin(vm, "wrapper_descriptor", NULL, sizeof(kr_slot_wrapper), 0);
    t->trace = slot_wrapper_trace;
    t->call = slot_wrapper_call;
    t->descr_get = slot_wrapper_get;
    t->repr = slot_wrapper_repr;
    t->getsets = slot_wrapper_getsets;

    t = vm->t.method_wrapper = kr_type_new_builtin(vm, "method-wrapper", NULL, sizeof(kr_method_wrapper), 0);
    t->trace = method_wrapper_trace;
    t->call = method_wrapper_call;
    t->repr = method_wrapper_repr;
    t->richcompare = method_wrapper_richcompare;
    t->getsets = method_wrapper_getsets;

    t = vm->t.super_ = kr_type_new_builtin(vm, "super", NULL, sizeof(kr_super), KR_TF_BASETYPE);
    t->trace = super_trace;
    t->new_ = super_new;
    t->init = super_init;
    t->getattr = super_getattr;
    t->descr_get = super_get;
    t->repr = super_repr;
    t->getsets = super_getsets;

    t = vm->mappingproxy_type = kr_type_new_builtin(vm, "mappingproxy", NULL, sizeof(kr_mappingproxy), 0);
    t->trace = mappingproxy_trace;
    t->getitem = mp_getitem;
    t->len = mp_len;
    t->iter = mp_iter;
    t->contains = mp_contains;
    t->repr = mp_repr;
    t->str = mp_str;
    t->richcompare = mp_richcompare;
    t->methods = mappingproxy_methods;
    t->new_ = mp_new;

    t = vm->generic_alias_type = kr_type_new_builtin(vm, "types.GenericAlias", NULL, sizeof(kr_generic_alias), 0);
    t->trace = ga_trace;
    t->repr = ga_repr;
    t->call = ga_call;
    t->getattr = ga_getattr;
    t->richcompare = ga_richcompare;
    t->hash = ga_hash;
    t->getsets = ga_getsets;
    t->methods = ga_methods;
    t->new_ = ga_new;

    t = vm->t.none = kr_type_new_builtin(vm, "NoneType", NULL, sizeof(kr_object), 0);
    t->repr = none_repr;
    t->bool_ = none_bool;
    t->hash = imm_hash;
    t->new_ = singleton_new;
    t = vm->t.notimpl = kr_type_new_builtin(vm, "NotImplementedType", NULL, sizeof(kr_object), 0);
    t->repr = notimpl_repr;
    t->bool_ = true_bool;
    t->hash = imm_hash;
    t->new_ = singleton_new;
    t = vm->t.ellipsis = kr_type_new_builtin(vm, "ellipsis", NULL, sizeof(kr_object), 0);
    t->repr = ellipsis_repr;
    t->bool_ = true_bool;
    t->hash = imm_hash;
    t->new_ = singleton_new;
    t = vm->union_type = kr_type_new_builtin(vm, "types.UnionType", NULL, sizeof(kr_union), 0);
    t->trace = union_trace;
    t->repr = union_repr;
    t->richcompare = union_richcompare;
    t->hash = union_hash;
    t->binop[KR_OP_OR] = union_or;
    t->getsets = union_getsets;
    t->methods = union_methods;
    vm->t.type->binop[KR_OP_OR] = union_or;
    vm->generic_alias_type->binop[KR_OP_OR] = union_or;

    vm->imm_types[KR_IMM_NONE] = vm->t.none;
    vm->imm_types[KR_IMM_NOTIMPL] = vm->t.notimpl;
    vm->imm_types[KR_IMM_ELLIPSIS] = vm->t.ellipsis;
    vm->imm_types[KR_IMM_UNBOUND] = vm->t.none; /* never user-visible; a safe type for stray reads */
}
