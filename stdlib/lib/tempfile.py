"""tempfile: temporary files and directories.

Names are made of 8 random characters from os.urandom (no random module import); every file or
directory is created exclusively (O_CREAT | O_EXCL, or mkdir), retrying on a name collision, so two
processes never share one. Files are created with mode 0o600, directories with 0o700.
"""

import io as _io
import os as _os
import shutil as _shutil
import weakref as _weakref

__all__ = ["NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory", "mkstemp",
           "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix", "tempdir", "gettempdir", "gettempprefixb",
           "gettempdirb"]

TMP_MAX = 10000
template = 'tmp'
tempdir = None

_CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789_'
_BIN_OPENFLAGS = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL | getattr(_os, 'O_NOFOLLOW', 0)


def _random_name():
    # 256 is not a multiple of 37: drop the bytes above the largest multiple so each character is
    # equally likely.
    out = []
    while len(out) < 8:
        for b in _os.urandom(16):
            if b < 222 and len(out) < 8:
                out.append(_CHARACTERS[b % 37])
    return ''.join(out)


def _candidate_tempdir_list():
    dirlist = []
    for envname in ('TMPDIR', 'TEMP', 'TMP'):
        d = _os.getenv(envname)
        if d:
            dirlist.append(d)
    dirlist.extend(['/tmp', '/var/tmp', '/usr/tmp'])
    try:
        dirlist.append(_os.getcwd())
    except OSError:
        dirlist.append(_os.curdir)
    return dirlist


def _get_default_tempdir():
    """The first candidate directory where a file can really be created and written."""
    for d in _candidate_tempdir_list():
        if d != _os.curdir:
            d = _os.path.abspath(d)
        for _ in range(100):
            filename = _os.path.join(d, _random_name())
            try:
                fd = _os.open(filename, _BIN_OPENFLAGS, 0o600)
                try:
                    _os.write(fd, b'blat')
                finally:
                    _os.close(fd)
                    _os.unlink(filename)
                return d
            except FileExistsError:
                continue
            except OSError:
                break
    raise FileNotFoundError(2, 'No usable temporary directory found in %s' % _candidate_tempdir_list())


def gettempdir():
    """The default directory for temporary files (decided once, then cached in tempfile.tempdir)."""
    global tempdir
    if tempdir is None:
        tempdir = _get_default_tempdir()
    return _os.fsdecode(tempdir)


def gettempdirb():
    return _os.fsencode(gettempdir())


def gettempprefix():
    return template


def gettempprefixb():
    return _os.fsencode(template)


def _sanitize_params(prefix, suffix, dir):
    output_type = _infer_return_type(prefix, suffix, dir)
    if suffix is None:
        suffix = output_type()
    if prefix is None:
        prefix = template if output_type is str else _os.fsencode(template)
    if dir is None:
        dir = gettempdir() if output_type is str else gettempdirb()
    return prefix, suffix, dir, output_type


def _infer_return_type(*args):
    """str or bytes, from the arguments given (mixing them is a TypeError)."""
    return_type = None
    for arg in args:
        if arg is None:
            continue
        if isinstance(arg, _os.PathLike):
            arg = _os.fspath(arg)
        if isinstance(arg, bytes):
            if return_type is str:
                raise TypeError("Can't mix bytes and non-bytes in path components.")
            return_type = bytes
        else:
            if return_type is bytes:
                raise TypeError("Can't mix bytes and non-bytes in path components.")
            return_type = str
    return return_type or str


def _name(output_type):
    n = _random_name()
    return n if output_type is str else n.encode('ascii')


