# Python 3.13: count/maxsplit/flags passed positionally still work, with a DeprecationWarning
import re, sys, warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(re.sub("a", "b", "aaa", 2), re.subn("a", "b", "aAa", 0, re.I), re.split(",", "a,b,c", 1))
    print(re.sub("a", "b", "aaa", count=1), re.split(",", "a,b,c", maxsplit=1, flags=0))
    print([(str(m.message), m.category.__name__, m.lineno) for m in w])
for call in (lambda: re.sub("a", "b", "a", 1, count=2), lambda: re.split("a", "b", 1, 0, flags=0),
             lambda: re.sub("a", "b", "a", 1, 0, 9), lambda: re.split("a", "b", 1, 0, 9, 9)):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            call()
    except TypeError as e:
        print(e)
