/* module.c: module objects. A module is a name plus a dict that is its code's globals; attribute access
 * reads and writes that dict, so `mod.x` and a global `x` inside the module are the same binding. */
#include "exc.h"
#include "module.h"

#include <string.h>

bool kr_is_module(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && kr_type_is_subtype(KR_OBJ(v)->type, vm->t.module);
}

kr_value kr_module_new(kr_vm *vm, const char *name)
{
    kr_value name_v = kr_str_from_cstr(vm, name);
    if (!name_v)
        return KR_NULL;
    kr_value dict = kr_dict_new(vm);
    if (!dict)
        return KR_NULL;
    kr_module *m = kr_gc_alloc(vm, vm->t.module, sizeof *m);
    if (!m)
        return KR_NULL;
    m->name = name_v;
    m->dict = dict;
    kr_value mv = KR_VAL(m);
    if (kr_dict_set(vm, dict, KR_NAME(vm, __name__), name_v) < 0 ||
        kr_dict_set(vm, dict, KR_NAME(vm, __doc__), KR_NONE) < 0 ||
        kr_dict_set(vm, dict, KR_NAME(vm, __package__), KR_NONE) < 0 ||
        kr_dict_set(vm, dict, KR_NAME(vm, __spec__), KR_NONE) < 0 ||
        kr_dict_set(vm, dict, KR_NAME(vm, __loader__), KR_NONE) < 0)
        return KR_NULL;
    return mv;
}

int kr_module_add(kr_vm *vm, kr_value module, const char *name, kr_value value)
{
    if (!value)
        return -1;
    return kr_dict_set_cstr(vm, KR_AS(kr_module, module)->dict, name, value);
}

int kr_module_add_functions(kr_vm *vm, kr_value module, const kr_method_def *defs)
{
    for (; defs->name; defs++) {
        kr_value f = kr_cfunction_new(vm, defs, NULL, module);
        if (!f || kr_module_add(vm, module, defs->name, f) < 0)
            return -1;
    }
    return 0;
}

static void module_trace(kr_vm *vm, kr_object *o)
{
    kr_module *m = (kr_module *)o;
    kr_gc_mark(vm, m->name);
    kr_gc_mark(vm, m->dict);
    kr_gc_mark(vm, m->state);
}

static kr_value module_getattr(kr_vm *vm, kr_value self, kr_value name)
{
    kr_module *m = KR_AS(kr_module, self);
    /* Data descriptors on the module type (e.g. __dict__, __class__) come first, as in CPython. */
    kr_value r = kr_dict_get(vm, m->dict, name);
    if (r)
        return r;
    if (kr_err_occurred(vm))
        return KR_NULL;
    r = kr_generic_getattr(vm, self, name);
    if (r || !kr_err_matches(vm, KR_EXC(vm, AttributeError)))
        return r;
    kr_err_clear(vm);
    /* PEP 562: a module-level __getattr__ */
    kr_value hook = kr_dict_get(vm, m->dict, KR_NAME(vm, __getattr__));
    if (hook)
        return kr_call1(vm, hook, name);
    if (kr_err_occurred(vm))
        return KR_NULL;
    kr_value modname = kr_dict_get(vm, m->dict, KR_NAME(vm, __name__));
    if (modname && kr_is_str(vm, modname))
        kr_raise(vm, KR_EXC(vm, AttributeError), "module '%s' has no attribute '%s'", kr_str_data(modname),
                 kr_str_data(name));
    else
        kr_raise(vm, KR_EXC(vm, AttributeError), "module has no attribute '%s'", kr_str_data(name));
    kr_exc_set_attribute_context(vm, self, name);
    return KR_NULL;
}

static int module_setattr(kr_vm *vm, kr_value self, kr_value name, kr_value value)
{
    kr_module *m = KR_AS(kr_module, self);
    if (!value) {
        if (kr_dict_del(vm, m->dict, name) < 0) {
            if (kr_err_matches(vm, KR_EXC(vm, KeyError))) {
                kr_err_clear(vm);
                return kr_raise_i(vm, KR_EXC(vm, AttributeError), "module '%s' has no attribute '%s'",
                                  kr_str_data(m->name), kr_str_data(name));
            }
            return -1;
        }
        return 0;
    }
    int r = kr_dict_set(vm, m->dict, name, value);
    kr_gc_barrier(vm, KR_OBJ(m->dict), value);
    return r;
}

