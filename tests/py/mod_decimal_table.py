# Table-driven check of Decimal arithmetic: every operation over a grid of operands (specials,
# signed zeros, subnormals, values near the overflow threshold, long coefficients) in small
# contexts with each rounding mode; prints the result and the flags raised.
from decimal import *

VALUES = ['0', '-0', '0E-3', '1', '-1', '2.50', '-7', '9.9999', '12345678', '0.00012345', '1E+9',
          '9.99E+9', '-5E-9', '1E-12', '3', '0.5', 'Inf', '-Inf', 'NaN', 'sNaN', '-NaN7']
SHORT = ['0', '-0', '1', '-1', '2.50', '9.9999', '12345678', '0.00012345', '1E-12', '-5E-9', '3',
         'Inf', '-Inf', 'NaN', 'sNaN']
ABBR = {InvalidOperation: 'I', FloatOperation: 'F', DivisionByZero: 'Z', Overflow: 'O',
        Underflow: 'U', Subnormal: 'S', Inexact: 'X', Rounded: 'R', Clamped: 'C'}


def flags(ctx):
    return ''.join(ABBR[s] for s, v in ctx.flags.items() if v)


def run(ctx, name, fn, *args):
    ctx.clear_flags()
    try:
        r = fn(*args)
        if isinstance(r, tuple):
            r = '(%s, %s)' % r
    except Exception as e:
        r = type(e).__name__
    print(name, ' '.join(args), '->', r, flags(ctx))


BIN = ['add', 'subtract', 'multiply', 'divide', 'divide_int', 'remainder', 'remainder_near',
       'divmod', 'compare', 'compare_signal', 'compare_total', 'compare_total_mag', 'max', 'min',
       'max_mag', 'min_mag', 'next_toward', 'copy_sign', 'same_quantum']
UN = ['plus', 'minus', 'abs', 'normalize', 'next_plus', 'next_minus', 'to_integral_value',
      'to_integral_exact', 'number_class', 'logb', 'to_eng_string', 'to_sci_string', 'is_normal',
      'is_subnormal', 'sqrt']

for rounding in [ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING, ROUND_05UP, ROUND_HALF_UP,
                 ROUND_HALF_DOWN, ROUND_UP, ROUND_FLOOR]:
    ctx = Context(prec=5, rounding=rounding, Emin=-9, Emax=9, traps=[])
    print('==', ctx)
    vals = VALUES if rounding in (ROUND_HALF_EVEN, ROUND_DOWN) else SHORT
    for name in UN:
        for a in vals:
            run(ctx, name, lambda x: getattr(ctx, name)(Decimal(x)), a)
    for name in BIN:
        if name in ('compare_total', 'compare_total_mag', 'copy_sign', 'same_quantum') and \
                rounding != ROUND_HALF_EVEN:
            continue
        for a in vals:
            for b in vals:
                run(ctx, name, lambda x, y: getattr(ctx, name)(Decimal(x), Decimal(y)), a, b)
    for a in SHORT:
        for q in ['1', '1E-2', '1E+1', '1E-13', 'Inf', 'NaN']:
            run(ctx, 'quantize', lambda x, y: ctx.quantize(Decimal(x), Decimal(y)), a, q)
    for a in SHORT:
        for b in ['2', '-2', '0', '3', '-10', '1E+1']:
            run(ctx, 'scaleb', lambda x, y: ctx.scaleb(Decimal(x), Decimal(y)), a, b)
            run(ctx, 'shift', lambda x, y: ctx.shift(Decimal(x), Decimal(y)), a, b)
            run(ctx, 'rotate', lambda x, y: ctx.rotate(Decimal(x), Decimal(y)), a, b)
    for a in ['0', '1', '-1', '2.50', '3', '0.5', 'Inf', '-Inf', 'NaN', '1E+9', '1E-11', '1E-3']:
        for b in ['0', '1', '2', '-1', '-2', '0.5', '-0.5', '3', 'Inf', '-Inf', 'NaN', '-0']:
            run(ctx, 'power', lambda x, y: ctx.power(Decimal(x), Decimal(y)), a, b)
    for a, b, c in [('2', '3', '4'), ('1E+9', '10', '-1'), ('1.2345', '1.1111', '1E-20'),
                    ('Inf', '0', '1'), ('2', '3', 'sNaN'), ('NaN', '1', 'sNaN'), ('5', '5', '-25'),
                    ('-5', '5', '25'), ('3', '3', '-Inf'), ('99999', '99999', '1')]:
        run(ctx, 'fma', lambda x, y, z: ctx.fma(Decimal(x), Decimal(y), Decimal(z)), a, b, c)

# clamp=1 folds exponents down; capitals=0 prints e
ctx = Context(prec=4, Emin=-5, Emax=5, clamp=1, capitals=0, traps=[])
for a in ['1E+5', '1E+2', '123E+2', '0E+9', '1.234E+5', '9999E+2', '1E-8', 'NaN123456']:
    run(ctx, 'plus', lambda x: ctx.plus(Decimal(x)), a)
    run(ctx, 'normalize', lambda x: ctx.normalize(Decimal(x)), a)
    run(ctx, 'create_decimal', lambda x: ctx.create_decimal(x), a)
print(ctx.to_sci_string(Decimal('1E+3')), ctx.to_eng_string(Decimal('1E+4')))

# logical operations need 0/1 digits, exponent 0, sign +
ctx = Context(prec=6, traps=[])
for a in ['101', '1111', '0', '110011001', '12', '-1', '1E+1', '1.0']:
    for b in ['11', '1000', '111111']:
        for name in ['logical_and', 'logical_or', 'logical_xor']:
            run(ctx, name, lambda x, y: getattr(ctx, name)(Decimal(x), Decimal(y)), a, b)
    run(ctx, 'logical_invert', lambda x: ctx.logical_invert(Decimal(x)), a)

# three-argument pow
ctx = Context(traps=[])
for a, b, m in [(3, 200, 7), (-3, 3, 7), (-3, 3, -7), (2, 0, 5), (0, 0, 5), (2, -1, 5), (2, 3, 0),
                (10, 100, 10**30), ('3.0', 2, 7), ('3.5', 2, 7), (2, 10, '1E+30')]:
    run(ctx, 'powmod', lambda x, y, z: ctx.power(Decimal(x), Decimal(y), Decimal(z)),
        str(a), str(b), str(m))
