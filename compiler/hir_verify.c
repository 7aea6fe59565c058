/* hir_verify.c: analyses over a built HIR function (use counts, dominators, loops) and the verifier of
 * the invariants compiler/hir.h states. A verification failure is a compiler bug: kr_hir_optimize aborts
 * on one in debug builds; the message names the instruction and the broken rule. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/hir.h"
#include "compiler/jit_rt.h"
#include "vm/object.h"

#define NONE32 UINT32_MAX

/* ------------------------------------------------------------------------------------------------
 * Control-flow helpers shared by the analyses */

typedef struct cfg {
    uint32_t *order;  /* blocks reachable from block 0, reverse post order */
    uint32_t n;
    uint32_t *index;  /* block -> position in order, NONE32 when unreachable */
    uint32_t *idom;   /* immediate dominator (block 0: itself) */
} cfg;

static void cfg_free(cfg *c)
{
    free(c->order);
    free(c->index);
    free(c->idom);
}

/* Position-indexed intersection of Cooper, Harvey & Kennedy, "A Simple, Fast Dominance Algorithm". */
static uint32_t intersect(const cfg *c, uint32_t a, uint32_t b)
{
    while (a != b) {
        while (c->index[a] > c->index[b])
            a = c->idom[a];
        while (c->index[b] > c->index[a])
            b = c->idom[b];
    }
    return a;
}

/* primary: follow only the ENTRY's first successor (the call entry at pc 0), as if there were no OSR
 * entries: an OSR entry into an inner loop is a second way into the outer loop, which would keep the
 * outer header from dominating its body. */
static int cfg_build(const kr_hir_func *fn, cfg *c, bool primary)
{
    uint32_t nb = fn->nblocks;
    memset(c, 0, sizeof *c);
    c->order = malloc((nb ? nb : 1) * sizeof *c->order);
    c->index = malloc((nb ? nb : 1) * sizeof *c->index);
    c->idom = malloc((nb ? nb : 1) * sizeof *c->idom);
    uint32_t *stack = malloc((2 * nb + 2) * sizeof *stack);
    uint32_t *post = malloc((nb ? nb : 1) * sizeof *post);
    if (!c->order || !c->index || !c->idom || !stack || !post) {
        free(stack);
        free(post);
        cfg_free(c);
        return -1;
    }
    for (uint32_t i = 0; i < nb; i++) {
        c->index[i] = NONE32;
        c->idom[i] = NONE32;
    }
    uint32_t npost = 0, sp = 0;
    if (nb) {
        c->index[0] = 0; /* "seen" mark during the walk */
        stack[sp++] = 0;
        stack[sp++] = 0;
    }
    while (sp) {
        uint32_t v = stack[sp - 2], i = stack[sp - 1];
        uint32_t ns = primary && v == 0 && fn->blocks[0].nsuccs ? 1 : fn->blocks[v].nsuccs;
        if (i < ns) {
            stack[sp - 1]++;
            uint32_t w = fn->blocks[v].succs[i];
            if (w < nb && c->index[w] == NONE32) {
                c->index[w] = 0;
                stack[sp++] = w;
                stack[sp++] = 0;
            }
        } else {
            post[npost++] = v;
            sp -= 2;
        }
    }
    c->n = npost;
    for (uint32_t i = 0; i < npost; i++) {
        c->order[i] = post[npost - 1 - i];
        c->index[c->order[i]] = i;
    }
    free(stack);
    free(post);
    if (!npost)
        return 0;
    c->idom[0] = 0;
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t i = 1; i < c->n; i++) {
            uint32_t b = c->order[i], nd = NONE32;
            const kr_hir_block *bl = &fn->blocks[b];
            for (uint32_t p = 0; p < bl->npreds; p++) {
                uint32_t q = bl->preds[p];
                if (q >= nb || c->index[q] == NONE32 || c->idom[q] == NONE32)
                    continue;
                nd = nd == NONE32 ? q : intersect(c, q, nd);
            }
            if (nd != NONE32 && c->idom[b] != nd) {
                c->idom[b] = nd;
                changed = true;
            }
        }
    }
    return 0;
}

