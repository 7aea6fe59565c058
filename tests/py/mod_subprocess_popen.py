# subprocess.Popen: pipes as file objects, communicate (with a timeout resumed later), poll/wait,
# kill/terminate/send_signal, the context manager, pass_fds/close_fds, start_new_session, preexec_fn,
# executable=, and the os functions underneath (pipe, waitpid, kill, W* macros).
import os
import signal
import subprocess
import sys

fds_before = len(os.listdir('/proc/self/fd'))

p = subprocess.Popen(['sh', '-c', 'read x; echo "got $x"; echo err >&2; exit 5'],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
print(type(p.pid).__name__, p.pid > 0, p.returncode, p.poll() in (None, 5))
out, err = p.communicate(b'line\n')
print(out, err, p.returncode, p.poll(), p.wait())
print(p.stdout.closed, p.stderr.closed, p.stdin.closed)
try:
    p.communicate(b'more')
except ValueError as e:
    print('ValueError', e)

# file objects used directly, in text mode, line by line
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
for word in ('alpha', 'beta', 'gamma'):
    p.stdin.write(word + '\n')
    p.stdin.flush()
    print(repr(p.stdout.readline()))
p.stdin.close()
print(repr(p.stdout.read()), p.wait())
p.stdout.close()

# binary, unbuffered
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
p.stdin.write(b'raw bytes')
p.stdin.close()
print(p.stdout.read(), p.wait())
p.stdout.close()

# interactive without flush: bufsize=1 (text) is line buffered, bufsize=0 (binary) unbuffered
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
for word in ('one', 'two'):
    p.stdin.write(word + '\n')
    print(repr(p.stdout.readline()))
p.stdin.close()
p.stdout.close()
print(p.wait())
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
p.stdin.write(b'unbuffered\n')
print(p.stdout.readline())
p.stdin.close()
p.stdout.close()
print(p.wait())

# a timeout in communicate leaves the child running; the next call returns everything read by
# either call (what the first one read depends on timing, so it is not printed)
p = subprocess.Popen(['sh', '-c', 'echo first; echo err >&2; exec sleep 10'], stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE)
try:
    p.communicate(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e, e.output in (None, b'first\n'))
print(p.returncode)
p.kill()
print(p.communicate())
print(p.returncode)

# wait with a timeout, then kill; a killed child's returncode is -SIGKILL
p = subprocess.Popen(['sleep', '5'])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print('wait TimeoutExpired', e.cmd, e.timeout)
p.kill()
print(p.wait(), p.returncode == -signal.SIGKILL)
p.kill()  # already reaped: nothing is signalled
p.terminate()

p = subprocess.Popen(['sleep', '5'])
p.terminate()
print(p.wait())
p = subprocess.Popen(['sleep', '5'])
p.send_signal(signal.SIGUSR1)
print(p.wait())

# the context manager closes the pipes and waits
with subprocess.Popen(['sh', '-c', 'echo ctx'], stdout=subprocess.PIPE) as p:
    print(p.stdout.read())
print(p.returncode, p.stdout.closed)
with subprocess.Popen(['sh', '-c', 'exit 9']) as p:
    pass
print(p.returncode)
print(repr(p))
print(repr(subprocess.Popen(['true'] + ['x' * 10] * 10, stdout=subprocess.DEVNULL)).startswith('<Popen: '))

# args as a string (the program name), shell with a list, executable=
print(subprocess.run('true').returncode)
print(subprocess.run(['echo $0 $1', 'name', 'arg'], shell=True, capture_output=True).stdout)
print(subprocess.run(['ignored-name', '-c', 'echo $0'], executable='/bin/sh', capture_output=True).stdout)

# pass_fds: the child inherits exactly those; close_fds closes the rest
r, w = os.pipe()
print(os.get_inheritable(r), os.get_inheritable(w))
rc = subprocess.call(['sh', '-c', 'echo via-fd >&%d' % w], pass_fds=[w])
os.close(w)
print(rc, os.read(r, 100))
os.close(r)
r, w = os.pipe()
rc = subprocess.call(['sh', '-c', 'echo x >&%d' % w], stderr=subprocess.DEVNULL)
print(rc != 0)
os.close(r)
os.close(w)

# start_new_session: the child leads its own process group
out = subprocess.run(['sh', '-c', 'ps -o pgid= -p $$ 2>/dev/null || cut -d" " -f5 /proc/$$/stat'],
                     start_new_session=True, capture_output=True, text=True).stdout
print(int(out) != os.getpgrp())

# preexec_fn runs in the child before the exec; one that raises becomes SubprocessError
print(subprocess.run(['sh', '-c', 'echo $KRAIT_PRE'], preexec_fn=lambda: os.putenv('KRAIT_PRE', 'set'),
                     capture_output=True).stdout)
try:
    subprocess.Popen(['true'], preexec_fn=lambda: 1 / 0)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

# stdout to a file object / raw descriptor
import tempfile
with tempfile.TemporaryFile() as f:
    subprocess.run(['echo', 'into a file'], stdout=f)
    subprocess.run(['echo', 'and by fd'], stdout=f.fileno())
    f.seek(0)
    print(f.read())

# os underneath
r, w = os.pipe()
os.write(w, b'ping')
print(os.read(r, 4))
print(os.get_blocking(r))
os.set_blocking(r, False)
print(os.get_blocking(r))
try:
    os.read(r, 4)
except BlockingIOError as e:
    print('BlockingIOError', e.errno)
os.set_inheritable(w, True)
print(os.get_inheritable(w))
w2 = os.dup2(w, 100)
print(w2, os.get_inheritable(100), os.get_inheritable(os.dup2(w, 101, inheritable=False)))
for fd in (r, w, 100, 101):
    os.close(fd)
p = subprocess.Popen(['sh', '-c', 'exit 3'])
pid, status = os.waitpid(p.pid, 0)
print(pid == p.pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status),
      os.waitstatus_to_exitcode(status))
p.returncode = 3
p = subprocess.Popen(['sleep', '5'])
print(os.waitpid(p.pid, os.WNOHANG))
os.kill(p.pid, signal.SIGTERM)
pid, status = os.waitpid(p.pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))
p.returncode = -15
try:
    os.waitpid(p.pid, 0)
except ChildProcessError as e:
    print('ChildProcessError', e.errno)
try:
    os.kill(p.pid + 1000000, 0)
except ProcessLookupError as e:
    print('ProcessLookupError', e.errno)
try:
    os.waitstatus_to_exitcode(0x7f)
except ValueError as e:
    print('ValueError', e)

try:
    os.waitpid(-1, os.WNOHANG)
    print('a child is left')
except ChildProcessError:
    print('no children left')
print('fds back to start:', len(os.listdir('/proc/self/fd')) == fds_before)
