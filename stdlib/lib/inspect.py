"""The commonly used part of inspect: type predicates, members, docstrings, source code,
frames of the running stack, and signatures (Signature, Parameter, BoundArguments).

Signatures of Python functions come from their code object (co_argcount, co_posonlyargcount,
co_kwonlyargcount, co_varnames, co_flags), __defaults__, __kwdefaults__ and __annotations__.
Krait's builtins carry no __text_signature__, so signature() of a builtin raises ValueError
("no signature found for builtin ..."), as CPython does for builtins without one. Frames:
currentframe()/stack() use sys._getframe, whose frame objects are snapshots taken at the call
(f_code, f_lineno, f_globals, f_locals, f_back); traceback frames carry no globals or locals.
Source code is read from the file a code object names; frozen standard modules have none
(getsource raises OSError there).
"""

import sys
import os
import re
import types
import enum
import functools
import itertools
import collections

__all__ = ["ismodule", "isclass", "ismethod", "isfunction", "isgeneratorfunction", "isgenerator",
           "iscoroutinefunction", "iscoroutine", "isasyncgenfunction", "isasyncgen",
           "isawaitable", "istraceback", "isframe", "iscode", "isbuiltin", "isroutine",
           "isabstract", "ismethoddescriptor", "isdatadescriptor", "isgetsetdescriptor",
           "ismemberdescriptor", "ismethodwrapper", "getmembers", "getmro", "getdoc", "cleandoc",
           "getfile", "getsourcefile", "getsourcelines", "getsource", "findsource", "getmodule",
           "getmodulename", "currentframe", "stack", "getframeinfo", "getouterframes",
           "getinnerframes", "trace", "signature", "Signature", "Parameter", "BoundArguments",
           "getfullargspec", "FullArgSpec", "getcallargs", "unwrap", "formatannotation",
           "getattr_static", "isclass", "get_annotations", "FrameInfo", "Traceback"]

CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200

TPFLAGS_IS_ABSTRACT = 1 << 20


# -- predicates -------------------------------------------------------------------------------
def ismodule(object):
    return isinstance(object, types.ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, types.MethodType)


def isfunction(object):
    return isinstance(object, types.FunctionType)


def _code_flag(f, flag):
    f = _unwrap_partial(f)
    while ismethod(f):
        f = f.__func__
    return isfunction(f) and bool(f.__code__.co_flags & flag)


def _unwrap_partial(f):
    while isinstance(f, functools.partial):
        f = f.func
    return f


def isgeneratorfunction(obj):
    return _code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(object):
    return isinstance(object, types.GeneratorType)


def iscoroutine(object):
    return type(object).__name__ == 'coroutine'


def isasyncgen(object):
    return type(object).__name__ == 'async_generator'


def isawaitable(object):
    return iscoroutine(object) or hasattr(type(object), '__await__')


def istraceback(object):
    return isinstance(object, types.TracebackType)


def isframe(object):
    return isinstance(object, types.FrameType)


def iscode(object):
    return isinstance(object, types.CodeType)


def isbuiltin(object):
    return isinstance(object, types.BuiltinFunctionType)


def ismethodwrapper(object):
    return isinstance(object, types.MethodWrapperType)


def ismethoddescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__get__") and not hasattr(tp, "__set__") and not hasattr(tp, "__delete__")


def isdatadescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__set__") or hasattr(tp, "__delete__")


def isgetsetdescriptor(object):
    return isinstance(object, types.GetSetDescriptorType)


def ismemberdescriptor(object):
    return isinstance(object, types.MemberDescriptorType)


def isroutine(object):
    return (isbuiltin(object) or isfunction(object) or ismethod(object)
            or ismethoddescriptor(object) or ismethodwrapper(object))


def isabstract(object):
    if not isinstance(object, type):
        return False
    return bool(getattr(object, '__abstractmethods__', None))


# -- members ----------------------------------------------------------------------------------
def getmembers(object, predicate=None):
    """(name, value) pairs of the object's attributes, sorted by name."""
    names = dir(object)
    if isclass(object):
        # class attributes that dir() lists only through the metaclass are still wanted
        extra = []
        for base in object.__mro__:
            for k in base.__dict__:
                extra.append(k)
        names = list(dict.fromkeys(names + extra))
    results = []
    seen = set()
    for key in names:
        try:
            value = getattr(object, key)
            if key in seen:
                continue
        except AttributeError:
            if isclass(object):
                for base in object.__mro__:
                    if key in base.__dict__:
                        value = base.__dict__[key]
                        break
                else:
                    continue
            else:
                continue
        if not predicate or predicate(value):
            results.append((key, value))
        seen.add(key)
    results.sort(key=lambda pair: pair[0])
    return results


