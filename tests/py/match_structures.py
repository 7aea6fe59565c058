# match: sequence, mapping, class patterns, star patterns, nested patterns.
def handle(cmd):
    match cmd:
        case []:
            return "empty"
        case [x]:
            return "one: %r" % (x,)
        case ["go", direction]:
            return "go " + direction
        case ["pick", *items] if items:
            return "pick %s" % ",".join(items)
        case [first, *_, last]:
            return "first %r last %r" % (first, last)
        case {"action": "move", "x": x, "y": y}:
            return "move to %d,%d" % (x, y)
        case {"action": action, **rest}:
            return "action %s with %s" % (action, sorted(rest))
        case (1, (2, z)):
            return "nested z=%r" % (z,)
        case _:
            return "unknown"
for c in [[], ["solo"], ["go", "north"], ["pick", "a", "b"], ["pick"], [1, 2, 3, 4], {"action": "move", "x": 1, "y": 2},
          {"action": "jump", "height": 3, "speed": 1}, (1, (2, 3)), "string", 42, {"noaction": 1}, (1, 2)]:
    print(repr(c), "->", handle(c))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    def __init__(self, center, r):
        self.center, self.r = center, r
def where(shape):
    match shape:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return "on y axis at %d" % y
        case Point(x, 0):
            return "on x axis at %d" % x
        case Point(x, y) if x == y:
            return "diagonal %d" % x
        case Circle(center=Point(x=cx, y=cy), r=r) if r > 5:
            return "big circle at %d,%d" % (cx, cy)
        case Circle(r=r):
            return "circle r=%d" % r
        case Point():
            return "some point"
        case int() | float() as num:
            return "number %r" % (num,)
        case [Point(x=a), Point(x=b)]:
            return "two points x=%d,%d" % (a, b)
        case _:
            return "unknown"
for s in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Circle(Point(1, 1), 10), Circle(Point(1, 1), 1), 3, 2.5, [Point(1, 0), Point(2, 0)], "x"]:
    print(where(s))
match {"a": 1, "b": 2}:
    case {"a": 1}:
        print("mapping patterns ignore extra keys")
match [1, 2, 3]:
    case [1, *rest]:
        print("rest", rest)
match (1, 2):
    case [a, b]:
        print("tuple matched by list pattern", a, b)
match "abc":
    case [*chars]:
        print("str is not a sequence pattern", chars)
    case _:
        print("strings do not match sequence patterns")
