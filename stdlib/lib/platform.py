"""platform: identify the interpreter and the machine."""
import sys
import posix as _posix


def python_implementation():
    return 'Krait'


def python_version():
    v = sys.version_info
    return '%d.%d.%d' % (v[0], v[1], v[2])


def python_version_tuple():
    v = sys.version_info
    return (str(v[0]), str(v[1]), str(v[2]))


def python_compiler():
    return 'GCC'


def python_build():
    return ('krait', '')


def _read(path, default=''):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return default


def system():
    return 'Linux'


def node():
    return _read('/proc/sys/kernel/hostname')


def release():
    return _read('/proc/sys/kernel/osrelease')


def version():
    return _read('/proc/sys/kernel/version')


def machine():
    return 'x86_64'


def processor():
    return ''


def architecture(executable=None, bits='', linkage=''):
    return ('64bit', 'ELF')


def uname():
    return (system(), node(), release(), version(), machine())


def platform(aliased=False, terse=False):
    if terse:
        return system() + '-' + release()
    return system() + '-' + release() + '-' + machine() + '-with-glibc'
