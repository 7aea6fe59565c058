# csv with files opened with newline='' (embedded CR LF, lone CR), StringIO and generators, line_num
# over multi-line records, unix and excel-tab dialects, Sniffer.sniff/has_header.
import csv, io, os
path = '/tmp/krait_mod_csv_files_%d.csv' % os.getpid()
rows = [['id', 'name', 'note'], ['1', 'Ann', 'says "hi"'], ['2', 'Bob', 'two\nlines'], ['3', 'Cy', 'crlf\r\ninside'],
        ['4', '', 'trailing,comma,'], ['5', 'Émile', 'ünïcode ✓']]
with open(path, 'w', newline='') as f:
    w = csv.writer(f)
    w.writerows(rows)
with open(path, 'rb') as f:
    raw = f.read()
print(raw.count(b'\r\n'), len(raw))
with open(path, newline='') as f:
    r = csv.reader(f)
    got = []
    for row in r:
        got.append((r.line_num, row))
print(got)
print([row for _, row in got] == rows)
# without newline='' the embedded \r\n is translated: the field changes
with open(path) as f:
    print(list(csv.reader(f))[3])
with open(path, newline='') as f:
    for rec in csv.DictReader(f):
        print(rec)
# a file with lone \r line ends, read with newline=''
with open(path, 'w', newline='') as f:
    f.write('a,b\rc,d\r')
with open(path, newline='') as f:
    print(repr(f.read()))
with open(path, newline='') as f:
    try:
        print(list(csv.reader(f)))
    except csv.Error as e:
        print('csv.Error', e)
with open(path, newline='') as f:
    print(list(csv.reader(f.read().splitlines())))
# unix dialect with '\n' terminators
with open(path, 'w', newline='') as f:
    csv.writer(f, dialect='unix').writerows([['x', 'y'], [1, None]])
with open(path, newline='') as f:
    print(repr(f.read()))
with open(path, newline='') as f:
    print(list(csv.reader(f, 'unix')))
# tab-separated
with open(path, 'w', newline='') as f:
    w = csv.DictWriter(f, ['k', 'v'], dialect=csv.excel_tab)
    w.writeheader()
    w.writerow({'k': 'a\tb', 'v': 1})
with open(path, newline='') as f:
    print(repr(f.read()))
with open(path, newline='') as f:
    print(list(csv.DictReader(f, dialect='excel-tab')))
os.remove(path)
# reading from a StringIO and from a generator, line_num with multi-line records
sio = io.StringIO('h1,h2\r\n"multi\r\nline",x\r\n\r\nlast,row')
r = csv.reader(sio)
print([(row, r.line_num) for row in r])
def gen():
    yield 'a,b'
    yield '"c'
    yield 'd",e'
r = csv.reader(gen())
print([(row, r.line_num) for row in r])
# Sniffer
sn = csv.Sniffer()
samples = ['a,b,c\n1,2,3\n4,5,6\n', 'name;age;city\n"Ann";30;"Oslo"\n"Bob";25;"Rome"\n',
           'x\ty\tz\n1\t2\t3\n', "a|b|c\n'1'|'2'|'3'\n", 'a, b, c\n1, 2, 3\n4, 5, 6\n',
           'title,year\n"Hello, World",1999\n"Quote ""here""",2001\n', 'one:two:three\n1:2:3\n7:8:9\n']
for smp in samples:
    d = sn.sniff(smp)
    print(repr(d.delimiter), repr(d.quotechar), d.doublequote, d.skipinitialspace, d.lineterminator == '\r\n',
          d.quoting, sn.has_header(smp), issubclass(d, csv.Dialect))
    print(list(csv.reader(io.StringIO(smp), d))[:2])
print(sn.sniff('a;b,c;d\n1;2,3;4\n', delimiters=';').delimiter)
try:
    sn.sniff('')
except csv.Error as e:
    print('csv.Error', e)
try:
    sn.sniff('abc\ndef\n')
except csv.Error as e:
    print('csv.Error', e)
print(sn.has_header('id,value\n1,10\n2,20\n'), sn.has_header('1,10\n2,20\n3,30\n'), sn.preferred)
# delimiter guessing without quotes: batches of ten lines, inconsistent lines, ties, restricted sets
long_sample = ''.join('%d;%d:%d\n' % (i, i * 2, i * 3) for i in range(25)) + 'odd;line\n'
for smp, delims in [(long_sample, None), (long_sample, ':'), ('a b c\nd e f\ng h\n', None),
                    ('a-b-c\nd-e-f\ng-h-i\nj-k\n', None), ('1/2|3\n4/5|6\n7/8|9\n', None), ('x!y\n' * 12 + 'z\n', None),
                    ('a,b;c\nd,e;f\n', None), ('a#b%c\nd#e%f\n', None), ('k=v\n\nk2=v2\n', None)]:
    try:
        d = sn.sniff(smp, delimiters=delims)
        print(repr(d.delimiter), d.skipinitialspace, d.doublequote)
    except csv.Error as e:
        print('csv.Error', e)
print(sn.has_header('name,score\nann,10\nbob,200\n'), sn.has_header('aa,bb\ncc,dd\nee,ff\n'),
      sn.has_header('a,b\n1,x\n2,yy\n'), sn.has_header('"h1","h2"\n"1","2"\n'))
