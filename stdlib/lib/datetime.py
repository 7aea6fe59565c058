"""datetime: dates, times, durations and time zones with CPython 3.13's API, results and messages.

Representation: a timedelta is (days, seconds, microseconds) normalised so that 0 <= seconds < 86400 and
0 <= microseconds < 10**6 (the sign lives in days); a date is (year, month, day), always valid; a time and
a datetime add hour/minute/second/microsecond, a tzinfo (None or a tzinfo instance) and fold (0 or 1).
Every object is immutable: the fields are slots written only while constructing.

Calendar arithmetic goes through proleptic Gregorian ordinals (0001-01-01 is day 1). Objects of the
exact built-in classes are made without re-validation by the _mk_* helpers; results of operations on a
subclass go through the subclass's constructor, as CPython does since 3.8.
"""
import time as _time
import math as _math

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo", "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059          # date(9999, 12, 31).toordinal()
_EPOCH_ORD = 719163            # date(1970, 1, 1).toordinal()
_MAX_DELTA_DAYS = 999999999
_US_PER_DAY = 86400000000

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_DAYNAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHNAMES = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DIGITS = frozenset("0123456789")
_MISSING = object()     # an omitted argument where CPython rejects None (date month/day, timezone name)


# ---- integer helpers ---------------------------------------------------------------------------------

def _index(v):
    """v as an int through __index__, with the TypeError of CPython's "i" argument converter."""
    if type(v) is int:
        return v
    if isinstance(v, int):
        return int(v)
    try:
        meth = type(v).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer" % _tp_name(v)) from None
    r = meth(v)
    if not isinstance(r, int):
        raise TypeError("__index__ returned non-int (type %s)" % type(r).__name__)
    return int(r)


def _tp_name(v):
    """The name CPython's messages give the type of v (its tp_name: qualified for this module's types)."""
    cls = type(v)
    if cls.__module__ == __name__:
        return "datetime." + cls.__name__
    return cls.__name__


def _arg_type_name(v):
    """The type as CPython's argument parser names it in 'must be X, not Y' (None for None)."""
    return "None" if v is None else _tp_name(v)


def _div_nearest(a, b):
    """a / b rounded to the nearest int, ties to even (b may be negative); b == 0 raises as int // 0."""
    q, r = divmod(a, b)
    # For b > 0, 0 <= r < b; for b < 0, b < r <= 0. Compare 2r with b in magnitude.
    r2 = 2 * r
    if b > 0:
        if r2 > b or (r2 == b and q & 1):
            q += 1
    else:
        if r2 < b or (r2 == b and q & 1):
            q += 1
    return q


def _c_round(x):
    """C's round(): halves away from zero (exact: x - trunc(x) has no rounding error)."""
    ax = abs(x)
    r = float(int(ax))
    if ax - r >= 0.5:
        r += 1.0
    return -r if x < 0 else r


# ---- calendar ------------------------------------------------------------------------------------

def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y, m):
    if m == 2 and _is_leap(y):
        return 29
    return _DAYS_IN_MONTH[m]


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd_to_ord(y, m, d):
    return _days_before_year(y) + _DAYS_BEFORE_MONTH[m] + (m > 2 and _is_leap(y)) + d


def _ord_to_ymd(n):
    """The (year, month, day) of ordinal n, by the days-from-civil inverse over 400-year eras counted from
    March 1 (so the leap day is the last day of its year and month lengths follow a fixed pattern)."""
    z = n + 305                   # days since 0000-03-01 (ordinal -305; 0001-01-01 is ordinal 1)
    era = z // 146097
    doe = z - era * 146097                                           # [0, 146096]
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365  # [0, 399]
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)                  # [0, 365]
    mp = (5 * doy + 2) // 153                                        # [0, 11], March = 0
    d = doy - (153 * mp + 2) // 5 + 1
    if mp < 10:
        return era * 400 + yoe, mp + 3, d
    return era * 400 + yoe + 1, mp - 9, d


def _check_date_fields(year, month, day):
    if not (type(year) is int and type(month) is int and type(day) is int):
        year = _index(year)
        month = _index(month)
        day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    if not (type(hour) is int and type(minute) is int and type(second) is int and type(microsecond) is int):
        hour = _index(hour)
        minute = _index(minute)
        second = _index(second)
        microsecond = _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    fold = _index(fold)
    if fold != 0 and fold != 1:
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'" % _arg_type_name(tz))


def _iso_week1_monday(year):
    first = _ymd_to_ord(year, 1, 1)
    wd = (first + 6) % 7          # weekday of January 1, Monday = 0
    monday = first - wd
    if wd > 3:                    # January 1 is Fri..Sun: week 1 starts the next Monday
        monday += 7
    return monday


def _iso_to_ordinal(year, week, day):
    """Ordinal of ISO (year, week, day), or a negative code: -4 year, -2 week, -3 day out of range."""
    if not MINYEAR <= year <= MAXYEAR:
        return -4
    if not 0 < week < 53:
        ok = False
        if week == 53:
            wd = (_ymd_to_ord(year, 1, 1) + 6) % 7
            ok = wd == 3 or (wd == 2 and _is_leap(year))
        if not ok:
            return -2
    if not 0 < day < 8:
        return -3
    return _iso_week1_monday(year) + (week - 1) * 7 + day - 1


def _type_name(obj, base):
    """The name reprs use: 'datetime.X' for the built-in classes, the bare class name for subclasses
    (CPython prints tp_name, which is qualified only for its static types)."""
    cls = type(obj)
    return "datetime." + base if cls.__module__ == __name__ and cls.__name__ == base else cls.__name__


def _format_offset(off, sep):
    """+HH<sep>MM[<sep>SS[.ffffff]] of a utcoffset timedelta, or '' for None."""
    if off is None:
        return ""
    if off._days < 0:
        sign = "-"
        off = -off
    else:
        sign = "+"
    hh, rem = divmod(off._seconds, 3600)
    mm, ss = divmod(rem, 60)
    s = "%s%02d%s%02d" % (sign, hh, sep, mm)
    us = off._microseconds
    if ss or us:
        s += "%s%02d" % (sep, ss)
        if us:
            s += ".%06d" % us
    return s


