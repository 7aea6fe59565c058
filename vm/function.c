/* function.c: Python function objects, cells, and argument binding with CPython 3.13's messages. */
#include <stddef.h>
#include <string.h>

#include "function.h"
#include "dict.h"
#include "interp.h"
#include "module.h"
#include "tuple.h"

bool kr_func_check(kr_vm *vm, kr_value v) { return kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.function; }

static kr_value builtins_of(kr_vm *vm, kr_value b)
{
    if (b) {
        if (kr_is_ptr(b) && KR_OBJ(b)->type == vm->t.dict)
            return b;
        if (kr_is_ptr(b) && (KR_OBJ(b)->type == vm->t.module || kr_is_module(vm, b)))
            return kr_module_dict(b);
    }
    return vm->builtins;
}

kr_value kr_func_new(kr_vm *vm, kr_value code, kr_value globals, kr_value qualname)
{
    kr_code *co = kr_code_of(code);
    kr_value mod, b;
    if (kr_is_ptr(globals) && KR_OBJ(globals)->type == vm->t.dict) {
        /* functions are made again and again with one module's globals (closures, lambdas): find
         * globals['__name__'] and globals['__builtins__'] through the slots cached for that dict */
        if (globals != vm->func_globals || kr_dict_keys_version(globals) != vm->func_globals_kv) {
            vm->func_name_slot = kr_dict_lookup_slot(vm, globals, KR_NAME(vm, __name__));
            vm->func_builtins_slot = kr_dict_lookup_slot(vm, globals, KR_NAME(vm, __builtins__));
            vm->func_globals = globals;
            vm->func_globals_kv = kr_dict_keys_version(globals);
        }
        mod = vm->func_name_slot ? *vm->func_name_slot : KR_NULL;
        b = vm->func_builtins_slot ? *vm->func_builtins_slot : KR_NULL;
    } else {
        mod = kr_dict_get_str(vm, globals, KR_NAME(vm, __name__));
        b = kr_dict_get_str(vm, globals, KR_NAME(vm, __builtins__));
    }
    kr_function *fn = kr_gc_alloc_small(vm, vm->t.function, sizeof(kr_function));
    if (!fn)
        return KR_NULL;
    fn->code = code;
    fn->globals = globals;
    fn->builtins = builtins_of(vm, b);
    fn->name = co->name;
    fn->qualname = qualname ? qualname : co->qualname;
    fn->doc = co->doc;
    fn->module = mod ? mod : KR_NONE;
    return KR_VAL(fn);
}

kr_value kr_cell_new(kr_vm *vm, kr_value contents)
{
    kr_cell *c = kr_gc_alloc(vm, vm->t.cell, sizeof(kr_cell));
    if (!c)
        return KR_NULL;
    c->contents = contents;
    return KR_VAL(c);
}

