# argparse: parsing positional and optional arguments, actions, nargs, groups, help formatting.
import os
os.environ['COLUMNS'] = '80'   # the help width, as CPython's shutil.get_terminal_size reads it
import argparse


def show(parser, argv):
    ns, extras = parser.parse_known_args(argv)
    print(argv, '->', ns, extras)


# positional and optional arguments with types, defaults and the basic actions
p = argparse.ArgumentParser(prog='demo', description='A demo program.', epilog='That is all.')
p.add_argument('src', help='the source file')
p.add_argument('dst', nargs='?', default='out.txt', help='the destination (default: %(default)s)')
p.add_argument('-n', '--number', type=int, default=3, help='how many times')
p.add_argument('-f', '--flag', action='store_true', help='a flag')
p.add_argument('--no-cache', dest='cache', action='store_false', help='disable the cache')
p.add_argument('-v', '--verbose', action='count', default=0, help='more output')
p.add_argument('-I', dest='includes', action='append', metavar='DIR', help='add an include directory')
p.add_argument('--mode', choices=['fast', 'slow'], default='fast', help='the mode: %(choices)s')
p.add_argument('--const', action='store_const', const=42, help='store 42')
p.add_argument('--ratio', type=float, help='a float')
print(p.parse_args(['a.py']))
print(p.parse_args(['a.py', 'b.py', '-n', '5', '-f', '--no-cache']))
print(p.parse_args(['-vvv', 'x', '--number=7', '-I', 'inc', '-Iinc2', '--mode', 'slow']))
print(p.parse_args(['--const', '--ratio', '0.5', '--', '-weird']))
print(p.parse_args(['-fv', '-n12', 'x']))
print(p.parse_args(['--num', '4', '--verb', 'x']))
ns = p.parse_args(['y'])
print(ns.src, ns.dst, ns.number, ns.flag, ns.cache, ns.verbose, ns.includes, ns.mode)
print('src' in ns, 'zzz' in ns, vars(ns) == dict(vars(ns)))
print(argparse.Namespace(a=1, b='x') == argparse.Namespace(a=1, b='x'), argparse.Namespace(a=1))
print(argparse.Namespace())

# nargs variants
q = argparse.ArgumentParser(prog='nargs')
q.add_argument('first')
q.add_argument('middle', nargs='*')
q.add_argument('last', nargs=2)
q.add_argument('--plus', nargs='+', type=int)
q.add_argument('--two', nargs=2, metavar=('A', 'B'))
q.add_argument('--opt', nargs='?', const='C', default='D')
q.add_argument('--ext', action='extend', nargs='+')
show(q, ['a', 'b', 'c'])
show(q, ['a', 'm1', 'm2', 'b', 'c', '--plus', '1', '2', '3'])
show(q, ['a', 'b', 'c', '--two', 'x', 'y', '--opt'])
show(q, ['--opt', 'val', 'a', 'b', 'c', '--ext', 'e1', 'e2', '--ext', 'e3'])
show(q, ['a', 'b', 'c', '--unknown', 'zz'])
show(q, ['a', '--', '-b', '-c'])

# negative numbers are values unless an option looks like one
r = argparse.ArgumentParser(prog='neg')
r.add_argument('x', type=int)
r.add_argument('--y', type=float)
print(r.parse_args(['-5', '--y', '-2.5']))

# mutually exclusive groups and argument groups
g = argparse.ArgumentParser(prog='groups', description='Groups of arguments.')
grp = g.add_argument_group('output', 'Where the results go.')
grp.add_argument('-o', '--output', metavar='FILE', help='write the results to FILE')
grp.add_argument('--append', metavar='FILE', help='append the results to FILE')
mx = g.add_mutually_exclusive_group()
mx.add_argument('-q', '--quiet', action='store_true', help='say less')
mx.add_argument('--loud', action='store_true', help='say more')
print(g.parse_args(['-q', '-o', 'r.json']))
print(g.format_usage(), end='')
print(g.format_help(), end='')
print('---')
print(p.format_usage(), end='')
print(p.format_help(), end='')
print('---')
print(q.format_help(), end='')
print('---')

# version, set_defaults, get_default, parse_known_args, no help
v = argparse.ArgumentParser(prog='ver', add_help=False)
v.add_argument('--version', action='version', version='%(prog)s 1.2')
v.add_argument('--level', type=int, default='10')
v.set_defaults(extra='yes')
print(v.parse_args([]), v.get_default('level'), v.get_default('extra'))
print(v.parse_known_args(['--level', '3', 'rest', '-z']))
print(v.format_help(), end='')
import sys


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


out = Capture()
saved = sys.stdout
sys.stdout = out
try:
    v.parse_args(['--version'])
except SystemExit as e:
    sys.stdout = saved
    print('version exit', e.code, repr(''.join(out.parts)))
sys.stdout = saved

out = Capture()
sys.stdout = out
try:
    g.parse_args(['-h'])
except SystemExit as e:
    sys.stdout = saved
    print('help exit', e.code, ''.join(out.parts) == g.format_help())
sys.stdout = saved

# long usage lines are wrapped like CPython's
w = argparse.ArgumentParser(prog='wrapping_program_name')
for name in ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta']:
    w.add_argument('--' + name, metavar=name.upper() + '_VALUE', help='the ' + name + ' value, which '
                   'is described by a rather long help text that has to be wrapped over several lines')
w.add_argument('--hyphens', help='a well-known, non-trivial, state-of-the-art option--with an em-dash '
               'and x86-64 numbers, e-mail addresses and re-re-reading of self-explanatory texts')
w.add_argument('--long-word', help='averyveryveryveryveryveryveryveryveryveryveryveryverylongwordthatdoesnotfit'
               'onalineofitsownatall-evenwithhyphens-init')
w.add_argument('inputs', nargs='+', help='input files')
w.add_argument('output', help='output file')
print(w.format_help(), end='')

# formatter classes
raw = argparse.ArgumentParser(prog='raw', formatter_class=argparse.RawDescriptionHelpFormatter,
                              description='line one\n  indented line two\n')
raw.add_argument('--x', default=5, help='x value')
print(raw.format_help(), end='')
dflt = argparse.ArgumentParser(prog='dflt', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
dflt.add_argument('--x', default=5, help='x value')
dflt.add_argument('--y', help='y value')
print(dflt.format_help(), end='')

# the Action objects
act = p._option_string_actions['--number']
print(act.dest, act.option_strings, act.type is int, act.default, act.nargs, act.required)
print(repr(argparse.SUPPRESS), argparse.OPTIONAL, argparse.ZERO_OR_MORE, argparse.ONE_OR_MORE)

# subparsers
s = argparse.ArgumentParser(prog='tool')
s.add_argument('--debug', action='store_true')
sub = s.add_subparsers(dest='command')
run = sub.add_parser('run', help='run something')
run.add_argument('target')
ls = sub.add_parser('list', help='list things')
ls.add_argument('--all', action='store_true')
print(s.parse_args(['--debug', 'run', 'x']))
print(s.parse_args(['list', '--all']))
print(s.format_help(), end='')
