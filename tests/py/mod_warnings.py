import warnings, sys, os
class _Stderr:
    # warnings go to stdout, with this file's directory removed (the expected output does not
    # depend on where the repository is)
    def write(self, text):
        sys.stdout.write(text.replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, ""))
    def flush(self):
        sys.stdout.flush()
sys.stderr = _Stderr()
def f(x):
    warnings.warn("careful " + str(x))
    return x
for i in range(3): f(1)
f(2)
warnings.warn("dep", DeprecationWarning)
def lib(): warnings.warn("lib dep", DeprecationWarning, stacklevel=2)
lib()
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn(RuntimeWarning("as instance"))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f(3); f(3)
    warnings.warn("x", UserWarning)
    print(len(w), [str(m.message) for m in w], w[0].category.__name__, w[0].lineno, w[0].filename == __file__)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try: f(4)
    except UserWarning as e: print("raised", e)
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="care")
    f(5)
    warnings.filterwarnings("error", category=RuntimeWarning)
    try: warnings.warn("rt", RuntimeWarning)
    except RuntimeWarning as e: print("rt raised")
with warnings.catch_warnings(action="ignore"):
    f(6)
print(len(warnings.filters), warnings.filters[0][0], warnings.filters[0][2].__name__)
warnings.simplefilter("once")
for i in range(3): warnings.warn("only once")
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "the line"))
try: warnings.warn("x", 3)
except TypeError as e: print(e)
@warnings.deprecated("use g2")
def g(): return 1
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(g(), str(w[0].message), w[0].category.__name__, g.__deprecated__)
def shower(message, category, filename, lineno, file=None, line=None):
    print("custom:", message, category.__name__, lineno)
warnings.showwarning = shower
warnings.warn("via custom", UserWarning)
warnings.showwarning = warnings._showwarning_orig
import collections.abc
print(isinstance(b"", collections.abc.ByteString))
try:
    warnings._deprecated("thing", remove=(3, 12))
except RuntimeError as e: print(e)
