# One C call makes far more young objects than a nursery (str.split), a few survive: the survivors
# are promoted (the old generation grows by them only) and stay intact through later minor and major
# collections, while a big decoded document replaces an old one (a major collection comes early).
import gc
import json

text = " ".join("w%d" % i for i in range(30000))
keep = text.split()[::100]
print(len(keep), keep[:3], keep[-1])
rounds = []
doc = json.dumps([{"k": i, "v": [i, str(i)]} for i in range(800)])
back = None
for r in range(4):
    back = json.loads(doc)
    rounds.append(back[r * 50])
    junk = [str(i) * 3 for i in range(1000)]
    del junk
print(rounds)
gc.collect()
print(keep[1], keep[-2], sum(len(w) for w in keep), back[-1])
words = text.split()
tail = words[-5:]
del words
gc.collect()
print(tail, len(keep))
