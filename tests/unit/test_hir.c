/* test_hir.c: the HIR builder, optimiser, verifier and printer (compiler/hir*.c).
 *
 * Small Python functions run several times in the interpreter (to fill their feedback), then are built,
 * optimised and verified; the tests check what the specialisation must achieve (counted range loops
 * without STEP, unboxed float phis, hoisted guards, OSR entries at loop headers...). A robustness test
 * builds every code object of every golden program (tests/py), once with empty feedback and once after
 * running the program: each must build and verify, or be refused as a generator. */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compiler/hir.h"
#include "compiler/jit_rt.h"
#include "vm/compile.h"
#include "vm/function.h"
#include "vm/interp.h"
#include "vm/kr.h"
#include "vm/tuple.h"
#include "vm/type.h"

static kr_vm *vm;
static kr_value globals; /* rooted for the whole test */

static void setup(void)
{
    kr_vm_options o = {0, 0, -1, -1}; /* interpreter only: the tests compile by hand */
    vm = kr_vm_new(&o);
    ck_assert_ptr_nonnull(vm);
    globals = KR_NULL;
    kr_root_push(vm, &globals);
}

static void teardown(void)
{
    kr_vm_free(vm);
    vm = NULL;
}

/* Runs module source in fresh globals (kept in `globals`). */
static void run_module(const char *src)
{
    kr_value code = kr_compile_source(vm, src, strlen(src), "<test>", KR_PARSE_FILE);
    ck_assert(code != KR_NULL);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &code);
    globals = kr_dict_new(vm);
    ck_assert(globals != KR_NULL);
    kr_value r = kr_interp_run_code(vm, code, globals, KR_NULL);
    kr_root_reset(vm, m);
    ck_assert_msg(r != KR_NULL, "module raised");
}

static kr_code *code_of(const char *name)
{
    kr_value f = kr_dict_get_cstr(vm, globals, name);
    ck_assert_msg(f != KR_NULL, "no function %s", name);
    return kr_code_of(KR_AS(kr_function, f)->code);
}

/* Builds, optimises and verifies; the caller frees. */
static kr_hir_func *build(kr_code *co)
{
    kr_hir_func *fn = kr_hir_new(vm, co);
    ck_assert_ptr_nonnull(fn);
    int rc = kr_hir_build(fn);
    ck_assert_msg(rc == 0, "build refused: %s", fn->error);
    ck_assert_msg(kr_hir_verify(fn) == 0, "built HIR does not verify: %s", fn->error);
    kr_hir_optimize(fn);
    ck_assert_msg(kr_hir_verify(fn) == 0, "optimised HIR does not verify: %s", fn->error);
    return fn;
}

static kr_hir_func *build_named(const char *name) { return build(code_of(name)); }

/* Counts live instructions with op (and imm when imm >= 0) in blocks of loop depth >= min_depth. */
static int count(const kr_hir_func *fn, enum kr_hir_op op, int64_t imm, uint32_t min_depth)
{
    int n = 0;
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        const kr_hir_block *bl = &fn->blocks[b];
        if (bl->loop_depth < min_depth)
            continue;
        for (uint32_t k = 0; k < bl->ninsns; k++) {
            const kr_hir_insn *in = &fn->insns[bl->insns[k]];
            if (in->op == op && (imm < 0 || in->imm == imm))
                n++;
        }
    }
    return n;
}

static int count_rep_phis(const kr_hir_func *fn, kr_hir_rep rep, bool headers_only)
{
    int n = 0;
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        const kr_hir_block *bl = &fn->blocks[b];
        if (headers_only && !bl->loop_header)
            continue;
        for (uint32_t k = 0; k < bl->ninsns; k++) {
            const kr_hir_insn *in = &fn->insns[bl->insns[k]];
            if (in->op == KR_HIR_PHI && in->rep == rep)
                n++;
        }
    }
    return n;
}

static uint32_t max_depth(const kr_hir_func *fn)
{
    uint32_t d = 0;
    for (uint32_t b = 0; b < fn->nblocks; b++)
        if (fn->blocks[b].loop_depth > d)
            d = fn->blocks[b].loop_depth;
    return d;
}

static int headers(const kr_hir_func *fn)
{
    int n = 0;
    for (uint32_t b = 0; b < fn->nblocks; b++)
        n += fn->blocks[b].loop_header;
    return n;
}

/* The printed form, for failure messages and text checks. */
static char *dump(const kr_hir_func *fn)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    kr_hir_print(f, fn);
    fclose(f);
    return buf;
}

#define CHECK_HIR(fn, cond)                                                                               \
    do {                                                                                                  \
        if (!(cond)) {                                                                                    \
            char *d_ = dump(fn);                                                                          \
            fprintf(stderr, "%s\n", d_);                                                                  \
            free(d_);                                                                                     \
            ck_abort_msg("failed: %s", #cond);                                                            \
        }                                                                                                 \
    } while (0)

START_TEST(test_range_loop)
{
    run_module("def f(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n"
               "for _ in range(5):\n    r = f(100)\n");
    kr_code *co = code_of("f");
    kr_hir_func *fn = build(co);
    CHECK_HIR(fn, count(fn, KR_HIR_RANGE_NEXT, -1, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_INT_BINOP, KR_OP_ADD, 1) == 2); /* s += i and the counter */
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 1) == 0);
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_TYPE, -1, 1) == 0);       /* hoisted to the loop's entries */
    CHECK_HIR(fn, count(fn, KR_HIR_STORE_SLOT, -1, 1) == 0);
    CHECK_HIR(fn, count(fn, KR_HIR_POLL, -1, 1) == 1);
    CHECK_HIR(fn, headers(fn) == 1 && max_depth(fn) == 1);
    /* entries: pc 0 and the loop header (the FOR_ITER) */
    CHECK_HIR(fn, fn->nentries == 2 && fn->entry_pcs[0] == 0);
    CHECK_HIR(fn, KR_INSN_OP(co->insns[fn->entry_pcs[1]]) == KR_OP_FOR_ITER);
    CHECK_HIR(fn, fn->blocks[0].nsuccs == 2);
    /* s and the counter and stop are loop-carried small ints (i's phi only served the increment's
     * overflow exit, which the step of 1 rules out: hir_opt.c's loop range analysis) */
    CHECK_HIR(fn, count_rep_phis(fn, KR_HIR_TAGGED, true) >= 3);
    char *text = dump(fn);
    ck_assert_ptr_nonnull(strstr(text, "RANGE_NEXT"));
    ck_assert_ptr_nonnull(strstr(text, "INT_BINOP ADD"));
    ck_assert_ptr_nonnull(strstr(text, "loop depth 1 (header)"));
    ck_assert_ptr_nonnull(strstr(text, "fs#"));
    free(text);
    kr_hir_free(fn);
}
END_TEST

