# Graph algorithms: BFS shortest paths, DFS order, topological sort (Kahn), components, cycle detection.
edges = [("shirt", "tie"), ("tie", "jacket"), ("pants", "shoes"), ("pants", "belt"), ("belt", "jacket"), ("shirt", "belt"),
         ("socks", "shoes"), ("undershorts", "pants"), ("undershorts", "shoes")]
nodes = sorted({a for a, _ in edges} | {b for _, b in edges} | {"watch"})
adj = {n: [] for n in nodes}
for a, b in edges:
    adj[a].append(b)
def topo(adj):
    indeg = {n: 0 for n in adj}
    for a in adj:
        for b in adj[a]:
            indeg[b] += 1
    ready = sorted(n for n in adj if indeg[n] == 0)
    order = []
    while ready:
        n = ready.pop(0)
        order.append(n)
        for m in sorted(adj[n]):
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    if len(order) != len(adj):
        raise ValueError("graph has a cycle")
    return order
print(topo(adj))
def dfs(adj, start):
    seen, order = set(), []
    def visit(n):
        seen.add(n)
        order.append(n)
        for m in adj[n]:
            if m not in seen:
                visit(m)
    visit(start)
    return order
print(dfs(adj, "undershorts"), dfs(adj, "shirt"))
undirected = {n: set() for n in nodes}
for a, b in edges:
    undirected[a].add(b)
    undirected[b].add(a)
def components(g):
    seen, comps = set(), []
    for n in sorted(g):
        if n in seen:
            continue
        comp, stack = [], [n]
        seen.add(n)
        while stack:
            x = stack.pop()
            comp.append(x)
            for y in sorted(g[x]):
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        comps.append(sorted(comp))
    return comps
print(components(undirected))
def bfs(g, src):
    dist = {src: 0}
    queue = [src]
    head = 0
    while head < len(queue):
        x = queue[head]
        head += 1
        for y in sorted(g[x]):
            if y not in dist:
                dist[y] = dist[x] + 1
                queue.append(y)
    return dist
print(sorted(bfs(undirected, "socks").items()))
cyclic = {"a": ["b"], "b": ["c"], "c": ["a", "d"], "d": []}
try:
    topo(cyclic)
except ValueError as e:
    print(type(e).__name__, e)
grid = ["S.#.....", ".##.###.", "....#...", "##.##.#.", "......#E"]
def maze(grid):
    h, w = len(grid), len(grid[0])
    start = next((r, c) for r in range(h) for c in range(w) if grid[r][c] == "S")
    end = next((r, c) for r in range(h) for c in range(w) if grid[r][c] == "E")
    prev = {start: None}
    q = [start]
    for cur in q:
        if cur == end:
            break
        r, c = cur
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < h and 0 <= nc < w and grid[nr][nc] != "#" and (nr, nc) not in prev:
                prev[(nr, nc)] = cur
                q.append((nr, nc))
    path, cur = [], end
    while cur is not None:
        path.append(cur)
        cur = prev[cur]
    rows = [list(r) for r in grid]
    for r, c in path[1:-1]:
        rows[r][c] = "*"
    return len(path) - 1, ["".join(r) for r in rows]
n, drawn = maze(grid)
print(n)
print("\n".join(drawn))
