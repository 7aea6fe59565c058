"""typing for Krait: the objects of type annotations, after CPython 3.13's documented behaviour.

Krait does not check types. These objects exist so that annotated programs import and run, and so
that code which inspects annotations at run time (dataclasses, get_type_hints, get_origin/get_args,
isinstance against runtime-checkable protocols, NamedTuple and TypedDict classes, Generic classes
with __orig_class__ and __parameters__) sees what it sees on CPython, reprs included.

The pieces: _SpecialForm (Union, Optional, Literal, ClassVar...), _GenericAlias (a subscripted
generic: List[int], Box[T], Callable[[int], str]), _SpecialGenericAlias (the unsubscripted
List, Dict... that can be subscripted and used with isinstance), TypeVar/ParamSpec, Generic and
Protocol (no metaclass for Generic, so generic classes mix with any other metaclass),
NamedTuple/TypedDict (class syntax through __mro_entries__), NewType, and the helper functions.
"""

import collections
import collections.abc
import functools
import sys
import types

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final', 'ForwardRef', 'Generic',
    'Literal', 'Optional', 'ParamSpec', 'Protocol', 'Tuple', 'Type', 'TypeVar', 'TypeVarTuple',
    'Union', 'AbstractSet', 'ByteString', 'Container', 'ContextManager', 'Hashable', 'ItemsView',
    'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView', 'MutableMapping',
    'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView', 'Awaitable',
    'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection', 'AsyncGenerator',
    'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes', 'SupportsComplex',
    'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound', 'ChainMap', 'Counter',
    'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set', 'FrozenSet', 'NamedTuple',
    'TypedDict', 'Generator', 'BinaryIO', 'IO', 'Match', 'Pattern', 'TextIO', 'AnyStr',
    'assert_type', 'assert_never', 'cast', 'clear_overloads', 'dataclass_transform', 'final',
    'get_args', 'get_origin', 'get_overloads', 'get_protocol_members', 'get_type_hints',
    'is_protocol', 'is_typeddict', 'LiteralString', 'Never', 'NewType', 'no_type_check',
    'no_type_check_decorator', 'NoDefault', 'NoReturn', 'NotRequired', 'overload', 'override',
    'ParamSpecArgs', 'ParamSpecKwargs', 'ReadOnly', 'Required', 'reveal_type',
    'runtime_checkable', 'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'TypeIs',
    'TypeAliasType', 'Unpack',
]

TYPE_CHECKING = False


def _type_repr(obj):
    # how a type reads inside an alias's repr: builtins by name, other classes module.qualname
    if isinstance(obj, type) and not isinstance(obj, types.GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    if isinstance(obj, tuple):
        return '[' + ', '.join(_type_repr(t) for t in obj) + ']'
    return repr(obj)


def _caller_module(depth=2):
    try:
        return sys._getframemodulename(depth) or '__main__'
    except (AttributeError, ValueError):
        return None


def _type_convert(arg, module=None):
    # None stands for NoneType, a str for a forward reference
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg, module=module)
    return arg


def _type_check(arg, msg):
    arg = _type_convert(arg)
    if isinstance(arg, _SpecialForm) and arg in (ClassVar, Final):
        raise TypeError(f'{arg} is not valid as type argument')
    if arg is Any or isinstance(arg, _SpecialForm) and arg in (LiteralString, NoReturn, Never, Self,
                                                               TypeAlias):
        return arg
    # (Generic and Protocol are defined further down: looked up when called)
    if isinstance(arg, _SpecialForm) or arg is globals().get('Generic') or arg is globals().get('Protocol'):
        raise TypeError(f'Plain {arg} is not valid as type argument')
    if type(arg) is tuple:
        raise TypeError(f'{msg} Got {arg!r:.100}.')
    return arg


def _is_typevar_like(x):
    return isinstance(x, (TypeVar, ParamSpec, TypeVarTuple))


def _collect_parameters(args):
    # the type variables in args, in first-appearance order, looking inside nested aliases
    params = []
    for t in args:
        if isinstance(t, type):
            continue
        if _is_typevar_like(t):
            if t not in params:
                params.append(t)
        elif isinstance(t, (list, tuple)):
            for x in _collect_parameters(t):
                if x not in params:
                    params.append(x)
        else:
            for x in getattr(t, '__parameters__', ()) or ():
                if _is_typevar_like(x) and x not in params:
                    params.append(x)
    return tuple(params)


def _deduplicate(params):
    out = []
    for p in params:
        if p not in out:
            out.append(p)
    return out


def _flatten_union(params):
    flat = []
    for p in params:
        if isinstance(p, _UnionGenericAlias):
            flat.extend(p.__args__)
        elif isinstance(p, types.UnionType):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    return flat


class _Final:
    """Objects of typing that cannot be subclassed."""
    __slots__ = ('__weakref__',)

    def __init_subclass__(cls, /, *args, _root=False, **kwds):
        if not _root:
            raise TypeError('Cannot subclass special typing classes')


# ---- special forms --------------------------------------------------------------------------------

class _SpecialForm(_Final, _root=True):
    __slots__ = ('_name', '__doc__', '_getitem')

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in {'__name__', '__qualname__'}:
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass {self!r}')

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f'{self} cannot be used with isinstance()')

    def __subclasscheck__(self, cls):
        raise TypeError(f'{self} cannot be used with issubclass()')

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError('typing.Any cannot be used with isinstance()')
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return 'typing.Any'
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type compatible with every type. It may be subclassed (e.g. to mock anything)."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError('Any cannot be instantiated')
        return super().__new__(cls)


def _not_subscriptable(name, doc):
    def getitem(self, parameters):
        raise TypeError(f'{self} is not subscriptable')
    getitem.__name__ = name
    getitem.__doc__ = doc
    return _SpecialForm(getitem)


