# Which error wins when a parser error meets a bracket the rest of the file never closes: CPython
# tokenizes the rest and reports the unclosed bracket if it was opened on a line before the furthest
# token the parser read (for every parser error, generic or custom, like the comma hint).
cases = [
    "x = [1, 2\ny = 3\n",
    "foo(a b\n",
    "d = {1: 2\nprint(d)\n",
    "x = [1,\n2,\n3\n",
    "x = (a for a in b\n",
    "def f(a, b\n    return a\n",
    "a = 1\nb = (2 3)\nc = [\n",
    "x = {1 2}\n",
    "if x = 1:\n    pass\n",
    "x = (1, 2\nif y:\n    pass\n",
    "x = f(1, 2\ny = 3\n",
    "s = 'abc' 'def\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("compiled?", repr(src))
    except SyntaxError as e:
        print(repr(src), "->", repr(e.msg), e.lineno, e.offset)
