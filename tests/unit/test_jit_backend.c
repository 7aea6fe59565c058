/* test_jit_backend.c: the JIT back end (HIR -> LIR -> registers -> x86-64) on HIR built by hand for a
 * code object with enough slots, run on a real frame linked into the VM: loops, overflow and type
 * deopts writing dirty slots back (from registers, spill slots and constants, doubles boxed), int
 * semantics against C references, floats, the code limit. Every test runs with the linear-scan
 * allocator and with the spill-everything reference (loop index 0 / 1), which must agree. Round 2:
 * the dict-version, shape and bounds guards (each passing, and exiting with its pc, reason and dirty
 * slots), global loads through a dict slot, instance slots, list / tuple items and len(). */
#include <check.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/hir.h"
#include "compiler/jit_rt.h"
#include "compiler/lir.h"
#include "vm/compile.h"
#include "vm/dict.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/interp.h"
#include "vm/kr.h"
#include "vm/str.h"
#include "vm/tuple.h"
#include "vm/type.h"

#define NSLOTS 48
#define NPCS 16

static kr_vm *vm;
static kr_value code_v; /* rooted for the whole test */
static kr_code *code;
#define NPINS 8
static kr_value pins[NPINS]; /* objects a test builds in C, rooted for the whole test */
static kr_value entry_globals, entry_builtins; /* f->globals / f->builtins of the next run */

static void setup(void)
{
    vm = kr_vm_new(NULL);
    ck_assert_ptr_nonnull(vm);
    kr_insn insns[NPCS];
    for (int i = 0; i < NPCS; i++)
        insns[i] = kr_insn_make_bx(KR_OP_RETURN_CONST, 0, 0, 0);
    kr_code_desc d;
    memset(&d, 0, sizeof d);
    d.insns = insns;
    d.ninsns = NPCS;
    d.consts = kr_tuple_pack(vm, 1, KR_NONE);
    d.names = vm->empty_tuple;
    d.varnames = vm->empty_tuple;
    d.nslots = NSLOTS;
    d.name = kr_intern(vm, "t");
    d.qualname = d.name;
    d.filename = kr_intern(vm, "<test>");
    code_v = kr_code_new(vm, &d);
    ck_assert(code_v != KR_NULL);
    kr_root_push(vm, &code_v);
    code = kr_code_of(code_v);
    for (int i = 0; i < NPINS; i++) {
        pins[i] = KR_NULL;
        kr_root_push(vm, &pins[i]);
    }
    entry_globals = entry_builtins = KR_NULL;
}

static void teardown(void)
{
    kr_vm_free(vm);
    vm = NULL;
}

/* ---- building HIR ---- */

static kr_hir_func *new_fn(void)
{
    kr_hir_func *fn = kr_hir_new(vm, code);
    ck_assert_ptr_nonnull(fn);
    fn->entry_pcs = malloc(sizeof *fn->entry_pcs);
    fn->entry_pcs[0] = 0;
    fn->nentries = 1;
    return fn;
}

static kr_hir_ref op(kr_hir_func *fn, uint32_t b, enum kr_hir_op o, kr_hir_rep rep, uint32_t type, int64_t imm,
                     int n, ...)
{
    kr_hir_ref args[4];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, kr_hir_ref);
    va_end(ap);
    kr_hir_ref r = kr_hir_emit(fn, b, o, rep, type, args, (uint32_t)n, imm);
    ck_assert_uint_ne(r, 0);
    return r;
}

static kr_hir_ref cnst(kr_hir_func *fn, uint32_t b, kr_value v)
{
    kr_hir_ref r = op(fn, b, KR_HIR_CONST, KR_HIR_TAGGED, kr_is_small(v) ? KR_HT_SMALLINT : KR_HT_ANY, 0, 0);
    fn->insns[r].value = v;
    return r;
}

static kr_hir_ref dconst(kr_hir_func *fn, uint32_t b, double d)
{
    kr_hir_ref r = op(fn, b, KR_HIR_CONST_DOUBLE, KR_HIR_DOUBLE, KR_HT_FLOAT, 0, 0);
    fn->insns[r].dvalue = d;
    return r;
}

/* Gives r a frame state: resume at pc with the given (slot, value) pairs dirty. */
static void with_fs(kr_hir_func *fn, kr_hir_ref r, uint32_t pc, uint8_t reason, int n, const kr_hir_fs_entry *d)
{
    fn->insns[r].fs = kr_hir_add_fs(fn, pc, d, (uint32_t)n);
    fn->insns[r].reason = reason;
}

#define TAG KR_HIR_TAGGED
#define DBL KR_HIR_DOUBLE
#define SI KR_HT_SMALLINT

/* ---- running compiled code on a frame ---- */

typedef struct run_result {
    kr_value ret;
    uint32_t pc;                 /* f->pc after the call, as an index */
    kr_value slots[NSLOTS];
} run_result;

static kr_value entry_slots[NSLOTS];

static run_result run_at(kr_jit_code *jc, uint32_t entry_pc)
{
    kr_frame *f = (kr_frame *)vm->stack_top;
    memset(f, 0, sizeof *f);
    f->slots = vm->stack_top + KR_FRAME_WORDS;
    f->code = code;
    f->func = KR_NULL;
    f->locals = f->gen = KR_NULL;
    f->globals = entry_globals;
    f->builtins = entry_builtins;
    f->saved_handled = vm->handled_exc;
    f->pc = code->insns;
    f->flags = KR_FRAME_ON_STACK;
    f->prev = vm->frame;
    for (int i = 0; i < NSLOTS; i++)
        f->slots[i] = entry_slots[i];
    kr_value *saved_top = vm->stack_top;
    vm->stack_top = f->slots + NSLOTS;
    vm->frame = f;
    run_result r;
    r.ret = jc->entry(vm, f, entry_pc);
    r.pc = (uint32_t)(f->pc - code->insns);
    memcpy(r.slots, f->slots, sizeof r.slots);
    vm->frame = f->prev;
    vm->stack_top = saved_top;
    return r;
}

static run_result run(kr_jit_code *jc) { return run_at(jc, 0); }

static kr_jit_backend *backend(int spill_all, size_t limit, FILE *dump)
{
    kr_jit_backend_options o = {.code_limit = limit, .spill_all = spill_all, .dump = dump, .perf_map = 0};
    kr_jit_backend *be = kr_jit_backend_new(&o);
    ck_assert_ptr_nonnull(be);
    return be;
}

static void compile_ok(kr_jit_backend *be, kr_hir_func *fn, kr_jit_code *jc)
{
    memset(jc, 0, sizeof *jc);
    int rc = kr_jit_backend_compile(be, fn, jc);
    if (rc != 0)
        ck_abort_msg("compile refused: %s", fn->error);
    ck_assert_ptr_nonnull(jc->entry);
}

static void reset_slots(void)
{
    for (int i = 0; i < NSLOTS; i++)
        entry_slots[i] = KR_NONE;
}

/* ---- (1, 2) a counted loop: s = slot1; for i in range(slot0): s += i; return s ------------------ */

static kr_hir_func *sum_loop(void)
{
    kr_hir_func *fn = new_fn();
    uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0), b2 = kr_hir_add_block(fn, 2),
             b3 = kr_hir_add_block(fn, 4), b4 = kr_hir_add_block(fn, 8);
    kr_hir_add_edge(fn, b0, b1);
    kr_hir_add_edge(fn, b1, b2);
    kr_hir_add_edge(fn, b2, b3);
    kr_hir_add_edge(fn, b2, b4);
    kr_hir_add_edge(fn, b3, b2);
    op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
    kr_hir_ref n = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_ANY, 0, 0);
    kr_hir_ref gn = op(fn, b1, KR_HIR_GUARD_TYPE, TAG, SI, SI, 1, n);
    with_fs(fn, gn, 1, KR_DEOPT_TYPE, 0, NULL);
    kr_hir_ref s0 = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_ANY, 1, 0);
    kr_hir_ref gs0 = op(fn, b1, KR_HIR_GUARD_TYPE, TAG, SI, SI, 1, s0);
    with_fs(fn, gs0, 1, KR_DEOPT_TYPE, 0, NULL);
    kr_hir_ref zero = cnst(fn, b1, kr_small(0));
    op(fn, b1, KR_HIR_JUMP, TAG, 0, 0, 0);
    kr_hir_ref i = kr_hir_insert_phi(fn, b2, TAG, SI);
    kr_hir_ref s = kr_hir_insert_phi(fn, b2, TAG, SI);
    kr_hir_ref one = cnst(fn, b2, kr_small(1));
    kr_hir_ref c = op(fn, b2, KR_HIR_RANGE_NEXT, TAG, KR_HT_BOOL, 0, 3, i, gn, one);
    op(fn, b2, KR_HIR_BRANCH, TAG, 0, 0, 1, c);
    kr_hir_ref s1 = op(fn, b3, KR_HIR_INT_BINOP, TAG, SI, KR_OP_ADD, 2, s, i);
    kr_hir_fs_entry d1[] = {{1, s}, {2, i}};
    with_fs(fn, s1, 5, KR_DEOPT_OVERFLOW, 2, d1);
    kr_hir_ref i1 = op(fn, b3, KR_HIR_INT_BINOP, TAG, SI, KR_OP_ADD, 2, i, one);
    kr_hir_fs_entry d2[] = {{1, s1}, {2, i}};
    with_fs(fn, i1, 6, KR_DEOPT_OVERFLOW, 2, d2);
    kr_hir_ref poll = op(fn, b3, KR_HIR_POLL, TAG, 0, 0, 0);
    kr_hir_fs_entry d3[] = {{1, s1}, {2, i1}};
    with_fs(fn, poll, 7, KR_DEOPT_OVERFLOW, 2, d3);
    op(fn, b3, KR_HIR_JUMP, TAG, 0, 0, 0);
    kr_hir_set_args(fn, i, (kr_hir_ref[]){zero, i1}, 2);
    kr_hir_set_args(fn, s, (kr_hir_ref[]){gs0, s1}, 2);
    kr_hir_ref st = op(fn, b4, KR_HIR_STORE_SLOT, TAG, 0, 1, 1, s); /* write-back of the result */
    (void)st;
    op(fn, b4, KR_HIR_RETURN, TAG, 0, 0, 1, s);
    /* what kr_hir_compute_loops would find (set here: this test needs none of the builder) */
    fn->blocks[b2].loop_header = true;
    fn->blocks[b2].loop_depth = fn->blocks[b3].loop_depth = 1;
    return fn;
}

START_TEST(test_sum_loop)
{
    kr_jit_backend *be = backend(_i, 0, NULL);
    kr_hir_func *fn = sum_loop();
    kr_jit_code jc;
    compile_ok(be, fn, &jc);
    const int64_t ns[] = {0, 1, 2, 10, 1000, 100000};
    for (size_t k = 0; k < sizeof ns / sizeof ns[0]; k++) {
        reset_slots();
        entry_slots[0] = kr_small(ns[k]);
        entry_slots[1] = kr_small(0);
        run_result r = run(&jc);
        ck_assert_uint_eq(r.ret, kr_small(ns[k] * (ns[k] - 1) / 2));
        ck_assert_uint_eq(r.slots[1], r.ret);
    }
    /* a type guard failing at the entry: deopt with nothing dirty */
    reset_slots();
    entry_slots[0] = KR_NONE;
    entry_slots[1] = kr_small(0);
    run_result r = run(&jc);
    ck_assert_uint_eq(r.ret, KR_NULL);
    ck_assert_uint_eq(r.pc, 1);
    ck_assert(!vm->exc);
    ck_assert_uint_gt(jc.code_size, 0);
    ck_assert_uint_eq(kr_jit_backend_code_bytes(be), jc.code_size);
    kr_jit_backend_release(be, &jc);
    ck_assert_uint_eq(kr_jit_backend_code_bytes(be), 0);
    kr_hir_free(fn);
    kr_jit_backend_free(be);
}
END_TEST

