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

#endif
