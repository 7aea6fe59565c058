# Async generators: async for over them, asend/athrow/aclose by hand and under asyncio, async
# generator expressions, errors.
import asyncio


class Step:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        return (yield self.tag)


def drive(coro):
    """Run coro, printing what it passes through to the 'event loop'."""
    try:
        v = coro.send(None)
        while True:
            print("  loop got", v)
            v = coro.send(None)
    except StopIteration as e:
        return e.value


async def ticker(n):
    for i in range(n):
        await Step("tick %d" % i)
        yield i * 10
    print("  ticker finished")


async def consume():
    out = []
    async for v in ticker(3):
        out.append(v)
    return out


print(drive(consume()))

ag = ticker(2)
print(type(ag).__name__, repr(ag).startswith("<async_generator object ticker at 0x"))
print(ag.__aiter__() is ag, ag.ag_running, ag.__name__, ag.__qualname__)
aw = ag.__anext__()
print(type(aw).__name__)
print(aw.send(None))          # the await inside passes through
try:
    aw.send(None)
except StopIteration as e:
    print("item", e.value)
try:
    aw.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
print(drive(ag.__anext__()))
try:
    drive(ag.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration at the end")
try:
    drive(ag.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration again")


async def echo():
    received = None
    try:
        while True:
            received = yield ("echo", received)
    except ValueError as e:
        yield ("caught", str(e))
    finally:
        print("  echo cleanup")


async def talk():
    g = echo()
    print(await g.asend(None))
    print(await g.asend("hello"))
    print(await g.asend("again"))
    print(await g.athrow(ValueError("thrown in")))
    try:
        await g.asend("after")
    except StopAsyncIteration:
        print("finished after the handler")
    g = echo()
    await g.asend(None)
    print("aclose ->", await g.aclose())
    try:
        await g.asend(None)
    except StopAsyncIteration:
        print("closed generator stops")
    print("aclose again ->", await g.aclose())
    print("aclose of a new one ->", await echo().aclose())


drive(talk())


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


async def bad_ones():
    g = stubborn()
    await g.asend(None)
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

    async def raises_stop():
        yield 1
        raise StopAsyncIteration

    g = raises_stop()
    await g.__anext__()
    try:
        await g.__anext__()
    except RuntimeError as e:
        print("RuntimeError:", e)

    async def raises_stopiter():
        yield 1
        raise StopIteration

    g = raises_stopiter()
    await g.__anext__()
    try:
        await g.__anext__()
    except RuntimeError as e:
        print("RuntimeError:", e)

    async def fails():
        yield 1
        raise KeyError("inside")

    try:
        async for v in fails():
            print("  got", v)
    except KeyError as e:
        print("KeyError:", e)

    g = ticker(5)
    async for v in g:
        if v == 10:
            break
    print("after break, next:", await g.__anext__())
    await g.aclose()


drive(bad_ones())


# async generator expressions and comprehensions over async generators
async def comps():
    ge = (x * 2 async for x in ticker(3))
    print(type(ge).__name__)
    print([v async for v in ge])
    print([v async for v in (await_double(x) for x in range(3))] if False else "skip")
    ge2 = (await square(x) for x in range(3))
    print([v async for v in ge2])
    return {k: v async for k, v in pairs()}


async def square(x):
    await Step("sq %d" % x)
    return x * x


async def pairs():
    yield "a", 1
    yield "b", 2


print(drive(comps()))


def plain():
    # an async generator expression is allowed outside async functions; only iterating it needs one
    return (await square(x) for x in range(2))


print(type(plain()).__name__)


# under asyncio
async def countdown(n, delay):
    while n > 0:
        await asyncio.sleep(delay)
        yield n
        n -= 1


async def main():
    async def collect(name, n, delay):
        out = []
        async for v in countdown(n, delay):
            out.append((name, v))
        return out

    print(await asyncio.gather(collect("a", 3, 0.002), collect("b", 2, 0.003)))
    g = countdown(10, 0.001)
    print(await anext(g), await anext(g))
    await g.aclose()
    print("default:", await anext(g, "done"))


asyncio.run(main())

for src in ["async def f():\n    yield 1\n    return 2", "async def f():\n    yield from g()"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
