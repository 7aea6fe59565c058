/* float.c: Python's float (IEEE 754 binary64, boxed as kr_float).
 *
 * repr is the shortest string that round-trips (CPython's float_repr_style 'short'), whose digits come
 * from vm/dtoa.c (Ryu: one 128-bit multiplication instead of printf's multi-precision arithmetic, which
 * made repr the bulk of json.dumps on floats), laid out with CPython's rules: exponent notation when
 * the decimal exponent is < -4 or >= 16, otherwise positional with at least one digit after the point.
 *
 * Arithmetic follows CPython's floatobject.c, including the signs of zero results of // and %, and
 * float ** float's special cases; a negative base raised to a non-integer power gives a complex number
 * (vm/complex.c's power), as in CPython.
 */
#include "floatobj.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "complexobj.h"
#include "dtoa.h"
#include "init.h"
#include "str.h"
#include "int.h"

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

kr_value kr_float_new(kr_vm *vm, double d)
{
    kr_float *f = kr_gc_alloc_small(vm, vm->t.float_, sizeof(kr_float));
    if (!f)
        return KR_NULL;
    f->value = d;
    return KR_VAL(f);
}

bool kr_is_float(kr_vm *vm, kr_value v)
{
    if (!kr_is_ptr(v))
        return false;
    kr_type *t = KR_OBJ(v)->type;
    return t == vm->t.float_ || ((t->flags & KR_TF_HEAPTYPE) && kr_type_is_subtype(t, vm->t.float_));
}

/* ---------------------------------------------------------------- repr */

int kr_float_repr_buf(double d, char *buf, size_t n)
{
    char out[32]; /* longest: "-1.2345678901234567e-308" or "-0.00012345678901234567" */
    int k = 0;
    if (signbit(d) && !isnan(d))
        out[k++] = '-';
    if (isnan(d) || isinf(d) || d == 0) {
        const char *s = isnan(d) ? "nan" : isinf(d) ? "inf" : "0.0";
        size_t len = strlen(s);
        memcpy(out + k, s, len);
        k += (int)len;
    } else {
        char digits[KR_DTOA_MAX_DIGITS];
        int exp10;
        int nd = kr_dtoa_shortest(d, digits, &exp10);
        /* decpt: the value is 0.DIGITS * 10**decpt */
        int decpt = exp10 + 1;
        if (exp10 < -4 || exp10 >= 16) {
            out[k++] = digits[0];
            if (nd > 1) {
                out[k++] = '.';
                memcpy(out + k, digits + 1, (size_t)(nd - 1));
                k += nd - 1;
            }
            /* "e%c%02d": at least two exponent digits, at most three (324) */
            int ex = exp10 < 0 ? -exp10 : exp10;
            out[k++] = 'e';
            out[k++] = exp10 < 0 ? '-' : '+';
            if (ex >= 100)
                out[k++] = (char)('0' + ex / 100);
            out[k++] = (char)('0' + ex / 10 % 10);
            out[k++] = (char)('0' + ex % 10);
        } else if (decpt <= 0) {
            out[k++] = '0';
            out[k++] = '.';
            for (int i = 0; i < -decpt; i++)
                out[k++] = '0';
            memcpy(out + k, digits, (size_t)nd);
            k += nd;
        } else if (decpt < nd) {
            memcpy(out + k, digits, (size_t)decpt);
            k += decpt;
            out[k++] = '.';
            memcpy(out + k, digits + decpt, (size_t)(nd - decpt));
            k += nd - decpt;
        } else {
            memcpy(out + k, digits, (size_t)nd);
            k += nd;
            for (int i = nd; i < decpt; i++)
                out[k++] = '0';
            out[k++] = '.';
            out[k++] = '0';
        }
    }
    /* snprintf's contract, which the callers were written against: truncate, terminate, return the
     * full length */
    if (n > 0) {
        size_t c = (size_t)k < n - 1 ? (size_t)k : n - 1;
        memcpy(buf, out, c);
        buf[c] = 0;
    }
    return k;
}

kr_value kr_float_repr_value(kr_vm *vm, double d)
{
    char buf[64];
    int n = kr_float_repr_buf(d, buf, sizeof buf);
    return kr_str_new(vm, buf, (size_t)n);
}

static kr_value float_repr(kr_vm *vm, kr_value v)
{
    return kr_float_repr_value(vm, kr_float_value(v));
}

/* ---------------------------------------------------------------- parsing */

static bool is_py_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool match_word(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - p) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((p[i] | 0x20) != word[i])
            return false;
    return true;
}

