# IndentationError and TabError variants from compile-time checks via exec().
cases = [
    "if True:\nx = 1",
    "  x = 1",
    "if True:\n    x = 1\n  y = 2",
    "def f():\n    return 1\n        x = 2",
    "for i in range(2):\n\tif i:\n        pass",
    "class C:\n",
    "while True:\n# only a comment\n",
    "try:\n    pass\nexcept:\npass",
    "if True:\n    pass\n   else:\n    pass",
]
for src in cases:
    try:
        exec(src)
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, "|", e.msg, "|", e.lineno)
