"""Timing of small code snippets: Timer, timeit(), repeat(), default_timer and `-m timeit`.

A Timer compiles its statement into the body of a loop inside a generated function, so that the
loop overhead is one iteration of a `for` over itertools.repeat; the setup runs once before the
clock starts. A callable stmt or setup is called instead (one call per iteration). The garbage
collector is disabled while timing, as CPython's does, when Krait's gc module allows it.
"""

import sys
import time
import itertools

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_SOURCE = """
def inner(_it, _timer{args}):
    {setup}
    _t0 = _timer()
    for _i in _it:
        {stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
"""


def _indent(src, level):
    return src.replace("\n", "\n" + " " * level)


class Timer:
    """Times stmt (a string of code or a callable) after running setup once."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        namespace = {}
        env = {} if globals is None else globals
        args = ""
        if isinstance(setup, str):
            # checked alone first so that a setup error is not reported inside the loop template
            compile(setup, dummy_src_name, "exec")
            setup_src = _indent(setup, 4)
        elif callable(setup):
            namespace["_setup"] = setup
            args += ", _setup=_setup"
            setup_src = "_setup()"
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            # the statement compiled alone, with the setup before it, as it will run
            compile((setup + "\n" if isinstance(setup, str) else "") + stmt, dummy_src_name, "exec")
            stmt_src = _indent(stmt, 8)
        elif callable(stmt):
            namespace["_stmt"] = stmt
            args += ", _stmt=_stmt"
            stmt_src = "_stmt()"
        else:
            raise ValueError("stmt is neither a string nor callable")
        src = _SOURCE.format(stmt=stmt_src, setup=setup_src, args=args)
        self.src = src
        code = compile(src, dummy_src_name, "exec")
        exec(code, env, namespace)
        self.inner = namespace["inner"]

    def print_exc(self, file=None):
        """Print the traceback of the exception being handled (from a timed statement)."""
        import traceback
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        it = itertools.repeat(None, number)
        gc = _gc_module()
        was_enabled = gc is not None and gc.isenabled()
        if was_enabled:
            gc.disable()
        try:
            return self.inner(it, self.timer)
        finally:
            if was_enabled:
                gc.enable()

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """(number, time taken) for the first number in 1, 2, 5, 10, 20, 50, ... whose run
        takes at least 0.2 seconds."""
        i = 1
        while True:
            for factor in (1, 2, 5):
                number = i * factor
                taken = self.timeit(number)
                if callback:
                    callback(number, taken)
                if taken >= 0.2:
                    return (number, taken)
            i *= 10


def _gc_module():
    try:
        import gc
    except ImportError:
        return None
    if not (hasattr(gc, "isenabled") and hasattr(gc, "disable") and hasattr(gc, "enable")):
        return None
    return gc


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


_UNITS = {"nsec": 1e-9, "usec": 1e-6, "msec": 1e-3, "sec": 1.0}

_USAGE = """\
Usage: python -m timeit [-n N] [-r N] [-u U] [-s S] [-p] [-v] [-h] [--] [statement]

Options:
  -n/--number N: how many times to execute 'statement' (default: see below)
  -r/--repeat N: how many times to repeat the timer (default 5)
  -s/--setup S: statement to be executed once initially (default 'pass').
                Execution time of this setup statement is NOT timed.
  -p/--process: use time.process_time() (default is time.perf_counter())
  -v/--verbose: print raw timing results; repeat for more digits precision
  -u/--unit: set the output time unit (nsec, usec, msec, or sec)
  -h/--help: print this usage message and exit
  --: separate options from statement, use when statement starts with -
  statement: statement to be timed (default 'pass')

A multi-line statement may be given by specifying each line as a
separate argument; indented lines are possible by enclosing an
argument in quotes and using leading spaces.  Multiple -s options are
treated similarly.

