/* hir_lower.c: HIR (compiler/hir.h) -> LIR (compiler/lir.h).
 *
 * Block order: reverse post order from the entry, so every block comes after its dominators and a
 * loop body follows its header; each critical edge (a predecessor with several successors to a block
 * with several predecessors) gets its own block right after the predecessor, so that the allocator's
 * edge moves always have a place (KR_RA_PRED_END or KR_RA_SUCC_START, never KR_RA_ON_EDGE).
 *
 * Values: every HIR value but constants and guards gets one vreg (SSA: one definition). A guard's
 * result is its argument's vreg (a guard only narrows the type). Constants are materialised at each
 * use (see lir.h). A compare whose only use is its own block's BRANCH is fused into the branch
 * (cmp + jcc, no KR_TRUE/KR_FALSE in between).
 */
#include <stdlib.h>
#include <string.h>

#include "compiler/lir.h"
#include "vm/code.h"
#include "vm/floatobj.h"
#include "vm/function.h"

typedef struct lower_ctx {
    kr_hir_func *fn;
    kr_lir_func *lf;
    int32_t *vreg;      /* per HIR ref: its vreg, -1 = none (constants, guards, no value) */
    uint32_t *uses;     /* per HIR ref: uses by live instructions, phis and frame states */
    uint8_t *fused;     /* per HIR ref: lowered into its block's BRANCH */
    int32_t *lir_of;    /* per HIR block: its LIR block, -1 = unreachable */
    kr_hir_ref *sink;   /* per HIR block: a counter increment lowered at its end instead (see below), 0 */
    uint8_t *sunk;      /* per HIR ref: an increment lowered at its latch (choose_sunk_increments) */
} lower_ctx;

static int oom(lower_ctx *c)
{
    return kr_hir_refuse(c->fn, "out of memory in the JIT back end");
}

/* The value a guard chain passes through: guards are the identity on values. */
static kr_hir_ref underlying(const kr_hir_func *fn, kr_hir_ref r)
{
    while (r && (fn->insns[r].op == KR_HIR_GUARD_TYPE || fn->insns[r].op == KR_HIR_GUARD_IS ||
                 fn->insns[r].op == KR_HIR_GUARD_NOT_UNBOUND || fn->insns[r].op == KR_HIR_GUARD_SHAPE))
        r = fn->insns[r].args[0];
    return r;
}

static bool is_const(const kr_hir_func *fn, kr_hir_ref r)
{
    uint16_t op = fn->insns[r].op;
    return op == KR_HIR_CONST || op == KR_HIR_CONST_DOUBLE;
}

static int64_t const_bits(const kr_hir_func *fn, kr_hir_ref r)
{
    const kr_hir_insn *in = &fn->insns[r];
    if (in->op == KR_HIR_CONST_DOUBLE) {
        int64_t bits;
        memcpy(&bits, &in->dvalue, sizeof bits);
        return bits;
    }
    return (int64_t)in->value;
}

/* Whether HIR value r is a constant that op (BRANCH: with kind) takes as its second operand in imm2
 * (lir.h, CONSTANT OPERANDS); *word = its word. */
static bool const_operand(const kr_hir_func *fn, kr_hir_ref r, enum kr_lir_op op, uint8_t kind, int64_t *word)
{
    r = underlying(fn, r);
    if (!r || fn->insns[r].op != KR_HIR_CONST || !kr_lir_const_operand_ok(op, kind, (int64_t)fn->insns[r].value))
        return false;
    *word = (int64_t)fn->insns[r].value;
    return true;
}

/* The comparison with its operands swapped (a < b is b > a). */
static uint8_t mirror_cmp(uint8_t cmp)
{
    switch (cmp) {
    case KR_CMP_LT: return KR_CMP_GT;
    case KR_CMP_LE: return KR_CMP_GE;
    case KR_CMP_GT: return KR_CMP_LT;
    case KR_CMP_GE: return KR_CMP_LE;
    default: return cmp; /* == and != are symmetric */
    }
}

/* A vreg holding the value of HIR ref r at this point (constants: materialised right here). */
static int use_val(lower_ctx *c, kr_hir_ref r)
{
    r = underlying(c->fn, r);
    if (!r)
        return kr_hir_refuse(c->fn, "lowering: missing operand");
    if (is_const(c->fn, r)) {
        bool dbl = c->fn->insns[r].op == KR_HIR_CONST_DOUBLE;
        int v = kr_lir_add_vreg(c->lf, dbl ? KR_RA_FP : KR_RA_GP);
        kr_lir_insn *in = v < 0 ? NULL : kr_lir_append(c->lf, dbl ? KR_LIR_FMOVI : KR_LIR_MOVI);
        if (!in)
            return oom(c);
        in->out = v;
        in->imm = const_bits(c->fn, r);
        in->hir = r;
        return v;
    }
    if (c->vreg[r] < 0)
        return kr_hir_refuse(c->fn, "lowering: %%%u has no value", r);
    return c->vreg[r];
}

/* Appends op with the given inputs (already vregs) and the HIR instruction's output vreg. */
static kr_lir_insn *emit(lower_ctx *c, enum kr_lir_op op, kr_hir_ref hir, int out, const int *ins, int nin)
{
    kr_lir_insn *in = kr_lir_append(c->lf, op);
    if (!in) {
        oom(c);
        return NULL;
    }
    in->out = out;
    for (int i = 0; i < nin; i++)
        in->in[i] = ins[i];
    in->nin = (uint8_t)nin;
    in->hir = hir;
    return in;
}

/* Gives the last appended instruction its exits (one per reason), all through frame state fs. */
static int add_exits(lower_ctx *c, kr_hir_ref hir, const uint8_t *reasons, int n)
{
    const kr_hir_insn *h = &c->fn->insns[hir];
    if (h->fs < 0 || (uint32_t)h->fs >= c->fn->nfs)
        return kr_hir_refuse(c->fn, "lowering: %s %%%u may leave compiled code but has no frame state",
                             kr_hir_op_names[h->op], hir);
    uint32_t k = c->lf->ninsns - 1;
    int first = -1;
    for (int i = 0; i < n; i++) {
        int e = kr_lir_add_exit(c->lf, k, h->fs, reasons[i]);
        if (e < 0)
            return oom(c);
        if (first < 0)
            first = e;
    }
    kr_lir_insn *in = &c->lf->insns[k];
    in->exit = first;
    in->nexits = (uint8_t)n;
    in->fs = h->fs;
    return 0;
}

static int add_exit1(lower_ctx *c, kr_hir_ref hir, uint8_t reason)
{
    return add_exits(c, hir, &reason, 1);
}

/* When cond is `x % d == 0` or `!= 0` (d a constant small int >= 2; no frame state needs the
 * remainder), the MOD, else 0: the branch tests divisibility without computing the remainder. */
static kr_hir_ref divisibility_mod(const lower_ctx *c, kr_hir_ref cond)
{
    const kr_hir_func *fn = c->fn;
    const kr_hir_insn *h = &fn->insns[cond];
    if (h->op != KR_HIR_INT_CMP || (h->imm != KR_CMP_EQ && h->imm != KR_CMP_NE) || h->nargs != 2)
        return 0;
    for (int i = 0; i < 2; i++) {
        kr_hir_ref m = h->args[i], z = underlying(fn, h->args[1 - i]);
        const kr_hir_insn *mi = &fn->insns[m];
        if (!z || fn->insns[z].op != KR_HIR_CONST || fn->insns[z].value != kr_small(0))
            continue;
        if (mi->op != KR_HIR_INT_BINOP || mi->imm != KR_OP_MOD || mi->dead || mi->block != h->block ||
            c->uses[m] != 1)
            continue;
        kr_hir_ref d = underlying(fn, mi->args[1]);
        if (d && fn->insns[d].op == KR_HIR_CONST && kr_is_small(fn->insns[d].value) &&
            kr_small_val(fn->insns[d].value) >= 2)
            return m;
    }
    return 0;
}

/* Can `cur + step` (a counted loop's increment, hir.h's KR_HIR_INT_RANGE_STEP: cur is before the
 * stop) not overflow? With a step of 1 or -1 the sum is at most (at least) the stop. Otherwise the
 * RANGE_NEXT testing cur bounds it when its stop is a constant S (hir_build.c's header_const): the
 * sum is then within S + step. */
static bool range_step_fits(const kr_hir_func *fn, kr_hir_ref cur, int64_t step)
{
    if (step == 1 || step == -1)
        return true;
    cur = underlying(fn, cur);
    for (kr_hir_ref r = 1; r < fn->ninsns; r++) {
        const kr_hir_insn *in = &fn->insns[r];
        if (in->dead || in->op != KR_HIR_RANGE_NEXT || underlying(fn, in->args[0]) != cur)
            continue;
        kr_hir_ref stop = underlying(fn, in->args[1]);
        const kr_hir_insn *si = &fn->insns[stop];
        return si->op == KR_HIR_CONST && kr_is_small(si->value) && kr_fits_small(kr_small_val(si->value) + step);
    }
    return false;
}

