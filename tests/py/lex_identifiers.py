# Unicode identifiers, keywords as attribute-like names, soft keywords as names.
café = 1
π = 3.14
Δx = 0.5
_private = "p"
__dunder = "d"
x1_y2 = 12
print(café, π, Δx, _private, __dunder, x1_y2)
match = 5
case = 6
_ = 7
type = "shadowed type"
print(match, case, _, type)
del type
print(type(1).__name__)
class K:
    pass
k = K()
setattr(k, "if", 3)
print(getattr(k, "if"))
print(len("日本語"), "日本語"[1])
