"""linecache: getline/getlines, the cache, checkcache after changes and removal, lazycache."""
import linecache, os, time
fn = 'lc_tmp_%d.txt' % os.getpid()
with open(fn, 'w') as f: f.write('one\ntwo\nthree')
print(repr(linecache.getline(fn, 1)), repr(linecache.getline(fn, 3)), repr(linecache.getline(fn, 4)), repr(linecache.getline(fn, 0)), repr(linecache.getline(fn, -1)))
print(linecache.getlines(fn), fn in linecache.cache, linecache.cache[fn][2], linecache.cache[fn][0])
with open(fn, 'w') as f: f.write('changed content\n')
print(repr(linecache.getline(fn, 1)))
linecache.checkcache(fn); print(fn in linecache.cache, repr(linecache.getline(fn, 1)))
os.remove(fn)
print(repr(linecache.getline(fn, 1)))
linecache.checkcache(); print(fn in linecache.cache, repr(linecache.getline(fn, 1)), linecache.getlines(fn))
print(linecache.getlines('<string>'), linecache.getline('', 1), linecache.getlines('/nonexistent/x.py'))
class Loader:
    def get_source(self, name): return 'src of %s\nline2' % name
g = {'__name__': 'fake_mod', '__loader__': Loader()}
print(linecache.lazycache('fake_mod.py', g), linecache.cache['fake_mod.py'][0] is not None and len(linecache.cache['fake_mod.py']))
print(repr(linecache.getline('fake_mod.py', 2)), linecache.lazycache('fake_mod.py', g), linecache.lazycache('<x>', g), linecache.lazycache('other.py', {}))
linecache.clearcache(); print(linecache.cache)
print(repr(linecache.getline('x/../' + __file__.split('/')[-1], 1)) if False else 'skip')