If -n is not given, a suitable number of loops is calculated by trying
increasing numbers from the sequence 1, 2, 5, 10, 20, 50, ... until the
total time is at least 0.2 seconds.
"""


def _parse(args):
    """The options of `-m timeit` (getopt style: -n5, -n 5, --number=5, --number 5)."""
    opts = {"number": 0, "repeat": default_repeat, "setup": [], "timer": default_timer,
            "verbose": 0, "unit": None}
    long_names = {"--number": "n", "--setup": "s", "--repeat": "r", "--unit": "u",
                  "--time": "t", "--clock": "c", "--process": "p", "--verbose": "v", "--help": "h"}
    takes_value = set("nsru")
    stmt = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            stmt.extend(args[i + 1:])
            break
        if not a.startswith("-") or a == "-":
            stmt.extend(args[i:])
            break
        if a.startswith("--"):
            name, eq, value = a.partition("=")
            matches = [n for n in long_names if n.startswith(name)]
            if len(matches) != 1:
                raise _OptionError("option %s not recognized" % name)
            letters = [(long_names[matches[0]], value if eq else None)]
        else:
            letters = []
            rest = a[1:]
            while rest:
                c, rest = rest[0], rest[1:]
                if c in takes_value:
                    letters.append((c, rest or None))
                    rest = ""
                else:
                    letters.append((c, None))
        for c, value in letters:
            if c in takes_value and value is None:
                i += 1
                if i >= len(args):
                    raise _OptionError("option -%s requires argument" % c)
                value = args[i]
            if c == "n":
                opts["number"] = int(value)
            elif c == "s":
                opts["setup"].append(value)
            elif c == "r":
                opts["repeat"] = max(int(value), 1)
            elif c == "u":
                if value not in _UNITS:
                    raise _UnitError("Unrecognized unit. Please select nsec, usec, msec, or sec.")
                opts["unit"] = value
            elif c == "p":
                opts["timer"] = time.process_time
            elif c == "v":
                opts["verbose"] += 1
            elif c == "h":
                opts["help"] = True
            elif c not in "tc":
                raise _OptionError("option -%s not recognized" % c)
        i += 1
    return opts, stmt


class _OptionError(Exception):
    pass


class _UnitError(Exception):
    """An unknown -u unit: reported on stderr, without the usage hint."""


def _format_time(dt, unit, precision):
    if unit is None:
        scales = sorted(((s, u) for u, s in _UNITS.items()), reverse=True)
        for scale, unit in scales:
            if dt >= scale:
                break
    return "%.*g %s" % (precision, dt / _UNITS[unit], unit)


def main(args=None, *, _wrap_timer=None):
    """The command line: time the statement and print the best time per loop."""
    if args is None:
        args = sys.argv[1:]
    try:
        opts, stmt_lines = _parse(args)
    except _UnitError as err:
        print(err, file=sys.stderr)
        return 2
    except (_OptionError, ValueError) as err:
        print(err)
        print("use -h/--help for command line help")
        return 2
    if opts.get("help"):
        print(_USAGE, end="")
        return 0
    stmt = "\n".join(stmt_lines) or "pass"
    setup = "\n".join(opts["setup"]) or "pass"
    # the current directory is importable, as for `python -m timeit`
    if "" not in sys.path and "." not in sys.path:
        sys.path.insert(0, "")
    timer = opts["timer"]
    if _wrap_timer is not None:
        timer = _wrap_timer(timer)
    verbose = opts["verbose"]
    precision = 3 + verbose
    t = Timer(stmt, setup, timer)
    number = opts["number"]
    if number == 0:
        def report(n, taken):
            if verbose:
                plural = n != 1
                print("%d loop%s -> %.*g secs" % (n, "s" if plural else "", precision, taken))
        try:
            number, _ = t.autorange(report if verbose else None)
        except Exception:
            t.print_exc()
            return 1
        if verbose:
            print()
    try:
        raw = t.repeat(opts["repeat"], number)
    except Exception:
        t.print_exc()
        return 1
    if verbose:
        print("raw times: %s" % ", ".join(_format_time(dt, opts["unit"], precision) for dt in raw))
        print()
    per_loop = [dt / number for dt in raw]
    best = min(per_loop)
    print("%d loop%s, best of %d: %s per loop"
          % (number, "s" if number != 1 else "", opts["repeat"], _format_time(best, opts["unit"], precision)))
    worst = max(per_loop)
    if worst >= best * 4:
        import warnings
        warnings.warn_explicit("The test results are likely unreliable. The worst time (%s) was "
                               "more than four times slower than the best time (%s)."
                               % (_format_time(worst, opts["unit"], precision),
                                  _format_time(best, opts["unit"], precision)),
                               UserWarning, '', 0)
    return None


if __name__ == "__main__":
    sys.exit(main())
