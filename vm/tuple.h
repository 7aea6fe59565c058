/* tuple.h: the tuple type (vm/tuple.c). Layout kr_tuple in object.h; the empty tuple is the singleton
 * vm->empty_tuple (created in kr_tuple_setup, before types are made ready). Tuples are immutable once
 * published: code that creates one with kr_tuple_new fills its items before handing it out. */
#ifndef KRAIT_TUPLE_H
#define KRAIT_TUPLE_H

#include "kr.h"

static inline bool kr_tuple_check_exact(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.tuple;
}
static inline bool kr_tuple_check(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && (KR_OBJ(v)->type == vm->t.tuple || (KR_OBJ(v)->type->flags & KR_TF_TUPLE_SUBCLASS));
}

/* Allocate an instance of tuple or a tuple subclass with n items (KR_NONE). */
kr_value kr_tuple_alloc_type(kr_vm *vm, kr_type *cls, int64_t n);
kr_value kr_tuple_slice(kr_vm *vm, kr_value t, int64_t lo, int64_t hi);
/* t[start:stop:step] for the bounds of a slice (None, ints or __index__), as subscripting with a
 * slice, without one (the whole of an exact tuple is itself). */
kr_value kr_tuple_getslice(kr_vm *vm, kr_value t, kr_value start, kr_value stop, kr_value step);
/* CPython 3.13's xxHash-based tuple hash over an array of already computed item hashes. */
int64_t kr_tuple_hash_lanes(const int64_t *lanes, int64_t n);

typedef struct kr_tuple_iter {
    kr_object ob;
    kr_value seq; /* KR_NULL once exhausted */
    int64_t index;
} kr_tuple_iter;

#endif
