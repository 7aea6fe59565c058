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
 * Every guard, overflow check and exception check branches to its exit's cold path. That path saves
 * every general-purpose and xmm register into a kr_jit_regs block and calls
 *     kr_jit_rt_exit(vm, f, exit, regs, spills)
 * which writes the exit's dirty slots back (reading registers from regs, spill slots from spills,
 * boxing doubles), sets f->pc (unless a stepped call left a callee frame above f: then f->pc is
 * already after the call and vm->frame is that callee), counts the deopt, and returns 0: the exit
 * path then returns KR_NULL from the compiled function (through its epilogue).
 * CATCHING IN PLACE: an exception exit of the code object's current compiled code at a pc that one of
 * f's own handlers covers is unwound there (kr_interp_catch_local: traceback entry, the exception in
 * the handler's slot, f->pc at the handler), and kr_jit_rt_exit returns the handler's pc + 1: the exit
 * path stores that pc as the entry pc and jumps back to block 0, whose ENTRY dispatches to the
 * handler's entry block (every slot is in memory, as at any entry), or, for a pc that is no entry,
 * leaves with f->pc there and nothing pending, which the interpreter continues. This is what
 * run(RESUME_JIT_EXIT) would do before entering the same code at the handler again, minus the trip.
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
    int64_t imm;   /* CONST: the word; REG / STACK: added to the word (a tagged int rebuilt from a
                    * neighbour, kr_lir_exit's adj; 0 for any other value) */
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
    kr_jit_exit *exits;    /* owned; the exit paths point at them */
    uint32_t nexits;
    double compile_ms;
    double ready_ms;       /* when compiled (CLOCK_MONOTONIC): jit.c's control of global invalidations */
    uint32_t deopts;       /* deopts taken (jit.c's storm control) */
    kr_value *pinned;      /* heap values the code embeds (constants, identity guards, direct callees), */
    uint32_t npinned;      /* kept alive through the code object (kr_jit_code_trace) */
    uint32_t *unprofiled;  /* pcs of calls compiled before they ever ran (kr_jit_call_site_matured) */
    uint32_t nunprofiled;
} kr_jit_code;

/* ---- runtime entry points called from compiled code (compiler/jit_rt.c) ----------------------- */
uint32_t kr_jit_rt_exit(kr_vm *vm, kr_frame *f, const kr_jit_exit *exit, const kr_jit_regs *regs,
                        const uint64_t *spills);
int kr_jit_rt_poll(kr_vm *vm);                      /* 0, or -1 with KeyboardInterrupt pending */
int kr_jit_rt_truthy(kr_vm *vm, kr_value v);        /* 1, 0, or -1 with an exception */
kr_value kr_jit_rt_box_float(kr_vm *vm, double d);  /* KR_NULL with MemoryError */
/* FLOAT_BINOP POW (LIR FPOW_CALL): x ** y with float's semantics (vm/floatobj.h's kr_float_pow_raw).
 * Two integer words, which the System V ABI returns in rax and rdx: the result's bits, and whether
 * Python raises there instead (compiled code then deopts and the interpreter raises). No vm: it
 * neither allocates nor raises. */
typedef struct kr_jit_rt_pow_result {
    uint64_t bits;
    uint64_t failed;
} kr_jit_rt_pow_result;
kr_jit_rt_pow_result kr_jit_rt_float_pow(double x, double y);
/* A direct call's new cell (unbound) when the pool has none; KR_NULL, with nothing pending, when out
 * of memory (the call then takes the generic path, which raises). */
kr_value kr_jit_rt_new_cell(kr_vm *vm);
/* A class instantiated directly (hir.h's KR_HIR_STEP_CLASS) by the CALL at ip, whose callee slot holds
 * the new instance. kr_jit_rt_init_result: __init__ returned v, which is not None: raises
 * call_class_init's TypeError and returns NULL. kr_jit_rt_init_resume: __init__'s compiled code left
 * its frame to the interpreter: kr_interp_call_resume, then the instance back in the callee slot (the
 * resumed call stores __init__'s result there) and the same check of that result. */
kr_value kr_jit_rt_init_result(kr_vm *vm, kr_value v);
const kr_insn *kr_jit_rt_init_resume(kr_vm *vm, kr_frame *f, const kr_insn *ip);

