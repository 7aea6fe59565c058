/* vm.h: the VM. All mutable state lives in a kr_vm; two VMs in one process share nothing but immutable
 * tables. Sections are owned by the module named in their comment: only that module writes them. */
#ifndef KRAIT_VM_H
#define KRAIT_VM_H

#include <stdatomic.h>

#include "../gc/gc.h"
#include "object.h"

/* Interned identifiers the VM uses by name: KR_NAME(vm, __init__). Created in kr_vm_new. */
#define KR_NAMES(X) \
    X(__init__) X(__new__) X(__repr__) X(__str__) X(__hash__) X(__eq__) X(__ne__) X(__lt__) X(__le__) \
    X(__gt__) X(__ge__) X(__len__) X(__bool__) X(__iter__) X(__next__) X(__getitem__) X(__setitem__) \
    X(__delitem__) X(__contains__) X(__call__) X(__enter__) X(__exit__) X(__getattr__) \
    X(__getattribute__) X(__setattr__) X(__delattr__) X(__get__) X(__set__) X(__delete__) X(__name__) \
    X(__qualname__) X(__module__) X(__doc__) X(__dict__) X(__class__) X(__slots__) X(__bases__) \
    X(__base__) X(__mro__) X(__main__) X(__builtins__) X(__file__) X(__import__) X(__all__) X(__path__) \
    X(__package__) X(__spec__) X(__loader__) X(__annotations__) X(__index__) X(__int__) X(__float__) \
    X(__format__) X(__neg__) X(__pos__) X(__invert__) X(__abs__) X(__init_subclass__) X(__set_name__) \
    X(__class_getitem__) X(__missing__) X(__reversed__) X(__round__) X(__trunc__) X(__floor__) \
    X(__ceil__) X(__prepare__) X(__length_hint__) X(__traceback__) X(__cause__) X(__context__) \
    X(__suppress_context__) X(__dir__) X(__weakref__) X(__classcell__) X(__mro_entries__) \
    X(__instancecheck__) X(__subclasscheck__) X(__copy__) X(__deepcopy__) X(__sizeof__) X(__del__) \
    X(__add__) X(__radd__) X(__iadd__) X(__sub__) X(__rsub__) X(__isub__) X(__mul__) X(__rmul__) \
    X(__imul__) X(__matmul__) X(__rmatmul__) X(__imatmul__) X(__truediv__) X(__rtruediv__) \
    X(__itruediv__) X(__floordiv__) X(__rfloordiv__) X(__ifloordiv__) X(__mod__) X(__rmod__) \
    X(__imod__) X(__pow__) X(__rpow__) X(__ipow__) X(__lshift__) X(__rlshift__) X(__ilshift__) \
    X(__rshift__) X(__rrshift__) X(__irshift__) X(__and__) X(__rand__) X(__iand__) X(__xor__) \
    X(__rxor__) X(__ixor__) X(__or__) X(__ror__) X(__ior__) X(__divmod__) X(__rdivmod__) \
    X(args) X(send) X(throw) X(close) X(keys) X(items) X(values) X(append) X(extend) X(get) \
    X(write) X(flush) X(read) X(readline) X(encoding) X(errors) X(name) X(value) X(code) X(msg) \
    X(filename) X(lineno) X(offset) X(text) X(end_lineno) X(end_offset) X(obj) X(path) X(errno) \
    X(strerror) X(mro) X(self) X(cls) X(key) X(reverse) X(sep) X(end) X(file) X(start) X(stop) \
    X(step) X(default) X(real) X(imag) X(numerator) X(denominator) X(object) X(builtins) X(sys) \
    X(stdout) X(stderr) X(stdin) X(argv) X(modules) X(exit) X(displayhook) X(excepthook) X(lambda) \
    X(genexpr) X(listcomp) X(setcomp) X(dictcomp) X(module) X(top) X(fromlist) X(level) X(globals) \
    X(locals) X(name_from) X(dir) \
    X(__await__) X(__aenter__) X(__aexit__) X(__aiter__) X(__anext__)

enum kr_name_id {
#define KR_NAME_ENUM(n) KR_NAME_##n,
    KR_NAMES(KR_NAME_ENUM)
#undef KR_NAME_ENUM
    KR_NAME_COUNT
};
#define KR_NAME(vm, n) ((vm)->names[KR_NAME_##n])

