/* hir.h: the JIT's high-level IR (HIR). STABLE interface between the HIR builder (compiler/hir_build.c,
 * hir_opt.c, hir_print.c) and the back end (compiler/hir_lower.c, lir*, x86.cpp). See docs/JIT.md.
 *
 * ---- What HIR is ----------------------------------------------------------------------------------
 * One function's bytecode in SSA form over its control-flow graph, with types from the interpreter's
 * feedback. Every instruction defines at most one value (an SSA value is named by the instruction's
 * index, a kr_hir_ref; 0 means "no value"). A value has a representation (rep) and a type:
 *   KR_HIR_TAGGED  a kr_value (vm/value.h): small int, immediate or heap pointer;
 *   KR_HIR_DOUBLE  a raw double (an unboxed Python float);
 *   KR_HIR_RAW     a machine word that is no Python value (STEP's next-pc result).
 *
 * ---- The frame is the home of every Python variable ---------------------------------------------
 * Compiled code runs on the interpreter's own frame (vm/frame.h): f->slots[0..nslots). At each point of
 * the function every bytecode slot is either
 *   CLEAN: f->slots[i] in memory holds the slot's current value, or
 *   DIRTY: the current value is an SSA value held in a register / spill slot only, and memory holds an
 *          older (but still valid) value.
 * INVARIANT (GC safety): only values that are never heap pointers may be dirty: TAGGED values whose
 * type is within KR_HT_IMMEDIATE (small int, bool, None, unbound, null) and DOUBLE values. A TAGGED
 * value that may be a pointer is stored to its slot (STORE_SLOT) as soon as the bytecode writes it
 * ("write-through"). So at every safepoint the collector finds every live heap reference in frame
 * memory, and a stale value left in memory is harmless (it was valid and stays rooted by that slot).
 * Optimisations must not keep a pointer value alive in a register past the point where its slot is
 * overwritten (no CSE of pointer loads across slot writes).
 *
 * A frame state (kr_hir_fs) lists the dirty slots at a point and the bytecode pc to resume at. Every
 * instruction that can leave compiled code (a guard's deopt, an exception) names one; the back end
 * writes those values back (boxing doubles) and returns to the interpreter (compiler/jit_rt.h).
 *
 * ---- Generic operations: STEP -----------------------------------------------------------------------
 * A bytecode instruction the builder does not specialise becomes STEP(pc): compiled code calls
 * kr_interp_step(vm, f, ip), which runs that one instruction with the interpreter's own code on the
 * frame's memory, and returns the pc to continue at (NULL: exception). Before a STEP the builder
 * flushes every dirty slot (STORE_SLOT, boxing doubles with BOX_FLOAT), so the step's frame state has
 * no dirty slots; after it, every slot the instruction may write is CLEAN and must be re-read with
 * LOAD_SLOT (kr_bytecode_writes() in compiler/jit_rt.h says which). Everything that is not specialised
 * works this way, so any function can be compiled.
 *
 * ---- Generators -------------------------------------------------------------------------------------
 * A generator's code compiles like a function's with one more kind of entry: the pc after each YIELD
 * (where the interpreter or a later compiled entry resumes the frame; the sender has stored the sent
 * value in s[A] by then, and every slot is read from memory, as at an OSR entry). YIELD is a
 * terminator: RETURN with imm = resume pc + 1, after a full flush, so a suspended frame is always
 * complete in memory and any resumption (send in compiled code, throw() in the interpreter) may
 * continue it. YIELD_FROM at pc p is a CALL_RT YIELD_FROM after a full flush (compiler/jit_rt.h),
 * whose KR_UNBOUND result (the delegate finished) continues at p + 1 and any other value is yielded
 * by RETURN with imm = p + 1: the frame resumes at the YIELD_FROM, which re-runs; p and p + 1 are
 * entries. vm/interp.c enters compiled code at kr_interp_resume (counting
 * resumptions toward the threshold) and by OSR, and tells a yield from a return by vm->jit_yielded.
 * Two cheaper forms:
 *  - CALL_RT: an instruction whose interpreter behaviour is one call of a runtime function on its
 *    operands' values (BINARY_OP, COMPARE_OP, CONTAINS_OP, GET_ITEM, SET_ITEM, LOAD_ATTR, STORE_ATTR,
 *    UNARY_OP when not specialised; LIST_APPEND, SET_ADD, MAP_ADD) calls it directly with the values in registers. Nothing is flushed:
 *    the function only sees its operands (pointers are in memory anyway: write-through; a dirty double
 *    operand is boxed and the box written to its slots first), the exit of its frame state writes the
 *    dirty slots back when it raises, and its result is an SSA value written to s[A] like any other.
 *  - STEP of CALL / CALL_METHOD: only the slots the call reads (callee, self, arguments) and the locals
 *    and cells ([0, nlocals + ncells): a called builtin such as locals() or super() reads them from the
 *    caller's frame) are flushed. Other dirty temporaries stay dirty across the call, in its frame
 *    state (written back if the call raises or leaves a callee frame to the interpreter); nothing but
 *    bytecode reads a temporary. Only s[A] is re-read afterwards (kr_bytecode_writes).
 *
 * ---- Entries -------------------------------------------------------------------------------------
 * Block 0 is the entry block; its terminator ENTRY has one successor per entry pc (imm of each entry
 * in func->entry_pcs): pc 0 (a call) and the header of each loop (OSR). Before ENTRY it may hold
 * LOAD_SLOTs of slots no instruction writes (the cells, see LOAD_CELL), whose values are then the same
 * on every entry and available in every block; nothing else (no exit could name a resume pc there). Compiled code is called as
 * kr_jit_fn(vm, f, entry_pc) with every slot CLEAN (in memory); a missing entry pc is a bug.
 * Exception handlers are never compiled: an exception leaves compiled code (the interpreter unwinds),
 * so blocks only reachable through code->exctab are absent.
 */
