/* interp_ops.h: the semantics of bytecode instructions that both the interpreter (vm/interp.c run())
 * and compiled code's runtime functions (compiler/jit_rt.c, CALL_RT) run, defined once so the two
 * cannot drift apart: what they compute, their error messages and the feedback they record.
 *
 * Two kinds of functions:
 *   - the fast paths (inline-cache hits, small-int / float arithmetic and comparison, list / tuple
 *     indexing, the range and list iterator steps) are `static inline` here, so run() keeps them in
 *     its loop exactly as if it spelled them out (they are the interpreter's hot paths);
 *   - the slow paths (cache misses that fill the cache, generic operations with their feedback,
 *     iteration over other iterators, GET_ITER's set-up, unpacking, building, formatting,
 *     MAKE_FUNCTION) are out of line in vm/interp_ops.c.
 * A slow path does the whole instruction when called without trying the fast path first: it tests
 * again what the fast path tests (cheaply) and records the same feedback, so a caller may skip the
 * fast path (the results and feedback are the same).
 *
 * Operands are values the caller has rooted (frame slots). Results are written through `out`
 * pointers (usually frame slots) only once the instruction can no longer fail, which compiled code's
 * exception exits rely on (compiler/jit_rt.h, "frame operands"). Functions that may run Python code
 * expect the caller to have saved its frame's pc (the interpreter's SAVE_PC; compiled code sets f->pc
 * before a CALL_RT). */
#ifndef KRAIT_INTERP_OPS_H
#define KRAIT_INTERP_OPS_H

#include "code.h"
#include "dict.h"
#include "floatobj.h"
#include "instance.h"
#include "kr.h"
#include "list.h"
#include "tuple.h"

/* The fast paths are forced inline: run() is one huge function, and at -O2 gcc otherwise keeps the
 * larger ones (the small-int operator switch) out of line, a call on the interpreter's hottest path. */
#define KR_INTERP_OP_FAST static inline __attribute__((always_inline))

/* ---- interrupts -------------------------------------------------------------------------------------- */

/* A pending interrupt (vm->interrupt: krait_interrupt, or a signal with a Python handler): taken out of
 * line (kr_vm_take_interrupt runs the signal handlers, raises KeyboardInterrupt); true when that
 * raised. The interpreter's back-edges and calls and compiled code's polls all check it here. */
KR_INTERP_OP_FAST bool kr_interp_op_take_interrupt(kr_vm *vm)
{
    if (!atomic_load_explicit(&vm->interrupt, memory_order_relaxed))
        return false;
    return kr_vm_take_interrupt(vm);
}

/* ---- attribute inline caches (vm/instance.h describes the guards) -------------------------------- */

/* A KR_FB_ATTR_CLASS_VALUE entry (cls, version, value) applied to obj, whose type is the entry's
 * metatype (so obj is a class object, a heap pointer). */
KR_INTERP_OP_FAST bool kr_interp_op_class_value_hit(const void *cls, uint32_t version, kr_value value, kr_value obj,
                                                    kr_value *out)
{
    if ((const void *)KR_OBJ(obj) != cls || ((const kr_type *)cls)->version != version)
        return false;
    *out = value;
    return true;
}

/* One load entry (a single-entry site's or a polymorphic site's) applied to obj of type t. */
KR_INTERP_OP_FAST bool kr_interp_op_load_entry_hit(const kr_fb_attr_entry *x, kr_value obj, const kr_type *t,
                                                   kr_value *out)
{
    if (x->type == t && x->kind == KR_FB_ATTR_CLASS_VALUE)
        return kr_interp_op_class_value_hit(x->shape, x->version, x->value, obj, out);
    if (x->type != t || x->version != t->version)
        return false;
    if (x->kind == KR_FB_ATTR_SHAPE_SLOT && (void *)kr_instance_shape(obj) == x->shape) {
        *out = kr_instance_slots(obj)[x->index];
        return true;
    }
    if (x->kind == KR_FB_ATTR_TYPE_VALUE && (void *)kr_instance_shape(obj) == x->shape) {
        *out = x->value;
        return true;
    }
    if (x->kind == KR_FB_ATTR_MEMBER_SLOT) {
        kr_value v = *(kr_value *)((char *)KR_OBJ(obj) + x->index);
        if (!v)
            return false;
        *out = v;
        return true;
    }
    return false;
}
/* A polymorphic site's entries (KR_FB_ATTR_POLY) for LOAD_ATTR (method false) or LOAD_METHOD. */
bool kr_interp_op_poly_hit(const kr_fb *e, kr_value obj, const kr_type *t, kr_value *out, bool method);

