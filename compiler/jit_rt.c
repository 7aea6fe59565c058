/* jit_rt.c: the runtime functions compiled code calls (compiler/jit_rt.h): leaving compiled code
 * through an exit, polling at loop back-edges, truthiness and float boxing, and the CALL_RT table. */
#include "compiler/jit.h"

#include <stdatomic.h>
#include <string.h>

#include "vm/code.h"
#include "vm/dict.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/kr.h"
#include "vm/list.h"
#include "vm/range.h"
#include "vm/str.h"
#include "vm/tuple.h"
#include "vm/type.h"

/* Writes the exit's dirty slots back and hands the frame to the interpreter. Boxing a double
 * allocates but never collects (collection happens only at safepoints), so the registers' values
 * copied into `regs` stay valid while we write them. */
kr_value kr_jit_rt_exit(kr_vm *vm, kr_frame *f, const kr_jit_exit *exit, const kr_jit_regs *regs,
                        const uint64_t *spills)
{
    for (uint32_t i = 0; i < exit->nvalues; i++) {
        const kr_jit_exit_value *v = &exit->values[i];
        uint64_t bits;
        switch (v->kind) {
        case KR_JIT_LOC_REG:
            bits = v->index < 16 ? regs->gp[v->index] : regs->xmm[v->index - 16];
            break;
        case KR_JIT_LOC_STACK:
            bits = spills[v->index];
            break;
        default:
            bits = (uint64_t)v->imm;
            break;
        }
        kr_value value = (kr_value)bits;
        if (v->rep == KR_HIR_DOUBLE) {
            double d;
            memcpy(&d, &bits, sizeof d);
            value = kr_float_new(vm, d);
            if (!value)
                value = KR_NONE; /* MemoryError is pending: it is raised at exit->pc */
        }
        f->slots[v->slot] = value;
    }
    if (vm->frame != f) {
        /* A stepped call pushed its callee and left (deep C stack): f->pc is already after the call,
         * and the interpreter continues with the callee. Not a deopt of this code. */
        return KR_NULL;
    }
    f->pc = f->code->insns + exit->pc;
    if (vm->exc)
        kr_jit_note_exception_exit(vm);
    else
        kr_jit_note_deopt(vm, f->code, exit);
    return KR_NULL;
}

int kr_jit_rt_poll(kr_vm *vm)
{
    if (atomic_load_explicit(&vm->interrupt, memory_order_relaxed)) {
        atomic_store(&vm->interrupt, 0);
        kr_raise_value(vm, KR_VAL(KR_EXC(vm, KeyboardInterrupt)));
        return -1;
    }
    kr_gc_safepoint(vm);
    return 0;
}

int kr_jit_rt_truthy(kr_vm *vm, kr_value v) { return kr_truthy(vm, v); }

kr_value kr_jit_rt_box_float(kr_vm *vm, double d) { return kr_float_new(vm, d); }

/* ---- CALL_RT (jit_rt.h) ------------------------------------------------------------------------ */

/* Function pointers are stored as void (*)(void) and converted back to their own type by the back end
 * before the call (a conversion between function pointer types that is undone is well defined). */
const kr_jit_rt_info kr_jit_rt_table[KR_JIT_RT_COUNT] = {
#define KR_JIT_RT_ENTRY(name, fn, sig, kind, doc) {#name, (void (*)(void))fn, sig, kind},
    KR_JIT_RT_FNS(KR_JIT_RT_ENTRY)
#undef KR_JIT_RT_ENTRY
};

int kr_jit_rt_nvalues(enum kr_jit_rt_fn fn)
{
    int n = 0;
    for (const char *p = kr_jit_rt_table[fn].sig; *p; p++)
        n += *p == 'v';
    return n;
}

/* The feedback entry of the two-word instruction at ip, in the running frame's code. */
static kr_fb *fb_at(kr_vm *vm, const kr_insn *ip) { return &vm->frame->code->fb[KR_CACHE_FB(ip[1])]; }

static kr_value name_at(kr_vm *vm, uint32_t i) { return kr_tuple_items(vm->frame->code->names)[i]; }

