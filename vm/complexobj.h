/* complexobj.h: vm/complex.c, Python's complex (two IEEE binary64 parts, boxed as kr_complex).
 * (Named complexobj.h, not complex.h: the build puts vm/ on the include path, where a complex.h would
 * shadow the C standard <complex.h>.)
 *
 * Instances of Python subclasses of complex share the layout (kr_complex first; vm/type.c may append
 * per-instance storage after complex's instance_size); complex's new_ slot creates them with
 * kr_instance_new(vm, cls).
 */
#ifndef KRAIT_COMPLEXOBJ_H
#define KRAIT_COMPLEXOBJ_H

#include "kr.h"

typedef struct kr_complex {
    kr_object ob;
    double real, imag;
} kr_complex;

/* A complex value as plain doubles, for the arithmetic helpers below and stdlib/cmath.c. */
typedef struct kr_cdouble {
    double real, imag;
} kr_cdouble;

/* Phase 1 of kr_vm_new (declared in vm/init.h): creates vm->t.complex_. */
void kr_complex_init(kr_vm *vm);

kr_value kr_complex_new(kr_vm *vm, double real, double imag);
bool kr_is_complex(kr_vm *vm, kr_value v); /* complex or complex-subclass instance */
static inline kr_cdouble kr_complex_value(kr_value v)
{
    kr_complex *c = KR_AS(kr_complex, v);
    return (kr_cdouble){c->real, c->imag};
}
/* complex(v) for cmath's arguments (CPython's PyArg "D" converter): a complex, __complex__, or any real
 * number (float(), __index__); 0, or -1 with TypeError "must be real number, not str". */
int kr_complex_as_cdouble(kr_vm *vm, kr_value v, kr_cdouble *out);
/* a ** b with complex's semantics and errors (ZeroDivisionError for zero to a negative or complex power,
 * OverflowError): float ** float calls it for a negative base and a non-integer exponent. */
kr_value kr_complex_pow_value(kr_vm *vm, kr_cdouble a, kr_cdouble b);
/* a / b by Smith's algorithm (complex's true division); *zero_div set, and 0 returned, when b is 0. */
kr_cdouble kr_complex_quot(kr_cdouble a, kr_cdouble b, bool *zero_div);

#endif
