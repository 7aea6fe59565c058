# N-queens: count solutions for n = 1..9 with bitmasks and print the first 8x8 solution board.
def count(n):
    full = (1 << n) - 1
    def place(cols, d1, d2):
        if cols == full:
            return 1
        total = 0
        free = full & ~(cols | d1 | d2)
        while free:
            bit = free & -free
            free ^= bit
            total += place(cols | bit, ((d1 | bit) << 1) & full, (d2 | bit) >> 1)
        return total
    return place(0, 0, 0)
print([count(n) for n in range(1, 10)])
def first_solution(n):
    board = []
    def ok(row, col):
        for r, c in enumerate(board):
            if c == col or abs(c - col) == row - r:
                return False
        return True
    def solve(row):
        if row == n:
            return True
        for col in range(n):
            if ok(row, col):
                board.append(col)
                if solve(row + 1):
                    return True
                board.pop()
        return False
    solve(0)
    return board
sol = first_solution(8)
print(sol)
for c in sol:
    print(" ".join("Q" if i == c else "." for i in range(8)))
def all_solutions(n):
    res = []
    def go(row, cols, used_d1, used_d2):
        if row == n:
            res.append(tuple(cols))
            return
        for c in range(n):
            if c in cols or (row - c) in used_d1 or (row + c) in used_d2:
                continue
            cols.append(c); used_d1.add(row - c); used_d2.add(row + c)
            go(row + 1, cols, used_d1, used_d2)
            cols.pop(); used_d1.discard(row - c); used_d2.discard(row + c)
    go(0, [], set(), set())
    return res
s6 = all_solutions(6)
print(len(s6), s6)
def canonical(sol):
    n = len(sol)
    variants = []
    cur = list(sol)
    for _ in range(4):
        cur = [cur.index(i) for i in range(n)][::-1] if False else [n - 1 - cur.index(r) for r in range(n)]
        variants.append(tuple(cur))
        variants.append(tuple(reversed(cur)))
    return min(variants)
print(len({canonical(s) for s in all_solutions(8)}))
