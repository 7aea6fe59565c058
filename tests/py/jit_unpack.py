# UNPACK_SEQUENCE in compiled loops: exact tuples and lists inline, everything else (other iterables,
# subclasses, wrong sizes and their errors) through the generic path, in one function.
class MyTuple(tuple):
    pass


def gen(n):
    for i in range(n):
        yield i


def unpack_all(items):
    out = []
    for it in items:
        try:
            a, b, c = it
            out.append(a * 100 + b * 10 + c if isinstance(a, int) else (a, b, c))
        except ValueError as e:
            out.append(str(e))
        except TypeError as e:
            out.append(str(e))
    return out


plain = [(1, 2, 3), [4, 5, 6]] * 2000
print(sum(x for x in unpack_all(plain) if isinstance(x, int)))
odd = [(1, 2, 3), [4, 5, 6], (1, 2), [1, 2, 3, 4], "abc", MyTuple((7, 8, 9)), gen(3), gen(5), {1: 0, 2: 0, 3: 0},
       range(3), 42, None, (x for x in "xyz")]
for r in unpack_all(odd):
    print(r)


def swap_loop(n):
    a, b = 0, 1
    total = 0
    for i in range(n):
        a, b = b, a + b if a + b < 1000 else 1
        pair = (a, b)
        x, y = pair
        total += x - y
    return total


print(swap_loop(10000))


def nested(pairs):
    s = 0
    for ((a, b), [c, d]) in pairs:
        s += a * b - c * d
    return s


print(nested([((i, i + 1), [i, 2]) for i in range(3000)]))
