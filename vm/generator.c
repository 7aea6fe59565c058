/* generator.c: generator objects: send / throw / close, yield from delegation (with YIELD_FROM in
 * interp.c), StopIteration.value, PEP 479.
 *
 * A generator owns its frame (header + slots in one kr_mem_alloc'd block): the interpreter runs it in
 * place, linked into the frame chain while running (vm->frame), so slot pointers never move. While
 * suspended its slots are traced through the generator's trace hook. The frame is freed when the
 * generator finishes. An unfinished generator that becomes garbage is closed, as in CPython, when
 * closing it can run code (it is suspended inside a try block): it registers with the collector's
 * Python-level finalization (gc/gc.h) when it suspends there, and the collector calls close() after
 * the collection that finds it unreachable (CPython does so at once, by reference counting). */
#include <string.h>

#include "compiler/jit.h"
#include "interp.h"
#include "traceback.h"
#include "tuple.h"
#include "type.h"

#define GEN(v) KR_AS(kr_generator, v)

kr_value kr_gen_new(kr_vm *vm, kr_function *fn, const kr_value *slots)
{
    kr_code *co = kr_code_of(fn->code);
    kr_generator *g = kr_gc_alloc(vm, vm->t.generator, sizeof(kr_generator));
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

void kr_gen_pep479(kr_vm *vm)
{
    if (!kr_err_matches(vm, KR_EXC(vm, StopIteration)))
        return;
    kr_value e = kr_err_fetch(vm);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &e);
    kr_raise(vm, KR_EXC(vm, RuntimeError), "generator raised StopIteration");
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
    if (kr_code_handler_at(co, (uint32_t)(kr_frame_suspension(f) - co->insns)))
        kr_gc_want_finalizer(vm, &g->ob);
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
        g->handled_exc = vm->handled_exc != caller_handled ? vm->handled_exc : KR_NULL;
        vm->handled_exc = caller_handled;
        kr_gen_suspended(vm, gen);
        *out = r;
        return 1;
    }
    vm->handled_exc = caller_handled;
    gen_finish(vm, g);
    if (!r) {
        kr_gen_pep479(vm); /* PEP 479 */
        return -1;
    }
    *out = r;
    return 0;
}

int kr_gen_send(kr_vm *vm, kr_value gen, kr_value v, kr_value *out)
{
    kr_generator *g = GEN(gen);
    if (g->running)
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "generator already executing");
    if (!g->frame) {
        *out = KR_NONE;
        return 0;
    }
    kr_frame *f = g->frame;
    if (!g->started) {
        if (v != KR_NONE)
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "can't send non-None value to a just-started generator");
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
    if (kr_is_ptr(sub) && KR_OBJ(sub)->type == vm->t.generator)
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
        return kr_raise_i(vm, KR_EXC(vm, ValueError), "generator already executing");
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
        if (kr_is_ptr(sub) && KR_OBJ(sub)->type == vm->t.generator) {
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
            g->handled_exc = vm->handled_exc != caller_handled ? vm->handled_exc : KR_NULL;
            vm->handled_exc = caller_handled;
            if ((g->ob.gc_flags & KR_GC_WATCH) || f->code->nexctab)
                kr_gen_suspended(vm, self);
            return r;
        }
        vm->handled_exc = caller_handled;
        gen_finish(vm, g);
        if (!r) {
            kr_gen_pep479(vm);
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
        return kr_raise(vm, KR_EXC(vm, ValueError), "generator already executing");
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
        return kr_raise(vm, KR_EXC(vm, RuntimeError), "generator ignored GeneratorExit");
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
    return kr_str_fmt(vm, "<generator object %s at %p>", kr_str_data(GEN(self)->qualname), (void *)KR_OBJ(self));
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
}
