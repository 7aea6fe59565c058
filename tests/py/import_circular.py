# Circular imports inside a package resolve through partially initialised modules.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
from cyc import a
from cyc import b
print(a.use_b(), b.use_a(), a.b is b, b.a is a)
