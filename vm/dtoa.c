/* dtoa.c: the shortest round-trip digits of a double, with Ryu (Ulf Adams, "Ryū: fast float-to-string
 * conversion", PLDI 2018). dtoa.h says what "shortest" means and why it is CPython's repr.
 *
 * A finite double is m2 * 2**(e2 + 2) (e2 includes two extra bits). Every real in its rounding interval,
 * halfway to each neighbouring double, reads back as it; with the two extra bits the interval's ends are
 * integers too: the double is mv * 2**e2 with mv = 4*m2 and the interval runs from mm = mv - 2 to
 * mp = mv + 2 (times 2**e2), except mm = mv - 1 when m2 is the smallest mantissa of its binade and the
 * double below has the next lower exponent (the gap below is half the gap above). The ends are in the
 * interval when m2 is even (reading rounds half to even).
 *
 * Ryu scales the three by one power of 10 (10**-e10, chosen so that about 17 digits remain) with a
 * single 128-bit multiplication by a precomputed power of 5 or its inverse (vm/dtoa_tables.h) and a
 * shift, which truncates: vm, vr, vp. It then drops decimal digits from all three while vm and vp still
 * differ above the dropped digits; what remains of vr, rounded by the last dropped digit, is the answer.
 *
 * Truncation hides whether the dropped part was zero. That matters in two cases only: the lower bound is
 * in the interval and exactly a multiple of the final power of 10 (then it is itself a candidate), and
 * vr is exactly ...5000 (a tie for its rounding). So the loop tracks vm_tz / vr_tz, "everything below vm
 * / vr dropped so far is zero", seeded by a divisibility test (by 5**q or 2**q) where the scaling can be
 * exact, that is for a small power of 10, and false where it cannot. The common case, neither flag set,
 * takes a shorter loop that drops two digits at a time first.
 *
 * Integers below 2**53 skip all of it: their shortest digits are their own digits without trailing
 * zeros, as the interval is at most one unit wide and any shorter decimal is at least 10 units away.
 */
#include "dtoa.h"

#include <stdbool.h>
#include <string.h>

#include "dtoa_tables.h"

/* Standard C has no 128-bit integer; gcc and clang both have this one (__extension__ keeps -pedantic
 * builds quiet). */
__extension__ typedef unsigned __int128 dtoa_u128;

#define DTOA_MANT_BITS 52
#define DTOA_EXP_BIAS 1023

/* floor(e * log10(2)), exact for 0 <= e <= 1650 (well past the 969 a double needs) */
static inline uint32_t dtoa_log10_pow2(int32_t e)
{
    return ((uint32_t)e * 78913) >> 18;
}

/* floor(e * log10(5)), exact for 0 <= e <= 2620 (a double needs 1076) */
static inline uint32_t dtoa_log10_pow5(int32_t e)
{
    return ((uint32_t)e * 732923) >> 20;
}

/* The bit length of 5**e (ceil(e * log2(5)), and 1 for e = 0), exact for 0 <= e <= 3528. The table
 * generator checks it against the real bit lengths over the table range. */
static inline int32_t dtoa_pow5_bits(int32_t e)
{
    return (int32_t)(((uint32_t)e * 1217359) >> 19) + 1;
}

/* Whether 5**p divides v (v != 0). Stops at p factors: callers only ask for small p. */
static inline bool dtoa_multiple_of_pow5(uint64_t v, uint32_t p)
{
    uint32_t count = 0;
    while (count < p && v % 5 == 0) {
        v /= 5;
        count++;
    }
    return count >= p;
}

/* Whether 2**p divides v, for p < 64 */
static inline bool dtoa_multiple_of_pow2(uint64_t v, uint32_t p)
{
    return (v & ((UINT64_C(1) << p) - 1)) == 0;
}

/* floor(m * mul / 2**j) for a 128-bit mul = {low, high} and j >= 64. m < 2**55 and mul < 2**126, so
 * the partial sums fit in 128 bits; Ryu's bounds on j keep the result within 64 bits. */
static inline uint64_t dtoa_mul_shift(uint64_t m, const uint64_t mul[2], int32_t j)
{
    dtoa_u128 low = (dtoa_u128)m * mul[0];
    dtoa_u128 high = (dtoa_u128)m * mul[1];
    return (uint64_t)(((low >> 64) + high) >> (j - 64));
}

/* The shortest decimal of m2 * 2**e2 (as encoded: ieee_mant, ieee_exp fields, not both zero, exponent
 * not all ones) as an integer without trailing zeros times 10**exp_out. */
