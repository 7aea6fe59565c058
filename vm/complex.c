/* complex.c: Python's complex (a pair of IEEE 754 binary64 values, boxed as kr_complex).
 *
 * Semantics are CPython 3.13's, checked against its behaviour:
 * - an int or float operand is converted to complex(x, 0.0) before the operation (3.13 has no
 *   mixed-mode rules yet), so 2 * complex(1, inf) is (nan+infj) as there;
 * - division is Smith's algorithm (scale by the larger part of the divisor), division by zero is
 *   ZeroDivisionError "complex division by zero";
 * - a ** b uses repeated squaring when b is an integral real of magnitude at most 100 (b = -n divides 1
 *   by a ** n), otherwise the polar form |a| ** b.real / exp(arg(a) * b.imag) at angle
 *   arg(a) * b.real + b.imag * log|a|; the error is decided as CPython does from errno and the result:
 *   EDOM (zero to a negative or complex power, or libm's own) is ZeroDivisionError, an infinite part
 *   OverflowError;
 * - repr is "(re+imj)", or "imj" when the real part is +0.0, each part the shortest repr of the double
 *   without float's ".0";
 * - hash(re + im*j) = hash(re) + 1000003 * hash(im) (mod 2**64), so hash(x + 0j) == hash(x);
 * - == compares exactly with ints (an int equals x+0j when it equals x exactly), ordering is not
 *   defined (the comparison returns NotImplemented and the caller raises the TypeError).
 * errno is used only as libm's error channel around the power computation, read right after it.
 */
#include "complexobj.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "floatobj.h"
#include "format.h"
#include "init.h"
#include "int.h"
#include "str.h"

kr_value kr_complex_new(kr_vm *vm, double real, double imag)
{
    kr_complex *c = kr_gc_alloc_small(vm, vm->t.complex_, sizeof(kr_complex));
    if (!c)
        return KR_NULL;
    c->real = real;
    c->imag = imag;
    return KR_VAL(c);
}

bool kr_is_complex(kr_vm *vm, kr_value v)
{
    if (!kr_is_ptr(v))
        return false;
    kr_type *t = KR_OBJ(v)->type;
    return t == vm->t.complex_ || ((t->flags & KR_TF_HEAPTYPE) && kr_type_is_subtype(t, vm->t.complex_));
}

static kr_value complex_wrap(kr_vm *vm, kr_type *cls, double re, double im)
{
    if (cls == vm->t.complex_)
        return kr_complex_new(vm, re, im);
    kr_value inst = kr_instance_new(vm, cls);
    if (inst == KR_NULL)
        return KR_NULL;
    KR_AS(kr_complex, inst)->real = re;
    KR_AS(kr_complex, inst)->imag = im;
    return inst;
}

/* ---------------------------------------------------------------- arithmetic on doubles */

static kr_cdouble c_prod(kr_cdouble a, kr_cdouble b)
{
    return (kr_cdouble){a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

/* Smith's algorithm; *edom set when b is zero (the result is then 0). A divisor with a NaN part gives
 * nan+nanj, as neither comparison of the magnitudes holds. */
kr_cdouble kr_complex_quot(kr_cdouble a, kr_cdouble b, bool *edom)
{
    kr_cdouble r;
    double abs_br = fabs(b.real), abs_bi = fabs(b.imag);
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            *edom = true;
            r.real = r.imag = 0.0;
        } else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_bi >= abs_br) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = NAN;
    }
    return r;
}

/* a ** n for n >= 0 by repeated squaring, multiplying in order from the lowest bit. */
static kr_cdouble c_powu(kr_cdouble x, long n)
{
    kr_cdouble r = {1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask)
            r = c_prod(r, p);
        p = c_prod(p, p);
    }
    return r;
}

