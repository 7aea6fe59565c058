# unittest: failing setUpClass/tearDownClass (reported as "setUpClass (module.Class)" errors, class
# cleanups), SkipTest in setUpClass, errors in setUp/tearDown/cleanups, skipTest, nested subTests,
# chained exceptions, expectedFailure with subtests, FunctionTestCase, TestLoader names, failfast.
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
L = unittest.TestLoader()

class SetupFails(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.addClassCleanup(log.append, 'class cleanup')
        raise RuntimeError("class setup broke")
    def test_a(self): log.append('never')

class TeardownFails(unittest.TestCase):
    @classmethod
    def tearDownClass(cls): raise ValueError("class teardown broke")
    def test_a(self): pass

class SkipInSetupClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls): raise unittest.SkipTest("no resource")
    def test_a(self): pass

class Parts(unittest.TestCase):
    def setUp(self):
        log.append('setUp')
        if self._testMethodName == 'test_setup_err': raise KeyError('s')
    def tearDown(self):
        log.append('tearDown')
        if self._testMethodName == 'test_teardown_err': raise OSError('t')
    def test_setup_err(self): log.append('x')
    def test_teardown_err(self): log.append('body')
    def test_cleanup_err(self):
        def bad(): raise ZeroDivisionError('c')
        self.addCleanup(log.append, 'c1')
        self.addCleanup(bad)
        self.addCleanup(log.append, 'c3')
    def test_skip_inside(self):
        self.skipTest("inside")
    def test_nested_sub(self):
        """Nested subtests."""
        with self.subTest("outer", a=1):
            with self.subTest(b=2):
                self.assertEqual(1, 2)
            with self.subTest():
                raise TypeError("sub error")
        with self.subTest(c=[1]):
            pass
    def test_chain(self):
        try:
            {}[1]
        except KeyError as e:
            raise ValueError("wrapped") from e
    def test_nested_fail(self):
        def helper():
            self.assertEqual("abc", "abd")
        helper()

@unittest.skipIf(True, "cond")
class SkippedCls(unittest.TestCase):
    def test_1(self): pass

class Cond(unittest.TestCase):
    @unittest.skipUnless(False, "needs X")
    def test_u(self): pass
    @unittest.skipIf(False, "never")
    def test_i(self): pass
    @unittest.expectedFailure
    def test_xfail_sub(self):
        with self.subTest(i=1):
            self.assertEqual(1, 0)
        log.append('after xfail sub')

def f_ok(): pass
def f_bad(): raise AssertionError("func failed")

for v in (1, 2, 0):
    r = run(L.loadTestsFromTestCase(SetupFails), L.loadTestsFromTestCase(TeardownFails),
            L.loadTestsFromTestCase(SkipInSetupClass), L.loadTestsFromTestCase(Parts),
            L.loadTestsFromTestCase(SkippedCls), L.loadTestsFromTestCase(Cond),
            unittest.FunctionTestCase(f_ok), unittest.FunctionTestCase(f_bad, description="describe me"),
            verbosity=v)
    print(r.testsRun, len(r.failures), len(r.errors), len(r.skipped), len(r.expectedFailures), [str(t) for t, _ in r.skipped])
print(log)
print(L.getTestCaseNames(Parts))
L2 = unittest.TestLoader(); L2.testMethodPrefix = 'test_n'
print(L2.getTestCaseNames(Parts))
L2.sortTestMethodsUsing = None
print(L2.getTestCaseNames(Parts))
print(repr(Parts('test_chain')), Parts('test_chain').id(), Parts('test_nested_sub').shortDescription())
print(Parts('test_chain') == Parts('test_chain'), Parts('test_chain') == Parts('test_nested_fail'))
try: Parts('nope')
except ValueError as e: print(e)
s = L.loadTestsFromNames(['Parts.test_chain', 'Cond'], sys.modules[__name__])
print(s.countTestCases(), [str(t) for t in s])
s = L.loadTestsFromName('Nope', sys.modules[__name__])
run(s)
print(L.errors[-1].splitlines()[0])
r = run(L.loadTestsFromTestCase(Parts), failfast=True, verbosity=1)
print(r.shouldStop, r.testsRun)