/* The builtin types. Each is created by the init function of the file named beside it. */
typedef struct kr_types {
    kr_type *object, *type;                                    /* type.c */
    kr_type *none, *notimpl, *ellipsis;                        /* type.c */
    kr_type *int_, *bool_, *float_;                            /* int.c, float.c */
    kr_type *str, *str_iter;                                   /* str.c */
    kr_type *bytes, *bytearray, *bytes_iter;                   /* bytes.c */
    kr_type *tuple, *tuple_iter;                               /* tuple.c */
    kr_type *list, *list_iter, *list_reviter;                  /* list.c */
    kr_type *dict, *dict_keys, *dict_values, *dict_items;      /* dict.c */
    kr_type *dict_keyiter, *dict_valueiter, *dict_itemiter, *dict_revkeyiter;
    kr_type *set, *frozenset, *set_iter;                       /* set.c */
    kr_type *range, *range_iter, *slice;                       /* range.c */
    kr_type *enumerate, *zip, *map, *filter, *reversed;        /* iterobj.c */
    kr_type *seq_iter, *callable_iter;                         /* iterobj.c */
    kr_type *cfunction, *method, *property, *classmethod;      /* type.c (descriptors) */
    kr_type *staticmethod, *super_, *getset, *slot_wrapper, *method_wrapper;
    kr_type *shape;                                            /* instance.c */
    kr_type *function, *code, *cell, *generator, *frame;       /* interp.c / function.c */
    kr_type *coroutine, *coro_wrapper;                         /* generator.c */
    kr_type *async_gen, *async_gen_asend, *async_gen_athrow, *async_gen_item, *anext_awaitable; /* generator.c */
    kr_type *traceback;                                        /* traceback.c */
    kr_type *module;                                           /* module.c */
    kr_type *file;                                             /* stdlib/io.c */
    kr_type *deque, *deque_iter, *deque_reviter;              /* stdlib/collections.c */
    kr_type *memoryview;                                       /* memoryview.c */
    kr_type *complex_;                                         /* complex.c */
    kr_type *extra[16];                                        /* spare slots for later types */
} kr_types;

struct kr_frame;
struct kr_intern_table;
struct kr_weak_registry;
struct kr_jit;

struct kr_vm {
    kr_gc gc;                                 /* gc/gc.c */
    kr_types t;
    kr_type *imm_types[KR_IMM_COUNT];         /* type.c: the types of the immediate values */
    kr_type *exc_types[KR_EXC_COUNT];         /* exc.c */
    kr_type **builtin_types;                  /* every builtin type, for kr_type_ready (type.c) */
    size_t n_builtin_types, builtin_types_cap;
    kr_value names[KR_NAME_COUNT];            /* vm.c */

    /* exceptions (exc.c) */
    kr_value exc;                             /* the pending exception, KR_NULL if none */
    kr_value memory_error;                    /* preallocated MemoryError instance */

    /* strings (str.c) */
    struct kr_intern_table *interned;
    uint64_t hash_key[2];                     /* SipHash key, random per VM unless PYTHONHASHSEED */
    kr_value empty_str, empty_tuple, empty_bytes;
    kr_value char_cache[128];                 /* one-character ASCII strings, created on demand */

    /* modules and import (import.c, stdlib/) */
    kr_value builtins;                        /* the builtins module's dict */
    kr_value builtins_module;
    kr_value modules;                         /* sys.modules */
    kr_value sys_module;
    kr_value main_module;
    kr_value path_hooks_unused;

    /* the interpreter (interp.c) */
    struct kr_frame *frame;                   /* innermost running frame, NULL at top level */
    kr_value *stack, *stack_end;              /* frame slots live here */
    kr_value *stack_top;                      /* first free slot */
    int depth;                                /* Python call depth */
    int recursion_limit;                      /* sys.setrecursionlimit */
    int c_depth;                              /* nested C re-entries into the interpreter */
    int jit_exc_entry;                        /* where run() resumes a stepped instruction's exception */
    int jit_yielded;                          /* compiled generator code returned by yielding (set by it,
                                               * cleared by whoever entered it: vm/interp.c) */
    struct kr_frame *gc_exact_frame;          /* the frame whose SAFEPOINT is collecting, or NULL */
    bool gc_exact_callers;                    /* and its callers are exact too (gc.collect(): interp.c) */
    kr_value handled_exc;                     /* innermost exception being handled (sys.exc_info) */
    atomic_int interrupt;                     /* KR_INTERRUPT_* bits, raised asynchronously (krait_interrupt,
                                               * stdlib/signalmodule.c's C handler), taken by
                                               * kr_vm_take_interrupt at the interpreter's checks */
    void *interp_state;                       /* interp.c private */

