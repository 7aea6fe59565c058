"""selectors: high-level I/O multiplexing over select.poll (PollSelector, the DefaultSelector) and
select.select (SelectSelector).

A selector maps registered file objects to SelectorKey(fileobj, fd, events, data); select() returns
(key, ready events) pairs, the events limited to those the key asked for."""
import math
import select
from collections import namedtuple

__all__ = ['EVENT_READ', 'EVENT_WRITE', 'SelectorKey', 'BaseSelector', 'SelectSelector', 'PollSelector',
           'DefaultSelector']

EVENT_READ = 1 << 0
EVENT_WRITE = 1 << 1

SelectorKey = namedtuple('SelectorKey', ['fileobj', 'fd', 'events', 'data'])
SelectorKey.__doc__ = 'SelectorKey(fileobj, fd, events, data): a registered file object and its events.'


def _fileobj_to_fd(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError('Invalid file object: {!r}'.format(fileobj)) from None
    if fd < 0:
        raise ValueError('Invalid file descriptor: {}'.format(fd))
    return fd


class _SelectorMapping:
    """The read-only mapping get_map() returns: file object (or fd) -> SelectorKey."""

    def __init__(self, selector):
        self._selector = selector

    def __len__(self):
        return len(self._selector._fd_to_key)

    def get(self, fileobj, default=None):
        fd = self._selector._fileobj_lookup(fileobj)
        return self._selector._fd_to_key.get(fd, default)

    def __getitem__(self, fileobj):
        fd = self._selector._fileobj_lookup(fileobj)
        key = self._selector._fd_to_key.get(fd)
        if key is None:
            raise KeyError('{!r} is not registered'.format(fileobj))
        return key

    def __contains__(self, fileobj):
        try:
            self[fileobj]
        except (KeyError, ValueError):
            return False
        return True

    def __iter__(self):
        return iter(self._selector._fd_to_key)

    def keys(self):
        return self._selector._fd_to_key.keys()

    def values(self):
        return self._selector._fd_to_key.values()

    def items(self):
        return self._selector._fd_to_key.items()


class BaseSelector:
    """Keeps the registrations; subclasses implement select() over their system call."""

    def __init__(self):
        self._fd_to_key = {}
        self._map = _SelectorMapping(self)

    def _fileobj_lookup(self, fileobj):
        # a file object already closed (fileno() fails) is still found by identity
        try:
            return _fileobj_to_fd(fileobj)
        except ValueError:
            for key in self._fd_to_key.values():
                if key.fileobj is fileobj:
                    return key.fd
            raise

    def register(self, fileobj, events, data=None):
        if (not events) or (events & ~(EVENT_READ | EVENT_WRITE)):
            raise ValueError('Invalid events: {!r}'.format(events))
        key = SelectorKey(fileobj, self._fileobj_lookup(fileobj), events, data)
        if key.fd in self._fd_to_key:
            raise KeyError('{!r} (FD {}) is already registered'.format(fileobj, key.fd))
        self._fd_to_key[key.fd] = key
        return key

    def unregister(self, fileobj):
        try:
            return self._fd_to_key.pop(self._fileobj_lookup(fileobj))
        except KeyError:
            raise KeyError('{!r} is not registered'.format(fileobj)) from None

    def modify(self, fileobj, events, data=None):
        try:
            key = self._fd_to_key[self._fileobj_lookup(fileobj)]
        except KeyError:
            raise KeyError('{!r} is not registered'.format(fileobj)) from None
        if events != key.events:
            self.unregister(fileobj)
            key = self.register(fileobj, events, data)
        elif data != key.data:
            key = key._replace(data=data)
            self._fd_to_key[key.fd] = key
        return key

    def select(self, timeout=None):
        raise NotImplementedError

    def close(self):
        self._fd_to_key.clear()
        self._map = None

    def get_key(self, fileobj):
        mapping = self.get_map()
        if mapping is None:
            raise RuntimeError('Selector is closed')
        try:
            return mapping[fileobj]
        except KeyError:
            raise KeyError('{!r} is not registered'.format(fileobj)) from None

    def get_map(self):
        return self._map

    def _key_from_fd(self, fd):
        return self._fd_to_key.get(fd)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class SelectSelector(BaseSelector):
    """Selector over select.select()."""

    def select(self, timeout=None):
        timeout = None if timeout is None else max(timeout, 0)
        readers = [k.fd for k in self._fd_to_key.values() if k.events & EVENT_READ]
        writers = [k.fd for k in self._fd_to_key.values() if k.events & EVENT_WRITE]
        r, w, _ = select.select(readers, writers, [], timeout)
        r, w = set(r), set(w)
        ready = []
        for fd in sorted(r | w):
            key = self._key_from_fd(fd)
            if key:
                events = (EVENT_READ if fd in r else 0) | (EVENT_WRITE if fd in w else 0)
                ready.append((key, events & key.events))
        return ready


class PollSelector(BaseSelector):
    """Selector over select.poll()."""

    def __init__(self):
        super().__init__()
        self._poll = select.poll()

    def register(self, fileobj, events, data=None):
        key = super().register(fileobj, events, data)
        self._poll.register(key.fd, self._poll_mask(events))
        return key

    def unregister(self, fileobj):
        key = super().unregister(fileobj)
        try:
            self._poll.unregister(key.fd)
        except OSError:
            pass
        return key

    def modify(self, fileobj, events, data=None):
        try:
            key = self._fd_to_key[self._fileobj_lookup(fileobj)]
        except KeyError:
            raise KeyError('{!r} is not registered'.format(fileobj)) from None
        if events != key.events:
            if (not events) or (events & ~(EVENT_READ | EVENT_WRITE)):
                raise ValueError('Invalid events: {!r}'.format(events))
            self._poll.modify(key.fd, self._poll_mask(events))
        key = key._replace(events=events, data=data)
        self._fd_to_key[key.fd] = key
        return key

    @staticmethod
    def _poll_mask(events):
        mask = 0
        if events & EVENT_READ:
            mask |= select.POLLIN
        if events & EVENT_WRITE:
            mask |= select.POLLOUT
        return mask

    def select(self, timeout=None):
        if timeout is None:
            ms = None
        elif timeout <= 0:
            ms = 0
        else:
            ms = math.ceil(timeout * 1e3)
        ready = []
        for fd, revents in self._poll.poll(ms):
            key = self._key_from_fd(fd)
            if key is None:
                continue
            events = 0
            # a hang-up or error wakes both a reader and a writer: either one's next call reports it
            if revents & ~select.POLLOUT:
                events |= EVENT_READ
            if revents & ~select.POLLIN:
                events |= EVENT_WRITE
            ready.append((key, events & key.events))
        return ready

    def close(self):
        super().close()
        self._poll = None


DefaultSelector = PollSelector
