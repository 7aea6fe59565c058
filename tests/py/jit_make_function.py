# Functions made again and again (closures, lambdas, nested defs): a function's __module__ and
# builtins are its globals' __name__ and __builtins__ at the moment it is made (vm/function.c caches
# where one globals dict keeps them), across changes of those entries, other globals dicts (exec), and
# collections of the functions made.
import gc


def make(n):
    fs = []
    for i in range(n):
        def f(x, i=i):
            return x + i
        fs.append(f)
    return fs


fs = make(3000)
print(len(fs), fs[5](1), fs[-1].__module__, fs[0].__name__, fs[0].__qualname__)

__name__ = "renamed"
print(make(1500)[0].__module__)
del __name__
print(make(1500)[0].__module__)
__name__ = "__main__"
print(make(1500)[0].__module__)


def adders(n):
    t = 0
    for i in range(n):
        t += (lambda y: y * 2)(i) + (lambda: i)()
    return t


print(adders(5000))
gc.collect()

# other globals dicts: no __name__, a dict or a module as __builtins__, builtins replaced
src = """
def maker(n):
    out = []
    for i in range(n):
        out.append(lambda: len(str(i)))
    return out
"""
for g in ({}, {"__name__": "modx"}, {"__builtins__": {"len": lambda s: -1, "str": str, "range": range}},
          {"__builtins__": __builtins__, "__name__": "m2"}):
    exec(src, g)
    fs2 = g["maker"](2000)
    print(fs2[0].__module__, fs2[-1](), len(fs2))
    if "__builtins__" in g and isinstance(g["__builtins__"], dict) and "len" in g["__builtins__"]:
        g["__builtins__"] = {"len": lambda s: -2, "str": str, "range": range}
        print("replaced", g["maker"](3)[0]())

gc.collect()
print(make(2000)[-1](0), adders(100))
