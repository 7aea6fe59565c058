"""Tasks (coroutines driven by the event loop) and the functions that combine awaitables."""
import itertools

from . import coroutines, events, exceptions, futures, timeouts
from .futures import Future, _set_result_unless_cancelled

__all__ = ('Task', 'create_task', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'wait',
           'wait_for', 'as_completed', 'sleep', 'gather', 'shield', 'ensure_future', 'current_task',
           'all_tasks', '_register_task', '_unregister_task', '_enter_task', '_leave_task')

_task_ids = itertools.count(1)
_current_tasks = {}  # loop -> the task running on it
_all_tasks = set()   # tasks not yet done


class Task(Future):
    """Runs a coroutine on the loop: each step sends into it (or throws into it) until it awaits a
    future that is not done, then the task waits for that future's done callback."""

    def __init__(self, coro, *, loop=None, name=None, context=None, eager_start=False):
        super().__init__(loop=loop)
        if not coroutines.iscoroutine(coro):
            self._coro = None
            raise TypeError(f'a coroutine was expected, got {coro!r}')
        self._coro = coro
        self._name = f'Task-{next(_task_ids)}' if name is None else str(name)
        self._fut_waiter = None
        self._must_cancel = False
        self._num_cancels_requested = 0
        self._context = context
        self._loop.call_soon(self._step, context=context)
        _all_tasks.add(self)

    def __repr__(self):
        r = super().__repr__()
        # <Task pending name='Task-1' coro=<...>>
        state, rest = r[len(type(self).__name__) + 2:-1], ''
        if ' ' in state:
            state, rest = state.split(' ', 1)
            rest = ' ' + rest
        coro = f' coro={self._coro!r}' if self._coro is not None else ''
        if self._fut_waiter is not None:
            rest = f' wait_for={self._fut_waiter!r}' + rest
        return f"<{type(self).__name__} {state} name={self._name!r}{coro}{rest}>"

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_stack(self, *, limit=None):
        return []

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None and self._fut_waiter.cancel(msg=msg):
            # the waiter's done callback wakes us with CancelledError
            return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
            if self._num_cancels_requested == 0:
                self._must_cancel = False
        return self._num_cancels_requested

    def _step(self, exc=None):
        if self.done():
            raise exceptions.InvalidStateError(f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, exceptions.CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        _enter_task(loop, self)
        try:
            self._step_run(exc)
        finally:
            _leave_task(loop, self)

    def _step_run(self, exc):
        coro = self._coro
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as e:
            if self._must_cancel:
                # cancel() came while the last step ran: the task ends cancelled all the same
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, e.value)
            self._finished()
        except exceptions.CancelledError as e:
            self._cancelled_exc = e
            Future.cancel(self)
            self._finished()
        except (KeyboardInterrupt, SystemExit) as e:
            Future.set_exception(self, e)
            self._finished()
            raise
        except BaseException as e:
            Future.set_exception(self, e)
            self._finished()
        else:
            self._suspended_on(result)

    def _suspended_on(self, result):
        blocking = getattr(result, '_asyncio_future_blocking', None)
        loop = self._loop
        if blocking is not None:
            if result.get_loop() is not loop:
                err = RuntimeError(f'Task {self!r} got Future {result!r} attached to a different loop')
                loop.call_soon(self._step, err, context=self._context)
            elif blocking:
                if result is self:
                    err = RuntimeError(f'Task cannot await on itself: {self!r}')
                    loop.call_soon(self._step, err, context=self._context)
                else:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self._wakeup, context=self._context)
                    self._fut_waiter = result
                    if self._must_cancel and result.cancel(msg=self._cancel_message):
                        self._must_cancel = False
            else:
                err = RuntimeError(f'yield was used instead of yield from in task {self!r} with {result!r}')
                loop.call_soon(self._step, err, context=self._context)
        elif result is None:
            loop.call_soon(self._step, context=self._context)  # a bare yield: sleep(0)
        else:
            err = RuntimeError(f'Task got bad yield: {result!r}')
            loop.call_soon(self._step, err, context=self._context)

    def _wakeup(self, future):
        exc = None
        try:
            future.result()
        except BaseException as e:
            exc = e
        self._step(exc)  # outside the except block: the coroutine's handled exception is its own

    def _finished(self):
        _all_tasks.discard(self)


def create_task(coro, *, name=None, context=None):
    loop = events.get_running_loop()
    return loop.create_task(coro, name=name, context=context)


