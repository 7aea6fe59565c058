# contextlib's async parts (asynccontextmanager, aclosing, AbstractAsyncContextManager) under asyncio,
# with no timing: every await is sleep(0).
import asyncio
import contextlib

events = []


@contextlib.asynccontextmanager
async def resource(name, fail_exit=False):
    events.append("open " + name)
    await asyncio.sleep(0)
    try:
        yield name.upper()
    except KeyError as e:
        events.append(f"{name} saw {e!r}")
        raise
    finally:
        await asyncio.sleep(0)
        events.append("close " + name)


@contextlib.asynccontextmanager
async def swallowing():
    try:
        yield
    except ValueError:
        events.append("swallowed ValueError")


@contextlib.asynccontextmanager
async def no_yield():
    if False:
        yield


@contextlib.asynccontextmanager
async def two_yields():
    yield 1
    yield 2


class Plain(contextlib.AbstractAsyncContextManager):
    async def __aexit__(self, *exc):
        events.append("plain exit")


async def agen():
    try:
        for i in range(10):
            yield i
    finally:
        events.append("agen closed")


async def main():
    async with resource("a") as a, resource("b") as b:
        events.append(f"body {a} {b}")
    try:
        async with resource("c"):
            raise KeyError("k")
    except KeyError:
        events.append("KeyError propagated")
    async with swallowing():
        raise ValueError("v")
    events.append("after swallow")
    for cm in (no_yield(), two_yields()):
        try:
            async with cm:
                pass
        except RuntimeError as e:
            events.append("RuntimeError: " + str(e))
    async with Plain() as p:
        events.append(type(p).__name__)
    async with contextlib.aclosing(agen()) as g:
        async for v in g:
            if v == 2:
                break
    events.append("after aclosing")

    @resource("deco")
    async def decorated(x):
        events.append(f"decorated({x})")
        return x * 2

    events.append(f"returned {await decorated(21)}")


asyncio.run(main())
for e in events:
    print(e)
