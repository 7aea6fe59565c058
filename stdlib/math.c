#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* lgamma_r */
#endif
/* math.c: the math module, with CPython 3.13's semantics and messages.
 *
 * Error rules (CPython's math_1/math_2): a NaN result from non-NaN arguments is ValueError
 * "math domain error"; an infinite result from finite arguments is OverflowError "math range error" for
 * functions that can overflow and ValueError "math domain error" for the others (poles such as log(0)).
 * Integer functions (isqrt, gcd, lcm, factorial, comb, perm, floor/ceil/trunc results) are exact on big
 * ints through GMP; log/log2/log10 of a big int are computed from its mantissa and exponent so that
 * they work beyond the float range, as in CPython.
 *
 * Known difference: hypot/dist with more than two coordinates use a scaled, compensated sum of squares
 * rather than CPython's correctly rounded vector_norm, so the last bit may differ.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../vm/floatobj.h"
#include "../vm/init.h"
#include "../vm/int.h"
#include "../vm/kr.h"

static kr_value domain_error(kr_vm *vm)
{
    return kr_raise(vm, KR_EXC(vm, ValueError), "math domain error");
}

static kr_value range_error(kr_vm *vm)
{
    return kr_raise(vm, KR_EXC(vm, OverflowError), "math range error");
}

static int check_nargs(kr_vm *vm, const char *name, int nargs, kr_value kwnames, int want)
{
    if (kr_args_no_kw(vm, name, kwnames) < 0)
        return -1;
    if (nargs != want) {
        if (want == 1)
            kr_raise(vm, KR_EXC(vm, TypeError), "math.%s() takes exactly one argument (%d given)", name, nargs);
        else
            kr_raise(vm, KR_EXC(vm, TypeError), "%s expected %d arguments, got %d", name, want, nargs);
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- one-argument float functions */

typedef double (*d1fn)(double);

static kr_value math_1(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, d1fn f,
                       bool can_overflow)
{
    double x;
    if (check_nargs(vm, name, nargs, kwnames, 1) < 0 || kr_number_to_double(vm, args[0], &x) < 0)
        return KR_NULL;
    errno = 0;
    double r = f(x);
    if (isnan(r) && !isnan(x))
        return domain_error(vm);
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error(vm) : domain_error(vm);
    return kr_float_new(vm, r);
}

static double m_degrees(double x) { return x * (180.0 / 3.141592653589793238462643383279502884); }
static double m_radians(double x) { return x * (3.141592653589793238462643383279502884 / 180.0); }

static double m_gamma(double x)
{
    if (x == 0.0 || (x < 0 && x == floor(x)) || (isinf(x) && x < 0))
        return NAN; /* poles and -inf: domain error */
    return tgamma(x);
}

static double m_lgamma(double x)
{
    if (isinf(x))
        return HUGE_VAL; /* lgamma(±inf) = inf */
    if (x <= 0 && x == floor(x))
        return HUGE_VAL; /* pole: finite argument, infinite result -> domain error (can_overflow false) */
    int sign;
    return lgamma_r(x, &sign);
}

#define MATH1(cname, pyname, fn, ovf)                                                                  \
    static kr_value cname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)                      \
    {                                                                                                  \
        return math_1(vm, args, nargs, kwnames, pyname, fn, ovf);                                      \
    }
MATH1(math_acos, "acos", acos, false)
MATH1(math_acosh, "acosh", acosh, false)
MATH1(math_asin, "asin", asin, false)
MATH1(math_asinh, "asinh", asinh, false)
MATH1(math_atan, "atan", atan, false)
MATH1(math_atanh, "atanh", atanh, false)
MATH1(math_cbrt, "cbrt", cbrt, false)
MATH1(math_cos, "cos", cos, false)
MATH1(math_cosh, "cosh", cosh, true)
MATH1(math_erf, "erf", erf, false)
MATH1(math_erfc, "erfc", erfc, false)
MATH1(math_exp, "exp", exp, true)
MATH1(math_exp2, "exp2", exp2, true)
MATH1(math_expm1, "expm1", expm1, true)
MATH1(math_fabs, "fabs", fabs, false)
MATH1(math_sin, "sin", sin, false)
MATH1(math_sinh, "sinh", sinh, true)
MATH1(math_sqrt, "sqrt", sqrt, false)
MATH1(math_tan, "tan", tan, false)
MATH1(math_tanh, "tanh", tanh, false)
MATH1(math_degrees, "degrees", m_degrees, false)
MATH1(math_radians, "radians", m_radians, false)
MATH1(math_gamma, "gamma", m_gamma, true)
MATH1(math_lgamma, "lgamma", m_lgamma, true)

/* ---------------------------------------------------------------- two-argument float functions */

typedef double (*d2fn)(double, double);

