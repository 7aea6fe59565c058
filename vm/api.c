/* api.c: the public embedding API (include/krait.h) over the VM's internal one. */
#include "../include/krait.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../stdlib/io.h"
#include "../stdlib/sys.h"
#include "compile.h"
#include "compiler/jit.h"
#include "import.h"
#include "interp.h"
#include "module.h"
#include "parser.h"
#include "traceback.h"

const char *krait_version(void) { return KRAIT_VERSION; }

krait_vm *krait_new(const krait_options *opts)
{
    kr_vm_options o = {0, -1, -1, -1};
    if (opts) {
        o.memory_limit = opts->memory_limit;
        o.jit = opts->jit;
        o.jit_threshold = opts->jit_threshold;
        o.gc_stress = opts->gc_stress;
    }
    return kr_vm_new(&o);
}

/* The functions registered with atexit (stdlib/lib/atexit.py), if the program imported it: as CPython
 * runs them at exit, before finalization. Whatever exception is pending (the program's, printed
 * already) is kept; the module reports the functions' own. */
static void api_run_atexit(kr_vm *vm)
{
    kr_value m = vm->modules ? kr_dict_get_cstr(vm, vm->modules, "atexit") : KR_NULL;
    if (!m || !kr_is_module(vm, m) || vm->frame)
        return;
    kr_value saved = vm->exc;
    vm->exc = KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &saved);
    kr_root_push(vm, &m);
    if (!kr_call_method(vm, m, "_run_exitfuncs", NULL, 0))
        kr_err_clear(vm);
    kr_root_reset(vm, mark);
    vm->exc = saved;
}

void krait_free(krait_vm *vm)
{
    if (!vm)
        return;
    api_run_atexit(vm);
    kr_gc_finalize_at_exit(vm); /* __del__ methods and unfinished generators, as CPython at exit */
    krait_flush(vm);
    kr_vm_free(vm);
}

void krait_flush(krait_vm *vm)
{
    (void)vm;
    fflush(stdout);
    fflush(stderr);
}

void krait_jit_debug(krait_vm *vm, const char *dump_name, int stats)
{
    kr_jit_set_dump(vm, dump_name);
    kr_jit_set_stats(vm, stats != 0);
}

void krait_jit_print_stats(krait_vm *vm, FILE *out) { kr_jit_print_stats(vm, out); }

/* Async-signal-safe: two lock-free atomic stores. Zeroing the GC threshold makes every safepoint
 * check, and the compiled code's single-compare back-edge poll, take its slow path, which looks at the
 * flag first (kr_jit_rt_poll); the flag is stored first, so a poll that sees the zero sees the flag.
 * gc/gc.c restores the threshold, keeping it at 0 while the interrupt is still pending. */
void krait_interrupt(krait_vm *vm)
{
    atomic_fetch_or(&vm->interrupt, KR_INTERRUPT_KBD);
    atomic_store(&vm->gc.threshold, 0);
}

static krait_status api_status(kr_vm *vm, bool ok)
{
    if (ok)
        return KRAIT_OK;
    if (kr_err_matches(vm, KR_EXC(vm, SystemExit)))
        return KRAIT_EXIT;
    return KRAIT_EXCEPTION;
}

krait_status krait_set_argv(krait_vm *vm, int argc, const char *const *argv)
{
    kr_value list = kr_list_new(vm, argc);
    if (!list)
        return KRAIT_EXCEPTION;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &list);
    for (int i = 0; i < argc; i++) {
        kr_value s = kr_str_from_cstr(vm, argv[i]);
        if (!s || kr_list_append(vm, list, s) < 0) {
            kr_root_reset(vm, m);
            return KRAIT_EXCEPTION;
        }
    }
    if (argc == 0 && kr_list_append(vm, list, vm->empty_str) < 0) {
        kr_root_reset(vm, m);
        return KRAIT_EXCEPTION;
    }
    vm->argv = list;
    int r = kr_module_add(vm, vm->sys_module, "argv", list);
    kr_root_reset(vm, m);
    return r < 0 ? KRAIT_EXCEPTION : KRAIT_OK;
}

