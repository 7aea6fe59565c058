/* test_struct.c: the struct format compiler (stdlib/struct.c) through kr_struct_layout: for random
 * formats in every mode, the compiled codes keep their invariants (offset order, no overlap, inside the
 * packed size, native alignment, value count) and the size agrees with an independent reference
 * computation; bad formats raise struct.error. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/struct.h"
#include "vm/import.h"
#include "vm/kr.h"

static kr_vm *vm;
static kr_value struct_type;

static void setup(void)
{
    vm = kr_vm_new(NULL);
    ck_assert_ptr_nonnull(vm);
    kr_value m = kr_import_cstr(vm, "_struct");
    ck_assert(m != KR_NULL);
    kr_root_push(vm, &m);
    struct_type = kr_getattr_cstr(vm, m, "Struct");
    ck_assert(struct_type != KR_NULL);
    kr_root_push(vm, &struct_type);
}

static void teardown(void)
{
    kr_vm_free(vm);
    vm = NULL;
}

static uint64_t rng_state;
static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng_state >> 33) % n;
}

/* size of a char in native (native=1) or standard mode, 0 if the mode lacks it */
static int ref_size(char c, int native)
{
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? 8 : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
    }
}

static kr_value compile(const char *fmt)
{
    kr_value f = kr_str_from_cstr(vm, fmt);
    ck_assert(f != KR_NULL);
    kr_root_push(vm, &f);
    return kr_call1(vm, struct_type, f);
}

START_TEST(test_random_formats_keep_invariants)
{
    static const char chars[] = "xcbB?hHiIlLqQnNPefdsp";
    static const char *const prefixes[] = {"", "@", "=", "<", ">", "!"};
    rng_state = 12345;
    for (int iter = 0; iter < 3000; iter++) {
        size_t mark = kr_root_mark(vm);
        const char *prefix = prefixes[rnd(6)];
        int native = prefix[0] == '\0' || prefix[0] == '@';
        char fmt[256];
        size_t n = strlen(prefix);
        memcpy(fmt, prefix, n);
        int64_t ref = 0, ref_len = 0;
        int items = 1 + (int)rnd(8);
        for (int k = 0; k < items; k++) {
            char c;
            do
                c = chars[rnd(sizeof chars - 1)];
            while (!ref_size(c, native));
            int count = rnd(3) == 0 ? -1 : (int)rnd(12);
            if (count >= 0)
                n += (size_t)snprintf(fmt + n, sizeof fmt - n, "%d", count);
            fmt[n++] = c;
            if (rnd(4) == 0)
                fmt[n++] = ' ';
            int64_t num = count < 0 ? 1 : count;
            int64_t sz = ref_size(c, native);
            if (native && ref > 0 && sz > 1)
                ref = (ref + sz - 1) / sz * sz;
            ref += num * sz;
            if (c == 's' || c == 'p')
                ref_len++;
            else if (c != 'x')
                ref_len += num;
        }
        fmt[n] = '\0';
        kr_value s = compile(fmt);
        ck_assert_msg(s != KR_NULL, "format %s failed to compile", fmt);
        kr_root_push(vm, &s);
        int64_t ncodes, size, len;
        const kr_struct_code *codes = kr_struct_layout(vm, s, &ncodes, &size, &len);
        ck_assert_ptr_nonnull(codes);
        ck_assert_msg(size == ref, "format %s: size %lld, expected %lld", fmt, (long long)size, (long long)ref);
        ck_assert_int_eq(len, ref_len);
        int64_t end = 0, values = 0;
        for (int64_t k = 0; k < ncodes; k++) {
            const kr_struct_code *c = &codes[k];
            ck_assert_msg(c->offset >= end, "format %s: code %lld overlaps", fmt, (long long)k);
            ck_assert(c->repeat > 0);
            if (c->fmt == 's' || c->fmt == 'p')
                ck_assert_int_eq(c->repeat, 1);
            else
                ck_assert_int_eq(c->size, ref_size(c->fmt, native));
            if (native && c->fmt != 's' && c->fmt != 'p')
                ck_assert_msg(c->offset % c->size == 0, "format %s: code %lld misaligned", fmt, (long long)k);
            end = c->offset + c->size * c->repeat;
            values += c->repeat;
        }
        ck_assert(end <= size);
        ck_assert_int_eq(values, len);
        kr_root_reset(vm, mark);
    }
}
END_TEST

START_TEST(test_bad_formats_raise_struct_error)
{
    static const char *const bad[] = {"2", "i2", "2 h", "z", "<n", ">N", "!P", "<>", "ii%",
                                      "99999999999999999999q", "9223372036854775807h", NULL};
    for (int i = 0; bad[i]; i++) {
        size_t mark = kr_root_mark(vm);
        kr_value s = compile(bad[i]);
        ck_assert_msg(s == KR_NULL, "format %s compiled", bad[i]);
        kr_value e = kr_err_fetch(vm);
        ck_assert_str_eq(kr_typename(vm, e), "error");
        kr_root_reset(vm, mark);
    }
    /* the largest size that fits: padding counts, and the layout has no code for it */
    kr_value s = compile("9223372036854775807x");
    ck_assert(s != KR_NULL);
    int64_t ncodes, size, len;
    ck_assert_ptr_nonnull(kr_struct_layout(vm, s, &ncodes, &size, &len));
    ck_assert_int_eq(size, INT64_MAX);
    ck_assert_int_eq(ncodes, 0);
    ck_assert_int_eq(len, 0);
    ck_assert_ptr_null(kr_struct_layout(vm, kr_small(3), &ncodes, &size, &len));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("struct");
    TCase *tc = tcase_create("compile");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_random_formats_keep_invariants);
    tcase_add_test(tc, test_bad_formats_raise_struct_error);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
