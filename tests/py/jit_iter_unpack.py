# `for a, b in zip(...)` / `for i, x in enumerate(...)` in compiled code: FOR_ITER puts the values
# straight into the unpacked slots without the tuple (compiler/hir_build.c iter_unpack); every other
# iterator, arity mismatches, errors and strict zips must behave exactly as FOR_ITER + UNPACK_SEQUENCE.


def pairs(it):
    out = []
    for a, b in it:
        out.append((a, b))
    return out


def triples(it):
    out = []
    for a, b, c in it:
        out.append(a + b + c)
    return out


def show(f, *args):
    try:
        print(f.__name__, f(*args))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)


def gen(n, fail_at=None):
    for i in range(n):
        if i == fail_at:
            raise KeyError(i)
        yield i * 10


class Stop:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i


class MyZip(zip):
    pass


class MyEnum(enumerate):
    pass


def cases():
    show(pairs, zip([1, 2, 3], "abc"))
    show(pairs, zip([1, 2, 3], (4, 5)))
    show(pairs, zip(range(3), gen(5)))
    show(pairs, zip(gen(5, 2), [1, 2, 3, 4]))
    show(pairs, zip([1, 2, 3, 4], gen(5, 2)))
    show(pairs, zip([1, 2], [3, 4], strict=True))
    show(pairs, zip([1, 2], [3, 4, 5], strict=True))
    show(pairs, zip([1, 2, 3], [3, 4], strict=True))
    show(triples, zip([1, 2], [3, 4], [5], strict=True))
    show(triples, zip([1, 2], [3, 4], [5, 6, 7], strict=True))
    show(pairs, zip([1, 2], [3, 4], [5, 6]))
    show(triples, zip([1, 2], [3, 4]))
    show(pairs, zip())
    show(pairs, zip([(1, 2)]))
    show(pairs, zip(Stop(), Stop()))
    show(pairs, MyZip([1, 2], [3, 4]))
    show(pairs, enumerate("xyz"))
    show(pairs, enumerate("xyz", 10))
    show(pairs, enumerate("xyz", 2 ** 62 - 2))
    show(pairs, enumerate("xyz", -(2 ** 62) - 1))
    show(pairs, enumerate(gen(4, 2)))
    show(pairs, enumerate(Stop(), 5))
    show(triples, enumerate([1, 2]))
    show(pairs, MyEnum([7, 8]))
    show(pairs, [(1, 2), [3, 4], "ab", {5: 0, 6: 0}])
    show(pairs, [(1, 2), (3,)])
    show(pairs, [(1, 2), 5])
    show(pairs, {"k": 1, "l": 2}.items())
    show(pairs, iter([(1, 2)]))


def mutate_during():
    a = [1, 2, 3]
    b = [4, 5, 6, 7]
    out = []
    for x, y in zip(a, b):
        out.append((x, y))
        if x == 1:
            a.append(99)
            b.pop()
    print(out)
    z = zip([1, 2, 3], [4, 5, 6])
    out = []
    for x, y in z:
        out.append((x, y, next(z, None)))
    print(out)
    e = enumerate("abcdef")
    out = []
    for i, c in e:
        out.append((i, c, next(e, None)))
    print(out)


def nested():
    out = []
    for i, (a, b) in enumerate(zip("abc", [1, 2, 3])):
        for j, k in zip(range(i), range(10, 20)):
            out.append((i, a, b, j, k))
    print(out)
    total = 0
    for k, (i, x) in enumerate(enumerate([5, 6, 7], 1)):
        total += k * i * x
    print(total)


def handler_and_break():
    out = []
    for i, x in enumerate([1, 0, 2, "s", 4]):
        try:
            out.append(10 // x)
        except ZeroDivisionError:
            out.append("zero")
            continue
        except TypeError:
            out.append("type")
            break
    print(out)
    for x, y in zip([1, 2], [3, 4]):
        pass
    print(x, y)
    for x, y in zip([], []):
        pass
    print(x, y)


def yielding():
    for i, x in enumerate("ab"):
        yield i, x
    for a, b in zip("cd", "ef"):
        yield a + b


class MyDict(dict):
    def items(self):
        return [("overridden", 1)]


def dict_items():
    d = {"a": 1, "b": 2, 3: "c"}
    show(pairs, d.items())
    show(pairs, reversed(d.items()))
    show(pairs, {}.items())
    show(pairs, MyDict(x=1).items())
    show(pairs, dict.items(MyDict(y=2)))
    show(triples, d.items())
    out = []
    try:
        for k, v in d.items():
            out.append((k, v))
            d["new"] = 0
    except RuntimeError as e:
        out.append(str(e))
    print(out)
    d = {"a": 1, "b": 2}
    out = []
    try:
        for k, v in d.items():
            out.append((k, v))
            del d[k]
            d[k + "2"] = v
    except RuntimeError as e:
        out.append(str(e))
    print(out, d)
    d = {i: i * i for i in range(5)}
    for k, v in d.items():
        d[k] = v + 1
    print(d)


def floats(row, col):
    return sum(x * y for x, y in zip(row, col))


for _ in range(3):
    cases()
    mutate_during()
    nested()
    handler_and_break()
    dict_items()
    print(list(yielding()))
    print(floats([1.5, 2.0, 3], [2, 0.5, 1.5]), floats(range(5), range(5, 10)))
