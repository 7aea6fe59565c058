"""_weakrefset: WeakSet, and the deferred-removal machinery shared with weakref's dictionaries.

Written for Krait from the documented behaviour of CPython 3.13's module of the same name.

Why removals are deferred: a weak container holds references whose callbacks delete the dead entry.
Krait runs those callbacks at the next collection, and a collection can happen at any allocation,
so a callback may fire while a generator of the same container is suspended in the middle of a
walk over its underlying set or dict. Deleting then would make that walk fail ("changed size during
iteration"). So every container keeps a count of the walks in progress; while it is non-zero, the
callback only queues the dead reference, and the last walk to finish applies the queue.

Invariants of a container c (an instance of a _WeakContainer subclass):
  - c._walks is the number of started, unfinished generators walking c.data;
  - every reference in c._dead is dead, and its entry is either still in c.data or has since been
    deleted explicitly (applying it twice is harmless: _drop tolerates a missing entry);
  - c._dead is only non-empty while c._walks > 0, or until the next mutating call applies it.
"""
from _weakref import ref

__all__ = ["WeakSet"]

_GenericAlias = type(list[int])  # types.GenericAlias without importing types


def _make_callback(container):
    """The callback given to every reference the container makes. It holds the container weakly,
    so entries never keep their container alive."""
    container_ref = ref(container)

    def entry_died(wr):
        c = container_ref()
        if c is None:
            return
        if c._walks:
            c._dead.append(wr)
        else:
            c._drop(wr)

    return entry_died


class _WeakContainer:
    """Base of WeakSet, WeakValueDictionary and WeakKeyDictionary: the walk count, the queue of dead
    references and the operations on them. A subclass defines _drop(wr) (remove wr's entry from
    self.data if it is still there) and _live_count() (entries whose referents are alive)."""

    __slots__ = ()

    def _init_container(self, data):
        self.data = data
        self._dead = []
        self._walks = 0
        self._callback = _make_callback(self)

    def _walk_ended(self):
        # called from the finally of every walking generator (also when it is closed unfinished)
        self._walks -= 1
        if not self._walks and self._dead:
            self._apply_dead()

    def _apply_dead(self):
        dead = self._dead
        while dead:
            self._drop(dead.pop())

    def _tidy(self):
        # before a mutation or a size question: apply queued removals if no walk is in progress
        if self._dead and not self._walks:
            self._apply_dead()

    def __len__(self):
        if self._dead:
            if self._walks:
                # the queued entries are still in data (a walk is pending); count the live ones
                return self._live_count()
            self._apply_dead()
        return len(self.data)

    def _extra_state(self):
        # a subclass's own instance attributes, for __reduce__ (not the container's machinery)
        state = {k: v for k, v in getattr(self, "__dict__", {}).items()
                 if k not in ("data", "_dead", "_walks", "_callback")}
        return state or None


class WeakSet(_WeakContainer):
    """A set whose elements are held through weak references: an element leaves the set when it is
    no longer referenced elsewhere."""

    def __init__(self, data=None):
        self._init_container(set())
        if data is not None:
            self.update(data)

    def _drop(self, wr):
        self.data.discard(wr)

    def _live_count(self):
        n = 0
        for wr in self.data:
            if wr() is not None:
                n += 1
        return n

    def __iter__(self):
        self._walks += 1
        try:
            for wr in self.data:
                item = wr()
                if item is not None:
                    yield item
        finally:
            self._walk_ended()

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:  # not weakly referenceable: cannot be an element
            return False
        return wr in self.data

    def __reduce__(self):
        return (self.__class__, (list(self),), self._extra_state())

    def __repr__(self):
        return repr(self.data)

    __class_getitem__ = classmethod(_GenericAlias)

    # ---- single elements
    def add(self, item):
        if self._dead and not self._walks:  # _tidy(), inline on the hottest path
            self._apply_dead()
        self.data.add(ref(item, self._callback))

    def discard(self, item):
        self._tidy()
        self.data.discard(ref(item))

    def remove(self, item):
        self._tidy()
        self.data.remove(ref(item))

    def pop(self):
        self._tidy()
        data = self.data
        while True:
            try:
                wr = data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            item = wr()
            if item is not None:
                return item

    def clear(self):
        self._tidy()
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    # ---- in-place operations; the others build a copy and apply these to it
    def update(self, other):
        self._tidy()
        callback = self._callback
        add = self.data.add
        for item in other:
            add(ref(item, callback))

    def __ior__(self, other):
        self.update(other)
        return self

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        self._tidy()
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update([ref(item) for item in other])
        return self

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        self._tidy()
        self.data.intersection_update([ref(item) for item in other])
        return self

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        self._tidy()
        if self is other:
            self.data.clear()
        else:
            callback = self._callback
            self.data.symmetric_difference_update([ref(item, callback) for item in other])
        return self

    def union(self, other):
        result = self.copy()
        result.update(other)
        return result

    __or__ = union

    def difference(self, other):
        result = self.copy()
        result.difference_update(other)
        return result

    __sub__ = difference

    def intersection(self, other):
        return self.__class__([item for item in other if item in self])

    __and__ = intersection

    def symmetric_difference(self, other):
        result = self.copy()
        result.symmetric_difference_update(other)
        return result

    __xor__ = symmetric_difference

    # ---- comparisons, made on the sets of references (a live reference equals another to the
    # same object, so these compare the elements)
    def issubset(self, other):
        return self.data.issubset([ref(item) for item in other])

    __le__ = issubset

    def __lt__(self, other):
        return self.data < {ref(item) for item in other}

    def issuperset(self, other):
        return self.data.issuperset([ref(item) for item in other])

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > {ref(item) for item in other}

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == {ref(item) for item in other}

    __hash__ = None

    def isdisjoint(self, other):
        for item in other:
            if item in self:
                return False
        return True

