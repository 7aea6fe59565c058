# Packages with __init__.py, subpackages and relative imports (tests/py/pkgs on sys.path).
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import shapes
from shapes import Circle
from shapes.poly import Square
import shapes.poly.square as sqmod
print(shapes.VERSION, Circle(2).describe(), Square(3).describe())
print(Square(5).bigger_circle().area(), [c.__name__ for c in shapes.all_shapes()])
print(shapes.poly.SIDES, sqmod.Square is Square, shapes.poly._BaseShape.__name__)
print(shapes.__name__, shapes.poly.__name__, sqmod.__name__, shapes.poly.__package__, sqmod.__package__)
print(sorted(m for m in sys.modules if m.startswith("shapes")))
from shapes.circle import Circle as C2
print(C2 is Circle, isinstance(Square(1), shapes.base.Shape))
