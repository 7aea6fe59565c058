/* init.h: every module's start-up hooks, in one place, in the order kr_vm_new calls them.
 * Phase 1 (kr_*_init): create types and set their slots; no other allocation.
 * Phase 2: kr_type_ready on every builtin type (vm.c).
 * Phase 3 (kr_*_setup): allocate caches, singletons and module objects. */
#ifndef KRAIT_INIT_H
#define KRAIT_INIT_H

#include "kr.h"

/* phase 1 */
void kr_typeobj_init(kr_vm *vm);   /* type.c: object, type, descriptors, NoneType... */
void kr_exc_init(kr_vm *vm);       /* exc.c */
void kr_instance_init(kr_vm *vm);  /* instance.c */
void kr_str_init(kr_vm *vm);       /* str.c */
void kr_bytes_init(kr_vm *vm);     /* bytes.c */
void kr_int_init(kr_vm *vm);       /* int.c: int and bool */
void kr_float_init(kr_vm *vm);     /* float.c */
void kr_complex_init(kr_vm *vm);   /* complex.c */
void kr_tuple_init(kr_vm *vm);     /* tuple.c */
void kr_list_init(kr_vm *vm);      /* list.c */
void kr_dict_init(kr_vm *vm);      /* dict.c */
void kr_set_init(kr_vm *vm);       /* set.c */
void kr_range_init(kr_vm *vm);     /* range.c: range and slice */
void kr_iterobj_init(kr_vm *vm);   /* iterobj.c */
void kr_interp_init(kr_vm *vm);    /* interp.c: function, code, cell, generator, traceback */
void kr_module_init(kr_vm *vm);    /* module.c */
void kr_io_init(kr_vm *vm);        /* stdlib/io.c: file objects */
void kr_collections_init(kr_vm *vm); /* stdlib/collections.c: deque and its iterators */

/* phase 3 (return -1 with an exception pending on failure) */
int kr_str_setup(kr_vm *vm);
int kr_tuple_setup(kr_vm *vm);
int kr_exc_setup(kr_vm *vm);
int kr_interp_setup(kr_vm *vm);
int kr_io_setup(kr_vm *vm);        /* sys.stdin/stdout/stderr file objects */

/* root tracing hooks called by kr_vm_trace_roots */
void kr_str_trace_roots(kr_vm *vm);
void kr_interp_trace_roots(kr_vm *vm);

/* builtin modules (stdlib/) */
kr_value kr_builtins_module_create(kr_vm *vm);
kr_value kr_sys_module_create(kr_vm *vm);
kr_value kr_math_module_create(kr_vm *vm);
kr_value kr_cmath_module_create(kr_vm *vm);      /* stdlib/cmath.c */
kr_value kr_time_module_create(kr_vm *vm);
kr_value kr_gc_module_create(kr_vm *vm);
kr_value kr_suggestions_module_create(kr_vm *vm); /* stdlib/suggestmodule.c */
kr_value kr_traceback_module_create(kr_vm *vm);   /* vm/traceback.c: _traceback */
kr_value kr_os_module_create(kr_vm *vm);
kr_value kr_signal_module_create(kr_vm *vm); /* stdlib/signalmodule.c: _signal */
kr_value kr_proc_module_create(kr_vm *vm);   /* stdlib/procmodule.c: _posixproc */
kr_value kr_select_module_create(kr_vm *vm); /* stdlib/selectmodule.c: _select */
kr_value kr_fcntl_module_create(kr_vm *vm);  /* stdlib/fcntlmodule.c */
kr_value kr_json_module_create(kr_vm *vm);
kr_value kr_re_module_create(kr_vm *vm);         /* stdlib/re_engine.c: _re */
kr_value kr_collections_module_create(kr_vm *vm); /* stdlib/collections.c: _collections */
kr_value kr_weakref_module_create(kr_vm *vm);    /* vm/weakref.c: _weakref */
kr_value kr_struct_module_create(kr_vm *vm);     /* stdlib/struct.c: _struct */
kr_value kr_array_module_create(kr_vm *vm);      /* stdlib/array.c: array */
kr_value kr_binascii_module_create(kr_vm *vm);   /* stdlib/binascii.c */
kr_value kr_unicodedata_module_create(kr_vm *vm); /* stdlib/unicodedata.c */
kr_value kr_hashlib_module_create(kr_vm *vm);    /* stdlib/hashlib.c: _hashlib */
kr_value kr_zlib_module_create(kr_vm *vm);       /* stdlib/zlibmodule.c: zlib */
kr_value kr_sqlite_module_create(kr_vm *vm);     /* stdlib/sqlite.c: _sqlite3 */
kr_value kr_bz2_module_create(kr_vm *vm);        /* stdlib/bz2module.c: _bz2 (libbz2 by dlopen) */
kr_value kr_socket_module_create(kr_vm *vm);     /* stdlib/socketmodule.c: _socket */
kr_value kr_expat_module_create(kr_vm *vm);      /* stdlib/expat.c: _expat (libexpat, dlopened) */
kr_value kr_errno_module_create(kr_vm *vm);      /* stdlib/errnomodule.c */
kr_value kr_ast_module_create(kr_vm *vm);        /* stdlib/astmodule.c */
kr_value kr_imp_module_create(kr_vm *vm);        /* stdlib/impmodule.c */
kr_value kr_pwdgrp_module_create(kr_vm *vm);     /* stdlib/pwdgrpmodule.c: _pwdgrp */
kr_value kr_locale_module_create(kr_vm *vm);     /* stdlib/localemodule.c: _locale */

#endif
