# unittest: a module of passing, failing, erroring, skipped, expected-failure and subTest tests run at
# verbosity 0, 1 and 2 (progress characters, "... ok" lines, FAIL/ERROR reports with tracebacks, the
# summary line), and the order setUpModule/setUpClass/setUp/cleanups/tearDown... run in.
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

log = []


def setUpModule():
    log.append('setUpModule')


def tearDownModule():
    log.append('tearDownModule')


class A(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('setUpClass A')

    @classmethod
    def tearDownClass(cls):
        log.append('tearDownClass A')

    def setUp(self):
        log.append('setUp ' + self._testMethodName)

    def tearDown(self):
        log.append('tearDown ' + self._testMethodName)

    def test_ok(self):
        """Docstring first line.
        more"""
        self.addCleanup(log.append, 'cleanup 1')
        self.addCleanup(log.append, 'cleanup 2')
        self.assertEqual(1 + 1, 2)

    def test_fail(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_error(self):
        {}['missing']

    @unittest.skip("not now")
    def test_skip(self):
        log.append('skipped test ran!')

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_xpass(self):
        pass

    def test_sub(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2)
        log.append('after subtests')

    def test_sub_msg(self):
        with self.subTest("labelled"):
            raise RuntimeError("in subtest")

    def test_str(self):
        self.assertEqual("a\nb\nc\n", "a\nB\nc\n")

    def test_dict(self):
        self.assertEqual({'a': 1, 'b': 2}, {'a': 1, 'b': 3}, msg="custom")

    def test_raises(self):
        with self.assertRaises(ValueError):
            pass

    def test_big_int(self):
        self.assertEqual(2 ** 100, 2 ** 100 + 1)


@unittest.skip("whole class")
class B(unittest.TestCase):
    def test_x(self):
        log.append('B ran!')


class C(unittest.TestCase):
    def test_only_pass(self):
        self.assertIn('x', 'xyz')


for v in (0, 1, 2):
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    r = run(suite, verbosity=v)
    print(r.testsRun, len(r.failures), len(r.errors), len(r.skipped), len(r.expectedFailures),
          len(r.unexpectedSuccesses), r.wasSuccessful())
    print(log)
    log.clear()

# only passing tests: OK, and a result that is successful
r = run(unittest.defaultTestLoader.loadTestsFromTestCase(C), verbosity=1)
print(r.wasSuccessful(), r.testsRun)
# no tests at all
r = run(unittest.TestSuite(), verbosity=1)
print(r.wasSuccessful(), r.testsRun)
# skipped only
r = run(unittest.defaultTestLoader.loadTestsFromTestCase(B), verbosity=2)
print(r.skipped[0][0], repr(r.skipped[0][1]))
