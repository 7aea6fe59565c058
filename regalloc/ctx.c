/* ctx.c: the allocator context (kr_ra_ctx): memory, the description of a function, its
 * validation, the bookkeeping shared by the allocation steps, and the result queries. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "regalloc/regalloc_internal.h"

/* ---- errors and memory -------------------------------------------------------------------- */

int kr_ra_fail(kr_ra_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->err, sizeof ctx->err, fmt, ap);
    va_end(ap);
    return -1;
}

int kr_ra_oom(kr_ra_ctx *ctx)
{
    ctx->oom = true;
    return kr_ra_fail(ctx, "out of memory");
}

const char *kr_ra_error(const kr_ra_ctx *ctx) { return ctx->err; }

static void arena_release(kr_ra_arena *a)
{
    kr_ra_chunk *c = a->top;
    while (c) {
        kr_ra_chunk *prev = c->prev;
        free(c);
        c = prev;
    }
    a->top = NULL;
}

/* Zeroed memory from the run arena; it lives until the next allocation run or kr_ra_free. */
void *kr_ra_alloc(kr_ra_ctx *ctx, size_t size)
{
    const size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    if (size == 0)
        size = align;
    kr_ra_chunk *c = ctx->run.top;
    if (!c || c->size - c->used < size) {
        size_t csize = 64 * 1024;
        if (c && c->size * 2 > csize)
            csize = c->size * 2 > (size_t)16 << 20 ? (size_t)16 << 20 : c->size * 2;
        if (csize < size)
            csize = size;
        kr_ra_chunk *n = malloc(sizeof *n + csize);
        if (!n) {
            kr_ra_oom(ctx);
            return NULL;
        }
        n->prev = c;
        n->used = 0;
        n->size = csize;
        ctx->run.top = c = n;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

/* Grow a malloc'd vector owned by the context to hold at least need elements. */
int kr_ra_grow(kr_ra_ctx *ctx, void **p, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return 0;
    int ncap = *cap ? *cap * 2 : 8;
    while (ncap < need)
        ncap *= 2;
    void *n = realloc(*p, (size_t)ncap * elem);
    if (!n)
        return kr_ra_oom(ctx);
    *p = n;
    *cap = ncap;
    return 0;
}

/* ---- life cycle --------------------------------------------------------------------------- */

kr_ra_ctx *kr_ra_new(const kr_ra_target *target)
{
    if (!target || target->num_regs <= 0 || target->num_regs > KR_RA_MAX_REGS)
        return NULL;
    kr_ra_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return NULL;
    ctx->target = *target;
    /* Invariant: a scratch register is never allocated, and bits above num_regs are clear. */
    if (target->num_regs < 64)
        ctx->target.allocatable &= ((uint64_t)1 << target->num_regs) - 1;
    for (int c = 0; c < KR_RA_NUM_CLASSES; c++)
        if (target->scratch[c] >= 0 && target->scratch[c] < target->num_regs)
            ctx->target.allocatable &= ~((uint64_t)1 << target->scratch[c]);
    ctx->algo = -1;
    return ctx;
}

static void free_input(kr_ra_ctx *ctx)
{
    for (int v = 0; v < ctx->nvregs; v++) {
        free(ctx->vregs[v].ranges);
        free(ctx->vregs[v].uses);
    }
    for (int b = 0; b < ctx->nblocks; b++) {
        free(ctx->blocks[b].preds);
        free(ctx->blocks[b].succs);
    }
    for (int i = 0; i < ctx->nphis; i++)
        free(ctx->phis[i].inputs);
    for (int r = 0; r < KR_RA_MAX_REGS; r++) {
        free(ctx->fixed_in[r]);
        ctx->fixed_in[r] = NULL;
        ctx->nfixed_in[r] = ctx->cap_fixed_in[r] = 0;
    }
    free(ctx->phi_order);
    ctx->phi_order = NULL;
}

static void drop_result(kr_ra_ctx *ctx)
{
    arena_release(&ctx->run);
    memset(ctx->fixed, 0, sizeof ctx->fixed);
    for (int v = 0; v < ctx->nvregs; v++) {
        kr_ra_vreg *vr = &ctx->vregs[v];
        vr->first = NULL;
        vr->children = NULL;
        vr->nchildren = 0;
        vr->slot = -1;
        vr->store_pos = -1;
    }
    ctx->algo = -1;
    ctx->allocated = ctx->slots_done = ctx->resolved = false;
    ctx->nsplits = ctx->nslots = 0;
    ctx->used_regs = 0;
    ctx->ngroups = 0;
    ctx->seq = 0;
}

void kr_ra_reset(kr_ra_ctx *ctx)
{
    drop_result(ctx);
    free_input(ctx);
    ctx->nvregs = ctx->nblocks = ctx->nphis = 0;
    ctx->prepared = false;
    ctx->err[0] = 0;
    ctx->oom = false;
}

void kr_ra_free(kr_ra_ctx *ctx)
{
    if (!ctx)
        return;
    drop_result(ctx);
    free_input(ctx);
    free(ctx->vregs);
    free(ctx->blocks);
    free(ctx->phis);
    free(ctx->groups);
    free(ctx);
}

const kr_ra_target *kr_ra_get_target(const kr_ra_ctx *ctx) { return &ctx->target; }

/* ---- describing the function ---------------------------------------------------------------- */

static void changed(kr_ra_ctx *ctx)
{
    if (ctx->algo >= 0)
        drop_result(ctx);
    ctx->prepared = false;
}

static int check_vreg(kr_ra_ctx *ctx, int v)
{
    if (v < 0 || v >= ctx->nvregs)
        return kr_ra_fail(ctx, "no vreg v%d", v);
    return 0;
}

int kr_ra_add_vreg(kr_ra_ctx *ctx, kr_ra_class cls)
{
    if (cls != KR_RA_GP && cls != KR_RA_FP)
        return kr_ra_fail(ctx, "bad register class %d", (int)cls);
    if (kr_ra_grow(ctx, (void **)&ctx->vregs, &ctx->cap_vregs, ctx->nvregs + 1, sizeof *ctx->vregs))
        return -1;
    changed(ctx);
    kr_ra_vreg *vr = &ctx->vregs[ctx->nvregs];
    memset(vr, 0, sizeof *vr);
    vr->cls = cls;
    vr->hint_vreg = vr->hint_reg = -1;
    vr->slot = vr->store_pos = -1;
    return ctx->nvregs++;
}

int kr_ra_add_range(kr_ra_ctx *ctx, int vreg, int from, int to)
{
    if (check_vreg(ctx, vreg))
        return -1;
    if (from < 0 || from >= to || to >= KR_RA_INF)
        return kr_ra_fail(ctx, "v%d: bad range [%d, %d)", vreg, from, to);
    kr_ra_vreg *vr = &ctx->vregs[vreg];
    if (kr_ra_grow(ctx, (void **)&vr->ranges, &vr->cap_ranges, vr->nranges + 1, sizeof *vr->ranges))
        return -1;
    changed(ctx);
    vr->ranges[vr->nranges++] = (kr_ra_range){from, to};
    return 0;
}

int kr_ra_add_use(kr_ra_ctx *ctx, int vreg, int pos, kr_ra_use_kind kind)
{
    if (check_vreg(ctx, vreg))
        return -1;
    if (pos < 0 || pos >= KR_RA_INF || kind < KR_RA_USE_REG || kind > KR_RA_DEF_ANY)
        return kr_ra_fail(ctx, "v%d: bad use at %d", vreg, pos);
    kr_ra_vreg *vr = &ctx->vregs[vreg];
    if (kr_ra_grow(ctx, (void **)&vr->uses, &vr->cap_uses, vr->nuses + 1, sizeof *vr->uses))
        return -1;
    changed(ctx);
    vr->uses[vr->nuses++] = (kr_ra_use){pos, kind};
    return 0;
}

int kr_ra_hint_vreg(kr_ra_ctx *ctx, int vreg, int other)
{
    if (check_vreg(ctx, vreg) || check_vreg(ctx, other))
        return -1;
    changed(ctx);
    ctx->vregs[vreg].hint_vreg = other;
    return 0;
}

int kr_ra_hint_reg(kr_ra_ctx *ctx, int vreg, int reg)
{
    if (check_vreg(ctx, vreg))
        return -1;
    if (reg < 0 || reg >= ctx->target.num_regs)
        return kr_ra_fail(ctx, "v%d: no register %d", vreg, reg);
    changed(ctx);
    ctx->vregs[vreg].hint_reg = reg;
    return 0;
}

int kr_ra_add_fixed(kr_ra_ctx *ctx, int reg, int from, int to)
{
    if (reg < 0 || reg >= ctx->target.num_regs)
        return kr_ra_fail(ctx, "no register %d", reg);
    if (from < 0 || from >= to || to >= KR_RA_INF)
        return kr_ra_fail(ctx, "fixed r%d: bad range [%d, %d)", reg, from, to);
    if (kr_ra_grow(ctx, (void **)&ctx->fixed_in[reg], &ctx->cap_fixed_in[reg], ctx->nfixed_in[reg] + 1,
                   sizeof(kr_ra_range)))
        return -1;
    changed(ctx);
    ctx->fixed_in[reg][ctx->nfixed_in[reg]++] = (kr_ra_range){from, to};
    return 0;
}

int kr_ra_add_fixed_mask(kr_ra_ctx *ctx, uint64_t regs, int from, int to)
{
    for (int r = 0; r < ctx->target.num_regs; r++)
        if (regs & ((uint64_t)1 << r))
            if (kr_ra_add_fixed(ctx, r, from, to))
                return -1;
    return 0;
}

int kr_ra_add_block(kr_ra_ctx *ctx, int from, int to, int loop_depth)
{
    if (from < 0 || from >= to || to >= KR_RA_INF)
        return kr_ra_fail(ctx, "block %d: bad range [%d, %d)", ctx->nblocks, from, to);
    if (ctx->nblocks && ctx->blocks[ctx->nblocks - 1].to > from)
        return kr_ra_fail(ctx, "block %d: [%d, %d) is not after the previous block", ctx->nblocks, from, to);
    if (kr_ra_grow(ctx, (void **)&ctx->blocks, &ctx->cap_blocks, ctx->nblocks + 1, sizeof *ctx->blocks))
        return -1;
    changed(ctx);
    kr_ra_block *b = &ctx->blocks[ctx->nblocks];
    memset(b, 0, sizeof *b);
    b->from = from;
    b->to = to;
    b->depth = loop_depth;
    return ctx->nblocks++;
}

int kr_ra_add_edge(kr_ra_ctx *ctx, int pred, int succ)
{
    if (pred < 0 || pred >= ctx->nblocks || succ < 0 || succ >= ctx->nblocks)
        return kr_ra_fail(ctx, "bad edge %d -> %d", pred, succ);
    kr_ra_block *p = &ctx->blocks[pred], *s = &ctx->blocks[succ];
    for (int i = 0; i < p->nsuccs; i++)
        if (p->succs[i] == succ)
            return kr_ra_fail(ctx, "duplicate edge %d -> %d", pred, succ);
    if (kr_ra_grow(ctx, (void **)&p->succs, &p->cap_succs, p->nsuccs + 1, sizeof(int)) ||
        kr_ra_grow(ctx, (void **)&s->preds, &s->cap_preds, s->npreds + 1, sizeof(int)))
        return -1;
    changed(ctx);
    p->succs[p->nsuccs++] = succ;
    s->preds[s->npreds++] = pred;
    return 0;
}

int kr_ra_add_phi(kr_ra_ctx *ctx, int block, int vreg, const kr_ra_phi_input *inputs, int ninputs)
{
    if (block < 0 || block >= ctx->nblocks)
        return kr_ra_fail(ctx, "phi: no block %d", block);
    if (check_vreg(ctx, vreg) || ninputs < 0)
        return -1;
    for (int i = 0; i < ninputs; i++)
        if (inputs[i].vreg >= 0 && check_vreg(ctx, inputs[i].vreg))
            return -1;
    if (ctx->vregs[vreg].is_phi)
        return kr_ra_fail(ctx, "v%d is already a phi", vreg);
    if (kr_ra_grow(ctx, (void **)&ctx->phis, &ctx->cap_phis, ctx->nphis + 1, sizeof *ctx->phis))
        return -1;
    kr_ra_phi_input *in = malloc(sizeof *in * (size_t)(ninputs ? ninputs : 1));
    if (!in)
        return kr_ra_oom(ctx);
    if (ninputs)
        memcpy(in, inputs, sizeof *in * (size_t)ninputs);
    changed(ctx);
    ctx->phis[ctx->nphis++] = (kr_ra_phi){block, vreg, in, ninputs};
    ctx->vregs[vreg].is_phi = true;
    return 0;
}

int kr_ra_num_vregs(const kr_ra_ctx *ctx) { return ctx->nvregs; }
int kr_ra_num_blocks(const kr_ra_ctx *ctx) { return ctx->nblocks; }

/* ---- validation ------------------------------------------------------------------------------ */

int kr_ra_block_at(const kr_ra_ctx *ctx, int pos)
{
    int lo = 0, hi = ctx->nblocks - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (ctx->blocks[mid].to <= pos)
            lo = mid + 1;
        else if (ctx->blocks[mid].from > pos)
            hi = mid - 1;
        else
            return mid;
    }
    return -1;
}

bool kr_ra_is_block_start(const kr_ra_ctx *ctx, int pos)
{
    int b = kr_ra_block_at(ctx, pos);
    return b >= 0 && ctx->blocks[b].from == pos;
}

/* KR_RA_SSA: the position of vreg v's store-once spill store when it is in a register after its
 * definition (kr_ra_resolve places it there: right after the definition, at the block's start for a
 * phi), or KR_RA_INF when v is not stored that way. From there on its slot holds the value whatever
 * the allocation (a definition straight into the slot makes it hold the value even earlier), so a
 * piece after it can move to the stack without a move (Wimmer & Franz 2010, section 4.4). It depends
 * only on the input, so the allocators can rely on it before kr_ra_resolve runs. */
int kr_ra_ssa_store_pos(const kr_ra_ctx *ctx, int v)
{
    const kr_ra_vreg *vr = &ctx->vregs[v];
    if (!(ctx->target.flags & KR_RA_SSA) || vr->ndefs != 1 || !vr->nranges)
        return KR_RA_INF;
    int d = vr->def_pos, b = kr_ra_block_at(ctx, d);
    if (b < 0)
        return KR_RA_INF;
    if (d == ctx->blocks[b].from)
        return d;
    int sp = (d | 1) + 1;
    kr_ra_interval probe = {.ranges = vr->ranges, .nranges = vr->nranges};
    if (sp >= ctx->blocks[b].to || !kr_ra_covers(&probe, sp - 1) || !kr_ra_covers(&probe, sp))
        return KR_RA_INF; /* no room after the definition: it is stored at every move to the stack */
    return sp;
}

/* Normalise the input and check what later steps rely on: every use inside a range, phis with one
 * input per predecessor, register hints of the vreg's class. */
int kr_ra_prepare(kr_ra_ctx *ctx)
{
    if (ctx->oom)
        return kr_ra_fail(ctx, "out of memory");
    if (ctx->prepared)
        return 0;
    const kr_ra_target *t = &ctx->target;
    for (int v = 0; v < ctx->nvregs; v++) {
        kr_ra_vreg *vr = &ctx->vregs[v];
        kr_ra_normalise_ranges(vr->ranges, &vr->nranges);
        kr_ra_sort_uses(vr->uses, vr->nuses);
        kr_ra_interval probe = {.ranges = vr->ranges, .nranges = vr->nranges};
        vr->ndefs = 0;
        vr->def_pos = -1;
        for (int i = 0; i < vr->nuses; i++) {
            if (!vr->nranges || !kr_ra_covers(&probe, vr->uses[i].pos))
                return kr_ra_fail(ctx, "v%d: use at %d outside its live ranges", v, vr->uses[i].pos);
            if (vr->uses[i].kind == KR_RA_DEF || vr->uses[i].kind == KR_RA_DEF_ANY) {
                if (vr->ndefs == 0 || vr->def_pos != vr->uses[i].pos)
                    vr->ndefs++;
                vr->def_pos = vr->uses[i].pos;
            }
        }
        if (vr->hint_reg >= 0 && t->reg_class[vr->hint_reg] != vr->cls)
            vr->hint_reg = -1;
        if (vr->hint_vreg >= 0 && ctx->vregs[vr->hint_vreg].cls != vr->cls)
            vr->hint_vreg = -1;
    }
    for (int r = 0; r < t->num_regs; r++)
        kr_ra_normalise_ranges(ctx->fixed_in[r], &ctx->nfixed_in[r]);
    for (int b = 0; b < ctx->nblocks; b++)
        ctx->blocks[b].nphis = ctx->blocks[b].first_phi = 0;
    for (int i = 0; i < ctx->nphis; i++) {
        kr_ra_phi *ph = &ctx->phis[i];
        kr_ra_block *b = &ctx->blocks[ph->block];
        if (ph->ninputs != b->npreds)
            return kr_ra_fail(ctx, "phi v%d: %d inputs for %d predecessors", ph->vreg, ph->ninputs, b->npreds);
        for (int j = 0; j < ph->ninputs; j++)
            if (ph->inputs[j].vreg >= 0 && ctx->vregs[ph->inputs[j].vreg].cls != ctx->vregs[ph->vreg].cls)
                return kr_ra_fail(ctx, "phi v%d: input v%d of another class", ph->vreg, ph->inputs[j].vreg);
        b->nphis++;
    }
    free(ctx->phi_order);
    ctx->phi_order = malloc(sizeof(int) * (size_t)(ctx->nphis ? ctx->nphis : 1));
    if (!ctx->phi_order)
        return kr_ra_oom(ctx);
    int at = 0;
    for (int b = 0; b < ctx->nblocks; b++) {
        ctx->blocks[b].first_phi = at;
        at += ctx->blocks[b].nphis;
        ctx->blocks[b].nphis = 0;
    }
    for (int i = 0; i < ctx->nphis; i++) {
        kr_ra_block *b = &ctx->blocks[ctx->phis[i].block];
        ctx->phi_order[b->first_phi + b->nphis++] = i;
    }
    ctx->prepared = true;
    return 0;
}

/* ---- allocation runs ---------------------------------------------------------------------- */

kr_ra_interval *kr_ra_new_interval(kr_ra_ctx *ctx, int vreg, kr_ra_class cls)
{
    kr_ra_interval *it = kr_ra_alloc(ctx, sizeof *it);
    if (!it)
        return NULL;
    it->vreg = vreg;
    it->cls = cls;
    it->reg = -1;
    it->seq = ctx->seq++;
    return it;
}

static kr_ra_interval *interval_from(kr_ra_ctx *ctx, int vreg, kr_ra_class cls, const kr_ra_range *r, int nr,
                                     const kr_ra_use *u, int nu)
{
    kr_ra_interval *it = kr_ra_new_interval(ctx, vreg, cls);
    if (!it)
        return NULL;
    it->ranges = kr_ra_alloc(ctx, sizeof *r * (size_t)nr);
    it->uses = kr_ra_alloc(ctx, sizeof *u * (size_t)(nu ? nu : 1));
    if (!it->ranges || !it->uses)
        return NULL;
    memcpy(it->ranges, r, sizeof *r * (size_t)nr);
    if (nu)
        memcpy(it->uses, u, sizeof *u * (size_t)nu);
    it->nranges = nr;
    it->nuses = nu;
    return it;
}

/* Drop the previous result and build one unsplit interval per vreg and per blocked register. */
int kr_ra_begin_run(kr_ra_ctx *ctx)
{
    if (kr_ra_prepare(ctx))
        return -1;
    drop_result(ctx);
    for (int v = 0; v < ctx->nvregs; v++) {
        kr_ra_vreg *vr = &ctx->vregs[v];
        if (!vr->nranges)
            continue;
        vr->first = interval_from(ctx, v, vr->cls, vr->ranges, vr->nranges, vr->uses, vr->nuses);
        if (!vr->first)
            return -1;
    }
    for (int r = 0; r < ctx->target.num_regs; r++) {
        if (!ctx->nfixed_in[r] || !(ctx->target.allocatable & ((uint64_t)1 << r)))
            continue;
        kr_ra_interval *it =
            interval_from(ctx, -1, ctx->target.reg_class[r], ctx->fixed_in[r], ctx->nfixed_in[r], NULL, 0);
        if (!it)
            return -1;
        it->fixed = true;
        it->reg = r;
        ctx->fixed[r] = it;
    }
    return 0;
}

/* Index the pieces of every vreg; every piece must have a location. */
int kr_ra_finish_run(kr_ra_ctx *ctx)
{
    for (int v = 0; v < ctx->nvregs; v++) {
        kr_ra_vreg *vr = &ctx->vregs[v];
        int n = 0;
        for (kr_ra_interval *it = vr->first; it; it = it->next)
            n++;
        vr->nchildren = n;
        if (!n)
            continue;
        vr->children = kr_ra_alloc(ctx, sizeof *vr->children * (size_t)n);
        if (!vr->children)
            return -1;
        n = 0;
        for (kr_ra_interval *it = vr->first; it; it = it->next) {
            if (it->reg < 0 && !it->stack)
                return kr_ra_fail(ctx, "v%d: piece at %d has no location", v, kr_ra_start(it));
            if (it->reg >= 0)
                ctx->used_regs |= (uint64_t)1 << it->reg;
            vr->children[n++] = it;
        }
    }
    ctx->allocated = true;
    return 0;
}

kr_ra_interval *kr_ra_child_at(const kr_ra_ctx *ctx, int vreg, int pos)
{
    if (vreg < 0 || vreg >= ctx->nvregs)
        return NULL;
    const kr_ra_vreg *vr = &ctx->vregs[vreg];
    int lo = 0, hi = vr->nchildren - 1, found = -1;
    while (lo <= hi) { /* the last piece starting at or before pos */
        int mid = (lo + hi) / 2;
        if (kr_ra_start(vr->children[mid]) <= pos) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if (found < 0 || !kr_ra_covers(vr->children[found], pos))
        return NULL;
    return vr->children[found];
}

kr_ra_loc kr_ra_interval_loc(const kr_ra_ctx *ctx, const kr_ra_interval *it)
{
    if (!it)
        return (kr_ra_loc){KR_RA_NONE, -1};
    if (it->reg >= 0)
        return (kr_ra_loc){KR_RA_REG, it->reg};
    if (it->stack && it->vreg >= 0)
        return (kr_ra_loc){KR_RA_STACK, ctx->vregs[it->vreg].slot};
    return (kr_ra_loc){KR_RA_NONE, -1};
}

bool kr_ra_loc_eq(kr_ra_loc a, kr_ra_loc b) { return a.kind == b.kind && a.index == b.index; }

/* ---- results ------------------------------------------------------------------------------- */

kr_ra_loc kr_ra_location_at(const kr_ra_ctx *ctx, int vreg, int pos)
{
    return kr_ra_interval_loc(ctx, kr_ra_child_at(ctx, vreg, pos));
}

int kr_ra_num_children(const kr_ra_ctx *ctx, int vreg)
{
    return vreg >= 0 && vreg < ctx->nvregs ? ctx->vregs[vreg].nchildren : 0;
}

kr_ra_loc kr_ra_child_loc(const kr_ra_ctx *ctx, int vreg, int i)
{
    if (i < 0 || i >= kr_ra_num_children(ctx, vreg))
        return (kr_ra_loc){KR_RA_NONE, -1};
    return kr_ra_interval_loc(ctx, ctx->vregs[vreg].children[i]);
}

void kr_ra_child_span(const kr_ra_ctx *ctx, int vreg, int i, int *from, int *to)
{
    *from = *to = -1;
    if (i < 0 || i >= kr_ra_num_children(ctx, vreg))
        return;
    *from = kr_ra_start(ctx->vregs[vreg].children[i]);
    *to = kr_ra_end(ctx->vregs[vreg].children[i]);
}

int kr_ra_spill_slot(const kr_ra_ctx *ctx, int vreg)
{
    return vreg >= 0 && vreg < ctx->nvregs ? ctx->vregs[vreg].slot : -1;
}

int kr_ra_spill_store_pos(const kr_ra_ctx *ctx, int vreg)
{
    return vreg >= 0 && vreg < ctx->nvregs ? ctx->vregs[vreg].store_pos : -1;
}

int kr_ra_num_slots(const kr_ra_ctx *ctx) { return ctx->nslots; }
uint64_t kr_ra_used_regs(const kr_ra_ctx *ctx) { return ctx->used_regs; }
int kr_ra_num_move_groups(const kr_ra_ctx *ctx) { return ctx->resolved ? ctx->ngroups : 0; }
int kr_ra_num_splits(const kr_ra_ctx *ctx) { return ctx->nsplits; }

const kr_ra_move_group *kr_ra_get_move_group(const kr_ra_ctx *ctx, int i)
{
    return ctx->resolved && i >= 0 && i < ctx->ngroups ? &ctx->groups[i] : NULL;
}

int kr_ra_allocate(kr_ra_ctx *ctx, kr_ra_algo algo)
{
    int rc = algo == KR_RA_SPILL_ALL ? kr_ra_spill_all(ctx) : kr_ra_linear_scan(ctx);
    if (rc || kr_ra_assign_slots(ctx) || kr_ra_resolve(ctx))
        return -1;
    return 0;
}

/* ---- targets -------------------------------------------------------------------------------- */

void kr_ra_target_x86_64(kr_ra_target *t)
{
    static const char *const names[32] = {
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14",
        "r15", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10",
        "xmm11", "xmm12", "xmm13", "xmm14", "xmm15"};
    memset(t, 0, sizeof *t);
    t->num_regs = 32;
    for (int r = 0; r < 32; r++) {
        t->reg_class[r] = r < 16 ? KR_RA_GP : KR_RA_FP;
        t->reg_names[r] = names[r];
    }
    t->scratch[KR_RA_GP] = 11; /* r11: caller-saved, never an argument register */
    t->scratch[KR_RA_FP] = 31; /* xmm15 */
    t->allocatable = 0xFFFFFFFFull & ~((uint64_t)1 << 4) & ~((uint64_t)1 << 11) & ~((uint64_t)1 << 31);
    t->flags = KR_RA_SSA | KR_RA_REUSE_SLOTS;
}
