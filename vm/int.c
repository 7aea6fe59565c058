/* int.c: Python's int and bool.
 *
 * Representation (vm/value.h): a small int is a tagged 63-bit immediate; anything larger is a kr_bigint
 * whose GMP limbs live inline in the VM heap. Invariant kept by every constructor here (kr_int_from_i64,
 * kr_int_from_mpz): a kr_bigint never holds a value that fits a small int.
 *
 * GMP usage: the hot operations (+, -, *, //, %, divmod) run GMP's mpn layer straight into the limbs of
 * the result object, allocated with the result's upper bound of limbs (int_dest): no temporary, no copy,
 * and GMP's allocator sees nothing but its own scratch for large products and quotients. A result much
 * shorter than its bound (cancellation) is copied into an exact-size object. The other operations wrap
 * operands read-only with mpz_roinit_n (a small int through a one-limb stack buffer), compute into a
 * temporary mpz_t, copy it into a new kr_bigint and clear the temporary. So big ints live wholly in the
 * VM heap and GMP's process-wide allocator only ever holds transient temporaries. GMP aborts the process
 * when an allocation fails, so operations whose result would exceed KR_INT_MAX_BITS raise MemoryError
 * before asking GMP.
 *
 * Small-int paths come first everywhere and allocate nothing when the result is small.
 *
 * Not implemented on purpose: CPython's 4300-digit limit on str <-> int conversion (Krait converts any
 * length; mpz_get_str / mpz_set_str are subquadratic).
 */
#include "int.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "floatobj.h"
#include "init.h"
#include "str.h"

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

/* ---------------------------------------------------------------- core helpers */

kr_value kr_int_value(kr_vm *vm, kr_value v)
{
    if (kr_is_small(v))
        return v;
    if (kr_is_ptr(v)) {
        kr_type *t = KR_OBJ(v)->type;
        if (t == vm->t.int_)
            return v;
        if ((t->flags & KR_TF_INT_SUBCLASS) ||
            ((t->flags & KR_TF_HEAPTYPE) && kr_type_is_subtype(t, vm->t.int_)))
            return KR_AS(kr_intsub, v)->value;
        return KR_NULL;
    }
    if (v == KR_TRUE)
        return kr_small(1);
    if (v == KR_FALSE)
        return kr_small(0);
    return KR_NULL;
}

bool kr_is_int(kr_vm *vm, kr_value v)
{
    return kr_int_value(vm, v) != KR_NULL;
}

mpz_srcptr kr_int_view(kr_value core, mpz_ptr storage, mp_limb_t *limb)
{
    if (kr_is_small(core)) {
        int64_t n = kr_small_val(core);
        *limb = n < 0 ? (mp_limb_t)(0 - (uint64_t)n) : (mp_limb_t)n;
        return mpz_roinit_n(storage, limb, n < 0 ? -1 : (n > 0 ? 1 : 0));
    }
    kr_bigint *b = KR_AS(kr_bigint, core);
    return mpz_roinit_n(storage, (const mp_limb_t *)b->limbs, (mp_size_t)b->size);
}

static kr_value bigint_alloc(kr_vm *vm, size_t nlimbs, bool negative, const mp_limb_t *limbs)
{
    kr_bigint *b = kr_gc_alloc_body(vm, vm->t.int_, sizeof(kr_bigint) + nlimbs * sizeof(uint64_t));
    if (!b)
        return KR_NULL;
    b->size = negative ? -(int64_t)nlimbs : (int64_t)nlimbs;
    memcpy(b->limbs, limbs, nlimbs * sizeof(uint64_t));
    return KR_VAL(b);
}

/* The small int of a magnitude of at most one limb, or KR_NULL when it does not fit one. */
static kr_value small_of_limb(size_t n, bool negative, uint64_t l)
{
    if (n == 0)
        return kr_small(0);
    if (n == 1) {
        if (!negative && l <= (uint64_t)KR_SMALL_MAX)
            return kr_small((int64_t)l);
        if (negative && l <= (uint64_t)KR_SMALL_MAX + 1)
            return kr_small(-(int64_t)l);
    }
    return KR_NULL;
}

/* The normalised int of a magnitude of n limbs (no high zero limb) and a sign. */
static kr_value int_from_limbs(kr_vm *vm, const mp_limb_t *limbs, size_t n, bool negative)
{
    kr_value v = small_of_limb(n, negative, n ? limbs[0] : 0);
    return v != KR_NULL ? v : bigint_alloc(vm, n, negative, limbs);
}

kr_value kr_int_from_mpz(kr_vm *vm, mpz_srcptr z)
{
    return int_from_limbs(vm, mpz_limbs_read(z), mpz_size(z), mpz_sgn(z) < 0);
}

/* Clear the temporary and return the normalised result. */
static kr_value from_tmp(kr_vm *vm, mpz_t r)
{
    kr_value v = kr_int_from_mpz(vm, r);
    mpz_clear(r);
    return v;
}

kr_value kr_int_from_i64(kr_vm *vm, int64_t n)
{
    if (kr_fits_small(n))
        return kr_small(n);
    mp_limb_t l = n < 0 ? (mp_limb_t)(0 - (uint64_t)n) : (mp_limb_t)n;
    return bigint_alloc(vm, 1, n < 0, &l);
}

kr_value kr_int_from_u64(kr_vm *vm, uint64_t n)
{
    if (n <= (uint64_t)KR_SMALL_MAX)
        return kr_small((int64_t)n);
    mp_limb_t l = n;
    return bigint_alloc(vm, 1, false, &l);
}

int kr_int_sign(kr_value v)
{
    if (kr_is_small(v)) {
        int64_t n = kr_small_val(v);
        return (n > 0) - (n < 0);
    }
    if (v == KR_TRUE)
        return 1;
    if (!kr_is_ptr(v))
        return 0;
    /* A kr_bigint (never zero); int-subclass instances are unwrapped by callers that pass them. */
    return KR_AS(kr_bigint, v)->size < 0 ? -1 : 1;
}

static uint64_t bits_u64(uint64_t u)
{
    return u ? 64u - (uint64_t)__builtin_clzll(u) : 0;
}

int64_t kr_int_bit_length_core(kr_value core)
{
    if (kr_is_small(core)) {
        int64_t n = kr_small_val(core);
        return (int64_t)bits_u64(n < 0 ? 0 - (uint64_t)n : (uint64_t)n);
    }
    kr_bigint *b = KR_AS(kr_bigint, core);
    int64_t nl = b->size < 0 ? -b->size : b->size;
    return (nl - 1) * 64 + (int64_t)bits_u64(b->limbs[nl - 1]);
}

int kr_int_to_i64(kr_vm *vm, kr_value v, int64_t *out)
{
    kr_value c = kr_int_value(vm, v);
    if (c == KR_NULL) {
        kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer", kr_typename(vm, v));
        return -1;
    }
    if (kr_is_small(c)) {
        *out = kr_small_val(c);
        return 0;
    }
    kr_bigint *b = KR_AS(kr_bigint, c);
    if (b->size == 1 && b->limbs[0] <= (uint64_t)INT64_MAX) {
        *out = (int64_t)b->limbs[0];
        return 0;
    }
    if (b->size == -1 && b->limbs[0] <= (uint64_t)INT64_MAX + 1) {
        *out = (int64_t)(0 - b->limbs[0]);
        return 0;
    }
    kr_raise(vm, KR_EXC(vm, OverflowError), "Python int too large to convert to C long");
    return -1;
}

/* Round a 64-bit mantissa q (with `sticky` = some nonzero bits below it) half-to-even after dropping
 * `drop` low bits, then scale by 2**exp2. Correct rounding for every int -> float conversion here. */
static double round_mantissa(uint64_t q, bool sticky, int drop, long exp2)
{
    if (drop > 0) {
        uint64_t mask = ((uint64_t)1 << drop) - 1, half = (uint64_t)1 << (drop - 1);
        uint64_t low = q & mask;
        q >>= drop;
        if (low > half || (low == half && (sticky || (q & 1))))
            q++;
    }
    return ldexp((double)q, (int)(exp2 + drop));
}

double kr_int_mpz_to_double(mpz_srcptr z, int *ovf)
{
    *ovf = 0;
    int sgn = mpz_sgn(z);
    size_t nbits = sgn == 0 ? 0 : mpz_sizeinbase(z, 2);
    if (nbits <= 63) { /* fits an int64: the C conversion rounds to nearest even */
        uint64_t u = nbits == 0 ? 0 : mpz_getlimbn(z, 0);
        return sgn < 0 ? -(double)u : (double)u;
    }
    if (nbits > DBL_MAX_EXP) {
        *ovf = 1;
        return sgn < 0 ? -HUGE_VAL : HUGE_VAL;
    }
    size_t shift = nbits - 55;
    mpz_t t;
    mpz_init(t);
    mpz_tdiv_q_2exp(t, z, shift);
    uint64_t q = mpz_getlimbn(t, 0); /* magnitude: exactly 55 bits */
    mpz_clear(t);
    bool sticky = mpz_scan1(z, 0) < shift;
    double d = round_mantissa(q, sticky, 2, (long)shift);
    if (isinf(d))
        *ovf = 1;
    return sgn < 0 ? -d : d;
}

