# weakref's containers and helpers: WeakValueDictionary (cache idioms), WeakKeyDictionary, WeakSet,
# WeakMethod, finalize. Objects meant to die are made in helper functions that return no strong
# reference to them, and gc.collect() runs where CPython's reference counting would free them.
import gc
import weakref


class Obj:
    def __init__(self, key):
        self.key = key

    def __repr__(self):
        return "Obj(%r)" % (self.key,)

    def method(self, x):
        return (self.key, x)


# ---- WeakValueDictionary as a cache: entries vanish with their values
class Cache:
    def __init__(self):
        self.data = weakref.WeakValueDictionary()
        self.made = 0

    def get(self, key):
        o = self.data.get(key)
        if o is None:
            o = Obj(key)
            self.made += 1
            self.data[key] = o
        return o


cache = Cache()
keep = [cache.get(k) for k in ("a", "b", "c")]


def transient():
    for k in ("d", "e", "f"):
        cache.get(k).key
    return cache.get("a") is keep[0], len(cache.data) >= 3


print(transient())
gc.collect()
print(sorted(cache.data.keys()), len(cache.data), cache.made)
print("a" in cache.data, "d" in cache.data, cache.data["b"], cache.data.get("e", "gone"))
try:
    cache.data["f"]
except KeyError as e:
    print("KeyError:", e)
keep.append(cache.get("d"))
print(keep[-1], cache.made, sorted(cache.data))
print(sorted(k for k, v in cache.data.items()), sorted(v.key for v in cache.data.values()))
print(sorted(cache.data.copy().keys()), sorted(dict(cache.data).keys()))
print(cache.data.setdefault("a", "other"), cache.data.pop("b").key, sorted(cache.data))
try:
    cache.data.setdefault("zz", 5)
except TypeError as e:
    print("TypeError:", e)
print(sorted(r.key for r in cache.data.valuerefs()), sorted(r().key for r in cache.data.valuerefs()))
keep.clear()
gc.collect()
print(len(cache.data), list(cache.data.items()))


# values dying while the dictionary is iterated: removals wait until the iteration ends
def iterate_while_dying():
    d = weakref.WeakValueDictionary()
    objs = [Obj(i) for i in range(6)]
    for o in objs:
        d[o.key] = o
    seen = []
    for k in d:
        seen.append(k)
        if k == 2:
            del objs[3:]
            gc.collect()
    return seen, d


seen, d = iterate_while_dying()
gc.collect()
print(len(seen) >= 3, seen[:3], len(d), sorted(d.keys()))


def wvd_misc():
    a, b = Obj(1), Obj(2)
    d = weakref.WeakValueDictionary({"x": a}, y=b)
    d2 = weakref.WeakValueDictionary()
    d2.update([("z", a)])
    d2 |= {"w": b}
    print(sorted(d), sorted(d2), sorted(d | {"v": a}), repr(d).startswith("<WeakValueDictionary at"))
    print(d.popitem()[0] in ("x", "y"), len(d), d.pop("nope", "dflt"))
    try:
        d.pop("nope")
    except KeyError as e:
        print("KeyError:", e)
    del d2["z"]
    print(sorted(d2), "z" in d2)
    return d2


d2 = wvd_misc()
gc.collect()
print(len(d2))


# ---- WeakKeyDictionary: per-object data that goes with the object
def wkd():
    d = weakref.WeakKeyDictionary()
    objs = [Obj(i) for i in range(5)]
    for o in objs:
        d[o] = o.key * 10
    print(len(d), d[objs[2]], objs[3] in d, Obj(3) in d, d.get(Obj(9), "no"))
    d.setdefault(objs[0], 99)
    print(d[objs[0]], sorted(d.values()), sorted(k.key for k in d.keys()))
    del d[objs[1]]
    print(sorted(v for k, v in d.items()), sorted(r().key for r in d.keyrefs()))
    try:
        d[1] = 2
    except TypeError as e:
        print("TypeError:", e)
    return d, objs[:2]


d, kept = wkd()
gc.collect()
print(len(d), sorted(d.values()), sorted(k.key for k in d))
kept.clear()
gc.collect()
print(len(d), list(d.items()))


# ---- WeakSet
def wset():
    objs = [Obj(i) for i in range(6)]
    s = weakref.WeakSet(objs)
    t = weakref.WeakSet(objs[3:])
    print(len(s), objs[0] in s, Obj(0) in s, 5 in s)
    print(sorted(o.key for o in s - t), sorted(o.key for o in s & t), t <= s, s <= t, t < s)
    s.discard(objs[5])
    s.remove(objs[4])
    try:
        s.remove(objs[4])
    except KeyError:
        print("KeyError")
    print(len(s), sorted(o.key for o in s | t))
    return s, t, objs[:2]


s, t, kept = wset()
gc.collect()
print(len(s), len(t), sorted(o.key for o in s))
kept.clear()
gc.collect()
print(len(s), list(s), s == weakref.WeakSet())


# ---- WeakMethod
def wmethod():
    o = Obj("m")
    wm = weakref.WeakMethod(o.method)
    print(wm()(1), wm() == o.method, wm == weakref.WeakMethod(o.method))
    try:
        weakref.WeakMethod(len)
    except TypeError as e:
        print("TypeError:", e)
    return wm


wm = wmethod()
gc.collect()
print(wm(), wm == wm)


# ---- finalize
log = []


def fin():
    o = Obj("f")
    f = weakref.finalize(o, log.append, "finalized")
    f2 = weakref.finalize(o, lambda *a, **k: log.append((a, k)), 1, 2, x=3)
    print(f.alive, f.peek()[0] is o, f.peek()[1] == log.append, f.peek()[2:], f2.atexit, f2.peek()[2:])
    return f, f2


f, f2 = fin()
gc.collect()
print(sorted(map(str, log)), f.alive, f(), f.peek(), f.detach())
log.clear()


def fin_call():
    o = Obj("g")
    f = weakref.finalize(o, log.append, "called")
    print(f(), f.alive, f(), log)
    o2 = Obj("h")
    f3 = weakref.finalize(o2, log.append, "never")
    obj, func, args, kwargs = f3.detach()
    print(obj.key, args, kwargs, f3.alive, f3.detach())
    return f3


f3 = fin_call()
gc.collect()
print(log, f3.alive)
