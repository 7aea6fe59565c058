/* native.c: loading a module's system library at its first import (see native.h). */
#include "native.h"

#include <dlfcn.h>
#include <string.h>

#include "type.h"

kr_value kr_native_library(kr_vm *vm, const char *tname, size_t size, size_t offset, const char *soname,
                           const char *module, const char *package, const char *const *names, size_t n)
{
    void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return kr_raise(vm, KR_EXC(vm, ImportError), "%s needs %s%s%s%s: %s", module, soname,
                        package ? " (Debian package " : "", package ? package : "", package ? ")" : "", dlerror());
    kr_type *t = kr_type_new_builtin(vm, tname, vm->t.object, size, 0);
    t->flags |= KR_TF_ABSTRACT; /* only the module makes one */
    if (kr_type_ready(vm, t) < 0)
        return KR_NULL;
    kr_object *o = kr_gc_alloc(vm, t, size);
    if (!o)
        return KR_NULL;
    for (size_t i = 0; i < n; i++) {
        void *sym = dlsym(lib, names[i]);
        if (!sym)
            return kr_raise(vm, KR_EXC(vm, ImportError), "%s: %s has no %s", module, soname, names[i]);
        /* the table is a struct of function pointers only (the callers assert its size): slot i */
        memcpy((char *)o + offset + i * sizeof sym, &sym, sizeof sym);
    }
    return KR_VAL(o);
}
