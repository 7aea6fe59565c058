/* code.h: code objects (the compiled form of a function, class body or module) and the per-code
 * feedback vector. STABLE: read by the compiler (which builds code objects with kr_code_new), the
 * interpreter, the disassembler and the JIT. Bytecode format: vm/bytecode.h.
 *
 * A code object is immutable once built, except for the feedback vector and the tiering counters,
 * which the interpreter updates as it runs (the JIT reads them).
 */
#ifndef KRAIT_CODE_H
#define KRAIT_CODE_H

#include "bytecode.h"
#include "kr.h"

/* code->flags */
enum kr_code_flags {
    KR_CODE_VARARGS = 1u << 0,   /* has *args: its slot is varnames[argcount + kwonlyargcount] */
    KR_CODE_VARKW = 1u << 1,     /* has **kwargs: the slot after *args (or at argcount+kwonly if none) */
    KR_CODE_GENERATOR = 1u << 2, /* calling returns a generator object */
    KR_CODE_MODULE = 1u << 3,    /* module / exec / eval code: frame locals are a dict */
    KR_CODE_CLASSBODY = 1u << 4, /* class body: frame locals are the class namespace (set by BUILD_CLASS) */
    KR_CODE_HAS_FREE = 1u << 5,  /* nfreevars > 0 (computed by kr_code_new) */
    KR_CODE_NESTED = 1u << 6,    /* defined inside a function (informational) */
    KR_CODE_LAMBDA = 1u << 7,    /* informational */
    KR_CODE_COMPREHENSION = 1u << 8, /* list/set/dict comprehension or generator expression body */
    /* async def (or an async comprehension): always with KR_CODE_GENERATOR too, so the generator
     * machinery (frame in the object, YIELD/YIELD_FROM suspension) runs it; calling it returns a
     * coroutine instead of a generator (vm/generator.c). The JIT does not compile such code. */
    KR_CODE_COROUTINE = 1u << 9,
    /* `yield` in async def (or an async generator expression): with KR_CODE_GENERATOR, not with
     * KR_CODE_COROUTINE; calling it returns an async_generator (vm/generator.c); not compiled */
    KR_CODE_ASYNC_GEN = 1u << 10
};

/* Source location of one instruction word (CPython's co_positions: lines 1-based, columns 0-based
 * UTF-8 byte offsets, end exclusive). lineno 0 means "no location" (uses the previous one). */
typedef struct kr_code_loc {
    int32_t lineno, end_lineno;
    int32_t col, end_col;
} kr_code_loc;

/* Zero-cost exception table entry: an exception raised by an instruction with start <= pc < end is
 * stored in slot `slot` and execution continues at `handler`. Searched in order; first match wins
 * (so inner ranges come first). */
typedef struct kr_exc_entry {
    uint32_t start, end, handler, slot;
} kr_exc_entry;

/* ---- the feedback vector ----
 * One entry per instruction with a cache word (kr_opcode_words[op] == 2), numbered in pc order by
 * kr_code_new: the cache word's low 32 bits hold the index; code->fb_pc[i] gives the pc back and
 * code->fb_op[i] the opcode, which selects the union member:
 *   BINARY_OP, COMPARE_OP, GET_ITEM, SET_ITEM, GET_ITER  -> types
 *   LOAD_GLOBAL                                          -> global (dict identity + keys version)
 *   LOAD_ATTR, STORE_ATTR, LOAD_METHOD                   -> attr
 *   CALL, CALL_METHOD                                    -> call
 *   JUMP_BACKWARD, FOR_ITER                              -> loop
 * Values held in entries are traced by the code object (so a stale entry never dangles); an entry is
 * only *used* when its guard (dict versions, type version) still holds. */
