# Instance, class and static methods; alternative constructors; class attributes through instances.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split("-"))
        return cls(y, m, d)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return "%s(%d, %d, %d)" % (type(self).__name__, self.y, self.m, self.d)
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"), Date.is_leap(2000), Date.is_leap(1900), MyDate(1, 2, 3).is_leap(2024))
cm = Date.__dict__["from_string"]
sm = Date.__dict__["is_leap"]
print(type(cm).__name__, type(sm).__name__, sm.__func__(2023), cm.__func__(Date, "1-2-3"))
class Registry:
    items = []
    @classmethod
    def add(cls, x):
        cls.items.append(x)
        return len(cls.items)
print(Registry.add("a"), Registry().add("b"), Registry.items)
class Temp:
    unit = "C"
    def show(self, v):
        return "%s%s" % (v, self.unit)
t = Temp()
print(t.show(5))
Temp.unit = "F"
print(t.show(5))
Temp.show2 = lambda self: "patched " + self.unit
print(t.show2())
