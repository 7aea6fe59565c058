"""iscoroutine / iscoroutinefunction."""

__all__ = ('iscoroutinefunction', 'iscoroutine')

_CO_COROUTINE = 0x80


async def _probe():
    pass


_p = _probe()
_CoroutineType = type(_p)
_p.close()
del _p


def iscoroutinefunction(func):
    """True for a function defined with `async def` (also through a bound method or a marker)."""
    if getattr(func, '_is_coroutine', None) is _is_coroutine:
        return True
    f = getattr(func, '__func__', func)  # bound and class methods
    while hasattr(f, '__wrapped__') and not hasattr(f, '__code__'):
        f = f.__wrapped__
    code = getattr(f, '__code__', None)
    return code is not None and bool(code.co_flags & _CO_COROUTINE)


# functools.partial-like wrappers can set func._is_coroutine = asyncio.coroutines._is_coroutine
_is_coroutine = object()


def iscoroutine(obj):
    """True for a coroutine object."""
    return type(obj) is _CoroutineType