static uint64_t dtoa_shortest_decimal(uint64_t ieee_mant, uint32_t ieee_exp, int32_t *exp_out)
{
    int32_t e2;
    uint64_t m2;
    if (ieee_exp == 0) {
        e2 = 1 - DTOA_EXP_BIAS - DTOA_MANT_BITS - 2;
        m2 = ieee_mant;
    } else {
        e2 = (int32_t)ieee_exp - DTOA_EXP_BIAS - DTOA_MANT_BITS - 2;
        m2 = (UINT64_C(1) << DTOA_MANT_BITS) | ieee_mant;
    }
    /* Round-half-even on input: a bound of an even mantissa reads back as this double. */
    const bool accept_bounds = (m2 & 1) == 0;
    const uint64_t mv = 4 * m2;
    /* 1 except at a power of 2 with a normal predecessor of the next lower exponent (see the top). */
    const uint32_t mm_shift = ieee_mant != 0 || ieee_exp <= 1;
    const uint64_t mp = mv + 2, mm = mv - 1 - mm_shift;

    uint64_t vr, vp, vm;
    int32_t e10;
    bool vm_tz = false, vr_tz = false;
    if (e2 >= 0) {
        /* Divide by 10**q = 2**q * 5**q: multiply by 2**k / 5**q, shift by k + q - e2. q is one less
         * than log10(2**e2) (when that is positive) so that vp - vm keeps at least one digit to drop. */
        const uint32_t q = dtoa_log10_pow2(e2) - (e2 > 3);
        e10 = (int32_t)q;
        const int32_t k = KR_DTOA_POW5_INV_BITS + dtoa_pow5_bits((int32_t)q) - 1;
        const int32_t i = -e2 + (int32_t)q + k;
        const uint64_t *mul = kr_dtoa_pow5_inv[q];
        vr = dtoa_mul_shift(mv, mul, i);
        vp = dtoa_mul_shift(mp, mul, i);
        vm = dtoa_mul_shift(mm, mul, i);
        /* A scaled value is exact iff 5**q divides it (e2 >= q covers the 2**q); mp < 2**55 < 5**24,
         * so only q <= 23 needs the test. (Ryu's reference stops at 21 and argues that 22 and 23 cannot
         * change the result; testing them exactly costs nothing and needs no argument.) At most one of
         * mm, mv, mp is a multiple of 5: they span less than 5. */
        if (q <= 23) {
            if (mv % 5 == 0)
                vr_tz = dtoa_multiple_of_pow5(mv, q);
            else if (accept_bounds)
                vm_tz = dtoa_multiple_of_pow5(mm, q);
            else
                /* mp exactly scaled is the excluded upper bound itself: step below it */
                vp -= dtoa_multiple_of_pow5(mp, q);
        }
    } else {
        /* Multiply by 10**-e10 = 10**(-e2 - q): x * 2**e2 * 10**(-e2 - q) = x * 5**i / 2**q, with 5**i
         * as its top 125 bits times 2**k. q is one less than log10(5**-e2) for the same reason as above. */
        const uint32_t q = dtoa_log10_pow5(-e2) - (-e2 > 1);
        e10 = (int32_t)q + e2;
        const int32_t i = -e2 - (int32_t)q;
        const int32_t k = dtoa_pow5_bits(i) - KR_DTOA_POW5_BITS;
        const int32_t j = (int32_t)q - k;
        const uint64_t *mul = kr_dtoa_pow5[i];
        vr = dtoa_mul_shift(mv, mul, j);
        vp = dtoa_mul_shift(mp, mul, j);
        vm = dtoa_mul_shift(mm, mul, j);
        /* The exact products are x * 5**i / 2**q: exact iff 2**q divides x. mm and mp have at most one
         * trailing zero bit, so past q = 1 only mv can be; past 55 bits none is (q < 63 keeps the shift
         * defined). (Ryu's reference leaves vm_tz false at q = 0 when mm_shift is 0, which only 2**53
         * reaches, where it does not matter; the exact test needs no such argument.) */
        if (q < 63) {
            vr_tz = dtoa_multiple_of_pow2(mv, q);
            if (accept_bounds)
                vm_tz = dtoa_multiple_of_pow2(mm, q);
            else
                /* mp exactly scaled is the excluded upper bound itself: step below it */
                vp -= dtoa_multiple_of_pow2(mp, q);
        }
    }

    int32_t removed = 0;
    uint32_t last_removed = 0;
    uint64_t output;
    if (vm_tz || vr_tz) {
        /* Rare (under 1%): keep track of exactness digit by digit. */
        for (;;) {
            const uint64_t vp_div10 = vp / 10, vm_div10 = vm / 10;
            if (vp_div10 <= vm_div10)
                break;
            const uint64_t vr_div10 = vr / 10;
            vm_tz &= vm % 10 == 0;
            vr_tz &= last_removed == 0;
            last_removed = (uint32_t)(vr - 10 * vr_div10);
            vr = vr_div10;
            vp = vp_div10;
            vm = vm_div10;
            removed++;
        }
        if (vm_tz) {
            /* The lower bound is an exact candidate: drop its trailing zeros too, a shorter answer. */
            while (vm % 10 == 0) {
                const uint64_t vr_div10 = vr / 10;
                vr_tz &= last_removed == 0;
                last_removed = (uint32_t)(vr - 10 * vr_div10);
                vr = vr_div10;
                vp /= 10;
                vm /= 10;
                removed++;
            }
        }
        if (vr_tz && last_removed == 5 && vr % 2 == 0)
            last_removed = 4; /* exactly halfway: round to even */
        /* vr + 1 when vr is the lower bound but that bound is out, or when rounding up */
        output = vr + ((vr == vm && (!accept_bounds || !vm_tz)) || last_removed >= 5);
    } else {
        /* Common case: the dropped digits are never all zero, so >= 5 means above halfway. */
        bool round_up = false;
        const uint64_t vp_div100 = vp / 100, vm_div100 = vm / 100;
        if (vp_div100 > vm_div100) {
            const uint64_t vr_div100 = vr / 100;
            round_up = vr - 100 * vr_div100 >= 50;
            vr = vr_div100;
            vp = vp_div100;
            vm = vm_div100;
            removed += 2;
        }
        for (;;) {
            const uint64_t vp_div10 = vp / 10, vm_div10 = vm / 10;
            if (vp_div10 <= vm_div10)
                break;
            const uint64_t vr_div10 = vr / 10;
            round_up = vr - 10 * vr_div10 >= 5;
            vr = vr_div10;
            vp = vp_div10;
            vm = vm_div10;
            removed++;
        }
        /* vm is out here: truncated below the real lower bound, or that bound itself, excluded */
        output = vr + (vr == vm || round_up);
    }
    *exp_out = e10 + removed;
    return output;
}

