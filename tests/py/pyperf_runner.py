# pyperf (Krait's built-in, in-process pyperf): Runner.bench_func / bench_time_func / timeit, loop
# calibration, the JSON file written with -o and read back with json and BenchmarkSuite.load, and the
# formatting helpers. Only deterministic things are printed: timings go through a fake clock
# (bench_time_func returning loops * 1 ms) or are checked for shape only.
#
# CPython 3.13 has no pyperf, so this test's .out is NOT made by tests/gen_expected.sh: it was made by
# running CPython 3.13 on this file with only a copy of Krait's pyperf package on the path, in
# gen_expected.sh's environment (the argparse module is CPython's own there):
#   d=$(mktemp -d) && cp -r stdlib/lib/pyperf "$d"/ && env -i PATH="$PATH" HOME=/root LC_ALL=C.UTF-8 \
#     PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 PYTHON_COLORS=0 PYTHONPATH="$d" \
#     /root/.pyenv/versions/3.13.0/bin/python3 tests/py/pyperf_runner.py > tests/py/pyperf_runner.out
import json
import os
import sys
import pyperf

out_file = '/tmp/krait_pyperf_runner_%d.json' % os.getpid()
copy_file = out_file + '.copy'
for name in (out_file, copy_file):
    if os.path.exists(name):
        os.remove(name)

sys.argv = ['pyperf_runner.py', '--quiet', '--processes', '2', '--values', '3', '--loops', '4',
            '-w', '1', '--min-time', '0.01', '-o', out_file]


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass

    def lines(self):
        return ''.join(self.parts).splitlines()


def quietly(func, *args, **kwargs):
    """Run func with stdout captured; return (result, captured lines)."""
    cap = Capture()
    saved = sys.stdout
    sys.stdout = cap
    try:
        result = func(*args, **kwargs)
    finally:
        sys.stdout = saved
    return result, cap.lines()


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def fake_clock(loops, per_loop=0.001):
    # a "measurement" that takes exactly 1 ms per loop: deterministic values
    return loops * per_loop


runner = pyperf.Runner()
print(type(runner.argparser).__name__, runner.argparser.prog)
args = runner.parse_args()
print('args:', args.processes, args.values, args.loops, args.warmups, args.min_time, args.quiet,
      args.fast, args.output == out_file, args.jit)
runner.metadata['suite'] = 'golden'

# bench_func: 2 runs x 3 values, 4 loops, 1 warmup per run
bench, lines = quietly(runner.bench_func, 'fib', fib, 12)
print(type(bench).__name__, repr(bench))
print('name', bench.get_name(), 'runs', bench.get_nrun(), 'values', bench.get_nvalue(),
      'loops', bench.get_loops(), 'inner', bench.get_inner_loops())
values = bench.get_values()
print('all positive', all(v > 0 for v in values), 'mean > 0', bench.mean() > 0,
      'median > 0', bench.median() > 0, 'stdev >= 0', bench.stdev() >= 0)
print('result line', len(lines), lines[0].startswith('fib: Mean +- std dev: '))
for run in bench.get_runs():
    print('  run: values', len(run.values), 'warmups', [loops for loops, v in run.warmups],
          'loops', run.get_loops())
meta = bench.get_metadata()
for key in ('name', 'unit', 'loops', 'python_implementation', 'python_version', 'platform', 'jit',
            'perf_version', 'timer', 'suite'):
    print('  metadata', key, key in meta)
print('  unit', meta['unit'], 'suite', meta['suite'], 'jit', meta['jit'] in ('on', 'off'))
print('  cpu_count', meta.get('cpu_count', os.cpu_count()) == os.cpu_count())
print('  implementation', meta['python_implementation'] == pyperf.python_implementation())

# bench_time_func with a fake clock: exact values and the printed result line
bench, lines = quietly(runner.bench_time_func, 'fake', fake_clock, metadata={'kind': 'fake'})
print(lines)
print(bench.get_values(), bench.format_value(bench.mean()), bench.get_metadata()['kind'])

# inner_loops divides the values
bench, lines = quietly(runner.bench_time_func, 'fake_inner', fake_clock, 0.005, inner_loops=5)
print(lines, bench.get_inner_loops(), bench.get_total_loops())

# loop calibration (loops=0): 1, 2, 4, 8, 16 loops until a value takes >= min_time (10 ms)
args.loops = 0
bench, lines = quietly(runner.bench_time_func, 'calibrated', fake_clock)
calibration = bench.get_runs()[0]
print('calibration', [loops for loops, v in calibration.warmups],
      calibration.get_metadata()['calibrate_loops'], 'runs', bench.get_nrun(),
      'loops', [run.get_loops() for run in bench.get_runs()[1:]])
args.loops = 4

# timeit: statement strings with a setup, callables, duplicate
counter = []
bench, lines = quietly(runner.timeit, 'sort', 'sorted(data)', setup='data = list(range(50))[::-1]')
print('timeit str', bench.get_nvalue(), lines[0].startswith('sort: Mean +- std dev: '))
bench, lines = quietly(runner.timeit, 'callable', stmt=lambda: counter.append(1),
                       setup=lambda: counter.clear())
