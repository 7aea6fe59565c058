import ast

SRC = r"""
"""Module doc."""
import os, sys as system
from ..pkg.mod import a as b, c
from . import d
from m import *
x: int = 5
y: list[int]
(z): int = 3
a, *rest = [1, 2, 3]
a = b = c = -1
a += 2 ** -3 ** 2
del a[0], b.c
@dec
@dec2(1, k=2)
class C(Base, metaclass=Meta, **kw):
    """Doc."""
    attr = 1
    def m(self, p, /, q=1, *args, r, s=2, **kwargs) -> None:
        return self
    async def am(self):
        async for i in aiter():
            await i
        async with ctx() as (p, q):
            pass
def gen():
    yield
    yield 1
    x = yield from other()
    return (yield)
lam = lambda a, b=2, *c, d, **e: a if b else c
comp = [i * j for i in range(10) if i % 2 if i > 3 for j in range(i)]
sc = {i for i in x}
dc = {k: v for k, v in items()}
ge = (i for i in x)
s = x[1:2, ::3, ...]
t = x[a:b:c]
u = x[()]
v = (1,)
w = not a and b or c
cmp = 1 < x <= 2 != y is not None in z not in q
cond = a if b else c
call = f(*args, x, **kw, y=2)
fs = f"{x!r:>{width}} {y=} {'nested'}"
bs = b"bytes\x00" + "str" 'concat'
big = 123456789012345678901234567890 + 0x_FF + 1.5e300 + 2j + 1e999
if a:
    pass
elif b:
    pass
else:
    pass
while True:
    break
else:
    continue
for i, j in enumerate(x):
    pass
else:
    pass
try:
    pass
except ValueError as e:
    raise TypeError("x") from e
except (A, B):
    raise
except:
    pass
else:
    pass
finally:
    pass
with open(f) as g, lock:
    pass
global gg
assert x, "msg"
match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0) | Point(1, 2):
        pass
    case {"k": v, **rest}:
        pass
    case [1, *others] if others:
        pass
    case None | True | -1 | 1+2j | "s" | C.D:
        pass
    case (x as y):
        pass
    case _:
        pass
print(walrus := 10)
nl = {**a, 'b': 1}
st = {1, 2}
ell = ...
def outer():
    nonlocal_var = 1
    def inner():
        nonlocal nonlocal_var
    return inner
"""

tree = ast.parse(SRC)
print(ast.dump(tree, indent=1, include_attributes=True))
print(ast.dump(tree, annotate_fields=False))
print(ast.dump(tree, indent="\t", show_empty=True)[:2000])
print(ast.unparse(tree))
# round trip: unparse then parse again gives the same tree (positions aside)
print(ast.dump(ast.parse(ast.unparse(tree))) == ast.dump(tree))

# modes
print(ast.dump(ast.parse("1 + 2", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1", mode="single")))
print(ast.dump(ast.parse(b"b'\\xff' if a else -x", mode="eval")))
for bad in ["x = ", "def f(:", "a b"]:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)
try:
    ast.parse("x", mode="bogus")
except ValueError as e:
    print("ValueError", e)
try:
    ast.dump(42)
except TypeError as e:
    print("TypeError", e)
