# match: literal, capture, wildcard, or-patterns, guards, value patterns.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case int(n) if n > 100:
            return "big int %d" % n
        case str() as s if len(s) > 3:
            return "long string " + s
        case _:
            return "other %r" % (x,)
for v in [0, 2, "hello", True, None, -1, 1.5, 1000, "abcd", "ab", 50, 1.0, False]:
    print(repr(v), "->", describe(v))
class Color:
    RED = "red"
    GREEN = "green"
def color(c):
    match c:
        case Color.RED:
            return "stop"
        case Color.GREEN:
            return "go"
        case other:
            return "unknown " + other
print(color("red"), color("green"), color("blue"))
match 42:
    case x:
        print("captured", x)
