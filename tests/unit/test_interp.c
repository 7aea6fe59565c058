/* test_interp.c: the interpreter's contracts: bytecode validation in kr_code_new, hand-assembled
 * register bytecode (vm/bytecode.h) running through kr_interp_run_code, feedback recording, argument
 * binding messages, deep recursion without C recursion, and generators. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "vm/compile.h"
#include "vm/interp.h"
#include "vm/kr.h"
#include "vm/tuple.h"

static kr_vm *vm;

static void setup(void)
{
    vm = kr_vm_new(NULL);
    ck_assert_ptr_nonnull(vm);
}

static void teardown(void)
{
    kr_vm_free(vm);
    vm = NULL;
}

#define I(op, x, a, b, c) kr_insn_make(KR_OP_##op, x, a, b, c)
#define BX(op, x, a, bx) kr_insn_make_bx(KR_OP_##op, x, a, bx)
#define CW(e) kr_insn_make_cache(0, e)

static kr_code_desc desc(const kr_insn *insns, uint32_t n, uint32_t nslots)
{
    kr_code_desc d;
    memset(&d, 0, sizeof d);
    d.insns = insns;
    d.ninsns = n;
    d.consts = vm->empty_tuple;
    d.names = vm->empty_tuple;
    d.varnames = vm->empty_tuple;
    d.nslots = nslots;
    d.name = kr_intern(vm, "t");
    d.filename = kr_intern(vm, "<test>");
    return d;
}

/* Module code returning a value: run with fresh globals. */
static kr_value run(kr_value code)
{
    kr_value g = kr_dict_new(vm);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &g);
    kr_root_push(vm, &code);
    kr_value r = kr_interp_run_code(vm, code, g, KR_NULL);
    kr_root_reset(vm, m);
    return r;
}

static kr_value run_source(const char *src)
{
    kr_value code = kr_compile_source(vm, src, strlen(src), "<test>", KR_PARSE_FILE);
    ck_assert(code != KR_NULL);
    kr_value g = kr_dict_new(vm);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &g);
    kr_root_push(vm, &code);
    kr_value r = kr_interp_run_code(vm, code, g, KR_NULL);
    kr_root_reset(vm, m);
    if (!r)
        return KR_NULL;
    return kr_dict_get_cstr(vm, g, "result"); /* the caller checks it before any safepoint */
}

START_TEST(test_validation)
{
    /* jump into the middle of a two-word instruction */
    kr_insn bad_jump[] = {BX(JUMP, 0, 0, 2), I(BINARY_OP, KR_OP_ADD, 0, 0, 0), CW(0), BX(RETURN_CONST, 0, 0, 0)};
    kr_code_desc d = desc(bad_jump, 4, 1);
    d.consts = kr_tuple_pack(vm, 1, KR_NONE);
    ck_assert(kr_code_new(vm, &d) == KR_NULL);
    ck_assert(kr_err_matches(vm, KR_EXC(vm, SystemError)));
    kr_err_clear(vm);
    /* slot out of range */
    kr_insn bad_slot[] = {I(MOVE, 0, 0, 5, 0), I(RETURN, 0, 0, 0, 0)};
    d = desc(bad_slot, 2, 2);
    ck_assert(kr_code_new(vm, &d) == KR_NULL);
    kr_err_clear(vm);
    /* truncated two-word instruction */
    kr_insn trunc[] = {I(RETURN, 0, 0, 0, 0), I(GET_ITEM, 0, 0, 0, 0)};
    d = desc(trunc, 2, 1);
    ck_assert(kr_code_new(vm, &d) == KR_NULL);
    kr_err_clear(vm);
    /* JUMP_BACKWARD must go backward */
    kr_insn fwd[] = {BX(JUMP_BACKWARD, 0, 0, 2), CW(0), I(RETURN, 0, 0, 0, 0)};
    d = desc(fwd, 3, 1);
    ck_assert(kr_code_new(vm, &d) == KR_NULL);
    kr_err_clear(vm);
}
END_TEST

START_TEST(test_counted_loop_and_feedback)
{
    /* total = 0; for i in range(1000): total += i * 2; return total */
    kr_insn code[] = {
        BX(LOAD_INT, 0, 0, 0),                           /* 0: s0 = 0 */
        BX(LOAD_CONST, 0, 1, 0),                         /* 1: s1 = range(1000) */
        I(GET_ITER, 0, 2, 1, 0), CW(0),                  /* 2: s2..s4 = iterator state */
        I(FOR_ITER, 0, 2, 5, 0), CW(13),                 /* 4: s5 = next or exit to 13 */
        BX(LOAD_INT, 0, 6, 2),                           /* 6 */
        I(BINARY_OP, KR_OP_MUL, 6, 5, 6), CW(0),         /* 7 */
        I(BINARY_OP, KR_OP_ADD | KR_BINOP_INPLACE, 0, 0, 6), CW(0), /* 9 */
        BX(JUMP_BACKWARD, 0, 0, 4), CW(0),               /* 11 */
        I(RETURN, 0, 0, 0, 0),                           /* 13 */
    };
    kr_value r = kr_range_new(vm, kr_small(0), kr_small(1000), kr_small(1));
    ck_assert(r != KR_NULL);
    kr_code_desc d = desc(code, sizeof code / sizeof code[0], 7);
    d.consts = kr_tuple_pack(vm, 1, r);
    d.flags = KR_CODE_MODULE;
    kr_value co = kr_code_new(vm, &d);
    ck_assert(co != KR_NULL);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &co);
    kr_value v = run(co);
    ck_assert(v == kr_small(999000));
    kr_code *c = kr_code_of(co);
    ck_assert_uint_eq(c->nfb, 5);
    ck_assert_uint_eq(c->fb_op[0], KR_OP_GET_ITER);
    ck_assert(c->fb[0].types.extra & KR_FB_ITER_RANGE);
    ck_assert_uint_eq(c->fb_op[2], KR_OP_BINARY_OP);
    ck_assert_uint_eq(c->fb[2].types.lhs, KR_FB_SMALLINT);
    ck_assert_uint_eq(c->fb_op[4], KR_OP_JUMP_BACKWARD);
    ck_assert_uint_eq(c->fb[4].loop.count, 1000);
    kr_root_reset(vm, m);
}
END_TEST

