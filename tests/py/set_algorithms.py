# Set-based algorithms: dedupe preserving order, graph reachability, intersections.
data = [5, 3, 5, 1, 3, 9, 1, 7]
seen = set()
uniq = []
for x in data:
    if x not in seen:
        seen.add(x)
        uniq.append(x)
print(uniq, sorted(seen), len(seen))
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": [], "f": ["a"], "g": ["a"]}
def reach(start):
    out = set()
    pending = [start]
    while pending:
        n = pending.pop()
        if n in out:
            continue
        out.add(n)
        pending.extend(graph[n])
    return out
for n in sorted(graph):
    print(n, sorted(reach(n)))
primes = {p for p in range(2, 60) if all(p % q for q in range(2, p))}
odds = set(range(1, 60, 2))
print(sorted(primes & odds), sorted(primes - odds), len(primes | odds))
s1 = set("the quick brown fox".split())
s2 = set("the lazy brown dog".split())
print(sorted(s1 & s2), sorted(s1 ^ s2))
fs = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(fs), sorted(sorted(x) for x in fs))
big = set(range(0, 10000, 3)) & set(range(0, 10000, 5))
print(len(big), min(big), max(big), sum(big))
