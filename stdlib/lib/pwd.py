"""pwd: the password database (getpwuid, getpwnam, getpwall) as struct_passwd tuples.

The lookups are the C library's (stdlib/pwdgrpmodule.c); messages follow CPython 3.13."""

import _pwdgrp
import _structseq

__all__ = ['getpwuid', 'getpwnam', 'getpwall', 'struct_passwd']

struct_passwd = _structseq.make('pwd', 'struct_passwd',
                                ('pw_name', 'pw_passwd', 'pw_uid', 'pw_gid', 'pw_gecos',
                                 'pw_dir', 'pw_shell'))


def getpwuid(uid, /):
    if not isinstance(uid, int):
        raise TypeError('uid should be integer, not %s' % type(uid).__name__)
    uid = int(uid)
    if uid < -1 or uid > 0xFFFFFFFF:
        raise KeyError('getpwuid(): uid not found')
    entry = _pwdgrp.getpwuid(uid)
    if entry is None:
        raise KeyError('getpwuid(): uid not found: %d' % uid)
    return struct_passwd(entry)


def getpwnam(name, /):
    if not isinstance(name, str):
        raise TypeError('getpwnam() argument must be str, not %s' % type(name).__name__)
    entry = _pwdgrp.getpwnam(name)
    if entry is None:
        raise KeyError('getpwnam(): name not found: %r' % (name,))
    return struct_passwd(entry)


def getpwall():
    return [struct_passwd(e) for e in _pwdgrp.getpwall()]
