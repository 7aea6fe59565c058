/* test_dtoa.c: vm/dtoa.c's shortest round-trip digits, through vm/float.c's kr_float_repr_buf (so the
 * repr layout as well), against the algorithm they replaced: snprintf("%.*e") at increasing precisions
 * checked with strtod, kept here as old_repr. glibc's printf and strtod are correctly rounded,
 * which makes it a slow but independent reference.
 *
 * The reference is not CPython's repr everywhere: at a power of 2 the rounding interval reaches only
 * half as far below as above, and for 46 of them the shortest string is above the value while the
 * nearer one of the same length, below it, does not read back; the loop then answers with 17 digits
 * (vm/dtoa.h explains). Those 46 are listed with CPython 3.13's repr (cpython_pow2) and the tests
 * require the new code to match CPython there and the reference everywhere else.
 * tests/py/float_repr_shortest.py compares with CPython directly. */
#include <check.h>
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vm/dtoa.h"
#include "vm/kr.h"

/* vm/float.c's kr_float_repr_buf before vm/dtoa.c (the code unchanged, its comments left out) */
static int old_repr(double d, char *buf, size_t n)
{
    if (isnan(d))
        return snprintf(buf, n, "nan");
    if (isinf(d))
        return snprintf(buf, n, d < 0 ? "-inf" : "inf");
    if (d == 0)
        return snprintf(buf, n, signbit(d) ? "-0.0" : "0.0");
    char tmp[40];
    int prec;
    snprintf(tmp, sizeof tmp, "%.*e", 14, d);
    if (strtod(tmp, NULL) == d) {
        for (prec = 1; prec < 15; prec++) {
            snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
            if (strtod(tmp, NULL) == d)
                break;
        }
        if (prec == 15)
            snprintf(tmp, sizeof tmp, "%.*e", 14, d);
    } else {
        snprintf(tmp, sizeof tmp, "%.*e", 15, d);
        if (strtod(tmp, NULL) != d)
            snprintf(tmp, sizeof tmp, "%.*e", 16, d);
    }
    const char *p = tmp;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }
    char digits[24];
    int nd = 0;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[nd++] = *p;
    int exp10 = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    int decpt = exp10 + 1;
    char out[64];
    int k = 0;
    if (neg)
        out[k++] = '-';
    if (exp10 < -4 || exp10 >= 16) {
        out[k++] = digits[0];
        if (nd > 1) {
            out[k++] = '.';
            for (int i = 1; i < nd; i++)
                out[k++] = digits[i];
        }
        k += snprintf(out + k, sizeof out - (size_t)k, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    } else if (decpt <= 0) {
        out[k++] = '0';
        out[k++] = '.';
        for (int i = 0; i < -decpt; i++)
            out[k++] = '0';
        for (int i = 0; i < nd; i++)
            out[k++] = digits[i];
    } else if (decpt < nd) {
        for (int i = 0; i < nd; i++) {
            if (i == decpt)
                out[k++] = '.';
            out[k++] = digits[i];
        }
    } else {
        for (int i = 0; i < nd; i++)
            out[k++] = digits[i];
        for (int i = nd; i < decpt; i++)
            out[k++] = '0';
        out[k++] = '.';
        out[k++] = '0';
    }
    out[k] = 0;
    return snprintf(buf, n, "%s", out);
}

/* The powers of 2 where the reference is longer than CPython 3.13's repr (from
 * repr(2.0 ** e) for e in range(-1074, 1024), compared with the loop above written in Python). */