/* Which fused compare a BRANCH's condition is, and its operands. */
static int lower_condition(lower_ctx *c, kr_hir_ref hir, kr_hir_ref cond, enum kr_lir_op op_value, int out)
{
    const kr_hir_insn *h = &c->fn->insns[cond];
    int ins[3];
    int nin = 0;
    int64_t imm = 0;
    uint8_t kind = KR_LIR_BR_BOOL, cmp = 0;
    int64_t imm2 = 0;
    kr_hir_ref mod = op_value == KR_LIR_BRANCH ? divisibility_mod(c, cond) : 0;
    if (mod && c->fused[mod]) {
        const kr_hir_insn *m = &c->fn->insns[mod];
        if ((ins[0] = use_val(c, m->args[0])) < 0)
            return -1;
        kr_lir_insn *in = emit(c, KR_LIR_BRANCH, hir, -1, ins, 1);
        if (!in)
            return -1;
        in->kind = KR_LIR_BR_DIVISIBLE;
        in->cond = (uint8_t)h->imm;
        in->imm2 = (int64_t)c->fn->insns[underlying(c->fn, m->args[1])].value;
        return 0;
    }
    switch (h->op) {
    case KR_HIR_INT_CMP:
    case KR_HIR_FLOAT_CMP:
        if (h->imm < 0 || h->imm >= KR_CMP_COUNT)
            return kr_hir_refuse(c->fn, "lowering: bad comparison %lld", (long long)h->imm);
        cmp = (uint8_t)h->imm;
        kind = h->op == KR_HIR_INT_CMP ? KR_LIR_BR_ICMP : KR_LIR_BR_FCMP;
        if (h->op == KR_HIR_INT_CMP && (const_operand(c->fn, h->args[1], KR_LIR_ICMP, 0, &imm2) ||
                                        const_operand(c->fn, h->args[0], KR_LIR_ICMP, 0, &imm2))) {
            /* against a constant: cmp reg, imm32 (the constant on the left: the mirrored compare) */
            bool left = !const_operand(c->fn, h->args[1], KR_LIR_ICMP, 0, &imm2);
            if ((ins[0] = use_val(c, h->args[left ? 1 : 0])) < 0)
                return -1;
            ins[1] = -1;
            nin = 1;
            if (left)
                cmp = mirror_cmp(cmp);
        } else {
            if ((ins[0] = use_val(c, h->args[0])) < 0 || (ins[1] = use_val(c, h->args[1])) < 0)
                return -1;
            nin = 2;
        }
        if (op_value == KR_LIR_BRANCH)
            break;
        op_value = h->op == KR_HIR_INT_CMP ? KR_LIR_ICMP : KR_LIR_FCMP;
        break;
    case KR_HIR_RANGE_NEXT: {
        if ((ins[0] = use_val(c, h->args[0])) < 0 || (ins[1] = use_val(c, h->args[1])) < 0)
            return -1;
        nin = 2;
        kr_hir_ref step = underlying(c->fn, h->args[2]);
        if (is_const(c->fn, step) && kr_is_small(c->fn->insns[step].value)) {
            int64_t s = kr_small_val(c->fn->insns[step].value);
            imm = s > 0 ? 1 : s < 0 ? -1 : 0;
        }
        if (imm == 0) { /* unknown sign (a zero step never reaches here: range() refuses it) */
            if ((ins[2] = use_val(c, h->args[2])) < 0)
                return -1;
            nin = 3;
        }
        kind = KR_LIR_BR_RANGE;
        if (op_value != KR_LIR_BRANCH)
            op_value = KR_LIR_RANGE;
        break;
    }
    case KR_HIR_IS:
        if (const_operand(c->fn, h->args[1], KR_LIR_IS, 0, &imm2) ||
            const_operand(c->fn, h->args[0], KR_LIR_IS, 0, &imm2)) { /* identity is symmetric */
            bool left = !const_operand(c->fn, h->args[1], KR_LIR_IS, 0, &imm2);
            if ((ins[0] = use_val(c, h->args[left ? 1 : 0])) < 0)
                return -1;
            ins[1] = -1;
            nin = 1;
        } else {
            if ((ins[0] = use_val(c, h->args[0])) < 0 || (ins[1] = use_val(c, h->args[1])) < 0)
                return -1;
            nin = 2;
        }
        imm = h->imm ? 1 : 0;
        kind = KR_LIR_BR_IS;
        if (op_value != KR_LIR_BRANCH)
            op_value = KR_LIR_IS;
        break;
    default:
        return kr_hir_refuse(c->fn, "lowering: not a condition");
    }
    kr_lir_insn *in = emit(c, op_value, hir, out, ins, nin);
    if (!in)
        return -1;
    in->cond = cmp;
    in->kind = kind;
    in->imm = imm;
    in->imm2 = imm2;
    return 0;
}

static bool fusible(uint16_t op)
{
    return op == KR_HIR_INT_CMP || op == KR_HIR_FLOAT_CMP || op == KR_HIR_RANGE_NEXT || op == KR_HIR_IS;
}

/* Types TRUTHY tests inline (every one has its answer in the value or one field of the object). */
#define INLINE_TRUTHY_TYPES \
    (KR_HT_SMALLINT | KR_HT_BOOL | KR_HT_NONE | KR_HT_FLOAT | KR_HT_STR | KR_HT_LIST | KR_HT_TUPLE | KR_HT_DICT)
/* Types LEN reads from one field (hir.h: LEN's argument is always within these). */
#define LEN_TYPES (KR_HT_STR | KR_HT_LIST | KR_HT_TUPLE | KR_HT_DICT)
/* Types whose values are all heap pointers (a guard on them needs no tag test). KR_HT_OBJECT is not
 * among them: "anything else" includes the immediates NotImplemented and Ellipsis. */
#define HEAP_ONLY_TYPES \
    (KR_HT_BIGINT | KR_HT_FLOAT | KR_HT_STR | KR_HT_LIST | KR_HT_TUPLE | KR_HT_DICT | KR_HT_FUNC)

/* The write barrier of a store of value `value` (HIR ref) into heap object `container` (vreg), right
 * after the store's instruction: the one place STORE_INST_SLOT, LIST_SET, STORE_CELL and STORE_FIELD
 * go through. BARRIER tests the container's KR_GC_WATCH bit inline (an old object not yet remembered,
 * gc/gc.h) and calls the collector on its cold path, with every register saved, so the allocator sees
 * no call. A value that is never a heap object (small int, bool, None) needs no barrier. */
static uint32_t type_of(const kr_hir_func *fn, kr_hir_ref r);
static int emit_write_barrier(lower_ctx *c, kr_hir_ref store, int container, kr_hir_ref value)
{
    kr_hir_ref v = underlying(c->fn, value);
    if (!(type_of(c->fn, value) & ~(uint32_t)KR_HT_IMMEDIATE))
        return 0;
    if (v && is_const(c->fn, v) && (c->fn->insns[v].op == KR_HIR_CONST_DOUBLE || !kr_is_ptr(c->fn->insns[v].value)))
        return 0;
    int ins[2] = {container, use_val(c, value)};
    if (ins[1] < 0)
        return -1;
    return emit(c, KR_LIR_BARRIER, store, -1, ins, 2) ? 0 : -1;
}

/* The type bits of HIR value r as its uses see it (the guard chain's narrowest type). */
static uint32_t type_of(const kr_hir_func *fn, kr_hir_ref r)
{
    return r ? fn->insns[r].type & KR_HT_ANY : KR_HT_ANY;
}

/* LIST_GET / TUPLE_GET / LIST_SET: in0 = the sequence, in1 = the index, or the index in imm when it is
 * a non-negative constant (no untagging, no negative case: one compare against the size). */
static int lower_item(lower_ctx *c, kr_hir_ref r, enum kr_lir_op op, int out)
{
    const kr_hir_insn *h = &c->fn->insns[r];
    int a[3] = {-1, -1, -1};
    if (h->nargs != (op == KR_LIR_LIST_SET ? 3u : 2u))
        return kr_hir_refuse(c->fn, "lowering: %s %%%u with %u arguments", kr_hir_op_names[h->op], r, h->nargs);
    kr_hir_ref idx = underlying(c->fn, h->args[1]);
    int64_t k = -1;
    if (idx && c->fn->insns[idx].op == KR_HIR_CONST && kr_is_small(c->fn->insns[idx].value) &&
        kr_small_val(c->fn->insns[idx].value) >= 0 && kr_small_val(c->fn->insns[idx].value) < (INT32_MAX >> 3))
        k = kr_small_val(c->fn->insns[idx].value);
    if ((a[0] = use_val(c, h->args[0])) < 0 || (k < 0 && (a[1] = use_val(c, h->args[1])) < 0) ||
        (op == KR_LIR_LIST_SET && (a[2] = use_val(c, h->args[2])) < 0))
        return -1;
    kr_lir_insn *in = emit(c, op, r, out, a, 3);
    if (!in)
        return -1;
    in->imm = k < 0 ? 0 : k;
    if (add_exit1(c, r, h->reason) < 0)
        return -1;
    return op == KR_LIR_LIST_SET ? emit_write_barrier(c, r, a[0], h->args[2]) : 0;
}

/* The data of a direct call (lir.h's kr_lir_direct_call) of `callee` by the CALL / CALL_METHOD at ip:
 * a Python function, or a C method descriptor when step_flags has KR_HIR_STEP_CMETHOD; with `code`
 * (not KR_NULL), of any function of that code object instead (one of a polymorphic site's). The HIR
 * builder checked the call site and the callee (hir.h's DIRECT CALLS). Returns its index in lf->calls. */
static int add_direct_call(lower_ctx *c, const kr_insn *ip, kr_value callee, kr_value code, int64_t step_flags)
{
    kr_lir_func *lf = c->lf;
    if (kr_hir_grow((void **)&lf->calls, &lf->callcap, lf->ncalls + 1, sizeof *lf->calls) < 0)
        return kr_hir_refuse(c->fn, "out of memory");
    kr_insn in = ip[0];
    kr_lir_direct_call *d = &lf->calls[lf->ncalls];
    memset(d, 0, sizeof *d);
    d->func = KR_OBJ(callee);
    d->dst = KR_INSN_A(in);
    d->arg0 = d->dst + 1;
    d->npassed = KR_INSN_B(in);
    d->self_slot = d->null_slot = -1;
    if (step_flags & KR_HIR_STEP_CMETHOD) {
        const kr_cfunction *m = KR_AS(kr_cfunction, callee);
        d->npassed++; /* self and the arguments, adjacent */
        d->cfn = (const void *)(uintptr_t)m->fn;
        d->owner = m->owner;
        d->ckind = KR_LIR_C_METHOD;
        return (int)lf->ncalls++;
    }
    if (step_flags & KR_HIR_STEP_CFUNC) {
        d->cfn = (const void *)(uintptr_t)KR_AS(kr_cfunction, callee)->fn;
        d->ckind = KR_LIR_C_FUNC;
        if (KR_INSN_OP(in) == KR_OP_CALL_METHOD) { /* a function LOAD_METHOD found: no self */
            d->null_slot = (int32_t)(d->dst + 1);
            d->arg0 = d->dst + 2;
        }
        return (int)lf->ncalls++;
    }
    if (step_flags & KR_HIR_STEP_CTYPE) {
        d->cfn = (const void *)(uintptr_t)KR_AS(kr_type, callee)->new_;
        d->ckind = KR_LIR_C_TYPE;
        return (int)lf->ncalls++;
    }
    kr_function *fn = KR_AS(kr_function, callee);
    kr_code *co = kr_code_of(code ? code : fn->code);
    d->func_version = fn->version;
    d->by_code = code || (step_flags & KR_HIR_STEP_BY_CODE) != 0;
    d->nargs = co->argcount;
    if (step_flags & KR_HIR_STEP_CLASS) { /* callee is __init__: self (the new instance) in s[dst] */
        d->arg0 = d->dst;
        d->npassed++;
        d->by_code = 0;
    }
    if (KR_INSN_OP(in) == KR_OP_CALL_METHOD) {
        /* as the builder counted the arguments: self when the callee takes more than the site passes */
        if (co->argcount > KR_INSN_B(in)) {
            d->self_slot = (int32_t)(d->dst + 1);
            d->npassed++;
        } else {
            d->null_slot = (int32_t)(d->dst + 1);
            d->arg0 = d->dst + 2;
        }
    }
    d->cell0 = co->nlocals;
    d->ncells = co->ncellvars;
    for (uint32_t i = 0; i < co->ncellvars && i < 4; i++)
        d->cell_arg[i] = co->cell2arg ? co->cell2arg[i] : -1;
    d->free0 = co->nlocals + co->ncellvars;
    d->nfree = co->nfreevars;
    d->nslots = co->nslots;
    d->code = co;
    d->jit_code = &co->jit_code;
    d->first_pc = co->insns;
    return (int)lf->ncalls++;
}