START_TEST(test_float_loop)
{
    run_module("def g(n):\n    x = 0.0\n    i = 0\n    while i < n:\n        x = x * 0.5 + 1.5\n        i += 1\n"
               "    return x\n"
               "for _ in range(5):\n    r = g(50)\n");
    kr_hir_func *fn = build_named("g");
    CHECK_HIR(fn, count_rep_phis(fn, KR_HIR_DOUBLE, true) == 1);    /* x stays unboxed around the loop */
    CHECK_HIR(fn, count(fn, KR_HIR_FLOAT_BINOP, KR_OP_MUL, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_FLOAT_BINOP, KR_OP_ADD, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_BOX_FLOAT, -1, 1) == 0);
    CHECK_HIR(fn, count(fn, KR_HIR_UNBOX_FLOAT, -1, 1) == 0);       /* the constants folded to doubles */
    CHECK_HIR(fn, count(fn, KR_HIR_INT_CMP, KR_CMP_LT, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 1) == 0);
    CHECK_HIR(fn, count(fn, KR_HIR_BOX_FLOAT, -1, 0) == 1);         /* only for the return */
    kr_hir_free(fn);
}
END_TEST

START_TEST(test_while_break_continue)
{
    run_module("def h(n):\n    i = 0\n    t = 0\n    while i < n:\n        i += 1\n        if i % 3 == 0:\n"
               "            continue\n        if i > 1000:\n            break\n        t += i\n    else:\n"
               "        t = -t\n    return t\n"
               "for _ in range(5):\n    r = h(60)\n");
    kr_hir_func *fn = build_named("h");
    CHECK_HIR(fn, headers(fn) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 0) == 0);                /* everything specialised */
    CHECK_HIR(fn, count(fn, KR_HIR_INT_BINOP, KR_OP_MOD, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_POLL, -1, 1) == 2);                /* continue and the loop's end */
    CHECK_HIR(fn, count(fn, KR_HIR_INT_NEG, -1, 0) == 1);              /* the else clause */
    CHECK_HIR(fn, count(fn, KR_HIR_TRUTHY, -1, 0) == 0);               /* comparisons give bools */
    kr_hir_free(fn);
}
END_TEST

START_TEST(test_nested_loops)
{
    run_module("def nest(n):\n    t = 0\n    for i in range(n):\n        for j in range(i):\n"
               "            t += i * j\n    return t\n"
               "for _ in range(4):\n    r = nest(20)\n");
    kr_hir_func *fn = build_named("nest");
    CHECK_HIR(fn, max_depth(fn) == 2 && headers(fn) == 2);
    CHECK_HIR(fn, fn->nentries == 3);
    CHECK_HIR(fn, count(fn, KR_HIR_INT_BINOP, KR_OP_MUL, 2) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 2) == 0);
    CHECK_HIR(fn, count(fn, KR_HIR_RANGE_NEXT, -1, 1) == 2);
    kr_hir_free(fn);
}
END_TEST

START_TEST(test_exceptions_and_with)
{
    run_module("def te(a):\n    try:\n        return a[0]\n    except IndexError:\n        return -1\n"
               "class CM:\n    def __enter__(self):\n        return self\n    def __exit__(self, *a):\n"
               "        return False\n"
               "def w(x):\n    with CM() as c:\n        y = x + 1\n    return y\n"
               "def tf(n):\n    t = 0\n    for i in range(n):\n        try:\n            t += 10 // (i + 1)\n"
               "            if i == 2:\n                raise KeyError(i)\n"
               "        except KeyError:\n            t -= 1\n        finally:\n            t += 1\n"
               "    return t\n"
               "for _ in range(3):\n    te([1]); te([]); w(2); tf(5)\n");
    const char *names[] = {"te", "w", "tf"};
    for (int i = 0; i < 3; i++) {
        kr_code *co = code_of(names[i]);
        kr_hir_func *fn = build(co);
        /* handlers are not compiled: no block starts at a handler that only the exception table reaches */
        for (uint32_t e = 0; e < co->nexctab; e++)
            for (uint32_t b = 0; b < fn->nblocks; b++)
                if (co->exctab[e].handler == fn->blocks[b].pc) {
                    bool entry = false;
                    for (uint32_t k = 0; k < fn->nentries; k++)
                        entry |= fn->entry_pcs[k] == fn->blocks[b].pc;
                    CHECK_HIR(fn, entry);
                }
        kr_hir_free(fn);
    }
    /* tf: 10 // i specialised in the loop */
    kr_hir_func *fn = build_named("tf");
    CHECK_HIR(fn, count(fn, KR_HIR_INT_BINOP, KR_OP_FLOORDIV, 1) == 1);
    kr_hir_free(fn);
}
END_TEST

static kr_code *nested_code(kr_code *co)
{
    kr_value *items = kr_tuple_items(co->consts);
    for (int64_t i = 0; i < kr_tuple_size(co->consts); i++)
        if (kr_is_ptr(items[i]) && KR_OBJ(items[i])->type == vm->t.code)
            return kr_code_of(items[i]);
    return NULL;
}

START_TEST(test_comprehension_and_calls)
{
    run_module("def comp(n):\n    return [i * i for i in range(n)]\n"
               "def add(a, b):\n    return a + b\n"
               "def caller(n):\n    t = 0\n    for i in range(n):\n        t = add(t, i)\n    return t\n"
               "for _ in range(5):\n    comp(10); caller(10)\n");
    kr_hir_func *fn = build_named("comp");
    kr_hir_free(fn);
    kr_code *inner = nested_code(code_of("comp"));
    ck_assert_ptr_nonnull(inner);
    fn = build(inner);
    /* iterating over ".0", a real iterator: the generic FOR_ITER, a CALL_RT (no STEP, no BRANCH_PC) */
    CHECK_HIR(fn, count(fn, KR_HIR_BRANCH_PC, -1, 0) == 0);
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 0) == 0);
    CHECK_HIR(fn, count(fn, KR_HIR_CALL_RT, KR_JIT_RT_FOR_ITER, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_INT_BINOP, KR_OP_MUL, 1) == 1);
    kr_hir_free(fn);

    fn = build_named("add");
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_TYPE, KR_HT_SMALLINT, 0) == 2);
    CHECK_HIR(fn, count(fn, KR_HIR_INT_BINOP, KR_OP_ADD, 0) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 0) == 0);
    kr_hir_free(fn);

    fn = build_named("caller");
    /* add(t, i) is inlined (no STEP): LOAD_GLOBAL add is a guarded load, then the callee's guards (its
     * identity and code, the recursion depth) and its addition */
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 1) == 0);
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_DEPTH, -1, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_INT_BINOP, KR_OP_ADD, 1) >= 1);
    CHECK_HIR(fn, count(fn, KR_HIR_LOAD_ADDR, -1, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_RANGE_NEXT, -1, 1) == 1);
    kr_hir_free(fn);
}
END_TEST

