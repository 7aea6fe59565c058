/* range.h: range, its iterator, and slice objects (vm/range.c).
 *
 * range accepts arbitrary ints, as CPython. A range whose start, stop and step all fit int64 is "small":
 * len is kept as uint64 because range(-2**63, 2**63-1) has more than INT64_MAX items (len() of such a
 * range raises OverflowError as CPython does beyond ssize_t), and every item start + i*step (i < len)
 * fits in int64. Any other range is "big": KR_RANGE_BIG is set in ob.flags, start/stop/step hold the
 * sentinel INT64_MIN (so a fast path testing kr_fits_small on them falls back to the generic protocol),
 * len is 0, and the real bounds and length are the int values bstart/bstop/bstep/blen (KR_NULL in a
 * small range). */
#ifndef KRAIT_RANGE_H
#define KRAIT_RANGE_H

#include "kr.h"

enum { KR_RANGE_BIG = 1u << 0 }; /* ob.flags of a kr_range or kr_range_iter: the int-valued fields rule */

typedef struct kr_range {
    kr_object ob;
    int64_t start, stop, step; /* step != 0 */
    uint64_t len;
    kr_value bstart, bstop, bstep, blen; /* KR_RANGE_BIG only (else KR_NULL): ints, bstep != 0 */
} kr_range;

/* The interpreter and JIT may special-case iteration of an iterator WITHOUT KR_RANGE_BIG: produce `next`,
 * then next += step (modulo 2^64: the add after the last item may wrap, which is harmless),
 * remaining -= 1; exhausted when remaining == 0. Every item of such an iterator fits int64 (even when
 * it iterates a big range). A KR_RANGE_BIG iterator (items beyond int64) keeps its state in the int
 * values bnext/bstep/bremaining and has remaining == 0: fast paths must check the flag or use the
 * type's next slot. */
typedef struct kr_range_iter {
    kr_object ob;
    int64_t next;
    int64_t step;
    uint64_t remaining;
    kr_value bnext, bstep, bremaining; /* KR_RANGE_BIG only (else KR_NULL) */
} kr_range_iter;

typedef struct kr_slice {
    kr_object ob;
    kr_value start, stop, step; /* any values; None when omitted */
} kr_slice;

static inline bool kr_range_check(kr_vm *vm, kr_value v) { return kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.range; }
/* range(start, stop, step) from int64s (step != 0). */
kr_value kr_range_from_i64(kr_vm *vm, int64_t start, int64_t stop, int64_t step);
/* An int64 iterator over start, start+step, ... (n items; every item must fit int64). */
kr_value kr_range_iter_new(kr_vm *vm, int64_t start, int64_t step, uint64_t n);

#endif
