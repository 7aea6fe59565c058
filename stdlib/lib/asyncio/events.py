"""The event loop: a ready queue of callbacks and a heap of timers, single-threaded.

Krait's asyncio has no sockets, pipes or subprocesses, so the loop never waits for I/O: when nothing
is ready it sleeps (time.sleep) until the earliest timer is due. A loop with nothing ready and no
timers can make no progress; where CPython would wait forever for I/O that cannot come, this loop
raises RuntimeError instead of hanging.
"""
import heapq
import sys
import time
import traceback
from collections import deque

__all__ = ('AbstractEventLoop', 'Handle', 'TimerHandle', 'get_event_loop_policy',
           'set_event_loop_policy', 'get_event_loop', 'set_event_loop', 'new_event_loop',
           'get_running_loop', '_get_running_loop', 'DefaultEventLoopPolicy',
           'AbstractEventLoopPolicy', 'BaseEventLoop')


def _format_callback(cb):
    name = getattr(cb, '__qualname__', None) or getattr(cb, '__name__', None)
    return name if name else repr(cb)


class Handle:
    """A callback scheduled with call_soon (returned so that it can be cancelled)."""

    __slots__ = ('_callback', '_args', '_cancelled', '_loop', '_context', '__weakref__')

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._loop = loop
        self._context = context

    def __repr__(self):
        parts = [type(self).__name__]
        if self._cancelled:
            parts.append('cancelled')
        if self._callback is not None:
            parts.append(_format_callback(self._callback) + '()')
        return '<' + ' '.join(parts) + '>'

    def get_context(self):
        return self._context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': f'Exception in callback {_format_callback(self._callback)}()',
                'exception': exc,
                'handle': self,
            })


class TimerHandle(Handle):
    """A callback scheduled for a loop time (call_later / call_at); ordered by that time."""

    __slots__ = ('_when', '_seq')

    def __init__(self, when, callback, args, loop, context=None, seq=0):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._seq = seq  # ties in time run in the order they were scheduled

    def __repr__(self):
        r = super().__repr__()
        return r[:-1] + f' when={self._when}>'

    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)

    def __le__(self, other):
        return (self._when, self._seq) <= (other._when, other._seq)

    def __gt__(self, other):
        return (self._when, self._seq) > (other._when, other._seq)

    def __ge__(self, other):
        return (self._when, self._seq) >= (other._when, other._seq)

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return self is other
        return NotImplemented

    def __hash__(self):
        return id(self)

    def when(self):
        return self._when

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_cancelled()
        super().cancel()


class AbstractEventLoop:
    """The interface; BaseEventLoop is the one implementation."""


class BaseEventLoop(AbstractEventLoop):
    def __init__(self):
        self._ready = deque()
        self._scheduled = []       # heap of TimerHandle
        self._ncancelled = 0       # cancelled timers still in the heap
        self._seq = 0
        self._closed = False
        self._stopping = False
        self._running = False
        self._debug = False
        self._exception_handler = None
        self._task_factory = None
        self._clock_resolution = 1e-9

    def __repr__(self):
        return (f'<{type(self).__name__} running={self.is_running()} closed={self.is_closed()} '
                f'debug={self.get_debug()}>')

    # ---- scheduling ----
    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def time(self):
        return time.monotonic()

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        if not callable(callback):
            raise TypeError(f'a callable object was expected by call_soon(), got {callback!r}')
        h = Handle(callback, args, self, context)
        self._ready.append(h)
        return h

    call_soon_threadsafe = call_soon

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        if not callable(callback):
            raise TypeError(f'a callable object was expected by call_at(), got {callback!r}')
        self._seq += 1
        h = TimerHandle(when, callback, args, self, context, self._seq)
        heapq.heappush(self._scheduled, h)
        return h

    def _timer_cancelled(self):
        self._ncancelled += 1

    def create_future(self):
        from .futures import Future
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            from .tasks import Task
            return Task(coro, loop=self, name=name, context=context)
        task = self._task_factory(self, coro)
        if name is not None:
            task.set_name(name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # ---- running ----
    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def stop(self):
        self._stopping = True

    def close(self):
        if self._running:
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        self._ncancelled = 0

    def run_forever(self):
        self._check_closed()
        if self._running:
            raise RuntimeError('This event loop is already running')
        if _get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')
        self._running = True
        _set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            _set_running_loop(None)

    def run_until_complete(self, future):
        from . import futures, tasks
        self._check_closed()
        if self._running:
            raise RuntimeError('This event loop is already running')
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        future.add_done_callback(_stop_loop)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()  # retrieved: the error is already propagating
            raise
        finally:
            future.remove_done_callback(_stop_loop)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def _run_once(self):
        sched = self._scheduled
        # drop cancelled timers when they make up much of the heap, else when they reach the top
        if self._ncancelled > 100 and self._ncancelled * 2 > len(sched):
            self._scheduled = sched = [h for h in sched if not h._cancelled]
            heapq.heapify(sched)
            self._ncancelled = 0
        while sched and sched[0]._cancelled:
            heapq.heappop(sched)
            self._ncancelled -= 1
        if not self._ready and not self._stopping:
            if not sched:
                raise RuntimeError('Event loop is idle: nothing is ready or scheduled '
                                   '(Krait\'s asyncio has no I/O to wait for)')
            delay = sched[0]._when - self.time()
            if delay > 0:
                time.sleep(delay)
        end = self.time() + self._clock_resolution
        while sched and sched[0]._when < end:
            h = heapq.heappop(sched)
            if h._cancelled:
                self._ncancelled -= 1
            else:
                self._ready.append(h)
        # run what is ready now; callbacks scheduled by these wait for the next iteration
        ready = self._ready
        for _ in range(len(ready)):
            h = ready.popleft()
            if not h._cancelled:
                h._run()

    # ---- errors and debugging ----
    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = bool(enabled)

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        message = context.get('message') or 'Unhandled exception in event loop'
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            lines.append(f'{key}: {context[key]!r}')
        exc = context.get('exception')
        text = '\n'.join(lines)
        if exc is not None:
            text += '\n' + ''.join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip('\n')
        print(text, file=sys.stderr)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                print('Exception in default exception handler', file=sys.stderr)
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    print('Exception in default exception handler', file=sys.stderr)

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self, timeout=None):
        pass


def _stop_loop(fut):
    fut.get_loop().stop()


# ---- the current and the running loop (one thread: plain module state) ----

class _RunningLoop:
    loop = None


def _get_running_loop():
    return _RunningLoop.loop


def _set_running_loop(loop):
    _RunningLoop.loop = loop


def get_running_loop():
    loop = _RunningLoop.loop
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


class AbstractEventLoopPolicy:
    pass


class DefaultEventLoopPolicy(AbstractEventLoopPolicy):
    def __init__(self):
        self._loop = None
        self._set_called = False

    def get_event_loop(self):
        if self._loop is None and not self._set_called:
            self.set_event_loop(self.new_event_loop())
        if self._loop is None:
            raise RuntimeError('There is no current event loop in thread %r.' % 'MainThread')
        return self._loop

    def set_event_loop(self, loop):
        self._set_called = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")
        self._loop = loop

    def new_event_loop(self):
        return BaseEventLoop()


class _Policy:
    policy = None


def get_event_loop_policy():
    if _Policy.policy is None:
        _Policy.policy = DefaultEventLoopPolicy()
    return _Policy.policy


def set_event_loop_policy(policy):
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not '{type(policy).__name__}'")
    _Policy.policy = policy


def get_event_loop():
    loop = _RunningLoop.loop
    if loop is not None:
        return loop
    return get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    return get_event_loop_policy().new_event_loop()
