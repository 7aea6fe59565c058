"""Krait's unittest: test cases, suites, loaders and a text runner with CPython 3.13's API and
report format (see the submodules for how each part works)."""

__all__ = ['TestResult', 'TestCase', 'IsolatedAsyncioTestCase', 'TestSuite', 'TextTestRunner',
           'TestLoader', 'FunctionTestCase', 'main', 'defaultTestLoader', 'SkipTest', 'skip',
           'skipIf', 'skipUnless', 'expectedFailure', 'TextTestResult', 'installHandler',
           'registerResult', 'removeResult', 'removeHandler', 'addModuleCleanup',
           'doModuleCleanups', 'enterModuleContext']
__all__.remove('IsolatedAsyncioTestCase')   # Krait has no asyncio

__unittest = True

from .result import TestResult
from .case import (addModuleCleanup, TestCase, FunctionTestCase, SkipTest, skip, skipIf,
                   skipUnless, expectedFailure, doModuleCleanups, enterModuleContext)
from .suite import BaseTestSuite, TestSuite
from .loader import TestLoader, defaultTestLoader
from .main import main, TestProgram
from .runner import TextTestRunner, TextTestResult


def installHandler():
    """Ctrl-C handling is not available (Krait has no signal module); a no-op."""


def removeHandler(method=None):
    return method


def registerResult(result):
    pass


def removeResult(result):
    return False
