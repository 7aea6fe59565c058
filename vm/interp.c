/* interp.c: the bytecode interpreter (vm/bytecode.h), frame stack, calls, exception unwinding.
 *
 * One C function, run(), executes frames; Python-to-Python calls (CALL / CALL_METHOD of a function)
 * push a frame on vm->stack and continue in the same loop; RETURN pops it. C code calling Python
 * (kr_interp_call, generators, BUILD_CLASS bodies) enters a nested run() whose entry frame carries
 * KR_FRAME_ENTRY: when that frame returns or unwinds, run() returns to its C caller.
 *
 * GC invariant: between instructions every live value is in a frame slot (or the frame header);
 * safepoints (kr_gc_safepoint) are only taken there: at calls, back-edges and after allocating
 * instructions once their result is stored.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/jit.h"
#include "dict.h"
#include "import.h"
#include "instance.h"
#include "interp.h"
#include "interp_ops.h"
#include "list.h"
#include "set.h"
#include "liveness.h"
#include "module.h"
#include "range.h"
#include "str.h"
#include "traceback.h"
#include "exc.h"
#include "excgroup.h"
#include "suggest.h"
#include "tuple.h"
#include "type.h"

#define KR_INTERP_MAX_C_DEPTH 800            /* nested run() calls (C stack guard) */
#define KR_STACK_WORDS ((size_t)32 << 20)    /* 256 MiB of frame stack, committed lazily by the OS */

/* ------------------------------------------------------------------------------------------------
 * Frame stack */

int kr_interp_stack_init(kr_vm *vm)
{
    if (vm->stack)
        return 0;
    /* A large malloc is an anonymous mapping: pages are committed only when touched, so reserving
     * enough for very deep recursion costs nothing up front, and the stack never moves (frame and slot
     * pointers stay valid). vm.c releases it with free(). */
    vm->stack = malloc(KR_STACK_WORDS * sizeof(kr_value));
    if (!vm->stack) {
        kr_raise_nomemory(vm);
        return -1;
    }
    vm->stack_end = vm->stack + KR_STACK_WORDS;
    vm->stack_top = vm->stack;
    if (vm->recursion_limit <= 0)
        vm->recursion_limit = 1000;
    return 0;
}

/* The liveness of co's temporaries, computed on first use; NULL when out of memory. */
static const kr_liveness *code_liveness(kr_code *co)
{
    if (!co->liveness) {
        kr_liveness *lv = malloc(sizeof *lv);
        if (!lv)
            return NULL;
        if (kr_liveness_compute(co, lv) < 0) {
            free(lv);
            return NULL;
        }
        co->liveness = lv;
    }
    return co->liveness;
}

/* Marks the slots of a frame that the rest of its execution may read. The frame whose safepoint
 * started the collection (vm->gc_exact_frame, set by SAFEPOINT) is between two instructions with f->pc
 * saved: there only the temporaries live at f->pc are kept (the two instructions around it, to be
 * safe). A dead temporary is written before it is ever read again, so its stale value may die: a
 * register VM would otherwise keep, say, a big list alive in a temporary for a whole loop. It is
 * cleared, since a later collection may find the frame elsewhere and scan it whole. Every other
 * frame may be inside an instruction that called out, whose C code still uses its operands, with a pc
 * that not every such path saves, and compiled code does not keep f->pc up to date: those frames are
 * marked whole. */
static void trace_frame_slots(kr_vm *vm, kr_frame *f, bool exact)
{
    kr_code *co = f->code;
    const kr_liveness *lv = exact && !(f->flags & KR_FRAME_JIT) ? code_liveness(co) : NULL;
    uint32_t next = (uint32_t)(f->pc - co->insns);
    if (!lv || next >= co->ninsns) {
        for (uint32_t i = 0; i < co->nslots; i++)
            if (kr_is_ptr(f->slots[i]))
                kr_gc_mark(vm, f->slots[i]);
        return;
    }
    for (uint32_t i = co->nlocals; i < co->nslots; i++) {
        if (!kr_is_ptr(f->slots[i]))
            continue;
        if (kr_liveness_live(lv, next, i) || (next > 0 && kr_liveness_live(lv, next - 1, i)))
            kr_gc_mark(vm, f->slots[i]);
        else
            f->slots[i] = KR_NONE; /* its object may die now: no later whole-frame scan may see it */
    }
    for (uint32_t i = 0; i < co->nlocals; i++)
        if (kr_is_ptr(f->slots[i]))
            kr_gc_mark(vm, f->slots[i]);
}

/* With vm->gc_exact_callers (gc.collect() called by a CALL of the exact frame: stdlib/gcmodule.c), the
 * frames below the exact one are exact too as long as each was linked by the interpreter's CALL (its
 * callee is neither an entry frame nor a generator's): such a caller saved its pc just after that CALL
 * (do_call's SAVE_PC before frame_link) and is stopped there, so the CALL's operands are live at
 * pc - 1 and what it reads later at pc. A frame entered from C code (an entry frame) or resumed as a
 * generator ends the chain: its caller may be in the middle of any instruction. */
void kr_interp_trace_roots(kr_vm *vm)
{
    bool exact = false;
    for (kr_frame *f = vm->frame; f; f = f->prev) {
        if (f == vm->gc_exact_frame)
            exact = true;
        kr_gc_mark_obj(vm, &f->code->ob);
        kr_gc_mark(vm, f->func);
        kr_gc_mark(vm, f->globals);
        kr_gc_mark(vm, f->builtins);
        kr_gc_mark(vm, f->locals);
        kr_gc_mark(vm, f->gen);
        kr_gc_mark(vm, f->saved_handled);
        trace_frame_slots(vm, f, exact);
        exact = exact && vm->gc_exact_callers && !(f->flags & KR_FRAME_ENTRY) && !f->gen;
    }
}

/* Call-site feedback records what was called, for the JIT. It must never keep a receiver alive (the
 * code object outlives every call): a bound method is recorded as its function, a C function bound to
 * an object (not a module) is not recorded at all. */
static inline void fb_record_callee(kr_vm *vm, kr_fb *e, kr_value callee)
{
    if (kr_is_ptr(callee)) {
        kr_type *t = KR_OBJ(callee)->type;
        if (t == vm->t.method)
            callee = KR_AS(kr_method, callee)->func;
        else if (t == vm->t.cfunction && KR_AS(kr_cfunction, callee)->self &&
                 !kr_is_module(vm, KR_AS(kr_cfunction, callee)->self))
            callee = KR_NULL;
    }
    kr_value prev = e->call.callee;
    if (prev == callee || e->call.mixed_code == KR_FB_CALL_MEGA)
        return; /* nothing new to learn */
    if (!prev) {
        e->call.callee = callee;
        kr_interp_fb_barrier(vm, e);
        return;
    }
    /* Several callees: the first one stays recorded. The JIT uses it only for its code object when
     * every callee shared that code (closures of one def), or with the few other code objects the
     * site saw (a dispatch on the code); so the entry is written only when a new code shows up, and a
     * megamorphic site stops looking. */
    e->call.polymorphic = 1;
    if (!kr_is_ptr(callee) || !kr_is_ptr(prev) || KR_OBJ(callee)->type != vm->t.function ||
        KR_OBJ(prev)->type != vm->t.function) {
        e->call.mixed_code = KR_FB_CALL_MEGA;
        return;
    }
    kr_value code = KR_AS(kr_function, callee)->code;
    if (KR_AS(kr_function, prev)->code == code)
        return;
    e->call.mixed_code = KR_FB_CALL_CODES;
    for (int k = 0; k < KR_FB_CALL_WAYS - 1; k++) {
        if (e->call.codes[k] == code)
            return;
        if (!e->call.codes[k]) {
            e->call.codes[k] = code;
            kr_interp_fb_barrier(vm, e);
            return;
        }
    }
    e->call.mixed_code = KR_FB_CALL_MEGA;
}

static kr_value recursion_error(kr_vm *vm)
{
    return kr_raise(vm, KR_EXC(vm, RecursionError), "maximum recursion depth exceeded");
}

/* Space for a frame of `co` at the stack top (not linked yet). */
static inline kr_frame *frame_alloc(kr_vm *vm, kr_code *co)
{
    if (vm->depth >= vm->recursion_limit) {
        recursion_error(vm);
        return NULL;
    }
    if ((size_t)(vm->stack_end - vm->stack_top) < KR_FRAME_WORDS + co->nslots) {
        kr_raise(vm, KR_EXC(vm, MemoryError), "Python frame stack exhausted");
        return NULL;
    }
    kr_frame *nf = (kr_frame *)vm->stack_top;
    nf->slots = vm->stack_top + KR_FRAME_WORDS;
    return nf;
}

/* After the locals [0, nlocals) are bound: temporaries unbound, cells created, free vars loaded. */
static inline int frame_init_rest(kr_vm *vm, kr_code *co, kr_value *slots, kr_value closure)
{
    for (uint32_t i = co->nlocals; i < co->nslots; i++)
        slots[i] = KR_UNBOUND;
    for (uint32_t i = 0; i < co->ncellvars; i++) {
        int32_t arg = co->cell2arg ? co->cell2arg[i] : -1;
        kr_value c = kr_cell_new(vm, arg >= 0 ? slots[arg] : KR_UNBOUND);
        if (!c)
            return -1;
        slots[co->nlocals + i] = c;
    }
    if (co->nfreevars) {
        if (!closure || kr_tuple_size(closure) != co->nfreevars) {
            kr_raise(vm, KR_EXC(vm, SystemError), "closure size does not match free variables");
            return -1;
        }
        for (uint32_t i = 0; i < co->nfreevars; i++)
            slots[co->nlocals + co->ncellvars + i] = kr_tuple_items(closure)[i];
    }
    return 0;
}

/* Binds a call's arguments into a new frame's slots (the common positional case inline, the rest by
 * kr_func_bind_args) and initialises the other slots: a call's whole frame set-up but linking. */
static inline int frame_bind(kr_vm *vm, kr_function *fn, kr_code *co, kr_value *ns, kr_value *args, int nargs,
                             kr_value kwnames)
{
    if (!kwnames && (uint32_t)nargs == co->argcount && co->kwonlyargcount == 0 &&
        !(co->flags & (KR_CODE_VARARGS | KR_CODE_VARKW))) {
        for (int i = 0; i < nargs; i++)
            ns[i] = args[i];
        for (uint32_t i = (uint32_t)nargs; i < co->nlocals; i++)
            ns[i] = KR_UNBOUND;
    } else if (kr_func_bind_args(vm, fn, ns, args, nargs, kwnames) < 0) {
        return -1;
    }
    if (co->ncellvars | co->nfreevars)
        return frame_init_rest(vm, co, ns, fn->closure);
    for (uint32_t i = co->nlocals; i < co->nslots; i++)
        ns[i] = KR_UNBOUND;
    return 0;
}

/* frame_bind_self's other cases: frame_bind on an argument array with self put in front. Out of line,
 * so that its buffer does not weigh on the positional case's prologue. */
static __attribute__((noinline)) int frame_bind_self_array(kr_vm *vm, kr_function *fn, kr_code *co, kr_value *ns,
                                                           kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    int total = nargs + (kwnames ? (int)kr_tuple_size(kwnames) : 0) + 1;
    kr_value small[16];
    kr_value *buf = total <= 16 ? small : kr_mem_alloc(vm, (size_t)total * sizeof(kr_value));
    if (!buf)
        return -1;
    buf[0] = self;
    for (int i = 1; i < total; i++)
        buf[i] = args[i - 1];
    int r = frame_bind(vm, fn, co, ns, buf, nargs + 1, kwnames);
    if (buf != small)
        kr_mem_free(vm, buf);
    return r;
}

/* frame_bind for a call with `self` before the arguments (a method's function called from C: a
 * dunder, a class's __init__), without first building an argument array that has it in front: the
 * positional case writes the slots directly. */
static inline int frame_bind_self(kr_vm *vm, kr_function *fn, kr_code *co, kr_value *ns, kr_value self,
                                  kr_value *args, int nargs, kr_value kwnames)
{
    if (kwnames || (uint32_t)nargs + 1 != co->argcount || co->kwonlyargcount != 0 ||
        (co->flags & (KR_CODE_VARARGS | KR_CODE_VARKW)))
        return frame_bind_self_array(vm, fn, co, ns, self, args, nargs, kwnames);
    ns[0] = self;
    for (int i = 0; i < nargs; i++)
        ns[i + 1] = args[i];
    if (co->ncellvars | co->nfreevars) {
        for (uint32_t i = co->argcount; i < co->nlocals; i++)
            ns[i] = KR_UNBOUND;
        return frame_init_rest(vm, co, ns, fn->closure);
    }
    for (uint32_t i = co->argcount; i < co->nslots; i++)
        ns[i] = KR_UNBOUND;
    return 0;
}

static inline void frame_link(kr_vm *vm, kr_frame *nf, kr_code *co, kr_function *fn, uint32_t flags)
{
    nf->code = co;
    nf->func = fn ? KR_VAL(fn) : KR_NULL;
    nf->globals = fn ? fn->globals : KR_NULL;
    nf->builtins = fn ? fn->builtins : KR_NULL;
    nf->locals = KR_NULL;
    nf->gen = KR_NULL;
    nf->saved_handled = vm->handled_exc;
    nf->pc = co->insns;
    nf->ret_slot = 0;
    nf->flags = flags | KR_FRAME_ON_STACK;
    nf->prev = vm->frame;
    vm->stack_top = nf->slots + co->nslots;
    vm->frame = nf;
    vm->depth++;
}

/* ------------------------------------------------------------------------------------------------
 * Helpers */

static inline int truthy(kr_vm *vm, kr_value v)
{
    if (v == KR_TRUE)
        return 1;
    if (v == KR_FALSE || v == KR_NONE)
        return 0;
    if (kr_is_small(v))
        return v != kr_small(0);
    return kr_truthy(vm, v);
}

static bool is_exc_instance(kr_vm *vm, kr_value v)
{
    return kr_is_ptr(v) && (KR_OBJ(v)->type->flags & KR_TF_EXCEPTION) && KR_OBJ(v)->type != vm->t.type;
}

/* A class deriving from BaseException (by flags, as interp_ops.c's exc_class: `raise obj` asks this
 * first of every instance it raises, so no MRO walks). */
static bool is_exc_class(kr_vm *vm, kr_value v)
{
    (void)vm;
    return kr_is_ptr(v) && (KR_OBJ(v)->type->flags & KR_TF_TYPE_SUBCLASS) &&
           (((kr_type *)KR_OBJ(v))->flags & KR_TF_EXCEPTION);
}

