# An exception raised three awaits deep, caught and printed with traceback, then one left uncaught:
# the traceback lists every coroutine frame between the driver and the raise.
import traceback


class Step:
    def __await__(self):
        yield "step"


async def level3(x):
    await Step()
    return 10 // x


async def level2(x):
    v = await level3(x)
    return v + 1


async def level1(x):
    try:
        return await level2(x)
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e


def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


print(drive(level1(5)))
try:
    drive(level1(0))
except ValueError:
    print(traceback.format_exc().replace(__file__, "FILE"), end="")


class Manager:
    async def __aenter__(self):
        return self

    async def __aexit__(self, et, ev, tb):
        await Step()
        return False


async def inside_with():
    async with Manager():
        await level2(0)


drive(inside_with())