START_TEST(test_overflow_exit)
{
    kr_jit_backend *be = backend(_i, 0, NULL);
    kr_hir_func *fn = sum_loop();
    kr_jit_code jc;
    compile_ok(be, fn, &jc);
    /* s0 + 0 + 1 + 2 + 3 + 4 == KR_SMALL_MAX; adding 5 overflows at pc 5 with s and i dirty */
    reset_slots();
    entry_slots[0] = kr_small(100);
    entry_slots[1] = kr_small(KR_SMALL_MAX - 10);
    run_result r = run(&jc);
    ck_assert_uint_eq(r.ret, KR_NULL);
    ck_assert(!vm->exc);
    ck_assert_uint_eq(r.pc, 5);
    ck_assert_uint_eq(r.slots[1], kr_small(KR_SMALL_MAX));
    ck_assert_uint_eq(r.slots[2], kr_small(5));
    ck_assert_uint_eq(r.slots[0], kr_small(100)); /* clean slots untouched */
    /* the most negative direction */
    reset_slots();
    entry_slots[0] = kr_small(3);
    entry_slots[1] = kr_small(KR_SMALL_MIN);
    r = run(&jc);
    ck_assert_uint_eq(r.ret, kr_small(KR_SMALL_MIN + 3));
    kr_jit_backend_release(be, &jc);
    kr_hir_free(fn);
    kr_jit_backend_free(be);
}
END_TEST

/* do { s += i; i += 1 } while (i < n): the back-edge leaves a block with two successors for a block
 * with two predecessors (a critical edge, split for the phi moves); entry pc 3 is unknown. */
START_TEST(test_do_while_critical_edge)
{
    kr_jit_backend *be = backend(_i, 0, NULL);
    kr_hir_func *fn = new_fn();
    uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0), b2 = kr_hir_add_block(fn, 2),
             b3 = kr_hir_add_block(fn, 8);
    kr_hir_add_edge(fn, b0, b1);
    kr_hir_add_edge(fn, b1, b2);
    kr_hir_add_edge(fn, b2, b2);
    kr_hir_add_edge(fn, b2, b3);
    op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
    kr_hir_ref n = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, SI, 0, 0);
    op(fn, b1, KR_HIR_JUMP, TAG, 0, 0, 0);
    kr_hir_ref i = kr_hir_insert_phi(fn, b2, TAG, SI);
    kr_hir_ref s = kr_hir_insert_phi(fn, b2, TAG, SI);
    kr_hir_ref s1 = op(fn, b2, KR_HIR_INT_BINOP, TAG, SI, KR_OP_ADD, 2, s, i);
    kr_hir_fs_entry d1[] = {{1, s}, {2, i}};
    with_fs(fn, s1, 5, KR_DEOPT_OVERFLOW, 2, d1);
    kr_hir_ref i1 = op(fn, b2, KR_HIR_INT_BINOP, TAG, SI, KR_OP_ADD, 2, i, cnst(fn, b2, kr_small(1)));
    kr_hir_fs_entry d2[] = {{1, s1}, {2, i}};
    with_fs(fn, i1, 6, KR_DEOPT_OVERFLOW, 2, d2);
    kr_hir_ref c = op(fn, b2, KR_HIR_INT_CMP, TAG, KR_HT_BOOL, KR_CMP_LT, 2, i1, n);
    op(fn, b2, KR_HIR_BRANCH, TAG, 0, 0, 1, c);
    /* the phis swap roles on the back-edge half the time: s <- i1 is a cycle-free move, i <- s1 too */
    kr_hir_set_args(fn, i, (kr_hir_ref[]){cnst(fn, b1, kr_small(0)), i1}, 2);
    kr_hir_set_args(fn, s, (kr_hir_ref[]){cnst(fn, b1, kr_small(100)), s1}, 2);
    op(fn, b3, KR_HIR_RETURN, TAG, 0, 0, 1, s1);
    fn->blocks[b2].loop_header = true;
    fn->blocks[b2].loop_depth = 1;
    kr_jit_code jc;
    compile_ok(be, fn, &jc);
    for (int64_t k = 1; k < 50; k += 7) {
        reset_slots();
        entry_slots[0] = kr_small(k);
        ck_assert_uint_eq(run(&jc).ret, kr_small(100 + k * (k - 1) / 2));
    }
    run_result r = run_at(&jc, 3);
    ck_assert_uint_eq(r.ret, KR_NULL);
    ck_assert_uint_eq(r.pc, 3);
    ck_assert(!vm->exc);
    kr_jit_backend_release(be, &jc);
    kr_hir_free(fn);
    kr_jit_backend_free(be);
}
END_TEST

/* ---- small-int operations against C references -------------------------------------------------- */

static int64_t floordiv_ref(int64_t a, int64_t b)
{
    int64_t q = a / b, r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? q - 1 : q;
}

static int64_t mod_ref(int64_t a, int64_t b)
{
    int64_t r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

/* r = a <binop> b, returning r; exits at pc 3 keep slot 4 dirty (a constant) and slot 5 (a + 0). */
static kr_hir_func *binop_fn(int binop)
{
    kr_hir_func *fn = new_fn();
    uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0);
    kr_hir_add_edge(fn, b0, b1);
    op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
    kr_hir_ref a = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, SI, 0, 0);
    kr_hir_ref b = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, SI, 1, 0);
    kr_hir_ref r;
    if (binop < 0) {
        r = op(fn, b1, binop == -1 ? KR_HIR_INT_NEG : KR_HIR_INT_INVERT, TAG, SI, 0, 1, a);
    } else if (binop >= 100) {
        r = op(fn, b1, KR_HIR_INT_CMP, TAG, KR_HT_BOOL, binop - 100, 2, a, b);
    } else {
        r = op(fn, b1, KR_HIR_INT_BINOP, TAG, SI, binop, 2, a, b);
    }
    kr_hir_fs_entry d[] = {{4, cnst(fn, b1, kr_small(77))}, {5, a}};
    with_fs(fn, r, 3, KR_DEOPT_OVERFLOW, 2, d);
    op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, r);
    return fn;
}

/* The reference for binop_fn(op): 1 when compiled code must exit (overflow, zero divisor, bad shift),
 * else 0 with *w the exact result. */
static int binop_ref(int op, int64_t a, int64_t b, __int128 *w)
{
    int exits = 0;
    switch (op) {
    case KR_OP_ADD: *w = (__int128)a + b; break;
    case KR_OP_SUB: *w = (__int128)a - b; break;
    case KR_OP_MUL: *w = (__int128)a * b; break;
    case KR_OP_FLOORDIV:
        if (b == 0)
            exits = 1;
        else
            *w = (a == KR_SMALL_MIN && b == -1) ? -(__int128)a : floordiv_ref(a, b);
        break;
    case KR_OP_MOD:
        if (b == 0)
            exits = 1;
        else
            *w = mod_ref(a, b);
        break;
    case KR_OP_AND: *w = a & b; break;
    case KR_OP_OR: *w = a | b; break;
    case KR_OP_XOR: *w = a ^ b; break;
    case KR_OP_LSHIFT:
        if (b < 0 || b >= 64)
            exits = 1;
        else if (a != 0 && b >= 63)
            exits = 1;
        else
            *w = (__int128)a * ((__int128)1 << b);
        break;
    case KR_OP_RSHIFT:
        if (b < 0)
            exits = 1;
        else
            *w = a >> (b > 63 ? 63 : b);
        break;
    case -1: *w = -(__int128)a; break;
    case -2: *w = ~a; break;
    default: /* 100 + a comparison */
        switch (op - 100) {
        case KR_CMP_LT: *w = a < b; break;
        case KR_CMP_LE: *w = a <= b; break;
        case KR_CMP_EQ: *w = a == b; break;
        case KR_CMP_NE: *w = a != b; break;
        case KR_CMP_GT: *w = a > b; break;
        default: *w = a >= b; break;
        }
        return 0;
    }
    if (!exits && (*w > KR_SMALL_MAX || *w < KR_SMALL_MIN))
        exits = 1;
    return exits;
}

static void check_binop(kr_jit_code *jc, int64_t a, int64_t b, int exits, int64_t expect)
{
    reset_slots();
    entry_slots[0] = kr_small(a);
    entry_slots[1] = kr_small(b);
    run_result r = run(jc);
    if (exits) {
        if (r.ret != KR_NULL)
            ck_abort_msg("%lld, %lld: expected an exit, got %lld", (long long)a, (long long)b,
                         (long long)kr_small_val(r.ret));
        ck_assert_uint_eq(r.pc, 3);
        ck_assert_uint_eq(r.slots[4], kr_small(77));
        ck_assert_uint_eq(r.slots[5], kr_small(a));
    } else {
        if (r.ret != kr_small(expect))
            ck_abort_msg("%lld, %lld: expected %lld, got %s%lld", (long long)a, (long long)b, (long long)expect,
                         r.ret ? "" : "an exit ", r.ret ? (long long)kr_small_val(r.ret) : 0LL);
    }
}

START_TEST(test_int_ops)
{
    kr_jit_backend *be = backend(_i, 0, NULL);
    const int64_t vals[] = {0, 1, -1, 2, -2, 3, -3, 7, -7, 62, 63, 64, 100, -100, 12345678901LL,
                            -12345678901LL, KR_SMALL_MAX, KR_SMALL_MIN, KR_SMALL_MAX - 1, KR_SMALL_MIN + 1,
                            (int64_t)1 << 31, -((int64_t)1 << 31), (int64_t)1 << 40};
    const size_t nv = sizeof vals / sizeof vals[0];
    const int ops[] = {KR_OP_ADD, KR_OP_SUB, KR_OP_MUL, KR_OP_FLOORDIV, KR_OP_MOD, KR_OP_AND, KR_OP_OR,
                       KR_OP_XOR, KR_OP_LSHIFT, KR_OP_RSHIFT, -1, -2};
    for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++) {
        kr_hir_func *fn = binop_fn(ops[o]);
        kr_jit_code jc;
        compile_ok(be, fn, &jc);
        for (size_t i = 0; i < nv; i++)
            for (size_t j = 0; j < nv; j++) {
                int64_t a = vals[i], b = vals[j];
                __int128 w = 0;
                int exits = binop_ref(ops[o], a, b, &w);
                check_binop(&jc, a, b, exits, (int64_t)w);
            }
        kr_jit_backend_release(be, &jc);
        kr_hir_free(fn);
    }
    /* comparisons produce KR_TRUE / KR_FALSE */
    for (int c = 0; c < KR_CMP_COUNT; c++) {
        kr_hir_func *fn = binop_fn(100 + c);
        kr_jit_code jc;
        compile_ok(be, fn, &jc);
        for (size_t i = 0; i < nv; i++)
            for (size_t j = 0; j < nv; j++) {
                int64_t a = vals[i], b = vals[j];
                bool t = c == KR_CMP_LT ? a < b : c == KR_CMP_LE ? a <= b : c == KR_CMP_EQ ? a == b
                       : c == KR_CMP_NE ? a != b : c == KR_CMP_GT ? a > b : a >= b;
                reset_slots();
                entry_slots[0] = kr_small(a);
                entry_slots[1] = kr_small(b);
                ck_assert_uint_eq(run(&jc).ret, kr_bool(t));
            }
        kr_jit_backend_release(be, &jc);
        kr_hir_free(fn);
    }
    kr_jit_backend_free(be);
}
END_TEST

