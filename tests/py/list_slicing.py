# Slice reads, slice assignment (incl. extended slices) and deletion.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::2], a[1::3], a[::-1], a[-3:], a[:-3], a[8:2:-2], a[100:], a[-100:2], a[5:2])
b = a[:]
b[2:5] = ["x"]; print(b)
b[1:1] = [10, 11, 12]; print(b)
b[:] = [1, 2, 3]; print(b)
b[len(b):] = [4, 5]; print(b)
b[::2] = ["a", "b", "c"]; print(b)
b[-1:] = []; print(b)
b[0:2] = "XY"; print(b)
c = list(range(10))
del c[::3]; print(c)
del c[1:3]; print(c)
del c[-1]; print(c)
del c[:]; print(c)
d = list(range(6))
d[1:5:2] = [100, 300]; print(d)
d[::-1] = list(range(6)); print(d)
try:
    d[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
e = [1, 2, 3]
e[5:10] = [9]; print(e)
e[-10:1] = [0]; print(e)
f = list(range(5))
f[3:1] = ["ins"]; print(f)
g = list(range(8))
print(g[slice(1, 6, 2)], g[slice(None, None, -3)], g[slice(3)])
h = [0] * 5
h[1:4] = h; print(h)
del g[::-2]; print(g)