START_TEST(test_locals_and_refusal)
{
    run_module("def cl(n):\n    for i in range(n):\n        pass\n    return i\n"
               "def gen(n):\n    yield n\n    yield n + 1\n"
               "def deleg(n):\n    yield from gen(n)\n"
               "def cst():\n    a = 6\n    b = 7\n    return a * b\n"
               "def fl(a, b):\n    return a < b\n"
               "for _ in range(3):\n    cl(3); list(gen(1)); list(deleg(1)); cst(); fl(1.5, 2.5)\n");
    kr_hir_func *fn = build_named("cl");
    /* i may be unbound after the loop: one check, and it is the only guard left outside the loop */
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_NOT_UNBOUND, -1, 0) == 1);
    kr_hir_free(fn);

    /* a generator: each yield is a RETURN with its resume pc + 1, and each resume point an entry */
    fn = build_named("gen");
    CHECK_HIR(fn, fn->nentries == 3 && fn->entry_pcs[0] == 0);
    int yields = 0, returns = 0;
    for (uint32_t r = 1; r < fn->ninsns; r++)
        if (!fn->insns[r].dead && fn->insns[r].op == KR_HIR_RETURN) {
            if (fn->insns[r].imm > 0) {
                yields++;
                bool is_entry = false;
                for (uint32_t e = 0; e < fn->nentries; e++)
                    is_entry |= fn->entry_pcs[e] == (uint32_t)fn->insns[r].imm - 1;
                CHECK_HIR(fn, is_entry);
            } else {
                returns++;
            }
        }
    CHECK_HIR(fn, yields == 2 && returns == 1);
    kr_hir_free(fn);

    /* yield from: one CALL_RT YIELD_FROM; its yield resumes at the YIELD_FROM itself, an entry, as
     * is the pc after it */
    fn = build_named("deleg");
    CHECK_HIR(fn, count(fn, KR_HIR_CALL_RT, KR_JIT_RT_YIELD_FROM, 0) == 1);
    uint32_t yf_pc = UINT32_MAX;
    for (uint32_t r = 1; r < fn->ninsns; r++)
        if (!fn->insns[r].dead && fn->insns[r].op == KR_HIR_CALL_RT && fn->insns[r].imm == KR_JIT_RT_YIELD_FROM)
            yf_pc = fn->insns[r].pc;
    yields = 0;
    for (uint32_t r = 1; r < fn->ninsns; r++)
        if (!fn->insns[r].dead && fn->insns[r].op == KR_HIR_RETURN && fn->insns[r].imm > 0) {
            yields++;
            CHECK_HIR(fn, (uint32_t)fn->insns[r].imm - 1 == yf_pc);
        }
    bool at = false, after = false;
    for (uint32_t e = 0; e < fn->nentries; e++) {
        at |= fn->entry_pcs[e] == yf_pc;
        after |= fn->entry_pcs[e] == yf_pc + 1;
    }
    CHECK_HIR(fn, yields == 1 && at && after);
    kr_hir_free(fn);

    /* 6 * 7 folds: the function returns a constant */
    fn = build_named("cst");
    CHECK_HIR(fn, count(fn, KR_HIR_INT_BINOP, -1, 0) == 0);
    bool found = false;
    for (uint32_t r = 1; r < fn->ninsns; r++)
        if (!fn->insns[r].dead && fn->insns[r].op == KR_HIR_CONST && fn->insns[r].value == kr_small(42))
            found = true;
    CHECK_HIR(fn, found);
    kr_hir_free(fn);

    fn = build_named("fl");
    CHECK_HIR(fn, count(fn, KR_HIR_FLOAT_CMP, KR_CMP_LT, 0) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_TYPE, KR_HT_FLOAT, 0) == 2);
    kr_hir_free(fn);
}
END_TEST

/* ---- round 2: globals, attributes, methods, items, len ---- */

/* Live instructions with op whose pc is that of a bytecode instruction with opcode bop. */
static int count_at(const kr_hir_func *fn, enum kr_hir_op op, unsigned bop)
{
    int n = 0;
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        const kr_hir_block *bl = &fn->blocks[b];
        for (uint32_t k = 0; k < bl->ninsns; k++) {
            const kr_hir_insn *in = &fn->insns[bl->insns[k]];
            if (in->op == op && KR_INSN_OP(fn->code->insns[in->pc]) == bop)
                n++;
        }
    }
    return n;
}

START_TEST(test_attributes)
{
    run_module("class C:\n    k = 5\n    def __init__(self):\n        self.a = 1\n        self.b = 2\n"
               "    def get(self):\n        return self.a\n"
               "def attrs(o, n):\n    t = 0\n    for i in range(n):\n        o.a = i\n"
               "        t += o.a + o.b + o.k\n    return t\n"
               "def meth(o, n):\n    t = 0\n    for i in range(n):\n        t += o.get()\n    return t\n"
               "def noop():\n    global Z\n    Z = 0\n" /* a real call (a store: not inlined) */
               "def split(o, n):\n    t = 0\n    for i in range(n):\n        t += o.a\n        noop()\n"
               "        t += o.b\n    return t\n"
               "c = C()\n"
               "for _ in range(5):\n    attrs(c, 20); meth(c, 20); split(c, 20)\n");
    kr_hir_func *fn = build_named("attrs");
    /* four accesses to o, one shape guard: the others are redundant (no STEP in between) */
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_SHAPE, -1, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_STORE_INST_SLOT, -1, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_LOAD_INST_SLOT, -1, 1) == 2);    /* o.a, o.b; o.k is the constant 5 */
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 1) == 0);
    CHECK_HIR(fn, count_at(fn, KR_HIR_GUARD_SHAPE, KR_OP_STORE_ATTR) == 1);
    kr_hir_free(fn);

    fn = build_named("meth");
    CHECK_HIR(fn, count_at(fn, KR_HIR_GUARD_SHAPE, KR_OP_LOAD_METHOD) == 1);
    CHECK_HIR(fn, count_at(fn, KR_HIR_STEP, KR_OP_LOAD_METHOD) == 0);
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 1) == 1);               /* CALL_METHOD */
    /* the function and self are written to A and A+1 for the CALL_METHOD step */
    CHECK_HIR(fn, count_at(fn, KR_HIR_STORE_SLOT, KR_OP_LOAD_METHOD) == 2);
    kr_hir_free(fn);

    /* a call between two accesses may change the shape: the guard is repeated */
    fn = build_named("split");
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_SHAPE, -1, 1) == 2);
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_DICT_VERSION, -1, 1) == 1); /* noop */
    kr_hir_free(fn);
}
END_TEST

