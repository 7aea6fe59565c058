# complex: literals (folded constants, frozen in code objects), repr/str of edge values, the
# constructor (numbers, strings, __complex__/__float__/__index__, keywords) and its error messages.
inf = float("inf")
nan = float("nan")


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


# literals and their reprs
print([1j, -1j, -0j, 0j, -(0j), 1.5e3J, 0J, 1_0j, .5j, 1e-5j, 1e500j, -1e500j, 1e16j, 1e-7j])
print(1j.real, 1j.imag, (-1j).real, (2+3j).imag, type(1j).__name__, type(1j) is complex)
print(-1j == complex(-0.0, -1.0), repr(-1j), repr(0 - 1j), repr(-(1j)))
print(1e500j * 0)
print(repr(complex(-0.0, -0.0)), repr(complex(0.0, -0.0)), repr(complex(-0.0, 0.0)), repr(complex(0.0, 0.0)))
print(repr(complex(nan, inf)), repr(complex(-inf, -nan)), repr(complex(0, -nan)), repr(complex(inf, 0)))
print(repr(complex(1e16, 1e-5)), repr(complex(1e15, 123456789.125)), repr(complex(0.1, 0.2)))
print(str(1 + 2j), str(-2j), "%s %r" % (1j, 2j), f"{1 - 2j!r} {3j}")
print([complex(2 ** 52, -(2 ** 53)), complex(1 / 3, -2 / 3)])


def consts():
    # the same constant twice, and constants in a tuple (one code object constant)
    return 2j, 2j, (1j, -1j, 0j), -0j


print(consts())

# the constructor
t(lambda: complex())
t(lambda: complex(1.5))
t(lambda: complex(True))
t(lambda: complex(2, 3))
t(lambda: complex(2.5, -0.0))
t(lambda: complex(-0.0))
t(lambda: complex(real=1, imag=2))
t(lambda: complex(imag=2))
t(lambda: complex(1j, 1j))
t(lambda: complex(1 + 2j, 3 + 4j))
t(lambda: complex(1, 3 + 4j))
t(lambda: complex(imag=1j))
t(lambda: complex(real=1j))
t(lambda: complex(2 ** 60, 2 ** 60 + 1))
t(lambda: complex(2 ** 1000))
t(lambda: complex(1, 2 ** 1000))
t(lambda: complex(1, 2, 3))
t(lambda: complex(x=1))
t(lambda: complex(None))
t(lambda: complex(1, None))
t(lambda: complex([]))
t(lambda: complex(1, []))
t(lambda: complex(b"1"))
t(lambda: complex("1+2j", 1))
t(lambda: complex("1", imag=1))
t(lambda: complex(1, "1"))


class C:
    def __complex__(self):
        return 5


class D:
    def __complex__(self):
        return 5j


class E:
    def __float__(self):
        return 2.5


class F:
    def __index__(self):
        return 7


class G:
    def __complex__(self):
        raise RuntimeError("no complex here")


t(lambda: complex(C()))
t(lambda: complex(D()))
t(lambda: complex(D(), 1))
t(lambda: complex(E()))
t(lambda: complex(F()))
t(lambda: complex(F(), F()))
t(lambda: complex(E(), 1j))
t(lambda: complex(G()))

# strings
for s in ["1+2j", "  -1.5e-3+2.25E2J  ", "(1+2j)", " ( 1+2j ) ", "1_0j", "1.5_5j", "j", "-J", "+j",
          "infj", "-nan+infj", "+inf-infj", "-Infinity", "nan-nanj", "1+j", "1-j", "1.e5", ".5j",
          "1e5j", "1E-5-1E+5j", "\t\n1 ", "\u0661\u0662j", "\u20031.5j\u2003", "1" * 30 + "j",
          "1e400", "-1e400j", "0j", "-0", "-0-0j",
          # malformed
          "", " ", "1__0j", "_1j", "1_j", "1+2", "1j+2", "(1+2j", "1+2j)", "()", "1 + 2j", "0x1j",
          "1e5e5", "1\x00", "\t\n1\x1f", "1jj", "1+-2j", "++1j", "(j)x", "1e", "1ej", "i", "nanjj",
          "infinit", "1..5j", "1.5.j", "\u0661\u0662k"]:
    t(lambda: complex(s))


class MyC(complex):
    def __repr__(self):
        return "MyC" + super().__repr__()


t(lambda: MyC(1, 2))
t(lambda: MyC("3+4j").imag)
t(lambda: type(MyC(1, 2) + 1))
t(lambda: type(-MyC(1, 2)))
t(lambda: type(+MyC(1, 2)))
t(lambda: type(complex(MyC(1, 2))))
t(lambda: complex(MyC(1, 2)))
t(lambda: abs(MyC(3, 4)))
t(lambda: format(MyC(1, 2), ""))
t(lambda: complex.__complex__(MyC(1, 1)))
t(lambda: type(complex.__complex__(MyC(1, 1))))
t(lambda: MyC(1, 2) == 1 + 2j)
t(lambda: hash(MyC(1, 2)) == hash(1 + 2j))
t(lambda: isinstance(MyC(), complex))

# methods and attributes
t(lambda: (1 + 2j).conjugate())
t(lambda: (-0.0 - 0j).conjugate())
t(lambda: (1 + 2j).conjugate(1))
t(lambda: complex.conjugate(1))
t(lambda: (1j).__complex__())
t(lambda: (1.5 - 2j).__getnewargs__())
t(lambda: (1j).real.__class__)
t(lambda: (1j).__floordiv__)
t(lambda: (1j).__round__)
t(lambda: hasattr(1j, "__int__"), )
t(lambda: (1j).__reduce_ex__(2)[1:])
import copy

t(lambda: copy.copy(3 - 4j))
t(lambda: copy.deepcopy([3 - 4j]))
t(lambda: bool(1j) and bool(0j))
t(lambda: not 0j)
t(lambda: not complex(0, -0.0))
t(lambda: bool(complex(nan, 0)))
t(lambda: 0j or "x")