static kr_value math_2(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, d2fn f)
{
    double x, y;
    if (check_nargs(vm, name, nargs, kwnames, 2) < 0 || kr_number_to_double(vm, args[0], &x) < 0 ||
        kr_number_to_double(vm, args[1], &y) < 0)
        return KR_NULL;
    double r = f(x, y);
    if (isnan(r)) {
        if (!isnan(x) && !isnan(y))
            return domain_error(vm);
    } else if (isinf(r)) {
        if (isfinite(x) && isfinite(y))
            return range_error(vm);
    }
    return kr_float_new(vm, r);
}

static double m_fmod(double x, double y)
{
    if (isinf(y) && isfinite(x))
        return x;
    return fmod(x, y);
}

static double m_remainder(double x, double y)
{
    if (isnan(x))
        return x;
    if (isnan(y))
        return y;
    if (isinf(x) || y == 0.0)
        return NAN;
    if (isinf(y))
        return x;
    return remainder(x, y);
}

#define MATH2(cname, pyname, fn)                                                                       \
    static kr_value cname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)                      \
    {                                                                                                  \
        return math_2(vm, args, nargs, kwnames, pyname, fn);                                           \
    }
MATH2(math_atan2, "atan2", atan2)
MATH2(math_copysign, "copysign", copysign)
MATH2(math_fmod, "fmod", m_fmod)
MATH2(math_remainder, "remainder", m_remainder)

static kr_value math_pow(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    double x, y, r;
    if (check_nargs(vm, "pow", nargs, kwnames, 2) < 0 || kr_number_to_double(vm, args[0], &x) < 0 ||
        kr_number_to_double(vm, args[1], &y) < 0)
        return KR_NULL;
    int err = 0; /* 1 = domain, 2 = range */
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x))
            r = y == 0.0 ? 1.0 : x;
        else if (isnan(y))
            r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.)
                r = odd_y ? x : fabs(x);
            else if (y == 0.)
                r = 1.;
            else
                r = odd_y ? copysign(0., x) : 0.;
        } else {
            if (fabs(x) == 1.0)
                r = 1.;
            else if (y > 0. && fabs(x) > 1.0)
                r = y;
            else if (y < 0. && fabs(x) < 1.0)
                r = -y;
            else
                r = 0.;
        }
    } else {
        r = pow(x, y);
        if (isnan(r))
            err = 1;
        else if (isinf(r))
            err = x == 0. ? 1 : 2;
    }
    if (err == 1)
        return domain_error(vm);
    if (err == 2)
        return range_error(vm);
    return kr_float_new(vm, r);
}

/* ---------------------------------------------------------------- log */

/* log of a positive number given as any int or float: big ints use mantissa * 2**exp. */
static int loghelper(kr_vm *vm, kr_value arg, double (*f)(double), double *out)
{
    kr_value c = kr_int_value(vm, arg);
    if (c != KR_NULL) {
        if (kr_int_sign(c) <= 0) {
            domain_error(vm);
            return -1;
        }
        if (!kr_is_small(c)) {
            mpz_t s;
            mp_limb_t l;
            mpz_srcptr z = kr_int_view(c, s, &l);
            long e;
            double m = mpz_get_d_2exp(&e, z); /* z = m * 2**e, 0.5 <= m < 1 */
            *out = f(m) + f(2.0) * (double)e;
            return 0;
        }
        *out = f((double)kr_small_val(c));
        return 0;
    }
    double x;
    if (kr_number_to_double(vm, arg, &x) < 0)
        return -1;
    if (isnan(x)) {
        *out = x;
        return 0;
    }
    if (x <= 0) {
        domain_error(vm);
        return -1;
    }
    *out = f(x);
    return 0;
}

static kr_value math_log(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "log", kwnames) < 0)
        return KR_NULL;
    if (nargs < 1 || nargs > 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), nargs < 1 ? "log expected at least 1 argument, got %d"
                                                               : "log expected at most 2 arguments, got %d", nargs);
    double num, den;
    if (loghelper(vm, args[0], log, &num) < 0)
        return KR_NULL;
    if (nargs == 2) {
        if (loghelper(vm, args[1], log, &den) < 0)
            return KR_NULL;
        if (den == 0.0)
            return kr_raise(vm, KR_EXC(vm, ZeroDivisionError), "float division by zero");
        num /= den;
    }
    return kr_float_new(vm, num);
}

static kr_value math_log2(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    double r;
    if (check_nargs(vm, "log2", nargs, kwnames, 1) < 0 || loghelper(vm, args[0], log2, &r) < 0)
        return KR_NULL;
    return kr_float_new(vm, r);
}

static kr_value math_log10(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    double r;
    if (check_nargs(vm, "log10", nargs, kwnames, 1) < 0 || loghelper(vm, args[0], log10, &r) < 0)
        return KR_NULL;
    return kr_float_new(vm, r);
}

static kr_value math_log1p(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return math_1(vm, args, nargs, kwnames, "log1p", log1p, false);
}

