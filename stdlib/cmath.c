/* cmath.c: the cmath module (functions of complex numbers), with CPython 3.13's results and errors.
 *
 * The values come from C99's <complex.h> (glibc implements Annex G: the branch cuts, the signs of zero
 * on them and the special values for infinite and NaN parts, which is also what CPython's tables
 * give); cmath_test.py-style comparisons against CPython over a grid of finite, tiny, huge, signed-zero,
 * infinite and NaN parts found the cases where glibc's last bit or its error rules differ, which are
 * done here by their formulas instead (see each function).
 *
 * Errors, as CPython's: ValueError "math domain error" for a pole or an undefined result (log(0),
 * atanh(±1), the trigonometric and hyperbolic functions and exp where an imaginary (real, for cos, sin,
 * tan) part is infinite and the result has no meaningful value), OverflowError "math range error" when a
 * finite argument overflows (exp, cosh, sinh, cos, sin; abs in polar()).
 */
#include <complex.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "../vm/complexobj.h"
#include "../vm/floatobj.h"
#include "../vm/init.h"
#include "../vm/kr.h"

#define PI 3.141592653589793238462643383279502884
#define LN10 2.302585092994045684017760457834
#define LN2 0.693147180559945309417232121458176568
#define LOG_LARGE_DOUBLE 708.3964185322641 /* log(DBL_MAX / 4) */

enum { OK, EDOM_ERR, ERANGE_ERR };

static kr_value math_error(kr_vm *vm, int err)
{
    if (err == EDOM_ERR)
        return kr_raise(vm, KR_EXC(vm, ValueError), "math domain error");
    return kr_raise(vm, KR_EXC(vm, OverflowError), "math range error");
}

/* C11 lays a double complex out as double[2] (real, imaginary): built that way rather than with CMPLX,
 * which not every compiler's <complex.h> provides, and without x + y*I, which turns an infinite y into
 * a NaN real part */
static double complex to_c(kr_cdouble z)
{
    double complex c;
    double parts[2] = {z.real, z.imag};
    memcpy(&c, parts, sizeof c);
    return c;
}
static kr_cdouble from_c(double complex z) { return (kr_cdouble){creal(z), cimag(z)}; }

static bool finite_c(kr_cdouble z) { return isfinite(z.real) && isfinite(z.imag); }
static bool inf_part(kr_cdouble z) { return isinf(z.real) || isinf(z.imag); }

/* The hyperbolic functions' error rule for an argument with an infinite imaginary part (sinh(x + inf j)
 * has no value: its angle is undefined) and for a finite argument that overflows. exp takes +inf real
 * parts as errors too (exp(inf + inf j)), tanh only finite real parts. */
static int hyper_err(kr_cdouble z, kr_cdouble r, bool exp_rule, bool tanh_rule)
{
    if (finite_c(z))
        return !tanh_rule && inf_part(r) ? ERANGE_ERR : OK;
    if (!isinf(z.imag))
        return OK;
    if (tanh_rule)
        return isfinite(z.real) ? EDOM_ERR : OK;
    if (exp_rule)
        return isfinite(z.real) || z.real > 0 ? EDOM_ERR : OK;
    return isnan(z.real) ? OK : EDOM_ERR;
}

static int c_exp(kr_cdouble z, kr_cdouble *r)
{
    *r = from_c(cexp(to_c(z)));
    if (z.real == -INFINITY && isinf(z.imag))
        *r = (kr_cdouble){0.0, 0.0}; /* Annex G leaves the zeros' signs open: CPython's are positive */
    return hyper_err(z, *r, true, false);
}

static int c_cosh(kr_cdouble z, kr_cdouble *r)
{
    *r = from_c(ccosh(to_c(z)));
    if (isnan(z.real) && z.imag == 0.0)
        r->imag = 0.0; /* cosh(nan ± 0j): the zero's sign is open in Annex G, CPython's is + */
    return hyper_err(z, *r, false, false);
}

static int c_sinh(kr_cdouble z, kr_cdouble *r)
{
    *r = from_c(csinh(to_c(z)));
    if (z.real == 0.0 && isnan(z.imag))
        r->real = 0.0; /* sinh(±0 + nan j): as CPython, +0 */
    return hyper_err(z, *r, false, false);
}

