"""select: wait for I/O readiness on file descriptors (select() and poll objects).

The system calls are in the C module _select (stdlib/selectmodule.c), which works on descriptor
numbers; this layer accepts ints or objects with a fileno() method, as CPython's select does, and
gives back the objects it was given. An interrupted call runs the signal handlers and resumes with
the time left (PEP 475)."""
import _select
from _select import (POLLIN, POLLPRI, POLLOUT, POLLERR, POLLHUP, POLLNVAL, POLLRDNORM, POLLRDBAND,
                     POLLWRNORM, POLLWRBAND, POLLMSG, POLLRDHUP, PIPE_BUF)

error = OSError


def _fd_of(obj):
    if isinstance(obj, int):
        fd = obj
    else:
        try:
            meth = obj.fileno
        except AttributeError:
            raise TypeError('argument must be an int, or have a fileno() method.') from None
        fd = meth()
        if not isinstance(fd, int):
            raise TypeError('fileno() returned a non-integer')
    if fd < 0:
        raise ValueError('file descriptor cannot be a negative integer (%d)' % fd)
    return fd


def _timeout_seconds(timeout):
    if timeout is None:
        return None
    if not isinstance(timeout, (int, float)):
        raise TypeError('timeout must be a float or None')
    if timeout < 0:
        raise ValueError('timeout must be non-negative')
    return timeout


def select(rlist, wlist, xlist, timeout=None, /):
    """Wait until one or more of the objects in the three sequences is ready for reading, writing or
    has an exceptional condition; return the three lists of the ready ones."""
    timeout = _timeout_seconds(timeout)
    objs = []
    fds = []
    for seq in (rlist, wlist, xlist):
        try:
            items = list(seq)
        except TypeError:
            raise TypeError('arguments 1-3 must be sequences') from None
        objs.append(items)
        fds.append([_fd_of(o) for o in items])
    ready = _select.select(fds[0], fds[1], fds[2], timeout)
    out = []
    for items, fdl, ready_fds in zip(objs, fds, ready):
        ready_set = set(ready_fds)
        out.append([o for o, fd in zip(items, fdl) if fd in ready_set])
    return out[0], out[1], out[2]


class poll:
    """A set of descriptors to poll(2), each with the events it waits for."""

    def __init__(self):
        self._events = {}

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT, /):
        self._events[_fd_of(fd)] = eventmask & 0xffff

    def modify(self, fd, eventmask, /):
        fd = _fd_of(fd)
        if fd not in self._events:
            raise FileNotFoundError(2, 'No such file or directory')
        self._events[fd] = eventmask & 0xffff

    def unregister(self, fd, /):
        fd = _fd_of(fd)
        if fd not in self._events:
            raise KeyError(fd)
        del self._events[fd]

    def poll(self, timeout=None, /):
        """[(fd, events), ...] of the descriptors that are ready; timeout in milliseconds (None or
        negative: wait for ever)."""
        if timeout is None:
            ms = -1
        elif isinstance(timeout, (int, float)):
            if timeout < 0:
                ms = -1
            else:
                ms = int(timeout)
                if ms < timeout:  # round up: never return before the time asked for
                    ms += 1
        else:
            raise TypeError('timeout must be an integer or None')
        fds = list(self._events)
        return _select.poll(fds, [self._events[fd] for fd in fds], ms)
