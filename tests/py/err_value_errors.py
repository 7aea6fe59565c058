# ValueError messages from conversions and methods (any other exception type is printed too).
import math
cases = [
    lambda: int("3.5"), lambda: int("1e3"), lambda: int(""), lambda: float("1,5"), lambda: int("0x1f", 10),
    lambda: "abc".index("d"), lambda: [1, 2].index(3), lambda: (1,).index(2), lambda: [].remove(0),
    lambda: "a b".split(""), lambda: chr(-5), lambda: range(0, 1, 0), lambda: bytes.fromhex("zz"),
    lambda: "{:q}".format(1), lambda: float("nan_x"), lambda: [1, 2, 3][::0], lambda: int("5", 40),
    lambda: (1).to_bytes(1, "sideways"), lambda: list(zip([1], [], strict=True)), lambda: max([]), lambda: min(()),
    lambda: math.sqrt(-4), lambda: math.log(-1, 2), lambda: bytearray([300]), lambda: "x".rsplit(""),
    lambda: int("--5"), lambda: float("1e5e5"), lambda: "{0}{}".format(1, 2), lambda: "%(x)d" % {"x": "s"},
]
def unpack_three():
    a, b = [1, 2, 3]
def unpack_one():
    a, b = [1]
cases += [unpack_three, unpack_one]
for c in cases:
    try:
        c()
        print("no error")
    except Exception as e:
        print(type(e).__name__, "|", e)