/* The general power by the polar form; errno EDOM for zero to a negative or complex power. */
static kr_cdouble c_pow(kr_cdouble a, kr_cdouble b)
{
    kr_cdouble r;
    if (b.real == 0.0 && b.imag == 0.0) {
        r.real = 1.0;
        r.imag = 0.0;
    } else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0)
            errno = EDOM;
        r.real = r.imag = 0.0;
    } else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

kr_value kr_complex_pow_value(kr_vm *vm, kr_cdouble a, kr_cdouble b)
{
    kr_cdouble p;
    errno = 0;
    if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0) {
        long n = (long)b.real;
        if (n >= 0) {
            p = c_powu(a, n);
        } else {
            bool edom = false;
            p = kr_complex_quot((kr_cdouble){1.0, 0.0}, c_powu(a, -n), &edom);
            if (edom)
                errno = EDOM;
        }
    } else {
        p = c_pow(a, b);
    }
    /* an infinite part is an overflow unless an error is already recorded; a range error with finite
     * parts was an underflow, which is no error */
    if (isinf(p.real) || isinf(p.imag)) {
        if (errno == 0)
            errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM)
        return kr_raise(vm, KR_EXC(vm, ZeroDivisionError), "0.0 to a negative or complex power");
    if (errno == ERANGE)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "complex exponentiation");
    return kr_complex_new(vm, p.real, p.imag);
}

/* Operand of a binary op: 1 with *out set (complex, int, float or their subclasses), 0 for another type
 * (NotImplemented), -1 with an error (an int too large for a float). */
static int operand(kr_vm *vm, kr_value v, kr_cdouble *out)
{
    if (kr_is_small(v)) {
        *out = (kr_cdouble){(double)kr_small_val(v), 0.0};
        return 1;
    }
    if (kr_is_complex(vm, v)) {
        *out = kr_complex_value(v);
        return 1;
    }
    if (kr_is_float(vm, v)) {
        *out = (kr_cdouble){kr_float_value(v), 0.0};
        return 1;
    }
    kr_value c = kr_int_value(vm, v);
    if (c == KR_NULL)
        return 0;
    double d = kr_int_to_double(vm, c, NULL);
    if (d == -1.0 && kr_err_occurred(vm))
        return -1;
    *out = (kr_cdouble){d, 0.0};
    return 1;
}

static kr_value complex_binop(kr_vm *vm, int op, kr_value a, kr_value b)
{
    kr_cdouble x, y, r;
    int k = operand(vm, a, &x);
    if (k <= 0)
        return k < 0 ? KR_NULL : KR_NOTIMPL;
    k = operand(vm, b, &y);
    if (k <= 0)
        return k < 0 ? KR_NULL : KR_NOTIMPL;
    switch (op) {
    case KR_OP_ADD: r = (kr_cdouble){x.real + y.real, x.imag + y.imag}; break;
    case KR_OP_SUB: r = (kr_cdouble){x.real - y.real, x.imag - y.imag}; break;
    case KR_OP_MUL: r = c_prod(x, y); break;
    case KR_OP_TRUEDIV: {
        bool edom = false;
        r = kr_complex_quot(x, y, &edom);
        if (edom)
            return kr_raise(vm, KR_EXC(vm, ZeroDivisionError), "complex division by zero");
        break;
    }
    case KR_OP_POW: return kr_complex_pow_value(vm, x, y);
    default: return KR_NOTIMPL;
    }
    return kr_complex_new(vm, r.real, r.imag);
}

#define CBINOP_SLOT(name, OP) \
    static kr_value name(kr_vm *vm, kr_value a, kr_value b) { return complex_binop(vm, OP, a, b); }
CBINOP_SLOT(complex_add_slot, KR_OP_ADD)
CBINOP_SLOT(complex_sub_slot, KR_OP_SUB)
CBINOP_SLOT(complex_mul_slot, KR_OP_MUL)
CBINOP_SLOT(complex_truediv_slot, KR_OP_TRUEDIV)
CBINOP_SLOT(complex_pow_slot, KR_OP_POW)

