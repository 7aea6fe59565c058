# Decimal construction, string forms, conversions, hashing, comparisons, contexts and signals.
import decimal
from decimal import *
from fractions import Fraction
import math

D = Decimal


def show_type(label, fn):
    # the type only: CPython names the C type 'decimal.Decimal' in operator errors
    try:
        r = fn()
    except Exception as e:
        r = type(e).__name__
    print(label, '->', r)


def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, e)
    print(label, '->', r if isinstance(r, str) else repr(r))


# construction from strings: whitespace, underscores, exponents, specials, payloads, errors
for s in ['0', '-0', '+12.50', ' 1_000.5 ', '\t-3e-7\n', '1E+5', '1e5', '.5', '5.', '-.5e-3',
          '0.000001', '0.0000001', '123456789012345678901234567890', 'Inf', '-infinity', 'NaN',
          'nan42', '-sNaN007', 'sNaN', 'NaN0', '1e999999999', '1.', '١٢٣', '--1', '1e', 'e1',
          '1.2.3', '', ' ', 'abc', '1 2', 'inf inity', '0x10', '1e+-3', 'N', '+', '1_']:
    show('D(%r)' % s, lambda: D(s))
# from ints, floats (exact), tuples, Decimals
for v in [0, -7, 10**40, 2**64 + 1, 0.1, -0.0, 1e300, 5e-324, float('inf'), float('-nan'),
          (0, (1, 2, 3), -2), (1, [0, 0, 5], 4), (0, (), 'F'), (1, (4, 2), 'n'), (0, (), 'N'),
          (2, (1,), 0), (0, (1, 10), 0), (0, (1,), 'x'), (0, (1,), 2.0), (0, 1, 2), (0, (1,)),
                None, [0, (7,), 0], b'1']:
    show('D(%r)' % (v,), lambda: D(v))
print(D(D('1.50')), Decimal.from_float(0.25), Decimal.from_float(7), Decimal.from_float(-1.5e-7))
show('from_float(str)', lambda: Decimal.from_float('1'))

# string forms
for s in ['123', '-123', '1.23E+3', '1.23E-10', '-0.00', '0E+2', '0E-9', '1234.5E-10', '-7E+20',
          '0.000012', '12E+7', '1E-7', '123E-9', 'Infinity', '-NaN12', 'sNaN']:
    d = D(s)
    print(s, str(d), repr(d), d.to_eng_string(), d.as_tuple(), d.adjusted())
getcontext().capitals = 0
print(D('1E+10'), repr(D('-2.5E-20')), D('1E+10').to_eng_string())
getcontext().capitals = 1

# as_integer_ratio, int, float, round, floor, ceil, trunc
for s in ['0', '2.50', '-2.5', '3.5', '-0.5', '1E+3', '1.23456789E-5', '-123.456', '9.999', '1E+20']:
    d = D(s)
    print(s, d.as_integer_ratio(), int(d), float(d), round(d), math.floor(d), math.ceil(d),
          math.trunc(d), round(d, 2), round(d, -1), round(d, 0))
for s in ['NaN', 'sNaN', 'Inf', '-Inf']:
    for name, fn in [('int', int), ('round', round), ('floor', math.floor), ('float', float),
                     ('ratio', lambda d: d.as_integer_ratio())]:
        show('%s(%s)' % (name, s), lambda: fn(D(s)))
show('round(x, n) too many digits', lambda: round(D('1E+20'), 10))
show('round(x, 1.5)', lambda: round(D(1), 1.5))

# hashes agree with int, float and Fraction
for s in ['0', '-0', '1', '-1', '2.5', '0.1', '1E+20', '-3.75', '1E-30', '123456789.123456789',
          'Inf', '-Inf']:
    d = D(s)
    h = hash(d)
    print(s, h == hash(float(d)) if d.is_infinite() or float(d) == d else 'n/a',
          h == hash(Fraction(*d.as_integer_ratio())) if d.is_finite() else 'inf')
print(hash(D(10**30)) == hash(10**30), hash(D(-1)) == hash(-1), hash(D('5.000')) == hash(5))
show('hash(sNaN)', lambda: hash(D('sNaN')))
print(len({D(1), D('1.0'), 1, 1.0, Fraction(1)}))

# comparisons with int, float, Fraction, NaN
for a, b in [(D('1.0'), 1), (D('0.1'), 0.1), (D('0.5'), 0.5), (D('2.5'), Fraction(5, 2)),
             (D('0.3'), Fraction(1, 3)), (D('-Inf'), -10**100), (D('1E+100'), 10**100),
             (D('1.00'), D('1')), (D('-0'), D('0')), (D('Inf'), D('Inf')), (D('Inf'), Fraction(1, 2))]:
    print(repr(a), repr(b), a == b, a != b, a < b, a <= b, a > b, a >= b, b == a, b < a)