def _format_time(hh, mm, ss, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (hh, mm, ss)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (hh, mm, ss, us)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (hh, mm, ss, us // 1000)
    if timespec == "minutes":
        return "%02d:%02d" % (hh, mm)
    if timespec == "hours":
        return "%02d" % hh
    raise ValueError("Unknown timespec value")


def _check_offset(off, what):
    """Validate the result of tzinfo.utcoffset()/dst()."""
    if off is None:
        return None
    if not isinstance(off, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'" % (what, _tp_name(off)))
    if not -_US_PER_DAY < off._to_us() < _US_PER_DAY:
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                         "timedelta(hours=24).")
    return off


def _check_tzname(name):
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'" % _tp_name(name))
    return name


def _wrap_strftime(obj, fmt, timetuple):
    """time.strftime with the directives only datetime knows (%f, %z, %:z, %Z) substituted first."""
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % _arg_type_name(fmt))
    out = None
    start = 0
    n = len(fmt)
    i = fmt.find("%")
    while 0 <= i < n - 1:
        c = fmt[i + 1]
        skip = 2
        if c == "f":
            rep = "%06d" % getattr(obj, "microsecond", 0)
        elif c == "z":
            rep = _format_offset(obj.utcoffset(), "") if hasattr(obj, "utcoffset") else ""
        elif c == ":" and fmt[i + 2:i + 3] == "z":
            rep = _format_offset(obj.utcoffset(), ":") if hasattr(obj, "utcoffset") else ""
            skip = 3
        elif c == "Z":
            name = obj.tzname() if hasattr(obj, "tzname") else None
            rep = "" if name is None else name.replace("%", "%%")   # the result is a format again
        else:
            i = fmt.find("%", i + 2)    # any other directive (and %%) is time.strftime's
            continue
        if out is None:
            out = []
        out.append(fmt[start:i])
        out.append(rep)
        i += skip
        start = i
        i = fmt.find("%", i)
    if out is not None:
        out.append(fmt[start:])
        fmt = "".join(out)
    return _time.strftime(fmt, timetuple)


def _build_struct_time(y, m, d, hh, mm, ss, dstflag):
    wday = (_ymd_to_ord(y, m, d) + 6) % 7
    yday = _DAYS_BEFORE_MONTH[m] + (m > 2 and _is_leap(y)) + d
    return _time.struct_time((y, m, d, hh, mm, ss, wday, yday, dstflag))


def _copy_value(self):
    """copy.copy of an immutable value: the object itself for the built-in classes; a subclass instance
    is rebuilt from its constructor arguments, with its instance dict."""
    cls = type(self)
    if cls.__module__ == __name__:
        return self
    ctor, args = self.__reduce__()[:2]
    y = ctor(*args)
    d = getattr(self, "__dict__", None)
    if d:
        y.__dict__.update(d)
    return y


def _deepcopy_value(self, memo):
    return _copy_value(self)


# ---- timedelta -----------------------------------------------------------------------------------

_TD_FACTORS = (("microseconds", 1), ("milliseconds", 1000), ("seconds", 1000000), ("minutes", 60000000),
               ("hours", 3600000000), ("days", 86400000000), ("weeks", 604800000000))


def _mk_td(cls, us):
    """A timedelta of us microseconds (any int); OverflowError beyond +-999999999 days."""
    if cls is not timedelta:
        return cls(0, 0, us)
    s, micro = divmod(us, 1000000)
    d, s = divmod(s, 86400)
    if not -_MAX_DELTA_DAYS <= d <= _MAX_DELTA_DAYS:
        if not -2147483648 <= d <= 2147483647:
            raise OverflowError("Python int too large to convert to C int")
        raise OverflowError("days=%d; must have magnitude <= %d" % (d, _MAX_DELTA_DAYS))
    self = object.__new__(timedelta)
    self._days = d
    self._seconds = s
    self._microseconds = micro
    self._hashcode = -1
    return self


class timedelta:
    """A duration: days, seconds and microseconds (normalised, the sign in days)."""
    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        if (type(days) is int and type(seconds) is int and type(microseconds) is int and
                type(milliseconds) is int and type(minutes) is int and type(hours) is int and type(weeks) is int):
            us = ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000000 + \
                milliseconds * 1000 + microseconds
        else:
            # CPython's accumulation: the integral part of each component exactly, the fraction times the
            # factor in float arithmetic, whose integral part is added exactly and whose leftover
            # fractions are summed and rounded (ties to even) once at the end.
            args = {"days": days, "seconds": seconds, "microseconds": microseconds,
                    "milliseconds": milliseconds, "minutes": minutes, "hours": hours, "weeks": weeks}
            us = 0
            leftover = 0.0
            for name, factor in _TD_FACTORS:
                v = args[name]
                if isinstance(v, int):
                    us += int(v) * factor
                elif isinstance(v, float):
                    frac, whole = _math.modf(v)
                    us += int(whole) * factor
                    if frac != 0.0:
                        frac, whole = _math.modf(float(factor) * frac)
                        us += int(whole)
                        leftover += frac
                else:
                    raise TypeError("unsupported type for timedelta %s component: %s" % (name, _tp_name(v)))
            if leftover != 0.0:
                whole = _c_round(leftover)
                if abs(whole - leftover) == 0.5:
                    odd = us & 1
                    whole = 2.0 * _c_round((leftover + odd) * 0.5) - odd
                us += int(whole)
        if cls is timedelta:
            return _mk_td(timedelta, us)
        self = _mk_td(timedelta, us)
        obj = object.__new__(cls)
        obj._days = self._days
        obj._seconds = self._seconds
        obj._microseconds = self._microseconds
        obj._hashcode = -1
        return obj

    days = property(lambda self: self._days, doc="Number of days.")
    seconds = property(lambda self: self._seconds, doc="Number of seconds (>= 0 and less than 1 day).")
    microseconds = property(lambda self: self._microseconds,
                            doc="Number of microseconds (>= 0 and less than 1 second).")

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        """Total seconds in the duration."""
        return self._to_us() / 10**6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append("days=%d" % self._days)
        if self._seconds:
            parts.append("seconds=%d" % self._seconds)
        if self._microseconds:
            parts.append("microseconds=%d" % self._microseconds)
        return "%s(%s)" % (_type_name(self, "timedelta"), ", ".join(parts) if parts else "0")

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = "%d day%s, %s" % (self._days, "" if abs(self._days) == 1 else "s", s)
        if self._microseconds:
            s += ".%06d" % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _mk_td(timedelta, self._to_us() + other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _mk_td(timedelta, self._to_us() - other._to_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return _mk_td(timedelta, other._to_us() - self._to_us())
        return NotImplemented

    def __neg__(self):
        return _mk_td(timedelta, -self._to_us())

    def __pos__(self):
        if type(self) is timedelta:
            return self
        return _mk_td(timedelta, self._to_us())

    def __abs__(self):
        return -self if self._days < 0 else +self

    def __mul__(self, other):
        if isinstance(other, int):
            return _mk_td(timedelta, self._to_us() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return _mk_td(timedelta, _div_nearest(self._to_us() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            d = other._to_us()
            if d == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return self._to_us() // d
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _mk_td(timedelta, self._to_us() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            d = other._to_us()
            if d == 0:
                raise ZeroDivisionError("division by zero")
            return self._to_us() / d
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _mk_td(timedelta, _div_nearest(self._to_us(), other))
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            if a == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _mk_td(timedelta, _div_nearest(self._to_us() * b, a))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            d = other._to_us()
            if d == 0:
                raise ZeroDivisionError("integer modulo by zero")
            return _mk_td(timedelta, self._to_us() % d)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            d = other._to_us()
            if d == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            q, r = divmod(self._to_us(), d)
            return q, _mk_td(timedelta, r)
        return NotImplemented

    def _cmp_key(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return (self._days == other._days and self._seconds == other._seconds and
                    self._microseconds == other._microseconds)
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return not self.__eq__(other)
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._cmp_key() < other._cmp_key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._cmp_key() <= other._cmp_key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._cmp_key() > other._cmp_key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._cmp_key() >= other._cmp_key()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._cmp_key())
        return self._hashcode

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return (type(self), (self._days, self._seconds, self._microseconds))

    __copy__ = _copy_value
    __deepcopy__ = _deepcopy_value


timedelta.min = _mk_td(timedelta, -_MAX_DELTA_DAYS * _US_PER_DAY)
timedelta.max = _mk_td(timedelta, (_MAX_DELTA_DAYS + 1) * _US_PER_DAY - 1)
timedelta.resolution = _mk_td(timedelta, 1)


# ---- date ----------------------------------------------------------------------------------------

def _mk_date(cls, y, m, d):
    if cls is date:
        self = object.__new__(date)
        self._year = y
        self._month = m
        self._day = d
        self._hashcode = -1
        return self
    return cls(y, m, d)


def _digits(s, i, n):
    """The int of the n ASCII digits at s[i:], or -1."""
    part = s[i:i + n]
    if len(part) != n or not (part.isdigit() and part.isascii()):
        return -1
    return int(part)


def _parse_iso_date(s):
    """(year, month, day) of an ISO 8601 date (YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D]), or None.
    As in CPython, the length decides the format and characters past it are not examined."""
    year = _digits(s, 0, 4)
    if year < 0:
        return None
    i = 4
    sep = s[i:i + 1] == "-"
    if sep:
        i += 1
    if s[i:i + 1] == "W":
        i += 1
        week = _digits(s, i, 2)
        if week < 0:
            return None
        i += 2
        if i < len(s):
            if sep:
                if s[i] != "-":
                    return None
                i += 1
            day = _digits(s, i, 1)
            if day < 0:
                return None
        else:
            day = 1
        n = _iso_to_ordinal(year, week, day)
        if n < 0:
            return None
        return _ord_to_ymd(n)
    month = _digits(s, i, 2)
    if month < 0:
        return None
    i += 2
    if sep:
        if s[i:i + 1] != "-":
            return None
        i += 1
    day = _digits(s, i, 2)
    if day < 0:
        return None
    return year, month, day


def _parse_hh_mm_ss_ff(s, i, end):
    """[HH[:MM[:SS[.f+]]]] (or without the colons) from s[i:end]; returns (code, h, m, s, us) where code is
    0 at the end of the string, 1 when characters follow, negative when malformed. This follows
    CPython's parser, quirks included (a fraction may follow any component)."""
    vals = [0, 0, 0]
    has_sep = True
    n = len(s)
    k = 0
    while k < 3:
        v = _digits(s, i, 2)
        if v < 0:
            return -3, 0, 0, 0, 0
        vals[k] = v
        i += 2
        c = s[i] if i < n else ""
        i += 1
        if k == 0:
            has_sep = c == ":"
        if i >= end:
            return (1 if c else 0), vals[0], vals[1], vals[2], 0
        if has_sep and c == ":":
            k += 1
            continue
        if c == "." or c == ",":
            break
        if not has_sep:
            i -= 1
        else:
            return -4, 0, 0, 0, 0
        k += 1
    remain = end - i
    count = 6 if remain >= 6 else remain
    if count <= 0:
        return -3, 0, 0, 0, 0
    us = _digits(s, i, count)
    if us < 0:
        return -3, 0, 0, 0, 0
    us *= 10 ** (6 - count)
    i += count
    while i < n and s[i] in _DIGITS:
        i += 1
    return (1 if i < n else 0), vals[0], vals[1], vals[2], us


def _parse_iso_time(s, i):
    """(h, m, s, us, tz) of the ISO time at s[i:] (tz None or a timezone), or None if malformed."""
    n = len(s)
    tzpos = i
    while tzpos < n and s[tzpos] not in "Z+-":
        tzpos += 1
    code, hh, mm, ss, us = _parse_hh_mm_ss_ff(s, i, tzpos)
    if code < 0:
        return None
    if tzpos == n:
        if code == 1:
            return None
        return hh, mm, ss, us, None
    if s[tzpos] == "Z":
        if tzpos + 1 != n:
            return None
        return hh, mm, ss, us, timezone.utc
    sign = -1 if s[tzpos] == "-" else 1
    code, th, tm, ts, tus = _parse_hh_mm_ss_ff(s, tzpos + 1, n)
    if code != 0:
        return None
    off = sign * (th * 3600 + tm * 60 + ts)
    tus *= sign
    if off == 0 and tus == 0:
        return hh, mm, ss, us, timezone.utc
    return hh, mm, ss, us, timezone(timedelta(seconds=off, microseconds=tus))


def _iso_datetime_separator(s):
    """Where the date part of an ISO datetime string ends (the separator may be any character)."""
    n = len(s)
    if n == 7:
        return 7
    if s[4:5] == "-":
        if s[5:6] == "W":
            if n < 8:
                return n
            if n > 8 and s[8] == "-":
                if n == 9:
                    return -1
                if n > 10 and s[10] in _DIGITS:
                    return 8
                return 10
            return 8
        return 10
    if s[4:5] == "W":
        idx = 7
        while idx < n and s[idx] in _DIGITS:
            idx += 1
        if idx < 9:
            return idx
        return 7 if idx % 2 == 0 else 8
    return 8


class date:
    """A date of the proleptic Gregorian calendar: date(year, month, day)."""
    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __new__(cls, year, month=_MISSING, day=_MISSING):
        if (month is _MISSING and isinstance(year, bytes) and len(year) == 4 and 1 <= year[2] <= 12):
            # The pickled state (see __reduce__): year (2 bytes, big-endian), month, day.
            self = object.__new__(cls)
            self._year = year[0] * 256 + year[1]
            self._month = year[2]
            self._day = year[3]
            self._hashcode = -1
            return self
        if month is _MISSING or day is _MISSING:
            if month is _MISSING:
                raise TypeError("function missing required argument 'month' (pos 2)")
            raise TypeError("function missing required argument 'day' (pos 3)")
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    # -- constructors
    @classmethod
    def fromtimestamp(cls, t):
        """The local date of POSIX timestamp t (an int or a float, rounded down)."""
        if not isinstance(t, float):
            t = _split_timestamp(t)[0]
        elif t != t:
            raise ValueError("Invalid value NaN (not a number)")
        y, m, d = _time.localtime(t)[:3]
        _check_year(y)
        return _mk_date(cls, y, m, d)

    @classmethod
    def today(cls):
        """The current local date."""
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        """The date of proleptic Gregorian ordinal n (January 1 of year 1 is day 1)."""
        n = _index(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        y, m, d = _ord_to_ymd(n)
        if y > MAXYEAR:
            raise ValueError("year %d is out of range" % y)
        return _mk_date(cls, y, m, d)

    @classmethod
    def fromisoformat(cls, s):
        """The date of an ISO 8601 string: YYYY-MM-DD, YYYYMMDD, YYYY-Www, YYYY-Www-D, YYYYWww, YYYYWwwD."""
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        ymd = _parse_iso_date(s) if len(s) in (7, 8, 10) else None
        if ymd is None:
            raise ValueError("Invalid isoformat string: %r" % (s,))
        if cls is date:
            y, m, d = _check_date_fields(*ymd)
            return _mk_date(date, y, m, d)
        return cls(*ymd)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """The date of ISO calendar (year, week, weekday)."""
        year = _index(year)
        week = _index(week)
        day = _index(day)
        n = _iso_to_ordinal(year, week, day)
        if n == -4:
            raise ValueError("Year is out of range: %d" % year)
        if n == -2:
            raise ValueError("Invalid week: %d" % week)
        if n == -3:
            raise ValueError("Invalid day: %d (range is [1, 7])" % day)
        y, m, d = _ord_to_ymd(n)
        if y > MAXYEAR:
            raise ValueError("year %d is out of range" % y)
        return _mk_date(cls, y, m, d)

    # -- fields and conversions
    year = property(lambda self: self._year)
    month = property(lambda self: self._month)
    day = property(lambda self: self._day)

    def toordinal(self):
        return _ymd_to_ord(self._year, self._month, self._day)

    def weekday(self):
        """Monday is 0, Sunday is 6."""
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        """Monday is 1, Sunday is 7."""
        return (self.toordinal() + 6) % 7 + 1

    def isocalendar(self):
        """IsoCalendarDate(year, week, weekday) of ISO 8601 (weeks start on Monday; week 1 holds the
        year's first Thursday)."""
        y = self._year
        n = self.toordinal()
        monday = _iso_week1_monday(y)
        if n < monday:
            y -= 1
            monday = _iso_week1_monday(y)
        elif y < MAXYEAR:
            nxt = _iso_week1_monday(y + 1)
            if n >= nxt:
                y += 1
                monday = nxt
        week, day = divmod(n - monday, 7)
        return IsoCalendarDate(y, week + 1, day + 1)

    def timetuple(self):
        return _build_struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def replace(self, year=None, month=None, day=None):
        """The date with the given fields replaced."""
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    __replace__ = replace

    # -- formatting
    def __repr__(self):
        return "%s(%d, %d, %d)" % (_type_name(self, "date"), self._year, self._month, self._day)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def ctime(self):
        return "%s %s %2d 00:00:00 %04d" % (_DAYNAMES[self.weekday()], _MONTHNAMES[self._month],
                                            self._day, self._year)

    def strftime(self, format):
        return _wrap_strftime(self, format, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("__format__() argument 1 must be str, not %s" % _arg_type_name(fmt))
        if fmt:
            return self.strftime(fmt)
        return str(self)

    # -- arithmetic and comparisons
    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other._days
            if not 0 < n <= _MAXORDINAL:
                raise OverflowError("date value out of range")
            y, m, d = _ord_to_ymd(n)
            return _mk_date(type(self), y, m, d)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() - other._days
            if not 0 < n <= _MAXORDINAL:
                raise OverflowError("date value out of range")
            y, m, d = _ord_to_ymd(n)
            return _mk_date(type(self), y, m, d)
        if isinstance(other, date) and not isinstance(other, datetime):
            return _mk_td(timedelta, (self.toordinal() - other.toordinal()) * _US_PER_DAY)
        return NotImplemented

    def _cmp(self, other):
        a = (self._year, self._month, self._day)
        b = (other._year, other._month, other._day)
        return 0 if a == b else (1 if a > b else -1)

    # A datetime is a date, but a date compares only with plain dates: NotImplemented lets datetime (or
    # the default rules) decide.
    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp(other) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp(other) != 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp(other) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp(other) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp(other) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp(other) >= 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._year, self._month, self._day))
        return self._hashcode

    # Pickled as CPython's date is: the class and a 4-byte state, so pickles are interchangeable.
    def __reduce__(self):
        return (type(self), (bytes((self._year >> 8, self._year & 255, self._month, self._day)),))

    __copy__ = _copy_value
    __deepcopy__ = _deepcopy_value


class IsoCalendarDate(tuple):
    """The result of date.isocalendar(): a (year, week, weekday) tuple with named fields."""
    __slots__ = ()

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __reduce__(self):
        return (tuple, (tuple(self),))

    def __repr__(self):
        return "%s(year=%d, week=%d, weekday=%d)" % (_type_name(self, "IsoCalendarDate"), self[0], self[1],
                                                     self[2])


# ---- tzinfo and timezone -------------------------------------------------------------------------

class tzinfo:
    """Abstract base class of time zone information: subclasses implement utcoffset, dst and tzname."""
    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        """The local time of UTC time dt (whose tzinfo is self), for zones whose dst() is consistent."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt._tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        off = _check_offset(self.utcoffset(dt), "utcoffset")
        if off is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dst = _check_offset(self.dst(dt), "dst")
        if dst is None:
            raise ValueError("fromutc: non-None dst() result required")
        delta = off - dst
        if delta:
            dt = dt + delta
            dst = _check_offset(self.dst(dt), "dst")
            if dst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        return dt + dst

    def __reduce__(self):
        getinitargs = getattr(self, "__getinitargs__", None)
        args = getinitargs() if getinitargs else ()
        state = getattr(self, "__dict__", None) or None
        return (type(self), args, state)


def _check_tz_arg(dt, what):
    if dt is not None and not isinstance(dt, datetime):
        raise TypeError("%s(dt) argument must be a datetime instance or None, not %s" % (what, _arg_type_name(dt)))


class timezone(tzinfo):
    """A fixed offset from UTC: timezone(offset, name=None)."""
    __slots__ = ("_offset", "_name")

    def __new__(cls, offset, name=_MISSING):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s" % _arg_type_name(offset))
        if name is _MISSING:
            name = None
            if not offset and _UTC is not None:
                return _UTC
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % _arg_type_name(name))
        if not -_US_PER_DAY < offset._to_us() < _US_PER_DAY:
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                             "timedelta(hours=24), not %r." % (offset,))
        self = object.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'datetime.timezone' is not an acceptable base type")

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return (timezone, self.__getinitargs__())

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is _UTC:
            return "datetime.timezone.utc"
        if self._name is None:
            return "datetime.timezone(%r)" % (self._offset,)
        return "datetime.timezone(%r, %r)" % (self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        _check_tz_arg(dt, "utcoffset")
        return self._offset

    def dst(self, dt):
        _check_tz_arg(dt, "dst")
        return None

    def tzname(self, dt):
        _check_tz_arg(dt, "tzname")
        if self._name is not None:
            return self._name
        off = self._offset
        if not off:
            return "UTC"
        return "UTC" + _format_offset(off, ":")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt._tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_UTC = None
_UTC = timezone(timedelta(0))
timezone.utc = _UTC
timezone.min = timezone(timedelta(hours=-23, minutes=-59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = _UTC


# ---- time ----------------------------------------------------------------------------------------

def _mk_time(cls, hh, mm, ss, us, tz, fold):
    if cls is time:
        self = object.__new__(time)
        self._hour = hh
        self._minute = mm
        self._second = ss
        self._microsecond = us
        self._tzinfo = tz
        self._fold = fold
        self._hashcode = -1
        return self
    return cls(hh, mm, ss, us, tz, fold=fold)


class time:
    """A time of day: time(hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0)."""
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold", "_hashcode")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        if isinstance(hour, bytes) and len(hour) == 6 and (hour[0] & 0x7f) < 24:
            # The pickled state (see __reduce_ex__), tzinfo as the second argument.
            tz = None if minute == 0 else minute
            _check_tzinfo(tz)
            self = object.__new__(cls)
            self._hour = hour[0] & 0x7f
            self._fold = hour[0] >> 7
            self._minute = hour[1]
            self._second = hour[2]
            self._microsecond = (hour[3] << 16) | (hour[4] << 8) | hour[5]
            self._tzinfo = tz
            self._hashcode = -1
            return self
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, s):
        """The time of an ISO 8601 string: [T]HH[:MM[:SS[.ffffff]]][+HH:MM[:SS[.ffffff]]|Z]."""
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        i = 1 if s[:1] == "T" else 0
        r = _parse_iso_time(s, i) if len(s) > i else None
        if r is None:
            raise ValueError("Invalid isoformat string: %r" % (s,))
        return cls(r[0], r[1], r[2], r[3], r[4])

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.utcoffset(None), "utcoffset")

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.dst(None), "dst")

    def tzname(self):
        if self._tzinfo is None:
            return None
        return _check_tzname(self._tzinfo.tzname(None))

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._hour if hour is None else hour, self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    __replace__ = replace

    def isoformat(self, timespec="auto"):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset(), ":")

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        if self._microsecond:
            s = "%d, %d, %d, %d" % (self._hour, self._minute, self._second, self._microsecond)
        elif self._second:
            s = "%d, %d, %d" % (self._hour, self._minute, self._second)
        else:
            s = "%d, %d" % (self._hour, self._minute)
        if self._tzinfo is not None:
            s += ", tzinfo=%r" % (self._tzinfo,)
        if self._fold:
            s += ", fold=1"
        return "%s(%s)" % (_type_name(self, "time"), s)

    def strftime(self, format):
        tt = _time.struct_time((1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1))
        return _wrap_strftime(self, format, tt)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("__format__() argument 1 must be str, not %s" % _arg_type_name(fmt))
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def __bool__(self):
        return True

    # -- comparisons: same tzinfo (or both naive) compares the fields, aware ones compare in UTC
    def _cmp(self, other, op):
        if self._tzinfo is other._tzinfo:
            a = self._hour, self._minute, self._second, self._microsecond
            b = other._hour, other._minute, other._second, other._microsecond
        else:
            o1 = self.utcoffset()
            o2 = other.utcoffset()
            if o1 is None and o2 is None:
                a = self._hour, self._minute, self._second, self._microsecond
                b = other._hour, other._minute, other._second, other._microsecond
            elif o1 is None or o2 is None:
                if op == "==":
                    return False
                if op == "!=":
                    return True
                raise TypeError("can't compare offset-naive and offset-aware times")
            else:
                a = (self._hour * 3600 + self._minute * 60 + self._second) * 1000000 + self._microsecond - \
                    o1._to_us()
                b = (other._hour * 3600 + other._minute * 60 + other._second) * 1000000 + \
                    other._microsecond - o2._to_us()
        if op == "==":
            return a == b
        if op == "!=":
            return a != b
        if op == "<":
            return a < b
        if op == "<=":
            return a <= b
        if op == ">":
            return a > b
        return a >= b

    def __eq__(self, other):
        return self._cmp(other, "==") if isinstance(other, time) else NotImplemented

    def __ne__(self, other):
        return self._cmp(other, "!=") if isinstance(other, time) else NotImplemented

    def __lt__(self, other):
        return self._cmp(other, "<") if isinstance(other, time) else NotImplemented

    def __le__(self, other):
        return self._cmp(other, "<=") if isinstance(other, time) else NotImplemented

    def __gt__(self, other):
        return self._cmp(other, ">") if isinstance(other, time) else NotImplemented

    def __ge__(self, other):
        return self._cmp(other, ">=") if isinstance(other, time) else NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            if off is None:
                self._hashcode = hash((t._hour, t._minute, t._second, t._microsecond))
            else:
                us = (t._hour * 3600 + t._minute * 60 + t._second) * 1000000 + t._microsecond - off._to_us()
                self._hashcode = hash(("time", us))
        return self._hashcode

    # Pickled as CPython's time is: a 6-byte state (hour with the fold in its top bit from protocol 4
    # on, minute, second, 3-byte microsecond), then the tzinfo when there is one.
    def __reduce_ex__(self, protocol):
        us = self._microsecond
        hour = self._hour + (128 if self._fold and protocol > 3 else 0)
        state = bytes((hour, self._minute, self._second, us >> 16, (us >> 8) & 255, us & 255))
        return (type(self), (state,) if self._tzinfo is None else (state, self._tzinfo))

    def __reduce__(self):
        return self.__reduce_ex__(2)

    __copy__ = _copy_value
    __deepcopy__ = _deepcopy_value


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---- datetime ------------------------------------------------------------------------------------

def _mk_datetime(cls, y, m, d, hh, mm, ss, us, tz, fold=0):
    if cls is datetime:
        self = object.__new__(datetime)
        self._year = y
        self._month = m
        self._day = d
        self._hour = hh
        self._minute = mm
        self._second = ss
        self._microsecond = us
        self._tzinfo = tz
        self._fold = fold
        self._hashcode = -1
        return self
    return cls(y, m, d, hh, mm, ss, us, tz, fold=fold)


def _local_offset(u):
    """The local UTC offset in seconds at POSIX time u. Like CPython's probes, a local time outside years
    1..9999 is a ValueError (so naive times within a day of the limits may not convert)."""
    lt = _time.localtime(u)
    _check_year(lt[0])
    return lt.tm_gmtoff


def _check_year(y):
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError("year %d is out of range" % y)


def _local_to_posix(y, m, d, hh, mm, ss, fold):
    """POSIX seconds of a naive local time: the solutions u of u + offset(u) == t, choosing the earlier
    (fold=0) or the later (fold=1) of two in a repeated hour and extrapolating across a gap."""
    t = (_ymd_to_ord(y, m, d) - _EPOCH_ORD) * 86400 + hh * 3600 + mm * 60 + ss
    a = _local_offset(t)
    u1 = t - a
    b1 = _local_offset(u1)
    if b1 == a:
        # u1 is a solution; is there another one within a day on the side fold asks for?
        probe = u1 + (86400 if fold else -86400)
        b = _local_offset(probe)
        if b == a:
            return u1
    else:
        b = b1
    u2 = t - b
    if _local_offset(u2) == b:
        return u2
    if b1 == a:
        return u1
    # t falls in a gap: u1 and u2 bracket it; fold=0 extrapolates the offset from before the gap (the
    # later instant), fold=1 the one from after it.
    return min(u1, u2) if fold else max(u1, u2)


def _local_timezone_at(u):
    lt = _time.localtime(u)
    return timezone(timedelta(seconds=lt.tm_gmtoff), lt.tm_zone)


def _split_timestamp(t):
    """(whole seconds, microseconds) of timestamp t (an int or a float), rounding half to even as
    CPython does."""
    if not isinstance(t, float):
        t = _index(t)
        if not -2**63 <= t < 2**63:
            raise OverflowError("timestamp out of range for platform time_t")
        return t, 0
    if t != t:
        raise ValueError("Invalid value NaN (not a number)")
    if not -1e17 < t < 1e17:
        raise OverflowError("timestamp out of range for platform time_t")
    frac, whole = _math.modf(t)
    us = round(frac * 1e6)
    s = int(whole)
    if us >= 1000000:
        s += 1
        us -= 1000000
    elif us < 0:
        s -= 1
        us += 1000000
    return s, us


def _dt_from_posix_us(cls, us, tz):
    """The datetime us microseconds after 1970-01-01 00:00 (wall time), with tzinfo tz."""
    s, us = divmod(us, 1000000)
    days, secs = divmod(s, 86400)
    n = days + _EPOCH_ORD
    if not 1 <= n <= _MAXORDINAL:
        raise OverflowError("date value out of range")
    y, m, d = _ord_to_ymd(n)
    hh, secs = divmod(secs, 3600)
    mm, ss = divmod(secs, 60)
    return _mk_datetime(cls, y, m, d, hh, mm, ss, us, tz)


class datetime(date):
    """A date and a time: datetime(year, month, day, hour=0, minute=0, second=0, microsecond=0,
    tzinfo=None, *, fold=0)."""
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, year, month=_MISSING, day=_MISSING, hour=0, minute=0, second=0, microsecond=0, tzinfo=None,
                *, fold=0):
        if (month is _MISSING or type(month) is not int) and isinstance(year, bytes) and \
                len(year) == 10 and 1 <= (year[2] & 0x7f) <= 12:
            # The pickled state (see __reduce_ex__), tzinfo as the second argument.
            tz = None if month is _MISSING else month
            _check_tzinfo(tz)
            self = object.__new__(cls)
            self._year = year[0] * 256 + year[1]
            self._month = year[2] & 0x7f
            self._fold = year[2] >> 7
            self._day = year[3]
            self._hour = year[4]
            self._minute = year[5]
            self._second = year[6]
            self._microsecond = (year[7] << 16) | (year[8] << 8) | year[9]
            self._tzinfo = tz
            self._hashcode = -1
            return self
        if month is _MISSING or day is _MISSING:
            if month is _MISSING:
                raise TypeError("function missing required argument 'month' (pos 2)")
            raise TypeError("function missing required argument 'day' (pos 3)")
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    # -- constructors
    @classmethod
    def _from_posix(cls, s, us, tz, utc):
        if utc or tz is not None:
            days, secs = divmod(s, 86400)
            n = days + _EPOCH_ORD
            if not 1 <= n <= _MAXORDINAL:
                y = _ord_to_ymd(n)[0] if -10**9 < n < 10**9 else 0
                raise ValueError("year %d is out of range" % y)
            y, m, d = _ord_to_ymd(n)
            hh, secs = divmod(secs, 3600)
            mm, ss = divmod(secs, 60)
            result = _mk_datetime(cls, y, m, d, hh, mm, ss, us, tz)
            if tz is not None:
                result = tz.fromutc(result)
            return result
        lt = _time.localtime(s)
        y, m, d, hh, mm, ss = lt[:6]
        _check_year(y)
        if ss > 59:
            ss = 59
        fold = 0
        # Is this the second occurrence of a repeated local time? The offset a day earlier tells whether
        # the clock moved back since; then the same wall time at s + (the change) also maps to it.
        before = _local_offset(s - 86400)
        change = lt.tm_gmtoff - before
        if change < 0 and _time.localtime(s + change)[:6] == (y, m, d, hh, mm, ss):
            fold = 1
        return _mk_datetime(cls, y, m, d, hh, mm, ss, us, None, fold)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        """The local (tz=None) or tz time of POSIX timestamp t."""
        _check_tzinfo(tz)
        s, us = _split_timestamp(t)
        return cls._from_posix(s, us, tz, False)

    @classmethod
    def utcfromtimestamp(cls, t):
        """The naive UTC time of POSIX timestamp t (deprecated)."""
        import warnings
        warnings.warn("datetime.datetime.utcfromtimestamp() is deprecated and scheduled for removal in a "
                      "future version. Use timezone-aware objects to represent datetimes in UTC: "
                      "datetime.datetime.fromtimestamp(timestamp, datetime.UTC).", DeprecationWarning,
                      stacklevel=2)
        s, us = _split_timestamp(t)
        return cls._from_posix(s, us, None, True)

    @classmethod
    def now(cls, tz=None):
        """The current local (tz=None) or tz time."""
        _check_tzinfo(tz)
        s, us = _split_timestamp(_time.time())
        return cls._from_posix(s, us, tz, False)

    @classmethod
    def utcnow(cls):
        """The current naive UTC time (deprecated)."""
        import warnings
        warnings.warn("datetime.datetime.utcnow() is deprecated and scheduled for removal in a future "
                      "version. Use timezone-aware objects to represent datetimes in UTC: "
                      "datetime.datetime.now(datetime.UTC).", DeprecationWarning, stacklevel=2)
        s, us = _split_timestamp(_time.time())
        return cls._from_posix(s, us, None, True)

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def fromordinal(cls, n):
        d = date.fromordinal(n)
        return _mk_datetime(cls, d._year, d._month, d._day, 0, 0, 0, 0, None)

    @classmethod
    def combine(cls, date_, time_, tzinfo=True):
        """The datetime of date_'s date and time_'s time (and time_'s tzinfo unless one is given)."""
        if not isinstance(date_, date):
            raise TypeError("combine() argument 1 must be datetime.date, not %s" % _arg_type_name(date_))
        if not isinstance(time_, time):
            raise TypeError("combine() argument 2 must be datetime.time, not %s" % _arg_type_name(time_))
        if tzinfo is True:
            tzinfo = time_._tzinfo
        else:
            _check_tzinfo(tzinfo)
        return _mk_datetime(cls, date_._year, date_._month, date_._day, time_._hour, time_._minute,
                            time_._second, time_._microsecond, tzinfo, time_._fold)

    @classmethod
    def fromisoformat(cls, s):
        """The datetime of an ISO 8601 string: an ISO date, then optionally any one separator character
        and an ISO time (see time.fromisoformat)."""
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        if len(s) < 7:
            raise ValueError("Invalid isoformat string: %r" % (s,))
        sep = _iso_datetime_separator(s)
        ymd = _parse_iso_date(s[:sep]) if sep >= 0 else None
        if ymd is None:
            raise ValueError("Invalid isoformat string: %r" % (s,))
        hh = mm = ss = us = 0
        tz = None
        if sep < len(s):
            r = _parse_iso_time(s, sep + 1) if sep + 1 < len(s) else None
            if r is None:
                raise ValueError("Invalid isoformat string: %r" % (s,))
            hh, mm, ss, us, tz = r
        return cls(ymd[0], ymd[1], ymd[2], hh, mm, ss, us, tz)

    @classmethod
    def strptime(cls, date_string, format):
        """The datetime parsed from date_string by format (time.strftime's directives)."""
        if not isinstance(date_string, str):
            raise TypeError("strptime() argument 1 must be str, not %s" % _arg_type_name(date_string))
        if not isinstance(format, str):
            raise TypeError("strptime() argument 2 must be str, not %s" % _arg_type_name(format))
        import _strptime
        return _strptime._strptime_datetime(cls, date_string, format)

    # -- conversions
    def date(self):
        return _mk_date(date, self._year, self._month, self._day)

    def time(self):
        return _mk_time(time, self._hour, self._minute, self._second, self._microsecond, None, self._fold)

    def timetz(self):
        return _mk_time(time, self._hour, self._minute, self._second, self._microsecond, self._tzinfo,
                        self._fold)

    def _posix_us(self):
        """Microseconds since the epoch of this naive-as-UTC wall time."""
        return (((_ymd_to_ord(self._year, self._month, self._day) - _EPOCH_ORD) * 86400 +
                 self._hour * 3600 + self._minute * 60 + self._second) * 1000000 + self._microsecond)

    def timestamp(self):
        """POSIX timestamp (naive datetimes are local times)."""
        if self._tzinfo is None or self.utcoffset() is None:
            s = _local_to_posix(self._year, self._month, self._day, self._hour, self._minute, self._second,
                                self._fold)
            return s + self._microsecond / 1e6
        return (self._posix_us() - self.utcoffset()._to_us()) / 10**6

    def utctimetuple(self):
        off = self.utcoffset()
        dt = self
        if off:
            dt = self - off
        return _build_struct_time(dt._year, dt._month, dt._day, dt._hour, dt._minute, dt._second, 0)

    def timetuple(self):
        dst = self.dst()
        flag = -1 if dst is None else (1 if dst else 0)
        return _build_struct_time(self._year, self._month, self._day, self._hour, self._minute, self._second,
                                  flag)

    def _local_tz(self):
        """The local fixed-offset timezone in effect at this naive local time. In a gap (the two folds
        map to instants in the wrong order) CPython takes the offset of the other fold's instant."""
        fields = self._year, self._month, self._day, self._hour, self._minute, self._second
        u = _local_to_posix(*fields, self._fold)
        other = _local_to_posix(*fields, 1 - self._fold)
        if (other < u) if self._fold == 0 else (other > u):
            u = other
        return _local_timezone_at(u)

    def astimezone(self, tz=None):
        """This instant in time zone tz (local time for None); naive datetimes are local times."""
        if tz is not None and not isinstance(tz, tzinfo):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                            % _arg_type_name(tz))
        mytz = self._tzinfo
        if mytz is None:
            mytz = self._local_tz()
            off = mytz.utcoffset(self)
        else:
            if tz is mytz:
                return self
            off = self.utcoffset()
            if off is None:
                mytz = self.replace(tzinfo=None)._local_tz()
                off = mytz.utcoffset(self)
        if tz is mytz:
            return self
        us = self._posix_us() - off._to_us()
        if tz is None:
            tz = _local_timezone_at(us // 1000000)
        return tz.fromutc(_dt_from_posix_us(type(self), us, tz))

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.utcoffset(self), "utcoffset")

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.dst(self), "dst")

    def tzname(self):
        if self._tzinfo is None:
            return None
        return _check_tzname(self._tzinfo.tzname(self))

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day, self._hour if hour is None else hour,
                          self._minute if minute is None else minute, self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    __replace__ = replace

    # -- formatting
    def isoformat(self, sep="T", timespec="auto"):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s" % _arg_type_name(sep))
        s = "%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep)
        s += _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset(), ":")

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        s = "%d, %d, %d, %d, %d" % (self._year, self._month, self._day, self._hour, self._minute)
        if self._microsecond:
            s += ", %d, %d" % (self._second, self._microsecond)
        elif self._second:
            s += ", %d" % self._second
        if self._fold:
            s += ", fold=1"
        if self._tzinfo is not None:
            s += ", tzinfo=%r" % (self._tzinfo,)
        return "%s(%s)" % (_type_name(self, "datetime"), s)

    def ctime(self):
        return "%s %s %2d %02d:%02d:%02d %04d" % (_DAYNAMES[self.weekday()], _MONTHNAMES[self._month], self._day,
                                                  self._hour, self._minute, self._second, self._year)

    def strftime(self, format):
        return _wrap_strftime(self, format, self.timetuple())

    # -- arithmetic
    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return _dt_from_posix_us(type(self), self._posix_us() + other._to_us(), self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        diff = self._posix_us() - other._posix_us()
        if self._tzinfo is not other._tzinfo:
            o1 = self.utcoffset()
            o2 = other.utcoffset()
            if (o1 is None) != (o2 is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            if o1 is not None:
                diff -= o1._to_us() - o2._to_us()
        return _mk_td(timedelta, diff)

    # -- comparisons
    def _fold_sensitive(self, off):
        """True if flipping fold changes the UTC offset (PEP 495: such times never compare equal to a
        time in another zone)."""
        tz = self._tzinfo
        if tz is None or type(tz) is timezone:
            return False
        other = self.replace(fold=1 - self._fold)
        return other.utcoffset() != off

    def _cmp(self, other, op):
        if self._tzinfo is other._tzinfo:
            a = self._posix_us()
            b = other._posix_us()
        else:
            o1 = self.utcoffset()
            o2 = other.utcoffset()
            if o1 is None and o2 is None:
                a = self._posix_us()
                b = other._posix_us()
            elif o1 is None or o2 is None:
                if op == "==":
                    return False
                if op == "!=":
                    return True
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            else:
                a = self._posix_us() - o1._to_us()
                b = other._posix_us() - o2._to_us()
                if a == b and (op == "==" or op == "!=") and (self._fold_sensitive(o1) or
                                                             other._fold_sensitive(o2)):
                    return op == "!="
        if op == "==":
            return a == b
        if op == "!=":
            return a != b
        if op == "<":
            return a < b
        if op == "<=":
            return a <= b
        if op == ">":
            return a > b
        return a >= b

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, "==")
        if isinstance(other, date):
            return False
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, "!=")
        if isinstance(other, date):
            return True
        return NotImplemented

    def __lt__(self, other):
        return self._cmp(other, "<") if isinstance(other, datetime) else NotImplemented

    def __le__(self, other):
        return self._cmp(other, "<=") if isinstance(other, datetime) else NotImplemented

    def __gt__(self, other):
        return self._cmp(other, ">") if isinstance(other, datetime) else NotImplemented

    def __ge__(self, other):
        return self._cmp(other, ">=") if isinstance(other, datetime) else NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            us = t._posix_us()
            if off is not None:
                us -= off._to_us()
            self._hashcode = hash(us)
        return self._hashcode

    # Pickled as CPython's datetime is: a 10-byte state (2-byte year, month with the fold in its top
    # bit from protocol 4 on, day, hour, minute, second, 3-byte microsecond), then the tzinfo if any.
    def __reduce_ex__(self, protocol):
        us = self._microsecond
        month = self._month + (128 if self._fold and protocol > 3 else 0)
        state = bytes((self._year >> 8, self._year & 255, month, self._day, self._hour, self._minute,
                       self._second, us >> 16, (us >> 8) & 255, us & 255))
        return (type(self), (state,) if self._tzinfo is None else (state, self._tzinfo))

    def __reduce__(self):
        return self.__reduce_ex__(2)

    __copy__ = _copy_value
    __deepcopy__ = _deepcopy_value


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)
