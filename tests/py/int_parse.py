# int() from strings with bases, whitespace, signs and underscores.
print(int("42"), int("  -17  "), int("+8"), int("0"), int("-0"), int("1_000"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("ZZ", 36), int("777", 8), int("1010", 2), int("12", 3))
print(int("10", 0), int(" 0b_1_0 ", 0), int("-0x1F", 0))
print(int(3.99), int(-3.99), int(True), int(1e20), int("123456789012345678901234567890"))
print(int(), int("0" * 50 + "5"), int("\t\n 9 \n"))
for bad in ["abc", "", " ", "1.5", "0x", "1_", "_1", "1__0", "08", "12a"]:
    try:
        int(bad, 0) if bad == "08" else int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for s, b in [("12", 2), ("g", 16), ("0x1g", 16), ("9", 8)]:
    try:
        int(s, b)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("10", 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("10", 37)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(5, 10)
except TypeError as e:
    print(type(e).__name__, e)
print(int("1" * 300, 2) == 2 ** 300 - 1, int("f" * 100, 16) == 16 ** 100 - 1)