print(sorted([D('2.5'), 1, D('-1'), 0.5, Fraction(7, 3), D('0.1')]))
print(D('NaN') == D('NaN'), D('NaN') != 1, D(1) == 'a', D(1) != None)
show('NaN < 1', lambda: D('NaN') < 1)
show('sNaN == 1', lambda: D('sNaN') == 1)
show('1 > NaN', lambda: 1 > D('NaN'))
show_type('D < str', lambda: D(1) < 'x')
with localcontext() as c:
    c.traps[InvalidOperation] = False
    print(D('NaN') < 1, D('NaN') >= D('NaN'), c.flags[InvalidOperation])
print(max(D(1), D('1.0')), min(D(2), 3), D('1.5').max(D('1.50')), D('-0').min(D('0')))

# operators with ints and floats
a, b = D('7.5'), D('-2')
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, -a, +a, abs(b),
      a + 1, 1 + a, 3 - a, 2 * a, 10 / a, 10 // a, 10 % a, divmod(10, a), 2 ** D('0.5'))
print(D(-7) // 2, D(-7) % 2, divmod(D(-7), 2), D(7) // -2, D('-0') + D('0'), D('-0') - D(0))
for op in ['+', '-', '*', '/', '//', '%', '**', '<', '==']:
    show_type('D %s 1.5' % op, lambda: eval('D(1) %s 1.5' % op))
show_type('1.5 + D', lambda: 1.5 + D(1))
show_type('D + "1"', lambda: D(1) + '1')
print(pow(D(3), 4, 5), pow(D(-3), 3, 7), pow(D(2), D(100), D(97)))
show('pow(D(2), -1, 5)', lambda: pow(D(2), -1, 5))
show('pow(D(2.5), 2, 5)', lambda: pow(D('2.5'), 2, 5))

# signals: exception types, arguments, flags, traps
for label, fn in [('1/0', lambda: D(1) / 0), ('0/0', lambda: D(0) / 0), ('1//0', lambda: D(1) // 0),
                  ('1%0', lambda: D(1) % 0), ('overflow', lambda: D('9E+999999') * 10),
                  ('sqrt(-1)', lambda: D(-1).sqrt()), ('Inf-Inf', lambda: D('Inf') - D('Inf')),
                  ('big//small', lambda: D('1E+50') // D('1E-50')), ('syntax', lambda: D('x1')),
                  ('sNaN+1', lambda: D('sNaN') + 1), ('ln(0)', lambda: D(0).ln()),
                  ('quantize', lambda: D('123.456').quantize(D('1E-30')))]:
    try:
        r = fn()
        print(label, 'ok', r)
    except DecimalException as e:
        print(label, type(e).__name__, e.args, isinstance(e, ArithmeticError),
              isinstance(e, ZeroDivisionError), isinstance(e, InvalidOperation))
print(getcontext())
getcontext().clear_flags()
for cls in [DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
            DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded, Subnormal,
            Overflow, Underflow, FloatOperation]:
    print(cls, [b.__name__ for b in cls.__mro__])

c = Context(prec=3, traps=[Inexact], flags=[])
show('trap Inexact', lambda: c.divide(1, 3))
print(c.flags[Inexact], c.flags[Rounded], c)
c.traps[Inexact] = False
c.traps[Rounded] = True
show('trap Rounded', lambda: c.add(D('1.234'), 0))
c.clear_traps()
print(c.divide(2, 3), c.traps, c)
c.traps = {s: s is Overflow for s in c.traps}
show("traps = list", lambda: setattr(c, "traps", [Overflow]))
c.flags = {s: False for s in c.flags}
print(c)
show('flags[ConversionSyntax]', lambda: c.flags[ConversionSyntax])
show('traps bad', lambda: Context(traps=[1]))
show('flags bad', lambda: Context(flags=3))

# float operation signal
getcontext().traps[FloatOperation] = True
show('D(0.5) trapped', lambda: D(0.5))
show('D == 0.5', lambda: D('0.5') == 0.5)
show('D < 0.5', lambda: D('0.5') < 0.7)
show('from_float', lambda: D.from_float(0.5))
show('create_decimal(float)', lambda: getcontext().create_decimal(0.5))
show('create_decimal_from_float', lambda: getcontext().create_decimal_from_float(0.1))
getcontext().traps[FloatOperation] = False
getcontext().clear_flags()
show('D(0.5) flag', lambda: (D(0.5), getcontext().flags[FloatOperation]))
getcontext().clear_flags()

# contexts: construction, validation, copies, templates, localcontext
print(DefaultContext, BasicContext, ExtendedContext, sep='\n')
for kw in [dict(prec=0), dict(prec=MAX_PREC + 1), dict(prec='5'), dict(rounding='x'), dict(Emin=1),
           dict(Emax=-1), dict(capitals=2), dict(clamp=-1), dict(Emin=1.5)]:
    show('Context(%r)' % kw, lambda: Context(**kw))
c = Context(prec=7, rounding=ROUND_UP, Emin=-20, Emax=20, capitals=0, clamp=1)
print(c, c.Etiny(), c.Etop(), c.copy() is not c, c.copy().prec, c.radix())
print(c.create_decimal('3.14159265'), c.create_decimal(10**10), c.create_decimal((0, (1,)*9, -2)))
show('create_decimal(" 1")', lambda: c.create_decimal(' 1'))
show('create_decimal(None)', lambda: c.create_decimal(None))
show('c.add(1.5, 1)', lambda: c.add(1.5, 1))
show('c.prec = -1', lambda: setattr(c, 'prec', -1))
show('c.rounding = 1', lambda: setattr(c, 'rounding', 1))
show('del c.prec', lambda: delattr(c, 'prec'))
with localcontext() as lc:
    lc.prec = 5
    print(D(1) / D(7), getcontext() is lc)
print(D(1) / D(7))
with localcontext(prec=4, rounding=ROUND_DOWN) as lc:
    print(D(2) / D(3), lc.prec, lc.rounding)
with localcontext(Context(prec=3)):
    print(D(1) / D(3))
show('localcontext(foo=1)', lambda: localcontext(foo=1).__enter__())
show('localcontext(prec="x")', lambda: localcontext(prec='x').__enter__())
print(getcontext().prec)
saved = getcontext()
setcontext(BasicContext)
print(getcontext() is BasicContext, getcontext())
setcontext(saved)
print(getcontext() is saved)
show('setcontext(1)', lambda: setcontext(1))
DefaultContext.prec = 12
print(Context().prec)
DefaultContext.prec = 28

# module constants
print(MAX_PREC, MAX_EMAX, MIN_EMIN, MIN_ETINY, decimal.__version__, ROUND_05UP)
print(Decimal.__module__, Context.__module__, InvalidOperation.__module__, DecimalTuple(0, (1,), 0))
print(isinstance(D(1), decimal.Decimal), issubclass(Decimal, object))
import numbers
print(isinstance(D(1), numbers.Number), isinstance(D(1), numbers.Real))

# subclasses keep their type through construction
class MyDec(Decimal):
    pass
m = MyDec('1.5')
print(type(m).__name__, m, type(MyDec.from_float(0.5)).__name__, type(m + 1).__name__)
import copy
print(copy.copy(D('1.5')), copy.deepcopy(D('2.5')), D('3.5').__reduce__())

# exp far out (overflow / underflow / 1 +- tiny), big integer powers, context copies
c = getcontext()
c.traps[Overflow] = False
for s in ['1000000', '-1000000', '2302587', '-2302587', '1E+30', '-1E+30', '1E-30', '-1E-30', '700.5']:
    c.clear_flags()
    r = Decimal(s).exp()
    print(s, r, c.flags[Overflow], c.flags[Underflow], c.flags[Inexact])
c.traps[Overflow] = True
c.clear_flags()
print(copy.copy(c) == c, copy.copy(c), c.__reduce__()[1][:6])
print(Decimal('1.0000001') ** 12345678, Decimal(3) ** Decimal('1E+2'), Decimal(6) ** 54190)
print(Decimal(10) ** -5, Decimal('0.1') ** 50, Decimal(-2) ** -3, Decimal('-0.5') ** Decimal('-2'))
print(Decimal('123.456').sqrt(), Decimal('1E-999999').sqrt(), Decimal('1E+999999').ln(),
      Decimal('0.5').log10())
print(Decimal(7).fma(3, Decimal('1E-40')), Decimal('1E+100').fma(Decimal('1E+100'), -1))
print(Decimal('1.5').remainder_near(1), Decimal('2.5').remainder_near(1),
      Decimal('-7').remainder_near(4))
print(Decimal('12.3456').normalize(), Decimal('100').normalize(), Decimal('0.00').normalize(),
      Decimal('-0E+5').normalize())
# adding operands whose exponents are far apart (the sticky shortcut) in every rounding mode
for r in [ROUND_HALF_EVEN, ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_05UP]:
    ctx = Context(prec=6, rounding=r, traps=[])
    print(r, [str(ctx.add(Decimal(x), Decimal(y))) for x, y in
              [('123456E+20', '1E-30'), ('123456E+20', '-1E-30'), ('1E+30', '-1E-30'),
               ('999999E+20', '5E-9'), ('1234565E+19', '1E-40'), ('1234565E+19', '-1E-40'),
               ('0E+40', '1.5'), ('1.5', '0E-40'), ('5E-40', '123456789012345678901234567890E+5')]])
