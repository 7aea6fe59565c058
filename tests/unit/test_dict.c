/* test_dict.c: the dict's compact ordered hash table (vm/dict.c) and list.sort's stability, through the
 * kr_* API of a whole VM. */
#include <check.h>
#include <stdlib.h>

#include "vm/dict.h"
#include "vm/kr.h"
#include "vm/list.h"

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

/* Keep d alive across collections the test may trigger. */
#define ROOT(v) kr_root_push(vm, &(v))

static kr_value I(int64_t n) { return kr_int_from_i64(vm, n); }

START_TEST(test_insertion_order)
{
    kr_value d = kr_dict_new(vm);
    ROOT(d);
    int64_t keys[] = {5, 3, 9, 1, 7, 100, -4};
    for (int i = 0; i < 7; i++)
        ck_assert_int_eq(kr_dict_set(vm, d, I(keys[i]), I(i)), 0);
    ck_assert_int_eq(kr_dict_size(d), 7);
    int64_t pos = 0;
    kr_value k, v;
    int i = 0;
    while (kr_dict_next(d, &pos, &k, &v)) {
        ck_assert(k == I(keys[i]));
        ck_assert(v == I(i));
        i++;
    }
    ck_assert_int_eq(i, 7);
    /* Overwriting keeps the position. */
    ck_assert_int_eq(kr_dict_set(vm, d, I(3), I(42)), 0);
    pos = 0;
    kr_dict_next(d, &pos, &k, &v);
    kr_dict_next(d, &pos, &k, &v);
    ck_assert(k == I(3) && v == I(42));
}
END_TEST

START_TEST(test_delete_and_reinsert)
{
    kr_value d = kr_dict_new(vm);
    ROOT(d);
    for (int i = 0; i < 5; i++)
        kr_dict_set(vm, d, I(i), I(i * 10));
    ck_assert_int_eq(kr_dict_del(vm, d, I(1)), 0);
    ck_assert_int_eq(kr_dict_del(vm, d, I(3)), 0);
    ck_assert_int_eq(kr_dict_del(vm, d, I(3)), -1); /* KeyError */
    ck_assert(kr_err_matches(vm, KR_EXC(vm, KeyError)));
    kr_err_clear(vm);
    ck_assert_int_eq(kr_dict_size(d), 3);
    ck_assert(kr_dict_get(vm, d, I(1)) == KR_NULL && !kr_err_occurred(vm));
    kr_dict_set(vm, d, I(1), I(111));
    int64_t expect[] = {0, 2, 4, 1};
    int64_t pos = 0;
    kr_value k, v;
    int i = 0;
    while (kr_dict_next(d, &pos, &k, &v))
        ck_assert(k == I(expect[i++]));
    ck_assert_int_eq(i, 4);
    ck_assert(kr_dict_get(vm, d, I(1)) == I(111));
}
END_TEST

START_TEST(test_resize_many_keys)
{
    kr_value d = kr_dict_new(vm);
    ROOT(d);
    const int N = 100000;
    for (int i = 0; i < N; i++)
        ck_assert_int_eq(kr_dict_set(vm, d, I(i * 7), I(i)), 0);
    ck_assert_int_eq(kr_dict_size(d), N);
    for (int i = 0; i < N; i++)
        ck_assert(kr_dict_get(vm, d, I(i * 7)) == I(i));
    ck_assert(kr_dict_get(vm, d, I(3)) == KR_NULL);
    /* delete every other key, then check order and membership */
    for (int i = 0; i < N; i += 2)
        ck_assert_int_eq(kr_dict_del(vm, d, I(i * 7)), 0);
    ck_assert_int_eq(kr_dict_size(d), N / 2);
    int64_t pos = 0;
    kr_value k, v;
    int i = 1;
    while (kr_dict_next(d, &pos, &k, &v)) {
        ck_assert(k == I(i * 7));
        i += 2;
    }
    /* reinsertion after many deletions compacts the entries */
    for (int j = 0; j < N; j += 2)
        ck_assert_int_eq(kr_dict_set(vm, d, I(j * 7), I(-j)), 0);
    ck_assert_int_eq(kr_dict_size(d), N);
    ck_assert(kr_dict_get(vm, d, I(0)) == I(0));
    ck_assert(kr_dict_get(vm, d, I(14)) == I(-2));
    kr_gc_collect(vm);
    ck_assert(kr_dict_get(vm, d, I(7 * 99999)) == I(99999));
}
END_TEST

