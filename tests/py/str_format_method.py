# str.format and format_map.
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{1}{0}".format("x", "y"))
print("{name} is {age}".format(name="Bob", age=42), "{0[0]} {0[1]}".format(["p", "q"]), "{d[key]}".format(d={"key": "v"}))
class P:
    x = 3
    y = 4
print("{p.x},{p.y}".format(p=P()), "{.x}".format(P()))
print("{{literal}} {}".format("braces"), "{:>5}|{:<5}|{:^5}|{:*^7}".format("a", "b", "c", "d"))
print("{!r} {!s} {!a}".format("q", "q", "é"), "{0!r:>8}".format("x"))
print("{:{width}.{prec}f}".format(3.14159, width=10, prec=2), "{:{}}".format("x", 4) + "|")
print("{:d} {:5d} {:<5d}| {:+d} {:x} {:#b} {:o} {:,} {:_}".format(1, 2, 3, 4, 255, 5, 8, 10 ** 6, 10 ** 6))
print("{0:.3} {0:.3s} {1:.1%} {2:e}".format("abcdef", 0.256, 12345.678))
print("{} items".format(len([1, 2, 3])), "{:c}".format(97), "{:=+8.2f}".format(-3.5))
print("{a}-{b}".format_map({"a": 1, "b": 2}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{a} and {missing}".format_map(Default(a="A")))
for bad in [lambda: "{}".format(), lambda: "{0} {}".format(1, 2), lambda: "{x}".format(y=1), lambda: "{:d}".format("s"), lambda: "{".format(1), lambda: "}".format(1), lambda: "{0[5]}".format([1])]:
    try:
        bad()
    except (IndexError, ValueError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
