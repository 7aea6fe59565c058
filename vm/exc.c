/* exc.c: the builtin exception hierarchy, exception objects, and the raise API.
 *
 * The pending exception is always a normalised instance (vm->exc). kr_raise_nomemory never allocates:
 * it raises the MemoryError instance preallocated by kr_exc_setup.
 */
#include "exc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "excgroup.h"
#include "instance.h"
#include "tuple.h"
#include "type.h"

#define EXC(v) KR_AS(kr_exception, v)

/* kr_exception begins with kr_instance's attribute storage, so kr_instance_get/set/dict, the shape
 * caches and compiled LOAD_INST_SLOT / STORE_INST_SLOT apply to exceptions unchanged. */
_Static_assert(offsetof(kr_exception, shape) == offsetof(kr_instance, shape), "exception shape offset");
_Static_assert(offsetof(kr_exception, slots) == offsetof(kr_instance, slots), "exception slots offset");
_Static_assert(offsetof(kr_exception, attrs) == offsetof(kr_instance, dict), "exception dict offset");
_Static_assert(sizeof(kr_exception) >= offsetof(kr_instance, fixed), "members go after the exception fields");

/* ---- raising ------------------------------------------------------------------------------------ */

bool kr_err_occurred(kr_vm *vm) { return vm->exc != KR_NULL; }

bool kr_err_matches(kr_vm *vm, kr_type *type)
{
    return vm->exc && kr_type_is_subtype(kr_type_of(vm, vm->exc), type);
}

kr_value kr_err_fetch(kr_vm *vm)
{
    kr_value e = vm->exc;
    vm->exc = KR_NULL;
    return e;
}

void kr_err_clear(kr_vm *vm) { vm->exc = KR_NULL; }

bool kr_exc_is_instance(kr_vm *vm, kr_value v)
{
    (void)vm;
    return kr_is_ptr(v) && (KR_OBJ(v)->type->flags & KR_TF_EXCEPTION);
}

kr_value kr_raise_nomemory(kr_vm *vm)
{
    kr_value e = vm->memory_error;
    if (!e) {
        /* only before kr_exc_setup: start-up fails and vm.c reports it */
        vm->exc = vm->exc_types[KR_EXC_MemoryError] ? KR_VAL(vm->exc_types[KR_EXC_MemoryError]) : KR_NONE;
        return KR_NULL;
    }
    EXC(e)->traceback = KR_NULL;
    EXC(e)->context = KR_NULL;
    EXC(e)->cause = KR_NULL;
    EXC(e)->suppress_context = false;
    vm->exc = e;
    return KR_NULL;
}

kr_value kr_exc_new(kr_vm *vm, kr_type *type, kr_value *args, int nargs)
{
    return kr_call(vm, KR_VAL(type), args, nargs, KR_NULL);
}

static kr_value vformat_msg(kr_vm *vm, const char *fmt, va_list ap)
{
    char small[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return kr_str_from_cstr(vm, fmt);
    if ((size_t)n < sizeof small)
        return kr_str_new(vm, small, (size_t)n);
    char *buf = malloc((size_t)n + 1);
    if (!buf)
        return kr_raise_nomemory(vm);
    vsnprintf(buf, (size_t)n + 1, fmt, ap);
    kr_value s = kr_str_new(vm, buf, (size_t)n);
    free(buf);
    return s;
}

static kr_value raise_v(kr_vm *vm, kr_type *type, const char *fmt, va_list ap)
{
    kr_value msg = vformat_msg(vm, fmt, ap);
    if (!msg)
        return KR_NULL;
    return kr_raise_obj(vm, type, msg);
}

kr_value kr_raise(kr_vm *vm, kr_type *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_v(vm, type, fmt, ap);
    va_end(ap);
    return KR_NULL;
}

int kr_raise_i(kr_vm *vm, kr_type *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_v(vm, type, fmt, ap);
    va_end(ap);
    return -1;
}

kr_value kr_raise_obj(kr_vm *vm, kr_type *type, kr_value arg)
{
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &arg);
    kr_value e = kr_exc_new(vm, type, &arg, 1);
    kr_root_reset(vm, m);
    if (!e)
        return KR_NULL;
    vm->exc = e;
    return KR_NULL;
}

kr_value kr_raise_value(kr_vm *vm, kr_value exc)
{
    if (kr_exc_is_instance(vm, exc)) {
        vm->exc = exc;
        return KR_NULL;
    }
    if (kr_is_ptr(exc) && kr_type_is_subtype(KR_OBJ(exc)->type, vm->t.type) &&
        kr_type_is_subtype(KR_AS(kr_type, exc), vm->exc_types[KR_EXC_BaseException])) {
        kr_value e = kr_call0(vm, exc);
        if (!e)
            return KR_NULL;
        if (!kr_exc_is_instance(vm, e)) {
            kr_value r = kr_repr(vm, exc);
            return kr_raise(vm, KR_EXC(vm, TypeError),
                            "calling %s should have returned an instance of BaseException, not %s",
                            r ? kr_str_data(r) : "?", kr_typename(vm, e));
        }
        vm->exc = e;
        return KR_NULL;
    }
    return kr_raise(vm, KR_EXC(vm, TypeError), "exceptions must derive from BaseException");
}

