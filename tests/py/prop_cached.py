# Properties with caching and validation across many instances; property in __slots__ classes.
class Rect:
    __slots__ = ("_w", "_h", "_area")
    def __init__(self, w, h):
        self._w, self._h = w, h
        self._area = None
    @property
    def w(self): return self._w
    @w.setter
    def w(self, v):
        self._w = v
        self._area = None
    @property
    def area(self):
        if self._area is None:
            print("compute area", self._w, self._h)
            self._area = self._w * self._h
        return self._area
r = Rect(2, 3)
print(r.area, r.area)
r.w = 10
print(r.area, r.area, r.w)
rects = [Rect(i, i + 1) for i in range(1, 4)]
print(sum(x.area for x in rects))
class Person:
    def __init__(self, first, last):
        self.first, self.last = first, last
    @property
    def full(self):
        return self.first + " " + self.last
    @full.setter
    def full(self, v):
        self.first, self.last = v.split(" ", 1)
p = Person("Ada", "Lovelace")
print(p.full)
p.full = "Grace Brewster Hopper"
print(p.first, "|", p.last, "|", p.full)
