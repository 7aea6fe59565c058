"""os: operating system interfaces (the portable subset Krait provides on POSIX)."""
import sys
from posix import *
from posix import environ, stat as _stat_tuple, lstat as _lstat_tuple
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

error = OSError


class stat_result(tuple):
    """The result of os.stat(): a tuple with named fields."""
    __slots__ = ()
    n_fields = 10

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self[7])
    st_mtime = property(lambda self: self[8])
    st_ctime = property(lambda self: self[9])

    def __repr__(self):
        names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
                 'st_atime', 'st_mtime', 'st_ctime')
        return 'os.stat_result(' + ', '.join(n + '=' + repr(int(v)) for n, v in zip(names, self)) + ')'


def stat(path, *, follow_symlinks=True):
    if not follow_symlinks:
        return stat_result(_lstat_tuple(path))
    return stat_result(_stat_tuple(path))


def lstat(path):
    return stat_result(_lstat_tuple(path))


class DirEntry:
    """One entry of a directory listed by scandir(): its name, its path (the scandir argument joined with
    the name) and cached file-type tests.  Invariant: _lmode is the lstat mode, read once on first need;
    _mode (following links) is read lazily, and only for symbolic links does it differ from _lmode."""
    __slots__ = ('name', 'path', '_lmode', '_mode')

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._lmode = None
        self._mode = None

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
        return stat(self.path, follow_symlinks=follow_symlinks)

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


def scandir(path='.'):
    """An iterator of DirEntry objects for the entries of the directory path (without '.' and '..')."""
    path = fspath(path)
    return _ScandirIterator(path, listdir(path))


def getenv(key, default=None):
    return environ.get(key, default)


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    fs = getattr(type(path), '__fspath__', None)
    if fs is None:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(path).__name__)
    return fs(path)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        makedirs(head, exist_ok=True)
    try:
        mkdir(name)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
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


def walk(top, topdown=True):
    try:
        names = listdir(top)
    except OSError:
        return
    dirs, nondirs = [], []
    for n in names:
        (dirs if path.isdir(path.join(top, n)) else nondirs).append(n)
    if topdown:
        yield top, dirs, nondirs
    for d in dirs:
        yield from walk(path.join(top, d), topdown)
    if not topdown:
        yield top, dirs, nondirs
