# __str__ vs __repr__ in print, str(), repr(), containers and f-strings; default str uses repr.
class A:
    def __repr__(self): return "A()"
class B:
    def __str__(self): return "B-str"
    def __repr__(self): return "B-repr"
class C(A):
    pass
print(A(), str(A()), repr(A()), [A()], B(), str(B()), repr(B()), [B()], (B(),), {"k": B()}, C())
print(f"{B()} {B()!r} {A()}", "%s %r" % (B(), B()), "{} {!r}".format(B(), B()))
class Nested:
    def __init__(self, items): self.items = items
    def __repr__(self): return "Nested(%r)" % (self.items,)
print(Nested([1, "two", Nested([])]), repr(Nested(("t",))))
print(repr("quote's"), repr('dq"'), str(3.0), repr(3.0), str([3.0, "s"]), str(None), repr(None))
print(repr(int), repr(str), repr(A), repr(type(None)), str(Exception("msg")), repr(Exception("msg")), repr(ValueError("a", 1)))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), repr(StopIteration(5)), repr(Exception()))
