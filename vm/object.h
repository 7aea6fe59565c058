/* object.h: the object model's contract. Every heap object starts with kr_object; every type is a
 * kr_type whose slots implement the protocols; the protocol entry points (kr_repr, kr_call, ...) are
 * declared here with the file that defines them.
 *
 * Error model (as CPython): a function returning kr_value returns KR_NULL on failure with an exception
 * pending in vm->exc; a function returning int returns -1 on failure (0/1 otherwise); int64_t results use
 * -1 plus kr_err_occurred() where -1 is a valid result. Never longjmp.
 *
 * GC rule (see gc/gc.h): allocation never collects. Collection happens only at safepoints: in the
 * interpreter (calls, back-edges, allocating instructions) and in kr_gc_safepoint(). Therefore C code
 * that runs no Python code may hold values in C locals freely. C code that may run Python code (kr_call,
 * and every protocol function on a value of unknown type: kr_repr, kr_hash, kr_eq, kr_getattr, kr_iter,
 * kr_next, ...) must keep every value it still needs reachable: arguments passed to it are rooted by its
 * caller; objects it created itself must be pushed with kr_root_push(vm, &local) before the call.
 */
#ifndef KRAIT_OBJECT_H
#define KRAIT_OBJECT_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <stdio.h>

#include "value.h"

typedef struct kr_vm kr_vm;
typedef struct kr_type kr_type;
typedef struct kr_buffer kr_buffer;

/* ---- the object header ---- */
typedef struct kr_object {
    kr_type *type;
    uint8_t gc_mark;           /* colour, owned by gc/gc.c */
    uint8_t gc_flags;          /* owned by gc/gc.c */
    uint16_t flags;            /* per-type bits (e.g. KR_STR_ASCII) */
    uint32_t aux;              /* per-type small field */
} kr_object;

/* ---- protocol enums ---- */
enum kr_binop {
    KR_OP_ADD, KR_OP_SUB, KR_OP_MUL, KR_OP_MATMUL, KR_OP_TRUEDIV, KR_OP_FLOORDIV, KR_OP_MOD,
    KR_OP_POW, KR_OP_LSHIFT, KR_OP_RSHIFT, KR_OP_AND, KR_OP_XOR, KR_OP_OR,
    KR_BINOP_COUNT
};
enum kr_cmpop { KR_CMP_LT, KR_CMP_LE, KR_CMP_EQ, KR_CMP_NE, KR_CMP_GT, KR_CMP_GE, KR_CMP_COUNT };
enum kr_unop { KR_UNARY_NEG, KR_UNARY_POS, KR_UNARY_INVERT, KR_UNARY_ABS, KR_UNOP_COUNT };

/* Call convention ("vectorcall"): args[0..nargs) positional, then one value per keyword name;
 * kwnames is a tuple of str or KR_NULL. args is owned (and rooted) by the caller. */
typedef kr_value (*kr_cfunc)(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames);

typedef void (*kr_trace_fn)(kr_vm *vm, kr_object *self);       /* calls kr_gc_mark on every child */
typedef void (*kr_finalize_fn)(kr_vm *vm, kr_object *self);    /* frees external buffers; no Python */

/* Static tables a builtin type or module declares (like CPython's tp_methods / tp_getset).
 * kr_type_ready turns them into dict entries. Terminated by a {NULL} entry. */
enum kr_method_flags {
    KR_METH_DEFAULT = 0,     /* a method: args[0] is self */
    KR_METH_CLASS = 1,       /* a classmethod: args[0] is the class */
    KR_METH_STATIC = 2,      /* no self */
    /* a module function that gets its module (the cfunction's self) as args[0], for per-VM module
     * state (kr_module.state) without a dict lookup: CPython's module state */
    KR_METH_MODULE = 4,
};
typedef struct kr_method_def {
    const char *name;
    kr_cfunc fn;
    int flags;
    const char *doc;
} kr_method_def;
typedef struct kr_getset_def {
    const char *name;
    kr_value (*get)(kr_vm *vm, kr_value self);
    int (*set)(kr_vm *vm, kr_value self, kr_value value); /* NULL: read-only; value KR_NULL: delete */
    const char *doc;
} kr_getset_def;

