/* abstract.c: the protocol functions every module uses (object.h, "vm/abstract.c" section), with
 * CPython's semantics and error messages: binary/in-place/unary operators with reflected operands and
 * the subclass-first rule, rich comparison with reflection and identity fallback, hashing, truth,
 * attribute access, calls, iteration, the sequence/mapping protocols, isinstance/issubclass, __index__,
 * repr/str/ascii/format (with the repr recursion guard for containers).
 *
 * GC: functions here run arbitrary Python code through slots; values they create and still need after
 * such a call are pushed with kr_root_push (see INTERNALS.md).
 */
#include "abstract.h"

#include <string.h>

#include "exc.h"
#include "instance.h"
#include "int.h"
#include "iterobj.h"
#include "str.h"
#include "type.h"

/* ---- repr / str / ascii / format ---------------------------------------------------------------- */

int kr_repr_enter(kr_vm *vm, kr_value obj)
{
    for (size_t i = 0; i < vm->n_repr_active; i++)
        if (vm->repr_active[i] == obj)
            return 1;
    if (vm->n_repr_active == vm->repr_active_cap) {
        size_t cap = vm->repr_active_cap ? vm->repr_active_cap * 2 : 16;
        kr_value *n = kr_mem_realloc(vm, vm->repr_active, cap * sizeof(kr_value));
        if (!n)
            return -1;
        vm->repr_active = n;
        vm->repr_active_cap = cap;
    }
    vm->repr_active[vm->n_repr_active++] = obj;
    return 0;
}

void kr_repr_leave(kr_vm *vm, kr_value obj)
{
    /* usually the last entry; search backwards so mismatched nesting still removes the right one */
    for (size_t i = vm->n_repr_active; i-- > 0;)
        if (vm->repr_active[i] == obj) {
            memmove(vm->repr_active + i, vm->repr_active + i + 1, (vm->n_repr_active - i - 1) * sizeof(kr_value));
            vm->n_repr_active--;
            return;
        }
}

/* Containers whose builtin repr can reach themselves. A subclass with its own __repr__ gets no guard,
 * as in CPython, where the guard is inside the builtin repr (OrderedDict's prints "...", not "{...}"). */
static const char *recursive_placeholder(kr_vm *vm, kr_type *t)
{
    if (t->flags & KR_TF_LIST_SUBCLASS)
        return t->repr == vm->t.list->repr ? "[...]" : NULL;
    if (t->flags & KR_TF_DICT_SUBCLASS)
        return t->repr == vm->t.dict->repr ? "{...}" : NULL;
    if ((vm->t.set && kr_type_is_subtype(t, vm->t.set)) || (vm->t.frozenset && kr_type_is_subtype(t, vm->t.frozenset)))
        return t->repr == vm->t.set->repr || t->repr == vm->t.frozenset->repr ? "(...)" : NULL;
    return NULL;
}

#define KR_REPR_MAX_DEPTH 2000

kr_value kr_repr(kr_vm *vm, kr_value v)
{
    kr_type *t = kr_type_of(vm, v);
    if (!t->repr)
        return kr_object_default_repr(vm, v);
    const char *ph = kr_is_ptr(v) ? recursive_placeholder(vm, t) : NULL;
    if (ph) {
        if (vm->n_repr_active >= KR_REPR_MAX_DEPTH)
            return kr_raise(vm, KR_EXC(vm, RecursionError),
                            "maximum recursion depth exceeded while getting the repr of an object");
        int e = kr_repr_enter(vm, v);
        if (e < 0)
            return KR_NULL;
        if (e > 0) {
            if (ph[0] == '(')
                return kr_str_fmt(vm, "%s(...)", t->name_c);
            return kr_str_from_cstr(vm, ph);
        }
    }
    kr_value r = t->repr(vm, v);
    if (ph)
        kr_repr_leave(vm, v);
    if (r && !kr_is_str(vm, r))
        return kr_raise(vm, KR_EXC(vm, TypeError), "__repr__ returned non-string (type %s)", kr_typename(vm, r));
    return r;
}

