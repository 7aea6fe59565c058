"""os: operating system interfaces (the portable subset Krait provides on POSIX).

The system calls live in the C module posix (stdlib/os.c); this module adds the Python layer:
stat_result, environ (kept in step with the process environment), scandir's DirEntry, walk, makedirs,
PathLike and the path constants."""
import sys
from posix import *
from posix import environ as _raw_environ, stat as _stat_tuple, lstat as _lstat_tuple, fstat as _fstat_tuple
from posix import statvfs as _statvfs_tuple, get_terminal_size as _get_terminal_size
from _posixproc import (waitpid, kill, killpg, pipe, dup2, get_blocking, set_blocking, get_inheritable,
                        set_inheritable, getpgrp, getpgid, setsid, waitstatus_to_exitcode, WIFEXITED, WEXITSTATUS,
                        WIFSIGNALED, WTERMSIG, WIFSTOPPED, WSTOPSIG, WCOREDUMP, WIFCONTINUED, WNOHANG, WUNTRACED,
                        WCONTINUED)
import posixpath as path

sys.modules['os.path'] = path

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
devnull = '/dev/null'
defpath = '/bin:/usr/bin'
supports_follow_symlinks = set()
supports_dir_fd = set()
supports_fd = set()

error = OSError

_STAT_NAMES = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
               'st_atime', 'st_mtime', 'st_ctime')


def _ns_to_float(ns):
    return ns // 1000000000 + (ns % 1000000000) * 1e-9


class stat_result(tuple):
    """The result of os.stat(): as a sequence, the ten classic fields (times as whole seconds, as
    CPython's); as attributes, those plus float times, exact *_ns times, st_blksize, st_blocks, st_rdev.
    Invariant: _raw is posix.stat's 13-tuple (see stdlib/os.c) or the 10 values a caller gave."""
    n_sequence_fields = 10
    n_unnamed_fields = 3
    n_fields = 16

    def __new__(cls, values):
        values = tuple(values)
        if len(values) == 13:
            raw = values
            seq = values[:7] + tuple(v // 1000000000 for v in values[7:10])
        elif 10 <= len(values) <= 16:
            seq = values[:10]
            raw = seq[:7] + tuple(int(v * 1000000000) for v in seq[7:10]) + (None, None, None)
        else:
            raise TypeError('os.stat_result() takes an at least 10-sequence (%d-sequence given)' % len(values))
        self = tuple.__new__(cls, seq)
        self._raw = raw
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: _ns_to_float(self._raw[7]))
    st_mtime = property(lambda self: _ns_to_float(self._raw[8]))
    st_ctime = property(lambda self: _ns_to_float(self._raw[9]))
    st_atime_ns = property(lambda self: self._raw[7])
    st_mtime_ns = property(lambda self: self._raw[8])
    st_ctime_ns = property(lambda self: self._raw[9])
    st_blksize = property(lambda self: self._raw[10])
    st_blocks = property(lambda self: self._raw[11])
    st_rdev = property(lambda self: self._raw[12])

    def __repr__(self):
        return 'os.stat_result(' + ', '.join(n + '=' + repr(v) for n, v in zip(_STAT_NAMES, self)) + ')'

    def __reduce__(self):
        return (stat_result, (self._raw,))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return stat_result(_stat_tuple(path, dir_fd=dir_fd, follow_symlinks=follow_symlinks))


def lstat(path, *, dir_fd=None):
    return stat_result(_lstat_tuple(path, dir_fd=dir_fd))


def fstat(fd):
    return stat_result(_fstat_tuple(fd))


class statvfs_result(tuple):
    """The result of os.statvfs(): a tuple with named fields."""
    n_fields = 10
    f_bsize = property(lambda self: self[0])
    f_frsize = property(lambda self: self[1])
    f_blocks = property(lambda self: self[2])
    f_bfree = property(lambda self: self[3])
    f_bavail = property(lambda self: self[4])
    f_files = property(lambda self: self[5])
    f_ffree = property(lambda self: self[6])
    f_favail = property(lambda self: self[7])
    f_flag = property(lambda self: self[8])
    f_namemax = property(lambda self: self[9])


def statvfs(path):
    return statvfs_result(_statvfs_tuple(path))


class terminal_size(tuple):
    """get_terminal_size()'s result: (columns, lines)."""
    n_fields = 2

    def __new__(cls, values):
        values = tuple(values)
        if len(values) != 2:
            raise TypeError('os.terminal_size() takes a 2-sequence (%d-sequence given)' % len(values))
        return tuple.__new__(cls, values)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return 'os.terminal_size(columns=%r, lines=%r)' % (self[0], self[1])


def get_terminal_size(fd=1):
    return terminal_size(_get_terminal_size(fd))


class _PathLikeMeta(type):
    """isinstance(x, os.PathLike) is true for any object whose type defines __fspath__, as CPython's
    ABC's subclass hook makes it."""

    def __instancecheck__(cls, obj):
        return hasattr(type(obj), '__fspath__')

    def __subclasscheck__(cls, sub):
        return hasattr(sub, '__fspath__')