/* ---- attribute helpers -------------------------------------------------------------------------- */

kr_value kr_exc_attr(kr_vm *vm, kr_value exc, const char *name)
{
    kr_exception *e = EXC(exc);
    /* by C string, so a lookup allocates nothing and raises nothing; the shape chains of exceptions
     * are short (their fields and a few user attributes) */
    if (e->shape) {
        for (kr_shape *s = e->shape; s->parent; s = s->parent)
            if (strcmp(kr_str_data(s->name), name) == 0)
                return e->slots[s->index];
        return KR_NULL;
    }
    return e->attrs ? kr_dict_get_cstr(vm, e->attrs, name) : KR_NULL;
}

int kr_exc_set_attr(kr_vm *vm, kr_value exc, const char *name, kr_value value)
{
    kr_value k = kr_intern(vm, name);
    if (!k)
        return -1;
    int r = kr_instance_set(vm, exc, k, value);
    if (r == 1) { /* no storage: only the preallocated MemoryError before kr_exc_setup gave it a shape */
        kr_value d = kr_dict_new(vm);
        if (!d)
            return -1;
        EXC(exc)->attrs = d;
        kr_gc_barrier(vm, KR_OBJ(exc), d);
        r = kr_instance_set(vm, exc, k, value);
    }
    return r < 0 ? -1 : 0;
}

static kr_value attr_or_none(kr_vm *vm, kr_value exc, const char *name)
{
    kr_value v = kr_exc_attr(vm, exc, name);
    return v ? v : KR_NONE;
}

kr_value kr_exc_stopiteration_value(kr_vm *vm, kr_value exc)
{
    if (!exc)
        return KR_NONE;
    return attr_or_none(vm, exc, "value");
}

/* ---- BaseException ------------------------------------------------------------------------------ */

static void exc_trace(kr_vm *vm, kr_object *o)
{
    kr_exception *e = (kr_exception *)o;
    kr_gc_mark(vm, e->args);
    kr_gc_mark(vm, e->traceback);
    kr_gc_mark(vm, e->cause);
    kr_gc_mark(vm, e->context);
    kr_instance_trace_attrs(vm, o);
    kr_gc_mark(vm, e->hint_names); /* vm/suggest.c's capture of the frame it left */
    kr_gc_mark(vm, e->hint_self);
}

static void exc_finalize(kr_vm *vm, kr_object *o) { kr_instance_finalize(vm, o); }

/* A new exception's attribute storage: the class's empty shape, values in the inline room. */
static void exc_storage_init(kr_exception *e, kr_shape *root)
{
    e->shape = root;
    e->slots = e->inline_slots;
    e->ob.aux = KR_EXC_INLINE_SLOTS;
    e->ob.flags |= KR_INSTANCE_INLINE_SLOTS;
}

static int set_args(kr_vm *vm, kr_value self, kr_value *args, int nargs)
{
    kr_value t = nargs ? kr_tuple_from_array(vm, args, nargs) : vm->empty_tuple;
    if (!t)
        return -1;
    EXC(self)->args = t;
    kr_gc_barrier(vm, KR_OBJ(self), t);
    return 0;
}

/* The fields of the special exception types (CPython keeps them in C members, Krait in the instance
 * dict): set_defaults gives them None, and __reduce__ leaves them out of the pickled state. */
static const struct {
    int exc;
    const char *names[8];
} exc_fields[] = {
    {KR_EXC_StopIteration, {"value"}},
    {KR_EXC_SystemExit, {"code"}},
    {KR_EXC_ImportError, {"msg", "name", "path", "name_from"}},
    {KR_EXC_OSError, {"errno", "strerror", "filename", "filename2"}},
    {KR_EXC_SyntaxError, {"msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"}},
    {KR_EXC_NameError, {"name"}},
    {KR_EXC_AttributeError, {"name", "obj"}},
    {KR_EXC_UnicodeError, {"encoding", "object", "start", "end", "reason"}},
};

/* Defaults (None) of the fields of the special exception types, so attributes exist even when a
 * subclass's __init__ does not call the base __init__. */
static int set_defaults(kr_vm *vm, kr_value self, kr_type *cls)
{
    if (!(cls->flags & KR_TF_EXC_FIELDS))
        return 0;
    for (size_t i = 0; i < sizeof exc_fields / sizeof exc_fields[0]; i++) {
        if (!kr_type_is_subtype(cls, vm->exc_types[exc_fields[i].exc]))
            continue;
        for (int j = 0; j < 8 && exc_fields[i].names[j]; j++)
            if (kr_exc_set_attr(vm, self, exc_fields[i].names[j], KR_NONE) < 0)
                return -1;
    }
    return 0;
}

