# Coroutines by hand: the coroutine protocol (send/throw/close), await chains, async with/for,
# async comprehensions, __await__ objects, and the errors, without asyncio.
import types


def run(coro):
    """Drive coro to completion, printing what it yields; its return value."""
    try:
        v = coro.send(None)
        while True:
            print("  yielded", v)
            v = coro.send(v)
    except StopIteration as e:
        return e.value


class Suspend:
    """An awaitable that yields its tag once and returns what is sent back, doubled."""

    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        sent = yield self.tag
        return (self.tag, sent)


async def leaf(x):
    r = await Suspend(x)
    return r


async def middle(n):
    total = []
    for i in range(n):
        total.append(await leaf(i))
    return total


async def top():
    a = await middle(3)
    b = await leaf("z")
    return a, b


print("chain:", run(top()))

# send / throw / close by hand
async def catcher():
    try:
        v = await Suspend("first")
        print("  got", v)
        v = await Suspend("second")
    except ValueError as e:
        print("  caught", repr(e))
        return "recovered"
    finally:
        print("  finally in catcher")
    return "normal"


c = catcher()
print(type(c).__name__, type(c) is types.CoroutineType)
print(repr(c).startswith("<coroutine object catcher at 0x"))
print("cr_running", c.cr_running, "cr_await", c.cr_await)
print(c.send(None))
print(c.send("one"))
print("cr_await is None:", c.cr_await is None)
try:
    c.throw(ValueError("boom"))
except StopIteration as e:
    print("throw ->", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

c = catcher()
c.send(None)
print("close ->", c.close())
try:
    c.send(None)
except RuntimeError as e:
    print("after close:", e)

c = catcher()
try:
    c.send(5)
except TypeError as e:
    print("TypeError:", e)
c.close()

# GeneratorExit ignored
async def stubborn():
    try:
        await Suspend(1)
    except GeneratorExit:
        await Suspend(2)


c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)

# the same coroutine awaited twice
async def once():
    return 7


async def twice():
    c = once()
    print("first await", await c)
    try:
        await c
    except RuntimeError as e:
        print("second await:", e)


run(twice())

# __await__ objects and the wrapper
w = once().__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("wrapper result", e.value)


class ViaWrapper:
    def __await__(self):
        return once().__await__()


async def use_wrapper():
    return await ViaWrapper()


print("via wrapper:", run(use_wrapper()))

# await errors
class ReturnsInt:
    def __await__(self):
        return 5


made = []


class ReturnsCoro:
    def __await__(self):
        c = once()
        made.append(c)  # closed below, so that no "never awaited" warning depends on when it dies
        return c


async def bad(x):
    return await x


for obj in [1, "s", ReturnsInt(), ReturnsCoro(), None]:
    c = bad(obj)
    try:
        run(c)
    except TypeError as e:
        print("TypeError:", e)
for c in made:
    c.close()

# StopIteration inside a coroutine (PEP 479)
async def raises_stop():
    raise StopIteration(3)


try:
    run(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

# exceptions travel through awaits, with the chain intact
async def fails(n):
    if n == 0:
        raise KeyError("deep")
    await Suspend(n)
    return await fails(n - 1)


try:
    run(fails(2))
except KeyError as e:
    print("KeyError through awaits:", e)


# async with
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await Suspend("enter " + self.name)
        return self.name.upper()

    async def __aexit__(self, et, ev, tb):
        await Suspend("exit " + self.name)
        print("  exit", self.name, et.__name__ if et else None, ev)
        return self.suppress


async def with_uses():
    async with CM("a") as x, CM("b") as y:
        print("  body", x, y)
    async with CM("s", suppress=True):
        raise ValueError("suppressed")
    try:
        async with CM("n"):
            raise ValueError("propagated")
    except ValueError as e:
        print("  caught", e)
    for i in range(3):
        async with CM("loop%d" % i):
            if i == 0:
                continue
            if i == 1:
                break
    async with CM("ret"):
        return "returned from inside"


print(run(with_uses()))


class NoAexit:
    async def __aenter__(self):
        return 1


class SyncOnly:
    def __enter__(self):
        return 1

    def __exit__(self, *a):
        return False


class BadAenter:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        return False


class BadAexit:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 2


async def with_errors():
    for m in [NoAexit(), SyncOnly(), BadAenter(), BadAexit(), 3]:
        try:
            async with m:
                print("  inside", type(m).__name__)
        except TypeError as e:
            print("  TypeError:", e)


run(with_errors())


# async for
class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await Suspend("tick %d" % self.n)
        self.n -= 1
        return self.n


class FailingIter:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise ValueError("anext failed")


async def for_uses():
    async for i in Countdown(2):
        print("  item", i)
    else:
        print("  else ran")
    async for i in Countdown(5):
        if i == 3:
            continue
        if i == 1:
            break
        print("  item", i)
    else:
        print("  else not printed")
    out = []
    async for a, b in PairIter([(1, 2), (3, 4)]):
        out.append(a + b)
    print("  unpacked", out)
    try:
        async for i in FailingIter():
            pass
    except ValueError as e:
        print("  ValueError:", e)
    for obj in [5, NoAnext(), BadAnext()]:
        try:
            async for i in obj:
                pass
        except TypeError as e:
            print("  TypeError:", e)
    return "for done"


class PairIter:
    def __init__(self, items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


class NoAnext:
    def __aiter__(self):
        return 1


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 1


print(run(for_uses()))


# async comprehensions and await inside comprehensions
async def double(x):
    await Suspend("d%d" % x)
    return 2 * x


async def comps():
    a = [x async for x in Countdown(3)]
    b = {x: await double(x) for x in range(2)}
    c = {await double(x) async for x in Countdown(2) if x != 5}
    d = [[y async for y in Countdown(x)] for x in range(3)]
    return a, b, sorted(c), d


print(run(comps()))

# types.coroutine: a generator-based coroutine
@types.coroutine
def gen_based(v):
    got = yield ("gen", v)
    return got


async def use_gen_based():
    return await gen_based(1)


print("types.coroutine:", run(use_gen_based()))
print(types.coroutine(once) is once)
try:
    types.coroutine(5)
except TypeError as e:
    print("TypeError:", e)

# coroutine function flags and names
print(once.__code__.co_flags & 0x80 != 0, run.__code__.co_flags & 0x80 != 0)
c = once()
print(c.__name__, c.__qualname__, c.cr_code is once.__code__)
c.close()


class K:
    async def meth(self, x):
        return x * 3


c = K().meth(2)
print(c.__qualname__)
print(run(c))

# deep chains (inline delegation: no C recursion per level)
async def deep(n):
    if n == 0:
        await Suspend("bottom")
        return 0
    return 1 + await deep(n - 1)


print("deep:", run(deep(500)))

# many live coroutines suspended at once, resumed round-robin
async def worker(i):
    s = 0
    for k in range(3):
        s += (await Suspend(i))[1] or 0
    return s


cs = [worker(i) for i in range(50)]
vals = [c.send(None) for c in cs]
results = []
for rnd in range(3):
    nxt = []
    for c, v in zip(cs, vals):
        try:
            nxt.append(c.send(v + rnd))
        except StopIteration as e:
            results.append(e.value)
            nxt.append(None)
    vals = nxt
print("round robin:", sum(results), len(results))
