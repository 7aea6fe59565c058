/* jit_rt.h: what compiled code calls and how it leaves (compiler/jit_rt.c), and the compiled-code
 * objects the back end produces. STABLE interface between compiler/jit*.c (runtime, tiering; C) and the
 * back end (compiler/hir_lower.c, lir*.c, x86.cpp). See docs/JIT.md.
 *
 * ---- Calling compiled code ------------------------------------------------------------------------
 *   kr_value fn(kr_vm *vm, kr_frame *f, uint32_t entry_pc)        (System V: rdi, rsi, edx -> rax)
 * f is linked (vm->frame == f) and every slot is in memory. Returns
 *   - the function's return value (non-NULL): the frame is still linked, the caller pops it;
 *   - KR_NULL with vm->exc set: the instruction at f->pc raised; every slot is written back; the
 *     caller unwinds as the interpreter does (traceback entry for f->pc, handler search);
 *   - KR_NULL with vm->exc clear: deopt; every slot is written back and the interpreter resumes at
 *     f->pc (which it runs itself).
 * f->pc here always points at an instruction's first word (never "the next instruction").
 *
 * ---- Leaving: exits -----------------------------------------------------------------------------
 * Every guard, overflow check and exception check branches to a cold stub of its exit. A stub saves
 * every general-purpose and xmm register into a kr_jit_regs block and calls
 *     kr_jit_rt_exit(vm, f, exit, regs, spills)
 * which writes the exit's dirty slots back (reading registers from regs, spill slots from spills,
 * boxing doubles), sets f->pc (unless a stepped call left a callee frame above f: then f->pc is
 * already after the call and vm->frame is that callee), counts the deopt, and returns KR_NULL, which
 * the stub returns from the compiled function (through its epilogue).
 */
#ifndef KRAIT_JIT_RT_H
#define KRAIT_JIT_RT_H

#include <stdint.h>

#include "compiler/hir.h"
#include "vm/frame.h"

typedef kr_value (*kr_jit_fn)(kr_vm *vm, kr_frame *f, uint32_t entry_pc);

/* Where an exit finds one dirty slot's value. */
typedef enum kr_jit_loc_kind {
    KR_JIT_LOC_REG,   /* regs->gp[index] (0..15, hardware encoding) or regs->xmm[index - 16] */
    KR_JIT_LOC_STACK, /* spills[index] */
    KR_JIT_LOC_CONST  /* imm itself */
} kr_jit_loc_kind;

typedef struct kr_jit_exit_value {
    uint32_t slot;
    uint8_t kind;  /* kr_jit_loc_kind */
    uint8_t rep;   /* KR_HIR_TAGGED (a kr_value) or KR_HIR_DOUBLE (bits of a double) */
    int32_t index;
    int64_t imm;
} kr_jit_exit_value;

typedef struct kr_jit_exit {
    uint32_t pc;           /* resume / raising instruction */
    uint8_t reason;        /* enum kr_deopt_reason (a deopt), ignored when an exception is pending */
    uint32_t nvalues;
    kr_jit_exit_value *values;
} kr_jit_exit;

typedef struct kr_jit_regs {
    uint64_t gp[16];       /* rax rcx rdx rbx rsp rbp rsi rdi r8..r15 */
    uint64_t xmm[16];      /* low 64 bits of xmm0..xmm15 */
} kr_jit_regs;

/* A compiled function (co->jit_state; co->jit_code is `entry`). Owned by compiler/jit.c; the back
 * end fills it. Constants embedded in the code are values the code object keeps alive (its consts,
 * names, feedback), so compiled code adds no GC roots. */
typedef struct kr_jit_code {
    kr_jit_fn entry;
    void *mem;             /* the back end's handle to release the code memory */
    size_t code_size;
    kr_jit_exit *exits;    /* owned; the stubs point at them */
    uint32_t nexits;
    double compile_ms;
    uint32_t deopts;       /* deopts taken (jit.c's storm control) */
} kr_jit_code;

/* ---- runtime entry points called from compiled code (compiler/jit_rt.c) ----------------------- */
kr_value kr_jit_rt_exit(kr_vm *vm, kr_frame *f, const kr_jit_exit *exit, const kr_jit_regs *regs,
                        const uint64_t *spills);
int kr_jit_rt_poll(kr_vm *vm);                      /* 0, or -1 with KeyboardInterrupt pending */
int kr_jit_rt_truthy(kr_vm *vm, kr_value v);        /* 1, 0, or -1 with an exception */
kr_value kr_jit_rt_box_float(kr_vm *vm, double d);  /* KR_NULL with MemoryError */
/* vm/interp.c: run the one instruction at ip on f (f == vm->frame, all slots in memory). Returns the
 * pc to continue at, or NULL with the exception pending (no traceback entry added yet). Not for
 * RETURN, RETURN_CONST, YIELD, YIELD_FROM. */
const kr_insn *kr_interp_step(kr_vm *vm, kr_frame *f, const kr_insn *ip);
/* The same for a CALL or CALL_METHOD at ip, faster for calls of Python functions (the back end uses
 * it for STEPs of those two opcodes). */
const kr_insn *kr_interp_step_call(kr_vm *vm, kr_frame *f, const kr_insn *ip);

/* Which slots the instruction at pc may write (after a STEP they must be re-read from memory):
 * *first and *count (count 0: none); returns 1 when it may write other slots as well (treat every
 * slot as rewritten), else 0. */
int kr_bytecode_writes(const kr_code *co, uint32_t pc, uint32_t *first, uint32_t *count);

/* ---- the back end (compiler/hir_lower.c + lir*.c + x86.cpp) ------------------------------------ */
typedef struct kr_jit_backend kr_jit_backend; /* code memory, AsmJit runtime (one per VM) */
typedef struct kr_jit_backend_options {
    size_t code_limit;      /* bytes of code memory at most (KRAIT_JIT_CODE_LIMIT), 0 = no cap */
    int spill_all;          /* use the reference allocator (kr_ra_spill_all) */
    FILE *dump;             /* when non-NULL: LIR after allocation and the assembly listing */
    int perf_map;           /* append "START SIZE name" lines to /tmp/perf-PID.map */
} kr_jit_backend_options;
kr_jit_backend *kr_jit_backend_new(const kr_jit_backend_options *opts);
void kr_jit_backend_free(kr_jit_backend *be);
/* Lowers an optimised, verified HIR function, allocates registers, emits x86-64 and fills *out.
 * 0 on success; -1 with fn->error set when refused (an unsupported construct, the code limit
 * reached: "code memory limit"). */
int kr_jit_backend_compile(kr_jit_backend *be, kr_hir_func *fn, kr_jit_code *out);
/* Where the next kr_jit_backend_compile prints its LIR and assembly (NULL: nowhere); overrides
 * opts->dump, so that --jit-dump=NAME can pick functions. */
void kr_jit_backend_set_dump(kr_jit_backend *be, FILE *out);
void kr_jit_backend_release(kr_jit_backend *be, kr_jit_code *code);
size_t kr_jit_backend_code_bytes(const kr_jit_backend *be);

#endif
