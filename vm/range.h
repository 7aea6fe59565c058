/* range.h: range, its iterator, and slice objects (vm/range.c).
 *
 * range supports int64 bounds (arguments beyond int64 raise OverflowError; CPython allows arbitrary ints).
 * len is kept as uint64 because range(-2**63, 2**63-1) has more than INT64_MAX items; len() of such a
 * range raises OverflowError as CPython does beyond ssize_t. Every item start + i*step (i < len) fits
 * in int64. */
#ifndef KRAIT_RANGE_H
#define KRAIT_RANGE_H

#include "kr.h"

typedef struct kr_range {
    kr_object ob;
    int64_t start, stop, step; /* step != 0 */
    uint64_t len;
} kr_range;

/* The interpreter and JIT may special-case iteration: produce `next`, then next += step (modulo 2^64: the
 * add after the last item may wrap, which is harmless), remaining -= 1; exhausted when remaining == 0. */
typedef struct kr_range_iter {
    kr_object ob;
    int64_t next;
    int64_t step;
    uint64_t remaining;
} kr_range_iter;

typedef struct kr_slice {
    kr_object ob;
    kr_value start, stop, step; /* any values; None when omitted */
} kr_slice;

static inline bool kr_range_check(kr_vm *vm, kr_value v) { return kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.range; }
/* range(start, stop, step) from int64s (step != 0). */
kr_value kr_range_from_i64(kr_vm *vm, int64_t start, int64_t stop, int64_t step);
/* An iterator over start, start+step, ... (n items). */
kr_value kr_range_iter_new(kr_vm *vm, int64_t start, int64_t step, uint64_t n);

#endif
