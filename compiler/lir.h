/* lir.h: the JIT's low-level IR (LIR), between HIR (compiler/hir.h) and x86-64 (compiler/x86.cpp).
 *
 * A LIR function is a linear list of blocks (reverse post order of the HIR blocks, so a loop body is
 * contiguous in structured code, plus one block per split critical edge placed right after its
 * predecessor); each block holds a contiguous run of instructions [first, first + count), phis kept
 * aside (kr_lir_phi) because the allocator resolves them on the edges. Instructions are x86-flavoured
 * macro instructions over virtual registers (vregs) of class GP (kr_value, raw words) or FP (doubles):
 * each expands to a short fixed x86 sequence that may use the scratch registers r11 and xmm15, which
 * the allocator never assigns and whose values never cross an instruction or a move group.
 *
 * POSITIONS (regalloc/regalloc.h): instruction k reads its inputs at 2k and writes its output at
 * 2k+1. Conventions every instruction's expansion keeps (compiler/x86.cpp relies on them):
 *   - all inputs are read before the output is written, and the output is written last, after every
 *     exit check, so an output sharing a register with a dying input is harmless;
 *   - values of a frame state (the dirty slots an exit writes back) are live until 2k+2, so no output
 *     and no call clobber can take their register; exits read them at kr_ra_location_at(v, 2k+1)
 *     (but in0 of a REVERSIBLE instruction, below: at 2k);
 *   - a register an expansion writes besides r11/xmm15 and the output is listed as fixed over
 *     [2k, 2k+2) (kr_lir_insn_fixed), so no other value lives there during the instruction;
 *   - a call clobbers KR_RA_X86_64_CALLER_SAVED at 2k+1 and has no output: a following GETRET reads
 *     rax (fixed over [2k+1, 2k+3)).
 * Constants get no vreg of their own: a use of a HIR CONST materialises it (MOVI / FMOVI) into a fresh
 * vreg right before the using instruction, so constants never occupy registers across the function;
 * phi inputs and frame-state entries use them directly (kr_ra_phi_input, KR_JIT_LOC_CONST).
 *
 * CONSTANT OPERANDS: IADD ISUB IMUL IDIV IMOD IAND IOR IXOR ISHR ICMP IS and BRANCH.icmp / BRANCH.is
 * take their second operand as the constant word imm2 (a tagged small int; for IS any immediate word)
 * when in1 is absent (< 0). The expansion then folds the tagging at compile time (an immediate, a
 * multiply by the untagged constant, division by multiplication for a constant divisor) and leaves
 * out the exits the constant makes impossible; kr_lir_const_operand_ok says which constants each
 * op accepts, and the lowering uses the form only for those.
 */
#ifndef KRAIT_LIR_H
#define KRAIT_LIR_H

#include <stdint.h>
#include <stdio.h>

#include "compiler/hir.h"
#include "compiler/jit_rt.h"
#include "regalloc/regalloc.h"