#ifndef KRAIT_HIR_H
#define KRAIT_HIR_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "vm/code.h"

typedef uint32_t kr_hir_ref; /* index into func->insns; 0 = none */

typedef enum kr_hir_rep { KR_HIR_TAGGED, KR_HIR_DOUBLE, KR_HIR_RAW } kr_hir_rep;

/* The type lattice: a set of possible exact types (bit set; join = |). A TAGGED value of type
 * KR_HT_SMALLINT is a small int (kr_is_small), KR_HT_FLOAT an exact float object (DOUBLE values have
 * type KR_HT_FLOAT too), KR_HT_LIST an exact list, and so on; subclasses are KR_HT_OBJECT. */
enum kr_hir_type_bits {
    KR_HT_SMALLINT = 1u << 0,
    KR_HT_BIGINT = 1u << 1,   /* exact int, heap */
    KR_HT_FLOAT = 1u << 2,
    KR_HT_BOOL = 1u << 3,     /* KR_TRUE / KR_FALSE */
    KR_HT_NONE = 1u << 4,
    KR_HT_STR = 1u << 5,
    KR_HT_LIST = 1u << 6,
    KR_HT_TUPLE = 1u << 7,
    KR_HT_DICT = 1u << 8,
    KR_HT_FUNC = 1u << 9,     /* a Python function object */
    KR_HT_OBJECT = 1u << 10,  /* anything else (instances, types, ...) */
    KR_HT_UNBOUND = 1u << 11, /* KR_UNBOUND (an unassigned local) */
    KR_HT_NULL = 1u << 12,    /* KR_NULL (LOAD_METHOD's "no self") */
    KR_HT_ANY = (1u << 13) - 1,
    /* never heap pointers: may be dirty (see the invariant above) */
    KR_HT_IMMEDIATE = KR_HT_SMALLINT | KR_HT_BOOL | KR_HT_NONE | KR_HT_UNBOUND | KR_HT_NULL,
};

/* X(NAME, "semantics"). aN = args[N]; every op that names a frame state (fs >= 0) may leave compiled
 * code there. "deopt" = leaves through the frame state without an exception; "exc" = with one. */
