# Importing a module that sits beside the script (sys.path[0] is the script's directory).
import helper_mathutil
import helper_mathutil as hm
from helper_mathutil import square, Vector as V, PI_ISH
print(hm is helper_mathutil, square(7), V(3, 4).norm2(), round(PI_ISH, 5), helper_mathutil.calls)
print(helper_mathutil.__name__, hm._private, "square" in dir(helper_mathutil))
import sys
print("helper_mathutil" in sys.modules, sys.modules["helper_mathutil"] is hm)
helper_mathutil.calls = 100
from helper_mathutil import calls
print(calls)
