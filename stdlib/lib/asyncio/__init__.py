"""asyncio for Krait: a single-threaded event loop (ready queue + timer heap, time.sleep to wait),
Futures and Tasks, the combinators (gather, wait, wait_for, as_completed, shield, timeout),
TaskGroup, queues and locks. Written for Krait; there is no I/O (no sockets, pipes, subprocesses,
streams or executors), so a loop waits only for timers."""
from .coroutines import iscoroutine, iscoroutinefunction
from .events import (AbstractEventLoop, AbstractEventLoopPolicy, BaseEventLoop, DefaultEventLoopPolicy,
                     Handle, TimerHandle, _get_running_loop, get_event_loop, get_event_loop_policy,
                     get_running_loop, new_event_loop, set_event_loop, set_event_loop_policy)
from .exceptions import (BrokenBarrierError, CancelledError, IncompleteReadError, InvalidStateError,
                         LimitOverrunError, QueueEmpty, QueueFull, SendfileNotAvailableError,
                         TimeoutError)
from .futures import Future, isfuture, wrap_future
from .locks import Barrier, BoundedSemaphore, Condition, Event, Lock, Semaphore
from .queues import LifoQueue, PriorityQueue, Queue, QueueShutDown
from .runners import Runner, run
from .taskgroups import TaskGroup
from .tasks import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, Task, all_tasks, as_completed,
                    create_task, current_task, ensure_future, gather, shield, sleep, wait, wait_for)
from .timeouts import Timeout, timeout, timeout_at

EventLoop = BaseEventLoop
SelectorEventLoop = BaseEventLoop

__all__ = (
    'iscoroutine', 'iscoroutinefunction', 'AbstractEventLoop', 'AbstractEventLoopPolicy',
    'DefaultEventLoopPolicy', 'Handle', 'TimerHandle', 'get_event_loop', 'get_event_loop_policy',
    'get_running_loop', 'new_event_loop', 'set_event_loop', 'set_event_loop_policy',
    'BrokenBarrierError', 'CancelledError', 'IncompleteReadError', 'InvalidStateError',
    'LimitOverrunError', 'QueueEmpty', 'QueueFull', 'SendfileNotAvailableError', 'TimeoutError',
    'Future', 'isfuture', 'wrap_future', 'Barrier', 'BoundedSemaphore', 'Condition', 'Event', 'Lock',
    'Semaphore', 'LifoQueue', 'PriorityQueue', 'Queue', 'QueueShutDown', 'Runner', 'run', 'TaskGroup',
    'ALL_COMPLETED', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'Task', 'all_tasks', 'as_completed',
    'create_task', 'current_task', 'ensure_future', 'gather', 'shield', 'sleep', 'wait', 'wait_for',
    'Timeout', 'timeout', 'timeout_at', 'EventLoop', 'SelectorEventLoop',
)
