# Carets under instructions that span several lines, the "...<N lines>..." abbreviation of spans of
# more than three lines, and multi-line attribute chains (the position starts at the attribute).
import traceback

HERE = __file__


def show(label):
    print("--", label)
    print(traceback.format_exc().replace(HERE, "HERE"), end="")


def fail(*args):
    raise ValueError(len(args))


class Obj:
    pass


d = {"a": 1}
o = Obj()
o.x = 1

try:
    x = fail(1,
             2)
except ValueError:
    show("two-line call assigned: no carets")
try:
    x = fail(1,
             2) + 1
except ValueError:
    show("two-line call in an expression")
try:
    x = fail(
        1,
        2,
        3,
        4,
    )
except ValueError:
    show("call over six lines, assigned")
try:
    print(fail(
        1,
        2,
        3,
        4,
    ))
except ValueError:
    show("call over six lines, abbreviated")
try:
    x = (d["a"] +
         d["b"])
except KeyError:
    show("second line of a sum")
try:
    x = (1 +
         2 +
         3 +
         4 +
         "five")
except TypeError:
    show("operator on the last of five lines")
try:
    x = ("five" +
         1 +
         2 +
         3 +
         4)
except TypeError:
    show("operator on the first line")
try:
    x = (d["a"]
         +
         None)
except TypeError:
    show("operator alone on its line")
try:
    x = d["a"] \
        + "x"
except TypeError:
    show("backslash continuation")
try:
    x = (d["a"]  # a comment
         - "x")
except TypeError:
    show("comment after the left operand")
try:
    x = (o
         .x
         .missing)
except AttributeError:
    show("attribute chain over lines")
try:
    x = (o
         .nomethod(1))
except AttributeError:
    show("method over lines")
try:
    r = (
        d
        ["zz"]
    )
except KeyError:
    show("subscript over lines")
try:
    x = [
        1,
        2,
        d["zz"],
        3,
    ]
except KeyError:
    show("inside a long list")
try:
    x = fail(1,
             undefined_name)
except NameError:
    show("name on the second line")

print("uncaught:")
result = (d["a"] *
          2 +
          3 -
          fail(1,
               2,
               3))
