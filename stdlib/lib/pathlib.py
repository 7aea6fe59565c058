"""pathlib: object-oriented filesystem paths (CPython 3.13's API, POSIX flavour).

A pure path is parsed once into (root, tail): root is '', '/' or '//' (POSIX keeps exactly two leading
slashes), tail the tuple of its components with empty and '.' ones dropped ('..' is kept: collapsing it
is only valid after resolving links). The drive is always ''. str(path) is root + '/'.join(tail), or '.'
for the empty path. Comparison, hashing and ordering use the components, so 'a//b/' == 'a/b'.

PureWindowsPath is the same model with Windows separators accepted ('\\\\' and '/') and a drive letter;
it exists so that code naming it works on simple paths, not as a full implementation.
Path (PosixPath) adds the filesystem methods through os; glob is implemented here (pathlib's rules
differ from the glob module's: '*' matches hidden names, '**' alone matches files and directories,
a trailing '/' selects directories).
"""

import fnmatch
import os
import posixpath
import re

__all__ = ["UnsupportedOperation", "PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath",
           "WindowsPath"]


class UnsupportedOperation(NotImplementedError):
    """An operation the path's flavour does not support (e.g. instantiating WindowsPath here)."""


def _str_arg(a):
    if isinstance(a, str):
        return a
    if isinstance(a, PurePath):
        return str(a)
    fs = getattr(type(a), '__fspath__', None)
    if fs is not None:
        r = fs(a)
        if isinstance(r, str):
            return r
        a = r
    raise TypeError("argument should be a str or an os.PathLike object where __fspath__ returns a str, "
                    "not %r" % type(a).__name__)


class _Parents:
    """path.parents: the logical ancestors, nearest first; supports len, negative indexes and slices."""
    __slots__ = ('_path', '_n')

    def __init__(self, path):
        self._path = path
        self._n = len(path._tail)

    def __len__(self):
        return self._n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(self._n)))
        if i >= self._n or i < -self._n:
            raise IndexError(i)
        if i < 0:
            i += self._n
        p = self._path
        return p._from_parts(p._drv, p._root, p._tail[:self._n - i - 1])

    def __iter__(self):
        for i in range(self._n):
            yield self[i]

    def __repr__(self):
        return '<%s.parents>' % type(self._path).__name__