/* A KR_FB_ATTR_MODULE entry applied to obj of type t (== the entry's type: a module): the global's
 * current value while the module's dict and its keys are those cached. */
KR_INTERP_OP_FAST bool kr_interp_op_module_hit(const kr_fb *e, kr_value obj, kr_value *out)
{
    kr_value d = KR_AS(kr_module, obj)->dict;
    if (KR_OBJ(d) != (kr_object *)e->attr.shape || kr_dict_keys_version(d) != (uint64_t)kr_small_val(e->attr.value))
        return false;
    *out = *(const kr_value *)(uintptr_t)e->attr.index;
    return true;
}

/* LOAD_ATTR's cache hit: obj's attribute from the cached slot, __slots__ member, class value or
 * module global (t = obj's type). */
KR_INTERP_OP_FAST bool kr_interp_op_load_attr_hit(const kr_fb *e, kr_value obj, const kr_type *t, kr_value *out)
{
    if (e->attr.kind == KR_FB_ATTR_POLY)
        return kr_interp_op_poly_hit(e, obj, t, out, false);
    if (e->attr.kind == KR_FB_ATTR_CLASS_VALUE)
        return e->attr.type == t && kr_interp_op_class_value_hit(e->attr.shape, e->attr.version, e->attr.value, obj, out);
    if (e->attr.type == t && e->attr.kind == KR_FB_ATTR_MODULE)
        return kr_interp_op_module_hit(e, obj, out);
    if (e->attr.type == t && e->attr.version == t->version) {
        if (e->attr.kind == KR_FB_ATTR_SHAPE_SLOT && (void *)kr_instance_shape(obj) == e->attr.shape) {
            *out = kr_instance_slots(obj)[e->attr.index];
            return true;
        }
        if (e->attr.kind == KR_FB_ATTR_TYPE_VALUE && (void *)kr_instance_shape(obj) == e->attr.shape) {
            *out = e->attr.value;
            return true;
        }
        if (e->attr.kind == KR_FB_ATTR_MEMBER_SLOT) {
            kr_value v = *(kr_value *)((char *)KR_OBJ(obj) + e->attr.index);
            if (!v)
                return false; /* unset member: the miss raises the exact AttributeError */
            *out = v;
            return true;
        }
    }
    return false;
}
/* The miss: kr_getattr(obj, name), then the cache filled when the attribute is cacheable. */
/* The write barrier of a feedback entry just filled: entries live in their code object's fb array and
 * hold types, shapes, dicts and callees (code_trace marks them), which may be young. The code is the
 * running frame's, whose feedback the interpreter and compiled code's runtime fill. */
void kr_interp_fb_barrier(kr_vm *vm, const kr_fb *e);
kr_value kr_interp_op_load_attr_miss(kr_vm *vm, kr_fb *e, kr_value obj, kr_type *t, kr_value name);

/* STORE_ATTR's cache hits: an existing slot, a __slots__ member, or adding the attribute along the
 * cached shape transition. true when v is stored. (The miss tries the rest first, out of line: a
 * polymorphic site's entries, and the transition into a full buffer, grown.) */
