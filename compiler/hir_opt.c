/* hir_opt.c: the HIR optimiser (kr_hir_optimize). Passes, repeated until nothing changes:
 *   - type propagation: phi types narrow to the join of their inputs (never wider than the builder's
 *     type, which its decisions relied on); guard result types narrow to input type & guarded type;
 *   - simplification: guards whose input already satisfies them, trivial phis (all inputs the same
 *     value or the phi itself, or all the same small int: CONSTs of it or GUARD_IS it), TRUTHY of a bool, UNBOX_FLOAT(BOX_FLOAT(d)) become their input;
 *   - redundant guard elimination: a GUARD_SHAPE or GUARD_DICT_VERSION repeating one that still holds;
 *   - constant folding of INT_BINOP / INT_NEG / INT_INVERT / INT_CMP / NOT / IS / TRUTHY and the float
 *     ops on constants, with the interpreter's exact semantics and never when the result would leave
 *     the small int range (those keep their deopt);
 * then, once, two loop passes (below): the strength reduction of `iv % C` (a stepped remainder phi) and
 * the loop range analysis (a counted loop's counter arithmetic without overflow checks, behind entry
 * guards), then the loop exit values (a counted loop's variable rebuilt from its counter at the exit
 * instead of carried around the loop), and dead code elimination: pure instructions no live instruction or frame state needs. Nothing that
 * can leave compiled code (guards, STEP, CALL_RT, POLL, BOX_FLOAT, TRUTHY, deopting arithmetic) and no
 * STORE_SLOT is ever removed, except guards proven to pass, remainders the first loop pass replaced and
 * overflow checks the second one proved unnecessary. The CFG is not changed.
 *
 * Replacing a value keeps frame states valid: a guard or phi is only replaced by a value of the same
 * rep whose type is within its own, so a dirty slot's value stays immediate or double. */
#include <stdlib.h>
#include <string.h>

#include "compiler/hir.h"
#include "compiler/jit.h"
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

/* ---- strength reduction of `iv % C` (an induction variable's remainder by a constant) ----
 * A loop header's SMALLINT phi `iv` that some back-edge advances by a constant step s (its input from that
 * predecessor is ADD(iv, s) or SUB(iv, -s): a counted range loop's counter, or `i += s` in a while
 * loop) and a remainder MOD(iv, C) by a constant C > |s| anywhere inside a loop: a new header phi r,
 * INVARIANT r == iv % C (Python's floor modulo, so r is in [0, C) whatever the sign of iv), replaces
 * every such MOD. Its inputs, computed at the end of each predecessor of the header:
 *   - where iv's input is ADD(iv, s): INT_MOD_STEP(r, s, C) = (r + s) mod C, an add and one
 *     conditional correction, since |s| < C (the new iv is iv + s exactly: the ADD deopted otherwise);
 *   - anywhere else (the loop entry, the OSR entry, a path that assigns the variable): MOD(input, C),
 *     a multiply-high remainder that cannot fail (C != 0: no frame state).
 * The remainder then costs no multiply per iteration and `iv % C == 0` is one compare. r is no Python
 * variable: it is in no frame state, so exits are unaffected. An instruction in a predecessor's tail
 * is available at the header's phi and dominated by the phi r it reads (the predecessor is inside the
 * loop whenever its input is computed from iv). Run once, after the other passes. */
#define IV_MOD_MAX (1 << 29) /* 2C and 2(s - C) fit an imm32 (LIR IWRAP) */

/* Is v = iv + s for a constant s (ADD either way round, SUB of a constant)? */
static bool iv_step(const kr_hir_func *fn, kr_hir_ref iv, kr_hir_ref v, int64_t *s)
{
    const kr_hir_insn *in = &fn->insns[v];
    if (in->dead || in->op != KR_HIR_INT_BINOP || in->nargs != 2)
        return false;
    if (in->imm == KR_OP_ADD && in->args[0] == iv)
        return small_const(fn, in->args[1], s);
    if (in->imm == KR_OP_ADD && in->args[1] == iv)
        return small_const(fn, in->args[0], s);
    if (in->imm == KR_OP_SUB && in->args[0] == iv && small_const(fn, in->args[1], s)) {
        *s = -*s;
        return true;
    }
    return false;
}

