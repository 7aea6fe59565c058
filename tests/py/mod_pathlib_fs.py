# pathlib concrete paths: mkdir(parents, exist_ok), touch, read/write text and bytes, iterdir, glob/rglob
# (hidden names, '**', trailing '/', case_sensitive, symlinks), stat, exists/is_*, rename/replace,
# unlink(missing_ok), rmdir, resolve/absolute, samefile, walk, open, symlink_to/readlink, and errors.
import os
import tempfile
from pathlib import Path, PurePosixPath

base = Path(os.path.realpath(tempfile.mkdtemp()))
old = os.getcwd()
os.chdir(base)


def show(f):
    try:
        r = f()
        print(' ', repr(r))
    except Exception as e:
        print(' ', type(e).__name__, e)


try:
    root = Path('t')
    print(root.exists(), root.is_dir())
    (root / 'a' / 'b').mkdir(parents=True)
    show(lambda: (root / 'a').mkdir())
    (root / 'a').mkdir(exist_ok=True)
    show(lambda: Path('x/y/z').mkdir())
    show(lambda: Path('t/a/b').mkdir(parents=True))
    (root / 'a' / 'b').mkdir(parents=True, exist_ok=True)
    print((root / 'x.py').write_text('print(1)\n'), (root / 'a' / 'y.py').write_text('héllo', encoding='utf-8'),
          (root / 'a/b/z.py').write_bytes(b'\x00\xff'), (root / '.dot.py').write_text(''))
    show(lambda: (root / 'x.py').write_text(b'no'))
    (root / '.h').mkdir()
    (root / '.h/w.py').touch()
    (root / 'data.TXT').touch()
    (root / 'lnk').symlink_to('a')
    print(repr((root / 'a/y.py').read_text()), (root / 'a/b/z.py').read_bytes(), (root / 'lnk').readlink())
    show(lambda: (root / 'nope').read_text())
    show(lambda: (root / 'a').read_text())
    show(lambda: Path('t/x.py').touch(exist_ok=False))
    print(sorted(p.name for p in root.iterdir()))
    show(lambda: list(Path('nope').iterdir()))

    print('--- glob')
    for pat in ('*', '*.py', '**', '**/', '**/*.py', '*/', 'a/*', 'a/../*.py', 'a', 'nope', '*/*.py', '.*',
                '**/b', 'lnk/*', '**/**/*.py', 'data.txt', '[xd]*'):
        print(pat, sorted(str(p) for p in root.glob(pat)))
    print('ci', sorted(str(p) for p in root.glob('*.txt', case_sensitive=False)),
          sorted(str(p) for p in root.glob('X.PY', case_sensitive=False)))
    print('rglob', sorted(str(p) for p in root.rglob('*.py')), sorted(str(p) for p in root.rglob('b')))
    print('follow', sorted(str(p) for p in root.glob('**/*.py', recurse_symlinks=True)))
    print('cwd', sorted(str(p) for p in Path('.').glob('t/*.py')), sorted(str(p) for p in Path().glob('t')))
    show(lambda: list(root.glob('')))
    show(lambda: list(root.glob('/x')))
    print(all(isinstance(p, Path) for p in root.rglob('*')))

    print('--- queries')
    f = root / 'x.py'
    print(f.is_file(), f.is_dir(), f.is_symlink(), f.exists(), (root / 'lnk').is_symlink(), (root / 'lnk').is_dir(),
          (root / 'lnk').exists(follow_symlinks=False), Path('nope').exists(), Path('nope').is_file(),
          f.is_socket(), f.is_fifo(), f.is_block_device(), f.is_char_device(), Path('/dev/null').is_char_device(),
          f.is_junction(), Path('/').is_mount(), f.is_mount())
    st = f.stat()
    print(st.st_size, (root / 'lnk').lstat().st_mode & 0o170000 == 0o120000, f.samefile('t/x.py'),
          (root / 'lnk').samefile(root / 'a'), f.samefile(Path('t/a/y.py')))
    show(lambda: Path('nope').stat())
    show(lambda: f.samefile('nope'))
    print(Path('t/a/../x.py').resolve().relative_to(base), Path('t/lnk/b').resolve().relative_to(base),
          Path('t/nope/x').resolve().relative_to(base), Path('.').resolve() == base, Path().absolute() == base,
          Path('t/x').absolute().relative_to(base), Path('/abs').absolute())
    try:
        Path('t/nope').resolve(strict=True)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename == str(base / 't/nope'))
    print(Path.cwd() == base, isinstance(Path.home(), Path), Path('~').expanduser() == Path.home(),
          Path('a/~').expanduser())

    print('--- open')
    with (root / 'o.txt').open('w') as fh:
        fh.write('line1\nline2\n')
    with (root / 'o.txt').open() as fh:
        print(fh.readlines())
    with open(root / 'o.txt', 'a') as fh:
        fh.write('line3\n')
    print((root / 'o.txt').read_text().splitlines(), (root / 'o.txt').read_bytes()[:5])
    with open(root / 'new.txt', 'x') as fh:
        fh.write('exclusive')
    show(lambda: open(root / 'new.txt', 'x'))
    show(lambda: open(Path('nope/dir/f'), 'w'))

    print('--- change')
    t = (root / 'o.txt').rename(root / 'p.txt')
    print(repr(t), sorted(p.name for p in root.glob('*.txt')))
    t2 = t.replace(root / 'new.txt')
    print(repr(t2), t2.read_text(), t.exists())
    show(lambda: (root / 'nope').rename(root / 'x'))
    (root / 'new.txt').unlink()
    show(lambda: (root / 'new.txt').unlink())
    (root / 'new.txt').unlink(missing_ok=True)
    show(lambda: (root / 'a').rmdir())
    show(lambda: (root / 'a').unlink())
    (root / 'e').mkdir()
    (root / 'e').rmdir()
    (root / 'hl').hardlink_to(root / 'x.py')
    print((root / 'hl').stat().st_nlink, (root / 'hl').samefile(root / 'x.py'))
    (root / 'x.py').chmod(0o600)
    print(oct((root / 'x.py').stat().st_mode & 0o777))

    print('--- walk')
    for d, dirs, files in root.walk():
        dirs.sort()
        print(repr(d), dirs, sorted(files))
    print([str(d) for d, _, _ in root.walk(top_down=False) if d.name in ('a', 'b', 't')])
    print(sorted(str(d) for d, _, _ in root.walk(follow_symlinks=True)))
    errs = []
    print(list(Path('nope').walk(on_error=errs.append)), [type(e).__name__ for e in errs])
    print(os.fspath(root / 'a'), os.path.join(root, 'q'), os.stat(root / 'x.py').st_size, os.listdir(root / 'a/b'))
finally:
    os.chdir(old)
    import shutil
    shutil.rmtree(base)
print(base.exists())