/* X(NAME, has_output, "what the expansion does"). in0..in2 = in[0..2]; imm/imm2 as noted. */
#define KR_LIR_OPS(X) \
    X(MOVI,      1, "out = imm (64-bit)") \
    X(FMOVI,     1, "out(FP) = the double whose bits are imm") \
    X(LOAD,      1, "out = [slots + 8*imm]") \
    X(STORE,     0, "[slots + 8*imm] = in0, or imm2 when in0 < 0") \
    X(IADD,      1, "out = in0 + in1 - 1 (tagged); exit 0 on overflow") \
    X(ISUB,      1, "out = in0 - in1 + 1 (tagged); exit 0 on overflow") \
    X(IMUL,      1, "out = (in0 - 1) * (in1 >> 1) + 1; exit 0 on overflow; rax fixed (not with a constant)") \
    X(IDIV,      1, "out = in0 // in1 (floor); exit 0 zero divisor, exit 1 overflow; rax rdx fixed; a constant divisor: no exit, rax rdx fixed unless a power of two") \
    X(IMOD,      1, "out = in0 % in1 (floor); exit 0 zero divisor; rax rdx fixed; a constant divisor as IDIV's") \
    X(IAND,      1, "out = in0 & in1") \
    X(IOR,       1, "out = in0 | in1") \
    X(IXOR,      1, "out = (in0 ^ in1) | 1") \
    X(ISHL,      1, "out = in0 << in1; exit 0 bad count, exit 1 bits lost; rax rcx fixed") \
    X(ISHR,      1, "out = in0 >> in1 (counts >= 63 clamp); exit 0 negative count; rcx fixed (a constant count: neither)") \
    X(INEG,      1, "out = -in0; exit 0 on overflow") \
    X(INOT,      1, "out = ~in0") \
    X(ICMP,      1, "out = in0 <cond> in1 ? KR_TRUE : KR_FALSE (signed, on tagged words)") \
    X(FCMP,      1, "out = in0 <cond> in1 on doubles (NaN: false except NE)") \
    X(RANGE,     1, "out = imm > 0 ? in0 < in1 : imm < 0 ? in0 > in1 : (in2 > 0 ? < : >)") \
    X(IS,        1, "out = (in0 == in1) ^ imm (in1 absent: in0 == imm2)") \
    X(NOT,       1, "out = in0 ^ (KR_TRUE ^ KR_FALSE)") \
    X(TRUTHY,    1, "out = bool(in0) inline; imm = the kr_hir_type_bits of in0") \
    X(TRUTHY_CALL, 0, "rax = kr_jit_rt_truthy(vm, in0) as a bool; exit 0 on -1; a call") \
    X(GUARD_TYPE, 0, "exit 0 unless the exact type of in0 is within imm (kr_hir_type_bits)") \
    X(GUARD_IS,  0, "exit 0 unless in0 == imm") \
    X(GUARD_BOUND, 0, "exit 0 when in0 == KR_UNBOUND") \
    X(GUARD_DICT, 0, "exit 0 unless in0 (a dict) has keys version imm and, imm2 1 / 2, f->globals / f->builtins == in0") \
    X(LOADA,     1, "out = *(kr_value *)imm (an absolute address)") \
    X(GUARD_SHAPE, 0, "exit 0 unless in0 is a heap object (tag test when kind is 1) of type imm with type->version == imm2 and, imm3 != 0, ((kr_instance *)in0)->shape == imm3") \
    X(LOAD_ISLOT, 1, "out = ((kr_instance *)in0)->slots[imm]") \
    X(STORE_ISLOT, 0, "((kr_instance *)in0)->slots[imm] = in1") \
    X(LOAD_CELL, 1, "out = ((kr_cell *)in0)->contents; exit 0 when it is KR_UNBOUND") \
    X(STORE_CELL, 0, "((kr_cell *)in0)->contents = in1") \
    X(LIST_GET,  1, "out = ((kr_list *)in0)->items[i], i = in1 untagged (negative: + size), or the constant imm >= 0 when in1 < 0; exit 0 when out of range") \
    X(TUPLE_GET, 1, "out = ((kr_tuple *)in0)->items[i], the index as LIST_GET's; exit 0 when out of range") \
    X(LIST_SET,  0, "((kr_list *)in0)->items[i] = in2, the index as LIST_GET's; exit 0 when out of range") \
    X(LEN,       1, "out = len(in0) tagged; imm = the kr_hir_type_bits of in0, within STR|LIST|TUPLE|DICT") \
    X(UNBOX,     1, "out(FP) = ((kr_float *)in0)->value") \
    X(I2D,       1, "out(FP) = (double)(in0 >> 1)") \
    X(FADD,      1, "out = in0 + in1") \
    X(FSUB,      1, "out = in0 - in1") \
    X(FMUL,      1, "out = in0 * in1") \
    X(FDIV,      1, "out = in0 / in1; exit 0 when in1 == 0.0") \
    X(FNEG,      1, "out = -in0 (sign bit flipped)") \
    X(BOX_CALL,  0, "rax = kr_jit_rt_box_float(vm, in0); exit 0 when NULL; a call (inline first: a float from the collector's pool when it has one)") \
    X(STEP_CALL, 0, "rax = kr_interp_step(vm, f, imm); exit 0 when NULL; a call. imm3 > 0: a direct call, calls[imm3 - 1] (hir.h's DIRECT CALLS)") \
    X(CALL_RT,   0, "f->pc = the exit's pc; rax = kr_jit_rt_table[imm].fn(vm, ...): in0..in2 and imm2 in the order of its sig; VALUE: exit 0 on KR_NULL; STATUS: exit 0 when negative, else rax = KR_TRUE / KR_FALSE (status != 0); a call. Inline first where it pays (x86.cpp): UNPACK of an exact tuple / list, FOR_ITER over a list or range iterator, FOR_ITER_UNPACK over a zip of two list / tuple iterators, BINARY_OP of small ints / floats, BUILD_TUPLE from the collector's pool, LOAD_ATTR / LOAD_METHOD with imm3 (the site's kr_fb_poly)") \
    X(GETRET,    1, "out = rax (the previous instruction's call result)") \
    X(POLL,      0, "if allocated >= threshold (GC debt, or krait_interrupt zeroed it): kr_jit_rt_poll(vm) with every register saved; exit 0 on -1. imm 1: a strip-mined loop's latch, left out when the back-edge takes the header's strip test") \
    X(ENTRY,     0, "jump to succ i when the entry pc is entry_pcs[i]; unknown pc: leave to the interpreter") \
    X(JUMP,      0, "to succ 0") \
    X(BRANCH,    0, "kind (kr_lir_branch_kind) decides: true -> succ 0, false -> succ 1. A strip-mined RANGE (imm != 0, imm3 > 0): in2 the strip limit, imm3 a strip in tagged units, exit 0 the back-edge poll's (hir_lower.c strip_mine_loops)") \
    X(BRANCH_PC, 0, "in0 == imm (a pointer) -> succ 0, else succ 1") \
    X(RETURN,    0, "return in0; imm > 0: a generator yields (f->pc = the pointer imm2, vm->jit_yielded = 1)") \
    X(DEOPT,     0, "leave through exit 0") \
    X(LOAD_FIELD, 1, "out = *(kr_value *)(in0 + imm); exit 0 when it is KR_NULL (an unset __slots__ member)") \
    X(STORE_FIELD, 0, "*(kr_value *)(in0 + imm) = in1") \
    X(BARRIER,   0, "the write barrier of a store of in1 into heap object in0: if in0's gc_flags has KR_GC_WATCH, kr_gc_barrier_call(vm, in0, in1) with every register saved") \
    X(FPOW_CALL, 0, "rax = the bits of in0 ** in1 (doubles) from kr_jit_rt_float_pow; exit 0 where float ** raises; a call") \
    X(FGETRET,   1, "out(FP) = the double whose bits are in rax (the previous FPOW_CALL's result)") \
    X(IWRAP,     1, "out = in0 + imm, then + imm2 when that is negative (HIR INT_MOD_STEP: imm and imm2 even, both fit an imm32)") \
    X(GUARD_RANGE, 0, "exit 0 unless imm <= in0 <= imm2 (tagged words; INT64_MIN / INT64_MAX: no check on that side)") \
    X(GUARD_DEPTH, 0, "exit 0 when vm->depth >= vm->recursion_limit (HIR GUARD_DEPTH)") \
    X(RANGE_PREV, 1, "out = in0 == in1 ? in2 : in0 + imm (HIR RANGE_PREV: imm = -2 * step, fits an imm32)")

