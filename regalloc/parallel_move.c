/* parallel_move.c: kr_ra_parallel_move, sequentialising a parallel move.
 *
 * The classic algorithm (see L. Rideau, B. P. Serpette and X. Leroy, "Tilting at windmills with
 * Coq: formal verification of a compilation algorithm for parallel moves", JAR 2008, and C1's
 * MoveResolver): emit every move whose destination no pending move still reads; when none is left
 * the pending moves form disjoint cycles, and one location of a cycle is saved in a scratch register
 * first. O(n log n) for n moves.
 *
 * Stack-to-stack moves need a register in between: the scratch of the value's class, or, while that
 * one holds a cycle's saved value, the scratch of the other class (slots are 8 bytes, so a GP value
 * can pass through an XMM register with movq and back). Moves from constants come last: nothing
 * reads their destinations, and both scratch registers are free by then, so a client may use one to
 * materialise a 64-bit immediate. */
#include <stdlib.h>
#include <string.h>

#include "regalloc/regalloc_internal.h"

typedef struct pm {
    const kr_ra_move *in;
    int n;
    kr_ra_move *m; /* pending moves, sources possibly redirected to a scratch register */
    int *src_idx, *dst_idx;
    uint64_t *keys;
    int nkeys;
    int *readers, *writer, *reader_of;
    bool *done, *redirected;
    int *ready, nready;
    kr_ra_move *out;
    int nout;
    const int *scratch;
    char *err;
    size_t errlen;
} pm;

static uint64_t key_of(kr_ra_loc l) { return ((uint64_t)l.kind << 32) | (uint32_t)l.index; }