/* Does block a dominate block b (both reachable)? */
static bool dominates(const cfg *c, uint32_t a, uint32_t b)
{
    for (;;) {
        if (a == b)
            return true;
        if (b == 0 || c->idom[b] == NONE32 || c->idom[b] == b)
            return false;
        b = c->idom[b];
    }
}

/* ------------------------------------------------------------------------------------------------
 * Use counts and loops */

void kr_hir_count_uses(kr_hir_func *fn)
{
    for (uint32_t i = 0; i < fn->ninsns; i++)
        fn->insns[i].nuses = 0;
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        const kr_hir_block *bl = &fn->blocks[b];
        for (uint32_t k = 0; k < bl->ninsns; k++) {
            const kr_hir_insn *in = &fn->insns[bl->insns[k]];
            for (uint32_t a = 0; a < in->nargs; a++)
                if (in->args[a] < fn->ninsns)
                    fn->insns[in->args[a]].nuses++;
            /* a frame state keeps its values alive up to the instruction that may leave through it */
            if (in->fs >= 0 && (uint32_t)in->fs < fn->nfs) {
                const kr_hir_fs *fs = &fn->fss[in->fs];
                for (uint32_t d = 0; d < fs->ndirty; d++)
                    if (fs->dirty[d].value < fn->ninsns)
                        fn->insns[fs->dirty[d].value].nuses++;
            }
        }
    }
}

void kr_hir_compute_loops(kr_hir_func *fn)
{
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        fn->blocks[b].loop_depth = 0;
        fn->blocks[b].loop_header = false;
    }
    cfg c;
    if (cfg_build(fn, &c, true) < 0)
        return;
    uint32_t *mark = malloc((fn->nblocks ? fn->nblocks : 1) * sizeof *mark);
    uint32_t *work = malloc((fn->nblocks ? fn->nblocks : 1) * sizeof *work);
    if (!mark || !work) {
        free(mark);
        free(work);
        cfg_free(&c);
        return;
    }
    for (uint32_t b = 0; b < fn->nblocks; b++)
        mark[b] = NONE32;
    /* every header's natural loop (the union over its back-edges), each block counted once per loop.
     * Blocks reached only through OSR entries (loops in exception handlers) stay at depth 0. */
    for (uint32_t i = 0; i < c.n; i++) {
        uint32_t h = c.order[i], nw = 0;
        const kr_hir_block *hb = &fn->blocks[h];
        for (uint32_t p = 0; p < hb->npreds; p++) {
            uint32_t u = hb->preds[p];
            if (u < fn->nblocks && c.index[u] != NONE32 && dominates(&c, h, u) && mark[u] != h) {
                mark[u] = h;
                work[nw++] = u;
            }
        }
        if (!nw)
            continue;
        fn->blocks[h].loop_header = true;
        if (mark[h] != h) {
            mark[h] = h;
            fn->blocks[h].loop_depth++;
        }
        while (nw) {
            uint32_t u = work[--nw];
            fn->blocks[u].loop_depth++;
            const kr_hir_block *ub = &fn->blocks[u];
            for (uint32_t p = 0; p < ub->npreds; p++) {
                uint32_t q = ub->preds[p];
                if (q < fn->nblocks && c.index[q] != NONE32 && mark[q] != h) {
                    mark[q] = h;
                    work[nw++] = q;
                }
            }
        }
    }
    free(mark);
    free(work);
    cfg_free(&c);
}

/* ------------------------------------------------------------------------------------------------
 * The verifier */

static bool is_terminator(uint16_t op)
{
    return op == KR_HIR_ENTRY || op == KR_HIR_JUMP || op == KR_HIR_BRANCH || op == KR_HIR_BRANCH_PC ||
           op == KR_HIR_RETURN || op == KR_HIR_DEOPT;
}

static bool defines_value(uint16_t op)
{
    return !is_terminator(op) && op != KR_HIR_STORE_SLOT && op != KR_HIR_POLL && op != KR_HIR_GUARD_DICT_VERSION &&
           op != KR_HIR_STORE_INST_SLOT && op != KR_HIR_LIST_SET && op != KR_HIR_STORE_CELL &&
           op != KR_HIR_STORE_FIELD;
}