#define KR_HIR_OPS(X) \
    /* ---- values ---- */ \
    X(CONST,        "TAGGED: the constant `value` (kept alive by the code object: consts or feedback). Constants have no place: available in every block (the back end materialises them at each use)") \
    X(CONST_DOUBLE, "DOUBLE: the constant `dvalue` (no place either)") \
    X(LOAD_SLOT,    "TAGGED: f->slots[imm] from memory (the slot must be CLEAN here)") \
    X(STORE_SLOT,   "f->slots[imm] = a0 (TAGGED); makes the slot CLEAN") \
    X(PHI,          "one arg per predecessor of its block, in block->preds order; phis come first in a block") \
    /* ---- guards: result = a0 with a narrower type; deopt on failure ---- */ \
    X(GUARD_TYPE,   "TAGGED: a0 if its exact type is within imm (kr_hir_type_bits), else deopt") \
    X(GUARD_IS,     "TAGGED: a0 if a0 == value (identity), else deopt") \
    X(GUARD_NOT_UNBOUND, "TAGGED: a0 if a0 != KR_UNBOUND, else deopt (the interpreter raises UnboundLocalError)") \
    /* ---- small ints (TAGGED, type SMALLINT; tagged arithmetic as in vm/value.h) ---- */ \
    X(INT_BINOP,    "TAGGED SMALLINT: a0 <imm> a1, imm an enum kr_binop among ADD SUB MUL FLOORDIV MOD AND OR XOR LSHIFT RSHIFT; deopt on overflow of 63 bits, a zero divisor, a negative or too large shift") \
    X(INT_NEG,      "TAGGED SMALLINT: -a0; deopt on overflow") \
    X(INT_INVERT,   "TAGGED SMALLINT: ~a0") \
    X(INT_CMP,      "TAGGED BOOL: a0 <imm> a1, imm an enum kr_cmpop") \
    X(INT_TO_DOUBLE,"DOUBLE: (double)a0, a0 a SMALLINT (round to nearest even, as Python)") \
    /* ---- floats (DOUBLE) ---- */ \
    X(UNBOX_FLOAT,  "DOUBLE: the value of float object a0 (type FLOAT)") \
    X(BOX_FLOAT,    "TAGGED FLOAT: a new float object for a0; allocates but never collects; exc on MemoryError (fs)") \
    X(FLOAT_BINOP,  "DOUBLE: a0 <imm> a1, imm among ADD SUB MUL TRUEDIV POW; TRUEDIV deopts when a1 == 0.0; POW (a call of kr_jit_rt_float_pow, which never allocates) deopts where float ** raises (0.0 to a negative power, a negative base to a non-integer power, overflow), and the interpreter raises") \
    X(FLOAT_NEG,    "DOUBLE: -a0") \
    X(FLOAT_CMP,    "TAGGED BOOL: a0 <imm> a1 (kr_cmpop; NaN compares false except NE)") \
    /* ---- booleans and identity ---- */ \
    X(IS,           "TAGGED BOOL: a0 is a1 (imm 1: is not)") \
    X(NOT,          "TAGGED BOOL: not a0 (a0 BOOL)") \
    X(TRUTHY,       "TAGGED BOOL: bool(a0); inline for SMALLINT/BOOL/NONE/FLOAT/STR/LIST/TUPLE/DICT types, else a call to kr_jit_rt_truthy (may run Python: a safepoint; exc)") \
    /* ---- iteration ---- */ \
    X(RANGE_NEXT,   "counted range loop (vm/bytecode.h, GET_ITER): a0 = current, a1 = stop, a2 = step (all SMALLINT); result TAGGED BOOL: there is a next item (step > 0 ? a0 < a1 : a0 > a1)") \
    /* ---- globals, attributes, items (round 2; see the notes after this table) ---- */ \
    X(GUARD_DICT_VERSION, "the dict `value` has keys version imm (kr_dict_keys_version), and when imm2 is 1 f->globals / when imm2 is 2 f->builtins is that dict; else deopt (reason GLOBAL)") \
    X(LOAD_ADDR,    "TAGGED: *(kr_value *)imm (a dict value slot from kr_dict_lookup_slot, valid under a preceding GUARD_DICT_VERSION of its dict)") \
    X(GUARD_SHAPE,  "TAGGED OBJECT: a0 if it is a heap object whose type is (kr_type *)value with type->version == imm and, when imm2 != 0, which is a kr_instance with shape == (kr_shape *)imm2; else deopt (reason SHAPE)") \
    X(LOAD_INST_SLOT, "TAGGED: ((kr_instance *)a0)->slots[imm] (a0 passed a GUARD_SHAPE whose shape has more than imm attributes)") \
    X(STORE_INST_SLOT, "((kr_instance *)a0)->slots[imm] = a1 (TAGGED), then the write barrier (kr_gc_barrier)") \
    X(LIST_GET,     "TAGGED: a0[a1], a0 an exact list, a1 a SMALLINT (negative: counts from the end); out of range: deopt (reason BOUNDS: the interpreter raises IndexError)") \
    X(TUPLE_GET,    "TAGGED: a0[a1] for an exact tuple a0, as LIST_GET") \
    X(LIST_SET,     "a0[a1] = a2 for an exact list, as LIST_GET; then the write barrier") \
    X(LEN,          "TAGGED SMALLINT: len(a0), a0's type within STR|LIST|TUPLE|DICT (code points for str)") \
    /* ---- cells (LOAD_DEREF / STORE_DEREF; vm/function.h's kr_cell) ---- */ \
    X(LOAD_CELL,    "TAGGED: the contents of cell a0 (a kr_cell: the value of a cell slot); an empty cell (KR_UNBOUND) deopts (reason UNBOUND) to the LOAD_DEREF, which the interpreter re-runs to raise its UnboundLocalError / NameError") \
    X(STORE_CELL,   "cell a0's contents = a1 (TAGGED), then the write barrier (kr_cell_set's kr_gc_barrier)") \
    /* ---- runtime ---- */ \
    X(STEP,         "RAW: kr_interp_step(vm, f, insns + imm); the next pc as a pointer; exc when NULL (fs: no dirty slots, except temporaries the instruction does not read for CALL / CALL_METHOD, see above). A safepoint. CALL / CALL_METHOD with `value` a function: the call site's one callee, which the back end may call directly (see DIRECT CALLS)") \
    X(CALL_RT,      "TAGGED: a direct call of runtime function imm (enum kr_jit_rt_fn: compiler/jit_rt.h's table says which bytecode it implements) with vm, the args (TAGGED, kr_jit_rt_nvalues(imm) of them) and the immediate imm2 as the table's signature orders them. VALUE functions: the result (type ANY but UNBOUND/NULL unless the builder knows better); exc when KR_NULL (LOAD_DEREF: a deopt, reason UNBOUND, when no exception is pending). STATUS functions: TAGGED BOOL (status != 0); exc when < 0. May run Python: a safepoint that clobbers guards. Its fs is the state before the instruction and MAY have dirty slots (no flush: see the notes below); nothing is re-read after it") \
    X(POLL,         "loop back-edge: if vm->interrupt is set or the GC's allocation debt is due, call kr_jit_rt_poll (a safepoint; exc: KeyboardInterrupt)") \
    /* ---- terminators (last in their block) ---- */ \
    X(ENTRY,        "block 0 only: jump to succs[i] when called with entry pc func->entry_pcs[i]") \
    X(JUMP,         "to succs[0]") \
    X(BRANCH,       "a0 (TAGGED BOOL): KR_TRUE -> succs[0], KR_FALSE -> succs[1]") \
    X(BRANCH_PC,    "a0 (STEP's result): == insns + imm -> succs[0], else succs[1]") \
    X(RETURN,       "return a0 (TAGGED) from the function (the frame stays linked: the caller pops it). imm > 0: a generator's YIELD instead: f->pc = insns + imm - 1 (the resume point, one of the entries), vm->jit_yielded = 1, every slot in memory") \
    X(DEOPT,        "leave unconditionally through fs (a path the builder does not compile)") \
    /* ---- __slots__ members (appended: vm/type.h's member descriptors address them by byte offset) ---- */ \
    X(LOAD_FIELD,   "TAGGED: *(kr_value *)(a0 + imm), a0 a heap object (after a GUARD_SHAPE of a class whose instances have that word); an unset member (KR_NULL) deopts (reason UNBOUND) to the LOAD_ATTR, which the interpreter re-runs to raise its AttributeError") \
    X(STORE_FIELD,  "*(kr_value *)(a0 + imm) = a1 (TAGGED), then the write barrier (kr_gc_barrier)") \
    /* ---- induction variables (hir_opt.c's strength reduction of `iv % C`) ---- */ \
    X(INT_MOD_STEP, "TAGGED SMALLINT: (a0 + imm) mod imm2, for a0 in [0, imm2) and 0 < |imm| < imm2 < 2**29: one add and one conditional correction, never a deopt") \
    X(GUARD_INT_RANGE, "TAGGED SMALLINT: a0 (a SMALLINT) if imm <= a0 <= imm2, else deopt (reason LOOP_BOUNDS): a counted loop's entry bounds, which let its body's arithmetic on the counter go unchecked (hir_opt.c)") \
    /* ---- inlined calls (hir_build.c's inline_call) ---- */ \
    X(GUARD_DEPTH,  "no value: deopt (reason RECURSION) when vm->depth >= vm->recursion_limit, where the call an inlined body stands for would raise RecursionError (the interpreter then makes that call)") \
    /* ---- counted loop exit values (hir_opt.c's loop_exit_values) ---- */ \
    X(RANGE_PREV,   "TAGGED: a2 when a0 == a1, else a0 - imm (a0, a1 SMALLINT; imm a nonzero small int, |imm| < 2**29): the value a counted range loop last gave its variable, read where the loop exits: a0 its counter, a1 the counter's value where the loop was entered, a2 the variable's value before the loop")

