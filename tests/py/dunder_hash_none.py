for t in (list, dict, set, bytearray, object, int, str, tuple, frozenset):
    print(t.__name__, t.__hash__ is None, "__hash__" in t.__dict__)
print(hash({}.values()) is not None, hash((1, 2)) == hash((1, 2)))
class Eq:
    def __eq__(self, o): return True
print(Eq.__hash__)
try: hash(Eq())
except TypeError as e: print(e)
class Sub(list):
    pass
try: hash(Sub())
except TypeError as e: print(e)
class Hashy(list):
    def __hash__(self): return 5
print(hash(Hashy()))
try: {[]: 1}
except TypeError as e: print(e)
try: {bytearray()}
except TypeError as e: print(e)
# a user __hash__'s result: used as is when it fits in a machine word (even beyond 62 bits), else
# reduced by int's hash; -1 becomes -2
class H:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
for v in (2**62, -2**62 - 5, 2**63 - 1, -2**63, 2**63, 2**64 + 7, -1, True, 2**100, 12345):
    print(hash(H(v)))
class S:
    def __init__(self, s): self.s = s
    def __hash__(self): return hash(self.s)
print(all(hash(S(w)) == hash(w) for w in ("RED", "green", "a much longer string", "x" * 100)))
try: hash(H(1.5))
except TypeError as e: print(e)
