# BaseExceptionGroup / ExceptionGroup (PEP 654): construction, attributes, split/subgroup/derive
import pickle

eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
print(repr(eg), str(eg), eg.args, eg.message, eg.exceptions)
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
print(type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__)
print(type(BaseExceptionGroup("x", (ValueError(), KeyboardInterrupt()))).__name__)
print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
print(isinstance(eg, BaseExceptionGroup), isinstance(eg, Exception))
print(ExceptionGroup[int], BaseExceptionGroup[ValueError])
print(ExceptionGroup.__module__, ExceptionGroup.__name__, ExceptionGroup.__qualname__)
print(str(ExceptionGroup("one", [OSError()])))

for bad in [("x",), (), ("x", [ValueError()], 3), (1, [ValueError()]), ("x", 5), ("x", []), ("x", ()),
            ("x", [1]), ("x", [ValueError(), 2]), ("x", {ValueError(): 1}), ("x", None)]:
    try:
        BaseExceptionGroup(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except Exception as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("x", [ValueError()], foo=1)
except Exception as e:
    print(type(e).__name__, e)

# the sequence is kept as passed in args; exceptions is a tuple
lst = [ValueError(1)]
g = ExceptionGroup("a", lst)
lst.append(KeyError(3))
print(repr(g), g.args[1] is lst, g.exceptions)
print(repr(ExceptionGroup("gen", iter([ValueError()]).__class__ and [ValueError(5)])))
try:
    g.message = "no"
except AttributeError as e:
    print("AttributeError", e)
try:
    g.exceptions = ()
except AttributeError as e:
    print("AttributeError", e)
print(vars(g))

# split / subgroup by type, tuple of types and predicate
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(eg.split(OSError)[1] is eg, eg.split(Exception)[0] is eg, eg.subgroup(lambda e: True) is eg)
print(eg.split(OSError), eg.subgroup(OSError))
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError(4)])
print(repr(nested.split(ValueError)))
print(repr(nested.subgroup(TypeError)))
print(repr(nested.split((TypeError, KeyError))))
print(repr(nested.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
print(repr(nested.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner")))
seen = []
nested.subgroup(lambda e: seen.append(type(e).__name__))
print(seen)
for bad in [int, 3, (ValueError, 3), [ValueError], (ValueError, int)]:
    try:
        eg.split(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    eg.split(lambda e: 1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

# parts keep the traceback, cause, context and a copy of the notes
try:
    raise ExceptionGroup("tb", [ValueError(1), TypeError(2)]) from KeyError("cause")
except ExceptionGroup as e:
    caught = e
caught.add_note("a note")
caught.__context__ = OSError("ctx")
m, r = caught.split(ValueError)
print(m.__traceback__ is caught.__traceback__, m.__cause__ is caught.__cause__, m.__context__ is caught.__context__)
print(m.__notes__, r.__notes__, m.__notes__ is caught.__notes__)
m.add_note("only on the match")
print(caught.__notes__, m.__notes__)

# derive() decides the class of the parts
class MyEG(ExceptionGroup):
    def __new__(cls, message, excs, code):
        self = super().__new__(cls, message, excs)
        self.code = code
        return self

    def __init__(self, message, excs, code):
        super().__init__(message, excs)

    def derive(self, excs):
        return MyEG(self.message, excs, self.code)

e = MyEG("mine", [ValueError(1), TypeError(2)], 42)
m, r = e.split(ValueError)
print(type(m).__name__, m.code, repr(m.exceptions), type(r).__name__, r.code)
print(repr(e), str(e))

class Plain(ExceptionGroup):
    pass

p = Plain("p", [ValueError(1), TypeError(2)])
print(type(p.split(ValueError)[0]).__name__, type(p.derive([OSError()])).__name__)
try:
    Plain("p", [SystemExit()])
except TypeError as e:
    print("TypeError", e)

class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42

try:
    BadDerive("b", [ValueError(), TypeError()]).split(ValueError)
except TypeError as e:
    print("TypeError", e)

class MyBase(BaseExceptionGroup):
    pass
print(type(MyBase("b", [ValueError()])).__name__)

# pickling round trip
for obj in (eg, nested, BaseExceptionGroup("b", [KeyboardInterrupt()])):
    back = pickle.loads(pickle.dumps(obj))
    print(type(back).__name__, repr(back), back.exceptions)
