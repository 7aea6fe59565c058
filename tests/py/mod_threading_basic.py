"""threading/_thread on one thread: locks, conditions, semaphores, events, barriers, Thread objects."""
import threading, _thread


def show(f):
    try:
        r = f()
        print('->', r if ' at 0x' not in repr(r) else repr(r).split(' at 0x')[0])
    except Exception as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])


l = threading.Lock()
print(repr(l).split(' at ')[0], type(l), type(l).__module__)
print(l.acquire(), l.locked(), repr(l).split(' at ')[0], l.acquire(False), l.acquire(timeout=0.01), l.acquire(True, 0))
l.release()
print(l.locked())
show(l.release)
show(lambda: l.acquire(False, 1))
show(lambda: l.acquire(True, -5))
with l:
    print('in with', l.locked())
print('after with', l.locked())
r = threading.RLock()
print(repr(r).split(' at ')[0], r.acquire(), r.acquire(), repr(r).split(' at ')[0].replace(str(threading.get_ident()), 'ME'))
r.release(); r.release()
show(r.release)
with r:
    with r:
        print('reentered')
a = _thread.allocate_lock()
print(type(a) is type(l), a.acquire_lock(), a.locked_lock())
a.release_lock()
c = threading.Condition()
show(c.wait)
show(c.notify)
with c:
    print(c.wait(0), c.wait(timeout=0.01), c.wait_for(lambda: 7), c.wait_for(lambda: 0, 0.01))
    c.notify(); c.notify_all()
c2 = threading.Condition(threading.Lock())
with c2:
    print(c2.wait(0))
show(c2.notify)
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
s.release(2)
print(s.acquire(), repr(s).split(' at ')[0], repr(s).split(': ')[1])
show(lambda: threading.Semaphore(-1))
show(lambda: s.release(0))
show(lambda: s.acquire(False, 1))
b = threading.BoundedSemaphore(1)
print(b.acquire(), repr(b).split(': ')[1])
b.release()
show(b.release)
with s:
    print('semaphore with')
e = threading.Event()
print(e.is_set(), e.wait(0), e.wait(0.01), repr(e).split(': ')[1])
e.set()
print(e.is_set(), e.wait(), e.wait(5), repr(e).split(': ')[1])
e.clear()
print(e.is_set())
bar = threading.Barrier(1, action=lambda: print('action ran'))
print(bar.wait(), bar.parties, bar.n_waiting, bar.broken)
show(lambda: threading.Barrier(0))
b2 = threading.Barrier(2, timeout=0.01)
show(b2.wait)
print(b2.broken)
b2.reset()
print(b2.broken)
b2.abort()
show(b2.wait)
print(issubclass(threading.BrokenBarrierError, RuntimeError), threading.ThreadError is _thread.error)


class Loc(threading.local):
    def __init__(self, v):
        self.v = v


lo = threading.local()
lo.x = 5
print(lo.x, Loc(3).v, type(lo).__name__)
show(lambda: threading.local(1))

t = threading.Thread(target=print, args=('ran', 1), kwargs={'sep': '-'})
print(t, t.name, t.ident, t.native_id, t.is_alive(), t.daemon)


def work(x):
    print('work', x)


t2 = threading.Thread(target=work, args=(2,), name='worker', daemon=True)
print(t2, t2.name, t2.daemon)
t2.name = 'renamed'
t2.daemon = False
print(t2)
show(t2.join)
try:
    t2.start()
    t2.join()
except RuntimeError as e:
    t2.run()          # Krait: no thread can start; run the target in this thread instead
t3 = threading.Thread()
print(t3.name.startswith('Thread-'), repr(t3).endswith(', initial)>'))


class Sub(threading.Thread):
    def __init__(self):
        pass


show(lambda: Sub().name)
show(lambda: Sub().start())
main = threading.current_thread()
print(main.name, main is threading.main_thread(), main.ident == threading.get_ident(), main.is_alive(),
      main.daemon, threading.active_count(), threading.enumerate() == [main], type(main).__name__)
print(isinstance(threading.get_ident(), int), threading.get_native_id() > 0, threading.TIMEOUT_MAX)
show(main.join)
tm = threading.Timer(5, print, args=('timer',))
print(tm.interval, tm.args, tm.finished.is_set())
tm.cancel()
print(tm.finished.is_set())
show(lambda: _thread.start_new_thread(print, [1]))
print(threading.settrace(None), threading.gettrace(), threading.stack_size())
import pickle
show(lambda: pickle.dumps(threading.Lock()))
show(lambda: pickle.dumps(threading.RLock()))
