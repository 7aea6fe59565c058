# Shape changes, monkey-patched methods and class attribute changes while compiled code runs.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def total(points):
    t = 0
    for p in points:
        t += p.x + p.y + p.norm1()
    return t


pts = [Point(i, -i) for i in range(50)]
for _ in range(5):
    print(total(pts))
pts[10].z = 5            # a new shape for one object
del pts[20].y            # and a deleted attribute
pts[20].y = 7
print(total(pts))
Point.norm1 = lambda self: 1000   # monkey-patch the method
print(total(pts))
pts[3].norm1 = lambda: -1          # shadow it on one instance
print(total(pts))


def names(objs):
    out = []
    for o in objs:
        out.append(o.kind())
    return out


class A:
    def kind(self):
        return "A"


class B(A):
    pass


objs = [A(), B(), A()]
for _ in range(4):
    print(names(objs))
B.kind = lambda self: "B!"
print(names(objs))
A.kind = lambda self: "A!"
print(names(objs))
del B.kind
print(names(objs))


class Counter:
    step = 1

    def run(self, n):
        c = 0
        for i in range(n):
            c += self.step
            if i == n // 2:
                Counter.step = 10
        return c


print(Counter().run(100))
print(Counter().run(100))