class PathLike(metaclass=_PathLikeMeta):
    """Abstract base class of objects with __fspath__."""
    __slots__ = ()

    def __fspath__(self):
        raise NotImplementedError

    def __class_getitem__(cls, item):
        return cls


class _Environ:
    """os.environ: a mapping of the environment variables. Invariant: _data is posix.environ (so
    posixpath and other readers of posix.environ see the same values), and every change made through
    this object is also made to the process environment (putenv/unsetenv), where child processes and
    C code see it."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError('str expected, not ' + type(key).__name__)
        if not isinstance(value, str):
            raise TypeError('str expected, not ' + type(value).__name__)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if key not in self._data:
            raise KeyError(key)
        unsetenv(key)
        del self._data[key]

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def pop(self, key, *default):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        if not self._data:
            raise KeyError('popitem(): dictionary is empty')
        key = next(reversed(list(self._data)))
        return key, self.pop(key)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def update(self, other=(), **kw):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kw.items():
            self[k] = v

    def clear(self):
        for k in list(self._data):
            del self[k]

    def copy(self):
        return dict(self._data)

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        d = dict(self._data)
        d.update(other)
        return d

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        return 'environ(' + repr(self._data) + ')'


environ = _Environ(_raw_environ)


def getenv(key, default=None):
    return environ.get(key, default)


class DirEntry:
    """One entry of a directory listed by scandir(): its name, its path (the scandir argument joined with
    the name) and cached file-type tests.  Invariant: _lmode is the lstat mode, read once on first need;
    _mode (following links) is read lazily, and only for symbolic links does it differ from _lmode."""
    __slots__ = ('name', 'path', '_lmode', '_mode', '_stat', '_lstat')

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._lmode = None
        self._mode = None
        self._stat = None
        self._lstat = None

    def _get_lmode(self):
        if self._lmode is None:
            self._lmode = _lstat_tuple(self.path)[0]
        return self._lmode

    def _get_mode(self, follow_symlinks):
        lmode = self._get_lmode()
        if not follow_symlinks or (lmode & 0o170000) != 0o120000:
            return lmode
        if self._mode is None:
            self._mode = _stat_tuple(self.path)[0]
        return self._mode

    def _is_kind(self, kind, follow_symlinks):
        try:
            return (self._get_mode(follow_symlinks) & 0o170000) == kind
        except FileNotFoundError:
            return False

    def is_dir(self, *, follow_symlinks=True):
        return self._is_kind(0o040000, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._is_kind(0o100000, follow_symlinks)

    def is_symlink(self):
        return self._is_kind(0o120000, False)

    def is_junction(self):
        return False

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks and self.is_symlink():
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def inode(self):
        return _lstat_tuple(self.path)[1]

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)


class _ScandirIterator:
    """The iterator scandir() returns; also a context manager (close() ends the iteration early)."""

    def __init__(self, dirpath, names):
        self._dirpath = dirpath
        self._names = names
        self._pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._names is None or self._pos >= len(self._names):
            raise StopIteration
        name = self._names[self._pos]
        self._pos += 1
        return DirEntry(self._dirpath, name)

    def close(self):
        self._names = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False


def scandir(path=None):
    """An iterator of DirEntry objects for the entries of the directory path (default '.'), without
    '.' and '..'."""
    if path is None:
        path = '.'
    path = fspath(path)
    return _ScandirIterator(path, listdir(path))


def makedirs(name, mode=0o777, exist_ok=False):
    """Create a directory and any missing parents (mode applies to the leaf; parents get 0o777)."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass  # created meanwhile by someone else
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove a leaf directory, then each empty parent up the path (stopping at the first failure)."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """Rename old to new, creating new's parents and removing old's emptied parents."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yield (dirpath, dirnames, filenames) for top and each directory below it. With topdown the
    caller may prune dirnames in place; symbolic links to directories are listed in dirnames but not
    entered unless followlinks. onerror(OSError) is called for a directory that cannot be listed."""
    top = fspath(top)
    stack = [top]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        try:
            entries = list(scandir(top))
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        dirs, nondirs, walk_into = [], [], []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
                if not topdown and (followlinks or not entry.is_symlink()):
                    walk_into.append(entry.path)
            else:
                nondirs.append(entry.name)
        if topdown:
            yield top, dirs, nondirs
            for d in reversed(dirs):
                new_path = path.join(top, d)
                if followlinks or not path.islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_into):
                stack.append(new_path)


def fwalk(*args, **kw):
    raise NotImplementedError('os.fwalk is not supported by Krait (no directory file descriptors)')


def get_exec_path(env=None):
    if env is None:
        env = environ
    p = env.get('PATH', defpath)
    return p.split(pathsep)


def fsencode(filename):
    filename = fspath(filename)
    return filename.encode('utf-8', 'surrogateescape') if isinstance(filename, str) else filename


def fsdecode(filename):
    filename = fspath(filename)
    return filename.decode('utf-8', 'surrogateescape') if isinstance(filename, bytes) else filename
