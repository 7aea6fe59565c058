# re: patterns from real programs and the standard library (textwrap's word splitter, string.Template,
# fnmatch's translation, common one-liners), against CPython 3.13.
import re
# textwrap's word separator (CPython 3.13)
word_punct = r'[\w!"\'&.,?]'
letter = r'[^\d\W]'
whitespace = r'[%s]' % re.escape('\t\n\x0b\x0c\r ')
nowhitespace = '[^' + whitespace[1:]
wordsep_re = re.compile(r'''
    ( # any whitespace
      %(ws)s+
    | # em-dash between words
      (?<=%(wp)s) -{2,} (?=\w)
    | # word, possibly hyphenated
      %(nws)s+? (?:
        # hyphenated word
          -(?: (?<=%(lt)s{2}-) | (?<=%(lt)s-%(lt)s-))
          (?= %(lt)s -? %(lt)s)
        | # end of word
          (?=%(ws)s|\Z)
        | # em-dash
          (?<=%(wp)s) (?=-{2,}\w)
        )
    )''' % {'wp': word_punct, 'lt': letter,
            'ws': whitespace, 'nws': nowhitespace},
    re.VERBOSE)
text = "Hello there -- how are you? This is a well-known, long-winded sentence; co-operate   now.\nNew line"
print([c for c in wordsep_re.split(text) if c])
print(re.compile(r'(%s+)' % whitespace).split(text))
# string.Template's pattern
delim = re.escape('$')
idpattern = r'(?a:[_a-z][_a-z0-9]*)'
pattern = fr"""
{delim}(?:
  (?P<escaped>{delim})  |
  (?P<named>{idpattern})       |
  {{(?P<braced>{idpattern})}}  |
  (?P<invalid>)
)
"""
tp = re.compile(pattern, re.VERBOSE | re.IGNORECASE)
print([m.groupdict() for m in tp.finditer("$who likes ${what} for $$5 and $ x $Ünï")])
print(tp.sub(lambda m: "<%s>" % (m.group("named") or m.group("braced") or ""), "$who likes ${what}"))
# fnmatch.translate-ish
print(re.match(r'(?s:.*\.py)\Z', "foo.py"), re.match(r'(?s:[^/]*\.txt)\Z', "a/b.txt"))
# common idioms
print(re.sub(r'(?<!^)(?=[A-Z])', '_', 'CamelCaseString').lower())
print(re.findall(r'\b\w+@\w+\.\w+\b', 'mail a@b.com or c@d.org'))
print(re.split(r'(?<=[.!?])\s+', 'One. Two! Three? Four'))
print(re.sub(r'\s+', ' ', '  a \t b\n\nc  ').strip())
print(re.match(r'^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$', '2024-01-05T10:20').groups())
print(re.fullmatch(r'[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?', '-1.5e10').groups())
print(re.compile(r'(?P<key>\w+)=(?P<val>"[^"]*"|\S+)').findall('a=1 b="x y" c=z'))
print(re.sub(r'\\(.)', r'\1', r'a\.b\\c'))
print(re.split(r'[\s,]+', 'a, b  c,d'), re.split(r'(?:\r\n|\n)', 'a\r\nb\nc'))
print(re.sub(r'(?m)^', '> ', 'line1\nline2\n'))
print(re.sub(r'(?m)$', ';', 'line1\nline2\n'))
print(re.findall(r'(?i)\bthe\b', 'The cat and THE dog, then other'))
print(re.sub('(?P<x>a)', r'\g<x>\g<x>', 'banana', count=2))
print(re.escape('a-b'), re.match(re.escape('[x]'), '[x]'))
print(re.compile(r'\d+').sub(lambda m: str(int(m[0]) + 1), 'v1.9.99'))
print(re.search(r'(?x) \d+ (?# digits ) \s* (?P<u> [a-z]+ )', 'size 42 kb').group('u'))
print([m.groups() for m in re.finditer(r'(\w+)\s*:\s*([^;]+);?', 'color: red; margin : 0 auto;')])
