# Import failures: missing module, missing name, module raising on import, syntax error in module.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
try:
    import does_not_exist_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import shapes.nope
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from counter_mod import missing_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import broken_mod
except ValueError as e:
    print(type(e).__name__, e)
print("broken_mod" in sys.modules)
try:
    import broken_mod
except ValueError as e:
    print("second import runs it again:", e)
try:
    import syntaxerr_mod
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, os.path.basename(e.filename))
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
