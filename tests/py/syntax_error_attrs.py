# SyntaxError attributes as CPython 3.13 sets them: text with its line end, end_offset 0 (not None)
# where the parser gives an end line, offsets in characters (a non-ASCII line too).
for src in ["x = (1,\n", "a b\n", "def f(:\n  pass\n", "x = 1 +\n", "print 'a'\n", "f(a, a=1, a=2)\n",
            "s = 'é' +\n", "x = 1\ny = (2,\n", "if x:\npass\n", "a b", "x = {1: 2, 3}\r\n"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
