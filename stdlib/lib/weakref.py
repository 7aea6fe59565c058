"""weakref: weak references and the containers built on them.

Written for Krait from the documented API and the observed behaviour of CPython 3.13's module.
The reference and proxy types come from _weakref (vm/weakref.c); this module adds
WeakValueDictionary, WeakKeyDictionary (WeakSet comes from _weakrefset), KeyedRef, WeakMethod and
finalize.

Krait runs weak reference callbacks at the next collection, not the moment the referent dies, and
possibly while one of the containers is being walked: the containers share _weakrefset's
_WeakContainer, which queues removals until no walk is in progress (see its docstring for the
invariants). The dictionaries are MutableMappings for isinstance/issubclass, registered with
collections.abc when both modules are loaded, so that importing weakref does not import it.
"""
import sys

from _weakref import (
    getweakrefcount,
    getweakrefs,
    ref,
    proxy,
    CallableProxyType,
    ProxyType,
    ReferenceType,
    _remove_dead_weakref,
)
from _weakrefset import WeakSet, _WeakContainer, _GenericAlias

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary", "ReferenceType",
           "ProxyType", "CallableProxyType", "ProxyTypes", "WeakValueDictionary", "WeakSet",
           "WeakMethod", "finalize"]


class WeakMethod(ref):
    """A weak reference to a bound method: calling it gives back an equivalent bound method while
    both the object and the function are alive, None afterwards. The callback (if any) runs once,
    when the first of the two dies."""

    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None

        def part_died(_wr):
            self = self_ref()
            if self is not None and self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)

        self = ref.__new__(cls, obj, part_died)
        self._func_ref = ref(func, part_died)
        self._meth_type = type(meth)
        self._alive = True
        self_ref = ref(self)
        return self

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self._alive and other._alive:
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return self is other

    def __ne__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self._alive and other._alive:
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return self is not other

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A weak reference that also carries a key: WeakValueDictionary's callbacks use it to find
    the entry to remove."""

    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


def _is_mapping(obj):
    # collections.abc.Mapping's test, without importing collections.abc: if it is not loaded, no
    # class can have registered with it, so the concrete mappings are all there is to accept
    if isinstance(obj, (dict, WeakValueDictionary, WeakKeyDictionary)):
        return True
    abc = sys.modules.get("collections.abc")
    return abc is not None and isinstance(obj, abc.Mapping)


class _WeakMapping(_WeakContainer):
    """What the two dictionaries share: the Mapping/MutableMapping methods written in terms of
    the subclass's item access, walks and popitem."""

    __slots__ = ()
    __reversed__ = None  # as Mapping: the sequence protocol does not apply
    __class_getitem__ = classmethod(_GenericAlias)  # subscriptable as the Mapping ABCs are

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None

    def __iter__(self):
        return self.keys()

    def __copy__(self):
        return self.copy()

    def clear(self):
        self.data.clear()
        del self._dead[:]

    def update(self, other=None, /, **kwargs):
        self._tidy()
        if other is not None:
            if hasattr(other, "items"):
                pairs = other.items()
            elif hasattr(other, "keys"):
                pairs = [(k, other[k]) for k in other.keys()]
            else:
                pairs = other
            for key, value in pairs:
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        result = self.__class__()
        result.update(other)
        result.update(self)
        return result