NoReturn = _not_subscriptable('NoReturn', 'The return type of functions that never return.')
Never = _not_subscriptable('Never', 'The bottom type, that has no members.')
Self = _not_subscriptable('Self', "The type of the enclosing class's instances.")
LiteralString = _not_subscriptable('LiteralString', 'Literal strings and strings made of them only.')
TypeAlias = _not_subscriptable('TypeAlias', 'Marks an explicit type alias: '
                               'Predicate: TypeAlias = Callable[..., bool].')


@_SpecialForm
def Union(self, parameters):
    """Union[X, Y] means X or Y; nested unions are flattened, duplicates dropped, one type is itself."""
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    msg = 'Union[arg, ...]: each arg must be a type.'
    parameters = tuple(_type_check(p, msg) for p in parameters)
    parameters = _deduplicate(_flatten_union(parameters))
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and type(None) in parameters:
        return _UnionGenericAlias(self, tuple(parameters), name='Optional')
    return _UnionGenericAlias(self, tuple(parameters))


@_SpecialForm
def Optional(self, parameters):
    """Optional[X] is Union[X, None]."""
    arg = _type_check(parameters, f'{self} requires a single type.')
    return Union[arg, type(None)]


@_SpecialForm
def Literal(self, *parameters):
    """The literal values given: Literal['r', 'w']."""
    parameters = parameters[0] if len(parameters) == 1 else parameters
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    unique = []
    for p in flat:
        if not any(type(p) is type(q) and p == q for q in unique):
            unique.append(p)
    return _LiteralGenericAlias(self, tuple(unique))