static kr_type *oserror_subclass(kr_vm *vm, int64_t err)
{
    switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
        return KR_EXC(vm, BlockingIOError);
    case ECHILD: return KR_EXC(vm, ChildProcessError);
    case EPIPE: case ESHUTDOWN: return KR_EXC(vm, BrokenPipeError);
    case ECONNABORTED: return KR_EXC(vm, ConnectionAbortedError);
    case ECONNREFUSED: return KR_EXC(vm, ConnectionRefusedError);
    case ECONNRESET: return KR_EXC(vm, ConnectionResetError);
    case EEXIST: return KR_EXC(vm, FileExistsError);
    case ENOENT: return KR_EXC(vm, FileNotFoundError);
    case EISDIR: return KR_EXC(vm, IsADirectoryError);
    case ENOTDIR: return KR_EXC(vm, NotADirectoryError);
    case EINTR: return KR_EXC(vm, InterruptedError);
    case EACCES: case EPERM: return KR_EXC(vm, PermissionError);
    case ESRCH: return KR_EXC(vm, ProcessLookupError);
    case ETIMEDOUT: return KR_EXC(vm, TimeoutError);
    default: return NULL;
    }
}

static kr_value exc_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)kwnames;
    /* OSError(errno, ...) builds the errno's subclass (CPython's oserror_use_init/errnomap) */
    if (cls == KR_EXC(vm, OSError) && nargs >= 2 && kr_is_small(args[0])) {
        kr_type *sub = oserror_subclass(vm, kr_small_val(args[0]));
        if (sub)
            cls = sub;
    }
    kr_shape *root = kr_shape_root(vm, cls);
    if (!root)
        return KR_NULL;
    size_t size = cls->instance_size < sizeof(kr_exception) ? sizeof(kr_exception) : cls->instance_size;
    kr_exception *e = size <= 16 * KR_GC_POOL_CLASSES && !(cls->flags & KR_TF_EXTERNAL_FINALIZE)
                          ? kr_gc_alloc_small(vm, cls, size) /* the pool's block inline: raising is hot */
                          : kr_gc_alloc(vm, cls, size);
    if (!e)
        return KR_NULL;
    if (cls->py_finalize)
        kr_gc_want_finalizer(vm, &e->ob); /* __del__ (vm/type.c's slot_del) once it is unreachable */
    kr_value self = KR_VAL(e);
    exc_storage_init(e, root);
    e->args = vm->empty_tuple;
    /* self needs no root: from here on only allocation (the args tuple, the fields' attribute
     * storage) and no Python code runs, and allocation never collects */
    if (set_args(vm, self, args, nargs) < 0 || set_defaults(vm, self, cls) < 0)
        return KR_NULL;
    return self;
}

static int no_kw(kr_vm *vm, kr_value self, kr_value kwnames)
{
    if (kwnames && kr_tuple_size(kwnames))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() takes no keyword arguments", kr_typename(vm, self));
    return 0;
}

static int exc_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    if (no_kw(vm, self, kwnames) < 0)
        return -1;
    /* __new__ stored these very arguments already (the usual `Exception.__init__(self, code)` or
     * `super().__init__(code)` of a subclass called with the same ones): keep that tuple, the same
     * value a new one would be */
    kr_value a = EXC(self)->args;
    if (a && kr_tuple_check_exact(vm, a) && kr_tuple_size(a) == nargs) {
        int i = 0;
        while (i < nargs && kr_tuple_items(a)[i] == args[i])
            i++;
        if (i == nargs)
            return 0;
    }
    return set_args(vm, self, args, nargs);
}

static kr_value exc_str(kr_vm *vm, kr_value self)
{
    kr_value a = EXC(self)->args;
    int64_t n = a ? kr_tuple_size(a) : 0;
    if (n == 0)
        return vm->empty_str;
    if (n == 1)
        return kr_tostr(vm, kr_tuple_items(a)[0]);
    return kr_tostr(vm, a);
}

static kr_value exc_repr(kr_vm *vm, kr_value self)
{
    kr_value a = EXC(self)->args;
    const char *name = kr_typename(vm, self);
    int64_t n = a ? kr_tuple_size(a) : 0;
    kr_value r;
    if (n == 1) {
        r = kr_repr(vm, kr_tuple_items(a)[0]);
        if (!r)
            return KR_NULL;
        return kr_str_fmt(vm, "%s(%s)", name, kr_str_data(r));
    }
    if (n == 0)
        return kr_str_fmt(vm, "%s()", name);
    r = kr_repr(vm, a);
    if (!r)
        return KR_NULL;
    return kr_str_fmt(vm, "%s%s", name, kr_str_data(r));
}

