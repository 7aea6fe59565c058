"""unittest.mock, the basics: Mock, MagicMock, NonCallableMock, PropertyMock, call, ANY, sentinel,
DEFAULT and patch (decorator, context manager, start/stop; patch.object, patch.dict).

A mock records every call made to it (call_count, call_args, call_args_list, mock_calls) and to
its children: attributes are created on first access as child mocks, the return value is the
child named "()", and each call is also recorded in the ancestors' mock_calls (and, for attribute
children, method_calls) under its dotted name ("foo().bar"). A MagicMock's class is private to
the instance, so that configured magic methods (m.__len__.return_value = 3) affect it alone.
"""

import sys
import functools
import builtins

__all__ = ('Mock', 'MagicMock', 'NonCallableMock', 'NonCallableMagicMock', 'PropertyMock',
           'patch', 'sentinel', 'DEFAULT', 'ANY', 'call', 'FILTER_DIR')

FILTER_DIR = True


class _SentinelObject:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'sentinel.%s' % self.name

    def __reduce__(self):
        return 'sentinel.%s' % self.name


class _Sentinel:
    """sentinel.NAME: a unique object per name."""

    def __init__(self):
        self._sentinels = {}

    def __getattr__(self, name):
        if name == '__bases__':
            raise AttributeError
        return self._sentinels.setdefault(name, _SentinelObject(name))


sentinel = _Sentinel()
DEFAULT = sentinel.DEFAULT
_missing = sentinel.MISSING
_deleted = sentinel.DELETED


