# glob over a temporary tree: wildcards, sets, escape, hidden-name rule, trailing slash (directories
# only), symlinks (dangling ones exist for glob), recursive **, root_dir, include_hidden, translate;
# and the os pieces glob stands on (scandir/DirEntry, lstat, islink, lexists, readlink, symlink).
import glob, os
# The tree lives in a per-process directory (the golden modes run in parallel); only paths relative
# to it are printed.
base = '/tmp/krait_mod_glob_tree_%d' % os.getpid()

def rmtree(p):
    if os.path.islink(p) or not os.path.isdir(p):
        os.remove(p)
        return
    for n in os.listdir(p):
        rmtree(os.path.join(p, n))
    os.rmdir(p)

if os.path.lexists(base):
    rmtree(base)
for d in ['a', 'a/b', 'a/b/c', 'a/.hid', 'x[y]', 'emptydir', '.dotdir', '.dotdir/sub']:
    os.makedirs(os.path.join(base, d))
for f in ['one.txt', 'two.txt', 'three.py', '.hidden.txt', 'a/f.txt', 'a/b/g.txt', 'a/b/c/h.py', 'a/.hid/i.txt',
          'x[y]/z.txt', 'star*name', 'q?mark', '.dotdir/j.txt', '.dotdir/sub/k.txt', 'a/b/.secret']:
    with open(os.path.join(base, f), 'w') as fh:
        fh.write('x')
os.symlink('one.txt', os.path.join(base, 'link.txt'))
os.symlink('missing-target', os.path.join(base, 'dangling.txt'))
os.symlink('a', os.path.join(base, 'linkdir'))

def rel(paths):
    out = []
    for p in paths:
        assert p.startswith(base) or not p.startswith('/'), p
        out.append(p[len(base) + 1:] if p.startswith(base + '/') else ('<base>' if p == base else p))
    return sorted(out)

def show(pat, **kw):
    print(repr(pat), kw, rel(glob.glob(os.path.join(base, pat) if pat is not None else base, **kw)))

for pat in ['*', '*.txt', '*.py', '?n*', '.*', '*/', '*/*', '*/*.txt', 'a/*', 'a/*/*', 'a/b/c/*', 'x[[]y]/*',
            'x[y]/*', glob.escape('x[y]') + '/*', 'star*', glob.escape('star*name'), glob.escape('q?mark'),
            'nothing*', 'one.txt', 'missing.txt', 'dangling.txt', 'link*', 'linkdir/*', 'emptydir/*',
            'a/', 'a', 'one.txt/', '[ot]*', '[!ot]*', 'a/.*', '.dotdir/*', '*/.*', '*/f*']:
    show(pat)
for pat in ['**', '**/', '**/*.txt', '**/*.py', 'a/**', 'a/**/', 'a/**/*.txt', '**/c/*', '**/**/*.py', 'a/**/h.py',
            '**/.*', '**/b']:
    show(pat, recursive=True)
for pat in ['**', '**/*.txt', '*', 'a/*']:
    show(pat, recursive=True, include_hidden=True)
show('**/*.txt')
show('*', include_hidden=True)
os.chdir(base)
print(sorted(glob.glob('*.txt')), sorted(glob.glob('a/**/*.txt', recursive=True)), sorted(glob.glob('**', recursive=True))[:6])
print(sorted(glob.glob('*.txt', root_dir='a')), sorted(glob.glob('**/*.txt', root_dir=base + '/a', recursive=True)))
print(sorted(glob.glob('', root_dir='a')), glob.glob(''), sorted(glob.glob('b/*', root_dir='a')))
print(sorted(glob.iglob('*.py')), type(glob.iglob('*')).__name__ in ('generator', 'chain', 'list_iterator', 'tuple_iterator'))
print(sorted(os.listdir('.'))[:4])
os.chdir('/')
print(glob.has_magic('abc'), glob.has_magic('a*c'), glob.has_magic('a[c'), glob.has_magic(b'a?'), glob.has_magic(b'abc'))
print(glob.escape('a*b?c[d]e'), glob.escape(b'x*y'), glob.escape('//?/c:'))
for pat, kw in [('*.txt', {}), ('**/*.txt', {'recursive': True}), ('a/**', {'recursive': True}),
                ('*', {'include_hidden': True}), ('**', {'recursive': True, 'include_hidden': True}),
                ('a?[bc]', {}), ('a/b/', {}), ('**/**/x', {'recursive': True}), ('[!a]*', {}),
                ('*', {'seps': ['/', '\\']}), ('**', {})]:
    print(pat, kw, glob.translate(pat, **kw))
import re
rx = re.compile(glob.translate('**/*.txt', recursive=True))
print([p for p in ['a.txt', 'a/b.txt', '.h/b.txt', 'a/.b.txt', 'a/b/c.txt', 'a.py'] if rx.match(p)])
# os pieces used by glob
e = sorted(os.scandir(base), key=lambda e: e.name)
print([(x.name, x.is_dir(), x.is_file(), x.is_symlink(), x.is_dir(follow_symlinks=False)) for x in e])
print([x.path[len(base):] for x in e][:3], repr(e[0]).startswith("<DirEntry '"), os.fspath(e[0]) == e[0].path)
print(os.path.islink(base + '/link.txt'), os.path.islink(base + '/one.txt'), os.path.islink(base + '/nope'),
      os.path.lexists(base + '/dangling.txt'), os.path.exists(base + '/dangling.txt'), os.readlink(base + '/linkdir'))
print(os.lstat(base + '/link.txt').st_size == len('one.txt'), os.stat(base + '/link.txt').st_size,
      os.stat(base + '/link.txt', follow_symlinks=False).st_mode == os.lstat(base + '/link.txt').st_mode)
print(os.path.samefile(base + '/link.txt', base + '/one.txt'), os.path.splitdrive('/a/b'), os.path.splitroot('//x/y'),
      os.path.splitroot('///x'), os.path.splitroot('x/y'), os.path.splitroot('/x'))
with os.scandir(base + '/a') as it:
    first = next(it)
print(first.name in ('b', '.hid', 'f.txt'), list(it))
try:
    os.scandir(base + '/nope')
except FileNotFoundError as ex:
    print('FileNotFoundError', ex.errno, ex.filename[len(base):])
try:
    os.lstat(base + '/nope')
except FileNotFoundError as ex:
    print('FileNotFoundError', ex.strerror)
rmtree(base)
print(os.path.exists(base))
