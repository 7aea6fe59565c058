# pathlib pure paths: parsing, str/repr, parts, parent(s), name/stem/suffix(es), with_*, relative_to
# (walk_up), is_relative_to, match/full_match, joining, ordering/hashing and the ValueError/TypeError
# messages of invalid uses.
from pathlib import PurePath, PurePosixPath as P, PureWindowsPath, Path, PosixPath


def show(f):
    try:
        print(' ', repr(f()))
    except Exception as e:
        print(' ', type(e).__name__, e)


for s in ('', '.', 'a', 'a/b', '/a/b', 'a//b/./c/', '//a/b', '///a', '/', 'a/../b', '../x', './a.txt',
          'dir/arch.tar.gz', '.bashrc', 'foo.', 'a..b', '/x/.hidden.ext'):
    p = P(s)
    print(repr(s), str(p), repr(p), p.parts, p.drive, repr(p.root), repr(p.anchor), repr(p.name),
          repr(p.stem), repr(p.suffix), p.suffixes, p.parent, p.is_absolute(), list(p.parents))
print(type(PurePath('a')).__name__, type(Path('a')).__name__, P('a', 'b', '/c', 'd'), P(P('a'), 'b'), P())
print(P('a') / 'b' / P('c'), 'x' / P('y'), P('a').joinpath('b', 'c'), P('a') / '/abs', P('a').joinpath())
print(P('a/b').as_posix(), P('/a b/ü').as_uri(), P('/a/b').as_uri(), P('//h/s').as_uri(), P('x/y').__fspath__(),
      bytes(P('a/b')))
ps = P('a/b/c/d').parents
print(len(ps), ps[0], ps[-1], ps[1:3], ps[::2], ps[-2], repr(ps)[:8])
show(lambda: ps[4])
show(lambda: ps[-5])

print('--- with_*')
show(lambda: P('a/b.txt').with_name('c.md'))
show(lambda: P('a/b.txt').with_stem('c'))
show(lambda: P('a/b.txt').with_suffix('.md'))
show(lambda: P('a/b.txt').with_suffix(''))
show(lambda: P('a/b').with_suffix('.x.y'))
show(lambda: P('a.').with_suffix('.x'))
show(lambda: P('a/b.tar.gz').with_suffix('.bz2'))
show(lambda: P('a').with_name('..'))
show(lambda: P('a').with_stem('b.c'))
show(lambda: P('').with_name('x'))
show(lambda: P('/').with_suffix('.x'))
show(lambda: P('a').with_name('b/c'))
show(lambda: P('a').with_name(''))
show(lambda: P('a').with_name('.'))
show(lambda: P('a').with_suffix('b'))
show(lambda: P('a').with_suffix('.'))
show(lambda: P('a').with_suffix('x.'))
show(lambda: P('a/b').with_suffix('.x/y'))
show(lambda: P('a').with_stem(''))
show(lambda: P('a.b').with_stem(''))

print('--- relative_to')
show(lambda: P('/a/b/c').relative_to('/a'))
show(lambda: P('/a/b/c').relative_to(P('/a/b/c')))
show(lambda: P('a/b').relative_to('c'))
show(lambda: P('/a').relative_to('b'))
show(lambda: P('a/b').relative_to('c', walk_up=True))
show(lambda: P('/a/b').relative_to('/a/c/d', walk_up=True))
show(lambda: P('/a/b').relative_to('/', walk_up=True))
show(lambda: P('a/b').relative_to('a/../c', walk_up=True))
show(lambda: P('/a').relative_to('b', walk_up=True))
show(lambda: P('a').relative_to('/a', walk_up=True))
print(P('/a/b').is_relative_to('/a'), P('/a/b').is_relative_to('/a/b'), P('/a/b').is_relative_to('/c'),
      P('a').is_relative_to(''), P('a/b').is_relative_to('b'))

print('--- match')
for path, pat in (('a/b.py', '*.py'), ('a/b.py', 'a/*.py'), ('/a/b.py', '/*.py'), ('/a/b.py', '/a/*.py'),
                  ('a/b.py', 'b/*.py'), ('a/b', 'a/b/c'), ('a/b', '**'), ('a/b', 'b'), ('A/B', 'a/*'),
                  ('a/b.PY', '*.py'), ('x[1].txt', 'x[[]1].txt'), ('ab', 'a?'), ('ab', '[!a]b')):
    print(path, pat, P(path).match(pat), P(path).match(pat, case_sensitive=False))
show(lambda: P('a').match(''))
for path, pat in (('a/b/c.py', '**/*.py'), ('c.py', '**/*.py'), ('a/b', 'a/**'), ('a', 'a/**'), ('a/b', 'a/**/b'),
                  ('a/x/y/b', 'a/**/b'), ('a/b', '*'), ('a/b', '*/*'), ('/a/b', '/a/*'), ('/a/b', 'a/*'),
                  ('a/b', '**'), ('A/b', 'a/*')):
    print(path, pat, P(path).full_match(pat), P(path).full_match(pat, case_sensitive=False))

print('--- compare')
print(P('a') == P('a/'), P('a//b') == P('a/b'), P('a') == P('A'), P('a') == 'a', P('a') != P('b'),
      hash(P('a/b')) == hash(P('a//b/')), len({P('a'), P('a/.'), P('./a')}))
print(sorted([P('b'), P('a/c'), P('a'), P('/z'), P('a b'), P('a/b/c')]))
print(P('a') < P('b'), P('a/b') <= P('a/b'), P('b') > P('a/z'), P('a') >= P('a'))
show(lambda: P('a') < 'b')
show(lambda: P('a') / 3)
show(lambda: 3 / P('a'))
show(lambda: P(3))
show(lambda: P('a', b'x'))
print(PosixPath('a') == P('a'), type(P('a').parent).__name__, type(Path('a/b').parents[0]).__name__,
      repr(Path('a').with_name('b')))
print(repr(PureWindowsPath('c:/a/b')), PureWindowsPath('c:\\a\\b').parts, PureWindowsPath('a/b').name)