KR_INTERP_OP_FAST bool kr_interp_op_store_attr_hit(kr_vm *vm, const kr_fb *e, kr_value obj, const kr_type *t, kr_value v)
{
    if (e->attr.type != t || e->attr.version != t->version)
        return false;
    if (e->attr.kind == KR_FB_ATTR_MEMBER_SLOT) {
        /* a member descriptor takes precedence over any instance attribute: no shape to check */
        *(kr_value *)((char *)KR_OBJ(obj) + e->attr.index) = v;
        kr_gc_barrier(vm, KR_OBJ(obj), v);
        return true;
    }
    if ((void *)kr_instance_shape(obj) == e->attr.shape) {
        if (e->attr.kind == KR_FB_ATTR_SHAPE_SLOT) {
            kr_instance_slots(obj)[e->attr.index] = v;
            kr_gc_barrier(vm, KR_OBJ(obj), v);
            return true;
        }
        if (e->attr.kind == KR_FB_ATTR_SHAPE_ADD && kr_instance_capacity(obj) > (uint32_t)e->attr.index) {
            kr_instance_slots(obj)[e->attr.index] = v;
            KR_AS(kr_instance, obj)->shape = (kr_shape *)KR_OBJ(e->attr.value);
            kr_gc_barrier(vm, KR_OBJ(obj), v);
            kr_gc_barrier(vm, KR_OBJ(obj), e->attr.value);
            return true;
        }
    }
    return false;
}
/* The miss: kr_setattr(obj, name, v), then the cache filled (slot or shape transition). 0 or -1. */
int kr_interp_op_store_attr_miss(kr_vm *vm, kr_fb *e, kr_value obj, kr_type *t, kr_value name, kr_value v);

/* LOAD_METHOD's cache hit: out[0], out[1] = (the cached function, obj). */
KR_INTERP_OP_FAST bool kr_interp_op_load_method_hit(const kr_fb *e, kr_value obj, const kr_type *t, kr_value *out)
{
    if (e->attr.type == t && e->attr.kind == KR_FB_ATTR_MODULE) {
        if (!kr_interp_op_module_hit(e, obj, out))
            return false;
        out[1] = KR_NULL; /* a module's function is called without self */
        return true;
    }
    if (e->attr.type == t && e->attr.version == t->version && e->attr.kind == KR_FB_ATTR_METHOD &&
        (!e->attr.shape || (void *)kr_instance_shape(obj) == e->attr.shape)) {
        out[0] = e->attr.value;
        out[1] = obj;
        return true;
    }
    if (e->attr.kind == KR_FB_ATTR_POLY)
        return kr_interp_op_poly_hit(e, obj, t, out, true);
    if (e->attr.kind == KR_FB_ATTR_CLASS_VALUE && e->attr.type == t &&
        kr_interp_op_class_value_hit(e->attr.shape, e->attr.version, e->attr.value, obj, out)) {
        out[1] = KR_NULL; /* an attribute of the class, called without self */
        return true;
    }
    return false;
}
/* The miss: out[0], out[1] = (function, obj) for the two cacheable cases (filling the cache) and for
 * a bound method of obj that kr_getattr returns, else (attribute, KR_NULL). 0 or -1 (out untouched). */
int kr_interp_op_load_method_miss(kr_vm *vm, kr_fb *e, kr_value obj, kr_type *t, kr_value name, kr_value *out);

/* ---- exception handlers ------------------------------------------------------------------------------ */

/* PUSH_EXC_INFO: *saved = the exception being handled (None when there is none); exc becomes it. */
KR_INTERP_OP_FAST void kr_interp_op_push_exc_info(kr_vm *vm, kr_value *saved, kr_value exc)
{
    kr_value h = vm->handled_exc;
    *saved = h ? h : KR_NONE;
    vm->handled_exc = exc;
}
/* POP_EXCEPT: the exception PUSH_EXC_INFO saved is handled again (none for None / unbound). */
KR_INTERP_OP_FAST void kr_interp_op_pop_except(kr_vm *vm, kr_value saved)
{
    vm->handled_exc = (saved == KR_NONE || saved == KR_UNBOUND) ? KR_NULL : saved;
}
/* CHECK_EXC_MATCH: does the exception ev match cls (a class or a tuple of classes), as CPython's
 * PyErr_GivenExceptionMatches: a subtype test of ev's type, no __instancecheck__. 1 or 0; -1 with
 * TypeError when some class does not derive from BaseException. */