/* exc.__context__ = the handled exception, as CPython's _PyErr_SetObject (cutting a cycle). */
static void chain_context(kr_vm *vm, kr_value exc, bool force)
{
    kr_value h = vm->handled_exc;
    if (!h || h == KR_NONE || h == exc || !is_exc_instance(vm, exc) || !is_exc_instance(vm, h))
        return;
    kr_exception *e = KR_AS(kr_exception, exc);
    if (!force && e->context)
        return;
    kr_value o = h;
    for (int steps = 0; o && steps < 100000; steps++) {
        kr_exception *oe = KR_AS(kr_exception, o);
        if (oe->context == exc) {
            oe->context = KR_NULL;
            break;
        }
        o = oe->context;
    }
    e->context = h;
    kr_gc_barrier(vm, KR_OBJ(exc), h);
}

/* "__main__.f()" / "print()" / "int object": CPython's _PyObject_FunctionStr. */
static void func_str(kr_vm *vm, kr_value f, char *buf, size_t n)
{
    if (kr_func_check(vm, f)) {
        kr_function *fn = KR_AS(kr_function, f);
        if (kr_is_ptr(fn->module) && kr_is_str(vm, fn->module) && strcmp(kr_str_data(fn->module), "builtins"))
            snprintf(buf, n, "%s.%s()", kr_str_data(fn->module), kr_str_data(fn->qualname));
        else
            snprintf(buf, n, "%s()", kr_str_data(fn->qualname));
    } else if (kr_is_ptr(f) && KR_OBJ(f)->type == vm->t.cfunction) {
        snprintf(buf, n, "%s()", KR_AS(kr_cfunction, f)->name);
    } else if (kr_is_ptr(f) && KR_OBJ(f)->type == vm->t.method) {
        func_str(vm, KR_AS(kr_method, f)->func, buf, n);
    } else if (kr_is_ptr(f) && kr_type_is_subtype(KR_OBJ(f)->type, vm->t.type)) {
        snprintf(buf, n, "%s()", ((kr_type *)KR_OBJ(f))->name_c);
    } else {
        snprintf(buf, n, "%s object", kr_typename(vm, f));
    }
}

static kr_value unbound_local(kr_vm *vm, kr_code *co, uint32_t slot)
{
    const char *name = "?";
    if (slot < co->nlocals)
        name = kr_str_data(kr_tuple_items(co->varnames)[slot]);
    else if (slot < co->nlocals + co->ncellvars)
        name = kr_str_data(kr_tuple_items(co->cellvars)[slot - co->nlocals]);
    else if (slot < co->nlocals + co->ncellvars + co->nfreevars) {
        name = kr_str_data(kr_tuple_items(co->freevars)[slot - co->nlocals - co->ncellvars]);
        return kr_raise(vm, KR_EXC(vm, NameError),
                        "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                        name);
    }
    return kr_raise(vm, KR_EXC(vm, UnboundLocalError),
                    "cannot access local variable '%s' where it is not associated with a value", name);
}

static kr_value name_error(kr_vm *vm, kr_value name)
{
    kr_value r = kr_raise(vm, KR_EXC(vm, NameError), "name '%s' is not defined", kr_str_data(name));
    if (vm->exc && is_exc_instance(vm, vm->exc))
        kr_setattr(vm, vm->exc, KR_NAME(vm, name), name), kr_err_occurred(vm);
    return r;
}

/* Mapping lookup for LOAD_NAME on a non-dict locals mapping: KR_NULL without exception if absent. */
static kr_value mapping_get(kr_vm *vm, kr_value m, kr_value key)
{
    if (kr_dict_check_exact(vm, m))
        return kr_dict_get_str(vm, m, key);
    kr_value v = kr_getitem(vm, m, key);
    if (!v && kr_err_matches(vm, KR_EXC(vm, KeyError)))
        kr_err_clear(vm);
    return v;
}

static int mapping_set(kr_vm *vm, kr_value m, kr_value key, kr_value v)
{
    if (kr_dict_check_exact(vm, m))
        return kr_dict_set(vm, m, key, v);
    return kr_setitem(vm, m, key, v);
}

static kr_value load_global(kr_vm *vm, kr_value globals, kr_value builtins, kr_value name)
{
    kr_value v = kr_dict_get_str(vm, globals, name);
    if (v)
        return v;
    if (kr_err_occurred(vm))
        return KR_NULL;
    v = mapping_get(vm, builtins, name);
    if (v || kr_err_occurred(vm))
        return v;
    return name_error(vm, name);
}

/* For f(*args): any iterable -> tuple, with "f() argument after * must be an iterable, not int". */
static kr_value star_args(kr_vm *vm, kr_value callee, kr_value v)
{
    if (kr_tuple_check_exact(vm, v))
        return v;
    kr_type *t = kr_type_of(vm, v);
    if (!t->iter && !kr_type_lookup(vm, t, KR_NAME(vm, __getitem__))) {
        char buf[256];
        func_str(vm, callee, buf, sizeof buf);
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s argument after * must be an iterable, not %s", buf, t->name_c);
    }
    return kr_sequence_tuple(vm, v);
}

/* Merge mapping v into dict d for f(**v) (callee for messages) or {**v} (callee KR_NULL). */
static int merge_kwargs(kr_vm *vm, kr_value d, kr_value v, kr_value callee)
{
    if (!callee) {
        if (kr_dict_check(vm, v))
            return kr_dict_merge(vm, d, v, true);
        if (!kr_getattr_opt(vm, v, KR_NAME(vm, keys))) {
            if (kr_err_occurred(vm))
                return -1;
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "'%s' object is not a mapping", kr_typename(vm, v));
        }
        return kr_dict_update(vm, d, v);
    }
    char buf[256];
    kr_value keys = KR_NULL, src = v;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &keys);
    kr_root_push(vm, &src);
    int rc = -1;
    if (!kr_dict_check(vm, v)) {
        kr_value km = kr_getattr_opt(vm, v, KR_NAME(vm, keys));
        if (!km) {
            if (!kr_err_occurred(vm)) {
                func_str(vm, callee, buf, sizeof buf);
                kr_raise(vm, KR_EXC(vm, TypeError), "%s argument after ** must be a mapping, not %s", buf, kr_typename(vm, v));
            }
            goto out;
        }
        keys = kr_call0(vm, km);
        if (!keys)
            goto out;
        keys = kr_sequence_list(vm, keys);
        if (!keys)
            goto out;
    } else {
        keys = kr_dict_keys_list(vm, v);
        if (!keys)
            goto out;
    }
    for (int64_t i = 0; i < kr_list_size(keys); i++) {
        kr_value k = kr_list_items(keys)[i];
        if (!kr_is_str(vm, k)) {
            func_str(vm, callee, buf, sizeof buf);
            kr_raise(vm, KR_EXC(vm, TypeError), "keywords must be strings");
            goto out;
        }
        int has = kr_dict_contains(vm, d, k);
        if (has < 0)
            goto out;
        if (has) {
            func_str(vm, callee, buf, sizeof buf);
            kr_raise(vm, KR_EXC(vm, TypeError), "%s got multiple values for keyword argument '%s'", buf, kr_str_data(k));
            goto out;
        }
        kr_value val = kr_getitem(vm, src, k);
        if (!val || kr_dict_set(vm, d, k, val) < 0)
            goto out;
    }
    rc = 0;
out:
    kr_root_reset(vm, m);
    return rc;
}

/* Call with a tuple of positional args and a dict (or KR_NULL) of keywords. */
static kr_value call_ex(kr_vm *vm, kr_value callee, kr_value posargs, kr_value kwdict)
{
    int np = (int)kr_tuple_size(posargs);
    int nk = kwdict ? (int)kr_dict_size(kwdict) : 0;
    if (nk == 0)
        return kr_call(vm, callee, kr_tuple_items(posargs), np, KR_NULL);
    kr_value argv = kr_tuple_new(vm, np + nk), kwn = kr_tuple_new(vm, nk);
    if (!argv || !kwn)
        return KR_NULL;
    memcpy(kr_tuple_items(argv), kr_tuple_items(posargs), (size_t)np * sizeof(kr_value));
    int64_t pos = 0;
    kr_value k, v;
    int i = 0;
    while (kr_dict_next(kwdict, &pos, &k, &v) && i < nk) {
        if (!kr_is_str(vm, k))
            return kr_raise(vm, KR_EXC(vm, TypeError), "keywords must be strings");
        kr_tuple_items(kwn)[i] = kr_intern_value(vm, k);
        kr_tuple_items(argv)[np + i] = v;
        i++;
    }
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &argv);
    kr_root_push(vm, &kwn);
    kr_value r = kr_call(vm, callee, kr_tuple_items(argv), np, kwn);
    kr_root_reset(vm, m);
    return r;
}

/* ------------------------------------------------------------------------------------------------
 * with / imports / match helpers */

static kr_value bind_special(kr_vm *vm, kr_value obj, kr_value name, bool *found)
{
    kr_type *t = kr_type_of(vm, obj);
    kr_value d = kr_type_lookup(vm, t, name);
    *found = d != KR_NULL;
    if (!d)
        return KR_NULL;
    kr_type *dt = kr_type_of(vm, d);
    if (dt->descr_get)
        return dt->descr_get(vm, d, obj, KR_VAL(t));
    return d;
}

static kr_value import_from(kr_vm *vm, kr_value mod, kr_value name)
{
    kr_value v = kr_getattr_opt(vm, mod, name);
    if (v || kr_err_occurred(vm))
        return v;
    kr_value modname = kr_getattr_opt(vm, mod, KR_NAME(vm, __name__));
    if (!modname && kr_err_occurred(vm))
        kr_err_clear(vm);
    if (modname && kr_is_str(vm, modname)) {
        kr_value full = kr_str_fmt(vm, "%s.%s", kr_str_data(modname), kr_str_data(name));
        if (!full)
            return KR_NULL;
        v = kr_dict_get(vm, vm->modules, full);
        if (v)
            return v;
        if (kr_err_occurred(vm))
            return KR_NULL;
    }
    kr_value file = kr_getattr_opt(vm, mod, KR_NAME(vm, __file__));
    if (!file && kr_err_occurred(vm))
        kr_err_clear(vm);
    const char *mn = modname && kr_is_str(vm, modname) ? kr_str_data(modname) : "<unknown module name>";
    if (file && kr_is_str(vm, file))
        kr_raise(vm, KR_EXC(vm, ImportError), "cannot import name '%s' from '%s' (%s)", kr_str_data(name), mn,
                 kr_str_data(file));
    else
        kr_raise(vm, KR_EXC(vm, ImportError), "cannot import name '%s' from '%s' (unknown location)",
                 kr_str_data(name), mn);
    /* as CPython: the module's name, its file and the missing name (for the printed "Did you mean") */
    kr_value e = vm->exc;
    if (e && is_exc_instance(vm, e) &&
        (kr_exc_set_attr(vm, e, "name", modname && kr_is_str(vm, modname) ? modname : KR_NONE) < 0 ||
         kr_exc_set_attr(vm, e, "path", file && kr_is_str(vm, file) ? file : KR_NONE) < 0 ||
         kr_exc_set_attr(vm, e, "name_from", name) < 0))
        vm->exc = e; /* keep the ImportError rather than a MemoryError from decorating it */
    return KR_NULL;
}

static int import_star(kr_vm *vm, kr_value mod, kr_value locals)
{
    kr_value all = kr_getattr_opt(vm, mod, KR_NAME(vm, __all__));
    kr_value names = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &names);
    int rc = -1;
    bool skip_private = false;
    if (all) {
        names = kr_sequence_list(vm, all);
    } else {
        if (kr_err_occurred(vm))
            goto out;
        kr_value d = kr_getattr(vm, mod, KR_NAME(vm, __dict__));
        if (!d)
            goto out;
        names = kr_sequence_list(vm, d);
        skip_private = true;
    }
    if (!names)
        goto out;
    for (int64_t i = 0; i < kr_list_size(names); i++) {
        kr_value n = kr_list_items(names)[i];
        if (!kr_is_str(vm, n)) {
            kr_raise(vm, KR_EXC(vm, TypeError), "Item in %s.__all__ must be str, not %s", "module", kr_typename(vm, n));
            goto out;
        }
        if (skip_private && kr_str_data(n)[0] == '_')
            continue;
        kr_value v = kr_getattr(vm, mod, n);
        if (!v || mapping_set(vm, locals, kr_intern_value(vm, n), v) < 0)
            goto out;
    }
    rc = 0;
out:
    kr_root_reset(vm, m);
    return rc;
}

static kr_value match_class(kr_vm *vm, kr_value subject, kr_value cls, int npos, kr_value kwnames)
{
    if (!kr_is_ptr(cls) || !kr_type_is_subtype(kr_type_of(vm, cls), vm->t.type))
        return kr_raise(vm, KR_EXC(vm, TypeError), "called match pattern must be a class");
    int inst = kr_isinstance(vm, subject, cls);
    if (inst <= 0)
        return inst < 0 ? KR_NULL : KR_NONE;
    kr_type *ct = (kr_type *)KR_OBJ(cls);
    int nkw = kwnames ? (int)kr_tuple_size(kwnames) : 0;
    kr_value out = kr_tuple_new(vm, npos + nkw), match_args = KR_NULL;
    if (!out)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &out);
    kr_root_push(vm, &match_args);
    kr_value result = KR_NULL;
    if (npos) {
        match_args = kr_getattr_opt(vm, cls, kr_intern(vm, "__match_args__"));
        if (!match_args && kr_err_occurred(vm))
            goto done;
        bool self_match = ct == vm->t.bool_ || ct == vm->t.bytearray || ct == vm->t.bytes || ct == vm->t.dict ||
                          ct == vm->t.float_ || ct == vm->t.frozenset || ct == vm->t.int_ || ct == vm->t.list ||
                          ct == vm->t.set || ct == vm->t.str || ct == vm->t.tuple;
        if (!match_args) {
            if (self_match && npos == 1) {
                kr_tuple_items(out)[0] = subject;
                kr_gc_barrier(vm, KR_OBJ(out), subject); /* Python code ran since out was made */
                goto kw;
            }
            kr_raise(vm, KR_EXC(vm, TypeError), "%s() accepts %d positional sub-pattern%s (%d given)", ct->name_c,
                     self_match ? 1 : 0, "", npos);
            goto done;
        }
        if (!kr_tuple_check_exact(vm, match_args)) {
            kr_raise(vm, KR_EXC(vm, TypeError), "%s.__match_args__ must be a tuple (got %s)", ct->name_c,
                     kr_typename(vm, match_args));
            goto done;
        }
        if (npos > kr_tuple_size(match_args)) {
            kr_raise(vm, KR_EXC(vm, TypeError), "%s() accepts %d positional sub-pattern%s (%d given)", ct->name_c,
                     (int)kr_tuple_size(match_args), kr_tuple_size(match_args) == 1 ? "" : "s", npos);
            goto done;
        }
        for (int i = 0; i < npos; i++) {
            kr_value an = kr_tuple_items(match_args)[i];
            if (!kr_is_str(vm, an)) {
                kr_raise(vm, KR_EXC(vm, TypeError), "__match_args__ elements must be strings (got %s)", kr_typename(vm, an));
                goto done;
            }
            kr_value v = kr_getattr_opt(vm, subject, an);
            if (!v) {
                if (!kr_err_occurred(vm))
                    result = KR_NONE;
                goto done;
            }
            kr_tuple_items(out)[i] = v;
            kr_gc_barrier(vm, KR_OBJ(out), v); /* __getattr__ may have run Python code */
        }
    }
