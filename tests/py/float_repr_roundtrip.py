# Shortest round-trip repr over many generated floats (IEEE operations only, so values are exact).
vals = []
x = 0.1
for i in range(60):
    vals.append(x)
    x = x * 1.7 + 0.3
y = 1.0
for i in range(60):
    vals.append(y)
    y /= 3.3
seed = 12345
for i in range(120):
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    mant = seed / 2 ** 31
    vals.append(mant * 10.0 ** ((i % 40) - 20))
vals += [2.0 ** k for k in range(-60, 70, 7)] + [1 / k for k in range(1, 40)] + [k / 10 for k in range(-30, 30)]
bad = 0
for v in vals:
    r = repr(v)
    if float(r) != v:
        bad += 1
print("round-trip failures:", bad)
for i in range(0, len(vals), 3):
    print(" ".join(repr(v) for v in vals[i:i + 3]))
