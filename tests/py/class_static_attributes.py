# CPython 3.13's __static_attributes__ (self.NAME stores in methods) and __firstlineno__
class A:
    'doc'
    x = 1
    def __init__(self): self.b = 1; self.a = 2
    def m(s, o): s.c = 1; o.d = 2; s.c += 1; del s.e
    def n(self):
        def inner(): self.f = 1
        self.g: int = 3
        [self.h for _ in ()]
        self.cnt += 1
    @staticmethod
    def st(self): self.i = 1
    @classmethod
    def cm(cls): cls.j = 1
    class B:
        def f(self): self.k = 1
    def p(self): self.__priv = 1; (self.y, self.z) = 1, 2; self.w: int; [self.q] = [1]; self.a = 5
print(list(A.__dict__), A.__static_attributes__, A.B.__static_attributes__, A.__firstlineno__, A.B.__firstlineno__)
def deco(c): return c
@deco
@deco
class C: pass
print(C.__firstlineno__, C.__static_attributes__, list(C.__dict__))
E = type('E', (), {})
print(list(E.__dict__))