/* ---------------------------------------------------------------- floor, ceil, trunc */

static kr_value round_to_int(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name,
                             kr_value dunder, double (*f)(double))
{
    if (check_nargs(vm, name, nargs, kwnames, 1) < 0)
        return KR_NULL;
    kr_value x = args[0];
    if (kr_is_ptr(x) && KR_OBJ(x)->type == vm->t.float_)
        return kr_int_from_double(vm, f(kr_float_value(x)));
    kr_value c = kr_int_value(vm, x);
    if (c != KR_NULL && !(kr_is_ptr(x) && (KR_OBJ(x)->type->flags & KR_TF_HEAPTYPE)))
        return c;
    kr_value m = kr_type_lookup(vm, kr_type_of(vm, x), dunder);
    if (m != KR_NULL)
        return kr_call1(vm, m, x);
    if (f == trunc)
        return kr_raise(vm, KR_EXC(vm, TypeError), "type %s doesn't define __trunc__ method", kr_typename(vm, x));
    double d;
    if (kr_number_to_double(vm, x, &d) < 0)
        return KR_NULL;
    return kr_int_from_double(vm, f(d));
}

static kr_value math_floor(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return round_to_int(vm, args, nargs, kwnames, "floor", KR_NAME(vm, __floor__), floor);
}
static kr_value math_ceil(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return round_to_int(vm, args, nargs, kwnames, "ceil", KR_NAME(vm, __ceil__), ceil);
}
static kr_value math_trunc(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return round_to_int(vm, args, nargs, kwnames, "trunc", KR_NAME(vm, __trunc__), trunc);
}

/* ---------------------------------------------------------------- integer functions */

/* The core int of an __index__-able argument. */
static kr_value index_core(kr_vm *vm, kr_value v)
{
    kr_value c = kr_int_value(vm, v);
    if (c != KR_NULL)
        return c;
    kr_value r = kr_index(vm, v);
    return r == KR_NULL ? KR_NULL : kr_int_value(vm, r);
}

static kr_value math_isqrt(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (check_nargs(vm, "isqrt", nargs, kwnames, 1) < 0)
        return KR_NULL;
    kr_value c = index_core(vm, args[0]);
    if (c == KR_NULL)
        return KR_NULL;
    if (kr_int_sign(c) < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "isqrt() argument must be nonnegative");
    mpz_t s, r;
    mp_limb_t l;
    mpz_init(r);
    mpz_sqrt(r, kr_int_view(c, s, &l));
    kr_value v = kr_int_from_mpz(vm, r);
    mpz_clear(r);
    return v;
}

static kr_value gcd_lcm(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, bool lcm)
{
    if (kr_args_no_kw(vm, lcm ? "lcm" : "gcd", kwnames) < 0)
        return KR_NULL;
    mpz_t acc;
    mpz_init_set_ui(acc, lcm ? 1 : 0);
    for (int i = 0; i < nargs; i++) {
        kr_value c = index_core(vm, args[i]);
        if (c == KR_NULL) {
            mpz_clear(acc);
            return KR_NULL;
        }
        mpz_t s;
        mp_limb_t l;
        mpz_srcptr z = kr_int_view(c, s, &l);
        if (lcm)
            mpz_lcm(acc, acc, z);
        else
            mpz_gcd(acc, acc, z);
    }
    kr_value v = kr_int_from_mpz(vm, acc);
    mpz_clear(acc);
    return v;
}

static kr_value math_gcd(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return gcd_lcm(vm, args, nargs, kwnames, false);
}
static kr_value math_lcm(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    return gcd_lcm(vm, args, nargs, kwnames, true);
}

static kr_value math_factorial(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (check_nargs(vm, "factorial", nargs, kwnames, 1) < 0)
        return KR_NULL;
    kr_value c = index_core(vm, args[0]);
    if (c == KR_NULL)
        return KR_NULL;
    if (kr_int_sign(c) < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "factorial() not defined for negative values");
    if (!kr_is_small(c))
        return kr_raise(vm, KR_EXC(vm, OverflowError), "factorial() argument should not exceed %lld", (long long)INT64_MAX);
    int64_t n = kr_small_val(c);
    if (n > 20000000) /* n! has about n*log2(n) bits */
        return kr_raise_nomemory(vm);
    mpz_t r;
    mpz_init(r);
    mpz_fac_ui(r, (unsigned long)n);
    kr_value v = kr_int_from_mpz(vm, r);
    mpz_clear(r);
    return v;
}