int kr_float_parse(const char *s, size_t len, double *out)
{
    const char *p = s, *end = s + len;
    while (p < end && is_py_space((unsigned char)*p))
        p++;
    while (end > p && is_py_space((unsigned char)end[-1]))
        end--;
    if (p == end)
        return -1;
    const char *body = p;
    bool neg = false;
    if (*body == '+' || *body == '-') {
        neg = *body == '-';
        body++;
    }
    if (match_word(body, end, "inf") || match_word(body, end, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return 0;
    }
    if (match_word(body, end, "nan")) {
        *out = neg ? -NAN : NAN;
        return 0;
    }
    /* Validate [sign] (digits [. digits?] | . digits) [e [sign] digits], underscores only between
     * digits, and copy without underscores for strtod. */
    size_t n = (size_t)(end - p);
    char small[128];
    char *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf)
        return -1;
    size_t k = 0;
    const char *q = p;
    if (*q == '+' || *q == '-')
        buf[k++] = *q++;
    int mant_digits = 0;
    bool ok = true;
#define SCAN_DIGITS(counter)                                                                           \
    while (q < end && (is_digit((unsigned char)*q) || *q == '_')) {                                   \
        if (*q == '_') {                                                                               \
            if (q + 1 >= end || !is_digit((unsigned char)q[1]) || q == p || !is_digit((unsigned char)q[-1])) { \
                ok = false;                                                                            \
                break;                                                                                 \
            }                                                                                          \
            q++;                                                                                       \
            continue;                                                                                  \
        }                                                                                              \
        buf[k++] = *q++;                                                                               \
        counter++;                                                                                     \
    }
    SCAN_DIGITS(mant_digits)
    if (ok && q < end && *q == '.') {
        buf[k++] = *q++;
        SCAN_DIGITS(mant_digits)
    }
    if (ok && mant_digits == 0)
        ok = false;
    if (ok && q < end && (*q == 'e' || *q == 'E')) {
        buf[k++] = *q++;
        if (q < end && (*q == '+' || *q == '-'))
            buf[k++] = *q++;
        int exp_digits = 0;
        SCAN_DIGITS(exp_digits)
        if (exp_digits == 0)
            ok = false;
    }
#undef SCAN_DIGITS
    if (q != end)
        ok = false;
    if (ok) {
        buf[k] = 0;
        errno = 0;
        *out = strtod(buf, NULL); /* overflow gives ±inf and underflow 0, as in Python */
    }
    if (buf != small)
        free(buf);
    return ok ? 0 : -1;
}

/* ---------------------------------------------------------------- conversions */

int kr_number_to_double(kr_vm *vm, kr_value v, double *out)
{
    if (kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.float_) {
        *out = kr_float_value(v);
        return 0;
    }
    kr_value c = kr_int_value(vm, v);
    if (c != KR_NULL) {
        if (kr_is_small(c)) {
            *out = (double)kr_small_val(c);
            return 0;
        }
        double d = kr_int_to_double(vm, c, NULL);
        if (d == -1.0 && kr_err_occurred(vm))
            return -1;
        *out = d;
        return 0;
    }
    if (kr_is_float(vm, v)) {
        *out = kr_float_value(v);
        return 0;
    }
    kr_type *t = kr_type_of(vm, v);
    /* kr_call_special: bound as CPython's slot lookup binds (a non-function descriptor's __get__ runs) */
    kr_value m = kr_type_lookup(vm, t, KR_NAME(vm, __float__));
    if (m != KR_NULL) {
        kr_value r = kr_call_special(vm, v, KR_NAME(vm, __float__), NULL, 0);
        if (r == KR_NULL)
            return -1;
        if (!kr_is_float(vm, r)) {
            kr_raise(vm, KR_EXC(vm, TypeError), "%s.__float__ returned non-float (type %s)", t->name_c,
                     kr_typename(vm, r));
            return -1;
        }
        *out = kr_float_value(r);
        return 0;
    }
    m = kr_type_lookup(vm, t, KR_NAME(vm, __index__));
    if (m != KR_NULL) {
        kr_value r = kr_call_special(vm, v, KR_NAME(vm, __index__), NULL, 0);
        if (r == KR_NULL)
            return -1;
        kr_value rc = kr_int_value(vm, r);
        if (rc == KR_NULL) {
            kr_raise(vm, KR_EXC(vm, TypeError), "__index__ returned non-int (type %s)", kr_typename(vm, r));
            return -1;
        }
        double d = kr_int_to_double(vm, rc, NULL);
        if (d == -1.0 && kr_err_occurred(vm))
            return -1;
        *out = d;
        return 0;
    }
    kr_raise(vm, KR_EXC(vm, TypeError), "must be real number, not %s", kr_typename(vm, v));
    return -1;
}