/* For finite z, tanh(x + iy) = (tanh x + i tan y) / (1 + i tanh x tan y)
 *                            = (tanh x (1 + tan**2 y) + i tan y sech**2 x) / (1 + (tanh x tan y)**2),
 * which for |x| beyond log(DBL_MAX / 4) (where cosh overflows) is sign(x) + 4i sin y cos y e**(-2|x|).
 * (CPython evaluates this form; glibc's ctanh another, which differs in the last bit.) */
static int c_tanh(kr_cdouble z, kr_cdouble *r)
{
    if (finite_c(z)) {
        double x = z.real, y = z.imag;
        if (fabs(x) > LOG_LARGE_DOUBLE) {
            *r = (kr_cdouble){copysign(1.0, x), 4.0 * sin(y) * cos(y) * exp(-2.0 * fabs(x))};
        } else {
            double tx = tanh(x), ty = tan(y), sech = 1.0 / cosh(x);
            double txty = tx * ty, denom = 1.0 + txty * txty;
            *r = (kr_cdouble){tx * (1.0 + ty * ty) / denom, ((ty / denom) * sech) * sech};
        }
        return OK;
    }
    *r = from_c(ctanh(to_c(z)));
    if (isinf(z.real) && isinf(z.imag))
        *r = (kr_cdouble){copysign(1.0, z.real), 0.0}; /* ±1 + 0j, the zero's sign open in Annex G */
    else if (z.real == 0.0 && isnan(z.imag))
        *r = (kr_cdouble){NAN, NAN}; /* CPython takes tanh(±0 + nan j) as undefined */
    return hyper_err(z, *r, false, true);
}

/* cos(z) = cosh(iz), sin(z) = -i sinh(iz), tan(z) = -i tanh(iz): the errors are the hyperbolic
 * function's at iz = (-z.imag, z.real). */
static int c_cos(kr_cdouble z, kr_cdouble *r)
{
    kr_cdouble iz = {-z.imag, z.real};
    return c_cosh(iz, r);
}

static int c_sin(kr_cdouble z, kr_cdouble *r)
{
    kr_cdouble iz = {-z.imag, z.real}, s;
    int e = c_sinh(iz, &s);
    *r = (kr_cdouble){s.imag, -s.real};
    return e;
}

static int c_tan(kr_cdouble z, kr_cdouble *r)
{
    kr_cdouble iz = {-z.imag, z.real}, t;
    int e = c_tanh(iz, &t);
    *r = (kr_cdouble){t.imag, -t.real};
    return e;
}

/* log|z| + i arg(z). For finite z, log|z| is computed without overflow or underflow in |z| (halved when
 * huge, scaled by 2**53 when subnormal) and through log1p(|z|**2 - 1) / 2 when |z| is near 1, where
 * log(hypot) would lose the digits of a result near 0; these are CPython's choices of formula, whose
 * last bits glibc's clog does not always give. */
static int c_log(kr_cdouble z, kr_cdouble *r)
{
    if (!finite_c(z)) {
        *r = from_c(clog(to_c(z)));
        return OK;
    }
    double ax = fabs(z.real), ay = fabs(z.imag);
    r->imag = atan2(z.imag, z.real);
    if (ax > DBL_MAX / 4 || ay > DBL_MAX / 4) {
        r->real = log(hypot(ax / 2, ay / 2)) + LN2;
    } else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax == 0.0 && ay == 0.0) {
            r->real = -INFINITY;
            return EDOM_ERR;
        }
        r->real = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * LN2;
    } else {
        double h = hypot(ax, ay);
        if (h >= 0.71 && h <= 1.73) {
            double big = ax > ay ? ax : ay, small = ax > ay ? ay : ax;
            r->real = log1p((big - 1) * (big + 1) + small * small) / 2;
        } else {
            r->real = log(h);
        }
    }
    return OK;
}

static int c_log10(kr_cdouble z, kr_cdouble *r)
{
    int e = c_log(z, r);
    r->real /= LN10;
    r->imag /= LN10;
    return e;
}