static kr_value complex_pow3(kr_vm *vm, kr_value a, kr_value b, kr_value m)
{
    if (m != KR_NONE)
        return kr_raise(vm, KR_EXC(vm, ValueError), "complex modulo");
    return complex_binop(vm, KR_OP_POW, a, b);
}

static kr_value complex_neg(kr_vm *vm, kr_value a)
{
    kr_cdouble c = kr_complex_value(a);
    return kr_complex_new(vm, -c.real, -c.imag);
}

static kr_value complex_pos(kr_vm *vm, kr_value a)
{
    if (KR_OBJ(a)->type == vm->t.complex_)
        return a;
    kr_cdouble c = kr_complex_value(a);
    return kr_complex_new(vm, c.real, c.imag);
}

static kr_value complex_abs(kr_vm *vm, kr_value a)
{
    kr_cdouble c = kr_complex_value(a);
    double r;
    /* an infinite part makes the result inf even when the other part is a NaN (C99 Annex F hypot) */
    if (isinf(c.real))
        r = fabs(c.real);
    else if (isinf(c.imag))
        r = fabs(c.imag);
    else if (isnan(c.real) || isnan(c.imag))
        r = NAN;
    else {
        r = hypot(c.real, c.imag);
        if (!isfinite(r))
            return kr_raise(vm, KR_EXC(vm, OverflowError), "absolute value too large");
    }
    return kr_float_new(vm, r);
}

static int complex_bool(kr_vm *vm, kr_value a)
{
    (void)vm;
    kr_cdouble c = kr_complex_value(a);
    return c.real != 0.0 || c.imag != 0.0;
}

/* ---------------------------------------------------------------- comparison and hash */

static kr_value complex_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (op != KR_CMP_EQ && op != KR_CMP_NE)
        return KR_NOTIMPL;
    if (!kr_is_complex(vm, a)) { /* the reflected call: == and != are symmetric */
        kr_value t = a;
        a = b;
        b = t;
    }
    kr_cdouble x = kr_complex_value(a);
    bool equal;
    if (kr_is_complex(vm, b)) {
        kr_cdouble y = kr_complex_value(b);
        equal = x.real == y.real && x.imag == y.imag;
    } else if (kr_is_float(vm, b)) {
        equal = x.real == kr_float_value(b) && x.imag == 0.0;
    } else {
        kr_value c = kr_int_value(vm, b);
        if (c == KR_NULL)
            return KR_NOTIMPL;
        /* exact: 2**53 + 1 is not equal to complex(2**53 + 1) */
        equal = x.imag == 0.0 && kr_int_cmp_double(c, x.real) == 0;
    }
    return kr_bool(op == KR_CMP_EQ ? equal : !equal);
}

static int64_t complex_hash(kr_vm *vm, kr_value v)
{
    (void)vm;
    kr_cdouble c = kr_complex_value(v);
    uint64_t hr = (uint64_t)kr_float_hash_double(c.real, v);
    uint64_t hi = (uint64_t)kr_float_hash_double(c.imag, v);
    int64_t h = (int64_t)(hr + 1000003u * hi);
    return h == -1 ? -2 : h;
}

/* ---------------------------------------------------------------- repr */

/* The shortest repr of d without float's ".0" (repr(2.0) is "2.0", the part of 2j is "2"). Returns the
 * length; buf holds at least 32 bytes. */
static int part_repr(double d, char *buf, size_t n)
{
    int k = kr_float_repr_buf(d, buf, n);
    if (k >= 2 && buf[k - 2] == '.' && buf[k - 1] == '0') {
        k -= 2;
        buf[k] = 0;
    }
    return k;
}

static kr_value complex_repr_doubles(kr_vm *vm, double re, double im)
{
    char rb[40], ib[40];
    int ni = part_repr(im, ib, sizeof ib);
    if (re == 0.0 && !signbit(re))
        return kr_str_fmt(vm, "%.*sj", ni, ib);
    int nr = part_repr(re, rb, sizeof rb);
    return kr_str_fmt(vm, "(%.*s%s%.*sj)", nr, rb, ib[0] == '-' ? "" : "+", ni, ib);
}