START_TEST(test_version_bumps)
{
    kr_value d = kr_dict_new(vm);
    ROOT(d);
    kr_value key = kr_intern(vm, "x");
    uint64_t v0 = kr_dict_version(d), k0 = kr_dict_keys_version(d);
    kr_dict_set(vm, d, key, I(1));
    uint64_t v1 = kr_dict_version(d), k1 = kr_dict_keys_version(d);
    ck_assert(v1 != v0 && k1 != k0);
    kr_value *slot = kr_dict_lookup_slot(vm, d, key);
    ck_assert_ptr_nonnull(slot);
    ck_assert(*slot == I(1));
    kr_dict_set(vm, d, key, I(2));          /* value change: version only */
    ck_assert(kr_dict_version(d) != v1);
    ck_assert(kr_dict_keys_version(d) == k1);
    ck_assert(*slot == I(2));               /* the cached slot sees the new value */
    uint64_t v2 = kr_dict_version(d);
    ck_assert(kr_dict_get(vm, d, key) == I(2));
    ck_assert(kr_dict_version(d) == v2);    /* lookups do not bump */
    kr_dict_del(vm, d, key);
    ck_assert(kr_dict_version(d) != v2 && kr_dict_keys_version(d) != k1);
    ck_assert_ptr_null(kr_dict_lookup_slot(vm, d, key));
}
END_TEST

START_TEST(test_str_keys)
{
    kr_value d = kr_dict_new(vm);
    ROOT(d);
    kr_value a = kr_intern(vm, "alpha");
    ck_assert_int_eq(kr_dict_set(vm, d, a, I(1)), 0);
    /* A different (non-interned) str object with the same contents finds the entry. */
    kr_value a2 = kr_str_new(vm, "alpha", 5);
    ck_assert(a2 != a);
    ck_assert(kr_dict_get(vm, d, a2) == I(1));
    ck_assert(kr_dict_get_str(vm, d, a2) == I(1));
    ck_assert(kr_dict_get_cstr(vm, d, "alpha") == I(1));
    ck_assert(kr_dict_get_cstr(vm, d, "beta") == KR_NULL);
    ck_assert_int_eq(kr_dict_set_cstr(vm, d, "beta", I(2)), 0);
    ck_assert(kr_dict_get(vm, d, kr_str_new(vm, "beta", 4)) == I(2));
    /* str and int keys do not mix up */
    ck_assert_int_eq(kr_dict_set(vm, d, I(1), I(3)), 0);
    ck_assert_int_eq(kr_dict_size(d), 3);
    ck_assert_int_eq(kr_dict_contains(vm, d, kr_str_new(vm, "1", 1)), 0);
}
END_TEST

START_TEST(test_int_keys_and_collisions)
{
    kr_value d = kr_dict_new(vm);
    ROOT(d);
    /* n and n + (2^61 - 1) have the same hash (CPython's int hash), as do -1 and -2. */
    const int64_t P = ((int64_t)1 << 61) - 1;
    for (int64_t i = 0; i < 50; i++) {
        ck_assert_int_eq(kr_dict_set(vm, d, I(i), I(i)), 0);
        ck_assert_int_eq(kr_dict_set(vm, d, I(i + P), I(-i)), 0);
    }
    ck_assert_int_eq(kr_hash(vm, I(-1)), kr_hash(vm, I(-2)));
    kr_dict_set(vm, d, I(-1), I(1000));
    kr_dict_set(vm, d, I(-2), I(2000));
    ck_assert_int_eq(kr_dict_size(d), 102);
    for (int64_t i = 0; i < 50; i++) {
        ck_assert(kr_dict_get(vm, d, I(i)) == I(i));
        ck_assert(kr_dict_get(vm, d, I(i + P)) == I(-i));
    }
    ck_assert(kr_dict_get(vm, d, I(-1)) == I(1000));
    ck_assert(kr_dict_get(vm, d, I(-2)) == I(2000));
    /* deleting one of a colliding pair leaves the other reachable through the DUMMY slot */
    ck_assert_int_eq(kr_dict_del(vm, d, I(7)), 0);
    ck_assert(kr_dict_get(vm, d, I(7 + P)) == I(-7));
    ck_assert(kr_dict_get(vm, d, I(7)) == KR_NULL);
    /* a float equal to an int finds the int's entry */
    ck_assert(kr_dict_get(vm, d, kr_float_new(vm, 3.0)) == I(3));
    /* unhashable keys raise TypeError */
    kr_value l = kr_list_new(vm, 0);
    ck_assert_int_eq(kr_dict_set(vm, d, l, I(0)), -1);
    ck_assert(kr_err_matches(vm, KR_EXC(vm, TypeError)));
    kr_err_clear(vm);
    /* copy preserves order and content */
    kr_value c = kr_dict_copy(vm, d);
    ROOT(c);
    ck_assert_int_eq(kr_dict_size(c), kr_dict_size(d));
    int64_t p1 = 0, p2 = 0;
    kr_value k1, k2, v1, v2;
    while (kr_dict_next(d, &p1, &k1, &v1)) {
        ck_assert(kr_dict_next(c, &p2, &k2, &v2));
        ck_assert(k1 == k2 && v1 == v2);
    }
}
END_TEST