static int lower_insn(lower_ctx *c, uint32_t lb, kr_hir_ref r)
{
    kr_hir_func *fn = c->fn;
    const kr_hir_insn h = fn->insns[r]; /* a copy: lowering never changes HIR, but keep it simple */
    int out = c->vreg[r];
    int a[3] = {-1, -1, -1};
    kr_lir_insn *in;
    switch ((enum kr_hir_op)h.op) {
    case KR_HIR_CONST:
    case KR_HIR_CONST_DOUBLE:
    case KR_HIR_PHI:
        return 0; /* materialised at uses / resolved on edges */
    case KR_HIR_LOAD_SLOT:
        if (!(in = emit(c, KR_LIR_LOAD, r, out, NULL, 0)))
            return -1;
        in->imm = h.imm;
        return 0;
    case KR_HIR_STORE_SLOT: {
        kr_hir_ref v = underlying(fn, h.args[0]);
        if (v && fn->insns[v].op == KR_HIR_CONST) {
            if (!(in = emit(c, KR_LIR_STORE, r, -1, NULL, 0)))
                return -1;
            in->imm2 = (int64_t)fn->insns[v].value;
        } else {
            if ((a[0] = use_val(c, h.args[0])) < 0 || !(in = emit(c, KR_LIR_STORE, r, -1, a, 1)))
                return -1;
        }
        in->imm = h.imm;
        return 0;
    }
    case KR_HIR_GUARD_TYPE:
        if (((uint32_t)h.imm & KR_HT_ANY) == KR_HT_ANY)
            return 0; /* nothing to check */
        if ((a[0] = use_val(c, h.args[0])) < 0 || !(in = emit(c, KR_LIR_GUARD_TYPE, r, -1, a, 1)))
            return -1;
        in->imm = h.imm & KR_HT_ANY;
        return add_exit1(c, r, h.reason);
    case KR_HIR_GUARD_IS:
        if ((a[0] = use_val(c, h.args[0])) < 0 || !(in = emit(c, KR_LIR_GUARD_IS, r, -1, a, 1)))
            return -1;
        in->imm = (int64_t)h.value;
        return add_exit1(c, r, h.reason);
    case KR_HIR_GUARD_NOT_UNBOUND:
        if ((a[0] = use_val(c, h.args[0])) < 0 || !emit(c, KR_LIR_GUARD_BOUND, r, -1, a, 1))
            return -1;
        return add_exit1(c, r, h.reason);
    case KR_HIR_GUARD_DEPTH:
        if (!emit(c, KR_LIR_GUARD_DEPTH, r, -1, a, 0))
            return -1;
        return add_exit1(c, r, h.reason);
    case KR_HIR_INT_BINOP: {
        if (c->fused[r])
            return 0; /* a remainder only compared with 0: its BRANCH tests divisibility */
        enum kr_lir_op op;
        uint8_t reasons[2];
        int nr = 0;
        switch (h.imm) {
        case KR_OP_ADD: op = KR_LIR_IADD; reasons[nr++] = KR_DEOPT_OVERFLOW; break;
        case KR_OP_SUB: op = KR_LIR_ISUB; reasons[nr++] = KR_DEOPT_OVERFLOW; break;
        case KR_OP_MUL: op = KR_LIR_IMUL; reasons[nr++] = KR_DEOPT_OVERFLOW; break;
        case KR_OP_FLOORDIV:
            op = KR_LIR_IDIV;
            reasons[nr++] = KR_DEOPT_ZERO_DIV;
            reasons[nr++] = KR_DEOPT_OVERFLOW;
            break;
        case KR_OP_MOD: op = KR_LIR_IMOD; reasons[nr++] = KR_DEOPT_ZERO_DIV; break;
        case KR_OP_AND: op = KR_LIR_IAND; break;
        case KR_OP_OR: op = KR_LIR_IOR; break;
        case KR_OP_XOR: op = KR_LIR_IXOR; break;
        case KR_OP_LSHIFT:
            op = KR_LIR_ISHL;
            reasons[nr++] = KR_DEOPT_SHIFT;
            reasons[nr++] = KR_DEOPT_OVERFLOW;
            break;
        case KR_OP_RSHIFT: op = KR_LIR_ISHR; reasons[nr++] = KR_DEOPT_SHIFT; break;
        default: return kr_hir_refuse(fn, "lowering: INT_BINOP %lld", (long long)h.imm);
        }
        /* a constant second operand (or first, for a commutative op) goes into imm2: immediates, the
         * tagging folded at compile time, and no exits the constant rules out (lir.h) */
        kr_hir_ref x = h.args[0], y = h.args[1];
        bool commutative = op == KR_LIR_IADD || op == KR_LIR_IMUL || op == KR_LIR_IAND || op == KR_LIR_IOR ||
                           op == KR_LIR_IXOR;
        int64_t k = 0;
        bool konst = const_operand(fn, y, op, 0, &k);
        if (!konst && commutative && const_operand(fn, x, op, 0, &k)) {
            konst = true;
            x = h.args[1];
        }
        if (konst && h.imm2 == KR_HIR_INT_RANGE_STEP && range_step_fits(fn, h.args[0], kr_small_val((kr_value)k)))
            nr = 0; /* a counted loop's increment that stays within its stop (hir.h) */
        if (h.imm2 == KR_HIR_INT_NO_OVERFLOW) {
            if (!konst)
                return kr_hir_refuse(fn, "lowering: unchecked INT_BINOP without a constant operand");
            nr = 0; /* within the loop's bounds (hir.h) */
        }
        if (konst) {
            if ((a[0] = use_val(c, x)) < 0 || !(in = emit(c, op, r, out, a, 1)))
                return -1;
            in->imm2 = k;
            if (op == KR_LIR_IDIV || op == KR_LIR_IMOD || op == KR_LIR_ISHR)
                return 0; /* a non-zero divisor (not -1 for //), a non-negative count: nothing can fail */
            return nr ? add_exits(c, r, reasons, nr) : 0;
        }
        if ((a[0] = use_val(c, x)) < 0 || (a[1] = use_val(c, y)) < 0 || !emit(c, op, r, out, a, 2))
            return -1;
        return nr ? add_exits(c, r, reasons, nr) : 0;
    }
    case KR_HIR_INT_NEG:
        if ((a[0] = use_val(c, h.args[0])) < 0 || !emit(c, KR_LIR_INEG, r, out, a, 1))
            return -1;
        return add_exit1(c, r, KR_DEOPT_OVERFLOW);
    case KR_HIR_INT_INVERT:
        if ((a[0] = use_val(c, h.args[0])) < 0 || !emit(c, KR_LIR_INOT, r, out, a, 1))
            return -1;
        return 0;
    case KR_HIR_GUARD_INT_RANGE: /* bounds as tagged words: the compare needs no untagging */
        if ((a[0] = use_val(c, h.args[0])) < 0 || !(in = emit(c, KR_LIR_GUARD_RANGE, r, -1, a, 1)))
            return -1;
        in->imm = h.imm > KR_SMALL_MIN ? 2 * h.imm + 1 : INT64_MIN;
        in->imm2 = h.imm2 < KR_SMALL_MAX ? 2 * h.imm2 + 1 : INT64_MAX;
        return add_exit1(c, r, h.reason);
    case KR_HIR_INT_MOD_STEP: /* (x + s) mod C, x in [0, C), 0 < |s| < C (hir_opt.c) on tagged words */
        if ((a[0] = use_val(c, h.args[0])) < 0 || !(in = emit(c, KR_LIR_IWRAP, r, out, a, 1)))
            return -1;
        in->imm = 2 * (h.imm > 0 ? h.imm - h.imm2 : h.imm); /* x + s - C, or x + s: negative when out of range */
        in->imm2 = 2 * h.imm2;                                /* ... then + C brings it back */
        return 0;
    case KR_HIR_RANGE_PREV: /* a0 == a1 ? a2 : a0 - step (hir_opt.c's loop exit values) */
        if ((a[0] = use_val(c, h.args[0])) < 0 || (a[1] = use_val(c, h.args[1])) < 0 ||
            (a[2] = use_val(c, h.args[2])) < 0 || !(in = emit(c, KR_LIR_RANGE_PREV, r, out, a, 3)))
            return -1;
        in->imm = -2 * h.imm;
        return 0;
    case KR_HIR_INT_CMP:
    case KR_HIR_FLOAT_CMP:
    case KR_HIR_RANGE_NEXT:
    case KR_HIR_IS:
        if (c->fused[r])
            return 0;
        return lower_condition(c, r, r, KR_LIR_OP_COUNT, out);
    case KR_HIR_INT_TO_DOUBLE:
        if ((a[0] = use_val(c, h.args[0])) < 0 || !emit(c, KR_LIR_I2D, r, out, a, 1))
            return -1;
        return 0;
    case KR_HIR_UNBOX_FLOAT:
        if ((a[0] = use_val(c, h.args[0])) < 0 || !emit(c, KR_LIR_UNBOX, r, out, a, 1))
            return -1;
        return 0;
    case KR_HIR_BOX_FLOAT:
        if ((a[0] = use_val(c, h.args[0])) < 0 || !emit(c, KR_LIR_BOX_CALL, r, -1, a, 1) ||
            add_exit1(c, r, h.reason) < 0 || !emit(c, KR_LIR_GETRET, r, out, NULL, 0))
            return -1;
        return 0;
    case KR_HIR_FLOAT_BINOP: {
        enum kr_lir_op op;
        switch (h.imm) {
        case KR_OP_ADD: op = KR_LIR_FADD; break;
        case KR_OP_SUB: op = KR_LIR_FSUB; break;
        case KR_OP_MUL: op = KR_LIR_FMUL; break;
        case KR_OP_TRUEDIV: op = KR_LIR_FDIV; break;
        case KR_OP_POW:
            /* a call that leaves the result's bits in rax (kr_jit_rt_float_pow) */
            if ((a[0] = use_val(c, h.args[0])) < 0 || (a[1] = use_val(c, h.args[1])) < 0 ||
                !emit(c, KR_LIR_FPOW_CALL, r, -1, a, 2) || add_exit1(c, r, KR_DEOPT_FLOAT_POW) < 0 ||
                !emit(c, KR_LIR_FGETRET, r, out, NULL, 0))
                return -1;
            return 0;
        default: return kr_hir_refuse(fn, "lowering: FLOAT_BINOP %lld", (long long)h.imm);
        }
        if ((a[0] = use_val(c, h.args[0])) < 0 || (a[1] = use_val(c, h.args[1])) < 0 ||
            !emit(c, op, r, out, a, 2))
            return -1;
        return op == KR_LIR_FDIV ? add_exit1(c, r, KR_DEOPT_ZERO_DIV) : 0;
    }
    case KR_HIR_FLOAT_NEG:
        if ((a[0] = use_val(c, h.args[0])) < 0 || !emit(c, KR_LIR_FNEG, r, out, a, 1))
            return -1;
        return 0;
    case KR_HIR_NOT:
        if ((a[0] = use_val(c, h.args[0])) < 0 || !emit(c, KR_LIR_NOT, r, out, a, 1))
            return -1;
        return 0;
    case KR_HIR_TRUTHY: {
        uint32_t t = type_of(fn, h.args[0]);
        if ((a[0] = use_val(c, h.args[0])) < 0)
            return -1;
        if (t && (t & ~(uint32_t)INLINE_TRUTHY_TYPES) == 0) {
            if (!(in = emit(c, KR_LIR_TRUTHY, r, out, a, 1)))
                return -1;
            in->imm = t;
            return 0;
        }
        if (!emit(c, KR_LIR_TRUTHY_CALL, r, -1, a, 1) || add_exit1(c, r, h.reason) < 0 ||
            !emit(c, KR_LIR_GETRET, r, out, NULL, 0))
            return -1;
        return 0;
    }
    case KR_HIR_GUARD_DICT_VERSION:
        /* the dict is a constant: materialised so that both compares address it from a register */
        if (!kr_is_ptr(h.value) || h.imm2 < 0 || h.imm2 > 2)
            return kr_hir_refuse(fn, "lowering: GUARD_DICT_VERSION %%%u on no dict", r);
        if ((a[0] = kr_lir_add_vreg(c->lf, KR_RA_GP)) < 0 || !(in = emit(c, KR_LIR_MOVI, r, a[0], NULL, 0)))
            return oom(c);
        in->imm = (int64_t)h.value;
        if (!(in = emit(c, KR_LIR_GUARD_DICT, r, -1, a, 1)))
            return -1;
        in->imm = h.imm;
        in->imm2 = h.imm2;
        return add_exit1(c, r, h.reason);
    case KR_HIR_LOAD_ADDR:
        if (!h.imm || (h.imm & 7))
            return kr_hir_refuse(fn, "lowering: LOAD_ADDR %%%u of a misaligned address", r);
        if (!(in = emit(c, KR_LIR_LOADA, r, out, NULL, 0)))
            return -1;
        in->imm = h.imm;
        return 0;
    case KR_HIR_GUARD_SHAPE:
        if (!kr_is_ptr(h.value))
            return kr_hir_refuse(fn, "lowering: GUARD_SHAPE %%%u without a type", r);
        if ((a[0] = use_val(c, h.args[0])) < 0 || !(in = emit(c, KR_LIR_GUARD_SHAPE, r, -1, a, 1)))
            return -1;
        in->imm = (int64_t)h.value;
        in->imm2 = (int64_t)(uint32_t)h.imm;
        in->imm3 = h.imm2;
        {
            uint32_t t = type_of(fn, h.args[0]);
            in->kind = (t & ~(uint32_t)HEAP_ONLY_TYPES) != 0;
        }
        return add_exit1(c, r, h.reason);
    case KR_HIR_LOAD_INST_SLOT:
    case KR_HIR_STORE_INST_SLOT: {
        bool store = h.op == KR_HIR_STORE_INST_SLOT;
        if (h.imm < 0 || h.imm >= (INT32_MAX >> 3))
            return kr_hir_refuse(fn, "lowering: instance slot %lld", (long long)h.imm);
        if ((a[0] = use_val(c, h.args[0])) < 0 || (store && (a[1] = use_val(c, h.args[1])) < 0) ||
            !(in = emit(c, store ? KR_LIR_STORE_ISLOT : KR_LIR_LOAD_ISLOT, r, store ? -1 : out, a, store ? 2 : 1)))
            return -1;
        in->imm = h.imm;
        return store ? emit_write_barrier(c, r, a[0], h.args[1]) : 0;
    }
    case KR_HIR_LOAD_CELL:
        if ((a[0] = use_val(c, h.args[0])) < 0 || !(in = emit(c, KR_LIR_LOAD_CELL, r, out, a, 1)))
            return -1;
        return add_exit1(c, r, h.reason);
    case KR_HIR_STORE_CELL:
        if ((a[0] = use_val(c, h.args[0])) < 0 || (a[1] = use_val(c, h.args[1])) < 0 ||
            !emit(c, KR_LIR_STORE_CELL, r, -1, a, 2))
            return -1;
        return emit_write_barrier(c, r, a[0], h.args[1]);
    case KR_HIR_LOAD_FIELD:
    case KR_HIR_STORE_FIELD: {
        bool store = h.op == KR_HIR_STORE_FIELD;
        /* a member word lies past the object header, 8-aligned, within a 32-bit displacement */
        if (h.imm < (int64_t)sizeof(kr_object) || h.imm > INT32_MAX || (h.imm & 7))
            return kr_hir_refuse(fn, "lowering: field offset %lld", (long long)h.imm);
        if ((a[0] = use_val(c, h.args[0])) < 0 || (store && (a[1] = use_val(c, h.args[1])) < 0) ||
            !(in = emit(c, store ? KR_LIR_STORE_FIELD : KR_LIR_LOAD_FIELD, r, store ? -1 : out, a, store ? 2 : 1)))
            return -1;
        in->imm = h.imm;
        return store ? emit_write_barrier(c, r, a[0], h.args[1]) : add_exit1(c, r, h.reason);
    }
    case KR_HIR_LIST_GET:
        return lower_item(c, r, KR_LIR_LIST_GET, out);
    case KR_HIR_TUPLE_GET:
        return lower_item(c, r, KR_LIR_TUPLE_GET, out);
    case KR_HIR_LIST_SET:
        return lower_item(c, r, KR_LIR_LIST_SET, -1);
    case KR_HIR_LEN: {
        uint32_t t = type_of(fn, h.args[0]);
        if (!t || (t & ~(uint32_t)LEN_TYPES))
            return kr_hir_refuse(fn, "lowering: LEN %%%u of type 0x%x", r, t);
        if ((a[0] = use_val(c, h.args[0])) < 0 || !(in = emit(c, KR_LIR_LEN, r, out, a, 1)))
            return -1;
        in->imm = t;
        return 0;
    }
    case KR_HIR_STEP:
        if (h.imm < 0 || (uint64_t)h.imm >= fn->code->ninsns)
            return kr_hir_refuse(fn, "lowering: STEP pc %lld out of range", (long long)h.imm);
        if (!(in = emit(c, KR_LIR_STEP_CALL, r, -1, NULL, 0)))
            return -1;
        in->imm = (int64_t)(uintptr_t)(fn->code->insns + h.imm);
        in->imm2 = h.imm;
        if (h.value) {
            bool cls = (h.imm2 & KR_HIR_STEP_CLASS) != 0;
            int k = add_direct_call(c, fn->code->insns + h.imm, cls ? h.codes[0] : h.value, KR_NULL, h.imm2);
            if (k < 0)
                return -1;
            in->imm3 = k + 1;
            if (cls) {
                c->lf->calls[k].cls = KR_OBJ(h.value);
                c->lf->calls[k].cls_version = KR_AS(kr_type, h.value)->version;
                c->lf->calls[k].cls_new = (const void *)(uintptr_t)KR_AS(kr_type, h.value)->new_;
            }
            /* a polymorphic site's other codes, chained: each tried when the one before does not match */
            for (int i = 0; i < KR_HIR_POLY_CODES && (h.imm2 & KR_HIR_STEP_POLY); i++) {
                if (!h.codes[i])
                    continue;
                int n = add_direct_call(c, fn->code->insns + h.imm, h.value, h.codes[i], h.imm2);
                if (n < 0)
                    return -1;
                c->lf->calls[k].next = (uint32_t)n + 1;
                k = n;
            }
        }
        if (add_exit1(c, r, h.reason) < 0 || !emit(c, KR_LIR_GETRET, r, out, NULL, 0))
            return -1;
        return 0;
    case KR_HIR_CALL_RT: {
        if (h.imm < 0 || h.imm >= KR_JIT_RT_COUNT ||
            (int)h.nargs != kr_jit_rt_nvalues((enum kr_jit_rt_fn)h.imm) || h.nargs > KR_LIR_MAX_IN)
            return kr_hir_refuse(fn, "lowering: CALL_RT %%%u of function %lld with %u arguments", r,
                                 (long long)h.imm, h.nargs);
        for (uint32_t i = 0; i < h.nargs; i++)
            if ((a[i] = use_val(c, h.args[i])) < 0)
                return -1;
        if (!(in = emit(c, KR_LIR_CALL_RT, r, -1, a, (int)h.nargs)))
            return -1;
        in->imm = h.imm;
        in->imm2 = h.imm2;
        if (h.imm == KR_JIT_RT_LOAD_ATTR || h.imm == KR_JIT_RT_LOAD_METHOD) {
            /* a polymorphic site: the back end probes its entries inline before the call */
            const kr_insn *ip = (const kr_insn *)(uintptr_t)h.imm2;
            const kr_fb *e = &fn->code->fb[KR_CACHE_FB(ip[1])];
            if (e->attr.kind == KR_FB_ATTR_POLY)
                in->imm3 = (int64_t)(uintptr_t)e->attr.shape;
        }
        if (add_exit1(c, r, h.reason) < 0 || !emit(c, KR_LIR_GETRET, r, out, NULL, 0))
            return -1;
        return 0;
    }
    case KR_HIR_POLL:
        if (!emit(c, KR_LIR_POLL, r, -1, NULL, 0))
            return -1;
        return add_exit1(c, r, h.reason);
    case KR_HIR_ENTRY:
        return emit(c, KR_LIR_ENTRY, r, -1, NULL, 0) ? 0 : -1;
    case KR_HIR_JUMP:
        return emit(c, KR_LIR_JUMP, r, -1, NULL, 0) ? 0 : -1;
    case KR_HIR_BRANCH: {
        kr_hir_ref cond = h.args[0];
        if (c->fused[cond])
            return lower_condition(c, r, cond, KR_LIR_BRANCH, -1);
        if ((a[0] = use_val(c, cond)) < 0 || !(in = emit(c, KR_LIR_BRANCH, r, -1, a, 1)))
            return -1;
        in->kind = KR_LIR_BR_BOOL;
        return 0;
    }
    case KR_HIR_BRANCH_PC:
        if (h.imm < 0 || (uint64_t)h.imm >= fn->code->ninsns)
            return kr_hir_refuse(fn, "lowering: BRANCH_PC pc %lld out of range", (long long)h.imm);
        if ((a[0] = use_val(c, h.args[0])) < 0 || !(in = emit(c, KR_LIR_BRANCH_PC, r, -1, a, 1)))
            return -1;
        in->imm = (int64_t)(uintptr_t)(fn->code->insns + h.imm);
        in->imm2 = h.imm;
        return 0;
    case KR_HIR_RETURN:
        if ((a[0] = use_val(c, h.args[0])) < 0 || !(in = emit(c, KR_LIR_RETURN, r, -1, a, 1)))
            return -1;
        if (h.imm > 0) { /* a yield: resume at pc imm - 1 */
            if ((uint64_t)h.imm > fn->code->ninsns)
                return kr_hir_refuse(fn, "lowering: YIELD resuming at pc %lld", (long long)h.imm - 1);
            in->imm = h.imm;
            in->imm2 = (int64_t)(uintptr_t)(fn->code->insns + h.imm - 1);
        }
        return 0;
    case KR_HIR_DEOPT:
        if (!emit(c, KR_LIR_DEOPT, r, -1, NULL, 0))
            return -1;
        return add_exit1(c, r, h.reason);
    case KR_HIR_OP_COUNT:
        break;
    }
    (void)lb;
    return kr_hir_refuse(fn, "lowering: unknown HIR op %u", h.op);
}