static kr_value complex_repr(kr_vm *vm, kr_value v)
{
    kr_cdouble c = kr_complex_value(v);
    return complex_repr_doubles(vm, c.real, c.imag);
}

/* ---------------------------------------------------------------- format */

/* One part of a formatted complex, by float's formatting: `sign` 0, '+' or ' '; type 0 with no
 * precision is repr without the ".0" float's format adds (with '#', "2." rather than "2"). */
static kr_value format_part(kr_vm *vm, double d, const kr_format_spec *f, char sign, char type)
{
    char spec[64];
    int k = 0;
    if (sign)
        spec[k++] = sign;
    if (f->no_neg_0)
        spec[k++] = 'z';
    bool repr_mode = !type && f->precision < 0;
    if (f->alt && !repr_mode) /* float's '#' does nothing to its repr; the point is added below */
        spec[k++] = '#';
    if (f->grouping)
        spec[k++] = f->grouping;
    if (f->precision >= 0)
        k += snprintf(spec + k, sizeof spec - (size_t)k, ".%lld", (long long)f->precision);
    if (type)
        spec[k++] = type;
    kr_value s = kr_format_float(vm, d, spec, (size_t)k);
    if (s == KR_NULL || !repr_mode || !isfinite(d))
        return s;
    int64_t n = kr_str_nbytes(s);
    const char *p = kr_str_data(s);
    if (n >= 2 && p[n - 2] == '.' && p[n - 1] == '0')
        return kr_str_new(vm, p, (size_t)(f->alt ? n - 1 : n - 2));
    if (f->alt && !memchr(p, '.', (size_t)n)) {
        /* "1e+16" with '#': "1.e+16" */
        const char *e = memchr(p, 'e', (size_t)n);
        int64_t at = e ? e - p : n;
        return kr_str_fmt(vm, "%.*s.%s", (int)at, p, p + at);
    }
    return s;
}

static kr_value complex_format(kr_vm *vm, kr_cdouble c, const char *spec, size_t spec_len)
{
    kr_format_spec f;
    if (kr_format_parse_spec(vm, spec, spec_len, "complex", 0, '>', &f) < 0)
        return KR_NULL;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': break;
    default:
        if (f.type >= 32 && f.type < 127)
            return kr_raise(vm, KR_EXC(vm, ValueError), "Unknown format code '%c' for object of type 'complex'",
                            (char)f.type);
        return kr_raise(vm, KR_EXC(vm, ValueError), "Unknown format code '\\x%x' for object of type 'complex'",
                        (unsigned)f.type);
    }
    if (f.fill == '0')
        return kr_raise(vm, KR_EXC(vm, ValueError), "Zero padding is not allowed in complex format specifier");
    if (f.align == '=')
        return kr_raise(vm, KR_EXC(vm, ValueError), "'=' alignment flag is not allowed in complex format specifier");
    char type = (char)f.type;
    bool skip_re = false, parens = false;
    if (type == 0) {
        /* like str(): no real part when it is +0.0, else parentheses; a precision means 'g' */
        if (c.real == 0.0 && !signbit(c.real))
            skip_re = true;
        else
            parens = true;
        if (f.precision >= 0)
            type = 'g';
    } else if (type == 'n') {
        type = 'g';
    }
    kr_value re = KR_NULL, im = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &re);
    kr_root_push(vm, &im);
    if (!skip_re) {
        re = format_part(vm, c.real, &f, f.sign == '-' ? 0 : f.sign, type);
        if (re == KR_NULL)
            goto fail;
    }
    /* the imaginary part always has a sign after a real part */
    im = format_part(vm, c.imag, &f, skip_re ? (f.sign == '-' ? 0 : f.sign) : '+', type);
    if (im == KR_NULL)
        goto fail;
    kr_sb sb;
    char small[256];
    kr_sb_init_buf(&sb, small, sizeof small);
    int64_t len = (parens ? 2 : 0) + (re ? kr_str_nbytes(re) : 0) + kr_str_nbytes(im) + 1;
    int64_t pad = f.width > len ? f.width - len : 0, lp = 0, rp = 0;
    if (f.align == '<')
        rp = pad;
    else if (f.align == '^')
        lp = pad / 2, rp = pad - lp;
    else
        lp = pad;
    for (int64_t i = 0; i < lp; i++)
        kr_sb_append_cp(&sb, f.fill);
    if (parens)
        kr_sb_append_char(&sb, '(');
    if (re)
        kr_sb_append(&sb, kr_str_data(re), (size_t)kr_str_nbytes(re));
    kr_sb_append(&sb, kr_str_data(im), (size_t)kr_str_nbytes(im));
    kr_sb_append_char(&sb, 'j');
    if (parens)
        kr_sb_append_char(&sb, ')');
    for (int64_t i = 0; i < rp; i++)
        kr_sb_append_cp(&sb, f.fill);
    kr_root_reset(vm, m);
    return kr_sb_finish(vm, &sb);
