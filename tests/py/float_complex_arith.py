# complex arithmetic: + - * / ** tables over complex/int/float/bool operands both ways, the special
# cases of division and power (repeated squaring for small integral exponents, the polar form
# otherwise), their errors, abs, hash (equal to int/float hashes for equal values), ==/!= and the
# TypeErrors of ordering, //, %, divmod, int(), float(), round(), pow() with a modulus; format().
import math

inf = float("inf")
nan = float("nan")


def t(f):
    try:
        r = f()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
    return repr(r)


vals = [0j, 1 + 2j, -3.5 + 0.25j, complex(0, -0.0), 2j, complex(1e308, 1e308), complex(inf, 0),
        complex(nan, 1), 0, 3, -2, True, 0.0, -0.0, 1.5, -2.25, 2 ** 70]
ops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
       ("/", lambda a, b: a / b)]
for name, op in ops:
    for a in vals:
        row = []
        for b in vals:
            if type(a) is complex or type(b) is complex:
                row.append(t(lambda: op(a, b)))
        if row:
            print(name, repr(a), " ".join(row))

# power: small integral exponents, big ones, fractional, complex, the errors
bases = [0j, 1j, 1 + 1j, -2 + 0.5j, complex(0.5, -0.5), complex(1e200, 1e200), complex(inf, 0), 2 + 0j]
exps = [0, 1, 2, 3, -1, -2, 10, 100, 101, -100, 1025, -1075, 0.5, -0.5, 2.0, 1j, 1 + 1j, -1j, 0j,
        complex(2, 0), complex(-1, 0), 1e300]
for b in bases:
    print("**", repr(b), " ".join(t(lambda: b ** e) for e in exps))
for b in [2, 2.5, -8, -8.0, 0, 0.0, True]:
    print("**r", repr(b), " ".join(t(lambda: b ** e) for e in [1j, 1 + 1j, 0.5j, -1j, 0j, 2 + 0j, -1 + 0j]))
# a negative float base to a fractional power is a complex number
for b, e in [(-8, 1 / 3), (-1, 0.5), (-1.0, 1.5), (-2.0, -0.5), (-8.0, 1e300), (-inf, 0.5), (-0.5, 2.5),
             (-1e300, 0.5), (-1e300, 1.5)]:
    print("neg", repr(b), repr(e), t(lambda: b ** e), t(lambda: pow(b, e)))
print(t(lambda: pow(1j, 2)), t(lambda: pow(1j, 2, None)), t(lambda: pow(1j, 2, 3)), t(lambda: pow(2, 1j, 5)))

# unary, abs, bool
for z in [1 + 2j, -0j, complex(-0.0, 0.0), complex(3, -4), complex(inf, nan), complex(nan, -inf),
          complex(nan, 1), complex(1e308, 1e308), complex(5e-324, 5e-324), complex(1e-200, 1e-200)]:
    print("unary", repr(z), repr(-z), repr(+z), t(lambda: abs(z)), bool(z))

# hashes: equal numbers hash alike
for z, x in [(1 + 0j, 1), (1.5 + 0j, 1.5), (-1 + 0j, -1), (complex(2 ** 62), 2 ** 62), (0j, 0),
             (complex(-0.0, 0.0), 0), (complex(inf), inf), (complex(-inf), -inf), (complex(1e300), 1e300)]:
    print("hash", repr(z), hash(z) == hash(x), z == x, x == z)
print(hash(1.5 + 2j), hash(-0.5 + 0.25j), hash(2j), hash(-1j), hash(complex(inf, -inf)), hash(-1 + 0j))
print(len({1: "a", 1 + 0j: "b", 1.0: "c", True: "d"}), {1j, 1j + 0, complex(0, 1)}, {0j: 1, 0: 2, 0.0: 3})
z = complex(nan, 0)
print(hash(z) == hash(z), z == z, z != z, z in [z], {z: 1}[z])

# equality (exact with ints) and ordering
eqs = [(1j, 1j), (1 + 0j, 1), (1 + 0j, 1.0), (1 + 0j, True), (0j, False), (1j, 1), (1j, "x"), (1j, None),
       (complex(2 ** 53 + 1), 2 ** 53 + 1), (complex(2 ** 53), 2 ** 53), (complex(2 ** 53), 2 ** 53 + 1),
       (complex(1e300), 10 ** 300), (complex(2.0 ** 100), 2 ** 100), (complex(nan), nan), (1j, [1j])]
for a, b in eqs:
    print("eq", repr(a), repr(b), a == b, b == a, a != b, b != a)