enum kr_lir_op {
#define KR_LIR_OP_ENUM(name, out, doc) KR_LIR_##name,
    KR_LIR_OPS(KR_LIR_OP_ENUM)
#undef KR_LIR_OP_ENUM
    KR_LIR_OP_COUNT
};
extern const char *const kr_lir_op_names[KR_LIR_OP_COUNT];
extern const uint8_t kr_lir_op_has_output[KR_LIR_OP_COUNT];

/* BRANCH: what decides it (the compare fused into the branch, or a BOOL value). */
enum kr_lir_branch_kind {
    KR_LIR_BR_BOOL,  /* in0 == KR_TRUE */
    KR_LIR_BR_ICMP,  /* in0 <cond> in1 */
    KR_LIR_BR_FCMP,  /* in0 <cond> in1 on doubles */
    KR_LIR_BR_RANGE, /* as RANGE */
    KR_LIR_BR_IS,    /* (in0 == in1) ^ imm */
    KR_LIR_BR_DIVISIBLE, /* in0 % (imm2 >> 1) <cond> 0, cond == or !=, the constant imm2 a small int
                          * >= 2: `x % d == 0` without the remainder */
};

#define KR_LIR_MAX_IN 3
#define KR_LIR_MAX_EXITS 2

typedef struct kr_lir_insn {
    uint16_t op;            /* enum kr_lir_op */
    uint8_t cond;           /* kr_cmpop (ICMP, FCMP, BRANCH) */
    uint8_t kind;           /* BRANCH: enum kr_lir_branch_kind; GUARD_SHAPE: 1 = test the pointer tag */
    uint8_t nin;
    uint8_t nexits;
    int32_t out;            /* vreg, -1 = none */
    int32_t in[KR_LIR_MAX_IN]; /* vregs; -1 = absent */
    int64_t imm, imm2;
    int64_t imm3;           /* GUARD_SHAPE: the shape (0: none to check); see STEP_CALL, BRANCH */
    int32_t exit;           /* index of the first of nexits exits in kr_lir_func.exits, -1 = none */
    int32_t fs;             /* the HIR frame state its exits write back, -1 = none */
    kr_hir_ref hir;         /* the HIR instruction it comes from (dumps), 0 = none */
} kr_lir_insn;

