/* set.h: set and frozenset (vm/set.c). The layout is private; use this API.
 * Iteration order is the hash table's order (it need not match CPython's). */
#ifndef KRAIT_SET_H
#define KRAIT_SET_H

#include "kr.h"

bool kr_anyset_check(kr_vm *vm, kr_value v);  /* set, frozenset or a subclass of either */
bool kr_frozenset_check(kr_vm *vm, kr_value v);
int64_t kr_set_size(kr_value s);
/* Iterate: int64_t pos = 0; while (kr_set_next(s, &pos, &key)) ... (no mutation meanwhile). */
bool kr_set_next(kr_value s, int64_t *pos, kr_value *key);
/* A new set of type cls (set, frozenset or a subclass) from any iterable (iterable may be KR_NULL). */
kr_value kr_set_from_iterable(kr_vm *vm, kr_type *cls, kr_value iterable);
/* In-place update of a set (also used on fresh frozensets before they escape) with any iterable:
 * op is KR_OP_OR (update), KR_OP_AND (intersection_update), KR_OP_SUB (difference_update) or
 * KR_OP_XOR (symmetric_difference_update). 0 / -1. */
int kr_set_update_op(kr_vm *vm, kr_value set, kr_value other, int op);
int kr_set_discard(kr_vm *vm, kr_value set, kr_value key); /* 1 removed, 0 absent, -1 error */
int kr_set_clear(kr_vm *vm, kr_value set);

#endif
