# Recursion depth errors are catchable; afterwards the program continues and then fails plainly.
import sys
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
print("limit", sys.getrecursionlimit())
raise ValueError("plain failure after recursion")
