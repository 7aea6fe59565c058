"""statistics: the common functions of CPython's statistics module, with its exact results.

Like CPython, sums are computed exactly on rationals (numerator/denominator big ints) and converted
once at the end, so mean() and stdev() round exactly as CPython's do. Decimal and Fraction inputs are
not supported (Krait has no decimal or fractions module yet).
"""
import math

__all__ = ['StatisticsError', 'fmean', 'mean', 'median', 'median_high', 'median_low', 'median_grouped',
           'mode', 'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev', 'variance']


class StatisticsError(ValueError):
    pass


def _ratio(x):
    """x as an exact (numerator, denominator) pair with a positive denominator."""
    if isinstance(x, int):
        return x, 1
    if isinstance(x, float):
        if x != x or x in (float('inf'), float('-inf')):
            raise StatisticsError('non-finite value ' + repr(x))
        return x.as_integer_ratio()
    try:
        return x.numerator, x.denominator
    except AttributeError:
        raise TypeError("can't convert type '{}' to numerator/denominator".format(type(x).__name__)) from None


def _result_type(T, x):
    if T is None or T is bool:
        return type(x) if type(x) is not bool else int
    if T is type(x) or type(x) is bool:
        return T
    if T is int:
        return type(x)
    if type(x) is int:
        return T
    if issubclass(type(x), T):
        return T
    if issubclass(T, type(x)):
        return type(x)
    raise TypeError("can't convert type '{}' to '{}'".format(T.__name__, type(x).__name__))


def _sum(data):
    """(type, numerator, denominator, count): the exact sum of data."""
    T = None
    partials = {}
    count = 0
    for x in data:
        T = _result_type(T, x)
        n, d = _ratio(x)
        partials[d] = partials.get(d, 0) + n
        count += 1
    num, den = 0, 1
    for d, n in partials.items():
        num = num * d + n * den
        den = den * d
        g = math.gcd(num, den)
        if g > 1:
            num //= g
            den //= g
    if T is None:
        T = int
    return T, num, den, count


def _convert(num, den, T):
    """The rational num/den as type T (an int only when exact, as CPython)."""
    if issubclass(T, int) and den != 1:
        T = float
    if T is float or issubclass(T, float):
        return num / den
    if issubclass(T, int):
        return T(num)
    return T(num / den)


def mean(data):
    if iter(data) is data:
        data = list(data)
    T, num, den, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    den *= n
    g = math.gcd(num, den)
    return _convert(num // g, den // g, T)


def fmean(data, weights=None):
    if weights is None:
        data = list(data)
        n = len(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return math.fsum(data) / n
    data = list(data)
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError('data and weights must be the same length')
    num = math.fsum(x * w for x, w in zip(data, weights))
    den = math.fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    return data[n // 2]


def median_grouped(data, interval=1.0):
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError('no median for empty data')
    x = data[n // 2]
    # The lower limit of the median interval and the count of values below and within it.
    lo = 0
    while lo < n and data[lo] < x:
        lo += 1
    hi = lo
    while hi < n and data[hi] == x:
        hi += 1
    L = float(x) - float(interval) / 2
    cf = lo
    f = hi - lo
    return L + interval * (n / 2 - cf) / f


def mode(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        raise StatisticsError('no mode for empty data')
    best = None
    best_count = 0
    for x, c in counts.items():
        if c > best_count:
            best, best_count = x, c
    return best


def multimode(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        return []
    top = max(counts.values())
    return [x for x, c in counts.items() if c == top]


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        if ld == 1:
            return data * (n - 1)
        raise StatisticsError('must have at least one data point')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError(f'Unknown method: {method!r}')


def _ss(data, c=None):
    """(type, numerator, denominator, count) of the exact sum of squared deviations from the mean c."""
    data = list(data)
    if c is not None:
        T, _, _, n = _sum(data)
        cn, cd = _ratio(c)
    else:
        T, num, den, n = _sum(data)
        if n == 0:
            return T, 0, 1, 0
        cn, cd = num, den * n
    partials = {}
    for x in data:
        xn, xd = _ratio(x)
        # (x - c)^2 = ((xn*cd - cn*xd) / (xd*cd))^2
        dn = xn * cd - cn * xd
        dd = xd * cd
        d2 = dd * dd
        partials[d2] = partials.get(d2, 0) + dn * dn
    num, den = 0, 1
    for d, s in partials.items():
        num = num * d + s * den
        den = den * d
        g = math.gcd(num, den)
        if g > 1:
            num //= g
            den //= g
    return T, num, den, n


def _integer_sqrt_of_frac_rto(n, m):
    """Square root of n/m, rounded to the nearest integer using round-to-odd."""
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


_sqrt_bit_width = 2 * 53 + 3


def _float_sqrt_of_frac(n, m):
    """Square root of n/m as a float, correctly rounded (CPython's algorithm)."""
    q = (n.bit_length() - m.bit_length() - _sqrt_bit_width) // 2
    if q >= 0:
        numerator = _integer_sqrt_of_frac_rto(n, m << 2 * q) << q
        denominator = 1
    else:
        numerator = _integer_sqrt_of_frac_rto(n << -2 * q, m)
        denominator = 1 << -q
    return numerator / denominator


def variance(data, xbar=None):
    T, num, den, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    den *= n - 1
    g = math.gcd(num, den)
    return _convert(num // g, den // g, T)


def pvariance(data, mu=None):
    T, num, den, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    den *= n
    g = math.gcd(num, den)
    return _convert(num // g, den // g, T)


def stdev(data, xbar=None):
    T, num, den, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _float_sqrt_of_frac(num, den * (n - 1))


def pstdev(data, mu=None):
    T, num, den, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _float_sqrt_of_frac(num, den * n)
