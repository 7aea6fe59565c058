/* bytecode.h: Krait's register bytecode. STABLE: the contract between the compiler (vm/compile.c), the
 * interpreter (vm/interp.c), the disassembler (vm/dis.c) and the JIT (compiler/). Change it only by
 * appending opcodes at the end of KR_OPCODES and documenting them.
 *
 * ---- Model ----------------------------------------------------------------------------------------
 * Register machine in the style of Lua 5: a code object has a fixed number of slots (code->nslots);
 * instructions read and write slots by index. Slot layout of every frame (see vm/code.h):
 *
 *     [0, nlocals)                 local variables: parameters first (argcount + kwonlyargcount, then
 *                                  *args, then **kwargs), then other locals
 *     [nlocals, +ncellvars)        cells of variables captured by inner functions (slots hold kr_cell)
 *     [.., +nfreevars)             cells captured from the enclosing function (from __closure__)
 *     [ncells_end, nslots)         temporaries, allocated by the compiler stack-like
 *
 * The interpreter creates the cellvar cells and loads the freevar cells on frame entry (a cellvar that
 * is also a parameter starts with the argument's value, see code->cell2arg), so the compiler emits no
 * cell-creating instruction. LOAD_DEREF/STORE_DEREF name the cell's slot.
 * All other slots start as KR_UNBOUND. Instructions other than CHECK_LOCAL/DELETE_FAST/MOVE must never
 * read an unbound slot: when the compiler cannot prove that a local is assigned (parameters always are;
 * a local assigned earlier on every path is), it emits CHECK_LOCAL before the first use on that path.
 *
 * ---- Encoding -------------------------------------------------------------------------------------
 * An instruction is one or two 64-bit words (kr_insn). The first word:
 *
 *     bits  0..7   op     (enum kr_opcode)
 *     bits  8..15  X      8-bit sub-operand (binop kind, compare kind, flags)
 *     bits 16..31  A      16-bit unsigned (usually the destination slot)
 *     bits 32..47  B      16-bit unsigned
 *     bits 48..63  C      16-bit unsigned
 *     Bx = B | C << 16    32-bit unsigned (constant / name index, jump target)
 *
 * Instructions whose length is 2 (KR_OPCODES' third column) have a second word, the "cache word":
 *     bits  0..31  the feedback-vector index of this site (filled by kr_code_new: compiler emits 0)
 *     bits 32..63  an extra 32-bit operand (E), e.g. FOR_ITER's exit target
 * Jump targets are absolute word indices (pc) into code->insns and always point at the first word of
 * an instruction. A program counter "pc" is a word index.
 *
 * Constants: code->consts[i] (tuple). Names: code->names[i] (tuple of interned str), used by global,
 * attribute, import and LOAD_NAME-family instructions. kwnames operands (K) are constant indices + 1 of
 * a tuple of interned str, 0 meaning "no keyword arguments".
 *
 * ---- Control flow (for the JIT) --------------------------------------------------------------------
 * Block boundaries: jump targets, exception handlers (code->exctab), instructions after any jump,
 * RETURN*, RAISE, RERAISE. The only backward jumps are JUMP_BACKWARD (loop back-edges; its target is
 * the loop header); FOR_ITER is the loop's exit test. Exceptions use a zero-cost table (vm/code.h).
 *
 * `for x in range(...)`: GET_ITER A B reserves slots A, A+1, A+2. If slot[B] is exactly a range with
 * small-int start/stop/step, GET_ITER stores slot[A] = current (a small int), slot[A+1] = stop,
 * slot[A+2] = step: a "counted loop" state. Otherwise slot[A] = iter(slot[B]) (never a small int) and
 * A+1, A+2 are set to None. FOR_ITER tests kr_is_small(slot[A]) to pick the counted path. The JIT sees
 * the counted loop from GET_ITER's feedback (KR_FB_RANGE) and the three slots.
 *
 * ---- Exceptions and handlers -----------------------------------------------------------------------
 * On an exception at pc, the interpreter adds a traceback entry for the frame, then searches
 * code->exctab in order for the first entry with start <= pc < end; it stores the exception in slot
 * entry.slot and jumps to entry.handler (vm->handled_exc is NOT changed). The compiler lists inner
 * (nested) ranges before outer ones. A typical `try: body except E as e: h`:
 *
 *     body...                          ; covered by entry {body range -> H, slot X}
 *     JUMP done
 *   H:
 *     PUSH_EXC_INFO S X                ; S = previously handled exc, handled := X
 *     CHECK_EXC_MATCH T X E            ; covered by {H.. -> CLEANUP, slot X2}
 *     JUMP_IF_FALSE T NOMATCH
 *     MOVE e X ; h... ; POP_EXCEPT S ; JUMP done
 *   NOMATCH:
 *     RERAISE X                        ; still covered by the cleanup entry
 *   CLEANUP:                           ; exception X2 raised while handling
 *     POP_EXCEPT S
 *     RERAISE X2
 *   done:
 *
 * `finally` is duplicated on normal paths by the compiler; on the exception path its handler stores the
 * exception, runs the final body (under PUSH_EXC_INFO/POP_EXCEPT) and ends with RERAISE.
 * `with`: BEFORE_WITH, body, WITH_EXIT on the normal path; the handler does PUSH_EXC_INFO, WITH_EXCEPT,
 * JUMP_IF_TRUE (suppress: POP_EXCEPT and continue) else RERAISE (via a cleanup entry restoring S).
 * A frame that returns restores vm->handled_exc to its value at frame entry, so `return` inside an
 * except block need not (but may) emit POP_EXCEPT.
 *
 * ---- Functions, comprehensions, classes -------------------------------------------------------------
 * Comprehensions and generator expressions are nested functions (CPython <= 3.11 style): the code takes
 * one positional parameter ".0", an iterator over the first iterable. The caller evaluates the first
 * iterable, does `GET_ITER(X=KR_ITER_PLAIN) t, iterable` (s[t] is then always a real iterator),
 * MAKE_FUNCTION and CALL with s[t] as the only argument. Inside, the loop over ".0" is an ordinary
 * GET_ITER/FOR_ITER (iter(iterator) is the iterator itself).
 * Class bodies are functions with flag KR_CODE_CLASSBODY, run by BUILD_CLASS with the namespace dict as
 * the frame's locals; they use LOAD_NAME/STORE_NAME (LOAD_CLASSDEREF for free variables) and, if the
 * class needs a __class__ cell, end with `STORE_NAME cellslot '__classcell__'` before RETURN_CONST None.
 * Module code (KR_CODE_MODULE) runs with locals == globals and uses LOAD_NAME or LOAD_GLOBAL/STORE_GLOBAL.
 */