fail:
    kr_root_reset(vm, m);
    return KR_NULL;
}

/* ---------------------------------------------------------------- parsing complex("...") */

/* C's isspace in the C locale (CPython's Py_ISSPACE): complex() does not take \x1c-\x1f as float() does */
static bool is_py_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static bool prefix_word(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - p) < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((p[i] | 0x20) != word[i])
            return false;
    return true;
}

/* The longest Python float at p (no leading space, no underscores: the caller removed them): [sign]
 * (digits [. [digits]] | . digits) [e [sign] digits] or [sign] inf/infinity/nan. Returns its end (p when
 * there is none) with the value in *out. */
static const char *scan_float(const char *p, const char *end, double *out)
{
    const char *q = p;
    bool neg = false;
    if (q < end && (*q == '+' || *q == '-')) {
        neg = *q == '-';
        q++;
    }
    if (prefix_word(q, end, "infinity") || prefix_word(q, end, "inf")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return q + (prefix_word(q, end, "infinity") ? 8 : 3);
    }
    if (prefix_word(q, end, "nan")) {
        *out = neg ? -NAN : NAN;
        return q + 3;
    }
    int digits = 0;
    while (q < end && is_digit((unsigned char)*q))
        q++, digits++;
    if (q < end && *q == '.') {
        q++;
        while (q < end && is_digit((unsigned char)*q))
            q++, digits++;
    }
    if (digits == 0)
        return p;
    if (q < end && (*q == 'e' || *q == 'E')) {
        const char *e = q + 1;
        if (e < end && (*e == '+' || *e == '-'))
            e++;
        if (e < end && is_digit((unsigned char)*e)) {
            while (e < end && is_digit((unsigned char)*e))
                e++;
            q = e;
        }
    }
    size_t n = (size_t)(q - p);
    char small[128];
    char *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf) {
        *out = 0.0;
        return p; /* out of memory reads as a malformed string */
    }
    memcpy(buf, p, n);
    buf[n] = 0;
    *out = strtod(buf, NULL); /* overflow gives ±inf and underflow 0, as in Python */
    if (buf != small)
        free(buf);
    return q;
}

/* Parses s (ASCII, underscores removed) as Python's complex() does: optional parentheses and white
 * space around one of "x", "yj", "x+yj", "x-yj", with y's digits optional ("1+j", "-j"). */
