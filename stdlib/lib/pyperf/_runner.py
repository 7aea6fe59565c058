"""Runner: pyperf's benchmark runner, in-process.

pyperf spawns worker processes; Krait has no subprocess module, so every "process" of the
command line (-p/--processes) is a run executed in this process, one after the other: a loop
calibration run first (when --loops is 0), then per run --warmups warmup values and --values
values, each value timing --loops iterations. The results have pyperf's shape (calibration run,
runs with warmups and values, metadata) and its JSON files can be read by pyperf's tools."""
import os
import sys
import time

from pyperf._bench import Benchmark, Run, add_runs
from pyperf._formatter import format_timedelta, format_number, format_seconds
from pyperf._metadata import (collect_metadata, python_has_jit, jit_state, format_date,
                              format_metadata)

_MAX_LOOPS = 2 ** 32


def strictly_positive(value):
    value = int(value)
    if value <= 0:
        raise ValueError('value must be > 0')
    return value


def positive_or_nul(value):
    if '^' in value:
        x, _, y = value.partition('^')
        value = int(x) ** int(y)
    else:
        value = int(value)
    if value < 0:
        raise ValueError('value must be >= 0')
    return value


def comma_separated(values):
    return [value.strip() for value in values.split(',') if value.strip()]


def jit_switch(value):
    value = value.lower()
    if value in ('on', '1', 'yes', 'true'):
        return 'on'
    if value in ('off', '0', 'no', 'false'):
        return 'off'
    raise ValueError('expected on or off')


jit_switch.__name__ = 'on/off'


class CLIError(Exception):
    pass


def _switch_jit(state):
    """Turn the JIT on or off for the rest of the process: (ok, message)."""
    jit = getattr(sys, '_jit', None)
    setter = getattr(jit, '_set_enabled', None) if jit is not None else None
    if setter is None:
        return False, 'this interpreter has no way to switch its JIT (no sys._jit._set_enabled)'
    try:
        setter(state == 'on')
    except (RuntimeError, ValueError, OSError) as exc:
        return False, str(exc)
    return True, ''


