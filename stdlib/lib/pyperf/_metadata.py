"""Benchmark metadata: collection of the run environment, validation and the common-metadata helpers
used to write pyperf's JSON format."""
import os
import sys
import time

NUMBER_TYPES = (int, float)


def python_implementation():
    """'Krait' on Krait; pyperf's lower-case name (sys.implementation.name) elsewhere."""
    name = sys.implementation.name
    if name == 'krait':
        return 'Krait'
    return name


def python_has_jit():
    """True when a JIT compiles hot code in this process (Krait's or CPython's sys._jit, PyPy)."""
    jit = getattr(sys, '_jit', None)
    if jit is not None:
        try:
            return bool(jit.is_enabled())
        except Exception:
            return False
    return sys.implementation.name == 'pypy'


def jit_state():
    """'on' or 'off': whether this process runs with a JIT."""
    jit = getattr(sys, '_jit', None)
    if jit is not None:
        try:
            return 'on' if jit.is_enabled() else 'off'
        except Exception:
            return 'off'
    if sys.implementation.name == 'pypy':
        return 'on'
    if sys.implementation.name == 'krait':
        return 'off' if os.environ.get('KRAIT_JIT', '1') == '0' else 'on'
    return 'off'


def format_date(t=None):
    """Local time as pyperf writes dates: 'YYYY-MM-DD HH:MM:SS.ffffff'."""
    if t is None:
        t = time.time()
    micro = int((t - int(t)) * 1e6)
    return time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(t)) + '.%06d' % micro


def _read_first_line(path):
    try:
        with open(path) as fp:
            return fp.readline().strip()
    except (OSError, ValueError):
        return None


def _cpu_model_name():
    try:
        with open('/proc/cpuinfo') as fp:
            for line in fp:
                if line.startswith('model name'):
                    return line.partition(':')[2].strip()
    except (OSError, ValueError):
        pass
    return None


def collect_metadata():
    """The metadata of the current process and machine, as pyperf records it for every run."""
    from pyperf import __version__
    metadata = {}
    metadata['perf_version'] = __version__
    metadata['date'] = format_date()
    metadata['python_implementation'] = python_implementation()
    v = sys.version_info
    metadata['python_version'] = '%d.%d.%d (64-bit)' % (v[0], v[1], v[2])
    if sys.implementation.name == 'krait':
        iv = sys.implementation.version
        metadata['krait_version'] = '%d.%d.%d' % (iv[0], iv[1], iv[2])
    if sys.executable:
        metadata['python_executable'] = sys.executable
    metadata['jit'] = jit_state()
    metadata['timer'] = 'time.perf_counter()'
    try:
        import platform
        metadata['platform'] = platform.platform()
        hostname = platform.node()
        if hostname:
            metadata['hostname'] = hostname
    except Exception:
        metadata['platform'] = sys.platform
    cpu_count = getattr(os, 'cpu_count', None)
    if cpu_count is not None:
        count = cpu_count()
        if count:
            metadata['cpu_count'] = count
    model = _cpu_model_name()
    if model:
        metadata['cpu_model_name'] = model
    load = _read_first_line('/proc/loadavg')
    if load:
        try:
            metadata['load_avg_1min'] = float(load.split()[0])
        except (ValueError, IndexError):
            pass
    return metadata


def parse_metadata(metadata):
    """Check a metadata dict: names are non-empty str, values str (one line), int or float."""
    result = {}
    for name, value in metadata.items():
        if not isinstance(name, str) or not name:
            raise TypeError('metadata name must be a non-empty string, got %r' % (name,))
        if isinstance(value, bool) or not isinstance(value, (str,) + NUMBER_TYPES):
            raise ValueError('invalid metadata %s value type: %s' % (name, type(value).__name__))
        if isinstance(value, str):
            value = value.strip()
            if not value:
                raise ValueError('metadata %s value is empty' % name)
            if '\n' in value or '\r' in value:
                raise ValueError('metadata %s value contains a newline' % name)
        result[name] = value
    return result


def common_metadata(metadatas):
    """The items present with the same value in every dict of metadatas."""
    if not metadatas:
        return {}
    common = dict(metadatas[0])
    for metadata in metadatas[1:]:
        for name in list(common):
            if name not in metadata or metadata[name] != common[name]:
                del common[name]
    return common


def exclude_common_metadata(metadata, common):
    if not common:
        return dict(metadata)
    return {name: value for name, value in metadata.items()
            if name not in common or common[name] != value}


def format_metadata(name, value):
    """Human readable metadata value (durations and counts get units)."""
    if name in ('duration', 'mem_max_rss') and isinstance(value, NUMBER_TYPES):
        if name == 'duration':
            from pyperf._formatter import format_seconds
            return format_seconds(value)
        from pyperf._formatter import format_filesize
        return format_filesize(value)
    if name in ('loops', 'inner_loops', 'calibrate_loops') and isinstance(value, int):
        from pyperf._formatter import format_number
        return format_number(value)
    return str(value)
