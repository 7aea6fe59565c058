# Weak references and the collector: cycles, __del__ (which runs after the references to its object
# were cleared, and may resurrect it), callbacks that allocate, raise, collect or make new references,
# references that die before their referent, many short-lived referents (minor collections), old
# referents, classes, functions and generators as referents.
#
# Callbacks only record what they saw; the record is printed after gc.collect(), where CPython's
# reference counting would have run them already.
import gc
import weakref

log = []


def flush():
    gc.collect()
    out = list(log)
    log.clear()
    return out


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __repr__(self):
        return "Node(%s)" % self.name


def note(tag):
    def cb(w):
        log.append((tag, w()))
    return cb


# ---- a cycle reachable only through weak references dies as a whole
def cycle():
    a, b = Node("a"), Node("b")
    a.other, b.other = b, a
    return weakref.ref(a, note("a")), weakref.ref(b, note("b"))


ra, rb = cycle()
print(sorted(flush()), ra(), rb())


# ---- __del__ sees its references cleared, runs after their callbacks, and may resurrect (the
# object is in a cycle, as CPython's cyclic collector, not its reference counting, behaves so)
saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        log.append(("del", self.name, [r() for r in refs]))
        if self.name == "rise":
            saved.append(self)


refs = []


def phoenix(name):
    p = Phoenix(name)
    refs.append(weakref.ref(p, note("cb " + name)))


phoenix("rise")
print(flush())


def show_saved():
    return len(saved), saved[0].name, refs[0]()


print(show_saved())
refs.clear()


def new_ref_to_saved():
    r = weakref.ref(saved[0], note("second life"))
    return r, r() is saved[0], weakref.getweakrefcount(saved[0])


r2, same, count = new_ref_to_saved()
print(same, count)
saved.clear()
print(flush(), r2())


# ---- callbacks that allocate, make new references, collect, raise
keep_alive = Node("keeper")


def busy_cb(w):
    junk = [[i] * 3 for i in range(2000)]
    extra = weakref.ref(keep_alive, note("never: keeper stays"))
    gc.collect()
    log.append(("busy", len(junk), extra() is keep_alive))


def raising_cb(w):
    log.append(("raising",))
    raise ValueError("from a weakref callback")


def busy():
    n1, n2, n3 = Node(1), Node(2), Node(3)
    return [weakref.ref(n1, busy_cb), weakref.ref(n2, raising_cb), weakref.ref(n3, note("after raise"))]


rs = busy()
print(flush(), [r() for r in rs])


# ---- a reference that dies first never calls back; its referent lives on
def short_ref(obj):
    weakref.ref(obj, note("dead ref must not call"))


target = Node("target")
short_ref(target)
print(flush(), weakref.getweakrefcount(target))


def both_die():
    n = Node("both")
    weakref.ref(n, note("both die: no call"))


both_die()
print(flush())


# ---- many short-lived referents (minor collections), some kept
def churn(n):
    counter = [0]

    def cb(w):
        counter[0] += 1

    kept, refs = [], []
    for i in range(n):
        o = Node(i)
        refs.append(weakref.ref(o, cb))
        if i % 100 == 0:
            kept.append(o)
        junk = [o.name] * 20
    o = junk = None
    return counter, kept, refs


counter, kept, many = churn(3000)
gc.collect()
print(counter[0], len(kept), sum(1 for r in many if r() is not None))
print(all(r() is k for r, k in zip(many[::100], kept)))
kept.clear()
gc.collect()
print(counter[0], sum(1 for r in many if r() is not None))


# ---- old referents: survive several collections, then die
def old_objects():
    objs = [Node("old%d" % i) for i in range(5)]
    return objs, [weakref.ref(o, note("old")) for o in objs]


objs, old_refs = old_objects()
for i in range(3):
    gc.collect()
    [Node(j) for j in range(300)]
print([r() is o for r, o in zip(old_refs, objs)])
del objs[1:4]
print(len(flush()), [r() is not None for r in old_refs])
objs.clear()
print(len(flush()), [r() for r in old_refs])


# ---- classes, functions, generators, bound methods, sets as referents
def temp_class():
    # (only made and referenced: the inline caches of code that used it would keep it alive)
    class Temp:
        pass

    return weakref.ref(Temp, note("class"))


def assorted():
    class Meth:
        def m(self):
            pass

    def fn():
        pass

    def gen():
        yield 1

    t = Meth()
    return [weakref.ref(fn, note("function")), weakref.ref(gen(), note("generator")),
            weakref.ref(t.m, note("method")), weakref.ref({1, 2}, note("set")),
            weakref.ref(frozenset([3]), note("frozenset"))]


rs = [temp_class()] + assorted()
out = flush()
print(sorted(tag for tag, obj in out), [r() for r in rs])


# ---- proxies and callbacks in containers being emptied
def proxy_cb():
    n = Node("proxied")
    p = weakref.proxy(n, lambda w: log.append(("proxy", type(w).__name__)))
    return p


p = proxy_cb()
print(flush())
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)

# ---- gc disabled: nothing is collected until it is enabled again
gc.disable()


def while_disabled():
    n = Node("disabled")
    return weakref.ref(n, note("enabled again"))


rd = while_disabled()
[Node(i) for i in range(500)]
print(gc.isenabled())
gc.enable()
print(flush(), rd())