kr_value kr_tostr(kr_vm *vm, kr_value v)
{
    kr_type *t = kr_type_of(vm, v);
    if (t == vm->t.str)
        return v;
    if (!t->str)
        return kr_repr(vm, v);
    kr_value r = t->str(vm, v);
    if (r && !kr_is_str(vm, r))
        return kr_raise(vm, KR_EXC(vm, TypeError), "__str__ returned non-string (type %s)", kr_typename(vm, r));
    return r;
}

kr_value kr_ascii(kr_vm *vm, kr_value v)
{
    kr_value r = kr_repr(vm, v);
    if (!r || (KR_OBJ(r)->flags & KR_STR_ASCII))
        return r;
    return kr_str_ascii_escape(vm, r);
}

kr_value kr_format(kr_vm *vm, kr_value v, kr_value spec)
{
    if (!spec)
        spec = vm->empty_str;
    kr_type *t = kr_type_of(vm, v);
    if (kr_str_nbytes(spec) == 0 && (t == vm->t.str))
        return v;
    /* exact int, float and str: their __format__ cannot be replaced, so call what it calls */
    if (t == vm->t.int_)
        return kr_format_int(vm, v, kr_str_data(spec), (size_t)kr_str_nbytes(spec));
    if (t == vm->t.float_)
        return kr_format_float(vm, kr_float_value(v), kr_str_data(spec), (size_t)kr_str_nbytes(spec));
    if (t == vm->t.str)
        return kr_format_str(vm, v, kr_str_data(spec), (size_t)kr_str_nbytes(spec));
    /* looked up on the type only: format(SomeClass) uses the metaclass's __format__, not the one
     * SomeClass defines for its instances */
    kr_value r = kr_call_special(vm, v, KR_NAME(vm, __format__), &spec, 1);
    if (!r && !kr_err_occurred(vm))
        return kr_raise(vm, KR_EXC(vm, TypeError), "Type %s doesn't define __format__", t->name_c);
    if (r && !kr_is_str(vm, r))
        return kr_raise(vm, KR_EXC(vm, TypeError), "__format__ must return a str, not %s", kr_typename(vm, r));
    return r;
}

/* ---- hashing, comparison, truth ----------------------------------------------------------------- */

int64_t kr_hash_unhashable(kr_vm *vm, kr_value self)
{
    return kr_raise_i(vm, KR_EXC(vm, TypeError), "unhashable type: '%s'", kr_typename(vm, self));
}

int64_t kr_hash(kr_vm *vm, kr_value v)
{
    if (kr_is_small(v)) {
        int64_t n = kr_small_val(v);
        /* CPython reduces modulo 2**61 - 1; small ints below that hash to themselves */
        if (n > -(INT64_C(1) << 61) + 1 && n < (INT64_C(1) << 61) - 1)
            return n == -1 ? -2 : n;
    }
    kr_type *t = kr_type_of(vm, v);
    if (!t->hash) {
        kr_raise(vm, KR_EXC(vm, TypeError), "unhashable type: '%s'", t->name_c);
        return -1;
    }
    return t->hash(vm, v);
}

static const int swapped_op[KR_CMP_COUNT] = {KR_CMP_GT, KR_CMP_GE, KR_CMP_EQ, KR_CMP_NE, KR_CMP_LT, KR_CMP_LE};
static const char *const cmp_symbol[KR_CMP_COUNT] = {"<", "<=", "==", "!=", ">", ">="};

kr_value kr_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    kr_type *ta = kr_type_of(vm, a), *tb = kr_type_of(vm, b);
    bool checked_reverse = false;
    kr_value r;
    if (ta != tb && tb->richcompare && kr_type_is_subtype(tb, ta)) {
        checked_reverse = true;
        r = tb->richcompare(vm, b, a, swapped_op[op]);
        if (r != KR_NOTIMPL)
            return r;
    }
    if (ta->richcompare) {
        r = ta->richcompare(vm, a, b, op);
        if (r != KR_NOTIMPL)
            return r;
    }
    if (!checked_reverse && tb->richcompare) {
        r = tb->richcompare(vm, b, a, swapped_op[op]);
        if (r != KR_NOTIMPL)
            return r;
    }
    if (op == KR_CMP_EQ)
        return kr_bool(a == b);
    if (op == KR_CMP_NE)
        return kr_bool(a != b);
    return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' not supported between instances of '%s' and '%s'", cmp_symbol[op],
                    ta->name_c, tb->name_c);
}

