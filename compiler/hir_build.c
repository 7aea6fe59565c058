/* hir_build.c: bytecode + feedback -> HIR (kr_hir_build, compiler/hir.h).
 *
 * ---- Slot states ------------------------------------------------------------------------------------
 * The builder walks the bytecode blocks in reverse post order and tracks, for every frame slot, one of
 *   CLEAN  memory holds the current value; `val` optionally caches an SSA value equal to it, `type`
 *          bounds it (a LOAD_SLOT of the slot gets that type);
 *   DIRTY  the current value is the SSA value `val`, never a heap pointer: TAGGED with a type within
 *          KR_HT_IMMEDIATE, or DOUBLE (hir.h's GC invariant). Memory holds an older valid value.
 * Writing a value that may be a pointer stores it at once (STORE_SLOT) and leaves the slot CLEAN with the
 * value cached. Before a STEP every dirty slot is flushed (doubles boxed) so the interpreter sees the
 * whole frame; afterwards the slots the instruction may write (kr_bytecode_writes) are CLEAN and
 * unknown.
 *
 * ---- Merges -----------------------------------------------------------------------------------------
 * An ordinary merge (every predecessor already built) decides each slot from the incoming edges' states:
 *   - CLEAN everywhere: CLEAN (the cached value kept if it is the same on every edge);
 *   - the same SSA value everywhere: that value;
 *   - doubles, or floats known to be exact float objects, with at least one double: a DOUBLE phi;
 *   - immediates only: a TAGGED phi;
 *   - anything else: CLEAN; the edges where it is dirty store it (box it) first.
 * Values needed on an edge (a LOAD_SLOT, UNBOX_FLOAT, a guard, a flushing store) are placed at the end
 * of the predecessor, or in a new block splitting the edge when the predecessor has other successors.
 *
 * ---- Loop headers -----------------------------------------------------------------------------------
 * A block with back-edges is reached before its back-edges' states are known. The builder keeps an
 * assumption per (header, slot) -- CLEAN, DIRTY TAGGED(type), DIRTY DOUBLE, or FORCED (CLEAN after a
 * contradiction) -- builds the whole function under the assumptions, then checks them against every
 * edge's real state and rebuilds from scratch when they must change. Assumptions only move up a finite
 * lattice (CLEAN -> TAGGED/DOUBLE -> FORCED, types only widen), so this terminates; after
 * KR_HIR_MAX_BUILDS builds every header slot is FORCED, which is consistent with any edge. A header
 * slot becomes DIRTY when the loop itself produces an immediate or a double for it (evidence from the
 * back-edges); an entry edge where the value is not known is then guarded (GUARD_TYPE SMALLINT for a
 * TAGGED phi whose type includes SMALLINT -- e.g. SMALLINT|UNBOUND for a loop variable, which an OSR
 * entry always finds bound -- and FLOAT for a DOUBLE phi: the types arithmetic feedback speculates
 * on), deopting to the header's pc. The edge code of back-edges
 * is placed after the latch's POLL.
 *
 * ---- Entries ----------------------------------------------------------------------------------------
 * Block 0's ENTRY jumps to one synthetic block per entry pc (0, then each JUMP_BACKWARD target in pc
 * order), which jumps to the bytecode block. At pc 0 the parameters are bound (never unbound) and the
 * other locals and temporaries are KR_UNBOUND; at an OSR entry nothing is known.
 */
#include <stdlib.h>
#include <string.h>

#include "compiler/hir.h"
#include "compiler/jit.h"
#include "compiler/jit_rt.h"
#include "vm/dict.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/liveness.h"
#include "vm/object.h"
#include "vm/tuple.h"
#include "vm/type.h"
#include "vm/vm.h"

struct builder;
static const kr_exc_entry *local_reraise(const struct builder *b, uint32_t pc, kr_insn in);

#define KR_HIR_MAX_BUILDS 12
#define NONE32 UINT32_MAX
/* Any value a dict, instance or container slot may hold (never KR_UNBOUND or KR_NULL). */
#define ANY_VALUE (KR_HT_ANY & ~(uint32_t)(KR_HT_UNBOUND | KR_HT_NULL))

typedef struct sst {
    kr_hir_ref val; /* DIRTY: the value; CLEAN: a cached value equal to memory, or 0 */
    uint32_t type;  /* CLEAN without a cached value: what memory may hold */
    uint32_t hdr;   /* 1 + the loop header whose entry state (CLEAN) this still is, else 0: a back-edge
                       carrying it says nothing about the slot's type */
    uint8_t dirty;
} sst;

/* What a merge decided for one slot. */
enum { D_CLEAN, D_TAGGED, D_DOUBLE };
typedef struct mdec {
    uint32_t hdr;   /* the token (sst.hdr) a CLEAN slot keeps */
    uint8_t kind;
    bool phi;       /* val is a phi of this block (else: the one value every edge carries, or a cache) */
    uint32_t type;
    kr_hir_ref val;
    bool dead;      /* a temporary not live here (vm/liveness.h): no phi, no store, no guard */
} mdec;

/* Loop-header assumptions (see the file comment). */
enum { A_CLEAN, A_TAGGED, A_DOUBLE, A_FORCED };
typedef struct asn {
    uint8_t kind;
    uint32_t type;
} asn;

typedef struct bblock {
    uint32_t start, end;   /* pcs [start, end) */
    uint32_t succ[2], nsucc;
    uint32_t rpo;          /* position in reverse post order, NONE32: unreachable */
    uint32_t hir;          /* HIR block of this build */
    bool header;           /* has a predecessor later in RPO (a back-edge) */
    bool started;
    uint32_t *in, nin, incap; /* incoming edge ids, in the HIR block's preds order */
    mdec *dec;             /* per slot, once started */
    asn *asn;              /* per slot, headers only; survives rebuilds */
} bblock;

typedef struct edge {
    uint32_t from, succ_idx; /* the HIR block whose terminator has the edge, and the successor index */
    uint32_t to, pred_idx;   /* target bytecode block and position in its HIR block's preds */
    bool late;               /* a back-edge: resolved after every block is built */
    sst *st;                 /* slot states at the end of `from` */
    kr_hir_ref *val;         /* per slot: the phi input this edge provides */
    int32_t fs;              /* frame state for the edge's own code (guards, boxing), -1 until needed */
} edge;

typedef struct builder {
    kr_hir_func *fn;
    kr_code *co;
    kr_vm *vm;
    uint32_t n;             /* slots */
    bblock *bb;
    uint32_t nbb;
    uint32_t *bb_at;        /* pc -> block index starting there, NONE32 elsewhere */
    uint32_t *order, norder; /* reachable blocks in RPO */
    uint32_t *entries, nentries;
    edge *edges;
    uint32_t nedges, edgecap;
    sst *st;                /* the current state */
    kr_hir_fs_entry *scratch;
    kr_hir_ref *tmp;
    bool *want;             /* flush_for_call's slots to flush */
    uint32_t blk;           /* current HIR block */
    uint32_t pc;            /* current bytecode pc (insn->pc of what is emitted) */
    bool osr0;              /* pc 0 is also a loop header: its entry may come mid-run */
    bool changed;           /* some header assumption changed: build again */
    bool failed;            /* out of memory or an unexpected CFG shape (fn->error says which) */
    kr_liveness live;       /* temporaries' liveness; live.live_in == NULL: treat every slot as live */
    bool *cell_used;        /* per slot: a cell slot LOAD_DEREF / STORE_DEREF name (NULL: cells not
                             * hoisted, some instruction may write a cell slot) */
    kr_hir_ref *cellv;      /* per slot: the cell's LOAD_SLOT in block 0 (0: none) */
    uint8_t *range_fused;   /* per pc, this build: a GET_ITER whose counted state call_range built */
    uint32_t fused_pc;      /* the next instruction, built with the one before it (slice_item: the
                             * subscript after a BUILD_SLICE; call_range: the GET_ITER after range()),
                             * skipped when reached; else NONE32 */
    bool *after_iter;       /* per pc: the instruction right after a FOR_ITER (iter_unpack) */
    /* Inlining a pure callee (inline_call): while `on`, b->co and b->st are the callee's, every frame
     * state is `fs` (the caller's before the CALL: a failing guard re-runs the whole call in the
     * interpreter), slots are never written to memory and only pure instructions may be emitted
     * (inline_pure); anything else sets `failed`. Callee slots may then hold heap pointers dirty,
     * against hir.h's invariant, safely: no frame state names them and nothing the body emits can
     * allocate or collect; the result is written to the caller's slot as usual. */
    struct {
        bool on, failed;
        int32_t fs;
    } inl;
    uint8_t *no_inline;     /* per pc, across builds: a CALL whose inlining failed (built as a call) */
    bool last_build;        /* the forced last build: no inlining (a failure could not be rebuilt) */
} builder;

/* ------------------------------------------------------------------------------------------------
 * Small helpers */

static kr_hir_insn *ins(builder *b, kr_hir_ref r) { return &b->fn->insns[r]; }
static bool is_double(builder *b, kr_hir_ref r) { return ins(b, r)->rep == KR_HIR_DOUBLE; }
static uint32_t rtype(builder *b, kr_hir_ref r) { return is_double(b, r) ? KR_HT_FLOAT : ins(b, r)->type; }
static bool imm_type(uint32_t t) { return (t & ~(uint32_t)KR_HT_IMMEDIATE) == 0; }

/* A dead temporary's value is never read again (vm/liveness.h): merges neither keep nor guard it, and
 * frame states need not restore it (the slot keeps an older, still valid value). */
static bool slot_dead(const builder *b, uint32_t pc, uint32_t s)
{
    return b->live.live_in && !kr_liveness_live(&b->live, pc, s);
}

static void fail(builder *b, const char *why)
{
    if (!b->failed)
        kr_hir_refuse(b->fn, "%s", why);
    b->failed = true;
}

static void *zalloc(builder *b, size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        fail(b, "out of memory");
    return p;
}

/* The exact type of a constant. */
static uint32_t value_type(kr_vm *vm, kr_value v)
{
    if (kr_is_small(v))
        return KR_HT_SMALLINT;
    if (v == KR_TRUE || v == KR_FALSE)
        return KR_HT_BOOL;
    if (v == KR_NONE)
        return KR_HT_NONE;
    if (v == KR_UNBOUND)
        return KR_HT_UNBOUND;
    if (v == KR_NULL)
        return KR_HT_NULL;
    if (!kr_is_ptr(v))
        return KR_HT_OBJECT; /* Ellipsis, NotImplemented: treated like any object */
    kr_type *t = kr_type_of(vm, v);
    if (t == vm->t.int_)
        return KR_HT_BIGINT;
    if (t == vm->t.float_)
        return KR_HT_FLOAT;
    if (t == vm->t.str)
        return KR_HT_STR;
    if (t == vm->t.list)
        return KR_HT_LIST;
    if (t == vm->t.tuple)
        return KR_HT_TUPLE;
    if (t == vm->t.dict)
        return KR_HT_DICT;
    if (t == vm->t.function)
        return KR_HT_FUNC;
    return KR_HT_OBJECT;
}

/* Type of slot s in state st. */
static uint32_t st_type(builder *b, const sst *x)
{
    return x->val ? rtype(b, x->val) : x->type;
}

static bool st_double(builder *b, const sst *x) { return x->dirty && is_double(b, x->val); }

/* ------------------------------------------------------------------------------------------------
 * Emission */

static bool inline_pure(enum kr_hir_op op);

static kr_hir_ref emit(builder *b, enum kr_hir_op op, kr_hir_rep rep, uint32_t type, const kr_hir_ref *args,
                      uint32_t nargs, int64_t imm)
{
    if (b->inl.on && !inline_pure(op))
        b->inl.failed = true; /* this build is thrown away (inline_call) */
    kr_hir_ref r = kr_hir_emit(b->fn, b->blk, op, rep, type, args, nargs, imm);
    if (!r) {
        fail(b, "out of memory");
        return 0;
    }
    ins(b, r)->pc = b->pc;
    return r;
}

static kr_hir_ref emit1(builder *b, enum kr_hir_op op, kr_hir_rep rep, uint32_t type, kr_hir_ref a, int64_t imm)
{
    return emit(b, op, rep, type, &a, 1, imm);
}

static kr_hir_ref emit2(builder *b, enum kr_hir_op op, kr_hir_rep rep, uint32_t type, kr_hir_ref a0, kr_hir_ref a1,
                        int64_t imm)
{
    kr_hir_ref a[2] = {a0, a1};
    return emit(b, op, rep, type, a, 2, imm);
}

static kr_hir_ref emit_const(builder *b, kr_value v)
{
    kr_hir_ref r = emit(b, KR_HIR_CONST, KR_HIR_TAGGED, value_type(b->vm, v), NULL, 0, 0);
    ins(b, r)->value = v;
    return r;
}

static kr_hir_ref emit_const_double(builder *b, double d)
{
    kr_hir_ref r = emit(b, KR_HIR_CONST_DOUBLE, KR_HIR_DOUBLE, KR_HT_FLOAT, NULL, 0, 0);
    ins(b, r)->dvalue = d;
    return r;
}

/* A frame state at pc with the dirty slots of st. Consecutive identical states are shared. */
static int32_t fs_of(builder *b, uint32_t pc, const sst *st)
{
    if (b->inl.on)
        return b->inl.fs;
    uint32_t k = 0;
    for (uint32_t s = 0; s < b->n; s++)
        if (st[s].dirty && !slot_dead(b, pc, s)) {
            b->scratch[k].slot = s;
            b->scratch[k].value = st[s].val;
            k++;
        }
    kr_hir_func *fn = b->fn;
    if (fn->nfs) {
        const kr_hir_fs *last = &fn->fss[fn->nfs - 1];
        if (last->pc == pc && last->ndirty == k && (!k || !memcmp(last->dirty, b->scratch, k * sizeof *b->scratch)))
            return (int32_t)fn->nfs - 1;
    }
    int32_t f = kr_hir_add_fs(fn, pc, b->scratch, k);
    if (f < 0)
        fail(b, "out of memory");
    return f;
}

static int32_t fs_now(builder *b) { return fs_of(b, b->pc, b->st); }

static void set_fs(builder *b, kr_hir_ref r, int32_t fs, enum kr_deopt_reason reason)
{
    ins(b, r)->fs = fs;
    ins(b, r)->reason = (uint8_t)reason;
}

/* ------------------------------------------------------------------------------------------------
 * Reading and writing slots */

static kr_hir_ref read_slot(builder *b, uint32_t s)
{
    sst *x = &b->st[s];
    if (x->val)
        return x->val;
    if (b->inl.on) { /* a callee slot without a value (an unbound local): not inlined */
        b->inl.failed = true;
        return emit_const(b, KR_NONE);
    }
    kr_hir_ref r = emit(b, KR_HIR_LOAD_SLOT, KR_HIR_TAGGED, x->type, NULL, 0, s);
    x->val = r;
    return r;
}

/* s[A] = v: immediates and doubles stay in registers, anything else is written through. */
static void write_slot(builder *b, uint32_t s, kr_hir_ref v)
{
    sst *x = &b->st[s];
    x->val = v;
    x->type = rtype(b, v);
    x->hdr = 0;
    if (is_double(b, v) || imm_type(ins(b, v)->type) || b->inl.on) {
        x->dirty = 1;
        return;
    }
    emit1(b, KR_HIR_STORE_SLOT, KR_HIR_TAGGED, 0, v, s);
    x->dirty = 0;
}

/* A guard produced `to`, equal to `from` with a narrower type: every slot holding `from` holds `to`. */
static void refine(builder *b, kr_hir_ref from, kr_hir_ref to)
{
    for (uint32_t s = 0; s < b->n; s++)
        if (b->st[s].val == from) {
            b->st[s].val = to;
            b->st[s].type = rtype(b, to);
        }
}

static kr_hir_ref guard_type(builder *b, kr_hir_ref v, uint32_t want)
{
    uint32_t t = ins(b, v)->type;
    if ((t & ~want) == 0)
        return v;
    kr_hir_ref g = emit1(b, KR_HIR_GUARD_TYPE, KR_HIR_TAGGED, (t & want) ? (t & want) : want, v, want);
    set_fs(b, g, fs_now(b), KR_DEOPT_TYPE);
    refine(b, v, g);
    return g;
}

/* Stores the dirty slots s with want[s] (every dirty slot when want is NULL), boxing doubles: one box
 * per distinct double, so slots that held the same double hold the same float object, as in the
 * interpreter. Those slots are CLEAN afterwards. A caller passing `want` includes every slot holding a
 * double some wanted slot holds (see flush_for_call), so no double is ever boxed twice. */
static void flush_some(builder *b, const bool *want)
{
    int32_t fs = -1;
    for (uint32_t s = 0; s < b->n; s++) {
        b->tmp[s] = 0;
        if (!st_double(b, &b->st[s]) || (want && !want[s]))
            continue;
        for (uint32_t p = 0; p < s; p++)
            if (b->st[p].dirty && b->st[p].val == b->st[s].val && (!want || want[p]))
                b->tmp[s] = b->tmp[p];
        if (!b->tmp[s]) {
            if (fs < 0)
                fs = fs_now(b);
            b->tmp[s] = emit1(b, KR_HIR_BOX_FLOAT, KR_HIR_TAGGED, KR_HT_FLOAT, b->st[s].val, 0);
            set_fs(b, b->tmp[s], fs, KR_DEOPT_TYPE);
        }
    }
    for (uint32_t s = 0; s < b->n; s++) {
        sst *x = &b->st[s];
        if (!x->dirty || (want && !want[s]))
            continue;
        kr_hir_ref v = b->tmp[s] ? b->tmp[s] : x->val;
        emit1(b, KR_HIR_STORE_SLOT, KR_HIR_TAGGED, 0, v, s);
        x->dirty = 0;
        x->val = v;
        x->type = rtype(b, v);
    }
}

static void flush(builder *b) { flush_some(b, NULL); }

/* Before a stepped CALL / CALL_METHOD at pc: flushes what the call may read from the frame (hir.h):
 * the callee, self and argument slots, and the locals and cells (builtins such as locals() and super()
 * read the caller's frame), plus any slot sharing a double with those (one box per double). Other
 * dirty temporaries stay dirty across the call: only bytecode reads temporaries, and the STEP's frame
 * state writes them back if the call raises or leaves a callee frame to the interpreter. */
/* Stores the dirty slots in [lo, lo + n) and [lo2, lo2 + n2), plus any slot sharing a double with
 * them (one box per double, see flush_some). */
static void flush_ranges(builder *b, uint32_t lo, uint32_t n, uint32_t lo2, uint32_t n2)
{
    for (uint32_t s = 0; s < b->n; s++)
        b->want[s] = b->st[s].dirty && ((s >= lo && s - lo < n) || (s >= lo2 && s - lo2 < n2));
    for (uint32_t s = 0; s < b->n; s++)
        if (st_double(b, &b->st[s]) && !b->want[s])
            for (uint32_t p = 0; p < b->n; p++)
                if (b->want[p] && b->st[p].dirty && b->st[p].val == b->st[s].val)
                    b->want[s] = true;
    flush_some(b, b->want);
}