/* ---- argument binding ---- */

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static void append_name_list(kr_sb *sb, kr_value *names, int n)
{
    for (int i = 0; i < n; i++) {
        if (i > 0)
            kr_sb_append_cstr(sb, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        kr_sb_appendf(sb, "'%s'", kr_str_data(names[i]));
    }
}

static int missing_args(kr_vm *vm, kr_function *fn, kr_value *slots, bool kwonly)
{
    kr_code *co = kr_code_of(fn->code);
    kr_value *varnames = kr_tuple_items(co->varnames);
    uint32_t lo = kwonly ? co->argcount : 0, hi = kwonly ? co->argcount + co->kwonlyargcount : co->argcount;
    kr_value names[64];
    int n = 0, total = 0;
    for (uint32_t i = lo; i < hi; i++)
        if (slots[i] == KR_UNBOUND) {
            if (n < 64)
                names[n++] = varnames[i];
            total++;
        }
    kr_sb sb;
    kr_sb_init(&sb);
    kr_sb_appendf(&sb, "%s() missing %d required %s argument%s: ", kr_str_data(fn->qualname), total,
                  kwonly ? "keyword-only" : "positional", total == 1 ? "" : "s");
    append_name_list(&sb, names, n);
    kr_value msg = kr_sb_finish(vm, &sb);
    if (!msg)
        return -1;
    kr_raise_obj(vm, KR_EXC(vm, TypeError), msg);
    return -1;
}

static int too_many_positional(kr_vm *vm, kr_function *fn, kr_value *slots, int given)
{
    kr_code *co = kr_code_of(fn->code);
    int defcount = fn->defaults ? (int)kr_tuple_size(fn->defaults) : 0;
    int kwonly_given = 0;
    for (uint32_t i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        if (slots[i] != KR_UNBOUND)
            kwonly_given++;
    char sig[64], kwsig[96] = "";
    bool plural;
    if (defcount) {
        plural = true;
        snprintf(sig, sizeof sig, "from %d to %u", (int)co->argcount - defcount, co->argcount);
    } else {
        plural = co->argcount != 1;
        snprintf(sig, sizeof sig, "%u", co->argcount);
    }
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %d keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    kr_raise(vm, KR_EXC(vm, TypeError), "%s() takes %s positional argument%s but %d%s %s given",
             kr_str_data(fn->qualname), sig, plural ? "s" : "", given, kwsig,
             given == 1 && !kwonly_given ? "was" : "were");
    return -1;
}

int kr_func_bind_args(kr_vm *vm, kr_function *fn, kr_value *slots, const kr_value *args, int nargs, kr_value kwnames)
{
    kr_code *co = kr_code_of(fn->code);
    uint32_t argcount = co->argcount, total = co->argcount + co->kwonlyargcount;
    kr_value *varnames = kr_tuple_items(co->varnames);
    for (uint32_t i = 0; i < co->nlocals; i++)
        slots[i] = KR_UNBOUND;
    kr_value kwdict = KR_NULL;
    uint32_t next = total;
    if (co->flags & KR_CODE_VARARGS)
        next++;
    if (co->flags & KR_CODE_VARKW) {
        kwdict = kr_dict_new(vm);
        if (!kwdict)
            return -1;
        slots[next] = kwdict;
    }
    uint32_t npos = (uint32_t)nargs < argcount ? (uint32_t)nargs : argcount;
    for (uint32_t i = 0; i < npos; i++)
        slots[i] = args[i];
    if (co->flags & KR_CODE_VARARGS) {
        kr_value t = (uint32_t)nargs > argcount ? kr_tuple_from_array(vm, args + argcount, nargs - argcount)
                                                : vm->empty_tuple;
        if (!t)
            return -1;
        slots[total] = t;
    }
    /* keywords */
    int nkw = kwnames ? (int)kr_tuple_size(kwnames) : 0;
    kr_value posonly_bad[32];
    int nposonly_bad = 0;
    for (int k = 0; k < nkw; k++) {
        kr_value name = kr_tuple_items(kwnames)[k], value = args[nargs + k];
        uint32_t j;
        for (j = co->posonlyargcount; j < total; j++)
            if (varnames[j] == name)
                break;
        if (j == total)
            for (j = co->posonlyargcount; j < total; j++)
                if (kr_str_equal(varnames[j], name))
                    break;
        if (j == total) {
            if (kwdict) {
                if (kr_dict_set(vm, kwdict, name, value) < 0)
                    return -1;
                continue;
            }
            for (uint32_t p = 0; p < co->posonlyargcount; p++)
                if (kr_str_equal(varnames[p], name)) {
                    if (nposonly_bad < 32)
                        posonly_bad[nposonly_bad++] = name;
                    goto next_kw;
                }
            kr_raise(vm, KR_EXC(vm, TypeError), "%s() got an unexpected keyword argument '%s'",
                     kr_str_data(fn->qualname), kr_str_data(name));
            return -1;
        }
        if (slots[j] != KR_UNBOUND) {
            kr_raise(vm, KR_EXC(vm, TypeError), "%s() got multiple values for argument '%s'",
                     kr_str_data(fn->qualname), kr_str_data(name));
            return -1;
        }
        slots[j] = value;
    next_kw:;
    }
    if (nposonly_bad) {
        kr_sb sb;
        kr_sb_init(&sb);
        kr_sb_appendf(&sb, "%s() got some positional-only arguments passed as keyword arguments: '",
                      kr_str_data(fn->qualname));
        for (int i = 0; i < nposonly_bad; i++) {
            if (i)
                kr_sb_append_cstr(&sb, ", ");
            kr_sb_append_cstr(&sb, kr_str_data(posonly_bad[i]));
        }
        kr_sb_append_char(&sb, '\'');
        kr_value msg = kr_sb_finish(vm, &sb);
        if (msg)
            kr_raise_obj(vm, KR_EXC(vm, TypeError), msg);
        return -1;
    }
    if ((uint32_t)nargs > argcount && !(co->flags & KR_CODE_VARARGS))
        return too_many_positional(vm, fn, slots, nargs);
    /* defaults */
    if ((uint32_t)nargs < argcount) {
        int defcount = fn->defaults ? (int)kr_tuple_size(fn->defaults) : 0;
        uint32_t first_def = argcount - (uint32_t)defcount;
        bool missing = false;
        for (uint32_t i = (uint32_t)nargs; i < argcount; i++) {
            if (slots[i] != KR_UNBOUND)
                continue;
            if (i >= first_def)
                slots[i] = kr_tuple_items(fn->defaults)[i - first_def];
            else
                missing = true;
        }
        if (missing)
            return missing_args(vm, fn, slots, false);
    }
    if (co->kwonlyargcount) {
        bool missing = false;
        for (uint32_t i = argcount; i < total; i++) {
            if (slots[i] != KR_UNBOUND)
                continue;
            kr_value d = fn->kwdefaults ? kr_dict_get_str(vm, fn->kwdefaults, varnames[i]) : KR_NULL;
            if (d)
                slots[i] = d;
            else
                missing = true;
        }
        if (missing)
            return missing_args(vm, fn, slots, true);
    }
    return 0;
}

/* ---- the function type ---- */
static void func_trace(kr_vm *vm, kr_object *self)
{
    kr_function *fn = (kr_function *)self;
    kr_value vals[] = {fn->code, fn->globals, fn->builtins, fn->name, fn->qualname, fn->module, fn->doc,
                       fn->defaults, fn->kwdefaults, fn->closure, fn->annotations, fn->dict};
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
        kr_gc_mark(vm, vals[i]);
}

static kr_value func_repr(kr_vm *vm, kr_value self)
{
    return kr_str_fmt(vm, "<function %s at %p>", kr_str_data(KR_AS(kr_function, self)->qualname), (void *)KR_OBJ(self));
}

static kr_value func_descr_get(kr_vm *vm, kr_value descr, kr_value obj, kr_value owner)
{
    (void)owner;
    if (obj == KR_NULL || obj == KR_NONE)
        return descr;
    return kr_method_new(vm, descr, obj);
}

static kr_value func_call(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    return kr_interp_call(vm, self, args, nargs, kwnames);
}

#define FN(self) KR_AS(kr_function, self)
static kr_value fget_name(kr_vm *vm, kr_value self) { (void)vm; return FN(self)->name; }
static kr_value fget_qualname(kr_vm *vm, kr_value self) { (void)vm; return FN(self)->qualname; }
static kr_value fget_module(kr_vm *vm, kr_value self) { (void)vm; return FN(self)->module; }
static kr_value fget_doc(kr_vm *vm, kr_value self) { (void)vm; return FN(self)->doc; }
static kr_value fget_code(kr_vm *vm, kr_value self) { (void)vm; return FN(self)->code; }
static kr_value fget_globals(kr_vm *vm, kr_value self) { (void)vm; return FN(self)->globals; }
static kr_value fget_builtins(kr_vm *vm, kr_value self) { (void)vm; return FN(self)->builtins; }
static kr_value fget_defaults(kr_vm *vm, kr_value self) { (void)vm; return FN(self)->defaults ? FN(self)->defaults : KR_NONE; }
static kr_value fget_kwdefaults(kr_vm *vm, kr_value self) { (void)vm; return FN(self)->kwdefaults ? FN(self)->kwdefaults : KR_NONE; }
static kr_value fget_closure(kr_vm *vm, kr_value self) { (void)vm; return FN(self)->closure ? FN(self)->closure : KR_NONE; }
static kr_value fget_annotations(kr_vm *vm, kr_value self)
{
    if (!FN(self)->annotations) {
        kr_value d = kr_dict_new(vm);
        if (!d)
            return KR_NULL;
        FN(self)->annotations = d;
        kr_gc_barrier(vm, KR_OBJ(self), d);
    }
    return FN(self)->annotations;
}
static kr_value fget_dict(kr_vm *vm, kr_value self)
{
    if (!FN(self)->dict) {
        kr_value d = kr_dict_new(vm);
        if (!d)
            return KR_NULL;
        FN(self)->dict = d;
        kr_gc_barrier(vm, KR_OBJ(self), d);
    }
    return FN(self)->dict;
}

static int set_field(kr_vm *vm, kr_value self, kr_value *field, kr_value v)
{
    *field = v;
    kr_gc_barrier(vm, KR_OBJ(self), v);
    FN(self)->version++;
    return 0;
}
static int fset_name(kr_vm *vm, kr_value self, kr_value v)
{
    if (!v || !kr_is_str(vm, v))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__name__ must be set to a string object");
    return set_field(vm, self, &FN(self)->name, v);
}
static int fset_qualname(kr_vm *vm, kr_value self, kr_value v)
{
    if (!v || !kr_is_str(vm, v))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__qualname__ must be set to a string object");
    return set_field(vm, self, &FN(self)->qualname, v);
}
static int fset_module(kr_vm *vm, kr_value self, kr_value v) { return set_field(vm, self, &FN(self)->module, v ? v : KR_NONE); }
static int fset_doc(kr_vm *vm, kr_value self, kr_value v) { return set_field(vm, self, &FN(self)->doc, v ? v : KR_NONE); }
static int fset_code(kr_vm *vm, kr_value self, kr_value v)
{
    if (!v || !kr_is_ptr(v) || KR_OBJ(v)->type != vm->t.code)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__code__ must be set to a code object");
    uint32_t nfree = kr_code_of(v)->nfreevars;
    uint32_t nclosure = FN(self)->closure ? (uint32_t)kr_tuple_size(FN(self)->closure) : 0;
    if (nfree != nclosure)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "%s() requires a code object with %u free vars, not %u",
                          kr_str_data(FN(self)->name), nclosure, nfree);
    return set_field(vm, self, &FN(self)->code, v);
}
static int fset_defaults(kr_vm *vm, kr_value self, kr_value v)
{
    if (v == KR_NONE)
        v = KR_NULL;
    if (v && !(kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.tuple))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__defaults__ must be set to a tuple object");
    if (v && kr_tuple_size(v) == 0)
        v = KR_NULL;
    return set_field(vm, self, &FN(self)->defaults, v);
}
static int fset_kwdefaults(kr_vm *vm, kr_value self, kr_value v)
{
    if (v == KR_NONE)
        v = KR_NULL;
    if (v && !(kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.dict))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__kwdefaults__ must be set to a dict object");
    return set_field(vm, self, &FN(self)->kwdefaults, v);
}
static int fset_annotations(kr_vm *vm, kr_value self, kr_value v)
{
    if (v == KR_NONE)
        v = KR_NULL;
    if (v && !(kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.dict))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__annotations__ must be set to a dict object");
    return set_field(vm, self, &FN(self)->annotations, v);
}
static int fset_dict(kr_vm *vm, kr_value self, kr_value v)
{
    if (!v)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot delete __dict__");
    if (!(kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.dict))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__dict__ must be set to a dictionary, not a '%s'", kr_typename(vm, v));
    return set_field(vm, self, &FN(self)->dict, v);
}

/* __type_params__ (PEP 695): kept in the function's __dict__, () when never set */
static kr_value fget_type_params(kr_vm *vm, kr_value self)
{
    kr_value d = FN(self)->dict;
    kr_value v = d ? kr_dict_get_str(vm, d, kr_intern(vm, "__type_params__")) : KR_NULL;
    return v ? v : vm->empty_tuple;
}
static int fset_type_params(kr_vm *vm, kr_value self, kr_value v)
{
    if (!v || !kr_tuple_check(vm, v))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__type_params__ must be set to a tuple");
    kr_value d = fget_dict(vm, self);
    return d ? kr_dict_set(vm, d, kr_intern(vm, "__type_params__"), v) : -1;
}

static const kr_getset_def func_getsets[] = {
    {"__name__", fget_name, fset_name, NULL},
    {"__qualname__", fget_qualname, fset_qualname, NULL},
    {"__module__", fget_module, fset_module, NULL},
    {"__doc__", fget_doc, fset_doc, NULL},
    {"__code__", fget_code, fset_code, NULL},
    {"__globals__", fget_globals, NULL, NULL},
    {"__builtins__", fget_builtins, NULL, NULL},
    {"__defaults__", fget_defaults, fset_defaults, NULL},
    {"__kwdefaults__", fget_kwdefaults, fset_kwdefaults, NULL},
    {"__closure__", fget_closure, NULL, NULL},
    {"__annotations__", fget_annotations, fset_annotations, NULL},
    {"__dict__", fget_dict, fset_dict, NULL},
    {"__type_params__", fget_type_params, fset_type_params, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ---- the cell type ---- */
static void cell_trace(kr_vm *vm, kr_object *self) { kr_gc_mark(vm, ((kr_cell *)self)->contents); }

static kr_value cell_repr(kr_vm *vm, kr_value self)
{
    kr_value c = KR_AS(kr_cell, self)->contents;
    if (c == KR_UNBOUND)
        return kr_str_fmt(vm, "<cell at %p: empty>", (void *)KR_OBJ(self));
    return kr_str_fmt(vm, "<cell at %p: %s object at %p>", (void *)KR_OBJ(self), kr_typename(vm, c),
                      (void *)(uintptr_t)c);
}
static kr_value cell_get_contents(kr_vm *vm, kr_value self)
{
    kr_value c = KR_AS(kr_cell, self)->contents;
    if (c == KR_UNBOUND)
        return kr_raise(vm, KR_EXC(vm, ValueError), "Cell is empty");
    return c;
}
static int cell_set_contents(kr_vm *vm, kr_value self, kr_value v)
{
    kr_cell_set(vm, self, v ? v : KR_UNBOUND);
    return 0;
}
static const kr_getset_def cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL},
    {NULL, NULL, NULL, NULL},
};

void kr_func_init(kr_vm *vm)
{
    kr_type *t = kr_type_new_builtin(vm, "function", vm->t.object, sizeof(kr_function), 0);
    t->trace = func_trace;
    t->repr = func_repr;
    t->descr_get = func_descr_get;
    t->call = func_call;
    t->getsets = func_getsets;
    t->attrs_offset = offsetof(kr_function, dict);
    vm->t.function = t;

    t = kr_type_new_builtin(vm, "cell", vm->t.object, sizeof(kr_cell), 0);
    t->trace = cell_trace;
    t->repr = cell_repr;
    t->getsets = cell_getsets;
    vm->t.cell = t;
}