/* ---- CALL_RT: runtime functions compiled code calls directly (HIR CALL_RT, compiler/hir.h) ----------
 * The generic form of an instruction whose interpreter behaviour is exactly one call of a runtime
 * function on its operands' values. Compiled code passes the values in registers, in System V order
 * after vm: each character of `sig` is one argument, 'v' the next TAGGED argument of the CALL_RT (in
 * order), 'i' its immediate (HIR imm2: a constant or a pointer the code object keeps alive). Result:
 *   KR_JIT_RT_VALUE   a kr_value; KR_NULL = an exception is pending (were none pending, the exit would
 *                     be a deopt and the interpreter would run the instruction itself);
 *   KR_JIT_RT_STATUS  an int: < 0 = an exception is pending, else the CALL_RT's TAGGED BOOL result is
 *                     (status != 0).
 * Before the call compiled code sets f->pc to the instruction (as TRUTHY does), so the frame shows
 * what runs while the function runs Python code. The functions may run arbitrary Python and collect
 * (they are safepoints): their operands are rooted because every pointer a compiled frame uses is in
 * its slots (hir.h's write-through invariant); dirty slots hold immediates and doubles only, which
 * nothing outside the instruction reads (no frame introspection reads another frame's slots), so no
 * flush is needed, and the exception exit writes them back.
 * The wrappers that take `ip` (the instruction, a const kr_insn *) find its operands and feedback
 * entry through it and vm->frame->code (compiled code runs with vm->frame == f).
 * "Frame operands": a function whose signature is only "i" reads the instruction's operand slots from
 * frame memory and may write its result slots there, as the interpreter does (variable arity, several
 * results). The builder stores every slot such an instruction reads (and a slot it writes on some
 * outcomes only) before the call, and treats the slots it writes as CLEAN and unknown after it, as
 * after a STEP, but flushes nothing else and enters no interpreter loop. The functions write no slot
 * before they can no longer fail, so the exception exit's frame state (before the instruction) holds.
 * X(NAME, C function, sig, result kind, "the bytecode it implements") */