/* Operand shape of each op: number of args (-1: a phi, one per predecessor), their rep, the result rep,
 * a type every arg must be within (0: any), and whether a frame state is required. */
typedef struct opsig {
    int8_t nargs;
    int8_t argrep;    /* -1: as the phi's own rep */
    int8_t rep;       /* result rep, -1: none */
    uint32_t argtype;
    bool fs;
} opsig;

static opsig signature(const kr_hir_insn *in)
{
    opsig s = {0, KR_HIR_TAGGED, KR_HIR_TAGGED, 0, false};
    switch ((enum kr_hir_op)in->op) {
    case KR_HIR_CONST: case KR_HIR_LOAD_SLOT:
        break;
    case KR_HIR_CONST_DOUBLE:
        s.rep = KR_HIR_DOUBLE;
        break;
    case KR_HIR_STORE_SLOT:
        s.nargs = 1;
        s.rep = -1;
        break;
    case KR_HIR_PHI:
        s.nargs = -1;
        s.argrep = -1;
        s.rep = (int8_t)in->rep;
        break;
    case KR_HIR_GUARD_TYPE: case KR_HIR_GUARD_IS: case KR_HIR_GUARD_NOT_UNBOUND: case KR_HIR_GUARD_SHAPE:
        s.nargs = 1;
        s.fs = true;
        break;
    case KR_HIR_GUARD_DICT_VERSION: case KR_HIR_GUARD_DEPTH:
        s.rep = -1;
        s.fs = true;
        break;
    case KR_HIR_LOAD_ADDR:
        break;
    case KR_HIR_LOAD_INST_SLOT:
        s.nargs = 1;
        break;
    case KR_HIR_STORE_INST_SLOT:
        s.nargs = 2;
        s.rep = -1;
        break;
    case KR_HIR_LIST_GET: case KR_HIR_TUPLE_GET:
        s.nargs = 2;
        s.fs = true;
        break;
    case KR_HIR_LIST_SET:
        s.nargs = 3;
        s.rep = -1;
        s.fs = true;
        break;
    case KR_HIR_LOAD_CELL:
        s.nargs = 1;
        s.fs = true;
        break;
    case KR_HIR_STORE_CELL:
        s.nargs = 2;
        s.rep = -1;
        break;
    case KR_HIR_LOAD_FIELD:
        s.nargs = 1;
        s.fs = true;
        break;
    case KR_HIR_STORE_FIELD:
        s.nargs = 2;
        s.rep = -1;
        break;
    case KR_HIR_LEN:
        s.nargs = 1;
        s.argtype = KR_HT_STR | KR_HT_LIST | KR_HT_TUPLE | KR_HT_DICT;
        break;
    case KR_HIR_INT_BINOP:
        s.nargs = 2;
        s.argtype = KR_HT_SMALLINT;
        s.fs = in->imm != KR_OP_AND && in->imm != KR_OP_OR && in->imm != KR_OP_XOR;
        break;
    case KR_HIR_INT_NEG:
        s.nargs = 1;
        s.argtype = KR_HT_SMALLINT;
        s.fs = true;
        break;
    case KR_HIR_GUARD_INT_RANGE:
        s.nargs = 1;
        s.argtype = KR_HT_SMALLINT;
        s.fs = true;
        break;
    case KR_HIR_INT_INVERT:
    case KR_HIR_INT_MOD_STEP:
        s.nargs = 1;
        s.argtype = KR_HT_SMALLINT;
        break;
    case KR_HIR_INT_CMP:
        s.nargs = 2;
        s.argtype = KR_HT_SMALLINT;
        break;
    case KR_HIR_RANGE_PREV: /* a0, a1 small ints, a2 any (checked by hir_opt.c's loop_exit_values) */
        s.nargs = 3;
        break;
    case KR_HIR_INT_TO_DOUBLE:
        s.nargs = 1;
        s.argtype = KR_HT_SMALLINT;
        s.rep = KR_HIR_DOUBLE;
        break;
    case KR_HIR_UNBOX_FLOAT:
        s.nargs = 1;
        s.argtype = KR_HT_FLOAT;
        s.rep = KR_HIR_DOUBLE;
        break;
    case KR_HIR_BOX_FLOAT:
        s.nargs = 1;
        s.argrep = KR_HIR_DOUBLE;
        s.fs = true;
        break;
    case KR_HIR_FLOAT_BINOP:
        s.nargs = 2;
        s.argrep = KR_HIR_DOUBLE;
        s.rep = KR_HIR_DOUBLE;
        s.fs = in->imm == KR_OP_TRUEDIV || in->imm == KR_OP_POW;
        break;
    case KR_HIR_FLOAT_NEG:
        s.nargs = 1;
        s.argrep = KR_HIR_DOUBLE;
        s.rep = KR_HIR_DOUBLE;
        break;
    case KR_HIR_FLOAT_CMP:
        s.nargs = 2;
        s.argrep = KR_HIR_DOUBLE;
        break;
    case KR_HIR_IS:
        s.nargs = 2;
        break;
    case KR_HIR_NOT:
        s.nargs = 1;
        s.argtype = KR_HT_BOOL;
        break;
    case KR_HIR_TRUTHY:
        s.nargs = 1;
        s.fs = true;
        break;
    case KR_HIR_RANGE_NEXT:
        s.nargs = 3;
        s.argtype = KR_HT_SMALLINT;
        break;
    case KR_HIR_STEP:
        s.rep = KR_HIR_RAW;
        s.fs = true;
        break;
    case KR_HIR_CALL_RT:
        s.nargs = in->imm >= 0 && in->imm < KR_JIT_RT_COUNT ? kr_jit_rt_nvalues((enum kr_jit_rt_fn)in->imm) : -1;
        s.argrep = KR_HIR_TAGGED;
        s.fs = true;
        break;
    case KR_HIR_POLL:
        s.rep = -1;
        s.fs = true;
        break;
    case KR_HIR_ENTRY: case KR_HIR_JUMP:
        s.rep = -1;
        break;
    case KR_HIR_BRANCH:
        s.nargs = 1;
        s.argtype = KR_HT_BOOL;
        s.rep = -1;
        break;
    case KR_HIR_BRANCH_PC:
        s.nargs = 1;
        s.argrep = KR_HIR_RAW;
        s.rep = -1;
        break;
    case KR_HIR_RETURN:
        s.nargs = 1;
        s.rep = -1;
        break;
    case KR_HIR_DEOPT:
        s.rep = -1;
        s.fs = true;
        break;
    case KR_HIR_OP_COUNT:
        break;
    }
    return s;
}

