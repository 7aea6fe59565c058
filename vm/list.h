/* list.h: the list type (vm/list.c, sort in vm/listsort.c) and small helpers shared by the sequence and
 * container modules (tuple.c, dict.c, set.c, range.c, iterobj.c).
 *
 * Layout: kr_list in object.h. Invariants: 0 <= size <= cap (except during kr_list_sort, when the list is
 * emptied with items == NULL, size == 0 and cap == -1 so that any mutation is detected); items[0..size)
 * are valid values; the buffer is kr_mem_alloc'd and owned by the list. */
#ifndef KRAIT_LIST_H
#define KRAIT_LIST_H

#include "kr.h"

/* ob.flags bit used by list, tuple, dict, dict views, set and frozenset while their repr is being built:
 * a container met again while it is busy prints as "[...]" / "{...}" (CPython's Py_ReprEnter, kept in the
 * object itself so that no per-VM state is needed). */
#define KR_REPR_BUSY 0x8000u

static inline bool kr_list_check_exact(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.list;
}
static inline bool kr_list_check(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && (KR_OBJ(v)->type == vm->t.list || (KR_OBJ(v)->type->flags & KR_TF_LIST_SUBCLASS));
}
static inline int64_t kr_list_size(kr_value l) { return KR_AS(kr_list, l)->size; }
static inline kr_value *kr_list_items(kr_value l) { return KR_AS(kr_list, l)->items; }

/* list(iterable) as a new exact list; extend l by any iterable (self-extend safe). */
kr_value kr_list_from_iterable(kr_vm *vm, kr_value iterable);
int kr_list_extend(kr_vm *vm, kr_value list, kr_value iterable);
int kr_list_insert(kr_vm *vm, kr_value list, int64_t where, kr_value v);
/* Make room for at least n items (no size change). */
int kr_list_reserve(kr_vm *vm, kr_value list, int64_t n);
kr_value kr_list_as_tuple(kr_vm *vm, kr_value list);
kr_value kr_list_getitem(kr_vm *vm, kr_value list, kr_value key);
int kr_list_setitem(kr_vm *vm, kr_value list, kr_value key, kr_value value);
/* list[start:stop:step] / list[start:stop:step] = value (value NULL: del) for the bounds of a slice
 * (None, ints or __index__), as kr_list_getitem / kr_list_setitem with a slice key, without one. */
kr_value kr_list_getslice(kr_vm *vm, kr_value list, kr_value start, kr_value stop, kr_value step);
int kr_list_setslice(kr_vm *vm, kr_value list, kr_value start, kr_value stop, kr_value step, kr_value value);
void kr_list_reverse_items(kr_value *items, int64_t n);

/* The list's iterators; the interpreter may special-case them (index advances; seq is KR_NULL once
 * exhausted). */
typedef struct kr_list_iter {
    kr_object ob;
    kr_value seq;
    int64_t index;
} kr_list_iter;

/* ---- helpers shared by the container modules (defined in list.c) ---- */
/* An integer subscript: small ints inline, else __index__ (OverflowError becomes IndexError, as CPython's
 * PyNumber_AsSsize_t(x, IndexError)). If key has no __index__: TypeError
 * "<tname> indices must be integers or slices, not <type>". */
int kr_seq_index_key(kr_vm *vm, kr_value key, int64_t *out, const char *tname);
bool kr_seq_is_slice(kr_vm *vm, kr_value v);
/* An optional start/stop argument of index(): None/absent keeps *out; negative adds len and clamps to 0;
 * huge values clamp (CPython's _PyEval_SliceIndex). */
int kr_seq_slice_arg(kr_vm *vm, kr_value v, int64_t *out);
/* Clamp start/stop of index()/count() style arguments against len. */
void kr_seq_adjust_range(int64_t len, int64_t *start, int64_t *stop);
/* The count of seq * other: 1 with *count (negative → 0), 0 when other's type may handle the operation
 * (a heap type with __mul__/__rmul__: return NotImplemented), -1 with TypeError
 * "can't multiply sequence by non-int of type 'X'" or MemoryError for huge counts. */
int kr_seq_repeat_count(kr_vm *vm, kr_value other, int64_t *count);
/* Compare two values with < for sorting: fast paths for small ints, exact str and float. 1/0/-1. */
int kr_list_lt(kr_vm *vm, kr_value a, kr_value b);

/* listsort.c: stable merge sort of keys[0..n), moving vals in parallel when vals != NULL.
 * keys (and vals) must be traced by the caller (they are, see kr_list_sort). 0 or -1. */
int kr_listsort_run(kr_vm *vm, kr_value *keys, kr_value *vals, kr_value *tmpk, kr_value *tmpv, int64_t n);

#endif