int kr_lir_value_of(const kr_lir_func *lf, kr_hir_ref r, int64_t *bits)
{
    r = underlying(lf->hir, r);
    if (is_const(lf->hir, r)) {
        *bits = const_bits(lf->hir, r);
        return -1;
    }
    *bits = 0;
    int v = r ? lf->hir_vreg[r] : -1;
    return v >= 0 ? v : -2;
}

/* Reverse post order of the blocks reachable from block 0 (iterative DFS). */
static uint32_t *reverse_post_order(const kr_hir_func *fn, uint32_t *n_out)
{
    uint32_t nb = fn->nblocks;
    uint32_t *order = malloc((nb + 1) * sizeof *order);
    uint32_t *stack = malloc((nb + 1) * sizeof *stack);
    uint32_t *next = calloc(nb + 1, sizeof *next);
    uint8_t *seen = calloc(nb + 1, 1);
    if (!order || !stack || !next || !seen) {
        free(order), free(stack), free(next), free(seen);
        return NULL;
    }
    uint32_t sp = 0, npost = 0;
    stack[sp++] = 0;
    seen[0] = 1;
    while (sp) {
        uint32_t b = stack[sp - 1];
        if (next[b] < fn->blocks[b].nsuccs) {
            /* successors last to first: then succs[0] (a loop condition's body) follows its block */
            uint32_t s = fn->blocks[b].succs[fn->blocks[b].nsuccs - 1 - next[b]++];
            if (!seen[s]) {
                seen[s] = 1;
                stack[sp++] = s;
            }
        } else {
            order[npost++] = b;
            sp--;
        }
    }
    for (uint32_t i = 0; i < npost / 2; i++) {
        uint32_t t = order[i];
        order[i] = order[npost - 1 - i];
        order[npost - 1 - i] = t;
    }
    free(stack), free(next), free(seen);
    *n_out = npost;
    return order;
}

