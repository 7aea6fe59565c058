# asyncio.TaskGroup failures arrive as an ExceptionGroup, handled with except*
import asyncio


async def worker(i):
    await asyncio.sleep(0)
    if i % 3 == 0:
        raise ValueError(i)
    if i % 3 == 1:
        raise KeyError(i)
    return i


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(1, 8):
                tg.create_task(worker(i))
    except* ValueError as e:
        print("ValueErrors:", sorted(x.args[0] for x in e.exceptions))
    except* KeyError as e:
        print("KeyErrors:", sorted(x.args[0] for x in e.exceptions), type(e).__name__)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker(3))
    except* ValueError as e:
        print("one ValueError:", repr(e.exceptions[0]), type(e).__name__, e.message == "unhandled errors in a TaskGroup")
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(worker(3))
                tg.create_task(worker(4))
        except* KeyError:
            print("KeyError part handled")
    except ExceptionGroup as rest:
        print("rest:", [repr(x) for x in rest.exceptions])

    async def await_inside():
        result = "not handled"
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ValueError:
            await asyncio.sleep(0)
            result = "awaited inside except*"
        return result
    print(await await_inside())


asyncio.run(main())
