# super() in classmethods, staticmethod-free forms, two-argument super, properties and __init_subclass__.
class Base:
    @classmethod
    def create(cls):
        return "Base.create for " + cls.__name__
    def method(self):
        return "Base.method"
    @property
    def prop(self):
        return "Base.prop"
class Child(Base):
    @classmethod
    def create(cls):
        return "Child+" + super().create()
    def method(self):
        return "Child>" + super().method()
    @property
    def prop(self):
        return "Child>" + super().prop
print(Child.create(), Child().method(), Child().prop, Base.create())
class GrandChild(Child):
    def method(self):
        return "Grand>" + super(Child, self).method()
print(GrandChild().method())
class WithLambda(Base):
    def method(self):
        f = lambda: super(WithLambda, self).method()
        return "lambda>" + f()
print(WithLambda().method())
class NestedCall(Base):
    def method(self):
        def inner():
            return "inner"
        return inner() + "+" + super().method()
print(NestedCall().method())
s = super(Child, Child())
print(s.method(), type(s).__name__)
class KwBase:
    def __init__(self, **kw):
        self.kw = kw
class KwChild(KwBase):
    def __init__(self, a, **kw):
        super().__init__(**kw)
        self.a = a
k = KwChild(1, b=2, c=3)
print(k.a, k.kw)