/* ---- types ---- */
enum kr_type_flags {
    KR_TF_HEAPTYPE = 1u << 0,  /* created by a class statement or type(name, bases, dict) */
    KR_TF_BASETYPE = 1u << 1,  /* may be subclassed */
    KR_TF_READY = 1u << 2,
    KR_TF_EXCEPTION = 1u << 3, /* BaseException or a subclass */
    KR_TF_INT_SUBCLASS = 1u << 4, KR_TF_STR_SUBCLASS = 1u << 5, KR_TF_TUPLE_SUBCLASS = 1u << 6,
    KR_TF_LIST_SUBCLASS = 1u << 7, KR_TF_DICT_SUBCLASS = 1u << 8, KR_TF_TYPE_SUBCLASS = 1u << 9,
    KR_TF_HAS_SLOTS = 1u << 10, /* __slots__ declared: no per-instance attribute storage beyond them */
    KR_TF_ABSTRACT = 1u << 11,  /* cannot be instantiated (e.g. NoneType from Python code) */
    KR_TF_CUSTOM_GETATTR = 1u << 12, /* defines __getattr__/__getattribute__/__setattr__/__delattr__ */
    /* Its finalizer releases something outside the VM heap (an open FILE): kr_gc_destroy must run it.
     * Other finalizers only free heap buffers, which mi_heap_destroy releases wholesale. */
    KR_TF_EXTERNAL_FINALIZE = 1u << 13,
    /* An exception type with fields its instances get defaults for (StopIteration.value, OSError.errno...,
     * vm/exc.c's set_defaults): one of those types or a subclass. Creating other exceptions skips them. */
    KR_TF_EXC_FIELDS = 1u << 14,
    /* Its own __abstractmethods__ (set by abc.ABCMeta) is non-empty: object.__new__ refuses it with
     * CPython's message. Kept in step by type_setattr; not inherited (ABCMeta sets it per class). */
    KR_TF_HAS_ABSTRACT_METHODS = 1u << 15,
    /* Its instances may be weakly referenced (vm/weakref.c; CPython's tp_weaklistoffset != 0): set on
     * the builtin types that allow it by kr_weakref_init, inherited or added by class creation. */
    KR_TF_WEAKREFABLE = 1u << 20,
};

struct kr_type {
    kr_object ob;
    const char *name_c;   /* always valid: static for builtin types (the full dotted name, as CPython's tp_name),
                           * points into `name` for heap types */
    kr_value name;        /* str, set by kr_type_ready */
    kr_value qualname;    /* str */
    kr_value module;      /* str or KR_NULL */
    kr_type *base;        /* __base__ (NULL only for object) */
    kr_value bases;       /* tuple of types */
    kr_value mro;         /* tuple of types, self first */
    kr_value dict;        /* the class namespace: a dict (kr_dict) */
    uint32_t flags;
    /* Bumped whenever this type's or any base's namespace changes (or __class__/__bases__ assignment):
     * inline caches and compiled code that guard on a type check the version. */
    uint32_t version;
    size_t instance_size; /* bytes of one instance (the fixed part for variable-size objects) */
    /* Heap types whose instances need per-instance attributes that do not live in a shape
     * (subclasses of builtins): the offset of a kr_value field holding a dict, or 0. */
    size_t attrs_offset;

    const kr_method_def *methods; /* static tables, see kr_type_ready */
    const kr_getset_def *getsets;

    /* Slots. NULL means "not supported" (after kr_type_ready inherited from the base). For heap types,
     * kr_type_ready/class creation installs generic slots that look up and call the dunder methods. */
    kr_trace_fn trace;
    kr_finalize_fn finalize;
    /* Runs Python code when an object registered with kr_gc_want_finalizer has become unreachable
     * (gc/gc.h); reports its own errors (nothing may be left pending). */
    void (*py_finalize)(kr_vm *vm, kr_value self);
    kr_value (*new_)(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames);
    int (*init)(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames);
    kr_value (*repr)(kr_vm *vm, kr_value self);
    kr_value (*str)(kr_vm *vm, kr_value self);
    int64_t (*hash)(kr_vm *vm, kr_value self);                     /* -1 on error; NULL = unhashable */
    kr_value (*richcompare)(kr_vm *vm, kr_value a, kr_value b, int op); /* KR_NOTIMPL to defer */
    kr_value (*getattr)(kr_vm *vm, kr_value self, kr_value name);  /* name: interned str */
    int (*setattr)(kr_vm *vm, kr_value self, kr_value name, kr_value value); /* value KR_NULL: delete */
    kr_value (*descr_get)(kr_vm *vm, kr_value descr, kr_value obj, kr_value owner); /* obj KR_NULL/None: via class */
    int (*descr_set)(kr_vm *vm, kr_value descr, kr_value obj, kr_value value);    /* value KR_NULL: delete */
    kr_value (*call)(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames);
    kr_value (*iter)(kr_vm *vm, kr_value self);
    /* Returns the next item; KR_NULL with no pending exception when exhausted (no StopIteration object
     * is created on the fast path), KR_NULL with a pending exception on error. */
    kr_value (*next)(kr_vm *vm, kr_value self);
    int64_t (*len)(kr_vm *vm, kr_value self);                      /* -1 on error */
    kr_value (*getitem)(kr_vm *vm, kr_value self, kr_value key);
    int (*setitem)(kr_vm *vm, kr_value self, kr_value key, kr_value value); /* value KR_NULL: delete */
    int (*contains)(kr_vm *vm, kr_value self, kr_value item);       /* 1, 0, -1 */
    int (*bool_)(kr_vm *vm, kr_value self);                         /* 1, 0, -1 */
    /* Binary slots are called as in CPython: first type(a)->binop[op](a, b), then if that gave
     * KR_NOTIMPL type(b)->binop[op](a, b) (same argument order: the slot checks which side it is). */
    kr_value (*binop[KR_BINOP_COUNT])(kr_vm *vm, kr_value a, kr_value b);
    kr_value (*inplace[KR_BINOP_COUNT])(kr_vm *vm, kr_value a, kr_value b); /* NULL: use binop */
    kr_value (*unop[KR_UNOP_COUNT])(kr_vm *vm, kr_value a);
    kr_value (*index)(kr_vm *vm, kr_value self);                    /* __index__: returns an int */
    kr_value (*pow3)(kr_vm *vm, kr_value a, kr_value b, kr_value mod);