class WeakValueDictionary(_WeakMapping):
    """A mapping whose values are held through weak references: an entry disappears when its
    value is no longer referenced elsewhere. data maps each key to a KeyedRef to its value."""

    def __init__(self, other=(), /, **kwargs):
        self._init_container({})
        self.update(other, **kwargs)

    def _drop(self, wr):
        # only if the entry still holds a dead reference: the key may have been given a new value
        _remove_dead_weakref(self.data, wr.key)

    def _live_count(self):
        n = 0
        for wr in self.data.values():
            if wr() is not None:
                n += 1
        return n

    def __getitem__(self, key):
        value = self.data[key]()
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        if self._dead and not self._walks:  # _tidy(), inline on the hottest path
            self._apply_dead()
        self.data[key] = KeyedRef(value, self._callback, key)

    def __delitem__(self, key):
        self._tidy()
        del self.data[key]

    def __contains__(self, key):
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def get(self, key, default=None):
        wr = self.data.get(key)
        if wr is None:
            return default
        value = wr()
        return default if value is None else value

    def setdefault(self, key, default=None):
        wr = self.data.get(key)
        value = None if wr is None else wr()
        if value is None:
            self._tidy()
            self.data[key] = KeyedRef(default, self._callback, key)
            return default
        return value

    def pop(self, key, *default):
        if len(default) > 1:
            raise TypeError("pop expected at most 2 arguments, got %d" % (1 + len(default)))
        self._tidy()
        wr = self.data.pop(key, None)
        value = None if wr is None else wr()
        if value is None:
            if default:
                return default[0]
            raise KeyError(key)
        return value

    def popitem(self):
        self._tidy()
        while True:
            key, wr = self.data.popitem()
            value = wr()
            if value is not None:
                return key, value

    def copy(self):
        # a plain WeakValueDictionary even for a subclass, as CPython (deepcopy and the reflected
        # | keep the subclass)
        result = WeakValueDictionary()
        self._walks += 1
        try:
            for key, wr in self.data.items():
                value = wr()
                if value is not None:
                    result[key] = value
        finally:
            self._walk_ended()
        return result

    def __deepcopy__(self, memo):
        from copy import deepcopy
        result = self.__class__()
        self._walks += 1
        try:
            for key, wr in self.data.items():
                value = wr()
                if value is not None:
                    result[deepcopy(key, memo)] = value
        finally:
            self._walk_ended()
        return result

    # ---- walks: generators, as in CPython (not views)
    def keys(self):
        self._walks += 1
        try:
            for key, wr in self.data.items():
                if wr() is not None:
                    yield key
        finally:
            self._walk_ended()

    def values(self):
        self._walks += 1
        try:
            for wr in self.data.values():
                value = wr()
                if value is not None:
                    yield value
        finally:
            self._walk_ended()

    def items(self):
        self._walks += 1
        try:
            for key, wr in self.data.items():
                value = wr()
                if value is not None:
                    yield key, value
        finally:
            self._walk_ended()

    def itervaluerefs(self):
        """The KeyedRefs of the values, as a generator; a reference may die during the walk."""
        self._walks += 1
        try:
            yield from self.data.values()
        finally:
            self._walk_ended()

    def valuerefs(self):
        """A list of the KeyedRefs of the values; a reference may be dead by the time it is used."""
        return list(self.data.values())


class WeakKeyDictionary(_WeakMapping):
    """A mapping whose keys are held through weak references: an entry disappears when its key is
    no longer referenced elsewhere. data maps a weak reference to each key to its value (a live
    reference hashes and compares as its referent)."""

    def __init__(self, dict=None):
        self._init_container({})
        if dict is not None:
            self.update(dict)

    def _drop(self, wr):
        # a dead reference compares by identity: this removes exactly its own entry, if still there
        self.data.pop(wr, None)

    def _live_count(self):
        n = 0
        for wr in self.data:
            if wr() is not None:
                n += 1
        return n

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        if self._dead and not self._walks:  # _tidy(), inline on the hottest path
            self._apply_dead()
        self.data[ref(key, self._callback)] = value

    def __delitem__(self, key):
        self._tidy()
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:  # not weakly referenceable: cannot be a key
            return False
        return wr in self.data

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def setdefault(self, key, default=None):
        self._tidy()
        return self.data.setdefault(ref(key, self._callback), default)

    def pop(self, key, *default):
        self._tidy()
        return self.data.pop(ref(key), *default)

    def popitem(self):
        self._tidy()
        while True:
            wr, value = self.data.popitem()
            key = wr()
            if key is not None:
                return key, value

    def copy(self):
        result = WeakKeyDictionary()  # not the subclass: see WeakValueDictionary.copy
        self._walks += 1
        try:
            for wr, value in self.data.items():
                key = wr()
                if key is not None:
                    result[key] = value
        finally:
            self._walk_ended()
        return result

    def __deepcopy__(self, memo):
        from copy import deepcopy
        result = self.__class__()
        self._walks += 1
        try:
            for wr, value in self.data.items():
                key = wr()
                if key is not None:
                    result[key] = deepcopy(value, memo)
        finally:
            self._walk_ended()
        return result

    def keys(self):
        self._walks += 1
        try:
            for wr in self.data:
                key = wr()
                if key is not None:
                    yield key
        finally:
            self._walk_ended()

    def values(self):
        self._walks += 1
        try:
            for wr, value in self.data.items():
                if wr() is not None:
                    yield value
        finally:
            self._walk_ended()

    def items(self):
        self._walks += 1
        try:
            for wr, value in self.data.items():
                key = wr()
                if key is not None:
                    yield key, value
        finally:
            self._walk_ended()

    def keyrefs(self):
        """A list of the weak references to the keys; one may be dead by the time it is used."""
        return list(self.data)


