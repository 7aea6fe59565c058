"""queue (Queue/LifoQueue/PriorityQueue/SimpleQueue, Full/Empty/ShutDown, task_done/join) and contextvars (ContextVar, Token, Context.run, copy_context, errors)."""
import queue, contextvars, time
q = queue.Queue(2)
q.put(1); q.put(2)
print(q.qsize(), q.full(), q.empty())
for f in [lambda: q.put(3, False), lambda: q.put(3, timeout=-1), lambda: q.put_nowait(3)]:
    try: f()
    except queue.Full as e: print('Full', repr(e))
    except ValueError as e: print('ValueError', e)
t0 = time.monotonic(); 
try: q.put(3, timeout=0.05)
except queue.Full: print('Full after', time.monotonic() - t0 >= 0.04)
print(q.get(), q.get_nowait())
for f in [lambda: q.get(False), lambda: q.get_nowait(), lambda: q.get(timeout=0), lambda: q.get(timeout=-1)]:
    try: f()
    except queue.Empty as e: print('Empty', repr(e))
    except ValueError as e: print('ValueError', e)
q.task_done(); q.task_done()
try: q.task_done()
except ValueError as e: print(e)
q.join(); print('joined')
lq = queue.LifoQueue(); pq = queue.PriorityQueue(); sq = queue.SimpleQueue()
for x in [3, 1, 2]: lq.put(x); pq.put((x, str(x))); sq.put(x)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)], [sq.get() for _ in range(3)], sq.empty(), sq.qsize())
try: sq.get(block=False)
except queue.Empty: print('Empty simple')
q2 = queue.Queue(); q2.put(1); q2.shutdown()
try: q2.put(2)
except queue.ShutDown: print('ShutDown put')
print(q2.get())
try: q2.get()
except queue.ShutDown: print('ShutDown get')
print(queue.Queue[int], issubclass(queue.Empty, Exception))
# contextvars
v = contextvars.ContextVar('v', default=0); w = contextvars.ContextVar('w')
print(v.name, v.get(), w.get('dflt'))
try: w.get()
except LookupError as e: print('LookupError', e.args[0] is w)
t = w.set(5); print(w.get(), t.var is w, t.old_value is contextvars.Token.MISSING, contextvars.Token.MISSING)
ctx = contextvars.copy_context()
w.set(6)
print(ctx[w], w.get(), w in ctx, len(ctx), list(ctx.values()), ctx.get(v, 'no'))
def inside(a, b=0):
    w.set(a + b); v.set(99)
    return w.get(), v.get()
print(ctx.run(inside, 10, b=1), ctx[w], w.get(), v.get(), dict(ctx.items()) == {w: 11, v: 99})
w.reset(t); print(w.get('gone'))
for f in [lambda: w.reset(t), lambda: v.reset(t), lambda: ctx.run(lambda: w.reset(w.set(1)) or ctx.run(print)),
          lambda: contextvars.ContextVar(1), lambda: ctx[1], lambda: type('X', (contextvars.ContextVar,), {}),
          lambda: contextvars.Token()]:
    try: print(f())
    except Exception as e: print(type(e).__name__, str(e).split(' at 0x')[0])
t2 = v.set(1)
def other(): 
    try: v.reset(t2)
    except ValueError as e: print('ValueError', str(e).split(' at 0x')[0])
contextvars.copy_context().run(other)
c2 = contextvars.Context(); print(len(c2), list(c2), c2 == contextvars.Context())