static void flush_for_call(builder *b, uint32_t pc)
{
    kr_insn in = b->co->insns[pc];
    uint32_t lo = KR_INSN_A(in), hi = lo + KR_INSN_B(in) + (KR_INSN_OP(in) == KR_OP_CALL_METHOD);
    uint32_t first_temp = b->co->nlocals + b->co->ncellvars + b->co->nfreevars;
    flush_ranges(b, 0, first_temp, lo, hi - lo + 1);
}

/* Slots [lo, lo + n) were written in memory by something the builder does not see (a STEP, a CALL_RT
 * on frame operands): CLEAN, unknown, of the given type. */
static void forget(builder *b, uint32_t lo, uint32_t n, uint32_t type)
{
    for (uint32_t s = lo; s < lo + n && s < b->n; s++) {
        b->st[s].val = 0;
        b->st[s].type = type;
        b->st[s].dirty = 0;
        b->st[s].hdr = 0;
    }
}

static kr_fb *feedback(builder *b, uint32_t pc);

/* Whether functions of code co can be called directly (hir.h's DIRECT CALLS) by the CALL /
 * CALL_METHOD `in`: their frame needs nothing but the positional parameters (passed, or filled from
 * the function's defaults, which the call checks at run time), a few new cells and the free
 * variables (a function's closure always has as many cells as its code has free variables:
 * vm/function.c keeps that when __code__ is set): no keywords or star parameters, not a generator. */
static bool direct_code_ok(kr_insn in, const kr_code *co)
{
    if ((co->flags & (KR_CODE_GENERATOR | KR_CODE_VARARGS | KR_CODE_VARKW)) || co->kwonlyargcount ||
        co->ncellvars > KR_HIR_DIRECT_CALL_MAX_CELLS || co->nslots > KR_HIR_DIRECT_CALL_MAX_SLOTS)
        return false;
    uint32_t passed = KR_INSN_B(in) + (KR_INSN_OP(in) == KR_OP_CALL_METHOD && co->argcount > KR_INSN_B(in));
    return passed <= co->argcount;
}

/* The Python function a CALL / CALL_METHOD at pc may call directly (hir.h's DIRECT CALLS), or
 * KR_NULL; *flags gets KR_HIR_STEP_BY_CODE when the site saw several functions of that one code
 * object (closures made by one def), so that the call must be guarded on the code rather than on the
 * function, and KR_HIR_STEP_POLY too when it saw functions of a few code objects: codes[] then holds
 * the others that can be called directly. */
static kr_value direct_callee(builder *b, uint32_t pc, int64_t *flags, kr_value codes[KR_HIR_POLY_CODES])
{
    kr_insn in = b->co->insns[pc];
    const kr_fb *e = feedback(b, pc);
    kr_value callee = e->call.callee;
    if (KR_INSN_C(in) != 0 || e->call.mixed_code == KR_FB_CALL_MEGA || !kr_is_ptr(callee) ||
        KR_OBJ(callee)->type != b->vm->t.function)
        return KR_NULL;
    kr_function *fn = KR_AS(kr_function, callee);
    kr_code *callee_co = kr_code_of(fn->code);
    if (!direct_code_ok(in, callee_co))
        return KR_NULL;
    if (!e->call.mixed_code) {
        /* one function or one code: the first callee's defaults must do (checked again at run time) */
        uint32_t passed = KR_INSN_B(in) + (KR_INSN_OP(in) == KR_OP_CALL_METHOD && callee_co->argcount > KR_INSN_B(in));
        int64_t ndefaults = fn->defaults ? kr_tuple_size(fn->defaults) : 0;
        if (callee_co->argcount - passed > ndefaults)
            return KR_NULL;
        *flags = e->call.polymorphic ? KR_HIR_STEP_BY_CODE : 0;
        return callee;
    }
    uint32_t n = 0;
    for (int k = 0; k < KR_HIR_POLY_CODES; k++)
        if (e->call.codes[k] && direct_code_ok(in, kr_code_of(e->call.codes[k])))
            codes[n++] = e->call.codes[k];
    *flags = KR_HIR_STEP_BY_CODE | KR_HIR_STEP_POLY;
    return callee;
}

/* KR_HIR_STEP_CFUNC or KR_HIR_STEP_CTYPE when the CALL / CALL_METHOD `in` with feedback e saw one
 * callee (positional arguments only) that compiled code may call directly as C (hir.h), else 0. */
static int64_t c_callee_kind(builder *b, kr_insn in, const kr_fb *e)
{
    kr_value callee = e->call.callee;
    if (KR_INSN_C(in) != 0 || e->call.polymorphic || !kr_is_ptr(callee))
        return 0;
    kr_vm *vm = b->vm;
    if (KR_OBJ(callee)->type == vm->t.cfunction) {
        const kr_cfunction *f = KR_AS(kr_cfunction, callee);
        /* cfunction_call's direct case: no self prepended */
        bool no_self = !(f->flags & KR_METH_MODULE) && (!f->owner || (f->flags & KR_METH_STATIC));
        return no_self && f->fn ? KR_HIR_STEP_CFUNC : 0;
    }
    /* type_call of exactly these three is new_ alone (their __init__ is object's); a CALL_METHOD of
     * a type is left to the STEP */
    if (KR_INSN_OP(in) == KR_OP_CALL && (callee == KR_VAL(vm->t.int_) || callee == KR_VAL(vm->t.str) ||
                                         callee == KR_VAL(vm->t.float_)))
        return KR_AS(kr_type, callee)->new_ ? KR_HIR_STEP_CTYPE : 0;
    return 0;
}

/* The __init__ of the class a CALL `in` with feedback e saw (one callee, positional arguments only),
 * when compiled code may instantiate it directly (hir.h's KR_HIR_STEP_CLASS): a class of metaclass
 * type whose instances object.__new__ makes and whose __init__ is a Python function that can be called
 * directly with the instance and the arguments, without new cells; else KR_NULL. */
static kr_value class_init_callee(builder *b, kr_insn in, const kr_fb *e)
{
    kr_vm *vm = b->vm;
    kr_value callee = e->call.callee;
    if (KR_INSN_OP(in) != KR_OP_CALL || KR_INSN_C(in) != 0 || e->call.polymorphic || !kr_is_ptr(callee) ||
        KR_OBJ(callee)->type != vm->t.type)
        return KR_NULL;
    /* object.__new__, or BaseException's (an exception class with a Python __init__): builtin new_
     * slots that make an instance of exactly cls from any arguments, as call_class_init expects */
    kr_type *cls = KR_AS(kr_type, callee);
    if (cls->new_ != vm->t.object->new_ && cls->new_ != vm->exc_types[KR_EXC_BaseException]->new_)
        return KR_NULL;
    kr_value init = kr_type_python_init(vm, cls); /* a function, not a generator */
    if (!init)
        return KR_NULL;
    kr_function *fn = KR_AS(kr_function, init);
    kr_code *co = kr_code_of(fn->code);
    uint32_t passed = KR_INSN_B(in) + 1; /* self and the arguments */
    if ((co->flags & (KR_CODE_VARARGS | KR_CODE_VARKW)) || co->kwonlyargcount || co->ncellvars ||
        co->nslots > KR_HIR_DIRECT_CALL_MAX_SLOTS || passed > co->argcount)
        return KR_NULL;
    int64_t ndefaults = fn->defaults ? kr_tuple_size(fn->defaults) : 0;
    return co->argcount - passed <= ndefaults ? init : KR_NULL;
}

/* The generic path: run the instruction at pc in the interpreter. */
static kr_hir_ref step(builder *b, uint32_t pc)
{
    unsigned op = KR_INSN_OP(b->co->insns[pc]);
    if (op == KR_OP_CALL || op == KR_OP_CALL_METHOD)
        flush_for_call(b, pc);
    else
        flush(b);
    kr_hir_ref r = emit(b, KR_HIR_STEP, KR_HIR_RAW, 0, NULL, 0, pc);
    if (r && (op == KR_OP_CALL || op == KR_OP_CALL_METHOD)) {
        int64_t flags = 0;
        const kr_fb *e = feedback(b, pc);
        kr_insn in = b->co->insns[pc];
        b->fn->insns[r].value = direct_callee(b, pc, &flags, b->fn->insns[r].codes);
        b->fn->insns[r].imm2 = flags | (e->call.callee ? 0 : KR_HIR_STEP_UNPROFILED);
        /* a C method of a builtin type called on self (str.strip, list.append, dict.get...): called
         * directly too (DIRECT CALLS) */
        if (!b->fn->insns[r].value && op == KR_OP_CALL_METHOD && KR_INSN_C(in) == 0 && !e->call.polymorphic &&
            kr_is_ptr(e->call.callee) && KR_OBJ(e->call.callee)->type == b->vm->method_descr_type &&
            KR_AS(kr_cfunction, e->call.callee)->owner) {
            b->fn->insns[r].value = e->call.callee;
            b->fn->insns[r].imm2 |= KR_HIR_STEP_CMETHOD;
        }
        /* a builtin function (len of a user type, isinstance, math.sqrt...) or int / str / float:
         * called directly too, guarded on the callee's identity (builtins are immutable objects; a
         * rebound name loads something else and takes the STEP) */
        int64_t ckind = b->fn->insns[r].value ? 0 : c_callee_kind(b, in, e);
        if (ckind) {
            b->fn->insns[r].value = e->call.callee;
            b->fn->insns[r].imm2 |= ckind;
        }
        kr_value init = b->fn->insns[r].value ? KR_NULL : class_init_callee(b, in, e);
        if (init) {
            b->fn->insns[r].value = e->call.callee;
            b->fn->insns[r].codes[0] = init;
            b->fn->insns[r].imm2 |= KR_HIR_STEP_CLASS;
        }
    }
    set_fs(b, r, fs_now(b), KR_DEOPT_UNCOMPILED);
    uint32_t first, count;
    if (kr_bytecode_writes(b->co, pc, &first, &count)) {
        first = 0;
        count = b->n;
    }
    forget(b, first, count, KR_HT_ANY);
    return r;
}

/* ------------------------------------------------------------------------------------------------
 * Edges */

static sst *copy_state(builder *b, const sst *st)
{
    sst *c = zalloc(b, b->n, sizeof *c);
    if (c)
        memcpy(c, st, b->n * sizeof *c);
    return c;
}

/* Adds the HIR edge current block -> block `to` (the next successor of the terminator just emitted)
 * and records the current state on it. */
static void link(builder *b, uint32_t to)
{
    kr_hir_func *fn = b->fn;
    if (to == NONE32) {
        fail(b, "control flow leaves the code");
        return;
    }
    bblock *t = &b->bb[to];
    if (b->edgecap == b->nedges) {
        uint32_t cap = b->edgecap ? 2 * b->edgecap : 64;
        edge *ne = realloc(b->edges, cap * sizeof *ne);
        if (!ne) {
            fail(b, "out of memory");
            return;
        }
        b->edges = ne;
        b->edgecap = cap;
    }
    if (t->incap == t->nin) {
        uint32_t cap = t->incap ? 2 * t->incap : 4;
        uint32_t *ni = realloc(t->in, cap * sizeof *ni);
        if (!ni) {
            fail(b, "out of memory");
            return;
        }
        t->in = ni;
        t->incap = cap;
    }
    edge *e = &b->edges[b->nedges];
    e->from = b->blk;
    e->succ_idx = fn->blocks[b->blk].nsuccs;
    e->to = to;
    e->pred_idx = fn->blocks[t->hir].npreds;
    e->late = t->started;
    e->st = copy_state(b, b->st);
    e->val = NULL;
    e->fs = -1;
    if (e->late && !t->header)
        fail(b, "unexpected back-edge");
    t->in[t->nin++] = b->nedges++;
    kr_hir_add_edge(fn, b->blk, t->hir);
}

/* The block where code for edge e goes: its source when that has no other successor, else a new
 * block splitting the edge (so the code runs only on this edge). */
static uint32_t edge_block(builder *b, edge *e)
{
    kr_hir_func *fn = b->fn;
    if (fn->blocks[e->from].nsuccs == 1)
        return e->from;
    uint32_t target = b->bb[e->to].hir;
    uint32_t x = kr_hir_add_block(fn, NONE32);
    if (b->fn->error[0]) {
        fail(b, "out of memory");
        return e->from;
    }
    uint32_t saved = b->blk;
    b->blk = x;
    emit(b, KR_HIR_JUMP, KR_HIR_TAGGED, 0, NULL, 0, 0);
    b->blk = saved;
    kr_hir_add_edge(fn, x, target);
    fn->blocks[target].npreds--;
    fn->blocks[target].preds[e->pred_idx] = x;
    kr_hir_add_edge(fn, e->from, x);
    fn->blocks[e->from].nsuccs--;
    fn->blocks[e->from].succs[e->succ_idx] = x;
    e->from = x;
    e->succ_idx = 0;
    return x;
}

static kr_hir_ref edge_emit(builder *b, uint32_t blk, enum kr_hir_op op, kr_hir_rep rep, uint32_t type,
                           kr_hir_ref a, int64_t imm)
{
    kr_hir_ref r = kr_hir_insert_before_end(b->fn, blk, op, rep, type, a ? &a : NULL, a ? 1 : 0, imm);
    if (!r) {
        fail(b, "out of memory");
        return 0;
    }
    ins(b, r)->pc = b->pc;
    return r;
}

static int32_t edge_fs(builder *b, edge *e)
{
    if (e->fs < 0)
        e->fs = fs_of(b, b->bb[e->to].start, e->st);
    return e->fs;
}

static bool counted_loop(builder *b, uint32_t pc, uint32_t a);

/* When slot s is the stop or step of the counted range loop whose FOR_ITER starts header t (FOR_ITER A:
 * s is A + 1 or A + 2, which only GET_ITER writes, so the loop never changes it) and every forward edge
 * into t that knows its value carries the same small int constant: that CONST (a step from call_range).
 * The edges that find the slot in memory (OSR entries) then guard it to be that constant (GUARD_IS), and
 * the header's phi of the slot, a constant on every edge, folds to it (hir_opt.c): a constant step's
 * sign is known and the increment adds an immediate. 0 otherwise. */
static kr_hir_ref header_const(builder *b, const bblock *t, uint32_t s)
{
    kr_insn fi = b->co->insns[t->start];
    uint32_t a = KR_INSN_A(fi);
    if (KR_INSN_OP(fi) != KR_OP_FOR_ITER || (s != a + 1 && s != a + 2) || !counted_loop(b, t->start, a))
        return 0;
    kr_hir_ref k = 0;
    for (uint32_t i = 0; i < t->nin; i++) {
        const edge *e = &b->edges[t->in[i]];
        const sst *x = &e->st[s];
        if (e->late)
            continue; /* a back-edge: carries the phi itself (nothing in the loop writes the slot) */
        if (x->val && ins(b, x->val)->op == KR_HIR_CONST && kr_is_small(ins(b, x->val)->value)) {
            if (k && ins(b, k)->value != ins(b, x->val)->value)
                return 0;
            k = x->val;
        } else if (x->dirty) {
            return 0; /* some other value */
        }
    }
    return k;
}

/* Produces what block e->to's merge decisions need from edge e: phi inputs (loading, guarding,
 * unboxing as needed) and stores of slots dirty on the edge but CLEAN after the merge. */
static void resolve_edge(builder *b, uint32_t eid)
{
    edge *e = &b->edges[eid];
    bblock *t = &b->bb[e->to];
    uint32_t saved_pc = b->pc;
    b->pc = t->start;
    e->val = zalloc(b, b->n, sizeof *e->val);
    if (!e->val)
        return;
    uint32_t blk = NONE32;
    for (uint32_t s = 0; s < b->n; s++) {
        const mdec *d = &t->dec[s];
        const sst *x = &e->st[s];
        if (d->kind == D_CLEAN || !d->phi)
            continue;
        kr_hir_ref v = x->val;
        bool ok = v && (d->kind == D_TAGGED ? !is_double(b, v) && (rtype(b, v) & ~d->type) == 0 : is_double(b, v));
        if (!ok) {
            if (blk == NONE32)
                blk = edge_block(b, e);
            if (!v)
                v = edge_emit(b, blk, KR_HIR_LOAD_SLOT, KR_HIR_TAGGED, x->type, 0, s);
            kr_hir_ref k = d->kind == D_TAGGED && !is_double(b, v) && ins(b, v)->op != KR_HIR_CONST
                               ? header_const(b, t, s) : 0;
            if (k) {
                /* the loop's constant stop / step: an entry that finds another value deopts */
                v = edge_emit(b, blk, KR_HIR_GUARD_IS, KR_HIR_TAGGED, KR_HT_SMALLINT, v, 0);
                ins(b, v)->value = ins(b, k)->value;
                set_fs(b, v, edge_fs(b, e), KR_DEOPT_IDENTITY);
            } else if (d->kind == D_TAGGED) {
                if (!is_double(b, v) && (ins(b, v)->type & ~d->type)) {
                    /* only small ints are speculated on (merge_header): the phi may be wider */
                    v = edge_emit(b, blk, KR_HIR_GUARD_TYPE, KR_HIR_TAGGED, KR_HT_SMALLINT, v, KR_HT_SMALLINT);
                    set_fs(b, v, edge_fs(b, e), KR_DEOPT_TYPE);
                }
            } else if (!is_double(b, v)) {
                if (ins(b, v)->type != KR_HT_FLOAT) {
                    v = edge_emit(b, blk, KR_HIR_GUARD_TYPE, KR_HIR_TAGGED, KR_HT_FLOAT, v, KR_HT_FLOAT);
                    set_fs(b, v, edge_fs(b, e), KR_DEOPT_TYPE);
                }
                v = edge_emit(b, blk, KR_HIR_UNBOX_FLOAT, KR_HIR_DOUBLE, KR_HT_FLOAT, v, 0);
            }
        }
        e->val[s] = v;
    }
    /* slots CLEAN after the merge but dirty on this edge: store them (one box per distinct double) */
    for (uint32_t s = 0; s < b->n; s++) {
        b->tmp[s] = 0;
        const sst *x = &e->st[s];
        if (t->dec[s].kind != D_CLEAN || !x->dirty || t->dec[s].dead)
            continue;
        if (blk == NONE32)
            blk = edge_block(b, e);
        kr_hir_ref v = x->val;
        if (is_double(b, v)) {
            for (uint32_t p = 0; p < s; p++)
                if (b->tmp[p] && e->st[p].val == v)
                    b->tmp[s] = b->tmp[p];
            if (!b->tmp[s]) {
                b->tmp[s] = edge_emit(b, blk, KR_HIR_BOX_FLOAT, KR_HIR_TAGGED, KR_HT_FLOAT, v, 0);
                set_fs(b, b->tmp[s], edge_fs(b, e), KR_DEOPT_TYPE);
            }
            v = b->tmp[s];
        }
        edge_emit(b, blk, KR_HIR_STORE_SLOT, KR_HIR_TAGGED, 0, v, s);
    }
    b->pc = saved_pc;
}

/* ------------------------------------------------------------------------------------------------
 * Merges */

enum { K_DBL, K_IMM, K_FLT, K_UNK }; /* how an edge holds a slot */

static int edge_kind(builder *b, const sst *x, uint32_t *type)
{
    if (st_double(b, x)) {
        *type = KR_HT_FLOAT;
        return K_DBL;
    }
    uint32_t t = st_type(b, x);
    *type = t;
    if (x->dirty || imm_type(t))
        return K_IMM;
    return t == KR_HT_FLOAT ? K_FLT : K_UNK;
}