@_SpecialForm
def Concatenate(self, parameters):
    """Concatenate[int, P]: a parameter list of an int followed by ParamSpec P."""
    if parameters == ():
        raise TypeError('Cannot take a Concatenate of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not (parameters[-1] is ... or isinstance(parameters[-1], ParamSpec)):
        raise TypeError('The last parameter to Concatenate should be a ParamSpec variable or ellipsis.')
    return _GenericAlias(self, parameters)


def _single_type_form(doc):
    def getitem(self, parameters):
        item = _type_check(parameters, f'{self} accepts only single type.')
        return _GenericAlias(self, (item,))
    getitem.__doc__ = doc
    return getitem


def _make_single(name, doc):
    fn = _single_type_form(doc)
    fn.__name__ = name
    return _SpecialForm(fn)


ClassVar = _make_single('ClassVar', 'A class variable, not an instance attribute: x: ClassVar[int] = 0.')
Final = _make_single('Final', 'A name that cannot be reassigned or overridden.')
TypeGuard = _make_single('TypeGuard', 'A function returning bool that narrows its argument to a type.')
TypeIs = _make_single('TypeIs', 'A function returning bool that narrows its argument both ways.')
Required = _make_single('Required', 'A required key of a TypedDict with total=False.')
NotRequired = _make_single('NotRequired', 'A key of a TypedDict that may be missing.')
ReadOnly = _make_single('ReadOnly', 'A read-only key of a TypedDict.')
Unpack = _make_single('Unpack', 'Unpacks a TypeVarTuple or a TypedDict for **kwargs.')


class _AnnotatedAlias:
    """Annotated[T, x, ...]: T with metadata that tools read (get_type_hints strips it)."""

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        self.__origin__ = origin
        self.__metadata__ = metadata
        self.__args__ = (origin,)
        self.__parameters__ = _collect_parameters((origin,))

    def __repr__(self):
        return 'typing.Annotated[{}, {}]'.format(_type_repr(self.__origin__),
                                                 ', '.join(repr(a) for a in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


@_SpecialForm
def Annotated(self, params):
    """Annotated[T, x]: the type T carrying metadata x."""
    if not isinstance(params, tuple):
        params = (params,)
    if len(params) < 2:
        raise TypeError('Annotated[...] should be used with at least two arguments '
                        '(a type and an annotation).')
    origin = _type_check(params[0], 'Annotated[t, ...]: t must be a type.')
    return _AnnotatedAlias(origin, tuple(params[1:]))


# ---- generic aliases ------------------------------------------------------------------------------

class _BaseGenericAlias(_Final, _root=True):
    """What List[int] and List have in common: the origin class, a name for the repr, whether it
    may be instantiated, and attribute access that falls through to the origin."""

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {self.__origin__.__name__}() instead')
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in {'__name__', '__qualname__'}:
            return self._name or self.__origin__.__name__
        if '__origin__' in self.__dict__ and not (attr.startswith('__') and attr.endswith('__')):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __setattr__(self, attr, val):
        if attr.startswith('__') and attr.endswith('__') or attr in {'_name', '_inst', '_nparams', '_defaults'}:
            object.__setattr__(self, attr, val)
        else:
            setattr(self.__origin__, attr, val)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __dir__(self):
        return sorted(set(object.__dir__(self) + [a for a in dir(self.__origin__)
                                                  if not a.startswith('__')]))


class _GenericAlias(_BaseGenericAlias, _root=True):
    """A subscripted generic: List[int], Box[T], ClassVar[int]."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_parameters(args)
        if not name:
            self.__module__ = getattr(origin, '__module__', 'typing')

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __getitem__(self, args):
        # substitutes this alias's type variables: Dict[str, T][int] is Dict[str, int]
        if self.__origin__ in (Generic, Protocol):
            raise TypeError(f'Cannot subscript already-subscripted {self}')
        if not self.__parameters__:
            raise TypeError(f'{self} is not a generic class')
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(a) for a in args)
        params = self.__parameters__
        if len(args) != len(params):
            raise TypeError(f"Too {'many' if len(args) > len(params) else 'few'} arguments for "
                            f'{self}; actual {len(args)}, expected {len(params)}')
        subst = dict(zip(params, args))
        return self.copy_with(tuple(_substitute(a, subst) for a in self.__args__))

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ', '.join([_type_repr(a) for a in self.__args__])
        else:
            args = '()'
        return f'{name}[{args}]'

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError(f'Cannot subclass {self!r}')
        if self._name:
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)

    def __iter__(self):
        yield Unpack[self]


def _substitute(arg, subst):
    if _is_typevar_like(arg):
        return subst.get(arg, arg)
    if isinstance(arg, (list, tuple)) and type(arg) in (list, tuple):
        return type(arg)(_substitute(a, subst) for a in arg)
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg[tuple(subst.get(p, p) for p in arg.__parameters__)]
    if isinstance(arg, types.GenericAlias):
        inner = tuple(_substitute(a, subst) for a in arg.__args__)
        return types.GenericAlias(arg.__origin__, inner)
    return arg


class _TypingEllipsisType:
    pass


_TypingEllipsis = _TypingEllipsisType()


class _SpecialGenericAlias(_BaseGenericAlias, _root=True):
    """An unsubscripted generic from typing: List, Dict, Iterable... It subscripts to a
    _GenericAlias and works with isinstance/issubclass like its origin."""

    def __init__(self, origin, nparams, *, inst=True, name=None, defaults=()):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        self._defaults = defaults
        if origin.__module__ == 'builtins':
            self.__doc__ = f'A generic version of {origin.__qualname__}.'
        else:
            self.__doc__ = f'A generic version of {origin.__module__}.{origin.__qualname__}.'

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = 'Parameters to generic types must be types.'
        params = tuple(_type_check(p, msg) for p in params)
        if self._defaults and len(params) < self._nparams and len(params) + len(self._defaults) >= self._nparams:
            params = (*params, *self._defaults[len(params) - self._nparams:])
        actual = len(params)
        if actual != self._nparams:
            expected = self._nparams
            if self._defaults:
                expected = f'at least {self._nparams - len(self._defaults)}'
            raise TypeError(f"Too {'many' if actual > self._nparams else 'few'} arguments for {self};"
                            f' actual {actual}, expected {expected}')
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _CallableGenericAlias(_GenericAlias, _root=True):
    def __repr__(self):
        if len(self.__args__) == 2 and _is_param_expr(self.__args__[0]):
            return super().__repr__()
        return ('typing.Callable[[{}], {}]'.format(', '.join([_type_repr(a) for a in self.__args__[:-1]]),
                                                   _type_repr(self.__args__[-1])))

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return super().__getitem__(params)


def _is_param_expr(arg):
    return arg is ... or isinstance(arg, (tuple, list, ParamSpec)) or (
        isinstance(arg, _GenericAlias) and arg.__origin__ is Concatenate)


class _CallableType(_SpecialGenericAlias, _root=True):
    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        if isinstance(args, list):
            params = (*(_type_convert(a) for a in args), _type_convert(result))
        else:
            if not _is_param_expr(args):
                raise TypeError('Callable[args, result]: args must be a list, ellipsis, ParamSpec, '
                                f'or Concatenate. Got {args}')
            params = (args, _type_convert(result))
        return self.copy_with(params)


class _TupleType(_SpecialGenericAlias, _root=True):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = 'Tuple[t, ...]: t must be a type.'
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return self.copy_with((*params, _TypingEllipsis))
        msg = 'Tuple[t0, t1, ...]: each t must be a type.'
        params = tuple(_type_check(p, msg) for p in params)
        return self.copy_with(params)


class _UnionGenericAlias(_GenericAlias, _root=True):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, types.UnionType)):
            return NotImplemented
        try:
            return set(self.__args__) == set(other.__args__)
        except TypeError:
            return _deduplicate(self.__args__) == _deduplicate(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is type(None):
                return f'typing.Optional[{_type_repr(args[1])}]'
            if args[1] is type(None):
                return f'typing.Optional[{_type_repr(args[0])}]'
        return 'typing.Union[' + ', '.join(_type_repr(a) for a in args) + ']'

    def __instancecheck__(self, obj):
        for arg in self.__args__:
            if isinstance(obj, arg):
                return True
        return False

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass {self!r}')


class _LiteralGenericAlias(_GenericAlias, _root=True):
    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return (set((type(a), a) for a in self.__args__)
                == set((type(a), a) for a in other.__args__))

    def __hash__(self):
        return hash(frozenset((type(a), a) for a in self.__args__))

    def __repr__(self):
        return 'typing.Literal[' + ', '.join(repr(a) for a in self.__args__) + ']'


def _alias(origin, nparams, inst=True, name=None, defaults=()):
    return _SpecialGenericAlias(origin, nparams, inst=inst, name=name, defaults=defaults)


_abc = collections.abc
Hashable = _alias(_abc.Hashable, 0)
Awaitable = _alias(_abc.Awaitable, 1)
Coroutine = _alias(_abc.Coroutine, 3)
AsyncIterable = _alias(_abc.AsyncIterable, 1)
AsyncIterator = _alias(_abc.AsyncIterator, 1)
Iterable = _alias(_abc.Iterable, 1)
Iterator = _alias(_abc.Iterator, 1)
Reversible = _alias(_abc.Reversible, 1)
Sized = _alias(_abc.Sized, 0)
Container = _alias(_abc.Container, 1)
Collection = _alias(_abc.Collection, 1)
Callable = _CallableType(_abc.Callable, 2)
AbstractSet = _alias(_abc.Set, 1, name='AbstractSet')
MutableSet = _alias(_abc.MutableSet, 1)
Mapping = _alias(_abc.Mapping, 2)
MutableMapping = _alias(_abc.MutableMapping, 2)
Sequence = _alias(_abc.Sequence, 1)
MutableSequence = _alias(_abc.MutableSequence, 1)
ByteString = _alias(bytes, 0, name='ByteString')
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _alias(list, 1, inst=False, name='List')
Deque = _alias(collections.deque, 1, name='Deque')
Set = _alias(set, 1, inst=False, name='Set')
FrozenSet = _alias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _alias(_abc.MappingView, 1)
KeysView = _alias(_abc.KeysView, 1)
ItemsView = _alias(_abc.ItemsView, 2)
ValuesView = _alias(_abc.ValuesView, 1)
Dict = _alias(dict, 2, inst=False, name='Dict')
DefaultDict = _alias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2) if hasattr(collections, 'ChainMap') else None
Generator = _alias(_abc.Generator, 3, defaults=(type(None), type(None)))
AsyncGenerator = _alias(_abc.AsyncGenerator, 2, defaults=(type(None),))
Type = _alias(type, 1, inst=False, name='Type')


class _TypeVarBase:
    # what TypeVar, ParamSpec and TypeVarTuple share: a name, a module, a repr prefix

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __init_subclass__(cls, *args, **kwargs):
        if cls.__module__ != __name__:
            raise TypeError(f"type '{cls.__mro__[1].__module__}.{cls.__mro__[1].__name__}' "
                            'is not an acceptable base type')

    def __reduce__(self):
        return self.__name__

    def __typing_subst__(self, arg):
        return arg

    def __repr__(self):
        # ~T invariant, +T covariant, -T contravariant, T with inferred variance
        if getattr(self, '__infer_variance__', False):
            prefix = ''
        elif getattr(self, '__covariant__', False):
            prefix = '+'
        elif getattr(self, '__contravariant__', False):
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__


class _Thunk:
    # a value the PEP 695 syntax evaluates on first access: def f[T: Bound]() names Bound lazily
    __slots__ = ('fn',)

    def __init__(self, fn):
        self.fn = fn


class _LazyAttr:
    """__bound__, __constraints__ and __default__ of type parameters: a value, or a _Thunk evaluated
    (once) when the attribute is first read."""

    def __set_name__(self, owner, name):
        self.key = '_lazy' + name

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.key]
        if type(value) is _Thunk:
            value = value.fn()
            obj.__dict__[self.key] = value
        return value

    def __set__(self, obj, value):
        obj.__dict__[self.key] = value


class _ReadonlyLazyAttr(_LazyAttr):
    """TypeAliasType.__value__: lazy like _LazyAttr, but not assignable."""

    def __set__(self, obj, value):
        raise AttributeError(f"attribute '{self.key[5:]}' of 'typing.{type(obj).__name__}' "
                             "objects is not writable")


class _NoDefaultType:
    __slots__ = ()

    def __repr__(self):
        return 'typing.NoDefault'


NoDefault = _NoDefaultType()


class TypeVar(_TypeVarBase):
    """A type variable: T = TypeVar('T'), with constraints or a bound, co- or contravariant."""
    __bound__ = _LazyAttr()
    __constraints__ = _LazyAttr()
    __default__ = _LazyAttr()

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=NoDefault):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError('Bivariant type variables are not supported.')
        if infer_variance and (covariant or contravariant):
            raise ValueError('Variance cannot be specified with infer_variance.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__constraints__ = tuple(_type_check(t, 'TypeVar(name, constraint, ...): constraints '
                                                 'must be types.') for t in constraints)
        self.__bound__ = _type_check(bound, 'Bound must be a type.') if bound is not None else None
        self.__default__ = default
        self.__module__ = _caller_module(2)

    def has_default(self):
        return self.__default__ is not NoDefault



class TypeVarTuple(_TypeVarBase):
    """A variadic type variable: Ts = TypeVarTuple('Ts')."""
    __default__ = _LazyAttr()

    def __init__(self, name, *, default=NoDefault):
        self.__name__ = name
        self.__default__ = default
        self.__module__ = _caller_module(2)

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__


class ParamSpecArgs:
    """P.args: the positional arguments of a ParamSpec."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f'{self.__origin__.__name__}.args'

    def __eq__(self, other):
        return isinstance(other, ParamSpecArgs) and self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecArgs, self.__origin__))


class ParamSpecKwargs:
    """P.kwargs: the keyword arguments of a ParamSpec."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f'{self.__origin__.__name__}.kwargs'

    def __eq__(self, other):
        return isinstance(other, ParamSpecKwargs) and self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecKwargs, self.__origin__))


class ParamSpec(_TypeVarBase):
    """A parameter specification variable: P = ParamSpec('P'), for Callable[P, R]."""
    __bound__ = _LazyAttr()
    __default__ = _LazyAttr()

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=NoDefault):
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        self.__bound__ = bound
        self.__default__ = default
        self.__module__ = _caller_module(2)

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)



AnyStr = TypeVar('AnyStr', bytes, str)
AnyStr.__module__ = 'typing'
Text = str


# ---- Generic and Protocol ---------------------------------------------------------------------------

class Generic:
    """Base of generic classes: class Box(Generic[T]). Box[int] is an alias whose instances get
    __orig_class__; Box.__parameters__ lists its type variables."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_convert(p) for p in params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(f'Parameter list to {cls.__qualname__}[...] cannot be empty')
            if not all(_is_typevar_like(p) for p in params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be type variables '
                                'or parameter specification variables.')
            if len(set(params)) != len(params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be unique')
        else:
            expected = cls.__dict__.get('__parameters__', ())
            if not expected:
                raise TypeError(f'{cls} is not a generic class')
            if len(params) != len(expected):
                more = len(params) > len(expected)
                raise TypeError(f"Too {'many' if more else 'few'} arguments for {cls}; actual "
                                f"{len(params)}, expected {'' if more else 'at least '}{len(expected)}")
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        if '__orig_bases__' in cls.__dict__:
            error = Generic in cls.__orig_bases__
        else:
            error = (Generic in cls.__bases__ and cls.__name__ != 'Protocol'
                     and type(cls) is not _TypedDictMeta)
        if error:
            raise TypeError('Cannot inherit from plain Generic')
        if '__orig_bases__' in cls.__dict__:
            tvars = list(_collect_parameters(cls.__orig_bases__))
            gvars = None
            for base in cls.__orig_bases__:
                if isinstance(base, _GenericAlias) and base.__origin__ is Generic:
                    if gvars is not None:
                        raise TypeError('Cannot inherit from Generic[...] multiple times.')
                    gvars = base.__parameters__
            if gvars is not None:
                missing = [t for t in tvars if t not in gvars]
                if missing:
                    s_vars = ', '.join(str(t) for t in missing)
                    s_args = ', '.join(str(g) for g in gvars)
                    raise TypeError(f'Some type variables ({s_vars}) are not listed in '
                                    f'Generic[{s_args}]')
                tvars = list(gvars)
        cls.__parameters__ = tuple(tvars)


_PROTO_ALLOWLIST = {
    'collections.abc': ['Callable', 'Awaitable', 'Iterable', 'Iterator', 'AsyncIterable',
                        'Hashable', 'Sized', 'Container', 'Collection', 'Reversible', 'Buffer'],
    'contextlib': ['AbstractContextManager', 'AbstractAsyncContextManager'],
}

_SPECIAL_NAMES = frozenset({
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__',
    '__new__', '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__',
    '__match_args__', '__static_attributes__', '__firstlineno__', '__qualname__',
    '__orig_bases__', '__parameters__', '__protocol_attrs__', '__non_callable_proto_members__',
    '__type_params__', '_is_protocol', '_is_runtime_protocol', '__init_subclass__',
    '__orig_class__', '__abstractmethods__', '_abc_impl',
})


def _get_protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in {'Protocol', 'Generic'}:
            continue
        annotations = base.__dict__.get('__annotations__', {})
        for attr in (*base.__dict__, *annotations):
            if not attr.startswith('_abc_') and attr not in _SPECIAL_NAMES:
                attrs.add(attr)
    return attrs


import abc as _abc_module


class _ProtocolMeta(_abc_module.ABCMeta):
    # isinstance/issubclass against a protocol: only for @runtime_checkable ones, structurally

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        if name == 'Protocol' and bases == (Generic,):
            pass
        elif Protocol in bases:
            for base in bases:
                if not (base in {object, Generic}
                        or base.__name__ in _PROTO_ALLOWLIST.get(base.__module__, [])
                        or (issubclass(base, Generic) and getattr(base, '_is_protocol', False))):
                    raise TypeError(f'Protocols can only inherit from other protocols, got {base!r}')
        return super().__new__(mcls, name, bases, namespace, **kwargs)

    def __init__(cls, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if getattr(cls, '_is_protocol', False):
            cls.__protocol_attrs__ = _get_protocol_attrs(cls)

    def __subclasscheck__(cls, other):
        if cls is Protocol:
            return type.__subclasscheck__(cls, other)
        if getattr(cls, '_is_protocol', False) and not _allow_reckless_class_checks():
            if not getattr(cls, '_is_runtime_protocol', False):
                raise TypeError('Instance and class checks can only be used with '
                                '@runtime_checkable protocols')
            if not isinstance(other, type):
                raise TypeError('issubclass() arg 1 must be a class')
            if cls.__non_callable_proto_members__ and cls.__dict__.get('__subclasshook__') is _proto_hook:
                raise TypeError("Protocols with non-method members don't support issubclass()."
                                f" Non-method members: {str(cls.__non_callable_proto_members__)[1:-1]}.")
        return super().__subclasscheck__(other)

    def __instancecheck__(cls, instance):
        if cls is Protocol:
            return type.__instancecheck__(cls, instance)
        if not getattr(cls, '_is_protocol', False):
            return super().__instancecheck__(instance)
        if not getattr(cls, '_is_runtime_protocol', False) and not _allow_reckless_class_checks():
            raise TypeError('Instance and class checks can only be used with '
                            '@runtime_checkable protocols')
        if super().__instancecheck__(instance):
            return True
        for attr in cls.__protocol_attrs__:
            try:
                val = getattr(instance, attr)
            except AttributeError:
                break
            if val is None and attr not in cls.__non_callable_proto_members__:
                break
        else:
            return True
        return False


def _allow_reckless_class_checks(depth=3):
    # the abc and functools machinery may check protocols internally
    try:
        return sys._getframemodulename(depth) in {'abc', 'functools', None}
    except (AttributeError, ValueError):
        return True


@classmethod
def _proto_hook(cls, other):
    if not cls.__dict__.get('_is_protocol', False):
        return NotImplemented
    for attr in cls.__protocol_attrs__:
        for base in other.__mro__:
            if attr in base.__dict__:
                if base.__dict__[attr] is None:
                    return NotImplemented
                break
            annotations = getattr(base, '__annotations__', {})
            if isinstance(annotations, collections.abc.Mapping) and attr in annotations \
                    and issubclass(other, Generic) and getattr(other, '_is_protocol', False):
                break
        else:
            return NotImplemented
    return True


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')
    # a concrete subclass of a protocol: use the first real __init__ of its MRO
    for base in cls.__mro__:
        init = base.__dict__.get('__init__', _no_init_or_replace_init)
        if init is not _no_init_or_replace_init:
            cls.__init__ = init
            break
    else:
        cls.__init__ = object.__init__
    cls.__init__(self, *args, **kwargs)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base of protocol classes (structural types): isinstance() checks them when decorated with
    @runtime_checkable, by the presence of their members."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = _proto_hook
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init


def runtime_checkable(cls):
    """Makes a protocol class usable with isinstance() and issubclass()."""
    if not issubclass(cls, Generic) or not getattr(cls, '_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got %r' % cls)
    cls._is_runtime_protocol = True
    cls.__non_callable_proto_members__ = set()
    for attr in cls.__protocol_attrs__:
        try:
            is_callable = callable(getattr(cls, attr, None))
        except Exception as e:
            raise TypeError(f'Failed to determine whether protocol member {attr!r} is a method '
                            'member') from e
        if not is_callable:
            cls.__non_callable_proto_members__.add(attr)
    return cls


def is_protocol(tp):
    return isinstance(tp, type) and getattr(tp, '_is_protocol', False) and tp is not Protocol


def get_protocol_members(tp):
    if not is_protocol(tp):
        raise TypeError(f'{tp!r} is not a Protocol')
    return frozenset(tp.__protocol_attrs__)


class SupportsInt(Protocol):
    __slots__ = ()

    def __int__(self) -> int: ...


class SupportsFloat(Protocol):
    __slots__ = ()

    def __float__(self) -> float: ...


class SupportsComplex(Protocol):
    __slots__ = ()

    def __complex__(self): ...


class SupportsBytes(Protocol):
    __slots__ = ()

    def __bytes__(self) -> bytes: ...


class SupportsIndex(Protocol):
    __slots__ = ()

    def __index__(self) -> int: ...


class SupportsAbs(Protocol):
    __slots__ = ()

    def __abs__(self): ...


class SupportsRound(Protocol):
    __slots__ = ()

    def __round__(self, ndigits: int = 0): ...


for _p in (SupportsInt, SupportsFloat, SupportsComplex, SupportsBytes, SupportsIndex, SupportsAbs,
           SupportsRound):
    runtime_checkable(_p)
del _p


class _ContextManagerProto(Protocol):
    def __enter__(self): ...

    def __exit__(self, exc_type, exc_value, traceback): ...


ContextManager = _alias(_ContextManagerProto, 1, name='ContextManager')
AsyncContextManager = _alias(_ContextManagerProto, 1, name='AsyncContextManager')


# ---- NamedTuple, TypedDict, NewType -------------------------------------------------------------------

_prohibited = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                         '_field_defaults', '_make', '_replace', '_asdict', '_source'})
_special = frozenset({'__module__', '__name__', '__annotations__', '__qualname__',
                      '__static_attributes__', '__firstlineno__', '__orig_bases__'})


def _make_nmtuple(name, types_, module, defaults=()):
    fields = [n for n, t in types_]
    annotations = {n: _type_check(t, f'field {n} annotation must be a type') for n, t in types_}
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = annotations
    return nm_tpl


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        types_ = ns.get('__annotations__', {})
        default_names = []
        for field_name in types_:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f'Non-default namedtuple field {field_name} cannot follow default '
                                f"field{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types_.items(), defaults=[ns[n] for n in default_names],
                               module=ns['__module__'])
        for key, val in ns.items():
            if key in _prohibited:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in _special:
                if key not in nm_tpl._fields:
                    setattr(nm_tpl, key, val)
                set_name = getattr(type(val), '__set_name__', None)
                if set_name is not None:
                    set_name(val, nm_tpl, key)
        if Generic in bases:
            nm_tpl.__class_getitem__ = classmethod(Generic.__class_getitem__.__func__)
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    """A typed namedtuple: class Employee(NamedTuple): name: str; id: int = 3, or
    NamedTuple('Employee', [('name', str), ('id', int)])."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError('Either list of fields or keywords can be provided to NamedTuple, not both')
    return _make_nmtuple(typename, fields, module=_caller_module(2))


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


def _strip_qualifiers(tp):
    # Required[...] / NotRequired[...] / ReadOnly[...] around a TypedDict value type
    qualifiers = set()
    while isinstance(tp, _GenericAlias) and tp.__origin__ in (Required, NotRequired, ReadOnly):
        qualifiers.add(tp.__origin__)
        tp = tp.__args__[0]
    return tp, qualifiers


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type and a non-TypedDict '
                                'base class')
        generic_base = (Generic,) if any(b is Generic for b in bases) else ()
        tp_dict = type.__new__(_TypedDictMeta, name, (*generic_base, dict), ns)
        if not hasattr(tp_dict, '__orig_bases__'):
            tp_dict.__orig_bases__ = bases
        own = ns.get('__annotations__', {})
        annotations = {}
        required_keys = set()
        optional_keys = set()
        readonly_keys = set()
        mutable_keys = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required_keys |= base.__dict__.get('__required_keys__', set())
            optional_keys |= base.__dict__.get('__optional_keys__', set())
            readonly_keys |= base.__dict__.get('__readonly_keys__', set())
            mutable_keys |= base.__dict__.get('__mutable_keys__', set())
        for key, tp in own.items():
            tp = _type_convert(tp, module=tp_dict.__module__)
            annotations[key] = tp
            _, qualifiers = _strip_qualifiers(tp)
            if Required in qualifiers:
                is_required = True
            elif NotRequired in qualifiers:
                is_required = False
            else:
                is_required = total
            if is_required:
                required_keys.add(key)
                optional_keys.discard(key)
            else:
                optional_keys.add(key)
                required_keys.discard(key)
            if ReadOnly in qualifiers:
                readonly_keys.add(key)
            else:
                mutable_keys.add(key)
                readonly_keys.discard(key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        tp_dict.__readonly_keys__ = frozenset(readonly_keys)
        tp_dict.__mutable_keys__ = frozenset(mutable_keys)
        tp_dict.__total__ = total
        return tp_dict

    __call__ = dict   # a TypedDict "instance" is a plain dict

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True):
    """A dict with typed keys: class Movie(TypedDict): name: str; year: int, or
    TypedDict('Movie', {'name': str, 'year': int}, total=False)."""
    if fields is None:
        fields = {}
    ns = {'__annotations__': dict(fields)}
    module = _caller_module(2)
    if module is not None:
        ns['__module__'] = module
    td = _TypedDictMeta(typename, (), ns, total=total)
    td.__orig_bases__ = (TypedDict,)
    return td


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})


def _typeddict_mro_entries(bases):
    return (_TypedDict,)


TypedDict.__mro_entries__ = _typeddict_mro_entries


def is_typeddict(tp):
    """Whether tp is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta)