#define KR_JIT_RT_FNS(X) \
    X(BINARY_OP,  kr_jit_rt_binary_op,  "vvi",  KR_JIT_RT_VALUE,  "BINARY_OP (A = B op C, in-place when X says): kr_binary_op / kr_inplace_op, recording the operand and result types in the feedback as the interpreter does") \
    X(UNARY_OP,   kr_unary_op,          "iv",   KR_JIT_RT_VALUE,  "UNARY_OP: kr_unary_op(vm, X, s[B]) (the interpreter's small-int paths compute the same)") \
    X(COMPARE_OP, kr_jit_rt_compare_op, "vvi",  KR_JIT_RT_VALUE,  "COMPARE_OP: kr_richcompare(vm, s[B], s[C], X), recording the operand types") \
    X(CONTAINS,   kr_contains,          "vv",   KR_JIT_RT_STATUS, "CONTAINS_OP: kr_contains(vm, s[C], s[B]) (X = not in: a NOT follows)") \
    X(GET_ITEM,   kr_jit_rt_getitem,    "vvi",  KR_JIT_RT_VALUE,  "GET_ITEM: kr_getitem(vm, s[B], s[C]) after the interpreter's list / tuple index paths, recording the types") \
    X(SET_ITEM,   kr_jit_rt_setitem,    "vvvi", KR_JIT_RT_STATUS, "SET_ITEM: kr_setitem(vm, s[A], s[B], s[C]) after the interpreter's list index path, recording the types") \
    X(LOAD_ATTR,  kr_jit_rt_load_attr,  "vi",   KR_JIT_RT_VALUE,  "LOAD_ATTR: the interpreter's inline-cache hit, else kr_getattr(vm, s[B], N(C))") \
    X(STORE_ATTR, kr_jit_rt_store_attr, "vvi",  KR_JIT_RT_STATUS, "STORE_ATTR: the interpreter's inline-cache hits (slot, adding an attribute), else kr_setattr(vm, s[A], N(B), s[C])") \
    X(LIST_APPEND, kr_list_append,      "vv",   KR_JIT_RT_STATUS, "LIST_APPEND: kr_list_append(vm, s[A], s[B])") \
    X(SET_ADD,    kr_set_add,           "vv",   KR_JIT_RT_STATUS, "SET_ADD: kr_set_add(vm, s[A], s[B])") \
    X(MAP_ADD,    kr_setitem,           "vvv",  KR_JIT_RT_STATUS, "MAP_ADD: kr_setitem(vm, s[A], s[B], s[C])") \
    X(GET_ITER,   kr_jit_rt_get_iter,   "i",    KR_JIT_RT_STATUS, "GET_ITER (frame operands): the counted range state or iter(s[B]) with two Nones in s[A..A+2], recording the feedback; always 0 unless it raises") \
    X(FOR_ITER,   kr_jit_rt_for_iter,   "i",    KR_JIT_RT_STATUS, "FOR_ITER (frame operands): 1 with the next item in s[B] (a counted state advanced in s[A]), 0 when exhausted (a StopIteration raised by the iterator is cleared); counts the loop feedback") \
    X(FOR_ITER_UNPACK, kr_jit_rt_for_iter_unpack, "i", KR_JIT_RT_STATUS, "FOR_ITER (frame operands) followed by the UNPACK_SEQUENCE of its item (hir_build.c iter_unpack): as FOR_ITER, but an exact zip / enumerate / dict items iterator of the right arity puts its values straight into the UNPACK's slots and KR_NULL into s[B] (kr_interp_op_for_iter_unpack)") \
    X(UNPACK_ITERATED, kr_jit_rt_unpack_iterated, "i", KR_JIT_RT_STATUS, "UNPACK_SEQUENCE (frame operands) after a FOR_ITER_UNPACK: nothing when s[A] is KR_NULL (the values are in place), else as UNPACK") \
    X(UNPACK,     kr_jit_rt_unpack,     "i",    KR_JIT_RT_STATUS, "UNPACK_SEQUENCE (frame operands): s[B] .. s[B+C-1] = the C items of s[A], or the interpreter's ValueError / TypeError; always 0 unless it raises") \
    X(BUILD_TUPLE, kr_jit_rt_build_tuple, "i",  KR_JIT_RT_VALUE,  "BUILD_TUPLE (frame operands): kr_tuple_from_array(vm, &s[B], C) (the empty tuple when C is 0)") \
    X(BUILD_LIST, kr_jit_rt_build_list, "i",    KR_JIT_RT_VALUE,  "BUILD_LIST (frame operands): kr_list_from_array(vm, &s[B], C)") \
    X(BUILD_SLICE, kr_jit_rt_build_slice, "i",  KR_JIT_RT_VALUE,  "BUILD_SLICE (frame operands): slice(s[B], s[B+1]) or, when C is 3, slice(s[B], s[B+1], s[B+2])") \
    X(GET_SLICE,  kr_jit_rt_get_slice,  "i",    KR_JIT_RT_VALUE,  "GET_ITEM (frame operands) whose key is the slice the BUILD_SLICE just before it (imm - 1) would make, that slice's slot dead after: s[B][bounds], kr_interp_op_getitem_slice (no slice object for an exact list, tuple, str)") \
    X(SET_SLICE,  kr_jit_rt_set_slice,  "i",    KR_JIT_RT_STATUS, "SET_ITEM (frame operands) as GET_SLICE: s[A][bounds] = s[C], kr_interp_op_setitem_slice (no slice object for an exact list)") \
    X(BUILD_STRING, kr_jit_rt_build_string, "i", KR_JIT_RT_VALUE, "BUILD_STRING (frame operands): s[B] + .. + s[B+C-1], all exact str") \
    X(FORMAT_VALUE, kr_jit_rt_format_value, "i", KR_JIT_RT_VALUE, "FORMAT_VALUE (frame operands): format(conv(s[B]), s[C] if X has a spec else ''), an exact str without a spec being its own result") \
    X(LOAD_METHOD, kr_jit_rt_load_method, "i", KR_JIT_RT_STATUS, "LOAD_METHOD (frame operands): s[A], s[A+1] = (function, self) or (attribute, NULL), as the interpreter, filling the site's cache as it does; always 0 unless it raises") \
    X(MAKE_FUNCTION, kr_jit_rt_make_function, "i", KR_JIT_RT_VALUE, "MAKE_FUNCTION (frame operands): a function of code K[BX] with the defaults / kwdefaults / annotations / closure in s[A+1..] that X names") \
    X(DICT_GET,   kr_jit_rt_dict_getitem, "vvi", KR_JIT_RT_VALUE,  "GET_ITEM on an exact dict (guarded): kr_dict_getitem (KeyError when absent), recording the types as the interpreter does") \
    X(DICT_SET,   kr_jit_rt_dict_setitem, "vvvi", KR_JIT_RT_STATUS, "SET_ITEM on an exact dict (guarded): kr_dict_set, recording the types as the interpreter does") \
    X(DICT_CONTAINS, kr_dict_contains,  "vv",   KR_JIT_RT_STATUS, "CONTAINS_OP on an exact dict (guarded): kr_dict_contains(vm, s[C], s[B]) (X = not in: a NOT follows)") \
    X(SET_CONTAINS, kr_set_contains,    "vv",   KR_JIT_RT_STATUS, "CONTAINS_OP on the exact set the BUILD_SET just before it made: kr_set_contains(vm, s[C], s[B]) (X = not in: a NOT follows)") \
    X(ISINSTANCE, kr_isinstance,        "vv",   KR_JIT_RT_STATUS, "CALL of the builtin isinstance (guarded) with two arguments: kr_isinstance(vm, s[A+1], s[A+2])") \
    X(MIN_MAX,    kr_jit_rt_min_max,    "vvi",  KR_JIT_RT_VALUE,  "CALL of the builtin min (imm 0) / max (imm 1) (guarded) with two positional arguments: s[A+2] if s[A+2] < s[A+1] (> for max) else s[A+1], as builtins.c's min_max compares") \
    X(PUSH_EXC_INFO, kr_jit_rt_push_exc_info, "i", KR_JIT_RT_STATUS, "PUSH_EXC_INFO (frame operands): s[A] = the handled exception (None when none), s[B] becomes it; always 0") \
    X(POP_EXCEPT, kr_jit_rt_pop_except, "v",    KR_JIT_RT_STATUS, "POP_EXCEPT: s[A], saved by PUSH_EXC_INFO, is the handled exception again; always 0") \
    X(CHECK_EXC_MATCH, kr_interp_op_check_exc_match, "vv", KR_JIT_RT_STATUS, "CHECK_EXC_MATCH: kr_interp_op_check_exc_match(vm, s[B], s[C]) (a subtype test, or TypeError)") \
    X(RAISE,      kr_interp_raise,      "i",    KR_JIT_RT_STATUS, "RAISE (frame operands; X == 2 writes s[A]): always -1, the exception pending and vm->jit_exc_entry set as a stepped RAISE leaves it") \
    X(RERAISE,    kr_interp_reraise,    "v",    KR_JIT_RT_STATUS, "RERAISE: always -1, s[A] pending, unwound without a new traceback entry (vm->jit_exc_entry)") \
    X(YIELD_FROM, kr_jit_rt_yield_from, "i",    KR_JIT_RT_VALUE,  "YIELD_FROM (frame operands; every slot in memory): one step of delegation, s[A] sent into s[B] (kr_gen_delegate). The value the delegate yielded, which this frame yields in turn (suspended at this instruction, KR_FRAME_IN_YIELD_FROM set); KR_UNBOUND when the delegate finished, its result in s[C]; KR_NULL with an exception, or without one to leave the frame at this instruction to the interpreter (vm->jit_leave: KR_JIT_MAX_C_DEPTH reached, where the interpreter delegates without C recursion)")

