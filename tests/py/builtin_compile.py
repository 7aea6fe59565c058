# compile(): modes, code objects run by exec()/eval(), str and bytes sources, errors.
code = compile("x = 6 * 7\ny = x + 1\n", "<calc>", "exec")
print(type(code).__name__, code.co_filename, code.co_name)
ns = {}
print(exec(code, ns), ns["x"], ns["y"])

expr = compile("a * 2 + 1", "<expr>", "eval")
print(eval(expr, {"a": 20}), eval(expr, {"a": 1}))
print(exec(expr, {"a": 3}))
print(eval(compile("z = 5", "s", "exec"), {}))

single = compile("1 + 2", "<single>", "single")
exec(single)
exec(compile("for i in range(3): i * 10\n", "<single>", "single"))
exec(compile("None\n", "<single>", "single"))
exec(compile("'text'", "<single>", "single"))

print(eval(compile(b"'from bytes'", "b", "eval")))
print(eval(compile(bytearray(b"40 + 2"), "b", "eval")))
print(eval(compile(b"\xef\xbb\xbf8", "bom", "eval")))
print(eval(compile("len('h\u00e9llo')", "u", "eval")))

# keyword arguments, flags and optimize accepted
c = compile(source="q = 1", filename="kw.py", mode="exec", flags=0, dont_inherit=True, optimize=2)
print(c.co_filename)
print(compile("1", b"bytes_name.py", "eval").co_filename)


class P:
    def __fspath__(self):
        return "pathlike.py"


print(compile("1", P(), "eval").co_filename)

# functions and classes defined by compiled code
ns = {}
exec(compile("def sq(n):\n    return n * n\nclass K:\n    v = sq(3)\n", "defs.py", "exec"), ns)
print(ns["sq"](12), ns["K"].v, ns["sq"].__code__.co_filename)

# a compiled code object is reusable
counter = compile("n += 1", "inc", "exec")
env = {"n": 0}
for _ in range(5):
    exec(counter, env)
print(env["n"])

# tracebacks point into the compiled filename and line
try:
    exec(compile("a = 1\nb = 2\nraise ValueError('in compiled')\n", "virtual.py", "exec"))
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(e, tb.tb_frame.f_code.co_filename, tb.tb_lineno)

# syntax errors carry the filename and line
for src, fn, mode in [("x = (1,\n", "paren.py", "exec"), ("def f(:\n  pass", "bad.py", "exec"),
                      ("if True:\npass", "indent.py", "exec"), ("x = 1", "<e>", "eval"),
                      ("a = 1\nb = 2\nc = = 3\n", "third.py", "exec"), ("x=1\ny=2", "<s>", "single"),
                      (" 1", "lead.py", "eval"), ("return 5", "ret.py", "exec")]:
    try:
        compile(src, fn, mode)
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.filename, e.lineno)

# argument errors
for args in [("x", "f", "bad"), (1, "f", "exec"), ("x", 1, "exec"), ("x", "f", "exec", 1 << 30),
             ("x", "f", "exec", 0, False, 5), ("x\0", "f", "exec"), (b"x\0", "f", "exec"), ("x", "f")]:
    try:
        compile(*args)
    except (TypeError, ValueError, SyntaxError) as e:
        print(type(e).__name__, e)
try:
    compile("x", "f", "exec", 0x400)
except NotImplementedError as e:
    print("NotImplementedError")
else:
    print("NotImplementedError")
