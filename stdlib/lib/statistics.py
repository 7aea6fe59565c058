"""statistics: the common functions of CPython's statistics module, with its exact results.

Like CPython, sums are computed exactly on rationals (numerator/denominator big ints) and converted
once at the end, so mean() and stdev() round exactly as CPython's do. Fraction inputs give Fraction
results; Decimal is not supported (Krait has no decimal module yet).
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
    from fractions import Fraction
    return T(Fraction(num, den))


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


# ------------------------------------------------------------------------------ means of other kinds

def geometric_mean(data):
    """The n-th root of the product of n positive values, computed as exp of the mean log (as CPython)."""
    n = 0
    found_zero = False

    def positives(values):
        nonlocal n, found_zero
        for n, x in enumerate(values, start=1):
            if x > 0.0 or math.isnan(x):
                yield x
            elif x == 0.0:
                found_zero = True
            else:
                raise StatisticsError('No negative inputs allowed', x)

    total = math.fsum(map(math.log, positives(data)))
    if not n:
        raise StatisticsError('Must have a non-empty dataset')
    if math.isnan(total):
        return math.nan
    if found_zero:
        return math.nan if total == math.inf else 0.0
    return math.exp(total / n)


def _fail_neg(values, errmsg='negative value'):
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x


def harmonic_mean(data, weights=None):
    """The reciprocal of the (weighted) mean of the reciprocals; 0 if any value is 0."""
    if iter(data) is data:
        data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float)) or hasattr(x, 'denominator'):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError('unsupported type')
    if weights is None:
        weights = [1] * n
        wnum, wden = n, 1
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        _, wnum, wden, _ = _sum(_fail_neg(weights, errmsg))
    try:
        data = _fail_neg(data, errmsg)
        T, num, den, _ = _sum(w / x if w else 0 for w, x in zip(weights, data))
    except ZeroDivisionError:
        return 0
    if num <= 0:
        raise StatisticsError('Weighted sum must be positive')
    # (wnum / wden) / (num / den), exactly
    rn, rd = wnum * den, wden * num
    g = math.gcd(rn, rd)
    return _convert(rn // g, rd // g, T)


# ------------------------------------------------------------------------------ two variables

def covariance(x, y, /):
    """Sample covariance of two inputs of the same length."""
    n = len(x)
    if len(y) != n:
        raise StatisticsError('covariance requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('covariance requires at least two data points')
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    sxy = math.sumprod([xi - xbar for xi in x], [yi - ybar for yi in y])
    return sxy / (n - 1)


def _rank(data, *, start=1):
    """Ranks of data (ties get the average of their ranks), numbered from start."""
    order = sorted(range(len(data)), key=data.__getitem__)
    result = [0] * len(data)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and data[order[j + 1]] == data[order[i]]:
            j += 1
        rank = start + (i + j) / 2
        for k in range(i, j + 1):
            result[order[k]] = rank
        i = j + 1
    return result


def _sqrtprod(x, y):
    """sqrt(x * y) without overflow or underflow, with a correction step for accuracy."""
    h = math.sqrt(x * y)
    if not math.isfinite(h):
        if math.isinf(h) and not math.isinf(x) and not math.isinf(y):
            scale = 2.0 ** -512
            return _sqrtprod(scale * x, scale * y) / scale
        return h
    if not h:
        if x and y:
            scale = 2.0 ** 537
            return _sqrtprod(scale * x, scale * y) / scale
        return h
    d = math.sumprod((x, h), (y, -h))
    return h + d / (2.0 * h)


def correlation(x, y, /, *, method='linear'):
    """Pearson's (method='linear') or Spearman's rank (method='ranked') correlation coefficient."""
    n = len(x)
    if len(y) != n:
        raise StatisticsError('correlation requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('correlation requires at least two data points')
    if method not in {'linear', 'ranked'}:
        raise ValueError(f'Unknown method: {method!r}')
    if method == 'ranked':
        start = (n - 1) / -2
        x = _rank(x, start=start)
        y = _rank(y, start=start)
    else:
        xbar = math.fsum(x) / n
        ybar = math.fsum(y) / n
        x = [xi - xbar for xi in x]
        y = [yi - ybar for yi in y]
    sxy = math.sumprod(x, y)
    sxx = math.sumprod(x, x)
    syy = math.sumprod(y, y)
    try:
        return sxy / _sqrtprod(sxx, syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant') from None


class LinearRegression(tuple):
    """LinearRegression(slope, intercept)"""
    __slots__ = ()
    _fields = ('slope', 'intercept')

    def __new__(cls, slope, intercept):
        return tuple.__new__(cls, (slope, intercept))

    slope = property(lambda self: self[0], doc='Alias for field number 0')
    intercept = property(lambda self: self[1], doc='Alias for field number 1')

    def __repr__(self):
        return f'LinearRegression(slope={self[0]!r}, intercept={self[1]!r})'


def linear_regression(x, y, /, *, proportional=False):
    """Slope and intercept of simple linear regression by ordinary least squares (through the origin when
    proportional)."""
    n = len(x)
    if len(y) != n:
        raise StatisticsError('linear regression requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('linear regression requires at least two data points')
    if not proportional:
        xbar = math.fsum(x) / n
        ybar = math.fsum(y) / n
        x = [xi - xbar for xi in x]
        y = [yi - ybar for yi in y]
    sxy = math.sumprod(x, y) + 0.0
    sxx = math.sumprod(x, x)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant') from None
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


__all__ += ['geometric_mean', 'harmonic_mean', 'covariance', 'correlation', 'linear_regression',
            'LinearRegression']
