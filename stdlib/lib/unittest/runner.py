"""TextTestRunner and TextTestResult: run a suite and print progress and a summary.

Verbosity 0 prints only the summary, 1 one character per test (. F E s x u), 2 one line per
test ("name (module.Class.name) ... ok"), a failing subTest getting its own indented line.
"""

import sys
import time
import warnings

from . import result
from .case import _SubTest

__unittest = True


class _WritelnDecorator:
    """A stream with writeln()."""

    def __init__(self, stream):
        self.stream = stream

    def __getattr__(self, attr):
        if attr in ('stream', '__getstate__'):
            raise AttributeError(attr)
        return getattr(self.stream, attr)

    def writeln(self, arg=None):
        if arg:
            self.write(arg)
        self.write('\n')


class TextTestResult(result.TestResult):
    separator1 = '=' * 70
    separator2 = '-' * 70

    def __init__(self, stream, descriptions, verbosity, *, durations=None):
        super().__init__(stream, descriptions, verbosity)
        self.stream = stream
        self.showAll = verbosity > 1
        self.dots = verbosity == 1
        self.descriptions = descriptions
        self._newline = True
        self.durations = durations

    def getDescription(self, test):
        first_doc_line = test.shortDescription()
        if self.descriptions and first_doc_line:
            return '\n'.join((str(test), first_doc_line))
        return str(test)

    def startTest(self, test):
        super().startTest(test)
        if self.showAll:
            self.stream.write(self.getDescription(test))
            self.stream.write(" ... ")
            self.stream.flush()
            self._newline = False

    def _status(self, test, long_text, short_text):
        if self.showAll:
            sub = isinstance(test, _SubTest)
            if sub or self._newline:
                # the test's own "name ... " is not the current line: start one for this status
                if not self._newline:
                    self.stream.writeln()
                if sub:
                    self.stream.write("  ")
                self.stream.write(self.getDescription(test))
                self.stream.write(" ... ")
            self.stream.writeln(long_text)
            self._newline = True
        elif self.dots:
            self.stream.write(short_text)
        self.stream.flush()

    def addSubTest(self, test, subtest, err):
        if err is not None:
            if issubclass(err[0], subtest.failureException):
                self._status(subtest, "FAIL", 'F')
            else:
                self._status(subtest, "ERROR", 'E')
        super().addSubTest(test, subtest, err)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._status(test, "ok", '.')

    def addError(self, test, err):
        super().addError(test, err)
        self._status(test, "ERROR", 'E')

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._status(test, "FAIL", 'F')

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._status(test, "skipped {0!r}".format(reason), 's')

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._status(test, "expected failure", 'x')

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._status(test, "unexpected success", 'u')

    def printErrors(self):
        if self.dots or self.showAll:
            self.stream.writeln()
            self.stream.flush()
        self.printErrorList('ERROR', self.errors)
        self.printErrorList('FAIL', self.failures)
        unexpected = getattr(self, 'unexpectedSuccesses', ())
        if unexpected:
            self.stream.writeln(self.separator1)
            for test in unexpected:
                self.stream.writeln(f"UNEXPECTED SUCCESS: {self.getDescription(test)}")
            self.stream.flush()

    def printErrorList(self, flavour, errors):
        for test, err in errors:
            self.stream.writeln(self.separator1)
            self.stream.writeln("%s: %s" % (flavour, self.getDescription(test)))
            self.stream.writeln(self.separator2)
            self.stream.writeln("%s" % err)
            self.stream.flush()


class TextTestRunner:
    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False, buffer=False,
                 resultclass=None, warnings=None, *, tb_locals=False, durations=None):
        if stream is None:
            stream = sys.stderr
        self.stream = _WritelnDecorator(stream)
        self.descriptions = descriptions
        self.verbosity = verbosity
        self.failfast = failfast
        self.buffer = buffer
        self.tb_locals = tb_locals
        self.durations = durations
        self.warnings = warnings
        if resultclass is not None:
            self.resultclass = resultclass

    def _makeResult(self):
        try:
            return self.resultclass(self.stream, self.descriptions, self.verbosity,
                                    durations=self.durations)
        except TypeError:
            return self.resultclass(self.stream, self.descriptions, self.verbosity)

    def _printDurations(self, result):
        if not result.collectedDurations:
            return
        ls = sorted(result.collectedDurations, key=lambda x: x[1], reverse=True)
        if self.durations > 0:
            ls = ls[:self.durations]
        self.stream.writeln("Slowest test durations")
        if hasattr(result, 'separator2'):
            self.stream.writeln(result.separator2)
        hidden = False
        for test, elapsed in ls:
            if self.verbosity < 2 and elapsed < 0.001:
                hidden = True
                continue
            self.stream.writeln("%-10s %s" % ("%.3fs" % elapsed, test))
        if hidden:
            self.stream.writeln("\n(durations < 0.001s were hidden; use -v to show these durations)")
        else:
            self.stream.writeln("")

    def run(self, test):
        res = self._makeResult()
        res.failfast = self.failfast
        res.buffer = self.buffer
        res.tb_locals = self.tb_locals
        with warnings.catch_warnings():
            if self.warnings:
                warnings.simplefilter(self.warnings)
            began = time.perf_counter()
            start = getattr(res, 'startTestRun', None)
            if start is not None:
                start()
            try:
                test(res)
            finally:
                stop = getattr(res, 'stopTestRun', None)
                if stop is not None:
                    stop()
            taken = time.perf_counter() - began
        res.printErrors()
        if self.durations is not None:
            self._printDurations(res)
        if hasattr(res, 'separator2'):
            self.stream.writeln(res.separator2)
        run = res.testsRun
        self.stream.writeln("Ran %d test%s in %.3fs" % (run, "" if run == 1 else "s", taken))
        self.stream.writeln()
        expected = len(getattr(res, 'expectedFailures', ()))
        unexpected = len(getattr(res, 'unexpectedSuccesses', ()))
        skipped = len(getattr(res, 'skipped', ()))
        infos = []
        if not res.wasSuccessful():
            self.stream.write("FAILED")
            if res.failures:
                infos.append("failures=%d" % len(res.failures))
            if res.errors:
                infos.append("errors=%d" % len(res.errors))
        elif run == 0 and not skipped:
            self.stream.write("NO TESTS RAN")
        else:
            self.stream.write("OK")
        if skipped:
            infos.append("skipped=%d" % skipped)
        if expected:
            infos.append("expected failures=%d" % expected)
        if unexpected:
            infos.append("unexpected successes=%d" % unexpected)
        if infos:
            self.stream.writeln(" (%s)" % (", ".join(infos),))
        else:
            self.stream.write("\n")
        self.stream.flush()
        return res