/* BINARY_OP as the interpreter runs it (vm/interp.c L_BINARY_OP), with its feedback: the operand types,
 * OVERFLOWED when two small ints did not give a small int (the interpreter's fast path failed: an
 * overflow, a zero divisor, a bad shift, or an operator it does not inline), and the result type of the
 * generic path. kr_binary_op computes what the interpreter's fast paths compute. */
kr_value kr_jit_rt_binary_op(kr_vm *vm, kr_value a, kr_value b, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    unsigned x = KR_INSN_X(ip[0]), op = x & 0x7f;
    /* the interpreter's cheapest fast paths (a site left generic often still sees ints or floats, e.g.
     * one recompiled after both): the same results, the same feedback, without kr_binary_op's dispatch */
    if (kr_is_small(a) && kr_is_small(b)) {
        int64_t r;
        bool ok = false;
        switch (op) {
        case KR_OP_ADD: ok = !__builtin_add_overflow((int64_t)a, (int64_t)b - 1, &r); break;
        case KR_OP_SUB: ok = !__builtin_sub_overflow((int64_t)a, (int64_t)b - 1, &r); break;
        case KR_OP_AND: r = (int64_t)(a & b); ok = true; break;
        case KR_OP_OR: r = (int64_t)(a | b); ok = true; break;
        case KR_OP_XOR: r = (int64_t)((a ^ b) | 1); ok = true; break;
        default: break;
        }
        if (ok) {
            e->types.lhs |= KR_FB_SMALLINT;
            e->types.rhs |= KR_FB_SMALLINT;
            return (kr_value)r;
        }
    } else if (kr_is_ptr(a) && kr_is_ptr(b) && KR_OBJ(a)->type == vm->t.float_ && KR_OBJ(b)->type == vm->t.float_ &&
               (op == KR_OP_ADD || op == KR_OP_SUB || op == KR_OP_MUL ||
                (op == KR_OP_TRUEDIV && kr_float_value(b) != 0.0))) {
        double p = kr_float_value(a), q = kr_float_value(b);
        e->types.lhs |= KR_FB_FLOAT;
        e->types.rhs |= KR_FB_FLOAT;
        return kr_float_new(vm, op == KR_OP_ADD ? p + q : op == KR_OP_SUB ? p - q : op == KR_OP_MUL ? p * q : p / q);
    }
    e->types.lhs |= (uint8_t)kr_code_type_bits(vm, a);
    e->types.rhs |= (uint8_t)kr_code_type_bits(vm, b);
    kr_value v = (x & KR_BINOP_INPLACE) ? kr_inplace_op(vm, (int)op, a, b) : kr_binary_op(vm, (int)op, a, b);
    if (!v)
        return KR_NULL;
    if (kr_is_small(a) && kr_is_small(b) && !kr_is_small(v))
        e->types.extra |= KR_FB_OVERFLOWED;
    e->types.result |= (uint8_t)kr_code_type_bits(vm, v);
    return v;
}

/* COMPARE_OP as the interpreter runs it: small-int and float fast paths, else kr_richcompare. */
kr_value kr_jit_rt_compare_op(kr_vm *vm, kr_value a, kr_value b, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    unsigned op = KR_INSN_X(ip[0]);
    bool ints = kr_is_small(a) && kr_is_small(b);
    if (ints || (kr_is_ptr(a) && kr_is_ptr(b) && KR_OBJ(a)->type == vm->t.float_ && KR_OBJ(b)->type == vm->t.float_)) {
        /* the interpreter's fast paths (tagging preserves the order of small ints; NaN: false but !=) */
        double x = ints ? 0 : kr_float_value(a), y = ints ? 0 : kr_float_value(b);
        int64_t i = (int64_t)a, j = (int64_t)b;
        bool r;
        switch (op) {
        case KR_CMP_LT: r = ints ? i < j : x < y; break;
        case KR_CMP_LE: r = ints ? i <= j : x <= y; break;
        case KR_CMP_EQ: r = ints ? i == j : x == y; break;
        case KR_CMP_NE: r = ints ? i != j : x != y; break;
        case KR_CMP_GT: r = ints ? i > j : x > y; break;
        default: r = ints ? i >= j : x >= y; break;
        }
        e->types.lhs |= ints ? KR_FB_SMALLINT : KR_FB_FLOAT;
        e->types.rhs |= ints ? KR_FB_SMALLINT : KR_FB_FLOAT;
        return kr_bool(r);
    }
    e->types.lhs |= (uint8_t)kr_code_type_bits(vm, a);
    e->types.rhs |= (uint8_t)kr_code_type_bits(vm, b);
    return kr_richcompare(vm, a, b, (int)op);
}

