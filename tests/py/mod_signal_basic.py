# signal: Python handlers run at a safe point after the signal arrives (os.kill, raise_signal, a timer
# during sleep, a busy loop, a loop of calls, select), their exceptions propagate from there;
# SIG_IGN/SIG_DFL, getsignal, the enums, strsignal, valid_signals, alarm/setitimer, error cases.
import signal, os, time
got = []
def h(signum, frame):
    got.append(signum)
    print('handler', signum, signal.Signals(signum).name)
print(signal.getsignal(signal.SIGUSR1))
print(signal.signal(signal.SIGUSR1, h))
print(signal.getsignal(signal.SIGUSR1) is h)
os.kill(os.getpid(), signal.SIGUSR1)
print('after kill', got)
signal.raise_signal(signal.SIGUSR1)
print('after raise', got)
class Boom(Exception): pass
def h2(s, f):
    raise Boom('alarm %d' % s)
signal.signal(signal.SIGALRM, h2)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    time.sleep(3)
except Boom as e:
    print('caught', e)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    while True:
        pass
except Boom as e:
    print('caught loop', e)
def f(n):
    return n + 1
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    i = 0
    while True:
        i = f(i)
except Boom as e:
    print('caught calls', e)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is h)
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1))
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL))
print(signal.default_int_handler)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt as e:
    print('KI', repr(e))
print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGUSR1), signal.strsignal(signal.SIGKILL))
print(signal.SIGTERM, repr(signal.SIGTERM), signal.Signals.SIGINT.value, signal.SIG_DFL, repr(signal.SIG_IGN))
v = signal.valid_signals()
print(len(v), signal.SIGINT in v, min(v), max(v))
for bad in (0, 1000, -1):
    try:
        signal.signal(bad, h)
    except ValueError as e:
        print('ValueError', e)
try:
    signal.signal(signal.SIGKILL, h)
except OSError as e:
    print('OSError', e)
try:
    signal.signal(signal.SIGUSR2, 'x')
except TypeError as e:
    print('TypeError', e)
print(signal.alarm(0))
print(signal.alarm(10), signal.alarm(0))
print(signal.NSIG, signal.SIGRTMIN, signal.SIGRTMAX)
print(signal.getitimer(signal.ITIMER_REAL))

# a handler that returns lets an interrupted sleep or select go on for the time left
import select
ticks = []
signal.signal(signal.SIGALRM, lambda s, f: ticks.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.05)
time.sleep(0.2)
print('sleep done', ticks)
r, w = os.pipe()
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(select.select([r], [], [], 0.3), ticks)
signal.setitimer(signal.ITIMER_REAL, 0.05)
po = select.poll()
po.register(r, select.POLLIN)
print(po.poll(300), ticks)
# one that raises ends the select with its exception
signal.signal(signal.SIGALRM, h2)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    select.select([r], [], [], 5)
except Boom as e:
    print('select interrupted', e)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    po.poll(5000)
except Boom as e:
    print('poll interrupted', e)
os.close(r)
os.close(w)

# a periodic timer, stopped by setitimer(..., 0)
ticks.clear()
signal.signal(signal.SIGALRM, lambda s, f: ticks.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
while len(ticks) < 3:
    time.sleep(0.01)
old = signal.setitimer(signal.ITIMER_REAL, 0)
print('periodic', ticks[:3], old[1])
signal.signal(signal.SIGALRM, signal.SIG_DFL)

# SIGINT: a Python handler replaces KeyboardInterrupt; default_int_handler raises it again
signal.signal(signal.SIGINT, lambda s, f: print('sigint handler', s))
os.kill(os.getpid(), signal.SIGINT)
print(signal.signal(signal.SIGINT, signal.default_int_handler) is signal.default_int_handler)
try:
    os.kill(os.getpid(), signal.SIGINT)
    print('not reached')
except KeyboardInterrupt:
    print('KeyboardInterrupt from SIGINT')

# a signal sent by a child process
import subprocess
signal.signal(signal.SIGUSR2, lambda s, f: print('from child', signal.Signals(s).name))
subprocess.run(['sh', '-c', 'kill -USR2 $PPID'])
print('child done')
signal.signal(signal.SIGUSR2, signal.SIG_DFL)

# a handler that sends a signal itself; handlers see the module state
order = []
def first(s, f):
    order.append('first')
    os.kill(os.getpid(), signal.SIGUSR2)
    order.append('first done')
signal.signal(signal.SIGUSR1, first)
signal.signal(signal.SIGUSR2, lambda s, f: order.append('second'))
os.kill(os.getpid(), signal.SIGUSR1)
print(order)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
print(type(signal.Signals.SIGUSR1).__name__, isinstance(signal.SIGUSR1, int), signal.Handlers.SIG_DFL == 0)
print(signal.Sigmasks.SIG_BLOCK, signal.SIG_SETMASK)

# the handler's frame argument is the interrupted Python frame
def show_frame(s, frame):
    print('frame', frame.f_code.co_name, frame.f_back.f_code.co_name, frame.f_globals is globals())
signal.signal(signal.SIGUSR1, show_frame)
def interrupted_function():
    os.kill(os.getpid(), signal.SIGUSR1)
interrupted_function()
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