static const struct {
    int e;
    const char *repr;
} cpython_pow2[] = {
    {-1017, "7.120236347223045e-307"}, {-1007, "7.291122019556398e-304"}, {-957, "8.209073602596753e-289"},
    {-921, "5.641232424577593e-278"},  {-808, "5.858190679279809e-244"},  {-791, "7.678447687145631e-239"},
    {-788, "6.142758149716505e-238"},  {-778, "6.290184345309701e-235"},  {-705, "5.940911144672375e-213"},
    {-695, "6.083493012144512e-210"},  {-662, "5.225680706521042e-200"},  {-652, "5.351097043477547e-197"},
    {-549, "5.426657103235053e-166"},  {-509, "5.966672584960166e-154"},  {-496, "4.887898181599368e-150"},
    {-489, "6.256509672447191e-148"},  {-383, "5.075883674631299e-116"},  {-366, "6.653062250012736e-111"},
    {-296, "7.854549544476363e-90"},   {-140, "7.174648137343064e-43"},   {-97, "6.310887241768095e-30"},
    {-77, "6.617444900424222e-24"},    {-44, "5.684341886080802e-14"},    {-24, "5.960464477539063e-08"},
    {89, "6.189700196426902e+26"},     {122, "5.316911983139664e+36"},    {132, "5.444517870735016e+39"},
    {172, "5.986310706507379e+51"},    {182, "6.129982163463556e+54"},    {275, "6.070840288205404e+82"},
    {305, "6.518515124270356e+91"},    {345, "7.167183174968974e+103"},   {378, "6.156563468186638e+113"},
    {398, "6.455624695217272e+119"},   {405, "8.263199609878108e+121"},   {481, "6.243497100631985e+144"},
    {534, "5.623642243178996e+160"},   {544, "5.758609657015292e+163"},   {554, "5.896816288783659e+166"},
    {574, "6.183260036827614e+172"},   {594, "6.483618076376552e+178"},   {710, "5.386379163185535e+213"},
    {803, "5.334411546303884e+241"},   {863, "6.150157786156811e+259"},   {896, "5.282945311356653e+269"},
    {976, "6.386688990511104e+293"},
};
#define N_CPYTHON_POW2 (sizeof cpython_pow2 / sizeof cpython_pow2[0])