static const char dtoa_digit_pairs[201] = "00010203040506070809"
                                          "10111213141516171819"
                                          "20212223242526272829"
                                          "30313233343536373839"
                                          "40414243444546474849"
                                          "50515253545556575859"
                                          "60616263646566676869"
                                          "70717273747576777879"
                                          "80818283848586878889"
                                          "90919293949596979899";

static inline int dtoa_decimal_length(uint64_t v)
{
    static const uint64_t pow10[] = {
        UINT64_C(10),          UINT64_C(100),          UINT64_C(1000),          UINT64_C(10000),
        UINT64_C(100000),      UINT64_C(1000000),      UINT64_C(10000000),      UINT64_C(100000000),
        UINT64_C(1000000000),  UINT64_C(10000000000),  UINT64_C(100000000000),  UINT64_C(1000000000000),
        UINT64_C(10000000000000), UINT64_C(100000000000000), UINT64_C(1000000000000000),
        UINT64_C(10000000000000000),
    };
    int n = 1;
    while (n < KR_DTOA_MAX_DIGITS && v >= pow10[n - 1])
        n++;
    return n;
}

int kr_dtoa_shortest(double d, char digits[KR_DTOA_MAX_DIGITS], int *exp10)
{
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    const uint64_t ieee_mant = bits & ((UINT64_C(1) << DTOA_MANT_BITS) - 1);
    const uint32_t ieee_exp = (uint32_t)(bits >> DTOA_MANT_BITS) & 0x7ff;
    if (ieee_exp == 0x7ff || (ieee_exp == 0 && ieee_mant == 0))
        return 0;

    uint64_t v;
    int32_t e;
    const int32_t int_shift = DTOA_EXP_BIAS + DTOA_MANT_BITS - (int32_t)ieee_exp; /* d = m2 >> int_shift */
    const uint64_t m2 = (UINT64_C(1) << DTOA_MANT_BITS) | ieee_mant;
    if (ieee_exp != 0 && int_shift >= 0 && int_shift <= DTOA_MANT_BITS &&
        (m2 & ((UINT64_C(1) << int_shift) - 1)) == 0) {
        /* an integer in [1, 2**53) */
        v = m2 >> int_shift;
        e = 0;
        while (v % 10 == 0) {
            v /= 10;
            e++;
        }
    } else {
        v = dtoa_shortest_decimal(ieee_mant, ieee_exp, &e);
    }

    const int n = dtoa_decimal_length(v);
    int pos = n;
    while (v >= 100) {
        const uint32_t r = (uint32_t)(v % 100);
        v /= 100;
        pos -= 2;
        memcpy(digits + pos, dtoa_digit_pairs + 2 * r, 2);
    }
    if (v >= 10) {
        pos -= 2;
        memcpy(digits + pos, dtoa_digit_pairs + 2 * v, 2);
    } else {
        digits[--pos] = (char)('0' + v);
    }
    *exp10 = e + n - 1;
    return n;
}