START_TEST(test_small_int_overflow)
{
    kr_value r = run_source("x = 2**62 - 1\nresult = (x + x) - x == x and x * 4 // 4 == x\n");
    ck_assert(r == KR_TRUE);
    r = run_source("result = -(-2**62) == 2**62 and (-7) // 2 == -4 and (-7) % 2 == 1 and 7 % -2 == -1\n");
    ck_assert(r == KR_TRUE);
}
END_TEST

static const char *error_message(const char *src)
{
    kr_value r = run_source(src);
    ck_assert(r == KR_NULL);
    kr_value e = kr_err_fetch(vm);
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &e);
    kr_value s = kr_tostr(vm, e);
    kr_root_reset(vm, m);
    ck_assert(s != KR_NULL);
    static char buf[256];
    snprintf(buf, sizeof buf, "%s: %s", kr_typename(vm, e), kr_str_data(s));
    return buf;
}

START_TEST(test_argument_messages)
{
    ck_assert_str_eq(error_message("def f(x): pass\nf()\n"),
                     "TypeError: f() missing 1 required positional argument: 'x'");
    ck_assert_str_eq(error_message("def f(x, y): pass\nf(1, 2, 3)\n"),
                     "TypeError: f() takes 2 positional arguments but 3 were given");
    ck_assert_str_eq(error_message("def f(x): pass\nf(1, z=2)\n"),
                     "TypeError: f() got an unexpected keyword argument 'z'");
    ck_assert_str_eq(error_message("def f(x): pass\nf(1, x=2)\n"),
                     "TypeError: f() got multiple values for argument 'x'");
    ck_assert_str_eq(error_message("def f(a, /): pass\nf(a=1)\n"),
                     "TypeError: f() got some positional-only arguments passed as keyword arguments: 'a'");
    ck_assert_str_eq(error_message("def f(*, k): pass\nf()\n"),
                     "TypeError: f() missing 1 required keyword-only argument: 'k'");
    ck_assert_str_eq(error_message("def f():\n    print(y)\n    y = 1\nf()\n"),
                     "UnboundLocalError: cannot access local variable 'y' where it is not associated with a value");
    ck_assert_str_eq(error_message("a, b = [1, 2, 3]\n"), "ValueError: too many values to unpack (expected 2)");
    ck_assert_str_eq(error_message("a, *b, c = [1]\n"),
                     "ValueError: not enough values to unpack (expected at least 2, got 1)");
}
END_TEST

START_TEST(test_deep_recursion)
{
    /* Python-to-Python calls do not use the C stack: 100 000 frames with a raised limit. */
    vm->recursion_limit = 110000;
    kr_value r = run_source("def d(n):\n    return 0 if n == 0 else d(n - 1) + 1\nresult = d(100000)\n");
    ck_assert(r == kr_small(100000));
    vm->recursion_limit = 1000;
    ck_assert_str_eq(error_message("def d(n):\n    return d(n + 1)\nd(0)\n"),
                     "RecursionError: maximum recursion depth exceeded");
    ck_assert(vm->depth == 0 && vm->frame == NULL && vm->stack_top == vm->stack);
}
END_TEST

START_TEST(test_generators)
{
    kr_value r = run_source("def g():\n    x = yield 1\n    yield x * 2\n    return 7\n"
                            "it = g()\na = next(it)\nb = it.send(5)\n"
                            "try:\n    next(it)\nexcept StopIteration as e:\n    c = e.value\n"
                            "def deep(n):\n    if n:\n        yield from deep(n - 1)\n    yield n\n"
                            "result = (a, b, c, sum(deep(900)))\n");
    ck_assert(r != KR_NULL);
    ck_assert(kr_tuple_items(r)[0] == kr_small(1));
    ck_assert(kr_tuple_items(r)[1] == kr_small(10));
    ck_assert(kr_tuple_items(r)[2] == kr_small(7));
    ck_assert(kr_tuple_items(r)[3] == kr_small(900 * 901 / 2));
}
END_TEST

static Suite *interp_suite(void)
{
    Suite *s = suite_create("interp");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_validation);
    tcase_add_test(tc, test_counted_loop_and_feedback);
    tcase_add_test(tc, test_small_int_overflow);
    tcase_add_test(tc, test_argument_messages);
    tcase_add_test(tc, test_deep_recursion);
    tcase_add_test(tc, test_generators);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(interp_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
