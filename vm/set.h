/* set.h: set and frozenset (vm/set.c). The layout is private; use this API.
 * Iteration order is the hash table's order, which follows CPython's table rules (vm/set.c). */
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
/* The table layout of a frozenset, for vm/marshal.c to store and rebuild it exactly: its table size
 * (slots; 0 when empty) and, through kr_set_next, each key's slot (the returned pos - 1). */
int64_t kr_set_table_size(kr_value s);
/* A frozenset with keys[i] in slot slots[i] of a table of `size` slots (a power of two, at least 8, more
 * than n, slots distinct). KR_NULL with ValueError for a layout that breaks these rules (or an unhashable
 * key's TypeError, or MemoryError). */
kr_value kr_frozenset_from_layout(kr_vm *vm, int64_t size, int64_t n, const int64_t *slots, const kr_value *keys);

#endif
