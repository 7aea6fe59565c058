/* builtins.c: the builtins module's functions, with CPython 3.13's semantics and messages.
 *
 * GC: every function here that calls back into Python (kr_call, kr_repr, kr_next, ... on values of
 * unknown type) roots the objects it created itself with kr_root_push before doing so; its arguments
 * are rooted by the caller.
 */
#include "builtins.h"

#include <math.h>
#include <string.h>

#include "../vm/compile.h"
#include "../vm/floatobj.h"
#include "../vm/import.h"
#include "../vm/init.h"
#include "../vm/int.h"
#include "../vm/interp.h"
#include "../vm/list.h"
#include "../vm/parser.h"
#include "../vm/str.h"
#include "../vm/type.h"
#include "io.h"
#include "sys.h"

/* vm/iterobj.c (containers): the iterator of iter(callable, sentinel). */
kr_value kr_callable_iter_new(kr_vm *vm, kr_value callable, kr_value sentinel);

static kr_value type_error(kr_vm *vm, const char *msg)
{
    return kr_raise(vm, KR_EXC(vm, TypeError), "%s", msg);
}

/* Exactly n positional arguments and no keywords, with CPython's messages for builtins. */
static int exact_args(kr_vm *vm, const char *name, int nargs, kr_value kwnames, int n)
{
    if (kr_args_no_kw(vm, name, kwnames) < 0)
        return -1;
    if (nargs != n) {
        if (n == 1)
            kr_raise(vm, KR_EXC(vm, TypeError), "%s() takes exactly one argument (%d given)", name, nargs);
        else
            kr_raise(vm, KR_EXC(vm, TypeError), "%s expected %d arguments, got %d", name, n, nargs);
        return -1;
    }
    return 0;
}

static int range_args(kr_vm *vm, const char *name, int nargs, kr_value kwnames, int lo, int hi)
{
    if (kr_args_no_kw(vm, name, kwnames) < 0)
        return -1;
    if (nargs < lo) {
        kr_raise(vm, KR_EXC(vm, TypeError), "%s expected at least %d argument%s, got %d", name, lo, lo == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > hi) {
        kr_raise(vm, KR_EXC(vm, TypeError), "%s expected at most %d argument%s, got %d", name, hi, hi == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- simple wrappers */

static kr_value bi_abs(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "abs", nargs, kwnames, 1) < 0)
        return KR_NULL;
    if (kr_is_small(args[0]) && args[0] != kr_small(KR_SMALL_MIN))
        return kr_small(kr_small_val(args[0]) < 0 ? -kr_small_val(args[0]) : kr_small_val(args[0]));
    return kr_unary_op(vm, KR_UNARY_ABS, args[0]);
}

static kr_value all_any(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, bool want)
{
    if (exact_args(vm, name, nargs, kwnames, 1) < 0)
        return KR_NULL;
    kr_value it = kr_iter(vm, args[0]);
    if (it == KR_NULL)
        return KR_NULL;
    kr_value item = KR_NULL, result = kr_bool(!want);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &it);
    kr_root_push(vm, &item);
    for (;;) {
        item = kr_next(vm, it);
        if (item == KR_NULL) {
            if (kr_err_occurred(vm))
                result = KR_NULL;
            break;
        }
        int t = kr_truthy(vm, item);
        if (t < 0) {
            result = KR_NULL;
            break;
        }
        if ((bool)t == want) {
            result = kr_bool(want);
            break;
        }
    }
    kr_root_reset(vm, m);
    return result;
}

static kr_value bi_all(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return all_any(vm, args, nargs, kwnames, "all", false);
}
static kr_value bi_any(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return all_any(vm, args, nargs, kwnames, "any", true);
}

static kr_value bi_ascii(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "ascii", nargs, kwnames, 1) < 0)
        return KR_NULL;
    return kr_ascii(vm, args[0]);
}

static kr_value int_base_str(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, int base)
{
    if (exact_args(vm, name, nargs, kwnames, 1) < 0)
        return KR_NULL;
    kr_value v = kr_int_value(vm, args[0]);
    if (v == KR_NULL) {
        v = kr_index(vm, args[0]);
        if (v == KR_NULL)
            return KR_NULL;
    }
    return kr_int_to_str_ex(vm, v, base, true);
}

static kr_value bi_bin(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return int_base_str(vm, args, nargs, kwnames, "bin", 2);
}
static kr_value bi_oct(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return int_base_str(vm, args, nargs, kwnames, "oct", 8);
}
static kr_value bi_hex(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return int_base_str(vm, args, nargs, kwnames, "hex", 16);
}

static kr_value bi_callable(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "callable", nargs, kwnames, 1) < 0)
        return KR_NULL;
    return kr_bool(kr_type_of(vm, args[0])->call != NULL);
}

static kr_value bi_chr(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "chr", nargs, kwnames, 1) < 0)
        return KR_NULL;
    kr_value c = kr_int_value(vm, args[0]);
    if (c == KR_NULL) {
        c = kr_index(vm, args[0]);
        if (c == KR_NULL)
            return KR_NULL;
    }
    if (!kr_is_small(c) || kr_small_val(c) > INT32_MAX || kr_small_val(c) < INT32_MIN)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C int");
    int64_t cp = kr_small_val(c);
    if (cp < 0 || cp > 0x10FFFF)
        return kr_raise(vm, KR_EXC(vm, ValueError), "chr() arg not in range(0x110000)");
    return kr_str_from_codepoint(vm, (uint32_t)cp);
}

static kr_value bi_divmod(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "divmod", nargs, kwnames, 2) < 0)
        return KR_NULL;
    kr_value a = args[0], b = args[1];
    kr_type *ta = kr_type_of(vm, a), *tb = kr_type_of(vm, b);
    bool plain_a = !(ta->flags & KR_TF_HEAPTYPE), plain_b = !(tb->flags & KR_TF_HEAPTYPE);
    if (plain_a && plain_b) {
        kr_value r = kr_int_divmod(vm, a, b);
        if (r != KR_NOTIMPL)
            return r;
        r = kr_float_divmod(vm, a, b);
        if (r != KR_NOTIMPL)
            return r;
    }
    /* Generic: a.__divmod__(b), then b.__rdivmod__(a) (the subclass first when b's type is a subclass). */
    kr_value dm = kr_intern(vm, "__divmod__"), rdm = kr_intern(vm, "__rdivmod__");
    if (dm == KR_NULL || rdm == KR_NULL)
        return KR_NULL;
    kr_value fa = kr_type_lookup(vm, ta, dm), fb = ta != tb ? kr_type_lookup(vm, tb, rdm) : KR_NULL;
    if (fb != KR_NULL && kr_type_is_subtype(tb, ta) && tb != ta) {
        kr_value r = kr_call2(vm, fb, b, a);
        if (r != KR_NOTIMPL)
            return r;
        fb = KR_NULL;
    }
    if (fa != KR_NULL) {
        kr_value r = kr_call2(vm, fa, a, b);
        if (r != KR_NOTIMPL)
            return r;
    }
    if (fb != KR_NULL) {
        kr_value r = kr_call2(vm, fb, b, a);
        if (r != KR_NOTIMPL)
            return r;
    }
    return kr_raise(vm, KR_EXC(vm, TypeError), "unsupported operand type(s) for divmod(): '%s' and '%s'", ta->name_c,
                    tb->name_c);
}

