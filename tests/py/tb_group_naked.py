# A naked exception re-raised from except* leaves as a group of one; BaseExceptionGroup header
def f():
    try:
        raise KeyError("k")
    except* KeyError:
        raise


try:
    f()
except ExceptionGroup as e:
    print(repr(e))
raise BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError("v")])
