"""unittest.main / `krait -m unittest`: command line parsing, loading and the exit status.

Exit status: 0 when the run succeeded, 1 when a test failed or errored (or succeeded
unexpectedly), 5 when no test ran and none was skipped.
"""

import os
import sys
import argparse

from . import loader, runner

__unittest = True

_NO_TESTS_EXITCODE = 5


class TestProgram:
    module = None
    verbosity = 1
    failfast = catchbreak = buffer = progName = warnings = testNamePatterns = None

    def __init__(self, module='__main__', defaultTest=None, argv=None, testRunner=None,
                 testLoader=loader.defaultTestLoader, exit=True, verbosity=1, failfast=None,
                 catchbreak=None, buffer=None, warnings=None, *, tb_locals=False, durations=None):
        if isinstance(module, str):
            self.module = __import__(module)
            for part in module.split('.')[1:]:
                self.module = getattr(self.module, part)
        else:
            self.module = module
        if argv is None:
            argv = sys.argv
        self.exit = exit
        self.failfast = failfast
        self.catchbreak = catchbreak
        self.verbosity = verbosity
        self.buffer = buffer
        self.tb_locals = tb_locals
        self.durations = durations
        if warnings is None and not getattr(sys, "warnoptions", None):
            warnings = 'default'
        self.warnings = warnings
        self.defaultTest = defaultTest
        self.testRunner = testRunner
        self.testLoader = testLoader
        self.progName = os.path.basename(argv[0])
        self.parseArgs(argv)
        self.runTests()

    def _parser(self):
        p = argparse.ArgumentParser(prog=self.progName if self.module is not None
                                    else "python -m unittest")
        p.add_argument('-v', '--verbose', dest='verbosity', action='store_const', const=2,
                       help='Verbose output')
        p.add_argument('-q', '--quiet', dest='verbosity', action='store_const', const=0,
                       help='Quiet output')
        p.add_argument('--locals', dest='tb_locals', action='store_true',
                       help='Show local variables in tracebacks')
        p.add_argument('--durations', dest='durations', type=int, default=None, metavar="N",
                       help='Show the N slowest test cases (N=0 for all)')
        p.add_argument('-f', '--failfast', dest='failfast', action='store_true',
                       help='Stop on first fail or error')
        p.add_argument('-c', '--catch', dest='catchbreak', action='store_true',
                       help='Catch Ctrl-C and display results so far')
        p.add_argument('-b', '--buffer', dest='buffer', action='store_true',
                       help='Buffer stdout and stderr during tests')
        p.add_argument('-k', dest='testNamePatterns', action='append', type=loader._pattern_of,
                       help='Only run tests which match the given substring')
        p.add_argument('tests', nargs='*',
                       help='a list of any number of test modules, classes and test methods.')
        return p

    def _discovery_parser(self):
        p = self._parser()
        p.prog = "%s discover" % p.prog
        p.add_argument('-s', '--start-directory', dest='start', default='.',
                       help="Directory to start discovery ('.' default)")
        p.add_argument('-p', '--pattern', dest='pattern', default='test*.py',
                       help="Pattern to match tests ('test*.py' default)")
        p.add_argument('-t', '--top-level-directory', dest='top', default=None,
                       help='Top level directory of project (defaults to start directory)')
        return p

    def parseArgs(self, argv):
        if self.module is None and len(argv) > 1 and argv[1].lower() == 'discover':
            # `-m unittest discover [-s dir] [-p pattern] [-t top] [start [pattern [top]]]`
            ns = self._discovery_parser().parse_args(argv[2:])
            start, pattern, top = ns.start, ns.pattern, ns.top
            extra = list(ns.tests)
            if extra:
                start = extra.pop(0)
            if extra:
                pattern = extra.pop(0)
            if extra:
                top = extra.pop(0)
            self._apply_options(ns)
            if self.testNamePatterns:
                self.testLoader.testNamePatterns = self.testNamePatterns
            self.test = self.testLoader.discover(start, pattern, top)
            return
        ns = self._parser().parse_args(argv[1:])
        self._apply_options(ns)
        if ns.tests:
            self.testNames = list(ns.tests)
        elif self.defaultTest is None:
            self.testNames = None
        elif isinstance(self.defaultTest, str):
            self.testNames = (self.defaultTest,)
        else:
            self.testNames = list(self.defaultTest)
        self.createTests()

    def _apply_options(self, ns):
        if ns.verbosity is not None:
            self.verbosity = ns.verbosity
        for flag in ('failfast', 'catchbreak', 'buffer'):
            if getattr(self, flag) is None:
                setattr(self, flag, getattr(ns, flag))
        if ns.tb_locals:
            self.tb_locals = True
        if ns.durations is not None:
            self.durations = ns.durations
        self.testNamePatterns = ns.testNamePatterns

    def createTests(self, from_discovery=False, Loader=None):
        if self.testNamePatterns:
            self.testLoader.testNamePatterns = self.testNamePatterns
        if self.testNames is None:
            if self.module is None:
                self.test = self.testLoader.discover('.')
            else:
                self.test = self.testLoader.loadTestsFromModule(self.module)
        else:
            self.test = self.testLoader.loadTestsFromNames(self.testNames, self.module)

    def runTests(self):
        r = self.testRunner
        if r is None:
            r = runner.TextTestRunner
        if isinstance(r, type):
            try:
                try:
                    r = r(verbosity=self.verbosity, failfast=self.failfast, buffer=self.buffer,
                          warnings=self.warnings, tb_locals=self.tb_locals, durations=self.durations)
                except TypeError:
                    r = r(verbosity=self.verbosity, failfast=self.failfast, buffer=self.buffer,
                          warnings=self.warnings, tb_locals=self.tb_locals)
            except TypeError:
                r = r(verbosity=self.verbosity, failfast=self.failfast, buffer=self.buffer,
                      warnings=self.warnings)
        self.result = r.run(self.test)
        if self.exit:
            if self.result.testsRun == 0 and not self.result.skipped:
                sys.exit(_NO_TESTS_EXITCODE)
            sys.exit(0 if self.result.wasSuccessful() else 1)


main = TestProgram
