"""TestSuite: a composite of tests, and the class and module fixtures around them.

Fixtures follow the order tests run in: when the next test's class differs from the previous
one's, the previous class's tearDownClass (and class cleanups) run, then, if the module changes,
the old module's tearDownModule (and module cleanups) and the new module's setUpModule, then the
new class's setUpClass. The last class and module are torn down when the outermost suite's run
ends. State lives on the result (_previousTestClass, _moduleSetUpFailed, _testRunEntered) so
nested suites share it; a failing fixture is reported as an error of an _ErrorHolder named
"setUpClass (module.Class)" and the tests it guards are not run.
"""

import sys

from . import case
from .util import strclass

__unittest = True


class BaseTestSuite:
    """A list of tests run in order, without fixtures."""

    _cleanup = True

    def __init__(self, tests=()):
        self._tests = []
        self._removed_tests = 0
        self.addTests(tests)

    def __repr__(self):
        return "<%s tests=%s>" % (strclass(self.__class__), list(self))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return list(self) == list(other)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        n = self._removed_tests
        for t in self:
            if t:
                n += t.countTestCases()
        return n

    def addTest(self, test):
        if not callable(test):
            raise TypeError("{} is not callable".format(repr(test)))
        if isinstance(test, type) and issubclass(test, (case.TestCase, TestSuite)):
            raise TypeError("TestCases and TestSuites must be instantiated before passing them to addTest()")
        self._tests.append(test)

    def addTests(self, tests):
        if isinstance(tests, str):
            raise TypeError("tests must be an iterable of tests, not a string")
        for t in tests:
            self.addTest(t)

    def run(self, result):
        for i, t in enumerate(self):
            if result.shouldStop:
                break
            t(result)
            if self._cleanup:
                self._removeTestAtIndex(i)
        return result

    def _removeTestAtIndex(self, index):
        """Drop a finished test so that its resources can be freed; keep it counted."""
        try:
            t = self._tests[index]
        except TypeError:
            return
        if hasattr(t, 'countTestCases'):
            self._removed_tests += t.countTestCases()
        self._tests[index] = None

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        for t in self:
            t.debug()


class _ErrorHolder:
    """Stands for a fixture that failed, in the result's error list."""

    failureException = None

    def __init__(self, description):
        self.description = description

    def id(self):
        return self.description

    def shortDescription(self):
        return None

    def __repr__(self):
        return "<ErrorHolder description=%r>" % (self.description,)

    def __str__(self):
        return self.id()

    def run(self, result):
        pass

    def __call__(self, result):
        return self.run(result)

    def countTestCases(self):
        return 0


def _is_case(test):
    try:
        iter(test)
    except TypeError:
        return True
    return False


def _call_if_exists(obj, name):
    f = getattr(obj, name, None)
    if f is not None:
        f()