/* ---- constant operands: immediates, division by multiplication, compares against constants ------ */

/* r = a <binop> k (left: k <binop> a) for the constant k, a in slot 0; binop >= 100: the comparison
 * binop - 100, as a value or (branch) fused into a BRANCH returning True / False; binop 200 / 201:
 * `a is k` / `a is not k`. Exits as binop_fn's. */
static kr_hir_func *binop_const_fn(int binop, int64_t k, bool left, bool branch)
{
    kr_hir_func *fn = new_fn();
    uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0);
    kr_hir_add_edge(fn, b0, b1);
    op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
    kr_hir_ref a = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, SI, 0, 0);
    kr_hir_ref kc = cnst(fn, b1, kr_small(k));
    kr_hir_ref x = left ? kc : a, y = left ? a : kc, r;
    kr_hir_fs_entry d[] = {{4, cnst(fn, b1, kr_small(77))}, {5, a}};
    if (binop >= 300) { /* a % k == 0 (300) or != 0 (301), the zero on either side */
        kr_hir_ref m = op(fn, b1, KR_HIR_INT_BINOP, TAG, SI, KR_OP_MOD, 2, a, kc);
        with_fs(fn, m, 3, KR_DEOPT_OVERFLOW, 2, d);
        kr_hir_ref z = cnst(fn, b1, kr_small(0));
        r = op(fn, b1, KR_HIR_INT_CMP, TAG, KR_HT_BOOL, binop == 300 ? KR_CMP_EQ : KR_CMP_NE, 2, left ? z : m,
               left ? m : z);
    } else if (binop >= 200)
        r = op(fn, b1, KR_HIR_IS, TAG, KR_HT_BOOL, binop - 200, 2, x, y);
    else if (binop >= 100)
        r = op(fn, b1, KR_HIR_INT_CMP, TAG, KR_HT_BOOL, binop - 100, 2, x, y);
    else
        r = op(fn, b1, KR_HIR_INT_BINOP, TAG, SI, binop, 2, x, y);
    with_fs(fn, r, 3, KR_DEOPT_OVERFLOW, 2, d);
    if (!branch) {
        op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, r);
        return fn;
    }
    uint32_t bt = kr_hir_add_block(fn, 0), bf = kr_hir_add_block(fn, 0);
    kr_hir_add_edge(fn, b1, bt);
    kr_hir_add_edge(fn, b1, bf);
    op(fn, b1, KR_HIR_BRANCH, TAG, 0, 0, 1, r);
    op(fn, bt, KR_HIR_RETURN, TAG, 0, 0, 1, cnst(fn, bt, KR_TRUE));
    op(fn, bf, KR_HIR_RETURN, TAG, 0, 0, 1, cnst(fn, bf, KR_FALSE));
    return fn;
}

static uint64_t xorshift(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

START_TEST(test_int_ops_const)
{
    const int64_t P = (int64_t)1 << 61;
    const int64_t consts[] = {1, 2, 3, 5, 7, 10, 12, 1000, 1000000, 641, 65537, 1 << 20, (int64_t)1 << 30,
                              (int64_t)1 << 31, (int64_t)1 << 32, 1000000007, 12345678901LL, (int64_t)1 << 40,
                              P - 1, P, P + 1, 3 * (P / 2) + 5, KR_SMALL_MAX - 1, KR_SMALL_MAX, 0, -1, -2, -3,
                              -7, -1000, -((int64_t)1 << 31), -P, KR_SMALL_MIN + 1, KR_SMALL_MIN,
                              INT32_MAX / 2, INT32_MIN / 2, INT32_MAX / 2 + 1};
    const size_t nk = sizeof consts / sizeof consts[0];
    /* dividends: edges (around 0, multiples of the divisors, the ends of the range), then random ones of
     * every magnitude (below) */
    int64_t vals[400];
    size_t nv = 0;
    const int64_t edges[] = {0, 1, -1, 2, -2, 3, -3, 6, -6, 7, -7, 999, 1000, 1001, -999, -1000, -1001,
                             999999, 1000000, -1000000, -1000001, KR_SMALL_MAX, KR_SMALL_MIN, KR_SMALL_MAX - 1,
                             KR_SMALL_MIN + 1, P, -P, P - 1, -P + 1, INT32_MAX, INT32_MIN, (int64_t)1 << 32};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        vals[nv++] = edges[i];
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    while (nv < sizeof vals / sizeof vals[0]) {
        int bits = (int)(xorshift(&seed) % 62) + 1; /* magnitudes below 2^62 */
        int64_t v = (int64_t)(xorshift(&seed) >> (64 - bits));
        vals[nv++] = (xorshift(&seed) & 1) ? -v : v;
    }
    const int ops[] = {KR_OP_ADD, KR_OP_SUB, KR_OP_MUL, KR_OP_FLOORDIV, KR_OP_MOD, KR_OP_AND, KR_OP_OR,
                       KR_OP_XOR, KR_OP_LSHIFT, KR_OP_RSHIFT, 100 + KR_CMP_LT, 100 + KR_CMP_LE, 100 + KR_CMP_EQ,
                       100 + KR_CMP_NE, 100 + KR_CMP_GT, 100 + KR_CMP_GE, 200, 201, 300, 301};
    for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++)
        for (size_t ki = 0; ki < nk; ki++)
            for (int variant = 0; variant < 4; variant++) {
                bool left = variant & 1, branch = variant & 2;
                int binop = ops[o];
                int64_t k = consts[ki];
                if ((branch && binop < 100) || (binop >= 300 && (!branch || k == 0)))
                    continue;
                kr_hir_func *fn = binop_const_fn(binop, k, left, branch);
                char *dump = NULL;
                size_t dumplen = 0;
                FILE *df = open_memstream(&dump, &dumplen);
                ck_assert_ptr_nonnull(df);
                kr_jit_backend_options opts = {.code_limit = 0, .spill_all = _i, .dump = df, .perf_map = 0};
                kr_jit_backend *dbe = kr_jit_backend_new(&opts);
                ck_assert_ptr_nonnull(dbe);
                kr_jit_code jc;
                compile_ok(dbe, fn, &jc);
                fflush(df);
                /* the constant is an operand of the instruction, never materialised: for a right-hand
                 * constant the LIR accepts, and a left-hand one of a commutative op or a compare */
                enum kr_lir_op lop = binop >= 200   ? KR_LIR_IS
                                     : binop >= 100 ? KR_LIR_ICMP
                                     : binop == KR_OP_ADD ? KR_LIR_IADD : binop == KR_OP_SUB ? KR_LIR_ISUB
                                     : binop == KR_OP_MUL ? KR_LIR_IMUL : binop == KR_OP_FLOORDIV ? KR_LIR_IDIV
                                     : binop == KR_OP_MOD ? KR_LIR_IMOD : binop == KR_OP_AND ? KR_LIR_IAND
                                     : binop == KR_OP_OR  ? KR_LIR_IOR  : binop == KR_OP_XOR ? KR_LIR_IXOR
                                     : binop == KR_OP_RSHIFT ? KR_LIR_ISHR : KR_LIR_ISHL;
                bool swappable = binop >= 100 || binop == KR_OP_ADD || binop == KR_OP_MUL || binop == KR_OP_AND ||
                                 binop == KR_OP_OR || binop == KR_OP_XOR;
                bool folded = kr_lir_const_operand_ok(lop, 0, (int64_t)kr_small(k)) && (!left || swappable);
                const char *lir = strstr(dump, "LIR:");
                ck_assert_ptr_nonnull(lir);
                char needle[48];
                snprintf(needle, sizeof needle, "MOVI #%lld ", (long long)kr_small(k));
                bool movi = strstr(lir, needle) && strstr(lir, needle) < strstr(lir, "x86-64:");
                if (binop >= 300) { /* a remainder compared with 0: a divisibility test for k >= 2 */
                    folded = k >= 2;
                    movi = !strstr(lir, "BRANCH.divisible");
                }
                if (folded == movi)
                    ck_abort_msg("op %d, constant %lld%s: expected the constant %s\n%s", binop, (long long)k,
                                 left ? " on the left" : "", folded ? "folded" : "materialised", lir);
                for (size_t i = 0; i < nv; i++) {
                    int64_t a = vals[i];
                    int64_t x = left ? k : a, y = left ? a : k;
                    __int128 w = 0;
                    int exits = binop >= 200 ? 0 : binop_ref(binop, x, y, &w);
                    if (binop >= 300)
                        w = (mod_ref(a, k) == 0) == (binop == 300);
                    else if (binop >= 200)
                        w = (x == y) != (binop == 201);
                    reset_slots();
                    entry_slots[0] = kr_small(a);
                    run_result r = run(&jc);
                    kr_value want = exits ? KR_NULL : binop >= 100 ? kr_bool(w != 0) : kr_small((int64_t)w);
                    if (r.ret != want)
                        ck_abort_msg("op %d%s%s: %lld, %lld: expected the word %#llx, got %#llx (0: an exit)",
                                     binop, branch ? " (branch)" : "", left ? " (constant left)" : "",
                                     (long long)x, (long long)y, (unsigned long long)want,
                                     (unsigned long long)r.ret);
                    if (exits) {
                        ck_assert_uint_eq(r.pc, 3);
                        ck_assert_uint_eq(r.slots[4], kr_small(77));
                        ck_assert_uint_eq(r.slots[5], kr_small(a));
                    }
                }
                kr_jit_backend_release(dbe, &jc);
                kr_jit_backend_free(dbe);
                fclose(df);
                free(dump);
                kr_hir_free(fn);
            }
}
END_TEST

/* ---- (3) floats: (x*x + 0.5) / n boxed; x / 0 deopts with a double dirty ------------------------ */

