# Multiple inheritance: C3 linearization, diamond with super(), MRO errors.
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print([k.__name__ for k in D.__mro__], D().who())
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print([k.__name__ for k in Aa.__mro__])
print([k.__name__ for k in Aa.mro()])
try:
    class X(A, B): pass
except TypeError as e:
    print(type(e).__name__, e)
class Mixin:
    def greet(self):
        return "mixin greet from " + self.name()
class Named:
    def name(self):
        return "Named"
class Both(Mixin, Named):
    pass
print(Both().greet(), [k.__name__ for k in Both.__mro__])
class Init1:
    def __init__(self):
        print("Init1")
        super().__init__()
class Init2:
    def __init__(self):
        print("Init2")
        super().__init__()
class Init3(Init1, Init2):
    def __init__(self):
        print("Init3")
        super().__init__()
Init3()
class P1:
    attr = "P1"
class P2:
    attr = "P2"
    only2 = "only in P2"
class Q(P1, P2):
    pass
print(Q.attr, Q.only2, Q().attr)
try:
    class Dup(A, A): pass
except TypeError as e:
    print(type(e).__name__, e)