static kr_value exc_with_traceback(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "with_traceback", kwnames) < 0 ||
        kr_args_count(vm, "BaseException.with_traceback", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    kr_value tb = args[1];
    if (tb != KR_NONE && kr_type_of(vm, tb) != vm->t.traceback)
        return kr_raise(vm, KR_EXC(vm, TypeError), "__traceback__ must be a traceback or None");
    EXC(args[0])->traceback = tb == KR_NONE ? KR_NULL : tb;
    kr_gc_barrier(vm, KR_OBJ(args[0]), tb);
    return args[0];
}

static kr_value exc_add_note(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "add_note", kwnames) < 0 || kr_args_count(vm, "BaseException.add_note", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    kr_value note = args[1];
    if (!kr_is_str(vm, note))
        return kr_raise(vm, KR_EXC(vm, TypeError), "note must be a str, not '%s'", kr_typename(vm, note));
    kr_value notes = kr_exc_attr(vm, args[0], "__notes__");
    if (!notes) {
        notes = kr_list_new(vm, 1);
        if (!notes || kr_exc_set_attr(vm, args[0], "__notes__", notes) < 0)
            return KR_NULL;
    } else if (!(kr_type_of(vm, notes)->flags & KR_TF_LIST_SUBCLASS)) {
        return kr_raise(vm, KR_EXC(vm, TypeError), "Cannot add note: __notes__ is not a list");
    }
    if (kr_list_append(vm, notes, note) < 0)
        return KR_NULL;
    return KR_NONE;
}

/* Sets state[name] = the exception's attribute when that is not None (state made on first use). */
static int reduce_add_field(kr_vm *vm, kr_value self, const char *name, kr_value *state)
{
    kr_value v = attr_or_none(vm, self, name);
    if (v == KR_NONE)
        return 0;
    if (!*state && !(*state = kr_dict_new(vm)))
        return -1;
    return kr_dict_set_cstr(vm, *state, name, v);
}

/* BaseException.__reduce__: (type, args) or (type, args, state), the bytes pickle writes matching
 * CPython's.  The state is the instance dict without the special fields above (CPython's C members),
 * plus what CPython's own reductions add: OSError's filename(s) appended to a 2-item args, ImportError's
 * name and path, AttributeError's name and args.  Only str-keyed dict operations: no Python code runs,
 * so nothing here needs rooting. */
static kr_value exc_reduce(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    kr_value self = args[0];
    kr_exception *e = EXC(self);
    kr_type *cls = kr_type_of(vm, self);
    kr_value eargs = e->args, state = KR_NULL;
    if (e->shape ? e->shape->count != 0 : e->attrs && kr_dict_size(e->attrs)) {
        kr_value d = kr_instance_dict(vm, self);
        if (!d || !(state = kr_dict_copy(vm, d)))
            return KR_NULL;
        for (size_t i = 0; (cls->flags & KR_TF_EXC_FIELDS) && i < sizeof exc_fields / sizeof exc_fields[0]; i++) {
            if (!kr_type_is_subtype(cls, vm->exc_types[exc_fields[i].exc]))
                continue;
            for (int j = 0; j < 8 && exc_fields[i].names[j]; j++) {
                kr_value k = kr_intern(vm, exc_fields[i].names[j]);
                int has = kr_dict_contains(vm, state, k);
                if (has < 0 || (has && kr_dict_del(vm, state, k) < 0))
                    return KR_NULL;
            }
        }
    }
    if (kr_type_is_subtype(cls, KR_EXC(vm, OSError)) && kr_tuple_size(eargs) == 2) {
        kr_value fn = attr_or_none(vm, self, "filename"), fn2 = attr_or_none(vm, self, "filename2");
        kr_value *a = kr_tuple_items(eargs);
        if (fn != KR_NONE)
            eargs = fn2 != KR_NONE ? kr_tuple_pack(vm, 5, a[0], a[1], fn, KR_NONE, fn2)
                                   : kr_tuple_pack(vm, 3, a[0], a[1], fn);
        if (!eargs)
            return KR_NULL;
    }
    if (kr_type_is_subtype(cls, KR_EXC(vm, ImportError)) &&
        (reduce_add_field(vm, self, "name", &state) < 0 || reduce_add_field(vm, self, "path", &state) < 0))
        return KR_NULL;
    if (kr_type_is_subtype(cls, KR_EXC(vm, AttributeError))) {
        if (reduce_add_field(vm, self, "name", &state) < 0)
            return KR_NULL;
        if (!state && !(state = kr_dict_new(vm)))
            return KR_NULL;
        if (kr_dict_set_cstr(vm, state, "args", e->args) < 0)
            return KR_NULL;
    }
    if (state && kr_dict_size(state))
        return kr_tuple_pack(vm, 3, KR_VAL(cls), eargs, state);
    return kr_tuple_pack(vm, 2, KR_VAL(cls), eargs);
}

