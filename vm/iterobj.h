/* iterobj.h: builtin iterator objects (vm/iterobj.c): enumerate, zip, map, filter, reversed, the
 * sequence iterator (iter() over __getitem__) and the callable iterator (iter(f, sentinel)).
 * The builtins module binds the types themselves (vm->t.enumerate, ...); calling them goes through their
 * new_ slots. All of them return themselves from __iter__. */
#ifndef KRAIT_ITEROBJ_H
#define KRAIT_ITEROBJ_H

#include "kr.h"

/* iter(seq) for an object with __getitem__ but no __iter__: yields seq[0], seq[1], ... until IndexError
 * or StopIteration. */
kr_value kr_seqiter_new(kr_vm *vm, kr_value seq);
/* iter(callable, sentinel). */
kr_value kr_callable_iter_new(kr_vm *vm, kr_value callable, kr_value sentinel);

/* The steps of an exact zip and enumerate that FOR_ITER takes when the next instruction unpacks the
 * item (vm/interp_ops.h, kr_interp_op_for_iter_unpack): the items go to out[0..) (rooted slots: each
 * is stored as soon as it is fetched, before another iterator runs) instead of a new tuple. 1 with the
 * items, 0 when exhausted, -1 with an exception; what iterators they call, in what order, and the
 * errors are next()'s. kr_zip_next_into writes kr_zip_arity(zip) items (the number of iterables,
 * -1 once exhausted), kr_enumerate_next_into 2 (index, item). */
int64_t kr_zip_arity(kr_value zip);
int kr_zip_next_into(kr_vm *vm, kr_value zip, kr_value *out);
int kr_enumerate_next_into(kr_vm *vm, kr_value en, kr_value *out);
/* The byte offset of a zip's tuple of iterators (KR_NULL once exhausted) in the object, for compiled
 * code's inline step of a zip of list / tuple iterators (compiler/x86.cpp, emitForIterFast). */
size_t kr_zip_iters_offset(void);

#endif
