/* krait.h: the public API for programs that run Krait (the `krait` command is one of them).
 *
 * Every VM is independent: create as many as you like, in one thread each. Functions return status
 * codes; a Python exception never terminates the host. After KRAIT_EXCEPTION or KRAIT_EXIT the
 * exception stays in the VM until krait_print_exception or krait_clear_exception.
 */
#ifndef KRAIT_H
#define KRAIT_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kr_vm krait_vm;

typedef enum krait_status {
    KRAIT_OK = 0,
    KRAIT_EXCEPTION = 1,  /* an uncaught Python exception (SyntaxError included) */
    KRAIT_EXIT = 2,       /* SystemExit was raised: see krait_exit_code */
    KRAIT_INCOMPLETE = 3, /* krait_repl_eval: the input is an unfinished statement */
    KRAIT_ERROR = 4,      /* bad arguments, or the VM could not be created */
    KRAIT_NOT_FOUND = 5,  /* krait_run_file: the script cannot be opened; krait_run_module: no module
                           * to run (krait_run_error says why, in CPython's words; nothing ran) */
} krait_status;

typedef struct krait_options {
    size_t memory_limit; /* bytes of Python heap, 0 = unlimited: beyond it Python code gets MemoryError */
    int jit;             /* 1 on, 0 off, -1 = from KRAIT_JIT (default on) */
    long jit_threshold;  /* calls/back-edges before compiling, -1 = from KRAIT_JIT_THRESHOLD */
    int gc_stress;       /* 1 = collect at every safepoint, -1 = from KRAIT_GC_STRESS */
} krait_options;

/* Default options: everything from the environment. */
#define KRAIT_OPTIONS_DEFAULT {0, -1, -1, -1}

const char *krait_version(void);

krait_vm *krait_new(const krait_options *opts); /* NULL if out of memory */
void krait_free(krait_vm *vm);

/* sys.argv */
krait_status krait_set_argv(krait_vm *vm, int argc, const char *const *argv);

/* Run a script file, a string or a module (like `python -m`) as __main__. */
krait_status krait_run_file(krait_vm *vm, const char *path);
krait_status krait_run_string(krait_vm *vm, const char *source, const char *filename);
krait_status krait_run_module(krait_vm *vm, const char *module);

/* After KRAIT_NOT_FOUND: the message CPython prints after its program name, e.g. "can't open file
 * '/abs/x.py': [Errno 2] No such file or directory" or "No module named foo". Valid until the next run. */
const char *krait_run_error(krait_vm *vm);

/* The REPL: compile one interactive statement in __main__ and run it; expression values are echoed
 * through sys.displayhook. KRAIT_INCOMPLETE means: read another line and call again with both. */
krait_status krait_repl_eval(krait_vm *vm, const char *source);

/* After KRAIT_EXIT or KRAIT_EXCEPTION: the process exit code CPython would use (SystemExit's code,
 * 1 for another exception, 130 for KeyboardInterrupt). */
int krait_exit_code(krait_vm *vm);
/* Print the pending exception to stderr as CPython does (traceback, or SystemExit's message). It stays
 * pending, so krait_exit_code still reads it; krait_clear_exception drops it. */
void krait_print_exception(krait_vm *vm);
void krait_clear_exception(krait_vm *vm);

/* Ask the running code to stop with KeyboardInterrupt at its next check. Async-signal-safe: may be
 * called from a signal handler or another thread. */
void krait_interrupt(krait_vm *vm);

/* Print the bytecode of a source file (the `--dis` option). */
krait_status krait_disassemble_file(krait_vm *vm, const char *path, FILE *out);

/* JIT diagnostics: dump_name non-NULL prints the HIR, LIR and assembly of each function compiled from
 * now on ("" every function, else the functions with that name or qualified name) to stderr; stats
 * records what is compiled or refused, for krait_jit_print_stats. No effect with the JIT off. */
void krait_jit_debug(krait_vm *vm, const char *dump_name, int stats);
void krait_jit_print_stats(krait_vm *vm, FILE *out);

/* Flush sys.stdout and sys.stderr. */
void krait_flush(krait_vm *vm);

#ifdef __cplusplus
}
#endif

#endif