class Runner:
    """Runs benchmarks and reports them like pyperf (see the module docstring)."""

    _created = set()

    def __init__(self, values=None, processes=None, loops=0, min_time=0.1, metadata=None,
                 show_name=True, program_args=None, add_cmdline_args=None, _argparser=None,
                 warmups=None):
        cls = self.__class__
        key = id(cls)
        if key in cls._created:
            raise RuntimeError('only one %s instance must be created per process: use the same '
                               'instance to run all benchmarks' % cls.__name__)
        cls._created.add(key)

        import argparse

        has_jit = python_has_jit()
        if not values:
            values = 10 if has_jit else 3
        if not processes:
            processes = 6 if has_jit else 20
        if warmups is None:
            warmups = 5 if has_jit else 1
        self._default_warmups = warmups
        self.metadata = metadata if metadata is not None else {}
        self.args = None
        self._bench_names = set()
        self._worker_task = 0
        self._add_cmdline_args = add_cmdline_args
        self._program_args = program_args if program_args else (sys.argv[0] if sys.argv else '',)
        self._show_name = show_name
        self._jit_requested = None
        self._jit_note = None

        parser = _argparser if _argparser is not None else argparse.ArgumentParser()
        parser.description = 'Benchmark'
        parser.add_argument('--rigorous', action='store_true',
                            help='Spend longer running tests to get more accurate results')
        parser.add_argument('--fast', action='store_true', help='Get rough answers quickly')
        parser.add_argument('--debug-single-value', action='store_true',
                            help='Debug mode, only compute a single value')
        parser.add_argument('-p', '--processes', type=strictly_positive, default=processes,
                            help='number of runs (pyperf: worker processes; Krait runs them in '
                                 'this process) (default: %s)' % processes)
        parser.add_argument('-n', '--values', dest='values', type=strictly_positive, default=values,
                            help='number of values per run (default: %s)' % values)
        parser.add_argument('-w', '--warmups', type=positive_or_nul,
                            help='number of skipped values per run used to warmup the benchmark '
                                 '(default: %s)' % warmups)
        parser.add_argument('-l', '--loops', type=positive_or_nul, default=loops,
                            help='number of loops per value, 0 means automatic calibration '
                                 '(default: %s)' % loops)
        parser.add_argument('-v', '--verbose', action='store_true', help='enable verbose mode')
        parser.add_argument('-q', '--quiet', action='store_true', help='enable quiet mode')
        parser.add_argument('-o', '--output', metavar='FILENAME',
                            help='write results encoded to JSON into FILENAME')
        parser.add_argument('--append', metavar='FILENAME',
                            help='append results encoded to JSON into FILENAME')
        parser.add_argument('--min-time', type=float, default=min_time,
                            help='Minimum duration in seconds of a single value, used to calibrate '
                                 'the number of loops (default: %s)' % format_timedelta(min_time))
        parser.add_argument('-d', '--dump', action='store_true', help='display benchmark run results')
        parser.add_argument('--metadata', '-m', action='store_true', help='show metadata')
        parser.add_argument('--stats', '-t', action='store_true',
                            help='display statistics (min, max, ...)')
        parser.add_argument('--jit', type=jit_switch, metavar='on|off',
                            help="turn the interpreter's JIT on or off for the benchmarks "
                                 '(Krait: sys._jit._set_enabled); recorded in the "jit" metadata')
        parser.add_argument('--affinity', metavar='CPU_LIST', default=None,
                            help='CPU affinity (accepted for compatibility; not applied in-process)')
        parser.add_argument('--inherit-environ', metavar='VARS', type=comma_separated,
                            help='environment variables inherited by worker processes (accepted '
                                 'for compatibility: runs share this process environment)')
        parser.add_argument('--copy-env', dest='copy_env', action='store_true', default=False,
                            help='Copy all environment variables (accepted for compatibility)')
        parser.add_argument('--no-locale', dest='locale', action='store_false', default=True,
                            help="Don't copy locale environment variables (accepted for "
                                 'compatibility)')
        parser.add_argument('--python', default=sys.executable,
                            help='Python executable (only the running interpreter is supported)')
        memory = parser.add_mutually_exclusive_group()
        memory.add_argument('--tracemalloc', action='store_true',
                            help='Trace memory allocations (not supported in-process)')
        memory.add_argument('--track-memory', action='store_true',
                            help='Track memory usage (not supported in-process)')
        self.argparser = parser

    # ---------------------------------------------------------------- command line
    def _process_args_impl(self):
        args = self.args
        if args.quiet:
            args.verbose = False
        if args.warmups is None:
            args.warmups = self._default_warmups

        nprocess = self.argparser.get_default('processes')
        nvalues = self.argparser.get_default('values')
        if args.rigorous:
            args.processes = nprocess * 2
        elif args.fast:
            args.processes = max(nprocess // 2, 3)
            args.values = max(nvalues * 2 // 3, 2)
        elif args.debug_single_value:
            args.processes = 1
            args.warmups = 0
            args.values = 1
            args.loops = 1
            args.min_time = 1e-9

        if args.values < 1:
            raise CLIError('--values must be >= 1')
        if args.min_time <= 0:
            raise CLIError('--min-time must be > 0')
        if args.output and os.path.exists(args.output):
            raise CLIError('The JSON file %r already exists' % args.output)
        if args.tracemalloc or args.track_memory:
            raise CLIError('--tracemalloc and --track-memory need worker processes, which this '
                           'in-process runner does not spawn')
        if args.python and sys.executable and args.python not in (sys.executable, 'python3', 'python'):
            if os.path.abspath(args.python) != os.path.abspath(sys.executable):
                raise CLIError('--python=%s: only the running interpreter (%s) can be benchmarked '
                               'in-process' % (args.python, sys.executable))
        if args.jit is not None:
            self._jit_requested = args.jit
            ok, message = _switch_jit(args.jit)
            if not ok:
                if jit_state() != args.jit:
                    raise CLIError('--jit=%s: %s' % (args.jit, message))
                self._jit_note = message

    def _process_args(self):
        try:
            self._process_args_impl()
        except CLIError as exc:
            print('ERROR: %s' % exc)
            sys.exit(1)

    def _set_args(self, args):
        if self.args is not None:
            raise RuntimeError('arguments already parsed')
        self.args = args
        self._process_args()

    def parse_args(self, args=None):
        if self.args is not None and args is None:
            return self.args
        args = self.argparser.parse_args(args)
        self._set_args(args)
        return args

    # ---------------------------------------------------------------- running
    def _run_metadata(self, name, func_metadata, inner_loops):
        metadata = collect_metadata()
        metadata.update(self.metadata)
        if func_metadata:
            metadata.update(func_metadata)
        metadata['name'] = name
        metadata['unit'] = 'second'
        metadata['jit'] = jit_state()
        if inner_loops is not None:
            metadata['inner_loops'] = inner_loops
        if self._jit_requested is not None:
            metadata['jit_requested'] = self._jit_requested
        return metadata

    def _progress(self):
        if not self.args.quiet:
            sys.stdout.write('.')
            sys.stdout.flush()

    def _calibrate_loops(self, task_func, inner_loops, metadata):
        args = self.args
        loops = 1
        warmups = []
        start = time.perf_counter()
        date = format_date()
        while True:
            raw = task_func(loops)
            warmups.append((loops, raw / (loops * inner_loops) if raw > 0 else 0.0))
            if args.verbose:
                print('Calibration: %s (loops: %s, raw: %s)'
                      % (format_timedelta(raw / (loops * inner_loops)) if raw > 0 else '0 sec',
                         format_number(loops), format_timedelta(raw) if raw > 0 else '0 sec'))
            if raw >= args.min_time:
                break
            if loops * 2 > _MAX_LOOPS:
                raise ValueError('error in calibration, loops is too big: %s' % (loops * 2))
            loops *= 2
        run_metadata = dict(metadata, loops=loops, calibrate_loops=loops,
                            duration=time.perf_counter() - start, date=date)
        return loops, Run([], warmups=warmups, metadata=run_metadata, collect_metadata=False)

    def _one_run(self, task_func, loops, inner_loops, metadata):
        args = self.args
        total = loops * inner_loops
        start = time.perf_counter()
        date = format_date()
        warmups = []
        values = []
        for _ in range(args.warmups):
            raw = task_func(loops)
            warmups.append((loops, max(raw, 0.0) / total))
        for _ in range(args.values):
            raw = task_func(loops)
            if raw <= 0:
                raise ValueError('benchmark function returned %r: a value must be > 0 seconds '
                                 '(timer resolution too low? use more loops)' % (raw,))
            values.append(raw / total)
        run_metadata = dict(metadata, loops=loops, duration=time.perf_counter() - start, date=date)
        return Run(values, warmups=warmups, metadata=run_metadata, collect_metadata=False)

    def _run_task(self, name, task_func, inner_loops, func_metadata):
        if name in self._bench_names:
            raise ValueError('duplicated benchmark name: %r' % name)
        self._bench_names.add(name)
        args = self.parse_args()
        if inner_loops is not None and (not isinstance(inner_loops, int) or inner_loops < 1):
            raise ValueError('inner_loops must be an int >= 1')
        metadata = self._run_metadata(name, func_metadata, inner_loops)
        inner = inner_loops if inner_loops is not None else 1

        if args.verbose and self._worker_task > 0:
            print()
        runs = []
        loops = args.loops
        try:
            if loops < 1:
                loops, calibration = self._calibrate_loops(task_func, inner, metadata)
                runs.append(calibration)
                self._progress()
            for _ in range(args.processes):
                runs.append(self._one_run(task_func, loops, inner, metadata))
                self._progress()
        except KeyboardInterrupt:
            print('Benchmark interrupted: exit', file=sys.stderr)
            sys.exit(1)
        if not args.quiet:
            print()
        bench = Benchmark(runs)
        self._display_result(bench)
        self._worker_task += 1
        return bench

    # ---------------------------------------------------------------- results
    def _format_checks(self, bench):
        values = bench.get_values()
        mean = bench.mean()
        warnings = []
        if len(values) >= 2:
            stdev = bench.stdev()
            percent = stdev * 100.0 / mean
            if percent >= 10.0:
                warnings.append('the standard deviation (%s) is %.0f%% of the mean (%s)'
                                % (bench.format_value(stdev), percent, bench.format_value(mean)))
        for label, value in (('minimum', min(values)), ('maximum', max(values))):
            percent = (value - mean) * 100.0 / mean
            if abs(percent) >= 50:
                if percent >= 0:
                    text = '%.0f%% greater' % percent
                else:
                    text = '%.0f%% smaller' % -percent
                warnings.append('the %s (%s) is %s than the mean (%s)'
                                % (label, bench.format_value(value), text, bench.format_value(mean)))
        shortest = min(bench._get_raw_values())
        if shortest < 1e-3:
            warnings.append('the shortest raw value is only %s' % bench.format_value(shortest))
        lines = []
        if warnings:
            lines.append('WARNING: the benchmark result may be unstable')
            for msg in warnings:
                lines.append('* %s' % msg)
            lines.append('')
            lines.append('Try to rerun the benchmark with more runs, values and/or loops.')
            lines.append('Use --quiet option to hide these warnings.')
            lines.append('')
        return lines

    def _format_result_value(self, bench):
        if bench.get_nvalue() >= 2:
            return 'Mean +- std dev: %s +- %s' % bench.format_values((bench.mean(), bench.stdev()))
        return bench.format_value(bench.mean())

    def _format_runs(self, bench):
        lines = []
        for index, run in enumerate(bench.get_runs(), 1):
            if run._is_calibration():
                loops = run.get_metadata().get('calibrate_loops', run.get_loops())
                lines.append('Run %s: calibrate the number of loops: %s' % (index, format_number(loops)))
                for k, (wloops, value) in enumerate(run.warmups, 1):
                    raw = value * wloops * run.get_inner_loops()
                    lines.append('- calibrate %s: %s (loops: %s, raw: %s)'
                                 % (k, bench.format_value(value), format_number(wloops),
                                    bench.format_value(raw)))
                continue
            lines.append('Run %s: %s, %s, %s' % (index, format_number(len(run.warmups), 'warmup'),
                                                 format_number(len(run.values), 'value'),
                                                 format_number(run.get_loops(), 'loop')))
            for k, (wloops, value) in enumerate(run.warmups, 1):
                lines.append('- warmup %s: %s' % (k, bench.format_value(value)))
            for k, value in enumerate(run.values, 1):
                lines.append('- value %s: %s' % (k, bench.format_value(value)))
        lines.append('')
        return lines

    def _format_stats(self, bench):
        values = bench.get_values()
        lines = ['Total duration: %s' % format_seconds(bench.get_total_duration()),
                 'Number of runs: %s' % format_number(bench.get_nrun()),
                 'Loop iterations per value: %s' % format_number(bench.get_total_loops()),
                 'Total number of values: %s' % format_number(len(values)),
                 'Minimum: %s' % bench.format_value(min(values)),
                 'Median: %s' % bench.format_value(bench.median())]
        if len(values) >= 2:
            lines.append('Mean +- std dev: %s +- %s' % bench.format_values((bench.mean(), bench.stdev())))
        lines.append('Maximum: %s' % bench.format_value(max(values)))
        lines.append('')
        return lines

    def _display_result(self, bench):
        args = self.args
        lines = []
        if args.metadata:
            lines.append('Metadata:')
            for name, value in sorted(bench.get_metadata().items()):
                lines.append('- %s: %s' % (name, format_metadata(name, value)))
            lines.append('')
        if args.dump:
            lines.extend(self._format_runs(bench))
        if args.stats:
            lines.extend(self._format_stats(bench))
        if not args.quiet:
            lines.extend(self._format_checks(bench))
        text = self._format_result_value(bench)
        if self._show_name:
            text = '%s: %s' % (bench.get_name(), text)
        lines.append(text)
        for line in lines:
            print(line)
        sys.stdout.flush()
        if self._jit_note and not args.quiet and self._worker_task == 0:
            print('note: --jit=%s was not switched (%s); the JIT already is %s'
                  % (self._jit_requested, self._jit_note, jit_state()))
        if args.append:
            add_runs(args.append, bench)
        if args.output:
            if self._worker_task >= 1:
                add_runs(args.output, bench)
            else:
                bench.dump(args.output)

    # ---------------------------------------------------------------- public API
    @staticmethod
    def _no_keyword_argument(kwargs):
        if kwargs:
            raise TypeError('unexpected keyword argument %s' % ', '.join(map(repr, sorted(kwargs))))

    def bench_time_func(self, name, time_func, *args, **kwargs):
        """Benchmark time_func(loops, *args), which returns the time taken by loops iterations."""
        inner_loops = kwargs.pop('inner_loops', None)
        metadata = kwargs.pop('metadata', None)
        self._no_keyword_argument(kwargs)
        self.parse_args()

        def task_func(loops):
            return time_func(loops, *args)
        return self._run_task(name, task_func, inner_loops, metadata)

    def bench_func(self, name, func, *args, **kwargs):
        """Benchmark func(*args)."""
        inner_loops = kwargs.pop('inner_loops', None)
        metadata = kwargs.pop('metadata', None)
        self._no_keyword_argument(kwargs)
        self.parse_args()
        if args:
            call_args = args

            def local_func():
                return func(*call_args)
        else:
            local_func = func

        def task_func(loops):
            timer = time.perf_counter
            f = local_func
            if loops != 1:
                it = range(loops)
                t0 = timer()
                for _ in it:
                    f()
                return timer() - t0
            t0 = timer()
            f()
            return timer() - t0
        return self._run_task(name, task_func, inner_loops, metadata)

    def bench_async_func(self, name, func, *args, **kwargs):
        raise NotImplementedError('Runner.bench_async_func() needs asyncio, which this interpreter '
                                  'does not provide')

    def timeit(self, name, stmt=None, setup='pass', teardown='pass', inner_loops=None,
               duplicate=None, metadata=None, globals=None):
        """Benchmark a statement (str, compiled into a loop like the timeit module does, or a
        callable), with setup and teardown run around every timed loop."""
        self.parse_args()
        if stmt is None:
            stmt = name
        from pyperf._timeit import make_timer
        time_func, inner_loops = make_timer(stmt, setup, teardown, inner_loops, duplicate, globals)
        return self._run_task(name, time_func, inner_loops, metadata)

    def bench_command(self, name, command):
        raise NotImplementedError('Runner.bench_command() runs a program in worker processes; this '
                                  'in-process pyperf (no subprocess module) cannot: benchmark the '
                                  'command with pyperf on CPython, or time a Python function with '
                                  'bench_func()')
