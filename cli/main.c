/* main.c: the `krait` command, a thin client of the public API (include/krait.h).
 *
 *   krait [options] [-c CMD | -m MODULE | SCRIPT | -] [ARGS...]
 *
 * Exit codes follow CPython: 0, SystemExit's code, 1 for an uncaught exception, 2 for a usage error,
 * 130 after KeyboardInterrupt.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "krait.h"

#ifdef KRAIT_HAVE_LIBEDIT
#include <dlfcn.h>
#endif

/* The one piece of process-wide state: a signal handler has no other way to find the VM it must
 * interrupt. The library itself keeps none. */
static krait_vm *volatile cli_sigint_vm;

static void cli_on_sigint(int sig)
{
    (void)sig;
    if (cli_sigint_vm)
        krait_interrupt(cli_sigint_vm);
}

static void cli_usage(FILE *out)
{
    fputs("usage: krait [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
          "Options:\n"
          "  -c cmd     program passed in as string (terminates option list)\n"
          "  -m mod     run library module as a script (terminates option list)\n"
          "  -h, --help print this help message and exit\n"
          "  -V, --version print the Krait version and exit\n"
          "  -W arg     warning control; arg is action:message:category:module:lineno\n"
          "  -X opt     implementation-specific options:\n"
          "               -X jit=0|1       turn the JIT off or on (default: KRAIT_JIT, on)\n"
          "               -X jit_threshold=N  calls before a function is compiled\n"
          "               -X gc_stress=1   collect garbage at every safepoint (testing)\n"
          "               -X gc_verify=1   check the write barrier at every minor collection (testing)\n"
          "               -X memory_limit=BYTES  limit the Python heap\n"
          "               -X int_max_str_digits=N  limit of decimal int<->str conversions (0: none)\n"
          "               -X frozen_code=0  compile the standard modules' source instead of loading\n"
          "                                 their precompiled code (default: KRAIT_FROZEN_CODE, 1)\n"
          "  -B             don't write .pyc files of imported modules (PYTHONDONTWRITEBYTECODE)\n"
          "  -u, -E, -s, -S, -I, -O  accepted for CPython compatibility; no effect\n"
          "  --dis FILE print the bytecode of FILE and exit\n"
          "  --jit-dump[=NAME]  print HIR, LIR and assembly of each compiled function (or of NAME)\n"
          "  --jit-stats        print what the JIT compiled or refused, code size, compile time, deopts\n"
          "  file       program read from script file\n"
          "  -          program read from stdin (default; interactive mode if a tty)\n"
          "  arg ...    arguments passed to program in sys.argv[1:]\n"
          "Environment: KRAIT_JIT, KRAIT_JIT_THRESHOLD, KRAIT_JIT_CODE_LIMIT, KRAIT_JIT_REGALLOC=spill-all,\n"
          "             KRAIT_PERF_MAP, KRAIT_GC_STRESS, KRAIT_GC_VERIFY, KRAIT_FROZEN_CODE,\n"
          "             PYTHONPATH, PYTHONHASHSEED, PYTHONINTMAXSTRDIGITS,\n"
          "             PYTHONWARNINGS\n",
          out);
}

static int cli_xoption(krait_options *opts, const char *x)
{
    const char *eq = strchr(x, '=');
    const char *val = eq ? eq + 1 : "1";
    size_t klen = eq ? (size_t)(eq - x) : strlen(x);
    char *end;
    long v = strtol(val, &end, 10);
    if (*end) {
        fprintf(stderr, "krait: -X %s: value must be an integer\n", x);
        return -1;
    }
    if (klen == 3 && strncmp(x, "jit", 3) == 0)
        opts->jit = v != 0;
    else if (klen == 13 && strncmp(x, "jit_threshold", 13) == 0)
        opts->jit_threshold = v;
    else if (klen == 9 && strncmp(x, "gc_stress", 9) == 0)
        opts->gc_stress = v != 0;
    else if (klen == 9 && strncmp(x, "gc_verify", 9) == 0)
        setenv("KRAIT_GC_VERIFY", v ? "1" : "0", 1); /* read by the collector (gc/gc.c) */
    else if (klen == 11 && strncmp(x, "frozen_code", 11) == 0)
        setenv("KRAIT_FROZEN_CODE", v ? "1" : "0", 1); /* read by kr_vm_new (vm/vm.c) */
    else if (klen == 12 && strncmp(x, "memory_limit", 12) == 0)
        opts->memory_limit = (size_t)v;
    else if (klen == 18 && strncmp(x, "int_max_str_digits", 18) == 0) {
        if (v != 0 && (v < 640 || v > 2147483647)) {
            fprintf(stderr, "krait: -X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.\n");
            return -1;
        }
        setenv("PYTHONINTMAXSTRDIGITS", val, 1); /* read by every VM at creation (vm/vm.c) */
    }
    /* Unknown -X options are ignored, as CPython does. */
    return 0;
}

