"""Decimal fixed and floating point arithmetic after the General Decimal Arithmetic specification,
with the observable behaviour of CPython 3.13's decimal module (libmpdec): results, signals, flags,
exception messages, string and format output.

Krait's own implementation. A finite Decimal is (sign, coefficient, exponent) with the coefficient a
Python int, so the arithmetic runs on the VM's GMP-backed integers; specials keep the exponent as one
of 'F' (infinity), 'n' (quiet NaN) and 'N' (signalling NaN) and a NaN's payload in the coefficient.

Signals follow libmpdec: an operation collects status bits in ctx._st while it runs; the public entry
point then ORs them into the context's flags and raises the first trapped signal, its argument being
the list of trapped conditions, as CPython's C module does ("[<class 'decimal.ConversionSyntax'>]").
exp, ln, log10, sqrt and non-integral powers are correctly rounded (Ziv's strategy: evaluate with a
few guard digits in fixed point, widen until the error interval rounds one way).
"""

import math as _math
import numbers as _numbers
from collections import namedtuple as _namedtuple

try:
    _complex = complex
except NameError:       # a build without the complex type
    _complex = ()

__all__ = [
    'Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext', 'ExtendedContext',
    'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero', 'Inexact', 'Rounded',
    'Subnormal', 'Overflow', 'Underflow', 'FloatOperation', 'DivisionImpossible', 'InvalidContext',
    'ConversionSyntax', 'DivisionUndefined',
    'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP',
    'ROUND_HALF_DOWN', 'ROUND_05UP',
    'setcontext', 'getcontext', 'localcontext',
    'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY', 'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_DOWN,
              ROUND_HALF_EVEN, ROUND_05UP)

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')


# ---------------------------------------------------------------------------------------------
# Signals

class DecimalException(ArithmeticError):
    __module__ = 'decimal'

class Clamped(DecimalException):
    __module__ = 'decimal'

class InvalidOperation(DecimalException):
    __module__ = 'decimal'

class ConversionSyntax(InvalidOperation):
    __module__ = 'decimal'

class DivisionByZero(DecimalException, ZeroDivisionError):
    __module__ = 'decimal'

class DivisionImpossible(InvalidOperation):
    __module__ = 'decimal'

class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    __module__ = 'decimal'

class Inexact(DecimalException):
    __module__ = 'decimal'

class InvalidContext(InvalidOperation):
    __module__ = 'decimal'

class Rounded(DecimalException):
    __module__ = 'decimal'

class Subnormal(DecimalException):
    __module__ = 'decimal'

class Overflow(Inexact, Rounded):
    __module__ = 'decimal'

class Underflow(Inexact, Rounded, Subnormal):
    __module__ = 'decimal'

class FloatOperation(DecimalException, TypeError):
    __module__ = 'decimal'


# Status bits, numbered as libmpdec's (the repr of a context lists flags in this bit order).
_CLAMPED = 0x1
_CONV_SYNTAX = 0x2
_DIV_BY_ZERO = 0x4
_DIV_IMPOSSIBLE = 0x8
_DIV_UNDEFINED = 0x10
_INEXACT = 0x40
_INVALID_CONTEXT = 0x80
_INVALID = 0x100
_FLOAT_OP = 0x400
_OVERFLOW = 0x800
_ROUNDED = 0x1000
_SUBNORMAL = 0x2000
_UNDERFLOW = 0x4000
# every condition that raises InvalidOperation (libmpdec's MPD_IEEE_Invalid_operation)
_IEEE_INVALID = _CONV_SYNTAX | _DIV_IMPOSSIBLE | _DIV_UNDEFINED | 0x20 | _INVALID_CONTEXT | _INVALID | 0x200
_ALL_STATUS = 0x7fff

# the nine signals in CPython's order (SignalDict order, choice of the exception raised)
_SIGNALS = ((InvalidOperation, _IEEE_INVALID), (FloatOperation, _FLOAT_OP),
            (DivisionByZero, _DIV_BY_ZERO), (Overflow, _OVERFLOW), (Underflow, _UNDERFLOW),
            (Subnormal, _SUBNORMAL), (Inexact, _INEXACT), (Rounded, _ROUNDED), (Clamped, _CLAMPED))
_SIGNAL_MASK = dict(_SIGNALS)
# the classes listed in a raised exception's argument: the InvalidOperation conditions, then the rest
_CONDITIONS = ((InvalidOperation, _INVALID), (ConversionSyntax, _CONV_SYNTAX),
               (DivisionImpossible, _DIV_IMPOSSIBLE), (DivisionUndefined, _DIV_UNDEFINED),
               (InvalidContext, _INVALID_CONTEXT)) + _SIGNALS[1:]
# names by status bit, for Context.__repr__
_BIT_NAMES = ((_CLAMPED, 'Clamped'), (_CONV_SYNTAX, 'InvalidOperation'), (_DIV_BY_ZERO, 'DivisionByZero'),
              (_DIV_IMPOSSIBLE, 'InvalidOperation'), (_DIV_UNDEFINED, 'InvalidOperation'),
              (0x20, 'InvalidOperation'), (_INEXACT, 'Inexact'), (_INVALID_CONTEXT, 'InvalidOperation'),
              (_INVALID, 'InvalidOperation'), (0x200, 'InvalidOperation'), (_FLOAT_OP, 'FloatOperation'),
              (_OVERFLOW, 'Overflow'), (_ROUNDED, 'Rounded'), (_SUBNORMAL, 'Subnormal'),
              (_UNDERFLOW, 'Underflow'))
_SIGNAL_KEY_MSG = ('valid values for signals are:\n  [InvalidOperation, FloatOperation, DivisionByZero,\n'
                   '   Overflow, Underflow, Subnormal, Inexact, Rounded,\n   Clamped]')


def _signal_mask(sig):
    try:
        return _SIGNAL_MASK[sig]
    except (KeyError, TypeError):
        raise KeyError(_SIGNAL_KEY_MSG) from None


def _bits_repr(bits):
    names = []
    for bit, name in _BIT_NAMES:
        if bits & bit and name not in names:
            names.append(name)
    return '[' + ', '.join(names) + ']'


# ---------------------------------------------------------------------------------------------
# Integer helpers

_POW10 = [10 ** i for i in range(64)]


_POW10_BIG = {}


def _p10(n):
    if n < 64:
        return _POW10[n]
    # long coefficients (high precision) ask for the same few powers again and again
    v = _POW10_BIG.get(n)
    if v is None:
        v = 10 ** n
        if len(_POW10_BIG) < 1024 and n < 100000:
            _POW10_BIG[n] = v
    return v


def _nd(c):
    """Number of decimal digits of the non-negative int c (1 for 0)."""
    if c < 10000000000000000:
        return len(str(c))
    # 2**(b-1) <= c < 2**b: the count is floor((b-1) log10 2) + 1 or one more
    n = int((c.bit_length() - 1) * 0.30102999566398120) + 1
    if c >= _p10(n):
        return n + 1
    if c < _p10(n - 1):      # the float product landed just above an integer
        return n - 1
    return n


def _strip_zeros(c, e, limit):
    """Drop trailing zeros of c while e < limit; returns (c, e)."""
    if c == 0:
        return c, e
    while e < limit:
        q, r = divmod(c, 10)
        if r:
            break
        c = q
        e += 1
    return c, e


def _round_up(mode, sign, q, r, half):
    """Whether the truncated quotient q must be incremented, r being the discarded part and half
    the half-way value of that part (r > 0)."""
    if mode == 'ROUND_HALF_EVEN':
        return r > half or (r == half and q & 1)
    if mode == 'ROUND_HALF_UP':
        return r >= half
    if mode == 'ROUND_DOWN':
        return False
    if mode == 'ROUND_UP':
        return True
    if mode == 'ROUND_HALF_DOWN':
        return r > half
    if mode == 'ROUND_CEILING':
        return not sign
    if mode == 'ROUND_FLOOR':
        return bool(sign)
    return q % 5 == 0   # ROUND_05UP


def _shift_round(c, k, mode, sign):
    """c / 10**k rounded by mode; returns (quotient, inexact)."""
    if k <= 0:
        return c * _p10(-k), False
    if k > _nd(c) + 1:     # everything goes: a tiny non-zero remainder below half
        c, k = (1 if c else 0), 2
    q, r = divmod(c, _p10(k))
    if not r:
        return q, False
    if _round_up(mode, sign, q, r, 5 * _p10(k - 1)):
        q += 1
    return q, True


# ---------------------------------------------------------------------------------------------
# Decimal

def _new(sign, c, e, cls=None):
    d = object.__new__(cls or Decimal)
    d._sign = sign
    d._int = c
    d._exp = e
    d._is_special = e.__class__ is str
    return d


def _finish(sign, c, e, ctx, mode=None):
    """Round the exact result sign*c*10**e to ctx (precision, exponent range, clamp), adding the
    signals to ctx._st. mode overrides the context's rounding (exp/ln/sqrt use half-even)."""
    p = ctx._prec
    emax = ctx._Emax
    etiny = ctx._Emin - p + 1
    if not c:
        hi = emax - p + 1 if ctx._clamp else emax
        if e < etiny:
            e = etiny
            ctx._st |= _CLAMPED
        elif e > hi:
            e = hi
            ctx._st |= _CLAMPED
        return _new(sign, 0, e)
    n = _nd(c)
    adj = e + n - 1
    if adj > emax:
        return _overflow(sign, ctx, mode)
    if adj < ctx._Emin:
        sub = True
        lo = etiny
    else:
        sub = False
        lo = adj - p + 1
    if e < lo:
        c, inexact = _shift_round(c, lo - e, mode or ctx._rounding, sign)
        e = lo
        if c >= _p10(p):      # rounded up to 10**p
            c //= 10
            e += 1
        if e > emax - p + 1:
            return _overflow(sign, ctx, mode)
        st = _ROUNDED
        if inexact:
            st |= _INEXACT
            if sub:
                st |= _UNDERFLOW
        if sub:
            st |= _SUBNORMAL
        if not c:
            st |= _CLAMPED
        ctx._st |= st
        return _new(sign, c, e)
    if sub:
        ctx._st |= _SUBNORMAL
    elif ctx._clamp and e > emax - p + 1:
        top = emax - p + 1
        c *= _p10(e - top)
        e = top
        ctx._st |= _CLAMPED
    return _new(sign, c, e)


def _overflow(sign, ctx, mode=None):
    ctx._st |= _OVERFLOW | _INEXACT | _ROUNDED
    mode = mode or ctx._rounding
    if (mode in ('ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_HALF_DOWN', 'ROUND_UP')
            or (mode == 'ROUND_CEILING' and not sign) or (mode == 'ROUND_FLOOR' and sign)):
        return _new(sign, 0, 'F')
    p = ctx._prec
    return _new(sign, _p10(p) - 1, ctx._Emax - p + 1)


def _fix_nan(d, ctx):
    """A NaN's payload keeps at most prec - clamp digits (libmpdec drops the high ones)."""
    limit = ctx._prec - ctx._clamp
    if d._int and _nd(d._int) > limit:
        return _new(d._sign, d._int % _p10(limit) if limit > 0 else 0, d._exp)
    return d


