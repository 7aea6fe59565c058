# String literal escapes, printed through repr and ord so every char is visible.
s = "a\tb\nc\\d\'e\"f\rg\x41\101\u00e9\U0001F600\N{BULLET}\0\a\b\f\v"
print(len(s))
print([ord(c) for c in s])
print(repr(s))
print(repr('it\'s'), repr("say \"hi\""), repr('both \' and "'))
print('\x7f' == chr(127), '\377' == chr(255))
print(repr("\N{LATIN SMALL LETTER A WITH GRAVE}"), "\N{GREEK SMALL LETTER ALPHA}")
print("line1\
line2")
print(repr('\u20ac'), ascii('\u20ac'), ascii('caf\xe9'), ascii('\U0001F600'))
print(repr('\x00\x1f\x7f\x80\xa0\xad'))
print(repr("tab\there"), repr("nl\n"))