static kr_hir_func *float_fn(void)
{
    kr_hir_func *fn = new_fn();
    uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0);
    kr_hir_add_edge(fn, b0, b1);
    op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
    kr_hir_ref a = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_ANY, 0, 0);
    kr_hir_ref ga = op(fn, b1, KR_HIR_GUARD_TYPE, TAG, KR_HT_FLOAT, KR_HT_FLOAT, 1, a);
    with_fs(fn, ga, 2, KR_DEOPT_TYPE, 0, NULL);
    kr_hir_ref n = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_ANY, 1, 0);
    kr_hir_ref gn = op(fn, b1, KR_HIR_GUARD_TYPE, TAG, SI, SI, 1, n);
    with_fs(fn, gn, 2, KR_DEOPT_TYPE, 0, NULL);
    kr_hir_ref x = op(fn, b1, KR_HIR_UNBOX_FLOAT, DBL, KR_HT_FLOAT, 0, 1, ga);
    kr_hir_ref sq = op(fn, b1, KR_HIR_FLOAT_BINOP, DBL, KR_HT_FLOAT, KR_OP_MUL, 2, x, x);
    kr_hir_ref s = op(fn, b1, KR_HIR_FLOAT_BINOP, DBL, KR_HT_FLOAT, KR_OP_ADD, 2, sq, dconst(fn, b1, 0.5));
    kr_hir_ref nd = op(fn, b1, KR_HIR_INT_TO_DOUBLE, DBL, KR_HT_FLOAT, 0, 1, gn);
    kr_hir_ref q = op(fn, b1, KR_HIR_FLOAT_BINOP, DBL, KR_HT_FLOAT, KR_OP_TRUEDIV, 2, s, nd);
    kr_hir_fs_entry d[] = {{3, s}, {4, dconst(fn, b1, -2.25)}};
    with_fs(fn, q, 9, KR_DEOPT_ZERO_DIV, 2, d);
    kr_hir_ref neg = op(fn, b1, KR_HIR_FLOAT_NEG, DBL, KR_HT_FLOAT, 0, 1, q);
    kr_hir_ref box = op(fn, b1, KR_HIR_BOX_FLOAT, TAG, KR_HT_FLOAT, 0, 1, neg);
    with_fs(fn, box, 10, KR_DEOPT_TYPE, 0, NULL);
    /* FLOAT_CMP (q > 1.0) stored as a bool in slot 6 */
    kr_hir_ref cmp = op(fn, b1, KR_HIR_FLOAT_CMP, TAG, KR_HT_BOOL, KR_CMP_GT, 2, q, dconst(fn, b1, 1.0));
    op(fn, b1, KR_HIR_STORE_SLOT, TAG, 0, 6, 1, cmp);
    op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, box);
    return fn;
}

START_TEST(test_floats)
{
    kr_jit_backend *be = backend(_i, 0, NULL);
    kr_hir_func *fn = float_fn();
    kr_jit_code jc;
    compile_ok(be, fn, &jc);
    reset_slots();
    entry_slots[0] = kr_float_new(vm, 1.5);
    entry_slots[1] = kr_small(2);
    run_result r = run(&jc);
    ck_assert(r.ret != KR_NULL && kr_is_ptr(r.ret) && KR_OBJ(r.ret)->type == vm->t.float_);
    ck_assert(kr_float_value(r.ret) == -(1.5 * 1.5 + 0.5) / 2.0);
    ck_assert_uint_eq(r.slots[6], KR_TRUE);
    entry_slots[0] = kr_float_new(vm, 0.25);
    r = run(&jc);
    ck_assert(kr_float_value(r.ret) == -(0.25 * 0.25 + 0.5) / 2.0);
    ck_assert_uint_eq(r.slots[6], KR_FALSE);
    /* a zero divisor: deopt at pc 9 with a DOUBLE and a double constant dirty */
    entry_slots[1] = kr_small(0);
    r = run(&jc);
    ck_assert_uint_eq(r.ret, KR_NULL);
    ck_assert_uint_eq(r.pc, 9);
    ck_assert(kr_is_ptr(r.slots[3]) && kr_float_value(r.slots[3]) == 0.25 * 0.25 + 0.5);
    ck_assert(kr_is_ptr(r.slots[4]) && kr_float_value(r.slots[4]) == -2.25);
    /* the type guard */
    entry_slots[0] = kr_small(3);
    entry_slots[1] = kr_small(1);
    r = run(&jc);
    ck_assert_uint_eq(r.ret, KR_NULL);
    ck_assert_uint_eq(r.pc, 2);
    kr_jit_backend_release(be, &jc);
    kr_hir_free(fn);
    kr_jit_backend_free(be);
}
END_TEST

/* ---- a double read by a call (BOX_FLOAT) that lives on: x = slot0 (a float); slot5 = box(x), whose
 * exit has x dirty; the guard on slot1 after the call exits with x dirty (read from where x spends
 * the call: its spill slot, as no xmm register survives a call); return box(x * x) ---------------- */

static kr_hir_func *box_lives_on_fn(void)
{
    kr_hir_func *fn = new_fn();
    uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0);
    kr_hir_add_edge(fn, b0, b1);
    op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
    kr_hir_ref a = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_ANY, 0, 0);
    kr_hir_ref ga = op(fn, b1, KR_HIR_GUARD_TYPE, TAG, KR_HT_FLOAT, KR_HT_FLOAT, 1, a);
    with_fs(fn, ga, 2, KR_DEOPT_TYPE, 0, NULL);
    kr_hir_ref x = op(fn, b1, KR_HIR_UNBOX_FLOAT, DBL, KR_HT_FLOAT, 0, 1, ga);
    kr_hir_fs_entry d[] = {{3, x}};
    kr_hir_ref bx = op(fn, b1, KR_HIR_BOX_FLOAT, TAG, KR_HT_FLOAT, 0, 1, x);
    with_fs(fn, bx, 3, KR_DEOPT_TYPE, 1, d);
    op(fn, b1, KR_HIR_STORE_SLOT, TAG, 0, 5, 1, bx);
    kr_hir_ref n = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_ANY, 1, 0);
    kr_hir_ref gn = op(fn, b1, KR_HIR_GUARD_TYPE, TAG, SI, SI, 1, n);
    with_fs(fn, gn, 4, KR_DEOPT_TYPE, 1, d);
    kr_hir_ref sq = op(fn, b1, KR_HIR_FLOAT_BINOP, DBL, KR_HT_FLOAT, KR_OP_MUL, 2, x, x);
    kr_hir_ref bs = op(fn, b1, KR_HIR_BOX_FLOAT, TAG, KR_HT_FLOAT, 0, 1, sq);
    with_fs(fn, bs, 5, KR_DEOPT_TYPE, 0, NULL);
    op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, bs);
    return fn;
}

START_TEST(test_box_call_double_lives_on)
{
    /* Refused before by both allocators ("every register is blocked"): the call's input needed a
     * register at the read and one surviving the call (raytrace.py's Vec.dot). */
    kr_jit_backend *be = backend(_i, 0, NULL);
    kr_hir_func *fn = box_lives_on_fn();
    kr_jit_code jc;
    compile_ok(be, fn, &jc);
    reset_slots();
    entry_slots[0] = kr_float_new(vm, 1.5);
    entry_slots[1] = kr_small(2);
    run_result r = run(&jc);
    ck_assert(r.ret != KR_NULL && kr_is_ptr(r.ret) && kr_float_value(r.ret) == 2.25);
    ck_assert(kr_is_ptr(r.slots[5]) && kr_float_value(r.slots[5]) == 1.5);
    /* the guard after the call exits: x is written back boxed from where it spent the call */
    entry_slots[1] = KR_NONE;
    r = run(&jc);
    ck_assert_uint_eq(r.ret, KR_NULL);
    ck_assert_uint_eq(r.pc, 4);
    ck_assert(kr_is_ptr(r.slots[3]) && kr_float_value(r.slots[3]) == 1.5);
    ck_assert(kr_is_ptr(r.slots[5]) && kr_float_value(r.slots[5]) == 1.5);
    kr_jit_backend_release(be, &jc);
    kr_hir_free(fn);
    kr_jit_backend_free(be);
}
END_TEST

START_TEST(test_float_compare_nan)
{
    kr_jit_backend *be = backend(_i, 0, NULL);
    const double vals[] = {-1.0, 0.0, -0.0, 2.5, NAN, INFINITY};
    for (int c = 0; c < KR_CMP_COUNT; c++)
        for (int fused = 0; fused < 2; fused++) {
            /* fused: BRANCH on the compare returning True/False constants; else the BOOL value */
            kr_hir_func *fn = new_fn();
            uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0);
            kr_hir_add_edge(fn, b0, b1);
            op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
            kr_hir_ref x = op(fn, b1, KR_HIR_UNBOX_FLOAT, DBL, KR_HT_FLOAT, 0, 1,
                              op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_FLOAT, 0, 0));
            kr_hir_ref y = op(fn, b1, KR_HIR_UNBOX_FLOAT, DBL, KR_HT_FLOAT, 0, 1,
                              op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_FLOAT, 1, 0));
            kr_hir_ref cmp = op(fn, b1, KR_HIR_FLOAT_CMP, TAG, KR_HT_BOOL, c, 2, x, y);
            if (fused) {
                uint32_t bt = kr_hir_add_block(fn, 0), bf = kr_hir_add_block(fn, 0);
                kr_hir_add_edge(fn, b1, bt);
                kr_hir_add_edge(fn, b1, bf);
                op(fn, b1, KR_HIR_BRANCH, TAG, 0, 0, 1, cmp);
                op(fn, bt, KR_HIR_RETURN, TAG, 0, 0, 1, cnst(fn, bt, KR_TRUE));
                op(fn, bf, KR_HIR_RETURN, TAG, 0, 0, 1, cnst(fn, bf, KR_FALSE));
            } else {
                op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, cmp);
            }
            kr_jit_code jc;
            compile_ok(be, fn, &jc);
            for (size_t i = 0; i < 6; i++)
                for (size_t j = 0; j < 6; j++) {
                    double a = vals[i], b = vals[j];
                    bool t = c == KR_CMP_LT ? a < b : c == KR_CMP_LE ? a <= b : c == KR_CMP_EQ ? a == b
                           : c == KR_CMP_NE ? a != b : c == KR_CMP_GT ? a > b : a >= b;
                    reset_slots();
                    entry_slots[0] = kr_float_new(vm, a);
                    entry_slots[1] = kr_float_new(vm, b);
                    if (run(&jc).ret != kr_bool(t))
                        ck_abort_msg("cmp %d fused %d: %g vs %g", c, fused, a, b);
                }
            kr_jit_backend_release(be, &jc);
            kr_hir_free(fn);
        }
    kr_jit_backend_free(be);
}
END_TEST

/* ---- (4) a deopt with more live values than registers, ints and doubles ------------------------- */

#define NPRESS 20

