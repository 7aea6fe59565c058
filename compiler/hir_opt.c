/* hir_opt.c: the HIR optimiser (kr_hir_optimize). Passes, repeated until nothing changes:
 *   - type propagation: phi types narrow to the join of their inputs (never wider than the builder's
 *     type, which its decisions relied on); guard result types narrow to input type & guarded type;
 *   - simplification: guards whose input already satisfies them, trivial phis (all inputs the same
 *     value or the phi itself, or all the same small int: CONSTs of it or GUARD_IS it), TRUTHY of a bool, UNBOX_FLOAT(BOX_FLOAT(d)) become their input;
 *   - redundant guard elimination: a GUARD_SHAPE or GUARD_DICT_VERSION repeating one that still holds;
 *   - constant folding of INT_BINOP / INT_NEG / INT_INVERT / INT_CMP / NOT / IS / TRUTHY and the float
 *     ops on constants, with the interpreter's exact semantics and never when the result would leave
 *     the small int range (those keep their deopt);
 * then dead code elimination: pure instructions no live instruction or frame state needs. Nothing that
 * can leave compiled code (guards, STEP, CALL_RT, POLL, BOX_FLOAT, TRUTHY, deopting arithmetic) and no
 * STORE_SLOT is ever removed, except guards proven to pass. The CFG is not changed.
 *
 * Replacing a value keeps frame states valid: a guard or phi is only replaced by a value of the same
 * rep whose type is within its own, so a dirty slot's value stays immediate or double. */
#include <stdlib.h>
#include <string.h>

#include "compiler/hir.h"
#include "vm/floatobj.h"
#include "vm/object.h"

typedef struct opt {
    kr_hir_func *fn;
    kr_hir_ref *fwd; /* replacement of a removed value, 0: none */
    bool changed;
} opt;

static kr_hir_ref resolve(opt *o, kr_hir_ref r)
{
    while (r && o->fwd[r])
        r = o->fwd[r];
    return r;
}

static void replace(opt *o, kr_hir_ref r, kr_hir_ref by)
{
    o->fwd[r] = by;
    o->fn->insns[r].dead = true;
    o->changed = true;
}

/* Turns r into a constant in place (same position, so it still dominates its uses). */
static void make_const(opt *o, kr_hir_ref r, kr_value v, uint32_t type)
{
    kr_hir_insn *in = &o->fn->insns[r];
    free(in->args);
    in->args = NULL;
    in->nargs = 0;
    in->op = KR_HIR_CONST;
    in->rep = KR_HIR_TAGGED;
    in->type = type;
    in->value = v;
    in->fs = -1;
    in->imm = 0;
    o->changed = true;
}

static void make_const_double(opt *o, kr_hir_ref r, double d)
{
    kr_hir_insn *in = &o->fn->insns[r];
    free(in->args);
    in->args = NULL;
    in->nargs = 0;
    in->op = KR_HIR_CONST_DOUBLE;
    in->rep = KR_HIR_DOUBLE;
    in->type = KR_HT_FLOAT;
    in->dvalue = d;
    in->fs = -1;
    in->imm = 0;
    o->changed = true;
}

static bool small_const(const kr_hir_func *fn, kr_hir_ref r, int64_t *out)
{
    const kr_hir_insn *in = &fn->insns[r];
    if (in->op != KR_HIR_CONST || !kr_is_small(in->value))
        return false;
    *out = kr_small_val(in->value);
    return true;
}

/* x <op> y on small ints exactly as the interpreter's fast path (vm/interp.c BINARY_OP); false when
 * that path would not produce a small int (the instruction deopts then, so it is not folded). */
