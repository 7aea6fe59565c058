/* jit_rt.c: the runtime functions compiled code calls (compiler/jit_rt.h): leaving compiled code
 * through an exit, polling at loop back-edges, truthiness and float boxing, and the CALL_RT table. */
#include "compiler/jit.h"

#include <string.h>

#include "vm/code.h"
#include "vm/dict.h"
#include "vm/function.h"
#include "vm/interp.h"
#include "vm/interp_ops.h"
#include "vm/kr.h"
#include "vm/list.h"
#include "vm/tuple.h"
#include "vm/type.h"

/* Writes the exit's dirty slots back and hands the frame to the interpreter, or catches the exception
 * in place (jit_rt.h: 0 = leave, else the handler's pc + 1). Boxing a double allocates but never
 * collects (collection happens only at safepoints), so the registers' values copied into `regs` stay
 * valid while we write them. */
uint32_t kr_jit_rt_exit(kr_vm *vm, kr_frame *f, const kr_jit_exit *exit, const kr_jit_regs *regs,
                        const uint64_t *spills)
{
    for (uint32_t i = 0; i < exit->nvalues; i++) {
        const kr_jit_exit_value *v = &exit->values[i];
        uint64_t bits;
        switch (v->kind) {
        case KR_JIT_LOC_REG:
            bits = (v->index < 16 ? regs->gp[v->index] : regs->xmm[v->index - 16]) + (uint64_t)v->imm;
            break;
        case KR_JIT_LOC_STACK:
            bits = spills[v->index] + (uint64_t)v->imm;
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
        return 0;
    }
    if (vm->jit_leave) {
        /* A stepped call completed and retired this code (vm/vm.h): f->pc is already after the call,
         * where the interpreter continues. Not a deopt either. */
        vm->jit_leave = 0;
        return 0;
    }
    f->pc = f->code->insns + exit->pc;
    if (!vm->exc) {
        kr_jit_note_deopt(vm, f->code, exit);
        return 0;
    }
    kr_jit_note_exception_exit(vm);
    /* Catch in place only in the code object's current code (retired code, still on the C stack,
     * leaves for good) and only while the JIT is on, as run() re-enters compiled handlers. */
    const kr_jit_code *jc = f->code->jit_state;
    if (!jc || exit < jc->exits || exit >= jc->exits + jc->nexits || !kr_jit_on(vm))
        return 0;
    return kr_interp_catch_local(vm, f);
}

int kr_jit_rt_poll(kr_vm *vm)
{
    if (kr_interp_op_take_interrupt(vm))
        return -1;
    /* The loop polling runs retired code (its code object has none of its own any more: given up
     * after a deopt storm, or to be compiled again with newer feedback): leave it at this back-edge,
     * with no exception, so that the interpreter continues and re-enters the new code by OSR. */
    if (vm->frame && !vm->frame->code->jit_state)
        return -1;
    kr_gc_safepoint(vm);
    return 0;
}

int kr_jit_rt_truthy(kr_vm *vm, kr_value v) { return kr_truthy(vm, v); }

kr_value kr_jit_rt_box_float(kr_vm *vm, double d) { return kr_float_new(vm, d); }

kr_jit_rt_pow_result kr_jit_rt_float_pow(double x, double y)
{
    kr_jit_rt_pow_result r = {0, 0};
    double d = 0.0;
    r.failed = kr_float_pow_raw(x, y, &d) != KR_FLOAT_POW_OK;
    memcpy(&r.bits, &d, sizeof d);
    return r;
}

kr_value kr_jit_rt_new_cell(kr_vm *vm)
{
    kr_value c = kr_cell_new(vm, KR_UNBOUND);
    if (!c)
        kr_err_clear(vm);
    return c;
}

kr_value kr_jit_rt_init_result(kr_vm *vm, kr_value v)
{
    return kr_raise(vm, KR_EXC(vm, TypeError), "__init__() should return None, not '%s'", kr_typename(vm, v));
}

const kr_insn *kr_jit_rt_init_resume(kr_vm *vm, kr_frame *f, const kr_insn *ip)
{
    kr_value *slot = &f->slots[KR_INSN_A(ip[0])];
    kr_value obj = *slot; /* the caller's frame roots it again once it is back in its slot */
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &obj);
    const kr_insn *next = kr_interp_call_resume(vm, f, ip);
    kr_root_reset(vm, m);
    if (!next)
        return NULL; /* __init__ raised (the exception belongs to the call) */
    kr_value v = *slot;
    *slot = obj;
    if (v != KR_NONE) {
        kr_jit_rt_init_result(vm, v);
        f->pc = ip;
        return NULL;
    }
    return next;
}

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