class _ANY:
    """Equal to everything."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = None

    def __repr__(self):
        return '<ANY>'


ANY = _ANY()


def _format_args(name, args, kwargs):
    parts = [repr(a) for a in args]
    parts.extend('%s=%r' % (k, v) for k, v in kwargs.items())
    return '%s(%s)' % (name, ', '.join(parts))


class _Call(tuple):
    """A recorded or expected call: the tuple (name, args, kwargs).

    call(...), call.name(...) and call(...).name(...) build expected calls; _mock_name is the
    dotted path used to go on chaining (None for `call` itself) and from_kall is False for the
    attribute steps of a chain (call.a), which are not calls themselves.
    """

    def __new__(cls, value=(), name='', parent=None, two=False, from_kall=True):
        if len(value) == 3:
            n, args, kwargs = value
        elif len(value) == 2:
            n, (args, kwargs) = '', value
        else:
            n, args, kwargs = '', (), {}
        return tuple.__new__(cls, (n, tuple(args), dict(kwargs)))

    def __init__(self, value=(), name=None, parent=None, two=False, from_kall=True):
        self._mock_name = name
        self._mock_parent = parent
        self._mock_from_kall = from_kall

    @property
    def args(self):
        return self[1]

    @property
    def kwargs(self):
        return self[2]

    def __eq__(self, other):
        try:
            n = len(other)
        except TypeError:
            return NotImplemented
        if n != 3:
            other = _Call(other)
        sname, sargs, skw = self
        oname, oargs, okw = other
        if (self._mock_parent is not None and getattr(other, '_mock_parent', None) is not None
                and self._mock_parent != other._mock_parent):
            return False
        if sname and oname != sname:
            return False
        return (oargs, okw) == (sargs, skw)

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    __hash__ = None

    def __call__(self, /, *args, **kwargs):
        if self._mock_name is None:
            return _Call(('', args, kwargs), name='()')
        return _Call((self._mock_name, args, kwargs), name=self._mock_name + '()', parent=self)

    def __getattr__(self, attr):
        if self._mock_name is None:
            return _Call(name=attr, from_kall=False)
        return _Call(name='%s.%s' % (self._mock_name, attr), parent=self, from_kall=False)

    def __getattribute__(self, attr):
        if attr in ('count', 'index'):
            return _Call.__getattr__(self, attr)
        return tuple.__getattribute__(self, attr)

    def call_list(self):
        """The calls of a chained call (call(1).foo(2) -> [call(1), call().foo(2)])."""
        out = []
        node = self
        while node is not None:
            if node._mock_from_kall:
                out.append(node)
            node = node._mock_parent
        return _CallList(reversed(out))

    def __repr__(self):
        if not self._mock_from_kall:
            name = self._mock_name or 'call'
            return 'call%s' % name if name.startswith('()') else name
        name, args, kwargs = self
        if not name:
            name = 'call'
        elif name.startswith('()'):
            name = 'call%s' % name
        else:
            name = 'call.%s' % name
        return _format_args(name, args, kwargs)


class _CallList(list):
    def __contains__(self, value):
        if not isinstance(value, list):
            return list.__contains__(self, value)
        n = len(value)
        return any(self[i:i + n] == value for i in range(len(self) - n + 1))

    def __repr__(self):
        return repr(list(self))


call = _Call(from_kall=False)


def _join(parent, child):
    if not parent:
        return child
    if child.startswith('()'):
        return parent + child
    return parent + '.' + child


_MAGIC_DEFAULTS = {
    '__lt__': NotImplemented, '__gt__': NotImplemented, '__le__': NotImplemented,
    '__ge__': NotImplemented, '__int__': 1, '__contains__': False, '__len__': 0,
    '__exit__': False, '__float__': 1.0, '__bool__': True, '__index__': 1,
}

_MAGICS = ('__lt__ __gt__ __le__ __ge__ __int__ __contains__ __len__ __exit__ __enter__ '
           '__float__ __bool__ __index__ __iter__ __getitem__ __setitem__ '
           '__delitem__ __str__ __hash__ __sizeof__ __eq__ __ne__ __add__ __sub__ __mul__ '
           '__truediv__ __floordiv__ __mod__ __neg__ __pos__ __abs__ __invert__ __round__ '
           '__fspath__ __radd__ __rsub__ __rmul__ __and__ __or__ __xor__').split()


class NonCallableMock:
    """A mock that cannot be called (attributes and children only)."""

    def __new__(cls, *args, **kw):
        # a class per instance: magic methods set on one mock must not leak to the others
        own = type(cls.__name__, (cls,), {'__doc__': cls.__doc__})
        return object.__new__(own)

    def __init__(self, spec=None, wraps=None, name=None, spec_set=None, parent=None,
                 _spec_state=None, _new_name='', _new_parent=None, side_effect=None,
                 return_value=DEFAULT, unsafe=False, **kwargs):
        d = self.__dict__
        d['_mock_parent'] = parent
        d['_mock_name'] = name
        d['_mock_new_name'] = _new_name
        d['_mock_new_parent'] = _new_parent if _new_parent is not None else parent
        d['_mock_wraps'] = wraps
        d['_mock_return_value'] = return_value
        d['_mock_side_effect'] = None
        d['_mock_children'] = {}
        d['_mock_unsafe'] = unsafe
        d['_mock_methods'] = None
        d['_spec_class'] = None
        if spec_set is not None:
            spec = spec_set
        d['_spec_set'] = spec_set is not None
        if spec is not None:
            if isinstance(spec, list) and all(isinstance(s, str) for s in spec):
                d['_mock_methods'] = list(spec)
            else:
                d['_mock_methods'] = dir(spec)
                d['_spec_class'] = spec if isinstance(spec, type) else type(spec)
        d['call_count'] = 0
        d['call_args'] = None
        d['call_args_list'] = _CallList()
        d['mock_calls'] = _CallList()
        d['method_calls'] = _CallList()
        d['called'] = False
        self.side_effect = side_effect
        self.configure_mock(**kwargs)
        self._mock_set_magics()

    def _mock_set_magics(self):
        pass

    @property
    def __class__(self):
        spec = self.__dict__.get('_spec_class')
        if spec is None:
            return type(self)
        return spec

    def _full_name(self):
        """The dotted name shown in reprs and messages: "mock.foo().bar"."""
        parts = []
        node = self
        while node._mock_new_parent is not None:
            parts.append(node._mock_new_name)
            node = node._mock_new_parent
        name = node._mock_name or 'mock'
        for p in reversed(parts):
            name = _join(name, p)
        return name

    def __repr__(self):
        name = self._full_name()
        shown = '' if name == 'mock' else ' name=%r' % name
        spec = ''
        if self._spec_class is not None:
            spec = ' spec%s=%r' % ('_set' if self._spec_set else '', self._spec_class.__name__)
        return "<%s%s%s id='%s'>" % (type(self).__name__, shown, spec, id(self))

    def configure_mock(self, **kwargs):
        for arg, val in sorted(kwargs.items(), key=lambda e: e[0].count('.')):
            *path, final = arg.split('.')
            obj = self
            for entry in path:
                obj = getattr(obj, entry)
            setattr(obj, final, val)

    def _get_child_mock(self, **kw):
        klass = type(self).__mro__[1]
        if issubclass(klass, NonCallableMagicMock):
            klass = MagicMock
        elif issubclass(klass, NonCallableMock) and not issubclass(klass, CallableMixin):
            klass = Mock
        return klass(**kw)

    def __getattr__(self, name):
        if name in ('_mock_methods', '_spec_class', '_mock_children'):
            raise AttributeError(name)
        methods = self.__dict__.get('_mock_methods')
        if methods is not None:
            if name not in methods:
                raise AttributeError("Mock object has no attribute %r" % name)
        elif name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        if not self.__dict__.get('_mock_unsafe') and name.startswith(
                ('assert', 'assret', 'asert', 'aseert', 'assrt')):
            raise AttributeError(f"{name!r} is not a valid assertion. Use a spec for the mock "
                                 f"if {name!r} is meant to be an attribute.")
        children = self.__dict__['_mock_children']
        child = children.get(name, _missing)
        if child is _deleted:
            raise AttributeError(name)
        if child is _missing:
            wraps = None
            if self._mock_wraps is not None:
                wraps = getattr(self._mock_wraps, name)
            child = self._get_child_mock(parent=self, name=name, wraps=wraps, _new_name=name,
                                         _new_parent=self)
            children[name] = child
        return child

    def __setattr__(self, name, value):
        methods = self.__dict__.get('_mock_methods')
        if (self.__dict__.get('_spec_set') and methods is not None and name not in methods
                and name not in self.__dict__ and not name.startswith('_mock_')
                and name not in ('return_value', 'side_effect')):
            raise AttributeError("Mock object has no attribute '%s'" % name)
        if name in ('return_value', 'side_effect') or name.startswith('_mock_') or \
                isinstance(getattr(type(self), name, None), property):
            return object.__setattr__(self, name, value)
        if name.startswith('__') and name.endswith('__'):
            # a magic method: a mock becomes the child the magic descriptor returns; a function
            # is installed on this mock's own class (called with the mock as self)
            if isinstance(value, NonCallableMock):
                self._mock_adopt(value, name)
                if not isinstance(type(self).__dict__.get(name), _MagicMethod):
                    setattr(type(self), name, _MagicMethod(name))
                self._mock_children[name] = value
            else:
                setattr(type(self), name, value)
            return None
        if isinstance(value, NonCallableMock) and self._mock_adopt(value, name):
            self._mock_children[name] = value
            return None
        if name in self._mock_children:
            del self._mock_children[name]
        return object.__setattr__(self, name, value)

    def _mock_adopt(self, value, name):
        """Make an unnamed, parentless mock a child of self (its calls recorded here too)."""
        d = value.__dict__
        if d['_mock_parent'] is not None or d['_mock_new_parent'] is not None or d['_mock_name'] is not None:
            return False
        d['_mock_parent'] = self
        d['_mock_new_parent'] = self
        d['_mock_name'] = name
        d['_mock_new_name'] = name
        return True

    def __delattr__(self, name):
        if name in self.__dict__:
            object.__delattr__(self, name)
        self._mock_children[name] = _deleted

    def __dir__(self):
        extras = self._mock_methods or []
        own = [k for k, v in self._mock_children.items() if v is not _deleted]
        return sorted(set(extras + own + list(object.__dir__(self))))

    def _get_return_value(self):
        rv = self._mock_return_value
        if rv is DEFAULT:
            rv = self._get_child_mock(_new_parent=self, _new_name='()', parent=self)
            self.__dict__['_mock_return_value'] = rv
        return rv

    def _set_return_value(self, value):
        self.__dict__['_mock_return_value'] = value
        if isinstance(value, NonCallableMock):
            d = value.__dict__
            if d['_mock_new_parent'] is None and d['_mock_name'] is None:
                d['_mock_new_parent'] = self
                d['_mock_new_name'] = '()'
                d['_mock_parent'] = self

    return_value = property(_get_return_value, _set_return_value)

    def _get_side_effect(self):
        return self.__dict__['_mock_side_effect']

    def _set_side_effect(self, value):
        if value is not None and not callable(value) and not isinstance(value, BaseException) \
                and not (isinstance(value, type) and issubclass(value, BaseException)):
            value = _Iterating(value)
        self.__dict__['_mock_side_effect'] = value

    side_effect = property(_get_side_effect, _set_side_effect)

    def reset_mock(self, visited=None, *, return_value=False, side_effect=False):
        d = self.__dict__
        d['called'] = False
        d['call_args'] = None
        d['call_count'] = 0
        d['mock_calls'] = _CallList()
        d['call_args_list'] = _CallList()
        d['method_calls'] = _CallList()
        if return_value:
            d['_mock_return_value'] = DEFAULT
        if side_effect:
            d['_mock_side_effect'] = None
        for child in list(self._mock_children.values()):
            if isinstance(child, NonCallableMock):
                child.reset_mock(return_value=return_value, side_effect=side_effect)
        rv = d['_mock_return_value']
        if isinstance(rv, NonCallableMock) and rv is not self:
            rv.reset_mock()

    def attach_mock(self, mock, attribute):
        d = mock.__dict__
        d['_mock_parent'] = d['_mock_new_parent'] = self
        d['_mock_name'] = d['_mock_new_name'] = attribute
        setattr(self, attribute, mock)

    # -- assertions -----------------------------------------------------------------------------
    def _call_text(self, args, kwargs):
        return _format_args(self._full_name(), args, kwargs)

    def _calls_repr(self):
        if not self.mock_calls:
            return ""
        return "\nCalls: %s." % (self.mock_calls,)

    def _name_for_msg(self):
        return self._mock_name or 'mock'

    def assert_called(self):
        if self.call_count == 0:
            raise AssertionError("Expected '%s' to have been called." % self._name_for_msg())

    def assert_not_called(self):
        if self.call_count != 0:
            raise AssertionError("Expected '%s' to not have been called. Called %s times.%s"
                                 % (self._name_for_msg(), self.call_count, self._calls_repr()))

    def assert_called_once(self):
        if self.call_count != 1:
            raise AssertionError("Expected '%s' to have been called once. Called %s times.%s"
                                 % (self._name_for_msg(), self.call_count, self._calls_repr()))

    def assert_called_with(self, /, *args, **kwargs):
        expected = self._call_text(args, kwargs)
        if self.call_args is None:
            raise AssertionError('expected call not found.\nExpected: %s\n  Actual: not called.'
                                 % (expected,))
        if _Call(('', args, kwargs)) != self.call_args:
            actual = self._call_text(*self.call_args[1:])
            raise AssertionError('expected call not found.\nExpected: %s\n  Actual: %s'
                                 % (expected, actual))

    def assert_called_once_with(self, /, *args, **kwargs):
        if self.call_count != 1:
            raise AssertionError("Expected '%s' to be called once. Called %s times.%s"
                                 % (self._name_for_msg(), self.call_count, self._calls_repr()))
        return self.assert_called_with(*args, **kwargs)

    def assert_any_call(self, /, *args, **kwargs):
        if _Call(('', args, kwargs)) not in self.call_args_list:
            raise AssertionError('%s call not found' % self._call_text(args, kwargs))

    def assert_has_calls(self, calls, any_order=False):
        expected = list(calls)
        actual = self.mock_calls
        if not any_order:
            if expected not in actual:
                raise AssertionError('Calls not found.\nExpected: %r\n  Actual: %r'
                                     % (_CallList(expected), actual))
            return
        remaining = list(actual)
        missing = []
        for c in expected:
            try:
                remaining.remove(c)
            except ValueError:
                missing.append(c)
        if missing:
            raise AssertionError('%r does not contain all of %r in its call list, found %r instead'
                                 % (self._name_for_msg(), tuple(missing), actual))


class _Iterating:
    """A side_effect iterable: each call takes the next value."""

    def __init__(self, values):
        self.it = iter(values)


class CallableMixin:
    def __call__(self, /, *args, **kwargs):
        self._mock_record(args, kwargs)
        return self._mock_execute(args, kwargs)

    def _mock_record(self, args, kwargs):
        d = self.__dict__
        d['called'] = True
        d['call_count'] += 1
        this = _Call(('', args, kwargs), from_kall=True)
        d['call_args'] = this
        d['call_args_list'].append(this)
        d['mock_calls'].append(_Call(('', args, kwargs)))
        # the ancestors see this call under its dotted name
        name = self._mock_new_name
        method_name = self._mock_name
        method_ok = self._mock_new_name != '()'
        node = self._mock_new_parent
        child = self
        while node is not None:
            node.__dict__['mock_calls'].append(_Call((name, args, kwargs)))
            if method_ok and child._mock_parent is node:
                node.__dict__['method_calls'].append(_Call((method_name, args, kwargs)))
            if node._mock_new_name == '()':
                method_ok = False
            else:
                method_name = _join(node._mock_name or '', method_name) if node._mock_new_parent is not None else method_name
            name = _join(node._mock_new_name, name) if node._mock_new_parent is not None else name
            child = node
            node = node._mock_new_parent

    def _mock_execute(self, args, kwargs):
        effect = self.side_effect
        if effect is not None:
            if isinstance(effect, BaseException) or (isinstance(effect, type)
                                                     and issubclass(effect, BaseException)):
                raise effect
            if isinstance(effect, _Iterating):
                result = next(effect.it)
                if isinstance(result, BaseException) or (isinstance(result, type)
                                                         and issubclass(result, BaseException)):
                    raise result
                return result
            result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            return self._mock_wraps(*args, **kwargs)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    """A callable mock: records its calls and returns return_value (a child mock by default)."""


class MagicMixin:
    def _mock_set_magics(self):
        own = type(self)
        for name in _MAGICS:
            if name not in own.__dict__:
                setattr(own, name, _MagicMethod(name))


class _MagicMethod:
    """A magic method of a MagicMock: reading it gives its child MagicMock (created with the
    usual default behaviour on first use), which the implicit call (len(m), m[k]) then calls."""

    def __init__(self, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        name = self.name
        children = obj._mock_children
        child = children.get(name)
        if child is None:
            child = MagicMock(parent=obj, name=name, _new_name=name, _new_parent=obj)
            _configure_magic(obj, child, name)
            children[name] = child
        return child


def _configure_magic(owner, child, name):
    if name in _MAGIC_DEFAULTS:
        child.return_value = _MAGIC_DEFAULTS[name]
    elif name == '__str__':
        child.return_value = object.__str__(owner)
    elif name == '__hash__':
        child.return_value = object.__hash__(owner)
    elif name == '__sizeof__':
        child.return_value = object.__sizeof__(owner)
    elif name == '__iter__':
        def iterate():
            rv = child._mock_return_value
            return iter([]) if rv is DEFAULT else iter(rv)
        child.side_effect = iterate
    elif name == '__eq__':
        def eq(other):
            rv = child._mock_return_value
            if rv is not DEFAULT:
                return rv
            return True if owner is other else NotImplemented
        child.side_effect = eq
    elif name == '__ne__':
        def ne(other):
            rv = child._mock_return_value
            if rv is not DEFAULT:
                return rv
            return False if owner is other else NotImplemented
        child.side_effect = ne


class NonCallableMagicMock(MagicMixin, NonCallableMock):
    """A non-callable mock with the magic methods configured."""


class MagicMock(MagicMixin, Mock):
    """A Mock with default implementations of the magic methods (len 0, iter empty, ...)."""


class PropertyMock(Mock):
    """A mock used as a property on a class: getting calls it with no arguments, setting with one."""

    def _get_child_mock(self, **kwargs):
        return MagicMock(**kwargs)

    def __get__(self, obj, obj_type=None):
        return self()

    def __set__(self, obj, val):
        self(val)


# -- patch ------------------------------------------------------------------------------------
def _importer(target):
    parts = target.split('.')
    thing = __import__(parts[0])
    done = parts[0]
    for part in parts[1:]:
        done += '.' + part
        try:
            thing = getattr(thing, part)
        except AttributeError:
            __import__(done)
            thing = getattr(thing, part)
    return thing


class _patch:
    def __init__(self, getter, attribute, new, spec, create, spec_set, autospec, new_callable,
                 kwargs):
        if new_callable is not None and new is not DEFAULT:
            raise ValueError("Cannot use 'new' and 'new_callable' together")
        self.getter = getter
        self.attribute = attribute
        self.new = new
        self.new_callable = new_callable
        self.spec = spec
        self.create = create
        self.spec_set = spec_set
        self.kwargs = kwargs
        self.attribute_name = None
        self.is_local = False
        self._active = []

    def copy(self):
        return _patch(self.getter, self.attribute, self.new, self.spec, self.create, self.spec_set,
                      None, self.new_callable, self.kwargs)

    def __call__(self, func):
        if isinstance(func, type):
            for name in dir(func):
                if name.startswith('test'):
                    attr = getattr(func, name)
                    if callable(attr):
                        setattr(func, name, self.copy()(attr))
            return func
        patcher = self

        @functools.wraps(func)
        def patched(*args, **kw):
            with patcher as made:
                if patcher.new is DEFAULT:
                    args = args + (made,)
                return func(*args, **kw)
        return patched

    def __enter__(self):
        target = self.getter()
        original = getattr(target, self.attribute, _missing)
        if original is _missing and not self.create:
            raise AttributeError("%s does not have the attribute %r" % (target, self.attribute))
        local = original is not _missing and (not hasattr(target, '__dict__') or
                                              self.attribute in getattr(target, '__dict__', {}))
        if self.new is DEFAULT:
            factory = self.new_callable or MagicMock
            kw = dict(self.kwargs)
            if self.spec is not None:
                kw['spec'] = original if self.spec is True else self.spec
            if self.spec_set is not None:
                kw['spec_set'] = original if self.spec_set is True else self.spec_set
            new = factory(**kw)
        else:
            new = self.new
        self._active.append((target, original, local))
        setattr(target, self.attribute, new)
        return new

    def __exit__(self, *exc_info):
        target, original, local = self._active.pop()
        if original is _missing or not local:
            try:
                delattr(target, self.attribute)
            except AttributeError:
                pass
            if original is not _missing and not hasattr(target, self.attribute):
                setattr(target, self.attribute, original)
        else:
            setattr(target, self.attribute, original)
        return False

    def start(self):
        result = self.__enter__()
        _patch._started.append(self)
        return result

    def stop(self):
        if self in _patch._started:
            _patch._started.remove(self)
        if not self._active:
            return None
        return self.__exit__(None, None, None)

    _started = []


def _get_target(target):
    try:
        target, attribute = target.rsplit('.', 1)
    except (TypeError, ValueError, AttributeError):
        raise TypeError(f"Need a valid target to patch. You supplied: {target!r}")
    return functools.partial(_importer, target), attribute


def patch(target, new=DEFAULT, spec=None, create=False, spec_set=None, autospec=None,
          new_callable=None, *, unsafe=False, **kwargs):
    """Replace the object named target ("package.module.name") while a function runs or a
    with block lasts; a MagicMock when new is not given (then passed to the function)."""
    getter, attribute = _get_target(target)
    return _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable, kwargs)


def _patch_object(target, attribute, new=DEFAULT, spec=None, create=False, spec_set=None,
                  autospec=None, new_callable=None, *, unsafe=False, **kwargs):
    if isinstance(target, str):
        raise TypeError(f"{target!r} must be the actual object to be patched, not a str")
    return _patch(lambda: target, attribute, new, spec, create, spec_set, autospec, new_callable,
                  kwargs)


class _patch_dict:
    """Set keys of a dictionary (or the dict named by a string) for the duration, then restore it."""

    def __init__(self, in_dict, values=(), clear=False, **kwargs):
        self.in_dict = in_dict
        self.values = dict(values)
        self.values.update(kwargs)
        self.clear = clear
        self._original = None

    def __call__(self, f):
        if isinstance(f, type):
            for name in dir(f):
                if name.startswith('test') and callable(getattr(f, name)):
                    setattr(f, name, _patch_dict(self.in_dict, self.values, self.clear)(getattr(f, name)))
            return f

        @functools.wraps(f)
        def patched(*args, **kw):
            with self:
                return f(*args, **kw)
        return patched

    def __enter__(self):
        d = self.in_dict
        if isinstance(d, str):
            d = self.in_dict = _importer(d)
        self._original = d.copy()
        if self.clear:
            d.clear()
        d.update(self.values)
        return d

    def __exit__(self, *args):
        d = self.in_dict
        d.clear()
        d.update(self._original)
        return False

    start = __enter__

    def stop(self):
        return self.__exit__(None, None, None)


def _patch_stopall():
    for p in reversed(list(_patch._started)):
        p.stop()


patch.object = _patch_object
patch.dict = _patch_dict
patch.stopall = _patch_stopall
patch.TEST_PREFIX = 'test'
