"""TestResult: collects what tests did (failures, errors, skips, expected failures, ...).

A failure's text is its traceback formatted as CPython's does, without the frames of unittest
itself: the runner frames before the test method, and, for a failed assertion, the assert*
frames after it. A frame belongs to unittest when its module defines the name __unittest (as
every module of this package does) or, when the frame snapshot carries no globals, when its
code comes from this package's files.
"""

import io
import sys
import traceback
import functools

__unittest = True

STDOUT_LINE = '\nStdout:\n%s'
STDERR_LINE = '\nStderr:\n%s'


def failfast(method):
    @functools.wraps(method)
    def inner(self, *args, **kw):
        if getattr(self, 'failfast', False):
            self.stop()
        return method(self, *args, **kw)
    return inner


def _is_unittest_frame(tb):
    frame = tb.tb_frame
    glob = getattr(frame, 'f_globals', None)
    if glob is not None:
        return '__unittest' in glob
    name = frame.f_code.co_filename
    return name.startswith('<frozen unittest') or '/unittest/' in name.replace('\\', '/')


class TestResult:
    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failfast = False
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.collectedDurations = []
        self.shouldStop = False
        self.buffer = False
        self.tb_locals = False
        self._stdout_buffer = None
        self._stderr_buffer = None
        self._original_stdout = sys.stdout
        self._original_stderr = sys.stderr
        self._mirrorOutput = False

    def printErrors(self):
        pass

    def startTest(self, test):
        self.testsRun += 1
        self._mirrorOutput = False
        self._setupStdout()

    def _setupStdout(self):
        if self.buffer:
            if self._stderr_buffer is None:
                self._stderr_buffer = io.StringIO()
                self._stdout_buffer = io.StringIO()
            sys.stdout = self._stdout_buffer
            sys.stderr = self._stderr_buffer

    def startTestRun(self):
        pass

    def stopTest(self, test):
        self._restoreStdout()
        self._mirrorOutput = False

    def _restoreStdout(self):
        if self.buffer:
            if self._mirrorOutput:
                out = sys.stdout.getvalue()
                err = sys.stderr.getvalue()
                if out:
                    if not out.endswith('\n'):
                        out += '\n'
                    self._original_stdout.write(STDOUT_LINE % out)
                if err:
                    if not err.endswith('\n'):
                        err += '\n'
                    self._original_stderr.write(STDERR_LINE % err)
            sys.stdout = self._original_stdout
            sys.stderr = self._original_stderr
            self._stdout_buffer.seek(0)
            self._stdout_buffer.truncate()
            self._stderr_buffer.seek(0)
            self._stderr_buffer.truncate()

    def stopTestRun(self):
        pass

    @failfast
    def addError(self, test, err):
        self.errors.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    @failfast
    def addFailure(self, test, err):
        self.failures.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    def addSubTest(self, test, subtest, err):
        if err is None:
            return
        if getattr(self, 'failfast', False):
            self.stop()
        target = self.failures if issubclass(err[0], test.failureException) else self.errors
        target.append((subtest, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    def addSuccess(self, test):
        pass

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, self._exc_info_to_string(err, test)))

    @failfast
    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def addDuration(self, test, elapsed):
        if hasattr(self, "collectedDurations"):
            self.collectedDurations.append((str(test), elapsed))

    def wasSuccessful(self):
        return (len(self.failures) == len(self.errors) == 0
                and (not hasattr(self, 'unexpectedSuccesses') or len(self.unexpectedSuccesses) == 0))

    def stop(self):
        self.shouldStop = True

    def _trim(self, exc_type, tb, test):
        """tb without the leading unittest frames, and for a failure without the trailing ones."""
        while tb is not None and _is_unittest_frame(tb):
            tb = tb.tb_next
        if tb is not None and exc_type is test.failureException:
            prev, cur = None, tb
            while cur is not None and not _is_unittest_frame(cur):
                prev, cur = cur, cur.tb_next
            if prev is not None and cur is not None:
                prev.tb_next = None
        return tb

    def _exc_info_to_string(self, err, test):
        exc_type, value, tb = err
        tb = self._trim(exc_type, tb, test)
        # the chained exceptions are trimmed the same way
        seen = {id(value)}
        pending = [value] if value is not None else []
        while pending:
            v = pending.pop()
            for c in (v.__cause__, v.__context__):
                if c is not None and id(c) not in seen:
                    seen.add(id(c))
                    c.__traceback__ = self._trim(type(c), c.__traceback__, test)
                    pending.append(c)
        te = traceback.TracebackException(exc_type, value, tb, capture_locals=self.tb_locals,
                                          compact=True)
        lines = list(te.format())
        if self.buffer:
            out = sys.stdout.getvalue()
            err_text = sys.stderr.getvalue()
            if out:
                if not out.endswith('\n'):
                    out += '\n'
                lines.append(STDOUT_LINE % out)
            if err_text:
                if not err_text.endswith('\n'):
                    err_text += '\n'
                lines.append(STDERR_LINE % err_text)
        return ''.join(lines)

    def __repr__(self):
        return ("<%s.%s run=%i errors=%i failures=%i>"
                % (self.__class__.__module__, self.__class__.__qualname__, self.testsRun,
                   len(self.errors), len(self.failures)))
