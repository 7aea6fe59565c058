/* int.h: vm/int.c's own API beyond the kr_int_* functions declared in vm/object.h.
 *
 * Representation (see vm/value.h): an int is a tagged small int when it fits in 63 bits, otherwise a
 * kr_bigint with inline GMP limbs. Invariant: a kr_bigint never holds a value that fits a small int, so
 * two equal ints always have the same representation class and "is small" is a tag test.
 *
 * bool is a subclass of int whose two instances are the immediates KR_TRUE / KR_FALSE; every int
 * operation accepts them as 1 / 0 (kr_int_value unwraps them).
 *
 * Instances of Python subclasses of int (class C(int)) are kr_intsub objects: the header, then the core
 * int value (a small int or a kr_bigint pointer, never a bool or another kr_intsub). int's new_ slot
 * creates them with kr_instance_new(vm, cls) and fills `value`, so vm/type.c may append its own
 * per-instance storage after sizeof(kr_intsub) (int's instance_size). int's trace hook marks `value` for
 * any object whose type is not exactly int, so a heap subclass's trace must chain to its base's trace
 * (as CPython's subtype_traverse does).
 */
#ifndef KRAIT_INT_H
#define KRAIT_INT_H

#include <gmp.h>

#include "kr.h"

typedef struct kr_intsub {
    kr_object ob;
    kr_value value; /* core int: small int or exact-int kr_bigint */
} kr_intsub;

/* Phase 1 of kr_vm_new (declared in vm/init.h): creates vm->t.int_ and vm->t.bool_ and points
 * vm->imm_types[True/False] at bool. */
void kr_int_init(kr_vm *vm);

/* The core int (small int or kr_bigint of exact type int) of an int, bool or int-subclass instance;
 * KR_NULL without an exception when v is not an int. No allocation. */
kr_value kr_int_value(kr_vm *vm, kr_value v);
static inline bool kr_int_is_big(kr_vm *vm, kr_value core) { (void)vm; return !kr_is_small(core); }

/* Binary arithmetic on two ints (any of int/bool/subclass); KR_NOTIMPL when either is not an int.
 * The interpreter may call this directly on its int-int fast path. op: enum kr_binop. */
kr_value kr_int_binop(kr_vm *vm, int op, kr_value a, kr_value b);
kr_value kr_int_divmod(kr_vm *vm, kr_value a, kr_value b);      /* (q, r) tuple; NOTIMPL if not ints */
kr_value kr_int_pow3(kr_vm *vm, kr_value a, kr_value b, kr_value mod);
kr_value kr_int_neg(kr_vm *vm, kr_value a);
kr_value kr_int_abs(kr_vm *vm, kr_value a);
/* Compare two core ints: <0, 0, >0. */
int kr_int_cmp(kr_value a, kr_value b);
/* Compare a core int with a double exactly: -1, 0, 1; 2 when d is NaN (unordered). */
int kr_int_cmp_double(kr_value a, double d);
int64_t kr_int_hash(kr_value core);                    /* CPython's: n mod (2**61 - 1), never -1 */
int64_t kr_int_bit_length_core(kr_value core);
/* str of an int in base 2/8/10/16; with prefix "0b"/"0o"/"0x" after the sign when `prefix`. */
kr_value kr_int_to_str_ex(kr_vm *vm, kr_value v, int base, bool prefix);
/* sys.int_info.default_max_str_digits and str_digits_check_threshold (CPython 3.13's values): decimal
 * conversions of ints with more digits than vm->int_max_str_digits raise ValueError. */
#define KR_INT_DEFAULT_MAX_STR_DIGITS 4300
#define KR_INT_MAX_STR_DIGITS_THRESHOLD 640
/* kr_int_from_str without that limit: source literals (vm/compile.c; CPython rejects decimal ones beyond
 * the limit with a SyntaxError, Krait accepts them). */
kr_value kr_int_from_literal(kr_vm *vm, const char *s, size_t len, int base);

/* GMP bridging for vm/ and stdlib/ code (math module). A view is read-only and borrows the bigint's
 * limbs (or the caller's `limb` for a small int): valid while `core` is alive and no collection runs. */
mpz_srcptr kr_int_view(kr_value core, mpz_ptr storage, mp_limb_t *limb);
kr_value kr_int_from_mpz(kr_vm *vm, mpz_srcptr z); /* normalised: small when it fits */
/* Correctly rounded (half even) conversion; *ovf = 1 and ±HUGE_VAL when it does not fit a double. */
double kr_int_mpz_to_double(mpz_srcptr z, int *ovf);
/* Bits above which an int operation refuses with MemoryError instead of asking GMP (which aborts the
 * process when it cannot allocate). 2**36 bits = 8 GiB. */
#define KR_INT_MAX_BITS ((uint64_t)1 << 36)

#endif
