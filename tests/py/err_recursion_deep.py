# With a raised limit, 100000-deep Python recursion works (Python calls must not use the C stack).
import sys
sys.setrecursionlimit(110000)
def deep(n):
    if n == 0:
        return 0
    return deep(n - 1) + 1
print(deep(100000))
def deep_gen(n):
    if n:
        yield from deep_gen(n - 1)
    yield n
print(sum(1 for _ in deep_gen(2000)))
sys.setrecursionlimit(1000)
try:
    deep(5000)
except RecursionError as e:
    print(type(e).__name__, e)