/* The divisor C of MOD(iv, C) when it is a candidate, else 0. */
static int64_t iv_mod_divisor(const kr_hir_func *fn, kr_hir_ref m)
{
    const kr_hir_insn *mi = &fn->insns[m];
    int64_t c;
    if (mi->dead || mi->op != KR_HIR_INT_BINOP || mi->imm != KR_OP_MOD || mi->nargs != 2 ||
        !small_const(fn, mi->args[1], &c) || c < 2 || c >= IV_MOD_MAX || fn->blocks[mi->block].loop_depth == 0)
        return 0;
    const kr_hir_insn *iv = &fn->insns[mi->args[0]];
    if (iv->dead || iv->op != KR_HIR_PHI || iv->rep != KR_HIR_TAGGED || iv->type != KR_HT_SMALLINT ||
        !fn->blocks[iv->block].loop_header || iv->block == 0)
        return 0;
    bool stepped = false;
    for (uint32_t a = 0; a < iv->nargs; a++) {
        int64_t s;
        if (fn->blocks[iv->block].preds[a] == 0)
            return 0; /* block 0 holds nothing but cell loads (hir.h) */
        if (!iv_step(fn, mi->args[0], iv->args[a], &s))
            continue;
        if (s == 0 || s >= c || -s >= c)
            return 0;
        stepped = true;
    }
    return stepped ? c : 0;
}

static void reduce_iv_mod(kr_hir_func *fn)
{
    uint32_t n0 = fn->ninsns;
    kr_hir_ref *map = calloc(n0 ? n0 : 1, sizeof *map); /* MOD -> its phi r */
    kr_hir_ref *pargs = NULL;
    if (!map)
        return;
    bool any = false;
    for (kr_hir_ref m = 1; m < n0 && !fn->error[0]; m++) {
        int64_t c = map[m] ? 0 : iv_mod_divisor(fn, m);
        if (!c)
            continue;
        kr_hir_ref iv = fn->insns[m].args[0], divisor = fn->insns[m].args[1];
        uint32_t h = fn->insns[iv].block, np = fn->blocks[h].npreds;
        kr_hir_ref *na = realloc(pargs, np * sizeof *na);
        if (!na)
            break;
        pargs = na;
        kr_hir_ref r = kr_hir_insert_phi(fn, h, KR_HIR_TAGGED, KR_HT_SMALLINT);
        for (uint32_t a = 0; a < np && r && !fn->error[0]; a++) {
            uint32_t p = fn->blocks[h].preds[a];
            kr_hir_ref in = fn->insns[iv].args[a];
            int64_t s;
            if (iv_step(fn, iv, in, &s)) {
                pargs[a] = kr_hir_insert_before_end(fn, p, KR_HIR_INT_MOD_STEP, KR_HIR_TAGGED, KR_HT_SMALLINT, &r, 1, s);
                if (pargs[a])
                    fn->insns[pargs[a]].imm2 = c;
            } else {
                kr_hir_ref args[2] = {in, divisor};
                pargs[a] = kr_hir_insert_before_end(fn, p, KR_HIR_INT_BINOP, KR_HIR_TAGGED, KR_HT_SMALLINT, args, 2,
                                                    KR_OP_MOD);
            }
            if (pargs[a])
                fn->insns[pargs[a]].pc = fn->insns[m].pc; /* a real pc (a synthetic block has none) */
        }
        if (!r || fn->error[0])
            break; /* out of memory: fn->error refuses the compilation */
        fn->insns[r].pc = fn->insns[iv].pc;
        kr_hir_set_args(fn, r, pargs, np);
        for (kr_hir_ref m2 = m; m2 < n0; m2++) {
            const kr_hir_insn *x = &fn->insns[m2];
            int64_t c2;
            if (!x->dead && x->op == KR_HIR_INT_BINOP && x->imm == KR_OP_MOD && x->nargs == 2 && x->args[0] == iv &&
                small_const(fn, x->args[1], &c2) && c2 == c)
                map[m2] = r;
        }
        any = true;
    }
    if (any && !fn->error[0]) {
        for (kr_hir_ref r = 1; r < fn->ninsns; r++) {
            kr_hir_insn *in = &fn->insns[r];
            for (uint32_t a = 0; a < in->nargs && !in->dead; a++)
                if (in->args[a] < n0 && map[in->args[a]])
                    in->args[a] = map[in->args[a]];
        }
        for (uint32_t i = 0; i < fn->nfs; i++)
            for (uint32_t d = 0; d < fn->fss[i].ndirty; d++)
                if (fn->fss[i].dirty[d].value < n0 && map[fn->fss[i].dirty[d].value])
                    fn->fss[i].dirty[d].value = map[fn->fss[i].dirty[d].value];
        for (kr_hir_ref m = 1; m < n0; m++)
            if (map[m])
                fn->insns[m].dead = true;
    }
    free(map);
    free(pargs);
}

