# Slices whose bounds are small ints or None take an inline unpacking path (vm/object.h's
# kr_slice_unpack); everything else (big ints, __index__, bools, a zero step, bad types) the slow one.
# Run in loops so that compiled code's GET_SLICE / SET_SLICE runtime calls see both.


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


def slices(seq):
    out = []
    for k in range(-3, 4):
        out.append(seq[:k])
        out.append(seq[k:])
        out.append(seq[k::-1])
        out.append(seq[::k or 1])
        out.append(seq[k:k + 2])
        out.append(seq[-k::2])
    return out


data = list(range(10))
for rep in range(3):
    r = slices(data)
print(r)
print(slices(tuple(range(7)))[:12])
print(slices("abcdefgh")[10:30])

big = 2 ** 70
seqs = [list(range(6)), tuple("xyz"), "hello"]
for s in seqs:
    print(s[big:], s[-big:], s[:big], s[:-big], s[::big], s[::-big], s[-big::-1], s[big::-1])
    print(s[Idx(1):Idx(4)], s[Idx(-1)::Idx(-2)], s[True:], s[:False])

for bad in (0, Idx(0)):
    try:
        data[::bad]
    except ValueError as e:
        print("ValueError", e)
for bad in ("1", 1.5, []):
    try:
        data[bad:]
    except TypeError as e:
        print("TypeError", e)

# fannkuch's flips: assignments of a reversed prefix, equal length, in a compiled loop
def flips(p):
    p = p[:]
    n = 0
    k = p[0]
    while k:
        p[:k + 1] = p[k::-1]
        n += 1
        k = p[0]
    return n, p


tot = 0
for i in range(200):
    base = [3, 1, 4, 0, 2, 8, 6, 5, 7]
    n, p = flips(base[i % 9:] + base[:i % 9])
    tot += n
print(tot, p)

# assignments that change the length, step assignment, deletions, bounds from big ints and __index__
for i in range(50):
    a = list(range(8))
    a[2:4] = "abc"
    a[-2:] = ()
    a[::3] = [None] * len(a[::3])
    del a[1:big]
    a[big:] = [i]
print(a)
b = list(range(10))
b[Idx(2):Idx(5)] = [9]
b[-big:1] = ["s"]
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
try:
    b[1:2] = 5
except TypeError as e:
    print("TypeError", e)
# a bound whose __index__ changes the list it slices
class Shrink:
    def __index__(self):
        del c[3:]
        return 8
c = list(range(10))
print(c[:Shrink()], c)
c = list(range(10))
c[:Shrink()] = ["z"]
print(c)
