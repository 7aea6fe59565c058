# An LRU cache built from a dict and a doubly linked list, with stats, used to memoize a function.
class _Node:
    __slots__ = ("key", "value", "prev", "next")
    def __init__(self, key=None, value=None):
        self.key, self.value = key, value
        self.prev = self.next = None
class LRUCache:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.map = {}
        self.head = _Node()
        self.tail = _Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = self.evictions = 0
    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev
    def _push_front(self, node):
        node.next, node.prev = self.head.next, self.head
        self.head.next.prev = node
        self.head.next = node
    def get(self, key, default=None):
        node = self.map.get(key)
        if node is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(node)
        self._push_front(node)
        return node.value
    def put(self, key, value):
        node = self.map.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return
        if len(self.map) >= self.capacity:
            lru = self.tail.prev
            self._unlink(lru)
            del self.map[lru.key]
            self.evictions += 1
        node = _Node(key, value)
        self.map[key] = node
        self._push_front(node)
    def __contains__(self, key):
        return key in self.map
    def __len__(self):
        return len(self.map)
    def keys(self):
        out = []
        n = self.head.next
        while n is not self.tail:
            out.append(n.key)
            n = n.next
        return out
    def __repr__(self):
        return "LRUCache(%r)" % [(k, self.map[k].value) for k in self.keys()]
c = LRUCache(3)
for k, v in [("a", 1), ("b", 2), ("c", 3)]:
    c.put(k, v)
print(c, c.get("a"), c)
c.put("d", 4)
print(c, "b" in c, c.get("b", "gone"), len(c))
c.put("c", 30)
print(c, c.keys())
def memoized(capacity):
    def deco(fn):
        cache = LRUCache(capacity)
        def wrapper(*args):
            r = cache.get(args, wrapper)
            if r is wrapper:
                r = fn(*args)
                cache.put(args, r)
            return r
        wrapper.cache = cache
        return wrapper
    return deco
@memoized(64)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(300), fib.cache.hits, fib.cache.misses, fib.cache.evictions, len(fib.cache))
@memoized(10)
def collatz_len(n):
    return 1 if n == 1 else 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)
print([collatz_len(n) for n in range(1, 20)], collatz_len.cache.evictions > 0)
lru = LRUCache(100)
seed = 7
for i in range(5000):
    seed = (seed * 48271) % 2147483647
    key = seed % 150
    if lru.get(key) is None:
        lru.put(key, i)
print(lru.hits, lru.misses, lru.evictions, len(lru), lru.keys()[:5])
try:
    LRUCache(0)
except ValueError as e:
    print(type(e).__name__, e)
