# lambda expressions, functions as values, higher-order functions, map/filter.
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in late])
def compose(*funcs):
    def composed(x):
        for f in reversed(funcs):
            x = f(x)
        return x
    return composed
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(5))
print(list(map(sq, range(5))), list(map(add, [1, 2], [3, 4])), list(filter(lambda x: x % 3 == 0, range(10))), list(filter(None, [0, 1, "", "a", None])))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: f(6, 3) for k, f in ops.items()})
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), max([(1, "z"), (2, "a")], key=lambda t: t[1]))
print(sq.__name__, (lambda: 0).__name__, callable(sq), callable(3))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(dbl, 10, 1), apply_n(lambda s: s + "!", 3, "hey"))
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