kw:
    for (int i = 0; i < nkw; i++) {
        kr_value v = kr_getattr_opt(vm, subject, kr_tuple_items(kwnames)[i]);
        if (!v) {
            if (!kr_err_occurred(vm))
                result = KR_NONE;
            goto done;
        }
        kr_tuple_items(out)[npos + i] = v;
        kr_gc_barrier(vm, KR_OBJ(out), v);
    }
    result = out;
done:
    kr_root_reset(vm, m);
    return result;
}

/* ------------------------------------------------------------------------------------------------
 * BUILD_CLASS */

static kr_value run_entry_frame(kr_vm *vm, kr_frame *nf);

/* A call of class cls whose __init__ is the Python function init (kr_type_python_init), with nargs
 * positional arguments and the values of kwnames after them: type_call's steps (cls->new_, then
 * __init__ on the new instance, whose result must be None) without the generic layers between them
 * (slot_init's lookup, call_special, kr_call, func_call): the __init__ frame is bound straight from
 * the arguments and run as kr_interp_call runs it. */
static kr_value call_class_init(kr_vm *vm, kr_type *cls, kr_value init, kr_value *args, int nargs, kr_value kwnames)
{
    kr_value obj = cls->new_(vm, cls, args, nargs, kwnames);
    if (!obj)
        return KR_NULL;
    kr_type *ot = kr_type_of(vm, obj);
    if (ot != cls) { /* a builtin __new__ that made something else: type_call's rule */
        if (!kr_type_is_subtype(ot, cls) || !ot->init)
            return obj;
        size_t m = kr_root_mark(vm);
        kr_root_push(vm, &obj);
        int r = ot->init(vm, obj, args, nargs, kwnames);
        kr_root_reset(vm, m);
        return r < 0 ? KR_NULL : obj;
    }
    if (vm->c_depth >= KR_INTERP_MAX_C_DEPTH)
        return recursion_error(vm);
    kr_function *fn = KR_AS(kr_function, init);
    kr_code *co = kr_code_of(fn->code);
    /* obj needs no root until the frame is linked: nothing from here to there collects (binding
     * allocates at most cells and the *args / **kwargs containers, and allocation never collects) */
    kr_frame *nf = frame_alloc(vm, co);
    if (!nf || frame_bind_self(vm, fn, co, nf->slots, obj, args, nargs, kwnames) < 0)
        return KR_NULL;
    co->call_count++;
    frame_link(vm, nf, co, fn, KR_FRAME_ENTRY);
    /* rooted here rather than by the frame: __init__ may rebind or delete its `self` */
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &obj);
    kr_value r = run_entry_frame(vm, nf);
    kr_root_reset(vm, m);
    if (!r)
        return KR_NULL;
    if (r != KR_NONE)
        return kr_raise(vm, KR_EXC(vm, TypeError), "__init__() should return None, not '%s'", kr_typename(vm, r));
    return obj;
}

/* The __init__ for call_class_init when callee is a class it may call, else KR_NULL. */
static inline kr_value class_init_of(kr_vm *vm, kr_value callee)
{
    if (!kr_is_ptr(callee) || KR_OBJ(callee)->type != vm->t.type)
        return KR_NULL;
    return kr_type_python_init(vm, KR_AS(kr_type, callee));
}

static kr_value run_frame(kr_vm *vm, kr_frame *f, int *yielded);

static kr_value call_class_body(kr_vm *vm, kr_value func, kr_value ns)
{
    kr_function *fn = KR_AS(kr_function, func);
    kr_code *co = kr_code_of(fn->code);
    if (vm->c_depth >= KR_INTERP_MAX_C_DEPTH)
        return recursion_error(vm);
    kr_frame *nf = frame_alloc(vm, co);
    if (!nf)
        return KR_NULL;
    for (uint32_t i = 0; i < co->nlocals; i++)
        nf->slots[i] = KR_UNBOUND;
    if (frame_init_rest(vm, co, nf->slots, fn->closure) < 0)
        return KR_NULL;
    frame_link(vm, nf, co, fn, KR_FRAME_ENTRY);
    nf->locals = ns;
    vm->c_depth++;
    kr_value r = run_frame(vm, nf, NULL);
    vm->c_depth--;
    return r;
}

/* PEP 560: a base that is not a class but has __mro_entries__ (e.g. list[int]) is replaced by what
 * __mro_entries__(orig_bases) returns. Returns bases itself when nothing changed. */
static kr_value resolve_mro_entries(kr_vm *vm, kr_value bases)
{
    int64_t n = kr_tuple_size(bases);
    kr_value out = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &out);
    for (int64_t i = 0; i < n; i++) {
        kr_value b = kr_tuple_items(bases)[i];
        if (kr_is_ptr(b) && kr_type_is_subtype(kr_type_of(vm, b), vm->t.type)) {
            if (out && kr_list_append(vm, out, b) < 0)
                goto fail;
            continue;
        }
        kr_value meth = kr_getattr_opt(vm, b, kr_intern(vm, "__mro_entries__"));
        if (!meth) {
            if (kr_err_occurred(vm))
                goto fail;
            if (out && kr_list_append(vm, out, b) < 0)
                goto fail;
            continue;
        }
        if (!out) {
            out = kr_list_from_array(vm, kr_tuple_items(bases), i);
            if (!out)
                goto fail;
        }
        kr_value entries = kr_call1(vm, meth, bases);
        if (!entries)
            goto fail;
        if (!kr_is_ptr(entries) || !(KR_OBJ(entries)->type->flags & KR_TF_TUPLE_SUBCLASS)) {
            kr_raise(vm, KR_EXC(vm, TypeError), "__mro_entries__ must return a tuple");
            goto fail;
        }
        for (int64_t k = 0; k < kr_tuple_size(entries); k++)
            if (kr_list_append(vm, out, kr_tuple_items(entries)[k]) < 0)
                goto fail;
    }
    kr_value result = out ? kr_tuple_from_array(vm, kr_list_items(out), kr_list_size(out)) : bases;
    kr_root_reset(vm, m);
    return result;
fail:
    kr_root_reset(vm, m);
    return KR_NULL;
}

static kr_value build_class(kr_vm *vm, kr_value *args, int nbases, kr_value kwnames)
{
    kr_value func = args[0], name = args[1];
    if (!kr_func_check(vm, func))
        return kr_raise(vm, KR_EXC(vm, TypeError), "__build_class__: func must be a function");
    if (!kr_is_str(vm, name))
        return kr_raise(vm, KR_EXC(vm, TypeError), "__build_class__: name is not a string");
    kr_value bases = KR_NULL, ns = KR_NULL, meta = KR_NULL, kwn = KR_NULL, callargs = KR_NULL, cls = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &bases);
    kr_root_push(vm, &ns);
    kr_root_push(vm, &meta);
    kr_root_push(vm, &kwn);
    kr_root_push(vm, &callargs);
    int nkw = kwnames ? (int)kr_tuple_size(kwnames) : 0;
    kr_value *kwv = args + 2 + nbases;
    bases = kr_tuple_from_array(vm, args + 2, nbases);
    if (!bases)
        goto out;
    kr_value orig_bases = bases;
    kr_root_push(vm, &orig_bases);
    bases = resolve_mro_entries(vm, bases);
    if (!bases)
        goto out;
    nbases = (int)kr_tuple_size(bases);
    /* keywords other than metaclass= go to __prepare__, the metaclass call and __init_subclass__ */
    kr_value kwkeep[64], kwvals[64];
    int nkeep = 0;
    for (int i = 0; i < nkw && i < 64; i++) {
        kr_value k = kr_tuple_items(kwnames)[i];
        if (!strcmp(kr_str_data(k), "metaclass"))
            meta = kwv[i];
        else {
            kwkeep[nkeep] = k;
            kwvals[nkeep++] = kwv[i];
        }
    }
    bool meta_is_class = true;
    if (!meta) {
        meta = nbases ? KR_VAL(kr_type_of(vm, kr_tuple_items(bases)[0])) : KR_VAL(vm->t.type);
    } else {
        meta_is_class = kr_is_ptr(meta) && kr_type_is_subtype(kr_type_of(vm, meta), vm->t.type);
    }
    if (meta_is_class) {
        /* the most derived metaclass (CPython's _PyType_CalculateMetaclass) */
        kr_type *winner = (kr_type *)KR_OBJ(meta);
        for (int i = 0; i < nbases; i++) {
            kr_type *bt = kr_type_of(vm, kr_tuple_items(bases)[i]);
            if (kr_type_is_subtype(winner, bt))
                continue;
            if (kr_type_is_subtype(bt, winner)) {
                winner = bt;
                continue;
            }
            kr_raise(vm, KR_EXC(vm, TypeError), "metaclass conflict: the metaclass of a derived class must be a "
                                                "(non-strict) subclass of the metaclasses of all its bases");
            goto out;
        }
        meta = KR_VAL(winner);
    }
    if (nkeep) {
        kwn = kr_tuple_from_array(vm, kwkeep, nkeep);
        if (!kwn)
            goto out;
    }
    callargs = kr_tuple_new(vm, 3 + nkeep);
    if (!callargs)
        goto out;
    kr_tuple_items(callargs)[0] = name;
    kr_tuple_items(callargs)[1] = bases;
    for (int i = 0; i < nkeep; i++)
        kr_tuple_items(callargs)[3 + i] = kwvals[i];
    kr_value prep = kr_getattr_opt(vm, meta, KR_NAME(vm, __prepare__));
    if (prep) {
        kr_value pargs[2 + 64];
        pargs[0] = name;
        pargs[1] = bases;
        for (int i = 0; i < nkeep; i++)
            pargs[2 + i] = kwvals[i];
        kr_root_push(vm, &prep);
        ns = kr_call(vm, prep, pargs, 2, kwn);
        if (!ns)
            goto out;
    } else {
        if (kr_err_occurred(vm))
            goto out;
        ns = kr_dict_new(vm);
        if (!ns)
            goto out;
    }
    kr_value r = call_class_body(vm, func, ns);
    if (!r)
        goto out;
    if (bases != orig_bases && kr_setitem(vm, ns, kr_intern(vm, "__orig_bases__"), orig_bases) < 0)
        goto out;
    kr_tuple_items(callargs)[2] = ns;
    kr_gc_barrier_all(vm, KR_OBJ(callargs)); /* the class body ran since callargs was made */
    cls = kr_call(vm, meta, kr_tuple_items(callargs), 3, kwn);
out:
    kr_root_reset(vm, m);
    return cls;
}

/* ------------------------------------------------------------------------------------------------
 * Inline `yield from` of a generator: the delegate's frame is linked above the delegator's and runs in
 * the same loop (no C recursion, so deep yield-from chains work like deep calls). While it runs, the
 * delegator is suspended at its YIELD_FROM (pc at it, KR_FRAME_IN_YIELD_FROM) and the delegate's frame
 * has KR_FRAME_ENTRY cleared; saved_handled holds the delegator's handled exception. */

static inline void gen_inline_enter(kr_vm *vm, kr_frame *d, const kr_insn *ip, kr_generator *sg)
{
    kr_frame *sf = sg->frame;
    sg->started = true;
    sg->running = true;
    d->pc = ip;
    d->flags |= KR_FRAME_IN_YIELD_FROM;
    sf->saved_handled = vm->handled_exc;
    if (sg->handled_exc)
        vm->handled_exc = sg->handled_exc;
    sf->prev = d;
    sf->flags &= ~(uint32_t)(KR_FRAME_ENTRY | KR_FRAME_IN_YIELD_FROM);
    vm->frame = sf;
    vm->depth++;
}

/* Leave an inline delegate frame (suspended if !finished, else freed); returns the delegator. */
static inline kr_frame *gen_inline_leave(kr_vm *vm, kr_frame *sf, bool finished)
{
    kr_generator *sg = KR_AS(kr_generator, sf->gen);
    kr_frame *d = sf->prev;
    kr_value saved = sf->saved_handled;
    sg->running = false;
    vm->frame = d;
    vm->depth--;
    sf->flags |= KR_FRAME_ENTRY;
    if (finished) {
        vm->handled_exc = saved;
        kr_gen_finish(vm, sf->gen);
    } else {
        sg->handled_exc = kr_gen_own_handled(vm, sf, saved);
        vm->handled_exc = saved;
        kr_gen_suspended(vm, sf->gen);
    }
    return d;
}

/* ------------------------------------------------------------------------------------------------
 * The interpreter loop */

/* How run() starts:
 *   RESUME_NORMAL    at f->pc;
 *   RESUME_THROW     a generator resumed by throw(): the exception is pending at the suspension point;
 *   RESUME_STEP      run the one instruction at f->pc and return (kr_interp_step, for compiled code);
 *   RESUME_JIT_EXIT  compiled code left vm->frame (compiler/jit_rt.h): continue it at its pc, raising
 *                    the pending exception there if there is one. */
enum { RESUME_NORMAL = 0, RESUME_THROW = 1, RESUME_STEP = 2, RESUME_JIT_EXIT = 3 };

/* Where an exception raised by a stepped instruction continues once the step's caller hands the frame
 * back to run() (vm->jit_exc_entry): the labels of run()'s exception unwinding. */
enum { EXC_AT_ERROR = 0, EXC_AT_ERROR_TRACED = 1, EXC_AT_UNWIND = 2 };

static kr_value run(kr_vm *vm, kr_frame *f, int mode, int *yielded);

