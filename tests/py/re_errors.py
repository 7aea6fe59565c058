# re: compile errors with CPython 3.13's messages, .msg, .pos, .lineno, .colno; type errors.
import re

bad = [
    "(", "(abc", "a)", "())", "*", "+a", "a**", "a*+*", "a{2}{3}", "?", "{1}", r"\q", r"\8", r"a\1",
    "[a", "[", "[^", "[z-a]", r"[\d-z]", r"[a-\w]", "(?P<1>a)", "(?P<a-b>x)", "(?P<a>x)(?P<a>y)",
    "(?P=zz)", "(?P<a>(?P=a))", "(?P", "(?Px)", "(?<x)", "(?", "(?z)", "(?i", "(?-", "(?i-", "(?i-i:a)",
    "(?#abc", r"(?<=a+)b", r"(?<=a|bc)d", r"\x4", r"\x", r"\u12", r"\U0011ffff", r"\777", "a{3,2}",
    "x(?i)y", "(?L)a", "(?au)a", "(?-a:b)", r"(?(2)a|b)", r"(?(x)a|b)", r"(?(1a)x)", r"(a)(?(1)b|c|d)",
    "\\", "a\nb(", "(?<", "(?<=a", r"(?P<n>)\g<n>", r"(?'x)", "a|*",
]
for p in bad:
    try:
        re.compile(p)
        print(repr(p), "compiled")
    except re.error as e:
        print(repr(p), "->", e, "|", repr(e.msg), e.pos, e.lineno, e.colno, e.pattern == p)
    except Exception as e:
        print(repr(p), "->", type(e).__name__, e)

print(re.error is re.PatternError, issubclass(re.error, Exception))
try:
    re.compile("a{99999999999}")
except OverflowError as e:
    print("OverflowError", e)

# type errors and flag errors
for args in [(b"a", "a"), ("a", b"a"), (1, "a"), ("a", 1)]:
    try:
        re.search(*args)
    except TypeError as e:
        print("TypeError", args, e.__class__.__name__)
try:
    re.compile("a", re.LOCALE)
except ValueError as e:
    print("ValueError", e)
try:
    re.compile("a", re.A | re.U)
except ValueError as e:
    print("ValueError", e)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError", e)

# template errors
for t in [r"\q", r"\g", r"\g<", r"\g<1", r"\g<>", r"\g<a-b>", r"\3", r"\g<9>", r"\g<nope>"]:
    try:
        print(re.sub("(a)(b)", t, "ab"))
    except re.error as e:
        print(repr(t), "error", e)
    except IndexError as e:
        print(repr(t), "IndexError", e)
m = re.match("(a)", "a")
try:
    m.group(2)
except IndexError as e:
    print("IndexError", e)
try:
    m.group("x")
except IndexError as e:
    print("IndexError", e)
