# timeit: Timer with string and callable statements and setups, timeit()/repeat()/autorange() measured
# with a fake clock that the timed statement advances (so results are exact), globals=, errors,
# and the command line (main() with a wrapped timer: loops, best of N, units, -v, -h, bad options).
import sys
import timeit


class Clock:
    def __init__(self, step):
        self.t = 0.0
        self.step = step
        self.calls = 0

    def now(self):
        return self.t

    def tick(self):
        self.calls += 1
        self.t += self.step


clock = Clock(0.01)
t = timeit.Timer("clock.tick()", timer=clock.now, globals={'clock': clock})
print(round(t.timeit(7), 6), clock.calls)
print([round(x, 6) for x in t.repeat(3, 4)], clock.calls)
seen = []
n, taken = t.autorange(lambda n, taken: seen.append((n, round(taken, 6))))
print(n, round(taken, 6))
print(seen)
clock2 = Clock(0.0001)
n, taken = timeit.Timer(clock2.tick, timer=clock2.now).autorange()
print(n, round(taken, 6))
# setup runs once per timeit() call, before the clock starts
state = {'setups': 0, 'clock': clock}
t = timeit.Timer("clock.tick(); x.append(1)", setup="global setups\nx = []; setups += 1", timer=clock.now,
                 globals=state)
print(round(t.timeit(5), 6), state['setups'])
t = timeit.Timer("total += i", setup="total = 0\nfor i in range(3):\n    total += i", timer=clock.now,
                 globals={})
print(t.timeit(3))
# callable setup and stmt
calls = []
t = timeit.Timer(lambda: calls.append('s'), lambda: calls.append('setup'), timer=clock.now)
t.timeit(3)
print(calls)
# real timer: non-negative float results
print(timeit.timeit("sum(range(10))", number=100) >= 0.0, len(timeit.repeat("pass", repeat=3, number=10)))
print(timeit.default_timer is __import__('time').perf_counter)
for bad in [dict(stmt=5), dict(setup=5), dict(stmt="1 +"), dict(stmt="return 1"), dict(setup="x = (")]:
    try:
        timeit.Timer(**bad)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, e.args[0])
# an error inside the timed statement propagates
try:
    timeit.timeit("1 / 0", number=3)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


def fake(step):
    c = Clock(step)
    return lambda timer: c.now, c

for args, step in [(['-n', '10', '-r', '3', 'clock.tick()'], 0.001),
                   (['-n5', '-u', 'msec', 'clock.tick()'], 0.002),
                   (['--number=2', '-s', 'import math', 'clock.tick()'], 3.0),
                   (['-v', '-n', '4', '-r', '2', 'clock.tick()'], 0.000002),
                   (['-r', '2', 'clock.tick()'], 0.05),
                   (['-v', '-r', '1', 'clock.tick()'], 0.05),
                   (['-n', '1', 'clock.tick()'], 2e-8)]:
    wrap, c = fake(step)
    import builtins
    builtins.clock = c
    print(args, '->', timeit.main(args, _wrap_timer=wrap))
    del builtins.clock
print(timeit.main(['-x']))
import contextlib, io
err = io.StringIO()
with contextlib.redirect_stderr(err):
    code = timeit.main(['-u', 'hours', 'pass'])
print(code, 'stderr:', repr(err.getvalue()))
print(timeit.main(['-n']))
print(timeit.main(['-h']) if False else 'skip -h')
