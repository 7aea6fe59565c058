/* import.c: the import system.
 *
 * Lookup order for an absolute dotted name, as CPython's default finders: sys.modules, the builtin C
 * modules, the frozen Python modules of stdlib/lib, then the parent package's __path__ (or sys.path for
 * a top-level name): NAME.py or NAME/__init__.py. A module is entered in sys.modules before its body runs
 * (so circular imports see the partial module) and removed again if the body fails. A frozen module runs
 * its code precompiled at build time (vm/marshal.h, build/frozen_code.c) rather than compiling its source.
 */
#include "import.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "code.h"
#include "compile.h"
#include "init.h"
#include "interp.h"
#include "marshal.h"
#include "pycache.h"
#include "module.h"
#include "parser.h"
#include "../stdlib/io.h"


/* Builtin modules written in C, created on first import. */
typedef struct builtin_module {
    const char *name;
    kr_value (*create)(kr_vm *vm);
} builtin_module;

static const builtin_module builtin_modules[] = {
    {"math", kr_math_module_create},
    {"cmath", kr_cmath_module_create},
    {"_time", kr_time_module_create},
    {"gc", kr_gc_module_create},
    {"posix", kr_os_module_create},
    {"_json", kr_json_module_create},
    {"_re", kr_re_module_create},
    {"_io", kr_io_module_create},
    {"_collections", kr_collections_module_create},
    {"_suggestions", kr_suggestions_module_create},
    {"_traceback", kr_traceback_module_create},
    {"_weakref", kr_weakref_module_create},
    {"_struct", kr_struct_module_create},
    {"binascii", kr_binascii_module_create},
    {"array", kr_array_module_create},
    {"_hashlib", kr_hashlib_module_create},
    {"zlib", kr_zlib_module_create},
    {"_sqlite3", kr_sqlite_module_create},
    {"_bz2", kr_bz2_module_create},
    {"_socket", kr_socket_module_create},
    {"_expat", kr_expat_module_create},
    {"errno", kr_errno_module_create},
    {"_ast", kr_ast_module_create},
    {"_imp", kr_imp_module_create},
    {"_pwdgrp", kr_pwdgrp_module_create},
    {"_locale", kr_locale_module_create},
    {"_signal", kr_signal_module_create},
    {"_posixproc", kr_proc_module_create},
    {"_select", kr_select_module_create},
    {"fcntl", kr_fcntl_module_create},
    {"unicodedata", kr_unicodedata_module_create},
    {NULL, NULL},
};

static int cmp_cstr_ptr(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

kr_value kr_import_builtin_module_names(kr_vm *vm)
{
    const char *names[sizeof builtin_modules / sizeof builtin_modules[0] + 2];
    size_t n = 0;
    names[n++] = "builtins";
    names[n++] = "sys";
    for (const builtin_module *b = builtin_modules; b->name; b++)
        names[n++] = b->name;
    qsort(names, n, sizeof names[0], cmp_cstr_ptr); /* CPython's tuple is sorted too */
    kr_value t = kr_tuple_new(vm, (int64_t)n);
    for (size_t i = 0; t && i < n; i++) {
        kr_value s = kr_intern(vm, names[i]);
        if (!s)
            return KR_NULL;
        kr_tuple_items(t)[i] = s; /* no safepoint while filling: no barrier needed */
    }
    return t;
}

char *kr_import_read_file(kr_vm *vm, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        kr_raise(vm, e == ENOENT ? KR_EXC(vm, FileNotFoundError) : KR_EXC(vm, OSError),
                 "[Errno %d] %s: '%s'", e, strerror(e), path);
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n < cap - 1) {
            if (ferror(f)) {
                free(buf);
                buf = NULL;
                kr_raise(vm, KR_EXC(vm, OSError), "error reading '%s'", path);
                fclose(f);
                return NULL;
            }
            break;
        }
        cap *= 2;
        char *nb = realloc(buf, cap);
        if (!nb) {
            free(buf);
            buf = NULL;
        } else {
            buf = nb;
        }
    }
    fclose(f);
    if (!buf) {
        kr_raise_nomemory(vm);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Runs `code` as the body of `module`. */
static int import_exec_code(kr_vm *vm, kr_value module, kr_value code)
{
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &module);
    kr_root_push(vm, &code);
    kr_value globals = kr_module_dict(module);
    if (!kr_dict_get(vm, globals, KR_NAME(vm, __builtins__)) &&
        kr_dict_set(vm, globals, KR_NAME(vm, __builtins__), vm->builtins_module) < 0) {
        kr_root_reset(vm, m);
        return -1;
    }
    kr_value r = kr_interp_run_code(vm, code, globals, globals);
    kr_root_reset(vm, m);
    return r ? 0 : -1;
}

