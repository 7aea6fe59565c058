/* interval.c: live intervals with lifetime holes (Wimmer & Mössenböck 2005, section 3): ranges,
 * use positions, intersection, and splitting into pieces ("split children"). */
#include <stdlib.h>
#include <string.h>

#include "regalloc/regalloc_internal.h"

static int cmp_range(const void *a, const void *b)
{
    const kr_ra_range *x = a, *y = b;
    return x->from != y->from ? (x->from < y->from ? -1 : 1) : (x->to < y->to ? -1 : x->to > y->to);
}

/* Sort, then merge overlapping and adjacent ranges: afterwards r[i].to < r[i+1].from. */
void kr_ra_normalise_ranges(kr_ra_range *r, int *n)
{
    if (*n <= 1)
        return;
    qsort(r, (size_t)*n, sizeof *r, cmp_range);
    int out = 0;
    for (int i = 1; i < *n; i++) {
        if (r[i].from <= r[out].to) {
            if (r[i].to > r[out].to)
                r[out].to = r[i].to;
        } else {
            r[++out] = r[i];
        }
    }
    *n = out + 1;
}

static int cmp_use(const void *a, const void *b)
{
    const kr_ra_use *x = a, *y = b;
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

void kr_ra_sort_uses(kr_ra_use *u, int n)
{
    if (n > 1)
        qsort(u, (size_t)n, sizeof *u, cmp_use);
}

/* The index of the first range ending after pos (nranges if none). */
int kr_ra_range_index(const kr_ra_interval *it, int pos)
{
    int lo = 0, hi = it->nranges;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (it->ranges[mid].to <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool kr_ra_covers(const kr_ra_interval *it, int pos)
{
    int i = kr_ra_range_index(it, pos);
    return i < it->nranges && it->ranges[i].from <= pos;
}

/* The first position >= from covered by both a and b, or KR_RA_INF. */
int kr_ra_next_intersection(const kr_ra_interval *a, const kr_ra_interval *b, int from)
{
    int i = kr_ra_range_index(a, from), j = kr_ra_range_index(b, from);
    while (i < a->nranges && j < b->nranges) {
        const kr_ra_range *x = &a->ranges[i], *y = &b->ranges[j];
        int lo = x->from > y->from ? x->from : y->from;
        if (lo < from)
            lo = from;
        int hi = x->to < y->to ? x->to : y->to;
        if (lo < hi)
            return lo;
        if (x->to <= y->to)
            i++;
        else
            j++;
    }
    return KR_RA_INF;
}

bool kr_ra_use_needs_reg(kr_ra_use_kind kind) { return kind == KR_RA_USE_REG || kind == KR_RA_DEF; }

/* The first use at or after from (only those that need a register if need_reg). */
int kr_ra_next_use(const kr_ra_interval *it, int from, bool need_reg)
{
    int lo = 0, hi = it->nuses;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (it->uses[mid].pos < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (int i = lo; i < it->nuses; i++)
        if (!need_reg || kr_ra_use_needs_reg(it->uses[i].kind))
            return it->uses[i].pos;
    return KR_RA_INF;
}

/* Can it be split at pos? The piece after the split starts at the first covered position >= pos. A
 * move is needed at pos only when the value is live both before and at pos, and moves go only at
 * even positions (between instructions); elsewhere (in a lifetime hole, or where a range starts at
 * a definition) no move is needed and any position will do. */
bool kr_ra_valid_split(const kr_ra_interval *it, int pos)
{
    if (pos <= kr_ra_start(it) || pos >= kr_ra_end(it))
        return false;
    return !((pos & 1) && kr_ra_covers(it, pos) && kr_ra_covers(it, pos - 1));
}

int kr_ra_split_pos_le(const kr_ra_interval *it, int lo, int hi)
{
    if (hi >= kr_ra_end(it))
        hi = kr_ra_end(it) - 1;
    for (int p = hi; p >= lo && p >= hi - 1; p--)
        if (kr_ra_valid_split(it, p))
            return p;
    return -1;
}

/* Split it at pos (kr_ra_valid_split): it keeps what lies before pos, the returned new piece what
 * lies at or after, and is linked after it. Neither piece has a location yet. */
kr_ra_interval *kr_ra_split(kr_ra_ctx *ctx, kr_ra_interval *it, int pos)
{
    kr_ra_interval *child = kr_ra_new_interval(ctx, it->vreg, it->cls);
    if (!child)
        return NULL;
    int ri = kr_ra_range_index(it, pos); /* ranges[ri] is the first range ending after pos */
    bool inside = it->ranges[ri].from < pos;
    int nr = it->nranges - ri;
    child->ranges = kr_ra_alloc(ctx, sizeof(kr_ra_range) * (size_t)nr);
    int ui = 0;
    while (ui < it->nuses && it->uses[ui].pos < pos)
        ui++;
    int nu = it->nuses - ui;
    child->uses = kr_ra_alloc(ctx, sizeof(kr_ra_use) * (size_t)(nu ? nu : 1));
    if (!child->ranges || !child->uses)
        return NULL;
    memcpy(child->ranges, it->ranges + ri, sizeof(kr_ra_range) * (size_t)nr);
    child->nranges = nr;
    if (nu)
        memcpy(child->uses, it->uses + ui, sizeof(kr_ra_use) * (size_t)nu);
    child->nuses = nu;
    if (inside) {
        child->ranges[0].from = pos;
        it->ranges[ri].to = pos;
        it->nranges = ri + 1;
    } else {
        it->nranges = ri;
    }
    it->nuses = ui;
    child->next = it->next;
    child->prev = it;
    if (it->next)
        it->next->prev = child;
    it->next = child;
    ctx->nsplits++;
    return child;
}
