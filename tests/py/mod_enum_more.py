import enum
from enum import (Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, verify, member, nonmember,
                  UNIQUE, CONTINUOUS, NAMED_FLAGS, STRICT, CONFORM, EJECT, KEEP, FlagBoundary)

class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None
print(Shape("circle"), Shape.__members__["ALIAS_FOR_SQUARE"], Shape._member_names_)
try: Shape(9)
except ValueError as e: print("ValueError", e)

class Bad(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value): return 5
try: Bad(2)
except TypeError as e: print("TypeError", e, type(e.__context__).__name__)

class Ordinal(Enum):
    _ignore_ = "tmp"
    NORTH = auto()
    SOUTH = auto()
    tmp = 3
    def describe(self): return f"{self.name.lower()}={self.value}"
    CONST = nonmember(99)
    fn = member(len)
print(list(Ordinal), Ordinal.NORTH.describe(), Ordinal.CONST, hasattr(Ordinal, "tmp"), Ordinal.fn.value([1, 2]))

class Auto(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name[::-1]
    AB = auto()
    CD = auto()
print([m.value for m in Auto])

class Coord(bytes, Enum):
    def __new__(cls, value, label):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        return obj
    PX = (0, "P.X")
    PY = (1, "P.Y")
print(Coord.PY.label, Coord(1), Coord.PX == b"\x00")

class Mood(Enum):
    FUNKY = 1
    HAPPY = 3
    def __str__(self): return "my custom str! {0}".format(self.value)
    @classmethod
    def favorite_mood(cls): return cls.HAPPY
print(Mood.favorite_mood(), str(Mood.FUNKY), f"{Mood.HAPPY}")

class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
print(Color.WHITE, list(Color.WHITE), list(Color), Color.RED | Color.GREEN, Color(0), ~Color.RED, ~Color.WHITE)
print(Color.RED in Color.WHITE, Color.WHITE & Color.GREEN, Color.WHITE ^ Color.RED, Color._flag_mask_, len(Color.WHITE))
try: Color.RED in 3
except TypeError as e: print(e)
try: Color.RED | 1
except TypeError as e: print(e)
try: Color(9)
except ValueError as e: print(e)

class Conf(Flag, boundary=CONFORM):
    A = 1
    B = 4
print(repr(Conf(7)), repr(Conf(3)))
class Ej(Flag, boundary=EJECT):
    A = 1
    B = 4
print(Ej(7), type(Ej(7)).__name__, Ej(5))
class Kp(Flag, boundary=KEEP):
    A = 1
    B = 4
print(repr(Kp(11)), Kp(11), repr(~Kp.A))

class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, repr(Perm.R | 8), Perm.R + 1, Perm(0), repr(Perm(0)), Perm.R | 2, list(Perm(7)), f"{Perm.W}", Perm.R == 4)
print(repr(~Perm.R), Perm(-1), 7 in Perm.__members__.values(), Perm(5) in Perm(7))

F = Enum('F', [('A', 10), ('B', 20)])
G = Enum('G', {'X': 'x', 'Y': 'y'})
H = IntEnum('H', 'P Q R', start=5)
I = Enum('I', ['U', 'V'])
print(list(F), G.X.value, H.Q, int(H.R), I.V.value, H.__members__.keys())
try: Enum('Empty')
except TypeError as e: print(e)
E0 = Enum('E0', ())
print(list(E0), len(E0))

try:
    @verify(UNIQUE)
    class V1(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
try:
    @verify(CONTINUOUS)
    class V2(IntEnum):
        A = 1
        C = 3
        D = 5
except ValueError as e: print(e)
try:
    @verify(NAMED_FLAGS)
    class V3(Flag):
        A = 1
        B = 2
        AC = 5
except ValueError as e: print(e)

try:
    class Dup(Enum):
        A = 1
        A = 2
except TypeError as e: print(e)
try:
    class Sun(Enum):
        _foo_ = 1
except ValueError as e: print(e)
try:
    class Mix(int, str, Enum):
        A = 1
except TypeError as e: print(e)
try:
    class Wrong(Enum, int):
        A = 1
except TypeError as e: print(e)
try: del Shape.SQUARE
except AttributeError as e: print(e)
try:
    class Ord(Enum):
        _order_ = "B A"
        A = 1
        B = 2
except TypeError as e: print(e)

class Base(Enum):
    def hello(self): return "hello " + self.name
class Child(Base):
    X = 1
print(Child.X.hello(), isinstance(Child.X, Base), Child.__mro__[1:3])

class WithInit(Enum):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        print("subclass", cls.__name__)
class Sub1(WithInit):
    Q = 1

print(FlagBoundary.STRICT, repr(KEEP), list(FlagBoundary), enum.EnumMeta is enum.EnumType)
print(enum.bin(10), enum.bin(~10), enum.bin(5, 8), enum.show_flag_values(13))
print(sorted(Shape, key=lambda m: m.value), max(Perm), {Shape.SQUARE: "sq"}[Shape.ALIAS_FOR_SQUARE])
print(Shape.SQUARE.__class__.__name__, Shape.CIRCLE._sort_order_, StrEnum("SE", "a b").a)
class St(StrEnum):
    ONE = "1"
    TWO = auto()
print(St.ONE + "x", St.TWO, "{}".format(St.ONE), St.ONE.upper(), St.ONE.__class__)
try:
    class BadStr(StrEnum):
        A = 3
except TypeError as e: print(e)
import sys
print(F.__module__, sys._getframemodulename(), sys._getframemodulename(99))
@enum.global_enum
class Glob(IntEnum):
    GA = 1
    GB = 2
print(repr(GA), GB, repr(Glob.GA), str(Glob.GB))
@enum.global_enum
class GFlag(Flag):
    GX = 1
    GY = 2
print(repr(GX | GY), repr(GX), repr(GFlag(0)))
