"""Run, Benchmark and BenchmarkSuite: benchmark results and pyperf's JSON file format (version 1.0).

File layout: {"version": "1.0", "metadata": {common to every benchmark}, "benchmarks": [{"metadata":
{common to the benchmark's runs}, "runs": [{"metadata": {...}, "warmups": [[loops, value], ...],
"values": [...]}]}]}. Values and warmup values are seconds per loop iteration (raw time divided by
loops * inner_loops)."""
import math
import os
import statistics
import sys

from pyperf._formatter import DEFAULT_UNIT, format_values
from pyperf._metadata import NUMBER_TYPES, parse_metadata, common_metadata, exclude_common_metadata

_JSON_VERSION = '1.0'
_JSON_MAP_VERSION = {5: (0, 8, 3), 6: (0, 9, 6), '1.0': (1, 0)}

# every run of a benchmark must agree on these
_CHECKED_METADATA = ('cpu_count', 'cpu_model_name', 'hostname', 'inner_loops', 'name', 'platform',
                     'python_executable', 'python_implementation', 'python_version', 'unit')


def _is_number(value):
    return isinstance(value, NUMBER_TYPES) and not isinstance(value, bool)


def _check_warmups(warmups):
    for item in warmups:
        if not isinstance(item, tuple) or len(item) != 2:
            return False
        loops, value = item
        if not isinstance(loops, int) or loops < 1:
            return False
        if not _is_number(value) or value < 0:
            return False
    return True


class Run(object):
    """The values (and warmups) of one worker process, with its metadata. Immutable."""

    __slots__ = ('_warmups', '_values', '_metadata')

    def __init__(self, values, warmups=None, metadata=None, collect_metadata=True):
        if any(not (_is_number(value) and value > 0) for value in values):
            raise ValueError('values must be a sequence of number > 0.0')
        if warmups is not None:
            warmups = [tuple(item) for item in warmups]
            if not _check_warmups(warmups):
                raise ValueError('warmups must be a sequence of (loops, value) where loops is a int '
                                 '>= 1 and value is a float >= 0.0')
        self._warmups = tuple(warmups) if warmups else None
        self._values = tuple(values)
        if not self._values and not self._warmups:
            raise ValueError('values and warmups are empty sequence')
        if collect_metadata:
            from pyperf._metadata import collect_metadata as collect
            collected = collect()
            if metadata is not None:
                collected.update(metadata)
            metadata = collected
        self._metadata = parse_metadata(metadata) if metadata else {}

    def _replace(self, values=None, warmups=True, metadata=None):
        run = Run(self._values if values is None else values,
                  warmups=self._warmups if warmups else None, collect_metadata=False)
        run._metadata = self._metadata if metadata is None else metadata
        return run

    def _is_calibration(self):
        return not self._values

    def _has_metadata(self, name):
        return name in self._metadata

    def _get_name(self):
        return self._metadata.get('name', None)

    def get_metadata(self):
        return dict(self._metadata)

    @property
    def warmups(self):
        return self._warmups if self._warmups else ()

    @property
    def values(self):
        return self._values

    def get_loops(self):
        return self._metadata.get('loops', 1)

    def get_inner_loops(self):
        return self._metadata.get('inner_loops', 1)

    def get_total_loops(self):
        return self.get_loops() * self.get_inner_loops()

    def _get_raw_values(self, warmups=False):
        raw_values = []
        if warmups and self._warmups:
            inner_loops = self.get_inner_loops()
            raw_values.extend(value * (loops * inner_loops) for loops, value in self._warmups)
        total_loops = self.get_total_loops()
        raw_values.extend(value * total_loops for value in self._values)
        return raw_values

    def _get_duration(self):
        duration = self._metadata.get('duration', None)
        if duration is not None:
            return duration
        return math.fsum(self._get_raw_values(warmups=True))

    def _as_json(self, common):
        data = {}
        if self._warmups:
            data['warmups'] = [list(item) for item in self._warmups]
        if self._values:
            data['values'] = list(self._values)
        metadata = exclude_common_metadata(self._metadata, common)
        if metadata:
            data['metadata'] = metadata
        return data

    @classmethod
    def _json_load(cls, version, run_data, common):
        metadata = run_data.get('metadata', {})
        if common:
            metadata = dict(common, **metadata)
        warmups = run_data.get('warmups', None)
        if warmups:
            if version >= (1, 0):
                warmups = [tuple(item) for item in warmups]
            else:
                inner_loops = metadata.get('inner_loops', 1)
                warmups = [(loops, raw_value / (loops * inner_loops)) for loops, raw_value in warmups]
        if version >= (0, 9, 6):
            values = run_data.get('values', ())
        else:
            values = run_data['samples']
        return cls(values, warmups=warmups, metadata=metadata, collect_metadata=False)

    def _update_metadata(self, metadata):
        if 'inner_loops' in metadata:
            inner_loops = self._metadata.get('inner_loops', None)
            if inner_loops is not None and metadata['inner_loops'] != inner_loops:
                raise ValueError('inner_loops metadata cannot be modified')
        merged = dict(self._metadata)
        merged.update(metadata)
        return self._replace(metadata=merged)

    def __repr__(self):
        return '<Run with %s values, %s warmups>' % (len(self._values), len(self.warmups))