/* Decision for slot s of an ordinary merge (every incoming edge known). */
static mdec merge_plain(builder *b, bblock *t, uint32_t s)
{
    mdec d = {b->edges[t->in[0]].st[s].hdr, D_CLEAN, false, 0, 0, false};
    bool any_dirty = false, all_same = true, has_dbl = false, all_df = true, all_imm = true;
    kr_hir_ref same = b->edges[t->in[0]].st[s].val;
    for (uint32_t i = 0; i < t->nin; i++) {
        const sst *x = &b->edges[t->in[i]].st[s];
        uint32_t ty;
        int k = edge_kind(b, x, &ty);
        d.type |= ty;
        if (x->hdr != d.hdr)
            d.hdr = 0;
        any_dirty |= x->dirty;
        if (!x->val || x->val != same)
            all_same = false;
        has_dbl |= k == K_DBL;
        if (k != K_DBL && k != K_FLT)
            all_df = false;
        if (k != K_IMM)
            all_imm = false;
    }
    if (!any_dirty) {
        d.val = all_same ? same : 0;
        return d;
    }
    d.hdr = 0;
    if (all_same) {
        d.kind = is_double(b, same) ? D_DOUBLE : D_TAGGED;
        d.val = same;
        d.type = rtype(b, same);
        return d;
    }
    if (has_dbl && all_df) {
        d.kind = D_DOUBLE;
        d.phi = true;
        d.type = KR_HT_FLOAT;
    } else if (all_imm) {
        d.kind = D_TAGGED;
        d.phi = true;
    }
    return d;
}

/* Decision for slot s of a loop header from its assumption and the entry edges known so far. An entry
 * edge the assumption cannot accept makes the slot CLEAN in this build (check_header then forces it). */
static mdec merge_header(builder *b, bblock *t, uint32_t s)
{
    const asn *a = &t->asn[s];
    mdec d = {(uint32_t)(t - b->bb) + 1, D_CLEAN, false, a->type, 0, false};
    uint32_t fwd = 0, imm = 0;
    bool unk = false, tagged_ok = true, double_ok = true;
    for (uint32_t i = 0; i < t->nin; i++) {
        const sst *x = &b->edges[t->in[i]].st[s];
        uint32_t ty;
        int k = edge_kind(b, x, &ty);
        fwd |= ty;
        if (k == K_IMM)
            imm |= ty;
        else
            unk = true;
        if (k == K_DBL)
            tagged_ok = false;
        if (k == K_IMM || (k == K_UNK && !(ty & KR_HT_FLOAT)))
            double_ok = false;
        if ((k == K_UNK || k == K_FLT) && !(ty & KR_HT_SMALLINT))
            tagged_ok = false;
    }
    if (a->kind == A_TAGGED) {
        uint32_t p = a->type | imm;
        if (tagged_ok && (!unk || (p & KR_HT_SMALLINT))) {
            d.kind = D_TAGGED;
            d.phi = true;
            d.type = p;
            return d;
        }
    } else if (a->kind == A_DOUBLE && double_ok) {
        d.kind = D_DOUBLE;
        d.phi = true;
        d.type = KR_HT_FLOAT;
        return d;
    }
    d.type = a->type | fwd;
    return d;
}

/* Computes block t's entry state into b->st, creating phis and resolving its entry edges. */
static void merge(builder *b, bblock *t)
{
    for (uint32_t s = 0; s < b->n; s++) {
        mdec d = {0, D_CLEAN, false, KR_HT_ANY, 0, true};
        if (!slot_dead(b, t->start, s))
            d = t->header ? merge_header(b, t, s) : merge_plain(b, t, s);
        if (d.phi) {
            d.val = kr_hir_insert_phi(b->fn, t->hir, d.kind == D_DOUBLE ? KR_HIR_DOUBLE : KR_HIR_TAGGED, d.type);
            if (!d.val) {
                fail(b, "out of memory");
                return;
            }
            ins(b, d.val)->pc = t->start;
        }
        t->dec[s] = d;
        b->st[s].dirty = d.kind != D_CLEAN;
        b->st[s].hdr = d.kind == D_CLEAN ? d.hdr : 0;
        b->st[s].val = d.val;
        b->st[s].type = d.val ? rtype(b, d.val) : d.type;
    }
    for (uint32_t i = 0; i < t->nin && !b->failed; i++)
        resolve_edge(b, t->in[i]);
}

/* After the build: do the header's assumptions hold on every edge? Moves them up when not. */
static void check_header(builder *b, bblock *t)
{
    for (uint32_t s = 0; s < b->n; s++) {
        asn *a = &t->asn[s];
        asn nw = *a;
        if (slot_dead(b, t->start, s))
            continue; /* merges ignore it: no assumption to check */
        uint32_t all = 0, imm = 0;
        bool late_any = false, late_imm = true, late_df = true, late_dbl = false;
        bool fwd_unk = false, fwd_tag_ok = true, fwd_dbl_ok = true;
        for (uint32_t i = 0; i < t->nin; i++) {
            const edge *e = &b->edges[t->in[i]];
            uint32_t ty;
            int k = edge_kind(b, &e->st[s], &ty);
            if (e->late && k != K_IMM && e->st[s].hdr == (uint32_t)(t - b->bb) + 1)
                continue; /* the slot went round the loop untouched on this path */
            all |= ty;
            if (k == K_IMM)
                imm |= ty;
            if (e->late) {
                late_any = true;
                late_imm &= k == K_IMM;
                late_df &= k == K_DBL || k == K_FLT;
                late_dbl |= k == K_DBL;
            } else {
                if (k != K_IMM) {
                    fwd_unk = true;
                    if (!(ty & KR_HT_SMALLINT))
                        fwd_tag_ok = false;
                }
                if (k == K_IMM || (k == K_UNK && !(ty & KR_HT_FLOAT)))
                    fwd_dbl_ok = false;
            }
        }
        switch (a->kind) {
        case A_CLEAN:
            if (late_any && late_df && late_dbl && fwd_dbl_ok) {
                nw.kind = A_DOUBLE;
                nw.type = KR_HT_FLOAT;
            } else if (late_any && late_imm && fwd_tag_ok && (!fwd_unk || (imm & KR_HT_SMALLINT))) {
                nw.kind = A_TAGGED;
                nw.type = imm;
            } else {
                nw.type |= all;
            }
            break;
        case A_TAGGED: {
            uint32_t p = a->type | imm;
            bool ok = true;
            for (uint32_t i = 0; i < t->nin; i++) {
                const edge *e = &b->edges[t->in[i]];
                uint32_t ty;
                int k = edge_kind(b, &e->st[s], &ty);
                if (k == K_DBL || (k != K_IMM && (e->late || !(p & KR_HT_SMALLINT) || !(ty & KR_HT_SMALLINT))))
                    ok = false;
            }
            if (ok) {
                nw.type = p;
            } else {
                nw.kind = A_FORCED;
                nw.type = a->type | all;
            }
            break;
        }
        case A_DOUBLE: {
            bool ok = true;
            for (uint32_t i = 0; i < t->nin; i++) {
                const edge *e = &b->edges[t->in[i]];
                uint32_t ty;
                int k = edge_kind(b, &e->st[s], &ty);
                if (k == K_IMM || (k == K_UNK && (e->late || !(ty & KR_HT_FLOAT))))
                    ok = false;
            }
            if (!ok) {
                nw.kind = A_FORCED;
                nw.type = KR_HT_FLOAT | all;
            }
            break;
        }
        default:
            nw.type |= all;
            break;
        }
        if (nw.kind != a->kind || nw.type != a->type) {
            *a = nw;
            b->changed = true;
        }
    }
}

/* ------------------------------------------------------------------------------------------------
 * Instructions */

static kr_fb *feedback(builder *b, uint32_t pc) { return &b->co->fb[KR_CACHE_FB(b->co->insns[pc + 1])]; }

static bool int_binop_ok(unsigned op)
{
    switch (op) {
    case KR_OP_ADD: case KR_OP_SUB: case KR_OP_MUL: case KR_OP_FLOORDIV: case KR_OP_MOD:
    case KR_OP_AND: case KR_OP_OR: case KR_OP_XOR: case KR_OP_LSHIFT: case KR_OP_RSHIFT:
        return true;
    default:
        return false;
    }
}

static bool float_binop_ok(unsigned op)
{
    return op == KR_OP_ADD || op == KR_OP_SUB || op == KR_OP_MUL || op == KR_OP_TRUEDIV || op == KR_OP_POW;
}

/* How an arithmetic operand can be used: known int / float, int / float after a guard the feedback
 * justifies, or not at all. */
enum { C_NONE, C_INT, C_GINT, C_FLT, C_GFLT };

static int classify(builder *b, uint32_t s, unsigned fb)
{
    const sst *x = &b->st[s];
    if (st_double(b, x))
        return C_FLT;
    uint32_t t = st_type(b, x);
    if (t == KR_HT_SMALLINT)
        return C_INT;
    if (t == KR_HT_FLOAT)
        return C_FLT;
    if (fb == KR_FB_SMALLINT && (t & KR_HT_SMALLINT))
        return C_GINT;
    if (fb == KR_FB_FLOAT && (t & KR_HT_FLOAT))
        return C_GFLT;
    return C_NONE;
}

static bool c_int(int c) { return c == C_INT || c == C_GINT; }
static bool c_flt(int c) { return c == C_FLT || c == C_GFLT; }

static kr_hir_ref int_operand(builder *b, uint32_t s) { return guard_type(b, read_slot(b, s), KR_HT_SMALLINT); }

static kr_hir_ref double_operand(builder *b, uint32_t s, int c)
{
    if (st_double(b, &b->st[s]))
        return b->st[s].val;
    if (c_int(c))
        return emit1(b, KR_HIR_INT_TO_DOUBLE, KR_HIR_DOUBLE, KR_HT_FLOAT, int_operand(b, s), 0);
    kr_hir_ref v = guard_type(b, read_slot(b, s), KR_HT_FLOAT);
    return emit1(b, KR_HIR_UNBOX_FLOAT, KR_HIR_DOUBLE, KR_HT_FLOAT, v, 0);
}

static bool binary_op(builder *b, uint32_t pc, kr_insn in)
{
    const kr_fb *fb = feedback(b, pc);
    unsigned op = KR_INSN_X(in) & 0x7f;
    uint32_t a = KR_INSN_A(in), sb = KR_INSN_B(in), sc = KR_INSN_C(in);
    int cb = classify(b, sb, fb->types.lhs), cc = classify(b, sc, fb->types.rhs);
    if (c_int(cb) && c_int(cc) && int_binop_ok(op) && !(fb->types.extra & KR_FB_OVERFLOWED)) {
        kr_hir_ref x = int_operand(b, sb), y = int_operand(b, sc);
        kr_hir_ref r = emit2(b, KR_HIR_INT_BINOP, KR_HIR_TAGGED, KR_HT_SMALLINT, x, y, op);
        if (op == KR_OP_FLOORDIV || op == KR_OP_MOD)
            set_fs(b, r, fs_now(b), KR_DEOPT_ZERO_DIV);
        else if (op == KR_OP_LSHIFT || op == KR_OP_RSHIFT)
            set_fs(b, r, fs_now(b), KR_DEOPT_SHIFT);
        else if (op == KR_OP_ADD || op == KR_OP_SUB || op == KR_OP_MUL)
            set_fs(b, r, fs_now(b), KR_DEOPT_OVERFLOW);
        write_slot(b, a, r);
        return true;
    }
    if ((c_flt(cb) || c_flt(cc)) && cb != C_NONE && cc != C_NONE && float_binop_ok(op)) {
        kr_hir_ref x = double_operand(b, sb, cb), y = double_operand(b, sc, cc);
        kr_hir_ref r = emit2(b, KR_HIR_FLOAT_BINOP, KR_HIR_DOUBLE, KR_HT_FLOAT, x, y, op);
        if (op == KR_OP_TRUEDIV)
            set_fs(b, r, fs_now(b), KR_DEOPT_ZERO_DIV);
        else if (op == KR_OP_POW)
            set_fs(b, r, fs_now(b), KR_DEOPT_FLOAT_POW);
        write_slot(b, a, r);
        return true;
    }
    return false;
}

/* A small int constant that converts to double exactly (|n| <= 2**53). */
static bool exact_int_const(builder *b, uint32_t s)
{
    kr_hir_ref v = b->st[s].val;
    if (!v || ins(b, v)->op != KR_HIR_CONST || !kr_is_small(ins(b, v)->value))
        return false;
    int64_t n = kr_small_val(ins(b, v)->value);
    return n >= -(INT64_C(1) << 53) && n <= (INT64_C(1) << 53);
}

static bool compare_op(builder *b, uint32_t pc, kr_insn in)
{
    const kr_fb *fb = feedback(b, pc);
    unsigned op = KR_INSN_X(in);
    uint32_t a = KR_INSN_A(in), sb = KR_INSN_B(in), sc = KR_INSN_C(in);
    if (op >= KR_CMP_COUNT)
        return false;
    int cb = classify(b, sb, fb->types.lhs), cc = classify(b, sc, fb->types.rhs);
    kr_hir_ref r;
    if (c_int(cb) && c_int(cc)) {
        kr_hir_ref x = int_operand(b, sb), y = int_operand(b, sc);
        r = emit2(b, KR_HIR_INT_CMP, KR_HIR_TAGGED, KR_HT_BOOL, x, y, op);
    } else if ((c_flt(cb) && c_flt(cc)) || (c_flt(cb) && cc == C_INT && exact_int_const(b, sc)) ||
               (cb == C_INT && exact_int_const(b, sb) && c_flt(cc))) {
        kr_hir_ref x = double_operand(b, sb, cb), y = double_operand(b, sc, cc);
        r = emit2(b, KR_HIR_FLOAT_CMP, KR_HIR_TAGGED, KR_HT_BOOL, x, y, op);
    } else {
        return false;
    }
    write_slot(b, a, r);
    return true;
}

static bool unary_op(builder *b, kr_insn in)
{
    uint32_t a = KR_INSN_A(in), s = KR_INSN_B(in);
    unsigned op = KR_INSN_X(in);
    const sst *x = &b->st[s];
    uint32_t t = st_type(b, x);
    bool dbl = st_double(b, x) || t == KR_HT_FLOAT, small = !dbl && t == KR_HT_SMALLINT;
    if (op == KR_UNARY_NEG && dbl) {
        kr_hir_ref v = double_operand(b, s, C_FLT);
        write_slot(b, a, emit1(b, KR_HIR_FLOAT_NEG, KR_HIR_DOUBLE, KR_HT_FLOAT, v, 0));
    } else if (op == KR_UNARY_NEG && small) {
        kr_hir_ref r = emit1(b, KR_HIR_INT_NEG, KR_HIR_TAGGED, KR_HT_SMALLINT, read_slot(b, s), 0);
        set_fs(b, r, fs_now(b), KR_DEOPT_OVERFLOW);
        write_slot(b, a, r);
    } else if (op == KR_UNARY_INVERT && small) {
        write_slot(b, a, emit1(b, KR_HIR_INT_INVERT, KR_HIR_TAGGED, KR_HT_SMALLINT, read_slot(b, s), 0));
    } else if (op == KR_UNARY_POS && (small || dbl)) {
        /* +x is x itself for ints and exact floats (CPython returns the same float object) */
        write_slot(b, a, st_double(b, x) ? x->val : read_slot(b, s));
    } else {
        return false;
    }
    return true;
}

/* bool(s[s]) as a TAGGED BOOL; TRUTHY may run __bool__, so it gets a frame state. */
static kr_hir_ref truth(builder *b, uint32_t s)
{
    const sst *x = &b->st[s];
    if (st_double(b, x)) {
        kr_hir_ref z = emit_const_double(b, 0.0);
        return emit2(b, KR_HIR_FLOAT_CMP, KR_HIR_TAGGED, KR_HT_BOOL, x->val, z, KR_CMP_NE);
    }
    kr_hir_ref v = read_slot(b, s);
    if (ins(b, v)->type == KR_HT_BOOL)
        return v;
    kr_hir_ref r = emit1(b, KR_HIR_TRUTHY, KR_HIR_TAGGED, KR_HT_BOOL, v, 0);
    set_fs(b, r, fs_now(b), KR_DEOPT_TYPE);
    return r;
}

/* BRANCH on cond: true -> block tb, false -> block fb (a JUMP when they are the same block). */
static void branch(builder *b, kr_hir_ref cond, uint32_t tb, uint32_t fb)
{
    if (tb == fb) {
        emit(b, KR_HIR_JUMP, KR_HIR_TAGGED, 0, NULL, 0, 0);
        link(b, tb);
        return;
    }
    emit1(b, KR_HIR_BRANCH, KR_HIR_TAGGED, 0, cond, 0);
    link(b, tb);
    link(b, fb);
}

static kr_hir_ref frame_rt(builder *b, uint32_t pc, enum kr_jit_rt_fn f);
static kr_hir_ref call_rt(builder *b, enum kr_jit_rt_fn f, const kr_hir_ref *args, uint32_t nargs, int64_t imm2);
static int64_t insn_addr(builder *b, uint32_t pc);

/* Did the GET_ITER that sets up the iterator in slot a only ever see ranges of small ints? */
static bool counted_loop(builder *b, uint32_t pc, uint32_t a)
{
    uint32_t found = NONE32;
    for (uint32_t p = 0; p < pc; p += kr_opcode_words[KR_INSN_OP(b->co->insns[p])]) {
        kr_insn in = b->co->insns[p];
        if (KR_INSN_OP(in) == KR_OP_GET_ITER && KR_INSN_A(in) == a)
            found = p;
    }
    if (found == NONE32 || (KR_INSN_X(b->co->insns[found]) & KR_ITER_PLAIN))
        return false;
    if (b->range_fused[found])
        return true;
    unsigned extra = feedback(b, found)->types.extra;
    return (extra & KR_FB_ITER_RANGE) && !(extra & KR_FB_ITER_OTHER);
}

/* Is the instruction at pc an UNPACK_SEQUENCE of the item of the FOR_ITER right before it, that item
 * dead afterwards, its value slots apart from the iterator's state and the item? Then the FOR_ITER is
 * FOR_ITER_UNPACK, which may leave the values in place of a tuple (a zip or enumerate), and the UNPACK
 * is UNPACK_ITERATED, which then does nothing. Static (the bytecode and its liveness only), so that
 * the two instructions always agree: the UNPACK must not see the KR_NULL item any other way. */
static bool iter_unpack(builder *b, uint32_t pc)
{
    kr_code *co = b->co;
    if (pc < 2 || pc + 1 >= co->ninsns || !b->after_iter[pc] || KR_INSN_OP(co->insns[pc]) != KR_OP_UNPACK_SEQUENCE)
        return false;
    kr_insn f = co->insns[pc - 2], u = co->insns[pc];
    uint32_t st = KR_INSN_A(f), item = KR_INSN_B(f), ub = KR_INSN_B(u), uc = KR_INSN_C(u);
    if (KR_INSN_A(u) != item || st + 2 >= b->n || item >= b->n || ub + uc > b->n || uc == 0)
        return false;
    if ((ub < st + 3 && st < ub + uc) || (item >= ub && item < ub + uc))
        return false;
    return slot_dead(b, pc + 1, item);
}

