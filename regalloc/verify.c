/* verify.c: kr_ra_verify, an independent check of an allocation and its moves.
 *
 * It trusts nothing the allocator computed but the result itself (pieces, locations, move groups):
 *   1. the pieces of every vreg partition its ranges and uses; every piece has one location of the
 *      right class; a use or definition that needs a register has one;
 *   2. no two pieces, or a piece and a fixed interval, share a register at the same position;
 *   3. a simulation over the blocks: an abstract state maps every location (register or slot) to the
 *      vreg whose current value it holds, or to "unknown". Moves copy, definitions write (and make
 *      older copies of that vreg stale), fixed intervals clobber, edges apply their moves and their
 *      phis. States meet at block entries (a location keeps a vreg only if every predecessor agrees)
 *      until a fixed point; then every use must find its vreg in the location the allocation gives
 *      it there, and every phi must receive its input's value.
 * In the style of the checkers of production allocators (LLVM's MachineVerifier with live
 * intervals, Cranelift's regalloc2 checker). */
#include <stdlib.h>
#include <string.h>

#include "regalloc/regalloc_internal.h"

#define UNK (-1)

enum { EV_MOVES, EV_USE, EV_CLOBBER, EV_DEF };

typedef struct event {
    int block, pos, order, a, b;
} event;

static int cmp_event(const void *x, const void *y)
{
    const event *p = x, *q = y;
    if (p->block != q->block)
        return p->block < q->block ? -1 : 1;
    if (p->pos != q->pos)
        return p->pos < q->pos ? -1 : 1;
    if (p->order != q->order)
        return p->order < q->order ? -1 : 1;
    return p->a < q->a ? -1 : p->a > q->a;
}

typedef struct span {
    int reg, from, to, owner; /* owner: a vreg, or -1 for a fixed interval */
} span;

static int cmp_span(const void *x, const void *y)
{
    const span *p = x, *q = y;
    if (p->reg != q->reg)
        return p->reg < q->reg ? -1 : 1;
    if (p->from != q->from)
        return p->from < q->from ? -1 : 1;
    return p->to < q->to ? -1 : p->to > q->to;
}

typedef struct vf {
    kr_ra_ctx *ctx;
    int nloc;
    event *ev;
    int nev, cap_ev;
    int *ev_first; /* per block, into ev (nblocks + 1 entries) */
    int *edge_group; /* per block, per successor index: a move group or -1 */
    int *edge_first;
    int *tag;
    char buf1[32], buf2[32];
} vf;

static int loc_index(const vf *f, kr_ra_loc l)
{
    if (l.kind == KR_RA_REG)
        return l.index;
    if (l.kind == KR_RA_STACK)
        return f->ctx->target.num_regs + l.index;
    return -1;
}

static const char *loc_name(vf *f, char *buf, kr_ra_loc l)
{
    kr_ra_format_loc(&f->ctx->target, l, buf, sizeof f->buf1);
    return buf;
}

static const char *held(vf *f, int v)
{
    if (v == UNK)
        return "an unknown value";
    snprintf(f->buf2, sizeof f->buf2, "v%d", v);
    return f->buf2;
}

static int add_event(vf *f, int block, int pos, int order, int a, int b)
{
    if (kr_ra_grow(f->ctx, (void **)&f->ev, &f->cap_ev, f->nev + 1, sizeof *f->ev))
        return -1;
    f->ev[f->nev++] = (event){block, pos, order, a, b};
    return 0;
}