/* Correctly rounded conversion of a core int; *ovf = 1 (result ±inf) when it is too large. */
static double core_to_double(kr_value c, int *ovf)
{
    *ovf = 0;
    if (kr_is_small(c))
        return (double)kr_small_val(c);
    mpz_t s;
    mp_limb_t l;
    return kr_int_mpz_to_double(kr_int_view(c, s, &l), ovf);
}

double kr_int_to_double(kr_vm *vm, kr_value v, int *overflow)
{
    kr_value c = kr_int_value(vm, v);
    if (c == KR_NULL) {
        kr_raise(vm, KR_EXC(vm, TypeError), "must be real number, not %s", kr_typename(vm, v));
        return -1.0;
    }
    int ovf;
    double d = core_to_double(c, &ovf);
    if (ovf) {
        if (overflow) {
            *overflow = 1;
        } else {
            kr_raise(vm, KR_EXC(vm, OverflowError), "int too large to convert to float");
            return -1.0;
        }
    } else if (overflow) {
        *overflow = 0;
    }
    return d;
}

kr_value kr_int_from_double(kr_vm *vm, double d)
{
    if (isinf(d))
        return kr_raise(vm, KR_EXC(vm, OverflowError), "cannot convert float infinity to integer");
    if (isnan(d))
        return kr_raise(vm, KR_EXC(vm, ValueError), "cannot convert float NaN to integer");
    d = trunc(d);
    if (d > -4611686018427387904.0 && d < 4611686018427387904.0) /* |d| < 2**62: small */
        return kr_small((int64_t)d);
    mpz_t r;
    mpz_init_set_d(r, d); /* exact: d is integral */
    return from_tmp(vm, r);
}

/* ---------------------------------------------------------------- str conversions */

static kr_value raise_str_digits_limit(kr_vm *vm)
{
    return kr_raise(vm, KR_EXC(vm, ValueError), "Exceeds the limit (%d digits) for integer string conversion; "
                    "use sys.set_int_max_str_digits() to increase the limit", vm->int_max_str_digits);
}

kr_value kr_int_to_str_ex(kr_vm *vm, kr_value v, int base, bool prefix)
{
    kr_value c = kr_int_value(vm, v);
    if (c == KR_NULL)
        return kr_raise(vm, KR_EXC(vm, TypeError), "'%s' object cannot be interpreted as an integer", kr_typename(vm, v));
    const char *pfx = "";
    if (prefix)
        pfx = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
    if (kr_is_small(c)) {
        int64_t n = kr_small_val(c);
        uint64_t u = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
        char buf[80];
        char *p = buf + sizeof buf;
        do {
            unsigned dgt = (unsigned)(u % (unsigned)base);
            *--p = (char)(dgt < 10 ? '0' + dgt : 'a' + dgt - 10);
            u /= (unsigned)base;
        } while (u);
        size_t pl = strlen(pfx);
        p -= pl;
        memcpy(p, pfx, pl);
        if (n < 0)
            *--p = '-';
        return kr_str_new(vm, p, (size_t)(buf + sizeof buf - p));
    }
    mpz_t s;
    mp_limb_t l;
    kr_bigint *b = KR_AS(kr_bigint, c);
    /* View of |v| so that the sign can go before the prefix. */
    mpz_srcptr z = mpz_roinit_n(s, (const mp_limb_t *)b->limbs, b->size < 0 ? -b->size : b->size);
    (void)l;
    size_t cap = mpz_sizeinbase(z, base) + 8;
    /* mpz_sizeinbase is exact or one too many: the real count is checked after the conversion */
    int limit = vm->int_max_str_digits;
    if (base == 10 && limit > 0 && cap - 8 > (size_t)limit + 1)
        return raise_str_digits_limit(vm);
    char *buf = kr_mem_alloc(vm, cap);
    if (!buf)
        return KR_NULL;
    size_t pos = 0;
    if (b->size < 0)
        buf[pos++] = '-';
    for (const char *q = pfx; *q; q++)
        buf[pos++] = *q;
    mpz_get_str(buf + pos, base, z);
    size_t len = strlen(buf);
    if (base == 10 && limit > 0 && len - (b->size < 0) > (size_t)limit) {
        kr_mem_free(vm, buf);
        return raise_str_digits_limit(vm);
    }
    kr_value r = kr_str_new(vm, buf, len);
    kr_mem_free(vm, buf);
    return r;
}

kr_value kr_int_to_str(kr_vm *vm, kr_value v, int base)
{
    return kr_int_to_str_ex(vm, v, base, base != 10);
}

static bool is_py_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* Parse int(s, base) text. Returns KR_NULL with no exception when the text is not a valid literal
 * (the caller raises with the right repr), KR_NULL with an exception on MemoryError or, when `limited`,
 * too many digits for sys.set_int_max_str_digits. base is 0 or 2..36. */
static kr_value parse_int(kr_vm *vm, const char *s, size_t len, int base, bool limited, bool *syntax_error)
{
    *syntax_error = true;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end && is_py_space(*p))
        p++;
    while (end > p && is_py_space(end[-1]))
        end--;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    if (base == 10 && end - p <= 18) {
        /* The common int("123"): plain ASCII digits that fit in 63 bits, validated and accumulated in
         * one pass; anything else (underscores, a bad character) takes the general path below. */
        uint64_t u = 0;
        const unsigned char *q = p;
        for (; q < end; q++) {
            unsigned dv = (unsigned)(*q - '0');
            if (dv > 9)
                break;
            u = u * 10 + dv;
        }
        if (q == end && q > p) {
            *syntax_error = false;
            return kr_small(neg ? -(int64_t)u : (int64_t)u);
        }
    }
    bool leading_zero_rule = false;
    if (base == 0) {
        if (end - p >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
            base = 16;
        else if (end - p >= 2 && p[0] == '0' && (p[1] == 'o' || p[1] == 'O'))
            base = 8;
        else if (end - p >= 2 && p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
            base = 2;
        else {
            base = 10;
            leading_zero_rule = p < end && *p == '0';
        }
        if (base != 10) {
            p += 2;
            if (p < end && *p == '_')
                p++;
        }
    } else if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        if ((base == 16 && c == 'x') || (base == 8 && c == 'o') || (base == 2 && c == 'b')) {
            p += 2;
            if (p < end && *p == '_')
                p++;
        }
    }
    if (p >= end)
        return KR_NULL;
    /* Validate: digits with single underscores between them. */
    size_t ndigits = 0;
    bool prev_us = true; /* an underscore may not come first */
    for (const unsigned char *q = p; q < end; q++) {
        if (*q == '_') {
            if (prev_us)
                return KR_NULL;
            prev_us = true;
            continue;
        }
        if (digit_value(*q) >= base)
            return KR_NULL;
        if (leading_zero_rule && *q != '0')
            return KR_NULL;
        prev_us = false;
        ndigits++;
    }
    if (prev_us)
        return KR_NULL;
    *syntax_error = false;
    /* power-of-two bases convert in linear time: only the others are limited (CPython) */
    if (limited && (base & (base - 1)) != 0 && vm->int_max_str_digits > 0 &&
        ndigits > (size_t)vm->int_max_str_digits)
        return kr_raise(vm, KR_EXC(vm, ValueError),
                        "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; "
                        "use sys.set_int_max_str_digits() to increase the limit", vm->int_max_str_digits, ndigits);
    /* Fast path: fits in 64 bits for sure when ndigits * log2(base) < 63. */
    unsigned bits_per = base <= 2 ? 1 : base <= 4 ? 2 : base <= 8 ? 3 : base <= 16 ? 4 : base <= 32 ? 5 : 6;
    if (ndigits * bits_per <= 62) {
        uint64_t u = 0;
        for (const unsigned char *q = p; q < end; q++)
            if (*q != '_')
                u = u * (uint64_t)base + (uint64_t)digit_value(*q);
        return kr_small(neg ? -(int64_t)u : (int64_t)u);
    }
    char *buf = kr_mem_alloc(vm, ndigits + 2);
    if (!buf)
        return KR_NULL;
    size_t k = 0;
    if (neg)
        buf[k++] = '-';
    for (const unsigned char *q = p; q < end; q++)
        if (*q != '_')
            buf[k++] = (char)*q;
    buf[k] = 0;
    mpz_t r;
    mpz_init(r);
    mpz_set_str(r, buf, base); /* validated above, cannot fail */
    kr_mem_free(vm, buf);
    return from_tmp(vm, r);
}

static kr_value raise_invalid_literal(kr_vm *vm, int base, kr_value obj)
{
    kr_value r = kr_repr(vm, obj);
    if (r == KR_NULL)
        return KR_NULL;
    const char *d = kr_str_data(r);
    int64_t n = kr_str_nbytes(r);
    if (n > 200) /* CPython truncates the repr to 200 characters */
        n = 200;
    return kr_raise(vm, KR_EXC(vm, ValueError), "invalid literal for int() with base %d: %.*s", base, (int)n, d);
}

static kr_value int_from_str(kr_vm *vm, const char *s, size_t len, int base, bool limited)
{
    if (base != 0 && (base < 2 || base > 36))
        return kr_raise(vm, KR_EXC(vm, ValueError), "int() base must be >= 2 and <= 36, or 0");
    bool bad;
    kr_value v = parse_int(vm, s, len, base, limited, &bad);
    if (v == KR_NULL && bad) {
        kr_value so = kr_str_new(vm, s, len);
        if (so == KR_NULL)
            return KR_NULL;
        return raise_invalid_literal(vm, base, so);
    }
    return v;
}