START_TEST(test_polymorphic_attribute)
{
    run_module("class X:\n    def __init__(self):\n        self.v = 1\n"
               "class Y:\n    def __init__(self):\n        self.w = 0\n        self.v = 2\n"
               "def poly(objs):\n    t = 0\n    for o in objs:\n        t += o.v\n    return t\n"
               "objs = [X(), Y()] * 10\n"
               "for _ in range(3):\n    poly(objs)\n");
    kr_hir_func *fn = build_named("poly");
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_SHAPE, -1, 0) == 0);
    /* the generic form: a direct call of the runtime function, not a STEP */
    CHECK_HIR(fn, count_at(fn, KR_HIR_STEP, KR_OP_LOAD_ATTR) == 0);
    CHECK_HIR(fn, count_at(fn, KR_HIR_CALL_RT, KR_OP_LOAD_ATTR) == 1);
    kr_hir_free(fn);
}
END_TEST

START_TEST(test_globals)
{
    run_module("A = 3\nB = 4\n"
               "def sq(x):\n    return x * x + A\n" /* reads a global: not inlined */
               "def g(n):\n    t = 0\n    for i in range(n):\n        t += A + B\n        t += sq(i)\n    return t\n"
               "for _ in range(5):\n    g(10)\n");
    kr_hir_func *fn = build_named("g");
    CHECK_HIR(fn, count(fn, KR_HIR_LOAD_ADDR, -1, 1) == 3);
    CHECK_HIR(fn, count_at(fn, KR_HIR_STEP, KR_OP_LOAD_GLOBAL) == 0);
    /* A, B and sq share one guard of globals: nothing in between can change the dict */
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_DICT_VERSION, -1, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 1) == 1);               /* the call of sq */
    /* the loaded values may be pointers: written through to their slots */
    CHECK_HIR(fn, count_at(fn, KR_HIR_STORE_SLOT, KR_OP_LOAD_GLOBAL) >= 1);
    kr_hir_free(fn);
}
END_TEST

START_TEST(test_items_and_len)
{
    run_module("def items(l, t, n):\n    s = 0\n    for i in range(n):\n        l[i] = l[i] + t[i % 3]\n"
               "        s += l[i]\n    return s\n"
               "def ln(a, n):\n    t = 0\n    for i in range(n):\n        t += len(a) + a[0]\n    return t\n"
               "for _ in range(5):\n    items([1] * 10, (1, 2, 3), 10); ln([4, 5], 10)\n");
    kr_hir_func *fn = build_named("items");
    CHECK_HIR(fn, count(fn, KR_HIR_LIST_GET, -1, 1) == 2);
    CHECK_HIR(fn, count(fn, KR_HIR_LIST_SET, -1, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_TUPLE_GET, -1, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 1) == 0);
    /* l[i] + t[...]: the items are guarded by the addition's own feedback */
    CHECK_HIR(fn, count(fn, KR_HIR_INT_BINOP, KR_OP_ADD, 1) >= 2);
    /* LIST_SET deopts to the SET_ITEM itself (the interpreter re-runs it and raises IndexError) */
    for (uint32_t r = 1; r < fn->ninsns; r++)
        if (!fn->insns[r].dead && fn->insns[r].op == KR_HIR_LIST_SET) {
            CHECK_HIR(fn, fn->insns[r].fs >= 0 && fn->fss[fn->insns[r].fs].pc == fn->insns[r].pc);
            CHECK_HIR(fn, KR_INSN_OP(fn->code->insns[fn->insns[r].pc]) == KR_OP_SET_ITEM);
            CHECK_HIR(fn, fn->insns[r].reason == KR_DEOPT_BOUNDS);
        }
    kr_hir_free(fn);

    fn = build_named("ln");
    CHECK_HIR(fn, count(fn, KR_HIR_LEN, -1, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_IS, -1, 1) == 1);            /* the global is still builtins.len */
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_DICT_VERSION, -1, 1) == 2);  /* globals (absent) and builtins */
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 1) == 0);
    CHECK_HIR(fn, count(fn, KR_HIR_LIST_GET, -1, 1) == 1);
    kr_hir_free(fn);
}
END_TEST

/* CALL_RTs of function f at instructions of opcode bop. */
static int count_rt(const kr_hir_func *fn, enum kr_jit_rt_fn f, unsigned bop)
{
    int n = 0;
    for (uint32_t r = 1; r < fn->ninsns; r++) {
        const kr_hir_insn *in = &fn->insns[r];
        if (!in->dead && in->op == KR_HIR_CALL_RT && in->imm == f && KR_INSN_OP(fn->code->insns[in->pc]) == bop)
            n++;
    }
    return n;
}

/* The generic forms of operators, items and attributes are CALL_RTs (hir.h), never STEPs: no flush
 * before them (a dirty small int stays in the frame state), the result written to s[A]. */
START_TEST(test_generic_call_rt)
{
    run_module("class P:\n    def __init__(self, v):\n        self.v = v\n"
               "    def __add__(self, o):\n        return P(self.v + o.v)\n"
               "    def __neg__(self):\n        return P(-self.v)\n"
               "    def __lt__(self, o):\n        return self.v < o.v\n"
               "class Q:\n    def __init__(self):\n        self.w = 0\n        self.v = 5\n"
               "def gen(a, b, d, objs, n):\n    t = 0\n    for i in range(n):\n"
               "        c = a + b\n        m = -a\n        if a < b:\n            t += 1\n"
               "        if 'x' in d:\n            t += 1\n        if 'y' not in d:\n            t += 1\n"
               "        d['k'] = i\n        t += d['k']\n"
               "        o = objs[i % 2]\n        t += o.v\n        o.u = i\n"
               "    return t, c, m\n"
               "objs = [P(1), Q()]\n"
               "for _ in range(4):\n    gen(P(1), P(2), {'x': 1}, objs, 6)\n");
    kr_hir_func *fn = build_named("gen");
    unsigned ops[] = {KR_OP_BINARY_OP, KR_OP_UNARY_OP, KR_OP_COMPARE_OP, KR_OP_CONTAINS_OP, KR_OP_GET_ITEM,
                      KR_OP_SET_ITEM, KR_OP_LOAD_ATTR, KR_OP_STORE_ATTR};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        CHECK_HIR(fn, count_at(fn, KR_HIR_STEP, ops[i]) == 0);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_BINARY_OP, KR_OP_BINARY_OP) == 1);  /* a + b; t += ... are ints */
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_UNARY_OP, KR_OP_UNARY_OP) == 1);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_COMPARE_OP, KR_OP_COMPARE_OP) == 1);
    /* d only ever held a dict: its items and membership are the dict's own functions, after a guard */
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_DICT_CONTAINS, KR_OP_CONTAINS_OP) == 2);
    CHECK_HIR(fn, count_at(fn, KR_HIR_NOT, KR_OP_CONTAINS_OP) == 1);          /* not in */
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_DICT_GET, KR_OP_GET_ITEM) == 1);     /* d['k'] (objs[...] is a list) */
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_DICT_SET, KR_OP_SET_ITEM) == 1);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_LOAD_ATTR, KR_OP_LOAD_ATTR) == 1);   /* o.v on P and Q */
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_STORE_ATTR, KR_OP_STORE_ATTR) == 1); /* o.u: adds an attribute */
    /* no flush: t (a small int, dirty in the loop) is in the calls' frame states, not stored */
    bool dirty_t = false;
    for (uint32_t r = 1; r < fn->ninsns; r++) {
        const kr_hir_insn *in = &fn->insns[r];
        if (in->dead || in->op != KR_HIR_CALL_RT)
            continue;
        CHECK_HIR(fn, in->fs >= 0 && fn->fss[in->fs].pc == in->pc);
        for (uint32_t d = 0; d < fn->fss[in->fs].ndirty; d++)
            dirty_t |= fn->fss[in->fs].dirty[d].slot == 5; /* a, b, d, objs, n, t */
    }
    CHECK_HIR(fn, dirty_t);
    kr_hir_free(fn);
}
END_TEST

