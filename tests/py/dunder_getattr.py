# __getattr__, __getattribute__, __setattr__, __delattr__, __dir__.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])
    def __getattr__(self, name):
        self._log.append("get " + name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self._log.append("set " + name)
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self._log.append("del " + name)
        delattr(self._target, name)
class Target:
    def __init__(self):
        self.a = 1
    def m(self):
        return "method on target"
t = Target()
p = Proxy(t)
print(p.a, p.m())
p.b = 2
print(t.b, p.b)
del p.a
print(hasattr(t, "a"), p._log)
try:
    p.zzz
except AttributeError as e:
    print(type(e).__name__, e)
class Dynamic:
    known = "class attr"
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:]
        raise AttributeError("%r object has no attribute %r" % (type(self).__name__, name))
d = Dynamic()
print(d.known, d.get_thing(), getattr(d, "get_x")(), hasattr(d, "nope"), getattr(d, "nope", "default"))
class Spy:
    def __init__(self):
        self.x = 10
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
s = Spy()
print(s.x, s.secret, getattr(s, "secret"))
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, k, v):
        raise AttributeError("Frozen is immutable: " + k)
f = Frozen(3)
try:
    f.v = 4
except AttributeError as e:
    print(type(e).__name__, e, f.v)
class Validated:
    def __setattr__(self, k, v):
        if k == "age" and v < 0:
            raise ValueError("age must be >= 0")
        super().__setattr__(k, v)
vv = Validated()
vv.age = 5
try:
    vv.age = -1
except ValueError as e:
    print(type(e).__name__, e, vv.age)
class Listing:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(Listing()))
class Fallback:
    def __getattr__(self, n):
        return "fallback:" + n
fb = Fallback()
fb.real = "real"
print(fb.real, fb.other, fb.__class__.__name__)
