# from module import *: honours __all__, skips _private names otherwise.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
from star_mod import *
print(public_a, helper_b())
for name in ["not_listed", "_private"]:
    print(name, name in globals())
from star_noall_mod import *
print(visible, func(), "_hidden" in globals())
import star_mod
print(star_mod.not_listed, star_mod._private, star_mod.__all__)
