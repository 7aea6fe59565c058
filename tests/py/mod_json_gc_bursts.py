# json.dumps(sort_keys=True) may collect after each dict it encodes through an items list, and
# json.loads may run a major collection before decoding a big document: the results must not change,
# with default() results, dict subclasses, finalizers running Python code, and old garbage around.
import json
import gc

freed = []


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        freed.append(self.n)


class D(dict):
    pass


def default(o):
    if isinstance(o, Noisy):
        junk = [Noisy(-o.n) for _ in range(3)]  # garbage with finalizers, made mid-encode
        return {"noisy": o.n, "junk": len(junk), "z": [o.n, str(o.n)]}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(type(o).__name__)


def make(n, seed):
    out = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        rec = {"id": i, "b": seed % 7, "a": "k%d" % (seed % 1000), "c": [seed % 3, -(seed % 5), None],
               "f": (seed % 1000) / 8.0, "u": "caf\u00e9 %d" % (seed % 9)}
        if i % 7 == 0:
            rec["sub"] = D(y=i, x=[i, {"q": i % 3, "p": True}])
        if i % 11 == 0:
            rec["obj"] = Noisy(i)
        if i % 13 == 0:
            rec["s"] = {i % 4, 9, 2}
        out.append(rec)
    return out, seed


seed = 7
keep = []
for rnd in range(3):
    recs, seed = make(400, seed)
    s1 = json.dumps(recs, sort_keys=True, default=default)
    s2 = json.dumps(recs, sort_keys=True, indent=1, default=default)
    back = json.loads(s1)
    back2 = json.loads(s2)
    assert back == back2
    keep.append(back)  # old data that stays, and earlier rounds' garbage
    again = json.dumps(back, sort_keys=True)
    print(rnd, len(s1), len(s2), s1 == again, sum(len(r) for r in back), back[0]["a"], back[-1]["c"])
    print("  ", s1[:90])
    print("  ", s2[-60:].replace("\n", "|"))
    del recs
gc.collect()
print(len(keep), len(keep[0]), sorted(set(freed))[:5], len(freed) > 0)
big = json.dumps({"k%04d" % i: [i, -i, "v%d" % i] for i in range(1000)}, sort_keys=True)
print(len(big), big[:60], json.loads(big)["k0999"])