static uint32_t nsuccs_of(const kr_hir_func *fn, uint16_t op)
{
    switch (op) {
    case KR_HIR_ENTRY: return fn->nentries;
    case KR_HIR_JUMP: return 1;
    case KR_HIR_BRANCH: case KR_HIR_BRANCH_PC: return 2;
    default: return 0;
    }
}

/* A STEP's frame state may keep dirty slots only for CALL / CALL_METHOD, and only temporaries the call
 * does not read (hir.h): not the callee, self and arguments [A, A + B + 1], not the locals and cells. */
static int step_dirty_ok(const kr_hir_func *fn, const kr_hir_insn *in, const kr_hir_fs *fs)
{
    const kr_code *co = fn->code;
    if (in->imm < 0 || (uint64_t)in->imm >= co->ninsns)
        return -1;
    kr_insn w = co->insns[in->imm];
    unsigned op = KR_INSN_OP(w);
    if (op != KR_OP_CALL && op != KR_OP_CALL_METHOD)
        return -1;
    uint32_t lo = KR_INSN_A(w), hi = lo + KR_INSN_B(w) + (op == KR_OP_CALL_METHOD);
    uint32_t first_temp = co->nlocals + co->ncellvars + co->nfreevars;
    for (uint32_t d = 0; d < fs->ndirty; d++) {
        uint32_t s = fs->dirty[d].slot;
        if (s < first_temp || (s >= lo && s <= hi))
            return -1;
    }
    return 0;
}

