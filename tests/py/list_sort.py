# sort/sorted: stability, key, reverse, mixed numbers, errors.
people = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35), ("frank", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [5, -3, 2.5, 0, -0.0, 10, 1, -7]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, reverse=True))
a = [3, 1, 2]
print(a.sort(), a)
a.sort(key=lambda x: -x); print(a)
data = [(i % 3, i) for i in range(12)]
data.sort(key=lambda t: t[0]); print(data)
data.sort(key=lambda t: t[0], reverse=True); print(data)
print(sorted("hello"), sorted((3, 2, 1)), sorted({3: "a", 1: "b"}), sorted(x * x for x in range(-3, 4)))
print(sorted([[2, 1], [1, 2], [1, 1], [2]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, 1].sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
big = [(i * 7919) % 1009 for i in range(2000)]
s = sorted(big)
print(s[:10], s[-10:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)), sum(s))
stab = sorted(range(100), key=lambda i: i % 4)
print(stab[:30])
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, other): return self.v < other.v
    def __repr__(self): return "K%d" % self.v
print(sorted([K(3), K(1), K(2)]), max([K(3), K(9), K(2)], key=lambda k: k.v), min([K(3), K(1)]))