/* ---- loop range analysis: counter arithmetic without overflow checks ----
 * A counted range loop (hir_build.c's for_iter): header h ends in BRANCH(RANGE_NEXT(iv, stop, s)), s a
 * constant, every back-edge input of the phi iv is ADD(iv, s) and stop is a constant or a phi of h that
 * the loop does not change. In the loop body (the blocks of h's natural loop but h: every path to them
 * from the header took the true edge in this iteration) iv is before the stop, and since iv only moves
 * by s from its entry values e:  s > 0: min(e) <= iv < stop;  s < 0: stop < iv <= max(e).
 * So when  s > 0: every e >= -B and stop <= B  (s < 0: e <= B and stop >= -B),  |iv| <= B in the body,
 * and iv + k, iv - k, iv * k (|k| < 2**30, B = KR_SMALL_MAX - |k| resp. KR_SMALL_MAX / |k|) stay small
 * ints: they lose their overflow deopt (KR_HIR_INT_NO_OVERFLOW: a MUL by 2 is then one lea). Constant
 * bounds are checked here; others get a GUARD_INT_RANGE at the end of their entry predecessor (which
 * must end in a JUMP to h), whose frame state is the header's: that of the loop increment (its pc is
 * h's FOR_ITER), its header phis mapped to their inputs from that predecessor. A failing guard (a range
 * beyond the bounds, rare) retires the code at once and sets KR_JIT_NO_LOOP_RANGE (compiler/jit.c), so
 * the recompiled code keeps its overflow checks instead: no deopt storm. */
#define LOOP_RANGE_MAX_K ((int64_t)1 << 30) /* the constant fits LIR's imm32 forms (lir.h) */

typedef struct loop_guard {
    uint32_t pred;    /* index in h's preds */
    kr_hir_ref value;
    int64_t lo, hi;
} loop_guard;

/* Is r one of the counter's candidate operations (see above)? Its bound B, or -1. */
static int64_t counter_op_bound(const kr_hir_func *fn, kr_hir_ref r, kr_hir_ref iv)
{
    const kr_hir_insn *in = &fn->insns[r];
    int64_t k;
    if (in->dead || in->op != KR_HIR_INT_BINOP || in->nargs != 2 || in->fs < 0)
        return -1;
    bool commutative = in->imm == KR_OP_ADD || in->imm == KR_OP_MUL;
    if (!(in->args[0] == iv && small_const(fn, in->args[1], &k)) &&
        !(commutative && in->args[1] == iv && small_const(fn, in->args[0], &k)))
        return -1;
    if (k <= -LOOP_RANGE_MAX_K || k >= LOOP_RANGE_MAX_K)
        return -1;
    int64_t ak = k < 0 ? -k : k;
    switch (in->imm) {
    case KR_OP_ADD: case KR_OP_SUB: return KR_SMALL_MAX - ak;
    case KR_OP_MUL: return ak ? KR_SMALL_MAX / ak : KR_SMALL_MAX;
    default: return -1;
    }
}

static bool ends_in_jump(const kr_hir_func *fn, uint32_t b)
{
    const kr_hir_block *bl = &fn->blocks[b];
    return bl->ninsns && fn->insns[bl->insns[bl->ninsns - 1]].op == KR_HIR_JUMP && bl->nsuccs == 1;
}

