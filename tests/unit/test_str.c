/* test_str.c: SipHash-1-3 vectors, UTF-8 length/indexing, str methods through their Python-level entry
 * points (kr_call_method), the format-spec mini-language, %-formatting and repr escaping, on a real VM.
 * Expected values come from CPython 3.13 (SipHash vectors: CPython's hash(bytes) with PYTHONHASHSEED=0,
 * which is SipHash-1-3 with an all-zero key). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bytes.h"
#include "vm/format.h"
#include "vm/kr.h"
#include "vm/str.h"

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

static kr_value S(const char *s)
{
    kr_value v = kr_str_from_cstr(vm, s);
    ck_assert(v != KR_NULL);
    return v;
}

static const char *C(kr_value v)
{
    if (v == KR_NULL) {
        kr_value e = kr_err_fetch(vm);
        kr_value r = e ? kr_repr(vm, e) : KR_NULL;
        ck_abort_msg("unexpected error: %s", r ? kr_str_data(r) : "?");
    }
    ck_assert(kr_is_str(vm, v));
    return kr_str_data(v);
}

/* repr(obj.name(*args)) */
static const char *M(kr_value obj, const char *name, int nargs, ...)
{
    kr_value args[4];
    va_list ap;
    va_start(ap, nargs);
    for (int i = 0; i < nargs; i++)
        args[i] = va_arg(ap, kr_value);
    va_end(ap);
    kr_value r = kr_call_method(vm, obj, name, args, nargs);
    C(r != KR_NULL ? S("") : KR_NULL);
    return C(kr_repr(vm, r));
}

START_TEST(test_siphash_vectors)
{
    static const struct { size_t n; uint64_t h; } v[] = {
        {1, 0x407448d2b89b1813ull}, {3, 0xc03bc3a0042630f2ull}, {7, 0x2f098ab0c751325aull},
        {8, 0xead411e67ebe2eeaull}, {15, 0xf30eb725bb91c9eaull}, {64, 0x75e05fd5bbc870c6ull},
    };
    uint8_t buf[64];
    for (int i = 0; i < 64; i++)
        buf[i] = (uint8_t)i;
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        const uint8_t *data = v[i].n == 1 ? (const uint8_t *)"a" : v[i].n == 3 ? (const uint8_t *)"abc" : buf;
        ck_assert_uint_eq(kr_siphash13(0, 0, data, v[i].n), v[i].h);
    }
}
END_TEST

START_TEST(test_utf8_len_index)
{
    kr_value s = S("h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80!");
    ck_assert_int_eq(kr_str_len(s), 10);
    ck_assert(!(KR_OBJ(s)->flags & KR_STR_ASCII));
    ck_assert_int_eq(kr_str_codepoint_at(s, 1), 0xE9);
    ck_assert_int_eq(kr_str_codepoint_at(s, 6), 0x20AC);
    ck_assert_int_eq(kr_str_codepoint_at(s, -2), 0x1F600);
    ck_assert_int_eq(kr_str_codepoint_at_vm(vm, s, 8), 0x1F600);
    ck_assert_int_eq(kr_str_codepoint_at(s, 10), -1);
    kr_value a = S("abc");
    ck_assert(KR_OBJ(a)->flags & KR_STR_ASCII);
    ck_assert(kr_str_new(vm, "x", 1) == kr_str_new(vm, "x", 1)); /* char cache */
    ck_assert(kr_intern(vm, "spam") == kr_intern_value(vm, S("spam")));
    ck_assert_int_eq(kr_str_hash(vm, S("abc")), kr_str_hash(vm, kr_intern(vm, "abc")));
    ck_assert_str_eq(C(kr_repr(vm, kr_str_from_codepoint(vm, 0xE9))), "'\xc3\xa9'");
}
END_TEST

