# Attribute lookup caches must follow every change to classes, bases and instances: type attribute
# cache (type, version, name), shape cache (shape, name) and the combined instance attribute cache.
# Sites are deliberately polymorphic (one function sees many classes) so that lookups go through the
# generic path rather than a monomorphic inline cache.
import gc


def get(o, name):
    return getattr(o, name, "<missing>")


def load_x(o):
    return o.x


def call_m(o):
    return o.m()


# ---- attributes added and removed on a class and its bases after many lookups ----
class Base:
    pass


class Mid(Base):
    pass


class Leaf(Mid):
    pass


objs = [Base(), Mid(), Leaf()]
for _ in range(200):
    for o in objs:
        get(o, "colour")
print("before:", [get(o, "colour") for o in objs])
Base.colour = "red"
print("base set:", [get(o, "colour") for o in objs])
Mid.colour = "green"
print("mid set:", [get(o, "colour") for o in objs])
for _ in range(200):
    for o in objs:
        get(o, "colour")
del Base.colour
print("base del:", [get(o, "colour") for o in objs])
del Mid.colour
print("mid del:", [get(o, "colour") for o in objs])
Leaf.colour = "blue"
objs[2].colour = "own"
print("instance shadows:", [get(o, "colour") for o in objs])
del objs[2].colour
print("instance del:", [get(o, "colour") for o in objs])


# ---- methods replaced on a base class while subclass instances are looked up ----
class Animal:
    def m(self):
        return "animal"


class Dog(Animal):
    pass


class Puppy(Dog):
    def __init__(self):
        self.age = 1


class Cat(Animal):
    def m(self):
        return "cat"


pets = [Animal(), Dog(), Puppy(), Cat()]
out = []
for i in range(300):
    if i == 100:
        Animal.m = lambda self: "animal2"
    if i == 200:
        Dog.m = lambda self: "dog"
    if i == 250:
        del Dog.m
    out.append(",".join(call_m(p) for p in pets))
for i in (0, 99, 100, 199, 200, 249, 250, 299):
    print("methods", i, out[i])
p = pets[2]
p.m = lambda: "instance"
print("instance attr m:", call_m(p), call_m(pets[1]))
del p.m
print("after del:", call_m(p))


# ---- __getattr__ added later ----
class Lazy:
    def __init__(self):
        self.real = 1


class LazyChild(Lazy):
    pass


ls = [Lazy(), LazyChild()]
for _ in range(100):
    for o in ls:
        get(o, "real")
        get(o, "virtual")
print("no __getattr__:", [get(o, "virtual") for o in ls])
Lazy.__getattr__ = lambda self, name: "computed " + name
print("with __getattr__:", [get(o, "virtual") for o in ls], [get(o, "real") for o in ls])
LazyChild.__getattr__ = lambda self, name: "child " + name
print("child __getattr__:", [get(o, "virtual") for o in ls])
del Lazy.__getattr__
del LazyChild.__getattr__
print("removed:", [get(o, "virtual") for o in ls])


# ---- data descriptors added to a base later shadow instance attributes ----
class P:
    def __init__(self, x):
        self.x = x


class Q(P):
    pass


ps = [P(1), Q(2), P(3), Q(4)]
for _ in range(200):
    for o in ps:
        load_x(o)
print("plain:", [load_x(o) for o in ps])
P.x = property(lambda self: "prop")
print("property on base:", [load_x(o) for o in ps])
Q.x = "class value"  # a non-data attribute on Q: Q instances see their own x again
print("non-data on sub:", [load_x(o) for o in ps])
del Q.x
del P.x
print("removed:", [load_x(o) for o in ps])


class Desc:
    def __init__(self, tag):
        self.tag = tag

    def __get__(self, obj, owner=None):
        return self.tag if obj is not None else self

    def __set__(self, obj, value):
        raise AttributeError("read-only " + self.tag)


P.x = Desc("data")
print("data descr:", [load_x(o) for o in ps])
try:
    ps[0].x = 5
except AttributeError as e:
    print("set blocked:", e)
del Desc.__set__  # the descriptor becomes non-data: instance attributes win again
print("non-data descr:", [load_x(o) for o in ps])
ps[0].x = 5
print("set ok:", load_x(ps[0]))
del P.x


# ---- a descriptor whose class changes (__class__ assignment) ----
class NonData:
    def __get__(self, obj, owner=None):
        return "nondata"