static kr_hir_func *pressure_fn(void)
{
    kr_hir_func *fn = new_fn();
    uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0);
    kr_hir_add_edge(fn, b0, b1);
    op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
    kr_hir_ref base = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, SI, 0, 0);
    kr_hir_ref fl = op(fn, b1, KR_HIR_UNBOX_FLOAT, DBL, KR_HT_FLOAT, 0, 1,
                       op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_FLOAT, 1, 0));
    kr_hir_ref iv[NPRESS], dv[NPRESS];
    kr_hir_fs_entry d[2 * NPRESS + 1];
    for (int i = 0; i < NPRESS; i++) {
        iv[i] = op(fn, b1, KR_HIR_INT_BINOP, TAG, SI, KR_OP_ADD, 2, base, cnst(fn, b1, kr_small(i * 1000)));
        with_fs(fn, iv[i], 3, KR_DEOPT_OVERFLOW, 0, NULL);
        dv[i] = op(fn, b1, KR_HIR_FLOAT_BINOP, DBL, KR_HT_FLOAT, KR_OP_MUL, 2, fl, dconst(fn, b1, i + 0.5));
        d[2 * i] = (kr_hir_fs_entry){(uint32_t)(4 + 2 * i), iv[i]};
        d[2 * i + 1] = (kr_hir_fs_entry){(uint32_t)(5 + 2 * i), dv[i]};
    }
    d[2 * NPRESS] = (kr_hir_fs_entry){4 + 2 * NPRESS, cnst(fn, b1, KR_NONE)};
    kr_hir_ref g = op(fn, b1, KR_HIR_GUARD_TYPE, TAG, SI, SI, 1, op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_ANY, 2, 0));
    with_fs(fn, g, 11, KR_DEOPT_TYPE, 2 * NPRESS + 1, d);
    /* all of them stay live past the guard: sum the ints, box the sum of the doubles into slot 3 */
    kr_hir_ref isum = g, dsum = dconst(fn, b1, 0.0);
    for (int i = 0; i < NPRESS; i++) {
        isum = op(fn, b1, KR_HIR_INT_BINOP, TAG, SI, KR_OP_ADD, 2, isum, iv[i]);
        with_fs(fn, isum, 12, KR_DEOPT_OVERFLOW, 0, NULL);
        dsum = op(fn, b1, KR_HIR_FLOAT_BINOP, DBL, KR_HT_FLOAT, KR_OP_ADD, 2, dsum, dv[i]);
    }
    kr_hir_ref box = op(fn, b1, KR_HIR_BOX_FLOAT, TAG, KR_HT_FLOAT, 0, 1, dsum);
    with_fs(fn, box, 13, KR_DEOPT_TYPE, 0, NULL);
    op(fn, b1, KR_HIR_STORE_SLOT, TAG, 0, 3, 1, box);
    op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, isum);
    return fn;
}

START_TEST(test_pressure_deopt)
{
    kr_jit_backend *be = backend(_i, 0, NULL);
    kr_hir_func *fn = pressure_fn();
    kr_jit_code jc;
    compile_ok(be, fn, &jc);
    reset_slots();
    entry_slots[0] = kr_small(7);
    entry_slots[1] = kr_float_new(vm, 2.0);
    entry_slots[2] = kr_small(5);
    run_result r = run(&jc);
    int64_t isum = 5;
    double dsum = 0.0;
    for (int i = 0; i < NPRESS; i++) {
        isum += 7 + i * 1000;
        dsum += 2.0 * (i + 0.5);
    }
    ck_assert_uint_eq(r.ret, kr_small(isum));
    ck_assert(kr_float_value(r.slots[3]) == dsum);
    /* the guard fails: 41 values written back */
    entry_slots[2] = KR_NONE;
    r = run(&jc);
    ck_assert_uint_eq(r.ret, KR_NULL);
    ck_assert_uint_eq(r.pc, 11);
    for (int i = 0; i < NPRESS; i++) {
        ck_assert_uint_eq(r.slots[4 + 2 * i], kr_small(7 + i * 1000));
        ck_assert(kr_is_ptr(r.slots[5 + 2 * i]) && kr_float_value(r.slots[5 + 2 * i]) == 2.0 * (i + 0.5));
    }
    ck_assert_uint_eq(r.slots[4 + 2 * NPRESS], KR_NONE);
    ck_assert_uint_eq(r.slots[3], KR_NONE);
    kr_jit_backend_release(be, &jc);
    kr_hir_free(fn);
    kr_jit_backend_free(be);
}
END_TEST

/* ---- truthiness and the dump ------------------------------------------------------------------ */

START_TEST(test_truthy_and_dump)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *dump = open_memstream(&buf, &len);
    kr_jit_backend *be = backend(_i, 0, dump);
    for (int inl = 0; inl < 2; inl++) {
        kr_hir_func *fn = new_fn();
        uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0);
        kr_hir_add_edge(fn, b0, b1);
        op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
        uint32_t types = inl ? (KR_HT_SMALLINT | KR_HT_BOOL | KR_HT_NONE | KR_HT_FLOAT | KR_HT_STR | KR_HT_LIST |
                                KR_HT_TUPLE)
                             : KR_HT_ANY;
        kr_hir_ref v = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, types, 0, 0);
        kr_hir_ref t = op(fn, b1, KR_HIR_TRUTHY, TAG, KR_HT_BOOL, 0, 1, v);
        with_fs(fn, t, 4, KR_DEOPT_TYPE, 0, NULL);
        op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, op(fn, b1, KR_HIR_NOT, TAG, KR_HT_BOOL, 0, 1, t));
        kr_jit_code jc;
        compile_ok(be, fn, &jc);
        kr_value vals[] = {kr_small(0), kr_small(-5), KR_TRUE, KR_FALSE, KR_NONE, kr_float_new(vm, 0.0),
                           kr_float_new(vm, -0.0), kr_float_new(vm, NAN), kr_float_new(vm, 3.0),
                           kr_intern(vm, ""), kr_intern(vm, "x"), vm->empty_tuple, kr_tuple_pack(vm, 1, KR_NONE)};
        for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
            reset_slots();
            entry_slots[0] = vals[i];
            int want = kr_truthy(vm, vals[i]);
            ck_assert_uint_eq(run(&jc).ret, kr_bool(!want));
        }
        kr_jit_backend_release(be, &jc);
        kr_hir_free(fn);
    }
    kr_jit_backend_free(be);
    fclose(dump);
    ck_assert_ptr_nonnull(strstr(buf, "LIR:"));
    ck_assert_ptr_nonnull(strstr(buf, "TRUTHY_CALL"));
    ck_assert_ptr_nonnull(strstr(buf, "x86-64:"));
    free(buf);
}
END_TEST

/* ---- round 2: guards on dicts, shapes and bounds; items, attributes, len ----------------------- */

/* An exit at pc with every exit of that pc carrying reason; the dirty slots 6 (a register value: the
 * entry's slot 2) and 7 (the constant 55) written back, slot 2 itself untouched. */
static void expect_exit(const kr_jit_code *jc, const run_result *r, uint32_t pc, uint8_t reason)
{
    if (r->ret != KR_NULL)
        ck_abort_msg("expected an exit at pc %u, got a return", pc);
    ck_assert(!vm->exc);
    ck_assert_uint_eq(r->pc, pc);
    int seen = 0;
    for (uint32_t e = 0; e < jc->nexits; e++)
        if (jc->exits[e].pc == pc) {
            ck_assert_uint_eq(jc->exits[e].reason, reason);
            seen = 1;
        }
    ck_assert(seen);
    ck_assert_uint_eq(r->slots[6], entry_slots[2]);
    ck_assert_uint_eq(r->slots[7], kr_small(55));
}

/* The frame state of the round-2 tests: slot 6 = k (a value in a register), slot 7 = 55. */
static void with_dirty(kr_hir_func *fn, uint32_t b, kr_hir_ref r, kr_hir_ref k, uint32_t pc, uint8_t reason)
{
    kr_hir_fs_entry d[] = {{6, k}, {7, cnst(fn, b, kr_small(55))}};
    with_fs(fn, r, pc, reason, 2, d);
}

/* GUARD_DICT_VERSION(dict; version, which) + LOAD_ADDR(slot): a global read through its dict slot. */
static kr_hir_func *global_fn(kr_value dict, uint64_t version, int which, const kr_value *slot)
{
    kr_hir_func *fn = new_fn();
    uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0);
    kr_hir_add_edge(fn, b0, b1);
    op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
    kr_hir_ref k = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, SI, 2, 0);
    kr_hir_ref g = op(fn, b1, KR_HIR_GUARD_DICT_VERSION, TAG, 0, (int64_t)version, 0);
    fn->insns[g].value = dict;
    fn->insns[g].imm2 = which;
    with_dirty(fn, b1, g, k, 2, KR_DEOPT_GLOBAL);
    kr_hir_ref v = op(fn, b1, KR_HIR_LOAD_ADDR, TAG, KR_HT_ANY, (int64_t)(uintptr_t)slot, 0);
    op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, v);
    return fn;
}

START_TEST(test_dict_version_guard)
{
    kr_jit_backend *be = backend(_i, 0, NULL);
    kr_value key = kr_intern(vm, "g");
    pins[0] = key;
    pins[1] = kr_dict_new(vm); /* another dict as globals */
    for (int which = 0; which <= 2; which++) {
        pins[2] = kr_dict_new(vm);
        kr_value d = pins[2];
        ck_assert_int_eq(kr_dict_set(vm, d, key, kr_small(42)), 0);
        kr_value *slot = kr_dict_lookup_slot(vm, d, key);
        ck_assert_ptr_nonnull(slot);
        uint64_t version = kr_dict_keys_version(d);
        kr_hir_func *fn = global_fn(d, version, which, slot);
        kr_jit_code jc;
        compile_ok(be, fn, &jc);
        reset_slots();
        entry_slots[2] = kr_small(-12345);
        entry_globals = which == 1 ? d : pins[1];
        entry_builtins = which == 2 ? d : pins[1];
        ck_assert_uint_eq(run(&jc).ret, kr_small(42));
        /* replacing the value keeps the keys version: the slot reads the new value */
        ck_assert_int_eq(kr_dict_set(vm, d, key, kr_small(43)), 0);
        ck_assert_uint_eq(kr_dict_keys_version(d), version);
        ck_assert_uint_eq(run(&jc).ret, kr_small(43));
        run_result r;
        if (which) { /* another dict in the frame's globals / builtins */
            entry_globals = entry_builtins = pins[1];
            r = run(&jc);
            expect_exit(&jc, &r, 2, KR_DEOPT_GLOBAL);
            entry_globals = entry_builtins = d;
            ck_assert_uint_eq(run(&jc).ret, kr_small(43));
        }
        /* a new key changes the keys version */
        ck_assert_int_eq(kr_dict_set(vm, d, kr_intern(vm, "h"), KR_NONE), 0);
        ck_assert_uint_ne(kr_dict_keys_version(d), version);
        r = run(&jc);
        expect_exit(&jc, &r, 2, KR_DEOPT_GLOBAL);
        kr_jit_backend_release(be, &jc);
        kr_hir_free(fn);
        /* a version beyond 32 bits (compared through r11) */
        version = kr_dict_keys_version(d);
        slot = kr_dict_lookup_slot(vm, d, key);
        fn = global_fn(d, version | ((uint64_t)1 << 40), which, slot);
        compile_ok(be, fn, &jc);
        r = run(&jc);
        expect_exit(&jc, &r, 2, KR_DEOPT_GLOBAL);
        kr_jit_backend_release(be, &jc);
        kr_hir_free(fn);
    }
    entry_globals = entry_builtins = KR_NULL;
    kr_jit_backend_free(be);
}
END_TEST

/* Runs Python source with fresh globals (pins[gi]) and returns them. */
static kr_value run_python(const char *src, int gi)
{
    pins[gi] = kr_dict_new(vm);
    kr_value co = kr_compile_source(vm, src, strlen(src), "<test>", KR_PARSE_FILE);
    ck_assert(co != KR_NULL);
    pins[gi + 1] = co;
    ck_assert(kr_interp_run_code(vm, co, pins[gi], KR_NULL) != KR_NULL);
    pins[gi + 1] = KR_NULL;
    return pins[gi];
}