enum kr_jit_rt_fn {
#define KR_JIT_RT_ENUM(name, fn, sig, kind, doc) KR_JIT_RT_##name,
    KR_JIT_RT_FNS(KR_JIT_RT_ENUM)
#undef KR_JIT_RT_ENUM
    KR_JIT_RT_COUNT
};
enum kr_jit_rt_kind { KR_JIT_RT_VALUE, KR_JIT_RT_STATUS };
typedef struct kr_jit_rt_info {
    const char *name;
    void (*fn)(void);    /* the function (cast back by the back end, which knows its signature) */
    const char *sig;     /* after vm: 'v' a TAGGED argument, 'i' the immediate */
    uint8_t kind;        /* enum kr_jit_rt_kind */
} kr_jit_rt_info;
extern const kr_jit_rt_info kr_jit_rt_table[KR_JIT_RT_COUNT];
/* The number of TAGGED arguments ('v' in sig) a CALL_RT of fn takes (at most 3: LIR's inputs). */
int kr_jit_rt_nvalues(enum kr_jit_rt_fn fn);

kr_value kr_jit_rt_binary_op(kr_vm *vm, kr_value a, kr_value b, const kr_insn *ip);
kr_value kr_jit_rt_compare_op(kr_vm *vm, kr_value a, kr_value b, const kr_insn *ip);
kr_value kr_jit_rt_getitem(kr_vm *vm, kr_value o, kr_value k, const kr_insn *ip);
int kr_jit_rt_setitem(kr_vm *vm, kr_value o, kr_value k, kr_value v, const kr_insn *ip);
kr_value kr_jit_rt_load_attr(kr_vm *vm, kr_value obj, const kr_insn *ip);
int kr_jit_rt_store_attr(kr_vm *vm, kr_value obj, kr_value v, const kr_insn *ip);
int kr_jit_rt_get_iter(kr_vm *vm, const kr_insn *ip);
int kr_jit_rt_for_iter(kr_vm *vm, const kr_insn *ip);
int kr_jit_rt_unpack(kr_vm *vm, const kr_insn *ip);
int kr_jit_rt_for_iter_unpack(kr_vm *vm, const kr_insn *ip);
int kr_jit_rt_unpack_iterated(kr_vm *vm, const kr_insn *ip);
kr_value kr_jit_rt_build_tuple(kr_vm *vm, const kr_insn *ip);
kr_value kr_jit_rt_build_list(kr_vm *vm, const kr_insn *ip);
kr_value kr_jit_rt_build_slice(kr_vm *vm, const kr_insn *ip);
kr_value kr_jit_rt_get_slice(kr_vm *vm, const kr_insn *ip);
int kr_jit_rt_set_slice(kr_vm *vm, const kr_insn *ip);
kr_value kr_jit_rt_build_string(kr_vm *vm, const kr_insn *ip);
kr_value kr_jit_rt_format_value(kr_vm *vm, const kr_insn *ip);
int kr_jit_rt_load_method(kr_vm *vm, const kr_insn *ip);
kr_value kr_jit_rt_make_function(kr_vm *vm, const kr_insn *ip);
/* MAKE_FUNCTION compiled inline (x86.cpp): the fields a function of code K[bx] of co takes from that code
 * object, which never change (the value, its name, qualname and doc), as the words to store; false when
 * K[bx] is no code object. */