enum kr_hir_op {
#define KR_HIR_OP_ENUM(name, doc) KR_HIR_##name,
    KR_HIR_OPS(KR_HIR_OP_ENUM)
#undef KR_HIR_OP_ENUM
    KR_HIR_OP_COUNT
};
extern const char *const kr_hir_op_names[KR_HIR_OP_COUNT];

/* Round-2 specialisations, from the interpreter's inline caches (vm/code.h's kr_fb):
 *  - LOAD_GLOBAL whose entry is filled: GUARD_DICT_VERSION(globals, kv, imm2 = 1) and, for a builtin,
 *    GUARD_DICT_VERSION(builtins, kv, imm2 = 2), then LOAD_ADDR(entry.slot). A global that is called
 *    with a callee seen at that call site may add GUARD_IS on the loaded value.
 *  - LOAD_ATTR with KR_FB_ATTR_SHAPE_SLOT: GUARD_SHAPE(obj; type, version, shape) + LOAD_INST_SLOT(index);
 *    KR_FB_ATTR_TYPE_VALUE: GUARD_SHAPE (shape when the entry has one) + CONST(value).
 *  - STORE_ATTR with KR_FB_ATTR_SHAPE_SLOT: GUARD_SHAPE + STORE_INST_SLOT.
 *  - LOAD_ATTR / STORE_ATTR with KR_FB_ATTR_MEMBER_SLOT: GUARD_SHAPE(obj; type, version, imm2 = 0: a
 *    member descriptor wins over any instance attribute, so the shape does not matter) + LOAD_FIELD /
 *    STORE_FIELD at the member's byte offset.
 *  - LOAD_METHOD with KR_FB_ATTR_METHOD: GUARD_SHAPE, then s[A] = CONST(function), s[A+1] = obj.
 *  - GET_ITEM / SET_ITEM with list (tuple) and small-int feedback: guards + LIST_GET / TUPLE_GET / LIST_SET.
 *  - CALL of the builtin len (GUARD_IS on the loaded global) with one argument of a known sized type: LEN.
 *  - LOAD_DEREF / STORE_DEREF: LOAD_CELL / STORE_CELL on the cell. Cell slots [nlocals, nlocals + ncells)
 *    are filled on frame entry and no instruction writes them, so the builder loads each cell slot the
 *    function uses once, in block 0 before ENTRY (it dominates every block), and uses that value
 *    everywhere; a cell is a heap object kept alive by its slot, and the collector does not move.
 * Values in vm/code.h's feedback are kept alive by the code object while the entry holds them, and
 * compiled code pins every heap value it embeds (CONST, GUARD_IS, a STEP's callee; kr_jit_code.pinned,
 * marked through the code object), since an interpreted run after a deopt may overwrite the entry; a
 * shape is reachable from its class, which the type guard's constant is.
 *
 * DIRECT CALLS: a STEP of CALL / CALL_METHOD whose site saw one Python function (`value`), or several
 * closures of one def (imm2 & KR_HIR_STEP_BY_CODE), whose frame needs only its positional parameters
 * (passed, or from its defaults), up to KR_HIR_DIRECT_CALL_MAX_CELLS new cells and its free variables
 * (no keywords, *args or **kwargs, not a generator), is lowered to an inline call: compiled code checks
 * that the callee slot still holds that function at the same version (or a function of that code),
 * that the callee is compiled, and the recursion, stack and C-depth limits, then builds the callee's
 * frame as vm/interp.c's frame_bind + frame_link do and calls its compiled entry; any check failing
 * takes the ordinary STEP (kr_interp_step_call). The STEP's contract is unchanged: a safepoint,
 * the result in s[A], NULL when the call raised. A site that saw functions of a few code objects
 * (KR_HIR_STEP_POLY) gets one such call per code, guarded on it, tried in turn before the STEP. */

