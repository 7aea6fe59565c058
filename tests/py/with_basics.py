# with statement: __enter__/__exit__, exception suppression, several items, nesting.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("b", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with CM("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
with CM("x") as x, CM("y") as y:
    print("multi", x, y)
with (CM("p") as p,
      CM("q") as q):
    print("parenthesized", p, q)
try:
    with CM("outer"), CM("inner"):
        raise RuntimeError("in nested")
except RuntimeError as e:
    print("caught", e)
def func():
    with CM("in-func"):
        return "returned"
print(func())
for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        break
class NoEnter:
    pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class ExitOnly:
    def __enter__(self):
        return self
try:
    with ExitOnly():
        pass
except TypeError as e:
    print(type(e).__name__, e)
