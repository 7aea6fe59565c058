# format() and f-strings look __format__ up on the type: a class's own __format__ (for its instances)
# is not used to format the class itself
class A:
    def __format__(self, spec): return "A:" + spec
print(format(A), f"{A}", "{}".format(A), format(A(), "q"), f"{A():z}", "{0:w}".format(A()))
class Meta(type):
    def __format__(cls, spec): return "meta:" + cls.__name__ + spec
class B(metaclass=Meta):
    def __format__(self, spec): return "inst"
print(format(B, "!"), f"{B}", f"{B()}")
class C:
    __format__ = 3
try: format(C())
except TypeError as e: print(e)
class D:
    def __format__(self, spec): return 42
try: f"{D()}"
except TypeError as e: print(e)
class E:
    pass
e = E()
e.__format__ = lambda spec: "instance attribute ignored"
print(format(e, "") == str(e), f"{e!s:.3}")
try: format(E(), "x")
except TypeError as e2: print(e2)
