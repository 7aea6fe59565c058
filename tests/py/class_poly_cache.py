# Polymorphic attribute and method sites (vm/code.h's KR_FB_ATTR_POLY): one site seeing up to and
# beyond four receiver types, instance attributes, __slots__ members, class attributes and methods,
# with classes and instances changing under the cache.
class Base:
    kind = "base"

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


class A(Base):
    kind = "a"

    def get(self):
        return self.v + 1


class B(Base):
    kind = "b"


class C(Base):
    def get(self):
        return self.v * 2


class D(Base):
    kind = "d"

    def get(self):
        return -self.v


class E(Base):
    def get(self):
        return 1000


class S:
    __slots__ = ("v",)
    kind = "s"

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v + 100


def load_v(objs):
    return sum(o.v for o in objs)


def call_get(objs):
    total = 0
    for o in objs:
        total += o.get()
    return total


def kinds(objs):
    return "".join(o.kind for o in objs)


four = [A(1), B(2), C(3), D(4)]
many = four + [E(5), S(6), Base(7)]
for _ in range(1200):
    r1, r2, r3 = load_v(four), call_get(four), kinds(four)
print(r1, r2, r3)
for _ in range(1200):
    r1, r2, r3 = load_v(many), call_get(many), kinds(many)
print(r1, r2, r3)

# a class attribute and a method change while the sites are polymorphic
B.kind = "B!"
C.get = lambda self: 42
print(load_v(many), call_get(many), kinds(many))
del C.get
print(call_get(many))

# an instance attribute shadowing a class attribute, and a different shape of one class
x = A(10)
x.kind = "own"
y = D(3)
y.extra = 1
mixed = [x, y, B(1), A(2)]
for _ in range(1200):
    r = (load_v(mixed), call_get(mixed), kinds(mixed))
print(r)

# an instance whose method is shadowed by an instance attribute
z = B(5)
z.get = lambda: "shadow"
print([o.get() for o in [A(1), z, B(2), C(3)]])


# a property on one class at a polymorphic site
class P(Base):
    @property
    def v(self):
        return 99

    @v.setter
    def v(self, value):
        pass


print(load_v([A(1), P(0), B(2), C(3), S(4)]))
try:
    load_v([A(1), object()])
except AttributeError as e:
    print("AttributeError", e)
