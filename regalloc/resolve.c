/* resolve.c: kr_ra_resolve, the moves that make an allocation work.
 *
 * Wimmer & Mössenböck 2005, section 5 ("Resolution"), and Wimmer & Franz 2010, section 4.4
 * (resolution of phi functions, store-once spilling of SSA values):
 *   1. KR_RA_SSA: one store after the definition of a spilled SSA value;
 *   2. a move at each split inside a block, from the piece before to the piece after; a split at a
 *      block's first position gets no move here, since the value may arrive along several edges,
 *      nor does a move to the stack after the SSA store (the only split at an odd position);
 *   3. data-flow resolution: on every edge, for every vreg live into the successor, a move from its
 *      location at the end of the predecessor to its location at the start of the successor, and
 *      for every phi of the successor, a move from its input's location;
 *   4. each group of moves is sequentialised as a parallel move. */
#include <stdlib.h>
#include <string.h>

#include "regalloc/regalloc_internal.h"

typedef struct pending {
    int pos, order;
    kr_ra_move m;
} pending;

static int cmp_pending(const void *a, const void *b)
{
    const pending *x = a, *y = b;
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    return x->order - y->order;
}

typedef struct mvec {
    kr_ra_move *a;
    int n, cap;
} mvec;

static int mvec_push(kr_ra_ctx *ctx, mvec *v, kr_ra_loc dst, kr_ra_loc src, int64_t imm, kr_ra_class cls)
{
    if (kr_ra_grow(ctx, (void **)&v->a, &v->cap, v->n + 1, sizeof *v->a))
        return -1;
    v->a[v->n++] = (kr_ra_move){.dst = dst, .src = src, .imm = imm, .cls = cls};
    return 0;
}

static int add_group(kr_ra_ctx *ctx, kr_ra_place place, int pos, int pred, int succ, const kr_ra_move *moves,
                     int n)
{
    if (kr_ra_grow(ctx, (void **)&ctx->groups, &ctx->cap_groups, ctx->ngroups + 1, sizeof *ctx->groups))
        return -1;
    kr_ra_move *par = kr_ra_alloc(ctx, sizeof *par * (size_t)n);
    kr_ra_move *seq = kr_ra_alloc(ctx, sizeof *seq * (size_t)KR_RA_PMOVE_MAX(n));
    if (!par || !seq)
        return -1;
    memcpy(par, moves, sizeof *par * (size_t)n);
    int nseq = 0;
    char err[128];
    if (kr_ra_parallel_move(par, n, ctx->target.scratch, seq, &nseq, err, sizeof err))
        return kr_ra_fail(ctx, "%s", err);
    ctx->groups[ctx->ngroups++] =
        (kr_ra_move_group){.place = place, .pos = pos, .pred = pred, .succ = succ, .moves = par, .nmoves = n,
                           .seq = seq, .nseq = nseq};
    return 0;
}

/* Step 1: the spill store of an SSA value goes right after its definition (at the block's start for
 * a phi); from there on the slot holds the value, so moves into the slot are not needed. */
static int ssa_stores(kr_ra_ctx *ctx, pending **pm, int *npm, int *cap)
{
    for (int v = 0; v < ctx->nvregs; v++) {
        kr_ra_vreg *vr = &ctx->vregs[v];
        vr->store_pos = -1;
        if (vr->slot < 0 || !(ctx->target.flags & KR_RA_SSA) || vr->ndefs != 1)
            continue;
        int d = vr->def_pos;
        kr_ra_interval *dp = kr_ra_child_at(ctx, v, d);
        if (!dp)
            continue;
        if (dp->stack) { /* defined straight into the slot */
            vr->store_pos = d;
            continue;
        }
        int sp = kr_ra_ssa_store_pos(ctx, v);
        if (sp == KR_RA_INF)
            continue; /* no room after the definition: store at every move to the stack instead */
        vr->store_pos = sp;
        if (kr_ra_grow(ctx, (void **)pm, cap, *npm + 1, sizeof **pm))
            return -1;
        kr_ra_loc src = kr_ra_interval_loc(ctx, kr_ra_child_at(ctx, v, sp == d ? d : sp - 1));
        (*pm)[*npm] = (pending){sp, *npm, {.dst = {KR_RA_STACK, vr->slot}, .src = src, .cls = vr->cls}};
        (*npm)++;
    }
    return 0;
}