/* ---- value-level wrappers: the interpreter's instruction (vm/interp_ops.h) on the operands in
 * registers, with the site's feedback entry found through ip. The fast path first, as the
 * interpreter, though the slow path alone would give the same result and feedback: a site left
 * generic often still sees ints or floats (e.g. one recompiled after both), and this spares them a
 * call and kr_binary_op's dispatch. */

/* BINARY_OP (A = B op C, in-place when X says so). */
kr_value kr_jit_rt_binary_op(kr_vm *vm, kr_value a, kr_value b, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    unsigned x = KR_INSN_X(ip[0]);
    kr_value r;
    if (kr_is_small(a) && kr_is_small(b)) {
        if (kr_interp_op_binary_small(e, x & 0x7f, a, b, &r))
            return r;
    } else if (kr_interp_op_both_floats(vm, a, b)) {
        double d;
        if (kr_interp_op_binary_float(e, x & 0x7f, kr_float_value(a), kr_float_value(b), &d))
            return kr_float_new(vm, d);
    }
    /* both of one class with a Python __op__ (Vec + Vec): that function called straight away */
    if (kr_is_ptr(a) && kr_is_ptr(b) && KR_OBJ(a)->type == KR_OBJ(b)->type &&
        kr_type_binop_same_class(vm, (int)(x & 0x7f), (x & KR_BINOP_INPLACE) != 0, a, b, &r))
        return r;
    return kr_interp_op_binary_slow(vm, e, x, a, b);
}

kr_value kr_jit_rt_compare_op(kr_vm *vm, kr_value a, kr_value b, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    kr_value r;
    if (kr_interp_op_compare_fast(vm, e, KR_INSN_X(ip[0]), a, b, &r))
        return r;
    return kr_interp_op_compare_slow(vm, e, KR_INSN_X(ip[0]), a, b);
}

kr_value kr_jit_rt_getitem(kr_vm *vm, kr_value o, kr_value k, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    kr_value r;
    if (kr_interp_op_getitem_fast(vm, e, o, k, &r))
        return r;
    return kr_interp_op_getitem_slow(vm, e, o, k);
}

int kr_jit_rt_setitem(kr_vm *vm, kr_value o, kr_value k, kr_value v, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    if (kr_interp_op_setitem_fast(vm, e, o, k, v))
        return 0;
    return kr_interp_op_setitem_slow(vm, e, o, k, v);
}

/* LOAD_ATTR / STORE_ATTR: the cache hits, else the interpreter's miss, which refills the site's cache
 * as an interpreted miss does (a recompile then sees the entry). */
kr_value kr_jit_rt_load_attr(kr_vm *vm, kr_value obj, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    kr_type *t = kr_type_of(vm, obj);
    kr_value r;
    if (kr_interp_op_load_attr_hit(e, obj, t, &r))
        return r;
    return kr_interp_op_load_attr_miss(vm, e, obj, t, name_at(vm, KR_INSN_C(ip[0])));
}

int kr_jit_rt_store_attr(kr_vm *vm, kr_value obj, kr_value v, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    kr_type *t = kr_type_of(vm, obj);
    if (kr_interp_op_store_attr_hit(vm, e, obj, t, v))
        return 0;
    return kr_interp_op_store_attr_miss(vm, e, obj, t, name_at(vm, KR_INSN_B(ip[0])), v);
}

/* ---- instructions on frame memory (jit_rt.h: "frame operands") -----------------------------------
 * Each is its vm/interp.c case (through vm/interp_ops.h) on vm->frame's slots (compiled code runs
 * with vm->frame == f), after the builder stored every slot the instruction reads. The shared
 * functions write their results only once the instruction can no longer fail, so an exception exit's
 * dirty values stay right. */

static kr_value *frame_slots(kr_vm *vm) { return vm->frame->slots; }

int kr_jit_rt_get_iter(kr_vm *vm, const kr_insn *ip)
{
    return kr_interp_op_get_iter(vm, fb_at(vm, ip), KR_INSN_X(ip[0]), frame_slots(vm)[KR_INSN_B(ip[0])],
                                 &frame_slots(vm)[KR_INSN_A(ip[0])]);
}

