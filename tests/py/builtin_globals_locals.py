# globals() and locals() at module and function level; __builtins__ access; builtins shadowing.
g = globals()
print(g is globals(), "__name__" in g, g["__name__"], "print" in dir(__builtins__) if not isinstance(__builtins__, dict) else "print" in __builtins__)
def f(a, b=2):
    c = a + b
    loc = locals()
    return sorted(loc.items())
print(f(1))
print(locals() is globals() or locals() == globals())
def shadow_builtin():
    list = "not a list"
    return list
print(shadow_builtin(), list("ok"))
str = lambda x: "custom"
print(str(1))
del str
print(str(1))
import builtins
old_len = builtins.len
builtins.len = lambda x: -1
print(len("abc"))
builtins.len = old_len
print(len("abc"))