/* o = slot 0; GUARD_SHAPE(o; type, version, shape); x, y = o.x, o.y; o.x, o.y = y, x; return x */
static kr_hir_func *swap_fn(kr_type *type, uint32_t version, kr_shape *shape)
{
    kr_hir_func *fn = new_fn();
    uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0);
    kr_hir_add_edge(fn, b0, b1);
    op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
    kr_hir_ref o = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_ANY, 0, 0);
    kr_hir_ref k = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, SI, 2, 0);
    kr_hir_ref g = op(fn, b1, KR_HIR_GUARD_SHAPE, TAG, KR_HT_OBJECT, version, 1, o);
    fn->insns[g].value = KR_VAL(type);
    fn->insns[g].imm2 = (int64_t)(uintptr_t)shape;
    with_dirty(fn, b1, g, k, 3, KR_DEOPT_SHAPE);
    kr_hir_ref x = op(fn, b1, KR_HIR_LOAD_INST_SLOT, TAG, KR_HT_ANY, 0, 1, g);
    kr_hir_ref y = op(fn, b1, KR_HIR_LOAD_INST_SLOT, TAG, KR_HT_ANY, 1, 1, g);
    op(fn, b1, KR_HIR_STORE_INST_SLOT, TAG, 0, 0, 2, g, y);
    op(fn, b1, KR_HIR_STORE_INST_SLOT, TAG, 0, 1, 2, g, x);
    op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, x);
    return fn;
}

START_TEST(test_shape_guard_inst_slots)
{
    kr_jit_backend *be = backend(_i, 0, NULL);
    kr_value g = run_python("class P:\n"
                            "    def __init__(self, x, y):\n"
                            "        self.x = x\n"
                            "        self.y = y\n"
                            "class Q(P):\n"
                            "    pass\n"
                            "p = P(3, 4)\n"
                            "s = P('a', None)\n"
                            "r = P(7, 8)\n"
                            "r.z = 1\n"
                            "t = P(5, 6)\n"
                            "del t.x\n"
                            "t.x = 9\n"
                            "q = Q(3, 4)\n",
                            0);
    kr_value p = kr_dict_get_cstr(vm, g, "p"), s = kr_dict_get_cstr(vm, g, "s");
    kr_value r_ = kr_dict_get_cstr(vm, g, "r"), t = kr_dict_get_cstr(vm, g, "t");
    kr_value q = kr_dict_get_cstr(vm, g, "q");
    ck_assert(p && s && r_ && t && q);
    kr_type *type = KR_OBJ(p)->type;
    ck_assert_ptr_eq(KR_OBJ(r_)->type, type);
    ck_assert_ptr_ne(kr_instance_shape(r_), kr_instance_shape(p));
    for (int with_shape = 0; with_shape < 2; with_shape++) {
        uint32_t version = type->version;
        kr_shape *shape = with_shape ? kr_instance_shape(p) : NULL;
        kr_hir_func *fn = swap_fn(type, version, shape);
        kr_jit_code jc;
        compile_ok(be, fn, &jc);
        reset_slots();
        entry_slots[2] = kr_small(31);
        entry_slots[0] = p;
        ck_assert_uint_eq(run(&jc).ret, kr_small(3));
        ck_assert_uint_eq(kr_instance_slots(p)[0], kr_small(4));
        ck_assert_uint_eq(kr_instance_slots(p)[1], kr_small(3));
        ck_assert_uint_eq(run(&jc).ret, kr_small(4)); /* swapped back */
        ck_assert_uint_eq(kr_instance_slots(p)[0], kr_small(3));
        entry_slots[0] = s; /* same shape, heap values */
        kr_value sx = kr_instance_slots(s)[0];
        ck_assert(kr_is_ptr(sx));
        ck_assert_uint_eq(run(&jc).ret, sx);
        ck_assert_uint_eq(kr_instance_slots(s)[0], KR_NONE);
        ck_assert_uint_eq(kr_instance_slots(s)[1], sx);
        run(&jc);
        /* a longer shape: only the shape guard tells it apart (x, y come first in both) */
        entry_slots[0] = r_;
        run_result res = run(&jc);
        if (with_shape) {
            expect_exit(&jc, &res, 3, KR_DEOPT_SHAPE);
            ck_assert_uint_eq(kr_instance_slots(r_)[0], kr_small(7)); /* untouched */
        } else {
            ck_assert_uint_eq(res.ret, kr_small(7));
            run(&jc);
        }
        /* dict mode (shape NULL): exits with or without a shape when the shape is checked */
        entry_slots[0] = t;
        if (with_shape) {
            res = run(&jc);
            expect_exit(&jc, &res, 3, KR_DEOPT_SHAPE);
        }
        /* a subclass instance, non-pointers and other objects */
        kr_value others[] = {q, kr_small(5), KR_NONE, KR_TRUE, KR_NULL, kr_intern(vm, "xy"), vm->empty_tuple,
                             KR_VAL(type)};
        for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
            entry_slots[0] = others[i];
            res = run(&jc);
            expect_exit(&jc, &res, 3, KR_DEOPT_SHAPE);
        }
        /* the class changes: its version moves on */
        kr_type_modified(vm, type);
        ck_assert_uint_ne(type->version, version);
        entry_slots[0] = p;
        res = run(&jc);
        expect_exit(&jc, &res, 3, KR_DEOPT_SHAPE);
        ck_assert_uint_eq(kr_instance_slots(p)[0], kr_small(3));
        kr_jit_backend_release(be, &jc);
        kr_hir_free(fn);
    }
    kr_jit_backend_free(be);
}
END_TEST

/* ---- __slots__ members: LOAD_FIELD / STORE_FIELD ---------------------------------------------- */

/* o = slot 0; GUARD_SHAPE(o; type, version, no shape) exiting at pc 3; x = the word at ox (exit at pc
 * 4, reason UNBOUND, when unset), y = the word at oy (pc 5); o's words at ox, oy = y, x; return x. */
static kr_hir_func *field_fn(kr_type *type, uint32_t version, int64_t ox, int64_t oy)
{
    kr_hir_func *fn = new_fn();
    uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0);
    kr_hir_add_edge(fn, b0, b1);
    op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
    kr_hir_ref o = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_ANY, 0, 0);
    kr_hir_ref k = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, SI, 2, 0);
    kr_hir_fs_entry d[] = {{6, k}, {7, cnst(fn, b1, kr_small(55))}}; /* as with_dirty, made first */
    kr_hir_ref g = op(fn, b1, KR_HIR_GUARD_SHAPE, TAG, KR_HT_OBJECT, version, 1, o);
    fn->insns[g].value = KR_VAL(type);
    fn->insns[g].imm2 = 0;
    with_fs(fn, g, 3, KR_DEOPT_SHAPE, 2, d);
    kr_hir_ref x = op(fn, b1, KR_HIR_LOAD_FIELD, TAG, KR_HT_ANY & ~(uint32_t)(KR_HT_UNBOUND | KR_HT_NULL), ox, 1, g);
    with_fs(fn, x, 4, KR_DEOPT_UNBOUND, 2, d);
    kr_hir_ref y = op(fn, b1, KR_HIR_LOAD_FIELD, TAG, KR_HT_ANY & ~(uint32_t)(KR_HT_UNBOUND | KR_HT_NULL), oy, 1, g);
    with_fs(fn, y, 5, KR_DEOPT_UNBOUND, 2, d);
    op(fn, b1, KR_HIR_STORE_FIELD, TAG, 0, ox, 2, g, y);
    op(fn, b1, KR_HIR_STORE_FIELD, TAG, 0, oy, 2, g, x);
    op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, x);
    return fn;
}

/* The byte offset of type's __slots__ member name (from its member descriptor). */
static int64_t member_offset_of(kr_type *type, const char *name)
{
    kr_value d = kr_type_lookup(vm, type, kr_intern(vm, name));
    ck_assert(d != KR_NULL && KR_OBJ(d)->type == vm->member_descr_type);
    return KR_AS(kr_member_descr, d)->offset;
}

static kr_value field_at(kr_value o, int64_t off) { return *(kr_value *)((char *)KR_OBJ(o) + off); }

START_TEST(test_slots_fields)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *dump = open_memstream(&buf, &len);
    kr_jit_backend *be = backend(_i, 0, dump);
    kr_value g = run_python("class V:\n"
                            "    __slots__ = ('x', 'y')\n"
                            "    def __init__(self, x, y):\n"
                            "        self.x = x\n"
                            "        self.y = y\n"
                            "class W(V):\n"
                            "    pass\n"
                            "v = V(3, 4)\n"
                            "s = V('a', None)\n"
                            "u = V(1, 2)\n"
                            "del u.x\n"
                            "w = W(5, 6)\n",
                            0);
    kr_value v = kr_dict_get_cstr(vm, g, "v"), s = kr_dict_get_cstr(vm, g, "s");
    kr_value u = kr_dict_get_cstr(vm, g, "u"), w = kr_dict_get_cstr(vm, g, "w");
    ck_assert(v && s && u && w);
    kr_type *type = KR_OBJ(v)->type;
    int64_t ox = member_offset_of(type, "x"), oy = member_offset_of(type, "y");
    uint32_t version = type->version;
    kr_hir_func *fn = field_fn(type, version, ox, oy);
    ck_assert_msg(kr_hir_verify(fn) == 0, "%s", fn->error);
    kr_jit_code jc;
    compile_ok(be, fn, &jc);
    reset_slots();
    entry_slots[2] = kr_small(31);
    entry_slots[0] = v;
    ck_assert_uint_eq(run(&jc).ret, kr_small(3));
    ck_assert_uint_eq(field_at(v, ox), kr_small(4));
    ck_assert_uint_eq(field_at(v, oy), kr_small(3));
    ck_assert_uint_eq(run(&jc).ret, kr_small(4)); /* swapped back */
    ck_assert_uint_eq(field_at(v, ox), kr_small(3));
    /* heap values */
    entry_slots[0] = s;
    kr_value sx = field_at(s, ox);
    ck_assert(kr_is_ptr(sx));
    ck_assert_uint_eq(run(&jc).ret, sx);
    ck_assert_uint_eq(field_at(s, ox), KR_NONE);
    ck_assert_uint_eq(field_at(s, oy), sx);
    /* an unset member: the load exits to its LOAD_ATTR before any store, without an exception */
    entry_slots[0] = u;
    run_result res = run(&jc);
    expect_exit(&jc, &res, 4, KR_DEOPT_UNBOUND);
    ck_assert_uint_eq(field_at(u, ox), KR_NULL);
    ck_assert_uint_eq(field_at(u, oy), kr_small(2));
    *(kr_value *)((char *)KR_OBJ(u) + ox) = kr_small(1);
    *(kr_value *)((char *)KR_OBJ(u) + oy) = KR_NULL;
    res = run(&jc);
    expect_exit(&jc, &res, 5, KR_DEOPT_UNBOUND);
    ck_assert_uint_eq(field_at(u, ox), kr_small(1));
    ck_assert_uint_eq(field_at(u, oy), KR_NULL);
    /* a subclass instance (it has a __dict__ too), non-pointers and other objects */
    kr_value others[] = {w, kr_small(5), KR_NONE, KR_NULL, kr_intern(vm, "xy"), KR_VAL(type)};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        entry_slots[0] = others[i];
        res = run(&jc);
        expect_exit(&jc, &res, 3, KR_DEOPT_SHAPE);
    }
    ck_assert_uint_eq(field_at(w, ox), kr_small(5));
    /* the class changes: its version moves on */
    kr_type_modified(vm, type);
    entry_slots[0] = v;
    res = run(&jc);
    expect_exit(&jc, &res, 3, KR_DEOPT_SHAPE);
    ck_assert_uint_eq(field_at(v, ox), kr_small(3));
    kr_jit_backend_release(be, &jc);
    kr_hir_free(fn);
    kr_jit_backend_free(be);
    fclose(dump);
    ck_assert_ptr_nonnull(strstr(buf, "LOAD_FIELD"));
    ck_assert_ptr_nonnull(strstr(buf, "STORE_FIELD"));
    free(buf);
}
END_TEST