def getmro(cls):
    return cls.__mro__


def unwrap(func, *, stop=None):
    """Follow the __wrapped__ chain (functools.wraps) to the innermost function."""
    f = func
    seen = {id(f)}
    while hasattr(f, '__wrapped__') and not (stop is not None and stop(f)):
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError('wrapper loop when unwrapping {!r}'.format(func))
        seen.add(id(f))
    return f


# -- docstrings -------------------------------------------------------------------------------
def cleandoc(doc):
    """A docstring with the indentation of its second and later lines removed (by their common
    smallest indent), tabs expanded, and leading and trailing blank lines dropped."""
    lines = doc.expandtabs().split('\n')
    indent = None
    for line in lines[1:]:
        stripped = line.lstrip()
        if stripped:
            n = len(line) - len(stripped)
            indent = n if indent is None else min(indent, n)
    # As CPython 3.13: trailing spaces stay; a line shorter than the margin becomes empty.
    out = [lines[0].lstrip()]
    if indent is not None:
        out.extend(line[indent:] for line in lines[1:])
    else:
        out.extend(lines[1:])
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return '\n'.join(out)


def _inherited_doc(obj):
    """The docstring of what obj overrides in a base class, for methods and properties."""
    name = getattr(obj, '__name__', None)
    if ismethod(obj):
        owner = obj.__self__ if isclass(obj.__self__) else type(obj.__self__)
        candidates = owner.__mro__[1:]
    elif isfunction(obj):
        qual = obj.__qualname__.split('.')
        if len(qual) < 2:
            return None
        owner = sys.modules.get(obj.__module__)
        for part in qual[:-1]:
            owner = getattr(owner, part, None)
        if not isclass(owner) or getattr(owner, name, None) is not obj and \
                owner.__dict__.get(name) is not obj:
            return None
        candidates = owner.__mro__[1:]
    elif isclass(obj):
        for base in obj.__mro__[1:]:
            if base is object:
                continue
            doc = base.__dict__.get('__doc__')
            if isinstance(doc, str):
                return doc
        return None
    elif isinstance(obj, property):
        return None
    else:
        return None
    for base in candidates:
        if name in base.__dict__:
            doc = getattr(base.__dict__[name], '__doc__', None)
            if isinstance(doc, str):
                return doc
    return None


def getdoc(object):
    """The object's docstring, cleaned up; inherited from a base class when the object has none."""
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        try:
            doc = _inherited_doc(object)
        except (AttributeError, TypeError):
            return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


# -- files and source ---------------------------------------------------------------------------
def getmodulename(path):
    base = os.path.basename(path)
    for suffix in ('.py', '.pyc', '.so'):
        if base.endswith(suffix):
            return base[:-len(suffix)]
    return None


def getfile(object):
    """The name of the file object was defined in."""
    if ismodule(object):
        f = getattr(object, '__file__', None)
        if f:
            return f
        raise TypeError('{!r} is a built-in module'.format(object))
    if isclass(object):
        module = sys.modules.get(object.__module__)
        f = getattr(module, '__file__', None) if module is not None else None
        if f:
            return f
        if object.__module__ == '__main__':
            raise OSError('source code not available')
        raise TypeError('{!r} is a built-in class'.format(object))
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        return object.co_filename
    raise TypeError('module, class, method, function, traceback, frame, or code object was '
                    'expected, got {}'.format(type(object).__name__))


def getsourcefile(object):
    filename = getfile(object)
    if filename.startswith('<') and filename.endswith('>'):
        return None
    if os.path.exists(filename):
        return filename
    return None


def getmodule(object, _filename=None):
    if ismodule(object):
        return object
    name = getattr(object, '__module__', None)
    if name is not None:
        return sys.modules.get(name)
    try:
        filename = getfile(object)
    except TypeError:
        return None
    for module in list(sys.modules.values()):
        if getattr(module, '__file__', None) == filename:
            return module
    return None


def _source_lines(object):
    filename = getsourcefile(object)
    if filename is None:
        raise OSError('could not get source code')
    with open(filename, encoding='utf-8') as f:
        lines = f.read().splitlines(True)
    if not lines:
        raise OSError('could not get source code')
    return lines, filename


