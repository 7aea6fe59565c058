# Parameter kinds: positional-only, defaults, *args, keyword-only, **kwargs.
def f(a, b, /, c, d=4, *args, e, f=6, **kw):
    return (a, b, c, d, args, e, f, sorted(kw.items()))
print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, e=5, d=9))
print(f(1, 2, 3, 4, 5, 6, 7, e=8, f=9, g=10, h=11))
print(f(*[1, 2, 3], **{"e": 0, "z": 1}))
def g(*args, **kwargs):
    return args, kwargs
print(g(), g(1, 2), g(a=1), g(1, *(2, 3), x=4, **{"y": 5}))
def h(x, y=[]):
    y.append(x)
    return y
print(h(1), h(2), h([3], []))
def k(*, only):
    return only
print(k(only="kw"))
def posonly(a, b=2, /):
    return a + b
print(posonly(1), posonly(1, 10))
def kwcollide(a, /, **kw):
    return a, kw
print(kwcollide(1, a=2))
for bad in [lambda: f(1, 2, 3), lambda: f(1, 2), lambda: posonly(a=1), lambda: k(1), lambda: k(), lambda: h(), lambda: h(1, 2, 3),
            lambda: g(**{1: 2}), lambda: f(1, 2, 3, c=3, e=1), lambda: k(only=1, other=2), lambda: posonly(1, 2, 3)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
def defaults(a, b=2, c=3):
    return a * 100 + b * 10 + c
print(defaults(1), defaults(1, c=9), defaults(c=1, b=1, a=1), defaults.__defaults__, defaults.__name__)
def kwd(a, *, b=5, c):
    return a, b, c
print(kwd(1, c=2), kwd.__kwdefaults__, kwd.__code__.co_argcount if hasattr(kwd, "__code__") else 1)
