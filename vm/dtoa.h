/* dtoa.h: the shortest decimal digits that read back as the same double (vm/dtoa.c, Ryu).
 *
 * Self-contained: no VM, no allocation, no mutable state (the tables are static const), only
 * <stdint.h>, so the front end (vm/ast.c's dumper) links it as well as vm/float.c's repr.
 *
 * "Shortest" is CPython's repr (float_repr_style 'short', David Gay's dtoa mode 0): the fewest
 * significant digits whose decimal value lies in the rounding interval of d, so that it reads back as d
 * (round-half-even: the bounds are in when d's mantissa is even); among those, the one nearest to d
 * (two are never equally near: a double is never exactly halfway between two such candidates).
 *
 * This is not always d correctly rounded to that many digits, which is what a loop over
 * snprintf("%.*e") + strtod finds: at a power of 2 the interval reaches half as far below d as above,
 * and the only short candidate can be the one above d while the nearer one below does not read back.
 * 2**172 is 5.986310706507379e+51 (CPython's repr too); "%.15e" gives 5.986310706507378e+51, which
 * is another double, so such a loop answers with 17 digits.
 */
#ifndef KRAIT_DTOA_H
#define KRAIT_DTOA_H

#include <stdint.h>

/* A double never needs more significant digits than this. */
#define KR_DTOA_MAX_DIGITS 17

/* For a finite nonzero d (the sign is ignored): writes the shortest round-trip digits of |d| into
 * digits (ASCII, neither the first nor the last is '0', no NUL) and returns how many (1..17).
 * *exp10 gets the decimal exponent of the first digit: |d| reads back from D1.D2D3...e<exp10>.
 * For zero, an infinity or a NaN, returns 0 and writes nothing. */
int kr_dtoa_shortest(double d, char digits[KR_DTOA_MAX_DIGITS], int *exp10);

#endif
