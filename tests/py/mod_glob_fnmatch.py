# fnmatch: translate() output for sets, ranges (reversed, empty, with hyphens), escapes and stars;
# matching with fnmatch/fnmatchcase/filter, bytes names, and the TypeError messages.
import fnmatch
pats = ['*', '*.py', 'a?c', '[abc]x', '[!abc]x', '[]]', '[!]]', '[a-c]', '[c-a]', '[a-]', '[-a]', '[!-a]',
        '[', '[!', 'x[', '[\\]', '[a\\-z]', '*a*b*', 'a**b', '[&~|]', '[^a]', '[[]', '\\*', '.*', '[!]',
        '[]', '*[a-z]*[0-9]', '[a-c-e]', '[z-a-c]', '[%--]', '[a-z-]', 'a.b', 'x+y(z)', '[!a-cd-f]']
for p in pats:
    print(repr(p), repr(fnmatch.translate(p)))
names = ['abc', 'a.py', 'b.PY', 'ax', 'dx', ']', '!', 'b', '-', '\\', '.hidden', 'a+b', 'x+y(z)', 'a.b', 'aXb',
         'a1', 'z9', 'aab', 'e', '^', '&', 'axxb', '[', 'x[', '', 'a\nb']
for p in pats:
    print(repr(p), [n for n in names if fnmatch.fnmatchcase(n, p)], fnmatch.filter(names, p) == [n for n in names if fnmatch.fnmatch(n, p)])
print(fnmatch.fnmatch('FOO.py', '*.py'), fnmatch.fnmatch('foo.PY', '*.py'), fnmatch.fnmatchcase('a\nb', 'a?b'))
print(fnmatch.fnmatch(b'abc', b'a*'), fnmatch.filter([b'ab', b'ba', b'a\xff'], b'a*'))
for args in [(b'abc', 'a*'), ('abc', b'a*'), (1, 'a'), ('a', 1)]:
    try:
        print(fnmatch.fnmatchcase(*args))
    except TypeError as e:
        print('TypeError', e)
for args in [(1, 'a'), ('a', None)]:
    try:
        print(fnmatch.fnmatch(*args))
    except TypeError as e:
        print('TypeError', e)
print(fnmatch.fnmatch('a' * 50 + 'b', '*a*a*a*a*a*a*a*a*a*a*c'))
