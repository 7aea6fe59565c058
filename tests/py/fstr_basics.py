# f-strings: expressions, conversions, format specs, nesting, '=' and quotes.
name, n, pi = "Ada", 42, 3.14159
print(f"hello {name}", f"{n + 1}", f"{n * 2:5d}|", f"{pi:.2f}", F"{name!r}", f"{name!s}", f"{'é'!a}")
print(f"{{braces}} {n}", f"{'nested ' + name}", f"{[1, 2, 3][1]}", f"{ {'a': 1}['a'] }", f"{(lambda x: x * 2)(4)}")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|", f"{name:>{width}}|", f"{name:^{width}}|", f"{n:{'0'}{width}d}")
print(f"{n=}", f"{pi=:.1f}", f"{name = }", f"{n*2=}", f"{name=!s}", f"{ n = }")
print(f"{n:x} {n:#o} {n:b} {n:,} {10**7:_} {0.25:%} {1234.5:e} {-n:+d} {n:c}")
print(f"""triple {name}
second line {n}""")
print(f'single {name}', f"{'single inside double'}", f'{"double inside single"}')
d = {"key": "val"}
print(f"{d['key']}", f"{d["key"]}", f"{'a' if n > 40 else 'b'}", f"{n if n else 0}")
print(rf"raw\n{n}", fr"\t{name}", f"\t{name}\\")
print(f"{f'{f"{n}"}'}", f"{'x':*^{width}}")
items = ["a", "b"]
print(f"{', '.join(items)}", f"{len(items)} items", f"{items!r}", f"{str(items):>12}")
class C:
    def __format__(self, spec):
        return "C<" + spec + ">"
    def __repr__(self):
        return "Crepr"
    def __str__(self):
        return "Cstr"
c = C()
print(f"{c}", f"{c:xyz}", f"{c!r}", f"{c!s}", f"{c!r:>8}", format(c, "q"))
x = 5
print(f"{x:>{x}}", f"{x}{x}", f"{'{'}{x}{'}'}", f"{x!r:^5}|")
print(f"{3.0:g} {1e-10:g} {100:5} {'s':5}| {True} {None} {b'x'}")
