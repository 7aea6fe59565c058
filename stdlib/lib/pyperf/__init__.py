"""pyperf: write and run benchmarks, the pyperf way (a pyperf-compatible module built into Krait).

    import pyperf
    runner = pyperf.Runner()
    runner.bench_func('fib', fib, 20)

runs unmodified on Krait and on CPython or PyPy with the real pyperf, so the same pyperformance-style
file compares the interpreters: `krait bench.py -o krait.json --fast`, `python3 bench.py -o
cpython.json --fast`, then `python3 -m pyperf compare_to cpython.json krait.json`.

This implementation runs every benchmark in the calling process (pyperf spawns worker processes;
Krait has no subprocess module): Runner.bench_func, bench_time_func and timeit calibrate the loops,
run the warmups and values of each run, print 'NAME: Mean +- std dev: ...' and write pyperf's JSON
format (version 1.0) with -o/--append. --jit=on|off switches Krait's JIT for the run and every run
records "jit": "on"/"off" in its metadata. Benchmark, BenchmarkSuite and Run read and write the
same files."""
from time import perf_counter

from pyperf._formatter import (format_timedelta, format_timedeltas, format_seconds, format_number,
                               format_filesize, format_value, format_values)
from pyperf._metadata import python_implementation, python_has_jit, format_metadata
from pyperf._bench import Run, Benchmark, BenchmarkSuite, add_runs
from pyperf._runner import Runner

VERSION = (2, 9, 0)
__version__ = '2.9.0+krait'

__all__ = ['VERSION', '__version__', 'perf_counter', 'Run', 'Benchmark', 'BenchmarkSuite',
           'add_runs', 'Runner', 'python_implementation', 'python_has_jit', 'format_metadata',
           'format_timedelta', 'format_timedeltas', 'format_seconds', 'format_number',
           'format_filesize', 'format_value', 'format_values']