/* s = slot 0 (type seq); i = slot 1 or the constant index; get: return s[i]; set: s[i] = slot 3 */
static kr_hir_func *item_fn(enum kr_hir_op o, uint32_t seq, int const_index, int64_t index)
{
    kr_hir_func *fn = new_fn();
    uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0);
    kr_hir_add_edge(fn, b0, b1);
    op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
    kr_hir_ref sq = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, seq, 0, 0);
    kr_hir_ref i = const_index ? cnst(fn, b1, kr_small(index)) : op(fn, b1, KR_HIR_LOAD_SLOT, TAG, SI, 1, 0);
    kr_hir_ref k = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, SI, 2, 0);
    kr_hir_ref r;
    if (o == KR_HIR_LIST_SET) {
        kr_hir_ref v = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_ANY, 3, 0);
        r = op(fn, b1, o, TAG, 0, 0, 3, sq, i, v);
        with_dirty(fn, b1, r, k, 4, KR_DEOPT_BOUNDS);
        op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, cnst(fn, b1, KR_NONE));
    } else {
        r = op(fn, b1, o, TAG, KR_HT_ANY, 0, 2, sq, i);
        with_dirty(fn, b1, r, k, 4, KR_DEOPT_BOUNDS);
        op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, r);
    }
    return fn;
}

START_TEST(test_list_tuple_items)
{
    kr_jit_backend *be = backend(_i, 0, NULL);
    pins[0] = kr_list_new(vm, 0);
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(kr_list_append(vm, pins[0], kr_small(10 * (i + 1))), 0);
    pins[1] = kr_tuple_pack(vm, 3, kr_intern(vm, "a"), KR_NONE, kr_small(30));
    pins[2] = kr_list_new(vm, 0);
    pins[3] = kr_intern(vm, "new");
    kr_value list = pins[0], tuple = pins[1], empty = pins[2];
    const int64_t idx[] = {-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 100, KR_SMALL_MAX, KR_SMALL_MIN, INT32_MAX,
                           (int64_t)1 << 40};
    const enum kr_hir_op ops[] = {KR_HIR_LIST_GET, KR_HIR_TUPLE_GET, KR_HIR_LIST_SET};
    for (int oi = 0; oi < 3; oi++)
        for (int ci = 0; ci < 6; ci++) {
            /* ci 0: the index from a slot; 1..5: the constants 0, 2, 3, -1, -4 */
            static const int64_t consts[] = {0, 0, 2, 3, -1, -4};
            enum kr_hir_op o = ops[oi];
            kr_value seq = o == KR_HIR_TUPLE_GET ? tuple : list;
            kr_hir_func *fn = item_fn(o, o == KR_HIR_TUPLE_GET ? KR_HT_TUPLE : KR_HT_LIST, ci != 0, consts[ci]);
            kr_jit_code jc;
            compile_ok(be, fn, &jc);
            for (size_t j = 0; j < (ci ? 1 : sizeof idx / sizeof idx[0]); j++) {
                int64_t i = ci ? consts[ci] : idx[j];
                for (int e = 0; e < 2; e++) { /* the 3-item sequence, then an empty list */
                    if (e && o == KR_HIR_TUPLE_GET)
                        seq = vm->empty_tuple;
                    else if (e)
                        seq = empty;
                    int64_t n = e ? 0 : 3;
                    reset_slots();
                    entry_slots[0] = seq;
                    entry_slots[1] = kr_small(i);
                    entry_slots[2] = kr_small(700 + i % 100);
                    entry_slots[3] = pins[3];
                    bool in_range = i >= -n && i < n;
                    int64_t at = i < 0 ? i + n : i;
                    kr_value before = in_range ? (o == KR_HIR_TUPLE_GET ? KR_AS(kr_tuple, seq)->items[at]
                                                                         : KR_AS(kr_list, seq)->items[at])
                                               : KR_NULL;
                    run_result r = run(&jc);
                    if (!in_range) {
                        expect_exit(&jc, &r, 4, KR_DEOPT_BOUNDS);
                        continue;
                    }
                    if (o == KR_HIR_LIST_SET) {
                        ck_assert_uint_eq(r.ret, KR_NONE);
                        ck_assert_uint_eq(KR_AS(kr_list, seq)->items[at], pins[3]);
                        KR_AS(kr_list, seq)->items[at] = before; /* restore */
                        for (int64_t m = 0; m < 3; m++)
                            ck_assert_uint_eq(KR_AS(kr_list, seq)->items[m], kr_small(10 * (m + 1)));
                    } else {
                        if (r.ret != before)
                            ck_abort_msg("%s index %lld: wrong item", kr_hir_op_names[o], (long long)i);
                    }
                }
                seq = o == KR_HIR_TUPLE_GET ? tuple : list;
            }
            kr_jit_backend_release(be, &jc);
            kr_hir_free(fn);
        }
    kr_jit_backend_free(be);
}
END_TEST

/* len() and truthiness of str (non-ASCII too), list, tuple and dict, one type known or several. */
START_TEST(test_len_and_dict_truthy)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *dump = open_memstream(&buf, &len);
    kr_jit_backend *be = backend(_i, 0, dump);
    const char *utf8 = "h\xc3\xa9llo \xe2\x82\xac\xf0\x9f\x90\x8d"; /* h é l l o space € snake: 8 */
    pins[0] = kr_str_new(vm, utf8, strlen(utf8));
    pins[1] = kr_list_new(vm, 0);
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(kr_list_append(vm, pins[1], kr_small(i)), 0);
    pins[2] = kr_tuple_pack(vm, 2, KR_NONE, KR_NONE);
    pins[3] = kr_dict_new(vm);
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(kr_dict_set(vm, pins[3], kr_small(i), KR_NONE), 0);
    pins[4] = kr_dict_new(vm);
    pins[5] = kr_list_new(vm, 4);
    pins[6] = kr_intern(vm, "");
    ck_assert_int_eq(kr_str_len(pins[0]), 8);
    /* A length of 4G code points or more is kept after the data (vm/object.h): a string that says so
     * in its header, with room for that word (a real one would need 4 GB). */
    kr_str *far = kr_str_alloc_raw(vm, 40);
    memset(far->data, 'x', 40);
    far->nbytes = 20;
    far->data[20] = '\0';
    far->ob.flags = KR_STR_ASCII;
    far->ob.aux = KR_STR_LEN_FAR;
    int64_t far_len = INT64_C(5000000000);
    ck_assert_uint_le(kr_str_far_len_offset(20) + sizeof far_len, sizeof(kr_str) + 41);
    memcpy((char *)far + kr_str_far_len_offset(20), &far_len, sizeof far_len);
    pins[7] = KR_VAL(far);
    ck_assert_int_eq(kr_str_len(pins[7]), far_len);
    struct { kr_value v; uint32_t type; int64_t n; } cases[] = {
        {pins[0], KR_HT_STR, 8},  {pins[6], KR_HT_STR, 0},          {kr_intern(vm, "abc"), KR_HT_STR, 3},
        {pins[7], KR_HT_STR, far_len},
        {pins[1], KR_HT_LIST, 5}, {pins[5], KR_HT_LIST, 0},         {pins[2], KR_HT_TUPLE, 2},
        {vm->empty_tuple, KR_HT_TUPLE, 0}, {pins[3], KR_HT_DICT, 3}, {pins[4], KR_HT_DICT, 0},
    };
    const uint32_t all = KR_HT_STR | KR_HT_LIST | KR_HT_TUPLE | KR_HT_DICT;
    const uint32_t typesets[] = {0 /* the value's own type */, all, KR_HT_LIST | KR_HT_DICT, KR_HT_STR | KR_HT_TUPLE};
    for (int truthy = 0; truthy < 2; truthy++)
        for (size_t ts = 0; ts < sizeof typesets / sizeof typesets[0]; ts++)
            for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
                uint32_t type = typesets[ts] ? typesets[ts] : cases[c].type;
                if (!(type & cases[c].type))
                    continue;
                kr_hir_func *fn = new_fn();
                uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0);
                kr_hir_add_edge(fn, b0, b1);
                op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
                kr_hir_ref v = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, type, 0, 0);
                kr_hir_ref r;
                if (truthy) {
                    r = op(fn, b1, KR_HIR_TRUTHY, TAG, KR_HT_BOOL, 0, 1, v);
                    with_fs(fn, r, 4, KR_DEOPT_TYPE, 0, NULL);
                } else {
                    r = op(fn, b1, KR_HIR_LEN, TAG, SI, 0, 1, v);
                }
                op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, r);
                kr_jit_code jc;
                compile_ok(be, fn, &jc);
                reset_slots();
                entry_slots[0] = cases[c].v;
                kr_value want = truthy ? kr_bool(cases[c].n != 0) : kr_small(cases[c].n);
                kr_value got = run(&jc).ret;
                if (got != want)
                    ck_abort_msg("%s case %zu types 0x%x: got 0x%llx", truthy ? "truthy" : "len", c, type,
                                 (unsigned long long)got);
                kr_jit_backend_release(be, &jc);
                kr_hir_free(fn);
            }
    kr_jit_backend_free(be);
    fclose(dump);
    ck_assert_ptr_nonnull(strstr(buf, "LEN"));
    ck_assert_ptr_null(strstr(buf, "TRUTHY_CALL")); /* dicts are inline now */
    free(buf);
}
END_TEST

/* ---- (6) the code memory limit ---------------------------------------------------------------- */

/* ---- CALL_RT: runtime functions called directly, values in registers, no flush ---------------- */

/* slot 3 = -x (UNARY_OP, exc at pc 3); return x in y (CONTAINS, exc at pc 5). Both calls keep k
 * (slot 6, a register), 55 (slot 7, a constant) and the double (double)k (slot 8) dirty: an
 * exception exit writes them back, boxing the double. */
static kr_hir_func *call_rt_fn(void)
{
    kr_hir_func *fn = new_fn();
    uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0);
    kr_hir_add_edge(fn, b0, b1);
    op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
    kr_hir_ref x = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_ANY, 0, 0);
    kr_hir_ref y = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_ANY, 1, 0);
    kr_hir_ref k = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, SI, 2, 0);
    kr_hir_ref d = op(fn, b1, KR_HIR_INT_TO_DOUBLE, DBL, KR_HT_FLOAT, 0, 1, k);
    kr_hir_fs_entry dirty[] = {{6, k}, {7, cnst(fn, b1, kr_small(55))}, {8, d}};
    kr_hir_ref neg = op(fn, b1, KR_HIR_CALL_RT, TAG, KR_HT_ANY, KR_JIT_RT_UNARY_OP, 1, x);
    fn->insns[neg].imm2 = KR_UNARY_NEG;
    with_fs(fn, neg, 3, KR_DEOPT_UNCOMPILED, 3, dirty);
    op(fn, b1, KR_HIR_STORE_SLOT, TAG, 0, 3, 1, neg);
    kr_hir_ref in = op(fn, b1, KR_HIR_CALL_RT, TAG, KR_HT_BOOL, KR_JIT_RT_CONTAINS, 2, y, x);
    with_fs(fn, in, 5, KR_DEOPT_UNCOMPILED, 3, dirty);
    op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, in);
    return fn;
}

