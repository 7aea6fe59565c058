"""TestLoader: finds the tests of classes, modules and dotted names, and discovers test files.

A name that cannot be imported or resolved does not raise: it becomes a _FailedTest, a test that
re-raises the problem when run (so the run reports it as an error), and the message is kept in
loader.errors.
"""

import os
import sys
import types
import functools
import traceback
from fnmatch import fnmatch, fnmatchcase

from . import case, suite

__unittest = True


class _FailedTest(case.TestCase):
    _testMethodName = None

    def __init__(self, method_name, exception):
        self._exception = exception
        super().__init__(method_name)

    def __getattr__(self, name):
        if name != self._testMethodName:
            return super().__getattribute__(name)

        def testFailure():
            raise self._exception
        return testFailure


def _failed_test(name, exception, suite_class, message):
    return suite_class((_FailedTest(name, exception),)), message


def _failed_import(name, suite_class):
    message = 'Failed to import test module: %s\n%s' % (name, traceback.format_exc())
    return _failed_test(name, ImportError(message), suite_class, message)


def _compare(x, y):
    return (x > y) - (x < y)


def _pattern_of(text):
    """-k: a pattern without '*' matches as a substring."""
    return text if '*' in text else '*%s*' % text


class TestLoader:
    testMethodPrefix = 'test'
    sortTestMethodsUsing = staticmethod(_compare)
    testNamePatterns = None
    suiteClass = suite.TestSuite

    def __init__(self):
        self.errors = []
        self._loading_packages = set()

    def loadTestsFromTestCase(self, testCaseClass):
        if issubclass(testCaseClass, suite.TestSuite):
            raise TypeError("Test cases should not be derived from TestSuite. "
                            "Maybe you meant to derive from TestCase?")
        if testCaseClass in (case.TestCase, case.FunctionTestCase):
            return self.suiteClass([])
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, 'runTest'):
            names = ['runTest']
        return self.suiteClass(map(testCaseClass, names))

    def loadTestsFromModule(self, module, *, pattern=None):
        found = []
        for name in dir(module):
            obj = getattr(module, name)
            if (isinstance(obj, type) and issubclass(obj, case.TestCase)
                    and obj not in (case.TestCase, case.FunctionTestCase)):
                found.append(self.loadTestsFromTestCase(obj))
        tests = self.suiteClass(found)
        load_tests = getattr(module, 'load_tests', None)
        if load_tests is not None:
            try:
                return load_tests(self, tests, pattern)
            except Exception as e:
                err, message = _failed_test(module.__name__, e, self.suiteClass,
                                            'Failed to call load_tests:\n%s' % traceback.format_exc())
                self.errors.append(message)
                return err
        return tests

    def loadTestsFromName(self, name, module=None):
        parts = name.split('.')
        failed = None
        if module is None:
            # import the longest importable prefix of the dotted name
            prefix = parts[:]
            while prefix:
                try:
                    module = __import__('.'.join(prefix))
                    break
                except ImportError:
                    missing = prefix.pop()
                    failed, message = _failed_import(missing, self.suiteClass)
                    if not prefix:
                        self.errors.append(message)
                        return failed
            parts = parts[1:]
        obj = parent = module
        for part in parts:
            try:
                parent, obj = obj, getattr(obj, part)
            except AttributeError as e:
                if getattr(obj, '__path__', None) is not None and failed is not None:
                    self.errors.append(message)
                    return failed
                failed, message = _failed_test(part, e, self.suiteClass,
                                               'Failed to access attribute:\n%s' % traceback.format_exc())
                self.errors.append(message)
                return failed
        if isinstance(obj, types.ModuleType):
            return self.loadTestsFromModule(obj)
        if isinstance(obj, type) and issubclass(obj, case.TestCase):
            return self.loadTestsFromTestCase(obj)
        if (isinstance(obj, types.FunctionType) and isinstance(parent, type)
                and issubclass(parent, case.TestCase)):
            inst = parent(parts[-1])
            if not isinstance(getattr(inst, parts[-1]), types.FunctionType):
                return self.suiteClass([inst])
        elif isinstance(obj, suite.TestSuite):
            return obj
        if callable(obj):
            test = obj()
            if isinstance(test, suite.TestSuite):
                return test
            if isinstance(test, case.TestCase):
                return self.suiteClass([test])
            raise TypeError("calling %s returned %s, not a test" % (obj, test))
        raise TypeError("don't know how to make test from: %s" % obj)

    def loadTestsFromNames(self, names, module=None):
        return self.suiteClass([self.loadTestsFromName(n, module) for n in names])

    def getTestCaseNames(self, testCaseClass):
        def wanted(attr):
            if not attr.startswith(self.testMethodPrefix):
                return False
            if not callable(getattr(testCaseClass, attr)):
                return False
            if self.testNamePatterns is None:
                return True
            full = '%s.%s.%s' % (testCaseClass.__module__, testCaseClass.__qualname__, attr)
            return any(fnmatchcase(full, p) for p in self.testNamePatterns)
        names = [a for a in dir(testCaseClass) if wanted(a)]
        if self.sortTestMethodsUsing:
            names.sort(key=functools.cmp_to_key(self.sortTestMethodsUsing))
        return names

    def discover(self, start_dir, pattern='test*.py', top_level_dir=None):
        """Import every module under start_dir whose file name matches pattern (recursing into
        packages) and load its tests. start_dir becomes importable through sys.path."""
        start_dir = os.path.abspath(start_dir)
        top = os.path.abspath(top_level_dir) if top_level_dir is not None else start_dir
        if not os.path.isdir(start_dir):
            raise ImportError('Start directory is not importable: %r' % start_dir)
        if top not in sys.path:
            sys.path.insert(0, top)
        return self.suiteClass(list(self._find(start_dir, top, pattern)))

    def _find(self, directory, top, pattern):
        for entry in sorted(os.listdir(directory)):
            path = os.path.join(directory, entry)
            if os.path.isfile(path):
                if not entry.endswith('.py') or not fnmatch(entry, pattern):
                    continue
                rel = os.path.relpath(path[:-3], top)
                name = rel.replace(os.sep, '.')
                try:
                    __import__(name)
                except case.SkipTest as e:
                    yield _failed_test(name, e, self.suiteClass, str(e))[0]
                    continue
                except Exception:
                    failed, message = _failed_import(name, self.suiteClass)
                    self.errors.append(message)
                    yield failed
                    continue
                yield self.loadTestsFromModule(sys.modules[name], pattern=pattern)
            elif os.path.isfile(os.path.join(path, '__init__.py')):
                yield from self._find(path, top, pattern)


defaultTestLoader = TestLoader()
