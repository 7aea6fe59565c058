# float ** float: every special case of CPython's float_pow (Objects/floatobject.c), through a function
# that is hot with float operands (so compiled code computes it: FLOAT_BINOP POW, whose errors leave
# compiled code for the interpreter, which raises) and through the interpreter's fast path.
inf = float("inf")
nan = float("nan")


def pw(x, y):
    return x ** y


def show(x, y):
    try:
        r = pw(x, y)
    except ZeroDivisionError as e:
        return "ZeroDivisionError: %s" % e
    except OverflowError as e:
        if "complex" in str(e):
            return "complex"  # CPython overflowed computing the complex number
        return "OverflowError: %s" % e
    except ValueError:
        return "complex"  # a complex number's error (its values are checked by float_complex_arith)
    if type(r).__name__ == "complex":
        return "complex"
    return repr(r)


# warm up with ordinary operands so that pw is compiled with float feedback on both sides
acc = 0.0
for i in range(1, 3000):
    acc += pw(1.0 + i / 1000.0, -1.5)
print("warm", repr(acc))

bases = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, inf, -inf, nan, 1e308, -1e308,
         1e-308, 5e-324, -5e-324, 10.0, 0.1]
exps = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 0.5, -0.5, 1.5, -1.5, inf, -inf, nan, 1e300,
        -1e300, 2.0 ** 53, 2.0 ** 53 + 2.0, -(2.0 ** 53) - 1.0 + 2.0, 9007199254740993.0, 1e18, 0.25,
        1023.0, 1024.0, -1074.0, -1075.0, 4.0 / 3.0]
for x in bases:
    for y in exps:
        print(repr(x), "**", repr(y), "=", show(x, y))

# errors raised again and again from the same compiled site (deopt, then the interpreter raises)
n = 0
for i in range(200):
    try:
        pw(0.0, -1.0 - i)
    except ZeroDivisionError:
        n += 1
print("zero to negative raised", n)
m = 0
for i in range(200):
    try:
        pw(10.0 + i, 400.0)
    except OverflowError as e:
        m += 1
        msg = str(e)
print("overflow raised", m, msg)
# and the site still computes afterwards
print(repr(pw(2.0, 10.0)), repr(pw(2.0, -1074.0)), repr(pw(2.0, -1080.0)), repr(pw(-2.0, 3.0)))
