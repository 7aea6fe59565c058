# int methods and attributes, and the int type.
n = 42
print(n.real, n.imag, n.numerator, n.denominator, n.conjugate())
print((-7).as_integer_ratio(), (10).is_integer())
print(int.__name__, type(n) is int, isinstance(True, int), issubclass(bool, int))
print((5).__add__(3), (5).__sub__(3), (5).__mul__(3), (5).__floordiv__(3), (5).__mod__(3), (5).__pow__(3))
print((5).__radd__(3), (5).__rsub__(3), (5).__neg__(), (5).__abs__(), (-5).__abs__(), (5).__invert__())
print((5).__add__(1.5), (5).__truediv__(2), (5).__bool__(), (0).__bool__(), (5).__index__())
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(7), round(7, 2))
print(int.from_bytes(b"\x01", "big"), (12).bit_length())
class MyInt(int):
    pass
m = MyInt(5)
print(m + 1, type(m + 1).__name__, type(m).__name__, m == 5, isinstance(m, int))
print(int("7") + MyInt(3), MyInt("12", 3))