/* For finite z: s = sqrt((|x| + |z|) / 2) and d = |y| / (2s), the root being s + d i (x >= 0) or
 * d + s i (x < 0) with y's sign on the imaginary part; |z| is taken of the parts divided by 8 (no
 * overflow), or of the parts scaled by 2**53 when both are subnormal (no underflow). */
static int c_sqrt(kr_cdouble z, kr_cdouble *r)
{
    if (!finite_c(z)) {
        *r = from_c(csqrt(to_c(z)));
        return OK;
    }
    if (z.real == 0.0 && z.imag == 0.0) {
        *r = (kr_cdouble){0.0, z.imag};
        return OK;
    }
    double ax = fabs(z.real), ay = fabs(z.imag), s;
    if (ax < DBL_MIN && ay < DBL_MIN) {
        ax = ldexp(ax, 53);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, 53))), -27);
    } else {
        ax /= 8.0;
        s = 2.0 * sqrt(ax + hypot(ax, ay / 8.0));
    }
    double d = ay / (2.0 * s);
    if (z.real >= 0.0)
        *r = (kr_cdouble){s, copysign(d, z.imag)};
    else
        *r = (kr_cdouble){d, copysign(s, z.imag)};
    return OK;
}

static int c_acos(kr_cdouble z, kr_cdouble *r)
{
    *r = from_c(cacos(to_c(z)));
    if (isinf(z.real) && isnan(z.imag))
        *r = (kr_cdouble){NAN, INFINITY}; /* nan ± inf j: CPython's sign */
    return OK;
}

static int c_acosh(kr_cdouble z, kr_cdouble *r)
{
    *r = from_c(cacosh(to_c(z)));
    if (z.real == 0.0 && isnan(z.imag))
        *r = (kr_cdouble){NAN, NAN}; /* CPython: undefined, where Annex G gives nan + pi/2 j */
    return OK;
}

static int c_asin(kr_cdouble z, kr_cdouble *r)
{
    *r = from_c(casin(to_c(z)));
    if (isinf(z.real) && isnan(z.imag))
        *r = (kr_cdouble){NAN, -INFINITY}; /* nan ± inf j: CPython's sign */
    return OK;
}

static int c_asinh(kr_cdouble z, kr_cdouble *r)
{
    *r = from_c(casinh(to_c(z)));
    return OK;
}

/* atanh has poles at ±1 (the real axis' ends of its branch cuts) */
static int c_atanh(kr_cdouble z, kr_cdouble *r)
{
    *r = from_c(catanh(to_c(z)));
    return fabs(z.real) == 1.0 && z.imag == 0.0 ? EDOM_ERR : OK;
}

static int c_atan(kr_cdouble z, kr_cdouble *r)
{
    *r = from_c(catan(to_c(z)));
    if (isinf(z.real) && isnan(z.imag))
        r->imag = -0.0; /* ±pi/2 ± 0j: CPython's sign */
    return z.real == 0.0 && fabs(z.imag) == 1.0 ? EDOM_ERR : OK;
}

/* ---------------------------------------------------------------- the module's functions */

typedef int (*cfn)(kr_cdouble z, kr_cdouble *r);

static int one_arg(kr_vm *vm, const char *name, kr_value *args, int nargs, kr_value kwnames, kr_cdouble *z)
{
    if (kr_args_no_kw(vm, name, kwnames) < 0)
        return -1;
    if (nargs != 1) {
        kr_raise(vm, KR_EXC(vm, TypeError), "cmath.%s() takes exactly one argument (%d given)", name, nargs);
        return -1;
    }
    return kr_complex_as_cdouble(vm, args[0], z);
}

static kr_value cmath_1(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames, const char *name, cfn f)
{
    kr_cdouble z, r;
    if (one_arg(vm, name, args, nargs, kwnames, &z) < 0)
        return KR_NULL;
    int e = f(z, &r);
    if (e != OK)
        return math_error(vm, e);
    return kr_complex_new(vm, r.real, r.imag);
}

#define CMATH_1(fname, pyname, cf)                                                                    \
    static kr_value fname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)                     \
    {                                                                                                 \
        return cmath_1(vm, args, nargs, kwnames, pyname, cf);                                         \
    }