def _percentile(values, p):
    """Linear interpolation between the closest ranks (p in [0, 1])."""
    values = sorted(values)
    if not values:
        raise ValueError('no value')
    k = (len(values) - 1) * p
    f = math.floor(k)
    c = math.ceil(k)
    if f == c:
        return values[int(k)]
    return values[int(f)] * (c - k) + values[int(c)] * (k - f)


def _median_abs_dev(values):
    median = statistics.median(values)
    return statistics.median([abs(median - value) for value in values])


class Benchmark(object):
    """The runs of one named benchmark."""

    def __init__(self, runs):
        self._runs = []
        self._clear_runs_cache()
        if not runs:
            raise ValueError('runs must be a non-empty sequence of Run objects')
        if not runs[0]._has_metadata('name'):
            raise ValueError('A benchmark must have a name: the first run has no name metadata')
        for run in runs:
            self.add_run(run)

    def __repr__(self):
        return '<Benchmark %r with %s runs>' % (self.get_name(), len(self._runs))

    def _clear_runs_cache(self, keep_common_metadata=False):
        self._values = None
        self._mean = None
        self._stdev = None
        self._median = None
        if not keep_common_metadata:
            self._common_metadata = None

    def get_name(self):
        return self._runs[0]._get_name()

    def _get_common_metadata(self):
        if self._common_metadata is None:
            self._common_metadata = common_metadata([run._metadata for run in self._runs])
        return self._common_metadata

    def get_metadata(self):
        return dict(self._get_common_metadata())

    def get_total_duration(self):
        return math.fsum(run._get_duration() for run in self._runs)

    def _get_run_property(self, get_property):
        values = [get_property(run) for run in self._runs if not run._is_calibration()]
        if not values:
            values = [get_property(run) for run in self._runs]
        if len(set(values)) == 1:
            return values[0]
        return math.fsum(values) / len(values)

    def _get_nwarmup(self):
        return self._get_run_property(lambda run: len(run.warmups))

    def _get_nvalue_per_run(self):
        return self._get_run_property(lambda run: len(run.values))

    def get_loops(self):
        return self._get_run_property(lambda run: run.get_loops())

    def get_inner_loops(self):
        return self._get_run_property(lambda run: run.get_inner_loops())

    def get_total_loops(self):
        return self._get_run_property(lambda run: run.get_total_loops())

    def mean(self):
        if self._mean is None:
            self._mean = statistics.mean(self.get_values())
        return self._mean

    def stdev(self):
        if self._stdev is None:
            self._stdev = statistics.stdev(self.get_values())
        return self._stdev

    def median(self):
        if self._median is None:
            self._median = statistics.median(self.get_values())
        return self._median

    def median_abs_dev(self):
        return _median_abs_dev(self.get_values())

    def percentile(self, p):
        if not (0 <= p <= 100):
            raise ValueError('p must be in the range [0; 100]')
        return _percentile(self.get_values(), p / 100.0)

    def add_run(self, run):
        if not isinstance(run, Run):
            raise TypeError('Run expected, got %s' % type(run).__name__)
        if self._runs:
            metadata = self._get_common_metadata()
            for key in _CHECKED_METADATA:
                value = metadata.get(key, None)
                run_value = run._metadata.get(key, None)
                if run_value != value:
                    raise ValueError('incompatible benchmark, metadata %s is different: current=%s, '
                                     'run=%s' % (key, value, run_value))
        if self._common_metadata is not None:
            for name, value in list(self._common_metadata.items()):
                if run._metadata.get(name, None) != value:
                    del self._common_metadata[name]
        self._clear_runs_cache(keep_common_metadata=True)
        self._runs.append(run)

    def add_runs(self, benchmark):
        if not isinstance(benchmark, Benchmark):
            raise TypeError('expected Benchmark, got %s' % type(benchmark).__name__)
        if benchmark is self:
            raise ValueError('cannot add a benchmark to itself')
        for run in benchmark._runs:
            self.add_run(run)

    def get_unit(self):
        return self._runs[0]._metadata.get('unit', DEFAULT_UNIT)

    def format_values(self, values):
        return format_values(self.get_unit(), values)

    def format_value(self, value):
        return self.format_values((value,))[0]

    def get_nrun(self):
        return len(self._runs)

    def get_runs(self):
        return list(self._runs)

    def get_nvalue(self):
        return len(self.get_values())

    def get_values(self):
        if self._values is None:
            values = []
            for run in self._runs:
                values.extend(run.values)
            self._values = tuple(values)
        return self._values

    def _get_raw_values(self, warmups=False):
        raw_values = []
        for run in self._runs:
            raw_values.extend(run._get_raw_values(warmups))
        return raw_values

    def _only_calibration(self):
        return all(run._is_calibration() for run in self._runs)

    def update_metadata(self, metadata):
        metadata = parse_metadata(metadata)
        if metadata:
            self._runs[:] = [run._update_metadata(metadata) for run in self._runs]
            self._clear_runs_cache()
        return self

    @classmethod
    def _json_load(cls, version, data, suite_metadata):
        if version >= (0, 9, 6):
            metadata = data.get('metadata', {})
        else:
            metadata = data.get('common_metadata', {})
        metadata = parse_metadata(metadata)
        if suite_metadata:
            metadata = dict(suite_metadata, **metadata)
        runs = [Run._json_load(version, run_data, metadata) for run_data in data['runs']]
        return cls(runs)

    def _as_json(self, suite_metadata):
        metadata = self._get_common_metadata()
        common = dict(metadata, **suite_metadata)
        data = {'runs': [run._as_json(common) for run in self._runs]}
        metadata = exclude_common_metadata(metadata, suite_metadata)
        if metadata:
            data['metadata'] = metadata
        return data

    @staticmethod
    def load(file):
        benchmarks = BenchmarkSuite.load(file).get_benchmarks()
        if len(benchmarks) != 1:
            raise ValueError('expected 1 benchmark, got %s' % len(benchmarks))
        return benchmarks[0]

    @staticmethod
    def loads(string):
        benchmarks = BenchmarkSuite.loads(string).get_benchmarks()
        if len(benchmarks) != 1:
            raise ValueError('expected 1 benchmark, got %s' % len(benchmarks))
        return benchmarks[0]

    def dump(self, file, compact=True, replace=False):
        BenchmarkSuite([self]).dump(file, compact=compact, replace=replace)


