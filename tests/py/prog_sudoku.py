# Backtracking sudoku solver with constraint sets.
PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""
def parse(text):
    rows = [l for l in text.split() if l]
    return [[0 if c == "." else int(c) for c in row] for row in rows]
def show(grid):
    lines = []
    for r, row in enumerate(grid):
        if r and r % 3 == 0:
            lines.append("------+-------+------")
        cells = [str(v) if v else "." for v in row]
        lines.append(" ".join(cells[0:3]) + " | " + " ".join(cells[3:6]) + " | " + " ".join(cells[6:9]))
    return "\n".join(lines)
def solve(grid):
    rows = [set() for _ in range(9)]
    cols = [set() for _ in range(9)]
    boxes = [set() for _ in range(9)]
    empty = []
    for r in range(9):
        for c in range(9):
            v = grid[r][c]
            if v:
                rows[r].add(v); cols[c].add(v); boxes[r // 3 * 3 + c // 3].add(v)
            else:
                empty.append((r, c))
    steps = [0]
    def bt(i):
        if i == len(empty):
            return True
        best = i
        best_opts = None
        for j in range(i, len(empty)):
            r, c = empty[j]
            opts = [v for v in range(1, 10) if v not in rows[r] and v not in cols[c] and v not in boxes[r // 3 * 3 + c // 3]]
            if best_opts is None or len(opts) < len(best_opts):
                best, best_opts = j, opts
                if len(opts) <= 1:
                    break
        empty[i], empty[best] = empty[best], empty[i]
        r, c = empty[i]
        b = r // 3 * 3 + c // 3
        for v in best_opts:
            steps[0] += 1
            grid[r][c] = v
            rows[r].add(v); cols[c].add(v); boxes[b].add(v)
            if bt(i + 1):
                return True
            rows[r].discard(v); cols[c].discard(v); boxes[b].discard(v)
            grid[r][c] = 0
        empty[i], empty[best] = empty[best], empty[i]
        return False
    ok = bt(0)
    return ok, steps[0]
def valid(grid):
    units = [row for row in grid] + [[grid[r][c] for r in range(9)] for c in range(9)]
    units += [[grid[r][c] for r in range(br, br + 3) for c in range(bc, bc + 3)] for br in (0, 3, 6) for bc in (0, 3, 6)]
    return all(sorted(u) == list(range(1, 10)) for u in units)
g = parse(PUZZLE)
print(show(g))
print()
ok, steps = solve(g)
print(ok, steps, valid(g))
print(show(g))
hard = parse("""
8........
..36.....
.7..9.2..
.5...7...
....457..
...1...3.
..1....68
..85...1.
.9....4..
""")
ok, steps = solve(hard)
print(ok, valid(hard), "".join(str(v) for v in hard[0]), "".join(str(v) for v in hard[8]))
bad = parse(PUZZLE)
bad[0][2] = 5
print(solve(bad)[0])
