from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.RED), Color(2), Color['BLUE'], list(Color), len(Color))
print(Color.CRIMSON is Color.RED, Color.RED.name, Color.RED.value, Color.__members__)
print(f"{Color.RED}", format(Color.GREEN, ">12"), hash(Color.RED) == hash("RED"))
try: Color(7)
except ValueError as e: print(e)
class N(IntEnum):
    ONE = 1
    TWO = auto()
print(N.TWO, repr(N.TWO), N.ONE + 1, N(2), f"{N.ONE:03d}", N.ONE == 1, sorted([N.TWO, N.ONE]))
class S(StrEnum):
    A = auto()
    B = "bee"
print(S.A, repr(S.A), S.B.upper(), S("bee"), S.A == "a")
class P(Flag):
    R = 4
    W = 2
    X = 1
    RW = 6
print(P.R | P.W, repr(P.R | P.W), P(7), repr(P(0)), list(P(7)), P.R in P.RW, ~P.R, bool(P(0)), len(P(7)))
try: P(8)
except ValueError as e: print(e)
class IP(IntFlag):
    A = 1
    B = 2
print(IP.A | IP.B, repr(IP.A | 8), IP(12), IP.A | 4, ~IP.A, repr(~IP.A))
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal))
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, round(Planet.EARTH.gravity, 2))
try: Color.RED = 5
except AttributeError as e: print(e)
try:
    class More(Color): pass
except TypeError as e: print(e)
print(Color.RED in Color, 1 in Color, 9 in Color, dir(Color.RED), dir(Color))
print(isinstance(Color.RED, Color), type(Color), Color.RED.__class__)
class Sh(Enum):
    name = 1
    value = 2
print(Sh.name, Sh.value, Sh.name.name, Sh.value.value)
print(list(reversed(Color)), Color._member_names_, {Color.RED: 1})
