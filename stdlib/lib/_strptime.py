"""_strptime: parsing of time strings by strftime formats, for time.strptime and datetime.strptime.

A format becomes one regular expression (case-insensitive, literal text escaped, runs of whitespace
matching any whitespace) with a named group per directive; the groups are then converted into fields.
Names are the C locale's (Krait has no locale support). Compiled formats are cached per format string.
"""
import re as _re
import time as _time

_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_ABBR = tuple(n[:3] for n in _DAY_NAMES)
_MONTH_NAMES = ("", "january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
_MONTH_ABBR = ("",) + tuple(n[:3] for n in _MONTH_NAMES[1:])


def _alternatives(names, group):
    """A group matching any of names, longest first (so 'march' is not matched as 'mar' + rest)."""
    names = sorted((n for n in names if n), key=len, reverse=True)
    return "(?P<%s>%s)" % (group, "|".join(_re.escape(n) for n in names))


def _zone_names():
    names = {"utc", "gmt"}
    for n in _time.tzname:
        names.add(n.lower())
    return names


_DIRECTIVES = {
    "d": r"(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
    "f": r"(?P<f>[0-9]{1,6})",
    "H": r"(?P<H>2[0-3]|[0-1]\d|\d)",
    "I": r"(?P<I>1[0-2]|0[1-9]|[1-9]| [1-9])",
    "j": r"(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
    "m": r"(?P<m>1[0-2]|0[1-9]|[1-9])",
    "M": r"(?P<M>[0-5]\d|\d)",
    "S": r"(?P<S>6[0-1]|[0-5]\d|\d)",
    "U": r"(?P<U>5[0-3]|[0-4]\d|\d)",
    "W": r"(?P<W>5[0-3]|[0-4]\d|\d)",
    "w": r"(?P<w>[0-6])",
    "u": r"(?P<u>[1-7])",
    "y": r"(?P<y>\d\d)",
    "Y": r"(?P<Y>\d\d\d\d)",
    "z": r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
    "a": _alternatives(_DAY_ABBR, "a"),
    "A": _alternatives(_DAY_NAMES, "A"),
    "b": _alternatives(_MONTH_ABBR, "b"),
    "B": _alternatives(_MONTH_NAMES, "B"),
    "p": "(?P<p>am|pm)",
    "%": "%",
}
# The C locale's composite formats, expanded before translation.
_COMPOSITE = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S"}
_SPECIAL = frozenset("\\.^$*+?(){}[]|")

_cache = {}


def _translate(fmt, seen):
    """The regex source for fmt; seen collects the directive letters used. Raises KeyError(letter) for
    an unknown directive and IndexError for a '%' at the end."""
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c == "%":
            if i + 1 >= n:
                raise IndexError
            d = fmt[i + 1]
            i += 2
            if d in _COMPOSITE:
                out.append(_translate(_COMPOSITE[d], seen))
                continue
            if d == "Z":
                src = _alternatives(_zone_names(), "Z")
            else:
                src = _DIRECTIVES.get(d)
                if src is None:
                    raise KeyError("%" if d in _SPECIAL else d)
            seen.add(d)   # a directive used twice redefines its group: re.error, as in CPython
            out.append(src)
        elif c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            out.append(r"\s+")
        else:
            out.append("\\" + c if c in _SPECIAL else c)
            i += 1
    return "".join(out)


def _compile(fmt):
    entry = _cache.get(fmt)
    if entry is not None:
        return entry
    seen = set()
    try:
        src = _translate(fmt, seen)
    except KeyError as err:
        raise ValueError("'%s' is a bad directive in format '%s'" % (err.args[0], fmt)) from None
    except IndexError:
        raise ValueError("stray %% in format '%s'" % fmt) from None
    if "d" in seen and not (seen & {"Y", "y", "G"}):
        import warnings
        warnings.warn("Parsing dates involving a day of month without a year specified is ambiguious\n"
                      "and fails to parse leap day. The default behavior will change in Python 3.15\n"
                      "to either always raise an exception or to use a different default year (TBD).\n"
                      "To avoid trouble, add a specific year to the input & format.\n"
                      "See https://github.com/python/cpython/issues/70647.", DeprecationWarning, stacklevel=5)
    entry = _re.compile(src, _re.IGNORECASE)
    if len(_cache) > 100:
        _cache.clear()
    _cache[fmt] = entry
    return entry


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _julian_from_week(year, week, weekday, monday_first):
    """Day of the year (1-based, may be <= 0) of weekday (Monday = 0) in week number `week` of %U (weeks
    start on Sunday) or %W (on Monday); week 0 is the days before the first such week start."""
    import datetime
    first = datetime.date(year, 1, 1).weekday()
    if not monday_first:
        first = (first + 1) % 7
        weekday = (weekday + 1) % 7
    if week == 0:
        return 1 + weekday - first
    return 1 + (7 - first) % 7 + 7 * (week - 1) + weekday


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    """The fields parsed: (year, month, day, hour, minute, second, weekday, julian, isdst, tzname,
    gmtoff), fraction (microseconds), gmtoff_fraction."""
    for index, arg in enumerate((data_string, format)):
        if not isinstance(arg, str):
            raise TypeError("strptime() argument %d must be str, not %s" % (index, type(arg)))
    regex = _compile(format)
    found = regex.match(data_string)
    if found is None:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError("unconverted data remains: %s" % data_string[found.end():])

    import datetime
    year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    julian = weekday = week = None
    week_monday = True
    g = found.groupdict()
    for key, val in g.items():
        if val is None:
            continue
        if key == "y":
            year = int(val)
            year += 2000 if year <= 68 else 1900
        elif key == "Y":
            year = int(val)
        elif key == "m":
            month = int(val)
        elif key == "B":
            month = _MONTH_NAMES.index(val.lower())
        elif key == "b":
            month = _MONTH_ABBR.index(val.lower())
        elif key == "d":
            day = int(val)
        elif key == "H":
            hour = int(val)
        elif key == "I":
            hour = int(val)
            ampm = (g.get("p") or "").lower()
            if ampm in ("", "am"):
                if hour == 12:
                    hour = 0
            elif hour != 12:
                hour += 12
        elif key == "M":
            minute = int(val)
        elif key == "S":
            second = int(val)
        elif key == "f":
            fraction = int(val + "0" * (6 - len(val)))
        elif key == "A":
            weekday = _DAY_NAMES.index(val.lower())
        elif key == "a":
            weekday = _DAY_ABBR.index(val.lower())
        elif key == "w":
            weekday = (int(val) + 6) % 7
        elif key == "u":
            weekday = int(val) - 1
        elif key == "j":
            julian = int(val)
        elif key in ("U", "W"):
            week = int(val)
            week_monday = key == "W"
        elif key == "z":
            if val == "Z":
                gmtoff = 0
            else:
                z = val
                if z[3] == ":":
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ":":
                            raise ValueError("Inconsistent use of : in %s" % val)
                        z = z[:5] + z[6:]
                gmtoff = int(z[1:3]) * 3600 + int(z[3:5]) * 60 + int(z[5:7] or 0)
                rest = z[8:]
                gmtoff_fraction = int(rest + "0" * (6 - len(rest)))
                if z[0] == "-":
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
        elif key == "Z":
            name = val.lower()
            if name in ("utc", "gmt"):
                tz = 0
            else:
                std, dst = (n.lower() for n in _time.tzname)
                if _time.daylight and std == dst:
                    pass          # ambiguous: the same name for standard and summer time
                elif name == std:
                    tz = 0
                elif name == dst:
                    tz = 1

    leap_fix = False
    if year is None:
        if month == 2 and day == 29:
            year = 1904       # a leap year for the computations; 1900 is restored below
            leap_fix = True
        else:
            year = 1900
    if julian is None and weekday is not None and week is not None:
        julian = _julian_from_week(year, week, weekday, week_monday)
        if julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is None:
        julian = datetime.date(year, month, day).toordinal() - datetime.date(year, 1, 1).toordinal() + 1
    else:
        d = datetime.date.fromordinal(julian - 1 + datetime.date(year, 1, 1).toordinal())
        year, month, day = d.year, d.month, d.day
    if weekday is None:
        weekday = datetime.date(year, month, day).weekday()
    if leap_fix:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, julian, tz, g.get("Z"), gmtoff),
            fraction, gmtoff_fraction)


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    """time.strptime: a struct_time."""
    tt = _strptime(data_string, format)[0]
    return _time.struct_time(tt[:9] + tt[9:])


def _strptime_datetime(cls, data_string, format="%a %b %d %H:%M:%S %Y"):
    """datetime.strptime: an instance of cls, aware when the format had %z."""
    import datetime
    tt, fraction, gmtoff_fraction = _strptime(data_string, format)
    tzname, gmtoff = tt[-2:]
    args = tt[:6] + (fraction,)
    if gmtoff is not None:
        delta = datetime.timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        args += (datetime.timezone(delta, tzname) if tzname else datetime.timezone(delta),)
    return cls(*args)