/* RAISE (A = the exception or class, B = the cause when X == 2; X == 0: a bare raise) on slots s, for
 * run() and compiled code (kr_interp_raise): the exception pending, and where the unwinding continues:
 * EXC_AT_ERROR (a failure of the instruction: context and traceback entry still to add),
 * EXC_AT_ERROR_TRACED (the new exception, its context set: the traceback entry to add) or
 * EXC_AT_UNWIND (a bare raise: the traceback is kept as it is). */
static int raise_insn(kr_vm *vm, kr_value *s, kr_insn insn)
{
    unsigned x = KR_INSN_X(insn), a = KR_INSN_A(insn);
    if (x == 0) {
        kr_value h = vm->handled_exc;
        if (!h || h == KR_NONE) {
            kr_raise(vm, KR_EXC(vm, RuntimeError), "No active exception to reraise");
            return EXC_AT_ERROR;
        }
        vm->exc = h;
        return EXC_AT_UNWIND;
    }
    kr_value ev = s[a];
    if (is_exc_class(vm, ev)) {
        ev = kr_call0(vm, ev);
        if (!ev)
            return EXC_AT_ERROR;
        if (!is_exc_instance(vm, ev)) {
            /* CPython's message names both with repr (%R): "<class 'm.C'>" */
            kr_value cls_repr = KR_NULL, type_repr = KR_NULL;
            size_t m = kr_root_mark(vm);
            kr_root_push(vm, &ev);
            kr_root_push(vm, &cls_repr);
            if ((cls_repr = kr_repr(vm, s[a])) && (type_repr = kr_repr(vm, KR_VAL(kr_type_of(vm, ev)))))
                kr_raise(vm, KR_EXC(vm, TypeError), "calling %s should have returned an instance of BaseException, not %s",
                         kr_str_data(cls_repr), kr_str_data(type_repr));
            kr_root_reset(vm, m);
            return EXC_AT_ERROR;
        }
    } else if (!is_exc_instance(vm, ev)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "exceptions must derive from BaseException");
        return EXC_AT_ERROR;
    }
    if (x == 2) {
        s[a] = ev; /* root it */
        kr_value cause = s[KR_INSN_B(insn)];
        if (cause == KR_NONE) {
            cause = KR_NULL;
        } else if (is_exc_class(vm, cause)) {
            cause = kr_call0(vm, cause);
            if (!cause)
                return EXC_AT_ERROR;
        } else if (!is_exc_instance(vm, cause)) {
            kr_raise(vm, KR_EXC(vm, TypeError), "exception causes must derive from BaseException");
            return EXC_AT_ERROR;
        }
        KR_AS(kr_exception, ev)->cause = cause;
        KR_AS(kr_exception, ev)->suppress_context = true;
        kr_gc_barrier(vm, KR_OBJ(ev), cause);
    }
    chain_context(vm, ev, true);
    vm->exc = ev;
    return EXC_AT_ERROR_TRACED;
}

/* Pops a returning on-stack function frame (not a generator's), as RETURN does. */
static inline void frame_pop(kr_vm *vm, kr_frame *f)
{
    vm->handled_exc = f->saved_handled;
    vm->frame = f->prev;
    vm->stack_top = (kr_value *)f;
    vm->depth--;
}

/* Compiled code to enter co with (a call at pc 0, or a generator's frame at its resume point: both are
 * entries of its compiled code), compiling it when its counter is due: calls, or a generator's
 * resumptions (kr_interp_resume counts those); NULL: interpret (JIT off, refused, or the C stack
 * already holds KR_JIT_MAX_C_DEPTH compiled activations). */
static inline kr_jit_fn jit_entry(kr_vm *vm, kr_code *co)
{
    if (!kr_jit_on(vm) || vm->c_depth >= KR_JIT_MAX_C_DEPTH)
        return NULL;
    if (co->jit_code)
        return (kr_jit_fn)co->jit_code;
    if (co->call_count < (uint64_t)vm->config.jit_threshold || (co->jit_flags & KR_JIT_NEVER))
        return NULL;
    return kr_jit_compile(vm, co);
}

/* Runs f's compiled code from entry_pc (compiler/jit_rt.h's protocol). */
static inline kr_value jit_call(kr_vm *vm, kr_frame *f, kr_jit_fn jf, uint32_t entry_pc)
{
    vm->c_depth++;
    f->flags |= KR_FRAME_JIT;
    kr_value r = jf(vm, f, entry_pc);
    f->flags &= ~(uint32_t)KR_FRAME_JIT;
    vm->c_depth--;
    return r;
}

/* Runs a just-linked KR_FRAME_ENTRY frame of a function to completion: its compiled code when it has
 * some, the interpreter otherwise or from where compiled code left it. */
static kr_value run_entry_frame(kr_vm *vm, kr_frame *nf)
{
    vm->c_depth++;
    kr_value r;
    kr_jit_fn jf = jit_entry(vm, nf->code);
    if (jf) {
        r = jit_call(vm, nf, jf, 0);
        if (r) {
            frame_pop(vm, nf);
            nf->pc = nf->code->insns;
        } else {
            r = run(vm, vm->frame, RESUME_JIT_EXIT, NULL);
        }
    } else {
        r = run(vm, nf, RESUME_NORMAL, NULL);
    }
    vm->c_depth--;
    return r;
}

static kr_value run_frame(kr_vm *vm, kr_frame *f, int *yielded) { return run(vm, f, RESUME_NORMAL, yielded); }

#define OP_A KR_INSN_A(insn)
#define OP_B KR_INSN_B(insn)
#define OP_C KR_INSN_C(insn)
#define OP_X KR_INSN_X(insn)
#define OP_BX KR_INSN_BX(insn)