typedef struct vctx {
    kr_hir_func *fn;
    cfg c;
    uint32_t *pos;   /* insn -> index in its block, NONE32 when not placed */
} vctx;

static int bad(vctx *v, kr_hir_ref r, const char *fmt, ...)
{
    char msg[120];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    kr_hir_func *fn = v->fn;
    if (r && r < fn->ninsns)
        snprintf(fn->error, sizeof fn->error, "HIR verify: v%u (%s) in bb%u: %s", r,
                 fn->insns[r].op < KR_HIR_OP_COUNT ? kr_hir_op_names[fn->insns[r].op] : "?", fn->insns[r].block, msg);
    else
        snprintf(fn->error, sizeof fn->error, "HIR verify: %s", msg);
    return -1;
}

/* Is value d available at (block b, index k) -- or at the end of b when k == NONE32? */
static bool available(vctx *v, kr_hir_ref d, uint32_t b, uint32_t k)
{
    const kr_hir_insn *def = &v->fn->insns[d];
    if (def->op == KR_HIR_CONST || def->op == KR_HIR_CONST_DOUBLE)
        return true; /* no place: the back end materialises a constant at each use (hir.h) */
    if (def->block == b)
        return k == NONE32 || v->pos[d] < k;
    return dominates(&v->c, def->block, b);
}

static int check_value(vctx *v, kr_hir_ref user, kr_hir_ref d)
{
    kr_hir_func *fn = v->fn;
    if (!d || d >= fn->ninsns)
        return bad(v, user, "argument v%u out of range", d);
    if (fn->insns[d].dead || v->pos[d] == NONE32)
        return bad(v, user, "argument v%u is dead or not placed", d);
    if (!defines_value(fn->insns[d].op))
        return bad(v, user, "argument v%u (%s) has no value", d, kr_hir_op_names[fn->insns[d].op]);
    return 0;
}

