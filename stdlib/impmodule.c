/* impmodule.c: the `_imp` builtin module: what stdlib/lib/importlib needs to know about the modules
 * vm/import.c finds without the file system (builtin C modules and the frozen stdlib/lib modules).
 *
 *   is_builtin(name) -> 1 or 0         is_frozen(name) -> bool        is_frozen_package(name) -> bool
 *   get_frozen_source(name) -> str      frozen_module_names() -> sorted list of every frozen module name
 * Loading stays vm/import.c's job (importlib calls __import__ for these); nothing here has state. */
#include <stdlib.h>
#include <string.h>

#include "../vm/import.h"
#include "../vm/init.h"
#include "../vm/module.h"

static const char *imp_name_arg(kr_vm *vm, const char *fname, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, fname, kwnames) < 0 || kr_args_count(vm, fname, nargs, 1, 1) < 0)
        return NULL;
    if (!kr_is_str(vm, args[0])) {
        kr_raise(vm, KR_EXC(vm, TypeError), "%s() argument must be str, not %s", fname, kr_typename(vm, args[0]));
        return NULL;
    }
    return kr_str_data(args[0]);
}

static kr_value imp_is_builtin(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const char *name = imp_name_arg(vm, "is_builtin", args, nargs, kwnames);
    return name ? kr_int_from_i64(vm, kr_import_is_builtin(name) ? 1 : 0) : KR_NULL;
}

static kr_value imp_is_frozen(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const char *name = imp_name_arg(vm, "is_frozen", args, nargs, kwnames);
    return name ? kr_bool(kr_import_find_frozen(name) != NULL) : KR_NULL;
}

static kr_value imp_is_frozen_package(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const char *name = imp_name_arg(vm, "is_frozen_package", args, nargs, kwnames);
    if (!name)
        return KR_NULL;
    const kr_frozen_module *f = kr_import_find_frozen(name);
    if (!f)
        return kr_raise(vm, KR_EXC(vm, ImportError), "No such frozen object named '%s'", name);
    return kr_bool(f->is_package != 0);
}

static kr_value imp_get_frozen_source(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    const char *name = imp_name_arg(vm, "get_frozen_source", args, nargs, kwnames);
    if (!name)
        return KR_NULL;
    const kr_frozen_module *f = kr_import_find_frozen(name);
    if (!f)
        return kr_raise(vm, KR_EXC(vm, ImportError), "No such frozen object named '%s'", name);
    return kr_str_new(vm, f->source, f->size);
}

static kr_value imp_frozen_module_names(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_no_kw(vm, "frozen_module_names", kwnames) < 0 || kr_args_count(vm, "frozen_module_names", nargs, 0, 0) < 0)
        return KR_NULL;
    kr_value list = kr_list_new(vm, 0);
    if (!list)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &list);
    for (const kr_frozen_module *f = kr_frozen_modules; f->name; f++) {
        if (f->name[0] == '_' && strcmp(f->name, "_sys_init") == 0)
            continue; /* runs inside sys at startup; not importable on its own */
        kr_value s = kr_str_from_cstr(vm, f->name);
        if (!s || kr_list_append(vm, list, s) < 0) {
            list = KR_NULL;
            break;
        }
    }
    if (list && !kr_call_method(vm, list, "sort", NULL, 0))
        list = KR_NULL;
    kr_root_reset(vm, m);
    return list;
}

static const kr_method_def imp_functions[] = {
    {"is_builtin", imp_is_builtin, KR_METH_STATIC, "1 if name is a builtin C module, else 0."},
    {"is_frozen", imp_is_frozen, KR_METH_STATIC, "True if name is a frozen module."},
    {"is_frozen_package", imp_is_frozen_package, KR_METH_STATIC, "True if the frozen module is a package."},
    {"get_frozen_source", imp_get_frozen_source, KR_METH_STATIC, "The source text of a frozen module."},
    {"frozen_module_names", imp_frozen_module_names, KR_METH_STATIC, "Sorted names of the frozen modules."},
    {NULL, NULL, 0, NULL},
};

kr_value kr_imp_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_imp");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    if (kr_module_add_functions(vm, m, imp_functions) < 0)
        m = KR_NULL;
    kr_root_reset(vm, mark);
    return m;
}
