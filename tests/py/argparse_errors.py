# argparse: error messages, exit codes and the errors raised while building a parser.
# Krait has no io.StringIO, so stderr is captured by an object with a write() method.
import os
os.environ['COLUMNS'] = '80'
import sys
import argparse


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


def attempt(parser, argv):
    err = Capture()
    saved = sys.stderr
    sys.stderr = err
    try:
        result = parser.parse_args(argv)
    except SystemExit as e:
        sys.stderr = saved
        print(argv, '-> exit', e.code)
        for line in ''.join(err.parts).splitlines():
            print('   |', line)
        return
    sys.stderr = saved
    print(argv, '->', result)


p = argparse.ArgumentParser(prog='prog')
p.add_argument('name')
p.add_argument('count', type=int)
p.add_argument('-x', type=float)
p.add_argument('--mode', choices=['a', 'b'])
p.add_argument('--level', type=int, choices=[1, 2, 3])
p.add_argument('--pair', nargs=2)
p.add_argument('--some', nargs='+')
p.add_argument('--flag', action='store_true')
p.add_argument('--req', required=False)
attempt(p, ['n', '3'])
attempt(p, [])
attempt(p, ['n'])
attempt(p, ['n', 'three'])
attempt(p, ['n', '3', '-x', 'abc'])
attempt(p, ['n', '3', '-x'])
attempt(p, ['n', '3', '--mode', 'c'])
attempt(p, ['n', '3', '--level', '7'])
attempt(p, ['n', '3', '--pair', 'one'])
attempt(p, ['n', '3', '--some'])
attempt(p, ['n', '3', 'extra1', 'extra2'])
attempt(p, ['n', '3', '--bogus'])
attempt(p, ['n', '3', '--flag=yes'])
attempt(p, ['n', '3', '--m', 'a'])

amb = argparse.ArgumentParser(prog='amb')
amb.add_argument('--values')
amb.add_argument('--verbose', action='store_true')
attempt(amb, ['--v', '1'])
attempt(amb, ['--va', '1'])

req = argparse.ArgumentParser(prog='req')
req.add_argument('--output', '-o', required=True)
req.add_argument('files', nargs='+')
attempt(req, [])
attempt(req, ['-o', 'x'])

mx = argparse.ArgumentParser(prog='mx')
group = mx.add_mutually_exclusive_group(required=True)
group.add_argument('--fast', action='store_true')
group.add_argument('--slow', action='store_true')
attempt(mx, ['--fast'])
attempt(mx, ['--fast', '--slow'])
attempt(mx, [])

# a type function raising ArgumentTypeError
def positive(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError('%r is not positive' % text)
    return value


t = argparse.ArgumentParser(prog='typed')
t.add_argument('--n', type=positive)
attempt(t, ['--n', '5'])
attempt(t, ['--n', '-5'])
attempt(t, ['--n', 'x'])

# error() called directly, and exit()
e = argparse.ArgumentParser(prog='direct', usage='%(prog)s [options] FILE')
err = Capture()
sys.stderr = err
try:
    e.error('something went wrong')
except SystemExit as ex:
    sys.stderr = sys.__stderr__
    print('error() exit', ex.code, repr(''.join(err.parts)))
sys.stderr = sys.__stderr__
try:
    e.exit(3)
except SystemExit as ex:
    print('exit() code', ex.code)

# exit_on_error=False raises ArgumentError instead
n = argparse.ArgumentParser(prog='noexit', exit_on_error=False)
n.add_argument('--k', type=int)
try:
    n.parse_args(['--k', 'z'])
except argparse.ArgumentError as ex:
    print('ArgumentError:', ex, '|', ex.argument_name, '|', ex.message)

# errors while building the parser
b = argparse.ArgumentParser(prog='build')
b.add_argument('--dup')
for args, kwargs in [(('--dup',), {}), (('bad',), {'required': True}), (('x',), {'dest': 'y'}),
                     (('--q',), {'action': 'store', 'nargs': 0}), (('--q',), {'action': 'nonsense'}),
                     (('--q',), {'type': 'int'}), (('--q',), {'const': 1})]:
    try:
        b.add_argument(*args, **kwargs)
        print(args, 'accepted')
    except (ValueError, TypeError, argparse.ArgumentError) as ex:
        print(args, type(ex).__name__, ex)
