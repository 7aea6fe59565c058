from .square import Square
from ..base import Shape as _BaseShape
SIDES = {"square": 4}