def findsource(object):
    """(all lines of the file, index of the object's first line)."""
    lines, _ = _source_lines(object)
    if ismodule(object):
        return lines, 0
    if isclass(object):
        pat = re.compile(r'^(\s*)class\s*' + re.escape(object.__name__) + r'\b')
        hits = [i for i, line in enumerate(lines) if pat.match(line)]
        if not hits:
            raise OSError('could not find class definition')
        # the least indented definition wins (the module-level one), first on a tie
        hits.sort(key=lambda i: len(pat.match(lines[i]).group(1)))
        return lines, hits[0]
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        lnum = object.co_firstlineno - 1
        if lnum >= len(lines):
            raise OSError('lineno is out of bounds')
        return lines, lnum
    raise OSError('could not find code object')


def _scan_lines(lines, start):
    """For each line from lines[start]: (index, code text without strings and comments, whether
    the line continues a statement, i.e. began inside a triple-quoted string or an open bracket,
    bracket depth at its end). Strings may span lines."""
    quote = None
    depth = 0
    for i in range(start, len(lines)):
        line = lines[i]
        continues = quote is not None or depth > 0
        code = []
        k = 0
        while k < len(line):
            c = line[k]
            if quote:
                if c == '\\':
                    k += 2
                    continue
                if line.startswith(quote, k):
                    k += len(quote)
                    quote = None
                    continue
                if c == '\n' and len(quote) == 1:
                    quote = None
            elif c == '#':
                break
            elif c in '"\'':
                quote = line[k:k + 3] if line[k:k + 3] in ('"""', "\'\'\'") else c
                k += len(quote)
                continue
            else:
                if c in '([{':
                    depth += 1
                elif c in ')]}':
                    depth -= 1
                code.append(c)
            k += 1
        yield i, ''.join(code), continues, depth


def _block_end(lines, start):
    """Index after the block starting at lines[start]: decorators, the (possibly multi-line)
    header, then every following line indented deeper than the header, blank lines and lines
    inside a multi-line string included."""
    def indent(line):
        return len(line) - len(line.lstrip())

    base = indent(lines[start])
    in_header = True
    last = start + 1
    for i, code, continues, depth in _scan_lines(lines, start):
        stripped = code.strip()
        if in_header:
            last = i + 1
            if depth > 0 or not stripped or stripped.startswith('@'):
                continue
            if stripped.endswith(':'):
                in_header = False
                continue
            if 'lambda' in stripped or continues or re.match(r'(async\s+)?(def|class)\b', stripped):
                return last     # a one-line def/class body, or a lambda
            continue
        if continues:
            last = i + 1
            continue
        if not lines[i].strip():
            continue
        if indent(lines[i]) <= base:
            break
        last = i + 1
    return last


def getsourcelines(object):
    """(the object's source lines, the line number of the first one)."""
    object = unwrap(object)
    lines, lnum = findsource(object)
    if istraceback(object):
        object = object.tb_frame
    if ismodule(object) or (isframe(object) and object.f_code.co_name == "<module>"):
        return lines, 0
    end = _block_end(lines, lnum)
    return lines[lnum:end], lnum + 1


def getsource(object):
    lines, _ = getsourcelines(object)
    return ''.join(lines)


def getcomments(object):
    try:
        lines, lnum = findsource(object)
    except (OSError, TypeError):
        return None
    out = []
    i = lnum - 1
    while i >= 0 and lines[i].lstrip().startswith('#'):
        out.insert(0, lines[i].lstrip())
        i -= 1
    return ''.join(out) or None


# -- the running stack ------------------------------------------------------------------------
class FrameInfo(collections.namedtuple('_FrameInfo', 'frame filename lineno function code_context index')):
    def __new__(cls, frame, filename, lineno, function, code_context, index, *, positions=None):
        self = super().__new__(cls, frame, filename, lineno, function, code_context, index)
        self.positions = positions
        return self

    def __repr__(self):
        return ('FrameInfo(frame={!r}, filename={!r}, lineno={!r}, function={!r}, '
                'code_context={!r}, index={!r}, positions={!r})'.format(*self, self.positions))


class Traceback(collections.namedtuple('_Traceback', 'filename lineno function code_context index')):
    def __new__(cls, filename, lineno, function, code_context, index, *, positions=None):
        self = super().__new__(cls, filename, lineno, function, code_context, index)
        self.positions = positions
        return self