for f in [lambda: 1j < 1j, lambda: 1j < 1, lambda: 1 < 1j, lambda: 1j >= 2.0, lambda: 1j > None,
          lambda: sorted([1j, 2j]), lambda: max(1j, 2j), lambda: min([1, 1j])]:
    print(t(f))

# operations complex does not have
for f in [lambda: 1j // 1, lambda: 1j % 1, lambda: divmod(1j, 1), lambda: divmod(1, 1j), lambda: 2 // 1j,
          lambda: 2.0 % 1j, lambda: 1j // 1j, lambda: int(1j), lambda: float(1j), lambda: round(1j),
          lambda: round(1j, 2), lambda: math.floor(1j), lambda: math.sqrt(1j), lambda: 1j @ 1j,
          lambda: 1j << 1, lambda: ~1j, lambda: 1j & 1, lambda: [1, 2][vals[1]], lambda: range(1j),
          lambda: "ab" * 1j, lambda: int("1j"), lambda: float("1j")]:
    print(t(f))

# division and overflow edge cases
for a, b in [(1j, 0), (1j, 0j), (1j, 0.0), (1, 0j), (0j, 0j), (complex(inf, nan), 1 + 0j),
             (1 + 1j, complex(inf, inf)), (1 + 1j, complex(nan, 0)), (complex(1e-320, 1e-320), complex(1e-320, 1e-320)),
             (complex(1e300, 1e300), complex(1e-300, 1e-300)), (1, complex(1e-320, 0)), (1, complex(0, 1e-320)),
             (complex(1e308, 1e308), 0.5), (3, 1 + 1j), (3.0, 1 + 1j), (complex(1e308, 1e308) * 10, 2)]:
    print("div", repr(a), repr(b), t(lambda: a / b))
for f in [lambda: 10 ** 400 + 0j, lambda: 1j * 10 ** 400, lambda: 1j ** (10 ** 400), lambda: complex(1e308, 1e308) + complex(1e308, 1e308),
          lambda: 1j + "a", lambda: "a" + 1j, lambda: [1] * 1j, lambda: 1j * [1]]:
    print(t(f))

# sum() and friends
print(sum([1j, 2, 3.5]), sum([0.1] * 10 + [1j]), sum([1j, 2j], 1), sum([1.5, 2, 1j, 0.25]),
      sum((complex(i, -i) for i in range(5)), 0j), sum([True, 1j]), sum([], 0j))
print(abs(-3 - 4j), max([1, 2], key=lambda v: abs(v * 1j)), list(map(complex, [1, 2.5, "3j"])))

# format()
for spec in ["", "10", "<12", "^14", "x>14", "+", " ", "-", ".3", ".2f", "+.1e", "g", "G", "E", "n", "#", "#g",
             ",", "_.2f", "15,.2f", "z", "z.1f", ">20.3e", "€^16", ".0f", "#.0f", ".20g", ".0",
             "0", "010", "0>10", "=10", "d", "%", "s", "x", "c", ".-1"]:
    row = []
    for z in [1 + 2j, -0.0 - 0j, 2j, -2j, 1234567.5 - 2j, complex(inf, nan), complex(-0.0, 1), 1e16 + 0j, 0.1 + 1e-7j]:
        row.append(t(lambda: format(z, spec)))
    print("format", repr(spec), " ".join(row))
print(f"{1 + 2j:>12}|{1 - 2j:^12.2f}|{3j:e}|{complex(1, -1)!s:>9}")
print("{:.2}".format(1.234 + 5.678j), "{0.real} {0.imag}".format(4 - 5j))
print(t(lambda: "%f" % 1j), t(lambda: "%d" % 1j), t(lambda: "%s" % 1j), t(lambda: "%r" % (-1j,)))
print(t(lambda: (1j).__format__(1)), t(lambda: (1j).__format__()), t(lambda: complex.__format__(1, "")))

# numbers and json
import json
import numbers

print(isinstance(1j, numbers.Complex), isinstance(1j, numbers.Number), isinstance(1j, numbers.Real),
      issubclass(complex, numbers.Complex), isinstance(1.5, numbers.Complex), isinstance(1, numbers.Complex))
print(t(lambda: json.dumps(1j)), t(lambda: json.dumps([1j])), t(lambda: json.dumps({"a": 1j})))
print(t(lambda: json.dumps(1j, default=lambda o: [o.real, o.imag])))
from fractions import Fraction

print(t(lambda: Fraction(1, 2) + 1j), t(lambda: 1j + Fraction(1, 2)), t(lambda: Fraction(1, 2) * 2j),
      t(lambda: Fraction(1, 2) == 0.5 + 0j), t(lambda: Fraction(1, 2) == 0.5 + 1j), t(lambda: Fraction(1, 4) ** 1j))
