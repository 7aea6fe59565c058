print("cyc.a start")
from . import b
A_VALUE = "a"
def use_b():
    return "a sees " + b.B_VALUE
print("cyc.a end")