/* GET_ITEM as the interpreter runs it: the list / tuple small-int index paths (they record only
 * LIST|TUPLE and SMALLINT), else the types and kr_getitem. */
kr_value kr_jit_rt_getitem(kr_vm *vm, kr_value o, kr_value k, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    if (kr_is_small(k) && kr_is_ptr(o)) {
        kr_type *t = KR_OBJ(o)->type;
        int64_t i = kr_small_val(k);
        if (t == vm->t.list || t == vm->t.tuple) {
            bool list = t == vm->t.list;
            int64_t n = list ? kr_list_size(o) : kr_tuple_size(o);
            if (i < 0)
                i += n;
            if (i >= 0 && i < n) {
                e->types.lhs |= list ? KR_FB_LIST : KR_FB_TUPLE;
                e->types.rhs |= KR_FB_SMALLINT;
                return list ? kr_list_items(o)[i] : kr_tuple_items(o)[i];
            }
        }
    }
    e->types.lhs |= (uint8_t)kr_code_type_bits(vm, o);
    e->types.rhs |= (uint8_t)kr_code_type_bits(vm, k);
    return kr_getitem(vm, o, k);
}

/* SET_ITEM as the interpreter runs it (the list small-int index path, else kr_setitem). */
int kr_jit_rt_setitem(kr_vm *vm, kr_value o, kr_value k, kr_value v, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    if (kr_is_small(k) && kr_is_ptr(o) && KR_OBJ(o)->type == vm->t.list) {
        int64_t i = kr_small_val(k), n = kr_list_size(o);
        if (i < 0)
            i += n;
        if (i >= 0 && i < n) {
            e->types.lhs |= KR_FB_LIST;
            e->types.rhs |= KR_FB_SMALLINT;
            kr_list_items(o)[i] = v;
            kr_gc_barrier(vm, KR_OBJ(o), v);
            return 0;
        }
    }
    e->types.lhs |= (uint8_t)kr_code_type_bits(vm, o);
    e->types.rhs |= (uint8_t)kr_code_type_bits(vm, k);
    return kr_setitem(vm, o, k, v);
}

/* LOAD_ATTR: the interpreter's cache hit (vm/interp.c L_LOAD_ATTR, the same checks), else kr_getattr.
 * The cache is not refilled here (the interpreter's fill needs its private helpers): a compiled
 * generic site keeps whatever the interpreter cached, and deopts / interpreted runs refill it. */
kr_value kr_jit_rt_load_attr(kr_vm *vm, kr_value obj, const kr_insn *ip)
{
    const kr_fb *e = fb_at(vm, ip);
    kr_type *t = kr_type_of(vm, obj);
    if (e->attr.type == t && e->attr.version == t->version) {
        if (e->attr.kind == KR_FB_ATTR_SHAPE_SLOT && (void *)kr_instance_shape(obj) == e->attr.shape)
            return kr_instance_slots(obj)[e->attr.index];
        if (e->attr.kind == KR_FB_ATTR_TYPE_VALUE && (void *)kr_instance_shape(obj) == e->attr.shape)
            return e->attr.value;
    }
    return kr_getattr(vm, obj, name_at(vm, KR_INSN_C(ip[0])));
}

/* STORE_ATTR: the interpreter's cache hits (vm/interp.c L_STORE_ATTR: an existing slot, or adding the
 * attribute along the cached shape transition), else kr_setattr; no refill, as for LOAD_ATTR. */
