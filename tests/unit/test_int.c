/* test_int.c: big-int arithmetic, floor division signs, str round trips, pow/mod, shifts, bytes
 * conversion and float repr, calling vm/int.c and vm/float.c directly on a real VM.
 * Expected values come from CPython 3.13. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/floatobj.h"
#include "vm/int.h"
#include "vm/kr.h"

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

static kr_value I(const char *s)
{
    kr_value v = kr_int_from_str(vm, s, strlen(s), 10);
    ck_assert(v != KR_NULL);
    return v;
}

static const char *S(kr_value v)
{
    ck_assert(v != KR_NULL);
    kr_value s = kr_int_to_str(vm, v, 10);
    ck_assert(s != KR_NULL);
    return kr_str_data(s);
}

static kr_value op(int o, kr_value a, kr_value b)
{
    kr_value r = kr_int_binop(vm, o, a, b);
    ck_assert(r != KR_NULL && r != KR_NOTIMPL);
    return r;
}

#define A "265613988875874769338781322035779626829233452653394495974574961739092490901302182994384699056346"
#define B "-11450477594321044359340126713545146077054004823284978858214566372120240027249"

START_TEST(test_bigint_identities)
{
    kr_value a = I(A), b = I(B);
    ck_assert_str_eq(S(op(KR_OP_MUL, a, b)),
                     "-3041407028361443166354064482231003261045150440633004652166702419791201939210188578650235945684"
                     "728879251134294937081964696369866899572037721798241034527985425235707626372154");
    ck_assert_str_eq(S(op(KR_OP_SUB, op(KR_OP_ADD, a, b), b)), A);
    ck_assert_str_eq(S(op(KR_OP_FLOORDIV, op(KR_OP_MUL, a, b), b)), A);
    ck_assert_str_eq(S(op(KR_OP_FLOORDIV, a, b)), "-23196760719186782609");
    ck_assert_str_eq(S(op(KR_OP_MOD, a, b)), "-10379578322509265310036391696577300201193914256971787496427193131642100256295");
    /* q * b + r == a */
    kr_value q = op(KR_OP_FLOORDIV, a, b), r = op(KR_OP_MOD, a, b);
    ck_assert_str_eq(S(op(KR_OP_ADD, op(KR_OP_MUL, q, b), r)), A);
    /* normalisation: 2**62 is big, 2**62 - 1 and -(2**62) are small */
    kr_value p62 = I("4611686018427387904");
    ck_assert(!kr_is_small(p62));
    ck_assert(kr_is_small(op(KR_OP_SUB, p62, kr_small(1))));
    ck_assert(kr_is_small(kr_int_neg(vm, p62)));
    ck_assert(kr_is_small(op(KR_OP_SUB, op(KR_OP_MUL, a, b), op(KR_OP_MUL, b, a))));
    /* small overflow promotes */
    ck_assert_str_eq(S(op(KR_OP_ADD, kr_small(KR_SMALL_MAX), kr_small(1))), "4611686018427387904");
    ck_assert_str_eq(S(op(KR_OP_MUL, kr_small(KR_SMALL_MAX), kr_small(KR_SMALL_MAX))),
                     "21267647932558653957237540927630737409");
}
END_TEST

