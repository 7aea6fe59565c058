/* api.c: the public embedding API (include/krait.h) over the VM's internal one. */
#include "../include/krait.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

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

void krait_free(krait_vm *vm)
{
    if (!vm)
        return;
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

void krait_interrupt(krait_vm *vm) { atomic_store(&vm->interrupt, 1); }

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
    int r = kr_import_exec_source(vm, m, source, strlen(source), filename ? filename : "<string>");
    return api_status(vm, r == 0);
}

krait_status krait_run_file(krait_vm *vm, const char *path)
{
    if (!path)
        return KRAIT_ERROR;
    api_safepoint(vm);
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

krait_status krait_run_module(krait_vm *vm, const char *module)
{
    if (!module)
        return KRAIT_ERROR;
    if (api_set_path0(vm, "") < 0)
        return api_status(vm, false);
    /* Find the module's source, then run it under the name __main__. */
    const kr_frozen_module *f = kr_import_find_frozen(module);
    if (f) {
        kr_value m = api_main_module(vm);
        if (!m)
            return api_status(vm, false);
        char filename[256];
        snprintf(filename, sizeof filename, "<frozen %s>", module);
        return api_status(vm, kr_import_exec_source(vm, m, f->source, f->size, filename) == 0);
    }
    kr_value paths = kr_sys_get(vm, "path");
    for (int64_t i = 0; paths && i < KR_AS(kr_list, paths)->size; i++) {
        kr_value dir = KR_AS(kr_list, paths)->items[i];
        if (!kr_is_str(vm, dir))
            continue;
        char buf[PATH_MAX];
        const char *d = *kr_str_data(dir) ? kr_str_data(dir) : ".";
        snprintf(buf, sizeof buf, "%s/", d);
        size_t n = strlen(buf);
        for (const char *p = module; *p && n + 1 < sizeof buf; p++)
            buf[n++] = *p == '.' ? '/' : *p;
        buf[n] = '\0';
        char candidate[PATH_MAX + 16];
        snprintf(candidate, sizeof candidate, "%s.py", buf);
        FILE *f = fopen(candidate, "rb");
        if (!f) {
            snprintf(candidate, sizeof candidate, "%s/__main__.py", buf);
            f = fopen(candidate, "rb");
        }
        if (f) {
            fclose(f);
            return krait_run_file(vm, candidate);
        }
    }
    kr_raise(vm, KR_EXC(vm, ModuleNotFoundError), "No module named %s", module);
    return KRAIT_EXCEPTION;
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
        kr_traceback_print(vm, exc, stderr);
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