    void *jit_data; /* owned by compiler/: per-type JIT bookkeeping (dependent code lists) */

    /* The buffer protocol (vm/memoryview.h): fills *view with the object's bytes as one C-contiguous
     * block; -1 with an exception when it cannot (a released or non-contiguous memoryview). NULL: the
     * type exports no buffer. */
    int (*getbuffer)(kr_vm *vm, kr_value self, kr_buffer *view);
};

/* What a getbuffer slot exports. `buf` stays valid until the exporter is resized (a bytearray or
 * array.array may be: Krait does not lock exported objects, see vm/memoryview.h) or collected; the
 * consumer keeps the exporter alive. */
struct kr_buffer {
    uint8_t *buf;
    int64_t len;         /* bytes */
    int64_t itemsize;
    const char *format;  /* struct format of one item: "B" for bytes and bytearray */
    int32_t ndim;        /* 1, or a memoryview's own dimensions */
    bool readonly;
};

/* ---- core object layouts (fields read by several modules and later by the JIT) ---- */

typedef struct kr_float {
    kr_object ob;
    double value;
} kr_float;

/* A big int: only for values outside the small-int range (always normalised). Limbs are stored inline
 * (GMP's mp_limb_t is 64-bit on x86-64), so a big int lives wholly in the VM heap; +, -, *, //, % and
 * divmod compute with GMP's mpn functions straight into the result's limbs, other operations wrap
 * operands read-only with mpz_roinit_n and copy results out of temporary mpz_t values (vm/int.c). */
typedef struct kr_bigint {
    kr_object ob;
    int64_t size; /* number of limbs, negative for negative numbers (GMP's _mp_size convention) */
    uint64_t limbs[];
} kr_bigint;

/* A str: UTF-8 inside, with the length in code points, the hash and an is-ASCII flag cached.
 * Invariant: data[nbytes] == '\0'; data is valid UTF-8; strings are immutable once published.
 * The length in code points is ob.aux when below KR_STR_LEN_FAR (every string short of 4G code
 * points); otherwise ob.aux is KR_STR_LEN_FAR and the int64 length is stored after the data, at the
 * first 8-aligned offset past the NUL (kr_str_far_len_offset; vm/str.c allocates room for it whenever
 * nbytes >= KR_STR_LEN_FAR, which any such length implies). A 32-byte header rather than 40 with
 * a length word: with 16-byte size classes, strings of 8 to 15 bytes take 48 bytes instead of 64
 * (perf/bench/str_ops' 1.2 million short strings: 19 MB, 14% of its peak RSS). */
enum { KR_STR_ASCII = 1u << 0, KR_STR_INTERNED = 1u << 1 };
#define KR_STR_LEN_FAR UINT32_MAX
typedef struct kr_str {
    kr_object ob;   /* ob.aux: the length in code points, or KR_STR_LEN_FAR (see above) */
    int64_t hash;   /* -1 until computed */
    int64_t nbytes; /* UTF-8 bytes, excluding the terminating NUL */
    char data[];
} kr_str;
/* Where a length of KR_STR_LEN_FAR or more is kept: byte offset from the object's start. */
static inline size_t kr_str_far_len_offset(int64_t nbytes)
{
    return (offsetof(kr_str, data) + (size_t)nbytes + 1 + 7) & ~(size_t)7;
}

/* bytes: immutable, same layout idea as str. Invariant: data[size] == 0. */
typedef struct kr_bytes {
    kr_object ob;
    int64_t hash;
    int64_t size;
    uint8_t data[];
} kr_bytes;

typedef struct kr_bytearray {
    kr_object ob;
    int64_t size, cap;
    uint8_t *data; /* kr_mem_alloc'd */
    kr_value attrs;
} kr_bytearray;

typedef struct kr_tuple {
    kr_object ob;
    int64_t size;
    int64_t hash; /* -1 until computed */
    kr_value items[];
} kr_tuple;

typedef struct kr_list {
    kr_object ob;
    int64_t size, cap;
    kr_value *items; /* kr_mem_alloc'd; items[0..size) are valid values */
    kr_value attrs;  /* subclass instance attributes (dict) or KR_NULL */
} kr_list;

/* The dict's layout is private to vm/dict.c; use the kr_dict_* API. */
typedef struct kr_dict kr_dict;

typedef struct kr_module {
    kr_object ob;
    kr_value name; /* str */
    kr_value dict; /* the module's globals */
    bool user_made; /* made by calling ModuleType from Python: repr "<module 'x'>", not "(built-in)" */
    /* A C module's private per-VM state (KR_METH_MODULE functions read it), or KR_NULL; traced */
    kr_value state;
} kr_module;

