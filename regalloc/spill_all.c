/* spill_all.c: kr_ra_spill_all, the reference allocator for differential tests.
 *
 * Every vreg lives in its frame slot. Around each use or definition that needs a register, the
 * vreg is split so that a short piece covering just that instruction ([2k, 2k+2) clipped to its
 * ranges) is in a register: the moves kr_ra_resolve then produces at those splits are exactly the
 * loads before the instruction and the stores after it that a spill-everything code generator
 * emits. A read of an SSA value whose slot holds it already (kr_ra_ssa_store_pos) keeps the
 * register only for the read, [2k, 2k+1): nothing needs storing after it, and the instruction may
 * clobber every register of the class at 2k+1 (a call taking a double) while the value lives on. The register pieces of one instruction get distinct registers, avoiding fixed intervals,
 * best fit first. No heuristics, no interaction between instructions: easy to trust. */
#include <stdlib.h>

#include "regalloc/regalloc_internal.h"

static int cmp_piece(const void *a, const void *b)
{
    const kr_ra_interval *x = *(kr_ra_interval *const *)a, *y = *(kr_ra_interval *const *)b;
    int sx = kr_ra_start(x), sy = kr_ra_start(y);
    if (sx != sy)
        return sx < sy ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The first position >= from covered by the fixed interval, or KR_RA_INF. */
static int next_blocked(const kr_ra_interval *fixed, int from)
{
    if (!fixed)
        return KR_RA_INF;
    int i = kr_ra_range_index(fixed, from);
    if (i >= fixed->nranges)
        return KR_RA_INF;
    return fixed->ranges[i].from > from ? fixed->ranges[i].from : from;
}

int kr_ra_spill_all(kr_ra_ctx *ctx)
{
    if (kr_ra_begin_run(ctx))
        return -1;
    ctx->algo = KR_RA_SPILL_ALL;
    kr_ra_interval **pieces = NULL;
    int npieces = 0, cap = 0, rc = -1;
    for (int v = 0; v < ctx->nvregs; v++) {
        kr_ra_interval *cur = ctx->vregs[v].first;
        if (!cur)
            continue;
        cur->stack = true;
        const kr_ra_vreg *vr = &ctx->vregs[v];
        for (int i = 0; i < vr->nuses; i++) {
            if (!kr_ra_use_needs_reg(vr->uses[i].kind))
                continue;
            int from = vr->uses[i].pos & ~1, to = from + 2;
            if (vr->uses[i].pos == from && kr_ra_ssa_store_pos(ctx, v) <= from)
                to = from + 1;
            if (vr->uses[i].pos < kr_ra_start(cur)) /* in the previous use's register piece */
                continue;
            if (from > kr_ra_start(cur)) {
                cur = kr_ra_split(ctx, cur, from);
                if (!cur)
                    goto out;
            }
            kr_ra_interval *piece = cur;
            piece->stack = false;
            if (to < kr_ra_end(cur)) {
                cur = kr_ra_split(ctx, cur, to);
                if (!cur)
                    goto out;
                cur->stack = true;
            }
            if (kr_ra_grow(ctx, (void **)&pieces, &cap, npieces + 1, sizeof *pieces))
                goto out;
            pieces[npieces++] = piece;
        }
    }
    qsort(pieces, (size_t)npieces, sizeof *pieces, cmp_piece);
    int busy_until[KR_RA_MAX_REGS];
    for (int r = 0; r < KR_RA_MAX_REGS; r++)
        busy_until[r] = -1;
    for (int i = 0; i < npieces; i++) {
        kr_ra_interval *p = pieces[i];
        int start = kr_ra_start(p), end = kr_ra_end(p), best = -1, best_free = 0;
        for (int r = 0; r < ctx->target.num_regs; r++) {
            if (!(ctx->target.allocatable >> r & 1) || ctx->target.reg_class[r] != p->cls || busy_until[r] > start)
                continue;
            if (ctx->fixed[r] && kr_ra_next_intersection(ctx->fixed[r], p, start) != KR_RA_INF)
                continue;
            int free_after = next_blocked(ctx->fixed[r], end);
            if (best < 0 || free_after < best_free) {
                best = r;
                best_free = free_after;
            }
        }
        if (best < 0) {
            kr_ra_fail(ctx, "spill_all: no register for v%d at %d", p->vreg, start);
            goto out;
        }
        p->reg = best;
        busy_until[best] = end;
    }
    rc = kr_ra_finish_run(ctx);
out:
    free(pieces);
    return rc;
}