static kr_value module_repr(kr_vm *vm, kr_value self)
{
    kr_module *m = KR_AS(kr_module, self);
    kr_value file = kr_dict_get_cstr(vm, m->dict, "__file__");
    if (file && kr_is_str(vm, file))
        return kr_str_fmt(vm, "<module '%s' from '%s'>", kr_str_data(m->name), kr_str_data(file));
    return kr_str_fmt(vm, m->user_made ? "<module '%s'>" : "<module '%s' (built-in)>", kr_str_data(m->name));
}

static kr_value module_get_dict(kr_vm *vm, kr_value self)
{
    (void)vm;
    return KR_AS(kr_module, self)->dict;
}

static kr_value module_dir(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_value list = kr_list_new(vm, 0);
    if (!list)
        return KR_NULL;
    kr_value k, v;
    int64_t pos = 0;
    while (kr_dict_next(KR_AS(kr_module, args[0])->dict, &pos, &k, &v))
        if (kr_list_append(vm, list, k) < 0)
            return KR_NULL;
    if (kr_list_sort(vm, list, KR_NULL, false) < 0)
        return KR_NULL;
    return list;
}

/* ModuleType(name, doc=None), e.g. types.ModuleType("plugin"): __new__ makes an empty module (its name an
 * empty string until __init__ runs, so that a subclass's __init__ may call super().__init__(name)),
 * __init__ binds __name__, __doc__ and the loader fields as the import system does. */
static kr_value module_new_slot(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    kr_value name = kr_str_from_cstr(vm, "");
    if (!name)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &name);
    kr_value dict = kr_dict_new(vm);
    kr_root_push(vm, &dict);
    size_t size = cls->instance_size >= sizeof(kr_module) ? cls->instance_size : sizeof(kr_module);
    kr_module *mod = dict ? kr_gc_alloc(vm, cls, size) : NULL;
    kr_root_reset(vm, m);
    if (!mod)
        return KR_NULL;
    mod->name = name;
    mod->dict = dict;
    mod->user_made = true;
    return KR_VAL(mod);
}

static int module_init_slot(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"name", "doc"};
    kr_value out[2];
    if (kr_args_parse(vm, "module", args, nargs, kwnames, names, 2, 1, 0, out) < 0)
        return -1;
    if (!kr_is_str(vm, out[0]))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "module() argument 'name' must be str, not %s",
                          kr_typename(vm, out[0]));
    kr_module *mod = KR_AS(kr_module, self);
    mod->name = out[0];
    kr_gc_barrier(vm, KR_OBJ(self), out[0]);
    kr_value doc = out[1] ? out[1] : KR_NONE;
    if (kr_dict_set(vm, mod->dict, KR_NAME(vm, __name__), out[0]) < 0 ||
        kr_dict_set(vm, mod->dict, KR_NAME(vm, __doc__), doc) < 0 ||
        kr_dict_set(vm, mod->dict, KR_NAME(vm, __package__), KR_NONE) < 0 ||
        kr_dict_set(vm, mod->dict, KR_NAME(vm, __spec__), KR_NONE) < 0 ||
        kr_dict_set(vm, mod->dict, KR_NAME(vm, __loader__), KR_NONE) < 0)
        return -1;
    return 0;
}

static const kr_getset_def module_getsets[] = {
    {"__dict__", module_get_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const kr_method_def module_methods[] = {
    {"__dir__", module_dir, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

void kr_module_init(kr_vm *vm)
{
    kr_type *t = kr_type_new_builtin(vm, "module", vm->t.object, sizeof(kr_module), KR_TF_BASETYPE);
    t->trace = module_trace;
    t->getattr = module_getattr;
    t->setattr = module_setattr;
    t->repr = module_repr;
    t->getsets = module_getsets;
    t->methods = module_methods;
    t->new_ = module_new_slot;
    t->init = module_init_slot;
    vm->t.module = t;
}