static void for_iter(builder *b, uint32_t pc, kr_insn in, uint32_t fall)
{
    uint32_t a = KR_INSN_A(in), item = KR_INSN_B(in);
    uint32_t exit_bb = b->bb_at[KR_CACHE_E(b->co->insns[pc + 1])];
    if (a + 2 < b->n && !st_double(b, &b->st[a]) && !st_double(b, &b->st[a + 1]) &&
        !st_double(b, &b->st[a + 2]) && counted_loop(b, pc, a)) {
        kr_hir_ref cur = int_operand(b, a), stop = int_operand(b, a + 1), stp = int_operand(b, a + 2);
        /* the state before FOR_ITER: an overflowing increment deopts here and the interpreter re-runs
         * FOR_ITER, which handles the overflow itself */
        int32_t before = fs_now(b);
        kr_hir_ref args[3] = {cur, stop, stp};
        kr_hir_ref more = emit(b, KR_HIR_RANGE_NEXT, KR_HIR_TAGGED, KR_HT_BOOL, args, 3, 0);
        emit1(b, KR_HIR_BRANCH, KR_HIR_TAGGED, 0, more, 0);
        uint32_t body = kr_hir_add_block(b->fn, NONE32);
        if (b->fn->error[0]) {
            fail(b, "out of memory");
            return;
        }
        kr_hir_add_edge(b->fn, b->blk, body);
        link(b, exit_bb);
        b->blk = body;
        kr_hir_ref next = emit2(b, KR_HIR_INT_BINOP, KR_HIR_TAGGED, KR_HT_SMALLINT, cur, stp, KR_OP_ADD);
        set_fs(b, next, before, KR_DEOPT_OVERFLOW);
        ins(b, next)->imm2 = KR_HIR_INT_RANGE_STEP;
        write_slot(b, item, cur);
        write_slot(b, a, next);
        emit(b, KR_HIR_JUMP, KR_HIR_TAGGED, 0, NULL, 0, 0);
        link(b, fall);
        return;
    }
    if (a + 2 >= b->n || item >= b->n) {
        kr_hir_ref r = step(b, pc);
        emit1(b, KR_HIR_BRANCH_PC, KR_HIR_TAGGED, 0, r, KR_CACHE_E(b->co->insns[pc + 1]));
        link(b, exit_bb);
        link(b, fall);
        return;
    }
    /* Any other iterator (or a counted state the feedback did not predict): the interpreter's FOR_ITER
     * on frame memory. The item slot is written only when there is one, so it is stored first too:
     * memory then holds its value on both edges. */
    flush_ranges(b, a, 3, item, 1);
    kr_hir_ref more;
    if (iter_unpack(b, pc + 2)) {
        /* the UNPACK's slots may be written too (even when exhausted or raising: dead there) */
        kr_insn u = b->co->insns[pc + 2];
        flush_ranges(b, KR_INSN_B(u), KR_INSN_C(u), 0, 0);
        more = frame_rt(b, pc, KR_JIT_RT_FOR_ITER_UNPACK);
        forget(b, KR_INSN_B(u), KR_INSN_C(u), ANY_VALUE);
    } else {
        more = frame_rt(b, pc, KR_JIT_RT_FOR_ITER);
    }
    forget(b, a, 1, KR_HT_ANY);
    forget(b, item, 1, ANY_VALUE | KR_HT_NULL); /* an item (never unbound), or FOR_ITER_UNPACK's KR_NULL */
    emit1(b, KR_HIR_BRANCH, KR_HIR_TAGGED, 0, more, 0);
    link(b, fall);
    b->st[item].type = KR_HT_ANY; /* exhausted: whatever the slot held before (perhaps unbound) */
    link(b, exit_bb);
}

/* ------------------------------------------------------------------------------------------------
 * Globals, attributes, items and len() (hir.h's round-2 specialisations)
 *
 * Each reads the inline cache the interpreter filled at that instruction (vm/code.h) and guards exactly
 * what the interpreter's cache hit checks there (vm/interp.c). Every guard's frame state is the state
 * before the instruction: a failing guard resumes the interpreter at the instruction, which runs it
 * generically and refills its cache. Results that may be pointers are written through (write_slot). */

/* A LOAD_ATTR site whose cache was refilled more often than this is polymorphic: left to STEP. */
#define KR_HIR_MAX_ATTR_MISSES 2

#define SIZED_TYPES (KR_HT_STR | KR_HT_LIST | KR_HT_TUPLE | KR_HT_DICT)

/* How often a deopt storm made kr_jit_note_deopt (compiler/jit.c) give up this function's code: it
 * counts the recompilations in jit_flags >> 8. A storm means some speculation keeps failing, and the
 * caches of STORE_ATTR and LOAD_METHOD keep no miss count to say which: after one storm those sites
 * (and LOAD_ATTR sites that ever missed) stay generic, after two every shape guard does. */
static unsigned recompiles(const kr_code *co) { return co->jit_flags >> 8; }

/* Classes with immediate instances (small ints, bool, None, Ellipsis...): GUARD_SHAPE wants a heap
 * object, so a cache on such a class cannot be guarded that way. */
static bool immediate_class(builder *b, const kr_type *t)
{
    if (t == b->vm->t.int_)
        return true;
    for (int i = 0; i < KR_IMM_COUNT; i++)
        if (b->vm->imm_types[i] == t)
            return true;
    return false;
}

/* The HIR type of an object whose exact class is t. */
static uint32_t class_bits(builder *b, const kr_type *t)
{
    const kr_types *T = &b->vm->t;
    if (t == T->float_)
        return KR_HT_FLOAT;
    if (t == T->str)
        return KR_HT_STR;
    if (t == T->list)
        return KR_HT_LIST;
    if (t == T->tuple)
        return KR_HT_TUPLE;
    if (t == T->dict)
        return KR_HT_DICT;
    if (t == T->function)
        return KR_HT_FUNC;
    return KR_HT_OBJECT;
}

/* Does another attribute site on the same local variable show a different class, or misses? Then the
 * variable holds objects of several classes (e.g. `self` in a method inherited by several subclasses)
 * and a STORE_ATTR / LOAD_METHOD cache, which counts no misses, only shows the last one. */
static bool local_polymorphic(builder *b, uint32_t s, const kr_type *t)
{
    kr_code *co = b->co;
    if (s >= co->nlocals)
        return false; /* a temporary: nothing to compare with */
    for (uint32_t pc = 0; pc < co->ninsns; pc += kr_opcode_words[KR_INSN_OP(co->insns[pc])]) {
        kr_insn in = co->insns[pc];
        unsigned op = KR_INSN_OP(in);
        uint32_t obj;
        if (op == KR_OP_LOAD_ATTR || op == KR_OP_LOAD_METHOD)
            obj = KR_INSN_B(in);
        else if (op == KR_OP_STORE_ATTR)
            obj = KR_INSN_A(in);
        else
            continue;
        const kr_fb *e = feedback(b, pc);
        if (obj == s && e->attr.type &&
            (e->attr.type != t || (op == KR_OP_LOAD_ATTR && e->attr.misses > KR_HIR_MAX_ATTR_MISSES)))
            return true;
    }
    return false;
}

/* Can attribute cache entry e be used, guarded on the object in slot s? `counted`: the site counts its
 * misses (LOAD_ATTR); otherwise polymorphism is judged from the variable's other sites. */
static bool attr_entry_ok(builder *b, const kr_fb *e, uint32_t s, bool counted)
{
    kr_type *t = e->attr.type;
    unsigned r = recompiles(b->co);
    if (!t || t->version != e->attr.version || immediate_class(b, t) || e->attr.misses > KR_HIR_MAX_ATTR_MISSES)
        return false; /* empty, stale (a guard that always fails), unguardable or polymorphic */
    if (r >= 2 || (r == 1 && (!counted || e->attr.misses)))
        return false;
    if (!counted && local_polymorphic(b, s, t))
        return false;
    const sst *x = &b->st[s];
    return !st_double(b, x) && (st_type(b, x) & class_bits(b, t));
}

/* GUARD_SHAPE on slot s's value: exact class t at version, and the instance shape when shape != NULL.
 * Every slot holding the value then holds the guarded (typed) one. */
static kr_hir_ref guard_shape(builder *b, uint32_t s, kr_type *t, uint32_t version, void *shape)
{
    kr_hir_ref v = read_slot(b, s);
    uint32_t bits = class_bits(b, t), vt = ins(b, v)->type;
    kr_hir_ref g = emit1(b, KR_HIR_GUARD_SHAPE, KR_HIR_TAGGED, (vt & bits) ? (vt & bits) : bits, v, version);
    ins(b, g)->value = KR_VAL(t);
    ins(b, g)->imm2 = (int64_t)(uintptr_t)shape;
    set_fs(b, g, fs_now(b), KR_DEOPT_SHAPE);
    refine(b, v, g);
    return g;
}

/* Slot s's value as a TAGGED value for a store into the heap. A dirty double is boxed, and the box
 * written to every slot holding that double, so that the stored object is the one the variables hold
 * (as in the interpreter, where `o.x = y` makes `o.x is y`). */
static kr_hir_ref tagged_value(builder *b, uint32_t s)
{
    if (!st_double(b, &b->st[s]))
        return read_slot(b, s);
    kr_hir_ref d = b->st[s].val;
    kr_hir_ref box = emit1(b, KR_HIR_BOX_FLOAT, KR_HIR_TAGGED, KR_HT_FLOAT, d, 0);
    set_fs(b, box, fs_now(b), KR_DEOPT_TYPE);
    for (uint32_t p = 0; p < b->n; p++)
        if (b->st[p].dirty && b->st[p].val == d)
            write_slot(b, p, box);
    return box;
}

/* LOAD_GLOBAL: the cache holds the address of the value in the globals (or builtins) dict, valid while
 * the dicts' keys versions hold (a store that replaces a global's value keeps them, and the load reads
 * the new value through the address). Guards of the same dict in one block are merged by the
 * optimiser. Code whose keys-version guards failed too often (compiler/jit.h) steps the instruction. */
static bool load_global(builder *b, uint32_t pc, kr_insn in)
{
    const kr_fb *e = feedback(b, pc);
    kr_value g = e->global.globals, bd = e->global.builtins;
    kr_value *slot = e->global.slot;
    if (!g || !slot ||
        ((b->co->jit_flags & KR_JIT_GLOBAL_MASK) >> KR_JIT_GLOBAL_SHIFT) >= KR_JIT_GLOBAL_SPEC_LIMIT)
        return false;
    uint64_t gkv = e->global.globals_kv, bkv = e->global.builtins_kv;
    if (kr_dict_keys_version(g) != gkv || (bd && kr_dict_keys_version(bd) != bkv)) {
        /* Stale: a dict's keys changed since the interpreter last ran this instruction (typically code
         * retired by a failing keys guard elsewhere and compiled again at once). Look the name up as the
         * interpreter's cache fill does, in the same dicts (which the guards check are the frame's):
         * no Python code runs. A global that was deleted (no builtins dict known) is left to STEP. */
        kr_value name = kr_tuple_items(b->co->names)[KR_INSN_BX(in)];
        slot = kr_dict_lookup_slot(b->vm, g, name);
        if (slot)
            bd = KR_NULL;
        else if (bd)
            slot = kr_dict_lookup_slot(b->vm, bd, name);
        if (!slot)
            return false;
        gkv = kr_dict_keys_version(g);
        bkv = bd ? kr_dict_keys_version(bd) : 0;
    }
    int32_t fs = fs_now(b);
    kr_hir_ref r = emit(b, KR_HIR_GUARD_DICT_VERSION, KR_HIR_TAGGED, 0, NULL, 0, (int64_t)gkv);
    ins(b, r)->value = g;
    ins(b, r)->imm2 = 1;
    set_fs(b, r, fs, KR_DEOPT_GLOBAL);
    if (bd) {
        /* the name is absent from globals: a new global of that name changes globals' keys version */
        r = emit(b, KR_HIR_GUARD_DICT_VERSION, KR_HIR_TAGGED, 0, NULL, 0, (int64_t)bkv);
        ins(b, r)->value = bd;
        ins(b, r)->imm2 = 2;
        set_fs(b, r, fs, KR_DEOPT_GLOBAL);
    }
    write_slot(b, KR_INSN_A(in),
               emit(b, KR_HIR_LOAD_ADDR, KR_HIR_TAGGED, ANY_VALUE, NULL, 0, (int64_t)(uintptr_t)slot));
    return true;
}

/* Is a __slots__ member cache entry's byte offset one the back end addresses (past the instance
 * header, word-aligned)? The interpreter only fills it from a member descriptor, so this is a check
 * against a corrupt entry, not a decision. */
static bool member_offset_ok(const kr_fb *e)
{
    return e->attr.index >= (int64_t)sizeof(kr_instance) && e->attr.index <= INT32_MAX && !(e->attr.index & 7);
}

/* LOAD_ATTR: an instance attribute at a slot of a known shape, a __slots__ member (guarded on the class
 * alone: the member descriptor wins over the instance's attributes), or a class attribute no instance
 * of that shape can shadow (a constant while the class version holds: the class keeps it alive). */
static bool load_attr(builder *b, uint32_t pc, kr_insn in)
{
    const kr_fb *e = feedback(b, pc);
    uint32_t a = KR_INSN_A(in), s = KR_INSN_B(in);
    kr_shape *shape = e->attr.shape;
    kr_hir_ref r;
    if (e->attr.kind == KR_FB_ATTR_MEMBER_SLOT) {
        if (!member_offset_ok(e) || !attr_entry_ok(b, e, s, true))
            return false;
        kr_hir_ref g = guard_shape(b, s, e->attr.type, e->attr.version, NULL);
        int32_t fs = fs_now(b);
        r = emit1(b, KR_HIR_LOAD_FIELD, KR_HIR_TAGGED, ANY_VALUE, g, e->attr.index);
        set_fs(b, r, fs, KR_DEOPT_UNBOUND); /* an unset member deopts to the LOAD_ATTR, which raises */
        write_slot(b, a, r);
        return true;
    }
    if (!shape || !attr_entry_ok(b, e, s, true))
        return false;
    if (e->attr.kind == KR_FB_ATTR_SHAPE_SLOT) {
        if (e->attr.index < 0 || (uint64_t)e->attr.index >= shape->count)
            return false;
        kr_hir_ref g = guard_shape(b, s, e->attr.type, e->attr.version, shape);
        r = emit1(b, KR_HIR_LOAD_INST_SLOT, KR_HIR_TAGGED, ANY_VALUE, g, e->attr.index);
    } else if (e->attr.kind == KR_FB_ATTR_TYPE_VALUE) {
        guard_shape(b, s, e->attr.type, e->attr.version, shape);
        r = emit_const(b, e->attr.value);
    } else {
        return false;
    }
    write_slot(b, a, r);
    return true;
}

/* STORE_ATTR to an attribute the instance already has, or to a __slots__ member (adding an attribute
 * stays a STEP). */
static bool store_attr(builder *b, uint32_t pc, kr_insn in)
{
    const kr_fb *e = feedback(b, pc);
    uint32_t s = KR_INSN_A(in), v = KR_INSN_C(in);
    kr_shape *shape = e->attr.shape;
    if (e->attr.kind == KR_FB_ATTR_MEMBER_SLOT) {
        if (!member_offset_ok(e) || !attr_entry_ok(b, e, s, false))
            return false;
        kr_hir_ref g = guard_shape(b, s, e->attr.type, e->attr.version, NULL);
        emit2(b, KR_HIR_STORE_FIELD, KR_HIR_TAGGED, 0, g, tagged_value(b, v), e->attr.index);
        return true;
    }
    if (e->attr.kind != KR_FB_ATTR_SHAPE_SLOT || !shape || e->attr.index < 0 ||
        (uint64_t)e->attr.index >= shape->count || !attr_entry_ok(b, e, s, false))
        return false;
    kr_hir_ref g = guard_shape(b, s, e->attr.type, e->attr.version, shape);
    /* after the guard: `o.x = o` stores the guarded value */
    emit2(b, KR_HIR_STORE_INST_SLOT, KR_HIR_TAGGED, 0, g, tagged_value(b, v), e->attr.index);
    return true;
}

/* Was the call made with the method loaded into slot a (the CALL_METHOD after pc that uses it) seen
 * calling several functions? */
static bool method_call_polymorphic(builder *b, uint32_t pc, uint32_t a)
{
    kr_code *co = b->co;
    for (uint32_t p = pc; p < co->ninsns; p += kr_opcode_words[KR_INSN_OP(co->insns[p])]) {
        kr_insn in = co->insns[p];
        if (KR_INSN_OP(in) == KR_OP_CALL_METHOD && KR_INSN_A(in) == a)
            return feedback(b, p)->call.polymorphic != 0;
    }
    return false;
}

/* LOAD_METHOD of a function found on the class (not shadowed by the instance's shape, when the entry
 * has one): s[A] = the function, s[A+1] = the object, both written through for the CALL_METHOD. */
static bool load_method(builder *b, uint32_t pc, kr_insn in)
{
    const kr_fb *e = feedback(b, pc);
    uint32_t a = KR_INSN_A(in), s = KR_INSN_B(in);
    if (e->attr.kind != KR_FB_ATTR_METHOD || !e->attr.value || a + 1 >= b->n || !attr_entry_ok(b, e, s, false) ||
        method_call_polymorphic(b, pc, a))
        return false;
    kr_hir_ref g = guard_shape(b, s, e->attr.type, e->attr.version, e->attr.shape);
    write_slot(b, a, emit_const(b, e->attr.value));
    write_slot(b, a + 1, g);
    return true;
}

/* The exact list / tuple type the item feedback saw, or 0. */
static uint32_t seq_feedback(const kr_fb *e)
{
    if (e->types.rhs != KR_FB_SMALLINT)
        return 0;
    return e->types.lhs == KR_FB_LIST ? KR_HT_LIST : e->types.lhs == KR_FB_TUPLE ? KR_HT_TUPLE : 0;
}

/* Did the item feedback see only exact dicts (any keys)? Then the site is a dict lookup / store. */
static bool dict_feedback(const kr_fb *e) { return e->types.lhs == KR_FB_DICT; }

/* Can slot s be guarded as an exact dict? */
static bool dict_operand_ok(builder *b, uint32_t s)
{
    const sst *x = &b->st[s];
    return !st_double(b, x) && (st_type(b, x) & KR_HT_DICT);
}

/* Does every GET_ITEM / SET_ITEM on local s see only exact dicts (and is there one)? Then `k in s` is
 * a dict lookup too, guarded on the type (CONTAINS_OP has no feedback of its own). */
static bool local_dict_feedback(builder *b, uint32_t s)
{
    kr_code *co = b->co;
    bool seen = false;
    if (s >= co->nlocals || recompiles(co))
        return false;
    for (uint32_t pc = 0; pc < co->ninsns; pc += kr_opcode_words[KR_INSN_OP(co->insns[pc])]) {
        kr_insn in = co->insns[pc];
        unsigned op = KR_INSN_OP(in);
        if ((op == KR_OP_GET_ITEM && KR_INSN_B(in) == s) || (op == KR_OP_SET_ITEM && KR_INSN_A(in) == s)) {
            if (!dict_feedback(feedback(b, pc)))
                return false;
            seen = true;
        }
    }
    return seen;
}

