# Three-level chain: context then cause.
def level1():
    raise KeyError("k1")
def level2():
    try:
        level1()
    except KeyError:
        raise ValueError("v2")
def level3():
    try:
        level2()
    except ValueError as e:
        raise TypeError("t3") from e
level3()