static kr_value math_comb(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (check_nargs(vm, "comb", nargs, kwnames, 2) < 0)
        return KR_NULL;
    kr_value n = index_core(vm, args[0]);
    if (n == KR_NULL)
        return KR_NULL;
    kr_value k = index_core(vm, args[1]);
    if (k == KR_NULL)
        return KR_NULL;
    if (kr_int_sign(n) < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "n must be a non-negative integer");
    if (kr_int_sign(k) < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "k must be a non-negative integer");
    if (kr_int_cmp(k, n) > 0)
        return kr_small(0);
    /* comb(n, k) == comb(n, n - k): use the smaller k */
    kr_value nk = kr_int_binop(vm, KR_OP_SUB, n, k);
    if (nk == KR_NULL)
        return KR_NULL;
    if (kr_int_cmp(nk, k) < 0)
        k = nk;
    if (!kr_is_small(k))
        return kr_raise(vm, KR_EXC(vm, OverflowError), "min(n - k, k) must not exceed %lld", (long long)INT64_MAX);
    mpz_t s, r;
    mp_limb_t l;
    mpz_init(r);
    mpz_bin_ui(r, kr_int_view(n, s, &l), (unsigned long)kr_small_val(k));
    kr_value v = kr_int_from_mpz(vm, r);
    mpz_clear(r);
    return v;
}

static kr_value math_perm(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "perm", kwnames) < 0)
        return KR_NULL;
    if (nargs < 1 || nargs > 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), nargs < 1 ? "perm expected at least 1 argument, got %d"
                                                               : "perm expected at most 2 arguments, got %d", nargs);
    if (nargs == 1 || args[1] == KR_NONE)
        return math_factorial(vm, args, 1, KR_NULL);
    kr_value n = index_core(vm, args[0]);
    if (n == KR_NULL)
        return KR_NULL;
    kr_value k = index_core(vm, args[1]);
    if (k == KR_NULL)
        return KR_NULL;
    if (kr_int_sign(n) < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "n must be a non-negative integer");
    if (kr_int_sign(k) < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "k must be a non-negative integer");
    if (kr_int_cmp(k, n) > 0)
        return kr_small(0);
    if (!kr_is_small(k))
        return kr_raise(vm, KR_EXC(vm, OverflowError), "k must not exceed %lld", (long long)INT64_MAX);
    int64_t kk = kr_small_val(k);
    if (kk > 20000000)
        return kr_raise_nomemory(vm);
    /* n * (n-1) * ... * (n-k+1) = comb(n, k) * k! */
    mpz_t s, r, f;
    mp_limb_t l;
    mpz_init(r);
    mpz_init(f);
    mpz_bin_ui(r, kr_int_view(n, s, &l), (unsigned long)kk);
    mpz_fac_ui(f, (unsigned long)kk);
    mpz_mul(r, r, f);
    mpz_clear(f);
    kr_value v = kr_int_from_mpz(vm, r);
    mpz_clear(r);
    return v;
}

/* ---------------------------------------------------------------- sums and products */

static kr_value math_prod(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"iterable", "start"};
    kr_value out[2];
    if (kr_args_parse(vm, "prod", args, nargs, kwnames, names, 2, 1, 1, out) < 0)
        return KR_NULL;
    kr_value acc = out[1] == KR_NULL ? kr_small(1) : out[1];
    kr_value it = kr_iter(vm, out[0]);
    if (it == KR_NULL)
        return KR_NULL;
    kr_value item = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &it);
    kr_root_push(vm, &acc);
    kr_root_push(vm, &item);
    for (;;) {
        item = kr_next(vm, it);
        if (item == KR_NULL) {
            if (kr_err_occurred(vm))
                acc = KR_NULL;
            break;
        }
        acc = kr_binary_op(vm, KR_OP_MUL, acc, item);
        if (acc == KR_NULL)
            break;
    }
    kr_root_reset(vm, m);
    return acc;
}

/* Exact float summation (Shewchuk's algorithm, as CPython's math_fsum): the running sum is kept as
 * non-overlapping partials p[0..n) in increasing magnitude, rounded once at the end. */
typedef struct {
    double *p;
    size_t n, cap;
    double small[32];
} msum;

static void msum_init(msum *m)
{
    m->p = m->small;
    m->n = 0;
    m->cap = sizeof m->small / sizeof m->small[0];
}

static void msum_free(kr_vm *vm, msum *m)
{
    if (m->p != m->small)
        kr_mem_free(vm, m->p);
}

/* Adds finite x. Returns the new top partial (non-finite: the sum overflowed, the partials are then
 * meaningless), or NAN with MemoryError pending (*oom set). */
static double msum_add(kr_vm *vm, msum *m, double x, bool *oom)
{
    size_t i = 0;
    for (size_t j = 0; j < m->n; j++) {
        double y = m->p[j];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y;
            y = t;
        }
        double hi = x + y;
        double lo = y - (hi - x);
        if (lo != 0.0)
            m->p[i++] = lo;
        x = hi;
    }
    m->n = i;
    if (x != 0.0 && isfinite(x)) {
        if (m->n >= m->cap) {
            size_t ncap = m->cap * 2;
            double *np = kr_mem_alloc(vm, ncap * sizeof(double));
            if (!np) {
                *oom = true;
                return NAN;
            }
            memcpy(np, m->p, m->n * sizeof(double));
            if (m->p != m->small)
                kr_mem_free(vm, m->p);
            m->p = np;
            m->cap = ncap;
        }
        m->p[m->n++] = x;
    }
    return x;
}

