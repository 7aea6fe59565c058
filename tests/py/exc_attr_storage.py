# Attributes of exception instances: set in a subclass's __init__, added after raising, deleted,
# through __dict__ / vars(), many of them, with __slots__; and the stores/loads in hot loops (cached
# shape transitions, a site that sees several exception classes, an instance switched to a dict).


class AppError(Exception):
    def __init__(self, code, detail=None):
        Exception.__init__(self, code)
        self.code = code
        if detail is not None:
            self.detail = detail


class Minor(AppError):
    pass


class WithSuper(ValueError):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.total = a + b

    def __str__(self):
        return "WithSuper total=%s" % self.total


class Slotted(Exception):
    __slots__ = ("first", "second")


class NoInit(KeyError):
    pass


e = Minor(5)
print(e.code, e.args, str(e), repr(e), vars(e), e.__dict__)
e2 = AppError(7, "bad")
print(e2.code, e2.detail, e2.args, repr(e2), sorted(vars(e2)))
w = WithSuper(2, 3)
print(w.total, w.args, str(w), repr(w), vars(w))

# attributes added after raising, then deleted; the exception keeps working afterwards
try:
    raise Minor(11)
except AppError as caught:
    caught.where = "handler"
    caught.code += 1
    print(type(caught).__name__, caught.code, caught.where, vars(caught))
    del caught.where
    print(hasattr(caught, "where"), vars(caught))
    try:
        del caught.where
    except AttributeError as ae:
        print("AttributeError:", ae)
    caught.where = "again"
    print(vars(caught), caught.args, str(caught))

# __dict__ is live, can be replaced, and only accepts dicts
d = e.__dict__
d["via_dict"] = 1
print(e.via_dict, vars(e))
e.__dict__ = {"fresh": True}
print(vars(e), hasattr(e, "code"), e.fresh, e.args)
try:
    e.__dict__ = [1]
except TypeError as te:
    print("TypeError:", te)

# builtin exceptions take attributes too; their own fields stay where they were
k = KeyError("key")
k.extra = [1, 2]
print(k.extra, vars(k), str(k), repr(k))
o = OSError(2, "No such file", "name.txt")
o.note = "mine"
print(o.errno, o.strerror, o.filename, o.note, str(o))
s = StopIteration(42)
s.more = 1
print(s.value, s.more, s.args)
n = NoInit("k")
n.x = 1
print(str(n), n.x, vars(n))

# __slots__ members and instance attributes side by side
sl = Slotted("m")
sl.first = 1
sl.other = 2
print(sl.first, sl.other, vars(sl), sl.args)
try:
    sl.second
except AttributeError as ae:
    print("AttributeError:", ae)

# many attributes: past the shape limit the instance keeps them in a dict
big = AppError(0)
for i in range(70):
    setattr(big, "a%d" % i, i * i)
print(len(vars(big)), big.a0, big.a69, big.code, sum(getattr(big, "a%d" % i) for i in range(70)))

# notes, chaining and tracebacks are unchanged by the attribute storage
e3 = AppError(3)
e3.add_note("first note")
e3.add_note("second")
print(e3.__notes__, sorted(vars(e3)))
try:
    try:
        raise Minor(1)
    except Minor as inner:
        raise AppError(2, "outer") from inner
except AppError as outer:
    print(outer.code, outer.detail, outer.__cause__.code, outer.__context__ is outer.__cause__,
          outer.__suppress_context__, outer.__traceback__ is not None)


# hot loops: the same stores and loads many times (compiled), several classes at one site, big ints,
# an attribute whose type changes mid-loop
def churn(n):
    total = 0
    kinds = [AppError, Minor, WithSuper]
    for i in range(n):
        cls = kinds[i % 3]
        try:
            if cls is WithSuper:
                raise cls(i, 2 ** 62)
            raise cls(i - 500)
        except ValueError as exc:
            total += exc.total % 1000003
        except AppError as exc:
            exc.seen = i if i % 7 else str(i)
            if isinstance(exc.seen, str):
                total += len(exc.seen)
            else:
                total += exc.code + exc.seen
            if i % 11 == 0:
                del exc.seen
                total += len(vars(exc))
    return total


print(churn(3000))
print(churn(10))


def keep(n):
    kept = []
    for i in range(n):
        x = Minor(i)
        if i % 4 == 0:
            x.mark = -i
        kept.append(x)
    return sum(x.code for x in kept), sum(getattr(x, "mark", 0) for x in kept), len(kept)


print(keep(2000))


# ordinary instances receiving their first attributes (the cached transition grows their buffer)
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Wide:
    def __init__(self, i):
        self.a = i
        self.b = i + 1
        self.c = i + 2
        self.d = i + 3
        self.e = i + 4
        self.f = i + 5


def points(n):
    acc = 0
    for i in range(n):
        p = Point(i, -i)
        w = Wide(i)
        acc += p.x - p.y + w.a + w.f + len(vars(w))
    return acc


print(points(3000))
