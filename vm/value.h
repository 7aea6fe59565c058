/* value.h: the one place where Krait's value representation is defined.
 *
 * A Python value is one 64-bit word (kr_value):
 *
 *   ...............................1   small int: the upper 63 bits are a signed integer
 *   ............................000    pointer to a heap object (8-byte aligned), never 0
 *   ..........................xx010    immediate singletons: None, False, True, NotImplemented,
 *                                       Ellipsis, and the internal "unbound" marker
 *   0                                  KR_NULL: "no value". A function returning kr_value returns
 *                                       KR_NULL exactly when it failed and left a pending exception
 *                                       in the VM (or, where documented, "absent" with no exception).
 *
 * Small int arithmetic: with a = 2x+1 and b = 2y+1, a + b - 1 = 2(x+y)+1, so addition is one add, one
 * subtract and an overflow check; on overflow the result becomes a GMP-backed big int (vm/int.c).
 * An int value is small whenever it fits in 63 bits: big ints are always normalised back to small ints,
 * so "is this int small" is a tag test and equal ints have the same representation class.
 *
 * Floats are boxed heap objects (kr_float); the JIT keeps them unboxed in registers.
 * bool is a subclass of int: True and False are immediates, and every int operation accepts them.
 */
#ifndef KRAIT_VALUE_H
#define KRAIT_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t kr_value;

#define KR_NULL ((kr_value)0)

/* ---- small ints ---- */
#define KR_SMALL_MAX ((int64_t)(INT64_MAX >> 1))
#define KR_SMALL_MIN ((int64_t)(INT64_MIN >> 1))

static inline bool kr_is_small(kr_value v) { return (v & 1) != 0; }
/* Arithmetic right shift of a negative number: gcc and clang both define it as sign-extending. */
static inline int64_t kr_small_val(kr_value v) { return (int64_t)v >> 1; }
static inline kr_value kr_small(int64_t n) { return ((uint64_t)n << 1) | 1; }
static inline bool kr_fits_small(int64_t n) { return n >= KR_SMALL_MIN && n <= KR_SMALL_MAX; }

/* ---- immediates ---- */
#define KR_IMM_TAG 2u
#define KR_IMM(i) ((kr_value)(((uint64_t)(i) << 3) | KR_IMM_TAG))
enum kr_immediate {
    KR_IMM_NONE = 0,
    KR_IMM_FALSE = 1,
    KR_IMM_TRUE = 2,
    KR_IMM_NOTIMPL = 3,
    KR_IMM_ELLIPSIS = 4,
    KR_IMM_UNBOUND = 5, /* internal marker: an unbound local, cell or a deleted slot; never user-visible */
    KR_IMM_COUNT
};
#define KR_NONE KR_IMM(KR_IMM_NONE)
#define KR_FALSE KR_IMM(KR_IMM_FALSE)
#define KR_TRUE KR_IMM(KR_IMM_TRUE)
#define KR_NOTIMPL KR_IMM(KR_IMM_NOTIMPL)
#define KR_ELLIPSIS KR_IMM(KR_IMM_ELLIPSIS)
#define KR_UNBOUND KR_IMM(KR_IMM_UNBOUND)

static inline bool kr_is_imm(kr_value v) { return (v & 7) == KR_IMM_TAG; }
static inline unsigned kr_imm_index(kr_value v) { return (unsigned)(v >> 3); }
static inline bool kr_is_bool(kr_value v) { return v == KR_TRUE || v == KR_FALSE; }
static inline kr_value kr_bool(bool b) { return b ? KR_TRUE : KR_FALSE; }

/* ---- heap pointers ---- */
static inline bool kr_is_ptr(kr_value v) { return (v & 7) == 0 && v != 0; }
#define KR_OBJ(v) ((struct kr_object *)(uintptr_t)(v))
#define KR_VAL(p) ((kr_value)(uintptr_t)(p))
/* Cast a value known to be a heap object of a given C struct: KR_AS(kr_list, v)->size */
#define KR_AS(T, v) ((T *)(uintptr_t)(v))

#endif
