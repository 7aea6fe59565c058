# asyncio: Queue, Event, Lock, Semaphore, Condition, TaskGroup, timeout, wait_for, wait,
# as_completed, shield. Delays are distinct so that the output order is deterministic.
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


async def producer(q, items, delay):
    for it in items:
        await asyncio.sleep(delay)
        await q.put(it)
        print("put", it, "qsize", q.qsize())


async def consumer(q, name, out):
    while True:
        it = await q.get()
        out.append((name, it))
        q.task_done()


async def queues():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full())
    out = []
    c = asyncio.create_task(consumer(q, "c", out))
    await producer(q, [1, 2, 3], 0.03)
    await q.join()
    print("consumed:", out)
    c.cancel()
    q = asyncio.Queue(1)
    q.put_nowait("a")
    print(q.full(), q.qsize())
    try:
        q.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull")
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    # a blocked put resumes when a get makes room
    q.put_nowait(1)
    blocked = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    print("put blocked:", not blocked.done())
    print("got", await q.get())
    await blocked
    print("put done, queue has", q.get_nowait())
    pq = asyncio.PriorityQueue()
    for v in [5, 1, 4, 2]:
        pq.put_nowait(v)
    print("priority:", [pq.get_nowait() for _ in range(4)])
    lq = asyncio.LifoQueue()
    for v in "abc":
        lq.put_nowait(v)
    print("lifo:", [lq.get_nowait() for _ in range(3)])
    # get with a timeout on an empty queue
    try:
        await asyncio.wait_for(asyncio.Queue().get(), 0.06)
    except TimeoutError:
        print("get timed out")


asyncio.run(queues())


async def waiter(ev, name):
    print(name, "waiting")
    await ev.wait()
    print(name, "woke")


async def events_and_locks():
    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(ev, n)) for n in ("w1", "w2")]
    await asyncio.sleep(0.06)
    print("is_set", ev.is_set())
    ev.set()
    await asyncio.gather(*ts)
    print("wait on set event:", await ev.wait())
    ev.clear()
    print("cleared", ev.is_set())

    lock = asyncio.Lock()
    order = []

    async def critical(name, delay):
        async with lock:
            order.append(name + " in")
            await asyncio.sleep(delay)
            order.append(name + " out")

    await asyncio.gather(critical("a", 0.06), critical("b", 0.006), critical("c", 0.006))
    print("lock order:", order)
    print("locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    await lock.acquire()
    print("acquired:", lock.locked())
    lock.release()

    sem = asyncio.Semaphore(2)
    active = []
    peak = [0]

    async def limited(i):
        async with sem:
            active.append(i)
            peak[0] = max(peak[0], len(active))
            await asyncio.sleep(0.012 * (i + 1))
            active.remove(i)

    await asyncio.gather(*(limited(i) for i in range(5)))
    print("semaphore peak:", peak[0], "locked now:", sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    bs = asyncio.BoundedSemaphore(1)
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)

    cond = asyncio.Condition()
    items = []

    async def cons(name):
        async with cond:
            await cond.wait_for(lambda: items)
            print(name, "took", items.pop(0))

    tasks = [asyncio.create_task(cons("k%d" % i)) for i in range(2)]
    await asyncio.sleep(0.006)
    async with cond:
        items.append("x")
        cond.notify()
    await asyncio.sleep(0.006)
    async with cond:
        items.append("y")
        cond.notify_all()
    await asyncio.gather(*tasks)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(events_and_locks())


async def job(name, delay, fail=None):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        raise fail
    print(name, "done")
    return name


async def groups():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("g1", 0.12))
        t2 = tg.create_task(job("g2", 0.06))
    print("results:", t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("ok", 0.006))
            tg.create_task(job("bad", 0.03, ValueError("task failed")))
            tg.create_task(job("slow", 1))
    except Exception as eg:
        print(type(eg).__name__, "|", eg, "|", eg.exceptions)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("bad1", 0.012, KeyError("a")))
            tg.create_task(job("bad2", 0.012, KeyError("b")))
    except Exception as eg:
        print(type(eg).__name__, "|", eg, "|", eg.exceptions)
    tg = asyncio.TaskGroup()
    c = job("x", 0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError:", str(e).replace(repr(tg), "TG"))


asyncio.run(groups())


async def timeouts():
    try:
        async with asyncio.timeout(0.06) as cm:
            await job("long", 1)
    except TimeoutError:
        print("timeout expired:", cm.expired())
    async with asyncio.timeout(1) as cm:
        await job("short", 0.006)
    print("not expired:", cm.expired())
    async with asyncio.timeout(None) as cm:
        print("when:", cm.when())
    print("wait_for result:", await asyncio.wait_for(job("wf", 0.006), 1))
    try:
        await asyncio.wait_for(job("wf-slow", 1), 0.06)
    except TimeoutError as e:
        print("wait_for TimeoutError", type(e) is asyncio.TimeoutError)
    print("wait_for None:", await asyncio.wait_for(job("wf-none", 0.006), None))

    ts = [asyncio.create_task(job(n, d)) for n, d in (("w3", 0.18), ("w1", 0.06), ("w2", 0.12))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", [t.result() for t in done], len(pending))
    done, pending = await asyncio.wait(ts, timeout=0.09)
    print("after timeout:", sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(ts)
    print("all:", sorted(t.result() for t in done), len(pending))
    errs = [asyncio.create_task(job("e1", 0.006, OSError("e"))), asyncio.create_task(job("e2", 0.3))]
    done, pending = await asyncio.wait(errs, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", [repr(t.exception()) for t in done], len(pending))
    for t in pending:
        t.cancel()
    for bad in ([], [job("c", 0)]):
        try:
            await asyncio.wait(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__ + ":", e)
    if bad:
        bad[0].close()
    try:
        await asyncio.wait(ts, return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)

    order = []
    for coro in asyncio.as_completed([job("ac3", 0.18), job("ac1", 0.06), job("ac2", 0.12)]):
        order.append(await coro)
    print("as_completed:", order)
    order = []
    async for t in asyncio.as_completed([job("b2", 0.12), job("b1", 0.06)]):
        order.append(t.result())
    print("as_completed async:", order)
    try:
        for coro in asyncio.as_completed([job("never", 0.6)], timeout=0.06):
            await coro
    except TimeoutError:
        print("as_completed timed out")

    inner = asyncio.create_task(job("shielded", 0.06))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled, inner cancelled?", inner.cancelled())
    print("inner result:", await inner)
    await asyncio.sleep(0.7)  # the remaining job ends before the loop closes


asyncio.run(timeouts())
