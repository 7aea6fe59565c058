"""threading: the thread API on a VM with a single thread.

Krait has no OS threads.  Everything that does not need a second thread works as in CPython: Lock, RLock,
Condition, Semaphore, BoundedSemaphore, Event, Barrier (a barrier of one party), local, Thread objects
(name, daemon, ident, is_alive, run), Timer, current_thread/main_thread/get_ident/get_native_id/
active_count/enumerate.  Thread.start() raises RuntimeError("can't start new thread"), as CPython does
on platforms without threads.  A wait that only another thread could end (acquiring a held lock,
Condition.wait, Event.wait on an unset event, a full Barrier) returns False after its timeout, or
raises RuntimeError when it has no timeout instead of blocking forever.
"""

import os as _os
import sys as _sys
import _thread
from time import monotonic as _time
from _thread import (get_ident, get_native_id, TIMEOUT_MAX, _wait_in_vain, stack_size)

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate', 'main_thread',
           'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread', 'Barrier',
           'BrokenBarrierError', 'Timer', 'ThreadError', 'ExceptHookArgs', 'setprofile', 'settrace',
           'local', 'stack_size', 'excepthook', 'get_native_id', 'getprofile', 'gettrace',
           'setprofile_all_threads', 'settrace_all_threads']

ThreadError = _thread.error
Lock = _thread.allocate_lock
_CRLock = _thread.RLock
local = _thread._local
local.__name__ = local.__qualname__ = "_local"


def RLock(*args, **kwargs):
    return _thread.RLock(*args, **kwargs)


_trace_hook = None
_profile_hook = None


def settrace(func):
    global _trace_hook
    _trace_hook = func


def settrace_all_threads(func):
    settrace(func)


def gettrace():
    return _trace_hook


def setprofile(func):
    global _profile_hook
    _profile_hook = func


def setprofile_all_threads(func):
    setprofile(func)


def getprofile():
    return _profile_hook


class Condition:
    """A condition variable over a lock (an RLock by default)."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = 0

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, self._waiters)

    def _is_owned(self):
        owned = getattr(self._lock, "_is_owned", None)
        if owned is not None:
            return owned()
        # A plain lock: owned if it cannot be taken now.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        # No other thread can notify: the wait times out (or would never end).
        return _wait_in_vain(True, -1 if timeout is None else max(timeout, 0), "Condition.wait()")

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        self.wait(timeout)
        return predicate()

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")

    def notify_all(self):
        self.notify(0)

    notifyAll = notify_all


class Semaphore:
    """A counter that acquire() decrements (waiting while it is zero) and release() increments."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if self._value > 0:
            self._value -= 1
            return True
        return _wait_in_vain(blocking, timeout, "Semaphore.acquire()")

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        self._value += n

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore whose value may not rise above its initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: "
                f"value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        self._value += n


class Event:
    """A flag that set() raises, clear() lowers and wait() waits for."""

    def __init__(self):
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        return _wait_in_vain(True, -1 if timeout is None else max(timeout, 0), "Event.wait()")


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Releases its parties together once `parties` threads wait(); with one thread only a barrier of one
    party can complete."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._broken = False

    def __repr__(self):
        cls = self.__class__
        if self._broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: waiters=0/{self._parties}>")

    def wait(self, timeout=None):
        if self._broken:
            raise BrokenBarrierError
        if self._parties == 1:
            if self._action is not None:
                try:
                    self._action()
                except:
                    self._broken = True
                    raise
            return 0
        if timeout is None:
            timeout = self._timeout
        if timeout is None:
            _wait_in_vain(True, -1, "Barrier.wait()")
        _wait_in_vain(True, max(timeout, 0), "Barrier.wait()")
        self._broken = True
        raise BrokenBarrierError

    def reset(self):
        self._broken = False

    def abort(self):
        self._broken = True

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return 0

    @property
    def broken(self):
        return self._broken


_counter = 0


def _newname(name_template="Thread-%d"):
    global _counter
    _counter += 1
    return name_template % _counter


class Thread:
    """A thread of control; on Krait it can be described and run() directly, but not started."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._native_id = None
        self._started = False
        self._is_stopped = False
        self._initialized = True
        self._stderr = _sys.stderr

    def _check_init(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")

    def _assert_init(self):
        assert self._initialized, "Thread.__init__() not called"

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started:
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        self._check_init()
        if self._started:
            raise RuntimeError("threads can only be started once")
        _thread.start_new_thread(self.run, ())

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        self._check_init()
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")

    @property
    def name(self):
        self._assert_init()
        return self._name

    @name.setter
    def name(self, name):
        self._assert_init()
        self._name = str(name)

    @property
    def ident(self):
        self._assert_init()
        return self._ident

    @property
    def native_id(self):
        self._assert_init()
        return self._native_id

    def is_alive(self):
        self._assert_init()
        return self._started and not self._is_stopped

    @property
    def daemon(self):
        self._assert_init()
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        self._assert_init()
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started = True
        self._ident = get_ident()
        self._native_id = get_native_id()


_main_thread = None


class Timer(Thread):
    """Call a function after a number of seconds (once started, which Krait cannot do)."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


def current_thread():
    return _main_thread


currentThread = current_thread


def main_thread():
    return _main_thread


def active_count():
    return 1


activeCount = active_count


def enumerate():
    return [_main_thread]


def _shutdown():
    pass


from collections import namedtuple as _namedtuple
ExceptHookArgs = _namedtuple('ExceptHookArgs', 'exc_type exc_value exc_traceback thread')
del _namedtuple


def excepthook(args, /):
    if args.exc_type == SystemExit:
        return
    stderr = _sys.stderr
    name = args.thread.name if args.thread is not None else get_ident()
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    import traceback
    traceback.print_exception(args.exc_type, args.exc_value, args.exc_traceback, file=stderr)
    stderr.flush()


__excepthook__ = excepthook

# The main thread object: built without a Thread-N name (the counter starts at 1 for user threads).
_main_thread = object.__new__(_MainThread)
_main_thread._daemonic = False
_MainThread.__init__(_main_thread)