/* The __main__ module, created on first use and registered in sys.modules. */
static kr_value api_main_module(kr_vm *vm)
{
    if (vm->main_module)
        return vm->main_module;
    kr_value m = kr_module_new(vm, "__main__");
    if (!m)
        return KR_NULL;
    if (kr_dict_set(vm, kr_module_dict(m), KR_NAME(vm, __builtins__), vm->builtins_module) < 0 ||
        kr_dict_set_cstr(vm, vm->modules, "__main__", m) < 0)
        return KR_NULL;
    vm->main_module = m;
    return m;
}

/* sys.path[0]: the script's directory, or '' (the current directory) for -c, -m and the REPL. */
static int api_set_path0(kr_vm *vm, const char *dir)
{
    kr_value path = kr_sys_get(vm, "path");
    kr_value d = kr_str_from_cstr(vm, dir);
    if (!path || !d)
        return -1;
    kr_list *l = KR_AS(kr_list, path);
    if (kr_list_append(vm, path, d) < 0)
        return -1;
    memmove(l->items + 1, l->items, (size_t)(l->size - 1) * sizeof(kr_value));
    l->items[0] = d;
    return 0;
}

/* Between two runs no Python frame is live: a safe point to collect what the last run left. Near the
 * memory limit collect unconditionally, so that a run that ended in MemoryError does not leave the
 * next one (whose compilation has no safepoint) without room. */
static void api_safepoint(kr_vm *vm)
{
    if (vm->frame)
        return;
    if (vm->gc.limit && vm->gc.allocated > vm->gc.limit - vm->gc.limit / 4)
        kr_gc_collect(vm);
    else
        kr_gc_safepoint(vm);
}

krait_status krait_run_string(krait_vm *vm, const char *source, const char *filename)
{
    if (!source)
        return KRAIT_ERROR;
    api_safepoint(vm);
    kr_value m = api_main_module(vm);
    if (!m || api_set_path0(vm, "") < 0)
        return api_status(vm, false);
    filename = filename ? filename : "<string>";
    kr_traceback_register_source(vm, filename, source, strlen(source));
    int r = kr_import_exec_source(vm, m, source, strlen(source), filename);
    return api_status(vm, r == 0);
}