bool kr_jit_func_template(const kr_code *co, uint32_t bx, uint64_t out[4]);
kr_value kr_jit_rt_dict_getitem(kr_vm *vm, kr_value d, kr_value k, const kr_insn *ip);
int kr_jit_rt_dict_setitem(kr_vm *vm, kr_value d, kr_value k, kr_value v, const kr_insn *ip);
kr_value kr_jit_rt_min_max(kr_vm *vm, kr_value a, kr_value b, int64_t is_max);
int kr_jit_rt_push_exc_info(kr_vm *vm, const kr_insn *ip);
int kr_jit_rt_pop_except(kr_vm *vm, kr_value saved);
int kr_interp_op_check_exc_match(kr_vm *vm, kr_value ev, kr_value cls); /* vm/interp_ops.h */
kr_value kr_jit_rt_yield_from(kr_vm *vm, const kr_insn *ip);

/* vm/interp.c: run the one instruction at ip on f (f == vm->frame, all slots in memory). Returns the
 * pc to continue at, or NULL with the exception pending (no traceback entry added yet). Not for
 * RETURN, RETURN_CONST, YIELD, YIELD_FROM. */
const kr_insn *kr_interp_step(kr_vm *vm, kr_frame *f, const kr_insn *ip);
/* The same for a CALL or CALL_METHOD at ip, faster for calls of Python functions (the back end uses
 * it for STEPs of those two opcodes). */
const kr_insn *kr_interp_step_call(kr_vm *vm, kr_frame *f, const kr_insn *ip);
/* RAISE at ip and RERAISE of exc in vm->frame (CALL_RT): -1, with the exception pending and
 * vm->jit_exc_entry naming where run() continues it. */
int kr_interp_raise(kr_vm *vm, const kr_insn *ip);
int kr_interp_reraise(kr_vm *vm, kr_value exc);
/* A direct call's slow ends (hir.h's DIRECT CALLS), with kr_interp_step_call's contract for the CALL
 * at ip. kr_interp_call_resume: the callee's compiled code returned NULL, leaving its frame (vm->frame,
 * linked and counted in vm->c_depth by the caller's inline code) to the interpreter: finish it as
 * run_entry_frame does. kr_interp_call_poll: the callee returned and its result is in place, but the
 * safepoint after the call is due (GC debt or an interrupt). */
const kr_insn *kr_interp_call_resume(kr_vm *vm, kr_frame *f, const kr_insn *ip);
const kr_insn *kr_interp_call_poll(kr_vm *vm, kr_frame *f, const kr_insn *ip);
/* An exception exit of f's current compiled code whose pc a handler of f covers: the interpreter's
 * unwinding up to that handler (traceback entry, the exception in the handler's slot, none pending,
 * f->pc at the handler); returns the handler's pc + 1, or 0 with nothing done (no handler covers it). */
uint32_t kr_interp_catch_local(kr_vm *vm, kr_frame *f);

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