int kr_interp_op_check_exc_match(kr_vm *vm, kr_value ev, kr_value cls);

/* ---- BINARY_OP / COMPARE_OP ------------------------------------------------------------------------ */

KR_INTERP_OP_FAST bool kr_interp_op_both_floats(kr_vm *vm, kr_value a, kr_value b)
{
    return kr_is_ptr(a) && kr_is_ptr(b) && KR_OBJ(a)->type == vm->t.float_ && KR_OBJ(b)->type == vm->t.float_;
}

/* BINARY_OP operator op (X & 0x7f) on two small ints: records SMALLINT for both operands; true with
 * the small-int result in *out, false when it is not a small int (overflow, zero divisor, negative or
 * large shift) or the operator is not computed here. */
KR_INTERP_OP_FAST bool kr_interp_op_binary_small(kr_fb *e, unsigned op, kr_value a, kr_value b, kr_value *out)
{
    int64_t r;
    e->types.lhs |= KR_FB_SMALLINT;
    e->types.rhs |= KR_FB_SMALLINT;
    switch (op) {
    case KR_OP_ADD: /* tagged: (2x+1) + (2y+1) - 1 = 2(x+y)+1 */
        if (__builtin_add_overflow((int64_t)a, (int64_t)b - 1, &r))
            return false;
        *out = (kr_value)r;
        return true;
    case KR_OP_SUB:
        if (__builtin_sub_overflow((int64_t)a, (int64_t)b - 1, &r))
            return false;
        *out = (kr_value)r;
        return true;
    case KR_OP_MUL:
        if (__builtin_mul_overflow(kr_small_val(a), kr_small_val(b), &r) || !kr_fits_small(r))
            return false;
        *out = kr_small(r);
        return true;
    case KR_OP_FLOORDIV:
    case KR_OP_MOD: {
        int64_t x = kr_small_val(a), y = kr_small_val(b);
        if (y == 0)
            return false;
        int64_t q = x / y, md = x % y;
        if (md != 0 && ((md < 0) != (y < 0))) {
            q--;
            md += y;
        }
        r = op == KR_OP_FLOORDIV ? q : md;
        if (!kr_fits_small(r))
            return false;
        *out = kr_small(r);
        return true;
    }
    case KR_OP_AND: *out = a & b; return true;
    case KR_OP_OR: *out = a | b; return true;
    case KR_OP_XOR: *out = (a ^ b) | 1; return true;
    case KR_OP_RSHIFT: {
        int64_t y = kr_small_val(b);
        if (y < 0)
            return false;
        *out = kr_small(kr_small_val(a) >> (y > 63 ? 63 : y));
        return true;
    }
    case KR_OP_LSHIFT: {
        int64_t x = kr_small_val(a), y = kr_small_val(b);
        if (y < 0 || y >= 62)
            return false;
        r = (int64_t)((uint64_t)x << y);
        if ((r >> y) != x || !kr_fits_small(r))
            return false;
        *out = kr_small(r);
        return true;
    }
    default:
        return false;
    }
}

/* x op y on doubles for + - *, / by non-zero and ** where it does not raise (kr_float_pow_raw) into
 * *out (true); false for the rest, and the errors, which are kr_binary_op's. */
KR_INTERP_OP_FAST bool kr_interp_op_float_arith(unsigned op, double x, double y, double *out)
{
    switch (op) {
    case KR_OP_ADD: *out = x + y; return true;
    case KR_OP_SUB: *out = x - y; return true;
    case KR_OP_MUL: *out = x * y; return true;
    case KR_OP_TRUEDIV:
        if (y == 0.0)
            return false;
        *out = x / y;
        return true;
    case KR_OP_POW:
        return kr_float_pow_raw(x, y, out) == KR_FLOAT_POW_OK;
    default:
        return false;
    }
}