/* 1. */
static int check_pieces(vf *f)
{
    kr_ra_ctx *ctx = f->ctx;
    const kr_ra_target *t = &ctx->target;
    for (int v = 0; v < ctx->nvregs; v++) {
        const kr_ra_vreg *vr = &ctx->vregs[v];
        if (!vr->nranges)
            continue;
        if (!vr->nchildren)
            return kr_ra_fail(ctx, "verify: v%d has no pieces", v);
        int k = 0, from = -1, to = -1, nu = 0, last_to = -1;
        for (int i = 0; i < vr->nchildren; i++) {
            const kr_ra_interval *it = vr->children[i];
            if (it->vreg != v || !it->nranges)
                return kr_ra_fail(ctx, "verify: v%d has a bad piece", v);
            for (int r = 0; r < it->nranges; r++) {
                kr_ra_range rg = it->ranges[r];
                if (rg.from >= rg.to || rg.from < last_to)
                    return kr_ra_fail(ctx, "verify: v%d: pieces overlap or are out of order at %d", v, rg.from);
                last_to = rg.to;
                if (rg.from == to) {
                    to = rg.to;
                    continue;
                }
                if (to >= 0 && (k >= vr->nranges || vr->ranges[k].from != from || vr->ranges[k++].to != to))
                    return kr_ra_fail(ctx, "verify: v%d: pieces do not cover [%d, %d)", v, from, to);
                from = rg.from;
                to = rg.to;
            }
            if (it->reg >= 0) {
                if (it->stack || it->reg >= t->num_regs || !(t->allocatable >> it->reg & 1) ||
                    t->reg_class[it->reg] != vr->cls)
                    return kr_ra_fail(ctx, "verify: v%d: bad register %d at %d", v, it->reg, kr_ra_start(it));
            } else if (!it->stack || vr->slot < 0 || vr->slot >= ctx->nslots) {
                return kr_ra_fail(ctx, "verify: v%d: no location at %d", v, kr_ra_start(it));
            }
            for (int u = 0; u < it->nuses; u++, nu++) {
                if (nu >= vr->nuses || vr->uses[nu].pos != it->uses[u].pos || vr->uses[nu].kind != it->uses[u].kind)
                    return kr_ra_fail(ctx, "verify: v%d: the pieces' uses differ from the vreg's", v);
                if (!kr_ra_covers(it, it->uses[u].pos))
                    return kr_ra_fail(ctx, "verify: v%d: use at %d outside its piece", v, it->uses[u].pos);
                if (kr_ra_use_needs_reg(it->uses[u].kind) && it->reg < 0)
                    return kr_ra_fail(ctx, "verify: v%d: %s at %d needs a register but is on the stack", v,
                                      it->uses[u].kind == KR_RA_DEF ? "definition" : "use", it->uses[u].pos);
            }
        }
        if (k >= vr->nranges || vr->ranges[k].from != from || vr->ranges[k].to != to || k + 1 != vr->nranges)
            return kr_ra_fail(ctx, "verify: v%d: pieces do not cover its ranges", v);
        if (nu != vr->nuses)
            return kr_ra_fail(ctx, "verify: v%d: the pieces lose uses", v);
    }
    return 0;
}

/* 2. Sorted by register and start, a span overlaps an earlier one iff it starts before the largest
 * end so far; that one has another owner, since one owner's spans are disjoint. */
static int check_interference(vf *f)
{
    kr_ra_ctx *ctx = f->ctx;
    span *s = NULL;
    int n = 0, cap = 0, rc = -1;
    for (int v = 0; v < ctx->nvregs; v++)
        for (int i = 0; i < ctx->vregs[v].nchildren; i++) {
            const kr_ra_interval *it = ctx->vregs[v].children[i];
            for (int r = 0; it->reg >= 0 && r < it->nranges; r++) {
                if (kr_ra_grow(ctx, (void **)&s, &cap, n + 1, sizeof *s))
                    goto out;
                s[n++] = (span){it->reg, it->ranges[r].from, it->ranges[r].to, v};
            }
        }
    for (int reg = 0; reg < ctx->target.num_regs; reg++)
        for (int r = 0; r < ctx->nfixed_in[reg]; r++) {
            if (kr_ra_grow(ctx, (void **)&s, &cap, n + 1, sizeof *s))
                goto out;
            s[n++] = (span){reg, ctx->fixed_in[reg][r].from, ctx->fixed_in[reg][r].to, -1};
        }
    if (n)
        qsort(s, (size_t)n, sizeof *s, cmp_span);
    for (int i = 0, max_i = -1; i < n; i++) {
        if (max_i >= 0 && s[max_i].reg == s[i].reg && s[i].from < s[max_i].to) {
            kr_ra_loc l = {KR_RA_REG, s[i].reg};
            char a[16] = "fixed", b[16] = "fixed";
            if (s[max_i].owner >= 0)
                snprintf(a, sizeof a, "v%d", s[max_i].owner);
            if (s[i].owner >= 0)
                snprintf(b, sizeof b, "v%d", s[i].owner);
            kr_ra_fail(ctx, "verify: %s and %s share %s at %d", a, b, loc_name(f, f->buf1, l), s[i].from);
            goto out;
        }
        if (max_i < 0 || s[max_i].reg != s[i].reg || s[i].to > s[max_i].to)
            max_i = i;
    }
    rc = 0;
out:
    free(s);
    return rc;
}