static char *cli_read_stream(FILE *f)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
        }
    }
    if (buf)
        buf[n] = '\0';
    return buf;
}

/* Line editing and history for the REPL, from libedit when it can be loaded. It is opened only when
 * the REPL starts: linking it (and libtinfo, libbsd, libmd behind it) made the dynamic loader's
 * symbol lookups a quarter of every `krait -c pass`. */
typedef struct cli_editline {
    char *(*readline)(const char *prompt);
    int (*add_history)(const char *line);
} cli_editline;

static void cli_editline_load(cli_editline *ed)
{
    ed->readline = NULL;
    ed->add_history = NULL;
#ifdef KRAIT_HAVE_LIBEDIT
    void *lib = dlopen(KRAIT_LIBEDIT_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return; /* plain lines, as without libedit */
    *(void **)&ed->readline = dlsym(lib, "readline");
    *(void **)&ed->add_history = dlsym(lib, "add_history");
    if (!ed->readline || !ed->add_history)
        ed->readline = NULL;
#endif
}

static char *cli_readline(const cli_editline *ed, const char *prompt)
{
    if (ed->readline) {
        char *line = ed->readline(prompt);
        if (line && *line)
            ed->add_history(line);
        return line;
    }
    fputs(prompt, stdout);
    fflush(stdout);
    size_t cap = 0;
    char *line = NULL;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        return NULL;
    }
    if (n > 0 && line[n - 1] == '\n')
        line[n - 1] = '\0';
    return line;
}

static int cli_repl(krait_vm *vm)
{
    printf("Krait %s (Python 3.13 compatible)\nType Ctrl-D to exit.\n", krait_version());
    cli_editline ed;
    cli_editline_load(&ed);
    char *buf = NULL;
    size_t len = 0;
    for (;;) {
        char *line = cli_readline(&ed, buf ? "... " : ">>> ");
        if (!line) {
            if (buf) {
                /* EOF in the middle of a block: run what we have. */
                line = strdup("");
            } else {
                putchar('\n');
                return 0;
            }
        }
        size_t ll = strlen(line);
        char *nb = realloc(buf, len + ll + 2);
        if (!nb) {
            free(line);
            free(buf);
            fputs("krait: out of memory\n", stderr);
            return 1;
        }
        buf = nb;
        memcpy(buf + len, line, ll);
        len += ll;
        buf[len++] = '\n';
        buf[len] = '\0';
        free(line);
        krait_status st = krait_repl_eval(vm, buf);
        if (st == KRAIT_INCOMPLETE)
            continue;
        free(buf);
        buf = NULL;
        len = 0;
        if (st == KRAIT_EXIT) {
            krait_print_exception(vm);
            return krait_exit_code(vm);
        }
        if (st != KRAIT_OK) {
            krait_print_exception(vm);
            krait_clear_exception(vm);
        }
        krait_flush(vm);
    }
}