def currentframe():
    """The caller's frame (a snapshot)."""
    return sys._getframe(1)


def getframeinfo(frame, context=1):
    if istraceback(frame):
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    else:
        lineno = frame.f_lineno
    if not isframe(frame):
        raise TypeError('{!r} is not a frame or traceback object'.format(frame))
    filename = frame.f_code.co_filename
    lines = index = None
    if context > 0:
        start = lineno - 1 - context // 2
        try:
            all_lines, _ = _source_lines(frame.f_code)
        except OSError:
            pass
        else:
            start = max(0, min(start, len(all_lines) - context))
            lines = all_lines[start:start + context]
            index = lineno - 1 - start
    return Traceback(filename, lineno, frame.f_code.co_name, lines, index,
                     positions=(lineno, lineno, None, None))


def getouterframes(frame, context=1):
    out = []
    while frame is not None:
        info = getframeinfo(frame, context)
        out.append(FrameInfo(frame, *info, positions=info.positions))
        frame = frame.f_back
    return out


def getinnerframes(tb, context=1):
    out = []
    while tb is not None:
        info = getframeinfo(tb, context)
        out.append(FrameInfo(tb.tb_frame, *info, positions=info.positions))
        tb = tb.tb_next
    return out


def stack(context=1):
    return getouterframes(sys._getframe(1), context)


def trace(context=1):
    exc = sys.exc_info()[2]
    return getinnerframes(exc, context)


# -- signatures -------------------------------------------------------------------------------
class _empty:
    """Marker: no default value / no annotation."""


class _void:
    """Marker: argument not given (Parameter.replace)."""


class _ParameterKind(enum.IntEnum):
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    def __str__(self):
        return self._name_

    @property
    def description(self):
        return _KIND_TEXT[self]


_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD

_KIND_TEXT = {
    _POSITIONAL_ONLY: 'positional-only',
    _POSITIONAL_OR_KEYWORD: 'positional or keyword',
    _VAR_POSITIONAL: 'variadic positional',
    _KEYWORD_ONLY: 'keyword-only',
    _VAR_KEYWORD: 'variadic keyword',
}


def formatannotation(annotation, base_module=None):
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


class Parameter:
    """One parameter of a signature: name, kind, default and annotation (immutable)."""

    __slots__ = ('_name', '_kind', '_default', '_annotation')

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            self._kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError(f'value {kind!r} is not a valid Parameter.kind')
        if default is not _empty and self._kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError(f'{self._kind.description} parameters cannot have default values')
        self._default = default
        self._annotation = annotation
        if name is _empty:
            raise ValueError('name is a required attribute for Parameter')
        if not isinstance(name, str):
            raise TypeError('name must be a str, not a {}'.format(type(name).__name__))
        if name[0] == '.' and name[1:].isdigit():
            if self._kind != _POSITIONAL_OR_KEYWORD:
                raise ValueError(f'implicit arguments must be passed as positional or keyword '
                                 f'arguments, not {self._kind.description}')
            self._kind = _POSITIONAL_ONLY
            name = 'implicit{}'.format(name[1:])
        import keyword
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError('{!r} is not a valid parameter name'.format(name))
        self._name = name

    @property
    def name(self):
        return self._name

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    @property
    def kind(self):
        return self._kind

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        return type(self)(self._name if name is _void else name,
                          self._kind if kind is _void else kind,
                          default=self._default if default is _void else default,
                          annotation=self._annotation if annotation is _void else annotation)

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            text = '{}: {}'.format(text, formatannotation(self._annotation))
        if self._default is not _empty:
            sep = ' = ' if self._annotation is not _empty else '='
            text = '{}{}{}'.format(text, sep, repr(self._default))
        if self._kind == _VAR_POSITIONAL:
            text = '*' + text
        elif self._kind == _VAR_KEYWORD:
            text = '**' + text
        return text

    def __repr__(self):
        return '<{} "{}">'.format(self.__class__.__name__, self)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind
                and self._default == other._default and self._annotation == other._annotation)


