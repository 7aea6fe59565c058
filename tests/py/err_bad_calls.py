# Calling things wrongly: arity, keywords, non-callables, builtins with wrong types.
def two(a, b): return a + b
class K:
    def m(self, x): return x
calls = [
    lambda: two(1), lambda: two(1, 2, 3), lambda: two(1, c=2), lambda: two(1, 2, a=1), lambda: K().m(), lambda: K.m(1),
    lambda: K(1), lambda: len(), lambda: len(1, 2), lambda: abs(), lambda: isinstance(1), lambda: int(1, 2, 3),
    lambda: "x".join(1), lambda: [].append(), lambda: {}.get(), lambda: sorted(1), lambda: list(1, 2),
    lambda: print(end=1), lambda: range("1"), lambda: getattr(1), lambda: open(), lambda: sum(1),
    lambda: divmod(1), lambda: enumerate(5), lambda: zip(5), lambda: map(len), lambda: "a".split(1),
    lambda: [1, 2].sort(key=1), lambda: min(1, key=len), lambda: dict(1), lambda: set(1), lambda: tuple(1.5),
    lambda: "abc".startswith(1), lambda: "{}".format(*5) if False else "ab".replace(1, 2), lambda: chr("a"),
    lambda: ord(1), lambda: hex(1.5), lambda: round(1, 2, 3), lambda: iter(), lambda: next(1),
]
for c in calls:
    try:
        c()
        print("no error")
    except TypeError as e:
        print(type(e).__name__, "|", e)
