"""subprocess: run child processes, connect to their pipes and get their exit status (POSIX).

Popen starts the child with _posixproc.fork_exec (stdlib/procmodule.c): fork, set up the child's
standard descriptors, cwd, session and the descriptors it keeps, then exec; a failure before the exec
comes back to the parent as the OSError CPython raises (FileNotFoundError naming the program or the
cwd). communicate() waits on the pipes with select.poll, so a child writing to both stdout and stderr
cannot deadlock against the parent, and a timeout keeps what was read for the next call.

Not supported: user/group/extra_groups/umask/process_group (NotImplementedError), Windows-only
arguments (startupinfo, creationflags must be left at their defaults)."""
import io
import os
import select
import signal
import sys
import time
import _posixproc

__all__ = ['Popen', 'PIPE', 'STDOUT', 'DEVNULL', 'call', 'check_call', 'check_output', 'getstatusoutput',
           'getoutput', 'run', 'CalledProcessError', 'CompletedProcess', 'TimeoutExpired', 'SubprocessError',
           'list2cmdline']

PIPE = -1
STDOUT = -2
DEVNULL = -3

_PIPE_BUF = select.PIPE_BUF
_READ_CHUNK = 32768


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised by check_call, check_output and run(check=True) for a non-zero exit status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                return "Command '%s' died with %r." % (self.cmd, signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when a timeout passes while waiting for a child."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """What run() returns: args, returncode, and the captured stdout and stderr (or None)."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        parts = ['args={!r}'.format(self.args), 'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            parts.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            parts.append('stderr={!r}'.format(self.stderr))
        return '{}({})'.format(type(self).__name__, ', '.join(parts))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


# pids of Popen objects collected while their child still ran: reaped when the next Popen starts, so
# that no zombie accumulates (CPython's _active list)
_active = []


def _cleanup():
    for pid in _active[:]:
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done == pid:
            _active.remove(pid)


def _text_decode(data, encoding, errors):
    return data.decode(encoding, errors).replace('\r\n', '\n').replace('\r', '\n')


class Popen:
    """A child process: args, pid, returncode, and stdin/stdout/stderr file objects for the PIPEs."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None, universal_newlines=None,
                 startupinfo=None, creationflags=0, restore_signals=True, start_new_session=False,
                 pass_fds=(), *, user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        _cleanup()
        self.args = args
        self.pid = None
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self._input = None
        self._communication_started = False
        self._chunks = None
        self._waited = False
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError('bufsize must be an integer')
        if startupinfo is not None:
            raise ValueError('startupinfo is only supported on Windows platforms')
        if creationflags != 0:
            raise ValueError('creationflags is only supported on Windows platforms')
        for name, value, unset in (('user', user, None), ('group', group, None),
                                   ('extra_groups', extra_groups, None), ('umask', umask, -1),
                                   ('process_group', process_group, None)):
            if value is not unset:
                raise NotImplementedError('subprocess.Popen: %s= is not supported by Krait' % name)
        if text is not None and universal_newlines is not None and bool(universal_newlines) != bool(text):
            raise SubprocessError('Cannot disambiguate when both text and universal_newlines are '
                                  'supplied but different. Pass one or the other.')
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.universal_newlines = self.text_mode
        self.encoding = encoding
        self.errors = errors
        self._enc = encoding or 'utf-8'
        self._errs = errors or 'strict'
        if pass_fds and not close_fds:
            close_fds = True
        self.pipesize = pipesize

        p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, to_close = self._get_handles(stdin, stdout,
                                                                                             stderr)
        try:
            self._execute_child(args, executable, preexec_fn, close_fds, pass_fds, cwd, env, shell,
                                start_new_session, p2cread, c2pwrite, errwrite)
        except BaseException:
            for fd in to_close + [p2cwrite, c2pread, errread]:
                if fd != -1:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            raise
        # the child's ends belong to the child now
        for fd in to_close:
            os.close(fd)
        if p2cwrite != -1:
            self.stdin = self._wrap(p2cwrite, 'w', bufsize)
        if c2pread != -1:
            self.stdout = self._wrap(c2pread, 'r', bufsize)
        if errread != -1:
            self.stderr = self._wrap(errread, 'r', bufsize)

    def _wrap(self, fd, mode, bufsize):
        if self.text_mode:
            # bufsize 1: line buffered, as CPython's text streams
            return io.open(fd, mode, buffering=1 if bufsize == 1 else -1, encoding=self._enc, errors=self._errs)
        return io.open(fd, mode + 'b', buffering=bufsize)

    def _get_handles(self, stdin, stdout, stderr):
        """(p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, fds the parent closes after the
        fork); -1 for an end that is not used."""
        to_close = []
        devnull = [None]

        def get_devnull():
            if devnull[0] is None:
                devnull[0] = os.open(os.devnull, os.O_RDWR)
                to_close.append(devnull[0])
            return devnull[0]

        def fd_of(f):
            if isinstance(f, int):
                if f < 0:
                    raise ValueError('bad file descriptor %d' % f)
                return f
            return f.fileno()

        try:
            p2cread = p2cwrite = -1
            if stdin == PIPE:
                p2cread, p2cwrite = os.pipe()
                to_close.append(p2cread)
            elif stdin == DEVNULL:
                p2cread = get_devnull()
            elif stdin is not None:
                p2cread = fd_of(stdin)
            c2pread = c2pwrite = -1
            if stdout == PIPE:
                c2pread, c2pwrite = os.pipe()
                to_close.append(c2pwrite)
            elif stdout == DEVNULL:
                c2pwrite = get_devnull()
            elif stdout is not None:
                c2pwrite = fd_of(stdout)
            errread = errwrite = -1
            if stderr == PIPE:
                errread, errwrite = os.pipe()
                to_close.append(errwrite)
            elif stderr == STDOUT:
                errwrite = c2pwrite if c2pwrite != -1 else sys.__stdout__.fileno()
            elif stderr == DEVNULL:
                errwrite = get_devnull()
            elif stderr is not None:
                errwrite = fd_of(stderr)
        except BaseException:
            for fd in to_close:
                os.close(fd)
            raise
        return p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, to_close

    def _execute_child(self, args, executable, preexec_fn, close_fds, pass_fds, cwd, env, shell,
                       start_new_session, p2cread, c2pwrite, errwrite):
        if isinstance(args, (str, bytes)):
            args = [args]
        elif isinstance(args, os.PathLike):
            if shell:
                raise TypeError('path-like args is not allowed when shell is true')
            args = [args]
        else:
            args = list(args)
        if shell:
            args = ['/bin/sh', '-c'] + args
            if executable:
                args[0] = executable
        if not args:
            raise IndexError('list index out of range')
        if executable is None:
            executable = args[0]
        exec_name = executable
        executable = os.fsencode(executable)
        if os.path.dirname(executable):
            execs = [executable]
        else:
            execs = [os.path.join(os.fsencode(d), executable) for d in os.get_exec_path(env)]
        argv = [os.fsencode(a) for a in args]
        env_list = None
        if env is not None:
            env_list = []
            for k, v in env.items():
                k = os.fsencode(k)
                if b'=' in k:
                    raise ValueError('illegal environment variable name')
                env_list.append(k + b'=' + os.fsencode(v))
        cwd_b = os.fsencode(cwd) if cwd is not None else None
        fds = tuple(sorted(set(int(fd) for fd in pass_fds)))
        pid = _posixproc.fork_exec(argv, execs, cwd_b, env_list, p2cread, c2pwrite, errwrite, bool(close_fds),
                                   fds, bool(start_new_session), preexec_fn, exec_name,
                                   os.fspath(cwd) if cwd is not None else None)
        if pid < 0:
            raise SubprocessError('Exception occurred in preexec_fn.')
        self.pid = pid

    def __repr__(self):
        r = '<%s: returncode: %s args: %r>' % (type(self).__name__, self.returncode, self.args)
        if len(r) > 80:
            r = r[:76] + '...>'
        return r

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass
        finally:
            self.wait()

    def __del__(self):
        if self.pid is not None and self.returncode is None:
            try:
                self._try_wait(os.WNOHANG)
            except Exception:
                return
            if self.returncode is None:
                _active.append(self.pid)

    # ---- waiting ----

    def _handle_exitstatus(self, status):
        if os.WIFSTOPPED(status):
            self.returncode = -os.WSTOPSIG(status)
        else:
            self.returncode = os.waitstatus_to_exitcode(status)

    def _try_wait(self, options):
        try:
            pid, status = os.waitpid(self.pid, options)
        except ChildProcessError:
            # reaped elsewhere (SIGCHLD ignored, or os.waitpid(-1)): the status is lost
            self.returncode = 0
            return
        if pid == self.pid:
            self._handle_exitstatus(status)

    def poll(self):
        """The return code if the child has exited, else None (the child is not waited for)."""
        if self.returncode is None:
            self._try_wait(os.WNOHANG)
        return self.returncode

    def wait(self, timeout=None):
        """Wait for the child to exit and return its returncode; TimeoutExpired after timeout seconds."""
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            self._try_wait(0)
            return self.returncode
        deadline = time.monotonic() + timeout
        delay = 0.0005
        while True:
            self._try_wait(os.WNOHANG)
            if self.returncode is not None:
                return self.returncode
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, left, 0.05)
            time.sleep(delay)

    def send_signal(self, sig):
        self.poll()
        if self.returncode is not None:
            return  # the pid may be reused by now: never signal it
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    # ---- communicate ----

    def communicate(self, input=None, timeout=None):
        """Send input to stdin (then close it), read stdout and stderr to their end and wait for the
        child; return (stdout, stderr), None for a stream that is not a PIPE. A timeout raises
        TimeoutExpired; a later call resumes and returns everything read."""
        if self._communication_started and input:
            raise ValueError('Cannot send input after starting communication')
        if timeout is None and not self._communication_started and \
                [self.stdin, self.stdout, self.stderr].count(None) >= 2:
            stdout = stderr = None
            if self.stdin:
                self._stdin_write(input)
            elif self.stdout:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
            return stdout, stderr
        endtime = None if timeout is None else time.monotonic() + timeout
        try:
            stdout, stderr = self._communicate(input, endtime, timeout)
        finally:
            self._communication_started = True
        self.wait(timeout=None if endtime is None else max(endtime - time.monotonic(), 0))
        return stdout, stderr

    def _stdin_write(self, input):
        if input:
            try:
                self.stdin.write(input)
            except BrokenPipeError:
                pass
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass

    def _communicate(self, input, endtime, orig_timeout):
        if self._chunks is None:
            # first call: pending input as bytes, and the streams to read
            self._chunks = {}
            if self.stdin and not self._communication_started:
                try:
                    self.stdin.flush()
                except BrokenPipeError:
                    pass
                if input:
                    if self.text_mode:
                        input = input.encode(self._enc, self._errs)
                    self._input = memoryview(input) if not isinstance(input, bytes) else input
                    self._input_pos = 0
                else:
                    self.stdin.close()
            for f in (self.stdout, self.stderr):
                if f:
                    self._chunks[f] = []
        poller = select.poll()
        fd_to_file = {}
        if self.stdin and not self.stdin.closed and self._input is not None:
            fd_to_file[self.stdin.fileno()] = self.stdin
            poller.register(self.stdin.fileno(), select.POLLOUT)
        for f in (self.stdout, self.stderr):
            if f and not f.closed:
                fd_to_file[f.fileno()] = f
                poller.register(f.fileno(), select.POLLIN | select.POLLPRI)
        while fd_to_file:
            if endtime is None:
                ms = None
            else:
                left = endtime - time.monotonic()
                if left <= 0:
                    self._raise_timeout(orig_timeout)
                ms = left * 1000
            ready = poller.poll(ms)
            if not ready and endtime is not None and time.monotonic() >= endtime:
                self._raise_timeout(orig_timeout)
            for fd, mode in ready:
                f = fd_to_file[fd]
                if f is self.stdin:
                    chunk = self._input[self._input_pos:self._input_pos + _PIPE_BUF]
                    try:
                        self._input_pos += os.write(fd, chunk)
                    except BrokenPipeError:
                        self._input_pos = len(self._input)
                    if self._input_pos >= len(self._input):
                        poller.unregister(fd)
                        del fd_to_file[fd]
                        try:
                            f.close()
                        except BrokenPipeError:
                            pass
                else:
                    data = os.read(fd, _READ_CHUNK)
                    if data:
                        self._chunks[f].append(data)
                    else:
                        poller.unregister(fd)
                        del fd_to_file[fd]
                        f.close()
        return self._collected(self.stdout), self._collected(self.stderr)

    def _collected(self, f):
        if f is None:
            return None
        data = b''.join(self._chunks.get(f, ()))
        return _text_decode(data, self._enc, self._errs) if self.text_mode else data

    def _raise_timeout(self, orig_timeout):
        # the bytes read so far (None when nothing was), as CPython's
        out = self._chunks.get(self.stdout) if self.stdout else None
        err = self._chunks.get(self.stderr) if self.stderr else None
        raise TimeoutExpired(self.args, orig_timeout, output=b''.join(out) if out else None,
                             stderr=b''.join(err) if err else None)


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Run a command and wait for it; return a CompletedProcess. check=True raises CalledProcessError
    for a non-zero exit status; a timeout kills the child and raises TimeoutExpired."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired as exc:
            process.kill()
            process.wait()  # the exception already holds what was read before the timeout
            raise
        except BaseException:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Run a command, wait for it and return its returncode."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """call(), raising CalledProcessError for a non-zero returncode; 0 otherwise."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get('args')
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Run a command and return its stdout; CalledProcessError for a non-zero returncode."""
    for name in ('stdout', 'check'):
        if name in kwargs:
            raise ValueError('%s argument not allowed, it will be overridden.' % name)
    if 'input' in kwargs and kwargs['input'] is None:
        text = kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding') or \
            kwargs.get('errors')
        kwargs['input'] = '' if text else b''
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """(exit code, output) of cmd run by the shell, stderr merged, one trailing newline removed."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """The output of cmd run by the shell (getstatusoutput without the exit code)."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def list2cmdline(seq):
    """A sequence of arguments as one command line by the quoting rules of the MS C runtime:
    an argument with a space or tab (or an empty one) is put in double quotes; a double quote is
    escaped with a backslash, and the backslashes right before it (or before the closing quote) are
    doubled; other backslashes stay as they are."""
    out = []
    for arg in map(os.fsdecode, seq):
        quote = (' ' in arg) or ('\t' in arg) or not arg
        piece = []
        backslashes = 0
        for ch in arg:
            if ch == '\\':
                backslashes += 1
            elif ch == '"':
                piece.append('\\' * (2 * backslashes) + '\\"')
                backslashes = 0
            else:
                if backslashes:
                    piece.append('\\' * backslashes)
                    backslashes = 0
                piece.append(ch)
        if backslashes:
            piece.append('\\' * (2 * backslashes if quote else backslashes))
        s = ''.join(piece)
        out.append('"' + s + '"' if quote else s)
    return ' '.join(out)