static int parse_complex(const char *s, const char *end, double *re, double *im)
{
    while (s < end && is_py_space((unsigned char)*s))
        s++;
    bool bracket = false;
    if (s < end && *s == '(') {
        bracket = true;
        s++;
        while (s < end && is_py_space((unsigned char)*s))
            s++;
    }
    double x = 0.0, y = 0.0, z;
    const char *e = scan_float(s, end, &z);
    if (e != s) {
        s = e;
        if (s < end && (*s == '+' || *s == '-')) {
            x = z;
            e = scan_float(s, end, &y);
            if (e == s) {
                y = *s == '+' ? 1.0 : -1.0;
                e = s + 1;
            }
            s = e;
            if (!(s < end && (*s == 'j' || *s == 'J')))
                return -1;
            s++;
        } else if (s < end && (*s == 'j' || *s == 'J')) {
            s++;
            y = z;
        } else {
            x = z;
        }
    } else {
        /* no number: a lone j with an optional sign */
        y = 1.0;
        if (s < end && (*s == '+' || *s == '-')) {
            y = *s == '-' ? -1.0 : 1.0;
            s++;
        }
        if (!(s < end && (*s == 'j' || *s == 'J')))
            return -1;
        s++;
    }
    while (s < end && is_py_space((unsigned char)*s))
        s++;
    if (bracket) {
        if (!(s < end && *s == ')'))
            return -1;
        s++;
        while (s < end && is_py_space((unsigned char)*s))
            s++;
    }
    if (s != end)
        return -1;
    *re = x;
    *im = y;
    return 0;
}

static kr_value complex_from_string(kr_vm *vm, kr_type *cls, kr_value sv)
{
    const char *data = kr_str_data(sv);
    size_t n = (size_t)kr_str_nbytes(sv);
    char *ascii = NULL;
    if (kr_str_len(sv) != (int64_t)n) { /* non-ASCII: Unicode digits and spaces count too */
        ascii = kr_str_number_ascii(vm, sv, &n);
        if (!ascii)
            return KR_NULL;
        data = ascii;
    }
    /* underscores: each between two digits, then removed (CPython's rule for the whole string) */
    char *clean = NULL;
    if (memchr(data, '_', n)) {
        clean = kr_mem_alloc(vm, n + 1);
        if (!clean) {
            kr_mem_free(vm, ascii);
            return KR_NULL;
        }
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            if (data[i] == '_') {
                if (i == 0 || i + 1 >= n || !is_digit((unsigned char)data[i - 1]) ||
                    !is_digit((unsigned char)data[i + 1])) {
                    kr_mem_free(vm, clean);
                    kr_mem_free(vm, ascii);
                    kr_value r = kr_repr(vm, sv);
                    if (r == KR_NULL)
                        return KR_NULL;
                    return kr_raise(vm, KR_EXC(vm, ValueError), "could not convert string to complex: %s",
                                    kr_str_data(r));
                }
                continue;
            }
            clean[k++] = data[i];
        }
        data = clean;
        n = k;
    }
    double re, im;
    int ok = parse_complex(data, data + n, &re, &im);
    kr_mem_free(vm, clean);
    kr_mem_free(vm, ascii);
    if (ok < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "complex() arg is a malformed string");
    return complex_wrap(vm, cls, re, im);
}

/* ---------------------------------------------------------------- constructor */

/* x.__complex__() when x's type defines it: 1 with *out, 0 when it does not, -1 on error. */
static int complex_special(kr_vm *vm, kr_value x, kr_cdouble *out)
{
    kr_value name = kr_intern(vm, "__complex__");
    if (name == KR_NULL)
        return -1;
    kr_value m = kr_type_lookup(vm, kr_type_of(vm, x), name);
    if (m == KR_NULL)
        return 0;
    kr_value r = kr_call1(vm, m, x);
    if (r == KR_NULL)
        return -1;
    if (!kr_is_complex(vm, r)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "__complex__ returned non-complex (type %s)", kr_typename(vm, r));
        return -1;
    }
    *out = kr_complex_value(r);
    return 1;
}

