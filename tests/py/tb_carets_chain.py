# Carets in every part of chained exceptions (__cause__, __context__), in nested calls, and in
# list/set/dict comprehensions, which CPython inlines (the caller's entry shows the position inside
# the comprehension; generator expressions keep their own entry).
import traceback

HERE = __file__


def show(label):
    print("--", label)
    print(traceback.format_exc().replace(HERE, "HERE"), end="")


d = {"a": 1}


def lookup(key):
    return d[key] + 0


def via(key):
    value = lookup(key) * 2
    return value


try:
    x = [d[k] for k in "ab"]
except KeyError:
    show("list comprehension")
try:
    x = {k: d[k] + 1 for k in "ab"}
except KeyError:
    show("dict comprehension")
try:
    x = [[d[k] for k in row] for row in ["a", "ab"]]
except KeyError:
    show("nested comprehensions")
try:
    x = [lookup(k) for k in "ab"]
except KeyError:
    show("call inside a comprehension")
try:
    x = list(d[k] for k in "ab")
except KeyError:
    show("generator expression")
try:
    x = sum(len(d[k]) for k in "a")
except TypeError:
    show("generator expression, builtin")
try:
    try:
        via("zz")
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError:
    show("cause")


def handler():
    try:
        return d["missing"] + 1
    except KeyError:
        return d["a"] + None


try:
    handler()
except TypeError:
    show("context")

print("uncaught:")
try:
    via("b")
except KeyError as e:
    try:
        x = [lookup(k) for k in "a" + None]
    finally:
        pass
