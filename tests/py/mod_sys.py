# sys module: argv, path, modules, maxsize, version_info shape, implementation, recursion limit, streams, flags.
import sys
print(sys.argv, len(sys.argv), sys.argv[0].endswith("mod_sys.py"))
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path), sys.path[0].endswith("py"))
print("sys" in sys.modules, sys.modules["sys"] is sys, type(sys.modules).__name__)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.platform)
print(sys.version_info[0], sys.version_info.major, sys.version_info >= (3, 9), len(sys.version_info) == 5, type(sys.version).__name__)
print(isinstance(sys.implementation.name, str), sys.implementation.name == sys.implementation.name.lower())
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print(sys.stdout.write("written directly\n"), end="|\n")
sys.stdout.write("no newline")
sys.stdout.write("\n")
print("to stdout", file=sys.stdout)
sys.stdout.flush()
print(sys.flags.optimize, sys.flags.verbose, sys.flags.dont_write_bytecode in (0, 1), hasattr(sys.flags, "interactive"))
print(callable(sys.exit), sys.stdin is not None, sys.stderr is not None, hasattr(sys.stdout, "write"))
print(type(sys.float_info.max).__name__, sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit > 0 if hasattr(sys, "int_info") else True, sys.maxunicode, sys.getdefaultencoding())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
def depth():
    try:
        return 1 + depth()
    except RecursionError:
        return 1
print(depth() < 1001)
print(sys.exc_info() == (None, None, None))
try:
    raise KeyError("inside")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, sys.exception() is v)