kr_value kr_int_from_str(kr_vm *vm, const char *s, size_t len, int base)
{
    return int_from_str(vm, s, len, base, true);
}

kr_value kr_int_from_literal(kr_vm *vm, const char *s, size_t len, int base)
{
    return int_from_str(vm, s, len, base, false);
}

/* ---------------------------------------------------------------- arithmetic */

static kr_value no_memory(kr_vm *vm)
{
    return kr_raise_nomemory(vm);
}

#define VIEW2(a, b)                                                                                    \
    mpz_t s_##a, s_##b;                                                                                \
    mp_limb_t l_##a, l_##b;                                                                            \
    mpz_srcptr z##a = kr_int_view(a, s_##a, &l_##a);                                                   \
    mpz_srcptr z##b = kr_int_view(b, s_##b, &l_##b)

/* ---- the mpn paths: results computed in place in the object that will hold them ----
 *
 * Before, every result went through a temporary mpz_t in GMP's (process-wide, malloc) heap and was
 * copied into a fresh kr_bigint: two allocations of every result size, one of them in a heap whose pages
 * the collector's pacing never sees, and a memcpy of every result (bigint_alloc's memcpy was 11% of
 * perf/bench/pidigits). Now the result object is allocated first, with the upper bound of the result's
 * limbs, and mpn writes into it. The object is young and unreachable until returned, and nothing between
 * its allocation and int_dest_finish allocates or reaches a safepoint, so the operands (which it never
 * overlaps) stay where they are. */

/* The magnitude of a core int: its limbs (a small int's through *limb) and their count, no high zero
 * limb (0 limbs for zero). */
typedef struct int_mag {
    const mp_limb_t *d;
    size_t n;
    bool neg;
    mp_limb_t limb;
} int_mag;

static void int_mag_of(kr_value c, int_mag *m)
{
    if (kr_is_small(c)) {
        int64_t v = kr_small_val(c);
        m->neg = v < 0;
        m->limb = v < 0 ? (mp_limb_t)(0 - (uint64_t)v) : (mp_limb_t)v;
        m->n = v != 0;
        m->d = &m->limb;
        return;
    }
    kr_bigint *b = KR_AS(kr_bigint, c);
    m->neg = b->size < 0;
    m->n = (size_t)(b->size < 0 ? -b->size : b->size);
    m->d = (const mp_limb_t *)b->limbs;
}

/* Exchanges two magnitudes; a small int's limb moves with it, so its pointer is redirected. */
static void int_mag_swap(int_mag *x, int_mag *y)
{
    int_mag t = *x;
    *x = *y;
    *y = t;
    if (x->d == &y->limb)
        x->d = &x->limb;
    if (y->d == &x->limb)
        y->d = &y->limb;
}

/* |a| <=> |b| */
static int int_mag_cmp(const int_mag *a, const int_mag *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    return a->n ? mpn_cmp(a->d, b->d, (mp_size_t)a->n) : 0;
}

/* Where an mpn result goes: a new big int with room for `cap` limbs, or, when the bound is at most
 * INT_DEST_LOCAL limbs (a quotient of two numbers of about the same length, a sum of two small ints'
 * magnitudes), a local buffer that int_dest_finish converts (most such results are small ints, which
 * need no object at all). */
enum { INT_DEST_LOCAL = 2 };
typedef struct int_dest {
    kr_bigint *obj;
    mp_limb_t *d;
    size_t cap;
    mp_limb_t local[INT_DEST_LOCAL];
} int_dest;

/* Room for `cap` limbs (cap >= 1) at dst->d; false with MemoryError pending. */
static bool int_dest_init(kr_vm *vm, int_dest *dst, size_t cap)
{
    dst->cap = cap;
    if (cap <= INT_DEST_LOCAL) {
        dst->obj = NULL;
        dst->d = dst->local;
        return true;
    }
    if (cap > KR_INT_MAX_BITS / 64 + 2) {
        no_memory(vm);
        return false;
    }
    dst->obj = kr_gc_alloc_body(vm, vm->t.int_, sizeof(kr_bigint) + cap * sizeof(uint64_t));
    if (!dst->obj)
        return false;
    dst->obj->size = 0; /* a valid (dead) value until finished */
    dst->d = (mp_limb_t *)dst->obj->limbs;
    return true;
}

/* The int of the first n limbs written at dst->d (high zero limbs allowed) with the sign `negative`.
 * A result much shorter than its object's room (at least 4 limbs and half of it unused: a difference
 * of nearly equal numbers) is copied into an exact one, so that cancellation does not keep the bound's
 * bytes alive for the life of the value; the oversized object is young garbage then. */
static kr_value int_dest_finish(kr_vm *vm, int_dest *dst, size_t n, bool negative)
{
    while (n && dst->d[n - 1] == 0)
        n--;
    kr_value v = small_of_limb(n, negative, n ? dst->d[0] : 0);
    if (v != KR_NULL)
        return v;
    if (!dst->obj || (dst->cap - n >= 4 && n < dst->cap / 2))
        return bigint_alloc(vm, n, negative, dst->d);
    dst->obj->size = negative ? -(int64_t)n : (int64_t)n;
    return KR_VAL(dst->obj);
}

/* a + b when sub is false, a - b when it is true; not both small. */
static kr_value int_addsub_mpn(kr_vm *vm, kr_value a, kr_value b, bool sub)
{
    int_mag x, y;
    int_mag_of(a, &x);
    int_mag_of(b, &y);
    if (sub)
        y.neg = !y.neg;
    if (y.n == 0) /* b is zero: a itself */
        return a;
    if (x.n == 0) /* a is zero: +-b (-b of a big int may be small: -(2**62)) */
        return sub ? int_from_limbs(vm, y.d, y.n, y.neg) : b;
    if (x.n < y.n || (x.neg != y.neg && int_mag_cmp(&x, &y) < 0))
        int_mag_swap(&x, &y); /* the longer (for a difference, the larger) first, as mpn_add / mpn_sub require */
    int_dest dst;
    if (x.neg == y.neg) {
        if (!int_dest_init(vm, &dst, x.n + 1))
            return KR_NULL;
        dst.d[x.n] = mpn_add(dst.d, x.d, (mp_size_t)x.n, y.d, (mp_size_t)y.n);
        return int_dest_finish(vm, &dst, x.n + 1, x.neg);
    }
    if (x.n == y.n && mpn_cmp(x.d, y.d, (mp_size_t)x.n) == 0)
        return kr_small(0);
    if (!int_dest_init(vm, &dst, x.n))
        return KR_NULL;
    mpn_sub(dst.d, x.d, (mp_size_t)x.n, y.d, (mp_size_t)y.n); /* no borrow: |x| > |y| */
    return int_dest_finish(vm, &dst, x.n, x.neg);
}

static kr_value int_add(kr_vm *vm, kr_value a, kr_value b)
{
    if (kr_is_small(a) && kr_is_small(b))
        return kr_int_from_i64(vm, kr_small_val(a) + kr_small_val(b));
    return int_addsub_mpn(vm, a, b, false);
}

static kr_value int_sub(kr_vm *vm, kr_value a, kr_value b)
{
    if (kr_is_small(a) && kr_is_small(b))
        return kr_int_from_i64(vm, kr_small_val(a) - kr_small_val(b));
    return int_addsub_mpn(vm, a, b, true);
}

static kr_value int_mul(kr_vm *vm, kr_value a, kr_value b)
{
    if (kr_is_small(a) && kr_is_small(b)) {
        int64_t r;
        if (!__builtin_mul_overflow(kr_small_val(a), kr_small_val(b), &r))
            return kr_int_from_i64(vm, r);
    }
    if ((uint64_t)kr_int_bit_length_core(a) + (uint64_t)kr_int_bit_length_core(b) > KR_INT_MAX_BITS)
        return no_memory(vm);
    int_mag x, y;
    int_mag_of(a, &x);
    int_mag_of(b, &y);
    if (x.n == 0 || y.n == 0)
        return kr_small(0);
    bool square = a == b;
    if (x.n < y.n)
        int_mag_swap(&x, &y); /* mpn_mul: the longer first */
    int_dest dst;
    if (!int_dest_init(vm, &dst, x.n + y.n))
        return KR_NULL;
    if (square)
        mpn_sqr(dst.d, x.d, (mp_size_t)x.n);
    else
        mpn_mul(dst.d, x.d, (mp_size_t)x.n, y.d, (mp_size_t)y.n);
    return int_dest_finish(vm, &dst, x.n + y.n, x.neg != y.neg);
}

static bool core_is_zero(kr_value c)
{
    return c == kr_small(0);
}

/* Floor division and modulo in place (the mpn paths above): *qo = a // b and *ro = a % b, each only
 * when asked for (the other is computed into scratch). 1 when done, 0 when |a| has fewer limbs than |b|
 * (the caller's mpz path handles that rare case), -1 with MemoryError pending. b is not zero. */
/* Up to 32 KB of scratch on the stack, as GMP's own TMP_ALLOC takes (below 0x7f00 bytes): a malloc'd
 * block of every divisor size came and went in the C heap at each division, and a block over 16 KB takes
 * a 512 KB mimalloc page, which the heap's reuse of freed (still resident) memory made resident whole
 * (perf/bench/pidigits' late phase: +0.5 MB of peak RSS). */
