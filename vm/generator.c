/* generator.c: generator objects: send / throw / close, yield from delegation (with YIELD_FROM in
 * interp.c), StopIteration.value, PEP 479.
 *
 * A generator owns its frame (header + slots in one kr_mem_alloc'd block): the interpreter runs it in
 * place, linked into the frame chain while running (vm->frame), so slot pointers never move. While
 * suspended its slots are traced through the generator's trace hook. The frame is freed when the
 * generator finishes. An unfinished generator that becomes garbage is closed, as in CPython, when
 * closing it can run code (it is suspended inside a try block): it registers with the collector's
 * Python-level finalization (gc/gc.h) when it suspends there, and the collector calls close() after
 * the collection that finds it unreachable (CPython does so at once, by reference counting).
 *
 * Coroutines (async def) are the same object with another type (vm->t.coroutine): the same frame,
 * send/throw/close and inline delegation (an `await` is GET_AWAITABLE + YIELD_FROM, vm/bytecode.h),
 * without __iter__/__next__ but with __await__, which returns a coroutine_wrapper (the iterator over
 * the coroutine that a Python __await__ may hand on; GET_AWAITABLE unwraps it again). A finished
 * coroutine cannot be resumed ("cannot reuse already awaited coroutine"), where a finished generator
 * just stops again. */
#include <string.h>

#include "compiler/jit.h"
#include "interp.h"
#include "traceback.h"
#include "tuple.h"
#include "type.h"

#define GEN(v) KR_AS(kr_generator, v)

static bool is_coro(kr_vm *vm, kr_value g) { return KR_OBJ(g)->type == vm->t.coroutine; }
/* "generator" or "coroutine", for messages */
static const char *gen_kind(kr_vm *vm, kr_value g)
{
    return is_coro(vm, g) ? "coroutine" : KR_OBJ(g)->type == vm->t.async_gen ? "async generator" : "generator";
}

static kr_value reuse_error(kr_vm *vm)
{
    return kr_raise(vm, KR_EXC(vm, RuntimeError), "cannot reuse already awaited coroutine");
}

kr_value kr_gen_new(kr_vm *vm, kr_function *fn, const kr_value *slots)
{
    kr_code *co = kr_code_of(fn->code);
    kr_type *t = (co->flags & KR_CODE_ASYNC_GEN)   ? vm->t.async_gen
               : (co->flags & KR_CODE_COROUTINE) ? vm->t.coroutine
                                                 : vm->t.generator;
    kr_generator *g = kr_gc_alloc(vm, t, sizeof(kr_generator));
    if (!g)
        return KR_NULL;
    kr_value *block = kr_mem_alloc(vm, (KR_FRAME_WORDS + co->nslots) * sizeof(kr_value));
    if (!block)
        return KR_NULL;
    kr_frame *f = (kr_frame *)block;
    memset(f, 0, sizeof *f);
    f->slots = block + KR_FRAME_WORDS;
    memcpy(f->slots, slots, co->nslots * sizeof(kr_value));
    f->code = co;
    f->func = KR_VAL(fn);
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    f->locals = KR_NULL;
    f->gen = KR_VAL(g);
    f->saved_handled = KR_NULL;
    f->pc = co->insns;
    f->flags = KR_FRAME_ENTRY | KR_FRAME_GEN;
    g->frame = f;
    g->name = fn->name;
    g->qualname = fn->qualname;
    return KR_VAL(g);
}

static void gen_finish(kr_vm *vm, kr_generator *g)
{
    if (g->frame) {
        kr_mem_free(vm, g->frame);
        g->frame = NULL;
    }
    g->handled_exc = KR_NULL;
}

void kr_gen_finish(kr_vm *vm, kr_value gen) { gen_finish(vm, GEN(gen)); }

void kr_gen_pep479(kr_vm *vm, kr_value gen)
{
    if (!kr_err_matches(vm, KR_EXC(vm, StopIteration)))
        return;
    kr_value e = kr_err_fetch(vm);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &e);
    kr_raise(vm, KR_EXC(vm, RuntimeError), "%s raised StopIteration", gen_kind(vm, gen));
    kr_value n = vm->exc;
    if (n && kr_exc_is_instance(vm, n)) {
        KR_AS(kr_exception, n)->cause = e;
        KR_AS(kr_exception, n)->context = e;
        KR_AS(kr_exception, n)->suppress_context = true;
        kr_gc_barrier(vm, KR_OBJ(n), e);
    }
    kr_root_reset(vm, m);
}

void kr_gen_suspended(kr_vm *vm, kr_value gen)
{
    kr_generator *g = GEN(gen);
    /* Its frame, a root while linked, is the generator's own memory again: what ran stored into its
     * slots without barriers. */
    kr_gc_barrier_all(vm, &g->ob);
    kr_frame *f = g->frame;
    if (!f || (g->ob.gc_flags & KR_GC_FINALIZABLE))
        return;
    kr_code *co = f->code;
    if (kr_code_handler_at(co, (uint32_t)(kr_frame_suspension(f) - co->insns)) &&
        g->ob.type->py_finalize) /* async generators have none: closing one needs an event loop */
        kr_gc_want_finalizer(vm, &g->ob);
}

/* Whether suspended frame f stopped inside one of its own except / finally / with-exit handlers (its
 * PUSH_EXC_INFO ran, its POP_EXCEPT not yet): vm/compile.c covers such a handler's body by a range
 * whose cleanup starts with POP_EXCEPT (after clearing an `except ... as name`). */
bool kr_gen_frame_in_handler(const kr_frame *f)
{
    const kr_code *co = f->code;
    uint32_t pc = (uint32_t)(kr_frame_suspension(f) - co->insns);
    for (uint32_t i = 0; i < co->nexctab; i++) {
        const kr_exc_entry *e = &co->exctab[i];
        if (pc < e->start || pc >= e->end)
            continue;
        for (uint32_t h = e->handler; h < co->ninsns; h += kr_opcode_words[KR_INSN_OP(co->insns[h])]) {
            unsigned op = KR_INSN_OP(co->insns[h]);
            if (op == KR_OP_POP_EXCEPT)
                return true;
            if (op != KR_OP_LOAD_NONE && op != KR_OP_MOVE && op != KR_OP_DELETE_FAST && op != KR_OP_STORE_NAME &&
                op != KR_OP_DELETE_NAME && op != KR_OP_STORE_DEREF && op != KR_OP_DELETE_DEREF &&
                op != KR_OP_STORE_GLOBAL && op != KR_OP_DELETE_GLOBAL)
                break;
        }
    }
    return false;
}