/* A builtin function or method descriptor (a C function in a type's dict or a module). */
typedef struct kr_cfunction {
    kr_object ob;
    const char *name;
    kr_cfunc fn;
    int flags;       /* enum kr_method_flags */
    kr_type *owner;  /* for methods: the type that defines it (for type checks of self and reprs) */
    kr_value self;   /* bound self / module, or KR_NULL */
    const char *doc;
} kr_cfunction;

/* ---- type access ---- */
/* kr_type_of(vm, v), the type of any value, is inline in vm/vm.h (it reads vm->imm_types). */
#define KR_TYPE_OF_PTR(v) (KR_OBJ(v)->type)
const char *kr_typename(kr_vm *vm, kr_value v); /* the type's name_c, for messages */

/* ========== vm/type.c: types, classes, descriptors ========== */
/* Create a builtin type during VM start-up (phase 1 of kr_vm_new: no other allocation allowed then).
 * The type is registered with the VM and made ready in phase 2. */
kr_type *kr_type_new_builtin(kr_vm *vm, const char *name, kr_type *base, size_t instance_size, uint32_t flags);
/* Phase 2: compute mro, create dict from methods/getsets, inherit NULL slots from base, add slot-wrapper
 * dunders (e.g. int.__add__, object.__repr__, list.__getitem__) for every non-NULL slot not already in dict. */
int kr_type_ready(kr_vm *vm, kr_type *t);
/* Create a class: type(name, bases, namespace) semantics incl. metaclass, __slots__, __init_subclass__,
 * __set_name__, C3 MRO, and the dunder-dispatching slots. */
kr_value kr_type_create_class(kr_vm *vm, kr_value metatype, kr_value name, kr_value bases, kr_value ns, kr_value kwnames_unused);
kr_value kr_type_lookup(kr_vm *vm, kr_type *t, kr_value name); /* MRO lookup, no descriptors; KR_NULL if absent (no exception) */
kr_value kr_type_lookup_cstr(kr_vm *vm, kr_type *t, const char *name);
bool kr_type_is_subtype(kr_type *t, kr_type *base);
void kr_type_modified(kr_vm *vm, kr_type *t);  /* bump versions of t and its subclasses */
kr_value kr_cfunction_new(kr_vm *vm, const kr_method_def *def, kr_type *owner, kr_value self);
kr_value kr_method_new(kr_vm *vm, kr_value func, kr_value self); /* bound method */
kr_value kr_generic_getattr(kr_vm *vm, kr_value self, kr_value name);
int kr_generic_setattr(kr_vm *vm, kr_value self, kr_value name, kr_value value);
/* Allocate an instance of cls (user class, possibly with a builtin base): object.__new__ semantics. */
kr_value kr_instance_new(kr_vm *vm, kr_type *cls);

/* ========== vm/abstract.c: the protocols every module uses ========== */
kr_value kr_repr(kr_vm *vm, kr_value v);
kr_value kr_tostr(kr_vm *vm, kr_value v);          /* str(v) */
kr_value kr_ascii(kr_vm *vm, kr_value v);
kr_value kr_format(kr_vm *vm, kr_value v, kr_value spec);      /* format(v, spec); spec str or KR_NULL */
int64_t kr_hash(kr_vm *vm, kr_value v);                         /* -1 on error */
/* The hash slot of unhashable builtin types (list, dict, set, bytearray, dict_keys, dict_items): raises
 * "unhashable type". Inherited like any slot; kr_type_ready puts __hash__ = None in the type's dict for
 * it, as CPython's PyObject_HashNotImplemented. */
int64_t kr_hash_unhashable(kr_vm *vm, kr_value self);
kr_value kr_richcompare(kr_vm *vm, kr_value a, kr_value b, int op);
int kr_richcompare_bool(kr_vm *vm, kr_value a, kr_value b, int op);
int kr_eq(kr_vm *vm, kr_value a, kr_value b);                   /* identity first, then ==; 1/0/-1 */
int kr_truthy(kr_vm *vm, kr_value v);                           /* 1/0/-1 */
kr_value kr_getattr(kr_vm *vm, kr_value obj, kr_value name);    /* name: str */
kr_value kr_getattr_cstr(kr_vm *vm, kr_value obj, const char *name);
kr_value kr_getattr_opt(kr_vm *vm, kr_value obj, kr_value name); /* absent: KR_NULL without exception */
int kr_setattr(kr_vm *vm, kr_value obj, kr_value name, kr_value value);
int kr_delattr(kr_vm *vm, kr_value obj, kr_value name);
kr_value kr_call(kr_vm *vm, kr_value callable, kr_value *args, int nargs, kr_value kwnames);
kr_value kr_call0(kr_vm *vm, kr_value callable);
kr_value kr_call1(kr_vm *vm, kr_value callable, kr_value a);
kr_value kr_call2(kr_vm *vm, kr_value callable, kr_value a, kr_value b);
/* obj.name(*args): looks up without creating a bound method when it can. */
kr_value kr_call_method(kr_vm *vm, kr_value obj, const char *name, kr_value *args, int nargs);
kr_value kr_iter(kr_vm *vm, kr_value v);
/* kr_next (next(it)): vm/vm.h */
int64_t kr_len(kr_vm *vm, kr_value v);
kr_value kr_getitem(kr_vm *vm, kr_value obj, kr_value key);
int kr_setitem(kr_vm *vm, kr_value obj, kr_value key, kr_value value);
int kr_delitem(kr_vm *vm, kr_value obj, kr_value key);
int kr_contains(kr_vm *vm, kr_value container, kr_value item);  /* `item in container` */
kr_value kr_binary_op(kr_vm *vm, int op, kr_value a, kr_value b);
kr_value kr_inplace_op(kr_vm *vm, int op, kr_value a, kr_value b);
kr_value kr_unary_op(kr_vm *vm, int op, kr_value a);
kr_value kr_pow3(kr_vm *vm, kr_value a, kr_value b, kr_value mod);
int kr_isinstance(kr_vm *vm, kr_value obj, kr_value cls);       /* cls: type or tuple; 1/0/-1 */
int kr_issubclass(kr_vm *vm, kr_value cls, kr_value base);
/* __index__ → int64 (OverflowError "cannot fit 'int' into an index-sized integer" if too big). */
int kr_index_i64(kr_vm *vm, kr_value v, int64_t *out);
kr_value kr_index(kr_vm *vm, kr_value v);                        /* __index__ → int value */
/* A Py_ssize_t argument (CPython's "n" converter): __index__, OverflowError "Python int too large to
 * convert to C ssize_t" beyond int64. */