#ifndef KRAIT_BYTECODE_H
#define KRAIT_BYTECODE_H

#include <stdint.h>

typedef uint64_t kr_insn;

/* Operand formats, for the disassembler and the JIT's decoder. */
enum kr_opfmt {
    KR_FMT_NONE, /* no operands */
    KR_FMT_A,    /* A */
    KR_FMT_AB,   /* A B */
    KR_FMT_ABC,  /* A B C */
    KR_FMT_ABx,  /* A Bx (Bx a constant/name index or a jump target; see the op) */
    KR_FMT_Bx    /* Bx */
};

/* X(NAME, format, words, "semantics"). slot[n] is written s[n]; K(i) = consts[i]; N(i) = names[i].
 * "fb" means the op records observed types in its feedback entry (see vm/code.h). */
#define KR_OPCODES(X) \
    X(NOP,            KR_FMT_NONE, 1, "no operation") \
    /* ---- moves and constants ---- */ \
    X(MOVE,           KR_FMT_AB,  1, "s[A] = s[B] (may copy KR_UNBOUND)") \
    X(LOAD_CONST,     KR_FMT_ABx, 1, "s[A] = K(Bx)") \
    X(LOAD_INT,       KR_FMT_ABx, 1, "s[A] = small int (int32_t)Bx") \
    X(LOAD_NONE,      KR_FMT_A,   1, "s[A] = None") \
    X(LOAD_BOOL,      KR_FMT_A,   1, "s[A] = X ? True : False") \
    X(CHECK_LOCAL,    KR_FMT_A,   1, "if s[A] is unbound: UnboundLocalError (name varnames[A])") \
    X(DELETE_FAST,    KR_FMT_A,   1, "check bound like CHECK_LOCAL, then s[A] = unbound") \
    /* ---- cells (s[B]/s[A] hold a kr_cell) ---- */ \
    X(LOAD_DEREF,     KR_FMT_AB,  1, "s[A] = cell s[B] contents; unbound: UnboundLocalError (cellvar) / NameError (freevar)") \
    X(STORE_DEREF,    KR_FMT_AB,  1, "cell s[A] contents = s[B]") \
    X(DELETE_DEREF,   KR_FMT_A,   1, "cell s[A] contents = unbound (error if already unbound)") \
    X(LOAD_CLASSDEREF,KR_FMT_ABC, 1, "s[A] = locals[N(C)] if present else cell s[B] contents (class bodies)") \
    /* ---- globals and names ---- */ \
    X(LOAD_GLOBAL,    KR_FMT_ABx, 2, "s[A] = globals[N(Bx)] or builtins[N(Bx)]; NameError. Cached: dict identity + keys versions (vm/code.h)") \
    X(STORE_GLOBAL,   KR_FMT_ABx, 1, "globals[N(Bx)] = s[A]") \
    X(DELETE_GLOBAL,  KR_FMT_Bx,  1, "del globals[N(Bx)]; NameError") \
    X(LOAD_NAME,      KR_FMT_ABx, 1, "s[A] = locals/globals/builtins[N(Bx)]; NameError") \
    X(STORE_NAME,     KR_FMT_ABx, 1, "locals[N(Bx)] = s[A]") \
    X(DELETE_NAME,    KR_FMT_Bx,  1, "del locals[N(Bx)]; NameError") \
    /* ---- attributes, items ---- */ \
    X(LOAD_ATTR,      KR_FMT_ABC, 2, "s[A] = s[B].N(C); inline cache") \
    X(STORE_ATTR,     KR_FMT_ABC, 2, "s[A].N(B) = s[C]; inline cache") \
    X(DELETE_ATTR,    KR_FMT_AB,  1, "del s[A].N(B)") \
    X(LOAD_METHOD,    KR_FMT_ABC, 2, "s[A], s[A+1] = (function, s[B]) for an unbound method N(C) found on the type, else (s[B].N(C), KR_NULL)") \
    X(GET_ITEM,       KR_FMT_ABC, 2, "s[A] = s[B][s[C]]; fb") \
    X(SET_ITEM,       KR_FMT_ABC, 2, "s[A][s[B]] = s[C]; fb") \
    X(DELETE_ITEM,    KR_FMT_AB,  1, "del s[A][s[B]]") \
    X(BUILD_SLICE,    KR_FMT_ABC, 1, "s[A] = slice(s[B], s[B+1]) if C == 2 else slice(s[B], s[B+1], s[B+2])") \
    /* ---- operators ---- */ \
    X(BINARY_OP,      KR_FMT_ABC, 2, "s[A] = s[B] <X> s[C]; X = enum kr_binop, | KR_BINOP_INPLACE for augmented assignment; fb") \
    X(UNARY_OP,       KR_FMT_AB,  1, "s[A] = <X> s[B]; X = enum kr_unop (NEG, POS, INVERT)") \
    X(UNARY_NOT,      KR_FMT_AB,  1, "s[A] = not s[B]") \
    X(COMPARE_OP,     KR_FMT_ABC, 2, "s[A] = s[B] <X> s[C]; X = enum kr_cmpop (rich result, not forced to bool); fb") \
    X(IS_OP,          KR_FMT_ABC, 1, "s[A] = (s[B] is s[C]) != X") \
    X(CONTAINS_OP,    KR_FMT_ABC, 1, "s[A] = (s[B] in s[C]) != X") \
    X(TO_BOOL,        KR_FMT_AB,  1, "s[A] = bool(s[B])") \
    /* ---- control flow ---- */ \
    X(JUMP,           KR_FMT_Bx,  1, "pc = Bx (forward or to a non-loop target)") \
    X(JUMP_BACKWARD,  KR_FMT_Bx,  2, "pc = Bx; loop back-edge: interrupt check, GC safepoint, back-edge counter (fb)") \
    X(JUMP_IF_FALSE,  KR_FMT_ABx, 1, "if not s[A]: pc = Bx") \
    X(JUMP_IF_TRUE,   KR_FMT_ABx, 1, "if s[A]: pc = Bx") \
    X(JUMP_IF_NONE,   KR_FMT_ABx, 1, "if s[A] is None: pc = Bx") \
    X(JUMP_IF_NOT_NONE,KR_FMT_ABx,1, "if s[A] is not None: pc = Bx") \
    X(GET_ITER,       KR_FMT_AB,  2, "iterator state in s[A..A+2] from iterable s[B] (counted range loop unless X & KR_ITER_PLAIN, see header); fb") \
    X(FOR_ITER,       KR_FMT_AB,  2, "s[B] = next item of iterator state s[A..A+2]; exhausted: pc = E (cache word's operand)") \
    /* ---- calls and functions ---- */ \
    X(CALL,           KR_FMT_ABC, 2, "s[A] = s[A](s[A+1] .. s[A+B]); C = kwnames K-index+1 (the last len(kwnames) args are keywords); call cache") \
    X(CALL_METHOD,    KR_FMT_ABC, 2, "after LOAD_METHOD A: s[A] = s[A](s[A+1] (if not KR_NULL), s[A+2] .. s[A+1+B]); C as CALL") \
    X(CALL_EX,        KR_FMT_ABC, 1, "s[A] = s[A](*s[B], **s[C]); X & 1: has **s[C] (else C ignored); s[B] any iterable") \
    X(MAKE_FUNCTION,  KR_FMT_ABx, 1, "s[A] = function(code K(Bx)); X flags KR_MKFN_*: extras read in order from s[A+1]..") \
    X(RETURN,         KR_FMT_A,   1, "return s[A]") \
    X(RETURN_CONST,   KR_FMT_Bx,  1, "return K(Bx)") \
    X(BUILD_CLASS,    KR_FMT_ABC, 1, "s[A] = class: body function s[A+1], name s[A+2], B bases s[A+3] .. s[A+2+B], then len(kwnames) keyword values; C = kwnames K-index+1 (metaclass= included)") \
    /* ---- generators ---- */ \
    X(YIELD,          KR_FMT_AB,  1, "yield s[B]; on resume s[A] = the sent value") \
    X(GET_YIELD_FROM_ITER, KR_FMT_AB, 1, "s[A] = s[B] if a generator else iter(s[B])") \
    X(YIELD_FROM,     KR_FMT_ABC, 1, "delegate to iterator s[B], sending s[A] (compiler sets it to None first); result of the sub-iterator -> s[C]. Re-executes itself while the delegate yields") \
    /* ---- building ---- */ \
    X(BUILD_TUPLE,    KR_FMT_ABC, 1, "s[A] = (s[B] .. s[B+C-1])") \
    X(BUILD_LIST,     KR_FMT_ABC, 1, "s[A] = [s[B] .. s[B+C-1]]") \
    X(BUILD_SET,      KR_FMT_ABC, 1, "s[A] = {s[B] .. s[B+C-1]}") \
    X(BUILD_MAP,      KR_FMT_ABC, 1, "s[A] = {s[B]: s[B+1], ..} (C pairs)") \
    X(BUILD_STRING,   KR_FMT_ABC, 1, "s[A] = s[B] + .. + s[B+C-1] (all str)") \
    X(FORMAT_VALUE,   KR_FMT_ABC, 1, "s[A] = format(conv(s[B]), s[C] if X & KR_FMT_HAS_SPEC else ''); conv = X & 3: 0 none, 1 str, 2 repr, 3 ascii") \
    X(LIST_APPEND,    KR_FMT_AB,  1, "s[A].append(s[B]) (s[A] is a list)") \
    X(SET_ADD,        KR_FMT_AB,  1, "s[A].add(s[B])") \
    X(MAP_ADD,        KR_FMT_ABC, 1, "s[A][s[B]] = s[C]") \
    X(LIST_EXTEND,    KR_FMT_AB,  1, "s[A].extend(s[B]); TypeError \"Value after * must be an iterable, not T\"; X & 1: building a call's *args, s[C] is the callee (\"f() argument after * must be an iterable, not T\")") \
    X(SET_UPDATE,     KR_FMT_AB,  1, "s[A] |= s[B]") \
    X(DICT_UPDATE,    KR_FMT_AB,  1, "s[A].update(s[B]) for {**x}; TypeError \"'T' object is not a mapping\"") \
    X(DICT_MERGE,     KR_FMT_ABC, 1, "like DICT_UPDATE for f(**x): s[C] is the callee, for messages; duplicate keys: TypeError") \
    X(LIST_TO_TUPLE,  KR_FMT_AB,  1, "s[A] = tuple(s[B]) (s[B] a list)") \
    X(UNPACK_SEQUENCE,KR_FMT_ABC, 1, "s[B] .. s[B+C-1] = s[A] (exactly C items)") \
    X(UNPACK_EX,      KR_FMT_ABC, 1, "a, *b, c = s[A]: C & 0xff before, C >> 8 after; targets s[B] .. s[B+before+after] (the list in the middle)") \
    /* ---- exceptions ---- */ \
    X(RAISE,          KR_FMT_AB,  1, "X = 0: bare raise (re-raise vm->handled_exc); 1: raise s[A]; 2: raise s[A] from s[B]") \
    X(RERAISE,        KR_FMT_A,   1, "re-raise the exception object s[A] keeping its traceback") \
    X(PUSH_EXC_INFO,  KR_FMT_AB,  1, "s[A] = vm->handled_exc (None if none); vm->handled_exc = s[B]") \
    X(POP_EXCEPT,     KR_FMT_A,   1, "vm->handled_exc = s[A] (None means none)") \
    X(CHECK_EXC_MATCH,KR_FMT_ABC, 1, "s[A] = isinstance(s[B], s[C]) (s[C] an exception class or tuple; else TypeError)") \
    X(ASSERT_FAIL,    KR_FMT_A,   1, "raise AssertionError(s[A]) if X else AssertionError()") \
    X(BEFORE_WITH,    KR_FMT_AB,  1, "mgr = s[B]; s[A] = bound mgr.__exit__; s[A+1] = mgr.__enter__()") \
    X(WITH_EXIT,      KR_FMT_AB,  1, "s[A] = s[B](None, None, None) (normal exit)") \
    X(WITH_EXCEPT,    KR_FMT_ABC, 1, "s[A] = s[B](type(e), e, e.__traceback__) with e = s[C]") \
    /* ---- imports ---- */ \
    X(IMPORT_NAME,    KR_FMT_ABC, 1, "s[A] = kr_import(N(B), globals, fromlist K(C) (None or tuple), level X)") \
    X(IMPORT_FROM,    KR_FMT_ABC, 1, "s[A] = getattr(s[B], N(C)) or sys.modules[mod.N(C)]; ImportError \"cannot import name\"") \
    X(IMPORT_STAR,    KR_FMT_A,   1, "from s[A] import * into locals (honours __all__)") \
    /* ---- match statement ---- */ \
    X(GET_LEN,        KR_FMT_AB,  1, "s[A] = len(s[B])") \
    X(MATCH_MAPPING,  KR_FMT_AB,  1, "s[A] = s[B] is a mapping (dict or subclass)") \
    X(MATCH_SEQUENCE, KR_FMT_AB,  1, "s[A] = s[B] is a sequence (list, tuple, range and subclasses; not str/bytes/bytearray)") \
    X(MATCH_KEYS,     KR_FMT_ABC, 1, "s[A] = tuple of s[B][k] for k in tuple s[C], or None if a key is missing") \
    X(MATCH_CLASS,    KR_FMT_ABC, 1, "s[A] = tuple of matched attributes or None: subject s[B], class s[C], X positional sub-patterns, keyword names tuple s[C+1]") \
    X(COPY_DICT_WITHOUT_KEYS, KR_FMT_ABC, 1, "s[A] = dict(s[B]) minus the keys in tuple s[C]") \
    /* ---- misc ---- */ \
    X(SETUP_ANNOTATIONS, KR_FMT_NONE, 1, "locals['__annotations__'] = {} unless present") \
    X(PRINT_EXPR,     KR_FMT_A,   1, "sys.displayhook(s[A]) (interactive mode)") \
    X(LOAD_BUILD_CLASS_UNUSED, KR_FMT_NONE, 1, "reserved") \
    /* ---- coroutines (only in KR_CODE_COROUTINE code; `await e` is GET_AWAITABLE t e; LOAD_NONE n; \
     * YIELD_FROM n t dst) ---- */ \
    X(GET_AWAITABLE,  KR_FMT_AB,  1, "s[A] = the iterator awaiting s[B] means (a coroutine itself, else s[B].__await__()); X: 0 await, 1 __aenter__'s, 2 __aexit__'s result (messages)") \
    X(GET_AITER,      KR_FMT_AB,  1, "s[A] = s[B].__aiter__() (async for)") \
    X(GET_ANEXT,      KR_FMT_AB,  1, "s[A] = the awaitable iterator of s[B].__anext__() (async for)") \
    X(BEFORE_ASYNC_WITH, KR_FMT_AB, 1, "mgr = s[B]; s[A] = bound mgr.__aexit__; s[A+1] = awaitable iterator of mgr.__aenter__()") \
    X(END_ASYNC_FOR,  KR_FMT_A,   1, "handler of an async for's GET_ANEXT..YIELD_FROM: s[A] a StopAsyncIteration: continue, else re-raise it") \
    X(ASYNC_GEN_WRAP, KR_FMT_AB,  1, "s[A] = s[B] marked as an async generator's item (its `yield`, before the YIELD; vm/generator.c)") \
    /* ---- except* (vm/excgroup.c) ---- */ \
    X(CHECK_EG_MATCH, KR_FMT_ABC, 1, "s[A] = the part of exception s[B] (None: nothing left) that except* type s[C] matches, or None; s[B] = the rest or None") \
    X(PREP_RERAISE_STAR, KR_FMT_ABC, 1, "s[A] = what leaves try/except* (None: nothing): orig exception s[B], list s[C] of the clauses' raised exceptions and the rest")

