# MAKE_FUNCTION compiled inline (x86.cpp's emitMakeFunctionFast: lambdas and nested defs with no
# defaults, with or without a closure): every attribute of the functions made in hot loops must be what
# the runtime's kr_func_new gives, each a new object with its own cells and __dict__, and the module
# name / builtins read when the function is made (globals()['__name__'] replaced mid-loop, a new global
# added, the same code run with another globals dict, defaults that take the runtime call).
import builtins


def make_adders(n):
    out = []
    for k in range(n):
        out.append(lambda x: x + k)  # late binding: every lambda sees the last k
    return out


def make_bound(n):
    out = []
    for k in range(n):
        def add(x, k=k):  # defaults: the runtime call, evaluated once per def
            return x + k
        out.append(add)
    return out


def make_cells(n):
    fs = []
    for i in range(n):
        def outer(i=i):
            v = i

            def get():
                return v

            def put(w):
                nonlocal v
                v = w
            return get, put
        fs.append(outer())
    return fs


def nested(x):
    def middle(y):
        def inner(z):
            "inner's doc"
            return x + y + z
        return inner
    return middle


def describe(f):
    return (f.__name__, f.__qualname__, f.__module__, f.__doc__, f.__defaults__, f.__kwdefaults__,
            f.__closure__ is None, f.__globals__ is globals(), f.__dict__, f.__annotations__)


adders = make_adders(1500)
print(adders[0](1), adders[-1](1), len(set(map(id, adders[-100:]))))
print(describe(adders[5]))
bound = make_bound(1200)
print(bound[0](1), bound[7](1), bound[-1](1), describe(bound[9]))

cells = make_cells(1200)
get0, put0 = cells[0]
get1, put1 = cells[1]
put0(100)
print(get0(), get1(), cells[-1][0](), get0.__closure__[0].cell_contents)
print(get0.__closure__[0] is put0.__closure__[0], get0.__closure__[0] is get1.__closure__[0])

t = 0
last = None
for i in range(1500):
    last = nested(i)(1)
    t += last(2)
print(t, describe(last))
print([c.cell_contents for c in last.__closure__])

# each function its own __dict__, version bumps on __code__ / __defaults__ changes
fs = [nested(i) for i in range(1200)]
fs[0].tag = "first"
print(getattr(fs[1], "tag", None), fs[0].tag, fs[0] is not fs[1])
inner = fs[3](4)
inner.__defaults__ = (7,)
print(inner(5), inner(), inner.__defaults__)


# __name__ replaced in place mid-loop (the cached slot reads the new value), a global added
def make_many(n):
    out = []
    for i in range(n):
        if i == n // 2:
            globals()["__name__"] = "renamed"
        if i == 3 * n // 4:
            globals()["added_late_%d" % n] = i
        out.append(lambda: i)
    return out


many = make_many(2000)
print(many[0].__module__, many[-1].__module__, many[1050].__module__, many[1700].__module__, many[-1]())
globals()["__name__"] = "__main__"

# two modules making functions alternately (the cache of kr_func_new flips between their globals):
# their own __name__ and __builtins__ (a dict with len replaced)
src = ("def maker(n):\n    out = []\n    for i in range(n):\n        out.append(lambda: (len('abc'), i))\n"
       "    return out\n")
ga = {"__name__": "moda"}
gb = {"__name__": "modb", "__builtins__": dict(builtins.__dict__, len=lambda s: -1)}
exec(src, ga)
exec(src, gb)
res = []
for rep in range(6):
    a = ga["maker"](500)
    b = gb["maker"](500)
    res.append((a[-1].__module__, b[-1].__module__, a[-1](), b[-1](), b[0].__globals__ is gb,
                a[0].__builtins__ is builtins.__dict__, b[0].__builtins__ is gb["__builtins__"]))
print(res[0], res[-1], len(set(res)))

# __builtins__ replaced by a dict mid-way: functions made afterwards see it
g2 = {"__name__": "m2", "__builtins__": __builtins__}
code2 = compile("def mk(n):\n    out = []\n    for i in range(n):\n"
                "        if i == n // 2:\n            globals()['__builtins__'] = {'len': lambda s: 42}\n"
                "        out.append(lambda: len('ab'))\n    return out\n", "<g2>", "exec")
exec(code2, g2)
fl = g2["mk"](1500)
print(fl[0](), fl[-1](), fl[0].__module__)