/* Run the frame. 1 yielded, 0 returned, -1 error. */
static int gen_resume(kr_vm *vm, kr_value gen, int throw_mode, kr_value *out)
{
    kr_generator *g = GEN(gen);
    kr_frame *f = g->frame;
    g->running = true;
    g->started = true;
    kr_value caller_handled = vm->handled_exc;
    if (g->handled_exc)
        vm->handled_exc = g->handled_exc;
    int yielded = 0;
    kr_value r = kr_interp_resume(vm, f, throw_mode, &yielded);
    g->running = false;
    if (yielded) {
        g->handled_exc = kr_gen_own_handled(vm, f, caller_handled);
        vm->handled_exc = caller_handled;
        kr_gen_suspended(vm, gen);
        *out = r;
        return 1;
    }
    vm->handled_exc = caller_handled;
    gen_finish(vm, g);
    if (!r) {
        kr_gen_pep479(vm, gen); /* PEP 479 */
        return -1;
    }
    *out = r;
    return 0;
}

int kr_gen_send(kr_vm *vm, kr_value gen, kr_value v, kr_value *out)
{
    kr_generator *g = GEN(gen);
    if (g->running)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "%s already executing", gen_kind(vm, gen));
    if (!g->frame) {
        if (is_coro(vm, gen))
            return (void)reuse_error(vm), -1;
        *out = KR_NONE;
        return 0;
    }
    kr_frame *f = g->frame;
    if (!g->started) {
        if (v != KR_NONE)
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "can't send non-None value to a just-started %s",
                              gen_kind(vm, gen));
    } else {
        f->slots[KR_INSN_A(*kr_frame_suspension(f))] = v;
    }
    return gen_resume(vm, gen, 0, out);
}

/* One step of `yield from` delegation without linking frames (the interpreter's YIELD_FROM when it
 * cannot run a generator delegate inline, and compiled code's, compiler/jit_rt.c): send `sent` into
 * sub (a generator: resumed as send() does; another iterator: its __next__ when sent is None, else
 * its send method). 1: the delegate yielded *out; 0: it finished with result *out (StopIteration's
 * value, None when an iterator ended without one); -1: it raised (pending, PEP 479 already applied
 * to a generator delegate). */
int kr_gen_delegate(kr_vm *vm, kr_value sub, kr_value sent, kr_value *out)
{
    if (kr_gen_like(vm, sub))
        return kr_gen_send(vm, sub, sent, out);
    kr_value v;
    if (sent == KR_NONE) {
        v = kr_type_next_keep_stop(vm, sub); /* a StopIteration's value is the result */
    } else {
        v = kr_call_method(vm, sub, "send", &sent, 1);
    }
    if (v) {
        *out = v;
        return 1;
    }
    if (!kr_err_occurred(vm)) { /* an iterator's end without StopIteration (kr_next's fast form) */
        *out = KR_NONE;
        return 0;
    }
    if (!kr_err_matches(vm, KR_EXC(vm, StopIteration)))
        return -1;
    kr_value ex = kr_err_fetch(vm);
    v = kr_getattr(vm, ex, KR_NAME(vm, value));
    if (!v)
        return -1;
    *out = v;
    return 0;
}

static kr_value stop_iteration(kr_vm *vm, kr_value value)
{
    kr_value e = kr_exc_new(vm, KR_EXC(vm, StopIteration), &value, 1);
    if (!e)
        return KR_NULL;
    return kr_raise_value(vm, e);
}

/* The exception object thrown by gen.throw(typ[, val[, tb]]). */
static kr_value make_throw_exc(kr_vm *vm, kr_value typ, kr_value val)
{
    kr_type *tt = kr_type_of(vm, typ);
    if (kr_is_ptr(typ) && kr_type_is_subtype(tt, vm->t.type) &&
        kr_type_is_subtype((kr_type *)KR_OBJ(typ), KR_EXC(vm, BaseException))) {
        if (val && val != KR_NONE && kr_isinstance(vm, val, typ) == 1)
            return val;
        if (!val || val == KR_NONE)
            return kr_call0(vm, typ);
        if (kr_tuple_check_exact(vm, val))
            return kr_call(vm, typ, kr_tuple_items(val), (int)kr_tuple_size(val), KR_NULL);
        return kr_call1(vm, typ, val);
    }
    if (kr_exc_is_instance(vm, typ)) {
        if (val && val != KR_NONE)
            return kr_raise(vm, KR_EXC(vm, TypeError), "instance exception may not have a separate value");
        return typ;
    }
    return kr_raise(vm, KR_EXC(vm, TypeError),
                    "exceptions must be classes or instances deriving from BaseException, not %s", tt->name_c);
}

/* Throw exc (an instance) into gen. 1 yielded, 0 returned, -1 error. */
static int gen_throw(kr_vm *vm, kr_value gen, kr_value exc, kr_value *out)
{
    kr_generator *g = GEN(gen);
    if (g->running)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "%s already executing", gen_kind(vm, gen));
    if (!g->frame && is_coro(vm, gen))
        return (void)reuse_error(vm), -1;
    if (!g->frame || !g->started) {
        gen_finish(vm, g);
        kr_raise_value(vm, exc);
        return -1;
    }
    kr_frame *f = g->frame;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &exc);
    if (f->flags & KR_FRAME_IN_YIELD_FROM) {
        kr_insn yf = f->pc[0];
        kr_value sub = f->slots[KR_INSN_B(yf)];
        kr_value r = KR_NULL;
        int st;
        g->running = true;
        if (kr_isinstance(vm, exc, KR_VAL(KR_EXC(vm, GeneratorExit))) == 1) {
            /* close the delegate, then raise GeneratorExit here */
            kr_value cl = kr_getattr_opt(vm, sub, KR_NAME(vm, close));
            if (cl)
                r = kr_call0(vm, cl);
            g->running = false;
            if (!cl && kr_err_occurred(vm))
                goto throw_here_pending;
            if (cl && !r)
                goto throw_here_pending;
            goto throw_here;
        }
        if (kr_gen_like(vm, sub)) {
            st = gen_throw(vm, sub, exc, &r);
        } else {
            kr_value th = kr_getattr_opt(vm, sub, KR_NAME(vm, throw));
            if (!th) {
                g->running = false;
                if (kr_err_occurred(vm))
                    goto throw_here_pending;
                goto throw_here;
            }
            r = kr_call1(vm, th, exc);
            st = r ? 1 : -1;
            if (!r && kr_err_matches(vm, KR_EXC(vm, StopIteration))) {
                kr_value e = kr_err_fetch(vm);
                r = kr_getattr(vm, e, KR_NAME(vm, value));
                st = r ? 0 : -1;
            }
        }
        g->running = false;
        if (st == 1) {
            kr_root_reset(vm, m);
            *out = r;
            return 1;
        }
        if (st == 0) {
            /* the delegate finished: its result is the value of the yield from; continue after it */
            f->slots[KR_INSN_C(yf)] = r;
            f->pc++;
            f->flags &= ~(uint32_t)KR_FRAME_IN_YIELD_FROM;
            kr_root_reset(vm, m);
            return gen_resume(vm, gen, 0, out);
        }
        goto throw_here_pending;
    }