static kr_value bi_format(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (range_args(vm, "format", nargs, kwnames, 1, 2) < 0)
        return KR_NULL;
    if (nargs == 2 && !kr_is_str(vm, args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "format() argument 2 must be str, not %s", kr_typename(vm, args[1]));
    return kr_format(vm, args[0], nargs == 2 ? args[1] : KR_NULL);
}

static int check_attr_name(kr_vm *vm, kr_value name)
{
    if (!kr_is_str(vm, name)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "attribute name must be string, not '%s'", kr_typename(vm, name));
        return -1;
    }
    return 0;
}

static kr_value bi_getattr(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (range_args(vm, "getattr", nargs, kwnames, 2, 3) < 0 || check_attr_name(vm, args[1]) < 0)
        return KR_NULL;
    if (nargs == 2)
        return kr_getattr(vm, args[0], args[1]);
    kr_value r = kr_getattr_opt(vm, args[0], args[1]);
    if (r != KR_NULL)
        return r;
    if (kr_err_occurred(vm)) {
        if (!kr_err_matches(vm, KR_EXC(vm, AttributeError)))
            return KR_NULL;
        kr_err_clear(vm);
    }
    return args[2];
}

static kr_value bi_hasattr(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "hasattr", nargs, kwnames, 2) < 0 || check_attr_name(vm, args[1]) < 0)
        return KR_NULL;
    kr_value r = kr_getattr_opt(vm, args[0], args[1]);
    if (r != KR_NULL)
        return KR_TRUE;
    if (kr_err_occurred(vm)) {
        if (!kr_err_matches(vm, KR_EXC(vm, AttributeError)))
            return KR_NULL;
        kr_err_clear(vm);
    }
    return KR_FALSE;
}

static kr_value bi_setattr(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "setattr", nargs, kwnames, 3) < 0 || check_attr_name(vm, args[1]) < 0)
        return KR_NULL;
    return kr_setattr(vm, args[0], args[1], args[2]) < 0 ? KR_NULL : KR_NONE;
}

static kr_value bi_delattr(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "delattr", nargs, kwnames, 2) < 0 || check_attr_name(vm, args[1]) < 0)
        return KR_NULL;
    return kr_delattr(vm, args[0], args[1]) < 0 ? KR_NULL : KR_NONE;
}

static kr_value current_globals(kr_vm *vm)
{
    kr_value g = kr_interp_globals(vm);
    if (g == KR_NULL && !kr_err_occurred(vm) && vm->main_module)
        g = KR_AS(kr_module, vm->main_module)->dict;
    return g;
}

static kr_value bi_globals(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (exact_args(vm, "globals", nargs, kwnames, 0) < 0)
        return KR_NULL;
    kr_value g = current_globals(vm);
    if (g == KR_NULL && !kr_err_occurred(vm))
        return kr_dict_new(vm);
    return g;
}

static kr_value bi_locals(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (exact_args(vm, "locals", nargs, kwnames, 0) < 0)
        return KR_NULL;
    kr_value l = kr_interp_locals(vm);
    if (l == KR_NULL && !kr_err_occurred(vm))
        return bi_globals(vm, args, 0, KR_NULL);
    return l;
}

static kr_value bi_hash(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "hash", nargs, kwnames, 1) < 0)
        return KR_NULL;
    int64_t h = kr_hash(vm, args[0]);
    if (h == -1)
        return KR_NULL;
    return kr_int_from_i64(vm, h);
}

static kr_value bi_id(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "id", nargs, kwnames, 1) < 0)
        return KR_NULL;
    /* The value word itself: the address of a heap object (non-moving GC), or the immediate's bits. */
    return kr_int_from_u64(vm, (uint64_t)args[0]);
}

static kr_value bi_isinstance(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "isinstance", nargs, kwnames, 2) < 0)
        return KR_NULL;
    int r = kr_isinstance(vm, args[0], args[1]);
    return r < 0 ? KR_NULL : kr_bool(r);
}

static kr_value bi_issubclass(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "issubclass", nargs, kwnames, 2) < 0)
        return KR_NULL;
    int r = kr_issubclass(vm, args[0], args[1]);
    return r < 0 ? KR_NULL : kr_bool(r);
}

static kr_value bi_iter(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (range_args(vm, "iter", nargs, kwnames, 1, 2) < 0)
        return KR_NULL;
    if (nargs == 1)
        return kr_iter(vm, args[0]);
    if (kr_type_of(vm, args[0])->call == NULL)
        return type_error(vm, "iter(v, w): v must be callable");
    return kr_callable_iter_new(vm, args[0], args[1]);
}

static kr_value bi_len(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "len", nargs, kwnames, 1) < 0)
        return KR_NULL;
    int64_t n = kr_len(vm, args[0]);
    if (n < 0)
        return KR_NULL;
    return kr_int_from_i64(vm, n);
}

static kr_value bi_next(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (range_args(vm, "next", nargs, kwnames, 1, 2) < 0)
        return KR_NULL;
    kr_type *t = kr_type_of(vm, args[0]);
    if (t->next == NULL)
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object is not an iterator", t->name_c);
    kr_value r = t->next(vm, args[0]);
    if (r != KR_NULL)
        return r;
    if (kr_err_occurred(vm)) {
        if (nargs == 2 && kr_err_matches(vm, KR_EXC(vm, StopIteration))) {
            kr_err_clear(vm);
            return args[1];
        }
        return KR_NULL;
    }
    if (nargs == 2)
        return args[1];
    return kr_raise_value(vm, KR_VAL(KR_EXC(vm, StopIteration)));
}

