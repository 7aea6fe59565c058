# weakref's containers beyond the cache idioms: removals deferred while a walk is in progress (also
# a walk abandoned by break, and len() in the middle of a walk), the full set algebra of WeakSet,
# the Mapping methods of the weak dictionaries (equality, |, |=, update forms, copy/deepcopy,
# setdefault over a dead entry), ABC registration in both import orders, KeyedRef, WeakMethod's
# callback, finalize's repr/atexit flag, subclasses. Objects meant to die are made in helpers that
# keep no strong reference, and gc.collect() runs where CPython's reference counting frees them.
import gc
import weakref
import copy


class Obj:
    def __init__(self, key):
        self.key = key

    def __repr__(self):
        return "Obj(%r)" % (self.key,)

    def method(self):
        return self.key


def keys_of(objs):
    return sorted(o.key for o in objs)


# ---- WeakKeyDictionary walked while keys die: the walk sees no error, the entries go afterwards
def wkd_walk():
    objs = [Obj(i) for i in range(8)]
    d = weakref.WeakKeyDictionary((o, o.key * 2) for o in objs)
    seen = []
    for k, v in d.items():
        seen.append(v)
        if len(seen) == 2:
            del objs[4:]
            gc.collect()
            print("len mid-walk", len(d))
    print(len(seen) >= 2, len(d), sorted(d.values()))
    return d, objs


d, kept = wkd_walk()
gc.collect()
print(len(d), sorted(k.key for k in d.keys()), sorted(r().key for r in d.keyrefs()))


# a walk abandoned with break: removals wait for the abandoned generator, lookups stay right
def wkd_break():
    objs = [Obj(i) for i in range(5)]
    d = weakref.WeakKeyDictionary()
    for o in objs:
        d[o] = str(o.key)
    it = iter(d)
    first = next(it)
    del objs[1:]
    gc.collect()
    print("during", len(d), first in d, sorted(d.values()))
    del it, first
    gc.collect()
    print("after", len(d), sorted(d.values()))
    return d, objs


d, kept = wkd_break()
kept.clear()
gc.collect()
print(len(d), list(d))


# ---- WeakValueDictionary: a key re-set while its old value's removal is queued keeps the new value
def wvd_requeue():
    d = weakref.WeakValueDictionary()
    a, b = Obj("a"), Obj("b")
    d["x"] = a
    d["y"] = b
    walk = d.values()
    next(walk)
    del a
    gc.collect()
    fresh = Obj("fresh")
    d["x"] = fresh
    print("x" in d, d["x"], len(d), d.get("x"), d.get("nope", 0))
    walk.close()
    print(len(d), sorted(d), d["x"] is fresh)
    return d, b, fresh


d, b, fresh = wvd_requeue()
print(sorted(d.items(), key=str), d.pop("x") is fresh, len(d))


def wvd_methods():
    objs = {k: Obj(k) for k in "abcd"}
    d = weakref.WeakValueDictionary(objs)
    print(d == objs, d == dict(objs), d != {}, d == 5, {} == d, d == weakref.WeakValueDictionary(objs))
    e = weakref.WeakValueDictionary(a=objs["a"])
    e.update([("b", objs["b"])], c=objs["c"])
    e.update({"d": objs["d"]})
    print(sorted(e), sorted(e.keys()) == sorted(d.keys()))
    merged = {"z": objs["a"]} | e
    print(type(merged).__name__, sorted(merged), type(e | {"y": objs["b"]}).__name__)
    e |= [("w", objs["d"])]
    print(sorted(e), e.setdefault("w") is objs["d"])
    c = copy.copy(e)
    dc = copy.deepcopy(e)
    print(type(c).__name__, sorted(c), sorted(dc), dc["a"] is objs["a"])
    print(sorted(r.key for r in e.itervaluerefs()), all(type(r) is weakref.KeyedRef for r in e.valuerefs()))
    try:
        e | 3
    except TypeError as ex:
        print("TypeError", "unsupported operand" in str(ex))
    try:
        reversed(e)
    except TypeError as ex:
        print("TypeError:", ex)
    try:
        hash(e)
    except TypeError as ex:
        print("TypeError:", ex)
    k, v = e.popitem()
    print(k in "abcdw", k not in e, v.key in "abcd")
    e.clear()
    print(len(e), list(e.items()))
    try:
        e.popitem()
    except KeyError as ex:
        print("KeyError:", ex)
    return d