static kr_value exc_get_args(kr_vm *vm, kr_value self) { (void)vm; return EXC(self)->args; }
static int exc_set_args(kr_vm *vm, kr_value self, kr_value v)
{
    if (!v)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "args may not be deleted");
    kr_value t = kr_sequence_tuple(vm, v);
    if (!t)
        return -1;
    EXC(self)->args = t;
    kr_gc_barrier(vm, KR_OBJ(self), t);
    return 0;
}
static kr_value exc_get_tb(kr_vm *vm, kr_value self) { (void)vm; return EXC(self)->traceback ? EXC(self)->traceback : KR_NONE; }
static int exc_set_tb(kr_vm *vm, kr_value self, kr_value v)
{
    if (!v)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__traceback__ may not be deleted");
    if (v != KR_NONE && kr_type_of(vm, v) != vm->t.traceback)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__traceback__ must be a traceback or None");
    EXC(self)->traceback = v == KR_NONE ? KR_NULL : v;
    kr_gc_barrier(vm, KR_OBJ(self), v);
    return 0;
}
static kr_value exc_get_cause(kr_vm *vm, kr_value self) { (void)vm; return EXC(self)->cause ? EXC(self)->cause : KR_NONE; }
static int exc_set_cause(kr_vm *vm, kr_value self, kr_value v)
{
    if (!v)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__cause__ may not be deleted");
    if (v != KR_NONE && !kr_exc_is_instance(vm, v))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "exception cause must be None or derive from BaseException");
    EXC(self)->cause = v == KR_NONE ? KR_NULL : v;
    EXC(self)->suppress_context = true;
    kr_gc_barrier(vm, KR_OBJ(self), v);
    return 0;
}
static kr_value exc_get_context(kr_vm *vm, kr_value self) { (void)vm; return EXC(self)->context ? EXC(self)->context : KR_NONE; }
static int exc_set_context(kr_vm *vm, kr_value self, kr_value v)
{
    if (!v)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__context__ may not be deleted");
    if (v != KR_NONE && !kr_exc_is_instance(vm, v))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "exception context must be None or derive from BaseException");
    EXC(self)->context = v == KR_NONE ? KR_NULL : v;
    kr_gc_barrier(vm, KR_OBJ(self), v);
    return 0;
}
static kr_value exc_get_suppress(kr_vm *vm, kr_value self) { (void)vm; return kr_bool(EXC(self)->suppress_context); }
static int exc_set_suppress(kr_vm *vm, kr_value self, kr_value v)
{
    if (!v)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__suppress_context__ may not be deleted");
    int t = kr_truthy(vm, v);
    if (t < 0)
        return -1;
    EXC(self)->suppress_context = t;
    return 0;
}
static kr_value exc_get_dict(kr_vm *vm, kr_value self) { return kr_object_dict(vm, self); }
static int exc_set_dict(kr_vm *vm, kr_value self, kr_value v)
{
    if (!v || !(kr_type_of(vm, v)->flags & KR_TF_DICT_SUBCLASS))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "__dict__ must be set to a dictionary, not a '%s'",
                          v ? kr_typename(vm, v) : "NoneType");
    return kr_instance_set_dict(vm, self, v);
}

static const kr_method_def exc_methods[] = {
    {"with_traceback", exc_with_traceback, KR_METH_DEFAULT, NULL},
    {"add_note", exc_add_note, KR_METH_DEFAULT, NULL},
    {"__reduce__", exc_reduce, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};
static const kr_getset_def exc_getsets[] = {
    {"args", exc_get_args, exc_set_args, NULL},
    {"__traceback__", exc_get_tb, exc_set_tb, NULL},
    {"__cause__", exc_get_cause, exc_set_cause, NULL},
    {"__context__", exc_get_context, exc_set_context, NULL},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress, NULL},
    {"__dict__", exc_get_dict, exc_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ---- specific exception types ------------------------------------------------------------------- */

/* Bind keyword-only arguments `names` (others: "Foo() got an unexpected keyword argument 'x'"). */
static int take_kw(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames, const char *const *names,
                   int n)
{
    if (!kwnames)
        return 0;
    for (int64_t i = 0; i < kr_tuple_size(kwnames); i++) {
        const char *k = kr_str_data(kr_tuple_items(kwnames)[i]);
        int j = 0;
        while (j < n && strcmp(names[j], k) != 0)
            j++;
        if (j == n)
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "%s() got an unexpected keyword argument '%s'",
                              kr_typename(vm, self), k);
        if (kr_exc_set_attr(vm, self, names[j], args[nargs + i]) < 0)
            return -1;
    }
    return 0;
}

static int stopiteration_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    if (exc_init(vm, self, args, nargs, kwnames) < 0)
        return -1;
    return kr_exc_set_attr(vm, self, "value", nargs ? args[0] : KR_NONE);
}