START_TEST(test_methods)
{
    ck_assert_str_eq(M(S("  a b  c "), "split", 0), "['a', 'b', 'c']");
    ck_assert_str_eq(M(S("a,b,,c"), "split", 1, S(",")), "['a', 'b', '', 'c']");
    ck_assert_str_eq(M(S("a,b,,c"), "rsplit", 2, S(","), kr_small(1)), "['a,b,', 'c']");
    ck_assert_str_eq(M(S(" a b c "), "rsplit", 2, KR_NONE, kr_small(1)), "[' a b', 'c']");
    ck_assert_str_eq(M(S("l1\nl2\r\nl3"), "splitlines", 0), "['l1', 'l2', 'l3']");
    ck_assert_str_eq(M(S("-"), "join", 1, kr_tuple_pack(vm, 3, S("a"), S("b"), S("c"))), "'a-b-c'");
    ck_assert_str_eq(M(S("xxhixx"), "strip", 1, S("x")), "'hi'");
    ck_assert_str_eq(M(S("aaa"), "replace", 3, S("a"), S("bb"), kr_small(2)), "'bbbba'");
    ck_assert_str_eq(M(S("abc"), "replace", 2, S(""), S("-")), "'-a-b-c-'");
    ck_assert_str_eq(M(S("h\xc3\xa9llo"), "find", 1, S("l")), "2");
    ck_assert_str_eq(M(S("h\xc3\xa9llo"), "rfind", 1, S("l")), "3");
    ck_assert_str_eq(M(S("abcabc"), "count", 1, S("bc")), "2");
    ck_assert_str_eq(M(S("stra\xc3\x9f" "e"), "upper", 0), "'STRASSE'");
    ck_assert_str_eq(M(S("\xce\x9f\xce\x94\xce\x9f\xce\xa3"), "lower", 0), "'\xce\xbf\xce\xb4\xce\xbf\xcf\x82'");
    ck_assert_str_eq(M(S("hello world"), "title", 0), "'Hello World'");
    ck_assert_str_eq(M(S("42"), "zfill", 1, kr_small(5)), "'00042'");
    ck_assert_str_eq(M(S("ab"), "center", 2, kr_small(5), S("*")), "'**ab*'");
    ck_assert_str_eq(M(S("a\tb"), "expandtabs", 0), "'a       b'");
    ck_assert_str_eq(M(S("a=b=c"), "partition", 1, S("=")), "('a', '=', 'b=c')");
    ck_assert_str_eq(M(S("\xc3\xa9"), "encode", 0), "b'\\xc3\\xa9'");
    ck_assert_str_eq(M(S("abc"), "isidentifier", 0), "True");
}
END_TEST

static const char *F(const char *fmt, kr_value args)
{
    return C(kr_str_mod_format(vm, S(fmt), args));
}

START_TEST(test_format_spec)
{
    ck_assert_str_eq(C(kr_format_int(vm, kr_small(1234567), ",", 1)), "1,234,567");
    ck_assert_str_eq(C(kr_format_int(vm, kr_small(255), "#010x", 5)), "0x000000ff");
    ck_assert_str_eq(C(kr_format_int(vm, kr_small(1234), "08,", 3)), "0,001,234");
    ck_assert_str_eq(C(kr_format_int(vm, kr_small(-42), "=+8", 3)), "-     42");
    ck_assert_str_eq(C(kr_format_int(vm, kr_small(65), "c", 1)), "A");
    ck_assert_str_eq(C(kr_format_int(vm, kr_small(5), ".2f", 3)), "5.00");
    ck_assert_str_eq(C(kr_format_float(vm, 1e16, "", 0)), "1e+16");
    ck_assert_str_eq(C(kr_format_float(vm, 1.5, "10", 2)), "       1.5");
    ck_assert_str_eq(C(kr_format_float(vm, 1.0, ".3", 2)), "1.0");
    ck_assert_str_eq(C(kr_format_float(vm, 1234.5, "012,.1f", 7)), "00,001,234.5");
    ck_assert_str_eq(C(kr_format_float(vm, 0.125, ".2%", 3)), "12.50%");
    ck_assert_str_eq(C(kr_format_float(vm, -0.0001, "z.2f", 4)), "0.00");
    ck_assert_str_eq(C(kr_format_float(vm, 2.5, "^9.1e", 5)), " 2.5e+00 ");
    ck_assert_str_eq(C(kr_format_str(vm, S("ab"), "*^6", 3)), "**ab**");
    ck_assert_str_eq(C(kr_format_str(vm, S("abcdef"), ".3", 2)), "abc");
    ck_assert(kr_format_str(vm, S("ab"), ",", 1) == KR_NULL);
    kr_value e = kr_err_fetch(vm);
    ck_assert_str_eq(C(kr_tostr(vm, e)), "Cannot specify ',' with 's'.");
    ck_assert(kr_format_float(vm, 1.0, "x", 1) == KR_NULL);
    e = kr_err_fetch(vm);
    ck_assert_str_eq(C(kr_tostr(vm, e)), "Unknown format code 'x' for object of type 'float'");
}
END_TEST

