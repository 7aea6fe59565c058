# Nested/dynamic format specs, !r/!s/!a with alignment, tables.
rows = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 100)]
w = max(len(r[0]) for r in rows)
for name, price, qty in rows:
    print("{:<{w}} | {:>8.2f} | {:>5d} | {:>9.2f}".format(name, price, qty, price * qty, w=w))
print("{!r:^20}|".format("centered"), "{!s:>10}|".format(3.5), "{!a:<10}|".format("ñ"))
for align in "<^>":
    for fill in " *0":
        spec = fill + align + "9"
        print(repr(spec), "[" + format("mid", spec) + "]", "[" + format(7, spec) + "]")
print("{0:{1}{2}{3}}".format(42, "*", "^", 10))
print("{:{}.{}}".format(2.718281828, 12, 4), "{:{fmt}}".format(255, fmt="#x"))
table = [[1, 22, 333], [4444, 5, 66]]
for row in table:
    print("".join(f"{v:>6}" for v in row))
print(f"{'total':-^20}")
print("%-10s|%10s|" % ("left", "right"), "%*s|" % (-6, "ab"))