/* Inlined pure calls: the body's float arithmetic on unboxed values, no frame (no STEP), the callee's
 * guards; a body with an operation that is not pure (str +) is abandoned and the call stepped. */
START_TEST(test_inline_pure)
{
    run_module("def ev(i, j):\n    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)\n"
               "def s(n, u):\n    t = 0.0\n    for j in range(n):\n        t += ev(3, j) * u[j]\n    return t\n"
               "def st(x):\n    return x + 'a'\n"
               "def c2(n):\n    r = ''\n    for i in range(n):\n        r = st(r)\n    return r\n"
               "for _ in range(5):\n    s(10, [1.0] * 10); c2(3)\n");
    kr_hir_func *fn = build_named("s");
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 1) == 0);
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_DEPTH, -1, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_INT_BINOP, KR_OP_FLOORDIV, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_FLOAT_BINOP, KR_OP_TRUEDIV, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_FLOAT_BINOP, KR_OP_MUL, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_BOX_FLOAT, -1, 1) == 0); /* ev's result is multiplied unboxed */
    kr_hir_free(fn);
    fn = build_named("c2");
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_DEPTH, -1, 0) == 0);
    kr_hir_free(fn);
}
END_TEST

/* A stepped call flushes its argument slots and the locals, not the other dirty temporaries, and
 * nothing but s[A] is re-read after it. */
START_TEST(test_call_flush)
{
    run_module("Z = 0\ndef g(x):\n    return x + Z\n" /* reads a global: not inlined */
               "def f(n):\n    t = 0\n    for i in range(n):\n        t += i * 2 + g(i)\n    return t\n"
               "for _ in range(4):\n    f(5)\n");
    kr_hir_func *fn = build_named("f");
    int calls = 0;
    for (uint32_t r = 1; r < fn->ninsns; r++) {
        const kr_hir_insn *in = &fn->insns[r];
        if (in->dead || in->op != KR_HIR_STEP || KR_INSN_OP(fn->code->insns[in->imm]) != KR_OP_CALL ||
            !fn->blocks[in->block].loop_depth)
            continue; /* the call of g in the loop (not range(n)) */
        calls++;
        /* i * 2 and the range loop's state live in temporaries across the call: still dirty (small
         * ints), in the frame state; the callee and argument slots and the locals were flushed */
        const kr_hir_fs *fs = &fn->fss[in->fs];
        uint32_t a = KR_INSN_A(fn->code->insns[in->imm]);
        CHECK_HIR(fn, fs->ndirty == 4);
        for (uint32_t d = 0; d < fs->ndirty; d++)
            CHECK_HIR(fn, fs->dirty[d].slot >= fn->code->nlocals && (fs->dirty[d].slot < a || fs->dirty[d].slot > a + 1));
    }
    CHECK_HIR(fn, calls == 1);
    kr_hir_free(fn);
}
END_TEST

/* ---- robustness over the golden programs ---- */

typedef struct tally {
    int files, compiled, codes, built, refused, called, int_ops, float_ops, range_loops;
} tally;

