"""time: clocks and broken-down times. The clocks and conversions are C (_time); struct_time and the
formatting helpers are here."""
from _time import *
from _time import _gmtime, _localtime, _mktime, _strftime, timezone, altzone, daylight, tzname

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')
_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')


class struct_time:
    """The time value returned by gmtime() and localtime(): a 9-item sequence with named fields."""
    __slots__ = ('_values', 'tm_zone', 'tm_gmtoff')
    n_fields = 11
    n_sequence_fields = 9

    def __init__(self, values):
        values = tuple(values)
        if len(values) < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)' % len(values))
        self._values = values[:9]
        self.tm_zone = values[9] if len(values) > 9 else None
        self.tm_gmtoff = values[10] if len(values) > 10 else None

    tm_year = property(lambda self: self._values[0])
    tm_mon = property(lambda self: self._values[1])
    tm_mday = property(lambda self: self._values[2])
    tm_hour = property(lambda self: self._values[3])
    tm_min = property(lambda self: self._values[4])
    tm_sec = property(lambda self: self._values[5])
    tm_wday = property(lambda self: self._values[6])
    tm_yday = property(lambda self: self._values[7])
    tm_isdst = property(lambda self: self._values[8])

    def __len__(self):
        return 9

    def __getitem__(self, i):
        return self._values[i]

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other):
        if isinstance(other, struct_time):
            return self._values == other._values
        if isinstance(other, tuple):
            return self._values == other
        return NotImplemented

    def __hash__(self):
        return hash(self._values)

    def __repr__(self):
        return 'time.struct_time(' + ', '.join('%s=%r' % (n, v) for n, v in zip(_FIELDS, self._values)) + ')'


def _full(t):
    if isinstance(t, struct_time):
        return t._values + (t.tm_zone, t.tm_gmtoff)
    return tuple(t)


def gmtime(secs=None):
    return struct_time(_gmtime(time() if secs is None else secs))


def localtime(secs=None):
    return struct_time(_localtime(time() if secs is None else secs))


def mktime(t):
    return _mktime(_full(t))


def strftime(format, t=None):
    return _strftime(format, _full(localtime() if t is None else t))


def asctime(t=None):
    t = localtime() if t is None else t
    return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[t[6]], _MONTHS[t[1] - 1], t[2], t[3], t[4], t[5], t[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    import _strptime
    return _strptime._strptime_time(string, format)


# CPython's time functions are builtins, which do not bind as methods when stored in a class
# (logging.Formatter.converter = time.gmtime is the common case): staticmethod objects are callable
# and behave the same way.
gmtime = staticmethod(gmtime)
localtime = staticmethod(localtime)
mktime = staticmethod(mktime)
strftime = staticmethod(strftime)
asctime = staticmethod(asctime)
ctime = staticmethod(ctime)
strptime = staticmethod(strptime)