class BoundArguments:
    """The result of Signature.bind: parameter name -> value, in parameter order."""

    __slots__ = ('arguments', '_signature')

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        out = []
        for name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            try:
                value = self.arguments[name]
            except KeyError:
                break   # a missing positional argument ends the positional part (bind_partial)
            if param.kind == _VAR_POSITIONAL:
                out.extend(value)
            else:
                out.append(value)
        return tuple(out)

    @property
    def kwargs(self):
        out = {}
        positional_done = False
        for name, param in self._signature.parameters.items():
            if not positional_done:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    positional_done = True
                elif name not in self.arguments:
                    positional_done = True
                    continue
            if not positional_done:
                continue
            if name not in self.arguments:
                continue
            value = self.arguments[name]
            if param.kind == _VAR_KEYWORD:
                out.update(value)
            elif param.kind == _VAR_POSITIONAL:
                continue
            else:
                out[name] = value
        return out

    def apply_defaults(self):
        """Fill in the defaults of missing arguments (() for *args, {} for **kwargs)."""
        args = self.arguments
        filled = []
        for name, param in self._signature.parameters.items():
            if name in args:
                filled.append((name, args[name]))
            elif param.default is not _empty:
                filled.append((name, param.default))
            elif param.kind == _VAR_POSITIONAL:
                filled.append((name, ()))
            elif param.kind == _VAR_KEYWORD:
                filled.append((name, {}))
        self.arguments = dict(filled)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        return '<{} ({})>'.format(self.__class__.__name__,
                                  ', '.join('{}={!r}'.format(k, v) for k, v in self.arguments.items()))


class Signature:
    """The parameters of a callable and its return annotation (immutable)."""

    __slots__ = ('_return_annotation', '_parameters')

    _parameter_cls = Parameter
    _bound_arguments_cls = BoundArguments

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        params = {}
        if parameters is not None:
            if __validate_parameters__:
                top_kind = _POSITIONAL_ONLY
                seen_default = False
                for param in parameters:
                    kind, name = param.kind, param.name
                    if kind < top_kind:
                        raise ValueError('wrong parameter order: {} parameter before {} parameter'
                                         .format(top_kind.description, kind.description))
                    if kind > top_kind:
                        top_kind = kind
                    if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                        if param.default is _empty:
                            if seen_default:
                                raise ValueError('non-default argument follows default argument')
                        else:
                            seen_default = True
                    if name in params:
                        raise ValueError('duplicate parameter name: {!r}'.format(name))
                    params[name] = param
            else:
                params = {p.name: p for p in parameters}
        self._parameters = types.MappingProxyType(params)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
        return _signature_of(obj, cls, follow_wrapped)

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self.parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def __hash__(self):
        params = tuple(p for p in self.parameters.values() if p.kind != _KEYWORD_ONLY)
        kwonly = frozenset(p for p in self.parameters.values() if p.kind == _KEYWORD_ONLY)
        return hash((params, kwonly, self._return_annotation))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return self._key() == other._key()

    def _key(self):
        params = tuple(p for p in self.parameters.values() if p.kind != _KEYWORD_ONLY)
        kwonly = {p.name: p for p in self.parameters.values() if p.kind == _KEYWORD_ONLY}
        return (params, kwonly, self._return_annotation)

    def _bind(self, args, kwargs, partial=False):
        """Match args and kwargs to the parameters the way a call does; TypeError as a call's."""
        bound = {}
        kwargs = dict(kwargs)
        params = list(self.parameters.values())
        posonly_named = []      # positional-only parameters whose name came as a keyword
        k = 0                   # next parameter
        n = 0                   # next positional argument
        # 1. positional arguments, in parameter order; stops at the first parameter that must
        #    come from the keywords (k then indexes it), or after *args
        while True:
            if n == len(args):
                if k == len(params):
                    break
                p = params[k]
                if p.kind == _VAR_POSITIONAL:
                    k += 1
                    break
                if p.name in kwargs:
                    if p.kind == _POSITIONAL_ONLY:
                        # an error unless a **kwargs parameter takes the keyword (checked last)
                        posonly_named.append(p)
                        k += 1
                        continue
                    break
                if p.kind == _VAR_KEYWORD or p.default is not _empty or partial:
                    break
                kind = ' keyword-only' if p.kind == _KEYWORD_ONLY else ''
                raise TypeError('missing a required%s argument: %r' % (kind, p.name))
            if k == len(params) or params[k].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                raise TypeError('too many positional arguments')
            p = params[k]
            k += 1
            if p.kind == _VAR_POSITIONAL:
                bound[p.name] = tuple(args[n:])
                n = len(args)
                break
            if p.name in kwargs and p.kind != _POSITIONAL_ONLY:
                raise TypeError('multiple values for argument %r' % (p.name,))
            bound[p.name] = args[n]
            n += 1
        # 2. the remaining parameters from the keywords
        var_kw = None
        for p in params[k:]:
            if p.kind == _VAR_KEYWORD:
                var_kw = p
                continue
            if p.kind == _VAR_POSITIONAL:
                continue
            if p.name not in kwargs:
                if not partial and p.default is _empty:
                    raise TypeError('missing a required argument: %r' % (p.name,))
                continue
            if p.kind == _POSITIONAL_ONLY:
                raise TypeError('%r parameter is positional only, but was passed as a keyword'
                                % (p.name,))
            bound[p.name] = kwargs.pop(p.name)
        if kwargs:
            if var_kw is not None:
                bound[var_kw.name] = kwargs
            elif posonly_named:
                raise TypeError('got some positional-only arguments passed as keyword arguments: %r'
                                % (', '.join(p.name for p in posonly_named),))
            else:
                raise TypeError('got an unexpected keyword argument %r' % (next(iter(kwargs)),))
        return self._bound_arguments_cls(self, {p.name: bound[p.name] for p in params if p.name in bound})

    def bind(self, /, *args, **kwargs):
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)

    def __repr__(self):
        return '<{} {}>'.format(self.__class__.__name__, self)

    def __str__(self):
        return self.format()

    def format(self, *, max_width=None):
        parts = []
        slash_pending = False
        star_needed = True
        for p in self.parameters.values():
            kind = p.kind
            if kind == _POSITIONAL_ONLY:
                slash_pending = True
            elif slash_pending:
                parts.append('/')
                slash_pending = False
            if kind == _VAR_POSITIONAL:
                star_needed = False
            elif kind == _KEYWORD_ONLY and star_needed:
                parts.append('*')
                star_needed = False
            parts.append(str(p))
        if slash_pending:
            parts.append('/')
        text = '({})'.format(', '.join(parts))
        if max_width is not None and len(text) > max_width:
            text = '(\n    {}\n)'.format(',\n    '.join(parts))
        if self.return_annotation is not _empty:
            text += ' -> {}'.format(formatannotation(self.return_annotation))
        return text


