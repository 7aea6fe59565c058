"""copyreg: the helpers of the reduce protocol used by copy (and pickle-style serialisers).

object.__reduce_ex__ (vm/type.c) builds its results from __newobj__, __newobj_ex__ and _slotnames here,
as CPython's does.
"""

__all__ = ["pickle", "constructor", "add_extension", "remove_extension", "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    """complex pickles by its parts (it has no reduction of its own below protocol 2)."""
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def _is_builtin_type(cls):
    # A class made by a class statement or type() always has __module__ in its own namespace; the
    # types implemented in C (int, list, deque, ...) do not.  (CPython tests its non-heap-type flag.)
    return '__module__' not in cls.__dict__


def _reduce_ex(self, proto):
    """The protocol 0 and 1 reduction of an object whose class has no __reduce__ of its own: rebuilt by
    _reconstructor from its class, its nearest builtin base (object, int, tuple, ...) and that base's
    value of the object, then its __getstate__() state."""
    cls = self.__class__
    base = object
    for klass in cls.__mro__:
        if _is_builtin_type(klass):
            base = klass
            break
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        state = base(self)
    args = (cls, base, state)
    try:
        getstate = self.__getstate__
    except AttributeError:
        if getattr(self, "__slots__", None):
            raise TypeError(f"cannot pickle {cls.__name__!r} object: a class that defines __slots__ "
                            "without defining __getstate__ cannot be pickled") from None
        try:
            value = self.__dict__
        except AttributeError:
            value = None
    else:
        if type(self).__getstate__ is object.__getstate__ and getattr(self, "__slots__", None):
            raise TypeError("a class that defines __slots__ without defining __getstate__ cannot be "
                            "pickled")
        value = getstate()
    if value:
        return _reconstructor, args, value
    return _reconstructor, args


def _slotnames(cls):
    """The names of the __slots__ of cls and its bases (private names mangled), cached in
    cls.__slotnames__ when the class allows it."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if hasattr(cls, "__slots__"):
        for c in cls.__mro__:
            if "__slots__" not in c.__dict__:
                continue
            slots = c.__dict__["__slots__"]
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                if name.startswith("__") and not name.endswith("__"):
                    stripped = c.__name__.lstrip("_")
                    names.append(f"_{stripped}{name}" if stripped else name)
                else:
                    names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass  # a class that does not take attributes: recomputed next time
    return names


# The extension registry of pickle's EXT opcodes: kept so that code registering codes works.
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if _extension_registry.get(key) == code and _inverted_registry.get(code) == key:
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s" % (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s" % (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    key = (module, name)
    if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
        raise ValueError("key %s is not registered with code %s" % (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    _extension_cache.pop(code, None)


def clear_extension_cache():
    _extension_cache.clear()