static kr_value bi_ord(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "ord", nargs, kwnames, 1) < 0)
        return KR_NULL;
    kr_value c = args[0];
    if (kr_is_str(vm, c)) {
        int64_t n = kr_str_len(c);
        if (n != 1)
            return kr_raise(vm, KR_EXC(vm, TypeError), "ord() expected a character, but string of length %lld found",
                            (long long)n);
        return kr_small(kr_str_codepoint_at(c, 0));
    }
    if (kr_is_ptr(c) && vm->t.bytes && kr_type_is_subtype(KR_OBJ(c)->type, vm->t.bytes)) {
        int64_t n = KR_AS(kr_bytes, c)->size;
        if (n != 1)
            return kr_raise(vm, KR_EXC(vm, TypeError), "ord() expected a character, but string of length %lld found",
                            (long long)n);
        return kr_small(KR_AS(kr_bytes, c)->data[0]);
    }
    if (kr_is_ptr(c) && vm->t.bytearray && kr_type_is_subtype(KR_OBJ(c)->type, vm->t.bytearray)) {
        int64_t n = KR_AS(kr_bytearray, c)->size;
        if (n != 1)
            return kr_raise(vm, KR_EXC(vm, TypeError), "ord() expected a character, but string of length %lld found",
                            (long long)n);
        return kr_small(KR_AS(kr_bytearray, c)->data[0]);
    }
    return kr_raise(vm, KR_EXC(vm, TypeError), "ord() expected string of length 1, but %s found", kr_typename(vm, c));
}

static kr_value bi_pow(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"base", "exp", "mod"};
    kr_value out[3];
    if (kr_args_parse(vm, "pow", args, nargs, kwnames, names, 3, 2, 0, out) < 0)
        return KR_NULL;
    if (out[2] == KR_NULL || out[2] == KR_NONE)
        return kr_binary_op(vm, KR_OP_POW, out[0], out[1]);
    return kr_pow3(vm, out[0], out[1], out[2]);
}

static kr_value bi_repr(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (exact_args(vm, "repr", nargs, kwnames, 1) < 0)
        return KR_NULL;
    return kr_repr(vm, args[0]);
}

static kr_value bi_round(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"number", "ndigits"};
    kr_value out[2];
    if (kr_args_parse(vm, "round", args, nargs, kwnames, names, 2, 1, 0, out) < 0)
        return KR_NULL;
    kr_value x = out[0], nd = out[1];
    if (nd == KR_NONE)
        nd = KR_NULL;
    if (kr_is_ptr(x) && KR_OBJ(x)->type == vm->t.float_) {
        double d = kr_float_value(x);
        if (nd == KR_NULL)
            return kr_int_from_double(vm, nearbyint(d));
        int64_t n;
        if (kr_index_i64(vm, nd, &n) < 0)
            return KR_NULL;
        double r;
        if (kr_float_round_d(vm, d, n, &r) < 0)
            return KR_NULL;
        return kr_float_new(vm, r);
    }
    if (kr_is_small(x) && (nd == KR_NULL || (kr_is_small(nd) && kr_small_val(nd) >= 0)))
        return x;
    kr_value m = kr_type_lookup(vm, kr_type_of(vm, x), KR_NAME(vm, __round__));
    if (m == KR_NULL)
        return kr_raise(vm, KR_EXC(vm, TypeError), "type %s doesn't define __round__ method", kr_typename(vm, x));
    if (nd == KR_NULL)
        return kr_call1(vm, m, x);
    return kr_call2(vm, m, x, nd);
}