def _function_signature(func, cls):
    code = func.__code__
    pos_count = code.co_argcount
    posonly = code.co_posonlyargcount
    kwonly = code.co_kwonlyargcount
    names = code.co_varnames
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    annotations = getattr(func, '__annotations__', None) or {}
    first_default = pos_count - len(defaults)
    params = []
    for k in range(pos_count):
        name = names[k]
        kind = _POSITIONAL_ONLY if k < posonly else _POSITIONAL_OR_KEYWORD
        default = defaults[k - first_default] if k >= first_default else _empty
        params.append(Parameter(name, kind, default=default, annotation=annotations.get(name, _empty)))
    k = pos_count
    star_name = None
    if code.co_flags & CO_VARARGS:
        star_name = names[pos_count + kwonly]
    if star_name is not None:
        params.append(Parameter(star_name, _VAR_POSITIONAL,
                                annotation=annotations.get(star_name, _empty)))
    for name in names[pos_count:pos_count + kwonly]:
        params.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        index = pos_count + kwonly + (1 if code.co_flags & CO_VARARGS else 0)
        name = names[index]
        params.append(Parameter(name, _VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    return cls(params, return_annotation=annotations.get('return', _empty),
               __validate_parameters__=False)


def _drop_first(sig):
    """The signature of a bound method: without its first (self) parameter."""
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError('invalid method signature')
    if params[0].kind == _VAR_POSITIONAL:
        return sig   # *args absorbs self
    return sig.replace(parameters=params[1:])


def _partial_signature(sig, partial):
    """What is left of sig after functools.partial's arguments."""
    args, keywords = partial.args, partial.keywords
    try:
        bound = sig.bind_partial(*args, **keywords)
    except TypeError as e:
        raise ValueError('partial object {!r} has incorrect arguments'.format(partial)) from e
    out = []
    positional_given = len(args)
    for name, p in sig.parameters.items():
        if p.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD) and positional_given:
            if name in bound.arguments and name not in keywords:
                positional_given -= 1
                continue
        if p.kind == _VAR_POSITIONAL and args and name in bound.arguments:
            out.append(p)
            continue
        if name in keywords:
            if p.kind == _POSITIONAL_ONLY:
                continue
            p = p.replace(default=keywords[name], kind=_KEYWORD_ONLY
                          if p.kind in (_POSITIONAL_OR_KEYWORD,) else p.kind)
        out.append(p)
    # parameters after one turned keyword-only must be keyword-only too
    fixed = []
    kw_seen = False
    for p in out:
        if p.kind == _KEYWORD_ONLY:
            kw_seen = True
        elif kw_seen and p.kind == _POSITIONAL_OR_KEYWORD:
            p = p.replace(kind=_KEYWORD_ONLY)
        elif kw_seen and p.kind == _VAR_POSITIONAL:
            continue
        fixed.append(p)
    return sig.replace(parameters=fixed)


def _own_method(cls, name):
    """cls's attribute `name` when some class of its MRO other than object/type defines it."""
    for base in cls.__mro__:
        if name in base.__dict__:
            if base is object or base is type:
                return None
            return base.__dict__[name]
    return None


def _signature_of(obj, cls, follow_wrapped=True):
    if not callable(obj):
        raise TypeError('{!r} is not a callable object'.format(obj))
    if isinstance(obj, types.MethodType):
        return _drop_first(_signature_of(obj.__func__, cls, follow_wrapped))
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
        if isinstance(obj, types.MethodType):
            return _signature_of(obj, cls, follow_wrapped)
    try:
        sig = obj.__signature__
    except AttributeError:
        pass
    else:
        if sig is not None:
            if not isinstance(sig, Signature):
                raise TypeError('unexpected object {!r} in __signature__ attribute'.format(sig))
            return sig
    if isfunction(obj):
        return _function_signature(obj, cls)
    if isinstance(obj, functools.partial):
        return _partial_signature(_signature_of(obj.func, cls, follow_wrapped), obj)
    if isinstance(obj, type):
        call = _own_method(type(obj), '__call__')
        if call is not None:
            return _drop_first(_signature_of(call, cls, follow_wrapped))
        new = _own_method(obj, '__new__')
        init = _own_method(obj, '__init__')
        for meth in (init, new) if _defined_later(obj, init, new) else (new, init):
            if meth is not None:
                if isinstance(meth, staticmethod):
                    meth = meth.__func__
                return _drop_first(_signature_of(meth, cls, follow_wrapped))
        if obj.__init__ is object.__init__ and obj.__new__ is object.__new__:
            return cls([], __validate_parameters__=False) if obj is not object else cls([])
        raise ValueError('no signature found for builtin type {!r}'.format(obj))
    if isbuiltin(obj) or ismethoddescriptor(obj) or ismethodwrapper(obj) or \
            type(obj).__name__ in ('wrapper_descriptor', 'method-wrapper'):
        raise ValueError('no signature found for builtin {!r}'.format(obj))
    call = _own_method(type(obj), '__call__')
    if call is not None:
        return _drop_first(_signature_of(call, cls, follow_wrapped))
    raise ValueError('callable {!r} is not supported by signature'.format(obj))


def _defined_later(klass, init, new):
    """True when __init__ is defined in a class nearer to klass in the MRO than __new__."""
    if init is None or new is None:
        return init is not None
    for base in klass.__mro__:
        has_init = base.__dict__.get('__init__') is init
        has_new = base.__dict__.get('__new__') is new
        if has_init or has_new:
            return has_init
    return True


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    """The Signature of a callable."""
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped)


