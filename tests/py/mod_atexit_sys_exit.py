# atexit functions also run when the program ends with sys.exit(), after the exit was requested; the
# exit code is the program's.
import atexit
import sys

atexit.register(print, "atexit: second")
atexit.register(lambda: print("atexit: first"))
print("exiting")
sys.exit(3)
print("not reached")