/* BINARY_OP operator op on two exact floats (kr_interp_op_both_floats): records FLOAT for both
 * operands; true with x op y in *out as kr_interp_op_float_arith computes it, else false. */
KR_INTERP_OP_FAST bool kr_interp_op_binary_float(kr_fb *e, unsigned op, double x, double y, double *out)
{
    e->types.lhs |= KR_FB_FLOAT;
    e->types.rhs |= KR_FB_FLOAT;
    return kr_interp_op_float_arith(op, x, y, out);
}

/* BINARY_OP (x = the instruction's X: operator | KR_BINOP_INPLACE) where the fast paths above did not
 * give the result: records the operand types (OVERFLOWED when both are small ints), then
 * kr_binary_op / kr_inplace_op and the result type. Given operands the fast paths handle it computes
 * their result (with their feedback). */
kr_value kr_interp_op_binary_slow(kr_vm *vm, kr_fb *e, unsigned x, kr_value a, kr_value b);

/* COMPARE_OP op on two small ints (tagging preserves their order) or two exact floats (NaN: false
 * but !=): records the operand types; true with the bool in *out, false for other operands. */
KR_INTERP_OP_FAST bool kr_interp_op_compare_fast(kr_vm *vm, kr_fb *e, unsigned op, kr_value a, kr_value b, kr_value *out)
{
    bool r;
    if (kr_is_small(a) && kr_is_small(b)) {
        e->types.lhs |= KR_FB_SMALLINT;
        e->types.rhs |= KR_FB_SMALLINT;
        int64_t x = (int64_t)a, y = (int64_t)b;
        switch (op) {
        case KR_CMP_LT: r = x < y; break;
        case KR_CMP_LE: r = x <= y; break;
        case KR_CMP_EQ: r = x == y; break;
        case KR_CMP_NE: r = x != y; break;
        case KR_CMP_GT: r = x > y; break;
        default: r = x >= y; break;
        }
    } else if (kr_interp_op_both_floats(vm, a, b)) {
        e->types.lhs |= KR_FB_FLOAT;
        e->types.rhs |= KR_FB_FLOAT;
        double x = kr_float_value(a), y = kr_float_value(b);
        switch (op) {
        case KR_CMP_LT: r = x < y; break;
        case KR_CMP_LE: r = x <= y; break;
        case KR_CMP_EQ: r = x == y; break;
        case KR_CMP_NE: r = x != y; break;
        case KR_CMP_GT: r = x > y; break;
        default: r = x >= y; break;
        }
    } else {
        return false;
    }
    *out = kr_bool(r);
    return true;
}
/* COMPARE_OP for other operands: records their types, then kr_richcompare. */
kr_value kr_interp_op_compare_slow(kr_vm *vm, kr_fb *e, unsigned op, kr_value a, kr_value b);

/* ---- GET_ITEM / SET_ITEM --------------------------------------------------------------------------- */

/* o[k] for an exact list or tuple and an in-range small-int index: records LIST or TUPLE and SMALLINT. */
KR_INTERP_OP_FAST bool kr_interp_op_getitem_fast(kr_vm *vm, kr_fb *e, kr_value o, kr_value k, kr_value *out)
{
    if (!kr_is_small(k) || !kr_is_ptr(o))
        return false;
    kr_type *t = KR_OBJ(o)->type;
    int64_t i = kr_small_val(k);
    if (t == vm->t.list) {
        int64_t n = kr_list_size(o);
        if (i < 0)
            i += n;
        if (i >= 0 && i < n) {
            e->types.lhs |= KR_FB_LIST;
            e->types.rhs |= KR_FB_SMALLINT;
            *out = kr_list_items(o)[i];
            return true;
        }
    } else if (t == vm->t.tuple) {
        int64_t n = kr_tuple_size(o);
        if (i < 0)
            i += n;
        if (i >= 0 && i < n) {
            e->types.lhs |= KR_FB_TUPLE;
            e->types.rhs |= KR_FB_SMALLINT;
            *out = kr_tuple_items(o)[i];
            return true;
        }
    }
    return false;
}
/* GET_ITEM otherwise: records the operand types, then kr_getitem. */
kr_value kr_interp_op_getitem_slow(kr_vm *vm, kr_fb *e, kr_value o, kr_value k);