static double from_bits(uint64_t b)
{
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static uint64_t to_bits(double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

/* The expected repr of d: CPython's where the reference is known to differ, else the reference. */
static int expected_repr(double d, char *buf, size_t n)
{
    uint64_t b = to_bits(fabs(d));
    if ((b & ((UINT64_C(1) << 52) - 1)) == 0 && b != 0 && b < UINT64_C(0x7ff0000000000000)) {
        int e = (int)(b >> 52) - 1075 + 52;
        for (size_t i = 0; i < N_CPYTHON_POW2; i++)
            if (cpython_pow2[i].e == e)
                return snprintf(buf, n, "%s%s", signbit(d) ? "-" : "", cpython_pow2[i].repr);
    }
    return old_repr(d, buf, n);
}

/* kr_float_repr_buf(d) against expected_repr(d), and the form of kr_dtoa_shortest's digits (their
 * value is what the repr shows). Returns true when all hold; on failure, describes the first problem in
 * why. Thread-safe (no shared state). */
static bool check_one(double d, char *why, size_t why_n)
{
    char got[64], want[64];
    int n_got = kr_float_repr_buf(d, got, sizeof got);
    int n_want = expected_repr(d, want, sizeof want);
    if (n_got != n_want || strcmp(got, want) != 0) {
        snprintf(why, why_n, "bits %016llx (%.17g): got %s, want %s", (unsigned long long)to_bits(d), d, got, want);
        return false;
    }
    char digits[KR_DTOA_MAX_DIGITS];
    int exp10 = 12345;
    int nd = kr_dtoa_shortest(d, digits, &exp10);
    if (!isfinite(d) || d == 0) {
        if (nd != 0 || exp10 != 12345) {
            snprintf(why, why_n, "bits %016llx: %d digits for zero/inf/nan", (unsigned long long)to_bits(d), nd);
            return false;
        }
        return true;
    }
    if (nd < 1 || nd > KR_DTOA_MAX_DIGITS || digits[0] < '1' || digits[0] > '9' || digits[nd - 1] == '0') {
        snprintf(why, why_n, "bits %016llx: bad digits (%d)", (unsigned long long)to_bits(d), nd);
        return false;
    }
    return true;
}

static void assert_one(double d)
{
    char why[256];
    if (!check_one(d, why, sizeof why))
        ck_abort_msg("%s", why);
}

/* d and its neighbours up to k units in the last place either way, both signs */
static void assert_around(double d, int k)
{
    uint64_t b = to_bits(fabs(d));
    for (int i = -k; i <= k; i++) {
        uint64_t c = b + (uint64_t)(int64_t)i;
        if (c == 0 || c >= UINT64_C(0x7ff0000000000000))
            continue;
        assert_one(from_bits(c));
        assert_one(-from_bits(c));
    }
}

START_TEST(test_known_values)
{
    static const struct {
        double d;
        const char *repr;
    } cases[] = {
        {0.1, "0.1"},
        {0.3, "0.3"},
        {0.1 + 0.2, "0.30000000000000004"},
        {1e23, "1e+23"},
        {5e-324, "5e-324"},
        {9007199254740993.0, "9007199254740992.0"},
        {9007199254740991.0, "9007199254740991.0"},
        {DBL_MAX, "1.7976931348623157e+308"},
        {DBL_MIN, "2.2250738585072014e-308"},
        {0x0.fffffffffffffp-1022, "2.225073858507201e-308"},
        {DBL_TRUE_MIN, "5e-324"},
        {1e16, "1e+16"},
        {9999999999999998.0, "9999999999999998.0"},
        {1e-4, "0.0001"},
        {0x1.a36e2eb1c432dp-14, "0.0001"},
        {0x1.a36e2eb1c432cp-14, "9.999999999999999e-05"},
        {1.5, "1.5"},
        {-2.5e-5, "-2.5e-05"},
        {123456789.125, "123456789.125"},
        {0x1p-24, "5.960464477539063e-08"},
        {0x1p172, "5.986310706507379e+51"},
        {0x1p-1074, "5e-324"},
        {0x1p-1022, "2.2250738585072014e-308"},
        {0x1p1023, "8.98846567431158e+307"},
        {-0.0, "-0.0"},
        {0.0, "0.0"},
        {HUGE_VAL, "inf"},
        {-HUGE_VAL, "-inf"},
        {NAN, "nan"},
    };
    char buf[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int n = kr_float_repr_buf(cases[i].d, buf, sizeof buf);
        ck_assert_str_eq(buf, cases[i].repr);
        ck_assert_int_eq(n, (int)strlen(cases[i].repr));
        assert_one(cases[i].d);
    }
    /* snprintf's contract on a short buffer: truncated, terminated, full length returned */
    char small[6];
    ck_assert_int_eq(kr_float_repr_buf(0.30000000000000004, small, sizeof small), 19);
    ck_assert_str_eq(small, "0.300");
    ck_assert_int_eq(kr_float_repr_buf(-1e300, NULL, 0), 7);

    char digits[KR_DTOA_MAX_DIGITS];
    int e;
    ck_assert_int_eq(kr_dtoa_shortest(1e23, digits, &e), 1);
    ck_assert(digits[0] == '1' && e == 23);
    ck_assert_int_eq(kr_dtoa_shortest(-0.00123, digits, &e), 3);
    ck_assert(memcmp(digits, "123", 3) == 0 && e == -3);
    ck_assert_int_eq(kr_dtoa_shortest(DBL_MAX, digits, &e), 17);
    ck_assert(memcmp(digits, "17976931348623157", 17) == 0 && e == 308);
    ck_assert_int_eq(kr_dtoa_shortest(0.0, digits, &e), 0);
    ck_assert_int_eq(kr_dtoa_shortest(NAN, digits, &e), 0);
    ck_assert_int_eq(kr_dtoa_shortest(-HUGE_VAL, digits, &e), 0);
}
END_TEST

START_TEST(test_powers_of_2_and_10)
{
    /* Every power of 2, from the smallest subnormal to 2**1023, with 3 neighbours either way. */
    size_t cpython_seen = 0;
    for (int e = -1074; e <= 1023; e++) {
        double d = ldexp(1.0, e);
        assert_around(d, 3);
        char a[64], b[64];
        kr_float_repr_buf(d, a, sizeof a);
        old_repr(d, b, sizeof b);
        if (strcmp(a, b) != 0) {
            /* only where listed, and then shorter and still exact on reading back */
            bool listed = false;
            for (size_t i = 0; i < N_CPYTHON_POW2; i++)
                listed |= cpython_pow2[i].e == e;
            ck_assert_msg(listed, "2**%d: %s vs reference %s", e, a, b);
            ck_assert_int_lt(strlen(a), strlen(b));
            ck_assert(strtod(a, NULL) == d);
            cpython_seen++;
        }
    }
    /* and every listed one does differ from the reference: the list is exactly the divergence */
    ck_assert_uint_eq(cpython_seen, N_CPYTHON_POW2);

    /* Every power of 10 that is a finite nonzero double, as strtod reads "1e<k>", with neighbours. */
    for (int k = -324; k <= 308; k++) {
        char text[16];
        snprintf(text, sizeof text, "1e%d", k);
        double d = strtod(text, NULL);
        if (d != 0 && isfinite(d))
            assert_around(d, 3);
    }
    /* The ends of the subnormal and normal ranges. */
    assert_around(DBL_TRUE_MIN, 3);
    assert_around(DBL_MIN, 3);
    assert_around(DBL_MAX, 3);
    assert_around(from_bits(UINT64_C(0x000fffffffffffff)), 3); /* the largest subnormal */
    /* Around the repr layout's switches between positional and exponent notation. */
    assert_around(1e16, 20);
    assert_around(1e-4, 20);
    assert_around(1e-5, 20);
    assert_around(1e15, 20);
}
END_TEST

START_TEST(test_integers)
{
    /* 1 .. 20000, then integers of every size up to 2**53 (where repr switches to 17 digits), both of
     * them the fast path of vm/dtoa.c; 2**53 and beyond are not. */
    for (int i = 1; i <= 20000; i++)
        assert_one((double)i);
    uint64_t x = 88172645463325252u;
    for (int i = 0; i < 50000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        int bits = 1 + (int)(x % 53);
        assert_one((double)((x >> 11) >> (53 - bits)));
    }
    for (int i = 0; i < 2000; i++) {
        assert_one((double)((UINT64_C(1) << 53) - (uint64_t)i));
        assert_one((double)((UINT64_C(1) << 53) + 2 * (uint64_t)i));
        assert_one((double)(UINT64_C(10000000000000000) - 2 * (uint64_t)i));
        assert_one((double)(UINT64_C(1000000000000000) + (uint64_t)i));
    }
    assert_one(9007199254740993.0);
}
END_TEST

/* ---------------------------------------------------------------- random bit patterns */

#define RANDOM_PATTERNS 2100000 /* about 1 in 2048 is a NaN or an infinity, skipped */
#define RANDOM_THREADS_MAX 4

typedef struct {
    uint64_t first, end; /* pattern indices [first, end) */
    uint64_t checked;
    bool failed;
    char why[256];
} random_job;

/* splitmix64 of the index: the same patterns whatever the number of threads */
static uint64_t random_pattern(uint64_t i)
{
    uint64_t z = i * UINT64_C(0x9e3779b97f4a7c15) + UINT64_C(0x243f6a8885a308d3);
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static void *random_worker(void *arg)
{
    random_job *job = arg;
    for (uint64_t i = job->first; i < job->end; i++) {
        uint64_t b = random_pattern(i);
        if ((b & UINT64_C(0x7ff0000000000000)) == UINT64_C(0x7ff0000000000000))
            continue;
        job->checked++;
        if (!check_one(from_bits(b), job->why, sizeof job->why)) {
            job->failed = true;
            break;
        }
    }
    return NULL;
}

START_TEST(test_random_bit_patterns)
{
    /* The reference costs ~2 us a pattern (multi-precision printf at any exponent): spread it over the
     * processors so the test stays at a few seconds. */
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    int nthreads = ncpu < 1 ? 1 : ncpu > RANDOM_THREADS_MAX ? RANDOM_THREADS_MAX : (int)ncpu;
    random_job jobs[RANDOM_THREADS_MAX];
    pthread_t threads[RANDOM_THREADS_MAX];
    bool started[RANDOM_THREADS_MAX] = {false};
    for (int t = 0; t < nthreads; t++)
        jobs[t] = (random_job){.first = (uint64_t)RANDOM_PATTERNS * (uint64_t)t / (uint64_t)nthreads,
                               .end = (uint64_t)RANDOM_PATTERNS * (uint64_t)(t + 1) / (uint64_t)nthreads};
    for (int t = 1; t < nthreads; t++)
        started[t] = pthread_create(&threads[t], NULL, random_worker, &jobs[t]) == 0;
    for (int t = 0; t < nthreads; t++)
        if (!started[t])
            random_worker(&jobs[t]); /* job 0, and any whose thread did not start */
    uint64_t checked = 0;
    for (int t = 0; t < nthreads; t++) {
        if (started[t])
            pthread_join(threads[t], NULL);
        ck_assert_msg(!jobs[t].failed, "%s", jobs[t].why);
        checked += jobs[t].checked;
    }
    ck_assert_uint_ge(checked, 2000000);
}
END_TEST

static Suite *dtoa_suite(void)
{
    Suite *s = suite_create("dtoa");
    const struct {
        const char *name;
        const TTest *test;
    } cases[] = {
        {"known", test_known_values},
        {"powers", test_powers_of_2_and_10},
        {"integers", test_integers},
        {"random", test_random_bit_patterns},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TCase *tc = tcase_create(cases[i].name);
        /* the reference is slow, and the machine may be busy with the rest of the suite */
        tcase_set_timeout(tc, 120);
        tcase_add_test(tc, cases[i].test);
        suite_add_tcase(s, tc);
    }
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(dtoa_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
