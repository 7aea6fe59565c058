# csv writer: every quoting mode on mixed fields, escapes, single empty field rules, space delimiter
# with skipinitialspace, lineterminator, writerows, round trips; DictWriter and DictReader.
import csv, io
def wr(rows, **kw):
    s = io.StringIO()
    w = csv.writer(s, **kw)
    try:
        for r in rows:
            n = w.writerow(r)
        print(kw, repr(s.getvalue()), n)
    except Exception as e:
        print(kw, repr(s.getvalue()), type(e).__name__, e)
row = ['a', '', None, 1, -2.5, True, 10**20, 'x,y', 'q"q', 'e\\e', 'line\nbreak', 'cr\rhere', ' sp ', 'tab\tx']
for q in range(6):
    wr([row], quoting=q, escapechar='\\')
    wr([row[:6]], quoting=q)
for q in range(6):
    for r in ([''], [None], [], ['', ''], [None, None]):
        wr([r], quoting=q)
wr([row], quoting=csv.QUOTE_NONE)
wr([['a"b']], quoting=csv.QUOTE_NONE, escapechar='\\')
wr([['a"b', 'c\\d']], doublequote=False, escapechar='\\')
wr([['a"b']], doublequote=False)
wr([['a', 'b;c', 'd,e']], delimiter=';')
wr([['a', 'b']], lineterminator='\n')
wr([['axb', 'c']], lineterminator='x\n')
wr([['a b', '', 'c', None]], delimiter=' ', skipinitialspace=True)
wr([['a', '']], delimiter=' ', skipinitialspace=True, quoting=csv.QUOTE_NONE, escapechar='\\')
wr([['a', None]], delimiter=' ', skipinitialspace=True, quoting=csv.QUOTE_NOTNULL)
wr([['a', '']], delimiter=' ', skipinitialspace=True, quoting=csv.QUOTE_NOTNULL)
wr([['a', 'b']], quotechar="'", quoting=csv.QUOTE_ALL)
wr([["it's"]], quotechar="'")
wr([range(3), (x * 2 for x in 'ab'), 'xyz', {'k': 1}])
wr([5])
wr([[object.__new__(type('Obj', (), {'__str__': lambda self: 'custom,str'}))]])
class Num:
    def __float__(self):
        return 1.5
    def __str__(self):
        return 'num'
wr([[Num(), 'n']], quoting=csv.QUOTE_NONNUMERIC)
s = io.StringIO()
w = csv.writer(s, dialect='excel-tab')
w.writerows([['a', 'b\tc'], [1, 2]])
print(repr(s.getvalue()), w.dialect.delimiter == '\t')
s = io.StringIO()
csv.writer(s, 'unix').writerows([['a', 1], [None, '']])
print(repr(s.getvalue()))
# round trip through the reader
rows = [['plain', 'with,comma', 'with "quote"', 'multi\nline', '', 'trailing space ', '\r\n'], ['1', '2.5', '-3']]
s = io.StringIO()
csv.writer(s).writerows(rows)
print(list(csv.reader(io.StringIO(s.getvalue(), newline=''))) == rows, repr(s.getvalue()))
for q in (csv.QUOTE_ALL, csv.QUOTE_MINIMAL, csv.QUOTE_NOTNULL, csv.QUOTE_STRINGS):
    s = io.StringIO()
    csv.writer(s, quoting=q).writerow(['a', None, '', 1.5])
    print(q, repr(s.getvalue()), list(csv.reader(io.StringIO(s.getvalue()), quoting=q)))
# DictWriter / DictReader
s = io.StringIO()
dw = csv.DictWriter(s, fieldnames=['name', 'age', 'city'], restval='?')
print(dw.writeheader())
dw.writerow({'name': 'Ann', 'age': 30, 'city': 'Oslo'})
dw.writerows([{'name': 'Bob'}, {'age': 5, 'name': 'Cy, Jr.'}])
try:
    dw.writerow({'name': 'X', 'zip': 1})
except ValueError as e:
    print('ValueError', e)
dw2 = csv.DictWriter(s, fieldnames=iter(['a', 'b']), extrasaction='IGNORE')
dw2.writerow({'a': 1, 'b': 2, 'c': 3})
print(dw2.fieldnames, dw2.extrasaction)
try:
    csv.DictWriter(s, ['a'], extrasaction='bogus')
except ValueError as e:
    print('ValueError', e)
text = s.getvalue()
print(repr(text))
dr = csv.DictReader(io.StringIO(text))
print(dr.line_num, dr.fieldnames, dr.line_num)
for rec in dr:
    print(dr.line_num, rec)
dr = csv.DictReader(['a,b,c', '', '1,2', '1,2,3,4,5', '', 'x,y,z'], restkey='rest', restval='RV')
print(list(dr), dr.line_num)
dr = csv.DictReader(['1;2', '3;4'], fieldnames=('x', 'y'), delimiter=';')
print(list(dr))
print(list(csv.DictReader([])), csv.DictReader([]).fieldnames)
dr = csv.DictReader(['h1,h2', 'v1,v2'])
dr.fieldnames = ['X', 'Y']
print(list(dr))
print(csv.DictReader[str], csv.DictWriter[int])