/* Operand of a float binary op: 1 with *out set, 0 when not a float or int (NotImplemented), -1 error. */
static int operand(kr_vm *vm, kr_value v, double *out)
{
    if (kr_is_ptr(v) && KR_OBJ(v)->type == vm->t.float_) {
        *out = kr_float_value(v);
        return 1;
    }
    if (kr_is_small(v)) {
        *out = (double)kr_small_val(v);
        return 1;
    }
    kr_value c = kr_int_value(vm, v);
    if (c != KR_NULL) {
        double d = kr_int_to_double(vm, c, NULL);
        if (d == -1.0 && kr_err_occurred(vm))
            return -1;
        *out = d;
        return 1;
    }
    if (kr_is_float(vm, v)) {
        *out = kr_float_value(v);
        return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- arithmetic */

int kr_float_mod_d(kr_vm *vm, double vx, double wx, double *out)
{
    if (wx == 0.0) {
        kr_raise(vm, KR_EXC(vm, ZeroDivisionError), "float modulo by zero");
        return -1;
    }
    double mod = fmod(vx, wx);
    if (mod) {
        if ((wx < 0) != (mod < 0))
            mod += wx; /* the remainder takes the sign of the divisor */
    } else {
        mod = copysign(0.0, wx);
    }
    *out = mod;
    return 0;
}

/* CPython's float_divmod: the quotient is floor((vx - mod) / wx), corrected by at most one. */
static void float_divmod_d(double vx, double wx, double *floordiv, double *modp)
{
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    double fd;
    if (div) {
        fd = floor(div);
        if (div - fd > 0.5)
            fd += 1.0;
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *floordiv = fd;
    *modp = mod;
}

int kr_float_floordiv_d(kr_vm *vm, double a, double b, double *out)
{
    if (b == 0.0) {
        kr_raise(vm, KR_EXC(vm, ZeroDivisionError), "float floor division by zero");
        return -1;
    }
    double m;
    float_divmod_d(a, b, out, &m);
    return 0;
}

static bool is_odd_integer(double x)
{
    return fmod(fabs(x), 2.0) == 1.0;
}

/* CPython's float_pow (Objects/floatobject.c) case by case, without raising: the special cases decided
 * here rather than by the platform's pow, which leaves only a finite, positive base other than 1 and
 * a finite, non-zero exponent to pow. */
int kr_float_pow_raw(double iv, double iw, double *out)
{
    if (iw == 0) { /* v**0 is 1, even 0**0 and nan**0 */
        *out = 1.0;
        return KR_FLOAT_POW_OK;
    }
    if (isnan(iv)) { /* nan**w = nan, unless w == 0 */
        *out = iv;
        return KR_FLOAT_POW_OK;
    }
    if (isnan(iw)) { /* v**nan = nan, unless v == 1; 1**nan = 1 */
        *out = iv == 1.0 ? 1.0 : iw;
        return KR_FLOAT_POW_OK;
    }
    if (isinf(iw)) {
        /* v**inf: 0.0 if |v| < 1, 1.0 if |v| == 1, inf if |v| > 1 (v infinite included); v**-inf the
         * reverse */
        double a = fabs(iv);
        if (a == 1.0)
            *out = 1.0;
        else if ((iw > 0.0) == (a > 1.0))
            *out = fabs(iw);
        else
            *out = 0.0;
        return KR_FLOAT_POW_OK;
    }
    if (isinf(iv)) {
        /* (+-inf)**w: inf for w > 0, 0 for w < 0, with v's sign when w is an odd integer */
        bool odd = is_odd_integer(iw);
        if (iw > 0.0)
            *out = odd ? iv : fabs(iv);
        else
            *out = odd ? copysign(0.0, iv) : 0.0;
        return KR_FLOAT_POW_OK;
    }
    if (iv == 0.0) { /* 0**w: 0 (signed like v when w is an odd integer) for w > 0, an error for w < 0 */
        if (iw < 0.0)
            return KR_FLOAT_POW_ZERO_NEGATIVE;
        *out = is_odd_integer(iw) ? iv : 0.0;
        return KR_FLOAT_POW_OK;
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw))
            return KR_FLOAT_POW_COMPLEX; /* CPython returns a complex number here */
        /* an exact integer exponent, perhaps a huge one: |v|**w, negated when w is odd */
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) { /* 1**w is 1; (-1)**huge too, where some libms return nan */
        *out = negate ? -1.0 : 1.0;
        return KR_FLOAT_POW_OK;
    }
    /* finite, positive, not 1, with a finite non-zero exponent: pow's only error is overflow, which
     * CPython detects as an infinite result (_Py_ADJUST_ERANGE1; underflow to 0 is no error) */
    double ix = pow(iv, iw);
    if (isinf(ix))
        return KR_FLOAT_POW_OVERFLOW;
    *out = negate ? -ix : ix;
    return KR_FLOAT_POW_OK;
}

int kr_float_pow_d(kr_vm *vm, double iv, double iw, double *out)
{
    switch (kr_float_pow_raw(iv, iw, out)) {
    case KR_FLOAT_POW_OK:
        return 0;
    case KR_FLOAT_POW_ZERO_NEGATIVE:
        kr_raise(vm, KR_EXC(vm, ZeroDivisionError), "0.0 cannot be raised to a negative power");
        return -1;
    case KR_FLOAT_POW_COMPLEX: /* kr_float_binop returns a complex before this; raw callers can't */
        kr_raise(vm, KR_EXC(vm, ValueError), "negative number cannot be raised to a fractional power");
        return -1;
    default:
        kr_raise(vm, KR_EXC(vm, OverflowError), "(34, 'Numerical result out of range')");
        return -1;
    }
}

kr_value kr_float_binop(kr_vm *vm, int op, kr_value a, kr_value b)
{
    double x, y, r;
    int k = operand(vm, a, &x);
    if (k <= 0)
        return k < 0 ? KR_NULL : KR_NOTIMPL;
    k = operand(vm, b, &y);
    if (k <= 0)
        return k < 0 ? KR_NULL : KR_NOTIMPL;
    switch (op) {
    case KR_OP_ADD: r = x + y; break;
    case KR_OP_SUB: r = x - y; break;
    case KR_OP_MUL: r = x * y; break;
    case KR_OP_TRUEDIV:
        if (y == 0.0)
            return kr_raise(vm, KR_EXC(vm, ZeroDivisionError), "float division by zero");
        r = x / y;
        break;
    case KR_OP_FLOORDIV:
        if (kr_float_floordiv_d(vm, x, y, &r) < 0)
            return KR_NULL;
        break;
    case KR_OP_MOD:
        if (kr_float_mod_d(vm, x, y, &r) < 0)
            return KR_NULL;
        break;
    case KR_OP_POW:
        /* a negative base to a non-integer power is a complex number, computed by complex's power */
        k = kr_float_pow_raw(x, y, &r);
        if (k == KR_FLOAT_POW_COMPLEX)
            return kr_complex_pow_value(vm, (kr_cdouble){x, 0.0}, (kr_cdouble){y, 0.0});
        if (k != KR_FLOAT_POW_OK && kr_float_pow_d(vm, x, y, &r) < 0) /* raises the error */
            return KR_NULL;
        break;
    default:
        return KR_NOTIMPL;
    }
    return kr_float_new(vm, r);
}

kr_value kr_float_divmod(kr_vm *vm, kr_value a, kr_value b)
{
    double x, y;
    int k = operand(vm, a, &x);
    if (k <= 0)
        return k < 0 ? KR_NULL : KR_NOTIMPL;
    k = operand(vm, b, &y);
    if (k <= 0)
        return k < 0 ? KR_NULL : KR_NOTIMPL;
    if (y == 0.0)
        return kr_raise(vm, KR_EXC(vm, ZeroDivisionError), "float divmod()");
    double q, m;
    float_divmod_d(x, y, &q, &m);
    kr_value qv = kr_float_new(vm, q);
    if (qv == KR_NULL)
        return KR_NULL;
    kr_value mv = kr_float_new(vm, m);
    if (mv == KR_NULL)
        return KR_NULL;
    return kr_tuple_pack(vm, 2, qv, mv);
}

static kr_value float_pow3(kr_vm *vm, kr_value a, kr_value b, kr_value m)
{
    if (m != KR_NONE)
        return kr_raise(vm, KR_EXC(vm, TypeError), "pow() 3rd argument not allowed unless all arguments are integers");
    return kr_float_binop(vm, KR_OP_POW, a, b);
}

#define FBINOP_SLOT(name, OP) \
    static kr_value name(kr_vm *vm, kr_value a, kr_value b) { return kr_float_binop(vm, OP, a, b); }
FBINOP_SLOT(float_add_slot, KR_OP_ADD)
FBINOP_SLOT(float_sub_slot, KR_OP_SUB)
FBINOP_SLOT(float_mul_slot, KR_OP_MUL)
FBINOP_SLOT(float_truediv_slot, KR_OP_TRUEDIV)
FBINOP_SLOT(float_floordiv_slot, KR_OP_FLOORDIV)
FBINOP_SLOT(float_mod_slot, KR_OP_MOD)
FBINOP_SLOT(float_pow_slot, KR_OP_POW)

static kr_value float_neg(kr_vm *vm, kr_value a) { return kr_float_new(vm, -kr_float_value(a)); }
static kr_value float_abs(kr_vm *vm, kr_value a) { return kr_float_new(vm, fabs(kr_float_value(a))); }
static kr_value float_pos(kr_vm *vm, kr_value a)
{
    if (KR_OBJ(a)->type == vm->t.float_)
        return a;
    return kr_float_new(vm, kr_float_value(a));
}
static int float_bool(kr_vm *vm, kr_value a) { (void)vm; return kr_float_value(a) != 0.0; }

/* ---------------------------------------------------------------- comparison and hash */

static bool cmp_double(double x, double y, int op)
{
    switch (op) {
    case KR_CMP_LT: return x < y;
    case KR_CMP_LE: return x <= y;
    case KR_CMP_EQ: return x == y;
    case KR_CMP_NE: return x != y;
    case KR_CMP_GT: return x > y;
    default: return x >= y;
    }
}

static const int swapped_op[KR_CMP_COUNT] = {KR_CMP_GT, KR_CMP_GE, KR_CMP_EQ, KR_CMP_NE, KR_CMP_LT, KR_CMP_LE};

/* Exact comparison of a double with a core int: c = cmp(int, double) (2 = unordered). */
static kr_value cmp_float_int(double d, kr_value core, int op)
{
    int c = kr_int_cmp_double(core, d); /* sign of (int - d) */
    if (c == 2)
        return kr_bool(op == KR_CMP_NE);
    /* we want cmp(d, int) = -c */
    return kr_bool(cmp_double(0.0, (double)c, op));
}

static kr_value float_richcompare(kr_vm *vm, kr_value a, kr_value b, int op)
{
    if (!kr_is_float(vm, a)) {
        if (kr_is_float(vm, b))
            return float_richcompare(vm, b, a, swapped_op[op]);
        return KR_NOTIMPL;
    }
    double x = kr_float_value(a);
    if (kr_is_float(vm, b))
        return kr_bool(cmp_double(x, kr_float_value(b), op));
    kr_value c = kr_int_value(vm, b);
    if (c == KR_NULL)
        return KR_NOTIMPL;
    if (kr_is_small(c)) {
        int64_t n = kr_small_val(c);
        const int64_t lim = (int64_t)1 << 53;
        if (n >= -lim && n <= lim)
            return kr_bool(cmp_double(x, (double)n, op));
    }
    return cmp_float_int(x, c, op);
}

int64_t kr_float_hash_double(double v, kr_value self)
{
    if (!isfinite(v)) {
        if (isinf(v))
            return v > 0 ? HASH_INF : -HASH_INF;
        /* NaN: identity hash, as CPython 3.10+ (_Py_HashPointer) */
        uint64_t y = (uint64_t)self;
        y = (y >> 4) | (y << 60);
        int64_t h = (int64_t)y;
        return h == -1 ? -2 : h;
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    x = x * (uint64_t)(int64_t)sign;
    int64_t h = (int64_t)x;
    return h == -1 ? -2 : h;
}

static int64_t float_hash(kr_vm *vm, kr_value v)
{
    (void)vm;
    return kr_float_hash_double(kr_float_value(v), v);
}

/* ---------------------------------------------------------------- round */

int kr_float_round_d(kr_vm *vm, double x, int64_t ndigits, double *out)
{
    /* CPython's limits: beyond them the result is x itself or a signed zero. */
    if (!isfinite(x) || ndigits > 323) {
        *out = x;
        return 0;
    }
    if (ndigits < -308) {
        *out = 0.0 * x;
        return 0;
    }
    double r;
    if (ndigits >= 0) {
        /* glibc's printf is correctly rounded (ties to even on the exact binary value), which is what
         * CPython gets from dtoa mode 3. */
        char buf[720];
        snprintf(buf, sizeof buf, "%.*f", (int)ndigits, x);
        r = strtod(buf, NULL);
    } else {
        /* Round to a multiple of 10**k exactly: ties can only occur when x is an integer. */
        unsigned long k = (unsigned long)(-ndigits);
        double ip = trunc(x), frac = x - ip;
        mpz_t I, p, q, rem;
        mpz_init_set_d(I, fabs(ip));
        mpz_init(p);
        mpz_init(q);
        mpz_init(rem);
        mpz_ui_pow_ui(p, 10, k);
        mpz_tdiv_qr(q, rem, I, p);
        mpz_mul_2exp(rem, rem, 1);
        int c = mpz_cmp(rem, p);
        if (c > 0 || (c == 0 && (frac != 0.0 || mpz_odd_p(q))))
            mpz_add_ui(q, q, 1);
        mpz_mul(q, q, p);
        int ovf;
        r = kr_int_mpz_to_double(q, &ovf);
        mpz_clear(I);
        mpz_clear(p);
        mpz_clear(q);
        mpz_clear(rem);
        r = copysign(r, x);
    }
    if (isinf(r)) {
        kr_raise(vm, KR_EXC(vm, OverflowError), "rounded value too large to represent");
        return -1;
    }
    *out = r;
    return 0;
}

/* ---------------------------------------------------------------- constructor */

static kr_value float_wrap_subclass(kr_vm *vm, kr_type *cls, double d)
{
    if (cls == vm->t.float_)
        return kr_float_new(vm, d);
    kr_value inst = kr_instance_new(vm, cls);
    if (inst == KR_NULL)
        return KR_NULL;
    KR_AS(kr_float, inst)->value = d;
    return inst;
}

static kr_value float_from_object(kr_vm *vm, kr_value x, double *out)
{
    const char *data = NULL;
    size_t n = 0;
    char *ascii = NULL;
    if (kr_is_str(vm, x)) {
        data = kr_str_data(x);
        n = (size_t)kr_str_nbytes(x);
        if (kr_str_len(x) != (int64_t)n) { /* non-ASCII: Unicode digits and spaces count too */
            ascii = kr_str_number_ascii(vm, x, &n);
            if (!ascii)
                return KR_NULL;
            data = ascii;
        }
    } else if (kr_is_ptr(x) && vm->t.bytes && kr_type_is_subtype(KR_OBJ(x)->type, vm->t.bytes)) {
        data = (const char *)KR_AS(kr_bytes, x)->data;
        n = (size_t)KR_AS(kr_bytes, x)->size;
    } else if (kr_is_ptr(x) && vm->t.bytearray && kr_type_is_subtype(KR_OBJ(x)->type, vm->t.bytearray)) {
        data = (const char *)KR_AS(kr_bytearray, x)->data;
        n = (size_t)KR_AS(kr_bytearray, x)->size;
    }
    if (data) {
        int parsed = kr_float_parse(data, n, out);
        kr_mem_free(vm, ascii);
        if (parsed < 0) {
            kr_value r = kr_repr(vm, x);
            if (r == KR_NULL)
                return KR_NULL;
            return kr_raise(vm, KR_EXC(vm, ValueError), "could not convert string to float: %s", kr_str_data(r));
        }
        return KR_NONE;
    }
    kr_type *t = kr_type_of(vm, x);
    if (kr_int_value(vm, x) == KR_NULL && !kr_is_float(vm, x) &&
        kr_type_lookup(vm, t, KR_NAME(vm, __float__)) == KR_NULL &&
        kr_type_lookup(vm, t, KR_NAME(vm, __index__)) == KR_NULL)
        return kr_raise(vm, KR_EXC(vm, TypeError), "float() argument must be a string or a real number, not '%s'",
                        kr_typename(vm, x));
    if (kr_number_to_double(vm, x, out) < 0)
        return KR_NULL;
    return KR_NONE;
}

static kr_value float_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "float", kwnames) < 0)
        return KR_NULL;
    if (nargs > 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "float expected at most 1 argument, got %d", nargs);
    double d = 0.0;
    if (nargs == 1) {
        if (cls == vm->t.float_ && kr_is_ptr(args[0]) && KR_OBJ(args[0])->type == vm->t.float_)
            return args[0];
        if (float_from_object(vm, args[0], &d) == KR_NULL)
            return KR_NULL;
    }
    return float_wrap_subclass(vm, cls, d);
}

