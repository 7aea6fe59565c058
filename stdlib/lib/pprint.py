"""pprint: pretty-print Python data structures (CPython 3.13's API and output).

A PrettyPrinter first tries the one-line repr of an object (_safe_repr, which sorts dict keys, limits
depth and notices recursion); only when that line does not fit in the space left on the current line
(width - indent - allowance) does it break the object over several lines, through a formatter chosen
by the type's __repr__ (so a subclass that overrides __repr__ is printed with its own repr).

'allowance' is the number of characters that will follow the object on its last line (closing
brackets and the ',' of an enclosing container); 'level' is the nesting depth, 1 for the top object
while it is being broken up.  'context' maps id() of each container being printed to 1, to detect
recursion.

Imports of modules that only some objects need (dataclasses, collections, io) are deferred so that
`import pprint` stays cheap.
"""

import sys as _sys

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr", "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
           underscore_numbers=False):
    """Pretty-print a Python object to a stream [default is sys.stdout]."""
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact,
                  sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
            underscore_numbers=False):
    """Format a Python object into a pretty-printed representation."""
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """Pretty-print a Python object, by default without sorting dict keys."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """Version of repr() which can handle recursive data structures."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    """Determine if saferepr(object) is readable by eval()."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    """Determine if object requires a recursive representation."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]


class _safe_key:
    """Sort key that orders values of mutually unorderable types by (type name, id) instead of raising:
    sorted() on dict items and set elements must never fail."""
    __slots__ = ['obj']

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return (str(type(self.obj)), id(self.obj)) < (str(type(other.obj)), id(other.obj))


def _safe_tuple(t):
    """Sort key for a (key, value) pair."""
    return _safe_key(t[0]), _safe_key(t[1])


def _recursion(object):
    return "<Recursion on %s with id=%s>" % (type(object).__name__, id(object))


def _split_words(line):
    """The pieces re.findall(r'\\S*\\s*', line) would give, without the final empty match: each is a
    run of non-space characters followed by the run of spaces after it."""
    parts = []
    n = len(line)
    i = 0
    while i < n:
        j = i
        while j < n and not line[j].isspace():
            j += 1
        while j < n and line[j].isspace():
            j += 1
        parts.append(line[i:j])
        i = j
    return parts


def _wrap_bytes_repr(object, width, allowance):
    """Reprs of consecutive slices of the bytes object, each grown 4 bytes at a time while its repr fits
    in width (width - allowance for the slice holding the last group)."""
    current = b''
    last = len(object) // 4 * 4
    for i in range(0, len(object), 4):
        part = object[i:i + 4]
        candidate = current + part
        if i == last:
            width -= allowance
        if len(repr(candidate)) > width:
            if current:
                yield repr(current)
            current = part
        else:
            current = candidate
    if current:
        yield repr(current)


# Types whose repr is printed as is.
_builtin_scalars = frozenset({str, bytes, bytearray, float, complex, bool, type(None)})