int kr_import_exec_source(kr_vm *vm, kr_value module, const char *src, size_t len, const char *filename)
{
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &module);
    kr_value code = kr_compile_source(vm, src, len, filename, KR_PARSE_FILE);
    kr_root_reset(vm, m);
    return code ? import_exec_code(vm, module, code) : -1;
}

/* A module's source read from a file: its code from __pycache__ when valid (vm/pycache.h). */
static int import_exec_file(kr_vm *vm, kr_value module, const char *src, size_t len, const char *filename)
{
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &module);
    kr_value code = kr_pycache_compile(vm, src, len, filename);
    kr_root_reset(vm, m);
    return code ? import_exec_code(vm, module, code) : -1;
}

kr_value kr_import_frozen_code(kr_vm *vm, const kr_frozen_module *f, const char *filename)
{
    size_t i = (size_t)(f - kr_frozen_modules);
    if (vm->config.frozen_code && i < kr_frozen_code_count) {
        const kr_frozen_code *fc = &kr_frozen_codes[i];
        if (fc->data && fc->source_size == f->size && strcmp(fc->name, f->name) == 0) {
            bool stale;
            kr_value code = kr_marshal_load_code(vm, fc->data, fc->size, &stale);
            if (!code && !stale)
                return KR_NULL;
            /* The freezer compiled with the file name every caller gives ("<frozen NAME>"); a caller
             * with another name gets the source compiled under its name. A stale blob (another
             * bytecode format) is ignored too. */
            if (code && strcmp(kr_str_data(kr_code_of(code)->filename), filename) == 0)
                return code;
        }
    }
    return kr_compile_source(vm, f->source, f->size, filename, KR_PARSE_FILE);
}

int kr_import_exec_frozen(kr_vm *vm, kr_value module, const kr_frozen_module *f, const char *filename)
{
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &module);
    kr_value code = kr_import_frozen_code(vm, f, filename);
    kr_root_reset(vm, m);
    return code ? import_exec_code(vm, module, code) : -1;
}

bool kr_import_is_builtin(const char *name)
{
    if (!strcmp(name, "sys") || !strcmp(name, "builtins")) /* created with the VM, not on import */
        return true;
    for (const builtin_module *b = builtin_modules; b->name; b++)
        if (!strcmp(b->name, name))
            return true;
    return false;
}