/* Record why nothing could be run (krait_run_error) and say so. */
static krait_status api_not_found(kr_vm *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static krait_status api_not_found(kr_vm *vm, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    free(vm->run_error);
    vm->run_error = strdup(buf);
    return KRAIT_NOT_FOUND;
}

const char *krait_run_error(krait_vm *vm) { return vm->run_error ? vm->run_error : ""; }

krait_status krait_run_file(krait_vm *vm, const char *path)
{
    if (!path)
        return KRAIT_ERROR;
    api_safepoint(vm);
    /* a script that cannot be opened runs nothing: CPython reports it by its absolute path and exits 2 */
    FILE *probe = fopen(path, "rb");
    if (!probe) {
        int e = errno;
        char cwd[PATH_MAX];
        bool relative = path[0] != '/' && getcwd(cwd, sizeof cwd);
        return api_not_found(vm, "can't open file '%s%s%s': [Errno %d] %s", relative ? cwd : "", relative ? "/" : "",
                             path, e, strerror(e));
    }
    fclose(probe);
    /* As CPython 3.9+: __main__.__file__ and the code's filename are absolute, sys.path[0] is the
     * script's directory. */
    char abs[PATH_MAX];
    const char *shown = path;
    if (realpath(path, abs))
        shown = abs;
    size_t len;
    char *src = kr_import_read_file(vm, path, &len);
    if (!src)
        return api_status(vm, false);
    kr_value m = api_main_module(vm);
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", shown);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        dir[0] = '\0';
    kr_value file = m ? kr_str_from_cstr(vm, shown) : KR_NULL;
    if (!file || kr_dict_set(vm, kr_module_dict(m), KR_NAME(vm, __file__), file) < 0 ||
        api_set_path0(vm, dir) < 0) {
        free(src);
        return api_status(vm, false);
    }
    int r = kr_import_exec_source(vm, m, src, len, shown);
    free(src);
    return api_status(vm, r == 0);
}

/* Where `krait -m NAME` finds NAME's code, in the import system's order (vm/import.c): a builtin C module
 * (which has no code to run), a frozen module of stdlib/lib, or NAME.py / NAME/__init__.py in the parent
 * package's __path__ (sys.path for a top-level name). */
typedef struct run_target {
    enum { RUN_NOT_FOUND, RUN_BUILTIN, RUN_FROZEN, RUN_FILE } kind;
    bool is_package;
    const kr_frozen_module *frozen;
    char path[PATH_MAX]; /* RUN_FILE: the module's .py file (__init__.py for a package) */
} run_target;

static bool run_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Fills *t for `name`; `parent` is the imported parent package or KR_NULL. -1 with an exception pending. */
static int run_find(kr_vm *vm, const char *name, kr_value parent, run_target *t)
{
    t->kind = RUN_NOT_FOUND;
    t->is_package = false;
    if (kr_import_is_builtin(name)) {
        t->kind = RUN_BUILTIN;
        return 0;
    }
    const kr_frozen_module *f = kr_import_find_frozen(name);
    if (f) {
        t->kind = RUN_FROZEN;
        t->frozen = f;
        t->is_package = f->is_package;
        return 0;
    }
    const char *dot = strrchr(name, '.');
    const char *last = dot ? dot + 1 : name;
    kr_value paths = parent ? kr_getattr_opt(vm, parent, KR_NAME(vm, __path__)) : kr_sys_get(vm, "path");
    if (!paths) {
        if (kr_err_occurred(vm))
            return -1;
        return 0; /* the parent is not a package */
    }
    if (!kr_is_ptr(paths) || !kr_type_is_subtype(KR_OBJ(paths)->type, vm->t.list))
        return 0;
    for (int64_t i = 0; i < KR_AS(kr_list, paths)->size; i++) {
        kr_value dir = KR_AS(kr_list, paths)->items[i];
        if (!kr_is_str(vm, dir))
            continue;
        const char *d = *kr_str_data(dir) ? kr_str_data(dir) : ".";
        snprintf(t->path, sizeof t->path, "%s/%s/__init__.py", d, last);
        if (run_is_file(t->path)) {
            t->kind = RUN_FILE;
            t->is_package = true;
            return 0;
        }
        snprintf(t->path, sizeof t->path, "%s/%s.py", d, last);
        if (run_is_file(t->path)) {
            t->kind = RUN_FILE;
            return 0;
        }
    }
    return 0;
}

/* Runs the code of `t` (module `name`) as __main__, as CPython's runpy does for -m: __package__ is the
 * parent package's name ('' for a top-level module), __file__ and sys.argv[0] the file's absolute path. */
static krait_status run_as_main(kr_vm *vm, const char *name, const run_target *t)
{
    kr_value m = api_main_module(vm);
    if (!m)
        return api_status(vm, false);
    kr_value d = kr_module_dict(m);
    const char *dot = strrchr(name, '.');
    kr_value pkg = kr_str_new(vm, name, dot ? (size_t)(dot - name) : 0);
    if (!pkg || kr_dict_set(vm, d, KR_NAME(vm, __package__), pkg) < 0)
        return api_status(vm, false);
    if (t->kind == RUN_FROZEN) {
        char filename[256];
        snprintf(filename, sizeof filename, "<frozen %s>", name);
        return api_status(vm, kr_import_exec_frozen(vm, m, t->frozen, filename) == 0);
    }
    char abs[PATH_MAX];
    const char *shown = realpath(t->path, abs) ? abs : t->path;
    size_t len;
    char *src = kr_import_read_file(vm, t->path, &len);
    if (!src)
        return api_status(vm, false);
    kr_value file = kr_str_from_cstr(vm, shown);
    kr_value argv = kr_sys_get(vm, "argv");
    if (!file || kr_dict_set(vm, d, KR_NAME(vm, __file__), file) < 0) {
        free(src);
        return api_status(vm, false);
    }
    if (argv && kr_is_ptr(argv) && kr_type_is_subtype(KR_OBJ(argv)->type, vm->t.list) && KR_AS(kr_list, argv)->size > 0) {
        KR_AS(kr_list, argv)->items[0] = file;
        kr_gc_barrier(vm, KR_OBJ(argv), file);
    }
    int r = kr_import_exec_source(vm, m, src, len, shown);
    free(src);
    return api_status(vm, r == 0);
}

krait_status krait_run_module(krait_vm *vm, const char *module)
{
    if (!module)
        return KRAIT_ERROR;
    api_safepoint(vm);
    if (api_set_path0(vm, "") < 0)
        return api_status(vm, false);
    size_t n = strlen(module);
    if (n == 0 || n > 200 || module[0] == '.' || module[n - 1] == '.' || strstr(module, ".."))
        return n == 0 || module[0] == '.' ? api_not_found(vm, "Relative module names not supported")
                                          : api_not_found(vm, "No module named %s", module);
    char name[256];
    snprintf(name, sizeof name, "%s", module);
    size_t mark = kr_root_mark(vm);
    kr_value parent = KR_NULL;
    kr_root_push(vm, &parent);
    krait_status st = KRAIT_EXCEPTION;
    run_target *t = malloc(sizeof *t);
    if (!t) {
        kr_raise_nomemory(vm);
        goto done;
    }
    /* At most two rounds: NAME, then NAME.__main__ when NAME is a package. */
    for (int round = 0; round < 2; round++) {
        /* As runpy: import the parent package first (running its __init__), then find NAME in it. */
        char *dot = strrchr(name, '.');
        parent = KR_NULL;
        if (dot) {
            *dot = '\0';
            parent = kr_import_cstr(vm, name);
            *dot = '.';
            if (!parent)
                goto done;
        }
        if (run_find(vm, name, parent, t) < 0)
            goto done;
        if (t->kind == RUN_NOT_FOUND) {
            /* runpy's errors: printed after the program's name, exit code 1, no traceback */
            if (round == 1) {
                name[strlen(name) - strlen(".__main__")] = '\0';
                st = api_not_found(vm, "No module named %s.__main__; '%s' is a package and cannot be directly executed",
                                   name, name);
            } else {
                st = api_not_found(vm, "No module named %s", name);
            }
            goto done;
        }
        if (t->kind == RUN_BUILTIN) {
            st = api_not_found(vm, "No code object available for %s", name);
            goto done;
        }
        if (!t->is_package) {
            st = run_as_main(vm, name, t);
            goto done;
        }
        if (round == 1) {
            st = api_not_found(vm, "Cannot use package as __main__ module");
            goto done;
        }
        /* A package: import it (its __init__ runs, as in CPython), then run NAME.__main__. */
        if (!kr_import_cstr(vm, name))
            goto done;
        if (strlen(name) + sizeof ".__main__" > sizeof name) {
            kr_raise(vm, KR_EXC(vm, ModuleNotFoundError), "No module named %s", module);
            goto done;
        }
        strcat(name, ".__main__");
    }
done:
    free(t);
    kr_root_reset(vm, mark);
    return st == KRAIT_EXCEPTION ? api_status(vm, false) : st;
}

krait_status krait_repl_eval(krait_vm *vm, const char *source)
{
    size_t len = strlen(source);
    api_safepoint(vm);
    if (kr_parse_is_incomplete(source, len))
        return KRAIT_INCOMPLETE;
    kr_value m = api_main_module(vm);
    if (!m)
        return api_status(vm, false);
    size_t mark = kr_root_mark(vm);
    kr_value code = kr_compile_source(vm, source, len, "<stdin>", KR_PARSE_SINGLE);
    if (!code)
        return api_status(vm, false);
    kr_root_push(vm, &code);
    kr_value globals = kr_module_dict(m);
    kr_value r = kr_interp_run_code(vm, code, globals, globals);
    kr_root_reset(vm, mark);
    return api_status(vm, r != KR_NULL);
}

int krait_exit_code(krait_vm *vm)
{
    kr_value exc = vm->exc;
    if (!exc)
        return 0;
    if (kr_err_matches(vm, KR_EXC(vm, KeyboardInterrupt)))
        return 130;
    if (!kr_err_matches(vm, KR_EXC(vm, SystemExit)))
        return 1;
    kr_value code = kr_getattr_opt(vm, exc, KR_NAME(vm, code));
    if (!code) {
        if (vm->exc != exc)
            vm->exc = exc;
        return 1;
    }
    if (code == KR_NONE)
        return 0;
    if (kr_is_small(code) || kr_is_bool(code)) {
        int64_t n = kr_is_small(code) ? kr_small_val(code) : code == KR_TRUE;
        return (int)(n & 0xff);
    }
    return 1;
}

void krait_clear_exception(krait_vm *vm) { kr_err_clear(vm); }

/* An uncaught exception goes to sys.excepthook when a program replaced it (CPython's order and messages
 * when the hook itself fails), else is printed directly. */
static void print_uncaught(kr_vm *vm, kr_value exc)
{
    kr_value hook = kr_sys_get(vm, "excepthook"), standard = kr_sys_get(vm, "__excepthook__");
    kr_err_clear(vm);
    if (!hook || hook == standard) {
        kr_traceback_print(vm, exc, stderr);
        return;
    }
    kr_value tb = KR_AS(kr_exception, exc)->traceback;
    kr_value args[3] = {KR_VAL(kr_type_of(vm, exc)), exc, tb ? tb : KR_NONE};
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &hook);
    if (kr_call(vm, hook, args, 3, KR_NULL)) {
        kr_root_reset(vm, m);
        return;
    }
    kr_value err = kr_err_fetch(vm);
    kr_root_push(vm, &err);
    fflush(stdout);
    fputs("Error in sys.excepthook:\n", stderr);
    kr_traceback_print(vm, err, stderr);
    fputs("\nOriginal exception was:\n", stderr);
    kr_traceback_print(vm, exc, stderr);
    kr_root_reset(vm, m);
}