class finalize:
    """finalize(obj, func, /, *args, **kwargs): call func(*args, **kwargs) once, when obj dies, when
    the finalizer is called, or at exit (if its atexit attribute is still true; the pending ones
    run newest first). A finalizer is alive until one of these happens or detach() is called.

    The per-finalizer state lives in the class's registry (finalizer -> _Entry), not on the
    instance: an entry present means alive, and taking it out of the registry is what makes a
    call happen at most once."""

    __slots__ = ()

    _registry = {}
    _created = 0            # creation counter: orders the exit calls, tells _run_at_exit of new ones
    _exit_hooked = False
    _shutdown = False       # after the exit pass, finalizers no longer call their function

    class _Entry:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "order")

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._exit_hooked:
            import atexit
            atexit.register(finalize._run_at_exit)
            finalize._exit_hooked = True
        entry = finalize._Entry()
        entry.weakref = ref(obj, self)
        entry.func = func
        entry.args = args
        entry.kwargs = kwargs or None
        entry.atexit = True
        finalize._created += 1
        entry.order = finalize._created
        finalize._registry[self] = entry

    def __call__(self, _=None):
        """Call the function now if the finalizer is alive (once); returns its result, else None."""
        entry = finalize._registry.pop(self, None)
        if entry is not None and not finalize._shutdown:
            return entry.func(*entry.args, **(entry.kwargs or {}))
        return None

    def _pending_call(self):
        # (obj, func, args, kwargs) while alive with its object alive, else None
        entry = finalize._registry.get(self)
        if entry is None:
            return None
        obj = entry.weakref()
        if obj is None:
            return None
        return (obj, entry.func, entry.args, entry.kwargs or {})

    def detach(self):
        """Kill the finalizer without calling it; returns (obj, func, args, kwargs) if it was
        alive, else None."""
        call = self._pending_call()
        if call is not None:
            del finalize._registry[self]
        return call

    def peek(self):
        """(obj, func, args, kwargs) if alive, else None; the finalizer stays alive."""
        return self._pending_call()

    @property
    def alive(self):
        return self in finalize._registry

    @property
    def atexit(self):
        entry = finalize._registry.get(self)
        return entry is not None and entry.atexit

    @atexit.setter
    def atexit(self, value):
        entry = finalize._registry.get(self)
        if entry is not None:
            entry.atexit = bool(value)

    def __repr__(self):
        entry = finalize._registry.get(self)
        obj = None if entry is None else entry.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (type(self).__name__, id(self),
                                                      type(obj).__name__, id(obj))

    @classmethod
    def _run_at_exit(cls):
        # Call every live finalizer whose atexit flag is set, newest first. A finalizer may create
        # others (they run too) or kill some; collections are held off so that no callback runs a
        # finalizer concurrently with this pass.
        import gc
        gc_was_on = gc.isenabled()
        gc.disable()
        try:
            seen = -1
            queue = []
            while True:
                if seen != finalize._created:
                    seen = finalize._created
                    queue = sorted((e.order, f) for f, e in finalize._registry.items() if e.atexit)
                if not queue:
                    break
                f = queue.pop()[1]
                entry = finalize._registry.get(f)
                if entry is None or not entry.atexit:
                    continue
                try:
                    f()
                except Exception:
                    sys.excepthook(*sys.exc_info())
        finally:
            finalize._shutdown = True
            if gc_was_on:
                gc.enable()


def _register_abc():
    # see the module docstring: registration happens in whichever of this module and
    # collections.abc is imported second
    abc = sys.modules.get("collections.abc")
    if abc is not None and hasattr(abc, "_register_weak_containers"):
        abc._register_weak_containers()


_register_abc()