START_TEST(test_floor_division_signs)
{
    static const struct {
        int64_t a, b, q, r;
    } cases[] = {
        {7, 2, 3, 1}, {-7, 2, -4, 1}, {7, -2, -4, -1}, {-7, -2, 3, -1}, {6, -3, -2, 0}, {0, -5, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kr_value a = kr_small(cases[i].a), b = kr_small(cases[i].b);
        ck_assert_int_eq(kr_small_val(op(KR_OP_FLOORDIV, a, b)), cases[i].q);
        ck_assert_int_eq(kr_small_val(op(KR_OP_MOD, a, b)), cases[i].r);
    }
    /* (-2**62) // -1 leaves the small range */
    ck_assert_str_eq(S(op(KR_OP_FLOORDIV, kr_small(KR_SMALL_MIN), kr_small(-1))), "4611686018427387904");
    /* big divmod with a negative dividend */
    kr_value t = kr_int_divmod(vm, kr_int_neg(vm, I(A)), kr_int_neg(vm, I(B)));
    ck_assert(t != KR_NULL);
    ck_assert_str_eq(S(kr_tuple_items(t)[0]), "-23196760719186782609");
    ck_assert_str_eq(S(kr_tuple_items(t)[1]), "10379578322509265310036391696577300201193914256971787496427193131642100256295");
    /* division by zero */
    ck_assert(kr_int_binop(vm, KR_OP_MOD, I(A), kr_small(0)) == KR_NULL);
    ck_assert(kr_err_matches(vm, KR_EXC(vm, ZeroDivisionError)));
    kr_err_clear(vm);
}
END_TEST

START_TEST(test_str_round_trip)
{
    size_t n = 20000;
    char *digits = malloc(n + 2);
    digits[0] = '-';
    for (size_t i = 1; i <= n; i++)
        digits[i] = (char)('1' + i % 9);
    digits[n + 1] = 0;
    /* beyond sys.set_int_max_str_digits' default limit both directions raise ValueError... */
    ck_assert_int_eq(vm->int_max_str_digits, KR_INT_DEFAULT_MAX_STR_DIGITS);
    ck_assert(kr_int_from_str(vm, digits, n + 1, 10) == KR_NULL);
    ck_assert(kr_err_matches(vm, KR_EXC(vm, ValueError)));
    kr_err_clear(vm);
    ck_assert(kr_int_from_str(vm, digits, n + 1, 16) != KR_NULL); /* ...except in power-of-two bases */
    /* ...and without a limit the conversions round-trip */
    vm->int_max_str_digits = 0;
    kr_value v = I(digits);
    ck_assert_str_eq(S(v), digits);
    vm->int_max_str_digits = KR_INT_DEFAULT_MAX_STR_DIGITS;
    ck_assert(kr_int_to_str(vm, v, 10) == KR_NULL);
    ck_assert(kr_err_matches(vm, KR_EXC(vm, ValueError)));
    kr_err_clear(vm);
    free(digits);
    /* parsing rules */
    ck_assert_str_eq(S(kr_int_from_str(vm, " -0x_1f ", 8, 16)), "-31");
    ck_assert_str_eq(S(kr_int_from_str(vm, "1_000_000", 9, 0)), "1000000");
    ck_assert_str_eq(S(kr_int_from_str(vm, "0b_101", 6, 0)), "5");
    ck_assert(kr_int_from_str(vm, "07", 2, 0) == KR_NULL);
    ck_assert(kr_err_matches(vm, KR_EXC(vm, ValueError)));
    kr_err_clear(vm);
    ck_assert(kr_int_from_str(vm, "1__0", 4, 10) == KR_NULL);
    kr_err_clear(vm);
    /* bases with prefixes */
    kr_value h = kr_int_to_str(vm, kr_int_neg(vm, I("255")), 16);
    ck_assert_str_eq(kr_str_data(h), "-0xff");
    ck_assert_str_eq(kr_str_data(kr_int_to_str(vm, I("5"), 2)), "0b101");
    ck_assert_str_eq(kr_str_data(kr_int_to_str(vm, I("1606938044258990275541962092341162602522202993782792835301376"), 8)),
                     "0o4000000000000000000000000000000000000000000000000000000000000000000");
}
END_TEST

START_TEST(test_pow_mod)
{
    ck_assert_str_eq(S(kr_int_pow3(vm, kr_small(3), I("1000000000000000000000000000000"),
                                   I("10000000000000000000000000000000000000007"))),
                     "6333738996691065182068301069178342008928");
    ck_assert_int_eq(kr_small_val(kr_int_pow3(vm, kr_small(-5), kr_small(3), kr_small(-7))), -6);
    ck_assert_int_eq(kr_small_val(kr_int_pow3(vm, kr_small(38), kr_small(-1), kr_small(97))), 23);
    ck_assert(kr_int_pow3(vm, kr_small(2), kr_small(-1), kr_small(4)) == KR_NULL);
    ck_assert(kr_err_matches(vm, KR_EXC(vm, ValueError)));
    kr_err_clear(vm);
    ck_assert(kr_int_pow3(vm, kr_small(2), kr_small(3), kr_small(0)) == KR_NULL);
    kr_err_clear(vm);
    ck_assert_str_eq(S(op(KR_OP_POW, kr_small(2), kr_small(200))),
                     "1606938044258990275541962092341162602522202993782792835301376");
    ck_assert_str_eq(S(op(KR_OP_POW, kr_small(-3), kr_small(3))), "-27");
    kr_value half = op(KR_OP_POW, kr_small(2), kr_small(-1));
    ck_assert(kr_float_value(half) == 0.5);
    ck_assert(kr_int_binop(vm, KR_OP_POW, kr_small(0), kr_small(-1)) == KR_NULL);
    ck_assert(kr_err_matches(vm, KR_EXC(vm, ZeroDivisionError)));
    kr_err_clear(vm);
}
END_TEST

START_TEST(test_shifts_and_bits)
{
    ck_assert_str_eq(S(op(KR_OP_LSHIFT, kr_small(1), kr_small(200))),
                     "1606938044258990275541962092341162602522202993782792835301376");
    ck_assert_str_eq(S(op(KR_OP_RSHIFT, kr_int_neg(vm, op(KR_OP_POW, kr_small(2), kr_small(100))), kr_small(3))),
                     "-158456325028528675187087900672");
    ck_assert_int_eq(kr_small_val(op(KR_OP_RSHIFT, kr_small(-1), kr_small(1000))), -1);
    ck_assert_int_eq(kr_small_val(op(KR_OP_RSHIFT, kr_small(-7), kr_small(1))), -4);
    ck_assert(kr_int_binop(vm, KR_OP_LSHIFT, kr_small(1), kr_small(-1)) == KR_NULL);
    ck_assert(kr_err_matches(vm, KR_EXC(vm, ValueError)));
    kr_err_clear(vm);
    /* two's complement semantics on big negatives: (-2**70) & (2**70 - 1) == 0, -2**70 | 1 */
    kr_value p70 = op(KR_OP_POW, kr_small(2), kr_small(70));
    kr_value m70 = kr_int_neg(vm, p70);
    ck_assert_int_eq(kr_small_val(op(KR_OP_AND, m70, op(KR_OP_SUB, p70, kr_small(1)))), 0);
    ck_assert_str_eq(S(op(KR_OP_OR, m70, kr_small(1))), "-1180591620717411303423");
    ck_assert_str_eq(S(op(KR_OP_XOR, m70, kr_small(-1))), "1180591620717411303423");
    ck_assert_int_eq(kr_int_bit_length_core(p70), 71);
}
END_TEST

START_TEST(test_bytes)
{
    kr_value args[2] = {kr_small(8), KR_NULL};
    args[1] = kr_str_from_cstr(vm, "little");
    kr_value kw = kr_tuple_pack(vm, 1, kr_str_from_cstr(vm, "signed"));
    kr_value callargs[3] = {args[0], args[1], KR_TRUE};
    kr_value meth = kr_getattr_cstr(vm, kr_small(-1234567), "to_bytes");
    ck_assert(meth != KR_NULL);
    kr_value b = kr_call(vm, meth, callargs, 2, kw);
    ck_assert(b != KR_NULL);
    static const uint8_t want[8] = {0x79, 0x29, 0xed, 0xff, 0xff, 0xff, 0xff, 0xff};
    ck_assert_int_eq(KR_AS(kr_bytes, b)->size, 8);
    ck_assert(memcmp(KR_AS(kr_bytes, b)->data, want, 8) == 0);
    static const uint8_t src[9] = {0xff, 0, 0xff, 0, 0xff, 0, 0xff, 0, 0xff};
    kr_value fb = kr_getattr_cstr(vm, KR_VAL(vm->t.int_), "from_bytes");
    ck_assert(fb != KR_NULL);
    kr_value fargs[3] = {kr_bytes_new(vm, src, 9), kr_str_from_cstr(vm, "big"), KR_TRUE};
    kr_value v = kr_call(vm, fb, fargs, 2, kw);
    ck_assert_str_eq(S(v), "-18374966859414961921");
}
END_TEST

START_TEST(test_conversions_and_compare)
{
    int ovf;
    ck_assert(kr_int_to_double(vm, op(KR_OP_ADD, op(KR_OP_POW, kr_small(2), kr_small(53)), kr_small(1)), &ovf) ==
              9007199254740992.0);
    ck_assert(kr_int_to_double(vm, op(KR_OP_POW, kr_small(10), kr_small(400)), &ovf) == HUGE_VAL && ovf);
    kr_value tenth = op(KR_OP_TRUEDIV, op(KR_OP_ADD, op(KR_OP_POW, kr_small(10), kr_small(400)), kr_small(1)),
                        op(KR_OP_POW, kr_small(10), kr_small(399)));
    ck_assert(kr_float_value(tenth) == 10.0);
    ck_assert(kr_float_value(op(KR_OP_TRUEDIV, kr_small(1), op(KR_OP_POW, kr_small(2), kr_small(1074)))) == 5e-324);
    ck_assert(kr_float_value(op(KR_OP_TRUEDIV, op(KR_OP_ADD, op(KR_OP_POW, kr_small(2), kr_small(70)), kr_small(1)),
                                kr_small(3))) == 3.935305402391371e+20);
    ck_assert(kr_int_binop(vm, KR_OP_TRUEDIV, op(KR_OP_POW, kr_small(10), kr_small(400)), kr_small(3)) == KR_NULL);
    ck_assert(kr_err_matches(vm, KR_EXC(vm, OverflowError)));
    kr_err_clear(vm);
    kr_value p53p1 = op(KR_OP_ADD, op(KR_OP_POW, kr_small(2), kr_small(53)), kr_small(1));
    ck_assert_int_eq(kr_int_cmp_double(p53p1, 9007199254740992.0), 1);
    ck_assert_int_eq(kr_int_cmp_double(op(KR_OP_POW, kr_small(10), kr_small(400)), HUGE_VAL), -1);
    ck_assert_int_eq(kr_int_cmp_double(kr_small(1), NAN), 2);
    /* hashes */
    ck_assert_int_eq(kr_int_hash(op(KR_OP_POW, kr_small(2), kr_small(64))), 8);
    ck_assert_int_eq(kr_int_hash(kr_int_neg(vm, op(KR_OP_POW, kr_small(2), kr_small(64)))), -8);
    ck_assert_int_eq(kr_int_hash(kr_small(-1)), -2);
    ck_assert_int_eq(kr_float_hash_double(1.5, KR_NULL), 1152921504606846977LL);
    ck_assert_int_eq(kr_float_hash_double(-1.0, KR_NULL), -2);
    ck_assert_int_eq(kr_float_hash_double(1e300, KR_NULL), kr_int_hash(kr_int_from_double(vm, 1e300)));
    /* float -> int */
    ck_assert_str_eq(S(kr_int_from_double(vm, 1e300)),
                     "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080"
                     "447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788"
                     "090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386"
                     "865459400540160");
    ck_assert(kr_int_from_double(vm, NAN) == KR_NULL);
    kr_err_clear(vm);
}
END_TEST

START_TEST(test_float_repr)
{
    static const struct {
        double d;
        const char *s;
    } cases[] = {
        {0.1, "0.1"}, {1e16, "1e+16"}, {1e-05, "1e-05"}, {1.5e300, "1.5e+300"}, {100.0, "100.0"},
        {1234567.0, "1234567.0"}, {0.30000000000000004, "0.30000000000000004"}, {1.0 / 3, "0.3333333333333333"},
        {5e-324, "5e-324"}, {1.7976931348623157e+308, "1.7976931348623157e+308"},
        {123456789012345678.0, "1.2345678901234568e+17"}, {1e22, "1e+22"}, {0.0001, "0.0001"},
        {2.5e-5, "2.5e-05"}, {1e15, "1000000000000000.0"}, {9999999999999998.0, "9999999999999998.0"},
        {-0.0, "-0.0"}, {0.0, "0.0"}, {-2.5, "-2.5"},
    };
    char buf[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kr_float_repr_buf(cases[i].d, buf, sizeof buf);
        ck_assert_str_eq(buf, cases[i].s);
    }
    kr_float_repr_buf(HUGE_VAL, buf, sizeof buf);
    ck_assert_str_eq(buf, "inf");
    kr_float_repr_buf(-HUGE_VAL, buf, sizeof buf);
    ck_assert_str_eq(buf, "-inf");
    kr_float_repr_buf(NAN, buf, sizeof buf);
    ck_assert_str_eq(buf, "nan");
    double d;
    ck_assert_int_eq(kr_float_parse(" -1_000.5e1 ", 12, &d), 0);
    ck_assert(d == -10005.0);
    ck_assert_int_eq(kr_float_parse("1__0", 4, &d), -1);
    ck_assert_int_eq(kr_float_parse("0x10", 4, &d), -1);
    ck_assert_int_eq(kr_float_parse("-Infinity", 9, &d), 0);
    ck_assert(d == -HUGE_VAL);
    /* round half even on the exact binary value */
    ck_assert_int_eq(kr_float_round_d(vm, 2.675, 2, &d), 0);
    ck_assert(d == 2.67);
    ck_assert_int_eq(kr_float_round_d(vm, 25.0, -1, &d), 0);
    ck_assert(d == 20.0);
    ck_assert_int_eq(kr_float_round_d(vm, 35.0, -1, &d), 0);
    ck_assert(d == 40.0);
}
END_TEST

static Suite *int_suite(void)
{
    Suite *s = suite_create("int");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_bigint_identities);
    tcase_add_test(tc, test_floor_division_signs);
    tcase_add_test(tc, test_str_round_trip);
    tcase_add_test(tc, test_pow_mod);
    tcase_add_test(tc, test_shifts_and_bits);
    tcase_add_test(tc, test_bytes);
    tcase_add_test(tc, test_conversions_and_compare);
    tcase_add_test(tc, test_float_repr);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(int_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
