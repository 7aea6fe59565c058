# datetime.time, tzinfo and timezone: validation, fold, isoformat/timespec, fromisoformat, strftime,
# naive/aware comparisons, utcoffset validation, fixed offsets and a DST-observing tzinfo subclass
# (the default fromutc, fold-dependent offsets, PEP 495 inter-zone equality).
from datetime import time, timedelta, timezone, tzinfo, datetime, date, UTC
import copy


def show(label, f):
    try:
        r = f()
    except Exception as e:
        msg = '' if 'not supported between' in str(e) or 'operand' in str(e) else ' ' + str(e)
        print(label, '->', type(e).__name__ + ':' + msg)
    else:
        print(label, '->', repr(r))


print('== time construction')
for args, kw in [((), {}), ((23, 59, 59, 999999), {}), ((12,), {'fold': 1}), ((24,), {}), ((-1,), {}),
                 ((0, 60), {}), ((0, 0, 60), {}), ((0, 0, 0, 10**6), {}), ((0, 0, 0, -1), {}),
                 ((1,), {'fold': 2}), ((1,), {'fold': -1}), ((1.0,), {}), (('1',), {}), ((1, 2, 3, 4, 5), {}),
                 ((1, 2, 3, 4, UTC), {}), ((), {'tzinfo': timezone(timedelta(hours=-3))}),
                 ((), {'hour': 5, 'second': 7})]:
    show('time%r%r' % (args, kw), lambda: time(*args, **kw))
print(time.min, time.max, time.resolution, repr(time.min), repr(time.max))

print('== time formatting')
tz530 = timezone(timedelta(hours=5, minutes=30))
for t in [time(), time(1, 2), time(1, 2, 3), time(1, 2, 3, 4), time(1, 2, 3, 4000, UTC), time(23, 0, tzinfo=tz530),
          time(0, 0, 0, 1, timezone(timedelta(hours=-1, seconds=-15))), time(7, 8, 9, fold=1)]:
    print(repr(t), str(t), t.isoformat(), [t.isoformat(ts) for ts in
                                           ('hours', 'minutes', 'seconds', 'milliseconds', 'microseconds')],
          t.utcoffset(), t.tzname(), t.dst(), format(t), bool(t))
    print('  ', t.strftime('%H|%M|%S|%f|%I %p|%z|%:z|%Z|%Y-%m-%d %j|%%'), f'{t:%H.%M}')
show('timespec', lambda: time(1).isoformat('bad'))
show('timespec kw', lambda: time(1).isoformat(timespec='days'))
show('strftime(None)', lambda: time(1).strftime(None))

print('== time.fromisoformat')
for s in ['00:00', '23:59:59', '12:30:45.123456', '12:30:45.123', '12:30:45.1234567', '12:30:45,5', '12',
          '1230', '123045', '123045.5', 'T10:20', 'T1020', '10:20Z', '10:20+01:00', '10:20-01:30:15',
          '10:20+0100', '10:20:30.25+05:30:15.5', '10:20+00:00', '10:20-00:00', '24:00', '23:60',
          '10:20:61', '10:2', '10:20:', '10:20:30.', '10:20+1', '10:20+24:00', '10:20Zx', '10:20z', '',
          'T', '1:02', '10-20', '10:20 ', ' 10:20', '12.5', '12:30.5', '12:30:45:5', '12304567']:
    show('time.fromisoformat(%r)' % s, lambda: time.fromisoformat(s))
show('fromisoformat(b)', lambda: time.fromisoformat(b'10:20'))

print('== time replace, comparisons, hash')
t = time(10, 20, 30, 40, tz530)
print(repr(t.replace(hour=1)), repr(t.replace(tzinfo=None)), repr(t.replace(fold=1)), repr(t.replace()))
show('replace(minute=99)', lambda: t.replace(minute=99))
show('replace(tzinfo=1)', lambda: t.replace(tzinfo=1))
a = time(12, tzinfo=UTC)
b = time(17, 30, tzinfo=tz530)
c = time(12)
print(a == b, a != b, a < b, a <= b, hash(a) == hash(b), c == a, c != a, c == time(12), time(12, fold=1) == c,
      hash(time(12, fold=1)) == hash(c), time(1) < time(2), time(2, 0, 0, 1) > time(2))
show('naive < aware', lambda: c < a)
show('aware >= naive', lambda: a >= c)
show('time < 5', lambda: c < 5)
print(c == 5, c != 'x', len({a, b, c, time(12)}))

print('== timezone')
for args in [(timedelta(0),), (timedelta(0), 'Z'), (timedelta(hours=1),), (timedelta(hours=-5), 'EST'),
             (timedelta(hours=5, minutes=30, seconds=15),), (timedelta(microseconds=-1),),
             (timedelta(hours=23, minutes=59, seconds=59, microseconds=999999),), (timedelta(hours=24),),
             (timedelta(hours=-24),), (timedelta(days=-1, microseconds=1),), (5,), (timedelta(0), 5),
             (timedelta(0), None)]:
    show('timezone%r' % (args,), lambda: timezone(*args))
for tz in [UTC, timezone.utc, timezone(timedelta(0)), timezone(timedelta(0), 'UTC'), tz530,
           timezone(timedelta(hours=-5), 'EST'), timezone(timedelta(seconds=-1)),
           timezone(timedelta(hours=1, microseconds=5)), timezone.min, timezone.max]:
    print(repr(tz), str(tz), tz.utcoffset(None), tz.dst(None), tz.tzname(None), tz.utcoffset(datetime(2000, 1, 1)))