/* FOR_ITER: also counts the iteration in the loop feedback, as the interpreter does. */
int kr_jit_rt_for_iter(kr_vm *vm, const kr_insn *ip)
{
    kr_value *s = frame_slots(vm);
    unsigned a = KR_INSN_A(ip[0]), item = KR_INSN_B(ip[0]);
    fb_at(vm, ip)->loop.count++;
    int r = kr_interp_op_for_iter_fast(vm, &s[a], &s[item]);
    return r == KR_INTERP_OP_ITER_GENERIC ? kr_interp_op_for_iter_next(vm, s[a], &s[item]) : r;
}

/* FOR_ITER at ip with the UNPACK_SEQUENCE after it (ip[2]: FOR_ITER has a cache word). */
int kr_jit_rt_for_iter_unpack(kr_vm *vm, const kr_insn *ip)
{
    kr_value *s = frame_slots(vm);
    kr_insn u = ip[2];
    fb_at(vm, ip)->loop.count++;
    return kr_interp_op_for_iter_unpack(vm, &s[KR_INSN_A(ip[0])], &s[KR_INSN_B(ip[0])], &s[KR_INSN_B(u)],
                                        (int)KR_INSN_C(u));
}

int kr_jit_rt_unpack_iterated(kr_vm *vm, const kr_insn *ip)
{
    kr_value *s = frame_slots(vm);
    return kr_interp_op_unpack_iterated(vm, s[KR_INSN_A(ip[0])], &s[KR_INSN_B(ip[0])], (int)KR_INSN_C(ip[0]));
}

int kr_jit_rt_unpack(kr_vm *vm, const kr_insn *ip)
{
    kr_value *s = frame_slots(vm);
    return kr_interp_op_unpack(vm, s[KR_INSN_A(ip[0])], &s[KR_INSN_B(ip[0])], (int)KR_INSN_C(ip[0]), 0, false);
}

kr_value kr_jit_rt_build_tuple(kr_vm *vm, const kr_insn *ip)
{
    return kr_interp_op_build_tuple(vm, &frame_slots(vm)[KR_INSN_B(ip[0])], KR_INSN_C(ip[0]));
}

/* BUILD_LIST is one call of kr_list_from_array in both, the shared function. */
kr_value kr_jit_rt_build_list(kr_vm *vm, const kr_insn *ip)
{
    return kr_list_from_array(vm, &frame_slots(vm)[KR_INSN_B(ip[0])], KR_INSN_C(ip[0]));
}

/* The bounds of the slice BUILD_SLICE instruction bs makes (None for an absent step). */
static void slice_bounds(kr_vm *vm, kr_insn bs, kr_value *bounds)
{
    const kr_value *s = &frame_slots(vm)[KR_INSN_B(bs)];
    bounds[0] = s[0];
    bounds[1] = s[1];
    bounds[2] = KR_INSN_C(bs) == 3 ? s[2] : KR_NONE;
}

/* An exact list goes straight to kr_list_getslice / kr_list_setslice, recording the feedback
 * kr_interp_op_getitem_slice / setitem_slice would (lhs: a list, rhs: other): the extra layer, whose
 * slice-object fallback made gcc save registers on every call, was 5% of perf/bench/fannkuch. */
kr_value kr_jit_rt_get_slice(kr_vm *vm, const kr_insn *ip)
{
    kr_value bounds[3];
    slice_bounds(vm, ip[-1], bounds); /* the BUILD_SLICE fused with it */
    kr_value o = frame_slots(vm)[KR_INSN_B(ip[0])];
    kr_fb *e = fb_at(vm, ip);
    if (kr_is_ptr(o) && KR_OBJ(o)->type == vm->t.list) {
        e->types.lhs |= KR_FB_LIST;
        e->types.rhs |= KR_FB_OTHER;
        return kr_list_getslice(vm, o, bounds[0], bounds[1], bounds[2]);
    }
    return kr_interp_op_getitem_slice(vm, e, o, bounds);
}

int kr_jit_rt_set_slice(kr_vm *vm, const kr_insn *ip)
{
    kr_value bounds[3];
    slice_bounds(vm, ip[-1], bounds); /* the BUILD_SLICE fused with it */
    kr_value *s = frame_slots(vm);
    kr_value o = s[KR_INSN_A(ip[0])];
    kr_fb *e = fb_at(vm, ip);
    if (kr_is_ptr(o) && KR_OBJ(o)->type == vm->t.list) {
        e->types.lhs |= KR_FB_LIST;
        e->types.rhs |= KR_FB_OTHER;
        return kr_list_setslice(vm, o, bounds[0], bounds[1], bounds[2], s[KR_INSN_C(ip[0])]);
    }
    return kr_interp_op_setitem_slice(vm, e, o, bounds, s[KR_INSN_C(ip[0])]);
}

