# SyntaxError attributes (msg, lineno, offset) from exec() of bad sources.
cases = [
    "x = (1, 2",
    "x = [1, 2)",
    "def f(:\n    pass",
    "if x\n    pass",
    "x = 'unterminated",
    'x = """never\nclosed',
    "1 = a",
    "f() = 1",
    "del f()",
    "x = 1 +",
    "for in range(3): pass",
    "return 1",
    "class C:\nreturn",
    "x = 5 5",
    "a b c",
    "print 'hello'",
    "x = 0777",
    "x = 1__0",
    "x = 1e",
    "x = 0b102",
    "None = 1",
    "def f(x, x): pass",
    "f(x for x in y, 1)",
    "x += 1 = 2",
    "(a, b) += 1",
    "import",
    "from x import",
    "with open() as 1: pass",
    "try:\n    pass\n",
    "else: pass",
    "@\ndef f(): pass",
    "x = {1: 2, 3}",
    "f(**x, *y)",
    "nonlocal x",
    "def f():\n    global x\n    x = 1\n    global x",
    "async = 1" if False else "True = 1",
    "'abc' 'def' = 1",
    "x = $",
    "x = `1`",
]
for src in cases:
    try:
        exec(src)
        print(repr(src), "compiled?!")
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, "|", e.msg, "|", e.lineno, e.offset)
