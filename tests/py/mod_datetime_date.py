# datetime.date: validation, ordinals, ISO calendar, fromisoformat (3.11+ formats), formatting,
# arithmetic, comparisons with dates and datetimes, subclasses.
from datetime import date, datetime, timedelta, MINYEAR, MAXYEAR
import copy


def show(label, f):
    try:
        r = f()
    except Exception as e:
        msg = '' if 'not supported between' in str(e) or 'operand' in str(e) else ' ' + str(e)
        print(label, '->', type(e).__name__ + ':' + msg)
    else:
        print(label, '->', repr(r))


print(MINYEAR, MAXYEAR, date.min, date.max, date.resolution)
print('== construction')
for args in [(2024, 2, 29), (2023, 2, 29), (1900, 2, 29), (2000, 2, 29), (1, 1, 1), (9999, 12, 31), (0, 1, 1),
             (10000, 1, 1), (2024, 0, 1), (2024, 13, 1), (2024, 4, 31), (2024, 4, 0), (-5, 1, 1),
             (2024.0, 1, 1), ('2024', 1, 1), (2024, None, 1), (True, True, True)]:
    show('date%r' % (args,), lambda: date(*args))
show('date(2024)', lambda: date(2024))
show('date(2024, 1)', lambda: date(2024, 1))
show('keywords', lambda: date(day=5, month=6, year=2007))

print('== ordinals and weekdays')
for d in [date(1, 1, 1), date(1, 12, 31), date(4, 2, 29), date(100, 3, 1), date(400, 12, 31), date(1582, 10, 15),
          date(1970, 1, 1), date(2000, 2, 29), date(2000, 3, 1), date(2024, 12, 30), date(9999, 12, 31)]:
    o = d.toordinal()
    print(d, o, date.fromordinal(o) == d, d.weekday(), d.isoweekday(), d.isocalendar(), d.ctime(),
          tuple(d.timetuple()))
for n in [0, -1, 3652059, 3652060, 1.0]:
    show('fromordinal(%r)' % n, lambda: date.fromordinal(n))

print('== ISO calendar')
for y in [2004, 2005, 2008, 2009, 2010, 2015, 2020, 2021, 1, 9999]:
    for d in [date(y, 1, 1), date(y, 1, 4), date(y, 12, 28), date(y, 12, 31)]:
        ic = d.isocalendar()
        print(d, ic, ic.year, ic.week, ic.weekday, tuple(ic), ic == tuple(ic), date.fromisocalendar(*ic) == d)
ic = date(2020, 5, 17).isocalendar()
y, w, wd = ic
print(y, w, wd, ic[0], ic[-1], len(ic), isinstance(ic, tuple), type(ic).__name__)
for args in [(2020, 53, 7), (2021, 53, 1), (2015, 53, 4), (0, 1, 1), (10000, 1, 1), (2020, 0, 1),
             (2020, 1, 0), (2020, 1, 8), (9999, 52, 5), (9999, 52, 6), (2020.5, 1, 1), (1, 1, 1)]:
    show('fromisocalendar%r' % (args,), lambda: date.fromisocalendar(*args))

print('== fromisoformat')
for s in ['2024-02-29', '20240229', '2024-W09-4', '2024W094', '2024-W09', '2024W09', '2020-W53-5', '2021-W53-1',
          '0001-01-01', '9999-12-31', '0000-01-01', '2023-02-29', '2024-13-01', '2024-1-01', '2024-01-1',
          '2024/01/01', '2024-01-01T00:00', '2024-01-01 ', ' 2024-01-01', '2024-0101', '202401-01',
          '20240101xx', '2024', '', '2024-W9-1', '2024-W09-8', '2024-W09-0', '2024W0945', '2024-W09-1x',
          '２０２４-01-01', '2024-01-0１']:
    show('date.fromisoformat(%r)' % s, lambda: date.fromisoformat(s))
show('fromisoformat(20240101)', lambda: date.fromisoformat(20240101))
show('fromisoformat(None)', lambda: date.fromisoformat(None))

