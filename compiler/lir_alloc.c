/* lir_alloc.c: the client side of regalloc/ for LIR (Wimmer & Franz 2010, BuildIntervals, with the
 * liveness computed by iterating the data-flow equations to a fixed point, which needs no assumption
 * about the block order or the loop structure).
 *
 * Positions and the conventions each instruction keeps are in compiler/lir.h. Registers pinned to the
 * compiled function's context are removed from the allocatable set: r12 = vm, r13 = f, r14 = f->slots
 * (all callee-saved, so calls preserve them). r11 and xmm15 are the allocator's scratch registers,
 * which the instruction expansions use as temporaries too (never across an instruction).
 */
#include <stdlib.h>
#include <string.h>

#include "compiler/lir.h"

enum { R_RAX = 0, R_R12 = 12, R_R13 = 13, R_R14 = 14 };

typedef uint64_t word;
#define WBITS 64

static int bit_get(const word *s, int i) { return (int)((s[i / WBITS] >> (i % WBITS)) & 1); }
static void bit_set(word *s, int i) { s[i / WBITS] |= (word)1 << (i % WBITS); }
static void bit_clear(word *s, int i) { s[i / WBITS] &= ~((word)1 << (i % WBITS)); }

/* The frame-state values an instruction's exits need (vregs; constants need no register), at most
 * max of them (callers size out for the largest frame state); the same vreg may come twice when two
 * slots hold it. */
static int fs_vregs(const kr_lir_func *lf, const kr_lir_insn *in, int *out, int max)
{
    if (in->fs < 0)
        return 0;
    const kr_hir_fs *fs = &lf->hir->fss[in->fs];
    int n = 0;
    for (uint32_t d = 0; d < fs->ndirty && n < max; d++) {
        int64_t bits;
        int v = kr_lir_value_of(lf, fs->dirty[d].value, &bits);
        if (v >= 0)
            out[n++] = v;
    }
    return n;
}

static int refuse_ra(kr_lir_func *lf, const char *what)
{
    return kr_hir_refuse(lf->hir, "register allocation: %s: %s", what, lf->ra ? kr_ra_error(lf->ra) : "");
}

