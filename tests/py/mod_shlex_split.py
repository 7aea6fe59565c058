# shlex: split in POSIX and non-POSIX mode with and without comments, quoting/escape rules, errors
# ("No closing quotation", "No escaped character"), quote/join, punctuation_chars, the shlex class
# (get_token, push_token, push_source, error_leader, lineno, custom wordchars/whitespace/escape).
import shlex, io
cases = ['a b c', '  leading and trailing  ', 'a "b c" d', "a 'b c' d", 'a"b c"d', "it's", 'x\\ y z', '"a\\"b"', "'a\\'b",
         '"a\\\\b"', '"a\\nb"', "'a\\nb'", 'echo $HOME # comment', 'a#b c', '', '   ', '""', "''", 'a "" b', 'foo=bar baz=qux',
         'ls -l|grep x&&echo done;(cd x)', 'a\\', '"unterminated', "'also", 'tab\tsep\nline', '\\"x\\"', 'é ñ ü', 'a\\ b\\\\c',
         'x"y"\'z\'w', '"a"b"c"', 'a;b', '--opt=value --flag', '~/path/*.txt ../x']
for c in cases:
    for posix in (True, False):
        for comments in (False, True):
            try:
                r = shlex.split(c, comments=comments, posix=posix)
            except ValueError as e:
                r = 'ValueError: %s' % e
            print(repr(c), posix, comments, r)
try:
    shlex.split(None)
except ValueError as e:
    print('ValueError', e)
for s in ['', 'abc', 'a b', "it's", 'a"b', '$x', 'safe-chars_./:=@%+,', 'é', 'x\ny', '*', '~user']:
    print(repr(s), shlex.quote(s))
for bad in (1, None, b'x'):
    try:
        print(shlex.quote(bad))
    except TypeError as e:
        print('TypeError', e)
print(shlex.quote(b''), shlex.join(['echo', 'hello world', "it's", '', '$x']))
print(shlex.split(shlex.join(['a b', "c'd", 'e"f', ''])))
def toks(lex):
    out = []
    while True:
        t = lex.get_token()
        if t == lex.eof:
            return out
        out.append(t)
for text in ['a && b || c; d > e 2>&1 < f', 'ls|wc -l', '(a)(b)', 'x=1;y=$(echo 2)', "echo 'a;b' \"c|d\" e\\;f",
             'a#b;c # rest', 'cmd --opt=a/b.c *.py ~/x -- -1']:
    for posix in (False, True):
        for ws in (False, True):
            lex = shlex.shlex(text, posix=posix, punctuation_chars=True)
            lex.whitespace_split = ws
            print(repr(text), posix, ws, toks(lex))
lex = shlex.shlex('a b c', punctuation_chars=';')
print(lex.punctuation_chars, list(lex), shlex.shlex('x', punctuation_chars=True).punctuation_chars)
lex = shlex.shlex('one two\nthree "four five" 6.5 x-y a_b', posix=False)
print([(t, lex.lineno) for t in lex])
lex = shlex.shlex('one two\nthree "four five" 6.5 x-y a_b', posix=True)
print(list(lex), lex.eof, shlex.shlex('x').eof == '')
lex = shlex.shlex(io.StringIO('alpha beta\ngamma # comment here\ndelta'), infile='conf.txt')
print(lex.get_token(), lex.get_token(), lex.error_leader(), lex.get_token(), lex.lineno, lex.get_token(), lex.error_leader('f', 9))
lex.push_token('pushed')
print(lex.get_token(), repr(lex.get_token()))
lex = shlex.shlex('a b', posix=True)
lex.push_source('x y')
print(list(lex))
lex = shlex.shlex("key = 'value with spaces' ; other=\"q\"", posix=True)
lex.wordchars += '='
print(list(lex))
lex = shlex.shlex('a,b,c', posix=True)
lex.whitespace += ','
lex.whitespace_split = True
print(list(lex))
lex = shlex.shlex('%x %y', posix=True)
lex.escape = '%'
print(list(lex))
lex = shlex.shlex('a "b c', posix=True)
try:
    print(list(lex))
except ValueError as e:
    print('ValueError', e, lex.lineno)
print(shlex.split('a \\\n b'), shlex.split('"a \\\n b"'), shlex.split("'\\\\'"), shlex.split('"\\$x \\` \\a"'))
print(shlex.split('x # y', comments=True), shlex.split('x#y', comments=True), shlex.split('#all', comments=True))
print(list(shlex.shlex('a.b c-d 1.5 e/f')), list(shlex.shlex('a.b c-d', posix=True, punctuation_chars=True)))