int kr_index_ssize(kr_vm *vm, kr_value v, int64_t *out);
/* Collect an iterable into a new list (fast paths for list/tuple). */
kr_value kr_sequence_list(kr_vm *vm, kr_value iterable);
kr_value kr_sequence_tuple(kr_vm *vm, kr_value iterable);

/* ========== vm/args.c: argument parsing for C functions, with CPython's messages ========== */
/* Binds args to `names` (count n; names[i] NULL-free) by position then keyword. Required parameters are
 * the first `required`; positional-only are the first `posonly`. out[i] = KR_NULL when not given.
 * Messages: "f() takes at most 2 arguments (3 given)", "f() missing required argument 'x' (pos 1)",
 * "f() got an unexpected keyword argument 'y'", "f() takes no keyword arguments", ... */
int kr_args_parse(kr_vm *vm, const char *fname, kr_value *args, int nargs, kr_value kwnames,
                  const char *const *names, int n, int required, int posonly, kr_value *out);
int kr_args_no_kw(kr_vm *vm, const char *fname, kr_value kwnames);                  /* -1 + TypeError */
int kr_args_count(kr_vm *vm, const char *fname, int nargs, int min, int max);        /* -1 + TypeError */
/* A method's arguments (args[0] is self, counted in nargs): none, or exactly one; no keywords. CPython's
 * messages ("list.pop() takes no arguments (1 given)", "set.add() takes exactly one argument (0 given)"). */
static inline int kr_args_method0(kr_vm *vm, const char *fname, int nargs, kr_value kwnames)
{
    return kr_args_no_kw(vm, fname, kwnames) < 0 ? -1 : kr_args_count(vm, fname, nargs - 1, 0, 0);
}
static inline int kr_args_method1(kr_vm *vm, const char *fname, int nargs, kr_value kwnames)
{
    return kr_args_no_kw(vm, fname, kwnames) < 0 ? -1 : kr_args_count(vm, fname, nargs - 1, 1, 1);
}

/* ========== vm/exc.c: exceptions ========== */
/* The builtin exception hierarchy: X(Name, Base). kr_vm has kr_type *exc[KR_EXC_COUNT]. */
#define KR_EXCEPTIONS(X) \
    X(BaseException, BaseException) \
    X(SystemExit, BaseException) X(KeyboardInterrupt, BaseException) X(GeneratorExit, BaseException) \
    X(Exception, BaseException) \
    X(BaseExceptionGroup, BaseException) X(ExceptionGroup, BaseExceptionGroup) \
    X(ArithmeticError, Exception) X(FloatingPointError, ArithmeticError) X(OverflowError, ArithmeticError) \
    X(ZeroDivisionError, ArithmeticError) \
    X(AssertionError, Exception) X(AttributeError, Exception) X(BufferError, Exception) X(EOFError, Exception) \
    X(ImportError, Exception) X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) X(IndexError, LookupError) X(KeyError, LookupError) \
    X(MemoryError, Exception) X(NameError, Exception) X(UnboundLocalError, NameError) \
    X(OSError, Exception) X(BlockingIOError, OSError) X(ChildProcessError, OSError) \
    X(ConnectionError, OSError) X(BrokenPipeError, ConnectionError) \
    X(ConnectionAbortedError, ConnectionError) X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError) X(FileExistsError, OSError) X(FileNotFoundError, OSError) \
    X(InterruptedError, OSError) X(IsADirectoryError, OSError) X(NotADirectoryError, OSError) \
    X(PermissionError, OSError) X(ProcessLookupError, OSError) X(TimeoutError, OSError) \
    X(ReferenceError, Exception) \
    X(RuntimeError, Exception) X(NotImplementedError, RuntimeError) X(RecursionError, RuntimeError) \
    X(PythonFinalizationError, RuntimeError) \
    X(StopAsyncIteration, Exception) X(StopIteration, Exception) \
    X(SyntaxError, Exception) X(IndentationError, SyntaxError) X(TabError, IndentationError) \
    X(SystemError, Exception) X(TypeError, Exception) \
    X(ValueError, Exception) X(UnicodeError, ValueError) X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) X(UnicodeTranslateError, UnicodeError) \
    X(Warning, Exception) X(DeprecationWarning, Warning) X(PendingDeprecationWarning, Warning) \
    X(RuntimeWarning, Warning) X(SyntaxWarning, Warning) X(UserWarning, Warning) \
    X(FutureWarning, Warning) X(ImportWarning, Warning) X(UnicodeWarning, Warning) \
    X(BytesWarning, Warning) X(ResourceWarning, Warning) X(EncodingWarning, Warning)

