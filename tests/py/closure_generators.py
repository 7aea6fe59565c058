# Closures over loop variables in generators and callbacks; function factories.
def make_multipliers():
    return [lambda x, k=k: x * k for k in range(1, 5)]
print([m(3) for m in make_multipliers()])
def gen_with_closure():
    total = 0
    def add(x):
        nonlocal total
        total += x
    for i in range(5):
        add(i)
        yield total
print(list(gen_with_closure()))
handlers = {}
def on(event):
    def register(fn):
        handlers.setdefault(event, []).append(fn)
        return fn
    return register
@on("start")
def h1(): return "h1"
@on("start")
def h2(): return "h2"
@on("stop")
def h3(): return "h3"
print({k: [f() for f in v] for k, v in handlers.items()})
def memoize():
    cache = {}
    def get(n):
        if n in cache:
            return cache[n], True
        cache[n] = n * n
        return cache[n], False
    return get
g = memoize()
print(g(4), g(4), g(5))
def pipeline(*stages):
    def run(x):
        for s in stages:
            x = s(x)
        return x
    return run
p = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(p("  Hello World  "))