/* The partials' sum correctly rounded (half-even across partials). */
static double msum_round(msum *m)
{
    size_t n = m->n;
    double *p = m->p;
    double hi = 0.0, lo = 0.0, x, y, yr;
    if (n > 0) {
        hi = p[--n];
        /* sum_exact(ps, hi) from the top, stop when the sum becomes inexact */
        while (n > 0) {
            x = hi;
            y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    return hi;
}

static kr_value math_fsum(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (check_nargs(vm, "fsum", nargs, kwnames, 1) < 0)
        return KR_NULL;
    kr_value it = kr_iter(vm, args[0]);
    if (it == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &it);
    msum m;
    msum_init(&m);
    double special_sum = 0.0, inf_sum = 0.0, x;
    bool oom = false;
    kr_value result = KR_NULL;
    for (;;) {
        kr_value item = kr_next(vm, it);
        if (item == KR_NULL) {
            if (kr_err_occurred(vm))
                goto done;
            break;
        }
        if (kr_number_to_double(vm, item, &x) < 0)
            goto done;
        if (!isfinite(x)) {
            /* a nan/inf among the summands: the partials no longer matter */
            if (isinf(x))
                inf_sum += x;
            special_sum += x;
            m.n = 0;
            continue;
        }
        if (special_sum != 0.0)
            continue;
        double top = msum_add(vm, &m, x, &oom);
        if (oom)
            goto done;
        if (!isfinite(top)) {
            kr_raise(vm, KR_EXC(vm, OverflowError), "intermediate overflow in fsum");
            goto done;
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum))
            kr_raise(vm, KR_EXC(vm, ValueError), "-inf + inf in fsum");
        else
            result = kr_float_new(vm, special_sum);
        goto done;
    }
    result = kr_float_new(vm, msum_round(&m));
done:
    msum_free(vm, &m);
    kr_root_reset(vm, mark);
    return result;
}

/* Euclidean norm of v[0..n), overflow-safe: scale by the largest magnitude, compensated sum of
 * squares. max is the largest |v[i]|; found_nan whether any is NaN. */
static double vector_norm(size_t n, double *v, double max, bool found_nan)
{
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0 || n <= 1)
        return max;
    double sum = 0.0, c = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = v[i] / max;
        double sq = x * x;
        double t = sum + sq;
        if (fabs(sum) >= fabs(sq))
            c += (sum - t) + sq;
        else
            c += (sq - t) + sum;
        sum = t;
    }
    return max * sqrt(sum + c);
}

static kr_value math_hypot(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "hypot", kwnames) < 0)
        return KR_NULL;
    double small[16];
    double *v = nargs <= 16 ? small : kr_mem_alloc(vm, (size_t)nargs * sizeof(double));
    if (!v)
        return KR_NULL;
    double max = 0.0;
    bool found_nan = false;
    for (int i = 0; i < nargs; i++) {
        double x;
        if (kr_number_to_double(vm, args[i], &x) < 0) {
            if (v != small)
                kr_mem_free(vm, v);
            return KR_NULL;
        }
        x = fabs(x);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    double r = nargs == 2 && !found_nan ? hypot(v[0], v[1]) : vector_norm((size_t)nargs, v, max, found_nan);
    if (v != small)
        kr_mem_free(vm, v);
    return kr_float_new(vm, r);
}

static kr_value math_dist(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (check_nargs(vm, "dist", nargs, kwnames, 2) < 0)
        return KR_NULL;
    kr_value p = KR_NULL, q = KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &p);
    kr_root_push(vm, &q);
    kr_value result = KR_NULL;
    double *v = NULL;
    p = kr_sequence_tuple(vm, args[0]);
    if (p == KR_NULL)
        goto done;
    q = kr_sequence_tuple(vm, args[1]);
    if (q == KR_NULL)
        goto done;
    int64_t n = kr_tuple_size(p);
    if (n != kr_tuple_size(q)) {
        kr_raise(vm, KR_EXC(vm, ValueError), "both points must have the same number of dimensions");
        goto done;
    }
    v = kr_mem_alloc(vm, (size_t)(n + 1) * sizeof(double));
    if (!v)
        goto done;
    double max = 0.0;
    bool found_nan = false;
    for (int64_t i = 0; i < n; i++) {
        double a, b;
        if (kr_number_to_double(vm, kr_tuple_items(p)[i], &a) < 0 ||
            kr_number_to_double(vm, kr_tuple_items(q)[i], &b) < 0)
            goto done;
        double x = fabs(a - b);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    result = kr_float_new(vm, n == 2 && !found_nan ? hypot(v[0], v[1]) : vector_norm((size_t)n, v, max, found_nan));
done:
    if (v)
        kr_mem_free(vm, v);
    kr_root_reset(vm, mark);
    return result;
}