CMATH_1(cm_exp, "exp", c_exp)
CMATH_1(cm_log10, "log10", c_log10)
CMATH_1(cm_sqrt, "sqrt", c_sqrt)
CMATH_1(cm_acos, "acos", c_acos)
CMATH_1(cm_asin, "asin", c_asin)
CMATH_1(cm_atan, "atan", c_atan)
CMATH_1(cm_cos, "cos", c_cos)
CMATH_1(cm_sin, "sin", c_sin)
CMATH_1(cm_tan, "tan", c_tan)
CMATH_1(cm_acosh, "acosh", c_acosh)
CMATH_1(cm_asinh, "asinh", c_asinh)
CMATH_1(cm_atanh, "atanh", c_atanh)
CMATH_1(cm_cosh, "cosh", c_cosh)
CMATH_1(cm_sinh, "sinh", c_sinh)
CMATH_1(cm_tanh, "tanh", c_tanh)

/* log(x[, base]): log(x) / log(base) by complex division, whose division by zero (base 1) is a domain
 * error too */
static kr_value cm_log(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "log", kwnames) < 0 || kr_args_count(vm, "log", nargs, 1, 2) < 0)
        return KR_NULL;
    kr_cdouble x, r;
    if (kr_complex_as_cdouble(vm, args[0], &x) < 0)
        return KR_NULL;
    kr_cdouble base = {0.0, 0.0};
    if (nargs == 2 && kr_complex_as_cdouble(vm, args[1], &base) < 0)
        return KR_NULL;
    int e = c_log(x, &r);
    if (nargs == 2) {
        /* as CPython's: only the base's pole and a division by zero are errors here (log(0, 2) is
         * (-inf+nanj), log(2, 0) a domain error) */
        kr_cdouble lb;
        bool zero_div = false;
        e = c_log(base, &lb);
        r = kr_complex_quot(r, lb, &zero_div);
        if (zero_div)
            e = EDOM_ERR;
    }
    if (e != OK)
        return math_error(vm, e);
    return kr_complex_new(vm, r.real, r.imag);
}

/* arg(z) by atan2, whose errno CPython reports: an underflow (phase(1e300 + 1e-300j)) is a range error */
static int c_phase(kr_cdouble z, double *out)
{
    errno = 0;
    *out = atan2(z.imag, z.real);
    if (errno == EDOM)
        return EDOM_ERR;
    return errno == ERANGE ? ERANGE_ERR : OK;
}

static kr_value cm_phase(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_cdouble z;
    double p;
    if (one_arg(vm, "phase", args, nargs, kwnames, &z) < 0)
        return KR_NULL;
    int e = c_phase(z, &p);
    if (e != OK)
        return math_error(vm, e);
    return kr_float_new(vm, p);
}

/* abs(z) as complex's abs: an infinite part wins over a NaN; overflow is a range error */
static int c_abs(kr_cdouble z, double *out)
{
    if (isinf(z.real))
        *out = fabs(z.real);
    else if (isinf(z.imag))
        *out = fabs(z.imag);
    else if (isnan(z.real) || isnan(z.imag))
        *out = NAN;
    else {
        *out = hypot(z.real, z.imag);
        if (!isfinite(*out))
            return ERANGE_ERR;
    }
    return OK;
}

static kr_value cm_polar(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_cdouble z;
    double a;
    if (one_arg(vm, "polar", args, nargs, kwnames, &z) < 0)
        return KR_NULL;
    double ph;
    c_phase(z, &ph); /* CPython's polar reports only abs()'s overflow, not phase()'s underflow */
    if (c_abs(z, &a) != OK)
        return math_error(vm, ERANGE_ERR);
    kr_value r = kr_float_new(vm, a);
    kr_value p = r ? kr_float_new(vm, ph) : KR_NULL;
    if (p == KR_NULL)
        return KR_NULL;
    return kr_tuple_pack(vm, 2, r, p);
}

/* rect(r, phi) = r * (cos(phi) + i sin(phi)), with Annex G's values for infinite and NaN r and phi:
 * an infinite r at a finite non-zero angle keeps the signs of cos and sin; a zero r gives a signed zero
 * whatever the angle; a non-zero r at an infinite angle is a domain error. */
