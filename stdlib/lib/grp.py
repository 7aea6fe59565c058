"""grp: the group database (getgrgid, getgrnam, getgrall) as struct_group tuples.

The lookups are the C library's (stdlib/pwdgrpmodule.c); messages follow CPython 3.13."""

import _pwdgrp
import _structseq

__all__ = ['getgrgid', 'getgrnam', 'getgrall', 'struct_group']

struct_group = _structseq.make('grp', 'struct_group', ('gr_name', 'gr_passwd', 'gr_gid', 'gr_mem'))


def getgrgid(id, /):
    if not isinstance(id, int):
        raise TypeError('gid should be integer, not %s' % type(id).__name__)
    gid = int(id)
    if gid > 0xFFFFFFFF:
        raise OverflowError('gid is greater than maximum')
    if gid < -1:
        raise OverflowError('gid is less than minimum')
    entry = _pwdgrp.getgrgid(gid)
    if entry is None:
        raise KeyError('getgrgid(): gid not found: %d' % gid)
    return struct_group(entry)


def getgrnam(name, /):
    if not isinstance(name, str):
        raise TypeError('getgrnam() argument 1 must be str, not %s' % type(name).__name__)
    entry = _pwdgrp.getgrnam(name)
    if entry is None:
        raise KeyError('getgrnam(): name not found: %r' % (name,))
    return struct_group(entry)


def getgrall():
    return [struct_group(e) for e in _pwdgrp.getgrall()]
