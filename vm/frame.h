/* frame.h: interpreter frames.
 *
 * Frames live on the VM's frame stack (vm->stack .. vm->stack_end, a large lazily-committed mmap
 * reservation, so it never moves and pointers into it stay valid): a kr_frame header immediately
 * followed by its code->nslots slots. vm->stack_top is the first free word. Generator frames live in
 * their generator object instead and are linked into the frame chain while running.
 *
 * Invariants:
 *  - vm->frame is the innermost running frame; frame->prev links outward through every frame of every
 *    nested interpreter run (C re-entries included), so walking the chain visits all live frames.
 *  - every slot of a linked frame holds a valid value (KR_UNBOUND, KR_NULL or a real value) before
 *    any safepoint: kr_interp_trace_roots marks all of them.
 *  - frame->pc is saved before any call out of the interpreter loop, so tracebacks and the GC see it.
 *  - a generator frame normally runs as the entry frame of a nested run() (KR_FRAME_ENTRY set); when a
 *    generator delegates with `yield from` to another generator, the delegate's frame is linked above
 *    it and runs in the same loop with KR_FRAME_ENTRY cleared (saved_handled then holds the delegator's
 *    handled exception), while the delegator waits at its YIELD_FROM (KR_FRAME_IN_YIELD_FROM).
 */
#ifndef KRAIT_FRAME_H
#define KRAIT_FRAME_H

#include "code.h"

enum kr_frame_flags {
    KR_FRAME_ENTRY = 1u << 0,    /* the interpreter loop run that pushed it returns to C when it returns */
    KR_FRAME_ON_STACK = 1u << 1, /* header and slots live on vm->stack (else in a generator) */
    KR_FRAME_GEN = 1u << 2,      /* a generator's frame */
    KR_FRAME_IN_YIELD_FROM = 1u << 3, /* suspended in YIELD_FROM: pc points at it (it re-executes) */
    KR_FRAME_JIT = 1u << 4       /* compiled code is running this frame (sys._jit.is_active) */
};

typedef struct kr_frame {
    struct kr_frame *prev;
    kr_code *code;
    kr_value func;          /* the function, KR_NULL for module/exec code */
    kr_value globals;       /* dict */
    kr_value builtins;      /* dict */
    kr_value locals;        /* dict (module, class body, exec) or KR_NULL */
    kr_value gen;           /* owning generator or KR_NULL */
    kr_value saved_handled; /* vm->handled_exc at entry, restored when the frame returns */
    kr_value *slots;        /* code->nslots values */
    const kr_insn *pc;      /* next instruction to run (while suspended/calling: the resume point) */
    uint32_t ret_slot;      /* caller's destination slot for the result (Python-to-Python calls) */
    uint32_t flags;
} kr_frame;

/* Words a frame header takes on vm->stack. */
#define KR_FRAME_WORDS ((sizeof(kr_frame) + sizeof(kr_value) - 1) / sizeof(kr_value))

/* The instruction a suspended generator frame stopped at: the YIELD before its pc, or the YIELD_FROM at
 * it (KR_FRAME_IN_YIELD_FROM: it re-runs on resume). A value sent in goes to its slot A. */
static inline const kr_insn *kr_frame_suspension(const kr_frame *f)
{
    return (f->flags & KR_FRAME_IN_YIELD_FROM) ? f->pc : f->pc - 1;
}

/* pc of the instruction currently executing / last executed in f (for line numbers). */
static inline uint32_t kr_frame_lasti(const kr_frame *f)
{
    uint32_t next = (uint32_t)(f->pc - f->code->insns);
    return next ? next - 1 : 0;
}

#endif