/* The frame state of h's header (fs, its values header phis, constants and values from before the
 * loop) at the end of entry predecessor number a; -1 if some value is not available there. */
static int32_t entry_state(kr_hir_func *fn, const uint8_t *in_loop, uint32_t h, int32_t fs, uint32_t a, bool add)
{
    uint32_t n = fn->fss[fs].ndirty;
    kr_hir_fs_entry *e = malloc((n ? n : 1) * sizeof *e);
    if (!e)
        return -1;
    for (uint32_t d = 0; d < n; d++) {
        kr_hir_ref v = fn->fss[fs].dirty[d].value;
        const kr_hir_insn *vi = &fn->insns[v];
        e[d].slot = fn->fss[fs].dirty[d].slot;
        if (vi->op == KR_HIR_PHI && vi->block == h) {
            v = vi->args[a];
        } else if (vi->op != KR_HIR_CONST && vi->op != KR_HIR_CONST_DOUBLE && in_loop[vi->block]) {
            free(e);
            return -1;
        }
        e[d].value = v;
    }
    int32_t r = add ? kr_hir_add_fs(fn, fn->fss[fs].pc, e, n) : 0;
    free(e);
    return r;
}

static void loop_ranges(kr_hir_func *fn, uint8_t *in_loop, uint32_t *work, kr_hir_ref *cands, loop_guard *guards)
{
    for (uint32_t h = 1; h < fn->nblocks && !fn->error[0]; h++) {
        const kr_hir_block *hb = &fn->blocks[h];
        if (!hb->loop_header || !hb->ninsns || hb->nsuccs != 2)
            continue;
        const kr_hir_insn *br = &fn->insns[hb->insns[hb->ninsns - 1]];
        if (br->op != KR_HIR_BRANCH || fn->insns[br->args[0]].op != KR_HIR_RANGE_NEXT)
            continue;
        const kr_hir_insn *rn = &fn->insns[br->args[0]];
        kr_hir_ref iv = rn->args[0], stop = rn->args[1];
        int64_t step, s;
        const kr_hir_insn *ivi = &fn->insns[iv], *si = &fn->insns[stop];
        if (!small_const(fn, rn->args[2], &step) || step == 0 || ivi->op != KR_HIR_PHI || ivi->block != h ||
            ivi->type != KR_HT_SMALLINT)
            continue;
        /* the natural loop of the back-edges that step iv */
        memset(in_loop, 0, fn->nblocks);
        in_loop[h] = 1;
        uint32_t nw = 0;
        kr_hir_ref inc = 0;
        bool ok = true;
        for (uint32_t a = 0; a < hb->npreds; a++) {
            uint32_t p = hb->preds[a];
            if (!iv_step(fn, iv, ivi->args[a], &s))
                continue;
            if (s != step || p == h)
                ok = false;
            inc = ivi->args[a];
            if (!in_loop[p]) {
                in_loop[p] = 1;
                work[nw++] = p;
            }
        }
        while (nw) {
            const kr_hir_block *ub = &fn->blocks[work[--nw]];
            for (uint32_t q = 0; q < ub->npreds; q++)
                if (!in_loop[ub->preds[q]]) {
                    in_loop[ub->preds[q]] = 1;
                    work[nw++] = ub->preds[q];
                }
        }
        if (!ok || !inc || in_loop[hb->succs[1]] || !in_loop[hb->succs[0]] || hb->succs[0] == h ||
            in_loop[0] || fn->insns[inc].fs < 0 || fn->fss[fn->insns[inc].fs].pc != hb->pc)
            continue;
        bool stop_const = si->op == KR_HIR_CONST;
        if (!stop_const && (si->op != KR_HIR_PHI || si->block != h))
            continue;
        /* the candidates and the bound they need; the increment by 1 or -1 needs none (iv + 1 <= stop) */
        int64_t bound = KR_SMALL_MAX;
        uint32_t nc = 0;
        int32_t fs = fn->insns[inc].fs;
        for (kr_hir_ref r = 1; r < fn->ninsns; r++) {
            const kr_hir_insn *in = &fn->insns[r];
            if (in->dead || !in_loop[in->block] || in->block == h)
                continue;
            int64_t b = counter_op_bound(fn, r, iv);
            if (b < 0)
                continue;
            if (r == inc && (step == 1 || step == -1)) {
                fn->insns[r].fs = -1;
                fn->insns[r].imm2 = KR_HIR_INT_NO_OVERFLOW;
                continue;
            }
            cands[nc++] = r;
            if (b < bound)
                bound = b;
        }
        if (!nc)
            continue;
        /* what each entry must satisfy: constants checked now, the rest guarded */
        uint32_t ng = 0;
        for (uint32_t a = 0; a < hb->npreds && ok; a++) {
            uint32_t p = hb->preds[a];
            if (iv_step(fn, iv, ivi->args[a], &s))
                continue;
            if (in_loop[p]) {
                ok = false; /* another back-edge */
                break;
            }
            kr_hir_ref e = ivi->args[a], st = stop_const ? stop : si->args[a];
            kr_hir_ref vals[2] = {e, st};
            /* s > 0: e >= -B, stop <= B; s < 0: e <= B, stop >= -B */
            int64_t lo[2] = {step > 0 ? -bound : KR_SMALL_MIN, step > 0 ? KR_SMALL_MIN : -bound};
            int64_t hi[2] = {step > 0 ? KR_SMALL_MAX : bound, step > 0 ? bound : KR_SMALL_MAX};
            for (int i = 0; i < 2 && ok; i++) {
                int64_t c;
                if (small_const(fn, vals[i], &c)) {
                    ok = c >= lo[i] && c <= hi[i];
                    continue;
                }
                if (!ends_in_jump(fn, p) || entry_state(fn, in_loop, h, fs, a, false) < 0) {
                    ok = false;
                    break;
                }
                guards[ng++] = (loop_guard){a, vals[i], lo[i], hi[i]};
            }
        }
        if (!stop_const)
            for (uint32_t a = 0; a < hb->npreds && ok; a++)
                if (iv_step(fn, iv, ivi->args[a], &s) && si->args[a] != stop)
                    ok = false; /* the loop changes its stop */
        if (!ok)
            continue;
        for (uint32_t g = 0; g < ng; g++) {
            uint32_t p = fn->blocks[h].preds[guards[g].pred];
            int32_t gfs = entry_state(fn, in_loop, h, fs, guards[g].pred, true);
            kr_hir_ref x = gfs < 0 ? 0
                                   : kr_hir_insert_before_end(fn, p, KR_HIR_GUARD_INT_RANGE, KR_HIR_TAGGED, KR_HT_SMALLINT,
                                                              &guards[g].value, 1, guards[g].lo);
            if (!x) {
                kr_hir_refuse(fn, "out of memory in the HIR optimiser");
                return;
            }
            fn->insns[x].imm2 = guards[g].hi;
            fn->insns[x].fs = gfs;
            fn->insns[x].reason = KR_DEOPT_LOOP_BOUNDS;
            fn->insns[x].pc = fn->fss[gfs].pc;
        }
        for (uint32_t c = 0; c < nc; c++) {
            fn->insns[cands[c]].fs = -1;
            fn->insns[cands[c]].imm2 = KR_HIR_INT_NO_OVERFLOW;
        }
    }
}