enum kr_opcode {
#define KR_OP_ENUM(name, fmt, words, doc) KR_OP_##name,
    KR_OPCODES(KR_OP_ENUM)
#undef KR_OP_ENUM
    KR_OP_COUNT
};

/* Sub-operand (X) flags. */
#define KR_BINOP_INPLACE 0x80  /* BINARY_OP: augmented assignment (kr_inplace_op) */
#define KR_ITER_PLAIN 0x01     /* GET_ITER: always a plain iterator in s[A] (comprehension argument) */
#define KR_FMT_HAS_SPEC 0x04   /* FORMAT_VALUE: s[C] is the format spec */
enum kr_mkfn_flags {           /* MAKE_FUNCTION extras, read from consecutive slots in this order */
    KR_MKFN_DEFAULTS = 0x01,    /* tuple */
    KR_MKFN_KWDEFAULTS = 0x02,  /* dict */
    KR_MKFN_ANNOTATIONS = 0x04, /* dict */
    KR_MKFN_CLOSURE = 0x08      /* tuple of cells */
};

/* Encoding helpers. */
static inline kr_insn kr_insn_make(unsigned op, unsigned x, unsigned a, unsigned b, unsigned c)
{
    return (kr_insn)(op & 0xff) | (kr_insn)(x & 0xff) << 8 | (kr_insn)(a & 0xffff) << 16 |
           (kr_insn)(b & 0xffff) << 32 | (kr_insn)(c & 0xffff) << 48;
}
static inline kr_insn kr_insn_make_bx(unsigned op, unsigned x, unsigned a, uint32_t bx)
{
    return (kr_insn)(op & 0xff) | (kr_insn)(x & 0xff) << 8 | (kr_insn)(a & 0xffff) << 16 | (kr_insn)bx << 32;
}
/* The cache word: feedback index (set by kr_code_new) and the extra operand E. */
static inline kr_insn kr_insn_make_cache(uint32_t fb_index, uint32_t e) { return (kr_insn)fb_index | (kr_insn)e << 32; }