/* Was slot s just written by a BUILD_SET (`x in {a, b}`): the instruction before pc, with no jump to
 * pc (pc starts no block), so that s holds the exact set it built. */
static bool just_built_set(builder *b, uint32_t pc, uint32_t s)
{
    const kr_code *co = b->co;
    uint32_t prev = NONE32;
    if (b->bb_at[pc] != NONE32)
        return false;
    for (uint32_t p = 0; p < pc; p += kr_opcode_words[KR_INSN_OP(co->insns[p])])
        prev = p;
    return prev != NONE32 && KR_INSN_OP(co->insns[prev]) == KR_OP_BUILD_SET && KR_INSN_A(co->insns[prev]) == s;
}

/* CONTAINS_OP `s[B] in s[C]` on an exact dict (known, or guarded from the local's item feedback): a
 * direct kr_dict_contains; on a set display just built: kr_set_contains. What kr_contains would call
 * through the container type's slot, without its dispatch. */
static bool contains_op(builder *b, uint32_t pc, kr_insn in)
{
    uint32_t a = KR_INSN_A(in), si = KR_INSN_B(in), sc = KR_INSN_C(in);
    const sst *c = &b->st[sc];
    enum kr_jit_rt_fn f;
    kr_hir_ref v[2];
    if (just_built_set(b, pc, sc)) {
        f = KR_JIT_RT_SET_CONTAINS;
        v[0] = read_slot(b, sc);
    } else if (st_double(b, c)) {
        return false;
    } else if (st_type(b, c) == KR_HT_DICT || (dict_operand_ok(b, sc) && local_dict_feedback(b, sc))) {
        f = KR_JIT_RT_DICT_CONTAINS;
        v[0] = guard_type(b, read_slot(b, sc), KR_HT_DICT);
    } else {
        return false;
    }
    v[1] = tagged_value(b, si);
    kr_hir_ref r = call_rt(b, f, v, 2, 0);
    if (KR_INSN_X(in))
        r = emit1(b, KR_HIR_NOT, KR_HIR_TAGGED, KR_HT_BOOL, r, 0);
    write_slot(b, a, r);
    return true;
}

/* Can slots o (the sequence, of type want) and k (the index) be guarded as the feedback says? */
static bool item_operands_ok(builder *b, uint32_t o, uint32_t k, uint32_t want)
{
    const sst *x = &b->st[o], *y = &b->st[k];
    return !st_double(b, x) && !st_double(b, y) && (st_type(b, x) & want) && (st_type(b, y) & KR_HT_SMALLINT);
}

/* GET_ITEM on a list or tuple with a small int index (the interpreter's fast path). */
static bool get_item(builder *b, uint32_t pc, kr_insn in)
{
    uint32_t a = KR_INSN_A(in), so = KR_INSN_B(in), sk = KR_INSN_C(in);
    if (dict_feedback(feedback(b, pc)) && dict_operand_ok(b, so)) {
        kr_hir_ref v[2] = {guard_type(b, read_slot(b, so), KR_HT_DICT), tagged_value(b, sk)};
        write_slot(b, a, call_rt(b, KR_JIT_RT_DICT_GET, v, 2, insn_addr(b, pc)));
        return true;
    }
    uint32_t want = seq_feedback(feedback(b, pc));
    if (!want || !item_operands_ok(b, so, sk, want))
        return false;
    kr_hir_ref o = guard_type(b, read_slot(b, so), want);
    kr_hir_ref k = int_operand(b, sk);
    kr_hir_ref r = emit2(b, want == KR_HT_LIST ? KR_HIR_LIST_GET : KR_HIR_TUPLE_GET, KR_HIR_TAGGED, ANY_VALUE, o, k, 0);
    set_fs(b, r, fs_now(b), KR_DEOPT_BOUNDS);
    write_slot(b, a, r);
    return true;
}

/* SET_ITEM on a list with a small int index. Out of range deopts before any effect: the interpreter
 * re-runs the instruction and raises. */
static bool set_item(builder *b, uint32_t pc, kr_insn in)
{
    uint32_t so = KR_INSN_A(in), sk = KR_INSN_B(in), sv = KR_INSN_C(in);
    if (dict_feedback(feedback(b, pc)) && dict_operand_ok(b, so)) {
        kr_hir_ref v[3] = {guard_type(b, read_slot(b, so), KR_HT_DICT), tagged_value(b, sk), tagged_value(b, sv)};
        call_rt(b, KR_JIT_RT_DICT_SET, v, 3, insn_addr(b, pc));
        return true;
    }
    if (seq_feedback(feedback(b, pc)) != KR_HT_LIST || !item_operands_ok(b, so, sk, KR_HT_LIST))
        return false;
    kr_hir_ref o = guard_type(b, read_slot(b, so), KR_HT_LIST);
    kr_hir_ref k = int_operand(b, sk);
    kr_hir_ref args[3] = {o, k, tagged_value(b, sv)};
    kr_hir_ref r = emit(b, KR_HIR_LIST_SET, KR_HIR_TAGGED, 0, args, 3, 0);
    set_fs(b, r, fs_now(b), KR_DEOPT_BOUNDS);
    return true;
}

/* The sized type the item feedback of local s shows (every GET_ITEM / SET_ITEM on it saw only lists, or
 * only tuples), or 0. */
static uint32_t local_seq_feedback(builder *b, uint32_t s)
{
    kr_code *co = b->co;
    uint32_t seen = 0;
    if (s >= co->nlocals)
        return 0;
    for (uint32_t pc = 0; pc < co->ninsns; pc += kr_opcode_words[KR_INSN_OP(co->insns[pc])]) {
        kr_insn in = co->insns[pc];
        unsigned op = KR_INSN_OP(in);
        if ((op == KR_OP_GET_ITEM && KR_INSN_B(in) == s) || (op == KR_OP_SET_ITEM && KR_INSN_A(in) == s)) {
            uint32_t t = seq_feedback(feedback(b, pc));
            if (!t)
                return 0;
            seen |= t;
        }
    }
    return seen == KR_HT_LIST || seen == KR_HT_TUPLE ? seen : 0;
}

/* The type to give len()'s argument in slot s: its own when within the sized types, else the item
 * feedback of the local variable it was copied from (`len(a)` then `a[i]`), checked by a guard. */
static uint32_t len_arg_type(builder *b, uint32_t s)
{
    const sst *x = &b->st[s];
    if (st_double(b, x))
        return 0;
    uint32_t t = st_type(b, x);
    if (t && !(t & ~(uint32_t)SIZED_TYPES))
        return t;
    if (!x->val || recompiles(b->co))
        return 0;
    /* a global or builtin (`len(TABLE)`): the type of its value now, which the guard checks each time
     * (LOAD_ADDR's imm is the address of the dict entry's value, see load_global) */
    const kr_hir_insn *xi = ins(b, x->val);
    if (xi->op == KR_HIR_LOAD_ADDR && !x->dirty) {
        uint32_t g = value_type(b->vm, *(const kr_value *)(uintptr_t)xi->imm);
        if (g & SIZED_TYPES)
            return g;
    }
    for (uint32_t l = 0; l < b->co->nlocals && l < b->n; l++)
        if (l != s && b->st[l].val == x->val) {
            uint32_t f = local_seq_feedback(b, l);
            if (f & t)
                return f;
        }
    return 0;
}

/* The builtin `name` when the CALL at pc calls it with nargs positional arguments (no keywords): s[A]
 * was loaded by a specialised LOAD_GLOBAL of that name and the call's feedback saw only that builtin.
 * KR_NULL otherwise. The caller guards the identity (guard_builtin) before specialising. */
static kr_value called_builtin(builder *b, uint32_t pc, kr_insn in, uint32_t nargs, const char *name)
{
    uint32_t a = KR_INSN_A(in);
    if (KR_INSN_B(in) != nargs || KR_INSN_C(in) != 0 || a + nargs >= b->n)
        return KR_NULL;
    const kr_fb *e = feedback(b, pc);
    kr_hir_ref f = b->st[a].val;
    if (!f || b->st[a].dirty || ins(b, f)->op != KR_HIR_LOAD_ADDR || !e->call.callee || e->call.polymorphic)
        return KR_NULL;
    kr_insn gi = b->co->insns[ins(b, f)->pc];
    if (KR_INSN_OP(gi) != KR_OP_LOAD_GLOBAL)
        return KR_NULL;
    kr_value gname = kr_tuple_items(b->co->names)[KR_INSN_BX(gi)];
    size_t n = strlen(name);
    if ((size_t)kr_str_nbytes(gname) != n || memcmp(kr_str_data(gname), name, n) != 0)
        return KR_NULL;
    kr_value v = kr_dict_get_str(b->vm, b->vm->builtins, gname); /* an interned str: allocates nothing */
    return v && v == e->call.callee ? v : KR_NULL;
}

/* GUARD_IS on the value in slot s: it is still v (a builtin, kept alive by the builtins module, or a
 * builtin type, which lives as long as the VM). Deopts to the instruction being built. */
static kr_hir_ref guard_is(builder *b, uint32_t s, kr_value v)
{
    kr_hir_ref g = emit1(b, KR_HIR_GUARD_IS, KR_HIR_TAGGED, value_type(b->vm, v), read_slot(b, s), 0);
    ins(b, g)->value = v;
    set_fs(b, g, fs_now(b), KR_DEOPT_IDENTITY);
    return g;
}

/* len(x) of a known sized type: LEN. */
static bool call_len(builder *b, uint32_t pc, kr_insn in)
{
    uint32_t a = KR_INSN_A(in);
    kr_value len = called_builtin(b, pc, in, 1, "len");
    uint32_t t = len ? len_arg_type(b, a + 1) : 0;
    if (!t)
        return false;
    guard_is(b, a, len);
    kr_hir_ref x = guard_type(b, read_slot(b, a + 1), t);
    write_slot(b, a, emit1(b, KR_HIR_LEN, KR_HIR_TAGGED, KR_HT_SMALLINT, x, 0));
    return true;
}

/* The builtin class of values of HIR type bit t (one bit), or NULL when the bit says no exact class. */
static kr_type *bit_class(builder *b, uint32_t t)
{
    const kr_types *T = &b->vm->t;
    switch (t) {
    case KR_HT_SMALLINT:
    case KR_HT_BIGINT: return T->int_;
    case KR_HT_FLOAT: return T->float_;
    case KR_HT_BOOL: return T->bool_;
    case KR_HT_STR: return T->str;
    case KR_HT_LIST: return T->list;
    case KR_HT_TUPLE: return T->tuple;
    case KR_HT_DICT: return T->dict;
    case KR_HT_FUNC: return T->function;
    default: return NULL;
    }
}

/* isinstance(x, C) answered at compile time: x's type is known to be a set of exact builtin classes
 * that all give the same answer, and C is a builtin class (metaclass exactly `type`, so no
 * __instancecheck__ hook: kr_isinstance's answer is the subtype test). C comes from a constant or a
 * specialised global (then guarded: a builtin class lives as long as the VM, so its identity guard is
 * safe to embed). -1 when it cannot be folded. */
static int fold_isinstance(builder *b, uint32_t sx, uint32_t sc)
{
    const sst *x = &b->st[sx], *c = &b->st[sc];
    uint32_t t = st_double(b, x) ? KR_HT_FLOAT : st_type(b, x);
    if (!c->val || !t || st_double(b, c))
        return -1;
    const kr_hir_insn *ci = ins(b, c->val);
    kr_value cls;
    if (ci->op == KR_HIR_CONST)
        cls = ci->value;
    else if (ci->op == KR_HIR_LOAD_ADDR && !c->dirty)
        cls = *(const kr_value *)(uintptr_t)ci->imm; /* valid under the LOAD_GLOBAL's dict guards */
    else
        return -1;
    if (!kr_is_ptr(cls) || kr_type_of(b->vm, cls) != b->vm->t.type || (KR_AS(kr_type, cls)->flags & KR_TF_HEAPTYPE))
        return -1;
    int answer = -1;
    for (uint32_t bit = 1; bit < KR_HT_ANY; bit <<= 1) {
        if (!(t & bit))
            continue;
        kr_type *k = bit_class(b, bit);
        if (!k)
            return -1;
        int r = kr_type_is_subtype(k, KR_AS(kr_type, cls)) ? 1 : 0;
        if (answer >= 0 && r != answer)
            return -1;
        answer = r;
    }
    if (answer >= 0 && ci->op == KR_HIR_LOAD_ADDR)
        guard_is(b, sc, cls);
    return answer;
}

/* isinstance(x, C): a constant when fold_isinstance can answer, else a direct call of kr_isinstance
 * (what the builtin does), which tests the exact type first. */
static bool call_isinstance(builder *b, uint32_t pc, kr_insn in)
{
    uint32_t a = KR_INSN_A(in);
    kr_value bi = called_builtin(b, pc, in, 2, "isinstance");
    if (!bi)
        return false;
    guard_is(b, a, bi);
    int r = fold_isinstance(b, a + 1, a + 2);
    if (r >= 0) {
        write_slot(b, a, emit_const(b, kr_bool(r)));
        return true;
    }
    kr_hir_ref v[2] = {tagged_value(b, a + 1), tagged_value(b, a + 2)};
    write_slot(b, a, call_rt(b, KR_JIT_RT_ISINSTANCE, v, 2, 0));
    return true;
}

/* Is slot s known to hold a small int (so that the int paths below need no guard that might fail)? */
static bool known_smallint(builder *b, uint32_t s)
{
    const sst *x = &b->st[s];
    return !st_double(b, x) && st_type(b, x) == KR_HT_SMALLINT;
}

/* INT_BINOP with the frame state before the CALL being built: a deopt (overflow) re-runs the call in
 * the interpreter, which has had no effect yet. */
static kr_hir_ref int_op(builder *b, unsigned op, kr_hir_ref x, kr_hir_ref y)
{
    kr_hir_ref r = emit2(b, KR_HIR_INT_BINOP, KR_HIR_TAGGED, KR_HT_SMALLINT, x, y, op);
    set_fs(b, r, fs_now(b), KR_DEOPT_OVERFLOW);
    return r;
}

/* abs(x). A small int without a branch: m = x >> 63 (0 or -1), (x ^ m) - m; the subtraction
 * overflows (a deopt: the interpreter returns the big int) only for the most negative small int. Any
 * other value: kr_unary_op(ABS), which is what the builtin computes (float: fabs, a new float). */
static bool call_abs(builder *b, uint32_t pc, kr_insn in)
{
    uint32_t a = KR_INSN_A(in);
    kr_value bi = called_builtin(b, pc, in, 1, "abs");
    if (!bi)
        return false;
    guard_is(b, a, bi);
    if (known_smallint(b, a + 1)) {
        kr_hir_ref x = read_slot(b, a + 1);
        kr_hir_ref m = int_op(b, KR_OP_RSHIFT, x, emit_const(b, kr_small(63)));
        write_slot(b, a, int_op(b, KR_OP_SUB, int_op(b, KR_OP_XOR, x, m), m));
        return true;
    }
    bool flt = st_double(b, &b->st[a + 1]) || st_type(b, &b->st[a + 1]) == KR_HT_FLOAT;
    kr_hir_ref v = tagged_value(b, a + 1);
    kr_hir_ref r = call_rt(b, KR_JIT_RT_UNARY_OP, &v, 1, KR_UNARY_ABS);
    if (flt)
        ins(b, r)->type = KR_HT_FLOAT;
    write_slot(b, a, r);
    return true;
}

/* min(x, y) / max(x, y) with two positional arguments. Two small ints without a branch: d = x - y,
 * m = d >> 63 (-1 when x < y), min = y + (d & m), max = x - (d & m); equal values are the same small
 * int, so returning either is returning the first. d overflows (a deopt) only when |x - y| >= 2**62.
 * Anything else: kr_jit_rt_min_max, the builtin's comparisons in its order (NaN, -0.0 and equal items
 * keep the first argument), whose result is one of the two arguments. */
static bool call_min_max(builder *b, uint32_t pc, kr_insn in)
{
    uint32_t a = KR_INSN_A(in);
    bool is_max = false;
    kr_value bi = called_builtin(b, pc, in, 2, "min");
    if (!bi) {
        bi = called_builtin(b, pc, in, 2, "max");
        is_max = true;
    }
    if (!bi)
        return false;
    guard_is(b, a, bi);
    if (known_smallint(b, a + 1) && known_smallint(b, a + 2)) {
        kr_hir_ref x = read_slot(b, a + 1), y = read_slot(b, a + 2);
        kr_hir_ref d = int_op(b, KR_OP_SUB, x, y);
        kr_hir_ref dm = int_op(b, KR_OP_AND, d, int_op(b, KR_OP_RSHIFT, d, emit_const(b, kr_small(63))));
        write_slot(b, a, is_max ? int_op(b, KR_OP_SUB, x, dm) : int_op(b, KR_OP_ADD, y, dm));
        return true;
    }
    uint32_t t = 0;
    for (uint32_t i = 1; i <= 2; i++)
        t |= st_double(b, &b->st[a + i]) ? KR_HT_FLOAT : st_type(b, &b->st[a + i]);
    kr_hir_ref v[2] = {tagged_value(b, a + 1), tagged_value(b, a + 2)};
    kr_hir_ref r = call_rt(b, KR_JIT_RT_MIN_MAX, v, 2, is_max);
    t &= ANY_VALUE;
    ins(b, r)->type = t ? t : ANY_VALUE; /* one of the arguments */
    write_slot(b, a, r);
    return true;
}

/* `for ... in range(...)`: a CALL of the builtin range with one to three arguments whose result only
 * feeds the GET_ITER right after it (same block; the result slot is dead afterwards). The counted state
 * that GET_ITER would store (vm/bytecode.h: s[A'] = start, s[A'+1] = stop, s[A'+2] = step, all small
 * ints: kr_interp_op_get_iter of a range of small ints) is built from the arguments' values: no range
 * object, no runtime call, and a constant start, stop or step stays a constant in the loop (see
 * header_const). The arguments must be small ints, known or guarded when the slot may hold one (a
 * failing guard re-runs the CALL in the interpreter, which raises range()'s TypeError or makes a range of
 * big ints; not after a deopt storm); a step must be a non-zero constant (range() refuses 0, and the
 * interpreter raises that). The GET_ITER is then skipped (fused_pc) and its FOR_ITER is counted
 * (range_fused). */
