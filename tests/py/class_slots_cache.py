# __slots__ members through the attribute inline caches (interpreter) and LOAD_FIELD / STORE_FIELD
# (JIT): hot loops, unset members, class changes that must invalidate the cached member offset.


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)


def hot_loop(n):
    v = Vec(1.0, 2.0, 3.0)
    acc = Vec(0.0, 0.0, 0.0)
    for i in range(n):
        acc.x = acc.x + v.x * i
        acc.y += v.y
        acc.z = acc.z - v.z
        v.x = v.x + 0.5
    return acc.x, acc.y, acc.z, v.x


print("hot", hot_loop(2000))


def int_loop(n):
    c = Vec(0, 0, 0)
    for i in range(n):
        c.x += i
        c.y = c.x % 7
        c.z = c.y * 2
    return c.x, c.y, c.z


print("int", int_loop(3000))


def dots(n):
    a = Vec(1.0, 2.0, 3.0)
    t = 0.0
    for i in range(n):
        b = a.scale(0.5)
        t += a.dot(b)
    return t


print("dots", dots(1000))


# mixed value types in one slot (objects, None, strings)
def mixed(n):
    v = Vec(None, "s", [])
    out = []
    for i in range(n):
        v.x = i if i % 3 else None
        v.z.append(v.y)
        if v.x is None:
            out.append(i)
    return len(out), len(v.z)


print("mixed", mixed(300))


# an unset member read inside a compiled loop raises the exact AttributeError
def read_until_unset(objs):
    total = 0
    for o in objs:
        total += o.x
    return total


objs = [Vec(i, i, i) for i in range(1500)]
for _ in range(3):
    r = read_until_unset(objs)
print("all set", r)
del objs[1250].x
try:
    read_until_unset(objs)
except AttributeError as e:
    print("AttributeError:", e)
objs[1250].x = 1000
print("set again", read_until_unset(objs))


def read_y_in_try(objs):
    n = 0
    for o in objs:
        try:
            n += o.y
        except AttributeError as e:
            n += 1000000
            last = str(e)
    return n, last


for i in range(0, 1500, 300):
    del objs[i].y
print("try loop", read_y_in_try(objs))

# never set at all
v = Vec.__new__(Vec)
for attr in ("x", "y", "z"):
    try:
        getattr(v, attr)
    except AttributeError as e:
        print("unset:", e)


def read_z(o):
    return o.z


for _ in range(1200):
    read_z(objs[1])
try:
    read_z(v)
except AttributeError as e:
    print("unset in hot function:", e)

# del then read, del twice
w = Vec(1, 2, 3)
for i in range(100):
    w.x = i
del w.x
try:
    w.x
except AttributeError as e:
    print("after del:", e)
try:
    del w.x
except AttributeError as e:
    print("del twice:", e)
w.x = 5
print("after re-set", w.x, w.y, w.z)


# a subclass adding __dict__: members still win over the instance dict
class VecD(Vec):
    pass


def sum_xy(objs):
    t = 0
    for o in objs:
        o.y = o.x + 1
        t += o.x + o.y
    return t


d = VecD(1, 2, 3)
d.extra = "e"
print("subclass", sum_xy([d] * 1200), d.__dict__, d.x, d.y)
d.__dict__["x"] = "shadow?"
print("dict does not shadow a member:", d.x, d.__dict__)
base_and_sub = [Vec(i, 0, 0) for i in range(10)] + [VecD(i, 0, 0) for i in range(10)]
for _ in range(20):
    r = sum_xy(base_and_sub)
print("polymorphic", r)


# slots and a dict mixed in one class
class Mixed:
    __slots__ = ("a", "__dict__")

    def __init__(self):
        self.a = 1
        self.b = 2


def mixed_loop(m, n):
    t = 0
    for i in range(n):
        m.a = i
        m.b = i * 2
        t += m.a + m.b
    return t


m = Mixed()
print("mixed slots+dict", mixed_loop(m, 500), m.a, m.b, sorted(vars(m)))


# a property added to the class later shadows the member (the class version changes)
class P:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x


def read_px(ps):
    t = 0
    for p in ps:
        t += p.x
    return t


def write_px(ps, v):
    for p in ps:
        p.x = v


ps = [P(i) for i in range(100)]
for _ in range(20):
    write_px(ps, 3)
    r = read_px(ps)
print("before property", r)
slot_descr = P.x
P.x = property(lambda self: 7)
print("with property", read_px(ps))
try:
    write_px(ps, 4)
except AttributeError as e:
    print("property without setter:", e)
P.x = property(lambda self: 8, lambda self, v: print("setter", v) if v == 9 and self is ps[0] else None)
write_px(ps, 9)
print("with setter", read_px(ps))
P.x = slot_descr
print("member restored", read_px(ps))
write_px(ps, 2)
print("after restore", read_px(ps))
del P.x
try:
    read_px(ps)
except AttributeError as e:
    print("member removed:", e)
try:
    ps[0].x = 1
except AttributeError as e:
    print("store after removal:", e)


# readonly-like cases
class R:
    __slots__ = ("a",)
    k = 10


r = R()
r.a = 1
try:
    r.k = 5
except AttributeError as e:
    print("class attr:", e)
try:
    r.b = 5
except AttributeError as e:
    print("no slot:", e)
try:
    class Bad:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("conflict:", e)


# a member descriptor of another class put on a class: not its member
class Other:
    __slots__ = ("q",)


class Host:
    __slots__ = ("h",)


Host.q = Other.q
h = Host()
for i in range(3):
    try:
        h.q
    except TypeError as e:
        print("foreign member:", e)
    try:
        h.q = i
    except TypeError as e:
        print("foreign member store:", e)
o = Other()
o.q = 42
print("descriptor used directly", Other.q.__get__(o, Other), type(Other.q).__name__)


# __class__ assignment between layout-compatible slot classes
class A:
    __slots__ = ("x", "y")


class B:
    __slots__ = ("x", "y")


def read_ab(o, n):
    t = 0
    for _ in range(n):
        t += o.x
    return t


a = A()
a.x, a.y = 1, 2
print("A", read_ab(a, 1200))
a.__class__ = B
print("as B", read_ab(a, 1200), type(a).__name__)
B.x = property(lambda self: 100)
print("B with property", read_ab(a, 5))
