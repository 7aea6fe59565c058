/* jit.h: the JIT as the rest of the VM sees it (compiler/jit.c): set-up, tiering, statistics.
 *
 * Tiering (vm/interp.c): every call of a function counts in code->call_count and every loop back-edge
 * in its JUMP_BACKWARD feedback entry; when a counter reaches vm->config.jit_threshold the interpreter
 * asks kr_jit_compile for the whole function and enters it (at pc 0 for a call, at the loop header by
 * OSR for a back-edge). Compiled code runs on the interpreter's frame and leaves it (deopt or
 * exception) in a state the interpreter simply continues from: see compiler/jit_rt.h.
 */
#ifndef KRAIT_JIT_H
#define KRAIT_JIT_H

#include <stdbool.h>
#include <stdio.h>

#include "compiler/jit_rt.h"

/* code->jit_flags: flags in bits 0..3; bits 4..7 count how often a failing dict keys-version guard
 * (reason KR_DEOPT_GLOBAL: a global or builtin added or deleted, a dict resized, other globals)
 * retired the code (kr_jit_note_deopt, saturating at 15); bits 8.. count deopt storms. */
enum kr_jit_code_flags {
    KR_JIT_NEVER = 1u << 0,       /* refused or given up: stay in the interpreter */
    KR_JIT_NO_LOOP_RANGE = 1u << 1, /* a loop-bounds guard failed (hir_opt.c): compile without them */
};
#define KR_JIT_GLOBAL_SHIFT 4
#define KR_JIT_GLOBAL_MASK (0xfu << KR_JIT_GLOBAL_SHIFT)
/* Invalidations after which kr_hir_build compiles LOAD_GLOBAL without the keys-version guards (the
 * interpreter's handler, through its own cache): the code's globals keep changing. */
#define KR_JIT_GLOBAL_SPEC_LIMIT 8

/* Nested compiled-code activations (each uses the C stack) allowed before calls from compiled code
 * continue in the interpreter instead (which does not recurse on the C stack). */
#define KR_JIT_MAX_C_DEPTH 200

int kr_jit_setup(kr_vm *vm);   /* phase 3: vm->jit from vm->config (KRAIT_JIT_* settings); -1 on OOM */
void kr_jit_free(kr_vm *vm);   /* releases all code memory */

/* Compiles co now if it can be (not KR_JIT_NEVER, the JIT on). Returns its entry, or NULL. */
kr_jit_fn kr_jit_compile(kr_vm *vm, kr_code *co);
/* The code object is being freed (code_finalize): release its compiled code. */
void kr_jit_code_free(kr_vm *vm, kr_code *co);
/* The code object is being marked (code_trace): mark what its compiled code keeps alive. */
void kr_jit_code_trace(kr_vm *vm, kr_code *co);
/* Marks what retired code (still perhaps running) embeds; called with the VM's roots. */
void kr_jit_trace_retired(kr_vm *vm);
/* Compiled code's generic call at pc has now been made KR_JIT_CALL_MATURITY times: if the site had
 * never run when co was compiled, co's code is retired so that the next entry compiles it again with
 * the site's feedback (a direct call, typically), and the result is true: the caller (vm/interp.c's
 * kr_interp_step_call) then makes the running code leave once the call is done (vm->jit_leave), so
 * that a loop that is still running continues in the interpreter and re-enters the new code by OSR at
 * its next back-edge, rather than running the retired code to its end. */
#define KR_JIT_CALL_MATURITY 1000
bool kr_jit_call_site_matured(kr_vm *vm, kr_code *co, uint32_t pc);

static inline bool kr_jit_on(const kr_vm *vm) { return vm->jit != NULL && vm->config.jit; }

/* Diagnostics the embedding API sets (krait_jit_debug); call before running code. */
void kr_jit_set_dump(kr_vm *vm, const char *name_filter); /* NULL: off; "": every function */
void kr_jit_set_stats(kr_vm *vm, bool on);                 /* log each compilation for print_stats */
void kr_jit_print_stats(kr_vm *vm, FILE *out);
/* compiler/jit_rt.c reports exits here: deopt statistics and storm control. */
void kr_jit_note_deopt(kr_vm *vm, kr_code *co, const kr_jit_exit *exit);
void kr_jit_note_exception_exit(kr_vm *vm);

#endif