enum { INT_SCRATCH_LIMBS = 4096 };
static int int_divmod_mpn(kr_vm *vm, kr_value a, kr_value b, kr_value *qo, kr_value *ro)
{
    int_mag x, y;
    int_mag_of(a, &x);
    int_mag_of(b, &y);
    if (x.n < y.n)
        return 0;
    size_t qn = x.n - y.n + 1;
    /* scratch for the part not asked for: on the stack when short, else malloc (GMP's own scratch
     * comes from the C heap too) */
    mp_limb_t local[INT_SCRATCH_LIMBS], *heap = NULL;
    size_t scratch = qo ? y.n : qn + 1;
    if (!qo || !ro) {
        if (scratch > INT_SCRATCH_LIMBS && !(heap = malloc(scratch * sizeof *heap))) {
            no_memory(vm);
            return -1;
        }
    }
    mp_limb_t *sp = heap ? heap : local;
    int_dest qd, rd;
    mp_limb_t *qp = sp, *rp = sp;
    /* the quotient gets a limb more than mpn writes: the floor adjustment may carry into it */
    if ((qo && !int_dest_init(vm, &qd, qn + 1)) || (ro && !int_dest_init(vm, &rd, y.n))) {
        free(heap);
        return -1;
    }
    if (qo)
        qp = qd.d;
    if (ro)
        rp = rd.d;
    mpn_tdiv_qr(qp, rp, 0, x.d, (mp_size_t)x.n, y.d, (mp_size_t)y.n);
    qp[qn] = 0;
    size_t rn = y.n;
    while (rn && rp[rn - 1] == 0)
        rn--;
    if (x.neg != y.neg && rn) {
        /* truncation rounded toward zero: floor is one further from zero, and the remainder, which
         * takes the divisor's sign, is |b| - |r| */
        qp[qn] = mpn_add_1(qp, qp, (mp_size_t)qn, 1);
        mpn_sub_n(rp, y.d, rp, (mp_size_t)y.n);
    }
    bool ok = true;
    if (qo)
        ok = (*qo = int_dest_finish(vm, &qd, qn + 1, x.neg != y.neg)) != KR_NULL;
    if (ro && ok)
        ok = (*ro = int_dest_finish(vm, &rd, y.n, y.neg)) != KR_NULL;
    free(heap);
    return ok ? 1 : -1;
}

/* Python floor division and modulo: the remainder has the sign of the divisor. */
static kr_value int_floordiv(kr_vm *vm, kr_value a, kr_value b)
{
    if (core_is_zero(b))
        return kr_raise(vm, KR_EXC(vm, ZeroDivisionError), "integer division or modulo by zero");
    if (kr_is_small(a) && kr_is_small(b)) {
        int64_t x = kr_small_val(a), y = kr_small_val(b);
        int64_t q = x / y, r = x % y; /* no overflow: |x| < 2**62 */
        if (r != 0 && ((r ^ y) < 0))
            q--;
        return kr_int_from_i64(vm, q);
    }
    kr_value q;
    int rc = int_divmod_mpn(vm, a, b, &q, NULL);
    if (rc)
        return rc > 0 ? q : KR_NULL;
    VIEW2(a, b);
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_q(r, za, zb);
    return from_tmp(vm, r);
}

static kr_value int_mod(kr_vm *vm, kr_value a, kr_value b)
{
    if (core_is_zero(b))
        return kr_raise(vm, KR_EXC(vm, ZeroDivisionError), "integer modulo by zero");
    if (kr_is_small(a) && kr_is_small(b)) {
        int64_t x = kr_small_val(a), y = kr_small_val(b);
        int64_t r = x % y;
        if (r != 0 && ((r ^ y) < 0))
            r += y;
        return kr_small(r);
    }
    kr_value m;
    int rc = int_divmod_mpn(vm, a, b, NULL, &m);
    if (rc)
        return rc > 0 ? m : KR_NULL;
    VIEW2(a, b);
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_r(r, za, zb);
    return from_tmp(vm, r);
}

static kr_value int_divmod_core(kr_vm *vm, kr_value a, kr_value b)
{
    if (core_is_zero(b))
        return kr_raise(vm, KR_EXC(vm, ZeroDivisionError), "integer division or modulo by zero");
    kr_value q, r;
    if (kr_is_small(a) && kr_is_small(b)) {
        int64_t x = kr_small_val(a), y = kr_small_val(b);
        int64_t qq = x / y, rr = x % y;
        if (rr != 0 && ((rr ^ y) < 0)) {
            qq--;
            rr += y;
        }
        q = kr_int_from_i64(vm, qq);
        r = kr_small(rr);
    } else {
        int rc = int_divmod_mpn(vm, a, b, &q, &r);
        if (rc < 0)
            return KR_NULL;
        if (rc > 0)
            return kr_tuple_pack(vm, 2, q, r);
        VIEW2(a, b);
        mpz_t tq, tr;
        mpz_init(tq);
        mpz_init(tr);
        mpz_fdiv_qr(tq, tr, za, zb);
        q = from_tmp(vm, tq);
        r = from_tmp(vm, tr);
    }
    if (q == KR_NULL || r == KR_NULL)
        return KR_NULL;
    return kr_tuple_pack(vm, 2, q, r);
}

/* Correctly rounded a / b (CPython's long_true_divide semantics). */
static kr_value int_truediv(kr_vm *vm, kr_value a, kr_value b)
{
    if (core_is_zero(b))
        return kr_raise(vm, KR_EXC(vm, ZeroDivisionError), "division by zero");
    if (kr_is_small(a) && kr_is_small(b)) {
        int64_t x = kr_small_val(a), y = kr_small_val(b);
        const int64_t lim = (int64_t)1 << 53;
        if (x >= -lim && x <= lim && y >= -lim && y <= lim) /* both exact doubles: one rounding */
            return kr_float_new(vm, (double)x / (double)y);
    }
    VIEW2(a, b);
    bool negate = (mpz_sgn(za) < 0) != (mpz_sgn(zb) < 0);
    if (mpz_sgn(za) == 0)
        return kr_float_new(vm, negate ? -0.0 : 0.0);
    long na = (long)mpz_sizeinbase(za, 2), nb = (long)mpz_sizeinbase(zb, 2);
    long e = na - nb; /* |a/b| in (2**(e-1), 2**(e+1)) */
    if (e > DBL_MAX_EXP + 1)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "integer division result too large for a float");
    if (e < DBL_MIN_EXP - DBL_MANT_DIG - 3) /* below half the smallest subnormal */
        return kr_float_new(vm, negate ? -0.0 : 0.0);
    /* q = floor(|a| * 2**s / |b|) has 55-56 bits (or fewer for subnormal results, where s is capped so
     * that the unit in the last place, 2**-1074, is bit 2 of q). */
    long s = 55 - e;
    if (s > 1076)
        s = 1076;
    mpz_t num, den, q, r;
    mpz_init(num);
    mpz_init(den);
    mpz_init(q);
    mpz_init(r);
    mpz_abs(num, za);
    mpz_abs(den, zb);
    if (s >= 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)s);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-s);
    mpz_tdiv_qr(q, r, num, den);
    uint64_t qq = mpz_getlimbn(q, 0);
    bool sticky = mpz_sgn(r) != 0;
    mpz_clear(num);
    mpz_clear(den);
    mpz_clear(q);
    mpz_clear(r);
    int qbits = (int)bits_u64(qq);
    int drop = qbits - DBL_MANT_DIG;
    if (s - 1074 > drop)
        drop = (int)(s - 1074);
    if (drop < 0)
        drop = 0;
    double d = round_mantissa(qq, sticky, drop, -s);
    if (isinf(d))
        return kr_raise(vm, KR_EXC(vm, OverflowError), "integer division result too large for a float");
    return kr_float_new(vm, negate ? -d : d);
}

static kr_value int_pow_neg(kr_vm *vm, kr_value a, kr_value b)
{
    /* A negative exponent gives a float, computed by float's power (CPython does the same). */
    int ovf;
    double x = core_to_double(a, &ovf);
    if (ovf)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "int too large to convert to float");
    double y = core_to_double(b, &ovf);
    if (ovf)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "int too large to convert to float");
    double r;
    if (kr_float_pow_d(vm, x, y, &r) < 0)
        return KR_NULL;
    return kr_float_new(vm, r);
}

static kr_value int_pow(kr_vm *vm, kr_value a, kr_value b)
{
    if (kr_int_sign(b) < 0)
        return int_pow_neg(vm, a, b);
    if (kr_is_small(a) && kr_is_small(b)) {
        int64_t x = kr_small_val(a), e = kr_small_val(b), r = 1;
        bool ok = true;
        int64_t base = x;
        while (e > 0) {
            if (e & 1) {
                if (__builtin_mul_overflow(r, base, &r)) {
                    ok = false;
                    break;
                }
            }
            e >>= 1;
            if (e > 0 && __builtin_mul_overflow(base, base, &base)) {
                ok = false;
                break;
            }
        }
        if (ok)
            return kr_int_from_i64(vm, r);
    }
    /* Bases whose powers stay small whatever the exponent. */
    if (a == kr_small(0) || a == kr_small(1))
        return b == kr_small(0) ? kr_small(1) : a;
    if (a == kr_small(-1)) {
        mpz_t s;
        mp_limb_t l;
        return mpz_odd_p(kr_int_view(b, s, &l)) ? a : kr_small(1);
    }
    if (!kr_is_small(b))
        return no_memory(vm);
    uint64_t e = (uint64_t)kr_small_val(b);
    uint64_t abits = (uint64_t)kr_int_bit_length_core(a);
    if (e > KR_INT_MAX_BITS || (abits - 1) * e > KR_INT_MAX_BITS)
        return no_memory(vm);
    mpz_t s;
    mp_limb_t l;
    mpz_srcptr za = kr_int_view(a, s, &l);
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, za, (unsigned long)e);
    return from_tmp(vm, r);
}

