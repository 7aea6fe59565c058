# Rich comparison dunders, reflection, total ordering by hand, sorting with them.
class Ver:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self): return "Ver(%s)" % ".".join(map(str, self.parts))
    def __eq__(self, o): return isinstance(o, Ver) and self.parts == o.parts
    def __lt__(self, o): return self.parts < o.parts
    def __le__(self, o): return self.parts <= o.parts
    def __gt__(self, o): return self.parts > o.parts
    def __ge__(self, o): return self.parts >= o.parts
    def __hash__(self): return hash(self.parts)
vs = [Ver("1.10"), Ver("1.2"), Ver("1.2.1"), Ver("0.9"), Ver("1.2")]
print(sorted(vs), max(vs), min(vs), Ver("1.2") == Ver("1.2"), Ver("1.2") != Ver("1.3"), Ver("2") > Ver("1.99"))
print(Ver("1") < Ver("2") <= Ver("2") < Ver("3"), len(set(vs)), vs.index(Ver("1.2")), vs.count(Ver("1.2")), Ver("0.9") in vs)
LOG = [True]
class OnlyLt:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        if LOG[0]:
            print("lt", self.v, o.v)
        return self.v < o.v
    def __repr__(self): return "L%d" % self.v
print(OnlyLt(1) < OnlyLt(2), OnlyLt(3) > OnlyLt(2))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print(type(e).__name__, e)
LOG[0] = False  # the comparisons a sort makes are an implementation detail
print(sorted([OnlyLt(3), OnlyLt(1), OnlyLt(2)]), max([OnlyLt(3), OnlyLt(5)]))
class Any:
    def __eq__(self, o): return True
    def __ne__(self, o): return False
print(Any() == 5, 5 == Any(), Any() != 5, [1, 2].count(Any()) if False else "skip", Any() in [1])
class Weird:
    def __lt__(self, o): return "truthy string"
print(Weird() < Weird(), bool(Weird() < 1))
class Cmp:
    def __init__(self, v): self.v = v
    def __gt__(self, o):
        return "Cmp.__gt__"
print(3 < Cmp(1))