int main(int argc, char **argv)
{
    krait_options opts = KRAIT_OPTIONS_DEFAULT;
    const char *command = NULL, *module = NULL, *script = NULL, *dis_file = NULL, *jit_dump = NULL;
    int jit_stats = 0;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-c") == 0 || strcmp(a, "-m") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "Argument expected for the %s option\n", a);
                cli_usage(stderr);
                return 2;
            }
            if (a[1] == 'c')
                command = argv[++i];
            else
                module = argv[++i];
            break;
        } else if (strncmp(a, "-c", 2) == 0 && a[2]) {
            command = a + 2;
            break;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0 || strcmp(a, "-?") == 0) {
            cli_usage(stdout);
            return 0;
        } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("Krait %s (Python 3.13 compatible)\n", krait_version());
            return 0;
        } else if (strcmp(a, "-X") == 0 || (strncmp(a, "-X", 2) == 0 && a[2])) {
            const char *x = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (!x) {
                fputs("Argument expected for the -X option\n", stderr);
                return 2;
            }
            if (cli_xoption(&opts, x) < 0)
                return 2;
        } else if (strcmp(a, "-W") == 0 || (strncmp(a, "-W", 2) == 0 && a[2])) {
            const char *w = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (!w) {
                fputs("Argument expected for the -W option\n", stderr);
                cli_usage(stderr);
                return 2;
            }
            /* sys.warnoptions is PYTHONWARNINGS' items followed by the -W options (as CPython's):
             * the VM reads them from the environment at creation (stdlib/sys.c) */
            const char *old = getenv("PYTHONWARNINGS");
            size_t n = (old ? strlen(old) + 1 : 0) + strlen(w) + 1;
            char *joined = malloc(n);
            if (!joined) {
                fputs("krait: out of memory\n", stderr);
                return 1;
            }
            snprintf(joined, n, "%s%s%s", old && *old ? old : "", old && *old ? "," : "", w);
            setenv("PYTHONWARNINGS", joined, 1);
            free(joined);
        } else if (strcmp(a, "--dis") == 0) {
            if (i + 1 >= argc) {
                fputs("Argument expected for the --dis option\n", stderr);
                return 2;
            }
            dis_file = argv[++i];
        } else if (strcmp(a, "--jit-dump") == 0 || strncmp(a, "--jit-dump=", 11) == 0) {
            jit_dump = a[10] == '=' ? a + 11 : "";
        } else if (strcmp(a, "--jit-stats") == 0) {
            jit_stats = 1;
        } else if (strcmp(a, "-") == 0) {
            script = "-";
            break;
        } else if (strcmp(a, "-B") == 0) {
            setenv("PYTHONDONTWRITEBYTECODE", "1", 1); /* no __pycache__ writes: read by stdlib/sys.c */
        } else if (a[0] == '-' && a[1] && strchr("uEsSIOdqv", a[1]) && !a[2]) {
            continue; /* CPython flags that change nothing here */
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "Unknown option: %s\n", a);
            cli_usage(stderr);
            return 2;
        } else {
            script = a;
            break;
        }
    }

    krait_vm *vm = krait_new(&opts);
    if (!vm) {
        fputs("krait: could not create the VM (out of memory?)\n", stderr);
        return 1;
    }
    cli_sigint_vm = vm;
    krait_jit_debug(vm, jit_dump, jit_stats);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cli_on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);

    krait_status st;
    if (dis_file) {
        st = krait_disassemble_file(vm, dis_file, stdout);
    } else {
        /* sys.argv: the script (or -c / -m) followed by the remaining arguments. */
        int rest = script || command || module ? i + 1 : argc;
        int nargs = argc - rest + 1;
        const char **args = malloc(sizeof(char *) * (size_t)(nargs > 0 ? nargs : 1));
        if (!args) {
            fputs("krait: out of memory\n", stderr);
            krait_free(vm);
            return 1;
        }
        args[0] = command ? "-c" : module ? module : script ? script : "";
        for (int k = 1; k < nargs; k++)
            args[k] = argv[rest + k - 1];
        st = krait_set_argv(vm, nargs, args);
        free(args);
        if (st == KRAIT_OK) {
            if (command) {
                st = krait_run_string(vm, command, "<string>");
            } else if (module) {
                st = krait_run_module(vm, module);
            } else if (script && strcmp(script, "-") != 0) {
                st = krait_run_file(vm, script);
            } else if (isatty(0)) {
                int code = cli_repl(vm);
                krait_free(vm);
                return code;
            } else {
                char *src = cli_read_stream(stdin);
                if (!src) {
                    fputs("krait: cannot read stdin\n", stderr);
                    krait_free(vm);
                    return 1;
                }
                st = krait_run_string(vm, src, "<stdin>");
                free(src);
            }
        }
    }
    int code = 0;
    if (st == KRAIT_EXCEPTION || st == KRAIT_EXIT) {
        krait_print_exception(vm);
        code = krait_exit_code(vm);
    } else if (st == KRAIT_NOT_FOUND) {
        /* as CPython: "PROG: can't open file ...", exit 2; "PROG: No module named x", exit 1 */
        fprintf(stderr, "%s: %s\n", argv[0], krait_run_error(vm));
        code = module ? 1 : 2;
    } else if (st != KRAIT_OK) {
        code = 1;
    }
    cli_sigint_vm = NULL;
    if (jit_stats) {
        krait_flush(vm);
        krait_jit_print_stats(vm, stderr);
    }
    krait_free(vm);
    return code;
}
