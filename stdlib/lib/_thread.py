"""_thread: the low-level thread primitives, for a VM without OS threads.

Krait runs one thread.  Locks work (acquire/release/locked, timeouts), the thread identity functions
describe the one main thread, and start_new_thread raises RuntimeError("can't start new thread") as
CPython does on a platform without threads.  Waiting on a lock that only another thread could release
cannot end: a blocking acquire without a timeout raises RuntimeError instead of hanging forever, and
an acquire with a timeout sleeps for that time and fails.
"""

import time as _time
import os as _os

error = RuntimeError
TIMEOUT_MAX = 9223372036.0
_MAIN_IDENT = _os.getpid() or 1   # a stable, non-zero identity for the one thread


def get_ident():
    return _MAIN_IDENT


def get_native_id():
    return _os.getpid()


def _count():
    return 0


def stack_size(size=0):
    if size != 0 and size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    return 0


def start_new_thread(function, args, kwargs=None):
    if not isinstance(args, tuple):
        raise TypeError("2nd arg must be a tuple")
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError("optional 3rd arg must be a dictionary")
    raise RuntimeError("can't start new thread")


start_new = start_new_thread


def interrupt_main(signum=2):
    raise KeyboardInterrupt


def _check_timeout(blocking, timeout):
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be a non-negative number")
    if timeout > TIMEOUT_MAX:
        raise OverflowError("timeout value is too large")


def _wait_in_vain(blocking, timeout, what):
    """The outcome of waiting for a state only another thread could bring: False at once when not
    blocking, False after sleeping `timeout` seconds, else RuntimeError (the wait would never end)."""
    if not blocking:
        return False
    if timeout is not None and timeout != -1:
        if timeout > 0:
            _time.sleep(timeout)
        return False
    raise RuntimeError(f"deadlock: {what} would wait forever (Krait has no other thread)")


class LockType:
    """A non-reentrant lock: acquire() when unlocked takes it; release() frees it."""
    __slots__ = ("_locked", "__weakref__")

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        if not self._locked:
            self._locked = True
            return True
        return _wait_in_vain(blocking, timeout, "acquiring a held lock")

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    def locked(self):
        return self._locked

    def _at_fork_reinit(self):
        self._locked = False

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_thread.lock' object")

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


LockType.__name__ = LockType.__qualname__ = "lock"
lock = LockType
allocate_lock = allocate = LockType


class RLock:
    """A reentrant lock: the owning thread may acquire it again; it is free after as many releases."""
    __slots__ = ("_owner", "_count", "__weakref__")

    def __init__(self):
        self._owner = 0
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        me = get_ident()
        if self._count == 0 or self._owner == me:
            self._owner = me
            self._count += 1
            return True
        return _wait_in_vain(blocking, timeout, "acquiring an RLock held by another thread")

    def release(self):
        if self._count == 0 or self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = 0

    def locked(self):
        return self._count > 0

    def _is_owned(self):
        return self._count > 0 and self._owner == get_ident()

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = 0
        return state

    def _acquire_restore(self, state):
        self._count, self._owner = state

    def _at_fork_reinit(self):
        self._owner = 0
        self._count = 0

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_thread.RLock' object")

    def __repr__(self):
        state = "locked" if self._count else "unlocked"
        return (f"<{state} _thread.RLock object owner={self._owner} count={self._count} "
                f"at {id(self):#x}>")


class _local:
    """Thread-local data: with a single thread, an object with its own attribute namespace."""

    def __new__(cls, /, *args, **kw):
        if (args or kw) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        return object.__new__(cls)