static bool fold_int(unsigned op, int64_t x, int64_t y, int64_t *out)
{
    int64_t r;
    switch (op) {
    case KR_OP_ADD:
        if (__builtin_add_overflow(x, y, &r))
            return false;
        break;
    case KR_OP_SUB:
        if (__builtin_sub_overflow(x, y, &r))
            return false;
        break;
    case KR_OP_MUL:
        if (__builtin_mul_overflow(x, y, &r))
            return false;
        break;
    case KR_OP_FLOORDIV:
    case KR_OP_MOD: {
        if (y == 0)
            return false;
        int64_t q = x / y, m = x % y; /* |x| < 2**62: no INT64_MIN / -1 */
        if (m != 0 && ((m < 0) != (y < 0))) {
            q--;
            m += y;
        }
        r = op == KR_OP_FLOORDIV ? q : m;
        break;
    }
    case KR_OP_AND: r = x & y; break;
    case KR_OP_OR: r = x | y; break;
    case KR_OP_XOR: r = x ^ y; break;
    case KR_OP_RSHIFT:
        if (y < 0)
            return false;
        r = x >> (y > 63 ? 63 : y);
        break;
    case KR_OP_LSHIFT:
        if (y < 0 || y >= 62)
            return false;
        r = (int64_t)((uint64_t)x << y);
        if ((r >> y) != x)
            return false;
        break;
    default:
        return false;
    }
    if (!kr_fits_small(r))
        return false;
    *out = r;
    return true;
}

