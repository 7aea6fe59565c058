# asyncio: run, sleep ordering, tasks (names, cancel, current_task, all_tasks), Future, gather,
# the loop's call_soon/call_later/call_at, and error cases. Sleeps use distinct delays so the output
# order does not depend on timing.
import asyncio


async def _warm_up():
    # Run the asyncio machinery once without output, so that compiling it (the forced-JIT modes)
    # does not delay the timers of the checked part below: its orders follow from distinct sleeps.
    async def nap(d):
        await asyncio.sleep(d)
        return d

    ts = [asyncio.create_task(nap(0.001 * i)) for i in range(3)]
    await asyncio.gather(*ts, nap(0), return_exceptions=True)
    await asyncio.wait([asyncio.create_task(nap(0.001))], timeout=1)
    await asyncio.wait([asyncio.create_task(nap(0.001))], return_when=asyncio.FIRST_COMPLETED)
    for c in asyncio.as_completed([nap(0.001)]):
        await c
    async for t in asyncio.as_completed([nap(0.001)]):
        t.result()
    async with asyncio.timeout(1):
        await nap(0)
    await asyncio.wait_for(nap(0), 1)
    q = asyncio.Queue(1)
    q.put_nowait(1)
    await q.get()
    q.task_done()
    await q.join()
    async with asyncio.Lock():
        pass
    async with asyncio.Semaphore():
        pass
    ev = asyncio.Event()
    ev.set()
    await ev.wait()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(nap(0))
    await asyncio.shield(nap(0))
    t = asyncio.create_task(nap(1))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass


asyncio.run(_warm_up())

log = []


async def sleeper(name, delay, result=None):
    r = await asyncio.sleep(delay, result)
    log.append(name)
    return (name, r)


async def main():
    print("running loop is current:", asyncio.get_running_loop() is asyncio.get_event_loop())
    t1 = asyncio.create_task(sleeper("slow", 0.18, 1), name="slow-task")
    t2 = asyncio.create_task(sleeper("fast", 0.06, 2))
    t3 = asyncio.ensure_future(sleeper("mid", 0.12, 3))
    print(t1.get_name(), t2.get_name().startswith("Task-"), t1.done())
    print(repr(t1).startswith("<Task pending name='slow-task' coro=<"))
    print(await t1, await t2, await t3)
    print("order:", log)
    print(t1.done(), t1.result(), t1.cancelled(), t1.exception())
    print("current:", asyncio.current_task().get_name())
    print("all tasks:", sorted(t.get_name() for t in asyncio.all_tasks()))
    print("sleep(0) result:", await asyncio.sleep(0, "zero"))
    return "main result"


print(asyncio.run(main()))

# gather: results in argument order, exceptions, return_exceptions, nesting
async def fail_after(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def gathers():
    log.clear()
    res = await asyncio.gather(sleeper("c", 0.18), sleeper("a", 0.06), sleeper("b", 0.12))
    print("gather:", res, log)
    res = await asyncio.gather(sleeper("x", 0.06), fail_after(0.03, ValueError("bad")), return_exceptions=True)
    print("return_exceptions:", res)
    try:
        await asyncio.gather(sleeper("y", 0.12), fail_after(0.06, KeyError("k")))
    except KeyError as e:
        print("gather raised", repr(e))
    print("empty gather:", await asyncio.gather())
    t = asyncio.create_task(sleeper("same", 0.06))
    print("same task twice:", await asyncio.gather(t, t))
    await asyncio.sleep(0.18)  # let the y sleeper finish


asyncio.run(gathers())


# cancellation: CancelledError inside the coroutine, cleanup, cancel messages
async def cancellable(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "cancelled inside, args:", e.args)
        raise
    finally:
        print(name, "cleanup")


async def swallow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("swallowed the cancellation")
    return "kept going"


async def cancels():
    t = asyncio.create_task(cancellable("t1"))
    await asyncio.sleep(0.06)
    print("cancel() ->", t.cancel("stop now"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting cancelled task raised CancelledError", e.args)
    print(t.cancelled(), t.done(), t.cancel())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    t = asyncio.create_task(swallow())
    await asyncio.sleep(0)
    t.cancel()
    print("swallow result:", await t, t.cancelled())
    # cancelled before it ever ran
    t = asyncio.create_task(cancellable("never-ran"))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before the first step:", t.cancelled())
    # gather cancelled: children cancelled too
    g = asyncio.gather(cancellable("g1"), cancellable("g2"))
    await asyncio.sleep(0.06)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")


asyncio.run(cancels())


# Future
async def futures():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f), f.done())
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        f.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    f.add_done_callback(lambda fut: print("callback 1 sees", fut.result()))
    f.add_done_callback(lambda fut: print("callback 2 sees", fut.result()))
    loop.call_later(0.06, f.set_result, 42)
    print("awaited future:", await f)
    await asyncio.sleep(0)
    print(repr(f))
    try:
        f.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    g = loop.create_future()
    g.set_exception(ValueError("stored"))
    print(repr(g.exception()))
    try:
        await g
    except ValueError as e:
        print("await raised", e)
    h = loop.create_future()
    print("cancel:", h.cancel(), h.cancelled(), h.cancel())
    k = loop.create_future()

    def cb(fut):
        print("removed callback ran")

    k.add_done_callback(cb)
    print("removed:", k.remove_done_callback(cb))
    k.set_result(None)
    print(asyncio.isfuture(k), asyncio.isfuture(1))
    await asyncio.sleep(0.06)


asyncio.run(futures())


# the loop without run(): call_soon / call_later / call_at / time / run_until_complete
loop = asyncio.new_event_loop()
order = []
loop.call_later(0.12, order.append, "later 0.12")
loop.call_at(loop.time() + 0.06, order.append, "at +0.06")
loop.call_soon(order.append, "soon 1")
h = loop.call_soon(order.append, "cancelled")
loop.call_soon(order.append, "soon 2")
h.cancel()
print("run_until_complete:", loop.run_until_complete(sleeper("ruc", 0.18, "value")))
print(order)
print(loop.is_running(), loop.is_closed())
loop.close()
print(loop.is_closed())
try:
    loop.call_soon(print)
except RuntimeError as e:
    print("RuntimeError:", e)


# errors
async def nested_run():
    c = sleeper("n", 0)
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()


asyncio.run(nested_run())
try:
    asyncio.run(5)
except ValueError as e:
    print("ValueError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)


async def not_a_coro():
    try:
        asyncio.create_task(5)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(not_a_coro())
print(asyncio.iscoroutinefunction(sleeper), asyncio.iscoroutinefunction(print))
c = sleeper("x", 0)
print(asyncio.iscoroutine(c), asyncio.iscoroutine(sleeper))
c.close()


# an exception escaping asyncio.run
async def boom():
    await asyncio.sleep(0.006)
    raise ZeroDivisionError("in task")


try:
    asyncio.run(boom())
except ZeroDivisionError as e:
    print("run raised", repr(e))


# a task whose exception is retrieved through the task
async def retrieve():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.06)
    print(t.done(), repr(t.exception()))


asyncio.run(retrieve())