static void analyse_loop_ranges(kr_hir_func *fn)
{
    if (fn->code->jit_flags & KR_JIT_NO_LOOP_RANGE)
        return; /* a guard failed before: keep the overflow checks */
    uint32_t nb = fn->nblocks ? fn->nblocks : 1, ni = fn->ninsns ? fn->ninsns : 1;
    uint8_t *in_loop = malloc(nb);
    uint32_t *work = malloc(nb * sizeof *work);
    kr_hir_ref *cands = malloc(ni * sizeof *cands);
    loop_guard *guards = malloc(2 * nb * sizeof *guards); /* two per entry predecessor at most */
    if (in_loop && work && cands && guards)
        loop_ranges(fn, in_loop, work, cands, guards);
    free(in_loop);
    free(work);
    free(cands);
    free(guards);
}

/* ---- counted loop exit values ----
 * A counted range loop (header h ending in BRANCH(RANGE_NEXT(iv, stop, s)), s a constant, every back-edge
 * input of iv ADD(iv, s)) whose variable keeps its own header phi p: `i` of `for i in range(...)`, whose
 * back-edge inputs are all iv itself (the body assigns i = iv and nothing else). p is read only after the
 * loop (its exit, where i is the last value the loop gave it), yet each iteration copies iv into it:
 * one more live register and a move per iteration. When the exit successor x has h as its only
 * predecessor and every use of p is dominated by x, p's value there is known without carrying it:
 *   - after at least one iteration, the previous counter: iv - s (the add that made iv was exact);
 *   - after none, p's value from the entry, which carries on unchanged if p's back-edge inputs become
 *     p itself (p is then loop invariant: no move on the back-edge).
 * Which of the two: iv has moved from its entry value e0 (a new header phi, e0 from each entry and
 * itself around the back-edges) exactly when an iteration ran, since iv only ever advances by s != 0.
 * So x starts with RANGE_PREV(iv, e0, p) (a compare and a cmov, once per loop exit), which replaces p
 * wherever x dominates. p must be within KR_HT_IMMEDIATE: it now lives on through the loop in a
 * register, where a heap pointer must not outlive the overwrite of its slot (hir.h); and the loop must
 * not call (a value live through calls is spilled or takes a callee-saved register). The strip-mined
 * poll of hir_lower.c then rebuilds i at the header from iv itself (its adj slot). Run once, after the
 * loop range analysis (whose entry guards read p's entry inputs, which do not change). */
