"""typing: the names that appear in annotations. Krait does not check types; these objects exist so that
annotated programs import and run, and they print like CPython's (typing.List[int])."""

__all__ = ['Any', 'Callable', 'ClassVar', 'Dict', 'Final', 'FrozenSet', 'Generator', 'Generic', 'Iterable',
           'Iterator', 'List', 'Literal', 'Mapping', 'MutableMapping', 'MutableSequence', 'NamedTuple',
           'NoReturn', 'Optional', 'Protocol', 'Sequence', 'Set', 'Tuple', 'Type', 'TypeVar', 'Union',
           'cast', 'overload', 'TYPE_CHECKING', 'get_type_hints', 'Deque', 'DefaultDict', 'Counter',
           'OrderedDict', 'Awaitable', 'Coroutine', 'AsyncIterator', 'Hashable', 'Sized', 'Collection',
           'Container', 'Reversible', 'SupportsInt', 'SupportsFloat', 'Self', 'Never', 'TypeAlias',
           'AnyStr', 'Text', 'IO', 'TextIO', 'BinaryIO', 'final', 'no_type_check', 'runtime_checkable']

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return obj.__module__ + '.' + obj.__qualname__
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    return repr(obj)


class _GenericAlias:
    def __init__(self, origin, name, args):
        self.__origin__ = origin
        self._name = name
        self.__args__ = args

    def __repr__(self):
        if self._name == 'Callable' and len(self.__args__) == 2 and isinstance(self.__args__[0], (list, tuple)):
            params = '[' + ', '.join(_type_repr(a) for a in self.__args__[0]) + ']'
            return 'typing.Callable[' + params + ', ' + _type_repr(self.__args__[1]) + ']'
        return 'typing.' + self._name + '[' + ', '.join(_type_repr(a) for a in self.__args__) + ']'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError('Type ' + self._name + ' cannot be instantiated')
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        return self

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        return (self.__origin__,) if self.__origin__ is not None else ()


class _SpecialForm:
    def __init__(self, name, origin=None, nparams=-1):
        self._name = name
        self.__origin__ = origin
        self._nparams = nparams

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Optional':
            return _GenericAlias(None, 'Optional', params)
        if self._name == 'Union':
            flat = []
            for p in params:
                if isinstance(p, _GenericAlias) and p._name == 'Union':
                    flat.extend(p.__args__)
                elif p not in flat:
                    flat.append(p)
            if len(flat) == 1:
                return flat[0]
            if len(flat) == 2 and (type(None) in flat or None in flat):
                other = [p for p in flat if p is not None and p is not type(None)][0]
                return _GenericAlias(None, 'Optional', (other,))
            return _GenericAlias(None, 'Union', tuple(flat))
        return _GenericAlias(self.__origin__, self._name, params)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError('Cannot instantiate typing.' + self._name)
        return self.__origin__(*args, **kwargs)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        return (self.__origin__,) if self.__origin__ is not None else (object,)

    def __instancecheck__(self, obj):
        if self.__origin__ is None:
            raise TypeError('typing.' + self._name + ' cannot be used with isinstance()')
        return isinstance(obj, self.__origin__)


class _AnyMeta(type):
    def __repr__(cls):
        return 'typing.Any'

    def __instancecheck__(cls, obj):
        raise TypeError('typing.Any cannot be used with isinstance()')


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type."""


Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
ClassVar = _SpecialForm('ClassVar')
Final = _SpecialForm('Final')
Literal = _SpecialForm('Literal')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
TypeAlias = _SpecialForm('TypeAlias')
Callable = _SpecialForm('Callable')
List = _SpecialForm('List', list)
Dict = _SpecialForm('Dict', dict)
Set = _SpecialForm('Set', set)
FrozenSet = _SpecialForm('FrozenSet', frozenset)
Tuple = _SpecialForm('Tuple', tuple)
Type = _SpecialForm('Type', type)
Iterable = _SpecialForm('Iterable')
Iterator = _SpecialForm('Iterator')
Generator = _SpecialForm('Generator')
Sequence = _SpecialForm('Sequence')
MutableSequence = _SpecialForm('MutableSequence')
Mapping = _SpecialForm('Mapping')
MutableMapping = _SpecialForm('MutableMapping')
Deque = _SpecialForm('Deque')
DefaultDict = _SpecialForm('DefaultDict')
Counter = _SpecialForm('Counter')
OrderedDict = _SpecialForm('OrderedDict')
Awaitable = _SpecialForm('Awaitable')
Coroutine = _SpecialForm('Coroutine')
AsyncIterator = _SpecialForm('AsyncIterator')
Hashable = _SpecialForm('Hashable')
Sized = _SpecialForm('Sized')
Collection = _SpecialForm('Collection')
Container = _SpecialForm('Container')
Reversible = _SpecialForm('Reversible')
SupportsInt = _SpecialForm('SupportsInt')
SupportsFloat = _SpecialForm('SupportsFloat')
IO = _SpecialForm('IO')
TextIO = _SpecialForm('TextIO')
BinaryIO = _SpecialForm('BinaryIO')
Text = str


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]


AnyStr = TypeVar('AnyStr', bytes, str)


class _GenericMeta(type):
    def __getitem__(cls, params):
        return cls


class Generic(metaclass=_GenericMeta):
    """Base of generic classes: Generic[T] is accepted and ignored."""
    __slots__ = ()


class Protocol(metaclass=_GenericMeta):
    __slots__ = ()


def NamedTuple(typename, fields=None, **kwargs):
    raise NotImplementedError('typing.NamedTuple is not supported by Krait yet')


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return dict(getattr(obj, '__annotations__', None) or {})
