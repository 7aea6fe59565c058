/* linear_scan.c: kr_ra_linear_scan, the allocation proper.
 *
 * Wimmer & Mössenböck 2005, "Optimized Interval Splitting in a Linear Scan Register Allocator",
 * section 4 (LinearScan, TryAllocateFreeReg, AllocateBlockedReg), with the refinements of HotSpot's
 * C1 allocator that the paper describes: best-fit choice of a free register, splitting at block
 * boundaries of lower loop depth, and evicted inactive intervals getting a new chance at a register.
 *
 * Invariants of the walk, with position = start of the interval being allocated ("current"):
 *   - unhandled holds intervals starting at or after position, ordered by (start, seq);
 *   - active holds register intervals (fixed ones too) covering position; inactive holds those that
 *     started before position, end after it and are in a lifetime hole at position;
 *   - no two intervals of active or inactive with the same register intersect.
 * Moves only go at even positions (between instructions), so an interval evicted at an odd position
 * is split at the even position just before it: it must not need its register in that window
 * [position & ~1, (position & ~1) + 1]; such a register counts as blocked. The exception is a move
 * to the stack of an SSA value after its store-once spill store (Wimmer & Franz 2010, section 4.4):
 * its slot already holds the value, no move is needed, and the split may be at the odd position
 * itself (spill_split_ok). That is what lets a value read at 2k by an instruction that clobbers every
 * register of its class at 2k+1 (a call taking a double, with no callee-saved xmm register) and that
 * lives on keep its register for the read and spend the call in its slot. */
#include <stdlib.h>

#include "regalloc/regalloc_internal.h"

typedef struct ivec {
    kr_ra_interval **a;
    int n, cap;
} ivec;

/* A phi relation seen from one of its ends: the other vreg, and the position where that one's
 * register is the one a move on the edge would read or write (a phi's input at its predecessor's
 * end, a phi at its block's start). */
typedef struct partner {
    int vreg, pos;
    int weight; /* its vote: 2 for a phi's input, 1 for the phi an input feeds (see votes) */
} partner;

typedef struct scan {
    kr_ra_ctx *ctx;
    ivec unhandled; /* a binary heap */
    ivec active, inactive;
    /* Phi partners of each vreg, compressed rows: those of v are partners[first[v] .. first[v+1]). */
    int *partner_first;
    partner *partners;
} scan;

static int ivec_push(kr_ra_ctx *ctx, ivec *v, kr_ra_interval *it)
{
    if (kr_ra_grow(ctx, (void **)&v->a, &v->cap, v->n + 1, sizeof *v->a))
        return -1;
    v->a[v->n++] = it;
    return 0;
}

static void ivec_remove(ivec *v, int i) { v->a[i] = v->a[--v->n]; }

static bool before(const kr_ra_interval *a, const kr_ra_interval *b)
{
    int sa = kr_ra_start(a), sb = kr_ra_start(b);
    return sa < sb || (sa == sb && a->seq < b->seq);
}

