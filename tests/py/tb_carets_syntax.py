# SyntaxError locations through traceback.format_exception_only: the caret line keeps tabs of the
# text, no carets when the offset is inside the leading indentation, spans clipped to the line,
# offsets in characters after non-ASCII text.
import traceback

sources = [
    "x = (1,\n",
    "if True:\n\tx = = 1\n",
    "x = 1\n    y = 2\n",
    "def f(:\n    pass\n",
    "x = 1 +\n",
    "print('unterminated)\n",
    "a b c\n",
    "for x in range(3):\npass\n",
    "\tx = 1 2\n",
    "f(a for a in b, c)\n",
    "x = 'é' 'ü' ++\n",
    "del f()\n",
    # errors of the compiler proper: no text (nor caret line) for a source without a file
    "return 5\n",
    "x = 1\nbreak\n",
    "def f():\n    x = 1\n    global x\n",
]
for src in sources:
    try:
        compile(src, "<src>", "exec")
    except SyntaxError as e:
        print(repr(src))
        print("".join(traceback.format_exception_only(e)), end="")
        # (an unknown end prints as 0: CPython says 0 or None depending on the error)
        print("offsets", e.lineno, e.offset, e.end_lineno, e.end_offset or 0)
