# Seeded pseudo-random differential check of datetime against CPython 3.13: timedelta construction and
# arithmetic, date ordinals/ISO calendar/formatting, aware datetimes in fixed offsets (isoformat,
# fromisoformat round trips, astimezone, timestamps, strftime/strptime round trips) and fromisoformat on
# mutated ISO strings. A local LCG keeps the values independent of the random module.
import sys
from datetime import *
SEED = 20261207
N = 40
state = SEED
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state >> 33) % n
def pick(seq): return seq[rnd(len(seq))]
def rfloat(scale): return (rnd(2000001) - 1000000) / 1000000 * scale
def out(label, f):
    try: r = f()
    except Exception as e: r = '%s: %s' % (type(e).__name__, e)
    print(label, repr(r) if not isinstance(r, str) else r)
def rnum(scale):
    k = rnd(4)
    if k == 0: return rnd(2 * scale + 1) - scale
    if k == 1: return rfloat(scale)
    if k == 2: return pick([0, 1, -1, 0.5, -0.5, 1.5, 2.5, 1e-7, -1e-7, 0.1, 1/3, 86399.9999995, 5e-7, -5e-7, 1.5e-6])
    return rfloat(scale) * pick([1, 1e-6, 1e3, 1e6])
def rtd():
    kw = {}
    for name, sc in (('days', 100000), ('seconds', 200000), ('microseconds', 10**7), ('milliseconds', 10**5), ('minutes', 5000), ('hours', 500), ('weeks', 50)):
        if rnd(3) == 0: kw[name] = rnum(sc)
    return kw
tds = []
for i in range(N):
    kw = rtd()
    out('td%r' % (kw,), lambda: timedelta(**kw))
    try: tds.append(timedelta(**kw))
    except Exception: pass
