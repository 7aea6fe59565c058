/* interp.h: the interpreter (vm/interp.c), generators (vm/generator.c), disassembler (vm/dis.c). */
#ifndef KRAIT_INTERP_H
#define KRAIT_INTERP_H

#include <stdio.h>

#include "frame.h"
#include "function.h"

/* ---- VM life cycle (called by vm.c) ---- */
void kr_interp_init(kr_vm *vm);        /* phase 1: function, code, cell, generator, traceback types */
int kr_interp_setup(kr_vm *vm);        /* phase 3 */
int kr_interp_stack_init(kr_vm *vm);   /* reserve the frame stack (vm->stack, released by vm.c with free());
                                          called by kr_interp_setup if not yet done; -1 with MemoryError */
/* Mark every slot of every live frame (called by the collector at root scanning). */
void kr_interp_trace_roots(kr_vm *vm);

/* ---- running code ---- */
/* Call a Python function object from C (kr_call uses this for functions). args rooted by the caller. */
kr_value kr_interp_call(kr_vm *vm, kr_value func, kr_value *args, int nargs, kr_value kwnames);
/* kr_interp_call with `self` before the arguments (nargs positional, then the values of kwnames), as
 * a method's function is called: without building an argument array that has it in front. */
kr_value kr_interp_call_self(kr_vm *vm, kr_value func, kr_value self, kr_value *args, int nargs, kr_value kwnames);
/* Run module/exec/eval code: locals KR_NULL means locals = globals. globals must be a dict; if it has
 * no '__builtins__', vm->builtins is used. Returns the code's return value (eval: the expression). */
kr_value kr_interp_run_code(kr_vm *vm, kr_value code, kr_value globals, kr_value locals);

/* Resume a suspended generator frame (generator.c only). The sent value must already be stored;
 * throw_mode: an exception is pending and is raised at the suspension point. *yielded = 1 if the
 * frame yielded (result = the yielded value), 0 if it returned (result) or raised (KR_NULL). */
kr_value kr_interp_resume(kr_vm *vm, kr_frame *f, int throw_mode, int *yielded);
/* generator.c's inline kr_interp_resume for a frame with compiled code: the compiled code returned
 * NULL (the frame was left to the interpreter); run it from there. Same result as kr_interp_resume. */
kr_value kr_interp_resume_jit_exit(kr_vm *vm, int *yielded);

/* ---- frame introspection for builtins ---- */
kr_value kr_interp_globals(kr_vm *vm);   /* globals() of the innermost Python frame, KR_NULL if none */
kr_value kr_interp_locals(kr_vm *vm);    /* locals(): dict (new dict snapshot for function frames) */
/* f's locals as locals() gives them in f (its mapping, or a new dict of the bound local names). */
kr_value kr_interp_frame_locals(kr_vm *vm, struct kr_frame *f);
/* Zero-argument super(): the __class__ cell and first argument of the innermost Python frame.
 * -1 with RuntimeError "super(): no arguments" / "super(): __class__ cell not found". */
int kr_interp_super_args(kr_vm *vm, kr_value *type, kr_value *self);
int kr_interp_current_line(kr_vm *vm);

/* ---- generators (vm/generator.c) ---- */
typedef struct kr_generator {
    kr_object ob;
    kr_frame *frame;        /* kr_mem_alloc'd header + slots; NULL once finished */
    kr_value name, qualname;
    kr_value handled_exc;   /* the generator's own handled exception while suspended (KR_NULL: none) */
    kr_value yieldfrom;     /* the delegate while suspended in YIELD_FROM, else KR_NULL */
    bool running;
    bool started;
    bool ag_running; /* async generator: an asend/athrow/aclose awaitable is driving it */
    bool ag_closed;  /* async generator: finished or closed, every further __anext__ stops */
} kr_generator;

/* A generator or a coroutine (the same object, vm/generator.c): what YIELD_FROM runs inline. */
static inline bool kr_gen_like(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && (KR_OBJ(v)->type == vm->t.generator || KR_OBJ(v)->type == vm->t.coroutine);
}

/* ---- coroutines (vm/generator.c): the work of the coroutine opcodes (vm/bytecode.h) ---- */
/* The iterator `await o` runs: o itself for a coroutine, else o.__await__() (an iterator; a
 * coroutine_wrapper is unwrapped to its coroutine). kind: 0 await, 1 __aenter__'s, 2 __aexit__'s
 * result (TypeError messages as CPython's). */
kr_value kr_coro_get_awaitable(kr_vm *vm, kr_value o, int kind);
kr_value kr_coro_get_aiter(kr_vm *vm, kr_value o);  /* o.__aiter__(), checked for __anext__ */
kr_value kr_coro_get_anext(kr_vm *vm, kr_value it); /* the awaitable of it.__anext__() */
/* out[0] = bound mgr.__aexit__, out[1] = the awaitable of mgr.__aenter__(). 0 or -1. */
int kr_coro_before_async_with(kr_vm *vm, kr_value mgr, kr_value *out);
/* The coroutine a coroutine_wrapper (coro.__await__()) iterates. */
kr_value kr_coro_unwrap(kr_value wrapper);
/* The builtins aiter(x) and anext(it[, default]) (registered by stdlib/builtins.c). */
kr_value kr_builtin_aiter(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames);
kr_value kr_builtin_anext(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames);
/* ASYNC_GEN_WRAP: an async generator's item, as its frame yields it. */
kr_value kr_async_gen_wrap(kr_vm *vm, kr_value v);

/* Create a generator around a bound frame (args already bound in slots; called by the interpreter). */
kr_value kr_gen_new(kr_vm *vm, kr_function *fn, const kr_value *slots);
/* The generator (running until now) has suspended: barrier and, when it stopped inside a try block,
 * registration for closing should it become unreachable (generator.c). */
void kr_gen_suspended(kr_vm *vm, kr_value gen);
/* gen.send(v): result in *out. Returns 1 = yielded, 0 = returned (*out = return value), -1 = error. */
int kr_gen_send(kr_vm *vm, kr_value gen, kr_value v, kr_value *out);
/* One step of `yield from` delegation to sub (generator.c): 1 yielded *out, 0 finished with result
 * *out, -1 raised. */
int kr_gen_delegate(kr_vm *vm, kr_value sub, kr_value sent, kr_value *out);
void kr_gen_init(kr_vm *vm);
/* For the interpreter's inline yield from: free a finished generator's frame; turn a pending
 * StopIteration into RuntimeError("generator raised StopIteration") (PEP 479). */
void kr_gen_finish(kr_vm *vm, kr_value gen);
void kr_gen_pep479(kr_vm *vm, kr_value gen);
/* Whether suspended frame f stopped inside an except / finally / with-exit handler of its own. */
bool kr_gen_frame_in_handler(const kr_frame *f);
/* The handled exception to keep with a generator frame f that suspends (KR_NULL: none of its own, it
 * sees the resumer's): vm->handled_exc, unless that is `outer`, the one it was resumed with, and f
 * is not handling it itself (a generator thrown the exception its caller is handling, from the
 * caller's except block). Inline: every suspension asks, and usually nothing is handled. */
static inline kr_value kr_gen_own_handled(kr_vm *vm, const kr_frame *f, kr_value outer)
{
    kr_value h = vm->handled_exc;
    if (h != outer)
        return h;
    if (!h || h == KR_NONE || !kr_gen_frame_in_handler(f))
        return KR_NULL;
    return h;
}

/* ---- disassembler (vm/dis.c) ---- */
void kr_dis_code(kr_vm *vm, kr_value code, FILE *out);

#endif
