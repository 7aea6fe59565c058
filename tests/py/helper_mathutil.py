# Helper module imported by import_* tests (lives beside the scripts; not a test itself).
PI_ISH = 22 / 7
_private = "hidden"
calls = 0
def square(x):
    global calls
    calls += 1
    return x * x
class Vector:
    def __init__(self, *xs):
        self.xs = xs
    def norm2(self):
        return sum(square(x) for x in self.xs)
print("helper_mathutil imported as", __name__)