int kr_jit_rt_store_attr(kr_vm *vm, kr_value obj, kr_value v, const kr_insn *ip)
{
    const kr_fb *e = fb_at(vm, ip);
    kr_type *t = kr_type_of(vm, obj);
    if (e->attr.type == t && e->attr.version == t->version && (void *)kr_instance_shape(obj) == e->attr.shape) {
        if (e->attr.kind == KR_FB_ATTR_SHAPE_SLOT) {
            kr_instance_slots(obj)[e->attr.index] = v;
            kr_gc_barrier(vm, KR_OBJ(obj), v);
            return 0;
        }
        if (e->attr.kind == KR_FB_ATTR_SHAPE_ADD && kr_instance_capacity(obj) > (uint32_t)e->attr.index) {
            kr_instance_slots(obj)[e->attr.index] = v;
            KR_AS(kr_instance, obj)->shape = (kr_shape *)KR_OBJ(e->attr.value);
            kr_gc_barrier(vm, KR_OBJ(obj), v);
            kr_gc_barrier(vm, KR_OBJ(obj), e->attr.value);
            return 0;
        }
    }
    return kr_setattr(vm, obj, name_at(vm, KR_INSN_B(ip[0])), v);
}

/* LOAD_DEREF (vm/interp.c): an empty cell returns KR_NULL with no exception pending, so compiled code
 * deopts to the instruction and the interpreter raises the error naming the variable. */
kr_value kr_jit_rt_load_deref(kr_vm *vm, kr_value cell)
{
    (void)vm;
    kr_value v = KR_AS(kr_cell, cell)->contents;
    return v == KR_UNBOUND ? KR_NULL : v;
}

int kr_jit_rt_store_deref(kr_vm *vm, kr_value cell, kr_value v)
{
    kr_cell_set(vm, cell, v);
    return 0;
}

/* ---- instructions on frame memory (jit_rt.h: "frame operands") -----------------------------------
 * Each reproduces its vm/interp.c case on vm->frame's slots (compiled code runs with vm->frame == f),
 * after the builder stored every slot the instruction reads. They write nothing before the instruction
 * can no longer fail, as the interpreter: an exception exit's dirty values stay right. */

static kr_value *frame_slots(kr_vm *vm) { return vm->frame->slots; }

/* GET_ITER (L_GET_ITER): the counted range-loop state or a real iterator in s[A..A+2], with the
 * feedback the builder reads to compile the following FOR_ITER as a counted loop. */
int kr_jit_rt_get_iter(kr_vm *vm, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    kr_value *s = frame_slots(vm);
    kr_value o = s[KR_INSN_B(ip[0])];
    unsigned a = KR_INSN_A(ip[0]);
    if (!(KR_INSN_X(ip[0]) & KR_ITER_PLAIN) && kr_range_check(vm, o)) {
        kr_range *r = KR_AS(kr_range, o);
        if (kr_fits_small(r->start) && kr_fits_small(r->stop) && kr_fits_small(r->step)) {
            e->types.lhs |= KR_FB_OTHER;
            e->types.extra |= KR_FB_ITER_RANGE;
            s[a] = kr_small(r->start);
            s[a + 1] = kr_small(r->stop);
            s[a + 2] = kr_small(r->step);
            return 0;
        }
    }
    e->types.lhs |= (uint8_t)kr_code_type_bits(vm, o);
    e->types.extra |= KR_FB_ITER_OTHER;
    kr_value it = kr_iter(vm, o);
    if (!it)
        return -1;
    s[a] = it;
    s[a + 1] = KR_NONE;
    s[a + 2] = KR_NONE;
    return 0;
}

/* FOR_ITER (L_FOR_ITER): 1 with the next item in s[B] (a counted state advanced in s[A]), 0 when
 * exhausted (an iterator may also end by raising StopIteration, which is cleared, as in CPython), -1
 * with another exception. Counts the iteration in the loop feedback as the interpreter does. */