static bool call_range(builder *b, uint32_t pc, kr_insn in, uint32_t next)
{
    uint32_t a = KR_INSN_A(in), nargs = KR_INSN_B(in);
    if (nargs < 1 || nargs > 3 || next >= b->co->ninsns || b->bb_at[next] != NONE32)
        return false;
    kr_insn gi = b->co->insns[next];
    uint32_t it = KR_INSN_A(gi), after = next + kr_opcode_words[KR_OP_GET_ITER];
    if (KR_INSN_OP(gi) != KR_OP_GET_ITER || KR_INSN_B(gi) != a || (KR_INSN_X(gi) & KR_ITER_PLAIN) ||
        it + 2 >= b->n || after >= b->co->ninsns || !slot_dead(b, after, a))
        return false;
    kr_value range = called_builtin(b, pc, in, nargs, "range");
    if (!range || range != KR_VAL(b->vm->t.range))
        return false;
    for (uint32_t i = 1; i <= nargs; i++) {
        const sst *x = &b->st[a + i];
        if (st_double(b, x) || !(st_type(b, x) & KR_HT_SMALLINT) || (!known_smallint(b, a + i) && recompiles(b->co)))
            return false;
    }
    if (nargs == 3) {
        const sst *x = &b->st[a + 3];
        if (!x->val || ins(b, x->val)->op != KR_HIR_CONST || ins(b, x->val)->value == kr_small(0))
            return false;
    }
    guard_is(b, a, range);
    kr_hir_ref v[3] = {0, 0, 0};
    for (uint32_t i = 0; i < nargs; i++)
        v[i] = int_operand(b, a + 1 + i);
    kr_hir_ref start = nargs == 1 ? emit_const(b, kr_small(0)) : v[0];
    kr_hir_ref stop = nargs == 1 ? v[0] : v[1];
    kr_hir_ref stp = nargs == 3 ? v[2] : emit_const(b, kr_small(1));
    write_slot(b, it, start);
    write_slot(b, it + 1, stop);
    write_slot(b, it + 2, stp);
    b->range_fused[next] = 1;
    b->fused_pc = next;
    return true;
}

/* CALL of a known builtin (the builder's "known builtins"); false: a generic call. */
static bool call_builtin(builder *b, uint32_t pc, kr_insn in)
{
    return call_len(b, pc, in) || call_isinstance(b, pc, in) || call_abs(b, pc, in) || call_min_max(b, pc, in);
}

/* ------------------------------------------------------------------------------------------------
 * Generic forms through runtime functions (hir.h's CALL_RT; the table is compiler/jit_rt.h's)
 *
 * The operands are the slots' values (a dirty double boxed and its box written to its slots first, so
 * the function gets the float object the interpreter would pass, and it is rooted). Nothing is flushed:
 * the frame state before the instruction, with its dirty slots, is the exception exit's. The result is
 * written to s[A] (through, when it may be a pointer). */

static kr_hir_ref call_rt(builder *b, enum kr_jit_rt_fn f, const kr_hir_ref *args, uint32_t nargs, int64_t imm2)
{
    uint32_t type = kr_jit_rt_table[f].kind == KR_JIT_RT_STATUS ? KR_HT_BOOL : ANY_VALUE;
    int32_t fs = fs_now(b);
    kr_hir_ref r = emit(b, KR_HIR_CALL_RT, KR_HIR_TAGGED, type, args, nargs, f);
    if (!r)
        return 0;
    ins(b, r)->imm2 = imm2;
    set_fs(b, r, fs, KR_DEOPT_UNCOMPILED);
    return r;
}

/* The instruction's address: the immediate of the wrappers that read its operands and feedback. */
static int64_t insn_addr(builder *b, uint32_t pc) { return (int64_t)(uintptr_t)(b->co->insns + pc); }

/* A CALL_RT on frame operands (jit_rt.h): the caller stored the slots the instruction reads and
 * forgets the ones it writes. */
static kr_hir_ref frame_rt(builder *b, uint32_t pc, enum kr_jit_rt_fn f)
{
    return call_rt(b, f, NULL, 0, insn_addr(b, pc));
}

/* GET_ITER, UNPACK_SEQUENCE, BUILD_TUPLE, BUILD_LIST, BUILD_SLICE, BUILD_STRING, FORMAT_VALUE on frame operands:
 * each is one runtime call that reads and writes a few slots (variable arity, or several results), so
 * only those are stored, where a STEP would flush every dirty slot and enter the interpreter. */
static bool frame_insn(builder *b, uint32_t pc, kr_insn in)
{
    uint32_t a = KR_INSN_A(in), sb = KR_INSN_B(in), sc = KR_INSN_C(in);
    enum kr_jit_rt_fn f;
    uint32_t type;
    switch ((enum kr_opcode)KR_INSN_OP(in)) {
    case KR_OP_GET_ITER: /* s[A..A+2] = the counted state or (iterator, None, None) */
        if (a + 2 >= b->n || sb >= b->n)
            return false;
        flush_ranges(b, sb, 1, 0, 0);
        frame_rt(b, pc, KR_JIT_RT_GET_ITER);
        forget(b, a, 3, KR_HT_ANY);
        return true;
    case KR_OP_UNPACK_SEQUENCE:
        if (a >= b->n || sb + sc > b->n)
            return false;
        flush_ranges(b, a, 1, 0, 0);
        frame_rt(b, pc, iter_unpack(b, pc) ? KR_JIT_RT_UNPACK_ITERATED : KR_JIT_RT_UNPACK);
        forget(b, sb, sc, ANY_VALUE);
        return true;
    case KR_OP_LOAD_METHOD: /* reads s[B]; s[A], s[A+1] = (function, self) or (attribute, NULL) */
        if (a + 1 >= b->n || sb >= b->n)
            return false;
        flush_ranges(b, sb, 1, 0, 0);
        frame_rt(b, pc, KR_JIT_RT_LOAD_METHOD);
        forget(b, a, 2, KR_HT_ANY);
        return true;
    case KR_OP_MAKE_FUNCTION: { /* reads the parts X names from s[A+1..] */
        unsigned x = KR_INSN_X(in), nparts = 0;
        for (unsigned bit = KR_MKFN_DEFAULTS; bit <= KR_MKFN_CLOSURE; bit <<= 1)
            nparts += (x & bit) != 0;
        if (a + nparts >= b->n)
            return false;
        flush_ranges(b, a + 1, nparts, 0, 0);
        kr_hir_ref r = frame_rt(b, pc, KR_JIT_RT_MAKE_FUNCTION);
        ins(b, r)->type = KR_HT_FUNC;
        write_slot(b, a, r);
        return true;
    }
    case KR_OP_PUSH_EXC_INFO: /* reads s[B]; s[A] = the exception handled before */
        if (a >= b->n || sb >= b->n)
            return false;
        flush_ranges(b, sb, 1, 0, 0);
        frame_rt(b, pc, KR_JIT_RT_PUSH_EXC_INFO);
        forget(b, a, 1, KR_HT_ANY);
        return true;
    case KR_OP_POP_EXCEPT: {
        if (a >= b->n)
            return false;
        kr_hir_ref v = tagged_value(b, a);
        call_rt(b, KR_JIT_RT_POP_EXCEPT, &v, 1, 0);
        return true;
    }
    case KR_OP_CHECK_EXC_MATCH: {
        if (a >= b->n || sb >= b->n || sc >= b->n)
            return false;
        kr_hir_ref v[2] = {tagged_value(b, sb), tagged_value(b, sc)};
        write_slot(b, a, call_rt(b, KR_JIT_RT_CHECK_EXC_MATCH, v, 2, 0));
        return true;
    }
    case KR_OP_BUILD_TUPLE: f = KR_JIT_RT_BUILD_TUPLE; type = KR_HT_TUPLE; break;
    case KR_OP_BUILD_LIST: f = KR_JIT_RT_BUILD_LIST; type = KR_HT_LIST; break;
    case KR_OP_BUILD_STRING: f = KR_JIT_RT_BUILD_STRING; type = KR_HT_STR; break;
    case KR_OP_BUILD_SLICE: f = KR_JIT_RT_BUILD_SLICE; type = KR_HT_OBJECT; break;
    case KR_OP_FORMAT_VALUE:
        if (a >= b->n || sb >= b->n || sc >= b->n)
            return false;
        flush_ranges(b, sb, 1, sc, (KR_INSN_X(in) & KR_FMT_HAS_SPEC) ? 1 : 0);
        write_slot(b, a, frame_rt(b, pc, KR_JIT_RT_FORMAT_VALUE));
        return true;
    default:
        return false;
    }
    if (a >= b->n || sb + sc > b->n)
        return false;
    flush_ranges(b, sb, sc, 0, 0);
    kr_hir_ref r = frame_rt(b, pc, f);
    ins(b, r)->type = type; /* an exact tuple / list / str */
    write_slot(b, a, r);
    return true;
}

/* BUILD_SLICE at pc followed, in the same block, by the GET_ITEM / SET_ITEM that uses the slice as its
 * key, the slice's slot dead afterwards (a temporary: only that instruction reads it): both become one
 * GET_SLICE / SET_SLICE on frame operands, which slices an exact list (tuple, str) without making the
 * slice object. The second instruction is skipped (b->fused_pc). The call's frame state is the second
 * instruction's, where an exception is raised as the interpreter would raise it; the slice's slot then
 * keeps an older value, which nothing reads (it is dead after the instruction, and an exception
 * handler never reads a temporary of the expression that raised before writing it). */
static bool slice_item(builder *b, uint32_t pc, kr_insn in)
{
    kr_code *co = b->co;
    uint32_t a = KR_INSN_A(in), sb = KR_INSN_B(in), sc = KR_INSN_C(in), next = pc + 1;
    if (next >= co->ninsns || b->bb_at[next] != NONE32 || sb + sc > b->n)
        return false;
    kr_insn it = co->insns[next];
    unsigned op = KR_INSN_OP(it);
    uint32_t ia = KR_INSN_A(it), ib = KR_INSN_B(it), ic = KR_INSN_C(it), after = next + kr_opcode_words[op];
    if (after >= co->ninsns || ia >= b->n || ib >= b->n || ic >= b->n)
        return false;
    if (op == KR_OP_GET_ITEM && ic == a && ib != a && (ia == a || slot_dead(b, after, a))) {
        flush_ranges(b, sb, sc, ib, 1);
        b->pc = next;
        write_slot(b, ia, frame_rt(b, next, KR_JIT_RT_GET_SLICE));
    } else if (op == KR_OP_SET_ITEM && ib == a && ia != a && ic != a && slot_dead(b, after, a)) {
        flush_ranges(b, sb, sc, ia, 1);
        flush_ranges(b, ic, 1, 0, 0);
        b->pc = next;
        frame_rt(b, next, KR_JIT_RT_SET_SLICE);
    } else {
        return false;
    }
    b->fused_pc = next;
    return true;
}

/* The cell in slot s (a LOAD_DEREF's B, a STORE_DEREF's A): the value loaded once in block 0 when cells
 * are hoisted (hir.h: cell slots never change in a frame), else the slot's current value (a pointer:
 * CLEAN, written through). */
static kr_hir_ref cell_value(builder *b, uint32_t s)
{
    if (b->cellv && s < b->n && b->cellv[s])
        return b->cellv[s];
    return read_slot(b, s);
}

/* BINARY_OP, COMPARE_OP, GET_ITEM, LOAD_ATTR, UNARY_OP, CONTAINS_OP (s[A] = f(operands)); SET_ITEM,
 * STORE_ATTR, LIST_APPEND, SET_ADD, MAP_ADD (no result): the operand slots in the order the function
 * takes them. LOAD_DEREF / STORE_DEREF: LOAD_CELL / STORE_CELL inline. */
static void generic_rt(builder *b, uint32_t pc, kr_insn in)
{
    uint32_t a = KR_INSN_A(in), sb = KR_INSN_B(in), sc = KR_INSN_C(in);
    kr_hir_ref v[3];
    switch ((enum kr_opcode)KR_INSN_OP(in)) {
    case KR_OP_BINARY_OP:
    case KR_OP_COMPARE_OP:
    case KR_OP_GET_ITEM: {
        enum kr_jit_rt_fn f = KR_INSN_OP(in) == KR_OP_BINARY_OP    ? KR_JIT_RT_BINARY_OP
                              : KR_INSN_OP(in) == KR_OP_COMPARE_OP ? KR_JIT_RT_COMPARE_OP
                                                                   : KR_JIT_RT_GET_ITEM;
        v[0] = tagged_value(b, sb);
        v[1] = tagged_value(b, sc);
        write_slot(b, a, call_rt(b, f, v, 2, insn_addr(b, pc)));
        return;
    }
    case KR_OP_UNARY_OP:
        v[0] = tagged_value(b, sb);
        write_slot(b, a, call_rt(b, KR_JIT_RT_UNARY_OP, v, 1, KR_INSN_X(in)));
        return;
    case KR_OP_CONTAINS_OP: { /* `s[B] in s[C]`: kr_contains(container, item) */
        v[0] = tagged_value(b, sc);
        v[1] = tagged_value(b, sb);
        kr_hir_ref r = call_rt(b, KR_JIT_RT_CONTAINS, v, 2, 0);
        if (KR_INSN_X(in))
            r = emit1(b, KR_HIR_NOT, KR_HIR_TAGGED, KR_HT_BOOL, r, 0);
        write_slot(b, a, r);
        return;
    }
    case KR_OP_LOAD_ATTR:
        v[0] = tagged_value(b, sb);
        write_slot(b, a, call_rt(b, KR_JIT_RT_LOAD_ATTR, v, 1, insn_addr(b, pc)));
        return;
    case KR_OP_SET_ITEM:
        v[0] = tagged_value(b, a);
        v[1] = tagged_value(b, sb);
        v[2] = tagged_value(b, sc);
        call_rt(b, KR_JIT_RT_SET_ITEM, v, 3, insn_addr(b, pc));
        return;
    case KR_OP_STORE_ATTR:
        v[0] = tagged_value(b, a);
        v[1] = tagged_value(b, sc);
        call_rt(b, KR_JIT_RT_STORE_ATTR, v, 2, insn_addr(b, pc));
        return;
    case KR_OP_LOAD_DEREF: { /* s[B] holds a cell */
        int32_t fs = fs_now(b);
        kr_hir_ref r = emit1(b, KR_HIR_LOAD_CELL, KR_HIR_TAGGED, ANY_VALUE, cell_value(b, sb), 0);
        set_fs(b, r, fs, KR_DEOPT_UNBOUND); /* an empty cell deopts to the instruction, which raises */
        write_slot(b, a, r);
        return;
    }
    case KR_OP_STORE_DEREF: {
        kr_hir_ref cell = cell_value(b, a);
        emit2(b, KR_HIR_STORE_CELL, KR_HIR_TAGGED, 0, cell, tagged_value(b, sb), 0);
        return;
    }
    case KR_OP_LIST_APPEND:
    case KR_OP_SET_ADD:
        v[0] = tagged_value(b, a);
        v[1] = tagged_value(b, sb);
        call_rt(b, KR_INSN_OP(in) == KR_OP_LIST_APPEND ? KR_JIT_RT_LIST_APPEND : KR_JIT_RT_SET_ADD, v, 2, 0);
        return;
    case KR_OP_MAP_ADD:
        v[0] = tagged_value(b, a);
        v[1] = tagged_value(b, sb);
        v[2] = tagged_value(b, sc);
        call_rt(b, KR_JIT_RT_MAP_ADD, v, 3, 0);
        return;
    default:
        step(b, pc);
        return;
    }
}

/* ------------------------------------------------------------------------------------------------
 * Inlining a small pure function
 *
 * A CALL whose callee (the site's one function, or any function of the site's one code object;
 * guarded, and its __code__) is a straight-line function of its
 * positional parameters, made of constants, moves, arithmetic and a return, is built in place: the
 * callee's instructions run through the usual specialisations (binary_op, unary_op) against the
 * callee's feedback, on a separate slot state whose parameters are the caller's argument values, and
 * the returned value goes to the CALL's slot A without a frame (a double stays unboxed). Every guard in
 * the inlined body (types, overflow, a zero divisor, the callee's identity, the recursion limit) takes
 * the frame state of the caller before the CALL: the body has no side effect and allocates nothing,
 * so re-running the call in the interpreter from there is exact (the callee then runs as a real call,
 * with its own frame, traceback entry and feedback). When the body would need anything impure (a
 * generic operation, a box, a store, a slot read from memory), the attempt fails: the call site is
 * marked and the function is built again with the call a STEP. */

#define KR_HIR_INLINE_MAX_INSNS 64
#define KR_HIR_INLINE_MAX_FREE 8 /* free variables an inlined callee may read */

static bool inline_pure(enum kr_hir_op op)
{
    switch (op) {
    case KR_HIR_CONST: case KR_HIR_CONST_DOUBLE: case KR_HIR_GUARD_TYPE: case KR_HIR_GUARD_IS:
    case KR_HIR_INT_BINOP: case KR_HIR_INT_NEG: case KR_HIR_INT_INVERT: case KR_HIR_INT_CMP:
    case KR_HIR_INT_TO_DOUBLE: case KR_HIR_UNBOX_FLOAT: case KR_HIR_FLOAT_BINOP: case KR_HIR_FLOAT_NEG:
    case KR_HIR_FLOAT_CMP: case KR_HIR_IS: case KR_HIR_NOT:
    case KR_HIR_LOAD_CELL: /* a free variable's value: a load, whose empty cell deopts to before the call */
        return true;
    default:
        return false;
    }
}

/* Whether code cc, called with nargs positional arguments, is a candidate: exactly its parameters
 * passed, no cells of its own, handlers, star parameters or generator, and straight-line
 * instructions inline_call can build up to its first return. Free variables may be read (a closure's
 * `lambda x: x + k`): their cells come from the called function's closure. */
static bool inline_code_ok(const kr_code *cc, uint32_t nargs)
{
    const uint32_t allowed = KR_CODE_NESTED | KR_CODE_LAMBDA | KR_CODE_HAS_FREE;
    if ((cc->flags & ~allowed) || cc->argcount != nargs || cc->kwonlyargcount || cc->ncellvars ||
        cc->nfreevars > KR_HIR_INLINE_MAX_FREE || cc->nexctab || cc->ninsns > KR_HIR_INLINE_MAX_INSNS)
        return false;
    for (uint32_t pc = 0; pc < cc->ninsns; pc += kr_opcode_words[KR_INSN_OP(cc->insns[pc])]) {
        switch (KR_INSN_OP(cc->insns[pc])) {
        case KR_OP_NOP: case KR_OP_MOVE: case KR_OP_LOAD_CONST: case KR_OP_LOAD_INT: case KR_OP_LOAD_NONE:
        case KR_OP_LOAD_BOOL: case KR_OP_BINARY_OP: case KR_OP_UNARY_OP:
            break;
        case KR_OP_LOAD_DEREF: /* of a free variable's cell slot (the code has no cells of its own) */
            if (KR_INSN_B(cc->insns[pc]) < cc->nlocals || KR_INSN_B(cc->insns[pc]) >= cc->nlocals + cc->nfreevars)
                return false;
            break;
        case KR_OP_RETURN: case KR_OP_RETURN_CONST:
            return true;
        default:
            return false;
        }
    }
    return false;
}

