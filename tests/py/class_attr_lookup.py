# Attribute lookup order: instance dict, class, bases; data vs non-data descriptors.
class Desc:
    def __get__(self, obj, objtype=None):
        return "desc-get(%s)" % (None if obj is None else type(obj).__name__)
class DataDesc:
    def __init__(self):
        self.store = {}
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return self.store.get(id(obj), "unset")
    def __set__(self, obj, value):
        self.store[id(obj)] = value * 2
class Base:
    inherited = "from base"
class K(Base):
    nd = Desc()
    dd = DataDesc()
    plain = "class plain"
k = K()
print(k.nd, K.nd, k.dd, type(K.dd).__name__, k.plain, k.inherited)
k.__dict__["nd"] = "instance wins over non-data"
k.__dict__["dd"] = "instance loses to data"
print(k.nd, k.dd)
k.dd = 21
print(k.dd, k.__dict__["dd"])
k.plain = "instance plain"
print(k.plain, K.plain)
class Lazy:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value
class Circle:
    def __init__(self, r): self.r = r
    @Lazy
    def area(self):
        print("computing")
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, "area" in c.__dict__)
class Named:
    def __set_name__(self, owner, name):
        self.label = owner.__name__ + "." + name
    def __get__(self, obj, cls):
        return self.label
class Host:
    attr = Named()
    other = Named()
print(Host().attr, Host.other)