int kr_jit_rt_for_iter(kr_vm *vm, const kr_insn *ip)
{
    kr_value *s = frame_slots(vm);
    unsigned a = KR_INSN_A(ip[0]), item = KR_INSN_B(ip[0]);
    kr_value it = s[a];
    fb_at(vm, ip)->loop.count++;
    if (kr_is_small(it)) {
        int64_t cur = (int64_t)it, stop = (int64_t)s[a + 1], step = (int64_t)s[a + 2] - 1; /* step tagged*2 */
        if (!(step > 0 ? cur < stop : cur > stop))
            return 0;
        s[item] = it;
        int64_t nx;
        if (__builtin_add_overflow(cur, step, &nx))
            nx = stop; /* the next test ends the loop */
        s[a] = (kr_value)nx;
        return 1;
    }
    if (kr_type_of(vm, it) == vm->t.list_iter) {
        kr_list_iter *li = KR_AS(kr_list_iter, it);
        if (li->seq && li->index < kr_list_size(li->seq)) {
            s[item] = kr_list_items(li->seq)[li->index++];
            return 1;
        }
        li->seq = KR_NULL;
        return 0;
    }
    kr_value v = kr_next(vm, it);
    if (!v) {
        if (kr_err_occurred(vm)) {
            if (!kr_err_matches(vm, KR_EXC(vm, StopIteration)))
                return -1;
            kr_err_clear(vm);
        }
        return 0;
    }
    s[item] = v;
    return 1;
}

/* UNPACK_SEQUENCE (L_UNPACK_SEQUENCE, interp.c's unpack without a star): s[B] .. s[B+C-1] = the C
 * items of s[A], with the interpreter's errors. Other iterables are collected into a list first. */
int kr_jit_rt_unpack(kr_vm *vm, const kr_insn *ip)
{
    kr_value *s = frame_slots(vm);
    kr_value seq = s[KR_INSN_A(ip[0])];
    int n = (int)KR_INSN_C(ip[0]);
    kr_value l = KR_NULL;
    size_t m = kr_root_mark(vm);
    if (!kr_tuple_check_exact(vm, seq) && !kr_list_check_exact(vm, seq)) {
        kr_type *t = kr_type_of(vm, seq);
        if (!t->iter && !kr_type_lookup(vm, t, KR_NAME(vm, __getitem__)))
            return kr_raise_i(vm, KR_EXC(vm, TypeError), "cannot unpack non-iterable %s object", t->name_c);
        if (!(l = kr_sequence_list(vm, seq)))
            return -1;
        kr_root_push(vm, &l); /* the items' only owner while they are distributed */
        seq = l;
    }
    bool tuple = kr_tuple_check_exact(vm, seq);
    const kr_value *items = tuple ? kr_tuple_items(seq) : kr_list_items(seq);
    int64_t size = tuple ? kr_tuple_size(seq) : kr_list_size(seq);
    int rc = 0;
    if (size < n)
        rc = kr_raise_i(vm, KR_EXC(vm, ValueError), "not enough values to unpack (expected %d, got %lld)", n,
                        (long long)size);
    else if (size > n)
        rc = kr_raise_i(vm, KR_EXC(vm, ValueError), "too many values to unpack (expected %d)", n);
    else
        memmove(&s[KR_INSN_B(ip[0])], items, (size_t)n * sizeof *items);
    kr_root_reset(vm, m);
    return rc;
}

/* BUILD_TUPLE / BUILD_LIST (L_BUILD_TUPLE, L_BUILD_LIST): from s[B] .. s[B+C-1]. */
kr_value kr_jit_rt_build_tuple(kr_vm *vm, const kr_insn *ip)
{
    uint32_t c = KR_INSN_C(ip[0]);
    return c ? kr_tuple_from_array(vm, &frame_slots(vm)[KR_INSN_B(ip[0])], c) : vm->empty_tuple;
}

kr_value kr_jit_rt_build_list(kr_vm *vm, const kr_insn *ip)
{
    return kr_list_from_array(vm, &frame_slots(vm)[KR_INSN_B(ip[0])], KR_INSN_C(ip[0]));
}

