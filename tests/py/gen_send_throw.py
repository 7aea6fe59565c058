# Generator send(), throw(), close(), GeneratorExit and the running state.
def echo():
    print("echo started")
    received = None
    while True:
        try:
            received = yield "got %r" % (received,)
        except ValueError as e:
            print("caught in generator:", e)
            received = "after error"
        except GeneratorExit:
            print("generator closing")
            raise
e = echo()
print(next(e))
print(e.send("hello"))
print(e.send(42))
print(e.throw(ValueError("injected")))
print(e.send("more"))
e.close()
e.close()
try:
    e.send("x")
except StopIteration as ex:
    print("send after close -> StopIteration", ex.value)
def averager():
    total = count = 0
    avg = None
    while True:
        val = yield avg
        if val is None:
            return (count, avg)
        total += val
        count += 1
        avg = total / count
a = averager()
next(a)
for v in [10, 20, 60]:
    print(a.send(v))
try:
    a.send(None)
except StopIteration as ex:
    print("final", ex.value)
def fresh():
    yield 1
g = fresh()
try:
    g.send("not none")
except TypeError as ex:
    print(type(ex).__name__, ex)
def unhandled():
    yield 1
    yield 2
u = unhandled()
next(u)
try:
    u.throw(KeyError("k"))
except KeyError as ex:
    print("propagated", repr(ex))
print(next(u, "exhausted after throw"))
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "bad"
ie = ignores_exit()
next(ie)
try:
    ie.close()
except RuntimeError as ex:
    print(type(ex).__name__, ex)
def finally_gen():
    try:
        yield 1
        yield 2
    finally:
        print("finally in generator")
fg = finally_gen()
print(next(fg))
fg.close()
print("closed")
def throw_type():
    try:
        yield
    except TypeError as e:
        yield "handled " + str(e)
tt = throw_type()
next(tt)
print(tt.throw(TypeError("by instance")))
