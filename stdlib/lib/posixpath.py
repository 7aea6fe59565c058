"""posixpath: pathname manipulation on POSIX (os.path)."""
import posix as _posix
from posix import fspath as _fspath

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
altsep = None
defpath = '/bin:/usr/bin'
devnull = '/dev/null'


def normcase(s):
    """Normalize the case of a path: nothing to do on POSIX."""
    return _fspath(s)


def _bytes_call(fn, *args):
    """fn applied to bytes paths: through latin-1, which maps each byte to one character and back, so
    the str implementation's '/' and '.' logic gives the bytes result exactly."""
    conv = []
    for a in args:
        a = _fspath(a)
        if not isinstance(a, bytes):
            raise TypeError("Can't mix strings and bytes in path components")
        conv.append(a.decode('latin-1'))
    r = fn(*conv)
    if isinstance(r, tuple):
        return tuple(x.encode('latin-1') for x in r)
    return r.encode('latin-1')


def isabs(s):
    s = _fspath(s)
    return s.startswith(b'/' if isinstance(s, bytes) else '/')


def join(a, *p):
    a = _fspath(a)
    if isinstance(a, bytes):
        return _bytes_call(join, a, *p)
    path = a
    for b in p:
        if not isinstance(b, str) and hasattr(type(b), '__fspath__'):
            b = _fspath(b)
        if not isinstance(b, str):
            if isinstance(b, bytes):
                raise TypeError("Can't mix strings and bytes in path components")
            raise TypeError("join() argument must be str, bytes, or os.PathLike object, not '" + type(b).__name__ + "'")
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    p = _fspath(p)
    if isinstance(p, bytes):
        return _bytes_call(split, p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    p = _fspath(p)
    if isinstance(p, bytes):
        return _bytes_call(splitext, p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != '.':
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def basename(p):
    p = _fspath(p)
    if isinstance(p, bytes):
        return p[p.rfind(b'/') + 1:]
    return p[p.rfind('/') + 1:]


def dirname(p):
    p = _fspath(p)
    if isinstance(p, bytes):
        return _bytes_call(dirname, p)
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def exists(path):
    try:
        _posix.stat(path)
    except (OSError, ValueError):
        return False
    return True


def _mode(path):
    try:
        return _posix.stat(path)[0]
    except (OSError, ValueError):
        return None


def isdir(s):
    m = _mode(s)
    return m is not None and (m & 0o170000) == 0o040000


def isfile(path):
    m = _mode(path)
    return m is not None and (m & 0o170000) == 0o100000


def islink(path):
    """True if path names a symbolic link (dangling or not)."""
    try:
        m = _posix.lstat(path)[0]
    except (OSError, ValueError):
        return False
    return (m & 0o170000) == 0o120000


def lexists(path):
    """True if path exists, counting a dangling symbolic link as existing."""
    try:
        _posix.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def splitdrive(p):
    """POSIX has no drives: the drive is always empty."""
    p = _fspath(p)
    return p[:0], p


def splitroot(p):
    """Split p into (drive, root, tail); on POSIX exactly two leading slashes form the root '//'."""
    p = _fspath(p)
    if isinstance(p, bytes):
        return _bytes_call(splitroot, p)
    empty = p[:0]
    if p[:1] != '/':
        return empty, empty, p
    if p[1:2] != '/' or p[2:3] == '/':
        return empty, '/', p[1:]
    return empty, p[:2], p[2:]


def getsize(filename):
    return _posix.stat(filename)[6]


def getmtime(filename):
    ns = _posix.stat(filename)[8]
    return ns // 1000000000 + (ns % 1000000000) * 1e-9


def getatime(filename):
    ns = _posix.stat(filename)[7]
    return ns // 1000000000 + (ns % 1000000000) * 1e-9


def getctime(filename):
    ns = _posix.stat(filename)[9]
    return ns // 1000000000 + (ns % 1000000000) * 1e-9


def samefile(f1, f2):
    """True if both paths name the same file (same device and inode)."""
    s1 = _posix.stat(f1)
    s2 = _posix.stat(f2)
    return s1[1] == s2[1] and s1[2] == s2[2]


def normpath(path):
    path = _fspath(path)
    if isinstance(path, bytes):
        return _bytes_call(normpath, path)
    if not path:
        return '.'
    initial_slashes = 1 if path.startswith('/') else 0
    if initial_slashes and path.startswith('//') and not path.startswith('///'):
        initial_slashes = 2
    comps = path.split('/')
    new_comps = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial_slashes and not new_comps) or (new_comps and new_comps[-1] == '..'):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = '/'.join(new_comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'


def abspath(path):
    path = _fspath(path)
    if isinstance(path, bytes):
        return _bytes_call(abspath, path)
    if not isabs(path):
        path = join(_posix.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The canonical path of filename: absolute, with every symbolic link resolved (a loop raises
    OSError only when strict; otherwise the looping part is kept as is, as CPython does)."""
    filename = _fspath(filename)
    if isinstance(filename, bytes):
        return _bytes_call(lambda f: realpath(f, strict=strict), filename)
    if not isabs(filename):
        filename = join(_posix.getcwd(), filename)
    path, ok = _resolve('', filename, strict, {})
    return abspath(path)


def _resolve(path, rest, strict, seen):
    # path: a resolved prefix (no links in it); rest: what is still to walk. seen maps each link path
    # met to its resolution (None while resolving it: meeting it again then is a loop).
    if isabs(rest):
        rest = rest[1:]
        path = '/'
    while rest:
        name, _, rest = rest.partition('/')
        if not name or name == '.':
            continue
        if name == '..':
            if path:
                path, name = split(path)
                if name == '..':
                    path = join(path, '..', '..')
            else:
                path = '..'
            continue
        newpath = join(path, name)
        try:
            st_mode = _posix.lstat(newpath)[0]
        except OSError:
            if strict:
                raise
            path = newpath
            continue
        if (st_mode & 0o170000) != 0o120000:
            path = newpath
            continue
        if newpath in seen:
            path = seen[newpath]
            if path is not None:
                continue
            if strict:
                _posix.stat(newpath)  # raises OSError(ELOOP)
            return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _resolve(path, _posix.readlink(newpath), strict, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True


def expanduser(path):
    """Replace a leading '~' with $HOME ('~user' is left alone: Krait has no pwd module)."""
    path = _fspath(path)
    if isinstance(path, bytes):
        return _bytes_call(expanduser, path)
    if not path.startswith('~'):
        return path
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i == 1:
        home = _posix.environ.get('HOME', '/')
    else:
        return path
    return (home.rstrip('/') or '/') + path[i:]


def expandvars(path):
    """Replace $name and ${name} with environment variables; unknown names are left unchanged."""
    path = _fspath(path)
    if isinstance(path, bytes):
        return _bytes_call(expandvars, path)
    if '$' not in path:
        return path
    env = _posix.environ
    out = []
    i, n = 0, len(path)
    while i < n:
        c = path[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        if path.startswith('${', i):
            j = path.find('}', i + 2)
            name = path[i + 2:j] if j >= 0 else ''
            if j < 0 or not name or not _is_var_name(name):
                out.append(c)
                i += 1
                continue
            end = j + 1
        else:
            j = i + 1
            while j < n and (path[j].isalnum() and path[j].isascii() or path[j] == '_'):
                j += 1
            name = path[i + 1:j]
            if not name:
                out.append(c)
                i += 1
                continue
            end = j
        if name in env:
            out.append(env[name])
        else:
            out.append(path[i:end])
        i = end
    return ''.join(out)


def _is_var_name(name):
    for ch in name:
        if not (ch.isascii() and (ch.isalnum() or ch == '_')):
            return False
    return True


def relpath(path, start=None):
    """path relative to start (default: the current directory); no filesystem access."""
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    if isinstance(path, bytes):
        return _bytes_call(relpath, path, start if start is not None else b'.')
    if start is None:
        start = '.'
    start = _fspath(start)
    if not isinstance(start, str):
        raise TypeError("Can't mix strings and bytes in path components")
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(path).split('/') if x]
    i = 0
    while i < min(len(start_list), len(path_list)) and start_list[i] == path_list[i]:
        i += 1
    rel_list = ['..'] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return '.'
    return join(*rel_list)


def commonprefix(m):
    """The longest common leading string of the paths in m (character by character, not by component)."""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    """The longest common sub-path of the paths (by whole components); ValueError for an empty
    sequence or a mix of absolute and relative paths."""
    paths = tuple(map(_fspath, paths))
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    if isinstance(paths[0], bytes):
        if not all(isinstance(p, bytes) for p in paths):
            raise TypeError("Can't mix strings and bytes in path components")
        return commonpath([p.decode('latin-1') for p in paths]).encode('latin-1')
    for p in paths:
        if not isinstance(p, str):
            raise TypeError("Can't mix strings and bytes in path components")
    split_paths = [p.split('/') for p in paths]
    isabs_set = set(p[:1] == '/' for p in paths)
    if len(isabs_set) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in s if c and c != '.'] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = '/' if isabs_set.pop() else ''
    return prefix + '/'.join(common)


def ismount(path):
    """True if path is a mount point: its parent is on another device, or is the same inode (/)."""
    try:
        s1 = _posix.lstat(path)
    except (OSError, ValueError):
        return False
    if (s1[0] & 0o170000) == 0o120000:
        return False
    path = _fspath(path)
    if isinstance(path, bytes):
        parent = join(path, b'..')
    else:
        parent = join(path, '..')
    try:
        s2 = _posix.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1[2] != s2[2] or s1[1] == s2[1]


def isjunction(path):
    _fspath(path)
    return False


def isdevdrive(path):
    _fspath(path)
    return False