static kr_value cm_rect(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "rect", kwnames) < 0)
        return KR_NULL;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "rect expected 2 arguments, got %d", nargs);
    double r, phi;
    if (kr_number_to_double(vm, args[0], &r) < 0 || kr_number_to_double(vm, args[1], &phi) < 0)
        return KR_NULL;
    double re, im;
    if (!isfinite(r) || !isfinite(phi)) {
        if (r != 0.0 && !isnan(r) && isinf(phi))
            return math_error(vm, EDOM_ERR);
        if (isinf(r) && isfinite(phi) && phi != 0.0) {
            /* ±inf with the signs of r*cos(phi) and r*sin(phi) */
            double c = cos(phi), s = sin(phi);
            re = r > 0 ? copysign(INFINITY, c) : copysign(INFINITY, -c);
            im = r > 0 ? copysign(INFINITY, s) : copysign(INFINITY, -s);
        } else if (isinf(r) && isnan(phi)) {
            re = INFINITY;
            im = phi;
        } else if (isinf(r) && phi == 0.0) {
            re = r;
            im = r > 0 ? phi : -phi;
        } else if (r == 0.0 || (isnan(r) && phi == 0.0)) {
            /* rect(0, nan) and rect(0, inf): a zero; rect(nan, 0): nan with phi's zero */
            if (isnan(r)) {
                re = r;
                im = 0.0;
            } else if (isnan(phi) || isinf(phi)) {
                re = 0.0;
                im = 0.0;
            } else {
                re = r * cos(phi);
                im = r * sin(phi);
            }
        } else {
            re = NAN;
            im = NAN;
        }
        return kr_complex_new(vm, re, im);
    }
    if (phi == 0.0) {
        re = r;
        im = r * phi;
    } else {
        re = r * cos(phi);
        im = r * sin(phi);
    }
    return kr_complex_new(vm, re, im);
}

static kr_value cm_isfinite(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_cdouble z;
    if (one_arg(vm, "isfinite", args, nargs, kwnames, &z) < 0)
        return KR_NULL;
    return kr_bool(finite_c(z));
}

static kr_value cm_isinf(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_cdouble z;
    if (one_arg(vm, "isinf", args, nargs, kwnames, &z) < 0)
        return KR_NULL;
    return kr_bool(inf_part(z));
}

static kr_value cm_isnan(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_cdouble z;
    if (one_arg(vm, "isnan", args, nargs, kwnames, &z) < 0)
        return KR_NULL;
    return kr_bool(isnan(z.real) || isnan(z.imag));
}

/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0): math.isclose's rule on the complex distance */
static kr_value cm_isclose(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    kr_value v[4];
    int nkw = kwnames ? (int)kr_tuple_size(kwnames) : 0;
    /* a and b positional-only, the tolerances keyword-only */
    if (nargs > 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "isclose() takes exactly 2 positional arguments (%d given)", nargs);
    for (int i = 0; i < nkw; i++) {
        const char *k = kr_str_data(kr_tuple_items(kwnames)[i]);
        if (strcmp(k, "rel_tol") != 0 && strcmp(k, "abs_tol") != 0)
            return kr_raise(vm, KR_EXC(vm, TypeError), "isclose() got an unexpected keyword argument '%s'", k);
    }
    if (kr_args_parse(vm, "isclose", args, nargs, kwnames, names, 4, 2, 2, v) < 0)
        return KR_NULL;
    kr_cdouble a, b;
    double rel = 1e-09, abs_tol = 0.0;
    if (kr_complex_as_cdouble(vm, v[0], &a) < 0 || kr_complex_as_cdouble(vm, v[1], &b) < 0)
        return KR_NULL;
    if (v[2] != KR_NULL && kr_number_to_double(vm, v[2], &rel) < 0)
        return KR_NULL;
    if (v[3] != KR_NULL && kr_number_to_double(vm, v[3], &abs_tol) < 0)
        return KR_NULL;
    if (rel < 0.0 || abs_tol < 0.0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "tolerances must be non-negative");
    if (a.real == b.real && a.imag == b.imag)
        return KR_TRUE; /* exact equality, infinities included */
    if (inf_part(a) || inf_part(b))
        return KR_FALSE; /* an infinity is close only to itself */
    double diff, aa, ab;
    kr_cdouble d = {b.real - a.real, b.imag - a.imag};
    if (c_abs(d, &diff) != OK)
        diff = INFINITY;
    if (c_abs(a, &aa) != OK)
        aa = INFINITY;
    if (c_abs(b, &ab) != OK)
        ab = INFINITY;
    return kr_bool((diff <= rel * ab) || (diff <= rel * aa) || diff <= abs_tol);
}

