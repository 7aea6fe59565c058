# json.dumps of texts far longer than the encoder's output chunks (stdlib/json.c: 64 KB flushes into
# 256 KB chunks): multi-byte UTF-8 across chunk boundaries, indent and sort_keys, skipkeys rewinding
# next to a flush, a single string longer than a chunk, and round trips through json.loads.
import json

def digest(s):
    h = 0
    for ch in s[::97]:
        h = (h * 131 + ord(ch)) % 1000000007
    return h

recs = []
for i in range(6000):
    recs.append({"id": i, "name": "n\u00e9\u2603\U0001f600" * (i % 5), "v": [i, -i, i * 0.5, None, True],
                 "nested": {"k%d" % (i % 7): "x" * (i % 40)}})
s = json.dumps(recs)
print(len(s), digest(s), s[:60], s[-60:])
assert json.loads(s) == recs
s = json.dumps(recs, ensure_ascii=False)
print(len(s), digest(s), len(s.encode()), s[-40:])
assert json.loads(s) == recs
s = json.dumps(recs, indent=2, sort_keys=True)
print(len(s), digest(s), s.count("\n"))
assert json.loads(s) == recs

# a key that skipkeys drops, in every dict, so that rewinds happen on both sides of flushes
d = [{"a": "y" * 300, (1, 2): "dropped", "b": i} for i in range(3000)]
s = json.dumps(d, skipkeys=True)
print(len(s), digest(s), "dropped" in s)
assert json.loads(s) == [{"a": "y" * 300, "b": i} for i in range(3000)]

# one value bigger than a chunk, and a document of exactly representative sizes around the chunk size
big = "\u00e9" * 300000 + "z"
s = json.dumps([big, big], ensure_ascii=False)
print(len(s), s[:5], s[-5:], json.loads(s) == [big, big])
for n in (65530, 65536, 262140, 262144, 262150):
    s = json.dumps(["a" * n])
    t = json.dumps([["a" * 70000] * 4, "b" * n])
    print(n, len(s), len(t), json.loads(t)[1] == "b" * n)