#define LOOP_EXIT_MAX_STEP ((int64_t)1 << 29) /* 2s fits LIR RANGE_PREV's lea displacement */

/* Marks in dom[] the blocks x dominates: those block 0 cannot reach without passing through x. */
static bool dominated_by(const kr_hir_func *fn, uint32_t x, uint8_t *dom, uint32_t *work)
{
    memset(dom, 1, fn->nblocks);
    if (x == 0)
        return true;
    uint32_t nw = 0;
    dom[0] = 0;
    work[nw++] = 0;
    while (nw) {
        const kr_hir_block *bl = &fn->blocks[work[--nw]];
        for (uint32_t i = 0; i < bl->nsuccs; i++) {
            uint32_t t = bl->succs[i];
            if (t != x && dom[t]) {
                dom[t] = 0;
                work[nw++] = t;
            }
        }
    }
    return true;
}

/* Whether every use of p (arguments, frame states of placed instructions; for a phi, the predecessor
 * its argument comes through) lies where dom[] says x dominates, except p's own back-edge inputs. */
static bool uses_dominated(const kr_hir_func *fn, kr_hir_ref p, const uint8_t *dom)
{
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        const kr_hir_block *bl = &fn->blocks[b];
        for (uint32_t k = 0; k < bl->ninsns; k++) {
            kr_hir_ref r = bl->insns[k];
            const kr_hir_insn *in = &fn->insns[r];
            if (in->dead || r == p)
                continue;
            for (uint32_t a = 0; a < in->nargs; a++) {
                if (in->args[a] != p)
                    continue;
                uint32_t where = in->op == KR_HIR_PHI ? (a < bl->npreds ? bl->preds[a] : b) : b;
                if (!dom[where])
                    return false;
            }
            if (in->fs >= 0 && !dom[b]) {
                const kr_hir_fs *fs = &fn->fss[in->fs];
                for (uint32_t d = 0; d < fs->ndirty; d++)
                    if (fs->dirty[d].value == p)
                        return false;
            }
        }
    }
    return true;
}

/* Whether the loop's blocks hold a call (then every value live through it is spilled or in one of the
 * few callee-saved registers, and two more such values cost more than the move they save). */