/* BUILD_SLICE, as the interpreter's case. */
kr_value kr_jit_rt_build_slice(kr_vm *vm, const kr_insn *ip)
{
    kr_value bounds[3];
    slice_bounds(vm, ip[0], bounds);
    return kr_slice_new(vm, bounds[0], bounds[1], bounds[2]);
}

kr_value kr_jit_rt_build_string(kr_vm *vm, const kr_insn *ip)
{
    return kr_interp_op_build_string(vm, &frame_slots(vm)[KR_INSN_B(ip[0])], KR_INSN_C(ip[0]));
}

kr_value kr_jit_rt_format_value(kr_vm *vm, const kr_insn *ip)
{
    const kr_value *s = frame_slots(vm);
    unsigned x = KR_INSN_X(ip[0]);
    return kr_interp_op_format_value(vm, s[KR_INSN_B(ip[0])], x, (x & KR_FMT_HAS_SPEC) ? s[KR_INSN_C(ip[0])] : KR_NULL);
}

int kr_jit_rt_load_method(kr_vm *vm, const kr_insn *ip)
{
    kr_fb *e = fb_at(vm, ip);
    kr_value *s = frame_slots(vm);
    kr_value obj = s[KR_INSN_B(ip[0])], *out = &s[KR_INSN_A(ip[0])];
    kr_type *t = kr_type_of(vm, obj);
    if (kr_interp_op_load_method_hit(e, obj, t, out))
        return 0;
    return kr_interp_op_load_method_miss(vm, e, obj, t, name_at(vm, KR_INSN_C(ip[0])), out);
}

int kr_jit_rt_push_exc_info(kr_vm *vm, const kr_insn *ip)
{
    kr_value *s = frame_slots(vm);
    kr_interp_op_push_exc_info(vm, &s[KR_INSN_A(ip[0])], s[KR_INSN_B(ip[0])]);
    return 0;
}

int kr_jit_rt_pop_except(kr_vm *vm, kr_value saved)
{
    kr_interp_op_pop_except(vm, saved);
    return 0;
}

kr_value kr_jit_rt_make_function(kr_vm *vm, const kr_insn *ip)
{
    kr_frame *f = vm->frame;
    return kr_interp_op_make_function(vm, kr_tuple_items(f->code->consts)[KR_INSN_BX(ip[0])], f->globals,
                                      KR_INSN_X(ip[0]), &f->slots[KR_INSN_A(ip[0]) + 1]);
}

bool kr_jit_func_template(const kr_code *co, uint32_t bx, uint64_t out[4])
{
    if (bx >= kr_tuple_size(co->consts))
        return false;
    kr_value c = kr_tuple_items(co->consts)[bx];
    if (!kr_is_ptr(c) || KR_OBJ(c)->type != ((const kr_object *)co)->type) /* a code object, as co */
        return false;
    const kr_code *k = kr_code_of(c);
    out[0] = c;
    out[1] = k->name;
    out[2] = k->qualname;
    out[3] = k->doc;
    return true;
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

/* YIELD_FROM (jit_rt.h): compiled code flushed every slot, so the frame is complete in memory whichever
 * way this ends. The delegate runs on the C stack (a generator through kr_gen_send, which enters its
 * compiled code as next() does); the interpreter instead links a generator delegate's frame above this
 * one, so past KR_JIT_MAX_C_DEPTH compiled activations the frame is left to it here and a deep chain
 * of delegations costs no more C stack than interpreted. */
kr_value kr_jit_rt_yield_from(kr_vm *vm, const kr_insn *ip)
{
    kr_frame *f = vm->frame;
    kr_value *s = f->slots;
    kr_insn in = ip[0];
    /* resumed (or first reached) here: no longer suspended, as run() clears it when it resumes */
    f->flags &= ~(uint32_t)KR_FRAME_IN_YIELD_FROM;
    if (vm->c_depth >= KR_JIT_MAX_C_DEPTH) {
        f->pc = ip;
        vm->jit_leave = 1;
        return KR_NULL;
    }
    kr_value v;
    int st = kr_gen_delegate(vm, s[KR_INSN_B(in)], s[KR_INSN_A(in)], &v);
    if (st < 0)
        return KR_NULL;
    if (st == 0) {
        s[KR_INSN_C(in)] = v;
        return KR_UNBOUND;
    }
    /* the delegate yielded: this frame suspends at this instruction (it re-runs on resumption, the
     * sent value stored in s[A] by then: vm/frame.h's kr_frame_suspension) */
    f->flags |= KR_FRAME_IN_YIELD_FROM;
    return v;
}
