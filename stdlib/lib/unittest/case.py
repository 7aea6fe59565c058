"""TestCase and its assertions, the skip/expectedFailure decorators, subtests and cleanups.

How a test runs (TestCase.run): setUp, the test method, tearDown and each cleanup are "parts";
a _PartRunner records what a part raised into the result (a SkipTest as a skip, the case's
failureException as a failure, anything else as an error) and remembers whether every part so
far succeeded. A test expecting failure keeps the exception of its method part instead of
reporting it. A subTest block is a part of its own that reports through result.addSubTest.
Invariant: result.startTest and result.stopTest bracket every run, whatever the parts raise
(KeyboardInterrupt excepted, which propagates).
"""

import sys
import functools
import contextlib
import re
import time
import warnings
import collections

from .util import (safe_repr, strclass, _common_shorten_repr, _count_diff_hashable,
                   _count_diff_all_purpose)

__unittest = True

DIFF_OMITTED = '\nDiff is %s characters long. Set self.maxDiff to None to see it.'


class SkipTest(Exception):
    """Raise to skip the current test (or a class/module fixture)."""


class _ShouldStop(Exception):
    """Unwinds a subTest block when the run must stop (failfast, or an expected failure seen)."""


class _UnexpectedSuccess(Exception):
    pass


def _report(result, test, exc_info):
    if result is None or exc_info is None:
        return
    if issubclass(exc_info[0], test.failureException):
        result.addFailure(test, exc_info)
    else:
        result.addError(test, exc_info)


def _report_skip(result, test, reason):
    add = getattr(result, 'addSkip', None)
    if add is not None:
        add(test, reason)
    else:
        warnings.warn("TestResult has no addSkip method, skips not reported", RuntimeWarning, 2)
        result.addSuccess(test)


class _PartRunner:
    """The outcome of one TestCase.run: whether every part succeeded, the failure a test marked
    expectedFailure produced, and the result to report to."""

    def __init__(self, result):
        self.result = result
        self.supports_subtests = hasattr(result, 'addSubTest')
        self.success = True
        self.expecting_failure = False
        self.expected_failure = None

    @contextlib.contextmanager
    def part(self, test, subtest=False):
        before = self.success
        self.success = True
        try:
            yield
        except KeyboardInterrupt:
            raise
        except SkipTest as e:
            self.success = False
            _report_skip(self.result, test, str(e))
        except _ShouldStop:
            pass
        except BaseException:
            info = sys.exc_info()
            if self.expecting_failure:
                self.expected_failure = info
            else:
                self.success = False
                if subtest:
                    self.result.addSubTest(test.test_case, test, info)
                else:
                    _report(self.result, test, info)
            info = None
        else:
            if subtest and self.success:
                self.result.addSubTest(test.test_case, test, None)
        finally:
            self.success = self.success and before


def _id(obj):
    return obj


def skip(reason):
    """Unconditionally skip a test function or class."""
    def mark(item):
        if not isinstance(item, type):
            @functools.wraps(item)
            def skipped(*args, **kwargs):
                raise SkipTest(reason)
            item = skipped
        item.__unittest_skip__ = True
        item.__unittest_skip_why__ = reason
        return item
    if isinstance(reason, type(_id)):   # used as @skip without a reason
        target, reason = reason, ''
        return mark(target)
    return mark


def skipIf(condition, reason):
    return skip(reason) if condition else _id


def skipUnless(condition, reason):
    return skip(reason) if not condition else _id