const kr_frozen_module *kr_import_find_frozen(const char *name)
{
    for (const kr_frozen_module *f = kr_frozen_modules; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Create module `fullname`, register it, run its source (a frozen module's: its precompiled code when
 * there is one), and unregister it again on failure. */
static kr_value import_load_source(kr_vm *vm, const char *fullname, const char *src, size_t len,
                                   const char *filename, const char *pkgdir, const kr_frozen_module *frozen)
{
    kr_value mod = kr_module_new(vm, fullname);
    if (!mod)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &mod);
    kr_value d = kr_module_dict(mod);
    kr_value file = kr_str_from_cstr(vm, filename);
    if (!file || (!frozen && kr_dict_set(vm, d, KR_NAME(vm, __file__), file) < 0))
        goto fail;
    /* __package__: the module itself for a package, else its parent. */
    const char *dot = strrchr(fullname, '.');
    kr_value pkg = pkgdir ? kr_str_from_cstr(vm, fullname)
                          : kr_str_new(vm, fullname, dot ? (size_t)(dot - fullname) : 0);
    if (!pkg || kr_dict_set(vm, d, KR_NAME(vm, __package__), pkg) < 0)
        goto fail;
    if (pkgdir) {
        kr_value dir = kr_str_from_cstr(vm, pkgdir);
        kr_value path = dir ? kr_list_from_array(vm, &dir, 1) : KR_NULL;
        if (!path || kr_dict_set(vm, d, KR_NAME(vm, __path__), path) < 0)
            goto fail;
    }
    kr_value name = kr_str_from_cstr(vm, fullname);
    if (!name || kr_dict_set(vm, vm->modules, name, mod) < 0)
        goto fail;
    kr_root_push(vm, &name);
    if ((frozen ? kr_import_exec_frozen(vm, mod, frozen, filename) : import_exec_file(vm, mod, src, len, filename)) < 0) {
        kr_value exc = kr_err_fetch(vm);
        kr_root_push(vm, &exc);
        if (kr_dict_del(vm, vm->modules, name) < 0)
            kr_err_clear(vm);
        kr_raise_value(vm, exc);
        goto fail;
    }
    /* The body may have replaced its own sys.modules entry (a common idiom). */
    kr_value final = kr_dict_get(vm, vm->modules, name);
    kr_root_reset(vm, m);
    return final ? final : mod;
fail:
    kr_root_reset(vm, m);
    return KR_NULL;
}

/* Look for `last` (the final component of fullname) in each directory of `paths` (a list of str). */
static kr_value import_find_in_paths(kr_vm *vm, const char *fullname, const char *last, kr_value paths, bool *found)
{
    *found = false;
    if (!paths || !kr_is_ptr(paths) || !kr_type_is_subtype(KR_OBJ(paths)->type, vm->t.list))
        return KR_NULL;
    for (int64_t i = 0; i < KR_AS(kr_list, paths)->size; i++) {
        kr_value dir = KR_AS(kr_list, paths)->items[i];
        if (!kr_is_str(vm, dir))
            continue;
        const char *d = kr_str_data(dir);
        size_t need = strlen(d) + strlen(last) + 32;
        char *buf = malloc(need);
        char *pkgdir = malloc(need);
        if (!buf || !pkgdir) {
            free(buf);
            free(pkgdir);
            return kr_raise_nomemory(vm);
        }
        const char *sep = (*d && d[strlen(d) - 1] != '/') ? "/" : "";
        const char *base = *d ? d : ".";
        if (!*d)
            sep = "/";
        snprintf(pkgdir, need, "%s%s%s", base, sep, last);
        snprintf(buf, need, "%s/__init__.py", pkgdir);
        bool is_pkg = is_file(buf);
        if (!is_pkg)
            snprintf(buf, need, "%s%s%s.py", base, sep, last);
        if (is_pkg || is_file(buf)) {
            *found = true;
            size_t len;
            char *src = kr_import_read_file(vm, buf, &len);
            kr_value r = KR_NULL;
            if (src) {
                /* Paths relative to the current directory stay relative (as CPython's
                 * sys.path[0] = '' does), so tracebacks print what the user typed. */
                const char *shown = (!*d && strncmp(buf, "./", 2) == 0) ? buf + 2 : buf;
                r = import_load_source(vm, fullname, src, len, shown, is_pkg ? pkgdir : NULL, NULL);
                free(src);
            }
            free(buf);
            free(pkgdir);
            return r;
        }
        free(buf);
        free(pkgdir);
    }
    return KR_NULL;
}

static kr_value import_one(kr_vm *vm, const char *fullname, kr_value parent)
{
    kr_value key = kr_str_from_cstr(vm, fullname);
    if (!key)
        return KR_NULL;
    kr_value mod = kr_dict_get(vm, vm->modules, key);
    if (mod || kr_err_occurred(vm))
        return mod;
    for (const builtin_module *b = builtin_modules; b->name; b++) {
        if (strcmp(b->name, fullname) == 0) {
            mod = b->create(vm);
            if (!mod || kr_dict_set(vm, vm->modules, key, mod) < 0)
                return KR_NULL;
            return mod;
        }
    }
    const kr_frozen_module *f = kr_import_find_frozen(fullname);
    if (f) {
        char filename[256];
        snprintf(filename, sizeof filename, "<frozen %s>", fullname);
        return import_load_source(vm, fullname, f->source, f->size, filename, f->is_package ? filename : NULL, f);
    }
    const char *dot = strrchr(fullname, '.');
    const char *last = dot ? dot + 1 : fullname;
    kr_value paths;
    if (parent) {
        paths = kr_getattr_opt(vm, parent, KR_NAME(vm, __path__));
        if (!paths) {
            if (kr_err_occurred(vm))
                return KR_NULL;
            return kr_raise(vm, KR_EXC(vm, ModuleNotFoundError), "No module named '%s'; '%.*s' is not a package",
                            fullname, (int)(dot - fullname), fullname);
        }
    } else {
        paths = kr_dict_get_cstr(vm, KR_AS(kr_module, vm->sys_module)->dict, "path");
    }
    bool found;
    mod = import_find_in_paths(vm, fullname, last, paths, &found);
    if (found || kr_err_occurred(vm))
        return mod;
    kr_value exc_args[1] = {kr_str_fmt(vm, "No module named '%s'", fullname)};
    if (!exc_args[0])
        return KR_NULL;
    kr_value exc = kr_exc_new(vm, KR_EXC(vm, ModuleNotFoundError), exc_args, 1);
    if (!exc)
        return KR_NULL;
    kr_value modname = kr_str_from_cstr(vm, fullname);
    if (!modname || kr_setattr(vm, exc, KR_NAME(vm, name), modname) < 0)
        return KR_NULL;
    return kr_raise_value(vm, exc);
}

kr_value kr_import_cstr(kr_vm *vm, const char *fullname)
{
    /* Import every prefix: "a", "a.b", "a.b.c"; bind each child as an attribute of its parent. */
    size_t n = strlen(fullname);
    char *buf = malloc(n + 1);
    if (!buf)
        return kr_raise_nomemory(vm);
    kr_value parent = KR_NULL, mod = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &parent);
    for (size_t i = 0; i <= n; i++) {
        if (i < n && fullname[i] != '.')
            continue;
        memcpy(buf, fullname, i);
        buf[i] = '\0';
        if (i == 0 || buf[i - 1] == '.') {
            mod = kr_raise(vm, KR_EXC(vm, ValueError), "Empty module name");
            break;
        }
        mod = import_one(vm, buf, parent);
        if (!mod)
            break;
        if (parent) {
            const char *child = strrchr(buf, '.') + 1;
            kr_value cname = kr_intern(vm, child);
            if (!cname || kr_setattr(vm, parent, cname, mod) < 0) {
                mod = KR_NULL;
                break;
            }
        }
        parent = mod;
    }
    kr_root_reset(vm, m);
    free(buf);
    return mod;
}