/* BUILD_STRING (L_BUILD_STRING): the concatenation of the str objects s[B] .. s[B+C-1]. */
kr_value kr_jit_rt_build_string(kr_vm *vm, const kr_insn *ip)
{
    const kr_value *parts = &frame_slots(vm)[KR_INSN_B(ip[0])];
    kr_sb sb;
    kr_sb_init(&sb);
    for (uint32_t i = 0; i < KR_INSN_C(ip[0]); i++)
        kr_sb_append(&sb, kr_str_data(parts[i]), (size_t)kr_str_nbytes(parts[i]));
    return kr_sb_finish(vm, &sb);
}

/* FORMAT_VALUE (L_FORMAT_VALUE): format(conv(s[B]), s[C] when X has a spec, else ''); an exact str
 * without a spec is its own result. The converted value is rooted here while kr_format runs (the
 * interpreter roots it in s[A]). */
kr_value kr_jit_rt_format_value(kr_vm *vm, const kr_insn *ip)
{
    const kr_value *s = frame_slots(vm);
    unsigned x = KR_INSN_X(ip[0]);
    kr_value v = s[KR_INSN_B(ip[0])];
    switch (x & 3) {
    case 1: v = kr_tostr(vm, v); break;
    case 2: v = kr_repr(vm, v); break;
    case 3: v = kr_ascii(vm, v); break;
    default: break;
    }
    if (!v)
        return KR_NULL;
    kr_value spec = (x & KR_FMT_HAS_SPEC) ? s[KR_INSN_C(ip[0])] : KR_NULL;
    if (!spec && kr_is_exact_str(vm, v))
        return v;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &v);
    kr_value r = kr_format(vm, v, spec);
    kr_root_reset(vm, m);
    return r;
}

/* Instances of user classes whose attribute access is the generic one (vm/interp.c's
 * plain_instance_type: the same test, so that this fills the LOAD_METHOD cache exactly when the
 * interpreter would). */
static bool plain_instance_type(kr_type *t)
{
    return (t->flags & KR_TF_HEAPTYPE) && !(t->flags & KR_TF_CUSTOM_GETATTR) &&
           KR_TX(t)->layout == KR_LAYOUT_INSTANCE && t->getattr == kr_generic_getattr;
}

/* LOAD_METHOD (L_LOAD_METHOD) at a site the builder left generic (its cache empty, stale or
 * polymorphic): the cache hit, else the two cacheable cases, which fill the cache as the interpreter
 * does (a recompile then sees the entry), else kr_getattr with a bound method of obj split into
 * (function, obj). s[A] and s[A+1] are written only once nothing can fail. */
int kr_jit_rt_load_method(kr_vm *vm, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    kr_value *s = frame_slots(vm);
    unsigned a = KR_INSN_A(ip[0]);
    kr_value obj = s[KR_INSN_B(ip[0])];
    kr_type *t = kr_type_of(vm, obj);
    if (e->attr.type == t && e->attr.version == t->version && e->attr.kind == KR_FB_ATTR_METHOD &&
        (!e->attr.shape || (void *)kr_instance_shape(obj) == e->attr.shape)) {
        s[a] = e->attr.value;
        s[a + 1] = obj;
        return 0;
    }
    kr_value name = name_at(vm, KR_INSN_C(ip[0]));
    if (kr_is_ptr(obj) && plain_instance_type(t) && kr_instance_shape(obj)) {
        kr_value d = kr_type_lookup(vm, t, name);
        kr_shape *shape = kr_instance_shape(obj);
        if (d && kr_func_check(vm, d) && kr_shape_lookup(shape, name) < 0) {
            e->attr.type = t;
            e->attr.version = t->version;
            e->attr.kind = KR_FB_ATTR_METHOD;
            e->attr.value = d;
            e->attr.shape = shape;
            s[a] = d;
            s[a + 1] = obj;
            return 0;
        }
    }
    if (!(t->flags & (KR_TF_HEAPTYPE | KR_TF_TYPE_SUBCLASS)) && !KR_TX(t)->has_dict && t != vm->t.type &&
        t != vm->t.module && t->getattr == vm->t.object->getattr) {
        kr_value d = kr_type_lookup(vm, t, name);
        if (d && kr_is_ptr(d) &&
            ((KR_OBJ(d)->type == vm->t.cfunction && KR_AS(kr_cfunction, d)->flags == KR_METH_DEFAULT &&
              !KR_AS(kr_cfunction, d)->self) ||
             KR_OBJ(d)->type == vm->method_descr_type || KR_OBJ(d)->type == vm->t.function)) {
            e->attr.type = t;
            e->attr.version = t->version;
            e->attr.kind = KR_FB_ATTR_METHOD;
            e->attr.value = d;
            e->attr.shape = NULL;
            s[a] = d;
            s[a + 1] = obj;
            return 0;
        }
    }
    kr_value v = kr_getattr(vm, obj, name);
    if (!v)
        return -1;
    if (kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.method && KR_AS(kr_method, v)->self == obj) {
        s[a] = KR_AS(kr_method, v)->func;
        s[a + 1] = obj;
    } else {
        s[a] = v;
        s[a + 1] = KR_NULL;
    }
    return 0;
}