enum kr_fb_type_bits { /* observed operand types; "other" covers bool, None, user objects, ... */
    KR_FB_SMALLINT = 1u << 0,
    KR_FB_BIGINT = 1u << 1,
    KR_FB_FLOAT = 1u << 2,
    KR_FB_STR = 1u << 3,
    KR_FB_LIST = 1u << 4,
    KR_FB_TUPLE = 1u << 5,
    KR_FB_DICT = 1u << 6,
    KR_FB_OTHER = 1u << 7
};
/* types.extra bits */
enum { KR_FB_ITER_RANGE = 1u << 0,   /* GET_ITER took the counted range-loop path */
       KR_FB_ITER_OTHER = 1u << 1,   /* GET_ITER produced a real iterator */
       KR_FB_OVERFLOWED = 1u << 2 }; /* BINARY_OP small-int fast path overflowed to a big int */

/* attr.kind */
enum kr_fb_attr_kind {
    KR_FB_ATTR_NONE = 0,      /* empty / megamorphic (see attr.misses) */
    KR_FB_ATTR_TYPE_VALUE,    /* LOAD_ATTR: on objects of exactly `type` (version), with no per-instance
                                 attributes able to shadow it, the result is `value` (e.g. a class attr) */
    KR_FB_ATTR_METHOD,        /* LOAD_METHOD: `value` is a plain function / C method on `type` to call
                                 with self (the instance cannot shadow it) */
    KR_FB_ATTR_SHAPE_SLOT,    /* instance attribute: shape `shape`, inline slot `index` (vm/instance.h) */
    KR_FB_ATTR_SHAPE_ADD,     /* STORE_ATTR adding an attribute: shape `shape` -> child shape `value`
                                 (a kr_shape as a value), written at slot `index` (the buffer grown if full) */
    KR_FB_ATTR_POLY,          /* LOAD_ATTR / LOAD_METHOD / STORE_ATTR that saw several receiver types: `shape` points
                                 to a kr_fb_poly (owned by the code object) of entries of the kinds
                                 above; `type` is NULL, so the single-entry checks miss */
    KR_FB_ATTR_MEMBER_SLOT,   /* LOAD_ATTR / STORE_ATTR of a __slots__ member: on objects of exactly `type`
                                 (version) the name resolves to a member descriptor, a data descriptor (no
                                 instance attribute can shadow it, so no shape guard: `shape` is NULL),
                                 whose word is at byte offset `index` in the object (vm/instance.h's
                                 fixed[]); KR_NULL there is an unset member: the load takes the slow path,
                                 which raises the AttributeError */
    KR_FB_ATTR_CLASS_VALUE,   /* LOAD_ATTR / LOAD_METHOD on a class object itself (`Base.__init__`): `type`
                                 is its metatype, exactly `type` (whose namespace never changes), `shape`
                                 the class, `version` the class's version; while it holds, the result is
                                 `value`, the class attribute found on its MRO (a plain value, function,
                                 method descriptor or slot wrapper: what attribute access returns as is;
                                 no data descriptor of `type` takes precedence). LOAD_METHOD: (value,
                                 NULL), called without self */
    KR_FB_ATTR_MODULE         /* LOAD_ATTR / LOAD_METHOD of a module's global (`math.sqrt`): on objects of
                                 exactly `type` (the module type) whose dict is `shape` (kept alive here),
                                 while its keys version is kr_small_val(`value`), the answer is the word
                                 at address `index` (kr_dict_lookup_slot: a value replaced in place is
                                 read through it). Single-entry sites only (never in a kr_fb_poly) */
};
/* LOAD_METHOD / LOAD_ATTR TYPE_VALUE on instances of user classes (kr_instance layout) also guard on the
 * instance's shape (`shape` non-NULL: the instance has no attribute shadowing the cached one). */

/* A polymorphic site's entries (KR_FB_ATTR_POLY): each one as the single entry of a site would
 * be, for its own receiver type; a new type replaces entries round-robin once all ways are used. */
