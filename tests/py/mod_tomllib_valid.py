# tomllib: TOML 1.0 documents covering every value form, tables, arrays of tables, dotted keys.
import tomllib
import io
import os
import tempfile

def show(obj, indent=0):
    pad = '  ' * indent
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, (dict, list)) and v:
                print(f"{pad}{k!r}: {type(v).__name__}")
                show(v, indent + 1)
            else:
                print(f"{pad}{k!r}: {type(v).__name__} {v!r}")
    else:
        for i, v in enumerate(obj):
            if isinstance(v, (dict, list)) and v:
                print(f"{pad}[{i}] {type(v).__name__}")
                show(v, indent + 1)
            else:
                print(f"{pad}[{i}] {type(v).__name__} {v!r}")

DOC = r'''
# This is a TOML document
title = "TOML Example"
"quoted key" = 'literal \n stays'
'single quoted'.bare-key_2 = 1
a.b.c = 1
a.b.d = 2
a . e = "spaced dots"
"" = "empty key"
3.14159 = "pi"

[owner]
name = "Tom Preston-Werner"
dob = 1979-05-27T07:32:00-08:00

[strings]
basic = "tab\there \"quoted\" \\ back \u00e9 \U0001F600 \b\f\r"
ml = """
Roses are red
Violets are blue"""
ml_trim = """\
       The quick brown \
       fox jumps over \
       the lazy dog.\
       """
ml_quotes = """Here are two quotation marks: "". Simple enough."""
ml_five = """Here are fifteen quotation marks: ""\"""\"""\"""\"""\"."""
ml_end = """ends with quotes"" """
ml_edge = """""ab"""""
lit = 'C:\Users\nodejs\templates'
crlf = "a\r\nb"

[numbers]
int1 = +99
int2 = 42
int3 = 0
int4 = -17
int5 = 1_000
int6 = 5_349_221
big = 123456789012345678901234567890
neg_big = -9223372036854775809
hex1 = 0xDEADBEEF
hex2 = 0xdead_beef
oct1 = 0o01234567
oct2 = 0o755
bin1 = 0b11010110
zero_pos = +0
zero_neg = -0
flt1 = +1.0
flt2 = 3.1415
flt3 = -0.01
flt4 = 5e+22
flt5 = 1e06
flt6 = -2E-2
flt7 = 6.626e-34
flt8 = 224_617.445_991_228
sf1 = inf
sf2 = +inf
sf3 = -inf
sf4 = nan
sf5 = +nan
sf6 = -nan
negz = -0.0
bool1 = true
bool2 = false

[dates]
odt1 = 1979-05-27T07:32:00Z
odt2 = 1979-05-27T00:32:00-07:00
odt3 = 1979-05-27T00:32:00.999999-07:00
odt4 = 1979-05-27 07:32:00Z
odt5 = 1979-05-27t07:32:00.5+05:30
ldt1 = 1979-05-27T07:32:00
ldt2 = 1979-05-27T00:32:00.1234567
ld1 = 1979-05-27
lt1 = 07:32:00
lt2 = 00:32:00.999999
leap = 2024-02-29

[arrays]
integers = [ 1, 2, 3 ]
colors = [ "red", "yellow", "green" ]
nested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]
nested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]
numbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]
contributors = [
  "Foo Bar <foo@example.com>",  # comment
  { name = "Baz Qux", email = "bazqux@example.com", url = "https://example.com/bazqux" },
  # another comment
]
empty = [ ]
empty2 = [
]
trailing = [1,2,]

[inline]
name = { first = "Tom", last = "Preston-Werner" }
point = { x = 1, y = 2 }
animal = { type.name = "pug" }
empty = {}
nested = { a = { b = { c = [1, {d = 2}] } } }

[dog."tater.man"]
type.name = "pug"

[ j . "ʞ" . 'l' ]
key = 1

[x.y.z.w] # for this to work you don't need to specify all the super-tables

[x] # defining a super-table afterward is ok
v = 1

[fruit]
apple.color = "red"
apple.taste.sweet = true

[fruit.apple.texture]  # you can add sub-tables
smooth = true

[[products]]
name = "Hammer"
sku = 738594937

[[products]]  # empty table within the array

[[products]]
name = "Nail"
sku = 284758393
color = "gray"

[[fruits]]
name = "apple"

[fruits.physical]  # subtable
color = "red"
shape = "round"

[[fruits.varieties]]  # nested array of tables
name = "red delicious"

[[fruits.varieties]]
name = "granny smith"

[[fruits]]
name = "banana"

[[fruits.varieties]]
name = "plantain"

[fruits.physical]
color = "yellow"
'''

DOC2 = r"""
[lits]
lit_ml = '''
The first newline is
trimmed in raw strings.
   All other whitespace
   is preserved.
'''
lit_quotes = ''''That,' she said, 'is still pointless.'''''
string_array = [ 'all', 'strings', '''type''', '''multi
line''' ]
"""
data = tomllib.loads(DOC)
show(data)
show(tomllib.loads(DOC2))
print(data['owner']['dob'].utcoffset(), data['dates']['odt1'].tzinfo, data['dates']['odt5'].tzinfo)
print(tomllib.loads("") == {}, tomllib.loads("# only a comment") == {}, tomllib.loads("\n\n  \n"))
print(tomllib.loads("a = 1\r\nb = 'x'\r\n"))
print(tomllib.loads("a = 1 # no newline at end"))
print(tomllib.loads('k = "\\u0041\\u00DF"'))

# parse_float
from decimal import Decimal
print(tomllib.loads("f = 0.1\ng = [1.5, inf]\ni = 3", parse_float=Decimal))
print(tomllib.loads("f = 1e3", parse_float=lambda s: s + '!'))
try:
    tomllib.loads("f = 1.0", parse_float=lambda s: [s])
except ValueError as e:
    print('ValueError', e)

# load from a binary file
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'c.toml')
    with open(p, 'wb') as f:
        f.write('[t]\nv = "é"\n'.encode())
    with open(p, 'rb') as f:
        print(tomllib.load(f))
    with open(p, 'r') as f:
        try:
            tomllib.load(f)
        except TypeError as e:
            print('TypeError', e)
print(tomllib.load(io.BytesIO(b"x = [1, 2]")))
try:
    tomllib.loads(b"x = 1")
except TypeError as e:
    print('TypeError', e)
print(issubclass(tomllib.TOMLDecodeError, ValueError), tomllib.TOMLDecodeError.__module__)