class NewType:
    """A distinct name for a type, for the checker only: UserId = NewType('UserId', int);
    UserId(5) is just 5."""
    __call__ = _identity = None

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        module = _caller_module(2)
        if module != 'typing':
            self.__module__ = module

    def __mro_entries__(self, bases):
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError(f'Cannot subclass an instance of NewType. Perhaps you were looking '
                                f"for: `{subclass_name} = NewType({subclass_name!r}, "
                                f'{superclass_name})`')
        return (Dummy,)

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# ---- forward references and get_type_hints -------------------------------------------------------------

class ForwardRef(_Final, _root=True):
    """A type written as a string, evaluated by get_type_hints."""
    __slots__ = ('__forward_arg__', '__forward_code__', '__forward_evaluated__', '__forward_value__',
                 '__forward_is_argument__', '__forward_is_class__', '__forward_module__')

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f'Forward reference must be a string -- got {arg!r}')
        try:
            code = compile(arg, '<string>', 'eval')
        except SyntaxError:
            raise SyntaxError(f'Forward reference must be an expression -- got {arg!r}')
        self.__forward_arg__ = arg
        self.__forward_code__ = code
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, type_params=None, *, recursive_guard=frozenset()):
        if self.__forward_arg__ in recursive_guard:
            return self
        if not self.__forward_evaluated__ or localns is not globalns:
            if globalns is None and localns is None:
                globalns = localns = {}
            elif globalns is None:
                globalns = localns
            elif localns is None:
                localns = globalns
            if self.__forward_module__ is not None:
                module = sys.modules.get(self.__forward_module__)
                if module is not None:
                    globalns = module.__dict__
            value = eval(self.__forward_code__, globalns, localns)
            type_ = _type_check(value, 'Forward references must evaluate to types.')
            self.__forward_value__ = _eval_type(type_, globalns, localns,
                                                recursive_guard | {self.__forward_arg__})
            self.__forward_evaluated__ = True
        return self.__forward_value__

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        if self.__forward_evaluated__ and other.__forward_evaluated__:
            return (self.__forward_arg__ == other.__forward_arg__
                    and self.__forward_value__ == other.__forward_value__)
        return (self.__forward_arg__ == other.__forward_arg__
                and self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        module_repr = ''
        if self.__forward_module__ is not None:
            module_repr = f', module={self.__forward_module__!r}'
        return f'ForwardRef({self.__forward_arg__!r}{module_repr})'


def _eval_type(t, globalns, localns, recursive_guard=frozenset()):
    # evaluates the forward references inside t
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, recursive_guard=recursive_guard)
    if isinstance(t, _UnionGenericAlias):
        return Union[tuple(_eval_type(a, globalns, localns, recursive_guard) for a in t.__args__)]
    if isinstance(t, _AnnotatedAlias):
        return _AnnotatedAlias(_eval_type(t.__origin__, globalns, localns, recursive_guard),
                               t.__metadata__)
    if isinstance(t, _LiteralGenericAlias):
        return t
    if isinstance(t, _GenericAlias):
        args = tuple(_eval_arg(a, globalns, localns, recursive_guard) for a in t.__args__)
        if args == t.__args__:
            return t
        if isinstance(t, _CallableGenericAlias):
            return _CallableGenericAlias(t.__origin__, args, name=t._name, inst=t._inst)
        return t.__class__(t.__origin__, args, name=t._name, inst=t._inst)
    if isinstance(t, types.GenericAlias):
        args = tuple(_eval_arg(a, globalns, localns, recursive_guard) for a in t.__args__)
        return types.GenericAlias(t.__origin__, args) if args != t.__args__ else t
    if isinstance(t, types.UnionType):
        return Union[tuple(_eval_type(a, globalns, localns, recursive_guard) for a in t.__args__)]
    return t