kr_value kr_int_pow3(kr_vm *vm, kr_value av, kr_value bv, kr_value mv)
{
    if (mv == KR_NONE)
        return kr_int_binop(vm, KR_OP_POW, av, bv);
    kr_value a = kr_int_value(vm, av), b = kr_int_value(vm, bv), m = kr_int_value(vm, mv);
    if (a == KR_NULL || b == KR_NULL || m == KR_NULL)
        return KR_NOTIMPL;
    if (core_is_zero(m))
        return kr_raise(vm, KR_EXC(vm, ValueError), "pow() 3rd argument cannot be 0");
    mpz_t sa, sb, sm;
    mp_limb_t la, lb, lm;
    mpz_srcptr za = kr_int_view(a, sa, &la), zb = kr_int_view(b, sb, &lb), zm = kr_int_view(m, sm, &lm);
    mpz_t am, base, r;
    mpz_init(am);
    mpz_abs(am, zm);
    mpz_init(r);
    if (mpz_cmp_ui(am, 1) == 0) {
        mpz_clear(am);
        return from_tmp(vm, r); /* everything is 0 modulo 1 */
    }
    mpz_init(base);
    if (mpz_sgn(zb) < 0) {
        if (!mpz_invert(base, za, am)) {
            mpz_clear(am);
            mpz_clear(base);
            mpz_clear(r);
            return kr_raise(vm, KR_EXC(vm, ValueError), "base is not invertible for the given modulus");
        }
        mpz_t e;
        mpz_init(e);
        mpz_neg(e, zb);
        mpz_powm(r, base, e, am);
        mpz_clear(e);
    } else {
        mpz_powm(r, za, zb, am); /* r in [0, |m|) */
    }
    if (mpz_sgn(zm) < 0 && mpz_sgn(r) != 0)
        mpz_sub(r, r, am); /* Python: the result has the sign of the modulus */
    mpz_clear(am);
    mpz_clear(base);
    return from_tmp(vm, r);
}

static kr_value int_shift(kr_vm *vm, kr_value a, kr_value b, bool left)
{
    if (kr_int_sign(b) < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "negative shift count");
    if (core_is_zero(a))
        return a;
    if (!kr_is_small(b)) {
        if (left)
            return kr_raise(vm, KR_EXC(vm, OverflowError), "too many digits in integer");
        return kr_small(kr_int_sign(a) < 0 ? -1 : 0);
    }
    int64_t n = kr_small_val(b);
    if (kr_is_small(a)) {
        int64_t x = kr_small_val(a);
        if (!left)
            return kr_small(n >= 63 ? (x < 0 ? -1 : 0) : (x >> n));
        if (n < 63) {
            int64_t r = (int64_t)((uint64_t)x << n);
            if ((r >> n) == x && kr_fits_small(r))
                return kr_small(r);
        }
    }
    mpz_t s;
    mp_limb_t l;
    mpz_srcptr za = kr_int_view(a, s, &l);
    mpz_t r;
    if (left) {
        if ((uint64_t)n + (uint64_t)kr_int_bit_length_core(a) > KR_INT_MAX_BITS)
            return no_memory(vm);
        mpz_init(r);
        mpz_mul_2exp(r, za, (mp_bitcnt_t)n);
    } else {
        mpz_init(r);
        mpz_fdiv_q_2exp(r, za, (mp_bitcnt_t)n); /* floor: -1 >> n == -1 */
    }
    return from_tmp(vm, r);
}

static kr_value int_bitop(kr_vm *vm, int op, kr_value a, kr_value b)
{
    if (kr_is_small(a) && kr_is_small(b)) {
        /* int64 is two's complement, which is Python's semantics for negative operands. */
        int64_t x = kr_small_val(a), y = kr_small_val(b);
        return kr_small(op == KR_OP_AND ? (x & y) : op == KR_OP_OR ? (x | y) : (x ^ y));
    }
    /* GMP's logical functions use two's complement semantics for negative numbers, like Python. */
    VIEW2(a, b);
    mpz_t r;
    mpz_init(r);
    if (op == KR_OP_AND)
        mpz_and(r, za, zb);
    else if (op == KR_OP_OR)
        mpz_ior(r, za, zb);
    else
        mpz_xor(r, za, zb);
    return from_tmp(vm, r);
}

kr_value kr_int_binop(kr_vm *vm, int op, kr_value av, kr_value bv)
{
    kr_value a = kr_int_value(vm, av);
    if (a == KR_NULL)
        return KR_NOTIMPL;
    kr_value b = kr_int_value(vm, bv);
    if (b == KR_NULL)
        return KR_NOTIMPL;
    switch (op) {
    case KR_OP_ADD: return int_add(vm, a, b);
    case KR_OP_SUB: return int_sub(vm, a, b);
    case KR_OP_MUL: return int_mul(vm, a, b);
    case KR_OP_TRUEDIV: return int_truediv(vm, a, b);
    case KR_OP_FLOORDIV: return int_floordiv(vm, a, b);
    case KR_OP_MOD: return int_mod(vm, a, b);
    case KR_OP_POW: return int_pow(vm, a, b);
    case KR_OP_LSHIFT: return int_shift(vm, a, b, true);
    case KR_OP_RSHIFT: return int_shift(vm, a, b, false);
    case KR_OP_AND:
    case KR_OP_OR:
    case KR_OP_XOR: return int_bitop(vm, op, a, b);
    default: return KR_NOTIMPL;
    }
}

kr_value kr_int_divmod(kr_vm *vm, kr_value av, kr_value bv)
{
    kr_value a = kr_int_value(vm, av), b = kr_int_value(vm, bv);
    if (a == KR_NULL || b == KR_NULL)
        return KR_NOTIMPL;
    return int_divmod_core(vm, a, b);
}

kr_value kr_int_neg(kr_vm *vm, kr_value av)
{
    kr_value a = kr_int_value(vm, av);
    if (a == KR_NULL)
        return KR_NOTIMPL;
    if (kr_is_small(a))
        return kr_int_from_i64(vm, -kr_small_val(a));
    kr_bigint *b = KR_AS(kr_bigint, a);
    size_t n = (size_t)(b->size < 0 ? -b->size : b->size);
    /* -(2**62) is small: normalise through from_mpz. */
    mpz_t s;
    mpz_srcptr z = mpz_roinit_n(s, (const mp_limb_t *)b->limbs, -b->size);
    (void)n;
    return kr_int_from_mpz(vm, z);
}

kr_value kr_int_abs(kr_vm *vm, kr_value av)
{
    kr_value a = kr_int_value(vm, av);
    if (a == KR_NULL)
        return KR_NOTIMPL;
    return kr_int_sign(a) < 0 ? kr_int_neg(vm, a) : a;
}

static kr_value int_invert(kr_vm *vm, kr_value av)
{
    kr_value a = kr_int_value(vm, av);
    if (a == KR_NULL)
        return KR_NOTIMPL;
    if (kr_is_small(a))
        return kr_small(~kr_small_val(a)); /* ~x = -x-1 stays in the small range */
    mpz_t s;
    mp_limb_t l;
    mpz_srcptr z = kr_int_view(a, s, &l);
    mpz_t r;
    mpz_init(r);
    mpz_com(r, z);
    return from_tmp(vm, r);
}

static kr_value int_pos(kr_vm *vm, kr_value a)
{
    kr_value c = kr_int_value(vm, a);
    return c == KR_NULL ? KR_NOTIMPL : c;
}

/* ---------------------------------------------------------------- comparison and hashing */

int kr_int_cmp(kr_value a, kr_value b)
{
    if (kr_is_small(a) && kr_is_small(b)) {
        int64_t x = kr_small_val(a), y = kr_small_val(b);
        return (x > y) - (x < y);
    }
    VIEW2(a, b);
    int c = mpz_cmp(za, zb);
    return (c > 0) - (c < 0);
}

int kr_int_cmp_double(kr_value a, double d)
{
    if (isnan(d))
        return 2;
    if (kr_is_small(a)) {
        int64_t x = kr_small_val(a);
        const int64_t lim = (int64_t)1 << 53;
        if (x >= -lim && x <= lim) {
            double xd = (double)x;
            return (xd > d) - (xd < d);
        }
    }
    mpz_t s;
    mp_limb_t l;
    mpz_srcptr z = kr_int_view(a, s, &l);
    int c = mpz_cmp_d(z, d); /* exact, and defined for infinities */
    return (c > 0) - (c < 0);
}