/* key function for the stability test: t[0] */
static kr_value first_item(kr_vm *vmp, kr_value *args, int nargs, kr_value kwnames)
{
    (void)vmp;
    (void)nargs;
    (void)kwnames;
    return kr_tuple_items(args[0])[0];
}

START_TEST(test_list_sort_stable)
{
    const int N = 1000;
    kr_value l = kr_list_new(vm, 0);
    ROOT(l);
    srand(1234);
    for (int i = 0; i < N; i++) {
        kr_value t = kr_tuple_pack(vm, 2, I(rand() % 10), I(i));
        ck_assert_int_eq(kr_list_append(vm, l, t), 0);
    }
    static const kr_method_def def = {"first", first_item, KR_METH_STATIC, NULL};
    kr_value key = kr_cfunction_new(vm, &def, NULL, KR_NULL);
    ROOT(key);
    for (int rev = 0; rev < 2; rev++) {
        ck_assert_int_eq(kr_list_sort(vm, l, key, rev), 0);
        ck_assert_int_eq(kr_list_size(l), N);
        for (int i = 1; i < N; i++) {
            kr_value *a = kr_tuple_items(kr_list_items(l)[i - 1]), *b = kr_tuple_items(kr_list_items(l)[i]);
            int64_t ka = kr_small_val(a[0]), kb = kr_small_val(b[0]);
            ck_assert(rev ? ka >= kb : ka <= kb);
            if (ka == kb) /* equal keys keep their original order, also with reverse=True */
                ck_assert_int_lt(kr_small_val(a[1]), kr_small_val(b[1]));
        }
        /* restore the original order for the next round */
        kr_value l2 = kr_list_new(vm, N);
        for (int i = 0; i < N; i++)
            kr_list_items(l2)[i] = KR_NONE;
        KR_AS(kr_list, l2)->size = N;
        for (int i = 0; i < N; i++) {
            kr_value t = kr_list_items(l)[i];
            kr_list_items(l2)[kr_small_val(kr_tuple_items(t)[1])] = t;
        }
        for (int i = 0; i < N; i++)
            kr_list_items(l)[i] = kr_list_items(l2)[i];
    }
    /* plain ints, no key */
    kr_value m = kr_list_new(vm, 0);
    ROOT(m);
    for (int i = 0; i < N; i++)
        kr_list_append(vm, m, I((i * 7919) % N));
    ck_assert_int_eq(kr_list_sort(vm, m, KR_NULL, false), 0);
    for (int i = 0; i < N; i++)
        ck_assert(kr_list_items(m)[i] == I(i));
}
END_TEST

static Suite *dict_suite(void)
{
    Suite *s = suite_create("dict");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_insertion_order);
    tcase_add_test(tc, test_delete_and_reinsert);
    tcase_add_test(tc, test_resize_many_keys);
    tcase_add_test(tc, test_version_bumps);
    tcase_add_test(tc, test_str_keys);
    tcase_add_test(tc, test_int_keys_and_collisions);
    tcase_add_test(tc, test_list_sort_stable);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(dict_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
