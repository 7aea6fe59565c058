# Decorators: plain, with arguments, stacked, class decorators, preserving attributes by hand.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("ret", fn.__name__, result)
        return result
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper
@trace
def add(a, b=1):
    "Add two numbers."
    return a + b
print(add(2, b=3), add.__name__, add.__doc__)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def greet(name):
    return "hi " + name
print(greet("x"))
def d1(fn):
    return lambda: "d1(" + fn() + ")"
def d2(fn):
    return lambda: "d2(" + fn() + ")"
@d1
@d2
def base():
    return "base"
print(base())
registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
@register
class Plugin:
    pass
print(registry, Plugin.registered)
def counted(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@counted
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(15), fib.calls)
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memo
def fib2(n):
    return n if n < 2 else fib2(n - 1) + fib2(n - 2)
print(fib2(200))
@(lambda f: f)
def ident():
    return "expression decorator"
print(ident())
