# CPython 3.13's caret lines for binary operators, subscripts, calls and attributes, through the
# traceback module (stdout) and the interpreter's own printer (stderr, at the end).
import traceback

HERE = __file__


def show(label):
    print("--", label)
    print(traceback.format_exc().replace(HERE, "HERE"), end="")


class Obj:
    def method(self, x):
        return x.missing_attr


def fail(*args, **kwargs):
    raise ValueError("fail")


def twice(f):
    return f


d = {"a": 1, "b": "two"}
lst = [1, 2, 3]
o = Obj()

try:
    x = d["a"] + d["b"]
except TypeError:
    show("binop on subscripts")
try:
    x = 1+"a"
except TypeError:
    show("binop without spaces")
try:
    x = d["a"] ** "x"
except TypeError:
    show("two-character operator")
try:
    x = d["a"]//0
except ZeroDivisionError:
    show("floor division by zero")
try:
    x = lst[0] + lst[1] + "x" + lst[2]
except TypeError:
    show("left-associative chain")
try:
    x = (lst[0]) >> (None)
except TypeError:
    show("parenthesised operands")
try:
    x = lst[7]
except IndexError:
    show("subscript")
try:
    x = d  [  "zz"  ]
except KeyError:
    show("subscript with spaces")
try:
    x = d["a"]["b"]
except TypeError:
    show("nested subscript")
try:
    x = lst[1:2][5]
except IndexError:
    show("subscript of a slice")
try:
    x = fail(1, 2)
except ValueError:
    show("full-line assignment of a call: no carets")
try:
    fail(1, 2)
except ValueError:
    show("expression statement call: no carets")
try:
    y = [fail(1)]
except ValueError:
    show("call inside a list")
try:
    x = twice(fail)(3)
except ValueError:
    show("call of a call")
try:
    o.method(o)
except AttributeError:
    show("method call, attribute error inside")
try:
    x = o.missing.deeper
except AttributeError:
    show("attribute")
try:
    x = not o.missing
except AttributeError:
    show("attribute under not")
try:
    x = -o
except TypeError:
    show("unary: whole expression")
try:
    x = o < 1
except TypeError:
    show("comparison")
try:
    x = len(5)
except TypeError:
    show("builtin call")
try:
    x = (lambda: 1 / 0)()
except ZeroDivisionError:
    show("lambda")


def ret_call(v):
    return fail(v)


def ret_call_attr(v):
    return v.method(v)


try:
    ret_call(1)
except ValueError:
    show("return of a call: no carets")
try:
    ret_call_attr(o)
except AttributeError:
    show("return of a method call")
try:
    assert lst[0] == 2
except AssertionError:
    show("assert")
try:
    d["zz"] += 1
except KeyError:
    show("augmented subscript")
try:
    del d["zz"]
except KeyError:
    show("del")
try:
    x = f"{d['zz']}"
except KeyError:
    show("f-string")

print("uncaught:")
total = d["a"] * 2 + d["b"] * 1.5
