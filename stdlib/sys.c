/* sys.c: the sys module. The parts that are plain data with behaviour (version_info, flags,
 * implementation, float_info) are defined in Python by the frozen module _sys_init, run in sys's own
 * namespace at start-up; the rest is here. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../vm/frame.h"
#include "../vm/import.h"
#include "../vm/init.h"
#include "../vm/int.h"
#include "../vm/str.h"
#include "../vm/suggest.h"
#include "../vm/traceback.h"
#include "io.h"
#include "sys.h"

#define KR_PY_VERSION "3.13.0"

static kr_value sys_dict(kr_vm *vm) { return KR_AS(kr_module, vm->sys_module)->dict; }

int kr_sys_write_stdout(kr_vm *vm, const char *data, size_t n)
{
    kr_value out = vm->sys_module ? kr_dict_get_cstr(vm, sys_dict(vm), "stdout") : KR_NULL;
    if (!out) {
        if (kr_err_occurred(vm))
            return -1;
        kr_raise(vm, KR_EXC(vm, RuntimeError), "lost sys.stdout");
        return -1;
    }
    if (out == KR_NONE)
        return 0; /* CPython: print() to a None sys.stdout does nothing */
    return kr_io_write_fast(vm, out, data, n);
}

kr_value kr_sys_get(kr_vm *vm, const char *name)
{
    return vm->sys_module ? kr_dict_get_cstr(vm, sys_dict(vm), name) : KR_NULL;
}

static kr_value sys_exit(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "exit", nargs, 0, 1) < 0 || kr_args_no_kw(vm, "exit", kwnames) < 0)
        return KR_NULL;
    kr_value exc = kr_exc_new(vm, KR_EXC(vm, SystemExit), args, nargs);
    if (!exc)
        return KR_NULL;
    return kr_raise_value(vm, exc);
}

/* The optional `depth` argument of sys._getframe / sys._getframemodulename (0 when absent). */
static int parse_depth(kr_vm *vm, const char *fname, kr_value *args, int nargs, kr_value kwnames, int64_t *depth)
{
    static const char *const names[] = {"depth"};
    kr_value out[1];
    *depth = 0;
    if (kr_args_parse(vm, fname, args, nargs, kwnames, names, 1, 0, 0, out) < 0)
        return -1;
    return out[0] ? kr_int_to_i64(vm, out[0], depth) : 0;
}

/* The frame `depth` calls up from the caller (a builtin has no frame of its own), or NULL. */
static kr_frame *frame_up(kr_vm *vm, int64_t depth)
{
    kr_frame *f = vm->frame;
    for (; f && depth > 0; depth--)
        f = f->prev;
    return f;
}

/* sys._getframemodulename(depth=0): the __name__ of that frame's globals (what enum's functional API
 * and similar class factories use to set __module__), None when the stack is not that deep. Frames
 * are walked, not materialised. */
static kr_value sys_getframemodulename(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t depth;
    if (parse_depth(vm, "_getframemodulename", args, nargs, kwnames, &depth) < 0)
        return KR_NULL;
    if (depth < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "depth must be >= 0");
    kr_frame *f = frame_up(vm, depth);
    kr_value name = f && f->globals ? kr_dict_get_str(vm, f->globals, KR_NAME(vm, __name__)) : KR_NULL;
    return name ? name : KR_NONE;
}

/* sys._getframe(depth=0): a snapshot of that frame with its callers (vm/traceback.c explains what a
 * frame object holds). */
static kr_value sys_getframe(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    int64_t depth;
    if (parse_depth(vm, "_getframe", args, nargs, kwnames, &depth) < 0)
        return KR_NULL;
    kr_frame *f = frame_up(vm, depth);
    if (!f)
        return kr_raise(vm, KR_EXC(vm, ValueError), "call stack is not deep enough");
    return kr_tb_frame_stack(vm, f);
}

static kr_value sys_getrecursionlimit(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "getrecursionlimit", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "getrecursionlimit", kwnames) < 0)
        return KR_NULL;
    return kr_small(vm->recursion_limit);
}