FullArgSpec = collections.namedtuple('FullArgSpec',
                                     'args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations')


def getfullargspec(func):
    """The parameters of func in the older FullArgSpec form (self kept for bound methods)."""
    try:
        sig = _signature_of(func, Signature, follow_wrapped=False) if not ismethod(func) else \
            _signature_of(func.__func__, Signature, follow_wrapped=False)
    except Exception as ex:
        raise TypeError('unsupported callable') from ex
    args, kwonly = [], []
    varargs = varkw = None
    defaults = ()
    kwdefaults = {}
    annotations = {}
    if sig.return_annotation is not _empty:
        annotations['return'] = sig.return_annotation
    for p in sig.parameters.values():
        if p.annotation is not _empty:
            annotations[p.name] = p.annotation
        if p.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            args.append(p.name)
            if p.default is not _empty:
                defaults += (p.default,)
        elif p.kind == _VAR_POSITIONAL:
            varargs = p.name
        elif p.kind == _KEYWORD_ONLY:
            kwonly.append(p.name)
            if p.default is not _empty:
                kwdefaults[p.name] = p.default
        else:
            varkw = p.name
    return FullArgSpec(args, varargs, varkw, defaults or None, kwonly, kwdefaults or None, annotations)


def _missing_args_error(fname, names, positional, values):
    missing = [repr(n) for n in names if n not in values]
    if len(missing) == 1:
        text = missing[0]
    elif len(missing) == 2:
        text = "%s and %s" % tuple(missing)
    else:
        text = ", ".join(missing[:-2]) + ", %s and %s" % tuple(missing[-2:])
    raise TypeError("%s() missing %i required %s argument%s: %s"
                    % (fname, len(missing), "positional" if positional else "keyword-only",
                       "" if len(missing) == 1 else "s", text))


