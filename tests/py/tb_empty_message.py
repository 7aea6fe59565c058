# An exception whose str() is empty prints just the type name.
class Quiet(Exception):
    pass
def f():
    raise Quiet()
print("before")
f()