class TestSuite(BaseTestSuite):
    """A suite that also runs setUpClass/tearDownClass and setUpModule/tearDownModule."""

    def run(self, result, debug=False):
        outermost = not getattr(result, '_testRunEntered', False)
        if outermost:
            result._testRunEntered = True
        for i, t in enumerate(self):
            if result.shouldStop:
                break
            if _is_case(t):
                self._leave_class(t, result)
                self._enter_module(t, result)
                self._enter_class(t, result)
                result._previousTestClass = t.__class__
                if (getattr(t.__class__, '_classSetupFailed', False)
                        or getattr(result, '_moduleSetUpFailed', False)):
                    continue
            if debug:
                t.debug()
            else:
                t(result)
            if self._cleanup:
                self._removeTestAtIndex(i)
        if outermost:
            self._leave_class(None, result)
            self._leave_module(result)
            result._testRunEntered = False
        return result

    def debug(self):
        self.run(_DebugResult(), True)

    def _fixture_error(self, result, exc, method, owner, info=None):
        holder = _ErrorHolder('%s (%s)' % (method, owner))
        if isinstance(exc, case.SkipTest) and getattr(result, 'addSkip', None) is not None:
            result.addSkip(holder, str(exc))
        else:
            result.addError(holder, info if info else sys.exc_info())

    def _enter_class(self, test, result):
        cls = test.__class__
        if cls == getattr(result, '_previousTestClass', None):
            return
        if result._moduleSetUpFailed or getattr(cls, "__unittest_skip__", False):
            return
        try:
            cls._classSetupFailed = False
        except TypeError:
            pass        # a builtin class
        setup = getattr(cls, 'setUpClass', None)
        if setup is None:
            return
        cleanups = getattr(cls, 'doClassCleanups', None)
        _call_if_exists(result, '_setupStdout')
        try:
            failed = False
            try:
                setup()
            except Exception as e:
                if isinstance(result, _DebugResult):
                    raise
                failed = True
                try:
                    cls._classSetupFailed = True
                except TypeError:
                    pass
                self._fixture_error(result, e, 'setUpClass', strclass(cls))
            if failed and cleanups is not None:
                cleanups()
                for info in cls.tearDown_exceptions:
                    self._fixture_error(result, info[1], 'setUpClass', strclass(cls), info)
        finally:
            _call_if_exists(result, '_restoreStdout')

    def _leave_class(self, test, result):
        prev = getattr(result, '_previousTestClass', None)
        if prev is None or test.__class__ == prev:
            return
        if (getattr(prev, '_classSetupFailed', False) or getattr(result, '_moduleSetUpFailed', False)
                or getattr(prev, "__unittest_skip__", False)):
            return
        teardown = getattr(prev, 'tearDownClass', None)
        cleanups = getattr(prev, 'doClassCleanups', None)
        if teardown is None and cleanups is None:
            return
        _call_if_exists(result, '_setupStdout')
        try:
            if teardown is not None:
                try:
                    teardown()
                except Exception as e:
                    if isinstance(result, _DebugResult):
                        raise
                    self._fixture_error(result, e, 'tearDownClass', strclass(prev))
            if cleanups is not None:
                cleanups()
                for info in prev.tearDown_exceptions:
                    if isinstance(result, _DebugResult):
                        raise info[1]
                    self._fixture_error(result, info[1], 'tearDownClass', strclass(prev), info)
        finally:
            _call_if_exists(result, '_restoreStdout')

    @staticmethod
    def _previous_module(result):
        prev = getattr(result, '_previousTestClass', None)
        return prev.__module__ if prev is not None else None

    def _enter_module(self, test, result):
        name = test.__class__.__module__
        if name == self._previous_module(result):
            return
        self._leave_module(result)
        result._moduleSetUpFailed = False
        module = sys.modules.get(name)
        if module is None:
            return
        setup = getattr(module, 'setUpModule', None)
        if setup is None:
            return
        _call_if_exists(result, '_setupStdout')
        try:
            try:
                setup()
            except Exception as e:
                if isinstance(result, _DebugResult):
                    raise
                result._moduleSetUpFailed = True
                self._fixture_error(result, e, 'setUpModule', name)
            if result._moduleSetUpFailed:
                try:
                    case.doModuleCleanups()
                except Exception as e:
                    self._fixture_error(result, e, 'setUpModule', name)
        finally:
            _call_if_exists(result, '_restoreStdout')

    def _leave_module(self, result):
        name = self._previous_module(result)
        if name is None or result._moduleSetUpFailed:
            return
        module = sys.modules.get(name)
        if module is None:
            return
        _call_if_exists(result, '_setupStdout')
        try:
            teardown = getattr(module, 'tearDownModule', None)
            if teardown is not None:
                try:
                    teardown()
                except Exception as e:
                    if isinstance(result, _DebugResult):
                        raise
                    self._fixture_error(result, e, 'tearDownModule', name)
            try:
                case.doModuleCleanups()
            except Exception as e:
                if isinstance(result, _DebugResult):
                    raise
                self._fixture_error(result, e, 'tearDownModule', name)
        finally:
            _call_if_exists(result, '_restoreStdout')


class _DebugResult:
    """Used by TestSuite.debug: fixtures raise instead of reporting."""
    _previousTestClass = None
    _moduleSetUpFailed = False
    shouldStop = False