static kr_value bi_vars(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (range_args(vm, "vars", nargs, kwnames, 0, 1) < 0)
        return KR_NULL;
    if (nargs == 0)
        return bi_locals(vm, args, 0, KR_NULL);
    kr_value d = kr_getattr(vm, args[0], KR_NAME(vm, __dict__));
    if (d == KR_NULL && kr_err_matches(vm, KR_EXC(vm, AttributeError))) {
        kr_err_clear(vm);
        return type_error(vm, "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* ---------------------------------------------------------------- dir */

static int add_keys(kr_vm *vm, kr_value set, kr_value dict)
{
    if (dict == KR_NULL || !kr_is_ptr(dict) || KR_OBJ(dict)->type != vm->t.dict)
        return 0;
    int64_t pos = 0;
    kr_value k, v;
    while (kr_dict_next(dict, &pos, &k, &v))
        if (kr_set_add(vm, set, k) < 0)
            return -1;
    return 0;
}

static int add_mro_keys(kr_vm *vm, kr_value set, kr_type *t)
{
    if (t->mro == KR_NULL)
        return add_keys(vm, set, t->dict);
    for (int64_t i = 0; i < kr_tuple_size(t->mro); i++) {
        kr_value c = kr_tuple_items(t->mro)[i];
        if (add_keys(vm, set, KR_AS(kr_type, c)->dict) < 0)
            return -1;
    }
    return 0;
}

static kr_value sorted_list_of(kr_vm *vm, kr_value iterable)
{
    kr_value l = kr_list_from_iterable(vm, iterable);
    if (l == KR_NULL)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &l);
    if (kr_list_sort(vm, l, KR_NULL, false) < 0)
        l = KR_NULL;
    kr_root_reset(vm, m);
    return l;
}

static kr_value bi_dir(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (range_args(vm, "dir", nargs, kwnames, 0, 1) < 0)
        return KR_NULL;
    if (nargs == 0) {
        kr_value l = bi_locals(vm, args, 0, KR_NULL);
        if (l == KR_NULL)
            return KR_NULL;
        size_t m = kr_root_mark(vm);
        kr_root_push(vm, &l);
        kr_value r = sorted_list_of(vm, l);
        kr_root_reset(vm, m);
        return r;
    }
    kr_value obj = args[0];
    kr_type *t = kr_type_of(vm, obj);
    kr_value set = KR_NULL, r = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &set);
    kr_root_push(vm, &r);
    /* A user-defined __dir__ wins (object's own default is what the fallback below computes). */
    kr_value dirf = kr_type_lookup(vm, t, KR_NAME(vm, __dir__));
    if (dirf != KR_NULL && (t->flags & KR_TF_HEAPTYPE) && kr_type_lookup(vm, vm->t.object, KR_NAME(vm, __dir__)) != dirf) {
        r = kr_call1(vm, dirf, obj);
        if (r != KR_NULL)
            r = sorted_list_of(vm, r);
        kr_root_reset(vm, m);
        return r;
    }
    set = kr_set_new(vm, false);
    if (set == KR_NULL)
        goto done;
    if (t == vm->t.module || (t->flags & KR_TF_TYPE_SUBCLASS) || t == vm->t.type) {
        if (t == vm->t.module || kr_type_is_subtype(t, vm->t.module)) {
            if (add_keys(vm, set, KR_AS(kr_module, obj)->dict) < 0)
                goto done;
        } else if (add_mro_keys(vm, set, KR_AS(kr_type, obj)) < 0) {
            goto done;
        }
    } else {
        kr_value d = kr_getattr_opt(vm, obj, KR_NAME(vm, __dict__));
        if (d == KR_NULL && kr_err_occurred(vm))
            kr_err_clear(vm);
        r = d;
        if (add_keys(vm, set, r) < 0 || add_mro_keys(vm, set, t) < 0)
            goto done;
    }
    r = sorted_list_of(vm, set);
    kr_root_reset(vm, m);
    return r;
done:
    kr_root_reset(vm, m);
    return KR_NULL;
}

/* ---------------------------------------------------------------- eval / exec */

static kr_value run_source(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, int mode)
{
    static const char *const names[] = {"source", "globals", "locals"};
    kr_value out[3];
    if (kr_args_parse(vm, name, args, nargs, kwnames, names, 3, 1, 1, out) < 0)
        return KR_NULL;
    kr_value src = out[0], globals = out[1], locals = out[2];
    if (globals == KR_NONE)
        globals = KR_NULL;
    if (locals == KR_NONE)
        locals = KR_NULL;
    if (globals != KR_NULL && !(kr_is_ptr(globals) && kr_type_is_subtype(KR_OBJ(globals)->type, vm->t.dict))) {
        if (mode == KR_PARSE_EVAL)
            return kr_raise(vm, KR_EXC(vm, TypeError), locals != KR_NULL ? "globals must be a real dict; try eval(expr, {}, mapping)" : "globals must be a dict");
        return kr_raise(vm, KR_EXC(vm, TypeError), "exec() globals must be a dict, not %s", kr_typename(vm, globals));
    }
    if (globals == KR_NULL) {
        globals = current_globals(vm);
        if (globals == KR_NULL)
            return kr_err_occurred(vm) ? KR_NULL : type_error(vm, "no current globals");
        if (locals == KR_NULL) {
            locals = kr_interp_locals(vm);
            if (locals == KR_NULL && kr_err_occurred(vm))
                return KR_NULL;
        }
    } else if (kr_dict_get_cstr(vm, globals, "__builtins__") == KR_NULL) {
        /* as CPython's PyEval_GetBuiltins(): the running frame's builtins dict (not the module) */
        kr_value b = vm->frame && vm->frame->builtins ? vm->frame->builtins : vm->builtins;
        if (kr_dict_set_cstr(vm, globals, "__builtins__", b) < 0)
            return KR_NULL;
    }
    kr_value code = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &code);
    kr_root_push(vm, &globals);
    kr_root_push(vm, &locals);
    if (kr_is_ptr(src) && vm->t.code && KR_OBJ(src)->type == vm->t.code) {
        code = src;
    } else {
        const char *text;
        size_t len;
        if (kr_is_str(vm, src)) {
            text = kr_str_data(src);
            len = (size_t)kr_str_nbytes(src);
        } else if (kr_is_ptr(src) && vm->t.bytes && kr_type_is_subtype(KR_OBJ(src)->type, vm->t.bytes)) {
            text = (const char *)KR_AS(kr_bytes, src)->data;
            len = (size_t)KR_AS(kr_bytes, src)->size;
        } else {
            kr_root_reset(vm, m);
            return kr_raise(vm, KR_EXC(vm, TypeError), "%s() arg 1 must be a string, bytes or code object", name);
        }
        if (mode == KR_PARSE_EVAL) /* eval ignores leading spaces and tabs */
            while (len > 0 && (*text == ' ' || *text == '\t')) {
                text++;
                len--;
            }
        code = kr_compile_source(vm, text, len, "<string>", mode);
        if (code == KR_NULL) {
            kr_root_reset(vm, m);
            return KR_NULL;
        }
    }
    kr_value r = kr_interp_run_code(vm, code, globals, locals);
    kr_root_reset(vm, m);
    if (r == KR_NULL)
        return KR_NULL;
    return mode == KR_PARSE_EVAL ? r : KR_NONE;
}

static kr_value bi_eval(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return run_source(vm, args, nargs, kwnames, "eval", KR_PARSE_EVAL);
}
static kr_value bi_exec(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return run_source(vm, args, nargs, kwnames, "exec", KR_PARSE_FILE);
}

/* ---------------------------------------------------------------- compile */

/* CPython's compile() flag bits (Include/cpython/compile.h, Include/cpython/code.h): the __future__
 * feature bits (PyCF_MASK), the obsolete CO_NESTED, and the PyCF_* compiler options. Krait has no
 * optional syntax, so the future bits are accepted and have no effect. */
enum {
    CF_FUTURE_MASK = 0x1FE0000,  /* CO_FUTURE_DIVISION .. CO_FUTURE_ANNOTATIONS */
    CF_NESTED = 0x0010,          /* PyCF_MASK_OBSOLETE */
    CF_SOURCE_IS_UTF8 = 0x0100,
    CF_DONT_IMPLY_DEDENT = 0x0200,
    CF_ONLY_AST = 0x0400,
    CF_IGNORE_COOKIE = 0x0800,
    CF_TYPE_COMMENTS = 0x1000,
    CF_ALLOW_TOP_LEVEL_AWAIT = 0x2000,
    CF_ALLOW_INCOMPLETE_INPUT = 0x4000,
    CF_OPTIMIZED_AST = 0x8000 | CF_ONLY_AST,
    CF_ALLOWED = CF_FUTURE_MASK | CF_NESTED | CF_SOURCE_IS_UTF8 | CF_DONT_IMPLY_DEDENT | CF_ONLY_AST |
                 CF_IGNORE_COOKIE | CF_TYPE_COMMENTS | CF_ALLOW_TOP_LEVEL_AWAIT | CF_ALLOW_INCOMPLETE_INPUT |
                 CF_OPTIMIZED_AST,
};