for i in range(N):
    a = pick(tds); b = pick(tds); k = pick([0, 1, -1, 2, 3, -7, 1000, 10**6]); f = pick([0.5, -0.25, 1/3, 2.5, 1e-6, 7.0, -0.0, 1e10])
    print(str(a), repr(a), a.total_seconds(), hash(a) == hash(timedelta(a.days, a.seconds, a.microseconds)))
    out('add', lambda: a + b); out('sub', lambda: a - b); out('mul', lambda: a * k); out('fmul', lambda: a * f); out('rmul', lambda: f * a)
    out('div', lambda: a / k); out('fdiv', lambda: a / f); out('tdiv', lambda: a / b); out('fl', lambda: a // k); out('tfl', lambda: a // b)
    out('mod', lambda: a % b); out('dm', lambda: divmod(a, b)); out('neg', lambda: -a); out('abs', lambda: abs(a)); out('cmp', lambda: (a < b, a <= b, a == b, a != b, a > b, a >= b, bool(a)))
dates = []
for i in range(N):
    o = pick([1, 2, 3652059, 3652058, 730120, 693596, 719163]) + rnd(400) if rnd(4) == 0 else 1 + rnd(3652059)
    out('ord', lambda: date.fromordinal(o))
    try: d = date.fromordinal(o)
    except Exception: continue
    dates.append(d)
    print(d, repr(d), d.toordinal() == o, d.weekday(), d.isoweekday(), d.isocalendar(), d.ctime(), tuple(d.timetuple()))
    ic = d.isocalendar()
    out('fic', lambda: date.fromisocalendar(*ic) == d)
    out('iso', lambda: date.fromisoformat(d.isoformat()) == d)
    out('isob', lambda: date.fromisoformat(d.strftime('%Y%m%d')) if d.year >= 1000 else None)
    out('isow', lambda: date.fromisoformat('%04d-W%02d-%d' % tuple(ic)))
    out('isow2', lambda: date.fromisoformat('%04dW%02d%d' % tuple(ic)))
    t = pick(tds)
    out('dadd', lambda: d + t); out('dsub', lambda: d - t); out('ddiff', lambda: d - pick(dates))
    e = pick(dates); out('dcmp', lambda: (d < e, d <= e, d == e, d != e, d > e, d >= e))
    if d.year >= 1000:
        out('fmt', lambda: d.strftime('%Y-%m-%d %a %A %b %B %j %U %W %w %u %y %%'))
        out('fmt2', lambda: format(d, '%d/%m/%Y'))
tzs = [timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8)), timezone(timedelta(minutes=-90), 'X'), timezone(timedelta(seconds=3725, microseconds=17)), timezone.max, timezone.min, None]
dts = []
for i in range(N):
    d = pick(dates)
    h, mi, s, us = rnd(24), rnd(60), rnd(60), pick([0, 0, rnd(10**6), 999999, 1000 * rnd(1000)])
    tz = pick(tzs); fold = rnd(2) if rnd(5) == 0 else 0
    dt = datetime(d.year, d.month, d.day, h, mi, s, us, tz, fold=fold)
    dts.append(dt)
    print(repr(dt), str(dt), dt.ctime(), tuple(dt.timetuple()), dt.utcoffset(), dt.tzname(), dt.dst())
    for ts in ('auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds'):
        out('isoformat', lambda: dt.isoformat(pick(['T', ' ', 'x']), ts))
    out('fromiso', lambda: datetime.fromisoformat(dt.isoformat()) == dt)
    out('fromiso2', lambda: datetime.fromisoformat(dt.isoformat()))
    out('time', lambda: (dt.time(), dt.timetz(), dt.date(), repr(dt.timetz())))
    out('tiso', lambda: time.fromisoformat(dt.timetz().isoformat()))
    if tz is not None:
        out('ts', lambda: dt.timestamp())
        out('utc', lambda: dt.astimezone(timezone.utc))
        tz2 = pick(tzs[:-1])
        out('astz', lambda: dt.astimezone(tz2))
        out('fromts', lambda: datetime.fromtimestamp(dt.timestamp(), tz2))
        out('utctt', lambda: tuple(dt.utctimetuple()))
    e = pick(dts)
    out('dtsub', lambda: dt - e)
    out('dtcmp', lambda: (dt < e, dt <= e, dt == e, dt != e, dt > e, dt >= e))
    if dt == e: print('heq', hash(dt) == hash(e))
    t = pick(tds)
    out('dtadd', lambda: dt + t); out('dtsub2', lambda: dt - t)
    if dt.year >= 1000:
        fmt = pick(['%Y-%m-%d %H:%M:%S.%f%z', '%d/%m/%y %I:%M %p', '%a %b %d %H:%M:%S %Y', '%j %Y %H%M%S', '%Y-%m-%dT%H:%M:%S%z', '%A %B %d %Y %Z', '%c', '%x %X', '%Y %U %w', '%Y %W %u', '%y%m%d%H%M%S%f'])
        s = dt.strftime(fmt)
        print('strf', fmt, s)
        out('strp', lambda: datetime.strptime(s, fmt))
        out('strp2', lambda: datetime.strptime(s.upper(), fmt))
        out('tstrp', lambda: tuple(__import__('time').strptime(s, fmt)) if '%z' not in fmt and '%Z' not in fmt else None)
# isoformat fuzz: mutations
ALPHA = '0123456789-:T .,Z+W '
valid = ['2020-01-01', '20200101', '2020-W01', '2020-W01-1', '2020W01', '2020W011', '2020-01-01T12:30:45.123456+05:30',
         '2020-01-01 12', '2020-01-01T12:30', '20200101T123045', '2020-W53-7T00:00Z', '2019-12-31T23:59:59,5-0800', '2020-02-29T24:00', '12:30:45.5+01:00:30.25']
for i in range(N * 3):
    s = pick(valid)
    for _ in range(1 + rnd(2)):
        k = rnd(3); p = rnd(len(s) + 1)
        if k == 0: s = s[:p] + pick(ALPHA) + s[p + 1:]
        elif k == 1: s = s[:p] + s[p + 1:]
        else: s = s[:p] + pick(ALPHA) + s[p:]
    out('D %r' % s, lambda: date.fromisoformat(s))
    out('T %r' % s, lambda: time.fromisoformat(s))
    out('DT %r' % s, lambda: datetime.fromisoformat(s))
