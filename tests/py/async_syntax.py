# SyntaxErrors for misplaced await / async for / async with / async comprehensions.
cases = [
    "await x",
    "def f():\n    await x",
    "async def f():\n    class C:\n        await x",
    "async def f():\n    lambda: await x",
    "def f():\n    async for x in y: pass",
    "def f():\n    async with x: pass",
    "async for x in y: pass",
    "async with x: pass",
    "def f():\n    [x async for x in y]",
    "def f():\n    [await x for x in y]",
    "async def f():\n    def g():\n        [await x for x in y]",
    "[await x for x in y]",
    "async def f():\n    yield from x",
    "async def f():\n    await = 3",
    "async def f():\n    (await x) = 3",
    "async def f():\n    del await x",
    "async x = 1",
    "async def f():\n    return [[await z for z in x] for x in y]",
    "async def f():\n    async with a as b, c:\n        async for i in b: await i",
    "async def f(): return {k: await v async for k, v in w}",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("ok:", src.replace("\n", " | "))
    except SyntaxError as e:
        print("SyntaxError:", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))
