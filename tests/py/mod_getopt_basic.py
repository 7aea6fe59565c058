"""getopt: getopt/gnu_getopt with short and long options, prefixes, errors, POSIXLY_CORRECT."""
import getopt, os
cases = [(['-a', '-b', 'val', '-cfoo', 'rest', '-d'], 'ab:c:d', []),
         (['--alpha', '--beta=1', '--gam', 'x', 'arg', '--alpha'], 'a', ['alpha', 'beta=', 'gamma=']),
         (['-a', '--', '-b'], 'ab', []), (['-', '-a'], 'a', []), (['-ab', 'x'], 'ab:', []),
         (['--al'], '', ['alpha', 'alps']), (['--x'], '', ['y']), (['-z'], 'a', []), (['-b'], 'b:', []),
         (['--beta'], '', ['beta=']), (['--alpha=3'], '', ['alpha']), (['--alp'], '', 'alpha'),
         (['a', '-b', '--c', 'd', '-e', 'f'], 'be:', ['c']), (['a', '-b'], '+b', []), ([], 'a', []),
         (['-a:'], 'a:', []), (['--alpha', '--alpha='], '', ['alpha=', 'alphabet']), (['-:'], 'a:', [])]
for args, s, l in cases:
    for fn in (getopt.getopt, getopt.gnu_getopt):
        try: print(fn.__name__, fn(args, s, l))
        except getopt.GetoptError as e: print(fn.__name__, 'GetoptError', e, repr(e.msg), repr(e.opt), e.args)
print(getopt.error is getopt.GetoptError, str(getopt.GetoptError('m')), getopt.GetoptError('m').opt)
os.environ['POSIXLY_CORRECT'] = '1'
print(getopt.gnu_getopt(['a', '-b'], 'b'))