static bool cmp_result(int c, int op)
{
    switch (op) {
    case KR_CMP_LT: return c < 0;
    case KR_CMP_LE: return c <= 0;
    case KR_CMP_EQ: return c == 0;
    case KR_CMP_NE: return c != 0;
    case KR_CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

static kr_value int_richcompare(kr_vm *vm, kr_value av, kr_value bv, int op)
{
    kr_value a = kr_int_value(vm, av);
    if (a == KR_NULL)
        return KR_NOTIMPL;
    kr_value b = kr_int_value(vm, bv);
    if (b != KR_NULL)
        return kr_bool(cmp_result(kr_int_cmp(a, b), op));
    /* int vs float is float's to decide (as in CPython: int.__eq__(1, 1.0) is NotImplemented). */
    return KR_NOTIMPL;
}

int64_t kr_int_hash(kr_value c)
{
    uint64_t u;
    int sgn;
    if (kr_is_small(c)) {
        int64_t n = kr_small_val(c);
        sgn = n < 0 ? -1 : 1;
        u = (n < 0 ? 0 - (uint64_t)n : (uint64_t)n) % HASH_MODULUS;
    } else {
        mpz_t s;
        mp_limb_t l;
        mpz_srcptr z = kr_int_view(c, s, &l);
        sgn = mpz_sgn(z);
        u = mpz_tdiv_ui(z, HASH_MODULUS); /* |z| mod P */
    }
    int64_t h = sgn < 0 ? -(int64_t)u : (int64_t)u;
    return h == -1 ? -2 : h;
}

static int64_t int_hash_slot(kr_vm *vm, kr_value v)
{
    return kr_int_hash(kr_int_value(vm, v));
}

/* ---------------------------------------------------------------- type slots */

static kr_value int_repr(kr_vm *vm, kr_value v)
{
    return kr_int_to_str_ex(vm, v, 10, false);
}

static int int_bool(kr_vm *vm, kr_value v)
{
    return !core_is_zero(kr_int_value(vm, v));
}

static kr_value int_index(kr_vm *vm, kr_value v)
{
    return kr_int_value(vm, v);
}

static kr_value int_pow3_slot(kr_vm *vm, kr_value a, kr_value b, kr_value m)
{
    return kr_int_pow3(vm, a, b, m);
}

#define BINOP_SLOT(name, OP) \
    static kr_value name(kr_vm *vm, kr_value a, kr_value b) { return kr_int_binop(vm, OP, a, b); }
BINOP_SLOT(int_add_slot, KR_OP_ADD)
BINOP_SLOT(int_sub_slot, KR_OP_SUB)
BINOP_SLOT(int_mul_slot, KR_OP_MUL)
BINOP_SLOT(int_truediv_slot, KR_OP_TRUEDIV)
BINOP_SLOT(int_floordiv_slot, KR_OP_FLOORDIV)
BINOP_SLOT(int_mod_slot, KR_OP_MOD)
BINOP_SLOT(int_pow_slot, KR_OP_POW)
BINOP_SLOT(int_lshift_slot, KR_OP_LSHIFT)
BINOP_SLOT(int_rshift_slot, KR_OP_RSHIFT)
BINOP_SLOT(int_and_slot, KR_OP_AND)
BINOP_SLOT(int_or_slot, KR_OP_OR)
BINOP_SLOT(int_xor_slot, KR_OP_XOR)

static bool is_bytes_like(kr_vm *vm, kr_value v, const uint8_t **data, size_t *n)
{
    if (!kr_is_ptr(v))
        return false;
    kr_type *t = KR_OBJ(v)->type;
    if (vm->t.bytes && (t == vm->t.bytes || kr_type_is_subtype(t, vm->t.bytes))) {
        *data = KR_AS(kr_bytes, v)->data;
        *n = (size_t)KR_AS(kr_bytes, v)->size;
        return true;
    }
    if (vm->t.bytearray && (t == vm->t.bytearray || kr_type_is_subtype(t, vm->t.bytearray))) {
        *data = KR_AS(kr_bytearray, v)->data;
        *n = (size_t)KR_AS(kr_bytearray, v)->size;
        return true;
    }
    return false;
}

/* Call type(x).<name>(x) when the type defines it; *found = false otherwise. */
static kr_value call_special(kr_vm *vm, kr_value x, kr_value name, bool *found)
{
    /* kr_call_special binds the method as CPython's slot lookup does: a descriptor that is not a
     * plain function (an object with __get__, e.g. unittest.mock's magic methods) has its __get__
     * called with x, and the result is called without x */
    *found = kr_type_lookup(vm, kr_type_of(vm, x), name) != KR_NULL;
    if (!*found)
        return KR_NULL;
    return kr_call_special(vm, x, name, NULL, 0);
}

/* int(x) / int(x, base) without the subclass wrapping. */
static kr_value int_from_object(kr_vm *vm, kr_value x, kr_value basev)
{
    if (x == KR_NULL) {
        if (basev != KR_NULL)
            return kr_raise(vm, KR_EXC(vm, TypeError), "int() missing string argument");
        return kr_small(0);
    }
    int64_t base = 10;
    if (basev != KR_NULL) {
        if (kr_index_i64(vm, basev, &base) < 0)
            return KR_NULL;
        if (base != 0 && (base < 2 || base > 36))
            return kr_raise(vm, KR_EXC(vm, ValueError), "int() base must be >= 2 and <= 36, or 0");
    }
    const uint8_t *data;
    size_t n;
    if (kr_is_str(vm, x) || is_bytes_like(vm, x, &data, &n)) {
        char *ascii = NULL;
        if (kr_is_str(vm, x)) {
            data = (const uint8_t *)kr_str_data(x);
            n = (size_t)kr_str_nbytes(x);
            if (kr_str_len(x) != (int64_t)n) { /* non-ASCII: Unicode digits and spaces count too */
                ascii = kr_str_number_ascii(vm, x, &n);
                if (!ascii)
                    return KR_NULL;
                data = (const uint8_t *)ascii;
            }
        }
        bool bad;
        kr_value v = parse_int(vm, (const char *)data, n, (int)base, true, &bad);
        kr_mem_free(vm, ascii);
        if (v == KR_NULL && bad)
            return raise_invalid_literal(vm, (int)base, x);
        return v;
    }
    if (basev != KR_NULL)
        return kr_raise(vm, KR_EXC(vm, TypeError), "int() can't convert non-string with explicit base");
    if (kr_is_small(x) || kr_is_bool(x) || (kr_is_ptr(x) && KR_OBJ(x)->type == vm->t.int_))
        return kr_int_value(vm, x);
    if (kr_is_ptr(x) && KR_OBJ(x)->type == vm->t.float_)
        return kr_int_from_double(vm, kr_float_value(x));
    bool found;
    static const char *const specials[] = {"__int__", "__index__", "__trunc__"};
    kr_value names[3] = {KR_NAME(vm, __int__), KR_NAME(vm, __index__), KR_NAME(vm, __trunc__)};
    for (int i = 0; i < 3; i++) {
        kr_value r = call_special(vm, x, names[i], &found);
        if (!found)
            continue;
        if (r == KR_NULL)
            return KR_NULL;
        kr_value c = kr_int_value(vm, r);
        if (c == KR_NULL) {
            if (i == 2) /* __trunc__ may return any object with __index__ */
                return kr_index(vm, r);
            return kr_raise(vm, KR_EXC(vm, TypeError), "%s returned non-int (type %s)", specials[i],
                            kr_typename(vm, r));
        }
        return c;
    }
    return kr_raise(vm, KR_EXC(vm, TypeError),
                    "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                    kr_typename(vm, x));
}

static kr_value int_wrap_subclass(kr_vm *vm, kr_type *cls, kr_value core)
{
    if (cls == vm->t.int_)
        return core;
    kr_value inst = kr_instance_new(vm, cls);
    if (inst == KR_NULL)
        return KR_NULL;
    KR_AS(kr_intsub, inst)->value = core;
    kr_gc_barrier(vm, KR_OBJ(inst), core);
    return inst;
}

static kr_value int_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"x", "base"};
    kr_value out[2];
    if (nargs == 1 && (!kwnames || kr_tuple_size(kwnames) == 0) && cls == vm->t.int_)
        return int_from_object(vm, args[0], KR_NULL); /* int(x): nothing to parse or wrap */
    if (nargs > 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "int expected at most 2 arguments, got %d", nargs);
    if (kr_args_parse(vm, "int", args, nargs, kwnames, names, 2, 0, 1, out) < 0)
        return KR_NULL;
    kr_value v = int_from_object(vm, out[0], out[1]);
    if (v == KR_NULL)
        return KR_NULL;
    return int_wrap_subclass(vm, cls, v);
}

/* Trace hook: plain big ints have no children; instances of int subclasses hold their core value. */
static void int_trace(kr_vm *vm, kr_object *self)
{
    if (self->type != vm->t.int_)
        kr_gc_mark(vm, ((kr_intsub *)self)->value);
}

/* ---------------------------------------------------------------- methods */

static kr_value self_core(kr_vm *vm, kr_value self)
{
    kr_value c = kr_int_value(vm, self);
    if (c == KR_NULL)
        kr_raise(vm, KR_EXC(vm, TypeError), "descriptor requires an 'int' object but received '%s'",
                 kr_typename(vm, self));
    return c;
}

#define NOARG_METHOD(fname, pyname, expr)                                                              \
    static kr_value fname(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)                      \
    {                                                                                                  \
        if (kr_args_method0(vm, pyname, nargs, kwnames) < 0)                                                   \
            return KR_NULL;                                                                            \
        kr_value c = self_core(vm, args[0]);                                                           \
        if (c == KR_NULL)                                                                              \
            return KR_NULL;                                                                            \
        return (expr);                                                                                 \
    }

static kr_value int_bit_count_core(kr_vm *vm, kr_value c)
{
    (void)vm;
    if (kr_is_small(c)) {
        int64_t n = kr_small_val(c);
        return kr_small(__builtin_popcountll(n < 0 ? 0 - (uint64_t)n : (uint64_t)n));
    }
    kr_bigint *b = KR_AS(kr_bigint, c);
    mpz_t s;
    mpz_srcptr z = mpz_roinit_n(s, (const mp_limb_t *)b->limbs, b->size < 0 ? -b->size : b->size);
    return kr_small((int64_t)mpz_popcount(z));
}

static kr_value int_to_float_value(kr_vm *vm, kr_value c)
{
    int ovf;
    double d = core_to_double(c, &ovf);
    if (ovf)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "int too large to convert to float");
    return kr_float_new(vm, d);
}

