# A hand-written Rational class with full operator support, used for exact harmonic numbers and continued fractions.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Rational:
    __slots__ = ("n", "d")
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Rational(%d, 0)" % n)
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    @staticmethod
    def of(x):
        return x if isinstance(x, Rational) else Rational(x) if isinstance(x, int) else NotImplemented
    def __repr__(self):
        return "%d/%d" % (self.n, self.d) if self.d != 1 else "%d" % self.n
    def __add__(self, o):
        o = Rational.of(o)
        if o is NotImplemented:
            return o
        return Rational(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __neg__(self):
        return Rational(-self.n, self.d)
    def __sub__(self, o):
        o = Rational.of(o)
        return NotImplemented if o is NotImplemented else self + (-o)
    def __rsub__(self, o):
        return (-self) + o
    def __mul__(self, o):
        o = Rational.of(o)
        if o is NotImplemented:
            return o
        return Rational(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = Rational.of(o)
        return NotImplemented if o is NotImplemented else Rational(self.n * o.d, self.d * o.n)
    def __rtruediv__(self, o):
        return Rational.of(o) / self
    def __pow__(self, e):
        return Rational(self.n ** e, self.d ** e) if e >= 0 else Rational(self.d ** -e, self.n ** -e)
    def __eq__(self, o):
        o = Rational.of(o)
        return o is not NotImplemented and self.n == o.n and self.d == o.d
    def __lt__(self, o):
        o = Rational.of(o)
        return self.n * o.d < o.n * self.d
    def __le__(self, o):
        return self == o or self < o
    def __hash__(self):
        return hash((self.n, self.d))
    def __float__(self):
        return self.n / self.d
    def __abs__(self):
        return Rational(abs(self.n), self.d)
    def __bool__(self):
        return self.n != 0
half, third = Rational(1, 2), Rational(1, 3)
print(half + third, half - third, half * third, half / third, 1 + half, 1 - half, 2 * third, 1 / third, half ** 3, third ** -2)
print(half == Rational(2, 4), half < third, third < half, sorted([half, third, Rational(-1, 5), Rational(7, 3)]), float(third), abs(-half), bool(Rational(0)))
print(len({half, Rational(3, 6), third}), Rational(6, -4), Rational(0, 5), Rational(10))
H = Rational(0)
for k in range(1, 31):
    H += Rational(1, k)
print(H, float(H))
def continued_fraction(r, limit=20):
    out = []
    while limit and r.d != 1:
        q = r.n // r.d
        out.append(q)
        r = 1 / (r - q)
        limit -= 1
    out.append(r.n // r.d)
    return out
print(continued_fraction(Rational(415, 93)), continued_fraction(H))
def convergents(cf):
    res = []
    for i in range(1, len(cf) + 1):
        r = Rational(cf[i - 1])
        for a in reversed(cf[:i - 1]):
            r = a + 1 / r
        res.append(r)
    return res
print(convergents([3, 7, 15, 1, 292, 1, 1]))
try:
    Rational(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    half + "x"
except TypeError as e:
    print(type(e).__name__, e)
bern = [Rational(1)]
def comb(n, k):
    r = 1
    for i in range(k):
        r = r * (n - i) // (i + 1)
    return r
for m in range(1, 21):
    bern.append(-sum((comb(m + 1, k) * bern[k] for k in range(m)), Rational(0)) / (m + 1))
print(bern[:9], bern[20])