def expectedFailure(test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


def _is_type_or_types(obj, base):
    if isinstance(obj, tuple):
        return all(_is_type_or_types(o, base) for o in obj)
    return isinstance(obj, type) and issubclass(obj, base)


class _CheckContext:
    """Shared part of assertRaises/assertWarns: callable form versus context manager form."""

    def __init__(self, expected, test_case, expected_regex=None):
        self.expected = expected
        self.test_case = test_case
        if expected_regex is not None:
            expected_regex = re.compile(expected_regex)
        self.expected_regex = expected_regex
        self.obj_name = None
        self.msg = None

    def _fail(self, standard):
        raise self.test_case.failureException(self.test_case._formatMessage(self.msg, standard))

    def handle(self, name, args, kwargs):
        if not _is_type_or_types(self.expected, self._base):
            raise TypeError('%s() arg 1 must be %s' % (name, self._base_text))
        if not args:
            self.msg = kwargs.pop('msg', None)
            if kwargs:
                raise TypeError('%r is an invalid keyword argument for this function'
                                % (next(iter(kwargs)),))
            return self
        func, *args = args
        try:
            self.obj_name = func.__name__
        except AttributeError:
            self.obj_name = str(func)
        with self:
            func(*args, **kwargs)
        return None


class _AssertRaisesContext(_CheckContext):
    _base = BaseException
    _base_text = 'an exception type or tuple of exception types'

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            try:
                name = self.expected.__name__
            except AttributeError:
                name = str(self.expected)
            if self.obj_name:
                self._fail("{} not raised by {}".format(name, self.obj_name))
            self._fail("{} not raised".format(name))
        if not issubclass(exc_type, self.expected):
            return False        # an unexpected exception passes through
        self.exception = exc_value.with_traceback(None)
        if self.expected_regex is not None and not self.expected_regex.search(str(exc_value)):
            self._fail('"{}" does not match "{}"'.format(self.expected_regex.pattern, str(exc_value)))
        return True


class _AssertWarnsContext(_CheckContext):
    _base = Warning
    _base_text = 'a warning type or tuple of warning types'

    def __enter__(self):
        # a warning already shown once from a location would be suppressed by the registries
        for mod in list(sys.modules.values()):
            reg = getattr(mod, '__warningregistry__', None)
            if isinstance(reg, dict):
                reg.clear()
        self._catcher = warnings.catch_warnings(record=True)
        self.warnings = self._catcher.__enter__()
        warnings.simplefilter("always", self.expected)
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self._catcher.__exit__(exc_type, exc_value, tb)
        if exc_type is not None:
            return None
        try:
            name = self.expected.__name__
        except AttributeError:
            name = str(self.expected)
        first = None
        for rec in self.warnings:
            w = rec.message
            if not isinstance(w, self.expected):
                continue
            if first is None:
                first = w
            if self.expected_regex is not None and not self.expected_regex.search(str(w)):
                continue
            self.warning = w
            self.filename = rec.filename
            self.lineno = rec.lineno
            return None
        if first is not None:
            self._fail('"{}" does not match "{}"'.format(self.expected_regex.pattern, str(first)))
        if self.obj_name:
            self._fail("{} not triggered by {}".format(name, self.obj_name))
        self._fail("{} not triggered".format(name))


_LoggingWatcher = collections.namedtuple("_LoggingWatcher", ["records", "output"])


class _AssertLogsContext:
    """assertLogs/assertNoLogs: swaps the logger's handlers for a capturing one."""

    FORMAT = "%(levelname)s:%(name)s:%(message)s"

    def __init__(self, test_case, logger_name, level, no_logs):
        import logging
        self._logging = logging
        self.test_case = test_case
        self.logger_name = logger_name
        self.level = logging._nameToLevel.get(level, level) if level else logging.INFO
        self.no_logs = no_logs
        self.msg = None

    def __enter__(self):
        logging = self._logging
        if isinstance(self.logger_name, logging.Logger):
            logger = self.logger = self.logger_name
        else:
            logger = self.logger = logging.getLogger(self.logger_name)
        watcher = self.watcher = _LoggingWatcher([], [])
        fmt = logging.Formatter(self.FORMAT)

        class _Capture(logging.Handler):
            def emit(self, record):
                watcher.records.append(record)
                watcher.output.append(fmt.format(record))

        handler = _Capture()
        handler.setLevel(self.level)
        self._saved = (logger.handlers[:], logger.level, logger.propagate)
        logger.handlers = [handler]
        logger.setLevel(self.level)
        logger.propagate = False
        return None if self.no_logs else watcher

    def __exit__(self, exc_type, exc_value, tb):
        self.logger.handlers, level, self.logger.propagate = self._saved
        self.logger.setLevel(level)
        if exc_type is not None:
            return False
        if self.no_logs:
            if self.watcher.records:
                self._fail("Unexpected logs found: {!r}".format(self.watcher.output))
        elif not self.watcher.records:
            self._fail("no logs of level {} or higher triggered on {}".format(
                self._logging.getLevelName(self.level), self.logger.name))

    def _fail(self, standard):
        raise self.test_case.failureException(self.test_case._formatMessage(self.msg, standard))


class _SubTestParams(collections.ChainMap):
    """Parameters of nested subTests; iteration gives the innermost block's parameters first."""

    def __iter__(self):
        seen = set()
        for m in self.maps:
            for k in m:
                if k not in seen:
                    seen.add(k)
                    yield k


_no_msg = object()

_module_cleanups = []
_module_cleanup_errors = []


def addModuleCleanup(function, /, *args, **kwargs):
    """Register a function called after tearDownModule (or a failed setUpModule)."""
    _module_cleanups.append((function, args, kwargs))


def enterModuleContext(cm):
    return _enter_context(cm, addModuleCleanup)


def _enter_context(cm, add_cleanup):
    cls = type(cm)
    try:
        enter, exit_ = cls.__enter__, cls.__exit__
    except AttributeError:
        raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not support "
                        f"the context manager protocol") from None
    value = enter(cm)
    add_cleanup(exit_, cm, None, None, None)
    return value


