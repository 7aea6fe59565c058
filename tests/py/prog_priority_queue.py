# A binary-heap priority queue (no heapq) used for heap sort, k-smallest and Dijkstra.
class PriorityQueue:
    def __init__(self, items=(), key=lambda x: x):
        self.key = key
        self.heap = []
        self.counter = 0
        for it in items:
            self.push(it)
    def __len__(self):
        return len(self.heap)
    def __bool__(self):
        return bool(self.heap)
    def push(self, item):
        self.heap.append((self.key(item), self.counter, item))
        self.counter += 1
        self._up(len(self.heap) - 1)
    def pop(self):
        if not self.heap:
            raise IndexError("pop from empty priority queue")
        top = self.heap[0]
        last = self.heap.pop()
        if self.heap:
            self.heap[0] = last
            self._down(0)
        return top[2]
    def peek(self):
        return self.heap[0][2]
    def _up(self, i):
        h = self.heap
        while i > 0:
            parent = (i - 1) // 2
            if h[i][:2] < h[parent][:2]:
                h[i], h[parent] = h[parent], h[i]
                i = parent
            else:
                break
    def _down(self, i):
        h = self.heap
        n = len(h)
        while True:
            small = i
            for c in (2 * i + 1, 2 * i + 2):
                if c < n and h[c][:2] < h[small][:2]:
                    small = c
            if small == i:
                return
            h[i], h[small] = h[small], h[i]
            i = small
data = [(i * 7919) % 101 for i in range(50)]
pq = PriorityQueue(data)
out = [pq.pop() for _ in range(len(pq))]
print(out == sorted(data), out[:10], len(pq), bool(pq))
try:
    pq.pop()
except IndexError as e:
    print(type(e).__name__, e)
tasks = PriorityQueue(key=lambda t: t[0])
for t in [(2, "write"), (1, "plan"), (3, "test"), (1, "coffee"), (2, "review")]:
    tasks.push(t)
print([tasks.pop()[1] for _ in range(len(tasks))])
words = "the quick brown fox jumps over the lazy dog again and again".split()
longest = PriorityQueue(words, key=lambda w: (-len(w), w))
print([longest.pop() for _ in range(4)])
graph = {
    "A": {"B": 7, "C": 9, "F": 14}, "B": {"A": 7, "C": 10, "D": 15}, "C": {"A": 9, "B": 10, "D": 11, "F": 2},
    "D": {"B": 15, "C": 11, "E": 6}, "E": {"D": 6, "F": 9}, "F": {"A": 14, "C": 2, "E": 9}, "G": {},
}
def dijkstra(src):
    dist = {src: 0}
    prev = {}
    q = PriorityQueue(key=lambda p: p[0])
    q.push((0, src))
    done = set()
    while q:
        d, u = q.pop()
        if u in done:
            continue
        done.add(u)
        for v, w in sorted(graph[u].items()):
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                q.push((nd, v))
    return dist, prev
dist, prev = dijkstra("A")
print(sorted(dist.items()))
def path(to):
    p = [to]
    while p[-1] in prev:
        p.append(prev[p[-1]])
    return "->".join(reversed(p))
print([path(n) for n in "BCDEF"], "G" in dist)
big = PriorityQueue((i * 2654435761) % 1000003 for i in range(5000))
prev_v = -1
ok = True
for _ in range(5000):
    v = big.pop()
    ok = ok and v >= prev_v
    prev_v = v
print(ok, prev_v)