static int build_events(vf *f)
{
    kr_ra_ctx *ctx = f->ctx;
    for (int v = 0; v < ctx->nvregs; v++) {
        const kr_ra_vreg *vr = &ctx->vregs[v];
        for (int i = 0; i < vr->nuses; i++) {
            int b = kr_ra_block_at(ctx, vr->uses[i].pos);
            if (b < 0)
                return kr_ra_fail(ctx, "verify: v%d: use at %d outside every block", v, vr->uses[i].pos);
            bool def = vr->uses[i].kind == KR_RA_DEF || vr->uses[i].kind == KR_RA_DEF_ANY;
            if (def && vr->is_phi && ctx->blocks[b].from == vr->uses[i].pos)
                continue; /* a phi is defined on the edges into its block (see edge()) */
            if (add_event(f, b, vr->uses[i].pos, def ? EV_DEF : EV_USE, v, (int)vr->uses[i].kind))
                return -1;
        }
    }
    for (int reg = 0; reg < ctx->target.num_regs; reg++)
        for (int r = 0; r < ctx->nfixed_in[reg]; r++) {
            kr_ra_range rg = ctx->fixed_in[reg][r];
            for (int b = 0; b < ctx->nblocks; b++) {
                const kr_ra_block *bb = &ctx->blocks[b];
                if (bb->to <= rg.from || bb->from >= rg.to)
                    continue;
                if (add_event(f, b, rg.from > bb->from ? rg.from : bb->from, EV_CLOBBER, reg, 0))
                    return -1;
            }
        }
    for (int g = 0; g < ctx->ngroups; g++) {
        const kr_ra_move_group *mg = &ctx->groups[g];
        if (mg->place == KR_RA_AT_POS) {
            int b = kr_ra_block_at(ctx, mg->pos);
            if (b < 0)
                return kr_ra_fail(ctx, "verify: moves at %d outside every block", mg->pos);
            if (add_event(f, b, mg->pos, EV_MOVES, g, 0))
                return -1;
            continue;
        }
        const kr_ra_block *pb = &ctx->blocks[mg->pred], *sb = &ctx->blocks[mg->succ];
        if ((mg->place == KR_RA_PRED_END && pb->nsuccs != 1) || (mg->place == KR_RA_SUCC_START && sb->npreds != 1))
            return kr_ra_fail(ctx, "verify: moves of edge %d -> %d placed where other paths run them", mg->pred,
                              mg->succ);
        int si = 0;
        while (si < pb->nsuccs && pb->succs[si] != mg->succ)
            si++;
        if (si == pb->nsuccs)
            return kr_ra_fail(ctx, "verify: moves on a missing edge %d -> %d", mg->pred, mg->succ);
        f->edge_group[f->edge_first[mg->pred] + si] = g;
    }
    if (f->nev)
        qsort(f->ev, (size_t)f->nev, sizeof *f->ev, cmp_event);
    for (int b = 0, i = 0; b <= ctx->nblocks; b++) {
        while (i < f->nev && f->ev[i].block < b)
            i++;
        f->ev_first[b] = i;
    }
    return 0;
}

static void apply_moves(vf *f, const kr_ra_move_group *g, int *s)
{
    for (int i = 0; i < g->nseq; i++) {
        const kr_ra_move *m = &g->seq[i];
        int d = loc_index(f, m->dst);
        s[d] = m->src.kind == KR_RA_CONST ? UNK : s[loc_index(f, m->src)];
    }
}

static int use_loc(vf *f, int v, int pos)
{
    return loc_index(f, kr_ra_location_at(f->ctx, v, pos));
}