static int systemexit_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    if (exc_init(vm, self, args, nargs, kwnames) < 0)
        return -1;
    kr_value code = nargs == 0 ? KR_NONE : nargs == 1 ? args[0] : EXC(self)->args;
    return kr_exc_set_attr(vm, self, "code", code);
}

static kr_value keyerror_str(kr_vm *vm, kr_value self)
{
    kr_value a = EXC(self)->args;
    if (a && kr_tuple_size(a) == 1)
        return kr_repr(vm, kr_tuple_items(a)[0]);
    return exc_str(vm, self);
}

static int importerror_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const kw[] = {"name", "path", "name_from"};
    if (set_args(vm, self, args, nargs) < 0 || take_kw(vm, self, args, nargs, kwnames, kw, 3) < 0)
        return -1;
    return kr_exc_set_attr(vm, self, "msg", nargs == 1 ? args[0] : KR_NONE);
}

static kr_value importerror_str(kr_vm *vm, kr_value self)
{
    kr_value msg = kr_exc_attr(vm, self, "msg");
    if (msg && msg != KR_NONE)
        return kr_tostr(vm, msg);
    return exc_str(vm, self);
}

static int nameerror_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const kw[] = {"name"};
    if (set_args(vm, self, args, nargs) < 0)
        return -1;
    return take_kw(vm, self, args, nargs, kwnames, kw, 1);
}

static int attributeerror_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const kw[] = {"name", "obj"};
    if (set_args(vm, self, args, nargs) < 0)
        return -1;
    return take_kw(vm, self, args, nargs, kwnames, kw, 2);
}

static int oserror_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    if (no_kw(vm, self, kwnames) < 0)
        return -1;
    if (set_args(vm, self, args, nargs) < 0)
        return -1;
    if (nargs >= 2 && nargs <= 5) {
        if (kr_exc_set_attr(vm, self, "errno", args[0]) < 0 || kr_exc_set_attr(vm, self, "strerror", args[1]) < 0)
            return -1;
        if (nargs >= 3) {
            if (kr_exc_set_attr(vm, self, "filename", args[2]) < 0)
                return -1;
            if (nargs == 5 && kr_exc_set_attr(vm, self, "filename2", args[4]) < 0)
                return -1;
            /* args keeps only (errno, strerror) when a filename is given */
            if (set_args(vm, self, args, 2) < 0)
                return -1;
        }
    }
    return 0;
}

static kr_value oserror_str(kr_vm *vm, kr_value self)
{
    kr_value err = attr_or_none(vm, self, "errno"), serr = attr_or_none(vm, self, "strerror");
    kr_value fn = attr_or_none(vm, self, "filename"), fn2 = attr_or_none(vm, self, "filename2");
    size_t m = kr_root_mark(vm);
    kr_value es = KR_NULL, ss = KR_NULL, f1 = KR_NULL, f2 = KR_NULL, r = KR_NULL;
    kr_root_push(vm, &es);
    kr_root_push(vm, &ss);
    kr_root_push(vm, &f1);
    kr_root_push(vm, &f2);
    if (fn != KR_NONE) {
        if (!(es = kr_tostr(vm, err)) || !(ss = kr_tostr(vm, serr)) || !(f1 = kr_repr(vm, fn)))
            goto out;
        if (fn2 != KR_NONE) {
            if (!(f2 = kr_repr(vm, fn2)))
                goto out;
            r = kr_str_fmt(vm, "[Errno %s] %s: %s -> %s", kr_str_data(es), kr_str_data(ss), kr_str_data(f1), kr_str_data(f2));
        } else {
            r = kr_str_fmt(vm, "[Errno %s] %s: %s", kr_str_data(es), kr_str_data(ss), kr_str_data(f1));
        }
    } else if (err != KR_NONE && serr != KR_NONE) {
        if (!(es = kr_tostr(vm, err)) || !(ss = kr_tostr(vm, serr)))
            goto out;
        r = kr_str_fmt(vm, "[Errno %s] %s", kr_str_data(es), kr_str_data(ss));
    } else {
        r = exc_str(vm, self);
    }
out:
    kr_root_reset(vm, m);
    return r;
}

void kr_exc_set_attribute_context(kr_vm *vm, kr_value obj, kr_value name)
{
    kr_value e = vm->exc;
    if (!e || !kr_type_is_subtype(kr_type_of(vm, e), KR_EXC(vm, AttributeError)))
        return;
    if (kr_exc_set_attr(vm, e, "name", name) < 0 || kr_exc_set_attr(vm, e, "obj", obj) < 0)
        vm->exc = e; /* keep the AttributeError rather than a MemoryError from decorating it */
}

