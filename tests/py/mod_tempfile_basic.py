# tempfile: mkstemp/mkdtemp (names, modes, prefix/suffix/dir, bytes), NamedTemporaryFile (delete,
# delete_on_close, text mode, attribute delegation), TemporaryFile, TemporaryDirectory (context manager,
# cleanup, delete=False, read-only contents), SpooledTemporaryFile rollover, gettempdir.
import os
import stat
import tempfile

work = tempfile.mkdtemp()
old = os.getcwd()
os.chdir(work)


def listing():
    return sorted(os.listdir('.'))


try:
    print(os.path.isabs(work), tempfile.gettempdir() == tempfile.gettempdir(), os.path.isdir(tempfile.gettempdir()),
          tempfile.gettempprefix(), tempfile.gettempdirb() == os.fsencode(tempfile.gettempdir()))
    fd, name = tempfile.mkstemp(suffix='.dat', prefix='pre_', dir='.')
    b = os.path.basename(name)
    print(type(fd).__name__, os.path.isabs(name), b.startswith('pre_'), b.endswith('.dat'), len(b),
          oct(stat.S_IMODE(os.stat(name).st_mode)), os.path.dirname(name) == os.getcwd())
    print(os.write(fd, b'abc'), os.lseek(fd, 0, 0), os.read(fd, 10))
    os.close(fd)
    os.unlink(name)
    fd, name = tempfile.mkstemp(dir=b'.', prefix=b'bb')
    print(type(name).__name__, os.path.basename(name).startswith(b'bb'))
    os.close(fd)
    os.unlink(name)
    try:
        tempfile.mkstemp(prefix=b'x', suffix='y')
    except TypeError as e:
        print('TypeError', e)
    names = set()
    for i in range(20):
        fd, name = tempfile.mkstemp(dir='.')
        os.close(fd)
        names.add(name)
    print(len(names), len(listing()))
    for n in names:
        os.unlink(n)
    d = tempfile.mkdtemp(suffix='_d', dir='.')
    print(os.path.isdir(d), d.endswith('_d'), oct(stat.S_IMODE(os.stat(d).st_mode)), os.path.isabs(d))
    os.rmdir(d)
    try:
        tempfile.mkstemp(dir='nope')
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)

    print('--- NamedTemporaryFile')
    with tempfile.NamedTemporaryFile(mode='w+', dir='.', suffix='.txt') as f:
        print(f.write('hello\nworld\n'))
        f.flush()
        f.seek(0)
        print(f.read(), os.path.exists(f.name), f.name.endswith('.txt'), os.path.isabs(f.name), f.mode, f.closed)
        f.seek(0)
        print(list(f), f.readable(), f.writable())
        n = f.name
    print(os.path.exists(n), f.closed)
    f = tempfile.NamedTemporaryFile(dir='.', delete=False)
    f.write(b'keep')
    f.close()
    print(open(f.name, 'rb').read(), f.closed)
    os.unlink(f.name)
    f = tempfile.NamedTemporaryFile(dir='.')
    n = f.name
    f.write(b'x')
    f.close()
    print(os.path.exists(n))
    with tempfile.NamedTemporaryFile(dir='.', delete_on_close=False) as f:
        f.write(b'x')
        f.close()
        print(os.path.exists(f.name), open(f.name, 'rb').read())
    print(os.path.exists(f.name))
    with tempfile.NamedTemporaryFile('w', dir='.', delete=False) as f:
        f.write('after')
    print(open(f.name).read())
    os.unlink(f.name)

    print('--- TemporaryFile')
    with tempfile.TemporaryFile(dir='.') as f:
        f.write(b'anon')
        f.seek(0)
        print(f.read(), listing())
    with tempfile.TemporaryFile('w+', dir='.') as f:
        f.write('text')
        f.seek(0)
        print(f.read())

    print('--- TemporaryDirectory')
    with tempfile.TemporaryDirectory(dir='.', prefix='td') as d:
        os.makedirs(os.path.join(d, 'q/r'))
        with open(os.path.join(d, 'q/r/f'), 'w') as fh:
            fh.write('x')
        os.chmod(os.path.join(d, 'q/r'), 0o500)
        print(os.path.isdir(d), os.path.basename(d).startswith('td'), type(d).__name__)
    print(os.path.exists(d))
    td = tempfile.TemporaryDirectory(dir='.')
    nm = td.name
    print(repr(td).startswith('<TemporaryDirectory '), os.path.isdir(nm))
    td.cleanup()
    td.cleanup()
    print(os.path.exists(nm))
    with tempfile.TemporaryDirectory(dir='.', delete=False) as d:
        pass
    print(os.path.isdir(d))
    os.rmdir(d)
    print(listing())

    print('--- SpooledTemporaryFile')
    s = tempfile.SpooledTemporaryFile(max_size=10)
    s.write(b'12345')
    print(s._rolled, s.tell(), s.name)
    s.write(b'678901')
    print(s._rolled, s.tell())
    s.seek(0)
    print(s.read())
    s.close()
    print(s.closed)
    with tempfile.SpooledTemporaryFile(mode='w+') as s:
        s.write('text')
        s.seek(0)
        print(s.read(), s._rolled, s.mode)
        s.fileno()
        print(s._rolled)
        s.seek(0)
        print(s.read())
finally:
    os.chdir(old)
    import shutil
    shutil.rmtree(work)
print(os.path.exists(work))