int kr_lir_allocate(kr_lir_func *lf, int spill_all)
{
    kr_ra_target t;
    kr_ra_target_x86_64(&t);
    t.allocatable &= ~((1ull << R_R12) | (1ull << R_R13) | (1ull << R_R14));
    lf->ra = kr_ra_new(&t);
    if (!lf->ra)
        return kr_hir_refuse(lf->hir, "out of memory in the JIT back end");
    kr_ra_ctx *ra = lf->ra;
    int nv = (int)lf->nvregs;
    for (int v = 0; v < nv; v++)
        if (kr_ra_add_vreg(ra, (kr_ra_class)lf->vreg_class[v]) != v)
            return refuse_ra(lf, "vregs");
    for (uint32_t b = 0; b < lf->nblocks; b++) {
        const kr_lir_block *bl = &lf->blocks[b];
        if (kr_ra_add_block(ra, (int)(2 * bl->first), (int)(2 * (bl->first + bl->count)), (int)bl->loop_depth) < 0)
            return refuse_ra(lf, "blocks");
    }
    for (uint32_t b = 0; b < lf->nblocks; b++) {
        const kr_lir_block *bl = &lf->blocks[b];
        for (uint32_t p = 0; p < bl->npreds; p++)
            if (kr_ra_add_edge(ra, (int)bl->preds[p], (int)b) < 0)
                return refuse_ra(lf, "edges");
        for (uint32_t i = 0; i < bl->nphis; i++)
            if (kr_ra_add_phi(ra, (int)b, bl->phis[i].vreg, bl->phis[i].inputs, (int)bl->npreds) < 0)
                return refuse_ra(lf, "phis");
    }

    /* ---- liveness: live_in(b) = gen(b) | (live_out(b) & ~kill(b)), live_out(b) = the live_in of
     * every successor plus the successor's phi inputs from b ---- */
    int nw = (nv + WBITS - 1) / WBITS + 1;
    size_t nb = lf->nblocks;
    word *mem = calloc(nb * 4 * (size_t)nw + (size_t)nw, sizeof(word));
    int32_t *end = malloc(((size_t)nv + 1) * sizeof *end);
    uint32_t maxdirty = 1;
    for (uint32_t i = 0; i < lf->hir->nfs; i++)
        if (lf->hir->fss[i].ndirty > maxdirty)
            maxdirty = lf->hir->fss[i].ndirty;
    int *fsv = malloc(sizeof(int) * maxdirty);
    if (!mem || !end || !fsv) {
        free(mem), free(end), free(fsv);
        return kr_hir_refuse(lf->hir, "out of memory in the JIT back end");
    }
#define SET(kind, b) (mem + ((size_t)(b) * 4 + (kind)) * (size_t)nw)
    enum { GEN, KILL, IN, OUT };
    word *live = mem + nb * 4 * (size_t)nw;
    for (uint32_t b = 0; b < nb; b++) {
        const kr_lir_block *bl = &lf->blocks[b];
        word *gen = SET(GEN, b), *kill = SET(KILL, b);
        for (uint32_t i = 0; i < bl->nphis; i++)
            bit_set(kill, bl->phis[i].vreg);
        for (uint32_t k = bl->first; k < bl->first + bl->count; k++) {
            const kr_lir_insn *in = &lf->insns[k];
            for (int i = 0; i < KR_LIR_MAX_IN; i++)
                if (in->in[i] >= 0 && !bit_get(kill, in->in[i]))
                    bit_set(gen, in->in[i]);
            int n = fs_vregs(lf, in, fsv, (int)maxdirty);
            for (int i = 0; i < n; i++)
                if (!bit_get(kill, fsv[i]))
                    bit_set(gen, fsv[i]);
            if (in->out >= 0)
                bit_set(kill, in->out);
        }
    }
    for (int changed = 1; changed;) {
        changed = 0;
        for (uint32_t bi = (uint32_t)nb; bi-- > 0;) {
            const kr_lir_block *bl = &lf->blocks[bi];
            word *out = SET(OUT, bi), *inset = SET(IN, bi);
            for (uint32_t s = 0; s < bl->nsuccs; s++) {
                uint32_t sb = bl->succs[s];
                const kr_lir_block *sbl = &lf->blocks[sb];
                const word *sin = SET(IN, sb);
                for (int w = 0; w < nw; w++)
                    out[w] |= sin[w];
                for (uint32_t p = 0; p < sbl->npreds; p++)
                    if (sbl->preds[p] == bi)
                        for (uint32_t i = 0; i < sbl->nphis; i++)
                            if (sbl->phis[i].inputs[p].vreg >= 0)
                                bit_set(out, sbl->phis[i].inputs[p].vreg);
            }
            const word *gen = SET(GEN, bi), *kill = SET(KILL, bi);
            for (int w = 0; w < nw; w++) {
                word nin = gen[w] | (out[w] & ~kill[w]);
                if (nin != inset[w]) {
                    inset[w] = nin;
                    changed = 1;
                }
            }
        }
    }

    /* ---- intervals, each block backwards ---- */
    int err = 0;
    for (uint32_t bi = (uint32_t)nb; bi-- > 0 && !err;) {
        const kr_lir_block *bl = &lf->blocks[bi];
        int from = (int)(2 * bl->first), to = (int)(2 * (bl->first + bl->count));
        memcpy(live, SET(OUT, bi), (size_t)nw * sizeof(word));
        for (int v = 0; v < nv; v++)
            if (bit_get(live, v))
                end[v] = to;
        for (uint32_t k = bl->first + bl->count; k-- > bl->first && !err;) {
            const kr_lir_insn *in = &lf->insns[k];
            int use = (int)(2 * k), def = use + 1;
            if (in->out >= 0) {
                int v = in->out;
                if (bit_get(live, v)) {
                    err |= kr_ra_add_range(ra, v, def, end[v]) < 0;
                    bit_clear(live, v);
                } else {
                    err |= kr_ra_add_range(ra, v, def, def + 1) < 0;
                }
                err |= kr_ra_add_use(ra, v, def, KR_RA_DEF) < 0;
                if (in->op == KR_LIR_GETRET)
                    err |= kr_ra_hint_reg(ra, v, R_RAX) < 0;
            }
            /* Frame-state values first: they stay live through the output position (lir.h), so no
             * output and no call clobber takes their location, and the exits read them there, at
             * 2k+1 (kr_lir_fill_exits): a call's exit is taken after the call, where an input that
             * lives on may already have left its register for its slot (regalloc/linear_scan.c). The
             * use says so to kr_ra_verify, which then checks the location the exit reads. */
            int n = fs_vregs(lf, in, fsv, (int)maxdirty);
            bool rev = kr_lir_insn_reversible(in);
            if ((rev || in->op == KR_LIR_IWRAP) && in->out >= 0)
                err |= kr_ra_hint_vreg(ra, in->out, in->in[0]) < 0; /* in place when in0 dies here */
            for (int i = 0; i < n; i++) {
                int v = fsv[i];
                if (rev && v == in->in[0])
                    continue; /* read at 2k, where its input use keeps it (lir.h, REVERSIBLE) */
                if (!bit_get(live, v)) {
                    bit_set(live, v);
                    end[v] = def + 1;
                } else if (end[v] < def + 1) {
                    end[v] = def + 1;
                }
                int dup = 0;
                for (int j = 0; j < i; j++)
                    dup |= fsv[j] == v;
                if (!dup)
                    err |= kr_ra_add_use(ra, v, def, KR_RA_USE_ANY) < 0;
            }
            for (int i = 0; i < KR_LIR_MAX_IN; i++) {
                int v = in->in[i];
                if (v < 0)
                    continue;
                int dup = 0;
                for (int j = 0; j < i; j++)
                    dup |= in->in[j] == v;
                if (dup)
                    continue;
                if (!bit_get(live, v)) {
                    bit_set(live, v);
                    end[v] = def;
                }
                err |= kr_ra_add_use(ra, v, use, KR_RA_USE_REG) < 0;
            }
            if (in->op == KR_LIR_RETURN && in->in[0] >= 0)
                err |= kr_ra_hint_reg(ra, in->in[0], R_RAX) < 0;
            uint64_t fixed = kr_lir_insn_fixed(in);
            if (fixed)
                err |= kr_ra_add_fixed_mask(ra, fixed, use, def + 1) < 0;
            if (kr_lir_insn_is_call(in)) {
                /* the clobbers, and rax carrying the result to the GETRET that follows */
                err |= kr_ra_add_fixed_mask(ra, KR_RA_X86_64_CALLER_SAVED, def, def + 1) < 0;
                err |= kr_ra_add_fixed(ra, R_RAX, def, def + 2) < 0;
            }
        }
        for (int v = 0; v < nv && !err; v++)
            if (bit_get(live, v) && end[v] > from)
                err |= kr_ra_add_range(ra, v, from, end[v]) < 0;
        for (uint32_t i = 0; i < bl->nphis && !err; i++) {
            int v = bl->phis[i].vreg;
            if (!bit_get(live, v))
                err |= kr_ra_add_range(ra, v, from, from + 1) < 0;
            err |= kr_ra_add_use(ra, v, from, KR_RA_DEF_ANY) < 0;
        }
    }
#undef SET
    free(mem), free(end), free(fsv);
    if (err)
        return refuse_ra(lf, "intervals");
    if (kr_ra_allocate(ra, spill_all ? KR_RA_SPILL_ALL : KR_RA_LINEAR_SCAN) < 0)
        return refuse_ra(lf, "allocate");
#ifndef NDEBUG
    if (kr_ra_verify(ra) < 0)
        return refuse_ra(lf, "verify");
#endif
    return 0;
}

