/* import.h: the import system: sys.modules, builtin C modules, frozen Python modules (the .py files of stdlib/lib
 * compiled into the binary), then modules and packages found on sys.path or a package's __path__. */
#ifndef KRAIT_IMPORT_H
#define KRAIT_IMPORT_H

#include "kr.h"

/* __import__(name, globals, locals, fromlist, level) semantics. fromlist: KR_NULL/None or a sequence. */
kr_value kr_import(kr_vm *vm, kr_value name, kr_value globals, kr_value fromlist, int level);
/* Import a module by absolute dotted name and return that (leaf) module. */
kr_value kr_import_cstr(kr_vm *vm, const char *fullname);
/* sys.builtin_module_names: "builtins", "sys" and the C modules of the import table, sorted. */
kr_value kr_import_builtin_module_names(kr_vm *vm);
/* Read a whole file into a malloc'd NUL-terminated buffer; NULL with OSError pending on failure. */
char *kr_import_read_file(kr_vm *vm, const char *path, size_t *len);
/* Compile `src` and run it as the body of `module` (whose dict becomes the globals). */
int kr_import_exec_source(kr_vm *vm, kr_value module, const char *src, size_t len, const char *filename);

/* Frozen Python modules: generated at build time from stdlib/lib (see CMakeLists.txt). */
typedef struct kr_frozen_module {
    const char *name;     /* dotted module name */
    const char *source;   /* Python source, NUL-terminated */
    size_t size;
    int is_package;
} kr_frozen_module;
extern const kr_frozen_module kr_frozen_modules[]; /* immutable table, terminated by {NULL} */
/* Their code, precompiled by the build (tools/krait_freeze.c -> build/frozen_code.c, format
 * vm/marshal.h): kr_frozen_codes[i] belongs to kr_frozen_modules[i] for i < kr_frozen_code_count (0 in
 * the freezer itself, which is linked without them). `name` and `source_size` repeat the module's, a
 * check that the two generated tables match. */
typedef struct kr_frozen_code {
    const char *name;
    const unsigned char *data;
    size_t size;
    size_t source_size;
} kr_frozen_code;
extern const kr_frozen_code kr_frozen_codes[];
extern const size_t kr_frozen_code_count;
/* The code object of frozen module `f` named `filename`: its precompiled code when there is one that
 * this build can load and vm->config.frozen_code allows it, else compiled from its source. KR_NULL
 * with an exception pending (SyntaxError, MemoryError). */
kr_value kr_import_frozen_code(kr_vm *vm, const kr_frozen_module *f, const char *filename);
/* kr_import_exec_source for a frozen module (its precompiled code when possible). */
int kr_import_exec_frozen(kr_vm *vm, kr_value module, const kr_frozen_module *f, const char *filename);
/* The frozen module called `name`, or NULL. */
const kr_frozen_module *kr_import_find_frozen(const char *name);
/* Whether `name` is a builtin module written in C (sys, builtins and the lazily created ones). */
bool kr_import_is_builtin(const char *name);

#endif