static void count_uses(lower_ctx *c)
{
    kr_hir_func *fn = c->fn;
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        if (c->lir_of[b] < 0)
            continue;
        const kr_hir_block *bl = &fn->blocks[b];
        for (uint32_t i = 0; i < bl->ninsns; i++) {
            const kr_hir_insn *in = &fn->insns[bl->insns[i]];
            if (in->dead)
                continue;
            for (uint32_t a = 0; a < in->nargs; a++)
                c->uses[in->args[a]]++;
            if (in->fs >= 0 && (uint32_t)in->fs < fn->nfs)
                for (uint32_t d = 0; d < fn->fss[in->fs].ndirty; d++)
                    c->uses[fn->fss[in->fs].dirty[d].value]++;
        }
    }
}

/* The k-th occurrence of pred p in S's preds is the edge of p's k-th successor slot naming S. */
static int succ_index_of_edge(const kr_hir_func *fn, uint32_t s, uint32_t pred_index)
{
    const kr_hir_block *sb = &fn->blocks[s];
    uint32_t p = sb->preds[pred_index], occ = 0;
    for (uint32_t i = 0; i < pred_index; i++)
        occ += sb->preds[i] == p;
    const kr_hir_block *pb = &fn->blocks[p];
    for (uint32_t i = 0; i < pb->nsuccs; i++)
        if (pb->succs[i] == s && occ-- == 0)
            return (int)i;
    return -1;
}

/* ---- counter increments at the latch ------------------------------------------------------------
 * A counted loop computes its next counter n = iv + k (iv a header phi, n its only back-edge input)
 * where the bytecode does, at the top of the body, so iv and n are both live through the body and the
 * back-edge copies n into iv's register. The next value is needed only by that phi and by frame states
 * (the range iterator's slot of the body's exits), and every frame state that names n is dominated by
 * it, so iv there is still the counter n was made from: the exit rebuilds n as iv's word + 2k (tagged
 * units; kr_lir_exit's adj_slot). So n is lowered at the end of the latch instead, after every other
 * instruction (its register can then be iv's: `add reg, k`), and those frame states name iv with that
 * adjustment (rewrite_sunk_states, after strip mining, which reads the latch's states as the HIR wrote
 * them). Only an increment that cannot fail (no exit: a range step that stays within the stop, or a
 * counter the loop range analysis bounds), whose frame states name it in one slot and no other sunk
 * increment, so one adjusted slot per exit suffices. */
static bool sinkable_increment(lower_ctx *c, kr_hir_ref n, kr_hir_ref *iv_out, int64_t *k_out, uint32_t *latch_out)
{
    kr_hir_func *fn = c->fn;
    const kr_hir_insn *in = &fn->insns[n];
    if (in->dead || in->op != KR_HIR_INT_BINOP || in->imm != KR_OP_ADD || in->nargs != 2 || c->vreg[n] < 0 ||
        c->lir_of[in->block] < 0)
        return false;
    int64_t kw;
    kr_hir_ref iv = underlying(fn, in->args[0]);
    if (!const_operand(fn, in->args[1], KR_LIR_IADD, 0, &kw)) {
        if (!const_operand(fn, in->args[0], KR_LIR_IADD, 0, &kw))
            return false;
        iv = underlying(fn, in->args[1]);
    }
    int64_t k = kr_small_val((kr_value)kw);
    const kr_hir_insn *ivi = &fn->insns[iv];
    if (!(in->imm2 == KR_HIR_INT_NO_OVERFLOW || (in->imm2 == KR_HIR_INT_RANGE_STEP && range_step_fits(fn, iv, k))) ||
        ivi->dead || ivi->op != KR_HIR_PHI || !fn->blocks[ivi->block].loop_header || c->vreg[iv] < 0 || k == 0 ||
        k >= ((int64_t)1 << 29) || k <= -((int64_t)1 << 29))
        return false;
    /* iv's one back-edge (a predecessor at or after the header in RPO), from a latch ending in a JUMP, feeds n */
    const kr_hir_block *hb = &fn->blocks[ivi->block];
    uint32_t latch = 0, nback = 0;
    for (uint32_t p = 0; p < hb->npreds; p++) {
        uint32_t pb = hb->preds[p];
        if (c->lir_of[pb] < 0 || c->lir_of[pb] < c->lir_of[ivi->block])
            continue;
        nback++;
        latch = pb;
        if (p >= ivi->nargs || underlying(fn, ivi->args[p]) != n)
            return false;
    }
    const kr_hir_block *lb = &fn->blocks[latch];
    if (nback != 1 || !lb->ninsns || fn->insns[lb->insns[lb->ninsns - 1]].op != KR_HIR_JUMP || c->sink[latch])
        return false;
    /* no use but that phi input */
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        if (c->lir_of[b] < 0)
            continue;
        const kr_hir_block *bl = &fn->blocks[b];
        for (uint32_t j = 0; j < bl->ninsns; j++) {
            const kr_hir_insn *u = &fn->insns[bl->insns[j]];
            if (u->dead)
                continue;
            for (uint32_t a = 0; a < u->nargs; a++)
                if (underlying(fn, u->args[a]) == n && !(bl->insns[j] == iv && bl->preds[a] == latch))
                    return false;
        }
    }
    /* its frame states: one slot, and no other sunk increment */
    for (uint32_t i = 0; i < fn->nfs; i++) {
        const kr_hir_fs *fs = &fn->fss[i];
        uint32_t mine = 0, others = 0;
        for (uint32_t d = 0; d < fs->ndirty; d++) {
            kr_hir_ref v = underlying(fn, fs->dirty[d].value);
            mine += v == n;
            others += c->sunk[v];
        }
        if (mine > 1 || (mine && others))
            return false;
    }
    *iv_out = iv;
    *k_out = k;
    *latch_out = latch;
    return true;
}

