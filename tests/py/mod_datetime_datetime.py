# datetime.datetime: construction, combine, fromisoformat, fromtimestamp with explicit zones, timestamp,
# astimezone between fixed offsets, aware/naive arithmetic and comparisons, hashing, formatting,
# deprecated utc* constructors (warnings), and the local-time functions checked by properties only (the
# machine's TZ is unknown).
from datetime import datetime, date, time, timedelta, timezone, tzinfo, UTC
import time as _time
import warnings


def show(label, f):
    try:
        r = f()
    except Exception as e:
        msg = '' if 'not supported between' in str(e) or 'operand' in str(e) else ' ' + str(e)
        print(label, '->', type(e).__name__ + ':' + msg)
    else:
        print(label, '->', repr(r))


EST = timezone(timedelta(hours=-5), 'EST')
IST = timezone(timedelta(hours=5, minutes=30))
ODD = timezone(timedelta(hours=-3, minutes=-7, seconds=-9, microseconds=-11))

print('== construction')
for args, kw in [((2024, 2, 29), {}), ((2024, 2, 29, 23, 59, 59, 999999), {}), ((1, 1, 1), {'tzinfo': UTC}),
                 ((9999, 12, 31, 23, 59, 59, 999999, EST), {}), ((2024, 1, 1), {'fold': 1}),
                 ((2023, 2, 29), {}), ((2024, 1, 1, 24), {}), ((2024, 1, 1, 0, 60), {}), ((2024, 1, 1, 0, 0, 60), {}),
                 ((2024, 1, 1, 0, 0, 0, 10**6), {}), ((2024, 1, 1), {'tzinfo': 'UTC'}), ((2024, 1, 1), {'fold': 5}),
                 ((2024,), {}), ((2024, 1), {}), ((2024, 1, 1.5), {}),
                 ((), {'year': 2000, 'month': 2, 'day': 3, 'minute': 4})]:
    show('datetime%r%r' % (args, kw), lambda: datetime(*args, **kw))
print(datetime.min, datetime.max, datetime.resolution, repr(datetime.min), repr(datetime.max))
print(issubclass(datetime, date), isinstance(datetime(2000, 1, 1), date))

print('== combine, date(), time(), timetz(), replace')
d = datetime.combine(date(2024, 7, 4), time(12, 30, 15, 500, IST, fold=1))
print(repr(d), repr(d.date()), repr(d.time()), repr(d.timetz()))
print(repr(datetime.combine(date(2024, 7, 4), time(1), tzinfo=EST)), repr(datetime.combine(d, time(2))),
      repr(datetime.combine(d, d.timetz(), None)))
show('combine(1, t)', lambda: datetime.combine(1, time()))
show('combine(d, 1)', lambda: datetime.combine(date(2000, 1, 1), 1))
show('combine tz', lambda: datetime.combine(date(2000, 1, 1), time(), 5))
print(repr(d.replace(year=2000, tzinfo=None)), repr(d.replace(fold=0, microsecond=0)), repr(d.replace()))
show('replace(day=32)', lambda: d.replace(day=32))
show('replace(tzinfo=1)', lambda: d.replace(tzinfo=1))
print(datetime.fromordinal(738000), repr(datetime.fromordinal(1)), datetime(2024, 3, 1).toordinal())

print('== formatting')
for dt in [datetime(2024, 1, 2), datetime(2024, 1, 2, 3, 4), datetime(2024, 1, 2, 3, 4, 5),
           datetime(2024, 1, 2, 3, 4, 5, 6), datetime(2024, 1, 2, 3, 4, 5, 6000, UTC),
           datetime(2024, 1, 2, 0, 0, 0, 0, EST, fold=1), datetime(1, 1, 1, tzinfo=ODD), datetime(99, 1, 1, 1, 1)]:
    print(repr(dt), '|', str(dt), '|', dt.isoformat(), '|', dt.isoformat(' '), '|', dt.ctime())
    print('  ', [dt.isoformat('T', ts) for ts in ('auto', 'hours', 'minutes', 'seconds', 'milliseconds',
                                                  'microseconds')])
    print('  ', dt.strftime('%Y-%m-%d %H:%M:%S.%f %z %:z %Z %a %j %I%p %%z'), f'{dt:%d %b %Y}', format(dt, ''))
show('isoformat(sep=ab)', lambda: datetime(2000, 1, 1).isoformat('ab'))
show('isoformat(sep=1)', lambda: datetime(2000, 1, 1).isoformat(1))
show('isoformat(timespec)', lambda: datetime(2000, 1, 1).isoformat(timespec='nanoseconds'))
print(datetime(2000, 1, 1, 1).isoformat(sep='\u00e9'), datetime(2024, 5, 6, 7, 8, 9).strftime('%c|%x|%X'))

