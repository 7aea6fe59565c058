# An exception raised in a finally block replaces the one in flight (shown as its context).
def f():
    try:
        raise ValueError("original")
    finally:
        print("in finally")
        raise KeyError("from finally")
f()
