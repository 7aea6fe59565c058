# csv reader and dialects: quoting/escape/strict rules, multi-line fields, errors with line_num
# (new-line in unquoted field, unexpected end of data, field limit, non-str lines), QUOTE_* modes when
# reading, Dialect validation messages, register/get/list/unregister_dialect, field_size_limit.
import csv, io
def rd(lines, **kw):
  r = csv.reader(lines, **kw)
  out = []
  try:
    for row in r: out.append(row)
  except Exception as e: out.append('%s: %s @%d' % (type(e).__name__, e, r.line_num))
  print(repr(lines), kw, out)
rd(['a,"b\nc",d\n'])
rd(['a,"b\n', 'c",d\n', 'e\n'])
rd(['a,"b\n'])
rd(['a,"b\n'], strict=True)
rd(['a,"b"x,c'])
rd(['a,"b"x,c'], strict=True)
rd(['a\rb,c'])
rd(['a\nb'])
rd(['a,b\r\n', '\r\n', '', 'c\n'])
rd(['a\\,b,c\\\n', 'd'], escapechar='\\')
rd(['"a\\"b",c\n'], escapechar='\\')
rd(['a\\\n', 'b,c\n'], escapechar='\\')
rd(['a\\'], escapechar='\\')
rd(['"a\\'], escapechar='\\')
rd([' a,  "b", c'], skipinitialspace=True)
rd([' a,  "b", c'])
rd(['"a""b",c'], doublequote=False)
rd(['a;b;"c;d"'], delimiter=';')
rd([b'a,b'])
rd(['a\x00b,c'])
rd(['"",""\n'])
rd(['a,""""\n'])
rd(['"a"b"c"'])
rd(['a b  c'], delimiter=' ', skipinitialspace=True)
rd(['a, ,b,'], skipinitialspace=True, quoting=csv.QUOTE_NOTNULL)
rd(['a, ,b, '], skipinitialspace=True, quoting=csv.QUOTE_STRINGS)
rd(['abc'], quoting=csv.QUOTE_NONNUMERIC)
rd(['1,abc'], quoting=csv.QUOTE_NONNUMERIC)
rd(['"q"x'], quoting=csv.QUOTE_NONE)
rd([1])
rd(['a,b', 'c', 5])
old = csv.field_size_limit(5); print(old)
rd(['abcde,abcdef'])
rd(['"abcdef"'])
print(csv.field_size_limit(), csv.field_size_limit(131072))
for f in [lambda: csv.field_size_limit('x'), lambda: csv.field_size_limit(1, 2), lambda: csv.reader(5),
          lambda: csv.reader(), lambda: csv.writer(5), lambda: csv.writer(io.StringIO()).writerow(5),
          lambda: csv.reader([], 'nope'), lambda: csv.get_dialect('nope'), lambda: csv.unregister_dialect('nope'),
          lambda: csv.register_dialect(1), lambda: csv.register_dialect('x', delimiter=5),
          lambda: csv.writer(io.StringIO()).writerows(5), lambda: csv.writer(io.StringIO()).writerows([1]),
          lambda: csv.reader([], foo=1), lambda: csv.writer(io.StringIO(), 'excel', 'extra'),
          lambda: csv.field_size_limit(limit=5), lambda: setattr(csv.get_dialect('excel'), 'delimiter', ';')]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
print(csv.Error.__module__, csv.Error.__mro__)
print(sorted(csv.list_dialects()))
d = csv.get_dialect('excel'); print(type(d), type(d).__name__, d.delimiter, d.lineterminator == '\r\n', d.quoting)
print(csv.excel.delimiter, csv.excel_tab.delimiter, csv.unix_dialect.lineterminator, csv.unix_dialect.quoting)
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.QUOTE_STRINGS, csv.QUOTE_NOTNULL, csv.__version__)
r = csv.reader(['a'], dialect='excel-tab', delimiter=';'); print(r.dialect.delimiter, r.line_num, type(r).__name__)
w = csv.writer(io.StringIO(), 'unix'); print(w.dialect.quoting, repr(w.dialect.lineterminator), type(w).__name__)
class D(csv.Dialect):
    delimiter = '|'
    quotechar = "'"
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
    doublequote = True
    skipinitialspace = False
try:
    D()
except Exception as e: print(type(e).__name__, e)
class E(csv.Dialect):
    delimiter = '|'
try:
    E()
except Exception as e: print(type(e).__name__, e)
class F(csv.excel):
    delimiter = '\n'
try:
    F()
except Exception as e: print(type(e).__name__, e)
try:
    csv.Dialect()
except Exception as e: print(type(e).__name__, e)
csv.register_dialect('pipes', D)
csv.register_dialect('semi', delimiter=';', quoting=csv.QUOTE_ALL)
csv.register_dialect('semi2', 'semi', lineterminator='\n')
s = io.StringIO(); csv.writer(s, 'pipes').writerow(["a|b", "c'd", 1]); csv.writer(s, 'semi').writerow([1, 'x']); csv.writer(s, 'semi2').writerow([2]); print(repr(s.getvalue()))
print(sorted(csv.list_dialects())); csv.unregister_dialect('semi2'); print(sorted(csv.list_dialects()))
print(csv.get_dialect('semi').delimiter, csv.get_dialect('pipes').quotechar, isinstance(csv.get_dialect('pipes'), csv.Dialect))
