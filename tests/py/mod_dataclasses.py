from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, make_dataclass, InitVar, KW_ONLY, FrozenInstanceError
from typing import ClassVar, List
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
    count: ClassVar[int] = 0
p = Point(1, 2)
print(p, p == Point(1, 2), p != Point(1, 3), Point.count, Point.__doc__, Point.__match_args__)
print(repr(fields(p)[0]).split(",")[:2], [f.name for f in fields(Point)])
print(asdict(p), astuple(p), replace(p, y=5), is_dataclass(p), is_dataclass(Point), is_dataclass(3))
@dataclass(frozen=True, order=True)
class V:
    a: int
    b: str = "z"
v = V(1)
try: v.a = 3
except FrozenInstanceError as e: print(type(e).__name__, e, isinstance(e, AttributeError))
print(hash(v) == hash((1, "z")), V(1) < V(2), sorted([V(3), V(1, "a"), V(1)]), {v: 1})
try: V(1) < 3
except TypeError as e: print(e)
@dataclass
class C:
    x: int
    y: InitVar[int]
    z: int = field(init=False)
    def __post_init__(self, y):
        self.z = self.x + y
c = C(1, 10)
print(c, c.z)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e: print(e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e: print(e)
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int
k = K(1, c=3); print(k, K.__doc__)
try: K(1, 2, 3)
except TypeError as e: print(e)
@dataclass
class Base:
    x: int = 1
@dataclass
class Derived(Base):
    y: int = 2
    x: int = 5
print(Derived(), fields(Derived)[0].name)
@dataclass(slots=True)
class S:
    a: int
    b: int = 3
s = S(1)
print(s, S.__slots__, hasattr(s, "__dict__"))
try: s.c = 1
except AttributeError as e: print("AttributeError")
M = make_dataclass("M", [("a", int), "b", ("c", int, field(default=4))])
print(M(1, 2), M.__dataclass_fields__["c"].default)
@dataclass(eq=False)
class NE:
    a: int
print(NE(1) == NE(1), hash(NE(1)) is not None)
@dataclass
class Rec:
    items: list
r = Rec([]); r.items.append(r); print(r)
print(Point.__eq__(p, 3), Point.__hash__, V.__dataclass_params__)
try: fields(3)
except TypeError as e: print(e)
@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: int = field(hash=False, compare=True)
print(hash(UH(1, 2)) == hash((1,)))
@dataclass
class WithDefaultMethod:
    a: int
    def total(self): return self.a * 2
print(WithDefaultMethod(4).total(), repr(field())[:20], Point.__init__.__qualname__, Point.__repr__.__qualname__)
match Point(3, 4):
    case Point(x, y): print("matched", x, y)
@dataclass(frozen=True, slots=True)
class FS:
    a: int
fs = FS(2)
try: fs.a = 3
except FrozenInstanceError as e: print(e)
print(fs, hash(fs) == hash((2,)))
# more edge cases
import dataclasses
@dataclass
class Nested:
    p: Point
    ps: list
    d: dict
n = Nested(Point(1), [Point(2)], {"k": Point(3, 3)})
print(asdict(n))
print(astuple(n))
try: asdict(Point)
except TypeError as e: print(e)
try: replace(c, x=2)
except TypeError as e: print(e)
print(replace(c, x=2, y=5).z)
@dataclass
class NoInit:
    a: int = 1
    b: list = field(default_factory=lambda: [0], repr=False, compare=False)
print(NoInit(), NoInit() == NoInit(7), NoInit(7) == NoInit(7), NoInit().b)
@dataclass(repr=False, init=False)
class Bare:
    a: int
print(hasattr(Bare, "__init__") and Bare.__init__ is object.__init__, "Bare object" in repr(Bare()))
try:
    @dataclass(order=True, eq=False)
    class OE:
        a: int
except ValueError as e: print(e)
try:
    @dataclass
    class FB(V):
        c: int = 0
except TypeError as e: print(e)
@dataclass
class Sub(Point):
    z: int = 9
print(Sub(1, 2), Sub.__match_args__, isinstance(Sub(0), Point))
@dataclass
class Strs:
    a: "int"
    b: "ClassVar[int]" = 5
    c: "InitVar[str]" = "x"
print([f.name for f in fields(Strs)], Strs(1, "y"), Strs.b)
meta = field(metadata={"unit": "m"})
@dataclass
class Meta:
    length: float = meta
print(fields(Meta)[0].metadata["unit"], Meta.__doc__)
print(dataclasses.MISSING is not None, repr(dataclasses.KW_ONLY)[:30].startswith("<dataclasses._KW_ONLY_TYPE"))
try: make_dataclass("X", ["a", "a"])
except TypeError as e: print(e)
try: make_dataclass("X", ["class"])
except TypeError as e: print(e)
try: field(default=1, default_factory=list)
except ValueError as e: print(e)
