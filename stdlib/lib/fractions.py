"""Exact rational numbers: Fraction(3, 4), Fraction('1.25'), Fraction(0.5), after CPython 3.13.

A Fraction is kept normalised (lowest terms, positive denominator). Arithmetic with ints and
Fractions stays exact; with floats it gives floats. Hashes equal those of equal ints and floats.
"""

import math
import numbers
import operator

__all__ = ['Fraction']

# CPython's numeric hash: the value modulo 2**61 - 1 (sys.hash_info.modulus), inf hashes as 314159
_PyHASH_MODULUS = (1 << 61) - 1
_PyHASH_INF = 314159


def _hash_algorithm(numerator, denominator):
    try:
        dinv = pow(denominator, -1, _PyHASH_MODULUS)
    except ValueError:
        hash_ = _PyHASH_INF   # the denominator is a multiple of the modulus
    else:
        hash_ = hash(hash(abs(numerator)) * dinv)
    result = hash_ if numerator >= 0 else -hash_
    return -2 if result == -1 else result


def _parse(text):
    # [sign] digits ['/' digits]  |  [sign] (digits ['.' [digits]] | '.' digits) [exponent],
    # with '_' between digits as in int literals; None if it is not one of those
    s = text.strip()
    if not s:
        return None
    sign = 1
    if s[0] in '+-':
        sign = -1 if s[0] == '-' else 1
        s = s[1:]

    def digits(part, allow_empty=False):
        if part == '':
            return allow_empty
        if part[0] == '_' or part[-1] == '_' or '__' in part:
            return False
        return part.replace('_', '').isdecimal()   # any Unicode decimal digits, as int() takes

    if '/' in s:
        num, _, den = s.partition('/')
        num, den = num.rstrip(), den.lstrip()    # '3 / 4' is allowed
        if not digits(num) or not digits(den):
            return None
        return sign * int(num.replace('_', '')), int(den.replace('_', ''))
    exp = 0
    for marker in ('e', 'E'):
        if marker in s:
            s, _, e = s.partition(marker)
            esign = 1
            if e[:1] in ('+', '-'):
                esign = -1 if e[0] == '-' else 1
                e = e[1:]
            if not digits(e):
                return None
            exp = esign * int(e.replace('_', ''))
            break
    whole, dot, frac = s.partition('.')
    if not dot:
        if not digits(whole):
            return None
        frac = ''
    else:
        if not digits(whole, allow_empty=True) or not digits(frac, allow_empty=True):
            return None
        if whole == '' and frac == '':
            return None
    whole = whole.replace('_', '')
    frac = frac.replace('_', '')
    numerator = int(whole or '0') * 10 ** len(frac) + int(frac or '0')
    denominator = 10 ** len(frac)
    if exp >= 0:
        numerator *= 10 ** exp
    else:
        denominator *= 10 ** -exp
    return sign * numerator, denominator


