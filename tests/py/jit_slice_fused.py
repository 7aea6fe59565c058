# o[a:b:c] and o[a:b:c] = v in compiled code read the bounds without a slice object for exact
# lists, tuples and strs (compiler/hir_build.c slice_item): every container kind, bound kind, error and
# mutation during __index__ must behave as with the slice object.


class Idx:
    def __init__(self, v, hook=None):
        self.v = v
        self.hook = hook

    def __index__(self):
        if self.hook:
            self.hook()
        return self.v


class MyList(list):
    def __getitem__(self, k):
        return ("MyList.getitem", k)

    def __setitem__(self, k, v):
        print("MyList.setitem", k, v)


class Plain:
    def __getitem__(self, k):
        return ("Plain", k, k.start, k.stop, k.step)

    def __setitem__(self, k, v):
        print("Plain.setitem", k, v)


def get(o, i, j):
    return o[i:j]


def get3(o, i, j, k):
    return o[i:j:k]


def put(o, i, j, v):
    o[i:j] = v


def put3(o, i, j, k, v):
    o[i:j:k] = v


def show(f, *args):
    try:
        print(f.__name__, repr(f(*args)))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)


def reads():
    big = 10 ** 30
    for o in (list(range(10)), tuple(range(10)), "abcdefghij", "aé€😀bcdefg", b"abcdefghij", range(10),
              bytearray(b"0123456789")):
        for i, j in ((2, 5), (None, 3), (7, None), (None, None), (-3, -1), (-big, big), (big, -big), (8, 2), (3, 3)):
            show(get, o, i, j)
        for i, j, k in ((None, None, -1), (None, None, 2), (8, 2, -2), (1, None, 3), (-1, -big, -3), (big, None, -1),
                        (None, None, big), (None, None, -big), (2, 9, None)):
            show(get3, o, i, j, k)
        show(get3, o, 1, 5, 0)
        show(get, o, 1.0, 3)
        show(get, o, "a", None)
        show(get3, o, None, None, 2.5)
        show(get, o, Idx(2), Idx(-2))
        show(get, o, True, Idx(big))
    show(get, MyList([1, 2, 3]), 0, 2)
    show(get, Plain(), 1, None)
    show(get3, Plain(), "x", [1], None)
    show(get, {1: 2}, 0, 1)
    show(get, {slice(0, 1): "hashable slice"}, 0, 1)
    show(get, 5, 0, 1)
    show(get, None, 0, 1)


def mutating_index():
    # __index__ shrinks the list: the length is read after the bounds are converted
    for n in range(3):
        a = list(range(10))
        show(get, a, Idx(2, lambda: a.clear()), 8)
        b = list(range(10))
        show(get3, b, None, None, Idx(-1, lambda: b.__delitem__(slice(3, None))))
        c = list(range(10))
        put(c, Idx(1, lambda: c.clear()), 20, ["x", "y"])
        print(c)
        d = list(range(10))
        try:
            put3(d, None, None, Idx(2, lambda: d.extend([1, 2])), "abcde")
        except ValueError as e:
            print("ValueError", e)
        print(d)


def gen_mutating(lst):
    lst.append("appended")
    yield "g1"
    lst.clear()
    yield "g2"


def writes():
    for n in range(3):
        a = list(range(10))
        put(a, 2, 5, ["x"])
        put(a, None, 1, (7, 8, 9))
        put(a, -2, None, "st")
        put(a, 100, 200, [0])
        put3(a, None, None, 3, "abcd")
        print(a)
        put3(a, None, None, -1, a)
        print(a)
        put(a, None, None, a)
        print(a)
        put(a, 1, 3, (x * 2 for x in range(4)))
        print(a)
        for bad in (5, None, 1.5):
            try:
                put(a, 0, 1, bad)
            except TypeError as e:
                print("TypeError", e)
            try:
                put3(a, None, None, 2, bad)
            except TypeError as e:
                print("TypeError", e)
        try:
            put3(a, None, None, 2, [1])
        except ValueError as e:
            print("ValueError", e)
        try:
            put3(a, None, None, 0, [])
        except ValueError as e:
            print("ValueError", e)
        try:
            put(a, "x", None, [])
        except TypeError as e:
            print("TypeError", e)
        b = list(range(5))
        put(b, 1, 2, gen_mutating(b))
        print(b)
        c = list(range(6))
        put3(c, 4, 0, -2, iter(["p", "q"]))
        print(c)
        put(MyList([1, 2]), 0, 1, [5])
        put(Plain(), 1, None, "v")
        for o in ((1, 2), "ab", b"ab", range(3)):
            try:
                put(o, 0, 1, [9])
            except TypeError as e:
                print("TypeError", e)
        ba = bytearray(b"hello")
        put(ba, 1, 3, b"EY")
        put3(ba, None, None, 2, b"123")
        print(ba)
        d = {}
        put(d, 1, 2, "dict value")
        print(d)


def aug_and_del():
    for n in range(3):
        a = list(range(8))
        a[1:3] += ["x"]
        a[::2] *= 1
        del a[::3]
        del a[1:2]
        print(a)
        s = "hello world"
        t = s[::-1][1:-1:2]
        print(t, s[len(s):], s[-len(s) - 5:3])


def in_handler():
    out = []
    a = [1, 2, 3]
    for k in (1, None, "bad", 0, 2):
        try:
            out.append(a[::k])
        except (TypeError, ValueError) as e:
            out.append(type(e).__name__)
        try:
            a[k:k] = [k]
        except TypeError as e:
            out.append(str(e))
    print(out, a)


reads()
mutating_index()
writes()
aug_and_del()
for _ in range(3):
    in_handler()