#define KR_FB_POLY_WAYS 4
typedef struct kr_fb_attr_entry {
    struct kr_type *type;
    void *shape;
    kr_value value;
    int64_t index;
    uint32_t version;
    uint16_t kind;
} kr_fb_attr_entry;
typedef struct kr_fb_poly {
    uint32_t n, next;
    kr_fb_attr_entry e[KR_FB_POLY_WAYS];
} kr_fb_poly;

/* A polymorphic call site records up to this many code objects of Python function callees (the JIT
 * dispatches on them inline); the values of the call entry's mixed_code: */
#define KR_FB_CALL_WAYS 4
enum { KR_FB_CALL_CODES = 1, KR_FB_CALL_MEGA = 2 };

typedef union kr_fb {
    struct {
        uint8_t lhs, rhs;   /* kr_fb_type_bits of the operands (GET_ITER: lhs = the iterable) */
        uint8_t result;     /* kr_fb_type_bits of the result (BINARY_OP, GET_ITEM) */
        uint8_t extra;      /* KR_FB_ITER_*, KR_FB_OVERFLOWED */
        uint32_t count;     /* executions (saturating) */
    } types;
    /* LOAD_GLOBAL: a pointer to the value slot inside the dict that holds the name (see vm/dict.h,
     * kr_dict_lookup_slot): valid while the dicts are the same objects and their keys versions are
     * unchanged (value replacement keeps the slot and is read through it). builtins == KR_NULL: the
     * name is in globals; otherwise it is absent from globals and found in builtins. */
    struct {
        kr_value globals;           /* the globals dict when filled, KR_NULL = empty */
        uint64_t globals_kv;        /* kr_dict_keys_version(globals) */
        kr_value builtins;          /* the builtins dict, or KR_NULL */
        uint64_t builtins_kv;
        kr_value *slot;
    } global;
    struct {
        kr_type *type;       /* exact type of the receiver */
        uint32_t version;    /* type->version when filled */
        uint16_t kind;       /* enum kr_fb_attr_kind */
        uint16_t misses;     /* saturating count of guard failures */
        kr_value value;      /* cached attribute / method */
        void *shape;         /* KR_FB_ATTR_SHAPE_SLOT */
        int64_t index;
    } attr;
    struct {
        kr_value callee;     /* first callee seen (function, type, cfunction...) */
        uint32_t count;
        uint16_t polymorphic; /* 1 once two different callees were seen */
        uint16_t mixed_code;  /* nonzero once two callees were seen that are not functions of one code
                               * object (closures made by one def share it: the JIT can guard on the
                               * code); KR_FB_CALL_CODES: every callee was a Python function, of
                               * callee's code or of one of `codes`; KR_FB_CALL_MEGA: more codes than
                               * that, or a callee of another kind */
        kr_value codes[KR_FB_CALL_WAYS - 1]; /* KR_FB_CALL_CODES: the other code objects seen (KR_NULL
                               * when unused), so the JIT can dispatch on the callee's code */
    } call;
    struct {
        uint32_t count;      /* back-edges taken / iterations: JIT OSR trigger */
    } loop;
} kr_fb;

