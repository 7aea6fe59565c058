/* exc.h: vm/exc.c's API beyond the exception functions declared in vm/object.h.
 *
 * Exception instances are kr_exception (object.h). Type-specific attributes (StopIteration.value,
 * SystemExit.code, OSError.errno/strerror/filename/filename2, SyntaxError.msg/filename/lineno/offset/
 * text/end_lineno/end_offset, ImportError.msg/name/path, NameError.name, AttributeError.name/obj,
 * UnicodeError.encoding/object/start/end/reason) live with the instance's other attributes (its shape
 * and slots, vm/instance.h, or its dict once in dict mode), set to None by __new__ and filled by
 * __init__.
 */
#ifndef KRAIT_EXC_H
#define KRAIT_EXC_H

#include "kr.h"

void kr_exc_init(kr_vm *vm);  /* phase 1: the builtin exception types (vm->exc_types) */
int kr_exc_setup(kr_vm *vm);  /* phase 3: the preallocated MemoryError instance */

/* An attribute of an exception's attribute dict, or KR_NULL (no exception raised). */
kr_value kr_exc_attr(kr_vm *vm, kr_value exc, const char *name);
/* Set one; -1 with MemoryError. */
int kr_exc_set_attr(kr_vm *vm, kr_value exc, const char *name, kr_value value);
/* The StopIteration value of a pending or given StopIteration instance (None if absent). */
kr_value kr_exc_stopiteration_value(kr_vm *vm, kr_value exc);
/* Give the pending AttributeError its name and obj attributes (for "Did you mean" suggestions); a
 * failure to do so is ignored. */
void kr_exc_set_attribute_context(kr_vm *vm, kr_value obj, kr_value name);
/* Raise OSError (mapped to its errno subclass) from errno `err`, with an optional filename (KR_NULL). */
kr_value kr_raise_errno(kr_vm *vm, int err, kr_value filename);

#endif