print('== formatting')
d = date(2002, 3, 11)
print(str(d), repr(d), d.isoformat(), d.ctime(), format(d), format(d, ''), '{:%d.%m.%Y}'.format(d),
      f'{d:%A %B %j}', f'{d}', f'{d!r}')
for fmt in ['%Y-%m-%d', '%a %A %b %B', '%d/%m/%y', '%j %U %W %w %u', '%H:%M:%S %p', '%f', '%z|%Z|%:z', '%%',
            '%G-W%V-%u', 'plain text', '', '100%% %Y']:
    print(repr(fmt), repr(d.strftime(fmt)))
for d2 in [date(1, 1, 1), date(999, 12, 31), date(9999, 12, 31), date(1900, 1, 1)]:
    print(d2.strftime('%Y|%m|%d|%y|%a|%j'), d2.ctime())
show('strftime(1)', lambda: d.strftime(1))
show('format(d, 1)', lambda: format(d, 1))
show('d.__format__(None)', lambda: d.__format__(None))

print('== arithmetic')
d = date(2024, 1, 31)
for td in [timedelta(1), timedelta(-1), timedelta(29), timedelta(366), timedelta(hours=23), timedelta(hours=-1),
           timedelta(seconds=-1), timedelta(days=-738916), timedelta(days=3000000)]:
    show('d + %r' % td, lambda: d + td)
    show('%r + d' % td, lambda: td + d)
    show('d - %r' % td, lambda: d - td)
print(date(2024, 3, 1) - date(2024, 2, 1), date(2023, 3, 1) - date(2024, 3, 1), date.max - date.min,
      date(2000, 1, 1) - date(2000, 1, 1))
show('max + 1', lambda: date.max + timedelta(1))
show('min - 1', lambda: date.min - timedelta(1))
show('min + -1', lambda: date.min + timedelta(-1))
show('d + 1', lambda: d + 1)
show('d - 1', lambda: d - 1)
show('d - datetime', lambda: d - datetime(2024, 1, 1))
show('datetime - d', lambda: datetime(2024, 1, 1) - d)

print('== comparisons')
a, b = date(2024, 5, 1), date(2024, 5, 2)
print(a < b, a <= b, a == b, a != b, a > b, a >= b, a == date(2024, 5, 1), a != date(2024, 5, 1))
print(sorted([date(2024, 1, 1), date(1999, 12, 31), date(2024, 1, 1), date(1, 1, 1)]), max(a, b), min(a, b))
dt = datetime(2024, 5, 1)
print(a == dt, dt == a, a != dt, dt != a, a == '2024-05-01', a == None, a in [dt])
show('a < dt', lambda: a < dt)
show('dt >= a', lambda: dt >= a)
show('a < 5', lambda: a < 5)
print(hash(a) == hash(date(2024, 5, 1)), len({a, date(2024, 5, 1), b}), {a: 1}[date(2024, 5, 1)])

print('== replace, subclass, copy')
d = date(2024, 2, 29)
show('replace(year=2023)', lambda: d.replace(year=2023))
show('replace(month=3, day=31)', lambda: d.replace(month=3, day=31))
show('replace()', lambda: d.replace())
show('replace(year=2028)', lambda: d.replace(year=2028))


class Day(date):
    def next(self):
        return self + timedelta(1)


x = Day(2024, 12, 31)
print(repr(x), type(x.next()).__name__, x.next(), type(x - timedelta(3)).__name__, type(x.replace(day=1)).__name__,
      type(Day.fromordinal(5)).__name__, type(Day.fromisoformat('2020-01-01')).__name__,
      type(Day.fromisocalendar(2020, 1, 1)).__name__, x == date(2024, 12, 31), x - date(2024, 1, 1))
print(copy.copy(d) == d, copy.deepcopy(d) == d, copy.copy(x) == x, type(copy.deepcopy(x)).__name__)
try:
    d.year = 5
except AttributeError:
    print('read-only year')
print(d.year, d.month, d.day)
