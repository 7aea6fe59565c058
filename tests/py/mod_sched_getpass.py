# sched: ordering by time/priority/sequence, cancel, non-blocking run with a fake clock;
# getpass: getuser from the environment and the no-terminal getpass path.
import io
import os
import sched
import warnings

clock = [0.0]
log = []
def now():
    return clock[0]
def sleep(d):
    log.append(('sleep', d))
    clock[0] += d

s = sched.scheduler(now, sleep)
def act(name, **kw):
    log.append((name, clock[0], kw))
e1 = s.enter(5, 2, act, ('five-low',))
e2 = s.enter(5, 1, act, ('five-high',))
e3 = s.enterabs(1, 1, act, ('one',), {'k': 1})
e4 = s.enter(3, 1, act, argument=('cancelled',))
e5 = s.enter(5, 1, act, ('five-high-later',))
print(e3[:3], e3.action is act, e3.argument, e3.time, e3.priority, e3.kwargs, e1 < e2, e2 < e5, e2 == e5)
print([ev.argument[0] for ev in s.queue], s.empty())
s.cancel(e4)
try:
    s.cancel(e4)
except ValueError as e:
    print('ValueError', e)
print(s.run(blocking=False))
clock[0] = 1.5
print(s.run(blocking=False), log)
s.run()
print(log, s.empty(), s.run(), s.run(blocking=False))
# an action that schedules more work, and an exception escaping run()
def chain(n):
    log.append(('chain', n, clock[0]))
    if n:
        s.enter(1, 0, chain, (n - 1,))
log.clear()
s.enter(0, 0, chain, (2,))
s.run()
print(log)
def boom():
    raise RuntimeError('boom')
s.enter(0, 0, boom)
s.enter(1, 0, act, ('after',))
try:
    s.run()
except RuntimeError as e:
    print('RuntimeError', e, [ev.argument for ev in s.queue])
s.run()
print(log[-1][0], sched.Event._fields)

import getpass
for var in ('LOGNAME', 'USER', 'LNAME', 'USERNAME'):
    os.environ.pop(var, None)
os.environ['USERNAME'] = 'from_username'
print(getpass.getuser())
os.environ['LOGNAME'] = 'from_logname'
print(getpass.getuser())
del os.environ['LOGNAME'], os.environ['USERNAME']
import pwd
print(getpass.getuser() == pwd.getpwuid(os.getuid()).pw_name)
out = io.StringIO()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    pw = getpass.getpass('Secret: ', stream=out)
print(repr(pw), repr(out.getvalue()), [(x.category.__name__, str(x.message)) for x in w])
with warnings.catch_warnings(record=True):
    warnings.simplefilter('always')
    print(repr(getpass.getpass(prompt='', stream=out)))
    try:
        getpass.getpass(stream=out)
    except EOFError:
        print('EOFError at end of input')
print(issubclass(getpass.GetPassWarning, UserWarning))