int kr_richcompare_bool(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (a == b) {
        if (op == KR_CMP_EQ)
            return 1;
        if (op == KR_CMP_NE)
            return 0;
    }
    kr_value r = kr_richcompare(vm, a, b, op);
    if (!r)
        return -1;
    if (kr_is_bool(r))
        return r == KR_TRUE;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &r);
    int t = kr_truthy(vm, r);
    kr_root_reset(vm, m);
    return t;
}

int kr_eq(kr_vm *vm, kr_value a, kr_value b)
{
    if (a == b)
        return 1;
    if (kr_is_small(a) && kr_is_small(b))
        return 0;
    return kr_richcompare_bool(vm, a, b, KR_CMP_EQ);
}

int kr_truthy(kr_vm *vm, kr_value v)
{
    if (v == KR_TRUE)
        return 1;
    if (v == KR_FALSE || v == KR_NONE)
        return 0;
    if (kr_is_small(v))
        return v != kr_small(0);
    kr_type *t = kr_type_of(vm, v);
    if (t->bool_)
        return t->bool_(vm, v);
    if (t->len) {
        int64_t n = t->len(vm, v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ---- attributes --------------------------------------------------------------------------------- */

static inline int check_name(kr_vm *vm, kr_value name)
{
    /* Exact str (every name the compiler emits) without the out-of-line subclass test. */
    if (kr_is_ptr(name) && KR_OBJ(name)->type == vm->t.str)
        return 0;
    if (!kr_is_str(vm, name))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "attribute name must be string, not '%s'", kr_typename(vm, name));
    return 0;
}

kr_value kr_getattr(kr_vm *vm, kr_value obj, kr_value name)
{
    if (check_name(vm, name) < 0)
        return KR_NULL;
    kr_type *t = kr_type_of(vm, obj);
    if (t->getattr)
        return t->getattr(vm, obj, name);
    return kr_raise(vm, KR_EXC(vm, AttributeError), "'%s' object has no attribute '%s'", t->name_c, kr_str_data(name));
}

kr_value kr_getattr_cstr(kr_vm *vm, kr_value obj, const char *name)
{
    kr_value n = kr_intern(vm, name);
    return n ? kr_getattr(vm, obj, n) : KR_NULL;
}

kr_value kr_getattr_opt(kr_vm *vm, kr_value obj, kr_value name)
{
    if (check_name(vm, name) < 0)
        return KR_NULL;
    kr_type *t = kr_type_of(vm, obj);
    if (t->getattr == kr_generic_getattr)
        return kr_generic_getattr_opt(vm, obj, name);
    if (!t->getattr)
        return KR_NULL;
    kr_value r = t->getattr(vm, obj, name);
    if (!r && kr_err_matches(vm, KR_EXC(vm, AttributeError)))
        kr_err_clear(vm);
    return r;
}

int kr_setattr(kr_vm *vm, kr_value obj, kr_value name, kr_value value)
{
    if (check_name(vm, name) < 0)
        return -1;
    kr_type *t = kr_type_of(vm, obj);
    if (t->setattr)
        return t->setattr(vm, obj, name, value);
    if (t->getattr && kr_type_lookup(vm, t, name))
        return kr_raise_i(vm, KR_EXC(vm, AttributeError), "'%s' object attribute '%s' is read-only", t->name_c,
                          kr_str_data(name));
    return kr_raise_i(vm, KR_EXC(vm, AttributeError), "'%s' object has no attribute '%s'", t->name_c, kr_str_data(name));
}

int kr_delattr(kr_vm *vm, kr_value obj, kr_value name) { return kr_setattr(vm, obj, name, KR_NULL); }

/* ---- calls -------------------------------------------------------------------------------------- */

kr_value kr_call(kr_vm *vm, kr_value callable, kr_value *args, int nargs, kr_value kwnames)
{
    kr_type *t = kr_type_of(vm, callable);
    if (!t->call)
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object is not callable", t->name_c);
    return t->call(vm, callable, args, nargs, kwnames);
}

kr_value kr_call0(kr_vm *vm, kr_value callable) { return kr_call(vm, callable, NULL, 0, KR_NULL); }
kr_value kr_call1(kr_vm *vm, kr_value callable, kr_value a) { return kr_call(vm, callable, &a, 1, KR_NULL); }
kr_value kr_call2(kr_vm *vm, kr_value callable, kr_value a, kr_value b)
{
    kr_value args[2] = {a, b};
    return kr_call(vm, callable, args, 2, KR_NULL);
}

/* Is the instance free of an attribute called name (so that a class-level method is what obj.name
 * finds)? Only answers for layouts it knows; otherwise false (take the slow path). */
static bool no_instance_attr(kr_vm *vm, kr_value obj, kr_type *t, kr_value name)
{
    if (!kr_is_ptr(obj))
        return true;
    kr_typex *x = KR_TX(t);
    if (x->layout == KR_LAYOUT_INSTANCE)
        return !kr_instance_get(vm, obj, name);
    if (!x->has_dict || (!t->attrs_offset && x->layout != KR_LAYOUT_SIDE))
        return true;
    kr_value d = kr_type_attrs_dict(vm, obj, false);
    return !d || !kr_dict_get_str(vm, d, name);
}

/* f(obj, *args) without making a bound method. */
static kr_value call_with_self(kr_vm *vm, kr_value f, kr_value obj, kr_value *args, int nargs)
{
    kr_value small[8];
    kr_value *buf = nargs + 1 <= 8 ? small : kr_mem_alloc(vm, (size_t)(nargs + 1) * sizeof(kr_value));
    if (!buf)
        return KR_NULL;
    buf[0] = obj;
    if (nargs)
        memcpy(buf + 1, args, (size_t)nargs * sizeof(kr_value));
    kr_value r = kr_call(vm, f, buf, nargs + 1, KR_NULL);
    if (buf != small)
        kr_mem_free(vm, buf);
    return r;
}

static bool is_plain_method(kr_vm *vm, kr_value f)
{
    kr_type *ft = kr_type_of(vm, f);
    return ft == vm->t.function || ft == vm->method_descr_type || ft == vm->t.slot_wrapper;
}

kr_value kr_call_method_name(kr_vm *vm, kr_value obj, kr_value name, kr_value *args, int nargs)
{
    kr_type *t = kr_type_of(vm, obj);
    if (t->getattr == kr_generic_getattr) {
        kr_value f = kr_type_lookup(vm, t, name);
        if (f && is_plain_method(vm, f) && no_instance_attr(vm, obj, t, name))
            return call_with_self(vm, f, obj, args, nargs);
    }
    kr_value m = kr_getattr(vm, obj, name);
    if (!m)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value r = kr_call(vm, m, args, nargs, KR_NULL);
    kr_root_reset(vm, mark);
    return r;
}

kr_value kr_call_method(kr_vm *vm, kr_value obj, const char *name, kr_value *args, int nargs)
{
    kr_value n = kr_intern(vm, name);
    if (!n)
        return KR_NULL;
    return kr_call_method_name(vm, obj, n, args, nargs);
}

kr_value kr_call_special(kr_vm *vm, kr_value obj, kr_value name, kr_value *args, int nargs)
{
    kr_type *t = kr_type_of(vm, obj);
    kr_value f = kr_type_lookup(vm, t, name);
    if (!f)
        return KR_NULL;
    if (is_plain_method(vm, f))
        return call_with_self(vm, f, obj, args, nargs);
    kr_type *ft = kr_type_of(vm, f);
    if (ft->descr_get && !(f = ft->descr_get(vm, f, obj, KR_VAL(t))))
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &f);
    kr_value r = kr_call(vm, f, args, nargs, KR_NULL);
    kr_root_reset(vm, mark);
    return r;
}

/* ---- iteration ---------------------------------------------------------------------------------- */

kr_value kr_iter(kr_vm *vm, kr_value v)
{
    kr_type *t = kr_type_of(vm, v);
    if (t->iter) {
        kr_value it = t->iter(vm, v);
        if (it && !kr_type_of(vm, it)->next)
            return kr_raise(vm, KR_EXC(vm, TypeError), "iter() returned non-iterator of type '%s'", kr_typename(vm, it));
        return it;
    }
    if (t->getitem && !(t->flags & KR_TF_DICT_SUBCLASS))
        return kr_seqiter_new(vm, v);
    return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object is not iterable", t->name_c);
}

kr_value kr_next_not_iterator(kr_vm *vm, kr_type *t)
{
    return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object is not an iterator", t->name_c);
}

/* exhaustion is KR_NULL without an exception; tolerate a slot that raised StopIteration instead */
void kr_next_clear_stop(kr_vm *vm)
{
    if (kr_err_matches(vm, KR_EXC(vm, StopIteration)))
        kr_err_clear(vm);
}

int64_t kr_len(kr_vm *vm, kr_value v)
{
    kr_type *t = kr_type_of(vm, v);
    if (!t->len) {
        kr_raise(vm, KR_EXC(vm, TypeError), "object of type '%s' has no len()", t->name_c);
        return -1;
    }
    return t->len(vm, v);
}

/* ---- items -------------------------------------------------------------------------------------- */

static bool is_type_obj(kr_vm *vm, kr_value v) { return kr_is_ptr(v) && kr_type_is_subtype(KR_OBJ(v)->type, vm->t.type); }

kr_value kr_getitem(kr_vm *vm, kr_value obj, kr_value key)
{
    kr_type *t = kr_type_of(vm, obj);
    if (t->getitem)
        return t->getitem(vm, obj, key);
    if (obj == KR_VAL(vm->t.type))
        return kr_generic_alias_new(vm, obj, key); /* type[int], as CPython special-cases it */
    if (is_type_obj(vm, obj)) {
        kr_value cg = kr_getattr_opt(vm, obj, KR_NAME(vm, __class_getitem__));
        if (cg) {
            size_t m = kr_root_mark(vm);
            kr_root_push(vm, &cg);
            kr_value r = kr_call1(vm, cg, key);
            kr_root_reset(vm, m);
            return r;
        }
        if (kr_err_occurred(vm))
            return KR_NULL;
        return kr_raise(vm, KR_EXC(vm, TypeError), "type '%s' is not subscriptable", KR_AS(kr_type, obj)->name_c);
    }
    return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object is not subscriptable", t->name_c);
}

int kr_setitem(kr_vm *vm, kr_value obj, kr_value key, kr_value value)
{
    kr_type *t = kr_type_of(vm, obj);
    if (t->setitem)
        return t->setitem(vm, obj, key, value);
    if (!value)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "'%s' object doesn't support item deletion", t->name_c);
    return kr_raise_i(vm, KR_EXC(vm, TypeError), "'%s' object does not support item assignment", t->name_c);
}

