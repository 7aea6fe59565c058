# Binary operators between two instances of one class with a Python __op__, as compiled code's generic
# BINARY_OP calls them (vm/type.c's kr_type_binop_same_class): results, NotImplemented (TypeError with
# the operator's symbol, in place too), __iop__ preferred for augmented assignment, a subclass or another
# type on one side (the reflected method's rules), exceptions with their traceback, an operator replaced
# on the class while a loop runs, and ** with its own messages.
import traceback


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return V(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)

    def __mul__(self, o):
        if isinstance(o, V):
            return self.x * o.x + self.y * o.y
        return V(self.x * o, self.y * o)

    def __rmul__(self, o):
        return V(o * self.x, o * self.y)

    def __truediv__(self, o):
        if o.x == 0:
            raise ZeroDivisionError("V division by zero x")
        return V(self.x / o.x, self.y / o.y)

    def __matmul__(self, o):
        return NotImplemented

    def __pow__(self, o):
        return NotImplemented

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)


def walk(n):
    acc = V(0, 0)
    step = V(1, 2)
    dots = 0
    for i in range(n):
        acc = acc + step
        acc -= V(0, 1)
        acc += step  # no __iadd__: __add__
        dots += acc * step
    return acc, dots, 2 * step, step * 3


print(walk(3000))


def failing(pairs, op):
    out = []
    for a, b in pairs:
        try:
            if op == "@":
                out.append(a @ b)
            elif op == "@=":
                a @= b
                out.append(a)
            elif op == "**":
                out.append(a ** b)
            elif op == "**=":
                a **= b
                out.append(a)
            elif op == "/":
                out.append(a / b)
            else:
                out.append(a + b)
        except (TypeError, ZeroDivisionError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out[-2:]


pairs = [(V(1, 1), V(2, 2))] * 1500
for op in ("@", "@=", "**", "**=", "/", "+"):
    print(op, failing(pairs, op))
print(failing(pairs + [(V(1, 1), V(0, 1))], "/"))
print(failing(pairs + [(V(1, 1), 5)], "+"))


class W(V):
    def __radd__(self, o):
        return "W.__radd__ first"

    def __iadd__(self, o):
        self.x += 100
        return self


def mixed(n):
    out = []
    for i in range(n):
        a = V(i, i)
        b = W(1, 1) if i % 2 else V(1, 1)
        out.append(a + b)
        c = W(i, 0)
        c += V(1, 1)
        out.append(c.x)
    return out[-4:]


print(mixed(2000))


def raising(n, bad):
    total = V(0, 0)
    for i in range(n):
        total = total + V(i, 1) / V(1 if i != bad else 0, 1)
    return total


print(raising(100, -1).x)
try:
    raising(2000, 1999)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, [(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])


def swap(n):
    acc = V(0, 0)
    for i in range(n):
        if i == n // 2:
            V.__add__ = lambda s, o: V(s.x + o.x + 1000, 0)
        acc = acc + V(1, 0)
    return acc.x


print(swap(4000))
del V.__add__
try:
    swap(10)
except TypeError as e:
    print("TypeError", e)