print('== fromisoformat')
for s in ['2024-05-06', '2024-05-06T07', '2024-05-06T07:08', '2024-05-06 07:08:09', '2024-05-06x07:08:09.123',
          '20240506T070809', '2024-05-06T07:08:09.123456789', '2024-05-06T07:08:09,5Z',
          '2024-05-06T07:08+05:30', '2024-05-06T07:08-0530', '2024-05-06T07:08:09+01:02:03.000004',
          '2024-W19-1T07:08', '2024W191T0708', '2024W19T07', '2024-W19T07', '2024-W19-10', '2024W0110',
          '2024-05-06T', '2024-05-06T7', '2024-05-06T07:8', '2024-05-06T24:00', '2024-05-06T07:08:09+24:00',
          '2024-05-06T07:08Z+01:00', '2024-02-30T00:00', '0001-01-01T00:00:00', '9999-12-31T23:59:59.999999',
          '2024-05-06\u00e907:08', '2024-05-06 07:08:09 ', '2024-05', '2024-05-06T07:08:09.',
          '2024-05-06T07:08:09.123+', '']:
    show('fromisoformat(%r)' % s, lambda: datetime.fromisoformat(s))
for dt in [datetime(2024, 5, 6, 7, 8, 9, 10, ODD), datetime(1, 1, 1, tzinfo=UTC), datetime(2024, 12, 31, 23, 59, fold=1)]:
    print(datetime.fromisoformat(dt.isoformat()) == dt, repr(datetime.fromisoformat(str(dt))))

print('== timestamps with explicit zones')
for ts in [0, 1, -1, 1.5, -1.5, 0.0000005, 0.0000015, -0.0000005, 1e-7, 1700000000.123456, 1700000000.9999996,
           -62135596800, 253402300799.999999, 2**31, -2**31, 951782400]:
    show('fromtimestamp(%r, UTC)' % ts, lambda: datetime.fromtimestamp(ts, UTC))
    show('  in IST', lambda: datetime.fromtimestamp(ts, IST))
for ts in [-62135596801, 253402318800, 1e20, float('nan'), float('inf')]:
    show('fromtimestamp(%r, UTC)' % ts, lambda: datetime.fromtimestamp(ts, UTC))
show('fromtimestamp("1")', lambda: datetime.fromtimestamp('1', UTC))
show('fromtimestamp(True)', lambda: datetime.fromtimestamp(True, UTC))
show('fromtimestamp(10**30)', lambda: datetime.fromtimestamp(10**30, UTC))
show('fromtimestamp(None)', lambda: datetime.fromtimestamp(None, UTC))
show('fromtimestamp(tz=1)', lambda: datetime.fromtimestamp(1, 1))
for dt in [datetime(1970, 1, 1, tzinfo=UTC), datetime(2024, 5, 6, 7, 8, 9, 123456, EST), datetime(1, 1, 1, tzinfo=UTC),
           datetime(9999, 12, 31, 23, 59, 59, 0, IST), datetime(1969, 12, 31, 23, 59, 59, 999999, UTC)]:
    print(repr(dt), dt.timestamp(), datetime.fromtimestamp(dt.timestamp(), dt.tzinfo) == dt, tuple(dt.utctimetuple()))

print('== astimezone between fixed offsets')
u = datetime(2024, 12, 31, 22, 30, tzinfo=UTC)
for tz in [UTC, EST, IST, ODD, timezone.min, timezone.max]:
    x = u.astimezone(tz)
    print(repr(x), x == u, hash(x) == hash(u), x.astimezone(UTC) == u, x - u, x.utcoffset(), x.tzname())
print(u.astimezone(UTC) is u, u.astimezone(EST).astimezone(EST).tzinfo is EST)
show('astimezone(1)', lambda: u.astimezone(1))
show('max.astimezone', lambda: datetime(9999, 12, 31, 23, tzinfo=EST).astimezone(UTC))
show('min.astimezone', lambda: datetime(1, 1, 1, 1, tzinfo=IST).astimezone(UTC))

print('== arithmetic')
a = datetime(2024, 2, 28, 23, 0, tzinfo=IST)
b = datetime(2024, 2, 28, 12, 0, tzinfo=EST)
n = datetime(2024, 2, 28, 23, 0)
for label, f in [('a+1h', lambda: a + timedelta(hours=1)), ('1d+a', lambda: timedelta(days=1) + a),
                 ('a-25h', lambda: a - timedelta(hours=25)), ('n+1.5d', lambda: n + timedelta(days=1.5)),
                 ('n-us', lambda: n - timedelta(microseconds=1)), ('a-b', lambda: a - b), ('b-a', lambda: b - a),
                 ('a-a', lambda: a - a), ('n-n.replace', lambda: n - n.replace(year=2000)),
                 ('a-n', lambda: a - n), ('n-a', lambda: n - a), ('n+n', lambda: n + n), ('n-1', lambda: n - 1),
                 ('n-date', lambda: n - date(2024, 1, 1)), ('max+us', lambda: datetime.max + timedelta(microseconds=1)),
                 ('min-us', lambda: datetime.min - timedelta(microseconds=1)),
                 ('min+max td', lambda: datetime.min + timedelta.max), ('max-min', lambda: datetime.max - datetime.min),
                 ('fold kept?', lambda: datetime(2024, 1, 1, fold=1) + timedelta(0))]:
    show(label, f)

