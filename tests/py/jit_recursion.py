# The recursion limit holds in compiled code, and deep recursion with a raised limit works.
import sys


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(20))
print(depth(500))
try:
    depth(10**6)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(120000)
print(depth(100000))
sys.setrecursionlimit(1000)


def forever(n):
    return forever(n + 1) + 1


try:
    forever(0)
except RecursionError as e:
    print("RecursionError again:", e)
print(fib(15))


def mutual_a(n):
    return 0 if n == 0 else mutual_b(n - 1) + 1


def mutual_b(n):
    return 0 if n == 0 else mutual_a(n - 1) + 2


print(mutual_a(600))