int kr_delitem(kr_vm *vm, kr_value obj, kr_value key) { return kr_setitem(vm, obj, key, KR_NULL); }

int kr_contains(kr_vm *vm, kr_value container, kr_value item)
{
    kr_type *t = kr_type_of(vm, container);
    if (t->contains)
        return t->contains(vm, container, item);
    if (!t->iter && !t->getitem)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "argument of type '%s' is not iterable", t->name_c);
    kr_value it = kr_iter(vm, container);
    if (!it)
        return -1;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &it);
    int res;
    for (;;) {
        kr_value v = kr_next(vm, it);
        if (!v) {
            res = kr_err_occurred(vm) ? -1 : 0;
            break;
        }
        int eq = kr_eq(vm, v, item);
        if (eq != 0) {
            res = eq;
            break;
        }
    }
    kr_root_reset(vm, m);
    return res;
}

/* ---- operators ---------------------------------------------------------------------------------- */

static const char *const binop_sym[KR_BINOP_COUNT] = {"+", "-", "*", "@", "/", "//", "%", "** or pow()", "<<", ">>",
                                                      "&", "^", "|"};
static const char *const inplace_sym[KR_BINOP_COUNT] = {"+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=",
                                                        ">>=", "&=", "^=", "|="};

const char *kr_binop_symbol(int op) { return op >= 0 && op < KR_BINOP_COUNT ? binop_sym[op] : "?"; }

