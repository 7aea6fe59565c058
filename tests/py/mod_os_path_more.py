# os.path: expandvars, commonpath, commonprefix, relpath, realpath (links, loops, strict), ismount,
# bytes paths, os.PathLike arguments and the errors of mixing types.
import os
import os.path as p
import tempfile


class P:
    def __init__(self, s):
        self.s = s

    def __fspath__(self):
        return self.s


def show(f, *a, **k):
    try:
        print(' ', repr(f(*a, **k)))
    except (TypeError, ValueError, OSError) as e:
        print(' ', type(e).__name__, e)


os.environ['KR_V'] = 'val'
os.environ.pop('KR_NOPE', None)
for s in ('$KR_V/x', '${KR_V}y', '$KR_NOPE ${KR_NOPE}', '$ a$', '${KR_V', 'a$KR_V.b', '$KR_V_2', '${}', 'no vars',
          '$$KR_V', b'$KR_V/b'):
    show(p.expandvars, s)
for ps in (['/a/b/c', '/a/b/d', '/a/b'], ['a/b', 'a/c'], ['a'], ['/a', '/b'], ['a/./b', 'a/b/c'], ['/'],
           [P('x/y'), 'x/z'], [b'/a/b', b'/a/c'], [], ['/a', 'b'], ['a', b'b']):
    show(p.commonpath, ps)
for ps in (['abc', 'abd'], ['/usr/lib', '/usr/local'], [], ['same', 'same'], [P('ab'), 'ac']):
    show(p.commonprefix, ps)
for a in (('/a/b/c', '/a/d'), ('a', 'a'), ('/x', '/'), ('/', '/x/y'), ('a/b', 'a/b/c'), (b'/a/b', b'/a'),
          ('',), ('a', b'b')):
    show(p.relpath, *a)
print(p.ismount('/'), p.ismount('.'), p.ismount('/nonexistent-xyz'), p.isjunction('.'))
for s in (b'a//b/../c', b'/x/y.txt', b''):
    print(p.normpath(s), p.split(s), p.splitext(s), p.basename(s), p.dirname(s), p.isabs(s))
print(p.join(b'a', b'b', b'/c'), p.splitroot(b'//x'), p.normcase(P('Q')), p.splitdrive(P('/q')))
show(p.join, 'a', b'b')
show(p.join, 'a', 3)
show(p.join, b'a', 'b')

base = os.path.realpath(tempfile.mkdtemp())
old = os.getcwd()
os.chdir(base)
try:
    os.makedirs('d/e')
    with open('d/e/f', 'w') as f:
        f.write('x')
    os.symlink('d', 'l1')
    os.symlink('l1/e', 'l2')
    os.symlink('loop', 'loop')
    os.symlink('nowhere', 'dangling')
    os.symlink(base + '/d', 'abs')
    for s in ('l1', 'l2/f', 'l1/../x', 'l2/../e', 'loop', 'loop/x', 'dangling', 'abs/e', '.', 'd/./e//f', P('l1')):
        r = p.realpath(s)
        print(repr(s if isinstance(s, str) else 'P'), '->', p.relpath(r, base) if r.startswith(base) else r)
    print(p.relpath(p.realpath(b'l1').decode(), base))
    for s in ('loop', 'dangling', 'nope/x'):
        try:
            p.realpath(s, strict=True)
        except OSError as e:
            print(s, type(e).__name__, e.errno)
    print(p.relpath(p.realpath('l2/f', strict=True), base), p.samefile('l2/f', 'd/e/f'), p.islink('l2'),
          p.lexists('dangling'), p.exists('dangling'))
    print(p.abspath('x') == p.join(base, 'x'), p.abspath(b'x') == p.join(base.encode(), b'x'))
    print(p.getsize('d/e/f'), type(p.getmtime('d/e/f')).__name__, p.getatime('d/e/f') > 0)
finally:
    os.chdir(old)
    import shutil
    shutil.rmtree(base)
print(p.exists(base))
