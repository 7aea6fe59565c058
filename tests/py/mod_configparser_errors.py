# configparser: parse errors, duplicate detection, interpolation errors and the error classes' messages.
import configparser
import os
import tempfile

def attempt(text, **kw):
    c = configparser.ConfigParser(**kw)
    try:
        c.read_string(text, source='cfg.ini')
        print('ok', {s: dict(c[s]) for s in c.sections()})
    except configparser.Error as e:
        print(type(e).__name__, '|', e, '|', e.args)
        return e

attempt("x = 1\n[s]\n")
attempt("[s]\na=1\n[s]\n")
attempt("[s]\na=1\nA=2\n")
attempt("[s]\na=1\n[s]\n", strict=False)
attempt("[s]\na=1\nA=2\n", strict=False)
e = attempt("[s]\ngood=1\nnoequals\n  indented\n[t]\n= 3\n")
print(e.errors, e.source)
attempt("[s]\nkey\n  cont\n", allow_no_value=True)
attempt("[s]\n[t]\n")
attempt("[s]\n a = 1\n b = 2\n")
attempt("[ s p a c e ]\nk=v\n[]\n")

# interpolation
c = configparser.ConfigParser()
c.read_string("""\
[s]
a = %(b)s
b = %(c)s
c = end
loop = %(loop)s
missing = %(nope)s/x
badref = %(unterminated
badpct = 5%x
""")
for opt in ['a', 'loop', 'missing', 'badref', 'badpct']:
    try:
        print(opt, repr(c.get('s', opt)))
    except configparser.Error as e:
        print(opt, type(e).__name__, '|', e, '|', e.args)

x = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
x.read_string("""\
[DEFAULT]
root = /r
[paths]
bin = ${root}/bin
lib = ${paths:bin}/../lib
cost = $$5
other = ${sec2:val}
missing = ${nope}
missec = ${zz:val}
bad = $x
colons = ${a:b:c}
[sec2]
val = from ${root} sec2
""")
for opt in ['bin', 'lib', 'cost', 'other', 'missing', 'missec', 'bad', 'colons']:
    try:
        print(opt, repr(x.get('paths', opt)))
    except configparser.Error as e:
        print(opt, type(e).__name__, '|', e)
try:
    x.set('paths', 'q', 'a $ b')
except ValueError as e:
    print('ValueError', e)

r = configparser.RawConfigParser()
r.read_string("[s]\na = %(b)s\n")
print(r.get('s', 'a'))
n = configparser.ConfigParser(interpolation=None)
n.read_string("[s]\na = %(b)s 100%\n")
print(n.get('s', 'a'))
try:
    configparser.ConfigParser(interpolation=object())
except TypeError as e:
    print('TypeError', str(e).split(';')[0])

# error classes
for ex in [configparser.NoSectionError('s'), configparser.DuplicateSectionError('s'),
           configparser.DuplicateOptionError('s', 'o'), configparser.NoOptionError('o', 's'),
           configparser.InterpolationDepthError('o', 's', 'raw'),
           configparser.InterpolationSyntaxError('o', 's', 'msg'),
           configparser.MissingSectionHeaderError('f', 3, 'line'),
           configparser.ParsingError('src')]:
    print(type(ex).__name__, repr(ex), ex.args, isinstance(ex, configparser.Error))
print(configparser.DEFAULTSECT, configparser.MAX_INTERPOLATION_DEPTH,
      issubclass(configparser.MissingSectionHeaderError, configparser.ParsingError),
      issubclass(configparser.InterpolationMissingOptionError, configparser.InterpolationError))

# files
with tempfile.TemporaryDirectory() as d:
    p1 = os.path.join(d, 'one.ini')
    p2 = os.path.join(d, 'two.ini')
    with open(p1, 'w') as f:
        f.write("[a]\nx = 1\n")
    with open(p2, 'w') as f:
        f.write("[a]\ny = 2\n[b]\nz = 3\n")
    c = configparser.ConfigParser()
    got = c.read([p1, os.path.join(d, 'missing.ini'), p2], encoding='utf-8')
    print([os.path.basename(g) for g in got], dict(c['a']), c.sections())
    with open(p1) as f:
        c5 = configparser.ConfigParser()
        c5.read_file(f)
        print(c5.items('a'))
    with open(p1, 'w') as f:
        c.write(f)
    with open(p1) as f:
        print(f.read())
    c6 = configparser.ConfigParser()
    c6.read_file(["[l]\n", "k = v\n"])
    print(c6.items('l'))
    with open(p2, 'w') as f:
        f.write("[a]\n[a]\n")
    try:
        configparser.ConfigParser().read(p2)
    except configparser.DuplicateSectionError as e:
        print(os.path.basename(e.source), e.lineno, e.section)

# unnamed section (3.13)
u = configparser.ConfigParser(allow_unnamed_section=True)
u.read_string("top = 1\n[s]\nk = v\n")
print(u.sections(), u.get(configparser.UNNAMED_SECTION, 'top'))
import io
o = io.StringIO()
u.write(o)
print(repr(o.getvalue()))
