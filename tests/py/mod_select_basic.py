# select.select and select.poll on pipes (readable, writable, hang-up, timeouts, objects with fileno()),
# selectors (PollSelector/SelectSelector/DefaultSelector: register/modify/unregister/select/get_map),
# and the error cases with CPython's messages.
import os
import select
import selectors
import subprocess

print(select.error is OSError)
r, w = os.pipe()
print(select.select([r], [w], [], 0))
os.write(w, b'data')
print(select.select([r], [w], [r, w], 0))
print(select.select([], [], [], 0.01))
print(select.select((r,), (), ()) == ([r], [], []))


class FileLike:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd

    def __repr__(self):
        return 'FileLike(%d)' % (self.fd == r)


fr, fw = FileLike(r), FileLike(w)
print(select.select([fr, fw], [fw], [], 0))
print(os.read(r, 100))
print(select.select([fr], [], [], 0.0))

for args, exc in ((([], [], [], -1), ValueError), (([], [], [], 'x'), TypeError), ((['x'], [], []), TypeError),
                  (([-1], [], []), ValueError), ((1, [], []), TypeError), (([FileLike(-5)], [], []), ValueError)):
    try:
        select.select(*args)
    except exc as e:
        print(type(e).__name__, e)
try:
    select.select([99999], [], [], 0)
except ValueError as e:
    print('ValueError', e)
try:
    bad_r, bad_w = os.pipe()
    os.close(bad_r)
    os.close(bad_w)
    select.select([bad_r], [], [], 0)
except OSError as e:
    print(type(e).__name__, e.errno)

# poll
p = select.poll()
p.register(r, select.POLLIN)
p.register(fw)  # default mask: POLLIN | POLLPRI | POLLOUT
print(sorted(p.poll(0)))
os.write(w, b'x')
print(sorted(p.poll(10)))
p.modify(w, select.POLLIN)
print(sorted(p.poll(0.5)))
p.unregister(fw)
print(p.poll(None))
os.read(r, 10)
print(p.poll(0), p.poll(1.5), p.poll(-1 if False else 0))
try:
    p.unregister(w)
except KeyError as e:
    print('KeyError', e)
try:
    p.modify(w, select.POLLIN)
except FileNotFoundError as e:
    print('FileNotFoundError', e)
try:
    p.poll('x')
except TypeError as e:
    print('TypeError', e)
os.close(w)
print(p.poll(0) == [(r, select.POLLHUP)])  # the writer went: hang-up
print(select.select([r], [], [], 0) == ([r], [], []), os.read(r, 1))
os.close(r)
print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR, select.POLLHUP, select.POLLNVAL)

# selectors over a child's output
for label, cls in (('default', selectors.DefaultSelector), ('poll', selectors.PollSelector),
                   ('select', selectors.SelectSelector)):
    print(label)
    proc = subprocess.Popen(['sh', '-c', 'echo out; echo err >&2'], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    with cls() as sel:
        k1 = sel.register(proc.stdout, selectors.EVENT_READ, 'stdout')
        k2 = sel.register(proc.stderr, selectors.EVENT_READ, data='stderr')
        print(k1.data, k1.events, k1.fileobj is proc.stdout, k1.fd == proc.stdout.fileno())
        print(len(sel.get_map()), sel.get_key(proc.stderr).data, proc.stdout in sel.get_map())
        got = {}
        while sel.get_map():
            for key, events in sel.select(timeout=5):
                chunk = os.read(key.fd, 100)
                if chunk:
                    got[key.data] = got.get(key.data, b'') + chunk
                else:
                    sel.unregister(key.fileobj)
        print(sorted(got.items()), len(sel.get_map()))
        try:
            sel.get_key(proc.stdout)
        except KeyError as e:
            print('KeyError', e.args[0].endswith('is not registered'))
    proc.stdout.close()
    proc.stderr.close()
    proc.wait()

sel = selectors.DefaultSelector()
r, w = os.pipe()
key = sel.register(w, selectors.EVENT_WRITE)
print(key.fileobj == w, sel.select(0) == [(key, selectors.EVENT_WRITE)])
key2 = sel.modify(w, selectors.EVENT_WRITE, data='new data')
print(key2.data, key2.events, sel.get_key(w).data)
key3 = sel.modify(w, selectors.EVENT_READ | selectors.EVENT_WRITE)
print(key3.events, sel.select(0) == [(key3, selectors.EVENT_WRITE)])
sel.register(r, selectors.EVENT_READ)
print(sel.select(0.01) == [(key3, selectors.EVENT_WRITE)])
os.write(w, b'z')
print(sorted((k.fd == r, ev) for k, ev in sel.select()))
print(sorted(sel.get_map()) == sorted([r, w]), list(sel.get_map().keys()) == [w, r])
try:
    sel.register(w, selectors.EVENT_READ)
except KeyError as e:
    print('KeyError', e.args[0] == '%d (FD %d) is already registered' % (w, w))
for bad, exc in (((99, 0), ValueError), ((98, 4), ValueError),
                 (('x', 1), ValueError), ((-2, 1), ValueError)):
    try:
        sel.register(*bad)
    except exc as e:
        print(type(e).__name__, e)
for call in (lambda: sel.unregister(42), lambda: sel.modify(42, 1), lambda: sel.get_key(42)):
    try:
        call()
    except KeyError as e:
        print('KeyError', e)
print(sel.unregister(r).fd == r, len(sel.get_map()))
sel.close()
print(sel.get_map())
try:
    sel.get_key(w)
except RuntimeError as e:
    print('RuntimeError', e)
os.close(r)
os.close(w)
print(selectors.EVENT_READ, selectors.EVENT_WRITE, selectors.SelectorKey._fields)