NOARG_METHOD(int_m_bit_length, "int.bit_length", kr_small(kr_int_bit_length_core(c)))
NOARG_METHOD(int_m_bit_count, "int.bit_count", int_bit_count_core(vm, c))
NOARG_METHOD(int_m_conjugate, "int.conjugate", c)
NOARG_METHOD(int_m_index, "int.__index__", c)
NOARG_METHOD(int_m_int, "int.__int__", c)
NOARG_METHOD(int_m_trunc, "int.__trunc__", c)
NOARG_METHOD(int_m_floor, "int.__floor__", c)
NOARG_METHOD(int_m_ceil, "int.__ceil__", c)
NOARG_METHOD(int_m_float, "int.__float__", int_to_float_value(vm, c))
NOARG_METHOD(int_m_is_integer, "int.is_integer", KR_TRUE)
NOARG_METHOD(int_m_as_integer_ratio, "int.as_integer_ratio", kr_tuple_pack(vm, 2, c, kr_small(1)))
NOARG_METHOD(int_m_getnewargs, "int.__getnewargs__", kr_tuple_pack(vm, 1, c))

static kr_value int_m_sizeof(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_method0(vm, "int.__sizeof__", nargs, kwnames) < 0)
        return KR_NULL;
    kr_value c = self_core(vm, args[0]);
    if (c == KR_NULL)
        return KR_NULL;
    /* CPython's size: 24 bytes of header plus 4 bytes per 30-bit digit (at least one). */
    int64_t bits = kr_int_bit_length_core(c);
    int64_t digits = bits == 0 ? 1 : (bits + 29) / 30;
    return kr_small(24 + 4 * digits);
}

static kr_value int_m_format(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "int.__format__", kwnames) < 0)
        return KR_NULL;
    if (nargs != 2)
        return kr_raise(vm, KR_EXC(vm, TypeError), "int.__format__() takes exactly one argument (%d given)", nargs - 1);
    kr_value c = self_core(vm, args[0]);
    if (c == KR_NULL)
        return KR_NULL;
    if (!kr_is_str(vm, args[1]))
        return kr_raise(vm, KR_EXC(vm, TypeError), "int.__format__() argument must be str, not %s",
                        kr_typename(vm, args[1]));
    /* bool and other subclasses with an empty spec format as str(self) (object.__format__ rule). */
    if (kr_str_nbytes(args[1]) == 0 && !(kr_is_small(args[0]) || (kr_is_ptr(args[0]) && KR_OBJ(args[0])->type == vm->t.int_)))
        return kr_tostr(vm, args[0]);
    return kr_format_int(vm, c, kr_str_data(args[1]), (size_t)kr_str_nbytes(args[1]));
}