static kr_value run(kr_vm *vm, kr_frame *f, int mode, int *yielded)
{
    static const void *const labels[KR_OP_COUNT] = {
#define KR_OP_LABEL(name, fmt, words, doc) &&L_##name,
        KR_OPCODES(KR_OP_LABEL)
#undef KR_OP_LABEL
    };
    /* In step mode every dispatch after the first instruction lands on L_step_done. */
    static const void *const step_done[KR_OP_COUNT] = {
#define KR_OP_STEP_DONE(name, fmt, words, doc) &&L_step_done,
        KR_OPCODES(KR_OP_STEP_DONE)
#undef KR_OP_STEP_DONE
    };
    const void *const *dispatch = labels;
    kr_code *co;
    kr_value *s;
    const kr_value *K;
    const kr_insn *pc, *ip;
    kr_insn insn;
    kr_fb *fbv;
    kr_value retval;
    uint32_t jit_entry_pc = 0;

#define LOAD_FRAME()                                                                                      \
    do {                                                                                                  \
        co = f->code;                                                                                     \
        s = f->slots;                                                                                     \
        K = kr_tuple_items(co->consts);                                                                   \
        fbv = co->fb;                                                                                     \
        pc = f->pc;                                                                                       \
    } while (0)
#define DISPATCH()                                                                                        \
    do {                                                                                                  \
        ip = pc;                                                                                          \
        insn = *pc++;                                                                                     \
        goto *dispatch[KR_INSN_OP(insn)];                                                                 \
    } while (0)
#define NAME(i) (kr_tuple_items(co->names)[i])
#define FB() (&fbv[KR_CACHE_FB(*pc)])
#define SKIP_CACHE() (pc++)
#define SAVE_PC() (f->pc = pc)
#define CHECK(v)                                                                                          \
    do {                                                                                                  \
        if (!(v))                                                                                         \
            goto error;                                                                                   \
    } while (0)
#define CHECK_I(r)                                                                                        \
    do {                                                                                                  \
        if ((r) < 0)                                                                                      \
            goto error;                                                                                   \
    } while (0)
/* A collection started here knows f->pc exactly, hence which temporaries are live (trace_frame_slots). */
#define SAFEPOINT()                                                                                       \
    do {                                                                                                  \
        if (vm->gc.allocated >= vm->gc.threshold) {                                                       \
            SAVE_PC();                                                                                    \
            vm->gc_exact_frame = f;                                                                       \
            kr_gc_safepoint_slow(vm);                                                                     \
            vm->gc_exact_frame = NULL;                                                                    \
        }                                                                                                 \
    } while (0)
#define INTERRUPT_CHECK()                                                                                 \
    do {                                                                                                  \
        if (kr_interp_op_take_interrupt(vm))                                                              \
            goto error;                                                                                   \
    } while (0)

    LOAD_FRAME();
    if (mode == RESUME_STEP) {
        dispatch = step_done;
        ip = pc;
        insn = *pc++;
        goto *labels[KR_INSN_OP(insn)];
    }
    if (mode == RESUME_JIT_EXIT)
        goto jit_exit;
    if (mode == RESUME_THROW) {
        /* A generator resumed by throw(): the exception is pending at the suspension point. */
        ip = kr_frame_suspension(f); /* f->pc is pc here */
        f->flags &= ~(uint32_t)KR_FRAME_IN_YIELD_FROM;
        goto error;
    }
    f->flags &= ~(uint32_t)KR_FRAME_IN_YIELD_FROM;
    DISPATCH();

L_NOP:
L_LOAD_BUILD_CLASS_UNUSED:
    DISPATCH();

L_step_done:
    /* step mode: the instruction is done; DISPATCH has fetched the next one (at ip) */
    f->pc = ip;
    return KR_TRUE;

jit_exit:
    /* Compiled code left vm->frame (f itself, or a callee a stepped call pushed above it) with every
     * slot in memory and its pc at an instruction's first word: continue there, or raise there. */
    f = vm->frame;
    LOAD_FRAME();
    ip = pc;
    pc += kr_opcode_words[KR_INSN_OP(*ip)];
    if (vm->exc) {
        int at = vm->jit_exc_entry;
        vm->jit_exc_entry = EXC_AT_ERROR;
        if (at == EXC_AT_UNWIND)
            goto exception_unwind;
        if (at == EXC_AT_ERROR_TRACED)
            goto error_traced;
        goto error;
    }
    pc = ip;
    DISPATCH();

L_MOVE:
    s[OP_A] = s[OP_B];
    DISPATCH();
L_LOAD_CONST:
    s[OP_A] = K[OP_BX];
    DISPATCH();
L_LOAD_INT:
    s[OP_A] = kr_small((int32_t)OP_BX);
    DISPATCH();
L_LOAD_NONE:
    s[OP_A] = KR_NONE;
    DISPATCH();
L_LOAD_BOOL:
    s[OP_A] = OP_X ? KR_TRUE : KR_FALSE;
    DISPATCH();
L_CHECK_LOCAL:
    if (s[OP_A] == KR_UNBOUND) {
        unbound_local(vm, co, OP_A);
        goto error;
    }
    DISPATCH();
L_DELETE_FAST:
    if (s[OP_A] == KR_UNBOUND) {
        unbound_local(vm, co, OP_A);
        goto error;
    }
    s[OP_A] = KR_UNBOUND;
    DISPATCH();

L_LOAD_DEREF: {
    kr_value v = KR_AS(kr_cell, s[OP_B])->contents;
    if (v == KR_UNBOUND) {
        unbound_local(vm, co, OP_B);
        goto error;
    }
    s[OP_A] = v;
    DISPATCH();
}
L_STORE_DEREF:
    kr_cell_set(vm, s[OP_A], s[OP_B]);
    DISPATCH();
L_DELETE_DEREF:
    if (KR_AS(kr_cell, s[OP_A])->contents == KR_UNBOUND) {
        unbound_local(vm, co, OP_A);
        goto error;
    }
    kr_cell_set(vm, s[OP_A], KR_UNBOUND);
    DISPATCH();
L_LOAD_CLASSDEREF: {
    kr_value v = KR_NULL;
    if (f->locals) {
        SAVE_PC();
        v = mapping_get(vm, f->locals, NAME(OP_C));
        if (!v && kr_err_occurred(vm))
            goto error;
    }
    if (!v) {
        v = KR_AS(kr_cell, s[OP_B])->contents;
        if (v == KR_UNBOUND) {
            unbound_local(vm, co, OP_B);
            goto error;
        }
    }
    s[OP_A] = v;
    DISPATCH();
}

L_LOAD_GLOBAL: {
    kr_fb *e = FB();
    SKIP_CACHE();
    kr_value g = f->globals, bd = f->builtins;
    if (e->global.globals == g && kr_dict_keys_version(g) == e->global.globals_kv &&
        (!e->global.builtins ||
         (e->global.builtins == bd && kr_dict_keys_version(bd) == e->global.builtins_kv))) {
        s[OP_A] = *e->global.slot;
        DISPATCH();
    }
    kr_value name = NAME(OP_BX);
    if (kr_dict_check_exact(vm, g) && kr_dict_check_exact(vm, bd)) {
        kr_value *slot = kr_dict_lookup_slot(vm, g, name);
        kr_value from = KR_NULL;
        if (!slot) {
            slot = kr_dict_lookup_slot(vm, bd, name);
            from = bd;
        }
        if (slot) {
            e->global.globals = g;
            e->global.globals_kv = kr_dict_keys_version(g);
            e->global.builtins = from;
            e->global.builtins_kv = from ? kr_dict_keys_version(bd) : 0;
            e->global.slot = slot;
            kr_interp_fb_barrier(vm, e);
            s[OP_A] = *slot;
            DISPATCH();
        }
    }
    SAVE_PC();
    kr_value v = load_global(vm, g, bd, name);
    CHECK(v);
    s[OP_A] = v;
    DISPATCH();
}
L_STORE_GLOBAL:
    CHECK_I(kr_dict_set(vm, f->globals, NAME(OP_BX), s[OP_A]));
    DISPATCH();
L_DELETE_GLOBAL: {
    kr_value name = NAME(OP_BX);
    int has = kr_dict_contains(vm, f->globals, name);
    CHECK_I(has);
    if (!has) {
        name_error(vm, name);
        goto error;
    }
    CHECK_I(kr_dict_del(vm, f->globals, name));
    DISPATCH();
}
L_LOAD_NAME: {
    kr_value name = NAME(OP_BX), v = KR_NULL;
    SAVE_PC();
    if (f->locals) {
        v = mapping_get(vm, f->locals, name);
        if (!v && kr_err_occurred(vm))
            goto error;
    }
    if (!v)
        v = load_global(vm, f->globals, f->builtins, name);
    CHECK(v);
    s[OP_A] = v;
    DISPATCH();
}
L_STORE_NAME:
    SAVE_PC();
    CHECK_I(mapping_set(vm, f->locals ? f->locals : f->globals, NAME(OP_BX), s[OP_A]));
    DISPATCH();
L_DELETE_NAME: {
    kr_value loc = f->locals ? f->locals : f->globals, name = NAME(OP_BX);
    SAVE_PC();
    int r = kr_dict_check_exact(vm, loc) ? kr_dict_del(vm, loc, name) : kr_delitem(vm, loc, name);
    if (r < 0) {
        if (kr_err_matches(vm, KR_EXC(vm, KeyError))) {
            kr_err_clear(vm);
            name_error(vm, name);
        }
        goto error;
    }
    DISPATCH();
}

L_LOAD_ATTR: {
    kr_fb *e = FB();
    SKIP_CACHE();
    kr_value obj = s[OP_B];
    kr_type *t = kr_type_of(vm, obj);
    if (kr_interp_op_load_attr_hit(e, obj, t, &s[OP_A]))
        DISPATCH();
    SAVE_PC();
    kr_value v = kr_interp_op_load_attr_miss(vm, e, obj, t, NAME(OP_C));
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_STORE_ATTR: {
    kr_fb *e = FB();
    SKIP_CACHE();
    kr_value obj = s[OP_A], v = s[OP_C];
    kr_type *t = kr_type_of(vm, obj);
    if (kr_interp_op_store_attr_hit(vm, e, obj, t, v))
        DISPATCH();
    SAVE_PC();
    CHECK_I(kr_interp_op_store_attr_miss(vm, e, obj, t, NAME(OP_B), v));
    SAFEPOINT();
    DISPATCH();
}
L_DELETE_ATTR:
    SAVE_PC();
    CHECK_I(kr_delattr(vm, s[OP_A], NAME(OP_B)));
    DISPATCH();
L_LOAD_METHOD: {
    kr_fb *e = FB();
    SKIP_CACHE();
    kr_value obj = s[OP_B];
    kr_type *t = kr_type_of(vm, obj);
    if (kr_interp_op_load_method_hit(e, obj, t, &s[OP_A]))
        DISPATCH();
    SAVE_PC();
    CHECK_I(kr_interp_op_load_method_miss(vm, e, obj, t, NAME(OP_C), &s[OP_A]));
    SAFEPOINT();
    DISPATCH();
}

L_GET_ITEM: {
    kr_fb *e = FB();
    SKIP_CACHE();
    kr_value o = s[OP_B], k = s[OP_C];
    if (kr_interp_op_getitem_fast(vm, e, o, k, &s[OP_A]))
        DISPATCH();
    SAVE_PC();
    kr_value v = kr_interp_op_getitem_slow(vm, e, o, k);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_SET_ITEM: {
    kr_fb *e = FB();
    SKIP_CACHE();
    kr_value o = s[OP_A], k = s[OP_B], v = s[OP_C];
    if (kr_interp_op_setitem_fast(vm, e, o, k, v))
        DISPATCH();
    SAVE_PC();
    CHECK_I(kr_interp_op_setitem_slow(vm, e, o, k, v));
    SAFEPOINT();
    DISPATCH();
}
L_DELETE_ITEM:
    SAVE_PC();
    CHECK_I(kr_delitem(vm, s[OP_A], s[OP_B]));
    DISPATCH();
L_BUILD_SLICE: {
    kr_value v = kr_slice_new(vm, s[OP_B], s[OP_B + 1], OP_C == 3 ? s[OP_B + 2] : KR_NONE);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}

L_BINARY_OP: {
    kr_fb *e = FB();
    SKIP_CACHE();
    kr_value a = s[OP_B], b = s[OP_C];
    unsigned op = OP_X & 0x7f;
    /* the fast paths inline; a miss redoes their (cheap) tests in kr_interp_op_binary_slow */
    if (kr_is_small(a) && kr_is_small(b)) {
        /* One case (and so one dispatch jump) per operator, each inlining kr_interp_op_binary_small
         * for its constant operator: a shared dispatch after the helper's switch mixes the successors
         * of every operator in one indirect branch, which predicts measurably worse (fib, richards).
         * Other operators, and results that are not small ints, take the slow path below, which
         * records the same SMALLINT feedback. */
        switch (op) {
#define BINARY_SMALL_CASE(o)                                                                              \
    case o:                                                                                               \
        if (kr_interp_op_binary_small(e, o, a, b, &s[OP_A]))                                              \
            DISPATCH();                                                                                   \
        break;
            BINARY_SMALL_CASE(KR_OP_ADD)
            BINARY_SMALL_CASE(KR_OP_SUB)
            BINARY_SMALL_CASE(KR_OP_MUL)
            BINARY_SMALL_CASE(KR_OP_FLOORDIV)
            BINARY_SMALL_CASE(KR_OP_MOD)
            BINARY_SMALL_CASE(KR_OP_AND)
            BINARY_SMALL_CASE(KR_OP_OR)
            BINARY_SMALL_CASE(KR_OP_XOR)
            BINARY_SMALL_CASE(KR_OP_RSHIFT)
            BINARY_SMALL_CASE(KR_OP_LSHIFT)
#undef BINARY_SMALL_CASE
        default:
            break;
        }
    } else if (kr_interp_op_both_floats(vm, a, b)) {
        double r;
        if (kr_interp_op_binary_float(e, op, kr_float_value(a), kr_float_value(b), &r)) {
            kr_value v = kr_float_new(vm, r);
            CHECK(v);
            s[OP_A] = v;
            SAFEPOINT();
            DISPATCH();
        }
    }
    SAVE_PC();
    kr_value v = kr_interp_op_binary_slow(vm, e, OP_X, a, b);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_UNARY_OP: {
    kr_value a = s[OP_B];
    if (kr_is_small(a)) {
        if (OP_X == KR_UNARY_NEG && a != kr_small(KR_SMALL_MIN)) {
            s[OP_A] = kr_small(-kr_small_val(a));
            DISPATCH();
        }
        if (OP_X == KR_UNARY_POS) {
            s[OP_A] = a;
            DISPATCH();
        }
        if (OP_X == KR_UNARY_INVERT) {
            s[OP_A] = kr_small(~kr_small_val(a));
            DISPATCH();
        }
    }
    SAVE_PC();
    kr_value v = kr_unary_op(vm, (int)OP_X, a);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_UNARY_NOT: {
    SAVE_PC();
    int t = truthy(vm, s[OP_B]);
    CHECK_I(t);
    s[OP_A] = t ? KR_FALSE : KR_TRUE;
    DISPATCH();
}
L_TO_BOOL: {
    SAVE_PC();
    int t = truthy(vm, s[OP_B]);
    CHECK_I(t);
    s[OP_A] = kr_bool(t);
    DISPATCH();
}
L_COMPARE_OP: {
    kr_fb *e = FB();
    SKIP_CACHE();
    kr_value a = s[OP_B], b = s[OP_C];
    if (kr_interp_op_compare_fast(vm, e, OP_X, a, b, &s[OP_A]))
        DISPATCH();
    SAVE_PC();
    kr_value v = kr_interp_op_compare_slow(vm, e, OP_X, a, b);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_IS_OP:
    s[OP_A] = kr_bool((s[OP_B] == s[OP_C]) != (OP_X != 0));
    DISPATCH();
L_CONTAINS_OP: {
    SAVE_PC();
    int r = kr_contains(vm, s[OP_C], s[OP_B]);
    CHECK_I(r);
    s[OP_A] = kr_bool((r != 0) != (OP_X != 0));
    DISPATCH();
}

L_JUMP:
    pc = co->insns + OP_BX;
    DISPATCH();
L_JUMP_BACKWARD: {
    kr_fb *e = FB();
    e->loop.count++;
    INTERRUPT_CHECK();
    pc = co->insns + OP_BX;
    SAFEPOINT();
    if (kr_jit_on(vm) && mode != RESUME_STEP) {
        /* a hot loop: continue in compiled code at its header (OSR) */
        kr_jit_fn jf = co->jit_code;
        if (!jf && e->loop.count >= (uint64_t)vm->config.jit_threshold && !(co->jit_flags & KR_JIT_NEVER))
            jf = kr_jit_compile(vm, co);
        if (jf && vm->c_depth < KR_JIT_MAX_C_DEPTH) {
            jit_entry_pc = OP_BX;
            goto jit_enter;
        }
    }
    DISPATCH();
}
jit_enter: {
    /* continue f in its compiled code at jit_entry_pc (a loop header or an exception handler: an
     * entry, where every slot is read from memory) */
    SAVE_PC();
    retval = jit_call(vm, f, (kr_jit_fn)co->jit_code, jit_entry_pc);
    if (!retval)
        goto jit_exit;
    if (vm->jit_yielded) { /* a generator's compiled code yielded (f->pc is its resume point) */
        vm->jit_yielded = 0;
        goto do_yield;
    }
    goto do_return;
}
L_JUMP_IF_FALSE: {
    kr_value v = s[OP_A];
    if (v == KR_FALSE) {
        pc = co->insns + OP_BX;
        DISPATCH();
    }
    if (v == KR_TRUE)
        DISPATCH();
    SAVE_PC();
    int t = truthy(vm, v);
    CHECK_I(t);
    if (!t)
        pc = co->insns + OP_BX;
    DISPATCH();
}
L_JUMP_IF_TRUE: {
    kr_value v = s[OP_A];
    if (v == KR_TRUE) {
        pc = co->insns + OP_BX;
        DISPATCH();
    }
    if (v == KR_FALSE)
        DISPATCH();
    SAVE_PC();
    int t = truthy(vm, v);
    CHECK_I(t);
    if (t)
        pc = co->insns + OP_BX;
    DISPATCH();
}
L_JUMP_IF_NONE:
    if (s[OP_A] == KR_NONE)
        pc = co->insns + OP_BX;
    DISPATCH();
L_JUMP_IF_NOT_NONE:
    if (s[OP_A] != KR_NONE)
        pc = co->insns + OP_BX;
    DISPATCH();

L_GET_ITER: {
    kr_fb *e = FB();
    SKIP_CACHE();
    SAVE_PC();
    CHECK_I(kr_interp_op_get_iter(vm, e, OP_X, s[OP_B], &s[OP_A]));
    SAFEPOINT();
    DISPATCH();
}
L_FOR_ITER: {
    uint32_t exit_pc = KR_CACHE_E(*pc);
    kr_fb *e = FB();
    SKIP_CACHE();
    e->loop.count++;
    /* kr_interp_op_for_iter_fast's two steps called here one by one, so that the next item and the
     * loop exit of range and of list loops each have their own dispatch jump (one shared jump for
     * all four outcomes predicts worse). */
    kr_value it = s[OP_A];
    if (kr_is_small(it)) {
        if (kr_interp_op_for_iter_range(&s[OP_A], &s[OP_B]))
            DISPATCH();
        pc = co->insns + exit_pc;
        DISPATCH();
    }
    if (kr_type_of(vm, it) == vm->t.list_iter) {
        if (kr_interp_op_for_iter_list(KR_AS(kr_list_iter, it), &s[OP_B]))
            DISPATCH();
        pc = co->insns + exit_pc;
        DISPATCH();
    }
    SAVE_PC();
    int r = kr_interp_op_for_iter_next(vm, it, &s[OP_B]);
    CHECK_I(r);
    if (!r) {
        pc = co->insns + exit_pc;
        DISPATCH();
    }
    SAFEPOINT();
    DISPATCH();
}

    /* ---- calls ---- */
    {
        kr_value callee, kwnames;
        kr_value *args;
        int nargs;
        unsigned dst;

L_CALL: {
    kr_fb *e = FB();
    SKIP_CACHE();
    dst = OP_A;
    callee = s[dst];
    args = &s[dst + 1];
    nargs = (int)OP_B;
    kwnames = OP_C ? K[OP_C - 1] : KR_NULL;
    if (kwnames)
        nargs -= (int)kr_tuple_size(kwnames);
    e->call.count++;
    fb_record_callee(vm, e, callee);
    /* bound method of a Python function: call the function with self in the callee's slot */
    if (kr_is_ptr(callee) && KR_OBJ(callee)->type == vm->t.method &&
        kr_func_check(vm, KR_AS(kr_method, callee)->func)) {
        s[dst] = KR_AS(kr_method, callee)->self;
        callee = KR_AS(kr_method, callee)->func;
        args = &s[dst];
        nargs++;
    }
    goto do_call;
}
L_CALL_METHOD: {
    kr_fb *e = FB();
    SKIP_CACHE();
    dst = OP_A;
    callee = s[dst];
    nargs = (int)OP_B;
    kwnames = OP_C ? K[OP_C - 1] : KR_NULL;
    if (kwnames)
        nargs -= (int)kr_tuple_size(kwnames);
    e->call.count++;
    fb_record_callee(vm, e, callee);
    if (s[dst + 1] != KR_NULL) {
        args = &s[dst + 1];
        nargs++;
    } else {
        args = &s[dst + 2];
    }
    goto do_call;
}
    do_call:
        INTERRUPT_CHECK();
        if (kr_is_ptr(callee) && KR_OBJ(callee)->type == vm->t.function) {
            kr_function *fn = KR_AS(kr_function, callee);
            kr_code *nco = kr_code_of(fn->code);
            kr_frame *nf = frame_alloc(vm, nco);
            if (!nf)
                goto error;
            kr_value *ns = nf->slots;
            if (frame_bind(vm, fn, nco, ns, args, nargs, kwnames) < 0)
                goto error;
            nco->call_count++;
            if (nco->flags & KR_CODE_GENERATOR) {
                SAVE_PC();
                kr_value g = kr_gen_new(vm, fn, ns);
                CHECK(g);
                s[dst] = g;
                SAFEPOINT();
                DISPATCH();
            }
            SAVE_PC();
            frame_link(vm, nf, nco, fn, 0);
            nf->ret_slot = dst;
            if (mode == RESUME_STEP) {
                /* compiled code's call: finish the callee before returning to it, unless the C stack
                 * is deep already; then the caller leaves compiled code and this loop runs both */
                if (vm->c_depth >= KR_JIT_MAX_C_DEPTH)
                    return KR_NULL; /* f->pc is after the call; the callee is vm->frame */
                nf->flags |= KR_FRAME_ENTRY;
                kr_value v = run_entry_frame(vm, nf);
                CHECK(v);
                s[dst] = v;
                SAFEPOINT();
                DISPATCH();
            }
            {
                kr_jit_fn jf = jit_entry(vm, nco);
                if (jf) {
                    kr_value v = jit_call(vm, nf, jf, 0);
                    if (!v)
                        goto jit_exit;
                    frame_pop(vm, nf);
                    s[dst] = v;
                    SAFEPOINT();
                    DISPATCH();
                }
            }
            f = nf;
            LOAD_FRAME();
            SAFEPOINT();
            DISPATCH();
        }
        SAVE_PC();
        {
            kr_value init = class_init_of(vm, callee);
            kr_value v = init ? call_class_init(vm, KR_AS(kr_type, callee), init, args, nargs, kwnames)
                              : kr_call(vm, callee, args, nargs, kwnames);
            CHECK(v);
            s[dst] = v;
        }
        SAFEPOINT();
        DISPATCH();
    }

L_CALL_EX: {
    kr_value callee = s[OP_A];
    SAVE_PC();
    kr_value pos = star_args(vm, callee, s[OP_B]);
    CHECK(pos);
    s[OP_B] = pos; /* keep it rooted */
    kr_value kw = KR_NULL;
    if (OP_X & 1) {
        kw = s[OP_C];
        if (!kr_dict_check_exact(vm, kw)) {
            kr_value d = kr_dict_new(vm);
            CHECK(d);
            size_t m = kr_root_mark(vm);
            kr_root_push(vm, &d);
            int r = merge_kwargs(vm, d, kw, callee);
            kr_root_reset(vm, m);
            CHECK_I(r);
            s[OP_C] = d;
            kw = d;
        }
    }
    kr_value v = call_ex(vm, callee, pos, kw);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}

L_MAKE_FUNCTION: {
    kr_value fnv = kr_interp_op_make_function(vm, K[OP_BX], f->globals, OP_X, &s[OP_A + 1]);
    CHECK(fnv);
    s[OP_A] = fnv;
    SAFEPOINT();
    DISPATCH();
}

L_RETURN:
    retval = s[OP_A];
    goto do_return;
L_RETURN_CONST:
    retval = K[OP_BX];
do_return:
    if (f->flags & KR_FRAME_ENTRY) {
        if (!(f->flags & KR_FRAME_GEN))
            vm->handled_exc = f->saved_handled;
        vm->frame = f->prev;
        if (f->flags & KR_FRAME_ON_STACK)
            vm->stack_top = (kr_value *)f;
        vm->depth--;
        f->pc = pc;
        if (yielded)
            *yielded = 0;
        return retval;
    }
    if (f->flags & KR_FRAME_GEN) {
        /* an inline delegate finished: its value is the result of the delegator's YIELD_FROM */
        f = gen_inline_leave(vm, f, true);
        LOAD_FRAME();
        f->flags &= ~(uint32_t)KR_FRAME_IN_YIELD_FROM;
        s[KR_INSN_C(*pc)] = retval;
        pc++;
        DISPATCH();
    }
    {
        kr_frame *caller = f->prev;
        uint32_t rs = f->ret_slot;
        vm->handled_exc = f->saved_handled;
        vm->stack_top = (kr_value *)f;
        vm->frame = caller;
        vm->depth--;
        f = caller;
        LOAD_FRAME();
        s[rs] = retval;
        DISPATCH();
    }

L_BUILD_CLASS: {
    unsigned a = OP_A;
    kr_value kwn = OP_C ? K[OP_C - 1] : KR_NULL;
    int nb = (int)OP_B; /* bases; the keyword values follow them */
    SAVE_PC();
    kr_value v = build_class(vm, &s[a + 1], nb, kwn);
    CHECK(v);
    s[a] = v;
    SAFEPOINT();
    DISPATCH();
}

    /* ---- generators ---- */
L_YIELD:
    retval = s[OP_B];
    f->pc = pc;
    goto do_yield;
L_YIELD_FROM: {
    /* Delegate one step: send s[A] into the sub-iterator s[B]. */
    kr_value sub = s[OP_B], sent = s[OP_A], v;
    SAVE_PC();
    if (kr_gen_like(vm, sub)) {
        kr_generator *sg = KR_AS(kr_generator, sub);
        if (sg->frame && !sg->running && vm->depth < vm->recursion_limit) {
            kr_frame *sf = sg->frame;
            if (!sg->started) {
                if (sent != KR_NONE) {
                    kr_raise(vm, KR_EXC(vm, TypeError), "can't send non-None value to a just-started generator");
                    goto error;
                }
            } else {
                sf->slots[KR_INSN_A(*kr_frame_suspension(sf))] = sent;
            }
            gen_inline_enter(vm, f, ip, sg);
            f = sf;
            LOAD_FRAME();
            DISPATCH();
        }
    }
    int st = kr_gen_delegate(vm, sub, sent, &v);
    CHECK_I(st);
    if (st == 0) {
        s[OP_C] = v;
        DISPATCH();
    }
    /* the delegate yielded v: suspend at this instruction; resuming re-executes it with the sent value */
    retval = v;
    f->pc = ip;
    f->flags |= KR_FRAME_IN_YIELD_FROM;
    goto do_yield;
}
do_yield:
    /* Only generator frames yield. An inline delegate passes the value up to its delegator, which
     * yields it in turn, up to the generator run() was entered for. */
    while (!(f->flags & KR_FRAME_ENTRY))
        f = gen_inline_leave(vm, f, false);
    vm->frame = f->prev;
    vm->depth--;
    if (yielded)
        *yielded = 1;
    return retval;
L_GET_YIELD_FROM_ITER: {
    kr_value o = s[OP_B];
    if (kr_is_ptr(o) && KR_OBJ(o)->type == vm->t.generator) {
        s[OP_A] = o;
        DISPATCH();
    }
    if (kr_is_ptr(o) && KR_OBJ(o)->type == vm->t.coro_wrapper) {
        s[OP_A] = kr_coro_unwrap(o); /* `yield from coro.__await__()`: delegate to the coroutine inline */
        DISPATCH();
    }
    SAVE_PC();
    kr_value it = kr_iter(vm, o);
    CHECK(it);
    s[OP_A] = it;
    SAFEPOINT();
    DISPATCH();
}

    /* ---- building ---- */
L_BUILD_TUPLE: {
    kr_value v = kr_interp_op_build_tuple(vm, &s[OP_B], OP_C);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_BUILD_LIST: {
    kr_value v = kr_list_from_array(vm, &s[OP_B], OP_C);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_BUILD_SET: {
    kr_value v = kr_set_new(vm, false);
    CHECK(v);
    unsigned a = OP_A, b = OP_B, c = OP_C;
    kr_value *items = &s[b];
    /* store first so the set is rooted while hashing (which may run Python code) */
    if (a >= b && a < b + c) {
        /* result slot overlaps the items: build from a copy held in a rooted list */
        kr_value l = kr_list_from_array(vm, items, c);
        CHECK(l);
        s[a] = l;
        kr_value set = v;
        size_t m = kr_root_mark(vm);
        kr_root_push(vm, &set);
        SAVE_PC();
        for (unsigned i = 0; i < c; i++)
            if (kr_set_add(vm, set, kr_list_items(l)[i]) < 0) {
                kr_root_reset(vm, m);
                goto error;
            }
        kr_root_reset(vm, m);
        s[a] = set;
    } else {
        s[a] = v;
        SAVE_PC();
        for (unsigned i = 0; i < c; i++)
            CHECK_I(kr_set_add(vm, v, items[i]));
    }
    SAFEPOINT();
    DISPATCH();
}
L_BUILD_MAP: {
    unsigned a = OP_A, b = OP_B, c = OP_C;
    kr_value d = kr_dict_new(vm);
    CHECK(d);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &d);
    SAVE_PC();
    for (unsigned i = 0; i < c; i++)
        if (kr_dict_set(vm, d, s[b + 2 * i], s[b + 2 * i + 1]) < 0) {
            kr_root_reset(vm, m);
            goto error;
        }
    kr_root_reset(vm, m);
    s[a] = d;
    SAFEPOINT();
    DISPATCH();
}
L_BUILD_STRING: {
    kr_value v = kr_interp_op_build_string(vm, &s[OP_B], OP_C);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_FORMAT_VALUE: {
    SAVE_PC();
    kr_value v = kr_interp_op_format_value(vm, s[OP_B], OP_X, (OP_X & KR_FMT_HAS_SPEC) ? s[OP_C] : KR_NULL);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_LIST_APPEND:
    CHECK_I(kr_list_append(vm, s[OP_A], s[OP_B]));
    SAFEPOINT();
    DISPATCH();
L_SET_ADD:
    SAVE_PC();
    CHECK_I(kr_set_add(vm, s[OP_A], s[OP_B]));
    SAFEPOINT();
    DISPATCH();
L_MAP_ADD:
    SAVE_PC();
    CHECK_I(kr_setitem(vm, s[OP_A], s[OP_B], s[OP_C]));
    SAFEPOINT();
    DISPATCH();
L_LIST_EXTEND: {
    kr_value v = s[OP_B];
    SAVE_PC();
    kr_type *t = kr_type_of(vm, v);
    if (!t->iter && !kr_type_lookup(vm, t, KR_NAME(vm, __getitem__))) {
        if (OP_X & 1) {
            char buf[256];
            func_str(vm, s[OP_C], buf, sizeof buf);
            kr_raise(vm, KR_EXC(vm, TypeError), "%s argument after * must be an iterable, not %s", buf, t->name_c);
        } else {
            kr_raise(vm, KR_EXC(vm, TypeError), "Value after * must be an iterable, not %s", t->name_c);
        }
        goto error;
    }
    CHECK_I(kr_list_extend(vm, s[OP_A], v));
    SAFEPOINT();
    DISPATCH();
}
L_SET_UPDATE: {
    SAVE_PC();
    /* set.update's own path: a set or frozenset merges with CPython's table layout (vm/set.c) */
    CHECK_I(kr_set_update_op(vm, s[OP_A], s[OP_B], KR_OP_OR));
    SAFEPOINT();
    DISPATCH();
}
L_DICT_UPDATE:
    SAVE_PC();
    CHECK_I(merge_kwargs(vm, s[OP_A], s[OP_B], KR_NULL));
    SAFEPOINT();
    DISPATCH();
L_DICT_MERGE:
    SAVE_PC();
    CHECK_I(merge_kwargs(vm, s[OP_A], s[OP_B], s[OP_C]));
    SAFEPOINT();
    DISPATCH();
L_LIST_TO_TUPLE: {
    kr_value l = s[OP_B];
    kr_value v = kr_tuple_from_array(vm, kr_list_items(l), kr_list_size(l));
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_UNPACK_SEQUENCE:
    SAVE_PC();
    CHECK_I(kr_interp_op_unpack(vm, s[OP_A], &s[OP_B], (int)OP_C, 0, false));
    SAFEPOINT();
    DISPATCH();
L_UNPACK_EX:
    SAVE_PC();
    CHECK_I(kr_interp_op_unpack(vm, s[OP_A], &s[OP_B], (int)(OP_C & 0xff), (int)(OP_C >> 8), true));
    SAFEPOINT();
    DISPATCH();

    /* ---- exceptions ---- */
L_RAISE:
    SAVE_PC();
    switch (raise_insn(vm, s, insn)) {
    case EXC_AT_UNWIND:
        goto exception_unwind; /* a bare raise keeps the traceback as it is */
    case EXC_AT_ERROR_TRACED:
        goto error_traced;
    default:
        goto error;
    }
L_RERAISE:
    vm->exc = s[OP_A];
    goto exception_unwind;
L_PUSH_EXC_INFO:
    kr_interp_op_push_exc_info(vm, &s[OP_A], s[OP_B]);
    DISPATCH();
L_POP_EXCEPT:
    kr_interp_op_pop_except(vm, s[OP_A]);
    DISPATCH();
L_CHECK_EXC_MATCH: {
    int r = kr_interp_op_check_exc_match(vm, s[OP_B], s[OP_C]);
    CHECK_I(r);
    s[OP_A] = kr_bool(r);
    DISPATCH();
}
L_ASSERT_FAIL: {
    SAVE_PC();
    kr_value ev;
    if (OP_X) {
        kr_value arg = s[OP_A];
        ev = kr_exc_new(vm, KR_EXC(vm, AssertionError), &arg, 1);
    } else {
        ev = kr_exc_new(vm, KR_EXC(vm, AssertionError), NULL, 0);
    }
    CHECK(ev);
    vm->exc = ev;
    goto error;
}
L_BEFORE_WITH: {
    unsigned a = OP_A;
    kr_value mgr = s[OP_B];
    bool found_enter, found_exit;
    SAVE_PC();
    kr_value enter = bind_special(vm, mgr, KR_NAME(vm, __enter__), &found_enter);
    if (!enter) {
        if (!found_enter)
            kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object does not support the context manager protocol",
                     kr_typename(vm, mgr));
        goto error;
    }
    s[a + 1] = enter; /* root */
    kr_value exitm = bind_special(vm, mgr, KR_NAME(vm, __exit__), &found_exit);
    if (!exitm) {
        if (!found_exit)
            kr_raise(vm, KR_EXC(vm, TypeError),
                     "'%s' object does not support the context manager protocol (missed __exit__ method)",
                     kr_typename(vm, mgr));
        goto error;
    }
    s[a] = exitm;
    kr_value r = kr_call0(vm, s[a + 1]);
    CHECK(r);
    s[a + 1] = r;
    SAFEPOINT();
    DISPATCH();
}
    /* ---- coroutines (the work is in vm/generator.c) ---- */
L_GET_AWAITABLE: {
    SAVE_PC();
    kr_value v = kr_coro_get_awaitable(vm, s[OP_B], (int)OP_X);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_GET_AITER: {
    SAVE_PC();
    kr_value v = kr_coro_get_aiter(vm, s[OP_B]);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_GET_ANEXT: {
    SAVE_PC();
    kr_value v = kr_coro_get_anext(vm, s[OP_B]);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_BEFORE_ASYNC_WITH: {
    SAVE_PC();
    CHECK_I(kr_coro_before_async_with(vm, s[OP_B], &s[OP_A]));
    SAFEPOINT();
    DISPATCH();
}
L_ASYNC_GEN_WRAP: {
    SAVE_PC();
    kr_value v = kr_async_gen_wrap(vm, s[OP_B]);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_CHECK_EG_MATCH: {
    SAVE_PC();
    kr_value match, rest;
    CHECK_I(kr_excgroup_match(vm, s[OP_B], s[OP_C], &match, &rest));
    s[OP_A] = match;
    s[OP_B] = rest;
    SAFEPOINT();
    DISPATCH();
}
L_PREP_RERAISE_STAR: {
    SAVE_PC();
    kr_value r = kr_excgroup_prep_reraise(vm, s[OP_B], s[OP_C]);
    CHECK(r);
    s[OP_A] = r;
    SAFEPOINT();
    DISPATCH();
}
L_END_ASYNC_FOR:
    if (kr_isinstance(vm, s[OP_A], KR_VAL(KR_EXC(vm, StopAsyncIteration))) == 1)
        DISPATCH(); /* the iterator is exhausted: the loop's else part follows */
    vm->exc = s[OP_A];
    goto exception_unwind;
L_WITH_EXIT: {
    SAVE_PC();
    kr_value args3[3] = {KR_NONE, KR_NONE, KR_NONE};
    kr_value r = kr_call(vm, s[OP_B], args3, 3, KR_NULL);
    CHECK(r);
    s[OP_A] = r;
    SAFEPOINT();
    DISPATCH();
}
L_WITH_EXCEPT: {
    SAVE_PC();
    kr_value ev = s[OP_C];
    kr_value tb = is_exc_instance(vm, ev) ? KR_AS(kr_exception, ev)->traceback : KR_NULL;
    kr_value args3[3] = {KR_VAL(kr_type_of(vm, ev)), ev, tb ? tb : KR_NONE};
    kr_value r = kr_call(vm, s[OP_B], args3, 3, KR_NULL);
    CHECK(r);
    s[OP_A] = r;
    SAFEPOINT();
    DISPATCH();
}

    /* ---- imports ---- */
L_IMPORT_NAME: {
    SAVE_PC();
    kr_value v = kr_import(vm, NAME(OP_B), f->globals, K[OP_C], (int)OP_X);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_IMPORT_FROM: {
    SAVE_PC();
    kr_value v = import_from(vm, s[OP_B], NAME(OP_C));
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_IMPORT_STAR:
    SAVE_PC();
    CHECK_I(import_star(vm, s[OP_A], f->locals ? f->locals : f->globals));
    SAFEPOINT();
    DISPATCH();

    /* ---- match ---- */
L_GET_LEN: {
    SAVE_PC();
    int64_t n = kr_len(vm, s[OP_B]);
    if (n < 0)
        goto error;
    kr_value v = kr_int_from_i64(vm, n);
    CHECK(v);
    s[OP_A] = v;
    DISPATCH();
}
L_MATCH_MAPPING: {
    kr_type *t = kr_type_of(vm, s[OP_B]);
    s[OP_A] = kr_bool(t == vm->t.dict || (t->flags & KR_TF_DICT_SUBCLASS));
    DISPATCH();
}
L_MATCH_SEQUENCE: {
    kr_type *t = kr_type_of(vm, s[OP_B]);
    s[OP_A] = kr_bool(t == vm->t.list || t == vm->t.tuple || t == vm->t.range ||
                      (t->flags & (KR_TF_LIST_SUBCLASS | KR_TF_TUPLE_SUBCLASS)));
    DISPATCH();
}
L_MATCH_KEYS: {
    kr_value subj = s[OP_B], keys = s[OP_C];
    int64_t n = kr_tuple_size(keys);
    kr_value out = kr_tuple_new(vm, n);
    CHECK(out);
    s[OP_A] = out;
    SAVE_PC();
    size_t m = kr_root_mark(vm);
    for (int64_t i = 0; i < n; i++) {
        kr_value k = kr_tuple_items(keys)[i];
        kr_value v;
        if (kr_dict_check_exact(vm, subj)) {
            v = kr_dict_get(vm, subj, k);
            if (!v && kr_err_occurred(vm)) {
                kr_root_reset(vm, m);
                goto error;
            }
        } else {
            v = kr_getitem(vm, subj, k);
            if (!v) {
                if (!kr_err_matches(vm, KR_EXC(vm, KeyError))) {
                    kr_root_reset(vm, m);
                    goto error;
                }
                kr_err_clear(vm);
            }
        }
        if (!v) {
            s[OP_A] = KR_NONE;
            break;
        }
        kr_tuple_items(out)[i] = v;
        kr_gc_barrier(vm, KR_OBJ(out), v); /* __getitem__ may have run Python code */
    }
    kr_root_reset(vm, m);
    SAFEPOINT();
    DISPATCH();
}
L_MATCH_CLASS: {
    SAVE_PC();
    kr_value v = match_class(vm, s[OP_B], s[OP_C], (int)OP_X, s[OP_C + 1] == KR_NONE ? KR_NULL : s[OP_C + 1]);
    CHECK(v);
    s[OP_A] = v;
    SAFEPOINT();
    DISPATCH();
}
L_COPY_DICT_WITHOUT_KEYS: {
    SAVE_PC();
    kr_value d = kr_dict_new(vm);
    CHECK(d);
    s[OP_A] = d;
    CHECK_I(kr_dict_update(vm, d, s[OP_B]));
    kr_value keys = s[OP_C];
    for (int64_t i = 0; i < kr_tuple_size(keys); i++) {
        int has = kr_dict_contains(vm, d, kr_tuple_items(keys)[i]);
        CHECK_I(has);
        if (has)
            CHECK_I(kr_dict_del(vm, d, kr_tuple_items(keys)[i]));
    }
    SAFEPOINT();
    DISPATCH();
}

    /* ---- misc ---- */
L_SETUP_ANNOTATIONS: {
    kr_value loc = f->locals ? f->locals : f->globals;
    SAVE_PC();
    kr_value v = mapping_get(vm, loc, KR_NAME(vm, __annotations__));
    if (!v) {
        if (kr_err_occurred(vm))
            goto error;
        kr_value d = kr_dict_new(vm);
        CHECK(d);
        CHECK_I(mapping_set(vm, loc, KR_NAME(vm, __annotations__), d));
    }
    DISPATCH();
}
L_PRINT_EXPR: {
    SAVE_PC();
    kr_value hook = kr_getattr(vm, vm->sys_module, KR_NAME(vm, displayhook));
    if (!hook) {
        if (kr_err_matches(vm, KR_EXC(vm, AttributeError))) {
            kr_err_clear(vm);
            kr_raise(vm, KR_EXC(vm, RuntimeError), "lost sys.displayhook");
        }
        goto error;
    }
    CHECK(kr_call1(vm, hook, s[OP_A]));
    DISPATCH();
}

    /* ---- exception unwinding ----
     * error:            an instruction of f failed; chain __context__, add f's traceback entry.
     * error_traced:     the exception is ready (RAISE set __context__ itself); add the entry.
     * exception_unwind: the traceback is already right (bare raise, RERAISE); find a handler. */
error: {
    if (mode == RESUME_STEP) {
        vm->jit_exc_entry = EXC_AT_ERROR;
        goto step_failed;
    }
    kr_value exc = vm->exc;
    if (!exc) {
        kr_raise(vm, KR_EXC(vm, SystemError), "error return without exception set");
        exc = vm->exc;
    }
    chain_context(vm, exc, false);
}
error_traced:
    if (mode == RESUME_STEP) {
        vm->jit_exc_entry = EXC_AT_ERROR_TRACED;
        goto step_failed;
    }
    if (vm->exc && is_exc_instance(vm, vm->exc)) {
        if (!KR_AS(kr_exception, vm->exc)->traceback) /* leaving the frame it was raised in */
            kr_suggest_capture_frame(vm, vm->exc, f);
        kr_tb_add(vm, vm->exc, KR_VAL(co), (uint32_t)(ip - co->insns));
    }
exception_unwind: {
    if (mode == RESUME_STEP) {
        vm->jit_exc_entry = EXC_AT_UNWIND;
        goto step_failed;
    }
    const kr_exc_entry *e = kr_code_handler_at(co, (uint32_t)(ip - co->insns));
    if (e) {
        s[e->slot] = vm->exc;
        vm->exc = KR_NULL;
        pc = co->insns + e->handler;
        /* a compiled function whose exception left its code continues compiled in the handler */
        if (co->jit_code && kr_jit_on(vm) && vm->c_depth < KR_JIT_MAX_C_DEPTH) {
            jit_entry_pc = e->handler;
            goto jit_enter;
        }
        DISPATCH();
    }
    /* no handler here: pop the frame */
    if (!(f->flags & KR_FRAME_GEN))
        vm->handled_exc = f->saved_handled;
    if (f->flags & KR_FRAME_ENTRY) {
        vm->frame = f->prev;
        if (f->flags & KR_FRAME_ON_STACK)
            vm->stack_top = (kr_value *)f;
        vm->depth--;
        f->pc = pc;
        if (yielded)
            *yielded = 0;
        return KR_NULL;
    }
    if (f->flags & KR_FRAME_GEN) {
        /* an inline delegate raised: the exception continues at the delegator's YIELD_FROM */
        kr_value sub = f->gen; /* still rooted: the delegator's YIELD_FROM operand */
        f = gen_inline_leave(vm, f, true);
        kr_gen_pep479(vm, sub);
        LOAD_FRAME();
        f->flags &= ~(uint32_t)KR_FRAME_IN_YIELD_FROM;
        ip = pc;
        pc++;
        goto error_traced;
    }
    kr_frame *caller = f->prev;
    vm->stack_top = (kr_value *)f;
    vm->frame = caller;
    vm->depth--;
    f = caller;
    LOAD_FRAME();
    ip = pc - 2; /* frames are pushed only by CALL / CALL_METHOD, both two words */
    goto error_traced;
}

step_failed:
    /* step mode: the instruction at ip raised. Compiled code leaves with the exception pending and
     * run(RESUME_JIT_EXIT) continues the unwinding at vm->jit_exc_entry (no traceback entry yet). */
    f->pc = ip;
    return KR_NULL;
}

/* ------------------------------------------------------------------------------------------------
 * Entry points */

/* kr_interp_call and kr_interp_call_self: self KR_NULL, or the argument before args. */
static kr_value interp_call(kr_vm *vm, kr_value func, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    kr_function *fn = KR_AS(kr_function, func);
    kr_code *co = kr_code_of(fn->code);
    if (vm->c_depth >= KR_INTERP_MAX_C_DEPTH)
        return recursion_error(vm);
    if (!vm->stack && kr_interp_stack_init(vm) < 0)
        return KR_NULL;
    kr_frame *nf = frame_alloc(vm, co);
    if (!nf)
        return KR_NULL;
    if ((self ? frame_bind_self(vm, fn, co, nf->slots, self, args, nargs, kwnames)
              : frame_bind(vm, fn, co, nf->slots, args, nargs, kwnames)) < 0) /* the positional case inline */
        return KR_NULL;
    co->call_count++;
    if (co->flags & KR_CODE_GENERATOR)
        return kr_gen_new(vm, fn, nf->slots);
    frame_link(vm, nf, co, fn, KR_FRAME_ENTRY);
    kr_value r = run_entry_frame(vm, nf);
    /* The return of a Python function called from C code (the key function of sorted() or max(),
     * map's, a dunder method) is a safepoint, as the return of a call from Python code is: compiled
     * code polls only at its back-edges and after its own calls, so a loop-free compiled function
     * called from a C loop allocated without ever collecting (word_freq's max(pairs.items(),
     * key=lambda kv: (kv[1], kv[0])): 27 MB of dead key tuples, a quarter of the peak RSS). The C
     * caller expects a collection here anyway (the callee may run in the interpreter, which polls);
     * only the result, off every frame now, needs rooting. */
    if (r && vm->gc.allocated >= vm->gc.threshold) {
        size_t m = kr_root_mark(vm);
        kr_root_push(vm, &r);
        kr_gc_safepoint_slow(vm);
        kr_root_reset(vm, m);
    }
    return r;
}

kr_value kr_interp_call(kr_vm *vm, kr_value func, kr_value *args, int nargs, kr_value kwnames)
{
    return interp_call(vm, func, KR_NULL, args, nargs, kwnames);
}

kr_value kr_interp_call_self(kr_vm *vm, kr_value func, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    return interp_call(vm, func, self, args, nargs, kwnames);
}

kr_value kr_interp_run_code(kr_vm *vm, kr_value code, kr_value globals, kr_value locals)
{
    if (!kr_is_ptr(code) || KR_OBJ(code)->type != vm->t.code)
        return kr_raise(vm, KR_EXC(vm, TypeError), "expected a code object");
    if (!kr_dict_check(vm, globals))
        return kr_raise(vm, KR_EXC(vm, TypeError), "globals must be a dict");
    kr_code *co = kr_code_of(code);
    if (co->nfreevars)
        return kr_raise(vm, KR_EXC(vm, TypeError), "code object passed to exec() may not contain free variables");
    if (vm->c_depth >= KR_INTERP_MAX_C_DEPTH)
        return recursion_error(vm);
    if (!vm->stack && kr_interp_stack_init(vm) < 0)
        return KR_NULL;
    kr_value builtins = kr_dict_get_str(vm, globals, KR_NAME(vm, __builtins__));
    if (builtins && kr_is_module(vm, builtins))
        builtins = kr_module_dict(builtins);
    if (!builtins || !kr_dict_check(vm, builtins)) {
        builtins = vm->builtins;
        if (!kr_dict_get_str(vm, globals, KR_NAME(vm, __builtins__)) &&
            kr_dict_set(vm, globals, KR_NAME(vm, __builtins__), vm->builtins_module) < 0)
            return KR_NULL;
    }
    kr_frame *nf = frame_alloc(vm, co);
    if (!nf)
        return KR_NULL;
    for (uint32_t i = 0; i < co->nlocals; i++)
        nf->slots[i] = KR_UNBOUND;
    if (frame_init_rest(vm, co, nf->slots, KR_NULL) < 0)
        return KR_NULL;
    frame_link(vm, nf, co, NULL, KR_FRAME_ENTRY);
    nf->globals = globals;
    nf->builtins = builtins;
    nf->locals = locals ? locals : globals;
    vm->c_depth++;
    kr_value r = run(vm, nf, RESUME_NORMAL, NULL);
    vm->c_depth--;
    return r;
}

/* Resume a generator frame (generator.c). mode: 0 send (value stored by the caller), 1 throw. */
kr_value kr_interp_resume(kr_vm *vm, kr_frame *f, int throw_mode, int *yielded)
{
    if (vm->c_depth >= KR_INTERP_MAX_C_DEPTH || vm->depth >= vm->recursion_limit) {
        recursion_error(vm);
        *yielded = 0;
        return KR_NULL;
    }
    f->prev = vm->frame;
    vm->frame = f;
    vm->depth++;
    vm->c_depth++;
    kr_value r;
    f->code->call_count++;
    kr_jit_fn jf = throw_mode ? NULL : jit_entry(vm, f->code);
    if (jf) {
        r = jit_call(vm, f, jf, (uint32_t)(f->pc - f->code->insns));
        if (r) {
            /* yielded or returned: as do_yield / do_return leave a generator's entry frame */
            *yielded = vm->jit_yielded;
            vm->jit_yielded = 0;
            vm->frame = f->prev;
            vm->depth--;
        } else {
            r = run(vm, vm->frame, RESUME_JIT_EXIT, yielded);
        }
    } else {
        r = run(vm, f, throw_mode ? RESUME_THROW : RESUME_NORMAL, yielded);
    }
    vm->c_depth--;
    return r;
}

/* A generator's compiled code, entered by gen_next's inline form of kr_interp_resume (generator.c),
 * left its frame to the interpreter (deopt or exception; vm->frame is that frame): continue it there,
 * as kr_interp_resume does after jit_call returns NULL. */
kr_value kr_interp_resume_jit_exit(kr_vm *vm, int *yielded) { return run(vm, vm->frame, RESUME_JIT_EXIT, yielded); }

/* Compiled code's generic operations (compiler/jit_rt.h): one instruction with the interpreter's code. */
const kr_insn *kr_interp_step(kr_vm *vm, kr_frame *f, const kr_insn *ip)
{
    f->pc = ip;
    if (!run(vm, f, RESUME_STEP, NULL))
        return NULL;
    return f->pc;
}

/* Compiled code's RAISE and RERAISE (compiler/jit_rt.h's CALL_RT): always -1 with the exception
 * pending and vm->jit_exc_entry saying where run() continues the unwinding once the exit hands it the
 * frame, as a stepped RAISE / RERAISE would (without entering run() for the instruction). */
int kr_interp_raise(kr_vm *vm, const kr_insn *ip)
{
    vm->jit_exc_entry = raise_insn(vm, vm->frame->slots, ip[0]);
    return -1;
}

int kr_interp_reraise(kr_vm *vm, kr_value exc)
{
    vm->exc = exc;
    vm->jit_exc_entry = EXC_AT_UNWIND;
    return -1;
}

/* Compiled code's CALL / CALL_METHOD: kr_interp_step's contract, with the common case (a Python
 * function that is not a generator, positional arguments only, bound as do_call binds them) done here
 * without entering run()'s dispatch loop for the caller. Everything else goes through kr_interp_step. */
/* A call stepped or made directly for compiled code raised: as kr_interp_step's failure, the exception
 * belongs to the call instruction at ip, no traceback entry added yet. */
static const kr_insn *call_failed(kr_vm *vm, kr_frame *f, const kr_insn *ip)
{
    vm->jit_exc_entry = EXC_AT_ERROR;
    f->pc = ip;
    return NULL;
}

const kr_insn *kr_interp_step_call(kr_vm *vm, kr_frame *f, const kr_insn *ip)
{
    kr_insn insn = ip[0];
    unsigned op = KR_INSN_OP(insn), dst = KR_INSN_A(insn);
    if ((op != KR_OP_CALL && op != KR_OP_CALL_METHOD) || KR_INSN_C(insn) != 0 ||
        atomic_load_explicit(&vm->interrupt, memory_order_relaxed) || vm->c_depth >= KR_JIT_MAX_C_DEPTH)
        return kr_interp_step(vm, f, ip);
    kr_value *s = f->slots;
    kr_value callee = s[dst];
    kr_value *args = &s[dst + 1];
    int nargs = (int)KR_INSN_B(insn);
    if (op == KR_OP_CALL_METHOD) {
        if (s[dst + 1] != KR_NULL)
            nargs++;
        else
            args = &s[dst + 2];
    }
    if (!kr_is_ptr(callee) || KR_OBJ(callee)->type != vm->t.function) {
        /* CALL unwraps bound methods of Python functions first: that stays with run() */
        if (!kr_is_ptr(callee) || KR_OBJ(callee)->type == vm->t.method)
            return kr_interp_step(vm, f, ip);
        /* anything else callable: do_call's generic tail (builtins, C methods, classes) */
        kr_fb *e = &f->code->fb[KR_CACHE_FB(ip[1])];
        /* a site compiled before it ran matures here too: with its feedback, a C method of a builtin
         * type (str.partition, list.append...) becomes a direct call (DIRECT CALLS in docs/JIT.md) */
        bool leave = ++e->call.count == KR_JIT_CALL_MATURITY &&
                     kr_jit_call_site_matured(vm, f->code, (uint32_t)(ip - f->code->insns));
        fb_record_callee(vm, e, callee);
        f->pc = ip + 2;
        kr_value init = class_init_of(vm, callee);
        kr_value v = init ? call_class_init(vm, KR_AS(kr_type, callee), init, args, nargs, KR_NULL)
                          : kr_call(vm, callee, args, nargs, KR_NULL);
        if (!v)
            goto failed;
        s[dst] = v;
        kr_gc_safepoint(vm);
        if (leave) {
            vm->jit_leave = 1;
            return NULL;
        }
        return ip + 2;
    }
    kr_function *fn = KR_AS(kr_function, callee);
    kr_code *nco = kr_code_of(fn->code);
    if (nco->flags & KR_CODE_GENERATOR)
        return kr_interp_step(vm, f, ip);
    kr_fb *e = &f->code->fb[KR_CACHE_FB(ip[1])];
    bool leave = ++e->call.count == KR_JIT_CALL_MATURITY &&
                 kr_jit_call_site_matured(vm, f->code, (uint32_t)(ip - f->code->insns));
    fb_record_callee(vm, e, callee);
    f->pc = ip + 2;
    kr_frame *nf = frame_alloc(vm, nco);
    if (!nf)
        goto failed;
    /* binding as do_call does (defaults, *args, **kwargs, cells and free variables of closures) */
    if (frame_bind(vm, fn, nco, nf->slots, args, nargs, KR_NULL) < 0)
        goto failed;
    nco->call_count++;
    frame_link(vm, nf, nco, fn, KR_FRAME_ENTRY);
    nf->ret_slot = dst;
    kr_value v = run_entry_frame(vm, nf);
    if (!v)
        goto failed;
    s[dst] = v;
    kr_gc_safepoint(vm);
    if (leave) { /* the calling code was just retired: continue f in the interpreter after the call */
        vm->jit_leave = 1;
        return NULL;
    }
    return ip + 2;
failed:
    return call_failed(vm, f, ip);
}

/* An exception left the compiled code of nf, an entry frame a direct call pushed (vm->frame), at a pc no
 * handler of nf covers: what run(RESUME_JIT_EXIT) would do -- the traceback entry (after the context
 * chaining, as vm->jit_exc_entry says) and the pop of nf -- without entering run(). false (nothing
 * done) when a handler covers the pc: run() continues nf there. */
/* The exception in vm->exc left f's compiled code at lasti: run(RESUME_JIT_EXIT)'s work before it
 * unwinds -- the context chaining and the traceback entry, as vm->jit_exc_entry says where the
 * exception stood (error / error_traced / exception_unwind). */
static void trace_jit_exception_exit(kr_vm *vm, kr_frame *f, uint32_t lasti)
{
    int at = vm->jit_exc_entry;
    vm->jit_exc_entry = EXC_AT_ERROR;
    if (at == EXC_AT_ERROR)
        chain_context(vm, vm->exc, false);
    if (at != EXC_AT_UNWIND && is_exc_instance(vm, vm->exc)) {
        if (!KR_AS(kr_exception, vm->exc)->traceback) /* leaving the frame it was raised in */
            kr_suggest_capture_frame(vm, vm->exc, f);
        kr_tb_add(vm, vm->exc, KR_VAL(f->code), lasti);
    }
}

static bool unwind_entry_frame(kr_vm *vm, kr_frame *nf)
{
    uint32_t lasti = (uint32_t)(nf->pc - nf->code->insns);
    if (kr_code_handler_at(nf->code, lasti))
        return false;
    trace_jit_exception_exit(vm, nf, lasti);
    vm->handled_exc = nf->saved_handled;
    vm->frame = nf->prev;
    if (nf->flags & KR_FRAME_ON_STACK)
        vm->stack_top = (kr_value *)nf;
    vm->depth--;
    return true;
}

const kr_insn *kr_interp_call_resume(kr_vm *vm, kr_frame *f, const kr_insn *ip)
{
    /* the callee's frame is the one linked on f; the interpreter continues vm->frame, which is it or,
     * when a call stepped from the callee left a frame of its own (deep C stack), that frame */
    kr_frame *nf = vm->frame;
    while (nf->prev != f)
        nf = nf->prev;
    nf->flags &= ~(uint32_t)KR_FRAME_JIT;
    if (vm->exc && nf == vm->frame && (nf->flags & (KR_FRAME_ENTRY | KR_FRAME_GEN)) == KR_FRAME_ENTRY &&
        unwind_entry_frame(vm, nf)) {
        vm->c_depth--;
        return call_failed(vm, f, ip);
    }
    kr_value v = run(vm, vm->frame, RESUME_JIT_EXIT, NULL);
    vm->c_depth--;
    if (!v)
        return call_failed(vm, f, ip);
    f->slots[KR_INSN_A(ip[0])] = v;
    kr_gc_safepoint(vm);
    return ip + 2;
}

/* An exception left f's compiled code (kr_jit_rt_exit wrote every slot back and set f->pc to the
 * raising instruction): run(RESUME_JIT_EXIT)'s work for f when one of f's handlers covers that pc --
 * the context chaining and traceback entry vm->jit_exc_entry asks for (as error / error_traced /
 * exception_unwind), the exception into the handler's slot, f->pc at the handler -- so that the
 * compiled code continues in the handler without returning to run() and entering again. 0 (nothing
 * done) when no handler of f covers the pc: the exit leaves and run() unwinds as usual. */
uint32_t kr_interp_catch_local(kr_vm *vm, kr_frame *f)
{
    uint32_t lasti = (uint32_t)(f->pc - f->code->insns);
    const kr_exc_entry *h = kr_code_handler_at(f->code, lasti);
    if (!h || !vm->exc)
        return 0;
    trace_jit_exception_exit(vm, f, lasti);
    f->slots[h->slot] = vm->exc;
    vm->exc = KR_NULL;
    f->pc = f->code->insns + h->handler;
    return h->handler + 1;
}

const kr_insn *kr_interp_call_poll(kr_vm *vm, kr_frame *f, const kr_insn *ip)
{
    /* the interrupt kr_interp_step_call checks before a call, checked after it here: the call has
     * completed (its result is in its slot), so raising at the call instruction loses nothing */
    if (kr_interp_op_take_interrupt(vm))
        return call_failed(vm, f, ip);
    kr_gc_safepoint(vm);
    return ip + 2;
}

/* ------------------------------------------------------------------------------------------------
 * Introspection */

kr_value kr_interp_globals(kr_vm *vm) { return vm->frame ? vm->frame->globals : KR_NULL; }

kr_value kr_interp_locals(kr_vm *vm)
{
    return vm->frame ? kr_interp_frame_locals(vm, vm->frame) : KR_NULL;
}

kr_value kr_interp_frame_locals(kr_vm *vm, kr_frame *f)
{
    if (f->locals)
        return f->locals;
    kr_value d = kr_dict_new(vm);
    if (!d)
        return KR_NULL;
    kr_code *co = f->code;
    for (uint32_t i = 0; i < co->nlocals; i++)
        if (f->slots[i] != KR_UNBOUND && kr_dict_set(vm, d, kr_tuple_items(co->varnames)[i], f->slots[i]) < 0)
            return KR_NULL;
    for (uint32_t i = 0; i < co->ncellvars + co->nfreevars; i++) {
        kr_value c = KR_AS(kr_cell, f->slots[co->nlocals + i])->contents;
        kr_value name = i < co->ncellvars ? kr_tuple_items(co->cellvars)[i]
                                          : kr_tuple_items(co->freevars)[i - co->ncellvars];
        if (c != KR_UNBOUND && kr_dict_set(vm, d, name, c) < 0)
            return KR_NULL;
    }
    return d;
}

int kr_interp_super_args(kr_vm *vm, kr_value *type, kr_value *self)
{
    kr_frame *f = vm->frame;
    if (!f || !f->func)
        return kr_raise_i(vm, KR_EXC(vm, RuntimeError), "super(): no current frame");
    kr_code *co = f->code;
    if (co->argcount == 0 && !(co->flags & KR_CODE_VARARGS))
        return kr_raise_i(vm, KR_EXC(vm, RuntimeError), "super(): no arguments");
    kr_value first = f->slots[0];
    /* a first parameter captured by a closure lives in its cell */
    for (uint32_t i = 0; i < co->ncellvars; i++)
        if (co->cell2arg && co->cell2arg[i] == 0)
            first = KR_AS(kr_cell, f->slots[co->nlocals + i])->contents;
    if (co->argcount == 0) {
        kr_value t = first;
        if (!kr_tuple_check(vm, t) || kr_tuple_size(t) == 0)
            return kr_raise_i(vm, KR_EXC(vm, RuntimeError), "super(): no arguments");
        first = kr_tuple_items(t)[0];
    }
    if (first == KR_UNBOUND)
        return kr_raise_i(vm, KR_EXC(vm, RuntimeError), "super(): arg[0] deleted");
    for (uint32_t i = 0; i < co->nfreevars; i++) {
        kr_value n = kr_tuple_items(co->freevars)[i];
        if (n == KR_NAME(vm, __class__) || kr_str_equal(n, KR_NAME(vm, __class__))) {
            kr_value c = KR_AS(kr_cell, f->slots[co->nlocals + co->ncellvars + i])->contents;
            if (c == KR_UNBOUND)
                return kr_raise_i(vm, KR_EXC(vm, RuntimeError), "super(): empty __class__ cell");
            if (!kr_is_ptr(c) || !kr_type_is_subtype(kr_type_of(vm, c), vm->t.type))
                return kr_raise_i(vm, KR_EXC(vm, RuntimeError), "super(): __class__ is not a type (%s)", kr_typename(vm, c));
            *type = c;
            *self = first;
            return 0;
        }
    }
    return kr_raise_i(vm, KR_EXC(vm, RuntimeError), "super(): __class__ cell not found");
}

int kr_interp_current_line(kr_vm *vm)
{
    kr_frame *f = vm->frame;
    if (!f)
        return 0;
    return kr_code_line(f->code, kr_frame_lasti(f));
}

/* ------------------------------------------------------------------------------------------------
 * Life cycle */

void kr_interp_init(kr_vm *vm)
{
    kr_func_init(vm);
    kr_code_init(vm);
    kr_gen_init(vm);
    kr_tb_init(vm);
}

int kr_interp_setup(kr_vm *vm)
{
    if (vm->recursion_limit <= 0)
        vm->recursion_limit = 1000;
    return kr_interp_stack_init(vm);
}