static int heap_push(scan *s, kr_ra_interval *it)
{
    if (!it)
        return -1;
    ivec *h = &s->unhandled;
    if (ivec_push(s->ctx, h, it))
        return -1;
    int i = h->n - 1;
    while (i > 0 && before(h->a[i], h->a[(i - 1) / 2])) {
        kr_ra_interval *t = h->a[i];
        h->a[i] = h->a[(i - 1) / 2];
        h->a[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
    return 0;
}

static kr_ra_interval *heap_pop(scan *s)
{
    ivec *h = &s->unhandled;
    kr_ra_interval *top = h->a[0];
    h->a[0] = h->a[--h->n];
    for (int i = 0;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && before(h->a[l], h->a[m]))
            m = l;
        if (r < h->n && before(h->a[r], h->a[m]))
            m = r;
        if (m == i)
            break;
        kr_ra_interval *t = h->a[i];
        h->a[i] = h->a[m];
        h->a[m] = t;
        i = m;
    }
    return top;
}

static bool usable(const kr_ra_ctx *ctx, int r, kr_ra_class cls)
{
    return (ctx->target.allocatable >> r & 1) && ctx->target.reg_class[r] == cls;
}

/* The best position in [lo, hi] to split it at: the latest valid one, unless a block boundary of
 * lower loop depth lies in between; then the latest boundary of the lowest depth, so that the move
 * lands on a loop's entry edge rather than inside it (Wimmer & Mössenböck 2005, section 4.3; C1's
 * find_optimal_split_pos). -1 if no valid position. */
static int optimal_split(scan *s, const kr_ra_interval *it, int lo, int hi)
{
    const kr_ra_ctx *ctx = s->ctx;
    int best = kr_ra_split_pos_le(it, lo, hi);
    if (best < 0)
        return -1;
    int bhi = kr_ra_block_at(ctx, best), blo = kr_ra_block_at(ctx, lo);
    if (bhi < 0 || blo < 0 || bhi == blo)
        return best;
    int depth = ctx->blocks[bhi].depth, cand = -1;
    for (int b = bhi - 1; b >= blo; b--) {
        if (ctx->blocks[b].depth < depth) {
            depth = ctx->blocks[b].depth;
            cand = ctx->blocks[b + 1].from;
        }
    }
    if (cand >= lo && kr_ra_valid_split(it, cand))
        return cand;
    return best;
}

/* Can it be split at pos with the part from pos on going to the stack? Where kr_ra_valid_split
 * says so, or inside a range at an odd position, where no move can go, when the vreg's slot holds
 * the value there already (kr_ra_ssa_store_pos). */
static bool spill_split_ok(const kr_ra_ctx *ctx, const kr_ra_interval *it, int pos)
{
    if (kr_ra_valid_split(it, pos))
        return true;
    return pos > kr_ra_start(it) && pos < kr_ra_end(it) && kr_ra_ssa_store_pos(ctx, it->vreg) <= pos;
}

enum {
    MAX_HINTS = 8,      /* registers tried in order before best fit */
    PHI_HINT_DEPTH = 3, /* phi relations followed through vregs not allocated yet */
    PHI_HINT_VISITS = 64,
};

/* Phi hints (Wimmer & Franz 2010, section 5; HotSpot C1 and Cinder hint each phi input to its phi
 * and the phi to its inputs): a vreg prefers the register its phi partners have where the edge move
 * would go, so that the move on that edge vanishes. A loop-carried value then keeps one register
 * around the loop, and an edge left with no move needs no edge-split block. One of the ends is
 * allocated first; when the partner has no register yet (a header phi's back-edge input is defined
 * in the body, before the latch's phi that feeds it is allocated), its own partners are asked, up
 * to PHI_HINT_DEPTH relations away. */
static int build_partners(scan *s)
{
    kr_ra_ctx *ctx = s->ctx;
    int nv = ctx->nvregs, total = 0;
    s->partner_first = calloc((size_t)nv + 1, sizeof *s->partner_first);
    if (!s->partner_first)
        return kr_ra_oom(ctx);
    for (int i = 0; i < ctx->nphis; i++) {
        const kr_ra_phi *ph = &ctx->phis[i];
        for (int k = 0; k < ph->ninputs; k++) {
            if (ph->inputs[k].vreg < 0 || ph->inputs[k].vreg == ph->vreg)
                continue;
            s->partner_first[ph->vreg + 1]++;
            s->partner_first[ph->inputs[k].vreg + 1]++;
            total += 2;
        }
    }
    for (int v = 0; v < nv; v++)
        s->partner_first[v + 1] += s->partner_first[v];
    s->partners = malloc(sizeof *s->partners * (size_t)(total ? total : 1));
    int *fill = malloc(sizeof *fill * (size_t)(nv ? nv : 1));
    if (!s->partners || !fill) {
        free(fill);
        return kr_ra_oom(ctx);
    }
    for (int v = 0; v < nv; v++)
        fill[v] = s->partner_first[v];
    for (int i = 0; i < ctx->nphis; i++) {
        const kr_ra_phi *ph = &ctx->phis[i];
        const kr_ra_block *b = &ctx->blocks[ph->block];
        for (int k = 0; k < ph->ninputs && k < b->npreds; k++) {
            int in = ph->inputs[k].vreg;
            if (in < 0 || in == ph->vreg)
                continue;
            s->partners[fill[ph->vreg]++] = (partner){in, ctx->blocks[b->preds[k]].to - 1, 2};
            s->partners[fill[in]++] = (partner){ph->vreg, b->from, 1};
        }
    }
    free(fill);
    return 0;
}

/* The register of the allocated piece of vreg covering pos, or -1. */
static int reg_at(const kr_ra_ctx *ctx, int vreg, int pos)
{
    for (const kr_ra_interval *p = ctx->vregs[vreg].first; p && kr_ra_start(p) <= pos; p = p->next)
        if (kr_ra_covers(p, pos))
            return p->reg;
    return -1;
}

static void add_hint(int *hints, int *n, int reg)
{
    if (reg < 0 || *n >= MAX_HINTS)
        return;
    for (int i = 0; i < *n; i++)
        if (hints[i] == reg)
            return;
    hints[(*n)++] = reg;
}

/* Phi hints vote: a register held by more partners saves more moves. A phi's inputs weigh more than
 * the phi an input feeds: a loop's latch phi then follows the values joining it on forward edges,
 * where a move would need an edge-split block (a jump on the hot path), and the one move left goes to
 * the back edge, at the end of the latch, among the moves that are there anyway. */
typedef struct votes {
    int count[KR_RA_MAX_REGS];
    int order[KR_RA_MAX_REGS]; /* registers in the order of their first vote */
    int n;
} votes;

static void phi_hints(const scan *s, int vreg, int depth, int *visits, votes *vo)
{
    if (!s->partner_first)
        return;
    for (int i = s->partner_first[vreg]; i < s->partner_first[vreg + 1] && *visits > 0; i++) {
        const partner *pa = &s->partners[i];
        --*visits;
        int reg = reg_at(s->ctx, pa->vreg, pa->pos);
        if (reg >= 0) {
            if (!vo->count[reg])
                vo->order[vo->n++] = reg;
            vo->count[reg] += pa->weight;
        } else if (depth > 1) {
            phi_hints(s, pa->vreg, depth - 1, visits, vo);
        }
    }
}

/* The registers current would like, best first: the one its previous piece had (no move at the
 * split), the client's hint, the register of the hinted vreg where that one ended (a move's source),
 * then its phi partners' registers, most votes first. Returns how many. */
static int hints_of(const scan *s, const kr_ra_interval *cur, int hints[MAX_HINTS])
{
    const kr_ra_ctx *ctx = s->ctx;
    const kr_ra_vreg *vr = &ctx->vregs[cur->vreg];
    int n = 0;
    if (cur->prev)
        add_hint(hints, &n, cur->prev->reg);
    add_hint(hints, &n, vr->hint_reg);
    if (vr->hint_vreg >= 0) {
        int reg = -1;
        for (const kr_ra_interval *p = ctx->vregs[vr->hint_vreg].first; p && kr_ra_start(p) < kr_ra_start(cur);
             p = p->next)
            reg = p->reg;
        add_hint(hints, &n, reg);
    }
    votes vo;
    vo.n = 0;
    for (int r = 0; r < KR_RA_MAX_REGS; r++)
        vo.count[r] = 0;
    int visits = PHI_HINT_VISITS;
    phi_hints(s, cur->vreg, PHI_HINT_DEPTH, &visits, &vo);
    for (int k = 0; k < vo.n; k++) { /* the most voted first; first come first among equals */
        int best = -1;
        for (int i = 0; i < vo.n; i++)
            if (vo.count[vo.order[i]] > 0 && (best < 0 || vo.count[vo.order[i]] > vo.count[best]))
                best = vo.order[i];
        add_hint(hints, &n, best);
        vo.count[best] = 0;
    }
    return n;
}

/* Registers current's vreg v should not take when another fits as well: when v is phi P's input on
 * the edge from P's block's k-th predecessor and another phi Q of that block takes P on the same edge
 * (Q <- P), the register Q has at the block's start. With v there, that edge's moves are Q <- P and
 * P <- v: a cycle, which costs a third move through the scratch register. (A counted loop: the
 * previous item takes the current value, the current value its successor, which is computed where
 * the previous item's register is free.) */
static uint64_t cycle_regs(const scan *s, int v)
{
    const kr_ra_ctx *ctx = s->ctx;
    uint64_t avoid = 0;
    if (!s->partner_first)
        return 0;
    for (int i = s->partner_first[v]; i < s->partner_first[v + 1]; i++) {
        if (s->partners[i].weight != 1)
            continue; /* v is a phi here, not an input */
        for (int p = 0; p < ctx->nphis; p++) {
            const kr_ra_phi *ph = &ctx->phis[p];
            if (ph->vreg != s->partners[i].vreg)
                continue;
            const kr_ra_block *b = &ctx->blocks[ph->block];
            for (int k = 0; k < ph->ninputs; k++) {
                if (ph->inputs[k].vreg != v)
                    continue;
                for (int j = 0; j < b->nphis; j++) {
                    const kr_ra_phi *q = &ctx->phis[ctx->phi_order[b->first_phi + j]];
                    if (q != ph && k < q->ninputs && q->inputs[k].vreg == ph->vreg) {
                        int r = reg_at(ctx, q->vreg, b->from);
                        if (r >= 0)
                            avoid |= (uint64_t)1 << r;
                    }
                }
            }
        }
    }
    return avoid;
}

/* An evicted piece goes to the stack until just before its next use that needs a register; that
 * part goes back to unhandled. Reloads come after position. */
static int spill_part(scan *s, kr_ra_interval *part, int position)
{
    part->reg = -1;
    part->stack = true;
    int u = kr_ra_next_use(part, kr_ra_start(part), true);
    if (u == KR_RA_INF)
        return 0;
    int sp = optimal_split(s, part, position + 1, u);
    if (sp < 0)
        return kr_ra_fail(s->ctx, "v%d: cannot reload before its use at %d", part->vreg, u);
    return heap_push(s, kr_ra_split(s->ctx, part, sp));
}

/* TryAllocateFreeReg: 1 if current got a register for (a prefix of) its lifetime, 0 if none is free
 * at its start, -1 on error. */
static int try_free(scan *s, kr_ra_interval *cur)
{
    kr_ra_ctx *ctx = s->ctx;
    int nregs = ctx->target.num_regs, start = kr_ra_start(cur), end = kr_ra_end(cur);
    int free_until[KR_RA_MAX_REGS];
    for (int r = 0; r < nregs; r++)
        free_until[r] = usable(ctx, r, cur->cls) ? KR_RA_INF : -1;
    for (int i = 0; i < s->active.n; i++)
        if (free_until[s->active.a[i]->reg] > 0)
            free_until[s->active.a[i]->reg] = 0;
    for (int i = 0; i < s->inactive.n; i++) {
        kr_ra_interval *it = s->inactive.a[i];
        if (free_until[it->reg] > 0) {
            int q = kr_ra_next_intersection(it, cur, start);
            if (q < free_until[it->reg])
                free_until[it->reg] = q;
        }
    }
    int hints[MAX_HINTS], nhints = hints_of(s, cur, hints), reg = -1;
    int hint = nhints ? hints[0] : -1;
    for (int i = 0; i < nhints && reg < 0; i++)
        if (hints[i] < nregs && free_until[hints[i]] >= end)
            reg = hints[i];
    if (reg < 0) {
        /* Best fit: of the registers free for the whole lifetime, the one blocked soonest after it,
         * keeping long-free registers (callee-saved ones across calls) for those that need them;
         * one that would close a cycle of phi moves only when no other is free (cycle_regs). */
        uint64_t avoid = cycle_regs(s, cur->vreg);
        for (int pass = 0; pass < 2 && reg < 0; pass++)
            for (int r = 0; r < nregs; r++)
                if (free_until[r] >= end && (pass || !((avoid >> r) & 1)) &&
                    (reg < 0 || free_until[r] < free_until[reg]))
                    reg = r;
        if (reg < 0)
            for (int r = 0; r < nregs; r++)
                if (free_until[r] > start &&
                    (reg < 0 || free_until[r] > free_until[reg] || (free_until[r] == free_until[reg] && r == hint)))
                    reg = r;
    }
    if (reg < 0)
        return 0;
    if (free_until[reg] < end) {
        /* Free only for a prefix: keep the register until it is needed, the rest goes back to
         * unhandled. */
        int sp = optimal_split(s, cur, start + 1, free_until[reg]);
        if (sp >= 0) {
            if (heap_push(s, kr_ra_split(ctx, cur, sp)))
                return -1;
        } else if (kr_ra_next_use(cur, start, true) == start && spill_split_ok(ctx, cur, free_until[reg])) {
            /* Free only up to the odd position right after a read that needs it (a call's
             * clobbers at 2k+1): the register for the read, the slot, which holds the value
             * already, from there. */
            kr_ra_interval *rest = kr_ra_split(ctx, cur, free_until[reg]);
            if (!rest || spill_part(s, rest, free_until[reg]))
                return -1;
        } else {
            return 0;
        }
    }
    cur->reg = reg;
    return 1;
}

/* AllocateBlockedReg: no register is free at current's start. Either current goes to the stack
 * (until its first use that needs a register), or it takes the register whose other occupants are
 * used furthest ahead, and those are split and spilled. */
static int alloc_blocked(scan *s, kr_ra_interval *cur)
{
    kr_ra_ctx *ctx = s->ctx;
    int nregs = ctx->target.num_regs, start = kr_ra_start(cur), end = kr_ra_end(cur);
    int sp0 = start & ~1; /* where evicted active intervals are split */
    int use[KR_RA_MAX_REGS], block[KR_RA_MAX_REGS], evict[KR_RA_MAX_REGS];
    for (int r = 0; r < nregs; r++) {
        use[r] = block[r] = usable(ctx, r, cur->cls) ? KR_RA_INF : -1;
        evict[r] = sp0;
    }
    for (int i = 0; i < s->active.n; i++) {
        kr_ra_interval *it = s->active.a[i];
        int r = it->reg;
        if (use[r] < 0)
            continue;
        int ureg = it->fixed ? sp0 : kr_ra_next_use(it, sp0, true);
        if (!it->fixed && ureg == sp0 && start != sp0 && kr_ra_next_use(it, start, true) > start &&
            spill_split_ok(ctx, it, start))
            evict[r] = start; /* it keeps the register for its read at sp0, and its slot holds it after */
        else if (ureg <= sp0 + 1) {
            use[r] = block[r] = -1; /* cannot be taken at start */
            continue;
        }
        int u = kr_ra_next_use(it, evict[r], false);
        if (u < use[r])
            use[r] = u;
    }
    for (int i = 0; i < s->inactive.n; i++) {
        kr_ra_interval *it = s->inactive.a[i];
        int r = it->reg;
        if (use[r] < 0)
            continue;
        int q = kr_ra_next_intersection(it, cur, start);
        if (q == KR_RA_INF)
            continue;
        if (it->fixed) {
            if (q < block[r])
                block[r] = q;
            if (q < use[r])
                use[r] = q;
        } else {
            int u = kr_ra_next_use(it, start, false);
            if (u < use[r])
                use[r] = u;
        }
    }
    int ucur = kr_ra_next_use(cur, start, true);
    int reload = ucur == KR_RA_INF ? -1 : optimal_split(s, cur, start + 1, ucur);
    bool can_spill = ucur == KR_RA_INF || reload >= 0;
    int hints[MAX_HINTS], nhints = hints_of(s, cur, hints), reg = -1;
    int hint = nhints ? hints[0] : -1;
    for (int r = 0; r < nregs; r++) {
        if (block[r] <= start)
            continue;
        if (block[r] < end && kr_ra_split_pos_le(cur, start + 1, block[r]) < 0 &&
            !(ucur == start && spill_split_ok(ctx, cur, block[r])))
            continue;
        if (reg < 0 || use[r] > use[reg] || (use[r] == use[reg] && r == hint))
            reg = r;
    }
    if (reg < 0 || (can_spill && use[reg] < ucur)) {
        /* Every other candidate is used before current needs a register: spill current. */
        if (!can_spill)
            return kr_ra_fail(ctx, "no register for v%d at %d: every register is blocked there", cur->vreg,
                              ucur);
        cur->stack = true;
        return ucur == KR_RA_INF ? 0 : heap_push(s, kr_ra_split(ctx, cur, reload));
    }
    cur->reg = reg;
    if (block[reg] < end) { /* a fixed interval takes the register back later */
        int sp = optimal_split(s, cur, start + 1, block[reg]);
        if (sp >= 0) {
            if (heap_push(s, kr_ra_split(ctx, cur, sp)))
                return -1;
        } else { /* taken back right after current's read: the rest waits in its slot */
            kr_ra_interval *rest = kr_ra_split(ctx, cur, block[reg]);
            if (!rest || spill_part(s, rest, block[reg]))
                return -1;
        }
    }
    /* Evict the other occupants of reg that intersect current. */
    for (int i = 0; i < s->active.n;) {
        kr_ra_interval *it = s->active.a[i];
        if (it->fixed || it->reg != reg) {
            i++;
            continue;
        }
        ivec_remove(&s->active, i);
        kr_ra_interval *part = evict[reg] <= kr_ra_start(it) ? it : kr_ra_split(ctx, it, evict[reg]);
        if (!part || spill_part(s, part, start))
            return -1;
    }
    for (int i = 0; i < s->inactive.n;) {
        kr_ra_interval *it = s->inactive.a[i];
        if (it->fixed || it->reg != reg || kr_ra_next_intersection(it, cur, start) == KR_RA_INF) {
            i++;
            continue;
        }
        /* In a lifetime hole at start: no move is needed, and no slot either for now; the part
         * after the hole gets a new chance at a register (C1's split_and_spill_interval). */
        ivec_remove(&s->inactive, i);
        if (heap_push(s, kr_ra_split(ctx, it, start)))
            return -1;
    }
    return 0;
}

int kr_ra_linear_scan(kr_ra_ctx *ctx)
{
    if (kr_ra_begin_run(ctx))
        return -1;
    ctx->algo = KR_RA_LINEAR_SCAN;
    scan s = {.ctx = ctx};
    int rc = -1, last = -1;
    if (build_partners(&s))
        goto out;
    for (int v = 0; v < ctx->nvregs; v++)
        if (ctx->vregs[v].first && heap_push(&s, ctx->vregs[v].first))
            goto out;
    for (int r = 0; r < ctx->target.num_regs; r++)
        if (ctx->fixed[r] && ivec_push(ctx, &s.inactive, ctx->fixed[r]))
            goto out;
    while (s.unhandled.n) {
        kr_ra_interval *cur = heap_pop(&s);
        int pos = kr_ra_start(cur);
        if (pos < last) {
            kr_ra_fail(ctx, "internal error: v%d at %d is behind position %d", cur->vreg, pos, last);
            goto out;
        }
        last = pos;
        for (int i = 0; i < s.active.n;) {
            kr_ra_interval *it = s.active.a[i];
            if (kr_ra_end(it) <= pos) {
                ivec_remove(&s.active, i);
            } else if (!kr_ra_covers(it, pos)) {
                ivec_remove(&s.active, i);
                if (ivec_push(ctx, &s.inactive, it))
                    goto out;
            } else {
                i++;
            }
        }
        for (int i = 0; i < s.inactive.n;) {
            kr_ra_interval *it = s.inactive.a[i];
            if (kr_ra_end(it) <= pos) {
                ivec_remove(&s.inactive, i);
            } else if (kr_ra_covers(it, pos)) {
                ivec_remove(&s.inactive, i);
                if (ivec_push(ctx, &s.active, it))
                    goto out;
            } else {
                i++;
            }
        }
        int got = try_free(&s, cur);
        if (got < 0 || (got == 0 && alloc_blocked(&s, cur) < 0))
            goto out;
        if (cur->reg >= 0 && ivec_push(ctx, &s.active, cur))
            goto out;
    }
    rc = kr_ra_finish_run(ctx);
out:
    free(s.unhandled.a);
    free(s.active.a);
    free(s.inactive.a);
    free(s.partner_first);
    free(s.partners);
    return rc;
}
