# SystemExit runs finally blocks and with-exits before the process ends with status 4.
import sys
class Res:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *a):
        print("exit", a[0].__name__)
        return False
try:
    with Res():
        sys.exit(4)
finally:
    print("finally")
