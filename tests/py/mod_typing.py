import typing
from typing import (Any, Optional, Union, List, Dict, Set, FrozenSet, Tuple, Type, Callable, Iterable,
                    Iterator, Generator, Sequence, Mapping, MutableMapping, Deque, DefaultDict,
                    Counter, ClassVar, Final, Literal, TypeVar, Generic, Protocol, NamedTuple,
                    TypedDict, NewType, Annotated, cast, overload, final, get_type_hints,
                    get_origin, get_args, runtime_checkable, NoReturn, Never, Self, TypeAlias,
                    ParamSpec, Concatenate, TYPE_CHECKING, AnyStr, Text, Required, NotRequired,
                    assert_never, assert_type, is_typeddict, ForwardRef, TypeGuard, LiteralString)
import collections.abc

# reprs
for t in (Any, Optional[int], Union[int, str], Union[int, None, str], Union[int], List, List[int],
          Dict[str, List[int]], Set[int], FrozenSet[str], Tuple[int, ...], Tuple[()], Tuple[int, str],
          Type[int], Callable[[int, str], bool], Callable[..., int], Callable[[], None], Iterable[int],
          Iterator[str], Generator[int, None, None], Sequence[int], Mapping[str, int], Deque[int],
          DefaultDict[str, int], Counter[str], ClassVar[int], Final[int], Literal["a", 1, None],
          Annotated[int, "meta"], Optional[List[int]], NoReturn, Never, Self, TypeAlias,
          Optional[Union[int, str]], List["Forward"], Union[int, List[int]]):
    print(repr(t))
# equality and hashing
print(Union[int, str] == Union[str, int], Union[int, int] is int, Optional[int] == Union[int, None],
      List[int] == List[int], List[int] == List[str], hash(List[int]) == hash(List[int]),
      Literal[1, 2] == Literal[2, 1], Union[int, Union[str, bytes]])
# origins and args
for t in (List[int], Dict[str, int], Union[int, str], Optional[int], Callable[[int], str],
          Callable[..., str], Tuple[int, ...], Literal[1], Annotated[int, "x"], int | str, list[int],
          ClassVar[int], Generic, int, List):
    print(get_origin(t), get_args(t))
# isinstance with unsubscripted aliases, subscripted ones refused
print(isinstance([], List), isinstance({}, Mapping), isinstance(3, Union[int, str]), issubclass(list, Sequence))
try: isinstance([], List[int])
except TypeError as e: print(e)
try: isinstance(3, Any)
except TypeError as e: print(e)
try: List()
except TypeError as e: print(e)
try: Optional[int, str]
except TypeError as e: print(e)
try: Union[()]
except TypeError as e: print(e)
# TypeVar and Generic
T = TypeVar("T")
K = TypeVar("K", bound=str)
V_co = TypeVar("V_co", covariant=True)
N = TypeVar("N", int, float)
print(T, K, V_co, N, T.__name__, K.__bound__, N.__constraints__, Union[T, int])
class Box(Generic[T]):
    def __init__(self, v: T) -> None: self.v = v
    def get(self) -> T: return self.v
b = Box[int](3)
print(b.get(), Box[int], Box.__parameters__, b.__orig_class__, Box[int].__origin__ is Box, get_args(Box[str]))
class Pair(Generic[K, T]): pass
print(Pair[str, int], Pair.__parameters__)
try: Pair[int]
except TypeError as e: print(e)
try:
    class Bad(Generic[T], Generic[K]): pass
except TypeError as e: print(e)
try: Generic[int]
except TypeError as e: print(e)
class IntBox(Box[int]): pass
print(IntBox.__orig_bases__, IntBox.__parameters__, IntBox(5).get(), IntBox.__mro__)
class MyList(List[T]): pass
print(MyList.__mro__, MyList[int], MyList([1, 2]))
D = Dict[str, T]
print(D[int], D.__parameters__)
# Protocol
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(3, Closable), issubclass(F, Closable))
class NotRT(Protocol):
    def x(self) -> int: ...
try: isinstance(F(), NotRT)
except TypeError as e: print(e)
try: NotRT()
except TypeError as e: print(e)
class Impl(NotRT):
    def x(self): return 1
print(Impl().x())
# NamedTuple
class Emp(NamedTuple):
    name: str
    id: int = 3
    def describe(self) -> str: return f"{self.name}#{self.id}"
e = Emp("ann")
print(e, e.describe(), Emp._fields, Emp._field_defaults, Emp.__annotations__, e._replace(id=5), isinstance(e, tuple))
P2 = NamedTuple("P2", [("x", int), ("y", float)])
print(P2(1, 2.0), P2.__annotations__)
try:
    class BadNT(NamedTuple):
        a: int = 1
        b: int
except TypeError as e: print(e)
# TypedDict
class Movie(TypedDict):
    name: str
    year: int
class Movie2(Movie, total=False):
    rating: float
m = Movie(name="x", year=1)
print(m, type(m), Movie.__required_keys__ == {"name", "year"}, sorted(Movie2.__optional_keys__), Movie2.__total__, is_typeddict(Movie), is_typeddict(dict))
M3 = TypedDict("M3", {"a": int, "b": NotRequired[str]})
print(sorted(M3.__required_keys__), sorted(M3.__optional_keys__), M3(a=1))
try: isinstance({}, Movie)
except TypeError as e: print(e)
# NewType
UserId = NewType("UserId", int)
print(UserId(5), UserId, UserId.__supertype__, type(UserId(5)))
try:
    class Sub(UserId): pass
except TypeError as e: print(e)
# get_type_hints
class A:
    x: int
    y: "List[int]"
    z: ClassVar[str] = "s"
class B(A):
    w: Optional["A"] = None
def fn(a: "int", b: Annotated[str, "m"] = "q") -> "B": pass
print(get_type_hints(A), get_type_hints(B), get_type_hints(fn), get_type_hints(fn, include_extras=True))
# helpers
@overload
def ov(x: int) -> int: ...
@overload
def ov(x: str) -> str: ...
def ov(x): return x
print(ov(1), len(typing.get_overloads(ov)), cast(List[int], "not checked"), assert_type(3, int))
@final
class Fin: pass
print(Fin.__final__, TYPE_CHECKING, AnyStr, Text is str)
try: assert_never(3)
except AssertionError as e: print(e)
P = ParamSpec("P")
print(P, P.args, P.kwargs, Callable[P, int], Callable[Concatenate[int, P], int])
print(ForwardRef("X"), TypeGuard[int], Required[int], LiteralString)
print(List[int] | None, int | List[str], Optional[int] | str)
print(typing.Hashable, typing.Sized, typing.Awaitable[int])
def gen() -> Iterator[int]: yield 1
print(list(gen()), typing.get_type_hints(gen))