/* The absolute name for a relative import of `name` at `level` from the module with `globals`. */
static kr_value import_resolve_name(kr_vm *vm, kr_value name, kr_value globals, int level)
{
    kr_value package = globals ? kr_dict_get_cstr(vm, globals, "__package__") : KR_NULL;
    if (!package || package == KR_NONE) {
        kr_value modname = globals ? kr_dict_get_cstr(vm, globals, "__name__") : KR_NULL;
        if (!modname || !kr_is_str(vm, modname))
            return kr_raise(vm, KR_EXC(vm, ImportError), "attempted relative import with no known parent package");
        if (kr_dict_get_cstr(vm, globals, "__path__")) {
            package = modname;
        } else {
            const char *s = kr_str_data(modname);
            const char *dot = strrchr(s, '.');
            package = kr_str_new(vm, s, dot ? (size_t)(dot - s) : 0);
            if (!package)
                return KR_NULL;
        }
    }
    if (!kr_is_str(vm, package))
        return kr_raise(vm, KR_EXC(vm, TypeError), "package must be a string");
    const char *p = kr_str_data(package);
    size_t plen = (size_t)kr_str_nbytes(package);
    if (plen == 0)
        return kr_raise(vm, KR_EXC(vm, ImportError), "attempted relative import with no known parent package");
    for (int i = 1; i < level; i++) {
        const char *dot = NULL;
        for (size_t j = plen; j > 0; j--)
            if (p[j - 1] == '.') {
                dot = p + j - 1;
                break;
            }
        if (!dot)
            return kr_raise(vm, KR_EXC(vm, ImportError), "attempted relative import beyond top-level package");
        plen = (size_t)(dot - p);
    }
    if (kr_str_nbytes(name) == 0)
        return kr_str_new(vm, p, plen);
    return kr_str_fmt(vm, "%.*s.%s", (int)plen, p, kr_str_data(name));
}

