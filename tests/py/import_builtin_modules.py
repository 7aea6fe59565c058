# Import forms with builtin modules: dotted, aliases, from-import, __import__, sys.modules entries.
import math, sys
import os.path
import os.path as osp
from os import path as p2, getcwd
from math import sqrt as root, pi
import json as j
print(root(16), round(pi, 3), osp is os.path, p2 is os.path, callable(getcwd), j.dumps([1]))
print("math" in sys.modules, "os" in sys.modules, sys.modules["math"] is math)
m = __import__("math")
print(m is math, __import__("os.path").path is os.path)
def local_import():
    import math as mm
    from math import factorial
    return mm.floor(2.5), factorial(5)
print(local_import(), "mm" in globals(), "factorial" in globals())
print(type(math).__name__, math.__name__, os.path.__name__ in ("posixpath", "os.path"))
if __name__ == "__main__":
    print("running as main")
