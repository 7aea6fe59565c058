# Discrete-event simulation of a bank queue with its own heap and a deterministic LCG.
class LCG:
    def __init__(self, seed):
        self.state = seed
    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        return self.state >> 33
    def randint(self, lo, hi):
        return lo + self.next() % (hi - lo + 1)
class Heap:
    def __init__(self):
        self.a = []
    def push(self, item):
        a = self.a
        a.append(item)
        i = len(a) - 1
        while i and a[(i - 1) // 2] > a[i]:
            a[(i - 1) // 2], a[i] = a[i], a[(i - 1) // 2]
            i = (i - 1) // 2
    def pop(self):
        a = self.a
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i = 0
            while True:
                c = 2 * i + 1
                if c >= len(a):
                    break
                if c + 1 < len(a) and a[c + 1] < a[c]:
                    c += 1
                if a[i] <= a[c]:
                    break
                a[i], a[c] = a[c], a[i]
                i = c
        return top
    def __len__(self):
        return len(self.a)
def simulate(tellers, customers, seed):
    rng = LCG(seed)
    events = Heap()
    t = 0
    for cid in range(customers):
        t += rng.randint(1, 6)
        events.push((t, 1, cid, rng.randint(3, 15)))
    free = tellers
    queue = []
    waits = []
    busy_time = 0
    log = []
    seq = 0
    arrivals = {}
    while len(events):
        time, kind, cid, service = events.pop()
        if kind == 1:
            arrivals[cid] = time
            if free:
                free -= 1
                waits.append(0)
                busy_time += service
                seq += 1
                events.push((time + service, 0, cid, 0))
            else:
                queue.append((cid, service))
        else:
            if len(log) < 8:
                log.append("t=%d done %d" % (time, cid))
            if queue:
                nid, svc = queue.pop(0)
                waits.append(time - arrivals[nid])
                busy_time += svc
                events.push((time + svc, 0, nid, 0))
            else:
                free += 1
        last = time
    return {"tellers": tellers, "served": len(waits), "max_wait": max(waits), "avg_wait_x100": sum(waits) * 100 // len(waits),
            "end": last, "utilisation_pct": busy_time * 100 // (last * tellers), "log": log}
for tellers in (1, 2, 3, 4):
    r = simulate(tellers, 200, seed=2024)
    print({k: v for k, v in r.items() if k != "log"})
print(simulate(2, 20, seed=1)["log"])
rng = LCG(42)
rolls = [rng.randint(1, 6) for _ in range(6000)]
print([rolls.count(i) for i in range(1, 7)], rolls[:10])
