"""Warning control for Krait: warn(), the filters, catch_warnings, after CPython 3.13's behaviour.

A warning is matched against `filters` (newest first); the first matching filter's action decides:
"error" raises it, "ignore" drops it, "always" prints it every time, "default" once per location
(module registry __warningregistry__ keyed by text, category and line), "module" once per module,
"once" once per text and category. Printed warnings go to sys.stderr as
    file:line: Category: message
      source line
The default filters are CPython's for a release build: DeprecationWarning shown only when triggered
by __main__'s own code; PendingDeprecationWarning, ImportWarning and ResourceWarning ignored.
"""

import sys

__all__ = ['warn', 'warn_explicit', 'showwarning', 'formatwarning', 'filterwarnings',
           'simplefilter', 'resetwarnings', 'catch_warnings', 'deprecated']

filters = []
defaultaction = 'default'
onceregistry = {}
_filters_version = 1

_ACTIONS = ('error', 'ignore', 'always', 'all', 'default', 'module', 'once')


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _source_line(filename, lineno):
    # the stripped source line, or None (no file, a frozen module, a bad line number)
    if not filename or filename.startswith('<'):
        return None
    try:
        with open(filename, encoding='utf-8', errors='replace') as f:
            for i, line in enumerate(f, 1):
                if i == lineno:
                    return line.strip()
    except OSError:
        return None
    return None


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning() prints for a warning."""
    text = '%s:%s: %s: %s\n' % (filename, lineno, category.__name__, message)
    if line is None:
        line = _source_line(filename, lineno)
    if line:
        text += '  %s\n' % line.strip()
    return text


def _showwarning_orig(message, category, filename, lineno, file=None, line=None):
    if file is None:
        file = sys.stderr
        if file is None:
            return
    try:
        file.write(formatwarning(message, category, filename, lineno, line))
    except OSError:
        pass


showwarning = _showwarning_orig


class WarningMessage:
    """One recorded warning (catch_warnings(record=True))."""
    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file', 'line', 'source')

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ('{message : %r, category : %r, filename : %r, lineno : %s, line : %r}'
                % (self.message, self._category_name, self.filename, self.lineno, self.line))


def _showwarnmsg(msg):
    # showwarning may be replaced by the user: call whatever it is now
    sw = showwarning
    if sw is not _showwarning_orig:
        if not callable(sw):
            raise TypeError('warnings.showwarning() must be set to a function or method')
        sw(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarning_orig(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


_REGEX_SPECIALS = frozenset('.^$*+?{}[]\\|()')


class _Pattern:
    # A message or module pattern of filterwarnings: a regular expression, matched at the start of
    # the message (ignoring case) or against the whole module name. Patterns without special
    # characters (the usual case) are compared directly, without importing re.
    __slots__ = ('pattern', 'ignore_case', 'whole', '_compiled')

    def __init__(self, pattern, ignore_case, whole):
        self.pattern = pattern
        self.ignore_case = ignore_case
        self.whole = whole
        self._compiled = None

    def match(self, text):
        if not any(c in _REGEX_SPECIALS for c in self.pattern):
            pattern = self.pattern
            if self.ignore_case:
                pattern, text = pattern.lower(), text.lower()
            return text == pattern if self.whole else text.startswith(pattern)
        if self._compiled is None:
            import re
            self._compiled = re.compile(self.pattern, re.IGNORECASE if self.ignore_case else 0)
        if self.whole:
            return self._compiled.fullmatch(text) is not None
        return self._compiled.match(text) is not None

    def __eq__(self, other):
        return (isinstance(other, _Pattern)
                and (self.pattern, self.ignore_case, self.whole)
                == (other.pattern, other.ignore_case, other.whole))

    def __hash__(self):
        return hash((self.pattern, self.ignore_case, self.whole))

    def __repr__(self):
        if self.whole:
            return repr(self.pattern)
        return 're.compile(%r, re.IGNORECASE)' % self.pattern


def filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False):
    """Inserts a filter: warnings whose text starts with `message` (case-insensitive regular
    expression), of class `category`, from a module whose name matches `module` (a regular expression
    matched in full) and line `lineno` (0: any) get `action`."""
    if action not in _ACTIONS:
        raise AssertionError('invalid action: %r' % (action,))
    if not isinstance(message, str):
        raise AssertionError('message must be a string')
    if not isinstance(category, type) or not issubclass(category, Warning):
        raise AssertionError('category must be a class')
    if not isinstance(module, str):
        raise AssertionError('module must be a string')
    if not isinstance(lineno, int) or lineno < 0:
        raise AssertionError('lineno must be an int >= 0')
    msg_pat = _Pattern(message, True, False) if message else None
    mod_pat = _Pattern(module, False, True) if module else None
    _add_filter(action, msg_pat, category, mod_pat, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Inserts a filter matching every warning of class `category` (at line `lineno`)."""
    if action not in _ACTIONS:
        raise AssertionError('invalid action: %r' % (action,))
    if not isinstance(lineno, int) or lineno < 0:
        raise AssertionError('lineno must be an int >= 0')
    _add_filter(action, None, category, None, lineno, append=append)


