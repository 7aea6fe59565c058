/* regalloc_internal.h: the context and the interval representation shared by the files of regalloc/.
 * Not for clients: they use regalloc.h. */
#ifndef KRAIT_REGALLOC_INTERNAL_H
#define KRAIT_REGALLOC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "regalloc/regalloc.h"

#define KR_RA_INF 0x3fffffff /* "never": beyond every position */

typedef struct kr_ra_range {
    int from, to; /* [from, to) */
} kr_ra_range;

typedef struct kr_ra_use {
    int pos;
    kr_ra_use_kind kind;
} kr_ra_use;

/* An interval: the whole lifetime of a vreg before allocation, one piece of it (a "split child")
 * after, or the blocked ranges of a physical register (a fixed interval, vreg < 0).
 * Invariants: ranges are sorted, non-empty, disjoint and not adjacent (normalised); uses are sorted
 * by position and every use lies inside a range; the pieces of a vreg, linked by next in position
 * order, partition the ranges and uses of the original interval. */
typedef struct kr_ra_interval {
    int vreg;
    kr_ra_class cls;
    int reg;    /* the physical register, or -1 */
    bool stack; /* lives in the vreg's frame slot */
    bool fixed;
    kr_ra_range *ranges;
    int nranges;
    kr_ra_use *uses;
    int nuses;
    struct kr_ra_interval *next, *prev; /* the neighbouring pieces of the same vreg */
    int seq;                     /* tie-breaker in the unhandled queue: deterministic order */
} kr_ra_interval;

static inline int kr_ra_start(const kr_ra_interval *it) { return it->ranges[0].from; }
static inline int kr_ra_end(const kr_ra_interval *it) { return it->ranges[it->nranges - 1].to; }

typedef struct kr_ra_vreg {
    kr_ra_class cls;
    /* Input, as the client gave it (normalised by kr_ra_prepare). */
    kr_ra_range *ranges;
    int nranges, cap_ranges;
    kr_ra_use *uses;
    int nuses, cap_uses;
    int hint_vreg, hint_reg;
    bool is_phi;
    /* Result of the last allocation. */
    kr_ra_interval *first;     /* the first piece; NULL if the vreg has no range */
    kr_ra_interval **children; /* the pieces in position order */
    int nchildren;
    int slot;      /* frame slot, or -1 */
    int store_pos; /* KR_RA_SSA spill store position, or -1 */
    int ndefs, def_pos;
} kr_ra_vreg;

typedef struct kr_ra_phi {
    int block, vreg;
    kr_ra_phi_input *inputs; /* one per predecessor of block, in order */
    int ninputs;
} kr_ra_phi;

typedef struct kr_ra_block {
    int from, to, depth;
    int *preds, npreds, cap_preds;
    int *succs, nsuccs, cap_succs;
    int first_phi, nphis; /* into ctx->phi_order, after kr_ra_prepare */
} kr_ra_block;

/* A bump allocator: memory for one allocation run, released at once. */
typedef struct kr_ra_chunk {
    struct kr_ra_chunk *prev;
    size_t used, size;
    max_align_t data[];
} kr_ra_chunk;

typedef struct kr_ra_arena {
    kr_ra_chunk *top;
} kr_ra_arena;

struct kr_ra_ctx {
    kr_ra_target target;
    char err[256];
    bool oom;
    /* The function. */
    kr_ra_vreg *vregs;
    int nvregs, cap_vregs;
    kr_ra_block *blocks;
    int nblocks, cap_blocks;
    kr_ra_phi *phis;
    int nphis, cap_phis;
    int *phi_order; /* phi indices grouped by block */
    kr_ra_range *fixed_in[KR_RA_MAX_REGS];
    int nfixed_in[KR_RA_MAX_REGS], cap_fixed_in[KR_RA_MAX_REGS];
    bool prepared;
    /* The last allocation (all in run). */
    kr_ra_arena run;
    kr_ra_interval *fixed[KR_RA_MAX_REGS];
    int algo; /* -1 before any allocation */
    bool allocated, slots_done, resolved;
    int seq;
    int nsplits;
    int nslots;
    uint64_t used_regs;
    kr_ra_move_group *groups;
    int ngroups, cap_groups;
};

/* ctx.c */
int kr_ra_fail(kr_ra_ctx *ctx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int kr_ra_oom(kr_ra_ctx *ctx);
void *kr_ra_alloc(kr_ra_ctx *ctx, size_t size); /* from the run arena, zeroed; NULL sets oom */
int kr_ra_grow(kr_ra_ctx *ctx, void **p, int *cap, int need, size_t elem);
int kr_ra_prepare(kr_ra_ctx *ctx);      /* normalise and validate the input */
int kr_ra_begin_run(kr_ra_ctx *ctx);    /* drop the previous result, build fresh intervals */
int kr_ra_finish_run(kr_ra_ctx *ctx);   /* index the pieces of every vreg */
int kr_ra_block_at(const kr_ra_ctx *ctx, int pos); /* the block containing pos, or -1 */
bool kr_ra_is_block_start(const kr_ra_ctx *ctx, int pos);
int kr_ra_ssa_store_pos(const kr_ra_ctx *ctx, int v); /* after kr_ra_prepare; KR_RA_INF if none */
kr_ra_interval *kr_ra_child_at(const kr_ra_ctx *ctx, int vreg, int pos);
kr_ra_loc kr_ra_interval_loc(const kr_ra_ctx *ctx, const kr_ra_interval *it);
bool kr_ra_loc_eq(kr_ra_loc a, kr_ra_loc b);

/* interval.c */
void kr_ra_normalise_ranges(kr_ra_range *r, int *n);
void kr_ra_sort_uses(kr_ra_use *u, int n);
bool kr_ra_covers(const kr_ra_interval *it, int pos);
int kr_ra_range_index(const kr_ra_interval *it, int pos); /* first range with to > pos */
int kr_ra_next_intersection(const kr_ra_interval *a, const kr_ra_interval *b, int from);
int kr_ra_next_use(const kr_ra_interval *it, int from, bool need_reg); /* KR_RA_INF if none */
bool kr_ra_use_needs_reg(kr_ra_use_kind kind);
bool kr_ra_valid_split(const kr_ra_interval *it, int pos);
int kr_ra_split_pos_le(const kr_ra_interval *it, int lo, int hi); /* largest valid in [lo,hi] or -1 */
kr_ra_interval *kr_ra_split(kr_ra_ctx *ctx, kr_ra_interval *it, int pos);
kr_ra_interval *kr_ra_new_interval(kr_ra_ctx *ctx, int vreg, kr_ra_class cls);

#endif
