"""atexit: functions to run when the interpreter exits, after CPython 3.13's atexit module.

Krait runs them when the VM is freed (vm/api.c's krait_free calls _run_exitfuncs, for the command
line at the end of the program, after sys.exit() or an uncaught exception's traceback too), last
registered first, before the __del__ methods and generators still alive are finalized. An exception
in one is reported as CPython does ("Exception ignored in atexit callback: ...") and the others still
run. weakref.finalize registers its exit hook here.
"""
import sys

_exithandlers = []


def register(func, /, *args, **kwargs):
    """Register func(*args, **kwargs) to be called at exit; returns func (usable as a decorator)."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Remove every registration of func (compared with ==)."""
    _exithandlers[:] = [h for h in _exithandlers if not (h[0] == func)]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            _report(func, exc)


def _report(func, exc):
    try:
        sys.stdout.flush()
    except Exception:
        pass
    try:
        text = repr(func)
    except Exception:
        text = "<atexit callback>"
    print("Exception ignored in atexit callback %s:" % text, file=sys.stderr)
    import traceback
    tb = exc.__traceback__
    # from the callback's frame on: _run_exitfuncs stands for CPython's C loop
    traceback.print_exception(type(exc), exc, tb.tb_next if tb is not None else None)