static int verify_insn(vctx *v, uint32_t b, uint32_t k)
{
    kr_hir_func *fn = v->fn;
    const kr_hir_block *bl = &fn->blocks[b];
    kr_hir_ref r = bl->insns[k];
    const kr_hir_insn *in = &fn->insns[r];
    opsig s = signature(in);
    if (in->op == KR_HIR_INT_BINOP && in->imm == KR_OP_MOD && in->nargs == 2 && in->args[1] < fn->ninsns &&
        fn->insns[in->args[1]].op == KR_HIR_CONST && fn->insns[in->args[1]].value != kr_small(0) &&
        kr_is_small(fn->insns[in->args[1]].value))
        s.fs = false; /* a remainder by a non-zero constant cannot fail (hir_opt.c's loop-entry remainders) */
    if (in->op == KR_HIR_INT_BINOP && in->imm2 == KR_HIR_INT_NO_OVERFLOW)
        s.fs = false; /* proven within the small ints (hir.h) */
    if (s.rep >= 0 && in->rep != (uint8_t)s.rep)
        return bad(v, r, "result rep %u, want %d", in->rep, s.rep);
    if (in->op == KR_HIR_PHI) {
        if (in->nargs != bl->npreds)
            return bad(v, r, "phi has %u args for %u preds", in->nargs, bl->npreds);
        if (in->rep == KR_HIR_RAW)
            return bad(v, r, "RAW phi");
    } else if ((int)in->nargs != s.nargs) {
        return bad(v, r, "%u args, want %d", in->nargs, s.nargs);
    }
    for (uint32_t a = 0; a < in->nargs; a++) {
        kr_hir_ref d = in->args[a];
        if (check_value(v, r, d) < 0)
            return -1;
        const kr_hir_insn *di = &fn->insns[d];
        int want = s.argrep < 0 ? in->rep : s.argrep;
        if (di->rep != want)
            return bad(v, r, "arg %u (v%u) has rep %u, want %d", a, d, di->rep, want);
        if (s.argtype && di->rep == KR_HIR_TAGGED && (di->type & ~s.argtype))
            return bad(v, r, "arg %u (v%u) type %#x not within %#x", a, d, di->type, s.argtype);
        if ((in->op == KR_HIR_LIST_GET || in->op == KR_HIR_TUPLE_GET || in->op == KR_HIR_LIST_SET) && a == 1 &&
            (di->type & ~(uint32_t)KR_HT_SMALLINT))
            return bad(v, r, "index v%u is not a small int", d);
        if (in->op == KR_HIR_BRANCH_PC && di->op != KR_HIR_STEP)
            return bad(v, r, "BRANCH_PC on a non-STEP value");
        if (in->op == KR_HIR_PHI) {
            if (!available(v, d, bl->preds[a], NONE32))
                return bad(v, r, "phi arg %u (v%u) does not dominate the end of pred bb%u", a, d, bl->preds[a]);
            if (in->rep == KR_HIR_TAGGED && (di->type & ~in->type))
                return bad(v, r, "phi arg %u (v%u) type %#x not within the phi's %#x", a, d, di->type, in->type);
        } else if (!available(v, d, b, k)) {
            return bad(v, r, "arg %u (v%u) does not dominate its use", a, d);
        }
    }
    if ((in->op == KR_HIR_LOAD_SLOT || in->op == KR_HIR_STORE_SLOT) &&
        (in->imm < 0 || (uint64_t)in->imm >= fn->code->nslots))
        return bad(v, r, "slot %lld out of range", (long long)in->imm);
    if (s.fs && in->fs < 0)
        return bad(v, r, "needs a frame state");
    if (in->fs >= 0) {
        if ((uint32_t)in->fs >= fn->nfs)
            return bad(v, r, "frame state %d out of range", in->fs);
        const kr_hir_fs *fs = &fn->fss[in->fs];
        if (fs->pc >= fn->code->ninsns)
            return bad(v, r, "frame state pc %u out of range", fs->pc);
        if (in->op == KR_HIR_STEP && fs->ndirty && step_dirty_ok(fn, in, fs) < 0)
            return bad(v, r, "STEP with dirty slots it may read");
        if (in->op == KR_HIR_CALL_RT && (in->imm < 0 || in->imm >= KR_JIT_RT_COUNT))
            return bad(v, r, "unknown runtime function %lld", (long long)in->imm);
        for (uint32_t d = 0; d < fs->ndirty; d++) {
            const kr_hir_fs_entry *e = &fs->dirty[d];
            if (e->slot >= fn->code->nslots || (d && e->slot <= fs->dirty[d - 1].slot))
                return bad(v, r, "fs#%d: slots unsorted or out of range", in->fs);
            if (check_value(v, r, e->value) < 0)
                return -1;
            const kr_hir_insn *di = &fn->insns[e->value];
            if (!(di->rep == KR_HIR_DOUBLE || (di->rep == KR_HIR_TAGGED && !(di->type & ~(uint32_t)KR_HT_IMMEDIATE))))
                return bad(v, r, "fs#%d: slot %u holds v%u, which may be a heap pointer", in->fs, e->slot, e->value);
            if (!available(v, e->value, b, k))
                return bad(v, r, "fs#%d: v%u does not dominate the instruction", in->fs, e->value);
        }
    }
    return 0;
}