static bool is_real_number(kr_vm *vm, kr_value x)
{
    kr_type *t = kr_type_of(vm, x);
    return kr_int_value(vm, x) != KR_NULL || kr_is_float(vm, x) ||
           kr_type_lookup(vm, t, KR_NAME(vm, __float__)) != KR_NULL ||
           kr_type_lookup(vm, t, KR_NAME(vm, __index__)) != KR_NULL;
}

int kr_complex_as_cdouble(kr_vm *vm, kr_value v, kr_cdouble *out)
{
    if (kr_is_complex(vm, v)) {
        *out = kr_complex_value(v);
        return 0;
    }
    int k = complex_special(vm, v, out);
    if (k != 0)
        return k < 0 ? -1 : 0;
    double d;
    if (kr_number_to_double(vm, v, &d) < 0)
        return -1;
    *out = (kr_cdouble){d, 0.0};
    return 0;
}

static kr_value complex_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"real", "imag"};
    kr_value out[2];
    if (nargs == 1 && !kwnames && cls == vm->t.complex_ && kr_is_ptr(args[0]) &&
        KR_OBJ(args[0])->type == vm->t.complex_)
        return args[0];
    if (kr_args_parse(vm, "complex", args, nargs, kwnames, names, 2, 0, 0, out) < 0)
        return KR_NULL;
    kr_value r = out[0], i = out[1];
    if (r == KR_NULL)
        r = kr_small(0);
    if (kr_is_str(vm, r)) {
        if (i != KR_NULL)
            return kr_raise(vm, KR_EXC(vm, TypeError), "complex() can't take second arg if first is a string");
        return complex_from_string(vm, cls, r);
    }
    if (i != KR_NULL && kr_is_str(vm, i))
        return kr_raise(vm, KR_EXC(vm, TypeError), "complex() second arg can't be a string");
    kr_cdouble cr = {0.0, 0.0}, ci = {0.0, 0.0};
    bool cr_complex = false, ci_complex = false;
    int k = complex_special(vm, r, &cr);
    if (k < 0)
        return KR_NULL;
    if (k > 0) {
        cr_complex = true;
    } else if (kr_is_complex(vm, r)) {
        cr = kr_complex_value(r);
        cr_complex = true;
    } else if (!is_real_number(vm, r)) {
        return kr_raise(vm, KR_EXC(vm, TypeError), "complex() first argument must be a string or a number, not '%s'",
                        kr_typename(vm, r));
    }
    if (i != KR_NULL && !kr_is_complex(vm, i) && !is_real_number(vm, i))
        return kr_raise(vm, KR_EXC(vm, TypeError), "complex() second argument must be a number, not '%s'",
                        kr_typename(vm, i));
    if (!cr_complex && kr_number_to_double(vm, r, &cr.real) < 0)
        return KR_NULL;
    if (i == KR_NULL) {
        ci.real = cr.imag;
    } else if (kr_is_complex(vm, i)) {
        ci = kr_complex_value(i);
        ci_complex = true;
    } else if (kr_number_to_double(vm, i, &ci.real) < 0) {
        return KR_NULL;
    }
    /* complex(a, b) is a + b*1j, computed part by part so that signed zeros of real arguments stay */
    if (ci_complex)
        cr.real -= ci.imag;
    if (cr_complex && i != KR_NULL)
        ci.real += cr.imag;
    return complex_wrap(vm, cls, cr.real, ci.real);
}

/* ---------------------------------------------------------------- methods */

static int self_complex(kr_vm *vm, kr_value self, kr_cdouble *out)
{
    if (!kr_is_complex(vm, self)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "descriptor requires a 'complex' object but received '%s'",
                 kr_typename(vm, self));
        return -1;
    }
    *out = kr_complex_value(self);
    return 0;
}

static kr_value complex_m_conjugate(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_cdouble c;
    if (kr_args_method0(vm, "complex.conjugate", nargs, kwnames) < 0 || self_complex(vm, args[0], &c) < 0)
        return KR_NULL;
    return kr_complex_new(vm, c.real, -c.imag);
}