/* CPython's binary_op1: NotImplemented when neither operand handles it. */
static kr_value binary_op1(kr_vm *vm, int op, kr_value a, kr_value b)
{
    kr_type *ta = kr_type_of(vm, a), *tb = kr_type_of(vm, b);
    kr_value (*slotv)(kr_vm *, kr_value, kr_value) = ta->binop[op];
    kr_value (*slotw)(kr_vm *, kr_value, kr_value) = tb != ta ? tb->binop[op] : NULL;
    if (slotw == slotv)
        slotw = NULL;
    kr_value x;
    if (slotv) {
        if (slotw && kr_type_is_subtype(tb, ta)) {
            x = slotw(vm, a, b);
            if (x != KR_NOTIMPL)
                return x;
            slotw = NULL;
        }
        x = slotv(vm, a, b);
        if (x != KR_NOTIMPL)
            return x;
    }
    if (slotw)
        return slotw(vm, a, b);
    return KR_NOTIMPL;
}

kr_value kr_binary_op(kr_vm *vm, int op, kr_value a, kr_value b)
{
    kr_value r = binary_op1(vm, op, a, b);
    if (r != KR_NOTIMPL)
        return r;
    return kr_raise(vm, KR_EXC(vm, TypeError), "unsupported operand type(s) for %s: '%s' and '%s'", binop_sym[op],
                    kr_typename(vm, a), kr_typename(vm, b));
}