class PrettyPrinter:
    # Formatters that subclasses or programs register, keyed by a type's __repr__ (as with CPython's
    # _dispatch); consulted before the built-in table, which is built on first use (_LAYOUTS).
    _dispatch = {}

    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True,
                 underscore_numbers=False):
        """Handle pretty printing operations onto a stream using a set of configured parameters.

        indent: number of spaces to indent for each level of nesting.
        width: attempted maximum number of columns in the output.
        depth: the maximum depth to print out nested structures.
        stream: the desired output stream (default sys.stdout).
        compact: if true, several items are combined in one line.
        sort_dicts: if true, dict keys are sorted.
        underscore_numbers: if true, digit groups of ints are separated with '_'.
        """
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream if stream is not None else _sys.stdout
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        # sys.stdout may be None (pythonw); then there is nowhere to print.
        if self._stream is not None:
            self._format(object, self._stream, 0, 0, {}, 0)
            self._stream.write("\n")

    def pformat(self, object):
        from io import StringIO
        sio = StringIO()
        self._format(object, sio, 0, 0, {}, 0)
        return sio.getvalue()

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        s, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        """Format object for a specific context, returning a string and flags indicating whether the
        representation is 'readable' and whether the object represents a recursive construct."""
        return self._safe_repr(object, context, maxlevels, level)

    # -- multi-line layout ------------------------------------------------------------------------

    def _format(self, object, stream, indent, allowance, context, level):
        objid = id(object)
        if objid in context:
            stream.write(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        rep = self._repr(object, context, level)
        if len(rep) > self._width - indent - allowance:
            r = type(object).__repr__
            layout = self._dispatch.get(r) or _LAYOUTS.get(r)
            if layout is None and _is_generated_dataclass(object):
                layout = PrettyPrinter._pprint_dataclass
            if layout is not None:
                context[objid] = 1
                layout(self, object, stream, indent, allowance, context, level + 1)
                del context[objid]
                return
        stream.write(rep)

    def _repr(self, object, context, level):
        rep, readable, recursive = self.format(object, context.copy(), self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return rep

    def _pprint_dataclass(self, object, stream, indent, allowance, context, level):
        from dataclasses import fields
        cls_name = object.__class__.__name__
        items = [(f.name, getattr(object, f.name)) for f in fields(object) if f.repr]
        stream.write(cls_name + '(')
        self._format_namespace_items(items, stream, indent + len(cls_name) + 1, allowance, context, level)
        stream.write(')')

    def _pprint_dict(self, object, stream, indent, allowance, context, level):
        stream.write('{')
        if self._indent_per_level > 1:
            stream.write((self._indent_per_level - 1) * ' ')
        if len(object):
            items = sorted(object.items(), key=_safe_tuple) if self._sort_dicts else object.items()
            self._format_dict_items(items, stream, indent, allowance + 1, context, level)
        stream.write('}')

    def _pprint_ordered_dict(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '(')
        self._format(list(object.items()), stream, indent + len(name) + 1, allowance + 1, context, level)
        stream.write(')')

    def _pprint_list(self, object, stream, indent, allowance, context, level):
        stream.write('[')
        self._format_items(object, stream, indent, allowance + 1, context, level)
        stream.write(']')

    def _pprint_tuple(self, object, stream, indent, allowance, context, level):
        stream.write('(')
        endchar = ',)' if len(object) == 1 else ')'
        self._format_items(object, stream, indent, allowance + len(endchar), context, level)
        stream.write(endchar)

    def _pprint_set(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        typ = object.__class__
        if typ is set:
            stream.write('{')
            endchar = '}'
        else:
            stream.write(typ.__name__ + '({')
            endchar = '})'
            indent += len(typ.__name__) + 1
        self._format_items(sorted(object, key=_safe_key), stream, indent, allowance + len(endchar), context,
                           level)
        stream.write(endchar)

    def _pprint_str(self, object, stream, indent, allowance, context, level):
        # A long string becomes implicitly concatenated literals, one per output line: each line of the
        # text (keeping its line end) alone if its repr fits, else cut at word boundaries into the
        # longest pieces whose reprs fit.  At the top level the pieces are wrapped in parentheses.
        write = stream.write
        if not len(object):
            write(repr(object))
            return
        chunks = []
        lines = object.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        max_width = self._width - indent
        max_width1 = max_width
        rep = ''
        for i, line in enumerate(lines):
            rep = repr(line)
            if i == len(lines) - 1:
                max_width1 -= allowance
            if len(rep) <= max_width1:
                chunks.append(rep)
                continue
            parts = _split_words(line)
            max_width2 = max_width
            current = ''
            for j, part in enumerate(parts):
                candidate = current + part
                if j == len(parts) - 1 and i == len(lines) - 1:
                    max_width2 -= allowance
                if len(repr(candidate)) > max_width2:
                    if current:
                        chunks.append(repr(current))
                    current = part
                else:
                    current = candidate
            if current:
                chunks.append(repr(current))
        if len(chunks) == 1:
            write(rep)
            return
        if level == 1:
            write('(')
        for i, chunk in enumerate(chunks):
            if i > 0:
                write('\n' + ' ' * indent)
            write(chunk)
        if level == 1:
            write(')')

    def _pprint_bytes(self, object, stream, indent, allowance, context, level):
        write = stream.write
        if len(object) <= 4:
            write(repr(object))
            return
        parens = level == 1
        if parens:
            indent += 1
            allowance += 1
            write('(')
        delim = ''
        for rep in _wrap_bytes_repr(object, self._width - indent, allowance):
            write(delim)
            write(rep)
            if not delim:
                delim = '\n' + ' ' * indent
        if parens:
            write(')')

    def _pprint_bytearray(self, object, stream, indent, allowance, context, level):
        stream.write('bytearray(')
        self._pprint_bytes(bytes(object), stream, indent + 10, allowance + 1, context, level + 1)
        stream.write(')')

    def _pprint_mappingproxy(self, object, stream, indent, allowance, context, level):
        stream.write('mappingproxy(')
        self._format(object.copy(), stream, indent + 13, allowance + 1, context, level)
        stream.write(')')

    def _pprint_simplenamespace(self, object, stream, indent, allowance, context, level):
        from types import SimpleNamespace
        # SimpleNamespace's own repr says "namespace"; subclasses show their class name.
        cls_name = 'namespace' if type(object) is SimpleNamespace else object.__class__.__name__
        stream.write(cls_name + '(')
        self._format_namespace_items(list(object.__dict__.items()), stream, indent + len(cls_name) + 1,
                                     allowance, context, level)
        stream.write(')')

    def _format_dict_items(self, items, stream, indent, allowance, context, level):
        write = stream.write
        indent += self._indent_per_level
        delimnl = ',\n' + ' ' * indent
        items = list(items)
        last_index = len(items) - 1
        for i, (key, ent) in enumerate(items):
            last = i == last_index
            rep = self._repr(key, context, level)
            write(rep)
            write(': ')
            self._format(ent, stream, indent + len(rep) + 2, allowance if last else 1, context, level)
            if not last:
                write(delimnl)

    def _format_namespace_items(self, items, stream, indent, allowance, context, level):
        write = stream.write
        delimnl = ',\n' + ' ' * indent
        last_index = len(items) - 1
        for i, (key, ent) in enumerate(items):
            last = i == last_index
            write(key)
            write('=')
            if id(ent) in context:
                # A field that refers back to an object being printed shows as '...', as the
                # recursion-safe dataclass repr does.
                write("...")
            else:
                self._format(ent, stream, indent + len(key) + 1, allowance if last else 1, context, level)
            if not last:
                write(delimnl)

    def _format_items(self, items, stream, indent, allowance, context, level):
        # One item per line, or with compact=True as many reprs per line as fit ('width' counts what
        # is left on the current line; the last item must also leave room for 'allowance').
        write = stream.write
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            write((self._indent_per_level - 1) * ' ')
        delimnl = ',\n' + ' ' * indent
        delim = ''
        width = max_width = self._width - indent + 1
        it = iter(items)
        try:
            next_ent = next(it)
        except StopIteration:
            return
        last = False
        while not last:
            ent = next_ent
            try:
                next_ent = next(it)
            except StopIteration:
                last = True
                max_width -= allowance
                width -= allowance
            if self._compact:
                rep = self._repr(ent, context, level)
                w = len(rep) + 2
                if width < w:
                    width = max_width
                    if delim:
                        delim = delimnl
                if width >= w:
                    width -= w
                    write(delim)
                    delim = ', '
                    write(rep)
                    continue
            write(delim)
            delim = delimnl
            self._format(ent, stream, indent, allowance if last else 1, context, level)

    def _pprint_default_dict(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        rdf = self._repr(object.default_factory, context, level)
        name = object.__class__.__name__
        indent += len(name) + 1
        stream.write('%s(%s,\n%s' % (name, rdf, ' ' * indent))
        self._pprint_dict(object, stream, indent, allowance + 1, context, level)
        stream.write(')')

    def _pprint_counter(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '({')
        if self._indent_per_level > 1:
            stream.write((self._indent_per_level - 1) * ' ')
        self._format_dict_items(object.most_common(), stream, indent + len(name) + 1, allowance + 2, context,
                                level)
        stream.write('})')

    def _pprint_chain_map(self, object, stream, indent, allowance, context, level):
        if not len(object.maps):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '(')
        indent += len(name) + 1
        last = len(object.maps) - 1
        for i, m in enumerate(object.maps):
            if i == last:
                self._format(m, stream, indent, allowance + 1, context, level)
                stream.write(')')
            else:
                self._format(m, stream, indent, 1, context, level)
                stream.write(',\n' + ' ' * indent)

    def _pprint_deque(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '([')
        indent += len(name) + 1
        if object.maxlen is None:
            self._format_items(object, stream, indent, allowance + 2, context, level)
            stream.write('])')
        else:
            self._format_items(object, stream, indent, 2, context, level)
            rml = self._repr(object.maxlen, context, level)
            stream.write('],\n%smaxlen=%s)' % (' ' * indent, rml))

    def _pprint_user_dict(self, object, stream, indent, allowance, context, level):
        self._format(object.data, stream, indent, allowance, context, level - 1)

    _pprint_user_list = _pprint_user_dict

    def _pprint_user_string(self, object, stream, indent, allowance, context, level):
        self._format(object.data, stream, indent, allowance, context, level - 1)

    # -- one-line repr ----------------------------------------------------------------------------

    def _safe_repr(self, object, context, maxlevels, level):
        """(repr string, readable by eval(), recursive): dicts sorted as configured, containers deeper
        than maxlevels shown as '...', a container inside itself as <Recursion on ...>."""
        typ = type(object)
        if typ in _builtin_scalars:
            return repr(object), True, False
        r = getattr(typ, "__repr__", None)
        if issubclass(typ, int) and r is int.__repr__:
            if self._underscore_numbers:
                return f"{object:_d}", True, False
            return repr(object), True, False
        if issubclass(typ, dict) and r is dict.__repr__:
            if not object:
                return "{}", True, False
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return "{...}", False, objid in context
            if objid in context:
                return _recursion(object), False, True
            context[objid] = 1
            readable = True
            recursive = False
            components = []
            level += 1
            items = sorted(object.items(), key=_safe_tuple) if self._sort_dicts else object.items()
            for k, v in items:
                krepr, kreadable, krecur = self.format(k, context, maxlevels, level)
                vrepr, vreadable, vrecur = self.format(v, context, maxlevels, level)
                components.append("%s: %s" % (krepr, vrepr))
                readable = readable and kreadable and vreadable
                if krecur or vrecur:
                    recursive = True
            del context[objid]
            return "{%s}" % ", ".join(components), readable, recursive
        is_list = issubclass(typ, list) and r is list.__repr__
        if is_list or (issubclass(typ, tuple) and r is tuple.__repr__):
            if is_list:
                if not object:
                    return "[]", True, False
                fmt = "[%s]"
            elif len(object) == 1:
                fmt = "(%s,)"
            else:
                if not object:
                    return "()", True, False
                fmt = "(%s)"
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return fmt % "...", False, objid in context
            if objid in context:
                return _recursion(object), False, True
            context[objid] = 1
            readable = True
            recursive = False
            components = []
            level += 1
            for o in object:
                orepr, oreadable, orecur = self.format(o, context, maxlevels, level)
                components.append(orepr)
                if not oreadable:
                    readable = False
                if orecur:
                    recursive = True
            del context[objid]
            return fmt % ", ".join(components), readable, recursive
        rep = repr(object)
        return rep, bool(rep and not rep.startswith('<')), False


def _is_generated_dataclass(object):
    """True for an instance (not a class) of a dataclass whose __repr__ is the one @dataclass wrote:
    only that repr is known to list the fields as name=value."""
    cls = type(object)
    params = getattr(cls, '__dataclass_params__', None)
    if params is None or not hasattr(cls, '__dataclass_fields__') or isinstance(object, type):
        return False
    if not params.repr:
        return False
    wrapped = getattr(cls.__repr__, '__wrapped__', None)
    return wrapped is not None and "__create_fn__" in getattr(wrapped, '__qualname__', '')


def _build_layouts():
    """The multi-line formatters, keyed by the __repr__ of the types they lay out."""
    import collections
    P = PrettyPrinter
    layouts = {
        dict.__repr__: P._pprint_dict,
        list.__repr__: P._pprint_list,
        tuple.__repr__: P._pprint_tuple,
        set.__repr__: P._pprint_set,
        frozenset.__repr__: P._pprint_set,
        str.__repr__: P._pprint_str,
        bytes.__repr__: P._pprint_bytes,
        bytearray.__repr__: P._pprint_bytearray,
        type(type.__dict__).__repr__: P._pprint_mappingproxy,
        collections.OrderedDict.__repr__: P._pprint_ordered_dict,
        collections.defaultdict.__repr__: P._pprint_default_dict,
        collections.Counter.__repr__: P._pprint_counter,
        collections.ChainMap.__repr__: P._pprint_chain_map,
        collections.deque.__repr__: P._pprint_deque,
    }
    try:
        from types import SimpleNamespace
        layouts[SimpleNamespace.__repr__] = P._pprint_simplenamespace
    except ImportError:
        pass
    for name, layout in (('UserDict', P._pprint_user_dict), ('UserList', P._pprint_user_list),
                         ('UserString', P._pprint_user_string)):
        cls = getattr(collections, name, None)
        if cls is not None:
            layouts[cls.__repr__] = layout
    return layouts


class _LazyLayouts:
    """The formatter table, built on first use: building it imports collections and types, which a
    program that only calls saferepr() or prints short objects never needs."""
    _table = None

    def get(self, key):
        table = _LazyLayouts._table
        if table is None:
            table = _LazyLayouts._table = _build_layouts()
        return table.get(key)


_LAYOUTS = _LazyLayouts()
