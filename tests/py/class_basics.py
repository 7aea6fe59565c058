# Class definition, instances, attributes, class vs instance variables, methods.
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        Dog.count += 1
    def bark(self):
        return self.name + " says woof"
    def birthday(self):
        self.age += 1
        return self
    def __repr__(self):
        return "Dog(%r, %d)" % (self.name, self.age)
a = Dog("rex")
b = Dog("fido", 3)
print(a, b, a.bark(), b.birthday().birthday(), Dog.count, a.species, Dog.species)
a.species = "own"
print(a.species, b.species, Dog.species, "species" in a.__dict__, "species" in b.__dict__)
del a.species
print(a.species, sorted(a.__dict__), sorted(vars(b).items()))
Dog.species = "changed"
print(a.species, b.species)
a.new_attr = [1]
print(a.new_attr, hasattr(b, "new_attr"), getattr(b, "new_attr", None))
print(type(a) is Dog, type(a).__name__, Dog.__name__, isinstance(a, Dog), isinstance(a, object), Dog.__qualname__)
print(a.__class__ is Dog, Dog.__module__, Dog.bark.__name__)
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, type(e).__name__, Empty.__bases__, Empty.__mro__)
try:
    e.missing
except AttributeError as ex:
    print(type(ex).__name__, ex)
try:
    Empty.missing
except AttributeError as ex:
    print(type(ex).__name__, ex)
try:
    del e.nothing
except AttributeError as ex:
    print(type(ex).__name__, ex)
setattr(e, "dyn", 5)
print(getattr(e, "dyn"), hasattr(e, "dyn"), delattr(e, "dyn"), hasattr(e, "dyn"))
class WithDoc:
    "Class docstring."
    x: int = 3
print(WithDoc.__doc__, WithDoc.x, Empty.__doc__)