kr_value kr_inplace_op(kr_vm *vm, int op, kr_value a, kr_value b)
{
    kr_type *ta = kr_type_of(vm, a);
    if (ta->inplace[op]) {
        kr_value r = ta->inplace[op](vm, a, b);
        if (r != KR_NOTIMPL)
            return r;
    }
    kr_value r = binary_op1(vm, op, a, b);
    if (r != KR_NOTIMPL)
        return r;
    return kr_raise(vm, KR_EXC(vm, TypeError), "unsupported operand type(s) for %s: '%s' and '%s'", inplace_sym[op],
                    kr_typename(vm, a), kr_typename(vm, b));
}

kr_value kr_unary_op(kr_vm *vm, int op, kr_value a)
{
    kr_type *t = kr_type_of(vm, a);
    if (t->unop[op])
        return t->unop[op](vm, a);
    static const char *const what[KR_UNOP_COUNT] = {"unary -", "unary +", "unary ~", "abs()"};
    return kr_raise(vm, KR_EXC(vm, TypeError), "bad operand type for %s: '%s'", what[op], t->name_c);
}

kr_value kr_pow3(kr_vm *vm, kr_value a, kr_value b, kr_value mod)
{
    if (!mod || mod == KR_NONE)
        return kr_binary_op(vm, KR_OP_POW, a, b);
    kr_type *ta = kr_type_of(vm, a), *tb = kr_type_of(vm, b), *tm = kr_type_of(vm, mod);
    kr_value r;
    if (ta->pow3) {
        r = ta->pow3(vm, a, b, mod);
        if (r != KR_NOTIMPL)
            return r;
    }
    if (tb->pow3 && tb->pow3 != ta->pow3) {
        r = tb->pow3(vm, a, b, mod);
        if (r != KR_NOTIMPL)
            return r;
    }
    if (tm->pow3 && tm->pow3 != ta->pow3 && tm->pow3 != tb->pow3) {
        r = tm->pow3(vm, a, b, mod);
        if (r != KR_NOTIMPL)
            return r;
    }
    return kr_raise(vm, KR_EXC(vm, TypeError), "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                    ta->name_c, tb->name_c, tm->name_c);
}

/* ---- isinstance / issubclass -------------------------------------------------------------------- */

/* The metaclass hook `name` (__instancecheck__/__subclasscheck__) when a Python metaclass overrides
 * type's; KR_NULL otherwise. */
static kr_value meta_hook(kr_vm *vm, kr_value cls, kr_value name)
{
    kr_type *meta = kr_type_of(vm, cls);
    if (meta == vm->t.type)
        return KR_NULL;
    kr_value f = kr_type_lookup(vm, meta, name);
    if (!f)
        return KR_NULL;
    kr_value base = kr_type_lookup(vm, vm->t.type, name);
    if (f == base)
        return KR_NULL;
    return f;
}

static int call_hook(kr_vm *vm, kr_value f, kr_value cls, kr_value arg)
{
    kr_value r;
    kr_type *ft = kr_type_of(vm, f);
    if (ft == vm->t.function || ft == vm->method_descr_type) {
        r = kr_call2(vm, f, cls, arg);
    } else {
        kr_value b = ft->descr_get ? ft->descr_get(vm, f, cls, KR_VAL(kr_type_of(vm, cls))) : f;
        if (!b)
            return -1;
        size_t m = kr_root_mark(vm);
        kr_root_push(vm, &b);
        r = kr_call1(vm, b, arg);
        kr_root_reset(vm, m);
    }
    if (!r)
        return -1;
    return kr_truthy(vm, r);
}

int kr_isinstance(kr_vm *vm, kr_value obj, kr_value cls)
{
    kr_type *ot = kr_type_of(vm, obj);
    if (KR_VAL(ot) == cls)
        return 1;
    if (is_type_obj(vm, cls)) {
        kr_value hook = meta_hook(vm, cls, KR_NAME(vm, __instancecheck__));
        if (hook)
            return call_hook(vm, hook, cls, obj);
        if (kr_type_is_subtype(ot, KR_AS(kr_type, cls)))
            return 1;
        if (!ot->getattr || ot->getattr == kr_generic_getattr)
            return 0;
        /* As CPython's object_isinstance: an object whose type looks attributes up its own way (a weakref
         * proxy forwards them to its referent) may claim another class through __class__. With the
         * generic lookup __class__ is the type itself (Krait's classes cannot override it), so only
         * these pay for the lookup. */
        kr_value icls = kr_getattr_opt(vm, obj, KR_NAME(vm, __class__));
        if (!icls)
            return kr_err_occurred(vm) ? -1 : 0;
        return icls != KR_VAL(ot) && is_type_obj(vm, icls) && kr_type_is_subtype(KR_AS(kr_type, icls), KR_AS(kr_type, cls));
    }
    if (kr_is_ptr(cls) && (KR_OBJ(cls)->type->flags & KR_TF_TUPLE_SUBCLASS)) {
        for (int64_t i = 0; i < kr_tuple_size(cls); i++) {
            int r = kr_isinstance(vm, obj, kr_tuple_items(cls)[i]);
            if (r != 0)
                return r;
        }
        return 0;
    }
    if (kr_type_of(vm, cls) == vm->generic_alias_type)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "isinstance() argument 2 cannot be a parameterized generic");
    kr_value hook = kr_type_lookup(vm, kr_type_of(vm, cls), KR_NAME(vm, __instancecheck__));
    if (hook)
        return call_hook(vm, hook, cls, obj);
    return kr_raise_i(vm, KR_EXC(vm, TypeError), "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

int kr_issubclass(kr_vm *vm, kr_value cls, kr_value base)
{
    if (is_type_obj(vm, base)) {
        kr_value hook = meta_hook(vm, base, KR_NAME(vm, __subclasscheck__));
        if (hook)
            return call_hook(vm, hook, base, cls);
        if (!is_type_obj(vm, cls))
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "issubclass() arg 1 must be a class");
        return kr_type_is_subtype(KR_AS(kr_type, cls), KR_AS(kr_type, base));
    }
    if (kr_is_ptr(base) && (KR_OBJ(base)->type->flags & KR_TF_TUPLE_SUBCLASS)) {
        for (int64_t i = 0; i < kr_tuple_size(base); i++) {
            int r = kr_issubclass(vm, cls, kr_tuple_items(base)[i]);
            if (r != 0)
                return r;
        }
        return 0;
    }
    if (kr_type_of(vm, base) == vm->generic_alias_type)
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "issubclass() argument 2 cannot be a parameterized generic");
    kr_value hook = kr_type_lookup(vm, kr_type_of(vm, base), KR_NAME(vm, __subclasscheck__));
    if (hook)
        return call_hook(vm, hook, base, cls);
    if (!is_type_obj(vm, cls))
        return kr_raise_i(vm, KR_EXC(vm, TypeError), "issubclass() arg 1 must be a class");
    return kr_raise_i(vm, KR_EXC(vm, TypeError), "issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

/* ---- __index__ ---------------------------------------------------------------------------------- */

kr_value kr_index(kr_vm *vm, kr_value v)
{
    if (kr_is_small(v))
        return v;
    if (kr_is_bool(v))
        return kr_small(v == KR_TRUE);
    kr_type *t = kr_type_of(vm, v);
    if (t == vm->t.int_)
        return v;
    if (t->flags & KR_TF_INT_SUBCLASS)
        return kr_int_value(vm, v);
    if (!t->index)
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer", t->name_c);
    kr_value r = t->index(vm, v);
    if (!r)
        return KR_NULL;
    if (!kr_is_int(vm, r))
        return kr_raise(vm, KR_EXC(vm, TypeError), "__index__ returned non-int (type %s)", kr_typename(vm, r));
    return kr_is_small(r) ? r : kr_int_value(vm, r);
}

int kr_index_i64(kr_vm *vm, kr_value v, int64_t *out)
{
    if (kr_is_small(v)) {
        *out = kr_small_val(v);
        return 0;
    }
    kr_value i = kr_index(vm, v);
    if (!i)
        return -1;
    if (kr_is_small(i)) {
        *out = kr_small_val(i);
        return 0;
    }
    if (kr_int_to_i64(vm, i, out) < 0) {
        kr_err_clear(vm);
        return kr_raise_i(vm, KR_EXC(vm, OverflowError), "cannot fit '%s' into an index-sized integer",
                          kr_typename(vm, v));
    }
    return 0;
}

int kr_index_ssize(kr_vm *vm, kr_value v, int64_t *out)
{
    if (kr_is_small(v)) {
        *out = kr_small_val(v);
        return 0;
    }
    kr_value i = kr_index(vm, v);
    if (!i)
        return -1;
    if (kr_int_to_i64(vm, i, out) < 0) {
        kr_err_clear(vm);
        return kr_raise_i(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C ssize_t");
    }
    return 0;
}

/* ---- sequences ---------------------------------------------------------------------------------- */

kr_value kr_sequence_list(kr_vm *vm, kr_value iterable)
{
    kr_type *t = kr_type_of(vm, iterable);
    if (t == vm->t.list)
        return kr_list_from_array(vm, KR_AS(kr_list, iterable)->items, KR_AS(kr_list, iterable)->size);
    if (t == vm->t.tuple)
        return kr_list_from_array(vm, kr_tuple_items(iterable), kr_tuple_size(iterable));
    kr_value it = kr_iter(vm, iterable);
    if (!it)
        return KR_NULL;
    kr_value l = kr_list_new(vm, 0);
    if (!l)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &it);
    kr_root_push(vm, &l);
    for (;;) {
        kr_value v = kr_next(vm, it);
        if (!v) {
            if (kr_err_occurred(vm))
                l = KR_NULL;
            break;
        }
        if (kr_list_append(vm, l, v) < 0) {
            l = KR_NULL;
            break;
        }
    }
    kr_root_reset(vm, m);
    return l;
}

kr_value kr_sequence_tuple(kr_vm *vm, kr_value iterable)
{
    kr_type *t = kr_type_of(vm, iterable);
    if (t == vm->t.tuple)
        return iterable;
    if (t == vm->t.list)
        return kr_tuple_from_array(vm, KR_AS(kr_list, iterable)->items, KR_AS(kr_list, iterable)->size);
    kr_value l = kr_sequence_list(vm, iterable);
    if (!l)
        return KR_NULL;
    return kr_tuple_from_array(vm, KR_AS(kr_list, l)->items, KR_AS(kr_list, l)->size);
}