    /* C roots (gc.c) */
    kr_value **roots;
    size_t nroots, roots_cap;
    struct kr_weak_registry *weak;            /* weakref.c: the weak references and their referents */

    /* configuration (vm.c, from krait_config / environment) */
    struct {
        int jit;                              /* KRAIT_JIT / -X jit */
        long jit_threshold;                   /* KRAIT_JIT_THRESHOLD */
        int gc_stress;                        /* KRAIT_GC_STRESS */
        int frozen_code;                      /* KRAIT_FROZEN_CODE / -X frozen_code: 1 loads the frozen
                                                 modules' precompiled code, 0 compiles their source */
        int verbose;
        int hash_seed_set;
        uint64_t hash_seed;
    } config;
    struct kr_jit *jit;                       /* compiler/ */
    void *host_data;                          /* the embedding API's private state (api.c) */
    char *run_error;                          /* api.c: why krait_run_file/_module found nothing to run
                                                 (malloc'd, freed by kr_vm_free) */

    /* process-facing state kept per VM (stdlib/sys.c) */
    kr_value argv;                            /* list of str */
    int exit_requested;
    int exit_code;
    /* sys.set_int_max_str_digits: the most decimal digits int<->str conversions accept (0: no limit) */
    int int_max_str_digits;

    /* object model (type.c, instance.c, abstract.c); buffers are kr_mem_alloc'd (freed with the heap) */
    uint32_t type_version_next;               /* type.c: source of unique type versions (never 0) */
    kr_value *repr_active;                    /* abstract.c: containers whose repr is in progress */
    size_t n_repr_active, repr_active_cap;    /*   (not owned: each is rooted by its repr call) */
    struct kr_side_attrs *side_attrs;         /* type.c: attribute dicts of tuple/str/bytes subclasses */
    kr_type *method_descr_type, *classmethod_descr_type, *member_descr_type; /* type.c */
    kr_type *mappingproxy_type, *generic_alias_type, *wrapper_type;          /* type.c */
    kr_type *union_type;                      /* type.c: types.UnionType (int | None) */
    /* Attribute lookup caches (CPython's type attribute cache, PyPy's mapdict caches). Plain calloc'd
     * tables (not GC-accounted), allocated at phase 1 by their module, freed by kr_vm_free. Entries are
     * tagged with the low 32 bits of gc.collections; *_epoch_hi is the high word the table was last
     * valid for (a change of it clears the table), see type.c / instance.c. */
    struct kr_type_cache_entry *type_cache;   /* type.c: (type, version, name) -> kr_type_lookup result */
    struct kr_attr_cache_entry *attr_cache;   /* type.c: (type, version, shape, name) -> both results */
    uint32_t type_cache_epoch_hi;             /* type.c (for type_cache and attr_cache) */
    uint32_t shape_cache_epoch_hi;            /* instance.c */
    struct kr_shape_cache_entry *shape_cache; /* instance.c: (shape, name) -> slot index or -1 */
    /* interp.c: set by a stepped call (kr_interp_step_call) that completed but retired the code that
     * made it (compiler/jit.h, kr_jit_call_site_matured); the call then returns NULL with no exception
     * and f->pc after the call, and kr_jit_rt_exit clears this and leaves the frame to the interpreter
     * there instead of at the exit's pc */
    int jit_leave;
    /* function.c: where the globals dict functions were last made with keeps __name__ and
     * __builtins__ (NULL: absent), valid while its keys version is func_globals_kv (vm/dict.h: a value
     * replaced in place is read through the slot); the dict is kept alive (kr_vm_trace_roots) so that
     * its address names it */
    kr_value func_globals;
    uint64_t func_globals_kv;
    kr_value *func_name_slot, *func_builtins_slot;
    /* stdlib/signalmodule.c, NULL until `signal` is imported: the signals caught for this VM (pending
     * flags written by the C handler) and the hooks that run their Python handlers at a safe point
     * (kr_vm_take_interrupt) and give the dispositions back when the VM is freed. signal_handlers is
     * the list of Python handlers indexed by signal number (a root). */
    struct kr_signal_state *signals;
    int (*signal_run)(kr_vm *vm);             /* -1: a handler raised (pending in vm->exc) */
    void (*signal_free)(kr_vm *vm);
    kr_value signal_handlers;
};