/* A float operand of sumprod's exact path: an exact float, or an exact int that a double holds exactly. */
static bool sumprod_double(kr_vm *vm, kr_value v, double *out)
{
    if (kr_is_small(v)) {
        int64_t n = kr_small_val(v);
        if (n > (1LL << 53) || n < -(1LL << 53))
            return false;
        *out = (double)n;
        return true;
    }
    if (kr_type_of(vm, v) == vm->t.float_) {
        *out = kr_float_value(v);
        return isfinite(*out);
    }
    return false;
}

/* sumprod(p, q): the sum of the products, float products accumulated exactly (each split into hi + lo
 * by fma, the pieces summed as fsum does) and rounded once, so float results are correctly rounded as
 * CPython's extended-precision sum is. Pairs of ints (exact) and other types go through * and +. */
static kr_value math_sumprod(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (check_nargs(vm, "sumprod", nargs, kwnames, 2) < 0)
        return KR_NULL;
    kr_value p = KR_NULL, q = KR_NULL, acc = kr_small(0), term = KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &p);
    kr_root_push(vm, &q);
    kr_root_push(vm, &acc);
    kr_root_push(vm, &term);
    msum m;
    msum_init(&m);
    bool floats = false, oom = false; /* floats: the partials hold float products not yet in acc */
    p = kr_sequence_tuple(vm, args[0]);
    if (p != KR_NULL)
        q = kr_sequence_tuple(vm, args[1]);
    if (p == KR_NULL || q == KR_NULL) {
        acc = KR_NULL;
        goto done;
    }
    if (kr_tuple_size(p) != kr_tuple_size(q)) {
        acc = kr_raise(vm, KR_EXC(vm, ValueError), "Inputs are not the same length");
        goto done;
    }
    for (int64_t i = 0; i < kr_tuple_size(p) && acc != KR_NULL; i++) {
        kr_value a = kr_tuple_items(p)[i], b = kr_tuple_items(q)[i];
        double x, y;
        bool both_int = kr_is_small(a) && kr_is_small(b);
        if (!both_int && sumprod_double(vm, a, &x) && sumprod_double(vm, b, &y)) {
            double hi = x * y;
            if (isfinite(hi) && fabs(hi) < 1e300) {
                double lo = fma(x, y, -hi);
                double top = msum_add(vm, &m, hi, &oom);
                if (!oom && isfinite(top))
                    top = msum_add(vm, &m, lo, &oom);
                if (oom) {
                    acc = KR_NULL;
                    break;
                }
                if (isfinite(top) && fabs(top) < 1e300) {
                    floats = true;
                    continue;
                }
                /* the exact sum nears overflow: finish with plain float arithmetic from here on */
                m.n = 0;
                floats = false;
                term = kr_float_new(vm, top);
                acc = term == KR_NULL ? KR_NULL : kr_binary_op(vm, KR_OP_ADD, acc, term);
                continue;
            }
        }
        term = kr_binary_op(vm, KR_OP_MUL, a, b);
        acc = term == KR_NULL ? KR_NULL : kr_binary_op(vm, KR_OP_ADD, acc, term);
    }
    if (acc != KR_NULL && floats) {
        term = kr_float_new(vm, msum_round(&m));
        acc = term == KR_NULL ? KR_NULL : kr_binary_op(vm, KR_OP_ADD, acc, term);
    }
done:
    msum_free(vm, &m);
    kr_root_reset(vm, mark);
    return acc;
}

/* ---------------------------------------------------------------- float decomposition and tests */

static kr_value math_frexp(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    double x;
    if (check_nargs(vm, "frexp", nargs, kwnames, 1) < 0 || kr_number_to_double(vm, args[0], &x) < 0)
        return KR_NULL;
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0) ? x : frexp(x, &e);
    kr_value mv = kr_float_new(vm, m);
    if (mv == KR_NULL)
        return KR_NULL;
    return kr_tuple_pack(vm, 2, mv, kr_small(e));
}

static kr_value math_ldexp(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    double x;
    if (check_nargs(vm, "ldexp", nargs, kwnames, 2) < 0 || kr_number_to_double(vm, args[0], &x) < 0)
        return KR_NULL;
    kr_value ic = kr_int_value(vm, args[1]);
    if (ic == KR_NULL)
        return kr_raise(vm, KR_EXC(vm, TypeError), "Expected an int as second argument to ldexp.");
    long e;
    if (kr_is_small(ic)) {
        int64_t v = kr_small_val(ic);
        e = v > 100000 ? 100000 : v < -100000 ? -100000 : (long)v;
    } else {
        e = kr_int_sign(ic) < 0 ? -100000 : 100000;
    }
    if (x == 0.0 || !isfinite(x))
        return kr_float_new(vm, x);
    double r = ldexp(x, (int)e);
    if (isinf(r))
        return range_error(vm);
    return kr_float_new(vm, r);
}