/* compile()'s filename argument as a str: str, bytes (decoded as UTF-8) or an os.PathLike. */
static kr_value compile_filename(kr_vm *vm, kr_value fn)
{
    if (kr_is_str(vm, fn))
        return fn;
    if (kr_is_ptr(fn) && kr_type_is_subtype(KR_OBJ(fn)->type, vm->t.bytes))
        return kr_str_new(vm, (const char *)KR_AS(kr_bytes, fn)->data, (size_t)KR_AS(kr_bytes, fn)->size);
    kr_value fspath = kr_type_lookup(vm, kr_type_of(vm, fn), kr_intern(vm, "__fspath__"));
    if (!fspath)
        return kr_err_occurred(vm) ? KR_NULL
                                   : kr_raise(vm, KR_EXC(vm, TypeError), "expected str, bytes or os.PathLike object, not %s",
                                              kr_typename(vm, fn));
    kr_value r = kr_call_method(vm, fn, "__fspath__", NULL, 0);
    if (!r)
        return KR_NULL;
    if (kr_is_str(vm, r) || (kr_is_ptr(r) && kr_type_is_subtype(KR_OBJ(r)->type, vm->t.bytes)))
        return compile_filename(vm, r);
    return kr_raise(vm, KR_EXC(vm, TypeError), "expected %s.__fspath__() to return str or bytes, not %s",
                    kr_typename(vm, fn), kr_typename(vm, r));
}

static kr_value bi_compile(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"};
    kr_value a[7];
    if (kr_args_parse(vm, "compile", args, nargs, kwnames, names, 7, 3, 0, a) < 0)
        return KR_NULL;
    kr_value src = a[0];
    if (!kr_is_str(vm, a[2]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "compile() argument 'mode' must be str, not %s", kr_typename(vm, a[2]));
    int64_t flags = 0, optimize = -1;
    if (a[3] && kr_index_i64(vm, a[3], &flags) < 0)
        return KR_NULL;
    if (a[4] && kr_truthy(vm, a[4]) < 0) /* dont_inherit: Krait has no inherited __future__ flags */
        return KR_NULL;
    if (a[5] && kr_index_i64(vm, a[5], &optimize) < 0)
        return KR_NULL;
    if (flags & ~(int64_t)CF_ALLOWED)
        return kr_raise(vm, KR_EXC(vm, ValueError), "compile(): unrecognised flags");
    if (optimize < -1 || optimize > 2)
        return kr_raise(vm, KR_EXC(vm, ValueError), "compile(): invalid optimize value");
    kr_value filename = compile_filename(vm, a[1]);
    if (!filename)
        return KR_NULL;
    if ((size_t)kr_str_nbytes(filename) != strlen(kr_str_data(filename)))
        return kr_raise(vm, KR_EXC(vm, ValueError), "embedded null character");
    const char *m = kr_str_data(a[2]);
    int mode;
    if (!strcmp(m, "exec"))
        mode = KR_PARSE_FILE;
    else if (!strcmp(m, "eval"))
        mode = KR_PARSE_EVAL;
    else if (!strcmp(m, "single"))
        mode = KR_PARSE_SINGLE;
    else if (!strcmp(m, "func_type"))
        return kr_raise(vm, KR_EXC(vm, ValueError), "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
    else
        return kr_raise(vm, KR_EXC(vm, ValueError), "compile() mode must be 'exec', 'eval' or 'single'");
    bool is_text = kr_is_str(vm, src) || (kr_is_ptr(src) && (kr_type_is_subtype(KR_OBJ(src)->type, vm->t.bytes) ||
                                                             kr_type_is_subtype(KR_OBJ(src)->type, vm->t.bytearray)));
    if ((flags & CF_ONLY_AST) || !is_text) {
        /* Trees are stdlib/lib/ast.py's business: ast.parse() makes one, ast._compile_tree() compiles one
         * (or raises the TypeError for a source that is neither text nor a tree). */
        kr_value argv[6] = {src, filename, a[2], kr_int_from_i64(vm, flags), a[4] ? a[4] : KR_FALSE,
                            kr_int_from_i64(vm, optimize)};
        size_t mk = kr_root_mark(vm);
        kr_root_push(vm, &argv[1]);
        kr_value astmod = kr_import_cstr(vm, "ast");
        kr_value fn = astmod ? kr_getattr_cstr(vm, astmod, is_text ? "parse" : "_compile_tree") : KR_NULL;
        kr_value r = fn ? kr_call(vm, fn, argv, is_text ? 3 : 6, KR_NULL) : KR_NULL;
        kr_root_reset(vm, mk);
        return r;
    }
    const char *text;
    size_t len;
    if (kr_is_str(vm, src)) {
        text = kr_str_data(src);
        len = (size_t)kr_str_nbytes(src);
    } else if (kr_is_ptr(src) && (kr_type_is_subtype(KR_OBJ(src)->type, vm->t.bytes) ||
                                  kr_type_is_subtype(KR_OBJ(src)->type, vm->t.bytearray))) {
        /* The source is read as UTF-8 (Krait supports no other source encoding) after skipping a
         * UTF-8 byte order mark. */
        if (kr_type_is_subtype(KR_OBJ(src)->type, vm->t.bytes)) {
            text = (const char *)KR_AS(kr_bytes, src)->data;
            len = (size_t)KR_AS(kr_bytes, src)->size;
        } else {
            text = (const char *)KR_AS(kr_bytearray, src)->data;
            len = (size_t)KR_AS(kr_bytearray, src)->size;
        }
        if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
            text += 3;
            len -= 3;
        }
    } else {
        return kr_raise(vm, KR_EXC(vm, TypeError), "compile() arg 1 must be a string, bytes or AST object");
    }
    if (memchr(text, '\0', len))
        return kr_raise(vm, KR_EXC(vm, SyntaxError), "source code string cannot contain null bytes");
    return kr_compile_source(vm, text, len, kr_str_data(filename), mode);
}

/* ---------------------------------------------------------------- print / input */

static kr_value bi_print(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"sep", "end", "file", "flush"};
    kr_value out[4] = {KR_NULL, KR_NULL, KR_NULL, KR_NULL};
    int nkw = kwnames == KR_NULL ? 0 : (int)kr_tuple_size(kwnames);
    if (nkw > 0 && kr_args_parse(vm, "print", args + nargs, 0, kwnames, names, 4, 0, 0, out) < 0)
        return KR_NULL;
    kr_value sep = out[0], end = out[1], file = out[2];
    if (sep != KR_NULL && sep != KR_NONE && !kr_is_str(vm, sep))
        return kr_raise(vm, KR_EXC(vm, TypeError), "sep must be None or a string, not %s", kr_typename(vm, sep));
    if (end != KR_NULL && end != KR_NONE && !kr_is_str(vm, end))
        return kr_raise(vm, KR_EXC(vm, TypeError), "end must be None or a string, not %s", kr_typename(vm, end));
    const char *sep_s = " ", *end_s = "\n";
    size_t sep_n = 1, end_n = 1;
    if (sep != KR_NULL && sep != KR_NONE) {
        sep_s = kr_str_data(sep);
        sep_n = (size_t)kr_str_nbytes(sep);
    }
    if (end != KR_NULL && end != KR_NONE) {
        end_s = kr_str_data(end);
        end_n = (size_t)kr_str_nbytes(end);
    }
    bool to_stdout = file == KR_NULL || file == KR_NONE;
    if (to_stdout) {
        file = kr_sys_get(vm, "stdout");
        if (file == KR_NONE)
            return KR_NONE; /* sys.stdout is None: print does nothing */
    }
    kr_value piece = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &piece);
    kr_root_push(vm, &file);
    kr_value result = KR_NONE;
    if (to_stdout) {
        /* Build the line, then one write: kr_sys_write_stdout writes straight to Krait's own buffered
         * stdout, or calls sys.stdout.write when it was replaced. */
        kr_sb sb;
        kr_sb_init(&sb);
        for (int i = 0; i < nargs; i++) {
            if (i > 0)
                kr_sb_append(&sb, sep_s, sep_n);
            if (kr_sb_append_value(vm, &sb, args[i], false) < 0) {
                kr_sb_free(&sb);
                result = KR_NULL;
                goto done;
            }
        }
        kr_sb_append(&sb, end_s, end_n);
        if (sb.failed) {
            kr_sb_free(&sb);
            result = kr_raise_nomemory(vm);
            goto done;
        }
        int rc = kr_sys_write_stdout(vm, sb.buf ? sb.buf : "", sb.len);
        kr_sb_free(&sb);
        if (rc < 0) {
            result = KR_NULL;
            goto done;
        }
    } else {
        /* An explicit file: one write() per piece, as CPython does. */
        for (int i = 0; i < nargs; i++) {
            if (i > 0 && kr_io_write_fast(vm, file, sep_s, sep_n) < 0) {
                result = KR_NULL;
                goto done;
            }
            piece = kr_tostr(vm, args[i]);
            if (piece == KR_NULL ||
                kr_io_write_fast(vm, file, kr_str_data(piece), (size_t)kr_str_nbytes(piece)) < 0) {
                result = KR_NULL;
                goto done;
            }
        }
        if (kr_io_write_fast(vm, file, end_s, end_n) < 0) {
            result = KR_NULL;
            goto done;
        }
    }
    if (out[3] != KR_NULL) {
        int f = kr_truthy(vm, out[3]);
        if (f < 0) {
            result = KR_NULL;
            goto done;
        }
        if (f && file != KR_NULL && kr_call_method(vm, file, "flush", NULL, 0) == KR_NULL)
            result = KR_NULL;
    }
