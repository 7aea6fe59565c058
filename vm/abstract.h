/* abstract.h: vm/abstract.c's API beyond the protocol functions declared in vm/object.h. */
#ifndef KRAIT_ABSTRACT_H
#define KRAIT_ABSTRACT_H

#include "kr.h"

/* Recursion guard for container reprs (CPython's Py_ReprEnter/Leave). kr_repr applies it automatically
 * to lists, dicts, sets and their subclasses: a container met again inside its own repr prints as
 * "[...]" / "{...}" / "set(...)". Other reprs that can recurse may use it directly:
 * kr_repr_enter returns 1 when obj's repr is already in progress (print a placeholder and do not call
 * kr_repr_leave), 0 when entered (call kr_repr_leave after), -1 on error. */
int kr_repr_enter(kr_vm *vm, kr_value obj);
void kr_repr_leave(kr_vm *vm, kr_value obj);

/* obj.name(*args) with an interned name (kr_call_method takes a C string). */
kr_value kr_call_method_name(kr_vm *vm, kr_value obj, kr_value name, kr_value *args, int nargs);
/* type(obj).name(obj, *args), the special method looked up on the type only and called without a
 * bound method when it is a plain function; KR_NULL without an exception if the type has none. */
kr_value kr_call_special(kr_vm *vm, kr_value obj, kr_value name, kr_value *args, int nargs);
/* The operator symbol used in "unsupported operand type(s) for +: ..." messages. */
const char *kr_binop_symbol(int op);

#endif
