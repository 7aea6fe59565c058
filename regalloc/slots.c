/* slots.c: kr_ra_assign_slots, frame slots for spilled vregs.
 *
 * Every vreg with a piece on the stack gets one 8-byte slot for all its pieces (C1's canonical spill
 * slot), so a value never moves between slots. The slot is needed over a lifetime: the span of the
 * vreg's stack pieces, or with KR_RA_SSA for a vreg defined once, the span of the whole vreg (it is
 * stored once after the definition and read by every later reload). With KR_RA_REUSE_SLOTS,
 * vregs whose lifetimes are disjoint share a slot: interval-graph colouring by start position, the
 * lowest free slot first, O(n log n). */
#include <stdlib.h>

#include "regalloc/regalloc_internal.h"

typedef struct life {
    int from, to, vreg;
} life;

static int cmp_life(const void *a, const void *b)
{
    const life *x = a, *y = b;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return x->vreg - y->vreg;
}

/* A binary min-heap of ints, keyed by key[] (or by the value itself when key is NULL). */
typedef struct iheap {
    int *a, n;
    const int *key;
} iheap;

static int hkey(const iheap *h, int v) { return h->key ? h->key[v] : v; }

static void hpush(iheap *h, int v)
{
    int i = h->n++;
    h->a[i] = v;
    while (i > 0 && hkey(h, h->a[i]) < hkey(h, h->a[(i - 1) / 2])) {
        int t = h->a[i];
        h->a[i] = h->a[(i - 1) / 2];
        h->a[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
}

static int hpop(iheap *h)
{
    int top = h->a[0];
    h->a[0] = h->a[--h->n];
    for (int i = 0;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && hkey(h, h->a[l]) < hkey(h, h->a[m]))
            m = l;
        if (r < h->n && hkey(h, h->a[r]) < hkey(h, h->a[m]))
            m = r;
        if (m == i)
            break;
        int t = h->a[i];
        h->a[i] = h->a[m];
        h->a[m] = t;
        i = m;
    }
    return top;
}

int kr_ra_assign_slots(kr_ra_ctx *ctx)
{
    if (!ctx->allocated)
        return kr_ra_fail(ctx, "kr_ra_assign_slots: no allocation");
    ctx->resolved = false;
    int n = 0;
    life *lives = kr_ra_alloc(ctx, sizeof *lives * (size_t)(ctx->nvregs ? ctx->nvregs : 1));
    if (!lives)
        return -1;
    for (int v = 0; v < ctx->nvregs; v++) {
        kr_ra_vreg *vr = &ctx->vregs[v];
        vr->slot = -1;
        int from = KR_RA_INF, to = -1;
        for (kr_ra_interval *it = vr->first; it; it = it->next) {
            if (!it->stack)
                continue;
            if (kr_ra_start(it) < from)
                from = kr_ra_start(it);
            if (kr_ra_end(it) > to)
                to = kr_ra_end(it);
        }
        if (to < 0)
            continue;
        if ((ctx->target.flags & KR_RA_SSA) && vr->ndefs == 1) {
            from = kr_ra_start(vr->first);
            to = kr_ra_end(vr->children[vr->nchildren - 1]);
        }
        lives[n++] = (life){from, to, v};
    }
    if (!(ctx->target.flags & KR_RA_REUSE_SLOTS)) {
        for (int i = 0; i < n; i++)
            ctx->vregs[lives[i].vreg].slot = i;
        ctx->nslots = n;
        ctx->slots_done = true;
        return 0;
    }
    qsort(lives, (size_t)n, sizeof *lives, cmp_life);
    int *slot_end = kr_ra_alloc(ctx, sizeof(int) * (size_t)(n ? n : 1));
    int *busy_a = kr_ra_alloc(ctx, sizeof(int) * (size_t)(n ? n : 1));
    int *free_a = kr_ra_alloc(ctx, sizeof(int) * (size_t)(n ? n : 1));
    if (!slot_end || !busy_a || !free_a)
        return -1;
    iheap busy = {busy_a, 0, slot_end}, freed = {free_a, 0, NULL};
    int nslots = 0;
    for (int i = 0; i < n; i++) {
        /* Invariant: busy holds the slots whose lifetime has not ended at lives[i].from. */
        while (busy.n && slot_end[busy.a[0]] <= lives[i].from)
            hpush(&freed, hpop(&busy));
        int s = freed.n ? hpop(&freed) : nslots++;
        slot_end[s] = lives[i].to;
        hpush(&busy, s);
        ctx->vregs[lives[i].vreg].slot = s;
    }
    ctx->nslots = nslots;
    ctx->slots_done = true;
    return 0;
}