d = wvd_methods()
gc.collect()
print(len(d), d.get("a"), "a" in d)


def wvd_setdefault_dead():
    d = weakref.WeakValueDictionary()
    d["k"] = Obj("dies")
    gc.collect()
    keep = Obj("new")
    print(d.setdefault("k", keep) is keep, d["k"], len(d))
    print(d.pop("gone", "default"), d.pop("k").key, len(d))


wvd_setdefault_dead()


# ---- WeakKeyDictionary Mapping methods
def wkd_methods():
    a, b, c = Obj("a"), Obj("b"), Obj("c")
    d = weakref.WeakKeyDictionary({a: 1, b: 2})
    print(d[a], d.get(c), d.get(c, "dflt"), c in d, 1 in d, [] in d, d.setdefault(c, 3), d[c])
    print(d == {a: 1, b: 2, c: 3}, d.pop(c), d.pop(c, "absent"), len(d))
    try:
        d.pop(c)
    except KeyError:
        print("KeyError")
    e = d | {c: 30}
    e |= {a: 10}
    print(type(e).__name__, sorted((k.key, v) for k, v in e.items()))
    f = copy.deepcopy(weakref.WeakKeyDictionary({a: [1, 2]}))
    print(f[a], f[a] is not None, sorted(v for v in copy.copy(e).values()))
    del e[b]
    print(sorted(k.key for k in e), e.popitem()[0].key in ("a", "c"), len(e))
    try:
        d[1]
    except TypeError as ex:
        print("TypeError:", ex)
    return d, a


d, a = wkd_methods()
gc.collect()
print(len(d), [k.key for k in d], repr(d).startswith("<WeakKeyDictionary at 0x"))


# ---- WeakSet: algebra, comparisons, walks
def wset():
    objs = [Obj(i) for i in range(6)]
    s = weakref.WeakSet(objs[:4])
    t = weakref.WeakSet(objs[2:])
    print(keys_of(s | t), keys_of(s & t), keys_of(s - t), keys_of(s ^ t))
    print(keys_of(s.union(objs[5:])), keys_of(s.intersection(objs[1:3])), keys_of(s.difference(objs[:1])))
    print(keys_of(s.symmetric_difference(objs[3:5])), s.isdisjoint(objs[4:]), s.isdisjoint(objs[3:]))
    print(s <= t, s & t <= s, s.issubset(objs), s.issuperset(objs[:2]), s >= t, s > s & t, s < s)
    print(s == weakref.WeakSet(objs[:4]), s != t, s == set(objs[:4]), s.__eq__(set(objs[:4])))
    u = s.copy()
    u |= t
    u -= weakref.WeakSet(objs[:1])
    u &= objs[1:5]
    u ^= objs[4:6]
    print(type(u).__name__, keys_of(u))
    u -= u
    print(len(u))
    v = weakref.WeakSet(objs)
    v ^= v
    print(len(v))
    v.update(objs[:3])
    v.difference_update(objs[:1])
    v.intersection_update(objs[:2])
    v.symmetric_difference_update(objs[:1])
    print(keys_of(v), objs[0] in v, 3 in v, Obj(0) in v)
    popped = v.pop()
    print(popped.key in (0, 1), len(v))
    v.clear()
    try:
        v.pop()
    except KeyError as ex:
        print("KeyError:", ex)
    try:
        hash(v)
    except TypeError as ex:
        print("TypeError:", ex)
    print(repr(weakref.WeakSet()), repr(s).startswith("{<weakref at 0x"), weakref.WeakSet[Obj])
    cls, args = s.__reduce__()[:2]
    print(cls.__name__, keys_of(args[0]))
    return s, objs


