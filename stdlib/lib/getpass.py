"""getpass: getuser() and getpass() (Krait's own implementation).

Krait has no termios, so getpass() cannot turn echo off: it behaves as CPython does when the
terminal cannot be controlled -- a GetPassWarning, "Warning: Password input may be echoed." on the
stream (stderr by default), then the prompt and one line read from stdin."""

import os
import sys
import warnings

__all__ = ["getpass", "getuser", "GetPassWarning"]


class GetPassWarning(UserWarning):
    pass


def getuser():
    for name in ('LOGNAME', 'USER', 'LNAME', 'USERNAME'):
        user = os.environ.get(name)
        if user:
            return user
    try:
        import pwd
        return pwd.getpwuid(os.getuid())[0]
    except (ImportError, KeyError) as e:
        raise OSError('No username set in the environment') from e


def _raw_input(prompt, stream, input):
    prompt = str(prompt)
    if prompt:
        stream.write(prompt)
        stream.flush()
    line = input.readline()
    if not line:
        raise EOFError
    if line[-1] == '\n':
        line = line[:-1]
    return line


def fallback_getpass(prompt='Password: ', stream=None):
    warnings.warn("Can not control echo on the terminal.", GetPassWarning, stacklevel=2)
    if not stream:
        stream = sys.stderr
    print("Warning: Password input may be echoed.", file=stream)
    return _raw_input(prompt, stream, sys.stdin)


def getpass(prompt='Password: ', stream=None):
    if not stream:
        stream = sys.stderr
    try:
        return fallback_getpass(prompt, stream)
    finally:
        # The newline the user typed was not echoed by a terminal: end the prompt's line.
        stream.write('\n')
        stream.flush()
