# datetime.strptime and time.strptime: the common directives, case-insensitive names, %y pivot, %I/%p,
# %j, %U/%W with weekdays, %f padding, %z forms (aware results), %Z, whitespace, error messages.
from datetime import datetime, timezone, timedelta
import time
import warnings


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))


cases = [
    ('2024-02-29 13:45:59', '%Y-%m-%d %H:%M:%S'),
    ('2024-02-29T13:45:59.5', '%Y-%m-%dT%H:%M:%S.%f'),
    ('2024-02-29T13:45:59.123456', '%Y-%m-%dT%H:%M:%S.%f'),
    ('2024-02-29T13:45:59.000001', '%Y-%m-%dT%H:%M:%S.%f'),
    ('1/2/03', '%m/%d/%y'), ('1/2/68', '%m/%d/%y'), ('1/2/69', '%m/%d/%y'), ('12/31/99', '%m/%d/%y'),
    ('12:00 AM', '%I:%M %p'), ('12:00 pm', '%I:%M %p'), ('1:05 PM', '%I:%M %p'), ('11:59 am', '%I:%M %p'),
    ('12', '%I'), ('7', '%H'), ('007', '%j'), ('2024 366', '%Y %j'), ('2023 365', '%Y %j'),
    ('Thursday, February 29, 2024', '%A, %B %d, %Y'), ('thu feb 29 2024', '%a %b %d %Y'),
    ('MONDAY MARCH 4 2024', '%A %B %d %Y'), ('Tue Mar  5 10:11:12 2024', '%a %b %d %H:%M:%S %Y'),
    ('Tue Mar  5 10:11:12 2024', '%c'), ('03/05/24', '%x'), ('10:11:12', '%X'),
    ('2024-03-05 +0530', '%Y-%m-%d %z'), ('2024-03-05 -05:30', '%Y-%m-%d %z'), ('2024-03-05 Z', '%Y-%m-%d %z'),
    ('2024-03-05 +01:02:03', '%Y-%m-%d %z'), ('2024-03-05 +010203.5', '%Y-%m-%d %z'),
    ('2024-03-05 -01:02:03.000004', '%Y-%m-%d %z'), ('2024-03-05 +0000', '%Y-%m-%d %z'),
    ('2024-03-05 +01:0203', '%Y-%m-%d %z'), ('2024-03-05 z', '%Y-%m-%d %z'),
    ('2024-03-05 UTC', '%Y-%m-%d %Z'), ('2024-03-05 gmt', '%Y-%m-%d %Z'), ('2024-03-05 XYZ', '%Y-%m-%d %Z'),
    ('2024-03-05 +0100 UTC', '%Y-%m-%d %z %Z'),
    ('100%', '%Y%%'), ('2024%', '%Y%%'), ('  2024   03', '%Y %m'), ('2024\t\n03', '%Y %m'), ('202403', '%Y%m'),
    ('2024 1 0', '%Y %U %w'), ('2024 0 0', '%Y %U %w'), ('2024 52 6', '%Y %W %w'), ('2024 10 1', '%Y %W %u'),
    ('2023 0 1', '%Y %W %w'), ('2024 53 0', '%Y %U %w'),
    ('(2024) [03] {05}', '(%Y) [%m] {%d}'), ('a.b*c 2024', 'a.b*c %Y'), ('2024', '%Y'), ('', ''),
    ('24', '%Y'), ('2024-13-01', '%Y-%m-%d'), ('2023-02-29', '%Y-%m-%d'), ('2024-02-30', '%Y-%m-%d'),
    ('2024-01-01 25', '%Y-%m-%d %H'), ('2024-01-01 23:60', '%Y-%m-%d %H:%M'), ('2024 60', '%Y %S'),
    ('2024 61', '%Y %S'), ('2024-01-01 extra', '%Y-%m-%d'), ('2024-01-01', '%Y-%m-%d extra'),
    ('2024', '%Q'), ('2024', '%Y%'), ('2024', '%'), ('2024', '%Y %E'), ('1234567', '%f'),
    ('2024 2024', '%Y %Y'), ('2024 2025', '%Y %Y'), ('02-29 2024', '%m-%d %Y'),
    ('Febr 1 2024', '%b %d %Y'), ('September 1 2024', '%b %d %Y'), ('Sep 1 2024', '%B %d %Y'),
]
for s, fmt in cases:
    show('strptime(%r, %r)' % (s, fmt), lambda: datetime.strptime(s, fmt))
show('strptime(1, "%Y")', lambda: datetime.strptime(1, '%Y'))
show('strptime("1", 1)', lambda: datetime.strptime('1', 1))
for s, fmt in cases[:12] + [('2024-03-05 +0530', '%Y-%m-%d %z'), ('Tue Mar  5 10:11:12 2024', '%c'),
                            ('2024 1 0', '%Y %U %w'), ('2024-03-05 UTC', '%Y-%m-%d %Z'), ('x', '%Y')]:
    def parse():
        t = time.strptime(s, fmt)
        return tuple(t), t.tm_zone, t.tm_gmtoff
    show('time.strptime(%r, %r)' % (s, fmt), parse)
show('time.strptime default', lambda: tuple(time.strptime('Tue Mar  5 10:11:12 2024')))
show('time.strptime(1)', lambda: time.strptime(1, '%Y'))

print('== round trips through strftime')
fmts = ['%Y-%m-%d %H:%M:%S.%f', '%d/%m/%y %I:%M:%S %p', '%a %b %d %H:%M:%S %Y', '%A %B %d %Y %j',
        '%Y-%m-%dT%H:%M:%S%z', '%Y%m%d%H%M%S%f']
for dt in [datetime(2024, 1, 1), datetime(1999, 12, 31, 23, 59, 59, 999999), datetime(2000, 2, 29, 12, 0, 0, 1),
           datetime(2024, 7, 4, 0, 30, tzinfo=timezone(timedelta(hours=-7))),
           datetime(2024, 7, 4, 12, 30, 45, 123000, tzinfo=timezone.utc)]:
    for fmt in fmts:
        s = dt.strftime(fmt)
        show('%-28s %-24s' % (s, fmt), lambda: datetime.strptime(s, fmt))

print('== day of month without a year: DeprecationWarning')
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    show('new format', lambda: datetime.strptime('03-04', '%m-%d'))
    show('leap day', lambda: datetime.strptime('02-29', '%m-%d'))
    show('month name', lambda: datetime.strptime('Feb 28', '%b %d'))
    show('cached format', lambda: datetime.strptime('03-05', '%m-%d'))
    show('with %y', lambda: datetime.strptime('03-04-24', '%m-%d-%y'))
for x in w:
    print(x.category.__name__, str(x.message).splitlines()[0])
