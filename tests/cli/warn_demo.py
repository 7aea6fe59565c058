import sys
import warnings

print(sys.warnoptions)
warnings.warn("user text", UserWarning)
warnings.warn("deprecated text", DeprecationWarning)
try:
    warnings.warn("runtime text", RuntimeWarning)
except RuntimeWarning as e:
    print("raised:", e)
print("end")
