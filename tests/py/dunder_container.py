# Container protocol: __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__, __reversed__, __missing__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self): return self.w * self.h
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell %r out of range" % (key,))
        return self.cells.get(key, ".")
    def __setitem__(self, key, v): self.cells[key] = v
    def __delitem__(self, key): del self.cells[key]
    def __contains__(self, v): return v in self.cells.values()
    def __iter__(self):
        for y in range(self.h):
            for x in range(self.w):
                yield self[x, y]
    def __reversed__(self):
        return iter(list(self)[::-1])
g = Grid(3, 2)
g[0, 0] = "a"; g[2, 1] = "z"; g[1, 1] = "m"
print(len(g), g[0, 0], g[1, 0], "a" in g, "q" in g, list(g), "".join(reversed(g)), bool(g))
del g[1, 1]
print(list(g))
try:
    g[5, 5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    del g[1, 1]
except KeyError as e:
    print(type(e).__name__, e)
class OldSeq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(OldSeq()), 9 in OldSeq(), 5 in OldSeq(), [x for x in OldSeq()], list(zip(OldSeq(), "abcd")))
class Len0:
    def __len__(self): return 0
class NegLen:
    def __len__(self): return -1
print(bool(Len0()), len(Len0()))
try:
    len(NegLen())
except ValueError as e:
    print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Len0()[0]
except TypeError as e:
    print(type(e).__name__, e)
class SliceAware:
    def __getitem__(self, k):
        return k
print(SliceAware()[1:2:3], SliceAware()[::], SliceAware()[1, 2:3])