/* A direct call (hir.h's DIRECT CALLS): what its inline expansion needs, computed in C by the lowering
 * (compiler/x86.cpp reads no C struct itself). */
enum { KR_LIR_C_METHOD, KR_LIR_C_FUNC, KR_LIR_C_TYPE };

typedef struct kr_lir_direct_call {
    const void *func;          /* the kr_function the site saw */
    uint32_t func_version;     /* its version (bumped when its __code__ or __defaults__ change) */
    uint32_t by_code;          /* 1: any function of `code` (the callee slot's type and code are checked);
                                * 0: exactly func at func_version */
    uint32_t dst;              /* the callee / result slot (the instruction's A) */
    uint32_t arg0, npassed;    /* the arguments: caller slots [arg0, arg0 + npassed) */
    uint32_t nargs;            /* the callee's argcount; [npassed, nargs) come from its __defaults__ */
    int32_t self_slot;         /* CALL_METHOD: the slot that must hold self (not KR_NULL), or -1 */
    int32_t null_slot;         /* CALL_METHOD of a plain function: the slot that must be KR_NULL, or -1 */
    uint32_t cell0, ncells;    /* callee slots [cell0, cell0 + ncells) take new cells... */
    int32_t cell_arg[4];       /* ... holding parameter cell_arg[i] (its slot), or unbound when -1 */
    uint32_t free0, nfree;     /* callee slots [free0, free0 + nfree) take the closure's cells */
    uint32_t nslots;           /* the callee's code->nslots */
    const void *code;          /* its kr_code */
    void *const *jit_code;     /* &code->jit_code: its current entry, NULL while it has none */
    const void *first_pc;      /* code->insns: the callee frame's pc */
    /* a C method (KR_HIR_STEP_CMETHOD): func is its descriptor, called as cfn(vm, &s[arg0], npassed,
     * KR_NULL) when s[arg0] (self) is a heap object of exactly type owner */
    const void *cfn, *owner;
    /* what cfn is (hir.h's KR_HIR_STEP_C_CALL kinds): KR_LIR_C_METHOD (above), KR_LIR_C_FUNC (a builtin
     * function, cfn(vm, &s[arg0], npassed, KR_NULL), null_slot checked when >= 0) or KR_LIR_C_TYPE
     * (int / str / float: their new_, cfn(vm, func, &s[arg0], npassed, KR_NULL)) */
    uint32_t ckind;
    /* a class instantiated directly (hir.h's KR_HIR_STEP_CLASS), or NULL: func is its __init__, the
     * callee slot is checked to hold cls at cls_version, then receives the new instance, which is
     * passed as the first of the npassed arguments from arg0 = dst */
    const void *cls, *cls_new; /* and its new_ (object_new) */
    uint32_t cls_version;
    /* a polymorphic site (hir.h's KR_HIR_STEP_POLY): the index + 1 in lf->calls of the direct call
     * tried when this one's callee check fails, 0 for none (then the generic STEP) */
    uint32_t next;
} kr_lir_direct_call;