/* An exception exit of call_rt_fn at pc with the TypeError message want. */
static void expect_rt_exc(const run_result *r, uint32_t pc, const char *want)
{
    ck_assert_uint_eq(r->ret, KR_NULL);
    ck_assert(vm->exc);
    ck_assert(kr_err_matches(vm, KR_EXC(vm, TypeError)));
    kr_value exc = vm->exc;
    kr_err_clear(vm);
    kr_value msg = kr_tostr(vm, exc); /* no safepoint in between: exc needs no root */
    ck_assert(msg != KR_NULL);
    ck_assert_str_eq(kr_str_data(msg), want);
    ck_assert_uint_eq(r->pc, pc);
    ck_assert_uint_eq(r->slots[6], entry_slots[2]);
    ck_assert_uint_eq(r->slots[7], kr_small(55));
    ck_assert(kr_is_ptr(r->slots[8]) && KR_OBJ(r->slots[8])->type == vm->t.float_);
    ck_assert(kr_float_value(r->slots[8]) == (double)kr_small_val(entry_slots[2]));
}

START_TEST(test_call_rt)
{
    /* the table: every signature names at most LIR's three inputs and one immediate */
    for (int f = 0; f < KR_JIT_RT_COUNT; f++) {
        int v = 0, i = 0;
        for (const char *p = kr_jit_rt_table[f].sig; *p; p++) {
            v += *p == 'v';
            i += *p == 'i';
        }
        ck_assert_int_eq(v, kr_jit_rt_nvalues((enum kr_jit_rt_fn)f));
        ck_assert_int_le(v, 3);
        ck_assert_int_le(i, 1);
        ck_assert_ptr_nonnull(kr_jit_rt_table[f].fn);
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *dump = open_memstream(&buf, &len);
    kr_jit_backend *be = backend(_i, 0, dump);
    kr_hir_func *fn = call_rt_fn();
    ck_assert_msg(kr_hir_verify(fn) == 0, "%s", fn->error);
    kr_jit_code jc;
    compile_ok(be, fn, &jc);
    pins[0] = kr_tuple_pack(vm, 2, kr_small(1), kr_small(5));
    pins[1] = kr_intern(vm, "a");
    /* both calls succeed: slot 3 = -5 (stored), 5 in (1, 5); nothing dirty written */
    reset_slots();
    entry_slots[0] = kr_small(5);
    entry_slots[1] = pins[0];
    entry_slots[2] = kr_small(9);
    run_result r = run(&jc);
    ck_assert_uint_eq(r.ret, KR_TRUE);
    ck_assert(!vm->exc);
    ck_assert_uint_eq(r.slots[3], kr_small(-5));
    ck_assert_uint_eq(r.slots[6], KR_NONE);
    entry_slots[0] = kr_small(2);
    r = run(&jc);
    ck_assert_uint_eq(r.ret, KR_FALSE);
    ck_assert_uint_eq(r.slots[3], kr_small(-2));
    /* -'a' raises in the first call: exit at pc 3 with the dirty slots written back, slot 3 unchanged */
    entry_slots[0] = pins[1];
    entry_slots[2] = kr_small(-7);
    r = run(&jc);
    expect_rt_exc(&r, 3, "bad operand type for unary -: 'str'");
    ck_assert_uint_eq(r.slots[3], KR_NONE);
    /* 5 in None raises in the second (a STATUS function returning -1): exit at pc 5 */
    entry_slots[0] = kr_small(5);
    entry_slots[1] = KR_NONE;
    entry_slots[2] = kr_small(123456);
    r = run(&jc);
    expect_rt_exc(&r, 5, "argument of type 'NoneType' is not iterable");
    ck_assert_uint_eq(r.slots[3], kr_small(-5));
    kr_jit_backend_release(be, &jc);
    kr_hir_free(fn);
    kr_jit_backend_free(be);
    fclose(dump);
    ck_assert_ptr_nonnull(strstr(buf, " UNARY_OP #"));
    ck_assert_ptr_nonnull(strstr(buf, " CONTAINS #0"));
    free(buf);
}
END_TEST

/* ---- cells: LOAD_CELL / STORE_CELL ----------------------------------------------------------- */

/* c = slot 0 (a cell), loaded in block 0 before ENTRY; v = c's contents (exit at pc 4, reason UNBOUND,
 * when empty, with the round-2 dirty slots); c's contents = slot 1; return v. */
static kr_hir_func *cell_fn(void)
{
    kr_hir_func *fn = new_fn();
    uint32_t b0 = kr_hir_add_block(fn, 0), b1 = kr_hir_add_block(fn, 0);
    kr_hir_add_edge(fn, b0, b1);
    kr_hir_ref c = op(fn, b0, KR_HIR_LOAD_SLOT, TAG, KR_HT_OBJECT, 0, 0);
    op(fn, b0, KR_HIR_ENTRY, TAG, 0, 0, 0);
    kr_hir_ref k = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, SI, 2, 0);
    kr_hir_fs_entry d[] = {{6, k}, {7, cnst(fn, b1, kr_small(55))}}; /* as with_dirty, made first */
    kr_hir_ref v = op(fn, b1, KR_HIR_LOAD_CELL, TAG, KR_HT_ANY & ~(uint32_t)KR_HT_UNBOUND, 0, 1, c);
    with_fs(fn, v, 4, KR_DEOPT_UNBOUND, 2, d);
    kr_hir_ref x = op(fn, b1, KR_HIR_LOAD_SLOT, TAG, KR_HT_ANY, 1, 0);
    op(fn, b1, KR_HIR_STORE_CELL, TAG, 0, 0, 2, c, x);
    op(fn, b1, KR_HIR_RETURN, TAG, 0, 0, 1, v);
    return fn;
}

START_TEST(test_cells)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *dump = open_memstream(&buf, &len);
    kr_jit_backend *be = backend(_i, 0, dump);
    kr_hir_func *fn = cell_fn();
    ck_assert_msg(kr_hir_verify(fn) == 0, "%s", fn->error);
    kr_jit_code jc;
    compile_ok(be, fn, &jc);
    pins[0] = kr_cell_new(vm, kr_small(7));
    pins[1] = kr_intern(vm, "stored");
    reset_slots();
    entry_slots[0] = pins[0];
    entry_slots[1] = pins[1];
    entry_slots[2] = kr_small(-3);
    run_result r = run(&jc);
    ck_assert_uint_eq(r.ret, kr_small(7));
    ck_assert_uint_eq(KR_AS(kr_cell, pins[0])->contents, pins[1]);
    ck_assert_uint_eq(run(&jc).ret, pins[1]); /* the value stored by the previous run */
    /* an empty cell: deopt at pc 4 with the dirty slots written back, the cell left empty */
    KR_AS(kr_cell, pins[0])->contents = KR_UNBOUND;
    entry_slots[2] = kr_small(1234);
    r = run(&jc);
    expect_exit(&jc, &r, 4, KR_DEOPT_UNBOUND);
    ck_assert_uint_eq(KR_AS(kr_cell, pins[0])->contents, KR_UNBOUND);
    /* a cell holding a small int then a float: any value passes */
    KR_AS(kr_cell, pins[0])->contents = KR_NONE;
    entry_slots[1] = kr_small(5);
    ck_assert_uint_eq(run(&jc).ret, KR_NONE);
    ck_assert_uint_eq(run(&jc).ret, kr_small(5));
    kr_jit_backend_release(be, &jc);
    kr_hir_free(fn);
    kr_jit_backend_free(be);
    fclose(dump);
    ck_assert_ptr_nonnull(strstr(buf, "LOAD_CELL"));
    ck_assert_ptr_nonnull(strstr(buf, "STORE_CELL"));
    free(buf);
}
END_TEST

START_TEST(test_code_limit)
{
    kr_jit_backend *be = backend(_i, 64, NULL);
    kr_hir_func *fn = sum_loop();
    kr_jit_code jc;
    memset(&jc, 0, sizeof jc);
    ck_assert_int_eq(kr_jit_backend_compile(be, fn, &jc), -1);
    ck_assert_str_eq(fn->error, "code memory limit");
    ck_assert_ptr_null(jc.entry);
    ck_assert_uint_eq(kr_jit_backend_code_bytes(be), 0);
    kr_jit_backend_free(be);
    /* room for one copy, not two */
    be = backend(_i, 0, NULL);
    fn->error[0] = 0;
    compile_ok(be, fn, &jc);
    size_t one = jc.code_size;
    kr_jit_backend_release(be, &jc);
    kr_jit_backend_free(be);
    be = backend(_i, one + one / 2, NULL);
    compile_ok(be, fn, &jc);
    kr_jit_code jc2;
    memset(&jc2, 0, sizeof jc2);
    ck_assert_int_eq(kr_jit_backend_compile(be, fn, &jc2), -1);
    ck_assert_str_eq(fn->error, "code memory limit");
    kr_jit_backend_release(be, &jc);
    fn->error[0] = 0;
    compile_ok(be, fn, &jc2); /* released memory counts no more */
    reset_slots();
    entry_slots[0] = kr_small(10);
    entry_slots[1] = kr_small(0);
    ck_assert_uint_eq(run(&jc2).ret, kr_small(45));
    kr_jit_backend_release(be, &jc2);
    kr_hir_free(fn);
    kr_jit_backend_free(be);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("jit_backend");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120); /* ASan builds on a loaded 2-core machine take minutes */
    /* loop index: 0 = linear scan, 1 = spill everything (the reference) */
    tcase_add_loop_test(tc, test_sum_loop, 0, 2);
    tcase_add_loop_test(tc, test_overflow_exit, 0, 2);
    tcase_add_loop_test(tc, test_do_while_critical_edge, 0, 2);
    tcase_add_loop_test(tc, test_int_ops, 0, 2);
    tcase_add_loop_test(tc, test_int_ops_const, 0, 2);
    tcase_add_loop_test(tc, test_floats, 0, 2);
    tcase_add_loop_test(tc, test_float_compare_nan, 0, 2);
    tcase_add_loop_test(tc, test_box_call_double_lives_on, 0, 2);
    tcase_add_loop_test(tc, test_pressure_deopt, 0, 2);
    tcase_add_loop_test(tc, test_truthy_and_dump, 0, 2);
    tcase_add_loop_test(tc, test_code_limit, 0, 2);
    tcase_add_loop_test(tc, test_dict_version_guard, 0, 2);
    tcase_add_loop_test(tc, test_shape_guard_inst_slots, 0, 2);
    tcase_add_loop_test(tc, test_slots_fields, 0, 2);
    tcase_add_loop_test(tc, test_list_tuple_items, 0, 2);
    tcase_add_loop_test(tc, test_len_and_dict_truthy, 0, 2);
    tcase_add_loop_test(tc, test_call_rt, 0, 2);
    tcase_add_loop_test(tc, test_cells, 0, 2);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