void krait_print_exception(krait_vm *vm)
{
    kr_value exc = kr_err_fetch(vm);
    if (!exc)
        return;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &exc);
    fflush(stdout);
    if (kr_type_is_subtype(kr_type_of(vm, exc), KR_EXC(vm, SystemExit))) {
        /* As CPython: SystemExit(None or int) prints nothing, anything else prints str(code). */
        kr_value code = kr_getattr_opt(vm, exc, KR_NAME(vm, code));
        if (code && code != KR_NONE && !kr_is_small(code) && !kr_is_bool(code)) {
            kr_value s = kr_tostr(vm, code);
            if (s) {
                kr_value err = kr_sys_get(vm, "stderr");
                if (err && err != KR_NONE && kr_io_write_fast(vm, err, kr_str_data(s), (size_t)kr_str_nbytes(s)) == 0)
                    kr_io_write_fast(vm, err, "\n", 1);
            }
        }
        kr_err_clear(vm);
    } else {
        print_uncaught(vm, exc);
    }
    fflush(stderr);
    kr_root_reset(vm, m);
    /* Keep the exit code computable after printing: restore the exception. */
    vm->exc = exc;
}

krait_status krait_disassemble_file(krait_vm *vm, const char *path, FILE *out)
{
    size_t len;
    char *src = kr_import_read_file(vm, path, &len);
    if (!src)
        return KRAIT_EXCEPTION;
    kr_value code = kr_compile_source(vm, src, len, path, KR_PARSE_FILE);
    free(src);
    if (!code)
        return KRAIT_EXCEPTION;
    kr_dis_code(vm, code, out);
    return KRAIT_OK;
}
