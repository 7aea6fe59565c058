# Insertion order, re-insertion, deletion order, and various key types.
d = {}
for key in ["zebra", "apple", "mango", "banana"]:
    d[key] = len(key)
print(d)
d["apple"] = 99
print(d)
del d["zebra"]
d["zebra"] = 0
print(d)
keys = {1: "int", "1": "str", (1,): "tuple", 1.5: "float", None: "none", True: "bool-as-1", b"1": "bytes", frozenset([1]): "fs", -1: "neg", 2 ** 70: "big"}
print(keys)
print(keys[1], keys[1.0], keys[None], keys[(1,)], keys[frozenset({1})], keys[2 ** 70], keys[-1])
class Key:
    def __init__(self, k): self.k = k
    def __hash__(self): return hash(self.k % 10)
    def __eq__(self, other): return isinstance(other, Key) and self.k == other.k
    def __repr__(self): return "Key(%d)" % self.k
kd = {Key(i): i for i in [1, 11, 21, 2, 12]}
print(kd, kd[Key(11)], Key(31) in kd, len(kd))
big = {}
for i in range(1000):
    big[str(i)] = i
for i in range(0, 1000, 3):
    del big[str(i)]
print(len(big), list(big)[:5], list(big)[-3:], sum(big.values()))
nan = float("nan")
nd = {nan: 1}
print(nd[nan], len({float("nan"): 1, float("nan"): 2}))