def doModuleCleanups():
    """Run the module cleanups last-in first-out; re-raise the first error once all ran."""
    errors = []
    while _module_cleanups:
        function, args, kwargs = _module_cleanups.pop()
        try:
            function(*args, **kwargs)
        except Exception as exc:
            errors.append(exc)
    if errors:
        raise errors[0]


class TestCase:
    """One test: an instance runs the method named by methodName, between setUp and tearDown."""

    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8
    _diffThreshold = 2 ** 16
    _class_cleanups = []

    def __init_subclass__(cls, *args, **kwargs):
        cls._class_cleanups = []
        super().__init_subclass__(*args, **kwargs)

    def __init__(self, methodName='runTest'):
        self._testMethodName = methodName
        self._outcome = None
        self._testMethodDoc = 'No test'
        try:
            method = getattr(self, methodName)
        except AttributeError:
            if methodName != 'runTest':
                raise ValueError("no such test method in %s: %s" % (self.__class__, methodName))
        else:
            self._testMethodDoc = method.__doc__
        self._cleanups = []
        self._subtest = None
        self._type_equality_funcs = {
            dict: 'assertDictEqual', list: 'assertListEqual', tuple: 'assertTupleEqual',
            set: 'assertSetEqual', frozenset: 'assertSetEqual', str: 'assertMultiLineEqual',
        }

    def addTypeEqualityFunc(self, typeobj, function):
        self._type_equality_funcs[typeobj] = function

    # -- cleanups -------------------------------------------------------------------------------
    def addCleanup(self, function, /, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def enterContext(self, cm):
        return _enter_context(cm, self.addCleanup)

    @classmethod
    def addClassCleanup(cls, function, /, *args, **kwargs):
        cls._class_cleanups.append((function, args, kwargs))

    @classmethod
    def enterClassContext(cls, cm):
        return _enter_context(cm, cls.addClassCleanup)

    def doCleanups(self):
        outcome = self._outcome or _PartRunner(None)
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            with outcome.part(self):
                function(*args, **kwargs)
        return outcome.success

    @classmethod
    def doClassCleanups(cls):
        cls.tearDown_exceptions = []
        while cls._class_cleanups:
            function, args, kwargs = cls._class_cleanups.pop()
            try:
                function(*args, **kwargs)
            except Exception:
                cls.tearDown_exceptions.append(sys.exc_info())

    # -- fixtures -------------------------------------------------------------------------------
    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    # -- identity -------------------------------------------------------------------------------
    def countTestCases(self):
        return 1

    def defaultTestResult(self):
        from .result import TestResult
        return TestResult()

    def shortDescription(self):
        doc = self._testMethodDoc
        return doc.strip().split("\n")[0].strip() if doc else None

    def id(self):
        return "%s.%s" % (strclass(self.__class__), self._testMethodName)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._testMethodName == other._testMethodName

    def __hash__(self):
        return hash((type(self), self._testMethodName))

    def __str__(self):
        return "%s (%s.%s)" % (self._testMethodName, strclass(self.__class__), self._testMethodName)

    def __repr__(self):
        return "<%s testMethod=%s>" % (strclass(self.__class__), self._testMethodName)

    # -- running --------------------------------------------------------------------------------
    @contextlib.contextmanager
    def subTest(self, msg=_no_msg, **params):
        """A block whose failure is reported on its own, the test going on after it."""
        outcome = self._outcome
        if outcome is None or not outcome.supports_subtests:
            yield
            return
        parent = self._subtest
        chain = _SubTestParams(params) if parent is None else parent.params.new_child(params)
        self._subtest = _SubTest(self, msg, chain)
        try:
            with outcome.part(self._subtest, subtest=True):
                yield
            if not outcome.success:
                if outcome.result is not None and outcome.result.failfast:
                    raise _ShouldStop
            elif outcome.expected_failure:
                raise _ShouldStop
        finally:
            self._subtest = parent

    def _callSetUp(self):
        self.setUp()

    def _callTestMethod(self, method):
        if method() is not None:
            warnings.warn(f'It is deprecated to return a value that is not None from a '
                          f'test case ({method})', DeprecationWarning, stacklevel=3)

    def _callTearDown(self):
        self.tearDown()

    def _callCleanup(self, function, /, *args, **kwargs):
        function(*args, **kwargs)

    def run(self, result=None):
        own_result = result is None
        if own_result:
            result = self.defaultTestResult()
            start = getattr(result, 'startTestRun', None)
            if start is not None:
                start()
        result.startTest(self)
        try:
            method = getattr(self, self._testMethodName)
            if (getattr(self.__class__, "__unittest_skip__", False)
                    or getattr(method, "__unittest_skip__", False)):
                why = (getattr(self.__class__, '__unittest_skip_why__', '')
                       or getattr(method, '__unittest_skip_why__', ''))
                _report_skip(result, self, why)
                return result
            expecting = (getattr(self, "__unittest_expecting_failure__", False)
                         or getattr(method, "__unittest_expecting_failure__", False))
            outcome = _PartRunner(result)
            began = time.perf_counter()
            self._outcome = outcome
            try:
                with outcome.part(self):
                    self._callSetUp()
                if outcome.success:
                    outcome.expecting_failure = expecting
                    with outcome.part(self):
                        self._callTestMethod(method)
                    outcome.expecting_failure = False
                    with outcome.part(self):
                        self._callTearDown()
                self.doCleanups()
                add_duration = getattr(result, 'addDuration', None)
                if add_duration is not None:
                    add_duration(self, time.perf_counter() - began)
                if outcome.success:
                    if expecting:
                        if outcome.expected_failure:
                            self._addExpectedFailure(result, outcome.expected_failure)
                        else:
                            self._addUnexpectedSuccess(result)
                    else:
                        result.addSuccess(self)
                return result
            finally:
                outcome.expected_failure = None
                self._outcome = None
        finally:
            result.stopTest(self)
            if own_result:
                stop = getattr(result, 'stopTestRun', None)
                if stop is not None:
                    stop()

    def _addExpectedFailure(self, result, exc_info):
        add = getattr(result, 'addExpectedFailure', None)
        if add is not None:
            add(self, exc_info)
        else:
            warnings.warn("TestResult has no addExpectedFailure method, reporting as passes",
                          RuntimeWarning)
            result.addSuccess(self)

    def _addUnexpectedSuccess(self, result):
        add = getattr(result, 'addUnexpectedSuccess', None)
        if add is not None:
            add(self)
        else:
            warnings.warn("TestResult has no addUnexpectedSuccess method, reporting as failure",
                          RuntimeWarning)
            try:
                raise _UnexpectedSuccess from None
            except _UnexpectedSuccess:
                result.addFailure(self, sys.exc_info())

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        """Run the test without a result, so that exceptions propagate to the caller."""
        method = getattr(self, self._testMethodName)
        if (getattr(self.__class__, "__unittest_skip__", False)
                or getattr(method, "__unittest_skip__", False)):
            why = (getattr(self.__class__, '__unittest_skip_why__', '')
                   or getattr(method, '__unittest_skip_why__', ''))
            raise SkipTest(why)
        self._callSetUp()
        self._callTestMethod(method)
        self._callTearDown()
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            function(*args, **kwargs)

    def skipTest(self, reason):
        raise SkipTest(reason)

    def fail(self, msg=None):
        raise self.failureException(msg)

    # -- assertions -----------------------------------------------------------------------------
    def _formatMessage(self, msg, standardMsg):
        if not self.longMessage:
            return msg or standardMsg
        if msg is None:
            return standardMsg
        return '%s : %s' % (standardMsg, msg)

    def _truncateMessage(self, message, diff):
        limit = self.maxDiff
        if limit is None or len(diff) <= limit:
            return message + diff
        return message + (DIFF_OMITTED % len(diff))

    def assertFalse(self, expr, msg=None):
        if expr:
            self.fail(self._formatMessage(msg, "%s is not false" % safe_repr(expr)))

    def assertTrue(self, expr, msg=None):
        if not expr:
            self.fail(self._formatMessage(msg, "%s is not true" % safe_repr(expr)))

    def assertRaises(self, expected_exception, *args, **kwargs):
        return _AssertRaisesContext(expected_exception, self).handle('assertRaises', args, kwargs)

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        ctx = _AssertRaisesContext(expected_exception, self, expected_regex)
        return ctx.handle('assertRaisesRegex', args, kwargs)

    def assertWarns(self, expected_warning, *args, **kwargs):
        return _AssertWarnsContext(expected_warning, self).handle('assertWarns', args, kwargs)

    def assertWarnsRegex(self, expected_warning, expected_regex, *args, **kwargs):
        ctx = _AssertWarnsContext(expected_warning, self, expected_regex)
        return ctx.handle('assertWarnsRegex', args, kwargs)

    def assertLogs(self, logger=None, level=None):
        return _AssertLogsContext(self, logger, level, no_logs=False)

    def assertNoLogs(self, logger=None, level=None):
        return _AssertLogsContext(self, logger, level, no_logs=True)

    def _getAssertEqualityFunc(self, first, second):
        if type(first) == type(second):
            func = self._type_equality_funcs.get(type(first))
            if func is not None:
                return getattr(self, func) if isinstance(func, str) else func
        return self._baseAssertEqual

    def _baseAssertEqual(self, first, second, msg=None):
        if not first == second:
            self.fail(self._formatMessage(msg, '%s != %s' % _common_shorten_repr(first, second)))

    def assertEqual(self, first, second, msg=None):
        self._getAssertEqualityFunc(first, second)(first, second, msg=msg)

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self.fail(self._formatMessage(msg, '%s == %s' % (safe_repr(first), safe_repr(second))))

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standard = '%s != %s within %s delta (%s difference)' % (
                safe_repr(first), safe_repr(second), safe_repr(delta), safe_repr(diff))
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standard = '%s != %s within %r places (%s difference)' % (
                safe_repr(first), safe_repr(second), places, safe_repr(diff))
        self.fail(self._formatMessage(msg, standard))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standard = '%s == %s within %s delta (%s difference)' % (
                safe_repr(first), safe_repr(second), safe_repr(delta), safe_repr(diff))
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standard = '%s == %s within %r places' % (safe_repr(first), safe_repr(second), places)
        self.fail(self._formatMessage(msg, standard))

    def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
        if seq_type is not None:
            kind = seq_type.__name__
            if not isinstance(seq1, seq_type):
                raise self.failureException('First sequence is not a %s: %s' % (kind, safe_repr(seq1)))
            if not isinstance(seq2, seq_type):
                raise self.failureException('Second sequence is not a %s: %s' % (kind, safe_repr(seq2)))
        else:
            kind = "sequence"
        text = None
        try:
            len1 = len(seq1)
        except (TypeError, NotImplementedError):
            text = 'First %s has no length.    Non-sequence?' % kind
        if text is None:
            try:
                len2 = len(seq2)
            except (TypeError, NotImplementedError):
                text = 'Second %s has no length.    Non-sequence?' % kind
        if text is None:
            if seq1 == seq2:
                return
            text = '%ss differ: %s != %s\n' % ((kind.capitalize(),) + _common_shorten_repr(seq1, seq2))
            same_items = True
            for i in range(min(len1, len2)):
                try:
                    a = seq1[i]
                except (TypeError, IndexError, NotImplementedError):
                    text += '\nUnable to index element %d of first %s\n' % (i, kind)
                    same_items = False
                    break
                try:
                    b = seq2[i]
                except (TypeError, IndexError, NotImplementedError):
                    text += '\nUnable to index element %d of second %s\n' % (i, kind)
                    same_items = False
                    break
                if a != b:
                    text += '\nFirst differing element %d:\n%s\n%s\n' % ((i,) + _common_shorten_repr(a, b))
                    same_items = False
                    break
            if same_items and len1 == len2 and seq_type is None and type(seq1) != type(seq2):
                return      # equal items, only the sequence types differ
            if len1 != len2:
                longer, which, short_len = (seq1, 'First', len2) if len1 > len2 else (seq2, 'Second', len1)
                text += '\n%s %s contains %d additional elements.\n' % (which, kind, abs(len1 - len2))
                try:
                    text += 'First extra element %d:\n%s\n' % (short_len, safe_repr(longer[short_len]))
                except (TypeError, IndexError, NotImplementedError):
                    text += 'Unable to index element %d of %s %s\n' % (short_len, which.lower(), kind)
        import difflib
        import pprint
        diff = '\n' + '\n'.join(difflib.ndiff(pprint.pformat(seq1).splitlines(),
                                              pprint.pformat(seq2).splitlines()))
        self.fail(self._formatMessage(msg, self._truncateMessage(text, diff)))

    def assertListEqual(self, list1, list2, msg=None):
        self.assertSequenceEqual(list1, list2, msg, seq_type=list)

    def assertTupleEqual(self, tuple1, tuple2, msg=None):
        self.assertSequenceEqual(tuple1, tuple2, msg, seq_type=tuple)

    def assertSetEqual(self, set1, set2, msg=None):
        try:
            only1 = set1.difference(set2)
        except TypeError as e:
            self.fail('invalid type when attempting set difference: %s' % e)
        except AttributeError as e:
            self.fail('first argument does not support set difference: %s' % e)
        try:
            only2 = set2.difference(set1)
        except TypeError as e:
            self.fail('invalid type when attempting set difference: %s' % e)
        except AttributeError as e:
            self.fail('second argument does not support set difference: %s' % e)
        if not (only1 or only2):
            return
        lines = []
        if only1:
            lines.append('Items in the first set but not the second:')
            lines.extend(repr(x) for x in only1)
        if only2:
            lines.append('Items in the second set but not the first:')
            lines.extend(repr(x) for x in only2)
        self.fail(self._formatMessage(msg, '\n'.join(lines)))

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self.fail(self._formatMessage(msg, '%s not found in %s' % (safe_repr(member), safe_repr(container))))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self.fail(self._formatMessage(msg, '%s unexpectedly found in %s'
                                          % (safe_repr(member), safe_repr(container))))

    def assertIs(self, expr1, expr2, msg=None):
        if expr1 is not expr2:
            self.fail(self._formatMessage(msg, '%s is not %s' % (safe_repr(expr1), safe_repr(expr2))))

    def assertIsNot(self, expr1, expr2, msg=None):
        if expr1 is expr2:
            self.fail(self._formatMessage(msg, 'unexpectedly identical: %s' % (safe_repr(expr1),)))

    def assertDictEqual(self, d1, d2, msg=None):
        self.assertIsInstance(d1, dict, 'First argument is not a dictionary')
        self.assertIsInstance(d2, dict, 'Second argument is not a dictionary')
        if d1 != d2:
            import difflib
            import pprint
            standard = '%s != %s' % _common_shorten_repr(d1, d2)
            diff = '\n' + '\n'.join(difflib.ndiff(pprint.pformat(d1).splitlines(),
                                                  pprint.pformat(d2).splitlines()))
            self.fail(self._formatMessage(msg, self._truncateMessage(standard, diff)))

    def assertCountEqual(self, first, second, msg=None):
        a, b = list(first), list(second)
        try:
            ca, cb = collections.Counter(a), collections.Counter(b)
        except TypeError:
            differences = _count_diff_all_purpose(a, b)
        else:
            if ca == cb:
                return
            differences = _count_diff_hashable(a, b)
        if differences:
            standard = 'Element counts were not equal:\n'
            detail = '\n'.join('First has %d, Second has %d:  %r' % d for d in differences)
            self.fail(self._formatMessage(msg, self._truncateMessage(standard, detail)))

    def assertMultiLineEqual(self, first, second, msg=None):
        self.assertIsInstance(first, str, "First argument is not a string")
        self.assertIsInstance(second, str, "Second argument is not a string")
        if first == second:
            return
        if len(first) > self._diffThreshold or len(second) > self._diffThreshold:
            self._baseAssertEqual(first, second, msg)
        # both texts end in a newline before splitting (unless empty), so that a missing final
        # newline shows in the diff instead of merging with the last line
        a, b = first, second
        if a and b:
            if a[-1] != '\n' or b[-1] != '\n':
                a += '\n'
                b += '\n'
        elif b and b[-1] != '\n':
            b += '\n'
        elif a and a[-1] != '\n':
            a += '\n'
        import difflib
        standard = '%s != %s' % _common_shorten_repr(first, second)
        diff = '\n' + ''.join(difflib.ndiff(a.splitlines(True), b.splitlines(True)))
        self.fail(self._formatMessage(msg, self._truncateMessage(standard, diff)))

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self.fail(self._formatMessage(msg, '%s not less than %s' % (safe_repr(a), safe_repr(b))))

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self.fail(self._formatMessage(msg, '%s not less than or equal to %s' % (safe_repr(a), safe_repr(b))))

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self.fail(self._formatMessage(msg, '%s not greater than %s' % (safe_repr(a), safe_repr(b))))

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self.fail(self._formatMessage(msg, '%s not greater than or equal to %s'
                                          % (safe_repr(a), safe_repr(b))))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self.fail(self._formatMessage(msg, '%s is not None' % (safe_repr(obj),)))

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self.fail(self._formatMessage(msg, 'unexpectedly None'))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self.fail(self._formatMessage(msg, '%s is not an instance of %r' % (safe_repr(obj), cls)))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self.fail(self._formatMessage(msg, '%s is an instance of %r' % (safe_repr(obj), cls)))

    def assertRegex(self, text, expected_regex, msg=None):
        if isinstance(expected_regex, (str, bytes)):
            assert expected_regex, "expected_regex must not be empty."
            expected_regex = re.compile(expected_regex)
        if not expected_regex.search(text):
            self.fail(self._formatMessage(msg, "Regex didn't match: %r not found in %r"
                                          % (expected_regex.pattern, text)))

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        if isinstance(unexpected_regex, (str, bytes)):
            unexpected_regex = re.compile(unexpected_regex)
        m = unexpected_regex.search(text)
        if m:
            self.fail(self._formatMessage(msg, 'Regex matched: %r matches %r in %r'
                                          % (text[m.start():m.end()], unexpected_regex.pattern, text)))


class FunctionTestCase(TestCase):
    """A TestCase around a plain function, with optional setUp/tearDown functions."""

    def __init__(self, testFunc, setUp=None, tearDown=None, description=None):
        super().__init__()
        self._setUpFunc = setUp
        self._tearDownFunc = tearDown
        self._testFunc = testFunc
        self._description = description

    def setUp(self):
        if self._setUpFunc is not None:
            self._setUpFunc()

    def tearDown(self):
        if self._tearDownFunc is not None:
            self._tearDownFunc()

    def runTest(self):
        self._testFunc()

    def id(self):
        return self._testFunc.__name__

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return (self._setUpFunc == other._setUpFunc and self._tearDownFunc == other._tearDownFunc
                and self._testFunc == other._testFunc and self._description == other._description)

    def __hash__(self):
        return hash((type(self), self._setUpFunc, self._tearDownFunc, self._testFunc, self._description))

    def __str__(self):
        return "%s (%s)" % (strclass(self.__class__), self._testFunc.__name__)

    def __repr__(self):
        return "<%s tec=%s>" % (strclass(self.__class__), self._testFunc)

    def shortDescription(self):
        if self._description is not None:
            return self._description
        doc = self._testFunc.__doc__
        return doc and doc.split("\n")[0].strip() or None


class _SubTest(TestCase):
    """Stands for one subTest block of a test in the result's failure lists."""

    def __init__(self, test_case, message, params):
        super().__init__()
        self._message = message
        self.test_case = test_case
        self.params = params
        self.failureException = test_case.failureException

    def runTest(self):
        raise NotImplementedError("subtests cannot be run directly")

    def _subDescription(self):
        parts = []
        if self._message is not _no_msg:
            parts.append("[{}]".format(self._message))
        if self.params:
            parts.append("({})".format(", ".join("{}={!r}".format(k, v) for k, v in self.params.items())))
        return " ".join(parts) or '(<subtest>)'

    def id(self):
        return "{} {}".format(self.test_case.id(), self._subDescription())

    def shortDescription(self):
        return self.test_case.shortDescription()

    def __str__(self):
        return "{} {}".format(self.test_case, self._subDescription())
