# subprocess.run and its helpers: captured output, input, text mode, shell, cwd/env, exit codes,
# check=True, timeouts, exec and cwd failures (CPython's messages), and no zombie or fd left behind.
import os
import subprocess
import sys

fds_before = len(os.listdir('/proc/self/fd'))

r = subprocess.run(['/bin/echo', 'hello', 'world'], capture_output=True)
print(r)
print(type(r.stdout).__name__, r.returncode, r.args)
r.check_returncode()

r = subprocess.run('echo out; echo err >&2; exit 3', shell=True, capture_output=True, text=True)
print(r)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print('check_returncode:', e, repr(e.stdout), repr(e.stderr))

# input: bytes, and str in text mode; a large input through cat (more than a pipe's buffer)
print(subprocess.run(['cat'], input=b'abc\ndef', capture_output=True).stdout)
print(repr(subprocess.run(['cat'], input='x\ny\n', capture_output=True, text=True).stdout))
big = bytes(range(256)) * 1000
out = subprocess.run(['cat'], input=big, stdout=subprocess.PIPE).stdout
print(len(out), out == big)

# text mode translates \r\n and \r; encoding/errors select text mode too
print(repr(subprocess.check_output(['sh', '-c', 'printf "a\\r\\nb\\rc"'], text=True)))
print(repr(subprocess.check_output(['sh', '-c', 'printf "caf\\303\\251"'], encoding='utf-8')))
print(repr(subprocess.check_output(['sh', '-c', 'printf "x\\377y"'], errors='replace')))
print(repr(subprocess.check_output(['sh', '-c', 'printf "x\\377y"'])))
try:
    subprocess.check_output(['sh', '-c', 'printf "x\\377y"'], text=True)
except UnicodeDecodeError as e:
    print('UnicodeDecodeError')

# exit codes, negative for a signal
print(subprocess.call(['true']), subprocess.call(['false']), subprocess.call(['sh', '-c', 'exit 200']))
print(subprocess.call(['sh', '-c', 'kill -TERM $$']), subprocess.call(['sh', '-c', 'kill -KILL $$']))
print(subprocess.check_call(['true']))
try:
    subprocess.check_call(['sh', '-c', 'exit 7'])
except subprocess.CalledProcessError as e:
    print('check_call:', e, e.returncode, e.cmd, e.output)
try:
    subprocess.run(['sh', '-c', 'echo partial; exit 2'], check=True, capture_output=True)
except subprocess.CalledProcessError as e:
    print('run check:', e, e.stdout, e.stderr, e.output)
try:
    subprocess.check_output('kill -USR1 $$', shell=True)
except subprocess.CalledProcessError as e:
    print('signalled:', e, e.returncode)
print(subprocess.CalledProcessError(-200, 'cmd'))
print(subprocess.CalledProcessError(1, ['a', 'b'], b'o', b'e').stdout)

# shell, cwd, env, stderr=STDOUT, DEVNULL
print(subprocess.run('echo $((6 * 7))', shell=True, capture_output=True).stdout)
print(subprocess.run(['sh', '-c', 'echo $FOO-$HOME'], env={'FOO': 'bar'}, capture_output=True, text=True).stdout)
print(subprocess.run(['pwd'], cwd='/', stdout=subprocess.PIPE).stdout)
print(subprocess.run(['sh', '-c', 'echo a; echo b >&2'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout)
print(subprocess.run(['sh', '-c', 'echo gone; echo gone2 >&2'], stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL))
print(subprocess.run(['cat'], stdin=subprocess.DEVNULL, capture_output=True))
print(subprocess.run(['sh', '-c', 'echo "$0" "$@"', 'zero', 'one', 'two words'], capture_output=True).stdout)

# getoutput / getstatusoutput
print(subprocess.getstatusoutput('echo hi; echo there >&2; exit 4'))
print(repr(subprocess.getoutput('printf "no newline"')))
print(subprocess.getstatusoutput('nosuchcmd_krait_test 2>/dev/null'))

# failures before the exec: the OSError subclass of the errno, naming the program or cwd
for args, kw in ((['nosuchcmd'], {}), (['/nonexistent/prog'], {}), (['ls'], {'cwd': '/nonexistent_dir'}),
                 (['/'], {}), (['/etc/hostname'], {})):
    try:
        subprocess.run(args, **kw)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename, '|', e)

# timeouts: TimeoutExpired, the child killed and reaped
try:
    subprocess.run(['sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e.cmd, e.stdout, e.stderr)
try:
    subprocess.run(['sh', '-c', 'echo started; exec sleep 10'], timeout=1.5, capture_output=True)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e, e.stdout, e.stderr)
try:
    subprocess.check_output(['sleep', '5'], timeout=0.1)
except subprocess.TimeoutExpired as e:
    print('check_output timeout', e.timeout, e.output)
try:
    subprocess.call(['sleep', '5'], timeout=0.1)
except subprocess.TimeoutExpired as e:
    print('call timeout', e.timeout)
print(subprocess.TimeoutExpired(['x', 'y'], 1.5))
print(subprocess.TimeoutExpired('z', 3, output=b'o').stdout)

# argument errors
for kw in ({'input': b'x', 'stdin': subprocess.PIPE}, {'capture_output': True, 'stdout': subprocess.PIPE}):
    try:
        subprocess.run(['true'], **kw)
    except ValueError as e:
        print('ValueError', e)
try:
    subprocess.check_output(['true'], stdout=subprocess.PIPE)
except ValueError as e:
    print('ValueError', e)
try:
    subprocess.Popen(['true'], text=True, universal_newlines=False)
except subprocess.SubprocessError as e:
    print('SubprocessError', e)
try:
    subprocess.run(['echo', 'a\0b'])
except ValueError as e:
    print('ValueError', e)
print(issubclass(subprocess.CalledProcessError, subprocess.SubprocessError),
      issubclass(subprocess.TimeoutExpired, subprocess.SubprocessError))
print(subprocess.CompletedProcess(['a'], 0))
print(subprocess.CompletedProcess('b', 1, 'out', None))
print(subprocess.CompletedProcess('c', 2, None, b'err'))
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)

# list2cmdline (MS C runtime quoting)
print(subprocess.list2cmdline(['a b', 'c"d', 'e\\', 'f\\ g\\', '', 'h\\\\"i', 'plain', 'tab\there']))
print(subprocess.list2cmdline([]))

# every child reaped, every descriptor closed
try:
    os.waitpid(-1, os.WNOHANG)
    print('a child is left')
except ChildProcessError:
    print('no children left')
print('fds back to start:', len(os.listdir('/proc/self/fd')) == fds_before)