done:
    kr_root_reset(vm, m);
    return result;
}

static kr_value bi_input(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (range_args(vm, "input", nargs, kwnames, 0, 1) < 0)
        return KR_NULL;
    kr_value line = KR_NULL, s = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &line);
    kr_root_push(vm, &s);
    if (nargs == 1) {
        s = kr_tostr(vm, args[0]);
        if (s == KR_NULL || kr_sys_write_stdout(vm, kr_str_data(s), (size_t)kr_str_nbytes(s)) < 0)
            goto fail;
    }
    kr_value out = kr_sys_get(vm, "stdout");
    if (out != KR_NULL && out != KR_NONE) {
        s = out;
        if (kr_call_method(vm, s, "flush", NULL, 0) == KR_NULL)
            kr_err_clear(vm); /* a stdout without flush() is fine */
    }
    kr_value in = kr_sys_get(vm, "stdin");
    if (in == KR_NULL || in == KR_NONE) {
        kr_raise(vm, KR_EXC(vm, RuntimeError), "input(): lost sys.stdin");
        goto fail;
    }
    s = in;
    line = kr_call_method(vm, s, "readline", NULL, 0);
    if (line == KR_NULL)
        goto fail;
    if (!kr_is_str(vm, line)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "object.readline() returned non-string");
        goto fail;
    }
    int64_t n = kr_str_nbytes(line);
    if (n == 0) {
        kr_raise(vm, KR_EXC(vm, EOFError), "EOF when reading a line");
        goto fail;
    }
    if (kr_str_data(line)[n - 1] == '\n')
        line = kr_str_new(vm, kr_str_data(line), (size_t)n - 1);
    kr_root_reset(vm, m);
    return line;
fail:
    kr_root_reset(vm, m);
    return KR_NULL;
}

/* ---------------------------------------------------------------- min / max */

static kr_value min_max(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, bool is_max)
{
    const char *name = is_max ? "max" : "min";
    kr_value key = KR_NULL, dflt = KR_NULL;
    int nkw = kwnames == KR_NULL ? 0 : (int)kr_tuple_size(kwnames);
    for (int i = 0; i < nkw; i++) {
        kr_value k = kr_tuple_items(kwnames)[i];
        if (strcmp(kr_str_data(k), "key") == 0)
            key = args[nargs + i];
        else if (strcmp(kr_str_data(k), "default") == 0)
            dflt = args[nargs + i];
        else
            return kr_raise(vm, KR_EXC(vm, TypeError), "%s() got an unexpected keyword argument '%s'", name, kr_str_data(k));
    }
    if (nargs == 0)
        return kr_raise(vm, KR_EXC(vm, TypeError), "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && dflt != KR_NULL)
        return kr_raise(vm, KR_EXC(vm, TypeError),
                        "Cannot specify a default for %s() with multiple positional arguments", name);
    if (key == KR_NONE)
        key = KR_NULL;
    kr_value it = KR_NULL, item = KR_NULL, best = KR_NULL, best_key = KR_NULL, k = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &it);
    kr_root_push(vm, &item);
    kr_root_push(vm, &best);
    kr_root_push(vm, &best_key);
    kr_root_push(vm, &k);
    int64_t idx = 0;
    if (nargs == 1) {
        it = kr_iter(vm, args[0]);
        if (it == KR_NULL)
            goto fail;
    }
    for (;;) {
        if (nargs == 1) {
            item = kr_next(vm, it);
            if (item == KR_NULL) {
                if (kr_err_occurred(vm))
                    goto fail;
                break;
            }
        } else {
            if (idx >= nargs)
                break;
            item = args[idx++];
        }
        if (key != KR_NULL) {
            k = kr_call1(vm, key, item);
            if (k == KR_NULL)
                goto fail;
        } else {
            k = item;
        }
        if (best == KR_NULL) {
            best = item;
            best_key = k;
            continue;
        }
        int c;
        if (kr_is_small(k) && kr_is_small(best_key))
            c = is_max ? (int64_t)k > (int64_t)best_key : (int64_t)k < (int64_t)best_key; /* tagged small ints order like their values */
        else
            c = kr_richcompare_bool(vm, k, best_key, is_max ? KR_CMP_GT : KR_CMP_LT);
        if (c < 0)
            goto fail;
        if (c) {
            best = item;
            best_key = k;
        }
    }
    if (best == KR_NULL) {
        if (dflt != KR_NULL)
            best = dflt;
        else {
            kr_raise(vm, KR_EXC(vm, ValueError), "%s() iterable argument is empty", name);
            goto fail;
        }
    }
    kr_root_reset(vm, m);
    return best;
fail:
    kr_root_reset(vm, m);
    return KR_NULL;
}

