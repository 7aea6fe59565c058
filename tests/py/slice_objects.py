# slice objects: attributes, indices(), use with custom __getitem__.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None, -1))
print(s.indices(5), slice(None, None, -1).indices(10), slice(-3, None).indices(10), slice(2, 100).indices(10), slice(-100, -50).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
class Seq:
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        if isinstance(key, tuple):
            return ("tuple", key)
        return ("index", key)
q = Seq()
print(q[1], q[1:2], q[::3], q[:], q[1:2, 3], q[..., 1], q[-1::-1], q["k"])
data = list(range(20))
print(data[s], "abcdefghijkl"[s], tuple(range(20))[s], data[slice(None, None, 5)], data[slice(-4, None)])
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [1, 2, 3][::0]
except ValueError as e:
    print(type(e).__name__, e)
print(Ellipsis, ..., type(...).__name__, ... is Ellipsis, NotImplemented, type(None).__name__)