def current_task(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    return {t for t in _all_tasks if t._loop is loop and not t.done()}


def _register_task(task):
    _all_tasks.add(task)


def _unregister_task(task):
    _all_tasks.discard(task)


def _enter_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not None:
        raise RuntimeError(f'Cannot enter into task {task!r} while another task {current!r} is being executed.')
    _current_tasks[loop] = task


def _leave_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not task:
        raise RuntimeError(f'Leaving task {task!r} does not match the current task {current!r}.')
    del _current_tasks[loop]


def ensure_future(coro_or_future, *, loop=None):
    if futures.isfuture(coro_or_future):
        if loop is not None and loop is not coro_or_future.get_loop():
            raise ValueError('The future belongs to a different loop than the one specified as the loop argument')
        return coro_or_future
    if coroutines.iscoroutine(coro_or_future):
        coro = coro_or_future
    elif hasattr(type(coro_or_future), '__await__'):
        coro = _wrap_awaitable(coro_or_future)
    else:
        raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')
    if loop is None:
        loop = events.get_event_loop()
    return loop.create_task(coro)


async def _wrap_awaitable(awaitable):
    return await awaitable


# ---- sleeping ----

class _Yield:
    """await _Yield(): give the loop one turn (a bare yield the task answers with call_soon)."""

    __slots__ = ()

    def __await__(self):
        yield


async def sleep(delay, result=None):
    """Return result after delay seconds (0: just let the other ready tasks run)."""
    if delay <= 0:
        await _Yield()
        return result
    if delay != delay:
        raise ValueError('Invalid delay: NaN (not a number)')
    loop = events.get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


# ---- gather ----

class _GatheringFuture(Future):
    """gather()'s result: cancelling it cancels the children."""

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True  # the children's callbacks finish us
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """A future for the results of all the awaitables, in order. The first exception is passed on
    (the rest keep running) unless return_exceptions, which puts exceptions among the results."""
    if not coros_or_futures:
        loop = events.get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer
    loop = None
    children = []
    by_arg = {}
    for arg in coros_or_futures:
        key = id(arg)
        if key in by_arg and by_arg[key][0] is arg:
            fut = by_arg[key][1]  # the same coroutine or future twice: awaited once
        else:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            by_arg[key] = (arg, fut)
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    state = {'finished': 0}
    pending_children = set(id(c) for c in children)
    total = len(pending_children)

    def child_done(fut):
        state['finished'] += 1
        if outer.done():
            if not fut.cancelled():
                fut.exception()  # retrieved: nobody else will
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state['finished'] == total:
            results = []
            for child in children:
                if child.cancelled():
                    msg = child._cancel_message
                    res = exceptions.CancelledError() if msg is None else exceptions.CancelledError(msg)
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    seen = set()
    for fut in children:
        if id(fut) not in seen:
            seen.add(id(fut))
            fut.add_done_callback(child_done)
    return outer


# ---- shield ----

def shield(arg):
    """Protect arg from cancellation: cancelling the returned future leaves arg running."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        futures._copy_state(inner, outer)

    def outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    inner.add_done_callback(inner_done)
    outer.add_done_callback(outer_done)
    return outer


# ---- wait, wait_for, as_completed ----

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures/tasks in fs; return (done, pending) sets."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = set(fs)
    if any(coroutines.iscoroutine(f) for f in fs):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    loop = events.get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = [len(fs)]

    def on_done(f):
        counter[0] -= 1
        if (counter[0] <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(on_done)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(on_done)
    done, pending = set(), set()
    for f in fs:
        (done if f.done() else pending).add(f)
    return done, pending


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait_for(fut, timeout):
    """await fut, cancelling it and raising TimeoutError after timeout seconds (None: no limit)."""
    if timeout is not None and timeout <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()
        fut.cancel()
        try:
            await fut
        except exceptions.CancelledError as exc:
            raise TimeoutError() from exc
        raise TimeoutError()
    async with timeouts.timeout(timeout):
        return await fut


class _AsCompleted:
    """as_completed()'s iterator: for plain iteration, awaitables giving the results in completion
    order; for async iteration, the futures themselves as they complete."""

    def __init__(self, fs, timeout):
        loop = events.get_event_loop()
        self._todo = set()
        self._done = []     # futures done and not yet handed out, in completion order
        self._waiters = []  # futures of pending next() calls
        self._timed_out = False
        self._timeout_handle = None
        for f in fs:
            f = ensure_future(f, loop=loop)
            if f not in self._todo:
                self._todo.add(f)
                f.add_done_callback(self._on_done)
        self._loop = loop
        if timeout is not None and self._todo:
            self._timeout_handle = loop.call_later(timeout, self._on_timeout)
        self._remaining = len(self._todo)

    def _on_done(self, f):
        if f not in self._todo:
            return
        self._todo.discard(f)
        self._done.append(f)
        self._wake()
        if not self._todo and self._timeout_handle is not None:
            self._timeout_handle.cancel()

    def _on_timeout(self):
        for f in self._todo:
            f.remove_done_callback(self._on_done)
        self._todo.clear()
        self._timed_out = True
        self._wake()

    def _wake(self):
        while self._waiters and (self._done or self._timed_out):
            w = self._waiters.pop(0)
            if not w.done():
                w.set_result(None)

    async def _next_future(self):
        while not self._done:
            if self._timed_out:
                raise TimeoutError()
            w = self._loop.create_future()
            self._waiters.append(w)
            await w
        return self._done.pop(0)

    async def _next_result(self):
        f = await self._next_future()
        return f.result()

    def __iter__(self):
        return self

    def __next__(self):
        if self._remaining == 0:
            raise StopIteration
        self._remaining -= 1
        return self._next_result()

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self._remaining == 0:
            raise StopAsyncIteration
        self._remaining -= 1
        return await self._next_future()


def as_completed(fs, *, timeout=None):
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')
    return _AsCompleted(fs, timeout)
