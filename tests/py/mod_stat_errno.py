# errno constants and errorcode; stat's S_IS* tests, S_I* constants, S_IMODE/S_IFMT and filemode,
# checked on real files of each kind a test can make (file, directory, symlink, fifo-less).
import errno
import os
import stat
import tempfile

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EISDIR, errno.ENOTEMPTY,
      errno.EINVAL, errno.EBADF, errno.EXDEV, errno.ELOOP, errno.ENAMETOOLONG)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EWOULDBLOCK],
      errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[errno.ENOTSUP], errno.errorcode[errno.EDEADLK])
print(type(errno.errorcode).__name__, all(getattr(errno, n) == c for c, n in errno.errorcode.items()),
      len(errno.errorcode) > 100, 0 in errno.errorcode)
for code in (errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EISDIR, errno.EINVAL,
             errno.ECHILD, errno.EAGAIN, errno.EPIPE, errno.ESRCH, errno.ETIMEDOUT, errno.ECONNREFUSED):
    e = OSError(code, os.strerror(code), 'f')
    print(errno.errorcode[code], type(e).__name__, e)

print(stat.S_IFMT(0o100644) == stat.S_IFREG, stat.S_IMODE(0o104755), oct(stat.S_IMODE(0o40777)))
print(stat.S_IRWXU, stat.S_IRUSR | stat.S_IWUSR | stat.S_IXUSR, stat.S_IRWXG, stat.S_IRWXO, stat.S_ISUID,
      stat.S_ISGID, stat.S_ISVTX, stat.S_IREAD, stat.S_IWRITE, stat.S_IEXEC)
print(stat.S_IFDIR, stat.S_IFREG, stat.S_IFLNK, stat.S_IFCHR, stat.S_IFBLK, stat.S_IFIFO, stat.S_IFSOCK)
print(stat.ST_MODE, stat.ST_SIZE, stat.ST_MTIME)
for mode in (0, 0o100644, 0o100755, 0o40755, 0o41777, 0o40700, 0o120777, 0o20666, 0o60660, 0o10644,
             0o140755, 0o104755, 0o102755, 0o106644, 0o101644, 0o170000, 0o7777):
    print(oct(mode), stat.filemode(mode), stat.S_ISREG(mode), stat.S_ISDIR(mode), stat.S_ISLNK(mode),
          stat.S_ISCHR(mode), stat.S_ISBLK(mode), stat.S_ISFIFO(mode), stat.S_ISSOCK(mode))

base = tempfile.mkdtemp()
try:
    f = os.path.join(base, 'f')
    with open(f, 'w') as fh:
        fh.write('x')
    os.chmod(f, 0o640)
    d = os.path.join(base, 'd')
    os.mkdir(d, 0o751)
    os.chmod(d, 0o751)
    ln = os.path.join(base, 'l')
    os.symlink('f', ln)
    for path in (f, d, ln):
        st = os.lstat(path)
        print(os.path.basename(path), stat.filemode(st.st_mode), stat.S_ISREG(st.st_mode),
              stat.S_ISDIR(st.st_mode), stat.S_ISLNK(st.st_mode), stat.S_ISREG(os.stat(path)[stat.ST_MODE]))
    print(stat.filemode(os.stat('/dev/null').st_mode)[0], stat.S_ISCHR(os.stat('/dev/null').st_mode))
finally:
    for n in ('f', 'l'):
        os.unlink(os.path.join(base, n))
    os.rmdir(os.path.join(base, 'd'))
    os.rmdir(base)
