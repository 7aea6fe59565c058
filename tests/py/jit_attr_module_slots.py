# Attribute caches for module globals (`math.sqrt`, `mod.x`: KR_FB_ATTR_MODULE) and for methods and
# class attributes of __slots__ classes (no instance shape): every change of what the attribute
# resolves to must be seen, in the interpreter and compiled code.
import math
import sys

import helper_mathutil as mod

mod.x = 1
mod.f = lambda v: v * 2


def read_mod():
    return mod.x, mod.f(3)


def call_sqrt(v):
    return math.sqrt(v)


def step(i):
    if i == 3:
        mod.x = "replaced"
    elif i == 5:
        mod.f = lambda v: v * 10
    elif i == 7:
        del mod.x
    elif i == 9:
        mod.x = "readded"
    elif i == 11:
        for k in range(20):
            setattr(mod, "pad%d" % k, k)  # resizes the module dict
    elif i == 13:
        mod.__dict__["x"] = "via dict"


for i in range(16):
    step(i)
    try:
        print(i, read_mod(), call_sqrt(i))
    except AttributeError as e:
        print(i, "AttributeError", e)

orig = math.sqrt
math.sqrt = lambda v: "patched %s" % v
print(call_sqrt(4))
math.sqrt = orig
print(call_sqrt(4))


def getattr_hook(name):
    return "hook:" + name


mod2 = mod
mod2.__getattr__ = getattr_hook
mod2.y = 5


def read_mod2():
    return mod2.y, mod2.missing


for i in range(4):
    if i == 2:
        del mod2.y
    print(read_mod2())


class Base:
    kind = "base"

    def who(self):
        return "Base.who"


class Slotted:
    __slots__ = ("a", "b")
    label = "slotted"

    def __init__(self, a):
        self.a = a

    def get(self):
        return self.a

    def who(self):
        return "Slotted.who"


class SubSlotted(Slotted):
    __slots__ = ("c",)

    def who(self):
        return "SubSlotted.who"


class WithDict(Slotted):
    pass


def use(o):
    return o.who(), o.label


objs = [Slotted(1), Slotted(2), SubSlotted(3), WithDict(4)]
for rnd in range(6):
    if rnd == 2:
        Slotted.who = lambda self: "patched who"
        Slotted.label = "relabelled"
    if rnd == 3:
        objs[3].who = lambda: "instance who"
        objs[3].label = "instance label"
    if rnd == 4:
        del Slotted.who
    out = []
    for o in objs:
        try:
            out.append(use(o))
        except AttributeError as e:
            out.append("AttributeError: %s" % e)
    print(rnd, out)
s = Slotted(7)
total = 0
for i in range(1000):
    total += s.get()
print(total)
try:
    s.zzz = 1
except AttributeError as e:
    print("AttributeError", e)
