# Single inheritance: overriding, super(), isinstance, method resolution through levels.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return "%s the %s says %s" % (self.name, type(self).__name__.lower(), self.speak())
class Dog(Animal):
    def speak(self):
        return "woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (squeaky)"
class Cat(Animal):
    def speak(self):
        return "meow"
for a in [Animal("generic"), Dog("rex"), Puppy("bit", 1), Cat("tom")]:
    print(a.describe(), isinstance(a, Dog), isinstance(a, Animal), type(a).__mro__[1].__name__)
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), Puppy.__bases__, [c.__name__ for c in Puppy.__mro__])
p = Puppy("x", 2)
print(p.age, p.name, Dog.speak(p), Animal.speak(p), super(Puppy, p).speak(), super(Dog, p).speak())
class Base:
    def __init__(self):
        self.log = ["Base"]
    def hook(self):
        return "base hook"
    def template(self):
        return "[" + self.hook() + "]"
class Derived(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Derived")
    def hook(self):
        return "derived hook"
d = Derived()
print(d.log, d.template(), Base().template())
class Counter:
    total = 0
    def add(self):
        type(self).total += 1
class SubCounter(Counter):
    pass
c, s = Counter(), SubCounter()
c.add(); s.add(); s.add()
print(Counter.total, SubCounter.total)
class ExtList(list):
    def sum(self):
        return sum(self)
    def append(self, x):
        super().append(x * 10)
e = ExtList([1, 2])
e.append(3)
print(e, e.sum(), len(e), type(e).__name__, isinstance(e, list), e + [1], type(e + [1]).__name__)
class ExtDict(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
ed = ExtDict(a=1)
print(ed["A"], ed.get("A"), ed)