kr_value kr_raise_errno(kr_vm *vm, int err, kr_value filename)
{
    kr_value args[3];
    args[0] = kr_small(err);
    args[1] = kr_str_from_cstr(vm, strerror(err));
    if (!args[1])
        return KR_NULL;
    args[2] = filename;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &args[1]);
    kr_value e = kr_exc_new(vm, KR_EXC(vm, OSError), args, filename ? 3 : 2);
    kr_root_reset(vm, m);
    if (!e)
        return KR_NULL;
    vm->exc = e;
    return KR_NULL;
}

static int syntaxerror_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    if (no_kw(vm, self, kwnames) < 0 || set_args(vm, self, args, nargs) < 0)
        return -1;
    if (nargs >= 1 && kr_exc_set_attr(vm, self, "msg", args[0]) < 0)
        return -1;
    if (nargs == 2) {
        kr_value info = kr_sequence_tuple(vm, args[1]);
        if (!info)
            return -1;
        int64_t n = kr_tuple_size(info);
        if (n < 4 || n > 6)
            return kr_raise_i(vm, KR_EXC(vm, IndexError), "tuple index out of range");
        static const char *const names[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
        for (int64_t i = 0; i < n; i++)
            if (kr_exc_set_attr(vm, self, names[i], kr_tuple_items(info)[i]) < 0)
                return -1;
    }
    return 0;
}

static kr_value syntaxerror_str(kr_vm *vm, kr_value self)
{
    kr_value msg = attr_or_none(vm, self, "msg");
    kr_value fn = attr_or_none(vm, self, "filename"), ln = attr_or_none(vm, self, "lineno");
    kr_value ms = kr_tostr(vm, msg);
    if (!ms)
        return KR_NULL;
    const char *base = NULL;
    if (fn != KR_NONE && kr_is_str(vm, fn)) {
        base = strrchr(kr_str_data(fn), '/');
        base = base ? base + 1 : kr_str_data(fn);
    }
    bool have_ln = kr_is_small(ln) && !kr_is_bool(ln);
    if (base && have_ln)
        return kr_str_fmt(vm, "%s (%s, line %lld)", kr_str_data(ms), base, (long long)kr_small_val(ln));
    if (base)
        return kr_str_fmt(vm, "%s (%s)", kr_str_data(ms), base);
    if (have_ln)
        return kr_str_fmt(vm, "%s (line %lld)", kr_str_data(ms), (long long)kr_small_val(ln));
    return ms;
}

static int unicodeerror_init(kr_vm *vm, kr_value self, kr_value *args, int nargs, kr_value kwnames)
{
    if (no_kw(vm, self, kwnames) < 0 || set_args(vm, self, args, nargs) < 0)
        return -1;
    kr_type *t = kr_type_of(vm, self);
    bool translate = kr_type_is_subtype(t, KR_EXC(vm, UnicodeTranslateError));
    static const char *const names5[] = {"encoding", "object", "start", "end", "reason"};
    static const char *const names4[] = {"object", "start", "end", "reason"};
    int want = translate ? 4 : 5;
    if (t == KR_EXC(vm, UnicodeError) || kr_type_is_subtype(KR_EXC(vm, UnicodeError), t))
        return 0;
    if (nargs != want) {
        /* VM code raises these with a ready message (kr_raise): keep it as a plain exception */
        if (nargs == 1 && kr_is_str(vm, args[0]))
            return 0;
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "function takes exactly %d arguments (%d given)", want, nargs);
    }
    for (int i = 0; i < want; i++)
        if (kr_exc_set_attr(vm, self, translate ? names4[i] : names5[i], args[i]) < 0)
            return -1;
    return 0;
}

