# Exception args, str/repr forms, attributes of specific exceptions, custom exception classes.
for e in [Exception(), Exception("one"), Exception("a", 2), ValueError(None), KeyError("key"), KeyError("a", "b"), IndexError(3), OSError(2, "No such file")]:
    print(repr(e), "|", str(e), "|", e.args)
e = OSError(2, "No such file or directory", "/nonexistent")
print(e.errno, e.strerror, e.filename, str(e), type(e).__name__)
try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename, e)
s = StopIteration(42)
print(s.value, s.args)
se = SystemExit(3)
print(se.code, repr(se))
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e)
try:
    undefined_thing
except NameError as e:
    print(type(e).__name__, e, e.name)
class Foo: pass
try:
    Foo().bar
except AttributeError as e:
    print(type(e).__name__, e, e.name, type(e.obj).__name__)
class MyError(Exception):
    def __init__(self, code, detail="none"):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail
    def __str__(self):
        return "MyError[%d]: %s" % (self.code, self.detail)
try:
    raise MyError(7, "bad thing")
except MyError as e:
    print(e, repr(e), e.args, e.code)
class Plain(ValueError):
    pass
print(repr(Plain("p")), str(Plain()), Plain.__mro__[1].__name__, isinstance(Plain(), ValueError))
e = ValueError("mutable args")
e.args = ("changed", 1)
print(e, e.args)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
class NotExc: pass
try:
    raise NotExc()
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        pass
    except 5:
        pass
    print("except clause with bad type not evaluated without exception")
except TypeError as e:
    print(type(e).__name__, e)
