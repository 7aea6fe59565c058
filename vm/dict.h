/* dict.h: the dict type's extra API (vm/dict.c); the core API is in object.h.
 *
 * A dict is a compact ordered hash table (CPython 3.6+): an index table of 2^k signed slots (int8, int16,
 * int32 or int64 wide depending on 2^k) holding positions into a dense entries array of (hash, key,
 * value) in insertion order. See dict.c for the invariants. */
#ifndef KRAIT_DICT_H
#define KRAIT_DICT_H

#include "kr.h"

static inline bool kr_dict_check_exact(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.dict;
}
static inline bool kr_dict_check(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && (KR_OBJ(v)->type == vm->t.dict || (KR_OBJ(v)->type->flags & KR_TF_DICT_SUBCLASS));
}

/* ---- global-load caches ----
 * kr_dict_lookup_slot returns a pointer to the value slot of str key `key` (no Python code runs; only
 * str keys are compared), or NULL if absent. The pointer stays valid, and keeps designating that key's
 * value, as long as kr_dict_keys_version(d) is unchanged: the keys version changes on every insertion
 * of a new key, deletion, clear and table resize, but not when an existing key's value is replaced
 * (so a cache of `&value` survives `x = x + 1` at module level and reads the new value through it).
 * kr_dict_version changes on every mutation, including value replacement. Versions are per dict and
 * only ever increase; a cache must also check the dict's identity. */
kr_value *kr_dict_lookup_slot(kr_vm *vm, kr_value d, kr_value key);
uint64_t kr_dict_keys_version(kr_value d);
/* Byte offsets of the keys version (uint64_t) and of the number of items (int64_t) in a dict object,
 * for compiled code's guards and len() (the layout is otherwise private to dict.c). */
size_t kr_dict_keys_version_offset(void);
size_t kr_dict_used_offset(void);

/* Lookup with a precomputed hash (e.g. from a str's cached hash). */
kr_value kr_dict_get_hashed(kr_vm *vm, kr_value d, kr_value key, int64_t hash);
/* d.setdefault(key, dflt) semantics: returns the existing value or inserts dflt and returns it. */
kr_value kr_dict_setdefault(kr_vm *vm, kr_value d, kr_value key, kr_value dflt);
/* d.pop(key): the removed value, KR_NULL with no exception if absent, KR_NULL with one on error. */
kr_value kr_dict_pop(kr_vm *vm, kr_value d, kr_value key);
int kr_dict_clear(kr_vm *vm, kr_value d);
/* d[key] for the interpreter: KeyError / __missing__ semantics of dict.__getitem__. */
kr_value kr_dict_getitem(kr_vm *vm, kr_value d, kr_value key);
/* Merge another dict (override existing keys or not): used by {**a, **b} and f(**kw). */
int kr_dict_merge(kr_vm *vm, kr_value d, kr_value other, bool override);
kr_value kr_dict_keys_list(kr_vm *vm, kr_value d);
kr_value kr_dict_values_list(kr_vm *vm, kr_value d);
kr_value kr_dict_items_list(kr_vm *vm, kr_value d);
/* A dict items iterator's step (vm->t.dict_itemiter) that FOR_ITER takes when the next instruction
 * unpacks the pair (vm/interp_ops.h, kr_interp_op_for_iter_unpack): key and value into out[0], out[1]
 * instead of a new tuple. 1, 0 when exhausted, -1 with next()'s RuntimeError. */
int kr_dict_itemiter_next_into(kr_vm *vm, kr_value it, kr_value *out);

#endif