static void choose_sunk_increments(lower_ctx *c)
{
    kr_hir_func *fn = c->fn;
    for (kr_hir_ref n = 1; n < fn->ninsns; n++) {
        kr_hir_ref iv;
        int64_t k;
        uint32_t latch;
        if (sinkable_increment(c, n, &iv, &k, &latch)) {
            c->sink[latch] = n;
            c->sunk[n] = 1;
        }
    }
}

/* Frame states naming a sunk increment n name its counter instead, the exits adding 2k (see above). */
static int rewrite_sunk_states(lower_ctx *c)
{
    kr_hir_func *fn = c->fn;
    kr_lir_func *lf = c->lf;
    uint32_t nfs0 = fn->nfs;
    int32_t *done = malloc((nfs0 + 1) * sizeof *done); /* old state -> its rewrite, -1 none, -2 unchanged */
    int32_t *slot = malloc((nfs0 + 1) * sizeof *slot);
    int64_t *adj = malloc((nfs0 + 1) * sizeof *adj);
    if (!done || !slot || !adj) {
        free(done), free(slot), free(adj);
        return oom(c);
    }
    for (uint32_t i = 0; i < nfs0; i++)
        done[i] = -1;
    int rc = 0;
    for (uint32_t k = 0; k < lf->ninsns && rc == 0; k++) {
        kr_lir_insn *in = &lf->insns[k];
        if (in->fs < 0 || (uint32_t)in->fs >= nfs0)
            continue;
        int32_t f = in->fs;
        if (done[f] == -1) {
            done[f] = -2;
            const kr_hir_fs *fs = &fn->fss[f];
            for (uint32_t d = 0; d < fs->ndirty; d++) {
                kr_hir_ref n = underlying(fn, fs->dirty[d].value);
                if (!c->sunk[n])
                    continue;
                const kr_hir_insn *ni = &fn->insns[n];
                bool first = const_operand(fn, ni->args[1], KR_LIR_IADD, 0, &adj[f]); /* iv + k, else k + iv */
                if (!first && !const_operand(fn, ni->args[0], KR_LIR_IADD, 0, &adj[f])) {
                    rc = kr_hir_refuse(fn, "lowering: sunk increment %%%u without its constant", n);
                    break;
                }
                kr_hir_ref iv = underlying(fn, first ? ni->args[0] : ni->args[1]);
                adj[f] = 2 * kr_small_val((kr_value)adj[f]);
                kr_hir_fs_entry *e = malloc(fs->ndirty * sizeof *e);
                if (!e) {
                    rc = oom(c);
                    break;
                }
                memcpy(e, fs->dirty, fs->ndirty * sizeof *e);
                e[d].value = iv;
                int32_t nf = kr_hir_add_fs(fn, fs->pc, e, fs->ndirty); /* may move fn->fss */
                free(e);
                if (nf < 0) {
                    rc = oom(c);
                    break;
                }
                done[f] = nf;
                slot[f] = (int32_t)fn->fss[f].dirty[d].slot;
                break; /* one slot (sinkable_increment) */
            }
        }
        if (rc || done[f] < 0)
            continue;
        in->fs = done[f];
        for (int e = in->exit; e >= 0 && e < in->exit + in->nexits; e++) {
            if (lf->exits[e].adj_slot >= 0) {
                rc = kr_hir_refuse(fn, "lowering: exit %d adjusts two slots", e);
                break;
            }
            lf->exits[e].fs = done[f];
            lf->exits[e].adj_slot = slot[f];
            lf->exits[e].adj = adj[f];
        }
    }
    free(done), free(slot), free(adj);
    return rc;
}

/* ---- loop strip mining (HotSpot C2's LoopStripMiningIter) ---------------------------------------
 * A counted loop polls on every back-edge (POLL: two loads, a compare and a branch), which in a small
 * body costs as much as the body. When the loop cannot allocate or reach a safepoint (no call and no
 * other POLL between its header and its latch: then no GC debt can arise inside it, and an inner loop
 * keeps its own poll), the back-edge instead tests the counter against a strip limit `lim` kept in a
 * register (a new header phi, the BRANCH's in2): `cur < lim` jumps straight back into the body, and
 * only when a strip of about KR_LIR_STRIP_ITERS iterations is done does the code poll, test the real
 * stop and set lim = min(stop, cur + KR_LIR_STRIP_ITERS * step) (compiler/x86.cpp's jumpRotated).
 * The entries give lim a value that ends the first strip at once (below any counter going up, above
 * any going down), so the first back-edge sets it. Interrupts are then seen within a strip of a body
 * with no call in it.
 *
 * The poll moves to the back-edge after the phis' moves, where the frame is the header's: its exit
 * (the header BRANCH's exit 0) resumes at the header's pc with the latch POLL's frame state read
 * through the header phis (a value the back-edge feeds to a phi becomes that phi; constants and values
 * defined before the loop stay). The latch POLL stays, marked imm 1: the back end leaves it out
 * exactly when the back-edge takes the strip-mined test (a rotated header, which needs the allocation
 * to know), and polls as before otherwise. */
#define KR_LIR_STRIP_ITERS 1000

/* Whether the LIR blocks [h, latch] hold no safepoint but the latch's own POLL (at index poll). They
 * hold the whole loop: blocks are in RPO (each followed by its edge-split blocks), and with one
 * back-edge every block of the loop reaches the latch by forward edges, so it lies between the
 * header and the latch (blocks in that range outside the loop only make the answer conservative). */
static bool strip_body_ok(const kr_lir_func *lf, uint32_t h, uint32_t latch, uint32_t poll)
{
    for (uint32_t b = h; b <= latch; b++) {
        const kr_lir_block *bl = &lf->blocks[b];
        for (uint32_t k = bl->first; k < bl->first + bl->count; k++) {
            const kr_lir_insn *in = &lf->insns[k];
            if (kr_lir_insn_is_call(in) || (in->op == KR_LIR_POLL && k != poll))
                return false;
        }
    }
    return true;
}

/* Whether phi, a header phi of a loop whose back-edge is its input p, is a counter stepped by a
 * constant there: input p is phi + s (ADD either way round), s a small int returned in *s. */
static bool stepped_phi(const kr_hir_func *fn, const kr_hir_insn *phi, kr_hir_ref ref, uint32_t p, int64_t *s)
{
    const kr_hir_insn *in = &fn->insns[underlying(fn, phi->args[p])];
    if (phi->rep == KR_HIR_DOUBLE || in->dead || in->op != KR_HIR_INT_BINOP || in->imm != KR_OP_ADD ||
        in->nargs != 2)
        return false;
    kr_hir_ref k = underlying(fn, in->args[0]) == ref   ? in->args[1]
                   : underlying(fn, in->args[1]) == ref ? in->args[0]
                                                        : 0;
    k = k ? underlying(fn, k) : 0;
    if (!k || fn->insns[k].op != KR_HIR_CONST || !kr_is_small(fn->insns[k].value))
        return false;
    *s = kr_small_val(fn->insns[k].value);
    return true;
}

/* The header frame state for a strip-mined loop's poll (see above), or -1 when some value of the
 * latch's frame state is neither a phi input of the header, a constant, defined before the loop nor
 * (in one slot at most) a counter phi itself: that one the exit rebuilds from the phi's next value
 * (`i` of `for i in range(...)` when no phi of its own carries it: the previous counter is the next
 * one minus the step), *adj_slot and *adj (tagged units) saying so for kr_lir_exit. */
static int32_t strip_header_fs(lower_ctx *c, uint32_t h, uint32_t latch, int32_t latch_fs, int32_t *adj_slot,
                               int64_t *adj)
{
    kr_hir_func *fn = c->fn;
    uint32_t hb = (uint32_t)c->lf->blocks[h].hir_block, lb = (uint32_t)c->lf->blocks[latch].hir_block;
    const kr_hir_block *hbl = &fn->blocks[hb];
    uint32_t p = 0;
    while (p < hbl->npreds && hbl->preds[p] != lb)
        p++;
    if (p == hbl->npreds || latch_fs < 0)
        return -1;
    const kr_hir_fs *fs = &fn->fss[latch_fs];
    kr_hir_fs_entry *d = fs->ndirty ? malloc(fs->ndirty * sizeof *d) : NULL;
    if (fs->ndirty && !d)
        return -1;
    for (uint32_t i = 0; i < fs->ndirty; i++) {
        kr_hir_ref v = underlying(fn, fs->dirty[i].value), mapped = 0;
        for (uint32_t k = 0; k < hbl->ninsns && fn->insns[hbl->insns[k]].op == KR_HIR_PHI; k++) {
            const kr_hir_insn *phi = &fn->insns[hbl->insns[k]];
            if (!phi->dead && phi->nargs == hbl->npreds && underlying(fn, phi->args[p]) == v) {
                mapped = hbl->insns[k];
                break;
            }
        }
        if (!mapped && (is_const(fn, v) || (c->lir_of[fn->insns[v].block] >= 0 &&
                                            (uint32_t)c->lir_of[fn->insns[v].block] < h)))
            mapped = fs->dirty[i].value;
        int64_t step;
        if (!mapped && *adj_slot < 0 && fn->insns[v].op == KR_HIR_PHI && fn->insns[v].block == hb &&
            !fn->insns[v].dead && fn->insns[v].nargs == hbl->npreds && stepped_phi(fn, &fn->insns[v], v, p, &step)) {
            /* at the header the phi holds v + step: v is that minus 2 * step tagged (exact: the add
             * that made it did not overflow, |step| < 2**62) */
            mapped = v;
            *adj_slot = (int32_t)fs->dirty[i].slot;
            *adj = -2 * step;
        }
        if (!mapped) {
            free(d);
            return -1;
        }
        d[i].slot = fs->dirty[i].slot;
        d[i].value = mapped;
    }
    for (uint32_t i = 0; i < fs->ndirty && *adj_slot >= 0; i++)
        if (c->sunk[underlying(fn, d[i].value)]) {
            free(d); /* an outer loop's sunk increment would need a second adjusted slot */
            return -1;
        }
    int32_t r = kr_hir_add_fs(fn, hbl->pc, d, fs->ndirty);
    free(d);
    return r;
}