class PurePath:
    """A filesystem path without I/O. PurePath(...) makes a PurePosixPath."""
    __slots__ = ('_drv', '_root', '_tail', '_str', '_hash')
    _sep = '/'
    _altsep = None

    def __new__(cls, *args, **kwargs):
        if cls is PurePath:
            cls = PurePosixPath
        return object.__new__(cls)

    def __init__(self, *args):
        drv, root, tail = '', '', []
        for a in args:
            s = _str_arg(a)
            d, r, t = self._parse(s)
            if r or (d and d != drv):
                drv, root, tail = d, r, t
            elif d == drv or not d:
                tail.extend(t)
        self._drv = drv
        self._root = root
        self._tail = tuple(tail)
        self._str = None
        self._hash = None

    @classmethod
    def _parse(cls, s):
        """(drive, root, components) of one argument string."""
        if cls._altsep:
            s = s.replace(cls._altsep, cls._sep)
        sep = cls._sep
        drv = ''
        if cls is not PurePosixPath and cls._sep == '\\':
            if len(s) >= 2 and s[1] == ':' and s[0].isalpha():
                drv, s = s[:2], s[2:]
        root = ''
        if s.startswith(sep):
            if sep == '/' and s.startswith('//') and not s.startswith('///'):
                root = '//'
            else:
                root = sep
        return drv, root, [c for c in s.split(sep) if c and c != '.']

    def _from_parts(self, drv, root, tail):
        p = object.__new__(type(self))
        p._drv = drv
        p._root = root
        p._tail = tuple(tail)
        p._str = None
        p._hash = None
        return p

    def with_segments(self, *pathsegments):
        """A new path of the same type from segments (subclasses override it to pass state along)."""
        return type(self)(*pathsegments)

    # ---- string forms ----
    def __str__(self):
        if self._str is None:
            s = self._drv + self._root + self._sep.join(self._tail)
            self._str = s or '.'
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self).replace(self._sep, '/')

    def __bytes__(self):
        return os.fsencode(str(self))

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        out = []
        for ch in self.as_posix().encode('utf-8'):
            c = chr(ch)
            if c.isascii() and (c.isalnum() or c in '/-._~!$&\'()*+,;=:@'):
                out.append(c)
            else:
                out.append('%%%02X' % ch)
        s = ''.join(out)
        if self._drv:
            return 'file:///' + s
        return 'file://' + s

    # ---- comparison ----
    def _key(self):
        return (self._drv, self._root, self._tail)

    def __eq__(self, other):
        if not isinstance(other, PurePath) or self._sep != other._sep:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(self._key())
        return self._hash

    def _cmp_key(self, other):
        if not isinstance(other, PurePath) or self._sep != other._sep:
            return None
        return str(self).split(self._sep), str(other).split(self._sep)

    def __lt__(self, other):
        k = self._cmp_key(other)
        return NotImplemented if k is None else k[0] < k[1]

    def __le__(self, other):
        k = self._cmp_key(other)
        return NotImplemented if k is None else k[0] <= k[1]

    def __gt__(self, other):
        k = self._cmp_key(other)
        return NotImplemented if k is None else k[0] > k[1]

    def __ge__(self, other):
        k = self._cmp_key(other)
        return NotImplemented if k is None else k[0] >= k[1]

    # ---- joining ----
    def __truediv__(self, key):
        try:
            return self.with_segments(self, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self.with_segments(key, self)
        except TypeError:
            return NotImplemented

    def joinpath(self, *pathsegments):
        return self.with_segments(self, *pathsegments)

    def __reduce__(self):
        return (type(self), tuple(self.parts))

    # ---- components ----
    @property
    def drive(self):
        return self._drv

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._drv + self._root

    @property
    def parts(self):
        if self._drv or self._root:
            return (self._drv + self._root,) + self._tail
        return self._tail

    @property
    def parent(self):
        if not self._tail:
            return self
        return self._from_parts(self._drv, self._root, self._tail[:-1])

    @property
    def parents(self):
        return _Parents(self)

    @property
    def name(self):
        return self._tail[-1] if self._tail else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    def with_name(self, name):
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        if not name or name == '.' or self._sep in name or (self._altsep and self._altsep in name):
            raise ValueError('Invalid name %r' % (name,))
        d, r, t = self._parse(name)
        if d or r or len(t) != 1:
            raise ValueError('Invalid name %r' % (name,))
        return self._from_parts(self._drv, self._root, self._tail[:-1] + (name,))

    def with_stem(self, stem):
        suffix = self.suffix
        if not suffix:
            return self.with_name(stem)
        if not stem:
            raise ValueError('%r has a non-empty suffix' % (self,))
        return self.with_name(stem + suffix)

    def with_suffix(self, suffix):
        stem = self.stem
        if not stem:
            raise ValueError('%r has an empty name' % (self,))
        if suffix and (not suffix.startswith('.') or suffix == '.'):
            raise ValueError('Invalid suffix %r' % (suffix,))
        return self.with_name(stem + suffix)

    # ---- relations ----
    def is_absolute(self):
        if self._sep == '\\':
            return bool(self._drv and self._root)
        return bool(self._root)

    def is_reserved(self):
        return False

    def relative_to(self, other, *, walk_up=False):
        """self as a path relative to other. Without walk_up other must be an ancestor of self (or self);
        with walk_up, '..' components climb from other to the nearest common ancestor."""
        if not isinstance(other, PurePath):
            other = self.with_segments(other)
        if self.anchor != other.anchor:
            if walk_up:
                raise ValueError('%r and %r have different anchors' % (str(self), str(other)))
            raise ValueError('%r is not in the subpath of %r' % (str(self), str(other)))
        n = 0
        limit = min(len(self._tail), len(other._tail))
        while n < limit and self._tail[n] == other._tail[n]:
            n += 1
        climb = other._tail[n:]
        if climb:
            if not walk_up:
                raise ValueError('%r is not in the subpath of %r' % (str(self), str(other)))
            if '..' in climb:
                raise ValueError("'..' segment in %r cannot be walked" % (str(other),))
        return self._from_parts('', '', ('..',) * len(climb) + self._tail[n:])

    def is_relative_to(self, other):
        if not isinstance(other, PurePath):
            other = self.with_segments(other)
        return other == self or other in self.parents

    def match(self, path_pattern, *, case_sensitive=None):
        """Match from the right: a relative pattern matches the path's last components; an absolute one
        the whole path. '**' acts as '*' here."""
        if not isinstance(path_pattern, PurePath):
            path_pattern = self.with_segments(path_pattern)
        pat = path_pattern
        if not pat._tail and not pat.anchor:
            raise ValueError('empty pattern')
        flags = _case_flags(case_sensitive)
        if pat.anchor:
            if pat.anchor != self.anchor or len(pat._tail) != len(self._tail):
                return False
        elif len(pat._tail) > len(self._tail):
            return False
        for name, p in zip(reversed(self._tail), reversed(pat._tail)):
            if not _compile_part(p, flags).fullmatch(name):
                return False
        return True

    def full_match(self, pattern, *, case_sensitive=None):
        """Match the whole path against a glob-style pattern, where '**' matches any number of
        components."""
        if not isinstance(pattern, PurePath):
            pattern = self.with_segments(pattern)
        if pattern.anchor != self.anchor:
            return False
        return _match_parts(self._tail, pattern._tail, _case_flags(case_sensitive))

    def __class_getitem__(cls, item):
        return cls


class PurePosixPath(PurePath):
    """A pure path with POSIX semantics."""
    __slots__ = ()
    parser = posixpath


class PureWindowsPath(PurePath):
    """A pure path with (simplified) Windows semantics: '\\\\' and '/' separators, a drive letter."""
    __slots__ = ()
    _sep = '\\'
    _altsep = '/'

    def _key(self):
        return (self._drv.lower(), self._root, tuple(c.lower() for c in self._tail))

    def _cmp_key(self, other):
        if not isinstance(other, PureWindowsPath):
            return None
        return str(self).lower().split('\\'), str(other).lower().split('\\')


# ---- glob helpers ----

def _case_flags(case_sensitive):
    return 0 if case_sensitive is None or case_sensitive else re.IGNORECASE


def _compile_part(part, flags):
    return re.compile(fnmatch.translate(part), flags)


def _match_parts(names, pats, flags):
    """True if the components names match the pattern components pats ('**' matches zero or more)."""
    if not pats:
        return not names
    p = pats[0]
    if p == '**':
        if len(pats) == 1:
            return len(names) > 0  # a final '**' stands for at least one component ('a/**' is not 'a')
        for k in range(len(names) + 1):
            if _match_parts(names[k:], pats[1:], flags):
                return True
        return False
    if not names:
        return False
    return bool(_compile_part(p, flags).fullmatch(names[0])) and _match_parts(names[1:], pats[1:], flags)


def _has_magic(s):
    return '*' in s or '?' in s or '[' in s


class Path(PurePath):
    """A filesystem path with I/O. Path(...) makes a PosixPath."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return object.__new__(cls)

    # ---- constructors ----
    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser('~'))

    def absolute(self):
        if self.is_absolute():
            return self
        if not self._tail:
            return self.with_segments(os.getcwd())
        return self.with_segments(os.getcwd(), self)

    def resolve(self, strict=False):
        return self.with_segments(os.path.realpath(self, strict=strict))

    def expanduser(self):
        if self._tail and self._tail[0].startswith('~') and not self._root:
            home = os.path.expanduser(self._tail[0])
            if home == self._tail[0]:
                raise RuntimeError('Could not determine home directory.')
            return self.with_segments(home, *self._tail[1:])
        return self

    def readlink(self):
        return self.with_segments(os.readlink(self))

    # ---- queries ----
    def stat(self, *, follow_symlinks=True):
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        return os.lstat(self)

    def _mode(self, follow_symlinks=True):
        try:
            return os.stat(self, follow_symlinks=follow_symlinks).st_mode
        except (OSError, ValueError):
            return None

    def exists(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) is not None

    def _is_type(self, kind, follow_symlinks=True):
        m = self._mode(follow_symlinks)
        return m is not None and (m & 0o170000) == kind

    def is_dir(self, *, follow_symlinks=True):
        return self._is_type(0o040000, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._is_type(0o100000, follow_symlinks)

    def is_symlink(self):
        return self._is_type(0o120000, False)

    def is_socket(self):
        return self._is_type(0o140000)

    def is_fifo(self):
        return self._is_type(0o010000)

    def is_block_device(self):
        return self._is_type(0o060000)

    def is_char_device(self):
        return self._is_type(0o020000)

    def is_junction(self):
        return False

    def is_mount(self):
        return os.path.ismount(self)

    def samefile(self, other_path):
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = os.stat(other_path)
        return st.st_ino == other_st.st_ino and st.st_dev == other_st.st_dev

    # ---- directory listing ----
    def iterdir(self):
        names = os.listdir(self)
        for name in names:
            yield self._from_parts(self._drv, self._root, self._tail + (name,))

    def _child(self, name):
        return self._from_parts(self._drv, self._root, self._tail + (name,))

    def glob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        """Yield the paths below self matching the relative pattern (see the module docstring)."""
        raw = str(pattern) if isinstance(pattern, PurePath) else _str_arg(pattern)
        pattern = self.with_segments(raw)
        if pattern.anchor:
            raise NotImplementedError('Non-relative patterns are unsupported')
        parts = list(pattern._tail)
        if not parts:
            raise ValueError('Unacceptable pattern: %r' % (pattern,))
        dironly = raw.endswith('/')
        flags = _case_flags(case_sensitive)
        paths = [self]
        dedupe = parts.count('**') > 1
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            need_dir = not last or dironly
            nxt = []
            if part == '**':
                for p in paths:
                    nxt.extend(self._walk_all(p, need_dir, recurse_symlinks))
            elif part == '..':
                nxt = [p._child('..') for p in paths]
            elif _has_magic(part) or flags:
                rx = _compile_part(part, flags)
                for p in paths:
                    try:
                        with os.scandir(p) as it:
                            entries = list(it)
                    except OSError:
                        continue
                    for e in entries:
                        if rx.fullmatch(e.name) and (not need_dir or e.is_dir()):
                            nxt.append(p._child(e.name))
            else:
                for p in paths:
                    c = p._child(part)
                    if last and not (c.is_dir() if dironly else os.path.lexists(c)):
                        continue
                    nxt.append(c)
            if dedupe:
                seen = set()
                nxt = [p for p in nxt if not (p in seen or seen.add(p))]
            paths = nxt
        yield from paths

    def _walk_all(self, top, dirs_only, follow):
        """top and everything below it (directories only if dirs_only), without entering links to
        directories unless follow; top first, then each directory's entries before its children."""
        yield top
        stack = [top]
        while stack:
            p = stack.pop()
            try:
                with os.scandir(p) as it:
                    entries = list(it)
            except OSError:
                continue
            subdirs = []
            for e in entries:
                # a link to a directory counts as a directory only when links are followed
                is_dir = e.is_dir(follow_symlinks=follow)
                if is_dir:
                    subdirs.append(p._child(e.name))
                if is_dir or not dirs_only:
                    yield p._child(e.name)
            stack.extend(reversed(subdirs))

    def rglob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        if not isinstance(pattern, PurePath):
            pattern = _str_arg(pattern)
        else:
            pattern = str(pattern)
        return self.glob('**/' + pattern, case_sensitive=case_sensitive, recurse_symlinks=recurse_symlinks)

    def walk(self, top_down=True, on_error=None, follow_symlinks=False):
        """Yield (dirpath, dirnames, filenames) for self and each directory below it, dirpath a path.
        Unlike os.walk, a symbolic link to a directory is listed among the filenames unless
        follow_symlinks. With top_down the caller may prune dirnames in place."""
        stack = [self]
        while stack:
            path = stack.pop()
            if isinstance(path, tuple):
                yield path
                continue
            try:
                with os.scandir(path) as it:
                    entries = list(it)
            except OSError as error:
                if on_error is not None:
                    on_error(error)
                continue
            dirnames, filenames = [], []
            for e in entries:
                try:
                    is_dir = e.is_dir(follow_symlinks=follow_symlinks)
                except OSError:
                    is_dir = False
                (dirnames if is_dir else filenames).append(e.name)
            if top_down:
                yield path, dirnames, filenames
            else:
                stack.append((path, dirnames, filenames))
            stack.extend(path._child(d) for d in reversed(dirnames))

    # ---- file contents ----
    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return open(self, mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None, newline=None):
        with self.open('r', encoding=encoding, errors=errors, newline=newline) as f:
            return f.read()

    def read_bytes(self):
        with self.open('rb') as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % type(data).__name__)
        with self.open('w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def write_bytes(self, data):
        view = bytes(memoryview(data)) if not isinstance(data, (bytes, bytearray)) else data
        with self.open('wb') as f:
            return f.write(view)

    # ---- changing the filesystem ----
    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok:
            try:
                os.utime(self, None)
                return
            except OSError:
                pass
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        os.close(os.open(self, flags, mode))

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode, follow_symlinks=follow_symlinks)

    def lchmod(self, mode):
        self.chmod(mode, follow_symlinks=False)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return self.with_segments(target)

    def replace(self, target):
        os.replace(self, target)
        return self.with_segments(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, self)

    def hardlink_to(self, target):
        os.link(target, self)

    def owner(self, *, follow_symlinks=True):
        raise UnsupportedOperation('Path.owner() is unsupported on this system')

    def group(self, *, follow_symlinks=True):
        raise UnsupportedOperation('Path.group() is unsupported on this system')

    def as_uri(self):
        return PurePath.as_uri(self)

    @classmethod
    def from_uri(cls, uri):
        """The path a 'file:' URI names (percent-escapes decoded as UTF-8)."""
        if not uri.startswith('file:'):
            raise ValueError("URI does not start with 'file:': %r" % (uri,))
        path = uri[5:]
        if path.startswith('///'):
            path = path[2:]
        elif path.startswith('//localhost/'):
            path = path[11:]
        raw = path.encode('utf-8')
        out = bytearray()
        i = 0
        while i < len(raw):
            if raw[i] == 0x25 and i + 2 < len(raw):
                try:
                    out.append(int(raw[i + 1:i + 3].decode('ascii'), 16))
                    i += 3
                    continue
                except ValueError:
                    pass
            out.append(raw[i])
            i += 1
        p = cls(out.decode('utf-8'))
        if not p.is_absolute():
            raise ValueError('URI is not absolute: %r' % (uri,))
        return p


class PosixPath(Path, PurePosixPath):
    """A concrete path on a POSIX system."""
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    """Cannot be instantiated on POSIX."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise UnsupportedOperation('cannot instantiate %r on your system' % (cls.__name__,))