/* Run block b's events over state s. */
static int transfer(vf *f, int b, int *s, bool check)
{
    kr_ra_ctx *ctx = f->ctx;
    for (int i = f->ev_first[b]; i < f->ev_first[b + 1]; i++) {
        const event *e = &f->ev[i];
        switch (e->order) {
        case EV_MOVES:
            apply_moves(f, &ctx->groups[e->a], s);
            break;
        case EV_USE: {
            int l = use_loc(f, e->a, e->pos);
            if (check && s[l] != e->a)
                return kr_ra_fail(ctx, "verify: v%d used at %d in %s, which holds %s", e->a, e->pos,
                                  loc_name(f, f->buf1, kr_ra_location_at(ctx, e->a, e->pos)), held(f, s[l]));
            break;
        }
        case EV_CLOBBER:
            s[e->a] = UNK;
            break;
        case EV_DEF: {
            for (int l = 0; l < f->nloc; l++)
                if (s[l] == e->a)
                    s[l] = UNK;
            s[use_loc(f, e->a, e->pos)] = e->a;
            break;
        }
        }
    }
    return 0;
}

/* The state on entry to succ (the si-th successor of b), from the state at b's end. */
static int edge(vf *f, int b, int si, const int *in, int *out, bool check)
{
    kr_ra_ctx *ctx = f->ctx;
    const kr_ra_block *pb = &ctx->blocks[b];
    int succ = pb->succs[si];
    const kr_ra_block *sb = &ctx->blocks[succ];
    int gi = f->edge_group[f->edge_first[b] + si];
    const kr_ra_move_group *g = gi >= 0 ? &ctx->groups[gi] : NULL;
    int *tag = f->tag; /* tag[l]: the location whose old value l holds now, or -2 - k for seq[k]'s constant */
    for (int l = 0; l < f->nloc; l++)
        tag[l] = l;
    for (int k = 0; g && k < g->nseq; k++) {
        const kr_ra_move *m = &g->seq[k];
        tag[loc_index(f, m->dst)] = m->src.kind == KR_RA_CONST ? -2 - k : tag[loc_index(f, m->src)];
    }
    int j = 0;
    while (sb->preds[j] != b)
        j++;
    for (int k = 0; check && k < sb->nphis; k++) {
        const kr_ra_phi *ph = &ctx->phis[ctx->phi_order[sb->first_phi + k]];
        int d = use_loc(f, ph->vreg, sb->from);
        const kr_ra_phi_input *inp = &ph->inputs[j];
        if (inp->vreg >= 0) {
            int src = use_loc(f, inp->vreg, pb->to - 1);
            if (in[src] != inp->vreg)
                return kr_ra_fail(ctx, "verify: phi v%d: input v%d is not in %s at the end of block %d", ph->vreg,
                                  inp->vreg, loc_name(f, f->buf1, kr_ra_location_at(ctx, inp->vreg, pb->to - 1)),
                                  b);
            if (tag[d] != src)
                return kr_ra_fail(ctx, "verify: phi v%d does not receive v%d on edge %d -> %d", ph->vreg, inp->vreg,
                                  b, succ);
        } else if (tag[d] > -2 || g->seq[-2 - tag[d]].imm != inp->imm) {
            return kr_ra_fail(ctx, "verify: phi v%d does not receive #%lld on edge %d -> %d", ph->vreg,
                              (long long)inp->imm, b, succ);
        }
    }
    for (int l = 0; l < f->nloc; l++)
        out[l] = tag[l] >= 0 ? in[tag[l]] : UNK;
    for (int k = 0; k < sb->nphis; k++) {
        int p = ctx->phis[ctx->phi_order[sb->first_phi + k]].vreg;
        for (int l = 0; l < f->nloc; l++)
            if (out[l] == p)
                out[l] = UNK;
    }
    for (int k = 0; k < sb->nphis; k++) {
        int p = ctx->phis[ctx->phi_order[sb->first_phi + k]].vreg;
        int d = use_loc(f, p, sb->from);
        if (d < 0)
            return kr_ra_fail(ctx, "verify: phi v%d is not live at the start of block %d", p, succ);
        out[d] = p;
    }
    return 0;
}

