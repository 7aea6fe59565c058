# eval, exec, compile-free code strings, globals/locals dictionaries.
print(eval("1 + 2 * 3"), eval("[x * x for x in range(4)]"), eval("'abc'.upper()"), eval("  7  "))
ns = {"a": 10, "b": 20}
print(eval("a + b", ns), eval("a * k", ns, {"k": 3}))
exec("c = a + b", ns)
print(ns["c"], sorted(k for k in ns if k != "__builtins__"))
code = """
def helper(n):
    return n * 2
result = [helper(i) for i in range(3)]
"""
g = {}
exec(code, g)
print(g["result"], g["helper"](21))
x = 5
exec("x = x + 1")
print(x)
def f():
    loc = {}
    exec("y = 42", globals(), loc)
    return loc["y"]
print(f())
print(eval("x", {"x": "global"}, {"x": "local"}))
for bad in ["1 +", "def", "x = = 1", "(", "return 5"]:
    try:
        exec(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
try:
    eval("x = 1")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    eval("undefined_zz")
except NameError as e:
    print(type(e).__name__, e)
try:
    eval("1/0")
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(eval("__name__"), eval("len", {}) is len, eval("abs(-2)", {"__builtins__": __builtins__}))
exec("for i in range(3): print('exec loop', i)")