typedef struct kr_code {
    kr_object ob;
    kr_insn *insns;          /* ninsns words (kr_mem_alloc'd) */
    uint32_t ninsns;
    uint32_t nslots;         /* frame size: locals + cells + temporaries */
    uint32_t nlocals;        /* len(varnames) */
    uint32_t ncellvars, nfreevars;
    uint32_t argcount;       /* positional parameters, including positional-only */
    uint32_t posonlyargcount;
    uint32_t kwonlyargcount;
    uint32_t flags;          /* enum kr_code_flags */
    kr_value consts;         /* tuple */
    kr_value names;          /* tuple of interned str: globals, attributes, imports */
    kr_value varnames;       /* tuple of interned str: the nlocals local names (slot i <-> varnames[i]) */
    kr_value cellvars;       /* tuple of interned str: slot nlocals + i */
    kr_value freevars;       /* tuple of interned str: slot nlocals + ncellvars + i */
    int32_t *cell2arg;       /* ncellvars entries: the parameter slot a cell starts from, or -1 (or NULL) */
    kr_value name, qualname; /* str */
    kr_value filename;       /* str */
    kr_value doc;            /* str or None: becomes the function's __doc__ */
    int32_t firstlineno;
    kr_code_loc *locs;       /* ninsns entries, one per word (cache words repeat their instruction's) */
    kr_exc_entry *exctab;
    uint32_t nexctab;
    /* feedback: see above */
    kr_fb *fb;
    uint32_t nfb;
    uint32_t *fb_pc;
    uint8_t *fb_op;
    /* tiering (JIT): the interpreter counts calls; compiler/ owns jit_code/jit_state */
    uint32_t call_count;
    uint32_t jit_flags;
    void *jit_code;
    void *jit_state;
    /* vm/liveness.h's kr_liveness (malloc'd), computed by the first collection that scans a frame of
     * this code (kr_interp_trace_roots), NULL until then */
    void *liveness;
} kr_code;

/* What the compiler hands to kr_code_new. Arrays are copied; values must be tuples/str as documented
 * on kr_code (kr_code_new interns the name tuples' strings if not interned). cellvars/freevars may be
 * KR_NULL for "none". */
typedef struct kr_code_desc {
    const kr_insn *insns;
    uint32_t ninsns;
    const kr_code_loc *locs;      /* ninsns entries, or NULL */
    const kr_exc_entry *exctab;
    uint32_t nexctab;
    kr_value consts, names, varnames, cellvars, freevars;
    uint32_t nslots, argcount, posonlyargcount, kwonlyargcount, flags;
    kr_value name, qualname, filename, doc; /* doc KR_NULL = None */
    int32_t firstlineno;
} kr_code_desc;

/* Builds a code object: validates the bytecode (operand slots < nslots, constant/name indices, jump
 * targets at instruction starts, exception table ranges), numbers the feedback entries into the cache
 * words, computes cell2arg. Returns KR_NULL with SystemError("invalid bytecode: ...") if validation
 * fails: the interpreter trusts validated bytecode. */
kr_value kr_code_new(kr_vm *vm, const kr_code_desc *desc);

static inline kr_code *kr_code_of(kr_value v) { return KR_AS(kr_code, v); }

/* The exception table entry that catches an exception raised at pc (the first that covers it, as the
 * interpreter's exception_unwind takes), or NULL: the exception leaves the frame. */
static inline const kr_exc_entry *kr_code_handler_at(const kr_code *co, uint32_t pc)
{
    for (uint32_t i = 0; i < co->nexctab; i++)
        if (co->exctab[i].start <= pc && pc < co->exctab[i].end)
            return &co->exctab[i];
    return NULL;
}
/* Line of the instruction at pc (0 if unknown). */
int kr_code_line(const kr_code *code, uint32_t pc);
/* Type bits of a value for feedback. Inline: every generic BINARY_OP / COMPARE_OP / GET_ITEM /
 * SET_ITEM records its two operands' bits, so a call here showed in the profiles of generic code. */
static inline unsigned kr_code_type_bits(kr_vm *vm, kr_value v)
{
    if (kr_is_small(v))
        return KR_FB_SMALLINT;
    if (!kr_is_ptr(v))
        return KR_FB_OTHER;
    kr_type *t = KR_OBJ(v)->type;
    if (t == vm->t.float_) return KR_FB_FLOAT;
    if (t == vm->t.int_) return KR_FB_BIGINT;
    if (t == vm->t.str) return KR_FB_STR;
    if (t == vm->t.list) return KR_FB_LIST;
    if (t == vm->t.tuple) return KR_FB_TUPLE;
    if (t == vm->t.dict) return KR_FB_DICT;
    return KR_FB_OTHER;
}
/* Phase-1 type creation (called from kr_interp_init). */
void kr_code_init(kr_vm *vm);

#endif