print(UTC is timezone.utc, timezone(timedelta(0)) is UTC, timezone(timedelta(0), 'x') is UTC)
print(timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), 'A'), timezone(timedelta(hours=1)) == tz530,
      hash(timezone(timedelta(hours=1))) == hash(timezone(timedelta(hours=1), 'B')), UTC == 0, UTC != None)
show('utcoffset(1)', lambda: UTC.utcoffset(1))
show('tzname("x")', lambda: tz530.tzname('x'))
show('dst(date)', lambda: tz530.dst(date(2000, 1, 1)))
show('fromutc(date)', lambda: tz530.fromutc(date(2000, 1, 1)))
show('fromutc(naive)', lambda: tz530.fromutc(datetime(2000, 1, 1)))
show('fromutc(other tz)', lambda: tz530.fromutc(datetime(2000, 1, 1, tzinfo=UTC)))
show('fromutc', lambda: tz530.fromutc(datetime(2000, 1, 1, 20, tzinfo=tz530)))
show('subclass timezone', lambda: type('Z', (timezone,), {}))
print(copy.copy(tz530) == tz530, copy.deepcopy(UTC) is UTC, isinstance(UTC, tzinfo))

print('== tzinfo base and invalid subclasses')
base = tzinfo()
for m in ['utcoffset', 'dst', 'tzname']:
    show('tzinfo().%s' % m, lambda: getattr(base, m)(None))
show('fromutc(1)', lambda: base.fromutc(1))
show('fromutc(naive)', lambda: base.fromutc(datetime(2000, 1, 1)))


class Bad(tzinfo):
    def __init__(self, off, dst=None, name=None):
        self.off, self.d, self.name = off, dst, name

    def utcoffset(self, dt):
        return self.off

    def dst(self, dt):
        return self.d

    def tzname(self, dt):
        return self.name


for bad in [Bad(5), Bad(timedelta(hours=24)), Bad(timedelta(hours=-24)), Bad(None), Bad(timedelta(minutes=90), 5),
            Bad(timedelta(0), timedelta(days=2), 7), Bad(timedelta(hours=23, minutes=59), None, 'ok')]:
    dt = datetime(2000, 1, 1, tzinfo=bad)
    t = time(1, tzinfo=bad)
    show('utcoffset', lambda: dt.utcoffset())
    show('dst', lambda: dt.dst())
    show('tzname', lambda: dt.tzname())
    show('t.utcoffset', lambda: t.utcoffset())
    show('isoformat', lambda: dt.isoformat())
    show('fromutc', lambda: bad.fromutc(dt))
    show('timetuple', lambda: tuple(dt.timetuple()))


print('== a DST zone: UTC-5, summer time (UTC-4) from March 10 02:00 to November 3 02:00 local standard time')


class Eastern(tzinfo):
    std = timedelta(hours=-5)

    def _dst_on(self, dt):
        # naive wall-clock comparison: the gap is [2:00, 3:00) on March 10, the fold [1:00, 2:00) on November 3
        start = datetime(dt.year, 3, 10, 2)
        end = datetime(dt.year, 11, 3, 1)
        wall = dt.replace(tzinfo=None)
        if start <= wall < end:
            return True
        if end <= wall < end + timedelta(hours=1):
            return dt.fold == 0
        return False

    def utcoffset(self, dt):
        return self.std + self.dst(dt)

    def dst(self, dt):
        if dt is None:
            return timedelta(0)
        return timedelta(hours=1) if self._dst_on(dt) else timedelta(0)

    def tzname(self, dt):
        return 'EDT' if dt is not None and self._dst_on(dt) else 'EST'

    def __repr__(self):
        return 'Eastern()'


ET = Eastern()
for h in range(4, 9):
    u = datetime(2024, 11, 3, h, 30, tzinfo=UTC)
    loc = u.astimezone(ET)
    print(u, '->', repr(loc), loc.tzname(), loc.utcoffset(), loc.astimezone(UTC) == u, loc.timestamp())
for h in range(5, 9):
    u = datetime(2024, 3, 10, h, 30, tzinfo=UTC)
    loc = u.astimezone(ET)
    print(u, '->', repr(loc), loc.tzname(), loc.astimezone(UTC))
f0 = datetime(2024, 11, 3, 1, 30, tzinfo=ET)
f1 = f0.replace(fold=1)
print(f0 == f1, f0 - f1, f1 - f0, f0.utcoffset(), f1.utcoffset(), f0.astimezone(UTC), f1.astimezone(UTC))
print(f0 == f0.astimezone(UTC), f1 == f1.astimezone(UTC), f0 != f0.astimezone(UTC), f1 < f1.astimezone(UTC))
print(f0.astimezone(UTC) - f1.astimezone(UTC), (f1 - timedelta(hours=1)).fold, hash(f0) == hash(f1))
print(f0.isoformat(), f1.isoformat(), f1.strftime('%H:%M %Z %z'), tuple(f0.timetuple())[-1],
      tuple(datetime(2024, 1, 1, tzinfo=ET).timetuple())[-1])
print(datetime(2024, 7, 1, 12, tzinfo=ET).astimezone(tz530), datetime(2024, 7, 1, 12, tzinfo=ET).utctimetuple()[:6])
