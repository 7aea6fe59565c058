# os file operations: mkdir/makedirs/rmdir/removedirs, rename/replace, fds (open/read/write/lseek/close),
# stat_result fields, chmod/utime/access, walk, scandir, fspath/PathLike, environ, OSError details.
import errno
import os
import tempfile

base = tempfile.mkdtemp()
old = os.getcwd()
os.chdir(base)


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


def err(f, *a, **k):
    try:
        r = f(*a, **k)
    except OSError as e:
        print(' ', type(e).__name__, errno.errorcode.get(e.errno), repr(e.filename),
              repr(e.filename2), '|', e)
    except (TypeError, ValueError) as e:
        print(' ', type(e).__name__, e)
    else:
        print('  ok', r)


try:
    print('--- dirs')
    os.makedirs('a/b/c', exist_ok=True)
    os.makedirs('a/b/c', exist_ok=True)
    err(os.makedirs, 'a/b/c')
    os.makedirs(P('m/n'), mode=0o755)
    print(sorted(os.listdir('.')), sorted(os.listdir(P('m'))), sorted(os.listdir(b'a')))
    err(os.mkdir, 'a')
    err(os.mkdir, 'zz/yy')
    err(os.rmdir, 'a')
    err(os.rmdir, 'nope')
    err(os.listdir, 'nope')
    err(os.chdir, 'nope')
    err(os.unlink, 'a')
    os.removedirs('m/n')
    print('m' in os.listdir('.'))

    print('--- fds')
    fd = os.open('a/f.txt', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print(type(fd).__name__, os.write(fd, b'hello world'), os.write(fd, bytearray(b'!')))
    os.close(fd)
    fd = os.open(P('a/f.txt'), os.O_RDONLY)
    print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, -3, os.SEEK_END), os.read(fd, 100),
          os.read(fd, 100))
    print(os.fstat(fd).st_size, os.stat(fd).st_size)
    os.close(fd)
    err(os.close, fd)
    err(os.read, fd, 1)
    err(os.open, 'a/f.txt', os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    err(os.open, 'nope/x', os.O_RDONLY)
    err(os.read, 0, -1)
    fd = os.open('a/f.txt', os.O_RDWR)
    os.ftruncate(fd, 4)
    os.lseek(fd, 0, os.SEEK_SET)
    print(os.read(fd, 10))
    os.close(fd)
    os.truncate('a/f.txt', 2)
    with open('a/f.txt', 'rb') as f:
        print(f.read())
    print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.F_OK)

    print('--- stat')
    with open(P('a/f.txt'), 'w') as f:
        f.write('x' * 1000)
    st = os.stat('a/f.txt')
    print(len(st), st.st_size, st[6], st[os.stat_result.n_sequence_fields - 4] == st.st_size)
    print(type(st.st_mtime).__name__, type(st[8]).__name__, type(st.st_mtime_ns).__name__,
          st.st_mtime_ns // 10**9 == st[8], st.st_nlink, st.st_blocks >= 0, st.st_blksize > 0)
    mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime = st
    print(size, nlink, ino == st.st_ino, dev == st.st_dev)
    print(os.lstat('a').st_mode & 0o170000 == 0o040000, os.stat('a/f.txt', follow_symlinks=False) == st)
    err(os.stat, 'nope')
    err(os.stat, P('nope2'))
    err(os.stat, 3.5)
    err(os.lstat, 'a/f.txt/x')
    err(os.stat, 'a\0b')

    print('--- chmod utime access')
    os.chmod('a/f.txt', 0o600)
    print(oct(os.stat('a/f.txt').st_mode & 0o777))
    os.chmod(P('a/f.txt'), 0o644)
    print(oct(os.stat('a/f.txt').st_mode & 0o777))
    os.utime('a/f.txt', (1000, 2000.5))
    st = os.stat('a/f.txt')
    print(st.st_atime, st.st_mtime, st[7], st[8], st.st_mtime_ns)
    os.utime('a/f.txt', ns=(5, 1234567891234567891))
    st = os.stat('a/f.txt')
    print(st.st_atime_ns, st.st_mtime_ns, st[8])
    os.utime('a/f.txt')
    print(os.stat('a/f.txt').st_mtime > 2000)
    err(os.utime, 'a/f.txt', (1, 2), ns=(1, 2))
    err(os.utime, 'a/f.txt', (1,))
    err(os.utime, 'nope', None)
    print(os.access('a/f.txt', os.F_OK), os.access('a/nope', os.F_OK), os.access('a/f.txt', os.R_OK | os.W_OK),
          os.access('a/f.txt', os.X_OK), os.access('a', os.X_OK))

    print('--- rename replace')
    os.rename('a/f.txt', 'a/g.txt')
    err(os.rename, 'a/f.txt', 'a/h.txt')
    with open('a/h.txt', 'w') as f:
        f.write('h')
    os.replace('a/g.txt', 'a/h.txt')
    print(sorted(os.listdir('a')), os.path.getsize('a/h.txt'))
    os.rename(P('a/h.txt'), P('a/b/h.txt'))
    err(os.replace, 'a/b', 'a/b/h.txt')
    os.renames('a/b/h.txt', 'r1/r2/h.txt')
    print(sorted(os.listdir('a/b')), os.listdir('r1/r2'))
    os.symlink('r1', 'lnk')
    print(os.readlink('lnk'), os.path.islink('lnk'), os.lstat('lnk').st_mode & 0o170000 == 0o120000)
    err(os.symlink, 'r1', 'lnk')
    err(os.readlink, 'r1')
    os.link('r1/r2/h.txt', 'hard')
    print(os.stat('hard').st_nlink, os.path.samefile('hard', 'r1/r2/h.txt'))

    print('--- walk')
    for t in os.walk('.'):
        print(t[0], sorted(t[1]), sorted(t[2]))
    print([t[0] for t in os.walk('.', topdown=False)])
    pruned = []
    for top, dirs, files in os.walk('.'):
        dirs[:] = [d for d in dirs if d != 'a']
        pruned.append(top)
    print(sorted(pruned))
    print([t[0] for t in os.walk('.', followlinks=True) if t[0].startswith('./lnk')])
    errs = []
    print(list(os.walk('nonexist', onerror=errs.append)), [(type(e).__name__, e.filename) for e in errs])
    print(list(os.walk(P('r1'))))

    print('--- scandir')
    with os.scandir('.') as it:
        ents = sorted(it, key=lambda e: e.name)
    for e in ents:
        print(e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.is_dir(follow_symlinks=False), repr(e),
              os.fspath(e))
    print(sorted(e.path for e in os.scandir()))
    print(ents[0].stat().st_mode == os.stat(ents[0].path).st_mode, ents[0].inode() == os.lstat(ents[0].path).st_ino)

    print('--- fspath')
    print(os.fspath('s'), os.fspath(b'b'), os.fspath(P('p')), isinstance(P('x'), os.PathLike),
          isinstance('x', os.PathLike), issubclass(P, os.PathLike))
    err(os.fspath, 3)
    err(os.fspath, P(3))
    print(os.path.exists(P('a')), os.path.join(P('a'), 'b'), os.path.basename(P('x/y')))
    print(os.fsencode('abc'), os.fsdecode(b'abc'), os.fsdecode(P('q')))

    print('--- environ')
    os.environ['KR_TEST_X'] = 'v1'
    print(os.getenv('KR_TEST_X'), os.environ.get('KR_TEST_X'), 'KR_TEST_X' in os.environ, os.environ['KR_TEST_X'])
    os.environ.update(KR_TEST_Y='y')
    print(os.environ.setdefault('KR_TEST_Y', 'z'), os.environ.setdefault('KR_TEST_Z', 'z'))
    del os.environ['KR_TEST_X']
    print(os.getenv('KR_TEST_X'), os.getenv('KR_TEST_X', 'dflt'), os.environ.pop('KR_TEST_X', 'gone'),
          os.environ.pop('KR_TEST_Y'), os.environ.pop('KR_TEST_Z'))
    try:
        del os.environ['KR_TEST_X']
    except KeyError as e:
        print('KeyError', e)
    try:
        os.environ['KR_TEST_X'] = 1
    except TypeError as e:
        print('TypeError', e)
    os.putenv('KR_TEST_P', 'p')
    os.unsetenv('KR_TEST_P')
    print(isinstance(dict(os.environ), dict), len(os.environ) == len(dict(os.environ)))

    print('--- misc')
    print(type(os.getpid()).__name__, os.getpid() > 0, os.getppid() > 0, type(os.getuid()).__name__,
          os.sep, repr(os.linesep), os.curdir, os.pardir, os.extsep, os.devnull, os.pathsep, os.name)
    print(len(os.urandom(16)), os.urandom(0), type(os.umask(0o022)).__name__)
    err(os.urandom, -1)
    print(os.strerror(errno.ENOENT), os.get_exec_path({'PATH': '/x:/y'}))
finally:
    os.chdir(old)
    for top, dirs, files in os.walk(base, topdown=False):
        for n in files:
            os.unlink(os.path.join(top, n))
        for n in dirs:
            p = os.path.join(top, n)
            if os.path.islink(p):
                os.unlink(p)
            else:
                os.rmdir(p)
    os.rmdir(base)
print(os.path.exists(base))