enum kr_exc_id {
#define KR_EXC_ENUM(name, base) KR_EXC_##name,
    KR_EXCEPTIONS(KR_EXC_ENUM)
#undef KR_EXC_ENUM
    KR_EXC_COUNT
};
#define KR_EXC(vm, name) ((vm)->exc_types[KR_EXC_##name])

/* Exception instances (also the base layout of user exception classes). Attribute storage is kr_instance's (vm/instance.h): the same three fields at the same offsets
 * (vm/exc.c asserts it), so user attributes of exceptions (`self.code = code` in a subclass's
 * __init__) live in shapes and inline slots, and the interpreter's and the JIT's shape caches work on
 * them as on ordinary instances (every exception type has KR_LAYOUT_INSTANCE, vm/type.h). ob.aux is
 * the capacity of `slots`. */
enum { KR_EXC_INLINE_SLOTS = 4 };
typedef struct kr_exception {
    kr_object ob;
    struct kr_shape *shape; /* NULL: dict mode (or the preallocated MemoryError before set-up) */
    kr_value *slots;     /* shape->count attribute values, kr_mem_alloc'd */
    kr_value attrs;      /* dict mode: the attribute dict (subclass fields, filename, errno, value, ...); else KR_NULL */
    kr_value args;       /* tuple */
    kr_value traceback;  /* KR_NULL or a traceback object (vm/traceback.c) */
    kr_value cause;      /* KR_NULL or exception */
    kr_value context;    /* KR_NULL or exception */
    kr_value hint_names; /* NameError: its frame's scope (bound local names or locals mapping, globals,
                          * builtins) for vm/suggest.c, or KR_NULL */
    kr_value hint_self;  /* NameError, AttributeError: its frame's local `self`, or KR_NULL */
    bool suppress_context;
    /* where `slots` points while the attributes fit (KR_INSTANCE_INLINE_SLOTS): most exceptions get
     * their few attributes without a buffer of their own */
    kr_value inline_slots[KR_EXC_INLINE_SLOTS];
} kr_exception;

