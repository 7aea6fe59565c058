# Seeded random differential test: random operands and contexts through arithmetic, the
# correctly rounded functions (exp, ln, log10, sqrt, non-integral powers) and conversions; the
# expected output is CPython's.
import random
from decimal import *

rng = random.Random(20261207)
ROUNDINGS = [ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_UP, ROUND_DOWN, ROUND_CEILING,
             ROUND_FLOOR, ROUND_05UP]
ABBR = {InvalidOperation: 'I', FloatOperation: 'F', DivisionByZero: 'Z', Overflow: 'O',
        Underflow: 'U', Subnormal: 'S', Inexact: 'X', Rounded: 'R', Clamped: 'C'}


def rand_dec(maxdigits=30, maxexp=30):
    n = rng.randint(1, maxdigits)
    c = rng.randrange(10 ** n)
    e = rng.randint(-maxexp, maxexp // 2)
    s = rng.choice('+-') if rng.random() < 0.3 else ''
    return Decimal('%s%dE%d' % (s, c, e))


def flags(ctx):
    return ''.join(ABBR[s] for s, v in ctx.flags.items() if v)


def run(ctx, label, fn):
    ctx.clear_flags()
    try:
        r = fn()
    except Exception as e:
        r = type(e).__name__
    print(label, r, flags(ctx))


for i in range(300):
    ctx = Context(prec=rng.randint(1, 40), rounding=rng.choice(ROUNDINGS),
                  Emin=-rng.randint(5, 60), Emax=rng.randint(5, 60), traps=[])
    a, b, c = rand_dec(), rand_dec(), rand_dec(10, 10)
    print('#', i, ctx.prec, ctx.rounding, ctx.Emin, ctx.Emax, a, b)
    for name in ['add', 'subtract', 'multiply', 'divide', 'divide_int', 'remainder',
                 'remainder_near', 'compare', 'max', 'min_mag', 'quantize', 'next_toward']:
        run(ctx, name, lambda: getattr(ctx, name)(a, b))
    run(ctx, 'fma', lambda: ctx.fma(a, b, c))
    for name in ['plus', 'sqrt', 'normalize', 'next_plus', 'next_minus', 'logb',
                 'to_integral_exact']:
        run(ctx, name, lambda: getattr(ctx, name)(a))
    run(ctx, 'power_int', lambda: ctx.power(rand_dec(6, 3), rng.randint(-12, 12)))

# correctly rounded functions (half-even, whatever the context's rounding)
for i in range(150):
    p = rng.randint(1, 50)
    ctx = Context(prec=p, rounding=rng.choice(ROUNDINGS), traps=[])
    x = rand_dec(20, 8).copy_abs()
    y = rand_dec(8, 4)
    print('#', i, p, ctx.rounding, x, y)
    run(ctx, 'exp', lambda: ctx.exp(x))
    run(ctx, 'exp-', lambda: ctx.exp(-x))
    run(ctx, 'ln', lambda: ctx.ln(x))
    run(ctx, 'log10', lambda: ctx.log10(x))
    run(ctx, 'sqrt', lambda: ctx.sqrt(x))
    run(ctx, 'power', lambda: ctx.power(x, y))

# arguments near 1, tiny and huge
ctx = Context(prec=30, traps=[])
for s in ['1.0000000000000000000001', '0.99999999999999999999999', '1E-50', '1E+50',
          '2.302585092994045684017991454684364', '-2.302585092994045684017991454684364',
          '230258.5', '-230258.5', '1E-1000', '1.000000000000000000000000000000000000001']:
    x = Decimal(s)
    run(ctx, 'exp ' + s, lambda: ctx.exp(x))
    run(ctx, 'ln ' + s, lambda: ctx.ln(x.copy_abs()))
    run(ctx, 'log10 ' + s, lambda: ctx.log10(x.copy_abs()))
for p in [1, 2, 5, 10, 28, 60, 100]:
    ctx = Context(prec=p)
    print(p, ctx.exp(1), ctx.ln(10), ctx.log10(2), ctx.sqrt(2), ctx.power(2, Decimal('0.5')),
          ctx.power(Decimal('1.1'), Decimal('123.456')))

# conversions of random floats are exact; str/float round trips
for i in range(100):
    f = rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-200, 200)
    d = Decimal(f)
    print(d == f, float(d) == f, hash(d) == hash(f), Decimal(repr(f)), d.adjusted())