def _too_many_error(fname, args, kwonly, varargs, ndefaults, given, values):
    least = len(args) - ndefaults
    kw_given = len([a for a in kwonly if a in values])
    if varargs:
        plural, sig = least != 1, "at least %d" % least
    elif ndefaults:
        plural, sig = True, "from %d to %d" % (least, len(args))
    else:
        plural, sig = len(args) != 1, str(len(args))
    kw_sig = ""
    if kw_given:
        kw_sig = (" positional argument%s (and %d keyword-only argument%s)"
                  % ("s" if given != 1 else "", kw_given, "s" if kw_given != 1 else ""))
    raise TypeError("%s() takes %s positional argument%s but %d%s %s given"
                    % (fname, sig, "s" if plural else "", given, kw_sig,
                       "was" if given == 1 and not kw_given else "were"))


def getcallargs(func, /, *positional, **named):
    """The mapping of parameter names to the values a call with these arguments would bind
    (the older API: positional parameters first, then *args, **kwargs, keywords, defaults)."""
    spec = getfullargspec(func)
    args, varargs, varkw, defaults, kwonly, kwdefaults, _ = spec
    fname = func.__name__
    values = {}
    if ismethod(func) and func.__self__ is not None:
        positional = (func.__self__,) + positional
    ndefaults = len(defaults) if defaults else 0
    n = min(len(positional), len(args))
    for i in range(n):
        values[args[i]] = positional[i]
    if varargs:
        values[varargs] = tuple(positional[n:])
    allowed = set(args + kwonly)
    if varkw:
        values[varkw] = {}
    for key, value in named.items():
        if key not in allowed:
            if not varkw:
                raise TypeError("%s() got an unexpected keyword argument %r" % (fname, key))
            values[varkw][key] = value
            continue
        if key in values:
            raise TypeError("%s() got multiple values for argument %r" % (fname, key))
        values[key] = value
    if len(positional) > len(args) and not varargs:
        _too_many_error(fname, args, kwonly, varargs, ndefaults, len(positional), values)
    if len(positional) < len(args):
        required = args[:len(args) - ndefaults]
        for a in required:
            if a not in values:
                _missing_args_error(fname, required, True, values)
        for i, a in enumerate(args[len(args) - ndefaults:]):
            if a not in values:
                values[a] = defaults[i]
    missing = False
    for a in kwonly:
        if a not in values:
            if kwdefaults and a in kwdefaults:
                values[a] = kwdefaults[a]
            else:
                missing = True
    if missing:
        _missing_args_error(fname, kwonly, False, values)
    return values


def get_annotations(obj, *, globals=None, locals=None, eval_str=False):
    if isinstance(obj, type):
        ann = obj.__dict__.get('__annotations__', None)
    elif isinstance(obj, types.ModuleType) or callable(obj):
        ann = getattr(obj, '__annotations__', None)
    else:
        raise TypeError(f"{obj!r} is not a module, class, or callable.")
    if ann is None:
        return {}
    if not isinstance(ann, dict):
        raise ValueError(f"{obj!r}.__annotations__ is neither a dict nor None")
    return dict(ann)


_sentinel = object()


def getattr_static(obj, attr, default=_sentinel):
    """attr of obj without running descriptors or __getattr__ (instance dict, then the MRO)."""
    klass = obj if isinstance(obj, type) else type(obj)
    if not isinstance(obj, type):
        try:
            d = object.__getattribute__(obj, '__dict__')
        except AttributeError:
            d = {}
        if attr in d:
            return d[attr]
    for base in klass.__mro__:
        if attr in base.__dict__:
            return base.__dict__[attr]
    if isinstance(obj, type):
        for base in type(obj).__mro__:
            if attr in base.__dict__:
                return base.__dict__[attr]
    if default is not _sentinel:
        return default
    raise AttributeError(attr)
