# csv reader and writer on 500 pseudo-random inputs (a fixed LCG: same cases everywhere) over quotes,
# escapes, delimiters and line breaks in ten dialects: every row, error message and line_num must
# match CPython.
import csv, io
state = [12345]
def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return (state[0] >> 8) % n
alpha = 'ab,"\\ \r\n;\'x'
opts = [dict(), dict(escapechar='\\'), dict(doublequote=False, escapechar='\\'), dict(skipinitialspace=True),
        dict(strict=True), dict(quoting=csv.QUOTE_NONE, escapechar='\\'), dict(quoting=csv.QUOTE_NOTNULL),
        dict(delimiter=';', quotechar="'"), dict(quoting=csv.QUOTE_NONE), dict(strict=True, escapechar='\\')]
out = []
for t in range(500):
    nlines = 1 + rnd(3)
    lines = [''.join(alpha[rnd(len(alpha))] for _ in range(rnd(9))) for _ in range(nlines)]
    kw = opts[rnd(len(opts))]
    r = csv.reader(lines, **kw)
    res = []
    try:
        for row in r:
            res.append(row)
    except csv.Error as e:
        res.append('Error %s @%d' % (e, r.line_num))
    out.append(repr(res))
    # writer round trip
    row = [''.join(alpha[rnd(len(alpha))] for _ in range(rnd(5))) for _ in range(rnd(4))]
    if rnd(4) == 0:
        row.append(None)
    s = io.StringIO()
    try:
        csv.writer(s, **kw).writerow(row)
        out.append(repr(s.getvalue()))
    except csv.Error as e:
        out.append('WError %s' % e)

print('\n'.join(out))
