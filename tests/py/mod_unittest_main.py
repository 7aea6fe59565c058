# unittest.main: argv (-v, -q, -k pattern, test names, -f), exit=False results, the SystemExit codes
# (0 success, 1 failure, 5 no tests ran) and, at the end, a real exit with status 1.
import io, os, re, sys
import unittest

_HERE = os.path.dirname(os.path.abspath(__file__))


def show(text):
    """A runner's report without the run time and with the script's path made relative."""
    text = re.sub(r"Ran (\d+) tests? in [0-9.]+s", r"Ran \1 tests in T", text)
    print(text.replace(_HERE + os.sep, "tests/py/"))


def run(*tests, verbosity=2, **kw):
    stream = io.StringIO()
    suite = tests[0] if len(tests) == 1 and isinstance(tests[0], unittest.TestSuite) else unittest.TestSuite(tests)
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity, **kw).run(suite)
    show(stream.getvalue())
    return result


class T(unittest.TestCase):
    def test_one(self):
        self.assertEqual(1, 1)

    def test_two(self):
        self.assertEqual(2, 3)

    def test_three(self):
        pass


class U(unittest.TestCase):
    def test_one(self):
        pass

    def test_err(self):
        raise ValueError("bad value")


def main(*args, exit=False, **kw):
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream, verbosity=kw.pop('verbosity', 1))
    try:
        prog = unittest.main(argv=['prog'] + list(args), exit=exit, testRunner=runner,
                             testLoader=unittest.TestLoader(), **kw)
    except SystemExit as e:
        show(stream.getvalue())
        print('exit code', e.code)
        return
    show(stream.getvalue())
    r = prog.result
    print('result', r.testsRun, len(r.failures), len(r.errors), r.wasSuccessful())


main()
main('-v')
main('-q')
main('-k', 'one')
main('-k', 'T.test_t', '-k', 'err')
main('T.test_one', 'U')
main('T.test_one', exit=True)
main('T', exit=True)
main('-k', 'nothing', exit=True)
main('-f', exit=True)
main('U.test_nope')
main(defaultTest='T.test_three', exit=True)
stream = io.StringIO()
unittest.main(argv=['prog', 'T.test_two'], testRunner=unittest.TextTestRunner(stream=stream))