static bool inline_call(builder *b, uint32_t pc, kr_insn in)
{
    uint32_t a = KR_INSN_A(in), nargs = KR_INSN_B(in);
    if (b->last_build || b->no_inline[pc] || b->inl.on || KR_INSN_C(in) != 0 || a + nargs >= b->n)
        return false;
    int64_t flags = 0;
    kr_value codes[KR_HIR_POLY_CODES];
    kr_value callee = direct_callee(b, pc, &flags, codes);
    if (!callee || (flags & ~(int64_t)KR_HIR_STEP_BY_CODE))
        return false;
    kr_value code = KR_AS(kr_function, callee)->code;
    kr_code *cc = kr_code_of(code);
    if (!inline_code_ok(cc, nargs))
        return false;
    /* the callee's slot state: b->n stays the caller's, and loops over b->st (refine) run to b->n, so
     * it has at least that many entries; callee slots beyond b->n are only missed by refine (a later
     * use guards again) */
    uint32_t ncst = cc->nslots > b->n ? cc->nslots : b->n;
    sst *cst = zalloc(b, ncst, sizeof *cst);
    if (!cst)
        return true; /* failed: the build is over */
    /* the callee, guarded on the caller's state before the call: the function the site saw (one
     * compare), or at a site that saw several functions of one code any function (the body reads
     * nothing of it but its code: no defaults, cells or globals); then its code */
    kr_hir_ref fv = flags ? guard_type(b, read_slot(b, a), KR_HT_FUNC) : guard_is(b, a, callee);
    kr_hir_ref cv = emit1(b, KR_HIR_LOAD_FIELD, KR_HIR_TAGGED, ANY_VALUE, fv,
                          (int64_t)offsetof(kr_function, code));
    set_fs(b, cv, fs_now(b), KR_DEOPT_IDENTITY);
    kr_hir_ref g = emit1(b, KR_HIR_GUARD_IS, KR_HIR_TAGGED, KR_HT_OBJECT, cv, 0);
    ins(b, g)->value = code;
    set_fs(b, g, fs_now(b), KR_DEOPT_IDENTITY);
    /* the depth the call would reach: at the limit the interpreter makes the call and raises */
    kr_hir_ref dg = emit(b, KR_HIR_GUARD_DEPTH, KR_HIR_TAGGED, 0, NULL, 0, 0);
    if (dg)
        set_fs(b, dg, fs_now(b), KR_DEOPT_RECURSION);
    /* the free variables' cells, as the callee's frame would hold them: fv's closure tuple (a function
     * of this code has one of nfreevars cells: kr_func_new and __code__'s setter keep the sizes equal;
     * a KR_NULL would deopt) and its items. Loads only, before the body: its LOAD_DEREFs read the
     * cells' contents (LOAD_CELL, an empty one deopts to before the call). */
    kr_hir_ref cells[KR_HIR_INLINE_MAX_FREE] = {0};
    if (cc->nfreevars) {
        kr_hir_ref clo = emit1(b, KR_HIR_LOAD_FIELD, KR_HIR_TAGGED, KR_HT_TUPLE, fv,
                               (int64_t)offsetof(kr_function, closure));
        set_fs(b, clo, fs_now(b), KR_DEOPT_UNBOUND);
        for (uint32_t i = 0; i < cc->nfreevars; i++) {
            cells[i] = emit1(b, KR_HIR_LOAD_FIELD, KR_HIR_TAGGED, KR_HT_OBJECT, clo,
                             (int64_t)(offsetof(kr_tuple, items) + i * sizeof(kr_value)));
            set_fs(b, cells[i], fs_now(b), KR_DEOPT_UNBOUND);
        }
    }
    /* the parameters: the caller's argument values (a dirty double or immediate stays in its register) */
    for (uint32_t i = 0; i < nargs; i++) {
        const sst *x = &b->st[a + 1 + i];
        cst[i].val = x->dirty ? x->val : read_slot(b, a + 1 + i);
        cst[i].type = st_type(b, &b->st[a + 1 + i]);
        cst[i].dirty = 1;
    }
    for (uint32_t s = nargs; s < ncst; s++)
        cst[s].type = KR_HT_UNBOUND;
    int32_t fs = fs_now(b);
    sst *caller_st = b->st;
    kr_code *caller_co = b->co;
    b->inl.on = true;
    b->inl.failed = false;
    b->inl.fs = fs;
    b->st = cst;
    b->co = cc;
    kr_hir_ref result = 0;
    const kr_value *consts = kr_tuple_items(cc->consts);
    for (uint32_t p = 0; p < cc->ninsns && !result && !b->inl.failed && !b->failed;
         p += kr_opcode_words[KR_INSN_OP(cc->insns[p])]) {
        kr_insn ci = cc->insns[p];
        uint32_t ca = KR_INSN_A(ci), cb = KR_INSN_B(ci);
        switch (KR_INSN_OP(ci)) {
        case KR_OP_NOP:
            break;
        case KR_OP_MOVE:
            write_slot(b, ca, read_slot(b, cb));
            break;
        case KR_OP_LOAD_CONST:
            write_slot(b, ca, emit_const(b, consts[KR_INSN_BX(ci)]));
            break;
        case KR_OP_LOAD_INT:
            write_slot(b, ca, emit_const(b, kr_small((int32_t)KR_INSN_BX(ci))));
            break;
        case KR_OP_LOAD_NONE:
            write_slot(b, ca, emit_const(b, KR_NONE));
            break;
        case KR_OP_LOAD_BOOL:
            write_slot(b, ca, emit_const(b, KR_INSN_X(ci) ? KR_TRUE : KR_FALSE));
            break;
        case KR_OP_BINARY_OP:
            if (!binary_op(b, p, ci))
                b->inl.failed = true;
            break;
        case KR_OP_UNARY_OP:
            if (!unary_op(b, ci))
                b->inl.failed = true;
            break;
        case KR_OP_LOAD_DEREF: { /* inline_code_ok: a free variable's slot */
            kr_hir_ref r = emit1(b, KR_HIR_LOAD_CELL, KR_HIR_TAGGED, ANY_VALUE, cells[cb - cc->nlocals], 0);
            set_fs(b, r, fs_now(b), KR_DEOPT_UNBOUND);
            write_slot(b, ca, r);
            break;
        }
        case KR_OP_RETURN:
            result = read_slot(b, ca);
            break;
        case KR_OP_RETURN_CONST:
            result = emit_const(b, consts[KR_INSN_BX(ci)]);
            break;
        default:
            b->inl.failed = true;
            break;
        }
    }
    bool failed = b->inl.failed || !result;
    b->inl.on = false;
    b->st = caller_st;
    b->co = caller_co;
    free(cst);
    if (failed) {
        /* the HIR emitted so far is not valid here: build again with this call a STEP */
        b->no_inline[pc] = 1;
        b->changed = true;
        return false;
    }
    write_slot(b, a, result);
    return true;
}

/* Builds the instruction at pc; returns true when it ended the block. */
static bool build_insn(builder *b, uint32_t pc)
{
    kr_code *co = b->co;
    kr_insn in = co->insns[pc];
    unsigned op = KR_INSN_OP(in);
    uint32_t a = KR_INSN_A(in), sb = KR_INSN_B(in), sc = KR_INSN_C(in), bx = KR_INSN_BX(in);
    uint32_t next = pc + kr_opcode_words[op];
    uint32_t fall = next < co->ninsns ? b->bb_at[next] : NONE32;
    const kr_value *consts = kr_tuple_items(co->consts);
    b->pc = pc;
    if (pc == b->fused_pc) { /* built with the instruction before it */
        b->fused_pc = NONE32;
        return false;
    }
    switch ((enum kr_opcode)op) {
    case KR_OP_NOP:
        return false;
    case KR_OP_MOVE:
        if (a != sb) {
            const sst *x = &b->st[sb];
            if (x->dirty) {
                b->st[a] = *x;
                b->st[a].hdr = 0;
            } else {
                write_slot(b, a, read_slot(b, sb));
            }
        }
        return false;
    case KR_OP_LOAD_CONST:
        write_slot(b, a, emit_const(b, consts[bx]));
        return false;
    case KR_OP_LOAD_INT:
        write_slot(b, a, emit_const(b, kr_small((int32_t)bx)));
        return false;
    case KR_OP_LOAD_NONE:
        write_slot(b, a, emit_const(b, KR_NONE));
        return false;
    case KR_OP_LOAD_BOOL:
        write_slot(b, a, emit_const(b, KR_INSN_X(in) ? KR_TRUE : KR_FALSE));
        return false;
    case KR_OP_CHECK_LOCAL:
    case KR_OP_DELETE_FAST: { /* an unbound local deopts: the interpreter raises the UnboundLocalError */
        uint32_t t = st_type(b, &b->st[a]);
        if (!st_double(b, &b->st[a]) && (t & KR_HT_UNBOUND)) {
            kr_hir_ref v = read_slot(b, a);
            uint32_t nt = t & ~(uint32_t)KR_HT_UNBOUND;
            kr_hir_ref g = emit1(b, KR_HIR_GUARD_NOT_UNBOUND, KR_HIR_TAGGED,
                                 nt ? nt : (KR_HT_ANY & ~(uint32_t)KR_HT_UNBOUND), v, 0);
            set_fs(b, g, fs_now(b), KR_DEOPT_UNBOUND);
            refine(b, v, g);
        }
        if (KR_INSN_OP(in) == KR_OP_DELETE_FAST)
            write_slot(b, a, emit_const(b, KR_UNBOUND));
        return false;
    }
    case KR_OP_BINARY_OP:
        if (!binary_op(b, pc, in))
            generic_rt(b, pc, in);
        return false;
    case KR_OP_COMPARE_OP:
        if (!compare_op(b, pc, in))
            generic_rt(b, pc, in);
        return false;
    case KR_OP_UNARY_OP:
        if (!unary_op(b, in))
            generic_rt(b, pc, in);
        return false;
    case KR_OP_UNARY_NOT: {
        const sst *x = &b->st[sb];
        kr_hir_ref r;
        if (st_double(b, x)) {
            kr_hir_ref z = emit_const_double(b, 0.0);
            r = emit2(b, KR_HIR_FLOAT_CMP, KR_HIR_TAGGED, KR_HT_BOOL, x->val, z, KR_CMP_EQ);
        } else {
            r = emit1(b, KR_HIR_NOT, KR_HIR_TAGGED, KR_HT_BOOL, truth(b, sb), 0);
        }
        write_slot(b, a, r);
        return false;
    }
    case KR_OP_TO_BOOL:
        write_slot(b, a, truth(b, sb));
        return false;
    case KR_OP_IS_OP:
        if (st_double(b, &b->st[sb]) || st_double(b, &b->st[sc])) {
            step(b, pc); /* identity of a float: compare the boxed objects as the interpreter does */
        } else {
            kr_hir_ref x = read_slot(b, sb), y = read_slot(b, sc);
            write_slot(b, a, emit2(b, KR_HIR_IS, KR_HIR_TAGGED, KR_HT_BOOL, x, y, KR_INSN_X(in) != 0));
        }
        return false;
    case KR_OP_CONTAINS_OP:
        if (!contains_op(b, pc, in))
            generic_rt(b, pc, in);
        return false;
    case KR_OP_LOAD_DEREF:
    case KR_OP_STORE_DEREF:
    case KR_OP_LIST_APPEND:
    case KR_OP_SET_ADD:
    case KR_OP_MAP_ADD:
        generic_rt(b, pc, in);
        return false;
    case KR_OP_JUMP:
        emit(b, KR_HIR_JUMP, KR_HIR_TAGGED, 0, NULL, 0, 0);
        link(b, b->bb_at[bx]);
        return true;
    case KR_OP_JUMP_BACKWARD: {
        kr_hir_ref p = emit(b, KR_HIR_POLL, KR_HIR_TAGGED, 0, NULL, 0, 0);
        set_fs(b, p, fs_now(b), KR_DEOPT_UNCOMPILED);
        emit(b, KR_HIR_JUMP, KR_HIR_TAGGED, 0, NULL, 0, 0);
        link(b, b->bb_at[bx]);
        return true;
    }
    case KR_OP_JUMP_IF_FALSE:
    case KR_OP_JUMP_IF_TRUE: {
        kr_hir_ref c = truth(b, a);
        if (op == KR_OP_JUMP_IF_FALSE)
            branch(b, c, fall, b->bb_at[bx]);
        else
            branch(b, c, b->bb_at[bx], fall);
        return true;
    }
    case KR_OP_JUMP_IF_NONE:
    case KR_OP_JUMP_IF_NOT_NONE: {
        kr_hir_ref c;
        if (!(st_type(b, &b->st[a]) & KR_HT_NONE))
            c = emit_const(b, KR_FALSE); /* a double, or a type without None */
        else
            c = emit2(b, KR_HIR_IS, KR_HIR_TAGGED, KR_HT_BOOL, read_slot(b, a), emit_const(b, KR_NONE), 0);
        if (op == KR_OP_JUMP_IF_NONE)
            branch(b, c, b->bb_at[bx], fall);
        else
            branch(b, c, fall, b->bb_at[bx]);
        return true;
    }
    case KR_OP_FOR_ITER:
        for_iter(b, pc, in, fall);
        return true;
    case KR_OP_LOAD_GLOBAL:
        if (!load_global(b, pc, in))
            step(b, pc);
        return false;
    case KR_OP_LOAD_ATTR:
        if (!load_attr(b, pc, in))
            generic_rt(b, pc, in);
        return false;
    case KR_OP_STORE_ATTR:
        if (!store_attr(b, pc, in))
            generic_rt(b, pc, in);
        return false;
    case KR_OP_LOAD_METHOD:
        if (!load_method(b, pc, in) && !frame_insn(b, pc, in))
            step(b, pc);
        return false;
    case KR_OP_GET_ITEM:
        if (!get_item(b, pc, in))
            generic_rt(b, pc, in);
        return false;
    case KR_OP_SET_ITEM:
        if (!set_item(b, pc, in))
            generic_rt(b, pc, in);
        return false;
    case KR_OP_CALL:
        if (!call_range(b, pc, in, next) && !call_builtin(b, pc, in) && !inline_call(b, pc, in))
            step(b, pc);
        return false;
    case KR_OP_RETURN: {
        const sst *x = &b->st[a];
        kr_hir_ref v;
        if (st_double(b, x)) {
            v = emit1(b, KR_HIR_BOX_FLOAT, KR_HIR_TAGGED, KR_HT_FLOAT, x->val, 0);
            set_fs(b, v, fs_now(b), KR_DEOPT_TYPE);
        } else {
            v = read_slot(b, a);
        }
        emit1(b, KR_HIR_RETURN, KR_HIR_TAGGED, 0, v, 0);
        return true;
    }
    case KR_OP_RETURN_CONST:
        emit1(b, KR_HIR_RETURN, KR_HIR_TAGGED, 0, emit_const(b, consts[bx]), 0);
        return true;
    case KR_OP_YIELD: {
        /* a generator's yield leaves compiled code with the whole frame in memory (the interpreter
         * or a later compiled entry at the next pc resumes it; the sender stores s[A] first) */
        flush(b);
        kr_hir_ref v = emit(b, KR_HIR_LOAD_SLOT, KR_HIR_TAGGED, KR_HT_ANY, NULL, 0, KR_INSN_B(in));
        emit1(b, KR_HIR_RETURN, KR_HIR_TAGGED, 0, v, (int64_t)pc + 2); /* resume at pc + 1 */
        return true;
    }
    case KR_OP_YIELD_FROM: {
        /* One step of delegation (kr_jit_rt_yield_from), then: the delegate finished (KR_UNBOUND, its
         * result in s[C]): continue after it; it yielded: this frame yields that value, suspended at
         * the YIELD_FROM itself, which is an entry (the resumption re-runs it with the sent value in
         * s[A]), as is the pc after it (throw() may finish the delegate and resume there). The
         * frame is complete in memory before the call, as at a YIELD: the delegate may suspend it. */
        if (a >= b->n || sb >= b->n || sc >= b->n || pc + 1 >= b->co->ninsns) {
            fail(b, "yield from: operands");
            return true;
        }
        flush(b);
        kr_hir_ref r = frame_rt(b, pc, KR_JIT_RT_YIELD_FROM);
        ins(b, r)->type = KR_HT_ANY; /* a yielded value or the KR_UNBOUND mark */
        forget(b, sc, 1, KR_HT_ANY);
        kr_hir_ref done = emit2(b, KR_HIR_IS, KR_HIR_TAGGED, KR_HT_BOOL, r, emit_const(b, KR_UNBOUND), 0);
        emit1(b, KR_HIR_BRANCH, KR_HIR_TAGGED, 0, done, 0);
        link(b, b->bb_at[pc + 1]);
        uint32_t y = kr_hir_add_block(b->fn, NONE32);
        if (b->fn->error[0]) {
            fail(b, "out of memory");
            return true;
        }
        kr_hir_add_edge(b->fn, b->blk, y);
        b->blk = y;
        emit1(b, KR_HIR_RETURN, KR_HIR_TAGGED, 0, r, (int64_t)pc + 1); /* resume at pc */
        return true;
    }
    case KR_OP_RAISE:
    case KR_OP_RERAISE:
    case KR_OP_ASSERT_FAIL: {
        /* always raises: the STEP never continues; DEOPT ends the block (re-running the instruction
         * in the interpreter would be right too, should it ever be reached); RAISE and RERAISE are
         * runtime calls (jit_rt.h) on the slots they read, without entering the interpreter; a
         * RERAISE caught in this frame is a jump to its handler (local_reraise) */
        const kr_exc_entry *h = local_reraise(b, pc, in);
        if (h) {
            write_slot(b, h->slot, tagged_value(b, a));
            emit(b, KR_HIR_JUMP, KR_HIR_TAGGED, 0, NULL, 0, 0);
            link(b, b->bb_at[h->handler]);
            return true;
        }
        if (op == KR_OP_RAISE && a < b->n && KR_INSN_B(in) < b->n) {
            flush_ranges(b, a, 1, KR_INSN_B(in), KR_INSN_X(in) == 2 ? 1 : 0);
            frame_rt(b, pc, KR_JIT_RT_RAISE);
        } else if (op == KR_OP_RERAISE && a < b->n) {
            kr_hir_ref v = tagged_value(b, a);
            call_rt(b, KR_JIT_RT_RERAISE, &v, 1, 0);
        } else {
            step(b, pc);
        }
        kr_hir_ref d = emit(b, KR_HIR_DEOPT, KR_HIR_TAGGED, 0, NULL, 0, 0);
        set_fs(b, d, fs_now(b), KR_DEOPT_UNCOMPILED);
        return true;
    }
    case KR_OP_GET_ITER:
        if (!frame_insn(b, pc, in))
            step(b, pc);
        return false;
    case KR_OP_UNPACK_SEQUENCE:
    case KR_OP_BUILD_TUPLE:
    case KR_OP_BUILD_LIST:
    case KR_OP_BUILD_STRING:
    case KR_OP_BUILD_SLICE:
    case KR_OP_FORMAT_VALUE:
    case KR_OP_MAKE_FUNCTION:
    case KR_OP_PUSH_EXC_INFO:
    case KR_OP_POP_EXCEPT:
    case KR_OP_CHECK_EXC_MATCH:
        if (!(op == KR_OP_BUILD_SLICE && slice_item(b, pc, in)) && !frame_insn(b, pc, in))
            step(b, pc);
        return false;
    default:
        (void)sc;
        step(b, pc);
        return false;
    }
}

static void build_block(builder *b, uint32_t i)
{
    bblock *t = &b->bb[i];
    t->started = true;
    b->blk = t->hir;
    b->pc = t->start;
    b->fused_pc = NONE32; /* fusion stays within a block */
    if (!t->nin) {
        fail(b, "block without predecessors");
        return;
    }
    merge(b, t);
    uint32_t last = t->start;
    for (uint32_t pc = t->start; pc < t->end && !b->failed; pc += kr_opcode_words[KR_INSN_OP(b->co->insns[pc])]) {
        last = pc;
        if (build_insn(b, pc))
            return;
    }
    b->pc = last;
    if (t->end < b->co->ninsns) {
        emit(b, KR_HIR_JUMP, KR_HIR_TAGGED, 0, NULL, 0, 0);
        link(b, b->bb_at[t->end]);
    } else {
        /* valid code never falls off its end; should it, the interpreter decides what happens */
        kr_hir_ref d = emit(b, KR_HIR_DEOPT, KR_HIR_TAGGED, 0, NULL, 0, 0);
        set_fs(b, d, fs_now(b), KR_DEOPT_UNCOMPILED);
    }
}

