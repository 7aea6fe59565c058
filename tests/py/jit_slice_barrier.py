# Slice assignment into a list that survived collections (old) of values made after them (young):
# list_replace_range's write barrier, which it now runs only for old lists. The stress modes collect at
# every safepoint with the barrier verifier on; the loop also allocates enough to collect normally.
import gc

keep = [[i] for i in range(8)]
gc.collect()  # keep and its items are old now


def put(dst, r):
    # the new values are referenced only from dst once this returns
    dst[2:7] = [[r, j] for j in range(4)] + [float(r) + 0.5]  # same length: the memcpy path
    dst[0:1] = (str(r) * 2,)  # a tuple source


def fill(dst, rounds):
    total = 0
    for r in range(rounds):
        put(dst, r)
        junk = [[k] * 3 for k in range(50)]  # garbage, to trigger collections
        total += len(junk)
        dst[7:] = [(r, r)]
    return total


print(fill(keep, 300))
gc.collect()
print(keep)
# growing and shrinking an old list by slice assignment of young values
grow = list(range(5))
gc.collect()
def regrow(r):
    grow[1:2] = [[r], [r + 1]]
    grow[3:] = [{"r": r}]
    del grow[4:]


for r in range(100):
    regrow(r)
    x = [object() for _ in range(30)]
gc.collect()
print(grow)

# Outside the stress modes young objects live across several safepoints: a value stored by slice
# assignment into an old list, and referenced by nothing else, must survive the minor collections
# that the garbage below triggers (without the barrier its block is freed and reused).
old = [0] * 8
gc.collect()


def put2(dst, r):
    dst[2:4] = [[r, 1], [r, 2]]
    dst[5:6] = ([r, 5],)


bad = 0
for r in range(2000):
    put2(old, r)
    for i in range(200):
        x = [r, i]
    if old[2] != [r, 1] or old[3] != [r, 2] or old[5] != [r, 5]:
        bad += 1
print(old, bad)