print('timeit callable', bench.get_nvalue(), len(counter))
bench, lines = quietly(runner.timeit, 'dup', 'x = 1 + 2', duplicate=3, inner_loops=2)
print('timeit duplicate inner_loops', bench.get_inner_loops())
bench, lines = quietly(runner.timeit, 'globals', 'fib(5)', globals={'fib': fib})
print('timeit globals', bench.get_nvalue())
bench, lines = quietly(runner.timeit, 'multi', 'y = 0\nfor i in range(3):\n    y += i',
                       setup='import math\nz = 1', teardown='del z')
print('timeit multiline', bench.get_nvalue())

# errors
for call in (lambda: runner.bench_func('fib', fib, 3),
             lambda: runner.bench_command('cmd', ['true']),
             lambda: runner.bench_func('kw', fib, 3, bogus=1),
             lambda: pyperf.Runner()):
    try:
        quietly(call)
    except (ValueError, NotImplementedError, TypeError, RuntimeError) as exc:
        print(type(exc).__name__, str(exc)[:60])

# the JSON file written with -o holds every benchmark of the runner
with open(out_file) as fp:
    data = json.load(fp)
print(sorted(data), data['version'], len(data['benchmarks']))
names = []
for b in data['benchmarks']:
    merged = dict(data.get('metadata', {}))
    merged.update(b.get('metadata', {}))
    names.append(merged['name'])
    for run in b['runs']:
        run_meta = dict(merged)
        run_meta.update(run.get('metadata', {}))
        assert set(run) <= {'metadata', 'warmups', 'values'}, run
        assert all(len(w) == 2 and w[0] >= 1 for w in run.get('warmups', []))
        assert 'date' in run_meta and 'loops' in run_meta and run_meta['unit'] == 'second'
    print(' ', merged['name'], len(b['runs']), sum(len(r.get('values', [])) for r in b['runs']),
          'calibration' if any('calibrate_loops' in r.get('metadata', {}) for r in b['runs']) else '-')
print(data['metadata']['suite'], data['metadata']['python_implementation'] == pyperf.python_implementation())

# read back with BenchmarkSuite / Benchmark, write a copy and read it again
suite = pyperf.BenchmarkSuite.load(out_file)
print(len(suite), suite.get_benchmark_names() == names)
fake = suite.get_benchmark('fake')
print(fake.get_values(), fake.mean(), fake.median(), fake.stdev(), fake.get_unit())
fake.dump(copy_file)
again = pyperf.Benchmark.load(copy_file)
print(again.get_name(), again.get_values() == fake.get_values(), again.get_nrun())
try:
    fake.dump(copy_file)
except OSError as exc:
    print('dump over an existing file:', type(exc).__name__)
fake.dump(copy_file, replace=True)
pyperf.add_runs(copy_file, suite.get_benchmark('fake_inner'))
print(pyperf.BenchmarkSuite.load(copy_file).get_benchmark_names())

# a benchmark file made by hand
text = json.dumps({'version': '1.0', 'metadata': {'unit': 'second'}, 'benchmarks': [
    {'metadata': {'name': 'hand', 'loops': 8},
     'runs': [{'warmups': [[8, 0.5]], 'values': [1.0, 2.0, 3.0]},
              {'values': [4.0, 6.0], 'metadata': {'date': '2024-01-01 00:00:00'}}]}]})
hand = pyperf.Benchmark.loads(text)
print(hand, hand.get_nvalue(), hand.mean(), hand.median(), round(hand.stdev(), 6),
      hand.percentile(50), hand.get_loops(), hand.get_total_duration())
print(hand.format_values((hand.mean(), hand.stdev())), hand.get_metadata())
run = pyperf.Run([0.25, 0.5], warmups=[(1, 0.3)], metadata={'name': 'r', 'loops': 2},
                 collect_metadata=False)
print(run.values, run.warmups, run.get_loops(), run.get_total_loops(), sorted(run.get_metadata()))
for bad in ([0.0], [-1.0]):
    try:
        pyperf.Run(bad, collect_metadata=False)
    except ValueError as exc:
        print('ValueError', exc)
try:
    pyperf.BenchmarkSuite.loads('{"version": "9", "benchmarks": []}')
except ValueError as exc:
    print('ValueError', exc)

# formatting helpers
print([pyperf.format_timedelta(v) for v in (1.5, 0.25, 0.0123, 4.56e-4, 7.8e-7, 9e-9, 12.0, 150.0)])
print(pyperf.format_timedeltas((0.0123, 0.0004)), pyperf.format_seconds(0), pyperf.format_seconds(0.5),
      pyperf.format_seconds(75.5), pyperf.format_seconds(3 * 3600 + 61))
print(pyperf.format_number(3), pyperf.format_number(1, 'loop'), pyperf.format_number(4, 'loop'),
      pyperf.format_number(10 ** 6), pyperf.format_number(2 ** 20), pyperf.format_number(12345))
print(pyperf.format_filesize(100), pyperf.format_filesize(20 * 1024), pyperf.format_filesize(50 * 1024 * 1024))
print(pyperf.perf_counter() > 0, callable(pyperf.perf_counter), pyperf.VERSION >= (2, 0))

os.remove(out_file)
os.remove(copy_file)
