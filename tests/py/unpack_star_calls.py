# *args / **kwargs unpacking in calls, literals, and merges.
def show(*args, **kwargs):
    return "args=%r kwargs=%r" % (args, sorted(kwargs.items()))
print(show(*[1, 2], *(3,), 4))
print(show(**{"a": 1}, b=2, **{"c": 3}))
print(show(*range(3), **dict(x=1)))
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    show(a=1, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
print([*"abc", *[1], *range(2)], (*[1, 2],), {**{"x": 1}, **{"y": 2}, "x": 3})
print({*[1, 2], *(2, 3)} == {1, 2, 3})
def kwonly(*, a, b=2): return a + b
print(kwonly(**{"a": 5}), kwonly(**{"a": 1, "b": 1}))
args = ("fmt %s %s", "x", "y")
print(args[0] % args[1:])
print(max(*[3, 9, 2]), min(*"hello"), list(zip(*[(1, "a"), (2, "b")])))