static void build_all(kr_value codev, tally *t)
{
    kr_code *co = kr_code_of(codev);
    t->codes++;
    kr_hir_func *fn = kr_hir_new(vm, co);
    ck_assert_ptr_nonnull(fn);
    if (kr_hir_build(fn) == 0) {
        ck_assert_msg(kr_hir_verify(fn) == 0, "%s: %s", kr_str_data(co->qualname), fn->error);
        kr_hir_optimize(fn); /* aborts on a verification failure in debug builds */
        ck_assert_msg(kr_hir_verify(fn) == 0, "%s: %s", kr_str_data(co->qualname), fn->error);
        t->built++;
        t->called += co->call_count > 0;
        t->int_ops += count(fn, KR_HIR_INT_BINOP, -1, 0) + count(fn, KR_HIR_INT_CMP, -1, 0);
        t->float_ops += count(fn, KR_HIR_FLOAT_BINOP, -1, 0) + count(fn, KR_HIR_FLOAT_CMP, -1, 0);
        t->range_loops += count(fn, KR_HIR_RANGE_NEXT, -1, 0);
    } else {
        ck_assert_msg(0, "%s refused: %s", kr_str_data(co->qualname), fn->error);
        t->refused++;
    }
    kr_hir_free(fn);
    kr_value *items = kr_tuple_items(co->consts);
    for (int64_t i = 0; i < kr_tuple_size(co->consts); i++)
        if (kr_is_ptr(items[i]) && KR_OBJ(items[i])->type == vm->t.code)
            build_all(items[i], t);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The golden programs' directory, from this file's path (tests/unit/ -> tests/py/). */
static void golden_dir(char *out, size_t n)
{
    snprintf(out, n, "%s", __FILE__);
    char *slash = strrchr(out, '/');
    if (slash)
        *slash = 0;
    else
        snprintf(out, n, ".");
    strncat(out, "/../py", n - strlen(out) - 1);
}

/* For every tests/py/NAME.py: compile (and with `run`, first run it in a fresh VM so the feedback is
 * real), then build every code object. */
static void golden(bool run)
{
    char dir[4096];
    golden_dir(dir, sizeof dir);
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    char **names = NULL;
    size_t nnames = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t l = strlen(e->d_name);
        if (l > 3 && !strcmp(e->d_name + l - 3, ".py")) {
            names = realloc(names, (nnames + 1) * sizeof *names);
            names[nnames++] = strdup(e->d_name);
        }
    }
    closedir(d);
    qsort(names, nnames, sizeof *names, cmp_names);
    ck_assert_msg(nnames > 0, "no golden programs in %s", dir);
    tally t = {0, 0, 0, 0, 0, 0, 0, 0, 0};
    /* the programs print, read stdin, exit: keep the test's output clean */
    int saved_out = dup(1), saved_in = dup(0), null = open("/dev/null", O_RDWR);
    if (run) {
        fflush(stdout);
        dup2(null, 1);
        dup2(null, 0);
    }
    for (size_t i = 0; i < nnames; i++) {
        char path[4600];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *src = read_file(path, &len);
        ck_assert_ptr_nonnull(src);
        t.files++;
        if (run) {
            kr_vm_free(vm);
            kr_vm_options o = {(size_t)1 << 30, 0, -1, -1};
            vm = kr_vm_new(&o);
            ck_assert_ptr_nonnull(vm);
        }
        kr_value code = kr_compile_source(vm, src, len, path, KR_PARSE_FILE);
        free(src);
        if (!code) {
            kr_err_clear(vm); /* the syntax-error programs */
            free(names[i]);
            continue;
        }
        t.compiled++;
        size_t m = kr_root_mark(vm);
        kr_root_push(vm, &code);
        if (run) {
            kr_value g = kr_dict_new(vm);
            kr_root_push(vm, &g);
            kr_dict_set_cstr(vm, g, "__name__", kr_intern(vm, "__main__"));
            if (!kr_interp_run_code(vm, code, g, KR_NULL))
                kr_err_clear(vm);
        }
        build_all(code, &t);
        kr_root_reset(vm, m);
        free(names[i]);
    }
    free(names);
    if (run) {
        fflush(stdout);
        dup2(saved_out, 1);
        dup2(saved_in, 0);
    }
    close(null);
    close(saved_out);
    close(saved_in);
    printf("golden (%s): %d files, %d compiled, %d code objects: %d built (%d ever called), %d refused; "
           "specialised: %d int ops, %d float ops, %d counted loops\n",
           run ? "after running" : "cold", t.files, t.compiled, t.codes, t.built, t.called, t.refused, t.int_ops,
           t.float_ops, t.range_loops);
    if (run)
        ck_assert_int_gt(t.range_loops, 50);
    ck_assert_int_eq(t.built + t.refused, t.codes);
    ck_assert_int_gt(t.built, 1000);
}

START_TEST(test_golden_cold) { golden(false); }
END_TEST

START_TEST(test_golden_warm) { golden(true); }
END_TEST

/* A BUILD_SLICE whose slice only the next GET_ITEM / SET_ITEM uses becomes part of it (GET_SLICE /
 * SET_SLICE at that instruction, no slice object); a slice used twice (augmented assignment) is built
 * by its own BUILD_SLICE call. */
START_TEST(test_slice_fused)
{
    run_module("def sl(a, i):\n    b = a[i:]\n    a[:i] = b\n    a[1:2] += [0]\n    return a[::2]\n"
               "for _ in range(4):\n    sl([1, 2, 3, 4], 2)\n");
    kr_hir_func *fn = build_named("sl");
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_GET_SLICE, KR_OP_GET_ITEM) == 2);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_SET_SLICE, KR_OP_SET_ITEM) == 1);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_BUILD_SLICE, KR_OP_BUILD_SLICE) == 1);
    CHECK_HIR(fn, count_at(fn, KR_HIR_STEP, KR_OP_BUILD_SLICE) == 0);
    kr_hir_free(fn);
}
END_TEST

/* Iteration over any iterator, unpacking and building are CALL_RTs on frame operands (jit_rt.h), never
 * STEPs: GET_ITER, FOR_ITER (a BRANCH on its status), UNPACK_SEQUENCE, BUILD_TUPLE / LIST / STRING and
 * FORMAT_VALUE; only the slots they read are stored (t, a dirty small int, stays in the frame states). */
START_TEST(test_frame_call_rt)
{
    run_module("def gen(n):\n    for i in range(n):\n        yield i\n"
               "def it(pairs, d, n):\n    t = 0\n    out = []\n"
               "    for a, b in pairs:\n        t += a * b\n"
               "    for k in d:\n        t += 1\n"
               "    for g in gen(n):\n        t += g\n"
               "    for x in (1, 2):\n        out.append((x, t))\n        out.append([x])\n"
               "        out.append(f'{x}:{t!r}')\n"
               "    return t, out\n"
               "def comp(xs):\n    return [y * 2 for y in xs]\n"
               "for _ in range(4):\n    it([(1, 2), [3, 4]], {'a': 1}, 3)\n    comp([1, 2, 3])\n");
    kr_hir_func *fn = build_named("it");
    unsigned ops[] = {KR_OP_GET_ITER, KR_OP_FOR_ITER, KR_OP_UNPACK_SEQUENCE, KR_OP_BUILD_TUPLE, KR_OP_BUILD_LIST,
                      KR_OP_BUILD_STRING, KR_OP_FORMAT_VALUE};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        CHECK_HIR(fn, count_at(fn, KR_HIR_STEP, ops[i]) == 0);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_GET_ITER, KR_OP_GET_ITER) == 4);
    /* `for a, b in pairs`: FOR_ITER_UNPACK + UNPACK_ITERATED (the item is a dead temporary after the UNPACK) */
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_FOR_ITER, KR_OP_FOR_ITER) == 3);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_FOR_ITER_UNPACK, KR_OP_FOR_ITER) == 1);
    CHECK_HIR(fn, count_at(fn, KR_HIR_BRANCH, KR_OP_FOR_ITER) == 4);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_UNPACK_ITERATED, KR_OP_UNPACK_SEQUENCE) == 1);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_BUILD_TUPLE, KR_OP_BUILD_TUPLE) >= 1);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_BUILD_LIST, KR_OP_BUILD_LIST) == 2);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_BUILD_STRING, KR_OP_BUILD_STRING) == 1);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_FORMAT_VALUE, KR_OP_FORMAT_VALUE) == 2);
    /* t is dirty (a small int in a register) across the FOR_ITER of the dict loop: not flushed */
    bool dirty_t = false;
    for (uint32_t r = 1; r < fn->ninsns; r++) {
        const kr_hir_insn *in = &fn->insns[r];
        if (in->dead || in->op != KR_HIR_CALL_RT || in->imm != KR_JIT_RT_FOR_ITER)
            continue;
        const kr_hir_fs *f = &fn->fss[in->fs];
        for (uint32_t k = 0; k < f->ndirty; k++)
            dirty_t |= f->dirty[k].slot == 3; /* pairs, d, n, t */
    }
    CHECK_HIR(fn, dirty_t);
    kr_hir_free(fn);
    /* the comprehension: BUILD_LIST, then a loop over the ".0" iterator without a STEP */
    kr_code *co = nested_code(code_of("comp"));
    ck_assert_ptr_nonnull(co);
    fn = build(co);
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 0) == 0);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_FOR_ITER, KR_OP_FOR_ITER) == 1);
    kr_hir_free(fn);
}
END_TEST