static kr_value bi_max(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return min_max(vm, args, nargs, kwnames, true);
}
static kr_value bi_min(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return min_max(vm, args, nargs, kwnames, false);
}

/* ---------------------------------------------------------------- sorted / sum */

static kr_value bi_sorted(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"iterable", "key", "reverse"};
    kr_value out[3];
    if (nargs > 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "sorted expected 1 argument, got %d", nargs);
    if (kr_args_parse(vm, "sorted", args, nargs, kwnames, names, 3, 1, 1, out) < 0)
        return KR_NULL;
    kr_value key = out[1] == KR_NONE ? KR_NULL : out[1];
    bool reverse = false;
    if (out[2] != KR_NULL) {
        int64_t r;
        if (kr_index_i64(vm, out[2], &r) < 0)
            return KR_NULL;
        reverse = r != 0;
    }
    kr_value l = kr_list_from_iterable(vm, out[0]);
    if (l == KR_NULL)
        return KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &l);
    if (kr_list_sort(vm, l, key, reverse) < 0)
        l = KR_NULL;
    kr_root_reset(vm, m);
    return l;
}

kr_value kr_builtins_sum(kr_vm *vm, kr_value iterable, kr_value start)
{
    kr_value it = kr_iter(vm, iterable);
    if (it == KR_NULL)
        return KR_NULL;
    kr_value result = start, item = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &it);
    kr_root_push(vm, &result);
    kr_root_push(vm, &item);
    /* Int fast path: exact small ints (and bools) summed in an int64. */
    if (kr_is_small(result)) {
        int64_t acc = kr_small_val(result);
        for (;;) {
            item = kr_next(vm, it);
            if (item == KR_NULL) {
                result = kr_err_occurred(vm) ? KR_NULL : kr_int_from_i64(vm, acc);
                goto done;
            }
            int64_t b;
            if (kr_is_small(item))
                b = kr_small_val(item);
            else if (kr_is_bool(item))
                b = item == KR_TRUE;
            else
                b = INT64_MAX; /* leave the fast path */
            int64_t sum;
            if (b != INT64_MAX && !__builtin_add_overflow(acc, b, &sum)) {
                acc = sum;
                continue;
            }
            /* acc is still the sum before this item (the overflowed `sum` is discarded) */
            result = kr_int_from_i64(vm, acc);
            if (result == KR_NULL)
                goto done;
            result = kr_binary_op(vm, KR_OP_ADD, result, item);
            if (result == KR_NULL)
                goto done;
            break;
        }
    }
    /* Float fast path: Neumaier-compensated, as CPython 3.12+. */
    if (kr_is_ptr(result) && KR_OBJ(result)->type == vm->t.float_) {
        double f = kr_float_value(result), c = 0.0;
        for (;;) {
            item = kr_next(vm, it);
            if (item == KR_NULL) {
                if (kr_err_occurred(vm)) {
                    result = KR_NULL;
                    goto done;
                }
                if (c != 0.0 && isfinite(c))
                    f += c;
                result = kr_float_new(vm, f);
                goto done;
            }
            if (kr_is_ptr(item) && KR_OBJ(item)->type == vm->t.float_) {
                double x = kr_float_value(item);
                double t = f + x;
                if (fabs(f) >= fabs(x))
                    c += (f - t) + x;
                else
                    c += (x - t) + f;
                f = t;
                continue;
            }
            if (kr_is_small(item) || kr_is_bool(item)) {
                f += (double)(kr_is_small(item) ? kr_small_val(item) : (int64_t)(item == KR_TRUE));
                continue;
            }
            if (c != 0.0 && isfinite(c))
                f += c;
            result = kr_float_new(vm, f);
            if (result == KR_NULL)
                goto done;
            result = kr_binary_op(vm, KR_OP_ADD, result, item);
            if (result == KR_NULL)
                goto done;
            break;
        }
    }
    for (;;) {
        item = kr_next(vm, it);
        if (item == KR_NULL) {
            if (kr_err_occurred(vm))
                result = KR_NULL;
            break;
        }
        result = kr_binary_op(vm, KR_OP_ADD, result, item);
        if (result == KR_NULL)
            break;
    }
done:
    kr_root_reset(vm, m);
    return result;
}

static kr_value bi_sum(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"iterable", "start"};
    kr_value out[2];
    if (kr_args_parse(vm, "sum", args, nargs, kwnames, names, 2, 1, 1, out) < 0)
        return KR_NULL;
    kr_value start = out[1] == KR_NULL ? kr_small(0) : out[1];
    if (kr_is_str(vm, start))
        return type_error(vm, "sum() can't sum strings [use ''.join(seq) instead]");
    if (kr_is_ptr(start) && vm->t.bytes && kr_type_is_subtype(KR_OBJ(start)->type, vm->t.bytes))
        return type_error(vm, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (kr_is_ptr(start) && vm->t.bytearray && kr_type_is_subtype(KR_OBJ(start)->type, vm->t.bytearray))
        return type_error(vm, "sum() can't sum bytearray [use b''.join(seq) instead]");
    return kr_builtins_sum(vm, out[0], start);
}

/* ---------------------------------------------------------------- import, exit */

static kr_value bi_import(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level"};
    kr_value out[5];
    if (kr_args_parse(vm, "__import__", args, nargs, kwnames, names, 5, 1, 0, out) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, out[0]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "__import__() argument 1 must be str, not %s", kr_typename(vm, out[0]));
    int64_t level = 0;
    if (out[4] != KR_NULL && kr_index_i64(vm, out[4], &level) < 0)
        return KR_NULL;
    if (level < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "level must be >= 0");
    kr_value globals = out[1] == KR_NONE ? KR_NULL : out[1];
    kr_value fromlist = out[3] == KR_NULL ? KR_NONE : out[3];
    return kr_import(vm, out[0], globals, fromlist, (int)level);
}