/* round(int, ndigits): for negative ndigits round half to even to a multiple of 10**-ndigits. */
static kr_value int_m_round(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"ndigits"};
    kr_value nd;
    if (kr_args_parse(vm, "__round__", args + 1, nargs - 1, kwnames, names, 1, 0, 0, &nd) < 0)
        return KR_NULL;
    kr_value c = self_core(vm, args[0]);
    if (c == KR_NULL)
        return KR_NULL;
    if (nd == KR_NULL || nd == KR_NONE)
        return c;
    kr_value ndc = kr_index(vm, nd);
    if (ndc == KR_NULL)
        return KR_NULL;
    if (kr_int_sign(ndc) >= 0)
        return c;
    if (!kr_is_small(ndc) || kr_small_val(ndc) < -(int64_t)(KR_INT_MAX_BITS / 4))
        return kr_small(0); /* 10**huge exceeds any representable int: rounds to 0 */
    unsigned long k = (unsigned long)(-kr_small_val(ndc));
    mpz_t s;
    mp_limb_t l;
    mpz_srcptr z = kr_int_view(c, s, &l);
    mpz_t p, q, r;
    mpz_init(p);
    mpz_init(q);
    mpz_init(r);
    mpz_ui_pow_ui(p, 10, k);
    mpz_fdiv_qr(q, r, z, p);
    mpz_mul_2exp(r, r, 1);
    int cmp = mpz_cmp(r, p);
    if (cmp > 0 || (cmp == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    mpz_clear(p);
    mpz_clear(r);
    return from_tmp(vm, q);
}

static int parse_byteorder(kr_vm *vm, kr_value v, bool *little)
{
    if (v == KR_NULL) {
        *little = false;
        return 0;
    }
    if (!kr_is_str(vm, v)) {
        kr_raise(vm, KR_EXC(vm, TypeError), "to_bytes() argument 'byteorder' must be str, not %s", kr_typename(vm, v));
        return -1;
    }
    if (strcmp(kr_str_data(v), "little") == 0)
        *little = true;
    else if (strcmp(kr_str_data(v), "big") == 0)
        *little = false;
    else {
        kr_raise(vm, KR_EXC(vm, ValueError), "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

static kr_value int_m_to_bytes(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    kr_value out[3];
    if (kr_args_parse(vm, "to_bytes", args + 1, nargs - 1, kwnames, names, 3, 0, 0, out) < 0)
        return KR_NULL;
    kr_value c = self_core(vm, args[0]);
    if (c == KR_NULL)
        return KR_NULL;
    int64_t len = 1;
    if (out[0] != KR_NULL && kr_index_i64(vm, out[0], &len) < 0)
        return KR_NULL;
    if (len < 0)
        return kr_raise(vm, KR_EXC(vm, ValueError), "length argument must be non-negative");
    bool little, is_signed = false;
    if (parse_byteorder(vm, out[1], &little) < 0)
        return KR_NULL;
    if (out[2] != KR_NULL) {
        int t = kr_truthy(vm, out[2]);
        if (t < 0)
            return KR_NULL;
        is_signed = t;
    }
    int sgn = kr_int_sign(c);
    if (sgn < 0 && !is_signed)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "can't convert negative int to unsigned");
    /* Bits needed: unsigned n >= 0 needs bit_length(n); signed needs bit_length(n) + 1 for n >= 0 and
     * bit_length(-n - 1) + 1 for n < 0. */
    int64_t need;
    mpz_t s, t;
    mp_limb_t l;
    mpz_srcptr z = kr_int_view(c, s, &l);
    if (sgn < 0) {
        mpz_init(t);
        mpz_add_ui(t, z, 1);
        need = (int64_t)(mpz_sgn(t) == 0 ? 0 : mpz_sizeinbase(t, 2)) + 1;
        mpz_clear(t);
    } else {
        need = kr_int_bit_length_core(c) + (is_signed ? 1 : 0);
    }
    if (sgn == 0)
        need = 0;
    if ((uint64_t)need > (uint64_t)len * 8)
        return kr_raise(vm, KR_EXC(vm, OverflowError), "int too big to convert");
    uint8_t small_buf[64];
    uint8_t *buf = len <= 64 ? small_buf : kr_mem_alloc(vm, (size_t)len);
    if (!buf)
        return KR_NULL;
    /* Little-endian two's complement of z modulo 2**(8*len). */
    mpz_init(t);
    if (sgn < 0) {
        mpz_set_ui(t, 0);
        mpz_setbit(t, (mp_bitcnt_t)(len * 8));
        mpz_add(t, t, z);
    } else {
        mpz_set(t, z);
    }
    size_t nl = mpz_size(t);
    const mp_limb_t *limbs = mpz_limbs_read(t);
    for (int64_t i = 0; i < len; i++) {
        size_t li = (size_t)i / 8;
        uint8_t byte = li < nl ? (uint8_t)(limbs[li] >> (8 * (i % 8))) : 0;
        buf[little ? i : len - 1 - i] = byte;
    }
    mpz_clear(t);
    kr_value r = kr_bytes_new(vm, buf, (size_t)len);
    if (buf != small_buf)
        kr_mem_free(vm, buf);
    return r;
}

static kr_value int_m_from_bytes(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    kr_value out[3];
    if (kr_args_parse(vm, "from_bytes", args + 1, nargs - 1, kwnames, names, 3, 1, 0, out) < 0)
        return KR_NULL;
    kr_value cls = args[0];
    bool little, is_signed = false;
    if (parse_byteorder(vm, out[1], &little) < 0)
        return KR_NULL;
    if (out[2] != KR_NULL) {
        int t = kr_truthy(vm, out[2]);
        if (t < 0)
            return KR_NULL;
        is_signed = t;
    }
    const uint8_t *data;
    size_t n;
    kr_value owned = KR_NULL;
    size_t m = kr_root_mark(vm);
    kr_root_push(vm, &owned);
    if (!is_bytes_like(vm, out[0], &data, &n)) {
        if (kr_is_str(vm, out[0])) {
            kr_root_reset(vm, m);
            return kr_raise(vm, KR_EXC(vm, TypeError), "cannot convert 'str' object to bytes");
        }
        /* An iterable of ints: collect into a bytes object. */
        owned = kr_sequence_list(vm, out[0]);
        if (owned == KR_NULL) {
            kr_root_reset(vm, m);
            if (kr_err_matches(vm, KR_EXC(vm, TypeError))) {
                kr_err_clear(vm);
                return kr_raise(vm, KR_EXC(vm, TypeError), "cannot convert '%s' object to bytes", kr_typename(vm, out[0]));
            }
            return KR_NULL;
        }
        kr_list *lst = KR_AS(kr_list, owned);
        uint8_t *tmp = kr_mem_alloc(vm, (size_t)lst->size + 1);
        if (!tmp) {
            kr_root_reset(vm, m);
            return KR_NULL;
        }
        for (int64_t i = 0; i < lst->size; i++) {
            int64_t b;
            if (kr_index_i64(vm, lst->items[i], &b) < 0 || b < 0 || b > 255) {
                kr_mem_free(vm, tmp);
                kr_root_reset(vm, m);
                if (kr_err_occurred(vm))
                    return KR_NULL;
                return kr_raise(vm, KR_EXC(vm, ValueError), "bytes must be in range(0, 256)");
            }
            tmp[i] = (uint8_t)b;
        }
        owned = kr_bytes_new(vm, tmp, (size_t)lst->size);
        kr_mem_free(vm, tmp);
        if (owned == KR_NULL) {
            kr_root_reset(vm, m);
            return KR_NULL;
        }
        data = KR_AS(kr_bytes, owned)->data;
        n = (size_t)KR_AS(kr_bytes, owned)->size;
    }
    mpz_t r;
    mpz_init(r);
    if (n > 0)
        mpz_import(r, n, little ? -1 : 1, 1, 0, 0, data);
    if (is_signed && n > 0 && (data[little ? n - 1 : 0] & 0x80)) {
        mpz_t p;
        mpz_init(p);
        mpz_setbit(p, (mp_bitcnt_t)(n * 8));
        mpz_sub(r, r, p);
        mpz_clear(p);
    }
    kr_value v = from_tmp(vm, r);
    kr_root_reset(vm, m);
    if (v == KR_NULL)
        return KR_NULL;
    if (cls != KR_VAL(vm->t.int_))
        return kr_call1(vm, cls, v); /* as CPython: a subclass is built from the int */
    return v;
}

static kr_value int_m_divmod(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__divmod__", kwnames) < 0 || kr_args_count(vm, "__divmod__", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    return kr_int_divmod(vm, args[0], args[1]);
}

static kr_value int_m_rdivmod(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "__rdivmod__", kwnames) < 0 || kr_args_count(vm, "__rdivmod__", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    return kr_int_divmod(vm, args[1], args[0]);
}

static const kr_method_def int_methods[] = {
    {"bit_length", int_m_bit_length, KR_METH_DEFAULT, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_m_bit_count, KR_METH_DEFAULT, "Number of ones in the binary representation of abs(self)."},
    {"conjugate", int_m_conjugate, KR_METH_DEFAULT, "Returns self, the complex conjugate of any int."},
    {"as_integer_ratio", int_m_as_integer_ratio, KR_METH_DEFAULT, "Return a pair of integers, whose ratio is equal to the original int."},
    {"is_integer", int_m_is_integer, KR_METH_DEFAULT, "Returns True."},
    {"to_bytes", int_m_to_bytes, KR_METH_DEFAULT, "Return an array of bytes representing an integer."},
    {"from_bytes", int_m_from_bytes, KR_METH_CLASS, "Return the integer represented by the given array of bytes."},
    {"__index__", int_m_index, KR_METH_DEFAULT, NULL},
    {"__int__", int_m_int, KR_METH_DEFAULT, NULL},
    {"__float__", int_m_float, KR_METH_DEFAULT, NULL},
    {"__trunc__", int_m_trunc, KR_METH_DEFAULT, NULL},
    {"__floor__", int_m_floor, KR_METH_DEFAULT, NULL},
    {"__ceil__", int_m_ceil, KR_METH_DEFAULT, NULL},
    {"__round__", int_m_round, KR_METH_DEFAULT, NULL},
    {"__format__", int_m_format, KR_METH_DEFAULT, NULL},
    {"__getnewargs__", int_m_getnewargs, KR_METH_DEFAULT, NULL},
    {"__sizeof__", int_m_sizeof, KR_METH_DEFAULT, NULL},
    {"__divmod__", int_m_divmod, KR_METH_DEFAULT, NULL},
    {"__rdivmod__", int_m_rdivmod, KR_METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static kr_value int_get_self(kr_vm *vm, kr_value self) { return kr_int_value(vm, self); }
static kr_value int_get_zero(kr_vm *vm, kr_value self) { (void)vm; (void)self; return kr_small(0); }
static kr_value int_get_one(kr_vm *vm, kr_value self) { (void)vm; (void)self; return kr_small(1); }

static const kr_getset_def int_getsets[] = {
    {"real", int_get_self, NULL, "the real part of a complex number"},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number"},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms"},
    {NULL, NULL, NULL, NULL},
};

/* ---------------------------------------------------------------- bool */

static kr_value bool_repr(kr_vm *vm, kr_value v)
{
    return kr_str_from_cstr(vm, kr_int_value(vm, v) == kr_small(0) ? "False" : "True");
}

static kr_value bool_new(kr_vm *vm, kr_type *cls, kr_value *args, int nargs, kr_value kwnames)
{
    (void)cls;
    if (kr_args_no_kw(vm, "bool", kwnames) < 0)
        return KR_NULL;
    if (nargs > 1)
        return kr_raise(vm, KR_EXC(vm, TypeError), "bool expected at most 1 argument, got %d", nargs);
    if (nargs == 0)
        return KR_FALSE;
    int t = kr_truthy(vm, args[0]);
    return t < 0 ? KR_NULL : kr_bool(t);
}

#define BOOL_BITOP(name, OP, expr)                                                                     \
    static kr_value name(kr_vm *vm, kr_value a, kr_value b)                                            \
    {                                                                                                  \
        if (kr_is_bool(a) && kr_is_bool(b)) {                                                          \
            bool x = a == KR_TRUE, y = b == KR_TRUE;                                                   \
            return kr_bool(expr);                                                                      \
        }                                                                                              \
        return kr_int_binop(vm, OP, a, b);                                                             \
    }
BOOL_BITOP(bool_and, KR_OP_AND, x && y)
BOOL_BITOP(bool_or, KR_OP_OR, x || y)
BOOL_BITOP(bool_xor, KR_OP_XOR, x != y)

/* ---------------------------------------------------------------- init */

static kr_value int_neg_slot(kr_vm *vm, kr_value a) { return kr_int_neg(vm, a); }
static kr_value int_abs_slot(kr_vm *vm, kr_value a) { return kr_int_abs(vm, a); }

void kr_int_init(kr_vm *vm)
{
    kr_type *t = kr_type_new_builtin(vm, "int", vm->t.object, sizeof(kr_intsub),
                                     KR_TF_BASETYPE | KR_TF_INT_SUBCLASS);
    vm->t.int_ = t;
    t->methods = int_methods;
    t->getsets = int_getsets;
    t->trace = int_trace;
    t->new_ = int_new;
    t->repr = int_repr;
    t->str = int_repr;
    t->hash = int_hash_slot;
    t->richcompare = int_richcompare;
    t->bool_ = int_bool;
    t->index = int_index;
    t->pow3 = int_pow3_slot;
    t->binop[KR_OP_ADD] = int_add_slot;
    t->binop[KR_OP_SUB] = int_sub_slot;
    t->binop[KR_OP_MUL] = int_mul_slot;
    t->binop[KR_OP_TRUEDIV] = int_truediv_slot;
    t->binop[KR_OP_FLOORDIV] = int_floordiv_slot;
    t->binop[KR_OP_MOD] = int_mod_slot;
    t->binop[KR_OP_POW] = int_pow_slot;
    t->binop[KR_OP_LSHIFT] = int_lshift_slot;
    t->binop[KR_OP_RSHIFT] = int_rshift_slot;
    t->binop[KR_OP_AND] = int_and_slot;
    t->binop[KR_OP_OR] = int_or_slot;
    t->binop[KR_OP_XOR] = int_xor_slot;
    t->unop[KR_UNARY_NEG] = int_neg_slot;
    t->unop[KR_UNARY_POS] = int_pos;
    t->unop[KR_UNARY_INVERT] = int_invert;
    t->unop[KR_UNARY_ABS] = int_abs_slot;

    /* bool: not subclassable (no KR_TF_BASETYPE: "type 'bool' is not an acceptable base type"). */
    kr_type *b = kr_type_new_builtin(vm, "bool", t, sizeof(kr_intsub), KR_TF_INT_SUBCLASS);
    vm->t.bool_ = b;
    b->new_ = bool_new;
    b->repr = bool_repr;
    b->str = bool_repr;
    b->binop[KR_OP_AND] = bool_and;
    b->binop[KR_OP_OR] = bool_or;
    b->binop[KR_OP_XOR] = bool_xor;
    /* True and False are immediates; their type is bool (vm->imm_types is otherwise type.c's). */
    vm->imm_types[KR_IMM_TRUE] = b;
    vm->imm_types[KR_IMM_FALSE] = b;
}
