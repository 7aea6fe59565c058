"""signal: set handlers for asynchronous events.

The C module _signal (stdlib/signalmodule.c) installs the handlers; a Python handler runs at the
interpreter's next safe point after the signal arrives (a call, a loop back-edge, or a blocking call
that the signal interrupted), called as handler(signum, frame) with the interrupted frame. This module adds the
Signals, Handlers and Sigmasks enums and returns handlers as enum members where they are SIG_DFL/SIG_IGN."""
import _signal
from _signal import *
from enum import IntEnum as _IntEnum

_names = [n for n in dir(_signal) if n.startswith('SIG') and not n.startswith('SIG_') and n.isupper()]
# aliases (SIGIOT is SIGABRT, SIGPOLL is SIGIO) come after the names CPython's enum keeps canonical
_alias = ('SIGIOT', 'SIGPOLL')
Signals = _IntEnum('Signals', [(n, getattr(_signal, n)) for n in sorted(_names, key=lambda n: n in _alias)])
Handlers = _IntEnum('Handlers', [('SIG_DFL', _signal.SIG_DFL), ('SIG_IGN', _signal.SIG_IGN)])
Sigmasks = _IntEnum('Sigmasks', [('SIG_BLOCK', _signal.SIG_BLOCK), ('SIG_UNBLOCK', _signal.SIG_UNBLOCK),
                                 ('SIG_SETMASK', _signal.SIG_SETMASK)])
for _e in (Signals, Handlers, Sigmasks):
    globals().update(_e.__members__)
del _e, _names, _alias

# setitimer/getitimer raise it; CPython's is its own OSError subclass
ItimerError = OSError


def _to_enum(value, enum_cls):
    try:
        return enum_cls(value)
    except ValueError:
        return value


def _handler_value(h):
    return _to_enum(h, Handlers) if type(h) is int else h


def signal(signalnum, handler):
    return _handler_value(_signal.signal(_to_enum(signalnum, Signals), handler))


def getsignal(signalnum):
    return _handler_value(_signal.getsignal(signalnum))


def valid_signals():
    return {_to_enum(s, Signals) for s in _signal.valid_signals()}


def strsignal(signalnum):
    return _signal.strsignal(signalnum)