def resetwarnings():
    """Removes every filter (the defaults included)."""
    filters[:] = []
    _filters_mutated()


class catch_warnings:
    """Saves the filters and showwarning on entry and restores them on exit; record=True collects
    the warnings in a list (returned by __enter__) instead of printing them; action/category/...
    apply a simplefilter inside the block."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                 append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append('record=True')
        if self._module is not sys.modules['warnings']:
            args.append('module=%r' % self._module)
        return '%s(%s)' % (type(self).__name__, ', '.join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError('Cannot enter %r twice' % self)
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []

            def record(msg):
                log.append(msg)
            self._module._showwarnmsg = record
            self._module.showwarning = self._module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError('Cannot exit %r without entering first' % self)
        self._module.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg = self._showwarnmsg_impl


def _is_internal_filename(filename):
    return filename == '<frozen warnings>'


def _next_external_frame(frame, skip_file_prefixes):
    frame = frame.f_back
    while frame is not None and (_is_internal_filename(frame.f_code.co_filename)
                                 or frame.f_code.co_filename.startswith(skip_file_prefixes)):
        frame = frame.f_back
    return frame


def warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
    """Issues a warning (see the module's docstring), attributed to the caller `stacklevel` frames up."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{:s}'".format(type(category).__name__))
    if not isinstance(skip_file_prefixes, tuple):
        raise TypeError('skip_file_prefixes must be a tuple of strs')
    if skip_file_prefixes:
        stacklevel = max(2, stacklevel)
    try:
        frame = sys._getframe(1)
        for _ in range(stacklevel - 1):
            frame = _next_external_frame(frame, skip_file_prefixes) if skip_file_prefixes else frame.f_back
            if frame is None:
                raise ValueError
    except ValueError:
        globals = sys.__dict__
        filename = 'sys'
        lineno = 0
    else:
        globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    module = globals.get('__name__', '<string>') if '__name__' in globals else '<string>'
    registry = globals.setdefault('__warningregistry__', {})
    warn_explicit(message, category, filename, lineno, module, registry, globals, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    """Issues a warning at an explicit location."""
    lineno = int(lineno)
    if module is None:
        module = filename or '<unknown>'
        if module[-3:].lower() == '.py':
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if ((msg is None or msg.match(text)) and issubclass(category, cat)
                and (mod is None or mod.match(module)) and (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == 'ignore':
        return
    if action == 'error':
        raise message
    if action == 'once':
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action in ('always', 'all'):
        pass
    elif action == 'module':
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == 'default':
        registry[key] = 1
    else:
        raise RuntimeError('Unrecognized action (%r) in warnings.filters:\n %s' % (action, item))
    _showwarnmsg(WarningMessage(message, category, filename, lineno, source=source))


_DEPRECATED_MSG = '{name!r} is deprecated and slated for removal in Python {remove}'


def _deprecated(name, message=_DEPRECATED_MSG, *, remove, _version=sys.version_info):
    """Warns that `name` goes away in version `remove` (a (major, minor) tuple), from the standard
    library's own modules: the warning points at the caller of the deprecated thing."""
    remove_formatted = f'{remove[0]}.{remove[1]}'
    if _version[:2] > remove or (_version[:2] == remove and _version[3] != 'alpha'):
        raise RuntimeError(f'{name!r} was slated for removal after Python {remove_formatted} alpha')
    warn(message.format(name=name, remove=remove_formatted), DeprecationWarning, stacklevel=3)


class deprecated:
    """Decorator (PEP 702): calling/instantiating the decorated object warns with `message`."""

    def __init__(self, message, /, *, category=DeprecationWarning, stacklevel=1):
        if not isinstance(message, str):
            raise TypeError('Expected an object of type str for \'message\', not %r'
                            % type(message).__name__)
        self.message = message
        self.category = category
        self.stacklevel = stacklevel

    def __call__(self, arg, /):
        msg = self.message
        category = self.category
        stacklevel = self.stacklevel
        if category is None:
            arg.__deprecated__ = msg
            return arg
        if isinstance(arg, type):
            original_new = arg.__new__

            def __new__(cls, *args, **kwargs):
                if cls is arg:
                    warn(msg, category=category, stacklevel=stacklevel + 1)
                if original_new is not object.__new__:
                    return original_new(cls, *args, **kwargs)
                if cls.__init__ is object.__init__ and (args or kwargs):
                    raise TypeError(f'{cls.__name__}() takes no arguments')
                return original_new(cls)
            arg.__new__ = staticmethod(__new__)
            arg.__deprecated__ = __new__.__deprecated__ = msg
            return arg
        if callable(arg):
            def wrapper(*args, **kwargs):
                warn(msg, category=category, stacklevel=stacklevel + 1)
                return arg(*args, **kwargs)
            for attr in ('__module__', '__name__', '__qualname__', '__doc__'):
                try:
                    setattr(wrapper, attr, getattr(arg, attr))
                except AttributeError:
                    pass
            wrapper.__wrapped__ = arg
            arg.__deprecated__ = wrapper.__deprecated__ = msg
            return wrapper
        raise TypeError('@deprecated decorator with non-None category must be applied to a class '
                        'or callable, not %r' % (arg,))


# CPython's default filters for a release build, in its order
filters[:] = [
    ('default', None, DeprecationWarning, _Pattern('__main__', False, True), 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
_filters_mutated()


class _OptionError(Exception):
    """A -W option or PYTHONWARNINGS item that cannot be understood."""


_ACTIONS = ("default", "always", "all", "ignore", "module", "once", "error")


def _option_action(action):
    if not action:
        return "default"
    for a in _ACTIONS:
        if a.startswith(action):
            return "always" if a == "all" else a
    raise _OptionError("invalid action: %r" % (action,))


def _option_category(category):
    if not category:
        return Warning
    if "." in category:
        modname, _, name = category.rpartition(".")
        try:
            module = __import__(modname, None, None, [name])
        except ImportError:
            raise _OptionError("invalid module name: %r" % (modname,)) from None
        try:
            cat = getattr(module, name)
        except AttributeError:
            raise _OptionError("unknown warning category: %r" % (category,)) from None
    else:
        import builtins
        cat = getattr(builtins, category, None)
        if cat is None:
            raise _OptionError("unknown warning category: %r" % (category,))
    if not isinstance(cat, type) or not issubclass(cat, Warning):
        raise _OptionError("invalid warning category: %r" % (category,))
    return cat


def _setoption(arg):
    """One option "action:message:category:module:lineno" (trailing fields may be left out)."""
    parts = arg.split(":")
    if len(parts) > 5:
        raise _OptionError("too many fields (max 5): %r" % (arg,))
    parts += [""] * (5 - len(parts))
    action, message, category, module, lineno = [s.strip() for s in parts]
    action = _option_action(action)
    category = _option_category(category)
    if message or module:
        import re
        message = re.escape(message)
        if module:
            module = re.escape(module) + r"\Z"
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,)) from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _processoptions(args):
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            print("Invalid -W option ignored:", msg, file=sys.stderr)


# the command line's -W options and PYTHONWARNINGS, in front of the defaults (later ones win)
_processoptions(getattr(sys, "warnoptions", ()))