static kr_value unicodeerror_str(kr_vm *vm, kr_value self)
{
    kr_type *t = kr_type_of(vm, self);
    kr_value enc = attr_or_none(vm, self, "encoding"), obj = attr_or_none(vm, self, "object");
    kr_value st = attr_or_none(vm, self, "start"), en = attr_or_none(vm, self, "end");
    kr_value reason = attr_or_none(vm, self, "reason");
    if (!kr_is_small(st) || !kr_is_small(en) || reason == KR_NONE)
        return exc_str(vm, self);
    int64_t s = kr_small_val(st), e = kr_small_val(en);
    const char *rs = kr_is_str(vm, reason) ? kr_str_data(reason) : "?";
    const char *es = kr_is_str(vm, enc) ? kr_str_data(enc) : "?";
    if (kr_type_is_subtype(t, KR_EXC(vm, UnicodeDecodeError))) {
        if (e == s + 1 && kr_is_ptr(obj) && vm->t.bytes && kr_type_is_subtype(KR_OBJ(obj)->type, vm->t.bytes) &&
            s >= 0 && s < KR_AS(kr_bytes, obj)->size)
            return kr_str_fmt(vm, "'%s' codec can't decode byte 0x%02x in position %lld: %s", es,
                              KR_AS(kr_bytes, obj)->data[s], (long long)s, rs);
        return kr_str_fmt(vm, "'%s' codec can't decode bytes in position %lld-%lld: %s", es, (long long)s,
                          (long long)(e - 1), rs);
    }
    const char *what = kr_type_is_subtype(t, KR_EXC(vm, UnicodeEncodeError)) ? "encode" : "translate";
    if (e == s + 1 && kr_is_str(vm, obj) && s >= 0 && s < kr_str_len(obj)) {
        /* the code point at index s */
        const unsigned char *p = (const unsigned char *)kr_str_data(obj);
        for (int64_t i = 0; i < s; i++) {
            p++;
            while ((*p & 0xC0) == 0x80)
                p++;
        }
        uint32_t cp = *p;
        int len = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
        if (len > 1) {
            cp &= (uint32_t)(0x3F >> (len - 1));
            for (int i = 1; i < len; i++)
                cp = (cp << 6) | (p[i] & 0x3F);
        }
        const char *fmt = cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x";
        char ch[16];
        snprintf(ch, sizeof ch, fmt, cp);
        if (what[0] == 't')
            return kr_str_fmt(vm, "can't translate character '%s' in position %lld: %s", ch, (long long)s, rs);
        return kr_str_fmt(vm, "'%s' codec can't encode character '%s' in position %lld: %s", es, ch, (long long)s, rs);
    }
    if (what[0] == 't')
        return kr_str_fmt(vm, "can't translate characters in position %lld-%lld: %s", (long long)s, (long long)(e - 1), rs);
    return kr_str_fmt(vm, "'%s' codec can't encode characters in position %lld-%lld: %s", es, (long long)s,
                      (long long)(e - 1), rs);
}

/* ---- start-up ----------------------------------------------------------------------------------- */

void kr_exc_init(kr_vm *vm)
{
    static const char *const names[KR_EXC_COUNT] = {
#define KR_EXC_NAME(name, base) #name,
        KR_EXCEPTIONS(KR_EXC_NAME)
#undef KR_EXC_NAME
    };
    static const int bases[KR_EXC_COUNT] = {
#define KR_EXC_BASE(name, base) KR_EXC_##base,
        KR_EXCEPTIONS(KR_EXC_BASE)
#undef KR_EXC_BASE
    };
    for (int i = 0; i < KR_EXC_COUNT; i++) {
        kr_type *base = i == KR_EXC_BaseException ? vm->t.object : vm->exc_types[bases[i]];
        kr_type *t = kr_type_new_builtin(vm, names[i], base, sizeof(kr_exception), KR_TF_BASETYPE | KR_TF_EXCEPTION);
        t->flags |= base->flags & KR_TF_EXC_FIELDS; /* bases come first in KR_EXCEPTIONS */
        if (i == KR_EXC_StopIteration || i == KR_EXC_SystemExit || i == KR_EXC_ImportError || i == KR_EXC_OSError ||
            i == KR_EXC_SyntaxError || i == KR_EXC_NameError || i == KR_EXC_AttributeError || i == KR_EXC_UnicodeError)
            t->flags |= KR_TF_EXC_FIELDS; /* set_defaults' table */
        vm->exc_types[i] = t;
    }
    kr_type *b = vm->exc_types[KR_EXC_BaseException];
    b->trace = exc_trace;
    b->finalize = exc_finalize;
    b->new_ = exc_new;
    b->init = exc_init;
    b->repr = exc_repr;
    b->str = exc_str;
    b->methods = exc_methods;
    b->getsets = exc_getsets;
    KR_EXC(vm, StopIteration)->init = stopiteration_init;
    KR_EXC(vm, SystemExit)->init = systemexit_init;
    KR_EXC(vm, KeyError)->str = keyerror_str;
    KR_EXC(vm, ImportError)->init = importerror_init;
    KR_EXC(vm, ImportError)->str = importerror_str;
    KR_EXC(vm, NameError)->init = nameerror_init;
    KR_EXC(vm, AttributeError)->init = attributeerror_init;
    KR_EXC(vm, OSError)->init = oserror_init;
    KR_EXC(vm, OSError)->str = oserror_str;
    KR_EXC(vm, SyntaxError)->init = syntaxerror_init;
    KR_EXC(vm, SyntaxError)->str = syntaxerror_str;
    KR_EXC(vm, UnicodeError)->init = unicodeerror_init;
    KR_EXC(vm, UnicodeError)->str = unicodeerror_str;
    kr_excgroup_init(vm);
}

int kr_exc_setup(kr_vm *vm)
{
    kr_type *t = KR_EXC(vm, MemoryError);
    kr_exception *e = kr_gc_alloc(vm, t, sizeof(kr_exception));
    if (!e)
        return -1;
    e->args = vm->empty_tuple;
    kr_shape *root = kr_shape_root(vm, t);
    if (!root)
        return -1;
    exc_storage_init(e, root);
    vm->memory_error = KR_VAL(e);
    return kr_excgroup_setup(vm);
}
