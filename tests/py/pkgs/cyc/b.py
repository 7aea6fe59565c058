print("cyc.b start")
from . import a
B_VALUE = "b"
def use_a():
    return "b sees " + a.A_VALUE
print("cyc.b end, a has A_VALUE:", hasattr(a, "A_VALUE"))