def _eval_arg(a, globalns, localns, recursive_guard):
    if isinstance(a, str):
        a = ForwardRef(a)
    if isinstance(a, list):
        return [_eval_type(x, globalns, localns, recursive_guard) for x in a]
    return _eval_type(a, globalns, localns, recursive_guard)


def _strip_annotations(t):
    # Annotated[T, ...] -> T, and Required/NotRequired/ReadOnly wrappers removed, recursively
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired, ReadOnly):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, _UnionGenericAlias):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        return t if stripped == t.__args__ else Union[stripped]
    if isinstance(t, _GenericAlias) and not isinstance(t, _LiteralGenericAlias):
        stripped = tuple(_strip_annotations(a) if not isinstance(a, list) else a for a in t.__args__)
        return t if stripped == t.__args__ else t.copy_with(stripped)
    if isinstance(t, types.GenericAlias):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        return t if stripped == t.__args__ else types.GenericAlias(t.__origin__, stripped)
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class (along its MRO), module, function or method, with string
    annotations evaluated; Annotated/Required/NotRequired stripped unless include_extras."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if globalns is None:
                module = sys.modules.get(base.__module__)
                base_globals = getattr(module, '__dict__', {})
            else:
                base_globals = globalns
            ann = base.__dict__.get('__annotations__', {})
            if isinstance(ann, types.GetSetDescriptorType):
                ann = {}
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                if value is None:
                    value = type(None)
                if isinstance(value, str):
                    value = ForwardRef(value, is_argument=False, is_class=True)
                value = _eval_type(value, base_globals, base_locals)
                hints[name] = value
        if include_extras:
            return hints
        return {k: _strip_annotations(t) for k, t in hints.items()}
    if globalns is None:
        if isinstance(obj, types.ModuleType):
            globalns = obj.__dict__
        else:
            nsobj = obj
            while hasattr(nsobj, '__wrapped__'):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, '__globals__', {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    hints = getattr(obj, '__annotations__', None)
    if hints is None:
        if isinstance(obj, (type, types.ModuleType, types.FunctionType, types.MethodType,
                            types.BuiltinFunctionType)) or callable(obj):
            return {}
        raise TypeError(f'{obj!r} is not a module, class, method, or function.')
    hints = dict(hints)
    for name, value in hints.items():
        if value is None:
            value = type(None)
        if isinstance(value, str):
            value = ForwardRef(value, is_argument=not isinstance(obj, types.ModuleType), is_class=False)
        hints[name] = _eval_type(value, globalns, localns)
    return hints if include_extras else {k: _strip_annotations(t) for k, t in hints.items()}


def get_origin(tp):
    """The unsubscripted type of a generic alias: get_origin(List[int]) is list,
    get_origin(Union[int, str]) is Union; None for anything else."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, types.GenericAlias, ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, types.UnionType):
        return types.UnionType
    return None


def get_args(tp):
    """The arguments of a generic alias: get_args(Dict[str, int]) == (str, int);
    get_args(Callable[[int], str]) == ([int], str)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, types.GenericAlias)):
        res = tp.__args__
        if tp.__origin__ is collections.abc.Callable and res and not _is_param_expr(res[0]):
            res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, types.UnionType):
        return tp.__args__
    return ()