print('== comparisons and hashing')
same = datetime(2024, 2, 28, 17, 30, tzinfo=UTC)
print(a == same, a != same, a < same, a <= same, a > b, a >= b, a == b, hash(a) == hash(same))
print(sorted([a, b, same, b.astimezone(IST)]))
print(n == a, a == n, n != a, n == date(2024, 2, 28), date(2024, 2, 28) == n, n != date(2024, 2, 28), n == 5)
show('n < a', lambda: n < a)
show('a >= n', lambda: a >= n)
show('n < date', lambda: n < date(2024, 1, 1))
show('n < 5', lambda: n < 5)
print(datetime(2024, 1, 1, fold=1) == datetime(2024, 1, 1), hash(datetime(2024, 1, 1, fold=1)) == hash(datetime(2024, 1, 1)),
      len({a, same, b, b.astimezone(UTC), n, n.replace(tzinfo=None)}))

print('== timetuple')
print(tuple(datetime(2024, 12, 31, 1, 2, 3).timetuple()), tuple(datetime(2024, 12, 31, tzinfo=UTC).timetuple()))
print(datetime(2024, 3, 1).timetuple().tm_yday, datetime(2023, 3, 1).timetuple().tm_yday)

print('== subclass')


class DT(datetime):
    def tag(self):
        return 'DT'


s = DT(2024, 1, 1, 12, tzinfo=UTC)
print(repr(s), s.tag(), type(s + timedelta(1)).__name__, type(s - timedelta(1)).__name__,
      type(s.astimezone(EST)).__name__, type(s.replace(hour=1)).__name__, type(DT.fromtimestamp(0, UTC)).__name__,
      type(DT.combine(date(2000, 1, 1), time())).__name__, type(DT.fromisoformat('2000-01-01')).__name__,
      type(DT.strptime('2000', '%Y')).__name__, type(s.date()).__name__, type(s - s).__name__)

print('== deprecated utcnow/utcfromtimestamp')
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(repr(datetime.utcfromtimestamp(86400 * 365.25 * 30)), repr(datetime.utcfromtimestamp(-1.25)))
    un = datetime.utcnow()
    print(un.tzinfo, type(un).__name__)
for x in w:
    print(x.category.__name__, x.message)

print('== local time: properties only')
t0 = 1700000000.25
loc = datetime.fromtimestamp(t0)
print(loc.tzinfo is None, loc.timestamp() == t0, loc.microsecond)
aw = loc.astimezone()
print(aw.tzinfo is not None, aw.utcoffset() == timedelta(seconds=_time.localtime(t0).tm_gmtoff),
      aw.tzname() == _time.localtime(t0).tm_zone, aw.replace(tzinfo=None) == loc, aw.timestamp() == t0,
      aw == datetime.fromtimestamp(t0, UTC))
print(date.fromtimestamp(t0) == loc.date(), datetime.fromtimestamp(t0, UTC).astimezone() == aw)
for ts in range(-86400 * 3, 86400 * 3, 3600 * 7 + 13):
    lt = datetime.fromtimestamp(ts)
    if lt.timestamp() != ts and lt.fold == 0 and lt.replace(fold=1).timestamp() != ts:
        print('round trip failed', ts)
now = datetime.now()
print(now.tzinfo is None, abs(now.timestamp() - _time.time()) < 60, abs(datetime.now(UTC).timestamp() - _time.time()) < 60,
      datetime.now(UTC).tzinfo is UTC, datetime.today().tzinfo is None, date.today() - now.date() <= timedelta(1),
      datetime.now(EST).tzinfo is EST)
show('now(1)', lambda: datetime.now(1))
# Within a day of year 1 the local-time probes leave the supported range in every time zone.
show('datetime(1, 1, 1).timestamp()', lambda: datetime(1, 1, 1).timestamp())
show('datetime.min.astimezone()', lambda: datetime.min.astimezone())
for v in [-62135596800 - 2 * 86400, 253402300800 + 2 * 86400]:
    show('date.fromtimestamp(%r)' % (v,), lambda: date.fromtimestamp(v))
    show('datetime.fromtimestamp(%r)' % (v,), lambda: datetime.fromtimestamp(v))
for v in [None, '1', float('nan'), float('inf'), 1e20, 10**30]:
    show('date.fromtimestamp(%r)' % (v,), lambda: date.fromtimestamp(v))
    show('datetime.fromtimestamp(%r)' % (v,), lambda: datetime.fromtimestamp(v))
print(abs(datetime(2024, 6, 1, 12).astimezone(UTC).replace(tzinfo=None) - datetime(2024, 6, 1, 12)) < timedelta(days=1))