/* INT_BINOP imm2: an ADD that is a counted range loop's increment (hir_build.c's for_iter): a0 is the
 * current value, which RANGE_NEXT just found before the stop (a small int), a1 the step. With a step of
 * 1 (or -1) the sum is at most the stop (at least the stop) and cannot overflow: no deopt then; nor
 * when a constant stop bounds it (hir_lower.c's range_step_fits). */
#define KR_HIR_INT_RANGE_STEP 1
/* INT_BINOP imm2: an ADD, SUB or MUL of a counted loop's counter and a constant (|c| < 2**30) that the
 * loop's bounds keep within the small ints (hir_opt.c's loop range analysis, with GUARD_INT_RANGE at the
 * loop entries): no frame state, no deopt. */
#define KR_HIR_INT_NO_OVERFLOW 2

/* STEP imm2 flags: a direct call guarded on the code object (DIRECT CALLS); a call site that had never
 * run when compiled (compiler/jit.h, kr_jit_call_site_matured). */
#define KR_HIR_STEP_BY_CODE 1
#define KR_HIR_STEP_UNPROFILED 2
#define KR_HIR_STEP_CMETHOD 4 /* `value` is a C method descriptor called with self directly */
/* `value` is a builtin function (a kr_cfunction that takes no self: no owner, or a static method, and
 * no module state) called directly as fn(vm, args, nargs, KR_NULL); a CALL_METHOD's null slot (a
 * function loaded from a module) is checked */