static const kr_method_def cmath_functions[] = {
    {"phase", cm_phase, KR_METH_STATIC, "Return argument, also known as the phase angle, of a complex."},
    {"polar", cm_polar, KR_METH_STATIC, "Convert a complex from rectangular coordinates to polar coordinates."},
    {"rect", cm_rect, KR_METH_STATIC, "Convert from polar coordinates to rectangular coordinates."},
    {"exp", cm_exp, KR_METH_STATIC, "Return the exponential value e**z."},
    {"log", cm_log, KR_METH_STATIC, "log(z[, base]) -> the logarithm of z to the given base."},
    {"log10", cm_log10, KR_METH_STATIC, "Return the base-10 logarithm of z."},
    {"sqrt", cm_sqrt, KR_METH_STATIC, "Return the square root of z."},
    {"acos", cm_acos, KR_METH_STATIC, "Return the arc cosine of z."},
    {"asin", cm_asin, KR_METH_STATIC, "Return the arc sine of z."},
    {"atan", cm_atan, KR_METH_STATIC, "Return the arc tangent of z."},
    {"cos", cm_cos, KR_METH_STATIC, "Return the cosine of z."},
    {"sin", cm_sin, KR_METH_STATIC, "Return the sine of z."},
    {"tan", cm_tan, KR_METH_STATIC, "Return the tangent of z."},
    {"acosh", cm_acosh, KR_METH_STATIC, "Return the inverse hyperbolic cosine of z."},
    {"asinh", cm_asinh, KR_METH_STATIC, "Return the inverse hyperbolic sine of z."},
    {"atanh", cm_atanh, KR_METH_STATIC, "Return the inverse hyperbolic tangent of z."},
    {"cosh", cm_cosh, KR_METH_STATIC, "Return the hyperbolic cosine of z."},
    {"sinh", cm_sinh, KR_METH_STATIC, "Return the hyperbolic sine of z."},
    {"tanh", cm_tanh, KR_METH_STATIC, "Return the hyperbolic tangent of z."},
    {"isfinite", cm_isfinite, KR_METH_STATIC, "Return True if both the real and imaginary parts of z are finite, else False."},
    {"isinf", cm_isinf, KR_METH_STATIC, "Checks if the real or imaginary part of z is infinite."},
    {"isnan", cm_isnan, KR_METH_STATIC, "Checks if the real or imaginary part of z not a number (NaN)."},
    {"isclose", cm_isclose, KR_METH_STATIC, "Determine whether two complex numbers are close in value."},
    {NULL, NULL, 0, NULL},
};

kr_value kr_cmath_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "cmath");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    static const struct {
        const char *name;
        double real, imag;
        bool is_complex;
    } consts[] = {
        {"pi", PI, 0.0, false},
        {"e", 2.718281828459045235360287471352662498, 0.0, false},
        {"tau", 2 * PI, 0.0, false},
        {"inf", HUGE_VAL, 0.0, false},
        {"nan", NAN, 0.0, false},
        {"infj", 0.0, HUGE_VAL, true},
        {"nanj", 0.0, NAN, true},
    };
    if (kr_module_add_functions(vm, m, cmath_functions) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        kr_value v = consts[i].is_complex ? kr_complex_new(vm, consts[i].real, consts[i].imag)
                                          : kr_float_new(vm, consts[i].real);
        if (v == KR_NULL || kr_module_add(vm, m, consts[i].name, v) < 0)
            goto fail;
    }
    kr_root_reset(vm, mark);
    return m;
fail:
    kr_root_reset(vm, mark);
    return KR_NULL;
}