/* 3. */
static int simulate(vf *f)
{
    kr_ra_ctx *ctx = f->ctx;
    int nb = ctx->nblocks, nloc = f->nloc, rc = -1;
    int *entry = malloc(sizeof(int) * (size_t)(nb ? nb : 1) * (size_t)nloc);
    bool *has = calloc((size_t)(nb ? nb : 1), sizeof(bool));
    int *cur = malloc(sizeof(int) * (size_t)nloc), *out = malloc(sizeof(int) * (size_t)nloc);
    if (!entry || !has || !cur || !out) {
        kr_ra_oom(ctx);
        goto done;
    }
    for (int b = 0; b < nb; b++) {
        if (ctx->blocks[b].npreds)
            continue;
        /* An entry block: values live into it are where the allocation says (arguments). */
        int *s = entry + (size_t)b * (size_t)nloc;
        for (int l = 0; l < nloc; l++)
            s[l] = UNK;
        for (int v = 0; v < ctx->nvregs; v++) {
            int l = use_loc(f, v, ctx->blocks[b].from);
            if (l >= 0)
                s[l] = v;
        }
        has[b] = true;
    }
    for (;;) { /* to the fixed point, without checking: early states are optimistic */
        bool changed = false, check = false;
        for (int b = 0; b < nb; b++) {
            if (!has[b])
                continue;
            memcpy(cur, entry + (size_t)b * (size_t)nloc, sizeof(int) * (size_t)nloc);
            if (transfer(f, b, cur, check))
                goto done;
            for (int si = 0; si < ctx->blocks[b].nsuccs; si++) {
                int s = ctx->blocks[b].succs[si];
                if (edge(f, b, si, cur, out, check))
                    goto done;
                int *e = entry + (size_t)s * (size_t)nloc;
                if (!has[s]) {
                    memcpy(e, out, sizeof(int) * (size_t)nloc);
                    has[s] = changed = true;
                    continue;
                }
                for (int l = 0; l < nloc; l++)
                    if (e[l] != UNK && e[l] != out[l]) {
                        e[l] = UNK;
                        changed = true;
                    }
            }
        }
        if (!changed)
            break;
    }
    /* At the fixed point, check every use and phi once. */
    for (int b = 0; b < nb; b++) {
        if (!has[b])
            continue;
        memcpy(cur, entry + (size_t)b * (size_t)nloc, sizeof(int) * (size_t)nloc);
        if (transfer(f, b, cur, true))
            goto done;
        for (int si = 0; si < ctx->blocks[b].nsuccs; si++)
            if (edge(f, b, si, cur, out, true))
                goto done;
    }
    rc = 0;
done:
    free(entry);
    free(has);
    free(cur);
    free(out);
    return rc;
}

int kr_ra_verify(kr_ra_ctx *ctx)
{
    if (!ctx->resolved)
        return kr_ra_fail(ctx, "verify: nothing allocated and resolved");
    vf f = {.ctx = ctx, .nloc = ctx->target.num_regs + ctx->nslots};
    int nb = ctx->nblocks, nedges = 0, rc = -1;
    for (int b = 0; b < nb; b++)
        nedges += ctx->blocks[b].nsuccs;
    f.ev_first = malloc(sizeof(int) * (size_t)(nb + 1));
    f.edge_first = malloc(sizeof(int) * (size_t)(nb + 1));
    f.edge_group = malloc(sizeof(int) * (size_t)(nedges ? nedges : 1));
    f.tag = malloc(sizeof(int) * (size_t)f.nloc);
    if (!f.ev_first || !f.edge_first || !f.edge_group || !f.tag) {
        kr_ra_oom(ctx);
        goto out;
    }
    for (int b = 0, at = 0; b <= nb; b++) {
        f.edge_first[b] = at;
        if (b < nb)
            at += ctx->blocks[b].nsuccs;
    }
    for (int i = 0; i < nedges; i++)
        f.edge_group[i] = -1;
    if (check_pieces(&f) || check_interference(&f) || build_events(&f) || simulate(&f))
        goto out;
    rc = 0;
out:
    free(f.ev);
    free(f.ev_first);
    free(f.edge_first);
    free(f.edge_group);
    free(f.tag);
    return rc;
}