static int cmp_key(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int find_key(const pm *p, kr_ra_loc l)
{
    uint64_t k = key_of(l);
    int lo = 0, hi = p->nkeys - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (p->keys[mid] == k)
            return mid;
        if (p->keys[mid] < k)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static int pm_fail(pm *p, const char *msg)
{
    if (p->err && p->errlen)
        snprintf(p->err, p->errlen, "parallel move: %s", msg);
    return -1;
}

static bool is_scratch(const pm *p, kr_ra_loc l)
{
    return l.kind == KR_RA_REG && (l.index == p->scratch[0] || l.index == p->scratch[1]);
}

static void out_move(pm *p, kr_ra_loc dst, kr_ra_loc src, int64_t imm, kr_ra_class cls)
{
    p->out[p->nout++] = (kr_ra_move){.dst = dst, .src = src, .imm = imm, .cls = cls};
}

/* Emit move i; busy is the class whose scratch holds a cycle's value, or -1. */
static int emit(pm *p, int i, int busy)
{
    kr_ra_move *m = &p->m[i];
    if (m->src.kind == KR_RA_STACK && m->dst.kind == KR_RA_STACK) {
        int c = (int)m->cls;
        int t = busy == c ? p->scratch[1 - c] : p->scratch[c];
        if (t < 0)
            return pm_fail(p, "a stack-to-stack move needs a scratch register");
        kr_ra_loc tmp = {KR_RA_REG, t};
        out_move(p, tmp, m->src, 0, m->cls);
        out_move(p, m->dst, tmp, 0, m->cls);
    } else {
        out_move(p, m->dst, m->src, m->imm, m->cls);
    }
    return 0;
}

static int run(pm *p)
{
    int n = 0;
    for (int i = 0; i < p->n; i++) { /* drop moves onto themselves, validate the rest */
        const kr_ra_move *m = &p->in[i];
        if (m->dst.kind != KR_RA_REG && m->dst.kind != KR_RA_STACK)
            return pm_fail(p, "a destination must be a register or a stack slot");
        if (m->src.kind != KR_RA_REG && m->src.kind != KR_RA_STACK && m->src.kind != KR_RA_CONST)
            return pm_fail(p, "a source must be a register, a stack slot or a constant");
        if (m->cls != KR_RA_GP && m->cls != KR_RA_FP)
            return pm_fail(p, "bad register class");
        if (is_scratch(p, m->dst) || (m->src.kind == KR_RA_REG && is_scratch(p, m->src)))
            return pm_fail(p, "a move uses a scratch register");
        if (m->src.kind != KR_RA_CONST && key_of(m->src) == key_of(m->dst))
            continue;
        p->m[n++] = *m;
    }
    p->nkeys = 0;
    for (int i = 0; i < n; i++) {
        p->keys[p->nkeys++] = key_of(p->m[i].dst);
        if (p->m[i].src.kind != KR_RA_CONST)
            p->keys[p->nkeys++] = key_of(p->m[i].src);
    }
    qsort(p->keys, (size_t)p->nkeys, sizeof *p->keys, cmp_key);
    int u = 0;
    for (int i = 0; i < p->nkeys; i++)
        if (!u || p->keys[u - 1] != p->keys[i])
            p->keys[u++] = p->keys[i];
    p->nkeys = u;
    for (int k = 0; k < u; k++) {
        p->readers[k] = 0;
        p->writer[k] = p->reader_of[k] = -1;
    }
    for (int i = 0; i < n; i++) {
        p->dst_idx[i] = find_key(p, p->m[i].dst);
        p->src_idx[i] = p->m[i].src.kind == KR_RA_CONST ? -1 : find_key(p, p->m[i].src);
        if (p->writer[p->dst_idx[i]] >= 0)
            return pm_fail(p, "two moves write the same location");
        p->writer[p->dst_idx[i]] = i;
        if (p->src_idx[i] >= 0)
            p->readers[p->src_idx[i]]++;
        p->done[i] = p->redirected[i] = false;
    }
    /* Invariant: readers[k] counts the pending moves that still read location k. */
    int remaining = 0;
    p->nready = 0;
    for (int i = 0; i < n; i++) {
        if (p->m[i].src.kind == KR_RA_CONST)
            continue;
        remaining++;
        if (p->readers[p->dst_idx[i]] == 0)
            p->ready[p->nready++] = i;
    }
    int busy = -1, scratch_reader = -1;
    bool cycles = false;
    while (remaining > 0) {
        while (p->nready) {
            int i = p->ready[--p->nready];
            if (emit(p, i, busy))
                return -1;
            p->done[i] = true;
            remaining--;
            if (i == scratch_reader)
                busy = scratch_reader = -1;
            if (!p->redirected[i]) {
                int k = p->src_idx[i];
                int w = p->writer[k];
                if (--p->readers[k] == 0 && w >= 0 && !p->done[w] && p->src_idx[w] >= 0)
                    p->ready[p->nready++] = w; /* constants wait for the end */
            }
        }
        if (!remaining)
            break;
        /* Only cycles are left: every pending destination is read by exactly one pending move. */
        if (!cycles) {
            for (int i = 0; i < n; i++)
                if (!p->done[i] && p->src_idx[i] >= 0)
                    p->reader_of[p->src_idx[i]] = i;
            cycles = true;
        }
        int i = 0;
        while (p->done[i] || p->src_idx[i] < 0)
            i++;
        int c = (int)p->m[i].cls, d = p->dst_idx[i], r = p->reader_of[d];
        if (p->scratch[c] < 0)
            return pm_fail(p, "a cycle needs a scratch register");
        if (r < 0 || p->done[r])
            return pm_fail(p, "internal error: broken cycle");
        kr_ra_loc tmp = {KR_RA_REG, p->scratch[c]};
        out_move(p, tmp, p->m[i].dst, 0, p->m[i].cls);
        p->m[r].src = tmp;
        p->redirected[r] = true;
        busy = c;
        scratch_reader = r;
        p->readers[d] = 0;
        p->ready[p->nready++] = i;
    }
    for (int i = 0; i < n; i++)
        if (p->m[i].src.kind == KR_RA_CONST && emit(p, i, -1))
            return -1;
    return 0;
}

int kr_ra_parallel_move(const kr_ra_move *moves, int n, const int scratch[KR_RA_NUM_CLASSES], kr_ra_move *out,
                        int *nout, char *err, size_t errlen)
{
    *nout = 0;
    if (n < 0)
        return -1;
    if (n == 0)
        return 0;
    size_t nn = (size_t)n, nk = 2 * nn;
    pm p = {.in = moves, .n = n, .out = out, .scratch = scratch, .err = err, .errlen = errlen};
    p.m = malloc(sizeof *p.m * nn);
    p.src_idx = malloc(sizeof(int) * nn);
    p.dst_idx = malloc(sizeof(int) * nn);
    p.keys = malloc(sizeof *p.keys * nk);
    p.readers = malloc(sizeof(int) * nk);
    p.writer = malloc(sizeof(int) * nk);
    p.reader_of = malloc(sizeof(int) * nk);
    p.done = malloc(sizeof(bool) * nn);
    p.redirected = malloc(sizeof(bool) * nn);
    p.ready = malloc(sizeof(int) * nn);
    int rc;
    if (!p.m || !p.src_idx || !p.dst_idx || !p.keys || !p.readers || !p.writer || !p.reader_of || !p.done ||
        !p.redirected || !p.ready)
        rc = pm_fail(&p, "out of memory");
    else
        rc = run(&p);
    *nout = rc ? 0 : p.nout;
    free(p.m);
    free(p.src_idx);
    free(p.dst_idx);
    free(p.keys);
    free(p.readers);
    free(p.writer);
    free(p.reader_of);
    free(p.done);
    free(p.redirected);
    free(p.ready);
    return rc;
}