static kr_value sys_setrecursionlimit(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "setrecursionlimit", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "setrecursionlimit", kwnames) < 0)
        return KR_NULL;
    if (!kr_is_int(vm, args[0]) || kr_is_bool(args[0]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer",
                        kr_typename(vm, args[0]));
    int64_t n;
    if (kr_int_to_i64(vm, args[0], &n) < 0)
        return KR_NULL;
    if (n < 1)
        return kr_raise(vm, KR_EXC(vm, ValueError), "recursion limit must be greater or equal than 1");
    if (n > 2000000000)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C int");
    if (n <= vm->depth)
        return kr_raise(vm, KR_EXC(vm, RecursionError),
                        "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                        (long long)n, vm->depth);
    vm->recursion_limit = (int)n;
    return KR_NONE;
}

static kr_value sys_get_int_max_str_digits(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "get_int_max_str_digits", nargs, 0, 0) < 0 ||
        kr_args_no_kw(vm, "get_int_max_str_digits", kwnames) < 0)
        return KR_NULL;
    return kr_small(vm->int_max_str_digits);
}

static kr_value sys_set_int_max_str_digits(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"maxdigits"};
    kr_value a[1];
    if (kr_args_parse(vm, "set_int_max_str_digits", args, nargs, kwnames, names, 1, 1, 0, a) < 0)
        return KR_NULL;
    if (!kr_is_int(vm, a[0]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer",
                        kr_typename(vm, a[0]));
    int64_t n;
    if (kr_int_to_i64(vm, a[0], &n) < 0 || n > INT32_MAX || n < INT32_MIN) {
        kr_err_clear(vm);
        return kr_raise(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C int");
    }
    if (n != 0 && n < KR_INT_MAX_STR_DIGITS_THRESHOLD)
        return kr_raise(vm, KR_EXC(vm, ValueError), "maxdigits must be 0 or larger than %d",
                        KR_INT_MAX_STR_DIGITS_THRESHOLD);
    vm->int_max_str_digits = (int)n;
    return KR_NONE;
}

static kr_value sys_exc_info(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "exc_info", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "exc_info", kwnames) < 0)
        return KR_NULL;
    kr_value e = vm->handled_exc;
    if (!e || e == KR_NONE)
        return kr_tuple_pack(vm, 3, KR_NONE, KR_NONE, KR_NONE);
    kr_value tb = KR_AS(kr_exception, e)->traceback;
    return kr_tuple_pack(vm, 3, KR_VAL(kr_type_of(vm, e)), e, tb ? tb : KR_NONE);
}

static kr_value sys_exception(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "exception", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "exception", kwnames) < 0)
        return KR_NULL;
    return vm->handled_exc ? vm->handled_exc : KR_NONE;
}

static kr_value sys_intern(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "intern", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "intern", kwnames) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, args[0]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "intern() argument must be str, not %s", kr_typename(vm, args[0]));
    return kr_intern_value(vm, args[0]);
}

static kr_value sys_getdefaultencoding(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    return kr_intern(vm, "utf-8");
}

/* sys.displayhook: the REPL's echo of expression values. */
static kr_value sys_displayhook(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "displayhook", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "displayhook", kwnames) < 0)
        return KR_NULL;
    kr_value v = args[0];
    if (v == KR_NONE)
        return KR_NONE;
    if (kr_dict_set_cstr(vm, vm->builtins, "_", KR_NONE) < 0)
        return KR_NULL;
    kr_value r = kr_repr(vm, v);
    if (!r)
        return KR_NULL;
    if (kr_sys_write_stdout(vm, kr_str_data(r), (size_t)kr_str_nbytes(r)) < 0 || kr_sys_write_stdout(vm, "\n", 1) < 0)
        return KR_NULL;
    if (kr_dict_set_cstr(vm, vm->builtins, "_", v) < 0)
        return KR_NULL;
    return KR_NONE;
}

/* sys.excepthook(type, value, traceback) (also sys.__excepthook__): prints value and its traceback on
 * stderr as an uncaught exception is printed; the type and traceback arguments are value's own in
 * every use CPython documents, so value's are used. */
static kr_value sys_excepthook(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "excepthook", nargs, 3, 3) < 0 || kr_args_no_kw(vm, "excepthook", kwnames) < 0)
        return KR_NULL;
    fflush(stdout);
    if (!kr_exc_is_instance(vm, args[1]))  /* printed, not raised, as CPython's PyErr_Display does */
        fprintf(stderr, "TypeError: print_exception(): Exception expected for value, %s found\n",
                kr_typename(vm, args[1]));
    else
        kr_traceback_print(vm, args[1], stderr);
    return KR_NONE;
}

static kr_value sys_getsizeof(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "getsizeof", nargs, 1, 2) < 0 || kr_args_no_kw(vm, "getsizeof", kwnames) < 0)
        return KR_NULL;
    kr_value v = args[0];
    if (!kr_is_ptr(v))
        return kr_small(16);
    return kr_int_from_i64(vm, (int64_t)KR_OBJ(v)->type->instance_size);
}