class Fraction(numbers.Rational):
    """Fraction(numerator=0, denominator=None): from two Rationals, one Rational, a float (or a
    Decimal), or a string such as '3/7', '-1.5e3' or ' 2 '."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            elif isinstance(numerator, numbers.Rational):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            elif isinstance(numerator, float) or type(numerator).__name__ == 'Decimal':
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            elif isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif type(numerator) is int is type(denominator):
            pass
        elif isinstance(numerator, numbers.Rational) and isinstance(denominator, numbers.Rational):
            numerator, denominator = (numerator.numerator * denominator.denominator,
                                      denominator.numerator * numerator.denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        g = math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        numerator //= g
        denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """The exact value of the float f."""
        if isinstance(f, numbers.Integral):
            return cls(f)
        elif not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls._from_coprime_ints(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """The exact value of a Decimal (or an int)."""
        if isinstance(dec, numbers.Integral):
            return cls(int(dec))
        if not hasattr(dec, 'as_integer_ratio'):
            raise TypeError('%s.from_decimal() only takes Decimals, not %r (%s)'
                            % (cls.__name__, dec, type(dec).__name__))
        return cls._from_coprime_ints(*dec.as_integer_ratio())

    @classmethod
    def _from_coprime_ints(cls, numerator, denominator, /):
        obj = super(Fraction, cls).__new__(cls)
        obj._numerator = numerator
        obj._denominator = denominator
        return obj

    def is_integer(self):
        return self._denominator == 1

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction whose denominator is at most max_denominator."""
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        # the closer of the two candidates; the later one when they are equally close
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._from_coprime_ints(p1, q1)
        return Fraction._from_coprime_ints(p0 + k * p1, q0 + k * q1)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def __format__(self, format_spec, /):
        """No presentation type: like str() with fill/align/width. f, F and %: computed exactly from
        the ratio (round half to even). e, E, g, G: as the nearest float formats."""
        if not format_spec:
            return str(self)
        kind = format_spec[-1]
        if kind in 'fF%':
            return _format_fixed(self, format_spec)
        if kind in 'eEgG':
            return format(float(self), format_spec)
        if kind.isdigit() or kind in '<>^':
            return format(str(self), format_spec)
        raise ValueError(f'Invalid format specifier {format_spec!r} for object of type '
                         f'{type(self).__name__!r}')

    def _operator_fallbacks(monomorphic_operator, fallback_operator):
        # forward and reverse methods of one operator: exact with ints/Fractions, float with
        # floats, complex with complex numbers, NotImplemented otherwise
        def forward(a, b):
            if isinstance(b, Fraction):
                return monomorphic_operator(a, b)
            elif isinstance(b, int):
                return monomorphic_operator(a, Fraction._from_coprime_ints(b, 1))
            elif isinstance(b, float):
                return fallback_operator(float(a), b)
            elif isinstance(b, complex):
                return fallback_operator(complex(a), b)
            else:
                return NotImplemented
        forward.__name__ = '__' + fallback_operator.__name__ + '__'
        forward.__doc__ = monomorphic_operator.__doc__

        def reverse(b, a):
            if isinstance(a, numbers.Rational):
                return monomorphic_operator(Fraction(a), b)
            elif isinstance(a, numbers.Real):
                return fallback_operator(float(a), float(b))
            elif isinstance(a, numbers.Complex):
                return fallback_operator(complex(a), complex(b))
            else:
                return NotImplemented
        reverse.__name__ = '__r' + fallback_operator.__name__ + '__'
        reverse.__doc__ = monomorphic_operator.__doc__
        return forward, reverse

    def _add(a, b):
        """a + b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g = math.gcd(da, db)
        if g == 1:
            return Fraction._from_coprime_ints(na * db + da * nb, da * db)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction._from_coprime_ints(t, s * db)
        return Fraction._from_coprime_ints(t // g2, s * (db // g2))

    __add__, __radd__ = _operator_fallbacks(_add, operator.add)

    def _sub(a, b):
        """a - b"""
        return Fraction._add(a, Fraction._from_coprime_ints(-b._numerator, b._denominator))

    __sub__, __rsub__ = _operator_fallbacks(_sub, operator.sub)

    def _mul(a, b):
        """a * b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g1 = math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction._from_coprime_ints(na * nb, db * da)

    __mul__, __rmul__ = _operator_fallbacks(_mul, operator.mul)

    def _div(a, b):
        """a / b"""
        nb, db = b._numerator, b._denominator
        if nb == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % (db,))
        na, da = a._numerator, a._denominator
        g1 = math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        return Fraction._from_coprime_ints(n, d)

    __truediv__, __rtruediv__ = _operator_fallbacks(_div, operator.truediv)

    def _floordiv(a, b):
        """a // b"""
        return (a.numerator * b.denominator) // (a.denominator * b.numerator)

    __floordiv__, __rfloordiv__ = _operator_fallbacks(_floordiv, operator.floordiv)

    def _divmod(a, b):
        """(a // b, a % b)"""
        da, db = a.denominator, b.denominator
        div, n_mod = divmod(a.numerator * db, da * b.numerator)
        return div, Fraction(n_mod, da * db)

    __divmod__, __rdivmod__ = _operator_fallbacks(_divmod, divmod)

    def _mod(a, b):
        """a % b"""
        da, db = a.denominator, b.denominator
        return Fraction((a.numerator * db) % (b.numerator * da), da * db)

    __mod__, __rmod__ = _operator_fallbacks(_mod, operator.mod)

    def __pow__(a, b, modulo=None):
        """a ** b: exact for an integral exponent, a float otherwise."""
        if modulo is not None:
            return NotImplemented
        if isinstance(b, numbers.Rational):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction._from_coprime_ints(a._numerator ** power,
                                                       a._denominator ** power)
                elif a._numerator > 0:
                    return Fraction._from_coprime_ints(a._denominator ** -power,
                                                       a._numerator ** -power)
                elif a._numerator == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' % a._denominator ** -power)
                else:
                    return Fraction._from_coprime_ints((-a._denominator) ** -power,
                                                       (-a._numerator) ** -power)
            return float(a) ** float(b)
        elif isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a, modulo=None):
        """a ** b"""
        if modulo is not None:
            return NotImplemented
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, numbers.Rational):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction._from_coprime_ints(a._numerator, a._denominator)

    def __neg__(a):
        return Fraction._from_coprime_ints(-a._numerator, a._denominator)

    def __abs__(a):
        return Fraction._from_coprime_ints(abs(a._numerator), a._denominator)

    def __int__(a, _index=operator.index):
        if a._numerator < 0:
            return _index(-(-a._numerator // a._denominator))
        return _index(a._numerator // a._denominator)

    def __trunc__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits): ties to even, as for floats."""
        if ndigits is None:
            d = self._denominator
            floor, remainder = divmod(self._numerator, d)
            if remainder * 2 < d:
                return floor
            elif remainder * 2 > d:
                return floor + 1
            elif floor % 2 == 0:
                return floor
            return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        return _hash_algorithm(self._numerator, self._denominator)

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, numbers.Rational):
            return a._numerator == b.numerator and a._denominator == b.denominator
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, numbers.Rational):
            return op(self._numerator * other.denominator, self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


_FIXED_SPEC = None


def _format_fixed(frac, spec):
    # [[fill]align][sign][z][#][0][width][,|_][.precision](f|F|%), as float formatting reads it
    global _FIXED_SPEC
    if _FIXED_SPEC is None:
        import re
        _FIXED_SPEC = re.compile(r"""(?:(?P<fill>.)?(?P<align>[<>=^]))?(?P<sign>[-+ ]?)(?P<z>z)?
            (?P<alt>\#)?(?P<zeropad>0(?=[0-9]))?(?P<width>[0-9]+)?(?P<thousands>[,_])?
            (?:\.(?P<precision>[0-9]+))?(?P<type>[fF%])""", re.DOTALL | re.VERBOSE)
    m = _FIXED_SPEC.fullmatch(spec)
    if m is None:
        raise ValueError(f'Invalid format specifier {spec!r} for object of type '
                         f"{type(frac).__name__!r}")
    fill = m['fill'] or ' '
    align = m['align'] or '>'
    if m['zeropad'] and not m['align']:
        fill, align = '0', '='
    precision = int(m['precision']) if m['precision'] is not None else 6
    n, d = frac.numerator, frac.denominator
    negative = n < 0
    n = abs(n)
    if m['type'] == '%':
        n *= 100
    scaled = _round_half_even(n * 10 ** precision, d)
    if m['z'] and scaled == 0:
        negative = False
    digits = str(scaled).rjust(precision + 1, '0')
    whole, frac_digits = digits[:len(digits) - precision], digits[len(digits) - precision:]
    if m['thousands']:
        sep = m['thousands']
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        groups.insert(0, whole)
        whole = sep.join(groups)
    body = whole
    if precision or m['alt']:
        body += '.' + frac_digits
    if m['type'] == '%':
        body += '%'
    sign = '-' if negative else ('' if m['sign'] in ('', '-') else m['sign'])
    width = int(m['width'] or 0)
    pad = max(0, width - len(sign) - len(body))
    if align == '<':
        return sign + body + fill * pad
    if align == '^':
        half = pad // 2
        return fill * half + sign + body + fill * (pad - half)
    if align == '=':
        return sign + fill * pad + body
    return fill * pad + sign + body


def _round_half_even(n, d):
    q, r = divmod(n, d)
    if 2 * r > d or (2 * r == d and q % 2 == 1):
        q += 1
    return q
