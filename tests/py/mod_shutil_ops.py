# shutil: copyfileobj, copyfile/copy/copy2 (modes, times, SameFileError, links), copymode/copystat,
# copytree (ignore_patterns, dirs_exist_ok, symlinks, Error list), move (rename and into a directory),
# rmtree (onexc/onerror/ignore_errors, symlink refusal), which, disk_usage, get_terminal_size.
import io
import os
import shutil
import tempfile
from pathlib import Path

base = tempfile.mkdtemp(prefix='krt_')
print(os.path.isdir(base), os.path.basename(base).startswith('krt_'), oct(os.stat(base).st_mode & 0o777))
old = os.getcwd()
os.chdir(base)


def show(f, *a, **k):
    try:
        print(' ', repr(f(*a, **k)))
    except shutil.Error as e:
        print(' ', type(e).__name__, sorted(e.args[0]))
    except (OSError, TypeError, ValueError) as e:
        print(' ', type(e).__name__, e)


try:
    src, dst = io.BytesIO(b'x' * 100000), io.BytesIO()
    shutil.copyfileobj(src, dst, 4096)
    print(len(dst.getvalue()))
    src, dst = io.StringIO('text'), io.StringIO()
    shutil.copyfileobj(src, dst)
    print(dst.getvalue())

    Path('src/sub').mkdir(parents=True)
    Path('src/a.txt').write_text('alpha\n')
    Path('src/b.log').write_text('log')
    Path('src/sub/c.txt').write_bytes(b'\x00\x01')
    os.chmod('src/a.txt', 0o640)
    os.utime('src/a.txt', (100, 200))
    os.symlink('a.txt', 'src/link')
    print(shutil.copyfile('src/a.txt', 'x.txt'), open('x.txt').read() == 'alpha\n', os.stat('x.txt').st_mtime != 200)
    print(shutil.copy('src/a.txt', '.'), oct(os.stat('a.txt').st_mode & 0o777), os.stat('a.txt').st_mtime != 200)
    print(shutil.copy2('src/a.txt', 'c2.txt'), os.stat('c2.txt').st_mtime,
          oct(os.stat('c2.txt').st_mode & 0o777))
    print(shutil.copy2(Path('src/a.txt'), Path('src/sub')), shutil.copy('src/link', 'lcopy'), os.path.islink('lcopy'))
    print(shutil.copy('src/link', 'lcopy2', follow_symlinks=False), os.path.islink('lcopy2'), os.readlink('lcopy2'))
    show(shutil.copyfile, 'a.txt', 'a.txt')
    show(shutil.copyfile, 'src/link', 'src/a.txt')
    show(shutil.copyfile, 'nope', 'z')
    show(shutil.copyfile, 'a.txt', 'nodir/z')
    show(shutil.copyfile, 'src', 'z')
    os.chmod('x.txt', 0o604)
    shutil.copymode('x.txt', 'c2.txt')
    print(oct(os.stat('c2.txt').st_mode & 0o777))
    shutil.copystat('src/a.txt', 'x.txt')
    print(oct(os.stat('x.txt').st_mode & 0o777), os.stat('x.txt').st_mtime)
    show(shutil.copymode, 'nope', 'x.txt')

    print('--- copytree')
    print(shutil.copytree('src', 'dst'))
    print(sorted(str(p) for p in Path('dst').rglob('*')), os.path.islink('dst/link'),
          os.stat('dst/a.txt').st_mtime, oct(os.stat('dst/a.txt').st_mode & 0o777))
    show(shutil.copytree, 'src', 'dst')
    show(shutil.copytree, 'nope', 'dst9')
    show(shutil.copytree, 'src', 'dst', dirs_exist_ok=True, symlinks=True)
    os.unlink('dst/link')
    shutil.copytree('src', 'dst', dirs_exist_ok=True, symlinks=True)
    print(os.path.islink('dst/link'), os.readlink('dst/link'))
    seen = []

    def ign(d, names):
        seen.append((d, sorted(names)))
        return {'b.log'}
    shutil.copytree('src', 'dst2', ignore=ign)
    print(sorted(seen), sorted(os.listdir('dst2')))
    shutil.copytree('src', 'dst3', ignore=shutil.ignore_patterns('*.log', 'sub'))
    print(sorted(os.listdir('dst3')), sorted(shutil.ignore_patterns('*.txt', 'c*')('x', ['a.txt', 'c.md', 'd'])))
    copied = []
    shutil.copytree('src', 'dst4', copy_function=lambda s, d: copied.append(s) or shutil.copyfile(s, d))
    print(sorted(copied))

    print('--- move')
    print(shutil.move('dst2', 'moved'), sorted(os.listdir('.')))
    print(shutil.move('x.txt', 'moved'), sorted(os.listdir('moved')))
    print(shutil.move('moved/x.txt', 'y.txt'), os.path.exists('y.txt'))
    show(shutil.move, 'y.txt', 'moved')
    Path('moved/y.txt').unlink()
    show(shutil.move, 'y.txt', 'moved')
    show(shutil.move, 'moved', 'moved/inner')
    show(shutil.move, 'nope', 'z')

    print('--- rmtree')
    errs = []
    shutil.rmtree('nope', onexc=lambda f, p, e: errs.append((f.__name__, p, type(e).__name__)))
    shutil.rmtree('nope2', onerror=lambda f, p, ei: errs.append((f.__name__, p, ei[0].__name__, type(ei[1]).__name__)))
    print(errs)
    shutil.rmtree('nope', ignore_errors=True)
    show(shutil.rmtree, 'nope')
    os.symlink('dst', 'dlink')
    show(shutil.rmtree, 'dlink')
    errs = []
    shutil.rmtree('dlink', onexc=lambda f, p, e: errs.append((p, type(e).__name__, str(e))))
    print(errs, os.path.islink('dlink'))
    os.unlink('dlink')
    show(shutil.rmtree, 'y.txt')
    for d in ('dst', 'dst3', 'dst4', 'moved'):
        shutil.rmtree(d)
    shutil.rmtree(Path('src'))
    print(sorted(os.listdir('.')))

    print('--- which / disk_usage / terminal size')
    u = shutil.disk_usage('.')
    print(u.total >= u.used >= 0, u.free > 0, len(u), repr(u)[:12], u == (u.total, u.used, u.free))
    show(shutil.disk_usage, 'nope')
    Path('bin').mkdir()
    Path('bin/tool').write_text('#!/bin/sh\n')
    os.chmod('bin/tool', 0o755)
    Path('bin/data').write_text('')
    print(shutil.which('tool', path='bin'), shutil.which('data', path='bin'), shutil.which('nope', path='bin'),
          shutil.which('bin/tool'), shutil.which('tool', path='nope:bin'), shutil.which('tool', path=''),
          shutil.which('data', mode=os.F_OK, path='bin'), shutil.which(b'tool', path='bin'))
    print(shutil.which('sh') is not None, shutil.which('definitely-not-here-xyz'))
    os.environ['COLUMNS'] = '77'
    os.environ['LINES'] = '33'
    print(shutil.get_terminal_size(), tuple(shutil.get_terminal_size()))
    os.environ['COLUMNS'] = 'bad'
    sz = shutil.get_terminal_size((11, 22))
    print(sz.lines, type(sz.columns).__name__)
finally:
    os.chdir(old)
    shutil.rmtree(base)
print(os.path.exists(base))