static bool cmp_result(unsigned op, int c) /* c: <0, 0, >0 */
{
    switch (op) {
    case KR_CMP_LT: return c < 0;
    case KR_CMP_LE: return c <= 0;
    case KR_CMP_EQ: return c == 0;
    case KR_CMP_NE: return c != 0;
    case KR_CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

static bool float_cmp(unsigned op, double x, double y)
{
    switch (op) {
    case KR_CMP_LT: return x < y;
    case KR_CMP_LE: return x <= y;
    case KR_CMP_EQ: return x == y;
    case KR_CMP_NE: return x != y;
    case KR_CMP_GT: return x > y;
    default: return x >= y;
    }
}

/* The truth of a constant when it is known without calling anything: 1, 0, or -1. */
static int const_truth(kr_value v)
{
    if (v == KR_TRUE)
        return 1;
    if (v == KR_FALSE || v == KR_NONE)
        return 0;
    if (kr_is_small(v))
        return v != kr_small(0);
    return -1;
}

/* A TAGGED phi whose inputs are all the same small int c: CONSTs of c, or GUARD_IS c (an entry that
 * checked the slot holds c, hir_build.c's header_const), besides the phi itself, is a CONST of c (one of
 * its inputs: a CONST has no place, hir.h). */
static void phi_of_constant(opt *o, kr_hir_ref r)
{
    const kr_hir_func *fn = o->fn;
    const kr_hir_insn *in = &fn->insns[r];
    kr_hir_ref k = 0;
    kr_value c = 0;
    bool have = false;
    if (in->rep != KR_HIR_TAGGED)
        return;
    for (uint32_t a = 0; a < in->nargs; a++) {
        const kr_hir_insn *x = &fn->insns[in->args[a]];
        if (in->args[a] == r)
            continue;
        if ((x->op != KR_HIR_CONST && x->op != KR_HIR_GUARD_IS) || !kr_is_small(x->value) || (have && x->value != c))
            return;
        c = x->value;
        have = true;
        if (x->op == KR_HIR_CONST)
            k = in->args[a];
    }
    if (k)
        replace(o, r, k);
}

static void simplify(opt *o, kr_hir_ref r)
{
    kr_hir_func *fn = o->fn;
    kr_hir_insn *in = &fn->insns[r];
    kr_hir_ref a0 = in->nargs > 0 ? in->args[0] : 0, a1 = in->nargs > 1 ? in->args[1] : 0;
    const kr_hir_insn *i0 = a0 ? &fn->insns[a0] : NULL, *i1 = a1 ? &fn->insns[a1] : NULL;
    int64_t x, y, z;
    switch ((enum kr_hir_op)in->op) {
    case KR_HIR_PHI: {
        kr_hir_ref same = 0;
        for (uint32_t a = 0; a < in->nargs; a++) {
            if (in->args[a] == r || in->args[a] == same)
                continue;
            if (same) {
                phi_of_constant(o, r);
                return;
            }
            same = in->args[a];
        }
        if (same)
            replace(o, r, same);
        return;
    }
    case KR_HIR_GUARD_TYPE:
        if (i0->rep == KR_HIR_TAGGED && !(i0->type & ~(uint32_t)in->imm))
            replace(o, r, a0);
        return;
    case KR_HIR_GUARD_NOT_UNBOUND:
        if (i0->rep == KR_HIR_TAGGED && !(i0->type & KR_HT_UNBOUND))
            replace(o, r, a0);
        return;
    case KR_HIR_GUARD_IS:
        if (i0->op == KR_HIR_CONST && i0->value == in->value)
            replace(o, r, a0);
        return;
    case KR_HIR_INT_BINOP:
        if (small_const(fn, a0, &x) && small_const(fn, a1, &y) && fold_int((unsigned)in->imm, x, y, &z))
            make_const(o, r, kr_small(z), KR_HT_SMALLINT);
        return;
    case KR_HIR_INT_NEG:
        if (small_const(fn, a0, &x) && kr_fits_small(-x))
            make_const(o, r, kr_small(-x), KR_HT_SMALLINT);
        return;
    case KR_HIR_INT_INVERT:
        if (small_const(fn, a0, &x))
            make_const(o, r, kr_small(~x), KR_HT_SMALLINT);
        return;
    case KR_HIR_INT_CMP:
        if (small_const(fn, a0, &x) && small_const(fn, a1, &y))
            make_const(o, r, kr_bool(cmp_result((unsigned)in->imm, (x > y) - (x < y))), KR_HT_BOOL);
        return;
    case KR_HIR_INT_TO_DOUBLE:
        if (small_const(fn, a0, &x))
            make_const_double(o, r, (double)x);
        return;
    case KR_HIR_UNBOX_FLOAT:
        if (i0->op == KR_HIR_BOX_FLOAT)
            replace(o, r, i0->args[0]);
        else if (i0->op == KR_HIR_CONST && kr_is_ptr(i0->value) && i0->type == KR_HT_FLOAT)
            make_const_double(o, r, kr_float_value(i0->value));
        return;
    case KR_HIR_FLOAT_BINOP:
        if (i0->op == KR_HIR_CONST_DOUBLE && i1->op == KR_HIR_CONST_DOUBLE) {
            double p = i0->dvalue, q = i1->dvalue;
            switch (in->imm) {
            case KR_OP_ADD: make_const_double(o, r, p + q); break;
            case KR_OP_SUB: make_const_double(o, r, p - q); break;
            case KR_OP_MUL: make_const_double(o, r, p * q); break;
            case KR_OP_TRUEDIV:
                if (q != 0.0)
                    make_const_double(o, r, p / q);
                break;
            case KR_OP_POW: {
                double d;
                if (kr_float_pow_raw(p, q, &d) == KR_FLOAT_POW_OK) /* else it deopts: not folded */
                    make_const_double(o, r, d);
                break;
            }
            default: break;
            }
        }
        return;
    case KR_HIR_FLOAT_NEG:
        if (i0->op == KR_HIR_CONST_DOUBLE)
            make_const_double(o, r, -i0->dvalue);
        return;
    case KR_HIR_FLOAT_CMP:
        if (i0->op == KR_HIR_CONST_DOUBLE && i1->op == KR_HIR_CONST_DOUBLE)
            make_const(o, r, kr_bool(float_cmp((unsigned)in->imm, i0->dvalue, i1->dvalue)), KR_HT_BOOL);
        return;
    case KR_HIR_NOT:
        if (i0->op == KR_HIR_CONST && kr_is_bool(i0->value))
            make_const(o, r, kr_bool(i0->value == KR_FALSE), KR_HT_BOOL);
        return;
    case KR_HIR_IS:
        if (a0 == a1)
            make_const(o, r, kr_bool(in->imm == 0), KR_HT_BOOL);
        else if (i0->op == KR_HIR_CONST && i1->op == KR_HIR_CONST)
            make_const(o, r, kr_bool((i0->value == i1->value) != (in->imm != 0)), KR_HT_BOOL);
        return;
    case KR_HIR_TRUTHY:
        if (i0->rep == KR_HIR_TAGGED && i0->type == KR_HT_BOOL)
            replace(o, r, a0);
        else if (i0->op == KR_HIR_CONST && const_truth(i0->value) >= 0)
            make_const(o, r, kr_bool(const_truth(i0->value)), KR_HT_BOOL);
        return;
    default:
        return;
    }
}

/* ---- redundant guard elimination (GUARD_SHAPE, GUARD_DICT_VERSION) ----
 * A class's version, an instance's shape and a dict's keys version only change when Python code or the
 * interpreter runs: a STEP, a CALL_RT, a POLL (signal handlers, finalizers), a TRUTHY that may call __bool__. Between
 * two such points, a guard repeating an earlier one (same value -- or the earlier guard's result -- and
 * the same class, version and shape; the same dict, keys version and role) always passes, and is
 * removed (its result replaced by the earlier one's). Facts flow through a block, and into a block whose
 * only predecessor was processed before it (blocks are numbered in reverse post order by the builder,
 * except edge-splitting and loop-body blocks, which then just start without facts). */
typedef struct gfact {
    kr_hir_ref guard; /* the guard (its result, for GUARD_SHAPE) */
    kr_hir_ref arg;   /* GUARD_SHAPE's input, 0 for GUARD_DICT_VERSION */
} gfact;

static bool same_guard(const kr_hir_insn *x, const kr_hir_insn *y)
{
    return x->op == y->op && x->value == y->value && x->imm == y->imm && x->imm2 == y->imm2;
}

/* Can the instruction change a class, a shape or a dict's keys (by running anything else)? */
static bool clobbers_guards(const kr_hir_func *fn, const kr_hir_insn *in)
{
    switch ((enum kr_hir_op)in->op) {
    case KR_HIR_TRUTHY: {
        /* inline (no call) for these types, as hir.h says */
        uint32_t inline_types = KR_HT_SMALLINT | KR_HT_BOOL | KR_HT_NONE | KR_HT_FLOAT | KR_HT_STR | KR_HT_LIST |
                                KR_HT_TUPLE | KR_HT_DICT;
        const kr_hir_insn *a = &fn->insns[in->args[0]];
        return a->rep != KR_HIR_TAGGED || (a->type & ~inline_types) != 0;
    }
    case KR_HIR_STEP: case KR_HIR_POLL: case KR_HIR_CALL_RT: case KR_HIR_OP_COUNT:
        return true;
    default:
        /* the other ops are arithmetic, slot and heap loads and stores (STORE_INST_SLOT and LIST_SET write
         * a value without touching shapes), allocation that never collects (BOX_FLOAT), guards, and
         * terminators */
        return false;
    }
}

static void eliminate_redundant_guards(opt *o)
{
    kr_hir_func *fn = o->fn;
    uint32_t nb = fn->nblocks;
    /* per block, the facts holding at its end (a slice of one growing array) */
    uint32_t *end_at = calloc(nb ? nb : 1, sizeof *end_at), *end_n = calloc(nb ? nb : 1, sizeof *end_n);
    gfact *all = NULL, *cur = NULL;
    uint32_t nall = 0, allcap = 0, ncur = 0, curcap = 0;
    bool ok = end_at && end_n;
    for (uint32_t b = 0; b < nb && ok; b++) {
        const kr_hir_block *bl = &fn->blocks[b];
        ncur = 0;
        if (bl->npreds == 1 && bl->preds[0] < b) {
            uint32_t p = bl->preds[0];
            if (end_n[p] > curcap) {
                gfact *nc = realloc(cur, end_n[p] * sizeof *nc);
                if (!nc) {
                    ok = false;
                    break;
                }
                cur = nc;
                curcap = end_n[p];
            }
            if (end_n[p]) /* memcpy's pointers must be valid even for 0 bytes */
                memcpy(cur, all + end_at[p], end_n[p] * sizeof *cur);
            ncur = end_n[p];
        }
        for (uint32_t k = 0; k < bl->ninsns; k++) {
            kr_hir_ref r = bl->insns[k];
            kr_hir_insn *in = &fn->insns[r];
            if (in->dead)
                continue;
            if (clobbers_guards(fn, in)) {
                ncur = 0;
                continue;
            }
            if (in->op != KR_HIR_GUARD_SHAPE && in->op != KR_HIR_GUARD_DICT_VERSION)
                continue;
            kr_hir_ref arg = in->op == KR_HIR_GUARD_SHAPE ? resolve(o, in->args[0]) : 0;
            bool redundant = false;
            for (uint32_t f = 0; f < ncur && !redundant; f++) {
                const kr_hir_insn *g = &fn->insns[cur[f].guard];
                if (!same_guard(g, in))
                    continue;
                if (in->op == KR_HIR_GUARD_DICT_VERSION) {
                    in->dead = true; /* defines no value */
                    o->changed = true;
                    redundant = true;
                } else if ((arg == cur[f].arg || arg == cur[f].guard) && !(g->type & ~in->type)) {
                    replace(o, r, cur[f].guard);
                    redundant = true;
                }
            }
            if (redundant)
                continue;
            if (ncur == curcap) {
                uint32_t cap = curcap ? 2 * curcap : 8;
                gfact *nc = realloc(cur, cap * sizeof *nc);
                if (!nc) {
                    ok = false;
                    break;
                }
                cur = nc;
                curcap = cap;
            }
            cur[ncur].guard = r;
            cur[ncur].arg = arg;
            ncur++;
        }
        if (!ok)
            break;
        if (nall + ncur > allcap) {
            uint32_t cap = allcap ? allcap : 16;
            while (cap < nall + ncur)
                cap *= 2;
            gfact *na = realloc(all, cap * sizeof *na);
            if (!na) {
                ok = false;
                break;
            }
            all = na;
            allcap = cap;
        }
        if (ncur)
            memcpy(all + nall, cur, ncur * sizeof *cur);
        end_at[b] = nall;
        end_n[b] = ncur;
        nall += ncur;
    }
    free(end_at);
    free(end_n);
    free(all);
    free(cur);
}

/* Narrows phi and guard types. A descending iteration from the builder's types, which are sound
 * (every phi's type covers its inputs'): each step keeps them sound and only removes bits, so it
 * terminates, at phi = join of the inputs and guard = input & guarded type. */
static void propagate_types(opt *o)
{
    kr_hir_func *fn = o->fn;
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t b = 0; b < fn->nblocks; b++) {
            const kr_hir_block *bl = &fn->blocks[b];
            for (uint32_t k = 0; k < bl->ninsns; k++) {
                kr_hir_insn *in = &fn->insns[bl->insns[k]];
                if (in->dead || in->rep != KR_HIR_TAGGED)
                    continue;
                uint32_t t = in->type;
                if (in->op == KR_HIR_PHI) {
                    t = 0;
                    for (uint32_t a = 0; a < in->nargs; a++)
                        t |= fn->insns[in->args[a]].type;
                } else if (in->op == KR_HIR_GUARD_TYPE) {
                    t = fn->insns[in->args[0]].type & (uint32_t)in->imm;
                } else if (in->op == KR_HIR_GUARD_NOT_UNBOUND) {
                    t = fn->insns[in->args[0]].type & ~(uint32_t)KR_HT_UNBOUND;
                }
                t &= in->type;
                if (t && t != in->type) { /* 0: a guard that always fails keeps its type */
                    in->type = t;
                    changed = true;
                }
            }
        }
    }
}