static kr_value bi_exit(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"code"};
    kr_value code;
    if (kr_args_parse(vm, "exit", args, nargs, kwnames, names, 1, 0, 0, &code) < 0)
        return KR_NULL;
    kr_value exc = kr_exc_new(vm, KR_EXC(vm, SystemExit), &code, code == KR_NULL ? 0 : 1);
    if (exc == KR_NULL)
        return KR_NULL;
    return kr_raise_value(vm, exc);
}

/* ---------------------------------------------------------------- the module */

static const kr_method_def builtin_functions[] = {
    {"__import__", bi_import, KR_METH_STATIC, NULL},
    {"abs", bi_abs, KR_METH_STATIC, "Return the absolute value of the argument."},
    {"all", bi_all, KR_METH_STATIC, NULL},
    {"any", bi_any, KR_METH_STATIC, NULL},
    {"ascii", bi_ascii, KR_METH_STATIC, NULL},
    {"bin", bi_bin, KR_METH_STATIC, NULL},
    {"callable", bi_callable, KR_METH_STATIC, NULL},
    {"chr", bi_chr, KR_METH_STATIC, NULL},
    {"compile", bi_compile, KR_METH_STATIC, NULL},
    {"delattr", bi_delattr, KR_METH_STATIC, NULL},
    {"dir", bi_dir, KR_METH_STATIC, NULL},
    {"divmod", bi_divmod, KR_METH_STATIC, NULL},
    {"eval", bi_eval, KR_METH_STATIC, NULL},
    {"exec", bi_exec, KR_METH_STATIC, NULL},
    {"exit", bi_exit, KR_METH_STATIC, NULL},
    {"format", bi_format, KR_METH_STATIC, NULL},
    {"getattr", bi_getattr, KR_METH_STATIC, NULL},
    {"globals", bi_globals, KR_METH_STATIC, NULL},
    {"hasattr", bi_hasattr, KR_METH_STATIC, NULL},
    {"hash", bi_hash, KR_METH_STATIC, NULL},
    {"hex", bi_hex, KR_METH_STATIC, NULL},
    {"id", bi_id, KR_METH_STATIC, NULL},
    {"input", bi_input, KR_METH_STATIC, NULL},
    {"isinstance", bi_isinstance, KR_METH_STATIC, NULL},
    {"issubclass", bi_issubclass, KR_METH_STATIC, NULL},
    {"iter", bi_iter, KR_METH_STATIC, NULL},
    {"aiter", kr_builtin_aiter, KR_METH_STATIC, NULL},
    {"anext", kr_builtin_anext, KR_METH_STATIC, NULL},
    {"len", bi_len, KR_METH_STATIC, NULL},
    {"locals", bi_locals, KR_METH_STATIC, NULL},
    {"max", bi_max, KR_METH_STATIC, NULL},
    {"min", bi_min, KR_METH_STATIC, NULL},
    {"next", bi_next, KR_METH_STATIC, NULL},
    {"oct", bi_oct, KR_METH_STATIC, NULL},
    {"ord", bi_ord, KR_METH_STATIC, NULL},
    {"pow", bi_pow, KR_METH_STATIC, NULL},
    {"print", bi_print, KR_METH_STATIC, NULL},
    {"quit", bi_exit, KR_METH_STATIC, NULL},
    {"repr", bi_repr, KR_METH_STATIC, NULL},
    {"round", bi_round, KR_METH_STATIC, NULL},
    {"setattr", bi_setattr, KR_METH_STATIC, NULL},
    {"sorted", bi_sorted, KR_METH_STATIC, NULL},
    {"sum", bi_sum, KR_METH_STATIC, NULL},
    {"vars", bi_vars, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

kr_value kr_builtins_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "builtins");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    if (kr_module_add_functions(vm, m, builtin_functions) < 0)
        goto fail;
    const struct {
        const char *name;
        kr_type *type;
    } types[] = {
        {"object", vm->t.object}, {"type", vm->t.type}, {"int", vm->t.int_}, {"bool", vm->t.bool_},
        {"float", vm->t.float_}, {"complex", vm->t.complex_}, {"str", vm->t.str}, {"bytes", vm->t.bytes},
        {"bytearray", vm->t.bytearray}, {"memoryview", vm->t.memoryview},
        {"list", vm->t.list}, {"tuple", vm->t.tuple}, {"dict", vm->t.dict}, {"set", vm->t.set},
        {"frozenset", vm->t.frozenset}, {"range", vm->t.range}, {"slice", vm->t.slice},
        {"property", vm->t.property}, {"classmethod", vm->t.classmethod}, {"staticmethod", vm->t.staticmethod},
        {"super", vm->t.super_}, {"enumerate", vm->t.enumerate}, {"zip", vm->t.zip}, {"map", vm->t.map},
        {"filter", vm->t.filter}, {"reversed", vm->t.reversed},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (types[i].type && kr_module_add(vm, m, types[i].name, KR_VAL(types[i].type)) < 0)
            goto fail;
    for (int i = 0; i < KR_EXC_COUNT; i++) {
        kr_type *t = vm->exc_types[i];
        if (t && kr_module_add(vm, m, t->name_c, KR_VAL(t)) < 0)
            goto fail;
    }
    if (kr_module_add(vm, m, "Ellipsis", KR_ELLIPSIS) < 0 || kr_module_add(vm, m, "NotImplemented", KR_NOTIMPL) < 0 ||
        kr_module_add(vm, m, "__debug__", KR_TRUE) < 0 || kr_module_add(vm, m, "None", KR_NONE) < 0 ||
        kr_module_add(vm, m, "True", KR_TRUE) < 0 || kr_module_add(vm, m, "False", KR_FALSE) < 0)
        goto fail;
    /* EnvironmentError and IOError are aliases of OSError. */
    if (kr_module_add(vm, m, "EnvironmentError", KR_VAL(KR_EXC(vm, OSError))) < 0 ||
        kr_module_add(vm, m, "IOError", KR_VAL(KR_EXC(vm, OSError))) < 0)
        goto fail;
    kr_root_reset(vm, mark);
    return m;
fail:
    kr_root_reset(vm, mark);
    return KR_NULL;
}
