# logging.handlers: rotating/timed/watched file handlers, buffering, memory and queue handlers.
import logging
import logging.handlers as lh
import os
import queue
import sys
import tempfile

def listing(d):
    out = []
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name)) as f:
            out.append((name, f.read()))
    return out

fmt = logging.Formatter('%(levelname)s:%(name)s:%(message)s')

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'app.log')
    h = lh.RotatingFileHandler(path, maxBytes=40, backupCount=2)
    h.setFormatter(fmt)
    log = logging.getLogger('rot')
    log.propagate = False
    log.setLevel(logging.DEBUG)
    log.addHandler(h)
    for i in range(7):
        log.info('message number %d', i)
    log.warning('x' * 100)          # longer than maxBytes: rolls over, then written whole
    h.close()
    log.removeHandler(h)
    for name, text in listing(d):
        print(name, repr(text))

    # namer / rotator hooks, backupCount=0 (the file just grows), delay
    for n in os.listdir(d):
        os.remove(os.path.join(d, n))
    h = lh.RotatingFileHandler(path, maxBytes=30, backupCount=3, delay=True)
    print(h.stream is None, os.path.exists(path))
    h.namer = lambda name: name + '.bak'
    def rotator(src, dst):
        with open(src) as f:
            data = f.read()
        with open(dst, 'w') as f:
            f.write(data.upper())
        os.remove(src)
    h.rotator = rotator
    log.addHandler(h)
    for i in range(5):
        log.error('line %d here', i)
    h.close()
    log.removeHandler(h)
    print(listing(d))
    h = lh.RotatingFileHandler(os.path.join(d, 'grow.log'), maxBytes=0, backupCount=5)
    log.addHandler(h)
    for i in range(20):
        log.critical('grow %d', i)
    h.close()
    log.removeHandler(h)
    print(sorted(os.listdir(d)), os.path.getsize(os.path.join(d, 'grow.log')))

    # timed rotation: force a rollover by moving rolloverAt into the past
    tpath = os.path.join(d, 'timed.log')
    th = lh.TimedRotatingFileHandler(tpath, when='S', backupCount=2)
    print(th.interval, th.suffix, th.when)
    log.addHandler(th)
    log.info('first')
    for k in range(4):
        th.rolloverAt = 0
        log.info('after rollover %d', k)
        # distinct time-stamped names need distinct seconds: rename the rotated file aside
        for n in os.listdir(d):
            if n.startswith('timed.log.') and th.extMatch.fullmatch(n[len('timed.log.'):]):
                os.rename(os.path.join(d, n), os.path.join(d, 'timed.log.2000-01-0%d_00-00-00' % (k + 1)))
    th.close()
    log.removeHandler(th)
    print(sorted(n for n in os.listdir(d) if n.startswith('timed')))
    with open(tpath) as f:
        print(repr(f.read()))
    for when, interval in [('M', 2), ('H', 1), ('D', 3), ('midnight', 1), ('W0', 1), ('w6', 1)]:
        t = lh.TimedRotatingFileHandler(tpath, when=when, interval=interval, delay=True)
        print(when, t.interval, t.suffix, t.rolloverAt > 0)
        t.close()
    for bad in ['X', 'W', 'W7', 'W12']:
        try:
            lh.TimedRotatingFileHandler(tpath, when=bad, delay=True)
        except ValueError as e:
            print('ValueError', e)

    # watched file: the file is moved away, the handler reopens a new one
    wpath = os.path.join(d, 'watched.log')
    wh = lh.WatchedFileHandler(wpath)
    log.addHandler(wh)
    log.info('one')
    os.rename(wpath, wpath + '.old')
    log.info('two')
    os.remove(wpath)
    log.info('three')
    wh.close()
    log.removeHandler(wh)
    for name in ['watched.log', 'watched.log.old']:
        with open(os.path.join(d, name)) as f:
            print(name, repr(f.read()))

# buffering / memory handlers
class Collect(logging.Handler):
    def __init__(self):
        logging.Handler.__init__(self)
        self.seen = []
    def emit(self, record):
        self.seen.append(self.format(record))

mlog = logging.getLogger('mem')
mlog.propagate = False
mlog.setLevel(logging.DEBUG)
bh = lh.BufferingHandler(3)
mlog.addHandler(bh)
mlog.debug('a'); mlog.debug('b')
print(len(bh.buffer), bh.shouldFlush(None) if False else '')
mlog.debug('c')
print(len(bh.buffer))
mlog.removeHandler(bh)

target = Collect()
target.setFormatter(fmt)
mh = lh.MemoryHandler(4, flushLevel=logging.ERROR, target=target)
mlog.addHandler(mh)
for i in range(3):
    mlog.info('buffered %d', i)
print(target.seen, len(mh.buffer))
mlog.error('boom')
print(target.seen, len(mh.buffer))
for i in range(5):
    mlog.debug('cap %d', i)
print(target.seen[-4:], len(mh.buffer))
mlog.warning('left in buffer')
mh.close()
print(target.seen[-2:], mh.target)
mlog.removeHandler(mh)
mh2 = lh.MemoryHandler(10, flushOnClose=False)
mlog.addHandler(mh2)
mlog.critical('no target')
print(len(mh2.buffer))
mh2.setTarget(target)
mh2.close()
print(target.seen[-1])
mlog.removeHandler(mh2)

# queue handler + listener
q = queue.Queue()
qh = lh.QueueHandler(q)
qlog = logging.getLogger('q')
qlog.propagate = False
qlog.setLevel(logging.DEBUG)
qlog.addHandler(qh)
try:
    raise KeyError('k')
except KeyError:
    qlog.exception('with %s', 'args')
qlog.info('plain %d', 5)
print(q.qsize())
r = q.get_nowait()
print(r.msg.splitlines()[0], r.args, r.exc_info, r.levelname, r.getMessage().splitlines()[-1])
q.put_nowait(r)
c1, c2 = Collect(), Collect()
c2.setLevel(logging.ERROR)
listener = lh.QueueListener(q, c1, c2, respect_handler_level=True)
listener.start()
qlog.debug('third')
listener.stop()
print([s.splitlines()[0] for s in c1.seen], [s.splitlines()[0] for s in c2.seen], q.qsize())
listener2 = lh.QueueListener(q, c1)
listener2.start()
qlog.warning('fourth')
listener2.stop()
print(c1.seen[-1])
for cls in (lh.SocketHandler, lh.SysLogHandler, lh.SMTPHandler, lh.HTTPHandler, lh.DatagramHandler):
    print(cls.__name__, issubclass(cls, logging.Handler))
print(lh.DEFAULT_TCP_LOGGING_PORT, lh.SYSLOG_UDP_PORT)