/* ------------------------------------------------------------------------------------------------
 * The control-flow graph of the bytecode */

static bool ends_block(unsigned op)
{
    switch (op) {
    case KR_OP_JUMP: case KR_OP_JUMP_BACKWARD: case KR_OP_JUMP_IF_FALSE: case KR_OP_JUMP_IF_TRUE:
    case KR_OP_JUMP_IF_NONE: case KR_OP_JUMP_IF_NOT_NONE: case KR_OP_FOR_ITER: case KR_OP_RETURN:
    case KR_OP_RETURN_CONST: case KR_OP_RAISE: case KR_OP_RERAISE: case KR_OP_ASSERT_FAIL: case KR_OP_YIELD:
    case KR_OP_YIELD_FROM:
        return true;
    default:
        return false;
    }
}


/* A RERAISE caught in its own frame (the end of an `except` that did not match, of a `finally` or of
 * an except block's cleanup, inside an outer try): the interpreter would only store the exception in
 * the handler's slot and continue there, with the traceback as it is. Compiled code does the same as
 * a jump, rather than leaving and re-entering at the handler. */
static const kr_exc_entry *local_reraise(const builder *b, uint32_t pc, kr_insn in)
{
    if (KR_INSN_OP(in) != KR_OP_RERAISE || KR_INSN_A(in) >= b->n)
        return NULL;
    const kr_exc_entry *e = kr_code_handler_at(b->co, pc);
    return e && e->handler < b->co->ninsns && e->slot < b->n ? e : NULL;
}

/* Leaders, blocks, successors, RPO from the entries, headers. -1 on failure (fn->error set). */
static int scan(builder *b)
{
    kr_code *co = b->co;
    uint32_t n = co->ninsns;
    if (!n)
        return kr_hir_refuse(b->fn, "empty code");
    bool *lead = zalloc(b, n + 1, sizeof *lead);
    bool *isentry = zalloc(b, n, sizeof *isentry);
    b->bb_at = zalloc(b, n, sizeof *b->bb_at);
    b->after_iter = zalloc(b, n, sizeof *b->after_iter);
    if (b->failed) {
        free(lead);
        free(isentry);
        return -1;
    }
    lead[0] = true;
    isentry[0] = true;
    for (uint32_t pc = 0; pc < n; pc += kr_opcode_words[KR_INSN_OP(co->insns[pc])]) {
        kr_insn in = co->insns[pc];
        unsigned op = KR_INSN_OP(in);
        uint32_t next = pc + kr_opcode_words[op];
        if (op == KR_OP_YIELD_FROM && next < n) /* resumed at itself, or after it (build_insn) */
            lead[pc] = isentry[pc] = isentry[next] = true;
        if (op == KR_OP_YIELD && next < n) /* a generator resumes after it: an entry (entry_state) */
            isentry[next] = true;
        if (op == KR_OP_JUMP || op == KR_OP_JUMP_BACKWARD || op == KR_OP_JUMP_IF_FALSE || op == KR_OP_JUMP_IF_TRUE ||
            op == KR_OP_JUMP_IF_NONE || op == KR_OP_JUMP_IF_NOT_NONE)
            lead[KR_INSN_BX(in)] = true;
        if (op == KR_OP_JUMP_BACKWARD) {
            isentry[KR_INSN_BX(in)] = true;
            if (KR_INSN_BX(in) == 0)
                b->osr0 = true;
        }
        if (op == KR_OP_FOR_ITER) {
            lead[KR_CACHE_E(co->insns[pc + 1])] = true;
            if (next < n)
                b->after_iter[next] = true;
        }
        if (ends_block(op))
            lead[next] = true;
    }
    /* exception handlers: entries too, where the interpreter re-enters compiled code once it has
     * unwound to one (the exception in the handler's slot, every slot in memory) */
    for (uint32_t i = 0; i < co->nexctab; i++)
        if (co->exctab[i].handler < n)
            lead[co->exctab[i].handler] = isentry[co->exctab[i].handler] = true;
    uint32_t nbb = 0;
    for (uint32_t pc = 0; pc < n; pc += kr_opcode_words[KR_INSN_OP(co->insns[pc])])
        nbb += lead[pc];
    b->bb = zalloc(b, nbb, sizeof *b->bb);
    b->order = zalloc(b, nbb, sizeof *b->order);
    b->entries = zalloc(b, nbb, sizeof *b->entries);
    uint32_t *stack = zalloc(b, 2 * nbb + 2, sizeof *stack);
    if (b->failed) {
        free(lead);
        free(isentry);
        free(stack);
        return -1;
    }
    b->nbb = nbb;
    for (uint32_t pc = 0; pc < n; pc++)
        b->bb_at[pc] = NONE32;
    uint32_t k = 0;
    for (uint32_t pc = 0; pc < n; pc += kr_opcode_words[KR_INSN_OP(co->insns[pc])]) {
        if (lead[pc]) {
            if (k)
                b->bb[k - 1].end = pc;
            b->bb[k].start = pc;
            b->bb[k].rpo = NONE32;
            b->bb_at[pc] = k++;
        }
    }
    b->bb[k - 1].end = n;
    for (uint32_t i = 0; i < nbb; i++) {
        bblock *t = &b->bb[i];
        uint32_t pc = t->start, lastpc = pc;
        while (pc < t->end) {
            lastpc = pc;
            pc += kr_opcode_words[KR_INSN_OP(co->insns[pc])];
        }
        kr_insn in = co->insns[lastpc];
        unsigned op = KR_INSN_OP(in);
        uint32_t next = lastpc + kr_opcode_words[op];
        if (op == KR_OP_JUMP || op == KR_OP_JUMP_BACKWARD) {
            t->succ[t->nsucc++] = b->bb_at[KR_INSN_BX(in)];
        } else if (op == KR_OP_JUMP_IF_FALSE || op == KR_OP_JUMP_IF_TRUE || op == KR_OP_JUMP_IF_NONE ||
                   op == KR_OP_JUMP_IF_NOT_NONE) {
            t->succ[t->nsucc++] = b->bb_at[KR_INSN_BX(in)];
            if (next < n)
                t->succ[t->nsucc++] = b->bb_at[next];
        } else if (op == KR_OP_FOR_ITER) {
            t->succ[t->nsucc++] = b->bb_at[KR_CACHE_E(co->insns[lastpc + 1])];
            if (next < n)
                t->succ[t->nsucc++] = b->bb_at[next];
        } else if (local_reraise(b, lastpc, in)) {
            t->succ[t->nsucc++] = b->bb_at[local_reraise(b, lastpc, in)->handler];
        } else if ((!ends_block(op) || op == KR_OP_YIELD_FROM) && next < n) { /* YIELD_FROM: when the delegate finishes */
            t->succ[t->nsucc++] = b->bb_at[next];
        }
    }
    /* entries: pc 0, then loop headers, resume points and exception handlers in pc order */
    for (uint32_t pc = 0; pc < n; pc++)
        if (isentry[pc] && b->bb_at[pc] != NONE32)
            b->entries[b->nentries++] = pc;
    /* iterative DFS from the entries; post order reversed */
    bool *seen = zalloc(b, nbb, sizeof *seen);
    uint32_t *post = zalloc(b, nbb, sizeof *post), npost = 0;
    if (b->failed) {
        free(lead);
        free(isentry);
        free(stack);
        free(seen);
        free(post);
        return -1;
    }
    for (uint32_t e = 0; e < b->nentries; e++) {
        uint32_t root = b->bb_at[b->entries[e]];
        if (seen[root])
            continue;
        uint32_t sp = 0;
        stack[sp++] = root;
        stack[sp++] = 0;
        seen[root] = true;
        while (sp) {
            uint32_t v = stack[sp - 2], i = stack[sp - 1];
            if (i < b->bb[v].nsucc) {
                stack[sp - 1]++;
                uint32_t w = b->bb[v].succ[i];
                if (!seen[w]) {
                    seen[w] = true;
                    stack[sp++] = w;
                    stack[sp++] = 0;
                }
            } else {
                post[npost++] = v;
                sp -= 2;
            }
        }
    }
    for (uint32_t i = 0; i < npost; i++) {
        b->order[i] = post[npost - 1 - i];
        b->bb[b->order[i]].rpo = i;
    }
    b->norder = npost;
    for (uint32_t i = 0; i < npost; i++) {
        bblock *t = &b->bb[b->order[i]];
        for (uint32_t j = 0; j < t->nsucc; j++) {
            bblock *s = &b->bb[t->succ[j]];
            if (s->rpo <= t->rpo && !s->header) {
                s->header = true;
                s->asn = zalloc(b, b->n, sizeof *s->asn);
            }
        }
    }
    free(lead);
    free(isentry);
    free(stack);
    free(seen);
    free(post);
    return b->failed ? -1 : 0;
}

/* ------------------------------------------------------------------------------------------------
 * One build under the current assumptions */

static void clear_func(kr_hir_func *fn)
{
    for (uint32_t i = 0; i < fn->ninsns; i++)
        free(fn->insns[i].args);
    for (uint32_t i = 0; i < fn->nblocks; i++) {
        free(fn->blocks[i].insns);
        free(fn->blocks[i].preds);
        free(fn->blocks[i].succs);
    }
    for (uint32_t i = 0; i < fn->nfs; i++)
        free(fn->fss[i].dirty);
    memset(&fn->insns[0], 0, sizeof fn->insns[0]);
    fn->insns[0].fs = -1;
    fn->ninsns = 1;
    fn->nblocks = 0;
    fn->nfs = 0;
    free(fn->entry_pcs);
    fn->entry_pcs = NULL;
    fn->nentries = 0;
}

static void clear_edges(builder *b)
{
    for (uint32_t i = 0; i < b->nedges; i++) {
        free(b->edges[i].st);
        free(b->edges[i].val);
    }
    b->nedges = 0;
}

/* Slot types at an entry: at pc 0 parameters are bound, other locals and temporaries unbound, cell
 * slots hold cells; at an OSR entry anything (also at pc 0 when it is a loop header too: the same entry
 * then serves OSR). */
static void entry_state(builder *b, uint32_t pc)
{
    kr_code *co = b->co;
    uint32_t nparams = co->argcount + co->kwonlyargcount + !!(co->flags & KR_CODE_VARARGS) +
                       !!(co->flags & KR_CODE_VARKW);
    uint32_t cells_end = co->nlocals + co->ncellvars + co->nfreevars;
    for (uint32_t s = 0; s < b->n; s++) {
        sst *x = &b->st[s];
        x->dirty = 0;
        x->val = 0;
        x->hdr = 0;
        if (pc != 0 || b->osr0)
            x->type = KR_HT_ANY;
        else if (s < nparams)
            x->type = KR_HT_ANY & ~(uint32_t)(KR_HT_UNBOUND | KR_HT_NULL);
        else if (s < co->nlocals || s >= cells_end)
            x->type = KR_HT_UNBOUND;
        else
            x->type = KR_HT_OBJECT;
    }
}

static void build_once(builder *b)
{
    kr_hir_func *fn = b->fn;
    clear_func(fn);
    clear_edges(b);
    b->changed = false;
    memset(b->range_fused, 0, b->co->ninsns);
    for (uint32_t i = 0; i < b->nbb; i++) {
        bblock *t = &b->bb[i];
        t->started = false;
        t->nin = 0;
        t->hir = 0;
    }
    fn->entry_pcs = zalloc(b, b->nentries, sizeof *fn->entry_pcs);
    if (b->failed)
        return;
    memcpy(fn->entry_pcs, b->entries, b->nentries * sizeof *b->entries);
    fn->nentries = b->nentries;
    kr_hir_add_block(fn, NONE32);
    for (uint32_t e = 0; e < b->nentries; e++)
        kr_hir_add_block(fn, NONE32);
    for (uint32_t i = 0; i < b->norder; i++)
        b->bb[b->order[i]].hir = kr_hir_add_block(fn, b->bb[b->order[i]].start);
    if (fn->error[0]) {
        fail(b, "out of memory");
        return;
    }
    b->blk = 0;
    b->pc = 0;
    /* the cells, once: block 0 dominates every block, and every slot is in memory on entry */
    if (b->cell_used)
        for (uint32_t s = 0; s < b->n; s++)
            b->cellv[s] = b->cell_used[s] ? emit(b, KR_HIR_LOAD_SLOT, KR_HIR_TAGGED, KR_HT_OBJECT, NULL, 0, s) : 0;
    emit(b, KR_HIR_ENTRY, KR_HIR_TAGGED, 0, NULL, 0, 0);
    for (uint32_t e = 0; e < b->nentries; e++)
        kr_hir_add_edge(fn, 0, 1 + e);
    for (uint32_t e = 0; e < b->nentries; e++) {
        b->blk = 1 + e;
        b->pc = b->entries[e];
        entry_state(b, b->entries[e]);
        emit(b, KR_HIR_JUMP, KR_HIR_TAGGED, 0, NULL, 0, 0);
        link(b, b->bb_at[b->entries[e]]);
    }
    for (uint32_t i = 0; i < b->norder && !b->failed; i++)
        build_block(b, b->order[i]);
    /* back-edges, now that their states are known */
    for (uint32_t i = 0; i < b->nedges && !b->failed; i++)
        if (b->edges[i].late)
            resolve_edge(b, i);
    if (b->failed)
        return;
    /* phi inputs, in each block's preds order */
    for (uint32_t i = 0; i < b->norder; i++) {
        bblock *t = &b->bb[b->order[i]];
        for (uint32_t s = 0; s < b->n; s++) {
            if (!t->dec[s].phi)
                continue;
            kr_hir_ref *a = zalloc(b, t->nin, sizeof *a);
            if (!a)
                return;
            for (uint32_t j = 0; j < t->nin; j++)
                a[j] = b->edges[t->in[j]].val[s];
            kr_hir_set_args(fn, t->dec[s].val, a, t->nin);
            free(a);
        }
    }
    for (uint32_t i = 0; i < b->norder; i++)
        if (b->bb[b->order[i]].header)
            check_header(b, &b->bb[b->order[i]]);
    if (fn->error[0])
        b->failed = true;
}

/* Whether the cells LOAD_DEREF / STORE_DEREF name can be loaded once in block 0: every such slot is a
 * cell slot [nlocals, nlocals + ncells), filled on frame entry (vm/bytecode.h), and no instruction
 * writes one (kr_bytecode_writes). Otherwise (or out of memory) cell_used stays NULL and each access
 * reads the slot. */
static void scan_cells(builder *b)
{
    const kr_code *co = b->co;
    uint32_t lo = co->nlocals, hi = co->nlocals + co->ncellvars + co->nfreevars;
    if (lo == hi || hi > b->n)
        return;
    bool *used = calloc(b->n, sizeof *used);
    if (!used)
        return;
    bool any = false;
    for (uint32_t pc = 0; pc < co->ninsns; pc += kr_opcode_words[KR_INSN_OP(co->insns[pc])]) {
        kr_insn in = co->insns[pc];
        unsigned op = KR_INSN_OP(in);
        uint32_t first, count;
        bool writes_cell;
        if (op == KR_OP_FOR_ITER || op == KR_OP_CALL_EX) {
            /* kr_bytecode_writes reports a range covering slots that are not adjacent (A..A+2 and B;
             * A, B and C), which may span the cells between them: test the slots themselves */
            uint32_t a = KR_INSN_A(in), sb = KR_INSN_B(in), sc = KR_INSN_C(in);
            writes_cell = (a + (op == KR_OP_FOR_ITER ? 2 : 0) >= lo && a < hi) || (sb >= lo && sb < hi) ||
                          (op == KR_OP_CALL_EX && (KR_INSN_X(in) & 1) && sc >= lo && sc < hi);
        } else {
            writes_cell = kr_bytecode_writes(co, pc, &first, &count) || (count && first < hi && first + count > lo);
        }
        if (writes_cell) {
            free(used);
            return;
        }
        if (op == KR_OP_LOAD_DEREF || op == KR_OP_STORE_DEREF) {
            uint32_t s = op == KR_OP_LOAD_DEREF ? KR_INSN_B(in) : KR_INSN_A(in);
            if (s < lo || s >= hi) {
                free(used);
                return;
            }
            used[s] = any = true;
        }
    }
    b->cellv = any ? calloc(b->n, sizeof *b->cellv) : NULL;
    if (!b->cellv) {
        free(used);
        return;
    }
    b->cell_used = used;
}

int kr_hir_build(kr_hir_func *fn)
{
    builder bs, *b = &bs;
    memset(b, 0, sizeof *b);
    b->fn = fn;
    b->co = fn->code;
    b->vm = fn->vm;
    b->n = fn->code->nslots;
    b->fused_pc = NONE32;
    fn->error[0] = 0;
    b->st = zalloc(b, b->n, sizeof *b->st);
    b->scratch = zalloc(b, b->n, sizeof *b->scratch);
    b->tmp = zalloc(b, b->n, sizeof *b->tmp);
    b->want = zalloc(b, b->n, sizeof *b->want);
    b->range_fused = zalloc(b, b->co->ninsns, 1);
    b->no_inline = zalloc(b, b->co->ninsns, 1);
    if (kr_liveness_compute(fn->code, &b->live) < 0)
        b->live.live_in = NULL; /* out of memory: every slot counts as live, which is always correct */
    int rc = b->failed ? -1 : scan(b);
    if (rc == 0)
        scan_cells(b);
    if (rc == 0) {
        for (uint32_t i = 0; i < b->nbb; i++) {
            b->bb[i].dec = zalloc(b, b->n, sizeof *b->bb[i].dec);
            if (b->failed)
                break;
        }
        for (int iter = 0; !b->failed; iter++) {
            build_once(b);
            if (!b->changed || b->failed)
                break;
            if (iter + 1 == KR_HIR_MAX_BUILDS) {
                /* give up speculating on loop-carried slots: every header slot CLEAN, which any edge
                 * state satisfies, so this last build is consistent */
                for (uint32_t i = 0; i < b->nbb; i++)
                    if (b->bb[i].asn)
                        for (uint32_t s = 0; s < b->n; s++) {
                            b->bb[i].asn[s].kind = A_FORCED;
                            b->bb[i].asn[s].type = KR_HT_ANY;
                        }
                b->last_build = true;
                build_once(b);
                break;
            }
        }
        rc = b->failed ? -1 : 0;
    }
    clear_edges(b);
    kr_liveness_free(&b->live);
    free(b->edges);
    if (b->bb)
        for (uint32_t i = 0; i < b->nbb; i++) {
            free(b->bb[i].in);
            free(b->bb[i].dec);
            free(b->bb[i].asn);
        }
    free(b->bb);
    free(b->bb_at);
    free(b->after_iter);
    free(b->order);
    free(b->entries);
    free(b->cell_used);
    free(b->cellv);
    free(b->st);
    free(b->scratch);
    free(b->tmp);
    free(b->want);
    free(b->range_fused);
    free(b->no_inline);
    if (rc < 0 && !fn->error[0])
        kr_hir_refuse(fn, "build failed");
    return rc;
}