kr_value kr_import(kr_vm *vm, kr_value name, kr_value globals, kr_value fromlist, int level)
{
    if (!kr_is_str(vm, name))
        return kr_raise(vm, KR_EXC(vm, TypeError), "module name must be str, not %s", kr_typename(vm, name));
    if (level < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "level must be >= 0");
    kr_value fullname = level > 0 ? import_resolve_name(vm, name, globals, level) : name;
    if (!fullname)
        return KR_NULL;
    if (level == 0 && kr_str_nbytes(name) == 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "Empty module name");
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &fullname);
    kr_value mod = kr_import_cstr(vm, kr_str_data(fullname));
    kr_root_push(vm, &mod);
    if (!mod)
        goto done;
    bool has_fromlist = fromlist && fromlist != KR_NONE && kr_truthy(vm, fromlist) == 1;
    if (!has_fromlist) {
        /* `import a.b.c` binds `a`: return the top-level package (relative to the resolved base). */
        const char *n = kr_str_data(name);
        const char *dot = strchr(n, '.');
        if (!dot)
            goto done;
        size_t cut = strlen(n) - (size_t)(dot - n);
        const char *full = kr_str_data(fullname);
        kr_value top = kr_str_new(vm, full, strlen(full) - cut);
        mod = top ? kr_dict_get(vm, vm->modules, top) : KR_NULL;
        if (!mod && !kr_err_occurred(vm))
            kr_raise(vm, KR_EXC(vm, KeyError), "%s", kr_str_data(top));
        goto done;
    }
    /* `from package import submodule`: import submodules named in fromlist that are not attributes. */
    if (kr_getattr_opt(vm, mod, KR_NAME(vm, __path__))) {
        kr_value it = kr_iter(vm, fromlist);
        if (!it) {
            mod = KR_NULL;
            goto done;
        }
        kr_root_push(vm, &it);
        kr_value item;
        while ((item = kr_next(vm, it)) != KR_NULL) {
            if (!kr_is_str(vm, item) || strcmp(kr_str_data(item), "*") == 0)
                continue;
            kr_value have = kr_getattr_opt(vm, mod, item);
            if (have)
                continue;
            if (kr_err_occurred(vm))
                break;
            kr_value sub = kr_str_fmt(vm, "%s.%s", kr_str_data(fullname), kr_str_data(item));
            if (!sub)
                break;
            if (!kr_import_cstr(vm, kr_str_data(sub))) {
                /* A missing submodule is reported by the caller's IMPORT_FROM as "cannot import name". */
                if (kr_err_matches(vm, KR_EXC(vm, ModuleNotFoundError)))
                    kr_err_clear(vm);
                else
                    break;
            }
        }
        if (kr_err_occurred(vm))
            mod = KR_NULL;
    } else if (kr_err_occurred(vm)) {
        mod = KR_NULL;
    }
done:
    kr_root_reset(vm, m);
    return mod;
}