static kr_value complex_m_complex(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_cdouble c;
    if (kr_args_method0(vm, "complex.__complex__", nargs, kwnames) < 0 || self_complex(vm, args[0], &c) < 0)
        return KR_NULL;
    if (KR_OBJ(args[0])->type == vm->t.complex_)
        return args[0];
    return kr_complex_new(vm, c.real, c.imag);
}

static kr_value complex_m_getnewargs(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_cdouble c;
    if (kr_args_method0(vm, "complex.__getnewargs__", nargs, kwnames) < 0 || self_complex(vm, args[0], &c) < 0)
        return KR_NULL;
    kr_value re = kr_float_new(vm, c.real), im = re ? kr_float_new(vm, c.imag) : KR_NULL;
    if (im == KR_NULL)
        return KR_NULL;
    return kr_tuple_pack(vm, 2, re, im);
}

static kr_value complex_m_format(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    kr_cdouble c;
    if (kr_args_no_kw(vm, "complex.__format__", kwnames) < 0)
        return KR_NULL;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "complex.__format__() takes exactly one argument (%d given)",
                        nargs - 1);
    if (self_complex(vm, args[0], &c) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "__format__() argument must be str, not %s",
                        kr_typename(vm, args[1]));
    if (kr_str_nbytes(args[1]) == 0)
        return KR_OBJ(args[0])->type == vm->t.complex_ ? complex_repr_doubles(vm, c.real, c.imag)
                                                       : kr_tostr(vm, args[0]);
    return complex_format(vm, c, kr_str_data(args[1]), (size_t)kr_str_nbytes(args[1]));
}

static kr_value complex_m_sizeof(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_method0(vm, "complex.__sizeof__", nargs, kwnames) < 0)
        return KR_NULL;
    return kr_small(32);
}

static const kr_method_def complex_methods[] = {
    {"conjugate", complex_m_conjugate, KR_METH_DEFAULT, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__complex__", complex_m_complex, KR_METH_DEFAULT, "Convert this value to exact type complex."},
    {"__getnewargs__", complex_m_getnewargs, KR_METH_DEFAULT, NULL},
    {"__format__", complex_m_format, KR_METH_DEFAULT, "Convert to a string according to format_spec."},
    {"__sizeof__", complex_m_sizeof, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static kr_value complex_get_real(kr_vm *vm, kr_value self) { return kr_float_new(vm, kr_complex_value(self).real); }
static kr_value complex_get_imag(kr_vm *vm, kr_value self) { return kr_float_new(vm, kr_complex_value(self).imag); }

static const kr_getset_def complex_getsets[] = {
    {"real", complex_get_real, NULL, "the real part of a complex number"},
    {"imag", complex_get_imag, NULL, "the imaginary part of a complex number"},
    {NULL, NULL, NULL, NULL},
};

void kr_complex_init(kr_vm *vm)
{
    kr_type *t = kr_type_new_builtin(vm, "complex", vm->t.object, sizeof(kr_complex), KR_TF_BASETYPE);
    vm->t.complex_ = t;
    t->methods = complex_methods;
    t->getsets = complex_getsets;
    t->new_ = complex_new;
    t->repr = complex_repr;
    t->str = complex_repr;
    t->hash = complex_hash;
    t->richcompare = complex_richcompare;
    t->bool_ = complex_bool;
    t->pow3 = complex_pow3;
    t->binop[KR_OP_ADD] = complex_add_slot;
    t->binop[KR_OP_SUB] = complex_sub_slot;
    t->binop[KR_OP_MUL] = complex_mul_slot;
    t->binop[KR_OP_TRUEDIV] = complex_truediv_slot;
    t->binop[KR_OP_POW] = complex_pow_slot;
    t->unop[KR_UNARY_NEG] = complex_neg;
    t->unop[KR_UNARY_POS] = complex_pos;
    t->unop[KR_UNARY_ABS] = complex_abs;
}