#define KR_INSN_OP(i) ((unsigned)((i) & 0xff))
#define KR_INSN_X(i) ((unsigned)(((i) >> 8) & 0xff))
#define KR_INSN_A(i) ((unsigned)(((i) >> 16) & 0xffff))
#define KR_INSN_B(i) ((unsigned)(((i) >> 32) & 0xffff))
#define KR_INSN_C(i) ((unsigned)(((i) >> 48) & 0xffff))
#define KR_INSN_BX(i) ((uint32_t)((i) >> 32))
#define KR_CACHE_FB(w) ((uint32_t)((w) & 0xffffffffu))
#define KR_CACHE_E(w) ((uint32_t)((w) >> 32))
/* Patch helpers for the compiler's jump fix-ups. */
static inline kr_insn kr_insn_set_bx(kr_insn i, uint32_t bx) { return (i & 0xffffffffu) | (kr_insn)bx << 32; }
static inline kr_insn kr_cache_set_e(kr_insn w, uint32_t e) { return (w & 0xffffffffu) | (kr_insn)e << 32; }

#define KR_MAX_SLOTS 65535   /* A/B/C are 16 bits: the compiler raises SyntaxError("too many ...") past it */

/* Per-opcode tables (defined in vm/code.c). */
extern const char *const kr_opcode_names[KR_OP_COUNT];
extern const unsigned char kr_opcode_format[KR_OP_COUNT];
extern const unsigned char kr_opcode_words[KR_OP_COUNT]; /* 1 or 2 */

#endif
