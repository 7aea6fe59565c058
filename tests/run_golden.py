#!/usr/bin/env python3
"""Run Krait's golden programs and compare them with CPython 3.13's recorded output.

Usage:
  tests/run_golden.py --krait PATH [--mode off|default|forced|spillall|stress|stressjit|all]
                      [--filter SUBSTR]... [--list FILE] [-j N] [--timeout SECS]

A golden program is tests/py/NAME.py where NAME starts with one of PREFIXES
followed by '_' (other files in tests/py/, e.g. helper_*.py modules and the
packages under tests/py/pkgs/, are never run as tests).  Beside it:
  NAME.out   expected stdout (always present)
  NAME.code  expected exit code (absent = 0)
  NAME.err   expected stderr, filtered (present when the exit code is non-zero)
  NAME.in    optional stdin (otherwise stdin is /dev/null)
The stderr filter removes the absolute path of the repository root (CPython
3.13 prints the script's absolute path in tracebacks; expected files say
File "tests/py/NAME.py").  Caret lines (~~~^^^) are compared like any other
line: Krait prints them as CPython 3.13 does.

Each program is run as `KRAIT tests/py/NAME.py` with the repository root as the
working directory.  Modes set the environment:
  off      KRAIT_JIT=0
  default  (nothing)
  forced   KRAIT_JIT_THRESHOLD=0 (every function compiled at its first call, OSR at the
           first back-edge)
  spillall forced, with the reference register allocator (KRAIT_JIT_REGALLOC=spill-all):
           the differential test of the linear-scan allocator
  stress   KRAIT_GC_STRESS=1 KRAIT_GC_VERIFY=1 (a minor collection at every safepoint, a major one
           every 8th, the write barrier checked at each minor one; give a subset with --list tests/py/stress.list
           or --filter when the whole set is too slow)
  stressjit  stress with the JIT forced (KRAIT_JIT_THRESHOLD=0)
  all      off, default, forced and spillall; a test passes only if all of them match.

--krait may be a command with arguments (split like a shell would), e.g.
  --krait "valgrind -q --error-exitcode=99 build/krait"
The last line printed is exactly `golden: N passed, N failed`; the exit status
is non-zero when anything failed.  This script uses only the standard library.
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTDIR = os.path.join(ROOT, "tests", "py")

PREFIXES = (
    "lex syntax int float bool str fstr fmt bytes list tuple dict set range slice "
    "func closure class inherit dunder prop exc tb gen comp ctl match unpack with "
    "import mod builtin io err prog jit argparse pyperf re async"
).split()
TEST_RE = re.compile(r"^(%s)_[A-Za-z0-9_]+\.py$" % "|".join(PREFIXES))

MODE_ENV = {
    "off": {"KRAIT_JIT": "0"},
    "default": {},
    "forced": {"KRAIT_JIT_THRESHOLD": "0"},
    "spillall": {"KRAIT_JIT_THRESHOLD": "0", "KRAIT_JIT_REGALLOC": "spill-all"},
    "stress": {"KRAIT_GC_STRESS": "1", "KRAIT_GC_VERIFY": "1"},
    "stressjit": {"KRAIT_GC_STRESS": "1", "KRAIT_GC_VERIFY": "1", "KRAIT_JIT_THRESHOLD": "0"},
}

def filter_stderr(data):
    """Normalise stderr for comparison (tests/gen_expected.sh uses this too).

    CPython 3.13 makes the script path absolute (File "/checkout/tests/py/x.py"), so the
    repository root followed by '/' is removed: expected files say File "tests/py/x.py"
    wherever the repository is, and Krait may print the path relative or absolute.
    A last line without its newline gets one."""
    text = data.decode("utf-8", errors="replace")
    for root in sorted({ROOT, os.path.realpath(ROOT)}, key=len, reverse=True):
        text = text.replace(root + os.sep, "")
    if text and not text.endswith("\n"):
        text += "\n"
    return text


def discover():
    names = []
    for fn in sorted(os.listdir(TESTDIR)):
        if TEST_RE.match(fn) and os.path.isfile(os.path.join(TESTDIR, fn)):
            names.append(fn[:-3])
    return names


def read_list(path):
    out = []
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            if line.endswith(".py"):
                line = line[:-3]
            out.append(os.path.basename(line))
    return out


def base_env():
    env = dict(os.environ)
    for k in list(env):
        if k.startswith("KRAIT_"):
            del env[k]
    # Same environment as tests/gen_expected.sh used for CPython (harmless for Krait).
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHON_COLORS"] = "0"
    env["LC_ALL"] = "C.UTF-8"
    for k in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONHOME", "FORCE_COLOR"):
        env.pop(k, None)
    return env


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def short_diff(expected, actual, what, limit=20):
    if isinstance(expected, bytes):
        expected = expected.decode("utf-8", errors="replace")
    if isinstance(actual, bytes):
        actual = actual.decode("utf-8", errors="replace")
    d = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                  "expected " + what, "actual " + what, n=1, lineterm=""))
    if len(d) > limit:
        d = d[:limit] + ["    ... (%d more diff lines)" % (len(d) - limit)]
    return ["    " + l for l in d]


def signame(n):
    try:
        return signal.Signals(n).name
    except ValueError:
        return "signal %d" % n


def cpu_seconds(pid):
    """User + system CPU time of a running process (Linux /proc), 0 if unknown."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def run_one(cmd, name, mode, timeout):
    """Run one test in one mode; return (ok, list of report lines)."""
    script = os.path.join("tests", "py", name + ".py")
    base = os.path.join(TESTDIR, name)
    if not os.path.exists(base + ".out"):
        return False, ["FAIL %s [%s]: no expected output %s.out (run tests/gen_expected.sh)"
                       % (name, mode, os.path.relpath(base, ROOT))]
    exp_out = read_bytes(base + ".out")
    exp_code = 0
    if os.path.exists(base + ".code"):
        exp_code = int(read_bytes(base + ".code").decode().strip() or "0")
    exp_err = None
    if os.path.exists(base + ".err"):
        exp_err = read_bytes(base + ".err").decode("utf-8", errors="replace")
    env = base_env()
    env.update(MODE_ENV[mode])
    stdin = open(base + ".in", "rb") if os.path.exists(base + ".in") else subprocess.DEVNULL
    t0 = time.monotonic()
    try:
        proc = subprocess.Popen(cmd + [script], cwd=ROOT, env=env, stdin=stdin,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
    except OSError as e:
        return False, ["FAIL %s [%s]: cannot start %s: %s" % (name, mode, cmd[0], e)]
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    # The limit is on the test's CPU time, so that a loaded machine (parallel jobs, other work) does not
    # fail slow-but-progressing tests; a wall-clock backstop of 10x catches tests blocked without
    # running (waiting on input).
    timed_out = False
    while True:
        try:
            out, err = proc.communicate(timeout=min(5.0, timeout))
            break
        except subprocess.TimeoutExpired:
            if cpu_seconds(proc.pid) <= timeout and time.monotonic() - t0 <= 10 * timeout:
                continue
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                proc.kill()
            out, err = proc.communicate()
            timed_out = True
            break
    elapsed = time.monotonic() - t0
    code = proc.returncode
    reasons = []
    details = []
    if timed_out:
        reasons.append("timed out (over %.0f s of CPU time or %.0f s in all)" % (timeout, 10 * timeout))
    elif code < 0:
        reasons.append("killed by %s" % signame(-code))
    elif code != exp_code:
        reasons.append("exit code %d, expected %d" % (code, exp_code))
    if out != exp_out:
        reasons.append("stdout differs")
        details += short_diff(exp_out, out, "stdout")
    if exp_err is not None:
        got_err = filter_stderr(err)
        if got_err != exp_err:
            reasons.append("stderr differs")
            details += short_diff(exp_err, got_err, "stderr")
    elif reasons and err:
        # Show the start of an unexpected stderr to explain crashes.
        tail = err.decode("utf-8", errors="replace").splitlines()[-8:]
        details += ["    stderr: " + l for l in tail]
    if reasons:
        return False, ["FAIL %s [%s]: %s (%.1f s)" % (name, mode, "; ".join(reasons), elapsed)] + details
    return True, []


def main():
    ap = argparse.ArgumentParser(description="Run Krait's golden programs.")
    ap.add_argument("--krait", required=False, help="path of the krait binary (or a command)")
    ap.add_argument("--mode", default="default", choices=["off", "default", "forced", "spillall", "stress", "stressjit", "all"])
    ap.add_argument("--filter", action="append", default=[],
                    help="run only tests whose name contains SUBSTR (repeatable: any of them)")
    ap.add_argument("--list", help="file naming the tests to run, one per line (# comments)")
    ap.add_argument("--skip", help="file naming tests not to run (e.g. too slow for a mode), one per line")
    ap.add_argument("--xfail", help="file naming known failures, one per line (# comments): they still run, "
                    "their failures are reported as 'known' and do not fail the run")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1, help="parallel jobs")
    ap.add_argument("--timeout", type=float, default=None,
                    help="CPU seconds per test (default 20, 120 in stress mode)")
    ap.add_argument("--list-tests", action="store_true", help="print the test names and exit")
    ap.add_argument("--filter-stderr", action="store_true",
                    help="filter stdin to stdout with the stderr filter (for gen_expected.sh)")
    ap.add_argument("-v", "--verbose", action="store_true", help="also print passing tests")
    args = ap.parse_args()
    if args.filter_stderr:
        sys.stdout.write(filter_stderr(sys.stdin.buffer.read()))
        return 0

    names = discover()
    if args.list:
        wanted = read_list(args.list)
        known = set(names)
        missing = [w for w in wanted if w not in known]
        if missing:
            print("run_golden: unknown tests in %s: %s" % (args.list, " ".join(missing)), file=sys.stderr)
            return 2
        names = [n for n in wanted]
    if args.skip:
        skipped = set(read_list(args.skip))
        names = [n for n in names if n not in skipped]
    known_failures = set(read_list(args.xfail)) if args.xfail else set()
    if args.filter:
        names = [n for n in names if any(f in n for f in args.filter)]
    if args.list_tests:
        for n in names:
            print(n)
        return 0
    if not args.krait:
        ap.error("--krait is required")
    cmd = shlex.split(args.krait)
    if not cmd:
        ap.error("--krait is empty")
    if os.sep in cmd[0] and not os.path.isabs(cmd[0]):
        cmd[0] = os.path.join(os.getcwd(), cmd[0])
    if shutil.which(cmd[0]) is None:
        print("run_golden: %s is not an executable file (build Krait first)" % cmd[0], file=sys.stderr)
        print("golden: 0 passed, %d failed" % len(names))
        return 2
    modes = ["off", "default", "forced", "spillall"] if args.mode == "all" else [args.mode]
    timeout = args.timeout
    if timeout is None:
        timeout = 120.0 if args.mode in ("stress", "stressjit") else 20.0

    jobs = [(n, m) for n in names for m in modes]
    results = {}
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as ex:
        futs = {ex.submit(run_one, cmd, n, m, timeout): (n, m) for n, m in jobs}
        for fut in concurrent.futures.as_completed(futs):
            n, m = futs[fut]
            try:
                ok, lines = fut.result()
            except Exception as e:  # a bug in this script must not hide the others
                ok, lines = False, ["FAIL %s [%s]: runner error: %r" % (n, m, e)]
            results[(n, m)] = (ok, lines)
            if lines:
                print("\n".join(lines), flush=True)
            elif args.verbose:
                print("ok   %s [%s]" % (n, m), flush=True)
    passed = failed = 0
    failed_names, known, fixed = [], [], []
    for n in names:
        if all(results[(n, m)][0] for m in modes):
            passed += 1
            if n in known_failures:
                fixed.append(n)
        elif n in known_failures:
            known.append(n)
        else:
            failed += 1
            failed_names.append(n)
    if known:
        print("known failures (%s): %s" % (args.xfail, " ".join(known)))
    if fixed:
        print("now passing, remove from %s: %s" % (args.xfail, " ".join(fixed)))
    if failed_names:
        print("failed: " + " ".join(failed_names))
    print("(%d tests x %d mode(s) %s in %.1f s)" % (len(names), len(modes), ",".join(modes),
                                                 time.monotonic() - t0))
    if known:
        print("golden: %d passed, %d failed, %d skipped" % (passed, failed, len(known)))
    else:
        print("golden: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
