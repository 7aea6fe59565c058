# Subclassing builtins: int, str, list, dict, Exception; overriding operators.
class Celsius(float):
    def __repr__(self):
        return "%.1f°C" % self
    def to_f(self):
        return Celsius(self * 9 / 5 + 32)
c = Celsius(21.5)
print(c, repr(c), c.to_f(), c + 1, type(c + 1).__name__, isinstance(c, float), round(c))
class Even(int):
    def __new__(cls, v):
        if v % 2:
            raise ValueError("odd: %d" % v)
        return super().__new__(cls, v)
print(Even(4), Even(4) + 1, type(Even(4) * 2).__name__)
try:
    Even(3)
except ValueError as e:
    print(type(e).__name__, e)
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1); s.push(2)
print(s, s.peek(), s.pop(), len(s), s == [1], Stack([3, 4])[::-1], type(Stack([3])[:]).__name__)
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise AppError(404, "not found")
except Exception as e:
    print(type(e).__name__, e, e.code, e.args, isinstance(e, AppError))
class Vec(tuple):
    def __add__(self, o):
        return Vec(a + b for a, b in zip(self, o))
print(Vec((1, 2)) + Vec((3, 4)), Vec((1,)) + (1,), (1,) + Vec((2,)))
class CaseStr(str):
    def __eq__(self, o):
        return self.lower() == o.lower()
    __hash__ = str.__hash__
print(CaseStr("ABC") == "abc", "abc" == CaseStr("ABC"), CaseStr("x") != "X")
