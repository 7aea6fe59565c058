# Order of finally execution with return/break/continue/exceptions in nested try blocks.
log = []
def f():
    try:
        try:
            log.append("inner try")
            raise ValueError("v")
        except ValueError:
            log.append("inner except")
            raise TypeError("t")
        finally:
            log.append("inner finally")
    except TypeError:
        log.append("outer except")
        return "ret"
    finally:
        log.append("outer finally")
print(f(), log)
def g():
    for i in range(3):
        try:
            if i == 0:
                continue
            if i == 1:
                return "returned at 1"
        finally:
            print("finally", i)
print(g())
def h():
    try:
        raise KeyError("lost")
    finally:
        return "finally swallowed the exception"
print(h())
def k():
    x = []
    try:
        x.append(1)
        return x
    finally:
        x.append(2)
print(k())
def m():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            raise ValueError("second")
        except ValueError:
            pass
        return "handled both"
print(m())
def n():
    try:
        try:
            raise ValueError("a")
        finally:
            print("cleanup a")
    except ValueError as e:
        try:
            raise TypeError("b")
        except TypeError as e2:
            return "%s then %s, context=%r" % (e, e2, e2.__context__)
print(n())