/* MAKE_FUNCTION (L_MAKE_FUNCTION): a function of the code constant K[BX] in the frame's globals, with
 * the parts X names taken from s[A+1..] in the interpreter's order. */
kr_value kr_jit_rt_make_function(kr_vm *vm, const kr_insn *ip)
{
    kr_frame *f = vm->frame;
    kr_value *s = f->slots;
    unsigned x = KR_INSN_X(ip[0]), k = KR_INSN_A(ip[0]) + 1;
    kr_value fnv = kr_func_new(vm, kr_tuple_items(f->code->consts)[KR_INSN_BX(ip[0])], f->globals, KR_NULL);
    if (!fnv)
        return KR_NULL;
    kr_function *fn = KR_AS(kr_function, fnv);
    if (x & KR_MKFN_DEFAULTS) {
        kr_value d = s[k++];
        fn->defaults = (kr_tuple_check_exact(vm, d) && kr_tuple_size(d)) ? d : KR_NULL;
    }
    if (x & KR_MKFN_KWDEFAULTS)
        fn->kwdefaults = s[k++];
    if (x & KR_MKFN_ANNOTATIONS)
        fn->annotations = s[k++];
    if (x & KR_MKFN_CLOSURE)
        fn->closure = s[k++];
    return fnv;
}

/* GET_ITEM / SET_ITEM on an exact dict (the builder guarded the type): what the interpreter's generic
 * path does for one (kr_getitem / kr_setitem reach these through the dict type's slots), with the
 * same feedback. */
kr_value kr_jit_rt_dict_getitem(kr_vm *vm, kr_value d, kr_value k, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    e->types.lhs |= KR_FB_DICT;
    e->types.rhs |= (uint8_t)kr_code_type_bits(vm, k);
    return kr_dict_getitem(vm, d, k);
}

int kr_jit_rt_dict_setitem(kr_vm *vm, kr_value d, kr_value k, kr_value v, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    e->types.lhs |= KR_FB_DICT;
    e->types.rhs |= (uint8_t)kr_code_type_bits(vm, k);
    return kr_dict_set(vm, d, k, v);
}

/* min(a, b) / max(a, b) as builtins.c's min_max runs two positional arguments without a key: the
 * first is the best so far, the second replaces it only when `second < best` (`>` for max), so equal
 * items and NaN comparisons keep the first, exactly as CPython. Both are in frame slots (rooted). */
kr_value kr_jit_rt_min_max(kr_vm *vm, kr_value a, kr_value b, int64_t is_max)
{
    int c;
    if (kr_is_small(a) && kr_is_small(b))
        c = is_max ? (int64_t)b > (int64_t)a : (int64_t)b < (int64_t)a; /* tagging keeps the order */
    else if (kr_is_ptr(a) && kr_is_ptr(b) && KR_OBJ(a)->type == vm->t.float_ && KR_OBJ(b)->type == vm->t.float_)
        c = is_max ? kr_float_value(b) > kr_float_value(a) : kr_float_value(b) < kr_float_value(a);
    else
        c = kr_richcompare_bool(vm, b, a, is_max ? KR_CMP_GT : KR_CMP_LT);
    if (c < 0)
        return KR_NULL;
    return c ? b : a;
}
