# The builtin exception hierarchy: names, bases, catching by base class.
names = ["BaseException", "Exception", "ArithmeticError", "ZeroDivisionError", "OverflowError", "FloatingPointError",
         "LookupError", "IndexError", "KeyError", "ValueError", "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError",
         "TypeError", "AttributeError", "NameError", "UnboundLocalError", "RuntimeError", "RecursionError", "NotImplementedError",
         "StopIteration", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "AssertionError", "ImportError", "ModuleNotFoundError",
         "OSError", "FileNotFoundError", "FileExistsError", "IsADirectoryError", "NotADirectoryError", "PermissionError",
         "EOFError", "MemoryError", "SyntaxError", "IndentationError", "TabError", "StopAsyncIteration", "BufferError",
         "Warning", "UserWarning", "DeprecationWarning", "RuntimeWarning", "SyntaxWarning", "ConnectionError", "TimeoutError"]
import builtins
for n in names:
    cls = getattr(builtins, n)
    print(n, cls.__bases__[0].__name__ if cls.__bases__ else None, issubclass(cls, Exception))
print(IOError is OSError, EnvironmentError is OSError)
for exc, base in [(ZeroDivisionError, ArithmeticError), (KeyError, LookupError), (ModuleNotFoundError, ImportError),
                  (FileNotFoundError, OSError), (UnicodeDecodeError, ValueError), (RecursionError, RuntimeError), (KeyboardInterrupt, Exception)]:
    try:
        raise exc("x") if exc is not UnicodeDecodeError else exc("utf-8", b"\xff", 0, 1, "bad")
    except base as e:
        print("caught", type(e).__name__, "as", base.__name__)
    except BaseException as e:
        print("not caught by", base.__name__, type(e).__name__)