typedef struct kr_lir_phi {
    int32_t vreg;
    kr_ra_phi_input *inputs; /* one per predecessor, in kr_lir_block.preds order */
} kr_lir_phi;

typedef struct kr_lir_block {
    uint32_t first, count;  /* instructions [first, first + count); the last is a terminator */
    uint32_t *succs;        /* LIR block ids in the terminator's order */
    uint32_t nsuccs;
    uint32_t *preds;        /* LIR block ids */
    uint32_t npreds;
    kr_lir_phi *phis;
    uint32_t nphis;
    uint32_t loop_depth;
    int32_t hir_block;      /* -1: a block splitting a critical edge (holds a JUMP only) */
} kr_lir_block;

/* An exit: where it resumes, why, and where each dirty value is (filled after allocation). */
typedef struct kr_lir_exit {
    uint32_t insn;          /* the LIR instruction that takes it */
    int32_t fs;             /* HIR frame state */
    uint8_t reason;         /* enum kr_deopt_reason */
    int32_t adj_slot;       /* -1, or the slot whose value is its vreg's word + adj (a counter's */
    int64_t adj;            /* previous value rebuilt from its next one: hir_lower.c strip mining) */
} kr_lir_exit;

typedef struct kr_lir_func {
    kr_hir_func *hir;
    kr_lir_insn *insns;
    uint32_t ninsns, insncap;
    kr_lir_block *blocks;
    uint32_t nblocks;
    uint8_t *vreg_class;    /* kr_ra_class per vreg */
    uint32_t nvregs, vregcap;
    kr_lir_exit *exits;
    uint32_t nexits, exitcap;
    uint32_t *entry_pcs;    /* ENTRY's targets: entry_pcs[i] -> succ i of block 0 */
    uint32_t nentries;
    int32_t *hir_vreg;      /* per HIR ref: its vreg (-1: a constant, a guard or no value) */
    kr_lir_direct_call *calls; /* direct calls (STEP_CALL's imm3 - 1) */
    uint32_t ncalls, callcap;
    kr_ra_ctx *ra;          /* after kr_lir_allocate: the allocation */
    char *error;            /* fn->hir->error */
} kr_lir_func;

/* What compiled code reads from the VM's structures and calls: offsets and addresses taken in C
 * (compiler/x86.cpp is C++ and never applies offsetof to C structs itself). */