def _nan_result(a, b, ctx):
    """The result of an operation with a NaN operand, or None when there is none: a signalling
    NaN gives InvalidOperation and becomes quiet; otherwise the first quiet NaN propagates."""
    ea = a._exp
    eb = b._exp if b is not None else 0
    if ea == 'N' or eb == 'N':
        ctx._st |= _INVALID
        src = a if ea == 'N' else b
        return _fix_nan(_new(src._sign, src._int, 'n'), ctx)
    if ea == 'n':
        return _fix_nan(a, ctx)
    if eb == 'n':
        return _fix_nan(b, ctx)
    return None


def _nan(ctx, st=_INVALID):
    ctx._st |= st
    return _new(0, 0, 'n')


def _parse(s):
    """Parse the string form of a number; returns a Decimal or None on a syntax error."""
    if not s.isascii():
        out = []
        for ch in s:
            if ch.isdecimal():
                out.append(str(int(ch)))
            elif ch.isspace():
                out.append(' ')
            else:
                out.append(ch)
        s = ''.join(out)
    if not s:
        return None
    sign = 0
    ch = s[0]
    if ch == '-' or ch == '+':
        sign = ch == '-'
        s = s[1:]
        sign = 1 if sign else 0
    low = s.lower()
    if low == 'inf' or low == 'infinity':
        return _new(sign, 0, 'F')
    if low.startswith('nan') or low.startswith('snan'):
        payload = low[3:] if low[0] == 'n' else low[4:]
        if payload and not (payload.isdigit() and payload.isascii()):
            return None
        return _new(sign, int(payload) if payload else 0, 'n' if low[0] == 'n' else 'N')
    epos = low.find('e')
    exp = 0
    if epos >= 0:
        es = low[epos + 1:]
        low = low[:epos]
        t = es[1:] if es[:1] in ('+', '-') else es
        if not t or not (t.isdigit() and t.isascii()):
            return None
        exp = int(es)
    dot = low.find('.')
    if dot >= 0:
        ip = low[:dot]
        fp = low[dot + 1:]
        digits = ip + fp
        exp -= len(fp)
    else:
        digits = low
    if not digits or not (digits.isdigit() and digits.isascii()):
        return None
    return _new(sign, int(digits), exp)


def _from_int(n, cls=None):
    return _new(1, -n, 0, cls) if n < 0 else _new(0, n, 0, cls)


def _from_float(f, cls=None):
    if f != f:
        return _new(0, 0, 'n', cls)
    sign = 0 if _math.copysign(1.0, f) > 0 else 1
    if f in (_math.inf, -_math.inf):
        return _new(sign, 0, 'F', cls)
    n, d = abs(f).as_integer_ratio()
    k = d.bit_length() - 1          # d is a power of two: n/2**k = n*5**k / 10**k
    return _new(sign, n * 5 ** k, -k, cls)


def _convert(x):
    """Operand conversion: Decimal and int, None for anything else (the operator returns
    NotImplemented). Context methods use _convert_strict."""
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return _from_int(x)
    return None


def _convert_strict(x):
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return _from_int(x)
    raise TypeError('conversion from %s to Decimal is not supported' % type(x).__name__)