/* All return KR_NULL (or -1 for the _i variants) so that `return kr_raise(...)` reads naturally. */
kr_value kr_raise(kr_vm *vm, kr_type *type, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
kr_value kr_raise_value(kr_vm *vm, kr_value exc);   /* exc: an instance or a class (instantiated) */
kr_value kr_raise_obj(kr_vm *vm, kr_type *type, kr_value arg); /* type(arg), e.g. KeyError(key) */
int kr_raise_i(kr_vm *vm, kr_type *type, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
kr_value kr_raise_nomemory(kr_vm *vm); /* must not allocate: uses the VM's preallocated MemoryError */
bool kr_err_occurred(kr_vm *vm);
bool kr_err_matches(kr_vm *vm, kr_type *type);   /* pending exception is an instance of type */
kr_value kr_err_fetch(kr_vm *vm);                /* take the pending exception, clearing it */
void kr_err_clear(kr_vm *vm);
kr_value kr_exc_new(kr_vm *vm, kr_type *type, kr_value *args, int nargs);
bool kr_exc_is_instance(kr_vm *vm, kr_value v); /* a BaseException instance */

/* ========== vm/int.c, vm/float.c ========== */
kr_value kr_int_from_i64(kr_vm *vm, int64_t n);
kr_value kr_int_from_u64(kr_vm *vm, uint64_t n);
kr_value kr_int_from_double(kr_vm *vm, double d);            /* truncates; errors for inf/nan */
kr_value kr_int_from_str(kr_vm *vm, const char *s, size_t len, int base); /* int(s, base) semantics */
int kr_int_to_i64(kr_vm *vm, kr_value v, int64_t *out);       /* OverflowError if it does not fit */
double kr_int_to_double(kr_vm *vm, kr_value v, int *overflow);
bool kr_is_int(kr_vm *vm, kr_value v);                        /* int or bool or int subclass instance */
int kr_int_sign(kr_value v);
kr_value kr_int_to_str(kr_vm *vm, kr_value v, int base);      /* str(), hex(), oct(), bin() digits */
kr_value kr_float_new(kr_vm *vm, double d);
static inline double kr_float_value(kr_value v) { return KR_AS(kr_float, v)->value; }
/* int, float or bool → double (TypeError otherwise, "must be real number, not str"). */
int kr_number_to_double(kr_vm *vm, kr_value v, double *out);
kr_value kr_float_repr_value(kr_vm *vm, double d);            /* shortest round-trip repr as str */
int kr_float_repr_buf(double d, char *buf, size_t n);        /* same into a C buffer */

/* ========== vm/str.c, vm/bytes.c, vm/format.c ========== */
kr_value kr_str_new(kr_vm *vm, const char *utf8, size_t nbytes); /* copies; data must be valid UTF-8 */
kr_value kr_str_from_cstr(kr_vm *vm, const char *cstr);
kr_value kr_str_fmt(kr_vm *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
kr_value kr_str_concat(kr_vm *vm, kr_value a, kr_value b);
kr_value kr_intern(kr_vm *vm, const char *cstr);             /* the unique interned str for cstr */
kr_value kr_intern_value(kr_vm *vm, kr_value str);
bool kr_str_equal(kr_value a, kr_value b);                    /* both str */
int64_t kr_str_hash(kr_vm *vm, kr_value s);
static inline const char *kr_str_data(kr_value v) { return KR_AS(kr_str, v)->data; }
static inline int64_t kr_str_nbytes(kr_value v) { return KR_AS(kr_str, v)->nbytes; }
static inline int64_t kr_str_len_of(const kr_str *s)
{
    if (__builtin_expect(s->ob.aux != KR_STR_LEN_FAR, 1))
        return s->ob.aux;
    int64_t n;
    memcpy(&n, (const char *)s + kr_str_far_len_offset(s->nbytes), sizeof n);
    return n;
}
static inline int64_t kr_str_len(kr_value v) { return kr_str_len_of(KR_AS(kr_str, v)); }
bool kr_is_str(kr_vm *vm, kr_value v);                        /* str or subclass */
kr_value kr_bytes_new(kr_vm *vm, const void *data, size_t n);
uint64_t kr_hash_bytes(kr_vm *vm, const void *data, size_t n); /* keyed SipHash-1-3 (per-VM key) */
/* String builder: growable C buffer; kr_sb_finish makes the str and frees the buffer. */
typedef struct kr_sb {
    char *buf;
    size_t len, cap;
    bool failed;   /* allocation failed: finish raises MemoryError */
    bool borrowed; /* buf is the caller's (kr_sb_init_buf): never realloc'd or freed, copied when outgrown */
} kr_sb;
void kr_sb_init(kr_sb *sb);
/* A builder that starts in the caller's buffer buf[0..cap) (typically on the stack, for the usual short
 * result: no malloc at all); it moves to the heap if it outgrows it. The caller's buffer must outlive the
 * builder's use. */
void kr_sb_init_buf(kr_sb *sb, char *buf, size_t cap);
void kr_sb_append(kr_sb *sb, const char *data, size_t n);
void kr_sb_append_cstr(kr_sb *sb, const char *s);
void kr_sb_append_char(kr_sb *sb, char c);
void kr_sb_appendf(kr_sb *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int kr_sb_append_value(kr_vm *vm, kr_sb *sb, kr_value v, bool use_repr); /* str(v)/repr(v); -1 on error */
kr_value kr_sb_finish(kr_vm *vm, kr_sb *sb);
void kr_sb_free(kr_sb *sb);
/* format(value, spec) for the builtin types (format spec mini-language). */
kr_value kr_format_int(kr_vm *vm, kr_value v, const char *spec, size_t spec_len);
kr_value kr_format_float(kr_vm *vm, double d, const char *spec, size_t spec_len);
kr_value kr_format_str(kr_vm *vm, kr_value s, const char *spec, size_t spec_len);
kr_value kr_str_mod_format(kr_vm *vm, kr_value fmt, kr_value args); /* fmt % args for str and bytes */

/* ========== vm/tuple.c, vm/list.c, vm/dict.c, vm/set.c, vm/range.c ========== */
kr_value kr_tuple_new(kr_vm *vm, int64_t n);                 /* items set to KR_NONE */
kr_value kr_tuple_pack(kr_vm *vm, int n, ...);
kr_value kr_tuple_from_array(kr_vm *vm, const kr_value *items, int64_t n);
static inline int64_t kr_tuple_size(kr_value t) { return KR_AS(kr_tuple, t)->size; }
static inline kr_value *kr_tuple_items(kr_value t) { return KR_AS(kr_tuple, t)->items; }
kr_value kr_list_new(kr_vm *vm, int64_t capacity);           /* empty list */
kr_value kr_list_from_array(kr_vm *vm, const kr_value *items, int64_t n);
int kr_list_append(kr_vm *vm, kr_value list, kr_value v);
int kr_list_sort(kr_vm *vm, kr_value list, kr_value key, bool reverse); /* stable */
kr_value kr_dict_new(kr_vm *vm);
kr_value kr_dict_get(kr_vm *vm, kr_value d, kr_value key);   /* KR_NULL: absent (no exc) or error (exc) */
kr_value kr_dict_get_str(kr_vm *vm, kr_value d, kr_value key); /* key: str; no Python code runs */
kr_value kr_dict_get_cstr(kr_vm *vm, kr_value d, const char *key);
int kr_dict_set(kr_vm *vm, kr_value d, kr_value key, kr_value value);
int kr_dict_set_cstr(kr_vm *vm, kr_value d, const char *key, kr_value value);
int kr_dict_del(kr_vm *vm, kr_value d, kr_value key);        /* -1 + KeyError if absent */
int kr_dict_contains(kr_vm *vm, kr_value d, kr_value key);
int64_t kr_dict_size(kr_value d);
/* Iterate in insertion order: int64_t pos = 0; while (kr_dict_next(d, &pos, &k, &v)) ... */
bool kr_dict_next(kr_value d, int64_t *pos, kr_value *key, kr_value *value);
kr_value kr_dict_copy(kr_vm *vm, kr_value d);
int kr_dict_update(kr_vm *vm, kr_value d, kr_value other); /* dict or mapping or iterable of pairs */
/* The dict's version changes on every insertion, deletion or value change: global-load caches and the
 * JIT guard on it. */
uint64_t kr_dict_version(kr_value d);
kr_value kr_set_new(kr_vm *vm, bool frozen);
int kr_set_add(kr_vm *vm, kr_value set, kr_value key);
int kr_set_contains(kr_vm *vm, kr_value set, kr_value key);
kr_value kr_range_new(kr_vm *vm, kr_value start, kr_value stop, kr_value step);
kr_value kr_slice_new(kr_vm *vm, kr_value start, kr_value stop, kr_value step);
/* Resolve a slice against a length (CPython's PySlice_GetIndicesEx): returns the slice length, or -1
 * with an exception. Only for a length that the bounds' __index__ cannot change (a container's own
 * length must be read after they ran: kr_slice_unpack, then kr_slice_adjust). */
int64_t kr_slice_indices(kr_vm *vm, kr_value slice, int64_t length, int64_t *start, int64_t *stop, int64_t *step);
/* CPython's PySlice_Unpack on a slice's three bounds (None, ints or __index__, clamped to int64; the
 * step is never 0 nor below -INT64_MAX): 0, or -1 with TypeError / ValueError. May run Python code. */
int kr_slice_unpack_slow(kr_vm *vm, kr_value start, kr_value stop, kr_value step, int64_t *startp,
                         int64_t *stopp, int64_t *stepp);
/* The common case inline: bounds that are small ints or None (no __index__ to run, nothing to raise
 * but a zero step). An out-of-line call per slice, with the prologue the slow path's registers cost,
 * was 8% of perf/bench/fannkuch (two slices per flip). */
static inline int kr_slice_unpack(kr_vm *vm, kr_value start, kr_value stop, kr_value step, int64_t *startp,
                                  int64_t *stopp, int64_t *stepp)
{
    if ((step != KR_NONE && !kr_is_small(step)) || step == kr_small(0) ||
        (start != KR_NONE && !kr_is_small(start)) || (stop != KR_NONE && !kr_is_small(stop)))
        return kr_slice_unpack_slow(vm, start, stop, step, startp, stopp, stepp);
    /* a small int is in [-2^62, 2^62): no clamping to -INT64_MAX needed */
    int64_t st = step == KR_NONE ? 1 : kr_small_val(step);
    *stepp = st;
    *startp = start != KR_NONE ? kr_small_val(start) : st < 0 ? INT64_MAX : 0;
    *stopp = stop != KR_NONE ? kr_small_val(stop) : st < 0 ? INT64_MIN : INT64_MAX;
    return 0;
}
/* CPython's PySlice_AdjustIndices: clamps *start and *stop to a sequence of `length` items and returns
 * the number of items the slice selects. Inline: every slice of a list, tuple or str runs it. */
static inline int64_t kr_slice_adjust(int64_t length, int64_t *startp, int64_t *stopp, int64_t step)
{
    int64_t start = *startp, stop = *stopp;
    if (start < 0) {
        start += length;
        if (start < 0)
            start = step < 0 ? -1 : 0;
    } else if (start >= length) {
        start = step < 0 ? length - 1 : length;
    }
    if (stop < 0) {
        stop += length;
        if (stop < 0)
            stop = step < 0 ? -1 : 0;
    } else if (stop >= length) {
        stop = step < 0 ? length - 1 : length;
    }
    *startp = start;
    *stopp = stop;
    /* Steps of 1 and -1 (nearly every slice) need no division: a 64-bit idiv was half of this
     * function's time in slice-heavy loops. */
    if (step < 0) {
        if (stop < start)
            return step == -1 ? start - stop : (start - stop - 1) / (-step) + 1;
    } else if (start < stop) {
        return step == 1 ? stop - start : (stop - start - 1) / step + 1;
    }
    return 0;
}

/* ========== vm/module.c ========== */
kr_value kr_module_new(kr_vm *vm, const char *name);
int kr_module_add(kr_vm *vm, kr_value module, const char *name, kr_value value);
int kr_module_add_functions(kr_vm *vm, kr_value module, const kr_method_def *defs);

#endif
