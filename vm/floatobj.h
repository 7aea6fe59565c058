/* floatobj.h: vm/float.c's own API beyond the kr_float_* functions declared in vm/object.h.
 * (Named floatobj.h, not float.h: the build puts vm/ on the include path, where a float.h would shadow
 * the C standard <float.h>.)
 *
 * A float is a boxed kr_float (vm/object.h). Instances of Python subclasses of float share the layout
 * (kr_float first; vm/type.c may append per-instance storage after float's instance_size), so
 * kr_float_value works on them; float's new_ slot creates them with kr_instance_new(vm, cls).
 */
#ifndef KRAIT_FLOATOBJ_H
#define KRAIT_FLOATOBJ_H

#include "kr.h"

/* Phase 1 of kr_vm_new (declared in vm/init.h): creates vm->t.float_. */
void kr_float_init(kr_vm *vm);

bool kr_is_float(kr_vm *vm, kr_value v); /* float or float-subclass instance */
/* Binary arithmetic where at least one side is a float and the other a float or int; KR_NOTIMPL
 * otherwise. The interpreter may call it directly on its float fast path. */
kr_value kr_float_binop(kr_vm *vm, int op, kr_value a, kr_value b);
kr_value kr_float_divmod(kr_vm *vm, kr_value a, kr_value b);
/* Float arithmetic on raw doubles with Python's semantics and errors (for the JIT's slow paths):
 * return 0, or -1 with ZeroDivisionError/OverflowError/ValueError pending. */
int kr_float_floordiv_d(kr_vm *vm, double a, double b, double *out);
int kr_float_mod_d(kr_vm *vm, double a, double b, double *out);
int kr_float_pow_d(kr_vm *vm, double a, double b, double *out);
/* a ** b with float's semantics (CPython's float_pow) but without raising, for the interpreter's fast
 * path and compiled code: KR_FLOAT_POW_OK with *out set, or the error kr_float_pow_d would raise
 * (ZeroDivisionError for 0.0 to a negative power, ValueError for a negative base to a non-integer
 * power, which is a complex number in CPython, OverflowError). */
enum { KR_FLOAT_POW_OK, KR_FLOAT_POW_ZERO_NEGATIVE, KR_FLOAT_POW_COMPLEX, KR_FLOAT_POW_OVERFLOW };
int kr_float_pow_raw(double a, double b, double *out);
int64_t kr_float_hash_double(double d, kr_value self);   /* CPython's _Py_HashDouble; self for NaN */
/* Parse a Python float literal/float() string (whitespace, sign, inf/nan, underscores between digits).
 * Returns 0, or -1 with no exception when the text is not a float. */
int kr_float_parse(const char *s, size_t len, double *out);
/* round(d, ndigits) with CPython's correctly rounded half-even semantics. */
int kr_float_round_d(kr_vm *vm, double d, int64_t ndigits, double *out);
/* IEEE 754 binary16 (struct's and memoryview's 'e' format), CPython's PyFloat_Pack2/Unpack2: round
 * half to even, NaN keeps its sign. kr_float_pack2 returns -1 (nothing raised: callers word the
 * OverflowError/ValueError) when x is finite but too large for a half. */
int kr_float_pack2(double x, uint16_t *out);
double kr_float_unpack2(uint16_t h);

#endif