/* o[k] = v for an exact list and an in-range small-int index: records LIST and SMALLINT. */
KR_INTERP_OP_FAST bool kr_interp_op_setitem_fast(kr_vm *vm, kr_fb *e, kr_value o, kr_value k, kr_value v)
{
    if (!kr_is_small(k) || !kr_is_ptr(o) || KR_OBJ(o)->type != vm->t.list)
        return false;
    int64_t i = kr_small_val(k), n = kr_list_size(o);
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return false;
    e->types.lhs |= KR_FB_LIST;
    e->types.rhs |= KR_FB_SMALLINT;
    kr_list_items(o)[i] = v;
    kr_gc_barrier(vm, KR_OBJ(o), v);
    return true;
}
/* SET_ITEM otherwise: records the operand types, then kr_setitem. 0 or -1. */
int kr_interp_op_setitem_slow(kr_vm *vm, kr_fb *e, kr_value o, kr_value k, kr_value v);

/* GET_ITEM / SET_ITEM whose key is the slice a BUILD_SLICE just made of bounds[0..2] (start, stop,
 * step: None when absent), given the bounds instead: the same result, exceptions and feedback (the
 * key recorded as OTHER), without the slice object for an exact list, tuple or str (GET) or an exact
 * list (SET); other containers get a slice made here. bounds must be rooted (frame slots). */
kr_value kr_interp_op_getitem_slice(kr_vm *vm, kr_fb *e, kr_value o, const kr_value *bounds);
int kr_interp_op_setitem_slice(kr_vm *vm, kr_fb *e, kr_value o, const kr_value *bounds, kr_value v);

/* ---- iteration ------------------------------------------------------------------------------------- */

/* GET_ITER (x = the instruction's X) of o into state[0..2]: the counted range-loop state (start, stop,
 * step as small ints) unless X says KR_ITER_PLAIN, else (iter(o), None, None); records the feedback
 * the JIT reads to compile the following FOR_ITER as a counted loop. 0 or -1 (state untouched). */
int kr_interp_op_get_iter(kr_vm *vm, kr_fb *e, unsigned x, kr_value o, kr_value *state);

enum { KR_INTERP_OP_ITER_GENERIC = 2 }; /* kr_interp_op_for_iter_fast: not a state it steps */

/* FOR_ITER's step over a counted range state (state[0] a small int): true with the next item in *item
 * (the state advanced), false when exhausted. */
KR_INTERP_OP_FAST bool kr_interp_op_for_iter_range(kr_value *state, kr_value *item)
{
    kr_value it = state[0];
    int64_t cur = (int64_t)it, stop = (int64_t)state[1], step = (int64_t)state[2] - 1; /* step tagged*2 */
    if (!(step > 0 ? cur < stop : cur > stop))
        return false;
    *item = it;
    int64_t nx;
    if (__builtin_add_overflow(cur, step, &nx))
        nx = stop; /* the next test ends the loop */
    state[0] = (kr_value)nx;
    return true;
}

/* FOR_ITER's step over the list iterator li: true with the next item in *item, false when exhausted
 * (the iterator then drops its list, as kr_next does). */
KR_INTERP_OP_FAST bool kr_interp_op_for_iter_list(kr_list_iter *li, kr_value *item)
{
    if (li->seq && li->index < kr_list_size(li->seq)) {
        *item = kr_list_items(li->seq)[li->index++];
        return true;
    }
    li->seq = KR_NULL;
    return false;
}