static const kr_method_def sys_functions[] = {
    {"exit", sys_exit, KR_METH_STATIC, NULL},
    {"getrecursionlimit", sys_getrecursionlimit, KR_METH_STATIC, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, KR_METH_STATIC, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, KR_METH_STATIC, NULL},
    {"_getframemodulename", sys_getframemodulename, KR_METH_STATIC, NULL},
    {"_getframe", sys_getframe, KR_METH_STATIC, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, KR_METH_STATIC, NULL},
    {"exc_info", sys_exc_info, KR_METH_STATIC, NULL},
    {"exception", sys_exception, KR_METH_STATIC, NULL},
    {"intern", sys_intern, KR_METH_STATIC, NULL},
    {"getdefaultencoding", sys_getdefaultencoding, KR_METH_STATIC, NULL},
    {"displayhook", sys_displayhook, KR_METH_STATIC, NULL},
    {"excepthook", sys_excepthook, KR_METH_STATIC, NULL},
    {"getsizeof", sys_getsizeof, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

/* sys._jit, as in CPython 3.14: is_available() (this build has a JIT), is_enabled() (it compiles hot
 * code in this process: -X jit / KRAIT_JIT), is_active() (the calling frame runs compiled code).
 * _set_enabled(flag) is Krait's own, for A/B runs inside one process (pyperf --jit=on|off). */
static kr_value jit_is_available(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "is_available", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "is_available", kwnames) < 0)
        return KR_NULL;
#if defined(__x86_64__)
    return KR_TRUE;
#else
    return KR_FALSE;
#endif
}

static kr_value jit_is_enabled(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "is_enabled", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "is_enabled", kwnames) < 0)
        return KR_NULL;
    return kr_bool(vm->jit && vm->config.jit);
}

static kr_value jit_is_active(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_count(vm, "is_active", nargs, 0, 0) < 0 || kr_args_no_kw(vm, "is_active", kwnames) < 0)
        return KR_NULL;
    return kr_bool(vm->frame && (vm->frame->flags & KR_FRAME_JIT));
}

static kr_value jit_set_enabled(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_count(vm, "_set_enabled", nargs, 1, 1) < 0 || kr_args_no_kw(vm, "_set_enabled", kwnames) < 0)
        return KR_NULL;
    int on = kr_truthy(vm, args[0]);
    if (on < 0)
        return KR_NULL;
    if (on && !vm->jit)
        return kr_raise(vm, KR_EXC(vm, RuntimeError), "the JIT was not started in this process (run with -X jit=1)");
    vm->config.jit = on;
    return KR_NONE;
}

