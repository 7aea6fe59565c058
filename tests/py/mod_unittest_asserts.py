# unittest: the failure message of every assert* method (diffs of lists, tuples, dicts, sets and
# multi-line strings, shortened reprs, maxDiff truncation, msg= with longMessage on and off), the
# context-manager and callable forms of assertRaises/assertWarns/assertLogs, and argument errors.
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
class Msgs(unittest.TestCase):
    maxDiff = None
    def test_true(self): self.assertTrue(0)
    def test_false(self): self.assertFalse([1])
    def test_ne(self): self.assertNotEqual(3, 3)
    def test_almost(self): self.assertAlmostEqual(1.0, 1.1)
    def test_almost_places(self): self.assertAlmostEqual(1.0, 1.01, places=3)
    def test_almost_delta(self): self.assertAlmostEqual(10, 12, delta=1)
    def test_notalmost(self): self.assertNotAlmostEqual(1.0, 1.00000001)
    def test_notalmost_delta(self): self.assertNotAlmostEqual(1.0, 1.5, delta=1)
    def test_in(self): self.assertIn(5, [1, 2])
    def test_notin(self): self.assertNotIn(1, (1, 2))
    def test_is(self): self.assertIs(None, 0)
    def test_isnot(self): self.assertIsNot(None, None)
    def test_isnone(self): self.assertIsNone("x")
    def test_isnotnone(self): self.assertIsNotNone(None)
    def test_isinst(self): self.assertIsInstance(3, str)
    def test_notisinst(self): self.assertNotIsInstance(3, int, "extra")
    def test_gt(self): self.assertGreater(1, 2)
    def test_ge(self): self.assertGreaterEqual(1, 2)
    def test_lt(self): self.assertLess(3, 2)
    def test_le(self): self.assertLessEqual(3, 2)
    def test_regex(self): self.assertRegex("hello", r"^x\d")
    def test_notregex(self): self.assertNotRegex("hello world", "o w")
    def test_count(self): self.assertCountEqual([1, 2, 2, 3], [3, 2, 1, 1])
    def test_count_unhashable(self): self.assertCountEqual([[1], [2]], [[2], [3], [3]])
    def test_set(self): self.assertSetEqual({1, 2}, {2, 3})
    def test_tuple(self): self.assertEqual((1, 2), (1, 2, 3))
    def test_list_longer(self): self.assertEqual([1, 2, 3, 4], [1, 2])
    def test_seq(self): self.assertSequenceEqual("abc", "abd")
    def test_list_type(self): self.assertListEqual((1,), [1])
    def test_long_str(self): self.assertEqual("x" * 100 + "a", "x" * 100 + "b")
    def test_long_list(self): self.assertEqual(list(range(40)), list(range(1, 41)))
    def test_multiline(self): self.assertMultiLineEqual("one\ntwo\nthree", "one\ntoo\nthree\n")
    def test_raises_wrongexc(self):
        with self.assertRaises(KeyError): int("x")
    def test_raises_callable(self): self.assertRaises(ValueError, len, [1])
    def test_raises_regex(self):
        with self.assertRaisesRegex(ValueError, "^abc"): raise ValueError("xyz")
    def test_raises_ok(self):
        with self.assertRaises(ZeroDivisionError) as cm: 1 / 0
        self.assertEqual(str(cm.exception), "division by zero!")
    def test_raises_msg(self):
        with self.assertRaises(TypeError, msg="needs type error"): pass
    def test_warns(self):
        with self.assertWarns(UserWarning) as cm: warnings.warn("boo", UserWarning)
        self.assertEqual(str(cm.warning), "boo")
        with self.assertWarns(DeprecationWarning): pass
    def test_warns_regex(self):
        with self.assertWarnsRegex(UserWarning, "zz"): warnings.warn("boo")
    def test_logs(self):
        with self.assertLogs('foo', level='INFO') as cm:
            logging.getLogger('foo').info('first message')
            logging.getLogger('foo.bar').error('second message')
        self.assertEqual(cm.output, ['INFO:foo:first message', 'ERROR:foo.bar:second message'])
    def test_fail(self): self.fail("explicit")
    def test_fail_none(self): self.fail()
    def test_shortmsg(self):
        self.longMessage = False
        self.assertEqual(1, 2, "only this")
    def test_dict_big(self):
        self.assertDictEqual({i: str(i) * 3 for i in range(30)}, {i: str(i) * 3 for i in range(1, 31)})
    def test_truncated(self):
        self.maxDiff = 50
        self.assertEqual(list(range(30)), list(range(1, 31)))
    def test_dict_notdict(self): self.assertDictEqual([], {})


import warnings
import logging

r = run(unittest.defaultTestLoader.loadTestsFromTestCase(Msgs))
print(len(r.failures), len(r.errors))


class Direct(unittest.TestCase):
    def runTest(self):
        pass


t = Direct()
for call in (lambda: t.assertAlmostEqual(10, 12, delta=1, places=2),
             lambda: t.assertRaises(3, len),
             lambda: t.assertWarns(ValueError, len, []),
             lambda: t.assertRaises(ValueError, bogus=1),
             lambda: t.assertRaises(ValueError, int, '12'),
             lambda: t.assertRaisesRegex(ValueError, 'literal', int, 'zz'),
             lambda: t.assertRaisesRegex(ValueError, 'nothing', int, 'zz'),
             lambda: t.assertEqual(1.5, 1.5),
             lambda: t.assertAlmostEqual(1.00000001, 1.0),
             lambda: t.assertEqual({1: 'a'}, {1: 'a'}),
             lambda: t.assertEqual([1, [2]], [1, [3]]),
             lambda: t.assertSequenceEqual([1, 2], (1, 2)),
             lambda: t.assertSequenceEqual([1, 2], 5),
             lambda: t.assertSetEqual({1}, [1]),
             lambda: t.assertMultiLineEqual('a', 5),
             lambda: t.assertCountEqual('abc', 'cba')):
    try:
        print('returned', call())
    except Exception as e:
        print(type(e).__name__, str(e))

with t.assertLogs() as cm:
    logging.getLogger().warning('root %d', 5)
    logging.getLogger('x.y').critical('deep')
print(cm.output, [r.levelname for r in cm.records])
# assertLogs failures (checked here: CPython's report would show its own _log.py frames)
try:
    with t.assertLogs('foo', level='WARNING'):
        logging.getLogger('foo').info('too low')
except AssertionError as e:
    print('AssertionError', e)
try:
    with t.assertNoLogs('qq'):
        logging.getLogger('qq').warning('oops')
except AssertionError as e:
    print('AssertionError', e)
print(logging.getLogger('foo').handlers, logging.getLogger('foo').propagate)
with t.assertNoLogs('quiet', level='ERROR'):
    logging.getLogger('quiet').warning('below ERROR')
cm = t.assertRaises(KeyError)
with cm:
    {}[3]
print(repr(cm.exception), cm.exception.__traceback__)