typedef struct kr_lir_layout {
    int32_t vm_gc_allocated, vm_gc_threshold, vm_jit_yielded; /* offsets in kr_vm */
    int32_t frame_slots, frame_pc, frame_globals, frame_builtins; /* offsets in kr_frame */
    int32_t obj_type, float_value, list_size, list_items, tuple_size, tuple_items;
    int32_t str_nbytes, str_data, obj_aux;                  /* kr_str's length: see emitLen */
    int32_t dict_keys_version, dict_used;                   /* vm/dict.h's offsets (dict.c's layout) */
    int32_t type_version, inst_shape, inst_slots;           /* kr_type.version; kr_instance fields */
    int32_t cell_contents;                                  /* kr_cell.contents */
    uint32_t insn_size;                                     /* sizeof(kr_insn) */
    const void *t_int, *t_float, *t_str, *t_list, *t_tuple, *t_dict, *t_function; /* vm->t.* */
    const void *t_list_iter;
    /* inline allocation from the collector's pool (gc/gc.h; BOX_CALL, BUILD_TUPLE): offsets in kr_vm */
    int32_t gc_pool, gc_pool_bytes, gc_objects, gc_nobjects, gc_objects_cap, gc_limit, gc_peak;
    int32_t pool_classes;                                   /* KR_GC_POOL_CLASSES */
    uint64_t pool_header_word[16];                          /* per class: a new object's second header word */
    int32_t float_class, tuple_base;                        /* sizeof(kr_float)'s class; sizeof(kr_tuple) */
    int32_t tuple_hash;                                     /* kr_tuple.hash */
    int32_t cell_class;                                     /* sizeof(kr_cell)'s class */
    const void *t_cell, *rt_new_cell;                       /* vm->t.cell; kr_jit_rt_new_cell */
    /* a polymorphic site's entries (vm/code.h's kr_fb_poly) */
    int32_t poly_entries, poly_entry_size, poly_ways;
    int32_t pe_type, pe_shape, pe_value, pe_index, pe_version, pe_kind;
    int32_t kind_shape_slot, kind_type_value, kind_method;
    int32_t list_iter_seq, list_iter_index;                 /* kr_list_iter (vm/list.h) */
    int32_t tuple_iter_seq, tuple_iter_index;               /* kr_tuple_iter (vm/tuple.h) */
    int32_t obj_flags;                                      /* kr_object.flags (uint16_t) */
    int32_t range_iter_next, range_iter_step, range_iter_remaining; /* kr_range_iter (vm/range.h) */
    uint16_t range_big;                                     /* its KR_RANGE_BIG flag */
    int32_t zip_iters;                                      /* a zip's tuple of iterators (vm/iterobj.h) */
    const void *t_tuple_iter, *t_range_iter, *t_zip;        /* vm->t.* */
    const void *rt_exit, *rt_poll, *rt_truthy, *rt_box_float, *interp_step;     /* entry points */
    const void *interp_step_call;                           /* STEP of CALL / CALL_METHOD */
    /* direct calls: the frame link (vm/interp.c's frame_link / frame_pop) done inline */
    int32_t vm_frame, vm_stack_top, vm_stack_end, vm_depth, vm_recursion_limit, vm_c_depth, vm_handled_exc;
    int32_t frame_prev, frame_code, frame_func, frame_locals, frame_gen, frame_saved_handled;
    int32_t frame_ret_slot, frame_flags;                    /* two adjacent uint32_t */
    int32_t func_code, func_globals, func_builtins, func_closure, func_defaults, func_version; /* kr_function */
    uint32_t frame_words;                                   /* KR_FRAME_WORDS */
    uint32_t direct_frame_flags;                            /* a directly called frame's flags */
    uint32_t max_c_depth;                                   /* compiler/jit.h's KR_JIT_MAX_C_DEPTH */
    uint64_t unbound;                                       /* KR_UNBOUND */
    const void *interp_call_resume, *interp_call_poll;      /* vm/interp.h */
    const void *rt_init_result, *rt_init_resume;            /* kr_jit_rt_init_* (KR_HIR_STEP_CLASS) */
    int32_t obj_gc_flags;                                   /* kr_object.gc_flags (BARRIER) */
    uint8_t gc_watch;                                       /* its KR_GC_WATCH bit */
    const void *rt_barrier;                                 /* kr_gc_barrier_call */
    const void *rt_float_pow;                               /* kr_jit_rt_float_pow */
    /* MAKE_FUNCTION inline (x86.cpp's emitMakeFunctionFast): the rest of kr_function, its pool class,
     * the module type, and kr_func_new's cache of one globals dict's __name__ / __builtins__ (vm/vm.h) */
    int32_t func_name, func_qualname, func_module, func_doc, func_kwdefaults, func_annotations, func_dict;
    int32_t func_size, func_class;                          /* sizeof(kr_function) and its pool class */
    const void *t_module;                                   /* vm->t.module */
    int32_t module_dict;                                    /* kr_module.dict */
    int32_t vm_func_globals, vm_func_globals_kv, vm_func_name_slot, vm_func_builtins_slot;
    uint64_t none;                                          /* KR_NONE */
} kr_lir_layout;
void kr_lir_layout_of(kr_vm *vm, kr_lir_layout *out);

