# optparse: actions, types, defaults, help/usage layout, errors (exit 2 with the usage line on stderr).
import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from optparse import (OptionParser, OptionGroup, Option, make_option, OptionValueError,
                      OptionError, OptionConflictError, SUPPRESS_HELP, SUPPRESS_USAGE,
                      TitledHelpFormatter, IndentedHelpFormatter, Values, BadOptionError)

def run(parser, args):
    err = io.StringIO()
    out = io.StringIO()
    try:
        with redirect_stderr(err), redirect_stdout(out):
            opts, rest = parser.parse_args(args)
        print('ok', sorted(vars(opts).items(), key=lambda kv: kv[0]), rest)
    except SystemExit as e:
        print('exit', e.code)
        if out.getvalue():
            print('stdout:', out.getvalue(), end='')
        if err.getvalue():
            print('stderr:', err.getvalue(), end='')

def on_cb(option, opt_str, value, parser, extra, scale=1):
    print('callback', option.dest, opt_str, value, extra, scale, parser.rargs)
    setattr(parser.values, option.dest, (value or 0) * scale)

p = OptionParser(prog='tool', version='%prog 1.2',
                 description='A tool that does things with files. The description is long '
                             'enough that it has to be wrapped over several lines by textwrap.',
                 epilog='See the manual for more.')
p.add_option('-f', '--file', dest='filename', metavar='FILE', help='write report to FILE')
p.add_option('-q', '--quiet', action='store_false', dest='verbose', default=True,
             help="don't print status messages to stdout")
p.add_option('-v', action='store_true', dest='verbose')
p.add_option('-n', '--num', type='int', default=3, help='number of things [default: %default]')
p.add_option('--ratio', type=float, help='a float with a long help text that will be wrapped '
             'because it goes past the right margin of the help output')
p.add_option('--mode', choices=['fast', 'slow'], default='fast', help='mode (%default)')
p.add_option('-I', '--include', action='append', dest='includes', default=[])
p.add_option('-c', '--count', action='count', dest='level')
p.add_option('--const', action='store_const', const=42, dest='answer')
p.add_option('--ac', action='append_const', const='x', dest='acs')
p.add_option('--point', nargs=2, type='int')
p.add_option('--cb', action='callback', callback=on_cb, type='int', dest='cbv',
             callback_args=('E',), callback_kwargs={'scale': 10})
p.add_option('--secret', help=SUPPRESS_HELP)
p.add_option('--a-very-long-option-name-here', dest='longname', help='help goes to next line')
g = OptionGroup(p, 'Dangerous Options', 'Caution: use these options at your own risk.')
g.add_option('-g', action='store_true', help='Group option.')
p.add_option_group(g)

run(p, [])
run(p, ['-f', 'out.txt', '-q', 'pos1', '-n', '0x10', 'pos2', '--ratio=2.5'])
run(p, ['-fout', '-vcc', '-c', '--count', '-I', 'a', '--include=b', '-Ic'])
run(p, ['--const', '--ac', '--ac', '--point', '3', '-4', '--cb', '7', 'rest'])
run(p, ['--num', '010', '--mode', 'slow', '--', '-q', '--x'])
run(p, ['--fi', 'abbrev', '--ra', '1e3'])
run(p, ['-n', '0b101', '--secret', 's', '--a-very', 'L'])
run(p, ['--help'])
run(p, ['--version'])
run(p, ['-n', 'abc'])
run(p, ['--ratio', 'x'])
run(p, ['--mode', 'medium'])
run(p, ['--bogus'])
run(p, ['-z'])
run(p, ['--a', '1'])
run(p, ['-f'])
run(p, ['--point', '1'])
run(p, ['-q=3'])
run(p, ['--quiet=yes'])
print(p.get_usage(), end='')
print(repr(p.format_option_help()[:40]))
print(p.has_option('-f'), p.has_option('--nope'), str(p.get_option('--file')),
      p.get_option_group('-g') is g, p.get_option_group('-f'))
p.remove_option('--file')
print(p.has_option('-f'), p.has_option('--file'))
try:
    p.remove_option('--file')
except ValueError as e:
    print('ValueError', e)

# interspersed args off, defaults, set_defaults, process_default_values
q = OptionParser(usage='usage: %prog [opts] ARGS', prog='q')
q.add_option('-x', type='int')
q.add_option('-s', default='7', type='int')
q.set_defaults(extra='e')
q.disable_interspersed_args()
run(q, ['-x', '1', 'arg', '-x', '2'])
print(q.get_default_values())
q.set_process_default_values(False)
print(q.get_default_values())
print(q.format_help())
print(Values({'a': 1}) == {'a': 1}, Values({'a': 1}) == Values({'a': 1}), str(Values({'b': 2})))
values = Values({'pre': 'set'})
opts, args = q.parse_args(['-x', '5'], values)
print(opts is values, opts.pre, opts.x)

# usage suppressed, no help option, titled formatter
r = OptionParser(usage=SUPPRESS_USAGE, add_help_option=False, prog='r')
print(repr(r.format_help()))
run(r, ['-h'])
t = OptionParser(prog='t', formatter=TitledHelpFormatter(), usage='%prog ARGS')
t.add_option('-a', '--alpha', help='first')
tg = t.add_option_group('Group', 'Group description.')
tg.add_option('--beta', action='store_true', help='second')
print(t.format_help())
w = OptionParser(prog='w', formatter=IndentedHelpFormatter(max_help_position=10, width=40))
w.add_option('-o', '--output', metavar='PATH', help='where the output goes when writing')
print(w.format_help())

# bad option definitions
for args, kw in [((), {}), (('x',), {}), (('-xy',), {}), (('---x',), {}), (('--',), {}),
                 (('-x',), {'action': 'jump'}), (('-x',), {'type': 'blob'}),
                 (('-x',), {'action': 'store_true', 'type': 'int'}),
                 (('-x',), {'type': 'choice'}), (('-x',), {'choices': 'ab', 'type': 'choice'}),
                 (('-x',), {'choices': ['a'], 'type': 'int'}),
                 (('-x',), {'const': 1}), (('-x',), {'action': 'count', 'nargs': 2}),
                 (('-x',), {'action': 'callback', 'callback': 3}),
                 (('-x',), {'action': 'callback', 'callback': print, 'callback_args': [1]}),
                 (('-x',), {'callback': print}), (('-x',), {'bogus': 1, 'other': 2})]:
    try:
        o = Option(*args, **kw)
        print('made', o)
    except (OptionError, TypeError) as e:
        print(type(e).__name__, e)
try:
    p.add_option('-q')
except OptionConflictError as e:
    print('conflict', e)
rs = OptionParser(conflict_handler='resolve', prog='rs')
rs.add_option('-a', '--all', action='store_true', help='old')
rs.add_option('-a', '--again', action='store_true', help='new')
print(rs.format_option_help())
try:
    OptionParser(conflict_handler='ignore')
except ValueError as e:
    print('ValueError', e)
o = make_option('-k', '--key-name', type='string')
print(o.dest, o.type, o.nargs, o.takes_value(), o.get_opt_string())
print(str(BadOptionError('--zz')), str(OptionValueError('bad value')))