def wset_walk(s, objs):
    seen = []
    for o in s:
        seen.append(o)
        if len(seen) == 1:
            del objs[2:]
            gc.collect()
            # the walk's current element is alive (held by o) whether or not it was in objs[2:]
            print("mid-walk", len(s) == 2 + (o.key >= 2), o.key in range(6))
    print(len(seen) >= 1, all(x.key < 2 for x in seen[1:]))
    seen.clear()
    o = None
    gc.collect()
    print(len(s))


s, objs = wset()
wset_walk(s, objs)
print(len(s), keys_of(s))
objs.clear()
gc.collect()
print(len(s), list(s))


# ---- ABC registration, whichever module came first (here weakref did)
import collections.abc as cabc  # noqa: E402
print(isinstance(weakref.WeakValueDictionary(), cabc.MutableMapping),
      issubclass(weakref.WeakKeyDictionary, cabc.Mapping),
      isinstance(weakref.WeakSet(), cabc.MutableSet), isinstance(weakref.WeakSet(), cabc.Sequence))
print(weakref.WeakValueDictionary[str, Obj], weakref.WeakKeyDictionary[Obj, int])


# ---- subclasses keep their type through copy and the operators, and their own attributes
class TaggedSet(weakref.WeakSet):
    def __init__(self, data=None, tag="t"):
        super().__init__(data)
        self.tag = tag


class Keyed(weakref.WeakKeyDictionary):
    pass


class Registry(weakref.WeakValueDictionary):
    def register(self, obj):
        self[obj.key] = obj
        return obj


def subclasses():
    a, b = Obj("a"), Obj("b")
    ts = TaggedSet([a], tag="x")
    print(type(ts | [b]).__name__, type(ts.copy()).__name__, ts.__reduce__()[2]["tag"], keys_of(ts))
    r = Registry()
    r.register(a)
    r.register(b)
    print(type(r.copy()).__name__, type(copy.copy(r)).__name__, type(copy.deepcopy(r)).__name__,
          type({} | r).__name__, type(r | {}).__name__, sorted(r), repr(r).startswith("<Registry at 0x"))
    k = Keyed({a: 1})
    print(type(k.copy()).__name__, type(copy.deepcopy(k)).__name__, type({} | k).__name__)
    return r


r = subclasses()
gc.collect()
print(len(r))


# ---- KeyedRef
def keyed():
    o = Obj("k")
    died = []
    kr = weakref.KeyedRef(o, lambda w: died.append(w.key), "the key")
    print(kr.key, kr() is o, isinstance(kr, weakref.ref), weakref.KeyedRef.__slots__)
    return kr, died


kr, died = keyed()
gc.collect()
print(kr(), died)


# ---- WeakMethod: callback once when the object dies, equality, hash
def wmethod():
    calls = []
    o = Obj("m")
    wm = weakref.WeakMethod(o.method, calls.append)
    wm2 = weakref.WeakMethod(o.method)
    print(wm()(), wm == wm2, wm != wm2, hash(wm) == hash(wm2), isinstance(wm, weakref.ref))
    print(wm == weakref.ref(o), wm != 3)
    return wm, wm2, calls


wm, wm2, calls = wmethod()
gc.collect()
print(wm(), len(calls), calls[0] is wm if calls else None, wm == wm2, wm != wm2, wm == wm)


# ---- finalize: repr, atexit flag, detach/peek after death
def fin():
    out = []
    o = Obj("f")
    f = weakref.finalize(o, out.append, "done")
    r = repr(f)
    print(r.startswith("<finalize object at 0x"), r.endswith("for 'Obj' at %#x>" % id(o)))
    f.atexit = False
    print(f.atexit, f.alive, f.peek()[0] is o)
    return f, out


f, out = fin()
gc.collect()
print(out, f.alive, f.atexit, repr(f).endswith("; dead>"), f.peek(), f.detach(), f())
f.atexit = True
print(f.atexit)