int kr_lir_fill_exits(kr_lir_func *lf, kr_jit_exit *out)
{
    for (uint32_t e = 0; e < lf->nexits; e++) {
        const kr_lir_exit *ex = &lf->exits[e];
        const kr_hir_fs *fs = &lf->hir->fss[ex->fs];
        kr_jit_exit *je = &out[e];
        je->pc = fs->pc;
        je->reason = ex->reason;
        je->nvalues = fs->ndirty;
        je->values = fs->ndirty ? calloc(fs->ndirty, sizeof *je->values) : NULL;
        if (fs->ndirty && !je->values)
            return kr_hir_refuse(lf->hir, "out of memory in the JIT back end");
        int pos = (int)(2 * ex->insn + 1); /* where the frame-state uses are (kr_lir_allocate) */
        const kr_lir_insn *at = &lf->insns[ex->insn];
        int undone = kr_lir_insn_reversible(at) ? at->in[0] : -1; /* restored by the exit path */
        for (uint32_t d = 0; d < fs->ndirty; d++) {
            kr_jit_exit_value *jv = &je->values[d];
            const kr_hir_insn *h = &lf->hir->insns[fs->dirty[d].value];
            jv->slot = fs->dirty[d].slot;
            jv->rep = h->rep == KR_HIR_DOUBLE ? KR_HIR_DOUBLE : KR_HIR_TAGGED;
            int64_t bits;
            int v = kr_lir_value_of(lf, fs->dirty[d].value, &bits);
            if (v == -1) {
                jv->kind = KR_JIT_LOC_CONST;
                jv->imm = bits;
                continue;
            }
            kr_ra_loc loc = v >= 0 ? kr_ra_location_at(lf->ra, v, v == undone ? pos - 1 : pos)
                                   : (kr_ra_loc){KR_RA_NONE, 0};
            if (ex->adj_slot == (int32_t)jv->slot) {
                if (jv->rep != KR_HIR_TAGGED)
                    return kr_hir_refuse(lf->hir, "exit at pc %u: slot %u adjusted but not tagged", fs->pc, jv->slot);
                jv->imm = ex->adj;
            }
            if (loc.kind == KR_RA_REG) {
                jv->kind = KR_JIT_LOC_REG;
                jv->index = loc.index;
            } else if (loc.kind == KR_RA_STACK) {
                jv->kind = KR_JIT_LOC_STACK;
                jv->index = loc.index;
            } else {
                return kr_hir_refuse(lf->hir, "exit at pc %u: slot %u has no location", fs->pc, jv->slot);
            }
        }
    }
    return 0;
}