int kr_hir_verify(kr_hir_func *fn)
{
    vctx v;
    v.fn = fn;
    if (!fn->nblocks)
        return bad(&v, 0, "no blocks");
    if (cfg_build(fn, &v.c, false) < 0)
        return bad(&v, 0, "out of memory");
    v.pos = malloc(fn->ninsns * sizeof *v.pos);
    if (!v.pos) {
        cfg_free(&v.c);
        return bad(&v, 0, "out of memory");
    }
    int rc = 0;
    for (uint32_t i = 0; i < fn->ninsns; i++)
        v.pos[i] = NONE32;
    /* placement: every instruction at most once, in the block it names, phis first, terminator last */
    for (uint32_t b = 0; b < fn->nblocks && !rc; b++) {
        const kr_hir_block *bl = &fn->blocks[b];
        if (v.c.index[b] == NONE32) {
            rc = bad(&v, 0, "bb%u is unreachable", b);
            break;
        }
        if (!bl->ninsns) {
            rc = bad(&v, 0, "bb%u is empty", b);
            break;
        }
        bool phis = true;
        for (uint32_t k = 0; k < bl->ninsns && !rc; k++) {
            kr_hir_ref r = bl->insns[k];
            if (!r || r >= fn->ninsns) {
                rc = bad(&v, 0, "bb%u holds a bad ref %u", b, r);
                break;
            }
            const kr_hir_insn *in = &fn->insns[r];
            if (v.pos[r] != NONE32)
                rc = bad(&v, r, "placed twice");
            else if (in->dead)
                rc = bad(&v, r, "dead but still in a block");
            else if (in->block != b)
                rc = bad(&v, r, "placed in bb%u but names bb%u", b, in->block);
            else if (in->op >= KR_HIR_OP_COUNT)
                rc = bad(&v, r, "unknown op %u", in->op);
            else if (in->op == KR_HIR_PHI && !phis)
                rc = bad(&v, r, "phi after a non-phi");
            else if (is_terminator(in->op) != (k + 1 == bl->ninsns))
                rc = bad(&v, r, is_terminator(in->op) ? "terminator not last" : "block does not end with a terminator");
            else if (in->op == KR_HIR_ENTRY ? b != 0 : b == 0 && is_terminator(in->op))
                rc = bad(&v, r, "ENTRY must be exactly block 0's terminator");
            else if (b == 0 && in->op != KR_HIR_ENTRY && in->op != KR_HIR_LOAD_SLOT)
                rc = bad(&v, r, "block 0 holds LOAD_SLOTs (the same on every entry) before ENTRY only");
            if (in->op != KR_HIR_PHI)
                phis = false;
            v.pos[r] = k;
        }
        if (rc)
            break;
        const kr_hir_insn *term = &fn->insns[bl->insns[bl->ninsns - 1]];
        if (bl->nsuccs != nsuccs_of(fn, term->op)) {
            rc = bad(&v, bl->insns[bl->ninsns - 1], "%u successors, want %u", bl->nsuccs, nsuccs_of(fn, term->op));
            break;
        }
        /* edges: each succ lists b as a pred as many times as b lists it as a succ */
        for (uint32_t i = 0; i < bl->nsuccs && !rc; i++) {
            uint32_t s = bl->succs[i], n1 = 0, n2 = 0;
            if (s >= fn->nblocks) {
                rc = bad(&v, 0, "bb%u: successor %u out of range", b, s);
                break;
            }
            for (uint32_t j = 0; j < bl->nsuccs; j++)
                n1 += bl->succs[j] == s;
            for (uint32_t j = 0; j < fn->blocks[s].npreds; j++)
                n2 += fn->blocks[s].preds[j] == b;
            if (n1 != n2)
                rc = bad(&v, 0, "edge bb%u -> bb%u not mirrored in preds", b, s);
        }
        for (uint32_t i = 0; i < bl->npreds && !rc; i++) {
            uint32_t p = bl->preds[i], n1 = 0;
            if (p >= fn->nblocks) {
                rc = bad(&v, 0, "bb%u: predecessor %u out of range", b, p);
                break;
            }
            for (uint32_t j = 0; j < fn->blocks[p].nsuccs; j++)
                n1 += fn->blocks[p].succs[j] == b;
            if (!n1)
                rc = bad(&v, 0, "bb%u lists pred bb%u, which does not jump to it", b, p);
        }
    }
    if (!rc && fn->blocks[0].npreds)
        rc = bad(&v, 0, "the entry block has predecessors");
    for (uint32_t i = 0; i < fn->nentries && !rc; i++)
        if (fn->entry_pcs[i] >= fn->code->ninsns)
            rc = bad(&v, 0, "entry pc %u out of range", fn->entry_pcs[i]);
    for (uint32_t b = 0; b < fn->nblocks && !rc; b++)
        for (uint32_t k = 0; k < fn->blocks[b].ninsns && !rc; k++)
            rc = verify_insn(&v, b, k);
    free(v.pos);
    cfg_free(&v.c);
    return rc;
}