/* FOR_ITER's step over the state GET_ITER left in state[0..2] when it is a counted range or a list
 * iterator: 1 with the next item in *item (the counted state advanced), 0 when exhausted, else
 * KR_INTERP_OP_ITER_GENERIC (call kr_interp_op_for_iter_next on state[0]). run() calls the two steps
 * above itself so that each outcome has its own dispatch (see L_FOR_ITER). */
KR_INTERP_OP_FAST int kr_interp_op_for_iter_fast(kr_vm *vm, kr_value *state, kr_value *item)
{
    kr_value it = state[0];
    if (kr_is_small(it))
        return kr_interp_op_for_iter_range(state, item);
    if (kr_type_of(vm, it) == vm->t.list_iter)
        return kr_interp_op_for_iter_list(KR_AS(kr_list_iter, it), item);
    return KR_INTERP_OP_ITER_GENERIC;
}
/* FOR_ITER's step over any other iterator: 1 with kr_next(it) in *item, 0 when exhausted (an iterator
 * may also end by raising StopIteration, which is cleared, as in CPython), -1 with another exception. */
int kr_interp_op_for_iter_next(kr_vm *vm, kr_value it, kr_value *item);

/* FOR_ITER (state[0..2], item slot *item) whose item the next instruction, UNPACK_SEQUENCE of n
 * values into out[0..n), unpacks, its item slot dead afterwards: for an exact zip of n iterables, an
 * exact enumerate or a dict items iterator (n == 2) the values go straight to out, without the tuple, and *item = KR_NULL tells
 * the UNPACK (kr_interp_op_unpack_iterated) that they are there; any other state takes the plain
 * FOR_ITER step into *item. 1 / 0 / -1 as FOR_ITER. out must not overlap state[0..2] or *item; the
 * out slots may be written before an error (they are dead until the UNPACK). */
int kr_interp_op_for_iter_unpack(kr_vm *vm, kr_value *state, kr_value *item, kr_value *out, int n);

/* ---- unpacking, building, formatting, functions ---------------------------------------------------- */

/* UNPACK_SEQUENCE (star false: exactly `before` items, `after` 0) and UNPACK_EX (before items, a list
 * of the rest, after items) of the iterable seq into out, with CPython's ValueError / TypeError
 * messages. 0 or -1 (out untouched). */
int kr_interp_op_unpack(kr_vm *vm, kr_value seq, kr_value *out, int before, int after, bool star);
/* UNPACK_SEQUENCE of n values after a FOR_ITER made by kr_interp_op_for_iter_unpack: nothing to do
 * when that put the values in place (seq is KR_NULL), else kr_interp_op_unpack. */
int kr_interp_op_unpack_iterated(kr_vm *vm, kr_value seq, kr_value *out, int n);

/* BUILD_TUPLE of n items (the shared empty tuple when n is 0). */
kr_value kr_interp_op_build_tuple(kr_vm *vm, const kr_value *items, uint32_t n);
/* BUILD_STRING: the concatenation of the n exact str objects parts[0..n-1]. */
kr_value kr_interp_op_build_string(kr_vm *vm, const kr_value *parts, uint32_t n);
/* FORMAT_VALUE (x = the instruction's X): format(conv(v), spec) where conv is X & 3 (none, str, repr,
 * ascii) and spec is KR_NULL without KR_FMT_HAS_SPEC; an exact str without a spec is its own result. */
kr_value kr_interp_op_format_value(kr_vm *vm, kr_value v, unsigned x, kr_value spec);
/* MAKE_FUNCTION (x = the instruction's X): a function of code in globals with the defaults /
 * kwdefaults / annotations / closure that X names taken from extras[0..] in that order. */
kr_value kr_interp_op_make_function(kr_vm *vm, kr_value code, kr_value globals, unsigned x, const kr_value *extras);

#endif
