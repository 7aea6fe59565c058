"""string.Formatter (parse, fields, conversions, numbering errors, overriding), capwords, Template helpers."""
import string
f = string.Formatter()
for t in ['', 'abc', '{0}', 'a{{b', 'a}}b', '{{}}', 'x{0!r:>{1}}y', '{a.b[c]:x}', '{:}', '{!s}', '{0[}]}', '{a:{b:{c}}}', 'end{', 'a}b', '{0!}', '{0!rx}', '{0', '{[:]}', '{0!r}', 'x{}y{}z{{']:
    try: print(repr(t), list(f.parse(t)))
    except ValueError as e: print(repr(t), 'ValueError', e)
class O:
    attr = [10, 20]
    def __repr__(self): return 'O()'
print(f.format('{0} {1!r} {x.attr[1]:>5} {y[k]} {0:{w}.{p}f}', 3.14159, 'hi', x=O(), y={'k': 'v'}, w=8, p=2))
print(f.format('{} {} {}', 1, 2, 3), f.format('{0!a} {0!s}', 'é'), f.format('{:{}}', 'x', 4))
for t, a, k in [('{} {0}', (1,), {}), ('{0} {}', (1,), {}), ('{0!z}', (1,), {}), ('{x}', (), {}), ('{1}', (0,), {}), ('{:{:{:{}}}}', (1, 2, 3, 4), {}),
                ('{0.}', (1,), {}), ('{0[}', (1,), {}), ('{0]x}', ([1],), {}), ('{0[0]x}', ([1],), {}), ('{0.__class__.__name__}', (1,), {}), ('{0[0][1]}', ([[5, 6]],), {}), ('{0[a]}', ({'a': 1},), {}), ('{0[1]}', ({'1': 'str', 1: 'int'},), {})]:
    try: print(repr(t), f.format(t, *a, **k))
    except (ValueError, KeyError, IndexError, AttributeError, TypeError) as e: print(repr(t), type(e).__name__, e)
class Strict(string.Formatter):
    def check_unused_args(self, used, args, kwargs):
        unused = set(range(len(args))) | set(kwargs)
        unused -= used
        if unused: raise ValueError('unused: %s' % sorted(map(str, unused)))
    def get_value(self, key, args, kwargs):
        if key == 'magic': return 42
        return super().get_value(key, args, kwargs)
    def convert_field(self, value, conversion):
        if conversion == 'u': return str(value).upper()
        return super().convert_field(value, conversion)
    def format_field(self, value, spec):
        if spec == 'hex': return hex(value)
        return super().format_field(value, spec)
s = Strict()
print(s.format('{magic} {0!u} {1:hex}', 'abc', 255))
try: s.format('{0}', 1, 2, z=3)
except ValueError as e: print(e)
print(s.vformat('{a}-{b}', (), {'a': 1, 'b': 2}))
print(string.capwords(' hello   world  '), string.capwords('a-b-c', '-'), string.ascii_letters, string.printable.encode())
t = string.Template('$who likes ${what} $$ $')
print(t.safe_substitute(who='tim'), t.is_valid(), string.Template('$a ${b} $a').get_identifiers(), string.Template('${a').is_valid())
print(string.__all__)
for t in ['{0!r', '{0:', '{a{b}', '{0[a]', '{0[', '{0!r:{1}', '{!}}', '{0[:]!r:>3}', '{:{}}{}']:
    try: print(repr(t), list(f.parse(t)))
    except ValueError as e: print(repr(t), 'ValueError', e)