def _mkstemp_inner(dir, pre, suf, flags, output_type):
    dir = _os.path.abspath(dir)
    for _ in range(TMP_MAX):
        file = _os.path.join(dir, pre + _name(output_type) + suf)
        try:
            fd = _os.open(file, flags, 0o600)
        except FileExistsError:
            continue
        return fd, file
    raise FileExistsError(17, 'No usable temporary file name found')


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Create a new file exclusively and return (fd, absolute path); the caller must remove it."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    return _mkstemp_inner(dir, prefix, suffix, _BIN_OPENFLAGS, output_type)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Create a new directory (mode 0o700) and return its absolute path; the caller must remove it."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    for _ in range(TMP_MAX):
        file = _os.path.join(dir, prefix + _name(output_type) + suffix)
        try:
            _os.mkdir(file, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(file)
    raise FileExistsError(17, 'No usable temporary directory name found')


def mktemp(suffix='', prefix=template, dir=None):
    """A name that did not exist when asked (unsafe: another process may create it first)."""
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        file = _os.path.join(dir, prefix + _random_name() + suffix)
        if not _os.path.lexists(file):
            return file
    raise FileExistsError(17, 'No usable temporary filename found')


class _TemporaryFileCloser:
    """Closes the file and, as configured, removes it; shared by the wrapper and its finalizer."""

    def __init__(self, file, name, delete=True, delete_on_close=True):
        self.file = file
        self.name = name
        self.delete = delete
        self.delete_on_close = delete_on_close
        self.cleanup_called = False
        self.close_called = False

    def cleanup(self, windows=False, unlink=_os.unlink):
        if not self.cleanup_called:
            self.cleanup_called = True
            try:
                if not self.close_called:
                    self.close_called = True
                    self.file.close()
            finally:
                if self.delete and not (windows and self.delete_on_close):
                    try:
                        unlink(self.name)
                    except FileNotFoundError:
                        pass

    def close(self):
        if not self.close_called:
            self.close_called = True
            try:
                self.file.close()
            finally:
                if self.delete and self.delete_on_close:
                    self.cleanup()


class _TemporaryFileWrapper:
    """NamedTemporaryFile's result: a file object with a .name (the path), whose other attributes are
    the file's; a context manager; removal on close (delete_on_close) or on exit (delete)."""

    def __init__(self, file, name, delete=True, delete_on_close=True):
        self.file = file
        self.name = name
        self._closer = _TemporaryFileCloser(file, name, delete, delete_on_close)

    def __getattr__(self, name):
        file = self.__dict__['file']
        return getattr(file, name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self._closer.cleanup()
        return result

    def close(self):
        self._closer.close()

    def __iter__(self):
        for line in self.file:
            yield line

    def __repr__(self):
        return '<tempfile._TemporaryFileWrapper file=%r name=%r>' % (self.file, self.name)


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None, prefix=None,
                       dir=None, delete=True, *, errors=None, delete_on_close=True):
    """A temporary file with a visible name (wrapper.name), removed when closed if delete (or only at
    the end of the with block when delete_on_close is false)."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _BIN_OPENFLAGS, output_type)
    try:
        file = open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        _os.unlink(name)
        _os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete, delete_on_close)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    """An anonymous temporary file: created, then unlinked at once, so it vanishes when closed."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _BIN_OPENFLAGS, output_type)
    try:
        _os.unlink(name)
        return open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        _os.close(fd)
        raise


class SpooledTemporaryFile(_io.IOBase):
    """A temporary file kept in memory (BytesIO/StringIO) until it grows past max_size or fileno() is
    asked for; then it rolls over to a TemporaryFile holding the same data and position."""
    _rolled = False

    def __init__(self, max_size=0, mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                 prefix=None, dir=None, *, errors=None):
        if 'b' in mode:
            self._file = _io.BytesIO()
        else:
            self._file = _io.StringIO(newline='\n')
            encoding = encoding or 'utf-8'
        self._max_size = max_size
        self._rolled = False
        self._TemporaryFileArgs = {'mode': mode, 'buffering': buffering, 'suffix': suffix, 'prefix': prefix,
                                   'encoding': encoding, 'newline': newline, 'dir': dir, 'errors': errors}

    def _check(self, file):
        if self._rolled:
            return
        max_size = self._max_size
        if max_size and file.tell() > max_size:
            self.rollover()

    def rollover(self):
        if self._rolled:
            return
        file = self._file
        newfile = self._file = TemporaryFile(**self._TemporaryFileArgs)
        del self._TemporaryFileArgs
        pos = file.tell()
        newfile.write(file.getvalue())
        newfile.seek(pos, 0)
        self._rolled = True

    def __enter__(self):
        if self._file.closed:
            raise ValueError('Cannot enter context with closed file')
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def __next__(self):
        return self._file.__next__()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def encoding(self):
        if self._rolled:
            return self._file.encoding
        return self._TemporaryFileArgs['encoding']

    @property
    def mode(self):
        if self._rolled:
            return self._file.mode
        return self._TemporaryFileArgs['mode']

    @property
    def name(self):
        return self._file.name if self._rolled else None

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def isatty(self):
        return self._file.isatty()

    def read(self, *args):
        return self._file.read(*args)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            return self._file.truncate()
        if self._max_size and size > self._max_size:
            self.rollover()
        return self._file.truncate(size)

    def write(self, s):
        file = self._file
        rv = file.write(s)
        self._check(file)
        return rv

    def writelines(self, iterable):
        for line in iterable:
            self.write(line)

    def readable(self):
        return self._file.readable()

    def writable(self):
        return self._file.writable()

    def seekable(self):
        return self._file.seekable()


def _rmtree_quiet(name, ignore_errors):
    def onexc(func, path, exc):
        if isinstance(exc, PermissionError):
            # a directory without write or search permission: grant it, then try again
            try:
                if path != name:
                    _os.chmod(_os.path.dirname(path), 0o700)
                _os.chmod(path, 0o700)
                if _os.path.isdir(path) and not _os.path.islink(path):
                    _rmtree_quiet(path, ignore_errors)
                else:
                    _os.unlink(path)
                return
            except OSError:
                pass
        elif isinstance(exc, FileNotFoundError):
            return
        if not ignore_errors:
            raise exc
    _shutil.rmtree(name, onexc=onexc)


class TemporaryDirectory:
    """A temporary directory (its path is .name, what `with` gives), removed with everything in it on
    cleanup(), at the end of the with block (if delete) or when the object is collected."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False, *, delete=True):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._delete = delete
        self._finalizer = _weakref.finalize(self, self._cleanup, self.name, ignore_errors=ignore_cleanup_errors,
                                            delete=self._delete)

    @classmethod
    def _cleanup(cls, name, ignore_errors=False, delete=True):
        if delete:
            _rmtree_quiet(name, ignore_errors)

    def __repr__(self):
        return '<{} {!r}>'.format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        if self._delete:
            self.cleanup()

    def cleanup(self):
        if self._finalizer.detach() or _os.path.exists(self.name):
            _rmtree_quiet(self.name, self._ignore_cleanup_errors)

    def __class_getitem__(cls, item):
        return cls