throw_here:
    kr_raise_value(vm, exc);
throw_here_pending:
    kr_root_reset(vm, m);
    return gen_resume(vm, gen, 1, out);
}

/* ---- Python-visible methods ---- */

/* kr_interp_resume(vm, f, 0, yielded) for a frame whose code is compiled and may be entered now, inline
 * in gen_next: the JIT on, the recursion limit not reached and fewer than KR_JIT_MAX_C_DEPTH C
 * activations once kr_interp_resume's own is counted (which implies its KR_INTERP_MAX_C_DEPTH check).
 * The same steps in the same order, including both c_depth counts (kr_interp_resume's and jit_call's),
 * so the depth at which compiled code leaves calls to the interpreter does not change. The caller
 * checks those conditions; jf is co->jit_code. */
static inline kr_value gen_resume_compiled(kr_vm *vm, kr_frame *f, kr_jit_fn jf, int *yielded)
{
    kr_code *co = f->code;
    f->prev = vm->frame;
    vm->frame = f;
    vm->depth++;
    vm->c_depth += 2;
    co->call_count++;
    f->flags |= KR_FRAME_JIT;
    kr_value r = jf(vm, f, (uint32_t)(f->pc - co->insns));
    f->flags &= ~(uint32_t)KR_FRAME_JIT;
    vm->c_depth--;
    if (__builtin_expect(r != KR_NULL, 1)) {
        *yielded = vm->jit_yielded;
        vm->jit_yielded = 0;
        vm->frame = f->prev;
        vm->depth--;
    } else {
        r = kr_interp_resume_jit_exit(vm, yielded);
    }
    vm->c_depth--;
    return r;
}

/* next(gen): send(None). The common case, a started generator that is not running (every step of a
 * for loop, sum(), list(), ... after the first), is kr_gen_send + gen_resume + kr_gen_suspended in
 * one function: the same steps in the same order, with kr_gen_suspended's work only when it has
 * some (the collector watches the generator, or its code has handlers it may be suspended in), and
 * kr_interp_resume inline when the frame runs compiled (gen_resume_compiled). */
static kr_value gen_next(kr_vm *vm, kr_value self)
{
    kr_generator *g = GEN(self);
    kr_frame *f = g->frame;
    kr_value out;
    int st;
    if (__builtin_expect(f && g->started && !g->running, 1)) {
        f->slots[KR_INSN_A(*kr_frame_suspension(f))] = KR_NONE;
        g->running = true;
        kr_value caller_handled = vm->handled_exc;
        if (g->handled_exc)
            vm->handled_exc = g->handled_exc;
        int yielded = 0;
        kr_jit_fn jf = (kr_jit_fn)f->code->jit_code;
        kr_value r;
        if (__builtin_expect(jf && vm->c_depth + 1 < KR_JIT_MAX_C_DEPTH && vm->depth < vm->recursion_limit &&
                                 kr_jit_on(vm), 1))
            r = gen_resume_compiled(vm, f, jf, &yielded);
        else
            r = kr_interp_resume(vm, f, 0, &yielded);
        g->running = false;
        if (__builtin_expect(yielded, 1)) {
            g->handled_exc = kr_gen_own_handled(vm, f, caller_handled);
            vm->handled_exc = caller_handled;
            if ((g->ob.gc_flags & KR_GC_WATCH) || f->code->nexctab)
                kr_gen_suspended(vm, self);
            return r;
        }
        vm->handled_exc = caller_handled;
        gen_finish(vm, g);
        if (!r) {
            kr_gen_pep479(vm, self);
            return KR_NULL;
        }
        out = r;
        st = 0;
    } else {
        st = kr_gen_send(vm, self, KR_NONE, &out);
    }
    if (st == 1)
        return out;
    if (st == 0 && out != KR_NONE)
        return stop_iteration(vm, out);
    return KR_NULL;
}

static kr_value gen_iter(kr_vm *vm, kr_value self) { (void)vm; return self; }

static kr_value gen_m_send(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "send", kwnames) < 0 || kr_args_count(vm, "send", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    kr_value out;
    int st = kr_gen_send(vm, args[0], args[1], &out);
    if (st == 1)
        return out;
    if (st == 0)
        return stop_iteration(vm, out);
    return KR_NULL;
}

static kr_value gen_m_throw(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "throw", kwnames) < 0 || kr_args_count(vm, "throw", nargs - 1, 1, 3) < 0)
        return KR_NULL;
    kr_value exc = make_throw_exc(vm, args[1], nargs > 2 ? args[2] : KR_NULL);
    if (!exc)
        return KR_NULL;
    kr_value out;
    int st = gen_throw(vm, args[0], exc, &out);
    if (st == 1)
        return out;
    if (st == 0)
        return stop_iteration(vm, out);
    return KR_NULL;
}

