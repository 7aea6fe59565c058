# yield from in compiled generators: delegation to generators and iterators, return values,
# send() through two levels, deep chains; run often enough to compile (also at the default threshold).


def inner(n):
    for i in range(n):
        x = yield i
        if x is not None:
            print("inner got", x)
    return n * 10


def middle(n):
    r = yield from inner(n)
    return r + 1


def outer(n):
    r = yield from middle(n)
    print("outer result", r)
    r2 = yield from [100, 200]
    r3 = yield from range(3)
    r4 = yield from (c for c in "ab")
    r5 = yield from ()
    return (r, r2, r3, r4, r5)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration(("done", self.n))
        self.n -= 1
        return self.n


class Sender:
    """An iterator with send(): yield from calls it for values other than None."""

    def __init__(self):
        self.log = []
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, v):
        self.log.append(v)
        self.i += 1
        if self.i > 3:
            raise StopIteration(self.log)
        return self.i * 7


def over_custom(n):
    r = yield from Countdown(n)
    return r


def over_sender():
    r = yield from Sender()
    return r


def run(g, sends=()):
    out = []
    sends = list(sends)
    try:
        v = next(g)
        while True:
            out.append(v)
            v = g.send(sends.pop(0) if sends else None)
    except StopIteration as e:
        out.append(("return", e.value))
    return out


for k in range(60):
    a = run(outer(3))
    b = run(outer(2), ["x", "y"])
    c = run(over_custom(4))
    d = run(over_sender(), ["s1", "s2"])
    e = list(outer(1))
    if k % 20 == 0:
        print(a)
        print(b)
        print(c)
        print(d)
        print(e)


# deep chains: a recursion of yield from (past the compiled code's C depth limit too)
def chain(n):
    if n == 0:
        yield "bottom"
        x = yield "again"
        return x
    r = yield from chain(n - 1)
    return (r, n) if n < 3 else r


for depth in (5, 150, 250, 600):
    g = chain(depth)
    print(depth, next(g), next(g))
    try:
        g.send("sent")
    except StopIteration as e:
        print("result", e.value)


def tree(n):
    if n <= 1:
        yield n
        return 1
    a = yield from tree(n - 1)
    b = yield from tree(n - 2)
    return a + b


for k in range(30):
    t = tree(12)
    vals = []
    try:
        while True:
            vals.append(next(t))
    except StopIteration as e:
        if k % 10 == 0:
            print(sum(vals), len(vals), e.value)


# a generator already running: ValueError from the delegation
def self_ref():
    yield from me


for k in range(3):
    me = self_ref()
    try:
        next(me)
    except ValueError as e:
        print("ValueError", e)

# send a non-None value to a just-started delegate
def starts(sub):
    return (yield from sub)


for k in range(30):
    s = starts(starts(iter([1, 2])))
    print(next(s), s.send(None), end=" ")
    try:
        s.send(5)
    except AttributeError as e:
        print("AttributeError", e)
    except StopIteration as e:
        print("stop", e.value)
