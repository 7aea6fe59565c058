# Modules execute once; sys.modules caching; module objects are shared; attributes are mutable.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import counter_mod
import counter_mod as again
from counter_mod import bump
print(counter_mod is again, bump(), bump(), counter_mod.count, again.count)
def later():
    import counter_mod
    return counter_mod.bump()
print(later(), counter_mod.count)
del sys.modules["counter_mod"]
import counter_mod as fresh
print(fresh is counter_mod, fresh.count, counter_mod.count)
m = __import__("counter_mod")
print(m is fresh, type(m).__name__)
counter_mod.new_attr = "added"
print(counter_mod.new_attr, hasattr(fresh, "new_attr"))
print(sorted(k for k in vars(fresh) if not k.startswith("__")))