static bool loop_calls(const kr_hir_func *fn, const uint8_t *in_loop)
{
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        if (!in_loop[b])
            continue;
        const kr_hir_block *bl = &fn->blocks[b];
        for (uint32_t k = 0; k < bl->ninsns; k++) {
            const kr_hir_insn *in = &fn->insns[bl->insns[k]];
            if (in->dead || in->op == KR_HIR_POLL)
                continue; /* every loop polls; its slow path saves every register */
            if (in->op == KR_HIR_STEP || in->op == KR_HIR_CALL_RT || in->op == KR_HIR_BOX_FLOAT ||
                (in->op == KR_HIR_FLOAT_BINOP && in->imm == KR_OP_POW) || clobbers_guards(fn, in))
                return true;
        }
    }
    return false;
}

static void exit_values(kr_hir_func *fn, uint8_t *in_loop, uint8_t *dom, uint32_t *work)
{
    uint32_t nblocks = fn->nblocks;
    for (uint32_t h = 1; h < nblocks && !fn->error[0]; h++) {
        const kr_hir_block *hb = &fn->blocks[h];
        if (!hb->loop_header || !hb->ninsns || hb->nsuccs != 2)
            continue;
        const kr_hir_insn *br = &fn->insns[hb->insns[hb->ninsns - 1]];
        if (br->op != KR_HIR_BRANCH || fn->insns[br->args[0]].op != KR_HIR_RANGE_NEXT)
            continue;
        const kr_hir_insn *rn = &fn->insns[br->args[0]];
        kr_hir_ref iv = rn->args[0];
        int64_t step, s;
        const kr_hir_insn *ivi = &fn->insns[iv];
        if (!small_const(fn, rn->args[2], &step) || step == 0 || step >= LOOP_EXIT_MAX_STEP ||
            step <= -LOOP_EXIT_MAX_STEP || ivi->op != KR_HIR_PHI || ivi->block != h || ivi->type != KR_HT_SMALLINT ||
            ivi->nargs != hb->npreds)
            continue;
        /* the natural loop of the back-edges that step iv; every other predecessor an entry from outside */
        memset(in_loop, 0, fn->nblocks);
        in_loop[h] = 1;
        uint32_t nw = 0, nback = 0;
        bool ok = true;
        for (uint32_t a = 0; a < hb->npreds; a++) {
            if (!iv_step(fn, iv, ivi->args[a], &s))
                continue;
            ok &= s == step && hb->preds[a] != h;
            nback++;
            if (!in_loop[hb->preds[a]]) {
                in_loop[hb->preds[a]] = 1;
                work[nw++] = hb->preds[a];
            }
        }
        while (nw) {
            const kr_hir_block *ub = &fn->blocks[work[--nw]];
            for (uint32_t q = 0; q < ub->npreds; q++)
                if (!in_loop[ub->preds[q]]) {
                    in_loop[ub->preds[q]] = 1;
                    work[nw++] = ub->preds[q];
                }
        }
        uint32_t x = hb->succs[1];
        if (!ok || !nback || in_loop[0] || in_loop[x] || !in_loop[hb->succs[0]] || fn->blocks[x].npreds != 1 ||
            loop_calls(fn, in_loop))
            continue;
        for (uint32_t a = 0; a < hb->npreds && ok; a++)
            if (!iv_step(fn, iv, ivi->args[a], &s) && in_loop[hb->preds[a]])
                ok = false; /* a back-edge that does not step iv */
        if (!ok)
            continue;
        dominated_by(fn, x, dom, work);
        kr_hir_ref e0 = 0;
        for (uint32_t k = 0; k < fn->blocks[h].ninsns && !fn->error[0]; k++) {
            kr_hir_ref p = fn->blocks[h].insns[k];
            const kr_hir_insn *pi = &fn->insns[p];
            if (pi->op != KR_HIR_PHI)
                break;
            if (pi->dead || p == iv || pi->rep != KR_HIR_TAGGED || (pi->type & ~(uint32_t)KR_HT_IMMEDIATE) ||
                pi->nargs != hb->npreds)
                continue;
            bool carried = false, cand = true;
            for (uint32_t a = 0; a < pi->nargs && cand; a++) {
                if (in_loop[fn->blocks[h].preds[a]]) {
                    cand = pi->args[a] == iv;
                    carried = true;
                } else {
                    cand = pi->args[a] != p;
                }
            }
            if (!cand || !carried || !uses_dominated(fn, p, dom))
                continue;
            if (!e0) {
                e0 = kr_hir_insert_phi(fn, h, KR_HIR_TAGGED, KR_HT_SMALLINT);
                if (!e0)
                    return;
                ivi = &fn->insns[iv];
                kr_hir_ref *ea = malloc(ivi->nargs * sizeof *ea);
                if (!ea) {
                    kr_hir_refuse(fn, "out of memory in the HIR optimiser");
                    return;
                }
                for (uint32_t a = 0; a < ivi->nargs; a++)
                    ea[a] = in_loop[fn->blocks[h].preds[a]] ? e0 : ivi->args[a];
                kr_hir_set_args(fn, e0, ea, ivi->nargs);
                free(ea);
                fn->insns[e0].pc = fn->insns[iv].pc; /* at the end of the phi group: the scan skips it */
            }
            kr_hir_ref args[3] = {iv, e0, p};
            kr_hir_ref last = kr_hir_insert_after_phis(fn, x, KR_HIR_RANGE_PREV, KR_HIR_TAGGED, fn->insns[p].type,
                                                       args, 3, step);
            if (!last)
                return;
            fn->insns[last].pc = fn->blocks[x].pc != UINT32_MAX ? fn->blocks[x].pc : fn->insns[p].pc;
            /* p's uses past the exit read last; around the back-edges p carries itself */
            for (uint32_t b = 0; b < fn->nblocks; b++) {
                const kr_hir_block *bl = &fn->blocks[b];
                for (uint32_t j = 0; j < bl->ninsns; j++) {
                    kr_hir_ref r = bl->insns[j];
                    kr_hir_insn *in = &fn->insns[r];
                    if (in->dead || r == last)
                        continue;
                    for (uint32_t a = 0; a < in->nargs; a++)
                        if (in->args[a] == p && r != p)
                            in->args[a] = last;
                        else if (r == p && in_loop[bl->preds[a]])
                            in->args[a] = p;
                }
            }
            for (uint32_t i = 0; i < fn->nfs; i++)
                for (uint32_t d = 0; d < fn->fss[i].ndirty; d++)
                    if (fn->fss[i].dirty[d].value == p)
                        fn->fss[i].dirty[d].value = last;
        }
    }
}