class Data(NonData):
    def __set__(self, obj, value):
        pass


class R:
    d = NonData()

    def __init__(self):
        self.d = "inst"


r = R()
print("nondata vs instance:", [load_d for load_d in (r.d, get(r, "d"))])
R.__dict__["d"].__class__ = Data
print("now data:", r.d, get(r, "d"))


# ---- __class__ assignment on instances with the same shape ----
class A1:
    def m(self):
        return "A1"


class A2:
    def m(self):
        return "A2"

    x = "A2.x"


a = A1()
a.y = 1
b = A1()
b.y = 2
for _ in range(100):
    call_m(a)
    get(a, "x")
b.__class__ = A2
print("class switch:", call_m(a), call_m(b), get(a, "x"), get(b, "x"), b.y)


# ---- many classes: more (type, name) pairs than any cache has slots ----
classes = []
for i in range(3000):
    cls = type("C%d" % i, (Base,) if i % 2 else (), {"k": i, "m": (lambda self, i=i: i)})
    classes.append(cls)
insts = [c() for c in classes]
total = 0
for rnd in range(3):
    for j, o in enumerate(insts):
        total += get(o, "k") + call_m(o)
        if rnd == 1 and j % 7 == 0:
            classes[j].k = -1
print("many classes total:", total)
for j in range(0, 3000, 600):
    print(" ", classes[j].__name__, get(insts[j], "k"), call_m(insts[j]))
Base.k = "base k"
for c in classes[1::2]:
    del c.k
print("after del on odd classes:", get(insts[1], "k"), get(insts[2], "k"), get(insts[3], "k"))
del Base.k
print("after del on Base:", get(insts[1], "k"))


# ---- instances whose shapes diverge ----
class S:
    pass


shaped = []
for i in range(40):
    o = S()
    if i % 2:
        o.a = i
        o.b = i * 2
    else:
        o.b = i * 3
        o.a = i * 4
    if i % 3 == 0:
        o.c = "c%d" % i
    if i % 5 == 0:
        for n in range(12):  # a long chain (name table)
            setattr(o, "f%d" % n, n)
    if i % 7 == 0:
        del o.a  # dict mode
    if i % 11 == 0:
        for n in range(70):  # over the shape limit: dict mode
            setattr(o, "g%d" % n, n)
    shaped.append(o)
for _ in range(3):
    res = [(get(o, "a"), get(o, "b"), get(o, "c"), get(o, "f7"), get(o, "g69")) for o in shaped]
print("shapes:", res[:12])
print("shapes sum:", sum(v for t in res for v in t if isinstance(v, int)))
S.c = "class c"
print("class c fallback:", [get(o, "c") for o in shaped[:7]])
del S.c
print("class c removed:", [get(o, "c") for o in shaped[:7]])


# ---- names that are not interned (computed at run time) and collections in between ----
class N:
    pass


n = N()
for i in range(50):
    name = "".join(["dyn", str(i)])
    setattr(n, name, i)
s = 0
for rnd in range(3):
    for i in range(50):
        s += getattr(n, "dyn" + str(i))
    gc.collect()
print("dynamic names:", s)
for i in range(50):
    name = "".join(["tmp", str(i)])
    print_it = get(n, name)
    assert print_it == "<missing>"
    gc.collect()
    setattr(N, name, i)
    assert get(n, name) == i, name
    delattr(N, name)
    assert get(n, name) == "<missing>", name
print("computed class attrs ok")


# ---- __slots__ and metaclasses ----
class Slotted:
    __slots__ = ("u", "v")

    def __init__(self):
        self.u = 1


class SlottedChild(Slotted):
    pass


sl = [Slotted(), SlottedChild()]
print("slots:", [get(o, "u") for o in sl], [get(o, "v") for o in sl])
sl[1].v = 9
sl[1].w = 10
print("slots child:", get(sl[1], "v"), get(sl[1], "w"), get(sl[0], "w"))


class Meta(type):
    tag = "meta"


class WithMeta(metaclass=Meta):
    pass


print("meta:", get(WithMeta, "tag"), get(WithMeta(), "tag"))
Meta.tag = "meta2"
WithMeta.tag = "own"
print("meta changed:", get(WithMeta, "tag"), get(WithMeta(), "tag"))
del WithMeta.tag
print("meta back:", get(WithMeta, "tag"))
