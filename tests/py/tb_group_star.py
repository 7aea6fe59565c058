# What leaves a try/except* when it is not handled: a new group of the raised exceptions and the
# re-raised rest, printed in CPython's format
def h():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("inner", [TypeError(2)]), OSError(3)])
    except* TypeError:
        raise KeyError(5) from None
    except* ValueError as e:
        raise RuntimeError("while handling")


print("start")
h()