/* Strips that end where a remainder wraps. A remainder phi r of the counter strength-reduced by
 * hir_opt.c (r == x % C, stepped by INT_MOD_STEP: IWRAP, an add and a conditional correction, the cmov
 * two cycles of latency on r's chain every iteration) needs no correction inside a strip that cannot
 * take it past C - 1 (below 0 going down): when r steps by s = +-1 once per iteration (IWRAP in the
 * latch feeding r's back-edge input and nothing else) and the counter by +-1 too, the strip test
 * (compiler/x86.cpp emitStripTest) bounds each strip by the iterations left before r wraps, C - r
 * (r + 1 going down), and corrects r once where a strip ends; the latch's IWRAP is then a plain add
 * (imm3: 2s, the tagged step) when the back-edge takes that test, exactly as the latch's POLL is left
 * out, and r is in a register at the header (the allocation decides; otherwise the IWRAP corrects as
 * before). r is no Python variable (in no
 * frame state) and is corrected before the strip end's poll and loop exit, so no exit sees it past
 * its range. The header BRANCH's imm2 names the IWRAP: (its index + 1) * s. Only for C of at least
 * KR_LIR_WRAP_MIN_STRIP, so that a strip end (a poll and a few instructions) stays rare. */
#define KR_LIR_WRAP_MIN_STRIP 64

static void wrap_aligned_strips(kr_lir_func *lf, const kr_hir_func *fn, uint32_t h, uint32_t latch, uint32_t bi)
{
    const kr_lir_block *hb = &lf->blocks[h], *lb = &lf->blocks[latch];
    for (uint32_t k = lb->first; k < lb->first + lb->count; k++) {
        kr_lir_insn *w = &lf->insns[k];
        if (w->op != KR_LIR_IWRAP || w->hir == 0 || w->out < 0 || w->in[0] < 0)
            continue;
        const kr_hir_insn *hw = &fn->insns[w->hir];
        if (hw->op != KR_HIR_INT_MOD_STEP || (hw->imm != 1 && hw->imm != -1) || hw->imm2 < KR_LIR_WRAP_MIN_STRIP)
            continue;
        bool ok = false;
        for (uint32_t p = 0; p < hb->nphis; p++)
            ok |= hb->phis[p].vreg == w->in[0] && hb->phis[p].inputs[bi].vreg == w->out;
        for (uint32_t j = 0; j < lf->ninsns && ok; j++)
            for (int i = 0; i < KR_LIR_MAX_IN; i++)
                ok &= j == k || lf->insns[j].in[i] != w->out;
        for (uint32_t b = 0; b < lf->nblocks && ok; b++)
            for (uint32_t p = 0; p < lf->blocks[b].nphis; p++)
                for (uint32_t q = 0; q < lf->blocks[b].npreds; q++)
                    ok &= lf->blocks[b].phis[p].inputs[q].vreg != w->out ||
                          (b == h && q == bi && lf->blocks[b].phis[p].vreg == w->in[0]);
        if (!ok)
            continue;
        w->imm3 = 2 * hw->imm;
        lf->insns[hb->first].imm2 = (int64_t)(k + 1) * hw->imm;
        return;
    }
}

static int strip_mine_loops(lower_ctx *c)
{
    kr_lir_func *lf = c->lf;
    kr_hir_func *fn = c->fn;
    for (uint32_t h = 0; h < lf->nblocks; h++) {
        kr_lir_block *hb = &lf->blocks[h];
        if (hb->hir_block < 0 || !fn->blocks[hb->hir_block].loop_header || hb->count != 1)
            continue;
        kr_lir_insn *br = &lf->insns[hb->first];
        if (br->op != KR_LIR_BRANCH || br->kind != KR_LIR_BR_RANGE || br->imm == 0 || br->nin != 2 ||
            br->nexits != 0)
            continue;
        /* the step: a constant (that is how its sign is known) */
        const kr_hir_insn *hbr = &fn->insns[br->hir];
        if (hbr->op != KR_HIR_BRANCH || hbr->nargs != 1)
            continue;
        const kr_hir_insn *rn = &fn->insns[hbr->args[0]];
        kr_hir_ref step = rn->op == KR_HIR_RANGE_NEXT ? underlying(fn, rn->args[2]) : 0;
        if (!step || fn->insns[step].op != KR_HIR_CONST || !kr_is_small(fn->insns[step].value))
            continue;
        int64_t s = kr_small_val(fn->insns[step].value);
        /* one back-edge, from a latch that ends in a JUMP after its POLL */
        uint32_t latch = 0, nback = 0, bi = 0;
        for (uint32_t p = 0; p < hb->npreds; p++)
            if (hb->preds[p] >= h) {
                latch = hb->preds[p];
                bi = p;
                nback++;
            }
        if (nback != 1 || lf->blocks[latch].hir_block < 0)
            continue;
        const kr_lir_block *lb = &lf->blocks[latch];
        int32_t poll = -1;
        for (uint32_t k = lb->first; k < lb->first + lb->count; k++)
            if (lf->insns[k].op == KR_LIR_POLL)
                poll = (int32_t)k;
        if (poll < 0 || lf->insns[lb->first + lb->count - 1].op != KR_LIR_JUMP || lf->insns[poll].nexits != 1 ||
            !strip_body_ok(lf, h, latch, (uint32_t)poll))
            continue;
        int32_t adj_slot = -1;
        int64_t adj = 0;
        int32_t hfs = strip_header_fs(c, h, latch, lf->insns[poll].fs, &adj_slot, &adj);
        if (hfs < 0) {
            if (fn->error[0])
                return -1;
            continue;
        }
        /* the limit: a phi, constant at the entries, itself around the back-edge */
        int lim = kr_lir_add_vreg(lf, KR_RA_GP);
        kr_lir_phi *phis = lim < 0 ? NULL : realloc(hb->phis, (hb->nphis + 1) * sizeof *phis);
        if (!phis)
            return oom(c);
        hb->phis = phis;
        kr_lir_phi *lp = &hb->phis[hb->nphis];
        lp->vreg = lim;
        lp->inputs = calloc(hb->npreds + 1, sizeof *lp->inputs);
        if (!lp->inputs)
            return oom(c);
        hb->nphis++;
        for (uint32_t p = 0; p < hb->npreds; p++) {
            lp->inputs[p].vreg = p == bi ? lim : -1;
            lp->inputs[p].imm = s > 0 ? INT64_MIN : INT64_MAX;
        }
        int e = kr_lir_add_exit(lf, hb->first, hfs, lf->exits[lf->insns[poll].exit].reason);
        if (e < 0)
            return oom(c);
        lf->exits[e].adj_slot = adj_slot;
        lf->exits[e].adj = adj;
        br = &lf->insns[hb->first];
        br->in[2] = lim;
        br->nin = 3;
        br->exit = e;
        br->nexits = 1;
        br->fs = hfs;
        /* the strip's length in tagged units (2 per unit of the counter), at most 2**30 */
        uint64_t mag = s > 0 ? (uint64_t)s : -(uint64_t)s;
        br->imm3 = mag > ((uint64_t)1 << 29) / KR_LIR_STRIP_ITERS ? (int64_t)1 << 30
                                                                   : (int64_t)(2 * mag * KR_LIR_STRIP_ITERS);
        lf->insns[poll].imm = 1;
        if (s == 1 || s == -1)
            wrap_aligned_strips(lf, fn, h, latch, bi);
    }
    return 0;
}

