# datetime.timedelta: normalisation, float rounding (half-even as CPython's C accumulation), arithmetic,
# str/repr, comparisons, hashing, limits and error messages.
from datetime import timedelta
import copy


def show(label, f):
    try:
        r = f()
    except Exception as e:
        # Operator dispatch failures name the types, which CPython qualifies ('datetime.timedelta'):
        # only the exception type is compared for those.
        msg = '' if 'operand' in str(e) or 'multiply sequence' in str(e) else ' ' + str(e)
        print(label, '->', type(e).__name__ + ':' + msg)
    else:
        print(label, '->', repr(r))


print('== construction and normalisation')
for args, kw in [((), {}), ((1,), {}), ((0, 1), {}), ((0, 0, 1), {}), ((-1,), {}), ((0, -1), {}),
                 ((0, 0, -1), {}), ((1, 86400, 10**6), {}), ((0, 0, 0, 1500),  {}),
                 ((), {'weeks': 1, 'days': -7, 'hours': 24}), ((), {'minutes': -1441}),
                 ((), {'hours': 1e6}), ((1.5,), {}), ((0, 1.5),  {}), ((0, 0, 1.5), {}), ((0, 0, 2.5), {}),
                 ((0, 0, -1.5), {}), ((0, 0, -2.5), {}), ((0, 0, 0.5), {}), ((0, 0, -0.5), {}),
                 ((0.1, 0.2, 0.3), {}), ((-0.1, -0.2, -0.3), {}), ((), {'milliseconds': 0.0005}),
                 ((), {'milliseconds': 0.0015}), ((), {'seconds': 1e-6 / 2}), ((), {'seconds': 1.0000005}),
                 ((), {'days': 1 / 3, 'seconds': 1 / 3, 'microseconds': 1 / 3}),
                 ((), {'weeks': -0.5, 'hours': 0.25}), ((True,), {}), ((), {'days': 10**8, 'hours': -10**9}),
                 ((999999999, 86399, 999999), {}), ((-999999999,), {})]:
    show('timedelta%r%r' % (args, kw), lambda: timedelta(*args, **kw))

print('== attributes, str, total_seconds')
for td in [timedelta(0), timedelta(1), timedelta(-1), timedelta(2, 3, 4), timedelta(-2, 3, 4),
           timedelta(microseconds=-1), timedelta(seconds=-1), timedelta(days=-1, seconds=1),
           timedelta(hours=25, microseconds=5), timedelta.max, timedelta.min, timedelta.resolution,
           timedelta(seconds=86399, microseconds=999999), timedelta(days=-5, hours=-6)]:
    print(repr(td), '|', str(td), '|', td.days, td.seconds, td.microseconds, '|', td.total_seconds(), bool(td))

print('== arithmetic')
a = timedelta(days=3, hours=5, microseconds=7)
b = timedelta(hours=-30, seconds=1, microseconds=3)
for label, f in [('a+b', lambda: a + b), ('a-b', lambda: a - b), ('b-a', lambda: b - a), ('-a', lambda: -a),
                 ('+b', lambda: +b), ('abs(b)', lambda: abs(b)), ('abs(a)', lambda: abs(a)),
                 ('a*3', lambda: a * 3), ('-2*a', lambda: -2 * a), ('a*0.5', lambda: a * 0.5),
                 ('b*-1.25', lambda: b * -1.25), ('0.1*a', lambda: 0.1 * a), ('a*(1/3)', lambda: a * (1 / 3)),
                 ('a/2', lambda: a / 2), ('a/7', lambda: a / 7), ('b/-3', lambda: b / -3),
                 ('a/2.5', lambda: a / 2.5), ('a/b', lambda: a / b), ('b/a', lambda: b / a),
                 ('a//3', lambda: a // 3), ('b//3', lambda: b // 3), ('a//b', lambda: a // b),
                 ('b//a', lambda: b // a), ('a%b', lambda: a % b), ('b%a', lambda: b % a),
                 ('divmod(a,b)', lambda: divmod(a, b)), ('divmod(b,a)', lambda: divmod(b, a)),
                 ('us half even /2', lambda: [timedelta(microseconds=k) / 2 for k in range(-3, 4)]),
                 ('us half even *0.5', lambda: [timedelta(microseconds=k) * 0.5 for k in range(-3, 4)]),
                 ('a/0', lambda: a / 0), ('a//0', lambda: a // 0), ('a/0.0', lambda: a / 0.0),
                 ('a/timedelta(0)', lambda: a / timedelta(0)), ('a//timedelta(0)', lambda: a // timedelta(0)),
                 ('a%timedelta(0)', lambda: a % timedelta(0)), ('divmod(a, 0td)', lambda: divmod(a, timedelta(0))),
                 ('a*inf', lambda: a * float('inf')), ('a*nan', lambda: a * float('nan')),
                 ('max+res', lambda: timedelta.max + timedelta.resolution),
                 ('min-res', lambda: timedelta.min - timedelta.resolution), ('-min', lambda: -timedelta.min),
                 ('max*2', lambda: timedelta.max * 2), ('max*10**9', lambda: timedelta.max * 10**9),
                 ('a+1', lambda: a + 1), ('a*a', lambda: a * a), ('a*"x"', lambda: a * 'x'), ('a/"x"', lambda: a / 'x'),
                 ('a%2', lambda: a % 2)]:
    show(label, f)

print('== constructor errors')
for kw in [{'days': '1'}, {'seconds': None}, {'microseconds': []}, {'days': 1000000000},
           {'days': -1000000000}, {'days': 10**10}, {'seconds': 1e20}, {'days': float('nan')},
           {'hours': float('inf')}, {'weeks': 142857143}, {'weeks': 142857142}]:
    show('timedelta(**%r)' % (kw,), lambda: timedelta(**kw))

print('== comparisons and hashing')
vals = [timedelta(0), timedelta(microseconds=1), timedelta(microseconds=-1), timedelta(1), timedelta(hours=24),
        timedelta(seconds=-86400), timedelta(-1)]
for x in vals:
    print(repr(x), [(x < y, x <= y, x == y, x != y, x > y, x >= y) for y in vals[:3]])
print(timedelta(1) == timedelta(hours=24), hash(timedelta(1)) == hash(timedelta(hours=24)),
      len({timedelta(1), timedelta(hours=24), timedelta(seconds=86400)}))
print(timedelta(0) == 0, timedelta(0) != 0, timedelta(1) == 'x', timedelta(0) in [0, False, None])
for op in ['<', '<=', '>', '>=']:
    try:
        eval('timedelta(1) %s 1' % op)
    except TypeError:
        print(op, 'TypeError')
print(sorted([timedelta(3), timedelta(-2), timedelta(0, 5), timedelta(microseconds=-9)]))
print(max(vals), min(vals))

print('== subclass, copy, immutability')


class TD(timedelta):
    def half(self):
        return self / 2


t = TD(days=1, hours=6)
print(repr(t), type(t).__name__, str(t), t.half(), type(t + t).__name__, type(-t).__name__, type(t * 2).__name__,
      type(abs(t)).__name__, type(+t).__name__, isinstance(t, timedelta))
print(copy.copy(a) == a, copy.deepcopy(b) == b, a.__reduce__())
try:
    a.days = 5
except AttributeError:
    print('read-only days')
print(timedelta.max, timedelta.min, timedelta.resolution)
print(timedelta(weeks=1).total_seconds(), timedelta(microseconds=1).total_seconds(),
      timedelta.max.total_seconds(), (timedelta(days=10**8, microseconds=1)).total_seconds())