/* lir.c */
kr_lir_func *kr_lir_new(kr_hir_func *hir);
void kr_lir_free(kr_lir_func *lf);
int kr_lir_add_vreg(kr_lir_func *lf, kr_ra_class cls);        /* -1 when out of memory */
kr_lir_insn *kr_lir_append(kr_lir_func *lf, enum kr_lir_op op); /* zeroed, out/in/exit/fs = -1 */
int kr_lir_add_exit(kr_lir_func *lf, uint32_t insn, int32_t fs, uint8_t reason);
/* Registers an instruction's expansion writes besides its output and r11/xmm15 (see above). */
uint64_t kr_lir_insn_fixed(const kr_lir_insn *in);
/* Whether IDIV / IMOD by the positive constant c (not a power of two) multiplies with BMI2's mulx,
 * which leaves rax free (only rdx fixed): when the CPU has it and, for IMOD, c fits an imm32. The
 * expansion (compiler/x86.cpp) asks the same question. */
int kr_lir_div_mulx(const kr_lir_insn *in);
/* Whether op (a LIR op, or BRANCH with kind) accepts the tagged small int `word` as its constant second
 * operand (see CONSTANT OPERANDS above). IS accepts any word that fits an imm32. */
int kr_lir_const_operand_ok(enum kr_lir_op op, uint8_t kind, int64_t word);
/* Whether in takes its second operand from imm2 (an op of CONSTANT OPERANDS with in1 absent). */
static inline int kr_lir_has_const_operand(const kr_lir_insn *in)
{
    if (in->in[1] >= 0)
        return 0;
    switch (in->op) {
    case KR_LIR_IADD: case KR_LIR_ISUB: case KR_LIR_IMUL: case KR_LIR_IDIV: case KR_LIR_IMOD:
    case KR_LIR_IAND: case KR_LIR_IOR: case KR_LIR_IXOR: case KR_LIR_ISHR: case KR_LIR_ICMP: case KR_LIR_IS:
        return 1;
    case KR_LIR_BRANCH: return in->kind == KR_LIR_BR_ICMP || in->kind == KR_LIR_BR_IS;
    default: return 0;
    }
}
int kr_lir_insn_is_call(const kr_lir_insn *in);
/* REVERSIBLE instructions: IADD (either form) and ISUB with a constant, whose one exit is the
 * overflow check. The output may share in0's register even when a frame state holds in0 (the
 * accumulator of `acc += x`, the counter of `i += 1`): the expansion then computes in place, and on
 * overflow undoes the wrapped add (subtracting the operand back) before the exit, which reads in0 at
 * the input position 2k (kr_lir_fill_exits). So in0's frame-state use ends with its input use. */
static inline int kr_lir_insn_reversible(const kr_lir_insn *in)
{
    return in->in[0] >= 0 && in->nexits == 1 &&
           (in->op == KR_LIR_IADD || (in->op == KR_LIR_ISUB && in->in[1] < 0));
}
/* Text form; with an allocation, each operand shows its location at the instruction. */
void kr_lir_print(FILE *out, const kr_lir_func *lf);

/* hir_lower.c: HIR -> LIR; NULL with hir->error when refused. */
kr_lir_func *kr_lir_lower(kr_hir_func *hir);
/* Where HIR value r lives: its vreg (>= 0), or -1 with *bits = the constant (a word or a double's bits),
 * or -2 when it has no value (a malformed frame state). */
int kr_lir_value_of(const kr_lir_func *lf, kr_hir_ref r, int64_t *bits);

/* lir_alloc.c: liveness, intervals, allocation (spill_all: the reference allocator), verification in
 * debug builds, then each exit's value locations into out[] (nexits entries, values malloc'd). */
int kr_lir_allocate(kr_lir_func *lf, int spill_all);
int kr_lir_fill_exits(kr_lir_func *lf, kr_jit_exit *out);

#endif