static bool pure(const kr_hir_insn *in)
{
    switch ((enum kr_hir_op)in->op) {
    case KR_HIR_CONST: case KR_HIR_CONST_DOUBLE: case KR_HIR_LOAD_SLOT: case KR_HIR_PHI:
    case KR_HIR_INT_INVERT: case KR_HIR_INT_CMP: case KR_HIR_INT_TO_DOUBLE: case KR_HIR_UNBOX_FLOAT:
    case KR_HIR_FLOAT_NEG: case KR_HIR_FLOAT_CMP: case KR_HIR_IS: case KR_HIR_NOT: case KR_HIR_RANGE_NEXT:
    case KR_HIR_LOAD_ADDR: case KR_HIR_LOAD_INST_SLOT: case KR_HIR_LEN:
        return true;
    case KR_HIR_INT_BINOP: case KR_HIR_FLOAT_BINOP:
        return in->fs < 0; /* cannot deopt */
    default:
        return false;
    }
}

/* Marks everything a non-removable instruction needs (args and frame-state values), transitively;
 * the rest of the pure instructions are dead. Handles dead phi cycles. */
static void eliminate_dead(opt *o)
{
    kr_hir_func *fn = o->fn;
    uint8_t *live = calloc(fn->ninsns, 1);
    kr_hir_ref *work = malloc(fn->ninsns * sizeof *work);
    if (!live || !work) {
        free(live);
        free(work);
        return;
    }
    uint32_t nw = 0;
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        const kr_hir_block *bl = &fn->blocks[b];
        for (uint32_t k = 0; k < bl->ninsns; k++) {
            kr_hir_ref r = bl->insns[k];
            if (!fn->insns[r].dead && !pure(&fn->insns[r]) && !live[r]) {
                live[r] = 1;
                work[nw++] = r;
            }
        }
    }
    while (nw) {
        const kr_hir_insn *in = &fn->insns[work[--nw]];
        for (uint32_t a = 0; a < in->nargs; a++)
            if (!live[in->args[a]]) {
                live[in->args[a]] = 1;
                work[nw++] = in->args[a];
            }
        if (in->fs >= 0) {
            const kr_hir_fs *fs = &fn->fss[in->fs];
            for (uint32_t d = 0; d < fs->ndirty; d++)
                if (!live[fs->dirty[d].value]) {
                    live[fs->dirty[d].value] = 1;
                    work[nw++] = fs->dirty[d].value;
                }
        }
    }
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        const kr_hir_block *bl = &fn->blocks[b];
        for (uint32_t k = 0; k < bl->ninsns; k++)
            if (!live[bl->insns[k]])
                fn->insns[bl->insns[k]].dead = true;
    }
    free(live);
    free(work);
}