/* Step 2. */
static int split_moves(kr_ra_ctx *ctx, pending **pm, int *npm, int *cap)
{
    for (int v = 0; v < ctx->nvregs; v++) {
        kr_ra_vreg *vr = &ctx->vregs[v];
        for (int i = 1; i < vr->nchildren; i++) {
            kr_ra_interval *a = vr->children[i - 1], *b = vr->children[i];
            int s = kr_ra_start(b);
            if (kr_ra_end(a) != s || kr_ra_is_block_start(ctx, s))
                continue; /* b starts after a hole (at a definition), or resolution handles it */
            kr_ra_loc la = kr_ra_interval_loc(ctx, a), lb = kr_ra_interval_loc(ctx, b);
            if (kr_ra_loc_eq(la, lb))
                continue;
            if (lb.kind == KR_RA_STACK && vr->store_pos >= 0 && s >= vr->store_pos)
                continue;
            if (s & 1)
                return kr_ra_fail(ctx, "internal error: v%d split at odd position %d", v, s);
            if (kr_ra_grow(ctx, (void **)pm, cap, *npm + 1, sizeof **pm))
                return -1;
            (*pm)[*npm] = (pending){s, *npm, {.dst = lb, .src = la, .cls = vr->cls}};
            (*npm)++;
        }
    }
    return 0;
}

/* Step 3, with the vregs live into each block (those whose ranges cover its first position, less
 * its phis) found from the ranges: O(ranges log blocks + pairs). */