#define KR_HIR_STEP_CFUNC 16
/* `value` is int, str or float, whose call is its new_ alone (type_call: object's __init__), called
 * directly as new_(vm, type, args, nargs, KR_NULL) */
#define KR_HIR_STEP_CTYPE 32
/* `value` is a class whose call is object.__new__ (or BaseException's) and then its Python __init__ (codes[0], a function
 * with no cells of its own): compiled code checks the class and its version and the function's version,
 * allocates the instance with the class's new_ into the callee slot and calls __init__'s compiled entry
 * directly with it as self (DIRECT CALLS); the instance stays the result, and an __init__ that returns
 * anything but None raises as call_class_init does */
#define KR_HIR_STEP_CLASS 64
/* the direct calls of C code: `value` is no Python function (no code object to pin or guard) */
#define KR_HIR_STEP_C_CALL (KR_HIR_STEP_CMETHOD | KR_HIR_STEP_CFUNC | KR_HIR_STEP_CTYPE)
/* A polymorphic site (vm/code.h's KR_FB_CALL_CODES): besides `value`'s code (KR_HIR_STEP_BY_CODE is
 * set too), functions of the code objects in `codes` are called directly, each guarded on its code:
 * the callee's code selects one of up to KR_FB_CALL_WAYS inline calls, tried in order. */
