# Arithmetic dunders: forward, reflected, in-place, unary; NotImplemented fallbacks.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self): return "V(%r, %r)" % (self.x, self.y)
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)): return V(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return self.__add__(o)
    def __sub__(self, o): return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k) if not isinstance(k, V) else self.x * k.x + self.y * k.y
    def __rmul__(self, k): return V(k * self.x, k * self.y)
    def __truediv__(self, k): return V(self.x / k, self.y / k)
    def __floordiv__(self, k): return V(self.x // k, self.y // k)
    def __mod__(self, k): return V(self.x % k, self.y % k)
    def __pow__(self, k, mod=None): return V(pow(self.x, k, mod), pow(self.y, k, mod))
    def __rpow__(self, b): return "rpow(%r)" % b
    def __neg__(self): return V(-self.x, -self.y)
    def __pos__(self): return V(+self.x, +self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self): return V(self.y, self.x)
    def __matmul__(self, o): return "matmul"
    def __rmatmul__(self, o): return "rmatmul"
    def __divmod__(self, k): return (self // k, self % k)
    def __rtruediv__(self, k): return V(k / self.x, k / self.y)
    def __rsub__(self, k): return V(k - self.x, k - self.y)
    def __lshift__(self, n): return V(self.x << n, self.y << n)
    def __rshift__(self, n): return V(self.x >> n, self.y >> n)
    def __and__(self, n): return V(self.x & n, self.y & n)
    def __or__(self, n): return V(self.x | n, self.y | n)
    def __xor__(self, n): return V(self.x ^ n, self.y ^ n)
    def __rand__(self, n): return "rand"
    def __ror__(self, n): return "ror"
    def __rxor__(self, n): return "rxor"
    def __rlshift__(self, n): return "rlshift"
    def __rrshift__(self, n): return "rrshift"
    def __rfloordiv__(self, n): return "rfloordiv"
    def __rmod__(self, n): return "rmod"
    def __rdivmod__(self, n): return "rdivmod"
a, b = V(1, 2), V(10, 20)
print(a + b, a + 1, 1 + a, a - b, a * 3, 3 * a, a * b, b / 4, b // 3, b % 3, a ** 2, pow(b, 2, 7), 2 ** a)
print(-a, +a, abs(V(3, 4)), ~a, a @ b, 1 @ a, divmod(b, 3), 1 / V(2, 4), 10 - a)
print(a << 2, b >> 1, b & 6, b | 1, b ^ 3, 1 & a, 1 | a, 1 ^ a, 1 << a, 1 >> a, 1 // a, 1 % a, divmod(1, a))
print(sum([a, b]), sum([a, b], V(0, 0)))
try:
    a + "s"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "s" - a
except TypeError as e:
    print(type(e).__name__, e)
class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __isub__(self, x):
        self.items.remove(x)
        return self
    def __imul__(self, n):
        self.items *= n
        return self
    def __repr__(self): return "Acc(%r)" % self.items
acc = Acc()
ref = acc
acc += 1; acc += 2; acc -= 1; acc *= 3
print(acc, ref is acc)
v = V(1, 1)
before = v
v += V(1, 1)
print(v, before, v is before)
n = 5
n += 1; n -= 2; n *= 3; n //= 2; n **= 2; n %= 7; n <<= 3; n >>= 1; n |= 1; n &= 13; n ^= 4
print(n)
class Sub(V):
    def __radd__(self, o):
        return "Sub.radd wins"
print(V(1, 1) + Sub(2, 2))
