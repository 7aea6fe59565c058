/* builtins.h: the builtins module (stdlib/builtins.c).
 *
 * kr_builtins_module_create (declared in vm/init.h) builds the module: the builtin functions, the
 * builtin types owned by their modules (int, str, list, ...), every exception class of vm->exc_types,
 * Ellipsis, NotImplemented and __debug__. `open` is added by stdlib/io.c's owner.
 *
 * Interfaces it uses from other modules (declared here until their headers provide them):
 *   vm/iterobj.c  kr_callable_iter_new(vm, callable, sentinel)   iter(callable, sentinel)
 *   vm/interp.h   kr_interp_globals / kr_interp_locals / kr_interp_run_code
 *   vm/compile.h  kr_compile_source
 *   stdlib/sys.h  kr_sys_write_stdout / kr_sys_get
 */
#ifndef KRAIT_BUILTINS_H
#define KRAIT_BUILTINS_H

#include "../vm/kr.h"

kr_value kr_builtins_module_create(kr_vm *vm);

/* sum(iterable, start) and the min/max core, for other C code (e.g. the JIT's known-builtin calls). */
kr_value kr_builtins_sum(kr_vm *vm, kr_value iterable, kr_value start);

#endif