START_TEST(test_percent)
{
    ck_assert_str_eq(F("%5d|%-5d|%05d|%+d", kr_tuple_pack(vm, 4, kr_small(42), kr_small(42), kr_small(42), kr_small(42))),
                     "   42|42   |00042|+42");
    ck_assert_str_eq(F("%#x %X %o", kr_tuple_pack(vm, 3, kr_small(255), kr_small(255), kr_small(8))), "0xff FF 10");
    ck_assert_str_eq(F("%.2f %e", kr_tuple_pack(vm, 2, kr_float_new(vm, 3.14159), kr_float_new(vm, 31415.9))),
                     "3.14 3.141590e+04");
    ck_assert_str_eq(F("%s %r", kr_tuple_pack(vm, 2, S("x"), S("x"))), "x 'x'");
    ck_assert_str_eq(F("%*d|%.*s", kr_tuple_pack(vm, 4, kr_small(4), kr_small(7), kr_small(2), S("abc"))), "   7|ab");
    ck_assert_str_eq(F("100%%", kr_tuple_new(vm, 0)), "100%");
    ck_assert(kr_str_mod_format(vm, S("%d %d"), kr_tuple_pack(vm, 1, kr_small(1))) == KR_NULL);
    ck_assert_str_eq(C(kr_tostr(vm, kr_err_fetch(vm))), "not enough arguments for format string");
    ck_assert(kr_str_mod_format(vm, S("%d"), kr_tuple_pack(vm, 2, kr_small(1), kr_small(2))) == KR_NULL);
    ck_assert_str_eq(C(kr_tostr(vm, kr_err_fetch(vm))), "not all arguments converted during string formatting");
}
END_TEST

START_TEST(test_repr)
{
    ck_assert_str_eq(C(kr_repr(vm, S("it's"))), "\"it's\"");
    ck_assert_str_eq(C(kr_repr(vm, S("a\"b'c"))), "'a\"b\\'c'");
    ck_assert_str_eq(C(kr_repr(vm, S("\n\t\\\x01\x7f"))), "'\\n\\t\\\\\\x01\\x7f'");
    ck_assert_str_eq(C(kr_repr(vm, S("\xc2\xa0\xe2\x80\x8b\xc3\xa9"))), "'\\xa0\\u200b\xc3\xa9'");
    ck_assert_str_eq(C(kr_str_ascii_escape(vm, kr_repr(vm, S("\xc3\xa9")))), "'\\xe9'");
    ck_assert_str_eq(C(kr_repr(vm, kr_bytes_new(vm, "a'\x00\xff", 4))), "b\"a'\\x00\\xff\"");
}
END_TEST

static Suite *str_suite(void)
{
    Suite *s = suite_create("str");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_siphash_vectors);
    tcase_add_test(tc, test_utf8_len_index);
    tcase_add_test(tc, test_methods);
    tcase_add_test(tc, test_format_spec);
    tcase_add_test(tc, test_percent);
    tcase_add_test(tc, test_repr);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(str_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