/* Known builtins through a guarded global (hir.h's round 2 and hir_build.c): isinstance folded for a
 * known type or a direct kr_isinstance, abs and min/max of small ints as branch-free int ops, of
 * other values a direct runtime call; generic items, membership, method loads and function creation
 * are CALL_RTs. None of them is a STEP. */
/* hir_opt.c's loop passes: `i % C` of the counter becomes a stepped remainder phi, and the counter's
 * arithmetic with constants loses its overflow checks behind guards on the loop's entry bounds. */
START_TEST(test_loop_counter)
{
    run_module("def f(n):\n    t = 0\n    for i in range(n):\n        t += i * 2\n"
               "        if i % 1000 == 0:\n            t = t % 1_000_000\n        t += i % 7 + (i - 3) % 1000\n"
               "    return t\n"
               "def g(n):\n    t = 0\n    for i in range(n, 0, -3):\n        t += i % 5 + i * 4\n    return t\n"
               "for _ in range(5):\n    r = f(3000)\n    r = g(3000)\n");
    kr_hir_func *fn = build_named("f");
    CHECK_HIR(fn, count(fn, KR_HIR_INT_MOD_STEP, -1, 1) == 2);          /* i % 1000 and i % 7 */
    CHECK_HIR(fn, count(fn, KR_HIR_INT_BINOP, KR_OP_MOD, 1) == 2);      /* t % 1_000_000, (i - 3) % 1000 */
    CHECK_HIR(fn, count(fn, KR_HIR_INT_BINOP, KR_OP_MOD, 0) == 6);      /* + i % 1000, i % 7 at 2 entries */
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_INT_RANGE, -1, 0) >= 1);       /* n at the entries */
    int unchecked = 0, checked = 0;
    for (kr_hir_ref r = 1; r < fn->ninsns; r++) {
        const kr_hir_insn *in = &fn->insns[r];
        if (in->dead || in->op != KR_HIR_INT_BINOP || fn->blocks[in->block].loop_depth == 0)
            continue;
        if (in->imm == KR_OP_MUL || (in->imm == KR_OP_SUB && in->imm2 == KR_HIR_INT_NO_OVERFLOW))
            unchecked += in->fs < 0 && in->imm2 == KR_HIR_INT_NO_OVERFLOW;
        if (in->imm == KR_OP_ADD && in->fs >= 0)
            checked++;
    }
    CHECK_HIR(fn, unchecked == 2);  /* i * 2, i - 3 */
    CHECK_HIR(fn, checked == 3);    /* the additions to t */
    kr_hir_free(fn);
    fn = build_named("g");
    CHECK_HIR(fn, count(fn, KR_HIR_INT_MOD_STEP, -1, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_INT_RANGE, -1, 0) >= 1);       /* n <= B at the entries */
    kr_hir_free(fn);
}
END_TEST

START_TEST(test_known_builtins)
{
    run_module("class A:\n    def m(self):\n        return 1\n"
               "class B:\n    def m(self):\n        return 2\n"
               "def bi(xs, fs, n):\n    t = 0\n    f = 0.5\n"
               "    for i in range(n):\n        x = xs[i % 3]\n"
               "        if isinstance(x, (int, float)):\n            t += 1\n"
               "        if isinstance(i, int):\n            t += 1\n"
               "        t += abs(i - 5) + min(i, 7) + max(t, i)\n"
               "        f = max(f, abs(fs[i % 2]))\n"
               "    return t, f\n"
               "def gen(d, s, objs, n):\n    t = 0\n    fs = []\n"
               "    for i in range(n):\n        t += d[i % 3]\n        d[i % 3] = i\n"
               "        if i in d:\n            t += 1\n        if i % 5 in {1, 2}:\n            t += 1\n"
               "        t += objs[i % 2].m()\n        fs.append(lambda k=i: k)\n        t += len(s[0].upper())\n"
               "    return t, fs\n"
               "for _ in range(4):\n    bi([1, 2.5, 'x'], [-1.5, 2.0], 20)\n"
               "    gen({0: 1, 1: 2, 2: 3}, ['ab'], [A(), B()], 10)\n");
    kr_hir_func *fn = build_named("bi");
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 1) == 0); /* range(n) is called before the loop */
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_ISINSTANCE, KR_OP_CALL) == 1);   /* x: any type; the tuple is built */
    CHECK_HIR(fn, count_at(fn, KR_HIR_GUARD_IS, KR_OP_CALL) >= 4);        /* the builtins */
    /* isinstance(i, int) folded: i is a small int and int a guarded builtin class */
    CHECK_HIR(fn, count_at(fn, KR_HIR_INT_BINOP, KR_OP_CALL) >= 3 + 4);   /* abs(i - 5), min(i, 7) */
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_MIN_MAX, KR_OP_CALL) >= 1);      /* max(f, abs(...)): floats */
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_UNARY_OP, KR_OP_CALL) == 1);     /* abs of a float */
    kr_hir_free(fn);

    fn = build_named("gen");
    unsigned ops[] = {KR_OP_GET_ITEM, KR_OP_SET_ITEM, KR_OP_CONTAINS_OP, KR_OP_LOAD_METHOD, KR_OP_MAKE_FUNCTION};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        CHECK_HIR(fn, count_at(fn, KR_HIR_STEP, ops[i]) == 0);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_DICT_GET, KR_OP_GET_ITEM) == 1);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_DICT_SET, KR_OP_SET_ITEM) == 1);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_DICT_CONTAINS, KR_OP_CONTAINS_OP) == 1);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_SET_CONTAINS, KR_OP_CONTAINS_OP) == 1);
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_LOAD_METHOD, KR_OP_LOAD_METHOD) >= 1); /* objs[..].m: A and B */
    CHECK_HIR(fn, count_rt(fn, KR_JIT_RT_MAKE_FUNCTION, KR_OP_MAKE_FUNCTION) == 1);
    kr_hir_free(fn);
}
END_TEST

