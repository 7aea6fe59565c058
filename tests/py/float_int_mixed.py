# Arithmetic and comparisons between small ints and floats (the interpreter's and compiled code's
# generic BINARY_OP / COMPARE_OP compute these without kr_binary_op): rounding of the int, signed
# zeros, infinities, NaN, division by zero, ints beyond 2**53, in-place forms.
vals = [0, 1, -1, 3, 2**53, 2**53 + 1, -(2**53 + 1), 2**62 - 1, -(2**62), 7]
fl = [0.0, -0.0, 1.5, -2.25, float('inf'), float('-inf'), float('nan'), 1e308, 5e-324, 3.0, 9007199254740992.0,
      9007199254740994.0]


def arith(i, f):
    out = []
    for a, b in ((i, f), (f, i)):
        for op in range(4):
            try:
                if op == 0:
                    r = a + b
                elif op == 1:
                    r = a - b
                elif op == 2:
                    r = a * b
                else:
                    r = a / b
                out.append(repr(r))
            except ZeroDivisionError as e:
                out.append("ZeroDivisionError: %s" % e)
    return " ".join(out)


def compare(i, f):
    return [i < f, i <= f, i == f, i != f, i > f, i >= f, f < i, f <= i, f == i, f != i, f > i, f >= i]


def inplace():
    t = 0
    for i in range(10):
        t += 0.5
        t *= 2
        t -= 1
        t = 3 / t if t else t
        t += i
    return t


for _ in range(3):
    for i in vals:
        for f in fl:
            print(i, f, arith(i, f), compare(i, f))
    print(inplace())