#define KR_HIR_STEP_POLY 8
#define KR_HIR_POLY_CODES (KR_FB_CALL_WAYS - 1)

/* A direct call's callee frame size limit: its slots are filled by straight-line stores. */
#define KR_HIR_DIRECT_CALL_MAX_SLOTS 64
/* ... and the cells it may create (each a new kr_cell, from the collector's pool or a runtime call). */
#define KR_HIR_DIRECT_CALL_MAX_CELLS 4

/* Deopt reasons (for --jit-stats): what a guard checks. */
#define KR_DEOPT_REASONS(X) \
    X(TYPE, "type guard") \
    X(IDENTITY, "identity guard") \
    X(UNBOUND, "unbound local") \
    X(OVERFLOW, "int overflow") \
    X(ZERO_DIV, "division by zero") \
    X(SHIFT, "shift count") \
    X(UNCOMPILED, "uncompiled path") \
    X(GLOBAL, "global or builtin changed") \
    X(SHAPE, "class or shape changed") \
    X(BOUNDS, "index out of range") \
    X(FLOAT_POW, "float ** error") \
    X(LOOP_BOUNDS, "loop bounds") \
    X(RECURSION, "recursion limit at an inlined call")
enum kr_deopt_reason {
#define KR_DEOPT_ENUM(name, doc) KR_DEOPT_##name,
    KR_DEOPT_REASONS(KR_DEOPT_ENUM)
#undef KR_DEOPT_ENUM
    KR_DEOPT_COUNT
};
extern const char *const kr_deopt_reason_names[KR_DEOPT_COUNT];

/* A frame state: the dirty slots and their values, and where the interpreter resumes (for a guard,
 * the pc of the bytecode instruction it protects, which the interpreter then runs itself; for an
 * exception, the instruction that raised). */
typedef struct kr_hir_fs_entry {
    uint32_t slot;
    kr_hir_ref value; /* TAGGED with type within KR_HT_IMMEDIATE, or DOUBLE */
} kr_hir_fs_entry;

typedef struct kr_hir_fs {
    uint32_t pc;
    uint32_t ndirty;
    kr_hir_fs_entry *dirty; /* sorted by slot */
} kr_hir_fs;

typedef struct kr_hir_insn {
    uint16_t op;       /* enum kr_hir_op */
    uint8_t rep;       /* enum kr_hir_rep of the result (TAGGED when the op has none) */
    uint8_t reason;    /* enum kr_deopt_reason of a guard / deopting op */
    uint32_t type;     /* kr_hir_type_bits of the result */
    uint32_t block;
    uint32_t pc;       /* bytecode pc it comes from (line numbers, dumps) */
    uint32_t nargs;
    kr_hir_ref *args;
    int64_t imm;
    kr_value value;    /* CONST, GUARD_IS; STEP: a direct call's callee (DIRECT CALLS) or KR_NULL */
    kr_value codes[KR_HIR_POLY_CODES]; /* STEP with KR_HIR_STEP_POLY: further code objects whose
                                        * functions are called directly too (KR_NULL: unused) */
    double dvalue;     /* CONST_DOUBLE */
    int64_t imm2;      /* a second immediate (GUARD_DICT_VERSION, GUARD_SHAPE, CALL_RT; STEP: flags below) */
    int32_t fs;        /* index into func->fss, -1 = none */
    uint32_t nuses;    /* kr_hir_count_uses */
    bool dead;         /* removed by an optimisation (skip it) */
} kr_hir_insn;

typedef struct kr_hir_block {
    uint32_t pc;            /* bytecode pc of its first instruction; UINT32_MAX for synthetic blocks */
    kr_hir_ref *insns;      /* phis first, one terminator last */
    uint32_t ninsns, cap;
    uint32_t *preds;        /* predecessor block ids (a PHI's args follow this order) */
    uint32_t npreds, predcap;
    uint32_t *succs;        /* successor block ids (the terminator's targets, in its order) */
    uint32_t nsuccs, succcap;
    uint32_t loop_depth;    /* 0 outside loops (kr_hir_compute_loops) */
    bool loop_header;
} kr_hir_block;

