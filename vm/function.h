/* function.h: Python function objects, cells, and argument binding (CPython's messages).
 * Defined in vm/function.c. */
#ifndef KRAIT_FUNCTION_H
#define KRAIT_FUNCTION_H

#include "code.h"

typedef struct kr_function {
    kr_object ob;
    kr_value code;        /* kr_code */
    kr_value globals;     /* dict */
    kr_value builtins;    /* dict: globals['__builtins__'] (module's dict or dict) at creation, else vm->builtins */
    kr_value name;        /* str */
    kr_value qualname;    /* str */
    kr_value module;      /* globals['__name__'] at creation or None */
    kr_value doc;         /* any (None) */
    kr_value defaults;    /* tuple or KR_NULL */
    kr_value kwdefaults;  /* dict or KR_NULL */
    kr_value closure;     /* tuple of cells or KR_NULL */
    kr_value annotations; /* dict or KR_NULL (created on access) */
    kr_value dict;        /* __dict__ or KR_NULL (created on access) */
    /* Bumped when __code__, __defaults__ or __kwdefaults__ change: call-site caches and the JIT guard on
     * (function, version). */
    uint32_t version;
} kr_function;

/* A cell: contents KR_UNBOUND when empty. Store through kr_cell_set (write barrier). */
typedef struct kr_cell {
    kr_object ob;
    kr_value contents;
} kr_cell;

kr_value kr_func_new(kr_vm *vm, kr_value code, kr_value globals, kr_value qualname);
bool kr_func_check(kr_vm *vm, kr_value v); /* exactly a Python function */
kr_value kr_cell_new(kr_vm *vm, kr_value contents);
static inline void kr_cell_set(kr_vm *vm, kr_value cell, kr_value v)
{
    KR_AS(kr_cell, cell)->contents = v;
    kr_gc_barrier(vm, KR_OBJ(cell), v);
}

/* Bind a call's arguments into the callee's local slots [0, code->nlocals): positional, keywords,
 * defaults, *args tuple, **kwargs dict; sets unfilled locals to KR_UNBOUND. slots must have room for
 * code->nlocals values. Raises TypeError with CPython's messages. Returns 0 / -1. */
int kr_func_bind_args(kr_vm *vm, kr_function *fn, kr_value *slots, const kr_value *args, int nargs, kr_value kwnames);

/* Phase-1 type creation: function, cell (called by kr_interp_init). */
void kr_func_init(kr_vm *vm);

#endif