static void loop_exit_values(kr_hir_func *fn)
{
    uint32_t nb = fn->nblocks ? fn->nblocks : 1;
    uint8_t *in_loop = malloc(nb), *dom = malloc(nb);
    uint32_t *work = malloc(nb * sizeof *work);
    if (in_loop && dom && work)
        exit_values(fn, in_loop, dom, work);
    free(in_loop);
    free(dom);
    free(work);
}

static bool pure(const kr_hir_insn *in)
{
    switch ((enum kr_hir_op)in->op) {
    case KR_HIR_CONST: case KR_HIR_CONST_DOUBLE: case KR_HIR_LOAD_SLOT: case KR_HIR_PHI:
    case KR_HIR_INT_INVERT: case KR_HIR_INT_CMP: case KR_HIR_INT_TO_DOUBLE: case KR_HIR_UNBOX_FLOAT:
    case KR_HIR_FLOAT_NEG: case KR_HIR_FLOAT_CMP: case KR_HIR_IS: case KR_HIR_NOT: case KR_HIR_RANGE_NEXT:
    case KR_HIR_LOAD_ADDR: case KR_HIR_LOAD_INST_SLOT: case KR_HIR_LEN: case KR_HIR_INT_MOD_STEP:
    case KR_HIR_RANGE_PREV:
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
        free(o.fwd);
        kr_hir_compute_loops(fn);
        reduce_iv_mod(fn);
        if (!fn->error[0])
            analyse_loop_ranges(fn);
        if (!fn->error[0])
            loop_exit_values(fn);
        if (fn->error[0])
            return; /* out of memory: refused */
        eliminate_dead(&o);
        compact(fn);
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