typedef struct kr_hir_func {
    kr_vm *vm;
    kr_code *code;
    kr_hir_insn *insns;     /* insns[0] is unused (ref 0 = none) */
    uint32_t ninsns, insncap;
    kr_hir_block *blocks;   /* block 0 is the entry */
    uint32_t nblocks, blockcap;
    kr_hir_fs *fss;
    uint32_t nfs, fscap;
    uint32_t *entry_pcs;    /* one per successor of block 0's ENTRY */
    uint32_t nentries;
    char error[160];        /* why building or lowering refused (for --jit-stats) */
} kr_hir_func;

/* ---- construction (compiler/hir.c). All memory is malloc'd and owned by the func. ----------- */
/* Grows a malloc'd array *arr of esz-byte elements so that it holds at least n (capacity doubling);
 * -1 when out of memory (the array is unchanged). Also the LIR's (compiler/lir.c). */
int kr_hir_grow(void **arr, uint32_t *cap, uint32_t n, size_t esz);
kr_hir_func *kr_hir_new(kr_vm *vm, kr_code *code);  /* NULL when out of memory */
void kr_hir_free(kr_hir_func *fn);
uint32_t kr_hir_add_block(kr_hir_func *fn, uint32_t pc);
void kr_hir_add_edge(kr_hir_func *fn, uint32_t pred, uint32_t succ); /* appends to succs and preds */
/* Appends an instruction to block b; returns its ref. args are copied. */
kr_hir_ref kr_hir_emit(kr_hir_func *fn, uint32_t b, enum kr_hir_op op, kr_hir_rep rep, uint32_t type,
                       const kr_hir_ref *args, uint32_t nargs, int64_t imm);
/* Inserts a PHI at the end of b's phi group (args filled later with kr_hir_set_args). */
kr_hir_ref kr_hir_insert_phi(kr_hir_func *fn, uint32_t b, kr_hir_rep rep, uint32_t type);
/* Inserts an instruction at the start of b, after its phis. */
kr_hir_ref kr_hir_insert_after_phis(kr_hir_func *fn, uint32_t b, enum kr_hir_op op, kr_hir_rep rep, uint32_t type,
                                    const kr_hir_ref *args, uint32_t nargs, int64_t imm);
/* Inserts an instruction before b's terminator (e.g. a LOAD_SLOT feeding a successor's phi). */
kr_hir_ref kr_hir_insert_before_end(kr_hir_func *fn, uint32_t b, enum kr_hir_op op, kr_hir_rep rep,
                                    uint32_t type, const kr_hir_ref *args, uint32_t nargs, int64_t imm);
void kr_hir_set_args(kr_hir_func *fn, kr_hir_ref ref, const kr_hir_ref *args, uint32_t nargs);
int32_t kr_hir_add_fs(kr_hir_func *fn, uint32_t pc, const kr_hir_fs_entry *dirty, uint32_t ndirty);
int kr_hir_refuse(kr_hir_func *fn, const char *fmt, ...); /* sets fn->error, returns -1 */
/* Number of uses; loop headers and depths (back-edges = edges to a dominator); reverse post order. */
void kr_hir_count_uses(kr_hir_func *fn);
void kr_hir_compute_loops(kr_hir_func *fn);
/* Checks the SSA invariants (defs dominate uses, phi arity, one terminator per block, frame-state
 * values dirty-capable, reps of args as each op wants). 0 or -1 with fn->error. */
int kr_hir_verify(kr_hir_func *fn);

/* ---- builder, optimiser, printer ----------------------------------------------------------- */
/* Builds fn from fn->code and its feedback (compiler/hir_build.c). 0, or -1 with fn->error. */
int kr_hir_build(kr_hir_func *fn);
/* Type propagation, constant folding, redundant guard elimination, dead code (compiler/hir_opt.c). */
void kr_hir_optimize(kr_hir_func *fn);
/* Text form for --jit-dump and tests (compiler/hir_print.c). */
void kr_hir_print(FILE *out, const kr_hir_func *fn);

#endif