static kr_value math_modf(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    double x, ip, fp;
    if (check_nargs(vm, "modf", nargs, kwnames, 1) < 0 || kr_number_to_double(vm, args[0], &x) < 0)
        return KR_NULL;
    if (isinf(x)) {
        fp = copysign(0.0, x);
        ip = x;
    } else {
        fp = modf(x, &ip);
    }
    kr_value a = kr_float_new(vm, fp);
    kr_value b = a == KR_NULL ? KR_NULL : kr_float_new(vm, ip);
    if (b == KR_NULL)
        return KR_NULL;
    return kr_tuple_pack(vm, 2, a, b);
}

#define MATH_PRED(cname, pyname, expr)                                                                 \
    static kr_value cname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)                      \
    {                                                                                                  \
        double x;                                                                                      \
        if (check_nargs(vm, pyname, nargs, kwnames, 1) < 0 || kr_number_to_double(vm, args[0], &x) < 0) \
            return KR_NULL;                                                                            \
        return kr_bool(expr);                                                                          \
    }
MATH_PRED(math_isfinite, "isfinite", isfinite(x))
MATH_PRED(math_isinf, "isinf", isinf(x))
MATH_PRED(math_isnan, "isnan", isnan(x))

static kr_value math_isclose(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    kr_value out[4];
    if (nargs > 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "isclose() takes exactly 2 positional arguments (%d given)", nargs);
    if (kr_args_parse(vm, "isclose", args, nargs, kwnames, names, 4, 2, 0, out) < 0)
        return KR_NULL;
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (kr_number_to_double(vm, out[0], &a) < 0 || kr_number_to_double(vm, out[1], &b) < 0)
        return KR_NULL;
    if (out[2] != KR_NULL && kr_number_to_double(vm, out[2], &rel_tol) < 0)
        return KR_NULL;
    if (out[3] != KR_NULL && kr_number_to_double(vm, out[3], &abs_tol) < 0)
        return KR_NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "tolerances must be non-negative");
    if (a == b)
        return KR_TRUE;
    if (isinf(a) || isinf(b))
        return KR_FALSE;
    double diff = fabs(b - a);
    return kr_bool((diff <= fabs(rel_tol * b)) || (diff <= fabs(rel_tol * a)) || (diff <= abs_tol));
}

/* Doubles mapped to integers so that adjacent doubles are adjacent integers (-0.0 and 0.0 both 0). */
static int64_t double_order(double d)
{
    int64_t i;
    memcpy(&i, &d, sizeof i);
    return i < 0 ? INT64_MIN - i : i;
}

static double order_double(int64_t i)
{
    if (i < 0)
        i = INT64_MIN - i;
    double d;
    memcpy(&d, &i, sizeof d);
    return d;
}

static kr_value math_nextafter(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"x", "y", "steps"};
    kr_value out[3];
    if (kr_args_parse(vm, "nextafter", args, nargs, kwnames, names, 3, 2, 2, out) < 0)
        return KR_NULL;
    double x, y;
    if (kr_number_to_double(vm, out[0], &x) < 0 || kr_number_to_double(vm, out[1], &y) < 0)
        return KR_NULL;
    if (out[2] == KR_NULL || out[2] == KR_NONE)
        return kr_float_new(vm, nextafter(x, y));
    kr_value sc = index_core(vm, out[2]);
    if (sc == KR_NULL)
        return KR_NULL;
    if (kr_int_sign(sc) < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "steps must be a non-negative integer");
    if (sc == kr_small(0))
        return kr_float_new(vm, x);
    if (isnan(x))
        return kr_float_new(vm, x);
    if (isnan(y))
        return kr_float_new(vm, y);
    uint64_t steps = kr_is_small(sc) ? (uint64_t)kr_small_val(sc) : UINT64_MAX;
    int64_t ix = double_order(x), iy = double_order(y);
    uint64_t dist = ix <= iy ? (uint64_t)iy - (uint64_t)ix : (uint64_t)ix - (uint64_t)iy;
    if (steps >= dist)
        return kr_float_new(vm, y);
    int64_t r = ix <= iy ? (int64_t)((uint64_t)ix + steps) : (int64_t)((uint64_t)ix - steps);
    return kr_float_new(vm, order_double(r));
}

static kr_value math_ulp(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    double x;
    if (check_nargs(vm, "ulp", nargs, kwnames, 1) < 0 || kr_number_to_double(vm, args[0], &x) < 0)
        return KR_NULL;
    if (isnan(x))
        return kr_float_new(vm, x);
    x = fabs(x);
    if (isinf(x))
        return kr_float_new(vm, x);
    double x2 = nextafter(x, HUGE_VAL);
    if (isinf(x2))
        return kr_float_new(vm, x - nextafter(x, -HUGE_VAL));
    return kr_float_new(vm, x2 - x);
}

