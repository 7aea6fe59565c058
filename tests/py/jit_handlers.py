# Exception handlers are entries of compiled code (compiler/hir_build.c, scan): the interpreter unwinds
# to a handler and continues there in compiled code.
class Ctx:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        self.log.append(t.__name__ if t else "ok")
        return t is KeyError


def handler_forms(n):
    log = []
    total = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValueError(i)
            total += 1
        except ValueError as e:
            total += e.args[0] % 5
            if i % 9 == 0:
                continue
        else:
            total += 2
        finally:
            total += 1
        try:
            try:
                if i % 4 == 0:
                    raise KeyError(i)
            except KeyError:
                if i % 8 == 0:
                    raise
                total -= 1
        except KeyError:
            total += 10
        with Ctx(log):
            if i % 5 == 0:
                raise KeyError("suppressed")
        if i > n - 3:
            try:
                return total, len(log), log[-3:]
            finally:
                total += 1000
    return total


for _ in range(3):
    print(handler_forms(3000))
try:
    e = None
    for i in range(2000):
        try:
            {}[i]
        except KeyError as e:
            pass
    print(e)
except NameError as err:
    print("NameError", err)