# ---- decorators and helpers -------------------------------------------------------------------------------

def cast(typ, val):
    """Tells the type checker val has type typ; returns val unchanged."""
    return val


def assert_type(val, typ, /):
    """Asks the type checker to confirm val has type typ; returns val unchanged."""
    return val


def assert_never(arg, /):
    """Marks code the type checker should find unreachable; raises if it runs."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f'Expected code to be unreachable, but got: {value}')


def reveal_type(obj, /):
    """Prints the run-time type of obj on stderr and returns obj."""
    print(f'Runtime type is {type(obj).__name__!r}', file=sys.stderr)
    return obj


_overload_registry = collections.defaultdict(dict)


def _overload_dummy(*args, **kwds):
    raise NotImplementedError('You should not call an overloaded function. A series of @overload-'
                              'decorated functions outside a stub module should always be followed '
                              'by an implementation that is not @overload-ed.')


def overload(func):
    """Declares one signature of an overloaded function; get_overloads() lists them."""
    f = getattr(func, '__func__', func)
    try:
        _overload_registry[f.__module__ + '.' + f.__qualname__][f.__code__.co_firstlineno] = func
    except AttributeError:
        pass
    return _overload_dummy


def get_overloads(func):
    """The @overload-decorated definitions of func, in definition order."""
    f = getattr(func, '__func__', func)
    key = f.__module__ + '.' + f.__qualname__
    if key not in _overload_registry:
        return []
    return list(_overload_registry[key].values())


def clear_overloads():
    _overload_registry.clear()


def final(f):
    """Marks a class that must not be subclassed or a method that must not be overridden."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def override(method, /):
    """Marks a method that overrides one of a base class."""
    try:
        method.__override__ = True
    except (AttributeError, TypeError):
        pass
    return method


