# RecursionError at the default limit is an ordinary exception; the program continues normally afterwards.
import sys
def down(n):
    return down(n + 1)
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
class Node:
    def visit(self):
        return self.visit()
for f in [lambda: down(0), lambda: mutual_a(0), lambda: Node().visit()]:
    try:
        f()
    except RecursionError as e:
        print(type(e).__name__, e, isinstance(e, RuntimeError))
depth = 0
def measure():
    global depth
    depth += 1
    measure()
try:
    measure()
except RecursionError:
    print("depth reached is between 900 and 1000:", 900 <= depth <= 1000)
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print(fine(500))
print("still working", sum(range(10)))