static int edge_moves(kr_ra_ctx *ctx)
{
    int nb = ctx->nblocks;
    int *count = kr_ra_alloc(ctx, sizeof(int) * (size_t)(nb + 1));
    int *phi_block = kr_ra_alloc(ctx, sizeof(int) * (size_t)(ctx->nvregs ? ctx->nvregs : 1));
    if (!count || !phi_block)
        return -1;
    for (int v = 0; v < ctx->nvregs; v++)
        phi_block[v] = -1;
    for (int i = 0; i < ctx->nphis; i++)
        phi_block[ctx->phis[i].vreg] = ctx->phis[i].block;
    int *livein = NULL;
    for (int pass = 0; pass < 2; pass++) { /* count, then fill */
        int total = 0;
        if (pass == 1) {
            for (int b = 0; b <= nb; b++) {
                int c = count[b];
                count[b] = total;
                total += c;
            }
            livein = kr_ra_alloc(ctx, sizeof(int) * (size_t)(total ? total : 1));
            if (!livein)
                return -1;
        }
        for (int v = 0; v < ctx->nvregs; v++) {
            const kr_ra_vreg *vr = &ctx->vregs[v];
            for (int r = 0; r < vr->nranges; r++) {
                int lo = 0, hi = nb; /* the first block starting at or after the range */
                while (lo < hi) {
                    int mid = (lo + hi) / 2;
                    if (ctx->blocks[mid].from < vr->ranges[r].from)
                        lo = mid + 1;
                    else
                        hi = mid;
                }
                for (int b = lo; b < nb && ctx->blocks[b].from < vr->ranges[r].to; b++) {
                    if (phi_block[v] == b)
                        continue;
                    if (pass == 0)
                        count[b]++;
                    else
                        livein[count[b]++] = v;
                }
            }
        }
        if (pass == 1) /* count[b] is now the end of block b's list, the start of b + 1's */
            for (int b = nb; b > 0; b--)
                count[b] = count[b - 1];
        if (pass == 1)
            count[0] = 0;
    }
    mvec mv = {0};
    int rc = -1;
    for (int p = 0; p < nb; p++) {
        const kr_ra_block *pb = &ctx->blocks[p];
        for (int si = 0; si < pb->nsuccs; si++) {
            int s = pb->succs[si];
            const kr_ra_block *sb = &ctx->blocks[s];
            int j = 0;
            while (sb->preds[j] != p)
                j++;
            mv.n = 0;
            for (int k = 0; k < sb->nphis; k++) {
                const kr_ra_phi *ph = &ctx->phis[ctx->phi_order[sb->first_phi + k]];
                kr_ra_loc dst = kr_ra_location_at(ctx, ph->vreg, sb->from);
                if (dst.kind == KR_RA_NONE) {
                    kr_ra_fail(ctx, "phi v%d is not live at the start of block %d", ph->vreg, s);
                    goto out;
                }
                const kr_ra_phi_input *in = &ph->inputs[j];
                kr_ra_loc src = {KR_RA_CONST, 0};
                if (in->vreg >= 0) {
                    src = kr_ra_location_at(ctx, in->vreg, pb->to - 1);
                    if (src.kind == KR_RA_NONE) {
                        kr_ra_fail(ctx, "phi v%d: input v%d is not live at the end of block %d", ph->vreg, in->vreg,
                                   p);
                        goto out;
                    }
                    if (kr_ra_loc_eq(src, dst))
                        continue;
                }
                if (mvec_push(ctx, &mv, dst, src, in->vreg >= 0 ? 0 : in->imm, ctx->vregs[ph->vreg].cls))
                    goto out;
            }
            for (int k = count[s]; k < count[s + 1]; k++) {
                int v = livein[k];
                kr_ra_loc src = kr_ra_location_at(ctx, v, pb->to - 1), dst = kr_ra_location_at(ctx, v, sb->from);
                if (src.kind == KR_RA_NONE) {
                    kr_ra_fail(ctx, "v%d is live into block %d but not out of its predecessor %d", v, s, p);
                    goto out;
                }
                if (kr_ra_loc_eq(src, dst))
                    continue;
                if (dst.kind == KR_RA_STACK && ctx->vregs[v].store_pos >= 0)
                    continue; /* the SSA store already put the value there */
                if (mvec_push(ctx, &mv, dst, src, 0, ctx->vregs[v].cls))
                    goto out;
            }
            if (!mv.n)
                continue;
            kr_ra_place place = pb->nsuccs == 1   ? KR_RA_PRED_END
                                : sb->npreds == 1 ? KR_RA_SUCC_START
                                                  : KR_RA_ON_EDGE;
            if (add_group(ctx, place, -1, p, s, mv.a, mv.n))
                goto out;
        }
    }
    rc = 0;
out:
    free(mv.a);
    return rc;
}

int kr_ra_resolve(kr_ra_ctx *ctx)
{
    if (!ctx->slots_done)
        return kr_ra_fail(ctx, "kr_ra_resolve: run kr_ra_assign_slots first");
    ctx->ngroups = 0;
    ctx->resolved = false;
    pending *pm = NULL;
    int npm = 0, cap = 0, rc = -1;
    mvec mv = {0};
    if (ssa_stores(ctx, &pm, &npm, &cap) || split_moves(ctx, &pm, &npm, &cap))
        goto out;
    if (npm)
        qsort(pm, (size_t)npm, sizeof *pm, cmp_pending);
    for (int i = 0; i < npm;) {
        int j = i;
        mv.n = 0;
        for (; j < npm && pm[j].pos == pm[i].pos; j++)
            if (mvec_push(ctx, &mv, pm[j].m.dst, pm[j].m.src, 0, pm[j].m.cls))
                goto out;
        if (add_group(ctx, KR_RA_AT_POS, pm[i].pos, -1, -1, mv.a, mv.n))
            goto out;
        i = j;
    }
    if (edge_moves(ctx))
        goto out;
    ctx->resolved = true;
    rc = 0;
out:
    free(pm);
    free(mv.a);
    return rc;
}