def no_type_check(arg):
    """Tells the type checker not to check a function or class."""
    if isinstance(arg, type):
        for key in dir(arg):
            obj = getattr(arg, key)
            if (not hasattr(obj, '__qualname__')
                    or obj.__qualname__ != f'{arg.__qualname__}.{obj.__name__}'
                    or getattr(obj, '__module__', None) != arg.__module__):
                continue
            if isinstance(obj, types.FunctionType):
                obj.__no_type_check__ = True
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    @functools.wraps(decorator)
    def wrapped_decorator(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        frozen_default=False, field_specifiers=(), **kwargs):
    """Marks a decorator, base class or metaclass as creating dataclass-like classes."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            'eq_default': eq_default, 'order_default': order_default,
            'kw_only_default': kw_only_default, 'frozen_default': frozen_default,
            'field_specifiers': field_specifiers, 'kwargs': kwargs,
        }
        return cls_or_fn
    return decorator


class TypeAliasType:
    """A type alias: made by the `type` statement (its value evaluated when first asked for) or by
    calling TypeAliasType."""
    __value__ = _ReadonlyLazyAttr()

    def __init__(self, name, value, *, type_params=()):
        if not isinstance(name, str):
            raise TypeError("TypeAliasType.__new__() argument 'name' must be str, not "
                            + type(name).__name__)
        if not isinstance(type_params, tuple):
            raise TypeError("type_params must be a tuple")
        self.__name__ = name
        self.__dict__['_lazy__value__'] = value
        self.__type_params__ = type_params
        self.__parameters__ = type_params
        self.__module__ = _caller_module(2)

    def __repr__(self):
        return self.__name__

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return types.GenericAlias(self, params)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# ---- IO types ------------------------------------------------------------------------------------------------

class IO(Generic[AnyStr]):
    """The generic type of file objects returned by open()."""
    __slots__ = ()


class BinaryIO(IO[bytes]):
    """The type of binary file objects."""
    __slots__ = ()


class TextIO(IO[str]):
    """The type of text file objects."""
    __slots__ = ()


def __getattr__(name):
    # re's Pattern and Match, imported only when asked for (re is a large module)
    if name in ('Pattern', 'Match'):
        import re
        alias = _alias(getattr(re, name), 1)
        globals()[name] = alias
        return alias
    raise AttributeError(f"module 'typing' has no attribute '{name}'")


# ---- what the PEP 695 syntax calls (vm/compile.c: def f[T](), class C[T], type A[T] = ...) --------------

def _krait_type_param(kind, name, bound, constraints, default):
    """The type parameter `name` of kind 0 TypeVar, 1 ParamSpec, 2 TypeVarTuple; bound, constraints
    and default are None or functions evaluated on first access."""
    if kind == 0:
        tp = TypeVar(name, infer_variance=True)
        if bound is not None:
            tp.__bound__ = _Thunk(bound)
        if constraints is not None:
            tp.__constraints__ = _Thunk(constraints)
    elif kind == 1:
        tp = ParamSpec(name, infer_variance=True)
    else:
        tp = TypeVarTuple(name)
        if default is not None:
            # *Ts = *tuple[int]: the function gives tuple[int], the default is its unpacked form
            value = default
            default = lambda: Unpack[value()]
    if default is not None:
        tp.__default__ = _Thunk(default)
    tp.__module__ = 'typing'  # as CPython's syntax-made type parameters say
    return tp


def _krait_generic_base(params):
    """The implicit base of class C[T, *Ts]: Generic[T, *Ts]."""
    return Generic[params]


def _krait_type_alias(name, value, params, module):
    """The alias of `type name[params] = value`, its value evaluated when first asked for."""
    alias = TypeAliasType(name, None, type_params=params)
    alias.__dict__['_lazy__value__'] = _Thunk(value)
    alias.__module__ = module
    return alias
