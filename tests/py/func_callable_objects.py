# __call__, bound/unbound methods, staticmethod/classmethod as callables, callable().
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
add5 = Adder(5)
print(add5(10), callable(add5), list(map(add5, [1, 2])), callable(Adder))
class Greeter:
    greeting = "hello"
    def greet(self, name):
        return self.greeting + " " + name
g = Greeter()
m = g.greet
print(m("bob"), Greeter.greet(g, "amy"), m.__self__ is g, m.__func__ is Greeter.greet, m.__name__)
print(g.greet == g.greet, g.greet is g.greet, Greeter.greet is Greeter.greet)
methods = [g.greet, str.upper, len, Adder(1)]
print([callable(x) for x in methods], [m("x") if i == 0 else m("x") for i, m in enumerate(methods[:2])])
class Counter:
    count = 0
    @classmethod
    def inc(cls):
        cls.count += 1
        return cls.count
    @staticmethod
    def helper(x):
        return x * 2
print(Counter.inc(), Counter().inc(), Counter.helper(4), Counter().helper(5), Counter.count)
f = Counter.helper
print(f(21))
try:
    Adder(1)(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.greet()
except TypeError as e:
    print(type(e).__name__, e)
try:
    five = 5
    five()
except TypeError as e:
    print(type(e).__name__, e)
try:
    s = "str"
    s()
except TypeError as e:
    print(type(e).__name__, e)
