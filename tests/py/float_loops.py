# Float-heavy computation whose results are exactly reproducible (IEEE ops only).
def integrate(f, a, b, n):
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h
print(integrate(lambda x: x * x, 0.0, 1.0, 1000))
print(integrate(lambda x: 1.0 / (1.0 + x * x), 0.0, 1.0, 2000) * 4)
def newton_sqrt(v):
    x = v
    for _ in range(30):
        x = 0.5 * (x + v / x)
    return x
print([newton_sqrt(v) for v in [2.0, 3.0, 10.0, 1e10, 0.25]])
z = 0.0
for i in range(1, 10001):
    z += 1.0 / (i * i)
print(z, (z * 6) ** 0.5)
pts = [(i * 0.1, (i * 0.37) % 1.0) for i in range(20)]
print(pts[:4], sum(x * y for x, y in pts))
def mandel(cr, ci, limit=100):
    zr = zi = 0.0
    for k in range(limit):
        zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
        if zr * zr + zi * zi > 4.0:
            return k
    return limit
rows = []
for y in range(-10, 11, 2):
    rows.append("".join("#" if mandel(x / 20.0, y / 10.0) == 100 else "." for x in range(-40, 11)))
print("\n".join(rows))
