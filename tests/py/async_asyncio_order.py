# asyncio without timing: every order here follows from the ready queue (FIFO) and from timers that
# are all due at once (taken in time order), so the output is the same however slow the run is
# (GC stress included). Tasks, futures, gather, cancellation, queues, locks, events, TaskGroup,
# async generators and async comprehensions under the loop.
import asyncio

trace = []


async def step(name, n):
    for i in range(n):
        trace.append(f"{name}{i}")
        await asyncio.sleep(0)
    return name * n


async def interleave():
    ts = [asyncio.create_task(step(c, k)) for c, k in (("a", 3), ("b", 1), ("c", 2))]
    res = await asyncio.gather(*ts)
    print("interleaved:", trace)
    print("results:", res)


asyncio.run(interleave())


async def futures_and_callbacks():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    seen = []
    f.add_done_callback(lambda fut: seen.append(("cb", fut.result())))

    async def setter():
        await asyncio.sleep(0)
        f.set_result("payload")

    asyncio.create_task(setter())
    print("awaited:", await f)
    await asyncio.sleep(0)
    print("callbacks:", seen)
    # timers all due at once run in time order, not in the order they were made
    base = loop.time() - 1.0
    fired = []
    for k in (3, 1, 2):
        loop.call_at(base + k * 0.001, fired.append, k)
    loop.call_soon(fired.append, "soon")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("timers:", fired)


asyncio.run(futures_and_callbacks())


async def cancellation():
    started = asyncio.Event()

    async def victim():
        started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            print("victim: cancelled, cleaning up")
            await asyncio.sleep(0)
            print("victim: cleaned up")
            raise

    t = asyncio.create_task(victim(), name="victim")
    await started.wait()
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled:", t.cancelled(), t.get_name())
    g = asyncio.gather(step("x", 5), step("y", 5))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
    r = await asyncio.gather(step("z", 1), asyncio.sleep(0, "slept"), return_exceptions=True)
    print("gather:", r)


asyncio.run(cancellation())


async def primitives():
    q = asyncio.Queue()
    out = []

    async def worker(name):
        while True:
            item = await q.get()
            out.append((name, item))
            q.task_done()

    workers = [asyncio.create_task(worker(n)) for n in ("w1", "w2")]
    for i in range(5):
        q.put_nowait(i)
    await q.join()
    for w in workers:
        w.cancel()
    print("queue:", sorted(out), len(out))

    lock = asyncio.Lock()
    held = []

    async def hold(name):
        async with lock:
            held.append(name + "+")
            await asyncio.sleep(0)
            held.append(name + "-")

    await asyncio.gather(hold("p"), hold("q"), hold("r"))
    print("lock:", held)

    ev = asyncio.Event()
    woke = []

    async def wait_ev(n):
        await ev.wait()
        woke.append(n)

    ws = [asyncio.create_task(wait_ev(n)) for n in range(3)]
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(*ws)
    print("event:", woke)

    sem = asyncio.Semaphore(2)
    inside = []
    peak = []

    async def limited(n):
        async with sem:
            inside.append(n)
            peak.append(len(inside))
            await asyncio.sleep(0)
            inside.remove(n)

    await asyncio.gather(*(limited(n) for n in range(5)))
    print("semaphore peak:", max(peak))


asyncio.run(primitives())


async def groups():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(step("g", 2))
        b = tg.create_task(step("h", 1))
    print("group:", a.result(), b.result())

    async def fail():
        await asyncio.sleep(0)
        raise ValueError("fail in group")

    async def forever():
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            print("sibling cancelled")
            raise

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(forever())
            tg.create_task(fail())
    except Exception as eg:
        print(type(eg).__name__, eg, eg.exceptions)


asyncio.run(groups())


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def generators():
    print("agen:", [x async for x in agen(4)])
    print("comp:", [await asyncio.sleep(0, x * x) for x in range(3)])
    total = 0
    async for v in agen(5):
        total += v
    print("sum:", total)
    print("tasks left:", len(asyncio.all_tasks()))


asyncio.run(generators())