static const kr_method_def jit_functions[] = {
    {"is_available", jit_is_available, KR_METH_STATIC, NULL},
    {"is_enabled", jit_is_enabled, KR_METH_STATIC, NULL},
    {"is_active", jit_is_active, KR_METH_STATIC, NULL},
    {"_set_enabled", jit_set_enabled, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

static kr_value executable_path(kr_vm *vm)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return kr_str_new(vm, "", 0);
    return kr_str_new(vm, buf, (size_t)n);
}

kr_value kr_sys_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "sys");
    if (!m)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    vm->sys_module = m;
    if (kr_module_add_functions(vm, m, sys_functions) < 0)
        goto fail;
    if (!vm->argv) {
        vm->argv = kr_list_new(vm, 1);
        if (!vm->argv || kr_list_append(vm, vm->argv, vm->empty_str) < 0)
            goto fail;
    }
    kr_value path = kr_list_new(vm, 0);
    if (!path || kr_module_add(vm, m, "path", path) < 0)
        goto fail;
    const char *pp = getenv("PYTHONPATH");
    while (pp && *pp) {
        const char *colon = strchr(pp, ':');
        size_t len = colon ? (size_t)(colon - pp) : strlen(pp);
        if (len) {
            kr_value dir = kr_str_new(vm, pp, len);
            if (!dir || kr_list_append(vm, path, dir) < 0)
                goto fail;
        }
        pp = colon ? colon + 1 : NULL;
    }
    kr_value stdin_f = kr_io_std_stream(vm, 0);
    kr_value stdout_f = stdin_f ? kr_io_std_stream(vm, 1) : KR_NULL;
    kr_value stderr_f = stdout_f ? kr_io_std_stream(vm, 2) : KR_NULL;
    if (!stderr_f)
        goto fail;
    if (kr_module_add(vm, m, "stdin", stdin_f) < 0 || kr_module_add(vm, m, "__stdin__", stdin_f) < 0 ||
        kr_module_add(vm, m, "stdout", stdout_f) < 0 || kr_module_add(vm, m, "__stdout__", stdout_f) < 0 ||
        kr_module_add(vm, m, "stderr", stderr_f) < 0 || kr_module_add(vm, m, "__stderr__", stderr_f) < 0 ||
        kr_module_add(vm, m, "argv", vm->argv) < 0 || kr_module_add(vm, m, "modules", vm->modules) < 0 ||
        kr_module_add(vm, m, "version", kr_str_from_cstr(vm, KR_PY_VERSION " (Krait " KRAIT_VERSION ")")) < 0 ||
        kr_module_add(vm, m, "platform", kr_str_from_cstr(vm, "linux")) < 0 ||
        kr_module_add(vm, m, "byteorder", kr_str_from_cstr(vm, "little")) < 0 ||
        kr_module_add(vm, m, "maxsize", kr_int_from_i64(vm, INT64_MAX)) < 0 ||
        kr_module_add(vm, m, "maxunicode", kr_small(0x10FFFF)) < 0 ||
        kr_module_add(vm, m, "executable", executable_path(vm)) < 0 ||
        kr_module_add(vm, m, "prefix", kr_str_from_cstr(vm, "/usr/local")) < 0 ||
        kr_module_add(vm, m, "copyright", kr_str_from_cstr(vm, "Copyright (c) Krait developers")) < 0 ||
        kr_module_add(vm, m, "hexversion", kr_small(0x030D00F0)) < 0 ||
        /* imported modules' code is cached in __pycache__ (vm/pycache.h) unless this is true: set
         * by PYTHONDONTWRITEBYTECODE, which `krait -B` sets */
        kr_module_add(vm, m, "dont_write_bytecode", kr_bool(getenv("PYTHONDONTWRITEBYTECODE") &&
                                                             *getenv("PYTHONDONTWRITEBYTECODE"))) < 0 ||
        kr_module_add(vm, m, "builtin_module_names", kr_import_builtin_module_names(vm)) < 0)
        goto fail;
    /* sys.warnoptions: PYTHONWARNINGS' comma-separated filters (the command line's -W options are
     * appended to it by cli/main.c); the warnings module applies them when it is imported */
    kr_value warnoptions = kr_list_new(vm, 0);
    if (!warnoptions || kr_module_add(vm, m, "warnoptions", warnoptions) < 0)
        goto fail;
    for (const char *w = getenv("PYTHONWARNINGS"); w && *w;) {
        const char *comma = strchr(w, ',');
        size_t len = comma ? (size_t)(comma - w) : strlen(w);
        if (len) {
            kr_value opt = kr_str_decode(vm, (const uint8_t *)w, len, "utf-8", "replace");
            if (!opt || kr_list_append(vm, warnoptions, opt) < 0)
                goto fail;
        }
        w = comma ? comma + 1 : NULL;
    }
    kr_value hook = kr_dict_get_str(vm, KR_AS(kr_module, m)->dict, KR_NAME(vm, excepthook));
    if (!hook || kr_module_add(vm, m, "__excepthook__", hook) < 0)
        goto fail;
    kr_value stdlib_names = kr_suggest_stdlib_module_names(vm);
    if (!stdlib_names || kr_module_add(vm, m, "stdlib_module_names", stdlib_names) < 0)
        goto fail;
    kr_value jit = kr_module_new(vm, "sys._jit");
    if (!jit || kr_module_add(vm, m, "_jit", jit) < 0 || kr_module_add_functions(vm, jit, jit_functions) < 0)
        goto fail;
    kr_value hash_seed = vm->config.hash_seed_set ? kr_int_from_u64(vm, vm->config.hash_seed) : KR_NONE;
    if (!hash_seed || kr_module_add(vm, m, "_hash_seed", hash_seed) < 0)
        goto fail;
    const kr_frozen_module *init = kr_import_find_frozen("_sys_init");
    /* its precompiled code (vm/marshal.h): no compiling at every start */
    if (init && kr_import_exec_frozen(vm, m, init, "<frozen _sys_init>") < 0)
        goto fail;
    kr_root_reset(vm, mark);
    return m;
fail:
    kr_root_reset(vm, mark);
    vm->sys_module = KR_NULL;
    return KR_NULL;
}
