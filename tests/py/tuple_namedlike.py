# A hand-written record class built on tuple (no collections), and tuple subclasses.
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return "Point(x=%r, y=%r)" % self
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
p = Point(1, 2)
q = Point(10, 20)
print(p, q, p + q, p.x, q.y, len(p), tuple(p), p == (1, 2), isinstance(p, tuple), p[0], list(p))
x, y = p + q
print(x, y, sorted([Point(3, 1), Point(1, 5), Point(1, 2)]), {p: "origin-ish"}[(1, 2)])
print(type(p).__name__, type(p + q).__name__, type(p[:1]).__name__, p[:1])