static kr_value gen_m_close(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "close", kwnames) < 0 || kr_args_count(vm, "close", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    kr_generator *g = GEN(args[0]);
    if (g->running)
        return kr_raise(vm, KR_EXC(vm, ValueError), "%s already executing", gen_kind(vm, args[0]));
    if (!g->frame || !g->started) {
        gen_finish(vm, g);
        return KR_NONE;
    }
    kr_value exc = kr_exc_new(vm, KR_EXC(vm, GeneratorExit), NULL, 0);
    if (!exc)
        return KR_NULL;
    kr_value out;
    int st = gen_throw(vm, args[0], exc, &out);
    if (st == 1)
        return kr_raise(vm, KR_EXC(vm, RuntimeError), "%s ignored GeneratorExit", gen_kind(vm, args[0]));
    if (st == 0)
        return out;
    if (kr_err_matches(vm, KR_EXC(vm, GeneratorExit)) || kr_err_matches(vm, KR_EXC(vm, StopIteration))) {
        kr_err_clear(vm);
        return KR_NONE;
    }
    return KR_NULL;
}

static const kr_method_def gen_methods[] = {
    {"send", gen_m_send, KR_METH_DEFAULT, NULL},
    {"throw", gen_m_throw, KR_METH_DEFAULT, NULL},
    {"close", gen_m_close, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static kr_value gen_get_name(kr_vm *vm, kr_value self) { (void)vm; return GEN(self)->name; }
static kr_value gen_get_qualname(kr_vm *vm, kr_value self) { (void)vm; return GEN(self)->qualname; }
static kr_value gen_get_running(kr_vm *vm, kr_value self) { (void)vm; return kr_bool(GEN(self)->running); }
static kr_value gen_get_suspended(kr_vm *vm, kr_value self)
{
    (void)vm;
    return kr_bool(GEN(self)->frame && GEN(self)->started && !GEN(self)->running);
}
static kr_value gen_get_code(kr_vm *vm, kr_value self)
{
    (void)vm;
    return GEN(self)->frame ? KR_VAL(GEN(self)->frame->code) : KR_NONE;
}
static kr_value gen_get_frame(kr_vm *vm, kr_value self) { (void)vm; (void)self; return KR_NONE; }
static kr_value gen_get_yieldfrom(kr_vm *vm, kr_value self)
{
    (void)vm;
    kr_frame *f = GEN(self)->frame;
    if (f && (f->flags & KR_FRAME_IN_YIELD_FROM) && !GEN(self)->running)
        return f->slots[KR_INSN_B(f->pc[0])];
    return KR_NONE;
}
static int gen_set_name(kr_vm *vm, kr_value self, kr_value v)
{
    if (!v || !kr_is_str(vm, v))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__name__ must be set to a string object");
    GEN(self)->name = v;
    kr_gc_barrier(vm, KR_OBJ(self), v);
    return 0;
}
static int gen_set_qualname(kr_vm *vm, kr_value self, kr_value v)
{
    if (!v || !kr_is_str(vm, v))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__qualname__ must be set to a string object");
    GEN(self)->qualname = v;
    kr_gc_barrier(vm, KR_OBJ(self), v);
    return 0;
}

static const kr_getset_def gen_getsets[] = {
    {"__name__", gen_get_name, gen_set_name, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL},
    {"gi_running", gen_get_running, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static kr_value gen_repr(kr_vm *vm, kr_value self)
{
    return kr_str_fmt(vm, "<%s object %s at %p>", kr_typename(vm, self), kr_str_data(GEN(self)->qualname),
                      (void *)KR_OBJ(self));
}

static void gen_trace(kr_vm *vm, kr_object *self)
{
    kr_generator *g = (kr_generator *)self;
    kr_gc_mark(vm, g->name);
    kr_gc_mark(vm, g->qualname);
    kr_gc_mark(vm, g->handled_exc);
    kr_gc_mark(vm, g->yieldfrom);
    kr_frame *f = g->frame;
    if (f) {
        kr_gc_mark_obj(vm, &f->code->ob);
        kr_gc_mark(vm, f->func);
        kr_gc_mark(vm, f->globals);
        kr_gc_mark(vm, f->builtins);
        kr_gc_mark(vm, f->locals);
        for (uint32_t i = 0; i < f->code->nslots; i++)
            if (kr_is_ptr(f->slots[i]))
                kr_gc_mark(vm, f->slots[i]);
    }
}

static void gen_finalize(kr_vm *vm, kr_object *self) { gen_finish(vm, (kr_generator *)self); }

/* The collector found a generator unreachable that was suspended in a try block: close it, as
 * CPython's generator finalizer does; an error is reported as CPython reports an exception in a
 * finalizer ("Exception ignored in: ..." and the traceback on stderr) and dropped. */
static void gen_py_finalize(kr_vm *vm, kr_value self)
{
    kr_generator *g = GEN(self);
    if (!g->frame || !g->started || g->running)
        return;
    if (gen_m_close(vm, &self, 1, KR_NULL))
        return;
    kr_value exc = kr_err_fetch(vm);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &exc);
    kr_value r = gen_repr(vm, self);
    fprintf(stderr, "Exception ignored in: %s\n", r ? kr_str_data(r) : "<generator>");
    if (!r)
        kr_err_clear(vm);
    kr_traceback_print(vm, exc, stderr);
    kr_root_reset(vm, m);
}

/* ---- coroutines ---------------------------------------------------------------------------- */

/* coroutine_wrapper: coro.__await__(), an iterator driving the coroutine (send/throw/close forward
 * to it). Invariant: coro is a coroutine. */
typedef struct coro_wrapper {
    kr_object ob;
    kr_value coro;
} coro_wrapper;

#define CWRAP(v) KR_AS(coro_wrapper, v)

kr_value kr_coro_unwrap(kr_value wrapper) { return CWRAP(wrapper)->coro; }

static kr_value coro_m_await(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__await__", kwnames) < 0 || kr_args_count(vm, "__await__", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    coro_wrapper *w = kr_gc_alloc(vm, vm->t.coro_wrapper, sizeof(coro_wrapper));
    if (!w)
        return KR_NULL;
    w->coro = args[0];
    return KR_VAL(w);
}

static kr_value cwrap_next(kr_vm *vm, kr_value self) { return gen_next(vm, CWRAP(self)->coro); }

/* wrapper.send / throw / close: the coroutine's, with the coroutine in place of self */
static kr_value cwrap_forward(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames,
                              kr_value (*m)(kr_vm *, kr_value *, int, kr_value))
{
    kr_value saved = args[0];
    args[0] = CWRAP(saved)->coro;
    kr_value r = m(vm, args, nargs, kwnames);
    args[0] = saved;
    return r;
}
static kr_value cwrap_m_send(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return cwrap_forward(vm, args, nargs, kwnames, gen_m_send);
}
static kr_value cwrap_m_throw(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return cwrap_forward(vm, args, nargs, kwnames, gen_m_throw);
}
static kr_value cwrap_m_close(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return cwrap_forward(vm, args, nargs, kwnames, gen_m_close);
}

static const kr_method_def cwrap_methods[] = {
    {"send", cwrap_m_send, KR_METH_DEFAULT, NULL},
    {"throw", cwrap_m_throw, KR_METH_DEFAULT, NULL},
    {"close", cwrap_m_close, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static void cwrap_trace(kr_vm *vm, kr_object *self) { kr_gc_mark(vm, ((coro_wrapper *)self)->coro); }

static const kr_method_def coro_methods[] = {
    {"send", gen_m_send, KR_METH_DEFAULT, NULL},
    {"throw", gen_m_throw, KR_METH_DEFAULT, NULL},
    {"close", gen_m_close, KR_METH_DEFAULT, NULL},
    {"__await__", coro_m_await, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const kr_getset_def coro_getsets[] = {
    {"__name__", gen_get_name, gen_set_name, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL},
    {"cr_running", gen_get_running, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL},
    {"cr_frame", gen_get_frame, NULL, NULL},
    {"cr_await", gen_get_yieldfrom, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* A bound special method of obj's type (descriptors applied), KR_NULL with *found false when the
 * type has none (no exception), KR_NULL with *found true when binding raised. */
static kr_value special(kr_vm *vm, kr_value obj, kr_value name, bool *found)
{
    kr_type *t = kr_type_of(vm, obj);
    kr_value d = kr_type_lookup(vm, t, name);
    *found = d != KR_NULL;
    if (!d)
        return KR_NULL;
    kr_type *dt = kr_type_of(vm, d);
    return dt->descr_get ? dt->descr_get(vm, d, obj, KR_VAL(t)) : d;
}

kr_value kr_coro_get_awaitable(kr_vm *vm, kr_value o, int kind)
{
    if (kr_is_ptr(o) && KR_OBJ(o)->type == vm->t.coroutine) {
        kr_frame *f = GEN(o)->frame;
        if (f && (f->flags & KR_FRAME_IN_YIELD_FROM) && !GEN(o)->running)
            return kr_raise(vm, KR_EXC(vm, RuntimeError), "coroutine is being awaited already");
        return o;
    }
    bool found;
    kr_value m = special(vm, o, KR_NAME(vm, __await__), &found);
    if (!m) {
        if (found)
            return KR_NULL;
        if (kind == 0)
            return kr_raise(vm, KR_EXC(vm, TypeError), "object %s can't be used in 'await' expression",
                            kr_typename(vm, o));
        return kr_raise(vm, KR_EXC(vm, TypeError),
                        "'async with' received an object from %s that does not implement __await__: %s",
                        kind == 1 ? "__aenter__" : "__aexit__", kr_typename(vm, o));
    }
    size_t mk = kr_root_mark(vm);
    kr_root_push(vm, &m); /* a new bound method, referenced from here only */
    kr_value r = kr_call0(vm, m);
    kr_root_reset(vm, mk);
    if (!r)
        return KR_NULL;
    if (!kr_is_ptr(r))
        goto not_iter;
    if (KR_OBJ(r)->type == vm->t.coro_wrapper)
        return CWRAP(r)->coro;
    if (KR_OBJ(r)->type == vm->t.coroutine)
        return kr_raise(vm, KR_EXC(vm, TypeError), "__await__() returned a coroutine");
    if (KR_OBJ(r)->type == vm->t.generator || kr_type_of(vm, r)->next)
        return r;
not_iter:
    return kr_raise(vm, KR_EXC(vm, TypeError), "__await__() returned non-iterator of type '%s'", kr_typename(vm, r));
}

kr_value kr_coro_get_aiter(kr_vm *vm, kr_value o)
{
    bool found;
    kr_value m = special(vm, o, KR_NAME(vm, __aiter__), &found);
    if (!m) {
        if (found)
            return KR_NULL;
        return kr_raise(vm, KR_EXC(vm, TypeError), "'async for' requires an object with __aiter__ method, got %s",
                        kr_typename(vm, o));
    }
    size_t mk = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value it = kr_call0(vm, m);
    kr_root_reset(vm, mk);
    if (!it)
        return KR_NULL;
    if (!kr_type_lookup(vm, kr_type_of(vm, it), KR_NAME(vm, __anext__)))
        return kr_raise(vm, KR_EXC(vm, TypeError),
                        "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                        kr_typename(vm, it));
    return it;
}

kr_value kr_coro_get_anext(kr_vm *vm, kr_value it)
{
    bool found;
    kr_value m = special(vm, it, KR_NAME(vm, __anext__), &found);
    if (!m) {
        if (found)
            return KR_NULL;
        return kr_raise(vm, KR_EXC(vm, TypeError), "'async for' requires an iterator with __anext__ method, got %s",
                        kr_typename(vm, it));
    }
    size_t mk = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value a = kr_call0(vm, m);
    kr_value r = a;
    if (a && !(kr_is_ptr(a) && KR_OBJ(a)->type == vm->t.coroutine)) {
        kr_root_push(vm, &a);
        r = KR_NULL;
        if (kr_type_lookup(vm, kr_type_of(vm, a), KR_NAME(vm, __await__)))
            r = kr_coro_get_awaitable(vm, a, 0);
        else
            kr_raise(vm, KR_EXC(vm, TypeError), "'async for' received an invalid object from __anext__: %s",
                     kr_typename(vm, a));
    }
    kr_root_reset(vm, mk);
    return r;
}

int kr_coro_before_async_with(kr_vm *vm, kr_value mgr, kr_value *out)
{
    bool found;
    kr_value enter = special(vm, mgr, KR_NAME(vm, __aenter__), &found);
    if (!enter) {
        if (!found)
            kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object does not support the asynchronous context manager protocol",
                     kr_typename(vm, mgr));
        return -1;
    }
    out[1] = enter; /* rooted in the frame */
    kr_value exitm = special(vm, mgr, KR_NAME(vm, __aexit__), &found);
    if (!exitm) {
        if (!found)
            kr_raise(vm, KR_EXC(vm, TypeError),
                     "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                     kr_typename(vm, mgr));
        return -1;
    }
    out[0] = exitm;
    kr_value r = kr_call0(vm, out[1]);
    if (!r)
        return -1;
    out[1] = r;
    r = kr_coro_get_awaitable(vm, r, 1);
    if (!r)
        return -1;
    out[1] = r;
    return 0;
}

/* ---- async generators ------------------------------------------------------------------------
 *
 * An async generator's frame yields two kinds of values: its items (`yield v`, marked by
 * ASYNC_GEN_WRAP as an async_generator_item) and whatever its awaits pass through to the event loop.
 * __anext__()/asend(v) return an awaitable (async_generator_asend) that resumes the frame: a
 * pass-through value is yielded on to the awaiting task, an item ends the await with the item
 * (StopIteration(item)), the frame's return ends it with StopAsyncIteration. athrow() and aclose()
 * (async_generator_athrow) throw into the frame first; aclose() throws GeneratorExit and succeeds
 * when the frame ends (an item in reply is "async generator ignored GeneratorExit"). Only one of
 * these awaitables drives the generator at a time (ag_running). Invariant of the awaitables: gen is
 * an async generator; state goes INIT -> ITER -> DONE only. */

typedef struct ag_item {
    kr_object ob;
    kr_value value;
} ag_item;

kr_value kr_async_gen_wrap(kr_vm *vm, kr_value v)
{
    ag_item *w = kr_gc_alloc(vm, vm->t.async_gen_item, sizeof(ag_item));
    if (!w)
        return KR_NULL;
    w->value = v;
    return KR_VAL(w);
}

static void ag_item_trace(kr_vm *vm, kr_object *self) { kr_gc_mark(vm, ((ag_item *)self)->value); }

enum { AG_INIT, AG_ITER, AG_DONE };

/* raise StopAsyncIteration() (no arguments, as CPython's) */
static kr_value stop_async(kr_vm *vm)
{
    kr_value e = kr_exc_new(vm, KR_EXC(vm, StopAsyncIteration), NULL, 0);
    return e ? kr_raise_value(vm, e) : KR_NULL;
}
enum { AG_SEND, AG_THROW, AG_CLOSE };

typedef struct ag_op {
    kr_object ob;
    kr_value gen;
    kr_value arg;  /* AG_SEND: the value to send first; AG_THROW: the exception to throw first */
    int state;
    int kind;
} ag_op;

#define AGOP(v) KR_AS(ag_op, v)

static void ag_op_trace(kr_vm *vm, kr_object *self)
{
    kr_gc_mark(vm, ((ag_op *)self)->gen);
    kr_gc_mark(vm, ((ag_op *)self)->arg);
}

static kr_value ag_op_new(kr_vm *vm, kr_value gen, kr_value arg, int kind)
{
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &gen);
    kr_root_push(vm, &arg);
    ag_op *o = kr_gc_alloc(vm, kind == AG_SEND ? vm->t.async_gen_asend : vm->t.async_gen_athrow, sizeof(ag_op));
    kr_root_reset(vm, m);
    if (!o)
        return KR_NULL;
    o->gen = gen;
    o->arg = arg;
    o->state = AG_INIT;
    o->kind = kind;
    return KR_VAL(o);
}

/* The step's outcome (st, out as from kr_gen_send / gen_throw) as the awaitable's __next__/send
 * result: a pass-through value returned; an item, or the end, finishing the await. */
static kr_value ag_op_result(kr_vm *vm, ag_op *o, int st, kr_value out)
{
    kr_generator *g = GEN(o->gen);
    if (st == 1 && !(kr_is_ptr(out) && KR_OBJ(out)->type == vm->t.async_gen_item))
        return out; /* an await inside the generator suspended it: on to the event loop */
    o->state = AG_DONE;
    g->ag_running = false;
    if (st == 1) {
        if (o->kind == AG_CLOSE)
            return kr_raise(vm, KR_EXC(vm, RuntimeError), "async generator ignored GeneratorExit");
        return stop_iteration(vm, KR_AS(ag_item, out)->value);
    }
    g->ag_closed = true;
    if (st == 0) {
        if (o->kind == AG_CLOSE)
            return stop_iteration(vm, KR_NONE);
        return stop_async(vm);
    }
    if (o->kind == AG_CLOSE &&
        (kr_err_matches(vm, KR_EXC(vm, StopAsyncIteration)) || kr_err_matches(vm, KR_EXC(vm, GeneratorExit)))) {
        kr_err_clear(vm);
        return stop_iteration(vm, KR_NONE); /* closed as asked */
    }
    if (kr_err_matches(vm, KR_EXC(vm, StopAsyncIteration))) {
        /* as PEP 479 for StopIteration: a StopAsyncIteration out of the body is a bug, not the end */
        kr_value e = kr_err_fetch(vm);
        size_t m = kr_root_mark(vm);
        kr_root_push(vm, &e);
        kr_raise(vm, KR_EXC(vm, RuntimeError), "async generator raised StopAsyncIteration");
        kr_value n = vm->exc;
        if (n && kr_exc_is_instance(vm, n)) {
            KR_AS(kr_exception, n)->cause = e;
            KR_AS(kr_exception, n)->context = e;
            KR_AS(kr_exception, n)->suppress_context = true;
            kr_gc_barrier(vm, KR_OBJ(n), e);
        }
        kr_root_reset(vm, m);
    }
    return KR_NULL;
}

/* send(v) on an asend/athrow awaitable (v None for __next__) */
static kr_value ag_op_send(kr_vm *vm, kr_value self, kr_value v)
{
    ag_op *o = AGOP(self);
    kr_generator *g = GEN(o->gen);
    if (o->state == AG_DONE)
        return kr_raise(vm, KR_EXC(vm, RuntimeError), o->kind == AG_SEND
                            ? "cannot reuse already awaited __anext__()/asend()"
                            : "cannot reuse already awaited aclose()/athrow()");
    kr_value out = KR_NONE;
    int st;
    if (o->state == AG_INIT) {
        if (g->ag_running)
            return kr_raise(vm, KR_EXC(vm, RuntimeError), "%s: asynchronous generator is already running",
                            o->kind == AG_SEND ? "anext()" : o->kind == AG_THROW ? "athrow()" : "aclose()");
        if (g->ag_closed || !g->frame) {
            o->state = AG_DONE;
            g->ag_closed = true;
            if (o->kind == AG_CLOSE)
                return stop_iteration(vm, KR_NONE);
            return stop_async(vm);
        }
        o->state = AG_ITER;
        g->ag_running = true;
        if (o->kind == AG_SEND) {
            st = kr_gen_send(vm, o->gen, v == KR_NONE ? o->arg : v, &out);
        } else {
            if (v != KR_NONE) {
                o->state = AG_DONE;
                g->ag_running = false;
                return kr_raise(vm, KR_EXC(vm, RuntimeError), "can't send non-None value to a just-started coroutine");
            }
            kr_value exc = o->arg;
            if (o->kind == AG_CLOSE) {
                exc = kr_exc_new(vm, KR_EXC(vm, GeneratorExit), NULL, 0);
                if (!exc) {
                    g->ag_running = false;
                    return KR_NULL;
                }
            }
            st = gen_throw(vm, o->gen, exc, &out);
        }
    } else {
        st = kr_gen_send(vm, o->gen, v, &out);
    }
    return ag_op_result(vm, o, st, out);
}

static kr_value ag_op_next(kr_vm *vm, kr_value self) { return ag_op_send(vm, self, KR_NONE); }

static kr_value ag_op_m_send(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "send", kwnames) < 0 || kr_args_count(vm, "send", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    return ag_op_send(vm, args[0], args[1]);
}

static kr_value ag_op_m_throw(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "throw", kwnames) < 0 || kr_args_count(vm, "throw", nargs - 1, 1, 3) < 0)
        return KR_NULL;
    ag_op *o = AGOP(args[0]);
    if (o->state == AG_DONE)
        return kr_raise(vm, KR_EXC(vm, RuntimeError), o->kind == AG_SEND
                            ? "cannot reuse already awaited __anext__()/asend()"
                            : "cannot reuse already awaited aclose()/athrow()");
    kr_value exc = make_throw_exc(vm, args[1], nargs > 2 ? args[2] : KR_NULL);
    if (!exc)
        return KR_NULL;
    kr_generator *g = GEN(o->gen);
    o->state = AG_ITER;
    g->ag_running = true;
    kr_value out = KR_NONE;
    int st = gen_throw(vm, o->gen, exc, &out);
    return ag_op_result(vm, o, st, out);
}

static kr_value ag_op_m_close(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "close", kwnames) < 0 || kr_args_count(vm, "close", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    ag_op *o = AGOP(args[0]);
    if (o->state == AG_ITER)
        GEN(o->gen)->ag_running = false;
    o->state = AG_DONE;
    return KR_NONE;
}

static kr_value ag_op_m_await(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__await__", kwnames) < 0 || kr_args_count(vm, "__await__", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    return args[0];
}

static const kr_method_def ag_op_methods[] = {
    {"send", ag_op_m_send, KR_METH_DEFAULT, NULL},
    {"throw", ag_op_m_throw, KR_METH_DEFAULT, NULL},
    {"close", ag_op_m_close, KR_METH_DEFAULT, NULL},
    {"__await__", ag_op_m_await, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

/* the async generator's own methods */
static kr_value ag_m_aiter(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__aiter__", kwnames) < 0 || kr_args_count(vm, "__aiter__", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    return args[0];
}

static kr_value ag_m_anext(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__anext__", kwnames) < 0 || kr_args_count(vm, "__anext__", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    return ag_op_new(vm, args[0], KR_NONE, AG_SEND);
}

static kr_value ag_m_asend(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "asend", kwnames) < 0 || kr_args_count(vm, "asend", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    return ag_op_new(vm, args[0], args[1], AG_SEND);
}

static kr_value ag_m_athrow(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "athrow", kwnames) < 0 || kr_args_count(vm, "athrow", nargs - 1, 1, 3) < 0)
        return KR_NULL;
    kr_value exc = make_throw_exc(vm, args[1], nargs > 2 ? args[2] : KR_NULL);
    if (!exc)
        return KR_NULL;
    return ag_op_new(vm, args[0], exc, AG_THROW);
}

static kr_value ag_m_aclose(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "aclose", kwnames) < 0 || kr_args_count(vm, "aclose", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    return ag_op_new(vm, args[0], KR_NONE, AG_CLOSE);
}

static const kr_method_def ag_methods[] = {
    {"__aiter__", ag_m_aiter, KR_METH_DEFAULT, NULL},
    {"__anext__", ag_m_anext, KR_METH_DEFAULT, NULL},
    {"asend", ag_m_asend, KR_METH_DEFAULT, NULL},
    {"athrow", ag_m_athrow, KR_METH_DEFAULT, NULL},
    {"aclose", ag_m_aclose, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static kr_value ag_get_running(kr_vm *vm, kr_value self) { (void)vm; return kr_bool(GEN(self)->ag_running); }

static const kr_getset_def ag_getsets[] = {
    {"__name__", gen_get_name, gen_set_name, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL},
    {"ag_running", ag_get_running, NULL, NULL},
    {"ag_code", gen_get_code, NULL, NULL},
    {"ag_frame", gen_get_frame, NULL, NULL},
    {"ag_await", gen_get_yieldfrom, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ---- aiter() and anext() builtins ---------------------------------------------------------------- */

kr_value kr_builtin_aiter(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "aiter", kwnames) < 0 || kr_args_count(vm, "aiter", nargs, 1, 1) < 0)
        return KR_NULL;
    bool found;
    kr_value m = special(vm, args[0], KR_NAME(vm, __aiter__), &found);
    if (!m) {
        if (found)
            return KR_NULL;
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object is not an async iterable", kr_typename(vm, args[0]));
    }
    size_t mk = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value it = kr_call0(vm, m);
    kr_root_reset(vm, mk);
    if (it && !kr_type_lookup(vm, kr_type_of(vm, it), KR_NAME(vm, __anext__)))
        return kr_raise(vm, KR_EXC(vm, TypeError), "aiter() returned not an async iterator of type '%s'",
                        kr_typename(vm, it));
    return it;
}

/* anext(it, default)'s awaitable: drives the awaitable iterator of it.__anext__(), turning its
 * StopAsyncIteration into the default value. Invariant: sub is an awaitable iterator. */
typedef struct anext_aw {
    kr_object ob;
    kr_value sub, dflt;
} anext_aw;

#define ANEXT(v) KR_AS(anext_aw, v)

static void anext_trace(kr_vm *vm, kr_object *self)
{
    kr_gc_mark(vm, ((anext_aw *)self)->sub);
    kr_gc_mark(vm, ((anext_aw *)self)->dflt);
}

static kr_value anext_outcome(kr_vm *vm, kr_value self, int st, kr_value out)
{
    if (st == 1)
        return out;
    if (st == 0)
        return stop_iteration(vm, out);
    if (kr_err_matches(vm, KR_EXC(vm, StopAsyncIteration))) {
        kr_err_clear(vm);
        return stop_iteration(vm, ANEXT(self)->dflt);
    }
    return KR_NULL;
}

static kr_value anext_send(kr_vm *vm, kr_value self, kr_value v)
{
    kr_value out = KR_NONE;
    int st = kr_gen_delegate(vm, ANEXT(self)->sub, v, &out);
    return anext_outcome(vm, self, st, out);
}

static kr_value anext_next(kr_vm *vm, kr_value self) { return anext_send(vm, self, KR_NONE); }

static kr_value anext_m_send(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "send", kwnames) < 0 || kr_args_count(vm, "send", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    return anext_send(vm, args[0], args[1]);
}

static kr_value anext_m_throw(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "throw", kwnames) < 0 || kr_args_count(vm, "throw", nargs - 1, 1, 3) < 0)
        return KR_NULL;
    kr_value sub = ANEXT(args[0])->sub, out = KR_NONE;
    int st;
    if (kr_gen_like(vm, sub)) {
        kr_value exc = make_throw_exc(vm, args[1], nargs > 2 ? args[2] : KR_NULL);
        if (!exc)
            return KR_NULL;
        st = gen_throw(vm, sub, exc, &out);
    } else {
        kr_value r = kr_call_method(vm, sub, "throw", &args[1], nargs - 1);
        st = r ? 1 : -1;
        out = r;
        if (!r && kr_err_matches(vm, KR_EXC(vm, StopIteration))) {
            kr_value e = kr_err_fetch(vm);
            out = kr_getattr(vm, e, KR_NAME(vm, value));
            st = out ? 0 : -1;
        }
    }
    return anext_outcome(vm, args[0], st, out);
}

static kr_value anext_m_close(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "close", kwnames) < 0 || kr_args_count(vm, "close", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    kr_value cl = kr_getattr_opt(vm, ANEXT(args[0])->sub, KR_NAME(vm, close));
    if (!cl)
        return kr_err_occurred(vm) ? KR_NULL : KR_NONE;
    return kr_call0(vm, cl);
}

static const kr_method_def anext_methods[] = {
    {"send", anext_m_send, KR_METH_DEFAULT, NULL},
    {"throw", anext_m_throw, KR_METH_DEFAULT, NULL},
    {"close", anext_m_close, KR_METH_DEFAULT, NULL},
    {"__await__", ag_op_m_await, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

kr_value kr_builtin_anext(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "anext", kwnames) < 0 || kr_args_count(vm, "anext", nargs, 1, 2) < 0)
        return KR_NULL;
    bool found;
    kr_value m = special(vm, args[0], KR_NAME(vm, __anext__), &found);
    if (!m) {
        if (found)
            return KR_NULL;
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object is not an async iterator", kr_typename(vm, args[0]));
    }
    size_t mk = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value a = kr_call0(vm, m);
    kr_value r = a;
    if (a && nargs == 2) {
        kr_root_push(vm, &a);
        r = kr_coro_get_awaitable(vm, a, 0);
        if (r) {
            kr_root_push(vm, &r);
            anext_aw *w = kr_gc_alloc(vm, vm->t.anext_awaitable, sizeof(anext_aw));
            if (w) {
                w->sub = r;
                w->dflt = args[1];
            }
            r = w ? KR_VAL(w) : KR_NULL;
        }
    }
    kr_root_reset(vm, mk);
    return r;
}

void kr_gen_init(kr_vm *vm)
{
    kr_type *t = kr_type_new_builtin(vm, "generator", vm->t.object, sizeof(kr_generator), 0);
    t->trace = gen_trace;
    t->finalize = gen_finalize;
    t->py_finalize = gen_py_finalize;
    t->repr = gen_repr;
    t->iter = gen_iter;
    t->next = gen_next;
    t->methods = gen_methods;
    t->getsets = gen_getsets;
    vm->t.generator = t;

    t = kr_type_new_builtin(vm, "coroutine", vm->t.object, sizeof(kr_generator), 0);
    t->trace = gen_trace;
    t->finalize = gen_finalize;
    t->py_finalize = gen_py_finalize;
    t->repr = gen_repr;
    t->methods = coro_methods;
    t->getsets = coro_getsets;
    vm->t.coroutine = t;

    t = kr_type_new_builtin(vm, "coroutine_wrapper", vm->t.object, sizeof(coro_wrapper), 0);
    t->trace = cwrap_trace;
    t->iter = gen_iter;
    t->next = cwrap_next;
    t->methods = cwrap_methods;
    vm->t.coro_wrapper = t;

    /* async generators are not closed by the collector: closing one needs an event loop */
    t = kr_type_new_builtin(vm, "async_generator", vm->t.object, sizeof(kr_generator), 0);
    t->trace = gen_trace;
    t->finalize = gen_finalize;
    t->repr = gen_repr;
    t->methods = ag_methods;
    t->getsets = ag_getsets;
    vm->t.async_gen = t;

    t = kr_type_new_builtin(vm, "async_generator_asend", vm->t.object, sizeof(ag_op), 0);
    t->trace = ag_op_trace;
    t->iter = gen_iter;
    t->next = ag_op_next;
    t->methods = ag_op_methods;
    vm->t.async_gen_asend = t;

    t = kr_type_new_builtin(vm, "async_generator_athrow", vm->t.object, sizeof(ag_op), 0);
    t->trace = ag_op_trace;
    t->iter = gen_iter;
    t->next = ag_op_next;
    t->methods = ag_op_methods;
    vm->t.async_gen_athrow = t;

    t = kr_type_new_builtin(vm, "async_generator_wrapped_value", vm->t.object, sizeof(ag_item), 0);
    t->trace = ag_item_trace;
    vm->t.async_gen_item = t;

    t = kr_type_new_builtin(vm, "anext_awaitable", vm->t.object, sizeof(anext_aw), 0);
    t->trace = anext_trace;
    t->iter = gen_iter;
    t->next = anext_next;
    t->methods = anext_methods;
    vm->t.anext_awaitable = t;
}