/* ---------------------------------------------------------------- the module */

static const kr_method_def math_functions[] = {
    {"acos", math_acos, KR_METH_STATIC, NULL},
    {"acosh", math_acosh, KR_METH_STATIC, NULL},
    {"asin", math_asin, KR_METH_STATIC, NULL},
    {"asinh", math_asinh, KR_METH_STATIC, NULL},
    {"atan", math_atan, KR_METH_STATIC, NULL},
    {"atan2", math_atan2, KR_METH_STATIC, NULL},
    {"atanh", math_atanh, KR_METH_STATIC, NULL},
    {"cbrt", math_cbrt, KR_METH_STATIC, NULL},
    {"ceil", math_ceil, KR_METH_STATIC, NULL},
    {"comb", math_comb, KR_METH_STATIC, NULL},
    {"copysign", math_copysign, KR_METH_STATIC, NULL},
    {"cos", math_cos, KR_METH_STATIC, NULL},
    {"cosh", math_cosh, KR_METH_STATIC, NULL},
    {"degrees", math_degrees, KR_METH_STATIC, NULL},
    {"dist", math_dist, KR_METH_STATIC, NULL},
    {"erf", math_erf, KR_METH_STATIC, NULL},
    {"erfc", math_erfc, KR_METH_STATIC, NULL},
    {"exp", math_exp, KR_METH_STATIC, NULL},
    {"exp2", math_exp2, KR_METH_STATIC, NULL},
    {"expm1", math_expm1, KR_METH_STATIC, NULL},
    {"fabs", math_fabs, KR_METH_STATIC, NULL},
    {"factorial", math_factorial, KR_METH_STATIC, NULL},
    {"floor", math_floor, KR_METH_STATIC, NULL},
    {"fmod", math_fmod, KR_METH_STATIC, NULL},
    {"frexp", math_frexp, KR_METH_STATIC, NULL},
    {"fsum", math_fsum, KR_METH_STATIC, NULL},
    {"gamma", math_gamma, KR_METH_STATIC, NULL},
    {"gcd", math_gcd, KR_METH_STATIC, NULL},
    {"hypot", math_hypot, KR_METH_STATIC, NULL},
    {"isclose", math_isclose, KR_METH_STATIC, NULL},
    {"isfinite", math_isfinite, KR_METH_STATIC, NULL},
    {"isinf", math_isinf, KR_METH_STATIC, NULL},
    {"isnan", math_isnan, KR_METH_STATIC, NULL},
    {"isqrt", math_isqrt, KR_METH_STATIC, NULL},
    {"lcm", math_lcm, KR_METH_STATIC, NULL},
    {"ldexp", math_ldexp, KR_METH_STATIC, NULL},
    {"lgamma", math_lgamma, KR_METH_STATIC, NULL},
    {"log", math_log, KR_METH_STATIC, NULL},
    {"log10", math_log10, KR_METH_STATIC, NULL},
    {"log1p", math_log1p, KR_METH_STATIC, NULL},
    {"log2", math_log2, KR_METH_STATIC, NULL},
    {"modf", math_modf, KR_METH_STATIC, NULL},
    {"nextafter", math_nextafter, KR_METH_STATIC, NULL},
    {"perm", math_perm, KR_METH_STATIC, NULL},
    {"pow", math_pow, KR_METH_STATIC, NULL},
    {"prod", math_prod, KR_METH_STATIC, NULL},
    {"radians", math_radians, KR_METH_STATIC, NULL},
    {"remainder", math_remainder, KR_METH_STATIC, NULL},
    {"sin", math_sin, KR_METH_STATIC, NULL},
    {"sinh", math_sinh, KR_METH_STATIC, NULL},
    {"sqrt", math_sqrt, KR_METH_STATIC, NULL},
    {"sumprod", math_sumprod, KR_METH_STATIC, NULL},
    {"tan", math_tan, KR_METH_STATIC, NULL},
    {"tanh", math_tanh, KR_METH_STATIC, NULL},
    {"trunc", math_trunc, KR_METH_STATIC, NULL},
    {"ulp", math_ulp, KR_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

kr_value kr_math_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "math");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    static const struct {
        const char *name;
        double value;
    } consts[] = {
        {"pi", 3.141592653589793238462643383279502884},
        {"e", 2.718281828459045235360287471352662498},
        {"tau", 6.283185307179586476925286766559005768},
        {"inf", HUGE_VAL},
        {"nan", NAN},
    };
    if (kr_module_add_functions(vm, m, math_functions) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        kr_value f = kr_float_new(vm, consts[i].value);
        if (f == KR_NULL || kr_module_add(vm, m, consts[i].name, f) < 0)
            goto fail;
    }
    kr_root_reset(vm, mark);
    return m;
fail:
    kr_root_reset(vm, mark);
    return KR_NULL;
}