class Decimal(object):
    """Floating point class for decimal arithmetic."""

    __slots__ = ('_sign', '_int', '_exp', '_is_special')
    __module__ = 'decimal'

    def __new__(cls, value='0', context=None):
        if isinstance(value, str):
            d = _parse(value.strip().replace('_', '') if '_' in value else value.strip())
            if d is None:
                ctx = _ctx(context)
                ctx._st |= _CONV_SYNTAX
                ctx._signal()
                d = _new(0, 0, 'n')
            if cls is not Decimal:
                d = _new(d._sign, d._int, d._exp, cls)
            return d
        if isinstance(value, int):
            return _from_int(value, cls)
        if isinstance(value, Decimal):
            if cls is Decimal and type(value) is Decimal:
                return value
            return _new(value._sign, value._int, value._exp, cls)
        if isinstance(value, float):
            ctx = _ctx(context)
            ctx._st |= _FLOAT_OP
            ctx._signal()
            return _from_float(value, cls)
        if isinstance(value, (tuple, list)):
            return _from_tuple(value, cls)
        raise TypeError('conversion from %s to Decimal is not supported' % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            d = _from_int(f)
        elif isinstance(f, float):
            d = _from_float(f)
        else:
            raise TypeError('argument must be int or float')
        return d if cls is Decimal else cls(d)

    # -- representation --------------------------------------------------------------------

    def __repr__(self):
        return "Decimal('%s')" % self._to_str(False, _current().capitals)

    def __str__(self):
        return self._to_str(False, _current().capitals)

    def to_eng_string(self, context=None):
        return self._to_str(True, _ctx(context).capitals)

    def _to_str(self, eng, caps):
        sign = '-' if self._sign else ''
        e = self._exp
        if self._is_special:
            if e == 'F':
                return sign + 'Infinity'
            body = 'NaN' if e == 'n' else 'sNaN'
            return sign + body + (str(self._int) if self._int else '')
        digits = str(self._int)
        n = len(digits)
        left = e + n          # digits to the left of the point in plain notation
        if e <= 0 and left > -6:
            dot = left
        elif not eng:
            dot = 1
        elif self._int == 0:
            dot = (left + 1) % 3 - 1
        else:
            dot = (left - 1) % 3 + 1
        if dot <= 0:
            body = '0.' + '0' * -dot + digits
        elif dot >= n:
            body = digits + '0' * (dot - n)
        else:
            body = digits[:dot] + '.' + digits[dot:]
        if left != dot:
            x = left - dot
            body += ('E' if caps else 'e') + ('+' if x > 0 else '-') + str(abs(x))
        return sign + body

    def as_tuple(self):
        e = self._exp
        if e == 'F':
            digits = (0,)
        elif self._is_special and not self._int:
            digits = ()
        else:
            digits = tuple(map(int, str(self._int)))
        return DecimalTuple(self._sign, digits, e)

    def as_integer_ratio(self):
        if self._is_special:
            if self._exp == 'F':
                raise OverflowError('cannot convert Infinity to integer ratio')
            raise ValueError('cannot convert NaN to integer ratio')
        c, e = self._int, self._exp
        if e >= 0:
            n, d = c * _p10(e), 1
        else:
            d = _p10(-e)
            g = _math.gcd(c, d)
            n, d = c // g, d // g
        return (-n if self._sign else n), d

    def adjusted(self):
        if self._is_special:
            return 0
        return self._exp + _nd(self._int) - 1

    # -- conversions -----------------------------------------------------------------------

    def _integral(self, mode):
        """The value rounded to an int by mode (no signals)."""
        if self._is_special:
            if self._exp == 'F':
                raise OverflowError('cannot convert Infinity to integer')
            raise ValueError('cannot convert NaN to integer')
        c, e = self._int, self._exp
        if e >= 0:
            n = c * _p10(e)
        else:
            n, _ = _shift_round(c, -e, mode, self._sign)
        return -n if self._sign else n

    def __int__(self):
        return self._integral(ROUND_DOWN)

    def __trunc__(self):
        return self._integral(ROUND_DOWN)

    def __floor__(self):
        return self._integral(ROUND_FLOOR)

    def __ceil__(self):
        return self._integral(ROUND_CEILING)

    def __round__(self, n=None):
        if n is None:
            return self._integral(ROUND_HALF_EVEN)
        if not isinstance(n, int):
            raise TypeError('optional arg must be an integer')
        return self.quantize(_new(0, 1, -n))

    def __float__(self):
        if self._is_special:
            if self._exp == 'N':
                raise ValueError('cannot convert signaling NaN to float')
            if self._exp == 'n':
                return -_math.nan if self._sign else _math.nan
        return float(self._to_str(False, 1))

    def __complex__(self):
        return complex(float(self))

    def __bool__(self):
        return self._is_special or self._int != 0

    def __hash__(self):
        if self._is_special:
            if self._exp == 'N':
                raise TypeError('Cannot hash a signaling NaN value')
            if self._exp == 'n':
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        c, e = self._int, self._exp
        if e >= 0:
            h = c % _HASH_MOD * pow(10, e, _HASH_MOD) % _HASH_MOD
        else:
            h = c % _HASH_MOD * pow(_INV10, -e, _HASH_MOD) % _HASH_MOD
        if self._sign:
            h = -h
        return -2 if h == -1 else h

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self if type(self) is Decimal else self.__class__(self)

    def __deepcopy__(self, memo):
        return self.__copy__()

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return _new(0, 0, 0)

    def conjugate(self):
        return self

    def radix(self):
        return _new(0, 10, 0)

    def canonical(self):
        return self

    def is_canonical(self):
        return True

    # -- predicates ------------------------------------------------------------------------

    def is_finite(self):
        return not self._is_special

    def is_infinite(self):
        return self._exp == 'F'

    def is_nan(self):
        return self._exp == 'n' or self._exp == 'N'

    def is_qnan(self):
        return self._exp == 'n'

    def is_snan(self):
        return self._exp == 'N'

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return not self._is_special and self._int == 0

    def is_normal(self, context=None):
        if self._is_special or not self._int:
            return False
        return self.adjusted() >= _ctx(context).Emin

    def is_subnormal(self, context=None):
        if self._is_special or not self._int:
            return False
        return self.adjusted() < _ctx(context).Emin

    def number_class(self, context=None):
        if self._exp == 'N':
            return 'sNaN'
        if self._exp == 'n':
            return 'NaN'
        s = '-' if self._sign else '+'
        if self._exp == 'F':
            return s + 'Infinity'
        if not self._int:
            return s + 'Zero'
        if self.adjusted() < _ctx(context).Emin:
            return s + 'Subnormal'
        return s + 'Normal'

    def same_quantum(self, other, context=None):
        other = _convert_strict(other)
        if self._is_special or other._is_special:
            return (self.is_nan() and other.is_nan()) or (self._exp == 'F' and other._exp == 'F')
        return self._exp == other._exp

    # -- sign manipulation (quiet, exact) --------------------------------------------------

    def copy_abs(self):
        return _new(0, self._int, self._exp)

    def copy_negate(self):
        return _new(self._sign ^ 1, self._int, self._exp)

    def copy_sign(self, other, context=None):
        other = _convert_strict(other)
        return _new(other._sign, self._int, self._exp)

    # -- operators -------------------------------------------------------------------------

    def __add__(self, other):
        o = _convert(other)
        if o is None:
            return NotImplemented
        ctx = _current()
        r = _add(self, o, ctx, 0)
        if ctx._st:
            ctx._signal()
        return r

    def __radd__(self, other):
        o = _convert(other)
        if o is None:
            return NotImplemented
        ctx = _current()
        r = _add(o, self, ctx, 0)
        if ctx._st:
            ctx._signal()
        return r

    def __sub__(self, other):
        o = _convert(other)
        if o is None:
            return NotImplemented
        ctx = _current()
        r = _add(self, o, ctx, 1)
        if ctx._st:
            ctx._signal()
        return r

    def __rsub__(self, other):
        o = _convert(other)
        if o is None:
            return NotImplemented
        ctx = _current()
        r = _add(o, self, ctx, 1)
        if ctx._st:
            ctx._signal()
        return r

    def __mul__(self, other):
        o = _convert(other)
        if o is None:
            return NotImplemented
        ctx = _current()
        r = _mul(self, o, ctx)
        if ctx._st:
            ctx._signal()
        return r

    def __rmul__(self, other):
        o = _convert(other)
        if o is None:
            return NotImplemented
        ctx = _current()
        r = _mul(o, self, ctx)
        if ctx._st:
            ctx._signal()
        return r

    def __truediv__(self, other):
        return _binop(_div, self, other)

    def __rtruediv__(self, other):
        return _rbinop(_div, self, other)

    def __floordiv__(self, other):
        return _binop(_divint, self, other)

    def __rfloordiv__(self, other):
        return _rbinop(_divint, self, other)

    def __mod__(self, other):
        return _binop(_rem, self, other)

    def __rmod__(self, other):
        return _rbinop(_rem, self, other)

    def __divmod__(self, other):
        return _binop(_divmod, self, other)

    def __rdivmod__(self, other):
        return _rbinop(_divmod, self, other)

    def __pow__(self, other, modulo=None):
        if modulo is None:
            return _binop(_pow, self, other)
        o = _convert(other)
        m = _convert(modulo)
        if o is None or m is None:
            return NotImplemented
        ctx = _current()
        r = _powmod(self, o, m, ctx)
        ctx._signal()
        return r

    def __rpow__(self, other, modulo=None):
        if modulo is not None:
            return NotImplemented
        return _rbinop(_pow, self, other)

    def __neg__(self):
        return _unary(_minus, self, None)

    def __pos__(self):
        return _unary(_plus, self, None)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        return _unary(_abs, self, context)

    # -- comparisons -----------------------------------------------------------------------

    def _cmp_operand(self, other, ordering):
        """other as something comparable exactly with self: a Decimal, or (num, den) for a
        Rational; None for NotImplemented."""
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return _from_int(other)
        if isinstance(other, float):
            ctx = _current()
            ctx._st |= _FLOAT_OP
            if ordering:
                ctx._signal()
            else:
                ctx._flags |= ctx._st
                ctx._st = 0
            return _from_float(other)
        if isinstance(other, _complex) and not ordering:
            if other.imag != 0:
                return False
            return self._cmp_operand(other.real, ordering)
        if isinstance(other, _numbers.Rational):
            return (other.numerator, other.denominator)
        return None

    def _compare_to(self, o, ordering):
        """-1/0/1, or None when a NaN is involved (signalling as the comparison requires)."""
        if o.__class__ is tuple:
            if self._is_special:
                if self._exp == 'F':
                    return -1 if self._sign else 1
                return self._nan_cmp(None, ordering)
            n, d = self.as_integer_ratio()
            lhs, rhs = n * o[1], o[0] * d
            return (lhs > rhs) - (lhs < rhs)
        if self._is_special or o._is_special:
            if self.is_nan() or o.is_nan():
                return self._nan_cmp(o, ordering)
        return _cmp(self, o)

    def _nan_cmp(self, o, ordering):
        ctx = _current()
        if ordering or self._exp == 'N' or (o is not None and o._exp == 'N'):
            ctx._st |= _INVALID
            ctx._signal()
        return None

    def __eq__(self, other):
        o = self._cmp_operand(other, False)
        if o is None:
            return NotImplemented
        if o is False:
            return False
        return self._compare_to(o, False) == 0

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        o = self._cmp_operand(other, True)
        if o is None:
            return NotImplemented
        r = self._compare_to(o, True)
        return r is not None and r < 0

    def __le__(self, other):
        o = self._cmp_operand(other, True)
        if o is None:
            return NotImplemented
        r = self._compare_to(o, True)
        return r is not None and r <= 0

    def __gt__(self, other):
        o = self._cmp_operand(other, True)
        if o is None:
            return NotImplemented
        r = self._compare_to(o, True)
        return r is not None and r > 0

    def __ge__(self, other):
        o = self._cmp_operand(other, True)
        if o is None:
            return NotImplemented
        r = self._compare_to(o, True)
        return r is not None and r >= 0

    # -- named operations (context argument) ----------------------------------------------

    def compare(self, other, context=None):
        return _ctxop(_compare, context, self, other)

    def compare_signal(self, other, context=None):
        return _ctxop(_compare_signal, context, self, other)

    def compare_total(self, other, context=None):
        return _new(*_cmp_total_triple(self, _convert_strict(other), False))

    def compare_total_mag(self, other, context=None):
        return _new(*_cmp_total_triple(self, _convert_strict(other), True))

    def max(self, other, context=None):
        return _ctxop(_max, context, self, other)

    def min(self, other, context=None):
        return _ctxop(_min, context, self, other)

    def max_mag(self, other, context=None):
        return _ctxop(_max_mag, context, self, other)

    def min_mag(self, other, context=None):
        return _ctxop(_min_mag, context, self, other)

    def remainder_near(self, other, context=None):
        return _ctxop(_rem_near, context, self, other)

    def next_toward(self, other, context=None):
        return _ctxop(_next_toward, context, self, other)

    def scaleb(self, other, context=None):
        return _ctxop(_scaleb, context, self, other)

    def shift(self, other, context=None):
        return _ctxop(_shift, context, self, other)

    def rotate(self, other, context=None):
        return _ctxop(_rotate, context, self, other)

    def logical_and(self, other, context=None):
        return _ctxop(_logical_and, context, self, other)

    def logical_or(self, other, context=None):
        return _ctxop(_logical_or, context, self, other)

    def logical_xor(self, other, context=None):
        return _ctxop(_logical_xor, context, self, other)

    def logical_invert(self, context=None):
        return _unary(_logical_invert, self, context)

    def fma(self, other, third, context=None):
        ctx = _ctx(context)
        r = _fma(self, _convert_strict(other), _convert_strict(third), ctx)
        ctx._signal()
        return r

    def quantize(self, exp, rounding=None, context=None):
        ctx = _ctx(context)
        _check_rounding(rounding)
        r = _quantize(self, _convert_strict(exp), ctx, rounding)
        if ctx._st:
            ctx._signal()
        return r

    def to_integral_value(self, rounding=None, context=None):
        ctx = _ctx(context)
        _check_rounding(rounding)
        r = _to_integral(self, ctx, rounding, False)
        ctx._signal()
        return r

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        ctx = _ctx(context)
        _check_rounding(rounding)
        r = _to_integral(self, ctx, rounding, True)
        ctx._signal()
        return r

    def normalize(self, context=None):
        return _unary(_normalize, self, context)

    def sqrt(self, context=None):
        return _unary(_sqrt, self, context)

    def exp(self, context=None):
        return _unary(_exp, self, context)

    def ln(self, context=None):
        return _unary(_ln, self, context)

    def log10(self, context=None):
        return _unary(_log10, self, context)

    def logb(self, context=None):
        return _unary(_logb, self, context)

    def next_plus(self, context=None):
        return _unary(_next_plus, self, context)

    def next_minus(self, context=None):
        return _unary(_next_minus, self, context)

    def __format__(self, spec, _localeconv=None):
        return _format(self, spec)

    def __sizeof__(self):
        return object.__sizeof__(self) + (_nd(self._int) if not self._is_special else 0)


_HASH_MOD = (1 << 61) - 1
_INV10 = pow(10, _HASH_MOD - 2, _HASH_MOD)


def _from_tuple(t, cls):
    if len(t) != 3:
        raise ValueError('argument must be a sequence of length 3')
    sign, digits, exp = t
    if not (isinstance(sign, int) and sign in (0, 1)):
        raise ValueError('sign must be an integer with the value 0 or 1')
    if not isinstance(digits, (tuple, list)):
        raise ValueError('coefficient must be a tuple of digits')
    c = 0
    for dg in digits:
        if not (isinstance(dg, int) and 0 <= dg <= 9):
            raise ValueError('coefficient must be a tuple of digits')
        c = c * 10 + dg
    if isinstance(exp, str):
        if exp not in ('F', 'n', 'N'):
            raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
        if exp == 'F':
            c = 0
    elif not isinstance(exp, int):
        raise ValueError('exponent must be an integer')
    return _new(sign, c, exp, cls)


def _check_rounding(r):
    if r is not None and r not in _ROUNDINGS:
        raise TypeError('valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, '
                        'ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   '
                        'ROUND_05UP]')


def _binop(fn, a, b):
    o = _convert(b)
    if o is None:
        return NotImplemented
    ctx = _current()
    r = fn(a, o, ctx)
    if ctx._st:
        ctx._signal()
    return r


def _rbinop(fn, a, b):
    o = _convert(b)
    if o is None:
        return NotImplemented
    ctx = _current()
    r = fn(o, a, ctx)
    if ctx._st:
        ctx._signal()
    return r


def _unary(fn, a, context):
    ctx = _ctx(context)
    r = fn(a, ctx)
    if ctx._st:
        ctx._signal()
    return r


def _ctxop(fn, context, a, b):
    ctx = _ctx(context)
    r = fn(a, _convert_strict(b), ctx)
    if ctx._st:
        ctx._signal()
    return r


# ---------------------------------------------------------------------------------------------
# Arithmetic on Decimals (the ctx argument collects the status; callers signal)

def _plus(a, ctx):
    if a._is_special:
        r = _nan_result(a, None, ctx)
        return r if r is not None else a
    sign = a._sign
    if not a._int and ctx._rounding != ROUND_FLOOR:
        sign = 0
    return _finish(sign, a._int, a._exp, ctx)


def _minus(a, ctx):
    if a._is_special:
        r = _nan_result(a, None, ctx)
        return r if r is not None else _new(a._sign ^ 1, 0, 'F')
    sign = a._sign ^ 1
    if not a._int and ctx._rounding != ROUND_FLOOR:
        sign = 0
    return _finish(sign, a._int, a._exp, ctx)


def _abs(a, ctx):
    if a._sign:
        return _minus(a, ctx)
    return _plus(a, ctx)


def _add(a, b, ctx, negate_b):
    bsign = b._sign ^ negate_b
    if a._is_special or b._is_special:
        r = _nan_result(a, b, ctx)
        if r is not None:
            return r
        if a._exp == 'F':
            if b._exp == 'F' and a._sign != bsign:
                return _nan(ctx)
            return _new(a._sign, 0, 'F')
        return _new(bsign, 0, 'F')
    ca, ea, sa = a._int, a._exp, a._sign
    cb, eb, sb = b._int, b._exp, bsign
    if ea == eb:
        e = ea
    else:
        # Keep far-apart operands cheap: an operand entirely below the rounding position of
        # the other acts only as a sticky digit.
        if ea < eb:
            ca, ea, sa, cb, eb, sb = cb, eb, sb, ca, ea, sa
        if ea - eb > ctx._prec + 4:
            if ca and cb:
                # b < 10**m, m at or below a's last digit and two below the lowest possible
                # rounding position: any such b rounds a + b the same way, so a single unit
                # at 10**(m-1) stands for it
                m = ea + _nd(ca) - ctx._prec - 2
                if m > ea:
                    m = ea
                if eb + _nd(cb) <= m:
                    cb, eb = 1, m - 1
            elif cb:
                # 0Eea + b: b keeps its exponent (the smaller, ideal one)
                return _finish(sb, cb, eb, ctx)
            else:
                # a + 0Eeb: a padded toward the ideal exponent, by at most prec + 1 digits
                t = ea - ctx._prec - 1
                if t < eb:
                    t = eb
                return _finish(sa, ca * _p10(ea - t), t, ctx)
        ca *= _p10(ea - eb)
        e = eb
    if sa == sb:
        c = ca + cb
        sign = sa
    else:
        c = ca - cb
        sign = sa
        if c < 0:
            c = -c
            sign = sb
        elif c == 0:
            sign = 1 if ctx._rounding == ROUND_FLOOR else 0
    if not c and sa == sb:
        sign = sa
    return _finish(sign, c, e, ctx)


def _mul(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._is_special or b._is_special:
        r = _nan_result(a, b, ctx)
        if r is not None:
            return r
        if (a._exp == 'F' and not b._is_special and not b._int) or \
                (b._exp == 'F' and not a._is_special and not a._int):
            return _nan(ctx)
        return _new(sign, 0, 'F')
    return _finish(sign, a._int * b._int, a._exp + b._exp, ctx)


def _div(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._is_special or b._is_special:
        r = _nan_result(a, b, ctx)
        if r is not None:
            return r
        if a._exp == 'F':
            if b._exp == 'F':
                return _nan(ctx)
            return _new(sign, 0, 'F')
        ctx._st |= _CLAMPED
        return _new(sign, 0, ctx._Emin - ctx._prec + 1)
    ca, cb = a._int, b._int
    ideal = a._exp - b._exp
    if not cb:
        if not ca:
            return _nan(ctx, _DIV_UNDEFINED)
        ctx._st |= _DIV_BY_ZERO
        return _new(sign, 0, 'F')
    if not ca:
        return _finish(sign, 0, ideal, ctx)
    p = ctx._prec
    k = p + 1 + _nd(cb) - _nd(ca)
    if k < 0:
        k = 0
    q, r = divmod(ca * _p10(k), cb)
    e = ideal - k
    if r:
        if q % 5 == 0:
            q += 1        # sticky: the discarded part is neither zero nor exactly half
    else:
        q, e = _strip_zeros(q, e, ideal)
    return _finish(sign, q, e, ctx)


def _int_div_parts(a, b, ctx):
    """Finite a, b with b != 0: (q, r_coeff, r_exp) of the truncating division, or None when the
    quotient needs more than prec digits (DivisionImpossible)."""
    ca, ea, cb, eb = a._int, a._exp, b._int, b._exp
    if ca and a.adjusted() - b.adjusted() > ctx._prec:
        return None
    e = ea if ea < eb else eb
    na = ca * _p10(ea - e)
    nb = cb * _p10(eb - e)
    q, r = divmod(na, nb)
    if _nd(q) > ctx._prec:
        return None
    return q, r, e


def _divint(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._is_special or b._is_special:
        r = _nan_result(a, b, ctx)
        if r is not None:
            return r
        if a._exp == 'F':
            if b._exp == 'F':
                return _nan(ctx)
            return _new(sign, 0, 'F')
        return _new(sign, 0, 0)
    if not b._int:
        if not a._int:
            return _nan(ctx, _DIV_UNDEFINED)
        ctx._st |= _DIV_BY_ZERO
        return _new(sign, 0, 'F')
    parts = _int_div_parts(a, b, ctx)
    if parts is None:
        return _nan(ctx, _DIV_IMPOSSIBLE)
    return _finish(sign, parts[0], 0, ctx)


def _rem(a, b, ctx):
    if a._is_special or b._is_special:
        r = _nan_result(a, b, ctx)
        if r is not None:
            return r
        if a._exp == 'F':
            return _nan(ctx)
        return _finish(a._sign, a._int, a._exp, ctx)
    if not b._int:
        if not a._int:
            return _nan(ctx, _DIV_UNDEFINED)
        return _nan(ctx)
    parts = _int_div_parts(a, b, ctx)
    if parts is None:
        return _nan(ctx, _DIV_IMPOSSIBLE)
    return _finish(a._sign, parts[1], parts[2], ctx)


def _divmod(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._is_special or b._is_special:
        r = _nan_result(a, b, ctx)
        if r is not None:
            return r, r
        if a._exp == 'F':
            if b._exp == 'F':
                n = _nan(ctx)
                return n, n
            return _new(sign, 0, 'F'), _nan(ctx)
        return _new(sign, 0, 0), _finish(a._sign, a._int, a._exp, ctx)
    if not b._int:
        if not a._int:
            n = _nan(ctx, _DIV_UNDEFINED)
            return n, n
        ctx._st |= _DIV_BY_ZERO | _INVALID
        return _new(sign, 0, 'F'), _new(0, 0, 'n')
    parts = _int_div_parts(a, b, ctx)
    if parts is None:
        n = _nan(ctx, _DIV_IMPOSSIBLE)
        return n, n
    return _finish(sign, parts[0], 0, ctx), _finish(a._sign, parts[1], parts[2], ctx)


def _rem_near(a, b, ctx):
    if a._is_special or b._is_special:
        r = _nan_result(a, b, ctx)
        if r is not None:
            return r
        if a._exp == 'F':
            return _nan(ctx)
        return _finish(a._sign, a._int, a._exp, ctx)
    if not b._int:
        if not a._int:
            return _nan(ctx, _DIV_UNDEFINED)
        return _nan(ctx)
    ca, ea, cb, eb = a._int, a._exp, b._int, b._exp
    if ca and a.adjusted() - b.adjusted() > ctx._prec:
        return _nan(ctx, _DIV_IMPOSSIBLE)
    e = ea if ea < eb else eb
    na = ca * _p10(ea - e)
    nb = cb * _p10(eb - e)
    q, r = divmod(na, nb)
    # nearest integer quotient, ties to even
    if 2 * r > nb or (2 * r == nb and q & 1):
        q += 1
        r = nb - r
        sign = a._sign ^ 1
    else:
        sign = a._sign
    if _nd(q) > ctx._prec:
        return _nan(ctx, _DIV_IMPOSSIBLE)
    return _finish(sign, r, e, ctx)


def _fma(a, b, c, ctx):
    if a._is_special or b._is_special:
        r = _nan_result(a, b, ctx)
        if r is not None:
            if c._exp == 'N' and r._exp == 'n' and not ctx._st & _INVALID:
                return _nan_result(c, None, ctx)
            return r
        if (a._exp == 'F' and not b._is_special and not b._int) or \
                (b._exp == 'F' and not a._is_special and not a._int):
            return _nan(ctx)
        prod = _new(a._sign ^ b._sign, 0, 'F')
    else:
        if c._is_special:
            r = _nan_result(c, None, ctx)
            if r is not None:
                return r
        prod = _new(a._sign ^ b._sign, a._int * b._int, a._exp + b._exp)
    # the product is kept exact (unrounded); _add rounds the sum once
    return _add(prod, c, ctx, 0)


def _cmp(a, b):
    """-1/0/1 comparing non-NaN a and b numerically."""
    if a._is_special or b._is_special:
        va = (-1 if a._sign else 1) if a._exp == 'F' else 0
        vb = (-1 if b._sign else 1) if b._exp == 'F' else 0
        if va or vb:
            if va == vb:
                return 0
            if va and vb:
                return -1 if va < vb else 1
            if va:
                return va
            return -vb
    ca, cb = a._int, b._int
    if not ca:
        if not cb:
            return 0
        return 1 if b._sign else -1
    if not cb:
        return -1 if a._sign else 1
    if a._sign != b._sign:
        return -1 if a._sign else 1
    aa, ab = a._exp + _nd(ca), b._exp + _nd(cb)
    if aa != ab:
        r = 1 if aa > ab else -1
    else:
        ea, eb = a._exp, b._exp
        if ea > eb:
            ca *= _p10(ea - eb)
        elif eb > ea:
            cb *= _p10(eb - ea)
        r = (ca > cb) - (ca < cb)
    return -r if a._sign else r


def _compare(a, b, ctx):
    if a.is_nan() or b.is_nan():
        return _nan_result(a, b, ctx)
    r = _cmp(a, b)
    return _new(1 if r < 0 else 0, abs(r), 0)


def _compare_signal(a, b, ctx):
    if a.is_nan() or b.is_nan():
        ctx._st |= _INVALID
        r = _nan_result(a, b, ctx)
        return r
    return _compare(a, b, ctx)


def _total_key(d, mag):
    """(class, ...) ordering key for the total order of the specification (sign handled by
    the caller): finite numbers by value then exponent, then infinity, sNaN, qNaN."""
    if d._exp == 'n':
        return (3, d._int)
    if d._exp == 'N':
        return (2, d._int)
    if d._exp == 'F':
        return (1,)
    return (0,)


def _cmp_total_triple(a, b, mag):
    sa = 0 if mag else a._sign
    sb = 0 if mag else b._sign
    if sa != sb:
        return (1, 1, 0) if sa else (0, 1, 0)
    ka, kb = _total_key(a, mag), _total_key(b, mag)
    if ka[0] != kb[0]:
        r = 1 if ka[0] > kb[0] else -1
    elif ka[0] >= 2:
        r = (ka[1] > kb[1]) - (ka[1] < kb[1])
    elif ka[0] == 1:
        r = 0
    else:
        x, y = (a.copy_abs(), b.copy_abs())
        r = _cmp(x, y)
        if r == 0:
            r = (a._exp > b._exp) - (a._exp < b._exp)
    if sa:
        r = -r
    return (1 if r < 0 else 0, abs(r), 0)


def _minmax(a, b, ctx, want_max, mag):
    # a quiet NaN loses to a number; a signalling NaN gives InvalidOperation
    an, bn = a.is_nan(), b.is_nan()
    if an or bn:
        if a._exp == 'N' or b._exp == 'N' or (an and bn):
            return _nan_result(a, b, ctx)
        return _finish_special(b if an else a, ctx)
    if mag:
        r = _cmp(a.copy_abs(), b.copy_abs())
        if r == 0:
            r = _cmp(a, b)
    else:
        r = _cmp(a, b)
    if r == 0:
        # equal values: the total order decides (sign, then exponent)
        t = _cmp_total_triple(a, b, False)
        r = -1 if t[0] else t[1]
    pick = a if (r > 0) == want_max else b
    if r == 0:
        pick = a
    return _finish_special(pick, ctx)


def _finish_special(d, ctx):
    if d._is_special:
        return d
    return _finish(d._sign, d._int, d._exp, ctx)


def _max(a, b, ctx):
    return _minmax(a, b, ctx, True, False)


def _min(a, b, ctx):
    return _minmax(a, b, ctx, False, False)


def _max_mag(a, b, ctx):
    return _minmax(a, b, ctx, True, True)


def _min_mag(a, b, ctx):
    return _minmax(a, b, ctx, False, True)


def _quantize(a, b, ctx, rounding):
    if a._is_special or b._is_special:
        r = _nan_result(a, b, ctx)
        if r is not None:
            return r
        if a._exp == 'F' and b._exp == 'F':
            return a
        return _nan(ctx)
    e = b._exp
    p = ctx._prec
    if e > ctx._Emax or e < ctx._Emin - p + 1:
        return _nan(ctx)
    if not a._int:
        return _finish(a._sign, 0, e, ctx)
    adj = a._exp + _nd(a._int) - 1
    if adj > ctx._Emax or adj - e + 1 > p:
        return _nan(ctx)
    c, inexact = _shift_round(a._int, e - a._exp, rounding or ctx._rounding, a._sign)
    r = _new(a._sign, c, e)
    if c:
        n = _nd(c)
        if n > p or e + n - 1 > ctx._Emax:
            return _nan(ctx)
        if e + n - 1 < ctx._Emin:
            ctx._st |= _SUBNORMAL
    if e > a._exp:
        if inexact:
            ctx._st |= _INEXACT
        ctx._st |= _ROUNDED
    return r


def _to_integral(a, ctx, rounding, exact):
    if a._is_special:
        r = _nan_result(a, None, ctx)
        return r if r is not None else a
    if a._exp >= 0:
        return a
    if not a._int:
        return _new(a._sign, 0, 0)
    c, inexact = _shift_round(a._int, -a._exp, rounding or ctx._rounding, a._sign)
    if exact:
        ctx._st |= _ROUNDED
        if inexact:
            ctx._st |= _INEXACT
    return _new(a._sign, c, 0)


def _normalize(a, ctx):
    if a._is_special:
        r = _nan_result(a, None, ctx)
        return r if r is not None else a
    d = _finish(a._sign, a._int, a._exp, ctx)
    if d._is_special or not d._int:
        return _new(d._sign, 0, 0) if not d._is_special else d
    top = ctx._Emax - ctx._prec + 1 if ctx._clamp else ctx._Emax
    c, e = _strip_zeros(d._int, d._exp, top)
    return _new(d._sign, c, e)


def _logb(a, ctx):
    if a._is_special:
        r = _nan_result(a, None, ctx)
        return r if r is not None else _new(0, 0, 'F')
    if not a._int:
        ctx._st |= _DIV_BY_ZERO
        return _new(1, 0, 'F')
    return _finish_int(a.adjusted(), ctx)


def _finish_int(n, ctx):
    return _finish(1 if n < 0 else 0, abs(n), 0, ctx)


def _scaleb(a, b, ctx):
    if a._is_special or b._is_special:
        r = _nan_result(a, b, ctx)
        if r is not None:
            return r
    if b._is_special or b._exp != 0:
        return _nan(ctx)
    lim = 2 * (ctx._Emax + ctx._prec)
    if b._int > lim:
        return _nan(ctx)
    if a._exp == 'F':
        return a
    n = -b._int if b._sign else b._int
    return _finish(a._sign, a._int, a._exp + n, ctx)


def _shift_arg(a, b, ctx):
    if a._is_special or b._is_special:
        r = _nan_result(a, b, ctx)
        if r is not None:
            return r
    if b._is_special or b._exp != 0 or b._int > ctx._prec:
        return _nan(ctx)
    return None


def _shift(a, b, ctx):
    r = _shift_arg(a, b, ctx)
    if r is not None:
        return r
    if a._exp == 'F':
        return a
    n = -b._int if b._sign else b._int
    p = ctx._prec
    c = a._int % _p10(p)
    c = c * _p10(n) % _p10(p) if n >= 0 else c // _p10(-n)
    return _new(a._sign, c, a._exp)


def _rotate(a, b, ctx):
    r = _shift_arg(a, b, ctx)
    if r is not None:
        return r
    if a._exp == 'F':
        return a
    n = -b._int if b._sign else b._int
    p = ctx._prec
    c = a._int % _p10(p)
    n %= p
    hi, lo = divmod(c, _p10(p - n))
    c = lo * _p10(n) + hi
    return _new(a._sign, c, a._exp)


def _logical_digits(a):
    if a._is_special or a._sign or a._exp != 0:
        return None
    s = str(a._int)
    if s.strip('01'):
        return None
    return a._int


def _logical(a, b, ctx, fn):
    x, y = _logical_digits(a), _logical_digits(b)
    if x is None or y is None:
        return _nan(ctx)
    p = ctx._prec
    sx, sy = str(x).rjust(p, '0')[-p:], str(y).rjust(p, '0')[-p:]
    out = ''.join('1' if fn(u == '1', v == '1') else '0' for u, v in zip(sx, sy))
    return _new(0, int(out), 0)


def _logical_and(a, b, ctx):
    return _logical(a, b, ctx, lambda u, v: u and v)


def _logical_or(a, b, ctx):
    return _logical(a, b, ctx, lambda u, v: u or v)


def _logical_xor(a, b, ctx):
    return _logical(a, b, ctx, lambda u, v: u != v)


def _logical_invert(a, ctx):
    return _logical(a, _new(0, 0, 0), ctx, lambda u, v: not u)


def _next_plus(a, ctx):
    if a._is_special:
        r = _nan_result(a, None, ctx)
        if r is not None:
            return r
        if a._sign:
            return _new(1, _p10(ctx._prec) - 1, ctx._Emax - ctx._prec + 1)
        return a
    return _nudge(a, ctx, ROUND_CEILING, 0)


def _next_minus(a, ctx):
    if a._is_special:
        r = _nan_result(a, None, ctx)
        if r is not None:
            return r
        if not a._sign:
            return _new(0, _p10(ctx._prec) - 1, ctx._Emax - ctx._prec + 1)
        return a
    return _nudge(a, ctx, ROUND_FLOOR, 1)


def _nudge(a, ctx, mode, sign):
    """next_plus (sign 0) / next_minus (sign 1) of a finite a: add a tiny value of that sign
    below Etiny and round toward it, without status."""
    work = ctx._work(ctx._prec, mode)
    etiny = ctx._Emin - ctx._prec + 1
    tiny = _new(sign, 1, min(etiny, a._exp if a._int else etiny) - 2)
    # beyond the largest finite number this gives the infinity (without signals)
    return _add(a, tiny, work, 0)


def _next_toward(a, b, ctx):
    if a._is_special or b._is_special:
        r = _nan_result(a, b, ctx)
        if r is not None:
            return r
    c = _cmp(a, b)
    if c == 0:
        return _new(b._sign, a._int, a._exp)
    r = _next_plus(a, ctx) if c < 0 else _next_minus(a, ctx)
    if r._exp == 'F':
        ctx._st |= _OVERFLOW | _INEXACT | _ROUNDED
    elif not r._is_special and r.adjusted() < ctx._Emin:
        ctx._st |= _UNDERFLOW | _SUBNORMAL | _INEXACT | _ROUNDED
        if not r._int:
            ctx._st |= _CLAMPED
    return r


# ---------------------------------------------------------------------------------------------
# Powers

def _is_integral(d):
    if d._is_special:
        return False
    if d._exp >= 0 or not d._int:
        return True
    return d._int % _p10(-d._exp) == 0


def _int_value(d):
    if d._exp >= 0:
        n = d._int * _p10(d._exp)
    else:
        n = d._int // _p10(-d._exp)
    return -n if d._sign else n


def _pow(a, b, ctx):
    if a._is_special or b._is_special:
        r = _nan_result(a, b, ctx)
        if r is not None:
            return r
    b_int = _is_integral(b)
    # sign of the result: negative base to an odd integer power
    sign = 0
    if a._sign:
        if b_int:
            if _int_value(b) & 1:
                sign = 1
        elif not (a._exp != 'F' and not a._int):
            return _nan(ctx)
    if b._exp == 'F':
        if not a._is_special and not a._int:
            return _new(0, 0, 'F') if b._sign else _new(0, 0, 0)
        if a._sign and not (a._exp != 'F' and not a._int):
            return _nan(ctx)
        cmp1 = _cmp(a.copy_abs(), _ONE) if a._exp != 'F' else 1
        if cmp1 == 0:
            ctx._st |= _INEXACT | _ROUNDED
            return _new(0, _p10(ctx._prec - 1), 1 - ctx._prec)
        big = (cmp1 > 0) != bool(b._sign)
        return _new(0, 0, 'F') if big else _new(0, 0, 0)
    if a._exp == 'F':
        if not b._int:
            return _new(0, 1, 0)
        if b._sign:
            return _new(sign, 0, 0)
        return _new(sign, 0, 'F')
    if not a._int:
        if not b._int:
            return _nan(ctx)
        if b._sign:
            return _new(sign, 0, 'F')
        return _new(sign, 0, 0)
    if not b._int:
        return _finish(0, 1, 0, ctx)
    if b_int:
        return _pow_int(a, _int_value(b), sign, ctx)
    if a._sign:
        return _nan(ctx)
    return _pow_real(a, b, ctx)


_ONE = None   # set after the class is complete


def _pow_int(a, n, sign, ctx):
    c, e = a._int, a._exp
    m = -n if n < 0 else n
    nd = _nd(c)
    # exactly when the power has a moderate size; otherwise by repeated squaring with guard
    # digits (the result is then inexact unless the base is a power of ten)
    if m * (nd - 1 + _log10_mantissa(a)) <= max(4 * ctx._prec, 400) or c == 1:
        # far out of range: decided on a logarithm, without building huge ints
        lg = (e + nd - 1 + _log10_mantissa(a)) * n
        if lg > ctx._Emax + 3 or lg < ctx._Emin - ctx._prec - 3:
            return _pow_extreme(a, n, sign, ctx)
        if c == 1:
            cp = 1
        else:
            cp = c ** m
        ncp = _nd(cp)
        if n > 0:
            radj = e * n + ncp - 1
        else:
            radj = -(e * m + ncp - 1) - (0 if cp == _p10(ncp - 1) else 1)
        if radj < ctx._Emin - ctx._prec:
            return _pow_underflow(sign, ctx)
        if n > 0:
            return _finish(sign, cp, e * n, ctx)
        # 1 / (c**m * 10**(e*m)), correctly rounded; ideal exponent -(e*m) when exact
        q = _div(_new(0, 1, 0), _new(0, cp, e * m), ctx)
        return _new(sign, q._int, q._exp) if not q._is_special else _new(sign, q._int, q._exp)
    return _pow_ziv(a, _from_int(n), sign, ctx, integral=True)


def _pow_extreme(a, n, sign, ctx):
    """Overflow or underflow of an integer power: build a representative far outside the
    range and let _finish signal."""
    lg = (a.adjusted() + _log10_mantissa(a)) * n
    if lg > 0:
        return _finish(sign, 1, ctx._Emax + 2, ctx)
    return _pow_underflow(sign, ctx)


def _pow_underflow(sign, ctx):
    """An integer power more than a digit below Etiny is zero in every rounding mode, as
    libmpdec's (it is not rounded away from zero under ROUND_UP)."""
    ctx._st |= _UNDERFLOW | _SUBNORMAL | _INEXACT | _ROUNDED | _CLAMPED
    return _new(sign, 0, ctx._Emin - ctx._prec + 1)


def _log10_mantissa(a):
    s = str(a._int)[:17]
    return _math.log10(float(s[0] + '.' + s[1:]) if len(s) > 1 else float(s))


def _pow_real(a, b, ctx):
    return _pow_ziv(a, b, 0, ctx, integral=False)


def _powmod(a, b, m, ctx):
    for x in (a, b, m):
        if x._exp == 'N':
            return _nan_result(x, None, ctx)
    for x in (a, b, m):
        if x._exp == 'n':
            return _fix_nan(x, ctx)
    if not (_is_integral(a) and _is_integral(b) and _is_integral(m)):
        return _nan(ctx)
    if b._sign and b._int:
        return _nan(ctx)
    if not m._int:
        return _nan(ctx)
    mv = abs(_int_value(m))
    if _nd(mv) > ctx._prec:
        return _nan(ctx)
    av, bv = _int_value(a), _int_value(b)
    if av == 0 and bv == 0:
        return _nan(ctx)
    r = pow(abs(av), bv, mv)
    sign = 1 if (av < 0 and bv & 1) else 0
    return _new(sign, r, 0)


# ---------------------------------------------------------------------------------------------
# Correctly rounded transcendental functions, in fixed point: an int X stands for X / 10**w.

_CONST_CACHE = {}


def _atanh_inv(k, w):
    """atanh(1/k) * 10**w for an int k >= 2 (error a few units)."""
    one = _p10(w)
    x = one // k
    k2 = k * k
    total = x
    n = 1
    while x:
        x //= k2
        n += 2
        total += x // n
    return total


def _ln2(w):
    key = ('ln2', w)
    v = _CONST_CACHE.get(key)
    if v is None:
        v = 2 * _atanh_inv(3, w + 5) // 100000
        _CONST_CACHE[key] = v
    return v


def _ln10(w):
    key = ('ln10', w)
    v = _CONST_CACHE.get(key)
    if v is None:
        # ln 10 = 3 ln 2 + ln(5/4), ln(5/4) = 2 atanh(1/9)
        g = w + 5
        v = (6 * _atanh_inv(3, g) + 2 * _atanh_inv(9, g)) // 100000
        _CONST_CACHE[key] = v
    return v


def _fx_exp(x, w):
    """exp(x / 10**w) * 10**w for |x| / 10**w <= about 2.5."""
    g = w + 10
    one = _p10(g)
    y = x * _p10(10)
    # halve the argument k times, then square k times
    k = 0
    lim = one >> 6
    while abs(y) > lim:
        y >>= 1 if y > 0 else 0
        if y < 0:
            y = -((-y) >> 1)
        k += 1
    extra = k // 3 + 2
    one2 = one * _p10(extra)
    y *= _p10(extra)
    term = one2
    total = one2
    i = 1
    while term:
        term = term * y // (one2 * i)
        total += term
        i += 1
    for _ in range(k):
        total = total * total // one2
    return total // _p10(10 + extra)


def _fx_ln(m_c, m_e, w):
    """ln(m) * 10**w for m = m_c * 10**m_e in [0.3, 3.5]."""
    g = w + 10
    one = _p10(g)
    if m_e >= -g:
        x = m_c * _p10(g + m_e)
    else:
        x = m_c // _p10(-m_e - g)
    # bring x into [0.75, 1.5) by powers of two
    j = 0
    while x >= one + (one >> 1):
        x >>= 1
        j += 1
    while x < (one * 3) >> 2:
        x <<= 1
        j -= 1
    num = x - one
    z = abs(num) * one // (x + one)
    z2 = z * z // one
    total = 0
    t = z
    n = 1
    while t:
        total += t // n
        t = t * z2 // one
        n += 2
    if num < 0:
        total = -total
    r = 2 * total + j * _ln2(g)
    return r // _p10(10)


def _ziv_decide(m, err, mode, sign, p):
    """m (an int approximation of |value| * 10**k, error below err units) rounded to p
    digits by mode when every value in (m - err, m + err) rounds the same way; returns
    (coefficient with one extra digit, shift) where the extra digit is 1 or 6 (below/above
    half), or None."""
    lo, hi = m - err, m + err
    if lo <= 0:
        return None
    n = _nd(lo)
    if _nd(hi) != n:
        return None
    s = n - p
    if s <= 0:
        return None
    d = _p10(s)
    ql, rl = divmod(lo, d)
    qh, rh = divmod(hi, d)
    if ql != qh or rl == 0:
        return None
    half = 5 * _p10(s - 1)
    if (rl < half) != (rh < half) or rl == half or rh == half:
        return None
    return ql * 10 + (1 if rl < half else 6), s - 1


def _exp_fixed(x_c, x_e, sign, w):
    """exp(±x) for x = x_c*10**x_e as (M, n): exp = M * 10**(n - w), error under 4 units."""
    # x in fixed point with w + digits(n) digits, n = round(x / ln10)
    xf = sign and -1 or 1
    approx = x_c * 10.0 ** x_e if x_e > -300 else 0.0
    n = int(round(xf * approx / 2.302585092994046))
    nd = len(str(abs(n))) + 2
    wx = w + nd
    if x_e >= -wx:
        X = x_c * _p10(wx + x_e)
    else:
        X = x_c // _p10(-x_e - wx)
    if sign:
        X = -X
    Y = X - n * _ln10(wx)
    Y //= _p10(nd)
    # |Y| <= ~1.2 * 10**w
    return _fx_exp(Y, w), n


def _exp(a, ctx):
    if a._is_special:
        r = _nan_result(a, None, ctx)
        if r is not None:
            return r
        return _new(0, 0, 'F') if not a._sign else _new(0, 0, 0)
    if not a._int:
        return _finish(0, 1, 0, ctx)
    p = ctx._prec
    adj = a.adjusted()
    # overflow / underflow far out: exp(x) >= 10**(x/2.31)
    if adj >= 20 or (adj >= 1 and abs(float(a._to_str(False, 1))) * 0.4342944819 > max(ctx._Emax, -ctx._Emin + p) + 3):
        if not a._sign:
            return _finish(0, 1, ctx._Emax + 2, ctx, ROUND_HALF_EVEN)
        return _finish(0, 1, ctx._Emin - p - 5, ctx, ROUND_HALF_EVEN)
    if adj < -(p + 3):
        # 1 ± tiny
        big = _p10(p + 3)
        return _finish(0, big - 1 if a._sign else big + 1, -(p + 3), ctx, ROUND_HALF_EVEN)
    w = p + 6
    for attempt in range(8):
        M, n = _exp_fixed(a._int, a._exp, a._sign, w)
        got = _ziv_decide(M, 4, ROUND_HALF_EVEN, 0, p)
        if got is not None:
            c, s = got
            return _finish(0, c, s + n - w, ctx, ROUND_HALF_EVEN)
        w += 10 * (attempt + 1)
    return _finish(0, M, n - w, ctx, ROUND_HALF_EVEN)


def _ln_fixed(a, w):
    """ln(a) * 10**w for finite a > 0 (error under 4 units)."""
    c, e = a._int, a._exp
    nd = _nd(c)
    adj = e + nd - 1
    # a = m * 10**k with m in [0.316, 3.16)
    lead = int(str(c)[:2]) if nd > 1 else c * 10
    k = adj + (1 if lead >= 32 else 0)
    r = _fx_ln(c, e - k, w + 2)
    if k:
        r += k * _ln10(w + 2)
    return r // 100


def _ln_guard(a):
    """Extra digits needed when ln(a) is close to zero (a close to 1)."""
    c, e = a._int, a._exp
    if e >= 0:
        return 0
    one = _p10(-e)
    d = abs(c - one)
    if not d:
        return 0
    return max(0, (-e) - _nd(d))


def _ln(a, ctx):
    if a._is_special:
        r = _nan_result(a, None, ctx)
        if r is not None:
            return r
        if a._sign:
            return _nan(ctx)
        return a
    if not a._int:
        return _new(1, 0, 'F')
    if a._sign:
        return _nan(ctx)
    if a._exp <= 0 and a._int == _p10(-a._exp):
        return _finish(0, 0, 0, ctx)
    p = ctx._prec
    w = p + 6 + _ln_guard(a)
    for attempt in range(8):
        L = _ln_fixed(a, w)
        got = _ziv_decide(abs(L), 4, ROUND_HALF_EVEN, 0, p)
        if got is not None:
            c, s = got
            return _finish(1 if L < 0 else 0, c, s - w, ctx, ROUND_HALF_EVEN)
        w += 10 * (attempt + 1)
    return _finish(1 if L < 0 else 0, abs(L), -w, ctx, ROUND_HALF_EVEN)


def _log10(a, ctx):
    if a._is_special:
        r = _nan_result(a, None, ctx)
        if r is not None:
            return r
        if a._sign:
            return _nan(ctx)
        return a
    if not a._int:
        return _new(1, 0, 'F')
    if a._sign:
        return _nan(ctx)
    c, e = a._int, a._exp
    s = str(c)
    if s[0] == '1' and not s[1:].strip('0'):
        return _finish_int(e + len(s) - 1, ctx)
    p = ctx._prec
    w = p + 6 + _ln_guard(a)
    for attempt in range(8):
        L = _ln_fixed(a, w + 2)
        R = L * _p10(w) // _ln10(w + 2)
        got = _ziv_decide(abs(R), 4, ROUND_HALF_EVEN, 0, p)
        if got is not None:
            c2, s2 = got
            return _finish(1 if R < 0 else 0, c2, s2 - w, ctx, ROUND_HALF_EVEN)
        w += 10 * (attempt + 1)
    return _finish(1 if R < 0 else 0, abs(R), -w, ctx, ROUND_HALF_EVEN)


def _pow_ziv(a, b, sign, ctx, integral):
    """a**b for finite a > 0 (magnitude; sign given) as exp(b * ln a), rounded by the context."""
    p = ctx._prec
    mode = ctx._rounding
    # magnitude estimate of b * ln(a) for the range checks
    la = (a.adjusted() + _log10_mantissa(a)) * 2.302585092994046
    bf = float(b._to_str(False, 1)) if b.adjusted() < 300 else (_math.inf if not b._sign else -_math.inf)
    t = la * bf
    if t != t or t > (ctx._Emax + 3) * 2.302585092994046 + 1:
        return _finish(sign, 1, ctx._Emax + 2, ctx)
    if t < (ctx._Emin - p - 3) * 2.302585092994046 - 1:
        return _pow_underflow(sign, ctx)
    badj = b.adjusted()
    extra = max(0, badj + 1) + len(str(int(abs(t)))) + 2
    w = p + 6
    if abs(t) < 1:
        # b * ln a small: ln a small (a near 1) or b small; want relative precision
        tl = int(-_math.log10(abs(t))) + 1 if t else p + 10
        w += min(tl, p + 10)
    for attempt in range(8):
        wl = w + extra + _ln_guard(a)
        L = _ln_fixed(a, wl)
        # T = b * L at scale 10**w2
        T = b._int * L
        if b._sign:
            T = -T
        if b._exp >= 0:
            T *= _p10(b._exp)
        else:
            T //= _p10(-b._exp)
        w2 = wl
        # T / 10**w2 = b ln a; reduce with n ln10 and evaluate
        n = T // _ln10(w2) if T >= 0 else -((-T) // _ln10(w2))
        n = int(round(T / 10.0 ** w2 / 2.302585092994046)) if abs(T) < 10 ** (w2 + 300) else n
        Y = T - n * _ln10(w2)
        Y //= _p10(w2 - w)
        M = _fx_exp(Y, w)
        got = _ziv_decide(M, 8, mode, sign, p)
        if got is not None:
            c, s = got
            return _finish(sign, c, s + n - w, ctx)
        if attempt >= 2:
            # probably an exact result (4 ** 0.5): take the nearest p-digit value, inexact
            nd = _nd(M)
            if nd > p:
                q, _ = _shift_round(M, nd - p, ROUND_HALF_EVEN, 0)
                diff = abs(q * _p10(nd - p) - M)
                if diff <= 8:
                    ctx._st |= _INEXACT | _ROUNDED
                    return _finish(sign, q, nd - p + n - w, ctx)
        w += 10 * (attempt + 1)
    return _finish(sign, M, n - w, ctx)


def _sqrt(a, ctx):
    if a._is_special:
        r = _nan_result(a, None, ctx)
        if r is not None:
            return r
        if a._sign:
            return _nan(ctx)
        return a
    ideal = a._exp // 2
    if not a._int:
        return _finish(a._sign, 0, ideal, ctx, ROUND_HALF_EVEN)
    if a._sign:
        return _nan(ctx)
    p = ctx._prec
    c, e = a._int, a._exp
    if e & 1:
        c *= 10
        e -= 1
    nd = _nd(c)
    k = (2 * p + 3 - nd) // 2
    if k < 0:
        k = 0
    C = c * _p10(2 * k)
    q = _math.isqrt(C)
    re = e // 2 - k
    if q * q != C:
        if q % 5 == 0:
            q += 1
    else:
        q, re = _strip_zeros(q, re, ideal)
    return _finish(0, q, re, ctx, ROUND_HALF_EVEN)


# ---------------------------------------------------------------------------------------------
# Formatting

def _parse_spec(spec):
    """Split a format spec: (fill, align, sign, zcoerce, alt, zero, width, sep, prec, type)."""
    i = 0
    n = len(spec)
    fill, align = ' ', None
    if n >= 2 and spec[1] in '<>=^':
        fill, align = spec[0], spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        align = spec[0]
        i = 1
    sign = '-'
    if i < n and spec[i] in '+- ':
        sign = spec[i]
        i += 1
    z = False
    if i < n and spec[i] == 'z':
        z = True
        i += 1
    alt = False
    if i < n and spec[i] == '#':
        alt = True
        i += 1
    zero = False
    if i < n and spec[i] == '0':
        zero = True
        i += 1
    j = i
    while i < n and spec[i].isdigit():
        i += 1
    width = int(spec[j:i]) if i > j else None
    sep = None
    if i < n and spec[i] == ',':     # libmpdec has no '_' grouping
        sep = spec[i]
        i += 1
    prec = None
    if i < n and spec[i] == '.':
        i += 1
        j = i
        while i < n and spec[i].isdigit():
            i += 1
        if i == j:
            raise ValueError('invalid format string')
        prec = int(spec[j:i])
    typ = None
    if i < n:
        typ = spec[i]
        i += 1
    if i != n or (typ is not None and typ not in 'eEfFgGn%'):
        raise ValueError('invalid format string')
    zero_flag = zero and align is None
    if zero_flag:
        fill, align = '0', '='
    return fill, align, sign, z, alt, width, sep, prec, typ, zero_flag


def _round_to(d, exp, mode):
    """d (finite) rounded to exponent exp (or kept if its exponent is larger)."""
    if d._exp >= exp:
        return d
    c, _ = _shift_round(d._int, exp - d._exp, mode, d._sign)
    return _new(d._sign, c, exp)


def _format(d, spec):
    ctx = _current()
    fill, align, sign_opt, z, alt, width, sep, prec, typ, zero_flag = _parse_spec(spec)
    if typ == 'n' and sep:
        raise ValueError('invalid format string')
    mode = ctx._rounding
    caps = ctx._capitals
    if typ is None:
        typ = 'G' if caps else 'g'
        if prec is None:
            typ = None
    neg = d._sign
    if d._is_special:
        body = d._to_str(False, 1).lstrip('-')
        if typ == '%':
            body += '%'
    else:
        if typ == '%':
            d = _new(d._sign, d._int, d._exp + 2)
        c, e = d._int, d._exp
        if typ in ('e', 'E'):
            zeros = 0
            if prec is not None:
                if c:
                    d = _round_to(d, d.adjusted() - prec, mode)
                    if _nd(d._int) > prec + 1:
                        d = _new(d._sign, d._int // 10, d._exp + 1)
                else:
                    zeros = prec      # a zero shows prec + 1 digits, its exponent moves
            body = _fmt_digits(d, 'e', prec, alt, typ == 'E', zeros)
        elif typ in ('f', 'F', '%'):
            if prec is not None:
                d = _round_to(d, -prec, mode)
                if d._exp > -prec and d._int == 0:
                    d = _new(d._sign, 0, -prec)
                elif d._exp > -prec:
                    d = _new(d._sign, d._int * _p10(d._exp + prec), -prec)
            body = _fmt_digits(d, 'f', prec, alt, False)
            if typ == '%':
                body += '%'
        elif typ is None:
            body = d._to_str(False, caps).lstrip('-')
            if alt and '.' not in body:
                ep = body.find('E') if 'E' in body else body.find('e')
                body = body + '.' if ep < 0 else body[:ep] + '.' + body[ep:]
        else:   # g G n
            if prec is not None:
                pg = prec or 1
                if c and _nd(c) > pg:
                    d = _round_to(d, d.adjusted() - pg + 1, mode)
                    if _nd(d._int) > pg:
                        d = _new(d._sign, d._int // 10, d._exp + 1)
            body = _fmt_digits(d, 'g', prec, alt, typ == 'G')
        if z and neg:
            dig = body.split('e')[0].split('E')[0]
            if not dig.replace('0', '').replace('.', '').replace('%', ''):
                neg = 0
    if neg:
        sign = '-'
    elif sign_opt == '+':
        sign = '+'
    elif sign_opt == ' ':
        sign = ' '
    else:
        sign = ''
    if d._is_special and zero_flag:
        # the implicit zero padding of '0' does not apply to Infinity and NaN
        fill, align = ' ', '>'
    if sep and not d._is_special:
        body = _group(body, sep, fill == '0' and align == '=' and width, width, len(sign))
    return _align(sign, body, fill, align or '>', width)


def _fmt_digits(d, kind, prec, alt, upper, zeros=0):
    """Digits of finite d: kind 'e' scientific, 'f' fixed, 'g' as to-sci-string; zeros pads a
    zero coefficient."""
    digits = str(d._int) + '0' * zeros
    n = len(digits)
    e = d._exp
    if kind == 'f' and not d._int and e > 0:
        e = 0
    left = e + n
    if kind == 'e':
        dot = 1
        if d._int == 0 and prec is None:
            pass
    elif kind == 'f':
        dot = left
    else:
        if e <= 0 and left > -6:
            dot = left
        else:
            dot = 1
    if dot <= 0:
        ip = '0'
        fp = '0' * -dot + digits
    elif dot >= n:
        ip = digits + '0' * (dot - n)
        fp = ''
    else:
        ip = digits[:dot]
        fp = digits[dot:]
    if kind == 'e' and prec is not None and len(fp) < prec:
        fp += '0' * (prec - len(fp))
    s = ip
    if fp or alt:
        s += '.' + fp
    x = left - dot
    if kind == 'e' or (kind == 'g' and x != 0):
        s += ('E' if upper else 'e') + ('+' if x >= 0 else '-') + str(abs(x))
    return s


def _group(body, sep, zero_pad, width, signlen):
    """Insert sep every three digits of the integer part; with zero padding the padding zeros
    are grouped too, as for float."""
    k = 0
    while k < len(body) and body[k].isdigit():
        k += 1
    ip, rest = body[:k], body[k:]
    if zero_pad:
        need = width - signlen - len(rest)
        # grow the integer part with zeros until the grouped form fills the width
        while True:
            g = _group_int(ip, sep)
            if len(g) >= need:
                break
            ip = '0' + ip
        return g + rest
    return _group_int(ip, sep) + rest


def _group_int(ip, sep):
    parts = []
    while len(ip) > 3:
        parts.append(ip[-3:])
        ip = ip[:-3]
    parts.append(ip)
    return sep.join(reversed(parts))


def _align(sign, body, fill, align, width):
    if width is None or len(sign) + len(body) >= width:
        return sign + body
    pad = width - len(sign) - len(body)
    if align == '<':
        return sign + body + fill * pad
    if align == '>':
        return fill * pad + sign + body
    if align == '=':
        return sign + fill * pad + body
    left = pad // 2
    return fill * left + sign + body + fill * (pad - left)


# ---------------------------------------------------------------------------------------------
# Context

class _SignalDict(object):
    """The flags or traps of a Context: a mapping signal -> bool over the context's bits."""
    __slots__ = ('_ctx', '_traps')
    __module__ = 'decimal'

    def __init__(self, ctx, traps):
        self._ctx = ctx
        self._traps = traps

    def _bits(self):
        return self._ctx._traps if self._traps else self._ctx._flags

    def __getitem__(self, sig):
        return bool(self._bits() & _signal_mask(sig))

    def __setitem__(self, sig, value):
        m = _signal_mask(sig)
        b = self._bits()
        b = (b | m) if value else (b & ~m)
        if self._traps:
            self._ctx._traps = b
        else:
            self._ctx._flags = b

    def __delitem__(self, sig):
        raise ValueError('signal keys cannot be deleted')

    def __iter__(self):
        return iter([s for s, _ in _SIGNALS])

    def __len__(self):
        return len(_SIGNALS)

    def __contains__(self, sig):
        return sig in _SIGNAL_MASK

    def keys(self):
        return [s for s, _ in _SIGNALS]

    def values(self):
        b = self._bits()
        return [bool(b & m) for _, m in _SIGNALS]

    def items(self):
        b = self._bits()
        return [(s, bool(b & m)) for s, m in _SIGNALS]

    def get(self, sig, default=None):
        if sig in _SIGNAL_MASK:
            return self[sig]
        return default

    def copy(self):
        return dict(self.items())

    def __eq__(self, other):
        if isinstance(other, _SignalDict):
            return self.items() == other.items()
        if isinstance(other, dict):
            return dict(self.items()) == other
        return NotImplemented

    def __repr__(self):
        return '{' + ', '.join('%r:%s' % (s, v) for s, v in self.items()) + '}'


def _bits_from(arg, what):
    if arg is None:
        return None
    if isinstance(arg, _SignalDict):
        return arg._bits()
    if isinstance(arg, dict):
        if len(arg) != len(_SIGNALS) or any(k not in _SIGNAL_MASK for k in arg):
            raise KeyError('invalid signal dict')
        b = 0
        for k, v in arg.items():
            if v:
                b |= _SIGNAL_MASK[k]
        return b
    if isinstance(arg, (list, tuple, set, frozenset)):
        b = 0
        for k in arg:
            b |= _signal_mask(k)
        return b
    raise TypeError('argument must be a signal dict')


def _signal_dict_arg(value):
    # assignment takes a dict of all nine signals (the constructor also takes a list)
    if not isinstance(value, (dict, _SignalDict)):
        raise TypeError('argument must be a signal dict')
    return value


class Context(object):
    """The arithmetic context: precision, rounding, exponent limits, flags and traps."""
    __module__ = 'decimal'
    # The public attributes are validating properties over these slots; the arithmetic reads
    # the slots directly. _st collects the status of the operation in progress.
    __slots__ = ('_prec', '_rounding', '_Emin', '_Emax', '_capitals', '_clamp', '_flags', '_traps',
                 '_st')

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None,
                 flags=None, traps=None):
        dc = DefaultContext
        self._st = 0
        self.prec = prec if prec is not None else (dc._prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc._rounding if dc else ROUND_HALF_EVEN)
        self.Emax = Emax if Emax is not None else (dc._Emax if dc else 999999)
        self.Emin = Emin if Emin is not None else (dc._Emin if dc else -999999)
        self.capitals = capitals if capitals is not None else (dc._capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc._clamp if dc else 0)
        f = _bits_from(flags, 'flags')
        t = _bits_from(traps, 'traps')
        self._flags = f if f is not None else 0
        if t is None:
            t = dc._traps if dc else (_IEEE_INVALID | _DIV_BY_ZERO | _OVERFLOW)
        self._traps = t

    @property
    def prec(self):
        return self._prec

    @prec.setter
    def prec(self, value):
        if not isinstance(value, int):
            raise TypeError('an integer is required')
        if not 1 <= value <= MAX_PREC:
            raise ValueError('valid range for prec is [1, MAX_PREC]')
        self._prec = value

    @property
    def rounding(self):
        return self._rounding

    @rounding.setter
    def rounding(self, value):
        if value not in _ROUNDINGS:
            _check_rounding(0)
        self._rounding = value

    @property
    def Emin(self):
        return self._Emin

    @Emin.setter
    def Emin(self, value):
        if not isinstance(value, int):
            raise TypeError('an integer is required')
        if not MIN_EMIN <= value <= 0:
            raise ValueError('valid range for Emin is [MIN_EMIN, 0]')
        self._Emin = value

    @property
    def Emax(self):
        return self._Emax

    @Emax.setter
    def Emax(self, value):
        if not isinstance(value, int):
            raise TypeError('an integer is required')
        if not 0 <= value <= MAX_EMAX:
            raise ValueError('valid range for Emax is [0, MAX_EMAX]')
        self._Emax = value

    @property
    def capitals(self):
        return self._capitals

    @capitals.setter
    def capitals(self, value):
        if not isinstance(value, int):
            raise TypeError('an integer is required')
        if value not in (0, 1):
            raise ValueError('valid values for capitals are 0 or 1')
        self._capitals = value

    @property
    def clamp(self):
        return self._clamp

    @clamp.setter
    def clamp(self, value):
        if not isinstance(value, int):
            raise TypeError('an integer is required')
        if value not in (0, 1):
            raise ValueError('valid values for clamp are 0 or 1')
        self._clamp = value

    @property
    def flags(self):
        return _SignalDict(self, False)

    @flags.setter
    def flags(self, value):
        self._flags = _bits_from(_signal_dict_arg(value), 'flags')

    @property
    def traps(self):
        return _SignalDict(self, True)

    @traps.setter
    def traps(self, value):
        self._traps = _bits_from(_signal_dict_arg(value), 'traps')

    def __delattr__(self, name):
        raise AttributeError('context attributes cannot be deleted')

    def _signal(self):
        """Commit the pending status: set the flags, raise the first trapped signal."""
        st = self._st
        self._st = 0
        self._flags |= st
        t = st & self._traps
        if t:
            for cls, m in _SIGNALS:
                if t & m:
                    raise cls([c for c, cm in _CONDITIONS if t & cm])

    def _work(self, prec, rounding):
        c = object.__new__(Context)
        c._prec = prec
        c._rounding = rounding
        c._Emin = self._Emin
        c._Emax = self._Emax
        c._capitals = self._capitals
        c._clamp = self._clamp
        c._st = 0
        c._flags = 0
        c._traps = 0
        return c

    def Etiny(self):
        return self._Emin - self._prec + 1

    def Etop(self):
        return self._Emax - self._prec + 1

    def copy(self):
        c = Context(self._prec, self._rounding, self._Emin, self._Emax, self._capitals, self._clamp)
        c._flags = self._flags
        c._traps = self._traps
        return c

    __copy__ = copy

    def clear_flags(self):
        self._flags = 0

    def clear_traps(self):
        self._traps = 0

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=%s, '
                'traps=%s)' % (self._prec, self._rounding, self._Emin, self._Emax, self._capitals,
                               self._clamp, _bits_repr(self._flags), _bits_repr(self._traps)))

    def __reduce__(self):
        flags = [s for s, m in _SIGNALS if self._flags & m]
        traps = [s for s, m in _SIGNALS if self._traps & m]
        return (self.__class__, (self._prec, self._rounding, self._Emin, self._Emax, self._capitals,
                                 self._clamp, flags, traps))

    def radix(self):
        return _new(0, 10, 0)

    # -- conversions -----------------------------------------------------------------------

    def create_decimal(self, num='0'):
        if isinstance(num, str):
            d = None
            if num == num.strip() and '_' not in num:
                d = _parse(num)
            # a NaN payload longer than prec - clamp digits is a syntax error here
            if d is None or (d._is_special and d._int and _nd(d._int) > self._prec - self._clamp):
                self._st |= _CONV_SYNTAX
                self._signal()
                return _new(0, 0, 'n')
        elif isinstance(num, float):
            self._st |= _FLOAT_OP
            self._signal()
            d = _from_float(num)
        elif isinstance(num, (tuple, list)):
            d = _from_tuple(num, None)
        elif isinstance(num, (int, Decimal)):
            d = _convert_strict(num)
        else:
            raise TypeError('conversion from %s to Decimal is not supported' % type(num).__name__)
        r = _fix_nan(d, self) if d._is_special else _finish(d._sign, d._int, d._exp, self)
        self._signal()
        return r

    def create_decimal_from_float(self, f):
        d = Decimal.from_float(f)
        r = _fix_nan(d, self) if d._is_special else _finish(d._sign, d._int, d._exp, self)
        self._signal()
        return r

    def _apply(self, a):
        return self._un(_plus_keep_sign, a)

    # -- operations ------------------------------------------------------------------------

    def _un(self, fn, a):
        r = fn(_convert_strict(a), self)
        if self._st:
            self._signal()
        return r

    def _bin(self, fn, a, b):
        r = fn(_convert_strict(a), _convert_strict(b), self)
        if self._st:
            self._signal()
        return r

    def abs(self, a):
        return self._un(_abs, a)

    def add(self, a, b):
        return self._bin(lambda x, y, c: _add(x, y, c, 0), a, b)

    def subtract(self, a, b):
        return self._bin(lambda x, y, c: _add(x, y, c, 1), a, b)

    def multiply(self, a, b):
        return self._bin(_mul, a, b)

    def divide(self, a, b):
        return self._bin(_div, a, b)

    def divide_int(self, a, b):
        return self._bin(_divint, a, b)

    def remainder(self, a, b):
        return self._bin(_rem, a, b)

    def remainder_near(self, a, b):
        return self._bin(_rem_near, a, b)

    def divmod(self, a, b):
        return self._bin(_divmod, a, b)

    def power(self, a, b, modulo=None):
        if modulo is None:
            return self._bin(_pow, a, b)
        r = _powmod(_convert_strict(a), _convert_strict(b), _convert_strict(modulo), self)
        self._signal()
        return r

    def fma(self, a, b, c):
        r = _fma(_convert_strict(a), _convert_strict(b), _convert_strict(c), self)
        self._signal()
        return r

    def compare(self, a, b):
        return self._bin(_compare, a, b)

    def compare_signal(self, a, b):
        return self._bin(_compare_signal, a, b)

    def compare_total(self, a, b):
        return _convert_strict(a).compare_total(b)

    def compare_total_mag(self, a, b):
        return _convert_strict(a).compare_total_mag(b)

    def max(self, a, b):
        return self._bin(_max, a, b)

    def min(self, a, b):
        return self._bin(_min, a, b)

    def max_mag(self, a, b):
        return self._bin(_max_mag, a, b)

    def min_mag(self, a, b):
        return self._bin(_min_mag, a, b)

    def minus(self, a):
        return self._un(_minus, a)

    def plus(self, a):
        return self._un(_plus, a)

    def copy_abs(self, a):
        return _convert_strict(a).copy_abs()

    def copy_negate(self, a):
        return _convert_strict(a).copy_negate()

    def copy_decimal(self, a):
        return _convert_strict(a)

    def copy_sign(self, a, b):
        return _convert_strict(a).copy_sign(b)

    def canonical(self, a):
        if not isinstance(a, Decimal):
            raise TypeError('argument must be a Decimal')
        return a

    def is_canonical(self, a):
        if not isinstance(a, Decimal):
            raise TypeError('argument must be a Decimal')
        return True

    def exp(self, a):
        return self._un(_exp, a)

    def ln(self, a):
        return self._un(_ln, a)

    def log10(self, a):
        return self._un(_log10, a)

    def logb(self, a):
        return self._un(_logb, a)

    def sqrt(self, a):
        return self._un(_sqrt, a)

    def normalize(self, a):
        return self._un(_normalize, a)

    def next_plus(self, a):
        return self._un(_next_plus, a)

    def next_minus(self, a):
        return self._un(_next_minus, a)

    def next_toward(self, a, b):
        return self._bin(_next_toward, a, b)

    def quantize(self, a, b):
        return self._bin(lambda x, y, c: _quantize(x, y, c, None), a, b)

    def same_quantum(self, a, b):
        return _convert_strict(a).same_quantum(b)

    def scaleb(self, a, b):
        return self._bin(_scaleb, a, b)

    def shift(self, a, b):
        return self._bin(_shift, a, b)

    def rotate(self, a, b):
        return self._bin(_rotate, a, b)

    def logical_and(self, a, b):
        return self._bin(_logical_and, a, b)

    def logical_or(self, a, b):
        return self._bin(_logical_or, a, b)

    def logical_xor(self, a, b):
        return self._bin(_logical_xor, a, b)

    def logical_invert(self, a):
        return self._un(_logical_invert, a)

    def to_integral_value(self, a):
        return self._un(lambda x, c: _to_integral(x, c, None, False), a)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return self._un(lambda x, c: _to_integral(x, c, None, True), a)

    def to_sci_string(self, a):
        return _convert_strict(a)._to_str(False, self._capitals)

    def to_eng_string(self, a):
        return _convert_strict(a)._to_str(True, self._capitals)

    def number_class(self, a):
        return _convert_strict(a).number_class(self)

    def is_finite(self, a):
        return _convert_strict(a).is_finite()

    def is_infinite(self, a):
        return _convert_strict(a).is_infinite()

    def is_nan(self, a):
        return _convert_strict(a).is_nan()

    def is_qnan(self, a):
        return _convert_strict(a).is_qnan()

    def is_snan(self, a):
        return _convert_strict(a).is_snan()

    def is_signed(self, a):
        return _convert_strict(a).is_signed()

    def is_zero(self, a):
        return _convert_strict(a).is_zero()

    def is_normal(self, a):
        return _convert_strict(a).is_normal(self)

    def is_subnormal(self, a):
        return _convert_strict(a).is_subnormal(self)


def _plus_keep_sign(a, ctx):
    if a._is_special:
        r = _nan_result(a, None, ctx)
        return r if r is not None else a
    return _finish(a._sign, a._int, a._exp, ctx)


DefaultContext = None
DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999, capitals=1,
                         clamp=0, flags=[], traps=[DivisionByZero, Overflow, InvalidOperation])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, traps=[DivisionByZero, Overflow,
                       InvalidOperation, Clamped, Underflow], flags=[])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[], flags=[])
_ONE = _new(0, 1, 0)

# The current context of this VM (Krait runs one thread per VM).
_state = [None]


def _current():
    c = _state[0]
    if c is None:
        c = DefaultContext.copy()
        c._flags = 0
        _state[0] = c
    return c


def _ctx(context):
    if context is None:
        return _current()
    if not isinstance(context, Context):
        raise TypeError('optional argument must be a context')
    return context


def getcontext():
    return _current()


def setcontext(context):
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context._flags = 0
    _state[0] = context


_LOCAL_KEYS = ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps')


class _LocalContext(object):
    __slots__ = ('_new_ctx', '_saved')

    def __init__(self, ctx):
        self._new_ctx = ctx
        self._saved = None

    def __enter__(self):
        self._saved = _current()
        setcontext(self._new_ctx)
        return self._new_ctx

    def __exit__(self, *exc):
        setcontext(self._saved)
        return False


def localcontext(ctx=None, **kwargs):
    if ctx is None:
        ctx = _current()
    elif not isinstance(ctx, Context):
        raise TypeError('optional argument must be a context')
    new = ctx.copy()
    for k, v in kwargs.items():
        if k not in _LOCAL_KEYS:
            raise TypeError("this function got an unexpected keyword argument '%s'" % k)
        setattr(new, k, v)
    return _LocalContext(new)


_numbers.Number.register(Decimal)
