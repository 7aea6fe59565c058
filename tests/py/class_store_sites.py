# Attribute stores at sites that see several classes: one __init__ adding the same attributes to
# instances of a class and its subclasses (each has its own shapes), a site that both adds and
# overwrites, __slots__ members of two classes at one site, instances switched to a dict, and many
# instances receiving their first attributes (their storage grows from nothing).


class Base:
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Left(Base):
    pass


class Right(Base):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.c = a * b


class Far(Right):
    pass


class Other(Exception):
    def __init__(self, a, b):
        self.a = a
        self.b = b


def build(n):
    kinds = [Base, Left, Right, Far, Other]
    out = []
    for i in range(n):
        out.append(kinds[i % 5](i, -i))
    return out


objs = build(5000)
print(sum(o.a for o in objs), sum(o.b for o in objs), sum(getattr(o, "c", 0) for o in objs))
print(sorted(vars(objs[2])), sorted(vars(objs[4])), objs[4].args)


def touch(o, v):
    o.a = v  # existing attribute on most objects, a new one on some
    o.extra = v  # always new, for several classes


def churn(objs):
    total = 0
    for i, o in enumerate(objs):
        if i % 9 == 0:
            del o.a  # dict mode from here on
        touch(o, i)
        total += o.a + o.extra
    return total


print(churn(objs), sorted(vars(objs[0])), sorted(vars(objs[9])), sorted(vars(objs[3])))


class SlotA:
    __slots__ = ("x", "y")


class SlotB:
    __slots__ = ("y", "x")


def fill(n):
    s = 0
    for i in range(n):
        o = SlotA() if i % 2 else SlotB()
        o.x = i
        o.y = -2 * i
        s += o.x + o.y
    return s


print(fill(4000))


class Many:
    pass


def grow(n):
    total = 0
    for i in range(n):
        m = Many()
        m.p0 = i
        m.p1 = i + 1
        m.p2 = i + 2
        m.p3 = i + 3
        m.p4 = i + 4
        if i % 3 == 0:
            m.p5 = [i]
        total += m.p0 + m.p4 + len(vars(m))
    return total


print(grow(6000))