/* LOAD_DEREF / STORE_DEREF are LOAD_CELL / STORE_CELL inline (no CALL_RT), on the cell slot loaded
 * once in block 0 (cell slots never change in a frame) and used in the loop from there. */
START_TEST(test_cells)
{
    run_module("def outer(n):\n    count = 0\n    def inc(step):\n        nonlocal count\n"
               "        count += step\n        return count\n"
               "    t = 0\n    for i in range(n):\n        count = count + i\n        t += count\n"
               "    return inc, t\n"
               "for _ in range(4):\n    inc, _t = outer(5)\n    inc(1)\n");
    kr_code *co = code_of("outer");
    kr_hir_func *fn = build(co);
    CHECK_HIR(fn, count(fn, KR_HIR_LOAD_CELL, -1, 1) >= 1);  /* in the loop */
    CHECK_HIR(fn, count(fn, KR_HIR_STORE_CELL, -1, 1) >= 1);
    /* every cell access names block 0's load of the cell slot */
    uint32_t cell_slot = co->nlocals; /* count is outer's only cellvar */
    for (uint32_t r = 1; r < fn->ninsns; r++) {
        const kr_hir_insn *in = &fn->insns[r];
        if (in->dead || (in->op != KR_HIR_LOAD_CELL && in->op != KR_HIR_STORE_CELL))
            continue;
        const kr_hir_insn *c = &fn->insns[in->args[0]];
        CHECK_HIR(fn, c->op == KR_HIR_LOAD_SLOT && c->block == 0 && c->imm == cell_slot);
        if (in->op == KR_HIR_LOAD_CELL)
            CHECK_HIR(fn, in->fs >= 0 && in->reason == KR_DEOPT_UNBOUND && fn->fss[in->fs].pc == in->pc &&
                              KR_INSN_OP(co->insns[in->pc]) == KR_OP_LOAD_DEREF);
    }
    kr_hir_free(fn);
    /* the inner function: its free variable's cell */
    kr_value incf = kr_dict_get_cstr(vm, globals, "inc");
    ck_assert(incf != KR_NULL);
    fn = build(kr_code_of(KR_AS(kr_function, incf)->code));
    CHECK_HIR(fn, count(fn, KR_HIR_LOAD_CELL, -1, 0) >= 1);
    CHECK_HIR(fn, count(fn, KR_HIR_STORE_CELL, -1, 0) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_CALL_RT, -1, 0) == 0);
    kr_hir_free(fn);
}
END_TEST

/* __slots__ members: LOAD_ATTR / STORE_ATTR of a member are GUARD_SHAPE (class and version only, no
 * shape: imm2 0) + LOAD_FIELD / STORE_FIELD at the member's byte offset; a load names a frame state at
 * its LOAD_ATTR (an unset member deopts there, reason UNBOUND, and the interpreter raises). */
START_TEST(test_slots_members)
{
    run_module("class V:\n    __slots__ = ('x', 'y')\n    def __init__(self, x, y):\n"
               "        self.x = x\n        self.y = y\n"
               "def members(o, n):\n    t = 0\n    for i in range(n):\n        o.x = i\n"
               "        t += o.x + o.y\n    return t\n"
               "v = V(1, 2)\n"
               "for _ in range(5):\n    members(v, 20)\n");
    kr_code *co = code_of("members");
    kr_hir_func *fn = build(co);
    CHECK_HIR(fn, count(fn, KR_HIR_STORE_FIELD, -1, 1) == 1);
    CHECK_HIR(fn, count(fn, KR_HIR_LOAD_FIELD, -1, 1) == 2);
    CHECK_HIR(fn, count(fn, KR_HIR_GUARD_SHAPE, -1, 1) == 1); /* the other two are redundant */
    CHECK_HIR(fn, count(fn, KR_HIR_STEP, -1, 1) == 0);
    CHECK_HIR(fn, count(fn, KR_HIR_CALL_RT, -1, 1) == 0);
    kr_value v = kr_dict_get_cstr(vm, globals, "v");
    ck_assert(v != KR_NULL);
    kr_value d = kr_type_lookup(vm, KR_OBJ(v)->type, kr_intern(vm, "y"));
    ck_assert(d != KR_NULL && KR_OBJ(d)->type == vm->member_descr_type);
    int64_t y_offset = KR_AS(kr_member_descr, d)->offset;
    bool saw_y = false;
    for (uint32_t r = 1; r < fn->ninsns; r++) {
        const kr_hir_insn *in = &fn->insns[r];
        if (in->dead)
            continue;
        if (in->op == KR_HIR_GUARD_SHAPE)
            CHECK_HIR(fn, in->imm2 == 0 && in->value == KR_VAL(KR_OBJ(v)->type));
        if (in->op == KR_HIR_LOAD_FIELD) {
            CHECK_HIR(fn, in->fs >= 0 && in->reason == KR_DEOPT_UNBOUND && fn->fss[in->fs].pc == in->pc &&
                              KR_INSN_OP(co->insns[in->pc]) == KR_OP_LOAD_ATTR);
            CHECK_HIR(fn, fn->insns[in->args[0]].op == KR_HIR_GUARD_SHAPE);
            saw_y |= in->imm == y_offset;
        }
    }
    CHECK_HIR(fn, saw_y);
    kr_hir_free(fn);
}
END_TEST

static Suite *hir_suite(void)
{
    Suite *s = suite_create("hir");
    TCase *tc = tcase_create("build");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_range_loop);
    tcase_add_test(tc, test_float_loop);
    tcase_add_test(tc, test_while_break_continue);
    tcase_add_test(tc, test_nested_loops);
    tcase_add_test(tc, test_exceptions_and_with);
    tcase_add_test(tc, test_comprehension_and_calls);
    tcase_add_test(tc, test_locals_and_refusal);
    tcase_add_test(tc, test_attributes);
    tcase_add_test(tc, test_polymorphic_attribute);
    tcase_add_test(tc, test_globals);
    tcase_add_test(tc, test_items_and_len);
    tcase_add_test(tc, test_generic_call_rt);
    tcase_add_test(tc, test_call_flush);
    tcase_add_test(tc, test_inline_pure);
    tcase_add_test(tc, test_frame_call_rt);
    tcase_add_test(tc, test_slice_fused);
    tcase_add_test(tc, test_loop_counter);
    tcase_add_test(tc, test_known_builtins);
    tcase_add_test(tc, test_cells);
    tcase_add_test(tc, test_slots_members);
    suite_add_tcase(s, tc);
    TCase *tg = tcase_create("golden");
    tcase_add_checked_fixture(tg, setup, teardown);
    tcase_set_timeout(tg, 600);
    tcase_add_test(tg, test_golden_cold);
    tcase_add_test(tg, test_golden_warm);
    suite_add_tcase(s, tg);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(hir_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
