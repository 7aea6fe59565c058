# fcntl: descriptor and status flags through fcntl(), pipe sizes, flock and lockf on a temporary file
# (a second open file description sees the flock), ioctl FIONREAD, and the error cases.
import fcntl
import os
import tempfile

r, w = os.pipe()
flags = fcntl.fcntl(r, fcntl.F_GETFD)
print(flags & fcntl.FD_CLOEXEC == fcntl.FD_CLOEXEC)
print(fcntl.fcntl(r, fcntl.F_SETFD, 0), fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC, os.get_inheritable(r))
fl = fcntl.fcntl(w, fcntl.F_GETFL)
print(fl & os.O_NONBLOCK == 0, fl & os.O_ACCMODE == os.O_WRONLY)
fcntl.fcntl(w, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(os.get_blocking(w))
print(fcntl.fcntl(w, fcntl.F_SETPIPE_SZ, 65536), fcntl.fcntl(w, fcntl.F_GETPIPE_SZ))
d = fcntl.fcntl(r, fcntl.F_DUPFD_CLOEXEC, 50)
print(d >= 50, os.get_inheritable(d))
os.close(d)

# ioctl: FIONREAD (0x541B on Linux) returns the bytes waiting in a pipe through a 4-byte buffer
import struct
FIONREAD = 0x541B
os.write(w, b'12345')
res = fcntl.ioctl(r, FIONREAD, b'\0\0\0\0')
print(type(res).__name__, struct.unpack('i', res)[0])
print(struct.unpack('i', fcntl.ioctl(r, FIONREAD, bytearray(4), False))[0])
buf = bytearray(4)
print(fcntl.ioctl(r, FIONREAD, buf), struct.unpack('i', buf)[0])
os.read(r, 5)


class HasFileno:
    def fileno(self):
        return r


print(fcntl.fcntl(HasFileno(), fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
os.close(r)
os.close(w)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'lockfile')
    with open(path, 'w') as f1, open(path, 'w') as f2:
        fcntl.flock(f1, fcntl.LOCK_EX)
        try:
            fcntl.flock(f2, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as e:
            print('BlockingIOError', e.errno == 11)
        fcntl.flock(f1, fcntl.LOCK_UN)
        fcntl.flock(f2, fcntl.LOCK_EX | fcntl.LOCK_NB)
        print('second flock taken')
        fcntl.flock(f2.fileno(), fcntl.LOCK_UN)
        fcntl.flock(f1, fcntl.LOCK_SH)
        fcntl.flock(f2, fcntl.LOCK_SH | fcntl.LOCK_NB)
        print('two shared locks')
        print(fcntl.lockf(f1, fcntl.LOCK_EX), fcntl.lockf(f1, fcntl.LOCK_UN))
        print(fcntl.lockf(f1, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 0, os.SEEK_SET))
        fcntl.lockf(f1, fcntl.LOCK_UN, 10)
        try:
            fcntl.lockf(f1, 16)
        except ValueError as e:
            print('ValueError', e)
        try:
            fcntl.lockf(f1, 12345)  # LOCK_SH's bit: a read lock, on a file open for writing only
        except OSError as e:
            print(type(e).__name__, e)

for call, exc in ((lambda: fcntl.fcntl(-1, fcntl.F_GETFD), ValueError),
                  (lambda: fcntl.fcntl('x', fcntl.F_GETFD), TypeError),
                  (lambda: fcntl.flock(9999, fcntl.LOCK_SH), OSError),
                  (lambda: fcntl.fcntl(9999, fcntl.F_GETFD), OSError),
                  (lambda: fcntl.fcntl(0, fcntl.F_GETFD, 1.5), TypeError)):
    try:
        call()
    except exc as e:
        print(type(e).__name__, e)
print(fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB, fcntl.LOCK_UN, fcntl.F_GETFD, fcntl.F_SETFL)