/* ---------------------------------------------------------------- methods */

static int self_double(kr_vm *vm, kr_value self, double *out)
{
    if (!kr_is_float(vm, self)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "descriptor requires a 'float' object but received '%s'",
                 kr_typename(vm, self));
        return -1;
    }
    *out = kr_float_value(self);
    return 0;
}

#define FNOARG_METHOD(fname, pyname, expr)                                                             \
    static kr_value fname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)                      \
    {                                                                                                  \
        double d;                                                                                      \
        if (kr_args_method0(vm, pyname, nargs, kwnames) < 0 || self_double(vm, args[0], &d) < 0)               \
            return KR_NULL;                                                                            \
        return (expr);                                                                                 \
    }

static kr_value float_as_integer_ratio(kr_vm *vm, double d)
{
    if (isinf(d))
        return kr_raise(vm, KR_EXC(vm, OverflowError), "cannot convert Infinity to integer ratio");
    if (isnan(d))
        return kr_raise(vm, KR_EXC(vm, ValueError), "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    mpz_t num, den;
    mpz_init_set_d(num, m);
    mpz_init_set_ui(den, 1);
    if (e > 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    kr_value n = kr_int_from_mpz(vm, num), dd = kr_int_from_mpz(vm, den);
    mpz_clear(num);
    mpz_clear(den);
    if (n == KR_NULL || dd == KR_NULL)
        return KR_NULL;
    return kr_tuple_pack(vm, 2, n, dd);
}

static kr_value float_hex(kr_vm *vm, double x)
{
    char s[64];
    if (isnan(x) || isinf(x))
        return kr_float_repr_value(vm, x);
    if (x == 0.0)
        return kr_str_from_cstr(vm, signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    int si = 0;
    static const char hexd[] = "0123456789abcdef";
    s[si++] = hexd[(int)m];
    m -= (int)m;
    s[si++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        s[si++] = hexd[(int)m];
        m -= (int)m;
    }
    s[si] = 0;
    return kr_str_fmt(vm, "%s0x%sp%c%d", x < 0 ? "-" : "", s, e < 0 ? '-' : '+', e < 0 ? -e : e);
}

FNOARG_METHOD(float_m_is_integer, "float.is_integer", kr_bool(isfinite(d) && d == floor(d)))
FNOARG_METHOD(float_m_as_integer_ratio, "float.as_integer_ratio", float_as_integer_ratio(vm, d))
FNOARG_METHOD(float_m_conjugate, "float.conjugate", kr_float_new(vm, d))
FNOARG_METHOD(float_m_hex, "float.hex", float_hex(vm, d))
FNOARG_METHOD(float_m_trunc, "float.__trunc__", kr_int_from_double(vm, d))
FNOARG_METHOD(float_m_int, "float.__int__", kr_int_from_double(vm, d))
FNOARG_METHOD(float_m_floor, "float.__floor__", kr_int_from_double(vm, floor(d)))
FNOARG_METHOD(float_m_ceil, "float.__ceil__", kr_int_from_double(vm, ceil(d)))
FNOARG_METHOD(float_m_float, "float.__float__", kr_float_new(vm, d))
FNOARG_METHOD(float_m_getnewargs, "float.__getnewargs__", kr_tuple_pack(vm, 1, kr_float_new(vm, d)))

static kr_value float_m_sizeof(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    (void)args;
    if (kr_args_method0(vm, "float.__sizeof__", nargs, kwnames) < 0)
        return KR_NULL;
    return kr_small(24);
}

static kr_value float_m_round(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"ndigits"};
    kr_value nd;
    double d;
    if (kr_args_parse(vm, "__round__", args + 1, nargs - 1, kwnames, names, 1, 0, 0, &nd) < 0 ||
        self_double(vm, args[0], &d) < 0)
        return KR_NULL;
    if (nd == KR_NULL || nd == KR_NONE) {
        double r = nearbyint(d); /* the default rounding mode: half to even */
        return kr_int_from_double(vm, r);
    }
    int64_t n;
    if (kr_index_i64(vm, nd, &n) < 0) {
        if (!kr_err_matches(vm, KR_EXC(vm, OverflowError)))
            return KR_NULL;
        kr_err_clear(vm);
        n = kr_int_sign(kr_int_value(vm, kr_index(vm, nd))) < 0 ? INT64_MIN : INT64_MAX;
    }
    double r;
    if (kr_float_round_d(vm, d, n, &r) < 0)
        return KR_NULL;
    return kr_float_new(vm, r);
}

static kr_value float_m_format(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    double d;
    if (kr_args_no_kw(vm, "float.__format__", kwnames) < 0)
        return KR_NULL;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "float.__format__() takes exactly one argument (%d given)", nargs - 1);
    if (self_double(vm, args[0], &d) < 0)
        return KR_NULL;
    if (!kr_is_str(vm, args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "float.__format__() argument must be str, not %s",
                        kr_typename(vm, args[1]));
    if (kr_str_nbytes(args[1]) == 0 && KR_OBJ(args[0])->type != vm->t.float_)
        return kr_tostr(vm, args[0]);
    return kr_format_float(vm, d, kr_str_data(args[1]), (size_t)kr_str_nbytes(args[1]));
}

static int hexdig(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* float.fromhex: validate CPython's grammar, then let strtod (exact for hex input) convert. */
static kr_value float_m_fromhex(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "fromhex", kwnames) < 0 || kr_args_count(vm, "fromhex", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    kr_value cls = args[0], sv = args[1];
    if (!kr_is_str(vm, sv))
        return kr_raise(vm, KR_EXC(vm, TypeError), "bad argument type for built-in operation");
    const char *p = kr_str_data(sv), *end = p + kr_str_nbytes(sv);
    while (p < end && is_py_space((unsigned char)*p))
        p++;
    while (end > p && is_py_space((unsigned char)end[-1]))
        end--;
    double d;
    bool ok = true;
    const char *b = p;
    bool neg = false;
    if (b < end && (*b == '+' || *b == '-')) {
        neg = *b == '-';
        b++;
    }
    if (match_word(b, end, "inf") || match_word(b, end, "infinity")) {
        d = neg ? -HUGE_VAL : HUGE_VAL;
    } else if (match_word(b, end, "nan")) {
        d = neg ? -NAN : NAN;
    } else {
        if (end - b >= 2 && b[0] == '0' && (b[1] | 0x20) == 'x')
            b += 2;
        size_t n = (size_t)(end - b);
        char *buf = kr_mem_alloc(vm, n + 8);
        if (!buf)
            return KR_NULL;
        size_t k = 0;
        buf[k++] = neg ? '-' : '+';
        buf[k++] = '0';
        buf[k++] = 'x';
        int nd = 0;
        const char *q = b;
        while (q < end && hexdig(*q) >= 0) {
            buf[k++] = *q++;
            nd++;
        }
        if (q < end && *q == '.') {
            buf[k++] = *q++;
            while (q < end && hexdig(*q) >= 0) {
                buf[k++] = *q++;
                nd++;
            }
        }
        if (nd == 0)
            ok = false;
        if (ok && q < end && (*q | 0x20) == 'p') {
            buf[k++] = *q++;
            if (q < end && (*q == '+' || *q == '-'))
                buf[k++] = *q++;
            int ed = 0;
            while (q < end && *q >= '0' && *q <= '9') {
                buf[k++] = *q++;
                ed++;
            }
            if (ed == 0)
                ok = false;
        }
        if (q != end)
            ok = false;
        buf[k] = 0;
        d = ok ? strtod(buf, NULL) : 0.0;
        kr_mem_free(vm, buf);
        if (!ok)
            return kr_raise(vm, KR_EXC(vm, ValueError), "invalid hexadecimal floating-point string");
        if (isinf(d))
            return kr_raise(vm, KR_EXC(vm, OverflowError), "hexadecimal value too large to represent as a float");
    }
    kr_value r = kr_float_new(vm, d);
    if (r == KR_NULL || cls == KR_VAL(vm->t.float_))
        return r;
    return kr_call1(vm, cls, r);
}

static kr_value float_m_divmod(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__divmod__", kwnames) < 0 || kr_args_count(vm, "__divmod__", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    return kr_float_divmod(vm, args[0], args[1]);
}

static kr_value float_m_rdivmod(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__rdivmod__", kwnames) < 0 || kr_args_count(vm, "__rdivmod__", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    return kr_float_divmod(vm, args[1], args[0]);
}

static const kr_method_def float_methods[] = {
    {"is_integer", float_m_is_integer, KR_METH_DEFAULT, "Return True if the float is an integer."},
    {"as_integer_ratio", float_m_as_integer_ratio, KR_METH_DEFAULT, "Return a pair of integers, whose ratio is exactly equal to the original float."},
    {"conjugate", float_m_conjugate, KR_METH_DEFAULT, "Return self, the complex conjugate of any float."},
    {"hex", float_m_hex, KR_METH_DEFAULT, "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", float_m_fromhex, KR_METH_CLASS, "Create a floating-point number from a hexadecimal string."},
    {"__trunc__", float_m_trunc, KR_METH_DEFAULT, NULL},
    {"__int__", float_m_int, KR_METH_DEFAULT, NULL},
    {"__float__", float_m_float, KR_METH_DEFAULT, NULL},
    {"__floor__", float_m_floor, KR_METH_DEFAULT, NULL},
    {"__ceil__", float_m_ceil, KR_METH_DEFAULT, NULL},
    {"__round__", float_m_round, KR_METH_DEFAULT, NULL},
    {"__format__", float_m_format, KR_METH_DEFAULT, NULL},
    {"__getnewargs__", float_m_getnewargs, KR_METH_DEFAULT, NULL},
    {"__sizeof__", float_m_sizeof, KR_METH_DEFAULT, NULL},
    {"__divmod__", float_m_divmod, KR_METH_DEFAULT, NULL},
    {"__rdivmod__", float_m_rdivmod, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static kr_value float_get_real(kr_vm *vm, kr_value self)
{
    if (KR_OBJ(self)->type == vm->t.float_)
        return self;
    return kr_float_new(vm, kr_float_value(self));
}
static kr_value float_get_imag(kr_vm *vm, kr_value self) { (void)self; return kr_float_new(vm, 0.0); }

static const kr_getset_def float_getsets[] = {
    {"real", float_get_real, NULL, "the real part of a complex number"},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number"},
    {NULL, NULL, NULL, NULL},
};

void kr_float_init(kr_vm *vm)
{
    kr_type *t = kr_type_new_builtin(vm, "float", vm->t.object, sizeof(kr_float), KR_TF_BASETYPE);
    vm->t.float_ = t;
    t->methods = float_methods;
    t->getsets = float_getsets;
    t->new_ = float_new;
    t->repr = float_repr;
    t->str = float_repr;
    t->hash = float_hash;
    t->richcompare = float_richcompare;
    t->bool_ = float_bool;
    t->pow3 = float_pow3;
    t->binop[KR_OP_ADD] = float_add_slot;
    t->binop[KR_OP_SUB] = float_sub_slot;
    t->binop[KR_OP_MUL] = float_mul_slot;
    t->binop[KR_OP_TRUEDIV] = float_truediv_slot;
    t->binop[KR_OP_FLOORDIV] = float_floordiv_slot;
    t->binop[KR_OP_MOD] = float_mod_slot;
    t->binop[KR_OP_POW] = float_pow_slot;
    t->unop[KR_UNARY_NEG] = float_neg;
    t->unop[KR_UNARY_POS] = float_pos;
    t->unop[KR_UNARY_ABS] = float_abs;
}

/* ================================================================ binary16 */

int kr_float_pack2(double x, uint16_t *out)
{
    unsigned sign;
    int e;
    unsigned bits;
    if (x == 0.0) {
        sign = signbit(x) ? 1 : 0;
        e = 0;
        bits = 0;
    } else if (isinf(x)) {
        sign = x < 0.0;
        e = 0x1f;
        bits = 0;
    } else if (isnan(x)) {
        /* the quiet NaN with no payload, keeping the sign */
        sign = signbit(x) ? 1 : 0;
        e = 0x1f;
        bits = 512;
    } else {
        sign = x < 0.0;
        if (sign)
            x = -x;
        double f = frexp(x, &e);
        /* f in [0.5, 1.0): normalise to [1.0, 2.0) */
        f *= 2.0;
        e--;
        if (e >= 16)
            goto overflow;
        if (e < -25) {
            f = 0.0; /* underflow to zero */
            e = 0;
        } else if (e < -14) {
            f = ldexp(f, 14 + e); /* subnormal */
            e = 0;
        } else {
            e += 15;
            f -= 1.0; /* the implicit leading bit */
        }
        f *= 1024.0;
        bits = (unsigned)f; /* truncates */
        if (f - bits > 0.5 || (f - bits == 0.5 && (bits & 1))) {
            if (++bits == 1024) {
                /* the carry ran out of ten 1 bits */
                bits = 0;
                if (++e == 31)
                    goto overflow;
            }
        }
    }
    *out = (uint16_t)(bits | ((unsigned)e << 10) | (sign << 15));
    return 0;
overflow:
    return -1;
}

double kr_float_unpack2(uint16_t h)
{
    int sign = h >> 15, e = (h >> 10) & 0x1f;
    unsigned f = h & 0x3ff;
    if (e == 0x1f) {
        if (f == 0)
            return sign ? -HUGE_VAL : HUGE_VAL;
        return sign ? -fabs(NAN) : fabs(NAN);
    }
    double x = (double)f / 1024.0;
    if (e == 0)
        e = -14;
    else {
        x += 1.0;
        e -= 15;
    }
    x = ldexp(x, e);
    return sign ? -x : x;
}