/* Drops dead instructions from the block lists. */
static void compact(kr_hir_func *fn)
{
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        kr_hir_block *bl = &fn->blocks[b];
        uint32_t n = 0;
        for (uint32_t k = 0; k < bl->ninsns; k++)
            if (!fn->insns[bl->insns[k]].dead)
                bl->insns[n++] = bl->insns[k];
        bl->ninsns = n;
    }
}

void kr_hir_optimize(kr_hir_func *fn)
{
    opt o = {fn, calloc(fn->ninsns ? fn->ninsns : 1, sizeof(kr_hir_ref)), false};
    if (o.fwd) {
        for (int round = 0; round < 64; round++) {
            o.changed = false;
            propagate_types(&o);
            for (uint32_t b = 0; b < fn->nblocks; b++) {
                const kr_hir_block *bl = &fn->blocks[b];
                for (uint32_t k = 0; k < bl->ninsns; k++) {
                    kr_hir_ref r = bl->insns[k];
                    kr_hir_insn *in = &fn->insns[r];
                    if (in->dead)
                        continue;
                    for (uint32_t a = 0; a < in->nargs; a++)
                        in->args[a] = resolve(&o, in->args[a]);
                    simplify(&o, r);
                }
            }
            eliminate_redundant_guards(&o);
            /* frame states and every argument (a phi may name a value replaced later in the round) */
            for (uint32_t i = 0; i < fn->nfs; i++)
                for (uint32_t d = 0; d < fn->fss[i].ndirty; d++)
                    fn->fss[i].dirty[d].value = resolve(&o, fn->fss[i].dirty[d].value);
            for (uint32_t r = 1; r < fn->ninsns; r++)
                if (!fn->insns[r].dead)
                    for (uint32_t a = 0; a < fn->insns[r].nargs; a++)
                        fn->insns[r].args[a] = resolve(&o, fn->insns[r].args[a]);
            compact(fn);
            if (!o.changed)
                break;
        }
        eliminate_dead(&o);
        compact(fn);
        free(o.fwd);
    }
    kr_hir_count_uses(fn);
    kr_hir_compute_loops(fn);
#ifndef NDEBUG
    if (kr_hir_verify(fn) < 0) {
        fprintf(stderr, "kr_hir_optimize: %s\n", fn->error);
        kr_hir_print(stderr, fn);
        abort();
    }
#endif
}
