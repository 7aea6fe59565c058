# Package used by import_package.py.
from .circle import Circle
from . import poly
VERSION = "1.0"
print("shapes package initialised, __name__ =", __name__, "__package__ =", __package__)
def all_shapes():
    return [Circle, poly.Square]