class BenchmarkSuite(object):
    """A list of benchmarks with distinct names: the content of one JSON file."""

    def __init__(self, benchmarks, filename=None):
        if not benchmarks:
            raise ValueError('benchmarks must be a non-empty sequence of Benchmark objects')
        self.filename = filename
        self._benchmarks = []
        for benchmark in benchmarks:
            self.add_benchmark(benchmark)

    def get_benchmark_names(self):
        return [bench.get_name() for bench in self]

    def get_metadata(self):
        return common_metadata([bench._get_common_metadata() for bench in self._benchmarks])

    def __len__(self):
        return len(self._benchmarks)

    def __iter__(self):
        return iter(self._benchmarks)

    def _add_benchmark_runs(self, benchmark):
        try:
            existing = self.get_benchmark(benchmark.get_name())
        except KeyError:
            self.add_benchmark(benchmark)
        else:
            existing.add_runs(benchmark)

    def add_runs(self, result):
        if isinstance(result, Benchmark):
            self._add_benchmark_runs(result)
        elif isinstance(result, BenchmarkSuite):
            for benchmark in result:
                self._add_benchmark_runs(benchmark)
        else:
            raise TypeError('expect Benchmark or BenchmarkSuite, got %s' % type(result).__name__)

    def get_benchmark(self, name):
        for bench in self._benchmarks:
            if bench.get_name() == name:
                return bench
        raise KeyError('there is no benchmark called %r' % name)

    def get_benchmarks(self):
        return list(self._benchmarks)

    def add_benchmark(self, benchmark):
        if benchmark in self._benchmarks:
            raise ValueError('benchmark already part of the suite')
        name = benchmark.get_name()
        if name:
            try:
                self.get_benchmark(name)
            except KeyError:
                pass
            else:
                raise ValueError('the suite has already a benchmark called %r' % name)
        self._benchmarks.append(benchmark)

    def get_total_duration(self):
        return math.fsum(benchmark.get_total_duration() for benchmark in self)

    @classmethod
    def _json_load(cls, filename, data):
        version = data.get('version')
        version_info = _JSON_MAP_VERSION.get(version)
        if not version_info:
            raise ValueError('file format version %r not supported' % version)
        if version_info >= (0, 9, 6):
            metadata = data.get('metadata', {})
            metadata = parse_metadata(metadata) if metadata is not None else {}
        else:
            metadata = {}
        benchmarks = [Benchmark._json_load(version_info, bench_data, metadata)
                      for bench_data in data['benchmarks']]
        return cls(benchmarks, filename=filename)

    @classmethod
    def load(cls, file):
        import json
        if isinstance(file, str):
            if file != '-':
                filename = file
                if filename.endswith('.gz'):
                    raise ValueError('gzip-compressed files are not supported here: %r' % filename)
                with open(filename, 'r', encoding='utf-8') as fp:
                    data = json.loads(fp.read())
            else:
                filename = '<stdin>'
                data = json.loads(sys.stdin.read())
        else:
            filename = getattr(file, 'name', None)
            data = json.loads(file.read())
        return cls._json_load(filename, data)

    @classmethod
    def loads(cls, string):
        import json
        return cls._json_load(None, json.loads(string))

    def _as_json(self):
        metadata = self.get_metadata()
        data = {'version': _JSON_VERSION,
                'benchmarks': [benchmark._as_json(metadata) for benchmark in self._benchmarks]}
        if metadata:
            data['metadata'] = metadata
        return data

    def dump(self, file, compact=True, replace=False):
        import json
        if compact:
            text = json.dumps(self._as_json(), sort_keys=True, separators=(',', ':'))
        else:
            text = json.dumps(self._as_json(), sort_keys=True, indent=4)
        if isinstance(file, str):
            if not replace and os.path.exists(file):
                raise FileExistsError(17, 'File already exists')
            if file.endswith('.gz'):
                raise ValueError('gzip-compressed files are not supported here: %r' % file)
            with open(file, 'w', encoding='utf-8') as fp:
                fp.write(text)
                fp.write('\n')
        else:
            file.write(text)
            file.write('\n')
            flush = getattr(file, 'flush', None)
            if flush is not None:
                flush()


def add_runs(filename, result):
    """Add the runs of a Benchmark or BenchmarkSuite to the JSON file (created if missing)."""
    if os.path.exists(filename):
        suite = BenchmarkSuite.load(filename)
        suite.add_runs(result)
        suite.dump(filename, replace=True)
    else:
        result.dump(filename)