/* vm->interrupt's bits. */
enum {
    KR_INTERRUPT_KBD = 1,    /* krait_interrupt: raise KeyboardInterrupt */
    KR_INTERRUPT_SIGNAL = 2, /* a signal with a Python handler arrived (vm->signal_run runs it) */
};

/* Takes the pending interrupt bits (the caller saw vm->interrupt non-zero): runs the Python handlers of
 * the signals that arrived and raises KeyboardInterrupt for krait_interrupt. True: an exception is
 * pending (a handler raised, or KeyboardInterrupt). Runs Python code: a safepoint. */
bool kr_vm_take_interrupt(kr_vm *vm);

/* CPython's PyErr_CheckSignals: -1 with an exception pending if an interrupt raised. For C functions
 * that block (sleep, select, waitpid) to call when interrupted (EINTR), and retry when it returns 0. */
static inline int kr_vm_check_interrupt(kr_vm *vm)
{
    return atomic_load(&vm->interrupt) && kr_vm_take_interrupt(vm) ? -1 : 0;
}

static inline kr_type *kr_type_of(kr_vm *vm, kr_value v)
{
    if (kr_is_small(v))
        return vm->t.int_;
    if (kr_is_imm(v))
        return vm->imm_types[kr_imm_index(v)];
    return KR_OBJ(v)->type;
}

/* next(it): the item, or KR_NULL at the end (no exception pending) or on an error (pending). Inline:
 * for loops, sum() and the other consumers of iterators pay one indirect call per item, the type's
 * next slot; an object that is not an iterator and a slot that raised StopIteration instead of
 * returning KR_NULL go out of line (abstract.c). */
kr_value kr_next_not_iterator(kr_vm *vm, kr_type *t);
void kr_next_clear_stop(kr_vm *vm);
static inline kr_value kr_next(kr_vm *vm, kr_value it)
{
    kr_type *t = kr_type_of(vm, it);
    if (!t->next)
        return kr_next_not_iterator(vm, t);
    kr_value v = t->next(vm, it);
    if (!v && vm->exc)
        kr_next_clear_stop(vm);
    return v;
}

/* The interpreter checks this at safepoints (see gc/gc.h). */
static inline void kr_gc_safepoint(kr_vm *vm)
{
    if (vm->gc.allocated >= vm->gc.threshold)
        kr_gc_safepoint_slow(vm);
}

/* kr_gc_alloc of a small object (size at most 16 * KR_GC_POOL_CLASSES bytes, a type without
 * KR_TF_EXTERNAL_FINALIZE) with its pooled path (gc/gc.h's kr_gc_pool_take) inline: the hottest
 * allocations (floats, tuples) take a dead block of their size class without a call. */
static inline void *kr_gc_alloc_small(kr_vm *vm, kr_type *type, size_t size)
{
    kr_object *o = kr_gc_pool_take(&vm->gc, type, size);
    return o ? (void *)o : kr_gc_alloc(vm, type, size);
}

/* vm.c: life cycle */
typedef struct kr_vm_options {
    size_t memory_limit;   /* bytes, 0 = none */
    int jit;               /* -1 = from environment */
    long jit_threshold;    /* -1 = from environment */
    int gc_stress;         /* -1 = from environment */
} kr_vm_options;
kr_vm *kr_vm_new(const kr_vm_options *opts);
void kr_vm_free(kr_vm *vm);
/* A zero-filled lookup table straight from the kernel (no memset, and the pages a program never
 * touches are never faulted in: start-up creates several tables of 100 KB); NULL when out of memory.
 * Not GC-accounted; released with kr_vm_table_free. */
void *kr_vm_table_new(size_t bytes);
void kr_vm_table_free(void *table);
/* Every root the VM holds outside frames (types, modules, interned strings, C roots...); called by gc.c. */
void kr_vm_trace_roots(kr_vm *vm);

#endif
