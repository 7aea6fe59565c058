/* jit_rt.c: the runtime functions compiled code calls (compiler/jit_rt.h): leaving compiled code
 * through an exit, polling at loop back-edges, truthiness and float boxing. */
#include "compiler/jit.h"

#include <stdatomic.h>
#include <string.h>

#include "vm/kr.h"

/* Writes the exit's dirty slots back and hands the frame to the interpreter. Boxing a double
 * allocates but never collects (collection happens only at safepoints), so the registers' values
 * copied into `regs` stay valid while we write them. */
kr_value kr_jit_rt_exit(kr_vm *vm, kr_frame *f, const kr_jit_exit *exit, const kr_jit_regs *regs,
                        const uint64_t *spills)
{
    for (uint32_t i = 0; i < exit->nvalues; i++) {
        const kr_jit_exit_value *v = &exit->values[i];
        uint64_t bits;
        switch (v->kind) {
        case KR_JIT_LOC_REG:
            bits = v->index < 16 ? regs->gp[v->index] : regs->xmm[v->index - 16];
            break;
        case KR_JIT_LOC_STACK:
            bits = spills[v->index];
            break;
        default:
            bits = (uint64_t)v->imm;
            break;
        }
        kr_value value = (kr_value)bits;
        if (v->rep == KR_HIR_DOUBLE) {
            double d;
            memcpy(&d, &bits, sizeof d);
            value = kr_float_new(vm, d);
            if (!value)
                value = KR_NONE; /* MemoryError is pending: it is raised at exit->pc */
        }
        f->slots[v->slot] = value;
    }
    if (vm->frame != f) {
        /* A stepped call pushed its callee and left (deep C stack): f->pc is already after the call,
         * and the interpreter continues with the callee. Not a deopt of this code. */
        return KR_NULL;
    }
    f->pc = f->code->insns + exit->pc;
    if (vm->exc)
        kr_jit_note_exception_exit(vm);
    else
        kr_jit_note_deopt(vm, f->code, exit);
    return KR_NULL;
}

int kr_jit_rt_poll(kr_vm *vm)
{
    if (atomic_load_explicit(&vm->interrupt, memory_order_relaxed)) {
        atomic_store(&vm->interrupt, 0);
        kr_raise_value(vm, KR_VAL(KR_EXC(vm, KeyboardInterrupt)));
        return -1;
    }
    kr_gc_safepoint(vm);
    return 0;
}

int kr_jit_rt_truthy(kr_vm *vm, kr_value v) { return kr_truthy(vm, v); }

kr_value kr_jit_rt_box_float(kr_vm *vm, double d) { return kr_float_new(vm, d); }