kr_lir_func *kr_lir_lower(kr_hir_func *fn)
{
    lower_ctx c;
    memset(&c, 0, sizeof c);
    c.fn = fn;
    if (fn->nblocks == 0 || fn->blocks[0].ninsns == 0) {
        kr_hir_refuse(fn, "lowering: empty function");
        return NULL;
    }
    uint32_t nrpo = 0;
    uint32_t *rpo = reverse_post_order(fn, &nrpo);
    c.lf = kr_lir_new(fn);
    c.vreg = malloc(fn->ninsns * sizeof *c.vreg);
    c.uses = calloc(fn->ninsns, sizeof *c.uses);
    c.fused = calloc(fn->ninsns, 1);
    c.lir_of = malloc(fn->nblocks * sizeof *c.lir_of);
    c.sink = calloc(fn->nblocks + 1, sizeof *c.sink);
    c.sunk = calloc(fn->ninsns + 1, 1);
    /* per (HIR block, succ index): the LIR block an edge enters first (its split block, if any) */
    uint32_t nedges = 0;
    for (uint32_t b = 0; b < fn->nblocks; b++)
        nedges += fn->blocks[b].nsuccs;
    uint32_t *edge_base = malloc((fn->nblocks + 1) * sizeof *edge_base);
    int32_t *edge_split = malloc((nedges + 1) * sizeof *edge_split);
    uint32_t *npreds_live = calloc(fn->nblocks, sizeof *npreds_live);
    kr_lir_func *lf = c.lf;
    if (!rpo || !lf || !c.vreg || !c.uses || !c.fused || !c.lir_of || !c.sink || !c.sunk || !edge_base ||
        !edge_split || !npreds_live) {
        oom(&c);
        goto fail;
    }
    for (uint32_t b = 0; b < fn->nblocks; b++)
        c.lir_of[b] = -1;
    for (uint32_t i = 0, e = 0; i < fn->nblocks; i++) {
        edge_base[i] = e;
        e += fn->blocks[i].nsuccs;
    }
    for (uint32_t i = 0; i < nedges; i++)
        edge_split[i] = -1;
    for (uint32_t i = 0; i < nrpo; i++)
        c.lir_of[rpo[i]] = 0; /* reachable; numbered below */
    for (uint32_t b = 0; b < fn->nblocks; b++)
        if (c.lir_of[b] >= 0)
            for (uint32_t s = 0; s < fn->blocks[b].nsuccs; s++)
                npreds_live[fn->blocks[b].succs[s]]++;
    if (fn->blocks[0].npreds)
        npreds_live[0] = 2; /* never a target of a split: block 0 is entered by the call */

    /* Number the LIR blocks: each HIR block in RPO, followed by its critical edges' split blocks. */
    uint32_t nlb = 0;
    for (uint32_t i = 0; i < nrpo; i++) {
        uint32_t b = rpo[i];
        c.lir_of[b] = (int32_t)nlb++;
        const kr_hir_block *bl = &fn->blocks[b];
        if (bl->nsuccs > 1)
            for (uint32_t s = 0; s < bl->nsuccs; s++)
                if (npreds_live[bl->succs[s]] > 1)
                    edge_split[edge_base[b] + s] = (int32_t)nlb++;
    }
    lf->blocks = calloc(nlb, sizeof *lf->blocks);
    if (!lf->blocks) {
        oom(&c);
        goto fail;
    }
    lf->nblocks = nlb;
    for (uint32_t i = 0; i < nrpo; i++) {
        uint32_t b = rpo[i];
        const kr_hir_block *bl = &fn->blocks[b];
        kr_lir_block *lb = &lf->blocks[c.lir_of[b]];
        lb->hir_block = (int32_t)b;
        lb->loop_depth = bl->loop_depth;
        lb->succs = malloc((bl->nsuccs + 1) * sizeof *lb->succs);
        lb->preds = malloc((bl->npreds + 1) * sizeof *lb->preds);
        if (!lb->succs || !lb->preds) {
            oom(&c);
            goto fail;
        }
        lb->nsuccs = bl->nsuccs;
        for (uint32_t s = 0; s < bl->nsuccs; s++) {
            int32_t sp = edge_split[edge_base[b] + s];
            uint32_t target = (uint32_t)c.lir_of[bl->succs[s]];
            if (sp >= 0) {
                kr_lir_block *split = &lf->blocks[sp];
                split->hir_block = -1;
                split->loop_depth = fn->blocks[bl->succs[s]].loop_depth < bl->loop_depth
                                        ? fn->blocks[bl->succs[s]].loop_depth
                                        : bl->loop_depth;
                split->succs = malloc(sizeof *split->succs);
                split->preds = malloc(sizeof *split->preds);
                if (!split->succs || !split->preds) {
                    oom(&c);
                    goto fail;
                }
                split->succs[0] = target;
                split->nsuccs = 1;
                split->preds[0] = (uint32_t)c.lir_of[b];
                split->npreds = 1;
                lb->succs[s] = (uint32_t)sp;
            } else {
                lb->succs[s] = target;
            }
        }
    }
    /* Predecessors in HIR order (phi inputs follow it), each the LIR block that jumps in. */
    for (uint32_t i = 0; i < nrpo; i++) {
        uint32_t b = rpo[i];
        const kr_hir_block *bl = &fn->blocks[b];
        kr_lir_block *lb = &lf->blocks[c.lir_of[b]];
        for (uint32_t p = 0; p < bl->npreds; p++) {
            uint32_t pb = bl->preds[p];
            if (c.lir_of[pb] < 0)
                continue;
            int si = succ_index_of_edge(fn, b, p);
            if (si < 0) {
                kr_hir_refuse(fn, "lowering: inconsistent edges into b%u", b);
                goto fail;
            }
            int32_t split = edge_split[edge_base[pb] + (uint32_t)si];
            lb->preds[lb->npreds++] = split >= 0 ? (uint32_t)split : (uint32_t)c.lir_of[pb];
        }
    }

    count_uses(&c);
    /* vregs for every value that is neither a constant nor a guard */
    for (uint32_t r = 0; r < fn->ninsns; r++)
        c.vreg[r] = -1;
    for (uint32_t i = 0; i < nrpo; i++) {
        const kr_hir_block *bl = &fn->blocks[rpo[i]];
        for (uint32_t k = 0; k < bl->ninsns; k++) {
            kr_hir_ref r = bl->insns[k];
            const kr_hir_insn *in = &fn->insns[r];
            if (in->dead || is_const(fn, r) || underlying(fn, r) != r)
                continue;
            bool has_value = in->op != KR_HIR_STORE_SLOT && in->op != KR_HIR_POLL && in->op != KR_HIR_ENTRY &&
                             in->op != KR_HIR_JUMP && in->op != KR_HIR_BRANCH && in->op != KR_HIR_BRANCH_PC &&
                             in->op != KR_HIR_RETURN && in->op != KR_HIR_DEOPT &&
                             in->op != KR_HIR_GUARD_DICT_VERSION && in->op != KR_HIR_STORE_INST_SLOT &&
                             in->op != KR_HIR_LIST_SET && in->op != KR_HIR_STORE_CELL &&
                             in->op != KR_HIR_STORE_FIELD;
            if (!has_value)
                continue;
            int v = kr_lir_add_vreg(lf, in->rep == KR_HIR_DOUBLE ? KR_RA_FP : KR_RA_GP);
            if (v < 0) {
                oom(&c);
                goto fail;
            }
            c.vreg[r] = v;
        }
    }
    choose_sunk_increments(&c);
    /* fuse a compare into its block's BRANCH when that is its only use */
    for (uint32_t i = 0; i < nrpo; i++) {
        const kr_hir_block *bl = &fn->blocks[rpo[i]];
        if (!bl->ninsns)
            continue;
        const kr_hir_insn *t = &fn->insns[bl->insns[bl->ninsns - 1]];
        if (t->op != KR_HIR_BRANCH || t->nargs != 1)
            continue;
        kr_hir_ref cond = t->args[0];
        const kr_hir_insn *ci = &fn->insns[cond];
        if (fusible(ci->op) && !ci->dead && ci->block == (uint32_t)rpo[i] && c.uses[cond] == 1) {
            c.fused[cond] = 1;
            kr_hir_ref mod = divisibility_mod(&c, cond);
            if (mod)
                c.fused[mod] = 1; /* lowered by the BRANCH (BR_DIVISIBLE) */
        }
    }
    lf->entry_pcs = malloc((fn->nentries + 1) * sizeof *lf->entry_pcs);
    if (!lf->entry_pcs) {
        oom(&c);
        goto fail;
    }
    memcpy(lf->entry_pcs, fn->entry_pcs, fn->nentries * sizeof *lf->entry_pcs);
    lf->nentries = fn->nentries;

    /* instructions, block by block in LIR order */
    for (uint32_t lbi = 0; lbi < nlb; lbi++) {
        kr_lir_block *lb = &lf->blocks[lbi];
        lb->first = lf->ninsns;
        if (lb->hir_block < 0) {
            if (!emit(&c, KR_LIR_JUMP, 0, -1, NULL, 0))
                goto fail;
            lb->count = 1;
            continue;
        }
        uint32_t b = (uint32_t)lb->hir_block;
        const kr_hir_block *bl = &fn->blocks[b];
        /* phis: inputs in LIR pred order, which is HIR pred order minus unreachable preds */
        uint32_t nphis = 0;
        while (nphis < bl->ninsns && fn->insns[bl->insns[nphis]].op == KR_HIR_PHI)
            nphis++;
        if (nphis) {
            lb->phis = calloc(nphis, sizeof *lb->phis);
            if (!lb->phis) {
                oom(&c);
                goto fail;
            }
        }
        for (uint32_t k = 0; k < nphis; k++) {
            kr_hir_ref r = bl->insns[k];
            const kr_hir_insn *phi = &fn->insns[r];
            if (phi->dead)
                continue;
            if (phi->nargs != bl->npreds) {
                kr_hir_refuse(fn, "lowering: phi %%%u has %u inputs for %u predecessors", r, phi->nargs,
                              bl->npreds);
                goto fail;
            }
            kr_lir_phi *lp = &lb->phis[lb->nphis++];
            lp->vreg = c.vreg[r];
            lp->inputs = calloc(lb->npreds + 1, sizeof *lp->inputs);
            if (!lp->inputs) {
                oom(&c);
                goto fail;
            }
            uint32_t j = 0;
            for (uint32_t p = 0; p < bl->npreds; p++) {
                if (c.lir_of[bl->preds[p]] < 0)
                    continue;
                kr_hir_ref v = underlying(fn, phi->args[p]);
                if (is_const(fn, v)) {
                    lp->inputs[j].vreg = -1;
                    lp->inputs[j].imm = const_bits(fn, v);
                } else if (v && c.vreg[v] >= 0) {
                    lp->inputs[j].vreg = c.vreg[v];
                } else {
                    kr_hir_refuse(fn, "lowering: phi %%%u input %u has no value", r, p);
                    goto fail;
                }
                j++;
            }
        }
        for (uint32_t k = nphis; k < bl->ninsns; k++) {
            kr_hir_ref r = bl->insns[k];
            if (fn->insns[r].dead || c.sunk[r])
                continue;
            if (k + 1 == bl->ninsns && c.sink[b] && lower_insn(&c, lbi, c.sink[b]) < 0)
                goto fail; /* the latch's counter increment, right before its JUMP */
            if (lower_insn(&c, lbi, r) < 0)
                goto fail;
        }
        lb->count = lf->ninsns - lb->first;
        if (!lb->count || lf->insns[lf->ninsns - 1].op < KR_LIR_ENTRY) {
            kr_hir_refuse(fn, "lowering: b%u has no terminator", b);
            goto fail;
        }
    }
    if (strip_mine_loops(&c) < 0 || rewrite_sunk_states(&c) < 0)
        goto fail;
    lf->hir_vreg = c.vreg;
    free(rpo), free(c.uses), free(c.fused), free(c.lir_of), free(c.sink), free(c.sunk);
    free(edge_base), free(edge_split), free(npreds_live);
    return lf;
fail:
    if (!fn->error[0])
        oom(&c);
    free(rpo), free(c.vreg), free(c.uses), free(c.fused), free(c.lir_of), free(c.sink), free(c.sunk);
    free(edge_base), free(edge_split), free(npreds_live);
    kr_lir_free(lf);
    return NULL;
}
