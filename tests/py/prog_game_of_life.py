# Conway's Game of Life on a torus: a glider, a blinker and an R-pentomino, printed every few generations.
W, H = 20, 12
def make(cells):
    return {(x % W, y % H) for x, y in cells}
def step(live):
    counts = {}
    for x, y in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = ((x + dx) % W, (y + dy) % H)
                    counts[k] = counts.get(k, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in live)}
def show(live):
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(W)) for y in range(H))
glider = [(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)]
blinker = [(10, 5), (11, 5), (12, 5)]
rpent = [(15, 8), (16, 8), (14, 9), (15, 9), (15, 10)]
live = make(glider + blinker + rpent)
history = []
for gen in range(31):
    if gen % 10 == 0:
        print("generation", gen, "population", len(live))
        print(show(live))
    history.append(frozenset(live))
    live = step(live)
print(sorted(len(h) for h in history)[:5], len(set(history)))
g = make(glider)
start = frozenset(g)
for _ in range(4 * 60):  # the glider moves one cell diagonally every 4 generations; lcm(W, H) = 60
    g = step(g)
print(frozenset(g) == start)
