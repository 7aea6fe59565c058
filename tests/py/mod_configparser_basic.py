# configparser: reading, typed getters, fallbacks, mapping protocol, write() output and errors.
import configparser
import io

SRC = """\
# a comment
[DEFAULT]
base = /srv
Debug = no

[paths]
home = %(base)s/home
logs: %(home)s/logs
pct = 100%%
multi = first line
    second line

    third after blank
empty =

[Numbers]
count = 42
neg = -7
big = 123456789012345678901234567890
ratio = 2.5
flag = On
bad = maybe
; another comment
"""

c = configparser.ConfigParser()
c.read_string(SRC)
print(c.sections())
print(c.defaults())
print(c.options('paths'))
print(repr(c.get('paths', 'home')), repr(c.get('paths', 'logs')))
print(repr(c.get('paths', 'logs', raw=True)), repr(c.get('paths', 'pct')))
print(repr(c.get('paths', 'multi')), repr(c.get('paths', 'empty')))
print(c.getint('Numbers', 'count'), c.getint('Numbers', 'neg'), c.getint('Numbers', 'big'))
print(c.getfloat('Numbers', 'ratio'), c.getboolean('Numbers', 'flag'), c.getboolean('paths', 'debug'))
print(c.getint('Numbers', 'missing', fallback=-1), c.get('nosuch', 'x', fallback='fb'))
print(c.get('paths', 'home', vars={'base': '/opt'}))
for fn, args in [(c.getboolean, ('Numbers', 'bad')), (c.getint, ('Numbers', 'ratio')),
                 (c.get, ('nosuch', 'x')), (c.get, ('paths', 'nope')),
                 (c.add_section, ('paths',)), (c.add_section, ('DEFAULT',)),
                 (c.set, ('nosuch', 'a', 'b')), (c.set, ('paths', 'a', 5)),
                 (c.set, ('paths', 'a', 'bad % sign')), (c.add_section, (3,)),
                 (c.options, ('zz',))]:
    try:
        print('ok', fn(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(c.has_section('paths'), c.has_section('DEFAULT'), c.has_option('paths', 'BASE'),
      c.has_option('Numbers', 'count'), c.has_option('zz', 'a'), c.has_option('', 'debug'))
print(c.items('Numbers'))
print(c.items('paths', raw=True))

# mapping protocol
print(list(c), len(c), 'paths' in c, 'DEFAULT' in c, 'zz' in c)
p = c['paths']
print(repr(p), p.name, p['home'], 'logs' in p, len(p), list(p))
print(p.get('nope'), p.get('nope', 'dflt'), p.getint('nope', 5), c['Numbers'].getint('count'))
p['added'] = 'x'
print(c.get('paths', 'added'))
del p['added']
try:
    del p['added']
except KeyError as e:
    print('KeyError', e)
try:
    c['zz']
except KeyError as e:
    print('KeyError', e)
try:
    del c['DEFAULT']
except ValueError as e:
    print('ValueError', e)
c['new'] = {'A': 1, 'b': 2.5, 'c': 'three'}
print(dict(c['new']))
del c['new']
print('new' in c, c.remove_section('new'), c.remove_option('paths', 'empty'),
      c.remove_option('paths', 'empty'))
try:
    c.remove_option('zz', 'a')
except configparser.NoSectionError as e:
    print('NoSectionError', e, e.args)
print(sorted((k, type(v).__name__) for k, v in c.items()))

# writing
out = io.StringIO()
c.write(out)
print(out.getvalue())
out = io.StringIO()
c.write(out, space_around_delimiters=False)
print(out.getvalue().splitlines()[:4])

# round trip
c2 = configparser.ConfigParser()
c2.read_string(out.getvalue())
print(c2.get('paths', 'multi') == c.get('paths', 'multi'), c2.items('paths') == c.items('paths'))

# read_dict with non-string values, DEFAULT handling, optionxform override
c3 = configparser.RawConfigParser(defaults={'x': '%(no)s'})
c3.read_dict({'s': {'Key': 1.5, 'n': None}, 1: {'k': True}})
print(c3.sections(), c3.items('s'), c3.get('1', 'k'), c3.get('s', 'x'))
class Keep(configparser.ConfigParser):
    def optionxform(self, s):
        return s
k = Keep()
k.read_string("[S]\nCamel = 1\ncamel = 2\n")
print(k.items('S'))

# constructor options
c4 = configparser.ConfigParser(allow_no_value=True, delimiters=('->',),
                               comment_prefixes=('//',), inline_comment_prefixes=('#',),
                               strict=False, empty_lines_in_values=False,
                               default_section='common')
c4.read_string("""\
[common]
shared -> yes
[a]
novalue
key -> v # trailing comment
// full comment
key -> again
url -> http://x#frag
[a]
other -> 1
""")
print(c4.items('a'), c4.sections())
o = io.StringIO()
c4.write(o)
print(o.getvalue())
bp = configparser.RawConfigParser()
print(bp.BOOLEAN_STATES == {'1': True, 'yes': True, 'true': True, 'on': True,
                            '0': False, 'no': False, 'false': False, 'off': False})

# converters
cc = configparser.ConfigParser(converters={'list': lambda v: v.split(',')})
cc.read_string("[s]\nitems = a,b,c\n")
print(cc.getlist('s', 'items'), cc['s'].getlist('items'), cc.getlist('s', 'no', fallback=[]))
print(sorted(k for k in cc.converters))
