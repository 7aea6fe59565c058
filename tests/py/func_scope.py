# global, local, and builtin scopes; shadowing; globals()/locals().
counter = 0
def incr():
    global counter
    counter += 1
    return counter
print(incr(), incr(), counter)
def shadow():
    len = lambda x: "shadowed"
    return len([1, 2])
print(shadow(), len([1, 2]))
def make_global():
    global created_later
    created_later = "made"
make_global()
print(created_later)
x = "module"
def read_global():
    return x
def local_x():
    x = "local"
    return x
print(read_global(), local_x(), x)
def uses_locals(a, b=2):
    c = a + b
    return sorted(locals().items())
print(uses_locals(1))
print("counter" in globals(), globals()["counter"], type(globals()).__name__)
g = globals()
g["dynamic"] = 99
print(dynamic)
def inner_global():
    def inner():
        global counter
        counter = 100
    inner()
inner_global()
print(counter)
def cond_def(flag):
    if flag:
        def f():
            return "first"
    else:
        def f():
            return "second"
    return f()
print(cond_def(True), cond_def(False))
print(__name__)
import builtins
print(builtins.len("abc"), builtins.max(1, 2))
